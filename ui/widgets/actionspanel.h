#pragma once

#include "error.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace arbor {
class TriggerService;
struct ActionHealth;
struct EngineState;
}

namespace arbor::ui {

class ActionHealthModel;
class RefreshThrottle;

/**
 * The Triggers page's Actions tab: how each action of the triggers and alert rules delivers
 * (ActionHealthModel), and the operator's verbs on the selected one — Enable (the deliveries
 * held while it was disabled go out at once, in the order of their events), Disable (its
 * deliveries are held) and Resend Dead (its given-up deliveries go out again, each under its
 * own id).
 *
 * Read through a RefreshThrottle when deliveries or actions changed (at most twice a second)
 * and every RefreshMs while shown. Verbs run on the Engine's writer; their outcome shows in the
 * status line. On a read-only console the verbs are disabled. The GUI thread never waits.
 *
 * Thread: the GUI thread. The TriggerService must outlive it.
 */
class ActionsPanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshMs = 10000;

    explicit ActionsPanel(arbor::TriggerService *triggers, QWidget *parent = nullptr);

    void refresh();
    ActionHealthModel *model() const { return m_model; }

private:
    bool read();
    void applyEngineState(const arbor::EngineState &state);
    void updateButtons();
    const arbor::ActionHealth *selectedAction() const;
    void setSelectedEnabled(bool enabled);
    void resendSelectedDead();
    void showStatus(const QString &text, bool error = false);

    arbor::TriggerService *m_triggers = nullptr;
    ActionHealthModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    QPushButton *m_enableButton = nullptr;
    QPushButton *m_disableButton = nullptr;
    QPushButton *m_resendButton = nullptr;
    QLabel *m_status = nullptr;
    RefreshThrottle *m_refresh = nullptr;
    bool m_readOnly = true;
    bool m_busy = false;
};

} // namespace arbor::ui

#pragma once

#include "engine/engineoptions.h"
#include "model/chainconfig.h"
#include "triggers/alertrule.h"

#include <QDialog>
#include <QFuture>
#include <QSet>

#include <functional>
#include <optional>

class QAction;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace arbor {
class AlertService;
class ChainService;
}

namespace arbor::ui {

class AlertRuleModel;
class MessageLabel;
class RefreshThrottle;

/**
 * The operator's alert rules (File › Alert Rules…, or Rules… on the Alerts tab): one row per rule with its chain,
 * condition, hold time, whether it is enabled or silenced and how many actions deliver it; the
 * verbs add, edit, enable/disable, silence for 1, 8 or 24 hours, lift a silence and delete.
 *
 * The list is read again (RefreshThrottle) when the engine says the rules changed
 * (AlertService::alertRulesChanged), after a change during a read, and every RefreshMs while open
 * (another process's edits, silences that end), and diffed into the model, never reset. Every
 * verb goes through the Engine and reports its outcome, or the store's refusal (a read-only
 * console), in the dialog's status line. Never waits on the engine.
 *
 * Modeless: the window keeps one and raises it again.
 */
class AlertRulesDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit AlertRulesDialog(arbor::AlertService *alerts, arbor::ChainService *chains, QWidget *parent = nullptr);
    ~AlertRulesDialog() override;

    QAction *newRuleAction() const { return m_add; }
    QAction *editRuleAction() const { return m_edit; }
    QAction *toggleRuleAction() const { return m_toggle; }
    QAction *deleteRuleAction() const { return m_delete; }
    QAction *liftSilenceAction() const { return m_lift; }
    /// Silence for 1 hour, 8 hours, 24 hours.
    const QList<QAction *> &silenceActions() const { return m_silence; }
    AlertRuleModel *model() const { return m_model; }

    /// Reads the rules now, or as soon as the read under way is back.
    void refresh();

private:
    static constexpr int RefreshMs = 15000;

    QAction *createAction(const QString &icon, const QString &text, const char *objectName);
    bool read();
    void applyEngineState();
    void onChainsChanged(const QList<arbor::ChainRecord> &chains);
    std::optional<arbor::AlertRule> selectedRule() const;
    void selectRule(qint64 ruleId);
    void updateActions();

    void openEditor(const std::optional<arbor::AlertRule> &rule);
    void toggleSelected();
    void silenceSelected(int hours);
    void liftSilence();
    void confirmDeleteSelected();
    /// Sends every action of the selected rule a made-up alert of it, as a test.
    void sendTestOfSelected();
    /// Runs a verb that answers with the rule, marking it busy until then.
    void runVerb(qint64 ruleId, QFuture<arbor::Result<arbor::AlertRule>> verb, const std::function<QString(const arbor::AlertRule &)> &done);
    void showStatus(const QString &text, bool error = false);

    arbor::AlertService *m_alerts = nullptr;
    arbor::ChainService *m_chains = nullptr;
    AlertRuleModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_view = nullptr;
    MessageLabel *m_status = nullptr;

    QAction *m_add = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_toggle = nullptr;
    QAction *m_lift = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_test = nullptr;
    QList<QAction *> m_silence;
    QToolButton *m_silenceButton = nullptr;

    RefreshThrottle *m_refresh = nullptr;
    qint64 m_selectAfterRead = 0;
    QSet<qint64> m_busy;            ///< rules with a verb in flight: their verbs wait
};

} // namespace arbor::ui

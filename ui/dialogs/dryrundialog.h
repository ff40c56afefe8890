#pragma once

#include "triggers/triggerrecords.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace arbor {
class TriggerService;
}

namespace arbor::ui {

/**
 * Dry run of a stored trigger: TriggerService::dryRunTrigger evaluates it on the stored events of a
 * block range (both ends optional) from a fresh state, on the engine's reader. The matches are
 * listed (block, transaction, event, agent); the selected one shows the payload each action
 * would send. Nothing is sent and nothing is written, and the dialog says so.
 *
 * Runs once over every stored event when opened. Meant to be opened with open().
 */
class DryRunDialog final : public QDialog
{
    Q_OBJECT

public:
    DryRunDialog(arbor::TriggerService *triggers, const arbor::TriggerRecord &trigger, QWidget *parent = nullptr);

    /// Evaluates the range entered now.
    void run();
    /// The result shown, if a run finished.
    const std::optional<arbor::DryRunResult> &result() const { return m_result; }

private:
    void showResult(const arbor::DryRunResult &result);
    void showPayloads();

    arbor::TriggerService *m_triggers = nullptr;
    arbor::TriggerRecord m_trigger;
    quint64 m_request = 0;
    std::optional<arbor::DryRunResult> m_result;

    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QPushButton *m_runButton = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_matches = nullptr;
    QPlainTextEdit *m_payloads = nullptr;
};

} // namespace arbor::ui

#pragma once

#include "alerts/alertmonitor.h"
#include "engine/engineservice.h"
#include "error.h"
#include "model/chainconfig.h"
#include "store/alertstore.h"
#include "triggers/alertrule.h"
#include "triggers/mcpsender.h"

#include <QFuture>
#include <QList>
#include <QTimer>

namespace arbor {

class BalanceService;
class ChainService;
class IndexingService;
class TriggerService;

/**
 * Alerts (ARCHITECTURE.md, alerts/): one AlertMonitor fed from the engine's snapshots — chains,
 * indexing statuses (read every second, so stalls are found without a status change), queue
 * health, reorgs — and the operator's alert rules; the rules themselves, the alert history and
 * acknowledgements.
 *
 * Handed out by Engine::alerts(). An indexing engine that holds the lease (the one whose
 * TriggerService runs) also records every raise and clear in the alert history and queues a
 * rule's actions in the trigger outbox, on the writer. The console shows this monitor;
 * `arborctl serve` runs the same one headless, so a rule delivers whether or not a window is
 * open. Rules written by another process are read again every RuleReloadMs.
 *
 * Thread: the Engine's. It never waits: writes are queued on the writer.
 */
class AlertService final : public EngineService
{
    Q_OBJECT

public:
    ~AlertService() override;

    /// The alerts of this engine's chains (built-in ones and the operator's rules); lives as
    /// long as the service, on its thread.
    AlertMonitor *monitor() { return &m_monitor; }

    QFuture<Result<QList<AlertRule>>> alertRules();
    /// Stores a rule; the monitor evaluates it from now on.
    QFuture<Result<AlertRule>> addAlertRule(const AlertRule &rule);
    QFuture<Result<AlertRule>> updateAlertRule(const AlertRule &rule);
    QFuture<Result<AlertRule>> setAlertRuleEnabled(qint64 ruleId, bool enabled);
    /// Silences a rule until `untilMs` (unix ms; 0 lifts it): its alerts are still shown, but
    /// nothing is delivered and no desktop notification pops up.
    QFuture<Result<AlertRule>> silenceAlertRule(qint64 ruleId, qint64 untilMs);
    /// The rule goes; its open deliveries are cancelled, its history and results stay.
    QFuture<Status> deleteAlertRule(qint64 ruleId);
    /// A test delivery per action of the rule (AlertStore::createTestDeliveries), sent by the
    /// delivery worker at once; they show in the delivery log as tests.
    QFuture<Result<QList<AlertTestDelivery>>> sendTestDeliveries(qint64 ruleId);
    /// An MCP action's connection test, as for a trigger's (TriggerService::listMcpTools).
    QFuture<Result<McpToolList>> listMcpTools(const QUrl &url, const std::optional<SecretRef> &token, int timeoutMs);
    QFuture<Result<QList<AlertRecord>>> alertHistory(const AlertHistoryFilter &filter);
    /// Acknowledges a recorded alert (`arborctl alert ack ID`).
    QFuture<Result<AlertRecord>> acknowledgeAlert(qint64 alertId, const QString &note);
    /// Acknowledges an active alert of the monitor (the console's verb) and, where this engine
    /// records alerts, its history row. False when it is no longer active.
    bool acknowledgeAlert(const Alert &alert, const QString &note = QString());

    static constexpr int RuleReloadMs = 10000;

Q_SIGNALS:
    /// An alert rule was added, changed, silenced or deleted here.
    void alertRulesChanged();
    /// The alert history changed (a raise, clear or acknowledgement was recorded).
    void alertHistoryChanged();

private:
    friend class Engine;

    AlertService(EngineContext &context, ChainService &chains, IndexingService &indexing, BalanceService &balances,
                 TriggerService &triggers, QObject *parent = nullptr);

    /// Rules read (engines that raise alerts: not the one-shot commands) and, where the
    /// TriggerService runs, recording.
    void start();
    /// Raises and clears from here on are not recorded (the writer is about to close).
    void stopRecording();
    /**
     * Records from now on, if the triggers run here (this engine coordinates). An engine that
     * evaluates the rules first continues the alerts an earlier engine left open
     * (AlertMonitor::continueRecorded) and closes the rest of those rows; one that does not
     * (a one-shot command) leaves them to the next that does.
     */
    void beginRecording();
    /// The console and `serve`: the rules are read and evaluated here.
    bool evaluatesRules() const;
    /// Records the monitor's active alerts an earlier engine did not record, and the events
    /// raised while the open alerts were read.
    void recordUnrecorded();
    void updateChains(const QList<ChainRecord> &chains);
    /// Rules read again (after a write here, and every RuleReloadMs for other processes'), and
    /// the actions' delivery health with them.
    void reloadRules();
    /// How every action delivers, read and handed to the monitor (delivery_failing and
    /// delivery_disabled): after deliveries changed here (at most once a second) and with the rules.
    void checkDeliveries();
    QFuture<Result<AlertRule>> afterRuleWrite(QFuture<Result<AlertRule>> written);
    void record(const Alert &alert, bool cleared);

    IndexingService &m_indexing;
    TriggerService &m_triggers;
    AlertMonitor m_monitor;
    QTimer m_tick;
    QTimer m_ruleReload;
    QTimer m_deliveryCheck;
    bool m_recording = false;
    bool m_continuing = false;     ///< the open alerts are being read (beginRecording)
    quint64 m_recordingEpoch = 0;  ///< a beginRecording() whose read ends in another is void
};

} // namespace arbor

#pragma once

#include "error.h"
#include "store/store.h"
#include "triggers/alertrule.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/// Which alerts AlertStore::history() returns.
struct AlertHistoryFilter
{
    bool activeOnly = false;
    std::optional<qint64> chainId;
    qint64 sinceMs = 0;          ///< raised at or after
    int limit = 200;
};

/// A test delivery of an alert rule's action (AlertStore::createTestDeliveries).
struct AlertTestDelivery
{
    QString deliveryId;
    qint64 actionId = 0;
    ActionType actionType = ActionType::Rest;
    QString title;   ///< the made-up alert's title, in English
};

/**
 * Alert rules and the alert history over a Store, and the outbox rows alerts deliver through
 * (the trigger outbox, rows with source 'alert' naming their rule in alert_rule_id, written by
 * DeliveryOutbox as a trigger's are; the DeliveryWorker sends them like a trigger's, with the
 * same retries and action_results).
 *
 * A cheap view that owns this SQL and no state: `AlertStore(store).addRule(rule)`. What writes
 * more than one row does so in one transaction (joining the caller's if open).
 *
 * Invariants:
 * - A rule's name is unique; a rule for one chain names a chain that exists and is not being
 *   deleted.
 * - A raised alert is one history row; a rule alert that is not silenced gets one outbox row per
 *   action of its rule, under a delivery id derived from (history row, action, "raised"). Its
 *   clearing closes the row and, with sendResolved, adds the "resolved" deliveries.
 * - Deleting a rule cancels its open deliveries; its results and history stay.
 *
 * Thread: the thread of the Store it wraps.
 */
class AlertStore
{
    Q_DECLARE_TR_FUNCTIONS(arbor::AlertStore)

public:
    explicit AlertStore(Store &store)
        : m_store(store)
    {
    }

    // --- rules -----------------------------------------------------------------------------
    /// Stores a new rule (rule.id and action ids ignored). Conflict ("name") for a name in use,
    /// NotFound ("chain") for an unknown chain; nothing written then.
    Result<AlertRule> addRule(const AlertRule &rule);
    /// Replaces rule `rule.id` (its silence is kept unless the rule sets one). Actions keep
    /// their ids by position and type; removed actions' open deliveries are cancelled.
    Result<AlertRule> updateRule(const AlertRule &rule);
    Status deleteRule(qint64 ruleId);
    Result<AlertRule> setEnabled(qint64 ruleId, bool enabled);
    /// Silences the rule until `untilMs` (unix ms); 0 lifts the silence.
    Result<AlertRule> setSilence(qint64 ruleId, qint64 untilMs);
    Result<QList<AlertRule>> rules();
    Result<AlertRule> rule(qint64 ruleId);
    /// A rule given by id or by name (for arborctl).
    Result<AlertRule> rule(const QString &idOrName);

    // --- history and deliveries --------------------------------------------------------------
    /**
     * Records a raised alert and, for a rule alert that is not silenced, queues its actions.
     * Returns the stored record (id set) and how many deliveries were created.
     */
    Result<std::pair<AlertRecord, int>> recordRaised(const AlertRecord &alert);
    /**
     * Closes the open history row of (chain, kind, rule) raised at `raisedAt` and, when the
     * rule sends resolved messages and is not silenced now, queues them. Returns the number of
     * deliveries created (0 when there was no open row).
     */
    Result<int> recordCleared(const AlertRecord &alert, qint64 clearedAt);
    /// Closes the open rows among `ids` (every open row when empty) without a "resolved": rows
    /// an engine starting does not continue (AlertMonitor::continueRecorded). Returns how many.
    Result<qint64> closeOpen(qint64 atMs, const QList<qint64> &ids = {});
    /// Acknowledges history row `id` with an optional note.
    Result<AlertRecord> acknowledge(qint64 alertId, const QString &note);
    /// Acknowledges the open row of (chain, kind, rule): the console's verb on a live alert.
    Status acknowledgeOpen(qint64 chainId, AlertKind kind, std::optional<qint64> ruleId, qint64 raisedAt, const QString &note);
    Result<QList<AlertRecord>> history(const AlertHistoryFilter &filter);

    /// The template context an alert's action renders (see renderPayload()): {"deliveryId",
    /// "alert": {"id", "state" ("raised"/"resolved"), "kind", "title", "text", "params",
    /// "chainId", "raisedAt", "clearedAt" (ISO 8601 UTC), "silenced"}, "rule": {"id", "name",
    /// "kind", "threshold"}, "chain": {"id", "name"}, "action": {"id", "type"}}. Title and text
    /// are English whatever the raising console's language (AlertText, AlertLanguage::English);
    /// "params" are the values they were rendered from (AlertText), for receivers that word
    /// their own message; rows stored before params existed carry their stored text and none.
    static QJsonObject payloadContext(const QString &deliveryId, const AlertRecord &alert, bool resolved, const AlertRule &rule,
                                      const Action &action, const QString &chainName);
    /// "alr_" and 32 hex digits of a SHA-256 over (history row, action, state).
    static QString deliveryIdFor(qint64 alertId, qint64 actionId, bool resolved);
    /// The text of a Telegram action that has none of its own.
    static QString defaultTelegramText(bool resolved);

    /**
     * One test delivery per action of rule `ruleId`: what the action sends when the rule is
     * raised, rendered from an alert made up from the rule (its kind, a value just past its
     * threshold, its chain or the first registered one), marked as a test ("alert.test": true,
     * and in the delivery log), sent by the DeliveryWorker like any other, with its retries.
     * Nothing goes to the alert history. Invalid ("actions") for a rule without actions,
     * NotFound ("chain") when no chain is registered.
     */
    Result<QList<AlertTestDelivery>> createTestDeliveries(qint64 ruleId);

private:
    Status checkRule(const AlertRule &rule, qint64 exceptId);
    Status writeActions(qint64 ruleId, const QList<Action> &actions, const QList<Action> &old);
    Result<int> queueDeliveries(const AlertRecord &alert, bool resolved);

    Store &m_store;
};

} // namespace arbor

#pragma once

#include "error.h"
#include "store/store.h"
#include "triggers/eventpayload.h"
#include "triggers/triggerdef.h"
#include "triggers/triggerrecords.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QVariantList>

#include <optional>

namespace arbor {

/**
 * What an outbox row or an action result is for: one trigger's action, or one alert rule's
 * action. The row stores the id in the column named for it — trigger_id or alert_rule_id, the
 * other NULL (migration 12) — so a trigger and a rule with the same number never share rows.
 */
struct DeliverySubject
{
    DeliverySource source = DeliverySource::Trigger;
    qint64 id = 0;

    static DeliverySubject trigger(qint64 triggerId) { return {DeliverySource::Trigger, triggerId}; }
    static DeliverySubject alertRule(qint64 ruleId) { return {DeliverySource::Alert, ruleId}; }
};

/// One outbox row as DeliveryOutbox::add() writes it: pending and due at once, or, when its
/// payload could not be rendered, failed at once with the reason.
struct OutboxDelivery
{
    QString id;                    ///< the delivery id, sent as `webhook-id` on every attempt
    DeliverySubject subject;
    qint64 actionId = 0;           ///< the trigger action's or the rule action's id
    ActionType actionType = ActionType::Rest;
    int priority = 0;
    qint64 chainId = 0;
    qint64 blockNumber = 0;        ///< 0 for alerts: a reorg never cancels them
    qint64 logIndex = 0;
    QByteArray txHash = QByteArray(32, '\0');
    QString event;                 ///< JSON text: eventToJson() of the event, or the alert
    Result<RenderedPayload> rendered = RenderedPayload();   ///< an error: failed, never sent
    bool isTest = false;
    bool replay = false;
};

/// One action_results row: an attempt, or what ended a delivery without one.
struct OutboxResult
{
    QString deliveryId;
    DeliverySubject subject;
    qint64 actionId = 0;
    ActionType actionType = ActionType::Rest;
    qint64 chainId = 0;
    qint64 blockNumber = 0;
    QByteArray txHash = QByteArray(32, '\0');
    qint64 logIndex = 0;
    DeliveryStatus status = DeliveryStatus::Failed;   ///< success, failed, retrying or cancelled
    int attempt = 0;               ///< 1 for the first attempt; 0 for what was never sent
    std::optional<int> httpStatus;
    std::optional<qint64> durationMs;   ///< set: also its TriggerStore::durationBucket()
    QString error;
    QString responseExcerpt;
    bool isTest = false;
    qint64 at = 0;                 ///< unix ms
};

/**
 * The one writer of the delivery outbox (trigger_deliveries) and of action_results: trigger
 * evaluation, replay and test deliveries (TriggerStore) and alert rules (AlertStore) write their
 * rows through it, so both kinds of row get the same columns and the same defaults.
 *
 * A cheap view over a Store, like TriggerStore: `DeliveryOutbox(store).add(delivery)`. What
 * writes more than one row does so in one transaction (joining the caller's if open).
 *
 * Invariants:
 * - A row names exactly one subject: trigger_id for source 'trigger', alert_rule_id for source
 *   'alert' (a CHECK constraint holds the database to it too).
 * - Adding an existing delivery id changes nothing, except that a delivery a reorg cancelled
 *   comes back as new (same id: same trigger, action, transaction and log index).
 * - A delivery that cannot be rendered is written failed, with an action result at attempt 0
 *   saying why; every cancellation leaves an action result too.
 *
 * Thread: the thread of the Store it wraps.
 */
class DeliveryOutbox
{
    Q_DECLARE_TR_FUNCTIONS(arbor::DeliveryOutbox)

public:
    explicit DeliveryOutbox(Store &store)
        : m_store(store)
    {
    }

    /// Writes `delivery` (see the invariants). True when a row was written or revived; Invalid
    /// for a delivery without an id, subject or action, with nothing written.
    Result<bool> add(const OutboxDelivery &delivery);
    /// add() of each of `deliveries`, in one transaction and a statement per up to 64 rows.
    /// Returns how many rows were written or revived; Invalid, with nothing written, when any
    /// of them is. A delivery id given twice is written once, as add() twice would.
    Result<qint64> addAll(const QList<OutboxDelivery> &deliveries);
    /// Writes one action_results row. Invalid, with nothing written, as for add().
    Status addResult(const OutboxResult &result);
    /// Writes the action_results rows of `results` in one go (COPY on PostgreSQL). Invalid, with
    /// nothing written, when any of them is.
    Status addResults(const QList<OutboxResult> &results);
    /**
     * Cancels the open deliveries matching `where` (on trigger_deliveries, no alias; e.g.
     * "alert_rule_id = ?") with `reason`, an action result each; `reorgBlock` marks them
     * revivable by add(). Returns how many were cancelled.
     */
    Result<qint64> cancel(const QString &where, const QVariantList &params, const QString &reason,
                          std::optional<qint64> reorgBlock = std::nullopt);

private:
    Status check(const QString &deliveryId, const DeliverySubject &subject, qint64 actionId) const;
    Status checkResult(const OutboxResult &result) const;

    Store &m_store;
};

} // namespace arbor

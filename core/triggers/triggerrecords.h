#pragma once

// The values of triggers at work: stored triggers with their figures, outbox rows, attempts and
// results, dry runs and replays, the console's chart points, and how the outbox is sent. Made by
// TriggerStore, returned by the Engine's trigger API; plain values, no I/O.

#include "model/evm.h"
#include "model/hash.h"
#include "triggers/eventpayload.h"
#include "triggers/deliveryoptions.h"
#include "triggers/triggerdef.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/// A stored trigger and what the Triggers page lists about it.
struct TriggerRecord
{
    TriggerDef def;                       ///< ids of the trigger and of its actions set
    qint64 cursorBlock = 0;               ///< events at or below it have been evaluated
    std::optional<qint64> enabledAt;      ///< unix ms, when it was created or last enabled
    std::optional<qint64> lastFiredAt;    ///< unix ms, when evaluation or a replay last created a delivery
    qint64 deliveries24h = 0;             ///< deliveries created in the last 24 h (tests not counted)
    qint64 failures24h = 0;               ///< of those, how many ended failed
};

/// Where an outbox row stands. Pending and Retrying are open (a worker may claim them); the
/// other three are final until an operator resends.
enum class DeliveryStatus { Pending, Retrying, Success, Failed, Cancelled };
QString deliveryStatusName(DeliveryStatus status);   ///< "pending", "retrying", …
std::optional<DeliveryStatus> deliveryStatusFromName(QStringView name);

/// What made an outbox row: a trigger's event, or an operator's alert rule (then the row names
/// the rule in alert_rule_id, trigger_id NULL, and its action id is the rule action's).
enum class DeliverySource { Trigger, Alert };
QString deliverySourceName(DeliverySource source);   ///< "trigger", "alert"
DeliverySource deliverySourceFromName(QStringView name);   ///< anything but "alert" is Trigger

/// An outbox row a worker claimed: everything it needs to send one attempt.
struct ClaimedDelivery
{
    QString id;                ///< the delivery id, sent as `webhook-id` on every attempt
    qint64 subjectId = 0;      ///< the trigger's id, or the alert rule's (source Alert)
    QString subjectName;       ///< the trigger's name, or the alert rule's
    qint64 chainId = 0;
    Action action;             ///< as the trigger holds it now (id set)
    QByteArray payload;        ///< rendered when the delivery was created (renderPayload())
    QString target;            ///< mcp with resolveEndpoint: the URL; empty otherwise
    QJsonObject event;         ///< eventToJson() of the event
    qint64 blockNumber = 0;
    qint64 logIndex = 0;
    Hash txHash;
    int attempts = 0;          ///< attempts made before this one
    bool isTest = false;
    bool replay = false;
    qint64 createdAt = 0;
    qint64 claimedUntil = 0;   ///< the claim lapses then; record the attempt before
    DeliverySource source = DeliverySource::Trigger;   ///< whose delivery: a trigger's or an alert rule's
};

/// One attempt to record (TriggerStore::recordAttempts()).
struct DeliveryAttempt
{
    static constexpr int MaxExcerpt = 1000;   ///< characters of the answer kept
    static constexpr int MaxError = 2000;

    /// How the attempt ended, as the sender decided.
    enum class Outcome {
        Success,   ///< delivered: the delivery is done
        Retry,     ///< failed, will be tried again at nextAttemptAt
        Fail,      ///< failed for good (a 4xx, retries used up, a bad secret)
    };

    QString deliveryId;
    QString holder;                  ///< who claimed it (claimDue())
    Outcome outcome = Outcome::Success;
    std::optional<int> httpStatus;
    qint64 durationMs = 0;
    QString error;                   ///< what went wrong, for the operator; never a secret
    QString responseExcerpt;
    qint64 nextAttemptAt = 0;        ///< Retry: when it is due again (the caller's backoff)
    qint64 at = 0;                   ///< when the attempt ended (unix ms); 0: the store's clock
};

/// One row of action_results: an attempt, or a cancellation.
struct ActionResult
{
    qint64 id = 0;
    QString deliveryId;
    qint64 subjectId = 0;            ///< the trigger's id, or the alert rule's (source Alert)
    QString subjectName;             ///< its name; empty when it was deleted since
    qint64 actionId = 0;
    ActionType actionType = ActionType::Rest;
    qint64 chainId = 0;
    qint64 blockNumber = 0;
    Hash txHash;
    qint64 logIndex = 0;
    DeliveryStatus status = DeliveryStatus::Success;   ///< success, failed, retrying or cancelled
    int attempt = 0;                 ///< 1 for the first attempt; 0 for what was never sent
    std::optional<int> httpStatus;
    std::optional<qint64> durationMs;
    QString error;                   ///< cancellations: the reason
    QString responseExcerpt;
    bool isTest = false;
    qint64 at = 0;                   ///< unix ms
    DeliverySource source = DeliverySource::Trigger;   ///< whose delivery: a trigger's or an alert rule's
};

/// What results() returns; every filter is optional.
struct ResultFilter
{
    std::optional<qint64> triggerId;        ///< one trigger's results (never an alert rule's)
    std::optional<DeliveryStatus> status;
    std::optional<ActionType> actionType;
    QString deliveryId;
    qint64 beforeId = 0;             ///< paging: rows older than this result id
    int limit = 100;
    std::optional<DeliverySource> source;   ///< empty: both
    std::optional<qint64> alertRuleId;      ///< one alert rule's results
};

/// Deliveries attempted in one minute, for the console's charts.
struct DeliveryMinute
{
    qint64 minute = 0;               ///< unix ms, start of the minute
    qint64 success = 0;
    qint64 failed = 0;
    qint64 retrying = 0;
    qint64 cancelled = 0;
    std::optional<qint64> p95Ms;     ///< p95 attempt duration, within ±9 % (durationBucket())
};

/// Outbox rows by status.
struct DeliveryCounts
{
    qint64 pending = 0;
    qint64 retrying = 0;
    qint64 success = 0;
    qint64 failed = 0;
    qint64 cancelled = 0;
};

/// One row of action_metrics_hourly.
struct ActionMetricsHour
{
    qint64 hour = 0;                 ///< unix ms
    ActionType actionType = ActionType::Rest;
    qint64 total = 0;                ///< attempts
    qint64 success = 0;
    qint64 failure = 0;              ///< attempts that failed (retried or not)
    double averageMs = 0;
    qint64 maxMs = 0;
    std::optional<qint64> p95Ms;     ///< within ±9 % (durationBucket())
};

/// One row of trigger_event_counts_hourly.
struct EventCountHour
{
    qint64 hour = 0;                 ///< unix ms, from the blocks' timestamps
    qint64 chainId = 0;
    RegistryKind registry = RegistryKind::Identity;
    QString eventType;
    qint64 count = 0;
};

/// What one evaluate() call did.
struct EvaluationRun
{
    qint64 deliveries = 0;           ///< new outbox rows
    qint64 events = 0;               ///< events read (each once, whatever the number of triggers)
    bool caughtUp = true;            ///< false: a trigger or the event counts stopped at maxEvents
};

/// What an action would send for a match (dry run).
struct DryRunAction
{
    Action action;
    QString deliveryId;
    QByteArray body;
    QString target;
    QString error;                   ///< renderPayload() refused (e.g. no endpoint to resolve)
};

struct DryRunMatch
{
    TriggerEvent event;
    QJsonObject eventJson;
    QList<DryRunAction> actions;     ///< in priority order
};

struct DryRunResult
{
    QList<DryRunMatch> matches;
    qint64 events = 0;               ///< events evaluated
    qint64 fromBlock = 0;
    qint64 throughBlock = 0;         ///< last block evaluated
    bool truncated = false;          ///< stopped at maxEvents before toBlock
};

struct ReplayResult
{
    qint64 events = 0;               ///< events evaluated
    qint64 matches = 0;
    qint64 created = 0;              ///< deliveries created (marked replay)
    qint64 skipped = 0;              ///< (match, action) pairs that already had a delivery
};

} // namespace arbor

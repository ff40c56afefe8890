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
    /// attempts when the current retry schedule began: 0, or the attempts made before an
    /// operator resent the delivery (a resend starts the schedule afresh).
    int scheduleFrom = 0;
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
        Fail,      ///< failed for good (a 4xx, retries used up, a bad secret): the delivery is dead
        Hold,      ///< the receiver answered 410 Gone: the action is disabled, its deliveries held
    };

    QString deliveryId;
    QString holder;                  ///< who claimed it (claimDue())
    Outcome outcome = Outcome::Success;
    std::optional<int> httpStatus;
    qint64 durationMs = 0;
    QString error;                   ///< what went wrong, for the operator; never a secret
    QString responseExcerpt;
    qint64 nextAttemptAt = 0;        ///< Retry: when it is due again (the action's schedule)
    qint64 at = 0;                   ///< when the attempt ended (unix ms); 0: the store's clock
    /// The action's failingAfter: how long its failures may last before it is marked failing.
    qint64 failingAfterMs = Action::DefaultFailingAfterMs;
    QString errorCode = {};          ///< `error` in no language (AttemptOutcome::code); may be empty
    QString errorDetail = {};        ///< what errorCode's sentence names (AttemptOutcome::detail); may be empty
};

/// How an action's receiver is doing (action_health): Ok; Failing, once it has delivered nothing
/// for the action's failingAfter while its attempts fail (alerts once, clears by itself on the
/// next success); Disabled, after a 410 Gone or by an operator: its deliveries are held, not
/// sent and not dropped, until it is enabled again.
enum class ActionState { Ok, Failing, Disabled };
QString actionStateName(ActionState state);   ///< "ok", "failing", "disabled"
ActionState actionStateFromName(QStringView name);   ///< anything unknown is Ok

/// One action of a trigger or alert rule and how its deliveries stand: what the Triggers page,
/// `trigger actions`, `trigger results --json` and /metrics show.
struct ActionHealth
{
    DeliverySource source = DeliverySource::Trigger;
    qint64 actionId = 0;
    qint64 subjectId = 0;            ///< the trigger's or the alert rule's id
    QString subjectName;
    qint64 chainId = 0;              ///< 0 for an alert rule over every chain
    Action action;                   ///< as stored (id set)
    ActionState state = ActionState::Ok;
    qint64 stateSince = 0;           ///< unix ms; 0 for an action that never had an attempt
    QString stateReason;             ///< Disabled: why (the receiver's 410, or an operator)
    qint64 failingSince = 0;         ///< the first failed attempt since the last success; 0 when none
    qint64 lastSuccessAt = 0;
    qint64 lastFailureAt = 0;
    QString lastError;
    QString lastErrorCode;           ///< lastError in no language (AttemptOutcome::code); may be empty
    QString lastErrorDetail;         ///< what lastErrorCode's sentence names (AttemptOutcome::detail); may be empty
    std::optional<int> lastHttpStatus;
    qint64 attempts24h = 0;          ///< attempts in the last 24 hours
    qint64 successes24h = 0;
    qint64 pending = 0;              ///< open deliveries waiting for a worker (held ones apart)
    qint64 held = 0;                 ///< open deliveries held while the action is disabled
    qint64 dead = 0;                 ///< deliveries that ended failed: the dead letters
    std::optional<qint64> nextAttemptAt;   ///< unix ms of the next due delivery; none while held or idle

    /// successes24h / attempts24h; nothing without attempts.
    std::optional<double> successRate() const
    {
        return attempts24h > 0 ? std::optional<double>(double(successes24h) / double(attempts24h)) : std::nullopt;
    }
};

/// An action, named by its source and id (trigger_actions.id or alert_rule_actions.id).
struct ActionRef
{
    DeliverySource source = DeliverySource::Trigger;
    qint64 actionId = 0;
    friend bool operator==(const ActionRef &, const ActionRef &) = default;
};

/// A delivery that ended failed — its schedule spent, or refused by the receiver: sent again
/// only by an operator (resendDead(), `trigger resend`).
struct DeadLetter
{
    QString deliveryId;
    DeliverySource source = DeliverySource::Trigger;
    qint64 subjectId = 0;
    QString subjectName;             ///< empty when the trigger or rule was deleted since
    qint64 actionId = 0;
    ActionType actionType = ActionType::Rest;
    qint64 chainId = 0;
    qint64 blockNumber = 0;
    qint64 logIndex = 0;
    Hash txHash;
    int attempts = 0;
    QString lastError;
    qint64 createdAt = 0;
    qint64 failedAt = 0;
};

/// Which dead letters: every filter is optional.
struct DeadLetterFilter
{
    std::optional<DeliverySource> source;   ///< empty: both; actionId needs it (ids are per source)
    std::optional<qint64> triggerId;
    std::optional<qint64> alertRuleId;
    std::optional<qint64> actionId;
    QString deliveryId;
    int limit = 500;
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

/// The stored event the editor previews with and a test delivery sends (TriggerStore::sampleEvent).
struct SampleEvent
{
    std::optional<TriggerEvent> event;   ///< empty: no event of the registry is indexed on the chain
    bool matches = false;                ///< it passes the trigger's conditions; false: the newest event instead
    qint64 scanned = 0;                  ///< events looked through for one that matches
};

/// A test delivery created: its id and the event it sends.
struct TestDelivery
{
    QString deliveryId;
    SampleEvent sample;
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
    qint64 resent = 0;               ///< of those, dead letters sent again under their ids
};

} // namespace arbor

#pragma once

#include "error.h"
#include "triggers/triggerdef.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/// What an alert is about. The console's built-in alerts use the first five; an operator's
/// AlertRule may use any.
enum class AlertKind {
    Stalled,        ///< no new block indexed while behind the head (an error, or no progress)
    RpcDown,        ///< every RPC endpoint of the chain failed
    DeepReorg,      ///< a reorg at least as deep as a threshold was handled (an event, not a state)
    QueueDelayed,   ///< the balance queue turned DELAYED
    QueueErrors,    ///< the balance queue turned ERRORS
    LagBlocks,      ///< the checkpoint is at least `threshold` blocks behind the head
    LagSeconds,     ///< the checkpoint block is at least `threshold` seconds older than now
    RpcErrorRate,   ///< an endpoint of the chain fails at least `threshold` % of its recent calls
    DeliveryFailing,    ///< an action of the chain's triggers (or of an alert rule) is failing: no delivery for its failingAfter
    DeliveryDisabled,   ///< such an action is disabled (its receiver answered 410 Gone): its deliveries are held
};

/// "stalled", "rpc_down", "deep_reorg", "queue_delayed", "queue_errors", "lag_blocks",
/// "lag_seconds", "rpc_error_rate", "delivery_failing", "delivery_disabled": the names of the
/// rule file and of arborctl.
QString alertKindName(AlertKind kind);
std::optional<AlertKind> alertKindFromName(QStringView name);
/// Every kind, in the order above.
QList<AlertKind> alertKinds();
/// True for kinds whose rule needs a threshold (its unit: alertThresholdUnit()).
bool alertKindHasThreshold(AlertKind kind);
/// "minutes", "blocks", "seconds", "%", "blocks" (reorg depth); empty for kinds without one.
QString alertThresholdUnit(AlertKind kind);

/**
 * An alert rule an operator wrote: when it holds for a chain (one chain, or every chain), an
 * alert is raised in the console and the rule's actions are delivered through the trigger
 * outbox (same senders, retries and action_results as triggers); when it is over, a
 * "resolved" delivery follows unless `sendResolved` is off.
 *
 * Thresholds by kind: stalled, minutes without a new indexed block while behind the head;
 * lag_blocks, blocks; lag_seconds, seconds; rpc_error_rate, percent (0 < t ≤ 100) of the
 * worst endpoint's recent calls; deep_reorg, the depth (≥ 1). rpc_down, queue_delayed and
 * queue_errors take none. A condition is raised once it has held `forSeconds` and cleared once
 * it has been over as long (the built-in alerts use AlertPolicy's times); a silenced
 * rule (silencedUntilMs in the future) still raises in the console but delivers nothing and
 * notifies no desktop.
 */
struct AlertRule
{
    static constexpr int MaxNameLength = 120;
    static constexpr int DefaultForSeconds = 60;
    static constexpr int MaxForSeconds = 86400;

    qint64 id = 0;                       ///< 0 until stored
    QString name;
    std::optional<qint64> chainId;       ///< empty: every chain
    AlertKind kind = AlertKind::LagBlocks;
    double threshold = 0;                ///< in alertThresholdUnit(kind); 0 for kinds without one
    int forSeconds = DefaultForSeconds;  ///< held this long to raise, over this long to clear
    bool enabled = true;
    bool sendResolved = true;            ///< also deliver when the condition is over
    qint64 silencedUntilMs = 0;          ///< unix ms; 0 or past: not silenced
    QList<Action> actions;               ///< kept sorted by priority (stable); may be empty
    qint64 createdAt = 0;                ///< unix ms
    qint64 updatedAt = 0;

    bool appliesTo(qint64 chain) const { return !chainId || *chainId == chain; }
    bool silencedAt(qint64 nowMs) const { return silencedUntilMs > nowMs; }

    friend bool operator==(const AlertRule &, const AlertRule &) = default;
};

/// One alert an indexing engine raised, as the alert history keeps it.
struct AlertRecord
{
    qint64 id = 0;                        ///< 0 until stored
    std::optional<qint64> ruleId;         ///< empty: a built-in alert of the console
    QString ruleName;
    qint64 chainId = 0;
    AlertKind kind = AlertKind::Stalled;
    /// What it said when raised, in English (AlertText::title/text render it from `params` in
    /// the reader's language); rows stored before alerts had params have only these.
    QString title;
    QString text;
    /// The alert's parameters (see AlertText); empty for rows stored before they existed.
    QJsonObject params;
    bool silenced = false;                ///< its rule was silenced: nothing was delivered
    qint64 raisedAt = 0;                  ///< unix ms, when the condition began
    std::optional<qint64> clearedAt;      ///< unix ms; empty while active
    std::optional<qint64> acknowledgedAt; ///< unix ms
    QString acknowledgedNote;

    bool active() const { return !clearedAt; }
};

/**
 * Parses and validates a rule file: {"name", "chain": ID or "all", "kind", "threshold",
 * "forSeconds", "enabled", "sendResolved", "actions": [… as in a trigger file …]}. Unknown keys
 * are refused ("silenced" and "silencedUntil", which `arborctl alert show` prints, are ignored); every problem names its field ("threshold", "actions[0].url"). Actions that
 * need an event (an MCP call to the event's endpoint) are refused: an alert has none.
 */
Result<AlertRule> parseAlertRule(const QJsonObject &json);
/// The same JSON, round-trippable through parseAlertRule() (the id included when set; the
/// silence is state, not part of the file).
QJsonObject alertRuleToJson(const AlertRule &rule);

} // namespace arbor

#pragma once

#include "triggers/alertrule.h"
#include "triggers/alerttext.h"
#include "model/chainstatus.h"
#include "model/balancequeue.h"
#include "store/indexbatch.h"
#include "triggers/triggerrecords.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>

namespace arbor {

/// Something about a chain an operator should be told about, even with the window hidden.
struct Alert
{
    using Kind = AlertKind;

    Kind kind = Kind::Stalled;
    qint64 chainId = 0;
    /// The operator's AlertRule that raised it; 0 for the console's built-in alerts.
    qint64 ruleId = 0;
    QString ruleName;
    QDateTime raisedAt;     ///< when the condition began (or the event happened)
    /// What it is about (AlertText's parameters: the chain's name, the node's host and error,
    /// blocks, seconds, …): what the alert history stores and every reader renders from.
    QJsonObject params;
    QString title;          ///< one line, for a notification's title: AlertText in this process's language
    QString text;           ///< what happened and, where there is one, what to do (same)
    /// False when the same (chain, kind) was notified less than AlertPolicy::notifyCooldownMs
    /// ago: the alert is shown in the console but does not pop up again.
    bool notify = true;
    /// How often this (chain, kind) was raised since it was last notified, this time included.
    int occurrence = 1;
    /// The rule was silenced when this was raised: shown, but neither notified nor delivered.
    bool silenced = false;
    /// An operator acknowledged it (AlertMonitor::acknowledge): still active, no longer counted
    /// as needing attention.
    bool acknowledged = false;
    /// Recorded, and delivered, by an earlier engine (this console before a restart, or the
    /// coordinator before this one) and continued here (AlertMonitor::continueRecorded): the
    /// same alert, so neither recorded nor notified again.
    bool carriedOver = false;

    /// Alerts about a state (all but DeepReorg) stay active until the state clears.
    bool isCondition() const { return kind != Kind::DeepReorg; }
};

/// What the status bar, the tray and the alerts panel count, from one list of active alerts.
struct AlertCounts
{
    int active = 0;         ///< raised and not cleared, acknowledged or not
    int acknowledged = 0;   ///< of those, acknowledged
    int unacknowledged() const { return active - acknowledged; }
    friend bool operator==(const AlertCounts &, const AlertCounts &) = default;
};
/// Counts `active` (AlertMonitor::activeAlerts(), or what a view shows as active).
AlertCounts countAlerts(const QList<Alert> &active);

/// Thresholds of the AlertMonitor; the console's settings set some of them. Times in ms.
struct AlertPolicy
{
    qint64 stallAfterMs = 120000;       ///< behind the head with no new checkpoint for this long: stalled
    qint64 reorgDepth = 3;              ///< reorgs deeper than this are alerts
    qint64 raiseAfterMs = 10000;        ///< a condition is raised once it has held this long (a blip is no alert)
    qint64 clearAfterMs = 60000;        ///< a raised condition clears once it has been over for this long
    qint64 notifyCooldownMs = 900000;   ///< one (chain, kind) notifies at most once in this long
};

/**
 * Turns the Engine's snapshots (chain statuses, reorgs, queue health) into alerts.
 *
 * Conditions (stalled, all endpoints down, queue DELAYED or ERRORS) have hysteresis: one is
 * raised once it has held for AlertPolicy::raiseAfterMs and cleared once it has been over for
 * clearAfterMs, so a flapping endpoint is one alert, not one per flap. A (chain, kind) raised
 * again within notifyCooldownMs of its last notification is raised with `notify` false. Deep
 * reorgs are one-off events (same cool-down for their notifications). Every time is the
 * caller's `nowMs` (ms since the epoch), so the outcome depends on the snapshots alone.
 *
 * Invariant: activeAlerts() holds exactly the conditions raised and not yet cleared; every
 * change to it is signalled (alertRaised, alertCleared), also when a chain is forgotten, so a
 * view fed by the signals and a count read from activeAlerts() always agree.
 *
 * One alert per condition: while an enabled rule of the same kind covers a chain (that chain or
 * every chain), the built-in alert of that kind is not raised for it (one already raised clears);
 * the rule's alert, with its hold time, actions and silence, is the one.
 *
 * Chains are named through setChainNames() (the Engine's chain snapshot). Alerts carry their
 * parameters (Alert::params) and a title and text rendered from them by AlertText.
 *
 * Thread: the thread it lives on (the GUI thread); it does no I/O.
 */
class AlertMonitor final : public QObject
{
    Q_OBJECT

public:
    explicit AlertMonitor(QObject *parent = nullptr);

    void setPolicy(const AlertPolicy &policy) { m_policy = policy; }
    const AlertPolicy &policy() const { return m_policy; }
    void setChainNames(const QHash<qint64, QString> &names) { m_names = names; }
    /**
     * The operator's alert rules, evaluated with the built-in alerts on every update. A rule's
     * condition is raised once it has held its forSeconds and cleared once over as long.
     * Conditions of rules that are gone or disabled now, or no longer cover their chain, clear
     * at once (alertCleared).
     */
    void setRules(const QList<arbor::AlertRule> &rules);
    const QList<AlertRule> &rules() const { return m_rules; }

    /**
     * The indexers' snapshot at `nowMs`. A chain missing from `statuses` (no longer indexed
     * here) or whose indexer stopped has its indexing conditions cleared at once.
     */
    void updateChains(const QList<arbor::ChainStatus> &statuses, qint64 nowMs);
    /// A reorg; its time is the reorg's detectedAt (now when unset).
    void reorgHandled(const arbor::ReorgRecord &reorg);
    void updateQueues(const QList<arbor::QueueHealth> &health, qint64 nowMs);
    /**
     * How every trigger's and alert rule's actions deliver (TriggerService::actionHealth()):
     * per chain one delivery_failing condition while any of its actions is Failing, and one
     * delivery_disabled while any is Disabled (an alert rule over every chain counts as chain 0).
     * Each clears once none is; an action's own recovery needs no operator.
     */
    void updateDeliveries(const QList<arbor::ActionHealth> &actions, qint64 nowMs);
    /// A chain that is paused, deleted or no longer indexed here: its conditions clear at once
    /// (alertCleared for each raised one), pending ones are dropped.
    void forgetChain(qint64 chainId);
    /**
     * Holds back the indexing alerts of `chainId` (all endpoints down, stalled, lag rules)
     * while the console itself brings the chain's node back: the local devnet starting again
     * from its saved state, or the operator being asked what to do with it. Its raised ones
     * clear (alertCleared), pending ones are dropped and its statuses are ignored until
     * releaseChain(); a condition that still holds then is raised after its usual hold time.
     */
    void holdChain(qint64 chainId);
    void releaseChain(qint64 chainId);
    bool isHeld(qint64 chainId) const { return m_held.contains(chainId); }
    /// forgetChain() for every chain with a condition that is not in `chainIds` (the chains
    /// active in the registry); from now on statuses and queue health of other chains (a
    /// paused chain's recorded figures, a deleted chain's last status) are ignored.
    void retainChains(const QSet<qint64> &chainIds);

    /// Conditions in force now, oldest first.
    QList<Alert> activeAlerts() const;
    /// countAlerts(activeAlerts()): what the status bar, the tray and the panel show.
    AlertCounts counts() const;
    /// Active alerts not acknowledged.
    int unacknowledgedCount() const { return counts().unacknowledged(); }
    /// Whether an enabled rule of `kind` covers `chainId`: the built-in alert is subsumed.
    bool coveredByRule(qint64 chainId, arbor::AlertKind kind) const;
    /**
     * Marks the active alert of (chainId, kind, ruleId) acknowledged (alertAcknowledged);
     * false when no such alert is active. A later raise of the same condition is new and
     * unacknowledged.
     */
    bool acknowledge(qint64 chainId, arbor::AlertKind kind, qint64 ruleId);

    /**
     * Takes over the conditions an earlier engine recorded as open (the alert history's rows
     * without cleared_at): each is active here as that same alert, carriedOver, with its raise
     * time and acknowledgement, and clears (alertCleared, so its "resolved" goes out) the way
     * it would have there: when its condition is over for its hold time, or at once when its
     * rule is gone or disabled, its chain is no longer indexed or is held. A chain that has not
     * reported yet (its indexer not started: its lease still being taken) keeps its alerts for
     * up to ContinuedReportGraceMs; silent after that, it is taken as not indexed here. A
     * condition already raised here continues the recorded alert instead. Returns the ids of the rows continued;
     * events (reorgs) and a second row of one condition are not.
     */
    QList<qint64> continueRecorded(const QList<arbor::AlertRecord> &open, qint64 nowMs);
    /// How long a chain whose alert was continued may report nothing before it is taken as not
    /// indexed here (another engine's, say) and its alerts clear.
    static constexpr qint64 ContinuedReportGraceMs = 120000;

Q_SIGNALS:
    void alertRaised(const arbor::Alert &alert);
    void alertCleared(const arbor::Alert &alert);
    void alertAcknowledged(const arbor::Alert &alert);

private:
    struct Key
    {
        qint64 chainId = 0;
        int kind = 0;
        qint64 ruleId = 0;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &k, size_t seed = 0) { return qHashMulti(seed, k.chainId, k.kind, k.ruleId); }
    };
    struct Progress
    {
        std::optional<qint64> indexed;
        qint64 sinceMs = 0;     ///< when `indexed` last changed
    };
    struct Condition
    {
        qint64 holdingSinceMs = 0;              ///< when it began to hold (this time)
        std::optional<qint64> overSinceMs;      ///< raised, but not holding since then
        bool raised = false;
        Alert alert;                            ///< the newest title and text
    };
    struct Notified
    {
        qint64 atMs = 0;
        int occurrences = 0;
    };

    /// `rule` null: a built-in condition (held for AlertPolicy::raiseAfterMs before it is raised;
    /// dropped while a rule covers it). Title and text are rendered from `params`.
    void setCondition(qint64 chainId, Alert::Kind kind, bool active, QJsonObject params, qint64 nowMs, const AlertRule *rule = nullptr);
    /// A one-off event (a reorg), raised at once.
    void raiseEvent(qint64 chainId, Alert::Kind kind, QJsonObject params, const QDateTime &at, const AlertRule *rule = nullptr);
    /// The operator's rules for one chain's status.
    void evaluateRules(const ChainStatus &status, qint64 stalledForMs, qint64 nowMs);
    /// Stamps `alert` with the cool-down's verdict and records it.
    void decideNotification(Alert &alert, qint64 nowMs);
    /// Drops the chain's conditions of these kinds (every rule's too), signalling raised ones.
    void forget(qint64 chainId, const QList<Alert::Kind> &kinds);
    /// Drops the conditions `drop` picks, signalling raised ones once the state is final.
    void dropConditions(const std::function<bool(const Key &)> &drop);
    /// `params` with the chain's name.
    QJsonObject withChain(qint64 chainId, QJsonObject params) const;

    AlertPolicy m_policy;
    QList<AlertRule> m_rules;
    QHash<qint64, QString> m_names;
    QSet<qint64> m_held;                        ///< holdChain()
    std::optional<QSet<qint64>> m_retained;     ///< the chains alerts may be about, once known
    QHash<qint64, Progress> m_progress;
    /// Chains with an indexing alert continued from an earlier engine that have reported no
    /// status here yet, and until when (ms) that silence means "not started yet" rather than
    /// "not indexed here any more" (continueRecorded()).
    QHash<qint64, qint64> m_reportDue;
    QHash<Key, Condition> m_conditions;
    QHash<Key, Notified> m_notified;
    QSet<qint64> m_deliveryChains;              ///< chains updateDeliveries() raised a condition for
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::Alert)

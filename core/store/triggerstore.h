#pragma once

#include "error.h"
#include "model/evm.h"
#include "model/hash.h"
#include "store/store.h"
#include "triggers/eventpayload.h"
#include "triggers/triggerdef.h"
#include "triggers/triggerrecords.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace arbor {

struct OutboxDelivery;

/**
 * Triggers (DESIGN.md §9) over a Store: definitions, evaluation of indexed ERC-8004 events
 * with persisted state, the delivery outbox, action results and the hourly aggregates.
 *
 * A cheap view that owns this SQL and no state: make one where it is needed,
 * `TriggerStore(store).evaluate(chainId, head)`. Everything that writes more than one row does
 * so in one transaction (joining the caller's if open).
 *
 * Invariants:
 * - A trigger's cursor, its state and the outbox rows of the events up to the cursor are
 *   written together: after a crash evaluation continues from the cursor with the state as of
 *   the cursor, and re-creates nothing (a delivery id is deliveryIdFor(trigger, action, event),
 *   and inserting an existing id does nothing).
 * - A trigger fires only for events promoted after it was created or enabled: both put its
 *   cursor at the chain's checkpoint. History is sent only by replay().
 * - A delivery is claimed by one holder at a time until its claim lapses; every attempt and
 *   every cancellation leaves an action_results row.
 * - Deliveries and results keep their trigger and action ids after the trigger is gone; its
 *   open deliveries are cancelled with a reason first.
 * - Outbox rows and action results are written through DeliveryOutbox only, the writer the
 *   alert rules' deliveries (AlertStore) share.
 *
 * Thread: the thread of the Store it wraps; it must not outlive that Store.
 */
class TriggerStore
{
    Q_DECLARE_TR_FUNCTIONS(arbor::TriggerStore)

public:
    static constexpr int DefaultMaxEvents = 10000;
    /// How many of the newest events sampleEvent() looks through for one that matches.
    static constexpr int DefaultSampleScan = 20000;
    /// State history kept per trigger, newest first, for restoring after a reorg.
    static constexpr int StateHistoryRows = 256;

    explicit TriggerStore(Store &store)
        : m_store(store)
    {
    }

    // --- definitions (triggerstore.cpp) ----------------------------------------------------
    /**
     * Stores a new trigger (def.id and action ids ignored) with its conditions and actions, its
     * cursor at the chain's checkpoint (before its start block when nothing is indexed yet).
     * NotFound ("chain") for an unknown chain or one being deleted, Conflict ("name") when the
     * chain has a trigger of that name; nothing written then.
     */
    Result<TriggerRecord> addTrigger(const TriggerDef &def);
    /**
     * Replaces a trigger's definition. An action keeps its id (and so its results and open
     * deliveries) when it names its own id, or else when the old action at its position
     * (priority order) has its type; removed actions' open deliveries are cancelled. Changed
     * conditions or registry reset the state. The chain cannot change (Invalid "chain"); the
     * cursor stays where it is.
     */
    Result<TriggerRecord> updateTrigger(const TriggerDef &def);
    /// Enabling a disabled trigger moves its cursor to the checkpoint: what was promoted while
    /// it was off is never sent. Disabling leaves open deliveries to go out.
    Result<TriggerRecord> setEnabled(qint64 triggerId, bool enabled);
    /// Cancels the trigger's open deliveries ("the trigger was deleted") and removes it with its
    /// conditions, actions and state. NotFound when there is no such trigger.
    Status deleteTrigger(qint64 triggerId);
    Result<TriggerRecord> trigger(qint64 triggerId);
    /// Every trigger (of the chain), by chain then name.
    Result<QList<TriggerRecord>> triggers(std::optional<qint64> chainId = std::nullopt);
    /// The trigger's stored evaluation state (an empty array: initial).
    Result<QJsonArray> triggerState(qint64 triggerId);

    // --- events and evaluation (triggerstoreevaluate.cpp) -----------------------------------
    /**
     * Indexed ERC-8004 events of the chain in [fromBlock, toBlock] (of `kind` when given), with
     * their block's hash and timestamp, ordered by (block, log index), at most `limit`.
     */
    Result<QList<TriggerEvent>> events(qint64 chainId, std::optional<RegistryKind> kind, qint64 fromBlock, qint64 toBlock,
                                       int limit = DefaultMaxEvents);
    /**
     * Evaluates the chain's enabled triggers on the events promoted since their cursors. `head`
     * is the chain's head as its node reports it: a trigger sees events up to the checkpoint
     * (which is the chain's confirmations deep) unless it sets its own confirmations; then only
     * those at or below min(checkpoint, head − confirmations, checkpoint + the chain's
     * confirmations − confirmations). The last bound counts the depth in blocks Arbor indexed,
     * linked by parent hash: the node's head alone may be above a reorg the indexer has not
     * reached yet, and the event it replaced must not fire. Pass the checkpoint plus the chain's
     * confirmations when the node's head is not known.
     *
     * Per trigger, in ONE transaction: an outbox row per (match, action), its state (and a
     * history row per block where it changed) and its cursor, moved to the last block read.
     * Whole blocks are read, about `maxEvents` events per registry per call. A payload that
     * cannot be rendered makes a failed delivery with the reason, never a stuck trigger. Also
     * counts the chain's events per hour into trigger_event_counts_hourly, up to the
     * checkpoint, once each.
     */
    Result<EvaluationRun> evaluate(qint64 chainId, qint64 head, int maxEvents = DefaultMaxEvents);
    /**
     * Evaluates `def` (stored or not) on the stored events of [fromBlock, toBlock] (toBlock
     * negative or past the checkpoint: the checkpoint) from the initial state, with every
     * match's rendered payloads. Writes nothing, sends nothing. NotFound ("chain").
     */
    Result<DryRunResult> dryRun(const TriggerDef &def, qint64 fromBlock, qint64 toBlock, int maxEvents = 100000);
    /**
     * Sends for history, explicitly: evaluates the stored trigger on [fromBlock, toBlock] (at
     * most the checkpoint) from the initial state and creates a delivery, marked replay, for
     * each (match, action) that has none (a delivery cancelled by a reorg is revived), and sends
     * again, under its own id, each one that ended failed (a dead letter). With `actionId`, for
     * that action only. Its live cursor and state are left alone. Pages of events, one
     * transaction each.
     */
    Result<ReplayResult> replay(qint64 triggerId, qint64 fromBlock, qint64 toBlock, std::optional<qint64> actionId = std::nullopt);
    /// The indexed blocks of chain `chainId` stamped within [fromMs, toMs] (unix ms): the first
    /// and the last. NotFound when none is (a range before the start block, or in the future).
    Result<std::pair<qint64, qint64>> blocksBetween(qint64 chainId, qint64 fromMs, qint64 toMs);
    /**
     * The event the editor's preview renders and a test delivery sends: the newest stored event
     * of the trigger's registry on its chain that passes the conditions one event decides
     * (TriggerEvaluator::matchesStateless), among the newest `scanLimit`; when none of those
     * does, the newest event, with `matches` false. No event at all: `event` empty.
     */
    Result<SampleEvent> sampleEvent(const TriggerDef &def, int scanLimit = DefaultSampleScan);
    /**
     * For a range whose events promotion replaces (gap, reindex, backfill): adds `sign` × the
     * stored events of [from, to] (of the registry contract `registry` when not null) that the
     * hourly counts already counted. Promotion calls it with -1 before the rows go and +1
     * after the new ones are in, inside its transaction.
     */
    Status recountReplacedEvents(qint64 chainId, qint64 from, qint64 to, const QVariant &registry, int sign);
    /// Hourly event counts since `sinceMs` (of the chain), oldest first.
    Result<QList<EventCountHour>> eventCounts(qint64 sinceMs, std::optional<qint64> chainId = std::nullopt);

    // --- the outbox (triggerstoreoutbox.cpp) -----------------------------------------------
    /**
     * Claims up to `limit` open deliveries due at `nowMs` and not claimed (or whose claim
     * lapsed) for `holder` until nowMs + leaseMs: oldest due first, then by event and action
     * priority. PostgreSQL skips rows another transaction holds (FOR UPDATE SKIP LOCKED); two
     * holders never hold one delivery. A delivery whose action no longer exists is cancelled.
     */
    Result<QList<ClaimedDelivery>> claimDue(const QString &holder, qint64 nowMs, int limit, qint64 leaseMs);
    /**
     * Records attempts in one transaction: an action_results row each, the hourly metrics, and
     * the delivery: success, failed, or retrying due at nextAttemptAt; attempts + 1; claim
     * cleared. A delivery cancelled meanwhile (reorg, deletion) stays cancelled (a retry
     * records as failed), one claimed by another holder since is left to that holder (the
     * attempt is still recorded), and an unknown delivery id is skipped with a warning.
     */
    Status recordAttempts(const QList<DeliveryAttempt> &attempts);
    /// Clears the claims `holder` holds (shutdown), or with an empty holder the claims of every
    /// holder that is no live engine (EngineStore): what a delivery worker does at start-up, so a
    /// crashed engine's claims need not wait to lapse while a live engine keeps its own. Returns how many.
    Result<qint64> releaseClaims(const QString &holder);
    /// Clears `holder`'s claims on these deliveries (attempts it chose not to send); claims
    /// another holder took meanwhile stay. Returns how many.
    Result<qint64> releaseClaims(const QString &holder, const QStringList &deliveryIds);
    /// Earliest next_attempt_at of the open deliveries, for a worker's timer.
    Result<std::optional<qint64>> nextDueAt();
    /**
     * The delivery of result `resultId` back to pending, due now, under the same delivery id,
     * attempts kept. NotFound when the result, or its trigger's action, is gone. Returns the
     * delivery id.
     */
    Result<QString> resend(qint64 resultId);
    /**
     * A real delivery of `event` for one action of the trigger, marked as a test, under a
     * distinct id ("test_" and a UUID). Returns that id.
     */
    Result<QString> createTestDelivery(qint64 triggerId, qint64 actionId, const TriggerEvent &event);

    // --- results and charts (triggerstoreresults.cpp) --------------------------------------
    /// action_results rows, newest first.
    Result<QList<ActionResult>> results(const ResultFilter &filter);
    /// Attempts and cancellations per minute since `sinceMs`, oldest first, minutes without any
    /// left out.
    Result<QList<DeliveryMinute>> deliveriesPerMinute(qint64 sinceMs);
    /// Outbox rows by status (of the trigger); tests included.
    Result<DeliveryCounts> deliveryCounts(std::optional<qint64> triggerId = std::nullopt);
    /// Outbox rows by status per chain (the metrics endpoint); tests included.
    Result<QHash<qint64, DeliveryCounts>> deliveryCountsByChain();
    /// action_metrics_hourly since `sinceMs`, oldest first.
    Result<QList<ActionMetricsHour>> actionMetrics(qint64 sinceMs);

    // --- reorgs and chain deletion (triggerstorereorg.cpp) ---------------------------------
    /**
     * Inside IndexStore::rollBackTo()'s transaction, before the rows above the ancestor go:
     * open deliveries of events above `ancestorBlock` are cancelled ("removed by a reorg at
     * block N", an action_results row each; re-evaluation revives them if the event is back),
     * cursors above it move to it, state is restored from the newest history row at or below
     * it (else initial), and the hourly event counts forget the removed events.
     */
    Status cancelForRollback(qint64 chainId, qint64 ancestorBlock);
    /// Chain deletion: the chain's triggers go (open deliveries cancelled first), with its event
    /// counts. Deliveries and results stay as the audit trail.
    Status removeChain(qint64 chainId);

    /// Log-spaced duration buckets: 0 for under 1 ms, then four per doubling (bucket b ≥ 1 holds
    /// [2^((b−1)/4), 2^(b/4)) ms), the last holding everything from about 12 minutes on.
    static constexpr int DurationBuckets = 80;
    static int durationBucket(qint64 ms);
    /// The duration a bucket stands for: its geometric centre, within ±9.1 % of any value in it.
    static qint64 bucketValue(int bucket);

private:
    /// The chain's checkpoint, or the block before its start when nothing is indexed yet; locks
    /// the chain row (PostgreSQL). NotFound for an unknown chain or one being deleted.
    Result<qint64> startingCursor(qint64 chainId);
    /// The chain's checkpoint (-1 when nothing is indexed). NotFound as above.
    Result<qint64> checkpointOf(qint64 chainId);
    /// Triggers matching `where` (on triggers aliased t), with the 24 h figures if `withStats`.
    Result<QList<TriggerRecord>> loadTriggers(const QString &where, const QVariantList &params, bool withStats = true);
    Status writeDefinition(qint64 triggerId, const TriggerDef &def, const QList<qint64> &actionIds);
    /// Enabling puts the cursor at the checkpoint (startingCursor()).
    Status writeEnabled(qint64 triggerId, qint64 chainId, bool enabled);
    /// Events of (after, through], about maxEvents, whole blocks; `readThrough` is the last
    /// block read completely.
    Result<QList<TriggerEvent>> readWholeBlocks(qint64 chainId, RegistryKind kind, qint64 after, qint64 through, int maxEvents,
                                                qint64 &readThrough);
    /// evaluate() for one trigger over `events` up to `newCursor`: one transaction. A trigger
    /// that neither fired nor changed state only moves its cursor: that move is appended to
    /// `quietMoves` instead, for moveQuietCursors().
    Result<qint64> evaluateTrigger(const TriggerRecord &trigger, QJsonArray state, const QList<TriggerEvent> &events,
                                   QHash<qsizetype, QJsonObject> &jsonOf, qint64 newCursor, QJsonArray &quietMoves);
    /// Moves the cursors of `moves` (from evaluateTrigger()) in one statement, each only where
    /// its trigger was not moved, edited or disabled since it was read.
    Status moveQuietCursors(const QJsonArray &moves);
    /// State (with history rows, pruned), last fired time and cursor, inside evaluateTrigger()'s transaction.
    Status saveProgress(qint64 triggerId, qint64 newCursor, const QList<std::pair<qint64, QJsonArray>> &history, bool fired);
    /// Counts the chain's events above the count cursor up to `checkpoint` (about maxEvents).
    Result<qint64> countEvents(qint64 chainId, qint64 checkpoint, int maxEvents, bool &caughtUp);
    /// Adds `sign` × the events of (after, through] (of one registry contract when given) to
    /// the hourly counts.
    Status addEventCounts(qint64 chainId, qint64 after, qint64 through, int sign, const QVariant &registry = QVariant());
    /// Renders one delivery and adds it to the outbox (DeliveryOutbox::add(): or revives one a
    /// reorg cancelled); true when a row was written.
    Result<bool> insertDelivery(const TriggerDef &def, const Action &action, const TriggerEvent &event, const QJsonObject &eventJson,
                                const QString &deliveryId, bool isTest, bool replay);
    /// The outbox row of one delivery of `action` for `event`, its payload rendered.
    OutboxDelivery outboxDelivery(const TriggerDef &def, const Action &action, const TriggerEvent &event, const QJsonObject &eventJson,
                                  const QString &deliveryId, bool isTest, bool replay) const;
    /// recordAttempts() of attempts that name each delivery once, inside its transaction.
    Status recordDistinctAttempts(const QList<DeliveryAttempt> &attempts);
    /// action_metrics_hourly += the attempts (`types`: their action types), one row per hour and type.
    Status addMetrics(const QList<DeliveryAttempt> &attempts, const QList<ActionType> &types);
    /// The `quantile` of durations counted per durationBucket(), as bucketValue().
    static std::optional<qint64> bucketPercentile(const QList<qint64> &counts, double quantile);

    Store &m_store;
};

} // namespace arbor

#pragma once

#include "error.h"
#include "model/entitydef.h"
#include "model/balancequeue.h"
#include "store/indexbatch.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QVariant>

#include <utility>

namespace arbor {

struct HolderChange;

/**
 * What indexing writes and reads (DESIGN.md §3, §6) over a Store: the plan a ChainIndexer works
 * from, promotion of fetched ranges, the derived per-chain and global rows, reorg rollback,
 * global resync, audited reindex requests and the backfills of tokens added to live chains.
 *
 * A cheap view that owns this SQL and no state: make one where it is needed,
 * `IndexStore(store).promote(batch, entities)`. Whatever belongs to the connection
 * (transactions, the on-demand index cache) stays on the Store.
 *
 * Invariants: promotion is the only way rows become visible, one range in ONE transaction
 * (staging, production, derived and global rows, balances and queue, progress, checkpoint), so
 * a crash leaves the old state or the new one; a head range follows the checkpoint and builds
 * on its hash; a rollback removes everything above the ancestor in one transaction; a global
 * row is never overwritten by a lower height unless forced (reindex, resync).
 *
 * Thread: the thread of the Store it wraps; it must not outlive that Store.
 */
/// One UTC day of a chain's network stats (its block_summaries row).
struct NetworkDay
{
    qint64 chainId = 0;
    qint64 day = 0;              ///< days since the epoch (block timestamp / 86400)
    qint64 blocks = 0;
    qint64 transactions = 0;
    qint64 transfers = 0;        ///< token transfers of the chain's tokens
    qint64 activeHolders = 0;    ///< addresses that sent or received one of them that day
    qint64 gasUsed = 0;
    /// False while the chain's block statistics count only the blocks with events (or every
    /// block's header is still being fetched): blocks, transactions and gas are then not the day's.
    bool blocksCounted = true;
};

class IndexStore
{
    // The texts were Store's: the translations know them under its context.
    Q_DECLARE_TR_FUNCTIONS(arbor::Store)

public:
    explicit IndexStore(Store &store)
        : m_store(store)
    {
    }

    // --- plan (indexstore.cpp) ------------------------------------------------------------
    /// Everything a ChainIndexer needs to plan its work: config, registries, checkpoint,
    /// indexed ranges, pending reindex requests and backfills.
    Result<ChainIndexPlan> indexPlan(qint64 chainId);
    Result<QList<IndexRange>> indexRanges(qint64 chainId);
    /// Stored block hashes in [from, to], ascending.
    Result<QList<std::pair<qint64, Hash>>> blockHashes(qint64 chainId, qint64 from, qint64 to);
    /// The timestamp (unix seconds) of stored block `number`, empty when it is not stored.
    Result<std::optional<qint64>> blockTime(qint64 chainId, qint64 number);

    // --- promotion (indexstorepromote.cpp) -------------------------------------------------
    /**
     * Stages `batch` and promotes it, in ONE transaction: production rows (replacing the range
     * for Gap/Reindex, the contract's rows for Backfill), derived per-chain rows, global rows
     * (higher height wins; forced for Reindex), index_progress, and for Head the checkpoint.
     * Head batches must follow the checkpoint and build on its hash: otherwise a Conflict
     * error with field "checkpoint" or "parent_hash" and nothing written. A batch other than a
     * Backfill fetched without one of the chain's tokens (added meanwhile) is a Conflict error
     * with field "tokens": it must be fetched again. Every refusal is made with promoteRefused().
     */
    Result<PromoteResult> promote(const IndexBatch &batch, const QList<EntityDef> &entities);

    // --- daily network stats (indexstoreaggregates.cpp) -------------------------------------
    /// The chain's days (every chain's, from the global table, when none is given) from
    /// `sinceDay` on, oldest first. NotFound ("chain") for a chain that has no tables.
    Result<QList<NetworkDay>> networkStats(std::optional<qint64> chainId, qint64 sinceDay);
    /// Counts the active holders of every day of chains indexed before they were kept (once per
    /// chain, remembered in aggregate_state). Engine::start() calls it with the lease.
    Status countActiveHoldersOnce(const QList<EntityDef> &entities);

    // --- agent summaries (indexstoreagents.cpp) ------------------------------------------------
    /// Counts the agent summaries (identities, reputation, its sums per tag and latest feedback)
    /// of chains indexed before the per-tag sums and latest feedback were kept, from their raw
    /// agent events: once per chain, remembered in aggregate_state.agents_recounted_at. Engine
    /// calls it with the lease, after countActiveHoldersOnce() (which gives every chain its row).
    Status recountAgentsOnce(const QList<EntityDef> &entities);

    // --- reorgs, resync, reindex, backfills (indexstorereorg.cpp) ---------------------------
    /// Rolls the chain back to `reorg.ancestorBlock` (production, derived and global rows,
    /// index_progress, checkpoint) and records the reorg, in one transaction.
    /// `leaseEpoch`: as IndexBatch::leaseEpoch (0: not checked).
    Status rollBackTo(const ReorgRecord &reorg, const QList<EntityDef> &entities, qint64 leaseEpoch = 0);
    Result<QList<ReorgRecord>> reorgs(qint64 chainId);
    /// Rebuilds the chain's global rows (all cross-chain tables, or `table`) from production.
    Status resyncGlobal(qint64 chainId, const QList<EntityDef> &entities, const QString &table = QString());
    /// Records an audited reindex request; the range must lie within what is indexed.
    Result<ReindexRequest> requestReindex(qint64 chainId, qint64 from, qint64 to, const QString &reason, const QString &requestedBy);
    Result<QList<ReindexRequest>> reindexRequests(qint64 chainId);
    Status failReindex(qint64 id, const QString &error) { return failRequest("reindex_requests", id, error); }
    Status failBackfill(qint64 id, const QString &error) { return failRequest("backfills", id, error); }
    /**
     * Adds a token to a live chain and a backfill of its history [from, checkpoint], the
     * checkpoint read in the same transaction: every range promoted before holds no rows of the
     * token and is backfilled, every range promoted after must have been fetched with it (see
     * promote()). No backfill when nothing from `from` on is indexed yet.
     */
    Result<Backfill> addToken(qint64 chainId, const TokenInfo &token, qint64 from);

    /// Whether the batch's headers are those its headerScope promises (a programming error if not).
    static Status checkHeaders(const IndexBatch &batch);

private:
    /// What promote() gathers while it runs: agent keys to recompute, rows written.
    struct Promotion;

    // promote(), step by step, each inside its transaction (indexstorepromote.cpp).
    /// Refuses a range of a chain not active, fetched without a token added since, or not
    /// following the checkpoint; returns nothing written.
    Status checkPromotable(const IndexBatch &batch);
    /// Removes the rows the range replaces (Gap/Reindex: the range; Backfill: the contract's
    /// rows in it), queueing their holders and noting their agent keys.
    Status clearReplacedRows(const IndexBatch &batch, const QList<EntityDef> &entities, Promotion &p);
    /// Writes one entity's `count` rows, which `insert` puts into the table it is given with the
    /// columns it is given: straight to production for Head, through staging otherwise (with
    /// the new rows' holders queued).
    Status stageRows(const IndexBatch &batch, const EntityDef &entity, qsizetype count,
                     const std::function<Status(const QString &table, const QStringList &columns)> &insert, Promotion &p);
    /// Writes the batch's rows, and for Head keeps the balances its transfers changed.
    Status stageBatch(const IndexBatch &batch, const QList<EntityDef> &entities, Promotion &p);
    /// Progress, checkpoint (Head), and the reindex request or backfill the range belongs to.
    Status advance(const IndexBatch &batch, Promotion &p);

    /// Bound values of one agent event's row (blocks and transfers go as typed rows).
    SqlRow agentEventRow(const AgentEvent &event) const;
    Status recordProgress(qint64 chainId, qint64 from, qint64 to, qint64 rows, qint64 durationMs);
    Status refreshIndexSummary(qint64 chainId);
    /// Recounts the summaries of the days with blocks in [from, to], or whose summary covered
    /// them, from the raw rows (ranges that replace rows, reorgs).
    Status recomputeBlockSummaries(qint64 chainId, qint64 from, qint64 to, const QList<EntityDef> &entities, bool force);
    /// Head ranges: adds the range's blocks, transactions, transfers, gas and new active
    /// holders to the summaries of its days (and their global rows), in place.
    Status addDailyStats(const IndexBatch &batch, const EntityDef &summaries);
    /// The holder sets and active_holders of days [dayLo, dayHi], whose blocks lie in [lo, hi],
    /// counted again from the raw transfers.
    Status recountActiveHolders(qint64 chainId, qint64 dayLo, qint64 dayHi, qint64 lo, qint64 hi);
    /// The agent summary tables of one chain and how they are written (indexstoreagents.cpp).
    class AgentTables;
    /// Head ranges: folds the range's agent events onto the stored summaries of their agents
    /// (counts, tag sums, latest feedback, identity) and their global rows, in place. Reads no
    /// agent's history: only the NewFeedback of a feedback the range revokes.
    Status keepAgents(const IndexBatch &batch, const QList<EntityDef> &entities);
    /// Ranges that replace rows, reorgs and the one-time recount: the summaries of the agents
    /// `keys` (registry, agent_id as bound) counted again from their remaining events.
    Status recomputeAgents(qint64 chainId, const QList<std::pair<QVariant, QVariant>> &keys, const QList<EntityDef> &entities, bool force);
    /// Upserts the global twins of the production rows matching `where` (higher height wins
    /// unless `force`), and removes global rows whose production row is gone.
    Status syncGlobalRows(qint64 chainId, const EntityDef &entity, const QString &where, const QVariantList &params, bool force);
    Status failRequest(const char *table, qint64 id, const QString &error);
    /// Head ranges: transfers-mode balances += the range's net per-holder changes (one upsert per
    /// touched holder, production and global); the queue gets holders it still has work for,
    /// balance_of tokens and tokens being backfilled. Runs inside promote()'s transaction.
    Status keepTransferBalances(const IndexBatch &batch, const EntityDef &balances);
    /// keepTransferBalances() on PostgreSQL: the signed changes summed in the database.
    Status addChangesInDatabase(qint64 chainId, const EntityDef &balances, qint64 height, const QList<HolderChange> &changes, qint64 now);
    /// Queues (token, holder, -, block, tx hash, -) rows, staged as `balances` rows, coalesced
    /// with pending items.
    Status enqueueKeys(qint64 chainId, const EntityDef &balances, const QList<SqlRow> &rows, BalanceUpdateType type);

    Store &m_store;
};

} // namespace arbor

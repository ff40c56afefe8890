#pragma once

#include "engine/engineservice.h"
#include "error.h"
#include "metrics/chainmetrics.h"
#include "model/chainstatus.h"
#include "store/indexbatch.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

namespace arbor {

class IndexerSupervisor;

/**
 * Indexing (DESIGN.md §3–§7): one ChainIndexer thread per active chain this engine indexes,
 * their statuses, and the verbs on indexed ranges — reindex (audited), resync of the global
 * tables, the ranges indexed so far, reorgs handled, backfills pending.
 *
 * Handed out by Engine::indexing(). Statuses arrive batched (EngineOptions::statusIntervalMs)
 * as chainStatusChanged; chainPromoted follows every promotion. Which chains are indexed
 * follows the chain registry (ChainService::chainsChanged): active chains, unless the engine
 * is read-only, shutting down or told to index only some (EngineOptions::onlyChains) — and of
 * those, only the chains whose lease this engine holds (ChainLeaseKeeper), each under its epoch.
 *
 * Thread: the Engine's; never waits on the database or the network.
 */
class IndexingService final : public EngineService
{
    Q_OBJECT

public:
    ~IndexingService() override;

    /// Latest indexing status per chain (only chains this engine indexes).
    QList<ChainStatus> chainStatuses() const;

    /// Records an audited reindex of [from, to] (within what is indexed); the chain's indexer
    /// re-fetches the range and replaces its rows.
    QFuture<Result<ReindexRequest>> requestReindex(const ChainRef &chain, qint64 from, qint64 to, const QString &reason);
    QFuture<Result<QList<ReindexRequest>>> reindexRequests(const ChainRef &chain);
    /// Rebuilds the chain's global rows (all cross-chain tables, or `table`) from production.
    QFuture<Status> resync(const ChainRef &chain, const QString &table = QString());
    /// Rows per chain and table, of the chains `only` lists (every chain when it is empty).
    QFuture<Result<QList<SyncStatusRow>>> syncStatus(const QList<qint64> &only = {});
    QFuture<Result<QList<ReorgRecord>>> reorgs(const ChainRef &chain);
    /// Backfills of the chain not yet finished.
    QFuture<Result<int>> pendingBackfills(const ChainRef &chain);
    /// The chain's indexed ranges (index_progress), merged and ordered: what is not in them is a gap.
    QFuture<Result<QList<IndexRange>>> indexRanges(const ChainRef &chain);

Q_SIGNALS:
    /// Indexing status of every chain this engine indexes, batched (statusIntervalMs).
    void chainStatusChanged(const QList<arbor::ChainStatus> &statuses);
    /// A range of `chainId` was promoted; `checkpoint` is its checkpoint afterwards, `rows` the
    /// rows the promotion wrote by table (blocks, token_transfers, agent_events).
    void chainPromoted(qint64 chainId, qint64 from, qint64 to, std::optional<qint64> checkpoint, const QHash<QString, qint64> &rows = {});
    void reorgHandled(const arbor::ReorgRecord &reorg);
    /// A write for the chain was refused: another engine holds its lease now; indexing here stopped.
    void chainLeaseLost(qint64 chainId, const QString &reason);

private:
    friend class Engine;
    friend class ChainService;
    friend class StatsService;

    IndexingService(EngineContext &context, QObject *parent = nullptr);

    /// Starts indexers for `chains` that should be indexed here and stops the others.
    void follow(const QList<ChainRecord> &chains);
    /// No new work starts for the chain (it is being deleted) and its indexer stops.
    void stopChain(qint64 chainId);
    void stopAll();
    /// A reindex request, backfill or edit of the chain was written: its indexer looks now.
    void checkForWork(qint64 chainId);
    /// Probe now on the indexer's own endpoints; false when the chain is not indexed here.
    bool probeNow(qint64 chainId, std::function<void(QList<EndpointRecord>)> done);
    ChainSeries series(qint64 chainId, qint64 sinceMs) const;
    /// The chain's series go (it left the registry).
    void forget(qint64 chainId);
    QFuture<void> shutdown();

    std::unique_ptr<IndexerSupervisor> m_supervisor;
    QSet<qint64> m_stopped;   ///< chains being deleted: never started again here
    QList<ChainRecord> m_chains;   ///< the registry as last followed
};

} // namespace arbor

#pragma once

#include "engine/chainindexer.h"
#include "engine/threadreaper.h"
#include "metrics/chainmetrics.h"
#include "util/guardedthread.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <optional>

namespace arbor {

class StoreThread;

/**
 * Runs one ChainIndexer per indexed chain, each on a thread of its own, and gathers what they
 * report: the Engine says which chains should be indexed (sync()), the supervisor starts and
 * stops indexers to match.
 *
 * Statuses are batched: statusesChanged fires at most every `statusIntervalMs`, only when one
 * changed; every tick also records each status into the chain metrics (lag in seconds grows
 * while nothing is promoted, so a tick without change still counts).
 *
 * Stopping does not wait on the caller's (GUI) thread: the indexer is told to stop and its
 * thread to quit, both queued on that thread, and the thread is handed to a ThreadReaper, which
 * joins and deletes it on the reaper's thread. Work still in flight cannot land after a pause or
 * a delete: the writer refuses rows for a chain that is no longer active. shutdown() stops every
 * indexer the same way and resolves once every thread is joined; without it, the destructor
 * stops them and, through the reaper, joins every thread before it returns. Either way the
 * writer must stay open until then: a stopping indexer still posts to it.
 *
 * An indexer rides out RPC and store errors itself (backoff, the RpcDown and Stalled phases) and
 * reports them as status. Should one throw nonetheless, only its thread ends (GuardedThread):
 * the chain shows Stalled with what was thrown and when it starts again, and a new indexer takes
 * over from the checkpoint after a RestartBackoff delay.
 *
 * Thread: the Engine's. Invariant: statuses() holds exactly the chains being indexed or waiting
 * for their indexer to start again.
 */
class IndexerSupervisor final : public QObject
{
    Q_OBJECT

public:
    IndexerSupervisor(StoreThread *writer, IndexerOptions options, int statusIntervalMs, QObject *parent = nullptr);
    ~IndexerSupervisor() override;

    /// Starts indexers for the chains in `wanted` (chain → the epoch of this engine's lease on
    /// it, 0 for none) and stops every other one; a chain held under a new epoch starts afresh.
    void sync(const QHash<qint64, qint64> &wanted);
    /// Stops the chain's indexer, if it has one, without waiting for its thread.
    void stop(qint64 chainId);
    void stopAll();
    /// Stops every indexer and starts no more, without waiting: the future resolves when every
    /// indexer thread (and the reaper's) has been joined. The destructor then waits for nothing.
    QFuture<void> shutdown();
    bool isIndexing(qint64 chainId) const { return m_indexers.contains(chainId); }
    /// Asks the chain's indexer to look for reindex requests and backfills now, and to take up
    /// an edit of the chain (poll interval, confirmations and registries in place; when its
    /// endpoints changed, the supervisor stops it and starts a new indexer on them).
    void checkForWork(qint64 chainId);
    /// Probe now on the chain's indexer (ChainIndexer::probeNow); false when it has none.
    /// `done` runs on the indexer's thread.
    bool probeNow(qint64 chainId, std::function<void(QList<EndpointRecord>)> done);

    QList<ChainStatus> statuses() const { return m_statuses.values(); }
    ChainSeries series(qint64 chainId, qint64 sinceMs) const { return m_metrics.series(chainId, sinceMs); }
    /// Drops the chain's metric series (the chain was deleted).
    void forget(qint64 chainId) { m_metrics.remove(chainId); }

Q_SIGNALS:
    void statusesChanged(const QList<arbor::ChainStatus> &statuses);
    void promoted(qint64 chainId, qint64 from, qint64 to, std::optional<qint64> checkpoint, const QHash<QString, qint64> &rows);
    void reorgHandled(const arbor::ReorgRecord &reorg);
    /// The chain's indexer had a write refused for a lost lease and stopped (ChainIndexer::leaseLost).
    void leaseLost(qint64 chainId, const QString &reason);

private:
    void start(qint64 chainId);
    void tick();
    void indexerFailed(qint64 chainId, const ChainIndexer *indexer, const QString &what);

    struct Indexer
    {
        QThread *thread = nullptr;
        ChainIndexer *indexer = nullptr;   ///< lives on thread
        qint64 startedMs = 0;
    };

    StoreThread *m_writer;
    const IndexerOptions m_options;
    QHash<qint64, Indexer> m_indexers;
    QHash<qint64, qint64> m_epochs;        ///< the lease epoch each indexed (or restarting) chain writes under
    QSet<qint64> m_restarting;             ///< failed indexers waiting for their restart
    QHash<qint64, RestartBackoff> m_backoffs;
    QHash<qint64, ChainStatus> m_statuses;
    bool m_statusDirty = false;
    QTimer m_statusTimer;
    ChainMetrics m_metrics;                ///< fed on every m_statusTimer tick
    bool m_shutDown = false;               ///< shutdown() was called: sync() starts nothing
    ThreadReaper m_reaper;                 ///< declared last: destroyed first, joining every stopped thread
};

} // namespace arbor

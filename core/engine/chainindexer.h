#pragma once

#include "engine/rangefetcher.h"
#include "engine/reorgguard.h"
#include "error.h"
#include "model/chainconfig.h"
#include "engine/indexeroptions.h"
#include "model/chainstatus.h"
#include "model/entitydef.h"
#include "rpc/endpointpool.h"
#include "store/indexbatch.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QMap>
#include <QObject>
#include <QTimer>

#include <deque>
#include <map>
#include <memory>
#include <optional>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcIndexer)

namespace arbor {

class StoreThread;


/**
 * Indexes one chain: catches up from its checkpoint to the head in pipelined ranges, then
 * follows the head; serves gap fills, reindex requests and backfills; detects reorgs and rolls
 * back to the common ancestor.
 *
 * The indexer schedules; its parts do the work. A RangeFetcher fetches and decodes ranges
 * through the indexer's own QNetworkAccessManager and EndpointPool; a ReorgGuard checks the tip
 * and, when the chain reorganised, finds the common ancestor and rolls back to it; writes go to
 * the engine's writer StoreThread as whole-range promotions, in block order. A batch is promoted
 * only if it builds on the stored checkpoint (checked again inside the writer's transaction;
 * a refusal comes back as a PromoteRefusal), so a crash, a reorg or a stale fetch can never
 * leave a half range or a fork in the tables. The indexer keeps the status and the rates.
 *
 * Thread: created on the Engine's thread, moved to a worker thread; start() and stop() are
 * invoked there. Signals are delivered queued to the Engine.
 */
class ChainIndexer final : public QObject
{
    Q_OBJECT

public:
    ChainIndexer(qint64 chainId, StoreThread *writer, QList<EntityDef> entities, IndexerOptions options);
    ~ChainIndexer() override;

    qint64 chainId() const { return m_chainId; }

public Q_SLOTS:
    /// Loads the chain's plan and starts working. Call on the indexer's thread.
    void start();
    /// Stops all work and aborts requests in flight; nothing more is written.
    void stop();
    /// Looks for new reindex requests and backfills now instead of at the next poll, and takes
    /// up an edit of the chain (ChainService::editChain(), or another process's): its poll interval,
    /// confirmations and registries at once; changed endpoints through endpointsChanged.
    void checkForWork();
    /**
     * Probe now: every endpoint of the chain gets an eth_blockNumber at once, whatever its
     * circuit breaker was waiting for; an answer closes its circuit. Then the head is polled and
     * the status (with the endpoints' health) emitted. `done` runs on the indexer's thread with
     * the endpoints as probed; not at all when the indexer stops first.
     */
    void probeNow(std::function<void(QList<arbor::EndpointRecord>)> done);

Q_SIGNALS:
    void statusChanged(const arbor::ChainStatus &status);
    /// A range was promoted; `checkpoint` is the chain's checkpoint afterwards, `rows` the rows
    /// it wrote by table.
    void promoted(qint64 chainId, qint64 from, qint64 to, std::optional<qint64> checkpoint, const QHash<QString, qint64> &rows);
    void reorgHandled(const arbor::ReorgRecord &reorg);
    /// The chain's RPC URLs or their rate were edited: its pool is built from them, so the
    /// owner starts an indexer afresh for the chain. This one goes on until it is stopped.
    void endpointsChanged(qint64 chainId);
    /// A write was refused because another engine holds the chain's lease now (or this one's
    /// expired): this indexer has stopped fetching and writes nothing more; its owner stops it.
    void leaseLost(qint64 chainId, const QString &reason);

private:
    /// Takes up the chain's edited settings from a fresh plan; false when its endpoints changed
    /// (endpointsChanged was emitted and nothing else was taken up).
    bool takeUpEdits(const ChainIndexPlan &plan);
    void loadPlan();
    void onPoolHealth();
    /// An endpoint answers again after every one was unreachable: poll the head and fetch at once.
    void resumeAfterOutage();
    void pump();
    void scheduleHeadPoll(int delayMs);
    void pollHead();
    void verifyTip();
    /// The last block to fetch: head − confirmations, at most stopAfterBlock; none before a head.
    std::optional<qint64> fetchTarget() const;
    void startHeadFetch();
    /// The head scan goes on from the checkpoint (started, restarted after a failure or a
    /// fork that was not one): its next range must build on the checkpoint's block.
    void fetchFromCheckpoint();
    /// One head range; a range that fails is fetched `again` once before the pipeline restarts.
    void fetchHeadRange(qint64 from, qint64 to, HeaderScope scope, bool again);
    /**
     * The highest block below the reorg window: the node's finalized block where it serves that
     * tag (never above head − confirmations), else head − confirmations − the reorg window kept.
     * Ranges up to it are fetched logs first, with the headers of their blocks with logs only;
     * -1 when nothing is (block statistics "every", no head yet).
     */
    qint64 finalBoundary() const;
    /// The same boundary whatever the block statistics: ranges above it are inside the reorg
    /// window and read their headers before their logs (FetchOrder::HeadersFirst).
    qint64 windowBoundary() const;
    /// The first of the newest blocks, read by hash (FetchOrder::ByHash): the last tipBlocks up
    /// to the fetch target, inside the reorg window; past the target when there are none.
    qint64 tipStart() const;
    /// How a head range [from, to] is read: logs first below the window, by hash at the tip,
    /// else headers first.
    FetchOrder orderFor(qint64 from, qint64 to) const;
    /// The headers a range of `mode` ending at `to` is fetched with.
    HeaderScope scopeFor(BatchMode mode, qint64 to) const;
    /// Asks the node for its finalized block while the head scan is behind and the last answer
    /// is older than FinalizedRefreshMs; a node that refuses the tag is not asked again.
    void refreshFinalized();
    /// Blocks per range for `scope` from `from`: the log span, and at most maxPromotionBlocks
    /// inside the reorg window (where ranges link to the checkpoint).
    qint64 rangeSpan(HeaderScope scope) const;
    void promoteReady();
    /// The ready ranges from the checkpoint on, joined into one batch, once they are worth a
    /// promotion; taken out of m_ready.
    std::optional<IndexBatch> nextPromotion();
    void onPromoted(quint64 generation, const IndexBatch &batch, Result<PromoteResult> result);
    void handleReorg(qint64 atBlock);
    void runSpecialWork();
    /// `noProgress`: Stalled only because nothing was promoted (ChainStatus::noProgress).
    void setPhase(IndexPhase phase, const QString &message = QString(), bool noProgress = false);
    /// The phase, saying why in `error`'s words and keeping its code for other languages.
    void setPhase(IndexPhase phase, const Error &error);
    /// What both setPhase() overloads show: the phase, why, and why's code where it has one.
    void showPhase(IndexPhase phase, const QString &message, const QString &code, const QStringList &args, bool noProgress);
    /// `sayWhy`: the error becomes the status message (false for a range that is not next).
    void rpcFailed(const Error &error, bool sayWhy = true);
    void stall(const Error &error);
    /// Stops fetching for good and reports it (see the leaseLost signal).
    void standDown(const Error &error);
    /// Stalled, with why, once the chain has been behind with no block promoted for stallAfterMs.
    void checkProgress();
    void emitStatus();
    void saveHealth();
    /// The pool's health as endpoint records, into m_status.
    void takeEndpointHealth();
    int retryDelayMs();

    const qint64 m_chainId;
    StoreThread *m_writer;
    const QList<EntityDef> m_entities;
    IndexerOptions m_options;

    QNetworkAccessManager *m_network = nullptr;
    EndpointPool *m_pool = nullptr;
    RangeFetcher m_fetcher;
    ReorgGuard m_guard;
    ChainIndexPlan m_plan;

    bool m_running = false;
    quint64 m_generation = 0;               ///< bumped on reorg/stop: late callbacks are dropped
    qint64 m_startBlock = 0;
    std::optional<qint64> m_checkpoint;
    Hash m_checkpointHash;
    std::optional<qint64> m_head;
    /// Until the node answers: the highest head an endpoint reported before (the database
    /// keeps it). The history it had made final is fetched meanwhile (fetchTarget()).
    std::optional<qint64> m_recordedHead;
    qint64 m_nextFetch = 0;                 ///< first block not yet scheduled for the head scan
    /// The block before m_nextFetch may have been read inside the reorg window (or is the
    /// checkpoint, read by an earlier run when the window was elsewhere): the next range is
    /// fetched linked to it even below the window, so that a block replaced since is found.
    bool m_linkNext = false;
    int m_inFlight = 0;
    std::map<qint64, IndexBatch> m_ready;   ///< fetched head ranges by first block, awaiting promotion
    bool m_promoting = false;
    bool m_specialBusy = false;
    bool m_headPollScheduled = false;
    bool m_headPollInFlight = false;
    bool m_rollingBack = false;             ///< a reorg's common ancestor is being looked for: no head poll
    bool m_poolDown = false;                ///< every endpoint was unreachable at the pool's last report
    qint64 m_fetchResumeAtMs = 0;           ///< m_clock time before which the head scan fetches nothing (backoff)
    int m_failures = 0;
    std::optional<qint64> m_finalized;      ///< the node's finalized block as last answered
    bool m_finalizedServed = true;          ///< false once a node refused the "finalized" tag
    bool m_finalizedAsked = false;          ///< a finalized request has been answered (or refused) once
    bool m_finalizedInFlight = false;
    qint64 m_finalizedAtMs = 0;             ///< m_clock time of the last finalized answer
    static constexpr qint64 FinalizedRefreshMs = 15000;

    // Children, so they move to the indexer's thread with it.
    QTimer m_headTimer{this};
    QTimer m_healthTimer{this};
    QTimer m_workTimer{this};
    bool m_healthDirty = false;
    ChainStatus m_status;
    static constexpr qint64 RateWindowMs = 10000;
    std::deque<std::pair<qint64, qint64>> m_rate;   ///< (ms, checkpoint) samples for blocks/s, the last RateWindowMs
    qint64 m_progressAtMs = 0;              ///< m_clock time of the last promotion, or of being caught up
    QElapsedTimer m_clock;
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::ReorgRecord)

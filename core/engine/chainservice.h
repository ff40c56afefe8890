#pragma once

#include "engine/engineservice.h"
#include "engine/recordedstatuses.h"
#include "error.h"
#include "model/chainconfig.h"
#include "model/chainedit.h"
#include "model/chainstatus.h"
#include "rpc/endpointprobe.h"
#include "rpc/eventdensity.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include <optional>

namespace arbor {

class IndexingService;

/**
 * The chain registry as operators change it (DESIGN.md §7): add a chain (its RPC URLs probed,
 * its tokens read from the chain), edit it, add a token, pause or resume it, delete it
 * (journaled), probe its endpoints now; and the snapshot of every registered chain the console
 * shows, refreshed every EngineOptions::snapshotIntervalMs and after each change here.
 *
 * Handed out by Engine::chains(). Every check of a command runs before anything is written,
 * and what is written is written in one transaction; Invalid errors name the field and the fix.
 *
 * Thread: the Engine's; probes run on the network thread, writes on the writer.
 */
class ChainService final : public EngineService
{
    Q_OBJECT

public:
    ~ChainService() override;

    /// Validates, probes every URL (chain id must match on all), registers the chain and its
    /// tables. Nothing is written unless every check passes.
    QFuture<Result<ChainRecord>> addChain(const ChainConfig &config, std::optional<double> sampledLogsPerBlock = std::nullopt);
    /**
     * Changes a registered chain (ChainEdit): its name, RPC URLs (new ones probed as at add:
     * the chain id must match), poll interval, confirmations, RPC rate, and ERC-8004 registries
     * added (their past events backfilled from the start block). Every check runs before
     * anything is written, and the edit is written in one transaction. The chain's running
     * indexer takes the edit up at once (another process's within its work poll); chainsChanged
     * follows. Returns the chain as stored afterwards.
     */
    QFuture<Result<ChainRecord>> editChain(const ChainRef &chain, const ChainEdit &edit);
    /// Reads the token's metadata and deployment block from the chain, adds it, and backfills
    /// its history up to the checkpoint: no full reindex.
    QFuture<Result<TokenInfo>> addToken(const ChainRef &chain, const Address &token);
    QFuture<Status> setPaused(const ChainRef &chain, bool paused);
    /**
     * The operator's price of one call of `method` on the chain's endpoint `endpoint` (the URL as
     * stored or shown), in the provider's unit (Alchemy's compute units, Infura's credits); empty
     * `units` removes the price. The calls counted so far and from now are shown with calls × price.
     * NotFound when the chain has no such endpoint; Invalid (field "method" or "units") for a name
     * that is not a JSON-RPC method or units outside 0…RpcPrices::MaxUnits. Returns the chain as
     * stored afterwards.
     */
    QFuture<Result<ChainRecord>> setRpcPrice(const ChainRef &chain, const QUrl &endpoint, const QString &method, std::optional<qint64> units);
    /// Runs the journaled delete; deletionProgress reports each step.
    QFuture<Status> deleteChain(const ChainRef &chain);
    /// Every registered chain, read now.
    QFuture<Result<QList<ChainRecord>>> list();

    /// eth_chainId, eth_blockNumber and web3_clientVersion on every URL at once; `expectedChainId`
    /// 0 skips the chain-id check. Needs no started engine.
    QFuture<Result<QList<ProbeResult>>> probeEndpoints(const QList<QUrl> &urls, qint64 expectedChainId);
    /**
     * Name, symbol, decimals (eth_call) and deployment block (binary search on eth_getCode up
     * to `head`, a hint only: most nodes keep no historical state) of each token, read through
     * `url`. With `startBlock`, also the balance mode the token gets when indexing starts there,
     * and why: Transfers when it has no Transfer before the start block (eth_getLogs, which
     * every node serves), BalanceOf otherwise. Needs no started engine.
     */
    QFuture<Result<QList<TokenInfo>>> probeTokens(const QUrl &url, const QList<Address> &tokens, qint64 head,
                                                  std::optional<qint64> startBlock = std::nullopt);
    /// How many blocks of [from, to] hold events of the tokens and registries, from a sample
    /// read through `url` (EventDensityProbe): what "blocks with events" pays headers for.
    /// Needs no started engine.
    QFuture<Result<EventDensity>> sampleEvents(const QUrl &url, const QList<Address> &tokens, const QList<RegistryRef> &registries,
                                               qint64 from, qint64 to);
    /// Keeps what a sample of the chain's range found (ChainRecord::sampledLogsPerBlock), for
    /// the indexer's next start: `arborctl chain add` samples after the add. A sample of no
    /// blocks changes nothing. NotFound for a chain not registered.
    QFuture<Status> recordEventSample(const ChainRef &chain, const EventDensity &sample);
    /**
     * Probe now: every RPC endpoint of the chain gets an eth_blockNumber at once. Where this
     * engine indexes the chain, its indexer's endpoints are probed: an open circuit's wait is
     * reset, an answer closes it, the head is polled again and the result shows in the chain's
     * status. Elsewhere (arborctl, a read-only console, a paused chain) the endpoints are probed
     * from the network thread and nothing is recorded but their calls (rpc_call_counts, when
     * this engine may write); the engine indexing the chain probes an
     * open circuit every few seconds anyway. Returns the endpoints as probed, in the one
     * vocabulary (EndpointStatus).
     */
    QFuture<Result<QList<EndpointRecord>>> probeNow(const ChainRef &chain);

    /// The last snapshot sent with chainsChanged.
    const QList<ChainRecord> &snapshot() const { return m_snapshot; }
    /// Asks for a snapshot now instead of at the next tick.
    void refreshSnapshot();
    /// Head, checkpoint and lag of the registered chains this engine does not index (paused
    /// chains; every chain on a read-only console) as the database last recorded them, read
    /// off this thread with each chain snapshot (see RecordedStatuses). Never a chain that
    /// IndexingService::chainStatuses() has; none before the engine started.
    QList<ChainStatus> recordedStatuses() const;

Q_SIGNALS:
    void chainsChanged(const QList<arbor::ChainRecord> &chains);
    void deletionProgress(qint64 chainId, int step, const QString &name, bool done);
    void chainDeleted(qint64 chainId);

private:
    friend class Engine;

    ChainService(EngineContext &context, IndexingService &indexing, QObject *parent = nullptr);

    /// Snapshots from now on (an engine that started with snapshots on).
    void start();
    void stop();
    /// Finishes the deletes a crash interrupted (`names`: their chains' names, for a later
    /// "delete it again"); resolves when each has ended, failed ones logged.
    QFuture<void> finishDeletions(const QList<qint64> &chainIds, const QHash<qint64, QString> &names);
    QFuture<Status> runDeletion(qint64 chainId);
    /// Takes `chains` (a fresh read) into m_recorded; reads checkpoint block times not yet known.
    void recordStatuses(const QList<ChainRecord> &chains);

    IndexingService &m_indexing;
    QTimer m_snapshotTimer;
    bool m_snapshotInFlight = false;
    QList<ChainRecord> m_snapshot;
    QSet<qint64> m_deleting;
    QHash<qint64, QString> m_finishedAtStart;      ///< deletes start() finished: id → name
    RecordedStatuses m_recorded;
    bool m_recordInFlight = false;
    QHash<qint64, std::pair<qint64, std::optional<qint64>>> m_checkpointTimes;   ///< chain → (checkpoint, its block's time)
};

} // namespace arbor

#pragma once

#include "engine/tipblooms.h"
#include "error.h"
#include "model/chainconfig.h"
#include "rpc/lograngesizer.h"
#include "store/indexbatch.h"

#include <QList>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace arbor {

class EndpointPool;

/// In which order a RangeFetcher reads a range's logs and headers (see RangeFetcher::fetch()).
enum class FetchOrder {
    LogsFirst,      ///< below the reorg window: logs, then the headers of their blocks
    HeadersFirst,   ///< inside the window: the headers that need no logs, then the logs, on one endpoint
    ByHash,         ///< at the tip: every header, then the logs of the blocks whose bloom may hold them, by block hash
};

/// How large the requests of a RangeFetcher start out and may grow. IndexerOptions carries them.
struct FetchLimits
{
    int headerBatchSize = 100;              ///< eth_getBlockByNumber calls per JSON-RPC batch, at most
    qint64 initialLogSpan = 100;            ///< blocks per eth_getLogs call to start with
    qint64 maxLogSpan = 100000;             ///< blocks per eth_getLogs call, at most (an endpoint's stated cap lowers it)
};

/**
 * Fetches one block range of one chain from its endpoints and decodes it into an IndexBatch:
 * the logs of the chain's tokens and ERC-8004 registries (eth_getLogs), decoded into
 * TokenTransfers and AgentEvents in chain order, and block headers (JSON-RPC batches of
 * eth_getBlockByNumber): those its HeaderScope names — every block's, or those of the blocks
 * with logs and the range's last block (and, inside the reorg window, its first).
 *
 * What the endpoints refuse is split and reassembled, never failed: a header batch refused as
 * too large (evmjson::isBatchTooLarge) is sent again in halves, and batches are never larger
 * than EndpointPool::batchLimit(); a log range refused as too large (evmjson::isRangeTooLarge)
 * is fetched in halves while the LogRangeSizer lets it shrink, and the sizer's span (what the
 * indexer schedules with, span()) learns from every answer and is capped at the pool's learned
 * EndpointPool::logRangeLimit().
 *
 * Invariants of a batch handed to `done`: it holds the headers its scope names in order (for
 * HeaderScope::Every each header's parentHash is the previous header's hash), and every log
 * came from the block whose header was fetched (its blockHash is the header's). A range whose headers do not link, or
 * whose logs come from another fork than its headers, is an Error of kind Unavailable with
 * field "chain" (the chain changed while it was read: fetch again); a request that failed on
 * every endpoint is the pool's Unavailable error. Logs that do not decode are skipped and
 * counted (skippedLogs()), never fatal.
 *
 * The fetcher does not own its EndpointPool. Without one (setPool(nullptr), after the indexer
 * stopped), every fetch fails with an Unavailable error. The pool must not call back after the
 * fetcher is gone: destroy the pool first (destroying it aborts its requests silently).
 *
 * Thread: used on the thread of its EndpointPool (a ChainIndexer's); `done` runs there, once.
 */
class RangeFetcher final
{
public:
    using Done = std::function<void(Result<IndexBatch>)>;

    RangeFetcher(qint64 chainId, FetchLimits limits);
    ~RangeFetcher();
    RangeFetcher(const RangeFetcher &) = delete;
    RangeFetcher &operator=(const RangeFetcher &) = delete;

    /// Fetches sent to an earlier pool are forgotten (logsInFlight()): that pool never calls back.
    void setPool(EndpointPool *pool);
    EndpointPool *pool() const { return m_pool; }

    /// The contracts whose logs a range fetch asks for (a token's Transfers, a registry's events).
    void setContracts(QList<Address> tokens, const QList<RegistryRef> &registries);
    /// Replaces the tokens only (one added to a live chain), keeping the registries.
    void setTokens(QList<Address> tokens);
    const QList<Address> &tokens() const { return m_tokens; }
    qsizetype registryCount() const { return qsizetype(m_registries.size()); }

    /// Blocks per range as learned from the endpoints' answers; ranges are scheduled this wide.
    qint64 span() const { return m_sizer.span(); }
    /// Starts the span from a sample of the chain's logs per block (LogRangeSizer::seed()),
    /// within the range cap the pool learned; nothing once an answer was counted.
    void seedSpan(double logsPerBlock);
    /// Whether the span is still growing from its start (LogRangeSizer::growing()).
    bool spanGrowing() const { return m_sizer.growing(); }
    /// Whether the chain's blooms were seen to name the logs of their blocks, and never seen not
    /// to. Reads by hash skip a block whose bloom holds none of the chain's logs (TipBlooms).
    bool bloomsTrusted() const { return m_tipBlooms.trusted(); }
    /// Logs skipped since construction because they did not decode.
    qint64 skippedLogs() const { return m_skippedLogs; }
    /// Fetches whose eth_getLogs are not all answered yet; one waiting for its headers only is
    /// not counted. While the span grows, the indexer sends the next range once this is 0.
    int logsInFlight() const { return m_logsInFlight; }
    /// Called each time a fetch's logs are all in (or failed), after its header requests are sent.
    void setLogsAnswered(std::function<void()> logsAnswered) { m_logsAnswered = std::move(logsAnswered); }

    /**
     * Fetches and decodes [from, to] for `mode`, with the headers `scope` names (WithLogs,
     * Linked: the logs first, then the headers of their blocks beside those of `to` and, for
     * Linked, of `from`; a Backfill fetches its logs' only).
     * FetchOrder::HeadersFirst (a range inside the reorg window): the headers that need no logs
     * (Every: all of them; Linked: `from` and `to`) are read before the logs are asked for, on
     * the endpoint that then answers the logs. The hashes stored for the range were then on the
     * node's chain before its logs were read: a reorg in between leaves a stale hash, which the
     * next range or tip check finds, never new hashes over old logs.
     * FetchOrder::ByHash (the newest blocks, BatchMode::Head without `only`): every header of the
     * range, linked by parentHash, then eth_getLogs by block hash (EIP-234) for each block whose
     * logsBloom may hold the chain's logs, in batches; no other block's logs are asked for. The
     * logs then come from the very blocks whose headers are stored, whichever node behind one
     * URL answered: a node that does not know a hash answers "unknown block", and the request
     * is retried as for a node behind (EndpointPool), then the range is fetched again. A Linked
     * range keeps the headers it keeps when read the other ways: its first and last blocks' and
     * those of its logs' blocks.
     * `only` restricts the logs to one contract (BatchMode::Backfill). The batch carries
     * chainId, the range, mode, header scope, contract, the tokens asked for and the time spent;
     * the caller fills in the rest.
     */
    void fetch(qint64 from, qint64 to, BatchMode mode, std::optional<Address> only, HeaderScope scope, Done done,
               FetchOrder order = FetchOrder::LogsFirst);
    /// Every header of [from, to] alone, as a batch of `mode` without logs (tip and reorg
    /// checks: Head; a chain's block statistics filled in: Headers).
    void fetchHeaders(qint64 from, qint64 to, Done done, BatchMode mode = BatchMode::Head);
    /// The headers of the blocks `numbers` (ascending) alone, in that order (a reorg's search
    /// for the common ancestor among the blocks the store holds).
    void fetchHeadersAt(QList<qint64> numbers, Done done);

private:
    struct Fetch;

    void start(qint64 from, qint64 to, BatchMode mode, std::optional<Address> only, HeaderScope scope, Done done, bool withLogs,
               FetchOrder order = FetchOrder::LogsFirst);
    /// The contracts and topics the blooms are read for, after either changed.
    void probeContracts();
    /// The fetch's logs go out: at once, or once its headers are in (HeadersFirst).
    void sendLogs(const std::shared_ptr<Fetch> &fetch);
    /// One of the fetch's header requests answered (or failed); the last one of a HeadersFirst
    /// fetch sends its logs.
    void headersAnswered(const std::shared_ptr<Fetch> &fetch);
    /// The headers of the fetch's slots [first, last] (see Fetch::numberAt), in batches.
    void requestHeaders(const std::shared_ptr<Fetch> &fetch, qsizetype first, qsizetype last);
    void requestLogHeaders(const std::shared_ptr<Fetch> &fetch);
    /// The range's last header, and its first for HeaderScope::Linked, beside the logs.
    void requestEdgeHeaders(const std::shared_ptr<Fetch> &fetch);
    void requestEdgeHeaders(const std::shared_ptr<Fetch> &fetch, const QList<qint64> &numbers);
    void requestLogs(const std::shared_ptr<Fetch> &fetch, qint64 from, qint64 to);
    /// ByHash, once every header is in: the logs of the blocks whose bloom may hold them.
    void requestLogsByHash(const std::shared_ptr<Fetch> &fetch);
    /// The logs of the fetch's header slots `chosen`, by block hash, in one batch (halved when refused).
    void requestLogsByHash(const std::shared_ptr<Fetch> &fetch, const QList<qsizetype> &chosen);
    /// One of the fetch's eth_getLogs answered: the last one lowers logsInFlight().
    void logsAnswered(const std::shared_ptr<Fetch> &fetch);
    void finish(const std::shared_ptr<Fetch> &fetch);

    const qint64 m_chainId;
    const FetchLimits m_limits;
    EndpointPool *m_pool = nullptr;
    LogRangeSizer m_sizer;
    QList<Address> m_tokens;
    std::map<Address, RegistryKind> m_registries;
    QList<Hash> m_topics;                   ///< topic0 of Transfer and of every registry event
    TipBlooms m_tipBlooms;                  ///< which of the newest blocks may hold the chain's logs
    qint64 m_skippedLogs = 0;
    int m_logsInFlight = 0;
    quint64 m_poolEpoch = 0;                ///< bumped by setPool(): fetches of an earlier pool are not counted
    std::function<void()> m_logsAnswered;
};

} // namespace arbor

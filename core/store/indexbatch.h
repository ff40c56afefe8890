#pragma once

#include "error.h"
#include "model/chainconfig.h"
#include "model/evm.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/// Why a range is being indexed; decides what promotion replaces and advances.
enum class BatchMode {
    Head,       ///< the next range after the checkpoint: parent hash checked, checkpoint advanced
    Gap,        ///< a hole below the checkpoint found in index_progress
    Reindex,    ///< an operator's audited reindex request: the range's rows are replaced
    Backfill,   ///< one contract added to a live chain: only its rows in the range are replaced
    Headers,    ///< the headers of a range indexed without them (block statistics "every"): blocks rows only
};

/**
 * Which block headers a batch carries.
 *
 * Below the reorg window a chain's blocks cannot change, so a range there is fetched logs first
 * and only the headers it needs: those of the blocks that hold its logs (timestamps, and each
 * log's block hash checked against its header) and of its last block (the checkpoint's hash).
 * Inside the window a range's first header must build on the checkpoint, so that a reorg is
 * seen at the next range: a chain counting blocks with events fetches the first and last
 * headers and those of the blocks with logs (Linked); a chain whose block statistics count
 * every block fetches every header and keeps the parent-hash chain (Every).
 */
enum class HeaderScope {
    Every,      ///< every block of [from, to], each building on the one before
    WithLogs,   ///< the blocks that hold logs and the last block `to` (none but the logs' for Backfill), and the
                ///< headers of the reorg window's ranges a head range was joined with
    Linked,     ///< the first block `from` (building on the checkpoint), the blocks that hold logs and the last block `to`
    None,       ///< no headers (a Backfill on a chain that keeps every header already)
};

/**
 * Everything fetched and decoded for one block range of one chain, ready for promotion.
 * Built on a ChainIndexer's thread, handed by value to the writer thread.
 */
struct IndexBatch
{
    qint64 chainId = 0;
    qint64 from = 0;
    qint64 to = 0;
    BatchMode mode = BatchMode::Head;
    HeaderScope headerScope = HeaderScope::Every;
    QList<BlockHeader> headers;             ///< ascending; which blocks: headerScope
    QList<TokenTransfer> transfers;
    QList<AgentEvent> agentEvents;
    qint64 reindexRequestId = 0;            ///< Reindex: the request this range belongs to
    bool lastOfRequest = false;             ///< Reindex/Backfill: finishing this range finishes the request
    qint64 backfillId = 0;                  ///< Backfill
    std::optional<Address> contract;        ///< Backfill: the only contract whose rows are replaced
    QList<Address> tokens;                  ///< Head/Gap/Reindex: the tokens whose logs were fetched
    /// Head/Gap/Reindex: the ERC-8004 registries whose logs were fetched (a RangeFetcher always
    /// says); unset on batches built without one, which are not checked against the registries.
    std::optional<QList<Address>> registries;
    qint64 fetchMs = 0;                     ///< time spent fetching, recorded in index_progress
    /// The epoch of the chain's lease this engine indexes under, checked inside the promotion
    /// (EngineStore::checkFence()); 0 for callers that hold no lease (tools, store tests).
    qint64 leaseEpoch = 0;
};

/// What one promotion did.
struct PromoteResult
{
    qint64 rows = 0;                        ///< production rows written
    QHash<QString, qint64> tableRows;       ///< the same by table (blocks, token_transfers, agent_events)
    std::optional<qint64> checkpoint;       ///< after the promotion
    Hash checkpointHash;
    qint64 durationMs = 0;
};

/**
 * Why IndexStore::promote() refused a batch, writing nothing. Each refusal is an Error of kind
 * Conflict whose field names what did not match; the store makes it with promoteRefused() and
 * callers recognise it with promoteRefusal(), never by comparing the field's text.
 */
enum class PromoteRefusal {
    ChainInactive,      ///< "chain": the chain is paused or being deleted; stop indexing it
    TokensChanged,      ///< "tokens": a token or registry was added after the range was fetched; fetch it again
    OffCheckpoint,      ///< "checkpoint": a head range does not follow the checkpoint, another lies above it; replan
    Fork,               ///< "parent_hash": the range does not build on the stored checkpoint block; a reorg
    LeaseLost,          ///< "lease": another engine holds the chain now (or this one's lease expired); stop indexing it
};

inline QString promoteRefusalField(PromoteRefusal refusal)
{
    switch (refusal) {
    case PromoteRefusal::ChainInactive:
        return QStringLiteral("chain");
    case PromoteRefusal::TokensChanged:
        return QStringLiteral("tokens");
    case PromoteRefusal::OffCheckpoint:
        return QStringLiteral("checkpoint");
    case PromoteRefusal::Fork:
        return QStringLiteral("parent_hash");
    case PromoteRefusal::LeaseLost:
        return QStringLiteral("lease");
    }
    return {};
}

/// The Error promote() returns for `refusal`; `message` says what happened for the operator.
inline Error promoteRefused(PromoteRefusal refusal, QString message)
{
    return Error::conflict(promoteRefusalField(refusal), std::move(message));
}

/// The refusal `error` stands for, if it is one promote() made with promoteRefused().
inline std::optional<PromoteRefusal> promoteRefusal(const Error &error)
{
    if (error.kind != Error::Kind::Conflict)
        return std::nullopt;
    for (PromoteRefusal r : {PromoteRefusal::ChainInactive, PromoteRefusal::TokensChanged, PromoteRefusal::OffCheckpoint, PromoteRefusal::Fork,
                             PromoteRefusal::LeaseLost}) {
        if (error.field == promoteRefusalField(r))
            return r;
    }
    return std::nullopt;
}

/// A contiguous range recorded in index_progress.
struct IndexRange
{
    qint64 from = 0;
    qint64 to = 0;
    friend bool operator==(const IndexRange &, const IndexRange &) = default;
};

/// An operator's reindex request as audited in reindex_requests.
struct ReindexRequest
{
    qint64 id = 0;
    qint64 chainId = 0;
    qint64 from = 0;
    qint64 to = 0;
    QString reason;
    QString requestedBy;
    QDateTime requestedAt;
    QString status;                         ///< "pending", "done", "failed"
    QDateTime finishedAt;
    QString error;
};

/// A contract added to a live chain whose history is being filled in.
struct Backfill
{
    qint64 id = 0;
    qint64 chainId = 0;
    Address address;
    QString contractKind;                   ///< "token" or a registry kind name
    qint64 from = 0;
    qint64 to = 0;
    qint64 next = 0;                        ///< first block not yet backfilled
    QString status;
};

/// One detected reorganisation, as recorded in the reorg log.
struct ReorgRecord
{
    qint64 chainId = 0;
    QDateTime detectedAt;
    qint64 ancestorBlock = 0;               ///< highest block both forks share
    qint64 depth = 0;                       ///< blocks rolled back
    qint64 oldHead = 0;
    Hash oldHash;                           ///< our hash of the first replaced block
    Hash newHash;                           ///< the node's hash of it now
};

/// What a ChainIndexer needs to know about its chain when it starts or replans.
struct ChainIndexPlan
{
    ChainRecord chain;
    QList<RegistryRef> registries;
    std::optional<qint64> checkpoint;
    Hash checkpointHash;
    QList<IndexRange> ranges;               ///< index_progress, merged and ordered
    QList<ReindexRequest> reindexRequests;  ///< pending, oldest first
    QList<Backfill> backfills;              ///< pending, oldest first
};

/// One row of `arborctl sync-status`: a chain's table against its global twin.
struct SyncStatusRow
{
    qint64 chainId = 0;
    QString chainName;
    QString table;
    qint64 productionRows = 0;
    std::optional<qint64> globalRows;       ///< empty for tables that are not synced cross-chain
    std::optional<qint64> lastSyncedHeight; ///< highest version in the global table for this chain
    std::optional<qint64> checkpoint;
    std::optional<qint64> head;             ///< highest head an endpoint reported
    std::optional<qint64> lag;              ///< head − checkpoint
};

/// The gaps of `ranges` within [from, to], in order.
QList<IndexRange> findGaps(const QList<IndexRange> &ranges, qint64 from, qint64 to);

} // namespace arbor

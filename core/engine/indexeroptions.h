#pragma once

#include "rpc/rpcpolicy.h"

#include <QtGlobal>

#include <optional>

namespace arbor {

/// Tunables of one ChainIndexer. Defaults suit public endpoints; tests and benchmarks shrink them.
struct IndexerOptions
{
    RpcPolicy rpc;
    int maxRangesInFlight = 8;              ///< catch-up ranges fetched while earlier ones are written
    qint64 initialLogSpan = 100;            ///< blocks per range to start with (grows while answers are small)
    /// Blocks per eth_getLogs at most where no endpoint stated a range cap: sparse history is
    /// read in few calls. A range with every header is at most maxPromotionBlocks long.
    qint64 maxLogSpan = 100000;
    int headerBatchSize = 100;              ///< eth_getBlockByNumber calls per JSON-RPC batch
    qint64 maxPromotionBlocks = 2000;       ///< ready ranges with every header are promoted together up to this many blocks
    qint64 maxPromotionLogs = 50000;        ///< ready ranges below the reorg window, up to this many logs
    int reorgWindow = 256;                  ///< blocks searched for a common ancestor
    /// The newest blocks below the target are read by block hash (RangeFetcher, FetchOrder::ByHash):
    /// every header, then the logs of the blocks whose bloom may hold the chain's, each asked for
    /// by its hash. One URL may be several nodes behind a load balancer, on different forks at
    /// the tip; read by hash, no log can come from another block than the header stored. 0: off.
    int tipBlocks = 8;
    int healthSaveIntervalMs = 2000;
    int workPollIntervalMs = 5000;          ///< how often new reindex requests/backfills are looked for
    qint64 stallAfterMs = 120000;           ///< behind the head with no block promoted for this long: Stalled
    std::optional<qint64> stopAfterBlock;   ///< `arborctl index --until-block`: do not fetch beyond
    /// The epoch of the chain's lease this indexer writes under (IndexerSupervisor sets it per
    /// chain); every promotion and rollback is fenced on it. 0: unfenced (tests of the indexer alone).
    qint64 leaseEpoch = 0;
};

} // namespace arbor

#pragma once

#include "model/chainconfig.h"

#include <QtGlobal>

#include <optional>

namespace arbor {

/**
 * What indexing a chain from its start block to its head costs in JSON-RPC calls, as far as it
 * can be told before the first call: shown by the add-chain wizard and `arborctl chain add`
 * before and after the operator commits, for each choice of block statistics.
 *
 * eth_getLogs: one per range, the span starting at 100 blocks and doubling while answers stay
 * small, up to `logSpanCap` (an endpoint's stated cap, else 100,000); with a sample's
 * `logsPerBlock`, spans of about 2,500 logs from the first call, 2,000 blocks at most at first
 * (LogRangeSizer::seed()). Headers: with "every", one per block (in batches); with "events", one
 * per range (its last block) and one for the range that enters the reorg window (its first),
 * plus one per block with events, which only the logs tell: a sample of them
 * (EventDensityProbe) gives `blocksWithEvents`; plus every header of the newest 8 blocks, read
 * by hash (IndexerOptions::tipBlocks; their eth_getLogs by hash, one per block whose bloom may
 * hold events, are not counted).
 */
struct CallEstimate
{
    qint64 logCalls = 0;
    qint64 headerCalls = 0;                 ///< the sampled blocks with events included when given
    bool plusBlocksWithEvents = false;      ///< BlockStats::Events without a sample: add one header per block with events

    qint64 knownCalls() const { return logCalls + headerCalls; }
};

/// `blocks`: head − start + 1; `blocksWithEvents`: how many of them hold events, when sampled;
/// `logsPerBlock`: the events per block of that sample.
CallEstimate estimateIndexingCalls(qint64 blocks, BlockStats stats, std::optional<qint64> blocksWithEvents = std::nullopt,
                                   qint64 logSpanCap = 0, std::optional<double> logsPerBlock = std::nullopt);

} // namespace arbor

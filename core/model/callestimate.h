#pragma once

#include "model/chainconfig.h"

#include <QtGlobal>

namespace arbor {

/**
 * What indexing a chain from its start block to its head costs in JSON-RPC calls, as far as it
 * can be told before the first call: shown by the add-chain wizard and `arborctl chain add`
 * before and after the operator commits, for each choice of block statistics.
 *
 * eth_getLogs: one per range, the span starting at 100 blocks and doubling while answers stay
 * small, up to `logSpanCap` (an endpoint's stated cap, else 100,000). Headers: with "every", one
 * per block (in batches); with "events", one per range (its last block) and every block of the
 * reorg window, plus one per block with events, which only the logs tell.
 */
struct CallEstimate
{
    qint64 logCalls = 0;
    qint64 headerCalls = 0;                 ///< known in advance
    bool plusBlocksWithEvents = false;      ///< add one header per block with events (BlockStats::Events)

    qint64 knownCalls() const { return logCalls + headerCalls; }
};

/// `blocks`: head − start + 1; `window`: the blocks kept with every header at the head.
CallEstimate estimateIndexingCalls(qint64 blocks, BlockStats stats, qint64 logSpanCap = 0, qint64 window = 256);

} // namespace arbor

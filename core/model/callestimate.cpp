#include "model/callestimate.h"

#include <algorithm>

namespace arbor {

CallEstimate estimateIndexingCalls(qint64 blocks, BlockStats stats, std::optional<qint64> blocksWithEvents, qint64 logSpanCap)
{
    // IndexerOptions' defaults: 100 blocks at first, 100,000 at most where no cap was stated.
    constexpr qint64 InitialSpan = 100;
    constexpr qint64 DefaultMaxSpan = 100000;
    const qint64 cap = std::max<qint64>(1, logSpanCap > 0 ? logSpanCap : DefaultMaxSpan);
    CallEstimate e;
    if (blocks <= 0)
        return e;
    qint64 span = std::min(InitialSpan, cap);
    for (qint64 left = blocks; left > 0; left -= span, span = std::min(cap, span * 2))
        ++e.logCalls;
    if (stats == BlockStats::Every) {
        e.headerCalls = blocks;
    } else {
        const qint64 edges = std::min(blocks, e.logCalls + 1);
        e.headerCalls = blocksWithEvents ? std::min(blocks, edges + std::clamp<qint64>(*blocksWithEvents, 0, blocks)) : edges;
        e.plusBlocksWithEvents = !blocksWithEvents;
    }
    return e;
}

} // namespace arbor

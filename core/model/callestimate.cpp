#include "model/callestimate.h"

#include <algorithm>
#include <cmath>

namespace arbor {

CallEstimate estimateIndexingCalls(qint64 blocks, BlockStats stats, std::optional<qint64> blocksWithEvents, qint64 logSpanCap,
                                   std::optional<double> logsPerBlock)
{
    // IndexerOptions' defaults: 100 blocks at first, 100,000 at most where no cap was stated;
    // LogRangeSizer's comfortable answer, half of which a sampled chain's spans start from.
    constexpr qint64 InitialSpan = 100;
    constexpr qint64 DefaultMaxSpan = 100000;
    constexpr double ComfortableLogs = 5000;
    constexpr qint64 MaxSeed = 2000;
    constexpr qint64 TipBlocks = 8;   // IndexerOptions::tipBlocks: every header of the newest blocks
    const qint64 cap = std::max<qint64>(1, logSpanCap > 0 ? logSpanCap : DefaultMaxSpan);
    CallEstimate e;
    if (blocks <= 0)
        return e;
    if (logsPerBlock && *logsPerBlock > 0) {
        // Spans of about half the comfortable number of logs from the first call, at most 2,000
        // blocks (LogRangeSizer::seed()), doubling while answers would stay comfortable.
        const double wide = ComfortableLogs / *logsPerBlock;
        const qint64 most = std::min(cap, MaxSeed);
        qint64 span = wide / 2 >= double(most) ? most : std::clamp<qint64>(qint64(std::ceil(wide / 2)), 1, most);
        for (qint64 left = blocks; left > 0;) {
            ++e.logCalls;
            left -= span;
            if (2.0 * double(span) <= wide)
                span = std::min(cap, span * 2);
        }
    } else {
        qint64 span = std::min(InitialSpan, cap);
        for (qint64 left = blocks; left > 0; left -= span, span = std::min(cap, span * 2))
            ++e.logCalls;
    }
    if (stats == BlockStats::Every) {
        e.headerCalls = blocks;
    } else {
        // The newest blocks are a range of their own, every header read: their last block's
        // is the last range's, and the range below them has a last block of its own.
        const qint64 edges = std::min(blocks, e.logCalls + 1 + std::min(blocks, TipBlocks));
        e.headerCalls = blocksWithEvents ? std::min(blocks, edges + std::clamp<qint64>(*blocksWithEvents, 0, blocks)) : edges;
        e.plusBlocksWithEvents = !blocksWithEvents;
    }
    return e;
}

} // namespace arbor

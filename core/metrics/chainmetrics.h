#pragma once

#include "metrics/seriesmath.h"
#include "metrics/timeseries.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QPointF>
#include <QString>

namespace arbor {

struct ChainStatus;

/**
 * An immutable snapshot of one chain's metric series, for the charts. Points are x = ms since
 * the epoch, y = the value, oldest first. Empty lists when nothing was recorded.
 *
 * `stepMs` is how often the series were sampled: two neighbours further apart than a few steps
 * have nothing measured between them (the chain was paused, the console closed), and a chart
 * shows that as a gap.
 */
struct ChainSeries
{
    qint64 chainId = 0;
    qint64 stepMs = 1000;                               ///< sampling interval of the points
    QList<QPointF> lagBlocks;                           ///< head − checkpoint, in blocks
    QList<QPointF> lagSeconds;                          ///< now − checkpoint block time, in seconds
    QList<QPointF> blocksPerSecond;                     ///< blocks promoted per second over the last RateWindowMs
    QMap<QString, QList<QPointF>> endpointLatencyMs;    ///< RPC latency (EWMA) by endpoint URL

    bool isEmpty() const
    {
        return lagBlocks.isEmpty() && lagSeconds.isEmpty() && blocksPerSecond.isEmpty() && endpointLatencyMs.isEmpty();
    }
};

/**
 * Per-chain metric series recorded from ChainStatus snapshots: lag in blocks and in seconds,
 * blocks per second and the latency of each RPC endpoint.
 *
 * Blocks per second is measured here, from the checkpoint each status carries, as the blocks
 * promoted per second over the last RateWindowMs (seriesmath::promotionRate): a catch-up range
 * of 80,000 blocks promoted in one go counts as 80,000 blocks over that window, not as 80,000
 * divided by the milliseconds between two promotions. rate() is the latest value; the indexer's
 * own ChainStatus::blocksPerSecond is not used.
 *
 * Each series holds at most one point per second (a second status within the same second is
 * not recorded) in a TimeSeries of `capacity` points — DefaultCapacity keeps three hours at one
 * point per second, about 170 KB per series. An endpoint's series appears with its first
 * measured latency and is dropped when the endpoint no longer appears in the chain's status.
 * A value the status does not know yet (no head, no checkpoint time) adds no point, and neither
 * does an outage: no lag while the head is unknown, no latency of an unreachable endpoint, so
 * the charts draw a gap, never a flat 0 or the last value.
 *
 * Not thread-safe: the Engine keeps it on its own (the GUI) thread.
 */
class ChainMetrics
{
public:
    static constexpr int DefaultCapacity = 3 * 3600;
    static constexpr qint64 RateWindowMs = 30000;

    explicit ChainMetrics(int capacity = DefaultCapacity);

    int capacity() const { return m_capacity; }

    /// Records `status` as measured at `nowMs` (ms since the epoch).
    void record(const ChainStatus &status, qint64 nowMs);
    /// Forgets every series of the chain (it was deleted).
    void remove(qint64 chainId);
    void clear() { m_chains.clear(); }

    /// Blocks promoted per second over the last RateWindowMs, as last recorded; empty until the
    /// chain has been seen promoting for a second.
    std::optional<double> rate(qint64 chainId) const;

    bool contains(qint64 chainId) const { return m_chains.contains(chainId); }
    QList<qint64> chainIds() const { return m_chains.keys(); }

    /// The chain's series from `sinceMs` on (0: all held); empty series for an unknown chain.
    ChainSeries series(qint64 chainId, qint64 sinceMs = 0) const;

private:
    struct Chain
    {
        explicit Chain(int capacity = 1)
            : lagBlocks(capacity), lagSeconds(capacity), blocksPerSecond(capacity)
        {
        }
        TimeSeries lagBlocks;
        TimeSeries lagSeconds;
        TimeSeries blocksPerSecond;
        QHash<QString, TimeSeries> endpoints;
        std::deque<seriesmath::CheckpointSample> checkpoints;   ///< the last RateWindowMs and one before
        std::optional<double> rate;
    };

    /// Appends unless the series already holds a point of the same second.
    static void add(TimeSeries &series, qint64 nowMs, double value);

    int m_capacity;
    QHash<qint64, Chain> m_chains;
};

} // namespace arbor

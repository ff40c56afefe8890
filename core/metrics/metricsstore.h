#pragma once

#include "error.h"
#include "metrics/chainmetrics.h"

#include <QList>
#include <QString>

#include <optional>

namespace arbor {

class Store;

/// One endpoint of a chain at a sample's moment.
struct EndpointSample
{
    QString url;                        ///< as the chart names it: without user info
    std::optional<double> latencyMs;
    qint64 requests = 0;                ///< the indexer's counters when sampled
    qint64 failures = 0;
};

/// A chain's figures at one moment, as written to the chart history.
struct MetricSample
{
    qint64 chainId = 0;
    qint64 sampledAt = 0;               ///< ms since the epoch
    std::optional<double> lagBlocks;
    std::optional<double> lagSeconds;
    std::optional<double> blocksPerSecond;
    QList<EndpointSample> endpoints;
};

/**
 * The chart history in the admin tables of migration 7 (metric_samples, endpoint_samples): what
 * the chain charts show after a restart and for windows longer than the in-memory series.
 *
 * Written by MetricsRecorder about every SampleIntervalMs per chain, read back downsampled to a
 * number of points a chart can draw, removed with the chain (ChainDeletion's admin rows step),
 * and bounded by the chart_samples retention policy (RetentionStore).
 *
 * Owns no connection: a view over a Store& for one call, on whatever thread owns that Store
 * (the writer for append/removeChain, the reader for series).
 */
class MetricsStore
{
public:
    static constexpr qint64 SampleIntervalMs = 15000;

    explicit MetricsStore(Store &store) : m_store(store) {}

    /// Writes `samples` in one transaction; a sample already stored for a chain and moment is kept.
    Status append(const QList<MetricSample> &samples);
    /**
     * The chain's recorded series with sampled_at in [fromMs, toMs], each downsampled
     * (seriesmath::downsample) to at most about `maxPoints` points; stepMs says how far apart the
     * points are meant to be (SampleIntervalMs, or the bucket when larger). Empty series for a
     * chain with no history.
     */
    Result<ChainSeries> series(qint64 chainId, qint64 fromMs, qint64 toMs, int maxPoints);
    /// Every sample of the chain (it is being deleted).
    Status removeChain(qint64 chainId);

private:
    Store &m_store;
};

} // namespace arbor

#include "metrics/metricsstore.h"

#include "metrics/seriesmath.h"
#include "store/store.h"

#include <algorithm>

namespace arbor {
namespace {

QVariant value(const std::optional<double> &v)
{
    return v ? QVariant(*v) : QVariant();
}

void appendPoint(QList<QPointF> &points, const QVariant &ms, const QVariant &v)
{
    if (!v.isNull())
        points.append(QPointF(double(ms.toLongLong()), v.toDouble()));
}

} // namespace

Status MetricsStore::append(const QList<MetricSample> &samples)
{
    if (samples.isEmpty())
        return {};
    const QString chains = QLatin1String("INSERT INTO ") + m_store.admin("metric_samples")
        + QLatin1String(" (chain_id, sampled_at, lag_blocks, lag_seconds, blocks_per_second) VALUES (?, ?, ?, ?, ?)"
                        " ON CONFLICT (chain_id, sampled_at) DO NOTHING");
    const QString endpoints = QLatin1String("INSERT INTO ") + m_store.admin("endpoint_samples")
        + QLatin1String(" (chain_id, url, sampled_at, latency_ms, requests, failures) VALUES (?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT (chain_id, url, sampled_at) DO NOTHING");
    return m_store.transaction([&]() -> Status {
        for (const MetricSample &s : samples) {
            if (Status st = m_store.exec(chains, {s.chainId, s.sampledAt, value(s.lagBlocks), value(s.lagSeconds), value(s.blocksPerSecond)}); !st)
                return st;
            for (const EndpointSample &e : s.endpoints) {
                if (Status st = m_store.exec(endpoints, {s.chainId, e.url, s.sampledAt, value(e.latencyMs), e.requests, e.failures}); !st)
                    return st;
            }
        }
        return {};
    });
}

Result<ChainSeries> MetricsStore::series(qint64 chainId, qint64 fromMs, qint64 toMs, int maxPoints)
{
    ChainSeries out;
    out.chainId = chainId;
    // Buckets are whole sampling intervals, so each holds the same number of samples.
    const qint64 perBucket = std::max<qint64>(1, ((toMs - fromMs) / std::max(1, maxPoints) + SampleIntervalMs - 1) / SampleIntervalMs);
    const qint64 bucket = perBucket * SampleIntervalMs;
    out.stepMs = bucket;

    auto rows = m_store.query(QLatin1String("SELECT sampled_at, lag_blocks, lag_seconds, blocks_per_second FROM ") + m_store.admin("metric_samples")
                                  + QLatin1String(" WHERE chain_id = ? AND sampled_at >= ? AND sampled_at <= ? ORDER BY sampled_at"),
                              {chainId, fromMs, toMs});
    if (!rows)
        return rows.error();
    for (const SqlRow &r : *rows) {
        appendPoint(out.lagBlocks, r[0], r[1]);
        appendPoint(out.lagSeconds, r[0], r[2]);
        appendPoint(out.blocksPerSecond, r[0], r[3]);
    }
    auto endpointRows = m_store.query(QLatin1String("SELECT url, sampled_at, latency_ms FROM ") + m_store.admin("endpoint_samples")
                                          + QLatin1String(" WHERE chain_id = ? AND sampled_at >= ? AND sampled_at <= ? ORDER BY url, sampled_at"),
                                      {chainId, fromMs, toMs});
    if (!endpointRows)
        return endpointRows.error();
    for (const SqlRow &r : *endpointRows) {
        if (!r[2].isNull())
            appendPoint(out.endpointLatencyMs[r[0].toString()], r[1], r[2]);
    }
    if (perBucket > 1) {
        out.lagBlocks = seriesmath::downsample(out.lagBlocks, bucket);
        out.lagSeconds = seriesmath::downsample(out.lagSeconds, bucket);
        out.blocksPerSecond = seriesmath::downsample(out.blocksPerSecond, bucket);
        for (auto it = out.endpointLatencyMs.begin(); it != out.endpointLatencyMs.end(); ++it)
            *it = seriesmath::downsample(*it, bucket);
    }
    return out;
}

Status MetricsStore::removeChain(qint64 chainId)
{
    return m_store.transaction([&]() -> Status {
        for (const char *name : {"metric_samples", "endpoint_samples"}) {
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin(name) + QLatin1String(" WHERE chain_id = ?"), {chainId}); !s)
                return s;
        }
        return {};
    });
}

} // namespace arbor

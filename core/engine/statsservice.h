#pragma once

#include "engine/engineservice.h"
#include "error.h"
#include "metrics/chainmetrics.h"
#include "store/indexstore.h"
#include "triggers/triggerrecords.h"

#include <QFuture>
#include <QList>

#include <memory>
#include <optional>

namespace arbor {

class BalanceService;
class ChainService;
class IndexingService;
class MetricsPublisher;
class MetricsRecorder;

/**
 * The figures an operator watches: each chain's metric series (lag, blocks/s, RPC latency per
 * endpoint) in memory and its chart history in the database, the aggregates kept at promotion
 * (daily network stats, registry events per hour, action metrics with p95), and the Prometheus
 * endpoint that serves all of it.
 *
 * Handed out by Engine::stats(). An indexing engine that holds the lease records the chart
 * history every MetricsStore::SampleIntervalMs.
 *
 * Thread: the Engine's; database reads on the reader, /metrics on a thread of its own.
 */
class StatsService final : public EngineService
{
    Q_OBJECT

public:
    ~StatsService() override;

    /// The chain's metric series from `sinceMs` on (0: all held, about three hours), recorded
    /// from its statuses once per second at most. In memory and cheap: call it on
    /// IndexingService::chainStatusChanged. Dropped when the chain is deleted.
    ChainSeries chainSeries(qint64 chainId, qint64 sinceMs = 0) const;
    /**
     * The chain's chart history from the database: the samples an indexing engine wrote every
     * MetricsStore::SampleIntervalMs (kept 7 days, removed with the chain) with times in
     * [fromMs, toMs], downsampled to about `maxPoints` per series. A chart asks for it when it
     * opens or its window changes, and shows the in-memory chainSeries() after it.
     */
    QFuture<Result<ChainSeries>> chainHistory(qint64 chainId, qint64 fromMs, qint64 toMs, int maxPoints);

    /// Daily network stats (blocks, transactions, transfers, active holders, gas used) of the
    /// chain, or of every chain, from `sinceDay` (days since the epoch) on, oldest first. Kept
    /// at promotion, so cheap to read.
    QFuture<Result<QList<NetworkDay>>> networkStats(std::optional<qint64> chainId, qint64 sinceDay);
    /// ERC-8004 registry events per hour, chain, registry and type since `sinceMs`, oldest first.
    QFuture<Result<QList<EventCountHour>>> eventCounts(qint64 sinceMs, std::optional<qint64> chainId = std::nullopt);
    /// Action attempts (triggers' and alert rules') per hour and action type since `sinceMs`:
    /// total, successes, failures, average and p95 duration.
    QFuture<Result<QList<ActionMetricsHour>>> actionMetrics(qint64 sinceMs);

    /**
     * Serves the Prometheus text format (`GET /metrics`) on `address` ("HOST:PORT") from a
     * thread of its own (PrometheusExporter), fed with snapshots of what this engine shows:
     * chains, indexing statuses, endpoint request and error counters, queue health and trigger
     * deliveries. Listens there instead of where it listened before; empty stops serving.
     * Resolves once listening, or with why not: Invalid (field "metrics address") for a
     * malformed address, Conflict when the port is taken, Unavailable when it cannot be bound
     * otherwise. A read-only engine serves what the database records.
     */
    QFuture<Status> serveMetrics(const QString &address);
    /// Where metrics are served ("127.0.0.1:9464"), empty when they are not.
    QString metricsAddress() const;

private:
    friend class Engine;

    StatsService(EngineContext &context, ChainService &chains, IndexingService &indexing, BalanceService &balances,
                 QObject *parent = nullptr);

    /// The chart history's recorder, for an indexing engine that holds the lease.
    void start();
    void stop();
    QFuture<void> shutdown();

    ChainService &m_chains;
    IndexingService &m_indexing;
    BalanceService &m_balances;
    std::unique_ptr<MetricsRecorder> m_chartHistory;   ///< from start(), when indexing with the lease
    std::unique_ptr<MetricsPublisher> m_metrics;       ///< from serveMetrics()
};

} // namespace arbor

// Engine: the Prometheus endpoint (serveMetrics), fed by a MetricsPublisher.

#include "engine/engine.h"

#include "engine/metricspublisher.h"
#include "engine/storethread.h"

namespace arbor {

QFuture<Status> Engine::serveMetrics(const QString &address)
{
    if (!m_metrics) {
        MetricsPublisher::Sources sources;
        sources.chains = [this] { return m_snapshot; };
        sources.statuses = [this] { return chainStatuses(); };
        sources.readOnly = [this] { return m_state.readOnly; };
        sources.reader = [this]() -> StoreThread * { return m_state.started && !m_shuttingDown ? m_reader.get() : nullptr; };
        // The engine's own samples when they come often enough for a scrape interval.
        sources.sampleQueueHealth = m_options.queueHealthIntervalMs <= 0 || m_options.queueHealthIntervalMs > 2 * MetricsPublisher::StoreRefreshMs;
        m_metrics = std::make_unique<MetricsPublisher>(std::move(sources));
        MetricsPublisher *metrics = m_metrics.get();
        connect(this, &Engine::chainsChanged, metrics, &MetricsPublisher::publish);
        connect(this, &Engine::chainStatusChanged, metrics, &MetricsPublisher::publish);
        connect(this, &Engine::stateChanged, metrics, &MetricsPublisher::publish);
        connect(this, &Engine::queueHealthChanged, metrics, &MetricsPublisher::setQueueHealth);
    }
    return m_metrics->serve(address);
}

QString Engine::metricsAddress() const
{
    return m_metrics ? m_metrics->address() : QString();
}

} // namespace arbor

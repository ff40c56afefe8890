// Engine: the chart history kept in the database (MetricsRecorder writes it, chainHistory reads it).

#include "engine/engine.h"

#include "engine/futures.h"
#include "engine/indexersupervisor.h"
#include "engine/metricsrecorder.h"
#include "engine/storethread.h"
#include "metrics/metricsstore.h"

namespace arbor {

void Engine::startChartHistory()
{
    if (!m_options.indexing || m_state.readOnly || m_options.lease == EngineOptions::Lease::None || m_chartHistory)
        return;
    MetricsRecorder::Sources sources;
    sources.writer = m_writer.get();
    sources.statuses = [this] { return chainStatuses(); };
    sources.series = [this](qint64 chainId, qint64 sinceMs) { return chainSeries(chainId, sinceMs); };
    sources.writable = [this] { return m_state.started && !m_state.readOnly && !m_shuttingDown; };
    m_chartHistory = std::make_unique<MetricsRecorder>(std::move(sources), int(MetricsStore::SampleIntervalMs));
    m_chartHistory->start();
}

QFuture<Result<ChainSeries>> Engine::chainHistory(qint64 chainId, qint64 fromMs, qint64 toMs, int maxPoints)
{
    using R = Result<ChainSeries>;
    if (!m_state.started || !m_reader)
        return futures::ready<R>(Error::unavailable(QStringLiteral("database"), tr("The engine has not started.")));
    return m_reader->run([chainId, fromMs, toMs, maxPoints](Store &s) { return MetricsStore(s).series(chainId, fromMs, toMs, maxPoints); });
}

} // namespace arbor

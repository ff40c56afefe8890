#include "engine/statsservice.h"

#include "engine/balanceservice.h"
#include "engine/chainleasekeeper.h"
#include "engine/chainservice.h"
#include "engine/enginecontext.h"
#include "engine/indexingservice.h"
#include "engine/metricspublisher.h"
#include "engine/metricsrecorder.h"
#include "metrics/metricsstore.h"
#include "store/triggerstore.h"

namespace arbor {

StatsService::StatsService(EngineContext &context, ChainService &chains, IndexingService &indexing, BalanceService &balances,
                           QObject *parent)
    : EngineService(context, parent)
    , m_chains(chains)
    , m_indexing(indexing)
    , m_balances(balances)
{
}

StatsService::~StatsService() = default;

void StatsService::start()
{
    const EngineOptions &options = m_context.options();
    if (!options.indexing || m_context.readOnly() || options.lease == EngineOptions::Lease::None || m_chartHistory)
        return;
    MetricsRecorder::Sources sources;
    sources.writer = m_context.writer();
    sources.statuses = [this] { return m_indexing.chainStatuses(); };
    sources.series = [this](qint64 chainId, qint64 sinceMs) { return m_indexing.series(chainId, sinceMs); };
    sources.writable = [this] { return m_context.active(); };
    m_chartHistory = std::make_unique<MetricsRecorder>(std::move(sources), int(MetricsStore::SampleIntervalMs));
    m_chartHistory->start();
}

void StatsService::stop()
{
    if (m_chartHistory)
        m_chartHistory->stop();
}

QFuture<void> StatsService::shutdown()
{
    stop();
    return m_metrics ? m_metrics->shutdown() : futures::finished();
}

ChainSeries StatsService::chainSeries(qint64 chainId, qint64 sinceMs) const
{
    return m_indexing.series(chainId, sinceMs);
}

QFuture<Result<ChainSeries>> StatsService::chainHistory(qint64 chainId, qint64 fromMs, qint64 toMs, int maxPoints)
{
    return m_context.read([chainId, fromMs, toMs, maxPoints](Store &s) { return MetricsStore(s).series(chainId, fromMs, toMs, maxPoints); });
}

QFuture<Result<QList<NetworkDay>>> StatsService::networkStats(std::optional<qint64> chainId, qint64 sinceDay)
{
    return m_context.read([chainId, sinceDay](Store &s) { return IndexStore(s).networkStats(chainId, sinceDay); });
}

QFuture<Result<QList<EventCountHour>>> StatsService::eventCounts(qint64 sinceMs, std::optional<qint64> chainId)
{
    return m_context.read([sinceMs, chainId](Store &s) { return TriggerStore(s).eventCounts(sinceMs, chainId); });
}

QFuture<Result<QList<ActionMetricsHour>>> StatsService::actionMetrics(qint64 sinceMs)
{
    return m_context.read([sinceMs](Store &s) { return TriggerStore(s).actionMetrics(sinceMs); });
}

QFuture<Status> StatsService::serveMetrics(const QString &address)
{
    if (!m_metrics) {
        MetricsPublisher::Sources sources;
        sources.chains = [this] { return m_chains.snapshot(); };
        sources.statuses = [this] { return m_indexing.chainStatuses(); };
        sources.readOnly = [this] { return m_context.readOnly(); };
        sources.shared = [this]() -> std::optional<EngineLeases> {
            const ChainLeaseKeeper *keeper = m_context.chainLeases();
            if (!m_context.shared() || !keeper->isRunning())
                return std::nullopt;
            return EngineLeases{keeper->identity().name, m_context.holdsLease(), keeper->held()};
        };
        sources.reader = [this]() -> StoreThread * { return m_context.started() && !m_context.shuttingDown() ? m_context.reader() : nullptr; };
        // The engine's own samples when they come often enough for a scrape interval.
        const int healthMs = m_context.options().queueHealthIntervalMs;
        sources.sampleQueueHealth = healthMs <= 0 || healthMs > 2 * MetricsPublisher::StoreRefreshMs;
        m_metrics = std::make_unique<MetricsPublisher>(std::move(sources));
        MetricsPublisher *metrics = m_metrics.get();
        connect(&m_chains, &ChainService::chainsChanged, metrics, &MetricsPublisher::publish);
        connect(&m_indexing, &IndexingService::chainStatusChanged, metrics, &MetricsPublisher::publish);
        connect(this, &StatsService::stateChanged, metrics, &MetricsPublisher::publish);
        connect(m_context.chainLeases(), &ChainLeaseKeeper::heldChanged, metrics, &MetricsPublisher::publish);
        connect(&m_context, &EngineContext::coordinatorChanged, metrics, &MetricsPublisher::publish);
        connect(&m_balances, &BalanceService::queueHealthChanged, metrics, &MetricsPublisher::setQueueHealth);
        // A sample taken before serving began (the first one, at start) is served until the next.
        if (!m_balances.lastQueueHealth().isEmpty())
            metrics->setQueueHealth(m_balances.lastQueueHealth());
    }
    return m_metrics->serve(address);
}

QString StatsService::metricsAddress() const
{
    return m_metrics ? m_metrics->address() : QString();
}

} // namespace arbor

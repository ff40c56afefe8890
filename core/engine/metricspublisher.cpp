#include "engine/metricspublisher.h"

#include "engine/enginelog.h"
#include "engine/futures.h"
#include "engine/storethread.h"
#include "metrics/prometheusexporter.h"
#include "store/queuestore.h"
#include "store/actionstore.h"
#include "store/triggerstore.h"
#include "util/continuation.h"

#include <QDateTime>

namespace arbor {

namespace {

const QString AddressField = QStringLiteral("metrics address");

struct StoreFigures
{
    StoreFigures() = default;
    StoreFigures(Error e) : status(std::move(e)) {}
    Status status;
    std::optional<QList<QueueHealth>> queues;
    QHash<qint64, DeliveryCounts> deliveries;
    QList<ActionHealth> actions;
};

} // namespace

MetricsPublisher::MetricsPublisher(Sources sources, QObject *parent)
    : QObject(parent)
    , m_sources(std::move(sources))
{
    m_storeTimer.setObjectName(QStringLiteral("metricsStoreTimer"));
    m_storeTimer.setInterval(StoreRefreshMs);
    connect(&m_storeTimer, &QTimer::timeout, this, &MetricsPublisher::refreshStoreFigures);
}

MetricsPublisher::~MetricsPublisher() = default;

QFuture<Status> MetricsPublisher::serve(const QString &address)
{
    const quint64 generation = ++m_generation;
    if (m_shuttingDown)
        return futures::ready(Status(Error::unavailable(AddressField, tr("The engine is stopping."))));
    if (address.trimmed().isEmpty()) {
        m_address.reset();
        m_storeTimer.stop();
        if (m_exporter)
            m_exporter->stopListening();
        return futures::ready(Status());
    }
    const auto parsed = parseListenAddress(address, AddressField);
    if (!parsed)
        return futures::ready(Status(parsed.error()));
    if (!m_exporter)
        m_exporter = std::make_unique<PrometheusExporter>();
    return then(m_exporter->listen(*parsed, AddressField), this, [this, generation](Result<ListenAddress> bound) -> Status {
        if (generation != m_generation)
            return bound ? Status() : Status(bound.error());
        if (!bound) {
            m_address.reset();
            m_storeTimer.stop();
            return bound.error();
        }
        qCInfo(lcEngine).noquote() << "serving Prometheus metrics on" << bound->toString() + QStringLiteral("/metrics");
        m_address = *bound;
        publish();
        m_storeTimer.start();
        refreshStoreFigures();
        return {};
    });
}

void MetricsPublisher::publish()
{
    if (!m_exporter || !m_address || m_shuttingDown)
        return;
    auto snapshot = std::make_shared<MetricsSnapshot>();
    snapshot->takenAtMs = QDateTime::currentMSecsSinceEpoch();
    snapshot->readOnly = m_sources.readOnly();
    if (m_sources.shared)
        snapshot->shared = m_sources.shared();
    snapshot->chains = m_sources.chains();
    snapshot->statuses = m_sources.statuses();
    snapshot->queues = m_queues;
    snapshot->deliveries = m_deliveries;
    snapshot->actions = m_actions;
    m_exporter->publish(std::move(snapshot));
}

void MetricsPublisher::setQueueHealth(const QList<QueueHealth> &health)
{
    m_queues = health;
    publish();
}

void MetricsPublisher::refreshStoreFigures()
{
    StoreThread *reader = m_sources.reader();
    if (m_storeInFlight || !reader || !m_address)
        return;
    m_storeInFlight = true;
    const bool sampleQueue = m_sources.sampleQueueHealth;
    then(reader->run([sampleQueue](Store &s) {
        StoreFigures figures;
        if (sampleQueue) {
            auto health = QueueStore(s).sampleQueueHealth(false);
            if (!health) {
                figures.status = health.error();
                return figures;
            }
            figures.queues = *health;
        }
        auto deliveries = TriggerStore(s).deliveryCountsByChain();
        if (!deliveries) {
            figures.status = deliveries.error();
            return figures;
        }
        figures.deliveries = *deliveries;
        auto actions = ActionStore(s).actions(QDateTime::currentMSecsSinceEpoch());
        if (!actions) {
            figures.status = actions.error();
            return figures;
        }
        figures.actions = *actions;
        return figures;
    }), this, [this](StoreFigures figures) {
        m_storeInFlight = false;
        if (!figures.status) {
            qCWarning(lcEngine) << "metrics: cannot read the queue and trigger figures:" << figures.status.error().toString();
            return;
        }
        if (figures.queues)
            m_queues = *figures.queues;
        m_deliveries = figures.deliveries;
        m_actions = figures.actions;
        publish();
    });
}

QFuture<void> MetricsPublisher::shutdown()
{
    m_shuttingDown = true;
    m_storeTimer.stop();
    m_address.reset();
    if (!m_exporter) {
        QPromise<void> done;
        done.start();
        done.finish();
        return done.future();
    }
    return m_exporter->shutdown();
}

} // namespace arbor

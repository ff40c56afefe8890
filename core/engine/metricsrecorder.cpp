#include "engine/metricsrecorder.h"

#include "engine/enginelog.h"
#include "engine/storethread.h"
#include "metrics/metricsstore.h"
#include "util/continuation.h"

#include <QDateTime>

namespace arbor {
namespace {

std::optional<double> mean(const QList<QPointF> &points)
{
    if (points.isEmpty())
        return std::nullopt;
    double sum = 0;
    for (const QPointF &p : points)
        sum += p.y();
    return sum / double(points.size());
}

} // namespace

MetricsRecorder::MetricsRecorder(Sources sources, int intervalMs, QObject *parent)
    : QObject(parent), m_sources(std::move(sources))
{
    m_timer.setObjectName(QStringLiteral("metricsHistoryTimer"));
    m_timer.setInterval(std::max(1000, intervalMs));
    connect(&m_timer, &QTimer::timeout, this, &MetricsRecorder::sampleNow);
}

void MetricsRecorder::start()
{
    m_timer.start();
}

void MetricsRecorder::stop()
{
    m_timer.stop();
}

void MetricsRecorder::sampleNow()
{
    if (m_writeInFlight || !m_sources.writable())
        return;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 since = now - m_timer.interval();
    QList<MetricSample> samples;
    for (const ChainStatus &status : m_sources.statuses()) {
        const ChainSeries series = m_sources.series(status.chainId, since);
        MetricSample sample;
        sample.chainId = status.chainId;
        sample.sampledAt = now;
        sample.lagBlocks = mean(series.lagBlocks);
        sample.lagSeconds = mean(series.lagSeconds);
        sample.blocksPerSecond = mean(series.blocksPerSecond);
        for (const EndpointRecord &e : status.endpoints) {
            EndpointSample endpoint;
            endpoint.url = e.url.toString(QUrl::RemoveUserInfo);
            endpoint.latencyMs = mean(series.endpointLatencyMs.value(endpoint.url));
            endpoint.requests = e.requests;
            endpoint.failures = e.failures;
            sample.endpoints.append(endpoint);
        }
        if (sample.lagBlocks || sample.lagSeconds || sample.blocksPerSecond || !sample.endpoints.isEmpty())
            samples.append(sample);
    }
    if (samples.isEmpty())
        return;
    m_writeInFlight = true;
    then(m_sources.writer->run([samples](Store &s) { return MetricsStore(s).append(samples); }), this, [this](Status written) {
        m_writeInFlight = false;
        if (!written)
            qCWarning(lcEngine) << "could not record the chart history:" << written.error().message;
    });
}

} // namespace arbor

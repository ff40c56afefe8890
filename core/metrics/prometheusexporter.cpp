#include "metrics/prometheusexporter.h"

#include "metrics/metricshttpserver.h"
#include "util/workerthread.h"

#include <QPromise>

#include <memory>

namespace arbor {

PrometheusExporter::PrometheusExporter(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("arbor-metrics"));
    m_server = new MetricsHttpServer;
    m_server->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
    runInBackground(&m_thread);
    joinable(&m_thread);
    m_thread.start();
}

PrometheusExporter::~PrometheusExporter()
{
    if (!m_shuttingDown) {
        MetricsHttpServer *server = m_server;
        QMetaObject::invokeMethod(server, [server] {
            server->close();
            QThread::currentThread()->quit();
        });
    }
    join(&m_thread);
}

QFuture<Result<ListenAddress>> PrometheusExporter::listen(const ListenAddress &address, const QString &field)
{
    auto promise = std::make_shared<QPromise<Result<ListenAddress>>>();
    promise->start();
    QFuture<Result<ListenAddress>> future = promise->future();
    if (m_shuttingDown) {
        promise->addResult(Error::unavailable(field, tr("The engine is stopping.")));
        promise->finish();
        return future;
    }
    MetricsHttpServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, promise, address, field] {
        promise->addResult(server->listen(address, field));
        promise->finish();
    });
    return future;
}

QFuture<void> PrometheusExporter::stopListening()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> future = promise->future();
    if (m_shuttingDown) {
        promise->finish();
        return future;
    }
    MetricsHttpServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, promise] {
        server->close();
        promise->finish();
    });
    return future;
}

void PrometheusExporter::publish(SharedMetricsSnapshot snapshot)
{
    if (m_shuttingDown)
        return;
    MetricsHttpServer *server = m_server;
    QMetaObject::invokeMethod(server, [server, snapshot = std::move(snapshot)]() mutable { server->setSnapshot(std::move(snapshot)); });
}

QFuture<void> PrometheusExporter::shutdown()
{
    if (m_shuttingDown)
        return m_shutdown;
    m_shuttingDown = true;
    m_shutdown = whenFinished(&m_thread);
    MetricsHttpServer *server = m_server;
    // One job, so the server closes before the thread's event loop ends.
    QMetaObject::invokeMethod(server, [server] {
        server->close();
        QThread::currentThread()->quit();
    });
    return m_shutdown;
}

} // namespace arbor

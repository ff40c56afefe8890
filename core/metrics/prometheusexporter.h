#pragma once

#include "error.h"
#include "metrics/metricssnapshot.h"
#include "metrics/prometheustext.h"

#include <QFuture>
#include <QObject>
#include <QThread>

namespace arbor {

class MetricsHttpServer;

/**
 * Arbor's Prometheus endpoint: an HTTP server (MetricsHttpServer) on a thread of its own that
 * answers `GET /metrics` with the text exposition of the latest published snapshot, so that
 * scrapes never wait on, nor hold up, the thread that owns the exporter (the console's GUI
 * thread, arborctl's main thread).
 *
 * The owner publishes immutable snapshots (publish()); the server thread renders the newest
 * one for each scrape. Nothing on the server thread touches the database, the network of the
 * indexers or the Engine.
 *
 * Thread: created, used and destroyed on its owner's thread. listen() and stopListening()
 * resolve on the server thread; attach continuations with a context. The destructor stops the
 * server and joins its thread (instant after shutdown() has resolved).
 */
class PrometheusExporter final : public QObject
{
    Q_OBJECT

public:
    explicit PrometheusExporter(QObject *parent = nullptr);
    ~PrometheusExporter() override;

    /// Listens on `address` instead of where it listened before; the bound address, or why
    /// not (errors name `field`: Conflict when the port is taken, Unavailable otherwise). After
    /// an error it listens nowhere.
    QFuture<Result<ListenAddress>> listen(const ListenAddress &address, const QString &field);
    /// Stops listening and closes every connection; resolves when done.
    QFuture<void> stopListening();
    /// The snapshot the next scrapes render.
    void publish(SharedMetricsSnapshot snapshot);
    /// Stops the server and ends its thread without blocking; resolves when the thread has ended.
    QFuture<void> shutdown();

private:
    QThread m_thread;
    MetricsHttpServer *m_server = nullptr;   ///< lives on m_thread, deleted when it finishes
    QFuture<void> m_shutdown;
    bool m_shuttingDown = false;
};

} // namespace arbor

#pragma once

#include "error.h"
#include "metrics/metricssnapshot.h"
#include "metrics/prometheustext.h"

#include <QByteArray>
#include <QHash>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace arbor {

/**
 * The HTTP/1.1 side of the Prometheus endpoint: answers `GET /metrics` (and HEAD) with the
 * text exposition of the latest snapshot, rendered at each scrape. Any other path is 404, any
 * other method on /metrics 405 (with Allow); a request that is not HTTP/1.x or has a body it
 * cannot delimit is 400, one whose header section is over MaxHeaderBytes 431, and the
 * connection closes.
 *
 * Never blocks: requests arrive in pieces and are answered once their header section is
 * complete; keep-alive and pipelined requests are served in order; several clients at once,
 * up to MaxConnections (more are answered 503 and closed); a connection idle for
 * IdleTimeoutMs is closed.
 *
 * Thread: lives on the PrometheusExporter's thread; every call on that thread.
 */
class MetricsHttpServer final : public QObject
{
    Q_OBJECT

public:
    static constexpr int MaxConnections = 64;
    static constexpr int MaxHeaderBytes = 16 * 1024;
    static constexpr int IdleTimeoutMs = 60 * 1000;

    explicit MetricsHttpServer(QObject *parent = nullptr);
    ~MetricsHttpServer() override;

    /// Stops listening on any address, then listens on `address` (a host name is resolved here,
    /// holding up this thread only). Returns the address bound, with the port the system chose.
    /// Errors name `field`: Conflict when the port is taken, Unavailable otherwise.
    Result<ListenAddress> listen(const ListenAddress &address, const QString &field);
    /// Stops listening and closes every connection.
    void close();
    bool isListening() const;

    void setSnapshot(SharedMetricsSnapshot snapshot) { m_snapshot = std::move(snapshot); }

private:
    struct Connection
    {
        QByteArray buffer;
        qint64 discard = 0;          ///< body bytes of the current request still to skip
        bool closing = false;
    };

    void acceptConnections();
    void readFrom(QTcpSocket *socket);
    /// Handles every complete request in the connection's buffer.
    void serve(QTcpSocket *socket, Connection &c);
    void respond(QTcpSocket *socket, int status, const QByteArray &body, bool keepAlive, bool headOnly,
                 const QByteArray &contentType = QByteArrayLiteral("text/plain; charset=utf-8"),
                 const QByteArray &extraHeaders = {});
    QByteArray metricsBody() const;

    QTcpServer *m_server = nullptr;
    QHash<QTcpSocket *, Connection> m_connections;
    SharedMetricsSnapshot m_snapshot;
};

} // namespace arbor

#include "metrics/metricshttpserver.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QHostInfo>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace arbor {
namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    }
    return QByteArrayLiteral("Error");
}

/// The end of the header section in `buffer` and the length of its terminator, or -1.
std::pair<qsizetype, int> headerEnd(const QByteArray &buffer)
{
    const qsizetype crlf = buffer.indexOf("\r\n\r\n");
    const qsizetype lf = buffer.indexOf("\n\n");
    if (crlf >= 0 && (lf < 0 || crlf < lf))
        return {crlf, 4};
    if (lf >= 0)
        return {lf, 2};
    return {-1, 0};
}

} // namespace

MetricsHttpServer::MetricsHttpServer(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
{
    m_server->setMaxPendingConnections(MaxConnections);
    connect(m_server, &QTcpServer::newConnection, this, &MetricsHttpServer::acceptConnections);
}

MetricsHttpServer::~MetricsHttpServer()
{
    close();
}

bool MetricsHttpServer::isListening() const
{
    return m_server->isListening();
}

Result<ListenAddress> MetricsHttpServer::listen(const ListenAddress &address, const QString &field)
{
    m_server->close();
    QHostAddress host;
    if (address.host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        host = QHostAddress(QHostAddress::LocalHost);
    } else if (!host.setAddress(address.host)) {
        const QHostInfo info = QHostInfo::fromName(address.host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return Error::unavailable(field, tr("Cannot serve metrics on %1: the host name does not resolve (%2). Give an IP address, e.g. 127.0.0.1.")
                                                 .arg(address.toString(), info.errorString()));
        host = info.addresses().constFirst();
    }
    if (!m_server->listen(host, address.port)) {
        const bool taken = m_server->serverError() == QAbstractSocket::AddressInUseError;
        const QString message = taken
            ? tr("Cannot serve metrics on %1: the port is in use by another program. Choose another port.").arg(address.toString())
            : tr("Cannot serve metrics on %1: %2. Choose another address or port (ports below 1024 need privileges).")
                  .arg(address.toString(), m_server->errorString());
        return taken ? Error::conflict(field, message) : Error::unavailable(field, message);
    }
    return ListenAddress{address.host, m_server->serverPort()};
}

void MetricsHttpServer::close()
{
    m_server->close();
    const QList<QTcpSocket *> sockets = m_connections.keys();
    m_connections.clear();
    for (QTcpSocket *socket : sockets) {
        disconnect(socket, nullptr, this, nullptr);
        socket->abort();
        socket->deleteLater();
    }
}

void MetricsHttpServer::acceptConnections()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_connections.size() >= MaxConnections) {
            respond(socket, 503, QByteArrayLiteral("Too many connections to Arbor's metrics endpoint.\n"), false, false);
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            continue;
        }
        m_connections.insert(socket, Connection());
        auto *idle = new QTimer(socket);
        idle->setSingleShot(true);
        idle->setInterval(IdleTimeoutMs);
        connect(idle, &QTimer::timeout, socket, &QTcpSocket::abort);
        idle->start();
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, idle] {
            idle->start();
            readFrom(socket);
        });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_connections.remove(socket);
            socket->deleteLater();
        });
        if (socket->bytesAvailable() > 0)
            readFrom(socket);
    }
}

void MetricsHttpServer::readFrom(QTcpSocket *socket)
{
    const auto it = m_connections.find(socket);
    if (it == m_connections.end())
        return;
    Connection &c = *it;
    if (c.closing) {
        socket->readAll();
        return;
    }
    c.buffer += socket->readAll();
    serve(socket, c);
}

void MetricsHttpServer::serve(QTcpSocket *socket, Connection &c)
{
    while (!c.closing) {
        if (c.discard > 0) {
            const qint64 skipped = std::min<qint64>(c.discard, c.buffer.size());
            c.buffer.remove(0, skipped);
            c.discard -= skipped;
            if (c.discard > 0)
                return;
        }
        const auto [end, terminator] = headerEnd(c.buffer);
        // Too large whether it is still arriving or arrived whole in one read.
        if ((end < 0 && c.buffer.size() > MaxHeaderBytes) || end > MaxHeaderBytes) {
            c.closing = true;
            respond(socket, 431, QByteArrayLiteral("The request's header section is too large.\n"), false, false);
            return;
        }
        if (end < 0)
            return;
        const QByteArray head = c.buffer.left(end);
        c.buffer.remove(0, end + terminator);

        QList<QByteArray> lines = head.split('\n');
        for (QByteArray &line : lines) {
            if (line.endsWith('\r'))
                line.chop(1);
        }
        // Empty lines before a request line are allowed (RFC 9112 §2.2).
        while (!lines.isEmpty() && lines.constFirst().isEmpty())
            lines.removeFirst();
        if (lines.isEmpty())
            continue;
        const QList<QByteArray> requestLine = lines.takeFirst().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            c.closing = true;
            respond(socket, 400, QByteArrayLiteral("Not an HTTP/1.1 request.\n"), false, false);
            return;
        }
        const QByteArray method = requestLine.at(0);
        const QByteArray version = requestLine.at(2);
        bool keepAlive = version != "HTTP/1.0";
        qint64 contentLength = 0;
        bool chunked = false;
        for (const QByteArray &line : std::as_const(lines)) {
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            const QByteArray name = line.left(colon).trimmed().toLower();
            const QByteArray value = line.mid(colon + 1).trimmed().toLower();
            if (name == "content-length") {
                bool ok = false;
                contentLength = value.toLongLong(&ok);
                if (!ok || contentLength < 0) {
                    c.closing = true;
                    respond(socket, 400, QByteArrayLiteral("Malformed Content-Length.\n"), false, false);
                    return;
                }
            } else if (name == "transfer-encoding") {
                chunked = true;
            } else if (name == "connection") {
                for (const QByteArray &token : value.split(',')) {
                    if (token.trimmed() == "close")
                        keepAlive = false;
                    else if (token.trimmed() == "keep-alive")
                        keepAlive = true;
                }
            }
        }
        if (chunked) {
            c.closing = true;
            respond(socket, 400, QByteArrayLiteral("Request bodies are not accepted here.\n"), false, false);
            return;
        }
        c.discard = contentLength;

        QByteArray target = requestLine.at(1);
        if (target.startsWith("http://") || target.startsWith("https://"))
            target = QUrl::fromEncoded(target).path(QUrl::FullyEncoded).toLatin1();
        if (const qsizetype query = target.indexOf('?'); query >= 0)
            target.truncate(query);
        const bool head_ = method == "HEAD";
        if (!keepAlive)
            c.closing = true;   // before respond(): `c` is not touched after it
        if (target != "/metrics") {
            respond(socket, 404, QByteArrayLiteral("Not found. Arbor serves its Prometheus metrics at /metrics.\n"), keepAlive, head_);
        } else if (method != "GET" && !head_) {
            respond(socket, 405, QByteArrayLiteral("Only GET and HEAD are allowed on /metrics.\n"), keepAlive, false,
                    QByteArrayLiteral("text/plain; charset=utf-8"), QByteArrayLiteral("Allow: GET, HEAD\r\n"));
        } else {
            respond(socket, 200, metricsBody(), keepAlive, head_, QByteArray(prometheus::ContentType));
        }
        if (!keepAlive)
            return;
    }
}

QByteArray MetricsHttpServer::metricsBody() const
{
    static const MetricsSnapshot empty;
    return prometheus::render(m_snapshot ? *m_snapshot : empty, QDateTime::currentMSecsSinceEpoch());
}

void MetricsHttpServer::respond(QTcpSocket *socket, int status, const QByteArray &body, bool keepAlive, bool headOnly,
                                const QByteArray &contentType, const QByteArray &extraHeaders)
{
    QByteArray out = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    out += "Content-Type: " + contentType + "\r\n";
    out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "Cache-Control: no-store\r\n";
    out += extraHeaders;
    out += keepAlive ? QByteArrayLiteral("Connection: keep-alive\r\n") : QByteArrayLiteral("Connection: close\r\n");
    out += "\r\n";
    if (!headOnly)
        out += body;
    socket->write(out);
    if (!keepAlive)
        socket->disconnectFromHost();   // after what was written has gone out
}

} // namespace arbor

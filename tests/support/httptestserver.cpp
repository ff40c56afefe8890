#include "httptestserver.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <atomic>

using namespace Qt::StringLiterals;

namespace arbor::test {

namespace {

constexpr qsizetype MaxHeaderBytes = 64 * 1024;
constexpr qsizetype MaxBodyBytes = 64 * 1024 * 1024;

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Entity";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Status";
    }
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &header : headers) {
        if (QByteArrayView(header.first).compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QByteArray HttpRequest::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

HttpResponse HttpResponse::json(int status, const QJsonObject &body, HttpHeaders headers)
{
    HttpResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    response.headers = std::move(headers);
    return response;
}

HttpResponse HttpResponse::text(int status, const QByteArray &body)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/plain; charset=utf-8";
    response.body = body;
    return response;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse response;
    response.status = status;
    response.contentType.clear();
    return response;
}

struct HttpTestServer::Shared
{
    explicit Shared(Handler h) : handler(std::move(h)) { }

    const Handler handler;
    std::atomic<bool> running{false};
    std::atomic<quint16> port{0};
    std::atomic<quint64> connections{0};
    std::atomic<quint64> requests{0};
};

/// One client connection on the server thread: reads requests and answers each in turn.
class HttpTestServer::Connection final : public QObject
{
public:
    Connection(QTcpSocket *socket, Shared *shared, QObject *parent) : QObject(parent), m_socket(socket), m_shared(shared)
    {
        m_socket->setParent(this);
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::readRequests);
        connect(m_socket, &QTcpSocket::disconnected, this, &Connection::close);
        connect(m_socket, &QTcpSocket::errorOccurred, this, &Connection::close);
    }

    void close()
    {
        m_closing = true;
        if (!m_deleteScheduled) {
            m_deleteScheduled = true;
            deleteLater();
        }
    }

private:
    void readRequests()
    {
        if (m_closing)
            return;
        m_buffer.append(m_socket->readAll());
        if (!m_busy)
            parseNext();
    }

    void parseNext()
    {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (m_buffer.size() > MaxHeaderBytes)
                refuse(431, "request headers too large\n");
            return;
        }
        HttpRequest request;
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            refuse(400, "malformed request line\n");
            return;
        }
        request.method = requestLine.at(0);
        request.target = requestLine.at(1);
        request.version = requestLine.at(2);
        qsizetype contentLength = 0;
        QByteArray connectionHeader;
        bool expectContinue = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon <= 0) {
                refuse(400, "malformed header line\n");
                return;
            }
            const QByteArray name = lines.at(i).left(colon).trimmed();
            const QByteArray value = lines.at(i).mid(colon + 1).trimmed();
            const QByteArray lower = name.toLower();
            if (lower == "content-length") {
                bool ok = false;
                contentLength = value.toLongLong(&ok);
                if (!ok || contentLength < 0 || contentLength > MaxBodyBytes) {
                    refuse(400, "bad Content-Length\n");
                    return;
                }
            } else if (lower == "transfer-encoding" && value.toLower() != "identity") {
                refuse(501, "chunked request bodies are not supported\n");
                return;
            } else if (lower == "connection") {
                connectionHeader = value.toLower();
            } else if (lower == "expect") {
                expectContinue = value.toLower() == "100-continue";
            }
            request.headers.append({name, value});
        }
        const qsizetype bodyStart = headerEnd + 4;
        if (m_buffer.size() - bodyStart < contentLength) {
            if (expectContinue && !m_continueSent) {
                m_continueSent = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        }
        request.body = m_buffer.mid(bodyStart, contentLength);
        m_buffer.remove(0, bodyStart + contentLength);
        m_continueSent = false;
        m_keepAlive = request.version == "HTTP/1.0" ? connectionHeader.contains("keep-alive")
                                                    : !connectionHeader.contains("close");
        request.receivedAt = std::chrono::steady_clock::now();
        ++m_shared->requests;
        m_busy = true;
        HttpResponse response = m_shared->handler(request);
        if (response.delayMs > 0) {
            QTimer::singleShot(response.delayMs, this, [this, response = std::move(response)] {
                if (!m_closing)
                    respond(response);
            });
            return;
        }
        respond(response);
    }

    void respond(const HttpResponse &response)
    {
        if (response.drop) {
            m_closing = true;
            m_socket->abort();
            close();
            return;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
        if (!response.contentType.isEmpty())
            head += "Content-Type: " + response.contentType + "\r\n";
        for (const auto &[name, value] : response.headers)
            head += name + ": " + value + "\r\n";
        if (response.holdOpen) {
            // The body ends when the connection does; this one never ends on its own.
            head += "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
            m_socket->write(head + response.body);
            return;   // stays busy: nothing more is read on this connection
        }
        head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
        head += m_keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        m_socket->write(head + response.body);
        m_busy = false;
        if (!m_keepAlive) {
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
        if (!m_buffer.isEmpty())
            parseNext();
    }

    /// Answers a request whose framing cannot be trusted, and closes.
    void refuse(int status, const QByteArray &message)
    {
        m_keepAlive = false;
        m_buffer.clear();
        m_busy = true;
        respond(HttpResponse::text(status, message));
    }

    QTcpSocket *m_socket;
    Shared *m_shared;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_keepAlive = true;
    bool m_closing = false;
    bool m_deleteScheduled = false;
    bool m_continueSent = false;
};

class HttpTestServer::Server final : public QObject
{
public:
    explicit Server(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) { }

    bool open(quint16 port, QString *error)
    {
        m_listener = new QTcpServer(this);
        m_listener->setMaxPendingConnections(1024);
        connect(m_listener, &QTcpServer::newConnection, this, &Server::accept);
        if (!m_listener->listen(QHostAddress::LocalHost, port)) {
            *error = u"cannot listen on 127.0.0.1:%1: %2"_s.arg(port).arg(m_listener->errorString());
            return false;
        }
        m_shared->port = m_listener->serverPort();
        return true;
    }

    void shutDown()
    {
        const QSet<Connection *> connections = std::exchange(m_connections, {});
        qDeleteAll(connections);
        delete m_listener;
        m_listener = nullptr;
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
            ++m_shared->connections;
            auto *connection = new Connection(socket, m_shared.get(), this);
            m_connections.insert(connection);
            connect(connection, &QObject::destroyed, this, [this, connection] { m_connections.remove(connection); });
        }
    }

    std::shared_ptr<Shared> m_shared;
    QTcpServer *m_listener = nullptr;
    QSet<Connection *> m_connections;
};

HttpTestServer::HttpTestServer(Handler handler) : m_shared(std::make_shared<Shared>(std::move(handler)))
{
}

HttpTestServer::~HttpTestServer()
{
    stop();
}

bool HttpTestServer::start(QString *error, quint16 port)
{
    stop();
    m_shared->connections = 0;
    m_shared->requests = 0;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"HttpTestServer"_s);
    m_server = new Server(m_shared);
    m_server->moveToThread(m_thread.get());
    m_thread->start();
    bool opened = false;
    QString message;
    QMetaObject::invokeMethod(m_server, [&] { opened = m_server->open(port, &message); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        stop();
        if (error)
            *error = message;
        return false;
    }
    m_shared->running = true;
    return true;
}

void HttpTestServer::stop()
{
    if (!m_thread)
        return;
    m_shared->running = false;
    QMetaObject::invokeMethod(m_server, [this] { m_server->shutDown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    delete m_server;   // its thread has finished and it has no children left
    m_server = nullptr;
    m_thread.reset();
    m_shared->port = 0;
}

bool HttpTestServer::isRunning() const
{
    return m_shared->running;
}

quint16 HttpTestServer::port() const
{
    return m_shared->port;
}

QUrl HttpTestServer::url(const QString &path) const
{
    if (!isRunning())
        return {};
    return QUrl(u"http://127.0.0.1:%1%2"_s.arg(port()).arg(path));
}

quint64 HttpTestServer::connections() const
{
    return m_shared->connections;
}

quint64 HttpTestServer::requests() const
{
    return m_shared->requests;
}

quint16 closedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 1;   // nothing listens on port 1 of a test machine either
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace arbor::test

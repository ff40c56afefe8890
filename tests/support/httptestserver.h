#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <memory>
#include <utility>

class QJsonObject;
class QThread;

namespace arbor::test {

using HttpHeaders = QList<std::pair<QByteArray, QByteArray>>;

/// One request as an HttpTestServer read it.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;    ///< path and query as sent: "/bot123:abc/sendMessage"
    QByteArray version;   ///< "HTTP/1.1"
    HttpHeaders headers;  ///< in order, names as sent
    QByteArray body;
    std::chrono::steady_clock::time_point receivedAt;   ///< when the last byte was read

    /// The first header called `name` (any case); empty when absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// The target without its query.
    QByteArray path() const;
};

/// What an HttpTestServer's handler answers.
struct HttpResponse
{
    int status = 200;
    QByteArray contentType = "application/json";
    HttpHeaders headers;
    QByteArray body;
    /// Answer after this long, as a slow server (client timeouts).
    int delayMs = 0;
    /// Send the body without a Content-Length and keep the connection open until the client
    /// closes it: an event stream that never ends.
    bool holdOpen = false;
    /// Close the connection without answering.
    bool drop = false;

    static HttpResponse json(int status, const QJsonObject &body, HttpHeaders headers = {});
    static HttpResponse text(int status, const QByteArray &body);
    static HttpResponse empty(int status);
};

/**
 * A small HTTP/1.1 server on 127.0.0.1 for tests of HTTP clients: the base of WebhookReceiver,
 * TelegramStandIn and McpTestServer.
 *
 * Every request with a Content-Length body (chunked bodies get 501) goes to the handler, whose
 * HttpResponse is sent back with a Content-Length. Connections are kept alive (HTTP/1.1, or
 * HTTP/1.0 with "Connection: keep-alive") and requests on one connection are answered in
 * order; any number of connections are served at once. Loopback throughput is in the tens of
 * thousands of small requests per second.
 *
 * Threads: the server runs on its own QThread, so a test may block in QTRY_* or a wait; the
 * handler is called on that thread and must guard what it shares with the test. start() and
 * stop() block until the server thread has acted; the other functions may be called from any
 * thread.
 */
class HttpTestServer final
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpTestServer(Handler handler);
    ~HttpTestServer();
    HttpTestServer(const HttpTestServer &) = delete;
    HttpTestServer &operator=(const HttpTestServer &) = delete;

    /// Listens on `port` of 127.0.0.1 (0: a free one). Restarts if already running.
    bool start(QString *error = nullptr, quint16 port = 0);
    /// Closes every connection and ends the thread; safe when stopped.
    void stop();
    bool isRunning() const;

    quint16 port() const;
    /// http://127.0.0.1:port + `path` while running; empty otherwise.
    QUrl url(const QString &path = QStringLiteral("/")) const;

    quint64 connections() const;   ///< accepted since start()
    quint64 requests() const;      ///< complete requests read since start()

private:
    struct Shared;
    class Server;
    class Connection;

    std::shared_ptr<Shared> m_shared;
    std::unique_ptr<QThread> m_thread;
    Server *m_server = nullptr;   // lives on m_thread
};

/// A port on 127.0.0.1 that nothing listens on (for "connection refused").
quint16 closedLoopbackPort();

} // namespace arbor::test

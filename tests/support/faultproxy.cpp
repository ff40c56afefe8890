#include "faultproxy.h"

#include "testvalues.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace arbor::test {

namespace {

constexpr qsizetype ProxyMaxHeaderBytes = 64 * 1024;
constexpr qsizetype ProxyMaxBodyBytes = 64 * 1024 * 1024;
constexpr int UpstreamTimeoutMs = 60000;

QByteArray rpcErrorBody(const QByteArray &requestBody, int code, const QString &message)
{
    const auto errorFor = [&](const QJsonValue &id) {
        return QJsonObject{
            {u"jsonrpc"_s, u"2.0"_s},
            {u"id"_s, id},
            {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}},
        };
    };
    const QJsonDocument request = QJsonDocument::fromJson(requestBody);
    if (request.isArray() && !request.array().isEmpty()) {
        QJsonArray answers;
        for (const QJsonValue call : request.array())
            answers.append(errorFor(call[u"id"_s].isUndefined() ? QJsonValue() : call[u"id"_s]));
        return QJsonDocument(answers).toJson(QJsonDocument::Compact);
    }
    const QJsonValue id = request.object().value(u"id"_s);
    return QJsonDocument(errorFor(id.isUndefined() ? QJsonValue() : id)).toJson(QJsonDocument::Compact);
}

QByteArray proxyReasonPhrase(int status)
{
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 400: return "Bad Request";
    case 413: return "Payload Too Large";
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

// Headers that describe one hop, not the request: the proxy's own connection to the
// upstream sets them (QNetworkAccessManager also decompresses, hence Accept-Encoding).
bool isHopByHop(const QByteArray &lowerName)
{
    static const QSet<QByteArray> names{
        "host", "connection", "keep-alive", "proxy-connection", "proxy-authorization", "te",
        "trailer", "transfer-encoding", "upgrade", "content-length", "expect", "accept-encoding",
    };
    return names.contains(lowerName);
}

// Closing with SO_LINGER 0 sends RST instead of FIN: the client sees a reset, not a clean close.
void resetSocket(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    const qintptr descriptor = socket->socketDescriptor();
    if (descriptor != -1) {
        const ::linger option{1, 0};
        ::setsockopt(int(descriptor), SOL_SOCKET, SO_LINGER, &option, sizeof option);
    }
#endif
    socket->abort();
}

struct ProxiedRequest
{
    QByteArray method;
    QByteArray version;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool keepAlive = true;
};

/// What the proxy answers in the upstream's place.
struct LocalAnswer
{
    int status = 200;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;
};

} // namespace

quint64 FaultProxy::Counters::answerFaults() const
{
    quint64 sum = 0;
    for (std::size_t i = 0; i < FaultCount; ++i) {
        if (Fault(i) != Fault::Delay)
            sum += faults[i];
    }
    return sum;
}

struct FaultProxy::Shared
{
    const QUrl upstream;

    mutable QMutex mutex;
    FaultPlan plan;        // guarded by mutex
    quint64 seed = 1;      // guarded by mutex
    quint64 sequence = 0;  // guarded by mutex: the number of the next request drawn
    ProviderLimits limits; // guarded by mutex
    CallRateBucket bucket; // guarded by mutex
    QElapsedTimer clock;   // the bucket's; started once, read only

    std::atomic<bool> running{false};
    std::atomic<bool> dead{false};
    std::atomic<quint16> port{0};

    std::atomic<quint64> connections{0};
    std::atomic<quint64> requests{0};
    std::atomic<quint64> forwarded{0};
    std::atomic<quint64> upstreamAnswered{0};
    std::atomic<quint64> upstreamFailures{0};
    std::atomic<quint64> deadResets{0};
    std::array<std::atomic<quint64>, FaultCount> faults{};
    std::atomic<quint64> batchRefused{0};
    std::atomic<quint64> rateLimited{0};
    std::atomic<quint64> rangeRefused{0};
    std::atomic<quint64> resultsRefused{0};
    std::atomic<quint64> callsAdmitted{0};
    std::atomic<quint64> largestBatchAdmitted{0};
    std::atomic<quint64> largestBody{0};
    QMap<QString, quint64> callsByMethod;   // guarded by mutex
    QMap<QString, quint64> faultedCallsByMethod;   // guarded by mutex
    QList<QByteArray> holdMarkers;          // guarded by mutex: holdRequests()
    QList<QByteArray> divertMarkers;        // guarded by mutex: divertRequests()
    QUrl divertTo;                          // guarded by mutex
    int divertLeft = 0;                     // guarded by mutex
    std::atomic<quint64> diverted{0};
    std::atomic<quint64> logsByBlockHash{0};
    std::atomic<int> held{0};               // requests held and not yet released

    explicit Shared(const QUrl &url) : upstream(url) { clock.start(); }

    /// Counts the calls of a request body by method, as a provider bills them, in `counts`.
    void countCalls(const QByteArray &body, QMap<QString, quint64> Shared::*counts)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(body, &error);
        QStringList methods;
        quint64 byHash = 0;
        if (error.error != QJsonParseError::NoError || document.isNull()) {
            methods.append(u"(not json)"_s);
        } else {
            const QJsonArray calls = document.isArray() ? document.array() : QJsonArray{document.object()};
            for (const QJsonValue call : calls) {
                const QJsonValue method = call.toObject().value(u"method"_s);
                methods.append(method.isString() ? method.toString() : u"(no method)"_s);
                if (method.toString() == u"eth_getLogs"_s && call[u"params"_s][0].toObject().contains(u"blockHash"_s))
                    ++byHash;
            }
        }
        if (counts == &Shared::callsByMethod)
            logsByBlockHash += byHash;
        const QMutexLocker locker(&mutex);
        for (const QString &method : std::as_const(methods))
            ++(this->*counts)[method];
    }

    /// The upstream a request with this body goes to: another node for the next requests
    /// FaultProxy::divertRequests() names, else the upstream.
    QUrl upstreamFor(const QByteArray &body)
    {
        const QMutexLocker locker(&mutex);
        if (divertLeft > 0 && !divertMarkers.isEmpty()
            && std::all_of(divertMarkers.cbegin(), divertMarkers.cend(), [&body](const QByteArray &m) { return body.contains(m); })) {
            --divertLeft;
            ++diverted;
            return divertTo;
        }
        return upstream;
    }

    void count(Fault kind) { ++faults[std::size_t(kind)]; }

    /// Numbers the request and draws its fault; the plan comes along, so a later
    /// setFaults() cannot change the parameters of a fault already drawn.
    std::pair<FaultDecision, FaultPlan> decide(const QByteArray &body)
    {
        FaultPlan current;
        quint64 currentSeed = 0;
        quint64 number = 0;
        {
            const QMutexLocker locker(&mutex);
            current = plan;
            currentSeed = seed;
            number = sequence++;
        }
        FaultDecision decision = current.decide(body, currentSeed, number);
        return {decision, std::move(current)};
    }

    /// Whether a request with this body is held until FaultProxy::releaseHeld().
    bool holds(const QByteArray &body) const
    {
        const QMutexLocker locker(&mutex);
        if (holdMarkers.isEmpty())
            return false;
        return std::all_of(holdMarkers.cbegin(), holdMarkers.cend(), [&body](const QByteArray &m) { return body.contains(m); });
    }

    FaultPlan currentPlan() const
    {
        const QMutexLocker locker(&mutex);
        return plan;
    }

    ProviderLimits currentLimits() const
    {
        const QMutexLocker locker(&mutex);
        return limits;
    }

    void setLimits(const ProviderLimits &newLimits)
    {
        const QMutexLocker locker(&mutex);
        limits = newLimits;
        bucket = CallRateBucket(newLimits.requestsPerSecond, clock.elapsed());
    }

    /// Checks the limits in their order and counts the outcome; a refusal comes back as
    /// the answer to give, nothing means go on to the plan's draw.
    std::optional<LocalAnswer> admit(const LimitedRequest &request)
    {
        if (const QByteArray refusal = request.batchRefusalBody(); !refusal.isEmpty()) {
            ++batchRefused;
            return LocalAnswer{400, {}, refusal};
        }
        int retryAfter = 0;
        {
            const QMutexLocker locker(&mutex);
            retryAfter = bucket.take(std::max<quint64>(1, request.calls()), clock.elapsed());
        }
        if (retryAfter > 0) {
            ++rateLimited;
            return LocalAnswer{429, {{"Retry-After", QByteArray::number(retryAfter)}}, request.limits().rateLimitedBody()};
        }
        rangeRefused += request.rangeRefusedCalls();
        if (request.isAnsweredHere())
            return LocalAnswer{200, {}, request.answer({})};
        const quint64 admitted = request.calls() - request.rangeRefusedCalls();
        callsAdmitted += admitted;
        quint64 largest = largestBatchAdmitted;
        while (admitted > largest && !largestBatchAdmitted.compare_exchange_weak(largest, admitted)) { }
        return std::nullopt;
    }
};

/// One client connection, on the proxy thread: reads requests in order and answers each
/// before reading the next.
class FaultProxy::Connection final : public QObject
{
public:
    Connection(QTcpSocket *socket, Shared *shared, QNetworkAccessManager *network, QObject *parent)
        : QObject(parent), m_socket(socket), m_shared(shared), m_network(network)
    {
        m_socket->setParent(this);
        connect(m_socket, &QTcpSocket::readyRead, this, &Connection::readRequests);
        connect(m_socket, &QTcpSocket::disconnected, this, &Connection::close);
        connect(m_socket, &QTcpSocket::errorOccurred, this, &Connection::close);
    }

    ~Connection() override { abortUpstream(); }

    /// Goes on with a request held by FaultProxy::holdRequests(), if it holds one.
    void releaseHeld()
    {
        if (!m_heldAct)
            return;
        --m_shared->held;
        std::exchange(m_heldAct, nullptr)();
    }

    /// Resets the connection; the object goes away soon after.
    void reset()
    {
        close();
        resetSocket(m_socket);
    }

    void readRequests()
    {
        if (m_closing)
            return;
        m_buffer.append(m_socket->readAll());
        if (!m_busy)
            parseNext();
    }

private:
    /// No more requests on this connection; the object goes away once control returns.
    void close()
    {
        m_closing = true;
        if (std::exchange(m_heldAct, nullptr))
            --m_shared->held;
        abortUpstream();
        if (m_dripTimer) {
            m_dripTimer->stop();
            m_dripTimer.release()->deleteLater();
        }
        if (!m_deleteScheduled) {
            m_deleteScheduled = true;
            deleteLater();
        }
    }

    void abortUpstream()
    {
        if (QNetworkReply *reply = m_upstream.data()) {
            m_upstream.clear();
            reply->disconnect(this);
            reply->abort();
            reply->deleteLater();
        }
    }

    void parseNext()
    {
        const qsizetype headerEnd = m_buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            if (m_buffer.size() > ProxyMaxHeaderBytes)
                refuse(431, "request headers too large\n");
            return;
        }
        const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
            refuse(400, "malformed request line\n");
            return;
        }
        ProxiedRequest request;
        request.method = requestLine.at(0);
        request.version = requestLine.at(2);
        qsizetype contentLength = 0;
        bool expectContinue = false;
        QByteArray connectionHeader;
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
                if (!ok || contentLength < 0) {
                    refuse(400, "bad Content-Length\n");
                    return;
                }
            } else if (lower == "transfer-encoding" && value.toLower() != "identity") {
                refuse(501, "chunked request bodies are not supported by this proxy\n");
                return;
            } else if (lower == "connection") {
                connectionHeader = value.toLower();
            } else if (lower == "expect") {
                expectContinue = value.toLower() == "100-continue";
            }
            request.headers.append({name, value});
        }
        if (contentLength > ProxyMaxBodyBytes) {
            refuse(413, "request body too large\n");
            return;
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
        request.keepAlive = request.version == "HTTP/1.0" ? connectionHeader.contains("keep-alive")
                                                          : !connectionHeader.contains("close");
        m_busy = true;
        handle(std::move(request));
    }

    void handle(ProxiedRequest request)
    {
        ++m_shared->requests;
        const quint64 size = quint64(request.body.size());
        quint64 largest = m_shared->largestBody;
        while (size > largest && !m_shared->largestBody.compare_exchange_weak(largest, size)) { }
        m_shared->countCalls(request.body, &Shared::callsByMethod);
        auto limited = std::make_shared<const LimitedRequest>(request.body, m_shared->currentLimits());
        if (const std::optional<LocalAnswer> refusal = m_shared->admit(*limited)) {
            m_keepAlive = request.keepAlive;
            respond(refusal->status, "application/json", refusal->headers, refusal->body);
            return;
        }
        auto [decision, plan] = m_shared->decide(request.body);
        if (decision.delayMs)
            m_shared->count(Fault::Delay);
        if (decision.answer) {
            m_shared->count(*decision.answer);
            m_shared->countCalls(request.body, &Shared::faultedCallsByMethod);
        }
        if (decision.delayMs) {
            // Copied by name: clang 14 (the sanitizer build's) cannot capture structured bindings.
            QTimer::singleShot(*decision.delayMs, this, [this, request = std::move(request), limited, decision = decision, plan = plan] {
                act(request, limited, decision, plan);
            });
            return;
        }
        act(request, limited, decision, plan);
    }

    void act(const ProxiedRequest &request, const std::shared_ptr<const LimitedRequest> &limited,
             const FaultDecision &decision, const FaultPlan &plan)
    {
        if (m_closing)
            return;
        // After its delay, before its answer: releaseHeld() stops holding before it goes on.
        if (m_shared->holds(request.body)) {
            ++m_shared->held;
            m_heldAct = [this, request, limited, decision, plan] { act(request, limited, decision, plan); };
            return;
        }
        m_keepAlive = request.keepAlive;
        if (!decision.answer) {
            forward(request, limited, std::nullopt, plan);
            return;
        }
        switch (*decision.answer) {
        case Fault::ServerError:
            respond(decision.status, "text/plain", {}, proxyReasonPhrase(decision.status) + " (injected by FaultProxy)\n");
            return;
        case Fault::TooManyRequests:
            respond(429, "text/plain", {{"Retry-After", QByteArray::number(plan.retryAfterSeconds)}},
                    "Too Many Requests (injected by FaultProxy)\n");
            return;
        case Fault::RpcError:
            respond(200, "application/json", {}, rpcErrorBody(request.body, plan.rpcErrorCode, plan.rpcErrorMessage));
            return;
        case Fault::MalformedJson:
            respond(200, "application/json", {}, "{\"jsonrpc\":\"2.0\",\"result\":<html>injected garbage</html>\n");
            return;
        case Fault::ConnectionReset:
            reset();
            return;
        case Fault::Delay: // never an answer fault
        case Fault::TruncatedJson:
        case Fault::SlowDrip:
            forward(request, limited, decision.answer, plan);
            return;
        }
    }

    void forward(const ProxiedRequest &request, const std::shared_ptr<const LimitedRequest> &limited,
                 std::optional<Fault> answer, const FaultPlan &plan)
    {
        QNetworkRequest upstreamRequest(m_shared->upstreamFor(request.body));
        for (const auto &[name, value] : request.headers) {
            if (!isHopByHop(name.toLower()))
                upstreamRequest.setRawHeader(name, value);
        }
        upstreamRequest.setTransferTimeout(UpstreamTimeoutMs);
        ++m_shared->forwarded;
        QNetworkReply *reply = m_network->sendCustomRequest(upstreamRequest, request.method, limited->upstreamBody());
        m_upstream = reply;
        connect(reply, &QNetworkReply::finished, this, [this, reply, limited, answer, plan] {
            m_upstream.clear();
            reply->deleteLater();
            relay(reply, *limited, answer, plan);
        });
    }

    void relay(QNetworkReply *reply, const LimitedRequest &limited, std::optional<Fault> answer, const FaultPlan &plan)
    {
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            ++m_shared->upstreamFailures;
            respond(502, "text/plain", {}, "upstream failed: " + reply->errorString().toUtf8() + '\n');
            return;
        }
        ++m_shared->upstreamAnswered;
        QByteArray contentType = reply->rawHeader("Content-Type");
        if (contentType.isEmpty())
            contentType = "application/json";
        QByteArray body = reply->readAll();
        if (status.toInt() == 200) {
            quint64 resultsRefused = 0;
            body = limited.answer(body, &resultsRefused);
            m_shared->resultsRefused += resultsRefused;
        }
        if (answer == Fault::TruncatedJson) {
            body.truncate(body.size() / 2);
        } else if (answer == Fault::SlowDrip) {
            drip(status.toInt(), contentType, body, plan);
            return;
        }
        respond(status.toInt(), contentType, {}, body);
    }

    QByteArray head(int status, const QByteArray &contentType, const QList<std::pair<QByteArray, QByteArray>> &extra,
                    qsizetype contentLength) const
    {
        QByteArray text = "HTTP/1.1 " + QByteArray::number(status) + ' ' + proxyReasonPhrase(status) + "\r\n";
        text += "Content-Type: " + contentType + "\r\n";
        text += "Content-Length: " + QByteArray::number(contentLength) + "\r\n";
        for (const auto &[name, value] : extra)
            text += name + ": " + value + "\r\n";
        text += m_keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n";
        return text;
    }

    void respond(int status, const QByteArray &contentType, const QList<std::pair<QByteArray, QByteArray>> &extra,
                 const QByteArray &body)
    {
        m_socket->write(head(status, contentType, extra, body.size()) + body);
        finishRequest();
    }

    void drip(int status, const QByteArray &contentType, const QByteArray &body, const FaultPlan &plan)
    {
        m_socket->write(head(status, contentType, {}, body.size()));
        m_dripTimer = std::make_unique<QTimer>();
        m_dripTimer->setInterval(std::max(1, plan.slowDripIntervalMs));
        const qsizetype step = std::max(1, plan.slowDripBytes);
        connect(m_dripTimer.get(), &QTimer::timeout, this, [this, body, step, offset = qsizetype(0)]() mutable {
            m_socket->write(body.mid(offset, step));
            offset += step;
            if (offset >= body.size()) {
                m_dripTimer.release()->deleteLater();
                finishRequest();
            }
        });
        m_dripTimer->start();
    }

    /// Answers an unusable request and closes: its framing cannot be trusted for a next one.
    void refuse(int status, const QByteArray &message)
    {
        m_keepAlive = false;
        m_buffer.clear();
        m_busy = true;
        respond(status, "text/plain", {}, message);
    }

    void finishRequest()
    {
        m_busy = false;
        if (!m_keepAlive) {
            // The answer is flushed first; disconnected() then calls close().
            m_closing = true;
            m_socket->disconnectFromHost();
            return;
        }
        if (!m_buffer.isEmpty())
            QMetaObject::invokeMethod(this, [this] { if (!m_busy && !m_closing) parseNext(); }, Qt::QueuedConnection);
    }

    QTcpSocket *m_socket;
    Shared *m_shared;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_upstream;
    std::unique_ptr<QTimer> m_dripTimer;
    QByteArray m_buffer;
    bool m_busy = false;
    bool m_keepAlive = true;
    bool m_closing = false;
    bool m_deleteScheduled = false;
    bool m_continueSent = false;
    std::function<void()> m_heldAct;    ///< the request held by FaultProxy::holdRequests()
};

/// The listening side, on the proxy thread: owns the listener, the connections and the
/// upstream QNetworkAccessManager.
class FaultProxy::Server final : public QObject
{
public:
    explicit Server(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) { }

    bool open(QString *error)
    {
        m_network = new QNetworkAccessManager(this);
        // A proxy from http_proxy must never sit between the proxy and its loopback node.
        m_network->setProxy(QNetworkProxy::NoProxy);
        m_listener = new QTcpServer(this);
        connect(m_listener, &QTcpServer::newConnection, this, &Server::accept);
        if (!m_listener->listen(QHostAddress::LocalHost, 0)) {
            *error = u"FaultProxy cannot listen on 127.0.0.1: %1"_s.arg(m_listener->errorString());
            return false;
        }
        m_port = m_listener->serverPort();
        m_shared->port = m_port;
        return true;
    }

    void shutDown()
    {
        const QSet<Connection *> connections = std::exchange(m_connections, {});
        qDeleteAll(connections);
        releasePort();
        delete m_listener;
        m_listener = nullptr;
        delete m_network;
        m_network = nullptr;
    }

    void releaseHeld()
    {
        for (Connection *connection : QSet<Connection *>(m_connections))
            connection->releaseHeld();
    }

    bool setDead(bool dead, DeadMode mode)
    {
        if (dead) {
            m_shared->dead = true;
            if (mode == DeadMode::Refuse) {
                m_listener->close();
                holdPort();
            }
            for (Connection *connection : std::as_const(m_connections))
                connection->reset();
            return true;
        }
        releasePort();
        if (!m_listener->isListening() && !m_listener->listen(QHostAddress::LocalHost, m_port))
            return false;
        m_shared->dead = false;
        return true;
    }

private:
    /// While refusing, the port stays bound but not listening (holdLoopbackPort()). Closed, it
    /// went to another test's node, which the client then reached at this proxy's URL.
    void holdPort() { m_held = holdLoopbackPort(m_port); }

    void releasePort()
    {
#ifdef Q_OS_UNIX
        if (m_held >= 0)
            ::close(m_held);
#endif
        m_held = -1;
    }

    void accept()
    {
        while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
            if (m_shared->dead) {
                ++m_shared->deadResets;
                resetSocket(socket);
                socket->deleteLater();
                continue;
            }
            ++m_shared->connections;
            auto *connection = new Connection(socket, m_shared.get(), m_network, this);
            m_connections.insert(connection);
            connect(connection, &QObject::destroyed, this, [this, connection] { m_connections.remove(connection); });
        }
    }

    std::shared_ptr<Shared> m_shared;
    QNetworkAccessManager *m_network = nullptr;
    QTcpServer *m_listener = nullptr;
    QSet<Connection *> m_connections; // open or closing; each removes itself when destroyed
    quint16 m_port = 0;
    int m_held = -1; // the port's placeholder socket while refusing
};

FaultProxy::FaultProxy(const QUrl &upstream, quint64 seed)
    : m_shared(std::make_shared<Shared>(upstream))
{
    m_shared->seed = seed;
}

FaultProxy::~FaultProxy()
{
    stop();
}

bool FaultProxy::start(QString *error)
{
    stop();
    if (!m_shared->upstream.isValid() || m_shared->upstream.isRelative()) {
        if (error)
            *error = u"FaultProxy needs an absolute upstream URL, not \"%1\""_s.arg(m_shared->upstream.toString());
        return false;
    }
    {
        const QMutexLocker locker(&m_shared->mutex);
        m_shared->sequence = 0;
    }
    m_shared->dead = false;
    m_shared->setLimits(m_shared->currentLimits());
    resetCounters();

    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(u"FaultProxy"_s);
    m_server = new Server(m_shared);
    m_server->moveToThread(m_thread.get());
    m_thread->start();
    bool opened = false;
    QString message;
    QMetaObject::invokeMethod(m_server, [&] { opened = m_server->open(&message); }, Qt::BlockingQueuedConnection);
    if (!opened) {
        stop();
        if (error)
            *error = message;
        return false;
    }
    m_shared->running = true;
    return true;
}

void FaultProxy::stop()
{
    if (!m_thread)
        return;
    m_shared->running = false;
    QMetaObject::invokeMethod(m_server, [this] { m_server->shutDown(); }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
    // Its thread has finished and it has no children left: deleting it here is safe.
    delete m_server;
    m_server = nullptr;
    m_thread.reset();
    m_shared->port = 0;
    m_shared->dead = false;
}

void FaultProxy::holdRequests(QList<QByteArray> markers)
{
    const QMutexLocker locker(&m_shared->mutex);
    m_shared->holdMarkers = std::move(markers);
}

void FaultProxy::releaseHeld()
{
    holdRequests({});
    if (m_server)
        QMetaObject::invokeMethod(m_server, [this] { m_server->releaseHeld(); }, Qt::BlockingQueuedConnection);
}

void FaultProxy::divertRequests(QList<QByteArray> markers, const QUrl &to, int count)
{
    const QMutexLocker locker(&m_shared->mutex);
    m_shared->divertMarkers = std::move(markers);
    m_shared->divertTo = to;
    m_shared->divertLeft = count;
}

int FaultProxy::heldRequests() const
{
    return m_shared->held;
}

bool FaultProxy::isRunning() const
{
    return m_shared->running;
}

QUrl FaultProxy::url() const
{
    if (!isRunning())
        return {};
    return QUrl(u"http://127.0.0.1:%1/"_s.arg(port()));
}

quint16 FaultProxy::port() const
{
    return m_shared->port;
}

QUrl FaultProxy::upstream() const
{
    return m_shared->upstream;
}

void FaultProxy::setFaults(const FaultPlan &plan)
{
    const QMutexLocker locker(&m_shared->mutex);
    m_shared->plan = plan;
}

FaultPlan FaultProxy::faults() const
{
    return m_shared->currentPlan();
}

void FaultProxy::setPassthrough()
{
    setFaults(FaultPlan::passthrough());
}

void FaultProxy::setLimits(const ProviderLimits &limits)
{
    m_shared->setLimits(limits);
}

ProviderLimits FaultProxy::limits() const
{
    return m_shared->currentLimits();
}

void FaultProxy::setSeed(quint64 seed)
{
    const QMutexLocker locker(&m_shared->mutex);
    m_shared->seed = seed;
    m_shared->sequence = 0;
}

quint64 FaultProxy::seed() const
{
    const QMutexLocker locker(&m_shared->mutex);
    return m_shared->seed;
}

bool FaultProxy::setDead(bool dead, DeadMode mode)
{
    if (!m_thread)
        return false;
    bool done = false;
    QMetaObject::invokeMethod(m_server, [&] { done = m_server->setDead(dead, mode); }, Qt::BlockingQueuedConnection);
    return done;
}

bool FaultProxy::isDead() const
{
    return m_shared->dead;
}

FaultProxy::Counters FaultProxy::counters() const
{
    Counters counters;
    counters.connections = m_shared->connections;
    counters.requests = m_shared->requests;
    counters.forwarded = m_shared->forwarded;
    counters.upstreamAnswered = m_shared->upstreamAnswered;
    counters.upstreamFailures = m_shared->upstreamFailures;
    counters.deadResets = m_shared->deadResets;
    for (std::size_t i = 0; i < FaultCount; ++i)
        counters.faults[i] = m_shared->faults[i];
    counters.batchRefused = m_shared->batchRefused;
    counters.rateLimited = m_shared->rateLimited;
    counters.rangeRefused = m_shared->rangeRefused;
    counters.resultsRefused = m_shared->resultsRefused;
    counters.callsAdmitted = m_shared->callsAdmitted;
    counters.largestBatchAdmitted = m_shared->largestBatchAdmitted;
    counters.largestBody = m_shared->largestBody;
    counters.diverted = m_shared->diverted;
    counters.logsByBlockHash = m_shared->logsByBlockHash;
    {
        const QMutexLocker locker(&m_shared->mutex);
        counters.callsByMethod = m_shared->callsByMethod;
        counters.faultedCallsByMethod = m_shared->faultedCallsByMethod;
    }
    return counters;
}

void FaultProxy::resetCounters()
{
    m_shared->connections = 0;
    m_shared->requests = 0;
    m_shared->forwarded = 0;
    m_shared->upstreamAnswered = 0;
    m_shared->upstreamFailures = 0;
    m_shared->deadResets = 0;
    for (auto &count : m_shared->faults)
        count = 0;
    m_shared->batchRefused = 0;
    m_shared->rateLimited = 0;
    m_shared->rangeRefused = 0;
    m_shared->resultsRefused = 0;
    m_shared->callsAdmitted = 0;
    m_shared->largestBatchAdmitted = 0;
    m_shared->largestBody = 0;
    m_shared->diverted = 0;
    m_shared->logsByBlockHash = 0;
    const QMutexLocker locker(&m_shared->mutex);
    m_shared->callsByMethod.clear();
    m_shared->faultedCallsByMethod.clear();
}

} // namespace arbor::test

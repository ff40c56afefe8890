#pragma once

#include "error.h"
#include "model/rpccalls.h"
#include "rpc/rpcclock.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcRpc)

namespace arbor {

class EndpointLimiter;
namespace rpchttp {
struct ResolvedUrl;
}

/**
 * A JSON-RPC 2.0 client for one EVM endpoint over HTTP(S), keep-alive through the shared
 * QNetworkAccessManager.
 *
 * Every request goes through the endpoint's EndpointLimiter (shared with the process's other
 * clients of the URL): it waits for the rate the operator set or Arbor learned, a 429 is waited
 * out (Retry-After) and sent again, up to 30 times, and learned from. An HTTP 5xx or a
 * connection closed under the request is tried again (setAttempts(), with backoff); a timeout, a
 * refused connection or a node's error answer is not.
 *
 * The URL may hold `${keychain:NAME}` or `${env:VAR}` placeholders: they are filled in for each
 * request (rpchttp::resolveUrl) and never appear in an error, which names the URL as written.
 *
 * Every failure comes back as an Error an operator can act on: the endpoint is unreachable,
 * TLS failed, HTTP error status, the body is not JSON or not a JSON-RPC response, the node
 * returned an error object, or no answer within the timeout. Hostile bodies are bounded
 * (size limit) and validated before anything reads them.
 *
 * Thread: lives on the thread of its QNetworkAccessManager; callbacks run there.
 */
class JsonRpcClient final : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(Result<QJsonValue>)>;
    using BodyCallback = std::function<void(Result<QByteArray>)>;

    JsonRpcClient(QNetworkAccessManager *network, QUrl url, QObject *parent = nullptr);

    const QUrl &url() const { return m_url; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }
    /// Tries per request for transient failures (HTTP 5xx, a dropped connection); default 3.
    void setAttempts(int attempts) { m_attempts = std::max(1, attempts); }
    /// 429s one request waits out before it fails; default 30.
    void setRateLimitedRetries(int retries) { m_rateLimitedRetries = std::max(0, retries); }

    /// Sends one call; `done` runs exactly once, on this object's thread.
    void call(const QString &method, const QJsonArray &params, Callback done);

    /**
     * Posts a JSON-RPC body of `weight` calls (a batch) and hands back the answer's body as it
     * came, for the caller to parse. A batch the endpoint refuses as too large is learned
     * (EndpointLimiter::batchLimit()) and reported as an error for which
     * evmjson::isBatchTooLarge() holds: send smaller batches. `done` runs exactly once.
     */
    void post(const QByteArray &body, int weight, BodyCallback done);

    /**
     * Counts every call this client sends into `calls` (RpcCalls::inRequest of each request body,
     * every attempt: retries and requests sent again after a 429 too), and in `failed` the calls
     * of a request that failed: no answer, an HTTP error or 429, a batch refused as too large,
     * and for call() a JSON-RPC error answer. A batch sent with post() that is answered counts
     * as answered: reading its elements is the caller's. Null (the default): nothing is counted.
     */
    void countCallsIn(std::shared_ptr<RpcCalls> calls) { m_calls = std::move(calls); }

    /// The endpoint's shared limiter: its learned batch size, rate and caps.
    EndpointLimiter &limiter() const { return *m_limiter; }

    /// Parses a JSON-RPC response body for the request with `id` (exposed for tests and fuzzing).
    static Result<QJsonValue> parseResponse(const QByteArray &body, qint64 id, const QUrl &url);

private:
    struct Post;
    void post(const QByteArray &body, int weight, const QString &what, BodyCallback done);
    void send(std::shared_ptr<Post> post);
    void transmit(std::shared_ptr<Post> post, const rpchttp::ResolvedUrl &target, RpcClock::TimePoint sentAt);

    QNetworkAccessManager *m_network;
    QUrl m_url;
    std::shared_ptr<EndpointLimiter> m_limiter;
    int m_timeoutMs = 10000;
    int m_attempts = 3;
    int m_rateLimitedRetries = 30;
    qint64 m_maxResponseBytes = 64 * 1024 * 1024;
    qint64 m_nextId = 1;
    std::shared_ptr<RpcCalls> m_calls;
};

/// Reads a JSON-RPC quantity ("0x1a") that must fit in a non-negative int64.
Result<qint64> quantityToInt64(const QJsonValue &value, const QString &field);
/// Writes `n` as a JSON-RPC quantity: "0x" and lowercase hex without leading zeros ("0x1a", "0x0").
QString int64ToQuantity(qint64 n);

} // namespace arbor

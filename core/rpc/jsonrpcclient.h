#pragma once

#include "error.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QLoggingCategory>
#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcRpc)

namespace arbor {

/**
 * A JSON-RPC 2.0 client for one EVM endpoint over HTTP(S), keep-alive through the shared
 * QNetworkAccessManager.
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

    JsonRpcClient(QNetworkAccessManager *network, QUrl url, QObject *parent = nullptr);

    const QUrl &url() const { return m_url; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void setMaxResponseBytes(qint64 bytes) { m_maxResponseBytes = bytes; }

    /// Sends one call; `done` runs exactly once, on this object's thread.
    void call(const QString &method, const QJsonArray &params, Callback done);

    /// Parses a JSON-RPC response body for the request with `id` (exposed for tests and fuzzing).
    static Result<QJsonValue> parseResponse(const QByteArray &body, qint64 id, const QUrl &url);

private:
    QNetworkAccessManager *m_network;
    QUrl m_url;
    int m_timeoutMs = 10000;
    qint64 m_maxResponseBytes = 64 * 1024 * 1024;
    qint64 m_nextId = 1;
};

/// Reads a JSON-RPC quantity ("0x1a") that must fit in a non-negative int64.
Result<qint64> quantityToInt64(const QJsonValue &value, const QString &field);

} // namespace arbor

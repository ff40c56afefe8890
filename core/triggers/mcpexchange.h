#pragma once

#include "triggers/actionhttp.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkRequest;
class QObject;

namespace arbor {

/**
 * Server-Sent Events as MCP's Streamable HTTP sends them: fed the stream in pieces, it
 * returns the `data` of each complete event (several `data:` lines joined by "\n"); `event`,
 * `id` and comment lines are read past.
 */
class SseReader
{
public:
    QList<QByteArray> feed(const QByteArray &bytes);
    /// The last event when the stream ended without a blank line after it.
    QList<QByteArray> finish();

private:
    QByteArray m_line;
    QByteArray m_data;
    bool m_hasData = false;
};

/// What one JSON-RPC message POSTed to an MCP endpoint came back with.
struct McpAnswer
{
    int httpStatus = 0;                      ///< 0 when no HTTP answer arrived
    QByteArray body;                         ///< as received, up to the response (SSE) or in full
    std::optional<QJsonObject> response;     ///< the JSON-RPC response to the message's id
    QByteArray sessionId;                    ///< the Mcp-Session-Id header, if any
    /// Set when the exchange failed below JSON-RPC: no answer (transport) or a non-2xx status,
    /// classified as Retry or Fail with an error naming the endpoint.
    std::optional<AttemptOutcome> failure;
};

/**
 * POSTs `message` (a JSON-RPC request or notification) and reads the answer as JSON or as an
 * event stream: for a request, the first JSON-RPC response whose id matches (or an error with
 * id null) ends the exchange, even while the server keeps the stream open; `done` gets it.
 * A notification (no id) ends with the HTTP answer (202 Accepted).
 *
 * `done` is called once, on `context`'s thread, never if `context` is destroyed first.
 */
void postMcpMessage(QNetworkAccessManager *network, QObject *context, const QNetworkRequest &request,
                    const QJsonObject &message, int timeoutMs, const QString &where, const Redactor &redactor,
                    std::function<void(McpAnswer)> done);

/// The JSON-RPC response to `id` among the JSON-RPC messages in `json` (an object or a batch).
std::optional<QJsonObject> jsonRpcResponse(const QByteArray &json, const QJsonValue &id);

} // namespace arbor

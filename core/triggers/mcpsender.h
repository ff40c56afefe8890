#pragma once

#include "error.h"
#include "triggers/outgoingdelivery.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkRequest;

namespace arbor {

struct McpAnswer;

/// One tool an MCP server offers (tools/list).
struct McpTool
{
    QString name;
    QString description;
};

/// What tools/list found at a server: how it spoke and what it offers.
struct McpToolList
{
    QString protocolVersion;   ///< the revision spoken: the stateless one or the negotiated 2025 one
    QList<McpTool> tools;      ///< in the server's order (every page)
};

/**
 * Sends MCP deliveries (ActionSender's part for ActionType::Mcp): one `tools/call` over
 * Streamable HTTP to the action's URL, or to the agent's endpoint (`payload.target`) when the
 * action resolves it, with the rendered arguments and the bearer token if one is set.
 *
 * It speaks the stateless revision first (StatelessVersion): MCP-Protocol-Version, Mcp-Method
 * and Mcp-Name headers and the protocol version, client capabilities and client info in
 * `params._meta`. When the server answers as an older one (HTTP 400, 404 or 405, or a
 * JSON-RPC error about sessions, initialisation or an unknown method), it falls back to the
 * 2025 handshake: `initialize` offering LegacyVersions' first, `notifications/initialized`,
 * then `tools/call` with the negotiated MCP-Protocol-Version and the Mcp-Session-Id. What
 * worked is remembered per URL (and token): later calls go straight to it, calls arriving
 * during a handshake wait for it, and a session the server has forgotten (HTTP 404) is
 * re-initialised once per call.
 *
 * Answers may be JSON or an event stream; the JSON-RPC response with the call's id decides:
 * a result is Success unless `isError` is true; a JSON-RPC error or `isError` is Fail.
 *
 * Thread: the thread of its QNetworkAccessManager; `done` is called there, always later.
 * Calls in progress when the sender is destroyed are dropped without a callback.
 */
class McpSender final : public QObject
{
    Q_OBJECT

public:
    enum class Revision { Unknown, Stateless2026, Legacy2025 };

    static const QString StatelessVersion;      ///< "2026-07-28"
    static const QStringList LegacyVersions;    ///< "2025-11-25", "2025-06-18", "2025-03-26"

    McpSender(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~McpSender() override;

    void send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done);
    /**
     * The tools the server at `url` offers (`tools/list`, every page), spoken as send() speaks
     * (the stateless revision first, else the 2025 handshake, remembered alike): an action's
     * connection test. Fails with what the server or the network said, the token never in it.
     */
    void listTools(const QUrl &url, const QString &token, int timeoutMs, std::function<void(Result<McpToolList>)> done);

    /// What has been learnt about the server at `url` called with `token` (empty for none).
    Revision revisionOf(const QString &url, const QString &token = {}) const;

private:
    struct Call;
    struct Endpoint
    {
        Revision revision = Revision::Unknown;
        QString version;          // negotiated by initialize
        QByteArray sessionId;     // may stay empty: a server need not use sessions
        bool ready = false;       // initialize and notifications/initialized done
        bool initializing = false;
        QList<std::shared_ptr<Call>> waiting;
    };

    static QString endpointKey(const QString &url, const QString &token);
    QNetworkRequest request(const Call &call) const;
    QJsonObject message(const QString &method, const QJsonObject &params);
    static QJsonObject callParams(const Call &call);

    void callStateless(const std::shared_ptr<Call> &call);
    void statelessAnswered(const std::shared_ptr<Call> &call, const McpAnswer &answer);
    void callLegacy(const std::shared_ptr<Call> &call);
    void initialize(const QString &key);
    void notifyInitialized(const QString &key, const std::shared_ptr<Call> &call);
    void handshakeFailed(const QString &key, AttemptOutcome outcome);
    void callWithSession(const std::shared_ptr<Call> &call);
    void finish(const std::shared_ptr<Call> &call, AttemptOutcome outcome);

    QNetworkAccessManager *m_network;
    QHash<QString, Endpoint> m_endpoints;
    qint64 m_nextId = 1;
};

} // namespace arbor

#include "triggers/mcpsender.h"

#include "triggers/actionhttp.h"
#include "triggers/actionsender.h"
#include "triggers/mcpexchange.h"
#include "net/outboundguard.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QPointer>

namespace arbor {

const QString McpSender::StatelessVersion = QStringLiteral("2026-07-28");
const QStringList McpSender::LegacyVersions = {QStringLiteral("2025-11-25"), QStringLiteral("2025-06-18"),
                                               QStringLiteral("2025-03-26")};

struct McpSender::Call
{
    QString key;
    QUrl url;
    QHostAddress address;    // the agent's endpoint: where the outbound guard checked its host
    QString where;
    QString tool;
    QJsonObject arguments;
    QString token;
    int timeoutMs = Action::DefaultTimeoutMs;
    Redactor redactor;
    QElapsedTimer clock;
    bool reinitialised = false;
    QString statelessNote;   // what the stateless request got, when it led to the fallback
    QString method = QStringLiteral("tools/call");   // or "tools/list"
    QString cursor;          // tools/list: the page asked for
    std::function<void(AttemptOutcome)> done;
    std::function<void(const McpAnswer &)> answered;   // tools/list: the answer, instead of an outcome
};

namespace {

QJsonObject clientInfo()
{
    return {{QStringLiteral("name"), QStringLiteral("arbor")}, {QStringLiteral("version"), QStringLiteral(ARBOR_VERSION)}};
}

QJsonObject rpcError(const McpAnswer &answer)
{
    return answer.response ? answer.response->value(QLatin1String("error")).toObject() : QJsonObject();
}

// How servers of the 2025 revisions refuse a request without a session: HTTP 400 ("Bad
// Request: No valid session ID provided"), 404 or 405, or a JSON-RPC error about the session,
// initialisation, the protocol version or the method.
bool soundsLikeOlderServer(const McpAnswer &answer)
{
    if (answer.httpStatus == 400 || answer.httpStatus == 404 || answer.httpStatus == 405)
        return true;
    const QJsonObject error = rpcError(answer);
    if (error.isEmpty())
        return false;
    const int code = error.value(QLatin1String("code")).toInt();
    if (code == -32600 || code == -32601 || code == -32004)
        return true;
    const QString message = error.value(QLatin1String("message")).toString();
    return message.contains(QLatin1String("session"), Qt::CaseInsensitive)
           || message.contains(QLatin1String("initializ"), Qt::CaseInsensitive)
           || message.contains(QLatin1String("protocol version"), Qt::CaseInsensitive);
}

/// One line on what a refused exchange got, for errors that tell both attempts.
QString answerSummary(const McpAnswer &answer, const Redactor &redactor)
{
    const QJsonObject error = rpcError(answer);
    if (!error.isEmpty()) {
        return ActionText::tr("HTTP %1, JSON-RPC error %2: %3")
            .arg(answer.httpStatus)
            .arg(error.value(QLatin1String("code")).toInt())
            .arg(redactor.apply(error.value(QLatin1String("message")).toString()));
    }
    if (answer.failure)
        return answer.failure->error;
    return ActionText::tr("HTTP %1").arg(answer.httpStatus);
}

QString toolErrorText(const QJsonObject &result)
{
    QStringList texts;
    for (const QJsonValue item : result.value(QLatin1String("content")).toArray()) {
        if (item[QLatin1String("type")].toString() == QLatin1String("text"))
            texts.append(item[QLatin1String("text")].toString());
    }
    QString text = texts.join(QLatin1Char(' ')).simplified();
    if (text.size() > 300)
        text = text.left(300) + QChar(0x2026);
    return text;
}

/// The outcome of a tools/call exchange: the JSON-RPC response decides when there is one.
AttemptOutcome toolOutcome(const QString &tool, const QString &where, const McpAnswer &answer, const Redactor &redactor)
{
    AttemptOutcome outcome = answer.failure.value_or(AttemptOutcome{});
    outcome.httpStatus = answer.httpStatus;
    if (!answer.response) {
        if (!answer.failure) {
            outcome.kind = AttemptOutcome::Kind::Retry;
            outcome.error = ActionText::tr("%1 answered HTTP %2 without a JSON-RPC response to the tool call.")
                                .arg(where).arg(answer.httpStatus);
            outcome.responseExcerpt = actionhttp::excerpt(answer.body, redactor);
        }
        return outcome;
    }
    outcome.responseExcerpt = actionhttp::excerpt(QJsonDocument(*answer.response).toJson(QJsonDocument::Compact), redactor);
    const QJsonObject error = rpcError(answer);
    // A refused token is told as for any action ("refused the credentials (HTTP 401)... check the
    // secret"), whatever JSON-RPC error the body carries; the body stays in the excerpt.
    if (answer.failure && (answer.httpStatus == 401 || answer.httpStatus == 403))
        return outcome;
    if (!error.isEmpty()) {
        if (outcome.kind != AttemptOutcome::Kind::Retry)
            outcome.kind = AttemptOutcome::Kind::Fail;
        outcome.code.clear();   // the server's own words say more than its HTTP status
        outcome.error = ActionText::tr("%1 refused the call of %2: JSON-RPC error %3: %4")
                            .arg(where, tool)
                            .arg(error.value(QLatin1String("code")).toInt())
                            .arg(redactor.apply(error.value(QLatin1String("message")).toString()));
        return outcome;
    }
    const QJsonObject result = answer.response->value(QLatin1String("result")).toObject();
    if (result.value(QLatin1String("isError")).toBool()) {
        outcome.kind = AttemptOutcome::Kind::Fail;
        outcome.code.clear();
        const QString text = redactor.apply(toolErrorText(result));
        outcome.error = text.isEmpty() ? ActionText::tr("The tool %1 at %2 reported an error.").arg(tool, where)
                                       : ActionText::tr("The tool %1 at %2 reported an error: %3").arg(tool, where, text);
        return outcome;
    }
    outcome.kind = AttemptOutcome::Kind::Success;
    outcome.error.clear();
    outcome.code.clear();
    return outcome;
}

} // namespace

McpSender::McpSender(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
}

McpSender::~McpSender() = default;

QString McpSender::endpointKey(const QString &url, const QString &token)
{
    const QByteArray digest = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return url + QLatin1Char('\n') + QString::fromLatin1(digest);
}

McpSender::Revision McpSender::revisionOf(const QString &url, const QString &token) const
{
    return m_endpoints.value(endpointKey(url, token)).revision;
}

void McpSender::send(const OutgoingDelivery &delivery, std::function<void(AttemptOutcome)> done)
{
    const Action &action = delivery.action;
    const QString target = delivery.payload.target.isEmpty() ? action.url : delivery.payload.target;
    const QUrl url(target);
    const QJsonDocument arguments = delivery.payload.body.isEmpty() ? QJsonDocument(QJsonObject())
                                                                    : QJsonDocument::fromJson(delivery.payload.body);
    QString error;
    if (!actionhttp::isHttpUrl(url))
        error = ActionText::tr("The MCP endpoint \"%1\" is not an http:// or https:// URL.").arg(actionhttp::displayUrl(url));
    else if (action.tool.trimmed().isEmpty())
        error = ActionText::tr("The MCP action names no tool.");
    else if (!arguments.isObject())
        error = ActionText::tr("The MCP tool arguments are not a JSON object.");
    if (!error.isEmpty()) {
        AttemptOutcome outcome;
        outcome.kind = AttemptOutcome::Kind::Fail;
        outcome.error = error;
        QMetaObject::invokeMethod(this, [done = std::move(done), outcome] { done(outcome); }, Qt::QueuedConnection);
        return;
    }

    auto call = std::make_shared<Call>();
    call->key = endpointKey(target, delivery.secrets.mcpToken);
    call->url = url;
    if (!delivery.payload.target.isEmpty())
        call->address = delivery.payload.targetAddress;
    call->where = actionhttp::displayUrl(url);
    call->tool = action.tool.trimmed();
    call->arguments = arguments.object();
    call->token = delivery.secrets.mcpToken;
    call->timeoutMs = action.timeoutMs;
    call->redactor = Redactor(delivery.secrets.values());
    call->clock.start();
    call->done = std::move(done);
    if (m_endpoints.value(call->key).revision == Revision::Legacy2025)
        callLegacy(call);
    else
        callStateless(call);
}

QNetworkRequest McpSender::request(const Call &call) const
{
    QNetworkRequest request;
    pinToCheckedAddress(request, call.url, call.address);
    actionhttp::prepare(request, call.timeoutMs);
    request.setRawHeader("Content-Type", "application/json");
    request.setRawHeader("Accept", "application/json, text/event-stream");
    if (!call.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + call.token.toUtf8());
    return request;
}

QJsonObject McpSender::message(const QString &method, const QJsonObject &params)
{
    return {
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("id"), m_nextId++},
        {QStringLiteral("method"), method},
        {QStringLiteral("params"), params},
    };
}

void McpSender::callStateless(const std::shared_ptr<Call> &call)
{
    QNetworkRequest request = this->request(*call);
    request.setRawHeader("MCP-Protocol-Version", StatelessVersion.toLatin1());
    request.setRawHeader("Mcp-Method", call->method.toLatin1());
    if (call->answered == nullptr)
        request.setRawHeader("Mcp-Name", call->tool.toUtf8());
    const QJsonObject meta{
        {QStringLiteral("io.modelcontextprotocol/protocolVersion"), StatelessVersion},
        {QStringLiteral("io.modelcontextprotocol/clientCapabilities"), QJsonObject()},
        {QStringLiteral("io.modelcontextprotocol/clientInfo"), clientInfo()},
    };
    QJsonObject params = callParams(*call);
    params.insert(QStringLiteral("_meta"), meta);
    postMcpMessage(m_network, this, request, message(call->method, params), call->timeoutMs, call->where,
                   call->redactor, [this, call](McpAnswer answer) { statelessAnswered(call, answer); });
}

void McpSender::statelessAnswered(const std::shared_ptr<Call> &call, const McpAnswer &answer)
{
    Endpoint &endpoint = m_endpoints[call->key];
    if (soundsLikeOlderServer(answer)) {
        if (endpoint.revision == Revision::Unknown) {
            call->statelessNote = answerSummary(answer, call->redactor);
            qCDebug(lcActions) << "MCP server" << call->where << "refused the stateless revision; trying the 2025 handshake";
            callLegacy(call);
            return;
        }
        // It spoke the stateless revision before: ask again from scratch on the next attempt.
        endpoint.revision = Revision::Unknown;
    } else if (!answer.failure && answer.response && answer.response->contains(QLatin1String("result"))) {
        endpoint.revision = Revision::Stateless2026;
    }
    if (call->answered) {
        call->answered(answer);
        return;
    }
    finish(call, toolOutcome(call->tool, call->where, answer, call->redactor));
}

void McpSender::callLegacy(const std::shared_ptr<Call> &call)
{
    Endpoint &endpoint = m_endpoints[call->key];
    if (endpoint.ready) {
        callWithSession(call);
        return;
    }
    endpoint.waiting.append(call);
    if (!endpoint.initializing) {
        endpoint.initializing = true;
        initialize(call->key);
    }
}

void McpSender::initialize(const QString &key)
{
    const std::shared_ptr<Call> first = m_endpoints.value(key).waiting.value(0);
    const QJsonObject params{
        {QStringLiteral("protocolVersion"), LegacyVersions.first()},
        {QStringLiteral("capabilities"), QJsonObject()},
        {QStringLiteral("clientInfo"), clientInfo()},
    };
    postMcpMessage(m_network, this, request(*first), message(QStringLiteral("initialize"), params), first->timeoutMs,
                   first->where, first->redactor, [this, key, first](McpAnswer answer) {
        const QJsonObject error = rpcError(answer);
        if (!error.isEmpty() || (answer.failure && answer.failure->kind == AttemptOutcome::Kind::Fail)) {
            AttemptOutcome outcome = answer.failure.value_or(AttemptOutcome{});
            // A refusal ends the calls that wait; an HTTP status that asks to try again (5xx,
            // 429, with or without a JSON-RPC error in its body) leaves them to their retries.
            if (outcome.kind != AttemptOutcome::Kind::Retry)
                outcome.kind = AttemptOutcome::Kind::Fail;
            outcome.httpStatus = answer.httpStatus;
            outcome.error = outcome.kind == AttemptOutcome::Kind::Retry
                ? ActionText::tr("%1 failed initialize: %2").arg(first->where, answerSummary(answer, first->redactor))
                : ActionText::tr("%1 refused initialize: %2").arg(first->where, answerSummary(answer, first->redactor));
            handshakeFailed(key, outcome);
            return;
        }
        if (answer.failure) {
            handshakeFailed(key, *answer.failure);
            return;
        }
        const QString version = answer.response ? answer.response->value(QLatin1String("result"))
                                                      [QLatin1String("protocolVersion")].toString()
                                                : QString();
        if (!LegacyVersions.contains(version)) {
            AttemptOutcome outcome;
            outcome.kind = AttemptOutcome::Kind::Fail;
            outcome.httpStatus = answer.httpStatus;
            outcome.responseExcerpt = actionhttp::excerpt(answer.body, first->redactor);
            outcome.error = version.isEmpty()
                                ? ActionText::tr("%1 answered initialize without a protocol version.").arg(first->where)
                                : ActionText::tr("%1 speaks MCP %2; Arbor speaks %3 and %4.")
                                      .arg(first->where, version, StatelessVersion, LegacyVersions.join(QLatin1String(", ")));
            handshakeFailed(key, outcome);
            return;
        }
        Endpoint &endpoint = m_endpoints[key];
        endpoint.version = version;
        endpoint.sessionId = answer.sessionId;
        notifyInitialized(key, first);
    });
}

void McpSender::notifyInitialized(const QString &key, const std::shared_ptr<Call> &call)
{
    const Endpoint &endpoint = m_endpoints[key];
    QNetworkRequest request = this->request(*call);
    request.setRawHeader("MCP-Protocol-Version", endpoint.version.toLatin1());
    if (!endpoint.sessionId.isEmpty())
        request.setRawHeader("Mcp-Session-Id", endpoint.sessionId);
    const QJsonObject notification{
        {QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
        {QStringLiteral("method"), QStringLiteral("notifications/initialized")},
    };
    postMcpMessage(m_network, this, request, notification, call->timeoutMs, call->where, call->redactor,
                   [this, key](McpAnswer answer) {
        if (answer.failure) {
            handshakeFailed(key, *answer.failure);
            return;
        }
        Endpoint &endpoint = m_endpoints[key];
        endpoint.ready = true;
        endpoint.initializing = false;
        endpoint.revision = Revision::Legacy2025;
        qCDebug(lcActions) << "MCP server speaks" << endpoint.version << (endpoint.sessionId.isEmpty() ? "without" : "with")
                           << "a session";
        const QList<std::shared_ptr<Call>> waiting = std::exchange(endpoint.waiting, {});
        for (const auto &call : waiting)
            callWithSession(call);
    });
}

void McpSender::handshakeFailed(const QString &key, AttemptOutcome outcome)
{
    Endpoint &endpoint = m_endpoints[key];
    endpoint.initializing = false;
    endpoint.ready = false;
    endpoint.sessionId.clear();
    const QList<std::shared_ptr<Call>> waiting = std::exchange(endpoint.waiting, {});
    const QPointer<McpSender> self(this);
    for (const auto &call : waiting) {
        if (!self)
            return;
        AttemptOutcome own = outcome;
        if (!call->statelessNote.isEmpty()) {
            own.error = ActionText::tr("%1 does not accept the call of %2: the stateless request got %3; "
                                       "the 2025 handshake: %4")
                            .arg(call->where, call->tool, call->statelessNote, outcome.error);
        }
        finish(call, own);
    }
}

void McpSender::callWithSession(const std::shared_ptr<Call> &call)
{
    const Endpoint &endpoint = m_endpoints[call->key];
    const QByteArray session = endpoint.sessionId;
    QNetworkRequest request = this->request(*call);
    request.setRawHeader("MCP-Protocol-Version", endpoint.version.toLatin1());
    if (!session.isEmpty())
        request.setRawHeader("Mcp-Session-Id", session);
    postMcpMessage(m_network, this, request, message(call->method, callParams(*call)), call->timeoutMs, call->where,
                   call->redactor, [this, call, session](McpAnswer answer) {
        if (answer.httpStatus == 404 && !session.isEmpty() && !call->reinitialised) {
            // The server forgot the session (restart, expiry): a new handshake, once per call.
            call->reinitialised = true;
            Endpoint &endpoint = m_endpoints[call->key];
            if (endpoint.ready && endpoint.sessionId == session) {
                endpoint.ready = false;
                endpoint.sessionId.clear();
            }
            callLegacy(call);
            return;
        }
        if (call->answered) {
            call->answered(answer);
            return;
        }
        finish(call, toolOutcome(call->tool, call->where, answer, call->redactor));
    });
}

QJsonObject McpSender::callParams(const Call &call)
{
    if (call.method == u"tools/list")
        return call.cursor.isEmpty() ? QJsonObject() : QJsonObject{{QStringLiteral("cursor"), call.cursor}};
    return {{QStringLiteral("name"), call.tool}, {QStringLiteral("arguments"), call.arguments}};
}

void McpSender::listTools(const QUrl &url, const QString &token, int timeoutMs, std::function<void(Result<McpToolList>)> done)
{
    if (!actionhttp::isHttpUrl(url)) {
        const Error error = Error::invalid(QStringLiteral("url"), ActionText::tr("The MCP endpoint \"%1\" is not an http:// or https:// URL.")
                                                                      .arg(actionhttp::displayUrl(url)));
        QMetaObject::invokeMethod(this, [done = std::move(done), error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    auto found = std::make_shared<McpToolList>();
    auto call = std::make_shared<Call>();
    call->key = endpointKey(url.toString(), token);
    call->url = url;
    call->where = actionhttp::displayUrl(url);
    call->token = token;
    call->timeoutMs = timeoutMs;
    call->redactor = Redactor(token.isEmpty() ? QStringList() : QStringList{token});
    call->method = QStringLiteral("tools/list");
    call->clock.start();
    call->done = [done](AttemptOutcome outcome) { done(Error::unavailable(QStringLiteral("mcp"), outcome.error)); };
    // Each page's answer: its tools, then the next page while the server gives a cursor.
    std::weak_ptr<Call> weak = call;
    call->answered = [this, weak, found, done](const McpAnswer &answer) {
        const std::shared_ptr<Call> call = weak.lock();
        if (!call)
            return;
        const QJsonObject error = rpcError(answer);
        if (!answer.response || !error.isEmpty() || (answer.failure && answer.failure->kind != AttemptOutcome::Kind::Success)) {
            const QString said = answer.failure ? answer.failure->error : answerSummary(answer, call->redactor);
            const QString text = call->statelessNote.isEmpty()
                                     ? ActionText::tr("%1 did not list its tools: %2").arg(call->where, said)
                                     : ActionText::tr("%1 did not list its tools: the stateless request got %2; the 2025 handshake: %3")
                                           .arg(call->where, call->statelessNote, said);
            done(Error::unavailable(QStringLiteral("mcp"), text));
            return;
        }
        const QJsonObject result = answer.response->value(QLatin1String("result")).toObject();
        for (const QJsonValue tool : result.value(QLatin1String("tools")).toArray())
            found->tools.append({tool[QLatin1String("name")].toString(), tool[QLatin1String("description")].toString()});
        const Endpoint &endpoint = m_endpoints.value(call->key);
        found->protocolVersion = endpoint.revision == Revision::Legacy2025 ? endpoint.version : StatelessVersion;
        const QString next = result.value(QLatin1String("nextCursor")).toString();
        if (!next.isEmpty() && next != call->cursor && found->tools.size() < 10000) {
            call->cursor = next;
            if (endpoint.revision == Revision::Legacy2025)
                callWithSession(call);
            else
                callStateless(call);
            return;
        }
        done(*found);
    };
    // The requests in flight hold the call; its answer callback holds it only weakly.
    if (m_endpoints.value(call->key).revision == Revision::Legacy2025)
        callLegacy(call);
    else
        callStateless(call);
}

void McpSender::finish(const std::shared_ptr<Call> &call, AttemptOutcome outcome)
{
    outcome.durationMs = call->clock.elapsed();
    call->done(outcome);
}

} // namespace arbor

#include "mcptestserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace arbor::test {

const QString McpTestServer::StatelessVersion = u"2026-07-28"_s;

namespace {

QJsonObject result(const QJsonValue &id, const QJsonObject &result)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, result}};
}

QByteArray sseEvent(const QJsonObject &message, int eventId)
{
    return "event: message\nid: " + QByteArray::number(eventId) + "\ndata: "
           + QJsonDocument(message).toJson(QJsonDocument::Compact) + "\n\n";
}

} // namespace

McpTestServer::McpTestServer(Revision revision, Answer answer)
    : m_revision(revision),
      m_answer(answer),
      m_versions{u"2025-11-25"_s, u"2025-06-18"_s, u"2025-03-26"_s},
      m_isErrorWhen([](const QString &, const QJsonObject &arguments) { return arguments.value(u"fail"_s).toBool(); }),
      m_server([this](const HttpRequest &request) { return handle(request); })
{
}

McpTestServer::~McpTestServer()
{
    m_server.stop();
}

bool McpTestServer::start(QString *error)
{
    return m_server.start(error);
}

void McpTestServer::stop()
{
    m_server.stop();
}

QUrl McpTestServer::url() const
{
    return m_server.url(u"/mcp"_s);
}

HttpTestServer &McpTestServer::server()
{
    return m_server;
}

McpTestServer::Revision McpTestServer::revision() const
{
    return m_revision;
}

void McpTestServer::setAnswer(Answer answer)
{
    const QMutexLocker locker(&m_mutex);
    m_answer = answer;
}

void McpTestServer::setToken(const QString &token)
{
    const QMutexLocker locker(&m_mutex);
    m_token = token;
}

void McpTestServer::setSupportedVersions(const QStringList &versions)
{
    const QMutexLocker locker(&m_mutex);
    m_versions = versions;
}

void McpTestServer::setTools(const QStringList &tools)
{
    const QMutexLocker locker(&m_mutex);
    m_tools = tools;
}

void McpTestServer::setIsErrorWhen(std::function<bool(const QString &, const QJsonObject &)> predicate)
{
    const QMutexLocker locker(&m_mutex);
    m_isErrorWhen = std::move(predicate);
}

void McpTestServer::expireSessions()
{
    const QMutexLocker locker(&m_mutex);
    m_sessions.clear();
}

void McpTestServer::failInitialize(int count)
{
    const QMutexLocker locker(&m_mutex);
    m_initializeFailures = count;
}

HttpResponse McpTestServer::refuse(int status, int code, const QString &message, const QJsonValue &id)
{
    m_refusals.append(message);
    const QJsonObject error{{u"code"_s, code}, {u"message"_s, message}};
    return HttpResponse::json(status, {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, error}});
}

HttpResponse McpTestServer::answer(const QJsonObject &response) const
{
    if (m_answer == Answer::Json)
        return HttpResponse::json(200, response);
    HttpResponse stream;
    stream.contentType = "text/event-stream";
    // A server may send notifications before the response; a client must look for its id.
    const QJsonObject log{
        {u"jsonrpc"_s, u"2.0"_s},
        {u"method"_s, u"notifications/message"_s},
        {u"params"_s, QJsonObject{{u"level"_s, u"info"_s}, {u"data"_s, u"working on it"_s}}},
    };
    stream.body = ": stream opened\n\n" + sseEvent(log, 1) + sseEvent(response, 2);
    stream.holdOpen = m_answer == Answer::SseHeldOpen;
    return stream;
}

HttpResponse McpTestServer::handle(const HttpRequest &request)
{
    const QMutexLocker locker(&m_mutex);
    if (request.path() != "/mcp")
        return refuse(404, -32600, u"Not Found"_s, QJsonValue::Null);
    if (!m_token.isEmpty() && request.header("Authorization") != "Bearer " + m_token.toUtf8())
        return refuse(401, -32001, u"Unauthorized"_s, QJsonValue::Null);
    if (request.method == "DELETE" && m_revision == Revision::Legacy2025) {
        if (m_sessions.remove(request.header("Mcp-Session-Id")) == 0)
            return refuse(404, -32001, u"Session not found"_s, QJsonValue::Null);
        return HttpResponse::empty(200);
    }
    if (request.method != "POST")
        return refuse(405, -32000, u"Method Not Allowed"_s, QJsonValue::Null);
    const QByteArray accept = request.header("Accept");
    if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
        return refuse(m_revision == Revision::Legacy2025 ? 406 : 400, -32000,
                      u"Not Acceptable: Client must accept both application/json and text/event-stream"_s, QJsonValue::Null);
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject() || document.object().value(u"jsonrpc"_s) != u"2.0"_s)
        return refuse(400, -32700, u"Parse error"_s, QJsonValue::Null);
    return m_revision == Revision::Stateless2026 ? handleStateless(request, document.object())
                                                 : handleLegacy(request, document.object());
}

HttpResponse McpTestServer::handleStateless(const HttpRequest &request, const QJsonObject &message)
{
    const QJsonValue id = message.value(u"id"_s);
    const QString method = message.value(u"method"_s).toString();
    const QJsonObject params = message.value(u"params"_s).toObject();
    if (request.header("MCP-Protocol-Version") != StatelessVersion.toUtf8())
        return refuse(400, -32600, u"Bad Request: MCP-Protocol-Version must be %1"_s.arg(StatelessVersion), id);
    if (request.header("Mcp-Method") != method.toUtf8())
        return refuse(400, -32600, u"Bad Request: the Mcp-Method header does not match the body's method"_s, id);
    if (id.isUndefined())
        return HttpResponse::empty(202);   // a notification
    const QJsonObject meta = params.value(u"_meta"_s).toObject();
    const QJsonObject clientInfo = meta.value(u"io.modelcontextprotocol/clientInfo"_s).toObject();
    if (meta.value(u"io.modelcontextprotocol/protocolVersion"_s).toString() != StatelessVersion
        || !meta.value(u"io.modelcontextprotocol/clientCapabilities"_s).isObject()
        || clientInfo.value(u"name"_s).toString().isEmpty() || clientInfo.value(u"version"_s).toString().isEmpty()) {
        return refuse(400, -32602, u"Invalid params: _meta must carry the protocol version, client capabilities "
                                   "and client info"_s, id);
    }
    if (method == "tools/call"_L1) {
        if (request.header("Mcp-Name") != params.value(u"name"_s).toString().toUtf8())
            return refuse(400, -32600, u"Bad Request: the Mcp-Name header does not match params.name"_s, id);
        return toolsCall(request, message, StatelessVersion, {});
    }
    if (method == "tools/list"_L1)
        return answer(result(id, {{u"tools"_s, QJsonArray()}}));
    return refuse(200, -32601, u"Method not found: %1"_s.arg(method), id);
}

HttpResponse McpTestServer::handleLegacy(const HttpRequest &request, const QJsonObject &message)
{
    const QJsonValue id = message.value(u"id"_s);
    const QString method = message.value(u"method"_s).toString();
    const QJsonObject params = message.value(u"params"_s).toObject();
    if (method == "initialize"_L1) {
        ++m_initializeCount;
        if (m_initializeFailures > 0) {
            --m_initializeFailures;
            return refuse(500, -32603, u"Internal server error"_s, QJsonValue::Null);
        }
        const QString asked = params.value(u"protocolVersion"_s).toString();
        if (asked.isEmpty() || !params.value(u"clientInfo"_s).isObject())
            return refuse(400, -32602, u"Invalid params: protocolVersion and clientInfo are required"_s, id);
        const QString version = m_versions.contains(asked) ? asked : m_versions.value(0);
        const QByteArray session = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        m_sessions.insert(session, Session{version, false});
        HttpResponse response = answer(result(id, {
            {u"protocolVersion"_s, version},
            {u"capabilities"_s, QJsonObject{{u"tools"_s, QJsonObject{{u"listChanged"_s, false}}}}},
            {u"serverInfo"_s, QJsonObject{{u"name"_s, u"arbor-test-mcp"_s}, {u"version"_s, u"1.0.0"_s}}},
        }));
        response.headers.append({"Mcp-Session-Id", session});
        return response;
    }
    const QByteArray session = request.header("Mcp-Session-Id");
    if (session.isEmpty())
        return refuse(400, -32000, u"Bad Request: No valid session ID provided"_s, QJsonValue::Null);
    const auto it = m_sessions.find(session);
    if (it == m_sessions.end())
        return refuse(404, -32001, u"Session not found"_s, QJsonValue::Null);
    const QByteArray version = request.header("MCP-Protocol-Version");
    if (!version.isEmpty() && version != it->version.toUtf8())
        return refuse(400, -32000, u"Bad Request: Unsupported protocol version: %1"_s.arg(QString::fromUtf8(version)), id);
    if (method == "notifications/initialized"_L1) {
        it->initialized = true;
        ++m_initializedCount;
        return HttpResponse::empty(202);
    }
    if (id.isUndefined())
        return HttpResponse::empty(202);
    if (!it->initialized)
        return refuse(400, -32000, u"Bad Request: Server not initialized"_s, id);
    if (method == "tools/call"_L1)
        return toolsCall(request, message, it->version, session);
    if (method == "tools/list"_L1)
        return answer(result(id, {{u"tools"_s, QJsonArray()}}));
    return refuse(200, -32601, u"Method not found: %1"_s.arg(method), id);
}

HttpResponse McpTestServer::toolsCall(const HttpRequest &request, const QJsonObject &message, const QString &version,
                                      const QByteArray &session)
{
    const QJsonValue id = message.value(u"id"_s);
    const QJsonObject params = message.value(u"params"_s).toObject();
    Call call;
    call.tool = params.value(u"name"_s).toString();
    call.arguments = params.value(u"arguments"_s).toObject();
    const QByteArray headerVersion = request.header("MCP-Protocol-Version");
    call.protocolVersion = headerVersion.isEmpty() ? version : QString::fromUtf8(headerVersion);
    call.sessionId = session;
    call.meta = params.value(u"_meta"_s).toObject();
    call.authorization = request.header("Authorization");
    call.host = request.header("Host");
    call.receivedAt = request.receivedAt;
    if (!m_tools.isEmpty() && !m_tools.contains(call.tool))
        return refuse(200, -32602, u"Unknown tool: %1"_s.arg(call.tool), id);
    call.isError = m_isErrorWhen && m_isErrorWhen(call.tool, call.arguments);
    const QString text = call.isError ? u"The tool failed, as the test asked."_s
                                      : QString::fromUtf8(QJsonDocument(call.arguments).toJson(QJsonDocument::Compact));
    m_calls.append(call);
    return answer(result(id, {
        {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}},
        {u"isError"_s, call.isError},
    }));
}

QList<McpTestServer::Call> McpTestServer::calls() const
{
    const QMutexLocker locker(&m_mutex);
    return m_calls;
}

int McpTestServer::initializeCount() const
{
    const QMutexLocker locker(&m_mutex);
    return m_initializeCount;
}

int McpTestServer::initializedCount() const
{
    const QMutexLocker locker(&m_mutex);
    return m_initializedCount;
}

QStringList McpTestServer::refusals() const
{
    const QMutexLocker locker(&m_mutex);
    return m_refusals;
}

void McpTestServer::clear()
{
    const QMutexLocker locker(&m_mutex);
    m_calls.clear();
    m_refusals.clear();
    m_initializeCount = 0;
    m_initializedCount = 0;
}

} // namespace arbor::test

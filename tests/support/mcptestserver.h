#pragma once

#include "httptestserver.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <chrono>
#include <functional>

namespace arbor::test {

/**
 * An MCP server over Streamable HTTP at http://127.0.0.1:port/mcp, in one of two revisions,
 * strict about what each requires, so a client that gets a tool called has spoken it right.
 *
 * Stateless2026 (protocol 2026-07-28): every POST carries `MCP-Protocol-Version: 2026-07-28`,
 * `Mcp-Method` equal to the body's method, for tools/call `Mcp-Name` equal to params.name,
 * `Accept` naming application/json and text/event-stream, and `params._meta` with
 * "io.modelcontextprotocol/protocolVersion" (2026-07-28), ".../clientCapabilities" and
 * ".../clientInfo" (name, version). Anything else is refused with HTTP 400 and a JSON-RPC
 * error; there is no initialize.
 *
 * Legacy2025 (2025-11-25, 2025-06-18 or 2025-03-26): `initialize` answers the client's version
 * if supported (else its own newest) and an `Mcp-Session-Id`; `notifications/initialized`
 * with that session gets 202; only then `tools/call` with the session (and, when sent, the
 * negotiated MCP-Protocol-Version). A request without a session gets 400 "Bad Request: No
 * valid session ID provided", as the 2025 SDKs answer; an unknown or expired session 404.
 *
 * Any tool name is served unless setTools() lists them (others: JSON-RPC error -32602). A
 * call returns its arguments as text content; it returns `isError: true` when the predicate
 * of setIsErrorWhen() says so (by default when the arguments hold "fail": true). Answers are
 * JSON, or an event stream (a log notification first, then the response), or an event stream
 * the server keeps open after the response.
 *
 * Threads: as HttpTestServer; the other functions may be called from any thread.
 */
class McpTestServer final
{
public:
    enum class Revision { Stateless2026, Legacy2025 };
    enum class Answer { Json, Sse, SseHeldOpen };

    static const QString StatelessVersion;   ///< "2026-07-28"

    struct Call
    {
        QString tool;
        QJsonObject arguments;
        QString protocolVersion;   ///< the header's, or the session's when none was sent
        QByteArray sessionId;
        QJsonObject meta;          ///< params._meta
        QByteArray authorization;
        QByteArray host;           ///< the Host header
        bool isError = false;
        std::chrono::steady_clock::time_point receivedAt;
    };

    explicit McpTestServer(Revision revision, Answer answer = Answer::Json);
    ~McpTestServer();

    bool start(QString *error = nullptr);
    void stop();
    QUrl url() const;   ///< http://127.0.0.1:port/mcp
    HttpTestServer &server();
    Revision revision() const;

    void setAnswer(Answer answer);
    /// Require "Authorization: Bearer <token>" (401 otherwise); empty: no check.
    void setToken(const QString &token);
    /// Legacy2025: the versions initialize accepts, newest first.
    void setSupportedVersions(const QStringList &versions);
    /// The tools served; empty: any name.
    void setTools(const QStringList &tools);
    void setIsErrorWhen(std::function<bool(const QString &tool, const QJsonObject &arguments)> predicate);
    /// Legacy2025: forget every session, as a restarted server does.
    void expireSessions();
    /// Legacy2025: answer the next `count` initialize requests HTTP 500 with a JSON-RPC error,
    /// as the official SDK's transport does when the server throws.
    void failInitialize(int count);

    QList<Call> calls() const;               ///< tools/call requests served, isError ones included
    int initializeCount() const;
    int initializedCount() const;            ///< notifications/initialized accepted
    QStringList refusals() const;            ///< the message of each refusal (HTTP 4xx or JSON-RPC error)
    void clear();

private:
    struct Session
    {
        QString version;
        bool initialized = false;
    };

    HttpResponse handle(const HttpRequest &request);
    HttpResponse handleStateless(const HttpRequest &request, const QJsonObject &message);
    HttpResponse handleLegacy(const HttpRequest &request, const QJsonObject &message);
    HttpResponse toolsCall(const HttpRequest &request, const QJsonObject &message, const QString &version,
                           const QByteArray &session);
    HttpResponse answer(const QJsonObject &response) const;
    HttpResponse refuse(int status, int code, const QString &message, const QJsonValue &id);

    const Revision m_revision;
    mutable QMutex m_mutex;
    Answer m_answer;
    QString m_token;
    QStringList m_versions;
    QStringList m_tools;
    std::function<bool(const QString &, const QJsonObject &)> m_isErrorWhen;
    QHash<QByteArray, Session> m_sessions;
    QList<Call> m_calls;
    QStringList m_refusals;
    int m_initializeCount = 0;
    int m_initializeFailures = 0;
    int m_initializedCount = 0;
    HttpTestServer m_server;
};

} // namespace arbor::test

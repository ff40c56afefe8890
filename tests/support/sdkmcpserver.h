#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

class QProcess;
class QTemporaryDir;

namespace arbor::test {

/// One tools/call the SDK server dispatched to a tool, as its log recorded it.
struct SdkMcpCall
{
    QString tool;
    QJsonObject arguments;      ///< as the SDK handed them to the tool
    QByteArray authorization;   ///< the request's Authorization header; empty when none was sent
    QString path;               ///< the request's URL path, "/mcp"
    QByteArray sessionId;       ///< the request's Mcp-Session-Id; empty in stateless mode
    QString protocolVersion;    ///< the request's MCP-Protocol-Version; empty when none was sent
};

/**
 * An MCP server built with the official MCP TypeScript SDK (@modelcontextprotocol/sdk), so a
 * client can be checked against software nobody on the project wrote: `node server.mjs` from
 * tests/support/mcp-sdk (McpServer behind the SDK's StreamableHTTPServerTransport on node:http,
 * the SDK's defaults otherwise: answers come as event streams). See server.mjs for what it does.
 *
 * Options::stateless picks the SDK's stateless mode (no sessions, a server per request);
 * otherwise it keeps sessions as the SDK's examples do: `initialize` opens one, any other
 * request without its Mcp-Session-Id gets 400. Either way the SDK refuses an
 * MCP-Protocol-Version it does not support (its newest is 2025-11-25) with HTTP 400. With
 * Options::requiredToken set, a request whose Authorization is not "Bearer <token>" gets 401
 * with the OAuth error body ({"error": "invalid_token", ...}) the SDK's requireBearerAuth sends.
 *
 * Tools: `agent.receiveFeedback` (any object arguments) and `echo` ({"text": string}), both
 * answering text content. calls() lists the calls the SDK dispatched to them, in order;
 * requests it refused are not calls.
 *
 * The directory is tests/support/mcp-sdk of the source tree, overridden by the ARBOR_MCP_SDK_DIR
 * environment variable; node is taken from PATH. tests/run.sh installs the packages with
 * `npm ci`. Everything here blocks the calling thread; use it from the test's main thread.
 * The server runs until stop() or destruction, and on Linux also dies with the test process.
 *
 * \code
 *     ARBOR_REQUIRE_SDK_MCP_SERVER();
 *     SdkMcpServer::Options options;
 *     options.requiredToken = u"mcp-token"_s;
 *     SdkMcpServer server(options);
 *     QString error;
 *     QVERIFY2(server.start(&error), qPrintable(error));
 * \endcode
 */
class SdkMcpServer final
{
public:
    struct Options
    {
        bool stateless = true;
        QString requiredToken;   ///< empty: no token required
    };

    explicit SdkMcpServer(Options options);
    ~SdkMcpServer();
    SdkMcpServer(const SdkMcpServer &) = delete;
    SdkMcpServer &operator=(const SdkMcpServer &) = delete;

    /// True when node is in PATH and the SDK is installed; otherwise false and \a why says what
    /// is missing and how to fix it.
    static bool available(QString *why);
    /// True when the CI environment variable is set: a missing SDK server must then fail a test.
    static bool requiredByEnvironment();
    /// Absolute path of tests/support/mcp-sdk.
    static QString directory();

    /// Starts the server on a free loopback port and waits (at most 20 s) for the URL it prints.
    bool start(QString *error);
    /// Stops the server (SIGTERM, then SIGKILL after 5 s); safe to call when not running.
    void stop();
    bool isRunning() const;

    QUrl url() const;   ///< http://127.0.0.1:port/mcp; empty when not running
    /// The tool calls served so far, read from the server's log.
    QList<SdkMcpCall> calls() const;
    /// The end of what the server wrote to stderr (refusals, errors), for failure messages.
    QString errorOutput() const;

private:
    const Options m_options;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QTemporaryDir> m_dir;   ///< holds the call log and the stderr file
    QUrl m_url;
};

} // namespace arbor::test

/// Skips the current Qt Test function when the SDK server is not installed, or fails it under CI,
/// where a missing install is a broken setup. Needs <QTest>.
#define ARBOR_REQUIRE_SDK_MCP_SERVER()                                                      \
    do {                                                                                    \
        QString arborSdkMcpReason;                                                          \
        if (!::arbor::test::SdkMcpServer::available(&arborSdkMcpReason)) {                  \
            if (::arbor::test::SdkMcpServer::requiredByEnvironment())                       \
                QFAIL(qPrintable(arborSdkMcpReason));                                       \
            QSKIP(qPrintable(arborSdkMcpReason));                                           \
        }                                                                                   \
    } while (false)

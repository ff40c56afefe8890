// One JSON-RPC message to an MCP server over Streamable HTTP (triggers/mcpexchange.h): the
// Server-Sent Events reader fed in pieces, picking the response to a request out of a message
// or a batch, and postMcpMessage against an HttpTestServer on 127.0.0.1 (a JSON answer, an event
// stream that stays open, a notification, HTTP and transport failures, a destroyed context).

#include "httptestserver.h"
#include "testmain.h"
#include "triggers/mcpexchange.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_mcpexchange {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QJsonObject toolsCall(int id)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, u"tools/call"_s},
            {u"params"_s, QJsonObject{{u"name"_s, u"notify"_s}, {u"arguments"_s, QJsonObject{}}}}};
}

QJsonObject resultFor(const QJsonValue &id, const QString &text = u"done"_s)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, QJsonObject{{u"text"_s, text}}}};
}

/// Counts the messages that contain `needle` while it lives; they still reach the log.
class MessageCounter
{
public:
    explicit MessageCounter(const char *needle)
    {
        s_needle = needle;
        s_count = 0;
        s_previous = qInstallMessageHandler(&MessageCounter::handle);
    }
    ~MessageCounter() { qInstallMessageHandler(s_previous); }
    int count() const { return s_count; }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (message.contains(QLatin1String(s_needle)))
            ++s_count;
        if (s_previous)
            s_previous(type, context, message);
    }

    static inline const char *s_needle = nullptr;
    static inline int s_count = 0;
    static inline QtMessageHandler s_previous = nullptr;
};

/// The answer of one postMcpMessage, and how often `done` ran.
struct Exchanged
{
    std::optional<McpAnswer> answer;
    int calls = 0;
};

} // namespace

class TestMcpExchange final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void readsEvents_data();
    void readsEvents();
    void readsEventsFedByteByByte();
    void lastEventWithoutABlankLine();
    void picksTheResponseToTheRequest_data();
    void picksTheResponseToTheRequest();

    void jsonAnswer();
    void eventStreamKeptOpenEndsAtTheResponse();
    void eventStreamEndingWithoutABlankLine();
    void notificationEndsWithTheHttpAnswer();
    void httpFailures_data();
    void httpFailures();
    void rateLimitedAsksForAPause_data();
    void rateLimitedAsksForAPause();
    void serverThatCannotBeReached();
    void serverThatDoesNotAnswerInTime();
    void nothingAfterTheContextIsGone();

private:
    std::shared_ptr<Exchanged> post(const QUrl &url, const QJsonObject &message, QObject *context, int timeoutMs = 5000,
                                    const Redactor &redactor = Redactor());
    bool wait(const std::shared_ptr<Exchanged> &e, int timeoutMs = 10000);

    QNetworkAccessManager m_network;
};

// --- SseReader and jsonRpcResponse --------------------------------------------------------------

void TestMcpExchange::readsEvents_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QList<QByteArray>>("events");
    using B = QList<QByteArray>;
    QTest::newRow("one event") << "data: {\"a\":1}\n\n"_ba << B{"{\"a\":1}"};
    QTest::newRow("CRLF") << "data: {\"a\":1}\r\n\r\n"_ba << B{"{\"a\":1}"};
    QTest::newRow("no blank after the colon") << "data:{\"a\":1}\n\n"_ba << B{"{\"a\":1}"};
    QTest::newRow("only one blank is dropped") << "data:  x\n\n"_ba << B{" x"};
    QTest::newRow("data lines joined") << "data: {\"a\":\ndata: 1}\n\n"_ba << B{"{\"a\":\n1}"};
    QTest::newRow("event, id, retry and comments read past")
        << ": keep-alive\nevent: message\nid: 7\nretry: 1000\ndata: x\n\n"_ba << B{"x"};
    QTest::newRow("two events") << "data: a\n\ndata: b\n\n"_ba << B{"a", "b"};
    QTest::newRow("blank lines without data") << "\n\n: ping\n\n\n"_ba << B{};
    QTest::newRow("an event not yet ended") << "data: a\n\ndata: b\n"_ba << B{"a"};
    QTest::newRow("empty data") << "data:\n\n"_ba << B{""};
}

void TestMcpExchange::readsEvents()
{
    QFETCH(QByteArray, stream);
    QFETCH(QList<QByteArray>, events);
    SseReader reader;
    QCOMPARE(reader.feed(stream), events);
}

void TestMcpExchange::readsEventsFedByteByByte()
{
    const QByteArray stream = ": comment\r\nevent: message\r\ndata: {\"jsonrpc\":\"2.0\",\r\ndata: \"id\":1}\r\n\r\ndata: second\r\n\r\n"_ba;
    SseReader reader;
    QList<QByteArray> events;
    for (char c : stream)
        events += reader.feed(QByteArray(1, c));
    QCOMPARE(events, (QList<QByteArray>{"{\"jsonrpc\":\"2.0\",\n\"id\":1}", "second"}));
    QVERIFY(reader.finish().isEmpty());
}

void TestMcpExchange::lastEventWithoutABlankLine()
{
    SseReader reader;
    QCOMPARE(reader.feed("data: a\n\ndata: b"), QList<QByteArray>{"a"});
    QCOMPARE(reader.finish(), QList<QByteArray>{"b"});
    QVERIFY(reader.finish().isEmpty());
    SseReader empty;
    QVERIFY(empty.finish().isEmpty());
}

void TestMcpExchange::picksTheResponseToTheRequest_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QJsonValue>("id");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QString>("text");      // the result's text, when found with a result
    const QByteArray response = compact(resultFor(1));
    QTest::newRow("the response") << response << QJsonValue(1) << true << u"done"_s;
    QTest::newRow("another id") << response << QJsonValue(2) << false << QString();
    QTest::newRow("the id as text is another id") << response << QJsonValue(u"1"_s) << false << QString();
    QTest::newRow("text ids") << compact(resultFor(u"abc"_s)) << QJsonValue(u"abc"_s) << true << u"done"_s;
    QTest::newRow("error with the id") << R"({"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"bad"}})"_ba << QJsonValue(1) << true << QString();
    QTest::newRow("error with id null") << R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse"}})"_ba << QJsonValue(1) << true
                                        << QString();
    QTest::newRow("result with id null") << compact(resultFor(QJsonValue::Null)) << QJsonValue(1) << false << QString();
    QTest::newRow("a request of the server with the same id")
        << R"({"jsonrpc":"2.0","id":1,"method":"sampling/createMessage","params":{}})"_ba << QJsonValue(1) << false << QString();
    QTest::newRow("in a batch after a notification")
        << (R"([{"jsonrpc":"2.0","method":"notifications/progress","params":{}},)"_ba + compact(resultFor(2, u"other"_s)) + ","
            + compact(resultFor(1)) + "]")
        << QJsonValue(1) << true << u"done"_s;
    QTest::newRow("not JSON") << "<html>502 Bad Gateway</html>"_ba << QJsonValue(1) << false << QString();
    QTest::newRow("empty") << QByteArray() << QJsonValue(1) << false << QString();
}

void TestMcpExchange::picksTheResponseToTheRequest()
{
    QFETCH(QByteArray, json);
    QFETCH(QJsonValue, id);
    QFETCH(bool, found);
    QFETCH(QString, text);
    const std::optional<QJsonObject> response = jsonRpcResponse(json, id);
    QCOMPARE(response.has_value(), found);
    if (found && !text.isEmpty())
        QCOMPARE(response->value(u"result"_s).toObject().value(u"text"_s).toString(), text);
}

// --- postMcpMessage -----------------------------------------------------------------------------

std::shared_ptr<Exchanged> TestMcpExchange::post(const QUrl &url, const QJsonObject &message, QObject *context, int timeoutMs,
                                                 const Redactor &redactor)
{
    auto e = std::make_shared<Exchanged>();
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setRawHeader("Accept", "application/json, text/event-stream");
    postMcpMessage(&m_network, context, request, message, timeoutMs, u"MCP server %1"_s.arg(url.toString()), redactor,
                   [e](McpAnswer answer) {
                       ++e->calls;
                       e->answer = std::move(answer);
                   });
    return e;
}

bool TestMcpExchange::wait(const std::shared_ptr<Exchanged> &e, int timeoutMs)
{
    const bool done = QTest::qWaitFor([&] { return e->calls > 0; }, timeoutMs);
    QTest::qWait(50);   // nothing calls back twice
    return done && e->calls == 1;
}

void TestMcpExchange::jsonAnswer()
{
    QByteArray seenBody;
    HttpTestServer server([&seenBody](const HttpRequest &request) {
        seenBody = request.body;
        return HttpResponse::json(200, resultFor(7), {{"Mcp-Session-Id", "session-42"}});
    });
    QVERIFY(server.start());
    QObject context;
    const auto e = post(server.url(u"/mcp"_s), toolsCall(7), &context);
    QVERIFY(wait(e));
    const McpAnswer &a = *e->answer;
    QCOMPARE(a.httpStatus, 200);
    QVERIFY(!a.failure);
    QVERIFY(a.response);
    QCOMPARE(a.response->value(u"result"_s).toObject().value(u"text"_s).toString(), u"done"_s);
    QCOMPARE(a.sessionId, "session-42"_ba);
    QCOMPARE(QJsonDocument::fromJson(a.body).object(), resultFor(7));
    QCOMPARE(QJsonDocument::fromJson(seenBody).object(), toolsCall(7));
}

void TestMcpExchange::eventStreamKeptOpenEndsAtTheResponse()
{
    // The server sends a progress notification and a request of its own first, then the
    // response, and keeps the stream open: the exchange ends at the response, not at a timeout.
    HttpTestServer server([](const HttpRequest &) {
        HttpResponse r;
        r.contentType = "text/event-stream";
        r.headers = {{"Mcp-Session-Id", "s-1"}};
        r.body = ": opened\n\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{}}\n\n"
                 "data: {\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}\n\n"
                 "event: message\nid: 9\ndata: " + compact(resultFor(3)) + "\n\n";
        r.holdOpen = true;
        return r;
    });
    QVERIFY(server.start());
    QObject context;
    QElapsedTimer timer;
    timer.start();
    const auto e = post(server.url(u"/mcp"_s), toolsCall(3), &context, 20000);
    QVERIFY(wait(e, 15000));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    const McpAnswer &a = *e->answer;
    QCOMPARE(a.httpStatus, 200);
    QVERIFY(!a.failure);
    QVERIFY(a.response);
    QCOMPARE(a.response->value(u"id"_s), QJsonValue(3));
    QVERIFY(a.response->contains(u"result"_s));
    QCOMPARE(a.sessionId, "s-1"_ba);
    QVERIFY(a.body.contains("notifications/progress"));
}

void TestMcpExchange::eventStreamEndingWithoutABlankLine()
{
    HttpTestServer server([](const HttpRequest &) {
        HttpResponse r;
        r.contentType = "text/event-stream";
        r.body = "data: " + compact(resultFor(5, u"last"_s));     // no blank line after it
        return r;
    });
    QVERIFY(server.start());
    QObject context;
    const auto e = post(server.url(u"/mcp"_s), toolsCall(5), &context);
    QVERIFY(wait(e));
    QVERIFY(!e->answer->failure);
    QVERIFY(e->answer->response);
    QCOMPARE(e->answer->response->value(u"result"_s).toObject().value(u"text"_s).toString(), u"last"_s);
}

void TestMcpExchange::notificationEndsWithTheHttpAnswer()
{
    HttpTestServer server([](const HttpRequest &) { return HttpResponse::empty(202); });
    QVERIFY(server.start());
    QObject context;
    const QJsonObject initialized{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/initialized"_s}};
    const auto e = post(server.url(u"/mcp"_s), initialized, &context);
    QVERIFY(wait(e));
    QCOMPARE(e->answer->httpStatus, 202);
    QVERIFY(!e->answer->failure);
    QVERIFY(!e->answer->response);
}

void TestMcpExchange::httpFailures_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("needle");
    QTest::newRow("500") << 500 << int(AttemptOutcome::Kind::Retry) << u"answered HTTP 500"_s;
    QTest::newRow("503") << 503 << int(AttemptOutcome::Kind::Retry) << u"answered HTTP 503"_s;
    QTest::newRow("429") << 429 << int(AttemptOutcome::Kind::Retry) << u"is rate limiting (HTTP 429"_s;
    QTest::newRow("401") << 401 << int(AttemptOutcome::Kind::Fail) << u"refused the credentials (HTTP 401"_s;
    QTest::newRow("404") << 404 << int(AttemptOutcome::Kind::Fail) << u"Check the URL."_s;
    QTest::newRow("400") << 400 << int(AttemptOutcome::Kind::Fail) << u"refused the delivery (HTTP 400"_s;
}

void TestMcpExchange::httpFailures()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    QFETCH(QString, needle);
    // The body carries a JSON-RPC error and echoes the bearer token: the response is still
    // picked out, and the token never reaches the outcome.
    HttpTestServer server([status](const HttpRequest &) {
        return HttpResponse::json(status, QJsonObject{{u"jsonrpc"_s, u"2.0"_s},
                                                      {u"id"_s, 4},
                                                      {u"error"_s, QJsonObject{{u"code"_s, -32000}, {u"message"_s, u"token tok-SECRET-9 rejected"_s}}}});
    });
    QVERIFY(server.start());
    QObject context;
    const auto e = post(server.url(u"/mcp"_s), toolsCall(4), &context, 5000, Redactor({u"tok-SECRET-9"_s}));
    QVERIFY(wait(e));
    const McpAnswer &a = *e->answer;
    QCOMPARE(a.httpStatus, status);
    QVERIFY(a.failure);
    QCOMPARE(int(a.failure->kind), kind);
    QCOMPARE(a.failure->httpStatus, status);
    QCOMPARE(a.failure->code, u"http_%1"_s.arg(status));   // the same in no language, for alerts
    QVERIFY2(a.failure->error.startsWith(u"MCP server "_s + server.url(u"/mcp"_s).toString()), qPrintable(a.failure->error));
    QVERIFY2(a.failure->error.contains(needle), qPrintable(a.failure->error));
    QVERIFY2(a.failure->responseExcerpt.contains(u"[redacted]"_s), qPrintable(a.failure->responseExcerpt));
    QVERIFY(!a.failure->responseExcerpt.contains(u"tok-SECRET-9"_s));
    QVERIFY(a.response);
}

void TestMcpExchange::rateLimitedAsksForAPause_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<qint64>("lowest");
    QTest::addColumn<qint64>("highest");
    const QDateTime in30s = QDateTime::currentDateTimeUtc().addSecs(30);
    QTest::newRow("seconds") << "7"_ba << qint64(7000) << qint64(7000);
    // RFC 9110 §10.2.3: Retry-After is delay-seconds or an HTTP-date, i.e. an IMF-fixdate ending in "GMT".
    QTest::newRow("HTTP date") << QLocale::c().toString(in30s, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1() << qint64(25000)
                               << qint64(30000);
}

void TestMcpExchange::rateLimitedAsksForAPause()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(qint64, lowest);
    QFETCH(qint64, highest);
    HttpTestServer server([retryAfter](const HttpRequest &) {
        HttpResponse r = HttpResponse::text(429, "slow down");
        r.headers.append({"Retry-After", retryAfter});
        return r;
    });
    QVERIFY(server.start());
    QObject context;
    const auto e = post(server.url(u"/mcp"_s), toolsCall(1), &context);
    QVERIFY(wait(e));
    QVERIFY(e->answer->failure);
    const AttemptOutcome &failure = *e->answer->failure;
    QCOMPARE(failure.kind, AttemptOutcome::Kind::Retry);
    // The server's pause, an HTTP date ("GMT") included, is what the delivery waits.
    QVERIFY2(failure.retryAfterMs.has_value(), qPrintable(failure.error));
    QVERIFY2(*failure.retryAfterMs >= lowest && *failure.retryAfterMs <= highest, qPrintable(QString::number(*failure.retryAfterMs)));
    QVERIFY2(failure.error.contains(u"is rate limiting (HTTP 429"_s) && failure.error.contains(u"and asks for a pause of"_s),
             qPrintable(failure.error));
}

void TestMcpExchange::serverThatCannotBeReached()
{
    const QUrl url(u"http://127.0.0.1:%1/mcp"_s.arg(closedLoopbackPort()));
    QObject context;
    const auto e = post(url, toolsCall(1), &context);
    QVERIFY(wait(e));
    const McpAnswer &a = *e->answer;
    QCOMPARE(a.httpStatus, 0);
    QVERIFY(a.failure);
    QCOMPARE(a.failure->kind, AttemptOutcome::Kind::Retry);
    QCOMPARE(a.failure->error, u"MCP server %1 refused the connection. Check that the receiver is running."_s.arg(url.toString()));
    QCOMPARE(a.failure->code, u"refused"_s);
    QVERIFY(!a.response);
}

void TestMcpExchange::serverThatDoesNotAnswerInTime()
{
    HttpTestServer server([](const HttpRequest &) {
        HttpResponse r = HttpResponse::json(200, resultFor(1));
        r.delayMs = 3000;
        return r;
    });
    QVERIFY(server.start());
    QObject context;
    QElapsedTimer timer;
    timer.start();
    const MessageCounter deviceNotOpen("device not open");
    const auto e = post(server.url(u"/mcp"_s), toolsCall(1), &context, 300);
    QVERIFY(wait(e));
    QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
    const McpAnswer &a = *e->answer;
    QVERIFY(a.failure);
    QCOMPARE(a.failure->kind, AttemptOutcome::Kind::Retry);
    QVERIFY2(a.failure->error.contains(u"did not answer within 0.3 s. If the receiver is slow, raise the action's timeout."_s),
             qPrintable(a.failure->error));
    QCOMPARE(a.failure->code, u"timeout"_s);
    // The aborted reply is not read: Qt's "device not open" warning stays out of the operator's log.
    QCOMPARE(deviceNotOpen.count(), 0);
}

void TestMcpExchange::nothingAfterTheContextIsGone()
{
    std::atomic<int> served{0};
    HttpTestServer server([&served](const HttpRequest &) {
        ++served;
        HttpResponse r = HttpResponse::json(200, resultFor(1));
        r.delayMs = 200;
        return r;
    });
    QVERIFY(server.start());
    auto context = std::make_unique<QObject>();
    const auto e = post(server.url(u"/mcp"_s), toolsCall(1), context.get());
    QTRY_COMPARE_WITH_TIMEOUT(served.load(), 1, 5000);
    context.reset();
    QTest::qWait(600);
    QCOMPARE(e->calls, 0);
}

} // namespace tst_mcpexchange

ARBOR_GUILESS_TEST_MAIN(mcpexchange, tst_mcpexchange::TestMcpExchange)
#include "tst_mcpexchange.moc"

// Trigger actions sent over HTTP to real local servers: a Standard Webhooks receiver, a Telegram
// Bot API stand-in, MCP servers of both revisions (tests/support) and an MCP server built with the
// official MCP TypeScript SDK (tests/support/mcp-sdk), so the client is checked against software
// written elsewhere too.

#include "triggers/actionhttp.h"
#include "triggers/actionsender.h"
#include "triggers/mcpsender.h"

#include "httptestserver.h"
#include "mcptestserver.h"
#include "sdkmcpserver.h"
#include "telegramstandin.h"
#include "testmain.h"
#include "webhookreceiver.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QtTest>

#include <chrono>
#include <optional>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_DECLARE_METATYPE(arbor::AttemptOutcome::Kind)
Q_DECLARE_METATYPE(arbor::test::McpTestServer::Answer)

namespace tst_actionsenders {

namespace {

const QString DeliveryId = u"dlv_0123456789abcdef0123456789abcdef"_s;
const QByteArray Body = R"({"deliveryId":"dlv_0123456789abcdef0123456789abcdef","event":{"agentId":"3","value":"-15"}})";
const QString BotToken = u"123456:AAE-test_token-XYZ"_s;
const QString McpToken = u"mcp-token-123"_s;

OutgoingDelivery delivery(ActionType type, const QByteArray &body)
{
    OutgoingDelivery delivery;
    delivery.deliveryId = DeliveryId;
    delivery.action.type = type;
    delivery.action.timeoutMs = 5000;
    delivery.payload.body = body;
    return delivery;
}

OutgoingDelivery restDelivery(const QUrl &url, const QString &signingSecret = {})
{
    OutgoingDelivery delivery = tst_actionsenders::delivery(ActionType::Rest, Body);
    delivery.action.url = url.toString();
    delivery.secrets.signingSecret = signingSecret;
    return delivery;
}

OutgoingDelivery telegramDelivery(const QString &apiBaseUrl, const QString &chatId, const QString &text)
{
    OutgoingDelivery delivery = tst_actionsenders::delivery(ActionType::Telegram, text.toUtf8());
    delivery.action.apiBaseUrl = apiBaseUrl;
    delivery.action.chatId = chatId;
    delivery.action.parseMode = u"MarkdownV2"_s;
    delivery.secrets.botToken = BotToken;
    return delivery;
}

OutgoingDelivery mcpDelivery(const QUrl &url, const QJsonObject &arguments = {{u"agentId"_s, u"3"_s}})
{
    OutgoingDelivery delivery = tst_actionsenders::delivery(ActionType::Mcp, QJsonDocument(arguments).toJson(QJsonDocument::Compact));
    delivery.action.url = url.toString();
    delivery.action.tool = u"agent.receiveFeedback"_s;
    return delivery;
}

AttemptOutcome sendAndWait(ActionSender &sender, const OutgoingDelivery &delivery, int timeoutMs = 15000)
{
    std::optional<AttemptOutcome> outcome;
    sender.send(delivery, [&outcome](AttemptOutcome answer) { outcome = std::move(answer); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs)) {
        AttemptOutcome none;
        none.error = u"the test got no outcome within %1 ms"_s.arg(timeoutMs);
        return none;
    }
    return *outcome;
}

QByteArray why(const AttemptOutcome &outcome)
{
    return (attemptKindName(outcome.kind) + u" HTTP "_s + QString::number(outcome.httpStatus) + u": "_s + outcome.error
            + u" | "_s + outcome.responseExcerpt).toUtf8();
}

// Starts a test server or fails the test with the reason.
#define START(server)                                                                   \
    do {                                                                                \
        QString startError;                                                             \
        QVERIFY2((server).start(&startError), qPrintable(startError));                  \
    } while (false)

// Arguments with what JSON can carry, for a server to hand back unchanged.
QJsonObject feedbackArguments(int call)
{
    return {
        {u"agentId"_s, u"3"_s},
        {u"value"_s, u"-15"_s},
        {u"call"_s, call},
        {u"tags"_s, QJsonArray{u"reputation"_s, u"\u00fcn\u00efc\u00f8de \u2713"_s}},
        {u"detail"_s, QJsonObject{{u"decimals"_s, 1}, {u"ok"_s, true}, {u"ratio"_s, 1.5}, {u"note"_s, QJsonValue()}}},
    };
}

qint64 msBetween(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

} // namespace

class TestActionSenders : public QObject
{
    Q_OBJECT

private slots:
    void restSignedDeliveryIsVerified();
    void restHeaders();
    void restRetriesKeepTheWebhookId();
    void restStatusOutcome_data();
    void restStatusOutcome();
    void restTimeoutIsRetried();
    void restConnectionRefusedIsRetried();
    void restMalformedSigningSecretFails();
    void secretsAreRedacted();

    void telegramMessage();
    void telegramRetryAfterIsHonoured();
    void telegramOneMessagePerSecondPerChat();
    void telegramTokenNeverInErrors();
    void telegramFailuresCarryCodes_data();
    void telegramFailuresCarryCodes();

    void mcpStateless_data();
    void mcpStateless();
    void mcpLegacyHandshakeOnce_data();
    void mcpLegacyHandshakeOnce();
    void mcpLegacyConcurrentCallsShareOneHandshake();
    void mcpLegacyExpiredSessionIsRenewed();
    void mcpLegacyInitializeServerErrorIsRetried();
    void mcpToolErrorsFail();
    void mcpBearerTokenAndResolvedEndpoint();
    void mcpAgentEndpointGoesToTheCheckedAddress();
    void mcpOfficialSdkStateless();
    void mcpOfficialSdkSession();
    void mcpListsTheSdkServersTools_data();
    void mcpListsTheSdkServersTools();
};

void TestActionSenders::restSignedDeliveryIsVerified()
{
    WebhookReceiver receiver(WebhookReceiver::makeSecret());
    START(receiver);
    ActionSender sender;
    const AttemptOutcome outcome = sendAndWait(sender, restDelivery(receiver.url(), receiver.secret()));
    QVERIFY2(outcome.succeeded(), why(outcome));
    QCOMPARE(outcome.httpStatus, 200);
    QVERIFY(outcome.error.isEmpty());
    const QList<WebhookReceiver::Received> received = receiver.received();
    QCOMPARE(received.size(), 1);
    QVERIFY2(received[0].verified, qPrintable(received[0].verifyError));
    QCOMPARE(received[0].id, DeliveryId.toUtf8());
    QCOMPARE(received[0].body, Body);
    QCOMPARE(received[0].method, "POST");
    QCOMPARE(sender.inFlight(), 0);
}

void TestActionSenders::restHeaders()
{
    WebhookReceiver receiver;   // no secret: unsigned deliveries are accepted
    START(receiver);
    ActionSender sender;

    OutgoingDelivery json = restDelivery(receiver.url());
    json.action.headers = {HeaderSpec{u"X-Team"_s, u"ops"_s, std::nullopt},
                           HeaderSpec{u"Authorization"_s, {}, SecretRef{SecretRef::Source::Env, u"HOOK_AUTH"_s}}};
    json.secrets.headers = {{u"Authorization"_s, u"Bearer hook-secret"_s}};
    QVERIFY(sendAndWait(sender, json).succeeded());

    OutgoingDelivery text = restDelivery(receiver.url());
    text.action.bodyIsText = true;
    text.action.method = u"PUT"_s;
    text.payload.body = "Agent 3 got feedback -1.5";
    text.isTest = true;
    QVERIFY(sendAndWait(sender, text).succeeded());

    const QList<WebhookReceiver::Received> received = receiver.received();
    QCOMPARE(received.size(), 2);
    QCOMPARE(received[0].header("Content-Type"), "application/json");
    QCOMPARE(received[0].header("X-Team"), "ops");
    QCOMPARE(received[0].header("Authorization"), "Bearer hook-secret");
    QCOMPARE(received[0].id, DeliveryId.toUtf8());   // sent unsigned too
    QVERIFY(received[0].signature.isEmpty());
    QVERIFY(received[0].header("User-Agent").startsWith("Arbor/"));
    QVERIFY(received[0].header("arbor-test").isEmpty());
    QCOMPARE(received[1].method, "PUT");
    QCOMPARE(received[1].header("Content-Type"), "text/plain; charset=utf-8");
    QCOMPARE(received[1].header("arbor-test"), "true");
    QCOMPARE(received[1].body, "Agent 3 got feedback -1.5");
}

void TestActionSenders::restRetriesKeepTheWebhookId()
{
    WebhookReceiver receiver(WebhookReceiver::makeSecret());
    START(receiver);
    receiver.setFailFirst(2, 503);
    ActionSender sender;
    OutgoingDelivery delivery = restDelivery(receiver.url(), receiver.secret());
    for (int attempt = 1; attempt <= 3; ++attempt) {
        delivery.attempt = attempt;
        const AttemptOutcome outcome = sendAndWait(sender, delivery);
        QCOMPARE(outcome.kind, attempt < 3 ? AttemptOutcome::Kind::Retry : AttemptOutcome::Kind::Success);
        QCOMPARE(outcome.httpStatus, attempt < 3 ? 503 : 200);
    }
    const QList<WebhookReceiver::Received> received = receiver.receivedFor(DeliveryId.toUtf8());
    QCOMPARE(received.size(), 3);
    for (const WebhookReceiver::Received &each : received)
        QVERIFY2(each.verified, qPrintable(each.verifyError));
    QCOMPARE(receiver.acceptedIds(), QList<QByteArray>{DeliveryId.toUtf8()});
}

void TestActionSenders::restStatusOutcome_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<AttemptOutcome::Kind>("kind");
    QTest::addColumn<qint64>("retryAfterMs");   // -1: none expected

    const QByteArray inThirtySeconds = QDateTime::currentDateTimeUtc().addSecs(30).toString(Qt::RFC2822Date).toLatin1();
    QTest::newRow("200") << 200 << QByteArray() << AttemptOutcome::Kind::Success << qint64(-1);
    QTest::newRow("204") << 204 << QByteArray() << AttemptOutcome::Kind::Success << qint64(-1);
    QTest::newRow("503") << 503 << QByteArray() << AttemptOutcome::Kind::Retry << qint64(-1);
    QTest::newRow("500") << 500 << QByteArray() << AttemptOutcome::Kind::Retry << qint64(-1);
    QTest::newRow("429 seconds") << 429 << QByteArray("7") << AttemptOutcome::Kind::Retry << qint64(7000);
    QTest::newRow("429 date") << 429 << inThirtySeconds << AttemptOutcome::Kind::Retry << qint64(30000);
    QTest::newRow("400") << 400 << QByteArray() << AttemptOutcome::Kind::Fail << qint64(-1);
    QTest::newRow("401") << 401 << QByteArray() << AttemptOutcome::Kind::Fail << qint64(-1);
    QTest::newRow("404") << 404 << QByteArray() << AttemptOutcome::Kind::Fail << qint64(-1);
    QTest::newRow("410 disables the action") << 410 << QByteArray() << AttemptOutcome::Kind::Gone << qint64(-1);
    QTest::newRow("302 not followed") << 302 << QByteArray() << AttemptOutcome::Kind::Fail << qint64(-1);
}

void TestActionSenders::restStatusOutcome()
{
    QFETCH(int, status);
    QFETCH(QByteArray, retryAfter);
    QFETCH(AttemptOutcome::Kind, kind);
    QFETCH(qint64, retryAfterMs);
    HttpTestServer server([status, retryAfter](const HttpRequest &) {
        HttpResponse response = HttpResponse::json(status, {{u"status"_s, status}});
        if (!retryAfter.isEmpty())
            response.headers.append({"Retry-After", retryAfter});
        if (status == 302)
            response.headers.append({QByteArray("Location"), QByteArray("http://127.0.0.1:1/elsewhere")});
        return response;
    });
    START(server);
    ActionSender sender;
    const AttemptOutcome outcome = sendAndWait(sender, restDelivery(server.url(u"/hook"_s)));
    QVERIFY2(outcome.kind == kind, why(outcome));
    QCOMPARE(outcome.httpStatus, status);
    QCOMPARE(server.requests(), 1u);
    if (kind != AttemptOutcome::Kind::Success)
        QVERIFY(outcome.error.contains(QString::number(status)));
    if (retryAfterMs < 0) {
        QVERIFY(!outcome.retryAfterMs);
    } else {
        QVERIFY(outcome.retryAfterMs);
        QVERIFY2(*outcome.retryAfterMs <= retryAfterMs && *outcome.retryAfterMs > retryAfterMs - 3000,
                 qPrintable(QString::number(*outcome.retryAfterMs)));
    }
}

void TestActionSenders::restTimeoutIsRetried()
{
    WebhookReceiver receiver;
    START(receiver);
    receiver.setDelayMs(3000);
    ActionSender sender;
    OutgoingDelivery delivery = restDelivery(receiver.url());
    delivery.action.timeoutMs = 300;
    const AttemptOutcome outcome = sendAndWait(sender, delivery);
    QVERIFY2(outcome.kind == AttemptOutcome::Kind::Retry, why(outcome));
    QCOMPARE(outcome.httpStatus, 0);
    QVERIFY2(outcome.error.contains(u"0.3 s"_s), why(outcome));
    QVERIFY(outcome.durationMs >= 250 && outcome.durationMs < 2500);
}

void TestActionSenders::restConnectionRefusedIsRetried()
{
    ActionSender sender;
    const QUrl url(u"http://127.0.0.1:%1/hook"_s.arg(closedLoopbackPort()));
    const AttemptOutcome outcome = sendAndWait(sender, restDelivery(url));
    QVERIFY2(outcome.kind == AttemptOutcome::Kind::Retry, why(outcome));
    QCOMPARE(outcome.httpStatus, 0);
    QVERIFY2(outcome.error.contains(u"refused"_s), why(outcome));
}

void TestActionSenders::restMalformedSigningSecretFails()
{
    WebhookReceiver receiver;
    START(receiver);
    ActionSender sender;
    for (const QString &secret : {u"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s, u"whsec_not*base64!"_s}) {
        const AttemptOutcome outcome = sendAndWait(sender, restDelivery(receiver.url(), secret));
        QVERIFY2(outcome.kind == AttemptOutcome::Kind::Fail, why(outcome));
        QVERIFY2(outcome.error.contains(u"whsec_"_s), why(outcome));
        QVERIFY(!outcome.error.contains(secret));
    }
    QCOMPARE(receiver.count(), 0);
}

void TestActionSenders::secretsAreRedacted()
{
    // A server that echoes what it was sent, as error pages sometimes do.
    HttpTestServer server([](const HttpRequest &request) {
        return HttpResponse::text(400, "you sent " + request.header("Authorization") + " to " + request.target);
    });
    START(server);
    ActionSender sender;
    OutgoingDelivery delivery = restDelivery(server.url(u"/hook"_s));
    delivery.secrets.headers = {{u"Authorization"_s, u"Bearer s3cr3t/with+chars"_s}};
    const AttemptOutcome outcome = sendAndWait(sender, delivery);
    QCOMPARE(outcome.kind, AttemptOutcome::Kind::Fail);
    QVERIFY2(outcome.responseExcerpt.contains(u"you sent [redacted]"_s), why(outcome));
    QVERIFY(!outcome.responseExcerpt.contains(u"s3cr3t"_s));

    const Redactor redactor(QStringList{BotToken});
    const QString qtError = u"Error transferring http://api.example/bot%1/sendMessage - server replied: Bad Gateway"_s.arg(BotToken);
    QVERIFY(!redactor.apply(qtError).contains(BotToken));
    QVERIFY(!Redactor().apply(qtError).contains(BotToken));   // a token shape in a bot URL, even unknown
    QVERIFY(!redactor.apply(QString::fromLatin1(QUrl::toPercentEncoding(BotToken))).contains(u"AAE-test"_s));
}

void TestActionSenders::telegramMessage()
{
    TelegramStandIn telegram(BotToken);
    START(telegram);
    ActionSender sender;
    const AttemptOutcome outcome = sendAndWait(sender, telegramDelivery(telegram.apiBaseUrl(), u"-100123"_s, u"Agent 3: \\-1\\.5"_s));
    QVERIFY2(outcome.succeeded(), why(outcome));
    QCOMPARE(outcome.httpStatus, 200);
    const QList<TelegramStandIn::Message> messages = telegram.accepted(u"-100123"_s);
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages[0].text, u"Agent 3: \\-1\\.5"_s);
    QCOMPARE(messages[0].parseMode, u"MarkdownV2"_s);
    QVERIFY(messages[0].disableWebPagePreview);
}

void TestActionSenders::telegramRetryAfterIsHonoured()
{
    TelegramStandIn telegram(BotToken);
    START(telegram);
    telegram.setRateLimitOnce(2);
    ActionSender sender;
    const OutgoingDelivery delivery = telegramDelivery(telegram.apiBaseUrl(), u"42"_s, u"first"_s);
    const AttemptOutcome limited = sendAndWait(sender, delivery);
    QVERIFY2(limited.kind == AttemptOutcome::Kind::Retry, why(limited));
    QCOMPARE(limited.httpStatus, 429);
    QCOMPARE(limited.retryAfterMs, std::optional<qint64>(2000));

    // The retry is held until the pause Telegram asked for is over, not refused again.
    const AttemptOutcome retried = sendAndWait(sender, delivery);
    QVERIFY2(retried.succeeded(), why(retried));
    const QList<TelegramStandIn::Message> messages = telegram.messages(u"42"_s);
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages[0].answeredStatus, 429);
    QCOMPARE(messages[1].answeredStatus, 200);
    QVERIFY2(msBetween(messages[0].receivedAt, messages[1].receivedAt) >= 2000,
             qPrintable(QString::number(msBetween(messages[0].receivedAt, messages[1].receivedAt))));
}

void TestActionSenders::telegramOneMessagePerSecondPerChat()
{
    TelegramStandIn telegram(BotToken);
    START(telegram);
    telegram.setEnforceChatInterval(true);   // too soon would be a 429 from the stand-in
    ActionSender sender;
    QList<AttemptOutcome> outcomes;
    const auto collect = [&outcomes](AttemptOutcome outcome) { outcomes.append(outcome); };
    sender.send(telegramDelivery(telegram.apiBaseUrl(), u"-100123"_s, u"one"_s), collect);
    sender.send(telegramDelivery(telegram.apiBaseUrl(), u"-100123"_s, u"two"_s), collect);
    sender.send(telegramDelivery(telegram.apiBaseUrl(), u"@other_chat"_s, u"elsewhere"_s), collect);
    QCOMPARE(sender.inFlight(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 3, 10000);
    for (const AttemptOutcome &outcome : std::as_const(outcomes))
        QVERIFY2(outcome.succeeded(), why(outcome));

    const QList<TelegramStandIn::Message> chat = telegram.accepted(u"-100123"_s);
    QCOMPARE(chat.size(), 2);
    QCOMPARE(chat[0].text, u"one"_s);
    QCOMPARE(chat[1].text, u"two"_s);
    const qint64 gap = msBetween(chat[0].receivedAt, chat[1].receivedAt);
    QVERIFY2(gap >= 1000, qPrintable(QString::number(gap)));
    // The other chat did not wait for this one's second.
    const QList<TelegramStandIn::Message> other = telegram.accepted(u"@other_chat"_s);
    QCOMPARE(other.size(), 1);
    QVERIFY(other[0].receivedAt < chat[1].receivedAt);
}

void TestActionSenders::telegramTokenNeverInErrors()
{
    TelegramStandIn telegram(u"999:the-right-token"_s);
    START(telegram);
    ActionSender sender;
    const AttemptOutcome refused = sendAndWait(sender, telegramDelivery(telegram.apiBaseUrl(), u"42"_s, u"hi"_s));
    QVERIFY2(refused.kind == AttemptOutcome::Kind::Fail, why(refused));
    QCOMPARE(refused.httpStatus, 401);
    QCOMPARE(telegram.unauthorized(), 1);

    OutgoingDelivery unreachable = telegramDelivery(u"http://127.0.0.1:%1"_s.arg(closedLoopbackPort()), u"42"_s, u"hi"_s);
    const AttemptOutcome down = sendAndWait(sender, unreachable);
    QVERIFY2(down.kind == AttemptOutcome::Kind::Retry, why(down));

    OutgoingDelivery slow = telegramDelivery(telegram.apiBaseUrl(), u"43"_s, u"hi"_s);
    HttpTestServer hanging([](const HttpRequest &) { HttpResponse r; r.delayMs = 5000; return r; });
    START(hanging);
    slow.action.apiBaseUrl = hanging.url(QString()).toString();
    slow.action.timeoutMs = 200;
    const AttemptOutcome timedOut = sendAndWait(sender, slow);
    QVERIFY2(timedOut.kind == AttemptOutcome::Kind::Retry, why(timedOut));

    for (const AttemptOutcome &outcome : {refused, down, timedOut}) {
        QVERIFY2(!outcome.error.isEmpty(), why(outcome));
        QVERIFY2(!outcome.error.contains(BotToken) && !outcome.responseExcerpt.contains(BotToken), why(outcome));
        QVERIFY(!outcome.error.contains(u"AAE-test"_s));
    }
}

void TestActionSenders::telegramFailuresCarryCodes_data()
{
    // How the Bot API answers, and the code and detail an alert about it is worded from.
    QTest::addColumn<int>("status");
    QTest::addColumn<QJsonObject>("answer");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("detail");
    const auto refused = [](int status, const QString &description, const QJsonObject &parameters = {}) {
        QJsonObject body{{u"ok"_s, false}, {u"error_code"_s, status}, {u"description"_s, description}};
        if (!parameters.isEmpty())
            body.insert(u"parameters"_s, parameters);
        return body;
    };
    QTest::newRow("chat not found") << 400 << refused(400, u"Bad Request: chat not found"_s) << u"telegram_refused"_s
                                    << u"Bad Request: chat not found"_s;
    QTest::newRow("became a supergroup")
        << 400 << refused(400, u"Bad Request: group chat was upgraded to a supergroup chat"_s, {{u"migrate_to_chat_id"_s, -1001234567890LL}})
        << u"telegram_migrated"_s << u"-1001234567890"_s;
    QTest::newRow("rate limited") << 429 << refused(429, u"Too Many Requests: retry after 7"_s, {{u"retry_after"_s, 7}})
                                  << u"telegram_rate_limited"_s << u"7"_s;
    QTest::newRow("token refused") << 401 << refused(401, u"Unauthorized"_s) << u"telegram_token_refused"_s << QString();
    QTest::newRow("server error") << 502 << refused(502, u"Bad Gateway"_s) << u"http_502"_s << u"Bad Gateway"_s;
    QTest::newRow("no description") << 400 << QJsonObject{{u"ok"_s, false}} << u"http_400"_s << QString();
}

void TestActionSenders::telegramFailuresCarryCodes()
{
    QFETCH(int, status);
    QFETCH(QJsonObject, answer);
    QFETCH(QString, code);
    QFETCH(QString, detail);
    HttpTestServer api([&](const HttpRequest &) { return HttpResponse::json(status, answer); });
    START(api);
    ActionSender sender;
    const AttemptOutcome outcome = sendAndWait(sender, telegramDelivery(api.url(QString()).toString(), u"-100123"_s, u"hi"_s));
    QVERIFY2(!outcome.succeeded(), why(outcome));
    QCOMPARE(outcome.httpStatus, status);
    QCOMPARE(outcome.code, code);
    QCOMPARE(outcome.detail, detail);
    QVERIFY2(!outcome.error.isEmpty(), why(outcome));   // the words this engine shows stay as they were
    QVERIFY(!outcome.detail.contains(BotToken));
}

void TestActionSenders::mcpStateless_data()
{
    QTest::addColumn<McpTestServer::Answer>("answer");
    QTest::newRow("json") << McpTestServer::Answer::Json;
    QTest::newRow("sse") << McpTestServer::Answer::Sse;
    QTest::newRow("sse held open") << McpTestServer::Answer::SseHeldOpen;
}

void TestActionSenders::mcpStateless()
{
    QFETCH(McpTestServer::Answer, answer);
    McpTestServer server(McpTestServer::Revision::Stateless2026, answer);
    START(server);
    ActionSender sender;
    const AttemptOutcome outcome = sendAndWait(sender, mcpDelivery(server.url()));
    QVERIFY2(outcome.succeeded(), why(outcome));
    QCOMPARE(outcome.httpStatus, 200);
    QVERIFY2(outcome.durationMs < 3000, "an open event stream ends the call once the response is in");
    QVERIFY(server.refusals().isEmpty());
    const QList<McpTestServer::Call> calls = server.calls();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls[0].tool, u"agent.receiveFeedback"_s);
    QCOMPARE(calls[0].arguments, QJsonObject({{u"agentId"_s, u"3"_s}}));
    QCOMPARE(calls[0].protocolVersion, u"2026-07-28"_s);
    QCOMPARE(calls[0].meta[u"io.modelcontextprotocol/clientInfo"_s][u"name"_s].toString(), u"arbor"_s);
}

void TestActionSenders::mcpLegacyHandshakeOnce_data()
{
    QTest::addColumn<McpTestServer::Answer>("answer");
    QTest::addColumn<QStringList>("serverVersions");
    QTest::addColumn<QString>("negotiated");
    const QStringList all{u"2025-11-25"_s, u"2025-06-18"_s, u"2025-03-26"_s};
    QTest::newRow("json") << McpTestServer::Answer::Json << all << u"2025-11-25"_s;
    QTest::newRow("sse") << McpTestServer::Answer::Sse << all << u"2025-11-25"_s;
    QTest::newRow("older server") << McpTestServer::Answer::Json << QStringList{u"2025-06-18"_s} << u"2025-06-18"_s;
    QTest::newRow("oldest server") << McpTestServer::Answer::Sse << QStringList{u"2025-03-26"_s} << u"2025-03-26"_s;
}

void TestActionSenders::mcpLegacyHandshakeOnce()
{
    QFETCH(McpTestServer::Answer, answer);
    QFETCH(QStringList, serverVersions);
    QFETCH(QString, negotiated);
    McpTestServer server(McpTestServer::Revision::Legacy2025, answer);
    server.setSupportedVersions(serverVersions);
    START(server);
    ActionSender sender;
    for (int i = 0; i < 2; ++i) {
        const AttemptOutcome outcome = sendAndWait(sender, mcpDelivery(server.url(), {{u"call"_s, i}}));
        QVERIFY2(outcome.succeeded(), why(outcome));
    }
    QCOMPARE(server.initializeCount(), 1);
    QCOMPARE(server.initializedCount(), 1);
    // Only the very first call tried the stateless revision; the second went straight on.
    QCOMPARE(server.refusals(), QStringList{u"Bad Request: No valid session ID provided"_s});
    const QList<McpTestServer::Call> calls = server.calls();
    QCOMPARE(calls.size(), 2);
    QVERIFY(!calls[0].sessionId.isEmpty());
    QCOMPARE(calls[1].sessionId, calls[0].sessionId);
    QCOMPARE(calls[0].protocolVersion, negotiated);
    QCOMPARE(calls[1].arguments[u"call"_s].toInt(), 1);
}

void TestActionSenders::mcpLegacyConcurrentCallsShareOneHandshake()
{
    McpTestServer server(McpTestServer::Revision::Legacy2025);
    START(server);
    ActionSender sender;
    QList<AttemptOutcome> outcomes;
    for (int i = 0; i < 5; ++i)
        sender.send(mcpDelivery(server.url(), {{u"call"_s, i}}), [&outcomes](AttemptOutcome o) { outcomes.append(o); });
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 5, 10000);
    for (const AttemptOutcome &outcome : std::as_const(outcomes))
        QVERIFY2(outcome.succeeded(), why(outcome));
    QCOMPARE(server.initializeCount(), 1);
    QCOMPARE(server.calls().size(), 5);
}

void TestActionSenders::mcpLegacyExpiredSessionIsRenewed()
{
    McpTestServer server(McpTestServer::Revision::Legacy2025);
    START(server);
    ActionSender sender;
    QVERIFY(sendAndWait(sender, mcpDelivery(server.url())).succeeded());
    server.expireSessions();
    const AttemptOutcome outcome = sendAndWait(sender, mcpDelivery(server.url()));
    QVERIFY2(outcome.succeeded(), why(outcome));
    QCOMPARE(server.initializeCount(), 2);
    const QList<McpTestServer::Call> calls = server.calls();
    QCOMPARE(calls.size(), 2);
    QVERIFY(calls[1].sessionId != calls[0].sessionId);
}

void TestActionSenders::mcpLegacyInitializeServerErrorIsRetried()
{
    // A 2025 server whose initialize throws answers HTTP 500 with a JSON-RPC error (the official
    // SDK's transport does): the calls waiting on the handshake are tried again later, not
    // failed for good as a refusal would be.
    McpTestServer server(McpTestServer::Revision::Legacy2025);
    server.failInitialize(1);
    START(server);
    ActionSender sender;
    QList<AttemptOutcome> outcomes;
    for (int i = 0; i < 2; ++i)
        sender.send(mcpDelivery(server.url(), {{u"call"_s, i}}), [&outcomes](AttemptOutcome o) { outcomes.append(o); });
    QTRY_COMPARE_WITH_TIMEOUT(outcomes.size(), 2, 10000);
    for (const AttemptOutcome &o : std::as_const(outcomes)) {
        QVERIFY2(o.kind == AttemptOutcome::Kind::Retry, why(o));
        QCOMPARE(o.httpStatus, 500);
    }
    QVERIFY(server.calls().isEmpty());

    const AttemptOutcome again = sendAndWait(sender, mcpDelivery(server.url(), {{u"call"_s, 0}}));
    QVERIFY2(again.succeeded(), why(again));
    QCOMPARE(server.calls().size(), 1);
}

void TestActionSenders::mcpToolErrorsFail()
{
    for (const McpTestServer::Revision revision : {McpTestServer::Revision::Stateless2026, McpTestServer::Revision::Legacy2025}) {
        McpTestServer server(revision, McpTestServer::Answer::Sse);
        server.setTools({u"agent.receiveFeedback"_s});
        START(server);
        ActionSender sender;
        const AttemptOutcome isError = sendAndWait(sender, mcpDelivery(server.url(), {{u"fail"_s, true}}));
        QVERIFY2(isError.kind == AttemptOutcome::Kind::Fail, why(isError));
        QVERIFY2(isError.error.contains(u"agent.receiveFeedback"_s) && isError.error.contains(u"as the test asked"_s),
                 why(isError));
        QVERIFY(isError.responseExcerpt.contains(u"isError"_s));
        QVERIFY2(isError.code.isEmpty(), why(isError));   // only the tool's words say it: no code for alerts to word

        OutgoingDelivery unknown = mcpDelivery(server.url());
        unknown.action.tool = u"no.such.tool"_s;
        const AttemptOutcome rpcError = sendAndWait(sender, unknown);
        QVERIFY2(rpcError.kind == AttemptOutcome::Kind::Fail, why(rpcError));
        QVERIFY2(rpcError.error.contains(u"-32602"_s), why(rpcError));
        QVERIFY2(rpcError.code.isEmpty(), why(rpcError));
        QCOMPARE(server.initializeCount(), revision == McpTestServer::Revision::Legacy2025 ? 1 : 0);
    }
}

void TestActionSenders::mcpBearerTokenAndResolvedEndpoint()
{
    McpTestServer server(McpTestServer::Revision::Stateless2026);
    server.setToken(u"mcp-token-123"_s);
    START(server);
    ActionSender sender;

    // The agent's own endpoint from the event, not the action's URL.
    OutgoingDelivery resolved = mcpDelivery(QUrl());
    resolved.action.resolveEndpoint = true;
    resolved.payload.target = server.url().toString();
    resolved.secrets.mcpToken = u"mcp-token-123"_s;
    const AttemptOutcome outcome = sendAndWait(sender, resolved);
    QVERIFY2(outcome.succeeded(), why(outcome));
    QCOMPARE(server.calls().value(0).authorization, "Bearer mcp-token-123");

    resolved.secrets.mcpToken = u"wrong-token-456"_s;
    const AttemptOutcome refused = sendAndWait(sender, resolved);
    QVERIFY2(refused.kind == AttemptOutcome::Kind::Fail, why(refused));
    QCOMPARE(refused.httpStatus, 401);
    // The test server's 401 carries a JSON-RPC error; the operator still reads what to check.
    QVERIFY2(refused.error.contains(u"HTTP 401"_s) && refused.error.contains(u"credentials"_s), why(refused));
    QCOMPARE(refused.code, u"http_401"_s);
    QVERIFY2(refused.responseExcerpt.contains(u"Unauthorized"_s), why(refused));
    QVERIFY(!refused.error.contains(u"wrong-token-456"_s) && !refused.responseExcerpt.contains(u"wrong-token-456"_s));
}

void TestActionSenders::mcpAgentEndpointGoesToTheCheckedAddress()
{
    McpTestServer server(McpTestServer::Revision::Stateless2026);
    START(server);
    ActionSender sender;

    // The agent's endpoint under a name that resolves nowhere (RFC 6761 .invalid), checked at the
    // test server's address: an http call goes to that address and names the host, so a name
    // resolving elsewhere by the time the call is sent (DNS rebinding) is never connected to.
    QUrl named = server.url();
    named.setHost(u"agent.invalid"_s);
    OutgoingDelivery pinned = mcpDelivery(QUrl());
    pinned.action.resolveEndpoint = true;
    pinned.payload.target = named.toString();
    pinned.payload.targetAddress = QHostAddress(server.url().host());
    const AttemptOutcome outcome = sendAndWait(sender, pinned);
    QVERIFY2(outcome.succeeded(), why(outcome));
    QCOMPARE(server.calls().size(), 1);
    QCOMPARE(server.calls().value(0).host, u"agent.invalid:%1"_s.arg(named.port()).toLatin1());

    // Without a checked address the name is looked up, and does not resolve.
    OutgoingDelivery unpinned = pinned;
    unpinned.payload.targetAddress = QHostAddress();
    const AttemptOutcome notFound = sendAndWait(sender, unpinned);
    QVERIFY2(notFound.kind == AttemptOutcome::Kind::Retry, why(notFound));
    QVERIFY2(notFound.error.contains(u"agent.invalid"_s), why(notFound));
    QCOMPARE(server.calls().size(), 1);
}

void TestActionSenders::mcpOfficialSdkStateless()
{
    ARBOR_REQUIRE_SDK_MCP_SERVER();
    SdkMcpServer::Options options;
    options.stateless = true;
    options.requiredToken = McpToken;
    SdkMcpServer server(options);
    START(server);
    ActionSender sender;
    for (int i = 0; i < 2; ++i) {
        OutgoingDelivery delivery = mcpDelivery(server.url(), feedbackArguments(i));
        delivery.secrets.mcpToken = McpToken;
        const AttemptOutcome outcome = sendAndWait(sender, delivery);
        QVERIFY2(outcome.succeeded(), QByteArray(why(outcome) + "\nserver: " + server.errorOutput().toUtf8()));
        QCOMPARE(outcome.httpStatus, 200);
    }
    const QList<SdkMcpCall> calls = server.calls();
    QCOMPARE(calls.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(calls[i].tool, u"agent.receiveFeedback"_s);
        QCOMPARE(calls[i].arguments, feedbackArguments(i));
        QCOMPARE(calls[i].authorization, "Bearer " + McpToken.toUtf8());
        QCOMPARE(calls[i].path, u"/mcp"_s);
        QVERIFY(calls[i].sessionId.isEmpty());
        QCOMPARE(calls[i].protocolVersion, u"2025-11-25"_s);
    }
    // The SDK (newest revision 2025-11-25) refuses the stateless revision's MCP-Protocol-Version
    // with HTTP 400; Arbor falls back to the 2025 handshake once, and remembers it.
    QCOMPARE(server.errorOutput().count(u"Unsupported protocol version: 2026-07-28"_s), 1);

    OutgoingDelivery wrong = mcpDelivery(server.url(), feedbackArguments(2));
    wrong.secrets.mcpToken = u"wrong-token-456"_s;
    const AttemptOutcome refused = sendAndWait(sender, wrong);
    QVERIFY2(refused.kind == AttemptOutcome::Kind::Fail, why(refused));
    QCOMPARE(refused.httpStatus, 401);
    QVERIFY2(refused.error.contains(u"401"_s), why(refused));
    QVERIFY(!refused.error.contains(u"wrong-token-456"_s) && !refused.responseExcerpt.contains(u"wrong-token-456"_s));
    QCOMPARE(server.calls().size(), 2);
}

void TestActionSenders::mcpOfficialSdkSession()
{
    ARBOR_REQUIRE_SDK_MCP_SERVER();
    SdkMcpServer::Options options;
    options.stateless = false;
    options.requiredToken = McpToken;
    SdkMcpServer server(options);
    START(server);
    ActionSender sender;
    for (int i = 0; i < 2; ++i) {
        OutgoingDelivery delivery = mcpDelivery(server.url(), feedbackArguments(i));
        delivery.secrets.mcpToken = McpToken;
        const AttemptOutcome outcome = sendAndWait(sender, delivery);
        QVERIFY2(outcome.succeeded(), QByteArray(why(outcome) + "\nserver: " + server.errorOutput().toUtf8()));
        QCOMPARE(outcome.httpStatus, 200);
    }
    const QList<SdkMcpCall> calls = server.calls();
    QCOMPARE(calls.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(calls[i].tool, u"agent.receiveFeedback"_s);
        QCOMPARE(calls[i].arguments, feedbackArguments(i));
        QCOMPARE(calls[i].authorization, "Bearer " + McpToken.toUtf8());
        QCOMPARE(calls[i].path, u"/mcp"_s);
        QCOMPARE(calls[i].protocolVersion, u"2025-11-25"_s);
    }
    // One initialize: both calls in the session the SDK handed out.
    QVERIFY(!calls[0].sessionId.isEmpty());
    QCOMPARE(calls[1].sessionId, calls[0].sessionId);
    QCOMPARE(server.errorOutput().count(u"No valid session ID provided"_s), 1);

    OutgoingDelivery wrong = mcpDelivery(server.url(), feedbackArguments(2));
    wrong.secrets.mcpToken = u"wrong-token-456"_s;
    const AttemptOutcome refused = sendAndWait(sender, wrong);
    QVERIFY2(refused.kind == AttemptOutcome::Kind::Fail, why(refused));
    QCOMPARE(refused.httpStatus, 401);
    QVERIFY2(refused.error.contains(u"401"_s), why(refused));
    QVERIFY(!refused.error.contains(u"wrong-token-456"_s) && !refused.responseExcerpt.contains(u"wrong-token-456"_s));
    QCOMPARE(server.calls().size(), 2);
}

void TestActionSenders::mcpListsTheSdkServersTools_data()
{
    QTest::addColumn<bool>("stateless");
    QTest::newRow("stateless") << true;
    QTest::newRow("sessions") << false;
}

// The MCP action's connection test: tools/list against the official SDK's server, in both of its
// modes, with the token and with a wrong one.
void TestActionSenders::mcpListsTheSdkServersTools()
{
    ARBOR_REQUIRE_SDK_MCP_SERVER();
    QFETCH(bool, stateless);
    SdkMcpServer::Options options;
    options.stateless = stateless;
    options.requiredToken = McpToken;
    SdkMcpServer server(options);
    START(server);
    QNetworkAccessManager network;
    McpSender sender(&network);
    auto list = [&](const QString &token) {
        std::optional<Result<McpToolList>> listed;
        sender.listTools(server.url(), token, 10000, [&](Result<McpToolList> r) { listed = std::move(r); });
        // An answer that never comes leaves `listed` empty, which the caller checks.
        (void)QTest::qWaitFor([&] { return listed.has_value(); }, 20000);
        return listed;
    };
    const auto listed = list(McpToken);
    QVERIFY(listed.has_value());
    QVERIFY2(*listed, qPrintable((*listed ? QString() : listed->error().message) + u"\nserver: "_s + server.errorOutput()));
    QStringList names;
    for (const McpTool &tool : (*listed)->tools)
        names.append(tool.name);
    names.sort();
    QCOMPARE(names, (QStringList{u"agent.receiveFeedback"_s, u"echo"_s}));
    QCOMPARE((*listed)->protocolVersion, u"2025-11-25"_s);   // the SDK's newest: after the stateless request was refused
    QVERIFY(server.calls().isEmpty());                        // listing calls no tool

    const auto refused = list(u"wrong-token-456"_s);
    QVERIFY(refused.has_value());
    QVERIFY(!*refused);
    QVERIFY2(refused->error().message.contains(u"401"_s), qPrintable(refused->error().message));
    QVERIFY(!refused->error().message.contains(u"wrong-token-456"_s));

    const auto nowhere = list(QString());
    QVERIFY(nowhere.has_value() && !*nowhere);
}

} // namespace tst_actionsenders

ARBOR_GUILESS_TEST_MAIN(actionsenders, tst_actionsenders::TestActionSenders)
#include "tst_actionsenders.moc"

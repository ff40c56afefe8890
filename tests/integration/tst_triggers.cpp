// Triggers end to end (DESIGN.md §9): ERC-8004 traffic on a devnet, indexed by `arborctl serve`,
// fires a trigger of every condition type, and the actions reach real local servers the test
// runs: a webhook receiver that checks Standard Webhooks signatures (and fails each first attempt
// with 503), a Telegram Bot API stand-in that refuses a second message within a second, and MCP
// servers of both revisions. What each trigger should have fired is computed from the traffic
// generator's own account of the events it sent, never read from Arbor. On SQLite and PostgreSQL.
//
// The functions share one devnet, one database and one serve, and run in declaration order:
// the first batch of traffic, a clean restart and a second batch, a trigger added late and a
// replay, trigger files that must be refused, and where the secrets must not show. Secrets are
// env: references set in serve's environment.
#include "agentchain.h"
#include "mcptestserver.h"
#include "telegramstandin.h"
#include "testmain.h"
#include "webhookreceiver.h"

#include <QFile>
#include <QJsonDocument>
#include <QTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_triggers {

namespace {

constexpr quint64 FirstSeed = 8004;
constexpr quint64 SecondSeed = 8005;
constexpr quint64 ThirdSeed = 8006;
const QString BotToken = u"123456789:AAH-arbor-test-token-0123456789abcdef"_s;
const QString McpToken = u"mcp-test-token-42"_s;
const QString ChatId = u"-100123"_s;
// int128's maximum scaled by 18 decimals, the generator's second NewFeedback, is one unit in the
// last place below this: equal as doubles, below it as decimals. value_threshold "<" this picks it.
const QString Int128MaxBy18 = u"170141183460469231731.687303715884105727"_s;
const QString Threshold = u"170141183460469231731.687303715884105728"_s;
// Each batch starts with int128's minimum, then values of any size: the average climbs from
// -1.7e38 towards zero, and below this for the first few samples.
const QString EmaThreshold = u"-1"_s + QString(36, u'0');
const QStringList RestTriggers{u"feedback"_s, u"agent"_s, u"value"_s, u"tag"_s, u"validators"_s, u"uris"_s, u"ema"_s, u"rate"_s};
const QString Notify = u"notify_ops"_s;   // telegram and MCP actions; its name needs escaping

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString value(const QJsonObject &e)
{
    return scaledValue(str(e, "value"), e.value(u"valueDecimals"_s).toString().toInt());
}

} // namespace

class TestTriggers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }
    void cleanupTestCase();

    void firesForEachConditionType();
    void telegramAndMcpThroughServe();
    void statefulConditionsContinueAfterRestart();
    void dryRunSendsNothingAndReplaySendsWhenAsked();
    void refusesBadTriggerFiles_data();
    void refusesBadTriggerFiles();
    void secretsStayOutOfResultsLogsAndDatabase();

private:
    QJsonObject restAction() const;
    QJsonObject triggerFile(const QString &name, const QString &registry, const QJsonArray &conditions,
                            const QJsonArray &actions) const;
    QList<QJsonObject> conditionTriggers() const;
    /// The events of `events` the trigger fires for, evaluated from a fresh state in chain order.
    QStringList expectedKeys(const QString &trigger, const QJsonArray &events);
    /// Event keys of the deliveries the receiver accepted, per trigger name; `problem` says what
    /// is wrong with any request it got.
    QHash<QString, QStringList> accepted(QString *problem = nullptr) const;
    /// Waits until the receiver accepted exactly what `expected` says, then compares.
    void checkDeliveries(const QHash<QString, QStringList> &expected);
    QHash<QString, QStringList> expectedForRestTriggers();

    AgentChain m_chain;
    WebhookReceiver m_hooks{WebhookReceiver::makeSecret()};
    TelegramStandIn m_telegram{BotToken};
    McpTestServer m_mcpStateless{McpTestServer::Revision::Stateless2026};
    McpTestServer m_mcpLegacy{McpTestServer::Revision::Legacy2025, McpTestServer::Answer::Sse};
    QHash<QString, qint64> m_ids;           ///< trigger name → id
    QJsonArray m_events;                    ///< every generated event so far, in chain order
    QJsonArray m_first, m_second;           ///< the batches
    qint64 m_firstFrom = 0, m_firstTo = 0;
    QString m_tag, m_validator, m_notifyAgent;
};

void TestTriggers::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_hooks.start(&error), qPrintable(error));
    QVERIFY2(m_telegram.start(&error), qPrintable(error));
    QVERIFY2(m_mcpStateless.start(&error), qPrintable(error));
    QVERIFY2(m_mcpLegacy.start(&error), qPrintable(error));
    m_telegram.setEnforceChatInterval(true);
    m_mcpStateless.setToken(McpToken);
    m_mcpLegacy.setToken(McpToken);
    QVERIFY2(m_chain.start(&error), qPrintable(error));
    QProcessEnvironment secrets;
    secrets.insert(u"ARBOR_TEST_HOOK_SECRET"_s, m_hooks.secret());
    secrets.insert(u"ARBOR_TEST_BOT_TOKEN"_s, BotToken);
    secrets.insert(u"ARBOR_TEST_MCP_TOKEN"_s, McpToken);
    m_chain.setServeEnvironment(secrets);
}

void TestTriggers::cleanupTestCase()
{
    QString error;
    if (m_chain.serveRunning())
        QVERIFY2(m_chain.stopServe(&error), qPrintable(error));
}

QJsonObject TestTriggers::restAction() const
{
    return {{u"type"_s, u"rest"_s}, {u"url"_s, m_hooks.url().toString()}, {u"signingSecret"_s, u"env:ARBOR_TEST_HOOK_SECRET"_s},
            {u"timeoutMs"_s, 5000}, {u"maxRetries"_s, 5}};
}

QJsonObject TestTriggers::triggerFile(const QString &name, const QString &registry, const QJsonArray &conditions,
                                      const QJsonArray &actions) const
{
    return {{u"name"_s, name}, {u"chain"_s, u"devnet"_s}, {u"registry"_s, registry}, {u"conditions"_s, conditions},
            {u"actions"_s, actions}};
}

QList<QJsonObject> TestTriggers::conditionTriggers() const
{
    const QJsonArray rest{restAction()};
    const QJsonObject newFeedback = condition(u"event_type_equals"_s, {{u"event"_s, u"NewFeedback"_s}});
    const QJsonObject mcpArguments{{u"agentId"_s, u"{{event.agentId}}"_s}, {u"value"_s, u"{{event.value | decimals}}"_s}};
    auto mcp = [&](const McpTestServer &server, int priority) {
        return QJsonObject{{u"type"_s, u"mcp"_s}, {u"priority"_s, priority}, {u"url"_s, server.url().toString()},
                           {u"tool"_s, u"agent.receiveFeedback"_s}, {u"arguments"_s, mcpArguments}, {u"token"_s, u"env:ARBOR_TEST_MCP_TOKEN"_s}};
    };
    const QJsonObject telegram{{u"type"_s, u"telegram"_s}, {u"priority"_s, 1}, {u"botToken"_s, u"env:ARBOR_TEST_BOT_TOKEN"_s},
                               {u"chatId"_s, ChatId}, {u"parseMode"_s, u"MarkdownV2"_s}, {u"apiBaseUrl"_s, m_telegram.apiBaseUrl()},
                               {u"text"_s, u"*{{trigger.name}}* agent {{event.agentId}} scored {{event.value | decimals}} "
                                           "\\({{event.tag1}}\\) {{event.feedbackURI}}"_s}};
    return {
        triggerFile(u"feedback"_s, u"reputation"_s, {newFeedback}, rest),
        triggerFile(u"agent"_s, u"identity"_s, {condition(u"agent_id_equals"_s, {{u"agentId"_s, u"2"_s}})}, rest),
        triggerFile(u"value"_s, u"reputation"_s, {condition(u"value_threshold"_s, {{u"operator"_s, u"<"_s}, {u"value"_s, Threshold}})}, rest),
        triggerFile(u"tag"_s, u"reputation"_s, {condition(u"tag_equals"_s, {{u"tag"_s, m_tag}})}, rest),
        triggerFile(u"validators"_s, u"validation"_s,
                    {condition(u"validator_whitelist"_s, {{u"validators"_s, QJsonArray{m_validator, u"0x00000000000000000000000000000000000000aa"_s}}})},
                    rest),
        triggerFile(u"uris"_s, u"reputation"_s, {condition(u"file_uri_exists"_s)}, rest),
        triggerFile(u"ema"_s, u"reputation"_s,
                    {newFeedback, condition(u"ema_threshold"_s, {{u"alpha"_s, u"0.5"_s}, {u"operator"_s, u"<"_s}, {u"value"_s, EmaThreshold},
                                                                 {u"minSamples"_s, 3}})},
                    rest),
        triggerFile(u"rate"_s, u"reputation"_s, {newFeedback, condition(u"rate_limit"_s, {{u"max"_s, 2}, {u"window"_s, u"1h"_s}})}, rest),
        triggerFile(Notify, u"reputation"_s, {newFeedback, condition(u"agent_id_equals"_s, {{u"agentId"_s, m_notifyAgent}})},
                    {telegram, mcp(m_mcpStateless, 2), mcp(m_mcpLegacy, 3)}),
    };
}

QStringList TestTriggers::expectedKeys(const QString &trigger, const QJsonArray &events)
{
    double ema = 0;
    int samples = 0;
    QList<qint64> firings;
    QStringList keys;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        const QString kind = str(e, "kind");
        const bool feedback = str(e, "event") == u"NewFeedback";
        bool match = false;
        if (trigger == u"feedback") {
            match = feedback;
        } else if (trigger == u"agent") {
            match = kind == u"identity" && str(e, "agentId") == u"2";
        } else if (trigger == u"value") {
            match = feedback && compareDecimals(value(e), Threshold) < 0;
        } else if (trigger == u"tag") {
            match = feedback && (str(e, "tag1") == m_tag || str(e, "tag2") == m_tag);
        } else if (trigger == u"validators") {
            match = kind == u"validation" && str(e, "validatorAddress") == m_validator;
        } else if (trigger == u"uris") {
            match = kind == u"reputation" && !(str(e, "feedbackURI").isEmpty() && str(e, "responseURI").isEmpty());
        } else if (trigger == u"ema" && feedback) {
            const double x = value(e).toDouble();
            ema = samples++ == 0 ? x : 0.5 * x + 0.5 * ema;
            match = samples >= 3 && ema < -1e36;
        } else if (trigger == u"rate" && feedback) {
            const qint64 now = m_chain.blockTimestamp(e.value(u"blockNumber"_s).toInteger());
            firings.removeIf([now](qint64 at) { return now - at >= 3600; });
            match = firings.size() < 2;
            if (match)
                firings.append(now);
        } else if (trigger == Notify) {
            match = feedback && str(e, "agentId") == m_notifyAgent;
        }
        if (match)
            keys.append(eventKey(e));
    }
    return keys;
}

QHash<QString, QStringList> TestTriggers::expectedForRestTriggers()
{
    QHash<QString, QStringList> expected;
    for (const QString &name : RestTriggers)
        expected.insert(name, sorted(expectedKeys(name, m_events)));
    return expected;
}

QHash<QString, QStringList> TestTriggers::accepted(QString *problem) const
{
    QHash<QString, QStringList> keys;
    QHash<QString, QByteArray> idOf;          // trigger/event → webhook-id
    QHash<QByteArray, QByteArray> bodyOf;     // webhook-id → first body
    for (const WebhookReceiver::Received &r : m_hooks.received()) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        const QString trigger = body.value(u"trigger"_s).toObject().value(u"name"_s).toString();
        const QString key = eventKey(body.value(u"event"_s).toObject());
        const QString where = u"%1 for %2 (attempt %3 of %4)"_s.arg(trigger, key).arg(r.attempt).arg(QString::fromLatin1(r.id));
        QString wrong;
        if (!r.verified)
            wrong = u"unsigned: "_s + r.verifyError;
        else if (r.id != body.value(u"deliveryId"_s).toString().toLatin1())
            wrong = u"webhook-id is not the body's deliveryId"_s;
        else if (idOf.contains(trigger + key) && idOf.value(trigger + key) != r.id)
            wrong = u"a second delivery id for one event: "_s + QString::fromLatin1(idOf.value(trigger + key));
        else if (bodyOf.contains(r.id) && bodyOf.value(r.id) != r.body)
            wrong = u"another body than the first attempt's"_s;
        if (!wrong.isEmpty() && problem && problem->isEmpty())
            *problem = where + u": "_s + wrong;
        idOf.insert(trigger + key, r.id);
        bodyOf.insert(r.id, r.body);
        if (r.answeredStatus / 100 == 2)
            keys[trigger].append(key);
    }
    for (QStringList &list : keys)
        list.sort();
    return keys;
}

void TestTriggers::checkDeliveries(const QHash<QString, QStringList> &expected)
{
    auto matches = [&] {
        const QHash<QString, QStringList> got = accepted();
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            if (got.value(it.key()) != it.value())
                return false;
        }
        return true;
    };
    waitFor(matches, 60000);
    QString problem;
    const QHash<QString, QStringList> got = accepted(&problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QVERIFY2(got.value(it.key()) == it.value(),
                 qPrintable(u"trigger “%1”: delivered %2\nexpected %3\nserve: %4"_s.arg(it.key(), got.value(it.key()).join(u", "_s),
                                                                                      it.value().join(u", "_s), m_chain.serveLog())));
    }
}

void TestTriggers::firesForEachConditionType()
{
    // The first batch goes out before the triggers exist and before serve runs: nothing is
    // indexed yet, so all of it is promoted after the triggers were added and none is history.
    QString error;
    const auto batch = m_chain.traffic(4, 60, FirstSeed, &error);
    QVERIFY2(batch, qPrintable(error));
    m_first = batch->value(u"events"_s).toArray();
    m_events = m_first;
    m_firstFrom = batch->value(u"fromBlock"_s).toInteger();
    m_firstTo = batch->value(u"toBlock"_s).toInteger();

    // Condition values that occur: the commonest tag, the first validator, an agent with some feedback.
    QHash<QString, int> tags, feedbackPerAgent;
    bool borderline = false;
    for (const QJsonValue &v : std::as_const(m_first)) {
        const QJsonObject e = v.toObject();
        if (str(e, "event") == u"NewFeedback") {
            for (const char *field : {"tag1", "tag2"}) {
                if (!str(e, field).isEmpty())
                    ++tags[str(e, field)];
            }
            ++feedbackPerAgent[str(e, "agentId")];
            borderline = borderline || value(e) == Int128MaxBy18;
        }
        if (m_validator.isEmpty() && str(e, "event") == u"ValidationRequest")
            m_validator = str(e, "validatorAddress");
    }
    for (auto it = tags.begin(); it != tags.end(); ++it) {
        if (m_tag.isEmpty() || it.value() > tags.value(m_tag))
            m_tag = it.key();
    }
    for (auto it = feedbackPerAgent.begin(); it != feedbackPerAgent.end(); ++it) {
        if (it.value() >= 2 && (m_notifyAgent.isEmpty() || it.value() < feedbackPerAgent.value(m_notifyAgent)))
            m_notifyAgent = it.key();
    }
    QVERIFY2(borderline, "the traffic lacks int128's maximum with 18 decimals, which only an exact comparison places below the threshold");
    QVERIFY2(!m_tag.isEmpty() && !m_validator.isEmpty() && !m_notifyAgent.isEmpty(), "the first batch lacks tags, validators or feedback");

    for (const QJsonObject &file : conditionTriggers()) {
        const QJsonObject stored = m_chain.addTrigger(file, &error);
        QVERIFY2(!stored.isEmpty(), qPrintable(error));
        m_ids.insert(file.value(u"name"_s).toString(), stored.value(u"id"_s).toInteger());
    }
    m_hooks.setFailFirst(1, 503);         // every delivery is retried once
    m_telegram.setRateLimitOnce(1);       // the first message gets 429 with retry_after 1
    QVERIFY2(m_chain.startServe(&error), qPrintable(error));
    QVERIFY2(m_chain.waitForCursors(m_ids.values(), m_firstTo), qPrintable(m_chain.serveLog()));

    const QHash<QString, QStringList> expected = expectedForRestTriggers();
    for (const QString &name : RestTriggers)
        qInfo("%s: %lld of %lld events", qPrintable(name), qint64(expected.value(name).size()), qint64(m_first.size()));
    QVERIFY2(!expected.value(u"value"_s).isEmpty() && expected.value(u"rate"_s).size() == 2, "the traffic exercises too little");
    checkDeliveries(expected);
    if (QTest::currentTestFailed())
        return;
    // The default body carries each event by the spec's names, as it was sent.
    QHash<QString, QJsonObject> generated;
    for (const QJsonValue &e : std::as_const(m_first))
        generated.insert(eventKey(e.toObject()), e.toObject());
    for (const WebhookReceiver::Received &r : m_hooks.received()) {
        const QJsonObject event = QJsonDocument::fromJson(r.body)[u"event"_s].toObject();
        QVERIFY2(generated.contains(eventKey(event)), qPrintable(u"a delivery for an event never sent: "_s + eventKey(event)));
        const QString mismatch = eventMismatch(event, generated.value(eventKey(event)), m_chain.chainId());
        QVERIFY2(mismatch.isEmpty(), qPrintable(eventKey(event) + u": "_s + mismatch + u"\n"_s + QString::fromUtf8(r.body)));
    }
    // Every delivery was refused once with 503 and then accepted under the same webhook-id.
    for (const QByteArray &id : m_hooks.acceptedIds()) {
        const QList<WebhookReceiver::Received> attempts = m_hooks.receivedFor(id);
        QVERIFY2(attempts.size() == 2 && attempts[0].answeredStatus == 503 && attempts[1].answeredStatus == 200,
                 qPrintable(u"%1: %2 attempts"_s.arg(QString::fromLatin1(id)).arg(attempts.size())));
    }
}

void TestTriggers::telegramAndMcpThroughServe()
{
    QVERIFY2(!m_notifyAgent.isEmpty(), "needs the first function's triggers and traffic");
    QStringList texts;
    QStringList arguments;   // of the MCP calls, as compact JSON
    for (const QJsonValue &v : std::as_const(m_first)) {
        const QJsonObject e = v.toObject();
        if (str(e, "event") != u"NewFeedback" || str(e, "agentId") != m_notifyAgent)
            continue;
        texts << u"*"_s + markdownV2(Notify) + u"* agent "_s + markdownV2(str(e, "agentId")) + u" scored "_s + markdownV2(value(e))
                + u" \\("_s + markdownV2(str(e, "tag1")) + u"\\) "_s + markdownV2(str(e, "feedbackURI"));
        arguments << QString::fromUtf8(QJsonDocument(QJsonObject{{u"agentId"_s, str(e, "agentId")}, {u"value"_s, value(e)}})
                                           .toJson(QJsonDocument::Compact));
    }
    QVERIFY(texts.size() >= 2);
    QVERIFY2(waitFor([&] { return m_telegram.accepted(ChatId).size() >= texts.size() && m_mcpStateless.calls().size() >= texts.size()
                                  && m_mcpLegacy.calls().size() >= texts.size(); },
                     60000),
             qPrintable(u"%1 messages, %2 + %3 MCP calls of %4\n"_s.arg(m_telegram.accepted(ChatId).size())
                            .arg(m_mcpStateless.calls().size()).arg(m_mcpLegacy.calls().size()).arg(texts.size())
                        + m_chain.serveLog()));

    // One message per event, escaped for MarkdownV2. The first was answered 429 (retry_after 1)
    // and sent again; none came within a second of the one before in the chat (the stand-in
    // would have refused it).
    const QList<TelegramStandIn::Message> messages = m_telegram.messages();
    QCOMPARE(messages.size(), texts.size() + 1);
    QCOMPARE(messages[0].answeredStatus, 429);
    QStringList got;
    for (qsizetype i = 0; i < messages.size(); ++i) {
        QCOMPARE(messages[i].answeredStatus, i == 0 ? 429 : 200);
        QCOMPARE(messages[i].parseMode, u"MarkdownV2"_s);
        QCOMPARE(messages[i].chatId, ChatId);
        if (i > 0) {
            got << messages[i].text;
            const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(messages[i].receivedAt - messages[i - 1].receivedAt);
            QVERIFY2(gap.count() >= 950, qPrintable(u"message %1 came %2 ms after the one before"_s.arg(i + 1).arg(gap.count())));
        }
    }
    QCOMPARE(sorted(got), sorted(texts));

    // The same call to both MCP servers: the 2026 one statelessly, the 2025 one in one session.
    for (McpTestServer *server : {&m_mcpStateless, &m_mcpLegacy}) {
        const QList<McpTestServer::Call> calls = server->calls();
        QCOMPARE(calls.size(), texts.size());
        QStringList have;
        for (const McpTestServer::Call &c : calls) {
            QCOMPARE(c.tool, u"agent.receiveFeedback"_s);
            QCOMPARE(c.authorization, QByteArray("Bearer " + McpToken.toLatin1()));
            QVERIFY(!c.isError);
            have << QString::fromUtf8(QJsonDocument(c.arguments).toJson(QJsonDocument::Compact));
            if (server == &m_mcpStateless)
                QCOMPARE(c.protocolVersion, McpTestServer::StatelessVersion);
            else
                QCOMPARE(c.sessionId, calls.first().sessionId);
        }
        QCOMPARE(sorted(have), sorted(arguments));
        // The 2025 server refuses the stateless request a client tries first (400, no session):
        // that is how the client learns to fall back, at most once per call made before it knew.
        for (const QString &refusal : server->refusals())
            QVERIFY2(server == &m_mcpLegacy && refusal.contains(u"No valid session ID"_s), qPrintable(refusal));
        QVERIFY(server->refusals().size() <= calls.size());
    }
    QCOMPARE(m_mcpStateless.initializeCount(), 0);
    QCOMPARE(m_mcpLegacy.initializeCount(), 1);
    QCOMPARE(m_mcpLegacy.initializedCount(), 1);
    QVERIFY(!m_mcpLegacy.calls().first().sessionId.isEmpty());
}

void TestTriggers::statefulConditionsContinueAfterRestart()
{
    QVERIFY2(!m_ids.isEmpty(), "needs the first function's triggers");
    QString error;
    QVERIFY2(m_chain.stopServe(&error), qPrintable(error));
    const auto batch = m_chain.traffic(1, 40, SecondSeed, &error);
    QVERIFY2(batch, qPrintable(error));
    m_second = batch->value(u"events"_s).toArray();
    for (const QJsonValue &e : std::as_const(m_second))
        m_events.append(e);
    QVERIFY2(m_chain.startServe(&error), qPrintable(error));
    QVERIFY2(m_chain.waitForCursors(m_ids.values(), batch->value(u"toBlock"_s).toInteger()), qPrintable(m_chain.serveLog()));

    // Every trigger, both batches, as one uninterrupted evaluation decides.
    checkDeliveries(expectedForRestTriggers());
    if (QTest::currentTestFailed())
        return;
    for (const QString &name : {u"ema"_s, u"rate"_s}) {
        const QStringList uninterrupted = expectedKeys(name, m_events);
        const QStringList restartedFresh = expectedKeys(name, m_first) + expectedKeys(name, m_second);
        QVERIFY2(uninterrupted != restartedFresh, qPrintable(name + u": this traffic cannot tell kept state from lost state"_s));
        // `trigger dry-run` evaluates the whole range from a fresh state and agrees.
        QStringList dry;
        for (const QJsonValue &m : m_chain.dryRun(m_ids.value(name)))
            dry << eventKey(m[u"event"_s].toObject());
        QCOMPARE(dry, uninterrupted);
    }
}

void TestTriggers::dryRunSendsNothingAndReplaySendsWhenAsked()
{
    QVERIFY2(!m_second.isEmpty(), "needs both batches indexed");
    QString error;
    // Added when both batches are indexed: to this trigger they are history.
    const QJsonObject late = m_chain.addTrigger(triggerFile(u"late"_s, u"reputation"_s,
                                                            {condition(u"event_type_equals"_s, {{u"event"_s, u"NewFeedback"_s}})},
                                                            {restAction()}),
                                                &error);
    QVERIFY2(!late.isEmpty(), qPrintable(error));
    const qint64 id = late.value(u"id"_s).toInteger();
    auto feedback = [](const QJsonObject &e) { return str(e, "event") == u"NewFeedback"; };

    // A dry run prints every match of the history with what each action would send, and sends nothing.
    const int received = m_hooks.count();
    const QJsonArray matches = m_chain.dryRun(id);
    QHash<QString, QString> dryId;   // event → delivery id
    for (const QJsonValue &v : matches) {
        const QJsonObject event = v[u"event"_s].toObject();
        const QJsonArray actions = v[u"actions"_s].toArray();
        QCOMPARE(actions.size(), 1);
        const QJsonObject payload = actions[0][u"payload"_s].toObject();
        QCOMPARE(actions[0][u"type"_s].toString(), u"rest"_s);
        QCOMPARE(payload.value(u"deliveryId"_s).toString(), actions[0][u"deliveryId"_s].toString());
        QCOMPARE(payload.value(u"event"_s).toObject(), event);
        QCOMPARE(payload.value(u"trigger"_s)[u"name"_s].toString(), u"late"_s);
        dryId.insert(eventKey(event), actions[0][u"deliveryId"_s].toString());
    }
    QCOMPARE(sorted(dryId.keys()), sorted(eventKeys(m_events, feedback)));

    // Without --json it reads as text: each match's block, transaction, log and event, then each
    // action with its delivery id, where it would go and what it would send.
    const ArborctlRun text = m_chain.arborctl({u"trigger"_s, u"dry-run"_s, QString::number(id)});
    QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
    for (const QJsonValue &v : matches) {
        const QJsonObject event = v[u"event"_s].toObject();
        const QString heading = u"Block %1, transaction %2, log %3: NewFeedback, agent "_s.arg(event.value(u"blockNumber"_s).toInteger())
                                    .arg(event.value(u"txHash"_s).toString())
                                    .arg(event.value(u"logIndex"_s).toInteger());
        QVERIFY2(text.out.contains(heading, Qt::CaseInsensitive), qPrintable(heading + u"\n"_s + text.out));
        QVERIFY2(text.out.contains(dryId.value(eventKey(event))), qPrintable(text.out));
    }
    QVERIFY2(text.out.contains(u"to "_s + m_hooks.url().toString()), qPrintable(text.out));
    QVERIFY2(!text.out.contains(u"{\"event\""_s), qPrintable(text.out));   // no raw JSON lines
    QCOMPARE(m_hooks.count(), received);

    // A keychain reference that names nothing stored here is accepted (the engine that delivers
    // may run elsewhere) but said, with the command that stores it.
    QJsonObject unstored = restAction();
    unstored.insert(u"signingSecret"_s, u"keychain:arbor-test-nosuch"_s);
    const ArborctlRun warned = m_chain.arborctlWithFile({u"trigger"_s, u"add"_s, u"--json"_s},
                                                        triggerFile(u"unstored"_s, u"reputation"_s,
                                                                    {condition(u"event_type_equals"_s, {{u"event"_s, u"NewFeedback"_s}})}, {unstored}));
    QVERIFY2(warned.exitCode == 0, qPrintable(describe(warned)));
    QVERIFY2(warned.err.contains(u"actions[0].signingSecret refers to keychain:arbor-test-nosuch, which is not stored on this machine"_s)
                 && warned.err.contains(u"arborctl secret set arbor-test-nosuch"_s),
             qPrintable(warned.err));
    const ArborctlRun removed = m_chain.arborctl({u"trigger"_s, u"delete"_s, QString::number(warned.object().value(u"id"_s).toInteger()), u"--yes"_s});
    QVERIFY2(removed.exitCode == 0, qPrintable(describe(removed)));

    // New events reach it; the history does not.
    const auto batch = m_chain.traffic(1, 10, ThirdSeed, &error);
    QVERIFY2(batch, qPrintable(error));
    const QStringList fresh = eventKeys(batch->value(u"events"_s).toArray(), feedback);
    QVERIFY(!fresh.isEmpty());
    QVERIFY2(m_chain.waitForCursors({id}, batch->value(u"toBlock"_s).toInteger()), qPrintable(m_chain.serveLog()));
    checkDeliveries({{u"late"_s, sorted(fresh)}});
    if (QTest::currentTestFailed())
        return;

    // An explicit replay of the first batch's blocks sends exactly its matches, under the ids the dry run showed.
    const ArborctlRun replay = m_chain.arborctl({u"trigger"_s, u"replay"_s, QString::number(id), u"--from-block"_s,
                                                 QString::number(m_firstFrom), u"--to-block"_s, QString::number(m_firstTo), u"--json"_s});
    QVERIFY2(replay.exitCode == 0, qPrintable(describe(replay)));
    const QStringList replayed = eventKeys(m_first, feedback);
    QCOMPARE(replay.object().value(u"created"_s).toInteger(), qint64(replayed.size()));
    checkDeliveries({{u"late"_s, sorted(fresh + replayed)}});
    if (QTest::currentTestFailed())
        return;
    for (const WebhookReceiver::Received &r : m_hooks.received()) {
        const QJsonObject body = QJsonDocument::fromJson(r.body).object();
        const QString key = eventKey(body[u"event"_s].toObject());
        if (body[u"trigger"_s][u"name"_s].toString() == u"late" && replayed.contains(key))
            QCOMPARE(QString::fromLatin1(r.id), dryId.value(key));
    }
}

void TestTriggers::refusesBadTriggerFiles_data()
{
    QTest::addColumn<QJsonObject>("file");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("secret");   // must not be echoed

    const QJsonObject rest = restAction();
    const QJsonObject feedback = condition(u"event_type_equals"_s, {{u"event"_s, u"NewFeedback"_s}});
    auto file = [&](const QJsonArray &conditions, const QJsonObject &action, const QString &registry = u"reputation"_s) {
        return triggerFile(u"bad"_s, registry, conditions, {action});
    };
    auto with = [](QJsonObject o, const QString &key, const QJsonValue &value) {
        o.insert(key, value);
        return o;
    };
    const QJsonObject telegram{{u"type"_s, u"telegram"_s}, {u"botToken"_s, u"env:ARBOR_TEST_BOT_TOKEN"_s}, {u"chatId"_s, ChatId},
                               {u"apiBaseUrl"_s, m_telegram.apiBaseUrl()}};
    QTest::newRow("unknown key") << with(file({feedback}, rest), u"colour"_s, u"green"_s) << u"colour"_s << QString();
    QTest::newRow("unknown action key") << file({feedback}, with(rest, u"retries"_s, 3)) << u"actions[0].retries"_s << QString();
    QTest::newRow("literal signing secret") << file({feedback}, with(rest, u"signingSecret"_s, m_hooks.secret()))
                                            << u"actions[0].signingSecret"_s << m_hooks.secret();
    QTest::newRow("literal bot token") << file({feedback}, with(telegram, u"botToken"_s, BotToken)) << u"actions[0].botToken"_s << BotToken;
    QTest::newRow("bot token in a URL") << file({feedback}, with(rest, u"url"_s, u"https://api.telegram.org/bot%1/sendMessage"_s.arg(BotToken)))
                                        << u"actions[0].url"_s << BotToken;
    QTest::newRow("unknown template path") << file({feedback}, with(telegram, u"text"_s, u"Agent {{event.agentScore}}"_s))
                                           << u"actions[0].text"_s << QString();
    QTest::newRow("condition of another registry")
        << file({condition(u"validator_whitelist"_s, {{u"validators"_s, QJsonArray{u"0x00000000000000000000000000000000000000aa"_s}}})}, rest)
        << u"conditions[0].type"_s << QString();
    QTest::newRow("event of another registry") << file({feedback}, rest, u"identity"_s) << u"conditions[0].event"_s << QString();
    QTest::newRow("unknown chain") << with(file({feedback}, rest), u"chain"_s, u"no-such-chain"_s) << u"chain"_s << QString();
}

void TestTriggers::refusesBadTriggerFiles()
{
    QFETCH(QJsonObject, file);
    QFETCH(QString, field);
    QFETCH(QString, secret);
    auto definitions = [this] {
        const ArborctlRun list = m_chain.arborctl({u"trigger"_s, u"list"_s, u"--json"_s});
        QJsonArray out;
        for (const QJsonValue &v : list.object().value(u"triggers"_s).toArray()) {
            QJsonObject t = v.toObject();
            for (const char *figure : {"cursorBlock", "lastFiredAt", "deliveries24h", "failures24h"})
                t.remove(QLatin1String(figure));
            out.append(t);
        }
        return out;
    };
    const QJsonArray before = definitions();
    QVERIFY(!before.isEmpty());

    for (const QStringList &command : {QStringList{u"trigger"_s, u"add"_s},
                                       QStringList{u"trigger"_s, u"edit"_s, QString::number(m_ids.value(u"feedback"_s))},
                                       QStringList{u"trigger"_s, u"dry-run"_s}}) {
        const ArborctlRun r = m_chain.arborctlWithFile(command, file);
        QVERIFY2(r.exitCode == 2, qPrintable(command.join(u' ') + u": "_s + describe(r)));
        const QString message = r.err.section(u"error: "_s, 1);
        QVERIFY2(message.contains(QString(field + u": "_s)), qPrintable(command.join(u' ') + u" should name " + field + u": "_s + r.err));
        if (!secret.isEmpty())
            QVERIFY2(!r.out.contains(secret) && !r.err.contains(secret), qPrintable(command.join(u' ') + u" echoes the secret"_s));
    }
    QCOMPARE(definitions(), before);
}

void TestTriggers::secretsStayOutOfResultsLogsAndDatabase()
{
    QVERIFY2(!m_second.isEmpty(), "needs the traffic of the functions before");
    const ArborctlRun results = m_chain.arborctl({u"trigger"_s, u"results"_s, u"--limit"_s, u"10000"_s, u"--json"_s});
    const ArborctlRun list = m_chain.arborctl({u"trigger"_s, u"list"_s, u"--json"_s});
    QVERIFY2(results.exitCode == 0 && list.exitCode == 0, qPrintable(describe(results) + describe(list)));
    // Telegram's 429 and the webhook's 503s left errors and excerpts in the results.
    bool telegramRefused = false;
    for (const QJsonValue &r : results.object().value(u"results"_s).toArray())
        telegramRefused = telegramRefused || (r[u"action"_s][u"type"_s] == u"telegram"_s && r[u"httpStatus"_s].toInt() == 429);
    QVERIFY(telegramRefused);
    QByteArray stored;
    if (m_chain.database().url().backend == Backend::Sqlite) {
        for (const QString &suffix : {QString(), u"-wal"_s}) {
            QFile file(m_chain.database().url().path + suffix);
            if (file.open(QIODevice::ReadOnly))
                stored += file.readAll();
        }
        QVERIFY(stored.contains("NewFeedback"));
    }
    // The bot token's secret half, the part a percent-encoded URL keeps as it is.
    for (const QString &secret : {m_hooks.secret(), m_hooks.secret().mid(6), BotToken.section(u':', 1), McpToken}) {
        QVERIFY2(!results.out.contains(secret), "a secret in trigger results");
        QVERIFY2(!list.out.contains(secret), "a secret in trigger list");
        QVERIFY2(!m_chain.serveLog(-1).contains(secret), "a secret in serve's log");
        QVERIFY2(!stored.contains(secret.toUtf8()), "a secret in the database file");
    }
}

} // namespace tst_triggers

ARBOR_GUILESS_TEST_MAIN(triggers, tst_triggers::TestTriggers)
#include "tst_triggers.moc"

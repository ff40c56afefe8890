// Trigger files as operators write them: what is accepted, what is refused and with which field.

#include "testmain.h"
#include "triggers/triggerdef.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_triggerdef {

namespace {

/// The example of the trigger file documentation, verbatim in shape.
// Plain string pieces, not a raw string: Qt 6.4's moc loses the test class in a file with one.
const char *const Example =
    "{\"name\": \"Negative feedback for agent 3\", \"chain\": 31337, \"registry\": \"reputation\", \"enabled\": true,"
    " \"conditions\": [{\"type\": \"event_type_equals\", \"event\": \"NewFeedback\"},"
    "                {\"type\": \"agent_id_equals\", \"agentId\": \"3\"},"
    "                {\"type\": \"value_threshold\", \"operator\": \"<\", \"value\": \"0\"},"
    "                {\"type\": \"tag_equals\", \"tag\": \"uptime\"},"
    "                {\"type\": \"ema_threshold\", \"alpha\": \"0.2\", \"operator\": \"<\", \"value\": \"50\", \"minSamples\": 5},"
    "                {\"type\": \"rate_limit\", \"max\": 3, \"window\": \"1h\"}],"
    " \"actions\": [{\"type\": \"rest\", \"priority\": 1, \"method\": \"POST\", \"url\": \"https://hooks.example/arbor\","
    "              \"signingSecret\": \"keychain:ops-hook\", \"timeoutMs\": 5000, \"maxRetries\": 6},"
    "             {\"type\": \"telegram\", \"priority\": 2, \"botToken\": \"keychain:tg-bot\", \"chatId\": \"-100123\","
    "              \"text\": \"Agent {{event.agentId}}: {{event.value | decimals}} ({{event.tag1}})\"},"
    "             {\"type\": \"mcp\", \"priority\": 3, \"resolveEndpoint\": true, \"verifyFileHash\": true,"
    "              \"tool\": \"agent.receiveFeedback\", \"arguments\": {\"agentId\": \"{{event.agentId}}\"}}]}";

QJsonObject parseJson(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", qPrintable(error.errorString()));
    return doc.object();
}

QJsonObject example()
{
    return parseJson(Example);
}

/// `json` with the value at a path ("actions/0/url") replaced, or removed for undefined.
QJsonObject with(QJsonObject json, const QString &path, const QJsonValue &value)
{
    const QStringList parts = path.split(u'/');
    std::function<QJsonValue(const QJsonValue &, int)> set = [&](const QJsonValue &node, int i) -> QJsonValue {
        const QString key = parts.at(i);
        const bool last = i == parts.size() - 1;
        if (node.isArray()) {
            QJsonArray a = node.toArray();
            const int index = key.toInt();
            a[index] = last ? value : set(a.at(index), i + 1);
            return a;
        }
        QJsonObject o = node.toObject();
        if (last && value.isUndefined())
            o.remove(key);
        else
            o.insert(key, last ? value : set(o.value(key), i + 1));
        return o;
    };
    return set(json, 0).toObject();
}

} // namespace

class TstTriggerDef : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exampleParses()
    {
        auto t = parseTrigger(example());
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().toString()));
        QCOMPARE(t->name, u"Negative feedback for agent 3"_s);
        QCOMPARE(t->chainId, 31337);
        QCOMPARE(t->registry, RegistryKind::Reputation);
        QVERIFY(t->enabled);
        QCOMPARE(t->conditions.size(), 6);
        QCOMPARE(t->conditions.at(2).type, ConditionType::ValueThreshold);
        QCOMPARE(t->conditions.at(2).op, CompareOp::Less);
        QCOMPARE(t->conditions.at(4).minSamples, 5);
        QCOMPARE(t->conditions.at(4).smoothing(), 0.2);
        QCOMPARE(t->conditions.at(5).windowSeconds, 3600);
        QCOMPARE(t->actions.size(), 3);
        QCOMPARE(t->actions.at(0).type, ActionType::Rest);
        QCOMPARE(t->actions.at(0).signingSecret->toString(), u"keychain:ops-hook"_s);
        QCOMPARE(t->actions.at(0).timeoutMs, 5000);
        QCOMPARE(t->actions.at(1).botToken->source, SecretRef::Source::Keychain);
        QVERIFY(!t->actions.at(2).token);   // the agent's own token is sent, set per agent
        QVERIFY(t->actions.at(2).resolveEndpoint);
        QVERIFY(t->actions.at(2).verifyFileHash);
    }

    void roundTrip()
    {
        auto t = parseTrigger(example());
        QVERIFY(t.ok());
        auto again = parseTrigger(triggerToJson(*t));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().toString()));
        QCOMPARE(*again, *t);
    }

    void actionsRunByPriority()
    {
        QJsonObject json = example();
        json = with(json, u"actions/0/priority"_s, 9);
        auto t = parseTrigger(json);
        QVERIFY(t.ok());
        QCOMPARE(t->actions.at(0).type, ActionType::Telegram);
        QCOMPARE(t->actions.at(1).type, ActionType::Mcp);
        QCOMPARE(t->actions.at(2).type, ActionType::Rest);
    }

    void chainByName()
    {
        auto t = parseTrigger(with(example(), u"chain"_s, u"base-sepolia"_s));
        QVERIFY(t.ok());
        QCOMPARE(t->chainId, 0);
        QCOMPARE(t->chainName, u"base-sepolia"_s);
    }

    void refused_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("words");

        const QJsonObject e = example();
        QTest::newRow("no name") << with(e, u"name"_s, QJsonValue::Undefined) << u"name"_s << u"required"_s;
        QTest::newRow("bad registry") << with(e, u"registry"_s, u"reputations"_s) << u"registry"_s << u"identity, reputation"_s;
        QTest::newRow("no chain") << with(e, u"chain"_s, QJsonValue::Undefined) << u"chain"_s << u"which chain"_s;
        QTest::newRow("negative chain") << with(e, u"chain"_s, -4) << u"chain"_s << u"positive"_s;
        QTest::newRow("unknown key") << with(e, u"enabeld"_s, true) << u"enabeld"_s << u"Unknown field"_s;
        QTest::newRow("one token for every agent") << with(e, u"actions/2/token"_s, u"env:MCP_TOKEN"_s) << u"actions[2].token"_s
                                                   << u"agents token set"_s;
        QTest::newRow("unknown action key") << with(e, u"actions/0/signingsecret"_s, u"keychain:x"_s)
                                            << u"actions[0].signingsecret"_s << u"Unknown field"_s;
        QTest::newRow("no actions") << with(e, u"actions"_s, QJsonArray()) << u"actions"_s << u"at least one"_s;
        QTest::newRow("bad condition type") << with(e, u"conditions/1/type"_s, u"agent_is"_s) << u"conditions[1].type"_s
                                            << u"agent_id_equals"_s;
        QTest::newRow("event of another registry") << with(e, u"conditions/0/event"_s, u"Registered"_s)
                                                   << u"conditions[0].event"_s << u"NewFeedback"_s;
        QTest::newRow("bad operator") << with(e, u"conditions/2/operator"_s, u"=<"_s) << u"conditions[2].operator"_s << u"<="_s;
        QTest::newRow("bad threshold") << with(e, u"conditions/2/value"_s, u"1e3"_s) << u"conditions[2].value"_s << QString();
        QTest::newRow("agent id not digits") << with(e, u"conditions/1/agentId"_s, u"0x03"_s) << u"conditions[1].agentId"_s
                                             << u"decimal digits"_s;
        QTest::newRow("agent id past 2^53 as number") << with(e, u"conditions/1/agentId"_s, 1e17) << u"conditions[1].agentId"_s
                                                      << u"as text"_s;
        QTest::newRow("alpha out of range") << with(e, u"conditions/4/alpha"_s, u"1.5"_s) << u"conditions[4].alpha"_s << u"0.2"_s;
        QTest::newRow("alpha and window") << with(e, u"conditions/4/window"_s, 10) << u"conditions[4]"_s << u"not both"_s;
        QTest::newRow("rate window") << with(e, u"conditions/5/window"_s, u"1 fortnight"_s) << u"conditions[5].window"_s << u"1h"_s;
        QTest::newRow("rate max zero") << with(e, u"conditions/5/max"_s, 0) << u"conditions[5].max"_s << u"from 1"_s;
        QTest::newRow("validators on reputation")
            << with(e, u"conditions/3"_s, QJsonObject{{u"type"_s, u"validator_whitelist"_s}, {u"validators"_s, QJsonArray{u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"_s}}})
            << u"conditions[3].type"_s << u"validation registry"_s;
        QTest::newRow("url not http") << with(e, u"actions/0/url"_s, u"ftp://hooks.example/x"_s) << u"actions[0].url"_s << u"http(s)"_s;
        QTest::newRow("url with password") << with(e, u"actions/0/url"_s, u"https://bob:pw@hooks.example/x"_s) << u"actions[0].url"_s
                                           << u"password"_s;
        QTest::newRow("literal signing secret") << with(e, u"actions/0/signingSecret"_s, u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s)
                                                << u"actions[0].signingSecret"_s << u"Literal secrets are refused"_s;
        QTest::newRow("literal bot token") << with(e, u"actions/1/botToken"_s, u"123456789:AAH0mVh3RZxBq1x2y3z4w5v6u7t8s9r0q1p"_s)
                                           << u"actions[1].botToken"_s << u"Literal secrets are refused"_s;
        QTest::newRow("bot token in a URL") << with(e, u"actions/1/apiBaseUrl"_s, u"https://api.telegram.org/bot123456789:AAH0mVh3RZxBq1x2y3z4w5v6u7t8s9r0q1p"_s)
                                            << u"actions[1].apiBaseUrl"_s << u"Telegram bot token"_s;
        QTest::newRow("literal auth header") << with(e, u"actions/0/headers"_s, QJsonObject{{u"Authorization"_s, u"Bearer abcdefghijklmnop"_s}})
                                             << u"actions[0].headers.Authorization"_s << u"Literal secrets are refused"_s;
        QTest::newRow("bearer in the body") << with(e, u"actions/0/body"_s, QJsonObject{{u"auth"_s, u"Bearer abcdefghijklmnop"_s}})
                                            << u"actions[0].body.auth"_s << u"bearer token"_s;
        QTest::newRow("literal mcp token") << with(e, u"actions/2/token"_s, u"sk-live-1234"_s) << u"actions[2].token"_s
                                           << u"Literal secrets are refused"_s;
        QTest::newRow("missing bot token") << with(e, u"actions/1/botToken"_s, QJsonValue::Undefined) << u"actions[1].botToken"_s
                                           << u"required"_s;
        QTest::newRow("bad chat id") << with(e, u"actions/1/chatId"_s, u"my chat"_s) << u"actions[1].chatId"_s << u"numeric id"_s;
        QTest::newRow("legacy markdown") << with(e, u"actions/1/parseMode"_s, u"Markdown"_s) << u"actions[1].parseMode"_s
                                         << u"MarkdownV2"_s;
        QTest::newRow("mcp without url") << with(e, u"actions/2/resolveEndpoint"_s, false) << u"actions[2].url"_s << u"resolveEndpoint"_s;
        QTest::newRow("mcp without tool") << with(e, u"actions/2/tool"_s, QJsonValue::Undefined) << u"actions[2].tool"_s << u"required"_s;
        QTest::newRow("unknown template path") << with(e, u"actions/1/text"_s, u"Agent {{event.agentID}}"_s) << u"actions[1].text"_s
                                               << u"event.agentID"_s;
        QTest::newRow("unbalanced template") << with(e, u"actions/2/arguments"_s, QJsonObject{{u"id"_s, u"{{event.agentId"_s}})
                                             << u"actions[2].arguments.id"_s << QString();
        QTest::newRow("template in a header") << with(e, u"actions/0/headers"_s, QJsonObject{{u"X-Agent"_s, u"{{event.agentId}}"_s}})
                                              << u"actions[0].headers.X-Agent"_s << u"body"_s;
        QTest::newRow("timeout too long") << with(e, u"actions/0/timeoutMs"_s, 600000) << u"actions[0].timeoutMs"_s << u"120000"_s;
    }

    void refused()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        QFETCH(QString, words);
        auto t = parseTrigger(json);
        QVERIFY2(!t.ok(), "the file was accepted");
        QCOMPARE(t.error().kind, Error::Kind::Invalid);
        QCOMPARE(t.error().field, field);
        if (!words.isEmpty())
            QVERIFY2(t.error().message.contains(words), qPrintable(t.error().message));
    }

    void refusalsNeverEchoTheSecret()
    {
        const QString secret = u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s;
        auto t = parseTrigger(with(example(), u"actions/0/signingSecret"_s, secret));
        QVERIFY(!t.ok());
        QVERIFY(!t.error().toString().contains(u"MfKQ9r8"_s));
    }

    void secretHeaderReference()
    {
        auto t = parseTrigger(with(example(), u"actions/0/headers"_s,
                                   QJsonObject{{u"Authorization"_s, u"env:HOOK_AUTH"_s}, {u"X-Team"_s, u"ops"_s}}));
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().toString()));
        const QList<HeaderSpec> headers = t->actions.at(0).headers;
        QCOMPARE(headers.size(), 2);
        const auto auth = std::find_if(headers.begin(), headers.end(), [](const HeaderSpec &h) { return h.name == u"Authorization"_s; });
        QVERIFY(auth != headers.end() && auth->secret && auth->value.isEmpty());
        QCOMPARE(auth->secret->toString(), u"env:HOOK_AUTH"_s);
    }

    void retrySchedules_data()
    {
        QTest::addColumn<QJsonValue>("retry");      // undefined: the key is left out
        QTest::addColumn<QJsonValue>("maxRetries");
        QTest::addColumn<QList<qint64>>("waits");   // empty with error set: refused
        QTest::addColumn<QString>("error");
        const qint64 s = 1000, m = 60 * s, h = 60 * m;
        QTest::newRow("default: Standard Webhooks, about three days")
            << QJsonValue(QJsonValue::Undefined) << QJsonValue(QJsonValue::Undefined)
            << QList<qint64>{5 * s, 5 * m, 30 * m, 2 * h, 5 * h, 10 * h, 14 * h, 20 * h, 24 * h} << QString();
        QTest::newRow("quick") << QJsonValue(u"quick"_s) << QJsonValue(QJsonValue::Undefined)
                               << QList<qint64>{1 * s, 2 * s, 4 * s, 8 * s, 16 * s, 32 * s, 64 * s, 120 * s} << QString();
        QTest::newRow("none") << QJsonValue(u"none"_s) << QJsonValue(QJsonValue::Undefined) << QList<qint64>{} << QString();
        QTest::newRow("own waits") << QJsonValue(QJsonArray{u"30s"_s, u"5m"_s, 3600}) << QJsonValue(QJsonValue::Undefined)
                                   << QList<qint64>{30 * s, 5 * m, 1 * h} << QString();
        QTest::newRow("older maxRetries") << QJsonValue(QJsonValue::Undefined) << QJsonValue(3) << QList<qint64>{1 * s, 2 * s, 4 * s} << QString();
        QTest::newRow("unknown name") << QJsonValue(u"forever"_s) << QJsonValue(QJsonValue::Undefined) << QList<qint64>{}
                                      << u"actions[0].retry"_s;
        QTest::newRow("a wait of nothing") << QJsonValue(QJsonArray{u"0s"_s}) << QJsonValue(QJsonValue::Undefined) << QList<qint64>{}
                                           << u"actions[0].retry[0]"_s;
        QTest::newRow("a wait past a week") << QJsonValue(QJsonArray{u"8d"_s}) << QJsonValue(QJsonValue::Undefined) << QList<qint64>{}
                                            << u"actions[0].retry[0]"_s;
        QTest::newRow("both forms") << QJsonValue(u"quick"_s) << QJsonValue(3) << QList<qint64>{} << u"actions[0].maxRetries"_s;
    }

    void retrySchedules()
    {
        QFETCH(QJsonValue, retry);
        QFETCH(QJsonValue, maxRetries);
        QFETCH(QList<qint64>, waits);
        QFETCH(QString, error);
        QJsonObject json = with(example(), u"actions/0/maxRetries"_s, QJsonValue::Undefined);
        json = with(json, u"actions/0/retry"_s, retry);
        json = with(json, u"actions/0/maxRetries"_s, maxRetries);
        auto t = parseTrigger(json);
        if (!error.isEmpty()) {
            QVERIFY(!t.ok());
            QCOMPARE(t.error().field, error);
            return;
        }
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().toString()));
        QCOMPARE(t->actions.at(0).retry.waitsMs(), waits);
        auto again = parseTrigger(triggerToJson(*t));
        QVERIFY(again.ok());
        QCOMPARE(again->actions.at(0).retry, t->actions.at(0).retry);
    }

    void retryWaitsAreSpreadAndHonourRetryAfter()
    {
        const RetrySchedule schedule = RetrySchedule::standard();
        const qint64 failedAt = 1000000;
        // Attempt 1 failed: the first wait, 5 s, ±10 %.
        QCOMPARE(*schedule.nextAttemptAt(1, failedAt, 0.0), failedAt + 4500);
        QCOMPARE(*schedule.nextAttemptAt(1, failedAt, 0.5), failedAt + 5000);
        QCOMPARE(*schedule.nextAttemptAt(1, failedAt, 1.0), failedAt + 5500);
        // A receiver's Retry-After is a floor, capped at a day.
        QCOMPARE(*schedule.nextAttemptAt(1, failedAt, 0.5, 60000), failedAt + 60000);
        QCOMPARE(*schedule.nextAttemptAt(2, failedAt, 0.5, 1000), failedAt + 300000);
        QCOMPARE(*schedule.nextAttemptAt(2, failedAt, 0.5, 7LL * 24 * 3600 * 1000), failedAt + 24LL * 3600 * 1000);
        // After the ninth retry: spent.
        QVERIFY(schedule.nextAttemptAt(9, failedAt, 0.5).has_value());
        QVERIFY(!schedule.nextAttemptAt(10, failedAt, 0.5).has_value());
        QVERIFY(schedule.totalMs() > 3LL * 24 * 3600 * 1000);
        QCOMPARE(schedule.describe(), u"standard (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 1d)"_s);
    }

    void rotationNeedsAnEnd()
    {
        QJsonObject json = with(example(), u"actions/0/previousSigningSecret"_s, u"keychain:old-hook"_s);
        auto t = parseTrigger(json);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().field, u"actions[0].previousSecretUntil"_s);
        json = with(json, u"actions/0/previousSecretUntil"_s, u"2026-12-01T12:00:00Z"_s);
        t = parseTrigger(json);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().toString()));
        QCOMPARE(t->actions.at(0).previousSigningSecret->toString(), u"keychain:old-hook"_s);
        QCOMPARE(t->actions.at(0).previousSecretUntilMs, QDateTime(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch());
        auto again = parseTrigger(triggerToJson(*t));
        QVERIFY(again.ok());
        QCOMPARE(*again, *t);
    }

    void textBody()
    {
        auto t = parseTrigger(with(example(), u"actions/0/body"_s, u"agent={{event.agentId}}"_s));
        QVERIFY(t.ok());
        QVERIFY(t->actions.at(0).bodyIsText);
        auto again = parseTrigger(triggerToJson(*t));
        QVERIFY(again.ok());
        QCOMPARE(*again, *t);
    }
};

} // namespace tst_triggerdef

ARBOR_GUILESS_TEST_MAIN(triggerdef, tst_triggerdef::TstTriggerDef)
#include "tst_triggerdef.moc"

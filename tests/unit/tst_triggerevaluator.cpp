// TriggerEvaluator: every condition type, the stateful ones (EMA, rate limits) step by step, and
// state that goes through JSON text between events deciding as an uninterrupted run does.

#include "testmain.h"
#include "triggers/triggerevaluator.h"
#include "triggerevents.h"

#include <QJsonDocument>
#include <QtTest>

using namespace arbor;
using namespace arbor::testevents;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(arbor::Condition)

namespace tst_triggerevaluator {

namespace {

Condition condition(ConditionType type, auto change)
{
    Condition c;
    c.type = type;
    change(c);
    return c;
}

Condition valueIs(CompareOp op, const QString &value)
{
    return condition(ConditionType::ValueThreshold, [&](Condition &c) { c.op = op; c.value = value; });
}

Condition rate(int max, qint64 window, bool resetOnFire)
{
    return condition(ConditionType::RateLimit, [&](Condition &c) { c.max = max; c.windowSeconds = window; c.resetOnFire = resetOnFire; });
}

TriggerDef withConditions(QList<Condition> conditions, RegistryKind kind = RegistryKind::Reputation)
{
    TriggerDef def = trigger(kind);
    def.conditions = std::move(conditions);
    return def;
}

TriggerEvent at(TriggerEvent e, qint64 t)
{
    e.blockTimestamp = 1700000000 + t;
    return e;
}

QByteArray compact(const QJsonArray &a) { return QJsonDocument(a).toJson(QJsonDocument::Compact); }

} // namespace

class TestTriggerEvaluator final : public QObject
{
    Q_OBJECT

private slots:
    void stateless_data()
    {
        QTest::addColumn<Condition>("condition");
        QTest::addColumn<TriggerEvent>("event");
        QTest::addColumn<bool>("expected");
        const auto type = [](const char *name) {
            return condition(ConditionType::EventTypeEquals, [&](Condition &c) { c.event = QString::fromLatin1(name); });
        };
        const auto agent = [](const QString &id) {
            return condition(ConditionType::AgentIdEquals, [&](Condition &c) { c.agentId = *u256::fromDecimal(id); });
        };
        const auto tag = [](const QString &t) { return condition(ConditionType::TagEquals, [&](Condition &c) { c.tag = t; }); };
        const auto validators = [](const QStringList &list) {
            return condition(ConditionType::ValidatorWhitelist, [&](Condition &c) {
                for (const QString &v : list)
                    c.validators.append(addr(v));
            });
        };
        const Condition fileUri = condition(ConditionType::FileUriExists, [](Condition &) {});
        const TriggerEvent revoked = agentEvent(RegistryKind::Reputation, u"FeedbackRevoked"_s, BigAgent);
        const TriggerEvent response = validation(u"ValidationResponse"_s, Responder, u"hard-finality"_s);
        TriggerEvent noUri = feedback();
        noUri.event.uri = QString();
        TriggerEvent registered = agentEvent(RegistryKind::Identity, u"Registered"_s);
        registered.event.uri = u"ipfs://agent"_s;

        QTest::newRow("type matches") << type("NewFeedback") << feedback() << true;
        QTest::newRow("type differs") << type("FeedbackRevoked") << feedback() << false;
        QTest::newRow("agent 2^64+1") << agent(BigAgent) << revoked << true;
        QTest::newRow("agent differs") << agent(u"4"_s) << feedback() << false;
        QTest::newRow("-1.5 < 0") << valueIs(CompareOp::Less, u"0"_s) << feedback() << true;
        QTest::newRow("-1.5 >= -1.50") << valueIs(CompareOp::GreaterEqual, u"-1.50"_s) << feedback() << true;
        QTest::newRow("-1.5 == -1.50") << valueIs(CompareOp::Equal, u"-1.50"_s) << feedback() << true;
        QTest::newRow("-1.5 != -1.5") << valueIs(CompareOp::NotEqual, u"-1.5"_s) << feedback() << false;
        QTest::newRow("-1.5 > -1.5") << valueIs(CompareOp::Greater, u"-1.5"_s) << feedback() << false;
        QTest::newRow("-1.5 <= -1.51") << valueIs(CompareOp::LessEqual, u"-1.51"_s) << feedback() << false;
        QTest::newRow("-1.5 <= -1.5") << valueIs(CompareOp::LessEqual, u"-1.5"_s) << feedback(u"-150"_s, 2) << true;
        // 1.00000000000000000001 is 1.0 as a double: only an exact comparison sees it above 1.
        QTest::newRow("exact above 1") << valueIs(CompareOp::Greater, u"1"_s) << feedback(u"100000000000000000001"_s, 20) << true;
        QTest::newRow("exact not 1") << valueIs(CompareOp::Equal, u"1"_s) << feedback(u"100000000000000000001"_s, 20) << false;
        QTest::newRow("no value") << valueIs(CompareOp::Greater, u"-1000000"_s) << revoked << false;
        QTest::newRow("tag1") << tag(u"uptime"_s) << feedback() << true;
        QTest::newRow("tag2") << tag(u"latency"_s) << feedback() << true;
        QTest::newRow("tag case") << tag(u"Uptime"_s) << feedback() << false;
        QTest::newRow("validation tag") << tag(u"hard-finality"_s) << response << true;
        QTest::newRow("no tags") << tag(QString()) << revoked << false;
        QTest::newRow("whitelisted") << validators({Client, Responder}) << response << true;
        QTest::newRow("request whitelisted") << validators({Responder}) << validation(u"ValidationRequest"_s, Responder) << true;
        QTest::newRow("not whitelisted") << validators({Client}) << response << false;
        QTest::newRow("client is no validator") << validators({Client}) << feedback() << false;
        QTest::newRow("feedback uri") << fileUri << feedback() << true;
        QTest::newRow("agent uri") << fileUri << registered << true;
        QTest::newRow("empty uri") << fileUri << noUri << false;
        QTest::newRow("no uri") << fileUri << revoked << false;
    }
    void stateless()
    {
        QFETCH(Condition, condition);
        QFETCH(TriggerEvent, event);
        QFETCH(bool, expected);
        const TriggerEvaluator evaluator(withConditions({condition}, event.event.kind));
        QCOMPARE(evaluator.matchesStateless(event), expected);
        QJsonArray state;
        QCOMPARE(evaluator.evaluate(event, state), expected);
        QCOMPARE(compact(state), expected ? QByteArray("[{}]") : QByteArray("[]"));
    }

    void otherRegistryOrChain()
    {
        const Condition type = condition(ConditionType::EventTypeEquals, [](Condition &c) { c.event = u"NewFeedback"_s; });
        QVERIFY(TriggerEvaluator(withConditions({type})).matchesStateless(feedback()));
        QVERIFY(!TriggerEvaluator(withConditions({type}, RegistryKind::Identity)).matchesStateless(feedback()));
        TriggerEvent otherChain = feedback();
        otherChain.chainId = 1;
        QVERIFY(!TriggerEvaluator(withConditions({type})).matchesStateless(otherChain));
    }

    void ema_data()
    {
        QTest::addColumn<QString>("alpha");
        QTest::addColumn<int>("window");
        QTest::addColumn<CompareOp>("op");
        QTest::addColumn<QString>("threshold");
        QTest::addColumn<int>("minSamples");
        QTest::addColumn<QStringList>("values");   // "value" or "value/decimals"; "x": an event without a value
        QTest::addColumn<QString>("fired");
        QTest::addColumn<double>("ema");
        QTest::addColumn<int>("samples");
        const QStringList series = {u"100"_s, u"40"_s, u"20"_s, u"10"_s, u"80"_s};
        // 100, 70, 45, 27.5, 53.75; the first two are before minSamples.
        QTest::newRow("alpha, after minSamples") << u"0.5"_s << 0 << CompareOp::Less << u"50"_s << 3 << series << u"--++-"_s << 53.75 << 5;
        // window 4: alpha 0.4; 100, 76, 53.6, 36.16, 53.696.
        QTest::newRow("window") << QString() << 4 << CompareOp::Less << u"50"_s << 1 << series << u"---+-"_s << 53.696 << 5;
        QTest::newRow("alpha 1 follows the value") << u"1"_s << 0 << CompareOp::GreaterEqual << u"10"_s << 1
                                                   << QStringList{u"5"_s, u"10"_s, u"9"_s} << u"-+-"_s << 9.0 << 3;
        // Had the revocation counted as a sample (of 0), it would have fired at 50.
        QTest::newRow("no value leaves the average") << u"0.5"_s << 0 << CompareOp::Less << u"61"_s << 2
                                                     << QStringList{u"100"_s, u"x"_s, u"20"_s} << u"--+"_s << 60.0 << 2;
        QTest::newRow("scaled values") << u"0.5"_s << 0 << CompareOp::LessEqual << u"7.5"_s << 2
                                       << QStringList{u"1000/2"_s, u"50/1"_s, u"-3/0"_s} << u"-++"_s << 2.25 << 3;
    }
    void ema()
    {
        QFETCH(QString, alpha);
        QFETCH(int, window);
        QFETCH(CompareOp, op);
        QFETCH(QString, threshold);
        QFETCH(int, minSamples);
        QFETCH(QStringList, values);
        QFETCH(QString, fired);
        QFETCH(double, ema);
        QFETCH(int, samples);
        const TriggerEvaluator evaluator(withConditions({condition(ConditionType::EmaThreshold, [&](Condition &c) {
            c.alpha = alpha; c.window = window; c.op = op; c.value = threshold; c.minSamples = minSamples; })}));
        QJsonArray state;
        QString got;
        for (qsizetype i = 0; i < values.size(); ++i) {
            const QStringList v = values[i].split(u'/');
            const TriggerEvent e = v[0] == u"x" ? agentEvent(RegistryKind::Reputation, u"FeedbackRevoked"_s)
                                                : feedback(v[0], v.value(1, u"0"_s).toInt());
            got += evaluator.evaluate(at(e, i), state) ? u'+' : u'-';
        }
        QCOMPARE(got, fired);
        const QJsonObject s = state[0].toObject();
        QVERIFY2(qFuzzyCompare(s[u"ema"_s].toDouble(), ema), qPrintable(QString::number(s[u"ema"_s].toDouble(), 'g', 17)));
        QCOMPARE(s[u"samples"_s].toInteger(), samples);
    }

    void rateLimit_data()
    {
        QTest::addColumn<int>("max");
        QTest::addColumn<qint64>("window");
        QTest::addColumn<bool>("resetOnFire");
        QTest::addColumn<QList<qint64>>("times");
        QTest::addColumn<QString>("fired");
        QTest::addColumn<QList<qint64>>("kept");   // the firings in the window, or {count, last}
        const QList<qint64> times = {0, 10, 20, 59, 60, 65, 71};
        QTest::newRow("sliding") << 2 << qint64(60) << false << times << u"++--+-+"_s << QList<qint64>{60, 71};
        QTest::newRow("reset on fire") << 2 << qint64(60) << true << times << u"++----+"_s << QList<qint64>{1, 71};
        QTest::newRow("reset after a quiet window") << 3 << qint64(100) << true << QList<qint64>{0, 50, 200, 210, 220, 230}
                                                    << u"+++++-"_s << QList<qint64>{3, 220};
        QTest::newRow("same second") << 1 << qint64(3600) << false << QList<qint64>{0, 0, 3599, 3600}
                                     << u"+--+"_s << QList<qint64>{3600};
    }
    void rateLimit()
    {
        QFETCH(int, max);
        QFETCH(qint64, window);
        QFETCH(bool, resetOnFire);
        QFETCH(QList<qint64>, times);
        QFETCH(QString, fired);
        QFETCH(QList<qint64>, kept);
        const TriggerEvaluator evaluator(withConditions({rate(max, window, resetOnFire)}));
        QJsonArray state;
        QString got;
        for (qint64 t : times)
            got += evaluator.evaluate(at(feedback(), t), state) ? u'+' : u'-';
        QCOMPARE(got, fired);
        QJsonObject expected;
        if (resetOnFire) {
            expected = {{u"count"_s, double(kept[0])}, {u"last"_s, double(1700000000 + kept[1])}};
        } else {
            QJsonArray firings;
            for (qint64 t : kept)
                firings.append(double(1700000000 + t));
            expected = {{u"firings"_s, firings}};
        }
        QCOMPARE(compact(state), compact(QJsonArray{expected}));
    }

    void statefulOnlyAdvanceOnMatches()
    {
        const TriggerEvaluator evaluator(withConditions({
            condition(ConditionType::TagEquals, [](Condition &c) { c.tag = u"uptime"_s; }),
            condition(ConditionType::EmaThreshold, [](Condition &c) { c.alpha = u"1"_s; c.op = CompareOp::Less; c.value = u"0"_s; }),
            rate(1, 100, false)}));
        QJsonArray state;
        QVERIFY(!evaluator.evaluate(at(feedback(u"-5"_s, 0, u"other"_s), 0), state));
        QCOMPARE(compact(state), QByteArray("[]"));   // a stateless condition failed: nothing moves
        QVERIFY(!evaluator.evaluate(at(feedback(u"5"_s, 0), 1), state));
        QCOMPARE(compact(state), QByteArray(R"([{},{"ema":5,"samples":1},{}])"));   // EMA moves, no firing counted
        QVERIFY(evaluator.evaluate(at(feedback(u"-1"_s, 0), 2), state));
        QVERIFY(!evaluator.evaluate(at(feedback(u"-2"_s, 0), 3), state));   // muted; the average still moves
        QCOMPARE(compact(state), QByteArray(R"([{},{"ema":-2,"samples":3},{"firings":[1700000002]}])"));
        QVERIFY(evaluator.evaluate(at(feedback(u"-3"_s, 0), 102), state));

        // With two rate limits, a firing one of them refuses counts in neither.
        const TriggerEvaluator two(withConditions({rate(1, 10, false), rate(3, 1000, false)}));
        QJsonArray s2;
        QString got;
        for (qint64 t : {0, 5, 20, 40, 60})
            got += two.evaluate(at(feedback(), t), s2) ? u'+' : u'-';
        QCOMPARE(got, u"+-++-"_s);
        QCOMPARE(compact(s2), QByteArray(R"([{"firings":[1700000040]},{"firings":[1700000000,1700000020,1700000040]}])"));
    }

    void stateSurvivesJsonText_data()
    {
        QTest::addColumn<QList<Condition>>("conditions");
        const Condition feedbackOnly = condition(ConditionType::EventTypeEquals, [](Condition &c) { c.event = u"NewFeedback"_s; });
        QTest::newRow("ema alpha, sliding rate") << QList<Condition>{
            feedbackOnly,
            condition(ConditionType::EmaThreshold, [](Condition &c) {
                c.alpha = u"0.3"_s; c.op = CompareOp::Greater; c.value = u"40"_s; c.minSamples = 3; }),
            rate(2, 300, false)};
        QTest::newRow("ema window, reset on fire") << QList<Condition>{
            condition(ConditionType::EmaThreshold, [](Condition &c) {
                c.window = 5; c.op = CompareOp::Less; c.value = u"55.5"_s; c.minSamples = 2; }),
            rate(2, 200, true)};
    }
    void stateSurvivesJsonText()
    {
        QFETCH(QList<Condition>, conditions);
        const TriggerDef def = withConditions(conditions);
        QList<TriggerEvent> events;
        for (int i = 0; i < 60; ++i) {
            const int decimals = i % 3;
            const qint64 v = (i * 37) % 101;
            const QString value = QString::number(decimals == 0 ? v : v * (decimals == 1 ? 10 : 100) + i % 10);
            events.append(at(i % 7 == 3 ? agentEvent(RegistryKind::Reputation, u"FeedbackRevoked"_s) : feedback(value, decimals), i * 45));
        }

        const TriggerEvaluator uninterrupted(def);
        QJsonArray state;
        QString expected;
        for (const TriggerEvent &e : std::as_const(events))
            expected += uninterrupted.evaluate(e, state) ? u'+' : u'-';
        QVERIFY2(expected.contains(u'+') && expected.contains(u'-'), qPrintable(expected));

        // A restart before every event: a new evaluator and the state read back from JSON text.
        QByteArray text = "[]";
        QString got;
        for (const TriggerEvent &e : std::as_const(events)) {
            QJsonParseError error;
            QJsonArray restored = QJsonDocument::fromJson(text, &error).array();
            QCOMPARE(error.error, QJsonParseError::NoError);
            got += TriggerEvaluator(def).evaluate(e, restored) ? u'+' : u'-';
            text = QJsonDocument(restored).toJson(QJsonDocument::Indented);
        }
        QCOMPARE(got, expected);
        QCOMPARE(compact(QJsonDocument::fromJson(text).array()), compact(state));
    }
};

} // namespace tst_triggerevaluator

ARBOR_GUILESS_TEST_MAIN(triggerevaluator, tst_triggerevaluator::TestTriggerEvaluator)
#include "tst_triggerevaluator.moc"

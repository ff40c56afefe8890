// The pure model of triggers: exact decimals, message templates, the event's JSON, rendered
// payloads and delivery ids (the evaluator: tst_triggerevaluator).

#include "testmain.h"
#include "triggers/decimal.h"
#include "triggers/eventpayload.h"
#include "triggers/messagetemplate.h"
#include "triggerevents.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace arbor;
using namespace arbor::testevents;
using namespace Qt::StringLiterals;

namespace tst_triggermodel {

namespace {

QJsonObject context(const QString &triggerName = u"Negative feedback"_s, const TriggerEvent &e = feedback())
{
    Action a;
    a.id = 9;
    a.type = ActionType::Telegram;
    return payloadContext(u"dlv_test"_s, trigger(RegistryKind::Reputation, triggerName), a, eventToJson(e), u"anvil"_s);
}

QByteArray compact(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

} // namespace

class TestTriggerModel final : public QObject
{
    Q_OBJECT

private slots:
    void decimalParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("normalised");
        QTest::addColumn<bool>("negative");
        QTest::newRow("integer") << u"42"_s << u"42"_s << false;
        QTest::newRow("trailing zeros") << u"-12.50"_s << u"-12.5"_s << true;
        QTest::newRow("plus sign") << u"+0.10"_s << u"0.1"_s << false;
        QTest::newRow("minus zero") << u"-0"_s << u"0"_s << false;
        QTest::newRow("minus zero fraction") << u"-0.000"_s << u"0"_s << false;
        QTest::newRow("leading zeros") << u"007.0700"_s << u"7.07"_s << false;
        QTest::newRow("small") << u"-0.001"_s << u"-0.001"_s << true;
        const QString huge = u"1234567890"_s.repeated(10) + u".0000000001"_s;
        QTest::newRow("100 digits") << huge << huge << false;
    }
    void decimalParse()
    {
        QFETCH(QString, text);
        QFETCH(QString, normalised);
        QFETCH(bool, negative);
        const auto d = Decimal::parse(text, u"conditions[2].value"_s);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->toString(), normalised);
        QCOMPARE(d->isNegative(), negative);
        QCOMPARE(*Decimal::parse(normalised, QString()), *d);
    }

    void decimalRefused_data()
    {
        QTest::addColumn<QString>("text");
        for (const QString &bad : {u""_s, u"-"_s, u"1."_s, u".5"_s, u"1e5"_s, u" 1"_s, u"1 "_s, u"1,000"_s, u"0x10"_s,
                                   u"--1"_s, u"1.2.3"_s, u"+-1"_s, u"١٢"_s, u"NaN"_s})
            QTest::newRow(qPrintable(u"“"_s + bad + u"”"_s)) << bad;
    }
    void decimalRefused()
    {
        QFETCH(QString, text);
        const auto d = Decimal::parse(text, u"conditions[2].value"_s);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().kind, Error::Kind::Invalid);
        QCOMPARE(d.error().field, u"conditions[2].value"_s);
        QVERIFY2(d.error().message.contains(text.isEmpty() ? u"42"_s : text), qPrintable(d.error().message));
    }

    void decimalCompare_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("expected");
        QTest::newRow("same value, other zeros") << u"-0.10"_s << u"-0.1"_s << 0;
        QTest::newRow("zero and minus zero") << u"0"_s << u"-0.0"_s << 0;
        QTest::newRow("integer beats fraction") << u"1"_s << u"0.999"_s << 1;
        QTest::newRow("longer integer") << u"10"_s << u"9.99"_s << 1;
        QTest::newRow("negative magnitudes") << u"-1"_s << u"-0.5"_s << -1;
        QTest::newRow("signs") << u"-2"_s << u"1"_s << -1;
        QTest::newRow("fraction digits") << u"0.1"_s << u"0.10001"_s << -1;
        QTest::newRow("negative fraction digits") << u"-0.1"_s << u"-0.10001"_s << 1;
        QTest::newRow("beyond double") << u"100000000000000000000000000000000000000001"_s
                                       << u"100000000000000000000000000000000000000000.9"_s << 1;
        QTest::newRow("tiny difference") << u"1.00000000000000000001"_s << u"1"_s << 1;
    }
    void decimalCompare()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, expected);
        const Decimal da = *Decimal::parse(a, QString());
        const Decimal db = *Decimal::parse(b, QString());
        QCOMPARE(Decimal::compare(da, db), expected);
        QCOMPARE(Decimal::compare(db, da), -expected);
        QCOMPARE(da == db, expected == 0);
    }

    void decimalScaled_data()
    {
        QTest::addColumn<QString>("integer");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("expected");   // empty: refused
        QTest::newRow("spec example") << u"-1234"_s << 2 << u"-12.34"_s;
        QTest::newRow("padding") << u"5"_s << 3 << u"0.005"_s;
        QTest::newRow("negative padding") << u"-5"_s << 3 << u"-0.005"_s;
        QTest::newRow("zero") << u"-0"_s << 18 << u"0"_s;
        QTest::newRow("trailing zeros") << u"-100"_s << 2 << u"-1"_s;
        QTest::newRow("no decimals") << u"+7"_s << 0 << u"7"_s;
        QTest::newRow("int128 min") << u"-170141183460469231731687303715884105728"_s << 18
                                    << u"-170141183460469231731.687303715884105728"_s;
        QTest::newRow("uint8 max decimals") << u"1"_s << 255 << (u"0."_s + QString(254, u'0') + u"1"_s);
        QTest::newRow("fraction refused") << u"1.5"_s << 1 << QString();
        QTest::newRow("empty refused") << QString() << 0 << QString();
        QTest::newRow("text refused") << u"abc"_s << 2 << QString();
        QTest::newRow("negative decimals refused") << u"12"_s << -1 << QString();
    }
    void decimalScaled()
    {
        QFETCH(QString, integer);
        QFETCH(int, decimals);
        QFETCH(QString, expected);
        const auto d = Decimal::scaled(integer, decimals, u"value"_s);
        QCOMPARE(d.ok(), !expected.isEmpty());
        if (!d.ok()) {
            QCOMPARE(d.error().field, u"value"_s);
            return;
        }
        QCOMPARE(d->toString(), expected);
        QCOMPARE(d->toDouble(), expected.toDouble());
    }

    void templateRender_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("issue example") << u"Agent {{event.agentId}}: {{event.value | decimals}} ({{event.tag1}})"_s
                                       << u"Agent 3: -1.5 (uptime)"_s;
        QTest::newRow("spaces and upper") << u"{{ event.tag1 | upper }}"_s << u"UPTIME"_s;
        QTest::newRow("lower") << u"{{trigger.name|lower}}"_s << u"negative feedback"_s;
        QTest::newRow("short") << u"{{event.clientAddress | short}}"_s << u"0x1234…5678"_s;
        QTest::newRow("json string") << u"{{event.tag2 | json}}"_s << u"\"latency\""_s;
        QTest::newRow("decimals then json") << u"{{event.value | decimals | json}}"_s << u"\"-1.5\""_s;
        QTest::newRow("number") << u"d={{event.valueDecimals}}"_s << u"d=1"_s;
        QTest::newRow("big index") << u"#{{event.feedbackIndex}}"_s << u"#9007199254740993"_s;
        QTest::newRow("known but absent") << u"[{{event.requestHash}}]"_s << u"[]"_s;
        QTest::newRow("context") << u"{{deliveryId}} {{action.type}} {{chain.name}} {{trigger.registry}}"_s
                                 << u"dlv_test telegram anvil reputation"_s;
        QTest::newRow("stray closing braces are text") << u"}}{\"a\":{\"b\":{{event.logIndex}}}}"_s
                                                        << u"}}{\"a\":{\"b\":7}}"_s;
        QTest::newRow("no placeholder") << u"plain"_s << u"plain"_s;
    }
    void templateRender()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const auto t = MessageTemplate::parse(text, u"actions[1].text"_s);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : t.error().message));
        QCOMPARE(t->render(context()), expected);
    }

    void templateRefused_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("misspelt field") << u"Agent {{event.agentID}}"_s << QStringList{u"event.agentID"_s, u"agentId"_s, u"trigger.name"_s};
        QTest::newRow("unknown filter") << u"{{event.tag1 | title}}"_s << QStringList{u"title"_s, u"decimals, lower, upper, json, short"_s};
        QTest::newRow("decimals on a tag") << u"{{event.tag1 | decimals}}"_s << QStringList{u"decimals"_s, u"event.value"_s};
        QTest::newRow("decimals not first") << u"{{event.value | lower | decimals}}"_s << QStringList{u"{{event.value | decimals}}"_s};
        QTest::newRow("unclosed") << u"Agent {{event.agentId"_s << QStringList{u"{{event.agentId"_s, u"}}"_s};
        QTest::newRow("empty") << u"{{ }}"_s << QStringList{u"{{event.agentId}}"_s};
        QTest::newRow("unknown trigger field") << u"{{trigger.secret}}"_s << QStringList{u"trigger.secret"_s};
        QTest::newRow("object path") << u"{{event}}"_s << QStringList{u"“event”"_s};
        QTest::newRow("too deep") << u"{{event.agentId.x}}"_s << QStringList{u"event.agentId.x"_s};
        QTest::newRow("nested") << u"{{a {{event.agentId}}"_s << QStringList{u"{{a {{event.agentId}}"_s};
    }
    void templateRefused()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        const auto t = MessageTemplate::parse(text, u"actions[1].text"_s);
        QVERIFY(!t.ok());
        QCOMPARE(t.error().kind, Error::Kind::Invalid);
        QCOMPARE(t.error().field, u"actions[1].text"_s);
        for (const QString &w : words)
            QVERIFY2(t.error().message.contains(w), qPrintable(w + u" not in: "_s + t.error().message));
    }

    void templateValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("single");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("number keeps its type") << u"{{event.valueDecimals}}"_s << true << QJsonValue(1);
        QTest::newRow("big integer stays text") << u"{{event.feedbackIndex}}"_s << true << QJsonValue(u"9007199254740993"_s);
        QTest::newRow("absent is null") << u"{{event.requestHash}}"_s << true << QJsonValue(QJsonValue::Null);
        QTest::newRow("filter gives text") << u"{{event.value | decimals}}"_s << true << QJsonValue(u"-1.5"_s);
        QTest::newRow("leading space") << u" {{event.valueDecimals}}"_s << false << QJsonValue(u" 1"_s);
        QTest::newRow("two placeholders") << u"{{event.logIndex}}{{event.logIndex}}"_s << false << QJsonValue(u"77"_s);
    }
    void templateValue()
    {
        QFETCH(QString, text);
        QFETCH(bool, single);
        QFETCH(QJsonValue, expected);
        const auto t = MessageTemplate::parse(text, QString());
        QVERIFY(t.ok());
        QCOMPARE(t->isSinglePlaceholder(), single);
        QCOMPARE(t->renderValue(context()), expected);
    }

    void templatePaths()
    {
        const auto t = MessageTemplate::parse(u"{{event.tag1}} x {{trigger.name | upper}}{{deliveryId}}"_s, QString());
        QCOMPARE(t->paths(), (QStringList{u"event.tag1"_s, u"trigger.name"_s, u"deliveryId"_s}));
    }

    void templateEscaping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("markdown values only") << u"*Agent* {{trigger.name}}: {{event.value | decimals}}!"_s
                                              << u"a_b (x)! [1] \\"_s << false
                                              << u"*Agent* a\\_b \\(x\\)\\! \\[1\\] \\\\: \\-1\\.5!"_s;
        QTest::newRow("markdown every special") << u"{{trigger.name}}"_s << u"_*[]()~`>#+-=|{}.!"_s << false
                                                << u"\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!"_s;
        QTest::newRow("html values only") << u"<b>{{trigger.name}}</b>"_s << u"R&D <ops> \"x\""_s << true
                                          << u"<b>R&amp;D &lt;ops&gt; &quot;x&quot;</b>"_s;
    }
    void templateEscaping()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QFETCH(bool, html);
        QFETCH(QString, expected);
        const auto t = MessageTemplate::parse(text, QString());
        QCOMPARE(t->render(context(name), html ? escapeHtml : escapeMarkdownV2), expected);
    }

    void jsonTemplates()
    {
        const QJsonObject bad{{u"a"_s, QJsonArray{u"ok {{event.tag1}}"_s, u"{{event.nope}}"_s}}};
        const Status s = checkJsonTemplates(bad, u"actions[0].body"_s);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().field, u"actions[0].body.a[1]"_s);
        QVERIFY(checkJsonTemplates(QJsonObject{{u"a"_s, QJsonArray{u"{{event.tag1}}"_s, 5}}}, u"body"_s).ok());

        const QJsonObject body{{u"id"_s, u"{{event.agentId}}"_s}, {u"n"_s, u"{{event.valueDecimals}}"_s},
                               {u"list"_s, QJsonArray{u"x {{event.tag1}}"_s, 5, true}},
                               {u"nested"_s, QJsonObject{{u"v"_s, u"{{event.value | decimals}}"_s}}}};
        const QJsonValue rendered = renderJsonTemplates(body, context());
        QCOMPARE(compact(rendered.toObject()),
                 R"({"id":"3","list":["x uptime",5,true],"n":1,"nested":{"v":"-1.5"}})");
    }

    void eventJson_data()
    {
        QTest::addColumn<TriggerEvent>("event");
        QTest::addColumn<QString>("own");   // the event's own fields, ' for "
        const auto with = [](TriggerEvent t, auto change) { change(t.event); return t; };
        const TriggerEvent id = agentEvent(RegistryKind::Identity, u"Registered"_s, BigAgent);
        QTest::newRow("Registered") << with(id, [](AgentEvent &e) { e.uri = u"ipfs://agent"_s; e.actor = addr(Client); })
                                    << u"'agentURI':'ipfs://agent','owner':'@client'"_s;
        QTest::newRow("URIUpdated") << with(agentEvent(RegistryKind::Identity, u"URIUpdated"_s, BigAgent),
                                            [](AgentEvent &e) { e.uri = u"https://new"_s; e.actor = addr(Client); })
                                    << u"'newURI':'https://new','updatedBy':'@client'"_s;
        QTest::newRow("MetadataSet") << with(agentEvent(RegistryKind::Identity, u"MetadataSet"_s, BigAgent), [](AgentEvent &e) {
            e.metadataKey = u"color"_s; e.metadataValue = QByteArray("\x01\xab", 2); })
                                     << u"'metadataKey':'color','metadataValue':'0x01ab'"_s;
        QTest::newRow("NewFeedback") << with(feedback(u"-170141183460469231731687303715884105728"_s, 18),
                                             [](AgentEvent &e) { e.agentId = *u256::fromDecimal(BigAgent); })
            << u"'clientAddress':'@client','feedbackIndex':'9007199254740993','value':'-170141183460469231731687303715884105728',"
                   u"'valueDecimals':18,'tag1':'uptime','tag2':'latency','endpoint':'https://agent.example/mcp',"
                   u"'feedbackURI':'ipfs://feedback','feedbackHash':'@hash-f'"_s;
        QTest::newRow("FeedbackRevoked") << with(agentEvent(RegistryKind::Reputation, u"FeedbackRevoked"_s, BigAgent), [](AgentEvent &e) {
            e.actor = addr(Client); e.feedbackIndex = BigIndex; })
                                         << u"'clientAddress':'@client','feedbackIndex':'9007199254740993'"_s;
        QTest::newRow("ResponseAppended") << with(agentEvent(RegistryKind::Reputation, u"ResponseAppended"_s, BigAgent), [](AgentEvent &e) {
            e.actor = addr(Client); e.feedbackIndex = BigIndex; e.counterparty = addr(Responder);
            e.uri = u"ipfs://response"_s; e.dataHash = hash('d'); })
            << u"'clientAddress':'@client','feedbackIndex':'9007199254740993','responder':'@responder',"
                   u"'responseURI':'ipfs://response','responseHash':'@hash-d'"_s;
        QTest::newRow("ValidationRequest") << with(validation(u"ValidationRequest"_s, Responder),
                                                   [](AgentEvent &e) { e.agentId = *u256::fromDecimal(BigAgent); })
            << u"'validatorAddress':'@responder','requestURI':'ipfs://request','requestHash':'@hash-a'"_s;
        QTest::newRow("ValidationResponse") << with(validation(u"ValidationResponse"_s, Responder, u"hard-finality"_s),
                                                    [](AgentEvent &e) { e.agentId = *u256::fromDecimal(BigAgent); })
            << u"'validatorAddress':'@responder','requestHash':'@hash-a','response':100,'responseURI':'ipfs://request',"
                   u"'responseHash':'@hash-d','tag':'hard-finality'"_s;
    }
    void eventJson()
    {
        QFETCH(TriggerEvent, event);
        QFETCH(QString, own);
        QString expected = u"{'chainId':31337,'blockNumber':120,'blockHash':'@hash-b','txHash':'@hash-7','logIndex':7,"
            u"'blockTimestamp':1700000000,'registry':'0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee','registryKind':'@kind',"
            u"'type':'@type','agentId':'18446744073709551617',"_s + own + u"}"_s;
        expected.replace(u'\'', u'"').replace(u"@client"_s, Client).replace(u"@responder"_s, Responder)
            .replace(u"@kind"_s, registryKindName(event.event.kind)).replace(u"@type"_s, event.event.event);
        for (char c : {'a', 'b', 'd', 'f', '7'})
            expected.replace(u"@hash-"_s + QLatin1Char(c), hash(c).toHex());
        QJsonParseError error;
        const QJsonObject want = QJsonDocument::fromJson(expected.toUtf8(), &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject got = eventToJson(event);
        QCOMPARE(compact(got), compact(want));
        // Every field the event carries can be named in a template of its registry's triggers.
        const QStringList known = eventFieldNames(event.event.kind);
        for (const QString &key : got.keys()) {
            QVERIFY2(known.contains(key), qPrintable(key));
            QVERIFY(MessageTemplate::parse(u"{{event."_s + key + u"}}"_s, QString()).ok());
        }
    }

    void restBody_data()
    {
        QTest::addColumn<QJsonValue>("body");
        QTest::addColumn<bool>("isText");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("text") << QJsonValue(u"agent={{event.agentId}}&tag={{event.tag1}}"_s) << true
                              << QByteArray("agent=3&tag=uptime");
        QTest::newRow("json typed leaves") << QJsonValue(QJsonObject{{u"agent"_s, u"{{event.agentId}}"_s}, {u"d"_s, u"{{event.valueDecimals}}"_s},
                                                                     {u"msg"_s, u"v={{event.value | decimals}}"_s}})
                                           << false << QByteArray(R"({"agent":"3","d":1,"msg":"v=-1.5"})");
    }
    void restBody()
    {
        QFETCH(QJsonValue, body);
        QFETCH(bool, isText);
        QFETCH(QByteArray, expected);
        Action a;
        a.body = body;
        a.bodyIsText = isText;
        const auto p = renderPayload(a, context());
        QVERIFY(p.ok());
        QCOMPARE(p->body, expected);
        QVERIFY(p->target.isEmpty());
    }

    void restDefaultBody()
    {
        const auto p = renderPayload(Action(), context());
        QVERIFY(p.ok());
        QVERIFY(!p->body.contains('\n'));
        const QJsonObject o = QJsonDocument::fromJson(p->body).object();
        QCOMPARE(o.value(u"deliveryId"_s).toString(), u"dlv_test"_s);
        QCOMPARE(o.value(u"trigger"_s)[u"name"_s].toString(), u"Negative feedback"_s);
        QCOMPARE(o.value(u"trigger"_s)[u"id"_s].toInteger(), 5);
        QCOMPARE(o.value(u"action"_s)[u"id"_s].toInteger(), 9);
        QCOMPARE(o.value(u"event"_s)[u"value"_s].toString(), u"-15"_s);
        QCOMPARE(o.value(u"event"_s)[u"feedbackIndex"_s].toString(), u"9007199254740993"_s);
        QCOMPARE(o.value(u"event"_s)[u"txHash"_s].toString(), hash('7').toHex());
    }

    void telegramText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parseMode");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << u"Agent {{event.agentId}}: {{event.value | decimals}} ({{event.tag1}})"_s << QString()
                               << u"x.y"_s << u"Agent 3: -1.5 (uptime)"_s;
        QTest::newRow("markdown") << u"*Agent* {{event.agentId}}: {{event.value | decimals}} {{trigger.name}}"_s
                                  << u"MarkdownV2"_s << u"x.y"_s << u"*Agent* 3: \\-1\\.5 x\\.y"_s;
        QTest::newRow("html") << u"<b>{{trigger.name}}</b>"_s << u"HTML"_s << u"R&D"_s << u"<b>R&amp;D</b>"_s;
        QTest::newRow("default summary") << QString() << QString() << u"ops.alerts"_s
            << u"ops.alerts: NewFeedback for agent 3 on chain 31337 at block 120, value -1.5, tag uptime latency, from 0x1234…5678"_s;
        QTest::newRow("default summary, markdown") << QString() << u"MarkdownV2"_s << u"ops.alerts"_s
            << u"ops\\.alerts: NewFeedback for agent 3 on chain 31337 at block 120, value \\-1\\.5, tag uptime latency, from 0x1234…5678"_s;
    }
    void telegramText()
    {
        QFETCH(QString, text);
        QFETCH(QString, parseMode);
        QFETCH(QString, name);
        QFETCH(QString, expected);
        Action a;
        a.type = ActionType::Telegram;
        a.text = text;
        a.parseMode = parseMode;
        const auto p = renderPayload(a, context(name));
        QVERIFY(p.ok());
        QCOMPARE(QString::fromUtf8(p->body), expected);
    }

    void telegramTruncation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("parseMode");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("full");   // the whole rendered text
        QTest::addColumn<int>("kept");       // characters of it kept before "…"; -1: not cut
        const QString a4096 = QString(4096, u'a');
        QTest::newRow("exactly the limit") << u"{{trigger.name}}"_s << QString() << a4096 << a4096 << -1;
        QTest::newRow("one over") << u"{{trigger.name}}"_s << QString() << (a4096 + u'b') << (a4096 + u'b') << 4095;
        const QString dots = QString(3000, u'.');
        QTest::newRow("markdown escape kept whole") << u"xx{{trigger.name}}"_s << u"MarkdownV2"_s << dots
                                                    << (u"xx"_s + u"\\."_s.repeated(3000)) << 4094;
        QTest::newRow("markdown pair boundary") << u"x{{trigger.name}}"_s << u"MarkdownV2"_s << dots
                                                << (u"x"_s + u"\\."_s.repeated(3000)) << 4095;
        QTest::newRow("html entity kept whole") << u"x{{trigger.name}}"_s << u"HTML"_s << QString(2000, u'&')
                                                << (u"x"_s + u"&amp;"_s.repeated(2000)) << 4091;
        const QString smiles = u"😀"_s.repeated(3000);
        QTest::newRow("surrogate pair kept whole") << u"{{trigger.name}}"_s << QString() << smiles << smiles << 4094;
    }
    void telegramTruncation()
    {
        QFETCH(QString, text);
        QFETCH(QString, parseMode);
        QFETCH(QString, name);
        QFETCH(QString, full);
        QFETCH(int, kept);
        Action a;
        a.type = ActionType::Telegram;
        a.text = text;
        a.parseMode = parseMode;
        const auto p = renderPayload(a, context(name));
        QVERIFY(p.ok());
        const QString body = QString::fromUtf8(p->body);
        QVERIFY(body.size() <= Action::MaxTelegramText);
        QCOMPARE(body, kept < 0 ? full : full.left(kept) + u'…');
    }

    // The payload is rendered once when the delivery is created; an MCP action to "the agent's
    // own endpoint" gets its target when it is sent, from the agent's registration. Whatever the
    // event says its endpoint is, none of it reaches the payload.
    void mcpPayload_data()
    {
        QTest::addColumn<TriggerEvent>("event");
        QTest::addColumn<bool>("resolve");
        TriggerEvent noEndpoint = feedback();
        noEndpoint.event.endpoint.reset();
        TriggerEvent loopback = feedback();
        loopback.event.endpoint = u"http://127.0.0.1:8080/admin"_s;
        QTest::newRow("configured url") << feedback() << false;
        QTest::newRow("agent's endpoint") << feedback() << true;
        QTest::newRow("no endpoint in the event") << noEndpoint << true;
        QTest::newRow("loopback in the event") << loopback << true;
    }
    void mcpPayload()
    {
        QFETCH(TriggerEvent, event);
        QFETCH(bool, resolve);
        Action a;
        a.type = ActionType::Mcp;
        a.resolveEndpoint = resolve;
        a.url = resolve ? QString() : u"https://configured.example/mcp"_s;
        a.arguments = QJsonObject{{u"agentId"_s, u"{{event.agentId}}"_s}, {u"score"_s, u"{{event.value | decimals}}"_s},
                                  {u"n"_s, u"{{event.logIndex}}"_s}};
        const auto p = renderPayload(a, context(u"t"_s, event));
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().toString()));
        QCOMPARE(p->body, QByteArray(R"({"agentId":"3","n":7,"score":"-1.5"})"));
        QCOMPARE(p->target, QString());
    }

    void deliveryIds()
    {
        const QString id = deliveryIdFor(5, 9, 31337, hash('7'), 7);
        QVERIFY2(QRegularExpression(u"^dlv_[0-9a-f]{32}$"_s).match(id).hasMatch(), qPrintable(id));
        QCOMPARE(deliveryIdFor(5, 9, 31337, hash('7'), 7), id);
        const QStringList others = {deliveryIdFor(6, 9, 31337, hash('7'), 7), deliveryIdFor(5, 10, 31337, hash('7'), 7),
                                    deliveryIdFor(5, 9, 1, hash('7'), 7), deliveryIdFor(5, 9, 31337, hash('8'), 7),
                                    deliveryIdFor(5, 9, 31337, hash('7'), 8), deliveryIdFor(59, 3, 1337, hash('7'), 7)};
        for (const QString &other : others)
            QVERIFY(other != id);
        QCOMPARE(QSet<QString>(others.begin(), others.end()).size(), others.size());
    }
};

} // namespace tst_triggermodel

ARBOR_GUILESS_TEST_MAIN(triggermodel, tst_triggermodel::TestTriggerModel)
#include "tst_triggermodel.moc"

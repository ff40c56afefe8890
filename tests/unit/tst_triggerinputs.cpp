// What a trigger file's fields are read as, and what is refused with which text: secret
// references (SecretRef: keychain:, env:, file:, literal secrets never echoed) and the field
// reader every trigger object goes through (triggerjson::Fields: required and optional fields,
// whole numbers and decimals as text, the first problem named by its path, unknown keys).
// tst_triggerdef covers whole trigger files; this file pins each reader's contract.

#include "model/secretref.h"
#include "testmain.h"
#include "triggers/jsonfields.h"

#include <QJsonDocument>
#include <QtTest>

using namespace arbor;
using namespace arbor::triggerjson;
using namespace Qt::StringLiterals;

namespace tst_triggerinputs {

namespace {

QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

} // namespace tst_triggerinputs
Q_DECLARE_METATYPE(arbor::SecretRef::Source)
namespace tst_triggerinputs {

class TestTriggerInputs final : public QObject
{
    Q_OBJECT

private slots:
    void secretReferences_data();
    void secretReferences();
    void secretRefusals_data();
    void secretRefusals();

    void requiredAndOptionalText_data();
    void requiredAndOptionalText();
    void wholeNumbersAsText_data();
    void wholeNumbersAsText();
    void decimalsAsText_data();
    void decimalsAsText();
    void boundedIntegersAndBooleans_data();
    void boundedIntegersAndBooleans();
    void listsAndObjects();
    void firstProblemWins();
    void unknownKeysAreRefused();
};

// --- SecretRef ----------------------------------------------------------------------------------

void TestTriggerInputs::secretReferences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<SecretRef::Source>("source");
    QTest::addColumn<QString>("name");
    using S = SecretRef::Source;
    QTest::newRow("keychain") << u"keychain:ops-hook"_s << S::Keychain << u"ops-hook"_s;
    QTest::newRow("keychain with dots and digits") << u"keychain:9.hook_v2"_s << S::Keychain << u"9.hook_v2"_s;
    QTest::newRow("keychain, 100 characters") << (u"keychain:"_s + QString(100, u'k')) << S::Keychain << QString(100, u'k');
    QTest::newRow("blanks around") << u"  keychain:ops-hook \n"_s << S::Keychain << u"ops-hook"_s;
    QTest::newRow("env") << u"env:HOOK_SECRET"_s << S::Env << u"HOOK_SECRET"_s;
    QTest::newRow("env, underscore first") << u"env:_hook1"_s << S::Env << u"_hook1"_s;
    QTest::newRow("env, 128 characters") << (u"env:"_s + QString(128, u'E')) << S::Env << QString(128, u'E');
    QTest::newRow("file") << u"file:/etc/arbor/hook.key"_s << S::File << u"/etc/arbor/hook.key"_s;
    QTest::newRow("file with blanks inside") << u"file:/run/secrets/my hook"_s << S::File << u"/run/secrets/my hook"_s;
}

void TestTriggerInputs::secretReferences()
{
    QFETCH(QString, text);
    QFETCH(SecretRef::Source, source);
    QFETCH(QString, name);
    const Result<SecretRef> ref = SecretRef::parse(text, u"actions[0].signingSecret"_s);
    QVERIFY2(ref, qPrintable(ref ? QString() : ref.error().toString()));
    QCOMPARE(ref->source, source);
    QCOMPARE(ref->name, name);
    // What is stored reads back as the same reference.
    QCOMPARE(ref->toString(), text.trimmed());
    const Result<SecretRef> again = SecretRef::parse(ref->toString(), u"x"_s);
    QVERIFY(again);
    QCOMPARE(*again, *ref);
}

void TestTriggerInputs::secretRefusals_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    const QString literal = u"Literal secrets are refused: they would be stored in the database. Store the secret with "
                            "“arborctl secret set NAME” (or in the trigger editor) and write \"keychain:NAME\" here; env:VAR "
                            "and file:PATH work for headless servers."_s;
    QTest::newRow("a literal token") << u"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"_s << literal;
    QTest::newRow("empty") << QString() << literal;
    QTest::newRow("capitalised scheme") << u"Keychain:ops-hook"_s << literal;
    QTest::newRow("URL placeholder syntax") << u"${keychain:ops-hook}"_s << literal;
    QTest::newRow("keychain without a name") << u"keychain:"_s
                                             << u"“” is not a keychain entry name: use letters, digits, '.', '_' and '-' (such as keychain:ops-hook)."_s;
    QTest::newRow("keychain name with a blank") << u"keychain:ops hook"_s
                                                << u"“ops hook” is not a keychain entry name: use letters, digits, '.', '_' and '-' (such as keychain:ops-hook)."_s;
    QTest::newRow("keychain name starting with -") << u"keychain:-hook"_s
                                                   << u"“-hook” is not a keychain entry name: use letters, digits, '.', '_' and '-' (such as keychain:ops-hook)."_s;
    QTest::newRow("keychain name of 101") << (u"keychain:"_s + QString(101, u'k'))
                                          << (u"“"_s + QString(101, u'k') + u"” is not a keychain entry name: use letters, digits, '.', '_' and '-' (such as keychain:ops-hook)."_s);
    QTest::newRow("env starting with a digit") << u"env:1HOOK"_s << u"“1HOOK” is not an environment variable name."_s;
    QTest::newRow("env with a dash") << u"env:HOOK-KEY"_s << u"“HOOK-KEY” is not an environment variable name."_s;
    QTest::newRow("env of 129") << (u"env:"_s + QString(129, u'E')) << (u"“"_s + QString(129, u'E') + u"” is not an environment variable name."_s);
    QTest::newRow("file, relative") << u"file:secrets/hook.key"_s << u"Use an absolute path after file: (file:/etc/arbor/hook.key)."_s;
    QTest::newRow("file, empty") << u"file:"_s << u"Use an absolute path after file: (file:/etc/arbor/hook.key)."_s;
}

void TestTriggerInputs::secretRefusals()
{
    QFETCH(QString, text);
    QFETCH(QString, message);
    const Result<SecretRef> ref = SecretRef::parse(text, u"actions[2].botToken"_s);
    QVERIFY(!ref);
    QCOMPARE(ref.error().kind, Error::Kind::Invalid);
    QCOMPARE(ref.error().field, u"actions[2].botToken"_s);
    QCOMPARE(ref.error().message, message);
    // A value that is no reference is probably the secret itself: it never reaches the text.
    if (message.startsWith(u"Literal") && !text.isEmpty())
        QVERIFY(!ref.error().toString().contains(text));
}

// --- triggerjson::Fields ------------------------------------------------------------------------

void TestTriggerInputs::requiredAndOptionalText_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("required");      // what requiredString("url") returns
    QTest::addColumn<QString>("error");         // empty: none
    QTest::newRow("text") << "{\"url\": \"https://hooks.example.org/a\"}"_ba << u"https://hooks.example.org/a"_s << QString();
    QTest::newRow("text kept as written") << "{\"url\": \" a \"}"_ba << u" a "_s << QString();
    QTest::newRow("missing") << "{}"_ba << QString() << u"actions[1].url: This field is required."_s;
    QTest::newRow("null") << "{\"url\": null}"_ba << QString() << u"actions[1].url: This field is required."_s;
    QTest::newRow("empty") << "{\"url\": \"\"}"_ba << QString() << u"actions[1].url: Use a non-empty text."_s;
    QTest::newRow("blank") << "{\"url\": \"  \"}"_ba << QString() << u"actions[1].url: Use a non-empty text."_s;
    QTest::newRow("a number") << "{\"url\": 5}"_ba << QString() << u"actions[1].url: Use a non-empty text."_s;
    QTest::newRow("a list") << "{\"url\": [\"a\"]}"_ba << QString() << u"actions[1].url: Use a non-empty text."_s;
}

void TestTriggerInputs::requiredAndOptionalText()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, required);
    QFETCH(QString, error);
    Fields f(QJsonDocument::fromJson(json).object(), u"actions[1]"_s);
    QCOMPARE(f.requiredString("url"), required);
    QCOMPARE(f.failed(), !error.isEmpty());
    if (!error.isEmpty()) {
        QCOMPARE(f.error().kind, Error::Kind::Invalid);
        QCOMPARE(f.error().toString(), error);
        QCOMPARE(f.finish().error().toString(), error);
    } else {
        QVERIFY(f.finish());
    }

    // The optional reader: absent and null give the fallback; anything but text is refused.
    Fields o(object("{\"method\": \"PUT\", \"none\": null, \"count\": 3}"), u"actions[0]"_s);
    QCOMPARE(o.string("method", u"POST"_s), u"PUT"_s);
    QCOMPARE(o.string("absent", u"POST"_s), u"POST"_s);
    QCOMPARE(o.string("none", u"POST"_s), u"POST"_s);
    QVERIFY(!o.failed());
    QCOMPARE(o.string("count", u"fallback"_s), u"fallback"_s);
    QCOMPARE(o.error().toString(), u"actions[0].count: Use a text (in double quotes)."_s);
}

void TestTriggerInputs::wholeNumbersAsText_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("digits");        // empty: refused with `error`
    QTest::addColumn<QString>("error");
    const QString asText = u"Use a whole number of decimal digits, such as \"3\"."_s;
    const QString tooBig = u"Use a whole number; past 9007199254740991 write it as text (\"123…\") so no digit is lost."_s;
    QTest::newRow("number") << "3"_ba << u"3"_s << QString();
    QTest::newRow("zero") << "0"_ba << u"0"_s << QString();
    QTest::newRow("2^53 - 1") << "9007199254740991"_ba << u"9007199254740991"_s << QString();
    QTest::newRow("text") << "\"42\""_ba << u"42"_s << QString();
    QTest::newRow("text with blanks") << "\" 7 \""_ba << u"7"_s << QString();
    QTest::newRow("a uint256 as text") << ("\"" + QByteArray(78, '9') + "\"") << QString(78, u'9') << QString();
    QTest::newRow("79 digits") << ("\"" + QByteArray(79, '9') + "\"") << QString() << asText;
    QTest::newRow("2^53 as a number") << "9007199254740992"_ba << QString() << tooBig;
    QTest::newRow("fraction") << "1.5"_ba << QString() << tooBig;
    QTest::newRow("negative") << "-1"_ba << QString() << tooBig;
    QTest::newRow("negative text") << "\"-3\""_ba << QString() << asText;
    QTest::newRow("hex text") << "\"0x10\""_ba << QString() << asText;
    QTest::newRow("decimal text") << "\"1.0\""_ba << QString() << asText;
    QTest::newRow("empty text") << "\"\""_ba << QString() << asText;
    QTest::newRow("boolean") << "true"_ba << QString() << asText;
    QTest::newRow("null") << "null"_ba << QString() << u"This field is required."_s;
}

void TestTriggerInputs::wholeNumbersAsText()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, digits);
    QFETCH(QString, error);
    Fields f(QJsonDocument::fromJson("{\"agentId\": " + value + "}").object(), u"conditions[0]"_s);
    QCOMPARE(f.requiredIntegerText("agentId"), digits);
    QCOMPARE(f.failed(), !error.isEmpty());
    if (!error.isEmpty()) {
        QCOMPARE(f.error().field, u"conditions[0].agentId"_s);
        QCOMPARE(f.error().message, error);
    }
}

void TestTriggerInputs::decimalsAsText_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("text");          // empty: refused
    QTest::newRow("text") << "\"-1.5\""_ba << u"-1.5"_s;
    QTest::newRow("text, trimmed") << "\" 2.25 \""_ba << u"2.25"_s;
    QTest::newRow("text with many digits") << "\"0.123456789012345678901234567890\""_ba << u"0.123456789012345678901234567890"_s;
    QTest::newRow("whole number") << "3"_ba << u"3"_s;
    QTest::newRow("binary fraction") << "2.5"_ba << u"2.5"_s;
    QTest::newRow("negative") << "-0.75"_ba << u"-0.75"_s;
    QTest::newRow("0.1 as a number") << "0.1"_ba << u"0.1"_s;
    QTest::newRow("boolean") << "false"_ba << QString();
    QTest::newRow("object") << "{}"_ba << QString();
}

void TestTriggerInputs::decimalsAsText()
{
    QFETCH(QByteArray, value);
    QFETCH(QString, text);
    Fields f(QJsonDocument::fromJson("{\"value\": " + value + "}").object(), u"conditions[2]"_s);
    const QString read = f.requiredNumberText("value");
    if (text.isEmpty()) {
        QVERIFY(f.failed());
        QCOMPARE(f.error().toString(), u"conditions[2].value: Use a decimal number, as text for exactness (\"-1.5\")."_s);
        return;
    }
    QVERIFY(!f.failed());
    // What the operator wrote, in the shortest form that reads back the same: `"value": 0.1` is the
    // threshold 0.1, not 0.10000000000000001 (which an "== 0.1" would never match).
    QCOMPARE(read, text);
}

void TestTriggerInputs::boundedIntegersAndBooleans_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("integer");        // what integer("timeoutMs", 5000, 100, 60000) returns
    QTest::addColumn<bool>("refused");
    QTest::newRow("within") << "2000"_ba << qint64(2000) << false;
    QTest::newRow("lowest") << "100"_ba << qint64(100) << false;
    QTest::newRow("highest") << "60000"_ba << qint64(60000) << false;
    QTest::newRow("absent") << QByteArray() << qint64(5000) << false;
    QTest::newRow("null") << "null"_ba << qint64(5000) << false;
    QTest::newRow("below") << "99"_ba << qint64(5000) << true;
    QTest::newRow("above") << "60001"_ba << qint64(5000) << true;
    QTest::newRow("fraction") << "2000.5"_ba << qint64(5000) << true;
    QTest::newRow("text") << "\"2000\""_ba << qint64(5000) << true;
}

void TestTriggerInputs::boundedIntegersAndBooleans()
{
    QFETCH(QByteArray, value);
    QFETCH(qint64, integer);
    QFETCH(bool, refused);
    const QByteArray json = value.isNull() ? "{}"_ba : "{\"timeoutMs\": " + value + "}";
    Fields f(QJsonDocument::fromJson(json).object(), u"actions[3]"_s);
    QCOMPARE(f.integer("timeoutMs", 5000, 100, 60000), integer);
    QCOMPARE(f.failed(), refused);
    if (refused)
        QCOMPARE(f.error().toString(), u"actions[3].timeoutMs: Use a whole number from 100 to 60000."_s);

    Fields b(object("{\"enabled\": false, \"also\": \"true\", \"none\": null}"), QString());
    QCOMPARE(b.boolean("enabled", true), false);
    QCOMPARE(b.boolean("none", true), true);
    QCOMPARE(b.boolean("absent", true), true);
    QVERIFY(!b.failed());
    QCOMPARE(b.boolean("also", false), false);
    QCOMPARE(b.error().toString(), u"also: Use true or false."_s);    // no prefix at the top level
}

void TestTriggerInputs::listsAndObjects()
{
    Fields f(object("{\"actions\": [1, 2], \"headers\": {\"A\": \"b\"}, \"none\": null}"), u"triggers[4]"_s);
    QCOMPARE(f.array("actions").size(), 2);
    QCOMPARE(f.requiredArray("actions").size(), 2);
    QCOMPARE(f.object("headers").value(u"A"_s).toString(), u"b"_s);
    QVERIFY(f.array("none").isEmpty());
    QVERIFY(f.object("absent").isEmpty());
    QVERIFY(!f.failed());
    QVERIFY(f.requiredArray("conditions").isEmpty());
    QCOMPARE(f.error().toString(), u"triggers[4].conditions: This field is required."_s);

    Fields notAList(object("{\"actions\": {}}"), u"triggers[4]"_s);
    QVERIFY(notAList.requiredArray("actions").isEmpty());
    QCOMPARE(notAList.error().toString(), u"triggers[4].actions: Use a list ([…])."_s);
    Fields notAnObject(object("{\"headers\": [\"A: b\"]}"), u"actions[0]"_s);
    QVERIFY(notAnObject.object("headers").isEmpty());
    QCOMPARE(notAnObject.error().toString(), u"actions[0].headers: Use an object ({…})."_s);
}

void TestTriggerInputs::firstProblemWins()
{
    Fields f(object("{\"url\": 5, \"enabled\": \"yes\", \"timeoutMs\": 50}"), u"actions[0]"_s);
    QVERIFY(f.error().kind == Error::Kind::Internal);     // no problem yet
    QCOMPARE(f.error().message, u"no error"_s);
    QCOMPARE(f.requiredString("url"), QString());
    // Every later read returns its default and the first problem stands.
    QCOMPARE(f.boolean("enabled", true), true);
    QCOMPARE(f.integer("timeoutMs", 7, 100, 1000), qint64(7));
    QCOMPARE(f.string("method", u"POST"_s), u"POST"_s);
    QCOMPARE(f.requiredString("missing"), QString());
    QCOMPARE(f.error().toString(), u"actions[0].url: Use a non-empty text."_s);
    QCOMPARE(f.finish().error().toString(), u"actions[0].url: Use a non-empty text."_s);
    QCOMPARE(f.name("url"), u"actions[0].url"_s);
    QCOMPARE(Fields(QJsonObject(), QString()).name("url"), u"url"_s);
}

void TestTriggerInputs::unknownKeysAreRefused()
{
    // A misspelt "signingsecret" must not leave a webhook silently unsigned.
    Fields f(object("{\"type\": \"webhook\", \"url\": \"https://h.example.org\", \"signingsecret\": \"keychain:x\", \"note\": 1, \"raw\": 2}"),
             u"actions[0]"_s);
    QCOMPARE(f.requiredString("type"), u"webhook"_s);
    QCOMPARE(f.requiredString("url"), u"https://h.example.org"_s);
    QCOMPARE(f.string("signingSecret"), QString());
    f.take("note");
    QCOMPARE(f.value("raw").toInt(), 2);
    QVERIFY(!f.failed());
    const Status done = f.finish();
    QVERIFY(!done);
    QCOMPARE(done.error().kind, Error::Kind::Invalid);
    QCOMPARE(done.error().field, u"actions[0].signingsecret"_s);
    // The keys it does know, sorted, so the operator sees the right spelling.
    QCOMPARE(done.error().message, u"Unknown field. Known here: note, raw, signingSecret, type, url."_s);

    Fields all(object("{\"a\": 1}"), QString());
    all.take("a");
    QVERIFY(all.finish());
}

} // namespace tst_triggerinputs

ARBOR_GUILESS_TEST_MAIN(triggerinputs, tst_triggerinputs::TestTriggerInputs)
#include "tst_triggerinputs.moc"

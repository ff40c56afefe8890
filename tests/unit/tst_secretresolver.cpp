// Secret references of trigger actions resolved: env:VAR and file:PATH, the errors that name
// the reference, and every secret of an action at once.

#include "testmain.h"
#include "triggers/actionsecrets.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <optional>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_secretresolver {

class TestSecretResolver : public QObject
{
    Q_OBJECT

private slots:
    void secretsFromEnvAndFile();
    void secretErrorsNameTheReference();
    void actionSecretsResolved();
    void valuesAreCachedFailuresAreNot();
};

void TestSecretResolver::secretsFromEnvAndFile()
{
    qputenv("ARBOR_TEST_HOOK_SECRET", "whsec_ZnJvbS1lbnY=");
    QTemporaryDir dir;
    QFile file(dir.filePath(u"bot-token"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("  123:from-file \n");
    file.close();

    SecretResolver resolver;
    std::optional<Result<QString>> env, fromFile;
    resolver.resolve(SecretRef{SecretRef::Source::Env, u"ARBOR_TEST_HOOK_SECRET"_s}, [&](Result<QString> r) { env = r; });
    resolver.resolve(SecretRef{SecretRef::Source::File, file.fileName()}, [&](Result<QString> r) { fromFile = r; });
    QVERIFY2(!env, "resolve() answers later, never from inside the call");
    QTRY_VERIFY(env && fromFile);
    QVERIFY(*env && *fromFile);
    QCOMPARE(**env, u"whsec_ZnJvbS1lbnY="_s);
    QCOMPARE(**fromFile, u"123:from-file"_s);
}

void TestSecretResolver::secretErrorsNameTheReference()
{
    qunsetenv("ARBOR_TEST_NOT_SET");
    QTemporaryDir dir;
    QFile empty(dir.filePath(u"empty"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    SecretResolver resolver;
    const QList<std::pair<SecretRef, QString>> cases{
        {SecretRef{SecretRef::Source::Env, u"ARBOR_TEST_NOT_SET"_s}, u"ARBOR_TEST_NOT_SET"_s},
        {SecretRef{SecretRef::Source::File, empty.fileName()}, u"is empty"_s},
        {SecretRef{SecretRef::Source::File, dir.filePath(u"missing"_s)}, u"does not exist"_s},
    };
    for (const auto &[ref, expected] : cases) {
        std::optional<Result<QString>> result;
        resolver.resolve(ref, [&result](Result<QString> r) { result = r; });
        QTRY_VERIFY(result.has_value());
        QVERIFY(!*result);
        const QString text = result->error().toString();
        QVERIFY2(text.contains(ref.toString()) && text.contains(expected), qPrintable(text));
    }
}

void TestSecretResolver::actionSecretsResolved()
{
    qputenv("ARBOR_TEST_SIGNING", "whsec_c2lnbmluZw==");
    qputenv("ARBOR_TEST_AUTH", "Bearer from-env");
    qunsetenv("ARBOR_TEST_MISSING_AUTH");
    Action action;
    action.type = ActionType::Rest;
    action.signingSecret = SecretRef{SecretRef::Source::Env, u"ARBOR_TEST_SIGNING"_s};
    action.headers = {HeaderSpec{u"Authorization"_s, {}, SecretRef{SecretRef::Source::Env, u"ARBOR_TEST_AUTH"_s}},
                      HeaderSpec{u"X-Team"_s, u"ops"_s, std::nullopt}};
    SecretResolver resolver;
    std::optional<Result<ActionSecrets>> secrets;
    resolveActionSecrets(resolver, action, QDateTime::currentMSecsSinceEpoch(), [&secrets](Result<ActionSecrets> r) { secrets = r; });
    QTRY_VERIFY(secrets.has_value());
    QVERIFY(*secrets);
    QCOMPARE((*secrets)->signingSecret, u"whsec_c2lnbmluZw=="_s);
    QCOMPARE((*secrets)->headers.size(), 1);
    QCOMPARE((*secrets)->headers[0].second, u"Bearer from-env"_s);

    action.headers[0].secret->name = u"ARBOR_TEST_MISSING_AUTH"_s;
    secrets.reset();
    resolveActionSecrets(resolver, action, QDateTime::currentMSecsSinceEpoch(), [&secrets](Result<ActionSecrets> r) { secrets = r; });
    QTRY_VERIFY(secrets.has_value());
    QVERIFY(!*secrets);
    QCOMPARE(secrets->error().field, u"headers.Authorization"_s);
    QVERIFY(secrets->error().message.contains(u"env:ARBOR_TEST_MISSING_AUTH"_s));
}

void TestSecretResolver::valuesAreCachedFailuresAreNot()
{
    const SecretRef ref{SecretRef::Source::Env, u"ARBOR_TEST_ROTATED"_s};
    SecretResolver resolver(nullptr, 60000);
    const auto resolve = [&] {
        std::optional<Result<QString>> result;
        resolver.resolve(ref, [&result](Result<QString> r) { result = r; });
        return QTest::qWaitFor([&] { return result.has_value(); }) ? *result : Result<QString>(Error::internal(u"no answer"_s));
    };
    qunsetenv("ARBOR_TEST_ROTATED");
    QVERIFY(!resolve());
    qputenv("ARBOR_TEST_ROTATED", "first");   // set after a failure: read at once, not remembered as missing
    QCOMPARE(resolve().value_or(QString()), u"first"_s);
    qputenv("ARBOR_TEST_ROTATED", "second");
    QCOMPARE(resolve().value_or(QString()), u"first"_s);
    resolver.forget(ref);   // as after `arborctl secret set`
    QCOMPARE(resolve().value_or(QString()), u"second"_s);
    qunsetenv("ARBOR_TEST_ROTATED");
}

} // namespace tst_secretresolver

ARBOR_GUILESS_TEST_MAIN(secretresolver, tst_secretresolver::TestSecretResolver)
#include "tst_secretresolver.moc"

// An API key kept out of the database: a chain added through arborctl with `${env:VAR}` in its
// RPC URL (the devnet serves JSON-RPC on "/" only, so the key rides in the query, as
// ?apikey=KEY does for many providers) is indexed, and the key's value is then searched for in
// the database itself: the SQLite file's bytes, or every row of PostgreSQL's arbor schema. It
// must not be there, nor in anything arborctl printed; the placeholder must be. Without the
// variable, adding fails naming it, and the endpoint row of a running engine says the same.

#include "arborctlrun.h"
#include "devnet.h"
#include "testdatabase.h"

#include "buildpaths.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_rpcurlsecrets {

namespace {

const QString KeyVariable = u"ARBOR_TEST_RPC_KEY"_s;

} // namespace

class TestRpcUrlSecrets final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void missingVariableIsNamedAndNothingIsAdded();
    void chainWithAPlaceholderIsAddedAndIndexed();
    void literalKeyIsAcceptedWithAWarning();
    void keyIsNowhereInTheDatabase();
    void endpointRowNamesTheMissingVariable();

private:
    ArborctlRun arborctl(const QStringList &args, bool withKey, int timeoutMs = 120000);
    /// Every run's output, searched for the key at the end.
    void keep(const ArborctlRun &run) { m_printed += run.out + run.err; }
    QString placeholderUrl() const;

    Devnet m_devnet;
    std::unique_ptr<TestDatabase> m_db;
    QString m_key;
    QString m_token;
    qint64 m_head = 0;
    QHash<QString, QString> m_balances;     ///< holder → balance the traffic left
    QString m_printed;
};

void TestRpcUrlSecrets::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    qunsetenv(KeyVariable.toLatin1().constData());
    m_key = u"s3cr3t"_s + QUuid::createUuid().toString(QUuid::Id128);
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    const auto deployed = m_devnet.deployTokens(1, &error);
    QVERIFY2(deployed, qPrintable(error));
    m_token = deployed->value(u"tokens"_s).toArray().first()[u"address"_s].toString();
    const auto traffic = m_devnet.generateTraffic({m_token}, 40, 6, 8, 7, &error);
    QVERIFY2(traffic, qPrintable(error));
    m_head = traffic->value(u"toBlock"_s).toInteger();
    const QJsonObject balances = traffic->value(u"balances"_s)[m_token].toObject();
    for (auto it = balances.begin(); it != balances.end(); ++it)
        m_balances.insert(it.key().toLower(), it.value().toString());
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
}

void TestRpcUrlSecrets::cleanupTestCase()
{
    m_devnet.stop();
}

ArborctlRun TestRpcUrlSecrets::arborctl(const QStringList &args, bool withKey, int timeoutMs)
{
    QProcessEnvironment extra;
    if (withKey)
        extra.insert(KeyVariable, m_key);
    ArborctlRun run = runArborctl(BuildPaths::arborctl(), *m_db, args, timeoutMs, extra);
    keep(run);
    return run;
}

QString TestRpcUrlSecrets::placeholderUrl() const
{
    return m_devnet.rpcUrl().toString() + u"/?apikey=${env:"_s + KeyVariable + u"}"_s;
}

void TestRpcUrlSecrets::missingVariableIsNamedAndNothingIsAdded()
{
    const ArborctlRun run = arborctl({u"chain"_s, u"add"_s, u"--name"_s, u"keyed"_s, u"--chain-id"_s, QString::number(m_devnet.chainId()),
                                      u"--rpc"_s, placeholderUrl(), u"--start-block"_s, u"0"_s},
                                     false);
    QVERIFY2(run.exitCode != 0, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(u"${env:ARBOR_TEST_RPC_KEY}"_s), qPrintable(describe(run)));
    QVERIFY2(run.err.contains(u"is not set"_s), qPrintable(describe(run)));
    QVERIFY2(run.err.contains(u"arborctl secret set"_s), qPrintable(describe(run)));
    const ArborctlRun list = arborctl({u"chain"_s, u"list"_s, u"--json"_s}, false);
    if (m_db->url().backend == Backend::Sqlite) {
        // Not even the database the add would have created: this is the suite's first add.
        QVERIFY2(!QFileInfo::exists(m_db->url().path), qPrintable(m_db->url().path));
        QCOMPARE(list.exitCode, 2);
        QVERIFY2(list.err.contains(u"There is no database"_s), qPrintable(describe(list)));
        return;
    }
    QCOMPARE(list.exitCode, 0);
    QVERIFY2(list.array().isEmpty(), qPrintable(list.out));
}

void TestRpcUrlSecrets::chainWithAPlaceholderIsAddedAndIndexed()
{
    const ArborctlRun added = arborctl({u"chain"_s, u"add"_s, u"--name"_s, u"keyed"_s, u"--chain-id"_s, QString::number(m_devnet.chainId()),
                                        u"--rpc"_s, placeholderUrl(), u"--start-block"_s, u"0"_s, u"--token"_s, m_token, u"--json"_s},
                                       true);
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    QVERIFY2(!added.err.contains(u"looks like an API key"_s), qPrintable(added.err));
    QCOMPARE(added.object()[u"endpoints"_s][0][u"url"_s].toString(), placeholderUrl());

    const ArborctlRun indexed = arborctl({u"index"_s, u"--chain"_s, QString::number(m_devnet.chainId()), u"--until-block"_s,
                                          QString::number(m_head), u"--json"_s},
                                         true, 300000);
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));

    const QJsonObject chain = chainRow(BuildPaths::arborctl(), *m_db, qint64(m_devnet.chainId()));
    QCOMPARE(chain[u"checkpointBlock"_s].toInteger(), m_head);
    const QJsonObject endpoint = chain[u"endpoints"_s][0].toObject();
    QCOMPARE(endpoint[u"url"_s].toString(), placeholderUrl());
    QVERIFY2(endpoint[u"requests"_s].toInteger() > 0, qPrintable(QString::number(endpoint[u"requests"_s].toInteger())));
    QCOMPARE(endpoint[u"failures"_s].toInteger(), 0);

    const ArborctlRun balances = arborctl({u"query"_s, u"top-holders"_s, u"--chain"_s, QString::number(m_devnet.chainId()),
                                           u"--token"_s, m_token, u"--json"_s},
                                          false);
    QVERIFY2(balances.exitCode == 0, qPrintable(describe(balances)));
    QHash<QString, QString> listed;
    for (const QJsonValue &h : balances.object()[u"holders"_s].toArray())
        listed.insert(h[u"holder"_s].toString().toLower(), h[u"balance"_s].toString());
    QVERIFY(!m_balances.isEmpty());
    for (auto it = m_balances.cbegin(); it != m_balances.cend(); ++it)
        QVERIFY2(listed.value(it.key()) == it.value(), qPrintable(it.key() + u": "_s + listed.value(it.key()) + u" != "_s + it.value()));
}

void TestRpcUrlSecrets::literalKeyIsAcceptedWithAWarning()
{
    // The chain is added already, so the engine refuses this one; the warning comes first.
    const QString literal = m_devnet.rpcUrl().toString() + u"/?apikey=LiteralKey4711"_s;
    const ArborctlRun run = arborctl({u"chain"_s, u"add"_s, u"--name"_s, u"again"_s, u"--chain-id"_s, QString::number(m_devnet.chainId()),
                                      u"--rpc"_s, literal},
                                     false);
    QVERIFY2(run.exitCode != 0, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(u"looks like an API key"_s), qPrintable(describe(run)));
    QVERIFY2(run.err.contains(u"arborctl secret set rpc-key"_s), qPrintable(describe(run)));
    QVERIFY2(run.err.contains(m_devnet.rpcUrl().toString() + u"/?apikey=${keychain:rpc-key}"_s), qPrintable(describe(run)));
    QVERIFY2(!run.err.contains(u"is not a valid"_s), qPrintable(describe(run)));
}

void TestRpcUrlSecrets::keyIsNowhereInTheDatabase()
{
    const QByteArray key = m_key.toUtf8();
    const QByteArray placeholder = "ARBOR_TEST_RPC_KEY";
    QByteArray contents;
    if (TestDatabase::backend() == Backend::Sqlite) {
        // The file and whatever the write-ahead log still holds.
        for (const QString &suffix : {QString(), u"-wal"_s, u"-journal"_s}) {
            QFile file(m_db->url().path + suffix);
            if (file.exists()) {
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
                contents += file.readAll();
            }
        }
        QVERIFY(contents.size() > 4096);
    } else {
        const auto store = m_db->open(false);
        QVERIFY(store);
        const auto tables = store->query(u"SELECT table_name FROM information_schema.tables WHERE table_schema = 'arbor'"_s);
        QVERIFY2(tables, qPrintable(tables ? QString() : tables.error().message));
        QVERIFY(tables->size() > 3);
        for (const SqlRow &table : *tables) {
            const QString name = table.first().toString();
            const auto rows = store->query(u"SELECT t::text FROM arbor.\"%1\" t"_s.arg(name));
            QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().message));
            for (const SqlRow &row : *rows)
                contents += name.toUtf8() + ": " + row.first().toString().toUtf8() + '\n';
        }
    }
    QVERIFY2(contents.contains(placeholder), "the placeholder is not in the database: the search looked in the wrong place");
    QVERIFY2(!contents.contains(key), "the key's value is in the database");
    QVERIFY2(!contents.contains(QByteArray(key).toPercentEncoding()), "the key's value is in the database");
    QVERIFY2(!m_printed.contains(m_key), qPrintable(m_printed.left(4000)));
}

void TestRpcUrlSecrets::endpointRowNamesTheMissingVariable()
{
    // A running engine without the variable: requests fail before they are sent, and the
    // endpoint's row says why.
    QProcess serve;
    startArborctl(serve, BuildPaths::arborctl(), *m_db, {u"serve"_s});
    QVERIFY(serve.waitForStarted());
    QString lastError;
    QVERIFY2(waitForArborctl(
                 [&] {
                     const QJsonObject chain = chainRow(BuildPaths::arborctl(), *m_db, qint64(m_devnet.chainId()));
                     lastError = chain[u"endpoints"_s][0][u"lastError"_s].toString();
                     return lastError.contains(u"${env:ARBOR_TEST_RPC_KEY}"_s);
                 },
                 60000),
             qPrintable(lastError));
    QVERIFY2(lastError.contains(u"is not set"_s), qPrintable(lastError));
    serve.terminate();
    QVERIFY(serve.waitForFinished(30000));
    const QString log = QString::fromUtf8(serve.readAllStandardError());
    QVERIFY2(!log.contains(m_key), qPrintable(log));
}

} // namespace tst_rpcurlsecrets

ARBOR_GUILESS_TEST_MAIN(rpcurlsecrets, tst_rpcurlsecrets::TestRpcUrlSecrets)
#include "tst_rpcurlsecrets.moc"

// What an operator types: chain configuration, RPC URLs, database URLs, chain references.

#include "testmetatypes.h"
#include "model/chainconfig.h"
#include "store/databaseurl.h"
#include "testmain.h"

#include <QDir>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace arbor;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(arbor::ChainConfig)

namespace tst_config {

namespace {

Address address(const QString &hex)
{
    const auto a = Address::fromHex(hex);
    Q_ASSERT(a.ok());
    return *a;
}

QUrl url(const QString &text)
{
    return QUrl(text, QUrl::StrictMode);
}

ChainConfig devnet()
{
    ChainConfig c;
    c.chainId = 31337;
    c.name = u"devnet"_s;
    c.rpcUrls = {url(u"http://127.0.0.1:8545"_s), url(u"https://rpc.example.org/v1"_s)};
    c.startBlock = 0;
    c.confirmations = 2;
    c.pollIntervalMs = 2000;
    c.tokens = {address(u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"_s),
                address(u"0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"_s)};
    return c;
}

const QByteArray ArborDb = "ARBOR_DB";

} // namespace

class TestConfig final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void validConfig_data();
    void validConfig();
    void invalidConfig_data();
    void invalidConfig();

    void rpcUrlAccepted_data();
    void rpcUrlAccepted();
    void rpcUrlRejected_data();
    void rpcUrlRejected();

    void databaseUrlSqlite_data();
    void databaseUrlSqlite();
    void databaseUrlDefaultSqlite();
    void databaseUrlDirectoryRejected();
    void databaseUrlPostgres_data();
    void databaseUrlPostgres();
    void databaseUrlRejected_data();
    void databaseUrlRejected();
    void resolvePrefersArgument();
    void resolveFallsBackToEnvironment();
    void resolveBadEnvironmentNamesArborDb();
    void resolveDefault();

    void chainRef_data();
    void chainRef();
    void chainStateNames();

private:
    QTemporaryDir m_dir;
    QByteArray m_savedArborDb;
    bool m_hadArborDb = false;
};

void TestConfig::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    m_hadArborDb = qEnvironmentVariableIsSet(ArborDb.constData());
    m_savedArborDb = qgetenv(ArborDb.constData());
    qunsetenv(ArborDb.constData());
}

void TestConfig::cleanup()
{
    if (m_hadArborDb)
        qputenv(ArborDb.constData(), m_savedArborDb);
    else
        qunsetenv(ArborDb.constData());
}

void TestConfig::validConfig_data()
{
    QTest::addColumn<ChainConfig>("config");

    QTest::newRow("devnet") << devnet();
    ChainConfig c = devnet();
    c.startBlock.reset();
    c.tokens.clear();
    c.rpcUrls = {url(u"https://rpc.example.org"_s)};
    QTest::newRow("minimal") << c;
    c = devnet();
    c.name = QString(ChainConfig::MaxNameLength, u'a');
    QTest::newRow("64-character name") << c;
    c = devnet();
    c.name = u"Base Sepolia_2-test"_s;
    QTest::newRow("spaces inside, dash and underscore") << c;
    c = devnet();
    c.name = u"1rpc"_s;
    QTest::newRow("leading digit with a letter") << c;
    c = devnet();
    c.chainId = ChainConfig::MaxChainId;
    QTest::newRow("chain id 2^53-1") << c;
    c = devnet();
    c.chainId = 1;
    QTest::newRow("chain id 1") << c;
    c = devnet();
    c.confirmations = 0;
    QTest::newRow("0 confirmations") << c;
    c = devnet();
    c.confirmations = ChainConfig::MaxConfirmations;
    QTest::newRow("max confirmations") << c;
    c = devnet();
    c.pollIntervalMs = 100;
    QTest::newRow("poll 100 ms") << c;
    c = devnet();
    c.pollIntervalMs = 3600 * 1000;
    QTest::newRow("poll one hour") << c;
    c = devnet();
    c.startBlock = 19'000'000;
    QTest::newRow("start block") << c;
}

void TestConfig::validConfig()
{
    QFETCH(ChainConfig, config);
    const Status status = config.validate();
    QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().toString()));
}

void TestConfig::invalidConfig_data()
{
    QTest::addColumn<ChainConfig>("config");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("needle");

    ChainConfig c = devnet();
    c.name.clear();
    QTest::newRow("empty name") << c << u"name"_s << u"needs a name"_s;
    c = devnet();
    c.name = u"   "_s;
    QTest::newRow("blank name") << c << u"name"_s << u"needs a name"_s;
    c = devnet();
    c.name = u" devnet"_s;
    QTest::newRow("leading space") << c << u"name"_s << u"spaces"_s;
    c = devnet();
    c.name = u"devnet "_s;
    QTest::newRow("trailing space") << c << u"name"_s << u"spaces"_s;
    c = devnet();
    c.name = u"8453"_s;
    QTest::newRow("all digits") << c << u"name"_s << u"8453"_s;
    c = devnet();
    c.name = QString(ChainConfig::MaxNameLength + 1, u'a');
    QTest::newRow("65 characters") << c << u"name"_s << u"65"_s;
    c = devnet();
    c.name = u"dev\tnet"_s;
    QTest::newRow("control character") << c << u"name"_s << u"control character"_s;
    c = devnet();
    c.chainId = 0;
    QTest::newRow("chain id 0") << c << u"chain id"_s << u"9007199254740991"_s;
    c = devnet();
    c.chainId = -1;
    QTest::newRow("chain id -1") << c << u"chain id"_s << u"9007199254740991"_s;
    c = devnet();
    c.chainId = ChainConfig::MaxChainId + 1;
    QTest::newRow("chain id 2^53") << c << u"chain id"_s << u"9007199254740991"_s;
    c = devnet();
    c.rpcUrls.clear();
    QTest::newRow("no rpc url") << c << u"rpc"_s << u"At least one"_s;
    c = devnet();
    c.rpcUrls.append(url(u"http://127.0.0.1:8545"_s));
    QTest::newRow("duplicate rpc url") << c << u"rpc"_s << u"http://127.0.0.1:8545"_s;
    c = devnet();
    c.rpcUrls.append(url(u"https://rpc.example.org/v1/"_s));
    QTest::newRow("duplicate rpc url with trailing slash") << c << u"rpc"_s << u"twice"_s;
    c = devnet();
    c.startBlock = -1;
    QTest::newRow("negative start block") << c << u"start block"_s << u"negative"_s;
    c = devnet();
    c.confirmations = -1;
    QTest::newRow("negative confirmations") << c << u"confirmations"_s << u"10000"_s;
    c = devnet();
    c.confirmations = ChainConfig::MaxConfirmations + 1;
    QTest::newRow("too many confirmations") << c << u"confirmations"_s << u"10000"_s;
    c = devnet();
    c.pollIntervalMs = 99;
    QTest::newRow("poll 99 ms") << c << u"poll interval"_s << u"100 ms"_s;
    c = devnet();
    c.pollIntervalMs = 3600 * 1000 + 1;
    QTest::newRow("poll over an hour") << c << u"poll interval"_s << u"one hour"_s;
    c = devnet();
    c.tokens.append(Address());
    QTest::newRow("zero-address token") << c << u"token"_s << u"zero address"_s;
    c = devnet();
    c.tokens.append(address(u"0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"_s));
    QTest::newRow("duplicate token") << c << u"token"_s << u"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"_s;
}

void TestConfig::invalidConfig()
{
    QFETCH(ChainConfig, config);
    QFETCH(QString, field);
    QFETCH(QString, needle);
    const Status status = config.validate();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().kind, Error::Kind::Invalid);
    QCOMPARE(status.error().field, field);
    QVERIFY2(status.error().message.contains(needle), qPrintable(status.error().message));
}

void TestConfig::rpcUrlAccepted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("path");

    QTest::newRow("http with port") << u"http://127.0.0.1:8545"_s << u"http"_s << u"127.0.0.1"_s << 8545 << QString();
    QTest::newRow("https without port") << u"https://rpc.example.org"_s << u"https"_s << u"rpc.example.org"_s << -1 << QString();
    QTest::newRow("https with port and key path") << u"https://eth.example.org:8443/v2/abc123"_s << u"https"_s
                                                  << u"eth.example.org"_s << 8443 << u"/v2/abc123"_s;
    QTest::newRow("surrounding spaces") << u"  http://localhost:8545  "_s << u"http"_s << u"localhost"_s << 8545 << QString();
    QTest::newRow("uppercase scheme") << u"HTTP://node.lan:8545"_s << u"http"_s << u"node.lan"_s << 8545 << QString();
    QTest::newRow("ipv6") << u"http://[::1]:8545"_s << u"http"_s << u"::1"_s << 8545 << QString();
    QTest::newRow("dot segments") << u"http://node.lan:8545/a/../rpc"_s << u"http"_s << u"node.lan"_s << 8545 << u"/rpc"_s;
}

void TestConfig::rpcUrlAccepted()
{
    QFETCH(QString, text);
    QFETCH(QString, scheme);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, path);
    const auto parsed = parseRpcUrl(text, u"--rpc"_s);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().toString()));
    QCOMPARE(parsed->scheme(), scheme);
    QCOMPARE(parsed->host(), host);
    QCOMPARE(parsed->port(), port);
    QCOMPARE(parsed->path(), path);
}

void TestConfig::rpcUrlRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("secret");  // must not appear in the message

    QTest::newRow("empty") << QString() << u"required"_s << QString();
    QTest::newRow("ftp") << u"ftp://node.lan/rpc"_s << u"http://"_s << QString();
    QTest::newRow("websocket") << u"ws://127.0.0.1:8546"_s << u"WebSocket"_s << QString();
    QTest::newRow("secure websocket") << u"wss://node.lan"_s << u"WebSocket"_s << QString();
    QTest::newRow("not a url") << u"not a url"_s << u"not a url"_s << QString();
    QTest::newRow("host only") << u"127.0.0.1:8545"_s << u"127.0.0.1:8545"_s << QString();
    QTest::newRow("host name only") << u"localhost:8545"_s << u"http://"_s << QString();
    QTest::newRow("no host") << u"http://"_s << u"no host"_s << QString();
    QTest::newRow("no host with path") << u"http:///rpc"_s << u"no host"_s << QString();
    QTest::newRow("user and password") << u"http://admin:hunter2@node.lan:8545"_s << u"node.lan:8545"_s << u"hunter2"_s;
    QTest::newRow("password only") << u"https://:hunter2@node.lan"_s << u"credentials"_s << u"hunter2"_s;
    QTest::newRow("user only") << u"https://apikey@node.lan"_s << u"user name"_s << u"apikey"_s;
    // A password with a character strict parsing refuses: the URL is invalid, and the message
    // that says so must still not repeat the password.
    QTest::newRow("password with a space") << u"http://admin:hunter2 x@node.lan:8545"_s << u"password"_s << u"hunter2"_s;
    QTest::newRow("password with a percent") << u"http://admin:hunter2%zz@node.lan:8545"_s << u"password"_s << u"hunter2"_s;
    QTest::newRow("password with a slash") << u"http://admin:hunter/2@node.lan:8545"_s << u"password"_s << u"hunter/2"_s;
    QTest::newRow("fragment") << u"http://node.lan:8545/#main"_s << u"#fragment"_s << QString();
    QTest::newRow("empty fragment") << u"http://node.lan:8545/#"_s << u"#fragment"_s << QString();
}

void TestConfig::rpcUrlRejected()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(QString, secret);
    const auto parsed = parseRpcUrl(text, u"--rpc"_s);
    QVERIFY2(!parsed.ok(), qPrintable(parsed.ok() ? parsed->toString() : QString()));
    QCOMPARE(parsed.error().kind, Error::Kind::Invalid);
    QCOMPARE(parsed.error().field, u"--rpc"_s);
    QVERIFY2(parsed.error().message.contains(needle), qPrintable(parsed.error().message));
    if (!secret.isEmpty())
        QVERIFY2(!parsed.error().toString().contains(secret), qPrintable(parsed.error().toString()));
}

void TestConfig::databaseUrlSqlite_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("path");

    const QString dir = QDir(m_dir.path()).canonicalPath();
    QTest::newRow("absolute") << QString(u"sqlite:"_s + dir + u"/arbor.db"_s) << QString(dir + u"/arbor.db"_s);
    QTest::newRow("double slash") << QString(u"sqlite://"_s + dir + u"/x.db"_s) << QString(dir + u"/x.db"_s);
    QTest::newRow("relative") << u"sqlite:data/arbor.db"_s << QDir::current().absoluteFilePath(u"data/arbor.db"_s);
    QTest::newRow("home") << u"sqlite:~/arbor-test.db"_s << QString(QDir::homePath() + u"/arbor-test.db"_s);
    QTest::newRow("dot segments") << QString(u"sqlite:"_s + dir + u"/a/../b.db"_s) << QString(dir + u"/b.db"_s);
}

void TestConfig::databaseUrlSqlite()
{
    QFETCH(QString, text);
    QFETCH(QString, path);
    const auto db = DatabaseUrl::parse(text);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    QCOMPARE(db->backend, Backend::Sqlite);
    QVERIFY(QDir::isAbsolutePath(db->path));
    QCOMPARE(db->path, path);
    QCOMPARE(db->toString(), u"sqlite:"_s + path);
}

void TestConfig::databaseUrlDefaultSqlite()
{
    const auto db = DatabaseUrl::parse(u"sqlite:"_s);
    QVERIFY(db.ok());
    QCOMPARE(db->backend, Backend::Sqlite);
    QVERIFY2(QDir::isAbsolutePath(db->path), qPrintable(db->path));
    QVERIFY2(db->path.endsWith(u"/arbor.db"_s), qPrintable(db->path));
    QCOMPARE(db->path, DatabaseUrl::defaultSqlitePath());
}

void TestConfig::databaseUrlDirectoryRejected()
{
    const auto db = DatabaseUrl::parse(u"sqlite:"_s + m_dir.path());
    QVERIFY(!db.ok());
    QCOMPARE(db.error().field, u"--db"_s);
    QVERIFY2(db.error().message.contains(u"directory"_s), qPrintable(db.error().message));
}

void TestConfig::databaseUrlPostgres_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("canonical");

    QTest::newRow("postgresql with port") << u"postgresql://user@host:5433/db"_s << u"user"_s << u"host"_s << 5433 << u"db"_s
                                          << u"postgresql://user@host:5433/db"_s;
    QTest::newRow("postgres alias, default port") << u"postgres://arbor@db.internal/arbor"_s << u"arbor"_s
                                                  << u"db.internal"_s << 5432 << u"arbor"_s
                                                  << u"postgresql://arbor@db.internal:5432/arbor"_s;
    QTest::newRow("surrounding spaces") << u" postgresql://ops@10.0.0.5:6432/index "_s << u"ops"_s << u"10.0.0.5"_s << 6432
                                        << u"index"_s << u"postgresql://ops@10.0.0.5:6432/index"_s;
}

void TestConfig::databaseUrlPostgres()
{
    QFETCH(QString, text);
    QFETCH(QString, user);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, canonical);
    const auto db = DatabaseUrl::parse(text);
    QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().toString()));
    QCOMPARE(db->backend, Backend::Postgres);
    QCOMPARE(db->user, user);
    QCOMPARE(db->host, host);
    QCOMPARE(db->port, port);
    QCOMPARE(db->database, database);
    QCOMPARE(db->toString(), canonical);
    QVERIFY(db->path.isEmpty());
}

void TestConfig::databaseUrlRejected_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QString>("secret");  // must not appear in the message

    QTest::newRow("password") << u"postgresql://user:hunter2@host:5432/db"_s << u"password"_s << u"hunter2"_s;
    QTest::newRow("password, postgres alias") << u"postgres://user:hunter2@host/db"_s << u"PGPASSWORD"_s << u"hunter2"_s;
    // Passwords with characters strict parsing refuses make the URL invalid; the message that
    // says so must not repeat them either.
    QTest::newRow("password with a space") << u"postgresql://user:hunter2 x@host/db"_s << u"password"_s << u"hunter2"_s;
    QTest::newRow("password with a percent") << u"postgresql://user:hunter2%zz@host/db"_s << u"password"_s << u"hunter2"_s;
    QTest::newRow("password with a slash") << u"postgresql://user:hunter/2@host/db"_s << u"password"_s << u"hunter/2"_s;
    QTest::newRow("missing user") << u"postgresql://host:5432/db"_s << u"no user"_s << QString();
    QTest::newRow("missing host") << u"postgresql://user@:5432/db"_s << u"host"_s << QString();
    QTest::newRow("missing host and user") << u"postgresql:///db"_s << u"no host"_s << QString();
    QTest::newRow("missing database") << u"postgresql://user@host:5432"_s << u"one database"_s << QString();
    QTest::newRow("empty database") << u"postgresql://user@host:5432/"_s << u"one database"_s << QString();
    QTest::newRow("two path segments") << u"postgresql://user@host/db/extra"_s << u"one database"_s << QString();
    QTest::newRow("query options") << u"postgresql://user@host/db?sslmode=require"_s << u"sslmode=…"_s << u"require"_s;
    // A password in the query, or the scheme misspelt, must not be repeated either.
    QTest::newRow("password in the query") << u"postgresql://user@host/db?password=hunter2"_s << u"password=…"_s << u"hunter2"_s;
    QTest::newRow("password and options in the query") << u"postgresql://user@host/db?sslmode=disable&password=hunter2"_s
                                                       << u"sslmode=…&password=…"_s << u"hunter2"_s;
    QTest::newRow("misspelt scheme with a password") << u"postgressql://user:hunter2@host/db"_s << u"postgressql://…@host/db"_s << u"hunter2"_s;
    QTest::newRow("misspelt scheme with a query") << u"postgress://user@host/db?password=hunter2"_s << u"sqlite:PATH"_s << u"hunter2"_s;
    QTest::newRow("invalid URL with a query") << u"postgresql://ho st/db?password=hunter2"_s << u"not a valid"_s << u"hunter2"_s;
    QTest::newRow("unknown scheme") << u"mysql://user@host/db"_s << u"sqlite:PATH"_s << QString();
    QTest::newRow("bare path") << u"/var/lib/arbor.db"_s << u"sqlite:PATH"_s << QString();
    QTest::newRow("sqlite without colon") << u"sqlite"_s << u"sqlite:PATH"_s << QString();
    QTest::newRow("empty") << QString() << u"sqlite:PATH"_s << QString();
}

void TestConfig::databaseUrlRejected()
{
    QFETCH(QString, text);
    QFETCH(QString, needle);
    QFETCH(QString, secret);
    const auto db = DatabaseUrl::parse(text);
    QVERIFY2(!db.ok(), qPrintable(db.ok() ? db->toString() : QString()));
    QCOMPARE(db.error().kind, Error::Kind::Invalid);
    QCOMPARE(db.error().field, u"--db"_s);
    QVERIFY2(db.error().message.contains(needle), qPrintable(db.error().message));
    if (!secret.isEmpty())
        QVERIFY2(!db.error().toString().contains(secret), qPrintable(db.error().toString()));
}

void TestConfig::resolvePrefersArgument()
{
    const QString fromEnv = m_dir.filePath(u"env.db"_s);
    const QString fromArg = m_dir.filePath(u"arg.db"_s);
    qputenv(ArborDb.constData(), QString(u"sqlite:"_s + fromEnv).toUtf8());
    const auto db = DatabaseUrl::resolve(u"sqlite:"_s + fromArg);
    QVERIFY(db.ok());
    QCOMPARE(db->path, QFileInfo(fromArg).absoluteFilePath());

    // A bad argument is the argument's fault, even with a good ARBOR_DB.
    const auto bad = DatabaseUrl::resolve(u"mysql://x@y/z"_s);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().field, u"--db"_s);
}

void TestConfig::resolveFallsBackToEnvironment()
{
    qputenv(ArborDb.constData(), "postgresql://arbor@db.internal:5433/arbor");
    const auto db = DatabaseUrl::resolve(QString());
    QVERIFY(db.ok());
    QCOMPARE(db->backend, Backend::Postgres);
    QCOMPARE(db->host, u"db.internal"_s);
    QCOMPARE(db->port, 5433);
}

void TestConfig::resolveBadEnvironmentNamesArborDb()
{
    qputenv(ArborDb.constData(), "postgresql://arbor:hunter2@db.internal/arbor");
    const auto db = DatabaseUrl::resolve(QString());
    QVERIFY(!db.ok());
    QCOMPARE(db.error().kind, Error::Kind::Invalid);
    QCOMPARE(db.error().field, u"ARBOR_DB"_s);
    QVERIFY(!db.error().toString().contains(u"hunter2"_s));

    qputenv(ArborDb.constData(), "mysql://x@y/z");
    const auto unknown = DatabaseUrl::resolve(QString());
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().field, u"ARBOR_DB"_s);
}

void TestConfig::resolveDefault()
{
    qunsetenv(ArborDb.constData());
    const auto db = DatabaseUrl::resolve(QString());
    QVERIFY(db.ok());
    QCOMPARE(db->backend, Backend::Sqlite);
    QCOMPARE(db->path, DatabaseUrl::defaultSqlitePath());
}

void TestConfig::chainRef_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("id");  // 0: parsed as a name
    QTest::addColumn<QString>("name");

    QTest::newRow("id") << u"42"_s << qint64(42) << QString();
    QTest::newRow("large id") << u"9007199254740991"_s << qint64(9007199254740991) << QString();
    QTest::newRow("name") << u"mainnet"_s << qint64(0) << u"mainnet"_s;
    QTest::newRow("name with digits") << u"base-8453"_s << qint64(0) << u"base-8453"_s;
    QTest::newRow("zero is not an id") << u"0"_s << qint64(0) << u"0"_s;
    QTest::newRow("negative is not an id") << u"-5"_s << qint64(0) << u"-5"_s;
}

void TestConfig::chainRef()
{
    QFETCH(QString, text);
    QFETCH(qint64, id);
    QFETCH(QString, name);
    const ChainRef ref = ChainRef::parse(text);
    if (id > 0) {
        QVERIFY(ref.id.has_value());
        QCOMPARE(*ref.id, id);
        QVERIFY(ref.name.isEmpty());
    } else {
        QVERIFY(!ref.id.has_value());
        QCOMPARE(ref.name, name);
    }
    QCOMPARE(ref.toString(), text);
}

void TestConfig::chainStateNames()
{
    QCOMPARE(chainStateName(ChainState::Active), u"active"_s);
    QCOMPARE(chainStateName(ChainState::Paused), u"paused"_s);
    QCOMPARE(chainStateName(ChainState::Deleting), u"deleting"_s);
}

} // namespace tst_config

ARBOR_GUILESS_TEST_MAIN(config, tst_config::TestConfig)
#include "tst_config.moc"

// Secrets live in the OS keychain or nowhere: the keychain round trip, and the explicit error
// (never a plain-text fallback) when there is no keychain. Run under tests/support/with-keyring.sh.
#include "buildpaths.h"
#include "secrets/secretresolver.h"
#include "secrets/secretstore.h"
#include "store/store.h"
#include "testmain.h"

#include <QDirIterator>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace arbor;

namespace tst_secrets {

namespace {

const QString Key = QStringLiteral("postgresql://arbor@db.example:5432/arbor_secrets_test");
const QString Secret = QStringLiteral("correct horse battery staple");

Result<QString> readSecret(const QString &key)
{
    std::optional<Result<QString>> result;
    QObject context;
    SecretStore::read(key, &context, [&](Result<QString> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return Error::unavailable(QStringLiteral("keychain"), QStringLiteral("the keychain did not answer"));
    return *result;
}

Status writeSecret(const QString &key, const QString &secret)
{
    std::optional<Status> result;
    QObject context;
    SecretStore::write(key, secret, &context, [&](Status s) { result = std::move(s); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 15000))
        return Error::unavailable(QStringLiteral("keychain"), QStringLiteral("the keychain did not answer"));
    return *result;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run arborctl(const QStringList &args, const QByteArray &input, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(test::BuildPaths::arborctl(), args);
    p.write(input);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(30000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// The environment of a process on a machine where no keychain answers (a server without a
/// desktop session): its home in `home`, a D-Bus address nothing listens on, no PGPASSWORD.
QProcessEnvironment withoutKeychain(const QTemporaryDir &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
    env.remove(QStringLiteral("PGPASSWORD"));
    return env;
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripThroughTheKeychain();
    void arborctlStoresAndForgetsTheDatabasePassword();
    void pgpasswordTakesPrecedence();
    void noKeychainIsAnExplicitErrorAndNothingIsWritten();
    void noKeychainIsSaidOnceWhenOpeningPostgres();
    void postgresPasswordComesFromTheKeychain();
    void keychainUsedFromWorkerThreadsAndTheGuiThread();

private:
    bool m_keychain = false;
};

void TestSecrets::initTestCase()
{
    // Probe: is there a keychain in this session at all?
    const Status probe = writeSecret(QStringLiteral("arbor-test-probe"), QStringLiteral("x"));
    m_keychain = probe.ok();
    if (!m_keychain)
        qWarning() << "no keychain in this session:" << probe.error().message;
}

#define REQUIRE_KEYCHAIN()                                                                                 \
    do {                                                                                                   \
        if (!m_keychain) {                                                                                 \
            if (qEnvironmentVariableIsSet("CI"))                                                           \
                QFAIL("no keychain: run under tests/support/with-keyring.sh (tests/run.sh does)");          \
            QSKIP("no keychain: run under tests/support/with-keyring.sh (tests/run.sh does)");             \
        }                                                                                                  \
    } while (false)

void TestSecrets::roundTripThroughTheKeychain()
{
    REQUIRE_KEYCHAIN();
    QVERIFY(writeSecret(Key, Secret));
    auto read = readSecret(Key);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(*read, Secret);

    std::optional<Status> removed;
    QObject context;
    SecretStore::remove(Key, &context, [&](Status s) { removed = s; });
    QTRY_VERIFY(removed.has_value());
    QVERIFY(*removed);
    auto gone = readSecret(Key);
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, Error::Kind::NotFound);
}

void TestSecrets::arborctlStoresAndForgetsTheDatabasePassword()
{
    REQUIRE_KEYCHAIN();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList db{QStringLiteral("--db"), Key};
    Run r = arborctl(db + QStringList{QStringLiteral("db"), QStringLiteral("set-password")}, Secret.toUtf8() + '\n', env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(!r.out.contains(Secret));
    QCOMPARE(*readSecret(Key), Secret);

    // The console and arborctl resolve it for that database URL.
    std::optional<QString> password;
    QObject context;
    qunsetenv("PGPASSWORD");
    resolveDatabasePassword(Key, &context, [&](QString p, QString notice) {
        QVERIFY(notice.isEmpty());
        password = p;
    });
    QTRY_VERIFY(password.has_value());
    QCOMPARE(*password, Secret);

    r = arborctl(db + QStringList{QStringLiteral("db"), QStringLiteral("forget-password")}, {}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(readSecret(Key).error().kind, Error::Kind::NotFound);

    r = arborctl(db + QStringList{QStringLiteral("db"), QStringLiteral("set-password")}, "\n", env);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QLatin1String("empty")));
}

void TestSecrets::pgpasswordTakesPrecedence()
{
    qputenv("PGPASSWORD", "from-environment");
    std::optional<QString> password;
    QString notice;
    QObject context;
    resolveDatabasePassword(Key, &context, [&](QString p, QString n) {
        password = p;
        notice = n;
    });
    QTRY_VERIFY(password.has_value());
    // Empty: libpq reads PGPASSWORD itself; the keychain is not asked.
    QCOMPARE(*password, QString());
    QCOMPARE(notice, QString());
    qunsetenv("PGPASSWORD");
}

void TestSecrets::noKeychainIsAnExplicitErrorAndNothingIsWritten()
{
    QTemporaryDir home;
    const QProcessEnvironment env = withoutKeychain(home);

    const QString password = QStringLiteral("never-in-plain-text-7431");
    const Run r = arborctl({QStringLiteral("--db"), Key, QStringLiteral("db"), QStringLiteral("set-password")}, password.toUtf8() + '\n', env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("No usable OS keychain")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("PGPASSWORD")), qPrintable(r.err));
    QVERIFY(!r.err.contains(password));

    QDirIterator it(home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains(password.toUtf8()), qPrintable(f.fileName()));
    }
}

// arborctl on PostgreSQL where no keychain answers (a server without a desktop session): one
// note says so and how to give the password instead, then the command's own outcome.
void TestSecrets::noKeychainIsSaidOnceWhenOpeningPostgres()
{
    QTemporaryDir home;
    const QProcessEnvironment env = withoutKeychain(home);

    // Nothing listens on port 1: the command fails after the keychain was asked.
    const Run r = arborctl({QStringLiteral("--db"), QStringLiteral("postgresql://arbor@127.0.0.1:1/arbor"), QStringLiteral("chain"),
                            QStringLiteral("list")}, {}, env);
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.err.count(QLatin1String("No usable OS keychain")), 1);
    QVERIFY2(r.err.contains(QLatin1String("arborctl: note: No usable OS keychain")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("PGPASSWORD")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("Cannot connect to PostgreSQL")), qPrintable(r.err));
}

void TestSecrets::postgresPasswordComesFromTheKeychain()
{
    REQUIRE_KEYCHAIN();
    const QString server = qEnvironmentVariable("ARBOR_TEST_PG_URL");
    if (server.isEmpty()) {
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL("ARBOR_TEST_PG_URL is not set");
        QSKIP("ARBOR_TEST_PG_URL is not set: run under tests/run.sh");
    }
    // tests/support/pg.sh trusts everyone but arbor_pw, who must authenticate with a password.
    auto serverUrl = DatabaseUrl::parse(server);
    QVERIFY(serverUrl);
    {
        auto admin = Store::open(*serverUrl);
        QVERIFY(admin);
        (void)(*admin)->exec(QStringLiteral("DROP DATABASE IF EXISTS arbor_pw_test"));
        (void)(*admin)->exec(QStringLiteral("DROP ROLE IF EXISTS arbor_pw"));
        QVERIFY((*admin)->exec(QStringLiteral("CREATE ROLE arbor_pw LOGIN PASSWORD 'keychain-only-9f2'")));
        QVERIFY((*admin)->exec(QStringLiteral("CREATE DATABASE arbor_pw_test OWNER arbor_pw")));
    }
    DatabaseUrl url = *serverUrl;
    url.user = QStringLiteral("arbor_pw");
    url.database = QStringLiteral("arbor_pw_test");
    const QStringList db{QStringLiteral("--db"), url.toString()};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("PGPASSWORD"));
    env.insert(QStringLiteral("PGPASSFILE"), QStringLiteral("/nonexistent"));

    Run r = arborctl(db + QStringList{QStringLiteral("chain"), QStringLiteral("list")}, {}, env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("password")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("arborctl db set-password")), qPrintable(r.err));

    r = arborctl(db + QStringList{QStringLiteral("db"), QStringLiteral("set-password")}, "keychain-only-9f2\n", env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = arborctl(db + QStringList{QStringLiteral("chain"), QStringLiteral("list")}, {}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains(QLatin1String("No chains")));

    // PGPASSWORD wins over the keychain.
    env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("wrong"));
    r = arborctl(db + QStringList{QStringLiteral("chain"), QStringLiteral("list")}, {}, env);
    QCOMPARE(r.exitCode, 1);
    env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("keychain-only-9f2"));
    QVERIFY(arborctl(db + QStringList{QStringLiteral("db"), QStringLiteral("forget-password")}, {}, env).exitCode == 0);
    r = arborctl(db + QStringList{QStringLiteral("chain"), QStringLiteral("list")}, {}, env);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    auto admin = Store::open(*serverUrl);
    (void)(*admin)->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'arbor_pw_test'"));
    (void)(*admin)->exec(QStringLiteral("DROP DATABASE IF EXISTS arbor_pw_test"));
    (void)(*admin)->exec(QStringLiteral("DROP ROLE IF EXISTS arbor_pw"));
}

namespace {

/// What the delivery thread does: resolve `keychain:NAME` again and again through its own
/// SecretResolver (no cache, so every resolution asks the keychain), counting the answers.
class ResolvingWorker final : public QObject
{
public:
    ResolvingWorker(SecretRef ref, QString expected) : m_ref(std::move(ref)), m_expected(std::move(expected)) {}

    void start()
    {
        m_resolver = new SecretResolver(this, 0);
        next();
    }
    void stop() { m_stopped = true; }

    std::atomic<int> answers{0};
    std::atomic<int> wrong{0};
    std::atomic<bool> idle{false};
    std::atomic<bool> onOtherThread{false};

private:
    void next()
    {
        if (m_stopped) {
            idle = true;
            return;
        }
        const QThread *asked = QThread::currentThread();
        m_resolver->resolve(m_ref, [this, asked](Result<QString> value) {
            if (QThread::currentThread() != asked)
                onOtherThread = true;
            if (!value || *value != m_expected)
                ++wrong;
            ++answers;
            next();
        });
    }

    SecretRef m_ref;
    QString m_expected;
    SecretResolver *m_resolver = nullptr;
    bool m_stopped = false;
};

} // namespace

// The crash operators met: deliveries resolved a keychain: secret on the delivery thread while
// File › Settings read the database password on the GUI thread. QtKeychain keeps one global job
// executor, created by whichever thread asks first; jobs from a second thread freed under it.
// Every keychain job must run on one owner thread whatever thread asks, answers arriving on the
// asker's thread.
void TestSecrets::keychainUsedFromWorkerThreadsAndTheGuiThread()
{
    REQUIRE_KEYCHAIN();
    const QString name = QStringLiteral("arbor-test-threads");
    const QString value = QStringLiteral("whsec_dGhyZWFkcyBhbmQgdGhlIGtleWNoYWlu");
    QVERIFY(writeSecret(name, value));

    constexpr int Workers = 3;
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<std::unique_ptr<ResolvingWorker>> workers;
    for (int i = 0; i < Workers; ++i) {
        auto worker = std::make_unique<ResolvingWorker>(SecretRef{SecretRef::Source::Keychain, name}, value);
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("arbor-delivery-%1").arg(i));
        worker->moveToThread(thread.get());
        thread->start();
        QMetaObject::invokeMethod(worker.get(), [w = worker.get()] { w->start(); }, Qt::QueuedConnection);
        workers.push_back(std::move(worker));
        threads.push_back(std::move(thread));
    }

    // A failed check below must not destroy running threads (that aborts the whole test).
    const auto stopThreads = qScopeGuard([&threads] {
        for (auto &thread : threads) {
            thread->quit();
            thread->wait();
        }
    });

    // Meanwhile the GUI thread reads the secret, as the Settings dialog does, and rewrites it.
    int guiAnswers = 0;
    int guiWrong = 0;
    bool guiOnOtherThread = false;
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 4000) {
        std::optional<Result<QString>> read;
        QObject context;
        SecretStore::read(name, &context, [&](Result<QString> r) {
            guiOnOtherThread = guiOnOtherThread || QThread::currentThread() != context.thread();
            read = std::move(r);
        });
        QVERIFY(QTest::qWaitFor([&] { return read.has_value(); }, 15000));
        ++guiAnswers;
        if (!*read || **read != value)
            ++guiWrong;
        if (guiAnswers % 10 == 0)
            QVERIFY(writeSecret(name, value));
    }
    // A context destroyed before its answer arrives gets no callback, and nothing crashes.
    for (int i = 0; i < 20; ++i) {
        auto context = std::make_unique<QObject>();
        SecretStore::read(name, context.get(), [](Result<QString>) { QFAIL("answered a destroyed context"); });
    }

    for (auto &worker : workers)
        QMetaObject::invokeMethod(worker.get(), [w = worker.get()] { w->stop(); }, Qt::QueuedConnection);
    for (auto &worker : workers)
        QVERIFY(QTest::qWaitFor([&] { return worker->idle.load(); }, 15000));
    for (auto &thread : threads) {
        thread->quit();
        QVERIFY(thread->wait(15000));
    }
    QTest::qWait(200);

    int workerAnswers = 0;
    for (const auto &worker : workers) {
        QVERIFY(worker->answers > 0);
        QCOMPARE(worker->wrong.load(), 0);
        QVERIFY(!worker->onOtherThread);
        workerAnswers += worker->answers;
    }
    QVERIFY(guiAnswers > 0);
    QCOMPARE(guiWrong, 0);
    QVERIFY(!guiOnOtherThread);
    qInfo("keychain answers in 4 s: %d on the GUI thread, %d on %d worker threads", guiAnswers, workerAnswers, Workers);
    // Workers were destroyed after their threads stopped: delete them on this thread now.
    workers.clear();
}

} // namespace tst_secrets

ARBOR_GUILESS_TEST_MAIN(secrets, tst_secrets::TestSecrets)
#include "tst_secrets.moc"

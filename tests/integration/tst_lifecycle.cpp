// Chain lifecycle end to end: arborctl against a real devnet node, on SQLite and PostgreSQL.
#include "arborctlrun.h"
#include "testvalues.h"
#include "devnet.h"
#include "testdatabase.h"

#include "buildpaths.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace arbor;
using namespace arbor::test;

namespace tst_lifecycle {

namespace {

using Run = ArborctlRun;
const QString Arborctl = BuildPaths::arborctlTesthooks();
constexpr int TimeoutMs = 60000;

Run arborctl(const TestDatabase &db, const QStringList &args, const QProcessEnvironment &extra = {})
{
    return runArborctl(Arborctl, db, args, TimeoutMs, extra);
}

/// arborctl without --db in front.
Run arborctlRaw(const QStringList &args, const QProcessEnvironment &extra = {})
{
    return runArborctlRaw(Arborctl, args, TimeoutMs, extra);
}

QJsonArray chainList(const TestDatabase &db)
{
    const Run r = arborctl(db, {QStringLiteral("chain"), QStringLiteral("list"), QStringLiteral("--json")});
    if (r.exitCode != 0)
        qWarning() << "chain list failed:" << r.err;
    return r.array();
}

} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void addsChainAfterProbingEveryEndpoint();
    void rejectsBadInputAndWritesNothing_data();
    void rejectsBadInputAndWritesNothing();
    void pausesAndResumes();
    void deleteNeedsConfirmationAndLeavesNothing();
    void deleteInterruptedAtEveryStepIsFinished_data();
    void deleteInterruptedAtEveryStepIsFinished();
    void secondEngineIsRefusedOrReadOnly();
    void engineThatLosesItsLeaseTurnsReadOnly();
    void networkCommandsAfterShutdownAreRefused();
    void refusesEditedOrNewerDatabaseAndChangesNothing_data();
    void refusesEditedOrNewerDatabaseAndChangesNothing();

private:
    Devnet m_devnet;
    QStringList m_tokens;
};

void TestLifecycle::initTestCase()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    auto deployed = m_devnet.deployTokens(2, &error);
    QVERIFY2(deployed, qPrintable(error));
    for (const QJsonValue &t : deployed->value(QLatin1String("tokens")).toArray())
        m_tokens.append(t.toObject().value(QLatin1String("address")).toString());
    QCOMPARE(m_tokens.size(), 2);
}

void TestLifecycle::addsChainAfterProbingEveryEndpoint()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const QUrl url = m_devnet.rpcUrl();
    QUrl viaLocalhost = url;
    viaLocalhost.setHost(QStringLiteral("localhost"));

    const Run r = arborctl(db, {QStringLiteral("chain"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("devnet"),
                                QStringLiteral("--chain-id"), QString::number(m_devnet.chainId()),
                                QStringLiteral("--rpc"), url.toString(), QStringLiteral("--rpc"), viaLocalhost.toString(),
                                QStringLiteral("--start-block"), QStringLiteral("0"), QStringLiteral("--confirmations"), QStringLiteral("2"),
                                QStringLiteral("--token"), m_tokens[0], QStringLiteral("--token"), m_tokens[1], QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonObject added = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(added.value(QLatin1String("name")).toString(), QStringLiteral("devnet"));
    QCOMPARE(added.value(QLatin1String("chainId")).toInteger(), qint64(m_devnet.chainId()));
    QCOMPARE(added.value(QLatin1String("startBlock")).toInteger(), 0);
    QCOMPARE(added.value(QLatin1String("confirmations")).toInt(), 2);
    QCOMPARE(added.value(QLatin1String("state")).toString(), QStringLiteral("active"));

    auto head = m_devnet.rpc(QStringLiteral("eth_blockNumber"), {}, nullptr);
    QVERIFY(head);
    const qint64 headNow = head->toString().toLongLong(nullptr, 16);
    const QJsonArray endpoints = added.value(QLatin1String("endpoints")).toArray();
    QCOMPARE(endpoints.size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QJsonObject e = endpoints[i].toObject();
        QCOMPARE(e.value(QLatin1String("priority")).toInt(), i);
        QCOMPARE(e.value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        QVERIFY2(e.value(QLatin1String("clientVersion")).toString().contains(QLatin1String("anvil")), qPrintable(r.out));
        QVERIFY(e.value(QLatin1String("latencyMs")).toDouble() > 0);
        QVERIFY(e.value(QLatin1String("lastHead")).toInteger() > 0);
        QVERIFY(e.value(QLatin1String("lastHead")).toInteger() <= headNow);
    }
    QCOMPARE(endpoints[1].toObject().value(QLatin1String("url")).toString(), viaLocalhost.toString());
    QCOMPARE(added.value(QLatin1String("tokens")).toArray().size(), 2);
    QCOMPARE(added.value(QLatin1String("tokens")).toArray().first().toString(), m_tokens[0]);

    const QJsonArray listed = chainList(db);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("devnet"));

    auto store = db.open();
    QVERIFY(store);
    auto tables = store->chainTables(qint64(m_devnet.chainId()));
    QCOMPARE(tables->size(), evmEntities().size() * 2);

    // Without --start-block the chain starts at the head every endpoint could serve.
    TestDatabase second;
    const Run latest = arborctl(second, {QStringLiteral("chain"), QStringLiteral("add"), QStringLiteral("--name"), QStringLiteral("tip"),
                                         QStringLiteral("--chain-id"), QString::number(m_devnet.chainId()),
                                         QStringLiteral("--rpc"), url.toString(), QStringLiteral("--json")});
    QVERIFY2(latest.exitCode == 0, qPrintable(describe(latest)));
    QCOMPARE(QJsonDocument::fromJson(latest.out.toUtf8()).object().value(QLatin1String("startBlock")).toInteger(), headNow);
}

void TestLifecycle::rejectsBadInputAndWritesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("mentions");

    const QString rpc = m_devnet.rpcUrl().toString();
    const QString id = QString::number(m_devnet.chainId());
    const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(closedPort().port());
    auto add = [](QStringList more) { return QStringList{QStringLiteral("chain"), QStringLiteral("add")} + more; };

    QTest::newRow("wrong chain id") << add({u"--name"_qs, u"wrong"_qs, u"--chain-id"_qs, u"5"_qs, u"--rpc"_qs, rpc}) << 2 << u"chain id"_qs << id;
    QTest::newRow("one of two endpoints serves another chain")
        << add({u"--name"_qs, u"mixed"_qs, u"--chain-id"_qs, u"5"_qs, u"--rpc"_qs, rpc, u"--rpc"_qs, rpc + u"/x"_qs}) << 2 << u"chain id"_qs << u"not 5"_qs;
    QTest::newRow("unreachable") << add({u"--name"_qs, u"far"_qs, u"--chain-id"_qs, u"777"_qs, u"--rpc"_qs, dead}) << 1 << u"rpc"_qs << u"Cannot reach"_qs;
    QTest::newRow("one endpoint unreachable")
        << add({u"--name"_qs, u"half"_qs, u"--chain-id"_qs, id, u"--rpc"_qs, rpc, u"--rpc"_qs, dead}) << 1 << u"rpc"_qs << dead;
    QTest::newRow("not http") << add({u"--name"_qs, u"ws"_qs, u"--chain-id"_qs, u"778"_qs, u"--rpc"_qs, u"ws://127.0.0.1:8546"_qs}) << 2 << u"--rpc"_qs << u"http"_qs;
    QTest::newRow("credentials in url") << add({u"--name"_qs, u"cred"_qs, u"--chain-id"_qs, u"779"_qs, u"--rpc"_qs, u"http://user:s3cret@127.0.0.1:1"_qs}) << 2 << u"--rpc"_qs << u"credentials"_qs;
    QTest::newRow("malformed token") << add({u"--name"_qs, u"tok"_qs, u"--chain-id"_qs, id, u"--rpc"_qs, rpc, u"--token"_qs, u"0x1234"_qs}) << 2 << u"--token"_qs << u"40 hex digits"_qs;
    QTest::newRow("token checksum")
        << add({u"--name"_qs, u"tok"_qs, u"--chain-id"_qs, id, u"--rpc"_qs, rpc, u"--token"_qs, u"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"_qs}) << 2 << u"--token"_qs << u"checksum"_qs;
    QTest::newRow("missing name") << add({u"--chain-id"_qs, id, u"--rpc"_qs, rpc}) << 2 << u"--name"_qs << u"Required"_qs;
    QTest::newRow("missing rpc") << add({u"--name"_qs, u"x"_qs, u"--chain-id"_qs, id}) << 2 << u"--rpc"_qs << u"Required"_qs;
    QTest::newRow("chain id not a number") << add({u"--name"_qs, u"x"_qs, u"--chain-id"_qs, u"one"_qs, u"--rpc"_qs, rpc}) << 2 << u"--chain-id"_qs << u"whole number"_qs;
    QTest::newRow("negative confirmations") << add({u"--name"_qs, u"x"_qs, u"--chain-id"_qs, id, u"--rpc"_qs, rpc, u"--confirmations"_qs, u"-1"_qs}) << 2 << u"--confirmations"_qs << u"out of range"_qs;
    QTest::newRow("start beyond head") << add({u"--name"_qs, u"x"_qs, u"--chain-id"_qs, id, u"--rpc"_qs, rpc, u"--start-block"_qs, u"999999999"_qs}) << 2 << u"start block"_qs << u"beyond"_qs;
    QTest::newRow("duplicate name") << add({u"--name"_qs, u"existing"_qs, u"--chain-id"_qs, u"780"_qs, u"--rpc"_qs, rpc}) << 3 << u"name"_qs << u"existing"_qs;
    QTest::newRow("duplicate id") << add({u"--name"_qs, u"again"_qs, u"--chain-id"_qs, u"4242"_qs, u"--rpc"_qs, rpc}) << 3 << u"chain id"_qs << u"existing"_qs;
    QTest::newRow("unknown option") << add({u"--name"_qs, u"x"_qs, u"--colour"_qs, u"red"_qs}) << 2 << QString() << u"colour"_qs;
}

void TestLifecycle::rejectsBadInputAndWritesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, field);
    QFETCH(QString, mentions);

    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        // Registered directly: chain 4242 "existing" is what the duplicate rows collide with.
        auto store = db.open();
        const ChainConfig existing = sampleChain(4242, u"existing"_qs);
        QVERIFY(ChainRegistry(*store).registerChain(existing, sampleEndpoints(existing), evmEntities()));
    }
    const QJsonArray before = chainList(db);
    QCOMPARE(before.size(), 1);

    const Run r = arborctl(db, args);
    QVERIFY2(r.exitCode == exitCode, qPrintable(describe(r)));
    if (!field.isEmpty())
        QVERIFY2(r.err.contains(QLatin1String("error: ") + field + u':'), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(mentions), qPrintable(describe(r)));
    QVERIFY2(!r.err.contains(QLatin1String("s3cret")), "a password from the URL was echoed");

    QCOMPARE(chainList(db), before);
    auto store = db.open();
    for (qint64 id : {qint64(5), qint64(777), qint64(778), qint64(779), qint64(780), qint64(m_devnet.chainId())})
        QCOMPARE(chainFootprint(*store, id), QStringList());
}

void TestLifecycle::pausesAndResumes()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QCOMPARE(arborctl(db, {u"chain"_qs, u"add"_qs, u"--name"_qs, u"devnet"_qs, u"--chain-id"_qs, QString::number(m_devnet.chainId()),
                           u"--rpc"_qs, m_devnet.rpcUrl().toString()}).exitCode, 0);
    auto state = [&]() { return chainList(db).first().toObject().value(QLatin1String("state")).toString(); };

    Run r = arborctl(db, {u"chain"_qs, u"pause"_qs, u"devnet"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(state(), QStringLiteral("paused"));
    r = arborctl(db, {u"chain"_qs, u"resume"_qs, QString::number(m_devnet.chainId())});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(state(), QStringLiteral("active"));

    r = arborctl(db, {u"chain"_qs, u"pause"_qs, u"nosuchchain"_qs});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("nosuchchain")), qPrintable(describe(r)));

    // --db may also follow the command, and ARBOR_DB stands in for it.
    const Run text = arborctlRaw({u"chain"_qs, u"list"_qs, u"--db"_qs, db.urlString()});
    QVERIFY2(text.out.contains(QLatin1String("devnet")), qPrintable(describe(text)));
    QVERIFY(text.out.contains(QLatin1String("active")));
    QProcessEnvironment viaEnvironment;
    viaEnvironment.insert(u"ARBOR_DB"_qs, db.urlString());
    const Run env = arborctlRaw({u"chain"_qs, u"list"_qs, u"--json"_qs}, viaEnvironment);
    QVERIFY2(env.out.contains(QLatin1String("\"devnet\"")), qPrintable(describe(env)));
}

void TestLifecycle::deleteNeedsConfirmationAndLeavesNothing()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const qint64 id = qint64(m_devnet.chainId());
    QCOMPARE(arborctl(db, {u"chain"_qs, u"add"_qs, u"--name"_qs, u"devnet"_qs, u"--chain-id"_qs, QString::number(id),
                           u"--rpc"_qs, m_devnet.rpcUrl().toString(), u"--token"_qs, m_tokens[0]}).exitCode, 0);
    {
        auto store = db.open();
        const QString global = ddl::entityTable(store->backend(), ddl::TableKind::Global, 0, u"token_balances"_qs);
        QVERIFY(store->exec(QLatin1String("INSERT INTO ") + global
                                + QLatin1String(" (chain_id, token, holder, balance, last_block, updated_at) VALUES (?, ?, ?, ?, 1, 0)"),
                            {id, QByteArray(20, '\x01'), QByteArray(20, '\x02'), store->u256Value(U256(42))}));
        QVERIFY(!chainFootprint(*store, id).isEmpty());
    }

    Run r = arborctl(db, {u"chain"_qs, u"delete"_qs, u"devnet"_qs});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(QLatin1String("--yes")), qPrintable(describe(r)));
    QCOMPARE(chainList(db).size(), 1);

    r = arborctl(db, {u"chain"_qs, u"delete"_qs, u"devnet"_qs, u"--yes"_qs});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    for (const char *step : {"stop indexing", "mark deleted", "remove global rows", "clear caches", "delete admin tracking rows", "drop chain tables"})
        QVERIFY2(r.out.contains(QLatin1String(step)), step);
    QCOMPARE(chainList(db).size(), 0);
    auto store = db.open();
    QCOMPARE(chainFootprint(*store, id), QStringList());

    r = arborctl(db, {u"chain"_qs, u"delete"_qs, u"devnet"_qs, u"--yes"_qs});
    QCOMPARE(r.exitCode, 2);
}

void TestLifecycle::deleteInterruptedAtEveryStepIsFinished_data()
{
    QTest::addColumn<int>("step");
    QTest::addColumn<bool>("resumeWithDelete");
    for (int step = 1; step <= 6; ++step) {
        QTest::addRow("crash after step %d, then chain list", step) << step << false;
        QTest::addRow("crash after step %d, then chain delete", step) << step << true;
    }
}

void TestLifecycle::deleteInterruptedAtEveryStepIsFinished()
{
    QFETCH(int, step);
    QFETCH(bool, resumeWithDelete);
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        auto store = db.open();
        QVERIFY(store);
        for (qint64 id : {100, 200}) {
            const ChainConfig config = sampleChain(id, QStringLiteral("chain-%1").arg(id));
            QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));
            const QString global = ddl::entityTable(store->backend(), ddl::TableKind::Global, 0, u"token_balances"_qs);
            QVERIFY(store->exec(QLatin1String("INSERT INTO ") + global
                                    + QLatin1String(" (chain_id, token, holder, balance, last_block, updated_at) VALUES (?, ?, ?, ?, 1, 0)"),
                                {id, QByteArray(20, '\x01'), QByteArray(20, '\x02'), store->u256Value(U256(42))}));
        }
    }
    const QStringList otherBefore = [&] { auto s = db.open(); return chainFootprint(*s, 200); }();

    QProcessEnvironment crash;
    crash.insert(QStringLiteral("ARBOR_FAULT_DELETE_STEP"), QString::number(step));
    const Run crashed = arborctl(db, {u"chain"_qs, u"delete"_qs, u"chain-100"_qs, u"--yes"_qs}, crash);
    QVERIFY2(crashed.exitCode == 70, qPrintable(describe(crashed)));
    {
        auto store = db.open();
        auto journal = ChainRegistry(*store).deletionJournal(100);
        QVERIFY(journal);
        QCOMPARE(journal->size(), step);
        QVERIFY(std::all_of(journal->begin(), journal->end(), [](const DeletionRecord &d) { return d.status == u"done"; }));
        QCOMPARE(*ChainRegistry(*store).chainsBeingDeleted(), QList<qint64>{100});
        auto chain = ChainRegistry(*store).findChain(ChainRef::parse(u"100"_qs));
        QVERIFY(chain && *chain);
        QCOMPARE((*chain)->state, step >= 2 ? ChainState::Deleting : ChainState::Active);
    }

    const Run resumed = resumeWithDelete ? arborctl(db, {u"chain"_qs, u"delete"_qs, u"chain-100"_qs, u"--yes"_qs})
                                         : arborctl(db, {u"chain"_qs, u"list"_qs, u"--json"_qs});
    QVERIFY2(resumed.exitCode == 0, qPrintable(describe(resumed)));
    QVERIFY(!resumed.out.contains(QLatin1String("chain-100\"")));

    auto store = db.open();
    QCOMPARE(chainFootprint(*store, 100), QStringList());
    QCOMPARE(chainFootprint(*store, 200), otherBefore);
    const QJsonArray listed = chainList(db);
    QCOMPARE(listed.size(), 1);
    QCOMPARE(listed.first().toObject().value(QLatin1String("chainId")).toInteger(), 200);
}

void TestLifecycle::secondEngineIsRefusedOrReadOnly()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto makeEngine = [&](EngineOptions::Lease lease, const QString &app) {
        EngineOptions o;
        o.database = db.url();
        o.app = app;
        o.lease = lease;
        o.snapshotIntervalMs = 0;
        return std::make_unique<Engine>(o);
    };

    auto first = makeEngine(EngineOptions::Lease::Required, u"arbor"_qs);
    QFuture<Status> started = first->start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
    QVERIFY2(started.result(), qPrintable(started.result() ? QString() : started.result().error().toString()));
    QVERIFY(!first->isReadOnly());

    auto second = makeEngine(EngineOptions::Lease::Required, u"arborctl index"_qs);
    QFuture<Status> refused = second->start();
    QTRY_VERIFY_WITH_TIMEOUT(refused.isFinished(), 20000);
    QVERIFY(!refused.result());
    QCOMPARE(refused.result().error().kind, Error::Kind::Conflict);
    QVERIFY2(refused.result().error().message.contains(QString::number(QCoreApplication::applicationPid())),
             qPrintable(refused.result().error().message));
    second.reset();

    auto viewer = makeEngine(EngineOptions::Lease::ReadOnlyIfHeld, u"arbor"_qs);
    QFuture<Status> viewing = viewer->start();
    QTRY_VERIFY_WITH_TIMEOUT(viewing.isFinished(), 20000);
    QVERIFY(viewing.result());
    QVERIFY(viewer->isReadOnly());
    QVERIFY(viewer->state().readOnlyReason.contains(QLatin1String("arbor")));
    QFuture<Result<ChainRecord>> add = viewer->chains()->addChain(sampleChain(9, u"nine"_qs));
    QTRY_VERIFY(add.isFinished());
    QVERIFY(!add.result());
    QCOMPARE(add.result().error().kind, Error::Kind::Refused);
    QVERIFY(add.result().error().message.contains(QLatin1String("read-only")));
    QFuture<Result<QList<ChainRecord>>> listed = viewer->chains()->list();
    QTRY_VERIFY(listed.isFinished());
    QVERIFY(listed.result());
    viewer.reset();

    // When the first engine stops it releases the lease; the next one gets it.
    first.reset();
    auto next = makeEngine(EngineOptions::Lease::Required, u"arborctl index"_qs);
    QFuture<Status> now = next->start();
    QTRY_VERIFY_WITH_TIMEOUT(now.isFinished(), 20000);
    QVERIFY2(now.result(), qPrintable(now.result() ? QString() : now.result().error().toString()));
}

void TestLifecycle::engineThatLosesItsLeaseTurnsReadOnly()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    EngineOptions o;
    o.database = db.url();
    o.lease = EngineOptions::Lease::Required;
    o.heartbeatMs = 100;
    o.snapshotIntervalMs = 0;
    Engine engine(o);
    QSignalSpy stateChanges(&engine, &Engine::stateChanged);
    QFuture<Status> started = engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
    QVERIFY(started.result());
    QVERIFY(!engine.isReadOnly());

    // Someone else's engine took the database over (an operator forced it, or our heartbeats
    // stalled past the stale limit): the next heartbeat notices and the engine stops writing.
    auto store = db.open(false);
    QVERIFY(store->exec(QLatin1String("UPDATE ") + ddl::adminTable(store->backend(), u"lease"_qs)
                        + QLatin1String(" SET holder_token = 'someone-else', holder_app = 'arborctl serve'")));
    QTRY_VERIFY_WITH_TIMEOUT(engine.isReadOnly(), 10000);
    QVERIFY(engine.state().readOnlyReason.contains(QLatin1String("taken over")));
    QVERIFY(!stateChanges.isEmpty());
    QVERIFY(stateChanges.last().first().value<EngineState>().readOnly);

    QFuture<Status> paused = engine.chains()->setPaused(ChainRef::parse(u"1"_qs), true);
    QTRY_VERIFY(paused.isFinished());
    QCOMPARE(paused.result().error().kind, Error::Kind::Refused);
}

void TestLifecycle::networkCommandsAfterShutdownAreRefused()
{
    // A command that reaches the network after the engine began to stop (one step of a chain
    // add whose write finished during a database switch) is answered with why, not posted to a
    // network thread that has ended and whose manager is gone.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    EngineOptions o;
    o.database = db.url();
    o.snapshotIntervalMs = 0;
    Engine engine(o);
    QFuture<Status> started = engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
    QVERIFY(started.result());
    const QFuture<void> down = engine.shutdown();
    QTRY_VERIFY_WITH_TIMEOUT(down.isFinished(), 30000);

    const auto probed = engine.chains()->probeEndpoints({QUrl(u"http://127.0.0.1:1/"_qs)}, 1);
    QTRY_VERIFY_WITH_TIMEOUT(probed.isFinished(), 10000);
    QVERIFY(!probed.result());
    QVERIFY2(probed.result().error().message.contains(u"stopping"_qs), qPrintable(probed.result().error().toString()));
    const auto sampled = engine.chains()->sampleEvents(QUrl(u"http://127.0.0.1:1/"_qs), {}, {}, 0, 10);
    QTRY_VERIFY_WITH_TIMEOUT(sampled.isFinished(), 10000);
    QVERIFY(!sampled.result());
}

void TestLifecycle::refusesEditedOrNewerDatabaseAndChangesNothing_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("problem");
    QTest::newRow("edited migration") << u"UPDATE %1 SET checksum = 'edited' WHERE version = 1"_qs << u"edited after it was applied"_qs;
    QTest::newRow("newer database") << u"INSERT INTO %1 (version, name, checksum, applied_at) VALUES (99, 'future', 'x', 0)"_qs
                                    << u"newer Arbor"_qs;
}

void TestLifecycle::refusesEditedOrNewerDatabaseAndChangesNothing()
{
    QFETCH(QString, tamper);
    QFETCH(QString, problem);
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QList<SqlRow> before;
    {
        auto store = db.open();
        const QString migrations = ddl::adminTable(store->backend(), u"schema_migrations"_qs);
        QVERIFY(store->exec(tamper.arg(migrations)));
        before = *store->query(QLatin1String("SELECT version, checksum FROM ") + migrations + QLatin1String(" ORDER BY version"));
    }

    Run r = arborctl(db, {u"db"_qs, u"status"_qs});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.out.contains(QLatin1String("PROBLEM: ")), qPrintable(describe(r)));
    QVERIFY2(r.out.contains(problem), qPrintable(describe(r)));

    for (const QStringList &args : {QStringList{u"chain"_qs, u"list"_qs}, QStringList{u"db"_qs, u"migrate"_qs}}) {
        r = arborctl(db, args);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(problem), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QLatin1String("Nothing was changed")), qPrintable(describe(r)));
    }

    auto store = db.open(false);
    const QString migrations = ddl::adminTable(store->backend(), u"schema_migrations"_qs);
    QCOMPARE(*store->query(QLatin1String("SELECT version, checksum FROM ") + migrations + QLatin1String(" ORDER BY version")), before);
    QCOMPARE(*store->rowCount(ddl::adminTable(store->backend(), u"lease"_qs)), 0);
}

} // namespace tst_lifecycle

ARBOR_GUILESS_TEST_MAIN(lifecycle, tst_lifecycle::TestLifecycle)
#include "tst_lifecycle.moc"

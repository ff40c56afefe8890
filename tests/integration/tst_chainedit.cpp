// Editing a chain end to end: `arborctl chain edit` and ChainService::editChain against a real devnet,
// on SQLite and PostgreSQL, with and without an engine indexing the chain meanwhile. And the
// registries a chain is added with by `chain add --erc8004 official`, which go by its chain id.
#include "arborctlrun.h"
#include "testvalues.h"
#include "devnet.h"
#include "testdatabase.h"
#include "testresults.h"

#include "buildpaths.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "model/entitydef.h"
#include "rpc/eventdensity.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_chainedit {

namespace {

const QString Arborctl = BuildPaths::arborctl();
constexpr int TimeoutMs = 60000;
constexpr int OneHourMs = 3600 * 1000;

ArborctlRun arborctl(const TestDatabase &db, const QStringList &args)
{
    return runArborctl(Arborctl, db, args, TimeoutMs);
}

QStringList urlsOf(const QJsonObject &chain)
{
    QStringList urls;
    for (const QJsonValue &e : chain.value(u"endpoints"_s).toArray())
        urls.append(e.toObject().value(u"url"_s).toString());
    return urls;
}

std::optional<ChainStatus> statusOf(const Engine &engine, qint64 chainId)
{
    for (const ChainStatus &s : engine.indexing()->chainStatuses()) {
        if (s.chainId == chainId)
            return s;
    }
    return std::nullopt;
}

qint64 indexedOf(const Engine &engine, qint64 chainId)
{
    const auto status = statusOf(engine, chainId);
    return status && status->indexed ? *status->indexed : -1;
}

QStringList statusUrls(const Engine &engine, qint64 chainId)
{
    QStringList urls;
    if (const auto status = statusOf(engine, chainId)) {
        for (const EndpointRecord &e : status->endpoints)
            urls.append(e.url.toString());
    }
    return urls;
}

} // namespace

class TestChainEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void renamesAndKeepsNamesUnique();
    void addedUrlIsProbedFirst();
    void removesUrlsButNeverTheLast();
    void refusesBadEditsAndChangesNothing_data();
    void refusesBadEditsAndChangesNothing();
    void runningIndexerTakesUpEdits();
    void addedRegistryIsBackfilledFromTheStartBlock();
    void officialRegistriesGoByTheChainId();

private:
    /// `chain add` of the devnet as `name` from block 0 with `extra` options; its JSON row.
    QJsonObject addDevnet(const TestDatabase &db, const QString &name, const QStringList &extra = {});
    QJsonObject chainRow(const TestDatabase &db);
    std::unique_ptr<Engine> startIndexing(const TestDatabase &db);
    qint64 head();

    Devnet m_devnet;
    Devnet m_otherChain;          ///< another chain id, Base Sepolia's: its URL must be refused; it has official ERC-8004 registries
    QJsonObject m_registries;
    qint64 m_agentEvents = 0;
};

void TestChainEdit::initTestCase()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    QVERIFY2(m_otherChain.start(&error, 84532), qPrintable(error));
    const auto registries = m_devnet.deployRegistries(&error);
    QVERIFY2(registries, qPrintable(error));
    m_registries = *registries;
    const auto agents = m_devnet.generateAgentTraffic(m_registries, 4, 20, 11, &error);
    QVERIFY2(agents, qPrintable(error));
    m_agentEvents = agents->value(u"events"_s).toArray().size();
    QVERIFY(m_agentEvents >= 24);
}

QJsonObject TestChainEdit::addDevnet(const TestDatabase &db, const QString &name, const QStringList &extra)
{
    const ArborctlRun r = arborctl(db, QStringList{u"chain"_s, u"add"_s, u"--name"_s, name, u"--chain-id"_s, QString::number(m_devnet.chainId()),
                                                   u"--rpc"_s, m_devnet.rpcUrl().toString(), u"--start-block"_s, u"0"_s, u"--json"_s}
                                           + extra);
    if (r.exitCode != 0)
        qWarning().noquote() << "chain add failed:" << describe(r);
    return r.object();
}

QJsonObject TestChainEdit::chainRow(const TestDatabase &db)
{
    return arbor::test::chainRow(Arborctl, db, qint64(m_devnet.chainId()));
}

std::unique_ptr<Engine> TestChainEdit::startIndexing(const TestDatabase &db)
{
    EngineOptions o;
    o.database = db.url();
    o.app = u"arbor-test"_s;
    o.indexing = true;
    o.snapshotIntervalMs = 200;
    o.statusIntervalMs = 100;
    o.indexer.workPollIntervalMs = 500;
    auto engine = std::make_unique<Engine>(o);
    const Status started = waitFor(engine->start());
    if (!started) {
        qWarning() << "engine did not start:" << why(started);
        return nullptr;
    }
    return engine;
}

qint64 TestChainEdit::head()
{
    QString error;
    const auto h = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    return h ? h->toString().toLongLong(nullptr, 16) : -1;
}

void TestChainEdit::renamesAndKeepsNamesUnique()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QVERIFY(!addDevnet(db, u"devnet"_s).isEmpty());
    {
        auto store = db.open();
        const ChainConfig other = sampleChain(200, u"other"_s);
        QVERIFY(ChainRegistry(*store).registerChain(other, sampleEndpoints(other), evmEntities()));
    }

    const QJsonObject before = chainRow(db);
    const ArborctlRun taken = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--name"_s, u"other"_s});
    QCOMPARE(taken.exitCode, 3);
    QVERIFY2(taken.err.contains(u"--name"_s) && taken.err.contains(u"“other”"_s), qPrintable(describe(taken)));
    QCOMPARE(chainRow(db), before);

    const ArborctlRun digits = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--name"_s, u"12345"_s});
    QCOMPARE(digits.exitCode, 2);
    QVERIFY2(digits.err.contains(u"--name"_s), qPrintable(describe(digits)));

    const ArborctlRun renamed = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--name"_s, u"local anvil"_s});
    QVERIFY2(renamed.exitCode == 0, qPrintable(describe(renamed)));
    QVERIFY2(renamed.out.contains(u"Edited chain local anvil (id %1)."_s.arg(m_devnet.chainId())), qPrintable(renamed.out));
    QCOMPARE(chainRow(db).value(u"name"_s).toString(), u"local anvil"_s);

    // The new name names the chain from now on; the old one is free.
    const ArborctlRun byNewName = arborctl(db, {u"chain"_s, u"edit"_s, u"local anvil"_s, u"--confirmations"_s, u"4"_s, u"--json"_s});
    QVERIFY2(byNewName.exitCode == 0, qPrintable(describe(byNewName)));
    QCOMPARE(byNewName.object().value(u"confirmations"_s).toInt(), 4);
    QCOMPARE(byNewName.object().value(u"name"_s).toString(), u"local anvil"_s);
    const ArborctlRun oldName = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--confirmations"_s, u"1"_s});
    QCOMPARE(oldName.exitCode, 2);
    QVERIFY2(oldName.err.contains(u"devnet"_s), qPrintable(describe(oldName)));
}

void TestChainEdit::addedUrlIsProbedFirst()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QVERIFY(!addDevnet(db, u"devnet"_s).isEmpty());
    const QJsonObject before = chainRow(db);

    // Another chain's node: refused with what it serves, and nothing else of the edit is written.
    const ArborctlRun wrongChain = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--name"_s, u"renamed"_s, u"--confirmations"_s, u"7"_s,
                                                 u"--add-rpc"_s, m_otherChain.rpcUrl().toString()});
    QCOMPARE(wrongChain.exitCode, 2);
    QVERIFY2(wrongChain.err.contains(u"--add-rpc"_s) && wrongChain.err.contains(u"serves chain id 84532, not %1"_s.arg(m_devnet.chainId()))
                 && wrongChain.err.contains(u"Nothing was changed"_s),
             qPrintable(describe(wrongChain)));
    QCOMPARE(chainRow(db), before);

    // Nothing listening: a failure (exit 1), nothing written.
    const ArborctlRun unreachable = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--add-rpc"_s, u"http://127.0.0.1:%1"_s.arg(closedPort().port())});
    QCOMPARE(unreachable.exitCode, 1);
    QVERIFY2(unreachable.err.contains(u"--add-rpc"_s), qPrintable(describe(unreachable)));
    QCOMPARE(chainRow(db), before);

    // The same node under another host name: probed, added after the first, with what the probe saw.
    QUrl viaLocalhost = m_devnet.rpcUrl();
    viaLocalhost.setHost(u"localhost"_s);
    const ArborctlRun added = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--add-rpc"_s, viaLocalhost.toString(), u"--rpc-rate"_s, u"50"_s});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    QVERIFY2(added.out.contains(viaLocalhost.toString()) && added.out.contains(u"added: head"_s) && added.out.contains(u"anvil"_s), qPrintable(added.out));
    const QJsonObject after = chainRow(db);
    QCOMPARE(urlsOf(after), (QStringList{m_devnet.rpcUrl().toString(), viaLocalhost.toString()}));
    const QJsonArray endpoints = after.value(u"endpoints"_s).toArray();
    const QJsonObject fresh = endpoints.at(1).toObject();
    QCOMPARE(fresh.value(u"status"_s).toString(), u"ok"_s);
    QVERIFY(fresh.value(u"clientVersion"_s).toString().contains(u"anvil"_s));
    QVERIFY(fresh.value(u"lastHead"_s).toInteger() > 0);
    QVERIFY(fresh.value(u"priority"_s).toInt() > endpoints.at(0).toObject().value(u"priority"_s).toInt());
    // --rpc-rate applies to every URL of the chain, the new one included.
    for (const QJsonValue &e : endpoints)
        QCOMPARE(e.toObject().value(u"maxRequestsPerSecond"_s).toDouble(), 50.0);

    // Adding it again is a conflict.
    const ArborctlRun again = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--add-rpc"_s, viaLocalhost.toString()});
    QCOMPARE(again.exitCode, 3);
    QVERIFY2(again.err.contains(u"already an RPC URL"_s), qPrintable(describe(again)));
}

void TestChainEdit::removesUrlsButNeverTheLast()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QUrl viaLocalhost = m_devnet.rpcUrl();
    viaLocalhost.setHost(u"localhost"_s);
    QVERIFY(!addDevnet(db, u"devnet"_s, {u"--rpc"_s, viaLocalhost.toString()}).isEmpty());

    const ArborctlRun removed = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--remove-rpc"_s, m_devnet.rpcUrl().toString()});
    QVERIFY2(removed.exitCode == 0, qPrintable(describe(removed)));
    QVERIFY2(removed.out.contains(u"removed %1"_s.arg(m_devnet.rpcUrl().toString())), qPrintable(removed.out));
    QCOMPARE(urlsOf(chainRow(db)), QStringList{viaLocalhost.toString()});

    const QJsonObject before = chainRow(db);
    const ArborctlRun last = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--remove-rpc"_s, viaLocalhost.toString()});
    QCOMPARE(last.exitCode, 2);
    QVERIFY2(last.err.contains(u"--remove-rpc"_s) && last.err.contains(u"no RPC URL left"_s), qPrintable(describe(last)));
    QCOMPARE(chainRow(db), before);

    // Removing the last one and adding another in the same edit is fine.
    const ArborctlRun swapped = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--remove-rpc"_s, viaLocalhost.toString(),
                                              u"--add-rpc"_s, m_devnet.rpcUrl().toString(), u"--json"_s});
    QVERIFY2(swapped.exitCode == 0, qPrintable(describe(swapped)));
    QCOMPARE(urlsOf(swapped.object()), QStringList{m_devnet.rpcUrl().toString()});
    QCOMPARE(urlsOf(chainRow(db)), QStringList{m_devnet.rpcUrl().toString()});

    // A URL added and tried first in the same edit; then the other put back in front.
    const ArborctlRun preferred = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--add-rpc"_s, viaLocalhost.toString(),
                                                u"--prefer-rpc"_s, viaLocalhost.toString()});
    QVERIFY2(preferred.exitCode == 0, qPrintable(describe(preferred)));
    QVERIFY2(preferred.out.contains(u"%1 is tried first."_s.arg(viaLocalhost.toString())), qPrintable(preferred.out));
    QCOMPARE(urlsOf(chainRow(db)), (QStringList{viaLocalhost.toString(), m_devnet.rpcUrl().toString()}));
    const ArborctlRun back = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--prefer-rpc"_s, m_devnet.rpcUrl().toString(), u"--json"_s});
    QVERIFY2(back.exitCode == 0, qPrintable(describe(back)));
    QCOMPARE(urlsOf(back.object()), (QStringList{m_devnet.rpcUrl().toString(), viaLocalhost.toString()}));
    QCOMPARE(urlsOf(chainRow(db)), (QStringList{m_devnet.rpcUrl().toString(), viaLocalhost.toString()}));
}

void TestChainEdit::refusesBadEditsAndChangesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("named");

    QTest::newRow("nothing to change") << QStringList{u"devnet"_s} << 2 << u"Nothing to change"_s;
    QTest::newRow("unknown chain") << QStringList{u"nosuchchain"_s, u"--confirmations"_s, u"1"_s} << 2 << u"nosuchchain"_s;
    QTest::newRow("two chains") << QStringList{u"devnet"_s, u"other"_s, u"--confirmations"_s, u"1"_s} << 2 << u"exactly one chain"_s;
    QTest::newRow("poll interval too short") << QStringList{u"devnet"_s, u"--poll-interval"_s, u"5"_s} << 2 << u"--poll-interval"_s;
    QTest::newRow("confirmations too deep") << QStringList{u"devnet"_s, u"--confirmations"_s, u"10001"_s} << 2 << u"--confirmations"_s;
    QTest::newRow("negative rate") << QStringList{u"devnet"_s, u"--rpc-rate"_s, u"-1"_s} << 2 << u"--rpc-rate"_s;
    QTest::newRow("url without scheme") << QStringList{u"devnet"_s, u"--add-rpc"_s, u"127.0.0.1:8545"_s} << 2 << u"--add-rpc"_s;
    QTest::newRow("url with password") << QStringList{u"devnet"_s, u"--add-rpc"_s, u"https://user:secret@rpc.example"_s} << 2 << u"--add-rpc"_s;
    QTest::newRow("unknown url removed") << QStringList{u"devnet"_s, u"--remove-rpc"_s, u"http://10.9.9.9:8545"_s} << 2 << u"--remove-rpc"_s;
    QTest::newRow("unknown url preferred") << QStringList{u"devnet"_s, u"--prefer-rpc"_s, u"http://10.9.9.9:8545"_s} << 2 << u"--prefer-rpc"_s;
    QTest::newRow("registry kind") << QStringList{u"devnet"_s, u"--add-registry"_s, u"karma=0x00000000000000000000000000000000000000aa"_s} << 2
                                   << u"--add-registry"_s;
    QTest::newRow("registry address") << QStringList{u"devnet"_s, u"--add-registry"_s, u"identity=0x1234"_s} << 2 << u"--add-registry"_s;
    QTest::newRow("zero registry") << QStringList{u"devnet"_s, u"--add-registry"_s, u"validation=0x0000000000000000000000000000000000000000"_s} << 2
                                   << u"--add-registry"_s;
}

void TestChainEdit::refusesBadEditsAndChangesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, named);
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QVERIFY(!addDevnet(db, u"devnet"_s, {u"--erc8004"_s, u"identity="_s + m_registries.value(u"identity"_s).toString()}).isEmpty());
    const QJsonObject before = chainRow(db);
    const ArborctlRun r = arborctl(db, QStringList{u"chain"_s, u"edit"_s} + args);
    QCOMPARE(r.exitCode, exitCode);
    QVERIFY2(r.err.contains(named), qPrintable(describe(r)));
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QCOMPARE(chainRow(db), before);

    // An indexed registry cannot be replaced.
    const ArborctlRun replaced = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--add-registry"_s,
                                               u"identity="_s + m_registries.value(u"reputation"_s).toString()});
    QCOMPARE(replaced.exitCode, 3);
    QVERIFY2(replaced.err.contains(u"--add-registry"_s) && replaced.err.contains(u"already indexes the identity registry"_s), qPrintable(describe(replaced)));
    QCOMPARE(chainRow(db), before);
}

void TestChainEdit::runningIndexerTakesUpEdits()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto engine = startIndexing(db);
    QVERIFY(engine);
    const qint64 chainId = qint64(m_devnet.chainId());
    ChainConfig config;
    config.chainId = chainId;
    config.name = u"devnet"_s;
    config.rpcUrls = {m_devnet.rpcUrl()};
    config.startBlock = 0;
    config.confirmations = 3;
    config.pollIntervalMs = OneHourMs;   // after its first poll the indexer would wait an hour
    // With the events per block the wizard sampled: kept with the chain, for the indexer's first calls.
    const auto added = waitFor(engine->chains()->addChain(config, 0.5));
    QVERIFY2(added, why(added).constData());
    QCOMPARE(added->sampledLogsPerBlock, std::optional<double>(0.5));
    // A later sample (what `arborctl chain add` takes after the add) replaces it; one of no
    // blocks changes nothing, and a chain that is not registered is said to be unknown.
    QVERIFY(waitFor(engine->chains()->recordEventSample(ChainRef{chainId, {}}, EventDensity{1000, 20, 1, 3000})));
    QVERIFY(waitFor(engine->chains()->recordEventSample(ChainRef{chainId, {}}, EventDensity{})));
    const Status unknown = waitFor(engine->chains()->recordEventSample(ChainRef{{}, u"nosuchchain"_s}, EventDensity{1000, 20, 1, 3000}));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
    const auto listed = waitFor(engine->chains()->list());
    QVERIFY(listed && listed->size() == 1);
    QCOMPARE(listed->first().sampledLogsPerBlock, std::optional<double>(3.0));
    const qint64 top = head();
    QVERIFY(top > 3);
    QTRY_COMPARE_WITH_TIMEOUT(indexedOf(*engine, chainId), top - 3, 30000);

    // Another process edits the confirmations: the running indexer takes them up and goes on
    // to the head, with no new block and an hour before its next poll.
    const ArborctlRun edited = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s, u"--confirmations"_s, u"0"_s});
    QVERIFY2(edited.exitCode == 0, qPrintable(describe(edited)));
    QTRY_COMPARE_WITH_TIMEOUT(indexedOf(*engine, chainId), top, 30000);

    // The poll interval, edited here: new blocks are seen at the new interval.
    ChainEdit faster;
    faster.pollIntervalMs = 200;
    const auto polled = waitFor(engine->chains()->editChain(ChainRef{chainId, {}}, faster));
    QVERIFY2(polled, why(polled).constData());
    QCOMPARE(polled->config.pollIntervalMs, 200);
    QString error;
    for (int block = 1; block <= 2; ++block) {
        QVERIFY2(m_devnet.rpc(u"evm_mine"_s, {}, &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(indexedOf(*engine, chainId), top + block, 30000);
    }

    // An endpoint added and the first removed: the indexer goes on through the new one.
    QUrl viaLocalhost = m_devnet.rpcUrl();
    viaLocalhost.setHost(u"localhost"_s);
    ChainEdit swap;
    swap.addRpcUrls = {viaLocalhost};
    swap.removeRpcUrls = {m_devnet.rpcUrl()};
    const auto swapped = waitFor(engine->chains()->editChain(ChainRef{chainId, {}}, swap));
    QVERIFY2(swapped, why(swapped).constData());
    QCOMPARE(swapped->config.rpcUrls, QList<QUrl>{viaLocalhost});
    QTRY_COMPARE_WITH_TIMEOUT(statusUrls(*engine, chainId), QStringList{viaLocalhost.toString()}, 30000);
    QVERIFY2(m_devnet.rpc(u"evm_mine"_s, {}, &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(indexedOf(*engine, chainId), top + 3, 30000);

    // The console's list follows the edit.
    QTRY_VERIFY_WITH_TIMEOUT(!engine->chains()->snapshot().isEmpty() && engine->chains()->snapshot().first().config.rpcUrls == QList<QUrl>{viaLocalhost}, 10000);
    QCOMPARE(engine->chains()->snapshot().first().config.confirmations, 0);
}

void TestChainEdit::addedRegistryIsBackfilledFromTheStartBlock()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QVERIFY(!addDevnet(db, u"devnet"_s, {u"--poll-interval"_s, u"200"_s}).isEmpty());
    auto engine = startIndexing(db);
    QVERIFY(engine);
    const qint64 chainId = qint64(m_devnet.chainId());
    const qint64 top = head();
    QTRY_COMPARE_WITH_TIMEOUT(indexedOf(*engine, chainId), top, 30000);

    auto store = db.open(false);
    QVERIFY(store);
    const QString agentEvents = ddl::entityTable(store->backend(), ddl::TableKind::Production, chainId, u"agent_events"_s);
    const auto count = [&]() -> qint64 {
        const auto rows = store->query(u"SELECT COUNT(*) FROM "_s + agentEvents);
        return rows && !rows->isEmpty() ? rows->first().first().toLongLong() : -1;
    };
    QCOMPARE(count(), 0);

    // Added by another process while the chain indexes at its head: the events from block 0
    // come from a backfill of the registries alone.
    const ArborctlRun edited = arborctl(db, {u"chain"_s, u"edit"_s, u"devnet"_s,
                                             u"--add-registry"_s, u"identity="_s + m_registries.value(u"identity"_s).toString(),
                                             u"--add-registry"_s, u"reputation="_s + m_registries.value(u"reputation"_s).toString(),
                                             u"--add-registry"_s, u"validation="_s + m_registries.value(u"validation"_s).toString()});
    QVERIFY2(edited.exitCode == 0, qPrintable(describe(edited)));
    QVERIFY2(edited.out.contains(u"being backfilled"_s), qPrintable(edited.out));
    QTRY_COMPARE_WITH_TIMEOUT(count(), m_agentEvents, 60000);
    QTRY_COMPARE_WITH_TIMEOUT(waitFor(engine->indexing()->pendingBackfills(ChainRef{chainId, {}})).value_or(-1), 0, 30000);
    QCOMPARE(chainRow(db).value(u"erc8004"_s).toObject().size(), 3);

    // New events land through the head scan.
    QString error;
    const auto more = m_devnet.generateAgentTraffic(m_registries, 1, 3, 12, &error);
    QVERIFY2(more, qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(count(), m_agentEvents + more->value(u"events"_s).toArray().size(), 60000);
    m_agentEvents += more->value(u"events"_s).toArray().size();
}

void TestChainEdit::officialRegistriesGoByTheChainId()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QVERIFY(db.open());
    const auto chainList = [this, &db] { return arborctl(db, {u"chain"_s, u"list"_s, u"--json"_s}); };

    // The devnet's chain id has none: refused, naming the option, the chain id and the chains
    // that have one, and nothing is added.
    const ArborctlRun refused = arborctl(db, {u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(m_devnet.chainId()),
                                              u"--rpc"_s, m_devnet.rpcUrl().toString(), u"--erc8004"_s, u"official"_s});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(u"--erc8004"_s) && refused.err.contains(u"Chain id %1 has no official ERC-8004 deployment"_s.arg(m_devnet.chainId()))
                 && refused.err.contains(u"84532 (Base Sepolia)"_s) && refused.err.contains(u"Nothing was added"_s),
             qPrintable(describe(refused)));
    QVERIFY2(refused.out.isEmpty(), qPrintable(refused.out));
    const ArborctlRun none = chainList();
    QVERIFY2(none.exitCode == 0 && none.array().isEmpty(), qPrintable(describe(none)));

    // Base Sepolia's chain id: the identity and reputation registries the ERC-8004 team lists
    // for it, and a validation registry given with them.
    const QString validation = u"0x00000000000000000000000000000000000000aa"_s;
    const ArborctlRun added = arborctl(db, {u"chain"_s, u"add"_s, u"--name"_s, u"base-sepolia"_s, u"--chain-id"_s, u"84532"_s,
                                            u"--rpc"_s, m_otherChain.rpcUrl().toString(), u"--start-block"_s, u"0"_s,
                                            u"--erc8004"_s, u"official"_s, u"--erc8004"_s, u"validation="_s + validation});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    QVERIFY2(added.out.contains(u"ERC-8004 registries of Base Sepolia as the ERC-8004 team lists them"_s)
                 && added.out.contains(u"identity 0x8004A818BFB912233c491871b3d84c89A494BD9e (official)"_s)
                 && added.out.contains(u"reputation 0x8004B663056A597Dffe9eCcC1965A193B7388713 (official)"_s)
                 && added.out.contains(u"validation 0x00000000000000000000000000000000000000AA (given)"_s),
             qPrintable(added.out));
    const QJsonObject registries = arbor::test::chainRow(Arborctl, db, 84532).value(u"erc8004"_s).toObject();
    QCOMPARE(registries, (QJsonObject{{u"identity"_s, u"0x8004a818bfb912233c491871b3d84c89a494bd9e"_s},
                                      {u"reputation"_s, u"0x8004b663056a597dffe9eccc1965a193b7388713"_s},
                                      {u"validation"_s, validation}}));
}

} // namespace tst_chainedit

ARBOR_GUILESS_TEST_MAIN(chainedit, tst_chainedit::TestChainEdit)
#include "tst_chainedit.moc"

// "Try a local devnet" end to end: LocalDevnet starts anvil, deploys the embedded demo
// contracts, keeps generating traffic, and an Engine on SQLite indexes the chain it hands over.
// The functions share one devnet and run in declaration order.
#include "devnet.h"

#include "devnet/democontracts.h"
#include "devnet/localdevnet.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "model/abi.h"
#include "model/keccak.h"
#include "rpc/jsonrpcclient.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>

using namespace arbor;
using arbor::test::why;
using arbor::test::waitFor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_localdevnet {

namespace {

constexpr int ReadyTimeoutMs = 90000;
constexpr int EngineTimeoutMs = 30000;

/// Where the test installs anvil (npm ci in tests/support/devnet).
QString anvilDirectory()
{
    return Devnet::directory() + u"/node_modules/.bin"_s;
}

} // namespace

class TestLocalDevnet : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void artifactsMatchFreshCompile();
    void unavailableWithoutAnvil();
    void reportsAnvilOutputWhenItExits();
    void becomesReady();
    void tokensReadBack_data();
    void tokensReadBack();
    void transfersKeepComing();
    void trafficSucceeds();
    void engineIndexesIt();
    void stopLeavesNoAnvil();
    void reportsNodeExitAndStartsAgain();

private:
    Result<QJsonValue> rpc(const QString &method, const QJsonArray &params);

    QByteArray m_path;
    QNetworkAccessManager m_network;
    std::unique_ptr<LocalDevnet> m_devnet;
    QTemporaryDir m_home;
    std::unique_ptr<Engine> m_engine;
};

void TestLocalDevnet::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    m_path = qgetenv("PATH");
    if (QFileInfo::exists(anvilDirectory()))
        qputenv("PATH", QFile::encodeName(anvilDirectory()) + ':' + m_path);
    QVERIFY(m_home.isValid());
}

void TestLocalDevnet::cleanupTestCase()
{
    m_engine.reset();
    m_devnet.reset();
    qputenv("PATH", m_path);
}

Result<QJsonValue> TestLocalDevnet::rpc(const QString &method, const QJsonArray &params)
{
    JsonRpcClient client(&m_network, m_devnet->rpcUrl());
    std::optional<Result<QJsonValue>> answer;
    client.call(method, params, [&](Result<QJsonValue> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 15000))
        return Error::unavailable(method, u"no answer"_s);
    return *answer;
}

void TestLocalDevnet::artifactsMatchFreshCompile()
{
    ARBOR_REQUIRE_DEVNET();
    QProcess node;
    node.setWorkingDirectory(Devnet::directory());
    node.start(QStandardPaths::findExecutable(u"node"_s), {u"export-artifacts.mjs"_s, u"--print"_s});
    QVERIFY2(node.waitForFinished(180000), "export-artifacts.mjs did not finish");
    QVERIFY2(node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0, node.readAllStandardError().constData());
    const QJsonDocument fresh = QJsonDocument::fromJson(node.readAllStandardOutput());
    QVERIFY(fresh.isObject());

    QFile embedded(devnet::artifactsResourcePath());
    QVERIFY2(embedded.open(QIODevice::ReadOnly), qPrintable(embedded.errorString()));
    const QJsonDocument committed = QJsonDocument::fromJson(embedded.readAll());
    QVERIFY2(fresh == committed,
             "resources/devnet/contracts.json is out of date: run node tests/support/devnet/export-artifacts.mjs");

    const auto artifacts = devnet::loadArtifacts();
    QVERIFY2(artifacts, why(artifacts).constData());
    QCOMPARE(artifacts->keys(),
             (QStringList{u"IdentityRegistry"_s, u"ReputationRegistry"_s, u"TestToken"_s, u"ValidationRegistry"_s}));
    QCOMPARE(artifacts->value(u"TestToken"_s).constructorSignature, u"constructor(string,string,uint8)"_s);
}

void TestLocalDevnet::unavailableWithoutAnvil()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    qputenv("PATH", QFile::encodeName(empty.path()));
    const auto restorePath = qScopeGuard([this] { qputenv("PATH", QFile::encodeName(anvilDirectory()) + ':' + m_path); });
    QVERIFY(LocalDevnet::anvilProgram().isEmpty());
    QVERIFY(LocalDevnet::unavailableReason().contains(u"anvil was not found on PATH"_s));

    LocalDevnet devnet;
    QSignalSpy failed(&devnet, &LocalDevnet::failed);
    QSignalSpy ready(&devnet, &LocalDevnet::ready);
    devnet.start();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(ready.count(), 0);
    QVERIFY(failed.first().first().value<Error>().message.contains(u"anvil"_s));
    QCOMPARE(devnet.state(), LocalDevnet::State::Failed);
}

void TestLocalDevnet::reportsAnvilOutputWhenItExits()
{
    // An "anvil" that refuses to run: its exit code and output reach the operator.
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QFile fake(bin.filePath(u"anvil"_s));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("#!/bin/sh\necho 'error: this anvil is a stand-in for the test' >&2\nexit 3\n");
    fake.close();
    fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("PATH", QFile::encodeName(bin.path()) + ":/usr/bin:/bin");
    const auto restorePath = qScopeGuard([this] { qputenv("PATH", QFile::encodeName(anvilDirectory()) + ':' + m_path); });

    LocalDevnet devnet;
    QSignalSpy failed(&devnet, &LocalDevnet::failed);
    devnet.start();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const Error error = failed.first().first().value<Error>();
    QVERIFY2(error.message.contains(u"exit code 3"_s), qPrintable(error.message));
    QVERIFY2(error.message.contains(u"this anvil is a stand-in for the test"_s), qPrintable(error.message));
    QCOMPARE(devnet.state(), LocalDevnet::State::Failed);
}

void TestLocalDevnet::becomesReady()
{
    ARBOR_REQUIRE_DEVNET();
    QVERIFY(!LocalDevnet::anvilProgram().isEmpty());
    m_devnet = std::make_unique<LocalDevnet>();
    QSignalSpy ready(m_devnet.get(), &LocalDevnet::ready);
    QSignalSpy failed(m_devnet.get(), &LocalDevnet::failed);
    QSignalSpy progress(m_devnet.get(), &LocalDevnet::progress);
    QElapsedTimer clock;
    clock.start();
    m_devnet->start();
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1 || failed.count() > 0, ReadyTimeoutMs);
    if (!failed.isEmpty())
        QFAIL(qPrintable(failed.first().first().value<Error>().toString()));
    qInfo("ready after %lld ms, %lld progress steps", qint64(clock.elapsed()), qint64(progress.count()));
    QVERIFY(progress.count() >= 4);
    QVERIFY(m_devnet->isRunning());

    const ChainConfig config = ready.first().first().value<ChainConfig>();
    QCOMPARE(config, m_devnet->chainConfig());
    QCOMPARE(config.chainId, 31337);
    QCOMPARE(config.name, u"Local devnet"_s);
    QCOMPARE(config.rpcUrls, QList<QUrl>{m_devnet->rpcUrl()});
    QCOMPARE(config.startBlock, std::optional<qint64>(0));
    QCOMPARE(config.tokens.size(), 2);
    QCOMPARE(config.registries.size(), 3);
    const Status valid = config.validate();
    QVERIFY2(valid, why(valid).constData());
}

void TestLocalDevnet::tokensReadBack_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("symbol");
    QTest::addColumn<int>("decimals");
    QTest::newRow("DUSD") << 0 << u"Demo Dollar"_s << u"DUSD"_s << 6;
    QTest::newRow("DEMO") << 1 << u"Demo Token"_s << u"DEMO"_s << 18;
}

void TestLocalDevnet::tokensReadBack()
{
    QFETCH(int, index);
    QFETCH(QString, name);
    QFETCH(QString, symbol);
    QFETCH(int, decimals);
    if (!m_devnet || !m_devnet->isRunning())
        QSKIP("the devnet did not start");
    const Address token = m_devnet->chainConfig().tokens.at(index);
    const auto call = [&](const char *signature) -> QByteArray {
        const QJsonObject tx{{u"to"_s, token.toHex()}, {u"data"_s, devnet::hexData(devnet::selector(signature))}};
        const auto r = rpc(u"eth_call"_s, {tx, u"latest"_s});
        return r ? QByteArray::fromHex(r->toString().mid(2).toLatin1()) : QByteArray();
    };

    QByteArray data = call("name()");
    auto reader = abi::Reader::open(data, 1, "name");
    QVERIFY2(reader, why(reader).constData());
    QCOMPARE(*reader->string(0, "name"), name);
    data = call("symbol()");
    reader = abi::Reader::open(data, 1, "symbol");
    QVERIFY2(reader, why(reader).constData());
    QCOMPARE(*reader->string(0, "symbol"), symbol);
    const auto d = abi::uint8(call("decimals()"), "decimals");
    QVERIFY2(d, why(d).constData());
    QCOMPARE(int(*d), decimals);

    // Every demo holder was minted a million of each.
    const auto balance = rpc(u"eth_call"_s, {QJsonObject{{u"to"_s, token.toHex()},
                                                          {u"data"_s, devnet::hexData(devnet::callData(
                                                                          "balanceOf(address)",
                                                                          devnet::AbiEncoder().address(m_devnet->holders().last())))}},
                                              u"latest"_s});
    QVERIFY2(balance, why(balance).constData());
    QVERIFY(balance->toString() != u"0x"_s + QString(64, u'0'));
}

void TestLocalDevnet::transfersKeepComing()
{
    if (!m_devnet || !m_devnet->isRunning())
        QSKIP("the devnet did not start");
    const auto head = rpc(u"eth_blockNumber"_s, {});
    QVERIFY2(head, why(head).constData());
    const qint64 start = *quantityToInt64(*head, u"head"_s);
    const QString transferTopic = devnet::hexData(keccak256("Transfer(address,address,uint256)"));
    QJsonArray tokens;
    for (const Address &t : m_devnet->chainConfig().tokens)
        tokens.append(t.toHex());

    // Blocks keep coming on their own (a block a second) and carry generated transfers.
    qint64 transfers = 0;
    QJsonObject filter;
    filter.insert(u"fromBlock"_s, QString(u"0x"_s + QString::number(start + 1, 16)));
    filter.insert(u"toBlock"_s, u"latest"_s);
    filter.insert(u"address"_s, tokens);
    filter.insert(u"topics"_s, QJsonArray{transferTopic});
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        const auto logs = rpc(u"eth_getLogs"_s, {filter});
        transfers = logs ? logs->toArray().size() : 0;
        return transfers >= 5;
    }()), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        const auto later = rpc(u"eth_blockNumber"_s, {});
        return later && *quantityToInt64(*later, u"head"_s) >= start + 3;
    }()), 15000);
    QVERIFY(m_devnet->trafficSent() >= 5);
}

void TestLocalDevnet::trafficSucceeds()
{
    if (!m_devnet || !m_devnet->isRunning())
        QSKIP("the devnet did not start");
    QSet<QString> tokens;
    for (const Address &t : m_devnet->chainConfig().tokens)
        tokens.insert(t.toHex());
    QSet<QString> registries;
    for (const RegistryRef &r : m_devnet->chainConfig().registries)
        registries.insert(r.address.toHex());

    // Every generated transaction lands and succeeds; besides transfers there are ERC-8004 events.
    qint64 scanned = 1;   // block 0 is genesis
    int transfers = 0;
    int agentTransactions = 0;
    QStringList reverted;
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
        const auto head = rpc(u"eth_blockNumber"_s, {});
        const qint64 last = head ? *quantityToInt64(*head, u"head"_s) : 0;
        for (; scanned <= last; ++scanned) {
            const auto receipts = rpc(u"eth_getBlockReceipts"_s, {QString(u"0x"_s + QString::number(scanned, 16))});
            if (!receipts)
                break;
            for (const QJsonValue &v : receipts->toArray()) {
                const QJsonObject r = v.toObject();
                const QString to = r.value(u"to"_s).toString().toLower();
                if (r.value(u"status"_s).toString() != u"0x1"_s)
                    reverted.append(r.value(u"transactionHash"_s).toString());
                if (tokens.contains(to))
                    ++transfers;
                else if (registries.contains(to))
                    ++agentTransactions;
            }
        }
        return agentTransactions > 3 + 1 && transfers > 20 + 5;   // beyond the setup's agents and mints
    }()), 60000);
    QVERIFY2(reverted.isEmpty(), qPrintable(u"reverted: "_s + reverted.join(u", "_s)));
}

void TestLocalDevnet::engineIndexesIt()
{
    if (!m_devnet || !m_devnet->isRunning())
        QSKIP("the devnet did not start");
    const auto url = DatabaseUrl::parse(u"sqlite:"_s + m_home.filePath(u"arbor.db"_s));
    QVERIFY2(url, why(url).constData());
    EngineOptions options;
    options.database = *url;
    options.app = u"arbor-test"_s;
    options.indexing = true;
    options.processQueue = true;
    options.snapshotIntervalMs = 200;
    m_engine = std::make_unique<Engine>(options);
    const Status started = waitFor(m_engine->start());
    QVERIFY2(started, why(started).constData());
    const auto added = waitFor(m_engine->chains()->addChain(m_devnet->chainConfig()));
    QVERIFY2(added, why(added).constData());
    QCOMPARE(added->tokens.size(), 2);
    QCOMPARE(added->tokens.at(0).symbol, u"DUSD"_s);
    QCOMPARE(added->tokens.at(0).decimals, std::optional<int>(6));
    QCOMPARE(added->tokens.at(1).symbol, u"DEMO"_s);
    QCOMPARE(added->tokens.at(1).decimals, std::optional<int>(18));

    auto store = Store::open(*url);
    QVERIFY2(store, why(store).constData());
    const auto count = [&]() -> qint64 {
        const auto rows = (*store)->query(u"SELECT COUNT(*) FROM c31337_token_transfers"_s);
        return rows && !rows->isEmpty() ? rows->first().first().toLongLong() : -1;
    };
    // The mints (2 tokens x 10 holders) and then the generated transfers.
    QTRY_VERIFY_WITH_TIMEOUT(count() >= 20, 60000);
    const qint64 first = count();
    QTRY_VERIFY_WITH_TIMEOUT(count() > first + 3, 60000);
    const auto agents = (*store)->query(u"SELECT COUNT(*) FROM c31337_agent_events"_s);
    QVERIFY2(agents, why(agents).constData());
    QVERIFY(agents->first().first().toLongLong() >= 3);   // the demo's first agents
}

void TestLocalDevnet::stopLeavesNoAnvil()
{
    if (!m_devnet || !m_devnet->isRunning())
        QSKIP("the devnet did not start");
    m_engine.reset();
    const qint64 pid = m_devnet->nodeProcessId();
    QVERIFY(pid > 0);
    QVERIFY(QFileInfo::exists(u"/proc/%1"_s.arg(pid)));
    const QUrl url = m_devnet->rpcUrl();
    QSignalSpy failed(m_devnet.get(), &LocalDevnet::failed);
    m_devnet->stop();
    QCOMPARE(m_devnet->state(), LocalDevnet::State::Stopped);
    QCOMPARE(m_devnet->nodeProcessId(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(u"/proc/%1"_s.arg(pid)), 5000);
    JsonRpcClient client(&m_network, url);
    std::optional<Result<QJsonValue>> answer;
    client.call(u"eth_chainId"_s, {}, [&](Result<QJsonValue> r) { answer = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 15000);
    QVERIFY(!answer->ok());
    QCOMPARE(failed.count(), 0);   // a requested stop is not a failure

    // The destructor also kills it.
    auto other = std::make_unique<LocalDevnet>();
    other->start();
    QTRY_VERIFY_WITH_TIMEOUT(other->nodeProcessId() > 0, 10000);
    const qint64 otherPid = other->nodeProcessId();
    other.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(u"/proc/%1"_s.arg(otherPid)), 5000);
}

void TestLocalDevnet::reportsNodeExitAndStartsAgain()
{
    ARBOR_REQUIRE_DEVNET();
    LocalDevnet devnet;
    QSignalSpy ready(&devnet, &LocalDevnet::ready);
    QSignalSpy failed(&devnet, &LocalDevnet::failed);
    devnet.start();
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1 || failed.count() > 0, ReadyTimeoutMs);
    QCOMPARE(failed.count(), 0);

    // The node dies under the console: the devnet says so instead of silently stopping traffic.
    const qint64 pid = devnet.nodeProcessId();
    QVERIFY(pid > 0);
    QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    const Error error = failed.first().first().value<Error>();
    QVERIFY2(error.message.contains(u"while the devnet was running (killed by signal 9)"_s), qPrintable(error.message));
    QCOMPARE(devnet.state(), LocalDevnet::State::Failed);

    // Retry: a fresh node with a fresh demo.
    devnet.start();
    QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 2 || failed.count() > 1, ReadyTimeoutMs);
    QCOMPARE(failed.count(), 1);
    QVERIFY(devnet.isRunning());
    QCOMPARE(ready.last().first().value<ChainConfig>().tokens.size(), 2);
}

} // namespace tst_localdevnet

ARBOR_GUILESS_TEST_MAIN(localdevnet, tst_localdevnet::TestLocalDevnet)
#include "tst_localdevnet.moc"

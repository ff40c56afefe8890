// Hosted RPC providers end to end: arborctl adding, indexing and draining a chain through a
// FaultProxy that behaves like Infura, Alchemy or QuickNode with every limit on at once (calls per
// second answered 429, batches capped, eth_getLogs block range and result count capped, and one
// request in twenty answered 503), in front of a devnet restarted from a state dump, which serves
// blocks and logs but no state before its head, like most public endpoints. On SQLite and
// PostgreSQL.
//
// What an operator would notice is asserted: `chain add` works without being told the provider's
// rate, indexing and the balance queue end with every transfer and every balance exact, the
// endpoint's row says what was learned about the provider, and a rate limit is never shown as an
// outage, while a dead endpoint still is.
//
// The first three functions share one devnet, one proxy and one database and run in declaration
// order; the last brings its own proxy and database.
#include "devnet.h"
#include "faultproxy.h"
#include "arborctlrun.h"
#include "testdatabase.h"

#include "buildpaths.h"
#include "model/address.h"
#include "model/u256.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <limits>
#include <memory>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_providers {

namespace {

using Run = ArborctlRun;
const QString Arborctl = BuildPaths::arborctl();

Run arborctl(const TestDatabase &db, const QStringList &args, int timeoutMs = 120000, const QProcessEnvironment &extra = {})
{
    return runArborctl(Arborctl, db, args, timeoutMs, extra);
}

constexpr int TokenCount = 3;
// 12,000 transfers and 900 mints in the first 70 blocks or so: any eth_getLogs over them holds more
// than the 10,000 results the provider answers.
constexpr int TransferCount = 12000;
constexpr int HolderCount = 300;
constexpr int BlockCount = 60;
// Empty blocks after the traffic make the chain longer than the provider's eth_getLogs range, also
// below the reorg window (anvil's finalized block, head - 64), where ranges are fetched logs first.
constexpr qint64 ChainBlocks = 1200;
// Blocks per eth_getLogs arborctl starts with (ARBOR_INDEX_RANGE_BLOCKS; by default it starts at
// 100 and grows to 2000 on a long chain): over the provider's 500, as on a real chain.
const QString IndexRangeBlocks = u"1000"_s;
constexpr quint64 TrafficSeed = 20250301;

/// Every cap of a hosted provider at once.
ProviderLimits hostedLimits()
{
    ProviderLimits limits;
    limits.maxLogRange = 500;
    limits.maxLogResults = 10000;
    limits.requestsPerSecond = 10;
    limits.maxBatch = 50;
    return limits;
}

/// One request in twenty answered 503, as a busy provider's load balancer does.
FaultPlan busyProvider()
{
    FaultPlan plan;
    plan.serverError = 0.05;
    plan.serverErrorStatuses = {503};
    return plan;
}

QString describe(const FaultProxy::Counters &c)
{
    return u"%1 requests, %2 calls admitted (at most %3 in one request), %4 answered 429, %5 batches refused as too large, "
           "%6 eth_getLogs refused for their range and %7 for their results, %8 answered 503"_s
        .arg(c.requests)
        .arg(c.callsAdmitted)
        .arg(c.largestBatchAdmitted)
        .arg(c.rateLimited)
        .arg(c.batchRefused)
        .arg(c.rangeRefused)
        .arg(c.resultsRefused)
        .arg(c.fault(Fault::ServerError));
}

QStringList withDatabase(const TestDatabase &db, const QStringList &args)
{
    return QStringList{u"--db"_s, db.urlString()} + args;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString addressText(const QVariant &v)
{
    auto a = Address::fromBytes(v.toByteArray());
    return a ? a->toHex().toLower() : u"(bad address)"_s;
}

/// The chain's only endpoint in `arborctl chain list --json`.
QJsonObject endpointRow(const TestDatabase &db, qint64 chainId)
{
    const QJsonArray endpoints = chainRow(Arborctl, db, chainId).value(u"endpoints"_s).toArray();
    return endpoints.size() == 1 ? endpoints.first().toObject() : QJsonObject();
}

} // namespace

class TestProviders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void addChainOnARateLimitedProvider();
    void indexesAndDrainsExactly();
    void endpointRowShowsWhatWasLearned();
    void deadEndpointIsStillDown();

private:
    QStringList addArguments(const QString &name, const QUrl &rpc) const;

    Devnet m_devnet;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FaultProxy> m_proxy;            ///< the hosted provider, in front of m_devnet
    qint64 m_chainId = 0;
    qint64 m_startBlock = 0;                        ///< the first token's deploy block
    qint64 m_head = 0;
    QStringList m_tokens;                           ///< lowercase 0x-hex
    QStringList m_holders;
    QHash<QString, qint64> m_transfers;             ///< token → Transfer events, mints included
    QHash<QString, QHash<QString, U256>> m_balances; ///< token → holder → balance, as generated
    bool m_added = false;
    bool m_indexed = false;
    QString m_indexingLog;                          ///< stderr of `index` and `queue run`
};

QStringList TestProviders::addArguments(const QString &name, const QUrl &rpc) const
{
    QStringList args{u"chain"_s, u"add"_s, u"--name"_s, name, u"--chain-id"_s, QString::number(m_chainId),
                     u"--rpc"_s, rpc.toString(), u"--start-block"_s, QString::number(m_startBlock)};
    for (const QString &token : m_tokens)
        args << u"--token"_s << token;
    return args;
}

void TestProviders::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    m_chainId = qint64(m_devnet.chainId());
    const auto deployed = m_devnet.deployTokens(TokenCount, &error);
    QVERIFY2(deployed, qPrintable(error));
    m_startBlock = std::numeric_limits<qint64>::max();
    for (const QJsonValue &t : deployed->value(u"tokens"_s).toArray()) {
        m_tokens.append(t[u"address"_s].toString());
        m_startBlock = std::min<qint64>(m_startBlock, t[u"deployBlock"_s].toInteger());
    }
    QCOMPARE(m_tokens.size(), TokenCount);

    QElapsedTimer timer;
    timer.start();
    const auto traffic = m_devnet.generateTraffic(m_tokens, TransferCount, HolderCount, BlockCount, TrafficSeed, &error);
    QVERIFY2(traffic, qPrintable(error));
    const qint64 trafficTo = traffic->value(u"toBlock"_s).toInteger();
    qInfo("generated %d transfers among %d holders in blocks %lld..%lld in %.1f s", TransferCount, HolderCount,
          traffic->value(u"fromBlock"_s).toInteger(), trafficTo, double(timer.elapsed()) / 1000.0);
    // All of it within half the provider's eth_getLogs range: the ranges arborctl asks for once the
    // range is refused still hold more logs than the provider answers.
    QVERIFY2(trafficTo - m_startBlock + 1 <= qint64(hostedLimits().maxLogRange / 2),
             qPrintable(u"the traffic spans blocks %1..%2"_s.arg(m_startBlock).arg(trafficTo)));
    m_head = m_startBlock + ChainBlocks - 1;
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {QString(u"0x"_s + QString::number(m_head - trafficTo, 16))}, &error), qPrintable(error));
    qint64 total = 0;
    for (const QString &token : std::as_const(m_tokens)) {
        m_transfers.insert(token, traffic->value(u"transfers"_s)[token].toInteger());
        total += m_transfers.value(token);
        const QJsonObject balances = traffic->value(u"balances"_s)[token].toObject();
        QCOMPARE(balances.size(), HolderCount);
        for (auto it = balances.begin(); it != balances.end(); ++it)
            m_balances[token].insert(it.key().toLower(), decimal(it.value().toString()));
    }
    QCOMPARE(total, qint64(TransferCount + TokenCount * HolderCount));
    QVERIFY(total > hostedLimits().maxLogResults);
    for (const QJsonValue &h : traffic->value(u"holders"_s).toArray())
        m_holders.append(h.toString());

    timer.restart();
    QVERIFY2(m_devnet.restartFromStateDump(&error), qPrintable(error));
    qInfo("restarted from a state dump in %.1f s", double(timer.elapsed()) / 1000.0);
    const auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(head, qPrintable(error));
    QCOMPARE(head->toString().mid(2).toLongLong(nullptr, 16), m_head);

    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_proxy = std::make_unique<FaultProxy>(m_devnet.rpcUrl(), TrafficSeed);
    QVERIFY2(m_proxy->start(&error), qPrintable(error));
    m_proxy->setFaults(busyProvider());
}

// --- 1. chain add ---------------------------------------------------------------------------------

void TestProviders::addChainOnARateLimitedProvider()
{
    // The operator does not know the provider's rate and says nothing about it: the probes of
    // `chain add` are retried through the 429s, and the chain is added.
    m_proxy->setLimits(hostedLimits());   // a full bucket: the provider has seen nothing yet
    m_proxy->resetCounters();
    QElapsedTimer timer;
    timer.start();
    const Run added = arborctl(*m_db, addArguments(u"hosted"_s, m_proxy->url()));
    const FaultProxy::Counters counters = m_proxy->counters();
    qInfo().noquote() << u"chain add took %1 s: %2"_s.arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1).arg(describe(counters));
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added) + u"\nproxy: "_s + describe(counters)));
    QVERIFY2(!added.out.contains(u"Nothing was added"_s) && !added.err.contains(u"Nothing was added"_s), qPrintable(describe(added)));
    m_added = true;
    // The probes of three tokens at once come faster than ten calls a second: the 429s happened,
    // and were no reason to give up.
    QVERIFY2(counters.rateLimited > 0, qPrintable(describe(counters)));

    const QJsonObject chain = chainRow(Arborctl, *m_db, m_chainId);
    QCOMPARE(chain.value(u"tokens"_s).toArray().size(), TokenCount);
    const QJsonObject endpoint = endpointRow(*m_db, m_chainId);
    qInfo().noquote() << "endpoint row after chain add:" << compact(endpoint);
    QVERIFY2(endpoint.value(u"url"_s).toString() == m_proxy->url().toString(), qPrintable(compact(chain)));
    QVERIFY2(endpoint.value(u"maxRequestsPerSecond"_s).toDouble() == 0, qPrintable(compact(endpoint)));
    QVERIFY2(endpoint.value(u"status"_s).toString() != u"unreachable"_s, qPrintable(compact(endpoint)));
    // A node started from a state dump: no state before its head.
    QVERIFY2(endpoint.value(u"servesHistory"_s) == QJsonValue(false), qPrintable(compact(endpoint)));
}

// --- 2. indexing and the queue --------------------------------------------------------------------

void TestProviders::indexesAndDrainsExactly()
{
    QVERIFY2(m_added, "needs the chain of addChainOnARateLimitedProvider");
    // What chain add left on the row: a rate known before indexing is kept to from the start.
    const bool rateKnown = !endpointRow(*m_db, m_chainId).value(u"learnedRequestsPerSecond"_s).isNull();
    m_proxy->setLimits(hostedLimits());
    m_proxy->resetCounters();
    QElapsedTimer timer;
    timer.start();
    QProcessEnvironment range;
    range.insert(u"ARBOR_INDEX_RANGE_BLOCKS"_s, IndexRangeBlocks);
    const Run indexed = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)},
                                 180000, range);
    m_indexingLog = indexed.err;
    qInfo().noquote() << u"indexed %1 blocks in %2 s: %3"_s.arg(m_head - m_startBlock + 1).arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                             .arg(describe(m_proxy->counters()));
    // What the endpoint's row and the proxy say first: QTest cuts long messages short.
    QVERIFY2(indexed.exitCode == 0, qPrintable(u"endpoint: "_s + compact(endpointRow(*m_db, m_chainId)) + u"\nproxy: "_s
                                               + describe(m_proxy->counters()) + u"\n"_s + describe(indexed)));
    QVERIFY2(indexed.out.contains(u"Indexed through block %1"_s.arg(m_head)), qPrintable(describe(indexed)));
    m_indexed = true;

    // Every Transfer once, per token as generated.
    auto store = m_db->open(false);
    QVERIFY(store);
    auto rows = store->query(u"SELECT token, COUNT(*), COUNT(DISTINCT block_number * 100000 + log_index) FROM "_s
                             + ddl::entityTable(store->backend(), ddl::TableKind::Production, m_chainId, u"token_transfers"_s)
                             + u" GROUP BY token"_s);
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString()));
    QHash<QString, qint64> counts;
    for (const SqlRow &r : *rows) {
        QCOMPARE(r[1].toLongLong(), r[2].toLongLong());
        counts.insert(addressText(r[0]), r[1].toLongLong());
    }
    QCOMPARE(counts, m_transfers);

    // Every holder's balance, summed from those Transfers, exact as the operator reads it.
    for (const QString &token : std::as_const(m_tokens)) {
        const QString top = topHoldersMismatch(Arborctl, *m_db, m_chainId, token, m_balances.value(token), m_startBlock, m_head);
        QVERIFY2(top.isEmpty(), qPrintable(u"token %1: %2"_s.arg(token, top)));
        const QString single = balanceMismatch(Arborctl, *m_db, m_chainId, token, m_balances.value(token),
                                               m_holders.mid(0, 3) + m_holders.mid(m_holders.size() - 2), m_startBlock, m_head);
        QVERIFY2(single.isEmpty(), qPrintable(u"token %1: %2"_s.arg(token, single)));
    }

    // The balance queue meets the same provider: one token read with balanceOf has every holder
    // queued, and the queue drains through the limits in batches the endpoint accepts.
    const QString queued = m_tokens.first();
    const Run mode = arborctl(*m_db, {u"chain"_s, u"set-balance-mode"_s, u"--chain"_s, QString::number(m_chainId), u"--token"_s, queued,
                                      u"--mode"_s, u"balance_of"_s});
    QVERIFY2(mode.exitCode == 0, qPrintable(describe(mode)));
    QCOMPARE(healthRow(Arborctl, *m_db, m_chainId).value(u"pending"_s).toInteger(), qint64(HolderCount));
    timer.restart();
    const Run drained = arborctl(*m_db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s}, 180000);
    m_indexingLog += drained.err;
    qInfo().noquote() << u"queue run took %1 s: %2; the proxy saw %3"_s.arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                             .arg(drained.out.simplified(), describe(m_proxy->counters()));
    QVERIFY2(drained.exitCode == 0, qPrintable(describe(drained)));
    QVERIFY2(drained.object().value(u"completed"_s).toInteger() == HolderCount && drained.object().value(u"failed"_s).toInteger() == 0,
             qPrintable(drained.out));
    const QJsonObject health = healthRow(Arborctl, *m_db, m_chainId);
    QVERIFY2(health.value(u"pending"_s).toInteger() == 0 && health.value(u"processing"_s).toInteger() == 0
                 && health.value(u"failed"_s).toInteger() == 0 && health.value(u"problems"_s).toArray().isEmpty(),
             qPrintable(compact(health)));
    // Read at the head, where nothing moved since the traffic: the generator's figures again.
    const QString top = topHoldersMismatch(Arborctl, *m_db, m_chainId, queued, m_balances.value(queued), m_head, m_head);
    QVERIFY2(top.isEmpty(), qPrintable(u"token %1 by balanceOf: %2"_s.arg(queued, top)));

    // Every limit of the provider was met on the way, and its batch cap never exceeded.
    const FaultProxy::Counters counters = m_proxy->counters();
    QVERIFY2(counters.rangeRefused > 0, qPrintable(describe(counters)));
    QVERIFY2(counters.resultsRefused > 0, qPrintable(describe(counters)));
    QVERIFY2(counters.batchRefused > 0, qPrintable(describe(counters)));
    if (!rateKnown)
        QVERIFY2(counters.rateLimited > 0, qPrintable(describe(counters)));
    QVERIFY2(counters.largestBatchAdmitted <= quint64(hostedLimits().maxBatch), qPrintable(describe(counters)));
}

// --- 3. what the endpoint row says ----------------------------------------------------------------

void TestProviders::endpointRowShowsWhatWasLearned()
{
    QVERIFY2(m_indexed, "needs the indexing of indexesAndDrainsExactly");
    const QJsonObject endpoint = endpointRow(*m_db, m_chainId);
    QVERIFY2(!endpoint.isEmpty(), "the chain has no single endpoint");
    qInfo().noquote() << "endpoint row:" << compact(endpoint);

    // The provider's caps, learned from its refusals, without the operator saying a word.
    const QJsonValue maxBatch = endpoint.value(u"maxBatch"_s);
    QVERIFY2(maxBatch.isDouble() && maxBatch.toInteger() >= 1 && maxBatch.toInteger() <= hostedLimits().maxBatch, qPrintable(compact(endpoint)));
    const QJsonValue rate = endpoint.value(u"learnedRequestsPerSecond"_s);
    // Learned by backing off from 429s and creeping up again: near the provider's 10, not exact.
    QVERIFY2(rate.isDouble() && rate.toDouble() > 0 && rate.toDouble() <= 15, qPrintable(compact(endpoint)));
    QVERIFY2(endpoint.value(u"maxRequestsPerSecond"_s).toDouble() == 0, qPrintable(compact(endpoint)));
    // The eth_getLogs caps, as the refusals stated them.
    QVERIFY2(endpoint.value(u"logRangeLimit"_s).toInteger() == qint64(hostedLimits().maxLogRange), qPrintable(compact(endpoint)));
    QVERIFY2(endpoint.value(u"logResultLimit"_s).toInteger() == hostedLimits().maxLogResults, qPrintable(compact(endpoint)));

    // Rate limited is not down: neither the endpoint nor the chain was ever shown as such.
    QVERIFY2(endpoint.value(u"status"_s).toString() != u"unreachable"_s, qPrintable(compact(endpoint)));
    QVERIFY2(endpoint.value(u"requests"_s).toInteger() > endpoint.value(u"failures"_s).toInteger(), qPrintable(compact(endpoint)));
    // `arborctl index` says on stderr whenever a chain's phase becomes "rpc down" (or "stalled").
    QVERIFY2(!m_indexingLog.contains(u"rpc down"_s) && !m_indexingLog.contains(u"stalled"_s), qPrintable(m_indexingLog.right(4000)));
}

// --- 4. a dead endpoint ---------------------------------------------------------------------------

void TestProviders::deadEndpointIsStillDown()
{
    // A rate limit is not an outage, but an endpoint that refuses every connection still is: the
    // index command says "rpc down" and the endpoint's row says "unreachable" and why.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    FaultProxy dead(m_devnet.rpcUrl(), 41);
    QString error;
    QVERIFY2(dead.start(&error), qPrintable(error));
    // chain add refuses an unreachable URL: the endpoint dies after it was added.
    const Run added = arborctl(db, addArguments(u"dying"_s, dead.url()));
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    QVERIFY(dead.setDead(true));

    QProcess index;
    index.setProcessEnvironment(arborctlEnvironment());
    index.start(BuildPaths::arborctl(),
                withDatabase(db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)}));
    QVERIFY2(index.waitForStarted(), qPrintable(index.errorString()));
    auto stop = qScopeGuard([&] {
        if (index.state() != QProcess::NotRunning) {
            index.kill();
            index.waitForFinished();
        }
    });
    QString err;
    auto readErr = [&] {
        err += QString::fromUtf8(index.readAllStandardError());
        return err;
    };
    const QString downLine = u"arborctl: chain %1 rpc down"_s.arg(m_chainId);
    QTRY_VERIFY2_WITH_TIMEOUT(readErr().contains(downLine), qPrintable(err), 30000);
    const QString line = err.mid(err.indexOf(downLine)).section(u'\n', 0, 0);
    QVERIFY2(line.contains(u"Every RPC endpoint is failing"_s) && line.contains(dead.url().authority()), qPrintable(err));
    QCOMPARE(index.state(), QProcess::Running);   // retrying by itself

    // The endpoint's row, as chain list shows it while the outage lasts.
    QJsonObject endpoint;
    QVERIFY2(waitForArborctl([&] {
                                 return (endpoint = endpointRow(db, m_chainId)).value(u"status"_s).toString() == u"unreachable"_s;
                             }, 15000),
             qPrintable(compact(endpoint)));
    QVERIFY2(endpoint.value(u"lastError"_s).toString().contains(u"Cannot reach"_s)
                 && endpoint.value(u"lastError"_s).toString().contains(dead.url().authority()),
             qPrintable(compact(endpoint)));
    QVERIFY2(endpoint.value(u"failures"_s).toInteger() > 0, qPrintable(compact(endpoint)));
    // Refused connections are not a rate limit: nothing was learned about a rate.
    QVERIFY2(endpoint.value(u"learnedRequestsPerSecond"_s).isNull(), qPrintable(compact(endpoint)));

    // The outage is said once, not again at every retry (the engine reports the chain's status
    // every second).
    QTest::qWait(4000);
    QCOMPARE(index.state(), QProcess::Running);
    QCOMPARE(readErr().count(downLine), 1);
}

} // namespace tst_providers

ARBOR_GUILESS_TEST_MAIN(providers, tst_providers::TestProviders)
#include "tst_providers.moc"

// A chain shaped like a real contract's history, at provider cost: token traffic in a few blocks
// with hundreds of empty blocks between, on a devnet restarted from a state dump (logs and blocks,
// no old state), behind a FaultProxy that counts every JSON-RPC call by method. On SQLite and
// PostgreSQL.
//
// What an operator would notice is asserted: a default `chain add` and `index` end with every
// transfer and balance exact while fetching the headers of the blocks with transfers and of each
// range's last block, and inside the reorg window of its first (not one per block of the chain or
// of the window); history that was final at the head `chain add` saw is indexed without waiting
// for a new one; a reorg inside the window is still found from those and rolled back; and `chain
// edit --block-stats every` fetches the missing headers, after which the daily block counts are exact.
//
// The functions share one devnet, one proxy and one database and run in declaration order.
#include "arborctlrun.h"
#include "childprocess.h"
#include "devnet.h"
#include "faultproxy.h"
#include "testdatabase.h"

#include "buildpaths.h"
#include "engine/indexeroptions.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_sparsechain {

namespace {

using Run = ArborctlRun;
const QString Arborctl = BuildPaths::arborctl();

Run arborctl(const TestDatabase &db, const QStringList &args, int timeoutMs = 180000)
{
    return runArborctl(Arborctl, db, args, timeoutMs);
}

constexpr int TokenCount = 2;
constexpr int Rounds = 5;                   ///< bursts of traffic before the state dump
constexpr int TransfersPerRound = 120;
constexpr int HoldersPerRound = 15;
constexpr int BlocksPerRound = 3;
constexpr int EmptyBlocksBetween = 350;     ///< about 2% of the blocks hold transfers
constexpr quint64 Seed = 20261124;
/// How far below its head anvil reports its finalized block (anvil 1.7: head - 64).
constexpr qint64 AnvilFinality = 64;
constexpr int TipBlocks = 8;              ///< IndexerOptions::tipBlocks: the newest blocks, read by hash

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString methods(const FaultProxy::Counters &c)
{
    QStringList parts;
    for (auto it = c.callsByMethod.cbegin(); it != c.callsByMethod.cend(); ++it)
        parts.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    return u"%1 requests: %2 (%3 eth_getLogs by block hash)"_s.arg(c.requests).arg(parts.join(u", "_s)).arg(c.logsByBlockHash);
}

} // namespace

class TestSparseChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void indexesWithTheHeadersItNeeds();
    void sampledAddReadsWideRangesAtOnce();
    void indexesFinalHistoryBeforeTheHead();
    void resumesFromItsCheckpointWithOneHeaderMore();
    void rollsBackAReorgInsideTheWindow();
    void keepsTheTransfersOfAReorgBetweenLogsAndHeader();
    void rollsBackBelowTheLowestBlockTheNodeNoLongerHas();
    void findsTheCheckpointReplacedAfterTheWindowMovedOn();
    void rollsBackOnceTheDatabaseAllowsIt();
    void readsTheTipByHashBehindALoadBalancer();
    void everyBlockBackfillsTheHeaders();

private:
    /// Adds one round of traffic and what it left to the expected transfers and balances.
    bool traffic(quint64 seed, QString *error);
    /// The expected balances after a reorg: the new fork's, as Devnet::reorg() computed them;
    /// holders the new blocks emptied are no longer listed.
    void takeBalancesOf(const QJsonObject &reorg);
    QString balancesMismatch(qint64 atBlock) const { return balancesMismatch(*m_db, atBlock); }
    QString balancesMismatch(const TestDatabase &db, qint64 atBlock) const;
    qint64 nodeHead();
    /// `chain add` of the test's chain and tokens through the proxy, as an operator types it.
    QStringList addThroughProxy(const QString &name) const;
    /// Runs `index` to `last` while the proxy holds the requests `held` names: once the rest is
    /// answered, the node replaces its last `depth` blocks with as many holding `transfers`
    /// (spread evenly from the first); then they go on. The expected balances follow the new fork.
    void indexAcrossAReorg(qint64 last, const QList<QByteArray> &held, int depth, int transfers, quint64 seed);
    QString admin(const QString &name) const { return ddl::adminTable(m_db->url().backend, name); }
    QString prod(const QString &entity) const
    {
        return ddl::entityTable(m_db->url().backend, ddl::TableKind::Production, m_chainId, entity);
    }

    Devnet m_devnet;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FaultProxy> m_proxy;
    qint64 m_chainId = 0;
    qint64 m_startBlock = 0;
    qint64 m_head = 0;
    QStringList m_tokens;
    QStringList m_holders;                              ///< every holder of every round
    QStringList m_lastHolders;                          ///< the last round's, which hold tokens after the dump
    qint64 m_trafficBlocks = 0;                         ///< blocks of the rounds (at most this many hold transfers)
    QHash<QString, qint64> m_transfers;                 ///< token → Transfer events, mints included
    QHash<QString, QHash<QString, U256>> m_balances;    ///< token → holder → balance
    bool m_indexed = false;
    quint64 m_unsampledLogCalls = 0;                    ///< eth_getLogs of the first index, after `chain add --json` (no sample)
};

bool TestSparseChain::traffic(quint64 seed, QString *error)
{
    const auto t = m_devnet.generateTraffic(m_tokens, TransfersPerRound, HoldersPerRound, BlocksPerRound, seed, error);
    if (!t)
        return false;
    m_trafficBlocks += t->value(u"toBlock"_s).toInteger() - t->value(u"fromBlock"_s).toInteger() + 1;
    m_lastHolders.clear();
    for (const QJsonValue &h : t->value(u"holders"_s).toArray()) {
        m_holders.append(h.toString().toLower());
        m_lastHolders.append(h.toString().toLower());
    }
    for (const QString &token : std::as_const(m_tokens)) {
        m_transfers[token] += t->value(u"transfers"_s)[token].toInteger();
        const QJsonObject balances = t->value(u"balances"_s)[token].toObject();
        for (auto it = balances.begin(); it != balances.end(); ++it)
            m_balances[token].insert(it.key().toLower(), decimal(it.value().toString()));
    }
    return true;
}

void TestSparseChain::takeBalancesOf(const QJsonObject &reorg)
{
    for (const QString &token : std::as_const(m_tokens)) {
        const QJsonObject balances = reorg.value(u"balances"_s)[token].toObject();
        for (auto it = balances.begin(); it != balances.end(); ++it)
            m_balances[token].insert(it.key().toLower(), decimal(it.value().toString()));
        for (auto it = m_balances[token].begin(); it != m_balances[token].end();)
            it = it.value() == U256(0) ? m_balances[token].erase(it) : std::next(it);
    }
}

QString TestSparseChain::balancesMismatch(const TestDatabase &db, qint64 atBlock) const
{
    for (const QString &token : m_tokens) {
        // A holder's balance is as of its last transfer, at most the indexed head.
        const QString top = topHoldersMismatch(Arborctl, db, m_chainId, token, m_balances.value(token), m_startBlock, atBlock);
        if (!top.isEmpty())
            return u"token %1: %2"_s.arg(token, top);
    }
    return {};
}

QStringList TestSparseChain::addThroughProxy(const QString &name) const
{
    QStringList add{u"chain"_s, u"add"_s, u"--name"_s, name, u"--chain-id"_s, QString::number(m_chainId),
                    u"--rpc"_s, m_proxy->url().toString(), u"--start-block"_s, QString::number(m_startBlock)};
    for (const QString &token : std::as_const(m_tokens))
        add << u"--token"_s << token;
    return add;
}

qint64 TestSparseChain::nodeHead()
{
    QString error;
    const auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    return head ? head->toString().mid(2).toLongLong(nullptr, 16) : -1;
}

void TestSparseChain::initTestCase()
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

    QElapsedTimer timer;
    timer.start();
    const QString empty = u"0x"_s + QString::number(EmptyBlocksBetween, 16);
    for (int round = 0; round < Rounds; ++round) {
        QVERIFY2(traffic(Seed + quint64(round), &error), qPrintable(error));
        QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {empty}, &error), qPrintable(error));
    }
    // As operators meet public endpoints: blocks and logs, no old state.
    QVERIFY2(m_devnet.restartFromStateDump(&error), qPrintable(error));
    // One more round after the restart, a reorg can replace (reorg() cannot go below the dump).
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x20"_s}, &error), qPrintable(error));
    QVERIFY2(traffic(Seed + Rounds, &error), qPrintable(error));
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x4"_s}, &error), qPrintable(error));
    m_head = nodeHead();
    qInfo("%lld blocks from block %lld, %lld of them with traffic, made in %.1f s", m_head - m_startBlock + 1, m_startBlock, m_trafficBlocks,
          double(timer.elapsed()) / 1000.0);
    QVERIFY(m_head - m_startBlock + 1 > 20 * m_trafficBlocks);

    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_proxy = std::make_unique<FaultProxy>(m_devnet.rpcUrl(), Seed);
    QVERIFY2(m_proxy->start(&error), qPrintable(error));
}

// --- 1. default add and index ---------------------------------------------------------------------

void TestSparseChain::indexesWithTheHeadersItNeeds()
{
    const Run added = arborctl(*m_db, addThroughProxy(u"sparse"_s) << u"--json"_s);
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    // The default: headers of the blocks with events.
    QCOMPARE(added.object().value(u"blockStats"_s).toObject().value(u"mode"_s).toString(), u"events"_s);

    m_proxy->resetCounters();
    QElapsedTimer timer;
    timer.start();
    const Run indexed = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)});
    const FaultProxy::Counters counters = m_proxy->counters();
    qInfo().noquote() << u"indexed %1 blocks in %2 s: %3"_s.arg(m_head - m_startBlock + 1).arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                             .arg(methods(counters));
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));
    QVERIFY2(indexed.out.contains(u"Indexed through block %1"_s.arg(m_head)), qPrintable(describe(indexed)));
    m_indexed = true;

    // Every Transfer once, every balance exact.
    auto store = m_db->open(false);
    QVERIFY(store);
    for (const QString &token : std::as_const(m_tokens)) {
        const auto n = store->rowCount(prod(u"token_transfers"_s), u"token = ?"_s, {Address::fromHex(token)->toBytes()});
        QVERIFY(n);
        QCOMPARE(*n, m_transfers.value(token));
    }
    const QString mismatch = balancesMismatch(m_head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));

    // The headers it needed: the blocks with transfers, the last block of each eth_getLogs range
    // and, inside the reorg window (anvil's finalized block is head - 64), its first, and a few
    // for the finalized block and the tip check. Neither one per block of the chain nor one per
    // block of the window (AnvilFinality).
    // The newest TipBlocks are read by hash: every header, and the logs of the blocks whose
    // bloom may hold them, block by block (before the node was seen to fill blooms in, an
    // empty bloom is not believed: some chains fill in none).
    const quint64 headers = counters.callsByMethod.value(u"eth_getBlockByNumber"_s);
    const quint64 byHash = counters.logsByBlockHash;
    const quint64 logs = counters.callsByMethod.value(u"eth_getLogs"_s) - byHash;
    QVERIFY2(byHash <= quint64(TipBlocks), qPrintable(methods(counters)));
    const quint64 bound = quint64(m_trafficBlocks) + 2 * logs + 4 + TipBlocks;
    QVERIFY2(bound < quint64(m_trafficBlocks + AnvilFinality), "the bound would let every header of the window through");
    QVERIFY2(logs > 0, qPrintable(methods(counters)));
    QVERIFY2(headers <= bound, qPrintable(u"%1 header calls, at most %2 expected; %3"_s.arg(headers).arg(bound).arg(methods(counters))));
    // Sparse history is read in few eth_getLogs calls: the span doubles while answers stay small,
    // one range at a time until it stops growing (100, 200, … blocks: about log2 of the chain's
    // length in hundreds, and one more for the reorg window).
    QVERIFY2(logs <= 8, qPrintable(methods(counters)));
    m_unsampledLogCalls = logs;
    // What the blocks table holds: those headers, not the chain.
    const auto blocks = store->rowCount(prod(u"blocks"_s));
    QVERIFY(blocks);
    QVERIFY2(*blocks <= qint64(bound) && *blocks < (m_head - m_startBlock + 1) / 4, qPrintable(u"%1 blocks stored"_s.arg(*blocks)));
    // Index progress covers the whole range, empty blocks included: no gap to fill.
    const QJsonObject chain = chainRow(Arborctl, *m_db, m_chainId);
    QCOMPARE(chain.value(u"checkpointBlock"_s).toInteger(), m_head);
}

// --- 1b. the sample `chain add` takes sizes the first calls ---------------------------------------

void TestSparseChain::sampledAddReadsWideRangesAtOnce()
{
    QVERIFY2(m_indexed, "needs indexesWithTheHeadersItNeeds");
    // The same chain on a database of its own, added as an operator types it: `chain add` samples
    // how many blocks hold events (and prints it) and keeps the events per block for `index`.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const Run added = arborctl(db, addThroughProxy(u"sampled"_s));
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    QVERIFY2(added.out.contains(u"blocks sampled"_s), qPrintable(describe(added)));
    // What it found is shown with the chain: the Transfers per block of the whole range (it is
    // shorter than a sample window, so read whole).
    qint64 transfers = 0;
    for (const QString &token : std::as_const(m_tokens))
        transfers += m_transfers.value(token);
    const double perBlock = chainRow(Arborctl, db, m_chainId).value(u"sampledEventsPerBlock"_s).toDouble();
    QVERIFY2(qAbs(perBlock - double(transfers) / double(m_head - m_startBlock + 1)) < 1e-9,
             qPrintable(u"%1 events per block sampled, %2 Transfers in %3 blocks"_s.arg(perBlock).arg(transfers).arg(m_head - m_startBlock + 1)));

    m_proxy->resetCounters();
    const Run indexed = arborctl(db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)});
    const FaultProxy::Counters counters = m_proxy->counters();
    qInfo().noquote() << u"after a sampled add: %1 (without the sample: %2 eth_getLogs)"_s.arg(methods(counters)).arg(m_unsampledLogCalls);
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));
    QVERIFY2(indexed.out.contains(u"Indexed through block %1"_s.arg(m_head)), qPrintable(describe(indexed)));

    // The same transfers and balances, from fewer eth_getLogs: about 1,300 Transfers in 1,800
    // blocks fit in one call below the reorg window, where the span otherwise grows from 100
    // blocks one call at a time; the window's ranges come on top.
    auto store = db.open(false);
    QVERIFY(store);
    for (const QString &token : std::as_const(m_tokens)) {
        const auto n = store->rowCount(ddl::entityTable(db.url().backend, ddl::TableKind::Production, m_chainId, u"token_transfers"_s),
                                       u"token = ?"_s, {Address::fromHex(token)->toBytes()});
        QVERIFY(n);
        QCOMPARE(*n, m_transfers.value(token));
    }
    const QString mismatch = balancesMismatch(db, m_head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    const quint64 logs = counters.callsByMethod.value(u"eth_getLogs"_s) - counters.logsByBlockHash;
    QVERIFY2(logs <= 3 && logs < m_unsampledLogCalls, qPrintable(methods(counters)));
}

// --- 1c. history known final does not wait for the node's head ------------------------------------

void TestSparseChain::indexesFinalHistoryBeforeTheHead()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    // `chain add` kept the head the node reported. What was final then (that head less the
    // confirmations and the reorg window) still is: `index` fetches it beside its first head
    // poll instead of a round trip after it, and so needs no answer to eth_blockNumber at all
    // when that is all it is asked for. Here every eth_blockNumber gets a JSON-RPC error.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const Run added = arborctl(db, addThroughProxy(u"recorded"_s));
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    const qint64 confirmations = chainRow(Arborctl, db, m_chainId).value(u"confirmations"_s).toInteger();
    const qint64 final = m_head - confirmations - IndexerOptions().reorgWindow;
    QVERIFY2(final > m_startBlock + m_trafficBlocks, qPrintable(u"final block %1"_s.arg(final)));

    FaultPlan noHead;
    noHead.rpcError = 1.0;
    noHead.onlyMethod = u"eth_blockNumber"_s;
    m_proxy->setFaults(noHead);
    m_proxy->resetCounters();
    const Run indexed = arborctl(db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(final)}, 60000);
    const FaultProxy::Counters counters = m_proxy->counters();
    m_proxy->setFaults(FaultPlan::passthrough());
    qInfo().noquote() << u"through block %1 without a head: %2"_s.arg(final).arg(methods(counters));
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));
    QVERIFY2(indexed.out.contains(u"Indexed through block %1"_s.arg(final)), qPrintable(describe(indexed)));
    QVERIFY2(counters.faultedCallsByMethod.value(u"eth_blockNumber"_s) > 0, qPrintable(methods(counters)));

    // The same transfers there as the chain indexed in full.
    auto store = db.open(false);
    auto full = m_db->open(false);
    QVERIFY(store && full);
    for (const QString &token : std::as_const(m_tokens)) {
        const QVariantList where{Address::fromHex(token)->toBytes(), final};
        const auto n = store->rowCount(ddl::entityTable(db.url().backend, ddl::TableKind::Production, m_chainId, u"token_transfers"_s),
                                       u"token = ? AND block_number <= ?"_s, where);
        const auto expected = full->rowCount(prod(u"token_transfers"_s), u"token = ? AND block_number <= ?"_s, where);
        QVERIFY(n && expected);
        QVERIFY(*expected > 0);
        QCOMPARE(*n, *expected);
    }
    QCOMPARE(chainRow(Arborctl, db, m_chainId).value(u"checkpointBlock"_s).toInteger(), final);
}

void TestSparseChain::resumesFromItsCheckpointWithOneHeaderMore()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    // An index that starts from a checkpoint links its first range to it (the checkpoint may
    // have been read inside the reorg window and replaced since), and only its first: the
    // ranges after it below the window fetch the headers of their blocks with logs and of their
    // last block, as from no checkpoint.
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const Run added = arborctl(db, addThroughProxy(u"resumed"_s));
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    const qint64 confirmations = chainRow(Arborctl, db, m_chainId).value(u"confirmations"_s).toInteger();
    const qint64 final = m_head - confirmations - IndexerOptions().reorgWindow;
    // Ranges of at most 300 blocks, as an endpoint that caps eth_getLogs would have them: the
    // first index learns the cap, the second plans its ranges by it.
    ProviderLimits capped;
    capped.maxLogRange = 300;
    m_proxy->setLimits(capped);
    auto uncap = qScopeGuard([this] { m_proxy->setLimits(ProviderLimits::none()); });
    const qint64 first = m_startBlock + 400;
    const Run started = arborctl(db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(first)});
    QVERIFY2(started.exitCode == 0, qPrintable(describe(started)));

    m_proxy->resetCounters();
    const Run resumed = arborctl(db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(final)});
    const FaultProxy::Counters counters = m_proxy->counters();
    QVERIFY2(resumed.exitCode == 0, qPrintable(describe(resumed)));
    auto store = db.open(false);
    QVERIFY(store);
    const auto withLogs = store->query(u"SELECT COUNT(DISTINCT block_number) FROM "_s
                                           + ddl::entityTable(db.url().backend, ddl::TableKind::Production, m_chainId, u"token_transfers"_s)
                                           + u" WHERE block_number > ?"_s,
                                       {first});
    QVERIFY(withLogs && withLogs->size() == 1);
    const qint64 blocksWithLogs = withLogs->first()[0].toLongLong();
    const qint64 ranges = qint64(counters.callsByMethod.value(u"eth_getLogs"_s)) - qint64(counters.rangeRefused);
    const qint64 headers = counters.callsByMethod.value(u"eth_getBlockByNumber"_s);
    qInfo().noquote() << u"from block %1 to %2: %3 blocks with logs; %4; %5 eth_getLogs refused for the range"_s.arg(first).arg(final)
                             .arg(blocksWithLogs).arg(methods(counters)).arg(counters.rangeRefused);
    QVERIFY2(ranges >= 2, qPrintable(methods(counters)));
    // The headers of the blocks with logs, each range's last, the checkpoint's link, and the
    // node's finalized block (eth_getBlockByNumber "finalized"): not each range's first too.
    QVERIFY2(headers <= blocksWithLogs + ranges + 1 + 1, qPrintable(methods(counters)));
}

// --- 2. a reorg inside the window -----------------------------------------------------------------

void TestSparseChain::rollsBackAReorgInsideTheWindow()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    QString error;
    // The last three blocks replaced by five with other transfers among the last round's holders.
    const auto reorg = m_devnet.reorg(3, m_tokens, 10, m_lastHolders, Seed + 100, &error, 5);
    QVERIFY2(reorg, qPrintable(error));
    m_head = nodeHead();
    takeBalancesOf(*reorg);
    const Run indexed = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)});
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));

    auto store = m_db->open(false);
    QVERIFY(store);
    const auto reorgs = store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId});
    QVERIFY(reorgs);
    QCOMPARE(*reorgs, qint64(1));
    // The checkpoint is the new fork's head.
    const QString newHead = reorg->value(u"newHashes"_s).toObject().value(QString::number(m_head)).toString();
    const auto cp = store->query(u"SELECT block_number, block_hash FROM "_s + admin(u"checkpoints"_s) + u" WHERE chain_id = ?"_s, {m_chainId});
    QVERIFY(cp && cp->size() == 1);
    QCOMPARE(cp->first()[0].toLongLong(), m_head);
    QCOMPARE(u"0x"_s + QString::fromLatin1(cp->first()[1].toByteArray().toHex()), newHead.toLower());
    const QString mismatch = balancesMismatch(m_head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestSparseChain::indexAcrossAReorg(qint64 last, const QList<QByteArray> &held, int depth, int transfers, quint64 seed)
{
    QString error;
    m_proxy->resetCounters();
    m_proxy->holdRequests(held);
    QProcess index;
    // Read headers first, as the ranges inside the reorg window below the newest blocks are
    // (the newest are read by hash: readsTheTipByHashBehindALoadBalancer).
    QProcessEnvironment headersFirst;
    headersFirst.insert(u"ARBOR_INDEX_TIP_BLOCKS"_s, u"0"_s);
    startArborctl(index, Arborctl, *m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(last)},
                  headersFirst);
    const auto cleanup = qScopeGuard([&] {
        m_proxy->releaseHeld();
        if (index.state() != QProcess::NotRunning) {
            index.kill();
            index.waitForFinished();
        }
    });
    // Held, and whatever the range sent beside it answered by the node: nothing more arrives,
    // nothing forwarded is unanswered.
    QTRY_VERIFY_WITH_TIMEOUT(m_proxy->heldRequests() == 1, 60000);
    QElapsedTimer waited;
    waited.start();
    bool quiet = false;
    for (FaultProxy::Counters seen = m_proxy->counters(); !quiet && waited.elapsed() < 60000;) {
        QTest::qWait(300);
        const FaultProxy::Counters now = m_proxy->counters();
        quiet = now.callsByMethod == seen.callsByMethod && now.upstreamAnswered == now.forwarded;
        seen = now;
    }
    QVERIFY2(quiet, "the requests beside the held one were still coming after 60 s");
    const auto reorg = m_devnet.reorg(depth, m_tokens, transfers, m_lastHolders, seed, &error);
    QVERIFY2(reorg, qPrintable(error));
    QCOMPARE(nodeHead(), last);
    m_proxy->releaseHeld();
    QVERIFY(index.waitForFinished(120000));
    QVERIFY2(index.exitCode() == 0, index.readAllStandardError().right(2000).constData());

    takeBalancesOf(*reorg);
    // The chain goes on from the new fork's head: by then its transfers are indexed, however
    // the answers fell.
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x2"_s}, &error), qPrintable(error));
    m_head = nodeHead();
    const Run more = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)});
    QVERIFY2(more.exitCode == 0, qPrintable(describe(more)));
}

void TestSparseChain::keepsTheTransfersOfAReorgBetweenLogsAndHeader()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    // Four empty blocks past the indexed head: the next range, inside the reorg window, has no
    // transfer on this fork. The request for its last header is held while the node replaces
    // the last two blocks with two holding transfers. Logs read before the header would store
    // the new fork's last hash over the old fork's logs: the next range links to that hash and
    // nothing fetches the two blocks again.
    QString error;
    const qint64 indexed = nodeHead();
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x4"_s}, &error), qPrintable(error));
    const qint64 last = indexed + 4;
    QCOMPARE(nodeHead(), last);
    indexAcrossAReorg(last, {QByteArrayLiteral("eth_getBlockByNumber"), "\"0x" + QByteArray::number(last, 16) + '"'}, 2, 6, Seed + 200);
    if (QTest::currentTestFailed())
        return;
    const QString mismatch = balancesMismatch(m_head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestSparseChain::rollsBackBelowTheLowestBlockTheNodeNoLongerHas()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    // The range's headers are read from the old fork and its logs, held meanwhile, from a new
    // one that replaced the range and the two blocks below it, with a transfer in the first new
    // block and one inside the range (two transfers over six blocks): the range stores its
    // stale ends around a block of the new fork, over a checkpoint the node no longer has.
    // The next range finds the stale end. Rolled back only to the highest block the node still
    // has (the one inside the range), the first new block's transfer would never be read: the
    // rollback goes below the lowest stored block the node no longer has.
    QString error;
    const qint64 indexed = nodeHead();
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x4"_s}, &error), qPrintable(error));
    const qint64 last = indexed + 4;
    const auto reorgsBefore = [&]() -> Result<qint64> {
        const auto store = m_db->open(false);
        return store ? store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId}) : Error::internal(u"cannot open"_s);
    }();
    QVERIFY(reorgsBefore);
    indexAcrossAReorg(last, {QByteArrayLiteral("eth_getLogs")}, 6, 2, Seed + 300);
    if (QTest::currentTestFailed())
        return;
    const QString mismatch = balancesMismatch(m_head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    const auto store = m_db->open(false);
    QVERIFY(store);
    const auto reorgs = store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId});
    QVERIFY(reorgs);
    QCOMPARE(*reorgs, *reorgsBefore + 1);
}

void TestSparseChain::findsTheCheckpointReplacedAfterTheWindowMovedOn()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    // The checkpoint, read inside the reorg window, is replaced while nothing indexes the chain
    // (the console closed, the chain paused), and the window moves past it: 300 blocks on, it is
    // below both anvil's finalized block (head - 64) and head - the window kept (256). The next
    // range lies below the window, where ranges do not link to the block before them; this one
    // still must, or the stale block and its transfers stay.
    QString error;
    const auto reorg = m_devnet.reorg(1, m_tokens, 4, m_lastHolders, Seed + 400, &error);
    QVERIFY2(reorg, qPrintable(error));
    takeBalancesOf(*reorg);
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x12c"_s}, &error), qPrintable(error));
    m_head = nodeHead();
    const auto reorgsBefore = [&]() -> Result<qint64> {
        const auto store = m_db->open(false);
        return store ? store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId}) : Error::internal(u"cannot open"_s);
    }();
    QVERIFY(reorgsBefore);

    const Run indexed = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)});
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));
    const auto store = m_db->open(false);
    QVERIFY(store);
    const auto reorgs = store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId});
    QVERIFY(reorgs);
    QCOMPARE(*reorgs, *reorgsBefore + 1);
    // The holders of the replaced block's transfers are counted again by the queue.
    const Run drained = arborctl(*m_db, {u"queue"_s, u"run"_s, u"--until-empty"_s});
    QVERIFY2(drained.exitCode == 0, qPrintable(describe(drained)));
    const QString mismatch = balancesMismatch(m_head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestSparseChain::rollsBackOnceTheDatabaseAllowsIt()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    // A reorg whose rollback the database refuses (a deadlock, a connection reset, a disk full
    // for a moment; here a trigger that refuses to delete blocks): the chain says it is stalled
    // and why, and rolls back once the database allows it, without a restart.
    QString error;
    const auto reorg = m_devnet.reorg(2, m_tokens, 4, m_lastHolders, Seed + 500, &error, 4);
    QVERIFY2(reorg, qPrintable(error));
    takeBalancesOf(*reorg);
    m_head = nodeHead();
    const auto store = m_db->open(false);
    QVERIFY(store);
    const auto reorgsBefore = store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId});
    QVERIFY(reorgsBefore);
    const bool pg = m_db->url().backend == Backend::Postgres;
    const QString blocks = prod(u"blocks"_s);
    if (pg) {
        QVERIFY(store->exec(u"CREATE OR REPLACE FUNCTION public.test_refuse_delete() RETURNS trigger AS $$ BEGIN "
                            "RAISE EXCEPTION 'test: deleting blocks refused'; END $$ LANGUAGE plpgsql"_s));
        QVERIFY(store->exec(u"CREATE TRIGGER test_refuse_delete BEFORE DELETE ON "_s + blocks
                            + u" FOR EACH ROW EXECUTE FUNCTION public.test_refuse_delete()"_s));
    } else {
        QVERIFY(store->exec(u"CREATE TRIGGER test_refuse_delete BEFORE DELETE ON "_s + blocks
                            + u" BEGIN SELECT RAISE(ABORT, 'test: deleting blocks refused'); END"_s));
    }
    auto dropTrigger = qScopeGuard([&] {
        [[maybe_unused]] const Status dropped = store->exec(u"DROP TRIGGER test_refuse_delete"_s + (pg ? u" ON "_s + blocks : QString()));
    });

    QProcess index;
    dieWithParent(index);
    startArborctl(index, Arborctl, *m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)});
    QVERIFY2(index.waitForStarted(), qPrintable(index.errorString()));
    auto stopIndex = qScopeGuard([&] {
        if (index.state() != QProcess::NotRunning) {
            index.kill();
            index.waitForFinished();
        }
    });
    QString err;
    const auto readErr = [&] {
        err += QString::fromUtf8(index.readAllStandardError());
        return err;
    };
    const QString stalled = u"arborctl: chain %1 stalled"_s.arg(m_chainId);
    QTRY_VERIFY2_WITH_TIMEOUT(readErr().contains(stalled) || index.state() == QProcess::NotRunning, qPrintable(err), 60000);
    QVERIFY2(readErr().contains(u"deleting blocks refused"_s), qPrintable(err));
    QCOMPARE(index.state(), QProcess::Running);

    dropTrigger.dismiss();
    QVERIFY(store->exec(u"DROP TRIGGER test_refuse_delete"_s + (pg ? u" ON "_s + blocks : QString())));
    QVERIFY2(index.waitForFinished(90000), qPrintable(readErr()));
    QVERIFY2(index.exitStatus() == QProcess::NormalExit && index.exitCode() == 0, qPrintable(readErr()));
    const auto reorgs = store->rowCount(admin(u"reorgs"_s), u"chain_id = ?"_s, {m_chainId});
    QVERIFY(reorgs);
    QCOMPARE(*reorgs, *reorgsBefore + 1);
    const Run drained = arborctl(*m_db, {u"queue"_s, u"run"_s, u"--until-empty"_s});
    QVERIFY2(drained.exitCode == 0, qPrintable(describe(drained)));
    const QString mismatch = balancesMismatch(m_head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
}

void TestSparseChain::readsTheTipByHashBehindALoadBalancer()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    // One URL, two nodes behind it, as a provider's load balancer: at the tip they are on
    // different forks. The primary mines a round of transfers, the other node as many empty
    // blocks; the balancer sends the first eth_getLogs to the other node. Read with the headers
    // from the primary and the logs from the other node, the range would store the primary's
    // hashes over no transfers, and every check would pass (the logs name no block to check).
    QString error;
    const qint64 indexed = chainRow(Arborctl, *m_db, m_chainId).value(u"checkpointBlock"_s).toInteger();
    QCOMPARE(indexed, nodeHead());
    Devnet other;
    QVERIFY2(other.startReplicaOf(m_devnet, &error), qPrintable(error));
    QVERIFY2(traffic(Seed + 400, &error), qPrintable(error));
    m_head = nodeHead();
    QVERIFY2(m_head - indexed <= TipBlocks, qPrintable(u"%1 blocks of traffic, more than the %2 read by hash"_s.arg(m_head - indexed).arg(TipBlocks)));
    QVERIFY2(other.rpc(u"anvil_mine"_s, QJsonArray{QString(u"0x"_s + QString::number(m_head - indexed, 16))}, &error), qPrintable(error));
    const QString head = u"0x"_s + QString::number(m_head, 16);
    const auto primaryBlock = m_devnet.rpc(u"eth_getBlockByNumber"_s, {head, false}, &error);
    QVERIFY2(primaryBlock, qPrintable(error));
    const auto otherBlock = other.rpc(u"eth_getBlockByNumber"_s, {head, false}, &error);
    QVERIFY2(otherBlock, qPrintable(error));
    QVERIFY2(otherBlock->toObject().value(u"hash"_s) != primaryBlock->toObject().value(u"hash"_s), "the two nodes agree on the head");

    m_proxy->resetCounters();
    m_proxy->divertRequests({QByteArrayLiteral("eth_getLogs")}, other.rpcUrl(), 1);
    const Run run = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)});
    const FaultProxy::Counters counters = m_proxy->counters();
    m_proxy->divertRequests({}, {}, 0);
    qInfo().noquote() << u"%1 blocks at the tip, the first eth_getLogs to the other node: %2"_s.arg(m_head - indexed).arg(methods(counters));
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    QCOMPARE(counters.diverted, quint64(1));
    const QString mismatch = balancesMismatch(m_head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
    // The logs were asked for by the hashes of the blocks, the other node's answer refused.
    QVERIFY2(counters.logsByBlockHash > 0, qPrintable(methods(counters)));
    // On the primary's fork: its head's hash is the checkpoint's.
    auto store = m_db->open(false);
    QVERIFY(store);
    const auto cp = store->query(u"SELECT block_hash FROM "_s + admin(u"checkpoints"_s) + u" WHERE chain_id = ?"_s, {m_chainId});
    QVERIFY(cp && cp->size() == 1);
    QCOMPARE(u"0x"_s + QString::fromLatin1(cp->first()[0].toByteArray().toHex()), primaryBlock->toObject().value(u"hash"_s).toString().toLower());
}

// --- 3. every block -------------------------------------------------------------------------------

void TestSparseChain::everyBlockBackfillsTheHeaders()
{
    QVERIFY2(m_indexed, "needs the chain of indexesWithTheHeadersItNeeds");
    const qint64 indexed = chainRow(Arborctl, *m_db, m_chainId).value(u"checkpointBlock"_s).toInteger();
    const qint64 length = indexed - m_startBlock + 1;
    m_proxy->resetCounters();
    const Run edited = arborctl(*m_db, {u"chain"_s, u"edit"_s, QString::number(m_chainId), u"--block-stats"_s, u"every"_s, u"--wait"_s});
    const FaultProxy::Counters counters = m_proxy->counters();
    qInfo().noquote() << u"every block: %1"_s.arg(methods(counters));
    QVERIFY2(edited.exitCode == 0, qPrintable(describe(edited)));
    QVERIFY2(edited.out.contains(u"every block"_s), qPrintable(describe(edited)));

    const QJsonObject chain = chainRow(Arborctl, *m_db, m_chainId);
    const QJsonObject stats = chain.value(u"blockStats"_s).toObject();
    QVERIFY2(stats.value(u"mode"_s).toString() == u"every"_s && stats.value(u"headersBackfill"_s).isNull(), qPrintable(compact(chain)));
    // One header per block now, linked, and the days count every block.
    auto store = m_db->open(false);
    QVERIFY(store);
    const auto rows = store->query(u"SELECT number, hash, parent_hash FROM "_s + prod(u"blocks"_s) + u" WHERE number BETWEEN ? AND ? ORDER BY number"_s,
                                   {m_startBlock, indexed});
    QVERIFY(rows);
    QCOMPARE(qint64(rows->size()), length);
    for (qsizetype i = 1; i < rows->size(); ++i) {
        QVERIFY2((*rows)[i][2] == (*rows)[i - 1][1], qPrintable(u"block %1 does not build on block %2"_s.arg((*rows)[i][0].toLongLong())
                                                                    .arg((*rows)[i - 1][0].toLongLong())));
    }
    const auto days = store->query(u"SELECT SUM(block_count), SUM(transfer_count) FROM "_s + prod(u"block_summaries"_s));
    QVERIFY(days && !days->isEmpty());
    QCOMPARE(days->first()[0].toLongLong(), length);
    qint64 transfers = 0;
    for (const QString &token : std::as_const(m_tokens))
        transfers += *store->rowCount(prod(u"token_transfers"_s), u"token = ?"_s, {Address::fromHex(token)->toBytes()});
    QCOMPARE(days->first()[1].toLongLong(), transfers);
    // The headers came in batches: about one call per block, not more.
    QVERIFY2(counters.callsByMethod.value(u"eth_getBlockByNumber"_s) <= quint64(length) + 8, qPrintable(methods(counters)));
}

} // namespace tst_sparsechain

ARBOR_GUILESS_TEST_MAIN(sparsechain, tst_sparsechain::TestSparseChain)
#include "tst_sparsechain.moc"

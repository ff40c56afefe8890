// The balance queue at the Store and QueueProcessor level, on both backends: which balances
// promotion keeps and which it queues, exact balances, exclusive claims, retries and failures,
// reclaiming, reorgs, health, upkeep, and the balance queries.
//
// A head range keeps its transfers-mode holders' balances itself and queues none of them; the
// tests that need queue items get them from a gap fill (promoteQueued), which has every holder
// of the range it replaces recounted by the queue, as reindexes and backfills do.

#include "testdatabase.h"
#include "testvalues.h"

#include "engine/balanceservice.h"
#include "engine/engine.h"
#include "model/entitydef.h"
#include "model/u256wide.h"
#include "queue/queueprocessor.h"
#include "store/retention.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/balancestore.h"
#include "store/indexstore.h"
#include "store/queuestore.h"
#include "store/store.h"
#include "testmain.h"

#include <QHostInfo>
#include <QScopeGuard>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <barrier>
#include <chrono>
#include <latch>
#include <map>
#include <thread>

using namespace arbor;
using namespace arbor::test;

namespace tst_queue {

namespace {

constexpr qint64 ChainId = 7;

const Address TokenA = addressOf(1);
const Address TokenB = addressOf(2);

/// A transfer of `value` of `token` from `from` to `to` (0: the zero address) in `block`.
struct Move
{
    Address token;
    int from;
    int to;
    U256 value;
};

Address party(int n)
{
    return n == 0 ? Address() : addressOf(1000 + n);
}

/// Head blocks [from, to] on `fork`; block b carries moves[b - from] (if any).
IndexBatch batchOf(qint64 from, qint64 to, Hash parent, const std::map<qint64, QList<Move>> &moves, int fork = 0)
{
    IndexBatch batch;
    batch.chainId = ChainId;
    batch.from = from;
    batch.to = to;
    batch.tokens = {TokenA, TokenB};
    for (qint64 n = from; n <= to; ++n) {
        BlockHeader h{n, hashOf(n, fork), parent, 1700000000 + n, 1, 21000};
        parent = h.hash;
        batch.headers.append(h);
        int logIndex = 0;
        if (auto it = moves.find(n); it != moves.end()) {
            for (const Move &m : it->second)
                batch.transfers.append({n, logIndex++, hashOf(n * 100 + logIndex, fork + 5), m.token, party(m.from), party(m.to), m.value});
        }
    }
    return batch;
}

/// The parent of block `from` on the main fork.
Hash parentOf(qint64 from)
{
    return from == 0 ? Hash() : hashOf(from - 1);
}

/// Balances the moves give, computed here independently of the database.
std::map<std::pair<Address, Address>, U256> expectedBalances(const std::map<qint64, QList<Move>> &moves)
{
    using Sum = boost::multiprecision::int512_t;
    std::map<std::pair<Address, Address>, Sum> sums;
    for (const auto &[block, list] : moves) {
        for (const Move &m : list) {
            if (m.from != 0)
                sums[{m.token, party(m.from)}] -= u256::toWide<Sum>(m.value);
            if (m.to != 0)
                sums[{m.token, party(m.to)}] += u256::toWide<Sum>(m.value);
        }
    }
    std::map<std::pair<Address, Address>, U256> out;
    for (const auto &[key, sum] : sums)
        out[key] = u256::fromWide(sum).value();   // a negative sum is a mistake in the test's moves
    return out;
}

QString workerId(qint64 pid)
{
    return QHostInfo::localHostName() + QStringLiteral("/%1/test").arg(pid);
}

} // namespace

class TestQueue : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); m_db.reset(); }
    void headRangesKeepBalancesWithoutTheQueue();
    void headRangeSumsPastUint256Exactly();
    void queuingPromotionsQueueBothSidesCoalesced_data();
    void queuingPromotionsQueueBothSidesCoalesced();
    void computesExactBalancesAndAnswersQueries_data();
    void computesExactBalancesAndAnswersQueries();
    void twoConnectionsNeverClaimTheSameItem();
    void processorWorkersDrainTheQueueOnce();
    void incompleteHistoryRetriesThenFailsWithoutStallingOthers();
    void retryFailedQueuesAgain();
    void reclaimsItemsOfAStoppedWorker();
    void reorgRequeuesHoldersAndBalancesFollowTheSurvivingChain();
    void healthFollowsThresholds();
    void upkeepBoostsCleansAndSnapshots();
    void rejectsBadConfigAndQueries();
    void balanceModeChangeRequeuesEveryHolder();
    void engineProcessesTheQueueAndReportsHealth();
    void drainingWhilePromotingMissesNoTransfer();

private:
    /// Promotes blocks [from, to] so that the queue recounts every holder of `moves`: the head
    /// range with its headers only, then a gap fill of the same range carrying the transfers.
    Result<PromoteResult> promoteQueued(qint64 from, qint64 to, const std::map<qint64, QList<Move>> &moves);
    /// Claims and completes everything due, as one worker would.
    QueueRunStats drain(const QueueConfig &config = QueueConfig());
    qint64 countItems(const QString &where, const QVariantList &params = {});
    U256 storedBalance(const Address &token, const Address &holder, bool global = false);
    QueueStore queue() { return QueueStore(*m_store); }
    BalanceStore balances() { return BalanceStore(*m_store); }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
    Hash m_tip;
};

void TestQueue::init()
{
    ARBOR_REQUIRE_BACKEND();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_store = m_db->open();
    QVERIFY(m_store);
    ChainConfig config = sampleChain(ChainId, QStringLiteral("queue"));
    config.startBlock = 0;
    config.tokens = {TokenA, TokenB};
    TokenInfo a{TokenA, QStringLiteral("Alpha"), QStringLiteral("ALP"), 6, 0, QString(), std::nullopt, QString()};
    TokenInfo b{TokenB, QStringLiteral("Beta"), QStringLiteral("BET"), 18, 0, QString(), std::nullopt, QString()};
    QVERIFY(ChainRegistry(*m_store).registerChain(config, {}, evmEntities(), {a, b}));
    QVERIFY(m_store->reconcileEntityTables(evmEntities()));
}

Result<PromoteResult> TestQueue::promoteQueued(qint64 from, qint64 to, const std::map<qint64, QList<Move>> &moves)
{
    auto head = IndexStore(*m_store).promote(batchOf(from, to, parentOf(from), {}), evmEntities());
    if (!head) {
        qWarning() << head.error().toString();
        return head;
    }
    IndexBatch gap = batchOf(from, to, parentOf(from), moves);
    gap.mode = BatchMode::Gap;
    auto filled = IndexStore(*m_store).promote(gap, evmEntities());
    if (!filled)
        qWarning() << filled.error().toString();
    return filled;
}

QueueRunStats TestQueue::drain(const QueueConfig &base)
{
    QueueConfig config = base;
    config.chainId = ChainId;
    QueueRunStats total;
    for (int round = 0; round < 100; ++round) {
        const QString claim = QStringLiteral("drain/%1").arg(round);
        auto items = queue().claimQueueItems(ChainId, config.batchSize, workerId(QCoreApplication::applicationPid()), claim);
        if (!items || items->isEmpty())
            break;
        total.claimed += items->size();
        auto done = queue().completeTransferItems(ChainId, claim, config);
        if (!done) {
            qWarning() << done.error().toString();
            break;
        }
        total += *done;
    }
    return total;
}

qint64 TestQueue::countItems(const QString &where, const QVariantList &params)
{
    return *m_store->rowCount(ddl::adminTable(m_store->backend(), QStringLiteral("balance_update_queue")), where, params);
}

U256 TestQueue::storedBalance(const Address &token, const Address &holder, bool global)
{
    const QString table = global ? ddl::entityTable(m_store->backend(), ddl::TableKind::Global, 0, QStringLiteral("token_balances"))
                                 : ddl::entityTable(m_store->backend(), ddl::TableKind::Production, ChainId, QStringLiteral("token_balances"));
    auto rows = m_store->query(QLatin1String("SELECT balance FROM ") + table + QLatin1String(" WHERE token = ? AND holder = ?")
                                   + (global ? QLatin1String(" AND chain_id = 7") : QLatin1String()),
                               {token.toBytes(), holder.toBytes()});
    if (!rows || rows->isEmpty())
        return U256(0);
    return *m_store->u256FromValue(rows->first()[0], QStringLiteral("balance"));
}

void TestQueue::headRangesKeepBalancesWithoutTheQueue()
{
    // Values near 2^255, and a holder just under 2^256, catch any rounding through doubles,
    // 64-bit sums or an overflow of the signed per-range changes.
    const U256 big = (U256(1) << 255) - 12345;
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 1, big}, {TokenA, 0, 2, big}, {TokenB, 0, 1, 1000}};   // mints
    moves[2] = {{TokenA, 1, 3, big - 5}, {TokenA, 3, 4, 7}, {TokenB, 1, 2, 400}};
    moves[3] = {{TokenA, 2, 3, big - 1}, {TokenA, 1, 2, 5}};                        // holder 3: 2^256 - 24703
    moves[5] = {{TokenA, 3, 0, 100}, {TokenB, 2, 0, 400}};                          // burns
    moves[6] = {{TokenA, 4, 1, 7}, {TokenA, 1, 4, 3}, {TokenB, 1, 3, 600}};         // holder 4 spends more than it gets
    std::map<qint64, QList<Move>> promoted;
    for (const auto &[from, to] : {std::pair<qint64, qint64>{0, 2}, {3, 4}, {5, 7}}) {
        std::map<qint64, QList<Move>> range;
        for (auto it = moves.lower_bound(from); it != moves.upper_bound(to); ++it)
            range.insert(*it);
        promoted.insert(range.begin(), range.end());
        auto r = IndexStore(*m_store).promote(batchOf(from, to, parentOf(from), range), evmEntities());
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));

        // Exact in the same transaction, in both tables, and nothing left for the queue.
        QCOMPARE(countItems(QString()), 0);
        for (const auto &[key, value] : expectedBalances(promoted)) {
            QCOMPARE(u256::toDecimal(storedBalance(key.first, key.second)), u256::toDecimal(value));
            QCOMPARE(u256::toDecimal(storedBalance(key.first, key.second, true)), u256::toDecimal(value));
        }
    }
    QCOMPARE(u256::toDecimal(storedBalance(TokenA, party(3))), u256::toDecimal(2 * big - 6 - 7 - 100));
    QCOMPARE(storedBalance(TokenA, party(4)), U256(3));
    QCOMPARE(balances().tokenBalance(ChainId, TokenA, party(4))->lastBlock, 7);      // the range it was kept at
    QCOMPARE(balances().tokenBalance(ChainId, TokenA, party(3))->lastBlock, 7);
    QCOMPARE(balances().tokenBalance(ChainId, TokenA, party(2))->lastBlock, 4);

    // A holder the queue still has work for is left to it: the next range neither adds to its
    // stored balance nor leaves its item behind; the other side, with no item, is kept.
    QVERIFY(queue().setBalanceMode(ChainId, TokenB, BalanceMode::Transfers));
    QCOMPARE(countItems(QStringLiteral("status = 'pending' AND update_type = 'mode_change'")), 3);   // B: 1, 2, 3
    moves[8] = {{TokenB, 3, 5, 50}, {TokenA, 4, 5, 1}};
    QVERIFY(IndexStore(*m_store).promote(batchOf(8, 8, parentOf(8), {{8, moves[8]}}), evmEntities()));
    QCOMPARE(storedBalance(TokenB, party(3)), U256(600));                          // not 550 yet
    QCOMPARE(countItems(QStringLiteral("token = ? AND holder = ? AND status = 'pending'"), {TokenB.toBytes(), party(3).toBytes()}), 1);
    QCOMPARE(storedBalance(TokenB, party(5)), U256(50));
    QCOMPARE(storedBalance(TokenA, party(5)), U256(1));
    QCOMPARE(countItems(QStringLiteral("status = 'pending'")), 3);
    QueueRunStats stats = drain();
    QCOMPARE(stats.completed, 3);
    QCOMPARE(stats.failed, 0);
    QCOMPARE(storedBalance(TokenB, party(3)), U256(550));
    QCOMPARE(storedBalance(TokenB, party(3), true), U256(550));
    for (const auto &[key, value] : expectedBalances(moves)) {
        QCOMPARE(u256::toDecimal(storedBalance(key.first, key.second)), u256::toDecimal(value));
        QCOMPARE(u256::toDecimal(storedBalance(key.first, key.second, true)), u256::toDecimal(value));
    }

    // Holder 9 sends B it never received in the indexed history, as when the token's earlier
    // transfers were never promoted: no sum is written for it; the queue says why.
    QVERIFY(IndexStore(*m_store).promote(batchOf(9, 9, parentOf(9), {{9, {{TokenB, 9, 6, 40}}}}), evmEntities()));
    QCOMPARE(countItems(QStringLiteral("holder = ? AND status = 'pending' AND update_type = 'transfer'"), {party(9).toBytes()}), 1);
    QCOMPARE(countItems(QStringLiteral("holder = ?"), {party(6).toBytes()}), 0);
    QCOMPARE(storedBalance(TokenB, party(6)), U256(40));
    QueueConfig config;
    config.maxRetries = 0;
    stats = drain(config);
    QCOMPARE(stats.completed, 0);
    QCOMPARE(stats.failed, 1);
    auto failed = m_store->query(QLatin1String("SELECT status, error FROM ")
                                     + ddl::adminTable(m_store->backend(), QStringLiteral("balance_update_queue"))
                                     + QLatin1String(" WHERE holder = ?"),
                                 {party(9).toBytes()});
    QVERIFY(failed);
    QCOMPARE(failed->size(), 1);
    QCOMPARE(failed->first()[0].toString(), QStringLiteral("failed"));
    QVERIFY2(failed->first()[1].toString().contains(QStringLiteral("history is incomplete")), qPrintable(failed->first()[1].toString()));
    QCOMPARE(storedBalance(TokenB, party(9)), U256(0));
    QCOMPARE(storedBalance(TokenB, party(9), true), U256(0));

    // A balance read from the node at a later block (balance_of, a recount at the head) already
    // holds the next range's transfers: the range leaves it as it is, in both tables, and adds
    // to the other side's.
    for (bool global : {false, true}) {
        const QString table = global ? ddl::entityTable(m_store->backend(), ddl::TableKind::Global, 0, QStringLiteral("token_balances"))
                                     : ddl::entityTable(m_store->backend(), ddl::TableKind::Production, ChainId, QStringLiteral("token_balances"));
        QVERIFY(m_store->exec(QLatin1String("UPDATE ") + table + QLatin1String(" SET balance = ?, last_block = 20 WHERE token = ? AND holder = ?"),
                              {m_store->u256Value(U256(1234)), TokenA.toBytes(), party(5).toBytes()}));
    }
    const U256 before = storedBalance(TokenA, party(1));
    QVERIFY(IndexStore(*m_store).promote(batchOf(10, 10, parentOf(10), {{10, {{TokenA, 5, 1, 1}}}}), evmEntities()));
    for (bool global : {false, true}) {
        QCOMPARE(storedBalance(TokenA, party(5), global), U256(1234));
        QCOMPARE(storedBalance(TokenA, party(1), global), before + 1);
    }
    QCOMPARE(balances().tokenBalance(ChainId, TokenA, party(5))->lastBlock, 20);
}

void TestQueue::headRangeSumsPastUint256Exactly()
{
    // In one range holder 1 receives two amounts just over 2^255, more than 2^256 in all, and
    // passes most of one on: its change fits a balance and is kept exactly. Holder 2 receives
    // three (a spam token's absurd amounts): more than any balance holds, so nothing is written
    // for it and the queue recounts it.
    const U256 big = (U256(1) << 255) + 12345;
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 3, big}, {TokenA, 0, 4, big}};
    moves[1] = {{TokenA, 3, 1, big}, {TokenA, 4, 1, big}, {TokenA, 1, 5, big - 7}};
    moves[2] = {{TokenA, 0, 2, big}, {TokenA, 0, 2, big}, {TokenA, 0, 2, big}};
    auto r = IndexStore(*m_store).promote(batchOf(0, 2, parentOf(0), moves), evmEntities());
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));

    for (bool global : {false, true}) {
        QCOMPARE(u256::toDecimal(storedBalance(TokenA, party(1), global)), u256::toDecimal(big + 7));
        QCOMPARE(u256::toDecimal(storedBalance(TokenA, party(5), global)), u256::toDecimal(big - 7));
        QCOMPARE(storedBalance(TokenA, party(3), global), U256(0));
    }
    const QString table = ddl::entityTable(m_store->backend(), ddl::TableKind::Production, ChainId, QStringLiteral("token_balances"));
    QCOMPARE(*m_store->rowCount(table, QStringLiteral("holder = ?"), {party(2).toBytes()}), 0);
    QCOMPARE(countItems(QStringLiteral("status = 'pending'")), 1);
    QCOMPARE(countItems(QStringLiteral("holder = ? AND status = 'pending' AND update_type = 'transfer'"), {party(2).toBytes()}), 1);
}

void TestQueue::queuingPromotionsQueueBothSidesCoalesced_data()
{
    QTest::addColumn<bool>("balanceOf");
    QTest::newRow("gap fill of transfers-mode tokens") << false;
    QTest::newRow("head range of balance_of tokens") << true;
}

void TestQueue::queuingPromotionsQueueBothSidesCoalesced()
{
    // The promotions whose holders the queue computes: a range that replaces rows, and any
    // range of a token whose balances come from the node.
    QFETCH(bool, balanceOf);
    if (balanceOf) {
        QVERIFY(queue().setBalanceMode(ChainId, TokenA, BalanceMode::BalanceOf));
        QVERIFY(queue().setBalanceMode(ChainId, TokenB, BalanceMode::BalanceOf));
        QCOMPARE(countItems(QString()), 0);                                   // no holders yet
    }
    auto promote = [&](qint64 from, qint64 to, const std::map<qint64, QList<Move>> &moves) {
        return balanceOf ? IndexStore(*m_store).promote(batchOf(from, to, parentOf(from), moves), evmEntities()) : promoteQueued(from, to, moves);
    };
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 1, 1000}, {TokenA, 0, 2, 500}};          // mints: the zero address is not queued
    moves[1] = {{TokenA, 1, 2, 10}, {TokenA, 1, 3, 20}, {TokenB, 0, 1, 7}};
    moves[2] = {{TokenA, 2, 1, 5}};
    auto r = promote(0, 2, moves);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));

    // (A,1) (A,2) (A,3) (B,1): four holders, once each, none for the zero address.
    QCOMPARE(countItems(QStringLiteral("chain_id = ?"), {ChainId}), 4);
    QCOMPARE(countItems(QStringLiteral("holder = ?"), {QByteArray(20, '\0')}), 0);
    auto latest = m_store->query(QLatin1String("SELECT block_number, update_type, status, priority FROM ")
                                     + ddl::adminTable(m_store->backend(), QStringLiteral("balance_update_queue"))
                                     + QLatin1String(" WHERE token = ? AND holder = ?"),
                                 {TokenA.toBytes(), party(1).toBytes()});
    QCOMPARE(latest->size(), 1);
    QCOMPARE(latest->first()[0].toLongLong(), 2);                      // its latest transfer
    QCOMPARE(latest->first()[1].toString(), QStringLiteral("transfer"));
    QCOMPARE(latest->first()[2].toString(), QStringLiteral("pending"));
    QCOMPARE(latest->first()[3].toInt(), 5);
    QCOMPARE(storedBalance(TokenA, party(1)), U256(0));                   // nothing kept: the queue computes it

    // The next range names holder 1 again: still one pending item for it.
    std::map<qint64, QList<Move>> more;
    more[3] = {{TokenA, 2, 1, 1}, {TokenA, 3, 4, 2}};
    QVERIFY(promote(3, 3, more));
    QCOMPARE(countItems(QStringLiteral("chain_id = ? AND status = 'pending'"), {ChainId}), 5);
    QCOMPARE(countItems(QStringLiteral("token = ? AND holder = ?"), {TokenA.toBytes(), party(1).toBytes()}), 1);

    // Once an item is being processed, a new transfer queues the holder anew.
    auto claimed = queue().claimQueueItems(ChainId, 100, workerId(QCoreApplication::applicationPid()), QStringLiteral("c1"));
    QCOMPARE(claimed->size(), 5);
    std::map<qint64, QList<Move>> again;
    again[4] = {{TokenA, 4, 1, 1}};
    QVERIFY(promote(4, 4, again));
    QCOMPARE(countItems(QStringLiteral("token = ? AND holder = ?"), {TokenA.toBytes(), party(1).toBytes()}), 2);
    QCOMPARE(countItems(QStringLiteral("status = 'pending'")), 2);      // holders 1 and 4
}

void TestQueue::computesExactBalancesAndAnswersQueries_data()
{
    QTest::addColumn<bool>("queued");
    QTest::newRow("kept by the head range") << false;
    QTest::newRow("computed by the queue") << true;
}

void TestQueue::computesExactBalancesAndAnswersQueries()
{
    QFETCH(bool, queued);
    // Values near 2^255 catch any rounding through doubles or 64-bit sums.
    const U256 big = (U256(1) << 255) - 12345;
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 1, big}, {TokenB, 0, 2, U256(1500000000000000000ULL)}};
    moves[1] = {{TokenA, 1, 2, big / 3}, {TokenA, 1, 3, 77}};
    moves[2] = {{TokenA, 2, 3, 1}, {TokenB, 2, 1, 250000000000000000ULL}};
    moves[5] = {{TokenA, 3, 0, 50}};                                     // a burn
    QVERIFY(queued ? promoteQueued(0, 5, moves) : IndexStore(*m_store).promote(batchOf(0, 5, Hash(), moves), evmEntities()));

    const QueueRunStats stats = drain();
    QCOMPARE(stats.failed, 0);
    QCOMPARE(stats.completed, queued ? 5 : 0);                            // A:1,2,3 B:1,2
    QCOMPARE(countItems(QStringLiteral("status = 'completed'")), queued ? 5 : 0);

    const auto expected = expectedBalances(moves);
    for (const auto &[key, value] : expected) {
        QCOMPARE(u256::toDecimal(storedBalance(key.first, key.second)), u256::toDecimal(value));
        QCOMPARE(u256::toDecimal(storedBalance(key.first, key.second, true)), u256::toDecimal(value));
        auto b = balances().tokenBalance(ChainId, key.first, key.second);
        QVERIFY2(b, qPrintable(b ? QString() : b.error().toString()));
        QCOMPARE(u256::toDecimal(b->balance), u256::toDecimal(value));
        QCOMPARE(b->lastBlock, 5);                                        // the checkpoint it was computed at
    }

    auto b = balances().tokenBalance(ChainId, TokenB, party(2));
    QCOMPARE(b->symbol, QStringLiteral("BET"));
    QCOMPARE(b->formatted(), QStringLiteral("1.25"));
    auto none = balances().tokenBalance(ChainId, TokenB, party(9));
    QVERIFY(none);
    QCOMPARE(none->balance, U256(0));
    QCOMPARE(none->lastBlock, 0);

    auto top = balances().topHolders(ChainId, TokenA, 10);
    QVERIFY(top);
    QCOMPARE(top->size(), 3);
    QCOMPARE(top->at(0).holder, party(1));                                // big - big/3 - 77
    QCOMPARE(top->at(1).holder, party(2));                                // big/3 - 1
    QCOMPARE(top->at(2).holder, party(3));                                // 77 + 1 - 50
    QCOMPARE(top->at(2).balance, U256(28));
    QCOMPARE(balances().topHolders(ChainId, TokenA, 1)->size(), 1);

    auto portfolio = balances().portfolio(party(1));
    QVERIFY(portfolio);
    QCOMPARE(portfolio->size(), 2);
    QCOMPARE(portfolio->at(0).chainName, QStringLiteral("queue"));
    QSet<QString> symbols{portfolio->at(0).symbol, portfolio->at(1).symbol};
    QCOMPARE(symbols, (QSet<QString>{QStringLiteral("ALP"), QStringLiteral("BET")}));
    QCOMPARE(balances().portfolio(party(1), U256(1) << 254)->size(), 1);    // only the big ALP balance
    QCOMPARE(balances().portfolio(party(9))->size(), 0);
}

void TestQueue::twoConnectionsNeverClaimTheSameItem()
{
    // 600 holders of two tokens: 1200 items.
    std::map<qint64, QList<Move>> moves;
    for (int i = 0; i < 600; ++i)
        moves[i / 50].append({i % 2 ? TokenA : TokenB, 0, i + 1, U256(i + 1)});
    QVERIFY(promoteQueued(0, 11, moves));
    const qint64 total = countItems(QStringLiteral("status = 'pending'"));
    QCOMPARE(total, 600);

    // Two workers, each with its own connection and thread, claim small batches; a barrier
    // makes every round's claims overlap (each holds its claim while the other claims).
    QList<qint64> claimed[2];
    QString errors[2];
    std::latch ready(2);
    std::barrier round(2);
    auto work = [this, &ready, &round](int n, QList<qint64> *ids, QString *error) {
        auto store = m_db->open(false);
        ready.arrive_and_wait();
        for (int i = 0; store && i < 10000; ++i) {
            const QString claim = QStringLiteral("w%1/%2").arg(n).arg(i);
            auto items = QueueStore(*store).claimQueueItems(ChainId, 2, workerId(QCoreApplication::applicationPid()) + QString::number(n), claim);
            if (!items || items->isEmpty()) {
                if (!items)
                    *error = items.error().toString();
                round.arrive_and_drop();
                return;
            }
            for (const QueueItem &item : *items)
                ids->append(item.id);
            round.arrive_and_wait();
            QueueConfig config;
            config.chainId = ChainId;
            auto done = QueueStore(*store).completeTransferItems(ChainId, claim, config);
            if (!done) {
                *error = done.error().toString();
                round.arrive_and_drop();
                return;
            }
        }
        if (!store)
            *error = QStringLiteral("open failed");
        round.arrive_and_drop();
    };
    std::thread one(work, 0, &claimed[0], &errors[0]);
    std::thread two(work, 1, &claimed[1], &errors[1]);
    one.join();
    two.join();
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
    QVERIFY(!claimed[0].isEmpty());
    QVERIFY(!claimed[1].isEmpty());
    const QSet<qint64> a(claimed[0].begin(), claimed[0].end());
    const QSet<qint64> b(claimed[1].begin(), claimed[1].end());
    QCOMPARE(qint64(a.size()), qint64(claimed[0].size()));               // no item twice to one worker
    QCOMPARE(qint64(b.size()), qint64(claimed[1].size()));
    QVERIFY(!a.intersects(b));                                           // nor to both
    QCOMPARE(qint64(a.size() + b.size()), total);
    QCOMPARE(countItems(QStringLiteral("status = 'completed'")), total);
    const auto expected = expectedBalances(moves);
    for (const auto &[key, value] : expected)
        QCOMPARE(storedBalance(key.first, key.second), value);
}

void TestQueue::processorWorkersDrainTheQueueOnce()
{
    std::map<qint64, QList<Move>> moves;
    for (int i = 0; i < 400; ++i)
        moves[i / 40].append({TokenA, (i * 7) % 50, (i * 13) % 50 + 1, U256(10)});
    // Everyone starts with plenty, so no balance goes negative.
    for (int h = 1; h <= 50; ++h)
        moves[0].prepend({TokenA, 0, h, U256(1000000)});
    QVERIFY(promoteQueued(0, 9, moves));
    const qint64 total = countItems(QStringLiteral("status = 'pending'"));
    QCOMPARE(total, 50);
    QueueConfig small;
    small.chainId = ChainId;
    small.batchSize = 3;
    QVERIFY(queue().setQueueConfig(small));

    QueueOptions options;
    options.workers = 2;
    options.untilEmpty = true;
    options.recordCompletedIds = true;
    QueueProcessor processor(m_db->url(), QString(), options);
    QSignalSpy finished(&processor, &QueueProcessor::finished);
    processor.start();
    QVERIFY(finished.wait(60000));
    const QueueRunStats totals = processor.totals();
    QCOMPARE(totals.completed, total);
    QCOMPARE(totals.failed, 0);
    const QSet<qint64> ids(totals.completedIds.begin(), totals.completedIds.end());
    QCOMPARE(qint64(ids.size()), total);                                   // each completed exactly once
    QCOMPARE(countItems(QStringLiteral("status = 'completed'")), total);
    for (const auto &[key, value] : expectedBalances(moves))
        QCOMPARE(storedBalance(key.first, key.second), value);
}

void TestQueue::incompleteHistoryRetriesThenFailsWithoutStallingOthers()
{
    // Holder 5 sends tokens it never received in the indexed history.
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 1, 100}, {TokenA, 5, 2, 40}};
    QVERIFY(promoteQueued(0, 0, moves));
    QueueConfig config;
    config.maxRetries = 1;
    config.retryBackoffMs = 60000;

    QueueRunStats first = drain(config);
    QCOMPARE(first.completed, 2);                                         // holders 1 and 2 are not held up
    QCOMPARE(first.retried, 1);
    QCOMPARE(first.failed, 0);
    QCOMPARE(storedBalance(TokenA, party(2)), U256(40));
    auto failedItem = [&] {
        return m_store->query(QLatin1String("SELECT status, retry_count, error FROM ")
                                  + ddl::adminTable(m_store->backend(), QStringLiteral("balance_update_queue")) + QLatin1String(" WHERE holder = ?"),
                              {party(5).toBytes()});
    };
    QCOMPARE(failedItem()->first()[0].toString(), QStringLiteral("pending"));
    QCOMPARE(failedItem()->first()[1].toInt(), 1);
    QVERIFY(failedItem()->first()[2].toString().contains(QStringLiteral("balance_of")));

    QCOMPARE(drain(config).claimed, 0);                                    // backing off: not due yet
    QVERIFY(m_store->exec(QLatin1String("UPDATE ") + ddl::adminTable(m_store->backend(), QStringLiteral("balance_update_queue"))
                          + QLatin1String(" SET next_attempt_at = 0")));     // the backoff has passed
    QCOMPARE(drain(config).failed, 1);                                     // the retry fails too: given up
    QCOMPARE(failedItem()->first()[0].toString(), QStringLiteral("failed"));
    QCOMPARE(failedItem()->first()[1].toInt(), 2);
    QVERIFY(failedItem()->first()[2].toString().contains(party(5).toChecksumHex()));
    QCOMPARE(storedBalance(TokenA, party(5)), U256(0));                    // nothing written for it
    auto health = queue().sampleQueueHealth(false);
    QCOMPARE(health->first().failed, 1);
    QCOMPARE(health->first().errorsLastHour, 1);
}

void TestQueue::retryFailedQueuesAgain()
{
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 5, 2, 40}};                                     // holder 5 never received any: left to the queue
    QVERIFY(IndexStore(*m_store).promote(batchOf(0, 0, Hash(), moves), evmEntities()));
    QueueConfig config;
    config.maxRetries = 0;
    drain(config);
    QCOMPARE(countItems(QStringLiteral("status = 'failed'")), 1);

    auto retried = queue().retryFailedQueueItems(ChainId);
    QVERIFY(retried);
    QCOMPARE(*retried, 1);
    QCOMPARE(countItems(QStringLiteral("status = 'pending' AND retry_count = 0")), 1);
    QVERIFY(!queue().retryFailedQueueItems(999));                           // unknown chain
}

void TestQueue::reclaimsItemsOfAStoppedWorker()
{
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 1, 100}, {TokenA, 0, 2, 100}, {TokenA, 0, 3, 100}};
    QVERIFY(promoteQueued(0, 0, moves));

    // A pid that does not run: what a worker killed mid-batch leaves behind.
    qint64 deadPid = 4000000;
    while (processAlive(deadPid))
        ++deadPid;
    QCOMPARE(queue().claimQueueItems(ChainId, 2, workerId(deadPid), QStringLiteral("dead/1"))->size(), 2);
    QCOMPARE(queue().claimQueueItems(ChainId, 1, workerId(QCoreApplication::applicationPid()), QStringLiteral("live/1"))->size(), 1);

    auto reclaimed = queue().reclaimQueueItems(nowMs() - 600000);
    QVERIFY(reclaimed);
    QCOMPARE(*reclaimed, 2);                                               // the live worker keeps its item
    QCOMPARE(countItems(QStringLiteral("status = 'pending'")), 2);
    QCOMPARE(countItems(QStringLiteral("status = 'processing'")), 1);
    // A claim silent for longer than the stale limit is taken back even from a live pid.
    QCOMPARE(*queue().reclaimQueueItems(nowMs() + 1), 1);
    QCOMPARE(drain().completed, 3);
    QCOMPARE(storedBalance(TokenA, party(3)), U256(100));
}

void TestQueue::reorgRequeuesHoldersAndBalancesFollowTheSurvivingChain()
{
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 1, 1000}};
    moves[3] = {{TokenA, 1, 2, 100}};
    moves[6] = {{TokenA, 1, 3, 300}, {TokenA, 2, 4, 50}};               // orphaned below
    QVERIFY(IndexStore(*m_store).promote(batchOf(0, 7, Hash(), moves), evmEntities()));
    drain();
    QCOMPARE(storedBalance(TokenA, party(3)), U256(300));

    ReorgRecord reorg{ChainId, QDateTime::currentDateTimeUtc(), 4, 3, 7, hashOf(5), hashOf(5, 1)};
    QVERIFY(IndexStore(*m_store).rollBackTo(reorg, evmEntities()));
    // The holders the orphaned transfers touched are queued, ahead of ordinary updates.
    QCOMPARE(countItems(QStringLiteral("status = 'pending' AND update_type = 'reorg' AND priority = 8")), 4);

    // The surviving chain: block 6 now moves 10 from 1 to 5.
    std::map<qint64, QList<Move>> fork;
    fork[6] = {{TokenA, 1, 5, 10}};
    QVERIFY(IndexStore(*m_store).promote(batchOf(5, 7, hashOf(4), fork, 1), evmEntities()));
    drain();
    std::map<qint64, QList<Move>> surviving{{0, moves[0]}, {3, moves[3]}, {6, fork[6]}};
    for (int holder : {1, 2, 3, 4, 5}) {
        const auto expected = expectedBalances(surviving);
        const auto it = expected.find({TokenA, party(holder)});
        const U256 want = it == expected.end() ? U256(0) : it->second;
        QCOMPARE(storedBalance(TokenA, party(holder)), want);
        QCOMPARE(storedBalance(TokenA, party(holder), true), want);
    }
    QCOMPARE(balances().tokenBalance(ChainId, TokenA, party(3))->lastBlock, 7);
}

void TestQueue::healthFollowsThresholds()
{
    // The store's clock, moved by the test: ages are exact, no sleeping.
    qint64 clockMs = nowMs();
    m_store->setClock([&clockMs] { return clockMs; });
    const auto restoreClock = qScopeGuard([this] { m_store->setClock({}); });
    std::map<qint64, QList<Move>> moves;
    for (int i = 0; i < 30; ++i)
        moves[0].append({TokenA, 0, i + 1, U256(1)});
    QVERIFY(promoteQueued(0, 0, moves));

    auto health = queue().sampleQueueHealth(false);
    QVERIFY(health);
    QCOMPARE(health->size(), 1);
    QCOMPARE(health->first().pending, 30);
    QCOMPARE(health->first().chainName, QStringLiteral("queue"));
    QCOMPARE(health->first().status, QueueStatus::Healthy);

    QueueConfig config;
    config.chainId = ChainId;
    config.highLoadPending = 10;
    QVERIFY(queue().setQueueConfig(config));
    QCOMPARE(queue().sampleQueueHealth(false)->first().status, QueueStatus::HighLoad);

    clockMs += 20;
    config.delayedAfterMs = 1000;
    QVERIFY(queue().setQueueConfig(config));
    QueueHealth old = queue().sampleQueueHealth(false)->first();
    QCOMPARE(old.oldestPendingAgeMs, qint64(20));
    old.oldestPendingAgeMs = 2000;
    QCOMPARE(QueueHealth::classify(old, config), QueueStatus::Delayed);
    old.errorsLastHour = 51;
    QCOMPARE(QueueHealth::classify(old, config), QueueStatus::Errors);

    drain();
    auto recorded = queue().sampleQueueHealth(true);
    QVERIFY(recorded);
    QCOMPARE(recorded->first().pending, 0);
    QCOMPARE(recorded->first().completedLastHour, 30);
    QCOMPARE(recorded->first().completedLastMinute, 30);
    QCOMPARE(recorded->first().status, QueueStatus::Healthy);
    auto history = queue().queueHealthHistory(ChainId, 0);
    QVERIFY(history);
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().completedLastHour, 30);

    config.enabled = false;
    QVERIFY(queue().setQueueConfig(config));
    QCOMPARE(queue().sampleQueueHealth(false)->first().status, QueueStatus::Disabled);
}

void TestQueue::upkeepBoostsCleansAndSnapshots()
{
    qint64 clockMs = nowMs();
    m_store->setClock([&clockMs] { return clockMs; });
    const auto restoreClock = qScopeGuard([this] { m_store->setClock({}); });
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 1, 5}, {TokenA, 0, 2, 6}};
    QVERIFY(promoteQueued(0, 0, moves));
    QueueConfig config;
    config.chainId = ChainId;
    config.boostAfterMs = 0;
    config.boostBy = 3;
    QVERIFY(queue().setQueueConfig(config));
    clockMs += 5;
    QCOMPARE(*queue().boostQueue(), 2);
    QCOMPARE(countItems(QStringLiteral("priority = 8")), 2);
    QCOMPARE(*queue().boostQueue(), 0);                                  // once per item

    drain();
    // Completed items go by the queue_completed retention policy: kept 7 days.
    QVERIFY(RetentionStore(*m_store).apply());
    QCOMPARE(countItems(QString()), 2);                                   // too recent
    clockMs += 7 * RetentionStore::DayMs + 1;
    auto applied = RetentionStore(*m_store).apply();
    QVERIFY(applied);
    QCOMPARE(applied->at(1), (std::pair<QString, qint64>{QStringLiteral("queue_completed"), 2}));
    QCOMPARE(countItems(QString()), 0);

    const qint64 now = nowMs();
    QCOMPARE(*queue().takeBalanceSnapshots(now), 2);
    QCOMPARE(*queue().takeBalanceSnapshots(now + 1), 0);                  // once a day
    QCOMPARE(*queue().takeBalanceSnapshots(now + 86400000), 2);
    auto history = balances().balanceHistory(ChainId, TokenA, party(2));
    QVERIFY(history);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->first().second, U256(6));
    QCOMPARE(history->first().first % 86400000, 0);
}

void TestQueue::rejectsBadConfigAndQueries()
{
    QueueConfig config;
    config.chainId = ChainId;
    config.batchSize = 0;
    Status s = queue().setQueueConfig(config);
    QVERIFY(!s);
    QCOMPARE(s.error().field, QStringLiteral("batch_size"));
    QCOMPARE(queue().queueConfig(ChainId)->batchSize, QueueConfig().batchSize);   // nothing saved
    config.batchSize = 10;
    config.maxRetries = -1;
    QCOMPARE(queue().setQueueConfig(config).error().field, QStringLiteral("max_retries"));
    config.maxRetries = 2;
    config.chainId = 999;
    QCOMPARE(queue().setQueueConfig(config).error().kind, Error::Kind::NotFound);
    config.chainId = ChainId;
    QVERIFY(queue().setQueueConfig(config));
    QCOMPARE(queue().queueConfig(ChainId)->batchSize, 10);
    QCOMPARE(queue().queueConfigs()->size(), 1);

    QCOMPARE(balances().tokenBalance(999, TokenA, party(1)).error().field, QStringLiteral("chain"));
    QCOMPARE(balances().tokenBalance(ChainId, addressOf(77), party(1)).error().field, QStringLiteral("token"));
    QCOMPARE(balances().topHolders(ChainId, TokenA, 0).error().field, QStringLiteral("limit"));
    QCOMPARE(balances().topHolders(ChainId, TokenA, -5).error().field, QStringLiteral("limit"));
    QCOMPARE(balances().topHolders(ChainId, addressOf(77), 5).error().field, QStringLiteral("token"));
    QCOMPARE(queue().setBalanceMode(ChainId, addressOf(77), BalanceMode::BalanceOf).error().field, QStringLiteral("token"));
}

void TestQueue::balanceModeChangeRequeuesEveryHolder()
{
    std::map<qint64, QList<Move>> moves;
    moves[0] = {{TokenA, 0, 1, 5}, {TokenA, 1, 2, 2}, {TokenB, 0, 3, 9}};
    QVERIFY(IndexStore(*m_store).promote(batchOf(0, 0, Hash(), moves), evmEntities()));
    drain();
    QCOMPARE(countItems(QStringLiteral("status = 'pending'")), 0);

    QVERIFY(queue().setBalanceMode(ChainId, TokenA, BalanceMode::BalanceOf));
    QCOMPARE(countItems(QStringLiteral("status = 'pending' AND update_type = 'mode_change'")), 2);
    auto chains = ChainRegistry(*m_store).chains();
    QCOMPARE(chains->first().tokens.first().balanceMode, std::optional<BalanceMode>(BalanceMode::BalanceOf));
    QCOMPARE(chains->first().tokens.last().balanceMode, std::optional<BalanceMode>(BalanceMode::Transfers));
    auto items = queue().claimQueueItems(ChainId, 10, workerId(QCoreApplication::applicationPid()), QStringLiteral("m/1"));
    QCOMPARE(items->size(), 2);
    for (const QueueItem &item : *items)
        QCOMPARE(item.mode, BalanceMode::BalanceOf);
    // Transfers-mode completion leaves balanceOf items to the worker that calls the chain.
    QueueConfig config;
    auto none = queue().completeTransferItems(ChainId, QStringLiteral("m/1"), config);
    QCOMPARE(none->completed, 0);
    auto written = queue().completeQueueItems(ChainId, QStringLiteral("m/1"), {{items->first().id, U256(42), 0}},
                                               {{items->last().id, QStringLiteral("reverted"), QString(), QString()}}, config);
    QVERIFY(written);
    QCOMPARE(written->completed, 1);
    QCOMPARE(written->retried, 1);
    QCOMPARE(storedBalance(TokenA, items->first().holder), U256(42));
}

void TestQueue::engineProcessesTheQueueAndReportsHealth()
{
    std::map<qint64, QList<Move>> moves;
    for (int i = 0; i < 40; ++i)
        moves[i / 10].append({i % 2 ? TokenA : TokenB, 0, i + 1, U256(1000 + i)});
    QVERIFY(promoteQueued(0, 3, moves));
    m_store.reset();

    // What the console and `arborctl serve` run: workers, health on a timer, upkeep.
    EngineOptions options;
    options.database = m_db->url();
    options.snapshotIntervalMs = 0;
    options.processQueue = true;
    options.queueHealthIntervalMs = 100;
    Engine engine(options);
    BalanceService *balanceService = engine.balances();
    QSignalSpy health(balanceService, &BalanceService::queueHealthChanged);
    auto started = engine.start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
    QVERIFY2(started.result(), qPrintable(started.result() ? QString() : started.result().error().toString()));

    // The workers drain the queue, and a later health sample says so.
    QTRY_VERIFY_WITH_TIMEOUT(balanceService->queueTotals().completed == 40, 20000);
    // (A sample's counts are separate reads: one taken while the last batch commits may count
    // it both pending and completed; the next one is whole.)
    auto drained = [&health] {
        if (health.isEmpty())
            return false;
        const QueueHealth h = health.last().first().value<QList<QueueHealth>>().first();
        return h.completedLastHour == 40 && h.pending == 0;
    };
    QTRY_VERIFY_WITH_TIMEOUT(drained(), 20000);
    QCOMPARE(health.last().first().value<QList<QueueHealth>>().first().status, QueueStatus::Healthy);

    auto balance = balanceService->tokenBalance(ChainRef{ChainId, QString()}, TokenB, party(1));
    QTRY_VERIFY_WITH_TIMEOUT(balance.isFinished(), 10000);
    QVERIFY(balance.result());
    QCOMPARE(balance.result()->balance, U256(1000));
    QCOMPARE(balance.result()->formatted(), QStringLiteral("0.000000000000001"));
    auto top = balanceService->topHolders(ChainRef{ChainId, QString()}, TokenA, 3);
    QTRY_VERIFY_WITH_TIMEOUT(top.isFinished(), 10000);
    QCOMPARE(top.result()->size(), 3);
    QCOMPARE(top.result()->first().balance, U256(1039));

    // The lease holder records the samples it takes: the console charts them.
    auto history = balanceService->queueHealthHistory(ChainRef{ChainId, QString()}, 0);
    QTRY_VERIFY_WITH_TIMEOUT(history.isFinished(), 10000);
    QVERIFY(history.result());
    QVERIFY(!history.result()->isEmpty());
    QCOMPARE(history.result()->first().chainName, QStringLiteral("queue"));
}

void TestQueue::drainingWhilePromotingMissesNoTransfer()
{
    // A holder whose item is being computed while a promotion adds a transfer of theirs must be
    // computed again: the promotion may neither coalesce into the item in hand nor add the
    // transfer to a balance the item is about to overwrite. 30 ranges are promoted on one
    // connection while a worker drains on another, then every balance is checked. Every holder
    // starts queued (a mode change), and every other range is a gap fill that queues its
    // holders, so the worker has items in hand throughout; the head ranges between them keep
    // the holders without an unfinished item and queue those with one.
    std::map<qint64, QList<Move>> moves;
    constexpr int Holders = 60;
    constexpr int Ranges = 30;
    constexpr int PerRange = 200;
    for (int h = 1; h <= Holders; ++h)
        moves[0].append({TokenA, 0, h, U256(1000000)});
    quint32 seed = 12345;
    auto next = [&seed] { seed = seed * 1664525u + 1013904223u; return seed >> 8; };
    for (int r = 1; r <= Ranges; ++r) {
        for (int i = 0; i < PerRange; ++i)
            moves[r].append({TokenA, int(next() % Holders) + 1, int(next() % Holders) + 1, U256(next() % 100)});
    }
    QVERIFY(IndexStore(*m_store).promote(batchOf(0, 0, Hash(), {{0, moves[0]}}), evmEntities()));
    QVERIFY(queue().setBalanceMode(ChainId, TokenA, BalanceMode::Transfers));
    QCOMPARE(countItems(QStringLiteral("status = 'pending'")), Holders);

    std::atomic<bool> promoting{true};
    std::atomic<qint64> claimedWhilePromoting{0};
    std::latch started(1);
    QString workerError;
    std::thread worker([&] {
        auto store = m_db->open(false);
        started.count_down();
        QueueConfig config;
        config.chainId = ChainId;
        config.batchSize = 25;
        for (int i = 0; store && (promoting || i < 5); ++i) {
            const bool during = promoting;
            auto done = QueueStore(*store).processTransferItems(ChainId, config, workerId(QCoreApplication::applicationPid()), QStringLiteral("c/%1").arg(i));
            if (!done) {
                workerError = done.error().toString();
                return;
            }
            if (during)
                claimedWhilePromoting += done->claimed;
            if (done->claimed == 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        if (!store)
            workerError = QStringLiteral("open failed");
    });
    started.wait();
    for (int r = 1; r <= Ranges; ++r) {
        const std::map<qint64, QList<Move>> range{{r, moves[r]}};
        auto promoted = r % 2 ? IndexStore(*m_store).promote(batchOf(r, r, hashOf(r - 1), range), evmEntities()) : promoteQueued(r, r, range);
        QVERIFY2(promoted, qPrintable(promoted ? QString() : promoted.error().toString()));
        std::this_thread::sleep_for(std::chrono::milliseconds(1));     // SQLite's single writer: let the worker in
    }
    promoting = false;
    worker.join();
    QVERIFY2(workerError.isEmpty(), qPrintable(workerError));
    QVERIFY(claimedWhilePromoting > 0);
    drain();
    QCOMPARE(countItems(QStringLiteral("status IN ('pending', 'processing', 'failed')")), 0);
    int wrong = 0;
    for (const auto &[key, value] : expectedBalances(moves)) {
        if (storedBalance(key.first, key.second) != value || storedBalance(key.first, key.second, true) != value)
            ++wrong;
    }
    QCOMPARE(wrong, 0);
}

} // namespace tst_queue

ARBOR_GUILESS_TEST_MAIN(queue, tst_queue::TestQueue)
#include "tst_queue.moc"

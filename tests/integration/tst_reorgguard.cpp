// ReorgGuard on both backends: a chain's stored blocks 0–29 (through promotion, on a writer
// StoreThread) against a FakeNode serving the same chain or another fork of it. The common
// ancestor search (within the window, never below the start block), what is rolled back and
// recorded, reorgs deeper than the window left to the operator, a node or store that fails,
// stale searches dropped, and the tip check.

#include "testdatabase.h"
#include "testresults.h"
#include "testvalues.h"

#include "engine/rangefetcher.h"
#include "engine/reorgguard.h"
#include "engine/storethread.h"
#include "fakenode.h"
#include "model/entitydef.h"
#include "rpc/endpointpool.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/indexstore.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTest>

#include <climits>
#include <memory>
#include <optional>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_reorgguard {

namespace {

constexpr qint64 ChainId = 5;
constexpr qint64 NoFork = LLONG_MAX;

/// Blocks [from, to] of fork 0 as the indexer would promote them; one transfer per block.
IndexBatch headBatch(qint64 from, qint64 to)
{
    IndexBatch batch;
    batch.chainId = ChainId;
    batch.from = from;
    batch.to = to;
    Hash parent = from == 0 ? Hash() : hashOf(from - 1);
    for (qint64 n = from; n <= to; ++n) {
        BlockHeader h{n, hashOf(n), parent, 1700000000 + n * 12, 1, 21000};
        parent = h.hash;
        batch.headers.append(h);
        batch.transfers.append({n, 0, hashOf(n, 7), addressOf(1), addressOf(2), addressOf(3), U256(n)});
    }
    batch.tokens = {addressOf(1)};
    return batch;
}

/**
 * The node's view of the chain: blocks 0…`head`, equal to the stored ones up to `forkAt` and on
 * fork 1 above it (a reorg the node has seen and the store has not).
 */
class FakeChainNode final
{
public:
    FakeChainNode()
    {
        node.head = 40;
        node.answers[u"eth_getBlockByNumber"_s] = [this](const QJsonArray &params) {
            const qint64 n = params.at(0).toString().mid(2).toLongLong(nullptr, 16);
            asked.append(n);
            if (n > node.head)
                return FakeNode::Answer(QJsonValue(QJsonValue::Null));
            return FakeNode::Answer(QJsonValue(block(n)));
        };
    }

    Hash hashAt(qint64 n) const { return hashOf(n, n > forkAt ? 1 : 0); }

    FakeNode node;
    qint64 forkAt = NoFork;
    QList<qint64> asked;

private:
    QJsonObject block(qint64 n) const
    {
        const QString parent = n == 0 ? Hash().toHex() : hashAt(n - 1).toHex();
        return {{u"number"_s, quantity(n)}, {u"hash"_s, hashAt(n).toHex()}, {u"parentHash"_s, parent},
                {u"timestamp"_s, quantity(1700000000 + n * 12)}, {u"gasUsed"_s, quantity(21000)}, {u"transactions"_s, QJsonArray()}};
    }
};

/// What a search handed to its callback.
struct Found
{
    std::optional<ReorgOutcome> outcome;
    int calls = 0;
};

} // namespace

} // namespace tst_reorgguard
Q_DECLARE_METATYPE(arbor::ReorgOutcome::Kind)
namespace tst_reorgguard {

class TestReorgGuard final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void findsTheCommonAncestor_data();
    void findsTheCommonAncestor();
    void leavesReorgsDeeperThanTheWindowToTheOperator_data();
    void leavesReorgsDeeperThanTheWindowToTheOperator();
    void forkBelowTheStartBlockReplacesEverything();
    void nodeThatCannotBeAsked();
    void storeThatCannotBeRead();
    void failedRollbackChangesNothing();
    void onlyTheLatestSearchReports();
    void checksTheTip_data();
    void checksTheTip();

private:
    /// Registers the chain (indexed from `startBlock`), promotes [startBlock, 29] and opens the writer.
    void setUpChain(qint64 startBlock);
    std::unique_ptr<ReorgGuard> guard(int window, const QUrl &url = {});
    std::shared_ptr<Found> search(ReorgGuard &guard, qint64 atBlock, qint64 checkpoint, qint64 startBlock);
    bool wait(const std::shared_ptr<Found> &found);
    QList<std::pair<qint64, Hash>> storedBlocks();
    qint64 storedTransfers();
    QList<ReorgRecord> recordedReorgs();

    QNetworkAccessManager m_network;
    QObject m_context;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FakeChainNode> m_chain;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<RangeFetcher> m_fetcher;
    std::unique_ptr<EndpointPool> m_pool;   // destroyed before the fetcher it calls back
};

void TestReorgGuard::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void TestReorgGuard::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_chain = std::make_unique<FakeChainNode>();
    QVERIFY(m_chain->node.listen());
}

void TestReorgGuard::cleanup()
{
    m_pool.reset();
    m_fetcher.reset();
    m_writer.reset();
    m_chain.reset();
    m_db.reset();
}

void TestReorgGuard::setUpChain(qint64 startBlock)
{
    {
        auto store = m_db->open();
        QVERIFY(store);
        ChainConfig config = sampleChain(ChainId, u"reorgs"_s);
        config.startBlock = startBlock;
        config.tokens = {addressOf(1)};
        QVERIFY(ChainRegistry(*store).registerChain(config, {}, evmEntities()));
        QVERIFY(store->reconcileEntityTables(evmEntities()));
        auto promoted = IndexStore(*store).promote(headBatch(startBlock, 29), evmEntities());
        QVERIFY2(promoted, qPrintable(promoted ? QString() : promoted.error().toString()));
        QCOMPARE(promoted->checkpoint, std::optional<qint64>(29));
    }
    m_writer = std::make_unique<StoreThread>(u"reorg-test-writer"_s);
    const Status opened = waitFor(m_writer->open(m_db->url(), QString()));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().toString()));
}

std::unique_ptr<ReorgGuard> TestReorgGuard::guard(int window, const QUrl &url)
{
    m_pool.reset();
    m_fetcher = std::make_unique<RangeFetcher>(ChainId, FetchLimits{});
    EndpointRecord endpoint;
    endpoint.id = 1;
    endpoint.url = url.isEmpty() ? m_chain->node.url() : url;
    RpcPolicy policy;
    policy.timeoutMs = 2000;
    policy.backoffBaseMs = 20;
    policy.maxAttempts = 2;
    m_pool = std::make_unique<EndpointPool>(&m_network, QList<EndpointRecord>{endpoint}, policy);
    m_fetcher->setPool(m_pool.get());
    return std::make_unique<ReorgGuard>(ChainId, m_writer.get(), m_fetcher.get(), evmEntities(), window, 0, &m_context);
}

std::shared_ptr<Found> TestReorgGuard::search(ReorgGuard &guard, qint64 atBlock, qint64 checkpoint, qint64 startBlock)
{
    auto found = std::make_shared<Found>();
    guard.rollBackToAncestor(atBlock, checkpoint, startBlock, [found](ReorgOutcome outcome) {
        ++found->calls;
        found->outcome = std::move(outcome);
    });
    return found;
}

bool TestReorgGuard::wait(const std::shared_ptr<Found> &found)
{
    const bool done = QTest::qWaitFor([&] { return found->calls > 0; }, 20000);
    QTest::qWait(50);   // nothing calls back twice
    return done && found->calls == 1;
}

QList<std::pair<qint64, Hash>> TestReorgGuard::storedBlocks()
{
    const auto blocks = waitFor(m_writer->run([](Store &s) { return IndexStore(s).blockHashes(ChainId, -1, 1000); }));
    return blocks.value_or({});
}

qint64 TestReorgGuard::storedTransfers()
{
    const auto n = waitFor(m_writer->run([](Store &s) {
        return s.rowCount(ddl::entityTable(s.backend(), ddl::TableKind::Production, ChainId, u"token_transfers"_s));
    }));
    return n.value_or(-1);
}

QList<ReorgRecord> TestReorgGuard::recordedReorgs()
{
    return waitFor(m_writer->run([](Store &s) { return IndexStore(s).reorgs(ChainId); })).value_or({});
}

#define VERIFY_RESULT(r) QVERIFY2((r).ok(), qPrintable((r).ok() ? QString() : (r).error().toString()))

void TestReorgGuard::findsTheCommonAncestor_data()
{
    QTest::addColumn<qint64>("forkAt");
    QTest::addColumn<int>("window");
    QTest::addColumn<qint64>("atBlock");
    QTest::addColumn<ReorgOutcome::Kind>("kind");
    QTest::addColumn<qint64>("ancestor");
    using K = ReorgOutcome::Kind;
    QTest::newRow("forked above 20") << qint64(20) << 64 << qint64(29) << K::RolledBack << qint64(20);
    QTest::newRow("only the tip replaced") << qint64(28) << 64 << qint64(29) << K::RolledBack << qint64(28);
    QTest::newRow("noticed below the checkpoint") << qint64(20) << 64 << qint64(25) << K::RolledBack << qint64(20);
    QTest::newRow("noticed above the checkpoint") << qint64(20) << 64 << qint64(35) << K::RolledBack << qint64(20);
    QTest::newRow("ancestor at the window's lowest block") << qint64(21) << 9 << qint64(29) << K::RolledBack << qint64(21);
    // The node served another fork for a moment: every stored block is on its chain again.
    QTest::newRow("intact") << NoFork << 64 << qint64(29) << K::Intact << qint64(29);
    QTest::newRow("intact, fork above the checkpoint") << qint64(29) << 64 << qint64(29) << K::Intact << qint64(29);
}

void TestReorgGuard::findsTheCommonAncestor()
{
    QFETCH(qint64, forkAt);
    QFETCH(int, window);
    QFETCH(qint64, atBlock);
    QFETCH(ReorgOutcome::Kind, kind);
    QFETCH(qint64, ancestor);
    setUpChain(0);
    if (QTest::currentTestFailed())
        return;
    m_chain->forkAt = forkAt;
    const auto g = guard(window);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const auto found = search(*g, atBlock, 29, 0);
    QVERIFY(wait(found));
    const ReorgOutcome &o = *found->outcome;
    QCOMPARE(o.kind, kind);
    QCOMPARE(o.reorg.chainId, ChainId);
    QCOMPARE(o.reorg.ancestorBlock, ancestor);
    QCOMPARE(o.reorg.oldHead, qint64(29));
    QCOMPARE(o.reorg.depth, 29 - ancestor);
    // Only the window below the mismatch (and never above the checkpoint) was asked for.
    const qint64 top = std::min<qint64>(atBlock, 29);
    QCOMPARE(m_chain->asked.first(), std::max<qint64>(0, top - window + 1));
    QCOMPARE(m_chain->asked.last(), top);

    const QList<std::pair<qint64, Hash>> stored = storedBlocks();
    if (kind == ReorgOutcome::Kind::Intact) {
        QCOMPARE(stored.size(), 30);
        QCOMPARE(storedTransfers(), qint64(30));
        QVERIFY(recordedReorgs().isEmpty());
        return;
    }
    // Our hash of the first replaced block, and the node's hash of it now.
    QCOMPARE(o.reorg.oldHash, hashOf(ancestor + 1));
    QCOMPARE(o.reorg.newHash, hashOf(ancestor + 1, 1));
    QVERIFY(o.reorg.detectedAt >= before);
    // Everything above the ancestor is gone, everything up to it kept.
    QCOMPARE(qint64(stored.size()), ancestor + 1);
    QCOMPARE(stored.last(), (std::pair<qint64, Hash>(ancestor, hashOf(ancestor))));
    QCOMPARE(storedTransfers(), ancestor + 1);
    const auto ranges = waitFor(m_writer->run([](Store &s) { return IndexStore(s).indexRanges(ChainId); }));
    VERIFY_RESULT(ranges);
    QCOMPARE(*ranges, (QList<IndexRange>{{0, ancestor}}));
    // Recorded as the console's reorg history shows it.
    const QList<ReorgRecord> recorded = recordedReorgs();
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded[0].ancestorBlock, ancestor);
    QCOMPARE(recorded[0].depth, 29 - ancestor);
    QCOMPARE(recorded[0].oldHead, qint64(29));
    QCOMPARE(recorded[0].oldHash, o.reorg.oldHash);
    QCOMPARE(recorded[0].newHash, o.reorg.newHash);
}

void TestReorgGuard::leavesReorgsDeeperThanTheWindowToTheOperator_data()
{
    QTest::addColumn<qint64>("forkAt");
    QTest::addColumn<int>("window");
    QTest::addColumn<qint64>("atBlock");
    QTest::addColumn<qint64>("lowest");     // the lowest block searched
    QTest::newRow("fork at 10, window 8") << qint64(10) << 8 << qint64(29) << qint64(22);
    QTest::newRow("one block too deep") << qint64(20) << 9 << qint64(29) << qint64(21);
    QTest::newRow("noticed lower down") << qint64(10) << 8 << qint64(25) << qint64(18);
}

void TestReorgGuard::leavesReorgsDeeperThanTheWindowToTheOperator()
{
    QFETCH(qint64, forkAt);
    QFETCH(int, window);
    QFETCH(qint64, atBlock);
    QFETCH(qint64, lowest);
    setUpChain(0);
    if (QTest::currentTestFailed())
        return;
    m_chain->forkAt = forkAt;
    const auto g = guard(window);
    const auto found = search(*g, atBlock, 29, 0);
    QVERIFY(wait(found));
    const ReorgOutcome &o = *found->outcome;
    QCOMPARE(o.kind, ReorgOutcome::Kind::TooDeep);
    QCOMPARE(o.error.kind, Error::Kind::Conflict);
    QCOMPARE(o.error.field, u"reorg"_s);
    QCOMPARE(o.error.message, u"Chain 5 reorganised deeper than %1 blocks (no common ancestor since block %2). "
                              "Reindex the chain from an earlier block, or delete and re-add it."_s.arg(window).arg(lowest));
    // The same as a code and its numbers, which a stall alert's reader words in its own language.
    QCOMPARE(o.error.code, u"reorg_too_deep"_s);
    QCOMPARE(o.error.codeArgs, (QStringList{QString::number(window), QString::number(lowest)}));
    // Not guessed at: nothing rolled back, nothing recorded.
    QCOMPARE(storedBlocks().size(), 30);
    QCOMPARE(storedTransfers(), qint64(30));
    QVERIFY(recordedReorgs().isEmpty());
}

void TestReorgGuard::forkBelowTheStartBlockReplacesEverything()
{
    // Indexed from block 10; the node's chain differs from block 10 on (it forked below it).
    setUpChain(10);
    if (QTest::currentTestFailed())
        return;
    m_chain->forkAt = 5;
    const auto g = guard(64);
    const auto found = search(*g, 29, 29, 10);
    QVERIFY(wait(found));
    const ReorgOutcome &o = *found->outcome;
    QCOMPARE(o.kind, ReorgOutcome::Kind::RolledBack);
    QCOMPARE(o.reorg.ancestorBlock, qint64(9));
    QCOMPARE(o.reorg.depth, qint64(20));
    QCOMPARE(o.reorg.oldHash, hashOf(10));
    QCOMPARE(o.reorg.newHash, hashOf(10, 1));
    QCOMPARE(m_chain->asked.first(), qint64(10));      // never below the start block
    QVERIFY(storedBlocks().isEmpty());
    QCOMPARE(storedTransfers(), qint64(0));
    QCOMPARE(recordedReorgs().size(), 1);
    // No checkpoint is left: indexing starts over at the start block.
    const auto plan = waitFor(m_writer->run([](Store &s) { return IndexStore(s).indexPlan(ChainId); }));
    VERIFY_RESULT(plan);
    QCOMPARE(plan->checkpoint, std::optional<qint64>());
    QVERIFY(plan->ranges.isEmpty());
}

void TestReorgGuard::nodeThatCannotBeAsked()
{
    setUpChain(0);
    if (QTest::currentTestFailed())
        return;
    const QUrl down = closedPort();
    const auto g = guard(64, down);
    const auto found = search(*g, 29, 29, 0);
    QVERIFY(wait(found));
    const ReorgOutcome &o = *found->outcome;
    QCOMPARE(o.kind, ReorgOutcome::Kind::NodeFailed);
    QCOMPARE(o.error.kind, Error::Kind::Unavailable);
    QVERIFY2(o.error.message.contains(down.toString()), qPrintable(o.error.toString()));
    QCOMPARE(storedBlocks().size(), 30);
    QVERIFY(recordedReorgs().isEmpty());

    // A node behind the stored chain cannot show the ancestor either: try again later.
    m_chain->forkAt = 20;
    m_chain->node.head = 25;
    const auto behind = guard(64);
    const auto later = search(*behind, 29, 29, 0);
    QVERIFY(wait(later));
    QCOMPARE(later->outcome->kind, ReorgOutcome::Kind::NodeFailed);
    QVERIFY2(later->outcome->error.message.contains(u"does not serve block"_s), qPrintable(later->outcome->error.toString()));
    QCOMPARE(storedBlocks().size(), 30);
}

void TestReorgGuard::storeThatCannotBeRead()
{
    // A writer whose database is not open: the stored hashes cannot be read.
    m_writer = std::make_unique<StoreThread>(u"reorg-test-closed"_s);
    const auto g = guard(64);
    const auto found = search(*g, 29, 29, 0);
    QVERIFY(wait(found));
    QCOMPARE(found->outcome->kind, ReorgOutcome::Kind::StoreFailed);
    QCOMPARE(found->outcome->error.kind, Error::Kind::Unavailable);
    QCOMPARE(found->outcome->error.field, u"database"_s);
    QVERIFY(m_chain->asked.isEmpty());      // the node is not asked before the store answered
}

void TestReorgGuard::failedRollbackChangesNothing()
{
    setUpChain(0);
    if (QTest::currentTestFailed())
        return;
    // A table the rollback must clear has gone: the rollback fails half way, in its transaction.
    const Status dropped = waitFor(m_writer->run([](Store &s) {
        return s.exec(u"DROP TABLE "_s + ddl::entityTable(s.backend(), ddl::TableKind::Production, ChainId, u"agent_events"_s));
    }));
    VERIFY_RESULT(dropped);
    m_chain->forkAt = 20;
    const auto g = guard(64);
    const auto found = search(*g, 29, 29, 0);
    QVERIFY(wait(found));
    const ReorgOutcome &o = *found->outcome;
    QCOMPARE(o.kind, ReorgOutcome::Kind::StoreFailed);
    QVERIFY(!o.error.message.isEmpty());
    QCOMPARE(o.reorg.ancestorBlock, qint64(20));      // what it tried to do
    QCOMPARE(storedBlocks().size(), 30);
    QCOMPARE(storedTransfers(), qint64(30));
    QVERIFY(recordedReorgs().isEmpty());
}

void TestReorgGuard::onlyTheLatestSearchReports()
{
    setUpChain(0);
    if (QTest::currentTestFailed())
        return;
    m_chain->forkAt = 20;
    const auto g = guard(64);
    const auto first = search(*g, 29, 29, 0);
    const auto second = search(*g, 29, 29, 0);
    QVERIFY(wait(second));
    QTest::qWait(200);
    QCOMPARE(first->calls, 0);
    QCOMPARE(second->outcome->kind, ReorgOutcome::Kind::RolledBack);
    QCOMPARE(recordedReorgs().size(), 1);       // rolled back once
    QCOMPARE(storedBlocks().size(), 21);
}

void TestReorgGuard::checksTheTip_data()
{
    QTest::addColumn<qint64>("forkAt");
    QTest::addColumn<qint64>("at");
    QTest::addColumn<bool>("reachable");
    QTest::addColumn<bool>("intact");
    QTest::newRow("same block") << NoFork << qint64(29) << true << true;
    QTest::newRow("the block changed") << qint64(28) << qint64(29) << true << false;
    QTest::newRow("changed above it only") << qint64(29) << qint64(29) << true << true;
    QTest::newRow("node down") << NoFork << qint64(29) << false << false;
}

void TestReorgGuard::checksTheTip()
{
    QFETCH(qint64, forkAt);
    QFETCH(qint64, at);
    QFETCH(bool, reachable);
    QFETCH(bool, intact);
    m_chain->forkAt = forkAt;
    m_writer = std::make_unique<StoreThread>(u"reorg-test-unused"_s);   // the tip check reads no store
    const QUrl down = closedPort();
    const auto g = guard(64, reachable ? QUrl() : down);
    std::optional<Result<bool>> result;
    g->checkTip(at, hashOf(at), [&result](Result<bool> r) { result.emplace(std::move(r)); });
    QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, 20000));
    if (!reachable) {
        QVERIFY(!*result);
        QCOMPARE(result->error().kind, Error::Kind::Unavailable);
        QVERIFY2(result->error().message.contains(down.toString()), qPrintable(result->error().toString()));
        return;
    }
    VERIFY_RESULT(*result);
    QCOMPARE(**result, intact);
    QCOMPARE(m_chain->asked, QList<qint64>{at});
}

} // namespace tst_reorgguard

ARBOR_GUILESS_TEST_MAIN(reorgguard, tst_reorgguard::TestReorgGuard)
#include "tst_reorgguard.moc"

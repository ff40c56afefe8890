// Promotion, rollback and resync at the Store level, on both backends: what a range does to the
// production, derived and global tables, and what is refused without writing anything.

#include "testdatabase.h"
#include "testvalues.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "testmain.h"

#include <QTest>

using namespace arbor;
using namespace arbor::test;

namespace tst_promotion {

namespace {

constexpr qint64 ChainId = 5;

/// Blocks [from, to] on `fork`, building on `parent`; one transfer per block, one day per 10 blocks.
IndexBatch headBatch(qint64 from, qint64 to, Hash parent, int fork = 0)
{
    IndexBatch batch;
    batch.chainId = ChainId;
    batch.from = from;
    batch.to = to;
    for (qint64 n = from; n <= to; ++n) {
        BlockHeader h{n, hashOf(n, fork), parent, n / 10 * 86400 + n, 1, 21000};
        parent = h.hash;
        batch.headers.append(h);
        batch.transfers.append({n, 0, hashOf(n, fork + 7), addressOf(1), addressOf(2), addressOf(3 + fork), U256(n)});
    }
    batch.tokens = {addressOf(1)};
    return batch;
}

AgentEvent registered(qint64 block, int agent, const QString &uri)
{
    AgentEvent e;
    e.blockNumber = block;
    e.logIndex = 1;
    e.txHash = hashOf(block, 9);
    e.registry = addressOf(50);
    e.kind = RegistryKind::Identity;
    e.event = QStringLiteral("Registered");
    e.agentId = U256(agent);
    e.actor = addressOf(60 + agent);
    e.uri = uri;
    return e;
}

} // namespace

class TestPromotion : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); m_db.reset(); }
    void promotesRangesAndAdvancesTheCheckpoint();
    void refusesARangeThatDoesNotFollowTheCheckpoint();
    void refusesAForkAndWritesNothing();
    void refusesARangeFetchedWithoutAToken();
    void refusesRowsForAPausedChain();
    void rollsBackToTheCommonAncestor();
    void resyncRebuildsGlobalRows();
    void reindexReplacesTheRange();
    void findsGaps();

private:
    qint64 count(const QString &entity, bool global = false);
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
};

void TestPromotion::init()
{
    ARBOR_REQUIRE_BACKEND();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_store = m_db->open();
    QVERIFY(m_store);
    ChainConfig config = sampleChain(ChainId, QStringLiteral("promo"));
    config.startBlock = 0;
    config.tokens = {addressOf(1)};
    QVERIFY(ChainRegistry(*m_store).registerChain(config, {}, evmEntities()));
    QVERIFY(m_store->reconcileEntityTables(evmEntities()));
}

qint64 TestPromotion::count(const QString &entity, bool global)
{
    if (global)
        return *m_store->rowCount(ddl::entityTable(m_store->backend(), ddl::TableKind::Global, 0, entity), QStringLiteral("chain_id = ?"), {ChainId});
    return *m_store->rowCount(ddl::entityTable(m_store->backend(), ddl::TableKind::Production, ChainId, entity));
}

void TestPromotion::promotesRangesAndAdvancesTheCheckpoint()
{
    IndexBatch first = headBatch(0, 9, Hash());
    first.agentEvents.append(registered(3, 1, QStringLiteral("ipfs://one")));
    auto r = IndexStore(*m_store).promote(first, evmEntities());
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->checkpoint, std::optional<qint64>(9));
    auto second = IndexStore(*m_store).promote(headBatch(10, 24, hashOf(9)), evmEntities());
    QVERIFY2(second, qPrintable(second ? QString() : second.error().message));

    QCOMPARE(count(QStringLiteral("blocks")), 25);
    QCOMPARE(count(QStringLiteral("token_transfers")), 25);
    QCOMPARE(count(QStringLiteral("agent_events")), 1);
    QCOMPARE(count(QStringLiteral("block_summaries")), 3);          // days 0, 1, 2
    QCOMPARE(count(QStringLiteral("block_summaries"), true), 3);
    QCOMPARE(count(QStringLiteral("agent_identities"), true), 1);
    auto summary = m_store->query(QLatin1String("SELECT block_count, transfer_count FROM ")
                                      + ddl::entityTable(m_store->backend(), ddl::TableKind::Global, 0, QStringLiteral("block_summaries"))
                                      + QLatin1String(" WHERE chain_id = ? AND day = 1"),
                                  {ChainId});
    QCOMPARE(summary->first()[0].toLongLong(), 10);
    QCOMPARE(summary->first()[1].toLongLong(), 10);
    QCOMPARE(*IndexStore(*m_store).indexRanges(ChainId), (QList<IndexRange>{{0, 24}}));   // merged
    // The checkpoint block's time, as a console that does not index the chain reads it for the lag.
    QCOMPARE(*IndexStore(*m_store).blockTime(ChainId, 24), std::optional<qint64>(2 * 86400 + 24));
    QCOMPARE(*IndexStore(*m_store).blockTime(ChainId, 99), std::optional<qint64>());
}

void TestPromotion::refusesARangeThatDoesNotFollowTheCheckpoint()
{
    QVERIFY(IndexStore(*m_store).promote(headBatch(0, 9, Hash()), evmEntities()));
    auto skipped = IndexStore(*m_store).promote(headBatch(12, 15, hashOf(11)), evmEntities());
    QVERIFY(!skipped);
    QCOMPARE(skipped.error().field, QStringLiteral("checkpoint"));
    QCOMPARE(count(QStringLiteral("blocks")), 10);
}

void TestPromotion::refusesAForkAndWritesNothing()
{
    QVERIFY(IndexStore(*m_store).promote(headBatch(0, 9, Hash()), evmEntities()));
    auto fork = IndexStore(*m_store).promote(headBatch(10, 14, hashOf(9, 1), 1), evmEntities());
    QVERIFY(!fork);
    QCOMPARE(fork.error().field, QStringLiteral("parent_hash"));
    QCOMPARE(count(QStringLiteral("blocks")), 10);
    QCOMPARE(count(QStringLiteral("token_transfers")), 10);
    QCOMPARE(*IndexStore(*m_store).indexRanges(ChainId), (QList<IndexRange>{{0, 9}}));
}

void TestPromotion::refusesARangeFetchedWithoutAToken()
{
    IndexBatch stale = headBatch(0, 9, Hash());
    stale.tokens.clear();   // fetched before the chain's token was known
    auto r = IndexStore(*m_store).promote(stale, evmEntities());
    QVERIFY(!r);
    QCOMPARE(r.error().field, QStringLiteral("tokens"));
    QCOMPARE(count(QStringLiteral("blocks")), 0);
}

void TestPromotion::refusesRowsForAPausedChain()
{
    QVERIFY(ChainRegistry(*m_store).setChainState(ChainId, ChainState::Paused));
    auto r = IndexStore(*m_store).promote(headBatch(0, 9, Hash()), evmEntities());
    QVERIFY(!r);
    QCOMPARE(r.error().field, QStringLiteral("chain"));
    QCOMPARE(count(QStringLiteral("blocks")), 0);
}

void TestPromotion::rollsBackToTheCommonAncestor()
{
    IndexBatch batch = headBatch(0, 29, Hash());
    batch.agentEvents.append(registered(5, 1, QStringLiteral("ipfs://kept")));
    batch.agentEvents.append(registered(25, 2, QStringLiteral("ipfs://orphaned")));
    QVERIFY(IndexStore(*m_store).promote(batch, evmEntities()));
    QCOMPARE(count(QStringLiteral("agent_identities"), true), 2);

    ReorgRecord reorg{ChainId, QDateTime::currentDateTimeUtc(), 17, 12, 29, hashOf(18), hashOf(18, 1)};
    QVERIFY(IndexStore(*m_store).rollBackTo(reorg, evmEntities()));
    QCOMPARE(count(QStringLiteral("blocks")), 18);
    QCOMPARE(count(QStringLiteral("token_transfers")), 18);
    QCOMPARE(count(QStringLiteral("agent_events")), 1);
    QCOMPARE(count(QStringLiteral("agent_identities")), 1);
    QCOMPARE(count(QStringLiteral("agent_identities"), true), 1);
    QCOMPARE(count(QStringLiteral("block_summaries"), true), 2);       // day 2 is gone
    QCOMPARE(*IndexStore(*m_store).indexRanges(ChainId), (QList<IndexRange>{{0, 17}}));
    auto reorgs = IndexStore(*m_store).reorgs(ChainId);
    QCOMPARE(reorgs->size(), 1);
    QCOMPARE(reorgs->first().depth, 12);
    // Work that was planned above the ancestor is not written there.
    IndexBatch stale = headBatch(20, 25, hashOf(19));
    stale.mode = BatchMode::Gap;
    auto refused = IndexStore(*m_store).promote(stale, evmEntities());
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, QStringLiteral("checkpoint"));
    QCOMPARE(count(QStringLiteral("blocks")), 18);

    // The new fork builds on the ancestor and is accepted.
    auto next = IndexStore(*m_store).promote(headBatch(18, 20, hashOf(17), 1), evmEntities());
    QVERIFY2(next, qPrintable(next ? QString() : next.error().message));
    auto summary = m_store->query(QLatin1String("SELECT last_block, block_count FROM ")
                                      + ddl::entityTable(m_store->backend(), ddl::TableKind::Global, 0, QStringLiteral("block_summaries"))
                                      + QLatin1String(" WHERE chain_id = ? AND day = 2"),
                                  {ChainId});
    QCOMPARE(summary->first()[0].toLongLong(), 20);
    QCOMPARE(summary->first()[1].toLongLong(), 1);
}

void TestPromotion::resyncRebuildsGlobalRows()
{
    QVERIFY(IndexStore(*m_store).promote(headBatch(0, 29, Hash()), evmEntities()));
    const QString global = ddl::entityTable(m_store->backend(), ddl::TableKind::Global, 0, QStringLiteral("block_summaries"));
    QVERIFY(m_store->exec(QLatin1String("DELETE FROM ") + global + QLatin1String(" WHERE chain_id = ?"), {ChainId}));
    QCOMPARE(count(QStringLiteral("block_summaries"), true), 0);
    QVERIFY(IndexStore(*m_store).resyncGlobal(ChainId, evmEntities(), QStringLiteral("block_summaries")));
    QCOMPARE(count(QStringLiteral("block_summaries"), true), 3);
    auto wrong = IndexStore(*m_store).resyncGlobal(ChainId, evmEntities(), QStringLiteral("token_transfers"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().field, QStringLiteral("table"));
}

void TestPromotion::reindexReplacesTheRange()
{
    QVERIFY(IndexStore(*m_store).promote(headBatch(0, 29, Hash()), evmEntities()));
    auto request = IndexStore(*m_store).requestReindex(ChainId, 10, 19, QStringLiteral("bad logs"), QStringLiteral("test"));
    QVERIFY2(request, qPrintable(request ? QString() : request.error().message));
    QVERIFY(!IndexStore(*m_store).requestReindex(ChainId, 10, 40, QStringLiteral("beyond"), QStringLiteral("test")));
    QVERIFY(!IndexStore(*m_store).requestReindex(ChainId, 10, 19, QStringLiteral("  "), QStringLiteral("test")));

    IndexBatch replacement = headBatch(10, 19, hashOf(9));
    replacement.mode = BatchMode::Reindex;
    replacement.reindexRequestId = request->id;
    replacement.lastOfRequest = true;
    replacement.transfers.append({15, 3, hashOf(15, 5), addressOf(1), addressOf(2), addressOf(9), U256(1)});
    QVERIFY(IndexStore(*m_store).promote(replacement, evmEntities()));
    QCOMPARE(count(QStringLiteral("blocks")), 30);
    QCOMPARE(count(QStringLiteral("token_transfers")), 31);
    auto requests = IndexStore(*m_store).reindexRequests(ChainId);
    QCOMPARE(requests->first().status, QStringLiteral("done"));
    QCOMPARE(requests->first().reason, QStringLiteral("bad logs"));
    auto transfers = m_store->query(QLatin1String("SELECT transfer_count FROM ")
                                        + ddl::entityTable(m_store->backend(), ddl::TableKind::Global, 0, QStringLiteral("block_summaries"))
                                        + QLatin1String(" WHERE chain_id = ? AND day = 1"),
                                    {ChainId});
    QCOMPARE(transfers->first()[0].toLongLong(), 11);
}

void TestPromotion::findsGaps()
{
    QCOMPARE(findGaps({{0, 9}, {20, 29}}, 0, 35), (QList<IndexRange>{{10, 19}, {30, 35}}));
    QCOMPARE(findGaps({}, 5, 7), (QList<IndexRange>{{5, 7}}));
    QCOMPARE(findGaps({{0, 100}}, 10, 20), QList<IndexRange>{});
    QCOMPARE(findGaps({{3, 4}}, 0, 4), (QList<IndexRange>{{0, 2}}));
}

} // namespace tst_promotion

ARBOR_GUILESS_TEST_MAIN(promotion, tst_promotion::TestPromotion)
#include "tst_promotion.moc"

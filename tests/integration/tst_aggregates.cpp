// The aggregates kept at promotion, on both backends: after head ranges, a reorg, a reindex, a
// gap fill and a backfill, the daily network stats (block_summaries: blocks, transactions,
// transfers, gas, active holders) and the hourly event counts equal a recount made here from
// the raw rows, on the chain's table and on the global one.

#include "testdatabase.h"
#include "testvalues.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "store/triggerstore.h"
#include "testmain.h"

#include <QMap>
#include <QSet>
#include <QTest>

using namespace arbor;
using namespace arbor::test;

namespace {

constexpr qint64 ChainId = 7;

/// Block n's timestamp: about 7 blocks per day, so ranges cross midnight.
qint64 timeOf(qint64 n) { return 1'700'000'000 / 86400 * 86400 + n * 12345; }

/// One block's transfers on `fork`: a mint every fourth block, holders that repeat within and
/// across days.
void addTransfers(IndexBatch &batch, qint64 n, int fork)
{
    int log = 0;
    if (n % 4 == 0)
        batch.transfers.append({n, log++, hashOf(n, fork + 10), addressOf(1), Address(), addressOf(int(n % 6) + 10), U256(1000 + n)});
    batch.transfers.append({n, log++, hashOf(n, fork + 20), addressOf(1), addressOf(int(n % 6) + 10), addressOf(int(n % 5) + 20 + fork), U256(n + 1)});
    if (n % 3 == 0)
        batch.transfers.append({n, log++, hashOf(n, fork + 30), addressOf(1), addressOf(int(n % 5) + 20), addressOf(40 + fork), U256(1)});
}

AgentEvent agentEvent(qint64 block, int agent, const QString &event, int fork)
{
    AgentEvent e;
    e.blockNumber = block;
    e.logIndex = 50;
    e.txHash = hashOf(block, fork + 40);
    e.registry = addressOf(90);
    e.kind = event == u"Registered" ? RegistryKind::Identity : RegistryKind::Reputation;
    e.event = event;
    e.agentId = U256(agent);
    e.actor = addressOf(60 + agent);
    if (e.kind == RegistryKind::Identity)
        e.uri = QStringLiteral("ipfs://agent");
    else
        e.feedbackIndex = block;
    return e;
}

/// Blocks [from, to] on `fork`, building on `parent`.
IndexBatch batchOf(qint64 from, qint64 to, Hash parent, int fork = 0, BatchMode mode = BatchMode::Head)
{
    IndexBatch batch;
    batch.chainId = ChainId;
    batch.from = from;
    batch.to = to;
    batch.mode = mode;
    for (qint64 n = from; n <= to; ++n) {
        BlockHeader h{n, hashOf(n, fork), parent, timeOf(n), n % 3 + 1 + fork, 21000 * (n % 5 + 1)};
        parent = h.hash;
        batch.headers.append(h);
        addTransfers(batch, n, fork);
        if (n % 5 == 2)
            batch.agentEvents.append(agentEvent(n, int(n % 3) + 1, n % 2 ? QStringLiteral("NewFeedback") : QStringLiteral("Registered"), fork));
    }
    batch.tokens = {addressOf(1)};
    batch.registries = QList<Address>{addressOf(90)};
    return batch;
}

/// A day's stats as the test recounts them.
struct Day
{
    qint64 blocks = 0, transactions = 0, transfers = 0, activeHolders = 0, gasUsed = 0;
    friend bool operator==(const Day &, const Day &) = default;
};

QString describe(const QMap<qint64, Day> &days)
{
    QStringList out;
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        out << QStringLiteral("%1: %2 blocks %3 tx %4 transfers %5 holders %6 gas")
                   .arg(it.key()).arg(it->blocks).arg(it->transactions).arg(it->transfers).arg(it->activeHolders).arg(it->gasUsed);
    return out.join(QLatin1String("; "));
}

} // namespace

class TestAggregates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); m_db.reset(); }
    void headRangesAddUpToARecount();
    void aReorgLeavesARecount();
    void aReindexLeavesARecount();
    void aGapFillAndABackfillLeaveARecount();
    void activeHoldersOfAnOlderDatabaseAreCountedOnce();
    void statsAreReadPerChainAndAcrossChains();

private:
    void promote(const IndexBatch &batch);
    void countEvents();
    /// The network stats recounted from the raw blocks and transfers.
    QMap<qint64, Day> recount();
    /// The network stats as promotion kept them (global: the cross-chain table's rows).
    QMap<qint64, Day> kept(bool global);
    /// Event counts per (hour ms, registry kind, event) recounted from the raw events.
    QMap<QString, qint64> recountEvents();
    QMap<QString, qint64> keptEvents();
    void compareAll();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
};

void TestAggregates::init()
{
    ARBOR_REQUIRE_BACKEND();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_store = m_db->open();
    QVERIFY(m_store);
    ChainConfig config = sampleChain(ChainId, QStringLiteral("aggregates"));
    config.startBlock = 0;
    config.tokens = {addressOf(1)};
    config.registries = {{RegistryKind::Identity, addressOf(90)}};
    QVERIFY(ChainRegistry(*m_store).registerChain(config, {}, evmEntities()));
    QVERIFY(m_store->reconcileEntityTables(evmEntities()));
}

void TestAggregates::promote(const IndexBatch &batch)
{
    auto r = IndexStore(*m_store).promote(batch, evmEntities());
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
}

void TestAggregates::countEvents()
{
    // The trigger pass counts events up to the checkpoint, a few at a time.
    for (int i = 0; i < 50; ++i) {
        auto run = TriggerStore(*m_store).evaluate(ChainId, 1'000'000, 5);
        QVERIFY2(run, qPrintable(run ? QString() : run.error().toString()));
        if (run->caughtUp)
            return;
    }
    QFAIL("the event counts did not catch up");
}

QMap<qint64, Day> TestAggregates::recount()
{
    QMap<qint64, Day> days;
    QHash<qint64, qint64> dayOf;
    auto blocks = m_store->query(QLatin1String("SELECT number, timestamp, tx_count, gas_used FROM ") + m_store->chainTable(ChainId, QStringLiteral("blocks")));
    for (const SqlRow &r : *blocks) {
        const qint64 day = r[1].toLongLong() / 86400;
        dayOf.insert(r[0].toLongLong(), day);
        Day &d = days[day];
        ++d.blocks;
        d.transactions += r[2].toLongLong();
        d.gasUsed += r[3].toLongLong();
    }
    QHash<qint64, QSet<QByteArray>> holders;
    auto transfers = m_store->query(QLatin1String("SELECT block_number, from_address, to_address FROM ")
                                    + m_store->chainTable(ChainId, QStringLiteral("token_transfers")));
    const QByteArray zero = Address().toBytes();
    for (const SqlRow &r : *transfers) {
        const qint64 day = dayOf.value(r[0].toLongLong(), -1);
        if (day < 0)
            continue;
        ++days[day].transfers;
        for (int c : {1, 2}) {
            if (r[c].toByteArray() != zero)
                holders[day].insert(r[c].toByteArray());
        }
    }
    for (auto it = days.begin(); it != days.end(); ++it)
        it->activeHolders = holders.value(it.key()).size();
    return days;
}

QMap<qint64, Day> TestAggregates::kept(bool global)
{
    QMap<qint64, Day> days;
    const QString columns = QStringLiteral("SELECT day, block_count, tx_count, transfer_count, active_holders, gas_used FROM ");
    auto rows = global ? m_store->query(columns + m_store->globalTable(QStringLiteral("block_summaries")) + QLatin1String(" WHERE chain_id = ?"), {ChainId})
                       : m_store->query(columns + m_store->chainTable(ChainId, QStringLiteral("block_summaries")));
    for (const SqlRow &r : *rows)
        days.insert(r[0].toLongLong(), {r[1].toLongLong(), r[2].toLongLong(), r[3].toLongLong(), r[4].toLongLong(), r[5].toLongLong()});
    return days;
}

QMap<QString, qint64> TestAggregates::recountEvents()
{
    QMap<QString, qint64> counts;
    auto rows = m_store->query(QLatin1String("SELECT b.timestamp, e.registry_kind, e.event FROM ") + m_store->chainTable(ChainId, QStringLiteral("agent_events"))
                               + QLatin1String(" e JOIN ") + m_store->chainTable(ChainId, QStringLiteral("blocks")) + QLatin1String(" b ON b.number = e.block_number"));
    for (const SqlRow &r : *rows)
        ++counts[QStringLiteral("%1 %2 %3").arg(r[0].toLongLong() / 3600 * 3600000).arg(r[1].toString(), r[2].toString())];
    return counts;
}

QMap<QString, qint64> TestAggregates::keptEvents()
{
    QMap<QString, qint64> counts;
    auto hours = TriggerStore(*m_store).eventCounts(0, ChainId);
    for (const EventCountHour &h : *hours)
        counts.insert(QStringLiteral("%1 %2 %3").arg(h.hour).arg(registryKindName(h.registry), h.eventType), h.count);
    return counts;
}

void TestAggregates::compareAll()
{
    const QMap<qint64, Day> expected = recount();
    QVERIFY(!expected.isEmpty());
    const QMap<qint64, Day> chain = kept(false);
    QVERIFY2(chain == expected, qPrintable(QStringLiteral("kept: %1\nrecount: %2").arg(describe(chain), describe(expected))));
    const QMap<qint64, Day> global = kept(true);
    QVERIFY2(global == expected, qPrintable(QStringLiteral("global: %1\nrecount: %2").arg(describe(global), describe(expected))));
    countEvents();
    const QMap<QString, qint64> events = recountEvents();
    QVERIFY(!events.isEmpty());
    QCOMPARE(keptEvents(), events);
}

void TestAggregates::headRangesAddUpToARecount()
{
    Hash parent;
    for (qint64 from = 0; from < 60; from += 9) {
        const qint64 to = std::min<qint64>(from + 8, 59);
        IndexBatch batch = batchOf(from, to, parent);
        parent = batch.headers.last().hash;
        promote(batch);
    }
    compareAll();
    // Holders repeat across ranges of one day: each is counted once per day.
    const QMap<qint64, Day> days = kept(false);
    qint64 parties = 0;
    for (const Day &d : days)
        parties += d.activeHolders;
    QVERIFY(parties < 2 * 60);
    QCOMPARE(days.size(), int(timeOf(59) / 86400 - timeOf(0) / 86400 + 1));
}

void TestAggregates::aReorgLeavesARecount()
{
    IndexBatch first = batchOf(0, 39, Hash());
    promote(first);
    countEvents();
    // Blocks above 25 are replaced by another fork with other holders and events.
    ReorgRecord reorg{ChainId, QDateTime::currentDateTimeUtc(), 25, 14, 39, hashOf(26), hashOf(26, 1)};
    QVERIFY(IndexStore(*m_store).rollBackTo(reorg, evmEntities()));
    compareAll();
    promote(batchOf(26, 45, hashOf(25), 1));
    compareAll();
    QCOMPARE(kept(false).last().blocks > 0, true);
}

void TestAggregates::aReindexLeavesARecount()
{
    promote(batchOf(0, 49, Hash()));
    countEvents();
    auto request = IndexStore(*m_store).requestReindex(ChainId, 10, 29, QStringLiteral("bad logs"), QStringLiteral("test"));
    QVERIFY(request);
    // The node now returns more transfers (new holders) and other events for those blocks.
    IndexBatch replacement = batchOf(10, 29, hashOf(9), 0, BatchMode::Reindex);
    replacement.reindexRequestId = request->id;
    replacement.lastOfRequest = true;
    for (qint64 n = 10; n <= 29; n += 2)
        replacement.transfers.append({n, 90, hashOf(n, 60), addressOf(1), addressOf(70), addressOf(int(71 + n % 4)), U256(5)});
    replacement.agentEvents.removeIf([](const AgentEvent &e) { return e.blockNumber == 12; });
    replacement.agentEvents.append(agentEvent(20, 9, QStringLiteral("Registered"), 0));
    promote(replacement);
    compareAll();
}

void TestAggregates::aGapFillAndABackfillLeaveARecount()
{
    promote(batchOf(0, 19, Hash()));
    // A second token arrives on the live chain: its history is backfilled range by range.
    TokenInfo token;
    token.address = addressOf(2);
    token.symbol = QStringLiteral("TWO");
    token.decimals = 18;
    auto backfill = IndexStore(*m_store).addToken(ChainId, token, 0);
    QVERIFY2(backfill, qPrintable(backfill ? QString() : backfill.error().toString()));
    IndexBatch range;
    range.chainId = ChainId;
    range.from = 0;
    range.to = 19;
    range.mode = BatchMode::Backfill;
    range.headerScope = HeaderScope::None;   // the chain keeps every header already
    range.contract = addressOf(2);
    range.backfillId = backfill->id;
    range.tokens = {addressOf(1), addressOf(2)};
    for (qint64 n = 0; n <= 19; n += 3)
        range.transfers.append({n, 70, hashOf(n, 80), addressOf(2), addressOf(80), addressOf(int(81 + n % 3)), U256(7)});
    promote(range);
    compareAll();

    // A gap fill replaces what a partial earlier attempt wrote for blocks 5–9.
    IndexBatch gap = batchOf(5, 9, hashOf(4), 0, BatchMode::Gap);
    gap.tokens = {addressOf(1), addressOf(2)};
    gap.transfers.append({7, 95, hashOf(7, 90), addressOf(1), addressOf(85), addressOf(86), U256(3)});
    promote(gap);
    compareAll();
}

void TestAggregates::activeHoldersOfAnOlderDatabaseAreCountedOnce()
{
    promote(batchOf(0, 29, Hash()));
    // A database indexed before active holders were kept: no holder rows, zero counts.
    QVERIFY(m_store->exec(QLatin1String("DELETE FROM ") + m_store->admin("network_day_holders")));
    QVERIFY(m_store->exec(QLatin1String("DELETE FROM ") + m_store->admin("aggregate_state")));
    QVERIFY(m_store->exec(QLatin1String("UPDATE ") + m_store->chainTable(ChainId, QStringLiteral("block_summaries")) + QLatin1String(" SET active_holders = 0")));
    QVERIFY(m_store->exec(QLatin1String("UPDATE ") + m_store->globalTable(QStringLiteral("block_summaries")) + QLatin1String(" SET active_holders = 0")));
    QVERIFY(kept(false) != recount());

    QVERIFY(IndexStore(*m_store).countActiveHoldersOnce(evmEntities()));
    QCOMPARE(*m_store->rowCount(m_store->admin("aggregate_state")), 1);
    promote(batchOf(30, 40, hashOf(29)));
    compareAll();
    // Once: a second start counts nothing again (a row removed by hand stays removed).
    QVERIFY(m_store->exec(QLatin1String("DELETE FROM ") + m_store->admin("network_day_holders") + QLatin1String(" WHERE day = ?"), {timeOf(0) / 86400}));
    QVERIFY(IndexStore(*m_store).countActiveHoldersOnce(evmEntities()));
    QCOMPARE(*m_store->rowCount(m_store->admin("network_day_holders"), QStringLiteral("day = ?"), {timeOf(0) / 86400}), 0);
}

void TestAggregates::statsAreReadPerChainAndAcrossChains()
{
    promote(batchOf(0, 20, Hash()));
    auto days = IndexStore(*m_store).networkStats(ChainId, 0);
    QVERIFY(days);
    const QMap<qint64, Day> expected = recount();
    QCOMPARE(days->size(), expected.size());
    for (const NetworkDay &d : *days) {
        QCOMPARE(d.chainId, ChainId);
        QVERIFY2((Day{d.blocks, d.transactions, d.transfers, d.activeHolders, d.gasUsed}) == expected.value(d.day), qPrintable(QString::number(d.day)));
    }
    auto all = IndexStore(*m_store).networkStats(std::nullopt, expected.lastKey());
    QVERIFY(all);
    QCOMPARE(all->size(), 1);
    QCOMPARE(all->first().day, expected.lastKey());
    auto missing = IndexStore(*m_store).networkStats(99, 0);
    QVERIFY(!missing);
    QCOMPARE(missing.error().field, QStringLiteral("chain"));
}

ARBOR_GUILESS_TEST_MAIN(aggregates, TestAggregates)
#include "tst_aggregates.moc"

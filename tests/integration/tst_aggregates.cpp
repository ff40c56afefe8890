// The aggregates kept at promotion, on both backends: after head ranges, a reorg, a reindex, a
// gap fill and a backfill, the daily network stats (block_summaries: blocks, transactions,
// transfers, gas, active holders), the hourly event counts and the ERC-8004 agent summaries
// (identities; reputation counts, exact sums and averages per tag, latest feedback) equal a
// recount made here from the raw rows, on the chain's table and on the global one.

#include "testdatabase.h"
#include "testvalues.h"

#include "model/entitydef.h"
#include "store/agentreputation.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "store/triggerstore.h"
#include "testmain.h"

#include <QMap>
#include <QSet>
#include <QTest>

#include <boost/multiprecision/cpp_int.hpp>

#include <map>

using namespace arbor;
using namespace arbor::test;

namespace tst_aggregates {

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

const Address IdentityRegistry = addressOf(90);
const Address ReputationRegistry = addressOf(91);

AgentEvent agentEvent(qint64 block, int log, int agent, const QString &event, int fork)
{
    AgentEvent e;
    e.blockNumber = block;
    e.logIndex = log;
    e.txHash = hashOf(block * 100 + log, fork + 40);
    const bool identity = event == u"Registered" || event == u"URIUpdated";
    e.registry = identity ? IdentityRegistry : ReputationRegistry;
    e.kind = identity ? RegistryKind::Identity : RegistryKind::Reputation;
    e.event = event;
    e.agentId = U256(agent);
    return e;
}

/// Block n's NewFeedback on `fork`: agent n % 3 + 1, one of four clients, feedback index n + 1,
/// int128 extremes, zero and ordinary values with 0, 1, 2, 18 or 255 decimals, four tags (one
/// empty, one not ASCII).
AgentEvent feedbackOf(qint64 n, int fork)
{
    static const char *const Values[] = {"170141183460469231731687303715884105727", "-170141183460469231731687303715884105728", "0", "-1",
                                         "425", "9000", "-250", "1234567890123456789"};
    static const int Decimals[] = {0, 2, 18, 255, 2, 0, 1};
    AgentEvent e = agentEvent(n, 50, int(n % 3) + 1, QStringLiteral("NewFeedback"), fork);
    e.actor = addressOf(60 + quint32(n % 4));
    e.feedbackIndex = n + 1;
    e.value = QString::fromLatin1(Values[(n + fork) % 8]);
    e.valueDecimals = Decimals[(n * 3 + fork) % 7];
    e.tag1 = QList<QString>{QStringLiteral("quality"), QStringLiteral("uptime"), QString(), QStringLiteral("réactivité ✓")}[n % 4];
    e.tag2 = QStringLiteral("t2-%1").arg(n % 2);
    e.endpoint = QStringLiteral("https://agent.example/mcp");
    e.uri = QStringLiteral("ipfs://feedback/%1/%2").arg(n).arg(fork);
    e.dataHash = hashOf(n, fork + 50);
    return e;
}

/// The FeedbackRevoked, at `block` and `log`, of the feedback given in block `given`.
AgentEvent revocationOf(qint64 block, int log, qint64 given, int fork)
{
    const AgentEvent f = feedbackOf(given, 0);
    AgentEvent e = agentEvent(block, log, int(given % 3) + 1, QStringLiteral("FeedbackRevoked"), fork);
    e.agentId = f.agentId;
    e.actor = f.actor;
    e.feedbackIndex = f.feedbackIndex;
    return e;
}

/**
 * Block n's agent events on `fork`. Identity: a registration every fifth block, a URI update every
 * seventh. Reputation: a NewFeedback in every block; revocations of earlier feedback (n − 3 for
 * n ≡ 1 mod 4; on fork 0 also n − 7 for n ≡ 3 mod 8, on fork 1 n − 5 for n ≡ 1 mod 4 instead of
 * n − 3, reaching below a reorg's ancestor); the block's own feedback revoked when n ≡ 9 mod 10
 * (the agent's latest, revoked); a response every sixth block. No feedback is revoked twice.
 */
void addAgentEvents(IndexBatch &batch, qint64 n, int fork)
{
    const int agent = int(n % 3) + 1;
    if (n % 5 == 2) {
        AgentEvent e = agentEvent(n, 40, agent, QStringLiteral("Registered"), fork);
        e.actor = addressOf(60 + quint32(agent + fork));
        e.uri = QStringLiteral("ipfs://agent/%1").arg(n);
        batch.agentEvents.append(e);
    }
    if (n % 7 == 3) {
        AgentEvent e = agentEvent(n, 41, agent, QStringLiteral("URIUpdated"), fork);
        e.actor = addressOf(60 + quint32(agent + fork));
        e.uri = QStringLiteral("ipfs://updated/%1").arg(n);
        batch.agentEvents.append(e);
    }
    AgentEvent given = feedbackOf(n, fork);
    batch.agentEvents.append(given);
    if (n % 4 == 1 && n >= 5)
        batch.agentEvents.append(revocationOf(n, 51, n - (fork == 1 ? 5 : 3), fork));
    if (fork == 0 && n % 8 == 3 && n >= 7)
        batch.agentEvents.append(revocationOf(n, 52, n - 7, fork));
    if (n % 10 == 9)
        batch.agentEvents.append(revocationOf(n, 53, n, fork));
    if (n % 6 == 0) {
        AgentEvent e = agentEvent(n, 54, agent, QStringLiteral("ResponseAppended"), fork);
        e.actor = given.actor;
        e.counterparty = addressOf(70);
        e.feedbackIndex = given.feedbackIndex;
        e.uri = QStringLiteral("ipfs://response/%1").arg(n);
        e.dataHash = hashOf(n, 60);
        batch.agentEvents.append(e);
    }
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
        addAgentEvents(batch, n, fork);
    }
    batch.tokens = {addressOf(1)};
    batch.registries = QList<Address>{IdentityRegistry, ReputationRegistry};
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

using BigInt = boost::multiprecision::cpp_int;

BigInt power10(int n)
{
    return boost::multiprecision::pow(BigInt(10), unsigned(n));
}

/// `value` / 10^decimals as decimal text: no leading zeros, no trailing fraction zeros, "0" for zero.
QString decimalText(const BigInt &value, int decimals)
{
    const BigInt magnitude = value < 0 ? BigInt(-value) : value;
    QString digits = QString::fromStdString(magnitude.str()).rightJustified(decimals + 1, u'0');
    QString integer = digits.left(digits.size() - decimals);
    QString fraction = digits.right(decimals);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    const QString text = fraction.isEmpty() ? integer : integer + u'.' + fraction;
    return value < 0 ? u'-' + text : text;
}

/// One agent's reputation as this test counts it from the raw agent_events rows.
struct AgentRecount
{
    qint64 feedback = 0, revoked = 0, lastBlock = 0;
    /// Non-revoked feedback per (tag1, valueDecimals): count and sum of the int128 values.
    std::map<std::pair<QString, qint64>, std::pair<qint64, BigInt>> tags;
    /// The newest NewFeedback row (FactColumns below), and whether any FeedbackRevoked names it.
    SqlRow latest;
    bool latestRevoked = false;
};

/// One agent's identity as this test counts it.
struct IdentityRecount
{
    QVariant owner, uri;
    qint64 registered = -1, firstBlock = -1, lastBlock = 0;
};

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
    void agentReputationIsReadAsTheAgentsPageShowsIt();
    void agentSummariesOfAnOlderDatabaseAreCountedOnce();

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
    /// Agent summaries recounted from the raw agent events, by (registry bytes, agent id).
    std::map<std::pair<QByteArray, qint64>, AgentRecount> recountReputation();
    std::map<std::pair<QByteArray, qint64>, IdentityRecount> recountIdentities();
    /// agent_identities, agent_reputation (chain and global), agent_reputation_tags and
    /// readAgentReputation() against the recount.
    void compareAgents();
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
    config.registries = {{RegistryKind::Identity, IdentityRegistry}, {RegistryKind::Reputation, ReputationRegistry}};
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

std::map<std::pair<QByteArray, qint64>, AgentRecount> TestAggregates::recountReputation()
{
    std::map<std::pair<QByteArray, qint64>, AgentRecount> agents;
    auto rows = m_store->query(QLatin1String("SELECT registry, agent_id, event, actor, feedback_index, value, value_decimals, tag1, tag2, "
                                             "block_number, log_index, tx_hash, uri FROM ")
                               + m_store->chainTable(ChainId, QStringLiteral("agent_events"))
                               + QLatin1String(" WHERE registry_kind = 'reputation' ORDER BY block_number, log_index"));
    [&] { QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString())); }();
    if (!rows)
        return agents;
    // Which feedback (agent, client, index) any FeedbackRevoked names, wherever it lies.
    QSet<QString> revoked;
    auto keyOf = [](const SqlRow &r) -> QString {
        return QString::fromLatin1(r[0].toByteArray().toHex() + '/' + r[1].toByteArray().toHex() + r[1].toString().toLatin1() + '/'
                                   + r[3].toByteArray().toHex())
            + u'/' + QString::number(r[4].toLongLong());
    };
    for (const SqlRow &r : *rows) {
        if (r[2].toString() == u"FeedbackRevoked")
            revoked.insert(keyOf(r));
    }
    for (const SqlRow &r : *rows) {
        auto id = m_store->u256FromValue(r[1], QStringLiteral("agent_id"));
        AgentRecount &a = agents[{r[0].toByteArray(), *id->toInt64()}];
        const QString event = r[2].toString();
        a.lastBlock = std::max(a.lastBlock, r[9].toLongLong());
        if (event == u"FeedbackRevoked")
            ++a.revoked;
        if (event != u"NewFeedback")
            continue;
        ++a.feedback;
        a.latest = r;
        a.latestRevoked = revoked.contains(keyOf(r));
        if (!a.latestRevoked) {
            auto &[count, sum] = a.tags[{r[7].toString(), r[6].toLongLong()}];
            ++count;
            sum += BigInt(r[5].toString().toStdString());
        }
    }
    return agents;
}

std::map<std::pair<QByteArray, qint64>, IdentityRecount> TestAggregates::recountIdentities()
{
    std::map<std::pair<QByteArray, qint64>, IdentityRecount> agents;
    auto rows = m_store->query(QLatin1String("SELECT registry, agent_id, event, actor, uri, block_number FROM ")
                               + m_store->chainTable(ChainId, QStringLiteral("agent_events"))
                               + QLatin1String(" WHERE registry_kind = 'identity' ORDER BY block_number, log_index"));
    if (!rows)
        return agents;
    for (const SqlRow &r : *rows) {
        auto id = m_store->u256FromValue(r[1], QStringLiteral("agent_id"));
        IdentityRecount &a = agents[{r[0].toByteArray(), *id->toInt64()}];
        const qint64 block = r[5].toLongLong();
        if (a.firstBlock < 0)
            a.firstBlock = block;
        if (r[2].toString() == u"Registered") {
            a.owner = r[3];
            a.uri = r[4];
            if (a.registered < 0)
                a.registered = block;
        } else if (r[2].toString() == u"URIUpdated") {
            a.uri = r[4];
        }
        a.lastBlock = std::max(a.lastBlock, block);
    }
    // One whose Registered is not indexed: its first event.
    for (auto &[key, a] : agents) {
        if (a.registered < 0)
            a.registered = a.firstBlock;
    }
    return agents;
}

void TestAggregates::compareAgents()
{
    const auto reputation = recountReputation();
    const auto identities = recountIdentities();
    QVERIFY(!reputation.empty());
    QVERIFY(!identities.empty());
    auto agentId = [&](qint64 n) { return m_store->u256Value(U256(n)); };

    // Identities, per chain and across chains.
    for (bool global : {false, true}) {
        const QString table = global ? m_store->globalTable(QStringLiteral("agent_identities")) : m_store->chainTable(ChainId, QStringLiteral("agent_identities"));
        QCOMPARE(*m_store->rowCount(table, global ? QStringLiteral("chain_id = %1").arg(ChainId) : QString()), qint64(identities.size()));
        for (const auto &[key, a] : identities) {
            auto rows = m_store->query(QLatin1String("SELECT owner, uri, registered_block, last_block FROM ") + table
                                           + QLatin1String(" WHERE registry = ? AND agent_id = ?"),
                                       {key.first, agentId(key.second)});
            QVERIFY(rows && rows->size() == 1);
            const SqlRow &r = rows->first();
            const QString what = QStringLiteral("identity of agent %1%2").arg(key.second).arg(global ? QStringLiteral(" (global)") : QString());
            QVERIFY2(r[0].toByteArray() == a.owner.toByteArray(), qPrintable(what));
            QVERIFY2(r[1].toString() == a.uri.toString(), qPrintable(what));
            QVERIFY2(r[2].toLongLong() == a.registered, qPrintable(QStringLiteral("%1: registered %2, recount %3").arg(what).arg(r[2].toLongLong()).arg(a.registered)));
            QVERIFY2(r[3].toLongLong() == a.lastBlock, qPrintable(what));
        }
    }

    // Counts, per chain and across chains.
    for (bool global : {false, true}) {
        const QString table = global ? m_store->globalTable(QStringLiteral("agent_reputation")) : m_store->chainTable(ChainId, QStringLiteral("agent_reputation"));
        QCOMPARE(*m_store->rowCount(table, global ? QStringLiteral("chain_id = %1").arg(ChainId) : QString()), qint64(reputation.size()));
        for (const auto &[key, a] : reputation) {
            auto rows = m_store->query(QLatin1String("SELECT feedback_count, revoked_count, last_block FROM ") + table
                                           + QLatin1String(" WHERE registry = ? AND agent_id = ?"),
                                       {key.first, agentId(key.second)});
            QVERIFY(rows && rows->size() == 1);
            const SqlRow &r = rows->first();
            QVERIFY2(r[0].toLongLong() == a.feedback && r[1].toLongLong() == a.revoked && r[2].toLongLong() == a.lastBlock,
                     qPrintable(QStringLiteral("agent %1%2: kept %3 feedback, %4 revoked, last block %5; recount %6, %7, %8")
                                    .arg(key.second).arg(global ? QStringLiteral(" (global)") : QString())
                                    .arg(r[0].toLongLong()).arg(r[1].toLongLong()).arg(r[2].toLongLong())
                                    .arg(a.feedback).arg(a.revoked).arg(a.lastBlock)));
        }
    }

    // The tag rows: count and exact sum per (tag, decimals) of the feedback not revoked.
    QStringList keptTags, recountedTags;
    auto tagRows = m_store->query(QLatin1String("SELECT registry, agent_id, tag, value_decimals, feedback_count, value_sum FROM ")
                                  + m_store->chainTable(ChainId, QStringLiteral("agent_reputation_tags")));
    QVERIFY(tagRows);
    for (const SqlRow &r : *tagRows) {
        auto id = m_store->u256FromValue(r[1], QStringLiteral("agent_id"));
        keptTags << QStringList{QString::fromLatin1(r[0].toByteArray().toHex()), QString::number(*id->toInt64()), r[2].toString(),
                                QString::number(r[3].toLongLong()), QString::number(r[4].toLongLong()), r[5].toString()}
                        .join(QLatin1String(" | "));
    }
    for (const auto &[key, a] : reputation) {
        for (const auto &[tag, total] : a.tags)
            recountedTags << QStringList{QString::fromLatin1(key.first.toHex()), QString::number(key.second), tag.first, QString::number(tag.second),
                                         QString::number(total.first), QString::fromStdString(total.second.str())}
                                 .join(QLatin1String(" | "));
    }
    keptTags.sort();
    recountedTags.sort();
    QCOMPARE(keptTags, recountedTags);

    // What the Agents page reads: counts, averages per tag, the latest feedback.
    for (const auto &[key, a] : reputation) {
        auto read = readAgentReputation(*m_store, ChainId, QString::number(key.second));
        QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
        const QString what = QStringLiteral("agent %1").arg(key.second);
        QVERIFY2(read->feedbackCount == a.feedback && read->revokedCount == a.revoked && read->lastBlock == a.lastBlock, qPrintable(what));
        // Per tag over every valueDecimals: the exact total and the mean to within half a unit
        // of its last decimal (six beyond the most precise value's).
        std::map<QString, std::tuple<qint64, int, QList<std::pair<BigInt, int>>>> tags;
        for (const auto &[tag, total] : a.tags) {
            auto &[count, scale, parts] = tags[tag.first];
            count += total.first;
            scale = std::max<int>(scale, int(tag.second));
            parts.append({total.second, int(tag.second)});
        }
        QCOMPARE(read->tags.size(), qsizetype(tags.size()));
        for (qsizetype i = 1; i < read->tags.size(); ++i)
            QVERIFY2(read->tags[i - 1].count >= read->tags[i].count, "most feedback first");
        for (const TagAverage &t : read->tags) {
            QVERIFY2(tags.count(t.tag), qPrintable(what + u' ' + t.tag));
            const auto &[count, scale, parts] = tags.at(t.tag);
            BigInt total = 0;
            for (const auto &[sum, decimals] : parts)
                total += sum * power10(scale - decimals);
            QCOMPARE(t.count, count);
            QCOMPARE(t.sum, decimalText(total, scale));
            const qsizetype dot = t.average.indexOf(u'.');
            const int places = dot < 0 ? 0 : int(t.average.size() - dot - 1);
            QVERIFY2(places <= scale + 6, qPrintable(t.average));
            QString digits = t.average;
            const bool negative = digits.startsWith(u'-');
            digits.remove(u'.');
            digits.remove(u'-');
            while (digits.size() > 1 && digits.startsWith(u'0'))
                digits.remove(0, 1);   // Boost reads a leading 0 as octal
            const BigInt shown = BigInt(digits.toStdString()) * power10(scale + 6 - places) * (negative ? -1 : 1);
            BigInt error = shown * count - total * power10(6);
            if (error < 0)
                error = -error;
            QVERIFY2(2 * error <= count, qPrintable(QStringLiteral("%1, tag “%2”: average %3 of %4 values summing to %5").arg(what, t.tag, t.average).arg(count).arg(t.sum)));
        }
        QVERIFY2(read->latest.has_value() == !a.latest.isEmpty(), qPrintable(what));
        if (!read->latest)
            continue;
        // a.latest: registry, agent_id, event, actor, feedback_index, value, value_decimals, tag1, tag2, block_number, log_index, tx_hash, uri
        const FeedbackSummary &l = *read->latest;
        QCOMPARE(l.client.toLower(), QString(QLatin1String("0x") + QString::fromLatin1(a.latest[3].toByteArray().toHex())));
        QCOMPARE(l.feedbackIndex, a.latest[4].toLongLong());
        QCOMPARE(l.value, decimalText(BigInt(a.latest[5].toString().toStdString()), int(a.latest[6].toLongLong())));
        QCOMPARE(l.rawValue, a.latest[5].toString());
        QCOMPARE(l.valueDecimals, int(a.latest[6].toLongLong()));
        QCOMPARE(l.tag1, a.latest[7].toString());
        QCOMPARE(l.tag2, a.latest[8].toString());
        QCOMPARE(l.blockNumber, a.latest[9].toLongLong());
        QCOMPARE(l.logIndex, a.latest[10].toLongLong());
        QCOMPARE(l.txHash, QString(QLatin1String("0x") + QString::fromLatin1(a.latest[11].toByteArray().toHex())));
        QCOMPARE(l.feedbackUri, a.latest[12].toString());
        QVERIFY2(l.revoked == a.latestRevoked, qPrintable(QStringLiteral("%1: latest feedback (block %2) revoked: kept %3, recount %4").arg(what).arg(l.blockNumber).arg(l.revoked).arg(a.latestRevoked)));
    }
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
    compareAgents();
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
    promote(batchOf(26, 35, hashOf(25), 1));
    compareAll();
    promote(batchOf(36, 45, hashOf(35, 1), 1));
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
    // Agent events: block 12's are gone, so is block 20's feedback (revoked in block 27, which
    // now revokes nothing known), block 16's has another value, and agent 9 registers and is
    // given feedback.
    replacement.agentEvents.removeIf([](const AgentEvent &e) { return e.blockNumber == 12 || (e.blockNumber == 20 && e.event == u"NewFeedback"); });
    for (AgentEvent &e : replacement.agentEvents) {
        if (e.blockNumber == 16 && e.event == u"NewFeedback") {
            e.value = QStringLiteral("-77");
            e.valueDecimals = 3;
        }
    }
    AgentEvent registered = agentEvent(20, 45, 9, QStringLiteral("Registered"), 0);
    registered.actor = addressOf(69);
    registered.uri = QStringLiteral("ipfs://agent/9");
    replacement.agentEvents.append(registered);
    AgentEvent feedback = feedbackOf(21, 0);
    feedback.logIndex = 60;
    feedback.agentId = U256(9);
    replacement.agentEvents.append(feedback);
    promote(replacement);
    compareAll();
    // Head ranges go on from the reindexed history.
    promote(batchOf(50, 58, hashOf(49)));
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

void TestAggregates::agentReputationIsReadAsTheAgentsPageShowsIt()
{
    // A second reputation registry of the chain (one it had before, say): the agent's
    // reputation is summed over both.
    const Address second = addressOf(92);
    auto feedback = [](qint64 block, int log, quint32 client, qint64 index, const char *value, int decimals, const char *tag) {
        AgentEvent e = agentEvent(block, log, 77, QStringLiteral("NewFeedback"), 0);
        e.actor = addressOf(client, 0x22);
        e.feedbackIndex = index;
        e.value = QString::fromLatin1(value);
        e.valueDecimals = decimals;
        e.tag1 = QString::fromUtf8(tag);
        e.tag2 = QStringLiteral("second");
        e.uri = QStringLiteral("ipfs://feedback/%1").arg(block);
        return e;
    };
    auto revocation = [](qint64 block, int log, quint32 client, qint64 index) {
        AgentEvent e = agentEvent(block, log, 77, QStringLiteral("FeedbackRevoked"), 0);
        e.actor = addressOf(client, 0x22);
        e.feedbackIndex = index;
        return e;
    };
    IndexBatch first = batchOf(0, 4, Hash());
    first.registries->append(second);
    first.agentEvents = {feedback(1, 0, 1, 1, "425", 2, "quality"), feedback(1, 1, 2, 1, "45", 1, "quality"), feedback(2, 0, 1, 2, "4", 0, "quality"),
                         feedback(2, 1, 3, 1, "1", 0, "speed"),     feedback(3, 0, 3, 2, "2", 0, "speed"),    feedback(3, 1, 2, 2, "-7", 0, "spam"),
                         revocation(3, 2, 2, 2),                    feedback(4, 0, 3, 3, "2", 0, "speed")};
    promote(first);

    auto read = readAgentReputation(*m_store, ChainId, QStringLiteral("77"));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().toString()));
    QCOMPARE(read->feedbackCount, 7);
    QCOMPARE(read->revokedCount, 1);
    QCOMPARE(read->lastBlock, 4);
    QCOMPARE(read->tags.size(), 2);   // "spam" was revoked: no feedback of it counts
    QCOMPARE(read->tags[0].tag, QStringLiteral("quality"));
    QCOMPARE(read->tags[0].count, 3);
    QCOMPARE(read->tags[0].sum, QStringLiteral("12.75"));
    QCOMPARE(read->tags[0].average, QStringLiteral("4.25"));
    QCOMPARE(read->tags[1].tag, QStringLiteral("speed"));
    QCOMPARE(read->tags[1].sum, QStringLiteral("5"));
    QCOMPARE(read->tags[1].average, QStringLiteral("1.666667"));
    QVERIFY(read->latest);
    QCOMPARE(read->latest->client, addressOf(3, 0x22).toChecksumHex());
    QCOMPARE(read->latest->value, QStringLiteral("2"));
    QCOMPARE(read->latest->tag1, QStringLiteral("speed"));
    QCOMPARE(read->latest->tag2, QStringLiteral("second"));
    QCOMPARE(read->latest->blockNumber, 4);
    QCOMPARE(read->latest->txHash, hashOf(4 * 100 + 0, 40).toHex());
    QCOMPARE(read->latest->feedbackUri, QStringLiteral("ipfs://feedback/4"));
    QCOMPARE(read->latest->revoked, false);

    // The latest feedback revoked, an old one too; then feedback through the second registry.
    IndexBatch next = batchOf(5, 9, hashOf(4));
    next.registries->append(second);
    AgentEvent elsewhere = feedback(8, 0, 4, 1, "5", 0, "quality");
    elsewhere.registry = second;
    next.agentEvents = {revocation(6, 0, 3, 3), revocation(7, 0, 1, 1)};
    promote(next);
    read = readAgentReputation(*m_store, ChainId, QStringLiteral("77"));
    QVERIFY(read && read->latest);
    QCOMPARE(read->latest->revoked, true);
    QCOMPARE(read->tags[0].tag, QStringLiteral("quality"));
    QCOMPARE(read->tags[0].count, 2);
    QCOMPARE(read->tags[0].average, QStringLiteral("4.25"));
    QCOMPARE(read->tags[1].count, 2);
    QCOMPARE(read->tags[1].average, QStringLiteral("1.5"));

    IndexBatch last = batchOf(10, 12, hashOf(9));
    last.registries->append(second);
    elsewhere.blockNumber = 11;
    last.agentEvents = {elsewhere};
    promote(last);
    read = readAgentReputation(*m_store, ChainId, QStringLiteral(" 77"));
    QVERIFY(read && read->latest);
    QCOMPARE(read->feedbackCount, 8);
    QCOMPARE(read->revokedCount, 3);
    QCOMPARE(read->lastBlock, 11);
    QCOMPARE(read->tags[0].count, 3);
    QCOMPARE(read->tags[0].sum, QStringLiteral("13.5"));
    QCOMPARE(read->tags[0].average, QStringLiteral("4.5"));
    QCOMPARE(read->latest->registry, second.toChecksumHex());
    QCOMPARE(read->latest->value, QStringLiteral("5"));
    QCOMPARE(read->latest->revoked, false);

    // An agent without feedback reads empty; a bad id and an unknown chain are errors.
    auto none = readAgentReputation(*m_store, ChainId, QStringLiteral("78"));
    QVERIFY(none);
    QCOMPARE(none->feedbackCount, 0);
    QVERIFY(none->tags.isEmpty());
    QVERIFY(!none->latest);
    for (const QString &bad : {QStringLiteral("abc"), QStringLiteral("-1"), QString()}) {
        auto invalid = readAgentReputation(*m_store, ChainId, bad);
        QVERIFY2(!invalid && invalid.error().field == u"agentId", qPrintable(bad));
    }
    auto missing = readAgentReputation(*m_store, 99, QStringLiteral("77"));
    QVERIFY(!missing);
    QCOMPARE(missing.error().field, QStringLiteral("chain"));
}

void TestAggregates::agentSummariesOfAnOlderDatabaseAreCountedOnce()
{
    promote(batchOf(0, 29, Hash()));
    // The previous release's database: no tag sums, no latest feedback, no index of an agent's
    // events, and its chains' agents not counted (the migration leaves agents_recounted_at NULL).
    const Backend backend = m_store->backend();
    const EntityDef &reputation = requireEntity(evmEntities(), "agent_reputation");
    for (bool staging : {false, true}) {
        QVERIFY(m_store->exec(QLatin1String("DROP TABLE ") + m_store->chainTable(ChainId, QStringLiteral("agent_reputation_tags"), staging)));
        for (const ColumnDef &c : reputation.columns) {
            if (c.name.startsWith(QLatin1String("latest_")))
                QVERIFY(m_store->exec(QLatin1String("ALTER TABLE ") + m_store->chainTable(ChainId, reputation.name, staging) + QLatin1String(" DROP COLUMN ") + c.name));
        }
    }
    const QStringList indexes = ddl::createIndexes(backend, ddl::TableKind::Production, ChainId, requireEntity(evmEntities(), "agent_events"));
    QCOMPARE(indexes.size(), 1);
    const QString index = indexes.first().section(u' ', 5, 5);
    QVERIFY(m_store->exec(QLatin1String("DROP INDEX ")
                          + (backend == Backend::Postgres ? QString(ddl::chainNamespace(backend, ChainId) + u'.' + index) : index)));
    QVERIFY(m_store->exec(QLatin1String("UPDATE ") + m_store->admin("aggregate_state") + QLatin1String(" SET agents_recounted_at = NULL")));

    // Start-up: reconciliation adds the table and columns, the lease holder counts the agents.
    auto changes = m_store->reconcileEntityTables(evmEntities());
    QVERIFY2(changes, qPrintable(changes ? QString() : changes.error().toString()));
    QVERIFY2(changes->contains(m_store->chainTable(ChainId, QStringLiteral("agent_reputation_tags"))), qPrintable(changes->join(u' ')));
    QVERIFY2(changes->contains(m_store->chainTable(ChainId, reputation.name) + QLatin1String(".latest_value")), qPrintable(changes->join(u' ')));
    QVERIFY(IndexStore(*m_store).recountAgentsOnce(evmEntities()));
    compareAgents();
    promote(batchOf(30, 40, hashOf(29)));
    compareAll();

    // Once: a second start counts nothing again (a tag row edited by hand stays edited).
    const QString tags = m_store->chainTable(ChainId, QStringLiteral("agent_reputation_tags"));
    QVERIFY(m_store->exec(QLatin1String("UPDATE ") + tags + QLatin1String(" SET feedback_count = 1000")));
    QVERIFY(IndexStore(*m_store).recountAgentsOnce(evmEntities()));
    QCOMPARE(*m_store->rowCount(tags, QStringLiteral("feedback_count <> 1000")), 0);
}

} // namespace tst_aggregates

ARBOR_GUILESS_TEST_MAIN(aggregates, tst_aggregates::TestAggregates)
#include "tst_aggregates.moc"

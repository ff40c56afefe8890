// Balances end to end: devnet traffic indexed with `arborctl index`, the balance queue drained
// with `arborctl queue run`, and every balance read back the way an operator reads it
// (`arborctl query balance|portfolio|top-holders --json`), on SQLite and PostgreSQL. Balances are
// checked against what the traffic generator computed itself, and after a reorg or a balance
// poked without a Transfer event, against balanceOf on the node.
//
// The test functions share one devnet and one database and run in declaration order. Each
// function that needs queue items first sends fresh traffic to new holders, so it knows exactly
// which items the queue must hold: promotion keeps transfers-mode balances itself, so the
// traffic's blocks are then reindexed, which has every holder they touched recounted by the
// queue (DESIGN.md §8: reindexes, reorgs, mode changes and backfills go through it). The last functions (nodes as operators run them) each bring
// their own devnet and database: a node started from a state dump, which serves logs but no
// state before its head, as public endpoints and pruned nodes do, and a live one.
#include "devnet.h"
#include "faultproxy.h"
#include "arborctlrun.h"
#include "testdatabase.h"

#include "buildpaths.h"
#include "model/address.h"
#include "model/balancequeue.h"
#include "model/keccak.h"
#include "model/u256.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/queuestore.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <limits>
#include <map>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_balances {

namespace {

using Run = ArborctlRun;
const QString Arborctl = BuildPaths::arborctl();

Run arborctl(const TestDatabase &db, const QStringList &args, int timeoutMs = 120000, const QProcessEnvironment &extra = {})
{
    return runArborctl(Arborctl, db, args, timeoutMs, extra);
}

constexpr int TokenCount = 3;
const QString ZeroAddress = u"0x0000000000000000000000000000000000000000"_s;

using Balances = QHash<QString, QHash<QString, U256>>;   ///< token → holder → balance

/// Merges a {token: {holder: decimal}} object (generator or readBalances output) into `into`.
void merge(Balances &into, const QJsonObject &balances)
{
    for (auto token = balances.begin(); token != balances.end(); ++token) {
        const QJsonObject holders = token.value().toObject();
        for (auto h = holders.begin(); h != holders.end(); ++h)
            into[token.key()][h.key()] = decimal(h.value().toString());
    }
}

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

QStringList strings(const QJsonArray &array)
{
    QStringList out;
    for (const QJsonValue &v : array)
        out.append(v.toString());
    return out;
}

qint64 headOf(Devnet &devnet)
{
    QString error;
    const auto head = devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    if (!head)
        qWarning().noquote() << "eth_blockNumber:" << error;
    return head ? head->toString().toLongLong(nullptr, 16) : -1;
}

/// `arborctl chain list --json`'s tokenInfo entry of `token`.
QJsonObject tokenRow(const QJsonObject &chain, const QString &token)
{
    for (const QJsonValue &t : chain.value(u"tokenInfo"_s).toArray()) {
        if (t.toObject().value(u"address"_s).toString() == token)
            return t.toObject();
    }
    return {};
}

} // namespace

class TestBalances : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void badInputExitsTwoAndWritesNothing_data();
    void badInputExitsTwoAndWritesNothing();
    void balancesEqualTheGenerators();
    void concurrentWorkersNeverShareAnItem();
    void killedWorkerLeavesItsBatchPending();
    void reorgLeavesTheSurvivingChainsBalances();
    void balanceOfModeReadsTheChain();
    void queueRunStopsOnSigterm();

    // Nodes as operators run them: each function brings its own devnet and database.
    void defaultAddIsExactOnAnyNode_data();
    void defaultAddIsExactOnAnyNode();
    void earlierHistoryReadsBalanceOfAtTheNewestBlock();
    void repeatedFailureIsSaidOncePerToken();

private:
    qint64 nodeHead();
    Run index();
    /// Fresh traffic among `holders` new holders on every token, indexed to the head (promotion
    /// keeps their balances: nothing is queued), then its blocks reindexed: leaves exactly
    /// TokenCount × holders items pending. Adds the holders and balances to m_expected.
    void sendAndIndex(int transfers, int holders, quint64 seed);
    /// `arborctl queue health --json`, this chain's row.
    QJsonObject health();
    void setBatchSize(int n);
    /// Ids of every item in the queue table with `status` (or all).
    QSet<qint64> itemIds(const QString &status = QString());
    QString queueTable() const { return ddl::adminTable(m_backend, u"balance_update_queue"_s); }
    QString balancesTable() const { return ddl::entityTable(m_backend, ddl::TableKind::Production, m_chainId, u"token_balances"_s); }

    /// Every balance as the operator reads it, against `expected`: top-holders lists every
    /// holder with a balance (largest first, exact, no zero address, no zero balance), the
    /// portfolio of `samples` holders lists exactly their non-zero balances, query balance
    /// of `samples` holders per token. Balances are computed at a checkpoint: with
    /// `computedAtHead`, every one at the current one.
    void checkBalances(const Balances &expected, int samples, bool computedAtHead = false);
    /// The queue is empty: nothing pending, processing or failed.
    void checkDrained();
    QStringList sampleHolders(int n, quint64 salt) const;

    Devnet m_devnet;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
    Backend m_backend = Backend::Sqlite;
    qint64 m_chainId = 31337;
    QStringList m_tokens;                                   ///< lowercase 0x-hex
    QHash<QString, QJsonObject> m_tokenInfo;                ///< as deployTokens() returned them
    QStringList m_holders;                                  ///< every holder of every traffic run
    Balances m_expected;                                    ///< what a correct indexer shows
    qint64 m_indexedHead = 0;
    QString m_pokedHolder;                                  ///< balance set without a Transfer (token 0)
    U256 m_pokedTransfersSum = 0;                           ///< its balance by its transfers
};

// --- helpers ------------------------------------------------------------------------------------

qint64 TestBalances::nodeHead()
{
    QString error;
    auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    if (!head) {
        qWarning() << "eth_blockNumber:" << error;
        return -1;
    }
    return head->toString().toLongLong(nullptr, 16);
}

Run TestBalances::index()
{
    const qint64 head = nodeHead();
    Run r = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(head)});
    if (r.exitCode == 0)
        m_indexedHead = head;
    return r;
}

void TestBalances::sendAndIndex(int transfers, int holders, quint64 seed)
{
    QString error;
    const auto traffic = m_devnet.generateTraffic(m_tokens, transfers, holders, 30, seed, &error);
    QVERIFY2(traffic, qPrintable(error));
    for (const QJsonValue &h : traffic->value(u"holders"_s).toArray())
        m_holders.append(h.toString());
    merge(m_expected, traffic->value(u"balances"_s).toObject());
    const Run r = index();
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(health().value(u"pending"_s).toInteger(), 0);
    const Run reindexed = arborctl(*m_db, {u"reindex"_s, u"--chain"_s, QString::number(m_chainId),
                                           u"--from"_s, QString::number(traffic->value(u"fromBlock"_s).toInteger()),
                                           u"--to"_s, QString::number(traffic->value(u"toBlock"_s).toInteger()),
                                           u"--reason"_s, u"the test's queue items"_s});
    QVERIFY2(reindexed.exitCode == 0, qPrintable(describe(reindexed)));
}

QJsonObject TestBalances::health()
{
    const Run r = arborctl(*m_db, {u"queue"_s, u"health"_s, u"--json"_s});
    if (r.exitCode != 0) {
        qWarning().noquote() << "queue health:" << describe(r);
        return {};
    }
    for (const QJsonValue &row : r.array()) {
        if (row.toObject().value(u"chainId"_s).toInteger() == m_chainId)
            return row.toObject();
    }
    qWarning().noquote() << "queue health has no row for the chain:" << r.out;
    return {};
}

void TestBalances::setBatchSize(int n)
{
    const Run r = arborctl(*m_db, {u"queue"_s, u"config"_s, u"--chain"_s, QString::number(m_chainId), u"--batch-size"_s, QString::number(n), u"--json"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.object().value(u"batchSize"_s).toInt(), n);
}

QSet<qint64> TestBalances::itemIds(const QString &status)
{
    QSet<qint64> ids;
    auto rows = m_store->query(u"SELECT id FROM "_s + queueTable() + (status.isEmpty() ? QString() : u" WHERE status = ?"_s),
                               status.isEmpty() ? QVariantList{} : QVariantList{status});
    if (!rows) {
        qWarning().noquote() << "reading the queue table:" << rows.error().toString();
        return ids;
    }
    for (const SqlRow &r : *rows)
        ids.insert(r.first().toLongLong());
    return ids;
}

QStringList TestBalances::sampleHolders(int n, quint64 salt) const
{
    QStringList out;
    for (int i = 0; i < n && !m_holders.isEmpty(); ++i)
        out.append(m_holders[int((salt * 7919 + quint64(i) * 104729) % quint64(m_holders.size()))]);
    out.removeDuplicates();
    return out;
}

void TestBalances::checkDrained()
{
    const QJsonObject h = health();
    QVERIFY2(!h.isEmpty(), "no queue health");
    QVERIFY2(h.value(u"pending"_s).toInteger() == 0 && h.value(u"processing"_s).toInteger() == 0 && h.value(u"failed"_s).toInteger() == 0,
             qPrintable(u"the queue is not drained: "_s + QString::fromUtf8(QJsonDocument(h).toJson(QJsonDocument::Compact))));
}

void TestBalances::checkBalances(const Balances &expected, int samples, bool computedAtHead)
{
    const QString chain = QString::number(m_chainId);
    // The zero address is never a holder.
    QCOMPARE(*m_store->rowCount(balancesTable(), u"holder = ?"_s, {QByteArray(20, '\0')}), 0);

    for (const QString &token : std::as_const(m_tokens)) {
        const QJsonObject info = m_tokenInfo.value(token);
        const int decimals = info.value(u"decimals"_s).toInt();
        QList<std::pair<U256, QString>> sorted;
        const QHash<QString, U256> held = expected.value(token);
        for (auto it = held.begin(); it != held.end(); ++it) {
            if (it.value() > 0)
                sorted.append({it.value(), it.key()});
        }
        std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        QVERIFY2(sorted.size() > 10, "too few holders to test anything");

        const Run top = arborctl(*m_db, {u"query"_s, u"top-holders"_s, u"--chain"_s, chain, u"--token"_s, token, u"--limit"_s, u"10000"_s, u"--json"_s});
        QVERIFY2(top.exitCode == 0, qPrintable(describe(top)));
        const QJsonObject result = top.object();
        QCOMPARE(result.value(u"symbol"_s).toString(), info.value(u"symbol"_s).toString());
        QCOMPARE(result.value(u"decimals"_s).toInt(), decimals);
        const QJsonArray list = result.value(u"holders"_s).toArray();
        QVERIFY2(list.size() == sorted.size(), qPrintable(u"token %1: top-holders lists %2 holders, %3 hold a balance"_s.arg(token).arg(list.size()).arg(sorted.size())));
        QSet<QString> seen;
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QJsonObject b = list[i].toObject();
            const QString holder = b.value(u"holder"_s).toString();
            const U256 balance = decimal(b.value(u"balance"_s).toString());
            QVERIFY2(holder != ZeroAddress, "the zero address is listed as a holder");
            QVERIFY2(!seen.contains(holder), qPrintable(u"%1 listed twice"_s.arg(holder)));
            seen.insert(holder);
            QVERIFY2(held.contains(holder), qPrintable(u"token %1: %2 is listed but never held it"_s.arg(token, holder)));
            QVERIFY2(balance == held.value(holder),
                     qPrintable(u"token %1 holder %2: arborctl shows %3, expected %4"_s.arg(token, holder, text(balance), text(held.value(holder)))));
            // Largest first: the i-th balance is the generator's i-th largest.
            QVERIFY2(balance == sorted[i].first, qPrintable(u"token %1: rank %2 has %3, the %2th largest balance is %4"_s
                                                                .arg(token).arg(i + 1).arg(text(balance), text(sorted[i].first))));
            QCOMPARE(b.value(u"rank"_s).toInt(), int(i + 1));
            QCOMPARE(b.value(u"formatted"_s).toString(), u256::formatUnits(balance, decimals));
            const qint64 at = b.value(u"lastBlock"_s).toInteger();
            QVERIFY2(computedAtHead ? at == m_indexedHead : (at > 0 && at <= m_indexedHead),
                     qPrintable(u"token %1 holder %2: computed at block %3, the chain is indexed to %4"_s.arg(token, holder).arg(at).arg(m_indexedHead)));
        }
    }
    if (QTest::currentTestFailed())
        return;

    // A portfolio lists exactly the tokens the holder has a balance of.
    for (const QString &holder : sampleHolders(samples, quint64(m_indexedHead))) {
        const Run r = arborctl(*m_db, {u"query"_s, u"portfolio"_s, u"--holder"_s, holder, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QHash<QString, U256> listed;
        for (const QJsonValue &x : r.object().value(u"balances"_s).toArray()) {
            const QJsonObject b = x.toObject();
            QCOMPARE(b.value(u"holder"_s).toString(), holder);
            QCOMPARE(b.value(u"chainId"_s).toInteger(), m_chainId);
            listed.insert(b.value(u"token"_s).toString(), decimal(b.value(u"balance"_s).toString()));
        }
        QHash<QString, U256> want;
        for (const QString &token : std::as_const(m_tokens)) {
            if (expected.value(token).value(holder) > 0)
                want.insert(token, expected.value(token).value(holder));
        }
        QVERIFY2(listed == want, qPrintable(u"portfolio of %1: %2"_s.arg(holder, r.out)));
    }

    // Single balances, as `query balance` shows them.
    for (const QString &token : std::as_const(m_tokens)) {
        for (const QString &holder : sampleHolders(std::max(1, samples / 2), quint64(m_indexedHead) + 1)) {
            const Run r = arborctl(*m_db, {u"query"_s, u"balance"_s, u"--chain"_s, chain, u"--token"_s, token, u"--holder"_s, holder, u"--json"_s});
            QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
            const QJsonObject b = r.object();
            const U256 want = expected.value(token).value(holder);
            QVERIFY2(b.value(u"balance"_s).toString() == text(want),
                     qPrintable(u"token %1 holder %2: query balance shows %3, expected %4"_s.arg(token, holder, b.value(u"balance"_s).toString(), text(want))));
            QCOMPARE(b.value(u"formatted"_s).toString(), u256::formatUnits(want, m_tokenInfo.value(token).value(u"decimals"_s).toInt()));
            QCOMPARE(b.value(u"symbol"_s).toString(), m_tokenInfo.value(token).value(u"symbol"_s).toString());
            const qint64 at = b.value(u"lastBlock"_s).toInteger();
            QVERIFY2(computedAtHead ? at == m_indexedHead : (at > 0 && at <= m_indexedHead), qPrintable(r.out));
            QVERIFY2(!b.value(u"updatedAt"_s).isNull(), qPrintable(r.out));
        }
    }
}

// --- set-up -------------------------------------------------------------------------------------

void TestBalances::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    m_chainId = qint64(m_devnet.chainId());
    const auto deployed = m_devnet.deployTokens(TokenCount, &error);
    QVERIFY2(deployed, qPrintable(error));
    for (const QJsonValue &t : deployed->value(u"tokens"_s).toArray()) {
        const QString address = t.toObject().value(u"address"_s).toString();
        m_tokens.append(address);
        m_tokenInfo.insert(address, t.toObject());
    }
    QCOMPARE(m_tokens.size(), TokenCount);

    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_backend = m_db->url().backend;
    // From block 0, so every token's whole history is indexed: its balances are sums of transfers.
    QStringList add{u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(m_chainId),
                    u"--rpc"_s, m_devnet.rpcUrl().toString(), u"--start-block"_s, u"0"_s};
    for (const QString &token : std::as_const(m_tokens))
        add << u"--token"_s << token;
    const Run added = arborctl(*m_db, add);
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    m_store = m_db->open(false);
    QVERIFY(m_store);

    const Run list = arborctl(*m_db, {u"chain"_s, u"list"_s, u"--json"_s});
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    for (const QJsonValue &t : list.array().first().toObject().value(u"tokenInfo"_s).toArray())
        QCOMPARE(t.toObject().value(u"balanceMode"_s).toString(), u"transfers"_s);

    // 200 holders of 3 tokens, a few thousand transfers.
    sendAndIndex(3000, 200, 42);
}

// --- 1. bad input -------------------------------------------------------------------------------

void TestBalances::badInputExitsTwoAndWritesNothing_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("option");

    // Placeholders: CHAIN, TOKEN (tracked), HOLDER; the rest is literal.
    const QString unknownToken = u"0x00000000000000000000000000000000000000aa"_s;
    const QString badChecksum = u"0x52908400098527886e0F7030069857D2E4169EE7"_s;
    auto row = [](const char *name, QStringList args, const char *option) { QTest::newRow(name) << args << QString::fromLatin1(option); };
    row("balance: short token", {u"query"_s, u"balance"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"0x1234"_s, u"--holder"_s, u"HOLDER"_s}, "--token");
    row("balance: bad checksum", {u"query"_s, u"balance"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, badChecksum, u"--holder"_s, u"HOLDER"_s}, "--token");
    row("balance: holder not hex", {u"query"_s, u"balance"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"TOKEN"_s, u"--holder"_s, u"alice"_s}, "--holder");
    row("balance: no holder", {u"query"_s, u"balance"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"TOKEN"_s}, "--holder");
    row("balance: unknown chain", {u"query"_s, u"balance"_s, u"--chain"_s, u"999"_s, u"--token"_s, u"TOKEN"_s, u"--holder"_s, u"HOLDER"_s}, "--chain");
    row("balance: untracked token", {u"query"_s, u"balance"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, unknownToken, u"--holder"_s, u"HOLDER"_s}, "--token");
    row("top: limit 0", {u"query"_s, u"top-holders"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"TOKEN"_s, u"--limit"_s, u"0"_s}, "--limit");
    row("top: negative limit", {u"query"_s, u"top-holders"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"TOKEN"_s, u"--limit"_s, u"-5"_s}, "--limit");
    row("top: huge limit", {u"query"_s, u"top-holders"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"TOKEN"_s, u"--limit"_s, u"10001"_s}, "--limit");
    row("top: limit overflow", {u"query"_s, u"top-holders"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"TOKEN"_s, u"--limit"_s, u"99999999999999999999"_s}, "--limit");
    row("top: limit not a number", {u"query"_s, u"top-holders"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"TOKEN"_s, u"--limit"_s, u"ten"_s}, "--limit");
    row("top: unknown chain name", {u"query"_s, u"top-holders"_s, u"--chain"_s, u"mainnet"_s, u"--token"_s, u"TOKEN"_s}, "--chain");
    row("top: untracked token", {u"query"_s, u"top-holders"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, unknownToken}, "--token");
    row("portfolio: negative min", {u"query"_s, u"portfolio"_s, u"--holder"_s, u"HOLDER"_s, u"--min-balance"_s, u"-1"_s}, "--min-balance");
    row("portfolio: fractional min", {u"query"_s, u"portfolio"_s, u"--holder"_s, u"HOLDER"_s, u"--min-balance"_s, u"1.5"_s}, "--min-balance");
    row("portfolio: min over 2^256", {u"query"_s, u"portfolio"_s, u"--holder"_s, u"HOLDER"_s, u"--min-balance"_s,
                                      u"115792089237316195423570985008687907853269984665640564039457584007913129639936"_s}, "--min-balance");
    row("portfolio: bad holder", {u"query"_s, u"portfolio"_s, u"--holder"_s, u"0xZZ08400098527886E0F7030069857D2E4169EE7"_s}, "--holder");
    row("config: batch size 0", {u"queue"_s, u"config"_s, u"--chain"_s, u"CHAIN"_s, u"--batch-size"_s, u"0"_s}, "--batch-size");
    row("config: batch size too big", {u"queue"_s, u"config"_s, u"--chain"_s, u"CHAIN"_s, u"--interval-ms"_s, u"50"_s, u"--batch-size"_s, u"100001"_s}, "--batch-size");
    row("config: boost over the cap", {u"queue"_s, u"config"_s, u"--chain"_s, u"CHAIN"_s, u"--boost-by"_s, u"10"_s}, "--boost-by");
    row("config: interval over an hour", {u"queue"_s, u"config"_s, u"--chain"_s, u"CHAIN"_s, u"--batch-size"_s, u"7"_s, u"--interval-ms"_s, u"3600001"_s}, "--interval-ms");
    row("config: negative retries", {u"queue"_s, u"config"_s, u"--chain"_s, u"CHAIN"_s, u"--max-retries"_s, u"-1"_s}, "--max-retries");
    row("config: enabled maybe", {u"queue"_s, u"config"_s, u"--chain"_s, u"CHAIN"_s, u"--enabled"_s, u"maybe"_s}, "--enabled");
    row("config: unknown chain", {u"queue"_s, u"config"_s, u"--chain"_s, u"999"_s, u"--batch-size"_s, u"10"_s}, "--chain");
    row("retry: unknown chain", {u"queue"_s, u"retry-failed"_s, u"--chain"_s, u"nosuchchain"_s}, "--chain");
    row("retry: no chain", {u"queue"_s, u"retry-failed"_s}, "--chain");
    row("run: no workers", {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--workers"_s, u"0"_s}, "--workers");
    row("run: too many workers", {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--workers"_s, u"1000"_s}, "--workers");
    row("mode: unknown mode", {u"chain"_s, u"set-balance-mode"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"TOKEN"_s, u"--mode"_s, u"rebasing"_s}, "--mode");
    row("mode: untracked token", {u"chain"_s, u"set-balance-mode"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, unknownToken, u"--mode"_s, u"balance_of"_s}, "--token");
    row("mode: unknown chain", {u"chain"_s, u"set-balance-mode"_s, u"--chain"_s, u"999"_s, u"--token"_s, u"TOKEN"_s, u"--mode"_s, u"balance_of"_s}, "--chain");
    row("mode: bad token", {u"chain"_s, u"set-balance-mode"_s, u"--chain"_s, u"CHAIN"_s, u"--token"_s, u"0x"_s, u"--mode"_s, u"balance_of"_s}, "--token");
}

void TestBalances::badInputExitsTwoAndWritesNothing()
{
    QFETCH(QStringList, args);
    QFETCH(QString, option);
    for (QString &a : args) {
        if (a == u"CHAIN")
            a = QString::number(m_chainId);
        else if (a == u"TOKEN")
            a = m_tokens.first();
        else if (a == u"HOLDER")
            a = m_holders.first();
    }
    // What an operator could see change: queue settings, backlog, token modes, balances.
    auto state = [&]() {
        QStringList out;
        const auto config = QueueStore(*m_store).queueConfig(m_chainId);
        if (!config)
            return QStringList{config.error().toString()};
        out << u"enabled %1 batch %2 interval %3 retries %4 backoff %5 boost %6/%7"_s.arg(config->enabled)
                   .arg(config->batchSize).arg(config->intervalMs).arg(config->maxRetries).arg(config->retryBackoffMs)
                   .arg(config->boostAfterMs).arg(config->boostBy);
        const auto chains = ChainRegistry(*m_store).chains();
        if (!chains)
            return QStringList{chains.error().toString()};
        for (const ChainRecord &c : *chains) {
            for (const TokenInfo &t : c.tokens)
                out << c.config.name + u' ' + t.address.toHex() + u' ' + (t.balanceMode ? balanceModeName(*t.balanceMode) : u"unset"_s);
        }
        out << u"balances %1, items %2, pending %3, failed %4"_s.arg(*m_store->rowCount(balancesTable())).arg(itemIds().size())
                   .arg(itemIds(u"pending"_s).size()).arg(itemIds(u"failed"_s).size());
        return out;
    };
    const QStringList before = state();
    QVERIFY2(before.size() > 2, qPrintable(before.join(u'\n')));

    const Run r = arborctl(*m_db, args);
    QVERIFY2(r.exitCode == 2, qPrintable(describe(r)));
    QVERIFY2(r.out.isEmpty(), qPrintable(describe(r)));
    QVERIFY2(r.err.contains(option), qPrintable(u"the message does not name %1:\n%2"_s.arg(option, r.err)));
    QCOMPARE(state(), before);
}

// --- 2. balances ---------------------------------------------------------------------------------

void TestBalances::balancesEqualTheGenerators()
{
    // Each holder was minted each token: one item per (token, holder), however many transfers.
    const qint64 items = qint64(TokenCount) * m_holders.size();
    QJsonObject h = health();
    QCOMPARE(h.value(u"pending"_s).toInteger(), items);
    QCOMPARE(h.value(u"processing"_s).toInteger(), 0);
    QCOMPARE(h.value(u"status"_s).toString(), u"HEALTHY"_s);
    QCOMPARE(itemIds(u"pending"_s).size(), items);
    // Promotion summed the transfers already; the reindex left those balances standing.
    checkBalances(m_expected, 4);
    if (QTest::currentTestFailed())
        return;

    // Small batches, so that both workers claim.
    setBatchSize(40);
    const Run r = arborctl(*m_db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--workers"_s, u"2"_s, u"--json"_s, u"--list-completed"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    const QJsonObject totals = r.object();
    QCOMPARE(totals.value(u"completed"_s).toInteger(), items);
    QCOMPARE(totals.value(u"claimed"_s).toInteger(), items);
    QCOMPARE(totals.value(u"failed"_s).toInteger(), 0);
    QCOMPARE(totals.value(u"retried"_s).toInteger(), 0);
    QSet<qint64> completed;
    for (const QJsonValue &id : totals.value(u"completedIds"_s).toArray()) {
        QVERIFY2(!completed.contains(id.toInteger()), qPrintable(u"item %1 completed twice"_s.arg(id.toInteger())));
        completed.insert(id.toInteger());
    }
    QCOMPARE(completed, itemIds());
    QCOMPARE(completed, itemIds(u"completed"_s));
    checkDrained();
    h = health();
    QCOMPARE(h.value(u"completedLastHour"_s).toInteger(), items);
    QCOMPARE(h.value(u"errorsLastHour"_s).toInteger(), 0);

    checkBalances(m_expected, 12, true);
    if (QTest::currentTestFailed())
        return;

    // The default limit is 10: the ten largest.
    const Run top = arborctl(*m_db, {u"query"_s, u"top-holders"_s, u"--chain"_s, QString::number(m_chainId), u"--token"_s, m_tokens.last(), u"--json"_s});
    QVERIFY2(top.exitCode == 0, qPrintable(describe(top)));
    QCOMPARE(top.object().value(u"holders"_s).toArray().size(), 10);

    // Nobody holds anything as the zero address, and a holder never seen has 0.
    const Run zero = arborctl(*m_db, {u"query"_s, u"portfolio"_s, u"--holder"_s, ZeroAddress, u"--json"_s});
    QVERIFY2(zero.exitCode == 0, qPrintable(describe(zero)));
    QVERIFY2(zero.object().value(u"balances"_s).toArray().isEmpty(), qPrintable(zero.out));
    const Run nobody = arborctl(*m_db, {u"query"_s, u"balance"_s, u"--chain"_s, u"devnet"_s, u"--token"_s, m_tokens.first(), u"--holder"_s,
                                        u"0x00000000000000000000000000000000000000bb"_s, u"--json"_s});
    QVERIFY2(nobody.exitCode == 0, qPrintable(describe(nobody)));
    QCOMPARE(nobody.object().value(u"balance"_s).toString(), u"0"_s);

    // --min-balance (raw units) leaves out smaller balances.
    const QString holder = m_holders.first();
    U256 smallest = 0;
    for (const QString &token : std::as_const(m_tokens)) {
        const U256 b = m_expected.value(token).value(holder);
        if (b > 0 && (smallest == 0 || b < smallest))
            smallest = b;
    }
    QVERIFY(smallest > 0);
    const Run min = arborctl(*m_db, {u"query"_s, u"portfolio"_s, u"--holder"_s, holder, u"--min-balance"_s, text(smallest + 1), u"--json"_s});
    QVERIFY2(min.exitCode == 0, qPrintable(describe(min)));
    for (const QJsonValue &b : min.object().value(u"balances"_s).toArray())
        QVERIFY2(decimal(b.toObject().value(u"balance"_s).toString()) > smallest, qPrintable(min.out));
    int expectedCount = 0;
    for (const QString &token : std::as_const(m_tokens))
        expectedCount += m_expected.value(token).value(holder) > smallest;
    QCOMPARE(min.object().value(u"balances"_s).toArray().size(), expectedCount);
}

// --- 3. exclusive claims -----------------------------------------------------------------------------

void TestBalances::concurrentWorkersNeverShareAnItem()
{
    // Two arborctl processes drain one queue in small batches: if any item were claimed by
    // both, their completed counts would add up to more than the items there are.
    const QSet<qint64> done = itemIds();
    sendAndIndex(2000, 150, 4343);
    if (QTest::currentTestFailed())
        return;
    const qint64 items = qint64(TokenCount) * 150;
    QCOMPARE(health().value(u"pending"_s).toInteger(), items);
    setBatchSize(15);

    const QStringList run{u"--db"_s, m_db->urlString(), u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s, u"--list-completed"_s};
    QProcess a, b;
    const auto startBoth = [&] {
        for (QProcess *p : {&a, &b}) {
            p->setProcessEnvironment(arborctlEnvironment());
            p->start(BuildPaths::arborctl(), run);
        }
    };
    if (m_backend == Backend::Postgres) {
        // 450 items drain in a few batches' time, less than a process takes to start: the first
        // one up could take them all. Hold every pending item locked until both processes are
        // claiming (SKIP LOCKED finds nothing and they keep looking), then let them race.
        // On the test's own connection, the only one besides the two processes'.
        Store *holder = m_store.get();
        const Status held = holder->transaction([&]() -> Status {
            auto locked = holder->query(u"SELECT id FROM "_s + queueTable() + u" WHERE status = 'pending' FOR UPDATE"_s);
            if (!locked)
                return locked.error();
            startBoth();
            // A worker that finds every item locked keeps polling the queue table on its own
            // connection, which PostgreSQL names after the process and the worker's thread. Any
            // two connections that had read the queue were not enough: a process's engine reads
            // its health too, and one process alone then released the items (completed 450 and 0).
            QSet<QString> claimers;
            const QVariantList workers{u"arbor[%1] queue-0"_s.arg(a.processId()), u"arbor[%1] queue-0"_s.arg(b.processId())};
            const auto pollClaimers = [&] {
                // Inside a transaction pg_stat_activity is a snapshot taken at first use.
                (void)holder->query(u"SELECT pg_stat_clear_snapshot()"_s);
                auto rows = holder->query(u"SELECT application_name FROM pg_stat_activity WHERE application_name IN (?, ?) "
                                          "AND query LIKE '%balance_update_queue%'"_s,
                                          workers);
                if (rows) {
                    for (const SqlRow &row : *rows)
                        claimers.insert(row.first().toString());
                }
                return claimers.size();
            };
            if (!QTest::qWaitFor([&] { return pollClaimers() >= 2; }, 60000)) {
                return Error::internal(u"the two queue runs' workers did not both start claiming within 60 s (seen: %1)"_s.arg(
                    QStringList(claimers.cbegin(), claimers.cend()).join(u", "_s)));
            }
            return Status();
        });
        QVERIFY2(held, qPrintable(held ? QString() : held.error().toString()));
    } else {
        startBoth();
    }
    QVERIFY2(a.waitForFinished(120000) && b.waitForFinished(120000), "queue run did not finish");
    qint64 completed = 0;
    QSet<qint64> ids;
    QList<qint64> perProcess;
    for (QProcess *p : {&a, &b}) {
        const QString err = QString::fromUtf8(p->readAllStandardError());
        QVERIFY2(p->exitStatus() == QProcess::NormalExit && p->exitCode() == 0, qPrintable(u"exit %1: %2"_s.arg(p->exitCode()).arg(err)));
        const QJsonObject totals = QJsonDocument::fromJson(p->readAllStandardOutput()).object();
        QCOMPARE(totals.value(u"failed"_s).toInteger(), 0);
        completed += totals.value(u"completed"_s).toInteger();
        perProcess.append(totals.value(u"completed"_s).toInteger());
        for (const QJsonValue &id : totals.value(u"completedIds"_s).toArray()) {
            QVERIFY2(!ids.contains(id.toInteger()), qPrintable(u"item %1 completed by both processes"_s.arg(id.toInteger())));
            QVERIFY2(!done.contains(id.toInteger()), qPrintable(u"item %1 was done before"_s.arg(id.toInteger())));
            ids.insert(id.toInteger());
        }
    }
    qInfo() << "completed per process:" << perProcess;
    QCOMPARE(completed, items);
    QCOMPARE(ids, itemIds(u"completed"_s) - done);
    // PostgreSQL claims with SKIP LOCKED, so both get work; SQLite serialises claims on its write
    // lock, and one process may well win every one.
    if (m_backend == Backend::Postgres)
        QVERIFY2(perProcess[0] > 0 && perProcess[1] > 0, "one process did all the work: the test proved nothing about sharing");
    checkDrained();
    checkBalances(m_expected, 6);
}

// --- 4. a worker killed mid-batch ------------------------------------------------------------------

void TestBalances::killedWorkerLeavesItsBatchPending()
{
    sendAndIndex(1500, 120, 5151);
    if (QTest::currentTestFailed())
        return;
    const qint64 items = qint64(TokenCount) * 120;
    QCOMPARE(health().value(u"pending"_s).toInteger(), items);
    setBatchSize(30);

    // Completing a batch of 30 takes a second or so: a trigger slows every row written to
    // token_balances, so a kill lands while claimed items are 'processing'.
    const QString table = balancesTable();
    const bool postgres = m_backend == Backend::Postgres;
    const QStringList slow = postgres
        ? QStringList{u"CREATE FUNCTION public.test_slow_balances() RETURNS trigger LANGUAGE plpgsql AS $$ "
                      "BEGIN PERFORM pg_sleep(0.05); RETURN NULL; END $$"_s,
                      u"CREATE TRIGGER test_slow_balances AFTER INSERT OR UPDATE ON "_s + table
                          + u" FOR EACH ROW EXECUTE FUNCTION public.test_slow_balances()"_s}
        : QStringList{u"CREATE TABLE test_pad (x INTEGER)"_s,
                      u"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000) INSERT INTO test_pad SELECT x FROM n"_s,
                      u"CREATE TRIGGER test_slow_insert AFTER INSERT ON "_s + table + u" BEGIN SELECT COUNT(*) FROM test_pad a, test_pad b; END"_s,
                      u"CREATE TRIGGER test_slow_update AFTER UPDATE ON "_s + table + u" BEGIN SELECT COUNT(*) FROM test_pad a, test_pad b; END"_s};
    const QStringList fast = postgres
        ? QStringList{u"DROP TRIGGER test_slow_balances ON "_s + table, u"DROP FUNCTION public.test_slow_balances()"_s}
        : QStringList{u"DROP TRIGGER test_slow_insert"_s, u"DROP TRIGGER test_slow_update"_s, u"DROP TABLE test_pad"_s};
    for (const QString &sql : slow) {
        const Status s = m_store->exec(sql);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
    }
    auto restore = qScopeGuard([&] {
        for (const QString &sql : fast)
            (void)m_store->exec(sql);
    });

    // Earlier tests left completed items and balances of other holders, and promotion wrote the
    // new holders' balances before the reindex queued them: count what is written from here.
    const QSet<qint64> completedEarlier = itemIds(u"completed"_s);
    auto latest = m_store->query(u"SELECT MAX(computed_at) FROM "_s + table);
    QVERIFY2(latest && !latest->isEmpty(), qPrintable(latest ? QString() : latest.error().toString()));
    const qint64 writtenBefore = latest->first().first().toLongLong();
    QTest::qWait(5);      // computed_at is in ms: the queue's writes come strictly later

    QProcess worker;
    worker.setProcessEnvironment(arborctlEnvironment());
    worker.start(BuildPaths::arborctl(), {u"--db"_s, m_db->urlString(), u"queue"_s, u"run"_s, u"--until-empty"_s});
    QVERIFY2(worker.waitForStarted(), qPrintable(worker.errorString()));
    // One batch committed (seen in the database), the next one being written: kill it there.
    QVERIFY2(QTest::qWaitFor([&] { return itemIds(u"completed"_s).size() > completedEarlier.size() || worker.state() != QProcess::Running; },
                             60000),
             "no batch finished");
    QCOMPARE(worker.state(), QProcess::Running);
    const QSet<qint64> completedBefore = itemIds(u"completed"_s);
    // The next batch is being written now (a batch of 30 takes about 1.5 s): kill it there.
    QTest::qWait(300);
    worker.kill();
    QVERIFY(worker.waitForFinished(10000));
    QCOMPARE(worker.exitStatus(), QProcess::CrashExit);

    // Transfers-mode items are taken, computed, written and completed in one transaction: the
    // killed batch left nothing behind, no item stuck "processing" and no balance without its
    // completed item.
    QCOMPARE(itemIds(u"processing"_s), QSet<qint64>());
    const QSet<qint64> completedAtKill = itemIds(u"completed"_s);
    const qint64 doneAtKill = completedAtKill.size() - completedEarlier.size();
    QVERIFY2(doneAtKill < items, "the kill landed after the last batch");
    const auto balanceRows = m_store->rowCount(table, u"computed_at > ?"_s, {writtenBefore});
    QVERIFY(balanceRows);
    QCOMPARE(*balanceRows, doneAtKill);           // one row per completed item, none without
    const QJsonObject h = health();
    QCOMPARE(h.value(u"processing"_s).toInteger(), 0);
    const qint64 remaining = h.value(u"pending"_s).toInteger();
    QCOMPARE(remaining, items - doneAtKill);
    qInfo() << "killed with" << completedBefore.size() - completedEarlier.size() << "items done at the first batch," << doneAtKill
            << "at the kill," << remaining << "left";
    restore.dismiss();
    for (const QString &sql : fast) {
        const Status s = m_store->exec(sql);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
    }

    // The next run completes everything left, and nothing twice.
    QElapsedTimer timer;
    timer.start();
    const Run r = arborctl(*m_db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s, u"--list-completed"_s}, 90000);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    qInfo() << "the next run took" << timer.elapsed() << "ms";
    const QJsonObject totals = r.object();
    QCOMPARE(totals.value(u"completed"_s).toInteger(), remaining);
    QSet<qint64> ids;
    for (const QJsonValue &id : totals.value(u"completedIds"_s).toArray())
        ids.insert(id.toInteger());
    QCOMPARE(qint64(ids.size()), remaining);
    QVERIFY2(!ids.intersects(completedAtKill), "an item completed before the kill was completed again");
    checkDrained();
    checkBalances(m_expected, 6);
}

// --- 5. reorg ---------------------------------------------------------------------------------------

void TestBalances::reorgLeavesTheSurvivingChainsBalances()
{
    // The last 4 blocks replaced by 6 with other transfers among earlier holders, whose
    // balances were all computed: the rollback must queue them again.
    QString error;
    const qint64 head = nodeHead();
    QCOMPARE(m_indexedHead, head);
    const QStringList movers = m_holders.mid(m_holders.size() - 120);
    const auto reorg = m_devnet.reorg(4, m_tokens, 30, movers, 777, &error, 6);
    QVERIFY2(reorg, qPrintable(error));
    QVERIFY2(!reorg->value(u"removedTransfers"_s).toArray().isEmpty(), "the reorg replaced no transfers; it tests nothing");
    QCOMPARE(nodeHead(), head + 2);
    const Run indexed = index();
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));

    // Everyone the orphaned transfers named is queued again; the new blocks' transfers are
    // promoted like any head range (their holders queued too when already waiting).
    QSet<QString> touched, orphaned;
    for (const char *key : {"removedTransfers", "addedTransfers"}) {
        for (const QJsonValue &x : reorg->value(QLatin1String(key)).toArray()) {
            const QJsonObject t = x.toObject();
            for (const char *side : {"from", "to"}) {
                if (t.value(QLatin1String(side)).toString() == ZeroAddress)
                    continue;
                const QString balance = t.value(u"token"_s).toString() + u'/' + t.value(QLatin1String(side)).toString();
                touched.insert(balance);
                if (qstrcmp(key, "removedTransfers") == 0)
                    orphaned.insert(balance);
            }
        }
    }
    const qint64 pending = health().value(u"pending"_s).toInteger();
    qInfo() << "the reorg changed" << touched.size() << "balances," << orphaned.size() << "named by orphaned transfers;" << pending << "items pending";
    QVERIFY2(pending >= orphaned.size() && pending <= touched.size(),
             qPrintable(u"%1 items pending; the orphaned transfers named %2 balances, the reorg changed %3"_s.arg(pending).arg(orphaned.size()).arg(touched.size())));

    const Run r = arborctl(*m_db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.object().value(u"completed"_s).toInteger(), pending);
    checkDrained();

    // The truth: balanceOf on the node at the new head, for every holder.
    const auto onChain = m_devnet.readBalances(m_tokens, m_holders, &error);
    QVERIFY2(onChain, qPrintable(error));
    Balances truth;
    merge(truth, onChain->value(u"balances"_s).toObject());
    // The generator's own figures for the reorged holders agree with the node.
    Balances generated = m_expected;
    merge(generated, reorg->value(u"balances"_s).toObject());
    QVERIFY2(generated == truth, "the generator and the node disagree about the reorg");
    m_expected = truth;
    checkBalances(m_expected, 8);
    if (QTest::currentTestFailed())
        return;
    // checkBalances() compared every holder with a balance (top-holders lists them all); a touched
    // holder the reorg emptied is listed nowhere, so each of those is asked for by itself.
    for (const QString &key : std::as_const(touched)) {
        const QString token = key.section(u'/', 0, 0), holder = key.section(u'/', 1, 1);
        if (truth.value(token).value(holder) != 0)
            continue;
        const Run b = arborctl(*m_db, {u"query"_s, u"balance"_s, u"--chain"_s, QString::number(m_chainId), u"--token"_s, token, u"--holder"_s, holder, u"--json"_s});
        QVERIFY2(b.exitCode == 0, qPrintable(describe(b)));
        QVERIFY2(b.object().value(u"balance"_s).toString() == text(truth.value(token).value(holder)),
                 qPrintable(u"token %1 holder %2 after the reorg: %3, the node says %4"_s.arg(token, holder, b.object().value(u"balance"_s).toString(),
                                                                                                  text(truth.value(token).value(holder)))));
    }
}

// --- 6. balanceOf mode ----------------------------------------------------------------------------

void TestBalances::balanceOfModeReadsTheChain()
{
    // A balance changed without a Transfer event (as a rebasing token does): summing transfers
    // cannot see it, balanceOf can. TestToken keeps balanceOf in storage slot 3.
    const QString token = m_tokens.first();
    const QString holder = m_holders.at(5);
    const U256 before = m_expected.value(token).value(holder);
    QVERIFY(before > 0);
    const U256 poked = before + 123456789;
    m_pokedHolder = holder;
    m_pokedTransfersSum = before;
    QByteArray key = QByteArray(12, '\0') + QByteArray::fromHex(holder.mid(2).toLatin1());
    key += u256::toBigEndian(3);
    const QString slot = u"0x"_s + QString::fromLatin1(keccak256(key).toHex());
    QString error;
    QVERIFY2(m_devnet.rpc(u"anvil_setStorageAt"_s, QJsonArray{token, slot, QString(u"0x"_s + QString::fromLatin1(u256::toBigEndian(poked).toHex()))}, &error), qPrintable(error));
    QVERIFY2(m_devnet.rpc(u"evm_mine"_s, {}, &error), qPrintable(error));
    const Run indexed = index();
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));
    checkDrained();

    const auto onChain = m_devnet.readBalances(m_tokens, m_holders, &error);
    QVERIFY2(onChain, qPrintable(error));
    Balances truth;
    merge(truth, onChain->value(u"balances"_s).toObject());
    QCOMPARE(truth.value(token).value(holder), poked);

    const Run set = arborctl(*m_db, {u"chain"_s, u"set-balance-mode"_s, u"--chain"_s, QString::number(m_chainId), u"--token"_s, token,
                                     u"--mode"_s, u"balance_of"_s, u"--json"_s});
    QVERIFY2(set.exitCode == 0, qPrintable(describe(set)));
    const Run list = arborctl(*m_db, {u"chain"_s, u"list"_s, u"--json"_s});
    for (const QJsonValue &t : list.array().first().toObject().value(u"tokenInfo"_s).toArray()) {
        const QJsonObject info = t.toObject();
        QCOMPARE(info.value(u"balanceMode"_s).toString(), info.value(u"address"_s).toString() == token ? u"balance_of"_s : u"transfers"_s);
    }

    // Every holder the token has (each was minted it) is queued again, and only those of this token.
    const qint64 pending = health().value(u"pending"_s).toInteger();
    QCOMPARE(pending, qint64(m_holders.size()));
    // The queue reads the node through a proxy that sees each request whole.
    FaultProxy proxy(m_devnet.rpcUrl(), 11);
    QVERIFY2(proxy.start(&error), qPrintable(error));
    const QString through = proxy.url().toString();
    const auto edit = [&](const QStringList &args) { return arborctl(*m_db, QStringList{u"chain"_s, u"edit"_s, QString::number(m_chainId)} + args); };
    const Run added = edit({u"--add-rpc"_s, through, u"--prefer-rpc"_s, through});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    setBatchSize(500);   // every holder in one claim: requests as full as the worker makes them
    proxy.resetCounters();
    const Run r = arborctl(*m_db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--workers"_s, u"2"_s, u"--json"_s});
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QCOMPARE(r.object().value(u"completed"_s).toInteger(), pending);
    QCOMPARE(r.object().value(u"failed"_s).toInteger(), 0);
    checkDrained();
    const FaultProxy::Counters seen = proxy.counters();
    const Run removed = edit({u"--remove-rpc"_s, through});
    QVERIFY2(removed.exitCode == 0, qPrintable(describe(removed)));
    setBatchSize(30);
    // One balanceOf per holder, in batches whose bodies Qt's HTTP client writes in one piece
    // (16 KiB): a longer body's last piece waits for the server's delayed ACK, 40 ms a batch.
    QCOMPARE(seen.callsByMethod.value(u"eth_call"_s), quint64(pending));
    QVERIFY2(seen.requests < quint64(pending), "balanceOf was not batched");
    QVERIFY2(seen.largestBody <= 16 * 1024, qPrintable(u"a request of %1 bytes"_s.arg(seen.largestBody)));

    // The poked balance shows; every other token still sums its transfers (and equals the chain).
    Balances unpoked = truth;
    unpoked[token][holder] = before;
    QVERIFY2(unpoked == m_expected, "the node's balances moved by more than the poke");
    m_expected = truth;
    checkBalances(m_expected, 6);
    const Run b = arborctl(*m_db, {u"query"_s, u"balance"_s, u"--chain"_s, QString::number(m_chainId), u"--token"_s, token, u"--holder"_s, holder, u"--json"_s});
    QVERIFY2(b.exitCode == 0, qPrintable(describe(b)));
    QCOMPARE(b.object().value(u"balance"_s).toString(), text(poked));
}

// --- 7. back to transfers, with a long-running queue run -------------------------------------------------------------------

void TestBalances::queueRunStopsOnSigterm()
{
    // Back to summing transfers: every holder of the token is queued again, and the poked
    // holder shows what its transfers add up to. Without --until-empty, `queue run` works
    // through that and waits for more until it is told to stop, then reports and exits 0.
    QVERIFY(!m_pokedHolder.isEmpty());
    const QString token = m_tokens.first();
    const Run set = arborctl(*m_db, {u"chain"_s, u"set-balance-mode"_s, u"--chain"_s, u"devnet"_s, u"--token"_s, token, u"--mode"_s, u"transfers"_s});
    QVERIFY2(set.exitCode == 0, qPrintable(describe(set)));
    QVERIFY(!itemIds(u"pending"_s).isEmpty());

    QProcess worker;
    worker.setProcessEnvironment(arborctlEnvironment());
    worker.start(BuildPaths::arborctl(), {u"--db"_s, m_db->urlString(), u"queue"_s, u"run"_s, u"--workers"_s, u"2"_s, u"--json"_s});
    QVERIFY2(worker.waitForStarted(), qPrintable(worker.errorString()));
    QString log;
    const bool drained = QTest::qWaitFor([&] {
        log += QString::fromUtf8(worker.readAllStandardError());
        return worker.state() != QProcess::Running || (itemIds(u"pending"_s).isEmpty() && itemIds(u"processing"_s).isEmpty());
    }, 60000);
    QVERIFY2(drained && worker.state() == QProcess::Running, qPrintable(u"queue run: "_s + log));
    QTest::qWait(500);
    QVERIFY2(worker.state() == QProcess::Running, qPrintable(u"queue run ended by itself: "_s + log));
    worker.terminate();
    QVERIFY(worker.waitForFinished(30000));
    log += QString::fromUtf8(worker.readAllStandardError());
    QVERIFY2(worker.exitStatus() == QProcess::NormalExit && worker.exitCode() == 0, qPrintable(log));
    QVERIFY2(log.contains(u"stopping"_s), qPrintable(log));
    const QJsonObject totals = QJsonDocument::fromJson(worker.readAllStandardOutput()).object();
    QCOMPARE(totals.value(u"interrupted"_s).toBool(), true);
    QCOMPARE(totals.value(u"workers"_s).toInt(), 2);
    QVERIFY2(totals.value(u"completed"_s).toInteger() >= qint64(m_holders.size()), QJsonDocument(totals).toJson().constData());
    QCOMPARE(totals.value(u"completed"_s).toInteger(), totals.value(u"claimed"_s).toInteger());
    checkDrained();

    m_expected[token][m_pokedHolder] = m_pokedTransfersSum;
    const Run b = arborctl(*m_db, {u"query"_s, u"balance"_s, u"--chain"_s, QString::number(m_chainId), u"--token"_s, token, u"--holder"_s, m_pokedHolder, u"--json"_s});
    QVERIFY2(b.exitCode == 0, qPrintable(describe(b)));
    QCOMPARE(b.object().value(u"balance"_s).toString(), text(m_pokedTransfersSum));
    checkBalances(m_expected, 4);
}

// --- 8. nodes as operators run them ------------------------------------------------------------------

void TestBalances::defaultAddIsExactOnAnyNode_data()
{
    QTest::addColumn<bool>("fromStateDump");
    // No state before its head: like most public endpoints and every pruned full node.
    QTest::newRow("node started from a state dump") << true;
    // anvil keeps the state of about the last 500 blocks.
    QTest::newRow("live node") << false;
}

void TestBalances::defaultAddIsExactOnAnyNode()
{
    // Three tokens indexed from their first deployment block, no mode forced: their Transfers
    // are the whole history, so summing them is exact, whether or not the node keeps old state.
    QFETCH(bool, fromStateDump);
    ARBOR_REQUIRE_DEVNET();
    Devnet devnet;
    QString error;
    QVERIFY2(devnet.start(&error), qPrintable(error));
    const qint64 chainId = qint64(devnet.chainId());
    const auto deployed = devnet.deployTokens(TokenCount, &error);
    QVERIFY2(deployed, qPrintable(error));
    QStringList tokens;
    qint64 firstDeploy = std::numeric_limits<qint64>::max();
    for (const QJsonValue &t : deployed->value(u"tokens"_s).toArray()) {
        tokens.append(t.toObject().value(u"address"_s).toString());
        firstDeploy = std::min(firstDeploy, t.toObject().value(u"deployBlock"_s).toInteger());
    }
    const auto traffic = devnet.generateTraffic(tokens, 3000, 200, 30, 9001, &error);
    QVERIFY2(traffic, qPrintable(error));
    Balances expected;
    merge(expected, traffic->value(u"balances"_s).toObject());
    const QStringList holders = strings(traffic->value(u"holders"_s).toArray());
    if (fromStateDump)
        QVERIFY2(devnet.restartFromStateDump(&error), qPrintable(error));
    const qint64 head = headOf(devnet);
    QCOMPARE(head, traffic->value(u"toBlock"_s).toInteger());

    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    QStringList add{u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(chainId),
                    u"--rpc"_s, devnet.rpcUrl().toString(), u"--start-block"_s, QString::number(firstDeploy)};
    for (const QString &token : std::as_const(tokens))
        add << u"--token"_s << token;
    const Run added = arborctl(db, add);
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));

    // Each token sums its Transfers, and says why; the endpoint says whether it has old state.
    const QJsonObject chain = chainRow(Arborctl, db, chainId);
    for (const QString &token : std::as_const(tokens)) {
        const QJsonObject info = tokenRow(chain, token);
        QVERIFY2(info.value(u"balanceMode"_s).toString() == u"transfers"_s, qPrintable(compact(info)));
        const QString reason = info.value(u"balanceModeReason"_s).toString();
        QVERIFY2(!reason.trimmed().isEmpty(), qPrintable(compact(info)));
        QVERIFY2(added.out.contains(reason), qPrintable(u"chain add does not say why %1 sums its transfers (%2):\n%3"_s.arg(token, reason, added.out)));
    }
    const QJsonArray endpoints = chain.value(u"endpoints"_s).toArray();
    QCOMPARE(endpoints.size(), 1);
    const QJsonObject endpoint = endpoints.first().toObject();
    QVERIFY2(endpoint.contains(u"servesHistory"_s) && endpoint.contains(u"historyNote"_s), qPrintable(compact(endpoint)));
    if (fromStateDump) {
        QVERIFY2(endpoint.value(u"servesHistory"_s) == QJsonValue(false), qPrintable(compact(endpoint)));
        QVERIFY2(!endpoint.value(u"historyNote"_s).toString().isEmpty(), qPrintable(compact(endpoint)));
    } else {
        const QJsonValue serves = endpoint.value(u"servesHistory"_s);
        QVERIFY2(serves.isBool() || serves.isNull(), qPrintable(compact(endpoint)));
        qInfo().noquote() << "the live node serves history:" << compact(endpoint);
    }

    const Run indexed = arborctl(db, {u"index"_s, u"--chain"_s, QString::number(chainId), u"--until-block"_s, QString::number(head)});
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));
    // Summed inside promotion: indexing left nothing for the queue.
    const QJsonObject afterIndex = healthRow(Arborctl, db, chainId);
    QVERIFY2(afterIndex.value(u"pending"_s).toInteger() == 0 && afterIndex.value(u"failed"_s).toInteger() == 0,
             qPrintable(compact(afterIndex)));
    const Run drained = arborctl(db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s});
    QVERIFY2(drained.exitCode == 0, qPrintable(describe(drained)));
    QCOMPARE(drained.object().value(u"failed"_s).toInteger(), 0);

    const QJsonObject health = healthRow(Arborctl, db, chainId);
    QVERIFY2(health.value(u"pending"_s).toInteger() == 0 && health.value(u"processing"_s).toInteger() == 0
                 && health.value(u"failed"_s).toInteger() == 0 && health.value(u"problems"_s).toArray().isEmpty(),
             qPrintable(compact(health)));

    // Every holder of every token, exact, as the generator computed it.
    for (const QString &token : std::as_const(tokens)) {
        const QString top = topHoldersMismatch(Arborctl, db, chainId, token, expected.value(token), 1, head);
        QVERIFY2(top.isEmpty(), qPrintable(u"token %1: %2"_s.arg(token, top)));
        const QString single = balanceMismatch(Arborctl, db, chainId, token, expected.value(token), holders.mid(0, 3) + holders.mid(holders.size() - 2), 1, head);
        QVERIFY2(single.isEmpty(), qPrintable(u"token %1: %2"_s.arg(token, single)));
    }
}

void TestBalances::earlierHistoryReadsBalanceOfAtTheNewestBlock()
{
    // Token A has Transfers before the chain's start block, token B is deployed before it but
    // first moves after it. On a node without old state, A must read balanceOf at the newest
    // block the node serves and say which block that was; B sums its Transfers.
    ARBOR_REQUIRE_DEVNET();
    Devnet devnet;
    QString error;
    QVERIFY2(devnet.start(&error), qPrintable(error));
    const qint64 chainId = qint64(devnet.chainId());
    const auto deployed = devnet.deployTokens(2, &error);
    QVERIFY2(deployed, qPrintable(error));
    const QJsonArray deployedTokens = deployed->value(u"tokens"_s).toArray();
    const QString a = deployedTokens.at(0).toObject().value(u"address"_s).toString();
    const QString b = deployedTokens.at(1).toObject().value(u"address"_s).toString();
    const auto before = devnet.generateTraffic({a}, 1500, 100, 15, 6101, &error);
    QVERIFY2(before, qPrintable(error));
    const QStringList early = strings(before->value(u"holders"_s).toArray());
    const qint64 startBlock = headOf(devnet) + 1;

    const auto after = devnet.generateTraffic({a, b}, 1500, 100, 15, 6102, &error);
    QVERIFY2(after, qPrintable(error));
    const QStringList late = strings(after->value(u"holders"_s).toArray());
    // Early holders move some of A after the start block too: summing only the Transfers
    // from there would make their balances wrong (negative), balanceOf has them right.
    Balances earlyBalances;
    merge(earlyBalances, before->value(u"balances"_s).toObject());
    QStringList movers;
    for (const QString &holder : early) {
        if (earlyBalances.value(a).value(holder) > 10000 && movers.size() < 12)
            movers.append(holder);
    }
    QCOMPARE(movers.size(), 12);
    QSet<QString> touchedA(late.cbegin(), late.cend());
    for (qsizetype i = 0; i < movers.size(); ++i) {
        const QString to = late.at(i * 7 % late.size());
        const QString data = u"0xa9059cbb"_s + to.mid(2).rightJustified(64, u'0') + QString::number(1000 + i, 16).rightJustified(64, u'0');
        const auto hash = devnet.rpc(u"eth_sendTransaction"_s, {QJsonObject{{u"from"_s, movers.at(i)}, {u"to"_s, a}, {u"data"_s, data},
                                                                            {u"gas"_s, u"0x186a0"_s}}}, &error);
        QVERIFY2(hash, qPrintable(error));
        // Automine mines it, but eth_sendTransaction can answer before the block is sealed.
        std::optional<QJsonValue> receipt;
        (void)QTest::qWaitFor([&] {
            receipt = devnet.rpc(u"eth_getTransactionReceipt"_s, {hash->toString()}, &error);
            return !receipt || receipt->isObject();
        }, 10000);
        QVERIFY2(receipt && receipt->toObject().value(u"status"_s).toString() == u"0x1"_s, qPrintable(error + (receipt ? compact(*receipt) : QString())));
        touchedA.insert(movers.at(i));
    }
    // Indexing stops a few blocks below the dump's head: the node has no state at the indexed
    // block, so balanceOf must be read at its newest block instead.
    const qint64 indexedHead = headOf(devnet);
    QVERIFY2(devnet.rpc(u"anvil_mine"_s, {u"0x3"_s}, &error), qPrintable(error));
    const qint64 loadedHead = headOf(devnet);
    QCOMPARE(loadedHead, indexedHead + 3);
    QVERIFY2(devnet.restartFromStateDump(&error), qPrintable(error));
    // Blocks after the loaded head (with state again): the newest block is not the indexed one.
    QVERIFY2(devnet.rpc(u"anvil_mine"_s, {u"0x5"_s}, &error), qPrintable(error));
    const qint64 newest = headOf(devnet);
    QCOMPARE(newest, loadedHead + 5);

    // The truth for A: balanceOf at the newest block; for B: the generator's own figures.
    const auto onChain = devnet.readBalances({a}, early + late, &error);
    QVERIFY2(onChain, qPrintable(error));
    QCOMPARE(onChain->value(u"block"_s).toInteger(), newest);
    Balances truth;
    merge(truth, onChain->value(u"balances"_s).toObject());
    QHash<QString, U256> expectedA;                  // Arbor knows the holders its Transfers name
    for (const QString &holder : std::as_const(touchedA))
        expectedA.insert(holder, truth.value(a).value(holder));
    Balances generated;
    merge(generated, after->value(u"balances"_s).toObject());
    const QHash<QString, U256> expectedB = generated.value(b);
    QVERIFY(expectedB.size() == late.size());

    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const Run added = arborctl(db, {u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(chainId),
                                    u"--rpc"_s, devnet.rpcUrl().toString(), u"--start-block"_s, QString::number(startBlock),
                                    u"--token"_s, a, u"--token"_s, b});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    const QJsonObject chain = chainRow(Arborctl, db, chainId);
    const QJsonObject infoA = tokenRow(chain, a), infoB = tokenRow(chain, b);
    QVERIFY2(infoA.value(u"balanceMode"_s).toString() == u"balance_of"_s, qPrintable(compact(infoA)));
    QVERIFY2(infoB.value(u"balanceMode"_s).toString() == u"transfers"_s, qPrintable(compact(infoB)));
    for (const QJsonObject &info : {infoA, infoB}) {
        const QString reason = info.value(u"balanceModeReason"_s).toString();
        QVERIFY2(!reason.trimmed().isEmpty(), qPrintable(compact(info)));
        QVERIFY2(added.out.contains(reason), qPrintable(u"chain add does not say why (%1):\n%2"_s.arg(reason, added.out)));
    }
    QVERIFY2(infoA.value(u"balanceModeReason"_s) != infoB.value(u"balanceModeReason"_s), qPrintable(compact(chain)));
    const QJsonObject endpoint = chain.value(u"endpoints"_s).toArray().first().toObject();
    QVERIFY2(endpoint.value(u"servesHistory"_s) == QJsonValue(false), qPrintable(compact(endpoint)));

    const Run indexed = arborctl(db, {u"index"_s, u"--chain"_s, QString::number(chainId), u"--until-block"_s, QString::number(indexedHead)});
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));
    const Run drained = arborctl(db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s}, 180000);
    QVERIFY2(drained.exitCode == 0, qPrintable(describe(drained)));
    QVERIFY2(drained.object().value(u"failed"_s).toInteger() == 0, qPrintable(drained.out));
    QVERIFY2(drained.object().value(u"completed"_s).toInteger() >= touchedA.size(), qPrintable(drained.out));

    // The node's missing history is no failure: nothing failed, waits, or is reported.
    const QJsonObject health = healthRow(Arborctl, db, chainId);
    QVERIFY2(health.value(u"pending"_s).toInteger() == 0 && health.value(u"processing"_s).toInteger() == 0
                 && health.value(u"failed"_s).toInteger() == 0 && health.value(u"problems"_s).toArray().isEmpty(),
             qPrintable(compact(health)));

    // A: every holder as balanceOf says at the newest block, and recorded at that block.
    QString mismatch = topHoldersMismatch(Arborctl, db, chainId, a, expectedA, newest, newest);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"token A: "_s + mismatch));
    mismatch = balanceMismatch(Arborctl, db, chainId, a, expectedA, movers.mid(0, 3) + late.mid(0, 2), newest, newest);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"token A: "_s + mismatch));
    // B: the generator's balances, from the indexed Transfers.
    mismatch = topHoldersMismatch(Arborctl, db, chainId, b, expectedB, startBlock, indexedHead);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"token B: "_s + mismatch));
    mismatch = balanceMismatch(Arborctl, db, chainId, b, expectedB, late.mid(0, 3), startBlock, indexedHead);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"token B: "_s + mismatch));
}

void TestBalances::repeatedFailureIsSaidOncePerToken()
{
    // Every balanceOf of a token fails the same way (here: a node that reverts every eth_call).
    // That is said once, for the token, with the node's words and a fix; its items wait without
    // using up retries and never land in "failed"; the other token is not held up; and once the
    // node answers again, the next run computes them and the problem is gone.
    ARBOR_REQUIRE_DEVNET();
    Devnet devnet;
    QString error;
    QVERIFY2(devnet.start(&error), qPrintable(error));
    const qint64 chainId = qint64(devnet.chainId());
    const auto deployed = devnet.deployTokens(2, &error);
    QVERIFY2(deployed, qPrintable(error));
    const QString a = deployed->value(u"tokens"_s).toArray().at(0).toObject().value(u"address"_s).toString();
    const QString b = deployed->value(u"tokens"_s).toArray().at(1).toObject().value(u"address"_s).toString();
    QVERIFY2(devnet.generateTraffic({a}, 200, 30, 5, 7101, &error), qPrintable(error));
    const qint64 startBlock = headOf(devnet) + 1;   // a has history before it: balance_of
    const auto after = devnet.generateTraffic({a, b}, 400, 40, 8, 7102, &error);
    QVERIFY2(after, qPrintable(error));
    const QStringList late = strings(after->value(u"holders"_s).toArray());
    const qint64 head = headOf(devnet);

    FaultProxy proxy(devnet.rpcUrl(), 7);
    QVERIFY2(proxy.start(&error), qPrintable(error));
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const Run added = arborctl(db, {u"chain"_s, u"add"_s, u"--name"_s, u"reverting"_s, u"--chain-id"_s, QString::number(chainId),
                                    u"--rpc"_s, proxy.url().toString(), u"--start-block"_s, QString::number(startBlock),
                                    u"--token"_s, a, u"--token"_s, b});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    const QJsonObject chain = chainRow(Arborctl, db, chainId);
    QCOMPARE(tokenRow(chain, a).value(u"balanceMode"_s).toString(), u"balance_of"_s);
    QCOMPARE(tokenRow(chain, b).value(u"balanceMode"_s).toString(), u"transfers"_s);
    const Run backoff = arborctl(db, {u"queue"_s, u"config"_s, u"--chain"_s, QString::number(chainId), u"--retry-backoff-ms"_s, u"5000"_s,
                                      u"--max-retries"_s, u"2"_s});
    QVERIFY2(backoff.exitCode == 0, qPrintable(describe(backoff)));
    const Run indexed = arborctl(db, {u"index"_s, u"--chain"_s, QString::number(chainId), u"--until-block"_s, QString::number(head)});
    QVERIFY2(indexed.exitCode == 0, qPrintable(describe(indexed)));

    FaultPlan reverting;
    reverting.rpcError = 1.0;
    reverting.rpcErrorCode = 3;
    reverting.rpcErrorMessage = u"execution reverted"_s;
    reverting.onlyMethod = u"eth_call"_s;
    proxy.setFaults(reverting);
    // Three runs: with two retries allowed, item by item the third would have failed them all.
    qint64 heldBack = 0;
    for (int run = 0; run < 3; ++run) {
        // Exit 1: the run ends with items it could not compute, said once in queue health.
        const Run drained = arborctl(db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s}, 120000);
        QVERIFY2(drained.exitCode == 1, qPrintable(describe(drained)));
        QVERIFY2(drained.object().value(u"failed"_s).toInteger() == 0 && drained.object().value(u"retried"_s).toInteger() == 0,
                 qPrintable(drained.out));
        heldBack = std::max(heldBack, drained.object().value(u"heldBack"_s).toInteger());
        // Past the token's backoff, so the next run asks the node again. A run that outlasted it
        // (5 s: longer than any run here, even under ThreadSanitizer) would hold its items back
        // twice and count them twice.
        QTest::qWait(5200);
    }
    QVERIFY2(heldBack >= 2, "no items of the reverting token were held back");
    QVERIFY2(proxy.counters().faults[std::size_t(FaultProxy::Fault::RpcError)] >= 2, "the node was not asked again");

    QJsonObject health = healthRow(Arborctl, db, chainId);
    const QJsonArray problems = health.value(u"problems"_s).toArray();
    QVERIFY2(problems.size() == 1, qPrintable(compact(health)));
    const QJsonObject problem = problems.first().toObject();
    QCOMPARE(problem.value(u"token"_s).toString(), a);
    QVERIFY2(problem.value(u"message"_s).toString().contains(u"execution reverted"_s), qPrintable(compact(problem)));
    QVERIFY2(!problem.value(u"fix"_s).toString().trimmed().isEmpty(), qPrintable(compact(problem)));
    QCOMPARE(problem.value(u"waitingItems"_s).toInteger(), heldBack);
    QCOMPARE(health.value(u"status"_s).toString(), u"ERRORS"_s);
    QVERIFY2(health.value(u"failed"_s).toInteger() == 0 && health.value(u"errorsLastHour"_s).toInteger() == 0, qPrintable(compact(health)));
    const Run text = arborctl(db, {u"queue"_s, u"health"_s});
    QVERIFY2(text.exitCode == 0 && text.out.count(u"execution reverted"_s) == 1, qPrintable(describe(text)));

    // The other token was not held up: its balances are the generator's.
    Balances generated;
    merge(generated, after->value(u"balances"_s).toObject());
    QString mismatch = topHoldersMismatch(Arborctl, db, chainId, b, generated.value(b), startBlock, head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"token B: "_s + mismatch));

    // The node answers again: the held-back items are computed and the problem is gone.
    proxy.setPassthrough();
    QTest::qWait(1700);   // the backoff after three alike batches
    const Run recovered = arborctl(db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s}, 120000);
    QVERIFY2(recovered.exitCode == 0, qPrintable(describe(recovered)));
    QVERIFY2(recovered.object().value(u"completed"_s).toInteger() == heldBack, qPrintable(recovered.out));
    health = healthRow(Arborctl, db, chainId);
    QVERIFY2(health.value(u"problems"_s).toArray().isEmpty() && health.value(u"pending"_s).toInteger() == 0
                 && health.value(u"failed"_s).toInteger() == 0,
             qPrintable(compact(health)));
    const auto onChain = devnet.readBalances({a}, late, &error);
    QVERIFY2(onChain, qPrintable(error));
    Balances truth;
    merge(truth, onChain->value(u"balances"_s).toObject());
    mismatch = balanceMismatch(Arborctl, db, chainId, a, truth.value(a), late.mid(0, 5), head, head);
    QVERIFY2(mismatch.isEmpty(), qPrintable(u"token A: "_s + mismatch));
}

} // namespace tst_balances

ARBOR_GUILESS_TEST_MAIN(balances, tst_balances::TestBalances)
#include "tst_balances.moc"

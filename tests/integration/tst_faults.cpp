// RPC faults and crashes end to end: arborctl indexing a real devnet through a fault-injecting
// proxy, losing every endpoint for a while, and killed with SIGKILL over and over, on SQLite and
// PostgreSQL. Whatever happens on the way, the tables must end up exactly as the traffic
// generator says, and the endpoint rows must say what went wrong.
//
// arborctl reads two tuning variables (documented in `arborctl --help`) that these tests use:
// ARBOR_RPC_TIMEOUT_MS, so that delayed and dribbled answers time out quickly, and
// ARBOR_INDEX_RANGE_BLOCKS, so that a chain of ~70 blocks is indexed in many ranges (many
// requests to fault, many promotions to interrupt).
#include "arborctlrun.h"
#include "devnet.h"
#include "faultproxy.h"
#include "testdatabase.h"

#include "buildpaths.h"
#include "model/address.h"
#include "model/u256.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTest>

#include <optional>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_faults {

namespace {

constexpr int TokenCount = 3;
constexpr int TransferCount = 3000;
constexpr int HolderCount = 100;
constexpr int BlockCount = 60;
constexpr quint64 TrafficSeed = 20240611;

using Run = ArborctlRun;
const QString Arborctl = BuildPaths::arborctl();

Run arborctl(const TestDatabase &db, const QStringList &args, const QProcessEnvironment &extra = {})
{
    return runArborctl(Arborctl, db, args, 120000, extra);
}

QProcessEnvironment environment(std::initializer_list<std::pair<QString, QString>> values)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : values)
        env.insert(name, value);
    return env;
}

/// The error of a failed result, for a QVERIFY2 message (evaluated whether or not it failed).
template<typename T>
QByteArray whyNot(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toString().toUtf8();
}

QString addressText(const QVariant &v)
{
    auto a = Address::fromBytes(v.toByteArray());
    return a ? a->toHex().toLower() : u"(bad address)"_s;
}

/// A measured rpc_endpoints row, as the console shows it.
struct EndpointRow
{
    QString url;
    QString status;
    double errorRate = 0;
    QString lastError;
    qint64 requests = 0;
    qint64 failures = 0;
};

QString describe(const EndpointRow &e)
{
    return u"%1: status %2, error rate %3, %4 failures of %5 requests, last error “%6”"_s.arg(e.url, e.status)
        .arg(e.errorRate)
        .arg(e.failures)
        .arg(e.requests)
        .arg(e.lastError);
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }

    void indexesExactlyThroughFaultyEndpoint();
    void failsOverFromDeadEndpoint();
    void reportsRpcDownAndResumesByItself();
    void survivesKill9AtRandomMoments();

private:
    /// Registers the devnet chain on `db` with these endpoint URLs (probed by chain add).
    void addChain(const TestDatabase &db, const QList<QUrl> &urls);
    /// The chain is indexed exactly through the head: every block once, every Transfer once,
    /// counts and balances as generated, one contiguous progress range, checkpoint at the head.
    void verifyExactlyIndexed(const TestDatabase &db);
    /// What a crash may leave: blocks start…checkpoint each once, exactly the Transfers of those
    /// blocks, progress covering start…checkpoint in one range. Returns the checkpoint.
    std::optional<qint64> verifyConsistent(Store &store);
    std::optional<qint64> checkpoint(Store &store);
    QList<EndpointRow> endpointRows(Store &store);

    Devnet m_devnet;
    QStringList m_tokens;
    qint64 m_chainId = 0;
    qint64 m_startBlock = 0;
    qint64 m_head = 0;
    QMap<QString, qint64> m_transfers;                 ///< token → Transfer events (mints included)
    QMap<QString, QMap<QString, U256>> m_balances;     ///< token → holder → balance
    QMap<qint64, qint64> m_logsPerBlock;               ///< block → Transfer logs of the tokens, read from the node
};

void TestFaults::initTestCase()
{
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
    qInfo("generated %d transfers in %.1f s", TransferCount, double(timer.elapsed()) / 1000.0);
    m_head = traffic->value(u"toBlock"_s).toInteger();
    const auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(head, qPrintable(error));
    QCOMPARE(head->toString().mid(2).toLongLong(nullptr, 16), m_head);

    qint64 total = 0;
    for (const QString &token : std::as_const(m_tokens)) {
        m_transfers.insert(token, traffic->value(u"transfers"_s)[token].toInteger());
        total += m_transfers.value(token);
        const QJsonObject balances = traffic->value(u"balances"_s)[token].toObject();
        QCOMPARE(balances.size(), HolderCount);
        for (auto it = balances.begin(); it != balances.end(); ++it) {
            auto value = u256::fromDecimal(it.value().toString());
            QVERIFY(value);
            m_balances[token].insert(it.key().toLower(), *value);
        }
    }
    QCOMPARE(total, qint64(TransferCount + TokenCount * HolderCount));

    // Per block, for checking what a crash leaves behind; its total must match the generator's.
    const auto logs = m_devnet.rpc(u"eth_getLogs"_s,
                                   {QJsonObject{{u"fromBlock"_s, u"0x0"_s},
                                                {u"toBlock"_s, QString(u"0x"_s + QString::number(m_head, 16))},
                                                {u"address"_s, QJsonArray::fromStringList(m_tokens)},
                                                {u"topics"_s, QJsonArray{u"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"_s}}}},
                                   &error);
    QVERIFY2(logs, qPrintable(error));
    QCOMPARE(logs->toArray().size(), total);
    for (const QJsonValue &log : logs->toArray())
        ++m_logsPerBlock[log[u"blockNumber"_s].toString().mid(2).toLongLong(nullptr, 16)];
}

void TestFaults::addChain(const TestDatabase &db, const QList<QUrl> &urls)
{
    QStringList args{u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(m_chainId),
                     u"--start-block"_s, QString::number(m_startBlock), u"--poll-interval"_s, u"250"_s};
    for (const QUrl &url : urls)
        args << u"--rpc"_s << url.toString();
    for (const QString &token : std::as_const(m_tokens))
        args << u"--token"_s << token;
    const Run r = arborctl(db, args);
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
}

std::optional<qint64> TestFaults::checkpoint(Store &store)
{
    auto rows = store.query(u"SELECT block_number FROM "_s + ddl::adminTable(store.backend(), u"checkpoints"_s) + u" WHERE chain_id = ?"_s,
                            {m_chainId});
    if (!rows) {
        qWarning() << "cannot read the checkpoint:" << rows.error().toString();
        return std::nullopt;
    }
    if (rows->isEmpty())
        return std::nullopt;
    return rows->first().first().toLongLong();
}

QList<EndpointRow> TestFaults::endpointRows(Store &store)
{
    QList<EndpointRow> list;
    auto rows = store.query(u"SELECT url, status, error_rate, last_error, request_count, failure_count FROM "_s
                                + ddl::adminTable(store.backend(), u"rpc_endpoints"_s) + u" WHERE chain_id = ? ORDER BY priority"_s,
                            {m_chainId});
    if (!rows) {
        qWarning() << "cannot read rpc_endpoints:" << rows.error().toString();
        return list;
    }
    for (const SqlRow &r : *rows)
        list.append({r[0].toString(), r[1].toString(), r[2].toDouble(), r[3].toString(), r[4].toLongLong(), r[5].toLongLong()});
    return list;
}

std::optional<qint64> TestFaults::verifyConsistent(Store &store)
{
    const Backend backend = store.backend();
    const QString blocks = ddl::entityTable(backend, ddl::TableKind::Production, m_chainId, u"blocks"_s);
    const QString transfers = ddl::entityTable(backend, ddl::TableKind::Production, m_chainId, u"token_transfers"_s);
    const std::optional<qint64> cp = checkpoint(store);
    const qint64 top = cp.value_or(m_startBlock - 1);
    [&] {
        if (cp) {
            QVERIFY2(*cp >= m_startBlock && *cp <= m_head, qPrintable(u"checkpoint %1"_s.arg(*cp)));
        }
        // The blocks a chain counting blocks with events keeps (the default): those with
        // transfers and the checkpoint, each once, none outside the indexed range.
        auto b = store.query(u"SELECT COUNT(*), COUNT(DISTINCT number), MIN(number), MAX(number) FROM "_s + blocks);
        QVERIFY2(b, whyNot(b).constData());
        const SqlRow &br = b->first();
        QVERIFY2(br[0].toLongLong() <= top - m_startBlock + 1, qPrintable(u"%1 blocks stored"_s.arg(br[0].toLongLong())));
        QCOMPARE(br[1].toLongLong(), br[0].toLongLong());
        if (cp) {
            QVERIFY2(br[2].toLongLong() >= m_startBlock, qPrintable(u"block %1 stored"_s.arg(br[2].toLongLong())));
            QCOMPARE(br[3].toLongLong(), *cp);
        } else {
            QCOMPARE(br[0].toLongLong(), qint64(0));
        }
        auto headless = store.query(u"SELECT COUNT(*) FROM "_s + transfers + u" t WHERE NOT EXISTS (SELECT 1 FROM "_s + blocks
                                    + u" b WHERE b.number = t.block_number)"_s);
        QVERIFY2(headless, whyNot(headless).constData());
        QCOMPARE(headless->first()[0].toLongLong(), qint64(0));

        // Every Transfer of those blocks, once.
        auto t = store.query(u"SELECT COUNT(*), MAX(block_number) FROM "_s + transfers);
        QVERIFY2(t, whyNot(t).constData());
        auto distinct = store.query(u"SELECT COUNT(*) FROM (SELECT DISTINCT block_number, log_index FROM "_s + transfers + u") d"_s);
        QVERIFY2(distinct, whyNot(distinct).constData());
        QCOMPARE(t->first()[0].toLongLong(), distinct->first()[0].toLongLong());
        qint64 expected = 0;
        for (auto it = m_logsPerBlock.begin(); it != m_logsPerBlock.end() && it.key() <= top; ++it)
            expected += it.value();
        QCOMPARE(t->first()[0].toLongLong(), expected);
        if (expected > 0)
            QVERIFY(t->first()[1].toLongLong() <= top);

        // index_progress: one contiguous range from the start block to the checkpoint.
        auto p = store.query(u"SELECT from_block, to_block FROM "_s + ddl::adminTable(backend, u"index_progress"_s)
                                 + u" WHERE chain_id = ? ORDER BY from_block"_s,
                             {m_chainId});
        QVERIFY2(p, whyNot(p).constData());
        QStringList ranges;
        for (const SqlRow &r : *p)
            ranges << u"%1-%2"_s.arg(r[0].toLongLong()).arg(r[1].toLongLong());
        QCOMPARE(ranges, cp ? QStringList{u"%1-%2"_s.arg(m_startBlock).arg(*cp)} : QStringList{});
    }();
    return cp;
}

void TestFaults::verifyExactlyIndexed(const TestDatabase &db)
{
    auto store = db.open(false);
    QVERIFY(store);
    const std::optional<qint64> cp = verifyConsistent(*store);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(cp.value_or(-1), m_head);

    // What the operator sees: chain list says indexed through the head.
    const Run list = arborctl(db, {u"chain"_s, u"list"_s, u"--json"_s});
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    const QJsonArray chains = list.array();
    QCOMPARE(chains.size(), 1);
    QCOMPARE(chains.first()[u"checkpointBlock"_s].toInteger(), m_head);

    // Transfers per token, and every holder's balance summed from the indexed rows.
    auto rows = store->query(u"SELECT token, from_address, to_address, value FROM "_s
                             + ddl::entityTable(store->backend(), ddl::TableKind::Production, m_chainId, u"token_transfers"_s));
    QVERIFY2(rows, whyNot(rows).constData());
    QMap<QString, qint64> counts;
    QMap<QString, QMap<QString, U256>> in, out;
    const QString zero = u"0x"_s + QString(40, u'0');
    for (const SqlRow &r : *rows) {
        const QString token = addressText(r[0]);
        auto value = store->u256FromValue(r[3], u"value"_s);
        QVERIFY2(value, whyNot(value).constData());
        ++counts[token];
        const QString from = addressText(r[1]);
        const QString to = addressText(r[2]);
        if (from != zero)
            out[token][from] += *value;
        if (to != zero)
            in[token][to] += *value;
    }
    QCOMPARE(counts, m_transfers);
    for (const QString &token : std::as_const(m_tokens)) {
        QMap<QString, U256> balances;
        for (auto it = in[token].cbegin(); it != in[token].cend(); ++it) {
            const U256 spent = out[token].value(it.key());
            QVERIFY2(spent <= it.value(), qPrintable(u"%1 spent more %2 than it received"_s.arg(it.key(), token)));
            balances.insert(it.key(), it.value() - spent);
        }
        for (auto it = out[token].cbegin(); it != out[token].cend(); ++it)
            QVERIFY2(in[token].contains(it.key()), qPrintable(u"%1 spent %2 it never received"_s.arg(it.key(), token)));
        const QMap<QString, U256> &expected = m_balances.value(token);
        QCOMPARE(balances.keys(), expected.keys());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QVERIFY2(balances.value(it.key()) == it.value(),
                     qPrintable(u"%1 of %2: indexed %3, generated %4"_s.arg(it.key(), token, u256::toDecimal(balances.value(it.key())),
                                                                           u256::toDecimal(it.value()))));
        }
    }
}

void TestFaults::indexesExactlyThroughFaultyEndpoint()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    FaultProxy proxy(m_devnet.rpcUrl(), 11);
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    // chain add probes the URL: register it while the proxy passes everything through.
    addChain(db, {proxy.url()});
    if (QTest::currentTestFailed())
        return;

    FaultPlan plan;
    plan.delay = 0.10;              // some beyond the client's 1.5 s timeout
    plan.delayMinMs = 50;
    plan.delayMaxMs = 2500;
    plan.serverError = 0.06;        // 500, 502, 503
    plan.tooManyRequests = 0.03;
    plan.rpcError = 0.04;
    plan.malformedJson = 0.04;
    plan.truncatedJson = 0.04;
    plan.connectionReset = 0.04;
    plan.slowDrip = 0.03;           // 28 % of the requests get a wrong answer, none, or one too slow
    plan.slowDripIntervalMs = 200;
    proxy.resetCounters();
    proxy.setSeed(11);
    proxy.setFaults(plan);

    QElapsedTimer timer;
    timer.start();
    const Run r = arborctl(db, {u"index"_s, u"--until-block"_s, QString::number(m_head)},
                           environment({{u"ARBOR_RPC_TIMEOUT_MS"_s, u"1500"_s}, {u"ARBOR_INDEX_RANGE_BLOCKS"_s, u"3"_s}}));
    const FaultProxy::Counters counters = proxy.counters();
    qInfo("indexed through %lld in %.1f s: %llu requests, %llu answer faults, %llu delays", m_head, double(timer.elapsed()) / 1000.0,
          counters.requests, counters.answerFaults(), counters.fault(Fault::Delay));
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY2(r.out.contains(u"Indexed through block %1"_s.arg(m_head)), qPrintable(describe(r)));

    // The proxy was in the way: every kind of fault was served, and yet nothing is missing.
    for (Fault kind : {Fault::Delay, Fault::ServerError, Fault::TooManyRequests, Fault::RpcError, Fault::MalformedJson,
                       Fault::TruncatedJson, Fault::ConnectionReset, Fault::SlowDrip})
        QVERIFY2(counters.fault(kind) > 0, qPrintable(u"no %1 was injected in %2 requests"_s.arg(faultName(kind)).arg(counters.requests)));
    verifyExactlyIndexed(db);
    if (QTest::currentTestFailed())
        return;

    // …and the endpoint's row says what went wrong.
    auto store = db.open(false);
    const QList<EndpointRow> endpoints = endpointRows(*store);
    QCOMPARE(endpoints.size(), 1);
    const EndpointRow &e = endpoints.first();
    QCOMPARE(e.url, proxy.url().toString());
    QVERIFY2(e.failures > 0 && e.lastError.size() > 0 && e.errorRate > 0, qPrintable(describe(e)));
    QVERIFY2(e.requests > e.failures, qPrintable(describe(e)));
    // Each faulted answer is one recorded failure. Resets are left out (the HTTP client resends
    // once on a closed connection, so one failure may show as two resets at the proxy), and so
    // are the few requests still under way when arborctl exits. A 429 is no failure at all: the
    // endpoint is asked more slowly.
    const qint64 faulted = qint64(counters.answerFaults() - counters.fault(Fault::ConnectionReset) - counters.fault(Fault::TooManyRequests));
    QVERIFY2(e.failures >= faulted - 4, qPrintable(describe(e) + u" but %1 answers were faulted"_s.arg(counters.answerFaults())));
    QVERIFY2(e.lastError.contains(proxy.url().authority()), qPrintable(describe(e)));
}

void TestFaults::failsOverFromDeadEndpoint()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    FaultProxy dead(m_devnet.rpcUrl(), 21);
    FaultProxy alive(m_devnet.rpcUrl(), 22);
    QString error;
    QVERIFY2(dead.start(&error), qPrintable(error));
    QVERIFY2(alive.start(&error), qPrintable(error));
    // chain add refuses an unreachable URL, so both are alive when it probes them; the
    // preferred one (listed first) dies afterwards.
    addChain(db, {dead.url(), alive.url()});
    if (QTest::currentTestFailed())
        return;
    const QString deadUrl = dead.url().toString();
    QVERIFY(dead.setDead(true));
    alive.resetCounters();

    const Run r = arborctl(db, {u"index"_s, u"--until-block"_s, QString::number(m_head)},
                           environment({{u"ARBOR_INDEX_RANGE_BLOCKS"_s, u"5"_s}}));
    QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    QVERIFY(alive.counters().forwarded > 0);
    // One endpoint answering is not an outage.
    QVERIFY2(!r.err.contains(u"rpc down"_s), qPrintable(describe(r)));
    verifyExactlyIndexed(db);
    if (QTest::currentTestFailed())
        return;

    auto store = db.open(false);
    const QList<EndpointRow> endpoints = endpointRows(*store);
    QCOMPARE(endpoints.size(), 2);
    const EndpointRow &down = endpoints.at(0);
    const EndpointRow &up = endpoints.at(1);
    QCOMPARE(down.url, deadUrl);
    QVERIFY2(down.status == u"unreachable", qPrintable(describe(down)));
    QVERIFY2(down.failures > 0 && down.failures == down.requests && down.errorRate > 0, qPrintable(describe(down)));
    QVERIFY2(down.lastError.contains(u"Cannot reach"_s) && down.lastError.contains(dead.url().authority()), qPrintable(describe(down)));
    QCOMPARE(up.url, alive.url().toString());
    QVERIFY2(up.status == u"ok" && up.failures == 0 && up.requests > 0 && up.lastError.isEmpty(), qPrintable(describe(up)));
}

void TestFaults::reportsRpcDownAndResumesByItself()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    FaultProxy proxy(m_devnet.rpcUrl(), 31);
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    addChain(db, {proxy.url()});
    if (QTest::currentTestFailed())
        return;
    FaultPlan slow;
    slow.delay = 1.0;
    slow.delayMinMs = 100;
    slow.delayMaxMs = 250;
    proxy.setFaults(slow);

    proxy.resetCounters();   // chain add's probes asked for logs too
    QProcess serve;
    startArborctl(serve, Arborctl, db, {u"serve"_s}, environment({{u"ARBOR_INDEX_RANGE_BLOCKS"_s, u"3"_s}}));
    QVERIFY2(serve.waitForStarted(), qPrintable(serve.errorString()));
    QString err;
    auto stop = qScopeGuard([&] {
        if (serve.state() != QProcess::NotRunning) {
            serve.kill();
            serve.waitForFinished();
        }
    });
    auto readErr = [&] {
        err += QString::fromUtf8(serve.readAllStandardError());
        return err;
    };
    auto store = db.open(false);
    QVERIFY(store);

    // Some way in, every endpoint goes away: after the first few ranges' logs, so that what was
    // fetched before (at most maxRangesInFlight ranges more, promoted during the outage) does
    // not reach the head. Timed by the checkpoint instead (10 blocks in), the chain once
    // reached its head during the outage under ThreadSanitizer, where promotions lag far
    // behind the fetches: the ranges fetched before it were promoted during it.
    QTRY_VERIFY2_WITH_TIMEOUT(proxy.counters().callsByMethod.value(u"eth_getLogs"_s) >= 4, qPrintable(readErr()), 60000);
    QVERIFY(proxy.setDead(true));
    const qint64 downAt = checkpoint(*store).value_or(m_startBlock - 1);
    QVERIFY2(downAt < m_head - 15, qPrintable(u"indexed through %1 before the outage; the head is %2"_s.arg(downAt).arg(m_head)));
    // Said within seconds, not after the circuit breaker's whole back-off.
    const QString chainPrefix = u"arborctl: chain %1: "_s.arg(m_chainId);
    QElapsedTimer outage;
    outage.start();
    QTRY_VERIFY2_WITH_TIMEOUT(readErr().contains(chainPrefix + u"rpc down"_s), qPrintable(err), 15000);
    qInfo("rpc down reported %.1f s into the outage", double(outage.elapsed()) / 1000.0);
    const qsizetype downLine = err.indexOf(chainPrefix + u"rpc down"_s);
    QVERIFY2(err.mid(downLine).section(u'\n', 0, 0).contains(u"Every RPC endpoint is failing"_s), qPrintable(err));

    // It keeps running, and indexes nothing it cannot fetch.
    QTest::qWait(3000);
    QCOMPARE(serve.state(), QProcess::Running);
    const qint64 duringOutage = checkpoint(*store).value_or(m_startBlock - 1);
    QVERIFY2(duringOutage < m_head, qPrintable(u"reached the head %1 with every endpoint down"_s.arg(m_head)));
    const QList<EndpointRow> whileDown = endpointRows(*store);
    QCOMPARE(whileDown.size(), 1);
    QVERIFY2(whileDown.first().status == u"unreachable", qPrintable(describe(whileDown.first())));
    QVERIFY2(whileDown.first().lastError.contains(u"Cannot reach"_s), qPrintable(describe(whileDown.first())));

    // The endpoint comes back: indexing resumes without anyone touching it.
    QVERIFY(proxy.setDead(false));
    QElapsedTimer recovery;
    recovery.start();
    QTRY_VERIFY2_WITH_TIMEOUT(checkpoint(*store) == m_head, qPrintable(readErr()), 90000);
    qInfo("down at block %lld for ~3 s; caught up %.1f s after the endpoint came back", downAt, double(recovery.elapsed()) / 1000.0);
    // …and says so: the phase after "rpc down" is an indexing one again.
    QTRY_VERIFY2_WITH_TIMEOUT(readErr().mid(downLine + 1).contains(chainPrefix + u"live"_s)
                                  || err.mid(downLine + 1).contains(chainPrefix + u"catching up"_s),
                              qPrintable(err), 10000);
    QCOMPARE(serve.state(), QProcess::Running);

    serve.terminate();
    QVERIFY2(serve.waitForFinished(20000), qPrintable(readErr()));
    QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
    QVERIFY2(serve.exitCode() == 0, qPrintable(readErr()));

    verifyExactlyIndexed(db);
    if (QTest::currentTestFailed())
        return;
    const QList<EndpointRow> after = endpointRows(*store);
    QVERIFY2(after.first().status == u"ok" && after.first().failures > 0 && after.first().lastError.contains(u"Cannot reach"_s),
             qPrintable(describe(after.first())));
}

void TestFaults::survivesKill9AtRandomMoments()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    FaultProxy proxy(m_devnet.rpcUrl(), 41);
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    addChain(db, {proxy.url()});
    if (QTest::currentTestFailed())
        return;
    // Slow answers and one block per range: a run takes many seconds and promotes many times.
    FaultPlan slow;
    slow.delay = 1.0;
    slow.delayMinMs = 300;
    slow.delayMaxMs = 700;
    proxy.setFaults(slow);
    const QProcessEnvironment tuning = environment({{u"ARBOR_INDEX_RANGE_BLOCKS"_s, u"1"_s}});
    const QStringList index{u"index"_s, u"--until-block"_s, QString::number(m_head)};

    auto store = db.open(false);
    QVERIFY(store);
    // Slow promotions too, so that many kills land inside one: a trigger on the blocks table,
    // which a promotion writes first, takes ~0.2 s before the transfers, the progress and the
    // checkpoint are written. On PostgreSQL it also counts the promotions begun in a sequence,
    // which a rollback does not undo.
    const QString blocks = ddl::entityTable(store->backend(), ddl::TableKind::Production, m_chainId, u"blocks"_s);
    const bool postgres = store->backend() == Backend::Postgres;
    const QStringList slowPromotion = postgres
        ? QStringList{u"CREATE SEQUENCE public.test_promotions_begun"_s,
                      u"CREATE TABLE public.test_promotions_committed (x INTEGER)"_s,
                      u"CREATE FUNCTION public.test_slow_promotion() RETURNS trigger LANGUAGE plpgsql AS $$ "
                      "BEGIN PERFORM nextval('public.test_promotions_begun'); INSERT INTO public.test_promotions_committed VALUES (1); "
                      "PERFORM pg_sleep(0.2); RETURN NULL; END $$"_s,
                      u"CREATE TRIGGER test_slow_promotion AFTER INSERT ON "_s + blocks
                          + u" FOR EACH STATEMENT EXECUTE FUNCTION public.test_slow_promotion()"_s}
        : QStringList{u"CREATE TABLE test_pad (x INTEGER)"_s,
                      u"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1500) INSERT INTO test_pad SELECT x FROM n"_s,
                      u"CREATE TRIGGER test_slow_promotion AFTER INSERT ON "_s + blocks
                          + u" BEGIN SELECT COUNT(*) FROM test_pad a, test_pad b; END"_s};
    for (const QString &sql : slowPromotion) {
        const Status s = store->exec(sql);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
    }
    // PostgreSQL: promotions begun and not committed, those cut off by kills and the one under way
    // if any. nextval() is seen by every session at once; the committed row only with its promotion.
    const auto promotionsNotCommitted = [&]() -> std::optional<qint64> {
        auto rows = store->query(u"SELECT (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM public.test_promotions_begun)"
                                 " - (SELECT COUNT(*) FROM public.test_promotions_committed)"_s);
        if (!rows || rows->isEmpty())
            return std::nullopt;
        return rows->first().first().toLongLong();
    };

    // The kills land at random moments of a run, from its start to well past its first
    // promotion. How long a run takes to promote once is measured first, on a run that is killed
    // as soon as its checkpoint appears: it is several times longer on a loaded machine or under
    // ThreadSanitizer, where fixed moments would mostly fall before the first promotion.
    QRandomGenerator random(4242);
    int kills = 0;
    int killsWithProgress = 0;
    bool finished = false;
    std::optional<qint64> last;
    QStringList log;
    int firstPromotionMs = 0;
    {
        QProcess p;
        QElapsedTimer started;
        started.start();
        startArborctl(p, Arborctl, db, index, tuning);
        QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
        const bool promoted = QTest::qWaitFor([&] { return checkpoint(*store).has_value() || p.state() == QProcess::NotRunning; }, 120000);
        firstPromotionMs = int(started.elapsed());
        QVERIFY2(promoted && p.state() == QProcess::Running,
                 qPrintable(u"the first run neither promoted a range nor kept running within %1 ms: %2"_s.arg(firstPromotionMs)
                                .arg(QString::fromUtf8(p.readAllStandardError()))));
        p.kill();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        ++kills;
        last = verifyConsistent(*store);
        if (QTest::currentTestFailed())
            return;
        if (last && *last < m_head)
            ++killsWithProgress;
        log << u"run 0 killed at its first checkpoint, %1, after %2 ms"_s.arg(last ? QString::number(*last) : u"none"_s).arg(firstPromotionMs);
        QTest::qWait(300);
    }
    qInfo("a run promotes its first range %d ms after it starts here", firstPromotionMs);
    // How long a run takes to begin promoting, as last seen: the machine's load changes during
    // the test (under ThreadSanitizer in CI three other suites run beside this one), and a run
    // 0 timed in a quiet moment left every later random kill before the promotions (CI: first
    // run 2.9 s, later runs began promoting 2.6-4.3 s in, 2 kills after progress).
    int promotionMs = firstPromotionMs;
    // Fourteen runs, and up to six more while fewer than three kills have landed after progress.
    for (int attempt = 1; (attempt < 14 || (attempt < 20 && killsWithProgress < 3)) && !finished; ++attempt) {
        // About half before the run could promote, half after. A run that gets three blocks
        // past the last checkpoint is killed there and then: on a loaded machine the first run
        // can take far longer to promote than the runs after it, and the chain must not be
        // indexed to its head before enough kills have landed.
        // On PostgreSQL every other run is killed inside a promotion, as soon as one is seen
        // begun and not committed: a random moment lands in one only now and then (none of 14
        // kills did once, where arborctl ran faster than the promotions were slow).
        const bool intoPromotion = postgres && attempt % 2 == 0;
        const int delayMs = intoPromotion ? 4 * promotionMs + 2000 : 50 + int(random.bounded(2 * promotionMs));
        const std::optional<qint64> cutOffBefore = intoPromotion ? promotionsNotCommitted() : std::nullopt;
        QProcess p;
        startArborctl(p, Arborctl, db, index, tuning);
        QVERIFY2(p.waitForStarted(), qPrintable(p.errorString()));
        QElapsedTimer running;
        running.start();
        bool capped = false;
        bool inPromotion = false;
        (void)QTest::qWaitFor([&] {   // what ended the wait is read below
            if (p.state() == QProcess::NotRunning)
                return true;
            if (intoPromotion) {
                const std::optional<qint64> open = promotionsNotCommitted();
                inPromotion = open && cutOffBefore && *open > *cutOffBefore;
                if (inPromotion)
                    return true;
            }
            const std::optional<qint64> cp = checkpoint(*store);
            capped = cp && *cp >= last.value_or(m_startBlock - 1) + 3;
            return capped;
        }, delayMs);
        const qint64 elapsedMs = running.elapsed();
        if (p.state() == QProcess::NotRunning) {
            finished = true;
            const QString err = QString::fromUtf8(p.readAllStandardError());
            QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, qPrintable(u"exit %1: %2"_s.arg(p.exitCode()).arg(err)));
            log << u"run %1 finished within %2 ms"_s.arg(attempt).arg(elapsedMs);
            break;
        }
        p.kill();   // SIGKILL: no clean shutdown; the lease and a transaction may be left open
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        ++kills;

        // Whatever moment it died at, the tables hold whole ranges only and nothing went back.
        const std::optional<qint64> now = verifyConsistent(*store);
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << log.join(u'\n') << "\nkilled after" << elapsedMs << "ms; stderr:" << p.readAllStandardError();
            return;
        }
        QVERIFY2(now.value_or(-1) >= last.value_or(-1),
                 qPrintable(u"checkpoint went back from %1 to %2"_s.arg(last.value_or(-1)).arg(now.value_or(-1))));
        if (now && now != last && *now < m_head)
            ++killsWithProgress;
        if (inPromotion)
            promotionMs = int(elapsedMs);
        log << u"run %1 killed after %2 ms at checkpoint %3%4"_s.arg(attempt).arg(elapsedMs).arg(now ? QString::number(*now) : u"none"_s,
                                                                inPromotion ? u" (inside a promotion)"_s
                                                                : capped    ? u" (three blocks on)"_s
                                                                            : QString());
        last = now;
        // Restarted the way a supervisor would, not in the same millisecond.
        QTest::qWait(300);
    }
    qInfo().noquote() << log.join(u'\n');
    QVERIFY2(kills >= 10, qPrintable(u"only %1 kills before indexing finished; slow it down"_s.arg(kills)));
    QVERIFY2(killsWithProgress >= 3, qPrintable(u"only %1 kills landed after some progress"_s.arg(killsWithProgress)));

    if (!finished) {
        const Run r = arborctl(db, index, tuning);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
    }
    verifyExactlyIndexed(db);
    if (QTest::currentTestFailed())
        return;

    if (postgres) {
        // Promotions begun beyond those committed were cut off by a kill and rolled back.
        auto begun = store->query(u"SELECT last_value FROM public.test_promotions_begun"_s);
        QVERIFY2(begun, whyNot(begun).constData());
        // The committed count rolls back with its promotion; the sequence does not.
        auto committed = store->query(u"SELECT COUNT(*) FROM public.test_promotions_committed"_s);
        QVERIFY2(committed, whyNot(committed).constData());
        const qint64 interrupted = begun->first().first().toLongLong() - committed->first().first().toLongLong();
        qInfo("%lld promotions were cut off by the %d kills and rolled back", interrupted, kills);
        QVERIFY2(interrupted >= 1, qPrintable(u"no kill landed inside a promotion (%1 begun)"_s.arg(begun->first().first().toLongLong())));
    }
}

} // namespace tst_faults

ARBOR_GUILESS_TEST_MAIN(faults, tst_faults::TestFaults)
#include "tst_faults.moc"

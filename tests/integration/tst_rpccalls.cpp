// The bill, visible: a devnet indexed by arborctl through a FaultProxy that counts every JSON-RPC
// call by method (batch elements one by one) as a hosted provider bills them, while it answers
// some requests with 503, 429 or a JSON-RPC error. What `chain list --json` says each method cost
// equals what the provider counted, over two arborctl processes (the counts add up in the
// database) and the balance queue's balanceOf batches; a price per call gives compute units;
// `/metrics` of `arborctl serve` shows the same counters. On SQLite and PostgreSQL.
//
// The functions share one devnet, proxy and database and run in declaration order.

#include "arborctlrun.h"
#include "buildpaths.h"
#include "devnet.h"
#include "faultproxy.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_rpccalls {

namespace {

const QString Arborctl = BuildPaths::arborctl();
constexpr quint64 Seed = 20250425;

ArborctlRun arborctl(const TestDatabase &db, const QStringList &args, int timeoutMs = 180000)
{
    return runArborctl(Arborctl, db, args, timeoutMs);
}

/// A provider having a very bad day (a devnet this small takes few requests): one request in five
/// answered 503, some 429, some a JSON-RPC error. Every one of them is retried, and billed again.
FaultPlan badDay()
{
    FaultPlan plan;
    plan.serverError = 0.2;
    plan.serverErrorStatuses = {503};
    plan.tooManyRequests = 0.05;
    plan.retryAfterSeconds = 1;
    plan.rpcError = 0.15;
    return plan;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString describe(const QMap<QString, quint64> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    return parts.join(u", ");
}

/// The chain's only endpoint as `chain list --json` shows it.
QJsonObject endpointRow(const TestDatabase &db, qint64 chainId)
{
    const QJsonArray endpoints = chainRow(Arborctl, db, chainId).value(u"endpoints"_s).toArray();
    return endpoints.size() == 1 ? endpoints.first().toObject() : QJsonObject();
}

/// "calls" of an endpoint row as method → calls, or → failed.
QMap<QString, quint64> callsOf(const QJsonObject &endpoint, const QString &field = u"calls"_s)
{
    QMap<QString, quint64> out;
    const QJsonObject calls = endpoint.value(u"calls"_s).toObject();
    for (auto it = calls.begin(); it != calls.end(); ++it) {
        const qint64 n = it.value().toObject().value(field).toInteger();
        if (n > 0 || field == u"calls")
            out.insert(it.key(), quint64(n));
    }
    return out;
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

/// The samples of `family` for `chain`, by their method label.
QMap<QString, double> samplesByMethod(const QByteArray &text, const QString &family, qint64 chain, QString *endpoint)
{
    static const QRegularExpression line(u"^([a-z_]+)\\{chain=\"(\\d+)\",endpoint=\"([^\"]*)\",method=\"([^\"]*)\"\\} (\\S+)$"_s);
    QMap<QString, double> out;
    for (const QString &l : QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts)) {
        const auto m = line.match(l);
        if (!m.hasMatch() || m.captured(1) != family || m.captured(2).toLongLong() != chain)
            continue;
        *endpoint = m.captured(3);
        out.insert(m.captured(4), m.captured(5).toDouble());
    }
    return out;
}

} // namespace

class TestRpcCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }
    void cleanupTestCase();

    void callsAreWhatTheProviderCounted();
    void balanceQueueCallsAreCountedToo();
    void pricesGiveComputeUnits();
    void metricsShowTheSameCounts();

private:
    /// `chain list --json` against the proxy's counters: empty when they agree.
    QString mismatch(QJsonObject *endpoint = nullptr);

    Devnet m_devnet;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<FaultProxy> m_proxy;
    qint64 m_chainId = 0;
    qint64 m_head = 0;
    QString m_token;
    bool m_indexed = false;
    QProcess m_serve;
};

void TestRpcCalls::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    m_chainId = qint64(m_devnet.chainId());
    const auto deployed = m_devnet.deployTokens(1, &error);
    QVERIFY2(deployed, qPrintable(error));
    const QJsonObject token = deployed->value(u"tokens"_s).toArray().first().toObject();
    const QString address = token.value(u"address"_s).toString();
    m_token = address;
    const qint64 startBlock = token.value(u"deployBlock"_s).toInteger();
    QVERIFY2(m_devnet.generateTraffic({address}, 300, 30, 30, Seed, &error), qPrintable(error));
    // Quiet blocks after the traffic, as on a real chain.
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x50"_s}, &error), qPrintable(error));
    const auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(head, qPrintable(error));
    m_head = head->toString().mid(2).toLongLong(nullptr, 16);

    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_proxy = std::make_unique<FaultProxy>(m_devnet.rpcUrl(), Seed);
    QVERIFY2(m_proxy->start(&error), qPrintable(error));
    const ArborctlRun added = arborctl(*m_db, {u"chain"_s, u"add"_s, u"--name"_s, u"billed"_s, u"--chain-id"_s, QString::number(m_chainId),
                                               u"--rpc"_s, m_proxy->url().toString(), u"--start-block"_s, QString::number(startBlock),
                                               u"--token"_s, address});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
}

void TestRpcCalls::cleanupTestCase()
{
    if (m_serve.state() == QProcess::Running) {
        m_serve.terminate();
        m_serve.waitForFinished(30000);
    }
}

QString TestRpcCalls::mismatch(QJsonObject *endpointOut)
{
    const FaultProxy::Counters counters = m_proxy->counters();
    const QJsonObject endpoint = endpointRow(*m_db, m_chainId);
    if (endpointOut)
        *endpointOut = endpoint;
    const QMap<QString, quint64> calls = callsOf(endpoint);
    const QMap<QString, quint64> failed = callsOf(endpoint, u"failed"_s);
    quint64 total = 0;
    for (quint64 n : calls)
        total += n;
    if (calls != counters.callsByMethod)
        return u"calls by method: Arbor says %1; the provider counted %2"_s.arg(describe(calls), describe(counters.callsByMethod));
    if (failed != counters.faultedCallsByMethod)
        return u"failed calls by method: Arbor says %1; the provider failed %2"_s.arg(describe(failed), describe(counters.faultedCallsByMethod));
    if (endpoint.value(u"callsTotal"_s).toInteger() != qint64(total))
        return u"callsTotal is not the sum of the calls: "_s + compact(endpoint);
    return {};
}

void TestRpcCalls::callsAreWhatTheProviderCounted()
{
    // Only what indexing sends from here on: chain add's probes are not counted (see the report
    // of "the bill": they go through JsonRpcClient, not an EndpointPool).
    m_proxy->resetCounters();
    m_proxy->setFaults(badDay());

    // Two arborctl processes, one after the other: the second adds to what the first recorded.
    const qint64 halfway = m_head - 40;
    const ArborctlRun first = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(halfway)});
    QVERIFY2(first.exitCode == 0, qPrintable(describe(first)));
    QJsonObject endpoint;
    QString problem = mismatch(&endpoint);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const qint64 afterFirst = endpoint.value(u"callsTotal"_s).toInteger();
    QVERIFY2(afterFirst > 0, qPrintable(compact(endpoint)));

    const ArborctlRun second = arborctl(*m_db, {u"index"_s, u"--chain"_s, QString::number(m_chainId), u"--until-block"_s, QString::number(m_head)});
    QVERIFY2(second.exitCode == 0, qPrintable(describe(second)));
    m_indexed = true;
    problem = mismatch(&endpoint);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qInfo().noquote() << "calls after two processes:" << compact(endpoint.value(u"calls"_s).toObject());
    QVERIFY2(endpoint.value(u"callsTotal"_s).toInteger() > afterFirst, qPrintable(compact(endpoint)));

    // The bad day happened, and its failures are counted apart.
    const FaultProxy::Counters counters = m_proxy->counters();
    QVERIFY2(counters.answerFaults() > 0, "the proxy faulted nothing: the failed counts were not exercised");
    QVERIFY2(endpoint.value(u"callsFailed"_s).toInteger() > 0, qPrintable(compact(endpoint)));
    // What indexing needs: logs and block headers, and the head.
    const QJsonObject calls = endpoint.value(u"calls"_s).toObject();
    for (const char *method : {"eth_getLogs", "eth_getBlockByNumber", "eth_blockNumber"})
        QVERIFY2(calls.value(QLatin1String(method)).toObject().value(u"calls"_s).toInteger() > 0, method);
    // Nothing priced yet: no compute units.
    QVERIFY2(endpoint.value(u"computeUnitsTotal"_s).isNull(), qPrintable(compact(endpoint)));
    QVERIFY2(calls.value(u"eth_getLogs"_s).toObject().value(u"computeUnits"_s).isNull(), qPrintable(compact(endpoint)));

    // The plain list says it in a line per endpoint.
    const ArborctlRun list = arborctl(*m_db, {u"chain"_s, u"list"_s});
    QVERIFY2(list.exitCode == 0, qPrintable(describe(list)));
    const QString expected = u"%1 calls, %2 failed: "_s.arg(endpoint.value(u"callsTotal"_s).toInteger()).arg(endpoint.value(u"callsFailed"_s).toInteger());
    QVERIFY2(list.out.contains(expected), qPrintable(expected + u"\nnot in:\n"_s + list.out));
    QVERIFY2(list.out.contains(u"eth_getLogs %1"_s.arg(calls.value(u"eth_getLogs"_s).toObject().value(u"calls"_s).toInteger())), qPrintable(list.out));
}

void TestRpcCalls::balanceQueueCallsAreCountedToo()
{
    QVERIFY2(m_indexed, "needs the indexing of callsAreWhatTheProviderCounted");
    // balanceOf for every holder, in batches, by the queue's workers: calls on the same bill.
    // Failures at the HTTP level only here: a batch answered with an error per call is an answer
    // to the client, whose elements the worker reads (and retries) itself.
    FaultPlan plan = badDay();
    plan.rpcError = 0;
    m_proxy->setFaults(plan);
    const ArborctlRun mode = arborctl(*m_db, {u"chain"_s, u"set-balance-mode"_s, u"--chain"_s, QString::number(m_chainId), u"--token"_s, m_token,
                                              u"--mode"_s, u"balance_of"_s}, 60000);
    QVERIFY2(mode.exitCode == 0, qPrintable(describe(mode)));
    const ArborctlRun drained = arborctl(*m_db, {u"queue"_s, u"run"_s, u"--until-empty"_s, u"--json"_s});
    QVERIFY2(drained.exitCode == 0, qPrintable(describe(drained)));
    QVERIFY2(drained.object().value(u"completed"_s).toInteger() > 0, qPrintable(drained.out));
    QJsonObject endpoint;
    const QString problem = mismatch(&endpoint);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    qInfo().noquote() << "calls after the queue:" << compact(endpoint.value(u"calls"_s).toObject());
    QVERIFY2(endpoint.value(u"calls"_s).toObject().value(u"eth_call"_s).toObject().value(u"calls"_s).toInteger() > 0, qPrintable(compact(endpoint)));
    m_proxy->setFaults(badDay());
}

void TestRpcCalls::pricesGiveComputeUnits()
{
    QVERIFY2(m_indexed, "needs the indexing of callsAreWhatTheProviderCounted");
    const QString url = m_proxy->url().toString();
    const auto price = [&](const QString &method, const QString &units) {
        QStringList args{u"chain"_s, u"set-rpc-price"_s, u"--chain"_s, QString::number(m_chainId), u"--endpoint"_s, url, u"--method"_s, method};
        args += units.isEmpty() ? QStringList{u"--clear"_s} : QStringList{u"--units"_s, units};
        return arborctl(*m_db, args, 60000);
    };
    // Alchemy's prices.
    for (const auto &[method, units] : {std::pair{u"eth_getLogs"_s, u"75"_s}, {u"eth_getBlockByNumber"_s, u"16"_s}, {u"eth_blockNumber"_s, u"10"_s}}) {
        const ArborctlRun set = price(method, units);
        QVERIFY2(set.exitCode == 0, qPrintable(describe(set)));
        QVERIFY2(set.out.contains(u"%1 units per call"_s.arg(units)), qPrintable(set.out));
    }
    QVERIFY(price(u"eth_blockNumber"_s, QString()).exitCode == 0);

    const QJsonObject endpoint = endpointRow(*m_db, m_chainId);
    const QJsonObject calls = endpoint.value(u"calls"_s).toObject();
    const qint64 logs = calls.value(u"eth_getLogs"_s).toObject().value(u"calls"_s).toInteger();
    const qint64 headers = calls.value(u"eth_getBlockByNumber"_s).toObject().value(u"calls"_s).toInteger();
    QVERIFY2(logs > 0 && headers > 0, qPrintable(compact(endpoint)));
    QCOMPARE(calls.value(u"eth_getLogs"_s).toObject().value(u"computeUnits"_s).toInteger(), logs * 75);
    QCOMPARE(calls.value(u"eth_getBlockByNumber"_s).toObject().value(u"computeUnits"_s).toInteger(), headers * 16);
    // Cleared: not priced, so no units, and not in the total.
    QVERIFY2(calls.value(u"eth_blockNumber"_s).toObject().value(u"computeUnits"_s).isNull(), qPrintable(compact(endpoint)));
    QCOMPARE(endpoint.value(u"computeUnitsTotal"_s).toInteger(), logs * 75 + headers * 16);
    QCOMPARE(endpoint.value(u"pricePerCall"_s).toObject(), (QJsonObject{{u"eth_getLogs"_s, 75}, {u"eth_getBlockByNumber"_s, 16}}));

    // Refused, naming what is wrong, and nothing changed.
    const ArborctlRun badMethod = price(u"eth getLogs"_s, u"75"_s);
    QVERIFY2(badMethod.exitCode == 2 && badMethod.err.contains(u"--method"_s), qPrintable(describe(badMethod)));
    const ArborctlRun otherUrl = arborctl(*m_db, {u"chain"_s, u"set-rpc-price"_s, u"--chain"_s, QString::number(m_chainId), u"--endpoint"_s,
                                                  u"https://nowhere.example.org/"_s, u"--method"_s, u"eth_getLogs"_s, u"--units"_s, u"1"_s}, 60000);
    QVERIFY2(otherUrl.exitCode == 2 && otherUrl.err.contains(u"--endpoint"_s) && otherUrl.err.contains(m_proxy->url().authority()),
             qPrintable(describe(otherUrl)));
    QCOMPARE(endpointRow(*m_db, m_chainId).value(u"pricePerCall"_s), endpoint.value(u"pricePerCall"_s));
}

void TestRpcCalls::metricsShowTheSameCounts()
{
    QVERIFY2(m_indexed, "needs the indexing of callsAreWhatTheProviderCounted");
    // Paused: serve indexes nothing on it, so the counters stand still while they are compared.
    const ArborctlRun paused = arborctl(*m_db, {u"chain"_s, u"pause"_s, QString::number(m_chainId)}, 60000);
    QVERIFY2(paused.exitCode == 0, qPrintable(describe(paused)));
    const FaultProxy::Counters counters = m_proxy->counters();

    const quint16 port = freePort();
    QVERIFY(port != 0);
    startArborctl(m_serve, Arborctl, *m_db, {u"serve"_s, u"--metrics"_s, u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY(m_serve.waitForStarted());
    QNetworkAccessManager network;
    const auto scrape = [&]() -> QByteArray {
        QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(port)));
        request.setTransferTimeout(10000);
        QNetworkReply *reply = network.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            finished.wait(15000);
        reply->deleteLater();
        return reply->error() == QNetworkReply::NoError ? reply->readAll() : QByteArray();
    };
    QByteArray text;
    QString endpoint;
    QMap<QString, double> calls;
    QTRY_VERIFY2_WITH_TIMEOUT((text = scrape(), calls = samplesByMethod(text, u"arbor_rpc_calls_total"_s, m_chainId, &endpoint), !calls.isEmpty()),
                              qPrintable(QString::fromUtf8(text) + QString::fromUtf8(m_serve.readAllStandardError())), 60000);

    for (const char *declared : {"# TYPE arbor_rpc_calls_total counter\n", "# TYPE arbor_rpc_failed_calls_total counter\n",
                                 "# TYPE arbor_rpc_compute_units_total counter\n"})
        QVERIFY2(text.contains(declared), declared);
    QVERIFY2(endpoint.contains(m_proxy->url().authority()), qPrintable(endpoint));
    QMap<QString, quint64> shown;
    for (auto it = calls.cbegin(); it != calls.cend(); ++it)
        shown.insert(it.key(), quint64(it.value()));
    QVERIFY2(shown == counters.callsByMethod,
             qPrintable(u"/metrics says %1; the provider counted %2"_s.arg(describe(shown), describe(counters.callsByMethod))));
    QMap<QString, quint64> failed;
    for (auto [method, n] : samplesByMethod(text, u"arbor_rpc_failed_calls_total"_s, m_chainId, &endpoint).asKeyValueRange()) {
        if (n > 0)
            failed.insert(method, quint64(n));
    }
    QVERIFY2(failed == counters.faultedCallsByMethod,
             qPrintable(u"/metrics failed %1; the provider failed %2"_s.arg(describe(failed), describe(counters.faultedCallsByMethod))));
    // Units only where a price is set: eth_getLogs at 75 and eth_getBlockByNumber at 16.
    const QMap<QString, double> units = samplesByMethod(text, u"arbor_rpc_compute_units_total"_s, m_chainId, &endpoint);
    QCOMPARE(units.keys(), (QList<QString>{u"eth_getBlockByNumber"_s, u"eth_getLogs"_s}));
    QCOMPARE(units.value(u"eth_getLogs"_s), double(counters.callsByMethod.value(u"eth_getLogs"_s) * 75));
    QCOMPARE(units.value(u"eth_getBlockByNumber"_s), double(counters.callsByMethod.value(u"eth_getBlockByNumber"_s) * 16));

    m_serve.terminate();
    QVERIFY2(m_serve.waitForFinished(30000), "arborctl serve did not stop on SIGTERM");
}

} // namespace tst_rpccalls

ARBOR_GUILESS_TEST_MAIN(rpccalls, tst_rpccalls::TestRpcCalls)
#include "tst_rpccalls.moc"

// Self-test of FaultProxy: what a plain HTTP client sees through it must be the upstream's
// answer when no fault is drawn, and exactly the configured failure when one is, or every
// engine test built on it would be testing against the wrong failures.

#include "devnet.h"
#include "faultproxy.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using arbor::test::CallRateBucket;
using arbor::test::Devnet;
using arbor::test::FaultPlan;
using arbor::test::FaultProxy;
using arbor::test::LimitedRequest;
using arbor::test::ProviderLimits;
using Fault = FaultProxy::Fault;

namespace {

const QString Account0 = u"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"_s;
const QString TransferTopic = u"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"_s;

QString blockTag(quint64 block)
{
    return u"0x"_s + QString::number(block, 16);
}

QJsonObject logFilter(const QString &from, const QString &to)
{
    return QJsonObject{{u"fromBlock"_s, from}, {u"toBlock"_s, to}};
}

/// What a client saw for one request.
struct Exchange
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QByteArray retryAfter;
    QByteArray contentLength;
    QByteArray contentType;
    qint64 elapsedMs = 0;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    bool isJson() const
    {
        QJsonParseError parseError;
        QJsonDocument::fromJson(body, &parseError);
        return parseError.error == QJsonParseError::NoError;
    }
};

QByteArray call(const QString &method, const QJsonArray &params = {}, int id = 1)
{
    const QJsonObject body{
        {u"jsonrpc"_s, u"2.0"_s},
        {u"id"_s, id},
        {u"method"_s, method},
        {u"params"_s, params},
    };
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

QByteArray batch(const QList<QByteArray> &calls)
{
    QJsonArray array;
    for (const QByteArray &one : calls)
        array.append(QJsonDocument::fromJson(one).object());
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QNetworkReply *send(QNetworkAccessManager &network, const QUrl &url, const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
    request.setTransferTimeout(timeoutMs);
    return network.post(request, body);
}

Exchange collect(QNetworkReply *reply)
{
    Exchange exchange;
    exchange.error = reply->error();
    exchange.errorString = reply->errorString();
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        exchange.body = reply->readAll();
    exchange.retryAfter = reply->rawHeader("Retry-After");
    exchange.contentLength = reply->rawHeader("Content-Length");
    exchange.contentType = reply->rawHeader("Content-Type");
    return exchange;
}

Exchange post(QNetworkAccessManager &network, const QUrl &url, const QByteArray &body, int timeoutMs = 10000)
{
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<QNetworkReply> reply(send(network, url, body, timeoutMs));
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Exchange exchange = collect(reply.get());
    exchange.elapsedMs = clock.elapsed();
    return exchange;
}

} // namespace

class TestFaultProxy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void planDrawsInProportion();
    void passthroughAnswersLikeTheUpstream_data();
    void passthroughAnswersLikeTheUpstream();
    void keepsConnectionsAlive();
    void answersPipelinedRequestsInOrderWhileTheTestBlocks();
    void httpErrorFaults_data();
    void httpErrorFaults();
    void rpcErrorCarriesTheRequestIds();
    void malformedJsonIsNotJson();
    void truncatedJsonIsAPrefixWithMatchingLength();
    void connectionResetGivesANetworkError();
    void delayHoldsTheAnswer();
    void slowDripOutlastsAClientTimeout();
    void slowDripDeliversEverythingToAPatientClient();
    void faultsOnlyTheChosenMethod();
    void sameSeedSameFaults();
    void deadRefusesAndRevives_data();
    void deadRefusesAndRevives();
    void refusingKeepsThePort();
    void countersAddUpUnderConcurrentMixedFaults();
    void stopsWithRequestsInFlightAndRestarts();
    void rateBucketKeepsTheAverageRate();
    void batchOverMaxBatchIsRefused();
    void burstOverTheRateGets429WithRetryAfter();
    void batchLargerThanTheRateIsAdmittedOnce();
    void logRangeOverTheMaximumIsRefused_data();
    void logRangeOverTheMaximumIsRefused();
    void logRangeIsCheckedPerCallOfABatch();
    void logResultsOverTheMaximumAreRefusedWithAUsableRange();
    void limitsComeBeforeThePlanDraws();
    void cleanupTestCase();

private:
    QUrl upstream() const { return m_devnet.rpcUrl(); }
    QUrl proxied() const { return m_proxy->url(); }
    void forceOnly(const std::function<void(FaultPlan &)> &configure);

    Devnet m_devnet;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestFaultProxy::forceOnly(const std::function<void(FaultPlan &)> &configure)
{
    FaultPlan plan;
    configure(plan);
    m_proxy->setFaults(plan);
}

void TestFaultProxy::initTestCase()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    for (int i = 0; i < 3; ++i)
        QVERIFY2(m_devnet.rpc(u"evm_mine"_s, {}, &error), qPrintable(error));
    // Enough blocks for eth_getLogs ranges over 500 blocks to be answered by the node.
    QVERIFY2(m_devnet.rpc(u"anvil_mine"_s, {u"0x258"_s}, &error), qPrintable(error));

    m_proxy = std::make_unique<FaultProxy>(m_devnet.rpcUrl(), 20240601);
    QVERIFY2(m_proxy->start(&error), qPrintable(error));
    QVERIFY(m_proxy->isRunning());
    QCOMPARE(m_proxy->url().host(), u"127.0.0.1"_s);
    QVERIFY(m_proxy->port() != 0);
    QVERIFY(m_proxy->port() != m_devnet.rpcUrl().port());

    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void TestFaultProxy::init()
{
    QVERIFY(m_proxy && m_proxy->isRunning());
    m_proxy->setPassthrough();
    m_proxy->setLimits(ProviderLimits::none());
    QVERIFY(m_proxy->setDead(false));
    // A connection from an earlier test would blur the connection count.
    m_network->clearConnectionCache();
    m_proxy->resetCounters();
}

void TestFaultProxy::planDrawsInProportion()
{
    const QByteArray body = call(u"eth_getLogs"_s);
    constexpr int Draws = 20000;
    const auto tally = [&](const FaultPlan &plan, quint64 seed) {
        std::map<int, int> counts; // -1: forwarded untouched
        int delays = 0;
        for (int n = 0; n < Draws; ++n) {
            const auto decision = plan.decide(body, seed, quint64(n));
            ++counts[decision.answer ? int(*decision.answer) : -1];
            if (decision.delayMs) {
                ++delays;
                if (*decision.delayMs < plan.delayMinMs || *decision.delayMs > plan.delayMaxMs)
                    return std::pair{std::map<int, int>{}, -1};
            }
        }
        return std::pair{counts, delays};
    };
    const auto near = [](int count, double share) { return std::abs(count - share * Draws) < 0.03 * Draws; };

    FaultPlan plan;
    plan.delay = 0.25;
    plan.serverError = 0.2;
    plan.connectionReset = 0.1;
    const auto [counts, delays] = tally(plan, 1);
    QVERIFY(near(delays, 0.25));
    QVERIFY(near(counts.at(-1), 0.7));
    QVERIFY(near(counts.at(int(Fault::ServerError)), 0.2));
    QVERIFY(near(counts.at(int(Fault::ConnectionReset)), 0.1));
    QCOMPARE(tally(plan, 1).first, counts); // a pure function of (plan, body, seed, number)

    // Over 1 in sum: every request is faulted, each kind in proportion.
    FaultPlan saturated;
    saturated.serverError = 1;
    saturated.malformedJson = 1;
    const auto [saturatedCounts, noDelays] = tally(saturated, 2);
    QCOMPARE(noDelays, 0);
    QVERIFY(!saturatedCounts.contains(-1));
    QVERIFY(near(saturatedCounts.at(int(Fault::ServerError)), 0.5));
    QVERIFY(near(saturatedCounts.at(int(Fault::MalformedJson)), 0.5));

    // Only the chosen method is drawn; an unparsable body matches on the quoted name.
    FaultPlan onlyLogs;
    onlyLogs.serverError = 1;
    onlyLogs.onlyMethod = u"eth_getLogs"_s;
    QVERIFY(onlyLogs.decide(body, 1, 0).answer);
    QVERIFY(!onlyLogs.decide(call(u"eth_blockNumber"_s), 1, 0).answer);
    QVERIFY(onlyLogs.decide("{\"method\":\"eth_getLogs\",", 1, 0).answer);
    QVERIFY(!onlyLogs.decide("{\"method\":\"eth_getLogsX\",", 1, 0).answer);
    QVERIFY(!FaultPlan::passthrough().decide(body, 1, 0).answer);
}

void TestFaultProxy::passthroughAnswersLikeTheUpstream_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("eth_chainId") << call(u"eth_chainId"_s);
    QTest::newRow("eth_blockNumber") << call(u"eth_blockNumber"_s, {}, 7);
    QTest::newRow("eth_getBlockByNumber") << call(u"eth_getBlockByNumber"_s, {u"0x1"_s, true}, 3);
    QTest::newRow("eth_getBalance") << call(u"eth_getBalance"_s, {Account0, u"latest"_s});
    QTest::newRow("eth_getLogs")
        << call(u"eth_getLogs"_s, {QJsonObject{{u"fromBlock"_s, u"0x0"_s}, {u"toBlock"_s, u"latest"_s}}});
    QTest::newRow("unknown method") << call(u"eth_noSuchMethod"_s);
    QTest::newRow("batch") << batch({call(u"eth_chainId"_s, {}, 1), call(u"net_version"_s, {}, 2)});
    QTest::newRow("not JSON") << QByteArray("{\"jsonrpc\":");
}

void TestFaultProxy::passthroughAnswersLikeTheUpstream()
{
    QFETCH(QByteArray, body);
    const Exchange direct = post(*m_network, upstream(), body);
    const Exchange viaProxy = post(*m_network, proxied(), body);
    QCOMPARE(viaProxy.error, direct.error);
    QCOMPARE(viaProxy.status, direct.status);
    QCOMPARE(viaProxy.body, direct.body);

    const FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.requests, 1u);
    QCOMPARE(counters.forwarded, 1u);
    QCOMPARE(counters.upstreamFailures, 0u);
    QCOMPARE(counters.answerFaults(), 0u);
    QCOMPARE(counters.fault(Fault::Delay), 0u);
}

void TestFaultProxy::keepsConnectionsAlive()
{
    for (int i = 0; i < 5; ++i) {
        const Exchange exchange = post(*m_network, proxied(), call(u"eth_blockNumber"_s, {}, i));
        QCOMPARE(exchange.status, 200);
        QCOMPARE(exchange.json()[u"id"_s].toInt(), i);
    }
    const FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.requests, 5u);
    QCOMPARE(counters.forwarded, 5u);
    QCOMPARE(counters.connections, 1u);
}

void TestFaultProxy::answersPipelinedRequestsInOrderWhileTheTestBlocks()
{
    // Two requests in one write, read back with blocking waits and no event loop: the proxy
    // must answer on its own thread, in order, on the one connection.
    QTcpSocket socket;
    socket.connectToHost(proxied().host(), proxied().port());
    QVERIFY(socket.waitForConnected(5000));
    QByteArray requests;
    for (int id : {11, 12}) {
        const QByteArray body = call(u"eth_chainId"_s, {}, id);
        requests += "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }
    socket.write(requests);
    QByteArray received;
    QDeadlineTimer deadline(10000);
    while (received.count("\"jsonrpc\"") < 2 && !deadline.hasExpired()) {
        if (socket.waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime()))))
            received += socket.readAll();
    }
    QCOMPARE(received.count("HTTP/1.1 200 OK"), 2);
    QVERIFY(received.contains("Connection: keep-alive"));
    const qsizetype first = received.indexOf("\"id\":11");
    const qsizetype second = received.indexOf("\"id\":12");
    QVERIFY(first >= 0);
    QVERIFY(second > first);
    QCOMPARE(m_proxy->counters().connections, 1u);
    QCOMPARE(m_proxy->counters().forwarded, 2u);
}

void TestFaultProxy::httpErrorFaults_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("fault");
    QTest::addColumn<QNetworkReply::NetworkError>("error");
    QTest::newRow("500") << 500 << int(Fault::ServerError) << QNetworkReply::InternalServerError;
    QTest::newRow("502") << 502 << int(Fault::ServerError) << QNetworkReply::UnknownServerError;
    QTest::newRow("503") << 503 << int(Fault::ServerError) << QNetworkReply::ServiceUnavailableError;
    QTest::newRow("429") << 429 << int(Fault::TooManyRequests) << QNetworkReply::UnknownContentError;
}

void TestFaultProxy::httpErrorFaults()
{
    QFETCH(int, status);
    QFETCH(int, fault);
    QFETCH(QNetworkReply::NetworkError, error);
    forceOnly([&](FaultPlan &plan) {
        if (Fault(fault) == Fault::TooManyRequests) {
            plan.tooManyRequests = 1;
            plan.retryAfterSeconds = 7;
        } else {
            plan.serverError = 1;
            plan.serverErrorStatuses = {status};
        }
    });
    for (int i = 0; i < 3; ++i) {
        const Exchange exchange = post(*m_network, proxied(), call(u"eth_blockNumber"_s));
        QCOMPARE(exchange.status, status);
        QCOMPARE(exchange.error, error);
        QVERIFY(!exchange.isJson());
        QCOMPARE(exchange.retryAfter, Fault(fault) == Fault::TooManyRequests ? QByteArray("7") : QByteArray());
    }
    const FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.requests, 3u);
    QCOMPARE(counters.fault(Fault(fault)), 3u);
    QCOMPARE(counters.answerFaults(), 3u);
    QCOMPARE(counters.forwarded, 0u);
    QCOMPARE(counters.connections, 1u); // error answers keep the connection
}

void TestFaultProxy::rpcErrorCarriesTheRequestIds()
{
    forceOnly([](FaultPlan &plan) { plan.rpcError = 1; });
    const Exchange single = post(*m_network, proxied(), call(u"eth_blockNumber"_s, {}, 42));
    QCOMPARE(single.error, QNetworkReply::NoError);
    QCOMPARE(single.status, 200);
    const QJsonObject answer = single.json().object();
    QCOMPARE(answer[u"id"_s].toInt(), 42);
    QVERIFY(!answer.contains(u"result"_s));
    QCOMPARE(answer[u"error"_s][u"code"_s].toInt(), -32000);
    QCOMPARE(answer[u"error"_s][u"message"_s].toString(), u"internal error"_s);

    forceOnly([](FaultPlan &plan) {
        plan.rpcError = 1;
        plan.rpcErrorCode = -32005;
        plan.rpcErrorMessage = u"limit exceeded"_s;
    });
    const Exchange many =
        post(*m_network, proxied(), batch({call(u"eth_chainId"_s, {}, 1), call(u"eth_blockNumber"_s, {}, 2)}));
    QCOMPARE(many.status, 200);
    const QJsonArray answers = many.json().array();
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers[0][u"id"_s].toInt(), 1);
    QCOMPARE(answers[1][u"id"_s].toInt(), 2);
    QCOMPARE(answers[1][u"error"_s][u"code"_s].toInt(), -32005);
    QCOMPARE(answers[1][u"error"_s][u"message"_s].toString(), u"limit exceeded"_s);

    QCOMPARE(m_proxy->counters().fault(Fault::RpcError), 2u);
    QCOMPARE(m_proxy->counters().forwarded, 0u);
}

void TestFaultProxy::malformedJsonIsNotJson()
{
    forceOnly([](FaultPlan &plan) { plan.malformedJson = 1; });
    const Exchange exchange = post(*m_network, proxied(), call(u"eth_blockNumber"_s));
    QCOMPARE(exchange.error, QNetworkReply::NoError);
    QCOMPARE(exchange.status, 200);
    QVERIFY(!exchange.body.isEmpty());
    QVERIFY(!exchange.isJson());
    QCOMPARE(m_proxy->counters().fault(Fault::MalformedJson), 1u);
    QCOMPARE(m_proxy->counters().forwarded, 0u);
}

void TestFaultProxy::truncatedJsonIsAPrefixWithMatchingLength()
{
    const QByteArray body = call(u"eth_getBlockByNumber"_s, {u"0x1"_s, true}, 5);
    const Exchange direct = post(*m_network, upstream(), body);
    QCOMPARE(direct.status, 200);
    QVERIFY(direct.body.size() > 100);

    forceOnly([](FaultPlan &plan) { plan.truncatedJson = 1; });
    const Exchange exchange = post(*m_network, proxied(), body);
    QCOMPARE(exchange.error, QNetworkReply::NoError);
    QCOMPARE(exchange.status, 200);
    QCOMPARE(exchange.contentLength, QByteArray::number(exchange.body.size()));
    QVERIFY(!exchange.body.isEmpty());
    QVERIFY(exchange.body.size() < direct.body.size());
    QVERIFY(direct.body.startsWith(exchange.body));
    QVERIFY(!exchange.isJson());
    QCOMPARE(m_proxy->counters().fault(Fault::TruncatedJson), 1u);
    QCOMPARE(m_proxy->counters().forwarded, 1u);

    // The connection stays usable after a truncated answer.
    m_proxy->setPassthrough();
    QCOMPARE(post(*m_network, proxied(), body).body, direct.body);
}

void TestFaultProxy::connectionResetGivesANetworkError()
{
    forceOnly([](FaultPlan &plan) { plan.connectionReset = 1; });
    const Exchange exchange = post(*m_network, proxied(), call(u"eth_blockNumber"_s));
    QVERIFY2(exchange.error != QNetworkReply::NoError, qPrintable(exchange.errorString));
    QCOMPARE(exchange.status, 0);
    QVERIFY(exchange.body.isEmpty());

    // QNetworkAccessManager may resend a request whose connection died before any answer.
    const FaultProxy::Counters counters = m_proxy->counters();
    QVERIFY(counters.requests >= 1);
    QCOMPARE(counters.fault(Fault::ConnectionReset), counters.requests);
    QCOMPARE(counters.forwarded, 0u);

    m_proxy->setPassthrough();
    QCOMPARE(post(*m_network, proxied(), call(u"eth_blockNumber"_s)).status, 200);
}

void TestFaultProxy::delayHoldsTheAnswer()
{
    const QByteArray body = call(u"eth_chainId"_s);
    const Exchange direct = post(*m_network, upstream(), body);

    forceOnly([](FaultPlan &plan) {
        plan.delay = 1;
        plan.delayMinMs = 400;
        plan.delayMaxMs = 400;
    });
    const Exchange delayed = post(*m_network, proxied(), body);
    QCOMPARE(delayed.status, 200);
    QCOMPARE(delayed.body, direct.body);
    QVERIFY2(delayed.elapsedMs >= 400, qPrintable(QString::number(delayed.elapsedMs)));

    // A delay combines with an answer fault.
    forceOnly([](FaultPlan &plan) {
        plan.delay = 1;
        plan.delayMinMs = 300;
        plan.delayMaxMs = 350;
        plan.serverError = 1;
        plan.serverErrorStatuses = {503};
    });
    const Exchange delayedError = post(*m_network, proxied(), body);
    QCOMPARE(delayedError.status, 503);
    QVERIFY2(delayedError.elapsedMs >= 300, qPrintable(QString::number(delayedError.elapsedMs)));

    const FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.fault(Fault::Delay), 2u);
    QCOMPARE(counters.fault(Fault::ServerError), 1u);
    QCOMPARE(counters.forwarded, 1u);
}

void TestFaultProxy::slowDripOutlastsAClientTimeout()
{
    forceOnly([](FaultPlan &plan) {
        plan.slowDrip = 1;
        plan.slowDripIntervalMs = 1000;
        plan.slowDripBytes = 1;
    });
    const Exchange exchange = post(*m_network, proxied(), call(u"eth_blockNumber"_s), 300);
    QCOMPARE(exchange.error, QNetworkReply::OperationCanceledError);
    QVERIFY2(exchange.elapsedMs < 5000, qPrintable(QString::number(exchange.elapsedMs)));
    QCOMPARE(m_proxy->counters().fault(Fault::SlowDrip), 1u);
    QCOMPARE(m_proxy->counters().forwarded, 1u);
}

void TestFaultProxy::slowDripDeliversEverythingToAPatientClient()
{
    const QByteArray body = call(u"eth_getBlockByNumber"_s, {u"0x1"_s, false});
    const Exchange direct = post(*m_network, upstream(), body);
    forceOnly([](FaultPlan &plan) {
        plan.slowDrip = 1;
        plan.slowDripIntervalMs = 10;
        plan.slowDripBytes = 64;
    });
    const Exchange exchange = post(*m_network, proxied(), body);
    QCOMPARE(exchange.error, QNetworkReply::NoError);
    QCOMPARE(exchange.body, direct.body);
    QVERIFY(exchange.elapsedMs >= (direct.body.size() / 64) * 10);
}

void TestFaultProxy::faultsOnlyTheChosenMethod()
{
    forceOnly([](FaultPlan &plan) {
        plan.serverError = 1;
        plan.serverErrorStatuses = {503};
        plan.onlyMethod = u"eth_getLogs"_s;
    });
    const QJsonObject filter{{u"fromBlock"_s, u"0x0"_s}, {u"toBlock"_s, u"latest"_s}};
    QCOMPARE(post(*m_network, proxied(), call(u"eth_blockNumber"_s)).status, 200);
    QCOMPARE(post(*m_network, proxied(), call(u"eth_getLogs"_s, {filter})).status, 503);
    QCOMPARE(post(*m_network, proxied(), batch({call(u"eth_chainId"_s), call(u"eth_getLogs"_s, {filter}, 2)})).status,
             503);
    QCOMPARE(post(*m_network, proxied(), call(u"eth_getBlockByNumber"_s, {u"latest"_s, false})).status, 200);

    const FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.requests, 4u);
    QCOMPARE(counters.fault(Fault::ServerError), 2u);
    QCOMPARE(counters.forwarded, 2u);
}

void TestFaultProxy::sameSeedSameFaults()
{
    FaultPlan plan;
    plan.serverError = 0.5;
    plan.serverErrorStatuses = {500, 502, 503};
    m_proxy->setFaults(plan);
    const auto statuses = [this] {
        QList<int> seen;
        for (int i = 0; i < 40; ++i)
            seen << post(*m_network, proxied(), call(u"eth_chainId"_s, {}, i)).status;
        return seen;
    };
    m_proxy->setSeed(7);
    QCOMPARE(m_proxy->seed(), 7u);
    const QList<int> first = statuses();
    m_proxy->setSeed(7);
    QCOMPARE(statuses(), first);
    m_proxy->setSeed(8);
    QVERIFY(statuses() != first);

    // Each request is drawn anew, so a client that retries gets through, and every status
    // of the list comes up.
    for (int status : {200, 500, 502, 503})
        QVERIFY2(first.contains(status), qPrintable(QString::number(status)));
    QCOMPARE(m_proxy->counters().requests, 120u);
}

void TestFaultProxy::deadRefusesAndRevives_data()
{
    QTest::addColumn<FaultProxy::DeadMode>("mode");
    QTest::newRow("refuse") << FaultProxy::DeadMode::Refuse;
    QTest::newRow("reset") << FaultProxy::DeadMode::Reset;
}

void TestFaultProxy::deadRefusesAndRevives()
{
    QFETCH(FaultProxy::DeadMode, mode);
    // An open keep-alive connection must not outlive the outage.
    QCOMPARE(post(*m_network, proxied(), call(u"eth_chainId"_s)).status, 200);

    QVERIFY(m_proxy->setDead(true, mode));
    QVERIFY(m_proxy->isDead());
    const FaultProxy::Counters before = m_proxy->counters();
    for (int i = 0; i < 3; ++i) {
        const Exchange exchange = post(*m_network, proxied(), call(u"eth_chainId"_s));
        QVERIFY2(exchange.error != QNetworkReply::NoError, qPrintable(exchange.errorString));
        QCOMPARE(exchange.status, 0);
        if (mode == FaultProxy::DeadMode::Refuse)
            QCOMPARE(exchange.error, QNetworkReply::ConnectionRefusedError);
    }
    const FaultProxy::Counters during = m_proxy->counters();
    QCOMPARE(during.requests, before.requests);
    QCOMPARE(during.forwarded, before.forwarded);
    if (mode == FaultProxy::DeadMode::Reset)
        QVERIFY(during.deadResets >= 3);
    else
        QCOMPARE(during.deadResets, 0u);

    QVERIFY(m_proxy->setDead(false));
    QVERIFY(!m_proxy->isDead());
    QCOMPARE(post(*m_network, proxied(), call(u"eth_chainId"_s)).status, 200);
}

void TestFaultProxy::refusingKeepsThePort()
{
    // A refusing proxy's port must not be free for the taking: another test's node started on
    // it would answer the client at the proxy's URL, with another chain's head.
    FaultProxy proxy(upstream(), 7);
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    const quint16 port = quint16(proxy.url().port());
    QVERIFY(proxy.setDead(true, FaultProxy::DeadMode::Refuse));
    // Taking it as another process would: without SO_REUSEADDR.
    const auto bindsTo = [port] {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
        ::close(fd);
        return bound;
    };
    QVERIFY2(!bindsTo(), "the refusing proxy's port was free");
    QCOMPARE(post(*m_network, proxy.url(), call(u"eth_chainId"_s)).error, QNetworkReply::ConnectionRefusedError);
    QVERIFY(proxy.setDead(false));
    QCOMPARE(post(*m_network, proxy.url(), call(u"eth_chainId"_s)).status, 200);
}

void TestFaultProxy::countersAddUpUnderConcurrentMixedFaults()
{
    FaultPlan plan;
    plan.delay = 0.3;
    plan.delayMinMs = 1;
    plan.delayMaxMs = 50;
    plan.serverError = 0.1;
    plan.tooManyRequests = 0.1;
    plan.rpcError = 0.1;
    plan.malformedJson = 0.1;
    plan.truncatedJson = 0.1;
    plan.connectionReset = 0.1;
    m_proxy->setFaults(plan);

    constexpr int Requests = 60;
    int finished = 0;
    int answered = 0;
    QList<QNetworkReply *> replies;
    QEventLoop loop;
    for (int i = 0; i < Requests; ++i) {
        QNetworkReply *reply = send(*m_network, proxied(), call(u"eth_blockNumber"_s, {}, i), 10000);
        replies << reply;
        connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            answered += reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).isValid() ? 1 : 0;
            if (++finished == Requests)
                loop.quit();
        });
        if (i == Requests / 2) {
            plan.connectionReset = 0; // changing the plan mid-flight is safe
            m_proxy->setFaults(plan);
        }
    }
    QTimer::singleShot(20000, &loop, &QEventLoop::quit);
    loop.exec();
    qDeleteAll(replies);
    QCOMPARE(finished, Requests);

    const FaultProxy::Counters counters = m_proxy->counters();
    const quint64 notForwarded = counters.fault(Fault::ServerError) + counters.fault(Fault::TooManyRequests)
        + counters.fault(Fault::RpcError) + counters.fault(Fault::MalformedJson)
        + counters.fault(Fault::ConnectionReset);
    QCOMPARE(counters.requests, counters.forwarded + notForwarded);
    QVERIFY(counters.requests >= quint64(Requests));
    QVERIFY(counters.fault(Fault::Delay) > 0);
    QVERIFY(counters.answerFaults() > 0);
    QVERIFY(answered >= Requests - int(counters.fault(Fault::ConnectionReset)));
    QCOMPARE(counters.upstreamFailures, 0u);
}

void TestFaultProxy::stopsWithRequestsInFlightAndRestarts()
{
    FaultProxy proxy(upstream());
    QString error;
    QVERIFY2(proxy.start(&error), qPrintable(error));
    FaultPlan plan;
    plan.delay = 0.5;
    plan.delayMinMs = 60000;
    plan.delayMaxMs = 60000;
    // Every answer drips (a request the plan left unfaulted would be answered at once and
    // finish without an error before the proxy stops), and some are delayed first.
    plan.slowDrip = 1.0;
    plan.slowDripIntervalMs = 60000;
    proxy.setFaults(plan);

    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    std::vector<std::unique_ptr<QNetworkReply>> replies;
    // QNetworkAccessManager opens at most six connections to a host and queues the rest.
    for (int i = 0; i < 6; ++i)
        replies.emplace_back(send(network, proxy.url(), call(u"eth_chainId"_s, {}, i), 60000));
    QTRY_COMPARE(proxy.counters().requests, 6u);
    QVERIFY(proxy.counters().fault(Fault::Delay) > 0);
    QVERIFY(proxy.counters().fault(Fault::SlowDrip) > 0);

    proxy.stop();
    QVERIFY(!proxy.isRunning());
    for (const auto &reply : replies) {
        QTRY_VERIFY(reply->isFinished());
        QVERIFY(reply->error() != QNetworkReply::NoError);
    }

    // Started again, it listens anew (usually on another port) and counts from zero.
    QVERIFY2(proxy.start(&error), qPrintable(error));
    QCOMPARE(proxy.counters().requests, 0u);
    proxy.setPassthrough();
    QCOMPARE(post(network, proxy.url(), call(u"eth_chainId"_s)).status, 200);
    // The destructor stops a running proxy.
}

void TestFaultProxy::rateBucketKeepsTheAverageRate()
{
    // On a clock of our own: exact figures, no waiting.
    CallRateBucket bucket(5, 1000);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(bucket.take(1, 1000), 0);
    QCOMPARE(bucket.take(1, 1000), 1); // empty: exactly 0 tokens do not admit
    QCOMPARE(bucket.take(1, 1001), 0); // 0.005 tokens back admit one call...
    QCOMPARE(bucket.take(1, 1001), 1); // ...which leaves -0.995
    QCOMPARE(bucket.take(1, 1199), 1);
    QCOMPARE(bucket.take(1, 1201), 0);
    QCOMPARE(bucket.tokens(1000000), 5.0); // refills up to its capacity only

    // A batch beyond one second's allowance gets through on a full bucket, then the calls
    // after it wait until the average is kept: 10 calls at 5/s take 2 s.
    CallRateBucket afterBatch(5, 0);
    QCOMPARE(afterBatch.take(10, 0), 0);
    QCOMPARE(afterBatch.tokens(0), -5.0);
    QCOMPARE(afterBatch.take(1, 0), 2); // 1 s would leave exactly 0
    QCOMPARE(afterBatch.take(1, 999), 1);
    QCOMPARE(afterBatch.take(1, 1000), 1);
    QCOMPARE(afterBatch.take(1, 1001), 0);

    // Below one call a second the bucket still holds one call.
    CallRateBucket slow(0.5, 0);
    QCOMPARE(slow.take(1, 0), 0);
    QCOMPARE(slow.take(1, 0), 1);    // half a token a second later
    QCOMPARE(slow.take(1, 1000), 0);
    QCOMPARE(slow.take(1, 1000), 2); // -0.5 needs exactly 1 s
    QCOMPARE(slow.take(1, 2001), 0);

    QCOMPARE(CallRateBucket().take(1000, 0), 0); // rate 0: no limit

    // What the proxy sees of a request, before any upstream answer.
    ProviderLimits limits;
    limits.maxBatch = 2;
    QCOMPARE(LimitedRequest(QByteArray("[]"), limits).calls(), 0u);
    QCOMPARE(LimitedRequest("not JSON", limits).calls(), 1u);
    QVERIFY(LimitedRequest(call(u"eth_chainId"_s), limits).batchRefusalBody().isEmpty());
    QVERIFY(!LimitedRequest(batch({call(u"a"_s), call(u"b"_s), call(u"c"_s)}), limits).batchRefusalBody().isEmpty());

    // setLimits() and limits() round-trip; the default limits nothing.
    QCOMPARE(m_proxy->limits().maxBatch, 0);
    QCOMPARE(m_proxy->limits().requestsPerSecond, 0.0);
    QCOMPARE(m_proxy->limits().maxLogRange, 0u);
    QCOMPARE(m_proxy->limits().maxLogResults, 0);
    limits.requestsPerSecond = 2.5;
    limits.maxLogRange = 10;
    limits.maxLogResults = 7;
    m_proxy->setLimits(limits);
    QCOMPARE(m_proxy->limits().maxBatch, 2);
    QCOMPARE(m_proxy->limits().requestsPerSecond, 2.5);
    QCOMPARE(m_proxy->limits().maxLogRange, 10u);
    QCOMPARE(m_proxy->limits().maxLogResults, 7);
}

void TestFaultProxy::batchOverMaxBatchIsRefused()
{
    ProviderLimits limits;
    limits.maxBatch = 50;
    m_proxy->setLimits(limits);
    const auto calls = [](int n) {
        QList<QByteArray> list;
        for (int i = 0; i < n; ++i)
            list << call(u"eth_chainId"_s, {}, i + 1);
        return batch(list);
    };

    const Exchange refused = post(*m_network, proxied(), calls(51));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.contentType, QByteArray("application/json"));
    QCOMPARE(refused.body,
             QByteArray(R"({"jsonrpc":"2.0","id":null,"error":)"
                        R"({"code":-32600,"message":"batch size too large: 51 calls, at most 50"}})"));
    FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.batchRefused, 1u);
    QCOMPARE(counters.forwarded, 0u);
    QCOMPARE(counters.callsAdmitted, 0u);
    QCOMPARE(counters.largestBatchAdmitted, 0u);

    const Exchange admitted = post(*m_network, proxied(), calls(50));
    QCOMPARE(admitted.status, 200);
    QCOMPARE(admitted.json().array().size(), 50);
    QCOMPARE(admitted.json().array().at(49)[u"id"_s].toInt(), 50);
    QVERIFY(admitted.json().array().at(49)[u"result"_s].isString());
    // A single call is never a batch.
    QCOMPARE(post(*m_network, proxied(), call(u"eth_chainId"_s)).status, 200);

    counters = m_proxy->counters();
    QCOMPARE(counters.requests, 3u);
    QCOMPARE(counters.batchRefused, 1u);
    QCOMPARE(counters.forwarded, 2u);
    QCOMPARE(counters.callsAdmitted, 51u);
    QCOMPARE(counters.largestBatchAdmitted, 50u);
    QCOMPARE(counters.rateLimited + counters.rangeRefused + counters.resultsRefused, 0u);

    m_proxy->resetCounters();
    QCOMPARE(m_proxy->counters().batchRefused, 0u);
    QCOMPARE(m_proxy->counters().callsAdmitted, 0u);
    QCOMPARE(m_proxy->counters().largestBatchAdmitted, 0u);
}

void TestFaultProxy::burstOverTheRateGets429WithRetryAfter()
{
    ProviderLimits limits;
    limits.requestsPerSecond = 5;
    m_proxy->setLimits(limits);
    constexpr int Burst = 20;
    int passed = 0;
    int limited = 0;
    int retryAfter = 0;
    for (int i = 0; i < Burst; ++i) {
        const Exchange exchange = post(*m_network, proxied(), call(u"eth_blockNumber"_s, {}, i));
        if (exchange.status == 200) {
            ++passed;
            QCOMPARE(exchange.json()[u"id"_s].toInt(), i);
            continue;
        }
        QCOMPARE(exchange.status, 429);
        ++limited;
        bool isNumber = false;
        retryAfter = exchange.retryAfter.toInt(&isNumber);
        QVERIFY2(isNumber && retryAfter >= 1, exchange.retryAfter.constData());
        QCOMPARE(exchange.contentType, QByteArray("application/json"));
        QCOMPARE(exchange.body,
                 QByteArray(R"({"jsonrpc":"2.0","id":null,"error":)"
                            R"({"code":429,"message":"Too Many Requests: at most 5 requests per second"}})"));
    }
    QVERIFY2(limited > 0, "a burst of 20 calls at 5 per second must meet the limit");
    QVERIFY(passed >= 5); // the bucket starts full

    FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.requests, quint64(Burst));
    QCOMPARE(counters.rateLimited, quint64(limited));
    QCOMPARE(counters.callsAdmitted, quint64(passed));
    QCOMPARE(counters.forwarded, quint64(passed)); // a 429 is not forwarded

    // Retry-After is honest: a call sent that much later gets through.
    QTest::qWait(retryAfter * 1000);
    QCOMPARE(post(*m_network, proxied(), call(u"eth_blockNumber"_s)).status, 200);
    QCOMPARE(m_proxy->counters().rateLimited, quint64(limited));
}

void TestFaultProxy::batchLargerThanTheRateIsAdmittedOnce()
{
    ProviderLimits limits;
    limits.requestsPerSecond = 5;
    m_proxy->setLimits(limits);
    QList<QByteArray> calls;
    for (int i = 0; i < 10; ++i)
        calls << call(u"eth_chainId"_s, {}, i);

    const Exchange first = post(*m_network, proxied(), batch(calls));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().array().size(), 10);

    // The batch took 10 tokens of 5: about a second passes before the bucket is above 0.
    const Exchange next = post(*m_network, proxied(), call(u"eth_chainId"_s));
    QCOMPARE(next.status, 429);
    QVERIFY2(next.retryAfter == "1" || next.retryAfter == "2", next.retryAfter.constData());
    const Exchange again = post(*m_network, proxied(), batch(calls));
    QCOMPARE(again.status, 429);

    QTest::qWait(next.retryAfter.toInt() * 1000);
    QCOMPARE(post(*m_network, proxied(), call(u"eth_chainId"_s)).status, 200);

    const FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.rateLimited, 2u);
    QCOMPARE(counters.callsAdmitted, 11u);
    QCOMPARE(counters.largestBatchAdmitted, 10u);
    QCOMPARE(counters.forwarded, 2u);
}

void TestFaultProxy::logRangeOverTheMaximumIsRefused_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("refused");
    QTest::newRow("501 blocks") << u"0x0"_s << u"0x1f4"_s << true;
    QTest::newRow("501 blocks, upper-case hex") << u"0X64"_s << u"0x258"_s << true;
    QTest::newRow("500 blocks") << u"0x1"_s << u"0x1f4"_s << false;
    QTest::newRow("1 block") << u"0x5"_s << u"0x5"_s << false;
    QTest::newRow("to latest: not checked") << u"0x0"_s << u"latest"_s << false;
    QTest::newRow("from earliest: not checked") << u"earliest"_s << u"0x258"_s << false;
    QTest::newRow("to before from") << u"0x258"_s << u"0x0"_s << false;
}

void TestFaultProxy::logRangeOverTheMaximumIsRefused()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, refused);
    ProviderLimits limits;
    limits.maxLogRange = 500;
    m_proxy->setLimits(limits);

    const QByteArray body = call(u"eth_getLogs"_s, {logFilter(from, to)}, 77);
    const Exchange exchange = post(*m_network, proxied(), body);
    QCOMPARE(exchange.status, 200);
    const QJsonObject answer = exchange.json().object();
    QCOMPARE(answer[u"id"_s].toInt(), 77);
    const FaultProxy::Counters counters = m_proxy->counters();
    if (refused) {
        QVERIFY(!answer.contains(u"result"_s));
        QCOMPARE(answer[u"error"_s][u"code"_s].toInt(), -32600);
        QCOMPARE(answer[u"error"_s][u"message"_s].toString(), u"exceed maximum block range: 500"_s);
        QCOMPARE(counters.forwarded, 0u);
        QCOMPARE(counters.rangeRefused, 1u);
        QCOMPARE(counters.callsAdmitted, 0u);
    } else {
        QCOMPARE(exchange.body, post(*m_network, upstream(), body).body);
        QCOMPARE(counters.forwarded, 1u);
        QCOMPARE(counters.rangeRefused, 0u);
        QCOMPARE(counters.callsAdmitted, 1u);
    }
}

void TestFaultProxy::logRangeIsCheckedPerCallOfABatch()
{
    ProviderLimits limits;
    limits.maxLogRange = 500;
    m_proxy->setLimits(limits);
    const QByteArray tooWide = call(u"eth_getLogs"_s, {logFilter(u"0x0"_s, u"0x1f4"_s)}, 1);
    const QByteArray narrow = call(u"eth_getLogs"_s, {logFilter(u"0x1"_s, u"0x1f4"_s)}, 3);

    // The refused call is answered here, the others upstream, in the order of the calls.
    const Exchange mixed = post(*m_network, proxied(), batch({tooWide, call(u"eth_chainId"_s, {}, 2), narrow}));
    QCOMPARE(mixed.status, 200);
    const QJsonArray answers = mixed.json().array();
    QCOMPARE(answers.size(), 3);
    QCOMPARE(answers[0][u"id"_s].toInt(), 1);
    QCOMPARE(answers[0][u"error"_s][u"message"_s].toString(), u"exceed maximum block range: 500"_s);
    QCOMPARE(answers[1][u"id"_s].toInt(), 2);
    QCOMPARE(answers[1][u"result"_s], post(*m_network, upstream(), call(u"eth_chainId"_s)).json()[u"result"_s]);
    QCOMPARE(answers[2][u"id"_s].toInt(), 3);
    QVERIFY(answers[2][u"result"_s].isArray());
    FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.forwarded, 1u);
    QCOMPARE(counters.rangeRefused, 1u);
    QCOMPARE(counters.callsAdmitted, 2u);
    QCOMPARE(counters.largestBatchAdmitted, 2u);

    // A batch of refused calls only is not forwarded.
    const Exchange allRefused =
        post(*m_network, proxied(), batch({tooWide, call(u"eth_getLogs"_s, {logFilter(u"0x2"_s, u"0x258"_s)}, 9)}));
    QCOMPARE(allRefused.status, 200);
    QCOMPARE(allRefused.json().array().size(), 2);
    QCOMPARE(allRefused.json().array().at(1)[u"id"_s].toInt(), 9);
    QCOMPARE(allRefused.json().array().at(1)[u"error"_s][u"code"_s].toInt(), -32600);
    counters = m_proxy->counters();
    QCOMPARE(counters.forwarded, 1u);
    QCOMPARE(counters.rangeRefused, 3u);
    QCOMPARE(counters.callsAdmitted, 2u);
}

void TestFaultProxy::logResultsOverTheMaximumAreRefusedWithAUsableRange()
{
    QString error;
    const auto deployment = m_devnet.deployTokens(1, &error);
    QVERIFY2(deployment, qPrintable(error));
    const QString token = deployment->value(u"tokens"_s)[0][u"address"_s].toString();
    const auto traffic = m_devnet.generateTraffic({token}, 120, 10, 12, 5, &error);
    QVERIFY2(traffic, qPrintable(error));
    const quint64 fromBlock = quint64(traffic->value(u"fromBlock"_s).toInteger());
    const quint64 toBlock = quint64(traffic->value(u"toBlock"_s).toInteger());
    const auto transfers = [&](quint64 from, quint64 to, int id) {
        QJsonObject filter = logFilter(blockTag(from), blockTag(to));
        filter[u"address"_s] = token;
        filter[u"topics"_s] = QJsonArray{TransferTopic};
        return call(u"eth_getLogs"_s, {filter}, id);
    };

    const Exchange direct = post(*m_network, upstream(), transfers(fromBlock, toBlock, 1));
    const QJsonArray logs = direct.json()[u"result"_s].toArray();
    QCOMPARE(logs.size(), traffic->value(u"transfers"_s)[token].toInteger());
    std::map<QString, int> perBlock;
    for (const QJsonValue log : logs)
        ++perBlock[log[u"blockNumber"_s].toString()];
    const int cap = int(logs.size() / 2);
    const int busiest = std::max_element(perBlock.cbegin(), perBlock.cend(), [](const auto &a, const auto &b) {
                            return a.second < b.second;
                        })->second;
    QVERIFY2(busiest <= cap, "the traffic should spread its logs over blocks");

    ProviderLimits limits;
    limits.maxLogResults = cap;
    m_proxy->setLimits(limits);
    const Exchange refused = post(*m_network, proxied(), transfers(fromBlock, toBlock, 1));
    QCOMPARE(refused.status, 200);
    QCOMPARE(refused.json()[u"id"_s].toInt(), 1);
    QVERIFY(!refused.json().object().contains(u"result"_s));
    QCOMPARE(refused.json()[u"error"_s][u"code"_s].toInt(), -32005);
    const QString message = refused.json()[u"error"_s][u"message"_s].toString();
    const QRegularExpression infura(
        uR"(^query returned more than (\d+) results\. Try with this block range \[0x([0-9A-F]+), 0x([0-9A-F]+)\]\.$)"_s);
    const QRegularExpressionMatch hint = infura.match(message);
    QVERIFY2(hint.hasMatch(), qPrintable(message));
    QCOMPARE(hint.captured(1).toInt(), cap);
    const quint64 hintFrom = hint.captured(2).toULongLong(nullptr, 16);
    const quint64 hintTo = hint.captured(3).toULongLong(nullptr, 16);
    QCOMPARE(hintFrom, fromBlock);
    QVERIFY(hintTo >= hintFrom && hintTo < toBlock);
    FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.forwarded, 1u); // the upstream did the work
    QCOMPARE(counters.resultsRefused, 1u);

    // A client that follows the hint gets its logs.
    const Exchange narrowed = post(*m_network, proxied(), transfers(hintFrom, hintTo, 2));
    QCOMPARE(narrowed.status, 200);
    const qsizetype narrowedLogs = narrowed.json()[u"result"_s].toArray().size();
    QVERIFY(narrowedLogs > 0 && narrowedLogs <= cap);

    // In a batch each eth_getLogs answer is checked on its own.
    const Exchange mixed =
        post(*m_network, proxied(), batch({transfers(fromBlock, toBlock, 3), transfers(hintFrom, hintTo, 4)}));
    const QJsonArray answers = mixed.json().array();
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers[0][u"id"_s].toInt(), 3);
    QCOMPARE(answers[0][u"error"_s][u"code"_s].toInt(), -32005);
    QCOMPARE(answers[1][u"id"_s].toInt(), 4);
    QCOMPARE(answers[1][u"result"_s].toArray().size(), narrowedLogs);
    counters = m_proxy->counters();
    QCOMPARE(counters.resultsRefused, 2u);
    QCOMPARE(counters.callsAdmitted, 4u);

    // At the cap the answer passes untouched.
    limits.maxLogResults = int(logs.size());
    m_proxy->setLimits(limits);
    QCOMPARE(post(*m_network, proxied(), transfers(fromBlock, toBlock, 1)).body, direct.body);
    QCOMPARE(m_proxy->counters().resultsRefused, 2u);
}

void TestFaultProxy::limitsComeBeforeThePlanDraws()
{
    forceOnly([](FaultPlan &plan) {
        plan.serverError = 1;
        plan.serverErrorStatuses = {503};
    });
    ProviderLimits limits;
    limits.maxBatch = 2;
    limits.requestsPerSecond = 1;
    m_proxy->setLimits(limits);

    // The refused batch takes no tokens, so the next one is admitted, then faulted; it
    // takes two tokens of one, so the call after it meets the rate limit.
    QCOMPARE(post(*m_network, proxied(), batch({call(u"a"_s), call(u"b"_s), call(u"c"_s)})).status, 400);
    QCOMPARE(post(*m_network, proxied(), batch({call(u"a"_s), call(u"b"_s)})).status, 503);
    QCOMPARE(post(*m_network, proxied(), call(u"eth_chainId"_s)).status, 429);

    const FaultProxy::Counters counters = m_proxy->counters();
    QCOMPARE(counters.requests, 3u);
    QCOMPARE(counters.batchRefused, 1u);
    QCOMPARE(counters.rateLimited, 1u);
    QCOMPARE(counters.callsAdmitted, 2u);
    QCOMPARE(counters.largestBatchAdmitted, 2u);
    QCOMPARE(counters.fault(Fault::ServerError), 1u); // refused requests are not drawn
    QCOMPARE(counters.forwarded, 0u);
}

void TestFaultProxy::cleanupTestCase()
{
    if (m_proxy) {
        m_proxy->stop();
        QVERIFY(!m_proxy->isRunning());
        QVERIFY(m_proxy->url().isEmpty());
    }
    m_network.reset();
    m_devnet.stop();
}

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"

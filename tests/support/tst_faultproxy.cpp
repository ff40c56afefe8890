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
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <map>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;
using arbor::test::Devnet;
using arbor::test::FaultPlan;
using arbor::test::FaultProxy;
using Fault = FaultProxy::Fault;

namespace {

const QString Account0 = u"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"_s;

/// What a client saw for one request.
struct Exchange
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    int status = 0; // 0: no HTTP answer at all
    QByteArray body;
    QByteArray retryAfter;
    QByteArray contentLength;
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
    void countersAddUpUnderConcurrentMixedFaults();
    void stopsWithRequestsInFlightAndRestarts();
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
    plan.slowDrip = 0.5;
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

// Outages told as they are: the endpoint vocabulary (ok, rate limited, answering with errors,
// unreachable), recovery within seconds of a node's return through the open circuit's probes,
// and Probe now. Against FakeNodes on 127.0.0.1, on a test clock.

#include "fakenode.h"
#include "manualclock.h"
#include "model/endpointstatus.h"
#include "rpc/endpointpool.h"
#include "testmain.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QtTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_endpointoutage {

namespace {

EndpointRecord record(qint64 id, const QUrl &url)
{
    EndpointRecord r;
    r.id = id;
    r.url = url;
    return r;
}

/// One eth_blockNumber through the pool's head poll, the clock moved until it is answered.
Result<qint64> pollHeads(EndpointPool &pool, ManualClock &clock)
{
    std::optional<Result<qint64>> head;
    pool.pollHeads([&head](Result<qint64> r) { head.emplace(std::move(r)); });
    if (!runUntil(clock, pool, [&head] { return head.has_value(); }))
        return Error::internal(u"pollHeads never answered"_s);
    return *head;
}

RpcPolicy policy()
{
    RpcPolicy p;   // the product's probe schedule: 1 s, then doubling up to 3 s
    p.timeoutMs = 2000;
    p.backoffBaseMs = 20;
    p.maxAttempts = 1;
    return p;
}

} // namespace


class TestEndpointOutage final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }
    void tokens();
    void vocabulary_data();
    void vocabulary();
    void nodeErrorsNeverOpenTheCircuit();
    void recoversWithinSecondsOfTheNodesReturn();
    void probeNowClosesAnOpenCircuitAtOnce();

private:
    QNetworkAccessManager m_network;
};

void TestEndpointOutage::tokens()
{
    for (EndpointStatus s : {EndpointStatus::Unknown, EndpointStatus::Ok, EndpointStatus::RateLimited, EndpointStatus::AnsweringWithErrors,
                             EndpointStatus::Unreachable})
        QCOMPARE(endpointStatusFromToken(endpointStatusToken(s)), std::optional<EndpointStatus>(s));
    QCOMPARE(endpointStatusToken(EndpointStatus::AnsweringWithErrors), u"answering_with_errors"_s);
    QCOMPARE(endpointStatusText(EndpointStatus::AnsweringWithErrors), u"answering with errors"_s);
    QCOMPARE(endpointStatusText(EndpointStatus::Unreachable), u"unreachable"_s);
    // What earlier versions stored still reads.
    QCOMPARE(endpointStatusFromToken(u"down"), std::optional<EndpointStatus>(EndpointStatus::Unreachable));
    QCOMPARE(endpointStatusFromToken(u"degraded"), std::optional<EndpointStatus>(EndpointStatus::AnsweringWithErrors));
    QCOMPARE(endpointStatusFromToken(u"rate limited"), std::optional<EndpointStatus>(EndpointStatus::RateLimited));
    QCOMPARE(endpointStatusFromToken(u"sideways"), std::nullopt);
}

void TestEndpointOutage::vocabulary_data()
{
    QTest::addColumn<FakeNode::Mode>("mode");
    QTest::addColumn<bool>("nodeError");
    QTest::addColumn<EndpointStatus>("status");
    using M = FakeNode::Mode;
    using S = EndpointStatus;
    QTest::newRow("answers") << M::Ok << false << S::Ok;
    QTest::newRow("-32000 header not found") << M::Ok << true << S::AnsweringWithErrors;
    QTest::newRow("HTTP 500") << M::Http500 << false << S::AnsweringWithErrors;
    QTest::newRow("not JSON") << M::Garbage << false << S::AnsweringWithErrors;
    QTest::newRow("HTTP 503 from a gateway") << M::Flaky << false << S::Unreachable;
    QTest::newRow("connection closed") << M::Close << false << S::Unreachable;
    QTest::newRow("429") << M::Busy << false << S::RateLimited;
}

void TestEndpointOutage::vocabulary()
{
    QFETCH(FakeNode::Mode, mode);
    QFETCH(bool, nodeError);
    QFETCH(EndpointStatus, status);
    FakeNode node;
    QVERIFY(node.listen());
    node.mode = mode;
    node.flaky = 1000;
    node.busy = 1;
    if (nodeError)
        node.answers.insert(u"eth_blockNumber"_s, [](const QJsonArray &) { return FakeNode::Answer::error(-32000, u"header not found"_s); });
    const auto clock = std::make_shared<ManualClock>();
    EndpointPool pool(&m_network, {record(1, node.url())}, policy(), clock);
    QCOMPARE(pool.health()[0].status, EndpointStatus::Unknown);
    // A 429 is waited out and asked again: rate limited, not a failure.
    const auto head = pollHeads(pool, *clock);
    QCOMPARE(head.ok(), status == EndpointStatus::Ok || status == EndpointStatus::RateLimited);
    const EndpointHealth h = pool.health()[0];
    QVERIFY2(h.status == status, qPrintable(endpointStatusText(h.status) + u" – "_s + h.lastError));
    QCOMPARE(pool.allDown(), status == EndpointStatus::Unreachable);
}

void TestEndpointOutage::nodeErrorsNeverOpenTheCircuit()
{
    // A node that refuses a method but answers eth_blockNumber: reachable however often it
    // refuses, and its head is still read.
    FakeNode node;
    QVERIFY(node.listen());
    node.head = 150;
    const auto clock = std::make_shared<ManualClock>();
    RpcPolicy p = policy();
    p.breakerThreshold = 2;
    EndpointPool pool(&m_network, {record(1, node.url())}, p, clock);
    for (int i = 0; i < 6; ++i) {
        std::optional<Status> done;
        pool.send(R"({"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[]})"_ba, 1, std::nullopt,
                  [](const QByteArray &) -> Status { return Error::refused(u"node error -32601: method eth_getLogs is not available"_s); },
                  [&done](Status s) { done.emplace(std::move(s)); });
        QVERIFY(runUntil(*clock, pool, [&done] { return done.has_value(); }));
        QVERIFY(!done->ok());
    }
    EndpointHealth h = pool.health()[0];
    QVERIFY(!h.circuitOpen);
    QCOMPARE(h.status, EndpointStatus::AnsweringWithErrors);
    QVERIFY(!pool.allDown());
    const auto head = pollHeads(pool, *clock);
    QVERIFY2(head.ok(), qPrintable(head.ok() ? QString() : head.error().toString()));
    QCOMPARE(*head, qint64(150));
}

void TestEndpointOutage::recoversWithinSecondsOfTheNodesReturn()
{
    FakeNode node;
    QVERIFY(node.listen());
    node.mode = FakeNode::Mode::Flaky;
    node.flaky = 100000;
    const auto clock = std::make_shared<ManualClock>();
    const RpcPolicy p = policy();
    EndpointPool pool(&m_network, {record(1, node.url())}, p, clock);
    for (int i = 0; i < p.breakerThreshold; ++i)
        (void)pollHeads(pool, *clock);
    QVERIFY(pool.health()[0].circuitOpen);

    // A minute's outage: probes keep going, every few seconds at most.
    const int before = node.requests;
    QVERIFY(run(*clock, pool, 60000));
    const int probes = node.requests - before;
    qInfo("%d probes in a minute of outage", probes);
    QVERIFY2(probes >= 60000 / p.breakerMaxMs - 1 && probes <= 60000 / p.breakerBaseMs, qPrintable(QString::number(probes)));
    QCOMPARE(pool.health()[0].status, EndpointStatus::Unreachable);

    node.flaky = 0;
    const qint64 backAt = clock->elapsedMs();
    QVERIFY(runUntil(*clock, pool, [&pool] { return !pool.allDown(); }));
    const qint64 took = clock->elapsedMs() - backAt;
    qInfo("circuit closed %lld ms (test clock) after the node came back", took);
    QVERIFY2(took <= p.breakerMaxMs, qPrintable(QString::number(took)));
    QCOMPARE(pool.health()[0].status, EndpointStatus::Ok);
    QCOMPARE(pool.health()[0].lastHead, std::optional<qint64>(node.head));
}

void TestEndpointOutage::probeNowClosesAnOpenCircuitAtOnce()
{
    FakeNode node;
    FakeNode other;
    QVERIFY(node.listen());
    QVERIFY(other.listen());
    node.mode = FakeNode::Mode::Flaky;
    node.flaky = 100000;
    other.head = 90;
    const auto clock = std::make_shared<ManualClock>();
    RpcPolicy p = policy();
    p.breakerBaseMs = 60000;    // a long wait Probe now does not sit out
    p.breakerMaxMs = 60000;
    EndpointPool pool(&m_network, {record(1, node.url()), record(2, other.url())}, p, clock);
    for (int i = 0; i < p.breakerThreshold; ++i)
        (void)pollHeads(pool, *clock);
    QVERIFY(pool.health()[0].circuitOpen);

    node.flaky = 0;
    std::optional<QList<EndpointHealth>> probed;
    const qint64 askedAt = clock->elapsedMs();
    pool.probeNow([&probed](QList<EndpointHealth> h) { probed = std::move(h); });
    QVERIFY(QTest::qWaitFor([&probed] { return probed.has_value(); }, 10000));
    QCOMPARE(clock->elapsedMs(), askedAt);      // no wait at all
    QCOMPARE(probed->size(), 2);
    QVERIFY(!probed->at(0).circuitOpen);
    QCOMPARE(probed->at(0).status, EndpointStatus::Ok);
    QCOMPARE(probed->at(0).lastHead, std::optional<qint64>(node.head));
    QVERIFY(probed->at(0).lastHeadAtMs > 0);
    QCOMPARE(probed->at(1).lastHead, std::optional<qint64>(90));
    QVERIFY(!pool.health()[0].circuitOpen);
}

} // namespace tst_endpointoutage

ARBOR_GUILESS_TEST_MAIN(endpointoutage, tst_endpointoutage::TestEndpointOutage)
#include "tst_endpointoutage.moc"

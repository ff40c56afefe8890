// The endpoint pool against scriptable fake JSON-RPC nodes on 127.0.0.1, and the log range sizer.

#include "fakenode.h"
#include "manualclock.h"
#include "rpc/endpointpool.h"
#include "rpc/evmjson.h"
#include "rpc/rpcclock.h"
#include "testmain.h"
#include "testvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPointer>
#include <QSignalSpy>
#include <QtTest>

#include <functional>
#include <memory>
#include <optional>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_endpointpool {

namespace {

/// What a send() delivered to its callback.
struct Outcome
{
    std::optional<Status> status;
    QString result;     ///< the result string the answering node sent
    int calls = 0;
};

/// Stands in for the evmjson parsers: an error object is Refused, anything malformed Invalid.
EndpointPool::Parser parser(const std::shared_ptr<Outcome> &outcome)
{
    return [outcome](const QByteArray &body) -> Status {
        QJsonParseError error;
        const QJsonObject object = QJsonDocument::fromJson(body, &error).object();
        if (error.error != QJsonParseError::NoError)
            return Error::invalid(u"result"_s, u"the answer is not JSON"_s);
        if (object.contains(u"error"_s)) {
            const QJsonObject e = object.value(u"error"_s).toObject();
            return Error::refused(u"node error %1: %2"_s.arg(e.value(u"code"_s).toInt()).arg(e.value(u"message"_s).toString()));
        }
        const QString result = object.value(u"result"_s).toString();
        if (result == u"bad")
            return Error::invalid(u"result"_s, u"the node sent a bad result"_s);
        outcome->result = result;
        return {};
    };
}

std::shared_ptr<Outcome> post(EndpointPool &pool, std::optional<qint64> minHead = {}, int weight = 1)
{
    auto outcome = std::make_shared<Outcome>();
    pool.send(R"({"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[]})"_ba, weight, minHead, parser(outcome),
              [outcome](Status status) {
                  ++outcome->calls;
                  outcome->status.emplace(std::move(status));
              });
    return outcome;
}

/// Sends one request and waits for its outcome.
Outcome call(EndpointPool &pool, std::optional<qint64> minHead = {}, int timeoutMs = 10000)
{
    const auto outcome = post(pool, minHead);
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome->status.has_value(), timeoutMs); }();
    return *outcome;
}

/// Sends one request and moves `clock` on until its outcome.
Outcome call(EndpointPool &pool, ManualClock &clock)
{
    const auto outcome = post(pool);
    [&] { QVERIFY(runUntil(clock, pool, [&outcome] { return outcome->status.has_value(); })); }();
    return *outcome;
}

Result<qint64> pollHeads(EndpointPool &pool)
{
    std::optional<Result<qint64>> head;
    pool.pollHeads([&head](Result<qint64> r) { head.emplace(std::move(r)); });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(head.has_value(), 10000); }();
    if (!head)
        return Error::internal(u"pollHeads never answered"_s);
    return *head;
}

EndpointRecord record(qint64 id, const QUrl &url, int priority = 0, double rate = 0)
{
    EndpointRecord r;
    r.id = id;
    r.url = url;
    r.priority = priority;
    r.maxRequestsPerSecond = rate;
    return r;
}

/// Small times so that the tests run in seconds.
RpcPolicy quickPolicy()
{
    RpcPolicy policy;
    policy.timeoutMs = 2000;
    policy.backoffBaseMs = 20;
    policy.breakerBaseMs = 300;
    policy.breakerMaxMs = 2000;
    return policy;
}

QString describe(const Outcome &o)
{
    if (!o.status)
        return u"no outcome"_s;
    return o.status->ok() ? u"ok: "_s + o.result : o.status->error().toString();
}

} // namespace


class TestEndpointPool final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void failover_data();
    void failover();
    void reusesConnections();
    void rankingPrefersFasterEndpoint();
    void retriesBackOff();
    void circuitOpensAndHalfOpens();
    void rateLimitSpacesRequests();
    void batchHeavierThanBurst();
    void inFlightCap();
    void earlierBlocksGoFirst();
    void rangeTooLargeReturnsAtOnce();
    void rateLimitedIsNotAnOutage();
    void batchCapIsLearned();
    void logCapsAreLearned();
    void allDownThenRecovers();
    void pollHeads();
    void minHeadSkipsLaggingEndpoint();
    void pinnedRequestsStayOnTheirEndpoint();
    void nodeWithoutTheBlockIsBehindNotDown();
    void healthAfterFailures();
    void destroyWithRequestsUnderWay();
    void destroyFromCallback();
    void noEndpoints();

    void logRangeSizer();

private:
    QNetworkAccessManager m_network;
};

void TestEndpointPool::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void TestEndpointPool::failover_data()
{
    QTest::addColumn<FakeNode::Mode>("mode");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<EndpointStatus>("status");
    QTest::addColumn<QString>("code");

    // What failed says what the endpoint is: no answer from the node is "unreachable", an
    // answer with an error is "answering with errors", never "unreachable".
    using M = FakeNode::Mode;
    using S = EndpointStatus;
    QTest::newRow("closed port") << M::Ok << true << u"Cannot reach"_s << S::Unreachable << u"refused"_s;
    QTest::newRow("HTTP 500") << M::Http500 << false << u"HTTP 500 Internal Server Error: upstream exploded"_s << S::AnsweringWithErrors << QString();
    QTest::newRow("HTTP 503 from a gateway") << M::Flaky << false << u"HTTP 503"_s << S::Unreachable << u"http_503"_s;
    QTest::newRow("not JSON") << M::Garbage << false << u"the answer is not JSON"_s << S::AnsweringWithErrors << QString();
    QTest::newRow("parse says invalid") << M::BadResult << false << u"the node sent a bad result"_s << S::AnsweringWithErrors << QString();
    QTest::newRow("too large") << M::Large << false << u"sent a response larger than"_s << S::AnsweringWithErrors << QString();
    QTest::newRow("connection closed") << M::Close << false << QString() << S::Unreachable << u"closed"_s;
    QTest::newRow("no answer") << M::Silent << false << u"did not answer within 0.3 s"_s << S::Unreachable << u"timeout"_s;
}

void TestEndpointPool::failover()
{
    QFETCH(FakeNode::Mode, mode);
    QFETCH(bool, closed);
    QFETCH(QString, needle);
    QFETCH(EndpointStatus, status);
    QFETCH(QString, code);
    QTest::failOnWarning(QRegularExpression(u"device not open"_s));

    FakeNode dead(u"dead"_s);
    FakeNode live(u"live"_s);
    QVERIFY(dead.listen());
    QVERIFY(live.listen());
    dead.mode = mode;
    dead.flaky = 1000;
    const QUrl deadUrl = closed ? closedPort() : dead.url();

    RpcPolicy policy = quickPolicy();
    policy.timeoutMs = 300;
    policy.maxResponseBytes = 1024;
    // The dead endpoint is preferred by configuration: the pool must try it and move on.
    EndpointPool pool(&m_network, {record(1, deadUrl, 0), record(2, live.url(), 1)}, policy);
    const Outcome o = call(pool);
    QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
    QCOMPARE(o.calls, 1);
    QCOMPARE(o.result, u"live"_s);
    QCOMPARE(live.requests, 1);
    if (!closed)
        QVERIFY(dead.requests >= 1);

    const QList<EndpointHealth> health = pool.health();
    QCOMPARE(health.size(), 2);
    QCOMPARE(health[0].failures, qint64(1));
    QVERIFY2(health[0].lastError.contains(deadUrl.toString()), qPrintable(health[0].lastError));
    QVERIFY2(health[0].lastError.contains(needle), qPrintable(health[0].lastError));
    QCOMPARE(health[0].status, status);
    // A failure the node did not answer has a token an alert can word in any language.
    QCOMPARE(health[0].lastErrorCode, code);
    QCOMPARE(health[1].status, EndpointStatus::Ok);
    QCOMPARE(health[1].failures, qint64(0));
    QVERIFY(health[1].latencyMs > 0);
}

void TestEndpointPool::pinnedRequestsStayOnTheirEndpoint()
{
    // A range inside the reorg window reads its headers and then its logs on one node: the pool
    // picks the endpoint it ranks first, and requests sent to it are retried there, never
    // failed over, even when another endpoint would answer.
    FakeNode flaky(u"flaky"_s);
    FakeNode steady(u"steady"_s);
    QVERIFY(flaky.listen());
    QVERIFY(steady.listen());
    EndpointPool pool(&m_network, {record(1, flaky.url(), 0), record(2, steady.url(), 1)}, quickPolicy());
    const int picked = pool.pickEndpoint(std::nullopt);
    QCOMPARE(picked, 0);   // by configured priority, neither measured yet

    flaky.mode = FakeNode::Mode::Flaky;
    flaky.flaky = 2;       // two 503s, then answers
    auto outcome = std::make_shared<Outcome>();
    pool.send(R"({"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[]})"_ba, 1, std::nullopt, parser(outcome),
              [outcome](Status status) {
                  ++outcome->calls;
                  outcome->status.emplace(std::move(status));
              },
              picked);
    QTRY_VERIFY_WITH_TIMEOUT(outcome->status.has_value(), 10000);
    QVERIFY2(outcome->status->ok(), qPrintable(describe(*outcome)));
    QCOMPARE(outcome->result, u"flaky"_s);
    QCOMPARE(flaky.requests, 3);
    QCOMPARE(steady.requests, 0);

    // Unpinned, the same failures move the request to the other endpoint.
    flaky.flaky = 1000;
    const Outcome moved = call(pool);
    QVERIFY2(moved.status && moved.status->ok(), qPrintable(describe(moved)));
    QCOMPARE(moved.result, u"steady"_s);

    // Only an endpoint that reported the block is picked; none: -1 (any endpoint then).
    flaky.mode = FakeNode::Mode::Ok;
    flaky.head = 100;
    steady.head = 200;
    QVERIFY(tst_endpointpool::pollHeads(pool));
    QCOMPARE(pool.pickEndpoint(150), 1);
    QCOMPARE(pool.pickEndpoint(201), -1);
}

void TestEndpointPool::reusesConnections()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    EndpointPool pool(&m_network, {record(1, node.url())}, quickPolicy());
    for (int i = 0; i < 5; ++i) {
        const Outcome o = call(pool);
        QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
    }
    QCOMPARE(node.requests, 5);
    QCOMPARE(node.connections, 1);
}

// A node that answers null for a block (evmjson::blockNotServed) is behind, not failing: the
// block is asked of another endpoint, and with none serving it the error names the block.
void TestEndpointPool::nodeWithoutTheBlockIsBehindNotDown()
{
    FakeNode behind(u"behind"_s);
    FakeNode live(u"live"_s);
    QVERIFY(behind.listen());
    QVERIFY(live.listen());
    auto fetch = [](EndpointPool &pool) {
        auto outcome = std::make_shared<Outcome>();
        pool.send(evmjson::callRequest("eth_getBlockByNumber", "[\"0xc\",false]", 1), 1, std::nullopt,
                  [outcome](const QByteArray &body) -> Status {
                      outcome->result = QJsonDocument::fromJson(body).object().value(u"result"_s).toString();
                      return outcome->result == u"behind" ? Status(evmjson::blockNotServed(12)) : Status();
                  },
                  [outcome](Status status) {
                      ++outcome->calls;
                      outcome->status.emplace(std::move(status));
                  });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome->status.has_value(), 10000); }();
        return *outcome;
    };

    {
        // Preferred by configuration, but behind: the block comes from the other endpoint.
        EndpointPool pool(&m_network, {record(1, behind.url(), 0), record(2, live.url(), 1)}, quickPolicy());
        const Outcome o = fetch(pool);
        QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
        QCOMPARE(o.result, u"live"_s);
        QVERIFY(behind.requests >= 1);
        for (const EndpointHealth &h : pool.health()) {
            QCOMPARE(h.failures, qint64(0));
            QCOMPARE(h.status, EndpointStatus::Ok);
        }
        QVERIFY(!pool.allDown());
    }
    {
        // Only the node that is behind: not down, and the error says which block it lacks.
        EndpointPool pool(&m_network, {record(3, behind.url(), 0)}, quickPolicy());
        const Outcome o = fetch(pool);
        QVERIFY(o.status && !o.status->ok());
        const Error &e = o.status->error();
        QVERIFY2(evmjson::isBlockNotServed(e), qPrintable(e.toString()));
        QVERIFY2(e.message.contains(u"does not serve block 12 yet") && e.message.contains(behind.url().toString()), qPrintable(e.message));
        // The same as a code and its block, for a stall alert read in another language.
        QCOMPARE(e.code, u"block_not_served"_s);
        QCOMPARE(e.codeArgs, QStringList{u"12"_s});
        QVERIFY2(!e.toString().contains(u"].result"), qPrintable(e.toString()));
        QVERIFY(!pool.allDown());
        QCOMPARE(pool.health().first().status, EndpointStatus::Ok);
        QCOMPARE(pool.health().first().failures, qint64(0));
    }
}

void TestEndpointPool::rankingPrefersFasterEndpoint()
{
    FakeNode slow(u"slow"_s);
    FakeNode fast(u"fast"_s);
    QVERIFY(slow.listen());
    QVERIFY(fast.listen());
    slow.delayMs = 150;
    // The slow endpoint comes first by configuration; measurement must overrule that.
    EndpointPool pool(&m_network, {record(1, slow.url(), 0), record(2, fast.url(), 1)}, quickPolicy());
    QStringList answeredBy;
    for (int i = 0; i < 10; ++i) {
        const Outcome o = call(pool);
        QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
        answeredBy.append(o.result);
    }
    QVERIFY2(answeredBy.count(u"fast"_s) >= 8, qPrintable(answeredBy.join(u' ')));
    QCOMPARE(answeredBy.mid(5), QStringList(5, u"fast"_s));
    const auto health = pool.health();
    QVERIFY(health[0].latencyMs > health[1].latencyMs);
}

void TestEndpointPool::retriesBackOff()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.mode = FakeNode::Mode::Http500;
    RpcPolicy policy = quickPolicy();
    policy.maxAttempts = 4;
    policy.breakerThreshold = 10;
    policy.backoffBaseMs = 100;
    const auto clock = std::make_shared<ManualClock>();
    EndpointPool pool(&m_network, {record(1, node.url())}, policy, clock);

    const Outcome o = call(pool, *clock);
    QVERIFY(o.status && !o.status->ok());
    QCOMPARE(node.requests, 4);
    // Jittered backoff of at least half of 100, 200 and 400 ms between the four attempts.
    QVERIFY2(clock->elapsedMs() >= 330, qPrintable(QString::number(clock->elapsedMs())));
    QVERIFY2(o.status->error().message.contains(u"after 4 attempts"_s), qPrintable(o.status->error().message));
}

void TestEndpointPool::circuitOpensAndHalfOpens()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.mode = FakeNode::Mode::Flaky;     // 503 from a gateway: the node behind it is not reached
    node.flaky = 1000;
    RpcPolicy policy = quickPolicy();
    policy.maxAttempts = 1;
    policy.breakerThreshold = 3;
    policy.breakerBaseMs = 400;
    policy.breakerMaxMs = 1000;
    const auto clock = std::make_shared<ManualClock>();
    EndpointPool pool(&m_network, {record(1, node.url())}, policy, clock);
    QSignalSpy changed(&pool, &EndpointPool::healthChanged);

    for (int i = 0; i < 3; ++i) {
        const Outcome o = call(pool, *clock);
        QVERIFY(o.status && !o.status->ok());
    }
    QCOMPARE(node.requests, 3);
    QVERIFY(pool.health()[0].circuitOpen);
    QCOMPARE(pool.health()[0].status, EndpointStatus::Unreachable);
    QVERIFY(pool.allDown());

    // Open: a request fails at once instead of hammering the endpoint or waiting for it.
    const Outcome refused = call(pool, *clock);
    QVERIFY(refused.status && !refused.status->ok());
    QVERIFY2(refused.status->error().message.contains(u"unreachable"_s), qPrintable(refused.status->error().message));
    QCOMPARE(node.requests, 3);

    // Probes go by themselves: the first after breakerBaseMs, then at doubling waits capped at breakerMaxMs.
    QVERIFY(run(*clock, pool, 399));
    QCOMPARE(node.requests, 3);
    QVERIFY(run(*clock, pool, 2));
    QCOMPARE(node.requests, 4);
    QCOMPARE(node.methods.last(), u"eth_blockNumber"_s);
    QVERIFY(run(*clock, pool, 800));
    QCOMPARE(node.requests, 5);
    QVERIFY(run(*clock, pool, 1000));
    QCOMPARE(node.requests, 6);
    QVERIFY(pool.health()[0].circuitOpen);

    // The node comes back: the next probe, within breakerMaxMs, closes the circuit at once.
    node.flaky = 0;
    const qint64 backAt = clock->elapsedMs();
    QVERIFY(runUntil(*clock, pool, [&pool] { return !pool.health()[0].circuitOpen; }));
    QVERIFY2(clock->elapsedMs() - backAt <= policy.breakerMaxMs, qPrintable(QString::number(clock->elapsedMs() - backAt)));
    const EndpointHealth h = pool.health()[0];
    QCOMPARE(h.status, EndpointStatus::Ok);
    QCOMPARE(h.lastHead, std::optional<qint64>(node.head));
    QVERIFY(!pool.allDown());
    const Outcome o = call(pool, *clock);
    QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
    QVERIFY(changed.count() >= 3);
}

void TestEndpointPool::rateLimitSpacesRequests()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    const auto clock = std::make_shared<ManualClock>();
    node.clock = [clock] { return clock->elapsedMs(); };
    // 20 requests/s with a burst of 20: 40 requests need about one second.
    EndpointPool pool(&m_network, {record(1, node.url(), 0, 20)}, quickPolicy(), clock);
    QList<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < 40; ++i)
        outcomes.append(post(pool));
    QVERIFY(runUntil(*clock, pool, [&outcomes] {
        return std::all_of(outcomes.begin(), outcomes.end(), [](const auto &o) { return o->status.has_value(); });
    }));
    const qint64 elapsed = clock->elapsedMs();
    for (const auto &o : std::as_const(outcomes))
        QVERIFY2(o->status->ok(), qPrintable(describe(*o)));
    QCOMPARE(node.requests, 40);
    QVERIFY2(elapsed >= 800, qPrintable(QString::number(elapsed)));
    // After the burst, requests arrive spaced: no more than ~5 in any 250 ms.
    const QList<qint64> &t = node.arrivalsMs;
    for (int i = 25; i + 7 < t.size(); ++i)
        QVERIFY2(t[i + 7] - t[i] >= 250, qPrintable(u"requests %1-%2 within %3 ms"_s.arg(i).arg(i + 7).arg(t[i + 7] - t[i])));
}

void TestEndpointPool::batchHeavierThanBurst()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    const auto clock = std::make_shared<ManualClock>();
    EndpointPool pool(&m_network, {record(1, node.url(), 0, 20)}, quickPolicy(), clock);
    // A batch of 50 calls goes at once on a full bucket of 20, which then owes 30 tokens.
    auto batch = post(pool, {}, 50);
    QVERIFY(runUntil(*clock, pool, [&batch] { return batch->status.has_value(); }));
    QVERIFY2(batch->status->ok(), qPrintable(describe(*batch)));
    QVERIFY2(clock->elapsedMs() < 1000, qPrintable(QString::number(clock->elapsedMs())));
    const Outcome next = call(pool, *clock);
    QVERIFY2(next.status && next.status->ok(), qPrintable(describe(next)));
    QVERIFY2(clock->elapsedMs() >= 1200, qPrintable(QString::number(clock->elapsedMs())));
}

void TestEndpointPool::inFlightCap()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.delayMs = 150;
    RpcPolicy policy = quickPolicy();
    policy.maxInFlightPerEndpoint = 2;
    EndpointPool pool(&m_network, {record(1, node.url())}, policy);
    QList<std::shared_ptr<Outcome>> outcomes;
    for (int i = 0; i < 6; ++i)
        outcomes.append(post(pool));
    QTRY_COMPARE(pool.inFlight(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(outcomes.begin(), outcomes.end(), [](const auto &o) { return o->status.has_value(); }), 10000);
    for (const auto &o : std::as_const(outcomes))
        QVERIFY2(o->status->ok(), qPrintable(describe(*o)));
    QCOMPARE(node.requests, 6);
    QCOMPARE(node.maxConcurrent, 2);
    QCOMPARE(pool.inFlight(), 0);
}

void TestEndpointPool::earlierBlocksGoFirst()
{
    // The indexer's ranges: a range's last request, sent after the logs of the ranges after it,
    // is answered before them, so that ranges come back in the order they are promoted.
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.delayMs = 50;
    RpcPolicy policy = quickPolicy();
    policy.maxInFlightPerEndpoint = 1;
    EndpointPool pool(&m_network, {record(1, node.url())}, policy);
    QList<qint64> answered;
    const auto send = [&](std::optional<qint64> minHead) {
        auto outcome = std::make_shared<Outcome>();
        pool.send(R"({"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[]})"_ba, 1, minHead, parser(outcome),
                  [&answered, minHead](Status) { answered.append(minHead.value_or(-1)); });
    };
    send(10);
    QTRY_COMPARE(pool.inFlight(), 1);
    send(300);
    send(std::nullopt);   // no block: never overtaken, never overtakes
    send(200);
    send(100);
    send(200);
    QTRY_COMPARE_WITH_TIMEOUT(answered.size(), 6, 10000);
    QCOMPARE(answered, (QList<qint64>{10, 300, -1, 100, 200, 200}));
}

void TestEndpointPool::rangeTooLargeReturnsAtOnce()
{
    FakeNode strict(u"strict"_s);
    FakeNode other(u"other"_s);
    QVERIFY(strict.listen());
    QVERIFY(other.listen());
    strict.mode = FakeNode::Mode::RangeTooLarge;
    EndpointPool pool(&m_network, {record(1, strict.url(), 0), record(2, other.url(), 1)}, quickPolicy());
    const Outcome o = call(pool);
    QVERIFY(o.status && !o.status->ok());
    QCOMPARE(o.status->error().kind, Error::Kind::Refused);
    QVERIFY2(o.status->error().message.contains(u"more than 10000 results"_s), qPrintable(o.status->error().message));
    QCOMPARE(strict.requests, 1);
    QCOMPARE(other.requests, 0);
    const EndpointHealth h = pool.health()[0];
    QCOMPARE(h.failures, qint64(0));
    QCOMPARE(h.requests, qint64(1));
    QCOMPARE(h.status, EndpointStatus::Ok);
    QVERIFY(h.lastError.isEmpty());
}

/// Sends a JSON-RPC batch of `size` calls and waits for its outcome.
Outcome callBatch(EndpointPool &pool, int size)
{
    QJsonArray calls;
    for (int i = 0; i < size; ++i)
        calls.append(QJsonObject{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, i + 1}, {u"method"_s, u"eth_getBlockByNumber"_s}, {u"params"_s, QJsonArray()}});
    auto outcome = std::make_shared<Outcome>();
    pool.send(QJsonDocument(calls).toJson(QJsonDocument::Compact), size, std::nullopt,
              [outcome](const QByteArray &body) -> Status {
                  const QJsonDocument answer = QJsonDocument::fromJson(body);
                  if (!answer.isArray())
                      return Error::refused(u"not a batch answer: %1"_s.arg(QString::fromUtf8(body.left(200))));
                  outcome->result = QString::number(answer.array().size());
                  return {};
              },
              [outcome](Status status) {
                  ++outcome->calls;
                  outcome->status.emplace(std::move(status));
              });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome->status.has_value(), 10000); }();
    return *outcome;
}

/// Sends one eth_getLogs over `blocks` blocks and waits for its outcome.
Outcome callLogs(EndpointPool &pool, qint64 blocks)
{
    auto outcome = std::make_shared<Outcome>();
    pool.sendLogs(R"({"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[]})"_ba, blocks, std::nullopt, parser(outcome),
                  [outcome](Status status) {
                      ++outcome->calls;
                      outcome->status.emplace(std::move(status));
                  });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome->status.has_value(), 10000); }();
    return *outcome;
}

void TestEndpointPool::rateLimitedIsNotAnOutage()
{
    // One endpoint that says "too many requests" twice: the request waits it out and succeeds.
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.mode = FakeNode::Mode::Busy;
    node.busy = 2;
    RpcPolicy policy = quickPolicy();
    policy.maxAttempts = 1;
    policy.breakerThreshold = 1;
    const auto clock = std::make_shared<ManualClock>();
    EndpointPool pool(&m_network, {record(1, node.url())}, policy, clock);
    const Outcome o = call(pool, *clock);
    QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
    QCOMPARE(o.result, u"a"_s);
    QCOMPARE(node.requests, 3);
    EndpointHealth h = pool.health()[0];
    QCOMPARE(h.status, EndpointStatus::RateLimited);
    QCOMPARE(h.failures, qint64(0));
    QVERIFY(!h.circuitOpen);
    QCOMPARE(h.rateLimitedCount, qint64(2));
    QVERIFY2(h.limits.learnedRate > 0, "a rate is learned from the 429s");
    QVERIFY(!pool.allDown());

    // With another endpoint free, the request goes there; neither is down.
    FakeNode busy(u"busy"_s);
    FakeNode free(u"free"_s);
    QVERIFY(busy.listen());
    QVERIFY(free.listen());
    busy.mode = FakeNode::Mode::Busy;
    busy.busy = 1000;
    EndpointPool two(&m_network, {record(1, busy.url(), 0), record(2, free.url(), 1)}, policy, clock);
    for (int i = 0; i < 3; ++i) {
        const Outcome r = call(two, *clock);
        QVERIFY2(r.status && r.status->ok(), qPrintable(describe(r)));
        QCOMPARE(r.result, u"free"_s);
    }
    QVERIFY(busy.requests >= 1);
    QCOMPARE(two.health()[0].status, EndpointStatus::RateLimited);
    QCOMPARE(two.health()[0].failures, qint64(0));
    QVERIFY(!two.allDown());

    // A request that meets nothing but 429s fails in the end, saying so.
    policy.maxRateLimitedRetries = 1;
    EndpointPool only(&m_network, {record(1, busy.url())}, policy, clock);
    const Outcome refused = call(only, *clock);
    QVERIFY(refused.status && !refused.status->ok());
    QVERIFY2(refused.status->error().message.contains(u"too many requests"_s), qPrintable(refused.status->error().message));
}

void TestEndpointPool::batchCapIsLearned()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.batchCap = 4;
    EndpointPool pool(&m_network, {record(1, node.url())}, quickPolicy());
    QCOMPARE(pool.batchLimit(8), 8);

    const Outcome refused = callBatch(pool, 8);
    QVERIFY(refused.status && !refused.status->ok());
    QVERIFY2(evmjson::isBatchTooLarge(refused.status->error().message), qPrintable(refused.status->error().message));
    QCOMPARE(node.requests, 1);     // not retried: the caller splits
    EndpointHealth h = pool.health()[0];
    QCOMPARE(h.failures, qint64(0));
    QCOMPARE(h.status, EndpointStatus::Ok);
    QCOMPARE(h.limits.maxBatch, 4);
    QCOMPARE(pool.batchLimit(8), 4);

    const Outcome accepted = callBatch(pool, 4);
    QVERIFY2(accepted.status && accepted.status->ok(), qPrintable(describe(accepted)));
    QCOMPARE(accepted.result, u"4"_s);
    QCOMPARE(node.largestBatch, 4);

    // Too big for every endpoint: refused without a request.
    const int before = node.requests;
    const Outcome oversize = callBatch(pool, 9);
    QVERIFY(oversize.status && !oversize.status->ok());
    QVERIFY2(evmjson::isBatchTooLarge(oversize.status->error().message), qPrintable(oversize.status->error().message));
    QCOMPARE(node.requests, before);

    // What one client of the URL learned, every other knows.
    EndpointPool other(&m_network, {record(2, node.url())}, quickPolicy());
    QCOMPARE(other.batchLimit(100), 4);

    // After a run of runs batches a larger one is tried; refused, the size kept is still 4.
    int runs = 0;
    while (pool.batchLimit(8) == 4 && runs < 40) {
        const Outcome o = callBatch(pool, 4);
        QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
        ++runs;
    }
    QCOMPARE(pool.batchLimit(8), 8);
    QVERIFY2(runs > 4, "not tried again at once");
    QCOMPARE(pool.health()[0].limits.maxBatch, 4);
    const Outcome tried = callBatch(pool, 8);
    QVERIFY(tried.status && !tried.status->ok());
    QCOMPARE(pool.batchLimit(8), 4);
    QCOMPARE(pool.health()[0].limits.maxBatch, 4);

    // A provider that lifted its cap: the larger batch is taken and becomes the size.
    node.batchCap = 100;
    runs = 0;
    while (pool.batchLimit(8) == 4 && runs < 80) {
        QVERIFY(callBatch(pool, 4).status->ok());
        ++runs;
    }
    const Outcome grown = callBatch(pool, 8);
    QVERIFY2(grown.status && grown.status->ok(), qPrintable(describe(grown)));
    QCOMPARE(pool.health()[0].limits.maxBatch, 8);
}

void TestEndpointPool::logCapsAreLearned()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.mode = FakeNode::Mode::RangeTooLarge;
    node.rangeMessage = u"exceed maximum block range: 500"_s;
    EndpointPool pool(&m_network, {record(1, node.url())}, quickPolicy());
    QCOMPARE(pool.logRangeLimit(), qint64(0));

    const Outcome refused = callLogs(pool, 1000);
    QVERIFY(refused.status && !refused.status->ok());
    QVERIFY(evmjson::isRangeTooLarge(refused.status->error()));
    QCOMPARE(pool.health()[0].limits.logRangeLimit, qint64(500));
    QCOMPARE(pool.logRangeLimit(), qint64(500));

    // Wider than it serves: refused without a request; within it: sent.
    const int before = node.requests;
    const Outcome wide = callLogs(pool, 501);
    QVERIFY(wide.status && !wide.status->ok());
    QVERIFY(evmjson::isRangeTooLarge(wide.status->error()));
    QCOMPARE(node.requests, before);
    node.mode = FakeNode::Mode::Ok;
    const Outcome fits = callLogs(pool, 500);
    QVERIFY2(fits.status && fits.status->ok(), qPrintable(describe(fits)));
    QCOMPARE(node.requests, before + 1);

    node.mode = FakeNode::Mode::RangeTooLarge;
    node.rangeMessage = u"query returned more than 10000 results. Try with this block range [0x1, 0x40]."_s;
    const Outcome many = callLogs(pool, 100);
    QVERIFY(many.status && !many.status->ok());
    QCOMPARE(pool.health()[0].limits.logResultLimit, qint64(10000));
    QCOMPARE(pool.health()[0].limits.logRangeLimit, qint64(500));
}

void TestEndpointPool::allDownThenRecovers()
{
    FakeNode a(u"a"_s);
    FakeNode b(u"b"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    a.mode = FakeNode::Mode::Flaky;
    a.flaky = 1000;
    b.mode = FakeNode::Mode::Close;
    RpcPolicy policy = quickPolicy();
    policy.maxAttempts = 4;
    policy.breakerThreshold = 2;
    const auto clock = std::make_shared<ManualClock>();
    EndpointPool pool(&m_network, {record(1, a.url()), record(2, b.url())}, policy, clock);

    const Outcome failed = call(pool, *clock);
    QVERIFY(failed.status && !failed.status->ok());
    const Error &e = failed.status->error();
    QCOMPARE(e.kind, Error::Kind::Unavailable);
    QCOMPARE(e.field, u"rpc"_s);
    QVERIFY2(e.message.contains(a.url().toString() + u" answered HTTP 503"_s), qPrintable(e.message));
    QVERIFY2(e.message.contains(b.url().toString()), qPrintable(e.message));
    QVERIFY(pool.allDown());
    for (const EndpointHealth &h : pool.health())
        QCOMPARE(h.status, EndpointStatus::Unreachable);

    // b comes back: its probe finds it within breakerMaxMs, and requests go to it again.
    b.mode = FakeNode::Mode::Ok;
    QVERIFY(runUntil(*clock, pool, [&pool] { return !pool.allDown(); }));
    QVERIFY2(clock->elapsedMs() <= 2 * policy.breakerMaxMs, qPrintable(QString::number(clock->elapsedMs())));
    const Outcome recovered = call(pool, *clock);
    QVERIFY2(recovered.status && recovered.status->ok(), qPrintable(describe(recovered)));
    QCOMPARE(recovered.result, u"b"_s);
    QCOMPARE(pool.health()[1].circuitOpen, false);
    QCOMPARE(pool.health()[1].status, EndpointStatus::Ok);
    QCOMPARE(pool.health()[0].status, EndpointStatus::Unreachable);
}

void TestEndpointPool::pollHeads()
{
    FakeNode a(u"a"_s);
    FakeNode b(u"b"_s);
    FakeNode broken(u"broken"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    QVERIFY(broken.listen());
    a.head = 100;
    b.head = 120;
    broken.mode = FakeNode::Mode::Http500;
    EndpointPool pool(&m_network, {record(1, a.url()), record(2, b.url()), record(3, broken.url())}, quickPolicy());

    auto head = tst_endpointpool::pollHeads(pool);
    QVERIFY2(head.ok(), qPrintable(head.ok() ? QString() : head.error().toString()));
    QCOMPARE(*head, qint64(120));
    auto health = pool.health();
    QCOMPARE(health[0].lastHead, std::optional<qint64>(100));
    QCOMPARE(health[1].lastHead, std::optional<qint64>(120));
    QCOMPARE(health[2].lastHead, std::nullopt);
    QCOMPARE(health[2].failures, qint64(1));
    QCOMPARE(broken.requests, 1);   // head polls are not retried

    // A node that goes backwards (it resynced) is recorded as it reports.
    b.head = 110;
    head = tst_endpointpool::pollHeads(pool);
    QVERIFY(head.ok());
    QCOMPARE(*head, qint64(110));
    health = pool.health();
    QCOMPARE(health[1].lastHead, std::optional<qint64>(110));
    QCOMPARE(health[1].failures, qint64(0));

    a.mode = FakeNode::Mode::Garbage;
    b.mode = FakeNode::Mode::Silent;
    RpcPolicy policy = quickPolicy();
    policy.timeoutMs = 300;
    EndpointPool down(&m_network, {record(1, a.url()), record(2, b.url())}, policy);
    head = tst_endpointpool::pollHeads(down);
    QVERIFY(!head.ok());
    QCOMPARE(head.error().kind, Error::Kind::Unavailable);
    QVERIFY2(head.error().message.contains(a.url().toString()), qPrintable(head.error().message));
    QVERIFY2(head.error().message.contains(b.url().toString()), qPrintable(head.error().message));
}

void TestEndpointPool::minHeadSkipsLaggingEndpoint()
{
    FakeNode a(u"a"_s);
    FakeNode b(u"b"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    a.head = 199;
    b.head = 200;
    b.delayMs = 60;     // a ranks first on every count but the head
    EndpointPool pool(&m_network, {record(1, a.url(), 0), record(2, b.url(), 1)}, quickPolicy());
    QVERIFY(tst_endpointpool::pollHeads(pool).ok());

    Outcome o = call(pool, 200);
    QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
    QCOMPARE(o.result, u"b"_s);
    o = call(pool, 150);
    QCOMPARE(o.result, u"a"_s);
    // Nobody is known to be that far: try the best anyway.
    o = call(pool, 500);
    QVERIFY2(o.status && o.status->ok(), qPrintable(describe(o)));
    QCOMPARE(o.result, u"a"_s);
}

void TestEndpointPool::healthAfterFailures()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.mode = FakeNode::Mode::Flaky;
    node.flaky = 1000;
    QUrl url = node.url();
    url.setUserInfo(u"user:s3cret"_s);
    RpcPolicy policy = quickPolicy();
    policy.maxAttempts = 1;
    policy.breakerThreshold = 3;
    const auto clock = std::make_shared<ManualClock>();
    EndpointPool pool(&m_network, {record(7, url, 2, 5)}, policy, clock);
    QSignalSpy changed(&pool, &EndpointPool::healthChanged);

    EndpointHealth h = pool.health()[0];
    QCOMPARE(h.id, qint64(7));
    QCOMPARE(h.priority, 2);
    QCOMPARE(h.maxRequestsPerSecond, 5.0);
    QCOMPARE(h.status, EndpointStatus::Unknown);
    QVERIFY(!pool.allDown());

    for (int i = 0; i < 2; ++i) {
        const Outcome o = call(pool, *clock);
        QVERIFY(o.status && !o.status->ok());
        QCOMPARE(o.status->error().kind, Error::Kind::Unavailable);
    }
    QCOMPARE(changed.count(), 2);
    h = pool.health()[0];
    QCOMPARE(h.requests, qint64(2));
    QCOMPARE(h.failures, qint64(2));
    QCOMPARE(h.status, EndpointStatus::Unreachable);
    QVERIFY(!h.circuitOpen);
    QVERIFY(h.errorRate >= 0.2);
    QVERIFY(std::abs(h.lastErrorAtMs - QDateTime::currentMSecsSinceEpoch()) < 60000);
    const QString where = u"http://127.0.0.1:%1/"_s.arg(node.url().port());
    QVERIFY2(h.lastError.startsWith(where + u" answered HTTP 503"_s), qPrintable(h.lastError));
    QVERIFY2(!h.lastError.contains(u"s3cret"_s) && !h.lastError.contains(u"user"_s), qPrintable(h.lastError));
    QVERIFY(pool.allDown());

    const Outcome third = call(pool, *clock);
    QVERIFY(third.status && !third.status->ok());
    h = pool.health()[0];
    QCOMPARE(h.failures, qint64(3));
    QCOMPARE(h.status, EndpointStatus::Unreachable);
    QVERIFY(h.circuitOpen);
    // Its probe goes after breakerBaseMs without any request asking.
    const int before = node.requests;
    QVERIFY(run(*clock, pool, policy.breakerBaseMs - 1));
    QCOMPARE(node.requests, before);
    QVERIFY(run(*clock, pool, 2));
    QCOMPARE(node.requests, before + 1);
    h = pool.health()[0];
    QCOMPARE(h.status, EndpointStatus::Unreachable);
    QVERIFY(h.circuitOpen);
    QCOMPARE(h.failures, qint64(4));
}

void TestEndpointPool::destroyWithRequestsUnderWay()
{
    FakeNode node(u"a"_s);
    FakeNode failing(u"b"_s);
    QVERIFY(node.listen());
    QVERIFY(failing.listen());
    node.mode = FakeNode::Mode::Silent;
    failing.mode = FakeNode::Mode::Http500;
    RpcPolicy policy = quickPolicy();
    policy.maxInFlightPerEndpoint = 2;
    policy.backoffBaseMs = 2000;

    int callbacks = 0;
    auto *pool = new EndpointPool(&m_network, {record(1, node.url())}, policy);
    for (int i = 0; i < 4; ++i)
        pool->send("{}"_ba, 1, {}, [](const QByteArray &) { return Status(); }, [&callbacks](Status) { ++callbacks; });
    pool->pollHeads([&callbacks](Result<qint64>) { ++callbacks; });
    QTRY_COMPARE(node.requests, 2);
    QCOMPARE(pool->inFlight(), 2);
    delete pool;

    // A request waiting out its retry backoff.
    const auto clock = std::make_shared<ManualClock>();
    auto *backingOff = new EndpointPool(&m_network, {record(1, failing.url())}, policy, clock);
    backingOff->send("{}"_ba, 1, {}, [](const QByteArray &) { return Status(); }, [&callbacks](Status) { ++callbacks; });
    QTRY_COMPARE(failing.requests, 1);
    QTRY_COMPARE(backingOff->health()[0].failures, qint64(1));
    delete backingOff;
    clock->advance(2 * policy.backoffBaseMs);     // when its retry would have gone

    QTest::qWait(300);
    QCOMPARE(callbacks, 0);
}

void TestEndpointPool::destroyFromCallback()
{
    FakeNode node(u"a"_s);
    QVERIFY(node.listen());
    node.delayMs = 50;
    QPointer<EndpointPool> pool = new EndpointPool(&m_network, {record(1, node.url())}, quickPolicy());
    int callbacks = 0;
    for (int i = 0; i < 3; ++i) {
        pool->send("{}"_ba, 1, {}, [](const QByteArray &) { return Status(); }, [&callbacks, &pool](Status) {
            ++callbacks;
            delete pool.data();
        });
    }
    QTRY_VERIFY(pool.isNull());
    QTest::qWait(200);
    QCOMPARE(callbacks, 1);
}

void TestEndpointPool::noEndpoints()
{
    EndpointPool pool(&m_network, {}, quickPolicy());
    const Outcome o = call(pool);
    QVERIFY(o.status && !o.status->ok());
    QCOMPARE(o.status->error().kind, Error::Kind::Unavailable);
    QVERIFY(!tst_endpointpool::pollHeads(pool).ok());
    QVERIFY(pool.allDown());
}

void TestEndpointPool::logRangeSizer()
{
    // Clamped into [1, max].
    QCOMPARE(LogRangeSizer(50000, 10000).span(), qint64(10000));
    QCOMPARE(LogRangeSizer(0, 10000).span(), qint64(1));

    LogRangeSizer sizer(2000, 10000, 5000);
    QCOMPARE(sizer.span(), qint64(2000));
    QVERIFY(sizer.growing());               // nothing answered yet
    sizer.succeeded(2000, 10);
    QCOMPARE(sizer.span(), qint64(4000));
    QVERIFY(sizer.growing());
    sizer.succeeded(4000, 9000);            // busy: stays, and the span has found its size
    QCOMPARE(sizer.span(), qint64(4000));
    QVERIFY(!sizer.growing());
    sizer.succeeded(100, 0);                // a short call at the head says nothing
    QCOMPARE(sizer.span(), qint64(4000));
    sizer.succeeded(4000, 0);
    sizer.succeeded(8000, 0);
    QCOMPARE(sizer.span(), qint64(10000));          // capped at max
    sizer.succeeded(10000, 0);
    QCOMPARE(sizer.span(), qint64(10000));

    // Halves on refusal, then grows back after a few comfortable calls.
    QVERIFY(sizer.tooLarge(10000));
    QCOMPARE(sizer.span(), qint64(5000));
    sizer.succeeded(5000, 0);
    sizer.succeeded(5000, 0);
    QCOMPARE(sizer.span(), qint64(5000));
    sizer.succeeded(5000, 0);
    QCOMPARE(sizer.span(), qint64(10000));
    // Refused again at the same size: a longer wait before the next try.
    QVERIFY(sizer.tooLarge(10000));
    QCOMPARE(sizer.span(), qint64(5000));
    for (int i = 0; i < 4; ++i)
        sizer.succeeded(5000, 0);
    QCOMPARE(sizer.span(), qint64(5000));
    sizer.succeeded(5000, 0);
    QCOMPARE(sizer.span(), qint64(10000));

    // A late refusal of a call bigger than the span does not shrink it further than half that call.
    QVERIFY(sizer.tooLarge(3000));
    QCOMPARE(sizer.span(), qint64(1500));
    QVERIFY(sizer.tooLarge(20000));
    QCOMPARE(sizer.span(), qint64(1500));

    // Sparse history: the span grows to its most, and is no longer growing there.
    LogRangeSizer sparse(100, 800, 5000);
    for (qint64 span = 100; span < 800; span *= 2) {
        QVERIFY(sparse.growing());
        sparse.succeeded(span, 3);
    }
    QCOMPARE(sparse.span(), qint64(800));
    QVERIFY(!sparse.growing());
    // A refusal ends the growing too.
    LogRangeSizer refused(100, 800, 5000);
    QVERIFY(refused.tooLarge(100));
    QVERIFY(!refused.growing());

    // Down to one block, which cannot be split.
    LogRangeSizer small(4, 100);
    QVERIFY(small.tooLarge(4));
    QCOMPARE(small.span(), qint64(2));
    QVERIFY(small.tooLarge(2));
    QCOMPARE(small.span(), qint64(1));
    QVERIFY(!small.tooLarge(1));
    QCOMPARE(small.span(), qint64(1));
}

} // namespace tst_endpointpool

ARBOR_GUILESS_TEST_MAIN(endpointpool, tst_endpointpool::TestEndpointPool)
#include "tst_endpointpool.moc"

// One endpoint's state inside a pool (EndpointState), driven directly: the status the console shows
// (unknown, ok, rate limited, answering with errors, unreachable) and when it changes by itself,
// the circuit breaker and its probe schedule, the figures ranking reads (latency and error-rate
// EWMAs), what a request fits, and error texts that name the endpoint without its secrets.
// tst_endpointpool and tst_endpointoutage see the same through a pool and a fake node.

#include "manualclock.h"
#include "model/endpointstatus.h"
#include "rpc/endpointlimiter.h"
#include "rpc/endpointstate.h"
#include "testmain.h"

#include <QtTest>

#include <memory>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_endpointstate {

namespace {

/// The product's policy with round numbers: circuit after 3, probes 1 s doubling up to 4 s.
RpcPolicy policy()
{
    RpcPolicy p;
    p.breakerThreshold = 3;
    p.breakerBaseMs = 1000;
    p.breakerMaxMs = 4000;
    p.rateLimitedShowMs = 30000;
    p.errorShowMs = 60000;
    p.latencyAlpha = 0.2;
    return p;
}

/// An EndpointState as the pool makes one, on a test clock.
struct Fixture
{
    explicit Fixture(RpcPolicy p = policy(), const QUrl &url = QUrl(u"https://rpc.example.org/v3/abc"_s))
        : rpcPolicy(p)
    {
        state.policy = &rpcPolicy;
        state.health.url = url;
        state.limiter = std::make_shared<EndpointLimiter>(url, clock);
    }

    RpcPolicy rpcPolicy;
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    EndpointState state;
};

enum class Event { Answer, NodeError, Unreachable, RateLimited };

} // namespace

} // namespace tst_endpointstate
Q_DECLARE_METATYPE(tst_endpointstate::Event)
namespace tst_endpointstate {

class TestEndpointState final : public QObject
{
    Q_OBJECT

private slots:
    void statusAfterOutcomes_data();
    void statusAfterOutcomes();
    void nodeErrorShowsForAMinuteAfterward();
    void rateLimitedShowsForHalfAMinute();
    void circuitOpensAfterThresholdAndProbesBackOff();
    void anyAnswerClosesTheCircuit_data();
    void anyAnswerClosesTheCircuit();
    void probeSoonSkipsTheWait();
    void thresholdBelowOneStillOpens();
    void rankingFigures();
    void fitsWhatTheEndpointAccepts();
    void describeNamesTheEndpoint();
};

void TestEndpointState::statusAfterOutcomes_data()
{
    QTest::addColumn<QList<Event>>("events");
    QTest::addColumn<EndpointStatus>("status");
    QTest::addColumn<bool>("open");
    using E = Event;
    using S = EndpointStatus;
    QTest::newRow("nothing yet") << QList<E>{} << S::Unknown << false;
    // The limiter's 429 alone is no outcome (the pool records a 429 as an answer: tst_endpointoutage).
    QTest::newRow("a 429 before any answer") << QList<E>{E::RateLimited} << S::Unknown << false;
    QTest::newRow("answered") << QList<E>{E::Answer} << S::Ok << false;
    QTest::newRow("node error") << QList<E>{E::NodeError} << S::AnsweringWithErrors << false;
    QTest::newRow("answer after a node error") << QList<E>{E::NodeError, E::Answer} << S::AnsweringWithErrors << false;
    QTest::newRow("one unreachable") << QList<E>{E::Answer, E::Unreachable} << S::Unreachable << false;
    QTest::newRow("two unreachable") << QList<E>{E::Unreachable, E::Unreachable} << S::Unreachable << false;
    QTest::newRow("three unreachable: open") << QList<E>{E::Unreachable, E::Unreachable, E::Unreachable} << S::Unreachable << true;
    QTest::newRow("unreachable, then answered") << QList<E>{E::Unreachable, E::Unreachable, E::Answer} << S::Ok << false;
    QTest::newRow("429 after an answer") << QList<E>{E::Answer, E::RateLimited} << S::RateLimited << false;
    QTest::newRow("unreachable beats 429") << QList<E>{E::Answer, E::RateLimited, E::Unreachable} << S::Unreachable << false;
    QTest::newRow("429 beats a node error") << QList<E>{E::NodeError, E::RateLimited} << S::RateLimited << false;
    QTest::newRow("failures apart do not open") << QList<E>{E::Unreachable, E::Unreachable, E::NodeError, E::Unreachable, E::Unreachable}
                                               << S::Unreachable << false;
}

void TestEndpointState::statusAfterOutcomes()
{
    QFETCH(QList<Event>, events);
    QFETCH(EndpointStatus, status);
    QFETCH(bool, open);
    Fixture f;
    for (Event e : events) {
        const qint64 now = f.clock->elapsedMs();
        switch (e) {
        case Event::Answer:
            f.state.recordAnswer(10);
            break;
        case Event::NodeError:
            f.state.recordNodeError(u"node error -32000: header not found"_s, now);
            break;
        case Event::Unreachable:
            f.state.recordUnreachable(u"Cannot reach the endpoint"_s, now, false);
            break;
        case Event::RateLimited:
            f.state.limiter->rateLimited(std::nullopt, f.state.limiter->now());
            break;
        }
        f.clock->advance(10);
    }
    const EndpointStatus got = f.state.status(f.clock->elapsedMs());
    QVERIFY2(got == status, qPrintable(endpointStatusText(got)));
    QCOMPARE(f.state.open(), open);
}

void TestEndpointState::nodeErrorShowsForAMinuteAfterward()
{
    Fixture f;
    const qint64 at = 5000;
    f.state.recordNodeError(u"node error -32601: method not available"_s, at);
    QCOMPARE(f.state.statusChangesAt(at), std::nullopt);     // the last request failed: not by itself
    f.state.recordAnswer(20);
    QCOMPARE(f.state.status(at + 1), EndpointStatus::AnsweringWithErrors);
    // The pool re-reads the status when it changes by itself: at the end of errorShowMs.
    QCOMPARE(f.state.statusChangesAt(at + 1), std::optional<qint64>(at + 60000));
    QCOMPARE(f.state.status(at + 59999), EndpointStatus::AnsweringWithErrors);
    QCOMPARE(f.state.status(at + 60000), EndpointStatus::Ok);
    QCOMPARE(f.state.statusChangesAt(at + 60000), std::nullopt);
    QCOMPARE(f.state.health.failures, qint64(1));
    QCOMPARE(f.state.health.requests, qint64(2));
    QCOMPARE(f.state.health.lastError, u"node error -32601: method not available"_s);
    QVERIFY(f.state.health.lastErrorAtMs > 0);
}

void TestEndpointState::rateLimitedShowsForHalfAMinute()
{
    Fixture f;
    f.state.recordAnswer(20);
    f.state.limiter->rateLimited(1000, f.state.limiter->now());
    QCOMPARE(f.state.status(0), EndpointStatus::RateLimited);
    // Being rate limited is not a failure.
    QCOMPARE(f.state.health.failures, qint64(0));
    QCOMPARE(f.state.health.errorRate, 0.0);
    // Re-checked every quarter of the period while it lasts.
    QCOMPARE(f.state.statusChangesAt(100), std::optional<qint64>(100 + 30000 / 4));
    f.clock->advance(29999);
    QCOMPARE(f.state.status(0), EndpointStatus::RateLimited);
    f.clock->advance(1);
    QCOMPARE(f.state.status(0), EndpointStatus::Ok);
    QCOMPARE(f.state.statusChangesAt(0), std::nullopt);
}

void TestEndpointState::circuitOpensAfterThresholdAndProbesBackOff()
{
    Fixture f;
    EndpointState &s = f.state;
    s.recordUnreachable(u"Cannot reach it"_s, 100, false);
    s.recordUnreachable(u"Cannot reach it"_s, 200, false);
    QVERIFY(!s.open());
    QCOMPARE(s.probeWaitMs, 0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"circuit open after 3 failures in a row"_s));
    s.recordUnreachable(u"Cannot reach it"_s, 300, false);
    QVERIFY(s.open());
    QCOMPARE(s.status(300), EndpointStatus::Unreachable);
    QCOMPARE(s.statusChangesAt(300), std::nullopt);
    QCOMPARE(s.probeWaitMs, 1000);
    QCOMPARE(s.nextProbeMs, qint64(1300));

    // Requests already under way when it opened fail too: they say nothing new.
    s.recordUnreachable(u"Cannot reach it"_s, 400, false);
    s.recordUnreachable(u"Cannot reach it"_s, 500, false);
    QCOMPARE(s.nextProbeMs, qint64(1300));
    QCOMPARE(s.probeWaitMs, 1000);

    // Failed probes double the wait up to breakerMaxMs: recovery within seconds.
    QList<int> waits;
    qint64 now = 1300;
    for (int i = 0; i < 5; ++i) {
        s.recordUnreachable(u"probe: Cannot reach it"_s, now, true);
        waits.append(s.probeWaitMs);
        QCOMPARE(s.nextProbeMs, now + s.probeWaitMs);
        now = s.nextProbeMs;
    }
    QCOMPARE(waits, (QList<int>{2000, 4000, 4000, 4000, 4000}));
    QCOMPARE(s.consecutiveFailures, 10);
    QCOMPARE(s.health.failures, qint64(10));
    QCOMPARE(s.health.lastError, u"probe: Cannot reach it"_s);
    QVERIFY(s.health.errorRate > 0.8);
}

void TestEndpointState::anyAnswerClosesTheCircuit_data()
{
    QTest::addColumn<bool>("nodeError");
    QTest::addColumn<EndpointStatus>("status");
    QTest::newRow("an answer") << false << EndpointStatus::Ok;
    QTest::newRow("an error answer") << true << EndpointStatus::AnsweringWithErrors;
}

void TestEndpointState::anyAnswerClosesTheCircuit()
{
    QFETCH(bool, nodeError);
    QFETCH(EndpointStatus, status);
    Fixture f;
    EndpointState &s = f.state;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"circuit open"_s));
    for (int i = 0; i < 3; ++i)
        s.recordUnreachable(u"Cannot reach it"_s, 100, false);
    s.recordUnreachable(u"Cannot reach it"_s, 1100, true);
    QVERIFY(s.open());
    QCOMPARE(s.probeWaitMs, 2000);
    if (nodeError)
        s.recordNodeError(u"node error -32000: busy"_s, 3100);
    else
        s.recordAnswer(15);
    QVERIFY(!s.open());
    QCOMPARE(s.consecutiveFailures, 0);
    QCOMPARE(s.probeWaitMs, 0);
    QCOMPARE(s.status(3100), status);
    // Open again later: the probe schedule starts over from breakerBaseMs.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"circuit open"_s));
    for (int i = 0; i < 3; ++i)
        s.recordUnreachable(u"Cannot reach it"_s, 5000, false);
    QCOMPARE(s.probeWaitMs, 1000);
    QCOMPARE(s.nextProbeMs, qint64(6000));
}

void TestEndpointState::probeSoonSkipsTheWait()
{
    Fixture f;
    EndpointState &s = f.state;
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"circuit open"_s));
    for (int i = 0; i < 3; ++i)
        s.recordUnreachable(u"Cannot reach it"_s, 0, false);
    s.recordUnreachable(u"Cannot reach it"_s, 1000, true);
    s.recordUnreachable(u"Cannot reach it"_s, 3000, true);
    QCOMPARE(s.nextProbeMs, qint64(7000));
    // The operator's Probe now: at once, and a failure waits the base again, not 8 s.
    s.probeSoon(3500);
    QCOMPARE(s.nextProbeMs, qint64(3500));
    s.recordUnreachable(u"Cannot reach it"_s, 3500, true);
    QCOMPARE(s.probeWaitMs, 1000);
    QCOMPARE(s.nextProbeMs, qint64(4500));

    // On a closed circuit it only moves the next probe time.
    Fixture closed;
    closed.state.recordAnswer(5);
    closed.state.probeSoon(42);
    QCOMPARE(closed.state.nextProbeMs, qint64(42));
    QVERIFY(!closed.state.open());
}

void TestEndpointState::thresholdBelowOneStillOpens()
{
    RpcPolicy p = policy();
    p.breakerThreshold = 0;     // a mistaken setting: one failure opens, it never stays open for good
    p.breakerBaseMs = 0;
    p.breakerMaxMs = 0;
    Fixture f(p);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"circuit open after 1 failures"_s));
    f.state.recordUnreachable(u"Cannot reach it"_s, 10, false);
    QVERIFY(f.state.open());
    QCOMPARE(f.state.probeWaitMs, 1);
    QCOMPARE(f.state.nextProbeMs, qint64(11));
    f.state.recordUnreachable(u"Cannot reach it"_s, 11, true);
    QCOMPARE(f.state.probeWaitMs, 1);
}

void TestEndpointState::rankingFigures()
{
    Fixture f;
    EndpointState &s = f.state;
    // Latency: the first sample as measured (never 0, which reads as "not measured"), then an EWMA.
    s.recordAnswer(0);
    QCOMPARE(s.health.latencyMs, 0.1);
    Fixture g;
    g.state.recordAnswer(100);
    QCOMPARE(g.state.health.latencyMs, 100.0);
    g.state.recordAnswer(200);
    QCOMPARE(g.state.health.latencyMs, 0.2 * 200 + 0.8 * 100);
    g.state.recordAnswer(std::nullopt);     // an answer whose latency says nothing (a split range)
    QCOMPARE(g.state.health.latencyMs, 120.0);
    QCOMPARE(g.state.health.requests, qint64(3));

    // Error rate: each failure pulls it a fifth of the way to 1, each answer decays it by a fifth.
    Fixture h;
    h.state.recordNodeError(u"node error"_s, 0);
    QCOMPARE(h.state.health.errorRate, 0.2);
    h.state.recordUnreachable(u"Cannot reach it"_s, 0, false);
    QCOMPARE(h.state.health.errorRate, 0.2 * 0.8 + 0.2);
    h.state.recordAnswer(10);
    QCOMPARE(h.state.health.errorRate, (0.2 * 0.8 + 0.2) * 0.8);
    for (int i = 0; i < 40; ++i)
        h.state.recordAnswer(10);
    QVERIFY(h.state.health.errorRate < 0.001);
    QCOMPARE(h.state.health.failures, qint64(2));
    QCOMPARE(h.state.health.requests, qint64(43));
}

void TestEndpointState::fitsWhatTheEndpointAccepts()
{
    Fixture f;
    EndpointState &s = f.state;
    QVERIFY(s.fits(1, 0));
    QVERIFY(s.fits(500, 100000));       // nothing learned: anything goes
    s.limiter->batchRefused(20);        // cap 10
    s.limiter->logRangeLimited(500);
    QVERIFY(s.fits(10, 0));
    QVERIFY(!s.fits(11, 0));
    QVERIFY(s.fits(1, 500));
    QVERIFY(!s.fits(1, 501));
    QVERIFY(s.fits(1, 0));              // not an eth_getLogs
    QVERIFY(s.fits(1, -1));
}

void TestEndpointState::describeNamesTheEndpoint()
{
    Fixture f(policy(), QUrl(u"https://user:secret@rpc.example.org/v3/${keychain:infura}"_s));
    const QString text = f.state.describe(Error::unavailable(u"rpc"_s, u"did not answer within 15 s"_s));
    QVERIFY2(text.startsWith(u"https://rpc.example.org/v3/${keychain:infura}: "_s), qPrintable(text));
    QVERIFY2(text.endsWith(u"rpc: did not answer within 15 s"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"secret"_s) && !text.contains(u"user"_s), qPrintable(text));
    // A message that names the endpoint already is not prefixed twice.
    const QString named = u"https://rpc.example.org/v3/${keychain:infura} answered HTTP 503"_s;
    QCOMPARE(f.state.describe(Error::unavailable(u"rpc"_s, named)), named);
}

} // namespace tst_endpointstate

ARBOR_GUILESS_TEST_MAIN(endpointstate, tst_endpointstate::TestEndpointState)
#include "tst_endpointstate.moc"

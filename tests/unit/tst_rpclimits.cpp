// What Arbor learns of an endpoint's limits, class by class on a test clock: the eth_getLogs span
// (LogRangeSizer) and the shared EndpointLimiter (rate bucket, Retry-After pauses, the learned
// rate's first estimate, decrease and increase, seeds, batch sizes, log caps, Retry-After headers).
// tst_endpointpool covers the same limits seen through a pool; this file pins the numbers.

#include "httptestserver.h"
#include "manualclock.h"
#include "rpc/endpointlimiter.h"
#include "rpc/lograngesizer.h"
#include "testmain.h"

#include <QDateTime>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

#include <memory>
#include <optional>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_rpclimits {

namespace {

/// Comfortable full-span calls until the span grows; -1 when it has not after `limit` calls.
int callsUntilGrowth(LogRangeSizer &sizer, int limit = 1000)
{
    const qint64 before = sizer.span();
    for (int i = 1; i <= limit; ++i) {
        sizer.succeeded(sizer.span(), 0);
        if (sizer.span() != before)
            return i;
    }
    return -1;
}

struct Limited
{
    std::shared_ptr<ManualClock> clock = std::make_shared<ManualClock>();
    EndpointLimiter limiter{QUrl(u"https://rpc.example.org/v3/key"_s), clock};
};

} // namespace

class TestRpcLimits final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    // LogRangeSizer
    void sizerClampsWhatItIsGiven_data();
    void sizerClampsWhatItIsGiven();
    void sizerCountsOnlyComfortableFullCalls_data();
    void sizerCountsOnlyComfortableFullCalls();
    void sizerStatedCapShrinksAtOnce();
    void sizerRefusalThatDoesNotShrinkSetsNoWait();
    void sizerFixedCapWaitsLongerEachTimeUpTo256();
    void sizerStartsFromASample_data();
    void sizerStartsFromASample();
    void sizerSampleComesTooLate();

    // EndpointLimiter
    void noRateUntilTheFirst429();
    void operatorRateIsATokenBucket();
    void retryAfterPauses_data();
    void retryAfterPauses();
    void firstEstimateFromWhatItLetThrough_data();
    void firstEstimateFromWhatItLetThrough();
    void oneBurstOfRefusalsIsOneDecrease();
    void operatorRateStandsOn429();
    void increasesOnlyWhileTheRateHoldsItBack();
    void seedsWhatAnEarlierRunLearned();
    void batchSizeLearnedFromRefusals();
    void logCapsAsStated();
    void oneLimiterPerUrlAndClock();
    void retryAfterHeader_data();
    void retryAfterHeader();

private:
    QNetworkAccessManager m_network;
};

// --- LogRangeSizer ------------------------------------------------------------------------------

void TestRpcLimits::sizerClampsWhatItIsGiven_data()
{
    QTest::addColumn<qint64>("initial");
    QTest::addColumn<qint64>("max");
    QTest::addColumn<qint64>("span");
    QTest::addColumn<bool>("canShrink");
    QTest::newRow("as given") << qint64(2000) << qint64(10000) << qint64(2000) << true;
    QTest::newRow("above max") << qint64(50000) << qint64(10000) << qint64(10000) << true;
    QTest::newRow("zero") << qint64(0) << qint64(10000) << qint64(1) << false;
    QTest::newRow("negative") << qint64(-5) << qint64(10000) << qint64(1) << false;
    QTest::newRow("max zero") << qint64(100) << qint64(0) << qint64(1) << false;
    QTest::newRow("max negative") << qint64(100) << qint64(-1) << qint64(1) << false;
}

void TestRpcLimits::sizerClampsWhatItIsGiven()
{
    QFETCH(qint64, initial);
    QFETCH(qint64, max);
    QFETCH(qint64, span);
    QFETCH(bool, canShrink);
    LogRangeSizer sizer(initial, max);
    QCOMPARE(sizer.span(), span);
    // A one-block span cannot be split: the caller must fail the range instead of retrying.
    QCOMPARE(sizer.tooLarge(sizer.span()), canShrink);
    // Never beyond max, however many comfortable calls.
    for (int i = 0; i < 40; ++i)
        sizer.succeeded(sizer.span(), 0);
    QCOMPARE(sizer.span(), std::max<qint64>(1, max));
}

void TestRpcLimits::sizerCountsOnlyComfortableFullCalls_data()
{
    QTest::addColumn<qint64>("comfortable");
    QTest::addColumn<qint64>("blocks");
    QTest::addColumn<qint64>("logs");
    QTest::addColumn<qint64>("span");
    // The sizer starts at 1000 blocks.
    QTest::newRow("few logs") << qint64(100) << qint64(1000) << qint64(0) << qint64(2000);
    QTest::newRow("exactly the comfortable count") << qint64(100) << qint64(1000) << qint64(100) << qint64(2000);
    QTest::newRow("one log too many") << qint64(100) << qint64(1000) << qint64(101) << qint64(1000);
    QTest::newRow("wider than the span") << qint64(100) << qint64(5000) << qint64(0) << qint64(2000);
    QTest::newRow("short call at the head") << qint64(100) << qint64(999) << qint64(0) << qint64(1000);
    QTest::newRow("comfortable 0: empty call") << qint64(0) << qint64(1000) << qint64(0) << qint64(2000);
    QTest::newRow("comfortable 0: one log") << qint64(0) << qint64(1000) << qint64(1) << qint64(1000);
    QTest::newRow("comfortable negative: empty call") << qint64(-10) << qint64(1000) << qint64(0) << qint64(2000);
}

void TestRpcLimits::sizerCountsOnlyComfortableFullCalls()
{
    QFETCH(qint64, comfortable);
    QFETCH(qint64, blocks);
    QFETCH(qint64, logs);
    QFETCH(qint64, span);
    LogRangeSizer sizer(1000, 10000, comfortable);
    sizer.succeeded(blocks, logs);
    QCOMPARE(sizer.span(), span);
}

void TestRpcLimits::sizerStatedCapShrinksAtOnce()
{
    LogRangeSizer sizer(8000, 10000);
    sizer.setMax(500);      // an endpoint said "exceed maximum block range: 500"
    QCOMPARE(sizer.span(), qint64(500));
    sizer.succeeded(500, 0);
    QCOMPARE(sizer.span(), qint64(500));
    sizer.setMax(0);        // nonsense from a refusal: still one block per call, never zero
    QCOMPARE(sizer.span(), qint64(1));
    // A larger cap lets it grow again, doubling from where it is and stopping at the cap.
    sizer.setMax(3000);
    QCOMPARE(sizer.span(), qint64(1));
    QList<qint64> spans;
    for (int i = 0; i < 13; ++i) {
        sizer.succeeded(sizer.span(), 0);
        spans.append(sizer.span());
    }
    QCOMPARE(spans, (QList<qint64>{2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 3000, 3000}));
    // setMax() is not a refusal: no wait before growing again.
    sizer.setMax(10000);
    QCOMPARE(callsUntilGrowth(sizer), 1);
}

void TestRpcLimits::sizerRefusalThatDoesNotShrinkSetsNoWait()
{
    // A late refusal of a call twice the span or wider (sent before the span shrank) says
    // nothing about the span now: it stays, and the next comfortable call may grow it.
    LogRangeSizer sizer(1000, 10000);
    QVERIFY(sizer.tooLarge(4000));
    QCOMPARE(sizer.span(), qint64(1000));
    QCOMPARE(callsUntilGrowth(sizer), 1);
    QCOMPARE(sizer.span(), qint64(2000));
}

void TestRpcLimits::sizerFixedCapWaitsLongerEachTimeUpTo256()
{
    // A provider capped at 1000 blocks without saying so: every growth to 2000 is refused.
    LogRangeSizer sizer(2000, 2000);
    QList<int> waits;
    for (int refusal = 0; refusal < 10; ++refusal) {
        QVERIFY(sizer.tooLarge(2000));
        QCOMPARE(sizer.span(), qint64(1000));
        waits.append(callsUntilGrowth(sizer));
        QCOMPARE(sizer.span(), qint64(2000));
    }
    // Comfortable calls before the next try: 2, 4, … doubling, then at most 256 (+ the growing one).
    QCOMPARE(waits, (QList<int>{3, 5, 9, 17, 33, 65, 129, 257, 257, 257}));
}

void TestRpcLimits::sizerStartsFromASample_data()
{
    QTest::addColumn<double>("logsPerBlock");
    QTest::addColumn<qint64>("span");
    QTest::addColumn<bool>("growing");
    // The span whose answers hold about half the comfortable 5,000 logs, from the first call on.
    QTest::newRow("sparse: 5.18 logs per block") << 5.18 << qint64(483) << false;
    QTest::newRow("dense: 51 logs per block") << 51.0 << qint64(50) << false;
    QTest::newRow("busier than comfortable in one block") << 20000.0 << qint64(1) << false;
    // Quiet: no wider than a sample reads (an endpoint was never seen to answer wider); it grows from there.
    QTest::newRow("quiet: 2,000 blocks at first") << 0.001 << qint64(2000) << false;
    // A sample without logs, or nonsense, says nothing: the usual slow start from the initial span.
    QTest::newRow("no logs sampled") << 0.0 << qint64(100) << true;
    QTest::newRow("negative") << -3.0 << qint64(100) << true;
    QTest::newRow("not a number") << std::nan("") << qint64(100) << true;
}

void TestRpcLimits::sizerStartsFromASample()
{
    QFETCH(double, logsPerBlock);
    QFETCH(qint64, span);
    QFETCH(bool, growing);
    LogRangeSizer sizer(100, 100000);
    sizer.seed(logsPerBlock);
    QCOMPARE(sizer.span(), span);
    QCOMPARE(sizer.growing(), growing);
    // A seeded span still grows after comfortable answers and halves on refusals.
    if (!growing && span > 1 && span < 100000) {
        sizer.succeeded(span, 10);
        QCOMPARE(sizer.span(), std::min<qint64>(100000, 2 * span));
        QVERIFY(sizer.tooLarge(sizer.span()));
        QCOMPARE(sizer.span(), span);
    }
}

void TestRpcLimits::sizerSampleComesTooLate()
{
    // What the endpoint answered outweighs a sample: after an answer or a refusal, seed() is ignored.
    LogRangeSizer answered(100, 100000);
    answered.succeeded(100, 4000);
    QCOMPARE(answered.span(), qint64(200));
    answered.seed(0.5);
    QCOMPARE(answered.span(), qint64(200));
    QVERIFY(answered.growing());

    LogRangeSizer refused(100, 100000);
    QVERIFY(refused.tooLarge(100));
    QCOMPARE(refused.span(), qint64(50));
    refused.seed(0.5);
    QCOMPARE(refused.span(), qint64(50));

    // A stated cap bounds a seeded span as any other.
    LogRangeSizer capped(100, 100000);
    capped.setMax(700);
    capped.seed(0.5);
    QCOMPARE(capped.span(), qint64(700));
}

// --- EndpointLimiter ----------------------------------------------------------------------------

void TestRpcLimits::noRateUntilTheFirst429()
{
    Limited l;
    QCOMPARE(l.limiter.rate(), 0.0);
    QCOMPARE(l.limiter.waitMs(1), qint64(0));
    for (int i = 0; i < 500; ++i)
        l.limiter.take(10);
    QCOMPARE(l.limiter.waitMs(1000), qint64(0));
    QVERIFY(!l.limiter.rateLimitedWithin(60000));
    QCOMPARE(l.limiter.rateLimitedCount(), qint64(0));
    QCOMPARE(l.limiter.limits(), EndpointLimits());
}

void TestRpcLimits::operatorRateIsATokenBucket()
{
    Limited l;
    l.limiter.setOperatorRate(10);
    QCOMPARE(l.limiter.operatorRate(), 10.0);
    QCOMPARE(l.limiter.rate(), 10.0);
    // A second's allowance at once, then one call per 100 ms.
    for (int i = 0; i < 10; ++i) {
        QCOMPARE(l.limiter.waitMs(1), qint64(0));
        l.limiter.take(1);
    }
    QCOMPARE(l.limiter.waitMs(1), qint64(100));
    l.clock->advance(50);
    QCOMPARE(l.limiter.waitMs(1), qint64(50));
    l.clock->advance(50);
    QCOMPARE(l.limiter.waitMs(1), qint64(0));

    // An idle minute does not bank more than a second's allowance.
    l.clock->advance(60000);
    l.limiter.take(10);
    QCOMPARE(l.limiter.waitMs(1), qint64(100));

    // A batch larger than a second's allowance waits for a full bucket, then leaves it in debt.
    l.clock->advance(1000);
    QCOMPARE(l.limiter.waitMs(50), qint64(0));
    l.limiter.take(50);
    QCOMPARE(l.limiter.waitMs(1), qint64(4100));

    // The operator's rate removed: the endpoint is unlimited again (nothing was learned).
    l.limiter.setOperatorRate(0);
    QCOMPARE(l.limiter.rate(), 0.0);
    QCOMPARE(l.limiter.waitMs(1), qint64(0));
    l.limiter.setOperatorRate(-3);
    QCOMPARE(l.limiter.operatorRate(), 0.0);
}

void TestRpcLimits::retryAfterPauses_data()
{
    QTest::addColumn<std::optional<qint64>>("retryAfter");
    QTest::addColumn<qint64>("pause");
    QTest::newRow("none: a second") << std::optional<qint64>() << qint64(1000);
    QTest::newRow("2 s") << std::optional<qint64>(2000) << qint64(2000);
    QTest::newRow("0: at least 50 ms") << std::optional<qint64>(0) << qint64(50);
    QTest::newRow("10 ms: at least 50 ms") << std::optional<qint64>(10) << qint64(50);
    QTest::newRow("an hour: at most 10 min") << std::optional<qint64>(3600000) << qint64(600000);
}

void TestRpcLimits::retryAfterPauses()
{
    QFETCH(std::optional<qint64>, retryAfter);
    QFETCH(qint64, pause);
    Limited l;
    l.limiter.rateLimited(retryAfter, l.limiter.now());
    QCOMPARE(l.limiter.waitMs(1), pause);
    QCOMPARE(l.limiter.rateLimitedCount(), qint64(1));
    QVERIFY(l.limiter.rateLimitedWithin(1));
    l.clock->advance(pause / 2);
    QCOMPARE(l.limiter.waitMs(1), pause - pause / 2);
    l.clock->advance(pause - pause / 2);
    QCOMPARE(l.limiter.waitMs(1), qint64(0));
    QVERIFY(l.limiter.rateLimitedWithin(pause + 1));
    QVERIFY(!l.limiter.rateLimitedWithin(pause));
    // A shorter Retry-After does not cut short the pause under way.
    l.limiter.rateLimited(5000, l.limiter.now());
    l.limiter.rateLimited(100, l.limiter.now());
    QCOMPARE(l.limiter.waitMs(1), qint64(5000));
    QCOMPARE(l.limiter.rateLimitedCount(), qint64(3));
}

void TestRpcLimits::firstEstimateFromWhatItLetThrough_data()
{
    QTest::addColumn<int>("answered");
    QTest::addColumn<int>("sent");
    QTest::addColumn<std::optional<qint64>>("retryAfter");
    QTest::addColumn<double>("rate");
    // The doc's example: a burst of 50 let through, then "wait 5 s": about 10 calls/s.
    QTest::newRow("50 answered, Retry-After 5 s") << 50 << 50 << std::optional<qint64>(5000) << 10.0;
    QTest::newRow("30 answered, no Retry-After") << 30 << 30 << std::optional<qint64>() << 30.0;
    // Refused before any answer: half of what was sent, over the pause.
    QTest::newRow("nothing answered, 40 sent") << 0 << 40 << std::optional<qint64>() << 20.0;
    QTest::newRow("nothing answered, 40 sent, 4 s") << 0 << 40 << std::optional<qint64>(4000) << 5.0;
    QTest::newRow("one sent: the floor") << 0 << 1 << std::optional<qint64>(600000) << 0.2;
}

void TestRpcLimits::firstEstimateFromWhatItLetThrough()
{
    QFETCH(int, answered);
    QFETCH(int, sent);
    QFETCH(std::optional<qint64>, retryAfter);
    QFETCH(double, rate);
    Limited l;
    for (int i = 0; i < sent; ++i)
        l.limiter.take(1);
    for (int i = 0; i < answered; ++i)
        l.limiter.answered(1);
    l.limiter.rateLimited(retryAfter, l.limiter.now());
    // No rate is guessed while the burst may still be answering: the pause only.
    QCOMPARE(l.limiter.rate(), 0.0);
    const qint64 pause = l.limiter.waitMs(1);
    QCOMPARE(pause, retryAfter.value_or(1000));
    l.clock->advance(pause);
    QCOMPARE(l.limiter.waitMs(1), qint64(0));
    l.limiter.take(1);     // the first call after the pause settles the estimate
    QVERIFY2(qAbs(l.limiter.rate() - rate) < 1e-9, qPrintable(QString::number(l.limiter.rate())));
    QCOMPARE(l.limiter.limits().learnedRate, l.limiter.rate());
}

void TestRpcLimits::oneBurstOfRefusalsIsOneDecrease()
{
    Limited l;
    l.limiter.seed(EndpointLimits{10, 0, 0, 0});
    QCOMPARE(l.limiter.rate(), 10.0);
    const auto burst = l.limiter.now();
    l.clock->advance(5);
    l.limiter.rateLimited(std::nullopt, burst);
    QCOMPARE(l.limiter.rate(), 8.5);
    // Twenty requests of the same burst come back 429 too: no further decrease.
    for (int i = 0; i < 20; ++i)
        l.limiter.rateLimited(std::nullopt, burst);
    QCOMPARE(l.limiter.rate(), 8.5);
    QCOMPARE(l.limiter.rateLimitedCount(), qint64(21));
    // A request sent after the decrease and refused again: a new signal.
    l.clock->advance(1);
    const auto later = l.limiter.now();
    l.clock->advance(1);
    l.limiter.rateLimited(std::nullopt, later);
    QVERIFY(qAbs(l.limiter.rate() - 8.5 * 0.85) < 1e-9);
    // However often, never below 0.2 calls/s.
    for (int i = 0; i < 100; ++i) {
        l.clock->advance(1);
        l.limiter.rateLimited(std::nullopt, l.limiter.now());
        l.clock->advance(1);
    }
    QCOMPARE(l.limiter.rate(), 0.2);
}

void TestRpcLimits::operatorRateStandsOn429()
{
    Limited l;
    l.limiter.seed(EndpointLimits{10, 0, 0, 0});
    l.limiter.setOperatorRate(4);
    l.clock->advance(5);
    l.limiter.rateLimited(2000, l.limiter.now());
    QCOMPARE(l.limiter.rate(), 4.0);
    QCOMPARE(l.limiter.limits().learnedRate, 10.0);
    QCOMPARE(l.limiter.waitMs(1), qint64(2000));       // the pause still applies
    // The bucket was emptied by the 429: after the pause, a call per 250 ms.
    l.clock->advance(2000);
    QCOMPARE(l.limiter.waitMs(1), qint64(0));
    for (int i = 0; i < 4; ++i)
        l.limiter.take(1);
    QCOMPARE(l.limiter.waitMs(1), qint64(250));
}

void TestRpcLimits::increasesOnlyWhileTheRateHoldsItBack()
{
    // Sending at the learned rate for 3 s: a quarter call/s more per second, not more.
    Limited busy;
    busy.limiter.seed(EndpointLimits{10, 0, 0, 0});
    for (int t = 0; t < 3000; t += 100) {
        busy.limiter.take(1);
        busy.limiter.answered(1);
        busy.clock->advance(100);
    }
    const double grown = busy.limiter.rate();
    QVERIFY2(grown > 10.0 && grown <= 10.75 + 1e-9, qPrintable(QString::number(grown)));

    // Not within a second of a 429, even one that decreased nothing.
    const auto sentBefore = busy.limiter.now();
    busy.clock->advance(1);
    busy.limiter.rateLimited(50, sentBefore);
    const double decreased = busy.limiter.rate();
    QVERIFY(decreased < grown);
    busy.clock->advance(1500);
    busy.limiter.rateLimited(50, sentBefore);       // a late refusal of the same burst
    QCOMPARE(busy.limiter.rate(), decreased);
    for (int t = 0; t < 900; t += 100) {
        busy.limiter.take(1);
        busy.limiter.answered(1);
        busy.clock->advance(100);
    }
    QCOMPARE(busy.limiter.rate(), decreased);
    for (int t = 0; t < 300; t += 100) {
        busy.limiter.take(1);
        busy.limiter.answered(1);
        busy.clock->advance(100);
    }
    QVERIFY2(busy.limiter.rate() > decreased, qPrintable(QString::number(busy.limiter.rate())));

    // An idle endpoint learns nothing: a call every 2 s for a minute.
    Limited idle;
    idle.limiter.seed(EndpointLimits{10, 0, 0, 0});
    for (int t = 0; t < 60000; t += 2000) {
        idle.limiter.take(1);
        idle.limiter.answered(1);
        idle.clock->advance(2000);
    }
    QCOMPARE(idle.limiter.rate(), 10.0);

    // Nor does one whose rate the operator set.
    Limited set;
    set.limiter.seed(EndpointLimits{10, 0, 0, 0});
    set.limiter.setOperatorRate(10);
    for (int t = 0; t < 3000; t += 100) {
        set.limiter.take(1);
        set.limiter.answered(1);
        set.clock->advance(100);
    }
    QCOMPARE(set.limiter.limits().learnedRate, 10.0);
}

void TestRpcLimits::seedsWhatAnEarlierRunLearned()
{
    Limited l;
    l.limiter.seed(EndpointLimits{4, 20, 500, 10000});
    QCOMPARE(l.limiter.limits(), (EndpointLimits{4, 20, 500, 10000}));
    QCOMPARE(l.limiter.rate(), 4.0);
    QCOMPARE(l.limiter.batchLimit(100), 20);
    // A second seed (another client of the URL read the row later) changes nothing learned.
    l.limiter.seed(EndpointLimits{40, 200, 5000, 100});
    QCOMPARE(l.limiter.limits(), (EndpointLimits{4, 20, 500, 10000}));

    // Nonsense in the row is floored: never a rate that stops the endpoint for good.
    Limited odd;
    odd.limiter.seed(EndpointLimits{0.01, -3, -1, -1});
    QCOMPARE(odd.limiter.limits(), (EndpointLimits{0.2, 0, 0, 0}));

    // What this process is learning wins over the row: a 429 before the row was read.
    Limited fresh;
    for (int i = 0; i < 30; ++i) {
        fresh.limiter.take(1);
        fresh.limiter.answered(1);
    }
    fresh.limiter.rateLimited(std::nullopt, fresh.limiter.now());
    fresh.limiter.seed(EndpointLimits{500, 0, 0, 0});
    QCOMPARE(fresh.limiter.rate(), 0.0);
    fresh.clock->advance(1000);
    fresh.limiter.take(1);
    QCOMPARE(fresh.limiter.rate(), 30.0);
}

void TestRpcLimits::batchSizeLearnedFromRefusals()
{
    Limited l;
    QCOMPARE(l.limiter.batchLimit(8), 8);
    QCOMPARE(l.limiter.batchLimit(0), 1);
    l.limiter.batchRefused(1);          // a single call cannot be split: nothing to learn
    QCOMPARE(l.limiter.limits().maxBatch, 0);

    // Never below what it accepted.
    l.limiter.batchAccepted(30);
    l.limiter.batchRefused(40);
    QCOMPARE(l.limiter.limits().maxBatch, 30);
    QCOMPARE(l.limiter.batchLimit(100), 30);
    QCOMPARE(l.limiter.batchLimit(7), 7);
    // Batches sent together are refused together: one lesson.
    l.limiter.batchRefused(40);
    l.limiter.batchRefused(40);
    QCOMPARE(l.limiter.limits().maxBatch, 30);

    // Smaller batches say nothing about the cap; 16 full ones pass before a larger one is tried.
    for (int i = 0; i < 50; ++i)
        l.limiter.batchAccepted(10);
    QCOMPARE(l.limiter.batchLimit(100), 30);
    int accepted = 0;
    while (l.limiter.batchLimit(100) == 30 && accepted < 1000) {
        l.limiter.batchAccepted(30);
        ++accepted;
    }
    QCOMPARE(accepted, 17);
    QCOMPARE(l.limiter.batchLimit(100), 60);
    QCOMPARE(l.limiter.limits().maxBatch, 30);   // only tried, not learned

    // Refused: back to 30, and twice as long before the next try.
    l.limiter.batchRefused(60);
    QCOMPARE(l.limiter.batchLimit(100), 30);
    QCOMPARE(l.limiter.limits().maxBatch, 30);
    accepted = 0;
    while (l.limiter.batchLimit(100) == 30 && accepted < 1000) {
        l.limiter.batchAccepted(30);
        ++accepted;
    }
    QCOMPARE(accepted, 33);

    // Accepted: the larger size is the cap from now on.
    l.limiter.batchAccepted(60);
    QCOMPARE(l.limiter.limits().maxBatch, 60);
    QCOMPARE(l.limiter.batchLimit(100), 60);

    // A provider that lowered its cap below a size it took before: halved, not kept.
    Limited lowered;
    lowered.limiter.batchAccepted(40);
    lowered.limiter.batchRefused(40);
    QCOMPARE(lowered.limiter.limits().maxBatch, 20);
}

void TestRpcLimits::logCapsAsStated()
{
    Limited l;
    l.limiter.logRangeLimited(0);
    l.limiter.logRangeLimited(-5);
    l.limiter.logResultsLimited(0);
    QCOMPARE(l.limiter.limits(), EndpointLimits());
    l.limiter.logRangeLimited(500);
    l.limiter.logResultsLimited(10000);
    QCOMPARE(l.limiter.limits().logRangeLimit, qint64(500));
    QCOMPARE(l.limiter.limits().logResultLimit, qint64(10000));
    // The latest statement wins, larger or smaller (a provider's plan changed).
    l.limiter.logRangeLimited(2000);
    QCOMPARE(l.limiter.limits().logRangeLimit, qint64(2000));
    l.limiter.logRangeLimited(100);
    QCOMPARE(l.limiter.limits().logRangeLimit, qint64(100));
}

void TestRpcLimits::oneLimiterPerUrlAndClock()
{
    const auto clock = std::shared_ptr<RpcClock>(std::make_shared<ManualClock>());
    const QUrl a(u"https://rpc.example.org/v3/KEY-A"_s);
    const auto first = EndpointLimiter::forUrl(a, clock);
    QCOMPARE(EndpointLimiter::forUrl(a, clock).get(), first.get());
    QCOMPARE(EndpointLimiter::forUrl(QUrl(u"https://rpc.example.org/v3/KEY-A"_s), clock).get(), first.get());
    // Two API keys are two quotas.
    QVERIFY(EndpointLimiter::forUrl(QUrl(u"https://rpc.example.org/v3/KEY-B"_s), clock).get() != first.get());
    QVERIFY(EndpointLimiter::forUrl(a).get() != first.get());
    // What one client learns, the others of the URL know.
    first->logRangeLimited(1234);
    QCOMPARE(EndpointLimiter::forUrl(a, clock)->limits().logRangeLimit, qint64(1234));
}

void TestRpcLimits::retryAfterHeader_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<qint64>("lowest");
    QTest::addColumn<qint64>("highest");      // -1: no value at all
    const QDateTime in30s = QDateTime::currentDateTimeUtc().addSecs(30);
    QTest::newRow("absent") << QByteArray() << qint64(-1) << qint64(-1);
    QTest::newRow("seconds") << "5"_ba << qint64(5000) << qint64(5000);
    QTest::newRow("seconds with blanks") << " 7 "_ba << qint64(7000) << qint64(7000);
    QTest::newRow("zero") << "0"_ba << qint64(0) << qint64(0);
    QTest::newRow("negative") << "-3"_ba << qint64(0) << qint64(0);
    QTest::newRow("a day: at most 10 min") << "86400"_ba << qint64(600000) << qint64(600000);
    QTest::newRow("not a number") << "soon"_ba << qint64(-1) << qint64(-1);
    QTest::newRow("HTTP date, numeric zone") << in30s.toString(Qt::RFC2822Date).toLatin1() << qint64(25000) << qint64(30000);
    // RFC 9110 §5.6.7: what servers send (IMF-fixdate, always "GMT").
    QTest::newRow("HTTP date, GMT") << QLocale::c().toString(in30s, u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1()
                                    << qint64(25000) << qint64(30000);
    QTest::newRow("HTTP date in the past") << "Sun, 06 Nov 1994 08:49:37 GMT"_ba << qint64(0) << qint64(0);
}

void TestRpcLimits::retryAfterHeader()
{
    QFETCH(QByteArray, header);
    QFETCH(qint64, lowest);
    QFETCH(qint64, highest);
    HttpTestServer server([header](const HttpRequest &) {
        HttpResponse r = HttpResponse::text(429, "slow down");
        if (!header.isNull())
            r.headers.append({"Retry-After", header});
        return r;
    });
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    QNetworkReply *reply = m_network.get(QNetworkRequest(server.url()));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 429);
    const std::optional<qint64> ms = EndpointLimiter::retryAfterMs(reply);
    reply->deleteLater();
    if (highest < 0) {
        QCOMPARE(ms, std::nullopt);
        return;
    }
    // An HTTP date always says "GMT" (IMF-fixdate, RFC 9110 §5.6.7), which Qt's RFC 2822 parser
    // refuses: rpchttp::retryAfterMs reads it itself.
    QVERIFY2(ms.has_value(), header.constData());
    QVERIFY2(*ms >= lowest && *ms <= highest, qPrintable(QString::number(*ms)));
}

} // namespace tst_rpclimits

ARBOR_GUILESS_TEST_MAIN(rpclimits, tst_rpclimits::TestRpcLimits)
#include "tst_rpclimits.moc"

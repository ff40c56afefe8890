// The metric series behind the chain charts: ring buffer, per-chain recording, and the pure
// functions that shape them (gaps, robust scales, the blocks/s definition, downsampling).

#include "model/chainstatus.h"
#include "metrics/chainmetrics.h"
#include "metrics/seriesmath.h"
#include "metrics/timeseries.h"
#include "testmain.h"

#include <QTest>

using namespace arbor;
using namespace arbor::seriesmath;

namespace tst_metrics {

namespace {

const qint64 T0 = 1700000000000;   // ms since the epoch, on a second boundary

EndpointRecord endpoint(const QString &url, std::optional<double> latency)
{
    EndpointRecord e;
    e.url = QUrl(url);
    e.status = EndpointStatus::Ok;
    e.latencyMs = latency;
    return e;
}

ChainStatus status(qint64 head, qint64 indexed, double bps, const QList<EndpointRecord> &endpoints = {})
{
    ChainStatus s;
    s.chainId = 7;
    s.phase = IndexPhase::Live;
    s.head = head;
    s.indexed = indexed;
    s.indexedTime = T0 / 1000 - 30;
    s.blocksPerSecond = bps;
    s.endpoints = endpoints;
    return s;
}

QList<double> ys(const QList<QPointF> &points)
{
    QList<double> out;
    for (const QPointF &p : points)
        out.append(p.y());
    return out;
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ringKeepsTheNewestPoints_data();
    void ringKeepsTheNewestPoints();
    void pointsSinceATime();
    void recordsLagAndRate();
    void onePointPerSecond();
    void capacityBoundsEverySeries();
    void endpointSeriesAppearAndDisappear();
    void unknownValuesAddNoPoint();
    void removeForgetsTheChain();
    void rateIsBlocksPerSecondOverTheWindow();
    void catchUpBurstIsSpreadOverTheWindow();
    void rateRestartsWhenTheCheckpointGoesBack();

    void splitAtGaps_data();
    void splitAtGaps();
    void robustScale_data();
    void robustScale();
    void niceCeil_data();
    void niceCeil();
    void promotionRate_data();
    void promotionRate();
    void trimKeepsWhatTheRateNeeds();
    void downsampleAveragesPerBucket();
    void downsampleKeepsGaps();
    void betweenIsInclusive();
};

void TestMetrics::ringKeepsTheNewestPoints_data()
{
    QTest::addColumn<int>("capacity");
    QTest::addColumn<int>("appended");
    QTest::newRow("empty") << 4 << 0;
    QTest::newRow("partly filled") << 4 << 3;
    QTest::newRow("exactly full") << 4 << 4;
    QTest::newRow("wrapped once") << 4 << 6;
    QTest::newRow("wrapped many times") << 5 << 23;
    QTest::newRow("capacity one") << 1 << 3;
}

void TestMetrics::ringKeepsTheNewestPoints()
{
    QFETCH(int, capacity);
    QFETCH(int, appended);
    TimeSeries series(capacity);
    for (int i = 0; i < appended; ++i)
        series.append(T0 + i * 1000, i);
    QCOMPARE(series.capacity(), capacity);
    QCOMPARE(series.size(), qMin(capacity, appended));
    const QList<QPointF> points = series.points();
    QCOMPARE(points.size(), qMin(capacity, appended));
    const int first = qMax(0, appended - capacity);
    for (int i = 0; i < points.size(); ++i) {
        QCOMPARE(points[i].x(), double(T0 + (first + i) * 1000));
        QCOMPARE(points[i].y(), double(first + i));
    }
    if (appended > 0)
        QCOMPARE(series.last()->value, double(appended - 1));
    else
        QVERIFY(!series.last());
    series.clear();
    QVERIFY(series.isEmpty());
    QVERIFY(series.points().isEmpty());
}

void TestMetrics::pointsSinceATime()
{
    TimeSeries series(4);
    for (int i = 0; i < 7; ++i)   // holds 3, 4, 5, 6
        series.append(T0 + i * 1000, i);
    QCOMPARE(ys(series.points(T0 + 5000)), (QList<double>{5, 6}));
    QCOMPARE(ys(series.points(T0 + 4500)), (QList<double>{5, 6}));
    QCOMPARE(ys(series.points(0)), (QList<double>{3, 4, 5, 6}));
    QVERIFY(series.points(T0 + 60000).isEmpty());
}

void TestMetrics::recordsLagAndRate()
{
    ChainMetrics metrics;
    metrics.record(status(100, 90, 2.5), T0);
    metrics.record(status(100, 100, 4), T0 + 1000);
    const ChainSeries s = metrics.series(7);
    QCOMPARE(s.chainId, 7);
    QCOMPARE(ys(s.lagBlocks), (QList<double>{10, 0}));
    QCOMPARE(ys(s.lagSeconds), (QList<double>{30, 0}));
    // Measured from the checkpoints, not taken from the status: 10 blocks in the one second.
    QCOMPARE(ys(s.blocksPerSecond), (QList<double>{10}));
    QCOMPARE(metrics.rate(7), std::optional<double>(10));
    QCOMPARE(s.lagBlocks.first().x(), double(T0));
    QCOMPARE(metrics.series(7, T0 + 500).lagBlocks.size(), 1);
}

void TestMetrics::onePointPerSecond()
{
    ChainMetrics metrics;
    const QString url = QStringLiteral("http://127.0.0.1:8545");
    // Statuses every 250 ms for 3 s: 12 statuses, 3 seconds, 3 points per series.
    for (int i = 0; i < 12; ++i)
        metrics.record(status(100, 100 - i, i, {endpoint(url, 10 + i)}), T0 + i * 250);
    const ChainSeries s = metrics.series(7);
    QCOMPARE(ys(s.lagBlocks), (QList<double>{0, 4, 8}));   // the first status of each second
    QVERIFY(s.blocksPerSecond.isEmpty());   // the checkpoint went back each time: no rate
    QCOMPARE(s.endpointLatencyMs.value(url).size(), 3);
    QCOMPARE(s.lagBlocks[1].x(), double(T0 + 1000));
    // An older time (a clock step back) adds nothing either.
    metrics.record(status(100, 50, 0), T0);
    QCOMPARE(metrics.series(7).lagBlocks.size(), 3);
}

void TestMetrics::capacityBoundsEverySeries()
{
    ChainMetrics metrics(10);
    QCOMPARE(metrics.capacity(), 10);
    const QString url = QStringLiteral("http://a.example");
    for (int i = 0; i < 25; ++i)
        metrics.record(status(2000 + 2 * i, 2000 + i, i, {endpoint(url, i)}), T0 + i * 1000);
    const ChainSeries s = metrics.series(7);
    QCOMPARE(s.lagBlocks.size(), 10);
    QCOMPARE(s.lagSeconds.size(), 10);
    QCOMPARE(s.blocksPerSecond.size(), 10);
    QCOMPARE(s.endpointLatencyMs.value(url).size(), 10);
    QCOMPARE(s.lagBlocks.first().y(), 15.0);
    QCOMPARE(s.lagBlocks.last().y(), 24.0);
    QCOMPARE(s.blocksPerSecond.last().y(), 1.0);
    QCOMPARE(s.lagBlocks.last().x(), double(T0 + 24000));
    QCOMPARE(ChainMetrics::DefaultCapacity, 3 * 3600);
}

void TestMetrics::endpointSeriesAppearAndDisappear()
{
    ChainMetrics metrics;
    const QString a = QStringLiteral("http://a.example");
    const QString b = QStringLiteral("http://b.example:8545");
    metrics.record(status(10, 10, 0, {endpoint(a, 12)}), T0);
    QCOMPARE(metrics.series(7).endpointLatencyMs.keys(), QStringList{a});

    // b appears with its first measured latency…
    metrics.record(status(10, 10, 0, {endpoint(a, 13), endpoint(b, std::nullopt)}), T0 + 1000);
    QCOMPARE(metrics.series(7).endpointLatencyMs.keys(), QStringList{a});
    metrics.record(status(10, 10, 0, {endpoint(a, 14), endpoint(b, 40)}), T0 + 2000);
    ChainSeries s = metrics.series(7);
    QCOMPARE(s.endpointLatencyMs.keys(), (QStringList{a, b}));
    QCOMPARE(ys(s.endpointLatencyMs.value(a)), (QList<double>{12, 13, 14}));
    QCOMPARE(ys(s.endpointLatencyMs.value(b)), (QList<double>{40}));

    // …and a goes when the chain's status no longer lists it.
    metrics.record(status(10, 10, 0, {endpoint(b, 41)}), T0 + 3000);
    s = metrics.series(7);
    QCOMPARE(s.endpointLatencyMs.keys(), QStringList{b});
    QCOMPARE(ys(s.endpointLatencyMs.value(b)), (QList<double>{40, 41}));
    // Lag series are unaffected.
    QCOMPARE(s.lagBlocks.size(), 4);
}

void TestMetrics::unknownValuesAddNoPoint()
{
    ChainMetrics metrics;
    ChainStatus starting;
    starting.chainId = 7;
    metrics.record(starting, T0);
    QVERIFY(metrics.contains(7));
    QVERIFY(metrics.series(7).isEmpty());

    // Behind, but the checkpoint block's time is unknown: lag in blocks only.
    ChainStatus behind = status(50, 40, 1);
    behind.indexedTime.reset();
    metrics.record(behind, T0 + 1000);
    const ChainSeries s = metrics.series(7);
    QCOMPARE(s.lagBlocks.size(), 1);
    QVERIFY(s.lagSeconds.isEmpty());
}

void TestMetrics::removeForgetsTheChain()
{
    ChainMetrics metrics;
    metrics.record(status(10, 5, 1), T0);
    ChainStatus other = status(10, 5, 1);
    other.chainId = 8;
    metrics.record(other, T0);
    metrics.remove(7);
    QVERIFY(!metrics.contains(7));
    QVERIFY(metrics.series(7).isEmpty());
    QCOMPARE(metrics.chainIds(), QList<qint64>{8});
    QVERIFY(!metrics.series(8).isEmpty());
}

void TestMetrics::rateIsBlocksPerSecondOverTheWindow()
{
    // 2 blocks a second for a minute: the rate is 2 once a second has been seen, and stays 2.
    ChainMetrics metrics;
    for (int i = 0; i <= 60; ++i)
        metrics.record(status(1000, 100 + 2 * i, 0), T0 + i * 1000);
    const QList<double> rates = ys(metrics.series(7).blocksPerSecond);
    QCOMPARE(rates.size(), 60);
    for (double r : rates)
        QCOMPARE(r, 2.0);
    // Nothing promoted for a whole window: 0, not the last speed.
    for (int i = 61; i <= 61 + ChainMetrics::RateWindowMs / 1000; ++i)
        metrics.record(status(1000, 220, 0), T0 + i * 1000);
    QCOMPARE(metrics.rate(7), std::optional<double>(0));
}

void TestMetrics::catchUpBurstIsSpreadOverTheWindow()
{
    // Idle at 1 block/s, then one range of 80,000 blocks promoted in one go: the rate shows
    // 80,000 blocks over the window (the indexer's two promotions 25 ms apart said 3,200,000).
    ChainMetrics metrics;
    qint64 block = 1000;
    int second = 0;
    for (; second <= 60; ++second)
        metrics.record(status(200000, block++, 3.2e6), T0 + second * 1000);
    block += 80000;
    const int windowSeconds = int(ChainMetrics::RateWindowMs / 1000);
    double peak = 0;
    for (int i = 0; i < 2 * windowSeconds; ++i, ++second) {
        metrics.record(status(200000, block++, 3.2e6), T0 + second * 1000);
        peak = std::max(peak, *metrics.rate(7));
    }
    QVERIFY2(peak <= (80000.0 + windowSeconds) / windowSeconds + 1e-9, qPrintable(QString::number(peak)));
    QVERIFY(peak >= 80000.0 / windowSeconds);
    QCOMPARE(*metrics.rate(7), 1.0);   // a window after the burst: back to the real rate
}

void TestMetrics::rateRestartsWhenTheCheckpointGoesBack()
{
    ChainMetrics metrics;
    metrics.record(status(200, 100, 0), T0);
    metrics.record(status(200, 110, 0), T0 + 1000);
    QCOMPARE(metrics.rate(7), std::optional<double>(10));
    metrics.record(status(200, 95, 0), T0 + 2000);   // a reorg rolled back 15 blocks
    QVERIFY(!metrics.rate(7));
    metrics.record(status(200, 97, 0), T0 + 3000);
    QCOMPARE(metrics.rate(7), std::optional<double>(2));
}

void TestMetrics::splitAtGaps_data()
{
    QTest::addColumn<QList<double>>("times");
    QTest::addColumn<qint64>("maxGap");
    QTest::addColumn<QList<int>>("runLengths");
    QTest::newRow("empty") << QList<double>{} << qint64(5000) << QList<int>{};
    QTest::newRow("one point") << QList<double>{0} << qint64(5000) << QList<int>{1};
    QTest::newRow("every second") << QList<double>{0, 1000, 2000, 3000} << qint64(5000) << QList<int>{4};
    QTest::newRow("exactly the limit joins") << QList<double>{0, 5000} << qint64(5000) << QList<int>{2};
    QTest::newRow("paused for ten minutes") << QList<double>{0, 1000, 601000, 602000} << qint64(5000) << QList<int>{2, 2};
    QTest::newRow("lone point between gaps") << QList<double>{0, 60000, 120000, 121000} << qint64(5000) << QList<int>{1, 1, 2};
}

void TestMetrics::splitAtGaps()
{
    QFETCH(QList<double>, times);
    QFETCH(qint64, maxGap);
    QFETCH(QList<int>, runLengths);
    QList<QPointF> points;
    for (double t : times)
        points.append(QPointF(double(T0) + t, t / 1000));
    const QList<QList<QPointF>> runs = seriesmath::splitAtGaps(points, maxGap);
    QList<int> lengths;
    QList<QPointF> joined;
    for (const QList<QPointF> &run : runs) {
        lengths.append(int(run.size()));
        joined.append(run);
    }
    QCOMPARE(lengths, runLengths);
    QCOMPARE(joined, points);   // every point in exactly one run, in order
}

void TestMetrics::robustScale_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("top");
    QTest::addColumn<bool>("clipped");
    QList<double> burst(100, 20.0);
    burst[50] = 80000;
    QList<double> steady;
    for (int i = 0; i <= 100; ++i)
        steady.append(10000 - 100 * i);   // a lag caught up linearly: no outlier
    QList<double> quietWithBurst(100, 0.0);
    quietWithBurst[10] = 500;
    QList<double> longBurst(100, 20.0);
    for (int i = 0; i < 10; ++i)
        longBurst[i] = 5000;   // 10 % of the window: that is the picture, not an outlier
    QTest::newRow("empty") << QList<double>{} << 1.0 << false;
    QTest::newRow("all zero") << QList<double>{0, 0, 0} << 1.0 << false;
    QTest::newRow("one burst in an hour of 20/s") << burst << 50.0 << true;
    QTest::newRow("steady catch-up") << steady << 20000.0 << false;
    QTest::newRow("quiet chain, one burst") << quietWithBurst << 1000.0 << false;
    QTest::newRow("long burst is shown") << longBurst << 10000.0 << false;
    QTest::newRow("negative counts as 0") << QList<double>{-5, 3} << 5.0 << false;
}

void TestMetrics::robustScale()
{
    QFETCH(QList<double>, values);
    QFETCH(double, top);
    QFETCH(bool, clipped);
    const Scale scale = seriesmath::robustScale(values);
    QCOMPARE(scale.top, top);
    QCOMPARE(scale.clipped, clipped);
    if (!values.isEmpty())
        QCOMPARE(scale.highest, std::max(0.0, *std::max_element(values.begin(), values.end())));
}

void TestMetrics::niceCeil_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<double>("nice");
    QTest::newRow("0") << 0.0 << 1.0;
    QTest::newRow("0.3") << 0.3 << 0.5;
    QTest::newRow("1") << 1.0 << 1.0;
    QTest::newRow("1.2") << 1.2 << 2.0;
    QTest::newRow("2") << 2.0 << 2.0;
    QTest::newRow("23") << 23.0 << 50.0;
    QTest::newRow("51") << 51.0 << 100.0;
    QTest::newRow("92000") << 92000.0 << 100000.0;
}

void TestMetrics::niceCeil()
{
    QFETCH(double, value);
    QFETCH(double, nice);
    QCOMPARE(seriesmath::niceCeil(value), nice);
}

void TestMetrics::promotionRate_data()
{
    QTest::addColumn<QList<qint64>>("ms");
    QTest::addColumn<QList<qint64>>("blocks");
    QTest::addColumn<double>("rate");   // -1: none
    QTest::newRow("one sample") << QList<qint64>{0} << QList<qint64>{10} << -1.0;
    QTest::newRow("under a second") << QList<qint64>{0, 500} << QList<qint64>{10, 20} << -1.0;
    QTest::newRow("less than a window: since the first") << QList<qint64>{0, 1000, 2000} << QList<qint64>{10, 14, 20} << 5.0;
    QTest::newRow("a window back") << QList<qint64>{0, 10000, 30000, 40000} << QList<qint64>{0, 100, 400, 700} << 20.0;
    QTest::newRow("went back") << QList<qint64>{0, 2000} << QList<qint64>{100, 90} << 0.0;
}

void TestMetrics::promotionRate()
{
    QFETCH(QList<qint64>, ms);
    QFETCH(QList<qint64>, blocks);
    QFETCH(double, rate);
    std::deque<CheckpointSample> samples;
    for (int i = 0; i < ms.size(); ++i)
        samples.push_back({ms[i], blocks[i]});
    const auto measured = seriesmath::promotionRate(samples, 30000);
    if (rate < 0)
        QVERIFY(!measured);
    else
        QCOMPARE(measured, std::optional<double>(rate));
}

void TestMetrics::trimKeepsWhatTheRateNeeds()
{
    std::deque<CheckpointSample> samples;
    for (int i = 0; i <= 100; ++i)
        samples.push_back({i * 1000LL, i * 3LL});
    const auto before = seriesmath::promotionRate(samples, 30000);
    seriesmath::trimRateSamples(samples, 30000);
    QCOMPARE(samples.front().ms, 70000);   // the newest sample a window old, and what follows
    QCOMPARE(seriesmath::promotionRate(samples, 30000), before);
}

void TestMetrics::downsampleAveragesPerBucket()
{
    QList<QPointF> points;
    for (int i = 0; i < 60; ++i)
        points.append(QPointF(double(T0 + i * 1000), i));
    const QList<QPointF> down = seriesmath::downsample(points, 10000);
    QCOMPARE(down.size(), 6);
    QCOMPARE(down.first().y(), 4.5);          // mean of 0…9
    QCOMPARE(down.first().x(), double(T0 + 4500));
    QCOMPARE(down.last().y(), 54.5);
    QCOMPARE(seriesmath::downsample(points, 1), points);
}

void TestMetrics::downsampleKeepsGaps()
{
    QList<QPointF> points{{double(T0), 1}, {double(T0 + 1000), 3}, {double(T0 + 3600000), 5}};
    const QList<QPointF> down = seriesmath::downsample(points, 60000);
    QCOMPARE(down.size(), 2);
    QCOMPARE(down[0].y(), 2.0);
    QCOMPARE(down[1], QPointF(double(T0 + 3600000), 5));
    QCOMPARE(seriesmath::splitAtGaps(down, 5 * 60000).size(), 2);
}

void TestMetrics::betweenIsInclusive()
{
    QList<QPointF> points;
    for (int i = 0; i < 10; ++i)
        points.append(QPointF(double(i * 1000), i));
    QCOMPARE(ys(seriesmath::between(points, 2000, 4000)), (QList<double>{2, 3, 4}));
    QCOMPARE(ys(seriesmath::between(points, 2500, 3500)), QList<double>{3});
    QVERIFY(seriesmath::between(points, 20000, 30000).isEmpty());
}

} // namespace tst_metrics

ARBOR_GUILESS_TEST_MAIN(metrics, tst_metrics::TestMetrics)
#include "tst_metrics.moc"

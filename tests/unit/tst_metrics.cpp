// The in-memory metric series behind the chain charts: ring buffer and per-chain recording.

#include "model/chainstatus.h"
#include "metrics/chainmetrics.h"
#include "metrics/timeseries.h"

#include <QTest>

using namespace arbor;

namespace {

const qint64 T0 = 1700000000000;   // ms since the epoch, on a second boundary

EndpointRecord endpoint(const QString &url, std::optional<double> latency)
{
    EndpointRecord e;
    e.url = QUrl(url);
    e.status = QStringLiteral("ok");
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
    QCOMPARE(ys(s.blocksPerSecond), (QList<double>{2.5, 4}));
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
    QCOMPARE(s.blocksPerSecond.size(), 3);
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
        metrics.record(status(1000, 1000 - i, i, {endpoint(url, i)}), T0 + i * 1000);
    const ChainSeries s = metrics.series(7);
    QCOMPARE(s.lagBlocks.size(), 10);
    QCOMPARE(s.lagSeconds.size(), 10);
    QCOMPARE(s.blocksPerSecond.size(), 10);
    QCOMPARE(s.endpointLatencyMs.value(url).size(), 10);
    QCOMPARE(s.lagBlocks.first().y(), 15.0);
    QCOMPARE(s.lagBlocks.last().y(), 24.0);
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

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"

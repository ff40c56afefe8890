// The chart history (migration 7, MetricsStore, MetricsRecorder, StatsService::chainHistory) on SQLite
// and PostgreSQL: samples written on a writer thread outlive the engine, come back downsampled
// for long windows, are pruned in batches and go with the chain when it is deleted.
#include "testdatabase.h"
#include "testresults.h"

#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/metricsrecorder.h"
#include "engine/statsservice.h"
#include "engine/storethread.h"
#include "metrics/metricsstore.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/retention.h"
#include "testmain.h"

#include <QDateTime>
#include <QTest>

using namespace arbor;
using namespace arbor::test;

namespace tst_charthistory {

namespace {

constexpr qint64 ChainId = 4242;
constexpr qint64 Step = MetricsStore::SampleIntervalMs;

qint64 rows(Store &store, const char *table, qint64 chainId)
{
    auto n = store.rowCount(ddl::adminTable(store.backend(), QString::fromLatin1(table)), QStringLiteral("chain_id = ?"), {chainId});
    return n ? *n : -1;
}

/// `count` samples one Step apart ending at `last`: lag i, rate 2, latency 10 + i % 5.
QList<MetricSample> samples(qint64 chainId, qint64 last, int count)
{
    QList<MetricSample> out;
    for (int i = 0; i < count; ++i) {
        MetricSample s;
        s.chainId = chainId;
        s.sampledAt = last - (count - 1 - i) * Step;
        s.lagBlocks = i;
        s.lagSeconds = 12.0 * i;
        s.blocksPerSecond = 2;
        s.endpoints.append({QStringLiteral("http://127.0.0.1:1/"), 10.0 + i % 5, 100 + i, i / 10});
        out.append(s);
    }
    return out;
}

} // namespace

class TestChartHistory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ARBOR_REQUIRE_BACKEND(); }
    void readBackRawAndDownsampled();
    void pruneInBatches();
    void keptAcrossRestartAndDeletedWithTheChain();
};

void TestChartHistory::readBackRawAndDownsampled()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    // Six hours at one sample per 15 s, and a sample of another chain that must not show.
    QVERIFY2(MetricsStore(*store).append(samples(ChainId, now, 6 * 240)), "append");
    QVERIFY2(MetricsStore(*store).append(samples(ChainId + 1, now, 3)), "append other");
    // Appending the same moments again keeps one row each.
    QVERIFY2(MetricsStore(*store).append(samples(ChainId, now, 3)), "append again");
    QCOMPARE(rows(*store, "metric_samples", ChainId), qint64(6 * 240));

    // 15 minutes: every sample, as written.
    auto recent = MetricsStore(*store).series(ChainId, now - 15 * 60000 + 1, now, 720);
    QVERIFY2(recent, why(recent).constData());
    QCOMPARE(recent->stepMs, Step);
    QCOMPARE(recent->lagBlocks.size(), 60);
    QCOMPARE(recent->lagBlocks.last(), QPointF(double(now), 6 * 240 - 1));
    QCOMPARE(recent->blocksPerSecond.last().y(), 2.0);
    QCOMPARE(recent->endpointLatencyMs.keys(), QStringList{QStringLiteral("http://127.0.0.1:1/")});
    QCOMPARE(recent->endpointLatencyMs.first().size(), 60);

    // Six hours drawn with at most 720 points: buckets of two samples, averaged.
    auto all = MetricsStore(*store).series(ChainId, now - 6 * 3600000, now, 720);
    QVERIFY2(all, why(all).constData());
    QCOMPARE(all->stepMs, 2 * Step);
    QVERIFY2(all->lagBlocks.size() <= 721 && all->lagBlocks.size() >= 700, qPrintable(QString::number(all->lagBlocks.size())));
    double sum = 0;
    for (const QPointF &p : all->blocksPerSecond)
        sum += p.y();
    QCOMPARE(sum / double(all->blocksPerSecond.size()), 2.0);

    auto none = MetricsStore(*store).series(ChainId + 7, now - 3600000, now, 720);
    QVERIFY(none && none->isEmpty());
}

void TestChartHistory::pruneInBatches()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    store->setClock([now] { return now; });
    const qint64 cutoff = now - 7 * RetentionStore::DayMs;   // the chart_samples policy's default
    // 500 samples older than the retention, 40 within it.
    QVERIFY(MetricsStore(*store).append(samples(ChainId, cutoff - Step, 500)));
    QVERIFY(MetricsStore(*store).append(samples(ChainId, now, 40)));
    QCOMPARE(rows(*store, "metric_samples", ChainId), qint64(540));

    auto targets = RetentionStore(*store).targets();
    QVERIFY2(targets, why(targets).constData());
    QStringList tables;
    int rounds = 0;
    for (const RetentionTarget &target : *targets) {
        if (target.policy != u"chart_samples")
            continue;
        tables.append(target.table);
        for (qint64 removed = 100; removed >= 100; ++rounds) {
            auto next = RetentionStore(*store).deleteBatch(target, 100);
            QVERIFY2(next, why(next).constData());
            removed = *next;
        }
    }
    QCOMPARE(tables.size(), 2);
    QCOMPARE(rounds, 12);   // per table five full batches and one that found nothing
    QCOMPARE(rows(*store, "metric_samples", ChainId), qint64(40));
    QCOMPARE(rows(*store, "endpoint_samples", ChainId), qint64(40));
}

void TestChartHistory::keptAcrossRestartAndDeletedWithTheChain()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        auto store = db.open();
        QVERIFY(store);
        const ChainConfig config = sampleChain(ChainId, QStringLiteral("history"));
        QVERIFY(ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()));
    }

    // A recorder on a writer thread, as an indexing engine runs it, fed with a chain that was
    // 30 blocks behind and promoting 4 blocks/s over the last interval.
    const qint64 start = QDateTime::currentMSecsSinceEpoch();
    {
        StoreThread writer(QStringLiteral("test-writer"));
        QVERIFY(waitFor(writer.open(db.url(), QString())));
        ChainStatus status;
        status.chainId = ChainId;
        EndpointRecord endpoint;
        endpoint.url = QUrl(QStringLiteral("http://user:secret@127.0.0.1:1/"));
        endpoint.requests = 77;
        status.endpoints = {endpoint};
        MetricsRecorder::Sources sources;
        sources.writer = &writer;
        sources.statuses = [status] { return QList<ChainStatus>{status}; };
        sources.series = [](qint64 chainId, qint64 sinceMs) {
            ChainSeries s;
            s.chainId = chainId;
            s.lagBlocks = {QPointF(double(sinceMs + 1000), 20), QPointF(double(sinceMs + 2000), 40)};
            s.blocksPerSecond = {QPointF(double(sinceMs + 2000), 4)};
            s.endpointLatencyMs.insert(QStringLiteral("http://127.0.0.1:1/"), {QPointF(double(sinceMs + 2000), 35)});
            return s;
        };
        sources.writable = [] { return true; };
        MetricsRecorder recorder(sources, int(Step));
        recorder.sampleNow();
        auto store = db.open();
        QTRY_COMPARE_WITH_TIMEOUT(rows(*store, "metric_samples", ChainId), qint64(1), 10000);
        QCOMPARE(rows(*store, "endpoint_samples", ChainId), qint64(1));
        auto urls = store->queryStrings(QLatin1String("SELECT url FROM ") + ddl::adminTable(store->backend(), QStringLiteral("endpoint_samples")));
        QVERIFY(urls);
        QCOMPARE(*urls, QStringList{QStringLiteral("http://127.0.0.1:1/")});   // no password kept
    }

    EngineOptions options;
    options.database = db.url();
    auto engine = std::make_unique<Engine>(options);
    const Status started = waitFor(engine->start());
    QVERIFY2(started, why(started).constData());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto history = waitFor(engine->stats()->chainHistory(ChainId, start - 60000, now, 720));
    QVERIFY2(history, why(history).constData());
    QCOMPARE(history->lagBlocks.size(), 1);
    QCOMPARE(history->lagBlocks.first().y(), 30.0);   // the interval's mean
    QCOMPARE(history->blocksPerSecond.first().y(), 4.0);
    QCOMPARE(history->endpointLatencyMs.value(QStringLiteral("http://127.0.0.1:1/")).first().y(), 35.0);

    const Status deleted = waitFor(engine->chains()->deleteChain(ChainRef{ChainId, {}}), 60000);
    QVERIFY2(deleted, why(deleted).constData());
    auto after = waitFor(engine->stats()->chainHistory(ChainId, start - 60000, QDateTime::currentMSecsSinceEpoch(), 720));
    QVERIFY2(after, why(after).constData());
    QVERIFY(after->isEmpty());
    engine.reset();
    auto store = db.open(false);
    QCOMPARE(rows(*store, "metric_samples", ChainId), qint64(0));
    QCOMPARE(rows(*store, "endpoint_samples", ChainId), qint64(0));
    QCOMPARE(chainFootprint(*store, ChainId), QStringList());
}

} // namespace tst_charthistory

ARBOR_GUILESS_TEST_MAIN(charthistory, tst_charthistory::TestChartHistory)
#include "tst_charthistory.moc"

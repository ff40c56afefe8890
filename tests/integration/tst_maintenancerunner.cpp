// MaintenanceRunner on both backends, on an EngineContext of its own: a run of a kind already
// under way is joined (the other kind runs beside it); retention deletes in batches, each its
// own writer job, so other writes go between them; a failing target stops the run and says
// where; a writer that is not open fails the run and does not stick; the schedule runs for the
// writable lease holder only. tst_retention and tst_maintenance cover what the runs delete and do.

#include "testdatabase.h"

#include "engine/enginecontext.h"
#include "engine/leasekeeper.h"
#include "engine/maintenancerunner.h"
#include "store/maintenancelog.h"
#include "store/retention.h"
#include "testmain.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_maintenancerunner {

namespace {

constexpr qint64 Day = RetentionStore::DayMs;

template<typename T>
T waitFor(QFuture<T> future, int timeoutMs = 120000)
{
    (void)QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
    return future.result();
}

template<typename T>
QString why(const Result<T> &r)
{
    return r ? QString() : r.error().toString();
}

/// `old` action results 100 days old (past the 90-day policy) and `young` of yesterday.
Status addActionResults(Store &s, int old, int young)
{
    return s.transaction([&]() -> Status {
        for (int i = 0; i < old + young; ++i) {
            const qint64 at = s.now() - (i < old ? 100 * Day : Day) - i;
            if (Status st = s.exec(QLatin1String("INSERT INTO ") + s.admin("action_results")
                                       + QLatin1String(" (delivery_id, trigger_id, action_id, action_type, chain_id, block_number, tx_hash, log_index, "
                                                       "status, attempt, at) VALUES (?, 1, 1, 'rest', 1, 1, ?, ?, 'success', 1, ?)"),
                                   {u"d%1"_s.arg(i), QByteArray(32, '\1'), i, at});
                !st)
                return st;
        }
        return {};
    });
}

} // namespace

class TestMaintenanceRunner final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ARBOR_REQUIRE_BACKEND(); }
    void init();
    void cleanup();

    void runUnderWayIsJoined();
    void retentionBatchesLetOtherWritesThrough();
    void failingTargetStopsTheRunAndSaysWhere();
    void writerNotOpenFailsAndDoesNotStick();
    void scheduleRunsForTheWritableLeaseHolderOnly();
    void noScheduleWithoutTheLease();

private:
    /// An EngineContext on the test database, its writer open (not started unless asked).
    std::unique_ptr<EngineContext> context(EngineOptions options = {}, bool open = true);
    qint64 actionResults(EngineContext &c);
    QList<MaintenanceRun> runs(EngineContext &c);

    std::unique_ptr<TestDatabase> m_db;
};

void TestMaintenanceRunner::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    auto store = m_db->open();
    QVERIFY(store);
}

void TestMaintenanceRunner::cleanup()
{
    m_db.reset();
}

std::unique_ptr<EngineContext> TestMaintenanceRunner::context(EngineOptions options, bool open)
{
    options.database = m_db->url();
    options.snapshotIntervalMs = 0;
    auto c = std::make_unique<EngineContext>(options);
    if (open) {
        const Status opened = waitFor(c->writer()->open(m_db->url(), QString()));
        if (!opened)
            qWarning() << "writer:" << opened.error().toString();
        const Status reader = waitFor(c->reader()->open(m_db->url(), QString()));
        if (!reader)
            qWarning() << "reader:" << reader.error().toString();
    }
    return c;
}

qint64 TestMaintenanceRunner::actionResults(EngineContext &c)
{
    return waitFor(c.writer()->run([](Store &s) { return s.rowCount(s.admin("action_results")); })).value_or(-1);
}

QList<MaintenanceRun> TestMaintenanceRunner::runs(EngineContext &c)
{
    return waitFor(c.writer()->run([](Store &s) { return MaintenanceLog(s).runs(100); })).value_or({});
}

void TestMaintenanceRunner::runUnderWayIsJoined()
{
    auto c = context();
    QVERIFY(waitFor(c->writer()->run([](Store &s) { return addActionResults(s, 50, 5); })));
    MaintenanceRunner runner(*c);
    QSignalSpy changed(&runner, &MaintenanceRunner::runsChanged);

    auto retention = runner.retention(u"operator"_s);
    auto joined = runner.retention(u"schedule"_s);          // the run under way, not a second one
    auto maintenance = runner.maintenance(false, u"operator"_s);
    auto maintenanceJoined = runner.maintenance(true, u"schedule"_s);
    const auto r = waitFor(retention);
    const auto m = waitFor(maintenance);
    QVERIFY2(r, qPrintable(why(r)));
    QVERIFY2(m, qPrintable(why(m)));
    QCOMPARE(waitFor(joined)->id, r->id);
    QCOMPARE(waitFor(maintenanceJoined)->id, m->id);
    QVERIFY(r->id != m->id);                                // the two kinds run side by side
    QCOMPARE(r->kind, u"retention"_s);
    QCOMPARE(r->requestedBy, u"operator"_s);
    QCOMPARE(m->kind, u"maintenance"_s);
    QCOMPARE(m->requestedBy, u"operator"_s);
    QCOMPARE(r->ok, std::optional<bool>(true));
    QCOMPARE(m->ok, std::optional<bool>(true));
    QVERIFY(r->finishedAt && *r->finishedAt >= r->startedAt);
    QCOMPARE(r->deletedByPolicy().value(u"action_results"_s), qint64(50));
    QCOMPARE(actionResults(*c), qint64(5));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 4, 5000);    // each run: started, finished
    const QList<MaintenanceRun> recorded = runs(*c);
    QCOMPARE(recorded.size(), 2);

    // Once finished, the next call starts a new run.
    const auto again = waitFor(runner.retention(u"operator"_s));
    QVERIFY2(again, qPrintable(why(again)));
    QVERIFY(again->id != r->id);
    QCOMPARE(again->deletedByPolicy().value(u"action_results"_s), qint64(0));
    QCOMPARE(runs(*c).size(), 3);
}

void TestMaintenanceRunner::retentionBatchesLetOtherWritesThrough()
{
    auto c = context();
    const int old = 3 * RetentionStore::DefaultBatch + 5;
    QVERIFY(waitFor(c->writer()->run([old](Store &s) { return addActionResults(s, old, 10); })));
    MaintenanceRunner runner(*c);
    auto run = runner.retention(u"operator"_s);

    // Writes queued while it runs (a promotion, a lease renewal) go between its batches: each
    // sees the table part way through, not only before and after the whole run.
    QList<qint64> seen;
    while (!run.isFinished()) {
        seen.append(actionResults(*c));
        QCoreApplication::processEvents();
    }
    const auto done = waitFor(run);
    QVERIFY2(done, qPrintable(why(done)));
    bool partWay = false;
    for (qint64 n : std::as_const(seen))
        partWay = partWay || (n > 10 && n < old + 10 && n % RetentionStore::DefaultBatch == (old + 10) % RetentionStore::DefaultBatch);
    QVERIFY2(partWay, qPrintable(u"counts seen while it ran: "_s + QString::number(seen.size()) + u" "_s
                                 + QString::number(seen.value(0)) + u"…"_s + QString::number(seen.value(seen.size() - 1))));

    QCOMPARE(done->deletedByPolicy().value(u"action_results"_s), qint64(old));
    QCOMPARE(actionResults(*c), qint64(10));
    const MaintenanceStep *step = nullptr;
    for (const MaintenanceStep &s : std::as_const(done->steps)) {
        if (s.step == u"delete" && s.target.endsWith(u"action_results"_s))
            step = &s;
    }
    QVERIFY(step);
    QCOMPARE(step->rows, qint64(old));
    QCOMPARE(step->detail, u"4 batch(es)"_s);
    QVERIFY(step->ok);
    // Policies that keep everything are listed as such.
    bool kept = false;
    for (const MaintenanceStep &s : std::as_const(done->steps))
        kept = kept || (s.step == u"keep" && s.rows == -1 && s.detail == u"kept for ever"_s);
    QVERIFY(kept);
}

void TestMaintenanceRunner::failingTargetStopsTheRunAndSaysWhere()
{
    auto c = context();
    QVERIFY(waitFor(c->writer()->run([](Store &s) { return addActionResults(s, 5, 0); })));
    // The first target's table has gone (a hand-edited database).
    QString table;
    QVERIFY(waitFor(c->writer()->run([&table](Store &s) {
        table = s.admin("action_results");
        return s.exec(QLatin1String("DROP TABLE ") + table);
    })));
    MaintenanceRunner runner(*c);
    const auto run = waitFor(runner.retention(u"operator"_s));
    QVERIFY2(run, qPrintable(why(run)));     // the run happened, and failed: recorded as such
    QCOMPARE(run->ok, std::optional<bool>(false));
    QVERIFY2(run->error.startsWith(u"Retention stopped at %1: "_s.arg(table)), qPrintable(run->error));
    const MaintenanceStep &first = run->steps.first();
    QCOMPARE(first.target, table);
    QVERIFY(!first.ok);
    QVERIFY(!first.detail.isEmpty());
    // Later targets were not attempted.
    for (qsizetype i = 1; i < run->steps.size(); ++i) {
        if (run->steps[i].step == u"delete")
            QCOMPARE(run->steps[i].rows, qint64(0));
    }
    const QList<MaintenanceRun> recorded = runs(*c);
    QCOMPARE(recorded.size(), 1);
    QCOMPARE(recorded.first().ok, std::optional<bool>(false));
    QCOMPARE(recorded.first().error, run->error);
}

void TestMaintenanceRunner::writerNotOpenFailsAndDoesNotStick()
{
    auto c = context({}, false);
    MaintenanceRunner runner(*c);
    QSignalSpy changed(&runner, &MaintenanceRunner::runsChanged);
    const auto failed = waitFor(runner.retention(u"operator"_s));
    QVERIFY(!failed);
    QCOMPARE(failed.error().kind, Error::Kind::Unavailable);
    QCOMPARE(failed.error().field, u"database"_s);
    const auto maintenanceFailed = waitFor(runner.maintenance(false, u"operator"_s));
    QVERIFY(!maintenanceFailed);
    QCOMPARE(changed.size(), 0);        // nothing was recorded, so nothing changed
    // The failed run is not joined for ever: once the writer is open, a run goes through.
    QVERIFY(waitFor(c->writer()->open(m_db->url(), QString())));
    const auto later = waitFor(runner.retention(u"operator"_s));
    QVERIFY2(later, qPrintable(why(later)));
    QCOMPARE(later->ok, std::optional<bool>(true));
}

void TestMaintenanceRunner::scheduleRunsForTheWritableLeaseHolderOnly()
{
    EngineOptions o;
    o.indexing = true;
    o.lease = EngineOptions::Lease::Required;
    o.retentionIntervalMs = 100;
    o.maintenanceIntervalMs = 0;
    o.heartbeatMs = 100;
    auto c = context(o);
    const LeaseHolder holder = c->lease()->holder();
    QVERIFY(waitFor(c->writer()->run([holder](Store &s) { return s.acquireLease(holder, 30000); })));
    c->lease()->keep(c->writer());
    QVERIFY(c->holdsLease());
    MaintenanceRunner runner(*c);

    // Not started yet: the timer runs, nothing is applied.
    runner.startSchedule();
    QTest::qWait(500);
    QCOMPARE(runs(*c).size(), 0);

    // Started and writable: retention on the schedule.
    c->markStarted();
    QTRY_VERIFY_WITH_TIMEOUT(runs(*c).size() >= 2, 10000);
    for (const MaintenanceRun &r : runs(*c)) {
        QCOMPARE(r.kind, u"retention"_s);
        QCOMPARE(r.requestedBy, u"schedule"_s);
    }

    // Read-only (the lease went to another engine): no more runs.
    c->markReadOnly(u"another engine holds the lease"_s);
    QTest::qWait(300);                  // a run under way finishes
    const qsizetype before = runs(*c).size();
    QTest::qWait(600);
    QCOMPARE(runs(*c).size(), before);

    // stopSchedule() stops it for good, whatever the state.
    runner.stopSchedule();
    c->lease()->release();
}

void TestMaintenanceRunner::noScheduleWithoutTheLease()
{
    EngineOptions o;
    o.indexing = true;
    o.lease = EngineOptions::Lease::None;     // a one-shot admin command
    o.retentionIntervalMs = 100;
    o.maintenanceIntervalMs = 100;
    auto c = context(o);
    c->markStarted();
    MaintenanceRunner runner(*c);
    runner.startSchedule();
    QTest::qWait(600);
    QCOMPARE(runs(*c).size(), 0);

    // An engine that does not index (the console viewing a database) runs nothing either.
    EngineOptions viewer;
    viewer.indexing = false;
    viewer.retentionIntervalMs = 100;
    auto v = context(viewer);
    const LeaseHolder holder = v->lease()->holder();
    QVERIFY(waitFor(v->writer()->run([holder](Store &s) { return s.acquireLease(holder, 30000); })));
    v->lease()->keep(v->writer());
    v->markStarted();
    MaintenanceRunner viewerRunner(*v);
    viewerRunner.startSchedule();
    QTest::qWait(600);
    QCOMPARE(runs(*v).size(), 0);
    v->lease()->release();
}

} // namespace tst_maintenancerunner

ARBOR_GUILESS_TEST_MAIN(maintenancerunner, tst_maintenancerunner::TestMaintenanceRunner)
#include "tst_maintenancerunner.moc"

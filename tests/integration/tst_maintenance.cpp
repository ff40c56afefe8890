// Database maintenance on SQLite and PostgreSQL: SQLite returns the free pages of a big delete to
// the file system (incremental vacuum, in steps), says when a file made without incremental
// auto-vacuum needs a full VACUUM and converts it with --full, optimizes and checkpoints;
// PostgreSQL vacuums and analyses (pg_stat_user_tables shows it), checks index bloat and rebuilds
// a bloated index. The Engine records each run with its timed steps; `arborctl db maintain`.
#include "arborctlrun.h"
#include "testdatabase.h"
#include "testresults.h"

#include "buildpaths.h"
#include "engine/databaseservice.h"
#include "engine/engine.h"
#include "store/databasemaintenance.h"
#include "testmain.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace arbor;
using namespace arbor::test;

namespace tst_maintenance {

namespace {

QString arborctl()
{
    return BuildPaths::arborctl();
}

qint64 pragma(Store &store, const char *name)
{
    auto rows = store.query(QLatin1String("PRAGMA ") + QLatin1String(name));
    return rows && !rows->isEmpty() ? rows->first()[0].toLongLong() : -1;
}

/// `count` action results with a 2 KB response each.
Status fillResults(Store &store, int count)
{
    const QString excerpt(2000, u'x');
    return store.transaction([&]() -> Status {
        for (int i = 0; i < count; ++i) {
            if (Status s = store.exec(QLatin1String("INSERT INTO ") + store.admin("action_results")
                                          + QLatin1String(" (delivery_id, trigger_id, action_id, action_type, chain_id, block_number, tx_hash, log_index, status, "
                                                          "attempt, response_excerpt, at) VALUES (?, 1, 1, 'rest', 1, ?, ?, 0, 'success', 1, ?, ?)"),
                                      {QStringLiteral("delivery-%1").arg(i), i, QByteArray(32, char(i % 251)), excerpt, qint64(i)});
                !s)
                return s;
        }
        return {};
    });
}

QStringList stepNames(const QList<MaintenanceStep> &steps)
{
    QStringList names;
    for (const MaintenanceStep &s : steps)
        names.append(s.step);
    return names;
}

const MaintenanceStep *findStep(const QList<MaintenanceStep> &steps, const QString &step, const QString &target = QString())
{
    for (const MaintenanceStep &s : steps) {
        if (s.step == step && (target.isEmpty() || s.target == target))
            return &s;
    }
    return nullptr;
}

} // namespace

class TestMaintenance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ARBOR_REQUIRE_BACKEND(); }
    void sqliteReturnsFreePagesInSteps();
    void sqliteFileWithoutIncrementalVacuum();
    void postgresVacuumsAnalysesAndRebuilds();
    void engineRecordsEachTimedStep();
    void arborctlMaintain();
};

void TestMaintenance::sqliteReturnsFreePagesInSteps()
{
    if (TestDatabase::backend() != Backend::Sqlite)
        QSKIP("SQLite only");
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    QCOMPARE(pragma(*store, "auto_vacuum"), 2);   // a new file is created with incremental auto-vacuum
    QVERIFY(fillResults(*store, 5000));
    QVERIFY(store->exec(QLatin1String("DELETE FROM ") + store->admin("action_results")));
    const qint64 pagesBefore = pragma(*store, "page_count");
    const qint64 freeBefore = pragma(*store, "freelist_count");
    QVERIFY2(freeBefore > 2000, qPrintable(QString::number(freeBefore)));

    MaintenanceOptions options;
    options.vacuumPagesPerStep = 1000;
    auto steps = DatabaseMaintenance(*store, options).runAll();
    QVERIFY2(steps, why(steps).constData());
    const QStringList names = stepNames(*steps);
    QVERIFY2(names.count(u"incremental_vacuum"_qs) >= 3, qPrintable(names.join(u' ')));
    QCOMPARE(names.mid(names.size() - 2), (QStringList{u"optimize"_qs, u"wal_checkpoint"_qs}));
    for (const MaintenanceStep &s : *steps)
        QVERIFY2(s.ok, qPrintable(s.step + u": "_qs + s.detail));
    QCOMPARE(pragma(*store, "freelist_count"), 0);
    const qint64 pagesAfter = pragma(*store, "page_count");
    QVERIFY2(pagesAfter <= pagesBefore - freeBefore, qPrintable(QStringLiteral("%1 → %2").arg(pagesBefore).arg(pagesAfter)));
    QVERIFY2(steps->first().detail.contains(QRegularExpression(u"^returned 10\\d\\d free pages"_qs)), qPrintable(steps->first().detail));
    QVERIFY2(findStep(*steps, u"wal_checkpoint"_qs)->detail.contains(u"truncated"_qs), qPrintable(findStep(*steps, u"wal_checkpoint"_qs)->detail));
}

void TestMaintenance::sqliteFileWithoutIncrementalVacuum()
{
    if (TestDatabase::backend() != Backend::Sqlite)
        QSKIP("SQLite only");
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    // A file as an earlier Arbor made it: without auto-vacuum.
    auto store = db.open(false);
    QVERIFY(store);
    QVERIFY(store->exec(u"PRAGMA auto_vacuum=NONE"_qs));
    QVERIFY(store->exec(u"VACUUM"_qs));
    QVERIFY(store->migrate());
    QCOMPARE(pragma(*store, "auto_vacuum"), 0);
    QVERIFY(fillResults(*store, 1000));
    QVERIFY(store->exec(QLatin1String("DELETE FROM ") + store->admin("action_results")));
    const qint64 pagesBefore = pragma(*store, "page_count");

    auto steps = DatabaseMaintenance(*store).runAll();
    QVERIFY2(steps, why(steps).constData());
    const MaintenanceStep *vacuum = findStep(*steps, u"incremental_vacuum"_qs);
    QVERIFY(vacuum);
    QVERIFY(vacuum->ok);
    QVERIFY2(vacuum->detail.contains(u"--full"_qs), qPrintable(vacuum->detail));
    QCOMPARE(pragma(*store, "page_count"), pagesBefore);   // nothing returned

    MaintenanceOptions full;
    full.full = true;
    steps = DatabaseMaintenance(*store, full).runAll();
    QVERIFY2(steps, why(steps).constData());
    QCOMPARE(stepNames(*steps), (QStringList{u"vacuum"_qs, u"optimize"_qs, u"wal_checkpoint"_qs}));
    QVERIFY2(steps->first().ok && steps->first().detail.contains(u"converted"_qs), qPrintable(steps->first().detail));
    QCOMPARE(pragma(*store, "auto_vacuum"), 2);
    QVERIFY(pragma(*store, "page_count") < pagesBefore);
}

void TestMaintenance::postgresVacuumsAnalysesAndRebuilds()
{
    if (TestDatabase::backend() != Backend::Postgres)
        QSKIP("PostgreSQL only");
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    // An index much larger than its rows need: most rows deleted, the pages stay.
    QVERIFY(fillResults(*store, 30000));
    QVERIFY(store->exec(QLatin1String("DELETE FROM ") + store->admin("action_results") + QLatin1String(" WHERE id % 20 <> 0")));
    const auto indexSize = [&] {
        auto rows = store->query(u"SELECT pg_relation_size('arbor.action_results_delivery')"_qs);
        return rows ? rows->first()[0].toLongLong() : -1;
    };
    const qint64 before = indexSize();

    MaintenanceOptions options;
    options.reindexMinBytes = 0;   // rebuild whatever is bloated, however small
    auto steps = DatabaseMaintenance(*store, options).runAll();
    QVERIFY2(steps, why(steps).constData());
    QStringList failed;
    for (const MaintenanceStep &s : *steps) {
        if (!s.ok)
            failed.append(s.step + u' ' + s.target + u": "_qs + s.detail);
    }
    QVERIFY2(failed.isEmpty(), qPrintable(failed.join(u'\n')));
    const MaintenanceStep *vacuumed = findStep(*steps, u"vacuum_analyze"_qs, u"arbor.action_results"_qs);
    QVERIFY2(vacuumed, qPrintable(stepNames(*steps).join(u' ')));
    QVERIFY2(findStep(*steps, u"vacuum_analyze"_qs, u"arbor.balance_update_queue"_qs), "busy tables are vacuumed every run");
    const MaintenanceStep *bloat = findStep(*steps, u"index_bloat"_qs);
    QVERIFY(bloat);
    QVERIFY2(bloat->detail.contains(u"arbor.action_results_delivery"_qs), qPrintable(bloat->detail));
    const MaintenanceStep *rebuilt = findStep(*steps, u"reindex"_qs, u"arbor.action_results_delivery"_qs);
    QVERIFY2(rebuilt, qPrintable(bloat->detail));
    QVERIFY2(rebuilt->detail.contains(u"→"_qs), qPrintable(rebuilt->detail));
    QVERIFY2(indexSize() < before / 4, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(indexSize())));

    bool vacuumSeen = false;
    for (int i = 0; i < 50 && !vacuumSeen; ++i) {
        auto rows = store->query(u"SELECT last_vacuum IS NOT NULL AND last_analyze IS NOT NULL FROM pg_stat_user_tables "
                                 "WHERE schemaname = 'arbor' AND relname IN ('action_results', 'balance_update_queue')"_qs);
        QVERIFY(rows);
        vacuumSeen = rows->size() == 2 && rows->at(0)[0].toBool() && rows->at(1)[0].toBool();
        if (!vacuumSeen)
            QTest::qWait(100);
    }
    QVERIFY(vacuumSeen);

    // Nothing bloated any more: the next run rebuilds nothing.
    steps = DatabaseMaintenance(*store, options).runAll();
    QVERIFY(steps);
    QVERIFY2(!findStep(*steps, u"reindex"_qs), qPrintable(findStep(*steps, u"index_bloat"_qs)->detail));
}

void TestMaintenance::engineRecordsEachTimedStep()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    EngineOptions o;
    o.database = db.url();
    o.snapshotIntervalMs = 0;
    Engine engine(o);
    QVERIFY2(waitFor(engine.start()), "start");
    auto run = waitFor(engine.database()->runMaintenance(false), 120000);
    QVERIFY2(run, why(run).constData());
    QCOMPARE(run->kind, u"maintenance"_qs);
    QCOMPARE(run->ok, std::optional<bool>(true));
    QVERIFY(run->finishedAt && *run->finishedAt >= run->startedAt);
    const QStringList names = stepNames(run->steps);
    if (db.url().backend == Backend::Sqlite)
        QCOMPARE(names, (QStringList{u"incremental_vacuum"_qs, u"optimize"_qs, u"wal_checkpoint"_qs}));
    else
        QVERIFY2(names.contains(u"vacuum_analyze"_qs) && names.last() == u"index_bloat"_qs, qPrintable(names.join(u' ')));

    auto runs = waitFor(engine.database()->maintenanceRuns(5));
    QVERIFY(runs);
    QCOMPARE(runs->size(), 1);
    QCOMPARE(runs->first().id, run->id);
    QCOMPARE(stepNames(runs->first().steps), names);
    QCOMPARE(runs->first().steps.first().detail, run->steps.first().detail);
}

void TestMaintenance::arborctlMaintain()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        auto store = db.open();
        QVERIFY(store);
    }
    const bool sqlite = db.url().backend == Backend::Sqlite;
    ArborctlRun text = runArborctl(arborctl(), db, {u"db"_qs, u"maintain"_qs}, 180000);
    QVERIFY2(text.exitCode == 0, qPrintable(describe(text)));
    QVERIFY2(text.out.contains(sqlite ? u"wal_checkpoint"_qs : u"vacuum_analyze"_qs) && text.out.contains(u"Maintenance finished in"_qs), qPrintable(text.out));
    QVERIFY2(text.out.contains(u"MS"_qs), qPrintable(text.out));

    ArborctlRun json = runArborctl(arborctl(), db, {u"db"_qs, u"maintain"_qs, u"--full"_qs, u"--json"_qs}, 180000);
    QVERIFY2(json.exitCode == 0, qPrintable(describe(json)));
    const QJsonObject run = json.object();
    QCOMPARE(run.value(u"kind"_qs).toString(), u"maintenance"_qs);
    QCOMPARE(run.value(u"ok"_qs).toBool(), true);
    const QJsonArray steps = run.value(u"steps"_qs).toArray();
    QVERIFY(!steps.isEmpty());
    for (const QJsonValue &s : steps)
        QVERIFY(s.toObject().contains(u"ms"_qs) && s.toObject().contains(u"step"_qs));
    if (sqlite)
        QCOMPARE(steps.first().toObject().value(u"step"_qs).toString(), u"vacuum"_qs);

    ArborctlRun bad = runArborctl(arborctl(), db, {u"db"_qs, u"maintain"_qs, u"--fast"_qs});
    QCOMPARE(bad.exitCode, 2);
}

} // namespace tst_maintenance

ARBOR_GUILESS_TEST_MAIN(maintenance, tst_maintenance::TestMaintenance)
#include "tst_maintenance.moc"

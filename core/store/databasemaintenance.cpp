#include "store/databasemaintenance.h"

#include <QElapsedTimer>
#include <QLocale>
#include <QSet>
#include <QThread>

#include <climits>
#include <cmath>

namespace arbor {
namespace {

// Admin tables whose rows churn (claimed, completed, retried, sampled, heartbeated): vacuumed
// at every run whatever the statistics say, since autovacuum lags behind them.
const char *const BusyTables[] = {"balance_update_queue", "queue_health", "trigger_deliveries", "action_results", "metric_samples",
                                  "endpoint_samples", "alert_history", "lease", "engines", "chain_leases", "checkpoints", "index_progress", "rpc_endpoints", "rpc_call_counts", "chains"};

// Tables of Arbor's schemas in the PostgreSQL catalogue.
const char *const OwnSchemas = "(schemaname IN ('arbor', 'arbor_global') OR schemaname LIKE 'chain\\_%')";

// How long the WAL checkpoint step waits for a background checkpoint to let go of the lock.
constexpr int CheckpointAttempts = 100;
constexpr int CheckpointRetryMs = 50;

// Megabytes as the console shows sizes everywhere else (SI: 1 MB = 1,000,000 bytes).
QString megabytes(qint64 bytes)
{
    return QLocale::c().toString(double(bytes) / 1e6, 'f', 1) + QLatin1String(" MB");
}

} // namespace

Result<qint64> DatabaseMaintenance::pragma(const char *name)
{
    auto rows = m_store.query(QLatin1String("PRAGMA ") + QLatin1String(name));
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? 0 : rows->first()[0].toLongLong();
}

Result<QList<MaintenanceTask>> DatabaseMaintenance::plan()
{
    using K = MaintenanceTask::Kind;
    if (m_store.backend() == Backend::Postgres)
        return planPostgres();
    return QList<MaintenanceTask>{{m_options.full ? K::SqliteFullVacuum : K::SqliteIncrementalVacuum, {}, 0},
                                  {K::SqliteOptimize, {}, 0},
                                  {K::SqliteCheckpoint, {}, 0}};
}

Result<QList<MaintenanceTask>> DatabaseMaintenance::planPostgres()
{
    using K = MaintenanceTask::Kind;
    auto rows = m_store.query(QLatin1String("SELECT quote_ident(schemaname) || '.' || quote_ident(relname), schemaname || '.' || relname, n_live_tup, "
                                            "n_dead_tup, n_mod_since_analyze FROM pg_stat_user_tables WHERE ")
                              + QLatin1String(OwnSchemas) + QLatin1String(" ORDER BY n_dead_tup DESC, schemaname, relname"));
    if (!rows)
        return rows.error();
    QSet<QString> busy;
    for (const char *name : BusyTables)
        busy.insert(m_store.admin(name));
    QList<MaintenanceTask> vacuum, analyze;
    for (const SqlRow &r : *rows) {
        const qint64 live = r[2].toLongLong();
        const qint64 dead = r[3].toLongLong();
        const qint64 modified = r[4].toLongLong();
        if (m_options.full || busy.contains(r[1].toString()) || (dead >= 1000 && dead * 10 >= live))
            vacuum.append({K::PostgresVacuumAnalyze, r[0].toString(), dead});
        else if (modified >= 1000 && modified * 10 >= live)
            analyze.append({K::PostgresAnalyze, r[0].toString(), modified});
    }
    return vacuum + analyze + QList<MaintenanceTask>{{K::PostgresIndexBloat, {}, 0}};
}

DatabaseMaintenance::Outcome DatabaseMaintenance::run(const MaintenanceTask &task)
{
    using K = MaintenanceTask::Kind;
    QElapsedTimer timer;
    timer.start();
    Outcome out;
    const auto simple = [&](const char *step, const QString &sql, const QString &detail) {
        out.step.step = QString::fromLatin1(step);
        out.step.target = task.target;
        if (Status s = m_store.exec(sql); !s) {
            out.step.ok = false;
            out.step.detail = s.error().message;
        } else {
            out.step.detail = detail;
        }
    };
    switch (task.kind) {
    case K::SqliteIncrementalVacuum:
        out = sqliteIncrementalVacuum();
        break;
    case K::SqliteFullVacuum:
        out = sqliteFullVacuum();
        break;
    case K::SqliteOptimize:
        simple("optimize", QStringLiteral("PRAGMA optimize"), tr("statistics refreshed where SQLite found them stale"));
        break;
    case K::SqliteCheckpoint:
        out = sqliteCheckpoint();
        break;
    case K::PostgresVacuumAnalyze:
        simple("vacuum_analyze", QLatin1String("VACUUM (ANALYZE) ") + task.target, tr("%n dead row(s) before", nullptr, int(std::min<qint64>(task.amount, INT_MAX))));
        break;
    case K::PostgresAnalyze:
        simple("analyze", QLatin1String("ANALYZE ") + task.target, tr("%n row(s) changed since the last analysis", nullptr, int(std::min<qint64>(task.amount, INT_MAX))));
        break;
    case K::PostgresIndexBloat:
        out = postgresIndexBloat();
        break;
    case K::PostgresReindex: {
        auto before = m_store.query(QStringLiteral("SELECT pg_relation_size(CAST(? AS regclass))"), {task.target});
        simple("reindex", QLatin1String("REINDEX INDEX CONCURRENTLY ") + task.target, QString());
        auto after = m_store.query(QStringLiteral("SELECT pg_relation_size(CAST(? AS regclass))"), {task.target});
        if (out.step.ok && before && after)
            out.step.detail = tr("%1 → %2").arg(megabytes(before->first()[0].toLongLong()), megabytes(after->first()[0].toLongLong()));
        break;
    }
    }
    out.step.ms = timer.elapsed();
    return out;
}

DatabaseMaintenance::Outcome DatabaseMaintenance::sqliteIncrementalVacuum()
{
    Outcome out;
    out.step.step = QStringLiteral("incremental_vacuum");
    auto mode = pragma("auto_vacuum");
    auto pageSize = pragma("page_size");
    auto freeBefore = pragma("freelist_count");
    auto pagesBefore = pragma("page_count");
    if (!mode || !pageSize || !freeBefore || !pagesBefore) {
        out.step.ok = false;
        out.step.detail = (!mode ? mode.error() : !pageSize ? pageSize.error() : !freeBefore ? freeBefore.error() : pagesBefore.error()).message;
        return out;
    }
    if (*mode == 0) {
        out.step.detail = tr("not possible: this database file was created without incremental auto-vacuum, so its %1 free "
                             "pages (%2) stay in the file; a full VACUUM (arborctl db maintain --full) returns them and converts the file")
                              .arg(*freeBefore)
                              .arg(megabytes(*freeBefore * *pageSize));
        return out;
    }
    if (*mode == 1) {
        out.step.detail = tr("not needed: the file returns free pages at every commit (auto_vacuum=FULL)");
        return out;
    }
    if (*freeBefore == 0) {
        out.step.detail = tr("no free pages");
        return out;
    }
    const qint64 chunk = std::max(1, m_options.vacuumPagesPerStep);
    if (Status s = m_store.exec(QLatin1String("PRAGMA incremental_vacuum(") + QString::number(chunk) + u')'); !s) {
        out.step.ok = false;
        out.step.detail = s.error().message;
        return out;
    }
    auto freeAfter = pragma("freelist_count");
    auto pagesAfter = pragma("page_count");
    if (!freeAfter || !pagesAfter) {
        out.step.ok = false;
        out.step.detail = (!freeAfter ? freeAfter.error() : pagesAfter.error()).message;
        return out;
    }
    const qint64 returned = *pagesBefore - *pagesAfter;
    out.step.detail = tr("returned %1 free pages (%2): %3 → %4 pages").arg(returned).arg(megabytes(returned * *pageSize)).arg(*pagesBefore).arg(*pagesAfter);
    if (*freeAfter > 0 && returned > 0)
        out.next.append({MaintenanceTask::Kind::SqliteIncrementalVacuum, {}, 0});
    return out;
}

DatabaseMaintenance::Outcome DatabaseMaintenance::sqliteFullVacuum()
{
    Outcome out;
    out.step.step = QStringLiteral("vacuum");
    auto mode = pragma("auto_vacuum");
    auto pagesBefore = pragma("page_count");
    if (!mode || !pagesBefore) {
        out.step.ok = false;
        out.step.detail = (!mode ? mode.error() : pagesBefore.error()).message;
        return out;
    }
    // Takes effect with the VACUUM that follows: the file is rebuilt with pointer-map pages.
    if (*mode != 2) {
        if (Status s = m_store.exec(QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL")); !s) {
            out.step.ok = false;
            out.step.detail = s.error().message;
            return out;
        }
    }
    if (Status s = m_store.exec(QStringLiteral("VACUUM")); !s) {
        out.step.ok = false;
        out.step.detail = s.error().message;
        return out;
    }
    auto pagesAfter = pragma("page_count");
    auto modeAfter = pragma("auto_vacuum");
    QString detail = tr("%1 → %2 pages").arg(*pagesBefore).arg(pagesAfter ? *pagesAfter : 0);
    if (*mode != 2 && modeAfter && *modeAfter == 2)
        detail += QLatin1String("; ") + tr("converted to incremental auto-vacuum");
    out.step.detail = detail;
    return out;
}

DatabaseMaintenance::Outcome DatabaseMaintenance::sqliteCheckpoint()
{
    Outcome out;
    out.step.step = QStringLiteral("wal_checkpoint");
    // Busy with no page counts: the store's background checkpoint has the checkpoint lock, and
    // SQLite does not wait for it. It finishes within a second or so (40 MB of log at most).
    Result<QList<SqlRow>> rows = QList<SqlRow>();
    for (int attempt = 0;; ++attempt) {
        rows = m_store.query(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (!rows || rows->isEmpty()) {
            out.step.ok = false;
            out.step.detail = rows ? tr("SQLite returned nothing") : rows.error().message;
            return out;
        }
        const SqlRow &r = rows->first();
        if (r[0].toLongLong() == 0 || r[1].toLongLong() >= 0 || attempt == CheckpointAttempts - 1)
            break;
        QThread::msleep(CheckpointRetryMs);
    }
    const SqlRow &r = rows->first();
    const qint64 log = r[1].toLongLong();
    if (log < 0 && r[0].toLongLong() != 0)
        out.step.detail = tr("another checkpoint was running for %1 s; the WAL was not truncated").arg(CheckpointAttempts * CheckpointRetryMs / 1000);
    else if (log < 0)
        out.step.detail = tr("not in WAL mode");
    else if (r[0].toLongLong() != 0)
        out.step.detail = tr("%1 of %2 WAL pages written back; readers still use the rest, so the WAL was not truncated").arg(r[2].toLongLong()).arg(log);
    else
        out.step.detail = tr("%1 WAL pages written back; WAL truncated").arg(log);
    return out;
}

DatabaseMaintenance::Outcome DatabaseMaintenance::postgresIndexBloat()
{
    Outcome out;
    out.step.step = QStringLiteral("index_bloat");
    auto extension = m_store.query(QStringLiteral("SELECT 1 FROM pg_extension WHERE extname = 'pgstattuple'"));
    auto indexes = m_store.query(
        QLatin1String("SELECT quote_ident(n.nspname) || '.' || quote_ident(ci.relname), pg_relation_size(ci.oid), ci.reltuples, "
                      "(SELECT COALESCE(SUM(COALESCE(s.avg_width, 8)), 0) FROM pg_attribute a LEFT JOIN pg_stats s ON s.schemaname = n.nspname "
                      "AND s.tablename = ct.relname AND s.attname = a.attname WHERE a.attrelid = ct.oid AND a.attnum = ANY(i.indkey)), "
                      "CAST(current_setting('block_size') AS INTEGER) "
                      "FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class ct ON ct.oid = i.indrelid "
                      "JOIN pg_namespace n ON n.oid = ci.relnamespace JOIN pg_am am ON am.oid = ci.relam "
                      "WHERE am.amname = 'btree' AND i.indisvalid AND (n.nspname IN ('arbor', 'arbor_global') OR n.nspname LIKE 'chain\\_%') "
                      "ORDER BY pg_relation_size(ci.oid) DESC"));
    if (!extension || !indexes) {
        out.step.ok = false;
        out.step.detail = (!extension ? extension.error() : indexes.error()).message;
        return out;
    }
    const bool pgstattuple = !extension->isEmpty();
    int checked = 0;
    QStringList rebuilt;
    double worst = 0;
    QString worstName;
    for (const SqlRow &r : *indexes) {
        const QString name = r[0].toString();
        const qint64 bytes = r[1].toLongLong();
        const double tuples = r[2].toDouble();
        const double width = r[3].toDouble();
        const qint64 block = std::max<qint64>(1024, r[4].toLongLong());
        const qint64 pages = bytes / block;
        if (pages <= 1)
            continue;
        double bloat = 0;
        if (pgstattuple && bytes >= 1024 * 1024) {
            auto density = m_store.query(QStringLiteral("SELECT avg_leaf_density FROM pgstatindex(CAST(? AS regclass))"), {name});
            if (!density || density->isEmpty() || density->first()[0].isNull())
                continue;
            // Leaves are filled to 90% (btree's fillfactor) when freshly built.
            bloat = std::max(0.0, 1.0 - density->first()[0].toDouble() / 90.0);
        } else {
            if (tuples < 0)
                continue;   // never analysed: no row estimate yet
            // An index tuple: 8-byte header and the key, aligned to 8, plus its 4-byte line pointer.
            const double tupleBytes = std::ceil((8.0 + width) / 8.0) * 8.0 + 4.0;
            const double usable = double(block - 24 - 16) * 0.9;
            const double expected = std::ceil(tuples * tupleBytes / usable) + 1.0;
            bloat = std::max(0.0, 1.0 - expected / double(pages));
        }
        ++checked;
        if (bloat > worst) {
            worst = bloat;
            worstName = name;
        }
        const qint64 wasted = qint64(bloat * double(bytes));
        if (bloat > m_options.reindexBloat && wasted >= m_options.reindexMinBytes) {
            out.next.append({MaintenanceTask::Kind::PostgresReindex, name, wasted});
            rebuilt.append(tr("%1 (%2% of %3)").arg(name).arg(qRound(bloat * 100)).arg(megabytes(bytes)));
        }
    }
    QString detail = pgstattuple ? tr("%n index(es) checked with pgstattuple", nullptr, checked)
                                 : tr("%n index(es) checked by estimate (pgstattuple is not installed)", nullptr, checked);
    if (!worstName.isEmpty())
        detail += QLatin1String("; ") + tr("most bloated: %1 at about %2%").arg(worstName).arg(qRound(worst * 100));
    detail += QLatin1String("; ") + (rebuilt.isEmpty() ? tr("none worth rebuilding") : tr("rebuilding %1").arg(rebuilt.join(QStringLiteral(", "))));
    out.step.detail = detail;
    return out;
}

Result<QList<MaintenanceStep>> DatabaseMaintenance::runAll()
{
    auto tasks = plan();
    if (!tasks)
        return tasks.error();
    QList<MaintenanceStep> steps;
    for (qsizetype i = 0; i < tasks->size(); ++i) {
        Outcome o = run(tasks->at(i));
        steps.append(o.step);
        for (qsizetype k = 0; k < o.next.size(); ++k)
            tasks->insert(i + 1 + k, o.next[k]);
    }
    return steps;
}

} // namespace arbor

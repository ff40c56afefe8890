#pragma once

#include "error.h"
#include "store/maintenancelog.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace arbor {

/// How a maintenance run goes.
struct MaintenanceOptions
{
    /// SQLite: a full VACUUM (rewrites the file; converts a file without incremental auto-vacuum).
    /// PostgreSQL: VACUUM (ANALYZE) of every table of Arbor's schemas, not only the busy ones.
    bool full = false;
    /// PostgreSQL: an index is rebuilt (REINDEX CONCURRENTLY) when it is estimated this much
    /// larger than its rows need, and wastes at least reindexMinBytes.
    double reindexBloat = 0.3;
    qint64 reindexMinBytes = 16LL * 1024 * 1024;
    /// SQLite: free pages returned per incremental-vacuum step (each its own short write).
    int vacuumPagesPerStep = 16384;
};

/// One unit of a maintenance run: a statement on one table, index or the whole database.
struct MaintenanceTask
{
    enum class Kind {
        SqliteIncrementalVacuum, SqliteFullVacuum, SqliteOptimize, SqliteCheckpoint,
        PostgresVacuumAnalyze, PostgresAnalyze, PostgresIndexBloat, PostgresReindex,
    };
    Kind kind = Kind::SqliteOptimize;
    QString target;                     ///< table or index (PostgreSQL: schema.name from the catalogue)
    qint64 amount = 0;                  ///< dead rows seen when planned (vacuum, analyze)
};

/**
 * Keeps the database lean and its statistics fresh (DESIGN.md §10).
 *
 * SQLite: incremental vacuum (free pages returned to the file system, a chunk per step) — or,
 * with `full`, a VACUUM that also converts a file created without auto_vacuum=INCREMENTAL;
 * `PRAGMA optimize`; a WAL checkpoint that truncates the WAL.
 * PostgreSQL: VACUUM (ANALYZE) of the busy admin tables and of every table of Arbor's schemas
 * with many dead rows; ANALYZE of tables changed much since their last; an index bloat check
 * (pgstattuple's leaf density when the extension is installed, otherwise an estimate from the
 * catalogue: rows × average key width against the index's size) and REINDEX INDEX
 * CONCURRENTLY of indexes where it pays. These statements run outside any transaction.
 *
 * A run is a list of tasks (plan()); run() does one and may add follow-ups (the bloat check
 * adds the rebuilds, a vacuum chunk the next chunk). Engine runs each task as its own writer
 * job so other writes go between them; runAll() runs them in a row.
 *
 * Thread: that of the Store it wraps; never inside a transaction.
 */
class DatabaseMaintenance
{
    Q_DECLARE_TR_FUNCTIONS(arbor::DatabaseMaintenance)

public:
    struct Outcome
    {
        MaintenanceStep step;
        QList<MaintenanceTask> next;
    };

    DatabaseMaintenance(Store &store, MaintenanceOptions options = {}) : m_store(store), m_options(options) {}

    Result<QList<MaintenanceTask>> plan();
    Outcome run(const MaintenanceTask &task);
    /// plan() and every task with its follow-ups, in a row.
    Result<QList<MaintenanceStep>> runAll();

private:
    Result<QList<MaintenanceTask>> planPostgres();
    Outcome sqliteIncrementalVacuum();
    Outcome sqliteFullVacuum();
    Outcome sqliteCheckpoint();
    Outcome postgresIndexBloat();
    Result<qint64> pragma(const char *name);

    Store &m_store;
    MaintenanceOptions m_options;
};

} // namespace arbor

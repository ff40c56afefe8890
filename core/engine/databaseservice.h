#pragma once

#include "engine/engineservice.h"
#include "error.h"
#include "store/databasebackup.h"
#include "store/databasestats.h"
#include "store/databaseurl.h"
#include "store/maintenancelog.h"
#include "store/migrations.h"
#include "store/retention.h"

#include <QFuture>
#include <QList>
#include <QPointer>

#include <memory>
#include <optional>

namespace arbor {

class DatabaseJob;
class DatabaseStatsRecorder;
class MaintenanceRunner;

/**
 * Operating the database (DESIGN.md §10): migrations, sizes per scope, chain and table and
 * their history, the slowest statements, retention policies and runs, maintenance runs, and
 * backup and restore. Every run (retention, maintenance, backup) is recorded in
 * maintenance_runs and announced with maintenanceRunsChanged as it starts and as it ends.
 *
 * Handed out by Engine::database(). The engine that holds the lease also flushes the statement
 * timings every minute, samples the sizes every hour and, when it indexes, applies retention
 * and maintenance on their schedule.
 *
 * Thread: the Engine's. Reads run on the reader, every batch and step on the writer, backups
 * and restores on threads of their own.
 */
class DatabaseService final : public EngineService
{
    Q_OBJECT

public:
    ~DatabaseService() override;

    /// The database this engine runs on.
    const DatabaseUrl &url() const;

    QFuture<Result<MigrationStatus>> migrationStatus();
    QFuture<Result<int>> migrate();

    /**
     * What the database holds: backend and location, total and free space (PostgreSQL: dead
     * rows), every admin, global and chain table with its rows, table and index bytes, and each
     * chain's tables added up. Read on the reader thread; on SQLite it reads every page (dbstat),
     * seconds for a database of many GB.
     */
    QFuture<Result<DatabaseStats>> databaseStats();
    /// Size samples since `sinceMs` (unix ms), oldest first: the engine that holds the lease
    /// writes one per scope and chain shortly after it starts and then every hour.
    QFuture<Result<QList<DatabaseSizeSample>>> sizeHistory(qint64 sinceMs);
    /// The `limit` slowest statements by mean and by total time, and their source: the server's
    /// pg_stat_statements when PostgreSQL has it, else the timings Arbor's engines recorded
    /// (statement_stats, written every minute and at shutdown by the engine that holds the lease).
    QFuture<Result<SlowStatements>> slowStatements(int limit);

    /// The retention policies (RetentionStore) with the days in force.
    QFuture<Result<QList<RetentionSetting>>> retentionPolicies();
    /// How long policy `name` keeps its rows: `days`, or for ever (nullopt) where the policy
    /// allows it. Invalid naming the policy and the fix otherwise; nothing written then.
    QFuture<Result<RetentionSetting>> setRetentionPolicy(const QString &name, std::optional<int> days);
    /**
     * Deletes what the policies say is past its age, RetentionStore::DefaultBatch rows per
     * writer job, so promotions and other writes go between batches. Recorded in
     * maintenance_runs (kind 'retention'; a step per policy and table with the rows deleted).
     * A run already under way is joined, not started twice.
     */
    QFuture<Result<MaintenanceRun>> applyRetention();
    /**
     * DatabaseMaintenance (VACUUM/ANALYZE and index rebuilds on PostgreSQL; incremental vacuum,
     * PRAGMA optimize and a WAL checkpoint on SQLite; `full`: see MaintenanceOptions), one
     * writer job per step, each timed. Recorded in maintenance_runs (kind 'maintenance'); a
     * failed step is recorded and the run goes on. A run under way is joined.
     */
    QFuture<Result<MaintenanceRun>> runMaintenance(bool full = false);
    /// The newest maintenance_runs rows (maintenance, retention, backup, restore), newest first.
    QFuture<Result<QList<MaintenanceRun>>> maintenanceRuns(int limit = 100);

    /**
     * Copies this engine's database into `file` (DatabaseBackup: SQLite's online backup API, or
     * pg_dump) on a thread of its own, so indexing goes on and the caller's thread never waits.
     * `progress` (done, total) is called on the Engine's thread, through its event loop. Works on
     * a read-only or unstarted engine too; a started one records the run. Canceling the future,
     * or the engine's shutdown, stops the backup and leaves nothing written.
     */
    QFuture<Result<BackupResult>> backupDatabase(const QString &file, ExistingBackup existing = ExistingBackup::Refuse,
                                                 BackupProgress progress = {});
    /**
     * Restores the backup `file` into `target` — a new SQLite file or an empty PostgreSQL
     * database, never this engine's own database (Invalid on "target") — as backupDatabase runs a
     * backup: off this thread, `progress` on it. The run is recorded in the restored database,
     * which is left for the operator to open; this engine goes on with its own. Conflict when
     * `target` is not empty.
     */
    QFuture<Result<RestoreResult>> restoreDatabase(const DatabaseUrl &target, const QString &password, const QString &file,
                                                   BackupProgress progress = {});

Q_SIGNALS:
    /// A maintenance, retention or backup run started or finished here (maintenanceRuns() changed).
    void maintenanceRunsChanged();

private:
    friend class Engine;

    explicit DatabaseService(EngineContext &context, QObject *parent = nullptr);

    /// Statement timings and size samples (an engine that holds the lease) and the schedule.
    void start();
    /// Stops the schedule, the samples and every backup or restore under way; resolves when
    /// their threads have ended.
    QFuture<void> shutdown();
    /// The statement timings of this session, written while the lease is still ours.
    void flushStatementTimings();
    /// Records a finished backup in maintenance_runs (when the database is open).
    void recordBackup(qint64 startedAt, const Result<BackupResult> &result);

    std::unique_ptr<DatabaseStatsRecorder> m_stats;   ///< from start(), with the lease
    std::unique_ptr<MaintenanceRunner> m_runner;
    QList<QPointer<DatabaseJob>> m_jobs;              ///< backups and restores under way
};

} // namespace arbor

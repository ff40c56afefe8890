#pragma once

#include "error.h"
#include "store/databaseurl.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace arbor {

/// What a backup wrote.
struct BackupResult
{
    QString file;              ///< the backup, absolute path
    Backend backend = Backend::Sqlite;
    QString source;            ///< DatabaseUrl::displayName() of the database backed up
    qint64 bytes = 0;          ///< size of the backup file
    qint64 durationMs = 0;
};

/// What a restore did.
struct RestoreResult
{
    QString file;              ///< the backup read, absolute path
    DatabaseUrl target;        ///< the database restored into
    qint64 bytes = 0;          ///< size of the backup file
    qint64 durationMs = 0;
    int databaseVersion = 0;   ///< schema version of the restored database
    int pendingMigrations = 0; ///< migrations this Arbor applies when it opens the database
};

/// How far a backup or restore is: `done` of `total` (SQLite: pages; PostgreSQL: tables).
/// Called on the thread that runs the backup or restore.
using BackupProgress = std::function<void(qint64 done, qint64 total)>;
/// Asked between steps; true stops the backup or restore, which then leaves nothing behind.
using BackupCanceled = std::function<bool()>;

/// What a backup does when its file exists already.
enum class ExistingBackup {
    Refuse,      ///< Conflict error naming the file; nothing written
    Replace,     ///< the new backup replaces it once complete (the console asked the operator)
};

/**
 * Backup and restore of a whole Arbor database, on both backends. Needs no Engine: a restore
 * runs against an empty database that nothing has migrated.
 *
 * SQLite: the online backup API, on connections of its own. The source connection holds one read
 * transaction across every step, so the copy is one consistent snapshot and a writer in another
 * process or thread (WAL) goes on indexing without restarting the copy. The backup file is a
 * plain SQLite database (rollback journal) holding the snapshot.
 *
 * PostgreSQL: pg_dump --format=custom of Arbor's schemas (arbor, arbor_global, chain_<id>), and
 * pg_restore --single-transaction into an empty database. The password reaches the tools only
 * through the PGPASSWORD variable of their own environment; their error output is in the Error.
 *
 * Either way the file is written next to its final name and renamed into place when complete:
 * a failed or canceled backup or restore leaves nothing half-written. A restore refuses
 * (Conflict, touching nothing) a target that holds any table, and checks the restored
 * database's migrations against this binary's checksums. Both record a maintenance_runs row
 * (kind 'backup' in the source, best effort; 'restore' in the restored database). A restored
 * database holds no engine lease: the source's running engine does not run on the copy.
 *
 * Thread: any thread; blocks it for the whole copy. Engine runs them on a thread of their own.
 */
class DatabaseBackup
{
    Q_DECLARE_TR_FUNCTIONS(arbor::DatabaseBackup)

public:
    static Result<BackupResult> backup(const DatabaseUrl &source, const QString &password, const QString &file,
                                       ExistingBackup existing = ExistingBackup::Refuse, const BackupProgress &progress = {},
                                       const BackupCanceled &canceled = {});
    /// Restores `file` into `target`, which must be empty: a missing (or empty) SQLite file,
    /// or a PostgreSQL database without tables.
    static Result<RestoreResult> restore(const DatabaseUrl &target, const QString &password, const QString &file,
                                         const BackupProgress &progress = {}, const BackupCanceled &canceled = {});
    /// Which backend's backup `file` is (SQLite database or pg_dump custom format), from its
    /// first bytes; Invalid error naming `field` and the file when it is neither.
    static Result<Backend> backupFormat(const QString &file, const QString &field = QStringLiteral("--from"));
};

} // namespace arbor

#pragma once

// The steps DatabaseBackup's two backends share. Private to core/store.

#include "store/databasebackup.h"
#include "store/migrations.h"

#include <QTemporaryFile>

#include <memory>

namespace arbor {

class Store;

namespace backupsteps {

Error canceledError();
/// The backup file's absolute path once it may be written (its folder created); Conflict on
/// `--to` when it exists and `existing` refuses that.
Result<QString> checkBackupTarget(const QString &file, ExistingBackup existing);
/// An empty file next to `finalPath`, removed when it goes unless renamed into place first.
Result<std::unique_ptr<QTemporaryFile>> partialFile(const QString &finalPath, const QString &field);
/// Renames `from` to `to`, replacing `to` in one step.
Status moveIntoPlace(const QString &from, const QString &to, const QString &field);
/// The restore's run in the restored database's maintenance log (MaintenanceLog::record).
Status recordRestore(Store &store, qint64 startedAt, const QString &file, qint64 durationMs);
/// The restored database's migrations checked against this binary (Refused on a problem), and
/// the source engine's lease removed from it.
Result<MigrationStatus> checkRestored(Store &store, const QString &file);

} // namespace backupsteps

// databasebackuppostgres.cpp
Result<BackupResult> backupPostgres(const DatabaseUrl &url, const QString &password, const QString &file, ExistingBackup existing,
                                    const BackupProgress &progress, const BackupCanceled &canceled);
Result<RestoreResult> restorePostgres(const DatabaseUrl &url, const QString &password, const QString &file,
                                      const BackupProgress &progress, const BackupCanceled &canceled);

} // namespace arbor

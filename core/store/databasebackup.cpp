// DatabaseBackup: what both backends share, and SQLite's online backup API.
#include "store/databasebackup.h"

#include "store/databasebackupsteps.h"
#include "store/maintenancelog.h"
#include "store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace arbor {
namespace backupsteps {

Error canceledError()
{
    return Error::refused(DatabaseBackup::tr("Canceled: nothing was written."));
}

Result<QString> checkBackupTarget(const QString &file, ExistingBackup existing)
{
    if (file.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("--to"), DatabaseBackup::tr("Give the file to write the backup to."));
    const QFileInfo info(file);
    const QString path = info.absoluteFilePath();
    if (info.isDir())
        return Error::invalid(QStringLiteral("--to"), DatabaseBackup::tr("%1 is a folder: give the backup file's name.").arg(path));
    if (info.exists() && existing == ExistingBackup::Refuse)
        return Error::conflict(QStringLiteral("--to"),
                               DatabaseBackup::tr("%1 exists already. Choose another name or remove it first; nothing was written.").arg(path));
    // A folder that is not there is more likely a typo than a wish: say so rather than make it.
    if (!QFileInfo(info.absolutePath()).isDir())
        return Error::invalid(QStringLiteral("--to"), DatabaseBackup::tr("The folder %1 does not exist. Create it first (mkdir -p %1) or choose "
                                                                         "another; nothing was written.").arg(info.absolutePath()));
    return path;
}

Result<std::unique_ptr<QTemporaryFile>> partialFile(const QString &finalPath, const QString &field)
{
    const QFileInfo info(finalPath);
    auto file = std::make_unique<QTemporaryFile>(info.absolutePath() + QLatin1String("/.") + info.fileName() + QLatin1String(".partial-XXXXXX"));
    if (!file->open())
        return Error::unavailable(field, DatabaseBackup::tr("Cannot write in %1: %2").arg(info.absolutePath(), file->errorString()));
    file->close();
    return file;
}

Status moveIntoPlace(const QString &from, const QString &to, const QString &field)
{
    // rename(2) replaces `to` in one step: readers see the old file or the whole new one.
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return Error::unavailable(field, DatabaseBackup::tr("Cannot move %1 to %2: %3").arg(from, to, QString::fromLocal8Bit(std::strerror(errno))));
    return {};
}

Status recordRestore(Store &store, qint64 startedAt, const QString &file, qint64 durationMs)
{
    MaintenanceRun run;
    run.kind = QStringLiteral("restore");
    run.requestedBy = QStringLiteral("operator");
    run.startedAt = startedAt;
    MaintenanceStep step;
    step.step = QStringLiteral("restore");
    step.target = QFileInfo(file).fileName();
    step.detail = step.target;
    step.ms = durationMs;
    run.steps = {step};
    return MaintenanceLog(store).record(run);
}

Result<MigrationStatus> checkRestored(Store &store, const QString &file)
{
    auto status = store.migrationStatus();
    if (!status)
        return status.error();
    for (const MigrationState &m : status->migrations) {
        if (m.problem.isEmpty())
            continue;
        return Error::refused(DatabaseBackup::tr("The backup %1 holds a database this Arbor cannot use: migration %2 (%3) is %4. "
                                                 "Restore it with the Arbor release that made it.")
                                  .arg(file).arg(m.version).arg(m.name, m.problem));
    }
    // The leases belong to the engines that ran on the source: nothing runs on the copy yet.
    if (store.tableExists(store.admin("lease"))) {
        if (Status s = store.exec(QLatin1String("DELETE FROM ") + store.admin("lease")); !s)
            return s.error();
    }
    if (store.tableExists(store.admin("engines"))) {
        if (Status s = store.exec(QLatin1String("DELETE FROM ") + store.admin("engines")); !s)
            return s.error();
        if (Status s = store.exec(QLatin1String("UPDATE ") + store.admin("chain_leases")
                                  + QLatin1String(" SET owner = NULL, owner_token = NULL, heartbeat_at = NULL, expires_at = 0"));
            !s)
            return s.error();
    }
    return status;
}

} // namespace backupsteps

using namespace backupsteps;

namespace {

// Pages per backup step: 8 MiB at SQLite's default page size, a few ms of copying between
// progress reports and cancellation checks.
constexpr int StepPages = 2048;

struct SqliteCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
using SqliteHandle = std::unique_ptr<sqlite3, SqliteCloser>;

QString sqliteMessage(sqlite3 *db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

Result<SqliteHandle> openSqlite(const QString &path, int flags, const QString &field)
{
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    SqliteHandle db(raw);
    if (rc != SQLITE_OK) {
        const QString why = raw ? sqliteMessage(raw) : QString::fromUtf8(sqlite3_errstr(rc));
        return Error::unavailable(field, DatabaseBackup::tr("Cannot open %1: %2").arg(path, why));
    }
    sqlite3_busy_timeout(db.get(), 10000);
    return db;
}

Status execSqlite(sqlite3 *db, const char *sql, const QString &field)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        const QString why = message ? QString::fromUtf8(message) : sqliteMessage(db);
        sqlite3_free(message);
        return Error::unavailable(field, DatabaseBackup::tr("SQLite error: %1").arg(why));
    }
    return {};
}

/// The number `sql` returns; reading it also starts the read transaction of an open BEGIN.
Result<qint64> countSqlite(sqlite3 *db, const char *sql, const QString &field)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return Error::invalid(field, sqliteMessage(db));
    const int rc = sqlite3_step(stmt);
    const qint64 n = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW)
        return Error::invalid(field, sqliteMessage(db));
    return n;
}

bool hasArborSchema(sqlite3 *db)
{
    auto n = countSqlite(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'arbor_schema_migrations'", QString());
    return n && *n > 0;
}

/// Copies every page of `from` into `to` with the online backup API, step by step.
Status copyPages(sqlite3 *from, sqlite3 *to, const BackupProgress &progress, const BackupCanceled &canceled)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return Error::internal(DatabaseBackup::tr("SQLite cannot start the copy: %1").arg(sqliteMessage(to)));
    int rc = SQLITE_OK;
    bool stopped = false;
    for (;;) {
        rc = sqlite3_backup_step(backup, StepPages);
        const qint64 total = sqlite3_backup_pagecount(backup);
        if (progress)
            progress(total - sqlite3_backup_remaining(backup), total);
        if (rc == SQLITE_DONE)
            break;
        if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED)
            break;
        if (canceled && canceled()) {
            stopped = true;
            break;
        }
        if (rc != SQLITE_OK)
            QThread::msleep(20);
    }
    sqlite3_backup_finish(backup);
    if (stopped)
        return canceledError();
    if (rc != SQLITE_DONE)
        return Error::unavailable(QStringLiteral("database"), DatabaseBackup::tr("SQLite could not copy the database: %1").arg(QString::fromUtf8(sqlite3_errstr(rc))));
    return {};
}

Result<BackupResult> copySqlite(sqlite3 *source, const DatabaseUrl &url, const QString &target, const BackupProgress &progress,
                                const BackupCanceled &canceled)
{
    // One read transaction across all steps: one snapshot, which a writer elsewhere cannot move.
    if (Status s = execSqlite(source, "BEGIN", QStringLiteral("--db")); !s)
        return s.error();
    auto snapshot = countSqlite(source, "SELECT count(*) FROM sqlite_master", QStringLiteral("--db"));
    if (!snapshot) {
        (void)execSqlite(source, "ROLLBACK", QString());
        return snapshot.error();
    }
    auto partial = partialFile(target, QStringLiteral("--to"));
    if (!partial) {
        (void)execSqlite(source, "ROLLBACK", QString());
        return partial.error();
    }
    Status copied = [&]() -> Status {
        auto copy = openSqlite((*partial)->fileName(), SQLITE_OPEN_READWRITE, QStringLiteral("--to"));
        if (!copy)
            return copy.error();
        if (Status s = copyPages(source, copy->get(), progress, canceled); !s)
            return s;
        // A backup is one self-contained file: no WAL beside it.
        if (Status s = execSqlite(copy->get(), "PRAGMA journal_mode=DELETE", QStringLiteral("--to")); !s)
            return s;
        if (sqlite3_close(copy->release()) != SQLITE_OK)
            return Error::unavailable(QStringLiteral("--to"), DatabaseBackup::tr("Cannot finish writing %1.").arg((*partial)->fileName()));
        return {};
    }();
    (void)execSqlite(source, "ROLLBACK", QString());
    if (!copied)
        return copied.error();
    if (Status s = moveIntoPlace((*partial)->fileName(), target, QStringLiteral("--to")); !s)
        return s.error();
    BackupResult result;
    result.file = target;
    result.backend = Backend::Sqlite;
    result.source = url.displayName();
    result.bytes = QFileInfo(target).size();
    return result;
}

Result<BackupResult> backupSqlite(const DatabaseUrl &url, const QString &file, ExistingBackup existing, const BackupProgress &progress,
                                  const BackupCanceled &canceled)
{
    QElapsedTimer timer;
    timer.start();
    if (!QFileInfo::exists(url.path))
        return Error::notFound(QStringLiteral("--db"), DatabaseBackup::tr("There is no database at %1.").arg(url.path));
    auto target = checkBackupTarget(file, existing);
    if (!target)
        return target.error();
    if (QFileInfo(*target) == QFileInfo(url.path))
        return Error::invalid(QStringLiteral("--to"), DatabaseBackup::tr("%1 is the database itself: choose another file.").arg(*target));
    auto source = openSqlite(url.path, SQLITE_OPEN_READWRITE, QStringLiteral("--db"));
    if (!source)
        return source.error();
    if (!hasArborSchema(source->get()))
        return Error::invalid(QStringLiteral("--db"), DatabaseBackup::tr("%1 is not an Arbor database: it has no arbor_schema_migrations table.").arg(url.path));

    auto result = copySqlite(source->get(), url, *target, progress, canceled);
    if (result)
        result->durationMs = timer.elapsed();
    return result;
}

/// A target that is missing, an empty file, or an SQLite database without tables is empty.
Status requireEmptySqlite(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    if (info.isDir())
        return Error::invalid(QStringLiteral("--db"), DatabaseBackup::tr("%1 is a folder: give the database file to restore into.").arg(path));
    if (info.size() == 0 && !QFileInfo::exists(path + QLatin1String("-wal")))
        return {};
    auto db = openSqlite(path, SQLITE_OPEN_READONLY, QStringLiteral("--db"));
    auto tables = db ? countSqlite(db->get(), "SELECT count(*) FROM sqlite_master WHERE type = 'table'", QStringLiteral("--db"))
                     : Result<qint64>(db.error());
    if (!tables)
        return Error::conflict(QStringLiteral("--db"), DatabaseBackup::tr("%1 exists and is not an empty SQLite database (%2). Restore into a new file; "
                                                                          "nothing was changed.").arg(path, tables.error().message));
    if (*tables > 0)
        return Error::conflict(QStringLiteral("--db"), DatabaseBackup::tr("%1 is not empty: it holds %n table(s). Restore into a new file or an empty "
                                                                          "database; nothing was changed.", nullptr, int(*tables)).arg(path));
    return {};
}

Result<RestoreResult> restoreSqlite(const DatabaseUrl &url, const QString &file, const BackupProgress &progress, const BackupCanceled &canceled)
{
    const qint64 startedAt = nowMs();
    QElapsedTimer timer;
    timer.start();
    auto backup = openSqlite(file, SQLITE_OPEN_READONLY, QStringLiteral("--from"));
    if (!backup)
        return backup.error();
    if (!hasArborSchema(backup->get()))
        return Error::invalid(QStringLiteral("--from"), DatabaseBackup::tr("%1 is an SQLite database but not an Arbor backup: it has no "
                                                                           "arbor_schema_migrations table.").arg(file));
    if (QFileInfo(file) == QFileInfo(url.path))
        return Error::invalid(QStringLiteral("--db"), DatabaseBackup::tr("%1 is the backup itself: restore into another file.").arg(url.path));
    if (Status s = requireEmptySqlite(url.path); !s)
        return s.error();
    if (!QDir().mkpath(QFileInfo(url.path).absolutePath()))
        return Error::unavailable(QStringLiteral("--db"), DatabaseBackup::tr("Cannot create the folder %1.").arg(QFileInfo(url.path).absolutePath()));
    auto partial = partialFile(url.path, QStringLiteral("--db"));
    if (!partial)
        return partial.error();
    const QString partialPath = (*partial)->fileName();

    {
        auto copy = openSqlite(partialPath, SQLITE_OPEN_READWRITE, QStringLiteral("--db"));
        if (!copy)
            return copy.error();
        if (Status s = copyPages(backup->get(), copy->get(), progress, canceled); !s)
            return s.error();
    }
    backup.value().reset();

    RestoreResult result;
    result.file = QFileInfo(file).absoluteFilePath();
    result.target = url;
    result.bytes = QFileInfo(file).size();
    {
        // Checked and recorded before it takes its name: a backup this Arbor cannot use leaves nothing.
        DatabaseUrl partialUrl = url;
        partialUrl.path = partialPath;
        auto store = Store::open(partialUrl);
        if (!store)
            return store.error();
        auto status = checkRestored(**store, file);
        if (!status)
            return status.error();
        result.databaseVersion = status->databaseVersion;
        result.pendingMigrations = status->pendingCount();
        result.durationMs = timer.elapsed();
        if (Status s = recordRestore(**store, startedAt, file, result.durationMs); !s)
            return s.error();
    }
    for (const char *suffix : {"-wal", "-shm"})
        QFile::remove(partialPath + QLatin1String(suffix));
    if (Status s = moveIntoPlace(partialPath, url.path, QStringLiteral("--db")); !s)
        return s.error();
    return result;
}

} // namespace

Result<Backend> DatabaseBackup::backupFormat(const QString &file, const QString &field)
{
    QFile f(file);
    if (!f.exists())
        return Error::notFound(field, tr("There is no file %1.").arg(file));
    if (!f.open(QIODevice::ReadOnly))
        return Error::unavailable(field, tr("Cannot read %1: %2").arg(file, f.errorString()));
    const QByteArray head = f.read(16);
    if (head == QByteArrayView("SQLite format 3\0", 16))
        return Backend::Sqlite;
    if (head.startsWith("PGDMP"))
        return Backend::Postgres;
    return Error::invalid(field, tr("%1 is not an Arbor backup: it is neither an SQLite database nor a PostgreSQL dump "
                                    "(pg_dump --format=custom).").arg(file));
}

Result<BackupResult> DatabaseBackup::backup(const DatabaseUrl &source, const QString &password, const QString &file, ExistingBackup existing,
                                            const BackupProgress &progress, const BackupCanceled &canceled)
{
    if (source.backend == Backend::Postgres)
        return backupPostgres(source, password, file, existing, progress, canceled);
    return backupSqlite(source, file, existing, progress, canceled);
}

Result<RestoreResult> DatabaseBackup::restore(const DatabaseUrl &target, const QString &password, const QString &file,
                                              const BackupProgress &progress, const BackupCanceled &canceled)
{
    const QString path = QFileInfo(file).absoluteFilePath();
    auto format = backupFormat(path);
    if (!format)
        return format.error();
    if (*format != target.backend) {
        return Error::invalid(QStringLiteral("--from"),
                              *format == Backend::Sqlite
                                  ? tr("%1 is an SQLite backup: restore it into an SQLite database (sqlite:PATH).").arg(path)
                                  : tr("%1 is a PostgreSQL backup: restore it into an empty PostgreSQL database (postgresql://…).").arg(path));
    }
    if (target.backend == Backend::Postgres)
        return restorePostgres(target, password, path, progress, canceled);
    return restoreSqlite(target, path, progress, canceled);
}

} // namespace arbor

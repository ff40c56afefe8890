// DatabaseBackup on PostgreSQL: pg_dump and pg_restore, run as child processes.
#include "store/databasebackup.h"

#include "store/databasebackupsteps.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace arbor {

using namespace backupsteps;

namespace {

// Arbor's schemas: admin, cross-chain, and one per chain (psql patterns, as pg_dump --schema takes them).
const QStringList ArborSchemaPatterns = {QStringLiteral("arbor"), QStringLiteral("arbor_global"), QStringLiteral("chain_*")};
constexpr qsizetype MaxProblemLines = 30;

QStringList connectionArguments(const DatabaseUrl &url)
{
    // --no-password: never a prompt; the password comes from the environment or ~/.pgpass.
    QStringList args{QStringLiteral("--no-password"), QLatin1String("--host=") + url.host, QLatin1String("--port=") + QString::number(url.port)};
    if (!url.user.isEmpty())
        args.append(QLatin1String("--username=") + url.user);
    args.append(QLatin1String("--dbname=") + url.database);
    return args;
}

/// Whether a line of the tool's stderr says what went wrong (its --verbose lines do not).
bool isProblem(const QString &line, const QString &tool)
{
    if (line.isEmpty())
        return false;
    const QString prefix = tool + QLatin1String(": ");
    if (!line.startsWith(prefix))
        return true;   // the continuation of a message ("Command was: …")
    const QStringView rest = QStringView(line).mid(prefix.size());
    for (const char *kind : {"error:", "warning:", "detail:", "hint:", "FATAL:"}) {
        if (rest.startsWith(QLatin1String(kind)))
            return true;
    }
    return false;
}

/**
 * Runs `tool` (pg_dump, pg_restore) to its end: `onLine` gets each line of its stderr, the
 * password reaches it only through PGPASSWORD in its own environment. Returns its stdout, or an
 * error holding what it printed about the failure.
 */
Result<QByteArray> runTool(const QString &tool, const QStringList &arguments, const QString &password,
                           const std::function<void(const QString &)> &onLine, const BackupCanceled &canceled)
{
    const QString program = QStandardPaths::findExecutable(tool);
    if (program.isEmpty())
        return Error::unavailable(tool, DatabaseBackup::tr("%1 is not installed. Install the package postgresql-client "
                                                           "(a version at least as new as the server's).").arg(tool));
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), password);
    // Its progress lines are read in English.
    env.remove(QStringLiteral("LC_ALL"));
    env.insert(QStringLiteral("LC_MESSAGES"), QStringLiteral("C"));
    process.setProcessEnvironment(env);
    process.setReadChannel(QProcess::StandardError);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return Error::unavailable(tool, DatabaseBackup::tr("Cannot run %1: %2").arg(program, process.errorString()));
    process.closeWriteChannel();

    QStringList problems;
    QByteArray out;
    auto take = [&](const QString &line) {
        if (onLine)
            onLine(line);
        if (isProblem(line, tool) && problems.size() < MaxProblemLines)
            problems.append(line);
    };
    auto drain = [&](bool all) {
        out += process.readAllStandardOutput();
        while (process.canReadLine())
            take(QString::fromUtf8(process.readLine()).trimmed());
        if (all)
            take(QString::fromUtf8(process.readAll()).trimmed());
    };
    while (process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(100);
        drain(false);
        if (canceled && canceled()) {
            process.kill();
            process.waitForFinished();
            return canceledError();
        }
    }
    drain(true);
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString what = problems.isEmpty() ? DatabaseBackup::tr("it printed no message") : problems.join(u'\n');
        return Error::unavailable(tool, DatabaseBackup::tr("%1 failed (exit code %2): %3").arg(tool).arg(process.exitCode()).arg(what));
    }
    return out;
}

/// The quoted table of a --verbose progress line ("dumping contents of table \"arbor.chains\""),
/// counting towards `done`.
std::function<void(const QString &)> progressCounter(const QString &phrase, qint64 total, const BackupProgress &progress)
{
    auto done = std::make_shared<qint64>(0);
    return [phrase, total, progress, done](const QString &line) {
        if (progress && line.contains(phrase))
            progress(std::min(++*done, total), total);
    };
}

Result<qint64> arborTableCount(Store &store)
{
    auto rows = store.query(QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                           "WHERE c.relkind IN ('r', 'p') AND (n.nspname IN ('arbor', 'arbor_global') OR n.nspname LIKE 'chain\\_%')"));
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? 0 : rows->first().value(0).toLongLong();
}

Status requireEmpty(Store &store, const DatabaseUrl &url)
{
    auto tables = store.queryStrings(QStringLiteral("SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                                    "WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
                                                    "AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1 LIMIT 3"));
    if (!tables)
        return tables.error();
    auto schemas = store.queryStrings(QStringLiteral("SELECT 'schema ' || nspname FROM pg_namespace "
                                                     "WHERE nspname IN ('arbor', 'arbor_global') OR nspname LIKE 'chain\\_%' ORDER BY 1 LIMIT 3"));
    if (!schemas)
        return schemas.error();
    const QStringList found = *schemas + *tables;
    if (found.isEmpty())
        return {};
    return Error::conflict(QStringLiteral("--db"), DatabaseBackup::tr("%1 is not empty: it holds %2. Restore into an empty database "
                                                                      "(createdb NAME); nothing was changed.")
                                                       .arg(url.displayName(), found.join(QLatin1String(", "))));
}

} // namespace

Result<BackupResult> backupPostgres(const DatabaseUrl &url, const QString &password, const QString &file, ExistingBackup existing,
                                    const BackupProgress &progress, const BackupCanceled &canceled)
{
    QElapsedTimer timer;
    timer.start();
    auto target = checkBackupTarget(file, existing);
    if (!target)
        return target.error();
    auto store = Store::open(url, password);
    if (!store)
        return store.error();
    if (!(*store)->tableExists((*store)->admin("schema_migrations")))
        return Error::invalid(QStringLiteral("--db"), DatabaseBackup::tr("%1 is not an Arbor database: it has no arbor.schema_migrations table.").arg(url.displayName()));
    auto total = arborTableCount(**store);
    if (!total)
        return total.error();

    auto result = [&]() -> Result<BackupResult> {
        auto partial = partialFile(*target, QStringLiteral("--to"));
        if (!partial)
            return partial.error();
        QStringList args{QStringLiteral("--format=custom"), QStringLiteral("--verbose"), QLatin1String("--file=") + (*partial)->fileName()};
        for (const QString &schema : ArborSchemaPatterns)
            args.append(QLatin1String("--schema=") + schema);
        if (progress)
            progress(0, *total);
        auto dumped = runTool(QStringLiteral("pg_dump"), args + connectionArguments(url), password,
                              progressCounter(QStringLiteral("dumping contents of table"), *total, progress), canceled);
        if (!dumped)
            return dumped.error();
        if (Status s = moveIntoPlace((*partial)->fileName(), *target, QStringLiteral("--to")); !s)
            return s.error();
        if (progress)
            progress(*total, *total);
        BackupResult r;
        r.file = *target;
        r.backend = Backend::Postgres;
        r.source = url.displayName();
        r.bytes = QFileInfo(*target).size();
        r.durationMs = timer.elapsed();
        return r;
    }();
    return result;
}

Result<RestoreResult> restorePostgres(const DatabaseUrl &url, const QString &password, const QString &file,
                                      const BackupProgress &progress, const BackupCanceled &canceled)
{
    const qint64 startedAt = nowMs();
    QElapsedTimer timer;
    timer.start();
    auto listing = runTool(QStringLiteral("pg_restore"), {QStringLiteral("--list"), file}, QString(), {}, canceled);
    if (!listing) {
        if (listing.error().field != QLatin1String("pg_restore") || listing.error().message.contains(QLatin1String("not installed")))
            return listing.error();
        return Error::invalid(QStringLiteral("--from"), DatabaseBackup::tr("%1 is not a readable PostgreSQL backup: %2").arg(file, listing.error().message));
    }
    const QString contents = QString::fromUtf8(*listing);
    if (!contents.contains(QRegularExpression(QStringLiteral("\\bTABLE DATA arbor schema_migrations\\b"))))
        return Error::invalid(QStringLiteral("--from"), DatabaseBackup::tr("%1 is a PostgreSQL backup but not an Arbor one: it holds no "
                                                                           "arbor.schema_migrations table.").arg(file));
    const qint64 total = contents.count(QRegularExpression(QStringLiteral("^\\d+; .*\\bTABLE DATA\\b"), QRegularExpression::MultilineOption));

    auto store = Store::open(url, password);
    if (!store)
        return store.error();
    if (Status s = requireEmpty(**store, url); !s)
        return s.error();

    // One transaction: a failure leaves the database as empty as it was.
    const QStringList args{QStringLiteral("--no-owner"), QStringLiteral("--no-acl"), QStringLiteral("--single-transaction"),
                           QStringLiteral("--exit-on-error"), QStringLiteral("--verbose")};
    if (progress)
        progress(0, total);
    auto restored = runTool(QStringLiteral("pg_restore"), args + connectionArguments(url) + QStringList{file}, password,
                            progressCounter(QStringLiteral("processing data for table"), total, progress), canceled);
    if (!restored)
        return restored.error();
    if (progress)
        progress(total, total);
    // pg_restore leaves the planner without statistics; indexing on from here needs them.
    if (Status s = (*store)->exec(QStringLiteral("ANALYZE")); !s)
        return s.error();
    auto status = checkRestored(**store, file);
    if (!status)
        return status.error();

    RestoreResult result;
    result.file = file;
    result.target = url;
    result.bytes = QFileInfo(file).size();
    result.databaseVersion = status->databaseVersion;
    result.pendingMigrations = status->pendingCount();
    result.durationMs = timer.elapsed();
    if (Status s = recordRestore(**store, startedAt, file, result.durationMs); !s)
        return s.error();
    return result;
}

} // namespace arbor

#include "backupcommands.h"
#include "translation.h"

#include "engine/databaseservice.h"
#include "output.h"
#include "secrets/secretstore.h"
#include "store/databasebackup.h"
#include "util/continuation.h"
#include "util/workerthread.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonObject>
#include <QLocale>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <cstdio>
#include <unistd.h>

namespace arbor::cli {
namespace {

/**
 * "Backing up: 42%" on stderr as a copy goes: rewritten in place on a terminal, otherwise one
 * line per tenth, so logs stay short.
 */
class ProgressLine
{
public:
    explicit ProgressLine(QString what) : m_what(std::move(what)), m_terminal(::isatty(STDERR_FILENO) == 1) {}

    void update(qint64 done, qint64 total)
    {
        const int percent = total > 0 ? int(std::clamp<qint64>(done * 100 / total, 0, 100)) : 0;
        if (percent == m_shown || (!m_terminal && percent / 10 == m_shown / 10 && m_shown >= 0))
            return;
        m_shown = percent;
        QTextStream err(stderr);
        err << (m_terminal ? "\r" : "") << Arborctl::tr("%1: %2%").arg(m_what).arg(percent);
        if (!m_terminal)
            err << '\n';
        err.flush();
    }
    void end()
    {
        if (m_terminal && m_shown >= 0) {
            QTextStream err(stderr);
            err << Qt::endl;
        }
    }

private:
    QString m_what;
    bool m_terminal;
    int m_shown = -1;
};

QString describeSize(qint64 bytes)
{
    return QLocale::system().formattedDataSize(bytes, 1);
}

QString seconds(qint64 ms)
{
    return Arborctl::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

QString backendName(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

EngineOptions backupOptions()
{
    // Only opens the database: no lease (a serving engine keeps it), no migration.
    EngineOptions options;
    options.app = QStringLiteral("arborctl");
    options.lease = EngineOptions::Lease::None;
    options.snapshotIntervalMs = 0;
    options.schema = EngineOptions::Schema::Inspect;
    return options;
}

int printRestored(const RestoreResult &r, bool asJson)
{
    if (asJson) {
        printJson(QJsonObject{{QStringLiteral("file"), r.file},
                              {QStringLiteral("database"), r.target.toString()},
                              {QStringLiteral("backend"), backendName(r.target.backend)},
                              {QStringLiteral("bytes"), r.bytes},
                              {QStringLiteral("durationMs"), r.durationMs},
                              {QStringLiteral("schemaVersion"), r.databaseVersion},
                              {QStringLiteral("pendingMigrations"), r.pendingMigrations}});
        return ExitOk;
    }
    QTextStream out(stdout);
    out << Arborctl::tr("Restored %1 (%2) into %3 in %4; schema version %5.")
               .arg(r.file, describeSize(r.bytes), r.target.displayName(), seconds(r.durationMs))
               .arg(r.databaseVersion)
        << Qt::endl;
    if (r.pendingMigrations > 0)
        out << Arborctl::tr("%n migration(s) will be applied when Arbor opens it.", nullptr, r.pendingMigrations) << Qt::endl;
    out << Arborctl::tr("Use it with --db %1 (or as the database URL in the console's Settings).").arg(r.target.toString()) << Qt::endl;
    return ExitOk;
}

} // namespace

int dbBackup(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption to(QStringLiteral("to"), Arborctl::tr("The backup file to write; refused when it exists."), QStringLiteral("FILE"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{Arborctl::tr("Back up the database into a file while engines go on using it: SQLite's online backup, "
                                        "or pg_dump (custom format) for PostgreSQL. Progress goes to stderr."),
                           {to, json}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    if (parser.value(to).trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("--to"), Arborctl::tr("Give the file to write the backup to: --to FILE.")));
    const QString file = QFileInfo(parser.value(to)).absoluteFilePath();
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, backupOptions(), [file, asJson](Engine &engine, std::function<void(int)> finish) {
        auto progress = std::make_shared<ProgressLine>(Arborctl::tr("Backing up"));
        then(engine.database()->backupDatabase(file, ExistingBackup::Refuse, [progress](qint64 done, qint64 total) { progress->update(done, total); }), &engine, [progress, asJson, finish](Result<BackupResult> r) {
                progress->end();
                if (!r) {
                    finish(fail(r.error()));
                    return;
                }
                if (asJson) {
                    printJson(QJsonObject{{QStringLiteral("file"), r->file},
                                          {QStringLiteral("backend"), backendName(r->backend)},
                                          {QStringLiteral("source"), r->source},
                                          {QStringLiteral("bytes"), r->bytes},
                                          {QStringLiteral("durationMs"), r->durationMs}});
                } else {
                    QTextStream(stdout) << Arborctl::tr("Backed up %1 to %2: %3 in %4.")
                                               .arg(r->source, r->file, describeSize(r->bytes), seconds(r->durationMs))
                                        << Qt::endl;
                }
                finish(ExitOk);
            });
    });
}

int dbRestore(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"), Arborctl::tr("The backup file (from “arborctl db backup” or the console)."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{Arborctl::tr("Restore a backup into the --db database, which must be empty: a new SQLite file, or an empty "
                                        "PostgreSQL database (pg_restore). A database that holds tables is refused (exit 3) "
                                        "and left as it is."),
                           {from, json}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    if (parser.value(from).trimmed().isEmpty())
        return fail(Error::invalid(QStringLiteral("--from"), Arborctl::tr("Give the backup file to restore: --from FILE.")));
    const QString file = QFileInfo(parser.value(from)).absoluteFilePath();
    const bool asJson = parser.isSet(json);
    auto url = DatabaseUrl::resolve(inv.db);
    if (!url)
        return fail(url.error());

    // The restore runs on a thread of its own, so SIGINT/SIGTERM can stop it between two steps
    // (leaving nothing behind) instead of killing it mid-write.
    QObject context;
    std::atomic<bool> stop{false};
    std::unique_ptr<QThread> worker;
    std::optional<Result<RestoreResult>> result;
    ProgressLine progress(Arborctl::tr("Restoring"));
    exitOnSignals(&context, [&stop] { stop = true; });
    auto run = [&](const QString &password) {
        // The worker hands its progress and its result to this thread (queued calls on `context`),
        // which alone prints and reads them.
        worker.reset(QThread::create([&, password] {
            auto restored = DatabaseBackup::restore(*url, password, file, [&context, &progress](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(&context, [&progress, done, total] { progress.update(done, total); });
            }, [&stop] { return stop.load(); });
            QMetaObject::invokeMethod(&context, [&result, restored = std::move(restored)] {
                result = restored;
                QCoreApplication::exit(0);
            });
        }));
        joinable(worker.get());
        worker->start();
    };
    if (url->backend == Backend::Postgres) {
        resolveDatabasePassword(url->keychainKey(), &context, [&](QString password, QString notice) {
            if (!notice.isEmpty())
                QTextStream(stderr) << "arborctl: note: " << notice << Qt::endl;
            run(password);
        });
    } else {
        QMetaObject::invokeMethod(&context, [&] { run(QString()); }, Qt::QueuedConnection);
    }
    QCoreApplication::exec();
    if (worker)
        join(worker.get());   // to its end: it ran libpq (Kerberos, OpenSSL thread-exit cleanup)
    progress.end();
    if (!result)
        return fail(Error::internal(Arborctl::tr("The restore did not run.")));
    if (!*result)
        return fail(result->error());
    return printRestored(**result, asJson);
}

} // namespace arbor::cli

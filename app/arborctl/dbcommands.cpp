#include "dbcommands.h"
#include "translation.h"

#include "engine/databaseservice.h"
#include "output.h"
#include "secrets/secretstore.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

namespace arbor::cli {
namespace {

// Every arborctl message is in the translation context "arborctl".
EngineOptions inspectOptions()
{
    EngineOptions options;
    options.app = QStringLiteral("arborctl");
    options.lease = EngineOptions::Lease::None;
    options.snapshotIntervalMs = 0;
    options.schema = EngineOptions::Schema::Inspect;
    return options;
}

int printStatus(const MigrationStatus &status, bool asJson)
{
    if (asJson) {
        printJson(migrationStatusToJson(status));
    } else {
        QList<QStringList> rows;
        for (const MigrationState &m : status.migrations) {
            const QString state = !m.problem.isEmpty() ? Arborctl::tr("PROBLEM: %1").arg(m.problem)
                                  : m.applied        ? Arborctl::tr("applied %1").arg(m.appliedAt)
                                                     : Arborctl::tr("pending");
            rows.append({QString::number(m.version), m.name, state});
        }
        printTable({Arborctl::tr("VERSION"), Arborctl::tr("NAME"), Arborctl::tr("STATE")}, rows);
        QTextStream(stdout) << Arborctl::tr("Database at version %1; this binary knows version %2; %3 pending.")
                                   .arg(status.databaseVersion).arg(status.binaryVersion).arg(status.pendingCount())
                            << Qt::endl;
    }
    return status.ok() ? ExitOk : ExitFailed;
}

} // namespace

int dbStatus(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print JSON."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("List applied and pending schema migrations."), {json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, inspectOptions(), [asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.database()->migrationStatus(), &engine, [asJson, finish](Result<MigrationStatus> status) {
            finish(status ? printStatus(*status, asJson) : fail(status.error()));
        });
    });
}

int dbMigrate(const Invocation &inv)
{
    QCommandLineParser parser;
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Apply pending schema migrations.")}))
        return *exit;
    return runWithEngine(inv, inspectOptions(), [](Engine &engine, std::function<void(int)> finish) {
        then(engine.database()->migrate(), &engine, [finish](Result<int> applied) {
            if (!applied) {
                finish(fail(applied.error()));
                return;
            }
            QTextStream(stdout) << (*applied == 0 ? Arborctl::tr("The database is up to date.") : Arborctl::tr("Applied %n migration(s).", nullptr, int(*applied))) << Qt::endl;
            finish(ExitOk);
        });
    });
}

int dbSetPassword(const Invocation &inv)
{
    QCommandLineParser parser;
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Store the PostgreSQL password for --db in the OS keychain (read from standard input).")}))
        return *exit;
    auto url = DatabaseUrl::resolve(inv.db);
    if (!url)
        return fail(url.error());
    if (url->backend != Backend::Postgres)
        return fail(Error::invalid(QStringLiteral("--db"), Arborctl::tr("Only PostgreSQL databases have a password; give --db postgresql://….")));
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(Error::internal(Arborctl::tr("Cannot read standard input.")));
    const QString password = QString::fromUtf8(in.readLine()).trimmed();
    if (password.isEmpty())
        return fail(Error::invalid(QStringLiteral("password"), Arborctl::tr("Standard input was empty: pipe the password in, e.g. arborctl db set-password < file.")));
    int code = ExitOk;
    QObject context;
    SecretStore::write(url->keychainKey(), password, &context, [&code](Status s) {
        code = s ? ExitOk : fail(s.error());
        if (s)
            QTextStream(stdout) << Arborctl::tr("Stored the password in the keychain.") << Qt::endl;
        QCoreApplication::exit(code);
    });
    QCoreApplication::exec();
    return code;
}

int dbForgetPassword(const Invocation &inv)
{
    QCommandLineParser parser;
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Remove the PostgreSQL password for --db from the OS keychain.")}))
        return *exit;
    auto url = DatabaseUrl::resolve(inv.db);
    if (!url)
        return fail(url.error());
    int code = ExitOk;
    QObject context;
    SecretStore::remove(url->keychainKey(), &context, [&code](Status s) {
        code = s ? ExitOk : fail(s.error());
        QCoreApplication::exit(code);
    });
    QCoreApplication::exec();
    return code;
}

} // namespace arbor::cli

#include "commandline.h"

#include "secrets/secretstore.h"

#include <QCoreApplication>
#include <QTextStream>

namespace arbor::cli {
namespace {

// Every arborctl message is in the translation context "arborctl".
struct Arborctl
{
    Q_DECLARE_TR_FUNCTIONS(arborctl)
};

} // namespace

int fail(const Error &error)
{
    QTextStream err(stderr);
    err << "arborctl: error: " << error.toString() << Qt::endl;
    switch (error.kind) {
    case Error::Kind::Invalid:
    case Error::Kind::NotFound:
        return ExitInvalid;
    case Error::Kind::Conflict:
        return ExitConflict;
    default:
        return ExitFailed;
    }
}

int usageError(const QString &message)
{
    QTextStream err(stderr);
    err << "arborctl: " << message << Qt::endl << Arborctl::tr("Try “arborctl --help”.") << Qt::endl;
    return ExitInvalid;
}

bool parseCommand(QCommandLineParser &parser, const Invocation &inv, const QString &description, int *exitCode)
{
    parser.setApplicationDescription(description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Arborctl::tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(inv.args)) {
        *exitCode = usageError(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        QTextStream(stdout) << parser.helpText();
        *exitCode = ExitOk;
        return false;
    }
    return true;
}

int runWithEngine(const Invocation &inv, EngineOptions options, const Command &command)
{
    auto url = DatabaseUrl::resolve(inv.db);
    if (!url)
        return fail(url.error());
    options.database = *url;

    QObject context;
    int exitCode = ExitFailed;
    std::unique_ptr<Engine> engine;
    QString keychainNotice;

    auto startEngine = [&](const QString &password) {
        options.password = password;
        engine = std::make_unique<Engine>(options);
        engine->start().then(&context, [&](Status started) {
            if (!started) {
                if (!keychainNotice.isEmpty())
                    QTextStream(stderr) << "arborctl: note: " << keychainNotice << Qt::endl;
                exitCode = fail(started.error());
                QCoreApplication::exit(exitCode);
                return;
            }
            command(*engine, [&](int code) {
                exitCode = code;
                QCoreApplication::exit(code);
            });
        });
    };

    if (url->backend == Backend::Postgres) {
        resolveDatabasePassword(url->keychainKey(), &context, [&](QString password, QString notice) {
            keychainNotice = notice;
            startEngine(password);
        });
    } else {
        QMetaObject::invokeMethod(&context, [&]() { startEngine(QString()); }, Qt::QueuedConnection);
    }
    QCoreApplication::exec();
    engine.reset();
    return exitCode;
}

} // namespace arbor::cli

// arbor: the operations console. Argument parsing and wiring only; the window lives in arbor_ui.

#include "appsettings.h"
#include "engine/engine.h"
#include "logging/logsink.h"
#include "consolesession.h"
#include "secrets/secretstore.h"
#include "store/databaseurl.h"
#include "store/store.h"
#include "util/crashreporter.h"
#include "util/heapsettings.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <cstring>
#include <memory>

#include <sys/socket.h>
#include <unistd.h>

namespace {

// The translation context of the strings in this file.
class Console
{
    Q_DECLARE_TR_FUNCTIONS(Console)
};

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Arbor"));
    QCoreApplication::setApplicationName(QStringLiteral("arbor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARBOR_VERSION));
}

// The language of the settings ("system", "en", "de"); the system's for "system".
QLocale chosenLocale()
{
    const QString language = arbor::ui::AppSettings().language();
    return language == u"system" ? QLocale() : QLocale(language);
}

void installTranslators(QCoreApplication &app)
{
    // English is the source language, but its plural forms ("1 chain", "2 chains") live in
    // arbor_en: it is the fallback for locales Arbor has no translation for (and for C).
    const QLocale locale = chosenLocale();
    QLocale::setDefault(locale);
    arbor::ui::ConsoleSession::installTranslators(app, locale);
}

QCommandLineOption databaseOption()
{
    return QCommandLineOption(QStringLiteral("db"),
                              Console::tr("The database to open: sqlite:PATH or postgresql://user@host:port/dbname. "
                                 "Default: $ARBOR_DB, else the one chosen in Settings, else arbor.db in the user's data folder."),
                              Console::tr("url"));
}

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(Console::tr("Arbor, the operations console for multi-chain EVM indexing."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(databaseOption());
}

int g_signalFd[2] = {-1, -1};

void onTerminationSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFd[0], &byte, 1);
}

// SIGTERM and SIGINT close the windows like File→Quit, so the settings are saved and the Engine
// stops its threads and releases the database lease instead of leaving it to go stale.
void closeOnTerminationSignals(QApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char byte;
        [[maybe_unused]] const auto read = ::read(g_signalFd[1], &byte, 1);
        QApplication::closeAllWindows();
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

// QApplication aborts without a display, so these must be answered before one exists.
bool asksForVersionOrHelp(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return false;
        for (const char *flag : {"-v", "--version", "-h", "--help", "-?", "--help-all"}) {
            if (std::strcmp(arg, flag) == 0)
                return true;
        }
    }
    return false;
}

int printVersionOrHelp(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    installTranslators(app);
    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);   // prints the version or the help and exits
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (asksForVersionOrHelp(argc, argv))
        return printVersionOrHelp(argc, argv);

    // Before QApplication, whose platform plugin starts a thread of its own.
    arbor::shareFewHeaps();
    setIdentity();
    QApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Arbor"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.arbor.Arbor"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.arbor.Arbor"),
                                                 QIcon(QStringLiteral(":/icons/org.arbor.Arbor.svg"))));
    installTranslators(app);
    closeOnTerminationSignals(app);
    // The handlers that write this run's report should it crash (the session shows earlier ones).
    const QString crashReports = arbor::CrashReporter::defaultDirectory();
    QString crashReporterError;
    if (!arbor::CrashReporter::install(crashReports, &crashReporterError))
        std::fprintf(stderr, "arbor: %s\n", qPrintable(crashReporterError));
    // Collects every core category from here on, for the window's log panel.
    arbor::LogSink logSink;
    logSink.install();

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    // --db, else ARBOR_DB, else the database chosen in Settings, else the default SQLite file.
    arbor::ui::AppSettings settings;
    QString chosen = parser.value(QStringLiteral("db"));
    if (chosen.isEmpty() && qEnvironmentVariableIsEmpty("ARBOR_DB") && settings.hasDatabase())
        chosen = settings.databaseText();
    const arbor::Result<arbor::DatabaseUrl> url = arbor::DatabaseUrl::resolve(chosen);
    if (!url) {
        const QString message = url.error().toString();
        std::fprintf(stderr, "arbor: %s\n", qPrintable(message));
        QMessageBox::critical(nullptr, Console::tr("Arbor"), message);
        return 2;
    }

    arbor::EngineOptions options;
    options.app = QStringLiteral("arbor");
    options.lease = arbor::EngineOptions::Lease::ReadOnlyIfHeld;
    options.snapshotIntervalMs = 1000;
    options.indexing = true;   // the console indexes every active chain while it holds the lease
    // Beside engines already indexing a PostgreSQL database it watches and commands; it takes no
    // chain from them (a desktop that closes in the evening would hand them back and forth).
    options.shareChains = true;
    options.claimChainsOnlyWhenAlone = true;
    options.processQueue = true;
    options.queueHealthIntervalMs = 2000;
    // The GUI thread never waits on a database: should a statement ever run here, it is logged.
    arbor::Store::forbidThread(app.thread());
    arbor::ui::ConsoleSession session(options, &logSink, &settings);
    session.noticeCrashReports(crashReports);
    session.open(*url);

    return app.exec();
}

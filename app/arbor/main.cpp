// arbor: the operations console. Argument parsing and wiring only; the window lives in arbor_ui.

#include "engine/engine.h"
#include "mainwindow.h"
#include "secrets/secretstore.h"
#include "store/databaseurl.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTranslator>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::main", text);
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Arbor"));
    QCoreApplication::setApplicationName(QStringLiteral("arbor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARBOR_VERSION));
}

void installTranslators(QCoreApplication &app)
{
    // Owned by the application object: they live exactly as long as it does.
    auto *arbor = new QTranslator(&app);
    if (arbor->load(QLocale(), QStringLiteral("arbor"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(arbor);
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

QCommandLineOption databaseOption()
{
    return QCommandLineOption(QStringLiteral("db"),
                              tr("The database to open: sqlite:PATH or postgresql://user@host:port/dbname. "
                                 "Default: $ARBOR_DB, else arbor.db in the user's data folder."),
                              tr("url"));
}

void describeOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(tr("Arbor, the operations console for multi-chain EVM indexing."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(databaseOption());
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

    setIdentity();
    QApplication app(argc, argv);
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Arbor"));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.arbor.Arbor"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("org.arbor.Arbor"),
                                                 QIcon(QStringLiteral(":/icons/org.arbor.Arbor.svg"))));
    installTranslators(app);

    QCommandLineParser parser;
    describeOptions(parser);
    parser.process(app);

    const arbor::Result<arbor::DatabaseUrl> url = arbor::DatabaseUrl::resolve(parser.value(QStringLiteral("db")));
    if (!url) {
        const QString message = url.error().toString();
        std::fprintf(stderr, "arbor: %s\n", qPrintable(message));
        QMessageBox::critical(nullptr, tr("Arbor"), message);
        return 2;
    }

    // Declared before the window so it is destroyed after it: the window holds a plain pointer.
    std::unique_ptr<arbor::Engine> engine;
    std::unique_ptr<arbor::ui::MainWindow> window;

    const auto launch = [&](const QString &password, const QString &notice) {
        arbor::EngineOptions options;
        options.database = *url;
        options.password = password;
        options.app = QStringLiteral("arbor");
        options.lease = arbor::EngineOptions::Lease::ReadOnlyIfHeld;
        options.snapshotIntervalMs = 1000;
        engine = std::make_unique<arbor::Engine>(options);
        window = std::make_unique<arbor::ui::MainWindow>(engine.get());
        if (!notice.isEmpty())
            window->showNotice(notice);
        window->show();

        arbor::ui::MainWindow *shown = window.get();
        engine->start().then(shown, [shown](arbor::Status started) {
            if (!started)
                shown->showStartupError(started.error());
        });
    };

    if (url->backend == arbor::Backend::Postgres)
        arbor::resolveDatabasePassword(url->keychainKey(), &app, launch);
    else
        launch(QString(), QString());

    const int code = app.exec();
    window.reset();
    engine.reset();
    return code;
}

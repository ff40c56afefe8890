#include "consolesession.h"
#include "util/englishplurals.h"

#include "appsettings.h"
#include "engine/engine.h"
#include "engine/statsservice.h"
#include "logging/logsink.h"
#include "mainwindow.h"
#include "secrets/secretstore.h"
#include "trayicon.h"
#include "util/continuation.h"
#include "util/crashreporter.h"
#include "util/heaptrimmer.h"

#include <QApplication>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

namespace arbor::ui {

ConsoleSession::ConsoleSession(EngineOptions options, LogSink *logSink, AppSettings *settings, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_heapTrimmer(std::make_unique<HeapTrimmer>())
    , m_logSink(logSink)
    , m_settings(settings)
{
}

QStringList ConsoleSession::installTranslators(QCoreApplication &app, const QLocale &locale)
{
    QStringList loaded;
    // Installed first, so asked last: English plural forms for a text no catalogue has.
    QCoreApplication::installTranslator(new EnglishPlurals(&app));
    auto *arbor = new QTranslator(&app);
    if (arbor->load(locale, QStringLiteral("arbor"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || arbor->load(QStringLiteral(":/i18n/arbor_en.qm"))) {
        QCoreApplication::installTranslator(arbor);
        loaded.append(QFileInfo(arbor->filePath()).fileName());
    }
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        loaded.append(QFileInfo(qt->filePath()).fileName());
    }
    return loaded;
}

ConsoleSession::~ConsoleSession()
{
    m_closing = false;   // a switch under way ends here: its shutdown() resolves inside close()
    close();
}

void ConsoleSession::close()
{
    if (m_window)
        m_window->saveSettings();
    m_window.reset();
    m_engine.reset();
}

void ConsoleSession::open(const DatabaseUrl &database)
{
    if (m_engine && m_window)
        closeThenOpen(database);
    else
        openNow(database);
}

void ConsoleSession::closeThenOpen(const DatabaseUrl &database)
{
    m_next = database;
    if (m_closing)
        return;   // the switch under way opens the latest choice
    m_closing = true;
    m_window->showClosing();
    // The old engine's threads end (their queued work done, the lease given back) while this
    // thread goes on; close() below then waits for nothing.
    then(m_engine->shutdown(), this, [this] {
        if (!m_closing)
            return;
        retire([this] {
            m_closing = false;
            openNow(m_next);
        });
    });
}

void ConsoleSession::retire(std::function<void()> then)
{
    // The old window goes on one turn of the event loop, the old engine (its threads already
    // ended) on the next, and `then` makes the new ones on a third: done in one turn, a switch
    // held the window up for all of it at once. The old window going must not end the
    // application.
    QApplication::setQuitOnLastWindowClosed(false);
    m_window->saveSettings();
    m_window->hide();
    MainWindow *window = m_window.release();
    Engine *engine = m_engine.release();
    connect(window, &QObject::destroyed, this, [this, engine, then = std::move(then)] {
        QTimer::singleShot(0, this, [this, engine, then] {
            delete engine;
            QTimer::singleShot(0, this, then);
        });
    });
    window->deleteLater();
}

void ConsoleSession::openNow(const DatabaseUrl &database)
{
    // Switching: the old window goes before the new one exists, which must not end the
    // application (PostgreSQL's keychain answer comes later).
    if (m_window)
        QApplication::setQuitOnLastWindowClosed(false);
    close();
    const quint64 generation = ++m_generation;
    if (database.backend != Backend::Postgres) {
        launch(database, QString(), QString());
        return;
    }
    resolveDatabasePassword(database.keychainKey(), this, [this, generation, database](const QString &password, const QString &notice) {
        if (generation == m_generation)
            launch(database, password, notice);
    });
}

void ConsoleSession::noticeCrashReports(const QString &directory)
{
    const QStringList reports = CrashReporter::unseenReports(directory);
    const QString notice = CrashReporter::unseenNotice(reports);
    if (notice.isEmpty())
        return;
    qWarning().noquote() << notice;
    m_crashNotice = notice;
    for (const QString &report : reports)
        CrashReporter::markSeen(report);
}

void ConsoleSession::switchToSettingsDatabase()
{
    const Result<DatabaseUrl> next = m_settings && m_settings->hasDatabase() ? DatabaseUrl::parse(m_settings->databaseText())
                                                                              : DatabaseUrl::resolve(QString());
    if (!next) {
        if (m_window)
            m_window->showNotice(next.error().toString());
        return;
    }
    open(*next);
}

void ConsoleSession::launch(const DatabaseUrl &database, const QString &password, const QString &notice)
{
    EngineOptions options = m_options;
    options.database = database;
    options.password = password;
    m_engine = std::make_unique<Engine>(options);
    m_window = std::make_unique<MainWindow>(m_engine.get());
    m_window->setLogSink(m_logSink);
    m_window->setSettings(m_settings);
    if (!notice.isEmpty()) {
        qWarning().noquote() << notice;   // kept in the log panel; the status bar shows it for a while
        m_window->showNotice(notice);
    }
    if (!m_crashNotice.isEmpty()) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Arbor stopped unexpectedly"),
                                    std::exchange(m_crashNotice, QString()), QMessageBox::Ok, m_window.get());
        box->setObjectName(QStringLiteral("crashReportBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        // Over the window once it shows, without holding up anything behind it.
        QTimer::singleShot(0, box, [box] { box->open(); });
    }
    // Queued: the switch destroys the window whose dialog asked for it.
    connect(m_window.get(), &MainWindow::databaseSwitchRequested, this, &ConsoleSession::switchToSettingsDatabase,
            Qt::QueuedConnection);
    // Shown and started on the next turn of the event loop: making a window and showing it are
    // each work enough for one turn (together they held a database switch up for over 50 ms).
    MainWindow *window = m_window.get();
    QTimer::singleShot(0, window, [this, window] { show(window); });
}

void ConsoleSession::show(MainWindow *window)
{
    Engine *engine = m_engine.get();
    const auto *tray = new TrayIcon(window, engine->indexing());   // owned by the window
    window->show();
    // With a tray icon a hidden window is no reason to quit: the tray quits when the window closes for good.
    QApplication::setQuitOnLastWindowClosed(!tray->isShown());

    const QString metrics = m_settings ? m_settings->servedMetricsAddress() : QString();
    then(engine->start(), window, [window, engine, metrics](Status started) {
        if (!started) {
            window->showStartupError(started.error());
            return;
        }
        if (metrics.isEmpty())
            return;
        then(engine->stats()->serveMetrics(metrics), window, [window](Status served) {
            if (!served)
                window->showNotice(tr("Prometheus metrics are not served: %1 Change the address in Settings… › Monitoring.")
                                       .arg(served.error().message));
        });
    });
    Q_EMIT windowOpened(window);
}

} // namespace arbor::ui

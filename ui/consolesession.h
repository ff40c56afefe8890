#pragma once

#include "engine/engineoptions.h"

#include <QLocale>
#include <QObject>

#include <functional>
#include <memory>

class QCoreApplication;

namespace arbor {
class Engine;
class HeapTrimmer;
class LogSink;
}

namespace arbor::ui {

class AppSettings;
class MainWindow;

/**
 * One running console: an Engine on a database and the MainWindow showing it.
 *
 * open() starts both on a database (for PostgreSQL after the password is read from the keychain,
 * asynchronously). When Settings… changes the database, the session switches without ever
 * waiting on this thread: the old window says "Closing the old database…" and takes no more
 * commands; Engine::shutdown() stops the old indexers and queue workers, lets the writer finish
 * everything queued, releases the database lease and ends every thread of the old Engine, while
 * the window stays responsive; once its future has resolved, the window saves its geometry, the
 * old Engine is destroyed (which waits for nothing now), and a new Engine and window open on the
 * database the settings now name. Nothing of the old database stays open.
 *
 * Only destroying the session itself (the application quits) destroys a running Engine, whose
 * destructor then does the same steps and waits for them.
 *
 * Left running for days, the session hands what its threads freed back to the system once a
 * minute (HeapTrimmer).
 *
 * Thread: the GUI thread.
 */
class ConsoleSession final : public QObject
{
    Q_OBJECT

public:
    /// `options` are the Engine options of every engine this session starts (database and
    /// password are set per open()). `logSink` and `settings` must outlive the session.
    ConsoleSession(arbor::EngineOptions options, arbor::LogSink *logSink, AppSettings *settings, QObject *parent = nullptr);
    ~ConsoleSession() override;

    /**
     * Installs the console's translations for `locale` on `app` (which owns them): Arbor's own
     * from :/i18n (English, with its plural forms, for a language Arbor has no translation for)
     * and Qt's (qtbase_<lang>.qm from QLibraryInfo's translations folder: the wizard's and the
     * standard dialogs' buttons). Returns the catalogues it loaded, by file name.
     */
    static QStringList installTranslators(QCoreApplication &app, const QLocale &locale);

    void open(const arbor::DatabaseUrl &database);
    /**
     * The crash reports an earlier run left in `directory` that no run has shown yet
     * (CrashReporter): logged now, shown in a message box over the next window opened, and
     * marked seen, so the next start says nothing more of them.
     */
    void noticeCrashReports(const QString &directory);
    /// The database the settings name (their choice, else the default file) and open() on it.
    void switchToSettingsDatabase();

    arbor::Engine *engine() const { return m_engine.get(); }
    MainWindow *window() const { return m_window.get(); }

Q_SIGNALS:
    /// A window was created and shown (after open() or a switch).
    void windowOpened(arbor::ui::MainWindow *window);

private:
    /// Closes what is open now and starts on `database`.
    void openNow(const arbor::DatabaseUrl &database);
    /// The steps of a switch: the old engine's shutdown() first, then close() and openNow(m_next).
    void closeThenOpen(const arbor::DatabaseUrl &database);
    /// Deletes the window, then the engine (shut down already), then calls `then`: each on a turn of its own.
    void retire(std::function<void()> then);
    void launch(const arbor::DatabaseUrl &database, const QString &password, const QString &notice);
    void close();
    /// Shows the window made by launch() and starts its engine.
    void show(MainWindow *window);

    arbor::EngineOptions m_options;
    std::unique_ptr<arbor::HeapTrimmer> m_heapTrimmer;
    arbor::LogSink *m_logSink;
    AppSettings *m_settings;
    // The engine outlives the window, which holds a plain pointer to it.
    std::unique_ptr<arbor::Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    QString m_crashNotice;      ///< shown over the next window opened
    quint64 m_generation = 0;   ///< a keychain answer for an earlier open() is dropped
    bool m_closing = false;     ///< the old engine is shutting down; m_next opens after
    arbor::DatabaseUrl m_next;
};

} // namespace arbor::ui

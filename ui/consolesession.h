#pragma once

#include "engine/engine.h"

#include <QObject>

#include <memory>

namespace arbor {
class LogSink;
}

namespace arbor::ui {

class AppSettings;
class MainWindow;

/**
 * One running console: an Engine on a database and the MainWindow showing it.
 *
 * open() starts both on a database (for PostgreSQL after the password is read from the keychain,
 * asynchronously). When Settings… changes the database, the session switches in steps driven
 * by the old Engine's futures: the old window says "Closing the old database…" and takes no more
 * commands; everything the old writer and reader had queued is finished while the window stays
 * responsive; then the window saves its geometry, the old Engine is destroyed (its threads end
 * and it releases the database lease), and a new Engine and window open on the database the
 * settings now name. Nothing of the old database stays open.
 *
 * ~Engine still runs on this thread (the Engine lives here, with its timers): it waits only for
 * what the indexers posted during the drain (one promotion per chain at most), the lease
 * release, the queue workers' current batch and the stores closing.
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

    void open(const arbor::DatabaseUrl &database);
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
    /// The steps of a switch: the old engine's queued work first, then close() and openNow(m_next).
    void closeThenOpen(const arbor::DatabaseUrl &database);
    void launch(const arbor::DatabaseUrl &database, const QString &password, const QString &notice);
    void close();

    arbor::EngineOptions m_options;
    arbor::LogSink *m_logSink;
    AppSettings *m_settings;
    // The engine outlives the window, which holds a plain pointer to it.
    std::unique_ptr<arbor::Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    quint64 m_generation = 0;   ///< a keychain answer for an earlier open() is dropped
    bool m_closing = false;     ///< the old engine finishes its queued work; m_next opens after
    arbor::DatabaseUrl m_next;
};

} // namespace arbor::ui

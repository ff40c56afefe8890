#pragma once

#include "engine/engine.h"

#include <QTemporaryDir>

#include <memory>

namespace arbor::test {

/**
 * What every UI test sets up before its first widget: a temporary folder as HOME, with the XDG
 * config, data and cache folders under it, so QSettings, window geometry and the keychain's
 * fallbacks never touch the user's; the application named as the console names itself; numbers
 * and dates in English (United States), as the assertions read them; and the SQLite databases
 * the tests' engines run on, in that folder.
 *
 * The folder is removed with the fixture: hold it as a member of the test object.
 */
class UiFixture final
{
public:
    struct Setup
    {
        QString applicationName = QStringLiteral("arbor");
        /// false: HOME and XDG stay as they are (a child process that needs the session's keyring).
        bool temporaryHome = true;
        /// QLocale::setDefault(English, United States).
        bool englishLocale = true;
    };

    bool isValid() const { return m_home.isValid(); }
    QString path() const { return m_home.path(); }
    QString filePath(const QString &name) const { return m_home.filePath(name); }

    /// Points HOME and XDG here, names the organisation "Arbor" and the application, sets the locale.
    void setUp(const Setup &setup) const;
    void setUp() const { setUp(Setup()); }

    /// `sqlite:` and `file` in this folder.
    Result<DatabaseUrl> databaseUrl(const QString &file = QStringLiteral("arbor.db")) const;
    /// The options the tests' engines start from: `database`, app "arbor-test" (so a lease
    /// never names the console), a chain snapshot every 200 ms.
    static EngineOptions engineOptions(const DatabaseUrl &database);
    /// An Engine on `options`, started: the event loop runs until start() has finished (30 s at
    /// most). The status says why it did not start.
    static std::pair<std::unique_ptr<Engine>, Status> startEngine(const EngineOptions &options);

private:
    QTemporaryDir m_home;
};

} // namespace arbor::test

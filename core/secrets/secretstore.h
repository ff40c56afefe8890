#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace arbor {

/**
 * Secrets (database passwords, bot tokens, auth headers) in the OS keychain through QtKeychain.
 *
 * There is no silent fallback: when no keychain is available the call fails with an Error of
 * kind Unavailable whose message says so and names the alternative (an environment variable).
 * Nothing is ever written to the database or to a settings file instead.
 *
 * Every keychain job runs on the one keychain thread (KeychainThread), whichever thread asks:
 * QtKeychain's job executor is a process-wide object that must not be driven from two threads.
 *
 * Thread: any thread with an event loop; callbacks run later on `context`'s thread, and not at
 * all once `context` is destroyed.
 */
class SecretStore final
{
    Q_DECLARE_TR_FUNCTIONS(arbor::SecretStore)

public:
    /// Keychain service name under which Arbor's entries are stored.
    static QString service();

    /// `done` receives the secret, NotFound when there is none, or Unavailable with the reason.
    static void read(const QString &key, QObject *context, std::function<void(Result<QString>)> done);
    static void write(const QString &key, const QString &secret, QObject *context, std::function<void(Status)> done);
    static void remove(const QString &key, QObject *context, std::function<void(Status)> done);
};

/**
 * The PostgreSQL password for `url`: empty when PGPASSWORD is set (libpq reads it) or when the
 * keychain holds none; the keychain's entry otherwise. `notice` receives a visible explanation
 * when the keychain could not be asked; it is not logged here, so that each caller shows it once,
 * where its user looks (arborctl's stderr, the console's status bar and log).
 */
void resolveDatabasePassword(const QString &keychainKey, QObject *context,
                             std::function<void(QString password, QString notice)> done);

} // namespace arbor

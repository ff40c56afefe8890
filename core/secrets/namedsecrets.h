#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

namespace arbor {

/**
 * The secrets triggers refer to as `keychain:NAME`: bot tokens, MCP tokens, signing secrets,
 * authentication headers. The value goes to the OS keychain under NAME (through SecretStore,
 * with no plain-text fallback); the names alone are remembered in the user's settings so
 * `arborctl secret list` and the console can show which exist. A name is not a secret.
 *
 * Thread: any thread with an event loop; callbacks run on `context`'s thread.
 */
class NamedSecrets final
{
    Q_DECLARE_TR_FUNCTIONS(arbor::NamedSecrets)

public:
    /// Letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100.
    static Status checkName(const QString &name, const QString &field = QStringLiteral("NAME"));

    /// Stores `value` under `name` (replacing it) and remembers the name.
    static void set(const QString &name, const QString &value, QObject *context, std::function<void(Status)> done);
    /// Removes the secret and the name; NotFound when neither existed.
    static void forget(const QString &name, QObject *context, std::function<void(Status)> done);
    /// The names stored through set(), sorted.
    static QStringList names();
};

} // namespace arbor

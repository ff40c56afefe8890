#include "secrets/namedsecrets.h"

#include "secrets/secretstore.h"

#include <QRegularExpression>
#include <QSettings>

namespace arbor {
namespace {

const char *const NamesKey = "secrets/names";

QStringList storedNames()
{
    return QSettings().value(QLatin1String(NamesKey)).toStringList();
}

void storeNames(QStringList names)
{
    names.removeDuplicates();
    names.sort();
    QSettings settings;
    if (names.isEmpty())
        settings.remove(QLatin1String(NamesKey));
    else
        settings.setValue(QLatin1String(NamesKey), names);
    settings.sync();
}

} // namespace

Status NamedSecrets::checkName(const QString &name, const QString &field)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"));
    if (pattern.match(name).hasMatch())
        return {};
    return Error::invalid(field, tr("“%1” is not a secret name: use letters, digits, '.', '_' and '-' (such as "
                                    "ops-hook), at most 100 characters.").arg(name));
}

void NamedSecrets::set(const QString &name, const QString &value, QObject *context, std::function<void(Status)> done)
{
    if (Status s = checkName(name); !s.ok()) {
        done(s);
        return;
    }
    if (value.isEmpty()) {
        done(Error::invalid(QStringLiteral("secret"), tr("The secret is empty.")));
        return;
    }
    SecretStore::write(name, value, context, [name, done = std::move(done)](Status s) {
        if (s.ok())
            storeNames(storedNames() << name);
        done(s);
    });
}

void NamedSecrets::forget(const QString &name, QObject *context, std::function<void(Status)> done)
{
    if (Status s = checkName(name); !s.ok()) {
        done(s);
        return;
    }
    SecretStore::remove(name, context, [name, done = std::move(done)](Status s) {
        QStringList names = storedNames();
        const bool known = names.removeAll(name) > 0;
        storeNames(names);
        // A name the keychain no longer holds is forgotten all the same.
        if (!s.ok() && s.error().kind == Error::Kind::NotFound && known)
            s = Status();
        done(s);
    });
}

QStringList NamedSecrets::names()
{
    QStringList names = storedNames();
    names.sort();
    return names;
}

} // namespace arbor

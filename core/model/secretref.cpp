#include "model/secretref.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace arbor {
namespace {

// Written for trigger files first: the strings keep that context so their translations apply.
QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::Trigger", text);
}

} // namespace

QString SecretRef::toString() const
{
    switch (source) {
    case Source::Keychain:
        return QLatin1String("keychain:") + name;
    case Source::Env:
        return QLatin1String("env:") + name;
    case Source::File:
        return QLatin1String("file:") + name;
    }
    return {};
}

Result<SecretRef> SecretRef::parse(const QString &text, const QString &field)
{
    const QString t = text.trimmed();
    static const QRegularExpression keychainName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"));
    static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,127}$"));
    SecretRef ref;
    if (t.startsWith(QLatin1String("keychain:"))) {
        ref.source = Source::Keychain;
        ref.name = t.mid(9);
        if (!keychainName.match(ref.name).hasMatch()) {
            return Error::invalid(field, tr("“%1” is not a keychain entry name: use letters, digits, '.', '_' "
                                            "and '-' (such as keychain:ops-hook).").arg(ref.name));
        }
        return ref;
    }
    if (t.startsWith(QLatin1String("env:"))) {
        ref.source = Source::Env;
        ref.name = t.mid(4);
        if (!envName.match(ref.name).hasMatch())
            return Error::invalid(field, tr("“%1” is not an environment variable name.").arg(ref.name));
        return ref;
    }
    if (t.startsWith(QLatin1String("file:"))) {
        ref.source = Source::File;
        ref.name = t.mid(5);
        if (ref.name.isEmpty() || !ref.name.startsWith(QLatin1Char('/')))
            return Error::invalid(field, tr("Use an absolute path after file: (file:/etc/arbor/hook.key)."));
        return ref;
    }
    // Never echo the value: it is probably the secret itself.
    return Error::invalid(field, tr("Literal secrets are refused: they would be stored in the database. Store "
                                    "the secret with “arborctl secret set NAME” (or in the trigger editor) and "
                                    "write \"keychain:NAME\" here; env:VAR and file:PATH work for headless "
                                    "servers."));
}

} // namespace arbor

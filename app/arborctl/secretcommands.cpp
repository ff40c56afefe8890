// arborctl secret set|list|forget: the secrets triggers refer to as keychain:NAME.
#include "secretcommands.h"
#include "translation.h"

#include "output.h"
#include "secrets/namedsecrets.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace arbor::cli {
namespace {

/// The NAME argument, checked; the exit code when it is missing or malformed.
std::optional<int> nameArgument(const QCommandLineParser &parser, QString &name)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return usageError(Arborctl::tr("Give one secret NAME."));
    name = args.first();
    if (Status s = NamedSecrets::checkName(name); !s.ok())
        return fail(s.error());
    return std::nullopt;
}

int waitFor(const std::function<void(QObject *, std::function<void(Status)>)> &start, const QString &success)
{
    int code = ExitOk;
    QObject context;
    start(&context, [&code, success](Status s) {
        code = s ? ExitOk : fail(s.error());
        if (s)
            QTextStream(stdout) << success << Qt::endl;
        QCoreApplication::exit(code);
    });
    QCoreApplication::exec();
    return code;
}

} // namespace

int secretSet(const Invocation &inv)
{
    QCommandLineParser parser;
    const CommandSpec spec{Arborctl::tr("Store a secret for triggers in the OS keychain, read from standard input (one "
                                        "line). Triggers refer to it as \"keychain:NAME\"."),
                           {},
                           {{QStringLiteral("NAME"), Arborctl::tr("the secret's name, such as ops-hook")}}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    QString name;
    if (const auto exit = nameArgument(parser, name))
        return *exit;
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(Error::internal(Arborctl::tr("Cannot read standard input.")));
    const QString value = QString::fromUtf8(in.readLine()).trimmed();
    if (value.isEmpty()) {
        return fail(Error::invalid(QStringLiteral("secret"),
                                   Arborctl::tr("Standard input was empty: pipe the secret in, e.g. "
                                                "arborctl secret set %1 < file.").arg(name)));
    }
    return waitFor([&](QObject *context, std::function<void(Status)> done) { NamedSecrets::set(name, value, context, std::move(done)); },
                   Arborctl::tr("Stored “%1” in the keychain; refer to it as \"keychain:%1\".").arg(name));
}

int secretList(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("The names of the secrets stored with “secret set” (never their values)."), {json}}))
        return *exit;
    const QStringList names = NamedSecrets::names();
    if (parser.isSet(json)) {
        QJsonArray list;
        for (const QString &name : names)
            list.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("reference"), QString(QLatin1String("keychain:") + name)}});
        printJson(QJsonObject{{QStringLiteral("secrets"), list}});
        return ExitOk;
    }
    QTextStream out(stdout);
    if (names.isEmpty())
        out << Arborctl::tr("No secrets stored. Store one with: arborctl secret set NAME < file") << Qt::endl;
    for (const QString &name : names)
        out << QLatin1String("keychain:") << name << Qt::endl;
    return ExitOk;
}

int secretForget(const Invocation &inv)
{
    QCommandLineParser parser;
    const CommandSpec spec{Arborctl::tr("Remove a secret from the keychain."), {}, {{QStringLiteral("NAME"), Arborctl::tr("the secret's name")}}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    QString name;
    if (const auto exit = nameArgument(parser, name))
        return *exit;
    return waitFor([&](QObject *context, std::function<void(Status)> done) { NamedSecrets::forget(name, context, std::move(done)); },
                   Arborctl::tr("Removed “%1”.").arg(name));
}

} // namespace arbor::cli

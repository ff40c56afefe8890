#include "commandline.h"
#include "translation.h"

#include "engine/chainservice.h"
#include "secrets/secretstore.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimeZone>
#include <QSocketNotifier>
#include <QTextStream>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <sys/socket.h>
#include <unistd.h>

namespace arbor::cli {
namespace {

// Every arborctl message is in the translation context "arborctl".
int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFd[0], &byte, 1);
}

} // namespace

int fail(const Error &error)
{
    QTextStream err(stderr);
    err << "arborctl: error: " << error.toString() << Qt::endl;
    switch (error.kind) {
    case Error::Kind::Invalid:
    case Error::Kind::NotFound:
        return ExitInvalid;
    case Error::Kind::Conflict:
        return ExitConflict;
    default:
        return ExitFailed;
    }
}

int usageError(const QString &message)
{
    QTextStream err(stderr);
    err << "arborctl: " << message << Qt::endl << Arborctl::tr("Try “arborctl --help”.") << Qt::endl;
    return ExitInvalid;
}

std::optional<int> parseCommand(QCommandLineParser &parser, const Invocation &inv, const CommandSpec &spec)
{
    parser.setApplicationDescription(spec.description);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(spec.options);
    for (const PositionalArgument &argument : spec.arguments)
        parser.addPositionalArgument(argument.name, argument.description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, Arborctl::tr("Show this help."));
    parser.addOption(help);
    if (!parser.parse(inv.args))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        // Qt's usage line names the binary as it was started (often a full path): name the command.
        QString text = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype firstLineEnd = text.indexOf(u'\n');
        if (const qsizetype at = program.isEmpty() ? -1 : text.indexOf(program); at >= 0 && at < firstLineEnd)
            text.replace(at, program.size(), QLatin1String("arborctl ") + inv.args.value(0));
        QTextStream(stdout) << text;
        return ExitOk;
    }
    if (spec.arguments.isEmpty() && !parser.positionalArguments().isEmpty())
        return usageError(Arborctl::tr("Unexpected argument “%1”.").arg(parser.positionalArguments().first()));
    return std::nullopt;
}

namespace {

/// Optimal string alignment distance: insertions, deletions, substitutions and swapped neighbours.
qsizetype editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size(), m = b.size();
    QList<QList<qsizetype>> d(n + 1, QList<qsizetype>(m + 1, 0));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = i;
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = j;
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const qsizetype cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

} // namespace

QStringList closestCommands(const QString &typed, const QStringList &known)
{
    const QString t = typed.trimmed().toLower();
    if (t.isEmpty())
        return {};
    // One typo in a short word, up to three in a long one; a known command the text begins counts as one.
    const qsizetype allowed = std::clamp<qsizetype>(t.size() / 3, 1, 3);
    qsizetype best = allowed + 1;
    QStringList found;
    for (const QString &k : known) {
        qsizetype d = editDistance(t, k);
        if (t.size() >= 3 && k.startsWith(t))
            d = std::min<qsizetype>(d, 1);
        if (d > allowed || d > best)
            continue;
        if (d < best) {
            best = d;
            found.clear();
        }
        found.append(k);
    }
    found.sort();
    return found;
}

EngineOptions adminOptions()
{
    EngineOptions options;
    options.app = QStringLiteral("arborctl");
    options.lease = EngineOptions::Lease::None;
    options.snapshotIntervalMs = 0;
    options.queueHealthIntervalMs = 0;
    return options;
}

Result<qint64> parseInteger(const QString &text, const QString &field, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 v = text.trimmed().toLongLong(&ok);
    if (!ok)
        return Error::invalid(field, Arborctl::tr("“%1” is not a whole number.").arg(text));
    if (v < min || v > max)
        return Error::invalid(field, Arborctl::tr("%1 is out of range: use %2 to %3.").arg(text).arg(min).arg(max));
    return v;
}

Result<qint64> positionalId(const QCommandLineParser &parser, const QString &what)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::invalid(what, Arborctl::tr("Give one %1.").arg(what));
    return parseInteger(args.first(), what, 1, std::numeric_limits<qint64>::max());
}

Result<qint64> parseSince(const QString &text, const QString &field, qint64 nowMs)
{
    static const QRegularExpression ago(QStringLiteral("^(\\d{1,6})([mhd])$"));
    const QString t = text.trimmed();
    if (const QRegularExpressionMatch m = ago.match(t); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const qint64 minutes = m.captured(2) == u"d" ? n * 1440 : m.captured(2) == u"h" ? n * 60 : n;
        return nowMs - minutes * 60000;
    }
    QDateTime at = QDateTime::fromString(t, Qt::ISODate);
    if (!at.isValid()) {
        if (const QDate day = QDate::fromString(t, Qt::ISODate); day.isValid())
            at = day.startOfDay(QTimeZone::utc());
    }
    if (!at.isValid())
        return Error::invalid(field, Arborctl::tr("“%1” is neither a time ago (90m, 36h, 7d) nor a date (2026-11-01 or 2026-11-01T12:00, UTC).").arg(text));
    if (at.timeSpec() == Qt::LocalTime)
        at.setTimeZone(QTimeZone::utc());
    return at.toMSecsSinceEpoch();
}

Result<ChainRef> chainOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return Error::invalid(QStringLiteral("--chain"), Arborctl::tr("Required: the chain's name or id, e.g. --chain 1."));
    return ChainRef::parse(parser.value(option));
}

QFuture<Result<ChainRecord>> findChain(Engine &engine, const ChainRef &ref, const std::optional<Address> &token)
{
    return then(engine.chains()->list(), &engine, [ref, token](Result<QList<ChainRecord>> chains) -> Result<ChainRecord> {
        if (!chains)
            return chains.error();
        for (const ChainRecord &c : *chains) {
            if (ref.id ? c.config.chainId != *ref.id : c.config.name != ref.name)
                continue;
            if (c.state == ChainState::Deleting)
                return Error::notFound(QStringLiteral("--chain"), Arborctl::tr("Chain %1 is being deleted.").arg(c.config.name));
            if (token && !c.config.tokens.contains(*token)) {
                return Error::notFound(QStringLiteral("--token"),
                                       Arborctl::tr("Chain %1 does not index token %2. Track it with “arborctl chain add-token --chain %3 %2”.")
                                           .arg(c.config.name, token->toHex())
                                           .arg(c.config.chainId));
            }
            return c;
        }
        return Error::notFound(QStringLiteral("--chain"), Arborctl::tr("No chain named or numbered “%1”. See “arborctl chain list”.").arg(ref.toString()));
    });
}

Error optionError(Error error)
{
    // Core names fields in its own words ("batchSize", "batch size", "limit"); options are kebab-case.
    if (error.field.isEmpty() || error.field.startsWith(u'-') || (error.kind != Error::Kind::Invalid && error.kind != Error::Kind::NotFound))
        return error;
    QString option;
    for (QChar c : std::as_const(error.field)) {
        if (c.isUpper()) {
            option += u'-';
            option += c.toLower();
        } else {
            option += (c == u' ' || c == u'_') ? QChar(u'-') : c;
        }
    }
    error.field = QLatin1String("--") + option;
    return error;
}

void exitOnSignals(QObject *context, std::function<void()> onExit)
{
    if (g_signalFd[0] < 0 && ::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [onExit] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalFd[1], &byte, 1);
        onExit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    ::sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTERM, &action, nullptr);
    ::sigaction(SIGINT, &action, nullptr);
}

namespace {

/// The outermost of `path` and its folders that does not exist yet: what creating a database at
/// `path` makes. Empty when the file exists.
QString outermostMissing(const QString &path)
{
    const QFileInfo file(path);
    if (file.exists())
        return {};
    QString outermost = file.absoluteFilePath();
    for (QFileInfo folder(file.absolutePath()); !folder.exists(); folder = QFileInfo(folder.absolutePath()))
        outermost = folder.absoluteFilePath();
    return outermost;
}

/// Removes the SQLite database at `path` with its journal files, then its folders up to
/// `outermost`, which this process made for it; a folder that is not empty stays.
void removeCreatedDatabase(const QString &path, const QString &outermost)
{
    const QString file = QFileInfo(path).absoluteFilePath();
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(file + QLatin1String(suffix));
    for (QString folder = QFileInfo(file).absolutePath(); folder.size() >= outermost.size(); folder = QFileInfo(folder).absolutePath()) {
        if (!QDir().rmdir(folder) || folder == outermost)
            break;
    }
}

} // namespace

int runWithEngine(const Invocation &inv, EngineOptions options, const Command &command)
{
    auto url = DatabaseUrl::resolve(inv.db);
    if (!url)
        return fail(url.error());
    options.database = *url;
    using MissingDatabase = Invocation::MissingDatabase;
    if (url->backend == Backend::Sqlite && inv.missingDatabase == MissingDatabase::Refuse && !QFileInfo::exists(url->path)) {
        return fail(Error::notFound(QStringLiteral("--db"),
                                    Arborctl::tr("There is no database at %1. Check the path; a database is created by "
                                                 "“arborctl chain add”, “arborctl db migrate”, “arborctl serve” or the console.")
                                        .arg(url->path)));
    }
    // A chain add that fails leaves no database behind that the operator did not have before.
    const QString created = url->backend == Backend::Sqlite && inv.missingDatabase == MissingDatabase::CreateToKeep
        ? outermostMissing(url->path)
        : QString();
#ifdef ARBOR_TEST_HOOKS
    // Only in arborctl_testhooks, the build the crash-recovery tests run: ARBOR_FAULT_DELETE_STEP=N
    // makes a delete die right after step N, as a crash would.
    if (const int crashStep = qEnvironmentVariableIntValue("ARBOR_FAULT_DELETE_STEP"); crashStep > 0) {
        options.deletionStepHook = [crashStep](qint64, int step) -> Status {
            if (step == crashStep)
                std::_Exit(70);
            return {};
        };
    }
#endif

    QObject context;
    int exitCode = ExitFailed;
    std::unique_ptr<Engine> engine;

    auto startEngine = [&](const QString &password) {
        options.password = password;
        engine = std::make_unique<Engine>(options);
        then(engine->start(), &context, [&](Status started) {
            if (!started) {
                exitCode = fail(started.error());
                QCoreApplication::exit(exitCode);
                return;
            }
            command(*engine, [&](int code) {
                exitCode = code;
                QCoreApplication::exit(code);
            });
        });
    };

    if (url->backend == Backend::Postgres) {
        resolveDatabasePassword(url->keychainKey(), &context, [&](QString password, QString notice) {
            if (!notice.isEmpty())
                QTextStream(stderr) << "arborctl: note: " << notice << Qt::endl;
            startEngine(password);
        });
    } else {
        QMetaObject::invokeMethod(&context, [&]() { startEngine(QString()); }, Qt::QueuedConnection);
    }
    QCoreApplication::exec();
    engine.reset();
    if (exitCode != ExitOk && !created.isEmpty())
        removeCreatedDatabase(url->path, created);
    return exitCode;
}


QCommandLineOption chainIdOption()
{
    return QCommandLineOption(QStringLiteral("chain"), QCoreApplication::translate("arborctl", "The chain's name or id."), QStringLiteral("ID"));
}

QCommandLineOption tokenAddressOption()
{
    return QCommandLineOption(QStringLiteral("token"), QCoreApplication::translate("arborctl", "The ERC-20 token contract."),
                              QStringLiteral("ADDRESS"));
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), QCoreApplication::translate("arborctl", "Print JSON."));
}

Result<Address> addressOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    const QString field = QLatin1String("--") + option.names().first();
    if (!parser.isSet(option))
        return Error::invalid(field, QCoreApplication::translate("arborctl", "Required: an address, e.g. %1 %2.")
                                         .arg(field, QStringLiteral("0x52908400098527886E0F7030069857D2E4169EE7")));
    return Address::fromHex(parser.value(option).trimmed(), field);
}


Result<QJsonObject> readJsonObjectFile(const QString &path, const QString &what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::invalid(QStringLiteral("--file"), Arborctl::tr("Cannot read “%1”: %2.").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error::invalid(QStringLiteral("--file"), Arborctl::tr("“%1” is not JSON: %2 at offset %3.")
                                                            .arg(path, parseError.errorString()).arg(parseError.offset));
    }
    if (!doc.isObject())
        return Error::invalid(QStringLiteral("--file"), Arborctl::tr("“%1” must hold one JSON object: %2.").arg(path, what));
    return doc.object();
}

} // namespace arbor::cli

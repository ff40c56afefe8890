#pragma once

#include "engine/engine.h"
#include "error.h"
#include "model/address.h"
#include "model/chainconfig.h"

#include <QCommandLineParser>
#include <QFuture>
#include <QJsonObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace arbor::cli {

/// Exit codes, documented in `arborctl --help`.
enum ExitCode {
    ExitOk = 0,
    ExitFailed = 1,      ///< the operation failed (node unreachable, database error, …)
    ExitInvalid = 2,     ///< bad usage or bad input: nothing was changed
    ExitConflict = 3,    ///< something exists already or is held by another process
};

/// Prints "arborctl: error: <field>: <message>" to stderr and returns the matching exit code.
int fail(const Error &error);
int usageError(const QString &message);

/// Everything a command needs: its own arguments (after the command words) and the global options.
struct Invocation
{
    QStringList args;        ///< program name first, then the command's own arguments
    QString db;              ///< --db, empty when not given
    /// What the command does when its SQLite database does not exist.
    enum class MissingDatabase {
        Refuse,          ///< exit 2 naming the path: every command that reads or changes what is there
        Create,          ///< create it: db migrate, and serve (which picks up chains added while it runs)
        CreateToKeep,    ///< create it, and take it back with the folders made for it if the command fails: chain add
    };
    MissingDatabase missingDatabase = MissingDatabase::Refuse;
};

/**
 * Runs `command` against a started Engine and exits the event loop with its exit code.
 * `command` gets the engine and a callback to report its exit code when it is done.
 */
using Command = std::function<void(Engine &engine, std::function<void(int)> finish)>;
int runWithEngine(const Invocation &inv, EngineOptions options, const Command &command);

/// A positional argument as a command's --help lists it.
struct PositionalArgument
{
    QString name;
    QString description;
};

/**
 * What a command accepts: the description and options its --help shows (-h/--help is added),
 * and its positional arguments. A command without positional arguments refuses any
 * ("Unexpected argument “x”."); one with them checks how many it got itself.
 */
struct CommandSpec
{
    QString description;
    QList<QCommandLineOption> options = {};
    QList<PositionalArgument> arguments = {};
};

/// Parses the command's own arguments against `spec` into `parser`, printing its help or the
/// usage error. Returns the exit code when the command ends here, nothing when it goes on.
std::optional<int> parseCommand(QCommandLineParser &parser, const Invocation &inv, const CommandSpec &spec);

/**
 * The known commands closest to what the operator typed ("chain lsit" → "chain list"), by edit
 * distance, best first; empty when nothing is close enough to be a likely typo.
 */
QStringList closestCommands(const QString &typed, const QStringList &known);

/// Options of a one-shot admin command: no lease, no indexing, no periodic snapshots.
EngineOptions adminOptions();

/// The one JSON object of the file given with --file (`what`: "the trigger", "the alert rule");
/// errors name --file, the path and what is wrong with it.
Result<QJsonObject> readJsonObjectFile(const QString &path, const QString &what);

/// A whole number in [min, max], or an Invalid error naming `field` and the range.
Result<qint64> parseInteger(const QString &text, const QString &field, qint64 min, qint64 max);

/// The one positional argument, an id ≥ 1; an Invalid error naming `what` otherwise.
Result<qint64> positionalId(const QCommandLineParser &parser, const QString &what);

/// A moment given as how long ago ("90m", "36h", "7d") or as an ISO date or date-time in UTC
/// ("2026-11-01", "2026-11-01T12:00"), as unix ms; Invalid error naming `field` otherwise.
Result<qint64> parseSince(const QString &text, const QString &field, qint64 nowMs);

/// The required --chain option as a chain reference (name or id).
Result<ChainRef> chainOption(const QCommandLineParser &parser, const QCommandLineOption &option);

/// The options several commands share, spelled and explained once.
QCommandLineOption chainIdOption();          ///< --chain ID: a chain's name or id
QCommandLineOption tokenAddressOption();     ///< --token ADDRESS: an ERC-20 contract
QCommandLineOption jsonOption();             ///< --json
/// The address given with `option`; Invalid error naming the option when missing or malformed.
Result<Address> addressOption(const QCommandLineParser &parser, const QCommandLineOption &option);

/// The chain `ref` names (NotFound on --chain otherwise); with `token`, also checks that the
/// chain indexes that token (NotFound on --token otherwise).
QFuture<Result<ChainRecord>> findChain(Engine &engine, const ChainRef &ref, const std::optional<Address> &token = std::nullopt);

/// An error from core with its field renamed to the option the operator typed ("limit" → "--limit").
Error optionError(Error error);

/// Calls `onExit` on the event loop when SIGINT or SIGTERM arrives, so a long-running command
/// shuts down cleanly (workers stopped, lease released) instead of dying mid-write.
void exitOnSignals(QObject *context, std::function<void()> onExit);

} // namespace arbor::cli

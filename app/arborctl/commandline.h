#pragma once

#include "engine/engine.h"
#include "error.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>

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
};

/**
 * Runs `command` against a started Engine and exits the event loop with its exit code.
 * `command` gets the engine and a callback to report its exit code when it is done.
 */
using Command = std::function<void(Engine &engine, std::function<void(int)> finish)>;
int runWithEngine(const Invocation &inv, EngineOptions options, const Command &command);

/// Parses a command's own options; prints help or errors. Returns false when the caller must
/// exit with `*exitCode`.
bool parseCommand(QCommandLineParser &parser, const Invocation &inv, const QString &description, int *exitCode);

} // namespace arbor::cli

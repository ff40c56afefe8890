#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace arbor {

/**
 * What a run that died on a fatal signal leaves behind, and what the next run says about it.
 *
 * install() sets handlers for SIGSEGV, SIGBUS, SIGILL, SIGFPE and SIGABRT. On one of them the
 * handler writes a report to `directory`/crash-<start time>-<pid>.txt — program and version,
 * when the run started, the signal, the name of the thread it hit, a backtrace and the last log
 * lines — says on stderr where it is, and raises the signal again with its default action, so a
 * core dump and the exit status are what they would have been. The handler only does what is
 * safe inside a signal handler: everything it writes was prepared at install() or kept in fixed
 * buffers by rememberLogLine().
 *
 * unseenReports() lists the reports no run has shown yet; markSeen() records that one was (the
 * console and `arborctl serve` say so at start).
 *
 * Thread: install() once, on the main thread, before other threads start; rememberLogLine()
 * from any thread.
 */
class CrashReporter final
{
    Q_DECLARE_TR_FUNCTIONS(arbor::CrashReporter)

public:
    /// The folder under the user's data folder where reports go ("crash-reports").
    static QString defaultDirectory();
    /// Installs the handlers; false (with the reason in `error`) when the folder cannot be made.
    static bool install(const QString &directory, QString *error = nullptr);
    /// Keeps `line` among the last lines a report holds (the log sink calls it for every message).
    static void rememberLogLine(const QString &line);
    /// For a program without a LogSink (arborctl serve): every message logged is remembered too.
    static void keepLogLines();
    /// Gives the calling thread an alternate signal stack, so its stack overflow is reported too
    /// (install() does it for the main thread, GuardedThread for its own).
    static void prepareThread();
    /// Reports in `directory` that no run has shown yet, oldest first (full paths).
    static QStringList unseenReports(const QString &directory);
    static void markSeen(const QString &report);
    /// What to tell the operator about the unseen reports, empty when there are none.
    static QString unseenNotice(const QStringList &reports);
};

} // namespace arbor

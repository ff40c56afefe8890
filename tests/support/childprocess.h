#pragma once

// What the test helpers that start node programs (Devnet, SdkMcpServer) share.

#include <QProcess>
#include <QStandardPaths>
#include <QString>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace arbor::test {

/// The node executable on PATH; empty when there is none.
inline QString nodeProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("node"));
}

/// A child that outlives a crashed or killed test keeps ports and memory busy for the rest of
/// the run; on Linux the kernel kills it when the test process goes away.
inline void dieWithParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#else
    Q_UNUSED(process);
#endif
}

/// Sets `*error` to `message` when the caller asked for the error.
inline void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace arbor::test

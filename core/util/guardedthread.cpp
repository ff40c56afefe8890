#include "util/guardedthread.h"

#include "util/crashreporter.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <exception>

namespace arbor {
namespace {

Q_LOGGING_CATEGORY(lcThreads, "arbor.threads")

} // namespace

void GuardedThread::run()
{
    CrashReporter::prepareThread();
    QString what;
    try {
        exec();
        return;
    } catch (const std::exception &e) {
        what = QString::fromLocal8Bit(e.what());
    } catch (...) {
        what = QCoreApplication::translate("arbor::GuardedThread", "an exception of unknown type");
    }
    qCCritical(lcThreads).noquote() << "thread" << objectName() << "stopped: it threw" << what;
    Q_EMIT failed(what);
}

qint64 RestartBackoff::failed(qint64 startedMs, qint64 nowMs)
{
    if (nowMs - startedMs >= HealthyAfterMs)
        m_failures = 0;
    ++m_failures;
    const int doublings = std::min(m_failures - 1, 20);
    return std::min(MaxDelayMs, FirstDelayMs << doublings);
}

} // namespace arbor

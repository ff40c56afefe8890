#include "util/workerthread.h"

#include <QPromise>
#include <QThread>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace arbor {

void runInBackground(QThread *thread, int niceness)
{
#ifdef Q_OS_LINUX
    // Runs on the new thread (direct connection), before its event loop: on Linux a nice value
    // belongs to the thread whose id is given, not to the whole process.
    QObject::connect(thread, &QThread::started, thread, [niceness] {
        const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
        errno = 0;
        const int current = ::getpriority(PRIO_PROCESS, tid);
        if (errno == 0)
            ::setpriority(PRIO_PROCESS, tid, std::min(19, current + niceness));
    }, Qt::DirectConnection);
#else
    Q_UNUSED(thread);
    Q_UNUSED(niceness);
#endif
}

QFuture<void> whenFinished(QThread *thread)
{
    // Connected before looking, so a thread that ends in between is not missed.
    QFuture<void> finished = QtFuture::connect(thread, &QThread::finished);
    if (thread->isRunning() && !thread->isFinished())
        return finished;
    QPromise<void> done;
    done.start();
    done.finish();
    return done.future();
}

QFuture<void> whenAll(QList<QFuture<void>> futures)
{
    return QtFuture::whenAll(futures.begin(), futures.end()).then([](const QList<QFuture<void>> &) {});
}

} // namespace arbor

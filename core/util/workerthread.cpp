#include "util/workerthread.h"

#include "util/continuation.h"

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

QFuture<void> whenAll(const QList<QFuture<void>> &futures, QObject *context)
{
    // Counted down by one watcher per future (see continuation.h for why not QtFuture::whenAll,
    // whose continuations have Qt 6.4's double-run race).
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> all = promise->future();
    auto pending = std::make_shared<int>(int(futures.size()));
    if (*pending == 0) {
        promise->finish();
        return all;
    }
    for (const QFuture<void> &future : futures) {
        then(future, context, [promise, pending](const QFuture<void> &) {
            if (--*pending == 0)
                promise->finish();
        });
    }
    return all;
}

} // namespace arbor

#include "util/workerthread.h"

#include "util/continuation.h"

#include <QPromise>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif
#ifdef Q_OS_UNIX
#include <climits>
#include <pthread.h>
#endif

namespace arbor {
namespace {

/// How many runs of a joinable thread have started, and how many have ended for good.
struct ThreadExits
{
    std::mutex mutex;
    std::condition_variable changed;
    quint64 started = 0;
    quint64 ended = 0;

    bool waitAllEnded(QDeadlineTimer deadline)
    {
        std::unique_lock lock(mutex);
        const auto allEnded = [this] { return ended == started; };
        if (deadline.isForever()) {
            changed.wait(lock, allEnded);
            return true;
        }
        return changed.wait_for(lock, std::chrono::milliseconds(std::max<qint64>(0, deadline.remainingTime())), allEnded);
    }
};

/// Held by the QThread (a child object), so that join() finds its thread's exits.
class ExitWatch final : public QObject
{
public:
    explicit ExitWatch(QThread *thread) : QObject(thread), exits(std::make_shared<ThreadExits>()) {}
    const std::shared_ptr<ThreadExits> exits;
};

ExitWatch *exitWatchOf(QThread *thread)
{
    for (QObject *child : thread->children()) {
        if (auto *watch = dynamic_cast<ExitWatch *>(child))
            return watch;
    }
    return nullptr;
}

#ifdef Q_OS_UNIX
// A thread's exit runs the destructors of its thread-specific data in rounds: every value
// still set is destroyed in a round, and a destructor that sets a value again has it destroyed
// in the next round, up to PTHREAD_DESTRUCTOR_ITERATIONS rounds (POSIX). The Kerberos and
// OpenSSL destructors run in the first round. The marker below sets itself again until round
// PTHREAD_DESTRUCTOR_ITERATIONS - 1 and only then records the end, so it runs after them; not in
// the last round, where ThreadSanitizer (like the other sanitizers) ends its own record of the
// thread and would no longer see the hand-over.
constexpr int EndRound = PTHREAD_DESTRUCTOR_ITERATIONS - 1;
static_assert(EndRound >= 2, "the end must be recorded after the first round of destructors");

struct ExitMarker
{
    std::shared_ptr<ThreadExits> exits;
    int round = 1;
};

void markExit(void *value);

pthread_key_t exitMarkerKey()
{
    static const pthread_key_t key = [] {
        pthread_key_t k;
        if (const int error = pthread_key_create(&k, &markExit); error != 0)
            qFatal("pthread_key_create failed (%d): threads could not be joined", error);
        return k;
    }();
    return key;
}

void markExit(void *value)
{
    auto *marker = static_cast<ExitMarker *>(value);
    if (marker->round < EndRound) {
        ++marker->round;
        if (pthread_setspecific(exitMarkerKey(), marker) == 0)
            return;
    }
    const std::shared_ptr<ThreadExits> exits = std::move(marker->exits);
    delete marker;
    {
        const std::lock_guard lock(exits->mutex);
        ++exits->ended;
    }
    exits->changed.notify_all();
}
#endif

} // namespace

void joinable(QThread *thread)
{
    Q_ASSERT(!thread->isRunning());
    if (exitWatchOf(thread))
        return;
    auto *watch = new ExitWatch(thread);
    // Runs on the new thread (direct connection), before its event loop or run().
    QObject::connect(thread, &QThread::started, thread, [exits = watch->exits] {
        {
            const std::lock_guard lock(exits->mutex);
            ++exits->started;
        }
#ifdef Q_OS_UNIX
        auto *marker = new ExitMarker{exits};
        if (pthread_setspecific(exitMarkerKey(), marker) != 0) {
            // Not marked: counted as ended now, so join() falls back to QThread::wait().
            delete marker;
            const std::lock_guard lock(exits->mutex);
            ++exits->ended;
        }
#else
        const std::lock_guard lock(exits->mutex);
        ++exits->ended;
#endif
    }, Qt::DirectConnection);
}

bool join(QThread *thread, QDeadlineTimer deadline)
{
    if (!thread->wait(deadline))
        return false;
    ExitWatch *watch = exitWatchOf(thread);
    Q_ASSERT_X(watch, "arbor::join", "joinable() was not called before the thread started");
    return !watch || watch->exits->waitAllEnded(deadline);
}

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

#pragma once

#include <QDeadlineTimer>
#include <QFuture>
#include <QList>

class QObject;
class QThread;

namespace arbor {

/**
 * Marks `thread` as background work: when it starts, its scheduling priority is lowered by
 * `niceness` (Linux: the thread's nice value), so that on a busy machine the thread that
 * renders the console (or answers Ctrl+C in arborctl) gets the CPU first. Indexers, store
 * threads, the network thread and queue workers are all background work; with the machine
 * idle they run at full speed as before.
 *
 * Call before thread->start().
 */
void runInBackground(QThread *thread, int niceness = 10);

/**
 * Lets join() wait for the whole of `thread`'s end. Call once, before its first start(); a
 * thread started again later (a restarted worker) stays joinable.
 *
 * Qt's threads are detached (Qt 6.4, Unix): QThread::wait() returns once the thread has
 * emitted finished(), before the thread's own exit has run the libraries' per-thread
 * destructors (POSIX thread-specific data: Kerberos' and OpenSSL's, reached through libpq and
 * Qt Network). Those destructors take the libraries' global locks, which the libraries' own
 * destructors destroy when the process exits: a thread only wait()ed can still be inside them
 * when main() has returned (libkrb5support aborting in k5_mutex_lock with EINVAL).
 */
void joinable(QThread *thread);

/**
 * Joins `thread`: QThread::wait(), and then until the thread has run its thread-specific data
 * destructors (see joinable(), which must have been called before it started). True once it
 * has, false if `deadline` passed first. Returns at once for a thread that never started or was
 * joined already. Every worker thread is joined with this, never with wait() alone.
 */
bool join(QThread *thread, QDeadlineTimer deadline = QDeadlineTimer(QDeadlineTimer::Forever));

/**
 * A future that resolves once `thread` has finished (its finished() signal, delivered on the
 * thread the QThread object lives on); ready at once if the thread is not running. Take it
 * before asking the thread to quit. The QThread must then still be join()ed before it is
 * deleted (or its owner is gone), which returns at once or nearly so.
 */
QFuture<void> whenFinished(QThread *thread);
/// Resolves when every one of `futures` has finished or been canceled (ready at once if empty),
/// counted on `context`'s thread; call there. The result is canceled if `context` goes first.
QFuture<void> whenAll(const QList<QFuture<void>> &futures, QObject *context);

} // namespace arbor

#pragma once

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
 * A future that resolves once `thread` has finished (its finished() signal, delivered on the
 * thread the QThread object lives on); ready at once if the thread is not running. Take it
 * before asking the thread to quit. The QThread must then still be wait()ed before it is
 * deleted, which returns at once.
 */
QFuture<void> whenFinished(QThread *thread);
/// Resolves when every one of `futures` has finished or been canceled (ready at once if empty),
/// counted on `context`'s thread; call there. The result is canceled if `context` goes first.
QFuture<void> whenAll(const QList<QFuture<void>> &futures, QObject *context);

} // namespace arbor

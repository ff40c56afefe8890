#pragma once

#include <QThread>

namespace arbor {

/**
 * Joins threads that have been told to stop, off the thread that stopped them.
 *
 * Pausing or deleting a chain stops its indexer on the GUI thread, which must not wait() for the
 * indexer's thread to wind down (it may be finishing a network reply). The owner asks the thread
 * to finish and hands it here; the reaper's own thread waits for it and deletes it. Threads
 * still being joined when the reaper is destroyed are joined by its destructor, so no thread
 * outlives its owner — at engine shutdown that wait is the one the owner's destructor does anyway.
 *
 * Invariant: every thread handed to reap() is joined and deleted exactly once, in the order given.
 * Thread: created, used and destroyed on its owner's thread; the joins run on the reaper thread.
 */
class ThreadReaper final
{
public:
    ThreadReaper();
    /// Joins every thread handed over, then the reaper thread.
    ~ThreadReaper();

    ThreadReaper(const ThreadReaper &) = delete;
    ThreadReaper &operator=(const ThreadReaper &) = delete;

    /// Takes ownership of `thread`, which lives on the caller's thread and has been asked to
    /// finish (its event loop quits once its last job is done); waits for it and deletes it.
    void reap(QThread *thread);

private:
    QThread m_thread;
    QObject *m_worker = nullptr;   ///< lives on m_thread; joins are posted to it
};

} // namespace arbor

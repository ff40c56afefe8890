#pragma once

#include <QFuture>
#include <QThread>

namespace arbor {

/**
 * Joins threads that have been told to stop, off the thread that stopped them.
 *
 * Pausing or deleting a chain stops its indexer on the GUI thread, which must not wait() for the
 * indexer's thread to wind down (it may be finishing a network reply). The owner asks the thread
 * to finish and hands it here; the reaper's own thread waits for it and deletes it. finish()
 * ends the reaper without blocking once every thread handed over is joined (an engine shutting
 * down); otherwise the destructor joins what is left, so no thread outlives its owner.
 *
 * Invariant: every thread handed to reap() is joined and deleted exactly once, in the order given.
 * Thread: created, used and destroyed on its owner's thread; the joins run on the reaper thread.
 */
class ThreadReaper final
{
public:
    ThreadReaper();
    /// Joins every thread handed over, then the reaper thread; after finish() has resolved,
    /// there is nothing left to wait for.
    ~ThreadReaper();

    ThreadReaper(const ThreadReaper &) = delete;
    ThreadReaper &operator=(const ThreadReaper &) = delete;

    /// Takes ownership of `thread`, which lives on the caller's thread, was made joinable()
    /// before it started and has been asked to finish (its event loop quits once its last job
    /// is done); joins it (arbor::join) and deletes it. Not after finish().
    void reap(QThread *thread);
    /// Joins the threads handed over so far, then ends the reaper thread, without blocking the
    /// caller; the future resolves when the reaper thread has finished. Calling it again
    /// returns the same future.
    QFuture<void> finish();

private:
    QThread m_thread;
    QObject *m_worker = nullptr;   ///< lives on m_thread; joins are posted to it
    QFuture<void> m_finished;
    bool m_finishing = false;
};

} // namespace arbor

#pragma once

#include <QMutex>
#include <QObject>

#include <functional>

class QThread;

namespace arbor {

/**
 * The one thread every QtKeychain job of the process is created, started, finished and deleted
 * on ("arbor-keychain"). Internal to core/secrets: SecretStore is its only client.
 *
 * Why: QtKeychain keeps a single global job executor, created by whichever thread starts the
 * first job and then shared, without locks, by every thread that starts one. Jobs started from
 * two threads (the delivery thread resolving a signing secret, the GUI thread reading a
 * database password) freed each other's jobs under the executor and crashed the console. Since
 * only this thread ever starts a job, the executor is created here and used only here.
 *
 * Thread: instance() and post() may be called from any thread. The thread is started on first
 * use and stopped when the QCoreApplication is destroyed; work posted after that is dropped.
 */
class KeychainThread final
{
public:
    static KeychainThread &instance();

    /// Runs `work` on the keychain thread, later (never inside post()).
    void post(std::function<void()> work);
    QThread *thread() const;

private:
    KeychainThread();
    static void stop();

    QThread *m_thread;
    QObject *m_context;     ///< lives on m_thread: the receiver of posted work
    QMutex m_mutex;         ///< guards m_accepting against stop() on the main thread
    bool m_accepting = true;
};

/**
 * One keychain request on its way back to the thread that asked. It lives on that thread: the
 * keychain thread posts it one call when the job has finished, which emits finished() and deletes
 * the request there. Connected to the asker's context object, so a context destroyed meanwhile
 * simply gets no answer, and what the answer's slot holds is released on the asking thread.
 */
class KeychainRequest final : public QObject
{
    Q_OBJECT

Q_SIGNALS:
    void finished();
};

} // namespace arbor

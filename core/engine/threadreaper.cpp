#include "engine/threadreaper.h"

#include "util/workerthread.h"

namespace arbor {

ThreadReaper::ThreadReaper()
{
    m_thread.setObjectName(QStringLiteral("arbor-thread-reaper"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    runInBackground(&m_thread);
    joinable(&m_thread);
    m_thread.start();
}

ThreadReaper::~ThreadReaper()
{
    // Queued behind the joins already posted: quit() itself would drop them.
    if (!m_finishing)
        QMetaObject::invokeMethod(m_worker, [this] { m_thread.quit(); });
    join(&m_thread);
}

void ThreadReaper::reap(QThread *thread)
{
    Q_ASSERT(!m_finishing);
    // Moved so that the reaper thread may delete it: a QObject is deleted on its own thread.
    thread->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_worker, [thread] {
        join(thread);
        delete thread;
    });
}

QFuture<void> ThreadReaper::finish()
{
    if (m_finishing)
        return m_finished;
    m_finishing = true;
    m_finished = whenFinished(&m_thread);
    QMetaObject::invokeMethod(m_worker, [this] { m_thread.quit(); });
    return m_finished;
}

} // namespace arbor

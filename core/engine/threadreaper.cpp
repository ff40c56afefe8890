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
    m_thread.start();
}

ThreadReaper::~ThreadReaper()
{
    // Queued behind the joins already posted: quit() itself would drop them.
    QMetaObject::invokeMethod(m_worker, [this] { m_thread.quit(); });
    m_thread.wait();
}

void ThreadReaper::reap(QThread *thread)
{
    // Moved so that the reaper thread may delete it: a QObject is deleted on its own thread.
    thread->moveToThread(&m_thread);
    QMetaObject::invokeMethod(m_worker, [thread] {
        thread->wait();
        delete thread;
    });
}

} // namespace arbor

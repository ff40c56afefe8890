#include "engine/storethread.h"

#include "util/workerthread.h"

#include <QCoreApplication>

namespace arbor {

StoreThread::StoreThread(QString name, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(name);
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    runInBackground(&m_thread);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    // Queued jobs run first (the queue is FIFO); then the Store closes on its own thread.
    QMetaObject::invokeMethod(m_worker, [this]() { m_store.reset(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QString StoreThread::notOpenMessage()
{
    return QCoreApplication::translate("arbor::StoreThread", "The database is not open.");
}

QFuture<Status> StoreThread::open(const DatabaseUrl &url, const QString &password)
{
    auto promise = std::make_shared<QPromise<Status>>();
    QFuture<Status> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(m_worker, [this, promise, url, password]() {
        auto store = Store::open(url, password);
        if (store) {
            m_store = std::move(*store);
            m_open = true;
            promise->addResult(Status());
        } else {
            promise->addResult(Status(store.error()));
        }
        promise->finish();
    });
    return future;
}

} // namespace arbor

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
    joinable(&m_thread);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    if (!m_closing) {
        // Queued jobs run first (the queue is FIFO); then the Store closes on its own thread.
        QMetaObject::invokeMethod(m_worker, [this]() { m_store.reset(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
    }
    // Joined to the end: the thread that closed a PostgreSQL connection still runs Kerberos'
    // and OpenSSL's thread-exit cleanup after finished(), which must be over before exit().
    join(&m_thread);
}

QFuture<void> StoreThread::close()
{
    if (m_closing)
        return m_closed;
    m_closing = true;
    m_closed = whenFinished(&m_thread);
    // One job behind the queued ones: the thread's own quit() ends its loop once this returns.
    QMetaObject::invokeMethod(m_worker, [this]() {
        m_store.reset();
        m_open = false;
        m_thread.quit();
    });
    return m_closed;
}

Error StoreThread::jobFailed(const char *what)
{
    const QString thrown = what ? QString::fromLocal8Bit(what)
                                : QCoreApplication::translate("arbor::StoreThread", "an exception of unknown type");
    qCCritical(lcStore).noquote() << "a database job on" << QThread::currentThread()->objectName() << "threw:" << thrown;
    return Error::internal(QCoreApplication::translate("arbor::StoreThread",
                                                       "A database operation failed unexpectedly (%1); a transaction it "
                                                       "had open was rolled back. It can be tried again; if it keeps "
                                                       "failing, report it with the log.")
                               .arg(thrown));
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
    if (m_closing) {
        promise->addResult(Status(Error::unavailable(QStringLiteral("database"), notOpenMessage())));
        promise->finish();
        return future;
    }
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

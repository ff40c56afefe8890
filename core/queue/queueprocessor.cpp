#include "queue/queueprocessor.h"

#include "queue/queueworker.h"

#include <QCoreApplication>
#include <QHostInfo>
#include "util/workerthread.h"

#include <QThread>
#include <QUuid>

#include <unistd.h>

Q_LOGGING_CATEGORY(lcQueue, "arbor.queue")

namespace arbor {

QueueProcessor::QueueProcessor(DatabaseUrl url, QString password, QueueOptions options, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_password(std::move(password))
    , m_options(options)
{
    qRegisterMetaType<arbor::QueueRunStats>();
}

QueueProcessor::~QueueProcessor()
{
    for (QueueWorker *worker : std::as_const(m_workers)) {
        QThread *thread = worker->thread();
        // A database batch is never cut: halt() runs between events. balanceOf calls in flight
        // are abandoned; their items are taken back later.
        QMetaObject::invokeMethod(worker, &QueueWorker::halt, Qt::BlockingQueuedConnection);
        thread->quit();
        thread->wait();
        delete worker;
        delete thread;
    }
}

void QueueProcessor::start()
{
    if (!m_workers.isEmpty())
        return;
    // host/pid/instance: reclaimQueueItems() recognises a dead worker on this host by its pid.
    const QString base = QHostInfo::localHostName() + u'/' + QString::number(::getpid()) + u'/'
        + QUuid::createUuid().toString(QUuid::Id128).left(12);
    for (int i = 0; i < std::max(1, m_options.workers); ++i) {
        auto *thread = new QThread;
        thread->setObjectName(QStringLiteral("arbor-queue-%1").arg(i));
        auto *worker = new QueueWorker(m_url, m_password, m_options, base + u'.' + QString::number(i));
        worker->moveToThread(thread);
        connect(thread, &QThread::started, worker, &QueueWorker::start);
        connect(worker, &QueueWorker::batchDone, this, [this](const QueueRunStats &stats) {
            m_totals += stats;
            Q_EMIT batchDone(stats);
        });
        connect(worker, &QueueWorker::workerError, this, [this](const QString &message) {
            qCWarning(lcQueue) << message;
            Q_EMIT workerError(message);
        });
        connect(worker, &QueueWorker::stopped, this, &QueueProcessor::workerStopped);
        m_workers.append(worker);
        ++m_running;
        runInBackground(thread);
        thread->start();
    }
}

void QueueProcessor::stop()
{
    for (QueueWorker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(worker, &QueueWorker::stop);
}

void QueueProcessor::workerStopped()
{
    if (--m_running == 0)
        Q_EMIT finished();
}

} // namespace arbor

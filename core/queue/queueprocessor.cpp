#include "queue/queueprocessor.h"

#include "queue/queueworker.h"

#include <QCoreApplication>
#include <QHostInfo>
#include "util/workerthread.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>
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
    for (qsizetype i = 0; i < m_workers.size(); ++i) {
        QThread *thread = m_threads.at(i);
        // A database batch is never cut: halt() runs between events. balanceOf calls in flight
        // are abandoned; their items are taken back later. One job, not a blocking call: a
        // worker whose loop has ended (it threw) never runs it, and wait() returns all the same.
        if (!m_halted) {
            QMetaObject::invokeMethod(m_workers.at(i), [worker = m_workers.at(i)] {
                worker->halt();
                QThread::currentThread()->quit();
            });
        }
        join(thread);
        delete m_workers.at(i);
        delete thread;
    }
}

QFuture<void> QueueProcessor::shutdown()
{
    if (m_halted)
        return m_ended;
    m_halted = true;
    QList<QFuture<void>> ended;
    for (qsizetype i = 0; i < m_workers.size(); ++i) {
        ended.append(whenFinished(m_threads.at(i)));
        // One job, so that halt() runs before the worker's event loop ends.
        QMetaObject::invokeMethod(m_workers.at(i), [worker = m_workers.at(i)] {
            worker->halt();
            QThread::currentThread()->quit();
        });
    }
    m_ended = whenAll(ended, this);
    return m_ended;
}

void QueueProcessor::start()
{
    if (!m_workers.isEmpty() || m_halted)
        return;
    // host/pid/instance: reclaimQueueItems() recognises a dead worker on this host by its pid.
    m_workerBase = QHostInfo::localHostName() + u'/' + QString::number(::getpid()) + u'/'
        + QUuid::createUuid().toString(QUuid::Id128).left(12);
    for (int i = 0; i < std::max(1, m_options.workers); ++i) {
        auto *thread = new GuardedThread;
        thread->setObjectName(QStringLiteral("arbor-queue-%1").arg(i));
        connect(thread, &GuardedThread::failed, this, [this, i](const QString &what) { workerFailed(i, what); });
        m_threads.append(thread);
        m_workers.append(nullptr);
        ++m_running;
        runInBackground(thread);
        joinable(thread);
        createWorker(i);
    }
}

void QueueProcessor::createWorker(qsizetype i)
{
    GuardedThread *thread = m_threads.at(i);
    auto *worker = new QueueWorker(m_url, m_password, m_options, m_workerBase + u'.' + QString::number(i));
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
    m_workers[i] = worker;
    m_startedMs.insert(i, QDateTime::currentMSecsSinceEpoch());
    thread->start();
}

void QueueProcessor::workerFailed(qsizetype i, const QString &what)
{
    if (m_halted)
        return;
    if (m_stopping) {
        // Asked to stop meanwhile: the failed worker counts as stopped, and none replaces it.
        workerStopped();
        return;
    }
    const qint64 delayMs = m_backoffs[i].failed(m_startedMs.value(i), QDateTime::currentMSecsSinceEpoch());
    const QString message = tr("Balance queue worker %1 stopped on an internal error (%2). Its items are taken back "
                               "after %3 s; a new worker starts in %4 s.")
                                .arg(QString::number(i), what, QString::number(m_options.reclaimAfterMs / 1000),
                                     QString::number((delayMs + 999) / 1000));
    qCCritical(lcQueue).noquote() << message;
    Q_EMIT workerError(message);
    QTimer::singleShot(delayMs, this, [this, i] { restartWorker(i); });
}

void QueueProcessor::restartWorker(qsizetype i)
{
    if (m_halted)
        return;
    if (m_stopping) {
        workerStopped();
        return;
    }
    GuardedThread *thread = m_threads.at(i);
    // It threw a second or more ago: the thread has ended, and this returns at once.
    join(thread);
    QueueWorker *failed = m_workers.at(i);
    createWorker(i);
    // The failed worker (its connection, its network manager) is deleted on its own thread,
    // before the new worker's start() there.
    QMetaObject::invokeMethod(failed, [failed] { delete failed; });
}

void QueueProcessor::stop()
{
    if (m_halted)
        return;
    m_stopping = true;
    for (QueueWorker *worker : std::as_const(m_workers))
        QMetaObject::invokeMethod(worker, &QueueWorker::stop);
}

void QueueProcessor::workerStopped()
{
    if (--m_running == 0)
        Q_EMIT finished();
}

} // namespace arbor

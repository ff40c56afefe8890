#pragma once

#include "error.h"
#include "queue/queueoptions.h"
#include "model/balancequeue.h"
#include "store/databaseurl.h"
#include "util/guardedthread.h"

#include <QFuture>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QObject>

class QThread;

Q_DECLARE_LOGGING_CATEGORY(lcQueue)

namespace arbor {

class QueueWorker;

/**
 * The balance-queue workers: each on its own thread with its own Store connection (and, for
 * balanceOf tokens, its own QNetworkAccessManager), claiming batches per chain, computing
 * exact balances and completing the items. Several processors, in one process or several,
 * may share a queue: claims never overlap.
 *
 * A worker that throws ends only its own thread (GuardedThread): workerError says so, its items
 * are taken back once reclaimAfterMs has passed, and a new worker starts on that thread after a
 * RestartBackoff delay.
 *
 * Thread: created, used and destroyed on its owner's thread; the destructor stops the workers
 * (finishing the batch in hand) and waits for their threads, unless shutdown() already has.
 */
class QueueProcessor final : public QObject
{
    Q_OBJECT

public:
    QueueProcessor(DatabaseUrl url, QString password, QueueOptions options, QObject *parent = nullptr);
    ~QueueProcessor() override;

    void start();
    /// Asks the workers to stop after the batch in hand, without waiting; finished() follows.
    void stop();
    /// Stops the workers as the destructor does, without waiting: the future resolves when
    /// every worker thread has finished, and the destructor then only joins ended threads.
    /// No start() afterwards; calling it again returns the same future.
    QFuture<void> shutdown();
    /// Totals of every batch done so far (updated as batchDone arrives).
    const QueueRunStats &totals() const { return m_totals; }
    bool isRunning() const { return m_running > 0; }

Q_SIGNALS:
    void batchDone(const arbor::QueueRunStats &stats);
    /// A worker could not open the database or claim; it retries on its own.
    void workerError(const QString &message);
    /// untilEmpty: every worker found the queue empty and stopped.
    void finished();

private:
    void workerStopped();
    /// A new worker for slot `i` on m_threads[i] (started with the thread).
    void createWorker(qsizetype i);
    void workerFailed(qsizetype i, const QString &what);
    void restartWorker(qsizetype i);

    DatabaseUrl m_url;
    QString m_password;
    QueueOptions m_options;
    QList<QueueWorker *> m_workers;     ///< each lives on its own thread
    QList<GuardedThread *> m_threads;   ///< m_workers[i] lives on m_threads[i]
    QHash<qsizetype, RestartBackoff> m_backoffs;
    QHash<qsizetype, qint64> m_startedMs;
    QString m_workerBase;               ///< host/pid/instance: the workers' names start with it
    bool m_halted = false;              ///< shutdown() has told every worker to halt
    bool m_stopping = false;            ///< stop() was asked: a failed worker is not replaced
    QFuture<void> m_ended;              ///< shutdown()'s future
    QueueRunStats m_totals;
    int m_running = 0;
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::QueueRunStats)

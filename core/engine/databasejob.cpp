#include "engine/databasejob.h"

#include "engine/enginelog.h"
#include "util/workerthread.h"

#include <QCoreApplication>

namespace arbor {

DatabaseJob *DatabaseJob::start(QObject *owner, const QString &name, BackupProgress progress, std::function<bool()> canceled, Work work)
{
    auto *job = new DatabaseJob(owner);
    BackupProgress report;
    if (progress) {
        report = [job, progress = std::move(progress)](qint64 done, qint64 total) {
            QMetaObject::invokeMethod(job, [progress, done, total] { progress(done, total); }, Qt::QueuedConnection);
        };
    }
    BackupCanceled stopped = [job, canceled = std::move(canceled)] { return job->m_stop.load() || canceled(); };
    job->m_thread.reset(QThread::create([work = std::move(work), report, stopped] { work(report, stopped); }));
    job->m_thread->setObjectName(name);
    connect(job->m_thread.get(), &QThread::finished, job, &QObject::deleteLater);
    runInBackground(job->m_thread.get());
    joinable(job->m_thread.get());
    job->m_thread->start();
    job->m_finished = whenFinished(job->m_thread.get());
    return job;
}

DatabaseJob::~DatabaseJob()
{
    m_stop = true;
    if (m_thread)
        join(m_thread.get());
}

Error databaseJobThrew(const QString &thread, const QString &what)
{
    qCCritical(lcEngine).noquote() << thread << "threw:" << what;
    return Error::internal(QCoreApplication::translate("arbor::Engine", "The backup or restore stopped on an unexpected error (%1) "
                                                                        "before it finished; it can be run again.")
                               .arg(what));
}

} // namespace arbor

// Engine: backup and restore of a database, each on a thread of its own.

#include "engine/engine.h"

#include "engine/futures.h"
#include "util/workerthread.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QThread>

#include <atomic>

namespace arbor {
namespace {

/**
 * One backup or restore running on a thread of its own. A child of the Engine: destroying the
 * Engine stops the job between two steps (it leaves nothing written) and joins its thread.
 * Progress is posted to the job, which lives on the Engine's thread; the job deletes itself
 * when its thread has finished.
 */
class DatabaseJob final : public QObject
{
public:
    using Work = std::function<void(const BackupProgress &report, const BackupCanceled &canceled)>;

    static void start(QObject *owner, const QString &name, BackupProgress progress, const std::function<bool()> &futureCanceled, Work work)
    {
        auto *job = new DatabaseJob(owner);
        BackupProgress report;
        if (progress) {
            report = [job, progress = std::move(progress)](qint64 done, qint64 total) {
                QMetaObject::invokeMethod(job, [progress, done, total] { progress(done, total); }, Qt::QueuedConnection);
            };
        }
        BackupCanceled canceled = [job, futureCanceled] { return job->m_stop.load() || futureCanceled(); };
        job->m_thread.reset(QThread::create([work = std::move(work), report, canceled] { work(report, canceled); }));
        job->m_thread->setObjectName(name);
        connect(job->m_thread.get(), &QThread::finished, job, &QObject::deleteLater);
        runInBackground(job->m_thread.get());
        job->m_thread->start();
    }

    ~DatabaseJob() override
    {
        m_stop = true;
        if (m_thread)
            m_thread->wait();
    }

private:
    explicit DatabaseJob(QObject *parent) : QObject(parent) {}

    std::atomic<bool> m_stop{false};
    std::unique_ptr<QThread> m_thread;
};

Error jobThrew(const QString &thread, const QString &what)
{
    qCCritical(lcEngine).noquote() << thread << "threw:" << what;
    return Error::internal(QCoreApplication::translate("arbor::Engine", "The backup or restore stopped on an unexpected error (%1) "
                                                                        "before it finished; it can be run again.")
                               .arg(what));
}

template<typename T, typename Run>
QFuture<Result<T>> runJob(QObject *owner, const QString &name, BackupProgress progress, Run run)
{
    auto promise = futures::makePromise<Result<T>>();
    DatabaseJob::start(owner, name, std::move(progress), [promise] { return promise->isCanceled(); },
                       [promise, run = std::move(run), name](const BackupProgress &report, const BackupCanceled &canceled) {
                           // What a library throws on this thread becomes the job's Error, not the end of the process.
                           try {
                               futures::fulfil(promise, run(report, canceled));
                           } catch (const std::exception &e) {
                               futures::fulfil(promise, Result<T>(jobThrew(name, QString::fromLocal8Bit(e.what()))));
                           } catch (...) {
                               futures::fulfil(promise, Result<T>(jobThrew(name, QStringLiteral("an exception of unknown type"))));
                           }
                       });
    return promise->future();
}

bool sameDatabase(const DatabaseUrl &a, const DatabaseUrl &b)
{
    if (a.backend != b.backend)
        return false;
    if (a.backend == Backend::Sqlite)
        return QFileInfo(a.path) == QFileInfo(b.path);
    return a.host == b.host && a.port == b.port && a.database == b.database;
}

} // namespace

QFuture<Result<BackupResult>> Engine::backupDatabase(const QString &file, ExistingBackup existing, BackupProgress progress)
{
    const DatabaseUrl url = m_options.database;
    const QString password = m_options.password;
    return runJob<BackupResult>(this, QStringLiteral("arbor-backup"), std::move(progress),
                                [url, password, file, existing](const BackupProgress &report, const BackupCanceled &canceled) {
                                    return DatabaseBackup::backup(url, password, file, existing, report, canceled);
                                });
}

QFuture<Result<RestoreResult>> Engine::restoreDatabase(const DatabaseUrl &target, const QString &password, const QString &file,
                                                       BackupProgress progress)
{
    if (sameDatabase(target, m_options.database)) {
        return futures::ready(Result<RestoreResult>(
            Error::invalid(QStringLiteral("target"), tr("%1 is the database Arbor runs on now: restore into a new SQLite file or an empty "
                                                        "PostgreSQL database.").arg(target.displayName()))));
    }
    return runJob<RestoreResult>(this, QStringLiteral("arbor-restore"), std::move(progress),
                                 [target, password, file](const BackupProgress &report, const BackupCanceled &canceled) {
                                     return DatabaseBackup::restore(target, password, file, report, canceled);
                                 });
}

} // namespace arbor

#include "engine/databaseservice.h"

#include "engine/databasejob.h"
#include "engine/databasestatsrecorder.h"
#include "engine/enginecontext.h"
#include "engine/maintenancerunner.h"
#include "util/continuation.h"
#include "util/workerthread.h"

#include <QFileInfo>

namespace arbor {
namespace {

bool sameDatabase(const DatabaseUrl &a, const DatabaseUrl &b)
{
    if (a.backend != b.backend)
        return false;
    if (a.backend == Backend::Sqlite)
        return QFileInfo(a.path) == QFileInfo(b.path);
    return a.host == b.host && a.port == b.port && a.database == b.database;
}

/// Runs `run` as a DatabaseJob of `owner` that `promise` (the caller's future) can cancel; what
/// it throws becomes its Error.
template<typename T, typename Run>
DatabaseJob *startJob(QObject *owner, const QString &name, BackupProgress progress, const futures::SharedPromise<Result<T>> &promise, Run run)
{
    return DatabaseJob::start(owner, name, std::move(progress), [promise] { return promise->isCanceled(); },
                              [promise, run = std::move(run), name](const BackupProgress &report, const BackupCanceled &canceled) {
        try {
            futures::fulfil(promise, Result<T>(run(report, canceled)));
        } catch (const std::exception &e) {
            futures::fulfil(promise, Result<T>(databaseJobThrew(name, QString::fromLocal8Bit(e.what()))));
        } catch (...) {
            futures::fulfil(promise, Result<T>(databaseJobThrew(name, QStringLiteral("an exception of unknown type"))));
        }
    });
}

} // namespace

DatabaseService::DatabaseService(EngineContext &context, QObject *parent)
    : EngineService(context, parent)
    , m_runner(std::make_unique<MaintenanceRunner>(context))
{
    // Size samples, statement timings, retention and maintenance are once-only chores: they
    // follow the coordinator's role.
    connect(&context, &EngineContext::coordinatorChanged, this, [this](bool coordinates) {
        if (coordinates) {
            start();
            return;
        }
        m_runner->stopSchedule();
        if (m_stats) {
            m_stats->stop();
            m_stats.reset();
        }
    });
    connect(m_runner.get(), &MaintenanceRunner::runsChanged, this, &DatabaseService::maintenanceRunsChanged);
    connect(&context, &EngineContext::stateChanged, this, [this](const EngineState &state) {
        if (state.readOnly)
            m_runner->stopSchedule();
    });
}

DatabaseService::~DatabaseService()
{
    // A job still running stops at its next step; its destructor joins its thread.
    for (const QPointer<DatabaseJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->stop();
    }
    qDeleteAll(m_jobs);
}

const DatabaseUrl &DatabaseService::url() const
{
    return m_context.options().database;
}

void DatabaseService::start()
{
    m_runner->startSchedule();
    if (m_context.readOnly() || m_context.options().lease == EngineOptions::Lease::None || !m_context.holdsLease() || m_stats)
        return;
    DatabaseStatsRecorder::Sources sources;
    sources.writer = m_context.writer();
    sources.reader = m_context.reader();
    sources.writable = [this] { return m_context.started() && !m_context.readOnly(); };
    m_stats = std::make_unique<DatabaseStatsRecorder>(std::move(sources));
    m_stats->start();
}

QFuture<void> DatabaseService::shutdown()
{
    m_runner->stopSchedule();
    if (m_stats)
        m_stats->stop();
    QList<QFuture<void>> jobs;
    for (const QPointer<DatabaseJob> &job : std::as_const(m_jobs)) {
        if (!job)
            continue;
        job->stop();
        jobs.append(job->finished());
    }
    return whenAll(jobs, this);
}

void DatabaseService::flushStatementTimings()
{
    if (m_stats)
        m_stats->flushNow();
}

QFuture<Result<MigrationStatus>> DatabaseService::migrationStatus()
{
    return m_context.writer()->run([](Store &s) { return s.migrationStatus(); });
}

QFuture<Result<int>> DatabaseService::migrate()
{
    return m_context.writer()->run([](Store &s) { return s.migrate(); });
}

QFuture<Result<DatabaseStats>> DatabaseService::databaseStats()
{
    return m_context.read([](Store &s) { return DatabaseStatsStore(s).stats(); });
}

QFuture<Result<QList<DatabaseSizeSample>>> DatabaseService::sizeHistory(qint64 sinceMs)
{
    return m_context.read([sinceMs](Store &s) { return DatabaseStatsStore(s).sizeHistory(sinceMs); });
}

QFuture<Result<SlowStatements>> DatabaseService::slowStatements(int limit)
{
    return m_context.read([limit](Store &s) { return DatabaseStatsStore(s).slowStatements(limit); });
}

QFuture<Result<QList<RetentionSetting>>> DatabaseService::retentionPolicies()
{
    return m_context.read([](Store &s) { return RetentionStore(s).settings(); });
}

QFuture<Result<RetentionSetting>> DatabaseService::setRetentionPolicy(const QString &name, std::optional<int> days)
{
    using R = Result<RetentionSetting>;
    if (Status s = RetentionStore::validate(name, days); !s)
        return futures::ready<R>(s.error());
    return m_context.write([name, days](Store &s) { return RetentionStore(s).setDays(name, days); });
}

QFuture<Result<MaintenanceRun>> DatabaseService::applyRetention()
{
    if (Status s = m_context.checkWritable(); !s)
        return futures::ready<Result<MaintenanceRun>>(s.error());
    return m_runner->retention(QStringLiteral("operator"));
}

QFuture<Result<MaintenanceRun>> DatabaseService::runMaintenance(bool full)
{
    if (Status s = m_context.checkWritable(); !s)
        return futures::ready<Result<MaintenanceRun>>(s.error());
    return m_runner->maintenance(full, QStringLiteral("operator"));
}

QFuture<Result<QList<MaintenanceRun>>> DatabaseService::maintenanceRuns(int limit)
{
    return m_context.read([limit](Store &s) { return MaintenanceLog(s).runs(limit); });
}

void DatabaseService::recordBackup(qint64 startedAt, const Result<BackupResult> &result)
{
    // Recording a backup is not an engine's write under the lease: a read-only console or
    // arborctl records its backups too. An engine that has not opened its database cannot.
    if (!m_context.started() || !m_context.writer()->isOpen())
        return;
    MaintenanceRun run;
    run.kind = QStringLiteral("backup");
    run.requestedBy = QStringLiteral("operator");
    run.startedAt = startedAt;
    MaintenanceStep step;
    step.step = QStringLiteral("backup");
    step.ok = result.ok();
    if (result) {
        step.target = QFileInfo(result->file).fileName();
        step.detail = step.target;
        step.ms = result->durationMs;
    } else {
        run.error = result.error().message;
        step.detail = run.error;
    }
    run.steps = {step};
    then(m_context.writer()->run([run](Store &s) { return MaintenanceLog(s).record(run); }), this, [this](Status s) {
        if (!s)
            qCWarning(lcEngine) << "the backup was not recorded in maintenance_runs:" << s.error().message;
        else
            Q_EMIT maintenanceRunsChanged();
    });
}

QFuture<Result<BackupResult>> DatabaseService::backupDatabase(const QString &file, ExistingBackup existing, BackupProgress progress)
{
    using R = Result<BackupResult>;
    auto promise = futures::makePromise<R>();
    const DatabaseUrl url = m_context.options().database;
    const QString password = m_context.options().password;
    const qint64 startedAt = nowMs();
    m_jobs.removeAll(nullptr);
    m_jobs.append(startJob<BackupResult>(this, QStringLiteral("arbor-backup"), std::move(progress), promise,
                                         [url, password, file, existing](const BackupProgress &report, const BackupCanceled &canceled) {
        return DatabaseBackup::backup(url, password, file, existing, report, canceled);
    }));
    // The caller's future is the job's: a continuation records the run whatever the caller does.
    then(promise->future(), this, [this, startedAt](QFuture<R> done) {
        if (done.resultCount() > 0)
            recordBackup(startedAt, done.result());
    });
    return promise->future();
}

QFuture<Result<RestoreResult>> DatabaseService::restoreDatabase(const DatabaseUrl &target, const QString &password, const QString &file,
                                                                BackupProgress progress)
{
    using R = Result<RestoreResult>;
    if (sameDatabase(target, m_context.options().database)) {
        return futures::ready(R(Error::invalid(QStringLiteral("target"), tr("%1 is the database Arbor runs on now: restore into a new SQLite file or an empty "
                                                                             "PostgreSQL database.").arg(target.displayName()))));
    }
    auto promise = futures::makePromise<R>();
    m_jobs.removeAll(nullptr);
    m_jobs.append(startJob<RestoreResult>(this, QStringLiteral("arbor-restore"), std::move(progress), promise,
                                          [target, password, file](const BackupProgress &report, const BackupCanceled &canceled) {
        return DatabaseBackup::restore(target, password, file, report, canceled);
    }));
    return promise->future();
}

} // namespace arbor

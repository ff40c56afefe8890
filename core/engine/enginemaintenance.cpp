// Engine: retention policies and database maintenance, on demand and on the lease holder's schedule.
// Each batch of a retention run and each step of a maintenance run is its own writer job, so
// promotions queued meanwhile run between them and the writer is never held long.

#include "engine/engine.h"

#include "engine/futures.h"
#include "engine/leasekeeper.h"
#include "engine/storethread.h"
#include "store/databasemaintenance.h"
#include "util/continuation.h"

#include <QElapsedTimer>

namespace arbor {
namespace {

using RunPromise = futures::SharedPromise<Result<MaintenanceRun>>;

/// A run under way: its row, and the steps so far.
struct RunProgress
{
    MaintenanceRun run;
    QList<RetentionTarget> targets;     ///< retention: one step per target, in this order
    qsizetype current = 0;
    qint64 batches = 0;                 ///< of the current target
    QList<MaintenanceTask> tasks;       ///< maintenance: what is left to do
};

using Progress = std::shared_ptr<RunProgress>;

void finishRun(Engine *engine, StoreThread *writer, const Progress &p, const RunPromise &promise)
{
    then(writer->run([run = p->run](Store &s) -> Result<MaintenanceRun> {
        MaintenanceRun done = run;
        if (Status st = MaintenanceLog(s).finish(done.id, done.steps, done.error); !st)
            return st.error();
        done.finishedAt = s.now();
        done.ok = done.error.isEmpty();
        return done;
    }), engine, [engine, promise](Result<MaintenanceRun> done) {
        if (done) {
            if (done->ok.value_or(false))
                qCInfo(lcEngine).noquote() << done->kind << "run" << done->id << "finished in" << done->durationMs() << "ms";
            else
                qCWarning(lcEngine).noquote() << done->kind << "run" << done->id << "failed:" << done->error;
        }
        Q_EMIT engine->maintenanceRunsChanged();
        futures::fulfil(promise, std::move(done));
    });
}

void retentionBatch(Engine *engine, StoreThread *writer, const Progress &p, const RunPromise &promise)
{
    if (p->current >= p->targets.size()) {
        finishRun(engine, writer, p, promise);
        return;
    }
    const RetentionTarget target = p->targets[p->current];
    then(writer->run([target](Store &s) -> Result<std::pair<qint64, qint64>> {
        QElapsedTimer timer;
        timer.start();
        auto deleted = RetentionStore(s).deleteBatch(target);
        if (!deleted)
            return deleted.error();
        return std::pair<qint64, qint64>{*deleted, timer.elapsed()};
    }), engine, [=](Result<std::pair<qint64, qint64>> done) {
        MaintenanceStep &step = p->run.steps[p->current];
        if (!done) {
            step.ok = false;
            step.detail = done.error().message;
            p->run.error = Engine::tr("Retention stopped at %1: %2").arg(target.table, done.error().message);
            finishRun(engine, writer, p, promise);
            return;
        }
        step.rows += done->first;
        step.ms += done->second;
        ++p->batches;
        if (done->first >= RetentionStore::DefaultBatch) {
            retentionBatch(engine, writer, p, promise);
            return;
        }
        if (step.detail.isEmpty())
            step.detail = Engine::tr("%n batch(es)", nullptr, int(p->batches));
        p->batches = 0;
        ++p->current;
        retentionBatch(engine, writer, p, promise);
    });
}

void maintenanceStep(Engine *engine, StoreThread *writer, const Progress &p, const RunPromise &promise, MaintenanceOptions options)
{
    if (p->tasks.isEmpty()) {
        finishRun(engine, writer, p, promise);
        return;
    }
    const MaintenanceTask task = p->tasks.takeFirst();
    then(writer->run([task, options](Store &s) -> Result<DatabaseMaintenance::Outcome> { return DatabaseMaintenance(s, options).run(task); }), engine, [=](Result<DatabaseMaintenance::Outcome> done) {
            if (!done) {
                p->run.error = done.error().message;
                finishRun(engine, writer, p, promise);
                return;
            }
            const DatabaseMaintenance::Outcome &outcome = *done;
            p->run.steps.append(outcome.step);
            if (!outcome.step.ok && p->run.error.isEmpty())
                p->run.error = Engine::tr("%1 of %2 failed: %3").arg(outcome.step.step, outcome.step.target.isEmpty() ? Engine::tr("the database") : outcome.step.target,
                                                                     outcome.step.detail);
            p->tasks = outcome.next + p->tasks;
            maintenanceStep(engine, writer, p, promise, options);
        });
}

} // namespace

QFuture<Result<QList<RetentionSetting>>> Engine::retentionPolicies()
{
    using R = Result<QList<RetentionSetting>>;
    if (!m_state.started || !m_reader)
        return futures::ready<R>(Error::unavailable(QStringLiteral("database"), tr("The engine has not started.")));
    return m_reader->run([](Store &s) { return RetentionStore(s).settings(); });
}

QFuture<Result<RetentionSetting>> Engine::setRetentionPolicy(const QString &name, std::optional<int> days)
{
    using R = Result<RetentionSetting>;
    if (Status s = checkWritable(); !s)
        return futures::ready<R>(s.error());
    if (Status s = RetentionStore::validate(name, days); !s)
        return futures::ready<R>(s.error());
    return m_writer->run([name, days](Store &s) { return RetentionStore(s).setDays(name, days); });
}

QFuture<Result<MaintenanceRun>> Engine::applyRetention()
{
    if (Status s = checkWritable(); !s)
        return futures::ready<Result<MaintenanceRun>>(s.error());
    return retentionRun(QStringLiteral("operator"));
}

QFuture<Result<MaintenanceRun>> Engine::runMaintenance(bool full)
{
    if (Status s = checkWritable(); !s)
        return futures::ready<Result<MaintenanceRun>>(s.error());
    return maintenanceRun(full, QStringLiteral("operator"));
}

QFuture<Result<QList<MaintenanceRun>>> Engine::maintenanceRuns(int limit)
{
    using R = Result<QList<MaintenanceRun>>;
    if (!m_state.started || !m_reader)
        return futures::ready<R>(Error::unavailable(QStringLiteral("database"), tr("The engine has not started.")));
    return m_reader->run([limit](Store &s) { return MaintenanceLog(s).runs(limit); });
}

QFuture<Result<MaintenanceRun>> Engine::retentionRun(const QString &requestedBy)
{
    using R = Result<MaintenanceRun>;
    if (m_retentionRun && !m_retentionRun->isFinished())
        return *m_retentionRun;
    auto promise = futures::makePromise<R>();
    m_retentionRun = promise->future();
    StoreThread *writer = m_writer.get();
    then(writer->run([requestedBy](Store &s) -> Result<std::shared_ptr<RunProgress>> {
        auto progress = std::make_shared<RunProgress>();
        auto settings = RetentionStore(s).settings();
        auto targets = settings ? RetentionStore(s).targets() : Result<QList<RetentionTarget>>(settings.error());
        if (!targets)
            return targets.error();
        auto id = MaintenanceLog(s).begin(QStringLiteral("retention"), requestedBy);
        if (!id)
            return id.error();
        progress->run = {*id, QStringLiteral("retention"), requestedBy, s.now(), std::nullopt, std::nullopt, {}, {}};
        progress->targets = *targets;
        for (const RetentionTarget &t : *targets)
            progress->run.steps.append(MaintenanceStep{QStringLiteral("delete"), t.table, t.policy, 0, 0, t.note, true});
        // Policies that keep everything are listed too, so the run says what it left alone.
        for (const RetentionSetting &setting : *settings) {
            if (!setting.days)
                progress->run.steps.append(MaintenanceStep{QStringLiteral("keep"), {}, setting.policy.name, -1, 0, tr("kept for ever"), true});
        }
        return progress;
    }), this, [this, writer, promise](Result<std::shared_ptr<RunProgress>> started) {
        if (!started) {
            futures::fulfil(promise, Result<MaintenanceRun>(started.error()));
            return;
        }
        Q_EMIT maintenanceRunsChanged();
        retentionBatch(this, writer, *started, promise);
    });
    return promise->future();
}

QFuture<Result<MaintenanceRun>> Engine::maintenanceRun(bool full, const QString &requestedBy)
{
    using R = Result<MaintenanceRun>;
    if (m_maintenanceRun && !m_maintenanceRun->isFinished())
        return *m_maintenanceRun;
    auto promise = futures::makePromise<R>();
    m_maintenanceRun = promise->future();
    MaintenanceOptions options;
    options.full = full;
    StoreThread *writer = m_writer.get();
    then(writer->run([requestedBy, options](Store &s) -> Result<std::shared_ptr<RunProgress>> {
        auto progress = std::make_shared<RunProgress>();
        auto tasks = DatabaseMaintenance(s, options).plan();
        if (!tasks)
            return tasks.error();
        auto id = MaintenanceLog(s).begin(QStringLiteral("maintenance"), requestedBy);
        if (!id)
            return id.error();
        progress->run = {*id, QStringLiteral("maintenance"), requestedBy, s.now(), std::nullopt, std::nullopt, {}, {}};
        progress->tasks = *tasks;
        return progress;
    }), this, [this, writer, promise, options](Result<std::shared_ptr<RunProgress>> started) {
        if (!started) {
            futures::fulfil(promise, Result<MaintenanceRun>(started.error()));
            return;
        }
        Q_EMIT maintenanceRunsChanged();
        maintenanceStep(this, writer, *started, promise, options);
    });
    return promise->future();
}

void Engine::startMaintenanceSchedule()
{
    if (!m_options.indexing || m_state.readOnly || m_options.lease == EngineOptions::Lease::None || !m_lease->holds())
        return;
    const auto writable = [this] { return m_state.started && !m_state.readOnly && !m_shuttingDown; };
    if (m_options.retentionIntervalMs > 0 && !m_retentionTimer.isActive()) {
        m_retentionTimer.setObjectName(QStringLiteral("retentionTimer"));
        m_retentionTimer.setInterval(m_options.retentionIntervalMs);
        connect(&m_retentionTimer, &QTimer::timeout, this, [this, writable] {
            if (writable())
                retentionRun(QStringLiteral("schedule"));
        });
        m_retentionTimer.start();
    }
    if (m_options.maintenanceIntervalMs > 0 && !m_maintenanceTimer.isActive()) {
        // Due by the last run any engine recorded, checked hourly: a restart does not put it off.
        const qint64 interval = m_options.maintenanceIntervalMs;
        m_maintenanceTimer.setObjectName(QStringLiteral("maintenanceTimer"));
        m_maintenanceTimer.setInterval(int(std::min<qint64>(interval, 3600000)));
        connect(&m_maintenanceTimer, &QTimer::timeout, this, [this, writable, interval] {
            if (!writable() || (m_maintenanceRun && !m_maintenanceRun->isFinished()))
                return;
            then(m_reader->run([](Store &s) { return MaintenanceLog(s).lastRun(QStringLiteral("maintenance")); }), this, [this, writable, interval](Result<std::optional<qint64>> last) {
                    if (!last) {
                        qCWarning(lcEngine) << "maintenance schedule:" << last.error().toString();
                        return;
                    }
                    if (writable() && (!*last || nowMs() - **last >= interval))
                        maintenanceRun(false, QStringLiteral("schedule"));
                });
        });
        m_maintenanceTimer.start();
    }
}

} // namespace arbor

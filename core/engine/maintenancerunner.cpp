#include "engine/maintenancerunner.h"

#include "engine/enginecontext.h"
#include "store/databasemaintenance.h"
#include "store/retention.h"
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

void finishRun(MaintenanceRunner *runner, StoreThread *writer, const Progress &p, const RunPromise &promise)
{
    then(writer->run([run = p->run](Store &s) -> Result<MaintenanceRun> {
        MaintenanceRun done = run;
        if (Status st = MaintenanceLog(s).finish(done.id, done.steps, done.error); !st)
            return st.error();
        done.finishedAt = s.now();
        done.ok = done.error.isEmpty();
        return done;
    }), runner, [runner, promise](Result<MaintenanceRun> done) {
        if (done) {
            if (done->ok.value_or(false))
                qCInfo(lcEngine).noquote() << done->kind << "run" << done->id << "finished in" << done->durationMs() << "ms";
            else
                qCWarning(lcEngine).noquote() << done->kind << "run" << done->id << "failed:" << done->error;
        }
        Q_EMIT runner->runsChanged();
        futures::fulfil(promise, std::move(done));
    });
}

void retentionBatch(MaintenanceRunner *runner, StoreThread *writer, const Progress &p, const RunPromise &promise)
{
    if (p->current >= p->targets.size()) {
        finishRun(runner, writer, p, promise);
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
    }), runner, [=](Result<std::pair<qint64, qint64>> done) {
        MaintenanceStep &step = p->run.steps[p->current];
        if (!done) {
            step.ok = false;
            step.detail = done.error().message;
            p->run.error = MaintenanceRunner::tr("Retention stopped at %1: %2").arg(target.table, done.error().message);
            finishRun(runner, writer, p, promise);
            return;
        }
        step.rows += done->first;
        step.ms += done->second;
        ++p->batches;
        if (done->first >= RetentionStore::DefaultBatch) {
            retentionBatch(runner, writer, p, promise);
            return;
        }
        if (step.detail.isEmpty())
            step.detail = MaintenanceRunner::tr("%n batch(es)", nullptr, int(p->batches));
        p->batches = 0;
        ++p->current;
        retentionBatch(runner, writer, p, promise);
    });
}

void maintenanceStep(MaintenanceRunner *runner, StoreThread *writer, const Progress &p, const RunPromise &promise, MaintenanceOptions options)
{
    if (p->tasks.isEmpty()) {
        finishRun(runner, writer, p, promise);
        return;
    }
    const MaintenanceTask task = p->tasks.takeFirst();
    then(writer->run([task, options](Store &s) -> Result<DatabaseMaintenance::Outcome> { return DatabaseMaintenance(s, options).run(task); }), runner, [=](Result<DatabaseMaintenance::Outcome> done) {
            if (!done) {
                p->run.error = done.error().message;
                finishRun(runner, writer, p, promise);
                return;
            }
            const DatabaseMaintenance::Outcome &outcome = *done;
            p->run.steps.append(outcome.step);
            if (!outcome.step.ok && p->run.error.isEmpty())
                p->run.error = MaintenanceRunner::tr("%1 of %2 failed: %3").arg(outcome.step.step, outcome.step.target.isEmpty() ? MaintenanceRunner::tr("the database") : outcome.step.target,
                                                                     outcome.step.detail);
            p->tasks = outcome.next + p->tasks;
            maintenanceStep(runner, writer, p, promise, options);
        });
}

} // namespace

MaintenanceRunner::MaintenanceRunner(EngineContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_retentionTimer.setObjectName(QStringLiteral("retentionTimer"));
    m_maintenanceTimer.setObjectName(QStringLiteral("maintenanceTimer"));
}

MaintenanceRunner::~MaintenanceRunner() = default;

QFuture<Result<MaintenanceRun>> MaintenanceRunner::retention(const QString &requestedBy)
{
    using R = Result<MaintenanceRun>;
    if (m_retentionRun && !m_retentionRun->isFinished())
        return *m_retentionRun;
    auto promise = futures::makePromise<R>();
    m_retentionRun = promise->future();
    StoreThread *writer = m_context.writer();
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
        Q_EMIT runsChanged();
        retentionBatch(this, writer, *started, promise);
    });
    return promise->future();
}

QFuture<Result<MaintenanceRun>> MaintenanceRunner::maintenance(bool full, const QString &requestedBy)
{
    using R = Result<MaintenanceRun>;
    if (m_maintenanceRun && !m_maintenanceRun->isFinished())
        return *m_maintenanceRun;
    auto promise = futures::makePromise<R>();
    m_maintenanceRun = promise->future();
    MaintenanceOptions options;
    options.full = full;
    StoreThread *writer = m_context.writer();
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
        Q_EMIT runsChanged();
        maintenanceStep(this, writer, *started, promise, options);
    });
    return promise->future();
}

void MaintenanceRunner::startSchedule()
{
    const EngineOptions &options = m_context.options();
    if (!options.indexing || m_context.readOnly() || options.lease == EngineOptions::Lease::None || !m_context.holdsLease())
        return;
    const auto writable = [this] { return m_context.active() && m_context.holdsLease(); };
    // Started again when this engine becomes the coordinator once more: connected once.
    const bool connectTimers = !m_scheduleConnected;
    m_scheduleConnected = true;
    if (options.retentionIntervalMs > 0 && !m_retentionTimer.isActive()) {
        m_retentionTimer.setInterval(options.retentionIntervalMs);
        if (connectTimers)
            connect(&m_retentionTimer, &QTimer::timeout, this, [this, writable] {
            if (writable())
                retention(QStringLiteral("schedule"));
        });
        m_retentionTimer.start();
    }
    if (options.maintenanceIntervalMs > 0 && !m_maintenanceTimer.isActive()) {
        // Due by the last run any engine recorded, checked hourly: a restart does not put it off.
        const qint64 interval = options.maintenanceIntervalMs;
        m_maintenanceTimer.setInterval(int(std::min<qint64>(interval, 3600000)));
        if (connectTimers)
            connect(&m_maintenanceTimer, &QTimer::timeout, this, [this, writable, interval] {
            if (!writable() || (m_maintenanceRun && !m_maintenanceRun->isFinished()))
                return;
            then(m_context.read([](Store &s) { return MaintenanceLog(s).lastRun(QStringLiteral("maintenance")); }), this, [this, writable, interval](Result<std::optional<qint64>> last) {
                    if (!last) {
                        qCWarning(lcEngine) << "maintenance schedule:" << last.error().toString();
                        return;
                    }
                    if (writable() && (!*last || nowMs() - **last >= interval))
                        maintenance(false, QStringLiteral("schedule"));
                });
        });
        m_maintenanceTimer.start();
    }
}

void MaintenanceRunner::stopSchedule()
{
    m_retentionTimer.stop();
    m_maintenanceTimer.stop();
}

} // namespace arbor

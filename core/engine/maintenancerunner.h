#pragma once

#include "error.h"
#include "store/maintenancelog.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <optional>

namespace arbor {

class EngineContext;

/**
 * Runs retention and database maintenance, on demand and on the lease holder's schedule, and
 * records each run in maintenance_runs (MaintenanceLog). Each batch of a retention run and each
 * step of a maintenance run is its own writer job, so promotions queued meanwhile run between
 * them and the writer is never held long. A run of a kind already under way is joined, not
 * started twice.
 *
 * Owned by DatabaseService. Thread: the Engine's.
 */
class MaintenanceRunner final : public QObject
{
    Q_OBJECT

public:
    explicit MaintenanceRunner(EngineContext &context, QObject *parent = nullptr);
    ~MaintenanceRunner() override;

    /// RetentionStore's policies applied now; "operator" or "schedule" asked for it.
    QFuture<Result<MaintenanceRun>> retention(const QString &requestedBy);
    /// DatabaseMaintenance now (`full`: see MaintenanceOptions).
    QFuture<Result<MaintenanceRun>> maintenance(bool full, const QString &requestedBy);
    /// Retention every EngineOptions::retentionIntervalMs and maintenance when the last run any
    /// engine recorded is maintenanceIntervalMs old, for the lease holder of an indexing engine.
    void startSchedule();
    void stopSchedule();

Q_SIGNALS:
    /// A run started or finished (maintenance_runs changed).
    void runsChanged();

private:
    EngineContext &m_context;
    QTimer m_retentionTimer;
    QTimer m_maintenanceTimer;
    bool m_scheduleConnected = false;   ///< the schedule timers are connected (startSchedule() runs again on a regained role)
    std::optional<QFuture<Result<MaintenanceRun>>> m_retentionRun;     ///< under way
    std::optional<QFuture<Result<MaintenanceRun>>> m_maintenanceRun;   ///< under way
};

} // namespace arbor

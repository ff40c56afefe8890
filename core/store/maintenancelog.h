#pragma once

#include "error.h"
#include "store/store.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/// One step of a maintenance, retention, backup or restore run, as maintenance_runs.steps holds it.
struct MaintenanceStep
{
    QString step;                       ///< "vacuum_analyze", "optimize", "delete", …
    QString target;                     ///< the table or index, empty for the whole database
    QString policy;                     ///< retention steps: the policy
    qint64 rows = -1;                   ///< retention steps: rows deleted; -1 when not counted
    qint64 ms = 0;
    QString detail;                     ///< what it found or did, or the error
    bool ok = true;

    QJsonObject toJson() const;
    static MaintenanceStep fromJson(const QJsonObject &object);
};

/// A row of maintenance_runs.
struct MaintenanceRun
{
    qint64 id = 0;
    QString kind;                       ///< maintenance, retention, backup, restore
    QString requestedBy;                ///< schedule, operator
    qint64 startedAt = 0;
    std::optional<qint64> finishedAt;   ///< nullopt: still running (or interrupted)
    std::optional<bool> ok;
    QList<MaintenanceStep> steps;
    QString error;

    qint64 durationMs() const { return finishedAt ? *finishedAt - startedAt : 0; }
    /// Retention runs: rows deleted per policy, summed over its steps.
    QHash<QString, qint64> deletedByPolicy() const;
    QJsonObject toJson() const;
};

/**
 * The log of what maintenance, retention, backup and restore did (maintenance_runs): a run is
 * begun (a row without finished_at), then finished with its steps, whether it went well, and
 * its error. Times are the store's now().
 *
 * A cheap view that owns this SQL and no state. Thread: that of the Store it wraps.
 */
class MaintenanceLog
{
public:
    explicit MaintenanceLog(Store &store) : m_store(store) {}

    /// A new run of `kind` ("maintenance", "retention", "backup", "restore") by "schedule" or
    /// "operator"; its id.
    Result<qint64> begin(const QString &kind, const QString &requestedBy);
    /// Finishes run `id`: ok when `error` is empty.
    Status finish(qint64 id, const QList<MaintenanceStep> &steps, const QString &error = QString());
    /// Records a run that has finished now (a backup or restore, timed by its caller): its
    /// kind, requestedBy, startedAt, steps and error. A database whose schema has no
    /// maintenance_runs yet (one not migrated) records nothing.
    Status record(const MaintenanceRun &run);
    /// The newest runs first (all kinds, or `kind`), at most `limit`.
    Result<QList<MaintenanceRun>> runs(int limit, const QString &kind = QString());
    /// When the last finished run of `kind` started, if any.
    Result<std::optional<qint64>> lastRun(const QString &kind);

private:
    Store &m_store;
};

} // namespace arbor

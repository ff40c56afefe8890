#pragma once

#include "store/maintenancelog.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * The maintenance log (maintenance_runs) as a table, newest first: when a run started, its kind
 * (maintenance, retention, backup, restore), who asked for it, how long it took, whether it went
 * well, and a summary (rows deleted, or its error).
 *
 * setRuns() brings the rows in line by run id (syncKeyedRows): a run that finishes changes its
 * row in place, new runs are inserted at the top; never a reset, so the selection survives.
 *
 * Thread: the GUI thread.
 */
class MaintenanceRunModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { StartedColumn, KindColumn, RequestedByColumn, DurationColumn, ResultColumn, SummaryColumn, ColumnCount };
    enum Role { RunIdRole = Qt::UserRole };

    explicit MaintenanceRunModel(QObject *parent = nullptr);

    void setRuns(const QList<arbor::MaintenanceRun> &runs);
    const QList<arbor::MaintenanceRun> &runs() const { return m_rows; }
    /// The run of `row`; nullptr outside the table.
    const arbor::MaintenanceRun *runAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "maintenance" → "Maintenance", in the operator's language.
    static QString kindText(const QString &kind);
    /// "1.2 s", "350 ms".
    static QString durationText(qint64 ms);

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QList<arbor::MaintenanceRun> m_rows;
};

} // namespace arbor::ui

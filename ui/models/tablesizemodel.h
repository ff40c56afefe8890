#pragma once

#include "store/databasestats.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * Every table of the database (DatabaseStats::tables): name, scope (admin, global or the
 * chain's id), rows (estimates marked "~"), table, index and total bytes, and on PostgreSQL
 * dead rows and the last VACUUM and ANALYZE. SortRole and CopyRole give exact numbers. Rows are
 * kept by table name across refreshes (syncKeyedRows), never reset.
 *
 * Thread: the GUI thread.
 */
class TableSizeModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, ScopeColumn, RowsColumn, TableBytesColumn, IndexBytesColumn, TotalBytesColumn, DeadRowsColumn,
                  LastVacuumColumn, LastAnalyzeColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit TableSizeModel(QObject *parent = nullptr);

    void update(const QList<arbor::TableStats> &tables);
    const QList<arbor::TableStats> &tables() const { return m_rows; }
    /// The row of `name`, or -1.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QList<arbor::TableStats> m_rows;
};

} // namespace arbor::ui

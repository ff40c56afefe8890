#pragma once

#include "store/databasestats.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * Each chain's tables added up (DatabaseStats::chains): rows, table, index and total bytes,
 * dead rows on PostgreSQL. Sizes are shown with units; SortRole and CopyRole give the exact
 * numbers. Rows are kept by chain id across refreshes (syncKeyedRows), never reset.
 *
 * Thread: the GUI thread.
 */
class ChainSizeModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ChainColumn, NameColumn, TablesColumn, RowsColumn, TableBytesColumn, IndexBytesColumn, TotalBytesColumn,
                  DeadRowsColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit ChainSizeModel(QObject *parent = nullptr);

    void update(const QList<arbor::ChainSize> &chains);
    const QList<arbor::ChainSize> &chains() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QList<arbor::ChainSize> m_rows;
};

/// A size in bytes as the console shows it: "12.3 MB" (SI units, the locale's digits).
QString byteSizeText(qint64 bytes);

} // namespace arbor::ui

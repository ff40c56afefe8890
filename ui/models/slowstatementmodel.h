#pragma once

#include "store/databasestats.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * The slowest statements (SlowStatements: the slowest by mean and by total, each statement
 * once): normalised text, calls, mean, max and total time in ms. SortRole gives the numbers.
 * Rows are kept by statement text across refreshes (syncKeyedRows), never reset.
 *
 * Thread: the GUI thread.
 */
class SlowStatementModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MeanColumn, MaxColumn, CallsColumn, TotalColumn, StatementColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole };

    explicit SlowStatementModel(QObject *parent = nullptr);

    void update(const arbor::SlowStatements &statements);
    const QList<arbor::SlowStatement> &statements() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QList<arbor::SlowStatement> m_rows;
};

} // namespace arbor::ui

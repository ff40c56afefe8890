#pragma once

#include "store/indexbatch.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * A chain's reindex requests (the audit log) as a table, newest first: range, reason, who,
 * when, status, finished and error.
 *
 * setRequests() diffs by request id: new requests are inserted at the top, vanished ones
 * removed, changed ones (a status moving to done) announced with one dataChanged.
 *
 * Thread: the GUI thread.
 */
class ReindexRequestModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RangeColumn,
        ReasonColumn,
        RequestedByColumn,
        RequestedAtColumn,
        StatusColumn,
        FinishedAtColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole, FromRole, ToRole, StatusRole };

    explicit ReindexRequestModel(QObject *parent = nullptr);

    /// `requests` in any order; shown newest first.
    void setRequests(QList<arbor::ReindexRequest> requests);
    const QList<arbor::ReindexRequest> &requests() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<arbor::ReindexRequest> m_rows;
};

} // namespace arbor::ui

#pragma once

#include "store/indexbatch.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * A chain's reorg log as a table, newest first: when, depth, common ancestor, old head, and
 * the old and new hash of the first replaced block.
 *
 * The log only grows: setReorgs() inserts the reorgs it has not seen at the top and is a no-op
 * when nothing is new. A list that does not extend the one held (another chain, a log cleared
 * by a delete) replaces it with one reset — never on a refresh tick.
 *
 * Thread: the GUI thread.
 */
class ReorgModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { DetectedAtColumn, DepthColumn, AncestorColumn, OldHeadColumn, OldHashColumn, NewHashColumn, ColumnCount };
    enum Role { DepthRole = Qt::UserRole, AncestorRole };

    explicit ReorgModel(QObject *parent = nullptr);

    /// `reorgs` in any order; shown newest first.
    void setReorgs(QList<arbor::ReorgRecord> reorgs);
    const QList<arbor::ReorgRecord> &reorgs() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<arbor::ReorgRecord> m_rows;
};

} // namespace arbor::ui

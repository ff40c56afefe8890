#pragma once

#include "model/chainconfig.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * The registered chains as a table: one row per chain, in the order the engine first reported
 * them (views sort through a proxy).
 *
 * Fed with the immutable snapshots Engine::chainsChanged carries. update() diffs a snapshot
 * against the rows it holds, keyed by chain id: added chains are inserted, removed chains
 * removed, and each chain whose record changed gets one dataChanged spanning its row. The model
 * is never reset, so selections and scroll positions survive every refresh.
 *
 * Thread: the GUI thread.
 */
class ChainListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ChainIdColumn,
        StatusColumn,
        EndpointsColumn,
        CheckpointColumn,
        RpcUrlColumn,
        ColumnCount
    };

    enum Role {
        ChainIdRole = Qt::UserRole,   ///< qint64 chain id, on every column
        SortRole,                     ///< numbers for numeric columns, text otherwise
        StateRole,                    ///< arbor::ChainState as int
    };

    explicit ChainListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Brings the rows in line with `chains` (a complete snapshot) with the fewest signals.
    void update(const QList<arbor::ChainRecord> &chains);

    /// The chain shown in `row`, or nullptr when the row does not exist.
    const arbor::ChainRecord *chainAt(int row) const;
    /// The row of the chain with this id, or -1.
    int rowOf(qint64 chainId) const;

    /// "active", "paused", "deleting" in the operator's language.
    static QString stateText(arbor::ChainState state);
    /// "2 (1 ok, 1 down)": how many endpoints and how they are doing.
    static QString endpointSummary(const QList<arbor::EndpointRecord> &endpoints);

private:
    QVariant displayData(const arbor::ChainRecord &chain, int column) const;
    QVariant sortData(const arbor::ChainRecord &chain, int column) const;
    QString toolTip(const arbor::ChainRecord &chain) const;

    QList<arbor::ChainRecord> m_chains;
};

} // namespace arbor::ui

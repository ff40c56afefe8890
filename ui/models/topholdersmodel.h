#pragma once

#include "model/balancequeue.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * A token's largest holders (the answer to Engine::topHolders) as a table, largest first: the
 * row is the rank. Each answer is a new result set and replaces the rows as a whole.
 *
 * Thread: the GUI thread.
 */
class TopHoldersModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        RankColumn,
        HolderColumn,
        BalanceColumn,          ///< scaled by the token's decimals
        RawBalanceColumn,       ///< exact integer, in the token's smallest unit
        LastBlockColumn,
        ColumnCount
    };

    enum Role {
        HolderRole = Qt::UserRole,    ///< the holder's lowercase "0x…" address, on every column
    };

    explicit TopHoldersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setHolders(const QList<arbor::TokenBalance> &holders);
    const arbor::TokenBalance *holderAt(int row) const;

private:
    QList<arbor::TokenBalance> m_holders;
};

} // namespace arbor::ui

#pragma once

#include "model/balancequeue.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * A holder's balances across chains (the answer to Engine::portfolio) as a table: one row per
 * chain and token, in the order the engine returned them (views sort through a proxy).
 *
 * Each answer is a new result set and replaces the rows as a whole.
 *
 * Thread: the GUI thread.
 */
class PortfolioModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ChainColumn,
        TokenColumn,
        TokenAddressColumn,
        BalanceColumn,          ///< scaled by the token's decimals
        RawBalanceColumn,       ///< exact integer, in the token's smallest unit
        LastBlockColumn,
        UpdatedColumn,
        ColumnCount
    };

    enum Role {
        ChainIdRole = Qt::UserRole,   ///< qint64 chain id, on every column
        SortRole,                     ///< numbers (raw balances as zero-padded digits), text otherwise
    };

    explicit PortfolioModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setBalances(const QList<arbor::TokenBalance> &balances);
    const arbor::TokenBalance *balanceAt(int row) const;

    /// "USDC", else the token's name, else its address: how a token is named in a table.
    static QString tokenLabel(const arbor::TokenBalance &balance);
    /// The raw balance as digits padded to 78 places: sorts as text in numeric order.
    static QString rawSortKey(const arbor::TokenBalance &balance);
    /// The scaled balance as a double: close enough to order balances of different tokens.
    static double scaledValue(const arbor::TokenBalance &balance);

private:
    QVariant displayData(const arbor::TokenBalance &balance, int column) const;

    QList<arbor::TokenBalance> m_balances;
};

} // namespace arbor::ui

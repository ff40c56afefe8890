#pragma once

#include "model/balancequeue.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace arbor::ui {

/**
 * A token's largest holders (the answer to BalanceService::topHolders) as a table, largest first: the
 * row is the rank. Each answer is a new result set and replaces the rows as a whole.
 *
 * Balances are exact, in the locale's separators, padded so that decimal points line up (see
 * amounts::alignFraction; CopyRole and the tooltip give the number without padding). The share
 * of supply shows once setSupply() gave the token's total supply.
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
        ShareColumn,            ///< % of the total supply
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
    /// The token's total supply (empty: unknown, the share column stays empty).
    void setSupply(const std::optional<arbor::U256> &supply);
    /// "12.34 %" of `supply` in the locale's digits; "< 0.01 %" for a share too small to show.
    static QString shareText(const arbor::U256 &balance, const arbor::U256 &supply);
    const arbor::TokenBalance *holderAt(int row) const;

private:
    QList<arbor::TokenBalance> m_holders;
    std::optional<arbor::U256> m_supply;
    int m_fractionDigits = 0;   ///< the most any shown balance has: every one is padded to it
};

} // namespace arbor::ui

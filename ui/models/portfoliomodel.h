#pragma once

#include "model/balancequeue.h"

#include <QAbstractItemModel>
#include <QList>

namespace arbor::ui {

/**
 * A holder's balances across chains (the answer to BalanceService::portfolio): one row per chain and
 * token, flat or grouped under one row per chain or per token (views sort through a proxy,
 * which sorts within each group).
 *
 * Balances are exact and in the locale's separators, padded so that decimal points line up in
 * the right-aligned column (see amounts::alignFraction); CopyRole and the tooltip give the
 * number without padding. A token group sums its balances when its tokens share their
 * decimals. Each answer, and each change of grouping, replaces the rows as a whole.
 *
 * Thread: the GUI thread.
 */
class PortfolioModel final : public QAbstractItemModel
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
        ChainIdRole = Qt::UserRole,   ///< qint64 chain id, on every column of a balance row
        SortRole,                     ///< numbers (raw balances as zero-padded digits), text otherwise
        GroupRole,                    ///< true on a group's row
    };

    enum class Grouping { None, ByChain, ByToken };

    explicit PortfolioModel(QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setBalances(const QList<arbor::TokenBalance> &balances);
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }
    /// How many balances (not groups) the model holds.
    int balanceCount() const { return int(m_balances.size()); }
    /// The balance of a balance row; nullptr for a group's row.
    const arbor::TokenBalance *balanceAt(const QModelIndex &index) const;

    /// "USDC", else the token's name, else its address: how a token is named in a table.
    static QString tokenLabel(const arbor::TokenBalance &balance);
    /// The raw balance as digits padded to 78 places: sorts as text in numeric order.
    static QString rawSortKey(const arbor::U256 &raw);
    /// The scaled balance as a double: close enough to order balances of different tokens.
    static double scaledValue(const arbor::TokenBalance &balance);

private:
    struct Group
    {
        QString label;
        QList<int> rows;                    ///< into m_balances
        std::optional<int> decimals;        ///< shared by every token of the group, else empty
        bool sameDecimals = true;
        arbor::U256 total = 0;
    };

    void regroup();
    QVariant balanceData(const arbor::TokenBalance &balance, int column, int role) const;
    QVariant groupData(const Group &group, int column, int role) const;
    QString balanceText(const arbor::TokenBalance &balance) const;

    QList<arbor::TokenBalance> m_balances;
    Grouping m_grouping = Grouping::None;
    QList<Group> m_groups;
    int m_fractionDigits = 0;   ///< the most any shown balance has: every one is padded to it
};

} // namespace arbor::ui

#pragma once

#include "model/chainconfig.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace arbor::ui {

/**
 * A chain's ERC-20 tokens as a table: symbol, address, decimals, the balance mode and why the
 * token got it.
 *
 * Fed with ChainRecord::tokens (the chain page) or with what ChainService::probeTokens read (the
 * add-chain wizard's review). setTokens() diffs by address: tokens that appeared are appended,
 * those that went away removed, and the rows that changed are announced with ONE dataChanged
 * spanning them; never a reset.
 *
 * A token whose mode is not decided yet shows the undecided text ("Checking…" while the wizard
 * asks the node, "–" by default).
 *
 * Thread: the GUI thread.
 */
class TokenModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SymbolColumn, AddressColumn, DecimalsColumn, BalanceModeColumn, ReasonColumn, ColumnCount };
    enum Role {
        AddressRole = Qt::UserRole,   ///< the address as 0x… hex, on every column
        BalanceModeRole,              ///< arbor::BalanceMode as int, or an invalid QVariant when undecided
    };

    explicit TokenModel(QObject *parent = nullptr);

    void setTokens(const QList<arbor::TokenInfo> &tokens);
    const QList<arbor::TokenInfo> &tokens() const { return m_rows; }
    /// The row of `address`, or -1.
    int rowOf(const arbor::Address &address) const;
    /// What the mode column shows for a token whose mode is not decided.
    void setUndecidedText(const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// "Transfers", "balanceOf".
    static QString modeText(arbor::BalanceMode mode);
    /// How balances in that mode are computed, for a tooltip.
    static QString modeExplanation(arbor::BalanceMode mode);

private:
    QList<arbor::TokenInfo> m_rows;
    QString m_undecided;
};

} // namespace arbor::ui

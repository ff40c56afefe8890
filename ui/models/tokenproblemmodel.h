#pragma once

#include "model/balancequeue.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * The balance queue's token problems as a table, one row per chain and token however many of
 * its items wait: chain, token, what the node said, the fix, since when and the items waiting.
 *
 * Fed with the samples BalanceService::queueHealthChanged carries (QueueHealth::problems of every
 * chain). update() diffs by chain and token: a problem that appeared is appended, one that is
 * gone removed, and the rows whose text or figures changed are announced with ONE dataChanged
 * spanning them; never a reset.
 *
 * Thread: the GUI thread.
 */
class TokenProblemModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ChainColumn, TokenColumn, MessageColumn, FixColumn, SinceColumn, WaitingColumn, ColumnCount };
    enum Role {
        ChainIdRole = Qt::UserRole,   ///< qint64, on every column
        TokenRole,                    ///< the token's address as 0x… hex, on every column
    };

    /// One problem with the chain it belongs to.
    struct Row
    {
        qint64 chainId = 0;
        QString chainName;
        arbor::TokenProblem problem;
    };

    explicit TokenProblemModel(QObject *parent = nullptr);

    /// Brings the rows in line with the problems in `health` (every chain's sample).
    void update(const QList<arbor::QueueHealth> &health);
    const QList<Row> &problems() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int rowOf(qint64 chainId, const arbor::Address &token) const;
    static bool sameRow(const Row &a, const Row &b);

    QList<Row> m_rows;
};

} // namespace arbor::ui

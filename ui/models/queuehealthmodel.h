#pragma once

#include "model/balancequeue.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QList>

namespace arbor::ui {

/**
 * The balance queue's health as a table: one row per chain, in the order the engine first
 * reported them (views sort through a proxy).
 *
 * Fed with the samples BalanceService::queueHealthChanged carries. update() diffs them against the rows
 * it holds, keyed by chain id: chains that appeared are inserted, chains that went away removed,
 * and the rows whose figures changed are announced with ONE dataChanged spanning them. The
 * model is never reset, so the selection survives every tick.
 *
 * Thread: the GUI thread.
 */
class QueueHealthModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ChainColumn,
        StatusColumn,
        PendingColumn,
        ProcessingColumn,
        FailedColumn,
        CompletedColumn,        ///< completed in the last hour
        ErrorsColumn,           ///< failed attempts in the last hour
        ThroughputColumn,       ///< items per second, over the last minute
        AverageTimeColumn,      ///< ms per item, over the last hour
        OldestPendingColumn,
        ColumnCount
    };

    enum Role {
        ChainIdRole = Qt::UserRole,   ///< qint64 chain id, on every column
        SortRole,                     ///< numbers for numeric columns, text otherwise
        StatusRole,                   ///< arbor::QueueStatus as int, on every column
        BadgeColorRole,               ///< QColor of the status badge, on StatusColumn
    };

    explicit QueueHealthModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Brings the rows in line with `health` (every chain's sample) with the fewest signals.
    void update(const QList<arbor::QueueHealth> &health);

    /// The sample shown in `row`, or nullptr when the row does not exist.
    const arbor::QueueHealth *healthAt(int row) const;
    /// The row of the chain with this id, or -1.
    int rowOf(qint64 chainId) const;

    /// "Healthy", "High load", … in the operator's language (arborctl keeps HEALTHY, HIGH_LOAD, …).
    static QString statusText(arbor::QueueStatus status);
    /// Green, amber, orange, red, grey.
    static QColor statusColor(arbor::QueueStatus status);
    /// What the status means for these figures, for a tooltip.
    static QString statusExplanation(const arbor::QueueHealth &health);
    /// A chain that tracks no tokens: its status reads "No tokens", in grey, not "Healthy".
    static bool tracksNothing(const arbor::QueueHealth &health);
    /// A duration as people say it: "45 s", "4 min", "2 h 5 min", "3 d 4 h"; "—" for none.
    static QString durationText(qint64 ms);

private:
    QVariant displayData(const arbor::QueueHealth &health, int column) const;
    QVariant sortData(const arbor::QueueHealth &health, int column) const;
    static bool sameFigures(const arbor::QueueHealth &a, const arbor::QueueHealth &b);

    QList<arbor::QueueHealth> m_rows;
};

} // namespace arbor::ui

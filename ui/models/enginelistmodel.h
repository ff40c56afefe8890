#pragma once

#include "store/enginestore.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

namespace arbor::ui {

/**
 * The engines on the database (RosterService::engines) as a table: name, state, how many chains
 * each indexes, which one coordinates, where it runs, its last heartbeat and when it started.
 *
 * This console's own engine is named "NAME (this console)". An engine whose heartbeat is older
 * than its lease is "not responding" (its chains go to the others), one an operator drained is
 * "draining", any other "running". The last heartbeat reads as an age ("3 s ago") against the
 * time given with the records.
 *
 * update() diffs the records against the rows held, keyed by engine name: engines that joined are
 * inserted, those that left removed, the rows that changed announced with ONE dataChanged. Never
 * reset, so a selection survives every refresh. SortRole gives numbers for the numeric columns.
 *
 * Thread: the GUI thread.
 */
class EngineListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        StateColumn,
        ChainsColumn,           ///< how many chains it holds a live lease on
        CoordinatorColumn,      ///< runs the once-only chores for all engines
        HostColumn,
        PidColumn,
        ProgramColumn,
        HeartbeatColumn,        ///< age of its last heartbeat
        StartedColumn,
        ColumnCount
    };

    enum Role {
        SortRole = Qt::UserRole,    ///< numbers for numeric columns and the state, text otherwise
        EngineNameRole,             ///< the engine's name without the "this console" marker
    };

    explicit EngineListModel(QObject *parent = nullptr);

    /// Brings the rows in line with `engines`; `nowMs` (unix ms) is what heartbeat ages count from.
    void update(const QList<arbor::EngineRecord> &engines, qint64 nowMs);
    /// The name of this console's engine among them (empty: it indexes nothing).
    void setLocalEngine(const QString &name);
    /// Chain id → name, for the Chains column's tooltip (an id without a name is shown as the id).
    void setChainNames(const QHash<qint64, QString> &names);

    /// The engine shown in `row`, or nullptr when the row does not exist.
    const arbor::EngineRecord *engineAt(int row) const;
    /// The row of the engine named `name`, or -1.
    int rowOf(const QString &name) const;

    /// "running", "not responding" or "draining", in the operator's language.
    static QString stateText(const arbor::EngineRecord &engine);
    /// "3 s ago", "4 min ago"; "just now" under a second.
    static QString ageText(qint64 ms);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QVariant displayData(const arbor::EngineRecord &engine, int column) const;
    QVariant sortData(const arbor::EngineRecord &engine, int column) const;
    QString toolTip(const arbor::EngineRecord &engine, int column) const;
    QString chainText(qint64 chainId) const;
    void columnChanged(int column);

    QList<arbor::EngineRecord> m_rows;
    QString m_localEngine;
    QHash<qint64, QString> m_chainNames;
    qint64 m_nowMs = 0;
};

} // namespace arbor::ui

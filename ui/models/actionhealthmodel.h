#pragma once

#include "triggers/triggerrecords.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>

namespace arbor::ui {

/**
 * How each action of the triggers and alert rules delivers (TriggerService::actionHealth) as a
 * table: whose action it is, where it sends, its state (ok, failing, disabled — as a badge), the
 * share of its attempts delivered in 24 hours, its pending, held and dead deliveries, its next
 * attempt and its last error (for a disabled action: why it was disabled).
 *
 * update() diffs by (source, action id): rows are inserted, removed and changed with one
 * dataChanged, never reset, so a selection survives every refresh. SortRole gives numbers for the
 * numeric columns and the state.
 *
 * Thread: the GUI thread.
 */
class ActionHealthModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        SubjectColumn,          ///< the trigger's or alert rule's name
        ActionColumn,           ///< type and receiver: "Webhook → hooks.example/arbor"
        StateColumn,
        SuccessColumn,          ///< delivered share of the attempts in 24 h
        PendingColumn,
        HeldColumn,
        DeadColumn,
        NextAttemptColumn,
        LastErrorColumn,
        ColumnCount
    };

    enum Role {
        SortRole = Qt::UserRole,
        BadgeColorRole,         ///< QColor of the state badge, on StateColumn
    };

    explicit ActionHealthModel(QObject *parent = nullptr);

    void update(const QList<arbor::ActionHealth> &actions);
    const arbor::ActionHealth *actionAt(int row) const;
    int rowOf(const arbor::ActionRef &action) const;

    /// "ok", "failing", "disabled", in the operator's language.
    static QString stateText(arbor::ActionState state);
    /// "Webhook → host/path", "Telegram", "MCP → host": where an action sends.
    static QString actionText(const arbor::Action &action);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QVariant displayData(const arbor::ActionHealth &action, int column) const;
    QVariant sortData(const arbor::ActionHealth &action, int column) const;
    QString toolTip(const arbor::ActionHealth &action, int column) const;

    QList<arbor::ActionHealth> m_rows;
};

} // namespace arbor::ui

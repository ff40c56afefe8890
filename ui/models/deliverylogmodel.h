#pragma once

#include "triggers/triggerrecords.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QList>

namespace arbor::ui {

/**
 * The delivery log: one row per recorded attempt or cancellation (ActionResult), newest first
 * as TriggerService::triggerResults returns them.
 *
 * update() diffs the rows against the ones held, keyed by result id: new results are inserted
 * (at the top), results no longer listed (another filter, or pushed out by the limit) removed,
 * and changed rows announced with ONE dataChanged. Never reset, so the selection survives.
 *
 * Thread: the GUI thread.
 */
class DeliveryLogModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        TriggerColumn,          ///< the trigger's name, or the alert rule's marked as such
        ActionColumn,           ///< the action's type, "(test)" for test deliveries
        StatusColumn,
        AttemptColumn,
        HttpStatusColumn,
        DurationColumn,         ///< ms
        ErrorColumn,
        EventColumn,            ///< transaction hash and log index
        ColumnCount
    };

    enum Role {
        ResultIdRole = Qt::UserRole,    ///< qint64 result id, on every column
        SortRole,                       ///< numbers for numeric columns, text otherwise
        StatusRole,                     ///< arbor::DeliveryStatus as int, on every column
        BadgeColorRole,                 ///< QColor of the status badge, on StatusColumn
        DeliveryIdRole,                 ///< QString delivery id, on every column
    };

    explicit DeliveryLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Brings the rows in line with `results` (newest first) with the fewest signals.
    void update(const QList<arbor::ActionResult> &results);

    /// Names the triggers' rows by `names` (trigger id → name; a trigger not in it was deleted),
    /// as the trigger list just read says: a renamed or deleted trigger shows at once, without
    /// reading the log again. Alert rules' rows keep their names.
    void nameTriggers(const QHash<qint64, QString> &names);
    /// Names the triggers' actions in the Action column ("2. Telegram — chat -100123") from the
    /// trigger list just read (action id → actionText()); an action not in it keeps its type.
    void nameActions(const QHash<qint64, QString> &names);

    /// The result shown in `row`, or nullptr when the row does not exist.
    const arbor::ActionResult *resultAt(int row) const;
    int rowOf(qint64 resultId) const;

    /// "Success", "Failed", … in the operator's language.
    static QString statusText(arbor::DeliveryStatus status);
    /// Green, red, amber, grey, blue.
    static QColor statusColor(arbor::DeliveryStatus status);
    /// "REST webhook", "Telegram", "MCP".
    static QString actionTypeText(arbor::ActionType type);
    /// Action `index` (0-based) of a trigger as the console names it: "1. REST webhook —
    /// https://hooks.example/x", "2. Telegram — chat -100123".
    static QString actionText(const arbor::Action &action, int index);
    /// "0x1234…abcd" for a long hex text.
    static QString shortHex(const QString &hex);

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QVariant displayData(const arbor::ActionResult &result, int column) const;
    QVariant sortData(const arbor::ActionResult &result, int column) const;
    static bool sameRow(const arbor::ActionResult &a, const arbor::ActionResult &b);

    QList<arbor::ActionResult> m_rows;
    QHash<qint64, QString> m_actionNames;   ///< trigger action id → actionText()
};

} // namespace arbor::ui

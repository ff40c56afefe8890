#pragma once

#include "triggers/triggerrecords.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace arbor::ui {

/**
 * The stored triggers as a table: one row per trigger, in the order the engine lists them
 * (views sort through a proxy).
 *
 * update() diffs the engine's list against the rows held, keyed by trigger id: triggers that
 * appeared are inserted, those that went away removed, and the rows whose figures changed are
 * announced with ONE dataChanged spanning them. Never reset, so the selection survives every
 * refresh.
 *
 * The Enabled column is a check box while the model is editable (setEditable); ticking it does
 * not change the row but asks for the change (enabledChangeRequested): the row follows once the
 * engine has stored it and the list is read again.
 *
 * Thread: the GUI thread.
 */
class TriggerListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ChainColumn,
        RegistryColumn,
        EnabledColumn,
        LastFiredColumn,
        DeliveriesColumn,       ///< deliveries created in the last 24 h, tests not counted
        FailuresColumn,         ///< of those, how many ended failed
        ColumnCount
    };

    enum Role {
        TriggerIdRole = Qt::UserRole,   ///< qint64 trigger id, on every column
        SortRole,                       ///< numbers for numeric columns, text otherwise
    };

    explicit TriggerListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Brings the rows in line with `triggers` with the fewest signals.
    void update(const QList<arbor::TriggerRecord> &triggers);
    /// Chain id → name, for the Chain column (a chain not named shows its id).
    void setChainNames(const QHash<qint64, QString> &names);
    /// Whether the Enabled check boxes can be ticked (false on a read-only console).
    void setEditable(bool editable);

    /// The trigger shown in `row`, or nullptr when the row does not exist.
    const arbor::TriggerRecord *triggerAt(int row) const;
    /// The row of the trigger with this id, or -1.
    int rowOf(qint64 triggerId) const;
    const QList<arbor::TriggerRecord> &triggers() const { return m_rows; }

    /// "Identity", "Reputation", "Validation" in the operator's language.
    static QString registryText(arbor::RegistryKind registry);

Q_SIGNALS:
    /// The operator ticked or cleared the Enabled box of a trigger.
    void enabledChangeRequested(qint64 triggerId, bool enabled);

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QVariant displayData(const arbor::TriggerRecord &trigger, int column) const;
    QVariant sortData(const arbor::TriggerRecord &trigger, int column) const;
    QString chainName(qint64 chainId) const;
    static bool sameRow(const arbor::TriggerRecord &a, const arbor::TriggerRecord &b);

    QList<arbor::TriggerRecord> m_rows;
    QHash<qint64, QString> m_chainNames;
    bool m_editable = false;
};

} // namespace arbor::ui

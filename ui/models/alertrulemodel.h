#pragma once

#include "triggers/alertrule.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace arbor::ui {

/**
 * The operator's alert rules as a table: one row per rule, in the order the engine lists them
 * (views sort through a proxy).
 *
 * update() diffs the engine's list against the rows held, keyed by rule id: rules that appeared
 * are inserted, those that went away removed, and the rows that changed announced with ONE
 * dataChanged. Never reset, so the selection survives every refresh. Whether a rule is silenced
 * depends on the time: setNow() moves the model's clock and announces the rows whose silence
 * ended (or began) meanwhile.
 *
 * The static helpers name kinds, units and conditions the same way in the list and the editor.
 *
 * Thread: the GUI thread.
 */
class AlertRuleModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ChainColumn,            ///< the chain's name, or "All chains"
        ConditionColumn,        ///< the kind with its threshold and unit
        HoldColumn,             ///< how long the condition holds before it is raised
        EnabledColumn,
        SilencedColumn,         ///< "silenced until …" while silenced, else empty
        ActionsColumn,          ///< how many actions deliver it
        ColumnCount
    };

    enum Role {
        RuleIdRole = Qt::UserRole,      ///< qint64 rule id, on every column
        SortRole,                       ///< numbers for numeric columns, text otherwise
    };

    explicit AlertRuleModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Brings the rows in line with `rules` with the fewest signals.
    void update(const QList<arbor::AlertRule> &rules);
    /// Chain id → name, for the Chain column (a chain not named shows its id).
    void setChainNames(const QHash<qint64, QString> &names);
    /// The time silences are judged at (unix ms).
    void setNow(qint64 nowMs);
    qint64 now() const { return m_nowMs; }

    /// The rule shown in `row`, or nullptr when the row does not exist.
    const arbor::AlertRule *ruleAt(int row) const;
    /// The row of the rule with this id, or -1.
    int rowOf(qint64 ruleId) const;

    /// "Lag in blocks", "All RPC endpoints down", … in the operator's language.
    static QString kindText(arbor::AlertKind kind);
    /// What the kind watches, one sentence for the editor.
    static QString kindDescription(arbor::AlertKind kind);
    /// The threshold's unit in words ("blocks", "minutes", "%"); empty for kinds without one.
    static QString unitText(arbor::AlertKind kind);
    /// "Lag ≥ 100 blocks", "No new block for 10 minutes", "All RPC endpoints down".
    static QString conditionText(const arbor::AlertRule &rule);
    /// "at once", "90 s", "5 min", "2 h".
    static QString holdText(int seconds);
    /// A threshold in the locale's digits, whole numbers without decimals.
    static QString thresholdText(double threshold);

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QVariant displayData(const arbor::AlertRule &rule, int column) const;
    QVariant sortData(const arbor::AlertRule &rule, int column) const;
    QString chainText(const arbor::AlertRule &rule) const;

    QList<arbor::AlertRule> m_rows;
    QHash<qint64, QString> m_chainNames;
    qint64 m_nowMs = 0;
};

} // namespace arbor::ui

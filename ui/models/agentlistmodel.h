#pragma once

#include "store/agentstore.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace arbor::ui {

/**
 * The ERC-8004 agents of one chain as a table: id, the name and services their registration file
 * gives, owner, whether the file says the agent is active, feedback received (and revoked), how
 * the registration file fared, and the token MCP actions send to the agent.
 *
 * Only the registration of the agentURI the agent has now counts: a file fetched for an older
 * agentURI shows as not fetched yet, as `arborctl agents list` has it.
 *
 * update() diffs the engine's list against the rows held, keyed by agent id: agents that
 * appeared are inserted, those that went away removed, and the rows whose cells changed are
 * announced with ONE dataChanged. Never reset, so the selection survives every refresh.
 *
 * Thread: the GUI thread.
 */
class AgentListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        OwnerColumn,
        ServicesColumn,
        ActiveColumn,
        FeedbackColumn,
        RegistrationColumn,
        TokenColumn,
        ColumnCount
    };

    enum Role {
        AgentIdRole = Qt::UserRole,   ///< the agent id as decimal text, on every column
        SortRole,                     ///< numbers for numeric columns, text otherwise
        FailedRole,                   ///< bool: the last fetch of the registration file failed
    };

    /// How an agent's registration file stands, for the Registration column and the detail pane.
    enum class RegistrationState { NoUri, NotFetched, Failed, Ok };

    explicit AgentListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Brings the rows in line with `agents` with the fewest signals.
    void update(const QList<arbor::AgentRecord> &agents);

    /// The agent shown in `row`, or nullptr when the row does not exist.
    const arbor::AgentRecord *agentAt(int row) const;
    /// The row of the agent with this id, or -1.
    int rowOf(const arbor::U256 &agentId) const;
    const QList<arbor::AgentRecord> &agents() const { return m_rows; }

    /// The registration file of the agent's current agentURI, when one was read.
    static std::optional<QJsonObject> registrationOf(const arbor::AgentRecord &agent);
    static RegistrationState registrationState(const arbor::AgentRecord &agent);
    /// "ok", "not fetched yet", "no agentURI", or the error of the last fetch.
    static QString registrationText(const arbor::AgentRecord &agent);
    /// When it was fetched, when it is fetched next, failures in a row: for tooltips.
    static QString registrationDetails(const arbor::AgentRecord &agent);
    /// An agentURI for people: a data: URI (the file itself) by its size, a long one cut.
    static QString uriText(const QString &uri);
    /// The name the registration file gives, or empty.
    static QString nameOf(const arbor::AgentRecord &agent);
    /// The token reference, or "none".
    static QString tokenText(const arbor::AgentRecord &agent);
    /// "12" or "12 (2 revoked)".
    static QString feedbackText(const arbor::AgentReputation &reputation);
    /// "Feedback received: 12, of which 2 revoked." or "No feedback yet."
    static QString feedbackSummary(const arbor::AgentReputation &reputation);

private:
    template<typename Model, typename Row, typename KeyOf, typename Same>
    friend void syncKeyedRows(Model *, QList<Row> &, const QList<Row> &, KeyOf, Same);

    QVariant displayData(const arbor::AgentRecord &agent, int column) const;
    QVariant toolTipData(const arbor::AgentRecord &agent, int column) const;
    QVariant sortData(const arbor::AgentRecord &agent, int column) const;
    static bool sameRow(const arbor::AgentRecord &a, const arbor::AgentRecord &b);

    QList<arbor::AgentRecord> m_rows;
};

} // namespace arbor::ui

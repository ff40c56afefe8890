#include "models/agentlistmodel.h"
#include "timetext.h"

#include "models/keyedrows.h"
#include "widgets/tableactions.h"
#include "widgets/themecolors.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>

namespace arbor::ui {
namespace {

const QString Dash = QStringLiteral("—");

bool isAgentColumnNumeric(int column)
{
    return column == AgentListModel::IdColumn || column == AgentListModel::FeedbackColumn;
}

QStringList serviceNames(const QJsonObject &registration)
{
    QStringList names;
    for (const QJsonValue &v : registration.value(QLatin1String("services")).toArray()) {
        const QString name = v.toObject().value(QLatin1String("name")).toString();
        if (!name.isEmpty() && !names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace

AgentListModel::AgentListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int AgentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AgentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<QJsonObject> AgentListModel::registrationOf(const AgentRecord &agent)
{
    if (agent.resolvedCurrent() && agent.resolved->registration)
        return agent.resolved->registration;
    return std::nullopt;
}

AgentListModel::RegistrationState AgentListModel::registrationState(const AgentRecord &agent)
{
    if (agent.uri.isEmpty())
        return RegistrationState::NoUri;
    if (!agent.resolvedCurrent())
        return RegistrationState::NotFetched;
    if (!agent.resolved->error.isEmpty())
        return RegistrationState::Failed;
    return RegistrationState::Ok;
}

QString AgentListModel::registrationText(const AgentRecord &agent)
{
    switch (registrationState(agent)) {
    case RegistrationState::NoUri:
        return tr("no agentURI");
    case RegistrationState::NotFetched:
        return tr("not fetched yet");
    case RegistrationState::Failed:
        return agent.resolved->error;
    case RegistrationState::Ok:
        return tr("ok");
    }
    return {};
}

QString AgentListModel::registrationDetails(const AgentRecord &agent)
{
    switch (registrationState(agent)) {
    case RegistrationState::NoUri:
        return tr("The agent has no agentURI, so there is no registration file to fetch.");
    case RegistrationState::NotFetched:
        return tr("The registration file of the agent's agentURI has not been fetched yet; the engine that indexes the chain "
                  "fetches it within minutes.");
    case RegistrationState::Failed: {
        QString text = tr("The last fetch failed at %1: %2").arg(timestampText(agent.resolved->fetchedAt), agent.resolved->error);
        if (agent.resolved->registration)
            text += u'\n' + tr("The file fetched before that is still shown.");
        if (agent.resolved->nextFetchAt > 0)
            text += u'\n' + tr("Next attempt at %1 (%n failure(s) in a row).", nullptr, agent.resolved->failures).arg(timestampText(agent.resolved->nextFetchAt));
        return text;
    }
    case RegistrationState::Ok: {
        if (agent.resolved->nextFetchAt > 0)
            return tr("Fetched at %1; next fetch at %2.").arg(timestampText(agent.resolved->fetchedAt), timestampText(agent.resolved->nextFetchAt));
        return tr("Fetched at %1; fetched again as soon as the engine gets to it.").arg(timestampText(agent.resolved->fetchedAt));
    }
    }
    return {};
}

QString AgentListModel::uriText(const QString &uri)
{
    if (uri.isEmpty())
        return tr("none");
    if (uri.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return tr("the file itself, inline (a data: URI of %1 characters)").arg(QLocale().toString(uri.size()));
    return uri.size() > 300 ? uri.left(300) + QStringLiteral("…") : uri;
}

QString AgentListModel::nameOf(const AgentRecord &agent)
{
    const auto registration = registrationOf(agent);
    return registration ? registration->value(QLatin1String("name")).toString().trimmed() : QString();
}

QString AgentListModel::tokenText(const AgentRecord &agent)
{
    return agent.mcpToken ? agent.mcpToken->toString() : tr("none");
}

QString AgentListModel::feedbackText(const AgentReputation &reputation)
{
    const QLocale locale;
    if (reputation.revokedCount == 0)
        return locale.toString(reputation.feedbackCount);
    return tr("%1 (%2 revoked)").arg(locale.toString(reputation.feedbackCount), locale.toString(reputation.revokedCount));
}

QString AgentListModel::feedbackSummary(const AgentReputation &reputation)
{
    const QLocale locale;
    if (reputation.feedbackCount == 0)
        return tr("No feedback yet.");
    if (reputation.revokedCount == 0)
        return tr("Feedback received: %1.").arg(locale.toString(reputation.feedbackCount));
    return tr("Feedback received: %1, of which %2 revoked.").arg(locale.toString(reputation.feedbackCount), locale.toString(reputation.revokedCount));
}

QVariant AgentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AgentRecord &agent = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(agent, index.column());
    case Qt::ToolTipRole:
        return toolTipData(agent, index.column());
    case CopyRole:
        if (index.column() == RegistrationColumn || index.column() == OwnerColumn)
            return displayData(agent, index.column());
        return {};
    case Qt::ForegroundRole:
        if (index.column() == RegistrationColumn && registrationState(agent) == RegistrationState::Failed)
            return themecolors::errorText();
        if ((index.column() == NameColumn && nameOf(agent).isEmpty()) || (index.column() == TokenColumn && !agent.mcpToken))
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::TextAlignmentRole:
        if (isAgentColumnNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(agent, index.column());
    case AgentIdRole:
        return u256::toDecimal(agent.agentId);
    case FailedRole:
        return registrationState(agent) == RegistrationState::Failed;
    default:
        return {};
    }
}

QVariant AgentListModel::displayData(const AgentRecord &agent, int column) const
{
    switch (column) {
    case IdColumn:
        return u256::toDecimal(agent.agentId);
    case NameColumn: {
        const QString name = nameOf(agent);
        return name.isEmpty() ? Dash : name;
    }
    case OwnerColumn:
        return agent.owner ? agent.owner->toChecksumHex() : Dash;
    case ServicesColumn: {
        const auto registration = registrationOf(agent);
        const QStringList names = registration ? serviceNames(*registration) : QStringList();
        return names.isEmpty() ? Dash : names.join(QStringLiteral(", "));
    }
    case ActiveColumn: {
        const auto registration = registrationOf(agent);
        if (!registration || !registration->contains(QLatin1String("active")))
            return Dash;
        return registration->value(QLatin1String("active")).toBool() ? tr("yes") : tr("no");
    }
    case FeedbackColumn:
        return feedbackText(agent.reputation);
    case RegistrationColumn:
        return registrationText(agent);
    case TokenColumn:
        return tokenText(agent);
    default:
        return {};
    }
}

QVariant AgentListModel::toolTipData(const AgentRecord &agent, int column) const
{
    switch (column) {
    case NameColumn:
        if (const auto registration = registrationOf(agent)) {
            const QString description = registration->value(QLatin1String("description")).toString();
            return description.isEmpty() ? QVariant() : QVariant(description.left(500));
        }
        return tr("The registration file has not been read, so the agent's name is not known.");
    case ServicesColumn: {
        const auto registration = registrationOf(agent);
        if (!registration)
            return {};
        QStringList lines;
        for (const QJsonValue &v : registration->value(QLatin1String("services")).toArray()) {
            const QJsonObject s = v.toObject();
            const QString version = s.value(QLatin1String("version")).toString();
            lines.append(version.isEmpty() ? QStringLiteral("%1: %2").arg(s.value(QLatin1String("name")).toString(), s.value(QLatin1String("endpoint")).toString())
                                           : tr("%1: %2 (version %3)").arg(s.value(QLatin1String("name")).toString(),
                                                                           s.value(QLatin1String("endpoint")).toString(), version));
        }
        return lines.isEmpty() ? QVariant() : QVariant(lines.join(u'\n'));
    }
    case OwnerColumn:
        return agent.owner ? QVariant(agent.owner->toChecksumHex()) : QVariant(tr("The owner is not known: the agent's Registered event was not indexed."));
    case FeedbackColumn:
        return feedbackSummary(agent.reputation);
    case RegistrationColumn:
        return QString(uriText(agent.uri) + u'\n' + registrationDetails(agent)).trimmed();
    case TokenColumn:
        return agent.mcpToken ? tr("MCP actions calling this agent's own endpoint send the secret %1 refers to").arg(agent.mcpToken->toString())
                              : tr("MCP actions calling this agent's own endpoint send no token");
    default:
        return {};
    }
}

QVariant AgentListModel::sortData(const AgentRecord &agent, int column) const
{
    switch (column) {
    case IdColumn:
        // Zero-padded to the longest uint256, so text order is number order.
        return u256::toDecimal(agent.agentId).rightJustified(78, u'0');
    case FeedbackColumn:
        return agent.reputation.feedbackCount;
    default:
        return displayData(agent, column).toString().toCaseFolded();
    }
}

QVariant AgentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isAgentColumnNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case NameColumn:
            return tr("The name the agent's registration file gives");
        case ServicesColumn:
            return tr("The services the registration file names (MCP, A2A, …)");
        case ActiveColumn:
            return tr("Whether the registration file says the agent is active");
        case FeedbackColumn:
            return tr("Feedback the agent received in the chain's reputation registry, and how much of it was revoked");
        case RegistrationColumn:
            return tr("How the last fetch of the registration file at the agent's agentURI went");
        case TokenColumn:
            return tr("The secret MCP actions send when they call this agent's own endpoint");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Agent");
    case NameColumn:
        return tr("Name");
    case OwnerColumn:
        return tr("Owner");
    case ServicesColumn:
        return tr("Services");
    case ActiveColumn:
        return tr("Active");
    case FeedbackColumn:
        return tr("Feedback");
    case RegistrationColumn:
        return tr("Registration");
    case TokenColumn:
        return tr("MCP Token");
    default:
        return {};
    }
}

bool AgentListModel::sameRow(const AgentRecord &a, const AgentRecord &b)
{
    const auto sameResolved = [](const std::optional<AgentRegistrationState> &x, const std::optional<AgentRegistrationState> &y) {
        if (x.has_value() != y.has_value())
            return false;
        return !x
            || (x->uri == y->uri && x->registration == y->registration && x->error == y->error && x->fetchedAt == y->fetchedAt
                && x->nextFetchAt == y->nextFetchAt && x->failures == y->failures);
    };
    return a.owner == b.owner && a.uri == b.uri && a.mcpToken == b.mcpToken && sameResolved(a.resolved, b.resolved)
        && a.reputation.feedbackCount == b.reputation.feedbackCount && a.reputation.revokedCount == b.reputation.revokedCount;
}

void AgentListModel::update(const QList<AgentRecord> &agents)
{
    syncKeyedRows(this, m_rows, agents, [](const AgentRecord &a) { return a.agentId; }, &AgentListModel::sameRow);
}

const AgentRecord *AgentListModel::agentAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int AgentListModel::rowOf(const U256 &agentId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].agentId == agentId)
            return row;
    }
    return -1;
}

} // namespace arbor::ui

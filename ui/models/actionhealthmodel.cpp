#include "models/actionhealthmodel.h"

#include "models/deliverylogmodel.h"
#include "models/keyedrows.h"
#include "timetext.h"
#include "widgets/statustone.h"
#include "widgets/tableactions.h"

#include <QColor>
#include <QLocale>
#include <QUrl>

#include <algorithm>
#include <climits>

namespace arbor::ui {
namespace {

std::pair<int, qint64> keyOf(const ActionHealth &a)
{
    return {int(a.source), a.actionId};
}

bool sameHealth(const ActionHealth &a, const ActionHealth &b)
{
    return a.subjectName == b.subjectName && a.action == b.action && a.state == b.state && a.stateSince == b.stateSince
        && a.stateReason == b.stateReason && a.failingSince == b.failingSince && a.lastSuccessAt == b.lastSuccessAt
        && a.lastFailureAt == b.lastFailureAt && a.lastError == b.lastError && a.attempts24h == b.attempts24h
        && a.successes24h == b.successes24h && a.pending == b.pending && a.held == b.held && a.dead == b.dead
        && a.nextAttemptAt == b.nextAttemptAt;
}

QColor stateColor(ActionState state)
{
    switch (state) {
    case ActionState::Ok:
        return toneColor(StatusTone::Good);
    case ActionState::Failing:
        return toneColor(StatusTone::Warning);
    case ActionState::Disabled:
        return toneColor(StatusTone::Bad);
    }
    return {};
}

bool isNumericActionColumn(int column)
{
    return column == ActionHealthModel::SuccessColumn || column == ActionHealthModel::PendingColumn || column == ActionHealthModel::HeldColumn
        || column == ActionHealthModel::DeadColumn;
}

} // namespace

ActionHealthModel::ActionHealthModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ActionHealthModel::update(const QList<ActionHealth> &actions)
{
    syncKeyedRows(this, m_rows, actions, keyOf, sameHealth);
}

const ActionHealth *ActionHealthModel::actionAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int ActionHealthModel::rowOf(const ActionRef &action) const
{
    const auto found = std::find_if(m_rows.cbegin(), m_rows.cend(),
                                    [&action](const ActionHealth &a) { return a.source == action.source && a.actionId == action.actionId; });
    return found == m_rows.cend() ? -1 : int(found - m_rows.cbegin());
}

QString ActionHealthModel::stateText(ActionState state)
{
    switch (state) {
    case ActionState::Ok:
        return tr("ok");
    case ActionState::Failing:
        return tr("failing");
    case ActionState::Disabled:
        return tr("disabled");
    }
    return {};
}

QString ActionHealthModel::actionText(const Action &action)
{
    const QString type = DeliveryLogModel::actionTypeText(action.type);
    if (action.type == ActionType::Telegram)
        return type;
    if (action.type == ActionType::Mcp && action.resolveEndpoint)
        return tr("%1 → the agent's endpoint", "action type → where it sends").arg(type);
    const QUrl url(action.url);
    const QString where = url.host() + (url.port() > 0 ? u':' + QString::number(url.port()) : QString()) + url.path();
    return tr("%1 → %2", "action type → where it sends").arg(type, where);
}

int ActionHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ActionHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActionHealthModel::data(const QModelIndex &index, int role) const
{
    const ActionHealth *action = index.isValid() ? actionAt(index.row()) : nullptr;
    if (!action)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return displayData(*action, index.column());
    case SortRole:
        return sortData(*action, index.column());
    case BadgeColorRole:
        return index.column() == StateColumn ? QVariant(stateColor(action->state)) : QVariant();
    case CopyRole:
        if (index.column() == LastErrorColumn)
            return action->state == ActionState::Disabled ? action->stateReason : action->lastError;
        return displayData(*action, index.column());
    case Qt::ToolTipRole: {
        const QString tip = toolTip(*action, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (index.column() == StateColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        if (isNumericActionColumn(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ActionHealthModel::displayData(const ActionHealth &action, int column) const
{
    const QLocale locale;
    switch (Column(column)) {
    case SubjectColumn:
        return action.source == DeliverySource::Alert ? tr("%1 (alert rule)").arg(action.subjectName) : action.subjectName;
    case ActionColumn:
        return actionText(action.action);
    case StateColumn:
        return stateText(action.state);
    case SuccessColumn:
        if (const auto rate = action.successRate())
            return QString(locale.toString(*rate * 100.0, 'f', *rate == 1.0 || *rate == 0.0 ? 0 : 1) + QStringLiteral(" %"));
        return QStringLiteral("—");
    case PendingColumn:
        return locale.toString(action.pending);
    case HeldColumn:
        return locale.toString(action.held);
    case DeadColumn:
        return locale.toString(action.dead);
    case NextAttemptColumn:
        return action.nextAttemptAt ? timestampText(*action.nextAttemptAt) : QStringLiteral("—");
    case LastErrorColumn:
        return (action.state == ActionState::Disabled ? action.stateReason : action.lastError).section(u'\n', 0, 0);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ActionHealthModel::sortData(const ActionHealth &action, int column) const
{
    switch (Column(column)) {
    case StateColumn:
        return int(action.state);
    case SuccessColumn:
        return action.successRate().value_or(2.0);
    case PendingColumn:
        return action.pending;
    case HeldColumn:
        return action.held;
    case DeadColumn:
        return action.dead;
    case NextAttemptColumn:
        return action.nextAttemptAt.value_or(LLONG_MAX);
    default:
        return displayData(action, column);
    }
}

QString ActionHealthModel::toolTip(const ActionHealth &action, int column) const
{
    switch (Column(column)) {
    case ActionColumn:
        return tr("Tried again for %1 after a failure").arg(action.action.retry.describe());
    case StateColumn:
        switch (action.state) {
        case ActionState::Ok:
            return action.lastSuccessAt > 0 ? tr("Last delivered %1.").arg(timestampText(action.lastSuccessAt)) : QString();
        case ActionState::Failing:
            return tr("Nothing delivered since %1; Arbor keeps retrying on the schedule.").arg(timestampText(action.failingSince));
        case ActionState::Disabled:
            return tr("Disabled since %1: its deliveries are held until you enable it.").arg(timestampText(action.stateSince));
        }
        return {};
    case SuccessColumn:
        return tr("%1 of %2 attempts in the last 24 hours were delivered.").arg(action.successes24h).arg(action.attempts24h);
    case HeldColumn:
        return tr("Kept while the action is disabled; sent, in order, once it is enabled.");
    case DeadColumn:
        return tr("Given up: the retry schedule ran out, or the receiver refused them. Resend Dead sends them again.");
    case LastErrorColumn:
        return action.state == ActionState::Disabled ? action.stateReason : action.lastError;
    default:
        return {};
    }
}

QVariant ActionHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SubjectColumn:
        return tr("Trigger or Rule");
    case ActionColumn:
        return tr("Action");
    case StateColumn:
        return tr("State");
    case SuccessColumn:
        return tr("Delivered (24 h)");
    case PendingColumn:
        return tr("Pending");
    case HeldColumn:
        return tr("Held");
    case DeadColumn:
        return tr("Dead");
    case NextAttemptColumn:
        return tr("Next Attempt");
    case LastErrorColumn:
        return tr("Last Error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

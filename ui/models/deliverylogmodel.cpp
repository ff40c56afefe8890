#include "models/deliverylogmodel.h"
#include "timetext.h"

#include "widgets/statustone.h"
#include "widgets/tableactions.h"

#include "models/keyedrows.h"

#include <QDateTime>
#include <QLocale>

namespace arbor::ui {
namespace {

bool isDeliveryColumnNumeric(int column)
{
    return column == DeliveryLogModel::AttemptColumn || column == DeliveryLogModel::HttpStatusColumn
        || column == DeliveryLogModel::DurationColumn;
}

} // namespace

DeliveryLogModel::DeliveryLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int DeliveryLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeliveryLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DeliveryLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ActionResult &result = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(result, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case TimeColumn:
            return timestampText(result.at, TimePrecision::Seconds);
        case TriggerColumn:
            return result.source == DeliverySource::Alert ? tr("Alert rule %1, delivery %2").arg(result.subjectId).arg(result.deliveryId)
                                                          : tr("Trigger %1, delivery %2").arg(result.subjectId).arg(result.deliveryId);
        case ActionColumn:
            return displayData(result, ActionColumn);   // in full where the column cuts it
        case ErrorColumn: {
            QString text = result.error;
            if (!result.responseExcerpt.isEmpty())
                text += (text.isEmpty() ? QString() : QStringLiteral("\n\n")) + tr("Answer: %1").arg(result.responseExcerpt);
            return text.isEmpty() ? QVariant() : QVariant(text);
        }
        case EventColumn:
            if (result.source == DeliverySource::Alert)
                return {};
            return tr("Block %1, transaction %2, log %3").arg(result.blockNumber).arg(result.txHash.toHex()).arg(result.logIndex);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        if (isDeliveryColumnNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case BadgeColorRole:
        return index.column() == StatusColumn ? QVariant(statusColor(result.status)) : QVariant();
    case SortRole:
        return sortData(result, index.column());
    case ResultIdRole:
        return result.id;
    case StatusRole:
        return int(result.status);
    case DeliveryIdRole:
        return result.deliveryId;
    case CopyRole:
        // The full values where the table shortens them.
        if (index.column() == EventColumn && result.source == DeliverySource::Trigger)
            return QString(result.txHash.toHex() + QStringLiteral(" #") + QString::number(result.logIndex));
        if (index.column() == ErrorColumn)
            return result.error;
        return {};
    default:
        return {};
    }
}

QVariant DeliveryLogModel::displayData(const ActionResult &result, int column) const
{
    const QLocale locale;
    switch (column) {
    case TimeColumn:
        return timestampText(result.at, TimePrecision::Seconds);
    case TriggerColumn:
        // An alert rule's deliveries share the outbox and the log: marked as the rule's.
        if (result.source == DeliverySource::Alert)
            return result.subjectName.isEmpty() ? tr("(deleted alert rule %1)").arg(result.subjectId)
                                                : tr("⚑ %1 (alert rule)").arg(result.subjectName);
        return result.subjectName.isEmpty() ? tr("(deleted trigger %1)").arg(result.subjectId) : result.subjectName;
    case ActionColumn: {
        const QString name = result.source == DeliverySource::Trigger ? m_actionNames.value(result.actionId) : QString();
        const QString action = name.isEmpty() ? actionTypeText(result.actionType) : name;
        return result.isTest ? tr("%1 (test)").arg(action) : action;
    }
    case StatusColumn:
        return statusText(result.status);
    case AttemptColumn:
        return result.attempt > 0 ? locale.toString(result.attempt) : QStringLiteral("—");
    case HttpStatusColumn:
        return result.httpStatus ? QString::number(*result.httpStatus) : QStringLiteral("—");
    case DurationColumn:
        return result.durationMs ? locale.toString(*result.durationMs) : QStringLiteral("—");
    case ErrorColumn:
        return result.error.section(u'\n', 0, 0);
    case EventColumn:
        if (result.source == DeliverySource::Alert)
            return QStringLiteral("—");
        return tr("block %1 · %2 #%3", "block number, transaction hash, log index")
            .arg(locale.toString(result.blockNumber), shortHex(result.txHash.toHex()))
            .arg(result.logIndex);
    default:
        return {};
    }
}

QVariant DeliveryLogModel::sortData(const ActionResult &result, int column) const
{
    switch (column) {
    case TimeColumn:
        return result.id;   // ids grow with time and break ties of the same millisecond
    case StatusColumn:
        return int(result.status);
    case AttemptColumn:
        return result.attempt;
    case HttpStatusColumn:
        return result.httpStatus.value_or(0);
    case DurationColumn:
        return result.durationMs.value_or(-1);
    case EventColumn:
        return QStringLiteral("%1 %2").arg(result.blockNumber, 20, 10, QLatin1Char('0')).arg(result.logIndex, 10, 10, QLatin1Char('0'));
    default:
        return displayData(result, column).toString().toCaseFolded();
    }
}

QVariant DeliveryLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isDeliveryColumnNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case AttemptColumn:
            return tr("1 for the first attempt; every retry is a row of its own");
        case DurationColumn:
            return tr("How long the attempt took, in milliseconds");
        case EventColumn:
            return tr("The event's transaction and log index");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TriggerColumn:
        return tr("Trigger");
    case ActionColumn:
        return tr("Action");
    case StatusColumn:
        return tr("Status");
    case AttemptColumn:
        return tr("Attempt");
    case HttpStatusColumn:
        return tr("HTTP");
    case DurationColumn:
        return tr("ms");
    case ErrorColumn:
        return tr("Error");
    case EventColumn:
        return tr("Event");
    default:
        return {};
    }
}

bool DeliveryLogModel::sameRow(const ActionResult &a, const ActionResult &b)
{
    // A result row is written once; only its trigger's name changes (renamed or deleted).
    return a.subjectName == b.subjectName && a.status == b.status && a.error == b.error && a.source == b.source;
}

void DeliveryLogModel::update(const QList<ActionResult> &results)
{
    syncKeyedRows(this, m_rows, results, [](const ActionResult &r) { return r.id; }, &DeliveryLogModel::sameRow);
}

void DeliveryLogModel::nameActions(const QHash<qint64, QString> &names)
{
    if (names == m_actionNames)
        return;
    m_actionNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ActionColumn), index(int(m_rows.size()) - 1, ActionColumn));
}

QString DeliveryLogModel::actionText(const Action &action, int index)
{
    const QString target = action.type == ActionType::Telegram ? tr("chat %1").arg(action.chatId)
                         : action.resolveEndpoint               ? tr("the agent's own endpoint")
                                                                : action.url;
    return tr("%1. %2 — %3", "priority, action type, where it sends").arg(index + 1).arg(actionTypeText(action.type), target);
}

void DeliveryLogModel::nameTriggers(const QHash<qint64, QString> &names)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        ActionResult &result = m_rows[row];
        if (result.source != DeliverySource::Trigger)
            continue;
        const QString name = names.value(result.subjectId);
        if (name == result.subjectName)
            continue;
        result.subjectName = name;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

const ActionResult *DeliveryLogModel::resultAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int DeliveryLogModel::rowOf(qint64 resultId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == resultId)
            return row;
    }
    return -1;
}

QString DeliveryLogModel::statusText(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return tr("Pending");
    case DeliveryStatus::Retrying:
        return tr("Retrying");
    case DeliveryStatus::Success:
        return tr("Success");
    case DeliveryStatus::Failed:
        return tr("Failed");
    case DeliveryStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QColor DeliveryLogModel::statusColor(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return toneColor(StatusTone::Calm);
    case DeliveryStatus::Retrying:
        return toneColor(StatusTone::Warning);
    case DeliveryStatus::Success:
        return toneColor(StatusTone::Good);
    case DeliveryStatus::Failed:
        return toneColor(StatusTone::Bad);
    case DeliveryStatus::Cancelled:
        return toneColor(StatusTone::Idle);
    }
    return {};
}

QString DeliveryLogModel::actionTypeText(ActionType type)
{
    switch (type) {
    case ActionType::Rest:
        return tr("REST webhook");
    case ActionType::Telegram:
        return tr("Telegram");
    case ActionType::Mcp:
        return tr("MCP");
    }
    return {};
}

QString DeliveryLogModel::shortHex(const QString &hex)
{
    if (hex.size() <= 14)
        return hex;
    return hex.left(6) + QStringLiteral("…") + hex.right(4);
}

} // namespace arbor::ui

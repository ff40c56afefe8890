#include "models/alertrulemodel.h"
#include "timetext.h"

#include "models/deliverylogmodel.h"
#include "models/keyedrows.h"
#include "widgets/themecolors.h"

#include <QBrush>
#include <QDateTime>
#include <QLocale>
#include <QPalette>

#include <cmath>

namespace arbor::ui {

AlertRuleModel::AlertRuleModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_nowMs(QDateTime::currentMSecsSinceEpoch())
{
}

int AlertRuleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlertRuleModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertRuleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AlertRule &rule = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(rule, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ConditionColumn:
            return kindDescription(rule.kind);
        case HoldColumn:
            return rule.kind == AlertKind::DeepReorg ? tr("A reorg is an event: raised when it is handled")
                                                     : tr("Raised once the condition has held this long");
        case EnabledColumn:
            return rule.enabled ? tr("Evaluated on every update") : tr("Off: raises nothing");
        case SilencedColumn:
            return rule.silencedAt(m_nowMs) ? tr("Its alerts are shown in the console, but nothing is delivered or notified")
                                            : QVariant();
        case ActionsColumn: {
            if (rule.actions.isEmpty())
                return tr("Shown in the console only");
            QStringList types;
            for (const Action &a : rule.actions)
                types.append(DeliveryLogModel::actionTypeText(a.type));
            return types.join(QStringLiteral(", "));
        }
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == SilencedColumn && rule.silencedAt(m_nowMs))
            return QBrush(themecolors::warningText());
        if (!rule.enabled)
            return QBrush(QPalette().color(QPalette::Disabled, QPalette::Text));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ActionsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(rule, index.column());
    case RuleIdRole:
        return rule.id;
    default:
        return {};
    }
}

QVariant AlertRuleModel::displayData(const AlertRule &rule, int column) const
{
    switch (column) {
    case NameColumn:
        return rule.name;
    case ChainColumn:
        return chainText(rule);
    case ConditionColumn:
        return conditionText(rule);
    case HoldColumn:
        return rule.kind == AlertKind::DeepReorg ? QStringLiteral("—") : holdText(rule.forSeconds);
    case EnabledColumn:
        return rule.enabled ? tr("On") : tr("Off");
    case SilencedColumn:
        if (!rule.silencedAt(m_nowMs))
            return QString();
        return tr("silenced until %1").arg(timestampText(rule.silencedUntilMs));
    case ActionsColumn:
        return QLocale().toString(rule.actions.size());
    default:
        return {};
    }
}

QVariant AlertRuleModel::sortData(const AlertRule &rule, int column) const
{
    switch (column) {
    case HoldColumn:
        return rule.forSeconds;
    case EnabledColumn:
        return int(rule.enabled);
    case SilencedColumn:
        return rule.silencedAt(m_nowMs) ? rule.silencedUntilMs : 0;
    case ActionsColumn:
        return int(rule.actions.size());
    default:
        return displayData(rule, column).toString().toCaseFolded();
    }
}

QVariant AlertRuleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((section == ActionsColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case HoldColumn:
            return tr("How long the condition must hold before the alert is raised");
        case SilencedColumn:
            return tr("A silenced rule still raises alerts in the console, but delivers nothing");
        case ActionsColumn:
            return tr("Webhooks, Telegram messages and MCP calls that deliver the alert");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ChainColumn:
        return tr("Chain");
    case ConditionColumn:
        return tr("Condition");
    case HoldColumn:
        return tr("For");
    case EnabledColumn:
        return tr("Enabled");
    case SilencedColumn:
        return tr("Silence");
    case ActionsColumn:
        return tr("Actions");
    default:
        return {};
    }
}

void AlertRuleModel::update(const QList<AlertRule> &rules)
{
    syncKeyedRows(this, m_rows, rules, [](const AlertRule &r) { return r.id; }, [](const AlertRule &a, const AlertRule &b) { return a == b; });
}

void AlertRuleModel::setChainNames(const QHash<qint64, QString> &names)
{
    if (names == m_chainNames)
        return;
    m_chainNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ChainColumn), index(rowCount() - 1, ChainColumn), {Qt::DisplayRole});
}

void AlertRuleModel::setNow(qint64 nowMs)
{
    const qint64 before = m_nowMs;
    m_nowMs = nowMs;
    int first = -1;
    int last = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].silencedAt(before) == m_rows[row].silencedAt(nowMs))
            continue;
        if (first < 0)
            first = row;
        last = row;
    }
    if (first >= 0)
        Q_EMIT dataChanged(index(first, SilencedColumn), index(last, SilencedColumn));
}

const AlertRule *AlertRuleModel::ruleAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int AlertRuleModel::rowOf(qint64 ruleId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].id == ruleId)
            return row;
    }
    return -1;
}

QString AlertRuleModel::chainText(const AlertRule &rule) const
{
    if (!rule.chainId)
        return tr("All chains");
    const QString name = m_chainNames.value(*rule.chainId);
    return name.isEmpty() ? QString::number(*rule.chainId) : name;
}

QString AlertRuleModel::kindText(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Stalled:
        return tr("Stalled");
    case AlertKind::RpcDown:
        return tr("All RPC endpoints down");
    case AlertKind::DeepReorg:
        return tr("Deep reorg");
    case AlertKind::QueueDelayed:
        return tr("Balance queue delayed");
    case AlertKind::QueueErrors:
        return tr("Balance queue errors");
    case AlertKind::LagBlocks:
        return tr("Lag in blocks");
    case AlertKind::LagSeconds:
        return tr("Lag in seconds");
    case AlertKind::RpcErrorRate:
        return tr("RPC error rate");
    case AlertKind::DeliveryFailing:
        return tr("Deliveries failing");
    case AlertKind::DeliveryDisabled:
        return tr("Deliveries held");
    }
    return {};
}

QString AlertRuleModel::kindDescription(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Stalled:
        return tr("Behind the head, and no new block indexed for this many minutes.");
    case AlertKind::RpcDown:
        return tr("Every RPC endpoint of the chain fails.");
    case AlertKind::DeepReorg:
        return tr("A reorg at least this many blocks deep was handled (an event, not a state).");
    case AlertKind::QueueDelayed:
        return tr("The chain's balance queue is behind (DELAYED or ERRORS).");
    case AlertKind::QueueErrors:
        return tr("The chain's balance queue has failed attempts (ERRORS).");
    case AlertKind::LagBlocks:
        return tr("The last indexed block is at least this many blocks behind the head.");
    case AlertKind::LagSeconds:
        return tr("The last indexed block is at least this many seconds old.");
    case AlertKind::RpcErrorRate:
        return tr("An endpoint of the chain fails at least this share of its recent calls.");
    case AlertKind::DeliveryFailing:
        return tr("A trigger action of the chain has delivered nothing for as long as its “failing after” allows.");
    case AlertKind::DeliveryDisabled:
        return tr("A trigger action of the chain is disabled (its receiver answered 410 Gone): its deliveries are held.");
    }
    return {};
}

QString AlertRuleModel::unitText(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Stalled:
        return tr("minutes");
    case AlertKind::LagBlocks:
    case AlertKind::DeepReorg:
        return tr("blocks");
    case AlertKind::LagSeconds:
        return tr("seconds");
    case AlertKind::RpcErrorRate:
        return QStringLiteral("%");
    case AlertKind::RpcDown:
    case AlertKind::QueueDelayed:
    case AlertKind::QueueErrors:
    case AlertKind::DeliveryFailing:
    case AlertKind::DeliveryDisabled:
        break;
    }
    return {};
}

QString AlertRuleModel::conditionText(const AlertRule &rule)
{
    const QString value = thresholdText(rule.threshold);
    switch (rule.kind) {
    case AlertKind::Stalled:
        return tr("No new block for %1 minutes").arg(value);
    case AlertKind::LagBlocks:
        return tr("Lag ≥ %1 blocks").arg(value);
    case AlertKind::LagSeconds:
        return tr("Lag ≥ %1 seconds").arg(value);
    case AlertKind::RpcErrorRate:
        return tr("RPC errors ≥ %1 %").arg(value);
    case AlertKind::DeepReorg:
        return tr("Reorg ≥ %1 blocks deep").arg(value);
    case AlertKind::RpcDown:
    case AlertKind::QueueDelayed:
    case AlertKind::QueueErrors:
    case AlertKind::DeliveryFailing:
    case AlertKind::DeliveryDisabled:
        break;
    }
    return kindText(rule.kind);
}

QString AlertRuleModel::holdText(int seconds)
{
    if (seconds <= 0)
        return tr("at once");
    if (seconds % 3600 == 0)
        return tr("%1 h").arg(seconds / 3600);
    if (seconds % 60 == 0)
        return tr("%1 min").arg(seconds / 60);
    return tr("%1 s").arg(seconds);
}

QString AlertRuleModel::thresholdText(double threshold)
{
    const QLocale locale;
    if (threshold == std::floor(threshold) && std::abs(threshold) < 9.0e15)
        return locale.toString(qint64(threshold));
    return locale.toString(threshold, 'f', QLocale::FloatingPointShortest);
}

} // namespace arbor::ui

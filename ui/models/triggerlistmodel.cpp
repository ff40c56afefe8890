#include "models/triggerlistmodel.h"
#include "timetext.h"
#include "widgets/statustone.h"

#include "models/keyedrows.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>

namespace arbor::ui {
namespace {

bool isTriggerColumnNumeric(int column)
{
    return column == TriggerListModel::DeliveriesColumn || column == TriggerListModel::FailuresColumn;
}

} // namespace

TriggerListModel::TriggerListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int TriggerListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TriggerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TriggerListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TriggerRecord &trigger = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(trigger, index.column());
    case Qt::CheckStateRole:
        if (index.column() == EnabledColumn)
            return trigger.def.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case NameColumn:
            return trigger.def.description.isEmpty() ? trigger.def.name : trigger.def.description;
        case ChainColumn:
            return tr("Chain %1").arg(trigger.def.chainId);
        case EnabledColumn:
            return trigger.def.enabled ? tr("Fires for events promoted from now on") : tr("Off: fires for nothing");
        case LastFiredColumn:
            return trigger.lastFiredAt ? timestampText(*trigger.lastFiredAt, TimePrecision::Seconds)
                                       : QVariant();
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == FailuresColumn && trigger.failures24h > 0)
            return toneColor(StatusTone::Bad);
        return {};
    case Qt::TextAlignmentRole:
        if (isTriggerColumnNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(trigger, index.column());
    case TriggerIdRole:
        return trigger.def.id;
    default:
        return {};
    }
}

QVariant TriggerListModel::displayData(const TriggerRecord &trigger, int column) const
{
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return trigger.def.name;
    case ChainColumn:
        return chainName(trigger.def.chainId);
    case RegistryColumn:
        return registryText(trigger.def.registry);
    case EnabledColumn:
        return trigger.def.enabled ? tr("On") : tr("Off");
    case LastFiredColumn:
        return trigger.lastFiredAt ? locale.toString(QDateTime::fromMSecsSinceEpoch(*trigger.lastFiredAt), QLocale::ShortFormat)
                                   : tr("never");
    case DeliveriesColumn:
        return locale.toString(trigger.deliveries24h);
    case FailuresColumn:
        return locale.toString(trigger.failures24h);
    default:
        return {};
    }
}

QVariant TriggerListModel::sortData(const TriggerRecord &trigger, int column) const
{
    switch (column) {
    case EnabledColumn:
        return int(trigger.def.enabled);
    case LastFiredColumn:
        return trigger.lastFiredAt.value_or(0);
    case DeliveriesColumn:
        return trigger.deliveries24h;
    case FailuresColumn:
        return trigger.failures24h;
    default:
        return displayData(trigger, column).toString().toCaseFolded();
    }
}

bool TriggerListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole || index.column() != EnabledColumn || !m_editable
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const TriggerRecord &trigger = m_rows.at(index.row());
    const bool enabled = value.value<Qt::CheckState>() == Qt::Checked;
    if (enabled != trigger.def.enabled)
        Q_EMIT enabledChangeRequested(trigger.def.id, enabled);
    return true;
}

Qt::ItemFlags TriggerListModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == EnabledColumn && m_editable)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

QVariant TriggerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isTriggerColumnNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case LastFiredColumn:
            return tr("When evaluation or a replay last created a delivery");
        case DeliveriesColumn:
            return tr("Deliveries created in the last 24 hours (test deliveries not counted)");
        case FailuresColumn:
            return tr("Deliveries of the last 24 hours that failed for good");
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
    case RegistryColumn:
        return tr("Registry");
    case EnabledColumn:
        return tr("Enabled");
    case LastFiredColumn:
        return tr("Last fired");
    case DeliveriesColumn:
        return tr("Deliveries/24 h");
    case FailuresColumn:
        return tr("Failures/24 h");
    default:
        return {};
    }
}

bool TriggerListModel::sameRow(const TriggerRecord &a, const TriggerRecord &b)
{
    return a.def == b.def && a.lastFiredAt == b.lastFiredAt && a.deliveries24h == b.deliveries24h
        && a.failures24h == b.failures24h;
}

void TriggerListModel::update(const QList<TriggerRecord> &triggers)
{
    syncKeyedRows(this, m_rows, triggers, [](const TriggerRecord &t) { return t.def.id; }, &TriggerListModel::sameRow);
}

void TriggerListModel::setChainNames(const QHash<qint64, QString> &names)
{
    if (names == m_chainNames)
        return;
    m_chainNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ChainColumn), index(rowCount() - 1, ChainColumn), {Qt::DisplayRole});
}

void TriggerListModel::setEditable(bool editable)
{
    if (editable == m_editable)
        return;
    m_editable = editable;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, EnabledColumn), index(rowCount() - 1, EnabledColumn));
}

const TriggerRecord *TriggerListModel::triggerAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int TriggerListModel::rowOf(qint64 triggerId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].def.id == triggerId)
            return row;
    }
    return -1;
}

QString TriggerListModel::chainName(qint64 chainId) const
{
    const QString name = m_chainNames.value(chainId);
    return name.isEmpty() ? QString::number(chainId) : name;
}

QString TriggerListModel::registryText(RegistryKind registry)
{
    switch (registry) {
    case RegistryKind::Identity:
        return tr("Identity");
    case RegistryKind::Reputation:
        return tr("Reputation");
    case RegistryKind::Validation:
        return tr("Validation");
    }
    return {};
}

} // namespace arbor::ui

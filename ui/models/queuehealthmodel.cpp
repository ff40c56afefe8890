#include "models/queuehealthmodel.h"
#include "charts/chartstyle.h"
#include "widgets/statustone.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <climits>

namespace arbor::ui {
namespace {

using charts::DayMs;
using charts::HourMs;
using charts::MinuteMs;
using charts::SecondMs;

bool isQueueColumnNumeric(int column)
{
    return column != QueueHealthModel::ChainColumn && column != QueueHealthModel::StatusColumn;
}

} // namespace

QueueHealthModel::QueueHealthModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int QueueHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueHealthModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueHealth &health = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(health, index.column());
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn)
            return statusExplanation(health);
        if (index.column() == ChainColumn)
            return tr("Chain %1").arg(health.chainId);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == StatusColumn)
            return QVariant::fromValue(Qt::AlignCenter);
        if (isQueueColumnNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case BadgeColorRole:
        if (index.column() != StatusColumn)
            return {};
        return tracksNothing(health) ? statusColor(QueueStatus::Disabled) : statusColor(health.status);
    case SortRole:
        return sortData(health, index.column());
    case ChainIdRole:
        return health.chainId;
    case StatusRole:
        return int(health.status);
    default:
        return {};
    }
}

QVariant QueueHealthModel::displayData(const QueueHealth &health, int column) const
{
    const QLocale locale;
    switch (column) {
    case ChainColumn:
        return health.chainName.isEmpty() ? QString::number(health.chainId) : health.chainName;
    case StatusColumn:
        return tracksNothing(health) ? tr("No tokens") : statusText(health.status);
    case PendingColumn:
        return locale.toString(health.pending);
    case ProcessingColumn:
        return locale.toString(health.processing);
    case FailedColumn:
        return locale.toString(health.failed);
    case CompletedColumn:
        return locale.toString(health.completedLastHour);
    case ErrorsColumn:
        return locale.toString(health.errorsLastHour);
    case ThroughputColumn:
        return locale.toString(health.throughputPerSecond(), 'f', 1);
    case AverageTimeColumn:
        return health.completedLastHour > 0 ? locale.toString(health.avgProcessingMs, 'f', 1) : QStringLiteral("—");
    case OldestPendingColumn:
        return durationText(health.oldestPendingAgeMs);
    default:
        return {};
    }
}

QVariant QueueHealthModel::sortData(const QueueHealth &health, int column) const
{
    switch (column) {
    case StatusColumn:
        return int(health.status);
    case PendingColumn:
        return health.pending;
    case ProcessingColumn:
        return health.processing;
    case FailedColumn:
        return health.failed;
    case CompletedColumn:
        return health.completedLastHour;
    case ErrorsColumn:
        return health.errorsLastHour;
    case ThroughputColumn:
        return health.throughputPerSecond();
    case AverageTimeColumn:
        return health.avgProcessingMs;
    case OldestPendingColumn:
        return health.oldestPendingAgeMs;
    default:
        return displayData(health, column).toString().toCaseFolded();
    }
}

QVariant QueueHealthModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isQueueColumnNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case FailedColumn:
            return tr("Items given up on after their last retry; “Retry failed” queues them again");
        case CompletedColumn:
            return tr("Items completed in the last hour");
        case ErrorsColumn:
            return tr("Failed attempts in the last hour, retries included");
        case ThroughputColumn:
            return tr("Items completed per second, over the last minute");
        case AverageTimeColumn:
            return tr("Average processing time per item, over the last hour");
        case OldestPendingColumn:
            return tr("How long the oldest pending item has been waiting");
        default:
            return {};
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ChainColumn:
        return tr("Chain");
    case StatusColumn:
        return tr("Status");
    case PendingColumn:
        return tr("Pending");
    case ProcessingColumn:
        return tr("Processing");
    case FailedColumn:
        return tr("Failed");
    case CompletedColumn:
        return tr("Completed/h");
    case ErrorsColumn:
        return tr("Errors/h");
    case ThroughputColumn:
        return tr("Items/s");
    case AverageTimeColumn:
        return tr("Avg ms");
    case OldestPendingColumn:
        return tr("Oldest pending");
    default:
        return {};
    }
}

bool QueueHealthModel::sameFigures(const QueueHealth &a, const QueueHealth &b)
{
    // sampledAt differs on every tick; only what the row shows counts as a change.
    return a.chainName == b.chainName && a.status == b.status && a.pending == b.pending && a.processing == b.processing
        && a.failed == b.failed && a.completedLastHour == b.completedLastHour
        && a.completedLastMinute == b.completedLastMinute && a.errorsLastHour == b.errorsLastHour
        && a.avgProcessingMs == b.avgProcessingMs && durationText(a.oldestPendingAgeMs) == durationText(b.oldestPendingAgeMs)
        && a.problems.size() == b.problems.size() && a.tokens == b.tokens;
}

void QueueHealthModel::update(const QList<QueueHealth> &health)
{
    QHash<qint64, qsizetype> incoming;
    incoming.reserve(health.size());
    for (qsizetype i = 0; i < health.size(); ++i)
        incoming.insert(health[i].chainId, i);

    // Removals from the back, one signal per contiguous run of vanished rows.
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (incoming.contains(m_rows[row].chainId)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_rows[first - 1].chainId))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    QSet<qint64> present;
    present.reserve(m_rows.size());
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        const QueueHealth &fresh = health[incoming.value(m_rows[row].chainId)];
        present.insert(fresh.chainId);
        const bool changed = !sameFigures(m_rows[row], fresh);
        m_rows[row] = fresh;
        if (!changed)
            continue;
        if (firstChanged < 0)
            firstChanged = row;
        lastChanged = row;
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));

    QList<QueueHealth> added;
    for (const QueueHealth &h : health) {
        if (!present.contains(h.chainId))
            added.append(h);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    m_rows.append(added);
    endInsertRows();
}

const QueueHealth *QueueHealthModel::healthAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

int QueueHealthModel::rowOf(qint64 chainId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].chainId == chainId)
            return row;
    }
    return -1;
}

QString QueueHealthModel::statusText(QueueStatus status)
{
    switch (status) {
    case QueueStatus::Healthy:
        return tr("Healthy");
    case QueueStatus::HighLoad:
        return tr("High load");
    case QueueStatus::Delayed:
        return tr("Delayed");
    case QueueStatus::Errors:
        return tr("Errors");
    case QueueStatus::Disabled:
        return tr("Disabled");
    }
    return {};
}

QColor QueueHealthModel::statusColor(QueueStatus status)
{
    switch (status) {
    case QueueStatus::Healthy:
        return toneColor(StatusTone::Good);
    case QueueStatus::HighLoad:
        return toneColor(StatusTone::Warning);
    case QueueStatus::Delayed:
        return toneColor(StatusTone::Serious);
    case QueueStatus::Errors:
        return toneColor(StatusTone::Bad);
    case QueueStatus::Disabled:
        return toneColor(StatusTone::Idle);
    }
    return {};
}

bool QueueHealthModel::tracksNothing(const QueueHealth &health)
{
    // "Healthy" would say its balances are kept up to date: there are none to keep.
    return health.tokens == 0 && health.status == QueueStatus::Healthy && health.pending == 0 && health.processing == 0;
}

QString QueueHealthModel::statusExplanation(const QueueHealth &health)
{
    if (tracksNothing(health))
        return tr("This chain tracks no tokens, so there are no balances to keep. Add tokens under Chain › Edit….");
    switch (health.status) {
    case QueueStatus::Healthy:
        return tr("Balances are being kept up to date.");
    case QueueStatus::HighLoad:
        return tr("%n item(s) pending: more than this chain's high-load threshold.", nullptr, int(qMin<qint64>(health.pending, INT_MAX)));
    case QueueStatus::Delayed:
        return tr("The oldest pending item has been waiting for %1: longer than this chain allows.")
            .arg(durationText(health.oldestPendingAgeMs));
    case QueueStatus::Errors:
        if (!health.problems.isEmpty())
            return tr("%n token(s) fail the same way on every item: see the problems under the table.", nullptr,
                      int(health.problems.size()));
        return tr("%n failed attempt(s) in the last hour: more than this chain allows.", nullptr,
                  int(qMin<qint64>(health.errorsLastHour, INT_MAX)));
    case QueueStatus::Disabled:
        return tr("Queue processing is turned off for this chain.");
    }
    return {};
}

QString QueueHealthModel::durationText(qint64 ms)
{
    if (ms <= 0)
        return QStringLiteral("—");
    if (ms < SecondMs)
        return tr("< 1 s");
    if (ms < MinuteMs)
        return tr("%1 s").arg(ms / SecondMs);
    if (ms < HourMs)
        return tr("%1 min").arg(ms / MinuteMs);
    if (ms < DayMs) {
        const qint64 minutes = ms % HourMs / MinuteMs;
        return minutes ? tr("%1 h %2 min").arg(ms / HourMs).arg(minutes) : tr("%1 h").arg(ms / HourMs);
    }
    const qint64 hours = ms % DayMs / HourMs;
    return hours ? tr("%1 d %2 h").arg(ms / DayMs).arg(hours) : tr("%1 d").arg(ms / DayMs);
}

} // namespace arbor::ui

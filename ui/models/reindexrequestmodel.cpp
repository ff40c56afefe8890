#include "models/reindexrequestmodel.h"
#include "timetext.h"

#include <QLocale>

#include <algorithm>

namespace arbor::ui {
namespace {

bool sameRequest(const ReindexRequest &a, const ReindexRequest &b)
{
    return a.id == b.id && a.from == b.from && a.to == b.to && a.reason == b.reason && a.requestedBy == b.requestedBy
        && a.requestedAt == b.requestedAt && a.status == b.status && a.finishedAt == b.finishedAt && a.error == b.error;
}

QString when(const QDateTime &t)
{
    return t.isValid() ? timestampText(t) : QString();
}

} // namespace

ReindexRequestModel::ReindexRequestModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReindexRequestModel::setRequests(QList<ReindexRequest> requests)
{
    std::sort(requests.begin(), requests.end(), [](const ReindexRequest &a, const ReindexRequest &b) { return a.id > b.id; });
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const qint64 id = m_rows[row].id;
        if (std::none_of(requests.begin(), requests.end(), [id](const ReindexRequest &r) { return r.id == id; })) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    // Both lists are now ordered by id, descending, and m_rows is a subsequence of requests.
    int firstChanged = -1;
    int lastChanged = -1;
    for (int row = 0; row < requests.size(); ++row) {
        if (row >= m_rows.size() || m_rows[row].id != requests[row].id) {
            beginInsertRows({}, row, row);
            m_rows.insert(row, requests[row]);
            endInsertRows();
            continue;
        }
        if (sameRequest(m_rows[row], requests[row]))
            continue;
        m_rows[row] = requests[row];
        firstChanged = firstChanged < 0 ? row : firstChanged;
        lastChanged = row;
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
}

int ReindexRequestModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReindexRequestModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReindexRequestModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ReindexRequest &r = m_rows[index.row()];
    switch (role) {
    case IdRole:
        return r.id;
    case FromRole:
        return r.from;
    case ToRole:
        return r.to;
    case StatusRole:
        return r.status;
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const QLocale locale;
    switch (Column(index.column())) {
    case RangeColumn:
        return tr("%1 – %2").arg(locale.toString(r.from), locale.toString(r.to));
    case ReasonColumn:
        return r.reason;
    case RequestedByColumn:
        return r.requestedBy;
    case RequestedAtColumn:
        return when(r.requestedAt);
    case StatusColumn:
        if (r.status == QLatin1String("pending"))
            return tr("Pending");
        if (r.status == QLatin1String("done"))
            return tr("Done");
        if (r.status == QLatin1String("failed"))
            return tr("Failed");
        return r.status;
    case FinishedAtColumn:
        return when(r.finishedAt);
    case ErrorColumn:
        return r.error;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReindexRequestModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case RangeColumn:
        return tr("Blocks");
    case ReasonColumn:
        return tr("Reason");
    case RequestedByColumn:
        return tr("Requested by");
    case RequestedAtColumn:
        return tr("Requested at");
    case StatusColumn:
        return tr("Status");
    case FinishedAtColumn:
        return tr("Finished at");
    case ErrorColumn:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

#include "models/endpointmodel.h"

#include <QLocale>

#include <algorithm>

namespace arbor::ui {

EndpointModel::EndpointModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int EndpointModel::rowOf(const QUrl &url) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].url == url)
            return row;
    }
    return -1;
}

void EndpointModel::update(const QList<EndpointRecord> &endpoints)
{
    // Gone first, from the bottom so rows above keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const QUrl url = m_rows[row].url;
        const bool kept = std::any_of(endpoints.begin(), endpoints.end(), [&](const EndpointRecord &e) { return e.url == url; });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    int firstChanged = -1;
    int lastChanged = -1;
    for (const EndpointRecord &e : endpoints) {
        const int row = rowOf(e.url);
        if (row < 0) {
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(e);
            endInsertRows();
            continue;
        }
        if (m_rows[row] == e)
            continue;
        m_rows[row] = e;
        firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
}

int EndpointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EndpointModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString EndpointModel::statusText(const QString &status)
{
    if (status == QLatin1String("ok"))
        return tr("OK");
    if (status == QLatin1String("degraded"))
        return tr("Degraded");
    if (status == QLatin1String("down"))
        return tr("Down");
    return tr("Unknown");
}

QString EndpointModel::historyText(std::optional<bool> servesHistory)
{
    if (!servesHistory)
        return tr("Unknown");
    return *servesHistory ? tr("Archive (full history)") : tr("Recent state only");
}

QString EndpointModel::historyToolTip(std::optional<bool> servesHistory, const QString &note)
{
    QString text;
    if (!servesHistory)
        text = tr("Not known yet whether this node serves state at old blocks.");
    else if (*servesHistory)
        text = tr("The node serves state at old blocks: balanceOf is read at the indexed height.");
    else
        text = tr("The node serves recent state only: balanceOf is read at its newest block, and that block is "
                  "recorded as the balance's height.");
    return note.isEmpty() ? text : text + u'\n' + note;
}

QVariant EndpointModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const EndpointRecord &e = m_rows[index.row()];
    if (role == UrlRole)
        return e.url;
    if (role == StatusRole)
        return e.status;
    if (role == ServesHistoryRole)
        return e.servesHistory ? QVariant(*e.servesHistory) : QVariant();
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == UrlColumn || index.column() == StatusColumn || index.column() == HistoryColumn
            || index.column() == LastErrorColumn)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole && index.column() == LastErrorColumn && !e.lastError.isEmpty())
        return e.lastErrorAt.isValid() ? tr("%1\n(at %2)").arg(e.lastError, QLocale().toString(e.lastErrorAt.toLocalTime(), QLocale::ShortFormat))
                                       : e.lastError;
    if (role == Qt::ToolTipRole && index.column() == HistoryColumn)
        return historyToolTip(e.servesHistory, e.historyNote);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case UrlColumn:
        return e.url.toDisplayString();
    case StatusColumn:
        return statusText(e.status);
    case LatencyColumn:
        return e.latencyMs ? tr("%1 ms").arg(locale.toString(*e.latencyMs, 'f', 1)) : tr("–");
    case ErrorRateColumn:
        return tr("%1 %").arg(locale.toString(e.errorRate * 100, 'f', 1));
    case RequestsColumn:
        return locale.toString(e.requests);
    case FailuresColumn:
        return locale.toString(e.failures);
    case LastHeadColumn:
        return e.lastHead ? locale.toString(*e.lastHead) : tr("–");
    case HistoryColumn:
        return historyText(e.servesHistory);
    case LastErrorColumn:
        return e.lastError;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EndpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case UrlColumn:
        return tr("URL");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Latency");
    case ErrorRateColumn:
        return tr("Error rate");
    case RequestsColumn:
        return tr("Requests");
    case FailuresColumn:
        return tr("Failures");
    case LastHeadColumn:
        return tr("Last head");
    case HistoryColumn:
        return tr("State history");
    case LastErrorColumn:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

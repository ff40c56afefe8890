#include "models/chainlistmodel.h"

#include <QHash>
#include <QIcon>
#include <QMap>
#include <QPainter>
#include <QPixmap>
#include <QSet>

#include <array>

namespace arbor::ui {
namespace {

enum class Health { Good, Warning, Bad, Idle };

QIcon makeDot(const QColor &color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(8, 8, 16, 16));
    painter.end();
    QIcon icon(pixmap);
    icon.addPixmap(pixmap, QIcon::Selected);   // keep the colour on a selected row
    return icon;
}

QIcon healthDot(Health health)
{
    static const std::array<QIcon, 4> dots{
        makeDot(QColor(0x2e, 0x9d, 0x4f)),   // Good
        makeDot(QColor(0xd9, 0x8c, 0x00)),   // Warning
        makeDot(QColor(0xc6, 0x28, 0x28)),   // Bad
        makeDot(QColor(0x8a, 0x8f, 0x98)),   // Idle
    };
    return dots[size_t(health)];
}

Health stateHealth(ChainState state)
{
    switch (state) {
    case ChainState::Active:
        return Health::Good;
    case ChainState::Paused:
        return Health::Idle;
    case ChainState::Deleting:
        return Health::Bad;
    }
    return Health::Idle;
}

Health endpointHealth(const QList<EndpointRecord> &endpoints)
{
    if (endpoints.isEmpty())
        return Health::Bad;
    int ok = 0;
    int down = 0;
    for (const EndpointRecord &e : endpoints) {
        ok += e.status == u"ok";
        down += e.status == u"down";
    }
    if (ok == endpoints.size())
        return Health::Good;
    if (down == endpoints.size())
        return Health::Bad;
    return Health::Warning;
}

QString statusText(const QString &status)
{
    if (status == u"ok")
        return ChainListModel::tr("ok");
    if (status == u"degraded")
        return ChainListModel::tr("degraded");
    if (status == u"down")
        return ChainListModel::tr("down");
    if (status == u"unknown" || status.isEmpty())
        return ChainListModel::tr("unknown");
    return status;
}

QUrl firstRpcUrl(const ChainRecord &chain)
{
    if (!chain.config.rpcUrls.isEmpty())
        return chain.config.rpcUrls.first();
    return chain.endpoints.isEmpty() ? QUrl() : chain.endpoints.first().url;
}

} // namespace

ChainListModel::ChainListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ChainListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_chains.size());
}

int ChainListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChainListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ChainRecord &chain = m_chains.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(chain, index.column());
    case Qt::ToolTipRole:
        return toolTip(chain);
    case Qt::DecorationRole:
        if (index.column() == StatusColumn)
            return healthDot(stateHealth(chain.state));
        if (index.column() == EndpointsColumn)
            return healthDot(chain.state == ChainState::Paused ? Health::Idle : endpointHealth(chain.endpoints));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == ChainIdColumn || index.column() == CheckpointColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(chain, index.column());
    case ChainIdRole:
        return chain.config.chainId;
    case StateRole:
        return int(chain.state);
    default:
        return {};
    }
}

QVariant ChainListModel::displayData(const ChainRecord &chain, int column) const
{
    switch (column) {
    case NameColumn:
        return chain.config.name;
    case ChainIdColumn:
        return QString::number(chain.config.chainId);
    case StatusColumn:
        return stateText(chain.state);
    case EndpointsColumn:
        return endpointSummary(chain.endpoints);
    case CheckpointColumn:
        return chain.checkpointBlock ? QString::number(*chain.checkpointBlock) : QStringLiteral("—");
    case RpcUrlColumn:
        return firstRpcUrl(chain).toDisplayString();
    default:
        return {};
    }
}

QVariant ChainListModel::sortData(const ChainRecord &chain, int column) const
{
    switch (column) {
    case ChainIdColumn:
        return chain.config.chainId;
    case StatusColumn:
        return int(chain.state);
    case EndpointsColumn:
        return qint64(chain.endpoints.size());
    case CheckpointColumn:
        return chain.checkpointBlock.value_or(-1);
    default:
        return displayData(chain, column).toString().toCaseFolded();
    }
}

QString ChainListModel::toolTip(const ChainRecord &chain) const
{
    QString html = QLatin1String("<p><b>") + chain.config.name.toHtmlEscaped() + QLatin1String("</b> — ")
        + tr("chain %1").arg(chain.config.chainId) + QLatin1String(", ") + stateText(chain.state).toHtmlEscaped()
        + QLatin1String("</p>");
    if (chain.endpoints.isEmpty())
        return html + QLatin1String("<p>") + tr("No RPC endpoint is registered.") + QLatin1String("</p>");

    html += QLatin1String("<table cellspacing='0' cellpadding='2'>");
    for (const EndpointRecord &e : chain.endpoints) {
        QStringList facts{statusText(e.status)};
        if (e.latencyMs)
            facts.append(tr("%1 ms").arg(qRound(*e.latencyMs)));
        if (e.lastHead)
            facts.append(tr("head %1").arg(*e.lastHead));
        html += QLatin1String("<tr><td>") + e.url.toDisplayString().toHtmlEscaped() + QLatin1String("</td><td>")
            + facts.join(QLatin1String(", ")).toHtmlEscaped() + QLatin1String("</td></tr>");
        if (!e.lastError.isEmpty()) {
            html += QLatin1String("<tr><td colspan='2'>&nbsp;&nbsp;") + tr("Last error: %1").arg(e.lastError).toHtmlEscaped()
                + QLatin1String("</td></tr>");
        }
    }
    return html + QLatin1String("</table>");
}

QVariant ChainListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole) {
        const bool numeric = section == ChainIdColumn || section == CheckpointColumn;
        return QVariant::fromValue((numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ChainIdColumn:
        return tr("Chain ID");
    case StatusColumn:
        return tr("Status");
    case EndpointsColumn:
        return tr("Endpoints");
    case CheckpointColumn:
        return tr("Checkpoint");
    case RpcUrlColumn:
        return tr("RPC URL");
    default:
        return {};
    }
}

void ChainListModel::update(const QList<ChainRecord> &chains)
{
    QHash<qint64, qsizetype> incoming;
    incoming.reserve(chains.size());
    for (qsizetype i = 0; i < chains.size(); ++i)
        incoming.insert(chains[i].config.chainId, i);

    // Removals from the back, one signal per contiguous run of vanished rows.
    for (int row = int(m_chains.size()) - 1; row >= 0;) {
        if (incoming.contains(m_chains[row].config.chainId)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !incoming.contains(m_chains[first - 1].config.chainId))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_chains.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    QSet<qint64> present;
    present.reserve(m_chains.size());
    for (int row = 0; row < m_chains.size(); ++row) {
        const ChainRecord &fresh = chains[incoming.value(m_chains[row].config.chainId)];
        present.insert(fresh.config.chainId);
        if (m_chains[row] == fresh)
            continue;
        m_chains[row] = fresh;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }

    QList<ChainRecord> added;
    for (const ChainRecord &c : chains) {
        if (!present.contains(c.config.chainId))
            added.append(c);
    }
    if (added.isEmpty())
        return;
    const int first = int(m_chains.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    m_chains.append(added);
    endInsertRows();
}

const ChainRecord *ChainListModel::chainAt(int row) const
{
    return row >= 0 && row < m_chains.size() ? &m_chains[row] : nullptr;
}

int ChainListModel::rowOf(qint64 chainId) const
{
    for (int row = 0; row < m_chains.size(); ++row) {
        if (m_chains[row].config.chainId == chainId)
            return row;
    }
    return -1;
}

QString ChainListModel::stateText(ChainState state)
{
    switch (state) {
    case ChainState::Active:
        return tr("active");
    case ChainState::Paused:
        return tr("paused");
    case ChainState::Deleting:
        return tr("deleting");
    }
    return {};
}

QString ChainListModel::endpointSummary(const QList<EndpointRecord> &endpoints)
{
    if (endpoints.isEmpty())
        return tr("none");
    // Fixed order so the text does not jump around between refreshes.
    const QStringList order{QStringLiteral("ok"), QStringLiteral("degraded"), QStringLiteral("down"), QStringLiteral("unknown")};
    QMap<QString, int> counts;
    for (const EndpointRecord &e : endpoints)
        ++counts[e.status.isEmpty() ? QStringLiteral("unknown") : e.status];
    QStringList parts;
    for (const QString &status : order) {
        if (const int n = counts.take(status))
            parts.append(tr("%1 %2", "count, endpoint status").arg(n).arg(statusText(status)));
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(tr("%1 %2", "count, endpoint status").arg(it.value()).arg(statusText(it.key())));
    return tr("%1 (%2)", "endpoint count, health summary").arg(endpoints.size()).arg(parts.join(QLatin1String(", ")));
}

} // namespace arbor::ui

#include "models/chainlistmodel.h"

#include "model/urlsecrets.h"
#include "widgets/statustone.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QMap>
#include <QSet>

namespace arbor::ui {
namespace {

// What the Status badge's colour says: green when indexing or live, amber while starting or
// catching up after trouble, red when it needs the operator, grey when paused.
StatusTone statusTone(ChainState state, const ChainStatus *status)
{
    switch (state) {
    case ChainState::Paused:
        return StatusTone::Idle;
    case ChainState::Deleting:
        return StatusTone::Bad;
    case ChainState::Active:
        break;
    }
    if (!status)
        return StatusTone::Idle;
    switch (status->phase) {
    case IndexPhase::CatchingUp:
    case IndexPhase::Live:
        return StatusTone::Good;
    case IndexPhase::Starting:
        return StatusTone::Warning;
    case IndexPhase::RpcDown:
    case IndexPhase::Stalled:
        return StatusTone::Bad;
    case IndexPhase::Stopped:
        return StatusTone::Idle;
    }
    return StatusTone::Idle;
}

bool isChainColumnNumeric(int column)
{
    switch (column) {
    case ChainListModel::ChainIdColumn:
    case ChainListModel::HeadColumn:
    case ChainListModel::CheckpointColumn:
    case ChainListModel::LagBlocksColumn:
    case ChainListModel::LagSecondsColumn:
    case ChainListModel::RateColumn:
        return true;
    default:
        return false;
    }
}

// The figures the table shows; a status that differs only elsewhere changes no cell.
bool sameFigures(const ChainStatus &a, const ChainStatus &b)
{
    return a.phase == b.phase && a.head == b.head && a.headUnknown == b.headUnknown && (!a.headUnknown || a.headSeenAtMs == b.headSeenAtMs) && a.indexed == b.indexed && a.indexedTime == b.indexedTime
        && qFuzzyCompare(1.0 + a.blocksPerSecond, 1.0 + b.blocksPerSecond) && a.message == b.message
        && a.endpoints == b.endpoints;
}

StatusTone endpointTone(const QList<EndpointRecord> &endpoints)
{
    if (endpoints.isEmpty())
        return StatusTone::Bad;
    // Rate limited is working: the provider's quota, which Arbor keeps to, not a failure.
    int working = 0;
    int down = 0;
    for (const EndpointRecord &e : endpoints) {
        working += endpointWorking(e.status);
        down += e.status == EndpointStatus::Unreachable;
    }
    if (working == endpoints.size())
        return StatusTone::Good;
    if (down == endpoints.size())
        return StatusTone::Bad;
    return StatusTone::Warning;
}

QUrl firstRpcUrl(const ChainRecord &chain)
{
    if (!chain.config.rpcUrls.isEmpty())
        return chain.config.rpcUrls.first();
    return chain.endpoints.isEmpty() ? QUrl() : chain.endpoints.first().url;
}

/// When an endpoint last answered for the head: the time today, else date and time.
QString headSeenText(const ChainStatus &status)
{
    const QDateTime seen = QDateTime::fromMSecsSinceEpoch(status.headSeenAtMs);
    const QLocale locale;
    return seen.date() == QDate::currentDate() ? locale.toString(seen.time(), QLocale::ShortFormat) : locale.toString(seen, QLocale::ShortFormat);
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
    const int row = index.row();
    const ChainRecord &chain = m_chains.at(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row);
    case Qt::DecorationRole:
        if (index.column() == EndpointsColumn)
            return toneDot(chain.state == ChainState::Paused ? StatusTone::Idle : endpointTone(endpointsOf(row)));
        return {};
    case BadgeColorRole:
        if (index.column() == StatusColumn) {
            if (chain.state == ChainState::Active && m_stalled.contains(chain.config.chainId) && statusAt(row))
                return toneColor(StatusTone::Bad);
            return toneColor(statusTone(chain.state, statusAt(row)));
        }
        return {};
    case Qt::TextAlignmentRole:
        if (isChainColumnNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        return sortData(row, index.column());
    case ChainIdRole:
        return chain.config.chainId;
    case StateRole:
        return int(chain.state);
    case FilterRole: {
        QStringList words{chain.config.name, QString::number(chain.config.chainId),
                          statusText(chain.state, statusAt(row), m_stalled.contains(chain.config.chainId))};
        for (const QUrl &url : chain.config.rpcUrls)
            words.append(urlsecrets::displayText(url));
        for (const EndpointRecord &e : chain.endpoints)
            words.append(urlsecrets::displayText(e.url));
        return words.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant ChainListModel::displayData(int row, int column) const
{
    const ChainRecord &chain = m_chains.at(row);
    const ChainStatus *status = statusAt(row);
    const QString none = QStringLiteral("—");
    const QLocale locale;
    switch (column) {
    case NameColumn:
        return chain.config.name;
    case ChainIdColumn:
        return QString::number(chain.config.chainId);
    case StatusColumn:
        return statusText(chain.state, status, m_stalled.contains(chain.config.chainId));
    case HeadColumn:
        if (status && status->headUnknown)
            return headUnknownValue(*status);
        return status && status->head ? locale.toString(*status->head) : none;
    case CheckpointColumn: {
        const std::optional<qint64> indexed = status && status->indexed ? status->indexed : chain.checkpointBlock;
        return indexed ? locale.toString(*indexed) : none;
    }
    case LagBlocksColumn:
        return status && status->lag() ? locale.toString(*status->lag()) : none;
    case LagSecondsColumn: {
        const std::optional<qint64> lag = status ? status->lagSeconds(m_nowSecs) : std::nullopt;
        return lag ? durationText(*lag) : none;
    }
    case RateColumn:
        return status && status->indexed && chain.state == ChainState::Active ? locale.toString(status->blocksPerSecond, 'f', 1) : none;
    case EndpointsColumn:
        return endpointSummary(endpointsOf(row));
    case RpcUrlColumn:
        return urlsecrets::displayText(firstRpcUrl(chain));
    case EngineColumn:
        if (chain.indexedBy.isEmpty())
            return chain.state == ChainState::Active && !m_localEngine.isEmpty() ? tr("none yet") : QString();
        return chain.indexedBy == m_localEngine ? tr("this console") : chain.indexedBy;
    default:
        return {};
    }
}

QVariant ChainListModel::sortData(int row, int column) const
{
    const ChainRecord &chain = m_chains.at(row);
    const ChainStatus *status = statusAt(row);
    switch (column) {
    case ChainIdColumn:
        return chain.config.chainId;
    case StatusColumn:
        return int(statusTone(chain.state, status));
    case HeadColumn:
        return status && status->head ? *status->head : qint64(-1);
    case CheckpointColumn:
        return status && status->indexed ? *status->indexed : chain.checkpointBlock.value_or(-1);
    case LagBlocksColumn:
        return status && status->lag() ? *status->lag() : qint64(-1);
    case LagSecondsColumn:
        return status ? status->lagSeconds(m_nowSecs).value_or(-1) : qint64(-1);
    case RateColumn:
        return status ? status->blocksPerSecond : -1.0;
    case EndpointsColumn:
        return int(endpointTone(endpointsOf(row)));
    default:
        return displayData(row, column).toString().toCaseFolded();
    }
}

QString ChainListModel::toolTip(int row) const
{
    const ChainRecord &chain = m_chains.at(row);
    const ChainStatus *status = statusAt(row);
    QString html = QLatin1String("<p><b>") + chain.config.name.toHtmlEscaped() + QStringLiteral("</b> — ")
        + tr("chain %1").arg(chain.config.chainId) + QLatin1String(", ") + statusText(chain.state, status).toHtmlEscaped()
        + QLatin1String("</p>");
    if (status && !status->message.isEmpty())
        html += QLatin1String("<p>") + status->message.toHtmlEscaped() + QLatin1String("</p>");
    if (!chain.indexedBy.isEmpty() && chain.indexedBy != m_localEngine)
        html += QLatin1String("<p>") + tr("Indexed by the engine “%1”.").arg(chain.indexedBy).toHtmlEscaped() + QLatin1String("</p>");
    const QList<EndpointRecord> &endpoints = endpointsOf(row);
    if (endpoints.isEmpty())
        return html + QLatin1String("<p>") + tr("No RPC endpoint is registered.") + QLatin1String("</p>");

    html += QLatin1String("<table cellspacing='0' cellpadding='2'>");
    for (const EndpointRecord &e : endpoints) {
        QStringList facts{endpointStatusText(e.status)};
        if (e.latencyMs)
            facts.append(tr("%1 ms").arg(qRound(*e.latencyMs)));
        if (e.lastHead)
            facts.append(tr("head %1").arg(*e.lastHead));
        html += QLatin1String("<tr><td>") + urlsecrets::displayText(e.url).toHtmlEscaped() + QLatin1String("</td><td>")
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
        // Over its centred badge, and apart from the right-aligned Chain ID before it.
        if (section == StatusColumn)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return QVariant::fromValue((isChainColumnNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (section) {
        case HeadColumn:
            return tr("The highest block an RPC endpoint reports");
        case CheckpointColumn:
            return tr("Every block up to this one is indexed");
        case LagBlocksColumn:
            return tr("Blocks between the indexed height and the head");
        case LagSecondsColumn:
            return tr("How old the last indexed block is, while the chain is behind its head");
        case RateColumn:
            return tr("Blocks indexed per second, over the last ten seconds");
        case EngineColumn:
            return tr("The engine holding the chain's lease: each chain is indexed by one engine at a time");
        default:
            return {};
        }
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
    case HeadColumn:
        return tr("Head");
    case CheckpointColumn:
        return tr("Indexed");
    case LagBlocksColumn:
        return tr("Lag");
    case LagSecondsColumn:
        return tr("Lag (time)");
    case RateColumn:
        return tr("Blocks/s");
    case EndpointsColumn:
        return tr("RPC health");
    case RpcUrlColumn:
        return tr("RPC URL");
    case EngineColumn:
        return tr("Engine");
    default:
        return {};
    }
}

void ChainListModel::updateStatuses(const QList<ChainStatus> &statuses, qint64 nowSecs)
{
    QHash<qint64, ChainStatus> fresh;
    fresh.reserve(statuses.size());
    for (const ChainStatus &s : statuses)
        fresh.insert(s.chainId, s);
    const qint64 before = m_nowSecs;
    m_nowSecs = nowSecs;
    for (int row = 0; row < m_chains.size(); ++row) {
        const qint64 id = m_chains[row].config.chainId;
        const auto old = m_statuses.constFind(id);
        const auto now = fresh.constFind(id);
        const bool hadStatus = old != m_statuses.cend();
        const bool hasStatus = now != fresh.cend();
        // A chain being deleted shows no figures; a paused one its last recorded ones.
        const bool shown = m_chains[row].state != ChainState::Deleting;
        bool changed = shown && hadStatus != hasStatus;
        if (shown && !changed && hasStatus) {
            changed = !sameFigures(*old, *now)
                || (before != nowSecs && old->lagSeconds(before) != now->lagSeconds(nowSecs));
        }
        if (hasStatus)
            m_statuses.insert(id, *now);
        else
            m_statuses.remove(id);
        if (!changed)
            continue;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    // Figures of chains not (yet) in the list are kept for when they arrive.
    for (const ChainStatus &s : statuses) {
        if (rowOf(s.chainId) < 0)
            m_statuses.insert(s.chainId, s);
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

void ChainListModel::setStalled(const QSet<qint64> &chainIds)
{
    if (chainIds == m_stalled)
        return;
    const QSet<qint64> changed = (chainIds - m_stalled) + (m_stalled - chainIds);
    m_stalled = chainIds;
    for (qint64 id : changed) {
        const int row = rowOf(id);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, StatusColumn), index(row, StatusColumn));
    }
}

const ChainStatus *ChainListModel::statusAt(int row) const
{
    if (row < 0 || row >= m_chains.size() || m_chains[row].state == ChainState::Deleting)
        return nullptr;
    const auto it = m_statuses.constFind(m_chains[row].config.chainId);
    return it == m_statuses.cend() ? nullptr : &*it;
}

const QList<EndpointRecord> &ChainListModel::endpointsOf(int row) const
{
    const ChainStatus *status = statusAt(row);
    // The indexer's measurements are newer than the stored rows.
    return status && !status->endpoints.isEmpty() ? status->endpoints : m_chains[row].endpoints;
}

void ChainListModel::setLocalEngine(const QString &name)
{
    if (name == m_localEngine)
        return;
    m_localEngine = name;
    if (!m_chains.isEmpty())
        Q_EMIT dataChanged(index(0, EngineColumn), index(int(m_chains.size()) - 1, EngineColumn));
}

bool ChainListModel::indexedElsewhere() const
{
    return std::any_of(m_chains.cbegin(), m_chains.cend(), [this](const ChainRecord &c) { return !c.indexedBy.isEmpty() && c.indexedBy != m_localEngine; });
}

int ChainListModel::rowOf(qint64 chainId) const
{
    for (int row = 0; row < m_chains.size(); ++row) {
        if (m_chains[row].config.chainId == chainId)
            return row;
    }
    return -1;
}

ChainListModel::Counts ChainListModel::counts() const
{
    Counts counts;
    for (int row = 0; row < m_chains.size(); ++row) {
        const ChainRecord &chain = m_chains[row];
        if (chain.state == ChainState::Paused) {
            ++counts.paused;
            continue;
        }
        const ChainStatus *status = statusAt(row);
        if (chain.state != ChainState::Active || !status)
            continue;
        if (status->phase == IndexPhase::RpcDown)
            ++counts.down;
        else if (status->phase == IndexPhase::Stalled
                 || (m_stalled.contains(chain.config.chainId) && (status->phase == IndexPhase::CatchingUp || status->phase == IndexPhase::Live)))
            ++counts.stalled;   // as statusText() says "stalled"
    }
    return counts;
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

QString ChainListModel::statusText(ChainState state, const ChainStatus *status, bool stalled)
{
    if (state != ChainState::Active || !status)
        return stateText(state);
    if (stalled && (status->phase == IndexPhase::CatchingUp || status->phase == IndexPhase::Live))
        return tr("stalled");
    switch (status->phase) {
    case IndexPhase::Starting:
        return tr("starting");
    case IndexPhase::CatchingUp:
        return tr("indexing");
    case IndexPhase::Live:
        return tr("live");
    case IndexPhase::RpcDown:
        return tr("rpc down");
    case IndexPhase::Stalled:
        return tr("stalled");
    case IndexPhase::Stopped:
        return tr("stopped");
    }
    return stateText(state);
}

QStringList ChainListModel::statusTexts()
{
    QStringList texts{stateText(ChainState::Paused), stateText(ChainState::Deleting), tr("stalled")};
    for (const IndexPhase phase : {IndexPhase::Starting, IndexPhase::CatchingUp, IndexPhase::Live, IndexPhase::RpcDown, IndexPhase::Stalled,
                                   IndexPhase::Stopped}) {
        ChainStatus status;
        status.phase = phase;
        texts.append(statusText(ChainState::Active, &status));
    }
    return texts;
}

QString ChainListModel::headUnknownText(const ChainStatus &status)
{
    return status.headSeenAtMs > 0 ? tr("head unknown since %1").arg(headSeenText(status)) : tr("head unknown");
}

QString ChainListModel::headUnknownValue(const ChainStatus &status)
{
    return status.headSeenAtMs > 0 ? tr("unknown since %1").arg(headSeenText(status)) : tr("unknown");
}

QString ChainListModel::durationText(qint64 seconds)
{
    if (seconds < 120)
        return tr("%1 s").arg(seconds);
    if (seconds < 7200)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 3 * 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
    return tr("%1 days").arg(seconds / 86400);
}

QString ChainListModel::endpointSummary(const QList<EndpointRecord> &endpoints)
{
    if (endpoints.isEmpty())
        return tr("none");
    // Fixed order so the text does not jump around between refreshes.
    const QList<EndpointStatus> order{EndpointStatus::Ok, EndpointStatus::RateLimited, EndpointStatus::AnsweringWithErrors,
                                      EndpointStatus::Unreachable, EndpointStatus::Unknown};
    QStringList parts;
    for (const EndpointStatus status : order) {
        const auto n = std::count_if(endpoints.begin(), endpoints.end(), [status](const EndpointRecord &e) { return e.status == status; });
        if (n > 0)
            parts.append(tr("%1 %2", "count, endpoint status").arg(n).arg(endpointStatusText(status)));
    }
    return tr("%1 (%2)", "endpoint count, health summary").arg(endpoints.size()).arg(parts.join(QLatin1String(", ")));
}

} // namespace arbor::ui

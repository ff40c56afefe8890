#include "models/endpointmodel.h"
#include "timetext.h"
#include "widgets/statustone.h"

#include "model/urlsecrets.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace arbor::ui {
namespace {

// "10" for a whole rate, "8.4" otherwise.
QString rateNumber(double perSecond)
{
    const QLocale locale;
    const double whole = std::round(perSecond);
    return std::abs(perSecond - whole) < 0.05 ? locale.toString(qint64(whole)) : locale.toString(perSecond, 'f', 1);
}

} // namespace

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

QString EndpointModel::statusText(EndpointStatus status)
{
    return endpointStatusText(status);
}

QColor EndpointModel::statusColor(EndpointStatus status)
{
    switch (status) {
    case EndpointStatus::Ok:
        return toneColor(StatusTone::Good);
    case EndpointStatus::RateLimited:
        return toneColor(StatusTone::Calm);   // the endpoint works, Arbor only sends more slowly
    case EndpointStatus::AnsweringWithErrors:
        return toneColor(StatusTone::Warning);
    case EndpointStatus::Unreachable:
        return toneColor(StatusTone::Bad);
    case EndpointStatus::Unknown:
        break;
    }
    return toneColor(StatusTone::Idle);
}

QString EndpointModel::rateText(const EndpointRecord &endpoint)
{
    if (endpoint.maxRequestsPerSecond > 0)
        return tr("%1/s set", "calls per second, the operator's limit").arg(rateNumber(endpoint.maxRequestsPerSecond));
    if (endpoint.limits.learnedRate > 0)
        return tr("%1/s learned", "calls per second, learned from the provider").arg(rateNumber(endpoint.limits.learnedRate));
    return tr("–");
}

QString EndpointModel::batchText(const EndpointLimits &limits)
{
    return limits.maxBatch > 0 ? tr("%Ln call(s)", "JSON-RPC calls per batch", limits.maxBatch) : tr("–");
}

QString EndpointModel::logsText(const EndpointLimits &limits)
{
    QStringList parts;
    if (limits.logRangeLimit > 0)
        parts.append(tr("%Ln block(s)", "blocks per eth_getLogs query", int(std::min<qint64>(limits.logRangeLimit, std::numeric_limits<int>::max()))));
    if (limits.logResultLimit > 0)
        parts.append(tr("%Ln log(s)", "logs per eth_getLogs answer", int(std::min<qint64>(limits.logResultLimit, std::numeric_limits<int>::max()))));
    return parts.isEmpty() ? tr("–") : parts.join(QLatin1String(", "));
}

QString EndpointModel::callsToolTip(const EndpointRecord &e)
{
    if (e.calls.isEmpty())
        return tr("No JSON-RPC call recorded yet.");
    const QLocale locale;
    QStringList lines{tr("JSON-RPC calls by method, as providers bill them (every call of a batch, every retry):")};
    for (auto it = e.calls.byMethod.cbegin(); it != e.calls.byMethod.cend(); ++it) {
        lines.append(it->failed > 0 ? tr("%1: %2, %3 failed", "method: calls, failed calls").arg(it.key(), locale.toString(it->calls), locale.toString(it->failed))
                                    : tr("%1: %2", "method: calls").arg(it.key(), locale.toString(it->calls)));
    }
    return lines.join(u'\n');
}

QString EndpointModel::computeUnitsToolTip(const EndpointRecord &e)
{
    if (e.prices.isEmpty())
        return tr("No price per call set. Set one with “arborctl chain set-rpc-price --chain ID --endpoint URL --method NAME --units N”.");
    const QLocale locale;
    QStringList lines{tr("Calls × the price per call you set, by method; methods without a price are not counted:")};
    for (auto it = e.prices.unitsPerCall.cbegin(); it != e.prices.unitsPerCall.cend(); ++it) {
        const qint64 calls = e.calls.byMethod.value(it.key()).calls;
        lines.append(tr("%1: %2 × %3 = %4", "method: calls × price = compute units")
                         .arg(it.key(), locale.toString(calls), locale.toString(*it), locale.toString(calls * *it)));
    }
    return lines.join(u'\n');
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
        return endpointStatusToken(e.status);
    if (role == ServesHistoryRole)
        return e.servesHistory ? QVariant(*e.servesHistory) : QVariant();
    if (role == BadgeColorRole)
        return index.column() == StatusColumn ? QVariant(statusColor(e.status)) : QVariant();
    if (role == Qt::TextAlignmentRole) {
        if (index.column() == UrlColumn || index.column() == StatusColumn || index.column() == HistoryColumn
            || index.column() == LogsColumn || index.column() == LastErrorColumn)
            return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::ToolTipRole)
        return toolTip(e, Column(index.column()));
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case UrlColumn:
        return urlsecrets::displayText(e.url);
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
    case RateColumn:
        return rateText(e);
    case BatchColumn:
        return batchText(e.limits);
    case LogsColumn:
        return logsText(e.limits);
    case CallsColumn:
        return e.calls.isEmpty() ? tr("–") : locale.toString(e.calls.total());
    case ComputeUnitsColumn:
        if (const auto units = e.prices.units(e.calls))
            return locale.toString(*units);
        return tr("–");
    case LastErrorColumn:
        return e.lastError;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant EndpointModel::toolTip(const EndpointRecord &e, Column column)
{
    switch (column) {
    case StatusColumn:
        switch (e.status) {
        case EndpointStatus::RateLimited:
            return tr("The provider answered \"too many requests\" lately; Arbor sends more slowly and retries, nothing is lost.");
        case EndpointStatus::AnsweringWithErrors:
            return tr("The node answers, but with errors (see the last error); Arbor retries and prefers other endpoints.");
        case EndpointStatus::Unreachable:
            return tr("No answer from the node (refused, reset, timed out or a gateway error); Arbor probes it every few seconds and "
                      "uses it again as soon as it answers. Probe now asks at once.");
        default:
            return {};
        }
    case RateColumn:
        if (e.maxRequestsPerSecond > 0)
            return tr("The rate you set for this endpoint; Arbor sends no faster.");
        if (e.limits.learnedRate > 0)
            return tr("Learned from the provider's \"too many requests\" answers; Arbor sends no faster.");
        return tr("No rate set or learned: Arbor sends as fast as the endpoint answers.");
    case BatchColumn:
        if (e.limits.maxBatch > 0)
            return tr("The largest JSON-RPC batch the provider accepts, learned from its refusals; Arbor splits larger ones.");
        return tr("No batch refused so far: Arbor sends batches of its usual size.");
    case LogsColumn:
        if (e.limits.logRangeLimit > 0 || e.limits.logResultLimit > 0)
            return tr("The eth_getLogs limits the provider stated when it refused a query; Arbor asks for smaller block ranges.");
        return tr("No eth_getLogs limit seen: Arbor asks for its usual block ranges.");
    case LastErrorColumn:
        if (!e.lastError.isEmpty()) {
            return e.lastErrorAt.isValid()
                ? tr("%1\n(at %2)").arg(e.lastError, timestampText(e.lastErrorAt))
                : e.lastError;
        }
        return {};
    case HistoryColumn:
        return historyToolTip(e.servesHistory, e.historyNote);
    case CallsColumn:
        return callsToolTip(e);
    case ComputeUnitsColumn:
        return computeUnitsToolTip(e);
    default:
        return {};
    }
}

QVariant EndpointModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case RateColumn:
            return tr("Calls per second Arbor sends at most: the rate you set, or the one learned from the provider's refusals");
        case BatchColumn:
            return tr("The largest JSON-RPC batch the provider accepts, when it refused a larger one");
        case LogsColumn:
            return tr("The most blocks per eth_getLogs query and logs per answer the provider accepts");
        case CallsColumn:
            return tr("JSON-RPC calls sent to the endpoint, as providers bill them: every call of a batch and every retry");
        case ComputeUnitsColumn:
            return tr("Calls × the price per call you set for each method (compute units, credits)");
        default:
            return {};
        }
    }
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
    case RateColumn:
        return tr("Rate");
    case BatchColumn:
        return tr("Batch");
    case LogsColumn:
        return tr("Logs");
    case CallsColumn:
        return tr("Calls");
    case ComputeUnitsColumn:
        return tr("Compute units");
    case LastErrorColumn:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

#pragma once

#include "model/chainconfig.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QList>

#include <optional>

namespace arbor::ui {

/**
 * The RPC endpoints of one chain as a table: URL, status, latency, error rate, requests and
 * failures, last head, whether the node serves historical state (its note as the tooltip), the
 * limits it runs under (the operator's or the learned rate, the batch size and the eth_getLogs
 * caps a hosted provider was found to accept), the bill (JSON-RPC calls as providers count them,
 * by method in the tooltip, and compute units where the operator set a price per call) and the
 * last error.
 *
 * Statuses in the one vocabulary (model/endpointstatus.h). "rate limited" is a working endpoint
 * that Arbor slows down for, not a failure: its badge is blue, never the red of "unreachable".
 *
 * Fed with ChainStatus::endpoints (live) or ChainRecord::endpoints (as last recorded).
 * update() diffs by URL: endpoints that appeared are inserted, those that went away removed,
 * and the rows whose figures changed are announced with ONE dataChanged spanning them; the
 * model is never reset on a tick, so selection and scroll position survive.
 *
 * Thread: the GUI thread.
 */
class EndpointModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        UrlColumn,
        StatusColumn,
        LatencyColumn,
        ErrorRateColumn,
        RequestsColumn,
        FailuresColumn,
        LastHeadColumn,
        HistoryColumn,          ///< "Archive (full history)", "Recent state only", "Unknown"
        RateColumn,             ///< "10/s set", "8.4/s learned" or "–"
        BatchColumn,            ///< "50 calls" or "–"
        LogsColumn,             ///< eth_getLogs caps: "500 blocks, 10,000 logs" or "–"
        CallsColumn,            ///< JSON-RPC calls recorded, every process's; by method in the tooltip
        ComputeUnitsColumn,     ///< calls × the operator's price per call, or "–" without one
        LastErrorColumn,
        ColumnCount
    };
    enum Role {
        UrlRole = Qt::UserRole,
        StatusRole,             ///< the status's machine token (endpointStatusToken)
        ServesHistoryRole,      ///< bool, or an invalid QVariant while not known
        BadgeColorRole,         ///< QColor of the status badge, on StatusColumn
    };

    explicit EndpointModel(QObject *parent = nullptr);

    void update(const QList<arbor::EndpointRecord> &endpoints);
    void clear() { update({}); }

    const QList<arbor::EndpointRecord> &endpoints() const { return m_rows; }
    /// The row of `url`, or -1.
    int rowOf(const QUrl &url) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// The endpoint status as an operator reads it: endpointStatusText().
    static QString statusText(arbor::EndpointStatus status);
    /// Green for ok, blue for rate limited, amber for answering with errors, red for
    /// unreachable, grey for unknown.
    static QColor statusColor(arbor::EndpointStatus status);
    /// The rate Arbor sends at: "10/s set" (the operator's), "8.4/s learned" or "–".
    static QString rateText(const arbor::EndpointRecord &endpoint);
    /// The largest batch the endpoint accepts: "50 calls" or "–".
    static QString batchText(const arbor::EndpointLimits &limits);
    /// The eth_getLogs caps: "500 blocks, 10,000 logs", one of them, or "–".
    static QString logsText(const arbor::EndpointLimits &limits);
    /// The calls by method, one line each: "eth_getLogs: 17, 2 failed".
    static QString callsToolTip(const arbor::EndpointRecord &endpoint);
    /// Calls × price per priced method, or how to set a price.
    static QString computeUnitsToolTip(const arbor::EndpointRecord &endpoint);
    /// Whether a node serves historical state, as an operator reads it (also the probe page's).
    static QString historyText(std::optional<bool> servesHistory);
    /// What that means for balances, and `note` (what the detection saw) when there is one.
    static QString historyToolTip(std::optional<bool> servesHistory, const QString &note);

private:
    /// One sentence on what the cell means for this endpoint, or an invalid QVariant.
    static QVariant toolTip(const arbor::EndpointRecord &endpoint, Column column);

    QList<arbor::EndpointRecord> m_rows;
};

} // namespace arbor::ui

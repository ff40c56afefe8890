#pragma once

#include "model/chainconfig.h"

#include <QAbstractTableModel>
#include <QList>

#include <optional>

namespace arbor::ui {

/**
 * The RPC endpoints of one chain as a table: URL, status, latency, error rate, requests and
 * failures, last head, whether the node serves historical state (its note as the tooltip) and
 * the last error.
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
        LastErrorColumn,
        ColumnCount
    };
    enum Role {
        UrlRole = Qt::UserRole,
        StatusRole,
        ServesHistoryRole,      ///< bool, or an invalid QVariant while not known
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

    /// The endpoint status as an operator reads it ("ok" → "OK").
    static QString statusText(const QString &status);
    /// Whether a node serves historical state, as an operator reads it (also the probe page's).
    static QString historyText(std::optional<bool> servesHistory);
    /// What that means for balances, and `note` (what the detection saw) when there is one.
    static QString historyToolTip(std::optional<bool> servesHistory, const QString &note);

private:
    QList<arbor::EndpointRecord> m_rows;
};

} // namespace arbor::ui

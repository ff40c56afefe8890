#pragma once

#include "model/chainconfig.h"

#include <QAbstractTableModel>
#include <QList>

namespace arbor::ui {

/**
 * The RPC endpoints of one chain as a table: URL, status, latency, error rate, requests and
 * failures, last head and last error.
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
        LastErrorColumn,
        ColumnCount
    };
    enum Role { UrlRole = Qt::UserRole, StatusRole };

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

private:
    QList<arbor::EndpointRecord> m_rows;
};

} // namespace arbor::ui

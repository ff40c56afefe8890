#pragma once

#include "model/chainstatus.h"
#include "model/chainconfig.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QSet>

namespace arbor::ui {

/**
 * The registered chains as a table: one row per chain, in the order the engine first reported
 * them (views sort through a proxy), with each chain's live indexing figures.
 *
 * Fed with the immutable snapshots ChainService::chainsChanged (the registered chains) and
 * IndexingService::chainStatusChanged (head, checkpoint, rate, measured endpoint health) carry. update()
 * diffs a snapshot against the rows it holds, keyed by chain id: added chains are inserted,
 * removed chains removed, and each chain whose record changed gets one dataChanged spanning its
 * row. updateStatuses() emits one dataChanged per row whose figures changed. The model is never
 * reset, so selections and scroll positions survive every refresh.
 *
 * A paused chain keeps showing the figures it is given (its head and checkpoint as last
 * recorded, see ChainService::recordedStatuses), with "paused" as its status.
 *
 * Thread: the GUI thread.
 */
class ChainListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        ChainIdColumn,
        StatusColumn,
        HeadColumn,
        CheckpointColumn,       ///< indexed height
        LagBlocksColumn,
        LagSecondsColumn,
        RateColumn,             ///< blocks per second
        EndpointsColumn,        ///< RPC health
        RpcUrlColumn,
        EngineColumn,           ///< on a database several engines share: the one indexing the chain
        ColumnCount
    };

    enum Role {
        ChainIdRole = Qt::UserRole,   ///< qint64 chain id, on every column
        SortRole,                     ///< numbers for numeric columns, text otherwise
        StateRole,                    ///< arbor::ChainState as int
        BadgeColorRole,               ///< QColor of the status and RPC health badges
        FilterRole,                   ///< what the filter box matches: name, chain id, status, every RPC URL
    };

    /// How many chains need a look, as the Status column says it.
    struct Counts
    {
        int down = 0;      ///< "rpc down": every endpoint failed
        int stalled = 0;   ///< "stalled": no progress while behind, or an error
        int paused = 0;
    };

    explicit ChainListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Brings the rows in line with `chains` (a complete snapshot) with the fewest signals.
    void update(const QList<arbor::ChainRecord> &chains);
    /// Takes the indexers' latest figures (a complete snapshot: chains missing from it are not
    /// indexed here). `nowSecs` dates the lag in seconds.
    void updateStatuses(const QList<arbor::ChainStatus> &statuses, qint64 nowSecs);
    /// Chains the AlertMonitor found making no progress while behind: shown as stalled even
    /// though their indexer still says it is indexing.
    void setStalled(const QSet<qint64> &chainIds);

    /// This console's own name among the engines on a shared database: the Engine column says
    /// "this console" for its chains.
    void setLocalEngine(const QString &name);
    /// Whether a chain is indexed by another engine than this console (the Engine column is
    /// worth showing).
    bool indexedElsewhere() const;

    /// The chain shown in `row`, or nullptr when the row does not exist.
    const arbor::ChainRecord *chainAt(int row) const;
    /// The indexing figures of the chain in `row`, when it is indexed here.
    const arbor::ChainStatus *statusAt(int row) const;
    /// The row of the chain with this id, or -1.
    int rowOf(qint64 chainId) const;
    /// Chains down, stalled and paused now.
    Counts counts() const;

    /// "active", "paused", "deleting" in the operator's language.
    static QString stateText(arbor::ChainState state);
    /// What the Status column says: "paused" and "deleting" from the chain's state, otherwise
    /// what its indexer is doing ("indexing", "live", "stalled", "rpc down", …).
    static QString statusText(arbor::ChainState state, const arbor::ChainStatus *status, bool stalled = false);
    /// Every text statusText() can return, for sizing the status column.
    static QStringList statusTexts();
    /// "12 s", "4 min", "3 h 5 min".
    static QString durationText(qint64 seconds);
    /// "head unknown since 19:47" (the time of the last head an endpoint answered, in the
    /// locale's short time format; with the date when not today), or "head unknown".
    static QString headUnknownText(const arbor::ChainStatus &status);
    /// The same where the head is the field's name already (the head column, "Head:"):
    /// "unknown since 19:47", or "unknown".
    static QString headUnknownValue(const arbor::ChainStatus &status);
    /// "2 (1 ok, 1 down)": how many endpoints and how they are doing.
    static QString endpointSummary(const QList<arbor::EndpointRecord> &endpoints);

private:
    QVariant displayData(int row, int column) const;
    QVariant sortData(int row, int column) const;
    QString toolTip(int row) const;
    const QList<arbor::EndpointRecord> &endpointsOf(int row) const;

    QList<arbor::ChainRecord> m_chains;
    QHash<qint64, arbor::ChainStatus> m_statuses;
    QSet<qint64> m_stalled;
    qint64 m_nowSecs = 0;
    QString m_localEngine;
};

} // namespace arbor::ui

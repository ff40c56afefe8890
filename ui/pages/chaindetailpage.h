#pragma once

#include "model/chainstatus.h"
#include "model/chainconfig.h"
#include "store/indexbatch.h"

#include <QList>
#include <QTimer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;

namespace arbor {
class ChainService;
class IndexingService;
class StatsService;
}

namespace arbor::ui {

class ChainChartPanel;
class EndpointModel;
class EndpointsPanel;
class IndexProgressPanel;
class NetworkStatsPanel;
class RefreshThrottle;
class ReindexRequestModel;
class ReorgModel;
class TokenModel;

/**
 * Everything about one chain: a header (name, id, status, head, indexed, lag, blocks/s), live
 * charts of lag, rate and RPC latency, the RPC endpoints (whether each serves historical state
 * among them), the tokens with their balance mode and why, index progress with its gaps, the
 * reindex request history, the reorg log and the daily activity (NetworkStatsPanel, which reads
 * its figures itself).
 *
 * Live figures come from the Engine's signals (chainStatusChanged, chainsChanged; the tokens from
 * the chain's record in chainsChanged) and its
 * in-memory series (StatsService::chainSeries). The database-backed parts (ranges, reindex requests,
 * reorgs, the chart history) are read through Engine futures, each by a RefreshThrottle: when
 * the chain is shown and every RefreshIntervalMs (the chart history every HistoryIntervalMs)
 * while the page is visible, never two of one part at once, and a refresh asked for during a
 * read is read after it; results for a chain no longer shown are dropped. Nothing here waits on
 * the GUI thread.
 *
 * Thread: the GUI thread.
 */
class ChainDetailPage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshIntervalMs = 3000;
    static constexpr int ChartIntervalMs = 1000;   ///< the time axis slides even when no status arrives
    static constexpr int HistoryIntervalMs = 60000; ///< the chart history is read again this often while shown

    explicit ChainDetailPage(arbor::ChainService *chains, arbor::IndexingService *indexing, arbor::StatsService *stats, QWidget *parent = nullptr);

    /// Shows `chainId` (0: none) and reads its history at once (once shown, when hidden).
    void showChain(qint64 chainId);
    qint64 chainId() const { return m_chainId; }
    /// Reads ranges, reindex requests and reorgs again now, or each as soon as its read under
    /// way is back.
    void refresh();

    ChainChartPanel *charts() const { return m_charts; }
    NetworkStatsPanel *dailyStats() const { return m_daily; }
    EndpointModel *endpointModel() const;
    TokenModel *tokenModel() const { return m_tokens; }
    IndexProgressPanel *progress() const { return m_progress; }
    ReindexRequestModel *reindexModel() const { return m_reindex; }
    ReorgModel *reorgModel() const { return m_reorgs; }

    /// The indexing phase as an operator reads it.
    static QString phaseText(arbor::IndexPhase phase);

Q_SIGNALS:
    /// Edit Chain… on the page's header: the window opens the edit dialog for the chain.
    void editRequested(qint64 chainId);
    /// The operator picked another chain in the page's chain selector (the page shows it already).
    void chainChosen(qint64 chainId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onStatuses(const QList<arbor::ChainStatus> &statuses);
    void onChains(const QList<arbor::ChainRecord> &chains);
    void onChainDeleted(qint64 chainId);
    void updateHeader();
    void updateCharts();
    /// Reads the chart history of the chart's window (StatsService::chainHistory); stale answers dropped.
    bool readHistory();
    bool readRanges();
    bool readReindexRequests();
    bool readReorgs();
    void showLoadError(const arbor::Error &error);
    void updateProgress();
    /// The checkpoint: live from the indexer, else as last recorded.
    std::optional<qint64> checkpoint() const;
    QWidget *createHeader();
    /// The selector's entries follow the registry's chains; the shown chain stays selected.
    void updateChooser(const QList<arbor::ChainRecord> &chains);

    arbor::ChainService *m_chains = nullptr;
    arbor::IndexingService *m_indexing = nullptr;
    arbor::StatsService *m_stats = nullptr;
    qint64 m_chainId = 0;
    int m_generation = 0;                        ///< bumped by showChain: stale results are dropped
    std::optional<arbor::ChainRecord> m_record;
    std::optional<arbor::ChainStatus> m_status;
    QList<arbor::IndexRange> m_ranges;
    bool m_rangesKnown = false;
    std::optional<qint64> m_rangesCheckpoint;   ///< the checkpoint when m_ranges were asked for (-1: none)
    QTimer m_chartTimer;
    RefreshThrottle *m_rangesRefresh = nullptr;
    RefreshThrottle *m_reindexRefresh = nullptr;
    RefreshThrottle *m_reorgsRefresh = nullptr;
    RefreshThrottle *m_historyRefresh = nullptr;
    int m_historyRequest = 0;                    ///< bumped when the window or chain changes: older answers are dropped

    QLabel *m_name = nullptr;
    QLabel *m_id = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_head = nullptr;
    QLabel *m_indexed = nullptr;
    QLabel *m_lag = nullptr;
    QLabel *m_rate = nullptr;
    QLabel *m_blockStats = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_edit = nullptr;
    QComboBox *m_chooser = nullptr;
    ChainChartPanel *m_charts = nullptr;
    NetworkStatsPanel *m_daily = nullptr;
    EndpointsPanel *m_endpoints = nullptr;
    TokenModel *m_tokens = nullptr;
    IndexProgressPanel *m_progress = nullptr;
    ReindexRequestModel *m_reindex = nullptr;
    ReorgModel *m_reorgs = nullptr;
    QLabel *m_loadError = nullptr;
    QTabWidget *m_tabs = nullptr;
};

} // namespace arbor::ui

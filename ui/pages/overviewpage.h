#pragma once

#include "model/chainconfig.h"
#include "model/chainstatus.h"

#include <QHash>
#include <QMap>
#include <QPointF>
#include <QTimer>
#include <QWidget>

#include <optional>

class QBarCategoryAxis;
class QGridLayout;
class QScrollArea;
class QBarSet;
class QChartView;
class QLabel;
class QValueAxis;

namespace arbor {
class ChainService;
class IndexingService;
class StatsService;
}

namespace arbor::ui {

class ChainCard;
class ChainListModel;

/**
 * Every chain at a glance: tiles for the chains indexed here, down (every endpoint failing),
 * stalled and paused, the worst lag (which chain, blocks and seconds); a card per chain with
 * what its indexer is doing, its lag, its endpoints' health and its lag over the last 15
 * minutes (a click opens its details); and a bar chart of the RPC requests and failures per
 * provider (the endpoints' host, summed over chains) since the indexers started.
 *
 * Fed from the Engine's snapshots (chainStatusChanged, chainsChanged) and redrawn every
 * RefreshIntervalMs while shown (lag in seconds grows while nothing changes). Nothing here
 * touches the database.
 *
 * Thread: the GUI thread.
 */
class OverviewPage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshIntervalMs = 2000;

    /// The figures of the tiles.
    struct Summary
    {
        int chains = 0;          ///< registered
        int indexing = 0;        ///< indexed by this console
        int down = 0;            ///< every endpoint failing (RPC down)
        int stalled = 0;
        int paused = 0;
        qint64 worstChainId = 0; ///< 0: no lag known
        QString worstChainName;
        qint64 worstLagBlocks = 0;
        std::optional<qint64> worstLagSeconds;
    };
    /// Requests and failures of one provider.
    struct ProviderLoad
    {
        qint64 requests = 0;
        qint64 failures = 0;
    };

    OverviewPage(arbor::ChainService *chains, arbor::IndexingService *indexing, arbor::StatsService *stats, QWidget *parent = nullptr);

    static Summary summarize(const QList<arbor::ChainRecord> &chains, const QList<arbor::ChainStatus> &statuses, qint64 nowSecs);
    /// Requests and failures per endpoint host (the URL's host, or the URL without user info when
    /// it has none), over every chain.
    static QMap<QString, ProviderLoad> providerLoad(const QList<arbor::ChainStatus> &statuses);

    const Summary &summary() const { return m_summary; }
    /// The hosts the chart shows, top to bottom.
    QStringList chartedHosts() const;
    QChartView *providerChart() const { return m_chart; }
    /// The chains' cards, in the chain table's order.
    QList<ChainCard *> cards() const { return m_cards; }

    /// How far back a card's lag line reaches.
    static constexpr qint64 LineWindowMs = 15 * 60 * 1000;

Q_SIGNALS:
    /// The operator asked for this chain's details (clicked its card).
    void chainChosen(qint64 chainId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void refresh();
    void refreshCards(qint64 nowMs);
    /// Reads what the database recorded of the chain's last LineWindowMs, for a new card.
    void readLagHistory(qint64 chainId, qint64 nowMs);
    void placeCards();
    QLabel *addTile(QGridLayout *grid, int column, const QString &name, const QString &caption);

    arbor::ChainService *m_chains = nullptr;
    arbor::IndexingService *m_indexing = nullptr;
    arbor::StatsService *m_stats = nullptr;
    Summary m_summary;
    QTimer m_timer;
    QLabel *m_chainsLabel = nullptr;
    QLabel *m_down = nullptr;
    QLabel *m_stalled = nullptr;
    QLabel *m_paused = nullptr;
    QLabel *m_worstLag = nullptr;
    QChartView *m_chart = nullptr;
    QBarSet *m_requests = nullptr;
    QBarSet *m_failures = nullptr;
    QBarCategoryAxis *m_hosts = nullptr;
    QValueAxis *m_counts = nullptr;
    ChainListModel *m_model = nullptr;   ///< the chain table's words and colours for the cards
    QScrollArea *m_cardArea = nullptr;
    QGridLayout *m_cardGrid = nullptr;
    QList<ChainCard *> m_cards;
    /// Per card, its chain's seconds behind as recorded before this console's own series began.
    QHash<qint64, QList<QPointF>> m_lagHistory;
    int m_cardColumns = 0;
};

} // namespace arbor::ui

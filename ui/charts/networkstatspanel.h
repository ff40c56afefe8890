#pragma once

#include "store/indexstore.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <array>
#include <memory>

class QCategoryAxis;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QStackedWidget;
class QValueAxis;

namespace arbor {
class IndexingService;
class StatsService;
}

namespace arbor::ui {

class RefreshThrottle;
class SegmentedLine;

/**
 * "Daily activity" of one chain: per UTC day, its transactions, token transfers and active
 * holders (addresses that sent or received one of its tokens that day) as lines on one count
 * axis, and on request (the "Gas used" box) the gas used on an axis of its own. The last 30
 * days by default; 7 and 90 on the range picker. A day nothing of was indexed breaks the lines
 * instead of reading as zero; today's figures are marked as so far.
 *
 * Reads StatsService::networkStats (the daily aggregates kept at promotion) itself: when shown, when
 * the chain or the range changes, after the chain's promotions (IndexingService::chainPromoted) at most
 * every RefreshDelayMs, and every PeriodMs while shown (another process may be indexing it).
 * Answers for another chain or range are dropped. Hovering the chart shows the day's figures.
 * With nothing to show, a text says why instead of an empty chart.
 *
 * Thread: the GUI thread. The Engine must outlive the panel.
 */
class NetworkStatsPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Line { TransactionsLine, TransfersLine, HoldersLine, GasLine, LineCount };

    static constexpr int DefaultDays = 30;
    /// The fewest days the chart spans when its figures cover less of the range.
    static constexpr int MinSpanDays = 7;
    static constexpr int RefreshDelayMs = 5000;
    static constexpr int PeriodMs = 60000;

    explicit NetworkStatsPanel(arbor::StatsService *stats, arbor::IndexingService *indexing, QWidget *parent = nullptr);
    ~NetworkStatsPanel() override;

    /// The windows the range picker offers, in days: 7, 30, 90.
    static QList<int> dayChoices();

    /// Shows `chainId` (0: none), read as soon as the panel is shown.
    void setChain(qint64 chainId);
    qint64 chainId() const { return m_chainId; }
    /// Shows the last `days` UTC days, today included; the picker follows.
    void setDays(int days);
    int days() const { return m_days; }
    QComboBox *rangePicker() const { return m_range; }
    QCheckBox *gasCheckBox() const { return m_gas; }

    /// The days shown, as the engine returned them (oldest first).
    const QList<arbor::NetworkDay> &shownDays() const { return m_shown; }
    /// The points of `line`: x the UTC day (days since the epoch), y its value (GasLine: in the
    /// unit of its axis, see gasAxisTitle()). Empty for GasLine while gas is not shown.
    QList<QPointF> points(Line line) const;
    /// In how many pieces `line` is drawn (days without figures split it).
    int segmentCount(Line line) const;
    QString lineName(Line line) const;
    QString gasAxisTitle() const;
    /// The text shown instead of the chart (no chain, nothing indexed, an error); empty while
    /// the chart is shown.
    QString emptyText() const;
    /// The line under the chart: the window's totals.
    QString summary() const;
    /// What hovering at UTC day `day` shows; empty when that day has no figures.
    QString readOut(qint64 day) const;
    QChartView *view() const { return m_view; }

private:
    bool read();
    void plot(const QList<arbor::NetworkDay> &days);
    void showEmpty(const QString &text);
    qint64 today() const;

    arbor::StatsService *m_stats = nullptr;
    arbor::IndexingService *m_indexing = nullptr;
    qint64 m_chainId = 0;
    int m_days = DefaultDays;
    quint64 m_request = 0;                 ///< bumped by what changes the question: older answers dropped
    QList<arbor::NetworkDay> m_shown;
    double m_gasDivisor = 1;
    RefreshThrottle *m_refresh = nullptr;

    QComboBox *m_range = nullptr;
    QCheckBox *m_gas = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QChartView *m_view = nullptr;
    QCategoryAxis *m_x = nullptr;
    QValueAxis *m_counts = nullptr;
    QValueAxis *m_gasAxis = nullptr;
    std::array<std::unique_ptr<SegmentedLine>, LineCount> m_lines;
};

} // namespace arbor::ui

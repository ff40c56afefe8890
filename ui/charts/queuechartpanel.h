#pragma once

#include "model/balancequeue.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <array>
#include <memory>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QStackedWidget;
class QValueAxis;

namespace arbor::ui::charts {
class TimeAxis;
}

namespace arbor::ui {

class SegmentedLine;

/**
 * Live charts of one chain's balance queue over a rolling window (30 minutes by default):
 * pending depth, throughput, age of the oldest pending item and errors in the last hour.
 *
 * Holds the window's samples itself: seeded with recorded history (addHistory) and extended
 * with every live sample (addSample); samples older than the window fall off. Shows a hint
 * instead of charts while no chain is selected. As on the chain page: axes with titles and
 * units, no line across a time without samples (longer than GapSteps typical sampling
 * intervals, at least a minute), and value axes that a short burst does not flatten
 * (seriesmath::robustScale; the points above are drawn clipped).
 *
 * Thread: the GUI thread.
 */
class QueueChartPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Metric { PendingMetric, ThroughputMetric, OldestPendingMetric, ErrorsMetric, MetricCount };

    static constexpr qint64 DefaultWindowMs = 30 * 60 * 1000;
    static constexpr int GapSteps = 5;
    /// The shortest time the charts span when samples cover less of the window.
    static constexpr qint64 MinSpanMs = 2 * 60 * 1000;

    explicit QueueChartPanel(QWidget *parent = nullptr);
    ~QueueChartPanel() override;

    qint64 windowMs() const { return m_windowMs; }
    void setWindowMs(qint64 ms);

    /// Starts showing `chainId` with no samples yet; the previous chain's samples are dropped.
    void showChain(qint64 chainId, const QString &chainName);
    /// Shows no chain.
    void clear();
    /// The chain shown, or 0.
    qint64 chainId() const { return m_chainId; }

    /// Merges recorded samples of the shown chain with those already held, by time.
    void addHistory(const QList<arbor::QueueHealth> &samples);
    /// Adds a live sample; samples of other chains are ignored.
    void addSample(const arbor::QueueHealth &sample);

    /// The samples in the window, oldest first.
    const QList<arbor::QueueHealth> &samples() const { return m_samples; }
    /// The points plotted for `metric`: x in ms since the epoch, y in the chart's unit.
    QList<QPointF> points(Metric metric) const;
    /// In how many pieces `metric` is drawn (gaps in the samples split it).
    int segmentCount(Metric metric) const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Plot
    {
        QChartView *view = nullptr;
        std::shared_ptr<SegmentedLine> line;
        charts::TimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
    };

    Plot createPlot(Metric metric);
    static double value(const arbor::QueueHealth &sample, Metric metric);
    void trimAndPlot();
    void plot();

    qint64 m_windowMs = DefaultWindowMs;
    qint64 m_chainId = 0;
    QList<arbor::QueueHealth> m_samples;
    std::array<Plot, MetricCount> m_plots;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QStackedWidget *m_stack = nullptr;
    bool m_plotPending = false;   ///< samples arrived while hidden
};

} // namespace arbor::ui

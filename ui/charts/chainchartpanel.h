#pragma once

#include "metrics/chainmetrics.h"

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <array>
#include <memory>
#include <vector>

class QChartView;
class QComboBox;
class QScatterSeries;
class QSplitter;
class QValueAxis;

namespace arbor::ui::charts {
class TimeAxis;
}

namespace arbor::ui {

class SegmentedLine;

/**
 * Charts of one chain over a chosen window (5 minutes to 24 hours, 15 minutes by default): lag
 * (blocks and seconds), blocks per second, and RPC latency with one line per endpoint.
 *
 * Fed with two kinds of series: the live in-memory ones (setSeries, each second, from
 * StatsService::chainSeries) and the history the database kept (setHistory, from
 * StatsService::chainHistory when the chain is shown or the window changes); history fills the
 * window before the first live point. What an operator reads:
 * - The charts share a splitter and take whatever room the page gives them.
 * - No line is drawn across a time when nothing was measured (more than GapSteps sampling steps
 *   without a point, e.g. the chain paused or the console closed): the line breaks there.
 * - Value axes fit the window robustly (seriesmath::robustScale): a short burst far above the
 *   rest is drawn clipped at the top and named in the chart title ("peak … above the scale")
 *   instead of flattening everything else. An axis changes only when the points leave it or
 *   shrink well below it, so it does not jump on every tick.
 * - A long window is drawn with at most MaxPointsPerLine points per line (averages per bucket).
 * - Hovering a chart shows the time and each line's value there (readOut()).
 * - Each chart exports as a PNG image (its view as shown) and its data as CSV: one row per
 *   moment, time in ISO-8601 UTC, then one column per line.
 *
 * Thread: the GUI thread.
 */
class ChainChartPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Chart { LagChart, RateChart, LatencyChart, ChartCount };

    static constexpr qint64 DefaultWindowMs = 15 * 60 * 1000;
    static constexpr int MaxPointsPerLine = 720;
    static constexpr int GapSteps = 5;
    /// The shortest time the charts span when their data covers less of the window (fittedStart()).
    static constexpr qint64 MinSpanMs = 2 * 60 * 1000;

    explicit ChainChartPanel(QWidget *parent = nullptr);
    ~ChainChartPanel() override;

    /// The windows the range picker offers, in ms: 5 m, 15 m, 1 h, 6 h, 24 h.
    static QList<qint64> windowChoices();
    qint64 windowMs() const { return m_windowMs; }
    /// Shows the last `ms` (at least a minute); the picker follows when it offers that window.
    void setWindowMs(qint64 ms);
    QComboBox *rangePicker() const { return m_range; }

    /// Recorded history (its stepMs says how often it was sampled). Replaces earlier history.
    void setHistory(const arbor::ChainSeries &history);
    /// Plots the window ending at `nowMs` (ms since the epoch) from `live` and the history.
    void setSeries(const arbor::ChainSeries &live, qint64 nowMs);
    /// Forgets history and live points (another chain, or the chain was deleted).
    void clear();

    QChartView *view(Chart chart) const { return m_plots[chart].view; }
    QSplitter *splitter() const { return m_splitter; }
    /// The chart's title as shown (without the outlier note), e.g. for a file name.
    QString title(Chart chart) const;
    /// The names of the chart's lines (endpoint URLs for LatencyChart), in plotting order.
    QStringList lineNames(Chart chart) const;
    /// The points plotted for line `name` of `chart`: x in ms since the epoch.
    QList<QPointF> points(Chart chart, const QString &name) const;
    /// In how many pieces line `name` is drawn (gaps split it).
    int segmentCount(Chart chart, const QString &name) const;
    /// The top of the chart's left (or right, for LagChart seconds) value axis.
    double axisTop(Chart chart, bool secondary = false) const;
    /// Whether some point of the chart lies above its scale.
    bool isClipped(Chart chart) const;
    /// What hovering `chart` at `ms` shows: the time, then each line's nearest value. Empty when
    /// no line has a point near that time.
    QString readOut(Chart chart, qint64 ms) const;

    /// Writes the chart as shown to `path` as PNG. False with `error` set when it cannot.
    bool exportPng(Chart chart, const QString &path, QString *error = nullptr) const;
    /// Writes the chart's plotted points to `path` as CSV. False with `error` set when it cannot.
    bool exportCsv(Chart chart, const QString &path, QString *error = nullptr) const;
    /// The CSV text: header "time,<name>…", rows ordered by time, empty cells where a line has
    /// no point at that moment.
    static QString toCsv(const QStringList &names, const QList<QList<QPointF>> &lines);

Q_SIGNALS:
    /// The operator picked another window: history for it is wanted.
    void windowChanged(qint64 ms);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Plot
    {
        QChartView *view = nullptr;
        charts::TimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QValueAxis *y2 = nullptr;                 ///< LagChart: seconds
        std::vector<std::unique_ptr<SegmentedLine>> lines;   ///< in plotting order
        std::array<QScatterSeries *, 2> outliers{};          ///< points above y, y2: drawn at the top
        bool clipped = false;
        double peak = 0;                          ///< the highest point above the scale
    };

    void createPlot(Chart chart);
    SegmentedLine *line(Chart chart, const QString &name) const;
    void syncLatencyLines(const QStringList &urls);
    /// History before the first live point, then live; split at gaps; averaged per bucket.
    QList<QList<QPointF>> shape(const QList<QPointF> &history, const QList<QPointF> &live, qint64 from, qint64 to) const;
    void fitAxis(Chart chart, int axis, const QList<QPointF> &points);
    void updateTitle(Chart chart);
    QString unit(Chart chart, const SegmentedLine *line) const;
    void plotWindow();
    void askAndExport(Chart chart, bool image);
    void showContextMenu(Chart chart, const QPoint &pos);

    qint64 m_windowMs = DefaultWindowMs;
    qint64 m_nowMs = 0;
    arbor::ChainSeries m_history;
    arbor::ChainSeries m_live;
    std::array<Plot, ChartCount> m_plots;
    QComboBox *m_range = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace arbor::ui

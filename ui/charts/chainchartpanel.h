#pragma once

#include "metrics/chainmetrics.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <array>

class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace arbor::ui {

/**
 * Live charts of one chain over a rolling window (15 minutes by default): lag (blocks and
 * seconds), blocks per second, and RPC latency with one line per endpoint.
 *
 * Fed with Engine::chainSeries snapshots (setSeries). The time axis slides with the clock; a
 * value axis is only rescaled when the points leave it or shrink well below it, so the charts
 * do not jump on every tick. Endpoint lines come and go with the endpoints.
 *
 * Each chart exports as a PNG image (its view as shown) and its data as CSV: one row per
 * moment, time in ISO-8601 UTC, then one column per line. exportPng/exportCsv write to a path
 * and report errors; the context menu and the Export button ask for the path first.
 *
 * Thread: the GUI thread.
 */
class ChainChartPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Chart { LagChart, RateChart, LatencyChart, ChartCount };

    static constexpr qint64 DefaultWindowMs = 15 * 60 * 1000;

    explicit ChainChartPanel(QWidget *parent = nullptr);

    qint64 windowMs() const { return m_windowMs; }
    void setWindowMs(qint64 ms);

    /// Plots the window of `series` ending at `nowMs` (ms since the epoch).
    void setSeries(const arbor::ChainSeries &series, qint64 nowMs);
    void clear();

    QChartView *view(Chart chart) const { return m_plots[chart].view; }
    /// The chart's title as shown, e.g. for a file name.
    QString title(Chart chart) const;
    /// The names of the chart's lines (endpoint URLs for LatencyChart), in plotting order.
    QStringList lineNames(Chart chart) const;
    /// The points plotted for line `name` of `chart`: x in ms since the epoch.
    QList<QPointF> points(Chart chart, const QString &name) const;

    /// Writes the chart as shown to `path` as PNG. False with `error` set when it cannot.
    bool exportPng(Chart chart, const QString &path, QString *error = nullptr) const;
    /// Writes the chart's plotted points to `path` as CSV. False with `error` set when it cannot.
    bool exportCsv(Chart chart, const QString &path, QString *error = nullptr) const;
    /// The CSV text: header "time,<name>…", rows ordered by time, empty cells where a line has
    /// no point at that moment.
    static QString toCsv(const QStringList &names, const QList<QList<QPointF>> &lines);

private:
    struct Plot
    {
        QChartView *view = nullptr;
        QDateTimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QValueAxis *y2 = nullptr;                 ///< LagChart: seconds
        QList<QLineSeries *> lines;               ///< in plotting order
    };

    Plot createPlot(Chart chart);
    QLineSeries *addLine(Chart chart, const QString &name, QValueAxis *y);
    void syncLatencyLines(const QStringList &urls);
    void askAndExport(Chart chart, bool image);
    void showContextMenu(Chart chart, const QPoint &pos);
    /// Rescales `axis` to fit `top` only when it left the range or fell well below it.
    static void fitY(QValueAxis *axis, double top);

    qint64 m_windowMs = DefaultWindowMs;
    std::array<Plot, ChartCount> m_plots;
};

} // namespace arbor::ui

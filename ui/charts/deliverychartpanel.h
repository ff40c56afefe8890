#pragma once

#include "triggers/triggerrecords.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <array>

class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace arbor::ui::charts {
class TimeAxis;
}

namespace arbor::ui {

/**
 * The triggers' deliveries over the last hour, two charts side by side in a splitter: attempts
 * per minute by status (success, failed, retrying, cancelled; minutes without any drawn as
 * zero) and the p95 duration of the attempts of each minute, in milliseconds.
 *
 * Fed with TriggerService::deliveriesPerMinute(now − 1 h) by the Triggers page. While hidden it only
 * keeps the figures and draws them when shown.
 *
 * Thread: the GUI thread.
 */
class DeliveryChartPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Series { SuccessSeries, FailedSeries, RetryingSeries, CancelledSeries, LatencySeries, SeriesCount };

    static constexpr qint64 WindowMs = 60 * 60 * 1000;
    /// The shortest time the charts span when deliveries cover less of the hour.
    static constexpr qint64 MinSpanMs = 10 * 60 * 1000;

    explicit DeliveryChartPanel(QWidget *parent = nullptr);

    /// Shows `minutes` (oldest first, as the engine returns them) in the hour up to `nowMs`.
    void setMinutes(const QList<arbor::DeliveryMinute> &minutes, qint64 nowMs);
    /// The points plotted for `series`: x in ms since the epoch, y in the chart's unit.
    QList<QPointF> points(Series series) const;

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Plot
    {
        QChartView *view = nullptr;
        charts::TimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
    };

    Plot createPlot(const QString &title, const QString &yTitle, bool legend);
    QLineSeries *addSeries(Plot &plot, const QString &name, const QColor &color);
    void plot();

    QList<arbor::DeliveryMinute> m_minutes;
    qint64 m_nowMs = 0;
    Plot m_counts;
    Plot m_latency;
    std::array<QLineSeries *, SeriesCount> m_series{};
    QLabel *m_summary = nullptr;
    bool m_plotPending = true;
};

} // namespace arbor::ui

#include "charts/deliverychartpanel.h"
#include "charts/chartstyle.h"
#include "charts/timeaxis.h"

#include "models/deliverylogmodel.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QMap>
#include <QSplitter>
#include <QValueAxis>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace arbor::ui {
namespace {

using charts::MinuteMs;

/// Headroom above the highest point, ticks on round numbers, at least 0…3 for counts.
void fitY(QValueAxis *axis, double top, bool counts)
{
    double max = top <= 0 ? 1.0 : top * 1.1;
    if (counts)
        max = qMax(3.0, std::ceil(max));
    axis->setRange(0, max);
    axis->applyNiceNumbers();
    charts::setTickLabelFormat(axis);
}

} // namespace

DeliveryChartPanel::DeliveryChartPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("deliveryCharts"));

    m_counts = createPlot(tr("Deliveries per minute by status"), tr("Attempts/min"), true);
    m_series[SuccessSeries] = addSeries(m_counts, DeliveryLogModel::statusText(DeliveryStatus::Success),
                                        DeliveryLogModel::statusColor(DeliveryStatus::Success));
    m_series[FailedSeries] = addSeries(m_counts, DeliveryLogModel::statusText(DeliveryStatus::Failed),
                                       DeliveryLogModel::statusColor(DeliveryStatus::Failed));
    m_series[RetryingSeries] = addSeries(m_counts, DeliveryLogModel::statusText(DeliveryStatus::Retrying),
                                         DeliveryLogModel::statusColor(DeliveryStatus::Retrying));
    m_series[CancelledSeries] = addSeries(m_counts, DeliveryLogModel::statusText(DeliveryStatus::Cancelled),
                                          DeliveryLogModel::statusColor(DeliveryStatus::Cancelled));
    m_latency = createPlot(tr("p95 action latency"), tr("Duration (ms)"), false);
    m_series[LatencySeries] = addSeries(m_latency, tr("p95"), QColor(0x1e, 0x6f, 0xc8));
    m_series[LatencySeries]->setPointsVisible(true);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("deliveryChartsSplitter"));
    splitter->setChildrenCollapsible(false);
    m_counts.view->setObjectName(QStringLiteral("deliveryCountsChart"));
    m_latency.view->setObjectName(QStringLiteral("deliveryLatencyChart"));
    splitter->addWidget(m_counts.view);
    splitter->addWidget(m_latency.view);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("deliveryChartsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);
    setMinutes({}, QDateTime::currentMSecsSinceEpoch());
}

DeliveryChartPanel::Plot DeliveryChartPanel::createPlot(const QString &title, const QString &yTitle, bool legend)
{
    Plot plot;
    auto *chart = new QChart;
    chart->setLocalizeNumbers(true);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setVisible(legend);
    chart->legend()->setAlignment(Qt::AlignBottom);

    plot.x = new charts::TimeAxis(chart);   // its labels are times: no title
    plot.y = new QValueAxis;
    plot.y->setLabelFormat(QStringLiteral("%.0f"));
    plot.y->setTickCount(4);
    plot.y->setTitleText(yTitle);
    QFont axisTitleFont = font();   // as the other charts' axis titles: not Qt Charts' bold
    axisTitleFont.setPointSizeF(axisTitleFont.pointSizeF() * 0.9);
    plot.y->setTitleFont(axisTitleFont);
    chart->addAxis(plot.x, Qt::AlignBottom);
    chart->addAxis(plot.y, Qt::AlignLeft);

    plot.view = new QChartView(chart);
    plot.view->setRenderHint(QPainter::Antialiasing);
    plot.view->setMinimumSize(220, 160);
    plot.view->setFocusPolicy(Qt::NoFocus);
    return plot;
}

QLineSeries *DeliveryChartPanel::addSeries(Plot &plot, const QString &name, const QColor &color)
{
    auto *series = new QLineSeries;
    series->setName(name);
    plot.view->chart()->addSeries(series);   // the chart owns it
    series->setColor(color);
    series->attachAxis(plot.x);
    series->attachAxis(plot.y);
    return series;
}

void DeliveryChartPanel::setMinutes(const QList<DeliveryMinute> &minutes, qint64 nowMs)
{
    m_minutes = minutes;
    m_nowMs = nowMs;
    if (!isVisible()) {
        m_plotPending = true;
        return;
    }
    plot();
}

void DeliveryChartPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_plotPending)
        plot();
}

QList<QPointF> DeliveryChartPanel::points(Series series) const
{
    if (m_plotPending)
        const_cast<DeliveryChartPanel *>(this)->plot();
    return m_series[series]->points();
}

void DeliveryChartPanel::plot()
{
    m_plotPending = false;
    const qint64 last = m_nowMs - m_nowMs % MinuteMs;
    const qint64 windowStart = last - WindowMs + MinuteMs;
    QMap<qint64, DeliveryMinute> byMinute;
    for (const DeliveryMinute &m : std::as_const(m_minutes)) {
        if (m.minute >= windowStart && m.minute <= last)
            byMinute.insert(m.minute, m);
    }
    const qint64 first = charts::fittedStart(windowStart, last, byMinute.isEmpty() ? std::nullopt : std::optional(byMinute.firstKey()),
                                             MinSpanMs);

    // Minutes without attempts are zero, not a gap: a line that stops would read as "no data".
    std::array<QList<QPointF>, SeriesCount> points;
    double topCount = 0;
    double topLatency = 0;
    qint64 attempts = 0;
    qint64 failed = 0;
    qint64 retried = 0;
    for (qint64 minute = first; minute <= last; minute += MinuteMs) {
        const DeliveryMinute m = byMinute.value(minute);
        const double x = double(minute);
        const qint64 counts[] = {m.success, m.failed, m.retrying, m.cancelled};
        for (int s = SuccessSeries; s <= CancelledSeries; ++s) {
            points[s].append(QPointF(x, double(counts[s])));
            topCount = qMax(topCount, double(counts[s]));
        }
        attempts += m.success + m.failed + m.retrying;
        failed += m.failed;
        retried += m.retrying;
        if (m.p95Ms) {
            points[LatencySeries].append(QPointF(x, double(*m.p95Ms)));
            topLatency = qMax(topLatency, double(*m.p95Ms));
        }
    }
    for (int s = 0; s < SeriesCount; ++s)
        m_series[s]->replace(points[s]);
    m_counts.x->setTimeRange(first, last);
    // The p95 chart marks each minute with a dot, which Qt Charts clips at the plot's edges:
    // half a minute either side keeps the oldest and the newest whole.
    m_latency.x->setTimeRange(first - MinuteMs / 2, last + MinuteMs / 2);
    fitY(m_counts.y, topCount, true);
    fitY(m_latency.y, topLatency, false);

    const QLocale locale;
    m_summary->setText(attempts == 0 ? tr("No delivery attempts in the last hour.")
                                     : tr("Last hour: %n attempt(s); %1 failed for good, %2 failed and retried.", nullptr,
                                          int(qMin<qint64>(attempts, INT_MAX)))
                                           .arg(locale.toString(failed), locale.toString(retried)));
}

} // namespace arbor::ui

#include "charts/queuechartpanel.h"
#include "charts/chartstyle.h"
#include "charts/timeaxis.h"

#include "charts/segmentedline.h"
#include "metrics/seriesmath.h"
#include "models/queuehealthmodel.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace arbor::ui {
namespace {

using charts::MinuteMs;

} // namespace

QueueChartPanel::~QueueChartPanel()
{
    // The lines give their series back to the charts before the views (and charts) go.
    for (Plot &plot : m_plots)
        plot.line.reset();
}

QueueChartPanel::QueueChartPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("queueCharts"));

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("queueChartsTitle"));
    m_title->setTextFormat(Qt::PlainText);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto *grid = new QWidget;
    auto *gridLayout = new QGridLayout(grid);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(4);
    for (int metric = 0; metric < MetricCount; ++metric) {
        m_plots[metric] = createPlot(Metric(metric));
        gridLayout->addWidget(m_plots[metric].view, metric / 2, metric % 2);
    }

    m_hint = new QLabel(tr("Select a chain to see its queue over the last %1.").arg(QueueHealthModel::durationText(m_windowMs)));
    m_hint->setObjectName(QStringLiteral("queueChartsHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_hint);
    m_stack->addWidget(grid);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);
    clear();
}

QueueChartPanel::Plot QueueChartPanel::createPlot(Metric metric)
{
    Plot plot;
    auto *chart = new QChart;
    chart->setLocalizeNumbers(true);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    switch (metric) {
    case PendingMetric:
        chart->setTitle(tr("Pending items"));
        break;
    case ThroughputMetric:
        chart->setTitle(tr("Throughput (items/s)"));
        break;
    case OldestPendingMetric:
        chart->setTitle(tr("Oldest pending (min)"));
        break;
    case ErrorsMetric:
        chart->setTitle(tr("Failed attempts in the last hour"));
        break;
    case MetricCount:
        break;
    }

    // No axis titles: the chart's title names what is counted and its unit, and the plots are
    // small (a title longer than the plot's height is cut to "Failed atte…").
    plot.x = new charts::TimeAxis(chart);
    plot.y = new QValueAxis;
    plot.y->setLabelFormat(QStringLiteral("%.0f"));
    plot.y->setTickCount(4);
    chart->addAxis(plot.x, Qt::AlignBottom);
    chart->addAxis(plot.y, Qt::AlignLeft);
    const QColor color = metric == ErrorsMetric ? QueueHealthModel::statusColor(QueueStatus::Errors) : QColor(0x1f, 0x77, 0xb4);
    plot.line = std::make_shared<SegmentedLine>(chart, plot.x, plot.y, chart->title(), color);

    plot.view = new QChartView(chart);
    plot.view->setRenderHint(QPainter::Antialiasing);
    plot.view->setMinimumSize(240, 150);
    plot.view->setFocusPolicy(Qt::NoFocus);
    return plot;
}

void QueueChartPanel::setWindowMs(qint64 ms)
{
    m_windowMs = qMax<qint64>(ms, MinuteMs);
    m_hint->setText(tr("Select a chain to see its queue over the last %1.").arg(QueueHealthModel::durationText(m_windowMs)));
    trimAndPlot();
}

void QueueChartPanel::showChain(qint64 chainId, const QString &chainName)
{
    m_chainId = chainId;
    m_samples.clear();
    m_title->setText(tr("“%1”, last %2").arg(chainName, QueueHealthModel::durationText(m_windowMs)));
    m_stack->setCurrentIndex(1);
    trimAndPlot();
}

void QueueChartPanel::clear()
{
    m_chainId = 0;
    m_samples.clear();
    m_title->setText(tr("Queue over time"));
    m_stack->setCurrentIndex(0);
    trimAndPlot();
}

void QueueChartPanel::addHistory(const QList<QueueHealth> &samples)
{
    bool added = false;
    for (const QueueHealth &sample : samples) {
        if (sample.chainId != m_chainId)
            continue;
        const auto at = std::lower_bound(m_samples.begin(), m_samples.end(), sample.sampledAt,
                                         [](const QueueHealth &s, qint64 t) { return s.sampledAt < t; });
        if (at != m_samples.end() && at->sampledAt == sample.sampledAt)
            continue;   // a live sample already holds this moment
        m_samples.insert(at, sample);
        added = true;
    }
    if (added)
        trimAndPlot();
}

void QueueChartPanel::addSample(const QueueHealth &sample)
{
    if (m_chainId == 0 || sample.chainId != m_chainId)
        return;
    if (!m_samples.isEmpty() && sample.sampledAt <= m_samples.last().sampledAt) {
        addHistory({sample});
        return;
    }
    m_samples.append(sample);
    trimAndPlot();
}

void QueueChartPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_plotPending)
        plot();
}

QList<QPointF> QueueChartPanel::points(Metric metric) const
{
    if (m_plotPending)
        const_cast<QueueChartPanel *>(this)->plot();
    return m_plots[metric].line->points();
}

int QueueChartPanel::segmentCount(Metric metric) const
{
    if (m_plotPending)
        const_cast<QueueChartPanel *>(this)->plot();
    return m_plots[metric].line->segmentCount();
}

double QueueChartPanel::value(const QueueHealth &sample, Metric metric)
{
    switch (metric) {
    case PendingMetric:
        return double(sample.pending);
    case ThroughputMetric:
        return sample.throughputPerSecond();
    case OldestPendingMetric:
        return double(sample.oldestPendingAgeMs) / MinuteMs;
    case ErrorsMetric:
        return double(sample.errorsLastHour);
    case MetricCount:
        break;
    }
    return 0;
}

void QueueChartPanel::trimAndPlot()
{
    const qint64 newest = m_samples.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_samples.last().sampledAt;
    const auto keep = std::lower_bound(m_samples.begin(), m_samples.end(), newest - m_windowMs,
                                       [](const QueueHealth &s, qint64 t) { return s.sampledAt < t; });
    m_samples.erase(m_samples.begin(), keep);
    // Four charts redrawn on every sample cost the GUI thread most of a frame: while the page
    // is hidden only the samples are kept, and drawn when it is shown.
    if (!isVisible()) {
        m_plotPending = true;
        return;
    }
    plot();
}

void QueueChartPanel::plot()
{
    m_plotPending = false;
    const qint64 newest = m_samples.isEmpty() ? QDateTime::currentMSecsSinceEpoch() : m_samples.last().sampledAt;
    const qint64 oldest = newest - m_windowMs;

    // A gap is a time without samples several times longer than they usually are apart.
    QList<qint64> steps;
    for (qsizetype i = 1; i < m_samples.size(); ++i)
        steps.append(m_samples[i].sampledAt - m_samples[i - 1].sampledAt);
    std::sort(steps.begin(), steps.end());
    const qint64 typicalStep = steps.isEmpty() ? 0 : steps[steps.size() / 2];
    const qint64 maxGap = std::max<qint64>(MinuteMs, GapSteps * typicalStep);

    const qint64 start = charts::fittedStart(oldest, newest, m_samples.isEmpty() ? std::nullopt : std::optional(m_samples.first().sampledAt),
                                             std::min(m_windowMs, MinSpanMs));
    for (int metric = 0; metric < MetricCount; ++metric) {
        Plot &plot = m_plots[metric];
        QList<QPointF> points;
        points.reserve(m_samples.size());
        for (const QueueHealth &sample : std::as_const(m_samples))
            points.append(QPointF(double(sample.sampledAt), value(sample, Metric(metric))));
        plot.line->setSegments(seriesmath::splitAtGaps(points, maxGap));
        plot.x->setTimeRange(start, newest);
        // Robust to a short burst, at least 0…3 for counts, ticks on round numbers.
        const bool counts = metric == PendingMetric || metric == ErrorsMetric;
        double max = seriesmath::robustScale(points).top;
        if (counts)
            max = qMax(3.0, std::ceil(max));
        plot.y->setRange(0, max);
        plot.y->applyNiceNumbers();
        charts::setTickLabelFormat(plot.y);
    }
}

} // namespace arbor::ui

#include "charts/chainchartpanel.h"
#include "charts/chartstyle.h"
#include "charts/timeaxis.h"

#include "charts/segmentedline.h"
#include "metrics/seriesmath.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHelpEvent>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPixmap>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScatterSeries>
#include <QSplitter>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace arbor::ui {

using namespace arbor::seriesmath;

namespace {

using charts::HourMs;
using charts::MinuteMs;

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString number(double value)
{
    const double magnitude = std::abs(value);
    return QLocale().toString(value, 'f', magnitude >= 100 || value == std::floor(value) ? 0 : magnitude >= 10 ? 1 : 2);
}

QString windowText(qint64 ms)
{
    if (ms % HourMs == 0)
        return ChainChartPanel::tr("%n h", nullptr, int(ms / HourMs));
    return ChainChartPanel::tr("%n min", nullptr, int(ms / MinuteMs));
}

} // namespace

ChainChartPanel::ChainChartPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chainCharts"));

    m_range = new QComboBox;
    m_range->setObjectName(QStringLiteral("chainChartsRange"));
    m_range->setToolTip(tr("How far back the charts reach"));
    for (qint64 ms : windowChoices())
        m_range->addItem(windowText(ms), ms);
    m_range->setCurrentIndex(int(windowChoices().indexOf(DefaultWindowMs)));
    auto *rangeLabel = new QLabel(tr("&Range:"));
    rangeLabel->setBuddy(m_range);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this](int index) {
        const qint64 ms = m_range->itemData(index).toLongLong();
        if (ms == m_windowMs)
            return;
        setWindowMs(ms);
        Q_EMIT windowChanged(ms);
    });

    auto *exportButton = new QToolButton;
    exportButton->setObjectName(QStringLiteral("chainChartsExport"));
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save a chart as an image or its data as CSV"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportButton->setMenu(exportMenu);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("chainChartsSplitter"));
    m_splitter->setChildrenCollapsible(false);
    for (int chart = 0; chart < ChartCount; ++chart) {
        createPlot(Chart(chart));
        m_splitter->addWidget(m_plots[chart].view);
        m_splitter->setStretchFactor(chart, 1);
        QMenu *sub = exportMenu->addMenu(title(Chart(chart)));
        connect(sub->addAction(tr("Image (PNG)…")), &QAction::triggered, this, [this, chart] { askAndExport(Chart(chart), true); });
        connect(sub->addAction(tr("Data (CSV)…")), &QAction::triggered, this, [this, chart] { askAndExport(Chart(chart), false); });
    }

    m_splitter->setSizes({1000, 1000, 1000});   // equal widths, whatever each chart's legend asks for

    auto *top = new QHBoxLayout;
    top->addWidget(rangeLabel);
    top->addWidget(m_range);
    top->addStretch(1);
    top->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);
    clear();
}

ChainChartPanel::~ChainChartPanel()
{
    // The lines give their series back to the charts before the views (and charts) go.
    for (Plot &plot : m_plots)
        plot.lines.clear();
}

QList<qint64> ChainChartPanel::windowChoices()
{
    return {5 * MinuteMs, 15 * MinuteMs, HourMs, 6 * HourMs, 24 * HourMs};
}

QString ChainChartPanel::title(Chart chart) const
{
    switch (chart) {
    case LagChart:
        return tr("Lag");
    case RateChart:
        return tr("Blocks per second (%n s average)", nullptr, int(ChainMetrics::RateWindowMs / 1000));
    case LatencyChart:
        return tr("RPC latency (ms)");
    case ChartCount:
        break;
    }
    return {};
}

void ChainChartPanel::createPlot(Chart chart)
{
    Plot &plot = m_plots[chart];
    auto *c = new QChart;
    c->setLocalizeNumbers(true);   // "1,5" in German
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    c->setTitle(title(chart));
    c->legend()->setVisible(chart != RateChart);
    c->legend()->setAlignment(Qt::AlignBottom);

    // The units are in the chart's title and the legend, not in axis titles: at the heights a
    // chart gets beside the other panes an axis title is cut to "Blocks beh…".
    auto valueAxis = [&](Qt::Alignment alignment) {
        auto *axis = new QValueAxis;
        axis->setRange(0, 1);
        axis->setTickCount(6);
        charts::setTickLabelFormat(axis);   // 0.2 steps: "%.0f" would read 0, 0, 0, 1, 1, 1
        c->addAxis(axis, alignment);
        return axis;
    };
    plot.x = new charts::TimeAxis(c);
    c->addAxis(plot.x, Qt::AlignBottom);
    plot.y = valueAxis(Qt::AlignLeft);
    if (chart == LagChart) {
        // Blocks on the left, seconds on the right, each axis's labels in its line's colour.
        plot.y2 = valueAxis(Qt::AlignRight);
        plot.y->setLabelsColor(charts::lineColor(0));
        plot.y2->setLabelsColor(charts::lineColor(1));
    }

    plot.view = new QChartView(c);
    plot.view->setObjectName(QStringLiteral("chainChart%1").arg(int(chart)));
    plot.view->setRenderHint(QPainter::Antialiasing);
    plot.view->setMinimumSize(220, 200);   // below this QtCharts elides every axis label to "…"
    plot.view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    plot.view->setFocusPolicy(Qt::NoFocus);
    plot.view->setMouseTracking(true);
    plot.view->viewport()->setMouseTracking(true);
    plot.view->viewport()->installEventFilter(this);
    plot.view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot.view, &QWidget::customContextMenuRequested, this, [this, chart](const QPoint &pos) { showContextMenu(chart, pos); });

    if (chart == LagChart) {
        plot.lines.push_back(std::make_unique<SegmentedLine>(c, plot.x, plot.y, tr("Blocks behind"), charts::lineColor(0)));
        plot.lines.push_back(std::make_unique<SegmentedLine>(c, plot.x, plot.y2, tr("Seconds behind"), charts::lineColor(1)));
    } else if (chart == RateChart) {
        plot.lines.push_back(std::make_unique<SegmentedLine>(c, plot.x, plot.y, tr("Blocks/s"), charts::lineColor(2)));
    }
    for (int axis = 0; axis < 2; ++axis) {
        QValueAxis *y = axis == 0 ? plot.y : plot.y2;
        if (!y)
            continue;
        auto *outliers = new QScatterSeries;
        outliers->setName(tr("Above the scale"));
        outliers->setMarkerShape(QScatterSeries::MarkerShapeTriangle);
        outliers->setMarkerSize(8);
        outliers->setColor(QColor(0xd6, 0x27, 0x28));
        outliers->setBorderColor(QColor(0xd6, 0x27, 0x28));
        c->addSeries(outliers);
        outliers->attachAxis(plot.x);
        outliers->attachAxis(y);
        for (QLegendMarker *marker : c->legend()->markers(outliers))
            marker->setVisible(false);
        plot.outliers[axis] = outliers;
    }
}

SegmentedLine *ChainChartPanel::line(Chart chart, const QString &name) const
{
    for (const auto &l : m_plots[chart].lines) {
        if (l->name() == name)
            return l.get();
    }
    return nullptr;
}

void ChainChartPanel::setWindowMs(qint64 ms)
{
    m_windowMs = std::max<qint64>(ms, MinuteMs);
    const int index = m_range->findData(m_windowMs);
    if (index >= 0)
        m_range->setCurrentIndex(index);
    plotWindow();
}

void ChainChartPanel::syncLatencyLines(const QStringList &urls)
{
    Plot &plot = m_plots[LatencyChart];
    std::erase_if(plot.lines, [&](const std::unique_ptr<SegmentedLine> &l) { return !urls.contains(l->name()); });
    for (const QString &url : urls) {
        if (line(LatencyChart, url))
            continue;
        // The first colour not taken: a line keeps its colour while others come and go.
        QColor color = charts::lineColor(int(plot.lines.size()));
        for (int i = 0; i < charts::lineColorCount(); ++i) {
            const QColor c = charts::lineColor(i);
            if (std::none_of(plot.lines.begin(), plot.lines.end(), [&](const auto &l) { return l->color() == c; })) {
                color = c;
                break;
            }
        }
        plot.lines.push_back(std::make_unique<SegmentedLine>(plot.view->chart(), plot.x, plot.y, url, color));
    }
}

void ChainChartPanel::setHistory(const ChainSeries &history)
{
    m_history = history;
    plotWindow();
}

void ChainChartPanel::setSeries(const ChainSeries &live, qint64 nowMs)
{
    m_live = live;
    m_nowMs = nowMs;
    plotWindow();
}

void ChainChartPanel::clear()
{
    m_history = ChainSeries{};
    m_live = ChainSeries{};
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    plotWindow();
}

QList<QList<QPointF>> ChainChartPanel::shape(const QList<QPointF> &history, const QList<QPointF> &live, qint64 from, qint64 to) const
{
    const qint64 bucket = std::max<qint64>(1, (m_windowMs / MaxPointsPerLine + 999) / 1000) * 1000;
    const qint64 historyGap = GapSteps * std::max(bucket, std::max<qint64>(m_history.stepMs, 1000));
    const qint64 liveGap = GapSteps * std::max(bucket, std::max<qint64>(m_live.stepMs, 1000));
    const QList<QPointF> liveIn = between(live, from, to);
    const qint64 cut = liveIn.isEmpty() ? to : qint64(liveIn.first().x()) - 1;
    QList<QList<QPointF>> segments = splitAtGaps(between(history, from, cut), historyGap);
    QList<QList<QPointF>> liveSegments = splitAtGaps(liveIn, liveGap);
    if (!segments.isEmpty() && !liveSegments.isEmpty() && liveSegments.first().first().x() - segments.last().last().x() <= double(historyGap))
        segments.last().append(liveSegments.takeFirst());
    segments.append(liveSegments);
    for (QList<QPointF> &segment : segments)
        segment = downsample(segment, bucket);
    return segments;
}

void ChainChartPanel::fitAxis(Chart chart, int axis, const QList<QPointF> &points)
{
    Plot &plot = m_plots[chart];
    QValueAxis *y = axis == 0 ? plot.y : plot.y2;
    Scale scale = robustScale(points);
    if (chart == LagChart)
        scale.top = std::max(scale.top, 5.0);   // whole blocks and seconds: 0–5 by 1, never 0.2 of a block
    const double current = y->max();
    if (scale.top > current || scale.top < current * 0.25 || (current > 1 && scale.highest <= 0)) {
        y->setRange(0, scale.top);
        // Ticks on round numbers: 0–2 by 0.5, 0–5 and 0–10 by 1 and 2, and so on.
        const double leading = scale.top / std::pow(10.0, std::floor(std::log10(scale.top)));
        y->setTickCount(std::abs(leading - 2) < 1e-9 ? 5 : 6);
        charts::setTickLabelFormat(y);
    }
    const double top = y->max();
    QList<QPointF> above;
    for (const QPointF &p : points) {
        if (p.y() > top) {
            above.append(QPointF(p.x(), top));
            plot.peak = std::max(plot.peak, p.y());
        }
    }
    plot.outliers[axis]->replace(above);
    plot.clipped = plot.clipped || !above.isEmpty();
}

void ChainChartPanel::updateTitle(Chart chart)
{
    const Plot &plot = m_plots[chart];
    QString text = title(chart);
    if (plot.clipped)
        text = tr("%1 (peak %2 above the scale)").arg(text, number(plot.peak));
    if (plot.view->chart()->title() != text)
        plot.view->chart()->setTitle(text);
}

void ChainChartPanel::plotWindow()
{
    const qint64 now = m_nowMs > 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch();
    const qint64 from = now - m_windowMs;
    for (Plot &plot : m_plots) {
        plot.clipped = false;
        plot.peak = 0;
    }
    Plot &lag = m_plots[LagChart];
    lag.lines[0]->setSegments(shape(m_history.lagBlocks, m_live.lagBlocks, from, now));
    lag.lines[1]->setSegments(shape(m_history.lagSeconds, m_live.lagSeconds, from, now));
    fitAxis(LagChart, 0, lag.lines[0]->points());
    fitAxis(LagChart, 1, lag.lines[1]->points());
    updateTitle(LagChart);

    Plot &rate = m_plots[RateChart];
    rate.lines[0]->setSegments(shape(m_history.blocksPerSecond, m_live.blocksPerSecond, from, now));
    fitAxis(RateChart, 0, rate.lines[0]->points());
    updateTitle(RateChart);

    QStringList urls = m_live.endpointLatencyMs.keys();
    for (const QString &url : m_history.endpointLatencyMs.keys()) {
        if (!urls.contains(url) && !between(m_history.endpointLatencyMs.value(url), from, now).isEmpty())
            urls.append(url);
    }
    syncLatencyLines(urls);
    QList<QPointF> all;
    for (const auto &l : m_plots[LatencyChart].lines) {
        l->setSegments(shape(m_history.endpointLatencyMs.value(l->name()), m_live.endpointLatencyMs.value(l->name()), from, now));
        all.append(l->points());
    }
    fitAxis(LatencyChart, 0, all);
    updateTitle(LatencyChart);

    // The three charts share one time range: the window, or where their data starts.
    std::optional<qint64> firstData;
    for (const Plot &plot : std::as_const(m_plots)) {
        for (const auto &l : plot.lines) {
            const QList<QPointF> points = l->points();
            if (!points.isEmpty())
                firstData = std::min(firstData.value_or(now), qint64(points.first().x()));
        }
    }
    const qint64 start = charts::fittedStart(from, now, firstData, std::min(m_windowMs, MinSpanMs));
    for (Plot &plot : m_plots)
        plot.x->setTimeRange(start, now);
}

QStringList ChainChartPanel::lineNames(Chart chart) const
{
    QStringList names;
    for (const auto &l : m_plots[chart].lines)
        names.append(l->name());
    return names;
}

QList<QPointF> ChainChartPanel::points(Chart chart, const QString &name) const
{
    const SegmentedLine *l = line(chart, name);
    return l ? l->points() : QList<QPointF>();
}

int ChainChartPanel::segmentCount(Chart chart, const QString &name) const
{
    const SegmentedLine *l = line(chart, name);
    return l ? l->segmentCount() : 0;
}

double ChainChartPanel::axisTop(Chart chart, bool secondary) const
{
    const QValueAxis *axis = secondary ? m_plots[chart].y2 : m_plots[chart].y;
    return axis ? axis->max() : 0;
}

bool ChainChartPanel::isClipped(Chart chart) const
{
    return m_plots[chart].clipped;
}

QString ChainChartPanel::unit(Chart chart, const SegmentedLine *l) const
{
    switch (chart) {
    case LagChart:
        return l == m_plots[LagChart].lines[0].get() ? tr("blocks") : tr("s");
    case RateChart:
        return tr("blocks/s");
    default:
        return tr("ms");
    }
}

QString ChainChartPanel::readOut(Chart chart, qint64 ms) const
{
    const qint64 bucket = std::max<qint64>(1, (m_windowMs / MaxPointsPerLine + 999) / 1000) * 1000;
    const double reach = double(GapSteps * std::max({bucket, m_history.stepMs, m_live.stepMs}));
    std::optional<QPointF> closest;
    for (const auto &l : m_plots[chart].lines) {
        const auto p = l->nearest(double(ms), reach);
        if (p && (!closest || std::abs(p->x() - double(ms)) < std::abs(closest->x() - double(ms))))
            closest = p;
    }
    if (!closest)
        return {};
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(qint64(closest->x()));
    QStringList lines{QLocale().toString(at, m_windowMs >= 24 * HourMs ? QStringLiteral("ddd HH:mm:ss") : QStringLiteral("HH:mm:ss"))};
    const double near = double(std::max({bucket, m_live.stepMs, qint64(1000)}));
    for (const auto &l : m_plots[chart].lines) {
        if (const auto p = l->nearest(closest->x(), near))
            lines.append(tr("%1: %2 %3").arg(l->name(), number(p->y()), unit(chart, l.get())));
    }
    if (chart == RateChart)
        lines.append(tr("Blocks promoted per second, averaged over the %n second(s) before each point.", nullptr,
                        int(ChainMetrics::RateWindowMs / 1000)));
    return lines.join(QLatin1Char('\n'));
}

bool ChainChartPanel::eventFilter(QObject *watched, QEvent *event)
{
    for (int chart = 0; chart < ChartCount; ++chart) {
        QChartView *view = m_plots[chart].view;
        if (watched != view->viewport())
            continue;
        if (event->type() == QEvent::ToolTip)
            return true;   // the read-out is the tooltip
        if (event->type() == QEvent::Leave) {
            QToolTip::hideText();
        } else if (event->type() == QEvent::MouseMove) {
            const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
            const QPointF inChart = view->chart()->mapFromScene(view->mapToScene(pos));
            const QRectF area = view->chart()->plotArea();
            QString text;
            if (area.contains(inChart) && area.width() > 0) {
                const qint64 from = m_plots[chart].x->fromMs();
                const qint64 to = m_plots[chart].x->toMs();
                text = readOut(Chart(chart), from + qint64((inChart.x() - area.left()) / area.width() * double(to - from)));
            }
            if (text.isEmpty())
                QToolTip::hideText();
            else
                QToolTip::showText(view->viewport()->mapToGlobal(pos), text, view->viewport());
        }
        break;
    }
    return QWidget::eventFilter(watched, event);
}

QString ChainChartPanel::toCsv(const QStringList &names, const QList<QList<QPointF>> &lines)
{
    std::map<qint64, QStringList> rows;
    for (int column = 0; column < lines.size(); ++column) {
        for (const QPointF &p : lines[column]) {
            QStringList &row = rows[qint64(p.x())];
            if (row.isEmpty())
                row.resize(names.size());
            row[column] = QString::number(p.y(), 'g', 12);
        }
    }
    QStringList header{QStringLiteral("time")};
    for (const QString &name : names)
        header.append(csvField(name));
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const auto &[ms, cells] : rows)
        out += QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs) + QLatin1Char(',') + cells.join(QLatin1Char(','))
            + QLatin1Char('\n');
    return out;
}

bool ChainChartPanel::exportCsv(Chart chart, const QString &path, QString *error) const
{
    QList<QList<QPointF>> lines;
    for (const auto &l : m_plots[chart].lines)
        lines.append(l->points());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(toCsv(lineNames(chart), lines).toUtf8()) < 0 || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

bool ChainChartPanel::exportPng(Chart chart, const QString &path, QString *error) const
{
    const QPixmap image = m_plots[chart].view->grab();
    if (image.isNull() || !image.save(path, "PNG")) {
        if (error)
            *error = tr("Could not write the image %1.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

void ChainChartPanel::showContextMenu(Chart chart, const QPoint &pos)
{
    QMenu menu(this);
    connect(menu.addAction(tr("Export image (PNG)…")), &QAction::triggered, this, [this, chart] { askAndExport(chart, true); });
    connect(menu.addAction(tr("Export data (CSV)…")), &QAction::triggered, this, [this, chart] { askAndExport(chart, false); });
    menu.exec(m_plots[chart].view->mapToGlobal(pos));
}

void ChainChartPanel::askAndExport(Chart chart, bool image)
{
    const QString base = QDir::home().filePath(title(chart).toLower().replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-")));
    const QString path = image ? QFileDialog::getSaveFileName(this, tr("Export chart image"), base + QLatin1String(".png"), tr("PNG images (*.png)"))
                               : QFileDialog::getSaveFileName(this, tr("Export chart data"), base + QLatin1String(".csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = image ? exportPng(chart, path, &error) : exportCsv(chart, path, &error);
    if (!ok)
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace arbor::ui

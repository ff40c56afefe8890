#include "charts/chainchartpanel.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QLegend>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QPixmap>
#include <QRegularExpression>
#include <QSaveFile>
#include <QToolButton>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>

namespace arbor::ui {
namespace {

const qint64 MinuteMs = 60 * 1000;

QList<QPointF> inWindow(const QList<QPointF> &points, qint64 sinceMs)
{
    const auto first = std::lower_bound(points.begin(), points.end(), double(sinceMs),
                                        [](const QPointF &p, double t) { return p.x() < t; });
    return QList<QPointF>(first, points.end());
}

double highest(const QList<QPointF> &points)
{
    double max = 0;
    for (const QPointF &p : points)
        max = std::max(max, p.y());
    return max;
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

ChainChartPanel::ChainChartPanel(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("chainCharts"));

    auto *exportButton = new QToolButton;
    exportButton->setObjectName(QStringLiteral("chainChartsExport"));
    exportButton->setText(tr("Export"));
    exportButton->setToolTip(tr("Save a chart as an image or its data as CSV"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportButton->setMenu(exportMenu);

    auto *grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(4);
    for (int chart = 0; chart < ChartCount; ++chart) {
        m_plots[chart] = createPlot(Chart(chart));
        grid->addWidget(m_plots[chart].view, 0, chart);
        QMenu *sub = exportMenu->addMenu(title(Chart(chart)));
        connect(sub->addAction(tr("Image (PNG)…")), &QAction::triggered, this, [this, chart] { askAndExport(Chart(chart), true); });
        connect(sub->addAction(tr("Data (CSV)…")), &QAction::triggered, this, [this, chart] { askAndExport(Chart(chart), false); });
    }

    auto *top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
    clear();
}

QString ChainChartPanel::title(Chart chart) const
{
    switch (chart) {
    case LagChart:
        return tr("Lag");
    case RateChart:
        return tr("Blocks per second");
    case LatencyChart:
        return tr("RPC latency (ms)");
    case ChartCount:
        break;
    }
    return {};
}

ChainChartPanel::Plot ChainChartPanel::createPlot(Chart chart)
{
    Plot plot;
    auto *c = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    c->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    c->setMargins(QMargins(4, 4, 4, 4));
    c->setBackgroundRoundness(0);
    c->setTitle(title(chart));
    c->legend()->setVisible(chart != RateChart);
    c->legend()->setAlignment(Qt::AlignBottom);

    plot.x = new QDateTimeAxis;
    plot.x->setFormat(QStringLiteral("HH:mm"));
    plot.x->setTickCount(4);
    c->addAxis(plot.x, Qt::AlignBottom);
    plot.y = new QValueAxis;
    plot.y->setLabelFormat(QStringLiteral("%g"));
    plot.y->setTickCount(4);
    plot.y->setRange(0, 1);
    plot.y->applyNiceNumbers();
    c->addAxis(plot.y, Qt::AlignLeft);
    if (chart == LagChart) {
        plot.y2 = new QValueAxis;
        plot.y2->setLabelFormat(QStringLiteral("%g"));
        plot.y2->setTickCount(4);
        plot.y2->setRange(0, 1);
        plot.y2->applyNiceNumbers();
        c->addAxis(plot.y2, Qt::AlignRight);
    }

    plot.view = new QChartView(c);
    plot.view->setObjectName(QStringLiteral("chainChart%1").arg(int(chart)));
    plot.view->setRenderHint(QPainter::Antialiasing);
    plot.view->setMinimumSize(240, 180);
    plot.view->setFocusPolicy(Qt::NoFocus);
    plot.view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot.view, &QWidget::customContextMenuRequested, this, [this, chart](const QPoint &pos) { showContextMenu(chart, pos); });
    m_plots[chart] = plot;

    if (chart == LagChart) {
        addLine(chart, tr("Blocks"), plot.y);
        addLine(chart, tr("Seconds"), plot.y2);
    } else if (chart == RateChart) {
        addLine(chart, tr("Blocks/s"), plot.y);
    }
    return m_plots[chart];
}

QLineSeries *ChainChartPanel::addLine(Chart chart, const QString &name, QValueAxis *y)
{
    Plot &plot = m_plots[chart];
    auto *line = new QLineSeries;
    line->setName(name);
    plot.view->chart()->addSeries(line);   // the chart owns it
    line->attachAxis(plot.x);
    line->attachAxis(y);
    plot.lines.append(line);
    return line;
}

void ChainChartPanel::setWindowMs(qint64 ms)
{
    m_windowMs = std::max<qint64>(ms, MinuteMs);
}

void ChainChartPanel::syncLatencyLines(const QStringList &urls)
{
    Plot &plot = m_plots[LatencyChart];
    for (int i = int(plot.lines.size()) - 1; i >= 0; --i) {
        if (!urls.contains(plot.lines[i]->name())) {
            QLineSeries *gone = plot.lines.takeAt(i);
            plot.view->chart()->removeSeries(gone);
            delete gone;
        }
    }
    for (const QString &url : urls) {
        const bool held = std::any_of(plot.lines.begin(), plot.lines.end(), [&](QLineSeries *l) { return l->name() == url; });
        if (!held)
            addLine(LatencyChart, url, plot.y);
    }
}

void ChainChartPanel::setSeries(const ChainSeries &series, qint64 nowMs)
{
    const qint64 since = nowMs - m_windowMs;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(since);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(nowMs);
    for (Plot &plot : m_plots)
        plot.x->setRange(from, to);

    const QList<QPointF> lagBlocks = inWindow(series.lagBlocks, since);
    const QList<QPointF> lagSeconds = inWindow(series.lagSeconds, since);
    const QList<QPointF> rate = inWindow(series.blocksPerSecond, since);
    m_plots[LagChart].lines[0]->replace(lagBlocks);
    m_plots[LagChart].lines[1]->replace(lagSeconds);
    fitY(m_plots[LagChart].y, highest(lagBlocks));
    fitY(m_plots[LagChart].y2, highest(lagSeconds));
    m_plots[RateChart].lines[0]->replace(rate);
    fitY(m_plots[RateChart].y, highest(rate));

    syncLatencyLines(series.endpointLatencyMs.keys());
    double latencyTop = 0;
    for (QLineSeries *line : std::as_const(m_plots[LatencyChart].lines)) {
        const QList<QPointF> points = inWindow(series.endpointLatencyMs.value(line->name()), since);
        line->replace(points);
        latencyTop = std::max(latencyTop, highest(points));
    }
    fitY(m_plots[LatencyChart].y, latencyTop);
}

void ChainChartPanel::clear()
{
    setSeries(ChainSeries{}, QDateTime::currentMSecsSinceEpoch());
}

void ChainChartPanel::fitY(QValueAxis *axis, double top)
{
    const double max = axis->max();
    if (top <= max && top >= max * 0.25)
        return;
    if (top <= 0 && max <= 1)
        return;
    double wanted = top <= 0 ? 1.0 : top * 1.2;
    // Round up to 1, 2 or 5 times a power of ten.
    const double magnitude = std::pow(10.0, std::floor(std::log10(wanted)));
    const double steps[] = {1, 2, 5, 10};
    for (double s : steps) {
        if (s * magnitude >= wanted) {
            wanted = s * magnitude;
            break;
        }
    }
    axis->setRange(0, wanted);
    axis->applyNiceNumbers();   // ticks on round numbers
}

QStringList ChainChartPanel::lineNames(Chart chart) const
{
    QStringList names;
    for (const QLineSeries *line : m_plots[chart].lines)
        names.append(line->name());
    return names;
}

QList<QPointF> ChainChartPanel::points(Chart chart, const QString &name) const
{
    for (const QLineSeries *line : m_plots[chart].lines) {
        if (line->name() == name)
            return line->points();
    }
    return {};
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
    const QStringList names = lineNames(chart);
    QList<QList<QPointF>> lines;
    for (const QLineSeries *line : m_plots[chart].lines)
        lines.append(line->points());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text) || file.write(toCsv(names, lines).toUtf8()) < 0 || !file.commit()) {
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

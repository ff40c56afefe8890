#include "charts/databasegrowthchart.h"
#include "charts/chartstyle.h"
#include "charts/timeaxis.h"

#include "charts/segmentedline.h"
#include "metrics/seriesmath.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QLabel>
#include <QLegend>
#include <QMap>
#include <QStackedWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace arbor::ui {
namespace {

using charts::HourMs;
const double Megabyte = 1e6;
const double Gigabyte = 1e9;

const QList<QColor> &lineColors()
{
    static const QList<QColor> colors{QColor(0x1f, 0x77, 0xb4), QColor(0x7f, 0x7f, 0x7f), QColor(0x8c, 0x56, 0x4b),
                                      QColor(0x2c, 0xa0, 0x2c), QColor(0xd6, 0x27, 0x28), QColor(0x94, 0x67, 0xbd),
                                      QColor(0xff, 0x7f, 0x0e), QColor(0x17, 0xbe, 0xcf), QColor(0xe3, 0x77, 0xc2),
                                      QColor(0xbc, 0xbd, 0x22), QColor(0x40, 0x40, 0x40)};
    return colors;
}

} // namespace

DatabaseGrowthChart::DatabaseGrowthChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("databaseGrowthChart"));
    m_chart = new QChart;
    m_chart->setLocalizeNumbers(true);
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    m_chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    m_chart->setTitle(tr("Database size over time"));
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignRight);

    QFont axisTitleFont = font();
    axisTitleFont.setPointSizeF(axisTitleFont.pointSizeF() * 0.9);
    m_x = new charts::TimeAxis(m_chart);
    m_x->setTitleText(tr("Time"));
    m_x->setTitleFont(axisTitleFont);
    m_y = new QValueAxis;
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setTickCount(5);
    m_y->setTitleFont(axisTitleFont);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);

    m_view = new QChartView(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(320, 220);
    m_view->setFocusPolicy(Qt::NoFocus);

    m_hint = new QLabel(tr("No size samples yet. The engine that indexes records the sizes shortly after it starts and then every hour."));
    m_hint->setObjectName(QStringLiteral("databaseGrowthHint"));
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_hint);
    m_stack->addWidget(m_view);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

DatabaseGrowthChart::~DatabaseGrowthChart()
{
    // The lines give their series back to the chart before the view (and chart) go.
    m_lines.clear();
}

void DatabaseGrowthChart::clearLines()
{
    m_lines.clear();
    m_bytes.clear();
}

void DatabaseGrowthChart::setSamples(const QList<DatabaseSizeSample> &samples, const QHash<qint64, QString> &chainNames, qint64 fromMs,
                                     qint64 toMs)
{
    clearLines();
    if (samples.isEmpty()) {
        m_stack->setCurrentWidget(m_hint);
        return;
    }
    m_stack->setCurrentWidget(m_view);

    // One moment per sample time; the largest chains (at the newest sample) get a line each.
    QMap<qint64, QList<DatabaseSizeSample>> byTime;
    for (const DatabaseSizeSample &s : samples)
        byTime[s.sampledAt].append(s);
    QList<std::pair<qint64, qint64>> newestChains;   // bytes, chain id
    for (const DatabaseSizeSample &s : std::as_const(byTime.last())) {
        if (s.scope == DatabaseScope::Chain)
            newestChains.append({s.bytes, s.chainId});
    }
    std::sort(newestChains.begin(), newestChains.end(), std::greater<>());
    QList<qint64> chainLines;
    for (const auto &c : std::as_const(newestChains)) {
        if (chainLines.size() < MaxChainLines)
            chainLines.append(c.second);
    }

    const QString total = tr("Total");
    const QString admin = tr("Admin tables");
    const QString global = tr("Global tables");
    const QString free = tr("Free space");
    const QString others = tr("Other chains");
    auto chainLine = [&](qint64 chainId) {
        const QString name = chainNames.value(chainId);
        return name.isEmpty() ? tr("Chain %1").arg(chainId) : tr("%1 (%2)").arg(name).arg(chainId);
    };
    QStringList order{total, admin, global};
    for (qint64 chainId : std::as_const(chainLines))
        order.append(chainLine(chainId));
    bool anyOther = false;
    for (auto it = byTime.constBegin(); it != byTime.constEnd(); ++it) {
        const double x = double(it.key());
        qint64 sum = 0;
        qint64 other = 0;
        bool hasOther = false;
        for (const DatabaseSizeSample &s : it.value()) {
            sum += s.bytes;
            switch (s.scope) {
            case DatabaseScope::Admin:
                m_bytes[admin].append({x, double(s.bytes)});
                break;
            case DatabaseScope::Global:
                m_bytes[global].append({x, double(s.bytes)});
                break;
            case DatabaseScope::Free:
                m_bytes[free].append({x, double(s.bytes)});
                break;
            case DatabaseScope::Chain:
                if (chainLines.contains(s.chainId)) {
                    m_bytes[chainLine(s.chainId)].append({x, double(s.bytes)});
                } else {
                    other += s.bytes;
                    hasOther = true;
                }
                break;
            }
        }
        m_bytes[total].append({x, double(sum)});
        if (hasOther) {
            m_bytes[others].append({x, double(other)});
            anyOther = true;
        }
    }
    if (anyOther)
        order.append(others);
    order.append(free);

    // A gap is a time without samples several times longer than they usually are apart.
    QList<qint64> steps;
    const QList<qint64> times = byTime.keys();
    for (qsizetype i = 1; i < times.size(); ++i)
        steps.append(times[i] - times[i - 1]);
    std::sort(steps.begin(), steps.end());
    const qint64 typicalStep = steps.isEmpty() ? HourMs : steps[steps.size() / 2];
    const qint64 maxGap = std::max<qint64>(2 * HourMs, GapSteps * typicalStep);

    double largest = 0;
    for (const QPointF &p : std::as_const(m_bytes[total]))
        largest = std::max(largest, p.y());
    const double scale = largest >= 5 * Gigabyte ? Gigabyte : Megabyte;
    m_unit = scale == Gigabyte ? QStringLiteral("GB") : QStringLiteral("MB");
    m_y->setTitleText(tr("Size (%1)").arg(m_unit));

    int colour = 0;
    QList<QPointF> all;
    for (const QString &name : std::as_const(order)) {
        if (!m_bytes.contains(name))
            continue;
        QList<QPointF> scaled;
        for (const QPointF &p : std::as_const(m_bytes[name]))
            scaled.append({p.x(), p.y() / scale});
        all += scaled;
        auto line = std::make_shared<SegmentedLine>(m_chart, m_x, m_y, name, lineColors()[colour++ % lineColors().size()]);
        line->setSegments(seriesmath::splitAtGaps(scaled, maxGap));
        m_lines.append(line);
    }
    // From the first sample, not from the start of the window: a day of samples in a 30-day
    // window would be a sliver at the right edge. At least an hour wide.
    const qint64 last = std::max(toMs, times.last());
    const qint64 first = std::min(std::max(fromMs, times.first()), last - HourMs);
    m_x->setTimeRange(first, last);
    double top = 0;
    for (const QPointF &p : std::as_const(all))
        top = std::max(top, p.y());
    m_y->setRange(0, std::max(top * 1.1, scale == Gigabyte ? 1.0 : 0.1));
    m_y->applyNiceNumbers();
    charts::setTickLabelFormat(m_y);
}

QStringList DatabaseGrowthChart::lineNames() const
{
    QStringList out;
    for (const auto &line : m_lines)
        out.append(line->name());
    return out;
}

QList<QPointF> DatabaseGrowthChart::points(const QString &line) const
{
    return m_bytes.value(line);
}

std::pair<qint64, qint64> DatabaseGrowthChart::timeRange() const
{
    return {m_x->fromMs(), m_x->toMs()};
}

int DatabaseGrowthChart::segmentCount(const QString &line) const
{
    for (const auto &l : m_lines) {
        if (l->name() == line)
            return l->segmentCount();
    }
    return 0;
}

} // namespace arbor::ui

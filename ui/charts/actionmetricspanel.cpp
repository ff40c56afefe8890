#include "charts/actionmetricspanel.h"
#include "charts/chartstyle.h"
#include "charts/timeaxis.h"

#include "charts/charthover.h"
#include "widgets/refreshthrottle.h"
#include "charts/segmentedline.h"
#include "engine/statsservice.h"
#include "engine/triggerservice.h"
#include "models/deliverylogmodel.h"
#include "util/continuation.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

namespace arbor::ui {
namespace {

const QColor AverageColor(0x1e, 0x6f, 0xc8);
const QColor P95Color(0x94, 0x67, 0xbd);

QString hourRange(qint64 hourStart, bool withDay)
{
    const QLocale locale;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(hourStart);
    const QDateTime to = QDateTime::fromMSecsSinceEpoch(hourStart + ActionMetricsPanel::HourMs);
    const QString time = ActionMetricsPanel::tr("%1–%2").arg(locale.toString(from.time(), QLocale::ShortFormat),
                                                             locale.toString(to.time(), QLocale::ShortFormat));
    return withDay ? ActionMetricsPanel::tr("%1 %2").arg(locale.toString(from.date(), QLocale::ShortFormat), time) : time;
}

} // namespace

ActionMetricsPanel::ActionMetricsPanel(StatsService *stats, TriggerService *triggers, QWidget *parent)
    : QWidget(parent), m_stats(stats), m_triggers(triggers)
{
    setObjectName(QStringLiteral("actionMetrics"));

    m_range = new QComboBox;
    m_range->setObjectName(QStringLiteral("actionMetricsRange"));
    m_range->setToolTip(tr("How far back the chart reaches"));
    m_range->addItem(tr("Last 24 hours"), 24);
    m_range->addItem(tr("Last 7 days"), 7 * 24);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this](int index) { setHours(m_range->itemData(index).toInt()); });
    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("actionMetricsType"));
    m_type->setToolTip(tr("The attempts of every action type, or of one"));
    m_type->addItem(tr("All actions"));
    for (ActionType t : {ActionType::Rest, ActionType::Telegram, ActionType::Mcp})
        m_type->addItem(DeliveryLogModel::actionTypeText(t), int(t));
    connect(m_type, &QComboBox::currentIndexChanged, this, [this](int index) {
        setActionType(index > 0 ? std::optional<ActionType>(ActionType(m_type->itemData(index).toInt())) : std::nullopt);
    });

    auto *chart = new QChart;
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setTitle(tr("Actions per hour"));
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setBackgroundRoundness(0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setLocale(QLocale());
    chart->setLocalizeNumbers(true);

    QFont axisTitleFont = font();
    axisTitleFont.setPointSizeF(axisTitleFont.pointSizeF() * 0.9);
    // The time axis needs no title; the value axes' are short, the chart's title says per hour.
    m_x = new charts::TimeAxis(chart);
    m_attempts = new QValueAxis;
    m_attempts->setLabelFormat(QStringLiteral("%.0f"));
    m_attempts->setTitleText(tr("Attempts"));
    m_attempts->setTitleFont(axisTitleFont);
    m_duration = new QValueAxis;
    m_duration->setLabelFormat(QStringLiteral("%.0f"));
    m_duration->setTitleText(tr("Duration (ms)"));
    m_duration->setTitleFont(axisTitleFont);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_attempts, Qt::AlignLeft);
    chart->addAxis(m_duration, Qt::AlignRight);
    const DeliveryStatus statuses[] = {DeliveryStatus::Success, DeliveryStatus::Failed};
    for (int line = SuccessLine; line <= FailureLine; ++line) {
        auto *series = new QLineSeries;
        series->setName(lineName(Line(line)));
        chart->addSeries(series);   // the chart owns it
        series->setColor(DeliveryLogModel::statusColor(statuses[line]));
        series->attachAxis(m_x);
        series->attachAxis(m_attempts);
        m_counts[line] = series;
    }
    m_durations[0] = std::make_unique<SegmentedLine>(chart, m_x, m_duration, lineName(AverageLine), AverageColor);
    m_durations[1] = std::make_unique<SegmentedLine>(chart, m_x, m_duration, lineName(P95Line), P95Color);

    m_view = new QChartView(chart);
    m_view->setObjectName(QStringLiteral("actionMetricsChart"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumSize(260, 180);
    m_view->setFocusPolicy(Qt::NoFocus);
    new ChartHover(m_view, [this](double fraction) {
        const qint64 from = m_x->fromMs();
        const qint64 to = m_x->toMs();
        return readOut(from + qint64(fraction * double(to - from)));
    });

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("actionMetricsSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *top = new QHBoxLayout;
    top->addWidget(m_range);
    top->addWidget(m_type);
    top->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_summary);

    m_refresh = new RefreshThrottle(this, [this] { return read(); }, RefreshDelayMs, PeriodMs);
    connect(m_triggers, &TriggerService::deliveriesChanged, m_refresh, &RefreshThrottle::changed);
    connect(m_stats, &EngineService::stateChanged, m_refresh, &RefreshThrottle::changed);
    m_nowMs = QDateTime::currentMSecsSinceEpoch();
    plot();
}

ActionMetricsPanel::~ActionMetricsPanel()
{
    // The lines give their series back to the chart before the view (and chart) go.
    for (auto &line : m_durations)
        line.reset();
}

QList<int> ActionMetricsPanel::hourChoices()
{
    return {24, 7 * 24};
}

QString ActionMetricsPanel::lineName(Line line) const
{
    switch (line) {
    case SuccessLine:
        return tr("Succeeded");
    case FailureLine:
        return tr("Failed");
    case AverageLine:
        return tr("Average (ms)");
    case P95Line:
        return m_actionType ? tr("p95 (ms)") : tr("p95 of the slowest type (ms)");
    case LineCount:
        break;
    }
    return {};
}

void ActionMetricsPanel::setHours(int hours)
{
    if (hours == m_hours || hours <= 0)
        return;
    m_hours = hours;
    const int index = m_range->findData(hours);
    if (index >= 0 && index != m_range->currentIndex())
        m_range->setCurrentIndex(index);
    ++m_request;
    m_refresh->now();
}

void ActionMetricsPanel::setActionType(std::optional<ActionType> type)
{
    if (type == m_actionType)
        return;
    m_actionType = type;
    const int index = type ? m_type->findData(int(*type)) : 0;
    if (index >= 0 && index != m_type->currentIndex())
        m_type->setCurrentIndex(index);
    // Named for what it is: one type's p95, or the slowest type's.
    m_durations[1].reset();
    m_durations[1] = std::make_unique<SegmentedLine>(m_view->chart(), m_x, m_duration, lineName(P95Line), P95Color);
    plot();   // every type was read: nothing to ask for
}

qint64 ActionMetricsPanel::lastHour() const
{
    return m_nowMs - m_nowMs % HourMs;
}

bool ActionMetricsPanel::read()
{
    if (!m_stats->state().started)
        return false;
    const quint64 request = m_request;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 first = now - now % HourMs - (m_hours - 1) * HourMs;
    then(m_stats->actionMetrics(first), this, [this, request, now](Result<QList<ActionMetricsHour>> rows) {
        if (request == m_request) {
            if (rows) {
                m_rows = *rows;
                m_nowMs = now;
                plot();
            } else {
                m_summary->setText(tr("Could not read the action figures: %1").arg(rows.error().message));
            }
        }
        m_refresh->finished();
    });
    return true;
}

ActionMetricsPanel::Hour ActionMetricsPanel::hourAt(qint64 hourStart) const
{
    Hour h;
    for (const ActionMetricsHour &row : m_rows) {
        if (row.hour != hourStart || (m_actionType && row.actionType != *m_actionType))
            continue;
        h.total += row.total;
        h.success += row.success;
        h.failure += row.failure;
        h.durationSum += row.averageMs * double(row.total);
        h.maxMs = std::max(h.maxMs, row.maxMs);
        if (row.p95Ms)
            h.p95Ms = std::max(h.p95Ms.value_or(0), *row.p95Ms);
    }
    return h;
}

void ActionMetricsPanel::plot()
{
    const qint64 last = lastHour();
    const qint64 first = last - (m_hours - 1) * HourMs;
    // Hours without attempts are zero attempts, but have no duration: those lines break there.
    std::array<QList<QPointF>, 2> counts;
    std::array<QList<QList<QPointF>>, 2> durations;
    double topCount = 0;
    double topDuration = 0;
    qint64 total = 0, failed = 0, slowest = 0;
    double durationSum = 0;
    bool gap = true;
    for (qint64 hour = first; hour <= last; hour += HourMs) {
        const Hour h = hourAt(hour);
        const double x = double(hour);
        counts[0].append(QPointF(x, double(h.success)));
        counts[1].append(QPointF(x, double(h.failure)));
        topCount = std::max({topCount, double(h.success), double(h.failure)});
        total += h.total;
        failed += h.failure;
        durationSum += h.durationSum;
        slowest = std::max(slowest, h.maxMs);
        if (h.total == 0) {
            gap = true;
            continue;
        }
        if (gap) {
            durations[0].append(QList<QPointF>());
            durations[1].append(QList<QPointF>());
            gap = false;
        }
        const double average = h.durationSum / double(h.total);
        durations[0].last().append(QPointF(x, average));
        topDuration = std::max(topDuration, average);
        if (h.p95Ms) {
            durations[1].last().append(QPointF(x, double(*h.p95Ms)));
            topDuration = std::max(topDuration, double(*h.p95Ms));
        }
    }
    m_counts[0]->replace(counts[0]);
    m_counts[1]->replace(counts[1]);
    m_durations[0]->setSegments(durations[0]);
    m_durations[1]->setSegments(durations[1]);
    m_x->setTimeRange(first, last);
    charts::fitValueAxis(m_attempts, topCount, true);
    charts::fitValueAxis(m_duration, topDuration, false);

    const QLocale locale;
    const QString window = m_hours > 24 ? tr("Last 7 days") : tr("Last 24 hours");
    if (total == 0) {
        m_summary->setText(m_hours > 24 ? tr("No action attempts in the last 7 days.") : tr("No action attempts in the last 24 hours."));
        return;
    }
    m_summary->setText(tr("%1: %n attempt(s), %2 failed (%3 %); %4 ms on average, the slowest %5 ms.", nullptr, int(std::min<qint64>(total, INT_MAX)))
                           .arg(window, locale.toString(failed), locale.toString(100.0 * double(failed) / double(total), 'f', 1),
                                locale.toString(durationSum / double(total), 'f', 0), locale.toString(slowest)));
}

QList<QPointF> ActionMetricsPanel::points(Line line) const
{
    if (line == SuccessLine || line == FailureLine)
        return m_counts[line]->points();
    return m_durations[line - AverageLine]->points();
}

QString ActionMetricsPanel::summary() const
{
    return m_summary->text();
}

QString ActionMetricsPanel::readOut(qint64 ms) const
{
    const qint64 last = lastHour();
    const qint64 hour = ms - ms % HourMs;
    if (hour < last - (m_hours - 1) * HourMs || hour > last)
        return {};
    const Hour h = hourAt(hour);
    const QLocale locale;
    QStringList lines{hourRange(hour, m_hours > 24)};
    lines.append(tr("Succeeded: %1").arg(locale.toString(h.success)));
    lines.append(tr("Failed: %1").arg(locale.toString(h.failure)));
    if (h.total > 0) {
        lines.append(tr("Average: %1 ms").arg(locale.toString(h.durationSum / double(h.total), 'f', 0)));
        if (h.p95Ms)
            lines.append((m_actionType ? tr("p95: %1 ms") : tr("p95 of the slowest type: %1 ms")).arg(locale.toString(*h.p95Ms)));
        lines.append(tr("Slowest: %1 ms").arg(locale.toString(h.maxMs)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace arbor::ui

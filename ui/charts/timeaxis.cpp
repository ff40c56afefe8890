#include "charts/timeaxis.h"

#include "charts/chartstyle.h"
#include "timetext.h"

#include <QChart>
#include <QDateTime>
#include <QFontMetrics>
#include <QLocale>
#include <QSet>
#include <QTime>

#include <algorithm>
#include <array>
#include <limits>
#include <optional>

namespace arbor::ui::charts {
namespace {

/// Steps below a day, in ms: each divides a day, so ticks counted from midnight stay round.
constexpr std::array<qint64, 17> ClockSteps = {SecondMs,       2 * SecondMs,  5 * SecondMs,  10 * SecondMs, 15 * SecondMs, 30 * SecondMs,
                                               MinuteMs,       2 * MinuteMs,  5 * MinuteMs,  10 * MinuteMs, 15 * MinuteMs, 30 * MinuteMs,
                                               HourMs,         2 * HourMs,    3 * HourMs,    6 * HourMs,    12 * HourMs};
constexpr std::array<int, 3> DaySteps = {1, 2, 7};
constexpr std::array<int, 5> MonthSteps = {1, 2, 3, 6, 12};

/// The locale's short time with seconds ("8:15:30 PM", "20:15:30").
QString timeWithSeconds(const QTime &time)
{
    QString format = QLocale().timeFormat(QLocale::ShortFormat);
    if (!format.contains(QLatin1String("ss")))
        format.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    return QLocale().toString(time, format);
}

/// A day without its year, in the locale's order ("Nov 26", "26. Nov.").
QString dayText(const QDate &date)
{
    const QString shortFormat = QLocale().dateFormat(QLocale::ShortFormat);
    const bool dayFirst = shortFormat.indexOf(QLatin1Char('d')) < shortFormat.indexOf(QLatin1Char('M'));
    const bool dotted = shortFormat.contains(QLatin1String("d."));
    return QLocale().toString(date, dayFirst ? (dotted ? QStringLiteral("d. MMM") : QStringLiteral("d MMM")) : QStringLiteral("MMM d"));
}

qint64 msOf(const QDate &date)
{
    return date.startOfDay().toMSecsSinceEpoch();
}

/// Moments from `fromMs` to `toMs` a whole number of `step`s after local midnight; more than
/// `limit` means too many (the list then stops there).
QList<qint64> clockTicks(qint64 fromMs, qint64 toMs, qint64 step, int limit)
{
    QList<qint64> ticks;
    QDate day = QDateTime::fromMSecsSinceEpoch(fromMs).date();
    while (ticks.size() <= limit) {
        const qint64 midnight = msOf(day);
        if (midnight > toMs)
            break;
        const qint64 dayEnd = msOf(day.addDays(1));
        qint64 t = midnight + std::max<qint64>(0, (fromMs - midnight + step - 1) / step) * step;
        for (; t < dayEnd && t <= toMs && ticks.size() <= limit; t += step)
            ticks.append(t);
        day = day.addDays(1);
    }
    return ticks;
}

QList<qint64> dayTicks(qint64 fromMs, qint64 toMs, int days, int limit)
{
    QList<qint64> ticks;
    QDate day = QDateTime::fromMSecsSinceEpoch(fromMs).date();
    if (msOf(day) < fromMs)
        day = day.addDays(1);
    // Every other day on even Julian days, every seventh on Mondays: the same days whatever the range.
    while ((days == 2 && day.toJulianDay() % 2 != 0) || (days == 7 && day.dayOfWeek() != Qt::Monday))
        day = day.addDays(1);
    for (; msOf(day) <= toMs && ticks.size() <= limit; day = day.addDays(days))
        ticks.append(msOf(day));
    return ticks;
}

QList<qint64> monthTicks(qint64 fromMs, qint64 toMs, int months, int limit)
{
    QList<qint64> ticks;
    const QDate start = QDateTime::fromMSecsSinceEpoch(fromMs).date();
    QDate month(start.year(), start.month(), 1);
    if (msOf(month) < fromMs)
        month = month.addMonths(1);
    while ((month.month() - 1) % months != 0)
        month = month.addMonths(1);
    for (; msOf(month) <= toMs && ticks.size() <= limit; month = month.addMonths(months))
        ticks.append(msOf(month));
    return ticks;
}

} // namespace

QList<TimeTick> roundTimeTicks(qint64 fromMs, qint64 toMs, int maxTicks)
{
    QList<TimeTick> result;
    if (toMs <= fromMs)
        return result;
    maxTicks = std::max(maxTicks, 2);
    const bool spansDays = QDateTime::fromMSecsSinceEpoch(fromMs).date() != QDateTime::fromMSecsSinceEpoch(toMs).date();

    // The smallest round step that needs at most maxTicks ticks. A range shorter than the next
    // step may hold none of its moments (15 days and no first of a month): then the step
    // before, thinned to every n-th tick.
    enum Unit { Clock, Days, Months };
    struct Step
    {
        Unit unit;
        qint64 size;   ///< ms, days or months
    };
    QList<Step> steps;
    for (const qint64 ms : ClockSteps)
        steps.append({Clock, ms});
    for (const int days : DaySteps)
        steps.append({Days, days});
    for (const int months : MonthSteps)
        steps.append({Months, months});
    auto ticksOf = [&](const Step &step, int limit) {
        switch (step.unit) {
        case Clock:
            return clockTicks(fromMs, toMs, step.size, limit);
        case Days:
            return dayTicks(fromMs, toMs, int(step.size), limit);
        case Months:
            break;
        }
        return monthTicks(fromMs, toMs, int(step.size), limit);
    };
    std::optional<Step> chosen;
    std::optional<Step> denser;   // the last step with too many ticks
    QList<qint64> ticks;
    for (const Step &step : std::as_const(steps)) {
        ticks = ticksOf(step, maxTicks);
        if (!ticks.isEmpty() && ticks.size() <= maxTicks) {
            chosen = step;
            break;
        }
        if (!ticks.isEmpty())
            denser = step;
        else if (denser)
            break;
    }
    if (!chosen) {
        if (!denser)
            return result;   // too short for even a second's step
        chosen = denser;
        const QList<qint64> all = ticksOf(*denser, std::numeric_limits<int>::max() - 1);
        const qsizetype stride = (all.size() + maxTicks - 1) / maxTicks;
        ticks.clear();
        for (qsizetype i = 0; i < all.size(); i += stride)
            ticks.append(all[i]);
    }
    const Unit unit = chosen->unit;
    const qint64 clockStep = unit == Clock ? chosen->size : DayMs;

    for (const qint64 ms : std::as_const(ticks)) {
        const QDateTime moment = QDateTime::fromMSecsSinceEpoch(ms);
        QString label;
        if (unit == Months)
            label = QLocale().toString(moment.date(), QStringLiteral("MMM yyyy"));
        else if (unit == Days || (spansDays && moment.time() == QTime(0, 0)))
            label = dayText(moment.date());
        else if (clockStep < MinuteMs)
            label = timeWithSeconds(moment.time());
        else
            label = timeOfDayText(moment.time());
        result.append({ms, label});
    }
    return result;
}

qint64 fittedStart(qint64 windowStartMs, qint64 toMs, std::optional<qint64> firstDataMs, qint64 minSpanMs)
{
    if (!firstDataMs || *firstDataMs <= windowStartMs)
        return windowStartMs;
    return std::max(windowStartMs, std::min(*firstDataMs, toMs - minSpanMs));
}

TimeAxis::TimeAxis(QChart *chart) : m_chart(chart)
{
    setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    connect(chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        // About one label per 90 pixels: room for "10:45 PM" or "26. Nov." with space between.
        const int fits = std::clamp(int(area.width() / 90), 2, 10);
        if (fits != m_maxTicks) {
            m_maxTicks = fits;
            relabel();
        }
    });
}

void TimeAxis::setTimeRange(qint64 fromMs, qint64 toMs)
{
    if (toMs <= fromMs)
        toMs = fromMs + MinuteMs;
    if (fromMs == m_from && toMs == m_to)
        return;
    m_from = fromMs;
    m_to = toMs;
    relabel();
}

void TimeAxis::relabel()
{
    const double width = m_chart->plotArea().width();
    const QFontMetrics metrics(labelsFont());
    // Qt Charts gives each label of a category axis the axis' width over one more than its
    // categories, less 4 px either side, and elides a longer one ("3:19:00 ..."): labels with
    // seconds need more room than the 90 px a tick is planned with, so fewer ticks until the
    // widest fits.
    QList<TimeTick> ticks;
    for (int budget = m_maxTicks;; --budget) {
        ticks = roundTimeTicks(m_from, m_to, budget);
        ticks.removeIf([this](const TimeTick &tick) { return tick.ms <= m_from; });   // a category ends after the axis starts
        if (width <= 0 || ticks.size() <= 1 || budget <= 2)
            break;
        int widest = 0;
        for (const TimeTick &tick : std::as_const(ticks))
            widest = std::max(widest, metrics.boundingRect(tick.label).width());
        if (widest + 2 <= width / double(ticks.size() + 1) - 8)
            break;
    }
    // A label is centred on its tick: one that would stick out past the plot's right edge is
    // cut there ("2:40 A"), so that tick goes (unless it is the only one).
    if (width > 0 && ticks.size() > 1) {
        const double span = double(m_to - m_from);
        const TimeTick &last = ticks.last();
        const double x = double(last.ms - m_from) / span * width;
        if (x + metrics.horizontalAdvance(last.label) / 2.0 > width + 1)
            ticks.removeLast();
    }
    QList<qint64> moments;
    for (const TimeTick &tick : std::as_const(ticks))
        moments.append(tick.ms);
    // A live chart moves every second; its labels change only when a tick enters or leaves.
    if (moments != m_ticks) {
        for (const QString &label : categoriesLabels())
            remove(label);
        setStartValue(double(m_from));
        // A category's label is its key, so a label repeated in the range ("12:00" on two
        // days) is told apart by zero-width spaces nobody sees.
        QSet<QString> used;
        m_labels.clear();
        for (const TimeTick &tick : std::as_const(ticks)) {
            QString label = tick.label;
            while (used.contains(label))
                label.append(QChar(0x200B));
            used.insert(label);
            m_labels.append(tick.label);
            append(label, double(tick.ms));
        }
        m_ticks = moments;
    }
    setStartValue(double(m_from));
    setRange(double(m_from), double(m_to));
}

} // namespace arbor::ui::charts

#pragma once

#include <QCategoryAxis>
#include <QList>
#include <QString>

#include <optional>

class QChart;

namespace arbor::ui::charts {

/// One labelled moment of a time axis.
struct TimeTick
{
    qint64 ms = 0;
    QString label;
};

/**
 * The ticks a time axis from `fromMs` to `toMs` shows: on round moments of local time (every
 * 15 s, 5 min, 15 min, 1 h, 6 h, a day, the first of a month…), the smallest such step that
 * needs at most `maxTicks` ticks. Labels name the time ("14:45", with seconds below a minute's
 * step), a day ("Nov 26") once a step is a day or more, and the day for midnight when the axis
 * spans days. Empty when the range is empty.
 */
QList<TimeTick> roundTimeTicks(qint64 fromMs, qint64 toMs, int maxTicks);

/**
 * Where a time axis that ends at `toMs` starts: at `windowStartMs`, the range the operator
 * chose, or later where the data does when it covers only the end of that range, so a console
 * that has run for two minutes shows those two minutes rather than a sliver at the edge of an
 * hour. The axis spans at least `minSpanMs` (never more than the window). `firstDataMs`: the
 * earliest moment with data in the window, none when there is none (the whole window shows).
 */
qint64 fittedStart(qint64 windowStartMs, qint64 toMs, std::optional<qint64> firstDataMs, qint64 minSpanMs);

/**
 * A chart's time axis with ticks on round moments. QDateTimeAxis spreads a fixed number of
 * ticks evenly over its range, so a live chart reads 20:16:07, 20:19:52…; this axis labels
 * 20:15, 20:20… wherever the range starts, and shows as many as its width holds (about one
 * per 90 pixels, recomputed when the plot area is resized). Values are ms since the epoch, as
 * for QDateTimeAxis.
 *
 * Thread: the GUI thread.
 */
class TimeAxis final : public QCategoryAxis
{
    Q_OBJECT
public:
    explicit TimeAxis(QChart *chart);

    /// Shows `fromMs`…`toMs` and labels its round moments.
    void setTimeRange(qint64 fromMs, qint64 toMs);
    qint64 fromMs() const { return m_from; }
    qint64 toMs() const { return m_to; }
    /// The labels shown, in time order.
    QStringList tickLabels() const { return m_labels; }

private:
    void relabel();

    QChart *m_chart;
    qint64 m_from = 0;
    qint64 m_to = 0;
    int m_maxTicks = 6;
    QList<qint64> m_ticks;   ///< the moments labelled now
    QStringList m_labels;    ///< their labels
};

} // namespace arbor::ui::charts

#pragma once

#include "store/databasestats.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QLabel;
class QStackedWidget;
class QValueAxis;

namespace arbor::ui::charts {
class TimeAxis;
}

namespace arbor::ui {

class SegmentedLine;

/**
 * How the database grew: its size samples (database_size_samples, one per hour from the
 * engine that holds the lease) as lines over time — the whole database (admin, global, every
 * chain and the free space added up), the admin and global tables, and each of the largest
 * chains (the others added up as one line). The y axis is in MB or GB, whichever suits the
 * largest value; a time without samples (more than GapSteps typical intervals, at least two
 * hours) is a gap, not a line. A hint replaces the chart while there are no samples.
 *
 * Thread: the GUI thread.
 */
class DatabaseGrowthChart final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int MaxChainLines = 6;
    static constexpr int GapSteps = 3;

    explicit DatabaseGrowthChart(QWidget *parent = nullptr);
    ~DatabaseGrowthChart() override;

    /// Draws `samples` (any order) between `fromMs` and `toMs`; `chainNames` names the chains' lines.
    void setSamples(const QList<arbor::DatabaseSizeSample> &samples, const QHash<qint64, QString> &chainNames, qint64 fromMs, qint64 toMs);

    /// The lines drawn, in legend order ("Total" first).
    QStringList lineNames() const;
    /// A line's points: x in ms since the epoch, y in bytes.
    QList<QPointF> points(const QString &line) const;
    int segmentCount(const QString &line) const;
    /// "MB" or "GB": the unit of the y axis.
    QString unit() const { return m_unit; }
    /// The time axis' range, start and end in ms since the epoch.
    std::pair<qint64, qint64> timeRange() const;

private:
    void clearLines();

    QChart *m_chart = nullptr;
    QChartView *m_view = nullptr;
    charts::TimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QLabel *m_hint = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<std::shared_ptr<SegmentedLine>> m_lines;
    QHash<QString, QList<QPointF>> m_bytes;   ///< per line, unscaled
    QString m_unit;
};

} // namespace arbor::ui

#pragma once

#include "triggers/triggerrecords.h"

#include <QList>
#include <QPointF>
#include <QWidget>

#include <array>
#include <memory>
#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace arbor {
class StatsService;
class TriggerService;
}

namespace arbor::ui::charts {
class TimeAxis;
}

namespace arbor::ui {

class RefreshThrottle;
class SegmentedLine;

/**
 * "Actions per hour": the action attempts of triggers and alert rules per hour over the last
 * 24 hours or 7 days — successes and failures (hours without attempts drawn as zero) on the
 * attempts axis, average and p95 duration in milliseconds on a second axis (broken where an
 * hour had no attempts). Of every action type, or of one. Every type together has no exact p95:
 * its line is then the slowest type's p95 of the hour, and named so.
 *
 * Reads StatsService::actionMetrics (action_metrics_hourly) itself: when shown, when the window or
 * type changes, after TriggerService::deliveriesChanged at most every RefreshDelayMs, and every
 * PeriodMs while shown. Hovering the chart shows the hour's figures.
 *
 * Thread: the GUI thread. The Engine must outlive the panel.
 */
class ActionMetricsPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Line { SuccessLine, FailureLine, AverageLine, P95Line, LineCount };

    static constexpr qint64 HourMs = 60 * 60 * 1000;
    static constexpr int RefreshDelayMs = 3000;
    static constexpr int PeriodMs = 60000;

    explicit ActionMetricsPanel(arbor::StatsService *stats, arbor::TriggerService *triggers, QWidget *parent = nullptr);
    ~ActionMetricsPanel() override;

    /// The windows the range picker offers, in hours: 24 and 168 (7 days).
    static QList<int> hourChoices();
    void setHours(int hours);
    int hours() const { return m_hours; }
    /// Only the attempts of `type` (nullopt: every type).
    void setActionType(std::optional<arbor::ActionType> type);
    QComboBox *rangePicker() const { return m_range; }
    QComboBox *typePicker() const { return m_type; }

    /// The points of `line`: x the hour's start (ms since the epoch), y attempts or ms.
    QList<QPointF> points(Line line) const;
    QString lineName(Line line) const;
    QString summary() const;
    /// What hovering at `ms` shows: that hour's figures, or nothing outside the window.
    QString readOut(qint64 ms) const;
    QChartView *view() const { return m_view; }

private:
    /// One hour of the chosen action types.
    struct Hour
    {
        qint64 total = 0;
        qint64 success = 0;
        qint64 failure = 0;
        double durationSum = 0;
        qint64 maxMs = 0;
        std::optional<qint64> p95Ms;
    };

    bool read();
    void plot();
    Hour hourAt(qint64 hourStart) const;
    qint64 lastHour() const;

    arbor::StatsService *m_stats = nullptr;
    arbor::TriggerService *m_triggers = nullptr;
    int m_hours = 24;
    std::optional<arbor::ActionType> m_actionType;
    quint64 m_request = 0;
    QList<arbor::ActionMetricsHour> m_rows;
    qint64 m_nowMs = 0;                    ///< when m_rows were asked for
    RefreshThrottle *m_refresh = nullptr;

    QComboBox *m_range = nullptr;
    QComboBox *m_type = nullptr;
    QLabel *m_summary = nullptr;
    QChartView *m_view = nullptr;
    charts::TimeAxis *m_x = nullptr;
    QValueAxis *m_attempts = nullptr;
    QValueAxis *m_duration = nullptr;
    std::array<QLineSeries *, 2> m_counts{};              ///< successes, failures
    std::array<std::unique_ptr<SegmentedLine>, 2> m_durations;   ///< average, p95
};

} // namespace arbor::ui

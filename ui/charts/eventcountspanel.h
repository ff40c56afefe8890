#pragma once

#include "triggers/triggerrecords.h"

#include <QList>
#include <QPointF>
#include <QStringList>
#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace arbor {
class ChainService;
class IndexingService;
class StatsService;
struct ChainRecord;
}

namespace arbor::ui::charts {
class TimeAxis;
}

namespace arbor::ui {

class RefreshThrottle;

/**
 * "Events per hour": the ERC-8004 registry events indexed per hour (by their blocks' time) over
 * the last 24 hours or 7 days, of every chain or of one, with a line per registry (identity,
 * reputation, validation) or per event type. Hours without events are drawn as zero; only
 * registries or types with events in the window get a line.
 *
 * Reads StatsService::eventCounts (trigger_event_counts_hourly, counted by the trigger pass after each
 * promotion) itself: when shown, when the window or chain changes, after promotions
 * (IndexingService::chainPromoted) at most every RefreshDelayMs, and every PeriodMs while shown.
 * Hovering the chart shows the hour's counts.
 *
 * Thread: the GUI thread. The Engine must outlive the panel.
 */
class EventCountsPanel final : public QWidget
{
    Q_OBJECT

public:
    enum Grouping { ByRegistry, ByEventType };

    static constexpr qint64 HourMs = 60 * 60 * 1000;
    static constexpr int RefreshDelayMs = 5000;
    static constexpr int PeriodMs = 60000;

    explicit EventCountsPanel(arbor::StatsService *stats, arbor::ChainService *chains, arbor::IndexingService *indexing, QWidget *parent = nullptr);

    void setHours(int hours);
    int hours() const { return m_hours; }
    void setGrouping(Grouping grouping);
    /// Only the events of `chainId` (nullopt: every chain).
    void setChain(std::optional<qint64> chainId);
    QComboBox *rangePicker() const { return m_range; }
    QComboBox *groupingPicker() const { return m_grouping; }
    QComboBox *chainPicker() const { return m_chain; }

    /// The lines drawn, in legend order.
    QStringList lineNames() const;
    /// The points of line `name`: x the hour's start (ms since the epoch), y its events.
    QList<QPointF> points(const QString &name) const;
    QString summary() const;
    /// What hovering at `ms` shows: that hour's counts per line, or nothing outside the window.
    QString readOut(qint64 ms) const;
    QChartView *view() const { return m_view; }

private:
    bool read();
    void plot();
    void updateChains(const QList<arbor::ChainRecord> &chains);
    QString groupOf(const arbor::EventCountHour &row) const;
    qint64 lastHour() const;

    arbor::StatsService *m_stats = nullptr;
    arbor::ChainService *m_chains = nullptr;
    arbor::IndexingService *m_indexing = nullptr;
    int m_hours = 24;
    Grouping m_groupingValue = ByRegistry;
    std::optional<qint64> m_chainId;
    quint64 m_request = 0;
    QList<arbor::EventCountHour> m_rows;
    qint64 m_nowMs = 0;
    RefreshThrottle *m_refresh = nullptr;

    QComboBox *m_range = nullptr;
    QComboBox *m_grouping = nullptr;
    QComboBox *m_chain = nullptr;
    QLabel *m_summary = nullptr;
    QChartView *m_view = nullptr;
    charts::TimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QList<QLineSeries *> m_lines;
};

} // namespace arbor::ui

#pragma once

#include <QColor>
#include <QList>
#include <QPointF>
#include <QString>

#include <optional>

class QAbstractAxis;
class QChart;
class QLineSeries;
class QValueAxis;

namespace arbor::ui {

/**
 * One named line of a chart drawn as separate segments, so nothing is drawn across a gap (Qt
 * Charts joins every point of a QLineSeries). The first segment's series always exists and
 * alone appears in the legend; the others share its colour. A segment of one point is drawn
 * as a dot.
 *
 * Not a QObject: it adds its series to `chart` (which owns them) and removes them again in its
 * destructor. Thread: the GUI thread.
 */
class SegmentedLine final
{
public:
    SegmentedLine(QChart *chart, QAbstractAxis *x, QValueAxis *y, const QString &name, const QColor &color);
    ~SegmentedLine();
    SegmentedLine(const SegmentedLine &) = delete;
    SegmentedLine &operator=(const SegmentedLine &) = delete;

    QString name() const { return m_name; }
    QValueAxis *axis() const { return m_y; }
    QColor color() const { return m_color; }

    /// Draws `segments` (each in time order; the segments too), replacing what was drawn.
    void setSegments(const QList<QList<QPointF>> &segments);
    /// Every point drawn, in time order.
    const QList<QPointF> &points() const { return m_points; }
    /// How many separate pieces the line is drawn in (0 when it has no point).
    int segmentCount() const { return m_segments; }
    /// The drawn point nearest in time to `x`, if one is within `maxDistance`.
    std::optional<QPointF> nearest(double x, double maxDistance) const;

private:
    QLineSeries *addSeries();

    QChart *m_chart;
    QAbstractAxis *m_x;
    QValueAxis *m_y;
    QString m_name;
    QColor m_color;
    QList<QLineSeries *> m_series;   ///< [0] is in the legend; the rest are kept for reuse
    QList<QPointF> m_points;
    int m_segments = 0;
};

} // namespace arbor::ui

#pragma once

#include <QList>
#include <QPointF>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace arbor {

/**
 * A fixed-capacity ring buffer of (ms since the epoch, value) points, oldest first.
 *
 * Memory is bounded by capacity() points, allocated once; append() is O(1) and, once the
 * buffer is full, overwrites the oldest point. Times are expected to be non-decreasing; the
 * series does not sort.
 *
 * A plain value type with no locking: use it from one thread (ChainMetrics keeps it on the
 * Engine's thread).
 */
class TimeSeries
{
public:
    struct Point
    {
        qint64 ms = 0;      ///< ms since the epoch
        double value = 0;
    };

    /// `capacity` points at most (at least 1).
    explicit TimeSeries(int capacity = 1);

    int capacity() const { return int(m_points.size()); }
    int size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    /// Adds a point; drops the oldest when full.
    void append(qint64 ms, double value);
    void clear();

    /// The newest point, if any.
    std::optional<Point> last() const;
    /// The `i`-th point, 0 being the oldest held.
    Point at(int i) const;

    /// The points at or after `sinceMs`, oldest first: x in ms since the epoch, y the value.
    QList<QPointF> points(qint64 sinceMs = 0) const;

private:
    std::vector<Point> m_points;
    int m_first = 0;     ///< index of the oldest point
    int m_size = 0;
};

} // namespace arbor

#include "metrics/timeseries.h"

#include <algorithm>

namespace arbor {

TimeSeries::TimeSeries(int capacity)
    : m_points(std::size_t(std::max(1, capacity)))
{
}

void TimeSeries::append(qint64 ms, double value)
{
    const int cap = capacity();
    if (m_size < cap) {
        m_points[std::size_t((m_first + m_size) % cap)] = {ms, value};
        ++m_size;
        return;
    }
    m_points[std::size_t(m_first)] = {ms, value};
    m_first = (m_first + 1) % cap;
}

void TimeSeries::clear()
{
    m_first = 0;
    m_size = 0;
}

std::optional<TimeSeries::Point> TimeSeries::last() const
{
    if (m_size == 0)
        return std::nullopt;
    return at(m_size - 1);
}

TimeSeries::Point TimeSeries::at(int i) const
{
    Q_ASSERT(i >= 0 && i < m_size);
    return m_points[std::size_t((m_first + i) % capacity())];
}

QList<QPointF> TimeSeries::points(qint64 sinceMs) const
{
    // Binary search for the first point at or after sinceMs: times are non-decreasing.
    int lo = 0;
    int hi = m_size;
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (at(mid).ms < sinceMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    QList<QPointF> out;
    out.reserve(m_size - lo);
    for (int i = lo; i < m_size; ++i) {
        const Point p = at(i);
        out.append(QPointF(double(p.ms), p.value));
    }
    return out;
}

} // namespace arbor

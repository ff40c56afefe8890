#include "charts/segmentedline.h"

#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace arbor::ui {

SegmentedLine::SegmentedLine(QChart *chart, QAbstractAxis *x, QValueAxis *y, const QString &name, const QColor &color)
    : m_chart(chart), m_x(x), m_y(y), m_name(name), m_color(color)
{
    addSeries();
}

SegmentedLine::~SegmentedLine()
{
    for (QLineSeries *series : std::as_const(m_series)) {
        m_chart->removeSeries(series);
        delete series;
    }
}

QLineSeries *SegmentedLine::addSeries()
{
    auto *series = new QLineSeries;
    series->setName(m_name);
    m_chart->addSeries(series);   // the chart owns it until the destructor takes it back
    series->attachAxis(m_x);
    series->attachAxis(m_y);
    QPen pen = series->pen();
    pen.setColor(m_color);
    pen.setWidthF(1.5);
    series->setPen(pen);
    series->setColor(m_color);
    series->setMarkerSize(4);
    if (!m_series.isEmpty()) {
        for (QLegendMarker *marker : m_chart->legend()->markers(series))
            marker->setVisible(false);
    }
    m_series.append(series);
    return series;
}

void SegmentedLine::setSegments(const QList<QList<QPointF>> &segments)
{
    m_points.clear();
    m_segments = 0;
    for (const QList<QPointF> &segment : segments) {
        if (segment.isEmpty())
            continue;
        QLineSeries *series = m_segments < m_series.size() ? m_series[m_segments] : addSeries();
        series->setPointsVisible(segment.size() == 1);
        series->replace(segment);
        m_points.append(segment);
        ++m_segments;
    }
    for (qsizetype i = m_segments; i < m_series.size(); ++i) {
        if (m_series[i]->count() > 0)
            m_series[i]->clear();
    }
}

std::optional<QPointF> SegmentedLine::nearest(double x, double maxDistance) const
{
    if (m_points.isEmpty())
        return std::nullopt;
    const auto after = std::lower_bound(m_points.begin(), m_points.end(), x, [](const QPointF &p, double t) { return p.x() < t; });
    std::optional<QPointF> best;
    if (after != m_points.end())
        best = *after;
    if (after != m_points.begin()) {
        const QPointF before = *(after - 1);
        if (!best || x - before.x() < best->x() - x)
            best = before;
    }
    if (!best || std::abs(best->x() - x) > maxDistance)
        return std::nullopt;
    return best;
}

} // namespace arbor::ui

#include "metrics/seriesmath.h"

#include <algorithm>
#include <cmath>

namespace arbor::seriesmath {

QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, qint64 maxGapMs)
{
    QList<QList<QPointF>> runs;
    for (qsizetype i = 0; i < points.size(); ++i) {
        if (i == 0 || points[i].x() - points[i - 1].x() > double(maxGapMs))
            runs.append(QList<QPointF>());
        runs.last().append(points[i]);
    }
    return runs;
}

double niceCeil(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 5.0, 10.0}) {
        // A hair of tolerance for powers of ten that floating point rounds (2 × 0.1).
        if (step * magnitude >= value * (1 - 1e-12))
            return step * magnitude;
    }
    return 10 * magnitude;
}

Scale robustScale(QList<double> values, double percentile, double outlierFactor, double headroom)
{
    Scale scale;
    if (values.isEmpty())
        return scale;
    for (double &v : values)
        v = std::isfinite(v) ? std::max(0.0, v) : 0.0;
    std::sort(values.begin(), values.end());
    scale.highest = values.last();
    if (scale.highest <= 0)
        return scale;
    const qsizetype rank = std::clamp<qsizetype>(qsizetype(std::ceil(percentile * double(values.size()))) - 1, 0, values.size() - 1);
    const double typical = values[rank];
    if (typical <= 0 || scale.highest <= typical * outlierFactor) {
        // No outliers, or nothing but them (a quiet chain with one burst): show everything.
        scale.top = niceCeil(scale.highest * headroom);
        return scale;
    }
    scale.top = niceCeil(typical * headroom);
    scale.clipped = scale.highest > scale.top;
    return scale;
}

Scale robustScale(const QList<QPointF> &points, double percentile, double outlierFactor, double headroom)
{
    QList<double> values;
    values.reserve(points.size());
    for (const QPointF &p : points)
        values.append(p.y());
    return robustScale(std::move(values), percentile, outlierFactor, headroom);
}

std::optional<double> promotionRate(const std::deque<CheckpointSample> &samples, qint64 windowMs)
{
    if (samples.size() < 2)
        return std::nullopt;
    const CheckpointSample &now = samples.back();
    // The newest sample at least a window old, else the oldest.
    const CheckpointSample *start = &samples.front();
    for (const CheckpointSample &s : samples) {
        if (now.ms - s.ms >= windowMs)
            start = &s;
        else
            break;
    }
    const qint64 spanMs = now.ms - start->ms;
    if (spanMs < 1000)
        return std::nullopt;
    return double(std::max<qint64>(0, now.block - start->block)) * 1000.0 / double(spanMs);
}

void trimRateSamples(std::deque<CheckpointSample> &samples, qint64 windowMs)
{
    if (samples.empty())
        return;
    const qint64 now = samples.back().ms;
    while (samples.size() > 2 && now - samples[1].ms >= windowMs)
        samples.pop_front();
}

QList<QPointF> downsample(const QList<QPointF> &points, qint64 bucketMs)
{
    if (bucketMs <= 1 || points.isEmpty())
        return points;
    QList<QPointF> out;
    qint64 bucket = 0;
    double firstX = 0;   // times are summed relative to the bucket's first: ms since the epoch are large
    double sumX = 0;
    double sumY = 0;
    int count = 0;
    auto flush = [&] {
        if (count > 0)
            out.append(QPointF(firstX + sumX / count, sumY / count));
        sumX = sumY = 0;
        count = 0;
    };
    for (const QPointF &p : points) {
        const qint64 b = qint64(std::floor(p.x() / double(bucketMs)));
        if (count > 0 && b != bucket)
            flush();
        if (count == 0)
            firstX = p.x();
        bucket = b;
        sumX += p.x() - firstX;
        sumY += p.y();
        ++count;
    }
    flush();
    return out;
}

QList<QPointF> between(const QList<QPointF> &points, qint64 fromMs, qint64 toMs)
{
    const auto first = std::lower_bound(points.begin(), points.end(), double(fromMs), [](const QPointF &p, double t) { return p.x() < t; });
    const auto last = std::upper_bound(first, points.end(), double(toMs), [](double t, const QPointF &p) { return t < p.x(); });
    return QList<QPointF>(first, last);
}

} // namespace arbor::seriesmath

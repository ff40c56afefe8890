#pragma once

#include <QList>
#include <QPointF>
#include <QtGlobal>

#include <deque>
#include <optional>

/**
 * Pure functions behind the charts: where a line has gaps, how tall a value axis should be, what
 * "blocks per second" means, and how many points a long window is drawn with. Points are
 * x = ms since the epoch, y = the value, oldest first. No state, no threads: safe anywhere.
 */
namespace arbor::seriesmath {

/**
 * The runs of `points` in which no two neighbours are more than `maxGapMs` apart: a line is drawn
 * through each run and never across the time between two runs, when nothing was measured. Every
 * point is in exactly one run; a run may hold a single point. Empty in, empty out.
 */
QList<QList<QPointF>> splitAtGaps(const QList<QPointF> &points, qint64 maxGapMs);

/// Where a value axis ends, and whether points lie above it (drawn clipped, and marked).
struct Scale
{
    double top = 1;          ///< the axis maximum, a round number (1, 2 or 5 times a power of ten)
    double highest = 0;      ///< the largest value, shown or not
    bool clipped = false;    ///< some values are above `top`: outliers, marked on the chart
};

/**
 * The top of a value axis (which starts at 0) for `values`, robust to outliers: the largest value
 * with `headroom` when it is no more than `outlierFactor` times the `percentile` (nearest rank) of
 * the values; otherwise that percentile with headroom, and the values above it are outliers
 * (`clipped`). So one catch-up burst of 80,000 blocks/s in an hour of 20 blocks/s leaves the
 * axis at 50, not 100,000. All zero or empty: top 1. Negative values count as 0.
 */
Scale robustScale(QList<double> values, double percentile = 0.95, double outlierFactor = 2.0, double headroom = 1.15);
/// robustScale() of the y of every point.
Scale robustScale(const QList<QPointF> &points, double percentile = 0.95, double outlierFactor = 2.0, double headroom = 1.15);

/// The smallest of 1, 2, 5 × 10^n at or above `value` (1 for value ≤ 0).
double niceCeil(double value);

/// A chain's checkpoint (the highest block promoted, gap-free) as seen at `ms`.
struct CheckpointSample
{
    qint64 ms = 0;
    qint64 block = 0;
};

/**
 * Blocks promoted per second over the last `windowMs`: (checkpoint now − checkpoint at the
 * start of the window) / (the time between them). The start is the newest sample at least
 * `windowMs` old, or the oldest one while less than a window has been seen. `samples` are in
 * time order, the newest last (it is "now"). Empty with fewer than two samples or under one
 * second between them. Never negative: a checkpoint that went back (a reorg) counts as 0.
 */
std::optional<double> promotionRate(const std::deque<CheckpointSample> &samples, qint64 windowMs);

/**
 * Drops from the front of `samples` what promotionRate() no longer needs for `windowMs`: every
 * sample older than the newest one at least a window old.
 */
void trimRateSamples(std::deque<CheckpointSample> &samples, qint64 windowMs);

/**
 * At most one point per `bucketMs` (buckets aligned to multiples of bucketMs since the epoch):
 * the mean value of the bucket's points at the mean of their times, so a run of samples keeps
 * its shape and a gap stays a gap. bucketMs ≤ 1 returns `points` unchanged.
 */
QList<QPointF> downsample(const QList<QPointF> &points, qint64 bucketMs);

/// The points with x in [fromMs, toMs] (binary search: `points` are in time order).
QList<QPointF> between(const QList<QPointF> &points, qint64 fromMs, qint64 toMs);

} // namespace arbor::seriesmath

#pragma once

#include <QColor>

class QValueAxis;

namespace arbor::ui::charts {

inline constexpr qint64 SecondMs = 1000;
inline constexpr qint64 MinuteMs = 60 * SecondMs;
inline constexpr qint64 HourMs = 60 * MinuteMs;
inline constexpr qint64 DayMs = 24 * HourMs;

/// The colour of a chart's line number `index` (any index: the eight colours repeat), the same
/// order on every chart so a series keeps its colour when a chart is redrawn.
QColor lineColor(int index);
/// How many colours lineColor() cycles through.
int lineColorCount();

/// The labels of `axis` with as many decimals as its ticks need ("%.0f" for 0, 2, 4…, "%.1f"
/// for 0, 0.5, 1…). Not "%g": Qt Charts draws no label for it once a chart localizes its numbers.
void setTickLabelFormat(QValueAxis *axis);

/// A value axis from 0 with round ticks and some room above `top` (at least 0…3 for whole
/// counts, whose labels then carry no decimals).
void fitValueAxis(QValueAxis *axis, double top, bool whole);

} // namespace arbor::ui::charts

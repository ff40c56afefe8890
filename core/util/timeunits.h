#pragma once

#include <QtGlobal>

// Lengths of time in milliseconds, written out once. Used qualified (timeunits::HourMs): a
// unity build puts several files in one translation unit, where file-local copies collide.
namespace arbor::timeunits {

inline constexpr qint64 SecondMs = 1000;
inline constexpr qint64 MinuteMs = 60 * SecondMs;
inline constexpr qint64 HourMs = 60 * MinuteMs;
inline constexpr qint64 DayMs = 24 * HourMs;

} // namespace arbor::timeunits

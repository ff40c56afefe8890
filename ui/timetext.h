#pragma once

#include <QString>

class QDateTime;
class QTime;

namespace arbor::ui {

/// How much of the time a timestamp shows: minutes in tables and texts, seconds in tooltips.
enum class TimePrecision { Minutes, Seconds };

/// A moment (unix ms) as the console shows it everywhere: the locale's short date and time
/// ("11/25/26 3:04 PM", "25.11.26 15:04"; with seconds "11/25/26 3:04:09 PM"); "—" for 0 (never).
QString timestampText(qint64 ms, TimePrecision precision = TimePrecision::Minutes);
/// The same for a QDateTime (shown in local time); "—" when it is not valid.
QString timestampText(const QDateTime &moment, TimePrecision precision = TimePrecision::Minutes);
/// A time of today in the locale's short form ("3:04 PM", "15:04").
QString timeOfDayText(const QTime &time);

} // namespace arbor::ui

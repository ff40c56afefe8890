#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <optional>

namespace arbor {

/**
 * Durations as operators write them in files and on the command line: "90s", "30m", "2h", "1d",
 * or a plain number of seconds. One parser for trigger windows, retry schedules, alert rules and
 * arborctl's options, so "2h" means the same everywhere.
 */

/// The duration `text` names, in seconds; nothing when it is not one (negative, fractional,
/// another unit, or more than 999,999,999 of its unit).
std::optional<qint64> parseDurationSeconds(QStringView text);
/// The same for a JSON value: a whole number of seconds, or text as above.
std::optional<qint64> parseDurationSeconds(const QJsonValue &value);
/// The shortest exact form: "1d", "2h", "30m", "90s".
QString durationText(qint64 seconds);

} // namespace arbor

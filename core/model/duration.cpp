#include "model/duration.h"

#include <QRegularExpression>

#include <cmath>

namespace arbor {

std::optional<qint64> parseDurationSeconds(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*(\\d{1,9})\\s*([smhd]?)\\s*$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 n = m.captured(1).toLongLong();
    const QString unit = m.captured(2);
    if (unit == u"m")
        return n * 60;
    if (unit == u"h")
        return n * 3600;
    if (unit == u"d")
        return n * 86400;
    return n;
}

std::optional<qint64> parseDurationSeconds(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double seconds = value.toDouble();
        if (seconds < 0 || seconds != std::floor(seconds) || seconds > 1e12)
            return std::nullopt;
        return qint64(seconds);
    }
    if (!value.isString())
        return std::nullopt;
    return parseDurationSeconds(QStringView(value.toString()));
}

QString durationText(qint64 seconds)
{
    if (seconds > 0 && seconds % 86400 == 0)
        return QString::number(seconds / 86400) + QLatin1Char('d');
    if (seconds > 0 && seconds % 3600 == 0)
        return QString::number(seconds / 3600) + QLatin1Char('h');
    if (seconds > 0 && seconds % 60 == 0)
        return QString::number(seconds / 60) + QLatin1Char('m');
    return QString::number(seconds) + QLatin1Char('s');
}

} // namespace arbor

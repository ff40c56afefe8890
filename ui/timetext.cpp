#include "timetext.h"

#include <QDateTime>
#include <QLocale>

namespace arbor::ui {

namespace {

/// The locale's time format with seconds but without the time zone its long format adds.
QString timeWithSecondsFormat(const QLocale &locale)
{
    QString format = locale.timeFormat(QLocale::LongFormat);
    format.remove(u't');
    return format.trimmed();
}

} // namespace

QString timestampText(const QDateTime &moment, TimePrecision precision)
{
    if (!moment.isValid())
        return QStringLiteral("—");
    const QLocale locale;
    const QDateTime local = moment.toLocalTime();
    if (precision == TimePrecision::Minutes)
        return locale.toString(local, QLocale::ShortFormat);
    return locale.toString(local.date(), QLocale::ShortFormat) + u' ' + locale.toString(local.time(), timeWithSecondsFormat(locale));
}

QString timestampText(qint64 ms, TimePrecision precision)
{
    if (ms <= 0)
        return QStringLiteral("—");
    return timestampText(QDateTime::fromMSecsSinceEpoch(ms), precision);
}

QString timeOfDayText(const QTime &time)
{
    return QLocale().toString(time, QLocale::ShortFormat);
}

} // namespace arbor::ui

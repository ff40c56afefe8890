#include "triggers/retryschedule.h"

#include "model/duration.h"
#include "util/timeunits.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace arbor {
namespace {

QList<qint64> doubling(int count, qint64 firstMs, qint64 capMs)
{
    QList<qint64> waits;
    qint64 wait = firstMs;
    for (int i = 0; i < count; ++i) {
        waits.append(std::min(wait, capMs));
        wait = std::min(wait * 2, capMs);
    }
    return waits;
}

} // namespace

RetrySchedule::RetrySchedule()
    : RetrySchedule(standard())
{
}

RetrySchedule::RetrySchedule(QString name, QList<qint64> waitsMs)
    : m_name(std::move(name))
    , m_waitsMs(std::move(waitsMs))
{
}

RetrySchedule RetrySchedule::standard()
{
    return RetrySchedule(QStringLiteral("standard"),
                         {5 * timeunits::SecondMs, 5 * timeunits::MinuteMs, 30 * timeunits::MinuteMs, 2 * timeunits::HourMs, 5 * timeunits::HourMs, 10 * timeunits::HourMs, 14 * timeunits::HourMs, 20 * timeunits::HourMs, 24 * timeunits::HourMs});
}

RetrySchedule RetrySchedule::quick()
{
    return RetrySchedule(QStringLiteral("quick"), doubling(8, timeunits::SecondMs, 2 * timeunits::MinuteMs));
}

RetrySchedule RetrySchedule::none()
{
    return RetrySchedule(QStringLiteral("none"), {});
}

RetrySchedule RetrySchedule::legacy(int retries)
{
    return RetrySchedule(QString(), doubling(std::clamp(retries, 0, MaxSteps), timeunits::SecondMs, 10 * timeunits::MinuteMs));
}

RetrySchedule RetrySchedule::steps(QList<qint64> waitsMs)
{
    return RetrySchedule(QString(), std::move(waitsMs));
}

std::optional<RetrySchedule> RetrySchedule::named(const QString &name)
{
    if (name == u"standard")
        return standard();
    if (name == u"quick")
        return quick();
    if (name == u"none")
        return none();
    return std::nullopt;
}

Result<RetrySchedule> RetrySchedule::parse(const QJsonValue &value, const QString &field)
{
    if (value.isString()) {
        if (auto schedule = named(value.toString()))
            return *schedule;
        return Error::invalid(field, tr("“%1” is not a retry schedule. Use standard (about three days), quick (about four minutes), "
                                        "none, or a list of waits such as [\"30s\", \"5m\", \"1h\"].")
                                         .arg(value.toString()));
    }
    if (!value.isArray())
        return Error::invalid(field, tr("Use a schedule's name (standard, quick, none) or a list of waits such as [\"30s\", \"5m\", \"1h\"]."));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxSteps)
        return Error::invalid(field, tr("At most %1 retries; a longer list is more likely a mistake.").arg(MaxSteps));
    QList<qint64> waits;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const std::optional<qint64> seconds = parseDurationSeconds(array[i]);
        if (!seconds || *seconds < 1 || *seconds * timeunits::SecondMs > MaxStepMs) {
            return Error::invalid(field + QStringLiteral("[%1]").arg(i),
                                  tr("Use a wait from 1s to 7d, such as \"30s\", \"5m\", \"2h\" or \"1d\"."));
        }
        waits.append(*seconds * timeunits::SecondMs);
    }
    return steps(waits);
}

QJsonValue RetrySchedule::toJson() const
{
    if (!m_name.isEmpty())
        return m_name;
    QJsonArray array;
    for (const qint64 wait : m_waitsMs)
        array.append(wait % timeunits::SecondMs == 0 ? durationText(wait / timeunits::SecondMs) : QString::number(double(wait) / timeunits::SecondMs) + u's');
    return array;
}

qint64 RetrySchedule::totalMs() const
{
    qint64 total = 0;
    for (const qint64 wait : m_waitsMs)
        total += wait;
    return total;
}

std::optional<qint64> RetrySchedule::nextAttemptAt(int attempt, qint64 failedAtMs, double jitter01, std::optional<qint64> retryAfterMs) const
{
    const int retry = std::max(attempt, 1) - 1;   // the wait after attempt 1 is the first
    if (retry >= m_waitsMs.size())
        return std::nullopt;
    const double spread = 0.9 + 0.2 * std::clamp(jitter01, 0.0, 1.0);
    qint64 wait = std::max<qint64>(1, qint64(std::llround(double(m_waitsMs[retry]) * spread)));
    if (retryAfterMs)
        wait = std::max(wait, std::min(*retryAfterMs, MaxRetryAfterMs));
    return failedAtMs + wait;
}

QString RetrySchedule::describe() const
{
    QStringList waits;
    for (const qint64 wait : m_waitsMs)
        waits.append(durationText(std::max<qint64>(1, wait / timeunits::SecondMs)));
    const QString list = waits.isEmpty() ? tr("no retries") : waits.join(QLatin1String(", "));
    return m_name.isEmpty() ? list : tr("%1 (%2)").arg(m_name, list);
}

} // namespace arbor

#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/**
 * When an action's delivery is tried again after a failed attempt: a list of waits, one per
 * retry, after which the delivery is dead (listed as undelivered, resent only by an operator).
 *
 * The default, "standard", is the Standard Webhooks guidance — 5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 14 h, 20 h, 24 h after the attempt before, about three days and three hours in all — so
 * a receiver down for an afternoon or a weekend day loses nothing. "quick" is 1 s doubling to
 * 2 min (eight retries, about four minutes: a chat notification that is stale after that), and
 * "none" gives up after the first attempt. An action may instead list its own waits
 * (["10s", "1m", "1h"], at most 50, each from 1 s to 7 days).
 *
 * Each wait is spread by ±10 % so deliveries that failed together do not return together, and a
 * receiver's Retry-After is honoured: the next attempt comes no earlier than it asks (up to a day).
 *
 * In a trigger or alert rule file: `"retry": "standard" | "quick" | "none" | ["30s", "5m", …]`.
 * The older `"maxRetries": N` still reads, as N waits of 1 s doubling to 10 minutes.
 */
class RetrySchedule
{
    Q_DECLARE_TR_FUNCTIONS(arbor::RetrySchedule)

public:
    static constexpr int MaxSteps = 50;
    static constexpr qint64 MaxStepMs = 7LL * 24 * 3600 * 1000;
    static constexpr qint64 MaxRetryAfterMs = 24LL * 3600 * 1000;

    /// The standard schedule.
    RetrySchedule();

    static RetrySchedule standard();
    static RetrySchedule quick();
    static RetrySchedule none();
    /// `retries` waits of 1 s doubling to 10 minutes: what `maxRetries` meant before schedules.
    static RetrySchedule legacy(int retries);
    /// Own waits, unnamed.
    static RetrySchedule steps(QList<qint64> waitsMs);
    /// "standard", "quick", "none", or nothing for another.
    static std::optional<RetrySchedule> named(const QString &name);

    /// The file's `retry` value: a name or an array of durations; `field` names it in errors.
    static Result<RetrySchedule> parse(const QJsonValue &value, const QString &field);
    /// The form parse() reads: the name for a named schedule, else the array of waits.
    QJsonValue toJson() const;

    QString name() const { return m_name; }   ///< empty for own waits
    const QList<qint64> &waitsMs() const { return m_waitsMs; }
    int retries() const { return int(m_waitsMs.size()); }
    /// The waits from the first attempt to the last, without jitter.
    qint64 totalMs() const;

    /**
     * When attempt `attempt + 1` is due after attempt `attempt` (1 for the first) failed at
     * `failedAtMs`; nothing when the schedule is spent. `jitter01` in [0, 1] spreads the wait by
     * ±10 %; `retryAfterMs`, the receiver's Retry-After, is a floor.
     */
    std::optional<qint64> nextAttemptAt(int attempt, qint64 failedAtMs, double jitter01, std::optional<qint64> retryAfterMs = std::nullopt) const;

    /// "standard (5s, 5m, 30m, 2h, 5h, 10h, 14h, 20h, 24h)" — for tooltips and `trigger show`.
    QString describe() const;

    friend bool operator==(const RetrySchedule &, const RetrySchedule &) = default;

private:
    RetrySchedule(QString name, QList<qint64> waitsMs);

    QString m_name;
    QList<qint64> m_waitsMs;
};

} // namespace arbor

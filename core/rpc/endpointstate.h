#pragma once

#include "error.h"
#include "rpc/endpointpool.h"

#include <QList>
#include <QPointer>
#include <QString>

#include <memory>
#include <optional>

class QNetworkReply;

namespace arbor {

/**
 * One endpoint inside an EndpointPool: its measured health, its circuit breaker and its shared
 * EndpointLimiter. Internal to the pool (not for the UI: it reads EndpointHealth snapshots).
 *
 * Times are the pool's clock in milliseconds. Thread: the pool's.
 */
struct EndpointState
{
    const RpcPolicy *policy;
    EndpointHealth health;          ///< status and circuitOpen are derived on read: see status()
    int consecutiveFailures = 0;
    qint64 openUntilMs = 0;         ///< the circuit is half-open from then on
    int openPeriodMs = 0;
    bool trialInFlight = false;     ///< the one request a half-open circuit lets through
    std::shared_ptr<EndpointLimiter> limiter;
    int inFlight = 0;
    bool answered = false;
    bool lastOk = false;
    QString announcedStatus;
    QList<QPointer<QNetworkReply>> replies;

    bool tripped() const { return consecutiveFailures >= std::max(1, policy->breakerThreshold); }
    bool open(qint64 now) const { return tripped() && now < openUntilMs; }
    /// "unknown", "down" (circuit open), "rate limited" (a 429 lately), "degraded" or "ok".
    QString status(qint64 now) const;
    /// Whether a request of `weight` calls (over `logBlocks` blocks) is within what it accepts.
    bool fits(int weight, qint64 logBlocks) const;
    void recordAnswer(std::optional<qint64> latencyMs);
    void recordFailure(const QString &message, qint64 startedMs, qint64 now);
    /// An error text that names this endpoint, whatever produced it.
    QString describe(const Error &error) const;
};

} // namespace arbor

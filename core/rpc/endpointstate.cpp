#include "rpc/endpointstate.h"

#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"

#include <QDateTime>

#include <algorithm>

namespace arbor {
namespace {

// Weight of the newest outcome in the error-rate EWMA: one failure alone reaches the 0.2 that
// makes an endpoint "degraded"; about four successes bring it back.
constexpr double ErrorRateAlpha = 0.2;
constexpr double DegradedErrorRate = 0.2;

} // namespace

QString EndpointState::status(qint64 now) const
{
    if (!answered)
        return QStringLiteral("unknown");
    if (open(now))
        return QStringLiteral("down");
    if (limiter->rateLimitedWithin(policy->rateLimitedShowMs))
        return QStringLiteral("rate limited");
    if (tripped() || health.errorRate >= DegradedErrorRate || !lastOk)
        return QStringLiteral("degraded");
    return QStringLiteral("ok");
}

bool EndpointState::fits(int weight, qint64 logBlocks) const
{
    if (weight > 1 && limiter->batchLimit(weight) < weight)
        return false;
    const qint64 range = limiter->limits().logRangeLimit;
    return !(logBlocks > 0 && range > 0 && logBlocks > range);
}

void EndpointState::recordAnswer(std::optional<qint64> latencyMs)
{
    ++health.requests;
    if (latencyMs) {
        const double sample = double(*latencyMs);
        health.latencyMs = health.latencyMs <= 0 ? std::max(sample, 0.1)
                                                 : policy->latencyAlpha * sample + (1 - policy->latencyAlpha) * health.latencyMs;
    }
    health.errorRate *= 1 - ErrorRateAlpha;
    if (tripped())
        qCInfo(lcRpc).noquote() << rpchttp::displayUrl(health.url) << "answered again; its circuit is closed";
    consecutiveFailures = 0;
    openPeriodMs = 0;
    answered = true;
    lastOk = true;
}

void EndpointState::recordFailure(const QString &message, qint64 startedMs, qint64 now)
{
    ++health.requests;
    ++health.failures;
    health.errorRate = health.errorRate * (1 - ErrorRateAlpha) + ErrorRateAlpha;
    health.lastError = message;
    health.lastErrorAtMs = QDateTime::currentMSecsSinceEpoch();
    answered = true;
    lastOk = false;
    // Only a request sent while half-open extends the open period: requests already under
    // way when the circuit opened say nothing new.
    const bool trial = tripped() && startedMs >= openUntilMs;
    ++consecutiveFailures;
    if (consecutiveFailures == std::max(1, policy->breakerThreshold))
        openPeriodMs = std::max(1, policy->breakerBaseMs);
    else if (trial)
        openPeriodMs = std::min(std::max(policy->breakerBaseMs, openPeriodMs * 2), std::max(policy->breakerBaseMs, policy->breakerMaxMs));
    else
        return;
    openUntilMs = now + openPeriodMs;
    qCWarning(lcRpc).noquote() << "circuit open for" << openPeriodMs << "ms after" << consecutiveFailures
                               << "failures in a row:" << message;
}

QString EndpointState::describe(const Error &error) const
{
    const QString where = rpchttp::displayUrl(health.url);
    return error.message.contains(where) ? error.message : where + QLatin1String(": ") + error.toString();
}

} // namespace arbor

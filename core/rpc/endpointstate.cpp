#include "rpc/endpointstate.h"

#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"

#include <QDateTime>

#include <algorithm>

namespace arbor {
namespace {

// Weight of the newest outcome in the error-rate EWMA shown on the endpoint's row.
constexpr double ErrorRateAlpha = 0.2;

} // namespace

EndpointStatus EndpointState::status(qint64 now) const
{
    if (last == Outcome::None)
        return EndpointStatus::Unknown;
    if (open() || last == Outcome::Unreachable)
        return EndpointStatus::Unreachable;
    if (limiter->rateLimitedWithin(policy->rateLimitedShowMs))
        return EndpointStatus::RateLimited;
    if (last == Outcome::NodeError || (lastNodeErrorMs && now - *lastNodeErrorMs < policy->errorShowMs))
        return EndpointStatus::AnsweringWithErrors;
    return EndpointStatus::Ok;
}

std::optional<qint64> EndpointState::statusChangesAt(qint64 now) const
{
    if (open() || last != Outcome::Answer)
        return std::nullopt;
    if (limiter->rateLimitedWithin(policy->rateLimitedShowMs))
        return now + policy->rateLimitedShowMs / 4;
    if (lastNodeErrorMs && now - *lastNodeErrorMs < policy->errorShowMs)
        return *lastNodeErrorMs + policy->errorShowMs;
    return std::nullopt;
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
    if (open())
        qCInfo(lcRpc).noquote() << rpchttp::displayUrl(health.url) << "answered again; its circuit is closed";
    consecutiveFailures = 0;
    probeWaitMs = 0;
    last = Outcome::Answer;
}

void EndpointState::recordFailure(const QString &message, const QString &code)
{
    ++health.requests;
    ++health.failures;
    health.errorRate = health.errorRate * (1 - ErrorRateAlpha) + ErrorRateAlpha;
    health.lastError = message;
    health.lastErrorCode = code;
    health.lastErrorAtMs = QDateTime::currentMSecsSinceEpoch();
}

void EndpointState::recordNodeError(const QString &message, qint64 now)
{
    recordFailure(message, QString());
    if (open())
        qCInfo(lcRpc).noquote() << rpchttp::displayUrl(health.url) << "answers again, with errors; its circuit is closed";
    consecutiveFailures = 0;
    probeWaitMs = 0;
    last = Outcome::NodeError;
    lastNodeErrorMs = now;
}

void EndpointState::recordUnreachable(const QString &message, qint64 now, bool probe, const QString &code)
{
    recordFailure(message, code);
    last = Outcome::Unreachable;
    ++consecutiveFailures;
    const int base = std::max(1, policy->breakerBaseMs);
    if (consecutiveFailures == std::max(1, policy->breakerThreshold))
        probeWaitMs = base;
    else if (probe && open())
        probeWaitMs = std::min(std::max(base, probeWaitMs * 2), std::max(base, policy->breakerMaxMs));
    else
        return;   // requests already under way when the circuit opened say nothing new
    nextProbeMs = now + probeWaitMs;
    if (probe)
        qCDebug(lcRpc).noquote() << "probe failed; next in" << probeWaitMs << "ms:" << message;
    else
        qCWarning(lcRpc).noquote() << "circuit open after" << consecutiveFailures << "failures in a row; probing every few seconds:" << message;
}

void EndpointState::probeSoon(qint64 now)
{
    nextProbeMs = now;
    if (open())
        probeWaitMs = 0;
}

QString EndpointState::describe(const Error &error) const
{
    const QString where = rpchttp::displayUrl(health.url);
    return error.message.contains(where) ? error.message : where + QLatin1String(": ") + error.toString();
}

} // namespace arbor

#include "rpc/endpointstate.h"

#include "rpc/evmjson.h"
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

EndpointState::Verdict EndpointState::judge(Status &status, bool unreachable, int weight, qint64 latencyMs, qint64 now, bool probe)
{
    if (status.ok()) {
        recordAnswer(latencyMs);
        limiter->answered(weight);
        if (weight > 1)
            limiter->batchAccepted(weight);
        return {};
    }
    const Error error = status.error();
    if (evmjson::isRangeTooLarge(error)) {
        recordAnswer(std::nullopt);   // the node is fine; the caller splits the range
        limiter->answered(weight);
        if (const auto blocks = evmjson::statedLogRangeLimit(error.message))
            limiter->logRangeLimited(*blocks);
        if (const auto logs = evmjson::statedLogResultLimit(error.message))
            limiter->logResultsLimited(*logs);
        return {};
    }
    if (weight > 1 && evmjson::isBatchTooLarge(error.message)) {
        recordAnswer(std::nullopt);   // the node is fine; the caller sends smaller batches
        limiter->batchRefused(weight);
        status = Error::refused(describe(error));
        return {};
    }
    if (evmjson::isBlockNotServed(error)) {
        // It answered: it is behind, not down. Another endpoint may serve the block.
        recordAnswer(latencyMs);
        limiter->answered(weight);
        status = Error::unavailable(error.field, describe(error)).withCode(error.code, error.codeArgs);
        return {true, true};
    }
    if (unreachable) {
        recordUnreachable(describe(error), now, probe, error.code);
        return {true, false};
    }
    if (isNodeFailure(error)) {
        recordNodeError(describe(error), now);
        return {true, false};
    }
    recordAnswer(latencyMs);     // the caller's verdict on a good answer
    return {};
}

bool isNodeFailure(const Error &error)
{
    switch (error.kind) {
    case Error::Kind::Invalid:
    case Error::Kind::Unavailable:
    case Error::Kind::Refused:
        return true;
    default:
        return false;
    }
}

EndpointRecord EndpointHealth::record() const
{
    EndpointRecord e;
    e.id = id;
    e.url = url;
    e.priority = priority;
    e.status = status;
    if (latencyMs > 0)
        e.latencyMs = latencyMs;
    e.lastHead = lastHead;
    if (lastHeadAtMs > 0)
        e.lastHeadAt = QDateTime::fromMSecsSinceEpoch(lastHeadAtMs);
    e.lastError = lastError;
    e.lastErrorCode = lastErrorCode;
    if (lastErrorAtMs > 0)
        e.lastErrorAt = QDateTime::fromMSecsSinceEpoch(lastErrorAtMs);
    e.errorRate = errorRate;
    e.requests = requests;
    e.failures = failures;
    e.maxRequestsPerSecond = maxRequestsPerSecond;
    e.limits = limits;
    e.servesHistory = servesHistory;
    e.historyNote = historyNote;
    return e;
}

QString EndpointState::describe(const Error &error) const
{
    const QString where = rpchttp::displayUrl(health.url);
    return error.message.contains(where) ? error.message : where + QLatin1String(": ") + error.toString();
}

} // namespace arbor

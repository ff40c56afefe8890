#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <optional>

namespace arbor::test {

/// The faults FaultProxy injects, as it counts them.
enum class Fault {
    Delay,
    ServerError,
    TooManyRequests,
    RpcError,
    MalformedJson,
    TruncatedJson,
    ConnectionReset,
    SlowDrip,
};
inline constexpr std::size_t FaultCount = std::size_t(Fault::SlowDrip) + 1;

/// "server error", "connection reset", ...: for test messages.
QString faultName(Fault kind);

/// What one request gets: an optional delay, then at most one answer fault.
struct FaultDecision
{
    std::optional<int> delayMs;
    std::optional<Fault> answer; ///< never Fault::Delay; empty: forward untouched
    int status = 0;              ///< the HTTP status for Fault::ServerError
};

/**
 * What FaultProxy does to a request, drawn per request. Probabilities are 0..1.
 *
 * Delay is drawn on its own and combines with any answer fault (a delayed 503). The
 * answer faults exclude one another: one uniform draw walks serverError, tooManyRequests,
 * rpcError, malformedJson, truncatedJson, connectionReset, slowDrip in that order. When
 * their sum exceeds 1 they are scaled down to sum 1, so every request is then faulted,
 * each kind in proportion.
 *
 * A default-constructed plan is passthrough: every request is forwarded untouched.
 */
struct FaultPlan
{
    /// Hold the request this long (uniform in [delayMinMs, delayMaxMs]) before going on.
    double delay = 0.0;
    int delayMinMs = 100;
    int delayMaxMs = 300;

    /// Answer with one of serverErrorStatuses (uniformly) and a text/plain body; not forwarded.
    double serverError = 0.0;
    QList<int> serverErrorStatuses{500, 502, 503};

    /// Answer 429 Too Many Requests with "Retry-After: retryAfterSeconds"; not forwarded.
    double tooManyRequests = 0.0;
    int retryAfterSeconds = 1;

    /// Answer 200 with a JSON-RPC error object carrying the request's id (one per call
    /// for a batch); not forwarded.
    double rpcError = 0.0;
    int rpcErrorCode = -32000;
    QString rpcErrorMessage = QStringLiteral("internal error");

    /// Answer 200, Content-Type application/json, with a body that is not JSON; not forwarded.
    double malformedJson = 0.0;

    /// Forward, then answer the upstream's status with the first half of its body (rounded
    /// down) and a Content-Length for what is sent.
    double truncatedJson = 0.0;

    /// Read the request, then reset the connection (RST) without answering; not forwarded.
    double connectionReset = 0.0;

    /// Forward, send the upstream's headers at once, then its body slowDripBytes at a time
    /// every slowDripIntervalMs: a client with a shorter timeout gives up.
    double slowDrip = 0.0;
    int slowDripIntervalMs = 500;
    int slowDripBytes = 1;

    /**
     * When not empty, only requests calling this JSON-RPC method (for a batch: any call in
     * it) are drawn for faults; all others pass through. An unparsable body matches when
     * it contains the name in quotes.
     */
    QString onlyMethod;

    /// The plan that faults nothing.
    static FaultPlan passthrough() { return {}; }

    /**
     * What request number \a requestNumber, with body \a requestBody, gets under this plan
     * and \a seed. A pure function: the draw uses a generator seeded by (seed, number)
     * only, so it never depends on earlier requests.
     */
    FaultDecision decide(const QByteArray &requestBody, quint64 seed, quint64 requestNumber) const;
};

} // namespace arbor::test

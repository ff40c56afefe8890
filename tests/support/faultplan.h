#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
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
    // Not {500, 502, 503}: GCC 12 then warns, falsely, that the list's array "may be used
    // uninitialized" wherever it inlines the default constructor.
    QList<int> serverErrorStatuses = QList<int>() << 500 << 502 << 503;

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

/**
 * The limits a hosted RPC provider (Infura, Alchemy, QuickNode, ...) puts on its clients, as
 * FaultProxy enforces them on every request before the FaultPlan draw. Each is off at 0; a
 * default-constructed ProviderLimits limits nothing. They are checked in this order:
 *
 * 1. maxBatch: a JSON array body with more than maxBatch calls gets HTTP 400, Content-Type
 *    application/json, {"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"batch
 *    size too large: N calls, at most M"}}. Not forwarded; it takes no rate tokens.
 * 2. requestsPerSecond: counts calls (a batch of N takes N tokens, [] takes one) in a token
 *    bucket of capacity max(1, rate), full at first, refilled at rate tokens a second (see
 *    CallRateBucket). A request is admitted while the bucket holds more than 0 tokens and
 *    then takes its whole weight, so the bucket may go below 0: a batch larger than one
 *    second's allowance gets through, and the calls after it wait until the average rate is
 *    kept. Otherwise HTTP 429, "Retry-After: S" (the whole seconds until the bucket holds
 *    more than 0 again, at least 1: a call sent S seconds later gets through when nothing
 *    else came in between), Content-Type application/json, {"jsonrpc":"2.0","id":null,
 *    "error":{"code":429,"message":"Too Many Requests: at most R requests per second"}}.
 *    Not forwarded; it takes nothing from the bucket.
 * 3. maxLogRange: an eth_getLogs call whose filter has a hex fromBlock and toBlock spanning
 *    more than maxLogRange blocks (to - from + 1) is answered HTTP 200 with a JSON-RPC error
 *    carrying its id: code -32600, "exceed maximum block range: M". Tags ("latest", ...), a
 *    missing bound or a blockHash filter are never refused. In a batch only the refused calls
 *    are answered so; the others are forwarded as a smaller batch, and the client gets the
 *    answers of both in the order of its calls. Not forwarded when every call is refused. A
 *    request refused here has taken its rate tokens, as at a provider.
 * 4. maxLogResults: an eth_getLogs call is forwarded; when the upstream's 200 answer has more
 *    than maxLogResults logs the client instead gets HTTP 200 with a JSON-RPC error carrying
 *    the call's id: code -32005, "query returned more than M results. Try with this block
 *    range [0xFROM, 0xTO]." in Infura's wording (hex digits in upper case). FROM is the
 *    filter's fromBlock (0 for "earliest"; the first log's block when it is a tag or
 *    missing), TO the block before the one holding result number M + 1, or FROM if that is
 *    less: a range with at most M of those logs unless one block alone has more. In a batch
 *    each eth_getLogs answer is checked on its own.
 *
 * A request refused by 1 to 3 (for a batch: every call refused by 3) is answered by the
 * proxy and neither drawn nor numbered for the FaultPlan. The plan's draws apply to what is
 * admitted: an "occasional 503" still comes on top of the limits, and a truncatedJson or
 * slowDrip fault applies to the answer as 3 and 4 made it. A body that is not JSON counts
 * as one call and passes 1, 3 and 4 (the upstream answers its parse error).
 */
struct ProviderLimits
{
    int maxBatch = 0;              ///< calls in one JSON batch
    double requestsPerSecond = 0;  ///< calls per second, on average
    quint64 maxLogRange = 0;       ///< blocks one eth_getLogs call may span
    int maxLogResults = 0;         ///< logs one eth_getLogs answer may hold

    /// The limits that refuse nothing.
    static ProviderLimits none() { return {}; }

    /// The 429 body for requestsPerSecond.
    QByteArray rateLimitedBody() const;
};

/**
 * The token bucket behind ProviderLimits::requestsPerSecond, on a clock the caller passes in
 * (milliseconds, never going back), so it can be tested without waiting. Not thread-safe:
 * FaultProxy keeps its one under its mutex.
 */
class CallRateBucket
{
public:
    /// A bucket that admits everything.
    CallRateBucket() = default;
    /// Full at \a nowMs with max(1, \a callsPerSecond) tokens; at 0 it admits everything.
    CallRateBucket(double callsPerSecond, qint64 nowMs);

    /**
     * At \a nowMs: when the bucket holds more than 0 tokens, takes \a calls of them (going
     * below 0 if need be) and returns 0. Otherwise takes nothing and returns the Retry-After
     * seconds: the smallest whole number of seconds after which it holds more than 0, at least 1.
     */
    int take(quint64 calls, qint64 nowMs);

    /// The tokens held at \a nowMs (below 0 after a large batch).
    double tokens(qint64 nowMs) const;

private:
    double m_rate = 0;
    double m_capacity = 0;
    double m_tokens = 0;
    qint64 m_lastMs = 0;
};

/**
 * One request body read against ProviderLimits: its calls, whether its batch is too large,
 * which of its eth_getLogs calls span too many blocks, and how the client's answer is made
 * from the upstream's. Pure: the rate bucket is the caller's.
 */
class LimitedRequest
{
public:
    LimitedRequest(const QByteArray &body, const ProviderLimits &limits);

    const ProviderLimits &limits() const { return m_limits; }
    /// Elements of a JSON array body (0 for []), 1 for anything else.
    quint64 calls() const { return m_callCount; }
    /// The 400 body when the batch has more than maxBatch calls; empty otherwise.
    QByteArray batchRefusalBody() const;
    /// eth_getLogs calls refused by maxLogRange.
    quint64 rangeRefusedCalls() const { return m_rangeRefused; }
    /// Every call is refused by maxLogRange: answer({}) is the whole answer; nothing is forwarded.
    bool isAnsweredHere() const;
    /// What goes upstream: the body as it came, or a batch without its range-refused calls.
    QByteArray upstreamBody() const;

    /**
     * The client's answer to \a upstreamAnswer, a 200 answer to upstreamBody(): unchanged,
     * byte for byte, unless a call was refused by maxLogRange or an eth_getLogs result is over
     * maxLogResults (counted in \a resultsRefused). An answer that is not the JSON expected
     * (an error object for a whole batch, say) is passed on unchanged, with no answers added.
     */
    QByteArray answer(const QByteArray &upstreamAnswer, quint64 *resultsRefused = nullptr) const;

private:
    struct Call
    {
        QJsonValue id;                     ///< null when the call has none
        bool isLogs = false;               ///< eth_getLogs
        bool rangeRefused = false;
        std::optional<quint64> fromBlock;  ///< for the maxLogResults hint; "earliest" is 0
    };

    QJsonObject resultsChecked(const QJsonObject &answer, const Call &call, quint64 *resultsRefused) const;

    ProviderLimits m_limits;
    QByteArray m_body;
    bool m_isBatch = false;
    bool m_isJson = false;
    quint64 m_callCount = 1;
    quint64 m_rangeRefused = 0;
    QJsonArray m_batch;   ///< the calls of a batch
    QList<Call> m_calls;  ///< one per call of a JSON body, in order
};

} // namespace arbor::test

#pragma once

#include "error.h"
#include "model/chainconfig.h"
#include "model/endpointstatus.h"
#include "rpc/endpointlimiter.h"
#include "rpc/lograngesizer.h"
#include "rpc/rpcclock.h"
#include "rpc/rpcpolicy.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace arbor {

namespace rpchttp {
struct ResolvedUrl;
}

struct EndpointState;

/// Measured health of one endpoint: what the console shows and rpc_endpoints records.
struct EndpointHealth
{
    qint64 id = 0;                          ///< rpc_endpoints.id
    QUrl url;
    int priority = 0;
    EndpointStatus status = EndpointStatus::Unknown;
    double latencyMs = 0;                   ///< EWMA; 0 until the first answer
    double errorRate = 0;                   ///< EWMA of failures over recent requests, 0…1
    std::optional<qint64> lastHead;
    qint64 lastHeadAtMs = 0;                ///< ms since the epoch when it last reported its head; 0 = never
    QString lastError;
    QString lastErrorCode;                  ///< Error::code of lastError: "refused", "timeout", …; empty: none
    qint64 lastErrorAtMs = 0;
    qint64 requests = 0;
    qint64 failures = 0;
    bool circuitOpen = false;               ///< Unreachable: no request goes to it until a probe is answered
    double maxRequestsPerSecond = 0;        ///< the operator's rate; 0 = none (learned instead)
    EndpointLimits limits;                  ///< what it was learned to accept (rate, batch, log caps)
    qint64 rateLimitedCount = 0;            ///< 429s it answered since the process started
    std::optional<bool> servesHistory;      ///< as detected for the endpoint's row (not measured here)
    QString historyNote;

    /// As the endpoint's rpc_endpoints row records it (client version and the like stay unset).
    EndpointRecord record() const;

    friend bool operator==(const EndpointHealth &, const EndpointHealth &) = default;
};

/**
 * The RPC endpoints of one chain, ranked by measured health, with failover.
 *
 * send() posts a JSON-RPC body (one call or a batch) to the best endpoint that is not
 * circuit-broken, has a rate-limit token, has fewer than maxInFlightPerEndpoint requests under
 * way and (when `minHead` is given) has reported a head at least that high. The answer goes to
 * the caller's `parse` function:
 *   - parse succeeds: the endpoint's latency EWMA and success are recorded, `done(ok)` runs.
 *   - transport failure, HTTP error, timeout, oversized body, or parse returns an error of kind
 *     Invalid (malformed answer), Unavailable or Refused (a node error): the failure is
 *     recorded on that endpoint and the request is retried on the next-best endpoint after a
 *     jittered backoff, up to maxAttempts. What the failure says of the endpoint follows the
 *     one vocabulary (model/endpointstatus.h): no answer from the node (connection refused or
 *     reset, timeout, TLS, HTTP 408/502/503/504) makes it Unreachable and counts towards its
 *     circuit breaker; any other failure is an answer with an error (AnsweringWithErrors) and
 *     never opens the circuit.
 *   - parse returns evmjson::blockNotServed() (the node answered null for a block: it is
 *     behind): an answer, not a failure of the endpoint; the request is retried the same way,
 *     and when every attempt met such a node `done` gets that error, naming the endpoint.
 *   - parse returns an error for which evmjson::isRangeTooLarge() holds: `done(error)` runs at
 *     once, without a retry and without counting against the endpoint (the caller splits). A
 *     block range or result cap the refusal states is learned for the endpoint.
 *   - HTTP 429, or a node error that says "rate limited": not a failure. The endpoint's limiter
 *     learns a lower rate and pauses for Retry-After; the request waits and goes again (to
 *     whichever endpoint is free first), up to maxRateLimitedRetries times. The endpoint shows
 *     "rate limited", never "down", for it.
 *   - a batch refused as too large (evmjson::isBatchTooLarge): the endpoint's batch size is
 *     halved and `done(error)` runs at once (the caller splits by batchLimit()), without
 *     counting against the endpoint.
 * A batch larger than every endpoint's learned batch size, or a log range wider than every
 * endpoint's learned range cap, fails at once in the same way, without a request.
 * Every request goes through the endpoint's EndpointLimiter, shared with the process's other
 * clients of that URL. Requests waiting for an endpoint go in order of `minHead`, lowest first
 * (those without one, and those of equal blocks, in the order sent): a range's answers then
 * come back before those of the ranges after it.
 * When every attempt failed, `done` gets an Unavailable error naming each endpoint's last error;
 * a request made while every circuit is open fails at once in the same way (the caller backs
 * off; the pool's probes find the endpoints again).
 * Ranking: open circuits are never asked; then status, error rate, latency EWMA and configured
 * priority. Ranking never sends all traffic to a failing endpoint and never retries in a tight
 * loop.
 *
 * Circuit breaker and recovery: after breakerThreshold requests in a row that did not reach an
 * endpoint its circuit opens; no request goes to it, but a cheap eth_blockNumber probe does,
 * breakerBaseMs later and then at doubling waits capped at breakerMaxMs. A probe that gets any
 * answer closes the circuit at once (and reports the endpoint's head); healthChanged follows.
 * probeNow() probes every endpoint at once.
 *
 * Time (backoff, circuits, rate limits, latency) is measured and waited out on the pool's
 * RpcClock, which its endpoints' limiters share; the per-request timeout is the network's.
 *
 * Thread: lives on the thread of its QNetworkAccessManager (the ChainIndexer's); callbacks run
 * there. Destroying the pool aborts requests under way without calling their callbacks.
 */
class EndpointPool final : public QObject
{
    Q_OBJECT

public:
    using Parser = std::function<Status(const QByteArray &body)>;
    using Done = std::function<void(Status)>;
    using HeadDone = std::function<void(Result<qint64>)>;

    EndpointPool(QNetworkAccessManager *network, const QList<EndpointRecord> &endpoints,
                 RpcPolicy policy = {}, QObject *parent = nullptr);
    /// A pool on `clock` (tests move a clock of their own); its limiters are the URLs' on that clock.
    EndpointPool(QNetworkAccessManager *network, const QList<EndpointRecord> &endpoints, RpcPolicy policy,
                 std::shared_ptr<RpcClock> clock, QObject *parent = nullptr);
    ~EndpointPool() override;

    /// `weight`: the number of calls in the body (a batch of 100 costs 100 rate-limit tokens).
    /// `endpoint` (an index from pickEndpoint()): only that endpoint is asked, and asked again
    /// after a failure as any request is, but never another (while its circuit is open the
    /// request fails at once); -1: any, with failover.
    void send(const QByteArray &body, int weight, std::optional<qint64> minHead, Parser parse, Done done, int endpoint = -1);
    /// send() for one eth_getLogs call over `blocks` blocks: endpoints whose learned range cap
    /// is smaller are passed over.
    void sendLogs(const QByteArray &body, qint64 blocks, std::optional<qint64> minHead, Parser parse, Done done, int endpoint = -1);
    /// The endpoint send() would rank first now among those whose circuit is closed and that
    /// reported a head of at least `minHead` (when given): several requests that must be answered
    /// by one node (a range's headers and then its logs) are sent to it. -1 when none qualifies.
    int pickEndpoint(std::optional<qint64> minHead) const;

    /// `wanted` calls per batch, capped at the largest batch an endpoint that may be asked accepts.
    int batchLimit(int wanted) const;
    /// The widest eth_getLogs range an endpoint that may be asked accepts; 0 = no cap learned.
    qint64 logRangeLimit() const;

    /// eth_blockNumber on every endpoint whose circuit allows it; `done` gets the highest head
    /// reported, or Unavailable when none answered. Each endpoint's lastHead is updated. A head
    /// lower than one the endpoint reported before is recorded as it is (a lagging node), not an
    /// error.
    void pollHeads(HeadDone done);

    /**
     * Probe now: every endpoint, its circuit open or not, gets an eth_blockNumber at once (the
     * wait of an open circuit is reset); an answer closes its circuit and records its head.
     * `done` gets the endpoints' health once every probe has finished (on the pool's thread,
     * never after the pool is destroyed).
     */
    void probeNow(std::function<void(QList<EndpointHealth>)> done);

    QList<EndpointHealth> health() const;

    /**
     * The JSON-RPC calls sent since the last takeCalls(), by endpoint (rpc_endpoints.id) and
     * method, read from each request body as it went out: every call of a batch, every attempt
     * (retries and requests sent again after a 429 too), head polls and probes included. Calls
     * whose request failed are also counted in `failed`. The pool forgets what it hands out.
     */
    QHash<qint64, RpcCalls> takeCalls();
    /// Counts the calls of the requests in flight that went out and whose notice is still
    /// queued; before the last takeCalls() of a pool about to be destroyed.
    void settleSent();
    /// Gives back calls takeCalls() handed out that could not be recorded, to be taken again.
    void restoreCalls(const QHash<qint64, RpcCalls> &calls);
    /// True when every endpoint is Unreachable: its circuit is open or its last request did not
    /// reach the node. A 429 or an answer with an error is not that.
    bool allDown() const;
    /// True when every endpoint's circuit is open (breakerThreshold requests in a row did not
    /// reach it): what "rpc down" means for a chain. One failed request is not that.
    bool allCircuitsOpen() const;
    int inFlight() const;

Q_SIGNALS:
    /// Some endpoint's health changed; coalesce before persisting or rendering.
    void healthChanged();

private:
    using Endpoint = EndpointState;
    struct Pending;
    void scheduleDispatch();
    void dispatch();
    /// Best first: status, error rate, lag behind the others, latency, configured priority.
    void rank(QList<Endpoint *> &endpoints, qint64 now) const;
    Endpoint *choose(const Pending &pending, qint64 now, const QList<const Endpoint *> &claimed, qint64 *readyAt,
                     QList<const Endpoint *> *waitingFor) const;
    void enqueue(std::shared_ptr<Pending> pending);
    std::optional<Error> oversize(const Pending &pending) const;
    void start(Endpoint *endpoint, std::shared_ptr<Pending> pending);
    void transmit(Endpoint *endpoint, std::shared_ptr<Pending> pending, const rpchttp::ResolvedUrl &target, qint64 startedMs,
                  RpcClock::TimePoint sentAt);
    /// `unreachable`: the failure in `status` came from the transport, not from the node.
    void finish(Endpoint *endpoint, std::shared_ptr<Pending> pending, qint64 startedMs, Status status, bool unreachable = false);
    /// The calls of `pending` sent to `endpoint` failed.
    static void countFailure(Endpoint *endpoint, const Pending &pending);
    /// An eth_blockNumber pinned to `endpoint` that may go while its circuit is open.
    std::shared_ptr<Pending> probe(Endpoint *endpoint, std::function<void()> then);
    std::shared_ptr<Pending> headRequest(Endpoint *endpoint);
    void retryRateLimited(Endpoint *endpoint, std::shared_ptr<Pending> pending, const Error &error);
    void wake();
    bool noteStatusChanges(qint64 now);
    Error exhausted(const Pending &pending, qint64 now) const;
    qint64 now() const { return RpcClock::msBetween(m_started, m_clock->now()); }

    QNetworkAccessManager *m_network;
    RpcPolicy m_policy;
    std::shared_ptr<RpcClock> m_clock;
    RpcClock::TimePoint m_started;      ///< the pool's times are milliseconds since then
    std::vector<std::unique_ptr<Endpoint>> m_endpoints;
    QList<std::shared_ptr<Pending>> m_queue;
    bool m_dispatchScheduled = false;
    std::unique_ptr<RpcClock::Timer> m_wakeTimer;   ///< next retry, rate-limit token, probe or status change
    qint64 m_nextHeadId = 1;
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::EndpointHealth)

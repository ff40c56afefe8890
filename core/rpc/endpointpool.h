#pragma once

#include "error.h"
#include "model/chainconfig.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QTimer;

namespace arbor {

/// How an EndpointPool treats its endpoints. Defaults suit public providers; tests shrink them.
struct RpcPolicy
{
    int timeoutMs = 15000;                  ///< per HTTP request
    qint64 maxResponseBytes = 256ll * 1024 * 1024;
    int maxAttempts = 4;                    ///< endpoints tried (with backoff) before send() fails
    int maxInFlightPerEndpoint = 4;
    int breakerThreshold = 3;               ///< consecutive failures that open the circuit
    int breakerBaseMs = 1000;               ///< first open period; doubles while failures continue
    int breakerMaxMs = 60000;
    int backoffBaseMs = 200;                ///< delay before a retry, doubling per attempt, with jitter
    double latencyAlpha = 0.2;              ///< EWMA weight of the newest latency sample
};

/// Measured health of one endpoint: what the console shows and rpc_endpoints records.
struct EndpointHealth
{
    qint64 id = 0;                          ///< rpc_endpoints.id
    QUrl url;
    int priority = 0;
    QString status;                         ///< "unknown", "ok", "degraded", "down"
    double latencyMs = 0;                   ///< EWMA; 0 until the first answer
    double errorRate = 0;                   ///< EWMA of failures over recent requests, 0…1
    std::optional<qint64> lastHead;
    QString lastError;
    qint64 lastErrorAtMs = 0;
    qint64 requests = 0;
    qint64 failures = 0;
    bool circuitOpen = false;
    double maxRequestsPerSecond = 0;        ///< token-bucket rate; 0 = unlimited
    std::optional<bool> servesHistory;      ///< as detected for the endpoint's row (not measured here)
    QString historyNote;

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
 *     Invalid (malformed answer), Unavailable (the node lacks the block: it is lagging) or
 *     Refused (a node error): the failure is recorded on that endpoint and the request is
 *     retried on the next-best endpoint after a jittered backoff, up to maxAttempts.
 *   - parse returns an error for which evmjson::isRangeTooLarge() holds: `done(error)` runs at
 *     once, without a retry and without counting against the endpoint (the caller splits).
 * When every attempt failed, `done` gets an Unavailable error naming each endpoint's last error.
 * Ranking: open circuits last; then status, error rate, latency EWMA and configured priority.
 * Ranking never sends all traffic to a failing endpoint and never retries in a tight loop.
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
    ~EndpointPool() override;

    /// `weight`: the number of calls in the body (a batch of 100 costs 100 rate-limit tokens).
    void send(const QByteArray &body, int weight, std::optional<qint64> minHead, Parser parse, Done done);

    /// eth_blockNumber on every endpoint whose circuit allows it; `done` gets the highest head
    /// reported, or Unavailable when none answered. Each endpoint's lastHead is updated. A head
    /// lower than one the endpoint reported before is recorded as it is (a lagging node), not an
    /// error.
    void pollHeads(HeadDone done);

    QList<EndpointHealth> health() const;
    /// True when every endpoint's circuit is open or its last request failed.
    bool allDown() const;
    int inFlight() const;

Q_SIGNALS:
    /// Some endpoint's health changed; coalesce before persisting or rendering.
    void healthChanged();

private:
    struct Endpoint;
    struct Pending;
    void scheduleDispatch();
    void dispatch();
    Endpoint *choose(const Pending &pending, qint64 now, const QList<const Endpoint *> &claimed, qint64 *readyAt,
                     QList<const Endpoint *> *waitingFor) const;
    void start(Endpoint *endpoint, std::shared_ptr<Pending> pending);
    void finish(Endpoint *endpoint, std::shared_ptr<Pending> pending, qint64 startedMs, Status status);
    void wake();
    bool noteStatusChanges(qint64 now);
    Error exhausted(const Pending &pending, qint64 now) const;
    qint64 now() const { return m_clock.elapsed(); }

    QNetworkAccessManager *m_network;
    RpcPolicy m_policy;
    std::vector<std::unique_ptr<Endpoint>> m_endpoints;
    QList<std::shared_ptr<Pending>> m_queue;
    bool m_dispatchScheduled = false;
    QTimer *m_wakeTimer = nullptr;      ///< next retry, rate-limit token or half-open circuit
    QElapsedTimer m_clock;              ///< the pool's monotonic time, in ms since construction
    qint64 m_nextHeadId = 1;
};

/**
 * The block span of eth_getLogs calls: halves when a node says the range is too large, grows
 * back (doubling) after calls that returned comfortably few logs, within [1, max].
 *
 * Only a call over the whole current span counts towards growing (a short call at the chain head
 * says little). After a refusal the span grows again only after a few comfortable calls, twice
 * as many after each further refusal: a provider with a fixed block-range cap would otherwise
 * refuse every other call.
 */
class LogRangeSizer
{
public:
    explicit LogRangeSizer(qint64 initial = 2000, qint64 max = 10000, qint64 comfortableLogs = 5000);
    qint64 span() const { return m_span; }
    /// A call over `blocks` blocks returned `logs` logs.
    void succeeded(qint64 blocks, qint64 logs);
    /// The node refused a call over `blocks` blocks as too large; false when it cannot shrink.
    bool tooLarge(qint64 blocks);

private:
    qint64 m_span;
    qint64 m_max;
    qint64 m_comfortableLogs;
    int m_cooldown = 0;         ///< comfortable calls still needed before the span may grow
    int m_nextCooldown = 2;     ///< the cooldown the next refusal sets
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::EndpointHealth)

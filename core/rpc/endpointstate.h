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
 * The circuit opens after RpcPolicy::breakerThreshold requests in a row that never reached the
 * node (recordUnreachable). While it is open no request goes to the endpoint; the pool sends a
 * cheap eth_blockNumber probe at nextProbeMs instead, waiting breakerBaseMs before the first and
 * doubling up to breakerMaxMs while probes fail. Any answer from the node, an error included,
 * closes it at once. An answer with an error (recordNodeError) never opens it.
 *
 * Times are the pool's clock in milliseconds. Thread: the pool's.
 */
struct EndpointState
{
    /// What the endpoint's last request came to.
    enum class Outcome { None, Answer, NodeError, Unreachable };

    const RpcPolicy *policy;
    EndpointHealth health;          ///< status and circuitOpen are derived on read: see status()
    int consecutiveFailures = 0;    ///< requests in a row that did not reach the node
    qint64 nextProbeMs = 0;         ///< while open: when the next probe goes
    int probeWaitMs = 0;
    int probesInFlight = 0;
    std::shared_ptr<EndpointLimiter> limiter;
    int inFlight = 0;
    Outcome last = Outcome::None;
    std::optional<qint64> lastNodeErrorMs;
    EndpointStatus announcedStatus = EndpointStatus::Unknown;
    QList<QPointer<QNetworkReply>> replies;
    RpcCalls calls;                 ///< sent since the pool's last takeCalls()

    bool open() const { return consecutiveFailures >= std::max(1, policy->breakerThreshold); }
    /// The one vocabulary (model/endpointstatus.h): Unreachable while open or when its last
    /// request did not reach the node, RateLimited after a 429 within rateLimitedShowMs,
    /// AnsweringWithErrors when it answered with an error within errorShowMs, else Ok.
    EndpointStatus status(qint64 now) const;
    /// When status() changes by itself (a 429 or a node error ages out); empty: not by itself.
    std::optional<qint64> statusChangesAt(qint64 now) const;
    /// Whether a request of `weight` calls (over `logBlocks` blocks) is within what it accepts.
    bool fits(int weight, qint64 logBlocks) const;
    void recordAnswer(std::optional<qint64> latencyMs);
    /// The node answered, with an error: reachable, so the circuit closes.
    void recordNodeError(const QString &message, qint64 now);
    /// The request never got an answer from the node. `probe`: it was the open circuit's probe,
    /// whose failure doubles the wait before the next one. `code`: the error's (Error::code).
    void recordUnreachable(const QString &message, qint64 now, bool probe, const QString &code = QString());
    /// Probe now: the next probe goes at `now`, and later ones wait breakerBaseMs again.
    void probeSoon(qint64 now);

    /// What a finished request came to, for the pool's retries.
    struct Verdict
    {
        bool failed = false;      ///< another endpoint may do better: retry, while attempts are left
        bool notServed = false;   ///< it answered that it does not serve the block yet (behind)
    };
    /**
     * Records what a finished request of `weight` calls says of the endpoint, on its health and
     * its limiter: `status` is the caller's parse of the answer, or the error that kept it from
     * the node (`unreachable`), `latencyMs` how long it took. An answer teaches the limiter
     * (accepted batches, the log range or result caps a refusal states, a batch refused as too
     * large); a refusal and a "not served" error are rewritten to name the endpoint, as the
     * caller gets them. `probe`: the request was the open circuit's probe.
     */
    Verdict judge(Status &status, bool unreachable, int weight, qint64 latencyMs, qint64 now, bool probe);
    /// An error text that names this endpoint, whatever produced it.
    QString describe(const Error &error) const;

private:
    void recordFailure(const QString &message, const QString &code);
};

/// Whether a parse's error counts against the endpoint that answered: a node error, a refusal,
/// or an answer that cannot be used (Invalid, Unavailable, Refused). Other kinds are the caller's
/// verdict on a good answer.
bool isNodeFailure(const Error &error);

} // namespace arbor

#pragma once

#include "model/chainconfig.h"
#include "rpc/rpcclock.h"

#include <QMutex>
#include <QUrl>

#include <deque>
#include <memory>
#include <optional>

class QNetworkReply;

namespace arbor {

/**
 * The limits of one RPC endpoint, shared by every client of it in the process: the indexer's
 * EndpointPool, the balance queue, the probes of `chain add`. One provider quota, one limiter.
 *
 * - **Rate.** A token bucket of calls per second (a batch of 50 costs 50; a batch larger than a
 *   second's allowance waits for a full bucket and leaves it in debt). The rate is the operator's
 *   when set; otherwise it is learned: none until the endpoint first answers 429, then first
 *   estimated from the calls it let through lately and the wait it asked for, then additive
 *   increase while calls go through at the learned rate and multiplicative decrease on a 429 for
 *   a request sent after the last decrease (one burst of refusals is one signal, not twenty).
 *   A 429 also pauses the endpoint for its Retry-After (or a second).
 * - **Batch size.** Halved on a refusal of a batch as too large, never below what it accepted.
 *   After a run of accepted full batches (twice as long after each refused try), one batch twice
 *   as large is tried; accepted, it is the new size. The size kept is always one it accepted.
 * - **eth_getLogs caps.** The block range and result count a refusal stated.
 *
 * Being rate limited is not a failure: callers retry a 429 here and never count it against the
 * endpoint's health.
 *
 * Times are its RpcClock's (the process's steady clock unless a test gives another).
 *
 * Thread: every function may be called from any thread (a mutex guards the state).
 */
class EndpointLimiter final
{
public:
    using TimePoint = RpcClock::TimePoint;

    /// The process-wide limiter of `url` (by its full text: two API keys are two quotas) on
    /// `clock`. The product has one clock, so one limiter per URL.
    static std::shared_ptr<EndpointLimiter> forUrl(const QUrl &url, const std::shared_ptr<RpcClock> &clock = RpcClock::steady());

    explicit EndpointLimiter(QUrl url, std::shared_ptr<RpcClock> clock = RpcClock::steady());

    const QUrl &url() const { return m_url; }
    /// The time on its clock: what a request's `sentAt` is taken from.
    TimePoint now() const { return m_clock->now(); }

    /// The operator's rate in calls per second; 0 learns it instead.
    void setOperatorRate(double perSecond);
    double operatorRate() const;
    /// Seeds what an earlier run learned (the endpoint's row); what this process learned wins.
    void seed(const EndpointLimits &stored);
    EndpointLimits limits() const;
    /// The rate the bucket runs at: the operator's, else the learned one; 0 = unlimited.
    double rate() const;

    /// Milliseconds until `weight` calls may be sent (a pause after a 429 included); 0 = now.
    qint64 waitMs(int weight) const;
    /// Takes `weight` calls from the bucket: call when sending.
    void take(int weight);

    /// The endpoint answered 429 (or said "rate limited") to a request sent at `sentAt`.
    void rateLimited(std::optional<qint64> retryAfterMs, TimePoint sentAt);
    /// `weight` calls were answered (not refused for the rate).
    void answered(int weight);
    /// Whether a 429 came within the last `withinMs`.
    bool rateLimitedWithin(qint64 withinMs) const;
    /// How many 429s this endpoint gave since the process started.
    qint64 rateLimitedCount() const;

    /// `wanted` capped at the learned batch size.
    int batchLimit(int wanted) const;
    void batchRefused(int size);
    void batchAccepted(int size);

    /// A refusal of an eth_getLogs range stated `blocks` as the most it serves.
    void logRangeLimited(qint64 blocks);
    /// A refusal of an eth_getLogs answer stated `logs` as the most it returns.
    void logResultsLimited(qint64 logs);

    /// The Retry-After of a 429 `reply` in milliseconds (delta seconds or an HTTP date).
    static std::optional<qint64> retryAfterMs(const QNetworkReply *reply);

private:
    static qint64 msSince(TimePoint from, TimePoint to) { return RpcClock::msBetween(from, to); }
    void refillLocked(TimePoint now) const;
    double observedRateLocked(TimePoint now) const;
    void settleEstimateLocked(TimePoint now);

    const QUrl m_url;
    const std::shared_ptr<RpcClock> m_clock;
    mutable QMutex m_mutex;
    double m_operatorRate = 0;
    EndpointLimits m_learned;
    bool m_learnedHere = false;                 ///< the rate was learned in this process
    mutable double m_tokens = 0;
    mutable TimePoint m_tokensAt;
    TimePoint m_pausedUntil;
    TimePoint m_lastDecrease;
    TimePoint m_lastIncrease;
    std::optional<TimePoint> m_lastRateLimited;
    qint64 m_rateLimitedCount = 0;
    std::deque<std::pair<TimePoint, int>> m_sent;  ///< the last few seconds of calls sent
    std::deque<std::pair<TimePoint, int>> m_answered;  ///< calls answered while no rate is known
    std::optional<TimePoint> m_estimateDue;     ///< after the first 429: when its pause ends
    TimePoint m_estimateFrom;                   ///< the answers the first estimate counts start here
    int m_largestAcceptedBatch = 0;
    int m_probeBatch = 0;                       ///< a larger batch being tried after a run of accepted ones
    int m_batchCooldown = 0;
    int m_nextBatchCooldown = 16;
};

} // namespace arbor

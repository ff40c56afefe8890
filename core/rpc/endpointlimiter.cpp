#include "rpc/endpointlimiter.h"

#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"

#include <QDateTime>
#include <QHash>
#include <QNetworkReply>

#include <algorithm>
#include <cmath>

namespace arbor {
namespace {

constexpr qint64 SentWindowMs = 2000;       // what "the rate we send at" is measured over
constexpr double MinLearnedRate = 0.2;
constexpr double Decrease = 0.85;           // on a 429 once a rate is learned
constexpr qint64 AnsweredWindowMs = 5000;   // what the first estimate of its rate is taken from
constexpr qint64 IncreaseEveryMs = 1000;
constexpr qint64 MaxPauseMs = 10 * 60 * 1000;

} // namespace

std::shared_ptr<EndpointLimiter> EndpointLimiter::forUrl(const QUrl &url, const std::shared_ptr<RpcClock> &clock)
{
    static QMutex mutex;
    static QHash<std::pair<const RpcClock *, QString>, std::shared_ptr<EndpointLimiter>> limiters;
    const std::pair<const RpcClock *, QString> key(clock.get(), url.toString(QUrl::FullyEncoded));
    QMutexLocker lock(&mutex);
    std::shared_ptr<EndpointLimiter> &limiter = limiters[key];
    if (!limiter)
        limiter = std::make_shared<EndpointLimiter>(url, clock);     // holds the clock: no other clock takes its address
    return limiter;
}

EndpointLimiter::EndpointLimiter(QUrl url, std::shared_ptr<RpcClock> clock)
    : m_url(std::move(url))
    , m_clock(std::move(clock))
    , m_tokensAt(m_clock->now())
{
}

void EndpointLimiter::setOperatorRate(double perSecond)
{
    QMutexLocker lock(&m_mutex);
    const double rate = std::max(0.0, perSecond);
    if (rate == m_operatorRate)
        return;
    m_operatorRate = rate;
    m_tokens = std::max(1.0, rate);
    m_tokensAt = m_clock->now();
}

double EndpointLimiter::operatorRate() const
{
    QMutexLocker lock(&m_mutex);
    return m_operatorRate;
}

void EndpointLimiter::seed(const EndpointLimits &stored)
{
    QMutexLocker lock(&m_mutex);
    if (!m_learnedHere && m_learned.learnedRate <= 0 && stored.learnedRate > 0) {
        m_learned.learnedRate = std::max(MinLearnedRate, stored.learnedRate);
        m_tokens = std::max(1.0, m_learned.learnedRate);
        m_tokensAt = m_clock->now();
    }
    if (m_learned.maxBatch <= 0)
        m_learned.maxBatch = std::max(0, stored.maxBatch);
    if (m_learned.logRangeLimit <= 0)
        m_learned.logRangeLimit = std::max<qint64>(0, stored.logRangeLimit);
    if (m_learned.logResultLimit <= 0)
        m_learned.logResultLimit = std::max<qint64>(0, stored.logResultLimit);
}

EndpointLimits EndpointLimiter::limits() const
{
    QMutexLocker lock(&m_mutex);
    return m_learned;
}

double EndpointLimiter::rate() const
{
    QMutexLocker lock(&m_mutex);
    return m_operatorRate > 0 ? m_operatorRate : m_learned.learnedRate;
}

void EndpointLimiter::refillLocked(TimePoint now) const
{
    const double rate = m_operatorRate > 0 ? m_operatorRate : m_learned.learnedRate;
    if (rate > 0)
        m_tokens = std::min(std::max(1.0, rate), m_tokens + rate * double(msSince(m_tokensAt, now)) / 1000.0);
    m_tokensAt = now;
}

double EndpointLimiter::observedRateLocked(TimePoint now) const
{
    if (m_sent.empty())
        return 0;
    qint64 calls = 0;
    for (const auto &[at, weight] : m_sent)
        calls += weight;
    // Over at least half a second: the first burst alone would read as a huge rate.
    const qint64 spanMs = std::max<qint64>(500, msSince(m_sent.front().first, now));
    return double(calls) * 1000.0 / double(spanMs);
}

qint64 EndpointLimiter::waitMs(int weight) const
{
    QMutexLocker lock(&m_mutex);
    const TimePoint now = m_clock->now();
    const qint64 pause = std::max<qint64>(0, msSince(now, m_pausedUntil));
    const double rate = m_operatorRate > 0 ? m_operatorRate : m_learned.learnedRate;
    if (rate <= 0)
        return pause;
    refillLocked(now);
    const double need = std::min<double>(std::max(1, weight), std::max(1.0, rate));
    if (m_tokens >= need)
        return pause;
    return std::max(pause, std::max<qint64>(1, qint64(std::ceil((need - m_tokens) * 1000.0 / rate))));
}

void EndpointLimiter::take(int weight)
{
    QMutexLocker lock(&m_mutex);
    const TimePoint now = m_clock->now();
    settleEstimateLocked(now);
    m_sent.emplace_back(now, std::max(1, weight));
    while (!m_sent.empty() && msSince(m_sent.front().first, now) > SentWindowMs)
        m_sent.pop_front();
    refillLocked(now);
    if (m_operatorRate > 0 || m_learned.learnedRate > 0)
        m_tokens -= std::max(1, weight);
}

void EndpointLimiter::rateLimited(std::optional<qint64> retryAfterMs, TimePoint sentAt)
{
    QMutexLocker lock(&m_mutex);
    const TimePoint now = m_clock->now();
    m_lastRateLimited = now;
    ++m_rateLimitedCount;
    const qint64 pause = std::clamp<qint64>(retryAfterMs.value_or(1000), 50, MaxPauseMs);
    m_pausedUntil = std::max(m_pausedUntil, now + std::chrono::milliseconds(pause));
    refillLocked(now);
    m_tokens = std::min(m_tokens, 0.0);
    if (m_operatorRate > 0 || sentAt < m_lastDecrease)
        return;     // the operator's rate stands; a request sent before the last decrease says nothing new
    const double before = m_learned.learnedRate;
    if (before > 0) {
        m_learned.learnedRate = std::max(MinLearnedRate, before * Decrease);
    } else if (!m_estimateDue) {
        // The first estimate waits for the end of the pause: the burst the provider let through
        // just before this refusal is often still being answered (a 429 comes back at once).
        m_estimateDue = m_pausedUntil;
        m_estimateFrom = now - std::chrono::milliseconds(AnsweredWindowMs);
        m_learnedHere = true;
        m_lastDecrease = now;
        m_lastIncrease = now;
        qCInfo(lcRpc).noquote() << rpchttp::displayUrl(m_url) << "is rate limited; pausing" << pause << "ms";
        return;
    } else {
        return;
    }
    m_learnedHere = true;
    m_lastDecrease = now;
    m_lastIncrease = now;
    qCInfo(lcRpc).noquote() << rpchttp::displayUrl(m_url) << "is rate limited; sending at most" << QString::number(m_learned.learnedRate, 'f', 1)
                            << "calls/s, pausing" << pause << "ms";
}

void EndpointLimiter::settleEstimateLocked(TimePoint now)
{
    if (!m_estimateDue || now < *m_estimateDue)
        return;
    // What it let through lately, spread over that time and the wait it asked for (a provider
    // that admitted a burst of 50 and asks for 5 s allows about 10/s).
    const TimePoint due = *m_estimateDue;
    m_estimateDue.reset();
    qint64 calls = 0;
    std::optional<TimePoint> first;
    for (const auto &[at, weight] : m_answered) {
        if (at < m_estimateFrom)
            continue;
        calls += weight;
        if (!first)
            first = at;
    }
    qint64 spanMs = first ? msSince(*first, due) : 0;
    if (calls == 0) {
        // Nothing answered (a first burst): half of what was sent.
        for (const auto &[at, weight] : m_sent)
            calls += weight;
        calls = std::max<qint64>(1, calls / 2);
        spanMs = m_sent.empty() ? 0 : msSince(m_sent.front().first, due);
    }
    m_answered.clear();
    m_learned.learnedRate = std::max(MinLearnedRate, double(calls) * 1000.0 / double(std::max<qint64>(1000, spanMs)));
    m_tokens = std::max(1.0, m_learned.learnedRate);
    m_tokensAt = now;
    m_lastIncrease = now;
    qCInfo(lcRpc).noquote() << rpchttp::displayUrl(m_url) << "is rate limited; sending at most" << QString::number(m_learned.learnedRate, 'f', 1)
                            << "calls/s";
}

void EndpointLimiter::answered(int weight)
{
    QMutexLocker lock(&m_mutex);
    const TimePoint now = m_clock->now();
    settleEstimateLocked(now);
    if (m_learned.learnedRate <= 0 && m_operatorRate <= 0) {
        m_answered.emplace_back(now, std::max(1, weight));
        while (!m_estimateDue && msSince(m_answered.front().first, now) > AnsweredWindowMs)
            m_answered.pop_front();
        return;
    }
    if (m_operatorRate > 0)
        return;
    if (msSince(m_lastIncrease, now) < IncreaseEveryMs)
        return;
    if (m_lastRateLimited && msSince(*m_lastRateLimited, now) < IncreaseEveryMs)
        return;
    while (!m_sent.empty() && msSince(m_sent.front().first, now) > SentWindowMs)
        m_sent.pop_front();
    // Only while the learned rate is what holds us back; an idle endpoint learns nothing.
    if (observedRateLocked(now) < 0.8 * m_learned.learnedRate)
        return;
    m_learned.learnedRate += std::max(0.25, 0.02 * m_learned.learnedRate);
    m_lastIncrease = now;
}

bool EndpointLimiter::rateLimitedWithin(qint64 withinMs) const
{
    QMutexLocker lock(&m_mutex);
    return m_lastRateLimited && msSince(*m_lastRateLimited, m_clock->now()) < withinMs;
}

qint64 EndpointLimiter::rateLimitedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_rateLimitedCount;
}

int EndpointLimiter::batchLimit(int wanted) const
{
    QMutexLocker lock(&m_mutex);
    wanted = std::max(1, wanted);
    if (m_learned.maxBatch <= 0)
        return wanted;
    return std::min(wanted, std::max(m_learned.maxBatch, m_probeBatch));
}

void EndpointLimiter::batchRefused(int size)
{
    if (size <= 1)
        return;
    QMutexLocker lock(&m_mutex);
    if (m_learned.maxBatch > 0 && size > m_learned.maxBatch) {
        // A larger batch tried after a run of accepted ones: the cap stands; try again later.
        if (m_probeBatch > 0) {
            m_probeBatch = 0;
            m_batchCooldown = m_nextBatchCooldown;
            m_nextBatchCooldown = std::min(m_nextBatchCooldown * 2, 1024);
        }
        return;
    }
    if (m_largestAcceptedBatch >= size)
        m_largestAcceptedBatch = size / 2;      // it took this size before: its cap has changed
    const int cap = std::max({1, size / 2, m_largestAcceptedBatch});
    if (m_learned.maxBatch > 0 && cap >= m_learned.maxBatch)
        return;     // a refusal already learned from (batches sent together are refused together)
    m_learned.maxBatch = cap;
    m_probeBatch = 0;
    m_batchCooldown = m_nextBatchCooldown;
    m_nextBatchCooldown = std::min(m_nextBatchCooldown * 2, 1024);
    qCInfo(lcRpc).noquote() << rpchttp::displayUrl(m_url) << "refused a batch of" << size << "calls; sending at most" << cap;
}

void EndpointLimiter::batchAccepted(int size)
{
    QMutexLocker lock(&m_mutex);
    m_largestAcceptedBatch = std::max(m_largestAcceptedBatch, size);
    if (m_learned.maxBatch <= 0 || size < m_learned.maxBatch)
        return;
    if (size > m_learned.maxBatch) {
        // A larger batch went through: that is the new cap.
        m_learned.maxBatch = size;
        m_probeBatch = 0;
        m_batchCooldown = m_nextBatchCooldown / 2;
        return;
    }
    if (m_probeBatch > 0)
        return;
    if (m_batchCooldown > 0) {
        --m_batchCooldown;
        return;
    }
    m_probeBatch = m_learned.maxBatch * 2;
}

void EndpointLimiter::logRangeLimited(qint64 blocks)
{
    QMutexLocker lock(&m_mutex);
    if (blocks > 0)
        m_learned.logRangeLimit = blocks;
}

void EndpointLimiter::logResultsLimited(qint64 logs)
{
    QMutexLocker lock(&m_mutex);
    if (logs > 0)
        m_learned.logResultLimit = logs;
}

std::optional<qint64> EndpointLimiter::retryAfterMs(const QNetworkReply *reply)
{
    return rpchttp::retryAfterMs(reply, MaxPauseMs);
}

} // namespace arbor

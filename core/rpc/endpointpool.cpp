#include "rpc/endpointpool.h"

#include "rpc/endpointpoolpending.h"
#include "rpc/endpointstate.h"

#include "rpc/evmjson.h"

#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>
#include <utility>

namespace arbor {
namespace {

constexpr qint64 Never = std::numeric_limits<qint64>::max();
// Heads are polled on all endpoints at once but answers straddle new blocks: a node this close
// to the highest head is not behind.
constexpr qint64 LagToleranceBlocks = 2;

qint64 jitteredBackoffMs(int baseMs, int attempt, int capMs)
{
    const qint64 full = std::min<qint64>(qint64(baseMs) << std::min(attempt - 1, 20), std::max(baseMs, capMs));
    return full / 2 + QRandomGenerator::global()->bounded(full / 2 + 1);
}

} // namespace

EndpointPool::EndpointPool(QNetworkAccessManager *network, const QList<EndpointRecord> &endpoints, RpcPolicy policy,
                           QObject *parent)
    : EndpointPool(network, endpoints, policy, RpcClock::steady(), parent)
{
}

EndpointPool::EndpointPool(QNetworkAccessManager *network, const QList<EndpointRecord> &endpoints, RpcPolicy policy,
                           std::shared_ptr<RpcClock> clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_policy(policy)
    , m_clock(std::move(clock))
    , m_started(m_clock->now())
    , m_wakeTimer(m_clock->timer(this, [this] { wake(); }))
{
    for (const EndpointRecord &record : endpoints) {
        auto e = std::make_unique<Endpoint>();
        e->policy = &m_policy;
        e->health.id = record.id;
        e->health.url = record.url;
        e->health.priority = record.priority;
        e->health.maxRequestsPerSecond = std::max(0.0, record.maxRequestsPerSecond);
        e->limiter = EndpointLimiter::forUrl(record.url, m_clock);
        e->limiter->setOperatorRate(e->health.maxRequestsPerSecond);
        e->limiter->seed(record.limits);
        e->health.servesHistory = record.servesHistory;
        e->health.historyNote = record.historyNote;
        e->health.status = EndpointStatus::Unknown;
        e->announcedStatus = e->health.status;
        m_endpoints.push_back(std::move(e));
    }
}

EndpointPool::~EndpointPool()
{
    m_queue.clear();
    for (const auto &e : m_endpoints) {
        const auto replies = e->replies;
        for (const QPointer<QNetworkReply> &reply : replies) {
            if (!reply)
                continue;
            rpchttp::ReplyScope::end(reply);
            reply->abort();
            reply->deleteLater();
        }
    }
}

void EndpointPool::settleSent()
{
    // The network thread says a request went out with a queued signal (countWhenSent()): one
    // still queued when the pool is destroyed would never be counted, though the provider got
    // it. Each reply's queued notices are delivered now (a reply that finished meanwhile
    // completes as usual, its callbacks included).
    for (const auto &e : m_endpoints) {
        const auto replies = e->replies;
        for (const QPointer<QNetworkReply> &reply : replies) {
            if (reply)
                QCoreApplication::sendPostedEvents(reply, QEvent::MetaCall);
        }
    }
}

void EndpointPool::send(const QByteArray &body, int weight, std::optional<qint64> minHead, Parser parse, Done done, int endpoint)
{
    auto pending = std::make_shared<Pending>();
    pending->body = body;
    pending->weight = std::max(1, weight);
    pending->minHead = minHead;
    pending->parse = std::move(parse);
    pending->done = std::move(done);
    if (endpoint >= 0 && endpoint < int(m_endpoints.size())) {
        pending->pinned = m_endpoints[size_t(endpoint)].get();
        pending->retriesPinned = true;
    }
    enqueue(std::move(pending));
}

void EndpointPool::sendLogs(const QByteArray &body, qint64 blocks, std::optional<qint64> minHead, Parser parse, Done done, int endpoint)
{
    auto pending = std::make_shared<Pending>();
    pending->body = body;
    pending->logBlocks = std::max<qint64>(1, blocks);
    pending->minHead = minHead;
    pending->parse = std::move(parse);
    pending->done = std::move(done);
    if (endpoint >= 0 && endpoint < int(m_endpoints.size())) {
        pending->pinned = m_endpoints[size_t(endpoint)].get();
        pending->retriesPinned = true;
    }
    enqueue(std::move(pending));
}

void EndpointPool::enqueue(std::shared_ptr<Pending> pending)
{
    if (m_endpoints.empty()) {
        QMetaObject::invokeMethod(this, [done = std::move(pending->done)] {
            done(Error::unavailable(QStringLiteral("rpc"), tr("This chain has no RPC endpoint. Add one.")));
        }, Qt::QueuedConnection);
        return;
    }
    // Requests for earlier blocks go first: the indexer promotes ranges in block order, so a
    // range's last request (its logs' headers) must not wait behind the logs of every range
    // after it. Equal blocks, and requests without one (head polls), keep their order.
    qsizetype at = m_queue.size();
    if (pending->minHead) {
        while (at > 0 && m_queue.at(at - 1)->minHead && *m_queue.at(at - 1)->minHead > *pending->minHead)
            --at;
    }
    m_queue.insert(at, std::move(pending));
    scheduleDispatch();
}

int EndpointPool::batchLimit(int wanted) const
{
    const bool anyUsable = std::any_of(m_endpoints.begin(), m_endpoints.end(), [](const auto &e) { return !e->open(); });
    int best = 0;
    for (const auto &e : m_endpoints) {
        if (!anyUsable || !e->open())
            best = std::max(best, e->limiter->batchLimit(wanted));
    }
    return std::max(1, best);
}

qint64 EndpointPool::logRangeLimit() const
{
    const bool anyUsable = std::any_of(m_endpoints.begin(), m_endpoints.end(), [](const auto &e) { return !e->open(); });
    qint64 widest = 0;
    for (const auto &e : m_endpoints) {
        if (anyUsable && e->open())
            continue;
        const qint64 cap = e->limiter->limits().logRangeLimit;
        if (cap <= 0)
            return 0;
        widest = std::max(widest, cap);
    }
    return widest;
}

std::optional<Error> EndpointPool::oversize(const Pending &pending) const
{
    if (pending.pinned || (pending.weight <= 1 && pending.logBlocks <= 0))
        return std::nullopt;
    for (const auto &e : m_endpoints) {
        if (e->fits(pending.weight, pending.logBlocks))
            return std::nullopt;
    }
    if (pending.weight > 1)
        return Error::refused(tr("A batch of %1 calls is larger than any endpoint of this chain accepts (batch size too large).")
                                  .arg(pending.weight));
    return Error::refused(tr("An eth_getLogs over %1 blocks exceeds the maximum block range any endpoint of this chain serves.")
                              .arg(pending.logBlocks));
}

QList<EndpointHealth> EndpointPool::health() const
{
    const qint64 now = this->now();
    QList<EndpointHealth> list;
    list.reserve(qsizetype(m_endpoints.size()));
    for (const auto &e : m_endpoints) {
        EndpointHealth h = e->health;
        h.status = e->status(now);
        h.circuitOpen = e->open();
        h.limits = e->limiter->limits();
        h.rateLimitedCount = e->limiter->rateLimitedCount();
        list.append(std::move(h));
    }
    return list;
}

bool EndpointPool::allDown() const
{
    const qint64 now = this->now();
    return std::all_of(m_endpoints.begin(), m_endpoints.end(),
                       [now](const auto &e) { return e->status(now) == EndpointStatus::Unreachable; });
}

bool EndpointPool::allCircuitsOpen() const
{
    return !m_endpoints.empty() && std::all_of(m_endpoints.begin(), m_endpoints.end(), [](const auto &e) { return e->open(); });
}

int EndpointPool::inFlight() const
{
    int n = 0;
    for (const auto &e : m_endpoints)
        n += e->inFlight;
    return n;
}

void EndpointPool::scheduleDispatch()
{
    if (m_dispatchScheduled)
        return;
    m_dispatchScheduled = true;
    QMetaObject::invokeMethod(this, [this] {
        m_dispatchScheduled = false;
        dispatch();
    }, Qt::QueuedConnection);
}

void EndpointPool::wake()
{
    QPointer<EndpointPool> alive(this);
    if (noteStatusChanges(now())) {
        Q_EMIT healthChanged();
        if (!alive)
            return;
    }
    dispatch();
}

bool EndpointPool::noteStatusChanges(qint64 now)
{
    bool changed = false;
    for (const auto &e : m_endpoints) {
        const EndpointStatus status = e->status(now);
        if (status != e->announcedStatus) {
            e->announcedStatus = status;
            changed = true;
        }
    }
    return changed;
}

void EndpointPool::dispatch()
{
    const qint64 now = this->now();
    // Open circuits whose wait is over get their probe; the rest of the queue waits for nothing
    // from them.
    for (const auto &e : m_endpoints) {
        if (e->open() && e->probesInFlight == 0 && e->nextProbeMs <= now)
            m_queue.prepend(probe(e.get(), {}));
    }
    const bool allOpen = !m_endpoints.empty() && std::all_of(m_endpoints.begin(), m_endpoints.end(), [](const auto &e) { return e->open(); });
    QList<const Endpoint *> claimed;
    QList<std::shared_ptr<Pending>> refused;
    QList<std::pair<std::shared_ptr<Pending>, Error>> oversized;
    qint64 wakeAt = Never;
    for (qsizetype i = 0; i < m_queue.size();) {
        const std::shared_ptr<Pending> pending = m_queue.at(i);
        if (allOpen && !pending->pinned) {
            m_queue.removeAt(i);
            oversized.append({pending, exhausted(*pending, now)});
            continue;
        }
        if (pending->notBeforeMs > now) {
            wakeAt = std::min(wakeAt, pending->notBeforeMs);
            ++i;
            continue;
        }
        if (std::optional<Error> tooBig = oversize(*pending)) {
            m_queue.removeAt(i);
            oversized.append({pending, std::move(*tooBig)});
            continue;
        }
        qint64 readyAt = Never;
        QList<const Endpoint *> waitingFor;
        if (Endpoint *e = choose(*pending, now, claimed, &readyAt, &waitingFor)) {
            m_queue.removeAt(i);
            start(e, pending);
            continue;
        }
        if (pending->pinned && pending->pinned->open() && !pending->probe) {
            m_queue.removeAt(i);
            refused.append(pending);
            continue;
        }
        // Later requests must not take the tokens this one waits for, or a big batch would starve.
        claimed += waitingFor;
        wakeAt = std::min(wakeAt, readyAt);
        ++i;
    }
    for (const auto &e : m_endpoints) {
        if (e->open() && e->probesInFlight == 0)
            wakeAt = std::min(wakeAt, e->nextProbeMs);
        else if (const auto changes = e->statusChangesAt(now))
            wakeAt = std::min(wakeAt, *changes);     // to announce the end of "rate limited" or "answering with errors"
    }
    if (wakeAt == Never)
        m_wakeTimer->stop();
    else
        m_wakeTimer->start(wakeAt - now);

    QPointer<EndpointPool> alive(this);
    for (const auto &[pending, error] : std::as_const(oversized)) {
        pending->done(error);
        if (!alive)
            return;
    }
    for (const auto &pending : std::as_const(refused)) {
        const Endpoint *e = pending->pinned;
        pending->done(Error::unavailable(QStringLiteral("rpc"), tr("%1: unreachable, circuit open (last: %2)")
                                                                    .arg(rpchttp::displayUrl(e->health.url), e->health.lastError)));
        if (!alive)
            return;
    }
}

void EndpointPool::rank(QList<Endpoint *> &endpoints, qint64 now) const
{
    std::optional<qint64> highest;
    for (const auto &e : m_endpoints) {
        if (e->health.lastHead)
            highest = std::max(highest.value_or(*e->health.lastHead), *e->health.lastHead);
    }
    const auto rankOf = [&](const Endpoint *e) {
        const EndpointStatus status = e->status(now);
        const int statusRank = status == EndpointStatus::Unreachable ? 2 : status == EndpointStatus::AnsweringWithErrors ? 1 : 0;
        const bool behind = highest && e->health.lastHead && *e->health.lastHead + LagToleranceBlocks < *highest;
        // Coarse buckets keep the order stable against jitter; an endpoint not measured yet
        // ranks as fast so that it gets tried.
        const int latencyBucket = e->health.latencyMs <= 0 ? 0 : int(std::log2(1 + e->health.latencyMs) * 4);
        return std::tuple(statusRank, int(e->health.errorRate * 5), behind, latencyBucket, e->health.priority);
    };
    std::stable_sort(endpoints.begin(), endpoints.end(), [&](const Endpoint *a, const Endpoint *b) { return rankOf(a) < rankOf(b); });
}

int EndpointPool::pickEndpoint(std::optional<qint64> minHead) const
{
    QList<Endpoint *> candidates;
    for (const auto &e : m_endpoints) {
        if (!e->open() && !(minHead && e->health.lastHead && *e->health.lastHead < *minHead))
            candidates.append(e.get());
    }
    if (candidates.isEmpty())
        return -1;
    rank(candidates, now());
    for (int i = 0; i < int(m_endpoints.size()); ++i) {
        if (m_endpoints[size_t(i)].get() == candidates.first())
            return i;
    }
    return -1;
}

EndpointPool::Endpoint *EndpointPool::choose(const Pending &pending, qint64 now, const QList<const Endpoint *> &claimed,
                                              qint64 *readyAt, QList<const Endpoint *> *waitingFor) const
{
    QList<Endpoint *> candidates;
    if (pending.pinned) {
        candidates.append(pending.pinned);
    } else {
        for (const auto &e : m_endpoints)
            candidates.append(e.get());
        const auto keepIf = [&candidates](auto predicate) {
            QList<Endpoint *> kept;
            std::copy_if(candidates.begin(), candidates.end(), std::back_inserter(kept), predicate);
            if (!kept.isEmpty())
                candidates = std::move(kept);
        };
        keepIf([&](const Endpoint *e) { return e->fits(pending.weight, pending.logBlocks); });
        if (pending.minHead) {
            const qint64 minHead = *pending.minHead;
            keepIf([&](const Endpoint *e) { return !e->open() && !(e->health.lastHead && *e->health.lastHead < minHead); });
        }
        keepIf([&](const Endpoint *e) { return !e->open() && !pending.tried.contains(e); });
        rank(candidates, now);
    }

    for (Endpoint *e : std::as_const(candidates)) {
        if (e->open() && !pending.probe)
            continue;   // its probe's answer dispatches again
        if (e->inFlight >= std::max(1, m_policy.maxInFlightPerEndpoint) || claimed.contains(e))
            continue;
        if (const qint64 wait = e->limiter->waitMs(pending.weight); wait > 0) {
            *readyAt = std::min(*readyAt, now + wait);
            waitingFor->append(e);
            continue;
        }
        return e;
    }
    return nullptr;
}

void EndpointPool::start(Endpoint *endpoint, std::shared_ptr<Pending> pending)
{
    const qint64 startedMs = now();
    const auto sentAt = m_clock->now();
    endpoint->limiter->take(pending->weight);
    ++endpoint->inFlight;
    ++pending->attempts;
    pending->tried.append(endpoint);

    rpchttp::resolveUrl(endpoint->health.url, this, [this, endpoint, pending, startedMs, sentAt](Result<rpchttp::ResolvedUrl> target) {
        if (target)
            return transmit(endpoint, pending, *target, startedMs, sentAt);
        --endpoint->inFlight;   // a placeholder's value could not be read: the endpoint cannot be reached
        finish(endpoint, pending, startedMs, target.error(), true);
    });
}

void EndpointPool::transmit(Endpoint *endpoint, std::shared_ptr<Pending> pending, const rpchttp::ResolvedUrl &target, qint64 startedMs,
                            RpcClock::TimePoint sentAt)
{
    const int timeoutMs = pending->timeoutMs > 0 ? pending->timeoutMs : m_policy.timeoutMs;
    QNetworkRequest request = rpchttp::postRequest(target.url, timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = m_network->post(request, pending->body);
    if (pending->calls.isEmpty())
        pending->calls = RpcCalls::inRequest(pending->body);
    auto *scope = rpchttp::ReplyScope::forReply(reply, this);
    // Counted as the provider bills: once the request went out (see countWhenSent).
    const auto counted = rpchttp::countWhenSent(reply, scope, [endpoint, pending] { endpoint->calls.add(pending->calls); });
    rpchttp::limitResponseSize(reply, scope, m_policy.maxResponseBytes);
    rpchttp::limitDuration(reply, scope, timeoutMs);
    endpoint->replies.append(reply);

    connect(reply, &QNetworkReply::finished, scope, [this, endpoint, pending, reply, startedMs, sentAt, target, timeoutMs, counted] {
        endpoint->replies.removeAll(reply);
        reply->deleteLater();
        --endpoint->inFlight;
        const bool sent = counted();

        const double rate = endpoint->limiter->rate();
        const QString advice = rate > 0 ? tr("sending at most %1 calls/s to it; waiting as it asks").arg(rate, 0, 'f', 1)
                                        : tr("waiting as it asks");
        const QString what = pending->weight == 1 ? tr("a call") : tr("a batch of %1 calls").arg(pending->weight);
        auto body = rpchttp::replyBody(reply, endpoint->health.url, timeoutMs, m_policy.maxResponseBytes, what, advice);
        if (!body)
            body = target.redact(body.error());
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 429) {
            countFailure(endpoint, *pending);
            endpoint->limiter->rateLimited(EndpointLimiter::retryAfterMs(reply), sentAt);
            retryRateLimited(endpoint, pending, body ? Error::unavailable(QStringLiteral("rpc"), tr("HTTP 429")) : body.error());
            return;
        }
        if (!body) {
            if (sent)
                countFailure(endpoint, *pending);   // never counted when it was given up before it went out
            finish(endpoint, pending, startedMs, body.error(), rpchttp::isUnreachable(reply));
            return;
        }
        QPointer<EndpointPool> alive(this);
        Status status = pending->parse(*body);
        if (!alive)
            return;
        if (!status && isNodeFailure(status.error()))
            countFailure(endpoint, *pending);
        if (!status && evmjson::isRateLimited(status.error().message) && !evmjson::isRangeTooLarge(status.error())) {
            endpoint->limiter->rateLimited(std::nullopt, sentAt);
            retryRateLimited(endpoint, pending, status.error());
            return;
        }
        finish(endpoint, pending, startedMs, std::move(status));
    });
}

void EndpointPool::countFailure(Endpoint *endpoint, const Pending &pending)
{
    endpoint->calls.addFailures(pending.calls);
}

QHash<qint64, RpcCalls> EndpointPool::takeCalls()
{
    QHash<qint64, RpcCalls> out;
    for (const auto &e : m_endpoints) {
        if (!e->calls.isEmpty())
            out[e->health.id].add(std::exchange(e->calls, {}));
    }
    return out;
}

void EndpointPool::restoreCalls(const QHash<qint64, RpcCalls> &calls)
{
    for (auto it = calls.cbegin(); it != calls.cend(); ++it) {
        const auto e = std::find_if(m_endpoints.begin(), m_endpoints.end(), [&](const auto &owned) { return owned->health.id == it.key(); });
        if (e != m_endpoints.end())
            (*e)->calls.add(*it);
    }
}

void EndpointPool::retryRateLimited(Endpoint *endpoint, std::shared_ptr<Pending> pending, const Error &error)
{
    // Being asked to slow down is not a failure: no attempt spent, nothing against its health.
    ++endpoint->health.requests;
    if (endpoint->last == Endpoint::Outcome::None || endpoint->last == Endpoint::Outcome::Unreachable)
        endpoint->last = Endpoint::Outcome::Answer;     // it is up: it answers, only not yet to us
    endpoint->consecutiveFailures = 0;     // an answer, if not the one asked for: its circuit closes
    endpoint->probeWaitMs = 0;
    --pending->attempts;
    pending->tried.removeOne(endpoint);
    const bool wasLimited = endpoint->announcedStatus == EndpointStatus::RateLimited;
    noteStatusChanges(now());
    if (++pending->rateLimited <= m_policy.maxRateLimitedRetries) {
        m_queue.prepend(pending);
        scheduleDispatch();
        if (!wasLimited)
            Q_EMIT healthChanged();
        return;
    }
    const QString message = tr("%1 answered %2 requests in a row with “too many requests” (last: %3); it is reachable but allows "
                               "fewer requests than Arbor needs. Add another endpoint or raise the plan's limit.")
                                .arg(rpchttp::displayUrl(endpoint->health.url))
                                .arg(pending->rateLimited)
                                .arg(error.message);
    QPointer<EndpointPool> alive(this);
    Q_EMIT healthChanged();
    if (alive)
        pending->done(Error::unavailable(QStringLiteral("rpc"), message));
}

void EndpointPool::finish(Endpoint *endpoint, std::shared_ptr<Pending> pending, qint64 startedMs, Status status, bool unreachable)
{
    const qint64 now = this->now();
    const auto [failed, notServed] = endpoint->judge(status, unreachable, pending->weight, now - startedMs, now, pending->probe);
    if (failed && !notServed)
        pending->onlyNotServed = false;
    noteStatusChanges(now);

    QPointer<EndpointPool> alive(this);
    if (failed) {
        pending->errors.removeIf([endpoint](const auto &entry) { return entry.first == endpoint; });
        pending->errors.append({endpoint, notServed ? status.error().message : endpoint->health.lastError});
        const int attempts = pending->pinned && !pending->retriesPinned ? 1 : std::max(1, m_policy.maxAttempts);
        if (pending->attempts < attempts) {
            const qint64 backoff = jitteredBackoffMs(m_policy.backoffBaseMs, pending->attempts, m_policy.breakerMaxMs);
            qCDebug(lcRpc).noquote() << "attempt" << pending->attempts << "failed, next in" << backoff << "ms:"
                                     << pending->errors.last().second;
            pending->notBeforeMs = now + backoff;
            m_queue.prepend(pending);
            scheduleDispatch();
            Q_EMIT healthChanged();
            return;
        }
        if (!pending->pinned && !pending->onlyNotServed)
            status = exhausted(*pending, now);
    }
    Q_EMIT healthChanged();
    if (!alive)
        return;
    pending->done(std::move(status));
    if (alive)
        scheduleDispatch();
}

Error EndpointPool::exhausted(const Pending &pending, qint64 now) const
{
    QStringList lines;
    for (const auto &e : m_endpoints) {
        const auto it = std::find_if(pending.errors.begin(), pending.errors.end(),
                                     [&e](const auto &entry) { return entry.first == e.get(); });
        if (it != pending.errors.end())
            lines.append(it->second);
        else if (e->open())
            lines.append(tr("%1: unreachable, circuit open (last: %2)").arg(rpchttp::displayUrl(e->health.url), e->health.lastError));
        else
            lines.append(tr("%1: not tried").arg(rpchttp::displayUrl(e->health.url)));
    }
    if (pending.attempts == 0)
        return Error::unavailable(QStringLiteral("rpc"), tr("No RPC endpoint can be reached: %1").arg(lines.join(u"; ")));
    return Error::unavailable(QStringLiteral("rpc"), tr("No RPC endpoint answered after %1 attempts: %2").arg(pending.attempts).arg(lines.join(u"; ")));
}

} // namespace arbor

#include "rpc/endpointpool.h"

#include "rpc/endpointpoolpending.h"
#include "rpc/endpointstate.h"
#include "rpc/evmjson.h"
#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"

#include <QDateTime>
#include <QStringList>

#include <algorithm>
#include <memory>

// Heads and probes: eth_blockNumber pinned to one endpoint. Head polls ask every endpoint whose
// circuit is closed at once, the best answer wins; probes go to open circuits (and to every
// endpoint on Probe now), and any answer closes the circuit.

namespace arbor {

std::shared_ptr<EndpointPool::Pending> EndpointPool::headRequest(Endpoint *e)
{
    const qint64 id = m_nextHeadId++;
    auto p = std::make_shared<Pending>();
    p->body = R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id) + R"(,"method":"eth_blockNumber","params":[]})";
    p->pinned = e;
    p->parse = [e, id](const QByteArray &body) -> Status {
        const auto value = JsonRpcClient::parseResponse(body, id, e->health.url);
        if (!value)
            return value.error();
        const auto head = quantityToInt64(*value, QStringLiteral("eth_blockNumber"));
        if (!head)
            return head.error();
        e->health.lastHead = *head;   // as reported, even when lower than before
        e->health.lastHeadAtMs = QDateTime::currentMSecsSinceEpoch();
        return {};
    };
    return p;
}

std::shared_ptr<EndpointPool::Pending> EndpointPool::probe(Endpoint *e, std::function<void()> then)
{
    auto p = headRequest(e);
    p->probe = true;
    p->timeoutMs = std::min(m_policy.probeTimeoutMs, m_policy.timeoutMs);
    ++e->probesInFlight;
    p->done = [e, then = std::move(then)](Status) {
        --e->probesInFlight;
        if (then)
            then();
    };
    return p;
}

void EndpointPool::probeNow(std::function<void(QList<EndpointHealth>)> done)
{
    struct Round
    {
        int remaining = 0;
        std::function<void(QList<EndpointHealth>)> done;
    };
    auto round = std::make_shared<Round>();
    round->done = std::move(done);
    round->remaining = int(m_endpoints.size());
    if (m_endpoints.empty()) {
        QMetaObject::invokeMethod(this, [this, round] { round->done(health()); }, Qt::QueuedConnection);
        return;
    }
    const qint64 now = this->now();
    for (const auto &owned : m_endpoints) {
        Endpoint *e = owned.get();
        e->probeSoon(now);
        m_queue.prepend(probe(e, [this, round] {
            if (--round->remaining == 0)
                round->done(health());
        }));
    }
    scheduleDispatch();
}

void EndpointPool::pollHeads(HeadDone done)
{
    struct Poll
    {
        int remaining = 0;
        std::optional<qint64> best;
        QStringList errors;
        HeadDone done;
    };
    auto poll = std::make_shared<Poll>();
    poll->done = std::move(done);
    const auto conclude = [](const Poll &p) -> Result<qint64> {
        if (p.best)
            return *p.best;
        return Error::unavailable(QStringLiteral("rpc"), p.errors.isEmpty()
                                                             ? tr("This chain has no RPC endpoint. Add one.")
                                                             : tr("No RPC endpoint reported its head: %1").arg(p.errors.join(u"; ")));
    };

    QList<std::shared_ptr<Pending>> polls;
    for (const auto &owned : m_endpoints) {
        Endpoint *e = owned.get();
        if (e->open()) {
            poll->errors.append(tr("%1: unreachable, circuit open (last: %2)").arg(rpchttp::displayUrl(e->health.url), e->health.lastError));
            continue;
        }
        auto p = headRequest(e);
        p->done = [e, poll, conclude](Status status) {
            if (status && e->health.lastHead)
                poll->best = std::max(poll->best.value_or(*e->health.lastHead), *e->health.lastHead);
            if (!status)
                poll->errors.append(e->health.lastError.isEmpty() ? e->describe(status.error()) : e->health.lastError);
            if (--poll->remaining == 0)
                poll->done(conclude(*poll));
        };
        polls.append(std::move(p));
    }
    poll->remaining = int(polls.size());
    if (polls.isEmpty()) {
        QMetaObject::invokeMethod(this, [poll, conclude] { poll->done(conclude(*poll)); }, Qt::QueuedConnection);
        return;
    }
    m_queue.append(polls);
    scheduleDispatch();
}

} // namespace arbor

#include "rpc/endpointpool.h"

#include "rpc/endpointpoolpending.h"
#include "rpc/endpointstate.h"
#include "rpc/evmjson.h"
#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"

#include <QStringList>

#include <algorithm>
#include <memory>

// Head polling: every endpoint asked for eth_blockNumber at once, the best answer wins.

namespace arbor {

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

    const qint64 now = this->now();
    QList<std::shared_ptr<Pending>> polls;
    for (const auto &owned : m_endpoints) {
        Endpoint *e = owned.get();
        if (e->open(now)) {
            poll->errors.append(tr("%1: circuit open after repeated failures (last: %2)")
                                    .arg(rpchttp::displayUrl(e->health.url), e->health.lastError));
            continue;
        }
        const qint64 id = m_nextHeadId++;
        auto p = std::make_shared<Pending>();
        p->body = R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id) + R"(,"method":"eth_blockNumber","params":[]})";
        p->pinned = e;
        p->parse = [e, id, poll](const QByteArray &body) -> Status {
            const auto value = JsonRpcClient::parseResponse(body, id, e->health.url);
            if (!value)
                return value.error();
            const auto head = quantityToInt64(*value, QStringLiteral("eth_blockNumber"));
            if (!head)
                return head.error();
            e->health.lastHead = *head;   // as reported, even when lower than before
            poll->best = std::max(poll->best.value_or(*head), *head);
            return {};
        };
        p->done = [e, poll, conclude](Status status) {
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

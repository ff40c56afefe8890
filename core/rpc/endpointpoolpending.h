#pragma once

// Private to EndpointPool's .cpp files: one request waiting for, or being sent to, an endpoint.

#include "rpc/endpointpool.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace arbor {

struct EndpointPool::Pending
{
    QByteArray body;
    int weight = 1;
    std::optional<qint64> minHead;
    qint64 logBlocks = 0;           ///< an eth_getLogs over this many blocks; 0 = not one
    int rateLimited = 0;            ///< 429s this request met
    Parser parse;
    Done done;
    Endpoint *pinned = nullptr;     ///< only this endpoint: once (head polls, probes) or as retriesPinned says
    bool retriesPinned = false;     ///< pinned by the caller (send()'s `endpoint`): retried there like any request
    bool probe = false;             ///< an open circuit's probe: goes to `pinned` even while it is open
    int timeoutMs = 0;              ///< 0: RpcPolicy::timeoutMs
    int attempts = 0;
    qint64 notBeforeMs = 0;         ///< backoff before the next attempt
    QList<const Endpoint *> tried;
    QList<std::pair<const Endpoint *, QString>> errors;     ///< this request's failure per endpoint
    bool onlyNotServed = true;      ///< every failed attempt met a node that does not serve the block yet
    RpcCalls calls;                 ///< the calls in `body` by method, read from it when first sent
};

} // namespace arbor

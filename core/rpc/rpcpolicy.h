#pragma once

#include <QtGlobal>

namespace arbor {

/// How an EndpointPool treats its endpoints. Defaults suit public providers; tests shrink them.
struct RpcPolicy
{
    int timeoutMs = 15000;                  ///< per HTTP request
    qint64 maxResponseBytes = 256ll * 1024 * 1024;
    int maxAttempts = 4;                    ///< endpoints tried (with backoff) before send() fails
    /// Requests sent to one endpoint and not answered yet: as many as Qt opens connections to one
    /// host (6), so a catch-up's ranges are not served a few at a time while the answers travel.
    int maxInFlightPerEndpoint = 6;
    int breakerThreshold = 3;               ///< requests in a row that did not reach the node: the circuit opens
    int breakerBaseMs = 1000;               ///< wait before an open circuit's first probe; doubles while probes fail
    int breakerMaxMs = 3000;                ///< the longest wait between probes: recovery within seconds
    int probeTimeoutMs = 5000;              ///< a probe (eth_blockNumber) not answered within this failed
    int backoffBaseMs = 200;                ///< delay before a retry, doubling per attempt, with jitter
    int maxRateLimitedRetries = 30;         ///< 429s one request survives before send() fails
    int rateLimitedShowMs = 30000;          ///< how long after a 429 the endpoint shows "rate limited"
    int errorShowMs = 60000;                ///< how long after a node error it shows "answering with errors"
    double latencyAlpha = 0.2;              ///< EWMA weight of the newest latency sample
};

} // namespace arbor

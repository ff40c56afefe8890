#pragma once

// The values the Engine's trigger API returns (stored triggers, results, dry runs, charts) and
// how the outbox is sent. For now they are declared with the TriggerStore that makes them.
#include "store/triggerstore.h"

namespace arbor {

/// How an engine sends the trigger outbox (DeliveryWorker).
struct DeliveryOptions
{
    int maxInFlight = 256;
    int claimBatch = 200;
    qint64 baseBackoffMs = 1000;
    qint64 maxBackoffMs = 600000;
    int flushIntervalMs = 20;          ///< results wait at most this long to be recorded
    int flushBatch = 200;
    int idlePollMs = 5000;             ///< look for due deliveries at least this often
};

} // namespace arbor

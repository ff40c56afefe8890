#pragma once

#include <QtGlobal>

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

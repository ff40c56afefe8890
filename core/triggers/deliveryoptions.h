#pragma once

#include "util/wallclock.h"

#include <QtGlobal>

#include <memory>

namespace arbor {

/// How an engine sends the trigger outbox (DeliveryWorker).
struct DeliveryOptions
{
    int maxInFlight = 256;
    int claimBatch = 200;
    int flushIntervalMs = 20;          ///< results wait at most this long to be recorded
    int flushBatch = 200;
    int idlePollMs = 5000;             ///< look for due deliveries at least this often
    /// A stop (a database switch, the console quitting, serve on SIGTERM) waits this long for
    /// the attempts in flight to be answered and recorded; only those still open then are
    /// abandoned (sent again, same id, once their claims lapse).
    int stopDrainMs = 5000;
    /// An attempt is not sent when its claim is older than this by then: this engine stalled
    /// (frozen, suspended, starved) long enough that other engines may have judged it dead and
    /// released its claims. The claim is given up instead, and whichever engine claims the
    /// delivery next sends it, under the same id. Half an engine's chain lease (see
    /// EngineOptions::chainLeaseMs) on a database several engines share.
    qint64 staleClaimMs = 15000;
    /// How often the claims of engines that are no longer live (killed, crashed, stalled past
    /// their lease) are released while this worker runs, besides once as it starts: an engine
    /// killed mid-send looks live for up to its lease after it died.
    int orphanReleaseMs = 30000;
    /// What "now" is for claims, attempts and their retry schedule; the system clock when unset
    /// (tests move a ManualWallClock through days of retries).
    std::shared_ptr<const WallClock> clock;
};

} // namespace arbor

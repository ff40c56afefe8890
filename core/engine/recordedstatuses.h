#pragma once

#include "model/chainconfig.h"
#include "model/chainstatus.h"

#include <QHash>
#include <QList>

#include <optional>
#include <utility>

namespace arbor {

/**
 * The indexing figures of chains this engine does not index — paused chains, and on a
 * read-only console every chain (another engine holds the database and indexes them) — as the
 * database last recorded them, so the console still shows their head, checkpoint and lag.
 *
 * The head is the highest `rpc_endpoints.last_head` (the indexing engine saves its endpoints'
 * health every couple of seconds and when it stops), and never below the checkpoint, which is
 * saved at each promotion; the checkpoint is the chain's `checkpoints` row and its time the
 * checkpoint block's timestamp. The rate is the checkpoint's progress over
 * the samples of the last RateWindowMs. The phase is read from the figures: Stopped for a paused
 * chain, RpcDown (and the head unknown since the last one an endpoint reported) when every
 * endpoint was recorded unreachable, Live within `liveWithin` blocks of the
 * head (after confirmations), CatchingUp otherwise.
 *
 * Pure bookkeeping, no I/O: the Engine reads the rows on its reader thread and hands them over.
 * Thread: the Engine's.
 */
class RecordedStatuses
{
public:
    static constexpr qint64 RateWindowMs = 10000;

    /// One chain as read from the database.
    struct Sample
    {
        ChainRecord chain;                        ///< state, confirmations, endpoints, checkpoint
        std::optional<qint64> checkpointTime;     ///< unix seconds of the checkpoint block
    };

    explicit RecordedStatuses(qint64 liveWithin = 10) : m_liveWithin(liveWithin) {}

    /// Replaces the figures with `samples` (a complete set: chains missing are dropped), read at
    /// `nowMs` (ms since the epoch).
    void update(const QList<Sample> &samples, qint64 nowMs);
    /// One status per chain of the last update().
    QList<ChainStatus> statuses() const { return m_statuses; }

    /// The highest head any endpoint of the chain reported, if one did.
    static std::optional<qint64> recordedHead(const ChainRecord &chain);

private:
    qint64 m_liveWithin;
    QList<ChainStatus> m_statuses;
    QHash<qint64, QList<std::pair<qint64, qint64>>> m_progress;   ///< chain → (ms, checkpoint), oldest first
};

} // namespace arbor

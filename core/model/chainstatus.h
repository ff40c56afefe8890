#pragma once

#include "model/chainconfig.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace arbor {

/// What a chain's indexer is doing, in the operator's words.
enum class IndexPhase {
    Starting,
    CatchingUp,     ///< more than a poll's worth of blocks behind the head
    Live,           ///< following the head
    RpcDown,        ///< every endpoint failed; retrying by itself
    /// No progress: an error that needs attention (database, reorg deeper than the window), or
    /// behind the head with no block promoted for IndexerOptions::stallAfterMs (a node that
    /// does not serve the next block yet, an error that repeats); the message says why.
    Stalled,
    Stopped,
};
QString indexPhaseName(IndexPhase phase);

/// A chain's indexing state as the console and arborctl show it. Immutable snapshot.
struct ChainStatus
{
    qint64 chainId = 0;
    IndexPhase phase = IndexPhase::Starting;
    std::optional<qint64> head;             ///< best head reported by an endpoint (the last one seen while headUnknown)
    /// No endpoint answered the last head poll: `head` is the last one seen, at headSeenAtMs.
    bool headUnknown = false;
    qint64 headSeenAtMs = 0;                ///< ms since the epoch of the last head an endpoint answered; 0 = never
    std::optional<qint64> indexed;          ///< checkpoint: promoted through this block
    std::optional<qint64> indexedTime;      ///< unix seconds of the checkpoint block, once one was promoted here
    double blocksPerSecond = 0;             ///< recent promotion rate
    QString message;                        ///< why it is RpcDown/Stalled, or the last warning
    /// Stalled for want of progress alone (behind, nothing promoted for the stall time), not on
    /// an error of its own: `message` then words the numbers, and `lastProblem` is what was
    /// said before the stall (a node that does not serve the next block yet), if anything.
    bool noProgress = false;
    QString lastProblem;
    /// The error that set `message`, and the one behind `lastProblem`, as a code and what its
    /// wording names (Error::code, Error::codeArgs) where it had one: what a reader in another
    /// language words (an alert), since `message` and `lastProblem` are in this process's.
    QString messageCode;
    QStringList messageArgs;
    QString lastProblemCode;
    QStringList lastProblemArgs;
    qint64 reorgs = 0;                      ///< reorgs handled since start
    qint64 skippedLogs = 0;                 ///< logs that failed to decode (not ERC-20, malformed)
    QList<EndpointRecord> endpoints;        ///< measured health

    /// Blocks behind the head. Empty until both are known, and while the head is unknown (an
    /// outage is not "0 blocks behind": charts draw it as a gap).
    std::optional<qint64> lag() const
    {
        if (!head || !indexed || headUnknown)
            return std::nullopt;
        return std::max<qint64>(0, *head - *indexed);
    }

    /// How far behind in time: 0 at the head, else `nowSecs` minus the checkpoint block's
    /// timestamp. While the head is unknown it keeps growing: from the checkpoint block's time,
    /// or, when the checkpoint had reached the last head seen, from when that head was seen.
    /// Empty until known.
    std::optional<qint64> lagSeconds(qint64 nowSecs) const
    {
        if (headUnknown && indexed) {
            const bool caughtUp = !head || *indexed >= *head;
            std::optional<qint64> since = caughtUp && headSeenAtMs > 0 ? std::optional<qint64>(headSeenAtMs / 1000) : indexedTime;
            if (!since && headSeenAtMs > 0)
                since = headSeenAtMs / 1000;
            if (!since)
                return std::nullopt;
            return std::max<qint64>(0, nowSecs - *since);
        }
        const std::optional<qint64> blocks = lag();
        if (!blocks)
            return std::nullopt;
        if (*blocks == 0)
            return 0;
        if (!indexedTime)
            return std::nullopt;
        return std::max<qint64>(0, nowSecs - *indexedTime);
    }
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::ChainStatus)

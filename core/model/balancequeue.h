#pragma once

#include "error.h"
#include "model/address.h"
#include "model/chainconfig.h"
#include "model/hash.h"
#include "model/u256.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace arbor {

/// Why a holder was queued (balance_update_queue.update_type).
enum class BalanceUpdateType { Transfer, Reorg, Reindex, Backfill, ModeChange, Manual };
QString balanceUpdateTypeName(BalanceUpdateType type);        ///< "transfer", "reorg", …
/// The priority (1…10, higher first) an item queued for this reason gets: reorgs first.
int queuePriority(BalanceUpdateType type);

/// Per-chain queue settings (queue_config). Defaults are what a new chain gets.
struct QueueConfig
{
    static constexpr int MaxBatchSize = 100000;
    static constexpr int MaxRetriesLimit = 100;

    qint64 chainId = 0;
    bool enabled = true;
    int batchSize = 5000;               ///< items claimed at once, 1…MaxBatchSize
    int intervalMs = 200;               ///< pause between batches when the queue ran dry
    int maxRetries = 5;                 ///< failures before an item is marked failed
    qint64 retryBackoffMs = 1000;       ///< first retry after this, doubling, at most 5 min
    qint64 boostAfterMs = 300000;       ///< pending longer than this: priority raised once
    int boostBy = 2;                    ///< by this much, capped at 10
    // Health thresholds.
    int highLoadPending = 1000;         ///< HIGH_LOAD above this many pending items
    qint64 delayedAfterMs = 3600000;    ///< DELAYED when the oldest pending item is older
    int errorsPerHour = 50;             ///< ERRORS above this many failures in the last hour

    /// Invalid error naming the field and its allowed range.
    Status validate() const;

    Q_DECLARE_TR_FUNCTIONS(arbor::QueueConfig)
};

enum class QueueStatus { Healthy, HighLoad, Delayed, Errors, Disabled };
QString queueStatusName(QueueStatus status);                  ///< "HEALTHY", "HIGH_LOAD", …
QueueStatus parseQueueStatus(const QString &text);            ///< Healthy for unknown text

/**
 * A failure every item of one token shares (a node capability, a token that is not an ERC-20):
 * said once for the token instead of item by item. Its items wait without using up retries
 * until a batch of the token succeeds again.
 */
struct TokenProblem
{
    Address token;
    QString symbol;
    QString message;                    ///< what the node said
    QString fix;                        ///< what the operator can do about it
    qint64 since = 0;                   ///< ms since the epoch, first seen
    qint64 lastSeen = 0;                ///< ms since the epoch
    qint64 waitingItems = 0;            ///< the token's items held back meanwhile
};

/// One health sample of a chain's queue (queue_health keeps them for 24 h).
struct QueueHealth
{
    qint64 chainId = 0;
    QString chainName;
    qint64 sampledAt = 0;               ///< ms since the epoch
    qint64 pending = 0;
    qint64 processing = 0;
    qint64 failed = 0;                  ///< items given up on (all time, until retried)
    qint64 completedLastHour = 0;
    qint64 completedLastMinute = 0;
    qint64 errorsLastHour = 0;          ///< failed attempts in the last hour, retries included
    double avgProcessingMs = 0;         ///< per item, over the last hour
    qint64 oldestPendingAgeMs = 0;      ///< 0 with nothing pending
    QueueStatus status = QueueStatus::Healthy;
    QList<TokenProblem> problems;       ///< not recorded in queue_health: the current ones only
    qint64 tokens = 0;                  ///< tokens the chain tracks (none: no balances to keep)

    double throughputPerSecond() const { return completedLastMinute / 60.0; }
    /// The status these figures mean under `config` (worst first: ERRORS, DELAYED, HIGH_LOAD);
    /// a token problem is ERRORS.
    static QueueStatus classify(const QueueHealth &health, const QueueConfig &config);
};

/// A holder's balance of one token on one chain, with what is needed to show it.
struct TokenBalance
{
    qint64 chainId = 0;
    QString chainName;
    Address token;
    QString symbol;
    QString tokenName;
    std::optional<int> decimals;
    Address holder;
    U256 balance = 0;
    qint64 lastBlock = 0;               ///< height the balance was computed at
    qint64 updatedAt = 0;               ///< ms since the epoch

    /// The balance scaled by the token's decimals ("1.5"), or raw when decimals are unknown.
    QString formatted() const;
};

/// What one pass over the queue did (QueueWorker, `arborctl queue run`).
struct QueueRunStats
{
    qint64 claimed = 0;
    qint64 completed = 0;
    qint64 retried = 0;                 ///< failed, to be tried again after a backoff
    qint64 failed = 0;                  ///< failed for the last time
    qint64 reclaimed = 0;               ///< taken back from crashed workers
    qint64 heldBack = 0;                ///< items of a token with a problem, waiting without a retry spent
    QList<qint64> completedIds;         ///< only when asked for (tests of exclusive claiming)

    QueueRunStats &operator+=(const QueueRunStats &other);
};

/// A claimed queue item, as a worker processes it.
struct QueueItem
{
    qint64 id = 0;
    qint64 chainId = 0;
    Address token;
    Address holder;
    BalanceMode mode = BalanceMode::Transfers;
    int retryCount = 0;
};

/// A balance a worker obtained for a claimed item (balanceOf mode), at `block`.
struct ComputedBalance
{
    qint64 id = 0;
    U256 balance = 0;
    qint64 block = 0;
};

/// An item whose balance could not be computed, and why (kept on the row when it gives up).
struct QueueItemError
{
    qint64 id = 0;
    QString error;
    QString cause;                      ///< the node's own words: alike for items that fail alike
    QString fix;                        ///< what the operator can do, when the failure is the token's
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::QueueHealth)
Q_DECLARE_METATYPE(arbor::QueueConfig)
Q_DECLARE_METATYPE(arbor::TokenBalance)

#pragma once

#include "error.h"
#include "model/address.h"
#include "model/balancequeue.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace arbor {

/**
 * The balance-update queue (DESIGN.md §8) over a Store: per-chain settings, claiming and
 * completing items, the tokens' shared problems, health samples and upkeep.
 *
 * A cheap view that owns the queue's SQL and no state: make one where it is needed,
 * `QueueStore(store).claimQueueItems(…)`. Whatever belongs to the connection (transactions,
 * the on-demand index cache) stays on the Store. Items are queued by promotion and reorgs
 * through Store::enqueueHolders() and friends, inside their own transactions; everything here
 * that writes more than one row does so in one transaction (joining the caller's if open).
 *
 * Invariants: no item is ever held by two claims; an item is retried with backoff up to the
 * chain's maxRetries, then failed with its error kept; a pending twin of an item (the same
 * chain, token and holder) always wins over it.
 *
 * Thread: the thread of the Store it wraps; it must not outlive that Store.
 */
class QueueStore
{
    // The texts were Store's: the translations know them under its context.
    Q_DECLARE_TR_FUNCTIONS(arbor::Store)

public:
    explicit QueueStore(Store &store)
        : m_store(store)
    {
    }

    // --- settings -----------------------------------------------------------------------
    /// The chain's queue settings; defaults for a chain that never had them saved.
    Result<QueueConfig> queueConfig(qint64 chainId);
    /// Settings of every chain not being deleted, in chain id order.
    Result<QList<QueueConfig>> queueConfigs();
    /// Validates and saves; Invalid error naming the field otherwise, nothing saved.
    Status setQueueConfig(const QueueConfig &config);
    /// Changes how a token's balances are computed and queues every holder it has.
    Status setBalanceMode(qint64 chainId, const Address &token, BalanceMode mode);

    // --- claim and complete -------------------------------------------------------------
    /**
     * Claims up to `limit` pending items of the chain that are due, highest priority then oldest
     * first, for `worker` ("host/pid/uuid") under `claimId`. PostgreSQL skips rows other
     * transactions hold (FOR UPDATE SKIP LOCKED); SQLite serialises claims on its write lock.
     * No item is ever held by two claims.
     */
    Result<QList<QueueItem>> claimQueueItems(qint64 chainId, int limit, const QString &worker, const QString &claimId,
                                             bool balanceOfOnly = false);
    /**
     * What a worker does with Transfers-mode items, in ONE transaction: takes up to
     * config.batchSize due items (highest priority, then oldest; PostgreSQL skips rows another
     * transaction holds), computes their exact balances at the checkpoint, writes them to
     * token_balances and the global table, and completes the items. Negative sums retry or
     * fail as for completeTransferItems(). A crash leaves the items pending. On PostgreSQL the
     * items pass through "processing" inside the transaction, under `worker` and `claimId`, so
     * that a promotion committing meanwhile queues their holders again.
     */
    Result<QueueRunStats> processTransferItems(qint64 chainId, const QueueConfig &config, const QString &worker, const QString &claimId);
    /**
     * For the claim's Transfers-mode items: exact balances from the chain's transfers at its
     * checkpoint, upserted into token_balances and the global table, items completed, in one
     * transaction. An item whose sum comes out negative (history incomplete) is retried with
     * backoff, then failed with the error kept. Items no longer held by `claimId` (reclaimed)
     * are left alone.
     */
    Result<QueueRunStats> completeTransferItems(qint64 chainId, const QString &claimId, const QueueConfig &config);
    /// Writes balances obtained elsewhere (balanceOf) and completes those items; `errors` are
    /// retried or failed as above. One transaction.
    Result<QueueRunStats> completeQueueItems(qint64 chainId, const QString &claimId, const QList<ComputedBalance> &balances,
                                             const QList<QueueItemError> &errors, const QueueConfig &config);
    /// Puts items back to pending that a worker claimed before `staleBeforeMs`, or that a worker
    /// on this host that no longer runs claimed. A pending twin of the item wins.
    Result<qint64> reclaimQueueItems(qint64 staleBeforeMs);
    /// Pending and processing items (of the chain, or all), and the earliest time one is due;
    /// pending items of a token with a problem or a backfill under way (which only the indexer
    /// completes) are not counted.
    Result<std::pair<qint64, std::optional<qint64>>> queueBacklog(std::optional<qint64> chainId = std::nullopt);

    // --- token problems (queuestorehealth.cpp) ------------------------------------------
    /**
     * A failure every claimed item of `token` shared (`ids`, held by `claimId`): recorded once on
     * the token with the node's `message` and the `fix`, the items put back to pending without a
     * retry spent, and every pending item of the token held back for a backoff that doubles
     * with each batch failing alike. One transaction.
     */
    Status holdBackTokenItems(qint64 chainId, const QString &claimId, const Address &token, const QString &message, const QString &fix,
                              const QList<qint64> &ids, const QueueConfig &config);
    /// Makes every item held back for a token problem due now (a run to the end tries them once).
    Result<qint64> releaseHeldBackItems();
    /// Forgets the token's problem (a batch of it succeeded).
    Status clearTokenProblem(qint64 chainId, const Address &token);
    /// The chain's tokens with a problem, oldest first.
    Result<QList<TokenProblem>> tokenProblems(qint64 chainId);

    // --- health (queuestorehealth.cpp) --------------------------------------------------
    /// Health of every chain's queue now; with `record`, also saved to queue_health (and
    /// samples older than 24 h removed).
    Result<QList<QueueHealth>> sampleQueueHealth(bool record);
    /// Saves samples to queue_health and removes those older than 24 h.
    Status recordQueueHealth(const QList<QueueHealth> &samples);
    /// Recorded samples of the chain since `sinceMs`, oldest first.
    Result<QList<QueueHealth>> queueHealthHistory(qint64 chainId, qint64 sinceMs);

    // --- upkeep (queuestorehealth.cpp) --------------------------------------------------
    /// Failed items of the chain back to pending with their retry count reset; returns how many.
    Result<qint64> retryFailedQueueItems(qint64 chainId);
    /// Raises the priority of items pending longer than their chain's boostAfterMs (once each).
    Result<qint64> boostQueue();
    /// Copies every chain's token_balances into balance_snapshots for the UTC day of `atMs`,
    /// once per day and chain; returns the rows written.
    Result<qint64> takeBalanceSnapshots(qint64 atMs);

private:
    /// Item ids as one bound value and the condition on `id` that takes it (a PostgreSQL array,
    /// a JSON list on SQLite): one statement for a whole batch, of any size.
    struct IdSet
    {
        QString condition;
        QVariant ids;
    };
    IdSet idSet(const QList<qint64> &ids) const;
    /// Retries (with backoff, or hands over to a pending twin) or fails the items of `errors`,
    /// counting them in `stats`; runs inside the caller's transaction.
    Status failQueueItems(qint64 chainId, const QList<QueueItemError> &errors, const QueueConfig &config, QueueRunStats &stats);
    /// Sums, writes and completes the items the `items` CTE (id, token, holder, tx_hash)
    /// selects; runs inside the caller's transaction.
    Result<QueueRunStats> computeTransferBalances(qint64 chainId, const QString &itemsCte, const QVariantList &params,
                                                  const QueueConfig &config, qint64 startedMs);

    Store &m_store;
};

} // namespace arbor

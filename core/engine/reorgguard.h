#pragma once

#include "error.h"
#include "model/entitydef.h"
#include "store/indexbatch.h"

#include <QList>

#include <functional>

class QObject;

namespace arbor {

class RangeFetcher;
class StoreThread;

/// What ReorgGuard::rollBackToAncestor() found and did.
struct ReorgOutcome
{
    enum class Kind {
        RolledBack,     ///< the chains parted above `reorg.ancestorBlock`; the tables were rolled back to it
        Intact,         ///< every stored block is on the node's chain (it served another fork for a moment)
        TooDeep,        ///< no common block within the window above the start block: needs the operator
        NodeFailed,     ///< the node's headers could not be fetched; try again later
        StoreFailed,    ///< the stored hashes could not be read or the rollback failed; nothing changed
    };
    Kind kind = Kind::Intact;
    ReorgRecord reorg;                      ///< RolledBack: what was rolled back (as recorded)
    Error error;                            ///< TooDeep, NodeFailed, StoreFailed: why, for the operator
};

/**
 * Keeps a chain's stored blocks on the node's chain (DESIGN.md §6): checks the indexed tip
 * against the node and, after a mismatch, finds the common ancestor of the stored chain and the
 * node's and rolls the tables back to it.
 *
 * The search compares the hashes the store holds for the last `window` blocks below the
 * mismatch (never below the chain's start block) with the node's headers of the same blocks,
 * from the bottom up; the ancestor is the highest block below the lowest one whose hashes
 * differ. (A range read across a reorg, its headers before and its logs after, holds blocks of
 * the new fork between stale ends: the highest block that agrees may rest on one that does
 * not.) A reorg deeper than
 * the window is not guessed at: it is reported (TooDeep) for the operator to reindex. Promotion
 * itself refuses a range whose first parent hash differs from the stored checkpoint
 * (PromoteRefusal::Fork), which is how most reorgs are first noticed.
 *
 * The rollback (IndexStore::rollBackTo) removes production rows, global rows and balances above the
 * ancestor in one transaction, re-enqueues the affected holders and records the reorg; a crash
 * leaves either the old tables or the rolled-back ones. Reads and the rollback go through the
 * writer StoreThread, headers through the RangeFetcher. Only the latest search reports:
 * starting another one drops the earlier one's result.
 *
 * Thread: used on the thread of `context` (the ChainIndexer's); callbacks run there, once.
 */
class ReorgGuard final
{
public:
    ReorgGuard(qint64 chainId, StoreThread *writer, RangeFetcher *fetcher, QList<EntityDef> entities, int window, qint64 leaseEpoch, QObject *context);

    /// Whether block `at`, stored with hash `stored`, is still on the node's chain. `done` gets
    /// false when the node now has another block there, or the error when it could not be asked.
    void checkTip(qint64 at, const Hash &stored, std::function<void(Result<bool>)> done);

    /**
     * Looks for the highest block at or below min(`atBlock`, `checkpoint`) that the store and
     * the node agree on, with every stored block below it agreeing too, within the window and
     * not below `startBlock`, and rolls the tables back to it. When the chain forked below the start block the ancestor is `startBlock` − 1
     * (everything is replaced). `checkpoint` is the stored checkpoint the search starts from.
     */
    void rollBackToAncestor(qint64 atBlock, qint64 checkpoint, qint64 startBlock, std::function<void(ReorgOutcome)> done);

private:
    /// The search's verdict from the stored hashes of [low, top] and the node's headers of the same blocks, in order.
    ReorgOutcome compare(const QList<std::pair<qint64, Hash>> &stored, const QList<BlockHeader> &node, qint64 low, qint64 checkpoint,
                           qint64 startBlock) const;

    const qint64 m_chainId;
    StoreThread *m_writer;
    RangeFetcher *m_fetcher;
    const QList<EntityDef> m_entities;
    const int m_window;
    const qint64 m_leaseEpoch;              ///< the rollback is fenced on it (IndexerOptions::leaseEpoch)
    QObject *m_context;
    quint64 m_search = 0;                   ///< bumped per findAncestor: stale steps are dropped
};

} // namespace arbor

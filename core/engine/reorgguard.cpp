#include "engine/reorgguard.h"

#include "engine/rangefetcher.h"
#include "engine/storethread.h"
#include "store/indexstore.h"
#include "util/continuation.h"

#include <QCoreApplication>

namespace arbor {

ReorgGuard::ReorgGuard(qint64 chainId, StoreThread *writer, RangeFetcher *fetcher, QList<EntityDef> entities, int window, qint64 leaseEpoch, QObject *context)
    : m_chainId(chainId)
    , m_writer(writer)
    , m_fetcher(fetcher)
    , m_entities(std::move(entities))
    , m_window(window)
    , m_leaseEpoch(leaseEpoch)
    , m_context(context)
{
}

void ReorgGuard::checkTip(qint64 at, const Hash &stored, std::function<void(Result<bool>)> done)
{
    m_fetcher->fetchHeaders(at, at, [stored, done = std::move(done)](Result<IndexBatch> node) {
        if (!node)
            return done(node.error());
        done(node->headers.first().hash == stored);
    });
}

void ReorgGuard::rollBackToAncestor(qint64 atBlock, qint64 checkpoint, qint64 startBlock, std::function<void(ReorgOutcome)> done)
{
    const quint64 search = ++m_search;
    const qint64 top = std::min(atBlock, checkpoint);
    const qint64 low = std::max(startBlock, top - m_window + 1);
    then(m_writer->run([chainId = m_chainId, low, top](Store &s) { return IndexStore(s).blockHashes(chainId, low, top); }), m_context, [this, search, low, top, checkpoint, startBlock, done](Result<QList<std::pair<qint64, Hash>>> stored) {
            if (search != m_search)
                return;
            if (!stored)
                return done({ReorgOutcome::Kind::StoreFailed, {}, stored.error()});
            // Only the blocks the store holds are compared: a chain that keeps the headers of
            // its blocks with events holds few of the window's.
            QList<qint64> numbers;
            numbers.reserve(stored->size());
            for (const auto &[number, hash] : *stored)
                numbers.append(number);
            m_fetcher->fetchHeadersAt(numbers, [this, search, low, checkpoint, startBlock, done, stored = *stored](Result<IndexBatch> node) {
                if (search != m_search)
                    return;
                if (!node)
                    return done({ReorgOutcome::Kind::NodeFailed, {}, node.error()});
                const ReorgOutcome found = compare(stored, node->headers, low, checkpoint, startBlock);
                if (found.kind != ReorgOutcome::Kind::RolledBack)
                    return done(found);
                then(m_writer->run([reorg = found.reorg, entities = m_entities, epoch = m_leaseEpoch](Store &s) { return IndexStore(s).rollBackTo(reorg, entities, epoch); }), m_context, [found, done](Status rolled) {
                        if (!rolled)
                            return done({ReorgOutcome::Kind::StoreFailed, found.reorg, rolled.error()});
                        done(found);
                    });
            });
        });
}

ReorgOutcome ReorgGuard::compare(const QList<std::pair<qint64, Hash>> &stored, const QList<BlockHeader> &node, qint64 low,
                                   qint64 checkpoint, qint64 startBlock) const
{
    std::optional<qint64> ancestor;
    Hash oldHash, newHash;
    // node[i] is the node's header of the block stored[i] names. The ancestor is the highest
    // stored block below the lowest one the node no longer has: a range whose hashes were read
    // before a reorg and whose logs after it holds blocks of both forks, and what a block of
    // the new fork above a stale one rests on was never checked.
    for (qsizetype i = 0; i < stored.size(); ++i) {
        const auto &[number, hash] = stored[i];
        if (node.at(i).hash != hash) {
            oldHash = hash;
            newHash = node.at(i).hash;
            break;
        }
        ancestor = number;
    }
    if (!ancestor) {
        if (low > startBlock) {
            const QString message = QCoreApplication::translate("arbor::ChainIndexer",
                                                                "Chain %1 reorganised deeper than %2 blocks (no common ancestor since block %3). "
                                                                "Reindex the chain from an earlier block, or delete and re-add it.");
            return {ReorgOutcome::Kind::TooDeep, {},
                    Error::conflict(QStringLiteral("reorg"), message.arg(m_chainId).arg(m_window).arg(low))
                        .withCode(QStringLiteral("reorg_too_deep"), {QString::number(m_window), QString::number(low)})};
        }
        ancestor = startBlock - 1;
    }
    ReorgOutcome found;
    found.reorg.chainId = m_chainId;
    found.reorg.detectedAt = QDateTime::currentDateTimeUtc();
    found.reorg.ancestorBlock = *ancestor;
    found.reorg.oldHead = checkpoint;
    found.reorg.depth = checkpoint - *ancestor;
    found.reorg.oldHash = oldHash;
    found.reorg.newHash = newHash;
    found.kind = found.reorg.depth == 0 ? ReorgOutcome::Kind::Intact : ReorgOutcome::Kind::RolledBack;
    return found;
}

} // namespace arbor

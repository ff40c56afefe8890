// ChainIndexer: which headers a range is fetched with. Below the reorg window (the node's
// finalized block, else head − confirmations − the window) logs first and the headers of the
// blocks with logs; inside it also each range's first header, which must build on the
// checkpoint; for chains counting every block, every header.

#include "engine/chainindexer.h"

#include "rpc/evmjson.h"

#include <atomic>

namespace arbor {

qint64 ChainIndexer::finalBoundary() const
{
    if (m_plan.chain.config.blockStats == BlockStats::Every || !m_head)
        return -1;
    const qint64 target = *m_head - m_plan.chain.config.confirmations;
    const qint64 boundary = m_finalized ? std::min(target, *m_finalized) : target - m_options.reorgWindow;
    return std::max<qint64>(-1, boundary);
}

HeaderScope ChainIndexer::scopeFor(BatchMode mode, qint64 to) const
{
    const bool sparse = m_plan.chain.config.blockStats == BlockStats::Events;
    if (mode == BatchMode::Backfill)
        return sparse ? HeaderScope::WithLogs : HeaderScope::None;
    if (mode == BatchMode::Headers)
        return HeaderScope::Every;
    if (!sparse)
        return HeaderScope::Every;
    return to <= finalBoundary() ? HeaderScope::WithLogs : HeaderScope::Linked;
}

qint64 ChainIndexer::rangeSpan(HeaderScope scope) const
{
    return scope == HeaderScope::WithLogs ? m_fetcher.span() : std::min(m_fetcher.span(), m_options.maxPromotionBlocks);
}

void ChainIndexer::refreshFinalized()
{
    if (!m_pool || !m_head || !m_finalizedServed || m_finalizedInFlight || m_plan.chain.config.blockStats == BlockStats::Every)
        return;
    if (m_finalizedAsked && m_clock.elapsed() - m_finalizedAtMs < FinalizedRefreshMs)
        return;
    // Only while the head scan is behind: at the head every range is inside the window.
    if (m_nextFetch > *m_head - m_plan.chain.config.confirmations)
        return;
    m_finalizedInFlight = true;
    const quint64 generation = m_generation;
    static std::atomic<qint64> ids{1};
    const qint64 id = ids.fetch_add(1) + (qint64(1) << 41);
    auto finalized = std::make_shared<std::optional<qint64>>();
    m_pool->send(
        evmjson::finalizedBlockRequest(id), 1, std::nullopt,
        [finalized, id](const QByteArray &answer) -> Status {
            auto number = evmjson::parseFinalizedBlock(answer, id);
            if (!number)
                return number.error();
            *finalized = *number;
            return {};
        },
        [this, generation, finalized](Status status) {
            m_finalizedInFlight = false;
            if (!m_running)
                return;
            if (status) {
                m_finalized = *finalized;
            } else if (status.error().kind == Error::Kind::Refused) {
                // A node without the tag: head − confirmations − the reorg window from now on.
                qCInfo(lcIndexer).noquote() << QStringLiteral("chain %1: the node does not serve the finalized block (%2); "
                                                              "blocks below head - %3 are taken as final")
                                                   .arg(m_chainId).arg(status.error().message)
                                                   .arg(m_plan.chain.config.confirmations + m_options.reorgWindow);
                m_finalizedServed = false;
                m_finalized.reset();
            } else {
                return;   // no endpoint answered: the head poll's own failure says so; asked again next poll
            }
            m_finalizedAsked = true;
            m_finalizedAtMs = m_clock.elapsed();
            if (generation == m_generation)
                pump();
        });
}

} // namespace arbor

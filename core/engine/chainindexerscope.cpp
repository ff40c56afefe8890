// ChainIndexer: which headers a range is fetched with. Below the reorg window (the node's
// finalized block, else head − confirmations − the window) logs first and the headers of the
// blocks with logs; inside it also each range's first header, which must build on the
// checkpoint; for chains counting every block, every header. And which fetched ranges go into
// the next promotion.

#include "engine/chainindexer.h"

#include "rpc/evmjson.h"

#include <atomic>
#include <limits>
#include <vector>

namespace arbor {

qint64 ChainIndexer::finalBoundary() const
{
    return m_plan.chain.config.blockStats == BlockStats::Every ? -1 : windowBoundary();
}

qint64 ChainIndexer::windowBoundary() const
{
    if (!m_head)   // before the node answers: what was final at the head recorded before
        return m_recordedHead ? std::max<qint64>(-1, *m_recordedHead - m_plan.chain.config.confirmations - m_options.reorgWindow) : -1;
    const qint64 target = *m_head - m_plan.chain.config.confirmations;
    const qint64 boundary = m_finalized ? std::min(target, *m_finalized) : target - m_options.reorgWindow;
    return std::max<qint64>(-1, boundary);
}

qint64 ChainIndexer::tipStart() const
{
    const std::optional<qint64> target = fetchTarget();
    if (!target || m_options.tipBlocks <= 0)
        return std::numeric_limits<qint64>::max();
    return std::max(*target - m_options.tipBlocks + 1, windowBoundary() + 1);
}

FetchOrder ChainIndexer::orderFor(qint64 from, qint64 to) const
{
    if (to <= windowBoundary())
        return FetchOrder::LogsFirst;
    return from >= tipStart() ? FetchOrder::ByHash : FetchOrder::HeadersFirst;
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

std::optional<IndexBatch> ChainIndexer::nextPromotion()
{
    const qint64 expected = m_checkpoint ? *m_checkpoint + 1 : m_startBlock;
    auto it = m_ready.find(expected);
    if (it == m_ready.end())
        return std::nullopt;
    // Catching up with ranges in flight, the ranges ready from the checkpoint wait until they
    // hold three quarters of what one promotion takes: every promotion rewrites the balances
    // and daily rows its holders and days touched, on a busy chain most of them, so fewer and
    // larger promotions write less. (From half: PostgreSQL, whose balance rewrite costs most,
    // indexes the dense bench chain in 3 promotions instead of 4, 0.95 -> 0.90 s; SQLite's
    // time is unchanged.) A sparse stretch (most of its blocks without logs, their headers
    // never fetched) whose last ranges are in flight goes as it arrives: its promotions touch
    // few holders and days each, and the end would wait for the writer. Live, after an RPC
    // failure, or with nothing in flight, what is ready goes now.
    if (m_inFlight > 0 && m_failures == 0 && m_status.phase == IndexPhase::CatchingUp) {
        qint64 logs = 0, headers = 0, to = expected - 1;
        bool enough = false;
        for (auto r = it; r != m_ready.end() && !enough; r = m_ready.find(r->second.to + 1)) {
            logs += r->second.transfers.size() + r->second.agentEvents.size();
            headers += r->second.headers.size();
            to = r->second.to;
            enough = 4 * logs >= 3 * m_options.maxPromotionLogs || 4 * (to - expected + 1) >= 3 * m_options.maxPromotionBlocks;
        }
        const auto target = fetchTarget();
        const bool lastInFlight = target && m_nextFetch > *target;
        const bool sparse = 2 * headers < to - expected + 1;
        if (!enough && !(lastInFlight && sparse))
            return std::nullopt;
    }
    IndexBatch batch = std::move(it->second);
    m_ready.erase(it);
    // Ranges that arrived while the writer was busy go in one promotion: fewer transactions and
    // derived-row recomputations when writing is the bottleneck. Only ranges whose blocks link
    // up as fetched are joined; a break is left to the promotion's own parent-hash check.
    // The ranges that join are chosen first, so that each list grows once, not range by range.
    std::vector<std::map<qint64, IndexBatch>::iterator> joined;
    const IndexBatch *last = &batch;
    qsizetype logs = batch.transfers.size() + batch.agentEvents.size();
    for (auto next = m_ready.find(last->to + 1); next != m_ready.end(); next = m_ready.find(last->to + 1)) {
        IndexBatch &more = next->second;
        // The last final range takes the reorg window's first ranges along: fewer promotions
        // again, and the one that ends a catch-up is often the last to wait for.
        const bool intoWindow = batch.headerScope == HeaderScope::WithLogs && more.headerScope == HeaderScope::Linked;
        if ((more.headerScope != batch.headerScope && !intoWindow) || more.headers.isEmpty() || last->headers.isEmpty())
            break;
        // Ranges that link to the one before (every header, or the first inside the reorg window)
        // join up to maxPromotionBlocks blocks; ranges below the window (final, their empty
        // blocks not fetched) up to as many logs, and the window's ranges after them if those
        // link to their last header.
        const bool links = more.headers.first().parentHash == last->headers.last().hash;
        const qsizetype moreLogs = more.transfers.size() + more.agentEvents.size();
        const bool joins = batch.headerScope != HeaderScope::WithLogs ? links && more.to - batch.from + 1 <= m_options.maxPromotionBlocks
                                                                      : (links || !intoWindow) && logs + moreLogs <= m_options.maxPromotionLogs;
        if (!joins)
            break;
        logs += moreLogs;
        joined.push_back(next);
        last = &more;
    }
    qsizetype headers = batch.headers.size(), transfers = batch.transfers.size(), events = batch.agentEvents.size();
    for (const auto &more : joined) {
        headers += more->second.headers.size();
        transfers += more->second.transfers.size();
        events += more->second.agentEvents.size();
    }
    batch.headers.reserve(headers);
    batch.transfers.reserve(transfers);
    batch.agentEvents.reserve(events);
    for (const auto &more : joined) {
        batch.to = more->second.to;
        batch.headers.append(std::move(more->second.headers));
        batch.transfers.append(std::move(more->second.transfers));
        batch.agentEvents.append(std::move(more->second.agentEvents));
        batch.fetchMs += more->second.fetchMs;
        m_ready.erase(more);
    }
    return batch;
}

} // namespace arbor

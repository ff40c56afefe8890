#include "engine/recordedstatuses.h"

#include <algorithm>

namespace arbor {

std::optional<qint64> RecordedStatuses::recordedHead(const ChainRecord &chain)
{
    std::optional<qint64> head;
    for (const EndpointRecord &e : chain.endpoints) {
        if (e.lastHead)
            head = std::max(head.value_or(0), *e.lastHead);
    }
    return head;
}

void RecordedStatuses::update(const QList<Sample> &samples, qint64 nowMs)
{
    QList<ChainStatus> statuses;
    QHash<qint64, QList<std::pair<qint64, qint64>>> progress;
    statuses.reserve(samples.size());
    for (const Sample &sample : samples) {
        const ChainRecord &chain = sample.chain;
        ChainStatus s;
        s.chainId = chain.config.chainId;
        s.head = recordedHead(chain);
        s.indexed = chain.checkpointBlock;
        // The indexing engine saves its endpoints' heads every couple of seconds, its checkpoint at
        // each promotion: a head read just after a promotion can be older than the checkpoint. The
        // chain has reached the checkpoint, so the head shown never falls below it.
        if (s.indexed)
            s.head = std::max(s.head.value_or(*s.indexed), *s.indexed);
        s.indexedTime = sample.checkpointTime;
        s.endpoints = chain.endpoints;

        QList<std::pair<qint64, qint64>> seen = m_progress.value(s.chainId);
        if (chain.checkpointBlock) {
            if (!seen.isEmpty() && seen.constLast().second > *chain.checkpointBlock)
                seen.clear();   // rolled back (reorg, reindex): the old samples say nothing about the rate now
            seen.append({nowMs, *chain.checkpointBlock});
            while (seen.size() > 2 && seen.first().first < nowMs - RateWindowMs)
                seen.removeFirst();
            const qint64 spanMs = seen.constLast().first - seen.constFirst().first;
            if (spanMs > 0)
                s.blocksPerSecond = double(seen.constLast().second - seen.constFirst().second) * 1000.0 / double(spanMs);
            progress.insert(s.chainId, seen);
        }

        const bool allDown = !chain.endpoints.isEmpty()
            && std::all_of(chain.endpoints.cbegin(), chain.endpoints.cend(),
                           [](const EndpointRecord &e) { return e.status == EndpointStatus::Unreachable; });
        for (const EndpointRecord &e : chain.endpoints) {
            if (e.lastHeadAt.isValid())
                s.headSeenAtMs = std::max(s.headSeenAtMs, e.lastHeadAt.toMSecsSinceEpoch());
        }
        s.headUnknown = allDown && chain.state == ChainState::Active;
        if (chain.state == ChainState::Paused)
            s.phase = IndexPhase::Stopped;
        else if (allDown)
            s.phase = IndexPhase::RpcDown;
        else if (!s.head || !s.indexed)
            s.phase = IndexPhase::Starting;
        else if (*s.head - chain.config.confirmations - *s.indexed > m_liveWithin)
            s.phase = IndexPhase::CatchingUp;
        else
            s.phase = IndexPhase::Live;
        statuses.append(s);
    }
    m_statuses = std::move(statuses);
    m_progress = std::move(progress);
}

} // namespace arbor

// ChainService: the recorded figures of chains this engine does not index (paused chains, every chain
// on a read-only console, the chains other engines index on a shared database), read from the
// database with each chain snapshot.

#include "engine/chainservice.h"

#include "engine/enginecontext.h"
#include "engine/indexingservice.h"
#include "store/indexstore.h"
#include "util/continuation.h"

#include <QDateTime>
#include <QSet>

namespace arbor {
namespace {

using CheckpointTimes = QHash<qint64, std::pair<qint64, std::optional<qint64>>>;

QSet<qint64> idsOf(const QList<ChainStatus> &statuses)
{
    QSet<qint64> ids;
    for (const ChainStatus &s : statuses)
        ids.insert(s.chainId);
    return ids;
}

} // namespace

QList<ChainStatus> ChainService::recordedStatuses() const
{
    const QSet<qint64> indexedHere = idsOf(m_indexing.chainStatuses());
    QList<ChainStatus> out;
    for (const ChainStatus &s : m_recorded.statuses()) {
        if (!indexedHere.contains(s.chainId))
            out.append(s);
    }
    return out;
}

void ChainService::recordStatuses(const QList<ChainRecord> &chains)
{
    if (m_recordInFlight || m_context.shuttingDown() || !m_context.started())
        return;
    const QSet<qint64> indexedHere = idsOf(m_indexing.chainStatuses());
    QList<RecordedStatuses::Sample> samples;
    QList<std::pair<qint64, qint64>> unknown;   // chain, checkpoint whose block time is not known yet
    for (const ChainRecord &c : chains) {
        const qint64 id = c.config.chainId;
        // Paused chains keep their last figures; active ones are another engine's to index when
        // this console is read-only or shares the database with other engines (a lone writable
        // engine that does not index shows none).
        const bool elsewhere = m_context.readOnly() || m_context.shared();
        const bool wanted = c.state == ChainState::Paused || (c.state == ChainState::Active && elsewhere);
        if (!wanted || indexedHere.contains(id))
            continue;
        RecordedStatuses::Sample sample{c, std::nullopt};
        if (c.checkpointBlock) {
            const auto known = m_checkpointTimes.constFind(id);
            if (known != m_checkpointTimes.cend() && known->first == *c.checkpointBlock)
                sample.checkpointTime = known->second;
            else
                unknown.append({id, *c.checkpointBlock});
        }
        samples.append(sample);
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (unknown.isEmpty()) {
        m_recorded.update(samples, now);
        return;
    }
    m_recordInFlight = true;
    then(m_context
        .read([unknown](Store &store) -> Result<CheckpointTimes> {
            CheckpointTimes times;
            IndexStore index(store);
            for (const auto &[chainId, block] : unknown) {
                // A chain whose tables cannot be read shows no lag in time, nothing worse.
                auto time = index.blockTime(chainId, block);
                times.insert(chainId, {block, time ? *time : std::optional<qint64>()});
            }
            return times;
        }), this, [this, samples, now](const Result<CheckpointTimes> &times) mutable {
            m_recordInFlight = false;
            if (times) {
                for (auto it = times->cbegin(); it != times->cend(); ++it)
                    m_checkpointTimes.insert(it.key(), it.value());
            }
            for (RecordedStatuses::Sample &sample : samples) {
                const auto known = m_checkpointTimes.constFind(sample.chain.config.chainId);
                if (!sample.checkpointTime && sample.chain.checkpointBlock && known != m_checkpointTimes.cend()
                    && known->first == *sample.chain.checkpointBlock)
                    sample.checkpointTime = known->second;
            }
            m_recorded.update(samples, now);
        });
}

} // namespace arbor

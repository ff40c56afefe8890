// ChainIndexer: taking up an edit of its chain while it runs (ChainService::editChain(), or another
// process's `arborctl chain edit`, seen by the periodic checkForWork()).

#include "engine/chainindexer.h"

#include <tuple>

namespace arbor {

bool ChainIndexer::takeUpEdits(const ChainIndexPlan &plan)
{
    if (m_plan.chain.config.chainId == 0)
        return true;   // no plan loaded yet: loadPlan() reads the chain as it is now
    auto endpointKeys = [](const QList<EndpointRecord> &endpoints) {
        QList<std::tuple<qint64, QString, double>> keys;
        for (const EndpointRecord &e : endpoints)
            keys.append({e.id, e.url.toString(), e.maxRequestsPerSecond});
        return keys;
    };
    if (endpointKeys(plan.chain.endpoints) != endpointKeys(m_plan.chain.endpoints)) {
        qCInfo(lcIndexer).noquote() << QStringLiteral("chain %1: RPC endpoints edited, starting again with them").arg(m_chainId);
        Q_EMIT endpointsChanged(m_chainId);
        return false;
    }
    ChainConfig &config = m_plan.chain.config;
    const ChainConfig &edited = plan.chain.config;
    config.name = edited.name;
    if (edited.blockStats != config.blockStats) {
        // Ranges from now on; a switch to "every" backfills the history's headers (checkForWork).
        qCInfo(lcIndexer).noquote() << QStringLiteral("chain %1: block statistics %2").arg(m_chainId).arg(blockStatsName(edited.blockStats));
        config.blockStats = edited.blockStats;
    }
    if (plan.registries != m_plan.registries) {
        // Ranges fetched without a new registry are refused by promote() and fetched again;
        // its past comes from its backfill.
        qCInfo(lcIndexer).noquote() << QStringLiteral("chain %1: now indexing %2 registries").arg(m_chainId).arg(plan.registries.size());
        m_plan.registries = plan.registries;
        config.registries = plan.registries;
        m_fetcher.setContracts(m_fetcher.tokens(), plan.registries);
    }
    if (edited.pollIntervalMs != config.pollIntervalMs || edited.confirmations != config.confirmations) {
        qCInfo(lcIndexer).noquote() << QStringLiteral("chain %1: poll interval %2 ms, %3 confirmations")
                                           .arg(m_chainId).arg(edited.pollIntervalMs).arg(edited.confirmations);
        config.pollIntervalMs = edited.pollIntervalMs;
        config.confirmations = edited.confirmations;
        // A poll waiting out the old interval goes now; the next one keeps the new interval.
        if (m_headPollScheduled) {
            m_headTimer.stop();
            m_headPollScheduled = false;
        }
        pollHead();
    }
    return true;
}

} // namespace arbor

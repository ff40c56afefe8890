#include "store/agentreputation.h"

#include "model/u256.h"
#include "store/store.h"

namespace arbor {

// Counts only, until the incremental tag averages land.
Result<AgentReputation> readAgentReputation(Store &store, qint64 chainId, const QString &agentId)
{
    auto id = u256::fromDecimal(agentId, QStringLiteral("agentId"));
    if (!id)
        return id.error();
    AgentReputation out;
    auto rows = store.query(QLatin1String("SELECT feedback_count, revoked_count, last_block FROM ")
                                + store.chainTable(chainId, QStringLiteral("agent_reputation")) + QLatin1String(" WHERE agent_id = ?"),
                            {store.u256Value(*id)});
    if (!rows)
        return rows.error();
    for (const SqlRow &r : *rows) {
        out.feedbackCount += r[0].toLongLong();
        out.revokedCount += r[1].toLongLong();
        out.lastBlock = std::max(out.lastBlock, r[2].toLongLong());
    }
    return out;
}

} // namespace arbor

// Engine: the aggregates kept at promotion and by the trigger pass, read on the reader thread.

#include "engine/engine.h"
#include "engine/storethread.h"
#include "store/indexstore.h"
#include "store/triggerstore.h"

namespace arbor {

QFuture<Result<QList<NetworkDay>>> Engine::networkStats(std::optional<qint64> chainId, qint64 sinceDay)
{
    return m_reader->run([chainId, sinceDay](Store &s) { return IndexStore(s).networkStats(chainId, sinceDay); });
}

QFuture<Result<QList<EventCountHour>>> Engine::eventCounts(qint64 sinceMs, std::optional<qint64> chainId)
{
    return m_reader->run([sinceMs, chainId](Store &s) { return TriggerStore(s).eventCounts(sinceMs, chainId); });
}

QFuture<Result<QList<ActionMetricsHour>>> Engine::actionMetrics(qint64 sinceMs)
{
    return m_reader->run([sinceMs](Store &s) { return TriggerStore(s).actionMetrics(sinceMs); });
}

} // namespace arbor

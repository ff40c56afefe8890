// TriggerStore: what reorgs and chain deletion do to triggers, and the pieces they share with
// the outbox. Only SQL here (and DeliveryOutbox's, SQL too): IndexStore and ChainRegistry call
// into this file, and it must not tie them to the trigger model's code at link time.

#include "store/triggerstore.h"

#include "store/deliveryoutbox.h"
#include "store/triggerstorerows.h"

#include <cmath>

namespace arbor {

using namespace triggerrows;

int TriggerStore::durationBucket(qint64 ms)
{
    if (ms < 1)
        return 0;
    const int bucket = 1 + int(std::floor(4.0 * std::log2(double(ms))));
    return std::clamp(bucket, 1, DurationBuckets - 1);
}

qint64 TriggerStore::bucketValue(int bucket)
{
    if (bucket <= 0)
        return 0;
    return qint64(std::llround(std::exp2((bucket - 0.5) / 4.0)));
}

Status TriggerStore::addEventCounts(qint64 chainId, qint64 after, qint64 through, int sign, const QVariant &registry)
{
    if (through <= after)
        return {};
    QVariantList params{after, through};
    if (!registry.isNull())
        params.append(registry);
    auto groups = m_store.query(QLatin1String("SELECT COALESCE(b.timestamp, 0) / 3600, e.registry_kind, e.event, COUNT(*) FROM ")
                                    + m_store.chainTable(chainId, QStringLiteral("agent_events")) + QLatin1String(" e LEFT JOIN ")
                                    + m_store.chainTable(chainId, QStringLiteral("blocks"))
                                    + QLatin1String(" b ON b.number = e.block_number WHERE e.block_number > ? AND e.block_number <= ? ")
                                    + (registry.isNull() ? QLatin1String() : QLatin1String("AND e.registry = ? "))
                                    + QLatin1String("GROUP BY COALESCE(b.timestamp, 0) / 3600, e.registry_kind, e.event"),
                                params);
    if (!groups)
        return groups.error();
    const QString counts = m_store.admin("trigger_event_counts_hourly");
    for (const SqlRow &g : *groups) {
        const QVariantList key{g[0].toLongLong() * 3600 * 1000, chainId, g[1].toString(), g[2].toString()};
        const qint64 n = g[3].toLongLong();
        Status s = sign > 0
            ? m_store.exec(QLatin1String("INSERT INTO ") + counts
                               + QLatin1String(" AS c (hour, chain_id, registry, event_type, count) VALUES (?, ?, ?, ?, ?) "
                                               "ON CONFLICT (hour, chain_id, registry, event_type) DO UPDATE SET count = c.count + excluded.count"),
                           key + QVariantList{n})
            : m_store.exec(QLatin1String("UPDATE ") + counts
                               + QLatin1String(" SET count = count - ? WHERE hour = ? AND chain_id = ? AND registry = ? AND event_type = ?"),
                           QVariantList{n} + key);
        if (!s)
            return s;
    }
    if (sign < 0)
        return m_store.exec(QLatin1String("DELETE FROM ") + counts + QLatin1String(" WHERE chain_id = ? AND count <= 0"), {chainId});
    return {};
}

Status TriggerStore::recountReplacedEvents(qint64 chainId, qint64 from, qint64 to, const QVariant &registry, int sign)
{
    auto counted = m_store.query(QLatin1String("SELECT counted_block FROM ") + m_store.admin("trigger_event_count_progress") + QLatin1String(" WHERE chain_id = ?"),
                                 {chainId});
    if (!counted)
        return counted.error();
    if (counted->isEmpty())
        return {};
    return addEventCounts(chainId, from - 1, std::min(to, counted->first()[0].toLongLong()), sign, registry);
}

Status TriggerStore::cancelForRollback(qint64 chainId, qint64 ancestorBlock)
{
    const qint64 keep = ancestorBlock;
    return m_store.transaction([&]() -> Status {
        auto cancelled = DeliveryOutbox(m_store).cancel(QStringLiteral("source = 'trigger' AND chain_id = ? AND block_number > ? AND is_test = ?"),
                                                        {chainId, keep, false}, QStringLiteral("removed by a reorg at block %1").arg(keep + 1), keep);
        if (!cancelled)
            return cancelled.error();

        // Triggers that evaluated past the ancestor continue from it, with the state they had there.
        auto moved = m_store.query(QLatin1String("SELECT id FROM ") + m_store.admin("triggers") + QLatin1String(" WHERE chain_id = ? AND cursor_block > ?"),
                                   {chainId, keep});
        if (!moved)
            return moved.error();
        const QString history = m_store.admin("trigger_state_history");
        const QString state = m_store.admin("trigger_state");
        const qint64 now = m_store.now();
        for (const SqlRow &r : *moved) {
            const qint64 id = r[0].toLongLong();
            auto before = m_store.query(QLatin1String("SELECT state FROM ") + history
                                            + QLatin1String(" WHERE trigger_id = ? AND block_number <= ? ORDER BY block_number DESC LIMIT 1"),
                                        {id, keep});
            if (!before)
                return before.error();
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + history + QLatin1String(" WHERE trigger_id = ? AND block_number > ?"), {id, keep}); !s)
                return s;
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + state + QLatin1String(" WHERE trigger_id = ?"), {id}); !s)
                return s;
            if (!before->isEmpty()) {
                if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + state
                                                + QLatin1String(" (trigger_id, state, cursor_block, updated_at) VALUES (?, ?, ?, ?)"),
                                            {id, jsonText(jsonArray(before->first()[0])), keep, now});
                    !s)
                    return s;
            }
            if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("triggers") + QLatin1String(" SET cursor_block = ? WHERE id = ?"), {keep, id});
                !s)
                return s;
        }

        // The hourly counts forget the removed events (still readable: the caller deletes them after).
        const QString progress = m_store.admin("trigger_event_count_progress");
        auto counted = m_store.query(QLatin1String("SELECT counted_block FROM ") + progress + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!counted)
            return counted.error();
        if (counted->isEmpty() || counted->first()[0].toLongLong() <= keep)
            return {};
        if (Status s = addEventCounts(chainId, keep, counted->first()[0].toLongLong(), -1); !s)
            return s;
        return m_store.exec(QLatin1String("UPDATE ") + progress + QLatin1String(" SET counted_block = ?, updated_at = ? WHERE chain_id = ?"),
                            {keep, now, chainId});
    });
}

Status TriggerStore::removeChain(qint64 chainId)
{
    return m_store.transaction([&]() -> Status {
        auto cancelled = DeliveryOutbox(m_store).cancel(QStringLiteral("chain_id = ?"), {chainId}, QStringLiteral("chain %1 was deleted").arg(chainId));
        if (!cancelled)
            return cancelled.error();
        for (const char *table : {"triggers", "trigger_event_counts_hourly", "trigger_event_count_progress"}) {
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin(table) + QLatin1String(" WHERE chain_id = ?"), {chainId}); !s)
                return s;
        }
        return {};
    });
}

} // namespace arbor

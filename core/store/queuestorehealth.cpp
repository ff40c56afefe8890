// QueueStore: the balance queue's health figures and its upkeep (priority boost, cleanup of
// completed items, retrying failed ones, daily balance snapshots).

#include "store/queuestore.h"

namespace arbor {
namespace {

constexpr qint64 MinuteMs = 60000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr qint64 DayMs = 24 * HourMs;

} // namespace

// --- health --------------------------------------------------------------------------------

Result<QList<QueueHealth>> QueueStore::sampleQueueHealth(bool record)
{
    auto configs = queueConfigs();
    if (!configs)
        return configs.error();
    auto names = m_store.query(QLatin1String("SELECT chain_id, name FROM ") + m_store.admin("chains"));
    if (!names)
        return names.error();
    QHash<qint64, QString> chainNames;
    for (const SqlRow &r : *names)
        chainNames.insert(r[0].toLongLong(), r[1].toString());
    auto tokenCounts = m_store.query(QLatin1String("SELECT chain_id, COUNT(*) FROM ") + m_store.admin("tokens") + QLatin1String(" GROUP BY chain_id"));
    if (!tokenCounts)
        return tokenCounts.error();
    QHash<qint64, qint64> tokens;
    for (const SqlRow &r : *tokenCounts)
        tokens.insert(r[0].toLongLong(), r[1].toLongLong());

    const QString table = m_store.admin("balance_update_queue");
    const qint64 now = m_store.now();
    QList<QueueHealth> out;
    for (const QueueConfig &config : *configs) {
        QueueHealth h;
        h.chainId = config.chainId;
        h.chainName = chainNames.value(config.chainId);
        h.tokens = tokens.value(config.chainId);
        h.sampledAt = now;
        // One statement, so one snapshot: a batch committing meanwhile is counted once, either
        // as pending or as completed. Each count is answered by the partial index of its status.
        const QString where = QStringLiteral(" WHERE chain_id = ? AND status = ");
        auto counts = m_store.query(QLatin1String("SELECT (SELECT COUNT(*) FROM ") + table + where + QLatin1String("'pending'), (SELECT MIN(created_at) FROM ")
                                + table + where + QLatin1String("'pending'), (SELECT COUNT(*) FROM ") + table + where
                                + QLatin1String("'processing'), (SELECT COUNT(*) FROM ") + table + where
                                + QLatin1String("'failed'), (SELECT COUNT(*) FROM ") + table + where
                                + QLatin1String("'completed' AND processed_at >= ?), (SELECT COUNT(*) FROM ") + table + where
                                + QLatin1String("'completed' AND processed_at >= ?), (SELECT AVG(duration_ms) FROM ") + table + where
                                + QLatin1String("'completed' AND processed_at >= ?), (SELECT COUNT(*) FROM ") + table
                                + QLatin1String(" WHERE chain_id = ? AND last_error_at >= ?)"),
                            {config.chainId, config.chainId, config.chainId, config.chainId, config.chainId, now - HourMs, config.chainId,
                             now - MinuteMs, config.chainId, now - HourMs, config.chainId, now - HourMs});
        if (!counts)
            return counts.error();
        const SqlRow &c = counts->first();
        h.pending = c[0].toLongLong();
        if (h.pending > 0 && !c[1].isNull())
            h.oldestPendingAgeMs = std::max<qint64>(0, now - c[1].toLongLong());
        h.processing = c[2].toLongLong();
        h.failed = c[3].toLongLong();
        h.completedLastHour = c[4].toLongLong();
        h.completedLastMinute = c[5].toLongLong();
        h.avgProcessingMs = c[6].toDouble();
        h.errorsLastHour = c[7].toLongLong();
        auto problems = tokenProblems(config.chainId);
        if (!problems)
            return problems.error();
        h.problems = *problems;
        h.status = QueueHealth::classify(h, config);
        out.append(h);
    }
    if (record) {
        if (Status s = recordQueueHealth(out); !s)
            return s.error();
    }
    return out;
}

Result<QList<TokenProblem>> QueueStore::tokenProblems(qint64 chainId)
{
    auto rows = m_store.query(QLatin1String("SELECT k.address, k.symbol, k.balance_problem, k.balance_problem_fix, k.balance_problem_since, "
                                    "k.balance_problem_seen, (SELECT COUNT(*) FROM ")
                          + m_store.admin("balance_update_queue")
                          + QLatin1String(" q WHERE q.chain_id = k.chain_id AND q.token = k.address AND q.status = 'pending') FROM ") + m_store.admin("tokens")
                          + QLatin1String(" k WHERE k.chain_id = ? AND k.balance_problem IS NOT NULL ORDER BY k.balance_problem_since"),
                      {chainId});
    if (!rows)
        return rows.error();
    QList<TokenProblem> out;
    for (const SqlRow &r : *rows) {
        auto token = Address::fromBytes(r[0].toByteArray(), QStringLiteral("tokens.address"));
        if (!token)
            return token.error();
        out.append({*token, r[1].toString(), r[2].toString(), r[3].toString(), r[4].toLongLong(), r[5].toLongLong(), r[6].toLongLong()});
    }
    return out;
}

Status QueueStore::holdBackTokenItems(qint64 chainId, const QString &claimId, const Address &token, const QString &message, const QString &fix,
                                 const QList<qint64> &ids, const QueueConfig &config)
{
    const QString table = m_store.admin("balance_update_queue");
    const IdSet set = idSet(ids);
    return m_store.transaction([&]() -> Status {
        const qint64 now = m_store.now();
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("tokens")
                                + QLatin1String(" SET balance_problem = ?, balance_problem_fix = ?, balance_problem_since = COALESCE(balance_problem_since, ?), "
                                                "balance_problem_seen = ?, balance_problem_count = balance_problem_count + 1 "
                                                "WHERE chain_id = ? AND address = ?"),
                            {message, fix, now, now, chainId, token.toBytes()});
            !s)
            return s;
        auto count = m_store.query(QLatin1String("SELECT balance_problem_count FROM ") + m_store.admin("tokens") + QLatin1String(" WHERE chain_id = ? AND address = ?"),
                           {chainId, token.toBytes()});
        if (!count)
            return count.error();
        // The token's items look again after a backoff that doubles with each batch failing alike.
        const int attempts = count->isEmpty() ? 1 : std::max(1, count->first()[0].toInt());
        const qint64 due = now + std::min<qint64>(5 * 60000, config.retryBackoffMs << std::clamp(attempts - 1, 0, 20));
        // An item with a pending twin (queued again meanwhile) gives way to it.
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE ") + set.condition
                                + QLatin1String(" AND claim_id = ? AND status = 'processing' AND EXISTS (SELECT 1 FROM ") + table
                                + QLatin1String(" p WHERE p.chain_id = ") + table.section(u'.', -1) + QLatin1String(".chain_id AND p.token = ")
                                + table.section(u'.', -1) + QLatin1String(".token AND p.holder = ") + table.section(u'.', -1)
                                + QLatin1String(".holder AND p.status = 'pending')"),
                            {set.ids, claimId});
            !s)
            return s;
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + table
                                + QLatin1String(" SET status = 'pending', error = ?, claim_id = NULL, claimed_by = NULL, claimed_at = NULL WHERE ")
                                + set.condition + QLatin1String(" AND claim_id = ? AND status = 'processing'"),
                            {message, set.ids, claimId});
            !s)
            return s;
        return m_store.exec(QLatin1String("UPDATE ") + table
                        + QLatin1String(" SET next_attempt_at = ? WHERE chain_id = ? AND token = ? AND status = 'pending' AND next_attempt_at < ?"),
                    {due, chainId, token.toBytes(), due});
    });
}

Result<qint64> QueueStore::releaseHeldBackItems()
{
    auto rows = m_store.query(QLatin1String("UPDATE ") + m_store.admin("balance_update_queue")
                          + QLatin1String(" SET next_attempt_at = ? WHERE status = 'pending' AND next_attempt_at > ? AND EXISTS (SELECT 1 FROM ")
                          + m_store.admin("tokens") + QLatin1String(" k WHERE k.chain_id = ") + m_store.admin("balance_update_queue").section(u'.', -1)
                          + QLatin1String(".chain_id AND k.address = ") + m_store.admin("balance_update_queue").section(u'.', -1)
                          + QLatin1String(".token AND k.balance_problem IS NOT NULL) RETURNING id"),
                      {m_store.now(), m_store.now()});
    if (!rows)
        return rows.error();
    return qint64(rows->size());
}

Status QueueStore::clearTokenProblem(qint64 chainId, const Address &token)
{
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("tokens")
                    + QLatin1String(" SET balance_problem = NULL, balance_problem_fix = NULL, balance_problem_since = NULL, balance_problem_seen = NULL, "
                                    "balance_problem_count = 0 WHERE chain_id = ? AND address = ? AND balance_problem_count > 0"),
                {chainId, token.toBytes()});
}

Status QueueStore::recordQueueHealth(const QList<QueueHealth> &samples)
{
    // Old samples go by the queue_health retention policy (RetentionStore).
    return m_store.transaction([&]() -> Status {
        for (const QueueHealth &h : samples) {
            if (Status e = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("queue_health")
                                    + QLatin1String(" (chain_id, sampled_at, pending, processing, failed, completed_hour, completed_minute, "
                                                    "errors_hour, avg_processing_ms, oldest_pending_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                                    "ON CONFLICT (chain_id, sampled_at) DO NOTHING"),
                                {h.chainId, h.sampledAt, h.pending, h.processing, h.failed, h.completedLastHour, h.completedLastMinute,
                                 h.errorsLastHour, h.avgProcessingMs, h.oldestPendingAgeMs, queueStatusName(h.status)});
                !e)
                return e;
        }
        return {};
    });
}

Result<QList<QueueHealth>> QueueStore::queueHealthHistory(qint64 chainId, qint64 sinceMs)
{
    auto rows = m_store.query(QLatin1String("SELECT sampled_at, pending, processing, failed, completed_hour, completed_minute, errors_hour, "
                                    "avg_processing_ms, oldest_pending_ms, status FROM ")
                          + m_store.admin("queue_health") + QLatin1String(" WHERE chain_id = ? AND sampled_at >= ? ORDER BY sampled_at"),
                      {chainId, sinceMs});
    if (!rows)
        return rows.error();
    QList<QueueHealth> out;
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        QueueHealth h;
        h.chainId = chainId;
        h.sampledAt = r[0].toLongLong();
        h.pending = r[1].toLongLong();
        h.processing = r[2].toLongLong();
        h.failed = r[3].toLongLong();
        h.completedLastHour = r[4].toLongLong();
        h.completedLastMinute = r[5].toLongLong();
        h.errorsLastHour = r[6].toLongLong();
        h.avgProcessingMs = r[7].toDouble();
        h.oldestPendingAgeMs = r[8].toLongLong();
        h.status = parseQueueStatus(r[9].toString());
        out.append(h);
    }
    return out;
}

// --- upkeep --------------------------------------------------------------------------------

Result<qint64> QueueStore::retryFailedQueueItems(qint64 chainId)
{
    const QString table = m_store.admin("balance_update_queue");
    qint64 count = 0;
    Status status = m_store.transaction([&]() -> Status {
        auto chain = m_store.query(QLatin1String("SELECT 1 FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ? AND state <> 'deleting'"), {chainId});
        if (!chain)
            return chain.error();
        if (chain->isEmpty())
            return Error::notFound(QStringLiteral("chain"), tr("There is no chain %1; `arborctl chain list` shows the chains.").arg(chainId));
        const QString alias = table.section(u'.', -1);
        // A failed item whose holder is pending again anyway is simply dropped.
        auto dropped = m_store.query(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE chain_id = ? AND status = 'failed' AND EXISTS (SELECT 1 FROM ")
                                 + table + QLatin1String(" p WHERE p.chain_id = ") + alias + QLatin1String(".chain_id AND p.token = ") + alias
                                 + QLatin1String(".token AND p.holder = ") + alias + QLatin1String(".holder AND p.status = 'pending') RETURNING id"),
                             {chainId});
        if (!dropped)
            return dropped.error();
        auto retried = m_store.query(QLatin1String("UPDATE ") + table
                                 + QLatin1String(" SET status = 'pending', retry_count = 0, next_attempt_at = ?, claim_id = NULL, claimed_by = NULL, "
                                                 "claimed_at = NULL, processed_at = NULL, update_type = 'manual' WHERE chain_id = ? AND status = 'failed' RETURNING id"),
                             {m_store.now(), chainId});
        if (!retried)
            return retried.error();
        count = dropped->size() + retried->size();
        return {};
    });
    if (!status)
        return status.error();
    return count;
}

Result<qint64> QueueStore::boostQueue()
{
    auto configs = queueConfigs();
    if (!configs)
        return configs.error();
    qint64 boosted = 0;
    const qint64 now = m_store.now();
    for (const QueueConfig &c : *configs) {
        if (c.boostBy <= 0)
            continue;
        auto rows = m_store.query(QLatin1String("UPDATE ") + m_store.admin("balance_update_queue")
                              + QLatin1String(" SET priority = CASE WHEN priority + ? > 10 THEN 10 ELSE priority + ? END, boosted = ? "
                                              "WHERE chain_id = ? AND status = 'pending' AND boosted = ? AND created_at < ? RETURNING id"),
                          {c.boostBy, c.boostBy, true, c.chainId, false, now - c.boostAfterMs});
        if (!rows)
            return rows.error();
        boosted += rows->size();
    }
    return boosted;
}

Result<qint64> QueueStore::takeBalanceSnapshots(qint64 atMs)
{
    const qint64 day = atMs - atMs % DayMs;
    auto chains = m_store.query(QLatin1String("SELECT chain_id FROM ") + m_store.admin("chains") + QLatin1String(" WHERE state <> 'deleting' AND chain_id NOT IN (SELECT chain_id FROM ")
                            + m_store.admin("balance_snapshot_days") + QLatin1String(" WHERE day = ?)"),
                        {day});
    if (!chains)
        return chains.error();
    qint64 written = 0;
    for (const SqlRow &r : *chains) {
        const qint64 chainId = r[0].toLongLong();
        Status s = m_store.transaction([&]() -> Status {
            auto rows = m_store.query(QLatin1String("INSERT INTO ") + m_store.chainTable(chainId, QStringLiteral("balance_snapshots"))
                                  + QLatin1String(" (day, token, holder, balance, last_block) SELECT ?, token, holder, balance, last_block FROM ")
                                  + m_store.chainTable(chainId, QStringLiteral("token_balances"))
                                  + QLatin1String(" WHERE true ON CONFLICT (day, token, holder) DO NOTHING RETURNING 1"),
                              {day});
            if (!rows)
                return rows.error();
            written += rows->size();
            return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("balance_snapshot_days") + QLatin1String(" (chain_id, day, row_count, taken_at) VALUES (?, ?, ?, ?)"),
                        {chainId, day, qint64(rows->size()), m_store.now()});
        });
        if (!s)
            return s.error();
    }
    return written;
}

} // namespace arbor

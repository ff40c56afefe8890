// QueueStore: the balance-update queue (DESIGN.md §8). Items are enqueued by promote() and
// rollBackTo() in their own transactions; workers claim, compute and complete them here.

#include "store/queuestore.h"

#include <QHostInfo>
#include <QSet>

#include <algorithm>

namespace arbor {
namespace {

constexpr qint64 MaxBackoffMs = 5 * 60000;

qint64 backoffMs(const QueueConfig &config, int retries)
{
    const int shift = std::clamp(retries - 1, 0, 20);
    return std::min(MaxBackoffMs, config.retryBackoffMs << shift);
}

} // namespace

QueueStore::IdSet QueueStore::idSet(const QList<qint64> &ids) const
{
    const bool pg = m_store.backend() == Backend::Postgres;
    QStringList text;
    text.reserve(ids.size());
    for (qint64 id : ids)
        text.append(QString::number(id));
    if (pg)
        return {QStringLiteral("id = ANY(CAST(? AS BIGINT[]))"), QString(u'{' + text.join(u',') + u'}')};
    return {QStringLiteral("id IN (SELECT value FROM json_each(?))"), QString(u'[' + text.join(u',') + u']')};
}

// --- settings ------------------------------------------------------------------------------

namespace {

const char *const ConfigColumns = "chain_id, enabled, batch_size, interval_ms, max_retries, retry_backoff_ms, boost_after_ms, boost_by, "
                                  "high_load_pending, delayed_after_ms, errors_per_hour";

QueueConfig configFromRow(const SqlRow &r)
{
    QueueConfig c;
    c.chainId = r[0].toLongLong();
    c.enabled = r[1].toBool();
    c.batchSize = r[2].toInt();
    c.intervalMs = r[3].toInt();
    c.maxRetries = r[4].toInt();
    c.retryBackoffMs = r[5].toLongLong();
    c.boostAfterMs = r[6].toLongLong();
    c.boostBy = r[7].toInt();
    c.highLoadPending = r[8].toInt();
    c.delayedAfterMs = r[9].toLongLong();
    c.errorsPerHour = r[10].toInt();
    return c;
}

} // namespace

Result<QList<QueueConfig>> QueueStore::queueConfigs()
{
    auto chains = m_store.query(QLatin1String("SELECT chain_id FROM ") + m_store.admin("chains") + QLatin1String(" WHERE state <> 'deleting' ORDER BY chain_id"));
    if (!chains)
        return chains.error();
    auto saved = m_store.query(QLatin1String("SELECT ") + QLatin1String(ConfigColumns) + QLatin1String(" FROM ") + m_store.admin("queue_config"));
    if (!saved)
        return saved.error();
    QHash<qint64, QueueConfig> byChain;
    for (const SqlRow &r : *saved)
        byChain.insert(r[0].toLongLong(), configFromRow(r));
    QList<QueueConfig> out;
    for (const SqlRow &r : *chains) {
        const qint64 id = r[0].toLongLong();
        QueueConfig c = byChain.value(id);
        c.chainId = id;
        out.append(c);
    }
    return out;
}

Result<QueueConfig> QueueStore::queueConfig(qint64 chainId)
{
    auto rows = m_store.query(QLatin1String("SELECT ") + QLatin1String(ConfigColumns) + QLatin1String(" FROM ") + m_store.admin("queue_config")
                          + QLatin1String(" WHERE chain_id = ?"),
                      {chainId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty()) {
        QueueConfig c;
        c.chainId = chainId;
        return c;
    }
    return configFromRow(rows->first());
}

Status QueueStore::setQueueConfig(const QueueConfig &c)
{
    if (Status v = c.validate(); !v)
        return v;
    return m_store.transaction([&]() -> Status {
        auto chain = m_store.query(QLatin1String("SELECT state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?"), {c.chainId});
        if (!chain)
            return chain.error();
        if (chain->isEmpty() || chain->first()[0].toString() == u"deleting")
            return Error::notFound(QStringLiteral("chain"), tr("There is no chain %1; `arborctl chain list` shows the chains.").arg(c.chainId));
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("queue_config") + QLatin1String(" WHERE chain_id = ?"), {c.chainId}); !s)
            return s;
        return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("queue_config") + QLatin1String(" (") + QLatin1String(ConfigColumns)
                        + QLatin1String(", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {c.chainId, c.enabled, c.batchSize, c.intervalMs, c.maxRetries, c.retryBackoffMs, c.boostAfterMs, c.boostBy,
                     c.highLoadPending, c.delayedAfterMs, c.errorsPerHour, m_store.now()});
    });
}

// --- claim and complete --------------------------------------------------------------------

Result<QList<QueueItem>> QueueStore::claimQueueItems(qint64 chainId, int limit, const QString &worker, const QString &claimId, bool balanceOfOnly)
{
    if (limit < 1)
        return Error::invalid(QStringLiteral("limit"), tr("A claim needs a batch size of at least 1."));
    auto modes = m_store.tokenModes(chainId);
    if (!modes)
        return modes.error();
    const QString table = m_store.admin("balance_update_queue");
    const qint64 now = m_store.now();
    // PostgreSQL: rows another worker is claiming are skipped, not waited for; SQLite claims
    // under its one write lock.
    // The PostgreSQL form locks the chosen rows in a materialised CTE: a LIMIT … FOR UPDATE
    // subquery under IN may be re-run by the planner and return more rows than asked for.
    const QString onlyBalanceOf = balanceOfOnly ? QLatin1String(" AND token IN (SELECT address FROM ") + m_store.admin("tokens")
            + QLatin1String(" WHERE chain_id = ") + QString::number(chainId) + QLatin1String(" AND balance_mode = 'balance_of')")
                                                : QString();
    const QString choose = QLatin1String("SELECT id FROM ") + table + QLatin1String(" WHERE chain_id = ? AND status = 'pending' AND next_attempt_at <= ?")
        + onlyBalanceOf + QLatin1String(" ORDER BY priority DESC, id LIMIT ?");
    const QString sql = m_store.backend() == Backend::Postgres
        ? QLatin1String("WITH chosen AS MATERIALIZED (") + choose + QLatin1String(" FOR UPDATE SKIP LOCKED) UPDATE ") + table
            + QLatin1String(" q SET status = 'processing', claim_id = ?, claimed_by = ?, claimed_at = ? FROM chosen "
                            "WHERE q.id = chosen.id RETURNING q.id, q.token, q.holder, q.retry_count")
        : QLatin1String("UPDATE ") + table
            + QLatin1String(" SET status = 'processing', claim_id = ?, claimed_by = ?, claimed_at = ? WHERE id IN (") + choose
            + QLatin1String(") RETURNING id, token, holder, retry_count");
    const QVariantList params = m_store.backend() == Backend::Postgres ? QVariantList{chainId, now, limit, claimId, worker, now}
                                                               : QVariantList{claimId, worker, now, chainId, now, limit};
    auto rows = m_store.query(sql, params);
    if (!rows)
        return rows.error();
    QList<QueueItem> items;
    items.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        QueueItem item;
        item.id = r[0].toLongLong();
        item.chainId = chainId;
        const QByteArray token = r[1].toByteArray();
        auto t = Address::fromBytes(token, QStringLiteral("balance_update_queue.token"));
        auto h = Address::fromBytes(r[2].toByteArray(), QStringLiteral("balance_update_queue.holder"));
        if (!t || !h)
            return !t ? t.error() : h.error();
        item.token = *t;
        item.holder = *h;
        item.mode = modes->value(token, BalanceMode::Transfers);
        item.retryCount = r[3].toInt();
        items.append(item);
    }
    std::sort(items.begin(), items.end(), [](const QueueItem &a, const QueueItem &b) { return a.id < b.id; });
    return items;
}

Status QueueStore::failQueueItems(qint64 chainId, const QList<QueueItemError> &errors, const QueueConfig &config, QueueRunStats &stats)
{
    const QString table = m_store.admin("balance_update_queue");
    const qint64 now = m_store.now();
    for (const QueueItemError &e : errors) {
        auto item = m_store.query(QLatin1String("SELECT retry_count, token, holder FROM ") + table
                              + QLatin1String(" WHERE id = ? AND status IN ('processing', 'pending')"),
                          {e.id});
        if (!item)
            return item.error();
        if (item->isEmpty())
            continue;   // reclaimed meanwhile
        const int retries = item->first()[0].toInt() + 1;
        const bool giveUp = retries > config.maxRetries;
        if (giveUp) {
            ++stats.failed;
            if (Status s = m_store.exec(QLatin1String("UPDATE ") + table
                                    + QLatin1String(" SET status = 'failed', retry_count = ?, error = ?, last_error_at = ?, processed_at = ?, "
                                                    "duration_ms = ? - COALESCE(claimed_at, ?) WHERE id = ?"),
                                {retries, e.error, now, now, now, now, e.id});
                !s)
                return s;
            continue;
        }
        ++stats.retried;
        // A pending twin (queued by a later transfer) already stands for this holder: it
        // inherits the failure count, and this item goes.
        auto twin = m_store.query(QLatin1String("SELECT id FROM ") + table
                              + QLatin1String(" WHERE chain_id = ? AND token = ? AND holder = ? AND status = 'pending' AND id <> ?"),
                          {chainId, item->first()[1], item->first()[2], e.id});
        if (!twin)
            return twin.error();
        const qint64 due = now + backoffMs(config, retries);
        if (!twin->isEmpty()) {
            if (Status s = m_store.exec(QLatin1String("UPDATE ") + table
                                    + QLatin1String(" SET retry_count = ?, error = ?, last_error_at = ?, next_attempt_at = ? WHERE id = ?"),
                                {retries, e.error, now, due, twin->first()[0]});
                !s)
                return s;
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE id = ?"), {e.id}); !s)
                return s;
            continue;
        }
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + table
                                + QLatin1String(" SET status = 'pending', retry_count = ?, error = ?, last_error_at = ?, next_attempt_at = ?, "
                                                "claim_id = NULL, claimed_by = NULL, claimed_at = NULL WHERE id = ?"),
                            {retries, e.error, now, due, e.id});
            !s)
            return s;
    }
    return {};
}

Result<QueueRunStats> QueueStore::computeTransferBalances(qint64 chainId, const QString &itemsCte, const QVariantList &params,
                                                     const QueueConfig &config, qint64 startedMs)
{
    // One grouped join per batch, not a sum per item: however the planner reads token_transfers,
    // it reads it at most once per batch.
    QueueRunStats stats;
    const QString transfers = m_store.chainTable(chainId, QStringLiteral("token_transfers"));
    const QString sum = m_store.backend() == Backend::Postgres ? QStringLiteral("SUM") : QStringLiteral("u256_sum");
    auto cp = m_store.query(QLatin1String("SELECT block_number FROM ") + m_store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
    if (!cp)
        return cp.error();
    const qint64 height = cp->isEmpty() ? 0 : cp->first()[0].toLongLong();
    // PostgreSQL: one grouped join per batch, so however the planner reads token_transfers
    // (statistics taken while a token had only mints can make it scan), it reads it at most once
    // per batch. SQLite: a correlated sum per item, each an index range on (token, holder).
    auto side = [&](const char *column) -> QString {
        return QLatin1String("SELECT t.token, t.") + QLatin1String(column) + QLatin1String(" AS holder, ") + sum
            + QLatin1String("(t.value) AS total FROM ") + transfers + QLatin1String(" t JOIN items i ON t.token = i.token AND t.")
            + QLatin1String(column) + QLatin1String(" = i.holder GROUP BY t.token, t.") + QLatin1String(column);
    };
    auto correlated = [&](const char *column) -> QString {
        return QLatin1String("(SELECT u256_sum(t.value) FROM ") + transfers + QLatin1String(" t WHERE t.token = i.token AND t.")
            + QLatin1String(column) + QLatin1String(" = i.holder)");
    };
    const QString sql = m_store.backend() == Backend::Postgres
        ? QLatin1String("WITH ") + itemsCte + QLatin1String(", ins AS (") + side("to_address") + QLatin1String("), outs AS (")
            + side("from_address")
            + QLatin1String(") SELECT i.id, i.token, i.holder, i.tx_hash, ins.total, outs.total FROM items i "
                            "LEFT JOIN ins ON ins.token = i.token AND ins.holder = i.holder "
                            "LEFT JOIN outs ON outs.token = i.token AND outs.holder = i.holder")
        : QLatin1String("WITH ") + itemsCte + QLatin1String(" SELECT i.id, i.token, i.holder, i.tx_hash, ") + correlated("to_address")
            + QLatin1String(", ") + correlated("from_address") + QLatin1String(" FROM items i");
    auto rows = m_store.query(sql, params);
    if (!rows)
        return rows.error();
    stats.claimed = rows->size();
    if (rows->isEmpty())
        return stats;
    const qint64 now = m_store.now();
    QList<SqlRow> balances;
    balances.reserve(rows->size());
    QList<QueueItemError> errors;
    QStringList done;
    done.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        U256 in = 0, out = 0;
        for (auto [column, target] : {std::pair{4, &in}, std::pair{5, &out}}) {
            if (r[column].isNull())
                continue;
            auto v = m_store.u256FromValue(r[column], QStringLiteral("token_transfers.value"));
            if (!v)
                return v.error();
            *target = *v;
        }
        if (out > in) {
            const auto holder = Address::fromBytes(r[2].toByteArray());
            const auto token = Address::fromBytes(r[1].toByteArray());
            errors.append({r[0].toLongLong(),
                           tr("The indexed transfers of token %1 give holder %2 a negative balance (in %3, out %4): the token's history "
                              "is incomplete. Index the chain from the token's deployment block, or switch the token to balance_of mode.")
                               .arg(token ? token->toChecksumHex() : QString(), holder ? holder->toChecksumHex() : QString(),
                                    u256::toDecimal(in), u256::toDecimal(out)),
                           QString(), QString()});
            continue;
        }
        balances.append({r[1], r[2], m_store.u256Value(in - out), height, r[3], now});
        done.append(QString::number(r[0].toLongLong()));
        stats.completedIds.append(r[0].toLongLong());
    }
    if (Status s = m_store.writeBalances(chainId, balances); !s)
        return s.error();
    if (Status s = failQueueItems(chainId, errors, config, stats); !s)
        return s.error();
    // The ids as one bound value: a JSON array for SQLite's json_each, an array literal for
    // PostgreSQL.
    const bool pg = m_store.backend() == Backend::Postgres;
    const QString ids = pg ? u'{' + done.join(u',') + u'}' : u'[' + done.join(u',') + u']';
    if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("balance_update_queue")
                            + QLatin1String(" SET status = 'completed', processed_at = ?, duration_ms = ?, error = NULL WHERE id ")
                            + (pg ? QLatin1String("= ANY(CAST(? AS BIGINT[]))") : QLatin1String("IN (SELECT value FROM json_each(?))")),
                        {now, now - startedMs, ids});
        !s)
        return s.error();
    stats.completed = done.size();
    return stats;
}

Result<QueueRunStats> QueueStore::processTransferItems(qint64 chainId, const QueueConfig &config, const QString &worker, const QString &claimId)
{
    // Take, compute, write and complete in one transaction: a crash leaves the items pending.
    //
    // SQLite: the transaction holds the one write lock, so no promotion commits while it runs
    // and the items go straight from pending to completed.
    //
    // PostgreSQL: a promotion may commit while the sums run. Its enqueue would find the holder
    // still "pending" and coalesce into an item whose sums cannot see its transfers. So the
    // items are first marked "processing" in this transaction: the promotion's insert then
    // waits for this transaction and, once it commits, queues the holder anew. The sums run
    // after that mark, as a statement of their own.
    const qint64 started = m_store.now();
    const QString table = m_store.admin("balance_update_queue");
    // A token whose history is still being backfilled is recounted once it is complete: a sum
    // of part of its history would be wrong, or negative and failed for nothing.
    const QString transfersOnly = QLatin1String(" AND token IN (SELECT address FROM ") + m_store.admin("tokens")
        + QLatin1String(" WHERE chain_id = ? AND balance_mode = 'transfers') AND token NOT IN (SELECT address FROM ") + m_store.admin("backfills")
        + QLatin1String(" WHERE chain_id = ") + QString::number(chainId) + QLatin1String(" AND status = 'pending')");
    // The recount's holder indexes (whoever queued the items built them; this is for items
    // queued otherwise), before any item is locked: on PostgreSQL building one waits for a
    // promotion in flight, which may itself wait for this worker's items.
    auto due = m_store.query(QLatin1String("SELECT id FROM ") + table + QLatin1String(" WHERE chain_id = ? AND status = 'pending' AND next_attempt_at <= ?")
                         + transfersOnly + QLatin1String(" LIMIT 1"),
                     {chainId, started, chainId});
    if (!due)
        return due.error();
    if (due->isEmpty())
        return QueueRunStats();
    if (Status s = m_store.ensureOnDemandIndexes(chainId); !s)
        return s.error();
    QueueRunStats stats;
    Status status = m_store.transaction([&]() -> Status {
        Result<QueueRunStats> computed = QueueRunStats();
        if (m_store.backend() == Backend::Postgres) {
            auto marked = m_store.query(QLatin1String("WITH chosen AS MATERIALIZED (SELECT id FROM ") + table
                                    + QLatin1String(" WHERE chain_id = ? AND status = 'pending' AND next_attempt_at <= ?") + transfersOnly
                                    + QLatin1String(" ORDER BY priority DESC, id LIMIT ? FOR UPDATE SKIP LOCKED) UPDATE ") + table
                                    + QLatin1String(" q SET status = 'processing', claim_id = ?, claimed_by = ?, claimed_at = ? FROM chosen "
                                                    "WHERE q.id = chosen.id RETURNING q.id"),
                                {chainId, started, chainId, config.batchSize, claimId, worker, started});
            if (!marked)
                return marked.error();
            if (marked->isEmpty())
                return {};
            computed = computeTransferBalances(chainId,
                                               QLatin1String("items AS (SELECT id, token, holder, tx_hash FROM ") + table
                                                   + QLatin1String(" WHERE claim_id = ? AND status = 'processing')"),
                                               {claimId}, config, started);
        } else {
            computed = computeTransferBalances(chainId,
                                               QLatin1String("items AS (SELECT id, token, holder, tx_hash FROM ") + table
                                                   + QLatin1String(" WHERE chain_id = ? AND status = 'pending' AND next_attempt_at <= ?")
                                                   + transfersOnly + QLatin1String(" ORDER BY priority DESC, id LIMIT ?)"),
                                               {chainId, started, chainId, config.batchSize}, config, started);
        }
        if (!computed)
            return computed.error();
        stats = *computed;
        return {};
    });
    if (!status)
        return status.error();
    return stats;
}

Result<QueueRunStats> QueueStore::completeTransferItems(qint64 chainId, const QString &claimId, const QueueConfig &config)
{
    const QString items = QLatin1String("items AS (SELECT q.id, q.token, q.holder, q.tx_hash FROM ") + m_store.admin("balance_update_queue")
        + QLatin1String(" q JOIN ") + m_store.admin("tokens")
        + QLatin1String(" k ON k.chain_id = q.chain_id AND k.address = q.token "
                        "WHERE q.claim_id = ? AND q.status = 'processing' AND k.balance_mode = 'transfers')");
    if (Status s = m_store.ensureOnDemandIndexes(chainId); !s)
        return s.error();
    QueueRunStats stats;
    Status status = m_store.transaction([&]() -> Status {
        auto claimedAt = m_store.query(QLatin1String("SELECT MIN(claimed_at) FROM ") + m_store.admin("balance_update_queue") + QLatin1String(" WHERE claim_id = ?"),
                               {claimId});
        if (!claimedAt)
            return claimedAt.error();
        const qint64 started = claimedAt->first()[0].isNull() ? m_store.now() : claimedAt->first()[0].toLongLong();
        auto computed = computeTransferBalances(chainId, items, {claimId}, config, started);
        if (!computed)
            return computed.error();
        stats = *computed;
        stats.claimed = 0;   // counted by the claim
        return {};
    });
    if (!status)
        return status.error();
    return stats;
}

Result<QueueRunStats> QueueStore::completeQueueItems(qint64 chainId, const QString &claimId, const QList<ComputedBalance> &balances,
                                                const QList<QueueItemError> &errors, const QueueConfig &config)
{
    QueueRunStats stats;
    const QString table = m_store.admin("balance_update_queue");
    Status status = m_store.transaction([&]() -> Status {
        const qint64 now = m_store.now();
        // The items still held by this claim are completed and read back in one statement: a
        // round trip per item cost PostgreSQL more than the balanceOf calls did. Items reclaimed
        // meanwhile are left to their new holder.
        QList<qint64> claimed;
        claimed.reserve(balances.size());
        for (const ComputedBalance &b : balances)
            claimed.append(b.id);
        QHash<qint64, SqlRow> held;
        if (!claimed.isEmpty()) {
            const IdSet set = idSet(claimed);
            auto completed = m_store.query(QLatin1String("UPDATE ") + table
                                               + QLatin1String(" SET status = 'completed', processed_at = ?, duration_ms = ? - claimed_at, error = NULL WHERE ")
                                               + set.condition + QLatin1String(" AND claim_id = ? AND status = 'processing' RETURNING id, token, holder, tx_hash"),
                                           {now, now, set.ids, claimId});
            if (!completed)
                return completed.error();
            held.reserve(completed->size());
            for (const SqlRow &r : std::as_const(*completed))
                held.insert(r[0].toLongLong(), r);
        }
        QList<SqlRow> rows;
        QList<qint64> ids;
        rows.reserve(held.size());
        ids.reserve(held.size());
        for (const ComputedBalance &b : balances) {
            const auto item = held.constFind(b.id);
            if (item == held.cend())
                continue;
            rows.append({(*item)[1], (*item)[2], m_store.u256Value(b.balance), b.block, (*item)[3], now});
            ids.append(b.id);
        }
        if (Status s = m_store.writeBalances(chainId, rows); !s)
            return s;
        // A token whose balances come again has no problem any more.
        QSet<QByteArray> tokens;
        for (const SqlRow &r : std::as_const(rows))
            tokens.insert(r[0].toByteArray());
        for (const QByteArray &token : std::as_const(tokens)) {
            if (Status s = clearTokenProblem(chainId, *Address::fromBytes(token)); !s)
                return s;
        }
        stats.completed = ids.size();
        stats.completedIds = ids;
        return failQueueItems(chainId, errors, config, stats);
    });
    if (!status)
        return status.error();
    return stats;
}

Result<qint64> QueueStore::reclaimQueueItems(qint64 staleBeforeMs)
{
    const QString table = m_store.admin("balance_update_queue");
    const QString host = QHostInfo::localHostName();
    qint64 reclaimed = 0;
    Status status = m_store.transaction([&]() -> Status {
        auto rows = m_store.query(QLatin1String("SELECT id, chain_id, token, holder, claimed_by, claimed_at FROM ") + table
                              + QLatin1String(" WHERE status = 'processing'"));
        if (!rows)
            return rows.error();
        QHash<QString, bool> alive;
        for (const SqlRow &r : *rows) {
            // claimed_by: host/pid/uuid
            const QString worker = r[4].toString();
            bool dead = r[5].toLongLong() < staleBeforeMs;
            if (!dead && worker.section(u'/', 0, 0) == host) {
                if (!alive.contains(worker))
                    alive.insert(worker, processAlive(worker.section(u'/', 1, 1).toLongLong()));
                dead = !alive.value(worker);
            }
            if (!dead)
                continue;
            auto twin = m_store.query(QLatin1String("SELECT id FROM ") + table
                                  + QLatin1String(" WHERE chain_id = ? AND token = ? AND holder = ? AND status = 'pending'"),
                              {r[1], r[2], r[3]});
            if (!twin)
                return twin.error();
            Status s = twin->isEmpty()
                ? m_store.exec(QLatin1String("UPDATE ") + table
                           + QLatin1String(" SET status = 'pending', retry_count = retry_count + 1, claim_id = NULL, claimed_by = NULL, "
                                           "claimed_at = NULL, error = ?, last_error_at = ? WHERE id = ?"),
                       {tr("Its worker (%1) stopped while processing it; taken back.").arg(worker), m_store.now(), r[0]})
                : m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE id = ?"), {r[0]});
            if (!s)
                return s;
            ++reclaimed;
        }
        return {};
    });
    if (!status)
        return status.error();
    return reclaimed;
}

Result<std::pair<qint64, std::optional<qint64>>> QueueStore::queueBacklog(std::optional<qint64> chainId)
{
    const QString table = m_store.admin("balance_update_queue");
    const QString chain = chainId ? QStringLiteral(" AND chain_id = ?") : QString();
    const QVariantList params = chainId ? QVariantList{*chainId} : QVariantList{};
    // Items held back for a token problem wait for the problem, not for a worker.
    const QString notHeldBack = QLatin1String(" AND NOT EXISTS (SELECT 1 FROM ") + m_store.admin("tokens") + QLatin1String(" k WHERE k.chain_id = ")
        + table.section(u'.', -1) + QLatin1String(".chain_id AND k.address = ") + table.section(u'.', -1)
        + QLatin1String(".token AND k.balance_problem IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM ") + m_store.admin("backfills")
        + QLatin1String(" f WHERE f.chain_id = ") + table.section(u'.', -1) + QLatin1String(".chain_id AND f.address = ")
        + table.section(u'.', -1) + QLatin1String(".token AND f.status = 'pending')");
    auto pending = m_store.query(QLatin1String("SELECT COUNT(*), MIN(next_attempt_at) FROM ") + table + QLatin1String(" WHERE status = 'pending'") + chain
                             + notHeldBack,
                         params);
    if (!pending)
        return pending.error();
    auto processing = m_store.query(QLatin1String("SELECT COUNT(*) FROM ") + table + QLatin1String(" WHERE status = 'processing'") + chain, params);
    if (!processing)
        return processing.error();
    const SqlRow &r = pending->first();
    return std::pair<qint64, std::optional<qint64>>{r[0].toLongLong() + processing->first()[0].toLongLong(),
                                                    r[1].isNull() ? std::nullopt : std::optional<qint64>(r[1].toLongLong())};
}

Status QueueStore::setBalanceMode(qint64 chainId, const Address &token, BalanceMode mode)
{
    return m_store.transaction([&]() -> Status {
        // The chain row's lock (PostgreSQL) orders this against promotions, which read the
        // modes under it to decide whose balances they keep.
        if (m_store.backend() == Backend::Postgres) {
            if (Status s = m_store.exec(QLatin1String("SELECT state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ? FOR UPDATE"), {chainId}); !s)
                return s;
        }
        auto found = m_store.query(QLatin1String("SELECT balance_mode FROM ") + m_store.admin("tokens") + QLatin1String(" WHERE chain_id = ? AND address = ?"),
                           {chainId, token.toBytes()});
        if (!found)
            return found.error();
        if (found->isEmpty())
            return Error::notFound(QStringLiteral("token"), tr("Chain %1 does not index the token %2; add it with `arborctl chain add-token`.")
                                                                .arg(chainId).arg(token.toChecksumHex()));
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("tokens")
                                + QLatin1String(" SET balance_mode = ?, balance_mode_reason = ?, balance_problem = NULL, balance_problem_fix = NULL, "
                                                "balance_problem_since = NULL, balance_problem_seen = NULL, balance_problem_count = 0 "
                                                "WHERE chain_id = ? AND address = ?"),
                            {balanceModeName(mode), tr("Set by the operator."), chainId, token.toBytes()});
            !s)
            return s;
        // Every holder the token ever had is computed again the new way.
        if (Status s = m_store.enqueueHolders(chainId, m_store.chainTable(chainId, QStringLiteral("token_transfers")), QStringLiteral("token = ?"),
                                      {token.toBytes()}, BalanceUpdateType::ModeChange);
            !s)
            return s;
        if (Status s = m_store.enqueueBalanceHolders(chainId, token, BalanceUpdateType::ModeChange); !s)
            return s;
        // balanceOf may have read above the checkpoint (at a node's newest block): such heights
        // come down to it, so the recount, made at the checkpoint, replaces those balances.
        auto cp = m_store.query(QLatin1String("SELECT block_number FROM ") + m_store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!cp)
            return cp.error();
        const qint64 height = cp->isEmpty() ? 0 : cp->first()[0].toLongLong();
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.chainTable(chainId, QStringLiteral("token_balances"))
                                + QLatin1String(" SET last_block = ? WHERE token = ? AND last_block > ?"),
                            {height, token.toBytes(), height});
            !s)
            return s;
        return m_store.exec(QLatin1String("UPDATE ") + m_store.globalTable(QStringLiteral("token_balances"))
                        + QLatin1String(" SET last_block = ? WHERE chain_id = ? AND token = ? AND last_block > ?"),
                    {height, chainId, token.toBytes(), height});
    });
}

} // namespace arbor

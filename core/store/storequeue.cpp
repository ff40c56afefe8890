// Store: the balance-update queue (DESIGN.md §8). Items are enqueued by promote() and
// rollBackTo() in their own transactions; workers claim, compute and complete them here.

#include "store/store.h"

#include <QHostInfo>
#include <QSet>

#include <algorithm>

namespace arbor {
namespace {

constexpr qint64 MaxBackoffMs = 5 * 60000;

QByteArray zeroAddress()
{
    return QByteArray(20, '\0');
}

qint64 backoffMs(const QueueConfig &config, int retries)
{
    const int shift = std::clamp(retries - 1, 0, 20);
    return std::min(MaxBackoffMs, config.retryBackoffMs << shift);
}

} // namespace

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

Result<QList<QueueConfig>> Store::queueConfigs()
{
    auto chains = query(QLatin1String("SELECT chain_id FROM ") + admin("chains") + QLatin1String(" WHERE state <> 'deleting' ORDER BY chain_id"));
    if (!chains)
        return chains.error();
    auto saved = query(QLatin1String("SELECT ") + QLatin1String(ConfigColumns) + QLatin1String(" FROM ") + admin("queue_config"));
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

Result<QueueConfig> Store::queueConfig(qint64 chainId)
{
    auto rows = query(QLatin1String("SELECT ") + QLatin1String(ConfigColumns) + QLatin1String(" FROM ") + admin("queue_config")
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

Status Store::setQueueConfig(const QueueConfig &c)
{
    if (Status v = c.validate(); !v)
        return v;
    return transaction([&]() -> Status {
        auto chain = query(QLatin1String("SELECT state FROM ") + admin("chains") + QLatin1String(" WHERE chain_id = ?"), {c.chainId});
        if (!chain)
            return chain.error();
        if (chain->isEmpty() || chain->first()[0].toString() == u"deleting")
            return Error::notFound(QStringLiteral("chain"), tr("There is no chain %1; `arborctl chain list` shows the chains.").arg(c.chainId));
        if (Status s = exec(QLatin1String("DELETE FROM ") + admin("queue_config") + QLatin1String(" WHERE chain_id = ?"), {c.chainId}); !s)
            return s;
        return exec(QLatin1String("INSERT INTO ") + admin("queue_config") + QLatin1String(" (") + QLatin1String(ConfigColumns)
                        + QLatin1String(", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                    {c.chainId, c.enabled, c.batchSize, c.intervalMs, c.maxRetries, c.retryBackoffMs, c.boostAfterMs, c.boostBy,
                     c.highLoadPending, c.delayedAfterMs, c.errorsPerHour, now()});
    });
}

// --- enqueue -------------------------------------------------------------------------------

QString Store::coalesce() const
{
    // PostgreSQL: coalescing must lock the pending item until the enqueuing transaction
    // commits. Otherwise a worker could take the item (FOR UPDATE SKIP LOCKED would not skip
    // it) and compute it from a snapshot without this transaction's transfers, and nothing
    // would queue the holder again. An update takes that lock; DO NOTHING takes none. SQLite's
    // single writer cannot interleave the two.
    if (backend() == Backend::Postgres)
        return QStringLiteral("DO UPDATE SET block_number = excluded.block_number, tx_hash = excluded.tx_hash");
    return QStringLiteral("DO NOTHING");
}

Status Store::enqueueHolders(qint64 chainId, const QString &transfersTable, const QString &where, const QVariantList &params,
                             BalanceUpdateType type)
{
    // Both sides of each transfer, the zero address (mints, burns) left out, one item per
    // (token, holder) carrying its latest transfer. A holder already pending keeps its place.
    if (Status s = ensureOnDemandIndexes(chainId); !s)
        return s;
    const bool pg = backend() == Backend::Postgres;
    const QString tx = pg ? QStringLiteral("(array_agg(tx_hash ORDER BY block_number DESC))[1]")
                          : QStringLiteral("tx_hash");   // SQLite: the row MAX() picked
    const QString sql = QLatin1String("INSERT INTO ") + admin("balance_update_queue")
        + QLatin1String(" (chain_id, token, holder, update_type, tx_hash, block_number, priority, status, created_at, next_attempt_at) "
                        "SELECT ?, token, holder, ?, ")
        + tx + QLatin1String(", MAX(block_number), ?, 'pending', ?, ? FROM (SELECT token, from_address AS holder, tx_hash, block_number FROM ")
        + transfersTable + QLatin1String(" WHERE ") + where + QLatin1String(" AND from_address <> ? UNION ALL SELECT token, to_address, tx_hash, block_number FROM ")
        + transfersTable + QLatin1String(" WHERE ") + where
        + QLatin1String(" AND to_address <> ?) h GROUP BY token, holder "
                        "ON CONFLICT (chain_id, token, holder) WHERE status = 'pending' ")
        + coalesce();
    const qint64 now = this->now();
    QVariantList bound{chainId, balanceUpdateTypeName(type), queuePriority(type), now, now};
    bound += params;
    bound.append(zeroAddress());
    bound += params;
    bound.append(zeroAddress());
    return exec(sql, bound);
}

Status Store::enqueueBalanceHolders(qint64 chainId, const Address &token, BalanceUpdateType type)
{
    if (Status s = ensureOnDemandIndexes(chainId); !s)
        return s;
    const QString sql = QLatin1String("INSERT INTO ") + admin("balance_update_queue")
        + QLatin1String(" (chain_id, token, holder, update_type, block_number, priority, status, created_at, next_attempt_at) "
                        "SELECT ?, token, holder, ?, last_block, ?, 'pending', ?, ? FROM ")
        + chainTable(chainId, QStringLiteral("token_balances"))
        + QLatin1String(" WHERE token = ? ON CONFLICT (chain_id, token, holder) WHERE status = 'pending' ") + coalesce();
    const qint64 now = this->now();
    return exec(sql, {chainId, balanceUpdateTypeName(type), queuePriority(type), now, now, token.toBytes()});
}

// --- claim and complete --------------------------------------------------------------------

Result<QHash<QByteArray, BalanceMode>> Store::tokenModes(qint64 chainId)
{
    auto rows = query(QLatin1String("SELECT address, balance_mode FROM ") + admin("tokens") + QLatin1String(" WHERE chain_id = ?"), {chainId});
    if (!rows)
        return rows.error();
    QHash<QByteArray, BalanceMode> out;
    for (const SqlRow &r : *rows)
        out.insert(r[0].toByteArray(), parseBalanceMode(r[1].toString()).value_or(BalanceMode::Transfers));
    return out;
}

Result<QList<QueueItem>> Store::claimQueueItems(qint64 chainId, int limit, const QString &worker, const QString &claimId, bool balanceOfOnly)
{
    if (limit < 1)
        return Error::invalid(QStringLiteral("limit"), tr("A claim needs a batch size of at least 1."));
    auto modes = tokenModes(chainId);
    if (!modes)
        return modes.error();
    const QString table = admin("balance_update_queue");
    const qint64 now = this->now();
    // PostgreSQL: rows another worker is claiming are skipped, not waited for; SQLite claims
    // under its one write lock.
    // The PostgreSQL form locks the chosen rows in a materialised CTE: a LIMIT … FOR UPDATE
    // subquery under IN may be re-run by the planner and return more rows than asked for.
    const QString onlyBalanceOf = balanceOfOnly ? QLatin1String(" AND token IN (SELECT address FROM ") + admin("tokens")
            + QLatin1String(" WHERE chain_id = ") + QString::number(chainId) + QLatin1String(" AND balance_mode = 'balance_of')")
                                                : QString();
    const QString choose = QLatin1String("SELECT id FROM ") + table + QLatin1String(" WHERE chain_id = ? AND status = 'pending' AND next_attempt_at <= ?")
        + onlyBalanceOf + QLatin1String(" ORDER BY priority DESC, id LIMIT ?");
    const QString sql = backend() == Backend::Postgres
        ? QLatin1String("WITH chosen AS MATERIALIZED (") + choose + QLatin1String(" FOR UPDATE SKIP LOCKED) UPDATE ") + table
            + QLatin1String(" q SET status = 'processing', claim_id = ?, claimed_by = ?, claimed_at = ? FROM chosen "
                            "WHERE q.id = chosen.id RETURNING q.id, q.token, q.holder, q.retry_count")
        : QLatin1String("UPDATE ") + table
            + QLatin1String(" SET status = 'processing', claim_id = ?, claimed_by = ?, claimed_at = ? WHERE id IN (") + choose
            + QLatin1String(") RETURNING id, token, holder, retry_count");
    const QVariantList params = backend() == Backend::Postgres ? QVariantList{chainId, now, limit, claimId, worker, now}
                                                               : QVariantList{claimId, worker, now, chainId, now, limit};
    auto rows = query(sql, params);
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

Status Store::writeBalances(qint64 chainId, const QList<SqlRow> &rows)
{
    // rows: token, holder, balance, last_block, last_tx_hash, computed_at. A balance computed at
    // a lower height than the stored one (a slower worker) does not overwrite it.
    if (rows.isEmpty())
        return {};
    const QString staging = chainTable(chainId, QStringLiteral("token_balances"), true);
    const QString production = chainTable(chainId, QStringLiteral("token_balances"));
    const QString global = globalTable(QStringLiteral("token_balances"));
    if (Status s = bulkInsert(staging, {QStringLiteral("token"), QStringLiteral("holder"), QStringLiteral("balance"), QStringLiteral("last_block"),
                                        QStringLiteral("last_tx_hash"), QStringLiteral("computed_at")},
                              rows);
        !s)
        return s;
    if (Status s = exec(QLatin1String("INSERT INTO ") + production
                            + QLatin1String(" AS b (token, holder, balance, last_block, last_tx_hash, computed_at) "
                                            "SELECT token, holder, balance, last_block, last_tx_hash, computed_at FROM ")
                            + staging
                            + QLatin1String(" WHERE true ON CONFLICT (token, holder) DO UPDATE SET balance = excluded.balance, "
                                            "last_block = excluded.last_block, last_tx_hash = COALESCE(excluded.last_tx_hash, b.last_tx_hash), "
                                            "computed_at = excluded.computed_at WHERE b.last_block <= excluded.last_block"));
        !s)
        return s;
    if (Status s = exec(QLatin1String("INSERT INTO ") + global
                            + QLatin1String(" AS g (chain_id, token, holder, balance, last_block, updated_at) "
                                            "SELECT ?, token, holder, balance, last_block, computed_at FROM ")
                            + staging
                            + QLatin1String(" WHERE true ON CONFLICT (chain_id, token, holder) DO UPDATE SET balance = excluded.balance, "
                                            "last_block = excluded.last_block, updated_at = excluded.updated_at "
                                            "WHERE g.last_block <= excluded.last_block"),
                        {chainId});
        !s)
        return s;
    return exec(QLatin1String("DELETE FROM ") + staging);
}

Status Store::failQueueItems(qint64 chainId, const QList<QueueItemError> &errors, const QueueConfig &config, QueueRunStats &stats)
{
    const QString table = admin("balance_update_queue");
    const qint64 now = this->now();
    for (const QueueItemError &e : errors) {
        auto item = query(QLatin1String("SELECT retry_count, token, holder FROM ") + table
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
            if (Status s = exec(QLatin1String("UPDATE ") + table
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
        auto twin = query(QLatin1String("SELECT id FROM ") + table
                              + QLatin1String(" WHERE chain_id = ? AND token = ? AND holder = ? AND status = 'pending' AND id <> ?"),
                          {chainId, item->first()[1], item->first()[2], e.id});
        if (!twin)
            return twin.error();
        const qint64 due = now + backoffMs(config, retries);
        if (!twin->isEmpty()) {
            if (Status s = exec(QLatin1String("UPDATE ") + table
                                    + QLatin1String(" SET retry_count = ?, error = ?, last_error_at = ?, next_attempt_at = ? WHERE id = ?"),
                                {retries, e.error, now, due, twin->first()[0]});
                !s)
                return s;
            if (Status s = exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE id = ?"), {e.id}); !s)
                return s;
            continue;
        }
        if (Status s = exec(QLatin1String("UPDATE ") + table
                                + QLatin1String(" SET status = 'pending', retry_count = ?, error = ?, last_error_at = ?, next_attempt_at = ?, "
                                                "claim_id = NULL, claimed_by = NULL, claimed_at = NULL WHERE id = ?"),
                            {retries, e.error, now, due, e.id});
            !s)
            return s;
    }
    return {};
}

Result<QueueRunStats> Store::computeTransferBalances(qint64 chainId, const QString &itemsCte, const QVariantList &params,
                                                     const QueueConfig &config, qint64 startedMs)
{
    // One grouped join per batch, not a sum per item: however the planner reads token_transfers,
    // it reads it at most once per batch.
    QueueRunStats stats;
    const QString transfers = chainTable(chainId, QStringLiteral("token_transfers"));
    const QString sum = backend() == Backend::Postgres ? QStringLiteral("SUM") : QStringLiteral("u256_sum");
    auto cp = query(QLatin1String("SELECT block_number FROM ") + admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
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
    const QString sql = backend() == Backend::Postgres
        ? QLatin1String("WITH ") + itemsCte + QLatin1String(", ins AS (") + side("to_address") + QLatin1String("), outs AS (")
            + side("from_address")
            + QLatin1String(") SELECT i.id, i.token, i.holder, i.tx_hash, ins.total, outs.total FROM items i "
                            "LEFT JOIN ins ON ins.token = i.token AND ins.holder = i.holder "
                            "LEFT JOIN outs ON outs.token = i.token AND outs.holder = i.holder")
        : QLatin1String("WITH ") + itemsCte + QLatin1String(" SELECT i.id, i.token, i.holder, i.tx_hash, ") + correlated("to_address")
            + QLatin1String(", ") + correlated("from_address") + QLatin1String(" FROM items i");
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    stats.claimed = rows->size();
    if (rows->isEmpty())
        return stats;
    const qint64 now = this->now();
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
            auto v = u256FromValue(r[column], QStringLiteral("token_transfers.value"));
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
        balances.append({r[1], r[2], u256Value(in - out), height, r[3], now});
        done.append(QString::number(r[0].toLongLong()));
        stats.completedIds.append(r[0].toLongLong());
    }
    if (Status s = writeBalances(chainId, balances); !s)
        return s.error();
    if (Status s = failQueueItems(chainId, errors, config, stats); !s)
        return s.error();
    // The ids as one bound value: a JSON array for SQLite's json_each, an array literal for
    // PostgreSQL.
    const bool pg = backend() == Backend::Postgres;
    const QString ids = pg ? u'{' + done.join(u',') + u'}' : u'[' + done.join(u',') + u']';
    if (Status s = exec(QLatin1String("UPDATE ") + admin("balance_update_queue")
                            + QLatin1String(" SET status = 'completed', processed_at = ?, duration_ms = ?, error = NULL WHERE id ")
                            + (pg ? QLatin1String("= ANY(CAST(? AS BIGINT[]))") : QLatin1String("IN (SELECT value FROM json_each(?))")),
                        {now, now - startedMs, ids});
        !s)
        return s.error();
    stats.completed = done.size();
    return stats;
}

Result<QueueRunStats> Store::processTransferItems(qint64 chainId, const QueueConfig &config, const QString &worker, const QString &claimId)
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
    const qint64 started = now();
    const QString table = admin("balance_update_queue");
    // A token whose history is still being backfilled is recounted once it is complete: a sum
    // of part of its history would be wrong, or negative and failed for nothing.
    const QString transfersOnly = QLatin1String(" AND token IN (SELECT address FROM ") + admin("tokens")
        + QLatin1String(" WHERE chain_id = ? AND balance_mode = 'transfers') AND token NOT IN (SELECT address FROM ") + admin("backfills")
        + QLatin1String(" WHERE chain_id = ") + QString::number(chainId) + QLatin1String(" AND status = 'pending')");
    // The recount's holder indexes (whoever queued the items built them; this is for items
    // queued otherwise), before any item is locked: on PostgreSQL building one waits for a
    // promotion in flight, which may itself wait for this worker's items.
    auto due = query(QLatin1String("SELECT id FROM ") + table + QLatin1String(" WHERE chain_id = ? AND status = 'pending' AND next_attempt_at <= ?")
                         + transfersOnly + QLatin1String(" LIMIT 1"),
                     {chainId, started, chainId});
    if (!due)
        return due.error();
    if (due->isEmpty())
        return QueueRunStats();
    if (Status s = ensureOnDemandIndexes(chainId); !s)
        return s.error();
    QueueRunStats stats;
    Status status = transaction([&]() -> Status {
        Result<QueueRunStats> computed = QueueRunStats();
        if (backend() == Backend::Postgres) {
            auto marked = query(QLatin1String("WITH chosen AS MATERIALIZED (SELECT id FROM ") + table
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

Result<QueueRunStats> Store::completeTransferItems(qint64 chainId, const QString &claimId, const QueueConfig &config)
{
    const QString items = QLatin1String("items AS (SELECT q.id, q.token, q.holder, q.tx_hash FROM ") + admin("balance_update_queue")
        + QLatin1String(" q JOIN ") + admin("tokens")
        + QLatin1String(" k ON k.chain_id = q.chain_id AND k.address = q.token "
                        "WHERE q.claim_id = ? AND q.status = 'processing' AND k.balance_mode = 'transfers')");
    if (Status s = ensureOnDemandIndexes(chainId); !s)
        return s.error();
    QueueRunStats stats;
    Status status = transaction([&]() -> Status {
        auto claimedAt = query(QLatin1String("SELECT MIN(claimed_at) FROM ") + admin("balance_update_queue") + QLatin1String(" WHERE claim_id = ?"),
                               {claimId});
        if (!claimedAt)
            return claimedAt.error();
        const qint64 started = claimedAt->first()[0].isNull() ? now() : claimedAt->first()[0].toLongLong();
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

Result<QueueRunStats> Store::completeQueueItems(qint64 chainId, const QString &claimId, const QList<ComputedBalance> &balances,
                                                const QList<QueueItemError> &errors, const QueueConfig &config)
{
    QueueRunStats stats;
    const QString table = admin("balance_update_queue");
    Status status = transaction([&]() -> Status {
        const qint64 now = this->now();
        QList<SqlRow> rows;
        QList<qint64> ids;
        for (const ComputedBalance &b : balances) {
            auto item = query(QLatin1String("SELECT token, holder, tx_hash FROM ") + table
                                  + QLatin1String(" WHERE id = ? AND claim_id = ? AND status = 'processing'"),
                              {b.id, claimId});
            if (!item)
                return item.error();
            if (item->isEmpty())
                continue;   // reclaimed meanwhile: its new holder computes it
            rows.append({item->first()[0], item->first()[1], u256Value(b.balance), b.block, item->first()[2], now});
            ids.append(b.id);
        }
        if (Status s = writeBalances(chainId, rows); !s)
            return s;
        // A token whose balances come again has no problem any more.
        QSet<QByteArray> tokens;
        for (const SqlRow &r : std::as_const(rows))
            tokens.insert(r[0].toByteArray());
        for (const QByteArray &token : std::as_const(tokens)) {
            if (Status s = clearTokenProblem(chainId, *Address::fromBytes(token)); !s)
                return s;
        }
        for (qint64 id : std::as_const(ids)) {
            if (Status s = exec(QLatin1String("UPDATE ") + table
                                    + QLatin1String(" SET status = 'completed', processed_at = ?, duration_ms = ? - claimed_at, error = NULL WHERE id = ?"),
                                {now, now, id});
                !s)
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

Result<qint64> Store::reclaimQueueItems(qint64 staleBeforeMs)
{
    const QString table = admin("balance_update_queue");
    const QString host = QHostInfo::localHostName();
    qint64 reclaimed = 0;
    Status status = transaction([&]() -> Status {
        auto rows = query(QLatin1String("SELECT id, chain_id, token, holder, claimed_by, claimed_at FROM ") + table
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
            auto twin = query(QLatin1String("SELECT id FROM ") + table
                                  + QLatin1String(" WHERE chain_id = ? AND token = ? AND holder = ? AND status = 'pending'"),
                              {r[1], r[2], r[3]});
            if (!twin)
                return twin.error();
            Status s = twin->isEmpty()
                ? exec(QLatin1String("UPDATE ") + table
                           + QLatin1String(" SET status = 'pending', retry_count = retry_count + 1, claim_id = NULL, claimed_by = NULL, "
                                           "claimed_at = NULL, error = ?, last_error_at = ? WHERE id = ?"),
                       {tr("Its worker (%1) stopped while processing it; taken back.").arg(worker), now(), r[0]})
                : exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE id = ?"), {r[0]});
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

Result<std::pair<qint64, std::optional<qint64>>> Store::queueBacklog(std::optional<qint64> chainId)
{
    const QString table = admin("balance_update_queue");
    const QString chain = chainId ? QStringLiteral(" AND chain_id = ?") : QString();
    const QVariantList params = chainId ? QVariantList{*chainId} : QVariantList{};
    // Items held back for a token problem wait for the problem, not for a worker.
    const QString notHeldBack = QLatin1String(" AND NOT EXISTS (SELECT 1 FROM ") + admin("tokens") + QLatin1String(" k WHERE k.chain_id = ")
        + table.section(u'.', -1) + QLatin1String(".chain_id AND k.address = ") + table.section(u'.', -1)
        + QLatin1String(".token AND k.balance_problem IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM ") + admin("backfills")
        + QLatin1String(" f WHERE f.chain_id = ") + table.section(u'.', -1) + QLatin1String(".chain_id AND f.address = ")
        + table.section(u'.', -1) + QLatin1String(".token AND f.status = 'pending')");
    auto pending = query(QLatin1String("SELECT COUNT(*), MIN(next_attempt_at) FROM ") + table + QLatin1String(" WHERE status = 'pending'") + chain
                             + notHeldBack,
                         params);
    if (!pending)
        return pending.error();
    auto processing = query(QLatin1String("SELECT COUNT(*) FROM ") + table + QLatin1String(" WHERE status = 'processing'") + chain, params);
    if (!processing)
        return processing.error();
    const SqlRow &r = pending->first();
    return std::pair<qint64, std::optional<qint64>>{r[0].toLongLong() + processing->first()[0].toLongLong(),
                                                    r[1].isNull() ? std::nullopt : std::optional<qint64>(r[1].toLongLong())};
}

Status Store::setBalanceMode(qint64 chainId, const Address &token, BalanceMode mode)
{
    return transaction([&]() -> Status {
        // The chain row's lock (PostgreSQL) orders this against promotions, which read the
        // modes under it to decide whose balances they keep.
        if (backend() == Backend::Postgres) {
            if (Status s = exec(QLatin1String("SELECT state FROM ") + admin("chains") + QLatin1String(" WHERE chain_id = ? FOR UPDATE"), {chainId}); !s)
                return s;
        }
        auto found = query(QLatin1String("SELECT balance_mode FROM ") + admin("tokens") + QLatin1String(" WHERE chain_id = ? AND address = ?"),
                           {chainId, token.toBytes()});
        if (!found)
            return found.error();
        if (found->isEmpty())
            return Error::notFound(QStringLiteral("token"), tr("Chain %1 does not index the token %2; add it with `arborctl chain add-token`.")
                                                                .arg(chainId).arg(token.toChecksumHex()));
        if (Status s = exec(QLatin1String("UPDATE ") + admin("tokens")
                                + QLatin1String(" SET balance_mode = ?, balance_mode_reason = ?, balance_problem = NULL, balance_problem_fix = NULL, "
                                                "balance_problem_since = NULL, balance_problem_seen = NULL, balance_problem_count = 0 "
                                                "WHERE chain_id = ? AND address = ?"),
                            {balanceModeName(mode), tr("Set by the operator."), chainId, token.toBytes()});
            !s)
            return s;
        // Every holder the token ever had is computed again the new way.
        if (Status s = enqueueHolders(chainId, chainTable(chainId, QStringLiteral("token_transfers")), QStringLiteral("token = ?"),
                                      {token.toBytes()}, BalanceUpdateType::ModeChange);
            !s)
            return s;
        if (Status s = enqueueBalanceHolders(chainId, token, BalanceUpdateType::ModeChange); !s)
            return s;
        // balanceOf may have read above the checkpoint (at a node's newest block): such heights
        // come down to it, so the recount, made at the checkpoint, replaces those balances.
        auto cp = query(QLatin1String("SELECT block_number FROM ") + admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!cp)
            return cp.error();
        const qint64 height = cp->isEmpty() ? 0 : cp->first()[0].toLongLong();
        if (Status s = exec(QLatin1String("UPDATE ") + chainTable(chainId, QStringLiteral("token_balances"))
                                + QLatin1String(" SET last_block = ? WHERE token = ? AND last_block > ?"),
                            {height, token.toBytes(), height});
            !s)
            return s;
        return exec(QLatin1String("UPDATE ") + globalTable(QStringLiteral("token_balances"))
                        + QLatin1String(" SET last_block = ? WHERE chain_id = ? AND token = ? AND last_block > ?"),
                    {height, chainId, token.toBytes(), height});
    });
}

} // namespace arbor

// IndexStore: the indexing plan, progress and the derived rows. Derived per-chain rows (block
// summaries, agent summaries) are added to by head ranges and recomputed from production rows
// for the keys a range that replaces rows touched; global rows are synced from them. Promotion is
// in indexstorepromote.cpp, reorgs, reindex requests and backfills in indexstorereorg.cpp, the
// daily stats in indexstoreaggregates.cpp, the agent summaries in indexstoreagents.cpp.

#include "store/indexstore.h"

#include "store/chainregistry.h"

#include <algorithm>

namespace arbor {

// --- plan ----------------------------------------------------------------------------------

Result<QList<IndexRange>> IndexStore::indexRanges(qint64 chainId)
{
    auto rows = m_store.query(QLatin1String("SELECT from_block, to_block FROM ") + m_store.admin("index_progress")
                          + QLatin1String(" WHERE chain_id = ? ORDER BY from_block"),
                      {chainId});
    if (!rows)
        return rows.error();
    QList<IndexRange> out;
    for (const SqlRow &r : *rows) {
        const IndexRange range{r[0].toLongLong(), r[1].toLongLong()};
        if (!out.isEmpty() && range.from <= out.last().to + 1)
            out.last().to = std::max(out.last().to, range.to);
        else
            out.append(range);
    }
    return out;
}

Result<ChainIndexPlan> IndexStore::indexPlan(qint64 chainId)
{
    auto chain = ChainRegistry(m_store).findChain(ChainRef{chainId, {}});
    if (!chain)
        return chain.error();
    if (!*chain)
        return Error::notFound(QStringLiteral("chain"), tr("No chain with id %1.").arg(chainId));
    ChainIndexPlan plan;
    plan.chain = **chain;

    auto registries = m_store.query(QLatin1String("SELECT kind, address FROM ") + m_store.admin("registries")
                                + QLatin1String(" WHERE chain_id = ? ORDER BY kind"),
                            {chainId});
    if (!registries)
        return registries.error();
    for (const SqlRow &r : *registries) {
        auto kind = registryKindFromName(r[0].toString());
        auto address = Address::fromBytes(r[1].toByteArray(), QStringLiteral("registry"));
        if (kind && address)
            plan.registries.append({*kind, *address});
    }
    plan.chain.config.registries = plan.registries;

    auto checkpoint = m_store.query(QLatin1String("SELECT block_number, block_hash FROM ") + m_store.admin("checkpoints")
                                + QLatin1String(" WHERE chain_id = ?"),
                            {chainId});
    if (!checkpoint)
        return checkpoint.error();
    if (!checkpoint->isEmpty()) {
        plan.checkpoint = checkpoint->first()[0].toLongLong();
        auto hash = Hash::fromBytes(checkpoint->first()[1].toByteArray(), QStringLiteral("checkpoint"));
        if (!hash)
            return hash.error();
        plan.checkpointHash = *hash;
    }

    auto ranges = indexRanges(chainId);
    if (!ranges)
        return ranges.error();
    plan.ranges = *ranges;

    auto requests = reindexRequests(chainId);
    if (!requests)
        return requests.error();
    for (const ReindexRequest &r : *requests) {
        if (r.status == u"pending")
            plan.reindexRequests.append(r);
    }

    auto backfills = m_store.query(QLatin1String("SELECT id, address, contract_kind, from_block, to_block, next_block, status FROM ")
                               + m_store.admin("backfills") + QLatin1String(" WHERE chain_id = ? AND status = 'pending' ORDER BY id"),
                           {chainId});
    if (!backfills)
        return backfills.error();
    for (const SqlRow &r : *backfills) {
        Backfill b;
        b.id = r[0].toLongLong();
        b.chainId = chainId;
        auto address = Address::fromBytes(r[1].toByteArray(), QStringLiteral("backfill"));
        if (!address)
            return address.error();
        b.address = *address;
        b.contractKind = r[2].toString();
        b.from = r[3].toLongLong();
        b.to = r[4].toLongLong();
        b.next = r[5].toLongLong();
        b.status = r[6].toString();
        plan.backfills.append(b);
    }
    return plan;
}

Result<std::optional<qint64>> IndexStore::blockTime(qint64 chainId, qint64 number)
{
    auto rows = m_store.query(QLatin1String("SELECT timestamp FROM ") + m_store.chainTable(chainId, QStringLiteral("blocks"))
                          + QLatin1String(" WHERE number = ?"),
                      {number});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first()[0].isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(rows->first()[0].toLongLong());
}

Result<QList<std::pair<qint64, Hash>>> IndexStore::blockHashes(qint64 chainId, qint64 from, qint64 to)
{
    auto rows = m_store.query(QLatin1String("SELECT number, hash FROM ") + m_store.chainTable(chainId, QStringLiteral("blocks"))
                          + QLatin1String(" WHERE number BETWEEN ? AND ? ORDER BY number"),
                      {from, to});
    if (!rows)
        return rows.error();
    QList<std::pair<qint64, Hash>> out;
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        auto hash = Hash::fromBytes(r[1].toByteArray(), QStringLiteral("blocks.hash"));
        if (!hash)
            return hash.error();
        out.append({r[0].toLongLong(), *hash});
    }
    return out;
}

Status IndexStore::recordProgress(qint64 chainId, qint64 from, qint64 to, qint64 rows, qint64 durationMs)
{
    // Ranges are kept merged: one row per contiguous stretch, so the table stays small.
    auto touching = m_store.query(QLatin1String("SELECT from_block, to_block, row_count, duration_ms FROM ") + m_store.admin("index_progress")
                              + QLatin1String(" WHERE chain_id = ? AND to_block >= ? AND from_block <= ?"),
                          {chainId, from - 1, to + 1});
    if (!touching)
        return touching.error();
    qint64 lo = from, hi = to, rowCount = rows, duration = durationMs;
    for (const SqlRow &r : *touching) {
        lo = std::min(lo, r[0].toLongLong());
        hi = std::max(hi, r[1].toLongLong());
        rowCount += r[2].toLongLong();
        duration += r[3].toLongLong();
    }
    if (!touching->isEmpty()) {
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("index_progress")
                                + QLatin1String(" WHERE chain_id = ? AND to_block >= ? AND from_block <= ?"),
                            {chainId, from - 1, to + 1});
            !s)
            return s;
    }
    const qint64 now = m_store.now();
    if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("index_progress")
                            + QLatin1String(" (chain_id, from_block, to_block, row_count, duration_ms, indexed_at) VALUES (?, ?, ?, ?, ?, ?)"),
                        {chainId, lo, hi, rowCount, duration, now});
        !s)
        return s;
    return refreshIndexSummary(chainId);
}

Status IndexStore::refreshIndexSummary(qint64 chainId)
{
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("index_summary")
                    + QLatin1String(" SET indexed_blocks = COALESCE((SELECT SUM(to_block - from_block + 1) FROM ") + m_store.admin("index_progress")
                    + QLatin1String(" WHERE chain_id = ?), 0), lowest_block = (SELECT MIN(from_block) FROM ") + m_store.admin("index_progress")
                    + QLatin1String(" WHERE chain_id = ?), highest_block = (SELECT MAX(to_block) FROM ") + m_store.admin("index_progress")
                    + QLatin1String(" WHERE chain_id = ?), range_count = (SELECT COUNT(*) FROM ") + m_store.admin("index_progress")
                    + QLatin1String(" WHERE chain_id = ?), last_indexed_at = ? WHERE chain_id = ?"),
                {chainId, chainId, chainId, chainId, m_store.now(), chainId});
}

// --- derived rows ---------------------------------------------------------------------------

Status IndexStore::recomputeBlockSummaries(qint64 chainId, qint64 from, qint64 to, const QList<EntityDef> &entities, bool force)
{
    const EntityDef &summaries = requireEntity(entities, "block_summaries");
    const QString blocks = m_store.chainTable(chainId, QStringLiteral("blocks"));
    const QString table = m_store.chainTable(chainId, summaries.name);

    // Days with blocks in the range now, and days whose summary covered the range before.
    auto days = m_store.query(QLatin1String("SELECT MIN(timestamp / 86400), MAX(timestamp / 86400) FROM ") + blocks
                          + QLatin1String(" WHERE number BETWEEN ? AND ?"),
                      {from, to});
    if (!days)
        return days.error();
    auto old = m_store.query(QLatin1String("SELECT MIN(day), MAX(day), MIN(first_block), MAX(last_block) FROM ") + table
                         + QLatin1String(" WHERE last_block >= ? AND first_block <= ?"),
                     {from, to});
    if (!old)
        return old.error();
    std::optional<qint64> dayLo, dayHi;
    qint64 lo = from, hi = to;
    auto widen = [](std::optional<qint64> &v, const QVariant &x, bool low) {
        if (x.isNull())
            return;
        const qint64 n = x.toLongLong();
        v = v ? (low ? std::min(*v, n) : std::max(*v, n)) : n;
    };
    widen(dayLo, days->first()[0], true);
    widen(dayHi, days->first()[1], false);
    widen(dayLo, old->first()[0], true);
    widen(dayHi, old->first()[1], false);
    if (!dayLo)
        return {};
    // Blocks of those days outside the range are covered by the days' previous summaries.
    auto span = m_store.query(QLatin1String("SELECT MIN(first_block), MAX(last_block) FROM ") + table + QLatin1String(" WHERE day BETWEEN ? AND ?"),
                      {*dayLo, *dayHi});
    if (!span)
        return span.error();
    if (!span->first()[0].isNull()) {
        lo = std::min(lo, span->first()[0].toLongLong());
        hi = std::max(hi, span->first()[1].toLongLong());
    }
    if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE day BETWEEN ? AND ?"), {*dayLo, *dayHi}); !s)
        return s;
    if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + table
                            + QLatin1String(" (day, first_block, last_block, block_count, tx_count, transfer_count, gas_used, active_holders) "
                                            "SELECT timestamp / 86400, MIN(number), MAX(number), COUNT(*), SUM(tx_count), 0, SUM(gas_used), 0 FROM ")
                            + blocks + QLatin1String(" WHERE number BETWEEN ? AND ? AND timestamp / 86400 BETWEEN ? AND ? GROUP BY timestamp / 86400"),
                        {lo, hi, *dayLo, *dayHi});
        !s)
        return s;
    if (Status s = m_store.exec(QLatin1String("UPDATE ") + table + QLatin1String(" SET transfer_count = (SELECT COUNT(*) FROM ")
                            + m_store.chainTable(chainId, QStringLiteral("token_transfers")) + QLatin1String(" t WHERE t.block_number BETWEEN ")
                            + table.section(u'.', -1) + QLatin1String(".first_block AND ") + table.section(u'.', -1)
                            + QLatin1String(".last_block) WHERE day BETWEEN ? AND ?"),
                        {*dayLo, *dayHi});
        !s)
        return s;
    if (Status s = recountActiveHolders(chainId, *dayLo, *dayHi, lo, hi); !s)
        return s;
    return syncGlobalRows(chainId, summaries, QStringLiteral("day BETWEEN ? AND ?"), {*dayLo, *dayHi}, force);
}

Status IndexStore::syncGlobalRows(qint64 chainId, const EntityDef &e, const QString &where, const QVariantList &params, bool force)
{
    if (!e.crossChain)
        return {};
    const QString global = m_store.globalTable(e.name);

    // The global row's key in terms of the global table's column names.
    QString globalWhere = where;
    for (const ColumnDef &c : e.columns) {
        if (!c.crossChainRename.isEmpty())
            globalWhere.replace(c.name, c.crossChainRename);
    }
    // Keys whose production row is gone (rolled back, replaced) leave the global table too.
    QVariantList deleteParams{chainId};
    deleteParams += params;
    QString deleteSql = QLatin1String("DELETE FROM ") + global + QLatin1String(" WHERE chain_id = ? AND ") + globalWhere;
    if (!force) {
        deleteSql += QLatin1String(" AND NOT EXISTS (SELECT 1 FROM ") + m_store.chainTable(chainId, e.name) + QLatin1String(" p WHERE ");
        QStringList match;
        for (const QString &k : e.key)
            match.append(QLatin1String("p.") + k + QLatin1String(" = ") + global.section(u'.', -1) + u'.' + e.column(k)->globalName());
        deleteSql += match.join(QLatin1String(" AND ")) + u')';
    }
    if (Status s = m_store.exec(deleteSql, deleteParams); !s)
        return s;

    QVariantList insertParams{chainId, m_store.now()};
    insertParams += params;
    const QString sql = QLatin1String("INSERT INTO ") + global + QLatin1String(" AS g (")
        + ddl::columnNames(ddl::TableKind::Global, e).join(QLatin1String(", ")) + QLatin1String(") SELECT ?, ")
        + ddl::globalSourceColumns(e).join(QLatin1String(", ")) + QLatin1String(", ? FROM ") + m_store.chainTable(chainId, e.name)
        + QLatin1String(" WHERE ") + where + u' ' + ddl::upsertConflict(ddl::TableKind::Global, e, QStringLiteral("g"));
    return m_store.exec(sql, insertParams);
}

QList<IndexRange> findGaps(const QList<IndexRange> &ranges, qint64 from, qint64 to)
{
    QList<IndexRange> gaps;
    qint64 next = from;
    for (const IndexRange &r : ranges) {
        if (r.to < next)
            continue;
        if (r.from > to)
            break;
        if (r.from > next)
            gaps.append({next, std::min(r.from - 1, to)});
        next = std::max(next, r.to + 1);
    }
    if (next <= to)
        gaps.append({next, to});
    return gaps;
}

} // namespace arbor

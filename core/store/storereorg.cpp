// Store: reorg rollback, global resync and audited reindex requests.

#include "store/store.h"

namespace arbor {

// --- reorgs, resync, reindex ----------------------------------------------------------------

Status Store::rollBackTo(const ReorgRecord &reorg, const QList<EntityDef> &entities)
{
    const qint64 chain = reorg.chainId;
    const qint64 keep = reorg.ancestorBlock;
    return transaction([&]() -> Status {
        // Holders touched by the orphaned transfers are computed again; until then their
        // balances count as of the ancestor, so the recomputation may lower them.
        if (Status s = enqueueHolders(chain, chainTable(chain, QStringLiteral("token_transfers")), QStringLiteral("block_number > ?"), {keep},
                                      BalanceUpdateType::Reorg);
            !s)
            return s;
        if (Status s = exec(QLatin1String("UPDATE ") + chainTable(chain, QStringLiteral("token_balances"))
                                + QLatin1String(" SET last_block = ? WHERE last_block > ?"),
                            {keep, keep});
            !s)
            return s;
        if (Status s = exec(QLatin1String("UPDATE ") + globalTable(QStringLiteral("token_balances"))
                                + QLatin1String(" SET last_block = ? WHERE chain_id = ? AND last_block > ?"),
                            {keep, chain, keep});
            !s)
            return s;
        for (const char *name : {"blocks", "token_transfers", "agent_events"}) {
            const EntityDef &e = requireEntity(entities, name);
            if (Status s = exec(QLatin1String("DELETE FROM ") + chainTable(chain, e.name) + QLatin1String(" WHERE ")
                                    + e.versionColumn + QLatin1String(" > ?"),
                                {keep});
                !s)
                return s;
        }
        // Derived rows: summaries of the days above the ancestor, agents touched above it.
        if (Status s = recomputeBlockSummaries(chain, keep + 1, std::max(keep + 1, reorg.oldHead), entities, true); !s)
            return s;
        QList<std::pair<QVariant, QVariant>> keys;
        for (const char *name : {"agent_identities", "agent_reputation"}) {
            auto rows = query(QLatin1String("SELECT registry, agent_id FROM ") + chainTable(chain, QLatin1String(name))
                                  + QLatin1String(" WHERE last_block > ?"),
                              {keep});
            if (!rows)
                return rows.error();
            for (const SqlRow &r : *rows)
                keys.append({r[0], r[1]});
        }
        if (Status s = recomputeAgents(chain, keys, entities, true); !s)
            return s;

        if (Status s = exec(QLatin1String("DELETE FROM ") + admin("index_progress") + QLatin1String(" WHERE chain_id = ? AND from_block > ?"),
                            {chain, keep});
            !s)
            return s;
        if (Status s = exec(QLatin1String("UPDATE ") + admin("index_progress") + QLatin1String(" SET to_block = ? WHERE chain_id = ? AND to_block > ?"),
                            {keep, chain, keep});
            !s)
            return s;
        if (Status s = refreshIndexSummary(chain); !s)
            return s;
        // Backfills and reindex requests end at the ancestor now; what lay above is re-indexed
        // by the head scan.
        for (const char *table : {"backfills", "reindex_requests"}) {
            if (Status s = exec(QLatin1String("UPDATE ") + admin(table)
                                    + QLatin1String(" SET to_block = ? WHERE chain_id = ? AND status = 'pending' AND to_block > ?"),
                                {keep, chain, keep});
                !s)
                return s;
        }
        if (Status s = exec(QLatin1String("UPDATE ") + admin("backfills")
                                + QLatin1String(" SET status = 'done', finished_at = ? WHERE chain_id = ? AND status = 'pending' AND next_block > to_block"),
                            {now(), chain});
            !s)
            return s;
        if (Status s = exec(QLatin1String("UPDATE ") + admin("reindex_requests")
                                + QLatin1String(" SET status = 'done', finished_at = ? WHERE chain_id = ? AND status = 'pending' AND from_block > to_block"),
                            {now(), chain});
            !s)
            return s;

        auto ancestor = query(QLatin1String("SELECT hash FROM ") + chainTable(chain, QStringLiteral("blocks")) + QLatin1String(" WHERE number = ?"),
                              {keep});
        if (!ancestor)
            return ancestor.error();
        if (Status s = exec(QLatin1String("DELETE FROM ") + admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chain}); !s)
            return s;
        if (!ancestor->isEmpty()) {
            if (Status s = exec(QLatin1String("INSERT INTO ") + admin("checkpoints")
                                    + QLatin1String(" (chain_id, block_number, block_hash, updated_at) VALUES (?, ?, ?, ?)"),
                                {chain, keep, ancestor->first()[0], now()});
                !s)
                return s;
        }
        return exec(QLatin1String("INSERT INTO ") + admin("reorgs")
                        + QLatin1String(" (chain_id, detected_at, ancestor_block, depth, old_head, old_hash, new_hash) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {chain, now(), keep, reorg.depth, reorg.oldHead, reorg.oldHash.toBytes(), reorg.newHash.toBytes()});
    });
}

Result<QList<ReorgRecord>> Store::reorgs(qint64 chainId)
{
    auto rows = query(QLatin1String("SELECT detected_at, ancestor_block, depth, old_head, old_hash, new_hash FROM ") + admin("reorgs")
                          + QLatin1String(" WHERE chain_id = ? ORDER BY id"),
                      {chainId});
    if (!rows)
        return rows.error();
    QList<ReorgRecord> out;
    for (const SqlRow &r : *rows) {
        ReorgRecord reorg;
        reorg.chainId = chainId;
        reorg.detectedAt = QDateTime::fromMSecsSinceEpoch(r[0].toLongLong());
        reorg.ancestorBlock = r[1].toLongLong();
        reorg.depth = r[2].toLongLong();
        reorg.oldHead = r[3].toLongLong();
        reorg.oldHash = Hash::fromBytes(r[4].toByteArray()).value_or(Hash());
        reorg.newHash = Hash::fromBytes(r[5].toByteArray()).value_or(Hash());
        out.append(reorg);
    }
    return out;
}

Status Store::resyncGlobal(qint64 chainId, const QList<EntityDef> &entities, const QString &table)
{
    bool found = table.isEmpty();
    return transaction([&]() -> Status {
        for (const EntityDef &e : entities) {
            if (!e.crossChain || (!table.isEmpty() && e.name != table))
                continue;
            found = true;
            if (Status s = exec(QLatin1String("DELETE FROM ") + globalTable(e.name) + QLatin1String(" WHERE chain_id = ?"), {chainId}); !s)
                return s;
            if (Status s = syncGlobalRows(chainId, e, QStringLiteral("1 = 1"), {}, true); !s)
                return s;
        }
        if (!found) {
            QStringList names;
            for (const EntityDef &e : entities) {
                if (e.crossChain)
                    names.append(e.name);
            }
            return Error::invalid(QStringLiteral("table"), tr("\"%1\" is not a cross-chain table; choose one of: %2.")
                                                               .arg(table, names.join(QLatin1String(", "))));
        }
        return {};
    });
}

Result<ReindexRequest> Store::requestReindex(qint64 chainId, qint64 from, qint64 to, const QString &reason, const QString &requestedBy)
{
    if (from < 0 || to < from)
        return Error::invalid(QStringLiteral("range"), tr("The range must satisfy 0 ≤ --from ≤ --to (got %1–%2).").arg(from).arg(to));
    if (reason.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("reason"), tr("A reindex needs a reason for the audit log (--reason TEXT)."));
    auto cp = query(QLatin1String("SELECT block_number FROM ") + admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
    if (!cp)
        return cp.error();
    if (cp->isEmpty() || to > cp->first()[0].toLongLong())
        return Error::invalid(QStringLiteral("to"),
                              tr("Chain %1 is indexed through block %2; a reindex must end at or below it.")
                                  .arg(chainId)
                                  .arg(cp->isEmpty() ? tr("(nothing yet)") : cp->first()[0].toString()));
    ReindexRequest request;
    Status s = transaction([&]() -> Status {
        const qint64 now = this->now();
        if (Status e = exec(QLatin1String("INSERT INTO ") + admin("reindex_requests")
                                + QLatin1String(" (chain_id, from_block, to_block, reason, requested_by, requested_at, status) VALUES (?, ?, ?, ?, ?, ?, 'pending')"),
                            {chainId, from, to, reason.trimmed(), requestedBy, now});
            !e)
            return e;
        auto id = query(QLatin1String("SELECT MAX(id) FROM ") + admin("reindex_requests") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!id)
            return id.error();
        request = {id->first()[0].toLongLong(), chainId, from, to, reason.trimmed(), requestedBy,
                   QDateTime::fromMSecsSinceEpoch(now), QStringLiteral("pending"), {}, {}};
        return {};
    });
    if (!s)
        return s.error();
    return request;
}

Result<QList<ReindexRequest>> Store::reindexRequests(qint64 chainId)
{
    auto rows = query(QLatin1String("SELECT id, from_block, to_block, reason, requested_by, requested_at, status, finished_at, error FROM ")
                          + admin("reindex_requests") + QLatin1String(" WHERE chain_id = ? ORDER BY id"),
                      {chainId});
    if (!rows)
        return rows.error();
    QList<ReindexRequest> out;
    for (const SqlRow &r : *rows) {
        out.append({r[0].toLongLong(), chainId, r[1].toLongLong(), r[2].toLongLong(), r[3].toString(), r[4].toString(),
                    QDateTime::fromMSecsSinceEpoch(r[5].toLongLong()), r[6].toString(),
                    r[7].isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(r[7].toLongLong()), r[8].toString()});
    }
    return out;
}

Status Store::failRequest(const char *table, qint64 id, const QString &error)
{
    return exec(QLatin1String("UPDATE ") + admin(table) + QLatin1String(" SET status = 'failed', finished_at = ?, error = ? WHERE id = ?"),
                {now(), error, id});
}

} // namespace arbor

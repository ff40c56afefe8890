// IndexStore: reorg rollback, global resync, audited reindex requests and the backfills of
// tokens added to live chains.

#include "store/indexstore.h"

#include "store/chainregistry.h"
#include "store/enginestore.h"
#include "store/triggerstore.h"

namespace arbor {

// --- reorgs, resync, reindex ----------------------------------------------------------------

Status IndexStore::rollBackTo(const ReorgRecord &reorg, const QList<EntityDef> &entities, qint64 leaseEpoch)
{
    const qint64 chain = reorg.chainId;
    const qint64 keep = reorg.ancestorBlock;
    return m_store.transaction([&]() -> Status {
        if (leaseEpoch > 0) {
            if (Status fenced = EngineStore(m_store).checkFence(chain, leaseEpoch); !fenced)
                return promoteRefused(PromoteRefusal::LeaseLost, fenced.error().message);
        }
        // Before the orphaned events go: their deliveries are cancelled, the triggers rewound.
        if (Status s = TriggerStore(m_store).cancelForRollback(chain, keep); !s)
            return s;
        // Holders touched by the orphaned transfers are computed again; until then their
        // balances count as of the ancestor, so the recomputation may lower them.
        if (Status s = m_store.enqueueHolders(chain, m_store.chainTable(chain, QStringLiteral("token_transfers")), QStringLiteral("block_number > ?"), {keep},
                                      BalanceUpdateType::Reorg);
            !s)
            return s;
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.chainTable(chain, QStringLiteral("token_balances"))
                                + QLatin1String(" SET last_block = ? WHERE last_block > ?"),
                            {keep, keep});
            !s)
            return s;
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.globalTable(QStringLiteral("token_balances"))
                                + QLatin1String(" SET last_block = ? WHERE chain_id = ? AND last_block > ?"),
                            {keep, chain, keep});
            !s)
            return s;
        for (const char *name : {"blocks", "token_transfers", "agent_events"}) {
            const EntityDef &e = requireEntity(entities, name);
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.chainTable(chain, e.name) + QLatin1String(" WHERE ")
                                    + e.versionColumn + QLatin1String(" > ?"),
                                {keep});
                !s)
                return s;
        }
        // Derived rows: summaries of the days above the ancestor; the agents touched above it
        // counted again from the events they have left (reorgs are rare; head ranges add).
        if (Status s = recomputeBlockSummaries(chain, keep + 1, std::max(keep + 1, reorg.oldHead), entities, true); !s)
            return s;
        QList<std::pair<QVariant, QVariant>> keys;
        for (const char *name : {"agent_identities", "agent_reputation"}) {
            auto rows = m_store.query(QLatin1String("SELECT registry, agent_id FROM ") + m_store.chainTable(chain, QLatin1String(name))
                                  + QLatin1String(" WHERE last_block > ?"),
                              {keep});
            if (!rows)
                return rows.error();
            for (const SqlRow &r : *rows)
                keys.append({r[0], r[1]});
        }
        if (Status s = recomputeAgents(chain, keys, entities, true); !s)
            return s;

        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("index_progress") + QLatin1String(" WHERE chain_id = ? AND from_block > ?"),
                            {chain, keep});
            !s)
            return s;
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("index_progress") + QLatin1String(" SET to_block = ? WHERE chain_id = ? AND to_block > ?"),
                            {keep, chain, keep});
            !s)
            return s;
        if (Status s = refreshIndexSummary(chain); !s)
            return s;
        // Backfills and reindex requests end at the ancestor now; what lay above is re-indexed
        // by the head scan.
        for (const char *table : {"backfills", "reindex_requests"}) {
            if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin(table)
                                    + QLatin1String(" SET to_block = ? WHERE chain_id = ? AND status = 'pending' AND to_block > ?"),
                                {keep, chain, keep});
                !s)
                return s;
        }
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("backfills")
                                + QLatin1String(" SET status = 'done', finished_at = ? WHERE chain_id = ? AND status = 'pending' AND next_block > to_block"),
                            {m_store.now(), chain});
            !s)
            return s;
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("reindex_requests")
                                + QLatin1String(" SET status = 'done', finished_at = ? WHERE chain_id = ? AND status = 'pending' AND from_block > to_block"),
                            {m_store.now(), chain});
            !s)
            return s;

        auto ancestor = m_store.query(QLatin1String("SELECT hash FROM ") + m_store.chainTable(chain, QStringLiteral("blocks")) + QLatin1String(" WHERE number = ?"),
                              {keep});
        if (!ancestor)
            return ancestor.error();
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chain}); !s)
            return s;
        if (!ancestor->isEmpty()) {
            if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("checkpoints")
                                    + QLatin1String(" (chain_id, block_number, block_hash, updated_at) VALUES (?, ?, ?, ?)"),
                                {chain, keep, ancestor->first()[0], m_store.now()});
                !s)
                return s;
        }
        return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("reorgs")
                        + QLatin1String(" (chain_id, detected_at, ancestor_block, depth, old_head, old_hash, new_hash) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                    {chain, m_store.now(), keep, reorg.depth, reorg.oldHead, reorg.oldHash.toBytes(), reorg.newHash.toBytes()});
    });
}

Result<QList<ReorgRecord>> IndexStore::reorgs(qint64 chainId)
{
    auto rows = m_store.query(QLatin1String("SELECT detected_at, ancestor_block, depth, old_head, old_hash, new_hash FROM ") + m_store.admin("reorgs")
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

Status IndexStore::resyncGlobal(qint64 chainId, const QList<EntityDef> &entities, const QString &table)
{
    bool found = table.isEmpty();
    return m_store.transaction([&]() -> Status {
        // Any engine may run a resync: the chain row's lock (PostgreSQL) orders it against the
        // promotions of the engine that indexes the chain, which take the same lock.
        if (m_store.backend() == Backend::Postgres) {
            if (Status s = m_store.exec(QLatin1String("SELECT chain_id FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ? FOR UPDATE"), {chainId}); !s)
                return s;
        }
        for (const EntityDef &e : entities) {
            if (!e.crossChain || (!table.isEmpty() && e.name != table))
                continue;
            found = true;
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.globalTable(e.name) + QLatin1String(" WHERE chain_id = ?"), {chainId}); !s)
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

Result<ReindexRequest> IndexStore::requestReindex(qint64 chainId, qint64 from, qint64 to, const QString &reason, const QString &requestedBy)
{
    if (from < 0 || to < from)
        return Error::invalid(QStringLiteral("range"), tr("The range must satisfy 0 ≤ --from ≤ --to (got %1–%2).").arg(from).arg(to));
    if (reason.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("reason"), tr("A reindex needs a reason for the audit log (--reason TEXT)."));
    auto cp = m_store.query(QLatin1String("SELECT block_number FROM ") + m_store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
    if (!cp)
        return cp.error();
    if (cp->isEmpty() || to > cp->first()[0].toLongLong())
        return Error::invalid(QStringLiteral("to"),
                              tr("Chain %1 is indexed through block %2; a reindex must end at or below it.")
                                  .arg(chainId)
                                  .arg(cp->isEmpty() ? tr("(nothing yet)") : cp->first()[0].toString()));
    ReindexRequest request;
    Status s = m_store.transaction([&]() -> Status {
        const qint64 now = m_store.now();
        if (Status e = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("reindex_requests")
                                + QLatin1String(" (chain_id, from_block, to_block, reason, requested_by, requested_at, status) VALUES (?, ?, ?, ?, ?, ?, 'pending')"),
                            {chainId, from, to, reason.trimmed(), requestedBy, now});
            !e)
            return e;
        auto id = m_store.query(QLatin1String("SELECT MAX(id) FROM ") + m_store.admin("reindex_requests") + QLatin1String(" WHERE chain_id = ?"), {chainId});
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

Result<QList<ReindexRequest>> IndexStore::reindexRequests(qint64 chainId)
{
    auto rows = m_store.query(QLatin1String("SELECT id, from_block, to_block, reason, requested_by, requested_at, status, finished_at, error FROM ")
                          + m_store.admin("reindex_requests") + QLatin1String(" WHERE chain_id = ? ORDER BY id"),
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

Status IndexStore::failRequest(const char *table, qint64 id, const QString &error)
{
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin(table) + QLatin1String(" SET status = 'failed', finished_at = ?, error = ? WHERE id = ?"),
                {m_store.now(), error, id});
}

// --- tokens added to live chains ------------------------------------------------------------

Result<Backfill> IndexStore::addToken(qint64 chainId, const TokenInfo &token, qint64 from)
{
    if (token.address.isZero())
        return Error::invalid(QStringLiteral("token"), tr("The zero address is not a token contract."));
    Backfill backfill;
    Status s = m_store.transaction([&]() -> Status {
        auto existing = m_store.query(QLatin1String("SELECT 1 FROM ") + m_store.admin("tokens") + QLatin1String(" WHERE chain_id = ? AND address = ?"),
                              {chainId, token.address.toBytes()});
        if (!existing)
            return existing.error();
        if (!existing->isEmpty())
            return Error::conflict(QStringLiteral("token"), tr("Chain %1 already indexes the token %2.").arg(chainId).arg(token.address.toChecksumHex()));
        // Taken after the chain row's lock (PostgreSQL), which promote() takes too: no range can be
        // promoted between reading the checkpoint and adding the token.
        auto locked = m_store.query(QLatin1String("SELECT state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?")
                                + (m_store.backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                            {chainId});
        if (!locked)
            return locked.error();
        auto cp = m_store.query(QLatin1String("SELECT block_number FROM ") + m_store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!cp)
            return cp.error();
        const qint64 to = cp->isEmpty() ? from - 1 : cp->first()[0].toLongLong();
        const qint64 now = m_store.now();
        if (Status e = ChainRegistry(m_store).insertToken(chainId, token, now, from); !e)
            return e;
        if (to < from)
            return {};   // nothing indexed yet: the head scan will see the token from the start
        if (Status e = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("backfills")
                                + QLatin1String(" (chain_id, address, contract_kind, from_block, to_block, next_block, status, created_at) "
                                                "VALUES (?, ?, 'token', ?, ?, ?, 'pending', ?)"),
                            {chainId, token.address.toBytes(), from, to, from, now});
            !e)
            return e;
        auto id = m_store.query(QLatin1String("SELECT MAX(id) FROM ") + m_store.admin("backfills") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!id)
            return id.error();
        backfill = {id->first()[0].toLongLong(), chainId, token.address, QStringLiteral("token"), from, to, from, QStringLiteral("pending")};
        return {};
    });
    if (!s)
        return s.error();
    return backfill;
}

} // namespace arbor

// Store: sync status, tokens added to live chains, endpoint health.

#include "store/store.h"

namespace arbor {

Result<QList<SyncStatusRow>> Store::syncStatus(const QList<EntityDef> &entities)
{
    auto all = chains();
    if (!all)
        return all.error();
    QList<SyncStatusRow> out;
    for (const ChainRecord &chain : *all) {
        if (chain.state == ChainState::Deleting)
            continue;
        std::optional<qint64> head;
        for (const EndpointRecord &e : chain.endpoints) {
            if (e.lastHead)
                head = std::max(head.value_or(0), *e.lastHead);
        }
        const qint64 id = chain.config.chainId;
        for (const EntityDef &e : entities) {
            SyncStatusRow row;
            row.chainId = id;
            row.chainName = chain.config.name;
            row.table = e.name;
            row.checkpoint = chain.checkpointBlock;
            row.head = head;
            if (head && chain.checkpointBlock)
                row.lag = std::max<qint64>(0, *head - *chain.checkpointBlock);
            auto count = rowCount(chainTable(id, e.name));
            if (!count)
                return count.error();
            row.productionRows = *count;
            if (e.crossChain) {
                const QString version = e.column(e.versionColumn)->globalName();
                auto global = query(QLatin1String("SELECT COUNT(*), MAX(") + version + QLatin1String(") FROM ") + globalTable(e.name)
                                        + QLatin1String(" WHERE chain_id = ?"),
                                    {id});
                if (!global)
                    return global.error();
                row.globalRows = global->first()[0].toLongLong();
                if (!global->first()[1].isNull())
                    row.lastSyncedHeight = global->first()[1].toLongLong();
            }
            out.append(row);
        }
    }
    return out;
}

Result<Backfill> Store::addToken(qint64 chainId, const TokenInfo &token, qint64 from)
{
    if (token.address.isZero())
        return Error::invalid(QStringLiteral("token"), tr("The zero address is not a token contract."));
    Backfill backfill;
    Status s = transaction([&]() -> Status {
        auto existing = query(QLatin1String("SELECT 1 FROM ") + admin("tokens") + QLatin1String(" WHERE chain_id = ? AND address = ?"),
                              {chainId, token.address.toBytes()});
        if (!existing)
            return existing.error();
        if (!existing->isEmpty())
            return Error::conflict(QStringLiteral("token"), tr("Chain %1 already indexes the token %2.").arg(chainId).arg(token.address.toChecksumHex()));
        // Taken after the chain row's lock (PostgreSQL), which promote() takes too: no range can be
        // promoted between reading the checkpoint and adding the token.
        auto locked = query(QLatin1String("SELECT state FROM ") + admin("chains") + QLatin1String(" WHERE chain_id = ?")
                                + (backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                            {chainId});
        if (!locked)
            return locked.error();
        auto cp = query(QLatin1String("SELECT block_number FROM ") + admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!cp)
            return cp.error();
        const qint64 to = cp->isEmpty() ? from - 1 : cp->first()[0].toLongLong();
        const qint64 now = this->now();
        if (Status e = insertToken(chainId, token, now, from); !e)
            return e;
        if (to < from)
            return {};   // nothing indexed yet: the head scan will see the token from the start
        if (Status e = exec(QLatin1String("INSERT INTO ") + admin("backfills")
                                + QLatin1String(" (chain_id, address, contract_kind, from_block, to_block, next_block, status, created_at) "
                                                "VALUES (?, ?, 'token', ?, ?, ?, 'pending', ?)"),
                            {chainId, token.address.toBytes(), from, to, from, now});
            !e)
            return e;
        auto id = query(QLatin1String("SELECT MAX(id) FROM ") + admin("backfills") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!id)
            return id.error();
        backfill = {id->first()[0].toLongLong(), chainId, token.address, QStringLiteral("token"), from, to, from, QStringLiteral("pending")};
        return {};
    });
    if (!s)
        return s.error();
    return backfill;
}

Status Store::setEndpointHistory(qint64 endpointId, bool servesHistory, const QString &note)
{
    return exec(QLatin1String("UPDATE ") + admin("rpc_endpoints") + QLatin1String(" SET serves_history = ?, history_note = ? WHERE id = ?"),
                {servesHistory, note.isEmpty() ? QVariant() : QVariant(note.left(500)), endpointId});
}

Status Store::saveEndpointHealth(const QList<EndpointRecord> &endpoints)
{
    return transaction([&]() -> Status {
        const qint64 now = this->now();
        for (const EndpointRecord &e : endpoints) {
            if (Status s = exec(QLatin1String("UPDATE ") + admin("rpc_endpoints")
                                    + QLatin1String(" SET status = ?, latency_ms = ?, error_rate = ?, last_head = COALESCE(?, last_head), "
                                                    "last_error = ?, last_error_at = ?, request_count = ?, failure_count = ?, learned_rps = ?, max_batch = ?, "
                                                    "log_range_limit = ?, log_result_limit = ?, updated_at = ? WHERE id = ?"),
                                {e.status, e.latencyMs ? QVariant(*e.latencyMs) : QVariant(), e.errorRate,
                                 e.lastHead ? QVariant(*e.lastHead) : QVariant(), e.lastError.isEmpty() ? QVariant() : QVariant(e.lastError),
                                 e.lastErrorAt.isValid() ? QVariant(e.lastErrorAt.toMSecsSinceEpoch()) : QVariant(), e.requests, e.failures,
                                 positiveOrNull(e.limits.learnedRate), positiveOrNull(e.limits.maxBatch), positiveOrNull(e.limits.logRangeLimit),
                                 positiveOrNull(e.limits.logResultLimit), now, e.id});
                !s)
                return s;
        }
        return {};
    });
}

} // namespace arbor

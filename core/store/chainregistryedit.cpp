// ChainRegistry: editing a registered chain (name, endpoints, poll interval, confirmations, RPC
// rate, registries added to the live chain).

#include "store/chainregistry.h"

namespace arbor {
namespace {

/// The blocks of `chain` indexed so far, from its start block to its checkpoint (to < from: none),
/// which a backfill of a registry or of every header covers.
Result<std::pair<qint64, qint64>> indexedHistory(Store &store, const ChainRecord &chain)
{
    auto cp = store.query(QLatin1String("SELECT block_number FROM ") + store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"),
                          {chain.config.chainId});
    if (!cp)
        return cp.error();
    const qint64 from = chain.config.startBlock.value_or(0);
    return std::pair<qint64, qint64>{from, cp->isEmpty() ? from - 1 : cp->first()[0].toLongLong()};
}

} // namespace

Status ChainRegistry::checkNameIsFree(const QString &name, qint64 chainId)
{
    auto rows = m_store.query(QLatin1String("SELECT chain_id FROM ") + m_store.admin("chains") + QLatin1String(" WHERE name = ? AND chain_id <> ?"),
                              {name, chainId});
    if (!rows)
        return rows.error();
    if (!rows->isEmpty())
        return Error::conflict(QStringLiteral("name"), tr("The name “%1” is already used by chain %2; choose another name.")
                                                           .arg(name).arg(rows->first()[0].toLongLong()));
    return {};
}

Status ChainRegistry::switchBlockStats(const ChainRecord &chain, BlockStats stats)
{
    // A headers backfill is a backfills row of kind 'headers' whose address is twenty zero bytes.
    const qint64 chainId = chain.config.chainId;
    if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("backfills")
                                    + QLatin1String(" WHERE chain_id = ? AND contract_kind = 'headers' AND status = 'pending'"),
                                {chainId});
        !s)
        return s;
    if (stats != BlockStats::Every)
        return {};
    // Every header of what is indexed: the head scan fetches every header from now on.
    auto indexed = indexedHistory(m_store, chain);
    if (!indexed)
        return indexed.error();
    const auto [from, to] = *indexed;
    if (to < from)
        return {};
    return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("backfills")
                            + QLatin1String(" (chain_id, address, contract_kind, from_block, to_block, next_block, status, created_at) "
                                            "VALUES (?, ?, 'headers', ?, ?, ?, 'pending', ?)"),
                        {chainId, Address().toBytes(), from, to, from, m_store.now()});
}

Status ChainRegistry::editChain(qint64 chainId, const ChainEdit &edit, const QList<EndpointRecord> &added)
{
    return m_store.transaction([&]() -> Status {
        // The chain row's lock (PostgreSQL), which promote() takes too: no range is promoted
        // between reading the checkpoint and adding a registry.
        auto locked = m_store.query(QLatin1String("SELECT state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?")
                                        + (m_store.backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                                    {chainId});
        if (!locked)
            return locked.error();
        auto found = findChain(ChainRef{chainId, {}});
        if (!found)
            return found.error();
        if (!*found)
            return Error::notFound(QStringLiteral("chain"), tr("No chain with id %1.").arg(chainId));
        const ChainRecord &chain = **found;
        auto config = edit.apply(chain);
        if (!config)
            return config.error();
        if (edit.name) {
            if (Status s = checkNameIsFree(config->name, chainId); !s)
                return s;
        }
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("chains")
                                        + QLatin1String(" SET name = ?, poll_interval_ms = ?, confirmations = ?, block_stats = ? WHERE chain_id = ?"),
                                    {config->name, config->pollIntervalMs, config->confirmations, blockStatsName(config->blockStats), chainId});
            !s)
            return s;
        if (config->blockStats != chain.config.blockStats) {
            if (Status s = switchBlockStats(chain, config->blockStats); !s)
                return s;
        }

        for (const QUrl &url : edit.removeRpcUrls) {
            for (const EndpointRecord &e : chain.endpoints) {
                if (rpcUrlKey(e.url) != rpcUrlKey(url))
                    continue;
                if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("rpc_endpoints") + QLatin1String(" WHERE id = ?"), {e.id}); !s)
                    return s;
            }
        }
        int priority = 0;
        for (const EndpointRecord &e : chain.endpoints)
            priority = std::max(priority, e.priority + 1);
        const qint64 now = m_store.now();
        for (const QUrl &url : edit.addRpcUrls) {
            const auto probed = std::find_if(added.cbegin(), added.cend(), [&](const EndpointRecord &e) { return rpcUrlKey(e.url) == rpcUrlKey(url); });
            if (probed == added.cend())
                return Error::internal(tr("The RPC URL %1 was not probed; nothing was changed.").arg(url.toDisplayString()));
            const EndpointRecord &e = *probed;
            auto optional = [](const auto &v) { return v ? QVariant(*v) : QVariant(); };
            auto text = [](const QString &v) { return v.isEmpty() ? QVariant() : QVariant(v); };
            auto learned = [](auto v) { return v > 0 ? QVariant::fromValue(v) : QVariant(); };
            if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("rpc_endpoints")
                                            + QLatin1String(" (chain_id, url, priority, status, latency_ms, last_head, last_error, client_version, updated_at, "
                                                            "max_rps, serves_history, history_note, learned_rps, max_batch, log_range_limit, log_result_limit) "
                                                            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                        {chainId, url.toString(), priority++, endpointStatusToken(e.status == EndpointStatus::Unknown ? EndpointStatus::Ok : e.status), optional(e.latencyMs),
                                         optional(e.lastHead), text(e.lastError), text(e.clientVersion), now, config->rpcRateLimit,
                                         optional(e.servesHistory), text(e.historyNote), learned(e.limits.learnedRate), learned(e.limits.maxBatch),
                                         learned(e.limits.logRangeLimit), learned(e.limits.logResultLimit)});
                !s)
                return s;
        }
        if (!edit.rpcUrlOrder.isEmpty()) {
            // The order apply() gave: the first URL is tried first.
            for (qsizetype i = 0; i < config->rpcUrls.size(); ++i) {
                const QString key = rpcUrlKey(config->rpcUrls[i]);
                const auto stored = std::find_if(chain.endpoints.cbegin(), chain.endpoints.cend(), [&](const EndpointRecord &e) { return rpcUrlKey(e.url) == key; });
                // A URL the chain had, by its row; one added just now, as it was inserted.
                Status s = stored != chain.endpoints.cend()
                               ? m_store.exec(QLatin1String("UPDATE ") + m_store.admin("rpc_endpoints") + QLatin1String(" SET priority = ? WHERE id = ?"), {int(i), stored->id})
                               : m_store.exec(QLatin1String("UPDATE ") + m_store.admin("rpc_endpoints") + QLatin1String(" SET priority = ? WHERE chain_id = ? AND url = ?"),
                                              {int(i), chainId, config->rpcUrls[i].toString()});
                if (!s)
                    return s;
            }
        }
        if (edit.rpcRateLimit) {
            if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("rpc_endpoints") + QLatin1String(" SET max_rps = ? WHERE chain_id = ?"),
                                        {*edit.rpcRateLimit, chainId});
                !s)
                return s;
        }

        if (edit.addRegistries.isEmpty())
            return {};
        auto indexed = indexedHistory(m_store, chain);
        if (!indexed)
            return indexed.error();
        const auto [from, to] = *indexed;
        for (const RegistryRef &r : edit.addRegistries) {
            if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("registries") + QLatin1String(" (chain_id, kind, address, added_at) VALUES (?, ?, ?, ?)"),
                                        {chainId, registryKindName(r.kind), r.address.toBytes(), now});
                !s)
                return s;
            if (to < from)
                continue;   // nothing indexed yet: the head scan sees the registry from the start
            if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("backfills")
                                            + QLatin1String(" (chain_id, address, contract_kind, from_block, to_block, next_block, status, created_at) "
                                                            "VALUES (?, ?, ?, ?, ?, ?, 'pending', ?)"),
                                        {chainId, r.address.toBytes(), registryKindName(r.kind), from, to, from, now});
                !s)
                return s;
        }
        return {};
    });
}

} // namespace arbor

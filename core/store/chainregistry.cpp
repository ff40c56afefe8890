// ChainRegistry: chain registration, state, the deletion steps, endpoints and sync status.

#include "store/chainregistry.h"

#include "store/triggerstore.h"

#include <QCoreApplication>
#include <QSet>

#include <cmath>

namespace arbor {
namespace {

ChainState parseState(const QString &s)
{
    if (s == u"paused")
        return ChainState::Paused;
    if (s == u"deleting")
        return ChainState::Deleting;
    return ChainState::Active;
}

/// A learned limit as stored: NULL until learned (0).
template<typename T>
QVariant positiveOrNull(T value)
{
    return value > 0 ? QVariant::fromValue(value) : QVariant();
}

std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

} // namespace

Result<QList<ChainRecord>> ChainRegistry::chains()
{
    auto rows = m_store.query(QLatin1String("SELECT c.chain_id, c.name, c.state, c.start_block, c.confirmations, c.poll_interval_ms, "
                                    "c.created_at, k.block_number, c.block_stats, c.sampled_logs_per_block FROM ")
                      + m_store.admin("chains") + QLatin1String(" c LEFT JOIN ") + m_store.admin("checkpoints")
                      + QLatin1String(" k ON k.chain_id = c.chain_id ORDER BY c.chain_id"));
    if (!rows)
        return rows.error();
    auto endpoints = m_store.query(QLatin1String("SELECT chain_id, id, url, priority, status, latency_ms, last_head, last_error, client_version, max_rps, error_rate, request_count, failure_count, last_error_at, serves_history, history_note, "
                                         "learned_rps, max_batch, log_range_limit, log_result_limit, last_head_at, rpc_prices FROM ")
                           + m_store.admin("rpc_endpoints") + QLatin1String(" ORDER BY chain_id, priority"));
    if (!endpoints)
        return endpoints.error();
    auto calls = m_store.query(QLatin1String("SELECT endpoint_id, method, calls, failed FROM ") + m_store.admin("rpc_call_counts"));
    if (!calls)
        return calls.error();
    QHash<qint64, RpcCalls> callsByEndpoint;
    for (const SqlRow &r : *calls)
        callsByEndpoint[r[0].toLongLong()].byMethod.insert(r[1].toString(), MethodCalls{r[2].toLongLong(), r[3].toLongLong()});
    auto tokens = m_store.query(QLatin1String("SELECT chain_id, address, name, symbol, decimals, deploy_block, deploy_block_note, balance_mode, balance_mode_reason FROM ") + m_store.admin("tokens")
                        + QLatin1String(" ORDER BY chain_id, added_at, address"));
    if (!tokens)
        return tokens.error();

    auto headerBackfills = m_store.query(QLatin1String("SELECT chain_id, from_block, to_block, next_block FROM ") + m_store.admin("backfills")
                                         + QLatin1String(" WHERE contract_kind = 'headers' AND status = 'pending' ORDER BY id"));
    if (!headerBackfills)
        return headerBackfills.error();

    QList<ChainRecord> out;
    QHash<qint64, qsizetype> index;
    for (const SqlRow &r : *rows) {
        ChainRecord c;
        c.config.chainId = r[0].toLongLong();
        c.config.name = r[1].toString();
        c.state = parseState(r[2].toString());
        c.config.startBlock = optionalInt(r[3]);
        c.config.confirmations = r[4].toInt();
        c.config.pollIntervalMs = r[5].toInt();
        c.createdAt = QDateTime::fromMSecsSinceEpoch(r[6].toLongLong());
        c.checkpointBlock = optionalInt(r[7]);
        c.config.blockStats = r[8].toString() == u"events" ? BlockStats::Events : BlockStats::Every;
        if (!r[9].isNull())
            c.sampledLogsPerBlock = r[9].toDouble();
        index.insert(c.config.chainId, out.size());
        out.append(c);
    }
    for (const SqlRow &r : *endpoints) {
        auto it = index.constFind(r[0].toLongLong());
        if (it == index.constEnd())
            continue;
        EndpointRecord e;
        e.id = r[1].toLongLong();
        e.url = QUrl(r[2].toString());
        e.priority = r[3].toInt();
        e.status = endpointStatusFromToken(r[4].toString()).value_or(EndpointStatus::Unknown);
        if (!r[5].isNull())
            e.latencyMs = r[5].toDouble();
        e.lastHead = optionalInt(r[6]);
        e.lastError = r[7].toString();
        e.clientVersion = r[8].toString();
        e.maxRequestsPerSecond = r[9].toDouble();
        e.errorRate = r[10].toDouble();
        e.requests = r[11].toLongLong();
        e.failures = r[12].toLongLong();
        if (!r[13].isNull())
            e.lastErrorAt = QDateTime::fromMSecsSinceEpoch(r[13].toLongLong());
        if (!r[14].isNull())
            e.servesHistory = r[14].toBool();
        e.historyNote = r[15].toString();
        e.limits.learnedRate = r[16].toDouble();
        e.limits.maxBatch = r[17].toInt();
        e.limits.logRangeLimit = r[18].toLongLong();
        e.limits.logResultLimit = r[19].toLongLong();
        if (!r[20].isNull())
            e.lastHeadAt = QDateTime::fromMSecsSinceEpoch(r[20].toLongLong());
        // A price the operator set through arborctl; unreadable only if edited by hand: shown as none.
        e.prices = RpcPrices::fromJson(r[21].toString(), QStringLiteral("rpc prices")).value_or(RpcPrices());
        e.calls = callsByEndpoint.value(e.id);
        ChainRecord &chain = out[*it];
        chain.endpoints.append(e);
        chain.config.rpcUrls.append(e.url);
    }
    for (const SqlRow &r : *tokens) {
        auto it = index.constFind(r[0].toLongLong());
        if (it == index.constEnd())
            continue;
        auto address = Address::fromBytes(r[1].toByteArray());
        if (!address)
            continue;
        TokenInfo t;
        t.address = *address;
        t.name = r[2].toString();
        t.symbol = r[3].toString();
        if (!r[4].isNull())
            t.decimals = r[4].toInt();
        t.deployBlock = optionalInt(r[5]);
        t.deployBlockNote = r[6].toString();
        t.balanceMode = parseBalanceMode(r[7].toString()).value_or(BalanceMode::Transfers);
        t.balanceModeReason = r[8].toString();
        out[*it].config.tokens.append(*address);
        out[*it].tokens.append(t);
    }
    auto registries = m_store.query(QLatin1String("SELECT chain_id, kind, address FROM ") + m_store.admin("registries") + QLatin1String(" ORDER BY chain_id, kind"));
    if (!registries)
        return registries.error();
    for (const SqlRow &r : *registries) {
        auto it = index.constFind(r[0].toLongLong());
        auto kind = registryKindFromName(r[1].toString());
        auto address = Address::fromBytes(r[2].toByteArray());
        if (it != index.constEnd() && kind && address)
            out[*it].config.registries.append({*kind, *address});
    }
    for (const SqlRow &r : *headerBackfills) {
        auto it = index.constFind(r[0].toLongLong());
        if (it != index.constEnd() && !out[*it].headerBackfill)
            out[*it].headerBackfill = HeaderBackfill{r[1].toLongLong(), r[2].toLongLong(), r[3].toLongLong()};
    }
    return out;
}

Result<std::optional<ChainRecord>> ChainRegistry::findChain(const ChainRef &ref)
{
    auto all = chains();
    if (!all)
        return all.error();
    for (const ChainRecord &c : *all) {
        if ((ref.id && c.config.chainId == *ref.id) || (!ref.id && c.config.name == ref.name))
            return std::optional<ChainRecord>(c);
    }
    return std::optional<ChainRecord>();
}

Status ChainRegistry::checkChainIsNew(const ChainConfig &config)
{
    auto rows = m_store.query(QLatin1String("SELECT chain_id, name, state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ? OR name = ?"),
                      {config.chainId, config.name});
    if (!rows)
        return rows.error();
    for (const SqlRow &r : *rows) {
        const bool deleting = r[2].toString() == u"deleting";
        const QString suffix = deleting ? tr(" It is being deleted; wait for the deletion to finish.") : QString();
        if (r[0].toLongLong() == config.chainId)
            return Error::conflict(QStringLiteral("chain id"), tr("Chain id %1 is already registered as “%2”.").arg(config.chainId).arg(r[1].toString()) + suffix);
        return Error::conflict(QStringLiteral("name"), tr("The name “%1” is already used by chain %2; choose another name.").arg(config.name).arg(r[0].toLongLong()) + suffix);
    }
    return {};
}

Status ChainRegistry::insertToken(qint64 chainId, const TokenInfo &t, qint64 now, qint64 indexedFrom)
{
    auto text = [](const QString &v) { return v.isEmpty() ? QVariant() : QVariant(v); };
    // A token the probe did not decide for: sums of transfers are exact only when every
    // transfer since deployment is indexed.
    BalanceMode mode = BalanceMode::BalanceOf;
    QString reason = t.balanceModeReason;
    if (t.balanceMode) {
        mode = *t.balanceMode;
    } else if (indexedFrom <= 0 || (t.deployBlock && indexedFrom <= *t.deployBlock)) {
        mode = BalanceMode::Transfers;
        if (reason.isEmpty())
            reason = indexedFrom <= 0 ? tr("The chain is indexed from its first block.")
                                      : tr("Indexed from block %1, at or before its deployment at block %2.").arg(indexedFrom).arg(*t.deployBlock);
    } else if (reason.isEmpty()) {
        reason = tr("Indexed from block %1; whether the token has Transfers before it is not known, and balanceOf is exact either way.")
                     .arg(indexedFrom);
    }
    return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("tokens")
                    + QLatin1String(" (chain_id, address, name, symbol, decimals, deploy_block, deploy_block_note, added_at, balance_mode, "
                                    "balance_mode_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {chainId, t.address.toBytes(), text(t.name), text(t.symbol), t.decimals ? QVariant(*t.decimals) : QVariant(),
                 t.deployBlock ? QVariant(*t.deployBlock) : QVariant(), text(t.deployBlockNote), now, balanceModeName(mode), text(reason)});
}

Status ChainRegistry::registerChain(const ChainConfig &config, const QList<EndpointRecord> &endpoints, const QList<EntityDef> &entities,
                            const QList<TokenInfo> &tokens)
{
    if (Status v = config.validate(); !v)
        return v;
    return m_store.transaction([&]() -> Status {
        if (Status s = checkChainIsNew(config); !s)
            return s;
        const qint64 now = m_store.now();
        Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("chains")
                            + QLatin1String(" (chain_id, name, state, start_block, confirmations, poll_interval_ms, created_at, block_stats) "
                                            "VALUES (?, ?, 'active', ?, ?, ?, ?, ?)"),
                        {config.chainId, config.name, config.startBlock ? QVariant(*config.startBlock) : QVariant(),
                         config.confirmations, config.pollIntervalMs, now, blockStatsName(config.blockStats)});
        if (!s)
            return s;
        for (const EndpointRecord &e : endpoints) {
            s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("rpc_endpoints")
                         + QLatin1String(" (chain_id, url, priority, status, latency_ms, last_head, last_error, client_version, updated_at, max_rps, "
                                         "serves_history, history_note, learned_rps, max_batch, log_range_limit, log_result_limit) "
                                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                     {config.chainId, e.url.toString(), e.priority, endpointStatusToken(e.status),
                      e.latencyMs ? QVariant(*e.latencyMs) : QVariant(), e.lastHead ? QVariant(*e.lastHead) : QVariant(),
                      e.lastError.isEmpty() ? QVariant() : QVariant(e.lastError),
                      e.clientVersion.isEmpty() ? QVariant() : QVariant(e.clientVersion), now, e.maxRequestsPerSecond,
                      e.servesHistory ? QVariant(*e.servesHistory) : QVariant(), e.historyNote.isEmpty() ? QVariant() : QVariant(e.historyNote),
                      positiveOrNull(e.limits.learnedRate), positiveOrNull(e.limits.maxBatch), positiveOrNull(e.limits.logRangeLimit),
                      positiveOrNull(e.limits.logResultLimit)});
            if (!s)
                return s;
        }
        for (const Address &token : config.tokens) {
            TokenInfo info;
            info.address = token;
            for (const TokenInfo &t : tokens) {
                if (t.address == token)
                    info = t;
            }
            if (s = insertToken(config.chainId, info, now, config.startBlock.value_or(0)); !s)
                return s;
        }
        for (const RegistryRef &r : config.registries) {
            s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("registries") + QLatin1String(" (chain_id, kind, address, added_at) VALUES (?, ?, ?, ?)"),
                     {config.chainId, registryKindName(r.kind), r.address.toBytes(), now});
            if (!s)
                return s;
        }
        s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("index_summary") + QLatin1String(" (chain_id) VALUES (?)"), {config.chainId});
        if (!s)
            return s;
        // A new chain's days and agents are all counted as they are promoted.
        s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("aggregate_state")
                             + QLatin1String(" (chain_id, network_recounted_at, agents_recounted_at) VALUES (?, ?, ?)"),
                         {config.chainId, now, now});
        if (!s)
            return s;
        for (const QString &statement : ddl::createChain(m_store.backend(), config.chainId, entities)) {
            if (Status e = m_store.exec(statement); !e)
                return e;
        }
        return {};
    });
}

Status ChainRegistry::setEventSample(qint64 chainId, double logsPerBlock)
{
    if (!(logsPerBlock >= 0) || !std::isfinite(logsPerBlock))
        return Error::invalid(QStringLiteral("sample"), tr("Events per block must be a number of at least 0, not %1.").arg(logsPerBlock));
    auto updated = m_store.query(QLatin1String("UPDATE ") + m_store.admin("chains") + QLatin1String(" SET sampled_logs_per_block = ? WHERE chain_id = ? RETURNING chain_id"),
                                 {logsPerBlock, chainId});
    if (!updated)
        return updated.error();
    if (updated->isEmpty())
        return Error::notFound(QStringLiteral("chain"), tr("No chain %1 is registered.").arg(chainId));
    return {};
}

Status ChainRegistry::setChainState(qint64 chainId, ChainState state)
{
    auto rows = m_store.query(QLatin1String("SELECT state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?"), {chainId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::notFound(QStringLiteral("chain"), tr("No chain with id %1.").arg(chainId));
    if (rows->first().first().toString() == u"deleting" && state != ChainState::Deleting)
        return Error::conflict(QStringLiteral("chain"), tr("Chain %1 is being deleted and cannot be paused or resumed.").arg(chainId));
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("chains") + QLatin1String(" SET state = ? WHERE chain_id = ?"),
                {chainStateName(state), chainId});
}

Result<QList<DeletionRecord>> ChainRegistry::deletionJournal(qint64 chainId)
{
    auto rows = m_store.query(QLatin1String("SELECT step, name, status, started_at, finished_at FROM ") + m_store.admin("chain_deletions")
                          + QLatin1String(" WHERE chain_id = ? ORDER BY step"),
                      {chainId});
    if (!rows)
        return rows.error();
    QList<DeletionRecord> out;
    for (const SqlRow &r : *rows) {
        DeletionRecord d;
        d.step = r[0].toInt();
        d.name = r[1].toString();
        d.status = r[2].toString();
        d.startedAt = QDateTime::fromMSecsSinceEpoch(r[3].toLongLong());
        if (!r[4].isNull())
            d.finishedAt = QDateTime::fromMSecsSinceEpoch(r[4].toLongLong());
        out.append(d);
    }
    return out;
}

Result<QList<qint64>> ChainRegistry::chainsBeingDeleted()
{
    auto rows = m_store.query(QLatin1String("SELECT chain_id FROM ") + m_store.admin("chains") + QLatin1String(" WHERE state = 'deleting' UNION SELECT chain_id FROM ")
                      + m_store.admin("chain_deletions") + QLatin1String(" ORDER BY 1"));
    if (!rows)
        return rows.error();
    QList<qint64> out;
    for (const SqlRow &r : *rows)
        out.append(r[0].toLongLong());
    return out;
}

Status ChainRegistry::recordDeletionStep(qint64 chainId, int step, const QString &name, bool done)
{
    if (!done) {
        return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("chain_deletions")
                        + QLatin1String(" (chain_id, step, name, status, started_at) VALUES (?, ?, ?, 'started', ?) "
                                        "ON CONFLICT (chain_id, step) DO UPDATE SET status = 'started', started_at = excluded.started_at"),
                    {chainId, step, name, m_store.now()});
    }
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("chain_deletions")
                    + QLatin1String(" SET status = 'done', finished_at = ? WHERE chain_id = ? AND step = ?"),
                {m_store.now(), chainId, step});
}

Status ChainRegistry::markChainDeleting(qint64 chainId)
{
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("chains") + QLatin1String(" SET state = 'deleting', deleted_at = COALESCE(deleted_at, ?) WHERE chain_id = ?"),
                {m_store.now(), chainId});
}

Status ChainRegistry::removeGlobalRows(qint64 chainId, const QList<EntityDef> &entities)
{
    return m_store.transaction([&]() -> Status {
        for (const EntityDef &e : entities) {
            if (!e.crossChain)
                continue;
            const QString table = ddl::entityTable(m_store.backend(), ddl::TableKind::Global, 0, e.name);
            if (!m_store.tableExists(table))
                continue;
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE chain_id = ?"), {chainId}); !s)
                return s;
        }
        return {};
    });
}

Status ChainRegistry::deleteTrackingRows(qint64 chainId)
{
    m_store.forgetDayHolders(chainId);
    return m_store.transaction([&]() -> Status {
        // Triggers reference the chain row; their open deliveries are cancelled, results stay.
        if (Status s = TriggerStore(m_store).removeChain(chainId); !s)
            return s;
        for (const char *table : {"agent_registrations", "agent_mcp_tokens", "rpc_call_counts", "rpc_endpoints", "tokens", "registries", "backfills", "reorgs", "index_progress", "index_summary",
                                  "reindex_requests", "checkpoints", "balance_update_queue", "queue_config", "queue_health",
                                  "balance_snapshot_days", "network_day_holders", "aggregate_state"}) {
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin(table) + QLatin1String(" WHERE chain_id = ?"), {chainId}); !s)
                return s;
        }
        return {};
    });
}

Status ChainRegistry::dropChainTables(qint64 chainId)
{
    m_store.forgetOnDemandIndexes(chainId);
    return m_store.dropChainNamespace(chainId);
}

Status ChainRegistry::forgetChain(qint64 chainId)
{
    return m_store.transaction([&]() -> Status {
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?"), {chainId}); !s)
            return s;
        return m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("chain_deletions") + QLatin1String(" WHERE chain_id = ?"), {chainId});
    });
}

Status ChainRegistry::setEndpointHistory(qint64 endpointId, bool servesHistory, const QString &note)
{
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("rpc_endpoints") + QLatin1String(" SET serves_history = ?, history_note = ? WHERE id = ?"),
                {servesHistory, note.isEmpty() ? QVariant() : QVariant(note.left(500)), endpointId});
}

Status ChainRegistry::saveEndpointHealth(const QList<EndpointRecord> &endpoints)
{
    return m_store.transaction([&]() -> Status {
        const qint64 now = m_store.now();
        for (const EndpointRecord &e : endpoints) {
            if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("rpc_endpoints")
                                    + QLatin1String(" SET status = ?, latency_ms = ?, error_rate = ?, last_head = COALESCE(?, last_head), "
                                                    "last_error = ?, last_error_at = ?, request_count = ?, failure_count = ?, learned_rps = ?, max_batch = ?, "
                                                    "log_range_limit = ?, log_result_limit = ?, last_head_at = COALESCE(?, last_head_at), updated_at = ? WHERE id = ?"),
                                {endpointStatusToken(e.status), e.latencyMs ? QVariant(*e.latencyMs) : QVariant(), e.errorRate,
                                 e.lastHead ? QVariant(*e.lastHead) : QVariant(), e.lastError.isEmpty() ? QVariant() : QVariant(e.lastError),
                                 e.lastErrorAt.isValid() ? QVariant(e.lastErrorAt.toMSecsSinceEpoch()) : QVariant(), e.requests, e.failures,
                                 positiveOrNull(e.limits.learnedRate), positiveOrNull(e.limits.maxBatch), positiveOrNull(e.limits.logRangeLimit),
                                 positiveOrNull(e.limits.logResultLimit),
                                 e.lastHeadAt.isValid() ? QVariant(e.lastHeadAt.toMSecsSinceEpoch()) : QVariant(), now, e.id});
                !s)
                return s;
        }
        return {};
    });
}

Status ChainRegistry::addCalls(qint64 chainId, const QHash<qint64, RpcCalls> &byEndpoint)
{
    if (byEndpoint.isEmpty())
        return {};
    return m_store.transaction([&]() -> Status {
        auto ids = m_store.query(QLatin1String("SELECT id FROM ") + m_store.admin("rpc_endpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!ids)
            return ids.error();
        QSet<qint64> known;
        for (const SqlRow &r : *ids)
            known.insert(r[0].toLongLong());
        const QString sql = QLatin1String("INSERT INTO ") + m_store.admin("rpc_call_counts")
            + QLatin1String(" AS c (chain_id, endpoint_id, method, calls, failed, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
                            "ON CONFLICT (endpoint_id, method) DO UPDATE SET calls = c.calls + excluded.calls, "
                            "failed = c.failed + excluded.failed, updated_at = excluded.updated_at");
        const qint64 now = m_store.now();
        for (auto e = byEndpoint.cbegin(); e != byEndpoint.cend(); ++e) {
            if (!known.contains(e.key()))
                continue;   // removed from the chain meanwhile: its counts went with it
            for (auto m = e->byMethod.cbegin(); m != e->byMethod.cend(); ++m) {
                if (Status s = m_store.exec(sql, {chainId, e.key(), m.key(), m->calls, m->failed, now}); !s)
                    return s;
            }
        }
        return {};
    });
}

Status ChainRegistry::setEndpointPrices(qint64 endpointId, const RpcPrices &prices)
{
    const QString json = prices.toJson();
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("rpc_endpoints") + QLatin1String(" SET rpc_prices = ? WHERE id = ?"),
                        {json.isEmpty() ? QVariant() : QVariant(json), endpointId});
}

// --- status ---------------------------------------------------------------------------------

Result<QList<SyncStatusRow>> ChainRegistry::syncStatus(const QList<EntityDef> &entities, const QList<qint64> &only)
{
    auto all = chains();
    if (!all)
        return all.error();
    QList<SyncStatusRow> out;
    for (const ChainRecord &chain : *all) {
        if (chain.state == ChainState::Deleting || (!only.isEmpty() && !only.contains(chain.config.chainId)))
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
            auto count = m_store.rowCount(m_store.chainTable(id, e.name));
            if (!count)
                return count.error();
            row.productionRows = *count;
            if (e.crossChain) {
                const QString version = e.column(e.versionColumn)->globalName();
                auto global = m_store.query(QLatin1String("SELECT COUNT(*), MAX(") + version + QLatin1String(") FROM ") + m_store.globalTable(e.name)
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

} // namespace arbor

// Store: what indexing writes. Stage then promote, one transaction per range; derived per-chain
// rows (block summaries, agent state) recomputed from production rows for the keys a range
// touched; global rows synced from them.

#include "store/store.h"

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>

namespace arbor {
namespace {

QVariant bytes(const Hash &h) { return h.toBytes(); }
QVariant bytes(const Address &a) { return a.toBytes(); }
// A row's hashes and addresses point into the batch being promoted instead of copying it:
// four allocations less per transfer, and the rows never outlive the batch.
QVariant view(QByteArrayView b) { return QByteArray::fromRawData(b.constData(), b.size()); }

template<typename T>
QVariant opt(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}
QVariant optBytes(const std::optional<Address> &a) { return a ? QVariant(a->toBytes()) : QVariant(); }
QVariant optBytes(const std::optional<Hash> &h) { return h ? QVariant(h->toBytes()) : QVariant(); }

QStringList columnNames(const EntityDef &e)
{
    QStringList out;
    for (const ColumnDef &c : e.columns)
        out.append(c.name);
    return out;
}


} // namespace

QString Store::chainTable(qint64 chainId, const QString &entity, bool staging) const
{
    return ddl::entityTable(backend(), staging ? ddl::TableKind::Staging : ddl::TableKind::Production, chainId, entity);
}

QString Store::globalTable(const QString &entity) const
{
    return ddl::entityTable(backend(), ddl::TableKind::Global, 0, entity);
}

// --- rows ----------------------------------------------------------------------------------

SqlRow Store::blockRow(const BlockHeader &h) const
{
    return {h.number, view(h.hash.bytes()), view(h.parentHash.bytes()), h.timestamp, h.txCount, h.gasUsed};
}

SqlRow Store::transferRow(const TokenTransfer &t) const
{
    return {t.blockNumber, t.logIndex, view(t.txHash.bytes()), view(t.token.bytes()), view(t.from.bytes()), view(t.to.bytes()),
            u256Value(t.value)};
}

SqlRow Store::agentEventRow(const AgentEvent &e) const
{
    return {e.blockNumber, e.logIndex, bytes(e.txHash), bytes(e.registry), registryKindName(e.kind), e.event,
            u256Value(e.agentId), optBytes(e.actor), optBytes(e.counterparty), opt(e.feedbackIndex), opt(e.value),
            opt(e.valueDecimals), opt(e.tag1), opt(e.tag2), opt(e.uri), optBytes(e.dataHash), opt(e.metadataKey),
            opt(e.metadataValue), opt(e.response), opt(e.endpoint), optBytes(e.requestHash)};
}

// --- plan ----------------------------------------------------------------------------------

Result<QList<IndexRange>> Store::indexRanges(qint64 chainId)
{
    auto rows = query(QLatin1String("SELECT from_block, to_block FROM ") + admin("index_progress")
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

Result<ChainIndexPlan> Store::indexPlan(qint64 chainId)
{
    auto chain = findChain(ChainRef{chainId, {}});
    if (!chain)
        return chain.error();
    if (!*chain)
        return Error::notFound(QStringLiteral("chain"), tr("No chain with id %1.").arg(chainId));
    ChainIndexPlan plan;
    plan.chain = **chain;

    auto registries = query(QLatin1String("SELECT kind, address FROM ") + admin("registries")
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

    auto checkpoint = query(QLatin1String("SELECT block_number, block_hash FROM ") + admin("checkpoints")
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

    auto backfills = query(QLatin1String("SELECT id, address, contract_kind, from_block, to_block, next_block, status FROM ")
                               + admin("backfills") + QLatin1String(" WHERE chain_id = ? AND status = 'pending' ORDER BY id"),
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

Result<QList<std::pair<qint64, Hash>>> Store::blockHashes(qint64 chainId, qint64 from, qint64 to)
{
    auto rows = query(QLatin1String("SELECT number, hash FROM ") + chainTable(chainId, QStringLiteral("blocks"))
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

// --- promotion -----------------------------------------------------------------------------

Result<PromoteResult> Store::promote(const IndexBatch &batch, const QList<EntityDef> &entities)
{
    QElapsedTimer timer;
    timer.start();
    const qint64 chain = batch.chainId;
    const EntityDef &blocks = requireEntity(entities, "blocks");
    const EntityDef &transfers = requireEntity(entities, "token_transfers");
    const EntityDef &agentEvents = requireEntity(entities, "agent_events");
    PromoteResult result;

    if (batch.from > batch.to)
        return Error::invalid(QStringLiteral("range"), tr("The range %1–%2 is empty.").arg(batch.from).arg(batch.to));
    if (batch.mode != BatchMode::Backfill && batch.headers.size() != batch.to - batch.from + 1)
        return Error::internal(tr("A batch for blocks %1–%2 carries %3 headers.").arg(batch.from).arg(batch.to).arg(batch.headers.size()));

    Status status = transaction([&]() -> Status {
        // A chain paused or being deleted takes no more rows, whatever was in flight.
        // The chain row's lock (PostgreSQL) orders this against addToken() of another process.
        auto state = query(QLatin1String("SELECT state FROM ") + admin("chains") + QLatin1String(" WHERE chain_id = ?")
                               + (backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                           {chain});
        if (!state)
            return state.error();
        if (state->isEmpty() || state->first()[0].toString() != u"active")
            return promoteRefused(PromoteRefusal::ChainInactive, tr("Chain %1 is not active; the range %2–%3 was not written.")
                                                                     .arg(chain).arg(batch.from).arg(batch.to));
        if (batch.mode != BatchMode::Backfill) {
            // A token added after the range was fetched has no rows in it; its backfill only
            // reaches the checkpoint it was added at.
            auto tokens = query(QLatin1String("SELECT address FROM ") + admin("tokens") + QLatin1String(" WHERE chain_id = ?"), {chain});
            if (!tokens)
                return tokens.error();
            for (const SqlRow &r : *tokens) {
                auto token = Address::fromBytes(r[0].toByteArray(), QStringLiteral("tokens.address"));
                if (token && !batch.tokens.contains(*token))
                    return promoteRefused(PromoteRefusal::TokensChanged, tr("Blocks %1–%2 of chain %3 were fetched before the token %4 was added; "
                                                                            "fetching them again.")
                                                                             .arg(batch.from).arg(batch.to).arg(chain).arg(token->toChecksumHex()));
            }
        }
        auto cp = query(QLatin1String("SELECT block_number, block_hash FROM ") + admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"),
                        {chain});
        if (!cp)
            return cp.error();
        if (batch.mode != BatchMode::Head && (cp->isEmpty() || batch.to > cp->first()[0].toLongLong())) {
            // Only the head scan writes above the checkpoint (a reorg may have lowered it under
            // a backfill or reindex that was in flight).
            return promoteRefused(PromoteRefusal::OffCheckpoint, tr("Blocks %1–%2 of chain %3 lie above its checkpoint; not written.")
                                                                     .arg(batch.from).arg(batch.to).arg(chain));
        }
        if (batch.mode == BatchMode::Head) {
            if (!cp->isEmpty()) {
                const qint64 at = cp->first()[0].toLongLong();
                if (at != batch.from - 1)
                    return promoteRefused(PromoteRefusal::OffCheckpoint,
                                          tr("Chain %1 is indexed through block %2; a range starting at %3 does not follow it.")
                                              .arg(chain).arg(at).arg(batch.from));
                if (cp->first()[1].toByteArray() != batch.headers.first().parentHash.toBytes())
                    return promoteRefused(PromoteRefusal::Fork,
                                          tr("Block %1 of chain %2 does not build on the stored block %3: the chain reorganised.")
                                              .arg(batch.from).arg(chain).arg(at));
            }
        }

        // Rows of an earlier attempt or of the range being replaced go first (reindex, gap fill
        // after a partial history). Agent keys they touched are recomputed below.
        QList<std::pair<QVariant, QVariant>> agentKeyValues;   // (registry, agent_id) as bound values
        QSet<QByteArray> seenAgentKeys;
        auto addAgentKey = [&](const QVariant &registry, const QVariant &agentId) {
            const QByteArray id = registry.toByteArray() + '/' + agentId.toByteArray() + agentId.toString().toUtf8();
            if (!seenAgentKeys.contains(id)) {
                seenAgentKeys.insert(id);
                agentKeyValues.append({registry, agentId});
            }
        };
        auto agentKeysIn = [&](const QString &where, const QVariantList &params) -> Status {
            auto rows = query(QLatin1String("SELECT DISTINCT registry, agent_id FROM ") + chainTable(chain, agentEvents.name)
                                  + QLatin1String(" WHERE ") + where,
                              params);
            if (!rows)
                return rows.error();
            for (const SqlRow &r : *rows)
                addAgentKey(r[0], r[1]);
            return {};
        };

        // Holders of rows about to be replaced are computed again, whether or not the new rows
        // still name them.
        const BalanceUpdateType updateType = batch.mode == BatchMode::Reindex ? BalanceUpdateType::Reindex
            : batch.mode == BatchMode::Backfill                               ? BalanceUpdateType::Backfill
                                                                               : BalanceUpdateType::Transfer;
        if (batch.mode == BatchMode::Backfill) {
            const QVariant contract = bytes(*batch.contract);
            if (Status s = enqueueHolders(chain, chainTable(chain, transfers.name), QStringLiteral("token = ? AND block_number BETWEEN ? AND ?"),
                                          {contract, batch.from, batch.to}, updateType);
                !s)
                return s;
            if (Status s = agentKeysIn(QStringLiteral("registry = ? AND block_number BETWEEN ? AND ?"), {contract, batch.from, batch.to}); !s)
                return s;
            if (Status s = exec(QLatin1String("DELETE FROM ") + chainTable(chain, transfers.name)
                                    + QLatin1String(" WHERE token = ? AND block_number BETWEEN ? AND ?"),
                                {contract, batch.from, batch.to});
                !s)
                return s;
            if (Status s = exec(QLatin1String("DELETE FROM ") + chainTable(chain, agentEvents.name)
                                    + QLatin1String(" WHERE registry = ? AND block_number BETWEEN ? AND ?"),
                                {contract, batch.from, batch.to});
                !s)
                return s;
        } else if (batch.mode != BatchMode::Head) {
            if (Status s = agentKeysIn(QStringLiteral("block_number BETWEEN ? AND ?"), {batch.from, batch.to}); !s)
                return s;
            if (Status s = enqueueHolders(chain, chainTable(chain, transfers.name), QStringLiteral("block_number BETWEEN ? AND ?"),
                                          {batch.from, batch.to}, updateType);
                !s)
                return s;
            for (const EntityDef *e : {&blocks, &transfers, &agentEvents}) {
                if (Status s = exec(QLatin1String("DELETE FROM ") + chainTable(chain, e->name) + QLatin1String(" WHERE ")
                                        + e->versionColumn + QLatin1String(" BETWEEN ? AND ?"),
                                    {batch.from, batch.to});
                    !s)
                    return s;
            }
        }

        // Stage, then move staging into production. A head range only appends above the
        // checkpoint, in this one transaction: its rows go to production directly, which spares
        // SQLite two B-tree inserts and a delete per row.
        auto stage = [&](const EntityDef &e, const QList<SqlRow> &rows) -> Status {
            if (rows.isEmpty())
                return {};
            const QStringList columns = columnNames(e);
            if (batch.mode == BatchMode::Head) {
                if (Status s = bulkInsert(chainTable(chain, e.name), columns, rows); !s)
                    return s;
                result.rows += rows.size();
                return &e == &transfers ? keepTransferBalances(batch) : Status();
            }
            const QString staging = chainTable(chain, e.name, true);
            if (Status s = bulkInsert(staging, columns, rows); !s)
                return s;
            const QString list = columns.join(QLatin1String(", "));
            if (Status s = exec(QLatin1String("INSERT INTO ") + chainTable(chain, e.name) + QLatin1String(" (") + list
                                    + QLatin1String(") SELECT ") + list + QLatin1String(" FROM ") + staging);
                !s)
                return s;
            result.rows += rows.size();
            // A range that replaces rows has the holders of its new rows recounted by the queue
            // too, in this same transaction (a head range keeps its balances itself, above).
            if (&e == &transfers) {
                if (Status s = enqueueHolders(chain, staging, QStringLiteral("1 = 1"), {}, updateType); !s)
                    return s;
            }
            return exec(QLatin1String("DELETE FROM ") + staging);
        };
        {
            QList<SqlRow> rows;
            rows.reserve(batch.headers.size());
            for (const BlockHeader &h : batch.headers)
                rows.append(blockRow(h));
            if (Status s = stage(blocks, rows); !s)
                return s;
        }
        {
            QList<SqlRow> rows;
            rows.reserve(batch.transfers.size());
            for (const TokenTransfer &t : batch.transfers)
                rows.append(transferRow(t));
            if (Status s = stage(transfers, rows); !s)
                return s;
        }
        {
            QList<SqlRow> rows;
            rows.reserve(batch.agentEvents.size());
            for (const AgentEvent &e : batch.agentEvents) {
                rows.append(agentEventRow(e));
                addAgentKey(bytes(e.registry), u256Value(e.agentId));
            }
            if (Status s = stage(agentEvents, rows); !s)
                return s;
        }

        const bool force = batch.mode == BatchMode::Reindex;
        if (Status s = recomputeBlockSummaries(chain, batch.from, batch.to, entities, force); !s)
            return s;
        if (Status s = recomputeAgents(chain, agentKeyValues, entities, force); !s)
            return s;

        // A reindex replaces rows the range already counted.
        const qint64 newRows = batch.mode == BatchMode::Reindex ? 0 : result.rows;
        if (Status s = recordProgress(chain, batch.from, batch.to, newRows, batch.fetchMs + timer.elapsed()); !s)
            return s;

        if (batch.mode == BatchMode::Head) {
            const BlockHeader &last = batch.headers.last();
            if (Status s = exec(QLatin1String("DELETE FROM ") + admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chain}); !s)
                return s;
            if (Status s = exec(QLatin1String("INSERT INTO ") + admin("checkpoints")
                                    + QLatin1String(" (chain_id, block_number, block_hash, updated_at) VALUES (?, ?, ?, ?)"),
                                {chain, last.number, bytes(last.hash), now()});
                !s)
                return s;
            result.checkpoint = last.number;
            result.checkpointHash = last.hash;
        }
        if (batch.mode == BatchMode::Reindex && batch.lastOfRequest) {
            if (Status s = exec(QLatin1String("UPDATE ") + admin("reindex_requests")
                                    + QLatin1String(" SET status = 'done', finished_at = ? WHERE id = ?"),
                                {now(), batch.reindexRequestId});
                !s)
                return s;
        }
        if (batch.mode == BatchMode::Backfill) {
            if (Status s = exec(QLatin1String("UPDATE ") + admin("backfills")
                                    + QLatin1String(" SET next_block = ?, status = CASE WHEN ? >= to_block THEN 'done' ELSE 'pending' END, "
                                                    "finished_at = CASE WHEN ? >= to_block THEN CAST(? AS BIGINT) ELSE NULL END WHERE id = ?"),
                                {batch.to + 1, batch.to, batch.to, now(), batch.backfillId});
                !s)
                return s;
        }
        return {};
    });
    if (!status)
        return status.error();
    result.durationMs = timer.elapsed();
    return result;
}

Status Store::recordProgress(qint64 chainId, qint64 from, qint64 to, qint64 rows, qint64 durationMs)
{
    // Ranges are kept merged: one row per contiguous stretch, so the table stays small.
    auto touching = query(QLatin1String("SELECT from_block, to_block, row_count, duration_ms FROM ") + admin("index_progress")
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
        if (Status s = exec(QLatin1String("DELETE FROM ") + admin("index_progress")
                                + QLatin1String(" WHERE chain_id = ? AND to_block >= ? AND from_block <= ?"),
                            {chainId, from - 1, to + 1});
            !s)
            return s;
    }
    const qint64 now = this->now();
    if (Status s = exec(QLatin1String("INSERT INTO ") + admin("index_progress")
                            + QLatin1String(" (chain_id, from_block, to_block, row_count, duration_ms, indexed_at) VALUES (?, ?, ?, ?, ?, ?)"),
                        {chainId, lo, hi, rowCount, duration, now});
        !s)
        return s;
    return refreshIndexSummary(chainId);
}

Status Store::refreshIndexSummary(qint64 chainId)
{
    return exec(QLatin1String("UPDATE ") + admin("index_summary")
                    + QLatin1String(" SET indexed_blocks = COALESCE((SELECT SUM(to_block - from_block + 1) FROM ") + admin("index_progress")
                    + QLatin1String(" WHERE chain_id = ?), 0), lowest_block = (SELECT MIN(from_block) FROM ") + admin("index_progress")
                    + QLatin1String(" WHERE chain_id = ?), highest_block = (SELECT MAX(to_block) FROM ") + admin("index_progress")
                    + QLatin1String(" WHERE chain_id = ?), range_count = (SELECT COUNT(*) FROM ") + admin("index_progress")
                    + QLatin1String(" WHERE chain_id = ?), last_indexed_at = ? WHERE chain_id = ?"),
                {chainId, chainId, chainId, chainId, now(), chainId});
}

// --- derived rows ---------------------------------------------------------------------------

Status Store::recomputeBlockSummaries(qint64 chainId, qint64 from, qint64 to, const QList<EntityDef> &entities, bool force)
{
    const EntityDef &summaries = requireEntity(entities, "block_summaries");
    const QString blocks = chainTable(chainId, QStringLiteral("blocks"));
    const QString table = chainTable(chainId, summaries.name);

    // Days with blocks in the range now, and days whose summary covered the range before.
    auto days = query(QLatin1String("SELECT MIN(timestamp / 86400), MAX(timestamp / 86400) FROM ") + blocks
                          + QLatin1String(" WHERE number BETWEEN ? AND ?"),
                      {from, to});
    if (!days)
        return days.error();
    auto old = query(QLatin1String("SELECT MIN(day), MAX(day), MIN(first_block), MAX(last_block) FROM ") + table
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
    auto span = query(QLatin1String("SELECT MIN(first_block), MAX(last_block) FROM ") + table + QLatin1String(" WHERE day BETWEEN ? AND ?"),
                      {*dayLo, *dayHi});
    if (!span)
        return span.error();
    if (!span->first()[0].isNull()) {
        lo = std::min(lo, span->first()[0].toLongLong());
        hi = std::max(hi, span->first()[1].toLongLong());
    }
    if (Status s = exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE day BETWEEN ? AND ?"), {*dayLo, *dayHi}); !s)
        return s;
    if (Status s = exec(QLatin1String("INSERT INTO ") + table
                            + QLatin1String(" (day, first_block, last_block, block_count, tx_count, transfer_count, gas_used) "
                                            "SELECT timestamp / 86400, MIN(number), MAX(number), COUNT(*), SUM(tx_count), 0, SUM(gas_used) FROM ")
                            + blocks + QLatin1String(" WHERE number BETWEEN ? AND ? AND timestamp / 86400 BETWEEN ? AND ? GROUP BY timestamp / 86400"),
                        {lo, hi, *dayLo, *dayHi});
        !s)
        return s;
    if (Status s = exec(QLatin1String("UPDATE ") + table + QLatin1String(" SET transfer_count = (SELECT COUNT(*) FROM ")
                            + chainTable(chainId, QStringLiteral("token_transfers")) + QLatin1String(" t WHERE t.block_number BETWEEN ")
                            + table.section(u'.', -1) + QLatin1String(".first_block AND ") + table.section(u'.', -1)
                            + QLatin1String(".last_block) WHERE day BETWEEN ? AND ?"),
                        {*dayLo, *dayHi});
        !s)
        return s;
    return syncGlobalRows(chainId, summaries, QStringLiteral("day BETWEEN ? AND ?"), {*dayLo, *dayHi}, force);
}

Status Store::recomputeAgents(qint64 chainId, const QList<std::pair<QVariant, QVariant>> &keys, const QList<EntityDef> &entities,
                              bool force)
{
    if (keys.isEmpty())
        return {};
    const EntityDef &identities = requireEntity(entities, "agent_identities");
    const EntityDef &reputation = requireEntity(entities, "agent_reputation");
    const QString events = chainTable(chainId, QStringLiteral("agent_events"));
    const QString identityTable = chainTable(chainId, identities.name);
    const QString reputationTable = chainTable(chainId, reputation.name);
    const QString keyWhere = QStringLiteral("registry = ? AND agent_id = ?");

    for (const auto &[registry, agentId] : keys) {
        const QVariantList key{registry, agentId};
        for (const QString &table : {identityTable, reputationTable}) {
            if (Status s = exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE ") + keyWhere, key); !s)
                return s;
        }
        auto rows = query(QLatin1String("SELECT registry_kind, event, actor, uri, block_number FROM ") + events
                              + QLatin1String(" WHERE ") + keyWhere + QLatin1String(" ORDER BY block_number, log_index"),
                          key);
        if (!rows)
            return rows.error();
        // An agent left with no events (rolled back) gets no row; the global sync below removes its twin.
        const QString kind = rows->isEmpty() ? QString() : rows->first()[0].toString();
        if (kind == u"identity") {
            QVariant owner, uri;
            const qint64 firstBlock = rows->first()[4].toLongLong();
            std::optional<qint64> registeredBlock;
            qint64 lastBlock = firstBlock;
            for (const SqlRow &r : *rows) {
                const QString event = r[1].toString();
                if (event == u"Registered") {
                    owner = r[2];
                    uri = r[3];
                    if (!registeredBlock)
                        registeredBlock = r[4].toLongLong();
                } else if (event == u"URIUpdated") {
                    uri = r[3];
                }
                lastBlock = std::max(lastBlock, r[4].toLongLong());
            }
            if (Status s = exec(QLatin1String("INSERT INTO ") + identityTable
                                    + QLatin1String(" (registry, agent_id, owner, uri, registered_block, last_block) VALUES (?, ?, ?, ?, ?, ?)"),
                                {registry, agentId, owner, uri, registeredBlock.value_or(firstBlock), lastBlock});
                !s)
                return s;
        } else if (kind == u"reputation") {
            qint64 feedback = 0, revoked = 0, lastBlock = 0;
            for (const SqlRow &r : *rows) {
                const QString event = r[1].toString();
                feedback += event == u"NewFeedback";
                revoked += event == u"FeedbackRevoked";
                lastBlock = std::max(lastBlock, r[4].toLongLong());
            }
            if (Status s = exec(QLatin1String("INSERT INTO ") + reputationTable
                                    + QLatin1String(" (registry, agent_id, feedback_count, revoked_count, last_block) VALUES (?, ?, ?, ?, ?)"),
                                {registry, agentId, feedback, revoked, lastBlock});
                !s)
                return s;
        }
        for (const EntityDef *e : {&identities, &reputation}) {
            if (Status s = syncGlobalRows(chainId, *e, keyWhere, key, force); !s)
                return s;
        }
    }
    return {};
}

Status Store::syncGlobalRows(qint64 chainId, const EntityDef &e, const QString &where, const QVariantList &params, bool force)
{
    if (!e.crossChain)
        return {};
    const QString global = globalTable(e.name);
    const QList<ColumnDef> columns = e.globalColumns();
    QStringList source, target, keys, updates;
    for (const ColumnDef &c : columns) {
        source.append(c.name);
        target.append(c.globalName());
    }
    keys.append(QStringLiteral("chain_id"));
    for (const QString &k : e.key)
        keys.append(e.column(k)->globalName());
    for (const QString &t : target)
        updates.append(t + QLatin1String(" = excluded.") + t);
    updates.append(QStringLiteral("updated_at = excluded.updated_at"));

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
        deleteSql += QLatin1String(" AND NOT EXISTS (SELECT 1 FROM ") + chainTable(chainId, e.name) + QLatin1String(" p WHERE ");
        QStringList match;
        for (const QString &k : e.key)
            match.append(QLatin1String("p.") + k + QLatin1String(" = ") + global.section(u'.', -1) + u'.' + e.column(k)->globalName());
        deleteSql += match.join(QLatin1String(" AND ")) + u')';
    }
    if (Status s = exec(deleteSql, deleteParams); !s)
        return s;

    QVariantList insertParams{chainId, now()};
    insertParams += params;
    const QString sql = QLatin1String("INSERT INTO ") + global + QLatin1String(" AS g (chain_id, ") + target.join(QLatin1String(", "))
        + QLatin1String(", updated_at) SELECT ?, ") + source.join(QLatin1String(", ")) + QLatin1String(", ? FROM ")
        + chainTable(chainId, e.name) + QLatin1String(" WHERE ") + where + QLatin1String(" ON CONFLICT (") + keys.join(QLatin1String(", "))
        + QLatin1String(") DO UPDATE SET ") + updates.join(QLatin1String(", ")) + QLatin1String(" WHERE g.")
        + e.column(e.versionColumn)->globalName() + QLatin1String(" <= excluded.") + e.column(e.versionColumn)->globalName();
    return exec(sql, insertParams);
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

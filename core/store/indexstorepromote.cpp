// IndexStore: promotion (DESIGN.md §3), one range in one transaction, in named steps. The
// transfers-mode balances a head range keeps current inside it (§8) are indexstorebalances.cpp's.

#include "store/indexstore.h"
#include "store/sqlparams.h"
#include "store/triggerstore.h"

#include <QElapsedTimer>
#include <QSet>

#include <algorithm>

namespace arbor {

namespace {

QVariant bytes(const Hash &h) { return h.toBytes(); }
QVariant bytes(const Address &a) { return a.toBytes(); }

QVariant optBytes(const std::optional<Address> &a) { return a ? QVariant(a->toBytes()) : QVariant(); }
QVariant optBytes(const std::optional<Hash> &h) { return h ? QVariant(h->toBytes()) : QVariant(); }

} // namespace

// --- rows ----------------------------------------------------------------------------------

namespace {

// The production columns' order (ddl::columnNames of the blocks and token_transfers entities),
// written in place: hashes and addresses from the batch, a range's hundred thousand transfers
// without a QVariant each.
void writeBlockRow(RowWriter &out, const BlockHeader &h)
{
    out.integer(h.number);
    out.bytes(h.hash.bytes());
    out.bytes(h.parentHash.bytes());
    out.integer(h.timestamp);
    out.integer(h.txCount);
    out.integer(h.gasUsed);
}

void writeTransferRow(RowWriter &out, const TokenTransfer &t)
{
    out.integer(t.blockNumber);
    out.integer(t.logIndex);
    out.bytes(t.txHash.bytes());
    out.bytes(t.token.bytes());
    out.bytes(t.from.bytes());
    out.bytes(t.to.bytes());
    out.u256(t.value);
}

} // namespace

SqlRow IndexStore::agentEventRow(const AgentEvent &e) const
{
    return {e.blockNumber, e.logIndex, bytes(e.txHash), bytes(e.registry), registryKindName(e.kind), e.event,
            m_store.u256Value(e.agentId), optBytes(e.actor), optBytes(e.counterparty), nullableParam(e.feedbackIndex), nullableParam(e.value),
            nullableParam(e.valueDecimals), nullableParam(e.tag1), nullableParam(e.tag2), nullableParam(e.uri), optBytes(e.dataHash), nullableParam(e.metadataKey),
            nullableParam(e.metadataValue), nullableParam(e.response), nullableParam(e.endpoint), optBytes(e.requestHash)};
}

// --- promotion -----------------------------------------------------------------------------

/// What promote() gathers while it runs.
struct IndexStore::Promotion
{
    QElapsedTimer timer;
    PromoteResult result;
    /// How holders of replaced and replacing rows are queued.
    BalanceUpdateType updateType = BalanceUpdateType::Transfer;
    /// The token_balances entity, which head ranges keep current.
    const EntityDef *balances = nullptr;
    /// Agent keys (registry, agent_id) as bound values, each once: the rows of those a range
    /// other than a head range touches are recomputed.
    QList<std::pair<QVariant, QVariant>> agentKeys;
    QSet<QByteArray> seenAgentKeys;

    void addAgentKey(const QVariant &registry, const QVariant &agentId)
    {
        const QByteArray id = registry.toByteArray() + '/' + agentId.toByteArray() + agentId.toString().toUtf8();
        if (!seenAgentKeys.contains(id)) {
            seenAgentKeys.insert(id);
            agentKeys.append({registry, agentId});
        }
    }
};

Result<PromoteResult> IndexStore::promote(const IndexBatch &batch, const QList<EntityDef> &entities)
{
    Promotion p;
    p.timer.start();
    const qint64 chain = batch.chainId;
    // Fails loudly, before anything is written, if a caller passes other entities.
    requireEntity(entities, "blocks");
    requireEntity(entities, "token_transfers");
    requireEntity(entities, "agent_events");
    p.balances = &requireEntity(entities, "token_balances");

    if (batch.from > batch.to)
        return Error::invalid(QStringLiteral("range"), tr("The range %1–%2 is empty.").arg(batch.from).arg(batch.to));
    if (Status s = checkHeaders(batch); !s)
        return s.error();

    // Holders of rows about to be replaced are computed again, whether or not the new rows
    // still name them.
    p.updateType = batch.mode == BatchMode::Reindex ? BalanceUpdateType::Reindex
        : batch.mode == BatchMode::Backfill           ? BalanceUpdateType::Backfill
                                                      : BalanceUpdateType::Transfer;
    Status status = m_store.transaction([&]() -> Status {
        if (Status s = checkPromotable(batch); !s)
            return s;
        // The hourly event counts forget the replaced events and count their replacements.
        const QVariant registry = batch.mode == BatchMode::Backfill ? bytes(*batch.contract) : QVariant();
        // Headers alone change no event: their blocks with events had their headers already.
        const bool replacesEvents = batch.mode != BatchMode::Head && batch.mode != BatchMode::Headers;
        if (replacesEvents) {
            if (Status s = TriggerStore(m_store).recountReplacedEvents(chain, batch.from, batch.to, registry, -1); !s)
                return s;
        }
        if (Status s = clearReplacedRows(batch, entities, p); !s)
            return s;
        if (Status s = stageBatch(batch, entities, p); !s)
            return s;
        if (replacesEvents) {
            if (Status s = TriggerStore(m_store).recountReplacedEvents(chain, batch.from, batch.to, registry, +1); !s)
                return s;
        }
        const bool force = batch.mode == BatchMode::Reindex || batch.mode == BatchMode::Headers;
        // A head range adds to its days; a range that replaced rows recounts them.
        if (Status s = batch.mode == BatchMode::Head ? addDailyStats(batch, requireEntity(entities, "block_summaries"))
                                                     : recomputeBlockSummaries(chain, batch.from, batch.to, entities, force);
            !s)
            return s;
        // A head range adds its agent events to their summaries; a range that replaced rows
        // counts the agents it touched again.
        if (Status s = batch.mode == BatchMode::Head ? keepAgents(batch, entities) : recomputeAgents(chain, p.agentKeys, entities, force); !s)
            return s;
        return advance(batch, p);
    });
    if (!status)
        return status.error();
    p.result.durationMs = p.timer.elapsed();
    return p.result;
}

Status IndexStore::clearReplacedRows(const IndexBatch &batch, const QList<EntityDef> &entities, Promotion &p)
{
    // Rows of an earlier attempt or of the range being replaced go first (reindex, gap fill
    // after a partial history). Agent keys they touched are recomputed afterwards.
    const qint64 chain = batch.chainId;
    const EntityDef &blocks = requireEntity(entities, "blocks");
    const EntityDef &transfers = requireEntity(entities, "token_transfers");
    const EntityDef &agentEvents = requireEntity(entities, "agent_events");
    auto agentKeysIn = [&](const QString &where, const QVariantList &params) -> Status {
        auto rows = m_store.query(QLatin1String("SELECT DISTINCT registry, agent_id FROM ") + m_store.chainTable(chain, agentEvents.name)
                                      + QLatin1String(" WHERE ") + where,
                                  params);
        if (!rows)
            return rows.error();
        for (const SqlRow &r : *rows)
            p.addAgentKey(r[0], r[1]);
        return {};
    };

    if (batch.mode == BatchMode::Backfill) {
        const QVariant contract = bytes(*batch.contract);
        if (Status s = m_store.enqueueHolders(chain, m_store.chainTable(chain, transfers.name), QStringLiteral("token = ? AND block_number BETWEEN ? AND ?"),
                                              {contract, batch.from, batch.to}, p.updateType);
            !s)
            return s;
        if (Status s = agentKeysIn(QStringLiteral("registry = ? AND block_number BETWEEN ? AND ?"), {contract, batch.from, batch.to}); !s)
            return s;
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.chainTable(chain, transfers.name)
                                        + QLatin1String(" WHERE token = ? AND block_number BETWEEN ? AND ?"),
                                    {contract, batch.from, batch.to});
            !s)
            return s;
        return m_store.exec(QLatin1String("DELETE FROM ") + m_store.chainTable(chain, agentEvents.name)
                                + QLatin1String(" WHERE registry = ? AND block_number BETWEEN ? AND ?"),
                            {contract, batch.from, batch.to});
    }
    if (batch.mode == BatchMode::Head)
        return {};
    if (batch.mode == BatchMode::Headers) {
        // The headers of blocks with logs and of range ends are kept; every other goes in with them.
        return m_store.exec(QLatin1String("DELETE FROM ") + m_store.chainTable(chain, blocks.name) + QLatin1String(" WHERE number BETWEEN ? AND ?"),
                            {batch.from, batch.to});
    }
    if (Status s = agentKeysIn(QStringLiteral("block_number BETWEEN ? AND ?"), {batch.from, batch.to}); !s)
        return s;
    if (Status s = m_store.enqueueHolders(chain, m_store.chainTable(chain, transfers.name), QStringLiteral("block_number BETWEEN ? AND ?"),
                                          {batch.from, batch.to}, p.updateType);
        !s)
        return s;
    for (const EntityDef *e : {&blocks, &transfers, &agentEvents}) {
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.chainTable(chain, e->name) + QLatin1String(" WHERE ")
                                        + e->versionColumn + QLatin1String(" BETWEEN ? AND ?"),
                                    {batch.from, batch.to});
            !s)
            return s;
    }
    return {};
}

Status IndexStore::stageRows(const IndexBatch &batch, const EntityDef &e, qsizetype count,
                             const std::function<Status(const QString &table, const QStringList &columns)> &insert, Promotion &p)
{
    // Stage, then move staging into production. A head range only appends above the
    // checkpoint, in this one transaction: its rows go to production directly, which spares
    // SQLite two B-tree inserts and a delete per row.
    if (count == 0)
        return {};
    const qint64 chain = batch.chainId;
    const bool isTransfers = e.name == u"token_transfers";
    const QStringList columns = ddl::columnNames(ddl::TableKind::Production, e);
    if (batch.mode == BatchMode::Head) {
        if (Status s = insert(m_store.chainTable(chain, e.name), columns); !s)
            return s;
        p.result.rows += count;
        p.result.tableRows[e.name] += count;
        return {};
    }
    const QString staging = m_store.chainTable(chain, e.name, true);
    if (Status s = insert(staging, columns); !s)
        return s;
    const QString list = columns.join(QLatin1String(", "));
    // A backfill's blocks may have their headers stored already (the same, below the reorg
    // window); the WHERE keeps SQLite from reading ON CONFLICT as a join's ON.
    const bool keepStored = batch.mode == BatchMode::Backfill && e.name == u"blocks";
    if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.chainTable(chain, e.name) + QLatin1String(" (") + list
                                    + QLatin1String(") SELECT ") + list + QLatin1String(" FROM ") + staging
                                    + (keepStored ? QLatin1String(" WHERE 1 = 1 ON CONFLICT DO NOTHING") : QLatin1String()));
        !s)
        return s;
    p.result.rows += count;
    p.result.tableRows[e.name] += count;
    // A range that replaces rows has the holders of its new rows recounted by the queue
    // too, in this same transaction (a head range keeps its balances itself, above).
    if (isTransfers) {
        if (Status s = m_store.enqueueHolders(chain, staging, QStringLiteral("1 = 1"), {}, p.updateType); !s)
            return s;
    }
    return m_store.exec(QLatin1String("DELETE FROM ") + staging);
}

Status IndexStore::stageBatch(const IndexBatch &batch, const QList<EntityDef> &entities, Promotion &p)
{
    // Blocks and transfers go as typed rows, each in one bulk insert: nothing of them is copied.
    const auto insertBlocks = [&](const QString &table, const QStringList &columns) {
        return m_store.bulkInsert(table, columns, batch.headers.size(), [&](qsizetype row, RowWriter &out) { writeBlockRow(out, batch.headers[row]); });
    };
    const auto insertTransfers = [&](const QString &table, const QStringList &columns) {
        return m_store.bulkInsert(table, columns, batch.transfers.size(), [&](qsizetype row, RowWriter &out) { writeTransferRow(out, batch.transfers[row]); });
    };
    if (Status s = stageRows(batch, requireEntity(entities, "blocks"), batch.headers.size(), insertBlocks, p); !s)
        return s;
    if (Status s = stageRows(batch, requireEntity(entities, "token_transfers"), batch.transfers.size(), insertTransfers, p); !s)
        return s;
    if (batch.mode == BatchMode::Head && !batch.transfers.isEmpty()) {
        if (Status s = keepTransferBalances(batch, *p.balances); !s)
            return s;
    }
    QList<SqlRow> rows;
    rows.reserve(batch.agentEvents.size());
    for (const AgentEvent &e : batch.agentEvents) {
        rows.append(agentEventRow(e));
        if (batch.mode != BatchMode::Head)
            p.addAgentKey(bytes(e.registry), m_store.u256Value(e.agentId));
    }
    return stageRows(batch, requireEntity(entities, "agent_events"), rows.size(),
                     [&](const QString &table, const QStringList &columns) { return m_store.bulkInsert(table, columns, rows); }, p);
}

Status IndexStore::advance(const IndexBatch &batch, Promotion &p)
{
    const qint64 chain = batch.chainId;
    // A reindex replaces rows the range already counted.
    const qint64 newRows = batch.mode == BatchMode::Reindex ? 0 : p.result.rows;
    // Headers fill in a range that is indexed already.
    if (batch.mode != BatchMode::Headers) {
        if (Status s = recordProgress(chain, batch.from, batch.to, newRows, batch.fetchMs + p.timer.elapsed()); !s)
            return s;
    }

    if (batch.mode == BatchMode::Head) {
        const BlockHeader &last = batch.headers.last();
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chain}); !s)
            return s;
        if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("checkpoints")
                                        + QLatin1String(" (chain_id, block_number, block_hash, updated_at) VALUES (?, ?, ?, ?)"),
                                    {chain, last.number, bytes(last.hash), m_store.now()});
            !s)
            return s;
        p.result.checkpoint = last.number;
        p.result.checkpointHash = last.hash;
    }
    if (batch.mode == BatchMode::Reindex && batch.lastOfRequest) {
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("reindex_requests")
                                        + QLatin1String(" SET status = 'done', finished_at = ? WHERE id = ?"),
                                    {m_store.now(), batch.reindexRequestId});
            !s)
            return s;
    }
    if (batch.mode == BatchMode::Backfill || batch.mode == BatchMode::Headers) {
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("backfills")
                                        + QLatin1String(" SET next_block = ?, status = CASE WHEN ? >= to_block THEN 'done' ELSE 'pending' END, "
                                                        "finished_at = CASE WHEN ? >= to_block THEN CAST(? AS BIGINT) ELSE NULL END WHERE id = ?"),
                                    {batch.to + 1, batch.to, batch.to, m_store.now(), batch.backfillId});
            !s)
            return s;
    }
    return {};
}

} // namespace arbor

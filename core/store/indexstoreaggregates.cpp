// IndexStore: the daily network stats (block_summaries: blocks, transactions, transfers, gas
// used and active holders per UTC day) kept at promotion.
//
// A head range only adds blocks above the checkpoint, so its days are added to in place: the
// counts and sums += the range's, and its transfer parties go into network_day_holders, whose
// new rows are the day's new active holders. A range that replaces rows (gap, reindex,
// backfill) or a reorg recounts the days it touched from the raw rows instead
// (recomputeBlockSummaries() with recountActiveHolders()).

#include "store/indexstore.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <limits>

namespace arbor {
namespace {

constexpr qint64 SecondsPerDay = 86400;

/// What a head range adds to one day.
struct DayDelta
{
    qint64 firstBlock = std::numeric_limits<qint64>::max();
    qint64 lastBlock = std::numeric_limits<qint64>::min();
    qint64 blocks = 0;
    qint64 transactions = 0;
    qint64 gasUsed = 0;
    qint64 transfers = 0;
    qint64 newHolders = 0;
    QSet<Address> holders;
};

/// Row counts a multi-row statement is built for: few distinct statements for the cache.
constexpr int AggregateChunkSizes[] = {256, 64, 16, 4, 1};

} // namespace

Status IndexStore::addDailyStats(const IndexBatch &batch, const EntityDef &summaries)
{
    if (!m_store.keepsAggregates() || batch.headers.isEmpty())
        return {};
    const qint64 chain = batch.chainId;
    QMap<qint64, DayDelta> days;
    QHash<qint64, qint64> dayOf;
    dayOf.reserve(batch.headers.size());
    for (const BlockHeader &h : batch.headers) {
        const qint64 day = h.timestamp / SecondsPerDay;
        DayDelta &d = days[day];
        d.firstBlock = std::min(d.firstBlock, h.number);
        d.lastBlock = std::max(d.lastBlock, h.number);
        ++d.blocks;
        d.transactions += h.txCount;
        d.gasUsed += h.gasUsed;
        dayOf.insert(h.number, day);
    }
    // A block's transfers come together: its day is looked up once, not per transfer.
    const Address zero;
    qint64 block = -1;
    DayDelta *d = nullptr;
    for (const TokenTransfer &t : batch.transfers) {
        if (t.blockNumber != block) {
            const auto day = dayOf.constFind(t.blockNumber);
            if (day == dayOf.constEnd())
                return Error::internal(tr("A transfer of block %1 lies outside the range %2–%3.").arg(t.blockNumber).arg(batch.from).arg(batch.to));
            block = t.blockNumber;
            d = &days[*day];
        }
        ++d->transfers;
        for (const Address *party : {&t.from, &t.to}) {
            if (*party != zero)
                d->holders.insert(*party);
        }
    }

    // The day's parties not seen that day before are its new active holders. Those this
    // connection knows are recorded are not sent again.
    const QString holders = m_store.admin("network_day_holders");
    QList<std::pair<qint64, Address>> parties;
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        const QSet<Address> *known = m_store.knownDayHolders(chain, it.key());
        QList<Address> seen;
        seen.reserve(it->holders.size());
        for (const Address &holder : it->holders) {
            if (!known || !known->contains(holder)) {
                parties.append({it.key(), holder});
                seen.append(holder);
            }
        }
        m_store.rememberDayHolders(chain, it.key(), seen);
    }
    qsizetype at = 0;
    for (const int chunk : AggregateChunkSizes) {
        while (parties.size() - at >= chunk) {
            QString sql = QLatin1String("INSERT INTO ") + holders + QLatin1String(" (chain_id, day, holder) VALUES ");
            QVariantList params;
            params.reserve(3 * chunk);
            for (int i = 0; i < chunk; ++i, ++at) {
                sql += i == 0 ? QLatin1String("(?, ?, ?)") : QLatin1String(", (?, ?, ?)");
                params << chain << parties[at].first << parties[at].second.toBytes();
            }
            sql += QLatin1String(" ON CONFLICT (chain_id, day, holder) DO NOTHING RETURNING day");
            auto added = m_store.query(sql, params);
            if (!added)
                return added.error();
            for (const SqlRow &r : *added)
                ++days[r[0].toLongLong()].newHolders;
        }
    }

    const QString table = m_store.chainTable(chain, summaries.name);
    const QString t = table.section(u'.', -1);   // how the upsert names the existing row
    const QString sql = QLatin1String("INSERT INTO ") + table
        + QLatin1String(" (day, first_block, last_block, block_count, tx_count, transfer_count, gas_used, active_holders) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                        "ON CONFLICT (day) DO UPDATE SET first_block = CASE WHEN excluded.first_block < ")
        + t + QLatin1String(".first_block THEN excluded.first_block ELSE ") + t + QLatin1String(".first_block END, last_block = CASE WHEN excluded.last_block > ")
        + t + QLatin1String(".last_block THEN excluded.last_block ELSE ") + t + QLatin1String(".last_block END, block_count = ") + t
        + QLatin1String(".block_count + excluded.block_count, tx_count = ") + t + QLatin1String(".tx_count + excluded.tx_count, transfer_count = ") + t
        + QLatin1String(".transfer_count + excluded.transfer_count, gas_used = ") + t + QLatin1String(".gas_used + excluded.gas_used, active_holders = ") + t
        + QLatin1String(".active_holders + excluded.active_holders");
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        const DayDelta &d = *it;
        if (Status s = m_store.exec(sql, {it.key(), d.firstBlock, d.lastBlock, d.blocks, d.transactions, d.transfers, d.gasUsed, d.newHolders}); !s)
            return s;
    }
    return syncGlobalRows(chain, summaries, QStringLiteral("day BETWEEN ? AND ?"), {days.firstKey(), days.lastKey()}, false);
}

Status IndexStore::recountActiveHolders(qint64 chainId, qint64 dayLo, qint64 dayHi, qint64 lo, qint64 hi)
{
    if (!m_store.keepsAggregates())
        return {};
    m_store.forgetDayHolders(chainId);
    const QString holders = m_store.admin("network_day_holders");
    const QString transfers = m_store.chainTable(chainId, QStringLiteral("token_transfers"));
    const QString blocks = m_store.chainTable(chainId, QStringLiteral("blocks"));
    const QString summaries = m_store.chainTable(chainId, QStringLiteral("block_summaries"));
    if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + holders + QLatin1String(" WHERE chain_id = ? AND day BETWEEN ? AND ?"), {chainId, dayLo, dayHi});
        !s)
        return s;
    // Transfers of the days lie in the days' blocks [lo, hi].
    if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + holders + QLatin1String(" (chain_id, day, holder) SELECT DISTINCT CAST(? AS BIGINT), b.timestamp / 86400, x.holder FROM (SELECT block_number, from_address AS holder FROM ")
                                    + transfers + QLatin1String(" WHERE block_number BETWEEN ? AND ? UNION ALL SELECT block_number, to_address FROM ") + transfers
                                    + QLatin1String(" WHERE block_number BETWEEN ? AND ?) x JOIN ") + blocks
                                    + QLatin1String(" b ON b.number = x.block_number WHERE x.holder <> ? AND b.timestamp / 86400 BETWEEN ? AND ?"),
                                {chainId, lo, hi, lo, hi, Address().toBytes(), dayLo, dayHi});
        !s)
        return s;
    return m_store.exec(QLatin1String("UPDATE ") + summaries + QLatin1String(" SET active_holders = (SELECT COUNT(*) FROM ") + holders
                            + QLatin1String(" h WHERE h.chain_id = ? AND h.day = ") + summaries.section(u'.', -1)
                            + QLatin1String(".day) WHERE day BETWEEN ? AND ?"),
                        {chainId, dayLo, dayHi});
}

Status IndexStore::countActiveHoldersOnce(const QList<EntityDef> &entities)
{
    const QString state = m_store.admin("aggregate_state");
    auto chains = m_store.query(QLatin1String("SELECT c.chain_id FROM ") + m_store.admin("chains") + QLatin1String(" c LEFT JOIN ") + state
                                + QLatin1String(" a ON a.chain_id = c.chain_id WHERE a.chain_id IS NULL AND c.state <> 'deleting'"));
    if (!chains)
        return chains.error();
    const EntityDef &summaries = requireEntity(entities, "block_summaries");
    for (const SqlRow &r : *chains) {
        const qint64 chain = r[0].toLongLong();
        Status s = m_store.transaction([&]() -> Status {
            const QString table = m_store.chainTable(chain, summaries.name);
            if (!m_store.tableExists(table))
                return {};
            auto span = m_store.query(QLatin1String("SELECT MIN(day), MAX(day), MIN(first_block), MAX(last_block) FROM ") + table);
            if (!span)
                return span.error();
            const SqlRow &d = span->first();
            if (!d[0].isNull()) {
                if (Status e = recountActiveHolders(chain, d[0].toLongLong(), d[1].toLongLong(), d[2].toLongLong(), d[3].toLongLong()); !e)
                    return e;
                if (Status e = syncGlobalRows(chain, summaries, QStringLiteral("day BETWEEN ? AND ?"), {d[0], d[1]}, true); !e)
                    return e;
            }
            return m_store.exec(QLatin1String("INSERT INTO ") + state + QLatin1String(" (chain_id, network_recounted_at) VALUES (?, ?)"), {chain, m_store.now()});
        });
        if (!s)
            return s;
    }
    return {};
}

Result<QList<NetworkDay>> IndexStore::networkStats(std::optional<qint64> chainId, qint64 sinceDay)
{
    const QString columns = QStringLiteral("day, block_count, tx_count, transfer_count, active_holders, gas_used");
    const QString sql = chainId ? QLatin1String("SELECT CAST(? AS BIGINT), ") + columns + QLatin1String(" FROM ")
                                      + m_store.chainTable(*chainId, QStringLiteral("block_summaries")) + QLatin1String(" WHERE day >= ? ORDER BY day")
                                : QLatin1String("SELECT chain_id, ") + columns + QLatin1String(" FROM ") + m_store.globalTable(QStringLiteral("block_summaries"))
                                      + QLatin1String(" WHERE day >= ? ORDER BY day, chain_id");
    if (chainId && !m_store.tableExists(m_store.chainTable(*chainId, QStringLiteral("block_summaries"))))
        return Error::notFound(QStringLiteral("chain"), tr("There is no chain %1; `arborctl chain list` shows the chains.").arg(*chainId));
    auto rows = chainId ? m_store.query(sql, {*chainId, sinceDay}) : m_store.query(sql, {sinceDay});
    if (!rows)
        return rows.error();
    // Chains whose daily blocks, transactions and gas do not count every block.
    auto partial = m_store.query(QLatin1String("SELECT chain_id FROM ") + m_store.admin("chains") + QLatin1String(" WHERE block_stats = 'events' UNION SELECT chain_id FROM ")
                                 + m_store.admin("backfills") + QLatin1String(" WHERE contract_kind = 'headers' AND status = 'pending'"));
    if (!partial)
        return partial.error();
    QSet<qint64> uncounted;
    for (const SqlRow &r : *partial)
        uncounted.insert(r[0].toLongLong());
    QList<NetworkDay> out;
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        const qint64 chain = r[0].toLongLong();
        out.append({chain, r[1].toLongLong(), r[2].toLongLong(), r[3].toLongLong(), r[4].toLongLong(), r[5].toLongLong(), r[6].toLongLong(),
                    !uncounted.contains(chain)});
    }
    return out;
}

} // namespace arbor

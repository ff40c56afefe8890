// Store: the queue side of promotion and reorgs (DESIGN.md §8): queueing holders, writing
// computed balances, reading the tokens' balance modes. Promotion calls these inside its own
// transaction; QueueStore uses them too. They move to the queue's store once promotion has a
// store of its own.

#include "store/store.h"

namespace arbor {
namespace {

QByteArray zeroAddress()
{
    return QByteArray(20, '\0');
}

} // namespace

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

// --- balances --------------------------------------------------------------------------------

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

Status Store::writeBalances(qint64 chainId, const QList<SqlRow> &rows)
{
    // rows: the token_balances columns in order. A balance computed at a lower height than the
    // stored one (a slower worker) does not overwrite it; a row without a transaction hash
    // keeps the stored one.
    if (rows.isEmpty())
        return {};
    const EntityDef &balances = requireEntity(evmEntities(), "token_balances");
    const QString staging = chainTable(chainId, balances.name, true);
    const QStringList columns = ddl::columnNames(ddl::TableKind::Staging, balances);
    if (Status s = bulkInsert(staging, columns, rows); !s)
        return s;
    const QString list = columns.join(QLatin1String(", "));
    if (Status s = exec(QLatin1String("INSERT INTO ") + chainTable(chainId, balances.name) + QLatin1String(" AS b (") + list
                            + QLatin1String(") SELECT ") + list + QLatin1String(" FROM ") + staging + QLatin1String(" WHERE true ")
                            + ddl::upsertConflict(ddl::TableKind::Production, balances, QStringLiteral("b"), ddl::NullColumns::KeepStored));
        !s)
        return s;
    if (Status s = exec(QLatin1String("INSERT INTO ") + globalTable(balances.name) + QLatin1String(" AS g (")
                            + ddl::columnNames(ddl::TableKind::Global, balances).join(QLatin1String(", ")) + QLatin1String(") SELECT ?, ")
                            + ddl::globalSourceColumns(balances).join(QLatin1String(", ")) + QLatin1String(", computed_at FROM ") + staging
                            + QLatin1String(" WHERE true ") + ddl::upsertConflict(ddl::TableKind::Global, balances, QStringLiteral("g")),
                        {chainId});
        !s)
        return s;
    return exec(QLatin1String("DELETE FROM ") + staging);
}

} // namespace arbor

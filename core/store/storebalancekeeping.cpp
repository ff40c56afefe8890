// Store: transfers-mode balances kept current inside promotion (DESIGN.md §3, §8). A head range
// adds each holder's net change to the balance it had at the previous checkpoint: exact signed
// arithmetic in memory, then one upsert per touched holder. Holders the queue still has work
// for, and tokens whose balances come from the node or whose history is being backfilled, go
// to the queue instead.

#include "store/store.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>

#include <boost/multiprecision/cpp_int.hpp>

namespace arbor {

/// Wide enough that no range's sum of uint256 transfers can overflow it.
using Net = boost::multiprecision::int512_t;
/// 2^256: no balance reaches it.
const Net Limit = Net(1) << 256;

namespace {

QVariant view(QByteArrayView b) { return QByteArray::fromRawData(b.constData(), b.size()); }

/// (token, holder) as one 40-byte key.
QByteArray keyOf(const Address &token, const Address &holder)
{
    QByteArray key;
    key.reserve(2 * Address::Size);
    key.append(token.bytes());
    key.append(holder.bytes());
    return key;
}

QByteArray keyOf(const QVariant &token, const QVariant &holder)
{
    return token.toByteArray() + holder.toByteArray();
}

const QStringList &stagedBalanceColumns()
{
    static const QStringList columns{QStringLiteral("token"), QStringLiteral("holder"), QStringLiteral("balance"),
                                     QStringLiteral("last_block"), QStringLiteral("last_tx_hash"), QStringLiteral("computed_at")};
    return columns;
}

} // namespace

/// One holder's net change of one token over a range, and its latest transfer there.
struct HolderChange
{
    Address token;
    Address holder;
    Net net = 0;
    const TokenTransfer *last = nullptr;
};

Status Store::keepTransferBalances(const IndexBatch &batch)
{
    const qint64 chain = batch.chainId;
    auto modes = tokenModes(chain);
    if (!modes)
        return modes.error();
    // A token whose history is still being backfilled has no base to add to: its holders are
    // recounted once the backfill's ranges land.
    auto backfilling = query(QLatin1String("SELECT address FROM ") + admin("backfills")
                                 + QLatin1String(" WHERE chain_id = ? AND status = 'pending'"),
                             {chain});
    if (!backfilling)
        return backfilling.error();
    QSet<QByteArray> incomplete;
    for (const SqlRow &r : *backfilling)
        incomplete.insert(r[0].toByteArray());

    QHash<QByteArray, HolderChange> changes;
    QHash<QByteArray, HolderChange> queued;
    const Address zero;
    for (const TokenTransfer &t : batch.transfers) {
        const QByteArray token = t.token.toBytes();
        const bool kept = modes->value(token, BalanceMode::Transfers) == BalanceMode::Transfers && !incomplete.contains(token);
        for (const auto &[holder, incoming] : {std::pair{&t.from, false}, std::pair{&t.to, true}}) {
            if (*holder == zero)
                continue;   // mints and burns move the supply, not a holder
            HolderChange &c = (kept ? changes : queued)[keyOf(t.token, *holder)];
            c.token = t.token;
            c.holder = *holder;
            if (kept)
                c.net += incoming ? Net(t.value) : -Net(t.value);
            c.last = &t;
        }
    }
    // A range's net beyond uint256 either way (spam tokens move absurd amounts) cannot be a
    // change of a real balance: the queue recounts such holders and says what it found.
    for (auto it = changes.begin(); it != changes.end();) {
        if (it->net >= Limit || it->net <= -Limit) {
            queued.insert(it.key(), *it);
            it = changes.erase(it);
        } else {
            ++it;
        }
    }

    const qint64 now = this->now();
    const QString staging = chainTable(chain, QStringLiteral("token_balances"), true);
    if (!changes.isEmpty() && backend() == Backend::Postgres) {
        if (Status s = addChangesInDatabase(chain, batch.to, changes.values(), now); !s)
            return s;
    } else if (!changes.isEmpty()) {
        // The touched holders' balances at the previous checkpoint, and whether the queue holds
        // an unfinished item for them (a reorg, reindex or mode change recount): those are
        // recounted by the queue, which sees this range's transfers too.
        QList<SqlRow> keys;
        keys.reserve(changes.size());
        for (const HolderChange &c : std::as_const(changes))
            keys.append({view(c.token.bytes()), view(c.holder.bytes()), u256Value(0), batch.to, view(c.last->txHash.bytes()), now});
        if (Status s = bulkInsert(staging, stagedBalanceColumns(), keys); !s)
            return s;
        auto current = query(QLatin1String("SELECT s.token, s.holder, b.balance, (SELECT COUNT(*) FROM ") + admin("balance_update_queue")
                                 + QLatin1String(" q WHERE q.chain_id = ? AND q.token = s.token AND q.holder = s.holder AND q.status <> 'completed') FROM ")
                                 + staging + QLatin1String(" s LEFT JOIN ") + chainTable(chain, QStringLiteral("token_balances"))
                                 + QLatin1String(" b ON b.token = s.token AND b.holder = s.holder"),
                             {chain});
        if (!current)
            return current.error();
        if (Status s = exec(QLatin1String("DELETE FROM ") + staging); !s)
            return s;

        QList<SqlRow> balances;
        balances.reserve(current->size());
        for (const SqlRow &r : *current) {
            const QByteArray key = keyOf(r[0], r[1]);
            auto it = changes.find(key);
            if (it == changes.end())
                return Error::internal(tr("A staged balance key of chain %1 was not among the range's holders.").arg(chain));
            Net balance = it->net;
            if (!r[2].isNull()) {
                auto old = u256FromValue(r[2], QStringLiteral("token_balances.balance"));
                if (!old)
                    return old.error();
                balance += Net(*old);
            }
            // Still queued, or a base that cannot be right (history missing): the queue recounts
            // and, for a negative sum, says why.
            if (r[3].toLongLong() > 0 || balance < 0 || balance >= Limit) {
                queued.insert(key, *it);
                continue;
            }
            balances.append({view(it->token.bytes()), view(it->holder.bytes()), u256Value(static_cast<U256>(balance)), batch.to,
                             view(it->last->txHash.bytes()), now});
        }
        if (Status s = writeBalances(chain, balances); !s)
            return s;
    }

    if (queued.isEmpty())
        return {};
    QList<SqlRow> rows;
    rows.reserve(queued.size());
    for (const HolderChange &c : std::as_const(queued))
        rows.append({view(c.token.bytes()), view(c.holder.bytes()), u256Value(0), c.last->blockNumber, view(c.last->txHash.bytes()), now});
    return enqueueKeys(chain, rows, BalanceUpdateType::Transfer);
}

Status Store::addChangesInDatabase(qint64 chainId, qint64 height, const QList<HolderChange> &changes, qint64 now)
{
    // PostgreSQL's NUMERIC holds the signed changes, so the sums happen where the balances are:
    // one COPY and three statements instead of a round trip of every touched balance.
    const QString staging = chainTable(chainId, QStringLiteral("token_balances"), true);
    const QString production = chainTable(chainId, QStringLiteral("token_balances"));
    const QString queue = admin("balance_update_queue");
    QList<SqlRow> rows;
    rows.reserve(changes.size());
    for (const HolderChange &c : changes) {
        rows.append({view(c.token.bytes()), view(c.holder.bytes()), QString::fromStdString(c.net.str()), height,
                     view(c.last->txHash.bytes()), now});
    }
    if (Status s = bulkInsert(staging, stagedBalanceColumns(), rows); !s)
        return s;
    const QString unfinished = QLatin1String("EXISTS (SELECT 1 FROM ") + queue
        + QLatin1String(" q WHERE q.chain_id = ? AND q.token = s.token AND q.holder = s.holder AND q.status <> 'completed')");
    // Holders the queue still has work for, or whose sum would go negative (history missing),
    // are queued; the recount sees this range's transfers too.
    auto queued = query(QLatin1String("INSERT INTO ") + queue
                            + QLatin1String(" (chain_id, token, holder, update_type, tx_hash, block_number, priority, status, created_at, "
                                            "next_attempt_at) SELECT ?, s.token, s.holder, ?, s.last_tx_hash, s.last_block, ?, 'pending', ?, ? FROM ")
                            + staging + QLatin1String(" s LEFT JOIN ") + production
                            + QLatin1String(" b ON b.token = s.token AND b.holder = s.holder WHERE ") + unfinished
                            + QLatin1String(" OR COALESCE(b.balance, 0) + s.balance NOT BETWEEN 0 AND ") + QString::fromStdString((Limit - 1).str())
                            + QLatin1String(" ON CONFLICT (chain_id, token, holder) WHERE status = 'pending' ")
                            + coalesce() + QLatin1String(" RETURNING 1"),
                        {chainId, balanceUpdateTypeName(BalanceUpdateType::Transfer), queuePriority(BalanceUpdateType::Transfer), now, now,
                         chainId});
    if (!queued)
        return queued.error();
    if (!queued->isEmpty()) {
        if (Status s = ensureOnDemandIndexes(chainId); !s)
            return s;
    }
    // Everyone else: the new balance, in production and in the global table, one statement.
    if (Status s = exec(QLatin1String("WITH kept AS (INSERT INTO ") + production
                            + QLatin1String(" AS b (token, holder, balance, last_block, last_tx_hash, computed_at) "
                                            "SELECT s.token, s.holder, COALESCE(p.balance, 0) + s.balance, s.last_block, s.last_tx_hash, s.computed_at FROM ")
                            + staging + QLatin1String(" s LEFT JOIN ") + production
                            + QLatin1String(" p ON p.token = s.token AND p.holder = s.holder WHERE NOT ") + unfinished
                            + QLatin1String(" ON CONFLICT (token, holder) DO UPDATE SET balance = excluded.balance, last_block = excluded.last_block, "
                                            "last_tx_hash = excluded.last_tx_hash, computed_at = excluded.computed_at "
                                            "WHERE b.last_block <= excluded.last_block "
                                            "RETURNING b.token, b.holder, b.balance, b.last_block, b.computed_at) INSERT INTO ")
                            + globalTable(QStringLiteral("token_balances"))
                            + QLatin1String(" AS g (chain_id, token, holder, balance, last_block, updated_at) "
                                            "SELECT ?, token, holder, balance, last_block, computed_at FROM kept "
                                            "ON CONFLICT (chain_id, token, holder) DO UPDATE SET balance = excluded.balance, "
                                            "last_block = excluded.last_block, updated_at = excluded.updated_at "
                                            "WHERE g.last_block <= excluded.last_block"),
                        {chainId, chainId});
        !s)
        return s;
    return exec(QLatin1String("DELETE FROM ") + staging);
}

Status Store::ensureOnDemandIndexes(qint64 chainId)
{
    if (m_onDemandIndexed.contains(chainId) || m_onDemandIndexedPending.contains(chainId))
        return {};
    QElapsedTimer timer;
    timer.start();
    for (const EntityDef &e : evmEntities()) {
        for (const QString &statement : ddl::createIndexes(backend(), ddl::TableKind::Production, chainId, e, true)) {
            if (Status s = exec(statement); !s)
                return s;
        }
    }
    if (timer.elapsed() > 100)
        qCInfo(lcStore) << "built the recount indexes of chain" << chainId << "in" << timer.elapsed() << "ms";
    (m_transactionDepth > 0 ? m_onDemandIndexedPending : m_onDemandIndexed).insert(chainId);
    return {};
}

Status Store::enqueueKeys(qint64 chainId, const QList<SqlRow> &rows, BalanceUpdateType type)
{
    if (Status s = ensureOnDemandIndexes(chainId); !s)
        return s;
    // rows as staged balances: token, holder, (unused), block, tx hash, time.
    const QString staging = chainTable(chainId, QStringLiteral("token_balances"), true);
    if (Status s = bulkInsert(staging, stagedBalanceColumns(), rows); !s)
        return s;
    const qint64 now = this->now();
    if (Status s = exec(QLatin1String("INSERT INTO ") + admin("balance_update_queue")
                            + QLatin1String(" (chain_id, token, holder, update_type, tx_hash, block_number, priority, status, created_at, "
                                            "next_attempt_at) SELECT ?, token, holder, ?, last_tx_hash, last_block, ?, 'pending', ?, ? FROM ")
                            + staging + QLatin1String(" WHERE true ON CONFLICT (chain_id, token, holder) WHERE status = 'pending' ") + coalesce(),
                        {chainId, balanceUpdateTypeName(type), queuePriority(type), now, now});
        !s)
        return s;
    return exec(QLatin1String("DELETE FROM ") + staging);
}

} // namespace arbor

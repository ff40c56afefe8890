// IndexStore: the transfers-mode balances a head range keeps current inside its promotion
// (DESIGN.md §8). It adds each holder's net change to the balance it had at the previous
// checkpoint: exact signed arithmetic in memory, then one upsert per touched holder (SQLite),
// or the changes staged and summed where the balances are (PostgreSQL). Holders the queue still
// has work for, and tokens whose balances come from the node or whose history is being
// backfilled, go to the queue instead.

#include "model/u256wide.h"
#include "store/indexstore.h"
#include "store/sqlparams.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

namespace arbor {

/// Wide enough that no range's sum of uint256 transfers can overflow it.
using Net = boost::multiprecision::int512_t;
/// 2^256: no balance reaches it.
const Net Limit = Net(1) << 256;

namespace {

/// (token, holder) as one 40-byte key, kept in place: a range's transfers look up two each.
struct HolderKey
{
    std::array<char, 2 * Address::Size> bytes;

    HolderKey(QByteArrayView token, QByteArrayView holder)
    {
        bytes.fill(0);
        std::copy_n(token.data(), std::min<qsizetype>(token.size(), Address::Size), bytes.begin());
        std::copy_n(holder.data(), std::min<qsizetype>(holder.size(), Address::Size), bytes.begin() + Address::Size);
    }
    friend bool operator==(const HolderKey &, const HolderKey &) = default;
};

size_t qHash(const HolderKey &key, size_t seed = 0)
{
    // Five words, as Qt hashes composite keys: cheaper than qHashBits' SipHash over 40 bytes.
    std::array<quint64, 5> words;
    static_assert(sizeof words == sizeof key.bytes);
    std::memcpy(words.data(), key.bytes.data(), sizeof words);
    return qHashMulti(seed, words[0], words[1], words[2], words[3], words[4]);
}

} // namespace

// --- balances kept by head ranges -------------------------------------------------------------

/// An exact sum of uint256 amounts: the low 256 bits and how often they wrapped. Adding one is
/// four word additions, where the signed 512-bit Net took a sign test and a subtraction.
struct AmountSum
{
    U256 low;
    quint64 wraps = 0;

    void add(const U256 &amount)
    {
        const U256 before = low;
        low += amount;
        wraps += low < before ? 1 : 0;
    }
    Net wide() const { return (Net(wraps) << 256) + u256::toWide<Net>(low); }
};

/// One holder's net change of one token over a range, and its latest transfer there.
struct HolderChange
{
    Address token;
    Address holder;
    AmountSum in;    ///< received over the range
    AmountSum out;   ///< sent over the range
    const TokenTransfer *last = nullptr;

    Net net() const { return in.wide() - out.wide(); }
};

namespace {

/// Each changed holder's stored balance (null where it has none) and its unfinished queue items:
/// rows of (token, holder, balance, count).
Result<QList<SqlRow>> storedBalances(Store &store, qint64 chainId, const EntityDef &balances, const QHash<HolderKey, HolderChange> &changes)
{
    // The keys go in as VALUES lists, a few hundred per statement: in process, a staging table
    // would cost SQLite an insert and a delete per key more. A few statement shapes only
    // (256, 64, 16, 4 and 1 keys), so each is prepared once.
    const QString head = QLatin1String("SELECT s.column1, s.column2, b.balance, (SELECT COUNT(*) FROM ") + store.admin("balance_update_queue")
        + QLatin1String(" q WHERE q.chain_id = ? AND q.token = s.column1 AND q.holder = s.column2 AND q.status <> 'completed') FROM (VALUES ");
    const QString tail = QLatin1String(") AS s LEFT JOIN ") + store.chainTable(chainId, balances.name)
        + QLatin1String(" b ON b.token = s.column1 AND b.holder = s.column2");
    QList<SqlRow> out;
    out.reserve(changes.size());
    auto next = changes.cbegin();
    qsizetype left = changes.size();
    for (const qsizetype chunk : {256, 64, 16, 4, 1}) {
        for (; left >= chunk; left -= chunk) {
            QString sql = head;
            QVariantList params{chainId};
            params.reserve(1 + 2 * chunk);
            for (qsizetype i = 0; i < chunk; ++i, ++next) {
                sql += i == 0 ? QLatin1String("(?, ?)") : QLatin1String(", (?, ?)");
                params << borrowedBytes(next->token.bytes()) << borrowedBytes(next->holder.bytes());
            }
            auto rows = store.query(sql + tail, params);
            if (!rows)
                return rows.error();
            out += *rows;
        }
    }
    return out;
}

} // namespace

Status IndexStore::keepTransferBalances(const IndexBatch &batch, const EntityDef &balances)
{
    const qint64 chain = batch.chainId;
    auto modes = m_store.tokenModes(chain);
    if (!modes)
        return modes.error();
    // A token whose history is still being backfilled has no base to add to: its holders are
    // recounted once the backfill's ranges land.
    auto backfilling = m_store.query(QLatin1String("SELECT address FROM ") + m_store.admin("backfills")
                                 + QLatin1String(" WHERE chain_id = ? AND status = 'pending'"),
                             {chain});
    if (!backfilling)
        return backfilling.error();
    QSet<QByteArray> incomplete;
    for (const SqlRow &r : *backfilling)
        incomplete.insert(r[0].toByteArray());

    QHash<HolderKey, HolderChange> changes;
    QHash<HolderKey, HolderChange> queued;
    // Whether each token's balances are kept here, decided once per token, not per transfer.
    std::map<Address, bool> keptTokens;
    const Address zero;
    for (const TokenTransfer &t : batch.transfers) {
        auto known = keptTokens.find(t.token);
        if (known == keptTokens.end()) {
            const QByteArray token = t.token.toBytes();
            known = keptTokens.emplace(t.token, modes->value(token, BalanceMode::Transfers) == BalanceMode::Transfers && !incomplete.contains(token)).first;
        }
        const bool kept = known->second;
        for (const auto &[holder, incoming] : {std::pair{&t.from, false}, std::pair{&t.to, true}}) {
            if (*holder == zero)
                continue;   // mints and burns move the supply, not a holder
            HolderChange &c = (kept ? changes : queued)[HolderKey(t.token.bytes(), holder->bytes())];
            if (!c.last) {
                c.token = t.token;
                c.holder = *holder;
            }
            if (kept)
                (incoming ? c.in : c.out).add(t.value);
            c.last = &t;
        }
    }
    // A range's net beyond uint256 either way (spam tokens move absurd amounts) cannot be a
    // change of a real balance: the queue recounts such holders and says what it found.
    for (auto it = changes.begin(); it != changes.end();) {
        if (const Net net = it->net(); net >= Limit || net <= -Limit) {
            queued.insert(it.key(), *it);
            it = changes.erase(it);
        } else {
            ++it;
        }
    }

    const qint64 now = m_store.now();
    if (!changes.isEmpty() && m_store.backend() == Backend::Postgres) {
        if (Status s = addChangesInDatabase(chain, balances, batch.to, changes.values(), now); !s)
            return s;
    } else if (!changes.isEmpty()) {
        // The touched holders' balances at the previous checkpoint, and whether the queue holds
        // an unfinished item for them (a reorg, reindex or mode change recount): those are
        // recounted by the queue, which sees this range's transfers too.
        auto current = storedBalances(m_store, chain, balances, changes);
        if (!current)
            return current.error();

        QList<SqlRow> balances;
        balances.reserve(current->size());
        for (const SqlRow &r : *current) {
            const HolderKey key(r[0].toByteArray(), r[1].toByteArray());
            auto it = changes.find(key);
            if (it == changes.end())
                return Error::internal(tr("A staged balance key of chain %1 was not among the range's holders.").arg(chain));
            Net balance = it->net();
            if (!r[2].isNull()) {
                auto old = m_store.u256FromValue(r[2], QStringLiteral("token_balances.balance"));
                if (!old)
                    return old.error();
                balance += u256::toWide<Net>(*old);
            }
            // Still queued, or a base that cannot be right (history missing): the queue recounts
            // and, for a negative sum, says why.
            if (r[3].toLongLong() > 0 || balance < 0 || balance >= Limit) {
                queued.insert(key, *it);
                continue;
            }
            balances.append({borrowedBytes(it->token.bytes()), borrowedBytes(it->holder.bytes()), m_store.u256Value(*u256::fromWide(balance)), batch.to,
                             borrowedBytes(it->last->txHash.bytes()), now});
        }
        if (Status s = m_store.writeBalances(chain, balances); !s)
            return s;
    }

    if (queued.isEmpty())
        return {};
    QList<SqlRow> rows;
    rows.reserve(queued.size());
    for (const HolderChange &c : std::as_const(queued))
        rows.append({borrowedBytes(c.token.bytes()), borrowedBytes(c.holder.bytes()), m_store.u256Value(0), c.last->blockNumber, borrowedBytes(c.last->txHash.bytes()), now});
    return enqueueKeys(chain, balances, rows, BalanceUpdateType::Transfer);
}

Status IndexStore::addChangesInDatabase(qint64 chainId, const EntityDef &balances, qint64 height, const QList<HolderChange> &changes,
                                        qint64 now)
{
    // PostgreSQL's NUMERIC holds the signed changes, so the sums happen where the balances are:
    // one COPY and three statements instead of a round trip of every touched balance.
    const QString staging = m_store.chainTable(chainId, balances.name, true);
    const QString production = m_store.chainTable(chainId, balances.name);
    const QString queue = m_store.admin("balance_update_queue");
    const QStringList columns = ddl::columnNames(ddl::TableKind::Staging, balances);
    QList<SqlRow> rows;
    rows.reserve(changes.size());
    for (const HolderChange &c : changes) {
        rows.append({borrowedBytes(c.token.bytes()), borrowedBytes(c.holder.bytes()), QString::fromStdString(c.net().str()), height,
                     borrowedBytes(c.last->txHash.bytes()), now});
    }
    if (Status s = m_store.bulkInsert(staging, columns, rows); !s)
        return s;
    const QString unfinished = QLatin1String("EXISTS (SELECT 1 FROM ") + queue
        + QLatin1String(" q WHERE q.chain_id = ? AND q.token = s.token AND q.holder = s.holder AND q.status <> 'completed')");
    // Holders the queue still has work for, or whose sum would go negative (history missing),
    // are queued; the recount sees this range's transfers too.
    auto queued = m_store.query(QLatin1String("INSERT INTO ") + queue
                            + QLatin1String(" (chain_id, token, holder, update_type, tx_hash, block_number, priority, status, created_at, "
                                            "next_attempt_at) SELECT ?, s.token, s.holder, ?, s.last_tx_hash, s.last_block, ?, 'pending', ?, ? FROM ")
                            + staging + QLatin1String(" s LEFT JOIN ") + production
                            + QLatin1String(" b ON b.token = s.token AND b.holder = s.holder WHERE ") + unfinished
                            + QLatin1String(" OR COALESCE(b.balance, 0) + s.balance NOT BETWEEN 0 AND ") + QString::fromStdString((Limit - 1).str())
                            + QLatin1String(" ON CONFLICT (chain_id, token, holder) WHERE status = 'pending' ")
                            + m_store.coalesce() + QLatin1String(" RETURNING 1"),
                        {chainId, balanceUpdateTypeName(BalanceUpdateType::Transfer), queuePriority(BalanceUpdateType::Transfer), now, now,
                         chainId});
    if (!queued)
        return queued.error();
    if (!queued->isEmpty()) {
        if (Status s = m_store.ensureOnDemandIndexes(chainId); !s)
            return s;
    }
    // Everyone else: the new balance, in production and in the global table, one statement.
    // The staged balance is the change. Stored balances are updated by a join, not by ON
    // CONFLICT: every promotion of a busy chain rewrites most of its balances, and each
    // conflict's index probe walks the versions the promotions before left behind (a balance
    // is indexed, so no update is in place); the join reads the table once. New holders are
    // inserted; the lease keeps any other writer out, and a conflict would fail the promotion
    // rather than store the change as the balance.
    const QString version = balances.versionColumn;
    QStringList sameKey, set, kept, globalSet, sameGlobalKey;
    for (const QString &k : balances.key)
        sameKey.append(QLatin1String("b.") + k + QLatin1String(" = s.") + k);
    for (const QString &c : columns) {
        if (balances.key.contains(c))
            continue;
        set.append(c == u"balance" ? QStringLiteral("balance = b.balance + s.balance") : c + QLatin1String(" = s.") + c);
    }
    const QStringList global = ddl::globalSourceColumns(balances);
    for (const ColumnDef &c : balances.globalColumns()) {
        kept.append(QLatin1String("b.") + c.name);
        if (balances.key.contains(c.name))
            sameGlobalKey.append(QLatin1String("g.") + c.globalName() + QLatin1String(" = k.") + c.name);
        else
            globalSet.append(c.globalName() + QLatin1String(" = k.") + c.name);
    }
    globalSet.append(QStringLiteral("updated_at = k.computed_at"));
    const QString globalVersion = balances.column(version)->globalName();
    const QString globalTable = m_store.globalTable(balances.name);
    const QString notQueued = QLatin1String(" AND NOT ") + unfinished;
    const QString returning = QLatin1String(" RETURNING ") + kept.join(QLatin1String(", ")) + QLatin1String(", b.computed_at");
    const QString sql = QLatin1String("WITH updated AS (UPDATE ") + production + QLatin1String(" AS b SET ") + set.join(QLatin1String(", "))
        + QLatin1String(" FROM ") + staging + QLatin1String(" s WHERE ") + sameKey.join(QLatin1String(" AND ")) + QLatin1String(" AND b.") + version
        + QLatin1String(" <= s.") + version + notQueued + returning + QLatin1String("), added AS (INSERT INTO ") + production + QLatin1String(" AS b (")
        + columns.join(QLatin1String(", ")) + QLatin1String(") SELECT s.") + columns.join(QLatin1String(", s.")) + QLatin1String(" FROM ") + staging
        + QLatin1String(" s WHERE NOT EXISTS (SELECT 1 FROM ") + production + QLatin1String(" b WHERE ") + sameKey.join(QLatin1String(" AND "))
        + u')' + notQueued + returning + QLatin1String("), kept AS (SELECT * FROM updated UNION ALL SELECT * FROM added), moved AS (UPDATE ")
        + globalTable + QLatin1String(" AS g SET ") + globalSet.join(QLatin1String(", ")) + QLatin1String(" FROM kept k WHERE g.chain_id = ? AND ")
        + sameGlobalKey.join(QLatin1String(" AND ")) + QLatin1String(" AND g.") + globalVersion + QLatin1String(" <= k.") + version
        + QLatin1String(") INSERT INTO ") + globalTable + QLatin1String(" AS g (") + ddl::columnNames(ddl::TableKind::Global, balances).join(QLatin1String(", "))
        + QLatin1String(") SELECT ?, k.") + global.join(QLatin1String(", k.")) + QLatin1String(", k.computed_at FROM kept k WHERE NOT EXISTS (SELECT 1 FROM ")
        + globalTable + QLatin1String(" g WHERE g.chain_id = ? AND ") + sameGlobalKey.join(QLatin1String(" AND ")) + QLatin1String(") ")
        + ddl::upsertConflict(ddl::TableKind::Global, balances, QStringLiteral("g"));
    if (Status s = m_store.exec(sql, {chainId, chainId, chainId, chainId, chainId}); !s)
        return s;
    return m_store.exec(QLatin1String("DELETE FROM ") + staging);
}

Status IndexStore::enqueueKeys(qint64 chainId, const EntityDef &balances, const QList<SqlRow> &rows, BalanceUpdateType type)
{
    if (Status s = m_store.ensureOnDemandIndexes(chainId); !s)
        return s;
    // rows as staged balances: token, holder, (unused), block, tx hash, time.
    const QString staging = m_store.chainTable(chainId, balances.name, true);
    if (Status s = m_store.bulkInsert(staging, ddl::columnNames(ddl::TableKind::Staging, balances), rows); !s)
        return s;
    const qint64 now = m_store.now();
    if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("balance_update_queue")
                            + QLatin1String(" (chain_id, token, holder, update_type, tx_hash, block_number, priority, status, created_at, "
                                            "next_attempt_at) SELECT ?, token, holder, ?, last_tx_hash, last_block, ?, 'pending', ?, ? FROM ")
                            + staging + QLatin1String(" WHERE true ON CONFLICT (chain_id, token, holder) WHERE status = 'pending' ") + m_store.coalesce(),
                        {chainId, balanceUpdateTypeName(type), queuePriority(type), now, now});
        !s)
        return s;
    return m_store.exec(QLatin1String("DELETE FROM ") + staging);
}

} // namespace arbor

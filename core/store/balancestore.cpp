// BalanceStore: the balance queries operators and their tools ask (DESIGN.md §8).

#include "store/balancestore.h"

namespace arbor {
namespace {

constexpr int MaxTopHolders = 10000;

} // namespace

Result<TokenBalance> BalanceStore::tokenBalance(qint64 chainId, const Address &token, const Address &holder)
{
    // One round trip when the chain and token exist (the common case); the checks that name
    // what is missing run only when that query finds nothing or the chain has no tables.
    auto rows = m_store.query(QLatin1String("SELECT c.name, k.symbol, k.name, k.decimals, b.balance, b.last_block, b.computed_at FROM ") + m_store.admin("chains")
                          + QLatin1String(" c JOIN ") + m_store.admin("tokens") + QLatin1String(" k ON k.chain_id = c.chain_id AND k.address = ? LEFT JOIN ")
                          + m_store.chainTable(chainId, QStringLiteral("token_balances"))
                          + QLatin1String(" b ON b.token = k.address AND b.holder = ? WHERE c.chain_id = ? AND c.state <> 'deleting'"),
                      {token.toBytes(), holder.toBytes(), chainId});
    if (!rows || rows->isEmpty()) {
        auto chain = m_store.query(QLatin1String("SELECT 1 FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ? AND state <> 'deleting'"), {chainId});
        if (!chain)
            return chain.error();
        if (chain->isEmpty())
            return Error::notFound(QStringLiteral("chain"), tr("There is no chain %1; `arborctl chain list` shows the chains.").arg(chainId));
        if (!rows)
            return rows.error();
        return Error::notFound(QStringLiteral("token"), tr("Chain %1 does not index the token %2; `arborctl chain list` shows its tokens.")
                                                            .arg(chainId).arg(token.toChecksumHex()));
    }
    const SqlRow &r = rows->first();
    TokenBalance b;
    b.chainId = chainId;
    b.chainName = r[0].toString();
    b.token = token;
    b.holder = holder;
    b.symbol = r[1].toString();
    b.tokenName = r[2].toString();
    if (!r[3].isNull())
        b.decimals = r[3].toInt();
    if (!r[4].isNull()) {
        auto balance = m_store.u256FromValue(r[4], QStringLiteral("token_balances.balance"));
        if (!balance)
            return balance.error();
        b.balance = *balance;
        b.lastBlock = r[5].toLongLong();
        b.updatedAt = r[6].toLongLong();
    }
    return b;
}

Result<QList<TokenBalance>> BalanceStore::portfolio(const Address &holder, const U256 &minBalance)
{
    // The global table holds every chain's balances, found by holder through its index.
    const U256 floor = std::max<U256>(minBalance, 1);
    auto rows = m_store.query(QLatin1String("SELECT g.chain_id, c.name, g.token, k.symbol, k.name, k.decimals, g.balance, g.last_block, g.updated_at FROM ")
                          + m_store.globalTable(QStringLiteral("token_balances")) + QLatin1String(" g JOIN ") + m_store.admin("chains")
                          + QLatin1String(" c ON c.chain_id = g.chain_id LEFT JOIN ") + m_store.admin("tokens")
                          + QLatin1String(" k ON k.chain_id = g.chain_id AND k.address = g.token "
                                          "WHERE g.holder = ? AND g.balance >= ? AND c.state <> 'deleting' ORDER BY g.chain_id, k.symbol, g.token"),
                      {holder.toBytes(), m_store.u256Value(floor)});
    if (!rows)
        return rows.error();
    QList<TokenBalance> out;
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        TokenBalance b;
        b.chainId = r[0].toLongLong();
        b.chainName = r[1].toString();
        auto token = Address::fromBytes(r[2].toByteArray(), QStringLiteral("token_balances.token"));
        auto balance = m_store.u256FromValue(r[6], QStringLiteral("token_balances.balance"));
        if (!token || !balance)
            return !token ? token.error() : balance.error();
        b.token = *token;
        b.symbol = r[3].toString();
        b.tokenName = r[4].toString();
        if (!r[5].isNull())
            b.decimals = r[5].toInt();
        b.holder = holder;
        b.balance = *balance;
        b.lastBlock = r[7].toLongLong();
        b.updatedAt = r[8].toLongLong();
        out.append(b);
    }
    return out;
}

Result<QList<TokenBalance>> BalanceStore::topHolders(qint64 chainId, const Address &token, int limit)
{
    if (limit < 1 || limit > MaxTopHolders)
        return Error::invalid(QStringLiteral("limit"), tr("%1 holders cannot be listed; use a limit from 1 to %2.").arg(limit).arg(MaxTopHolders));
    // Also checks the chain and the token.
    auto meta = tokenBalance(chainId, token, Address());
    if (!meta)
        return meta.error();
    auto rows = m_store.query(QLatin1String("SELECT holder, balance, last_block, computed_at FROM ") + m_store.chainTable(chainId, QStringLiteral("token_balances"))
                          + QLatin1String(" WHERE token = ? AND balance > ? ORDER BY balance DESC, holder LIMIT ?"),
                      {token.toBytes(), m_store.u256Value(0), limit});
    if (!rows)
        return rows.error();
    QList<TokenBalance> out;
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        TokenBalance b = *meta;
        auto holder = Address::fromBytes(r[0].toByteArray(), QStringLiteral("token_balances.holder"));
        auto balance = m_store.u256FromValue(r[1], QStringLiteral("token_balances.balance"));
        if (!holder || !balance)
            return !holder ? holder.error() : balance.error();
        b.holder = *holder;
        b.balance = *balance;
        b.lastBlock = r[2].toLongLong();
        b.updatedAt = r[3].toLongLong();
        out.append(b);
    }
    return out;
}

Result<QList<std::pair<qint64, U256>>> BalanceStore::balanceHistory(qint64 chainId, const Address &token, const Address &holder)
{
    auto meta = tokenBalance(chainId, token, holder);
    if (!meta)
        return meta.error();
    auto rows = m_store.query(QLatin1String("SELECT day, balance FROM ") + m_store.chainTable(chainId, QStringLiteral("balance_snapshots"))
                          + QLatin1String(" WHERE token = ? AND holder = ? ORDER BY day"),
                      {token.toBytes(), holder.toBytes()});
    if (!rows)
        return rows.error();
    QList<std::pair<qint64, U256>> out;
    for (const SqlRow &r : *rows) {
        auto balance = m_store.u256FromValue(r[1], QStringLiteral("balance_snapshots.balance"));
        if (!balance)
            return balance.error();
        out.append({r[0].toLongLong(), *balance});
    }
    return out;
}

} // namespace arbor

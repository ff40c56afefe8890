#pragma once

#include "error.h"
#include "model/address.h"
#include "model/balancequeue.h"
#include "model/u256.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QList>

#include <utility>

namespace arbor {

/**
 * The balance queries operators and their tools ask (DESIGN.md §8) over a Store: a holder's
 * balance of a token, a holder's portfolio across chains, a token's top holders and a holder's
 * daily snapshots. Read-only.
 *
 * A cheap view that owns these queries' SQL and no state: make one where it is needed,
 * `BalanceStore(store).portfolio(…)`. The balances themselves are written by promotion and the
 * queue (Store::writeBalances()); snapshots by QueueStore::takeBalanceSnapshots().
 *
 * Invariants: balances are raw token units (U256) with the token's decimals alongside for
 * display; chains being deleted are not shown.
 *
 * Thread: the thread of the Store it wraps; it must not outlive that Store.
 */
class BalanceStore
{
    // The texts were Store's: the translations know them under its context.
    Q_DECLARE_TR_FUNCTIONS(arbor::Store)

public:
    explicit BalanceStore(Store &store)
        : m_store(store)
    {
    }

    /// NotFound error for an unknown chain or a token the chain does not index. A holder with
    /// no balance row has balance 0 and lastBlock 0.
    Result<TokenBalance> tokenBalance(qint64 chainId, const Address &token, const Address &holder);
    /// Every non-zero balance of `holder` of at least `minBalance` (raw units) on every chain.
    Result<QList<TokenBalance>> portfolio(const Address &holder, const U256 &minBalance = 0);
    /// The token's largest holders, largest first; Invalid error for a limit outside 1…10000.
    Result<QList<TokenBalance>> topHolders(qint64 chainId, const Address &token, int limit);
    /// A holder's daily snapshots of the token, oldest first: (day start ms, balance).
    Result<QList<std::pair<qint64, U256>>> balanceHistory(qint64 chainId, const Address &token, const Address &holder);

private:
    Store &m_store;
};

} // namespace arbor

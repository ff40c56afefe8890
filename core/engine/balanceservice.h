#pragma once

#include "engine/engineservice.h"
#include "error.h"
#include "model/balancequeue.h"
#include "model/chainconfig.h"
#include "model/u256.h"

#include <QFuture>
#include <QList>
#include <QTimer>

#include <memory>

namespace arbor {

class ChainService;
class QueueProcessor;

/**
 * Balances and the balance queue (DESIGN.md §8): each chain's queue health, settings and failed
 * items, a token's balance mode, and the balance queries — a holder's balance, a portfolio
 * across chains, top holders and a token's total supply.
 *
 * Handed out by Engine::balances(). An engine that processes the queue runs its QueueProcessor
 * workers (EngineOptions::processQueue); the lease holder also records the health samples and
 * does the queue's upkeep (priority boost, daily balance snapshots) every queueMaintenanceMs.
 *
 * Thread: the Engine's; queries run on the reader, changes on the writer.
 */
class BalanceService final : public EngineService
{
    Q_OBJECT

public:
    ~BalanceService() override;

    /// Every chain's queue health now.
    QFuture<Result<QList<QueueHealth>>> queueHealth();
    /// Recorded health samples of the chain since `sinceMs` (kept 24 h), oldest first.
    QFuture<Result<QList<QueueHealth>>> queueHealthHistory(const ChainRef &chain, qint64 sinceMs);
    QFuture<Result<QList<QueueConfig>>> queueConfigs();
    QFuture<Status> setQueueConfig(const QueueConfig &config);
    /// Failed items of the chain back to pending; the number of items.
    QFuture<Result<qint64>> retryFailed(const ChainRef &chain);
    QFuture<Status> setBalanceMode(const ChainRef &chain, const Address &token, BalanceMode mode);
    /// Totals of this engine's queue workers since start (empty without processQueue).
    QueueRunStats queueTotals() const;
    /// The last health sample queueHealthChanged carried (empty before the first).
    const QList<QueueHealth> &lastQueueHealth() const { return m_lastHealth; }

    QFuture<Result<TokenBalance>> tokenBalance(const ChainRef &chain, const Address &token, const Address &holder);
    QFuture<Result<QList<TokenBalance>>> portfolio(const Address &holder, const U256 &minBalance = 0);
    QFuture<Result<QList<TokenBalance>>> topHolders(const ChainRef &chain, const Address &token, int limit);
    /// The token's total supply: its totalSupply() (eth_call at the newest block) through the
    /// chain's endpoints in priority order, the first that answers.
    QFuture<Result<U256>> tokenSupply(qint64 chainId, const Address &token);

Q_SIGNALS:
    /// Every chain's queue health, every EngineOptions::queueHealthIntervalMs.
    void queueHealthChanged(const QList<arbor::QueueHealth> &health);

private:
    friend class Engine;

    BalanceService(EngineContext &context, ChainService &chains, QObject *parent = nullptr);

    /// Queue workers (processQueue), health samples and, for the lease holder, upkeep.
    void start();
    /// Stops the timers and the workers; resolves when the workers' threads have ended.
    QFuture<void> shutdown();
    void sampleQueueHealth();
    void maintainQueue();

    ChainService &m_chains;
    std::unique_ptr<QueueProcessor> m_queue;
    QTimer m_healthTimer;
    bool m_healthInFlight = false;
    QList<QueueHealth> m_lastHealth;
    QTimer m_maintenanceTimer;
};

} // namespace arbor

// Engine: the balance queue's workers, health and upkeep, and the balance queries.

#include "engine/engine.h"

#include "engine/futures.h"
#include "engine/leasekeeper.h"
#include "engine/storethread.h"
#include "store/balancestore.h"
#include "store/queuestore.h"
#include "util/continuation.h"

namespace arbor {

using futures::ready;

void Engine::startQueue()
{
    qRegisterMetaType<arbor::QueueHealth>();
    qRegisterMetaType<QList<arbor::QueueHealth>>();
    if (m_options.processQueue && !m_state.readOnly && !m_queue) {
        m_queue = std::make_unique<QueueProcessor>(m_options.database, m_options.password, m_options.queue);
        m_queue->start();
    }
    if (m_options.queueHealthIntervalMs > 0 && !m_queueHealthTimer.isActive()) {
        m_queueHealthTimer.setInterval(m_options.queueHealthIntervalMs);
        connect(&m_queueHealthTimer, &QTimer::timeout, this, &Engine::sampleQueueHealth, Qt::UniqueConnection);
        m_queueHealthTimer.start();
        sampleQueueHealth();
    }
    if (m_lease->holds() && m_options.queueMaintenanceMs > 0 && !m_queueMaintenance.isActive()) {
        m_queueMaintenance.setInterval(m_options.queueMaintenanceMs);
        connect(&m_queueMaintenance, &QTimer::timeout, this, &Engine::maintainQueue, Qt::UniqueConnection);
        m_queueMaintenance.start();
        maintainQueue();
    }
}

void Engine::sampleQueueHealth()
{
    if (m_queueHealthInFlight)
        return;
    m_queueHealthInFlight = true;
    // Counted on the reader, so promotions on the writer are not held up; the lease holder
    // records the samples (one writer of the history), others only look.
    then(m_reader->run([](Store &s) { return QueueStore(s).sampleQueueHealth(false); }), this, [this](Result<QList<QueueHealth>> health) {
        m_queueHealthInFlight = false;
        if (!health) {
            qCWarning(lcEngine) << "queue health:" << health.error().toString();
            return;
        }
        if (m_lease->holds()) {
            then(m_writer->run([samples = *health](Store &s) { return QueueStore(s).recordQueueHealth(samples); }), this, [](Status s) {
                if (!s)
                    qCWarning(lcEngine) << "queue health not recorded:" << s.error().toString();
            });
        }
        Q_EMIT queueHealthChanged(*health);
    });
}

void Engine::maintainQueue()
{
    // Completed items go by the queue_completed retention policy (enginemaintenance.cpp).
    then(m_writer->run([](Store &s) -> Status {
        const qint64 now = nowMs();
        QueueStore queue(s);
        auto boosted = queue.boostQueue();
        if (!boosted)
            return boosted.error();
        auto snapshot = queue.takeBalanceSnapshots(now);
        if (!snapshot)
            return snapshot.error();
        if (*boosted || *snapshot)
            qCInfo(lcEngine) << "queue upkeep: boosted" << *boosted << "items, snapshot rows" << *snapshot;
        return {};
    }), this, [](Status s) {
        if (!s)
            qCWarning(lcEngine) << "queue upkeep:" << s.error().toString();
    });
}

QueueRunStats Engine::queueTotals() const
{
    return m_queue ? m_queue->totals() : QueueRunStats();
}

QFuture<Result<QList<QueueHealth>>> Engine::queueHealth()
{
    return m_reader->run([](Store &s) { return QueueStore(s).sampleQueueHealth(false); });
}

QFuture<Result<QList<QueueHealth>>> Engine::queueHealthHistory(const ChainRef &chain, qint64 sinceMs)
{
    using R = Result<QList<QueueHealth>>;
    return m_reader->run([this, chain, sinceMs](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        auto history = QueueStore(s).queueHealthHistory(c->config.chainId, sinceMs);
        if (history) {
            for (QueueHealth &h : *history)
                h.chainName = c->config.name;
        }
        return history;
    });
}

QFuture<Result<QList<QueueConfig>>> Engine::queueConfigs()
{
    return m_reader->run([](Store &s) { return QueueStore(s).queueConfigs(); });
}

QFuture<Status> Engine::setQueueConfig(const QueueConfig &config)
{
    if (Status s = checkWritable(); !s)
        return ready(s);
    return m_writer->run([config](Store &s) { return QueueStore(s).setQueueConfig(config); });
}

QFuture<Result<qint64>> Engine::retryFailed(const ChainRef &chain)
{
    using R = Result<qint64>;
    if (Status s = checkWritable(); !s)
        return ready<R>(s.error());
    return m_writer->run([this, chain](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        return QueueStore(s).retryFailedQueueItems(c->config.chainId);
    });
}

QFuture<Status> Engine::setBalanceMode(const ChainRef &chain, const Address &token, BalanceMode mode)
{
    if (Status s = checkWritable(); !s)
        return ready(s);
    auto future = m_writer->run([this, chain, token, mode](Store &s) -> Status {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        return QueueStore(s).setBalanceMode(c->config.chainId, token, mode);
    });
    then(future, this, [this](Status s) {
        if (s)
            refreshSnapshot();
    });
    return future;
}

QFuture<Result<TokenBalance>> Engine::tokenBalance(const ChainRef &chain, const Address &token, const Address &holder)
{
    using R = Result<TokenBalance>;
    return m_reader->run([this, chain, token, holder](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        return BalanceStore(s).tokenBalance(c->config.chainId, token, holder);
    });
}

QFuture<Result<QList<TokenBalance>>> Engine::portfolio(const Address &holder, const U256 &minBalance)
{
    return m_reader->run([holder, minBalance](Store &s) { return BalanceStore(s).portfolio(holder, minBalance); });
}

QFuture<Result<QList<TokenBalance>>> Engine::topHolders(const ChainRef &chain, const Address &token, int limit)
{
    using R = Result<QList<TokenBalance>>;
    return m_reader->run([this, chain, token, limit](Store &s) -> R {
        auto c = resolveChain(s, chain);
        if (!c)
            return c.error();
        return BalanceStore(s).topHolders(c->config.chainId, token, limit);
    });
}

} // namespace arbor

#include "engine/balanceservice.h"

#include "engine/chainservice.h"
#include "engine/enginecontext.h"
#include "model/hex.h"
#include "queue/queueprocessor.h"
#include "rpc/jsonrpcclient.h"
#include "store/balancestore.h"
#include "store/queuestore.h"
#include "util/continuation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>

#include <functional>
#include <memory>

namespace arbor {

using futures::fulfil;
using futures::makePromise;
using futures::ready;

BalanceService::BalanceService(EngineContext &context, ChainService &chains, QObject *parent)
    : EngineService(context, parent)
    , m_chains(chains)
{
    // Queue upkeep is a once-only chore: it follows the coordinator's role.
    connect(&context, &EngineContext::coordinatorChanged, this, [this](bool coordinates) {
        if (coordinates)
            start();
        else
            m_maintenanceTimer.stop();
    });
    qRegisterMetaType<arbor::QueueHealth>();
    qRegisterMetaType<QList<arbor::QueueHealth>>();
    m_healthTimer.setObjectName(QStringLiteral("queueHealthTimer"));
    m_maintenanceTimer.setObjectName(QStringLiteral("queueMaintenanceTimer"));
    connect(&m_healthTimer, &QTimer::timeout, this, &BalanceService::sampleQueueHealth);
    connect(&m_maintenanceTimer, &QTimer::timeout, this, &BalanceService::maintainQueue);
    // A read-only engine leaves the queue to the engine that holds the lease.
    connect(&context, &EngineContext::stateChanged, this, [this](const EngineState &state) {
        if (!state.readOnly)
            return;
        m_maintenanceTimer.stop();
        if (m_queue)
            m_queue->stop();
    });
}

BalanceService::~BalanceService()
{
    m_healthTimer.stop();
    m_maintenanceTimer.stop();
}

QFuture<void> BalanceService::shutdown()
{
    m_healthTimer.stop();
    m_maintenanceTimer.stop();
    return m_queue ? m_queue->shutdown() : futures::finished();
}

void BalanceService::start()
{
    if (m_context.options().processQueue && !m_context.readOnly() && !m_queue) {
        m_queue = std::make_unique<QueueProcessor>(m_context.options().database, m_context.options().password, m_context.options().queue);
        m_queue->start();
    }
    if (m_context.options().queueHealthIntervalMs > 0 && !m_healthTimer.isActive()) {
        m_healthTimer.setInterval(m_context.options().queueHealthIntervalMs);
        m_healthTimer.start();
        sampleQueueHealth();
    }
    if (m_context.holdsLease() && m_context.options().queueMaintenanceMs > 0 && !m_maintenanceTimer.isActive()) {
        m_maintenanceTimer.setInterval(m_context.options().queueMaintenanceMs);
        m_maintenanceTimer.start();
        maintainQueue();
    }
}

void BalanceService::sampleQueueHealth()
{
    if (m_healthInFlight)
        return;
    m_healthInFlight = true;
    // Counted on the reader, so promotions on the writer are not held up; the lease holder
    // records the samples (one writer of the history), others only look.
    then(m_context.read([](Store &s) { return QueueStore(s).sampleQueueHealth(false); }), this, [this](Result<QList<QueueHealth>> health) {
        m_healthInFlight = false;
        if (!health) {
            qCWarning(lcEngine) << "queue health:" << health.error().toString();
            return;
        }
        if (m_context.holdsLease()) {
            then(m_context.writer()->run([samples = *health](Store &s) { return QueueStore(s).recordQueueHealth(samples); }), this, [](Status s) {
                if (!s)
                    qCWarning(lcEngine) << "queue health not recorded:" << s.error().toString();
            });
        }
        m_lastHealth = *health;
        Q_EMIT queueHealthChanged(m_lastHealth);
    });
}

void BalanceService::maintainQueue()
{
    // Completed items go by the queue_completed retention policy (MaintenanceRunner).
    then(m_context.writer()->run([](Store &s) -> Status {
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

QueueRunStats BalanceService::queueTotals() const
{
    return m_queue ? m_queue->totals() : QueueRunStats();
}

QFuture<Result<QList<QueueHealth>>> BalanceService::queueHealth()
{
    return m_context.read([](Store &s) { return QueueStore(s).sampleQueueHealth(false); });
}

QFuture<Result<QList<QueueHealth>>> BalanceService::queueHealthHistory(const ChainRef &chain, qint64 sinceMs)
{
    using R = Result<QList<QueueHealth>>;
    return m_context.read([chain, sinceMs](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
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

QFuture<Result<QList<QueueConfig>>> BalanceService::queueConfigs()
{
    return m_context.read([](Store &s) { return QueueStore(s).queueConfigs(); });
}

QFuture<Status> BalanceService::setQueueConfig(const QueueConfig &config)
{
    return m_context.write([config](Store &s) { return QueueStore(s).setQueueConfig(config); });
}

QFuture<Result<qint64>> BalanceService::retryFailed(const ChainRef &chain)
{
    using R = Result<qint64>;
    return m_context.write([chain](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return QueueStore(s).retryFailedQueueItems(c->config.chainId);
    });
}

QFuture<Status> BalanceService::setBalanceMode(const ChainRef &chain, const Address &token, BalanceMode mode)
{
    auto future = m_context.write([chain, token, mode](Store &s) -> Status {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return QueueStore(s).setBalanceMode(c->config.chainId, token, mode);
    });
    then(future, this, [this](Status s) {
        if (s)
            m_chains.refreshSnapshot();
    });
    return future;
}

QFuture<Result<TokenBalance>> BalanceService::tokenBalance(const ChainRef &chain, const Address &token, const Address &holder)
{
    using R = Result<TokenBalance>;
    return m_context.read([chain, token, holder](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return BalanceStore(s).tokenBalance(c->config.chainId, token, holder);
    });
}

QFuture<Result<QList<TokenBalance>>> BalanceService::portfolio(const Address &holder, const U256 &minBalance)
{
    return m_context.read([holder, minBalance](Store &s) { return BalanceStore(s).portfolio(holder, minBalance); });
}

QFuture<Result<QList<TokenBalance>>> BalanceService::topHolders(const ChainRef &chain, const Address &token, int limit)
{
    using R = Result<QList<TokenBalance>>;
    return m_context.read([chain, token, limit](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return BalanceStore(s).topHolders(c->config.chainId, token, limit);
    });
}

QFuture<Result<U256>> BalanceService::tokenSupply(qint64 chainId, const Address &token)
{
    using R = Result<U256>;
    QList<QUrl> urls;
    for (const ChainRecord &chain : m_chains.snapshot()) {
        if (chain.config.chainId != chainId)
            continue;
        for (const EndpointRecord &e : chain.endpoints)
            urls.append(e.url);   // in priority order
        if (urls.isEmpty())
            urls = chain.config.rpcUrls;
    }
    if (urls.isEmpty())
        return ready<R>(Error::notFound(QStringLiteral("chain"), tr("Chain %1 has no RPC endpoint to read the token's supply from.").arg(chainId)));

    auto promise = makePromise<R>();
    const int timeoutMs = m_context.options().probeTimeoutMs;
    QNetworkAccessManager *network = m_context.network();
    const Status posted = m_context.onNetworkThread([=] {
        // On the network thread: each endpoint in turn until one answers.
        auto next = std::make_shared<std::function<void(int, Error)>>();
        *next = [=](int at, Error last) {
            if (at >= urls.size()) {
                const auto keepAlive = std::move(*next);
                fulfil(promise, R(last));
                return;
            }
            auto *client = new JsonRpcClient(network, urls.at(at), network);
            client->setTimeout(timeoutMs);
            const QJsonObject call{{QStringLiteral("to"), token.toHex()}, {QStringLiteral("data"), QStringLiteral("0x18160ddd")}};
            client->call(QStringLiteral("eth_call"), QJsonArray{call, QStringLiteral("latest")}, [=](Result<QJsonValue> answer) {
                client->deleteLater();
                if (!answer) {
                    (*next)(at + 1, answer.error());
                    return;
                }
                auto data = hex::decode(answer->toString(), QStringLiteral("totalSupply"));
                if (!data || data->size() != 32) {
                    const auto keepAlive = std::move(*next);
                    fulfil(promise, R(Error::invalid(QStringLiteral("totalSupply"),
                                                     tr("The token %1 does not answer totalSupply() with a number.").arg(token.toChecksumHex()))));
                    return;
                }
                const auto keepAlive = std::move(*next);
                fulfil(promise, R(u256::fromBigEndian(*data, QStringLiteral("totalSupply"))));
            });
        };
        (*next)(0, Error::unavailable(QStringLiteral("rpc"), tr("No endpoint answered.")));
    });
    if (!posted)
        fulfil(promise, R(posted.error()));
    return promise->future();
}


} // namespace arbor

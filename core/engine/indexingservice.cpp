#include "engine/indexingservice.h"

#include "engine/chainleasekeeper.h"
#include "engine/enginecontext.h"
#include "engine/indexersupervisor.h"
#include "engine/leasekeeper.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"
#include "util/continuation.h"

namespace arbor {

IndexingService::IndexingService(EngineContext &context, QObject *parent)
    : EngineService(context, parent)
    , m_supervisor(std::make_unique<IndexerSupervisor>(context.writer(), context.options().indexer, context.options().statusIntervalMs))
{
    connect(m_supervisor.get(), &IndexerSupervisor::statusesChanged, this, &IndexingService::chainStatusChanged);
    connect(m_supervisor.get(), &IndexerSupervisor::promoted, this, &IndexingService::chainPromoted);
    connect(m_supervisor.get(), &IndexerSupervisor::reorgHandled, this, &IndexingService::reorgHandled);
    // A read-only engine indexes nothing (another engine holds the lease).
    connect(&context, &EngineContext::stateChanged, this, [this](const EngineState &state) {
        if (state.readOnly)
            m_supervisor->stopAll();
    });
    // Chains taken, handed over or lost: index what is held now.
    connect(context.chainLeases(), &ChainLeaseKeeper::heldChanged, this, [this] { follow(m_chains); });
    // A write refused for a lost lease: the keeper's next beat says who holds it now.
    connect(m_supervisor.get(), &IndexerSupervisor::leaseLost, this, [this](qint64 chainId, const QString &reason) {
        Q_EMIT chainLeaseLost(chainId, reason);
        m_context.chainLeases()->beatAfterRefusal();
    });
}

IndexingService::~IndexingService() = default;

QList<ChainStatus> IndexingService::chainStatuses() const
{
    return m_supervisor->statuses();
}

void IndexingService::follow(const QList<ChainRecord> &chains)
{
    const EngineOptions &options = m_context.options();
    QHash<qint64, qint64> wanted;
    const ChainLeaseKeeper *leases = m_context.chainLeases();
    bool unleased = false;
    if (options.indexing && m_context.active() && leases->isRunning()) {
        for (const ChainRecord &c : chains) {
            const qint64 id = c.config.chainId;
            if (c.state != ChainState::Active || m_stopped.contains(id) || (!options.onlyChains.isEmpty() && !options.onlyChains.contains(id)))
                continue;
            // Only the chains this engine holds the lease on, each under its epoch.
            if (leases->held().contains(id))
                wanted.insert(id, leases->held().value(id));
            else
                unleased = true;
        }
    }
    m_chains = chains;
    m_supervisor->sync(wanted);
    // A chain just added or resumed: claim it now rather than at the next beat.
    if (unleased)
        m_context.chainLeases()->beatNow();
}

void IndexingService::stopChain(qint64 chainId)
{
    m_stopped.insert(chainId);
    m_supervisor->stop(chainId);
}

void IndexingService::stopAll()
{
    m_supervisor->stopAll();
}

void IndexingService::checkForWork(qint64 chainId)
{
    m_supervisor->checkForWork(chainId);
}

bool IndexingService::probeNow(qint64 chainId, std::function<void(QList<EndpointRecord>)> done)
{
    return m_supervisor->probeNow(chainId, std::move(done));
}

ChainSeries IndexingService::series(qint64 chainId, qint64 sinceMs) const
{
    return m_supervisor->series(chainId, sinceMs);
}

void IndexingService::forget(qint64 chainId)
{
    m_stopped.remove(chainId);
    m_supervisor->forget(chainId);
}

QFuture<void> IndexingService::shutdown()
{
    return m_supervisor->shutdown();
}

QFuture<Result<ReindexRequest>> IndexingService::requestReindex(const ChainRef &chain, qint64 from, qint64 to, const QString &reason)
{
    using R = Result<ReindexRequest>;
    const QString by = m_context.lease()->holder().describe();
    return then(m_context.write([chain, from, to, reason, by](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        if (c->state != ChainState::Active)
            return Error::conflict(QStringLiteral("chain"), tr("Chain %1 is %2; resume it before reindexing.").arg(c->config.name, chainStateName(c->state)));
        return IndexStore(s).requestReindex(c->config.chainId, from, to, reason, by);
    }), this, [this](R request) {
        if (request)
            checkForWork(request->chainId);
        return request;
    });
}

QFuture<Result<QList<ReindexRequest>>> IndexingService::reindexRequests(const ChainRef &chain)
{
    using R = Result<QList<ReindexRequest>>;
    return m_context.read([chain](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return IndexStore(s).reindexRequests(c->config.chainId);
    });
}

QFuture<Status> IndexingService::resync(const ChainRef &chain, const QString &table)
{
    return m_context.write([chain, table](Store &s) -> Status {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return IndexStore(s).resyncGlobal(c->config.chainId, evmEntities(), table);
    });
}

QFuture<Result<QList<SyncStatusRow>>> IndexingService::syncStatus(const QList<qint64> &only)
{
    return m_context.read([only](Store &s) { return ChainRegistry(s).syncStatus(evmEntities(), only); });
}

QFuture<Result<QList<ReorgRecord>>> IndexingService::reorgs(const ChainRef &chain)
{
    using R = Result<QList<ReorgRecord>>;
    return m_context.read([chain](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return IndexStore(s).reorgs(c->config.chainId);
    });
}

QFuture<Result<int>> IndexingService::pendingBackfills(const ChainRef &chain)
{
    using R = Result<int>;
    return m_context.read([chain](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        auto plan = IndexStore(s).indexPlan(c->config.chainId);
        if (!plan)
            return plan.error();
        return int(plan->backfills.size());
    });
}

QFuture<Result<QList<IndexRange>>> IndexingService::indexRanges(const ChainRef &chain)
{
    using R = Result<QList<IndexRange>>;
    return m_context.read([chain](Store &s) -> R {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return IndexStore(s).indexRanges(c->config.chainId);
    });
}

} // namespace arbor

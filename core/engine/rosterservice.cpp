#include "engine/rosterservice.h"

#include "engine/chainleasekeeper.h"
#include "engine/enginecontext.h"
#include "engine/indexingservice.h"
#include "model/chainconfig.h"
#include "util/continuation.h"

namespace arbor {

RosterService::RosterService(EngineContext &context, QObject *parent)
    : EngineService(context, parent)
{
    ChainLeaseKeeper *keeper = context.chainLeases();
    connect(keeper, &ChainLeaseKeeper::taken, this, &RosterService::leaseTaken);
    connect(keeper, &ChainLeaseKeeper::handedOver, this, &RosterService::leaseHandedOver);
    connect(keeper, &ChainLeaseKeeper::lost, this, &RosterService::leaseLost);
}

RosterService::~RosterService() = default;

QString RosterService::engineName() const
{
    return m_context.chainLeases()->isRunning() ? m_context.chainLeases()->identity().name : QString();
}

bool RosterService::shared() const
{
    return m_context.shared();
}

QHash<qint64, qint64> RosterService::heldChains() const
{
    return m_context.chainLeases()->held();
}

QFuture<Result<QList<EngineRecord>>> RosterService::engines()
{
    return m_context.read([](Store &s) { return EngineStore(s).engines(); });
}

QFuture<Result<QList<ChainLease>>> RosterService::leases()
{
    return m_context.read([](Store &s) { return EngineStore(s).leases(); });
}

QFuture<Status> RosterService::moveChain(const ChainRef &chain, const QString &engine)
{
    return m_context.write([chain, engine](Store &s) -> Status {
        auto c = EngineContext::resolveChain(s, chain);
        if (!c)
            return c.error();
        return EngineStore(s).requestMove(c->config.chainId, engine);
    });
}

QFuture<Status> RosterService::setDraining(const QString &engine, bool draining)
{
    return m_context.write([engine, draining](Store &s) { return EngineStore(s).setDraining(engine, draining); });
}

} // namespace arbor

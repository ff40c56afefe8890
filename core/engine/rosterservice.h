#pragma once

#include "engine/engineservice.h"
#include "store/enginestore.h"

#include <QFuture>

namespace arbor {

struct ChainRef;

/**
 * The engines on this database and which chain each indexes (DESIGN.md §10): the list of
 * engines and chain leases, and the operator's verbs on them — move a chain to a named engine,
 * drain an engine before maintenance and resume it. Also says, as signals, what this engine's
 * own leases do (taken, handed over, lost), for `arborctl serve`'s log and the console's.
 *
 * Handed out by Engine::roster(). Any engine may read and command; the engines act on a move or
 * a drain at their next heartbeat.
 *
 * Thread: the Engine's; never waits on the database.
 */
class RosterService final : public EngineService
{
    Q_OBJECT

public:
    ~RosterService() override;

    /// This engine's name among the engines (empty for an engine that does not index).
    QString engineName() const;
    /// Whether other engines may index on this database beside this one (PostgreSQL, indexing).
    bool shared() const;
    /// Chain → epoch, for the chains this engine holds the lease on now.
    QHash<qint64, qint64> heldChains() const;

    QFuture<Result<QList<EngineRecord>>> engines();
    QFuture<Result<QList<ChainLease>>> leases();
    /// `chain` is indexed by engine `engine` from its next heartbeat on.
    QFuture<Status> moveChain(const ChainRef &chain, const QString &engine);
    /// Draining: the engine gives up its chains and takes none until resumed.
    QFuture<Status> setDraining(const QString &engine, bool draining);

Q_SIGNALS:
    void leaseTaken(qint64 chainId, qint64 epoch);
    void leaseHandedOver(qint64 chainId);
    void leaseLost(qint64 chainId, const QString &reason);

private:
    friend class Engine;

    explicit RosterService(EngineContext &context, QObject *parent = nullptr);
};

} // namespace arbor

#include "engine/engine.h"

#include "engine/agentservice.h"
#include "engine/alertservice.h"
#include "engine/balanceservice.h"
#include "engine/chainleasekeeper.h"
#include "engine/chainservice.h"
#include "engine/databaseservice.h"
#include "engine/enginecontext.h"
#include "engine/indexingservice.h"
#include "engine/leasekeeper.h"
#include "engine/rosterservice.h"
#include "engine/statsservice.h"
#include "engine/triggerservice.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/enginestore.h"
#include "store/indexstore.h"
#include "util/continuation.h"
#include "util/workerthread.h"

namespace arbor {

using futures::cancel;
using futures::fulfil;

/// What prepareDatabase() found and did.
struct Engine::Prepared
{
    Prepared() = default;
    /// The job could not run (the writer had closed, or it threw): StoreThread::run's answer.
    explicit Prepared(Error error) : status(std::move(error)) {}

    Status status;
    std::optional<LeaseInfo> lease;
    QString leaseConflict;                  ///< another engine holds the lease (ReadOnlyIfHeld)
    bool standBy = false;                   ///< PostgreSQL: another engine coordinates; this one indexes beside it
    std::optional<EngineIdentity> joined;   ///< an indexing engine's identity among the engines, as it joined
    QList<qint64> deleting;                 ///< deletes a crash interrupted
    QHash<qint64, QString> deletingNames;
};

Engine::Prepared Engine::prepare(Store &store, const EngineOptions &options, const LeaseHolder &holder, EngineIdentity me)
{
    Prepared out;
    if (options.schema == EngineOptions::Schema::Inspect)
        return out;
    if (auto migrated = store.migrate(); !migrated) {
        out.status = migrated.error();
        return out;
    }
    if (options.lease != EngineOptions::Lease::None) {
        auto lease = store.acquireLease(holder, options.leaseStaleAfterMs);
        const bool conflict = !lease && lease.error().kind == Error::Kind::Conflict;
        if (lease) {
            out.lease = *lease;
        } else if (conflict && options.indexing && options.shareChains && store.backend() == Backend::Postgres) {
            // Several engines share a PostgreSQL database: this one indexes its share of the
            // chains and stands by for the coordinator's chores.
            out.standBy = true;
        } else if (conflict && options.lease == EngineOptions::Lease::ReadOnlyIfHeld) {
            out.leaseConflict = lease.error().message;
            return out;
        } else if (conflict && store.backend() == Backend::Sqlite) {
            out.status = Error::conflict(lease.error().field, lease.error().message + QLatin1Char(' ')
                                                                   + QCoreApplication::translate("arbor::Engine", "An SQLite database serves one engine; "
                                                                                                                  "for several engines use one PostgreSQL database."));
            return out;
        } else {
            out.status = lease.error();
            return out;
        }
    }
    if (auto changes = store.reconcileEntityTables(evmEntities()); !changes) {
        out.status = changes.error();
        return out;
    }
    if (out.lease) {
        if (Status counted = IndexStore(store).countActiveHoldersOnce(evmEntities()); !counted) {
            out.status = counted.error();
            return out;
        }
        if (Status counted = IndexStore(store).recountAgentsOnce(evmEntities()); !counted) {
            out.status = counted.error();
            return out;
        }
    }
    if (options.indexing && (out.lease || out.standBy)) {
        if (options.claimChainsOnlyWhenAlone) {
            // A console beside running engines watches and commands; alone it indexes.
            auto engines = EngineStore(store).engines();
            if (!engines) {
                out.status = engines.error();
                return out;
            }
            if (std::any_of(engines->cbegin(), engines->cend(), [&](const EngineRecord &e) { return e.alive && e.name != me.name; }))
                me.maxChains = 0;
        }
        if (store.backend() == Backend::Sqlite && out.lease) {
            if (Status forgot = EngineStore(store).forgetOthers(me.token); !forgot) {
                out.status = forgot;
                return out;
            }
        }
        if (Status joined = EngineStore(store).join(me); !joined) {
            out.status = joined;
            return out;
        }
        // Its chains' leases lapse when a write holds this connection longer than a lease
        // (heartbeats queue behind it); a transaction frozen that long is ended by the server,
        // so the engine that takes the chains over is not left waiting on its row locks.
        store.limitIdleTransactions(me.leaseMs);
        out.joined = me;
    }
    auto deleting = ChainRegistry(store).chainsBeingDeleted();
    if (!deleting) {
        out.status = deleting.error();
        return out;
    }
    out.deleting = *deleting;
    if (!deleting->isEmpty()) {
        if (auto all = ChainRegistry(store).chains()) {
            for (const ChainRecord &c : *all)
                out.deletingNames.insert(c.config.chainId, c.config.name);
        }
    }
    return out;
}

Engine::Engine(EngineOptions options, QObject *parent)
    : QObject(parent)
    , m_context(std::make_unique<EngineContext>(std::move(options)))
{
    qRegisterMetaType<arbor::EngineState>();
    EngineContext &context = *m_context;
    m_indexing.reset(new IndexingService(context));
    m_chains.reset(new ChainService(context, *m_indexing));
    m_balances.reset(new BalanceService(context, *m_chains));
    m_triggers.reset(new TriggerService(context, *m_indexing));
    m_alerts.reset(new AlertService(context, *m_chains, *m_indexing, *m_balances, *m_triggers));
    m_database.reset(new DatabaseService(context));
    m_stats.reset(new StatsService(context, *m_chains, *m_indexing, *m_balances));
    m_agents.reset(new AgentService(context));
    m_roster.reset(new RosterService(context));

    connect(&context, &EngineContext::stateChanged, this, &Engine::stateChanged);
    // Indexing follows the registry: active chains are indexed, paused, deleted and gone ones not.
    connect(m_chains.get(), &ChainService::chainsChanged, m_indexing.get(), &IndexingService::follow);
}

Engine::~Engine()
{
    // The services that feed on others go first. After shutdown() has resolved, every step
    // finds its threads ended and returns at once; otherwise each joins its own here.
    m_agents.reset();
    m_alerts.reset();
    m_stats.reset();
    m_triggers.reset();     // its delivery worker records attempts through the writer, still open
    m_balances.reset();
    m_chains.reset();
    m_indexing.reset();     // indexers post promotions to the writer: joined before it closes
    if (!m_context->shuttingDown())
        m_database->flushStatementTimings();   // while the lease is still ours
    m_database.reset();
    m_context->chainLeases()->leave();         // queued behind any write in flight
    m_roster.reset();                          // after leave(): it says which chains were handed over
    m_context->lease()->release();
    m_context.reset();                         // the reader and then the writer close
}

const EngineOptions &Engine::options() const
{
    return m_context->options();
}

EngineState Engine::state() const
{
    return m_context->state();
}

bool Engine::isReadOnly() const
{
    return m_context->readOnly();
}

QFuture<Status> Engine::start()
{
    auto promise = futures::makePromise<Status>();
    const EngineOptions &options = m_context->options();
    // Each step gives up once shutdown() has been called: the stores it would use are closing.
    then(m_context->writer()->open(options.database, options.password), this, [this, promise](Status opened) {
        if (m_context->shuttingDown())
            return cancel(promise);
        if (!opened)
            return fulfil(promise, opened);
        // A PostgreSQL session takes a round trip or two and a server process to set up: the
        // reader's is made while the writer migrates and takes the lease. SQLite's reader waits:
        // it opens in no time, and beside the writer's first migrations it could meet their locks.
        if (m_context->options().database.backend == Backend::Postgres)
            m_readerOpened = m_context->reader()->open(m_context->options().database, m_context->options().password);
        prepareDatabase(promise);
    });
    return promise->future();
}

void Engine::prepareDatabase(const StartPromise &promise)
{
    const EngineOptions options = m_context->options();
    const LeaseHolder holder = m_context->lease()->holder();
    EngineIdentity me;
    me.name = options.engineName.isEmpty() ? QStringLiteral("%1-%2").arg(holder.host).arg(holder.pid) : options.engineName;
    me.token = holder.token;
    me.host = holder.host;
    me.pid = holder.pid;
    me.app = holder.app;
    me.maxChains = options.maxChains;
    me.leaseMs = options.chainLeaseMs;
    then(m_context->writer()->run([options, holder, me](Store &store) { return prepare(store, options, holder, me); }), this, [this, promise](Prepared out) {
        if (m_context->shuttingDown())
            return cancel(promise);
        if (!out.status)
            return fulfil(promise, out.status);
        if (!out.leaseConflict.isEmpty())
            m_context->markReadOnly(out.leaseConflict);
        if (out.lease) {
            if (!out.lease->tookOverFrom.isEmpty())
                qCWarning(lcEngine) << "took over the lease of" << out.lease->tookOverFrom << "which is no longer running";
            m_context->lease()->keep(m_context->writer());
        }
        if (m_context->options().database.backend == Backend::Postgres && out.joined)
            m_context->setShared(true);
        if (out.standBy)
            m_context->lease()->standBy(m_context->writer(), m_context->options().leaseStaleAfterMs);
        if (out.joined)
            m_context->chainLeases()->setIdentity(*out.joined, m_context->options().onlyChains);
        openReader(out, promise);
    });
}

void Engine::openReader(const Prepared &prepared, const StartPromise &promise)
{
    const EngineOptions &options = m_context->options();
    const QFuture<Status> readerOpen = m_readerOpened.isValid() ? m_readerOpened : m_context->reader()->open(options.database, options.password);
    then(readerOpen, this, [this, prepared, promise](Status opened) {
        if (m_context->shuttingDown())
            return cancel(promise);
        if (!opened)
            return fulfil(promise, opened);
        startServices(prepared, promise);
    });
}

void Engine::startServices(const Prepared &prepared, const StartPromise &promise)
{
    m_context->markStarted();
    // The chains first: their snapshot starts the indexers, and it is read before the first
    // jobs of the services below (which all start before any of their answers comes back).
    m_chains->start();
    m_balances->start();
    m_triggers->start();
    m_alerts->start();      // records alerts where the triggers run
    m_stats->start();
    m_database->start();
    m_agents->start();
    if (prepared.joined)
        m_context->chainLeases()->start();   // its first beat claims the chains they index
    if (prepared.deleting.isEmpty() || m_context->readOnly())
        return fulfil(promise, Status());
    // Finish deletes a crash interrupted before anything else sees the chain.
    then(m_chains->finishDeletions(prepared.deleting, prepared.deletingNames), this, [promise] { fulfil(promise, Status()); });
}

QFuture<void> Engine::shutdown()
{
    if (m_context->shuttingDown())
        return m_shutdown;
    m_context->markShuttingDown();
    m_chains->stop();
    // Raises and clears from here on (chains forgotten as indexers stop) are not recorded.
    m_alerts->stopRecording();
    m_stats->stop();
    m_agents->stop();

    const QList<QFuture<void>> workers{m_balances->shutdown(), m_indexing->shutdown(), m_triggers->shutdown()};
    QList<QFuture<void>> threads = workers;
    threads.append(m_stats->shutdown());
    threads.append(m_database->shutdown());
    // Nothing on the reader or the network thread writes or holds the lease: they end now.
    threads.append(m_context->reader()->close());
    threads.append(m_context->closeNetwork());

    // The writer last: stopping indexers and the delivery worker still post to it (endpoint
    // health, attempts), and the lease is ours until the last of their writes is done.
    auto writerClosed = futures::makePromise<void>();
    threads.append(writerClosed->future());
    then(whenAll(workers, this), this, [this, writerClosed] {
        then(closeWriter(), this, [writerClosed] { writerClosed->finish(); });
    });
    m_shutdown = whenAll(threads, this);
    return m_shutdown;
}

QFuture<void> Engine::closeWriter()
{
    LeaseKeeper *lease = m_context->lease();
    m_context->chainLeases()->leave();   // the indexers have stopped: their chains are free now
    if (lease->holds()) {
        m_database->flushStatementTimings();
        lease->release();
    } else if (!m_context->started() && !m_context->readOnly() && m_context->options().lease != EngineOptions::Lease::None) {
        lease->release(m_context->writer());   // start() may have taken it a moment ago
    }
    return m_context->writer()->close();
}

} // namespace arbor

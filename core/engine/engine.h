#pragma once

#include "engine/engineoptions.h"
#include "error.h"

#include <QFuture>
#include <QObject>
#include <QPromise>

#include <memory>

namespace arbor {

class AgentService;
class RosterService;
class AlertService;
class BalanceService;
class ChainService;
class DatabaseService;
class EngineContext;
class IndexingService;
class Store;
struct EngineIdentity;
struct LeaseHolder;
class StatsService;
class TriggerService;

/**
 * What the console and arborctl hold: Arbor's engine on one database. It owns the threads (a
 * writer and a reader StoreThread, the network thread, and through its services the indexer,
 * queue and delivery threads), the database lease and the lifecycle, and hands out the domain
 * services every operator verb goes through:
 *
 * - chains()    the chain registry: add, edit, pause, delete, tokens, probes, the chain snapshot
 * - indexing()  indexing statuses, reindex, resync, indexed ranges, reorgs
 * - balances()  the balance queue and the balance queries
 * - triggers()  triggers, dry runs, replays, the delivery log
 * - alerts()    the alert monitor, alert rules and the alert history
 * - agents()    ERC-8004 agents, their registration files and MCP tokens; the outbound allow-list
 * - roster()    the engines on the database, which chain each indexes, move and drain
 * - database()  migrations, sizes, retention, maintenance, backup and restore
 * - stats()     metric series, chart history, aggregates and the Prometheus endpoint
 *
 * A page holds the service it uses. Each service lives on the Engine's thread (the GUI or CLI
 * main thread) and never blocks it: its commands return QFutures resolved there, its changes
 * arrive as signals carrying immutable snapshots, and every service announces the engine's
 * state (EngineService::stateChanged).
 *
 * On SQLite only the Engine that holds the database lease writes; one started without it
 * (another engine is running) is read-only and every command says so. On PostgreSQL several
 * engines share the database: each indexes the chains it holds a lease on (ChainLeaseKeeper),
 * and the one holding the database lease, the coordinator, also runs the once-only chores.
 *
 * Stopping: shutdown() ends every thread without blocking and resolves when they have ended;
 * the destructor is then instant. Without shutdown() (arborctl, tests) the destructor does the
 * same steps itself and waits for them, on the thread that destroys the Engine.
 */
class Engine final : public QObject
{
    Q_OBJECT

public:
    explicit Engine(EngineOptions options, QObject *parent = nullptr);
    ~Engine() override;

    /// Opens the database, applies migrations, takes the lease, finishes interrupted deletions
    /// and reconciles entity tables, then starts the services. Must succeed before any command.
    QFuture<Status> start();
    /**
     * Stops the engine without blocking the calling thread, in the destructor's order: the
     * timers stop and no snapshot or indexer starts again; the queue workers halt, the trigger
     * delivery worker and the indexers stop (their threads joined off this thread), backups
     * under way stop; the reader and the network thread end; once the indexers and workers
     * have, the lease release is queued behind every write in flight and the writer finishes
     * its queue and closes. The future resolves when every thread of the engine has finished;
     * destroying the Engine then waits for nothing.
     *
     * A start() still under way is abandoned (its future is canceled, a lease it took is given
     * back). Commands afterwards fail with "not open" once their StoreThread has closed. Calling
     * it again returns the same future.
     */
    QFuture<void> shutdown();

    const EngineOptions &options() const;
    EngineState state() const;
    bool isReadOnly() const;

    ChainService *chains() const { return m_chains.get(); }
    IndexingService *indexing() const { return m_indexing.get(); }
    BalanceService *balances() const { return m_balances.get(); }
    TriggerService *triggers() const { return m_triggers.get(); }
    AlertService *alerts() const { return m_alerts.get(); }
    DatabaseService *database() const { return m_database.get(); }
    StatsService *stats() const { return m_stats.get(); }
    AgentService *agents() const { return m_agents.get(); }
    RosterService *roster() const { return m_roster.get(); }

Q_SIGNALS:
    void stateChanged(const arbor::EngineState &state);

private:
    struct Prepared;
    using StartPromise = std::shared_ptr<QPromise<Status>>;

    /// Migrations, the lease, entity tables and unfinished deletes, in one writer job.
    void prepareDatabase(const StartPromise &promise);
    /// That job, on the writer.
    static Prepared prepare(Store &store, const EngineOptions &options, const LeaseHolder &holder, EngineIdentity me);
    void openReader(const Prepared &prepared, const StartPromise &promise);
    void startServices(const Prepared &prepared, const StartPromise &promise);
    /// After the workers have stopped: statement timings flushed, the lease released and the
    /// writer closed; resolves when it has.
    QFuture<void> closeWriter();

    std::unique_ptr<EngineContext> m_context;
    std::unique_ptr<IndexingService> m_indexing;
    std::unique_ptr<ChainService> m_chains;
    std::unique_ptr<BalanceService> m_balances;
    std::unique_ptr<TriggerService> m_triggers;
    std::unique_ptr<AlertService> m_alerts;
    std::unique_ptr<DatabaseService> m_database;
    std::unique_ptr<StatsService> m_stats;
    std::unique_ptr<AgentService> m_agents;
    std::unique_ptr<RosterService> m_roster;
    QFuture<void> m_shutdown;                     ///< shutdown()'s future, once called
    QFuture<Status> m_readerOpened;               ///< PostgreSQL: the reader's session, opened while the writer prepares
};

} // namespace arbor

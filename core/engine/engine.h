#pragma once

#include "error.h"
#include "engine/chaindeletion.h"
#include "engine/indexeroptions.h"
#include "engine/metricspublisher.h"
#include "engine/recordedstatuses.h"
#include "metrics/chainmetrics.h"
#include "model/chainconfig.h"
#include "model/chainedit.h"
#include "model/chainstatus.h"
#include "model/balancequeue.h"
#include "queue/queueprocessor.h"
#include "rpc/endpointprobe.h"
#include "store/databasebackup.h"
#include "store/databaseurl.h"
#include "store/indexbatch.h"
#include "store/indexstore.h"
#include "store/migrations.h"
#include "store/alertstore.h"
#include "store/databasestats.h"
#include "store/maintenancelog.h"
#include "store/retention.h"
#include "triggers/alertrule.h"
#include "triggers/triggerrecords.h"

#include <QFuture>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

class QNetworkAccessManager;

Q_DECLARE_LOGGING_CATEGORY(lcEngine)

namespace arbor {

struct Alert;
class AlertMonitor;
class AlertService;
class IndexerSupervisor;
class LeaseKeeper;
class Store;
class StoreThread;
class TriggerService;
class DatabaseStatsRecorder;
class MetricsRecorder;

struct EngineOptions
{
    DatabaseUrl database;
    QString password;                   ///< PostgreSQL only; empty lets libpq use PGPASSWORD/.pgpass
    QString app = QStringLiteral("arbor");
    /// Engines (the console, `arborctl index|serve`) take the one-engine lease; one-shot admin
    /// commands do not.
    enum class Lease { None, Required, ReadOnlyIfHeld };
    Lease lease = Lease::Required;
    /// Migrate: apply pending migrations, reconcile tables, finish interrupted deletions.
    /// Inspect: only open the database (for `arborctl db status|migrate`).
    enum class Schema { Migrate, Inspect };
    Schema schema = Schema::Migrate;
    qint64 leaseStaleAfterMs = 30000;
    int heartbeatMs = 5000;
    int snapshotIntervalMs = 1000;      ///< 0: no periodic chain snapshots (CLI one-shots)
    int probeTimeoutMs = 10000;
    /// Index every active chain (the console, `arborctl index|serve`); one-shot commands do not.
    bool indexing = false;
    /// With indexing: only these chains (empty: all).
    QList<qint64> onlyChains;
    IndexerOptions indexer;
    int statusIntervalMs = 500;         ///< how often chainStatusChanged may fire
    /// Run balance-queue workers (the console, `arborctl serve|index`).
    bool processQueue = false;
    QueueOptions queue;
    /// How often queueHealthChanged fires (the lease holder also records each sample); 0: never.
    int queueHealthIntervalMs = 0;
    /// Queue upkeep by the lease holder: reclaim, priority boost, daily snapshots.
    int queueMaintenanceMs = 60000;
    /// The lease holder applies the retention policies this often (0: never on a schedule).
    int retentionIntervalMs = 3600000;
    /// And runs database maintenance this often, counted from the last run recorded by any
    /// engine (0: never on a schedule).
    qint64 maintenanceIntervalMs = 24LL * 3600000;
    /// How the trigger outbox is sent (an indexing engine with the lease sends it).
    DeliveryOptions delivery;
    /// Called after each step of every delete (see DeletionStepHook). Unset in the product;
    /// tests set it to interrupt a delete where a crash would.
    DeletionStepHook deletionStepHook;
};

/// The engine as the console shows it in its status bar.
struct EngineState
{
    bool started = false;
    bool readOnly = false;
    QString readOnlyReason;
    QString backend;                    ///< DatabaseUrl::displayName()
};

/**
 * The facade the console and arborctl hold: every operator verb goes through here.
 *
 * Engine lives on the thread that created it (the GUI or CLI main thread) and never blocks it:
 * database work runs on a writer StoreThread and a reader StoreThread, network work on a
 * network thread. Commands return QFutures whose results arrive on the Engine's thread;
 * continuous state arrives as signals carrying immutable snapshots (chainsChanged), batched on
 * a timer.
 *
 * Only the Engine that holds the database lease writes. One started without it (another
 * engine is running, or takeLease is false) is read-only and every command says so.
 *
 * Engine is the facade: the work is done by the parts it owns and wires together — a
 * LeaseKeeper (renews the lease), an IndexerSupervisor (one ChainIndexer thread per indexed
 * chain, statuses and metrics), the QueueProcessor, and one operation object per long command
 * (ChainAddition, ChainEdition, ChainDeletion). None of them reaches into Engine; each gets what it needs.
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
    /// and reconciles entity tables. Must succeed before any other command.
    QFuture<Status> start();
    /**
     * Stops the engine without blocking the calling thread, in the destructor's order: the
     * timers stop and no snapshot or indexer starts again; the queue workers halt, the trigger
     * delivery worker and the indexers stop (their threads joined off this thread); the reader
     * and the network thread end; once the indexers and workers have, the lease release is
     * queued behind every write in flight and the writer finishes its queue and closes. The
     * future resolves when every thread of the engine has finished; destroying the Engine then
     * waits for nothing.
     *
     * A start() still under way is abandoned (its future is canceled, a lease it took is given
     * back). Commands afterwards fail with "not open" once their StoreThread has closed. Calling
     * it again returns the same future.
     */
    QFuture<void> shutdown();

    const EngineOptions &options() const { return m_options; }
    EngineState state() const { return m_state; }
    bool isReadOnly() const { return m_state.readOnly; }

    QFuture<Result<MigrationStatus>> migrationStatus();
    QFuture<Result<int>> migrate();

    /// Validates, probes every URL (chain id must match on all), registers the chain and its
    /// tables. Nothing is written unless every check passes.
    QFuture<Result<ChainRecord>> addChain(const ChainConfig &config);
    /// eth_chainId, eth_blockNumber and web3_clientVersion on every URL at once; `expectedChainId`
    /// 0 skips the chain-id check. Needs no started engine.
    QFuture<Result<QList<ProbeResult>>> probeEndpoints(const QList<QUrl> &urls, qint64 expectedChainId);
    /**
     * Name, symbol, decimals (eth_call) and deployment block (binary search on eth_getCode up
     * to `head`, a hint only: most nodes keep no historical state) of each token, read through
     * `url`. With `startBlock`, also the balance mode the token gets when indexing starts there,
     * and why: Transfers when it has no Transfer before the start block (eth_getLogs, which
     * every node serves), BalanceOf otherwise. Needs no started engine.
     */
    QFuture<Result<QList<TokenInfo>>> probeTokens(const QUrl &url, const QList<Address> &tokens, qint64 head,
                                                  std::optional<qint64> startBlock = std::nullopt);
    /**
     * Changes a registered chain (ChainEdit): its name, RPC URLs (new ones probed as at add:
     * the chain id must match), poll interval, confirmations, RPC rate, and ERC-8004 registries
     * added (their past events backfilled from the start block). Every check runs before
     * anything is written, and the edit is written in one transaction. The chain's running
     * indexer takes the edit up at once (another process's within its work poll); chainsChanged
     * follows. Returns the chain as stored afterwards.
     */
    QFuture<Result<ChainRecord>> editChain(const ChainRef &chain, const ChainEdit &edit);
    QFuture<Status> setPaused(const ChainRef &chain, bool paused);
    /// Runs the journaled delete; deletionProgress reports each step.
    QFuture<Status> deleteChain(const ChainRef &chain);
    QFuture<Result<QList<ChainRecord>>> chains();
    /**
     * Probe now (engineprobe.cpp): every RPC endpoint of the chain gets an eth_blockNumber at
     * once. Where this engine indexes the chain, its indexer's endpoints are probed: an open
     * circuit's wait is reset, an answer closes it, the head is polled again and the result
     * shows in the chain's status (chainStatusChanged). Elsewhere (arborctl, a read-only
     * console, a paused chain) the endpoints are probed from the network thread and nothing is
     * recorded; the engine indexing the chain probes an open circuit every few seconds anyway.
     * Returns the endpoints as probed, in the one vocabulary (EndpointStatus).
     */
    QFuture<Result<QList<EndpointRecord>>> probeNow(const ChainRef &chain);

    /// Records an audited reindex of [from, to] (within what is indexed); the chain's indexer
    /// re-fetches the range and replaces its rows.
    QFuture<Result<ReindexRequest>> requestReindex(const ChainRef &chain, qint64 from, qint64 to, const QString &reason);
    QFuture<Result<QList<ReindexRequest>>> reindexRequests(const ChainRef &chain);
    /// Rebuilds the chain's global rows (all cross-chain tables, or `table`) from production.
    QFuture<Status> resync(const ChainRef &chain, const QString &table = QString());
    QFuture<Result<QList<SyncStatusRow>>> syncStatus();
    QFuture<Result<QList<ReorgRecord>>> reorgs(const ChainRef &chain);
    /// Reads the token's metadata and deployment block from the chain, adds it, and backfills
    /// its history up to the checkpoint: no full reindex.
    QFuture<Result<TokenInfo>> addToken(const ChainRef &chain, const Address &token);
    /// Backfills of the chain not yet finished.
    QFuture<Result<int>> pendingBackfills(const ChainRef &chain);
    /// The chain's indexed ranges (index_progress), merged and ordered: what is not in them is a gap.
    QFuture<Result<QList<IndexRange>>> indexRanges(const ChainRef &chain);

    // --- balance queue and balances ----------------------------------------------------
    /// Every chain's queue health now.
    QFuture<Result<QList<QueueHealth>>> queueHealth();
    /// Recorded health samples of the chain since `sinceMs` (kept 24 h), oldest first.
    QFuture<Result<QList<QueueHealth>>> queueHealthHistory(const ChainRef &chain, qint64 sinceMs);
    QFuture<Result<QList<QueueConfig>>> queueConfigs();
    QFuture<Status> setQueueConfig(const QueueConfig &config);
    /// Failed items of the chain back to pending; the number of items.
    QFuture<Result<qint64>> retryFailed(const ChainRef &chain);
    QFuture<Status> setBalanceMode(const ChainRef &chain, const Address &token, BalanceMode mode);
    QFuture<Result<TokenBalance>> tokenBalance(const ChainRef &chain, const Address &token, const Address &holder);
    QFuture<Result<QList<TokenBalance>>> portfolio(const Address &holder, const U256 &minBalance = 0);
    QFuture<Result<QList<TokenBalance>>> topHolders(const ChainRef &chain, const Address &token, int limit);
    /// The token's total supply: its totalSupply() (eth_call at the newest block) through the
    /// chain's endpoints in priority order, the first that answers (enginesupply.cpp).
    QFuture<Result<U256>> tokenSupply(qint64 chainId, const Address &token);
    /// Totals of this engine's queue workers since start (empty without processQueue).
    QueueRunStats queueTotals() const;

    // --- triggers and actions (enginetriggers.cpp) ---------------------------------------
    /// Stores a trigger (its chain given by id); it fires for events promoted from now on.
    QFuture<Result<TriggerRecord>> addTrigger(const TriggerDef &def);
    /// Replaces the definition of trigger `def.id`.
    QFuture<Result<TriggerRecord>> updateTrigger(const TriggerDef &def);
    QFuture<Result<TriggerRecord>> setTriggerEnabled(qint64 triggerId, bool enabled);
    /// The trigger goes; its open deliveries are cancelled, its results stay.
    QFuture<Status> deleteTrigger(qint64 triggerId);
    QFuture<Result<QList<TriggerRecord>>> triggers(std::optional<qint64> chainId = std::nullopt);
    QFuture<Result<TriggerRecord>> trigger(qint64 triggerId);
    /// Evaluates a trigger on stored events of [from, to] (default: all) from a fresh state;
    /// returns the matches with the payloads each action would send. Sends and writes nothing.
    QFuture<Result<DryRunResult>> dryRunTrigger(const TriggerDef &def, std::optional<qint64> from, std::optional<qint64> to);
    QFuture<Result<DryRunResult>> dryRunTrigger(qint64 triggerId, std::optional<qint64> from, std::optional<qint64> to);
    /// Sends for history, explicitly: a delivery for each match in [from, to] that has none.
    QFuture<Result<ReplayResult>> replayTrigger(qint64 triggerId, qint64 from, qint64 to);
    QFuture<Result<QList<ActionResult>>> triggerResults(const ResultFilter &filter);
    /// The result's delivery is sent again under the same delivery id; returns that id.
    QFuture<Result<QString>> resendResult(qint64 resultId);
    /// A real delivery of the newest stored event of the trigger's registry for one action,
    /// marked as a test; returns its delivery id.
    QFuture<Result<QString>> sendTestDelivery(qint64 triggerId, qint64 actionId);
    /// The newest stored event of a registry on a chain (the editor's template preview).
    QFuture<Result<std::optional<TriggerEvent>>> latestTriggerEvent(qint64 chainId, RegistryKind registry);
    QFuture<Result<QList<DeliveryMinute>>> deliveriesPerMinute(qint64 sinceMs);

    // --- alerts and alert rules (enginealerts.cpp) --------------------------------------------
    /// The alerts of this engine's chains (built-in ones and the operator's rules), fed by the
    /// engine; it lives as long as the Engine, on its thread.
    AlertMonitor *alertMonitor() const;
    QFuture<Result<QList<AlertRule>>> alertRules();
    /// Stores a rule; the monitor evaluates it from now on.
    QFuture<Result<AlertRule>> addAlertRule(const AlertRule &rule);
    QFuture<Result<AlertRule>> updateAlertRule(const AlertRule &rule);
    QFuture<Result<AlertRule>> setAlertRuleEnabled(qint64 ruleId, bool enabled);
    /// Silences a rule until `untilMs` (unix ms; 0 lifts it): its alerts are still shown, but
    /// nothing is delivered and no desktop notification pops up.
    QFuture<Result<AlertRule>> silenceAlertRule(qint64 ruleId, qint64 untilMs);
    /// The rule goes; its open deliveries are cancelled, its history and results stay.
    QFuture<Status> deleteAlertRule(qint64 ruleId);
    QFuture<Result<QList<AlertRecord>>> alertHistory(const AlertHistoryFilter &filter);
    /// Acknowledges a recorded alert (`arborctl alert ack ID`).
    QFuture<Result<AlertRecord>> acknowledgeAlert(qint64 alertId, const QString &note);
    /// Acknowledges an active alert of the monitor (the console's verb) and, where this engine
    /// records alerts, its history row. False when it is no longer active.
    bool acknowledgeAlert(const Alert &alert, const QString &note = QString());

    /// Latest indexing status per chain (only chains this engine indexes).
    QList<ChainStatus> chainStatuses() const;
    /// Head, checkpoint and lag of the registered chains this engine does not index (paused
    /// chains; every chain on a read-only console) as the database last recorded them, read
    /// off this thread with each chain snapshot (see RecordedStatuses). Never a chain that is in
    /// chainStatuses(); none before start().
    QList<ChainStatus> recordedStatuses() const;
    /// The chain's metric series (lag, blocks/s, RPC latency per endpoint) from `sinceMs` on
    /// (0: all held, about three hours), recorded from its statuses once per second at most.
    /// In memory and cheap: call it on chainStatusChanged. Dropped when the chain is deleted.
    ChainSeries chainSeries(qint64 chainId, qint64 sinceMs = 0) const;
    /**
     * The chain's chart history from the database (enginehistory.cpp): the samples an indexing
     * engine wrote every MetricsStore::SampleIntervalMs (kept 7 days, removed with the chain)
     * with times in [fromMs, toMs], downsampled to about `maxPoints` per series. Read on the
     * reader thread; a chart asks for it when it opens or its window changes, and shows the
     * in-memory chainSeries() after it.
     */
    QFuture<Result<ChainSeries>> chainHistory(qint64 chainId, qint64 fromMs, qint64 toMs, int maxPoints);

    // --- aggregates (engineaggregates.cpp) ----------------------------------------------------
    /// Daily network stats (blocks, transactions, transfers, active holders, gas used) of the
    /// chain, or of every chain, from `sinceDay` (days since the epoch) on, oldest first. Kept
    /// at promotion, so cheap to read.
    QFuture<Result<QList<NetworkDay>>> networkStats(std::optional<qint64> chainId, qint64 sinceDay);
    /// ERC-8004 registry events per hour, chain, registry and type since `sinceMs`, oldest first.
    QFuture<Result<QList<EventCountHour>>> eventCounts(qint64 sinceMs, std::optional<qint64> chainId = std::nullopt);
    /// Action attempts (triggers' and alert rules') per hour and action type since `sinceMs`:
    /// total, successes, failures, average and p95 duration.
    QFuture<Result<QList<ActionMetricsHour>>> actionMetrics(qint64 sinceMs);

    // --- the database: sizes and statements (enginedatabase.cpp) ------------------------------
    /**
     * What the database holds: backend and location, total and free space (PostgreSQL: dead
     * rows), every admin, global and chain table with its rows, table and index bytes, and each
     * chain's tables added up. Read on the reader thread; on SQLite it reads every page (dbstat),
     * seconds for a database of many GB.
     */
    QFuture<Result<DatabaseStats>> databaseStats();
    /// Size samples since `sinceMs` (unix ms), oldest first: the engine that holds the lease
    /// writes one per scope and chain shortly after it starts and then every hour.
    QFuture<Result<QList<DatabaseSizeSample>>> sizeHistory(qint64 sinceMs);
    /// The `limit` slowest statements by mean and by total time, and their source: the server's
    /// pg_stat_statements when PostgreSQL has it, else the timings Arbor's engines recorded
    /// (statement_stats, written every minute and at shutdown by the engine that holds the lease).
    QFuture<Result<SlowStatements>> slowStatements(int limit);

    // --- the database: retention and maintenance (enginemaintenance.cpp) ----------------------
    /// The retention policies (RetentionStore) with the days in force.
    QFuture<Result<QList<RetentionSetting>>> retentionPolicies();
    /// How long policy `name` keeps its rows: `days`, or for ever (nullopt) where the policy
    /// allows it. Invalid naming the policy and the fix otherwise; nothing written then.
    QFuture<Result<RetentionSetting>> setRetentionPolicy(const QString &name, std::optional<int> days);
    /**
     * Deletes what the policies say is past its age, RetentionStore::DefaultBatch rows per
     * writer job, so promotions and other writes go between batches. Recorded in
     * maintenance_runs (kind 'retention'; a step per policy and table with the rows deleted).
     * A run already under way is joined, not started twice. The lease holder of an indexing
     * engine also runs it every EngineOptions::retentionIntervalMs.
     */
    QFuture<Result<MaintenanceRun>> applyRetention();
    /**
     * DatabaseMaintenance (VACUUM/ANALYZE and index rebuilds on PostgreSQL; incremental vacuum,
     * PRAGMA optimize and a WAL checkpoint on SQLite; `full`: see MaintenanceOptions), one
     * writer job per step, each timed. Recorded in maintenance_runs (kind 'maintenance'); a
     * failed step is recorded and the run goes on. A run under way is joined. The lease holder
     * of an indexing engine also runs it every EngineOptions::maintenanceIntervalMs.
     */
    QFuture<Result<MaintenanceRun>> runMaintenance(bool full = false);
    /// The newest maintenance_runs rows (maintenance, retention, backup, restore), newest first.
    QFuture<Result<QList<MaintenanceRun>>> maintenanceRuns(int limit = 100);

    // --- the database: backup and restore (enginebackup.cpp) ----------------------------------
    /**
     * Copies this engine's database into `file` (DatabaseBackup: SQLite's online backup API, or
     * pg_dump) on a thread of its own, so indexing goes on and the caller's thread never waits.
     * `progress` (done, total) is called on the Engine's thread, through its event loop. Works on
     * a read-only or unstarted engine too. Canceling the future, or destroying the Engine, stops
     * the backup and leaves nothing written.
     */
    QFuture<Result<BackupResult>> backupDatabase(const QString &file, ExistingBackup existing = ExistingBackup::Refuse,
                                                 BackupProgress progress = {});
    /**
     * Restores the backup `file` into `target` — a new SQLite file or an empty PostgreSQL
     * database, never this engine's own database (Invalid on "target") — as backupDatabase runs a
     * backup: off this thread, `progress` on it. The restored database is left for the operator
     * to open; this engine goes on with its own. Conflict when `target` is not empty.
     */
    QFuture<Result<RestoreResult>> restoreDatabase(const DatabaseUrl &target, const QString &password, const QString &file,
                                                   BackupProgress progress = {});

    /// The last snapshot sent with chainsChanged.
    const QList<ChainRecord> &chainSnapshot() const { return m_snapshot; }
    /// Asks for a snapshot now instead of at the next tick.
    void refreshSnapshot();

    /**
     * Serves the Prometheus text format (`GET /metrics`) on `address` ("HOST:PORT") from a
     * thread of its own (PrometheusExporter), fed with snapshots of what this engine shows:
     * chains, indexing statuses, endpoint request and error counters, queue health and trigger
     * deliveries. Listens there instead of where it listened before; empty stops serving.
     * Resolves once listening, or with why not: Invalid (field "metrics address") for a
     * malformed address, Conflict when the port is taken, Unavailable when it cannot be bound
     * otherwise. A read-only engine serves what the database records.
     */
    QFuture<Status> serveMetrics(const QString &address);
    /// Where metrics are served ("127.0.0.1:9464"), empty when they are not.
    QString metricsAddress() const;

Q_SIGNALS:
    void chainsChanged(const QList<arbor::ChainRecord> &chains);
    void stateChanged(const arbor::EngineState &state);
    void deletionProgress(qint64 chainId, int step, const QString &name, bool done);
    void chainDeleted(qint64 chainId);
    /// Indexing status of every chain this engine indexes, batched (statusIntervalMs).
    void chainStatusChanged(const QList<arbor::ChainStatus> &statuses);
    /// A range of `chainId` was promoted; `checkpoint` is its checkpoint afterwards.
    void chainPromoted(qint64 chainId, qint64 from, qint64 to, std::optional<qint64> checkpoint);
    void reorgHandled(const arbor::ReorgRecord &reorg);
    /// Every chain's queue health, every queueHealthIntervalMs.
    void queueHealthChanged(const QList<arbor::QueueHealth> &health);
    /// A trigger was added, changed or deleted here.
    void triggersChanged();
    /// Deliveries were created or attempts recorded (the delivery log changed).
    void deliveriesChanged();
    /// An alert rule was added, changed, silenced or deleted here.
    void alertRulesChanged();
    /// The alert history changed (a raise, clear or acknowledgement was recorded).
    void alertHistoryChanged();
    /// A maintenance or retention run started or finished here (maintenanceRuns() changed).
    void maintenanceRunsChanged();

private:
    Status checkWritable() const;
    void setReadOnly(const QString &reason);
    QFuture<Status> runDeletion(qint64 chainId);
    /// Starts indexers for active chains and stops those of paused, deleting or gone chains.
    void syncIndexers();
    /// Queue workers (processQueue), health samples and, for the lease holder, upkeep.
    void startQueue();
    void sampleQueueHealth();
    void maintainQueue();
    /// The TriggerService, for an indexing engine that holds the lease.
    void startTriggers();
    /// The MetricsRecorder, for an indexing engine that holds the lease (enginehistory.cpp).
    void startChartHistory();
    /// Statement timings and size samples, for an engine that holds the lease (enginedatabase.cpp).
    void startDatabaseStats();
    void afterTriggerWrite();
    /// Alerts: the service fed by this engine's signals (engine constructor).
    void createAlerts();
    /// Rules read again (after a write here, and every AlertRuleReloadMs for other processes').
    void reloadAlertRules();
    QFuture<Result<AlertRule>> afterAlertRuleWrite(QFuture<Result<AlertRule>> written);
    Result<ChainRecord> resolveChain(Store &store, const ChainRef &chain) const;
    /// Takes `chains` (a fresh read) into m_recorded; reads checkpoint block times not yet known.
    void recordStatuses(const QList<ChainRecord> &chains);
    /// Retention and maintenance timers, for the lease holder of an indexing engine (enginemaintenance.cpp).
    void startMaintenanceSchedule();
    QFuture<Result<MaintenanceRun>> retentionRun(const QString &requestedBy);
    QFuture<Result<MaintenanceRun>> maintenanceRun(bool full, const QString &requestedBy);

    EngineOptions m_options;
    EngineState m_state;
    std::unique_ptr<StoreThread> m_writer;
    std::unique_ptr<StoreThread> m_reader;
    QThread m_networkThread;
    QNetworkAccessManager *m_network = nullptr;   ///< lives on m_networkThread
    EndpointProbe *m_probe = nullptr;              ///< lives on m_networkThread
    std::unique_ptr<LeaseKeeper> m_lease;         ///< released by the destructor
    QTimer m_snapshotTimer;
    bool m_snapshotInFlight = false;
    QList<ChainRecord> m_snapshot;
    QSet<qint64> m_deleting;
    QHash<qint64, QString> m_finishedAtStart;      ///< deletes start() finished: id → name
    std::unique_ptr<IndexerSupervisor> m_indexers; ///< from start(); before the writer goes

    std::unique_ptr<QueueProcessor> m_queue;
    QTimer m_queueHealthTimer;
    bool m_queueHealthInFlight = false;
    QTimer m_queueMaintenance;
    std::unique_ptr<TriggerService> m_triggers;   ///< from start(), when indexing with the lease
    std::unique_ptr<MetricsRecorder> m_chartHistory;   ///< from start(), when indexing with the lease
    std::unique_ptr<DatabaseStatsRecorder> m_databaseStats;   ///< from start(), with the lease
    RecordedStatuses m_recorded;
    bool m_recordInFlight = false;
    QHash<qint64, std::pair<qint64, std::optional<qint64>>> m_checkpointTimes;   ///< chain → (checkpoint, its block's time)

    std::unique_ptr<AlertService> m_alerts;       ///< from the constructor; records once triggers run
    QTimer m_alertRuleReload;
    static constexpr int AlertRuleReloadMs = 10000;
    std::unique_ptr<MetricsPublisher> m_metrics;  ///< from serveMetrics()
    QTimer m_retentionTimer;
    QTimer m_maintenanceTimer;
    std::optional<QFuture<Result<MaintenanceRun>>> m_retentionRun;     ///< under way
    std::optional<QFuture<Result<MaintenanceRun>>> m_maintenanceRun;   ///< under way
    bool m_shuttingDown = false;                  ///< shutdown() was called
    QFuture<void> m_shutdown;                     ///< its future
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::EngineState)

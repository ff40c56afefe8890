#pragma once

#include "error.h"
#include "model/chainconfig.h"
#include "model/entitydef.h"
#include "model/u256.h"
#include "model/balancequeue.h"
#include "store/databaseurl.h"
#include "store/ddl.h"
#include "store/indexbatch.h"
#include "store/migrations.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QLoggingCategory>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace arbor {

/// Who holds (or wants) the one-engine-per-database lease.
struct LeaseHolder
{
    qint64 pid = 0;
    QString host;
    QString app;        ///< "arbor", "arborctl index", …
    QString token;      ///< unique per engine instance: two engines in one process are two holders

    static LeaseHolder currentProcess(const QString &app);
    QString describe() const;
};

struct LeaseInfo
{
    LeaseHolder holder;
    QDateTime acquiredAt;
    QDateTime heartbeatAt;
    QString tookOverFrom;   ///< set when acquire() replaced a dead holder's lease
};

/// One step of the chain-deletion journal.
struct DeletionRecord
{
    int step = 0;
    QString name;
    QString status;         ///< "started", "done"
    QDateTime startedAt;
    QDateTime finishedAt;
};

struct HolderChange;

/// A row as the backends return it: qint64, double, bool, QString, QByteArray or a null QVariant.
using SqlRow = QList<QVariant>;

/**
 * Arbor's database: one connection to SQLite or PostgreSQL, its primitives (statements,
 * transactions, bulk loading, table names) and the operations not yet in a domain store.
 *
 * The two backends (SqliteStore, PostgresStore) supply the primitives and what genuinely
 * differs (bulk loading, leases). Domain stores over a `Store&` own their SQL: QueueStore (the
 * balance queue), BalanceStore (balance queries). Statements use `?` placeholders and bound
 * values; identifiers come from ddl.h only.
 *
 * Thread: a Store belongs to the thread that opened it and must be used and destroyed there.
 * Engine keeps one writer Store on its writer thread and reader Stores on reader threads.
 */
class Store
{
    Q_DECLARE_TR_FUNCTIONS(arbor::Store)

public:
    /// Opens (creating an SQLite file and its folder if needed) without touching the schema.
    static Result<std::unique_ptr<Store>> open(const DatabaseUrl &url, const QString &password = QString());
    virtual ~Store();

    Backend backend() const { return m_url.backend; }
    const DatabaseUrl &url() const { return m_url; }

    /// Milliseconds since the epoch, as the store stamps rows and ages queue items. Tests set a
    /// clock they move themselves (an empty one restores the system's).
    using Clock = std::function<qint64()>;
    void setClock(Clock clock);
    qint64 now() const;

    // --- schema -------------------------------------------------------------------------
    Result<MigrationStatus> migrationStatus();
    /// Applies pending migrations, each in its own transaction. Refuses (touching nothing) a
    /// database with an edited or unknown applied migration.
    Result<int> migrate();
    /// Creates missing global tables and adds columns declared in `entities` but missing from
    /// any existing chain's production/staging tables or the global tables.
    Result<QStringList> reconcileEntityTables(const QList<EntityDef> &entities);

    // --- lease --------------------------------------------------------------------------
    /// Takes the one-engine lease, replacing a holder that is dead (same host, no such pid)
    /// or silent for `staleAfterMs`. Conflict error naming the live holder otherwise.
    Result<LeaseInfo> acquireLease(const LeaseHolder &holder, qint64 staleAfterMs);
    Status renewLease(const LeaseHolder &holder);
    Status releaseLease(const LeaseHolder &holder);
    Result<std::optional<LeaseInfo>> currentLease();

    // --- chains -------------------------------------------------------------------------
    Result<QList<ChainRecord>> chains();
    Result<std::optional<ChainRecord>> findChain(const ChainRef &ref);
    /// Conflict error if a chain with this id or name exists (deleted chains included until
    /// their deletion finishes).
    Status checkChainIsNew(const ChainConfig &config);
    /// In one transaction: the chain row, its endpoints (with probe results) and tokens, and
    /// its production and staging tables.
    Status registerChain(const ChainConfig &config, const QList<EndpointRecord> &endpoints,
                         const QList<EntityDef> &entities, const QList<TokenInfo> &tokens = {});
    Status setChainState(qint64 chainId, ChainState state);

    // --- deletion steps (driven by ChainDeletion) --------------------------------------
    Result<QList<DeletionRecord>> deletionJournal(qint64 chainId);
    Result<QList<qint64>> chainsBeingDeleted();
    Status recordDeletionStep(qint64 chainId, int step, const QString &name, bool done);
    Status markChainDeleting(qint64 chainId);
    Status removeGlobalRows(qint64 chainId, const QList<EntityDef> &entities);
    Status deleteTrackingRows(qint64 chainId);
    Status dropChainTables(qint64 chainId);
    /// Last step: the chain row and its deletion journal, in one transaction.
    Status forgetChain(qint64 chainId);

    // --- indexing (storeindex.cpp) -------------------------------------------------------
    /// Everything a ChainIndexer needs to plan its work: config, registries, checkpoint,
    /// indexed ranges, pending reindex requests and backfills.
    Result<ChainIndexPlan> indexPlan(qint64 chainId);
    Result<QList<IndexRange>> indexRanges(qint64 chainId);
    /**
     * Stages `batch` and promotes it, in ONE transaction: production rows (replacing the range
     * for Gap/Reindex, the contract's rows for Backfill), derived per-chain rows, global rows
     * (higher height wins; forced for Reindex), index_progress, and for Head the checkpoint.
     * Head batches must follow the checkpoint and build on its hash: otherwise a Conflict
     * error with field "checkpoint" or "parent_hash" and nothing written. A batch other than a
     * Backfill fetched without one of the chain's tokens (added meanwhile) is a Conflict error
     * with field "tokens": it must be fetched again.
     */
    Result<PromoteResult> promote(const IndexBatch &batch, const QList<EntityDef> &entities);
    /// Stored block hashes in [from, to], ascending.
    Result<QList<std::pair<qint64, Hash>>> blockHashes(qint64 chainId, qint64 from, qint64 to);
    /// Rolls the chain back to `reorg.ancestorBlock` (production, derived and global rows,
    /// index_progress, checkpoint) and records the reorg, in one transaction.
    Status rollBackTo(const ReorgRecord &reorg, const QList<EntityDef> &entities);
    Result<QList<ReorgRecord>> reorgs(qint64 chainId);
    /// Rebuilds the chain's global rows (all cross-chain tables, or `table`) from production.
    Status resyncGlobal(qint64 chainId, const QList<EntityDef> &entities, const QString &table = QString());
    /// Records an audited reindex request; the range must lie within what is indexed.
    Result<ReindexRequest> requestReindex(qint64 chainId, qint64 from, qint64 to, const QString &reason, const QString &requestedBy);
    Result<QList<ReindexRequest>> reindexRequests(qint64 chainId);
    Status failReindex(qint64 id, const QString &error) { return failRequest("reindex_requests", id, error); }
    Status failBackfill(qint64 id, const QString &error) { return failRequest("backfills", id, error); }
    /**
     * Adds a token to a live chain and a backfill of its history [from, checkpoint], the
     * checkpoint read in the same transaction: every range promoted before holds no rows of the
     * token and is backfilled, every range promoted after must have been fetched with it (see
     * promote()). No backfill when nothing from `from` on is indexed yet.
     */
    Result<Backfill> addToken(qint64 chainId, const TokenInfo &token, qint64 from);
    /// Per chain and table: production rows, global rows, last synced height, lag.
    Result<QList<SyncStatusRow>> syncStatus(const QList<EntityDef> &entities);
    /// Records whether the endpoint serves historical state, and what the detection saw.
    Status setEndpointHistory(qint64 endpointId, bool servesHistory, const QString &note);
    /// Records measured endpoint health on rpc_endpoints rows (matched by id).
    Status saveEndpointHealth(const QList<EndpointRecord> &endpoints);

    // --- the queue side of promotion (storeenqueue.cpp, storebalancekeeping.cpp) -----------
    // Promotion and reorgs (storeindex.cpp, storebalancekeeping.cpp, storereorg.cpp) call these
    // inside their transactions, and QueueStore uses them too, so they stay on Store until
    // promotion has a store of its own. The queue itself is QueueStore (queuestore.h), the
    // balance queries BalanceStore (balancestore.h).
    /// Queues both sides (zero address left out) of the transfers in `transfersTable` matching
    /// `where`, coalesced with items already pending. `transfersTable` and `where` are built
    /// from ddl.h names, never from input; values are bound through `params`.
    Status enqueueHolders(qint64 chainId, const QString &transfersTable, const QString &where, const QVariantList &params,
                          BalanceUpdateType type);
    /// Queues every holder with a balance row of `token`.
    Status enqueueBalanceHolders(qint64 chainId, const Address &token, BalanceUpdateType type);
    /// Upserts (token, holder, balance, last_block, last_tx_hash, computed_at) rows into the
    /// chain's token_balances and the global table; a lower height never overwrites a higher one.
    Status writeBalances(qint64 chainId, const QList<SqlRow> &rows);
    /// Each token of the chain (address bytes) with how its balances are computed.
    Result<QHash<QByteArray, BalanceMode>> tokenModes(qint64 chainId);
    /// Builds the entities' on-demand indexes of the chain (the recount's holder indexes) if they
    /// are missing; remembered per chain on this connection, so cheap after the first call.
    Status ensureOnDemandIndexes(qint64 chainId);

    // --- introspection ------------------------------------------------------------------
    /// Every table (PostgreSQL: schema.table) that belongs to the chain.
    Result<QStringList> chainTables(qint64 chainId);
    Result<QStringList> tableColumns(const QString &table);
    Result<qint64> rowCount(const QString &table, const QString &where = QString(), const QVariantList &params = {});

    // --- primitives ---------------------------------------------------------------------
    virtual Result<QList<SqlRow>> query(const QString &sql, const QVariantList &params = {}) = 0;
    /// query() for statements whose rows, if any, are not needed.
    Status exec(const QString &sql, const QVariantList &params = {});
    /// The first column of every row, as text.
    Result<QStringList> queryStrings(const QString &sql, const QVariantList &params = {});
    /**
     * Appends `rows` (values in `columns` order, as for bound parameters) to `table` in one go:
     * COPY on PostgreSQL, one reused prepared INSERT on SQLite. Runs inside the caller's
     * transaction when there is one, otherwise in its own. `table` and `columns` must come from
     * ddl.h and an EntityDef, never from input.
     */
    virtual Status bulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows) = 0;
    /// Runs `work` in a transaction: commit when it succeeds, roll back when it fails.
    Status transaction(const std::function<Status()> &work);

    /// A uint256 as this backend binds and returns it.
    QVariant u256Value(const U256 &value) const;
    Result<U256> u256FromValue(const QVariant &value, const QString &field) const;

    /// Table names for statements, from ddl.h (identifiers never come from input): an admin
    /// table ("chains", "balance_update_queue", …), a chain's production or staging table of an
    /// entity, and an entity's global (cross-chain) table.
    QString admin(const char *name) const;
    QString chainTable(qint64 chainId, const QString &entity, bool staging = false) const;
    QString globalTable(const QString &entity) const;

protected:
    explicit Store(DatabaseUrl url);

    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;
    virtual Result<QStringList> listChainTables(qint64 chainId) = 0;
    virtual Result<QStringList> listColumns(const QString &table) = 0;
    /// The catalogue query behind listEntityColumns(): rows of (table, column) in column order.
    virtual QString entityColumnsQuery() const = 0;
    /// Every per-chain and global entity table with its columns in order, in one catalogue read.
    Result<QHash<QString, QStringList>> listEntityColumns();
    virtual Status dropChainNamespace(qint64 chainId) = 0;
    virtual bool tableExists(const QString &table) = 0;
    /// PostgreSQL holds a session advisory lock alongside the lease row; SQLite does nothing.
    virtual Result<bool> tryLockLease() { return true; }
    virtual void unlockLease() {}

    /// A learned limit as stored: NULL until learned (0).
    template<typename T>
    static QVariant positiveOrNull(T value) { return value > 0 ? QVariant::fromValue(value) : QVariant(); }

private:
    /// Bound values of one row; hashes and addresses refer to `header`/`transfer` in place.
    SqlRow blockRow(const BlockHeader &header) const;
    SqlRow transferRow(const TokenTransfer &transfer) const;
    SqlRow agentEventRow(const AgentEvent &event) const;
    Status recordProgress(qint64 chainId, qint64 from, qint64 to, qint64 rows, qint64 durationMs);
    Status refreshIndexSummary(qint64 chainId);
    Status recomputeBlockSummaries(qint64 chainId, qint64 from, qint64 to, const QList<EntityDef> &entities, bool force);
    Status recomputeAgents(qint64 chainId, const QList<std::pair<QVariant, QVariant>> &keys, const QList<EntityDef> &entities, bool force);
    /// Upserts the global twins of the production rows matching `where` (higher height wins
    /// unless `force`), and removes global rows whose production row is gone.
    Status syncGlobalRows(qint64 chainId, const EntityDef &entity, const QString &where, const QVariantList &params, bool force);
    Status failRequest(const char *table, qint64 id, const QString &error);
    /// Head ranges: transfers-mode balances += the range's net per-holder changes (one upsert per
    /// touched holder, production and global); the queue gets holders it still has work for,
    /// balance_of tokens and tokens being backfilled. Runs inside promote()'s transaction.
    Status keepTransferBalances(const IndexBatch &batch);
    /// keepTransferBalances() on PostgreSQL: the signed changes summed in the database.
    Status addChangesInDatabase(qint64 chainId, qint64 height, const QList<HolderChange> &changes, qint64 now);
    /// Queues (token, holder, -, block, tx hash, -) rows, coalesced with pending items.
    Status enqueueKeys(qint64 chainId, const QList<SqlRow> &rows, BalanceUpdateType type);
    /// The ON CONFLICT action that coalesces a queued holder with its pending item.
    QString coalesce() const;
    Status insertToken(qint64 chainId, const TokenInfo &token, qint64 now, qint64 indexedFrom);

protected:

    DatabaseUrl m_url;
    Clock m_clock;
    int m_transactionDepth = 0;
    QSet<qint64> m_onDemandIndexed;         ///< chains whose on-demand indexes are known to exist
    QSet<qint64> m_onDemandIndexedPending;  ///< built in the open transaction, not committed yet
};

/// Milliseconds since the epoch: the time format of every admin table.
qint64 nowMs();
/// Whether a process with this id runs on this host.
bool processAlive(qint64 pid);

} // namespace arbor

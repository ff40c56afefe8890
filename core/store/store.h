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
#include "store/statementtimings.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QMap>
#include <QSet>
#include <QLoggingCategory>
#include <QString>
#include <QThread>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>
#include <tuple>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace arbor {

/**
 * One row's values for the typed Store::bulkInsert(), written in the columns' order without a
 * QVariant each: a range's transfers are a hundred thousand rows of seven values. The bytes
 * given must stay valid until that bulkInsert() returns.
 */
class RowWriter
{
public:
    virtual void integer(qint64 value) = 0;
    virtual void bytes(QByteArrayView value) = 0;
    /// Stored as u256Value() binds it: 32 big-endian bytes on SQLite, a numeric on PostgreSQL.
    virtual void u256(const U256 &value) = 0;

protected:
    ~RowWriter() = default;
};

/// Writes row `row` (0 to the count given, in order) of a typed bulkInsert().
using RowFiller = std::function<void(qsizetype row, RowWriter &out)>;

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
    bool locked = false;    ///< PostgreSQL: the holder also holds the advisory lock (it took the lease with it)
};

/// A row as the backends return it: qint64, double, bool, QString, QByteArray or a null QVariant.
using SqlRow = QList<QVariant>;

/**
 * Arbor's database: one connection to SQLite or PostgreSQL, its primitives (statements,
 * transactions, bulk loading, table names), the schema and its migrations, the engine lease,
 * introspection, and the state that belongs to the connection (clock, on-demand index cache).
 *
 * The two backends (SqliteStore, PostgresStore) supply the primitives and what genuinely
 * differs (bulk loading, leases, catalogue). Domain stores over a `Store&` own their SQL:
 * ChainRegistry (chains, endpoints, deletion steps, sync status), IndexStore (plan, promotion,
 * reorgs, reindex requests, backfills), QueueStore (the balance queue), BalanceStore (balance
 * queries). Statements use `?` placeholders and bound values; identifiers come from ddl.h only.
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

    /// Whether promotion keeps the daily network stats (on unless a benchmark measures their cost).
    bool keepsAggregates() const { return m_keepAggregates; }
    void setKeepAggregates(bool keep) { m_keepAggregates = keep; }

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
    /// The clock leases are judged by: the database server's (PostgreSQL), so engines on machines
    /// whose clocks disagree still agree on who holds what; the local one on SQLite, or a test's.
    Result<qint64> databaseNow();

    // --- the queue side of promotion (storeenqueue.cpp) ------------------------------------
    // IndexStore's promotion and rollback call these inside their transactions, and QueueStore
    // uses them too. The queue itself is QueueStore (queuestore.h), the balance queries
    // BalanceStore (balancestore.h). The on-demand index cache belongs to this connection.
    /// Queues both sides (zero address left out) of the transfers in `transfersTable` matching
    /// `where`, coalesced with items already pending. `transfersTable` and `where` are built
    /// from ddl.h names, never from input; values are bound through `params`.
    Status enqueueHolders(qint64 chainId, const QString &transfersTable, const QString &where, const QVariantList &params,
                          BalanceUpdateType type);
    /// Queues every holder with a balance row of `token`.
    Status enqueueBalanceHolders(qint64 chainId, const Address &token, BalanceUpdateType type);
    /// Upserts rows of the token_balances entity's columns, in its order (token, holder, balance,
    /// last_block, last_tx_hash, computed_at), into the chain's token_balances and the global
    /// table; a lower height never overwrites a higher one.
    Status writeBalances(qint64 chainId, const QList<SqlRow> &rows);
    /// Each token of the chain (address bytes) with how its balances are computed.
    Result<QHash<QByteArray, BalanceMode>> tokenModes(qint64 chainId);
    /// Builds the entities' on-demand indexes of the chain (the recount's holder indexes) if they
    /// are missing; remembered per chain on this connection, so cheap after the first call.
    Status ensureOnDemandIndexes(qint64 chainId);
    /// Forgets that the chain's on-demand indexes exist (its tables were dropped).
    void forgetOnDemandIndexes(qint64 chainId);
    /**
     * The holders this connection knows network_day_holders has for (chain, day), so a head
     * range sends only the day's new ones: always a subset of the committed rows. Null when
     * nothing is known. Holders remembered inside a transaction count once it commits; only
     * the two newest days of a chain and at most MaxKnownDayHolders per day are kept.
     */
    const QSet<Address> *knownDayHolders(qint64 chainId, qint64 day) const;
    void rememberDayHolders(qint64 chainId, qint64 day, const QList<Address> &holders);
    /// Forgets the chain's known holders (its days were recounted or its rows removed).
    void forgetDayHolders(qint64 chainId);
    static constexpr qsizetype MaxKnownDayHolders = 200000;
    /// The ON CONFLICT action that coalesces a queued holder with its pending item.
    QString coalesce() const;

    // --- introspection ------------------------------------------------------------------
    /// Every table (PostgreSQL: schema.table) that belongs to the chain.
    Result<QStringList> chainTables(qint64 chainId);
    Result<QStringList> tableColumns(const QString &table);
    Result<qint64> rowCount(const QString &table, const QString &where = QString(), const QVariantList &params = {});
    virtual bool tableExists(const QString &table) = 0;
    /// Drops every table of the chain: its schema on PostgreSQL, its c<id>_ tables on SQLite.
    virtual Status dropChainNamespace(qint64 chainId) = 0;

    // --- primitives ---------------------------------------------------------------------
    /// Runs one statement (timed: see mergeStatementTimings()).
    Result<QList<SqlRow>> query(const QString &sql, const QVariantList &params = {});
    /// query() for statements whose rows, if any, are not needed.
    Status exec(const QString &sql, const QVariantList &params = {});
    /// The first column of every row, as text.
    Result<QStringList> queryStrings(const QString &sql, const QVariantList &params = {});
    /**
     * Appends `rows` (values in `columns` order, as for bound parameters) to `table` in one go:
     * COPY on PostgreSQL, one reused prepared INSERT on SQLite. Runs inside the caller's
     * transaction when there is one, otherwise in its own. `table` and `columns` must come from
     * ddl.h and an EntityDef, never from input. Timed as one statement per call.
     */
    Status bulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows);
    /// The same for `count` rows of integers, bytes and uint256 only, each written by `fill`.
    Status bulkInsert(const QString &table, const QStringList &columns, qsizetype count, const RowFiller &fill);
    /// A column of jsonRows(): its name (the JSON key as well) and its PostgreSQL type
    /// ("bigint", "integer", "text").
    struct JsonColumn
    {
        QLatin1String name;
        QLatin1String type;
    };
    /**
     * A FROM item that reads the JSON array of objects bound to its one `?` as the rows `alias`
     * with `columns` (jsonb_to_recordset on PostgreSQL, json_each on SQLite): a batch of rows as
     * one bound value, so one statement selects or updates them all, whatever their number.
     * Bind jsonRowsValue() of the array. Columns come from code, never from input.
     */
    QString jsonRows(const QList<JsonColumn> &columns, const QString &alias) const;
    /// `rows` as the value to bind to a jsonRows() item: compact JSON text.
    static QVariant jsonRowsValue(const QJsonArray &rows);
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

    /// Every query() and bulkInsert() is timed on this connection and merged, normalised, into
    /// the process's StatementCollector every few seconds and when the Store closes; this merges
    /// now (before the lease holder writes the collector's timings to statement_stats).
    void mergeStatementTimings() { m_statementTimer.merge(); }

    /**
     * The thread that must never wait on a database: the console's GUI thread. Opening a Store
     * or running a statement there is logged with the statement and counted, so a run of the
     * console can show that its GUI thread never waited on one (the soak test fails on any).
     * Null (the default) forbids no thread. Thread: any.
     */
    static void forbidThread(QThread *thread);
    /// How many opens and statements ran on the forbidden thread since it was set.
    static quint64 forbiddenThreadUses();

    /**
     * PostgreSQL: the server ends a transaction of this connection that waits longer than `ms`
     * for its next statement, and with it the session, so its row locks go. An engine frozen
     * in the middle of a write (a stopped process, a suspended machine, a cut network) then
     * holds up the engine that takes its chains over for no longer than its lease lasts.
     * Every connection has a backstop of a minute; the setting outlives a reconnect (a lost
     * connection is opened again before its next statement). SQLite (one engine per file):
     * nothing.
     */
    virtual void limitIdleTransactions(qint64 ms) { Q_UNUSED(ms) }

protected:
    explicit Store(DatabaseUrl url);

    /// Counts and logs `what` when it runs on the forbidden thread (see forbidThread()).
    static void checkThread(const QString &what);
    /// How the statement timings name a bulkInsert() into `table`.
    QString bulkStatement(const QString &table, const QStringList &columns) const;

    /// The backend's query() and bulkInsert(), untimed.
    virtual Result<QList<SqlRow>> runQuery(const QString &sql, const QVariantList &params) = 0;
    virtual Status runBulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows) = 0;
    /// The typed bulkInsert(); by default as rows of QVariants through runBulkInsert().
    virtual Status runBulkInsertRows(const QString &table, const QStringList &columns, qsizetype count, const RowFiller &fill);
    /// Why a typed bulkInsert()'s row `row` cannot go into `table`: it wrote `values` values, not one per column.
    static Error rowSizeError(const QString &table, qsizetype row, qsizetype values, qsizetype columns);

    virtual Status begin() = 0;
    virtual Status commit() = 0;
    virtual void rollback() = 0;
    virtual Result<QStringList> listChainTables(qint64 chainId) = 0;
    virtual Result<QStringList> listColumns(const QString &table) = 0;
    /// The catalogue query behind listEntityColumns(): rows of (table, column) in column order.
    virtual QString entityColumnsQuery() const = 0;
    /// Every per-chain and global entity table with its columns in order, in one catalogue read.
    Result<QHash<QString, QStringList>> listEntityColumns();
    /// PostgreSQL holds a session advisory lock alongside the lease row; SQLite does nothing.
    virtual Result<bool> tryLockLease() { return true; }
    virtual void unlockLease() {}
    /// The server's clock in unix ms (PostgreSQL); SQLite has no server and answers now().
    virtual Result<qint64> serverNow() { return now(); }

    DatabaseUrl m_url;
    StatementTimer m_statementTimer;
    Clock m_clock;
    int m_transactionDepth = 0;
    bool m_keepAggregates = true;
    QSet<qint64> m_onDemandIndexed;         ///< chains whose on-demand indexes are known to exist
    QSet<qint64> m_onDemandIndexedPending;  ///< built in the open transaction, not committed yet
    QHash<qint64, QMap<qint64, QSet<Address>>> m_dayHolders;   ///< chain → day → holders (committed)
    QList<std::tuple<qint64, qint64, QList<Address>>> m_dayHoldersPending;   ///< remembered in the open transaction
};

/// Milliseconds since the epoch: the time format of every admin table.
qint64 nowMs();
/// Whether a process with this id runs on this host.
bool processAlive(qint64 pid);

} // namespace arbor

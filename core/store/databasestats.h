#pragma once

#include "error.h"
#include "store/databaseurl.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

class Store;

/// Where a table or a size sample belongs: Arbor's admin tables, the cross-chain tables, one
/// chain's tables, or (size samples only) the database's free space.
enum class DatabaseScope {
    Admin,
    Global,
    Chain,
    Free,
};

/// "admin", "global", "chain", "free": as database_size_samples and `db stats --json` name them.
QString databaseScopeName(DatabaseScope scope);
std::optional<DatabaseScope> databaseScopeFromName(const QString &name);

/// One table as the catalogue describes it.
struct TableStats
{
    QString name;                   ///< as statements name it: arbor_chains, chain_7.blocks, …
    DatabaseScope scope = DatabaseScope::Admin;
    qint64 chainId = 0;             ///< Chain scope only
    qint64 rows = 0;
    /// PostgreSQL tables of DatabaseStatsStore::ExactCountBelowBytes and more: the planner's
    /// estimate (n_live_tup) instead of COUNT(*).
    bool rowsEstimated = false;
    qint64 tableBytes = 0;          ///< the table's pages (PostgreSQL: with TOAST)
    qint64 indexBytes = 0;          ///< all its indexes
    std::optional<qint64> deadRows; ///< PostgreSQL: n_dead_tup
    qint64 lastVacuumMs = 0;        ///< PostgreSQL: manual or auto, unix ms; 0 when never (or SQLite)
    qint64 lastAnalyzeMs = 0;

    qint64 bytes() const { return tableBytes + indexBytes; }
};

/// A chain's tables added up.
struct ChainSize
{
    qint64 chainId = 0;
    QString name;                   ///< from the chain registry; empty for tables of no registered chain
    int tables = 0;
    qint64 rows = 0;
    qint64 tableBytes = 0;
    qint64 indexBytes = 0;
    qint64 deadRows = 0;

    qint64 bytes() const { return tableBytes + indexBytes; }
};

/**
 * What the database holds, read from its catalogue: SQLite's dbstat virtual table and
 * COUNT(*); PostgreSQL's size functions, pg_stat_user_tables and COUNT(*) for all but large tables.
 */
struct DatabaseStats
{
    Backend backend = Backend::Sqlite;
    /// SQLite: the file's path; PostgreSQL: host:port/dbname. Never a password.
    QString location;
    QString serverVersion;          ///< "SQLite 3.40.1", "PostgreSQL 15.4"
    qint64 totalBytes = 0;          ///< SQLite: the file (WAL not included); PostgreSQL: pg_database_size
    /// SQLite: the free pages (freelist_count × page_size), reused before the file grows.
    /// PostgreSQL: none; deadRows instead.
    std::optional<qint64> freeBytes;
    qint64 freePages = 0;           ///< SQLite
    qint64 pageSize = 0;            ///< SQLite
    qint64 walBytes = 0;            ///< SQLite: the -wal file beside it
    qint64 deadRows = 0;            ///< PostgreSQL: n_dead_tup of Arbor's tables, added up
    qint64 readAt = 0;              ///< unix ms
    qint64 readMs = 0;              ///< how long reading these figures took
    QList<TableStats> tables;       ///< admin, then global, then each chain's, by name
    QList<ChainSize> chains;        ///< by chain id

    /// The tables of `scope` added up (Chain: every chain's).
    qint64 scopeBytes(DatabaseScope scope) const;
    qint64 scopeRows(DatabaseScope scope) const;
    /// PostgreSQL: the share of dead rows of each table's pages, added up: what VACUUM makes
    /// reusable (an estimate). SQLite: freeBytes.
    qint64 reclaimableBytes() const;
};

/// One row of database_size_samples.
struct DatabaseSizeSample
{
    qint64 sampledAt = 0;           ///< unix ms
    DatabaseScope scope = DatabaseScope::Admin;
    qint64 chainId = 0;             ///< Chain scope only
    qint64 bytes = 0;
    qint64 rows = 0;                ///< Free: SQLite free pages; PostgreSQL dead rows
};

/// One normalised statement and its timings.
struct SlowStatement
{
    QString statement;
    qint64 calls = 0;
    double totalMs = 0;
    double meanMs = 0;
    double maxMs = 0;
};

/// The slowest statements, and where the figures come from.
struct SlowStatements
{
    enum class Source {
        Arbor,              ///< Arbor's own timings (statement_stats), this database's engines
        PgStatStatements,   ///< the server's pg_stat_statements, this database, every client
    };
    Source source = Source::Arbor;
    /// Says which source was used and, when pg_stat_statements is not available, why and how to enable it.
    QString note;
    QList<SlowStatement> byMean;    ///< highest mean first
    QList<SlowStatement> byTotal;   ///< highest total first
};

QString slowStatementsSourceName(SlowStatements::Source source);

/**
 * The database's own figures: sizes per scope, chain and table (stats()), size samples over
 * time (database_size_samples) and the slowest statements (statement_stats, or the server's
 * pg_stat_statements).
 *
 * Table names come from the catalogue and are used in statements only when they are Arbor's
 * (ddl.h's admin, global and chain namespaces); values are bound.
 *
 * Thread: the Store's. stats() reads every page on SQLite (dbstat): run it on a reader.
 */
class DatabaseStatsStore
{
    Q_DECLARE_TR_FUNCTIONS(arbor::DatabaseStatsStore)

public:
    /// PostgreSQL tables this large get the planner's row estimate instead of a COUNT(*).
    static constexpr qint64 ExactCountBelowBytes = 64ll * 1024 * 1024;

    explicit DatabaseStatsStore(Store &store);

    Result<DatabaseStats> stats();

    /// The samples of `stats` (admin, global, each chain, free), stamped `sampledAt`.
    static QList<DatabaseSizeSample> samplesOf(const DatabaseStats &stats, qint64 sampledAt);
    /// Writes the samples (a sample already stored at the same time and scope is replaced).
    Status writeSizeSamples(const QList<DatabaseSizeSample> &samples);
    /// Samples since `sinceMs`, oldest first.
    Result<QList<DatabaseSizeSample>> sizeHistory(qint64 sinceMs);

    /**
     * Writes the statement timings this process collected for this database (this Store's
     * too) into statement_stats: calls and total time added, the longer maximum kept. On
     * failure they are kept for the next flush. For the engine that holds the lease.
     */
    Status flushStatementStats();
    /// The `limit` slowest statements by mean and by total time: the server's
    /// pg_stat_statements when PostgreSQL has it installed and readable, Arbor's own otherwise.
    Result<SlowStatements> slowStatements(int limit);

private:
    Result<DatabaseStats> sqliteStats();
    Result<DatabaseStats> postgresStats();
    /// SlowStatements from statement_stats.
    Result<SlowStatements> arborStatements(int limit);
    /// From pg_stat_statements; nullopt with `why` set when it cannot be read.
    Result<std::optional<SlowStatements>> serverStatements(int limit, QString *why);
    void addUp(DatabaseStats &stats);

    Store &m_store;
};

} // namespace arbor

#include "store/databasestats.h"

#include "model/entitydef.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace arbor {
namespace {

// Schema changes run once, by a migration or at start-up: the slowest statements an operator can
// act on are the ones that keep running.
const char *const SchemaChangesLeftOut = " AND UPPER(LTRIM(%1)) NOT LIKE 'CREATE %' AND UPPER(LTRIM(%1)) NOT LIKE 'ALTER %'"
                                         " AND UPPER(LTRIM(%1)) NOT LIKE 'DROP %'";

struct Namespaces
{
    QString admin;    ///< "arbor_" / "arbor."
    QString global;   ///< "g_" / "arbor_global."
};

Namespaces namespacesOf(Backend backend)
{
    return {ddl::adminTable(backend, QStringLiteral("x")).chopped(1),
            ddl::entityTable(backend, ddl::TableKind::Global, 0, QStringLiteral("x")).chopped(1)};
}

/// The scope of a table named as statements name it; nullopt for tables that are not Arbor's.
std::optional<std::pair<DatabaseScope, qint64>> scopeOf(Backend backend, const QString &table)
{
    const Namespaces ns = namespacesOf(backend);
    if (table.startsWith(ns.admin))
        return std::pair{DatabaseScope::Admin, qint64(0)};
    if (table.startsWith(ns.global))
        return std::pair{DatabaseScope::Global, qint64(0)};
    if (backend == Backend::Sqlite && table.startsWith(QLatin1String("sqlite_")))
        return std::pair{DatabaseScope::Admin, qint64(0)};
    // chain_<id>.… or c<id>_…: the id is taken from the name, then the namespace rebuilt from it.
    static const QRegularExpression chainName(QStringLiteral("^(?:chain_|c)([1-9][0-9]{0,17})[._]"));
    const auto m = chainName.match(table);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 chainId = m.captured(1).toLongLong();
    const QString prefix = ddl::chainNamespace(backend, chainId) + (backend == Backend::Postgres ? QStringLiteral(".") : QString());
    if (!table.startsWith(prefix))
        return std::nullopt;
    return std::pair{DatabaseScope::Chain, chainId};
}

bool usableName(Backend backend, const QString &table)
{
    if (backend == Backend::Sqlite)
        return isSqlIdentifier(table);
    const qsizetype dot = table.indexOf(u'.');
    return dot > 0 && isSqlIdentifier(table.left(dot)) && isSqlIdentifier(table.mid(dot + 1));
}

int scopeOrder(DatabaseScope scope)
{
    return int(scope);
}

SlowStatement slowStatement(const SqlRow &r)
{
    SlowStatement s;
    s.statement = r[0].toString();
    s.calls = r[1].toLongLong();
    s.totalMs = r[2].toDouble();
    s.maxMs = r[3].toDouble();
    s.meanMs = s.calls > 0 ? s.totalMs / double(s.calls) : 0;
    return s;
}

} // namespace

QString databaseScopeName(DatabaseScope scope)
{
    switch (scope) {
    case DatabaseScope::Admin:
        return QStringLiteral("admin");
    case DatabaseScope::Global:
        return QStringLiteral("global");
    case DatabaseScope::Chain:
        return QStringLiteral("chain");
    case DatabaseScope::Free:
        return QStringLiteral("free");
    }
    return {};
}

std::optional<DatabaseScope> databaseScopeFromName(const QString &name)
{
    for (DatabaseScope s : {DatabaseScope::Admin, DatabaseScope::Global, DatabaseScope::Chain, DatabaseScope::Free}) {
        if (databaseScopeName(s) == name)
            return s;
    }
    return std::nullopt;
}

QString slowStatementsSourceName(SlowStatements::Source source)
{
    return source == SlowStatements::Source::PgStatStatements ? QStringLiteral("pg_stat_statements") : QStringLiteral("arbor");
}

qint64 DatabaseStats::scopeBytes(DatabaseScope scope) const
{
    if (scope == DatabaseScope::Free)
        return reclaimableBytes();
    qint64 sum = 0;
    for (const TableStats &t : tables) {
        if (t.scope == scope)
            sum += t.bytes();
    }
    return sum;
}

qint64 DatabaseStats::scopeRows(DatabaseScope scope) const
{
    if (scope == DatabaseScope::Free)
        return backend == Backend::Postgres ? deadRows : freePages;
    qint64 sum = 0;
    for (const TableStats &t : tables) {
        if (t.scope == scope)
            sum += t.rows;
    }
    return sum;
}

qint64 DatabaseStats::reclaimableBytes() const
{
    if (freeBytes)
        return *freeBytes;
    double sum = 0;
    for (const TableStats &t : tables) {
        const qint64 dead = t.deadRows.value_or(0);
        if (dead > 0)
            sum += double(t.tableBytes) * double(dead) / double(dead + std::max<qint64>(t.rows, 0));
    }
    return qint64(sum);
}

DatabaseStatsStore::DatabaseStatsStore(Store &store)
    : m_store(store)
{
}

Result<DatabaseStats> DatabaseStatsStore::stats()
{
    QElapsedTimer timer;
    timer.start();
    auto stats = m_store.backend() == Backend::Postgres ? postgresStats() : sqliteStats();
    if (!stats)
        return stats;
    addUp(*stats);
    stats->readAt = m_store.now();
    stats->readMs = timer.elapsed();
    return stats;
}

Result<DatabaseStats> DatabaseStatsStore::sqliteStats()
{
    DatabaseStats out;
    out.backend = Backend::Sqlite;
    out.location = m_store.url().path;
    auto pragmas = m_store.query(QStringLiteral("SELECT sqlite_version(), (SELECT page_count FROM pragma_page_count), "
                                                "(SELECT page_size FROM pragma_page_size), (SELECT freelist_count FROM pragma_freelist_count)"));
    if (!pragmas)
        return pragmas.error();
    const SqlRow &p = pragmas->first();
    out.serverVersion = QLatin1String("SQLite ") + p[0].toString();
    out.pageSize = p[2].toLongLong();
    out.totalBytes = p[1].toLongLong() * out.pageSize;
    out.freePages = p[3].toLongLong();
    out.freeBytes = out.freePages * out.pageSize;
    out.walBytes = QFileInfo(out.location + QLatin1String("-wal")).size();

    // Each b-tree's pages (a table's, an index's) once, from dbstat: it reads every page.
    auto btrees = m_store.query(QStringLiteral("SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE"));
    if (!btrees)
        return Error::unavailable(QStringLiteral("database"), tr("SQLite cannot report page sizes (dbstat): %1").arg(btrees.error().message));
    QHash<QString, qint64> pages;
    for (const SqlRow &r : std::as_const(*btrees))
        pages.insert(r[0].toString(), r[1].toLongLong());

    auto objects = m_store.query(QStringLiteral("SELECT type, name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY type DESC, name"));
    if (!objects)
        return objects.error();
    QHash<QString, qsizetype> byName;
    for (const SqlRow &r : std::as_const(*objects)) {
        const QString type = r[0].toString();
        const QString name = r[1].toString();
        if (type == u"table") {
            const auto scope = scopeOf(Backend::Sqlite, name);
            if (!scope)
                continue;
            TableStats t;
            t.name = name;
            t.scope = scope->first;
            t.chainId = scope->second;
            t.tableBytes = pages.value(name);
            byName.insert(name, out.tables.size());
            out.tables.append(t);
        } else if (auto it = byName.constFind(r[2].toString()); it != byName.constEnd()) {
            out.tables[*it].indexBytes += pages.value(name);
        }
    }
    for (TableStats &t : out.tables) {
        if (!usableName(Backend::Sqlite, t.name))
            continue;
        auto rows = m_store.rowCount(t.name);
        if (!rows)
            return rows.error();
        t.rows = *rows;
    }
    return out;
}

Result<DatabaseStats> DatabaseStatsStore::postgresStats()
{
    DatabaseStats out;
    out.backend = Backend::Postgres;
    const DatabaseUrl &url = m_store.url();
    out.location = QStringLiteral("%1:%2/%3").arg(url.host).arg(url.port).arg(url.database);
    auto server = m_store.query(QStringLiteral("SELECT current_setting('server_version'), pg_database_size(current_database())"));
    if (!server)
        return server.error();
    out.serverVersion = QLatin1String("PostgreSQL ") + server->first()[0].toString();
    out.totalBytes = server->first()[1].toLongLong();

    auto tables = m_store.query(QStringLiteral(
        "SELECT n.nspname || '.' || c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid), "
        "COALESCE(s.n_live_tup, 0), COALESCE(s.n_dead_tup, 0), "
        "COALESCE((EXTRACT(EPOCH FROM GREATEST(s.last_vacuum, s.last_autovacuum)) * 1000)::bigint, 0), "
        "COALESCE((EXTRACT(EPOCH FROM GREATEST(s.last_analyze, s.last_autoanalyze)) * 1000)::bigint, 0) "
        "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid "
        "WHERE c.relkind IN ('r', 'p') AND (n.nspname IN ('arbor', 'arbor_global') OR n.nspname LIKE 'chain\\_%') "
        "ORDER BY 1"));
    if (!tables)
        return tables.error();
    for (const SqlRow &r : std::as_const(*tables)) {
        const QString name = r[0].toString();
        const auto scope = scopeOf(Backend::Postgres, name);
        if (!scope)
            continue;
        TableStats t;
        t.name = name;
        t.scope = scope->first;
        t.chainId = scope->second;
        t.tableBytes = r[1].toLongLong();
        t.indexBytes = r[2].toLongLong();
        t.rows = r[3].toLongLong();
        t.deadRows = r[4].toLongLong();
        t.lastVacuumMs = r[5].toLongLong();
        t.lastAnalyzeMs = r[6].toLongLong();
        // The statistics lag behind recent writes: count small tables, estimate large ones.
        if (t.tableBytes < ExactCountBelowBytes && usableName(Backend::Postgres, t.name)) {
            auto rows = m_store.rowCount(t.name);
            if (!rows)
                return rows.error();
            t.rows = *rows;
        } else {
            t.rowsEstimated = true;
        }
        out.tables.append(t);
    }
    return out;
}

void DatabaseStatsStore::addUp(DatabaseStats &stats)
{
    std::stable_sort(stats.tables.begin(), stats.tables.end(), [](const TableStats &a, const TableStats &b) {
        if (a.scope != b.scope)
            return scopeOrder(a.scope) < scopeOrder(b.scope);
        if (a.chainId != b.chainId)
            return a.chainId < b.chainId;
        return a.name < b.name;
    });
    QHash<qint64, QString> names;
    if (auto rows = m_store.query(QLatin1String("SELECT chain_id, name FROM ") + m_store.admin("chains"))) {
        for (const SqlRow &r : std::as_const(*rows))
            names.insert(r[0].toLongLong(), r[1].toString());
    }
    for (const TableStats &t : std::as_const(stats.tables)) {
        stats.deadRows += t.deadRows.value_or(0);
        if (t.scope != DatabaseScope::Chain)
            continue;
        if (stats.chains.isEmpty() || stats.chains.last().chainId != t.chainId) {
            ChainSize c;
            c.chainId = t.chainId;
            c.name = names.value(t.chainId);
            stats.chains.append(c);
        }
        ChainSize &c = stats.chains.last();
        ++c.tables;
        c.rows += t.rows;
        c.tableBytes += t.tableBytes;
        c.indexBytes += t.indexBytes;
        c.deadRows += t.deadRows.value_or(0);
    }
}

QList<DatabaseSizeSample> DatabaseStatsStore::samplesOf(const DatabaseStats &stats, qint64 sampledAt)
{
    QList<DatabaseSizeSample> out;
    for (DatabaseScope scope : {DatabaseScope::Admin, DatabaseScope::Global, DatabaseScope::Free})
        out.append({sampledAt, scope, 0, stats.scopeBytes(scope), stats.scopeRows(scope)});
    for (const ChainSize &c : stats.chains)
        out.append({sampledAt, DatabaseScope::Chain, c.chainId, c.bytes(), c.rows});
    return out;
}

Status DatabaseStatsStore::writeSizeSamples(const QList<DatabaseSizeSample> &samples)
{
    const QString table = m_store.admin("database_size_samples");
    return m_store.transaction([&]() -> Status {
        for (const DatabaseSizeSample &s : samples) {
            Status written = m_store.exec(QLatin1String("INSERT INTO ") + table
                                              + QLatin1String(" (sampled_at, scope, chain_id, bytes, rows) VALUES (?, ?, ?, ?, ?) "
                                                              "ON CONFLICT (sampled_at, scope, chain_id) DO UPDATE SET bytes = excluded.bytes, rows = excluded.rows"),
                                          {s.sampledAt, databaseScopeName(s.scope), s.chainId, s.bytes, s.rows});
            if (!written)
                return written;
        }
        return {};
    });
}

Result<QList<DatabaseSizeSample>> DatabaseStatsStore::sizeHistory(qint64 sinceMs)
{
    auto rows = m_store.query(QLatin1String("SELECT sampled_at, scope, chain_id, bytes, rows FROM ") + m_store.admin("database_size_samples")
                                  + QLatin1String(" WHERE sampled_at >= ? ORDER BY sampled_at, scope, chain_id"),
                              {sinceMs});
    if (!rows)
        return rows.error();
    QList<DatabaseSizeSample> out;
    out.reserve(rows->size());
    for (const SqlRow &r : std::as_const(*rows)) {
        const auto scope = databaseScopeFromName(r[1].toString());
        if (!scope)
            continue;
        out.append({r[0].toLongLong(), *scope, r[2].toLongLong(), r[3].toLongLong(), r[4].toLongLong()});
    }
    return out;
}

Status DatabaseStatsStore::flushStatementStats()
{
    m_store.mergeStatementTimings();
    const QString database = m_store.url().toString();
    const StatementTimings timings = StatementCollector::instance().take(database);
    if (timings.isEmpty())
        return {};
    const qint64 now = m_store.now();
    // Every shape in one statement, whatever their number: row by row, a PostgreSQL engine's
    // exit spent about 80 round trips here.
    QJsonArray rows;
    for (auto it = timings.constBegin(); it != timings.constEnd(); ++it) {
        rows.append(QJsonObject{{QStringLiteral("digest"), QString::fromLatin1(QCryptographicHash::hash(it.key().toUtf8(), QCryptographicHash::Sha1).toHex())},
                                {QStringLiteral("statement"), it.key()},
                                {QStringLiteral("calls"), it->calls},
                                {QStringLiteral("total_ms"), it->totalMs},
                                {QStringLiteral("max_ms"), it->maxMs}});
    }
    using C = Store::JsonColumn;
    const QString from = m_store.jsonRows({C{QLatin1String("digest"), QLatin1String("text")}, C{QLatin1String("statement"), QLatin1String("text")},
                                           C{QLatin1String("calls"), QLatin1String("bigint")}, C{QLatin1String("total_ms"), QLatin1String("double precision")},
                                           C{QLatin1String("max_ms"), QLatin1String("double precision")}},
                                          QStringLiteral("t"));
    // The WHERE keeps SQLite from reading ON CONFLICT as a join's ON.
    const QString sql = QLatin1String("INSERT INTO ") + m_store.admin("statement_stats")
        + QLatin1String(" AS s (digest, statement, calls, total_ms, max_ms, first_seen, last_seen) "
                        "SELECT t.digest, t.statement, t.calls, t.total_ms, t.max_ms, CAST(? AS BIGINT), CAST(? AS BIGINT) FROM ")
        + from
        + QLatin1String(" WHERE 1 = 1 ON CONFLICT (digest) DO UPDATE SET calls = s.calls + excluded.calls, total_ms = s.total_ms + excluded.total_ms, "
                        "max_ms = CASE WHEN excluded.max_ms > s.max_ms THEN excluded.max_ms ELSE s.max_ms END, last_seen = excluded.last_seen");
    const Status s = m_store.exec(sql, {now, now, Store::jsonRowsValue(rows)});
    if (!s)
        StatementCollector::instance().add(database, timings);
    return s;
}

Result<SlowStatements> DatabaseStatsStore::arborStatements(int limit)
{
    SlowStatements out;
    const QString base = QLatin1String("SELECT statement, calls, total_ms, max_ms FROM ") + m_store.admin("statement_stats")
        + QLatin1String(" WHERE calls > 0") + QLatin1String(SchemaChangesLeftOut).arg(QStringLiteral("statement")) + QLatin1String(" ORDER BY ");
    auto byMean = m_store.query(base + QLatin1String("total_ms / calls DESC, digest LIMIT ?"), {limit});
    if (!byMean)
        return byMean.error();
    auto byTotal = m_store.query(base + QLatin1String("total_ms DESC, digest LIMIT ?"), {limit});
    if (!byTotal)
        return byTotal.error();
    for (const SqlRow &r : std::as_const(*byMean))
        out.byMean.append(slowStatement(r));
    for (const SqlRow &r : std::as_const(*byTotal))
        out.byTotal.append(slowStatement(r));
    return out;
}

Result<std::optional<SlowStatements>> DatabaseStatsStore::serverStatements(int limit, QString *why)
{
    auto installed = m_store.query(QStringLiteral("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
                                                  "WHERE e.extname = 'pg_stat_statements'"));
    if (!installed)
        return installed.error();
    if (installed->isEmpty()) {
        *why = tr("pg_stat_statements is not installed on the server: showing Arbor's own timings. To use it, add "
                  "pg_stat_statements to shared_preload_libraries in postgresql.conf, restart PostgreSQL and run "
                  "CREATE EXTENSION pg_stat_statements in this database.");
        return std::optional<SlowStatements>();
    }
    const QString schema = installed->first()[0].toString();
    if (!isSqlIdentifier(schema)) {
        *why = tr("pg_stat_statements is installed in a schema Arbor does not read (%1): showing Arbor's own timings.").arg(schema);
        return std::optional<SlowStatements>();
    }
    auto preloaded = m_store.query(QStringLiteral("SELECT current_setting('shared_preload_libraries')"));
    if (!preloaded)
        return preloaded.error();
    if (!preloaded->first()[0].toString().contains(QLatin1String("pg_stat_statements"))) {
        *why = tr("pg_stat_statements is installed in this database but the server does not load it: showing Arbor's own "
                  "timings. Add pg_stat_statements to shared_preload_libraries in postgresql.conf and restart PostgreSQL.");
        return std::optional<SlowStatements>();
    }
    const QString base = QLatin1String("SELECT query, calls, total_exec_time, max_exec_time FROM ") + schema
        + QLatin1String(".pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                        "AND calls > 0 AND query <> '<insufficient privilege>'") + QLatin1String(SchemaChangesLeftOut).arg(QStringLiteral("query"))
        + QLatin1String(" ORDER BY ");
    // Installed but not loaded (shared_preload_libraries) or not readable: the view raises an error.
    auto byMean = m_store.query(base + QLatin1String("mean_exec_time DESC LIMIT ?"), {limit});
    auto byTotal = byMean ? m_store.query(base + QLatin1String("total_exec_time DESC LIMIT ?"), {limit}) : byMean;
    if (!byMean || !byTotal) {
        const QString reason = (!byMean ? byMean : byTotal).error().message;
        *why = tr("pg_stat_statements is installed but cannot be read (%1): showing Arbor's own timings. It needs "
                  "pg_stat_statements in shared_preload_libraries in postgresql.conf and a restart of PostgreSQL.")
                   .arg(reason);
        return std::optional<SlowStatements>();
    }
    SlowStatements out;
    out.source = SlowStatements::Source::PgStatStatements;
    out.note = tr("From the server's pg_stat_statements: every client of this database, not only Arbor.");
    for (const SqlRow &r : std::as_const(*byMean))
        out.byMean.append(slowStatement(r));
    for (const SqlRow &r : std::as_const(*byTotal))
        out.byTotal.append(slowStatement(r));
    return std::optional<SlowStatements>(std::move(out));
}

Result<SlowStatements> DatabaseStatsStore::slowStatements(int limit)
{
    if (limit <= 0)
        return Error::invalid(QStringLiteral("limit"), tr("The number of statements must be at least 1."));
    QString why;
    if (m_store.backend() == Backend::Postgres) {
        auto server = serverStatements(limit, &why);
        if (!server)
            return server.error();
        if (*server)
            return std::move(**server);
    }
    auto own = arborStatements(limit);
    if (!own)
        return own;
    own->note = m_store.backend() == Backend::Postgres ? why : tr("Arbor's own timings of its statements, written every minute by the engine that indexes.");
    return own;
}

} // namespace arbor

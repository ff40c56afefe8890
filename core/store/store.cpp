#include "store/store.h"

#include <QScopeGuard>

#include "store/postgres/postgresmodule.h"
#include "store/sqlite/sqlitestore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <atomic>
#include <utility>

Q_LOGGING_CATEGORY(lcStore, "arbor.store")

namespace arbor {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Store::Store(DatabaseUrl url)
    : m_url(std::move(url))
    , m_statementTimer(m_url.toString())
{
}

Store::~Store() = default;

namespace {
std::atomic<QThread *> s_forbiddenThread{nullptr};
std::atomic<quint64> s_forbiddenThreadUses{0};
}

void Store::forbidThread(QThread *thread)
{
    s_forbiddenThread.store(thread);
    s_forbiddenThreadUses.store(0);
}

quint64 Store::forbiddenThreadUses()
{
    return s_forbiddenThreadUses.load();
}

void Store::checkThread(const QString &what)
{
    QThread *forbidden = s_forbiddenThread.load(std::memory_order_relaxed);
    if (!forbidden || QThread::currentThread() != forbidden)
        return;
    s_forbiddenThreadUses.fetch_add(1);
    qCWarning(lcStore).noquote() << "the GUI thread waited on the database, which it must never do:" << what.left(200);
}

Result<std::unique_ptr<Store>> Store::open(const DatabaseUrl &url, const QString &password)
{
    checkThread(QLatin1String("open ") + url.toString());
    if (url.backend == Backend::Postgres)
        return postgresmodule::open(url, password);
    return SqliteStore::open(url);
}

QString Store::admin(const char *name) const
{
    return ddl::adminTable(backend(), QString::fromLatin1(name));
}

QString Store::chainTable(qint64 chainId, const QString &entity, bool staging) const
{
    return ddl::entityTable(backend(), staging ? ddl::TableKind::Staging : ddl::TableKind::Production, chainId, entity);
}

QString Store::globalTable(const QString &entity) const
{
    return ddl::entityTable(backend(), ddl::TableKind::Global, 0, entity);
}

Result<QList<SqlRow>> Store::query(const QString &sql, const QVariantList &params)
{
    checkThread(sql);
    QElapsedTimer timer;
    timer.start();
    auto rows = runQuery(sql, params);
    m_statementTimer.record(sql, timer.nsecsElapsed());
    return rows;
}

namespace {

/// The typed rows as QVariants, as u256Value() would bind them.
class VariantRowWriter final : public RowWriter
{
public:
    VariantRowWriter(const Store &store, SqlRow &row)
        : m_store(store)
        , m_row(row)
    {
    }
    void integer(qint64 value) override { m_row.append(value); }
    void bytes(QByteArrayView value) override { m_row.append(QByteArray::fromRawData(value.data(), value.size())); }
    void u256(const U256 &value) override { m_row.append(m_store.u256Value(value)); }

private:
    const Store &m_store;
    SqlRow &m_row;
};

} // namespace

Status Store::runBulkInsertRows(const QString &table, const QStringList &columns, qsizetype count, const RowFiller &fill)
{
    QList<SqlRow> rows(count);
    for (qsizetype r = 0; r < count; ++r) {
        rows[r].reserve(columns.size());
        VariantRowWriter out(*this, rows[r]);
        fill(r, out);
        if (rows[r].size() != columns.size())
            return rowSizeError(table, r, rows[r].size(), columns.size());
    }
    return runBulkInsert(table, columns, rows);
}

Error Store::rowSizeError(const QString &table, qsizetype row, qsizetype values, qsizetype columns)
{
    return Error::internal(tr("Row %1 for %2 has %3 values for %4 columns.").arg(row).arg(table).arg(values).arg(columns));
}

Status Store::bulkInsert(const QString &table, const QStringList &columns, qsizetype count, const RowFiller &fill)
{
    if (count == 0)
        return {};
    checkThread(QLatin1String("bulk insert into ") + table);
    QElapsedTimer timer;
    timer.start();
    Status s = runBulkInsertRows(table, columns, count, fill);
    m_statementTimer.record(bulkStatement(table, columns), timer.nsecsElapsed());
    return s;
}

QString Store::bulkStatement(const QString &table, const QStringList &columns) const
{
    // One row of the slow statements per table and column list, whatever the number of rows.
    return (backend() == Backend::Postgres ? QLatin1String("COPY ") : QLatin1String("bulk INSERT INTO ")) + table + QLatin1String(" (")
        + columns.join(QLatin1String(", ")) + (backend() == Backend::Postgres ? QLatin1String(") FROM STDIN") : QLatin1String(") VALUES (...)"));
}

Status Store::bulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows)
{
    if (rows.isEmpty())
        return {};
    checkThread(QLatin1String("bulk insert into ") + table);
    QElapsedTimer timer;
    timer.start();
    Status s = runBulkInsert(table, columns, rows);
    m_statementTimer.record(bulkStatement(table, columns), timer.nsecsElapsed());
    return s;
}

QString Store::jsonRows(const QList<JsonColumn> &columns, const QString &alias) const
{
    QStringList parts;
    parts.reserve(columns.size());
    if (backend() == Backend::Postgres) {
        for (const JsonColumn &c : columns)
            parts.append(c.name + u' ' + c.type);
        return QLatin1String("jsonb_to_recordset(CAST(? AS jsonb)) AS ") + alias + u'(' + parts.join(QLatin1String(", ")) + u')';
    }
    for (const JsonColumn &c : columns)
        parts.append(QLatin1String("json_extract(value, '$.") + c.name + QLatin1String("') AS ") + c.name);
    return QLatin1String("(SELECT ") + parts.join(QLatin1String(", ")) + QLatin1String(" FROM json_each(?)) AS ") + alias;
}

QVariant Store::jsonRowsValue(const QJsonArray &rows)
{
    // Text, not bytes: SQLite's JSON functions refuse a BLOB.
    return QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
}

Status Store::exec(const QString &sql, const QVariantList &params)
{
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    return {};
}

Result<QStringList> Store::queryStrings(const QString &sql, const QVariantList &params)
{
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    QStringList out;
    out.reserve(rows->size());
    for (const SqlRow &r : std::as_const(*rows))
        out.append(r.first().toString());
    return out;
}

Result<QHash<QString, QStringList>> Store::listEntityColumns()
{
    auto rows = query(entityColumnsQuery());
    if (!rows)
        return rows.error();
    QHash<QString, QStringList> out;
    for (const SqlRow &r : std::as_const(*rows))
        out[r[0].toString()].append(r[1].toString());
    return out;
}

Status Store::transaction(const std::function<Status()> &work)
{
    // Nested calls join the outer transaction, so composite operations stay atomic.
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        const auto leave = qScopeGuard([this] { --m_transactionDepth; });
        return work();
    }
    if (Status s = begin(); !s)
        return s;
    m_transactionDepth = 1;
    Status s;
    try {
        s = work();
    } catch (...) {
        // Whatever the work threw (a library's exception), the transaction does not outlive it.
        m_transactionDepth = 0;
        m_onDemandIndexedPending.clear();
        m_dayHoldersPending.clear();
        rollback();
        throw;
    }
    m_transactionDepth = 0;
    // Indexes built inside the transaction exist only once it commits.
    const QSet<qint64> built = std::exchange(m_onDemandIndexedPending, {});
    const auto holders = std::exchange(m_dayHoldersPending, {});
    if (!s) {
        rollback();
        return s;
    }
    if (Status c = commit(); !c) {
        rollback();
        return c;
    }
    m_onDemandIndexed += built;
    for (const auto &[chainId, day, list] : holders) {
        QMap<qint64, QSet<Address>> &days = m_dayHolders[chainId];
        QSet<Address> &known = days[day];
        for (const Address &h : list) {
            if (known.size() >= MaxKnownDayHolders)
                break;
            known.insert(h);
        }
        while (days.size() > 2)
            days.erase(days.begin());
    }
    return {};
}

QVariant Store::u256Value(const U256 &value) const
{
    if (backend() == Backend::Postgres)
        return u256::toDecimal(value);
    return u256::toBigEndian(value);
}

Result<U256> Store::u256FromValue(const QVariant &value, const QString &field) const
{
    if (backend() == Backend::Postgres)
        return u256::fromDecimal(value.toString(), field);
    return u256::fromBigEndian(value.toByteArray(), field);
}

// --- per-connection state -------------------------------------------------------------------

Status Store::ensureOnDemandIndexes(qint64 chainId)
{
    if (m_onDemandIndexed.contains(chainId) || m_onDemandIndexedPending.contains(chainId))
        return {};
    QElapsedTimer timer;
    timer.start();
    for (const EntityDef &e : evmEntities()) {
        for (const QString &statement : ddl::createIndexes(backend(), ddl::TableKind::Production, chainId, e, true)) {
            if (Status s = exec(statement); !s)
                return s;
        }
    }
    if (timer.elapsed() > 100)
        qCInfo(lcStore) << "built the recount indexes of chain" << chainId << "in" << timer.elapsed() << "ms";
    (m_transactionDepth > 0 ? m_onDemandIndexedPending : m_onDemandIndexed).insert(chainId);
    return {};
}

void Store::forgetOnDemandIndexes(qint64 chainId)
{
    m_onDemandIndexed.remove(chainId);
}

const QSet<Address> *Store::knownDayHolders(qint64 chainId, qint64 day) const
{
    const auto chain = m_dayHolders.constFind(chainId);
    if (chain == m_dayHolders.constEnd())
        return nullptr;
    const auto known = chain->constFind(day);
    return known == chain->constEnd() ? nullptr : &*known;
}

void Store::rememberDayHolders(qint64 chainId, qint64 day, const QList<Address> &holders)
{
    if (m_transactionDepth > 0)
        m_dayHoldersPending.append({chainId, day, holders});
}

void Store::forgetDayHolders(qint64 chainId)
{
    m_dayHolders.remove(chainId);
    for (auto &pending : m_dayHoldersPending) {
        if (std::get<0>(pending) == chainId)
            std::get<2>(pending).clear();
    }
}

// --- schema ------------------------------------------------------------------------------

Result<MigrationStatus> Store::migrationStatus()
{
    const QString table = admin("schema_migrations");
    if (!tableExists(table)) {
        if (backend() == Backend::Postgres) {
            if (Status s = exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS arbor")); !s)
                return s.error();
        }
        Status s = exec(QLatin1String("CREATE TABLE IF NOT EXISTS ") + table
                        + QLatin1String(" (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, "
                                        "applied_at BIGINT NOT NULL)"));
        if (!s)
            return s.error();
    }
    auto rows = query(QLatin1String("SELECT version, name, checksum, applied_at FROM ") + table + QLatin1String(" ORDER BY version"));
    if (!rows)
        return rows.error();

    const QList<Migration> &known = migrations(backend());
    MigrationStatus status;
    status.binaryVersion = known.isEmpty() ? 0 : known.last().version;
    QHash<int, SqlRow> applied;
    for (const SqlRow &r : *rows) {
        applied.insert(r[0].toInt(), r);
        status.databaseVersion = std::max(status.databaseVersion, r[0].toInt());
    }
    for (const Migration &m : known) {
        MigrationState state;
        state.version = m.version;
        state.name = m.name;
        if (auto it = applied.constFind(m.version); it != applied.constEnd()) {
            state.applied = true;
            state.appliedAt = QDateTime::fromMSecsSinceEpoch((*it)[3].toLongLong(), Qt::UTC).toString(Qt::ISODate);
            if ((*it)[2].toString() != m.checksum())
                state.problem = tr("edited after it was applied (checksum differs)");
            applied.erase(it);
        }
        status.migrations.append(state);
    }
    for (const SqlRow &r : std::as_const(applied)) {
        MigrationState state;
        state.version = r[0].toInt();
        state.name = r[1].toString();
        state.applied = true;
        state.appliedAt = QDateTime::fromMSecsSinceEpoch(r[3].toLongLong(), Qt::UTC).toString(Qt::ISODate);
        state.problem = tr("unknown to this binary: the database was migrated by a newer Arbor");
        status.migrations.append(state);
    }
    std::sort(status.migrations.begin(), status.migrations.end(),
              [](const MigrationState &a, const MigrationState &b) { return a.version < b.version; });
    return status;
}

void Store::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

qint64 Store::now() const
{
    return m_clock ? m_clock() : nowMs();
}

Result<int> Store::migrate()
{
    auto status = migrationStatus();
    if (!status)
        return status.error();
    for (const MigrationState &m : status->migrations) {
        if (m.problem.isEmpty())
            continue;
        return Error::refused(tr("The database %1 cannot be used by this version of Arbor: migration %2 (%3) is %4. "
                                 "Nothing was changed. Use the Arbor release that migrated it, or restore a backup.")
                                  .arg(m_url.displayName()).arg(m.version).arg(m.name, m.problem));
    }
    int applied = 0;
    for (const Migration &m : migrations(backend())) {
        const bool done = std::any_of(status->migrations.begin(), status->migrations.end(),
                                      [&](const MigrationState &s) { return s.version == m.version && s.applied; });
        if (done)
            continue;
        Status s = transaction([&]() -> Status {
            for (const QString &statement : m.sql.split(QLatin1String(";\n"), Qt::SkipEmptyParts)) {
                if (Status e = exec(statement); !e)
                    return Error::internal(tr("Migration %1 (%2) failed: %3").arg(m.version).arg(m.name, e.error().message));
            }
            return exec(QLatin1String("INSERT INTO ") + admin("schema_migrations")
                            + QLatin1String(" (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)"),
                        {m.version, m.name, m.checksum(), now()});
        });
        if (!s)
            return s.error();
        qCInfo(lcStore) << "applied migration" << m.version << m.name;
        ++applied;
    }
    return applied;
}

Result<QStringList> Store::reconcileEntityTables(const QList<EntityDef> &entities)
{
    QStringList changes;
    auto chainIds = query(QLatin1String("SELECT chain_id FROM ") + admin("chains") + QLatin1String(" WHERE state <> 'deleting'"));
    if (!chainIds)
        return chainIds.error();

    // One catalogue read for every entity table instead of one per table: start-up stays quick
    // with dozens of chains, especially on PostgreSQL.
    QHash<QString, QStringList> existing;
    auto addMissing = [&](const QString &table, const QList<std::pair<ColumnDef, QString>> &wanted) -> Status {
        const QStringList have = existing.value(table);
        for (const auto &[column, name] : wanted) {
            if (have.contains(name))
                continue;
            if (Status s = exec(ddl::addColumn(backend(), table, column, name)); !s)
                return s;
            changes.append(table + u'.' + name);
        }
        return {};
    };

    // PostgreSQL: CREATE INDEX and CREATE TABLE take their lock before IF NOT EXISTS is looked
    // at. With several engines on one database, an engine starting beside others that promote
    // would lock table after table in one transaction and deadlock with them: only what is
    // missing is created. The catalogue read covers Arbor's schemas (arbor, arbor_global) and
    // every chain's (chain_<id>), whose indexes are declared here too; the schemas themselves
    // are listed by name.
    QSet<QString> relations;
    if (backend() == Backend::Postgres) {
        auto rows = query(QStringLiteral("SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                         "WHERE n.nspname LIKE 'arbor%' OR n.nspname LIKE 'chain\\_%' "
                                         "UNION ALL SELECT nspname FROM pg_namespace WHERE nspname LIKE 'arbor%' OR nspname LIKE 'chain\\_%'"));
        if (!rows)
            return rows.error();
        for (const SqlRow &r : std::as_const(*rows))
            relations.insert(r[0].toString());
    }
    static const QRegularExpression createSchema(QStringLiteral("^CREATE SCHEMA IF NOT EXISTS (\\S+)$"));
    static const QRegularExpression createTable(QStringLiteral("^CREATE (?:UNLOGGED )?TABLE IF NOT EXISTS (\\S+)"));
    static const QRegularExpression createIndex(QStringLiteral("^CREATE INDEX IF NOT EXISTS (\\S+) ON (\\S+)"));
    const auto present = [&](const QString &statement) {
        if (relations.isEmpty())
            return false;
        if (const QRegularExpressionMatch m = createSchema.match(statement); m.hasMatch())
            return relations.contains(m.captured(1));
        if (const QRegularExpressionMatch m = createTable.match(statement); m.hasMatch())
            return relations.contains(m.captured(1));
        if (const QRegularExpressionMatch m = createIndex.match(statement); m.hasMatch()) {
            const QString table = m.captured(2);
            const QString schema = table.contains(u'.') ? table.section(u'.', 0, 0) : QStringLiteral("public");
            return relations.contains(schema + u'.' + m.captured(1));
        }
        return false;
    };

    Status s = transaction([&]() -> Status {
        for (const QString &statement : ddl::createGlobal(backend(), entities)) {
            if (present(statement))
                continue;
            if (Status e = exec(statement); !e)
                return e;
        }
        auto columns = listEntityColumns();
        if (!columns)
            return columns.error();
        existing = std::move(*columns);
        for (const EntityDef &e : entities) {
            QList<std::pair<ColumnDef, QString>> local;
            for (const ColumnDef &c : e.columns)
                local.append({c, c.name});
            for (const SqlRow &row : std::as_const(*chainIds)) {
                const qint64 chainId = row[0].toLongLong();
                for (auto kind : {ddl::TableKind::Production, ddl::TableKind::Staging}) {
                    const QString table = ddl::entityTable(backend(), kind, chainId, e.name);
                    if (!existing.contains(table)) {
                        if (Status c = exec(ddl::createTable(backend(), kind, chainId, e)); !c)
                            return c;
                        changes.append(table);
                        continue;
                    }
                    if (Status a = addMissing(table, local); !a)
                        return a;
                }
                // Indexes declared after the table was made (IF NOT EXISTS: cheap when present).
                for (const QString &statement : ddl::createIndexes(backend(), ddl::TableKind::Production, chainId, e)) {
                    if (present(statement))
                        continue;
                    if (Status c = exec(statement); !c)
                        return c;
                }
            }
            if (e.crossChain) {
                QList<std::pair<ColumnDef, QString>> global;
                for (const ColumnDef &c : e.globalColumns())
                    global.append({c, c.globalName()});
                if (Status a = addMissing(ddl::entityTable(backend(), ddl::TableKind::Global, 0, e.name), global); !a)
                    return a;
            }
        }
        return {};
    });
    if (!s)
        return s.error();
    for (const QString &c : std::as_const(changes))
        qCInfo(lcStore) << "schema: added" << c;
    return changes;
}

// --- introspection -------------------------------------------------------------------------

Result<QStringList> Store::chainTables(qint64 chainId)
{
    return listChainTables(chainId);
}

Result<QStringList> Store::tableColumns(const QString &table)
{
    return listColumns(table);
}

Result<qint64> Store::rowCount(const QString &table, const QString &where, const QVariantList &params)
{
    QString sql = QLatin1String("SELECT COUNT(*) FROM ") + table;
    if (!where.isEmpty())
        sql += QLatin1String(" WHERE ") + where;
    auto rows = query(sql, params);
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? 0 : rows->first().first().toLongLong();
}

} // namespace arbor

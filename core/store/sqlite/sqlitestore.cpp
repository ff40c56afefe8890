#include "store/sqlite/sqlitestore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <atomic>

namespace arbor {
namespace {

Error sqlError(const QSqlError &e, const QString &sql)
{
    const QString native = e.nativeErrorCode();
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another process holds the write lock past busy_timeout.
    if (native == u"5" || native == u"6")
        return Error::unavailable(QStringLiteral("database"), SqliteStore::tr("The database is locked by another process: %1").arg(e.text()));
    if (native == u"19" || native.startsWith(u"19"))  // SQLITE_CONSTRAINT and its extended codes
        return Error::conflict(QString(), e.databaseText());
    qCWarning(lcStore) << "sqlite:" << e.text() << "in" << sql.left(200);
    return Error::internal(SqliteStore::tr("SQLite error: %1").arg(e.text()));
}

QVariant fromSqlite(const QVariant &v)
{
    if (v.isNull())
        return {};
    switch (v.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return v.toLongLong();
    default:
        return v;
    }
}

// Qt's driver binds a null QString or QByteArray as SQL NULL; Arbor means NULL only by an
// empty QVariant, so an empty string or byte array stays empty.
QVariant toSqlite(const QVariant &v)
{
    if (v.typeId() == QMetaType::QByteArray && v.toByteArray().isNull())
        return QByteArray("", 0);
    if (v.typeId() == QMetaType::QString && v.toString().isNull())
        return QStringLiteral("");
    return v;
}

} // namespace

SqliteStore::SqliteStore(DatabaseUrl url)
    : Store(std::move(url))
{
    static std::atomic<int> counter{0};
    m_connectionName = QStringLiteral("arbor-sqlite-%1").arg(++counter);
}

SqliteStore::~SqliteStore()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Store>> SqliteStore::open(const DatabaseUrl &url)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Error::unavailable(QStringLiteral("database"), tr("Qt's SQLite driver is not installed (Debian package libqt6sql6-sqlite)."));
    const QFileInfo file(url.path);
    if (!QDir().mkpath(file.absolutePath()))
        return Error::unavailable(QStringLiteral("--db"), tr("Cannot create the folder %1 for the database.").arg(file.absolutePath()));

    std::unique_ptr<SqliteStore> store(new SqliteStore(url));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    db.setDatabaseName(url.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return Error::unavailable(QStringLiteral("--db"), tr("Cannot open %1: %2").arg(url.path, db.lastError().text()));

    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma)))
            return Error::unavailable(QStringLiteral("--db"), tr("%1 is not a usable SQLite database: %2").arg(url.path, q.lastError().text()));
    }
    return std::unique_ptr<Store>(std::move(store));
}

Result<QList<SqlRow>> SqliteStore::query(const QString &sql, const QVariantList &params)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError(), sql);
    for (const QVariant &p : params)
        q.addBindValue(toSqlite(p));
    if (!q.exec())
        return sqlError(q.lastError(), sql);
    QList<SqlRow> rows;
    const int columns = q.record().count();
    while (q.next()) {
        SqlRow row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(fromSqlite(q.value(i)));
        rows.append(std::move(row));
    }
    if (q.lastError().isValid())
        return sqlError(q.lastError(), sql);
    return rows;
}

Status SqliteStore::bulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows)
{
    if (rows.isEmpty())
        return {};
    const QString sql = QLatin1String("INSERT INTO ") + table + QLatin1String(" (") + columns.join(QLatin1String(", "))
        + QLatin1String(") VALUES (") + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", ")) + u')';
    return transaction([&]() -> Status {
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        if (!q.prepare(sql))
            return sqlError(q.lastError(), sql);
        for (const SqlRow &row : rows) {
            if (row.size() != columns.size())
                return Error::internal(tr("A row for %1 has %2 values for %3 columns.").arg(table).arg(row.size()).arg(columns.size()));
            for (qsizetype i = 0; i < row.size(); ++i)
                q.bindValue(int(i), toSqlite(row[i]));
            if (!q.exec())
                return sqlError(q.lastError(), sql);
        }
        return {};
    });
}

Status SqliteStore::begin()
{
    // IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout instead of
    // deadlocking when both try to upgrade a read transaction.
    return exec(QStringLiteral("BEGIN IMMEDIATE"));
}

Status SqliteStore::commit()
{
    return exec(QStringLiteral("COMMIT"));
}

void SqliteStore::rollback()
{
    (void)exec(QStringLiteral("ROLLBACK"));
}

bool SqliteStore::tableExists(const QString &table)
{
    auto rows = query(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"), {table});
    return rows && !rows->isEmpty();
}

Result<QStringList> SqliteStore::listChainTables(qint64 chainId)
{
    const QString prefix = ddl::chainNamespace(Backend::Sqlite, chainId);
    return queryStrings(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, ?) = ? ORDER BY name"),
                        {prefix.size(), prefix});
}

QString SqliteStore::entityColumnsQuery() const
{
    return QStringLiteral("SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p "
                          "WHERE m.type = 'table' AND (m.name GLOB 'c[0-9]*_*' OR m.name GLOB 'g_*') ORDER BY m.name, p.cid");
}

Result<QStringList> SqliteStore::listColumns(const QString &table)
{
    return queryStrings(QStringLiteral("SELECT name FROM pragma_table_info(?)"), {table});
}

Status SqliteStore::dropChainNamespace(qint64 chainId)
{
    auto tables = listChainTables(chainId);
    if (!tables)
        return tables.error();
    return transaction([&]() -> Status {
        for (const QString &t : std::as_const(*tables)) {
            if (Status s = exec(QLatin1String("DROP TABLE IF EXISTS ") + t); !s)
                return s;
        }
        return {};
    });
}

} // namespace arbor

#include "store/sqlite/sqlitestore.h"

#include "store/sqlite/sqlitecheckpointer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <deque>

namespace arbor {
namespace {

constexpr qsizetype MaxCachedStatements = 256;
/// Rows a bulk insert puts in one INSERT (fewer where SQLite's limit on parameters says so).
constexpr qsizetype RowsPerInsert = 32;
/// Pages of write-ahead log (4 KiB each) from which a commit asks for a background checkpoint,
/// and from which the writer checkpoints itself (the background ones fell behind).
constexpr int BackgroundCheckpointFrames = 2000;
constexpr int WriterCheckpointFrames = 10000;

// u256_sum(blob): SQL SUM over the 32-byte big-endian uint256 BLOBs SQLite stores amounts as.
// NULL over no rows, like SUM; an error on a malformed value or past 2^256 - 1. The running
// total is four 64-bit limbs (least significant first): SQLite's aggregate context is only
// 8-byte aligned, and plain limbs need no construction.
struct U256Sum
{
    quint64 limbs[4];
    bool any;
};

void u256SumStep(sqlite3_context *context, int, sqlite3_value **args)
{
    auto *sum = static_cast<U256Sum *>(sqlite3_aggregate_context(context, sizeof(U256Sum)));
    if (!sum)
        return sqlite3_result_error_nomem(context);
    if (sqlite3_value_type(args[0]) == SQLITE_NULL)
        return;
    const auto *blob = static_cast<const unsigned char *>(sqlite3_value_blob(args[0]));
    if (sqlite3_value_type(args[0]) != SQLITE_BLOB || sqlite3_value_bytes(args[0]) != 32)
        return sqlite3_result_error(context, "u256_sum: a value is not a 32-byte uint256", -1);
    sum->any = true;
    unsigned carry = 0;
    for (int limb = 0; limb < 4; ++limb) {
        quint64 word = 0;
        const unsigned char *p = blob + 32 - 8 * (limb + 1);
        for (int i = 0; i < 8; ++i)
            word = (word << 8) | p[i];
        const quint64 partial = sum->limbs[limb] + word;
        const unsigned c1 = partial < word;
        const quint64 total = partial + carry;
        const unsigned c2 = total < partial;
        sum->limbs[limb] = total;
        carry = c1 | c2;
    }
    if (carry)
        return sqlite3_result_error(context, "u256_sum: the sum exceeds 2^256 - 1", -1);
}

void u256SumFinal(sqlite3_context *context)
{
    auto *sum = static_cast<U256Sum *>(sqlite3_aggregate_context(context, 0));
    if (!sum || !sum->any)
        return sqlite3_result_null(context);
    unsigned char bytes[32];
    for (int limb = 0; limb < 4; ++limb) {
        unsigned char *p = bytes + 32 - 8 * (limb + 1);
        for (int i = 0; i < 8; ++i)
            p[i] = (unsigned char)(sum->limbs[limb] >> (8 * (7 - i)));
    }
    sqlite3_result_blob(context, bytes, 32, SQLITE_TRANSIENT);
}

Error sqlError(sqlite3 *db, int code, const QString &sql)
{
    const QString text = QString::fromUtf8(sqlite3_errmsg(db));
    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        // Another process holds the write lock past busy_timeout.
        return Error::unavailable(QStringLiteral("database"), SqliteStore::tr("The database is locked by another process: %1").arg(text))
            .withCode(QStringLiteral("database_locked"), {text});
    case SQLITE_CONSTRAINT:
        return Error::conflict(QString(), text);
    default:
        qCWarning(lcStore) << "sqlite:" << text << "in" << sql.left(200);
        return Error::internal(SqliteStore::tr("SQLite error: %1").arg(text)).withCode(QStringLiteral("database"), {text});
    }
}

// As Qt's driver would bind it, but for one difference: Arbor means NULL only by an empty
// QVariant, so an empty (even null) string or byte array stays empty. The values outlive the
// statement's step, so nothing is copied.
int bind(sqlite3_stmt *stmt, int index, const QVariant &v)
{
    if (v.isNull())
        return sqlite3_bind_null(stmt, index);
    switch (v.typeId()) {
    case QMetaType::QByteArray: {
        const auto *bytes = static_cast<const QByteArray *>(v.constData());
        if (bytes->isEmpty())
            return sqlite3_bind_zeroblob(stmt, index, 0);
        return sqlite3_bind_blob64(stmt, index, bytes->constData(), sqlite3_uint64(bytes->size()), SQLITE_STATIC);
    }
    case QMetaType::QString: {
        const auto *text = static_cast<const QString *>(v.constData());
        const void *data = text->isEmpty() ? static_cast<const void *>(u"") : static_cast<const void *>(text->constData());
        return sqlite3_bind_text16(stmt, index, data, int(text->size() * 2), SQLITE_STATIC);
    }
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::UShort:
        return sqlite3_bind_int(stmt, index, v.toInt());
    case QMetaType::Bool:
        return sqlite3_bind_int(stmt, index, v.toBool() ? 1 : 0);
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(stmt, index, v.toLongLong());
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(stmt, index, v.toDouble());
    default: {
        const QByteArray text = v.toString().toUtf8();
        return sqlite3_bind_text64(stmt, index, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    }
}

// Integers come back as qint64, as Arbor's readers expect; NULL as an empty QVariant.
QVariant column(sqlite3_stmt *stmt, int i)
{
    switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(stmt, i));
    case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, i);
    case SQLITE_NULL:
        return {};
    case SQLITE_BLOB: {
        const void *data = sqlite3_column_blob(stmt, i);
        return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(stmt, i));
    }
    default: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
        return QString::fromUtf8(text, sqlite3_column_bytes(stmt, i));
    }
    }
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
    // Its connection closes first, so this one's close is the last: it checkpoints what is left
    // and removes the log.
    m_checkpointer.reset();
    finalizeStatements();
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

    const bool newFile = !file.exists() || file.size() == 0;
    std::unique_ptr<SqliteStore> store(new SqliteStore(url));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
    db.setDatabaseName(url.path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    if (!db.open())
        return Error::unavailable(QStringLiteral("--db"), tr("Cannot open %1: %2").arg(url.path, db.lastError().text()));

    // Before the first table: free pages can then be returned by PRAGMA incremental_vacuum.
    if (QSqlQuery q(db); newFile && !q.exec(QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL")))
        return Error::unavailable(QStringLiteral("--db"), tr("%1 is not a usable SQLite database: %2").arg(url.path, q.lastError().text()));
    // A range's promotion touches a few MB of pages: with the default 2 MB cache they spill to
    // the WAL mid-transaction and are read back. 64 MiB are allocated only as used. Checkpoints
    // are walCommitted()'s, not SQLite's automatic ones (which its hook replaces).
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON", "PRAGMA cache_size=-65536"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma)))
            return Error::unavailable(QStringLiteral("--db"), tr("%1 is not a usable SQLite database: %2").arg(url.path, q.lastError().text()));
    }
    // Qt's driver links the same libsqlite3 as Arbor, so its handle is ours to use.
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0 || !*static_cast<sqlite3 *const *>(handle.constData()))
        return Error::unavailable(QStringLiteral("--db"), tr("Qt's SQLite driver gave no native handle for %1.").arg(url.path));
    store->m_db = *static_cast<sqlite3 *const *>(handle.constData());
    const int rc = sqlite3_create_function_v2(store->m_db, "u256_sum", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, nullptr,
                                              u256SumStep, u256SumFinal, nullptr);
    if (rc != SQLITE_OK)
        return Error::unavailable(QStringLiteral("--db"), tr("Cannot register u256_sum on %1: %2").arg(url.path, QString::fromUtf8(sqlite3_errstr(rc))));
    sqlite3_wal_hook(store->m_db, &SqliteStore::walCommitted, store.get());
    return std::unique_ptr<Store>(std::move(store));
}

int SqliteStore::walCommitted(void *store, sqlite3 *db, const char *name, int frames)
{
    auto *self = static_cast<SqliteStore *>(store);
    if (frames >= WriterCheckpointFrames) {
        // What SQLite's automatic checkpoint would do at this size: a read holding old pages
        // kept the background ones from finishing the log.
        sqlite3_wal_checkpoint(db, name);
    } else if (frames >= BackgroundCheckpointFrames) {
        if (!self->m_checkpointer)
            self->m_checkpointer = std::make_unique<SqliteCheckpointer>(self->url().path);
        self->m_checkpointer->request();
    }
    return SQLITE_OK;
}

sqlite3_stmt *SqliteStore::statement(const QString &sql, Error *error)
{
    if (sqlite3_stmt *cached = m_statements.value(sql)) {
        sqlite3_reset(cached);
        return cached;
    }
    if (m_statements.size() >= MaxCachedStatements)
        finalizeStatements();
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt *stmt = nullptr;
    const char *tail = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &stmt, &tail);
    if (rc != SQLITE_OK) {
        *error = sqlError(m_db, rc, sql);
        return nullptr;
    }
    if (!stmt || !QByteArrayView(tail, utf8.constData() + utf8.size() - tail).trimmed().isEmpty()) {
        sqlite3_finalize(stmt);
        *error = Error::internal(tr("SQLite error: expected one statement in %1").arg(sql.left(200)));
        return nullptr;
    }
    m_statements.insert(sql, stmt);
    return stmt;
}

void SqliteStore::finalizeStatements()
{
    for (sqlite3_stmt *stmt : std::as_const(m_statements))
        sqlite3_finalize(stmt);
    m_statements.clear();
}

Result<QList<SqlRow>> SqliteStore::runQuery(const QString &sql, const QVariantList &params)
{
    Error error;
    sqlite3_stmt *stmt = statement(sql, &error);
    if (!stmt)
        return error;
    if (sqlite3_bind_parameter_count(stmt) != params.size())
        return Error::internal(tr("SQLite error: %1 values for %2 parameters in %3").arg(params.size()).arg(sqlite3_bind_parameter_count(stmt)).arg(sql.left(200)));
    for (qsizetype i = 0; i < params.size(); ++i) {
        if (const int rc = bind(stmt, int(i + 1), params[i]); rc != SQLITE_OK)
            return sqlError(m_db, rc, sql);
    }
    QList<SqlRow> rows;
    const int columns = sqlite3_column_count(stmt);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        SqlRow row;
        row.reserve(columns);
        for (int i = 0; i < columns; ++i)
            row.append(column(stmt, i));
        rows.append(std::move(row));
    }
    if (rc != SQLITE_DONE) {
        const Error e = sqlError(m_db, sqlite3_extended_errcode(m_db), sql);
        sqlite3_reset(stmt);
        return e;
    }
    sqlite3_reset(stmt);
    return rows;
}

Status SqliteStore::runBulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows)
{
    for (const SqlRow &row : rows) {
        if (row.size() != columns.size())
            return Error::internal(tr("A row for %1 has %2 values for %3 columns.").arg(table).arg(row.size()).arg(columns.size()));
    }
    return insertRows(table, columns, rows.size(), [&](sqlite3_stmt *stmt, int index, qsizetype row) -> Status {
        for (const QVariant &value : rows[row]) {
            if (const int rc = bind(stmt, index++, value); rc != SQLITE_OK)
                return sqlError(m_db, rc, table);
        }
        return {};
    });
}

namespace {

/// A typed row bound straight to the INSERT's parameters. A uint256's 32 bytes are kept until
/// the statement has run: bound without a copy, like the caller's bytes.
class SqliteRowBinder final : public RowWriter
{
public:
    /// Row values go to `stmt` from parameter `index` on; the uint256 buffers of the statement
    /// before are free again when `index` is 1.
    void start(sqlite3_stmt *stmt, int index)
    {
        m_stmt = stmt;
        m_index = index;
        m_values = 0;
        m_rc = SQLITE_OK;
        if (index == 1)
            m_usedWords = 0;
    }
    int result() const { return m_rc; }
    qsizetype values() const { return m_values; }

    void integer(qint64 value) override { next(sqlite3_bind_int64(m_stmt, m_index, value)); }
    void bytes(QByteArrayView value) override
    {
        next(value.isEmpty() ? sqlite3_bind_zeroblob(m_stmt, m_index, 0)
                             : sqlite3_bind_blob64(m_stmt, m_index, value.data(), sqlite3_uint64(value.size()), SQLITE_STATIC));
    }
    void u256(const U256 &value) override
    {
        if (m_usedWords == qsizetype(m_words.size()))
            m_words.emplace_back();   // a deque: the words bound before stay where they are
        char *word = m_words[size_t(m_usedWords++)].data();
        u256::toBigEndian(value, word);
        next(sqlite3_bind_blob64(m_stmt, m_index, word, 32, SQLITE_STATIC));
    }

private:
    void next(int rc)
    {
        ++m_index;
        ++m_values;
        if (m_rc == SQLITE_OK)
            m_rc = rc;
    }

    sqlite3_stmt *m_stmt = nullptr;
    int m_index = 1;
    int m_rc = SQLITE_OK;
    qsizetype m_values = 0;
    std::deque<std::array<char, 32>> m_words;
    qsizetype m_usedWords = 0;
};

} // namespace

Status SqliteStore::runBulkInsertRows(const QString &table, const QStringList &columns, qsizetype count, const RowFiller &fill)
{
    SqliteRowBinder binder;
    return insertRows(table, columns, count, [&](sqlite3_stmt *stmt, int index, qsizetype row) -> Status {
        binder.start(stmt, index);
        fill(row, binder);
        if (binder.values() != columns.size())
            return rowSizeError(table, row, binder.values(), columns.size());
        if (binder.result() != SQLITE_OK)
            return sqlError(m_db, binder.result(), table);
        return {};
    });
}

Status SqliteStore::insertRows(const QString &table, const QStringList &columns, qsizetype count,
                               const std::function<Status(sqlite3_stmt *stmt, int index, qsizetype row)> &bindRow)
{
    if (count == 0)
        return {};
    if (columns.isEmpty())
        return Error::internal(tr("A bulk insert into %1 names no columns.").arg(table));
    // Several rows per statement: each execution of a statement opens and closes its cursors and
    // runs its prologue once, which for one narrow row is about as much as inserting it.
    const QString head = QLatin1String("INSERT INTO ") + table + QLatin1String(" (") + columns.join(QLatin1String(", ")) + QLatin1String(") VALUES ");
    const QString tuple = u'(' + QStringList(columns.size(), QStringLiteral("?")).join(QLatin1String(", ")) + u')';
    const qsizetype maxParameters = sqlite3_limit(m_db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
    const qsizetype perStatement = std::clamp<qsizetype>(maxParameters / columns.size(), 1, RowsPerInsert);
    const QString many = head + QStringList(perStatement, tuple).join(QLatin1String(", "));
    const QString one = head + tuple;
    return transaction([&]() -> Status {
        Error error;
        for (qsizetype first = 0; first < count;) {
            const qsizetype rows = count - first >= perStatement ? perStatement : 1;
            const QString &sql = rows > 1 ? many : one;
            sqlite3_stmt *stmt = statement(sql, &error);
            if (!stmt)
                return error;
            for (qsizetype r = 0; r < rows; ++r) {
                if (Status s = bindRow(stmt, int(1 + r * columns.size()), first + r); !s) {
                    sqlite3_reset(stmt);
                    sqlite3_clear_bindings(stmt);
                    return s;
                }
            }
            if (sqlite3_step(stmt) != SQLITE_DONE) {
                const Error e = sqlError(m_db, sqlite3_extended_errcode(m_db), sql);
                sqlite3_reset(stmt);
                return e;
            }
            sqlite3_reset(stmt);
            first += rows;
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

#include "store/postgres/postgresstore.h"
#include "store/postgres/postgresmodule.h"
#include "store/postgres/postgrescopy.h"
#include "store/postgres/pgtypes.h"

#include "arbor_buildid.h"

#include <QCoreApplication>

#include <pqxx/connection>
#include <pqxx/result>
#include <pqxx/except>
#include <pqxx/largeobject>
#include <pqxx/nontransaction>
#include <pqxx/prepared_statement>
#include <pqxx/tablewriter>
#include <pqxx/transaction>

#include <libpq-fe.h>

#include <cctype>
#include <charconv>
#include <string>
#include <vector>

namespace arbor {
namespace {

// A fixed key for pg_try_advisory_lock: "arbor" + lease.
constexpr qint64 LeaseLockKey = 0x6172626f72'01;

// Statement texts remembered per session, prepared or seen once: reaching it drops them all
// (between transactions). A promotion's statements name the chain's tables, so each chain
// indexed adds its own dozen; statements of many rows' VALUES differ by their row count.
constexpr size_t MaxStatements = 400;

// Statements the server plans, worth preparing. Others (DDL, SET, BEGIN) run unnamed.
bool plannable(const std::string &statement)
{
    size_t i = statement.find_first_not_of(" \t\r\n(");
    if (i == std::string::npos)
        return false;
    for (const char *verb : {"SELECT", "INSERT", "UPDATE", "DELETE", "WITH"}) {
        const size_t n = std::char_traits<char>::length(verb);
        if (statement.size() - i > n && qstrnicmp(statement.data() + i, verb, n) == 0 && !std::isalnum(static_cast<unsigned char>(statement[i + n])))
            return true;
    }
    return false;
}

std::string quoteConnValue(const QString &v)
{
    QString escaped = v;
    escaped.replace(u'\\', QLatin1String("\\\\")).replace(u'\'', QLatin1String("\\'"));
    return QString(u'\'' + escaped + u'\'').toStdString();
}

// "?" placeholders become "$1", "$2", … outside quoted literals and identifiers.
std::string numberPlaceholders(const QString &sql)
{
    std::string out;
    out.reserve(size_t(sql.size()) + 16);
    const QByteArray utf8 = sql.toUtf8();
    int n = 0;
    char quote = 0;
    for (char c : utf8) {
        if (quote) {
            if (c == quote)
                quote = 0;
            out += c;
        } else if (c == '\'' || c == '"') {
            quote = c;
            out += c;
        } else if (c == '?') {
            out += '$';
            out += std::to_string(++n);
        } else {
            out += c;
        }
    }
    return out;
}

// A server's error as Arbor's: a lost connection, a conflict, or an internal error (logged).
Error fromServerError(const QString &what, const std::string &state, bool broken, const std::string &sql)
{
    // The codes keep the server's words (in its lc_messages) for readers in another language.
    if (broken) {
        return Error::unavailable(QStringLiteral("database"), PostgresStore::tr("Lost the connection to PostgreSQL: %1").arg(what))
            .withCode(QStringLiteral("database_connection_lost"), {what});
    }
    if (state == "23505" || state == "23503")  // unique_violation, foreign_key_violation
        return Error::conflict(QString(), what);
    if (state.rfind("08", 0) == 0) {
        return Error::unavailable(QStringLiteral("database"), PostgresStore::tr("PostgreSQL connection error: %1").arg(what))
            .withCode(QStringLiteral("database_connection_lost"), {what});
    }
    qCWarning(lcStore) << "postgresql:" << what << "in" << QString::fromStdString(sql.substr(0, 200));
    return Error::internal(PostgresStore::tr("PostgreSQL error: %1").arg(what)).withCode(QStringLiteral("database"), {what});
}

Error fromException(const std::exception &e, const std::string &sql)
{
    const auto *sqlError = dynamic_cast<const pqxx::sql_error *>(&e);
    return fromServerError(QString::fromUtf8(e.what()).trimmed(), sqlError ? sqlError->sqlstate() : std::string(),
                           dynamic_cast<const pqxx::broken_connection *>(&e) != nullptr, sql);
}

QVariant fromField(const pqxx::field &f)
{
    if (f.is_null())
        return {};
    const char *text = f.c_str();
    switch (unsigned(f.type())) {
    case pgtype::Bool:
        return text[0] == 't';
    case pgtype::Int2:
    case pgtype::Int4:
    case pgtype::Int8:
        return QByteArray::fromRawData(text, int(f.size())).toLongLong();
    case pgtype::Float4:
    case pgtype::Float8:
        return QByteArray::fromRawData(text, int(f.size())).toDouble();
    case pgtype::Bytea:
        // Text output of bytea is "\x" followed by hex digits.
        return QByteArray::fromHex(QByteArray::fromRawData(text + 2, int(f.size()) - 2));
    default:
        return QString::fromUtf8(text, qsizetype(f.size()));
    }
}

struct BoundParams
{
    std::vector<std::string> storage;
    std::vector<const char *> pointers;
};

BoundParams bind(const QVariantList &params)
{
    BoundParams b;
    b.storage.reserve(size_t(params.size()));
    b.pointers.reserve(size_t(params.size()));
    for (const QVariant &p : params) {
        if (p.isNull()) {
            b.storage.emplace_back();
            continue;
        }
        switch (p.typeId()) {
        case QMetaType::QByteArray:
            b.storage.push_back("\\x" + p.toByteArray().toHex().toStdString());
            break;
        case QMetaType::Bool:
            b.storage.push_back(p.toBool() ? "true" : "false");
            break;
        default:
            b.storage.push_back(p.toString().toStdString());
            break;
        }
    }
    for (qsizetype i = 0; i < params.size(); ++i)
        b.pointers.push_back(params[i].isNull() ? nullptr : b.storage[size_t(i)].c_str());
    return b;
}

// Rows go out in chunks of ~256 KB: a COPY data message may hold many rows.
constexpr size_t CopyChunkBytes = 256 * 1024;

// libpqxx 6.4 sends COPY only in text form (tablewriter, stream_to); binary needs the session's
// libpq connection, which libpqxx hands to its large-object classes alone.
class SessionConnection : private pqxx::largeobject
{
public:
    static PGconn *of(const pqxx::dbtransaction &transaction) { return raw_connection(transaction); }
};

struct ResultClear
{
    void operator()(PGresult *result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultClear>;

// The error of a statement sent through libpq itself (`result`, or the connection's own).
Error copyError(PGconn *connection, const PGresult *result, const std::string &sql)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    QString what = QString::fromUtf8(result ? PQresultErrorMessage(result) : PQerrorMessage(connection)).trimmed();
    if (what.isEmpty())
        what = PostgresStore::tr("COPY did not start (%1).").arg(QString::fromUtf8(PQresStatus(PQresultStatus(result))));
    const bool broken = PQstatus(connection) == CONNECTION_BAD;
    std::string code = state ? state : "";
    if (!broken && code.rfind("08", 0) == 0)
        code.clear();   // a protocol error on a live session: the server refused the data sent (a changed column type)
    return fromServerError(what, code, broken, sql);
}

} // namespace

PostgresStore::PostgresStore(DatabaseUrl url)
    : Store(std::move(url))
{
}

PostgresStore::~PostgresStore()
{
    m_transaction.reset();
    m_connection.reset();
}

Result<std::unique_ptr<Store>> PostgresStore::open(const DatabaseUrl &url, const QString &password)
{
    std::string conninfo = "host=" + quoteConnValue(url.host) + " port=" + std::to_string(url.port)
        + " user=" + quoteConnValue(url.user) + " dbname=" + quoteConnValue(url.database)
        + " application_name='arbor' connect_timeout=10"
        // In the connection string, not SET: a reconnect (reconnectIfLost()) has them too.
        + " options='-c client_min_messages=warning -c idle_in_transaction_session_timeout="
        + std::to_string(IdleTransactionBackstopMs) + "'";
    if (!password.isEmpty())
        conninfo += " password=" + quoteConnValue(password);
    std::unique_ptr<PostgresStore> store(new PostgresStore(url));
    try {
        store->m_connection = std::make_unique<pqxx::connection>(conninfo);
        store->m_conninfo = std::move(conninfo);
    } catch (const std::exception &e) {
        QString what = QString::fromUtf8(e.what()).trimmed();
        if (what.contains(QLatin1String("password")))
            what += u' ' + tr("Store the password with “arborctl db set-password” or set PGPASSWORD.");
        return Error::unavailable(QStringLiteral("--db"), tr("Cannot connect to %1: %2").arg(url.displayName(), what));
    }
    return std::unique_ptr<Store>(std::move(store));
}

void PostgresStore::limitIdleTransactions(qint64 ms)
{
    m_idleLimitMs = std::max<qint64>(ms, 1000);
    if (Status s = applyIdleLimit(); !s)
        qCWarning(lcStore).noquote() << "postgresql: cannot limit idle transactions:" << s.error().message;
}

Status PostgresStore::applyIdleLimit()
{
    if (m_idleLimitMs <= 0)
        return {};
    return exec(QLatin1String("SET idle_in_transaction_session_timeout = ") + QString::number(m_idleLimitMs));
}

Status PostgresStore::reconnectIfLost()
{
    if (m_transaction || m_connection->is_open())
        return {};
    try {
        auto connection = std::make_unique<pqxx::connection>(m_conninfo);
        m_connection = std::move(connection);
        m_statements.clear();   // the old session's prepared statements went with it
        m_copyColumns.clear();
    } catch (const std::exception &e) {
        return Error::unavailable(QStringLiteral("database"),
                                  tr("Lost the connection to %1 and cannot connect again: %2").arg(m_url.displayName(), QString::fromUtf8(e.what()).trimmed()));
    }
    qCWarning(lcStore).noquote() << "postgresql: the connection to" << m_url.displayName() << "was lost; connected again";
    if (Status s = applyIdleLimit(); !s)
        return s;
    if (m_leaseLocked) {
        // The engine lease's lock went with the old session. Taken again at once: another
        // process that found it free would read that as this holder's death and take the lease.
        m_leaseLocked = false;
        auto locked = tryLockLease();
        if (!locked)
            return locked.error();
        if (!*locked)
            qCWarning(lcStore) << "postgresql: another session took the engine lease's lock while the connection was lost";
    }
    return {};
}

Result<QList<SqlRow>> PostgresStore::runQuery(const QString &sql, const QVariantList &params)
{
    const std::string statement = numberPlaceholders(sql);
    if (Status s = reconnectIfLost(); !s)
        return s.error();
    try {
        const BoundParams bound = bind(params);
        if (!plannable(statement))
            m_copyColumns.clear();   // DDL may have changed a column's type
        const std::string *prepared = preparedName(statement);
        auto run = [&](pqxx::transaction_base &tx) {
            const auto values = pqxx::prepare::make_dynamic_params(bound.pointers);
            return prepared ? tx.exec_prepared(*prepared, values) : tx.exec_params(statement, values);
        };
        pqxx::result result;
        if (m_transaction) {
            result = run(*m_transaction);
        } else {
            pqxx::nontransaction tx(*m_connection);
            result = run(tx);
        }
        QList<SqlRow> rows;
        rows.reserve(qsizetype(result.size()));
        for (const auto &row : result) {
            SqlRow out;
            out.reserve(qsizetype(row.size()));
            for (const auto &field : row)
                out.append(fromField(field));
            rows.append(std::move(out));
        }
        return rows;
    } catch (const std::exception &e) {
        return fromException(e, statement);
    }
}

const std::string *PostgresStore::preparedName(const std::string &statement)
{
    if (!plannable(statement))
        return nullptr;
    auto it = m_statements.find(statement);
    if (it == m_statements.end()) {
        if (m_statements.size() >= MaxStatements) {
            if (m_transaction)
                return nullptr;   // DEALLOCATE waits for the transaction's end
            forgetStatements();
        }
        m_statements.emplace(statement, std::string());
        return nullptr;
    }
    if (it->second.empty()) {
        // libpqxx sends the definition to the server with the first execution.
        it->second = "arbor_" + std::to_string(++m_preparedCount);
        m_connection->prepare(it->second, statement);
    }
    return &it->second;
}

void PostgresStore::forgetStatements()
{
    for (const auto &[statement, name] : m_statements) {
        if (name.empty())
            continue;
        try {
            m_connection->unprepare(name);
        } catch (const std::exception &e) {
            // A lost connection took them with it; a live one keeps an unused statement.
            qCWarning(lcStore).noquote() << "postgresql: cannot drop a prepared statement:" << QString::fromUtf8(e.what()).trimmed();
        }
    }
    m_statements.clear();
}

Status PostgresStore::runBulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows)
{
    if (rows.isEmpty())
        return {};
    for (const SqlRow &row : rows) {
        if (row.size() != columns.size())
            return Error::internal(tr("A row for %1 has %2 values for %3 columns.").arg(table).arg(row.size()).arg(columns.size()));
    }
    return transaction([&]() -> Status {
        auto wires = copyWires(table, columns);
        if (!wires)
            return wires.error();
        if (wires->empty()) {
            const Status copied = copyText(table, columns, rows);
            if (!copied)
                m_copyColumns.clear();   // a table changed by another session is read again
            return copied;
        }
        const Status copied = copyBinary(table, columns, rows.size(), [&](std::string &chunk, qsizetype r) {
            const SqlRow &row = rows[r];
            pgcopy::appendRowStart(chunk, int(row.size()));
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (!pgcopy::appendField(chunk, (*wires)[size_t(i)], row[i]))
                    return tr("Column %1 of %2 cannot hold the value “%3”.").arg(columns[i], table, row[i].toString().left(80));
            }
            return QString();
        });
        if (!copied)
            m_copyColumns.clear();
        return copied;
    });
}

namespace {

/// A typed row straight into binary COPY fields, by each column's wire.
class PgRowEncoder final : public RowWriter
{
public:
    PgRowEncoder(const std::vector<pgcopy::Wire> &wires, const QString &table, const QStringList &columns)
        : m_wires(wires)
        , m_table(table)
        , m_columns(columns)
    {
    }
    /// Row values go to `chunk`, after the row's field count.
    void start(std::string &chunk)
    {
        m_chunk = &chunk;
        m_column = 0;
        m_refused.clear();
        pgcopy::appendRowStart(chunk, int(m_wires.size()));
    }
    qsizetype values() const { return m_column; }
    const QString &refused() const { return m_refused; }

    void integer(qint64 value) override { next(pgcopy::appendInteger(*m_chunk, wire(), value), [&] { return QString::number(value); }); }
    void bytes(QByteArrayView value) override
    {
        next(pgcopy::appendBytes(*m_chunk, wire(), value), [&] { return QString::fromLatin1(value.toByteArray().toHex().left(80)); });
    }
    void u256(const U256 &value) override { next(pgcopy::appendU256(*m_chunk, wire(), value), [&] { return u256::toDecimal(value); }); }

private:
    pgcopy::Wire wire() const { return m_column < qsizetype(m_wires.size()) ? m_wires[size_t(m_column)] : pgcopy::Wire::Bool; }
    template<typename Text>
    void next(bool appended, Text text)
    {
        if (m_column >= qsizetype(m_wires.size())) {
            m_refused = PostgresStore::tr("A row for %1 has more values than its %2 columns.").arg(m_table).arg(m_wires.size());
        } else if (!appended && m_refused.isEmpty()) {
            m_refused = PostgresStore::tr("Column %1 of %2 cannot hold the value “%3”.").arg(m_columns[m_column], m_table, text());
        }
        ++m_column;
    }

    const std::vector<pgcopy::Wire> &m_wires;
    const QString &m_table;
    const QStringList &m_columns;
    std::string *m_chunk = nullptr;
    qsizetype m_column = 0;
    QString m_refused;
};

} // namespace

Status PostgresStore::runBulkInsertRows(const QString &table, const QStringList &columns, qsizetype count, const RowFiller &fill)
{
    if (count == 0)
        return {};
    return transaction([&]() -> Status {
        auto wires = copyWires(table, columns);
        if (!wires)
            return wires.error();
        if (wires->empty())
            return Store::runBulkInsertRows(table, columns, count, fill);   // as text, by way of QVariants
        PgRowEncoder encoder(*wires, table, columns);
        const Status copied = copyBinary(table, columns, count, [&](std::string &chunk, qsizetype row) {
            encoder.start(chunk);
            fill(row, encoder);
            // A value too few or too many shifts the rest into the wrong columns: say that first.
            if (encoder.values() != columns.size())
                return rowSizeError(table, row, encoder.values(), columns.size()).message;
            return encoder.refused();
        });
        if (!copied)
            m_copyColumns.clear();
        return copied;
    });
}

Result<std::vector<pgcopy::Wire>> PostgresStore::copyWires(const QString &table, const QStringList &columns)
{
    auto known = m_copyColumns.constFind(table);
    if (known == m_copyColumns.cend()) {
        auto rows = query(QStringLiteral("SELECT attname, atttypid FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped"), {table});
        if (!rows)
            return rows.error();
        QHash<QString, unsigned> types;
        for (const SqlRow &r : *rows)
            types.insert(r[0].toString(), unsigned(r[1].toLongLong()));
        known = m_copyColumns.insert(table, types);
    }
    std::vector<pgcopy::Wire> wires;
    wires.reserve(size_t(columns.size()));
    for (const QString &column : columns) {
        const auto type = known->constFind(column);
        const std::optional<pgcopy::Wire> wire = type == known->cend() ? std::nullopt : pgcopy::wireFor(*type);
        if (!wire)
            return std::vector<pgcopy::Wire>();   // as text: a type without a binary form here, or a column the server will name
        wires.push_back(*wire);
    }
    return wires;
}

Status PostgresStore::copyText(const QString &table, const QStringList &columns, const QList<SqlRow> &rows)
{
    std::vector<std::string> names;
    for (const QString &c : columns)
        names.push_back(c.toStdString());
    try {
        // stream_to in libpqxx 6.4 only takes fixed-size tuples; tablewriter takes our
        // pre-escaped lines. Arbor's connections are UTF-8, where its encoding caveat does not apply.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
        pqxx::tablewriter copy(*m_transaction, table.toStdString(), names.begin(), names.end());
#pragma GCC diagnostic pop
        // libpqxx copies each line it is given once more to append the newline: many rows a line.
        std::string chunk;
        chunk.reserve(CopyChunkBytes + 4096);
        for (const SqlRow &row : rows) {
            if (!chunk.empty())
                chunk += '\n';
            for (qsizetype i = 0; i < row.size(); ++i) {
                if (i > 0)
                    chunk += '\t';
                pgcopy::appendTextField(chunk, row[i]);
            }
            if (chunk.size() >= CopyChunkBytes) {
                copy.write_raw_line(chunk);   // adds the newline that ends the last row
                chunk.clear();
            }
        }
        if (!chunk.empty())
            copy.write_raw_line(chunk);
        copy.complete();
        return {};
    } catch (const std::exception &e) {
        return fromException(e, "COPY " + table.toStdString());
    }
}

Status PostgresStore::copyBinary(const QString &table, const QStringList &columns, qsizetype count,
                                 const std::function<QString(std::string &chunk, qsizetype row)> &encode)
{
    const std::string sql = "COPY " + table.toStdString() + " (" + columns.join(u',').toStdString() + ") FROM STDIN (FORMAT binary)";
    PGconn *connection = SessionConnection::of(*m_transaction);
    {
        const ResultHandle started(PQexec(connection, sql.c_str()));
        if (PQresultStatus(started.get()) != PGRES_COPY_IN)
            return copyError(connection, started.get(), sql);
    }
    std::string chunk;
    chunk.reserve(CopyChunkBytes + 4096);
    pgcopy::appendHeader(chunk);
    QString refused;
    bool sent = true;
    for (qsizetype row = 0; row < count; ++row) {
        refused = encode(chunk, row);
        if (!refused.isEmpty())
            break;
        if (chunk.size() >= CopyChunkBytes) {
            sent = PQputCopyData(connection, chunk.data(), int(chunk.size())) == 1;
            chunk.clear();
            if (!sent)
                break;
        }
    }
    if (sent && refused.isEmpty()) {
        pgcopy::appendTrailer(chunk);
        sent = PQputCopyData(connection, chunk.data(), int(chunk.size())) == 1;
    }
    // A refused value ends the COPY as failed: the server keeps none of its rows.
    const QByteArray reason = refused.toUtf8();
    if (PQputCopyEnd(connection, refused.isEmpty() ? nullptr : reason.constData()) != 1)
        sent = false;
    Status status;
    while (PGresult *result = PQgetResult(connection)) {
        const ResultHandle held(result);
        if (status && PQresultStatus(result) != PGRES_COMMAND_OK)
            status = copyError(connection, result, sql);
    }
    if (!refused.isEmpty())
        return Error::internal(refused);
    if (status && !sent)
        status = copyError(connection, nullptr, sql);
    return status;
}

Status PostgresStore::begin()
{
    checkThread(QStringLiteral("BEGIN"));   // SQLite's go through exec()
    if (Status s = reconnectIfLost(); !s)
        return s;
    try {
        m_transaction = std::make_unique<pqxx::work>(*m_connection);
        return {};
    } catch (const std::exception &e) {
        return fromException(e, "BEGIN");
    }
}

Status PostgresStore::commit()
{
    checkThread(QStringLiteral("COMMIT"));
    try {
        m_transaction->commit();
        m_transaction.reset();
        return {};
    } catch (const std::exception &e) {
        m_transaction.reset();
        return fromException(e, "COMMIT");
    }
}

void PostgresStore::rollback()
{
    checkThread(QStringLiteral("ROLLBACK"));
    try {
        if (m_transaction)
            m_transaction->abort();
    } catch (const std::exception &) {
    }
    m_transaction.reset();
}

bool PostgresStore::tableExists(const QString &table)
{
    auto rows = query(QStringLiteral("SELECT to_regclass(?) IS NOT NULL"), {table});
    return rows && !rows->isEmpty() && rows->first().first().toBool();
}

Result<QStringList> PostgresStore::listChainTables(qint64 chainId)
{
    const QString schema = ddl::chainNamespace(Backend::Postgres, chainId);
    auto rows = query(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE table_schema = ? ORDER BY table_name"), {schema});
    if (!rows)
        return rows.error();
    QStringList out;
    for (const SqlRow &r : *rows)
        out.append(schema + u'.' + r[0].toString());
    return out;
}

QString PostgresStore::entityColumnsQuery() const
{
    // pg_catalog rather than information_schema: the latter is a stack of views, many times slower.
    return QStringLiteral("SELECT n.nspname || '.' || c.relname, a.attname FROM pg_attribute a "
                          "JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                          "WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped "
                          "AND (n.nspname = 'arbor_global' OR n.nspname LIKE 'chain\\_%') "
                          "ORDER BY 1, a.attnum");
}

Result<QStringList> PostgresStore::listColumns(const QString &table)
{
    const qsizetype dot = table.indexOf(u'.');
    const QString schema = dot < 0 ? QStringLiteral("public") : table.left(dot);
    const QString name = dot < 0 ? table : table.mid(dot + 1);
    return queryStrings(QStringLiteral("SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                                       "ORDER BY ordinal_position"),
                        {schema, name});
}

Status PostgresStore::dropChainNamespace(qint64 chainId)
{
    return exec(QLatin1String("DROP SCHEMA IF EXISTS ") + ddl::chainNamespace(Backend::Postgres, chainId) + QLatin1String(" CASCADE"));
}

Result<bool> PostgresStore::tryLockLease()
{
    if (m_leaseLocked && m_connection->backendpid() == m_leaseLockSession)
        return true;
    auto rows = query(QStringLiteral("SELECT pg_try_advisory_lock(?)"), {LeaseLockKey});
    if (!rows)
        return rows.error();
    m_leaseLocked = !rows->isEmpty() && rows->first().first().toBool();
    m_leaseLockSession = m_leaseLocked ? m_connection->backendpid() : 0;
    return m_leaseLocked;
}

Result<qint64> PostgresStore::serverNow()
{
    // clock_timestamp(), not now(): inside a long transaction now() stands still.
    auto rows = query(QStringLiteral("SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::unavailable(QStringLiteral("database"), tr("PostgreSQL did not say what time it is."));
    return rows->first().first().toLongLong();
}

void PostgresStore::unlockLease()
{
    if (!m_leaseLocked)
        return;
    if (m_connection->backendpid() == m_leaseLockSession)
        (void)query(QStringLiteral("SELECT pg_advisory_unlock(?)"), {LeaseLockKey});
    m_leaseLocked = false;
    m_leaseLockSession = 0;
}

} // namespace arbor

// The module's entry point (store/postgres/postgresmodule.h), looked up by name when it loads.
extern "C" Q_DECL_EXPORT const arbor::postgresmodule::Module *arbor_postgres_module()
{
    static constexpr arbor::postgresmodule::Module module{ARBOR_POSTGRES_MODULE_ID, &arbor::PostgresStore::open};
    return &module;
}

#include "store/postgres/postgresstore.h"
#include "store/postgres/postgresmodule.h"
#include "store/postgres/postgreserrors.h"
#include "store/postgres/pgtypes.h"

#include "arbor_buildid.h"

#include <QCoreApplication>
#include <QThread>

#include <pqxx/connection>
#include <pqxx/result>
#include <pqxx/except>
#include <pqxx/nontransaction>
#include <pqxx/prepared_statement>
#include <pqxx/transaction>

#include <cctype>
#include <string>
#include <vector>

namespace arbor {

using postgres::fromException;
using postgres::fromServerError;

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

// What pg_stat_activity shows for a connection: the process and the thread that opened it
// ("arbor[4242] store-writer", "arbor[4242] queue-0"), so whoever looks after a server shared by
// several engines, consoles and queue runs can tell whose connection holds a lock or runs long.
QString applicationName()
{
    QString name = QStringLiteral("arbor[%1]").arg(QCoreApplication::applicationPid());
    if (const QString thread = QThread::currentThread()->objectName(); thread.startsWith(QLatin1String("arbor-")))
        name += u' ' + thread.mid(6);
    // PostgreSQL keeps 63 bytes of printable ASCII and turns anything else into "?".
    name.removeIf([](QChar c) { return c.unicode() < 0x20 || c.unicode() > 0x7e; });
    return name.left(63);
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

} // namespace

namespace postgres {

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

} // namespace postgres

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
        + " application_name=" + quoteConnValue(applicationName()) + " connect_timeout=10"
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

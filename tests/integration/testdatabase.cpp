#include "testdatabase.h"

#include "model/entitydef.h"

#include <QCoreApplication>

#include <atomic>

namespace arbor::test {
namespace {

std::atomic<int> s_counter{0};

Result<DatabaseUrl> serverUrl()
{
    return DatabaseUrl::parse(qEnvironmentVariable("ARBOR_TEST_PG_URL"));
}

} // namespace

Backend TestDatabase::backend()
{
    return qEnvironmentVariable("ARBOR_TEST_BACKEND") == u"postgres" ? Backend::Postgres : Backend::Sqlite;
}

QString TestDatabase::unavailableReason()
{
    if (backend() == Backend::Sqlite)
        return {};
    if (qEnvironmentVariableIsEmpty("ARBOR_TEST_PG_URL"))
        return QStringLiteral("ARBOR_TEST_PG_URL is not set: run the suite with tests/run.sh, which starts PostgreSQL");
    return {};
}

TestDatabase::TestDatabase()
{
    if (backend() == Backend::Sqlite) {
        m_url.backend = Backend::Sqlite;
        m_url.path = m_dir.filePath(QStringLiteral("arbor.db"));
        m_valid = true;
        return;
    }
    auto server = serverUrl();
    if (!server) {
        m_error = server.error().toString();
        return;
    }
    m_pgName = QStringLiteral("arbor_t_%1_%2").arg(QCoreApplication::applicationPid()).arg(++s_counter);
    auto admin = Store::open(*server);
    if (!admin) {
        m_error = admin.error().toString();
        return;
    }
    (void)(*admin)->exec(QLatin1String("DROP DATABASE IF EXISTS ") + m_pgName);
    if (Status s = (*admin)->exec(QLatin1String("CREATE DATABASE ") + m_pgName); !s) {
        m_error = s.error().toString();
        return;
    }
    m_url = *server;
    m_url.database = m_pgName;
    m_valid = true;
}

TestDatabase::~TestDatabase()
{
    if (m_pgName.isEmpty())
        return;
    auto server = serverUrl();
    if (!server)
        return;
    if (auto admin = Store::open(*server)) {
        (void)(*admin)->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"),
                             {m_pgName});
        (void)(*admin)->exec(QLatin1String("DROP DATABASE IF EXISTS ") + m_pgName);
    }
}

std::unique_ptr<Store> TestDatabase::open(bool migrate) const
{
    auto store = Store::open(m_url);
    if (!store) {
        qWarning() << "cannot open test database:" << store.error().toString();
        return {};
    }
    if (migrate) {
        auto applied = (*store)->migrate();
        if (!applied) {
            qWarning() << "cannot migrate test database:" << applied.error().toString();
            return {};
        }
        // As Engine::start() does after migrating.
        if (auto reconciled = (*store)->reconcileEntityTables(evmEntities()); !reconciled) {
            qWarning() << "cannot create entity tables:" << reconciled.error().toString();
            return {};
        }
    }
    return std::move(*store);
}

} // namespace arbor::test

namespace arbor::test {

QStringList chainFootprint(Store &store, qint64 chainId)
{
    QStringList left;
    auto tables = store.chainTables(chainId);
    if (!tables)
        return {tables.error().toString()};
    for (const QString &t : *tables)
        left.append(QStringLiteral("table %1").arg(t));
    for (const char *admin : {"chains", "rpc_endpoints", "tokens", "index_progress", "index_summary", "reindex_requests",
                              "checkpoints", "chain_deletions", "triggers", "metric_samples", "endpoint_samples"}) {
        const QString table = ddl::adminTable(store.backend(), QString::fromLatin1(admin));
        auto n = store.rowCount(table, QStringLiteral("chain_id = ?"), {chainId});
        if (!n)
            left.append(n.error().toString());
        else if (*n > 0)
            left.append(QStringLiteral("%1 rows in %2").arg(*n).arg(table));
    }
    for (const EntityDef &e : evmEntities()) {
        if (!e.crossChain)
            continue;
        const QString table = ddl::entityTable(store.backend(), ddl::TableKind::Global, 0, e.name);
        auto n = store.rowCount(table, QStringLiteral("chain_id = ?"), {chainId});
        if (!n)
            left.append(n.error().toString());
        else if (*n > 0)
            left.append(QStringLiteral("%1 rows in %2").arg(*n).arg(table));
    }
    return left;
}

ChainConfig sampleChain(qint64 chainId, const QString &name)
{
    ChainConfig c;
    c.chainId = chainId;
    c.name = name;
    c.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:1/")), QUrl(QStringLiteral("http://127.0.0.1:2/"))};
    c.startBlock = 100;
    c.confirmations = 3;
    c.tokens = {*Address::fromHex(QStringLiteral("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"))};
    return c;
}

QList<EndpointRecord> sampleEndpoints(const ChainConfig &config)
{
    QList<EndpointRecord> out;
    for (const QUrl &url : config.rpcUrls) {
        EndpointRecord e;
        e.url = url;
        e.priority = int(out.size());
        e.status = EndpointStatus::Ok;
        e.latencyMs = 1.5;
        e.lastHead = 1000;
        e.clientVersion = QStringLiteral("test/1.0");
        out.append(e);
    }
    return out;
}

} // namespace arbor::test

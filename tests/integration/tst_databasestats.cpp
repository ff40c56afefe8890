// The database's own figures on SQLite and PostgreSQL (DatabaseStatsStore, Engine, arborctl
// db stats): every admin, global and chain table with exact row counts, sizes that grow as
// rows arrive, free pages or dead rows after deletes, size samples written and read back, and
// statement timings recorded, normalised and flushed to statement_stats.
#include "arborctlrun.h"
#include "testdatabase.h"
#include "testresults.h"

#include "buildpaths.h"
#include "engine/chainservice.h"
#include "engine/databaseservice.h"
#include "engine/engine.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/databasestats.h"
#include "store/ddl.h"
#include "testmain.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMap>
#include <QSet>
#include <QTest>

using namespace arbor;
using namespace arbor::test;

namespace tst_databasestats {

namespace {

const QString Arborctl = BuildPaths::arborctl();
constexpr qint64 First = 11;
constexpr qint64 Second = 22;

void addChain(Store &store, qint64 chainId, const QString &name)
{
    const ChainConfig config = sampleChain(chainId, name);
    const Status s = ChainRegistry(store).registerChain(config, sampleEndpoints(config), evmEntities());
    QVERIFY2(s, why(s).constData());
}

/// `count` blocks from `from` on into the chain's production blocks table.
Status insertBlocks(Store &store, qint64 chainId, qint64 from, int count)
{
    QList<SqlRow> rows;
    rows.reserve(count);
    for (qint64 n = from; n < from + count; ++n) {
        const QByteArray hash = QCryptographicHash::hash(QByteArray::number(chainId * 1000000 + n), QCryptographicHash::Sha256);
        rows.append({n, hash, hash, n * 12, n % 50, n * 21000});
    }
    return store.bulkInsert(store.chainTable(chainId, QStringLiteral("blocks")),
                            {QStringLiteral("number"), QStringLiteral("hash"), QStringLiteral("parent_hash"), QStringLiteral("timestamp"),
                             QStringLiteral("tx_count"), QStringLiteral("gas_used")},
                            rows);
}

const TableStats *findTable(const DatabaseStats &stats, const QString &name)
{
    for (const TableStats &t : stats.tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

const ChainSize *findChain(const DatabaseStats &stats, qint64 chainId)
{
    for (const ChainSize &c : stats.chains) {
        if (c.chainId == chainId)
            return &c;
    }
    return nullptr;
}

QString normalisedBlocksCount(Backend backend)
{
    return backend == Backend::Postgres ? QStringLiteral("SELECT COUNT(*) FROM chain_?.blocks WHERE number > ?")
                                        : QStringLiteral("SELECT COUNT(*) FROM c?_blocks WHERE number > ?");
}

} // namespace

class TestDatabaseStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ARBOR_REQUIRE_BACKEND(); }
    void everyScopeWithExactRows();
    void sizesGrowAndDeletesShow();
    void sizeSamplesReadBack();
    void statementTimingsFlushedNormalised();
    void manyStatementShapesInOneFlush();
    void engineRecordsItsStatementsAndReports();
    void arborctlPrintsStats();
};

void TestDatabaseStats::everyScopeWithExactRows()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    addChain(*store, First, QStringLiteral("first"));
    addChain(*store, Second, QStringLiteral("second"));
    QVERIFY(insertBlocks(*store, First, 1, 120));
    QVERIFY(insertBlocks(*store, Second, 1, 7));

    auto stats = DatabaseStatsStore(*store).stats();
    QVERIFY2(stats, why(stats).constData());
    QCOMPARE(stats->backend, store->backend());
    if (store->backend() == Backend::Sqlite) {
        QCOMPARE(stats->location, db.url().path);
        QVERIFY(stats->serverVersion.startsWith(QLatin1String("SQLite 3.")));
        QVERIFY(stats->freeBytes.has_value());
        QVERIFY(stats->pageSize > 0);
        QVERIFY(stats->totalBytes > 0);
    } else {
        QCOMPARE(stats->location, QStringLiteral("%1:%2/%3").arg(db.url().host).arg(db.url().port).arg(db.url().database));
        QVERIFY(stats->serverVersion.startsWith(QLatin1String("PostgreSQL ")));
        QVERIFY(!stats->freeBytes.has_value());
    }

    // Admin and global tables, with their scope.
    const TableStats *chains = findTable(*stats, store->admin("chains"));
    QVERIFY2(chains, qPrintable(store->admin("chains")));
    QCOMPARE(chains->scope, DatabaseScope::Admin);
    QCOMPARE(chains->rows, qint64(2));
    QVERIFY(chains->indexBytes > 0);   // its unique name's index is counted with it
    QVERIFY(findTable(*stats, store->admin("statement_stats")));
    const TableStats *balances = findTable(*stats, store->globalTable(QStringLiteral("token_balances")));
    QVERIFY(balances);
    QCOMPARE(balances->scope, DatabaseScope::Global);

    // Each chain: exactly its tables, and their sum.
    for (qint64 chainId : {First, Second}) {
        auto expected = store->chainTables(chainId);
        QVERIFY(expected);
        QSet<QString> listed;
        qint64 rows = 0;
        for (const TableStats &t : stats->tables) {
            if (t.scope == DatabaseScope::Chain && t.chainId == chainId) {
                listed.insert(t.name);
                rows += t.rows;
            }
        }
        QCOMPARE(listed, QSet<QString>(expected->begin(), expected->end()));
        const ChainSize *chain = findChain(*stats, chainId);
        QVERIFY(chain);
        QCOMPARE(chain->name, chainId == First ? QStringLiteral("first") : QStringLiteral("second"));
        QCOMPARE(chain->tables, int(expected->size()));
        QCOMPARE(chain->rows, rows);
    }
    QCOMPARE(findTable(*stats, store->chainTable(First, QStringLiteral("blocks")))->rows, qint64(120));
    QCOMPARE(findTable(*stats, store->chainTable(Second, QStringLiteral("blocks")))->rows, qint64(7));

    // Every row count is COUNT(*), none an estimate, on these small tables.
    for (const TableStats &t : stats->tables) {
        QVERIFY2(!t.rowsEstimated, qPrintable(t.name));
        auto counted = store->rowCount(t.name);
        QVERIFY2(counted, why(counted).constData());
        QCOMPARE(t.rows, *counted);
    }
    QVERIFY(findTable(*stats, store->chainTable(First, QStringLiteral("blocks")))->tableBytes > 0);
    QCOMPARE(stats->scopeRows(DatabaseScope::Chain), findChain(*stats, First)->rows + findChain(*stats, Second)->rows);
}

void TestDatabaseStats::sizesGrowAndDeletesShow()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    addChain(*store, First, QStringLiteral("first"));
    addChain(*store, Second, QStringLiteral("second"));
    auto before = DatabaseStatsStore(*store).stats();
    QVERIFY2(before, why(before).constData());
    const QString blocks = store->chainTable(First, QStringLiteral("blocks"));
    const qint64 blocksBefore = findTable(*before, blocks)->bytes();

    QVERIFY(insertBlocks(*store, First, 1, 20000));
    auto after = DatabaseStatsStore(*store).stats();
    QVERIFY2(after, why(after).constData());
    const TableStats *grown = findTable(*after, blocks);
    QCOMPARE(grown->rows, qint64(20000));
    // 20,000 rows of two 32-byte hashes and four integers: well over 1 MB with the key's index.
    QVERIFY2(grown->bytes() > blocksBefore + 1000000, qPrintable(QString::number(grown->bytes())));
    if (store->backend() == Backend::Postgres)
        QVERIFY(grown->indexBytes > 0);   // on SQLite its INTEGER key is the rowid: no index of its own
    QVERIFY(findChain(*after, First)->bytes() > findChain(*before, First)->bytes() + 1000000);
    QCOMPARE(findChain(*after, Second)->bytes(), findChain(*before, Second)->bytes());
    QVERIFY(after->totalBytes > before->totalBytes);

    // No autovacuum between the delete and the reading: the dead rows are what is asserted.
    if (store->backend() == Backend::Postgres)
        QVERIFY(store->exec(QLatin1String("ALTER TABLE ") + blocks + QLatin1String(" SET (autovacuum_enabled = false)")));
    QVERIFY(store->exec(QLatin1String("DELETE FROM ") + blocks + QLatin1String(" WHERE number > ?"), {5000}));
    if (store->backend() == Backend::Sqlite) {
        // The deleted rows' pages go to the free list.
        auto deleted = DatabaseStatsStore(*store).stats();
        QVERIFY2(deleted, why(deleted).constData());
        QCOMPARE(findTable(*deleted, blocks)->rows, qint64(5000));
        QVERIFY(deleted->freePages > 0);
        QCOMPARE(*deleted->freeBytes, deleted->freePages * deleted->pageSize);
        QCOMPARE(deleted->reclaimableBytes(), *deleted->freeBytes);
    } else {
        // Dead rows until VACUUM, as soon as the server's statistics have them.
        qint64 dead = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                auto s = DatabaseStatsStore(*store).stats();
                dead = s ? findTable(*s, blocks)->deadRows.value_or(0) : 0;
                return dead == 15000 && s->deadRows >= 15000 && findChain(*s, First)->deadRows >= 15000 && s->reclaimableBytes() > 0;
            }(),
            20000);
    }
}

void TestDatabaseStats::sizeSamplesReadBack()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    addChain(*store, First, QStringLiteral("first"));
    addChain(*store, Second, QStringLiteral("second"));
    QVERIFY(insertBlocks(*store, Second, 1, 300));
    auto stats = DatabaseStatsStore(*store).stats();
    QVERIFY2(stats, why(stats).constData());

    const qint64 at = QDateTime::currentMSecsSinceEpoch();
    const QList<DatabaseSizeSample> samples = DatabaseStatsStore::samplesOf(*stats, at);
    QCOMPARE(samples.size(), 3 + 2);   // admin, global, free, and each chain
    QVERIFY(DatabaseStatsStore(*store).writeSizeSamples(samples));
    // The same moment again replaces, never doubles.
    QVERIFY(DatabaseStatsStore(*store).writeSizeSamples(samples));
    QVERIFY(DatabaseStatsStore(*store).writeSizeSamples(DatabaseStatsStore::samplesOf(*stats, at - 3600000)));

    auto history = DatabaseStatsStore(*store).sizeHistory(at);
    QVERIFY2(history, why(history).constData());
    QCOMPARE(history->size(), samples.size());
    QMap<std::pair<DatabaseScope, qint64>, DatabaseSizeSample> byScope;
    for (const DatabaseSizeSample &s : *history) {
        QCOMPARE(s.sampledAt, at);
        byScope.insert({s.scope, s.chainId}, s);
    }
    QCOMPARE(byScope.value({DatabaseScope::Chain, Second}).bytes, findChain(*stats, Second)->bytes());
    QCOMPARE(byScope.value({DatabaseScope::Chain, Second}).rows, findChain(*stats, Second)->rows);
    QVERIFY(findChain(*stats, Second)->rows >= 300);
    QCOMPARE(byScope.value({DatabaseScope::Admin, 0}).bytes, stats->scopeBytes(DatabaseScope::Admin));
    QCOMPARE(byScope.value({DatabaseScope::Global, 0}).rows, stats->scopeRows(DatabaseScope::Global));
    QVERIFY(byScope.contains({DatabaseScope::Free, 0}));

    auto all = DatabaseStatsStore(*store).sizeHistory(0);
    QVERIFY(all);
    QCOMPARE(all->size(), 2 * samples.size());
    QCOMPARE(all->first().sampledAt, at - 3600000);   // oldest first
    auto none = DatabaseStatsStore(*store).sizeHistory(at + 1);
    QVERIFY(none && none->isEmpty());
}

void TestDatabaseStats::statementTimingsFlushedNormalised()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    addChain(*store, First, QStringLiteral("first"));
    addChain(*store, Second, QStringLiteral("second"));
    // Whatever setting up the database ran is written first.
    QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    const QString expected = normalisedBlocksCount(store->backend());
    auto calls = [&]() -> qint64 {
        auto rows = store->query(QLatin1String("SELECT calls, max_ms, total_ms, digest FROM ") + store->admin("statement_stats")
                                     + QLatin1String(" WHERE statement = ?"),
                                 {expected});
        if (!rows || rows->isEmpty())
            return 0;
        const SqlRow &r = rows->first();
        if (r[3].toString() != QString::fromLatin1(QCryptographicHash::hash(expected.toUtf8(), QCryptographicHash::Sha1).toHex()))
            return -1;
        if (r[1].toDouble() <= 0 || r[2].toDouble() < r[1].toDouble())
            return -2;
        return r[0].toLongLong();
    };
    QCOMPARE(calls(), qint64(0));

    // Literals, chains and spacing differ; it is one statement.
    for (qint64 chainId : {First, Second}) {
        for (int n : {1, 20, 300}) {
            auto rows = store->query(QLatin1String("SELECT COUNT(*) FROM ") + store->chainTable(chainId, QStringLiteral("blocks"))
                                     + QLatin1String("  WHERE number > ") + QString::number(n));
            QVERIFY2(rows, why(rows).constData());
        }
    }
    QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    QCOMPARE(calls(), qint64(6));

    // Flushing again adds up; nothing is counted twice.
    QVERIFY(store->query(QLatin1String("SELECT COUNT(*) FROM ") + store->chainTable(First, QStringLiteral("blocks")) + QLatin1String(" WHERE number > 9")));
    QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    QCOMPARE(calls(), qint64(7));
    QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    QCOMPARE(calls(), qint64(7));

    // Another connection's timings reach the table through the same flush.
    {
        auto other = db.open(false);
        QVERIFY(other);
        QVERIFY(other->query(QLatin1String("SELECT COUNT(*) FROM ") + other->chainTable(Second, QStringLiteral("blocks")) + QLatin1String(" WHERE number > 2")));
    }   // closed: its timings are merged
    QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    QCOMPARE(calls(), qint64(8));

    auto slow = DatabaseStatsStore(*store).slowStatements(500);
    QVERIFY2(slow, why(slow).constData());
    QVERIFY(!slow->note.isEmpty());
    if (slow->source == SlowStatements::Source::Arbor) {
        auto listed = [&](const QList<SlowStatement> &list) {
            for (const SlowStatement &s : list) {
                if (s.statement == expected)
                    return s.calls == 8 && s.meanMs > 0 && s.maxMs >= s.meanMs && qAbs(s.meanMs * 8 - s.totalMs) < 1e-6;
            }
            return false;
        };
        QVERIFY(listed(slow->byMean));
        QVERIFY(listed(slow->byTotal));
        for (qsizetype i = 1; i < slow->byMean.size(); ++i)
            QVERIFY(slow->byMean[i - 1].meanMs >= slow->byMean[i].meanMs);
        for (qsizetype i = 1; i < slow->byTotal.size(); ++i)
            QVERIFY(slow->byTotal[i - 1].totalMs >= slow->byTotal[i].totalMs);
        if (store->backend() == Backend::Postgres)
            QVERIFY2(slow->note.contains(QLatin1String("pg_stat_statements")), qPrintable(slow->note));
    } else {
        QVERIFY(store->backend() == Backend::Postgres);
        QVERIFY(slow->note.contains(QLatin1String("pg_stat_statements")));
    }
    auto bad = DatabaseStatsStore(*store).slowStatements(0);
    QVERIFY(!bad);
    QCOMPARE(bad.error().field, QStringLiteral("limit"));
}

void TestDatabaseStats::manyStatementShapesInOneFlush()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    auto store = db.open();
    QVERIFY(store);
    QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    // 300 shapes, each with a backslash, a tab and a non-ASCII letter the flush must carry intact
    // (a quoted alias is kept as written where literals become ?).
    const int shapes = 300;
    auto alias = [](int i) { return QStringLiteral("\"shape \\ \u00e9\t%1\"").arg(i); };
    auto runAll = [&]() {
        for (int i = 0; i < shapes; ++i) {
            if (!store->query(QLatin1String("SELECT 1 AS ") + alias(i)))
                return false;
        }
        return true;
    };
    auto stored = [&]() {
        QHash<QString, std::pair<qint64, qint64>> out;   // statement -> (calls, first_seen)
        auto rows = store->query(QLatin1String("SELECT statement, calls, first_seen, last_seen, total_ms, max_ms FROM ") + store->admin("statement_stats")
                                 + QLatin1String(" WHERE statement LIKE 'SELECT ? AS \"shape %'"));
        if (!rows)
            return out;
        for (const SqlRow &r : *rows) {
            if (r[3].toLongLong() < r[2].toLongLong() || r[5].toDouble() <= 0 || r[4].toDouble() < r[5].toDouble())
                return QHash<QString, std::pair<qint64, qint64>>{};
            out.insert(r[0].toString(), {r[1].toLongLong(), r[2].toLongLong()});
        }
        return out;
    };
    QVERIFY(runAll());
    QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    const auto first = stored();
    QCOMPARE(first.size(), shapes);
    const QString expected = QLatin1String("SELECT ? AS ") + alias(17);
    QVERIFY2(first.contains(expected), qPrintable(QStringList(first.keys()).first()));
    QCOMPARE(first.value(expected).first, qint64(1));

    // Flushed again: each shape adds up in its row, first seen kept.
    QVERIFY(runAll());
    QVERIFY(runAll());
    QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    const auto second = stored();
    QCOMPARE(second.size(), shapes);
    for (auto it = second.cbegin(); it != second.cend(); ++it) {
        QCOMPARE(it->first, qint64(3));
        QCOMPARE(it->second, first.value(it.key()).second);
    }
}

void TestDatabaseStats::engineRecordsItsStatementsAndReports()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        auto store = db.open();
        QVERIFY(store);
        addChain(*store, First, QStringLiteral("first"));
        QVERIFY(insertBlocks(*store, First, 1, 50));
        QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
        QVERIFY(store->exec(QLatin1String("DELETE FROM ") + store->admin("statement_stats")));
    }
    EngineOptions options;
    options.database = db.url();
    {
        Engine engine(options);
        const Status started = waitFor(engine.start());
        QVERIFY2(started, why(started).constData());
        auto chains = waitFor(engine.chains()->list());
        QVERIFY2(chains, why(chains).constData());
        auto stats = waitFor(engine.database()->databaseStats());
        QVERIFY2(stats, why(stats).constData());
        QCOMPARE(findChain(*stats, First)->name, QStringLiteral("first"));
        QCOMPARE(findTable(*stats, ddl::entityTable(db.url().backend, ddl::TableKind::Production, First, QStringLiteral("blocks")))->rows, qint64(50));
        auto history = waitFor(engine.database()->sizeHistory(0));
        QVERIFY2(history, why(history).constData());
    }   // the engine that held the lease writes its timings as it stops

    auto store = db.open();
    QVERIFY(store);
    auto recorded = store->queryStrings(QLatin1String("SELECT statement FROM ") + store->admin("statement_stats"));
    QVERIFY2(recorded, why(recorded).constData());
    QVERIFY2(!recorded->isEmpty(), "the engine recorded no statement");
    // The lease the engine took is one of them, its literals gone.
    const bool leaseRecorded = std::any_of(recorded->begin(), recorded->end(), [&](const QString &s) { return s.contains(store->admin("lease")); });
    QVERIFY2(leaseRecorded, qPrintable(recorded->join(u'\n')));

    Engine reader(options);
    QVERIFY(waitFor(reader.start()));
    auto slow = waitFor(reader.database()->slowStatements(5));
    QVERIFY2(slow, why(slow).constData());
    QVERIFY(!slow->byMean.isEmpty());
    QVERIFY(slow->byMean.size() <= 5);
}

void TestDatabaseStats::arborctlPrintsStats()
{
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    {
        auto store = db.open();
        QVERIFY(store);
        addChain(*store, First, QStringLiteral("first"));
        QVERIFY(insertBlocks(*store, First, 1, 250));
        QVERIFY(store->query(QLatin1String("SELECT COUNT(*) FROM ") + store->chainTable(First, QStringLiteral("blocks")) + QLatin1String(" WHERE number > 17")));
        QVERIFY(DatabaseStatsStore(*store).flushStatementStats());
    }
    const ArborctlRun run = runArborctl(Arborctl, db, {QStringLiteral("db"), QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--limit"), QStringLiteral("500")});
    QVERIFY2(run.exitCode == 0, qPrintable(describe(run)));
    const QJsonObject o = run.object();
    const bool postgres = db.url().backend == Backend::Postgres;
    QCOMPARE(o.value(QStringLiteral("backend")).toString(), postgres ? QStringLiteral("postgresql") : QStringLiteral("sqlite"));
    QVERIFY(o.value(QStringLiteral("totalBytes")).toInteger() > 0);
    QVERIFY(!o.value(QStringLiteral("location")).toString().isEmpty());
    QCOMPARE(o.value(QStringLiteral("freeBytes")).isNull(), postgres);
    QCOMPARE(o.value(QStringLiteral("deadRows")).isNull(), !postgres);

    const QJsonArray chains = o.value(QStringLiteral("chains")).toArray();
    QCOMPARE(chains.size(), 1);
    const QJsonObject chain = chains.first().toObject();
    QCOMPARE(chain.value(QStringLiteral("chainId")).toInteger(), First);
    QCOMPARE(chain.value(QStringLiteral("name")).toString(), QStringLiteral("first"));
    QVERIFY(chain.value(QStringLiteral("rows")).toInteger() >= 250);
    QCOMPARE(chain.value(QStringLiteral("bytes")).toInteger(),
             chain.value(QStringLiteral("tableBytes")).toInteger() + chain.value(QStringLiteral("indexBytes")).toInteger());

    const QString blocks = ddl::entityTable(db.url().backend, ddl::TableKind::Production, First, QStringLiteral("blocks"));
    bool sawBlocks = false;
    bool sawAdmin = false;
    for (const QJsonValue &v : o.value(QStringLiteral("tables")).toArray()) {
        const QJsonObject t = v.toObject();
        if (t.value(QStringLiteral("name")).toString() == blocks) {
            sawBlocks = true;
            QCOMPARE(t.value(QStringLiteral("rows")).toInteger(), qint64(250));
            QCOMPARE(t.value(QStringLiteral("scope")).toString(), QStringLiteral("chain"));
            QCOMPARE(t.value(QStringLiteral("chainId")).toInteger(), First);
            QVERIFY(t.value(QStringLiteral("tableBytes")).toInteger() > 0);
        }
        sawAdmin = sawAdmin || t.value(QStringLiteral("scope")).toString() == u"admin";
    }
    QVERIFY(sawBlocks);
    QVERIFY(sawAdmin);

    const QJsonObject statements = o.value(QStringLiteral("statements")).toObject();
    QVERIFY(!statements.value(QStringLiteral("note")).toString().isEmpty());
    if (statements.value(QStringLiteral("source")).toString() == u"arbor") {
        bool found = false;
        for (const QJsonValue &v : statements.value(QStringLiteral("byTotal")).toArray())
            found = found || v.toObject().value(QStringLiteral("statement")).toString() == normalisedBlocksCount(db.url().backend);
        QVERIFY2(found, qPrintable(run.out.left(4000)));
    } else {
        QCOMPARE(statements.value(QStringLiteral("source")).toString(), QStringLiteral("pg_stat_statements"));
    }

    const ArborctlRun human = runArborctl(Arborctl, db, {QStringLiteral("db"), QStringLiteral("stats")});
    QVERIFY2(human.exitCode == 0, qPrintable(describe(human)));
    QVERIFY(human.out.contains(blocks));
    QVERIFY(human.out.contains(QLatin1String("first")));
    QVERIFY(human.out.contains(QLatin1String(" kB")) || human.out.contains(QLatin1String(" MB")));

    const ArborctlRun bad = runArborctl(Arborctl, db, {QStringLiteral("db"), QStringLiteral("stats"), QStringLiteral("--limit"), QStringLiteral("0")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(QLatin1String("--limit")), qPrintable(bad.err));
}

} // namespace tst_databasestats

ARBOR_GUILESS_TEST_MAIN(databasestats, tst_databasestats::TestDatabaseStats)
#include "tst_databasestats.moc"

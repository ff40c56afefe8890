// The slow statements' rows: how statement text is normalised, and how timings add up on
// their way from a Store to the collector the lease holder writes out.

#include "store/statementtimings.h"
#include "testmain.h"

#include <QTest>

using namespace arbor;

namespace tst_statementtimings {

class TestStatementTimings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void normalise_data();
    void normalise();
    void everyChainSharesOneRow();
    void timerMergesNormalisedIntoCollector();
    void collectorKeepsDatabasesApart();
};

void TestStatementTimings::normalise_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");

    QTest::newRow("bound values stay") << QStringLiteral("SELECT a FROM arbor_chains WHERE chain_id = ?")
                                       << QStringLiteral("SELECT a FROM arbor_chains WHERE chain_id = ?");
    QTest::newRow("numbers") << QStringLiteral("SELECT * FROM t WHERE n > 42 AND x < 3.5e-3 LIMIT 100")
                             << QStringLiteral("SELECT * FROM t WHERE n > ? AND x < ? LIMIT ?");
    QTest::newRow("strings with quotes") << QStringLiteral("SELECT 1 FROM t WHERE state = 'it''s' OR state='paused'")
                                         << QStringLiteral("SELECT ? FROM t WHERE state = ? OR state=?");
    QTest::newRow("blob literal") << QStringLiteral("UPDATE t SET h = X'00ff' WHERE id = 7")
                                  << QStringLiteral("UPDATE t SET h = ? WHERE id = ?");
    QTest::newRow("whitespace") << QStringLiteral("  SELECT  a,\n\t b\r\n FROM   t  ")
                                << QStringLiteral("SELECT a, b FROM t");
    QTest::newRow("IN list of values") << QStringLiteral("DELETE FROM t WHERE id IN (1, 2, 3, 4) AND k NOT IN ('a','b')")
                                       << QStringLiteral("DELETE FROM t WHERE id IN (...) AND k NOT IN (...)");
    QTest::newRow("IN list of parameters") << QStringLiteral("SELECT a FROM t WHERE id in (?, ?, ?)")
                                           << QStringLiteral("SELECT a FROM t WHERE id in (...)");
    QTest::newRow("IN subquery stays") << QStringLiteral("SELECT a FROM t WHERE id IN (SELECT id FROM u WHERE n = 5)")
                                       << QStringLiteral("SELECT a FROM t WHERE id IN (SELECT id FROM u WHERE n = ?)");
    QTest::newRow("VALUES tuples") << QStringLiteral("INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (1, 'x')")
                                   << QStringLiteral("INSERT INTO t (a, b) VALUES (?, ?), ...");
    QTest::newRow("sqlite chain table") << QStringLiteral("SELECT COUNT(*) FROM c8453_token_transfers WHERE block_number >= 10")
                                        << QStringLiteral("SELECT COUNT(*) FROM c?_token_transfers WHERE block_number >= ?");
    QTest::newRow("sqlite staging table") << QStringLiteral("DELETE FROM c1_stg_blocks")
                                          << QStringLiteral("DELETE FROM c?_stg_blocks");
    QTest::newRow("postgres chain table") << QStringLiteral("SELECT number FROM chain_137.blocks b JOIN chain_137.stg_blocks s ON s.number = b.number")
                                          << QStringLiteral("SELECT number FROM chain_?.blocks b JOIN chain_?.stg_blocks s ON s.number = b.number");
    QTest::newRow("postgres chain schema") << QStringLiteral("DROP SCHEMA IF EXISTS chain_5 CASCADE")
                                           << QStringLiteral("DROP SCHEMA IF EXISTS chain_? CASCADE");
    QTest::newRow("names with digits stay") << QStringLiteral("SELECT col2, c_1 FROM g_token_balances, arbor_t1 WHERE chains = 1")
                                            << QStringLiteral("SELECT col2, c_1 FROM g_token_balances, arbor_t1 WHERE chains = ?");
    QTest::newRow("quoted identifier stays") << QStringLiteral("SELECT \"c7_x 1\" FROM t")
                                             << QStringLiteral("SELECT \"c7_x 1\" FROM t");
    QTest::newRow("numbered placeholders") << QStringLiteral("SELECT a FROM t WHERE id = $1 AND n = $12")
                                           << QStringLiteral("SELECT a FROM t WHERE id = ? AND n = ?");
}

void TestStatementTimings::normalise()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    QCOMPARE(normaliseStatement(sql), expected);
}

void TestStatementTimings::everyChainSharesOneRow()
{
    QCOMPARE(normaliseStatement(QStringLiteral("SELECT MAX(number) FROM c1_blocks")),
             normaliseStatement(QStringLiteral("SELECT MAX(number) FROM c31337_blocks")));
    QCOMPARE(normaliseStatement(QStringLiteral("SELECT MAX(number) FROM chain_1.blocks")),
             normaliseStatement(QStringLiteral("SELECT MAX(number)\n  FROM chain_31337.blocks")));
}

void TestStatementTimings::timerMergesNormalisedIntoCollector()
{
    const QString database = QStringLiteral("sqlite:/tmp/tst_statementtimings-merge.db");
    {
        StatementTimer timer(database);
        timer.record(QStringLiteral("SELECT * FROM c1_blocks WHERE number = 5"), 2'000'000);
        timer.record(QStringLiteral("SELECT * FROM c2_blocks WHERE number = 6"), 6'000'000);
        timer.record(QStringLiteral("SELECT 1"), 1'000'000);
        // Nothing reaches the collector before a merge.
        QVERIFY(StatementCollector::instance().take(database).isEmpty());
        timer.record(QStringLiteral("SELECT * FROM c1_blocks WHERE number = 5"), 4'000'000);
    }   // the destructor merges
    const StatementTimings taken = StatementCollector::instance().take(database);
    QCOMPARE(taken.size(), 2);
    const StatementTiming blocks = taken.value(QStringLiteral("SELECT * FROM c?_blocks WHERE number = ?"));
    QCOMPARE(blocks.calls, 3);
    QCOMPARE(blocks.totalMs, 12.0);
    QCOMPARE(blocks.maxMs, 6.0);
    QCOMPARE(taken.value(QStringLiteral("SELECT ?")).calls, 1);
    // Taken once: gone.
    QVERIFY(StatementCollector::instance().take(database).isEmpty());
}

void TestStatementTimings::collectorKeepsDatabasesApart()
{
    const QString a = QStringLiteral("sqlite:/tmp/a.db");
    const QString b = QStringLiteral("postgresql://arbor@localhost:5432/b");
    StatementCollector &collector = StatementCollector::instance();
    collector.add(a, {{QStringLiteral("SELECT ?"), {2, 3.0, 2.0}}});
    collector.add(a, {{QStringLiteral("SELECT ?"), {1, 5.0, 5.0}}});
    collector.add(b, {{QStringLiteral("SELECT ?"), {7, 1.0, 0.5}}});
    const StatementTimings fromA = collector.take(a);
    QCOMPARE(fromA.value(QStringLiteral("SELECT ?")).calls, 3);
    QCOMPARE(fromA.value(QStringLiteral("SELECT ?")).totalMs, 8.0);
    QCOMPARE(fromA.value(QStringLiteral("SELECT ?")).maxMs, 5.0);
    QCOMPARE(collector.take(b).value(QStringLiteral("SELECT ?")).calls, 7);
}

} // namespace tst_statementtimings

ARBOR_GUILESS_TEST_MAIN(statementtimings, tst_statementtimings::TestStatementTimings)
#include "tst_statementtimings.moc"

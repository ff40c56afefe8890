// LeaseKeeper on both backends, on a writer StoreThread: the heartbeat renews the one-engine
// lease; another engine holding it now ends the renewals with lost(reason), once; a database
// hiccup is logged and retried; stop() lets the lease lapse; release() gives it back behind the
// writes in flight, and release(writer) removes only this holder's row. And ChainLeaseKeeper:
// a database that stops answering makes it give its chains up before their leases expire.

#include "testdatabase.h"
#include "testresults.h"

#include "engine/chainleasekeeper.h"
#include "engine/leasekeeper.h"
#include "engine/storethread.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/enginestore.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_leasekeeper {

namespace {

constexpr int HeartbeatMs = 50;
/// How long a beat's effect may take to show: long for the instrumented builds, where beside
/// three other suites a lease taken over was once not noticed within 5 s (ThreadSanitizer).
constexpr int WaitMs = 30000;

/// The table name without its schema ("arbor_admin.lease" → "lease").
QString bareName(const QString &table)
{
    return table.mid(table.lastIndexOf(u'.') + 1);
}

} // namespace

class TestLeaseKeeper final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { ARBOR_REQUIRE_BACKEND(); }
    void init();
    void cleanup();

    void heartbeatRenewsTheLease();
    void lostOnceWhenAnotherEngineHoldsIt();
    void databaseHiccupIsRetried();
    void stopLetsTheLeaseLapse();
    void releaseGivesItBackBehindWritesInFlight();
    void releaseBeforeKeepRemovesOnlyThisHolder();
    void chainLeasesDroppedWhileTheDatabaseDoesNotAnswer();

private:
    /// Takes the lease for `holder` through the writer, as Engine::start() does.
    void take(const LeaseHolder &holder);
    std::optional<LeaseInfo> current();
    Status exec(const QString &sql, const QVariantList &params = {});

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<StoreThread> m_writer;
    QString m_leaseTable;
};

void TestLeaseKeeper::init()
{
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    {
        auto store = m_db->open();
        QVERIFY(store);
        m_leaseTable = store->admin("lease");
    }
    m_writer = std::make_unique<StoreThread>(u"lease-test-writer"_s);
    const Status opened = waitFor(m_writer->open(m_db->url(), QString()));
    QVERIFY2(opened, why(opened).constData());
}

void TestLeaseKeeper::cleanup()
{
    m_writer.reset();
    m_db.reset();
}

void TestLeaseKeeper::take(const LeaseHolder &holder)
{
    const auto taken = waitFor(m_writer->run([holder](Store &s) { return s.acquireLease(holder, 30000); }));
    QVERIFY2(taken, qPrintable(taken ? QString() : taken.error().toString()));
}

std::optional<LeaseInfo> TestLeaseKeeper::current()
{
    const auto lease = waitFor(m_writer->run([](Store &s) { return s.currentLease(); }));
    if (!lease) {
        qWarning() << lease.error().toString();
        return std::nullopt;
    }
    return *lease;
}

Status TestLeaseKeeper::exec(const QString &sql, const QVariantList &params)
{
    return waitFor(m_writer->run([sql, params](Store &s) { return s.exec(sql, params); }));
}

void TestLeaseKeeper::heartbeatRenewsTheLease()
{
    LeaseKeeper keeper(LeaseHolder::currentProcess(u"arbor-test"_s), HeartbeatMs);
    QCOMPARE(keeper.holder().app, u"arbor-test"_s);
    QVERIFY(!keeper.holds());
    take(keeper.holder());
    keeper.keep(m_writer.get());
    QVERIFY(keeper.holds());
    const std::optional<LeaseInfo> first = current();
    QVERIFY(first);
    QCOMPARE(first->holder.token, keeper.holder().token);
    // Within a few beats the heartbeat has moved on, and it keeps moving.
    QDateTime seen = first->heartbeatAt;
    for (int i = 0; i < 3; ++i) {
        QVERIFY2(QTest::qWaitFor([&] {
                     const auto now = current();
                     return now && now->heartbeatAt > seen;
                 }, WaitMs),
                 "the heartbeat did not renew the lease");
        seen = current()->heartbeatAt;
    }
    QVERIFY(keeper.holds());
    QCOMPARE(current()->acquiredAt, first->acquiredAt);
    keeper.release();
}

void TestLeaseKeeper::lostOnceWhenAnotherEngineHoldsIt()
{
    LeaseKeeper keeper(LeaseHolder::currentProcess(u"arbor-test"_s), HeartbeatMs);
    take(keeper.holder());
    keeper.keep(m_writer.get());
    QSignalSpy lost(&keeper, &LeaseKeeper::lost);

    // Another engine holds the lease now (it found ours stale and took it over).
    const Status taken = exec(u"UPDATE "_s + m_leaseTable + u" SET holder_token = ?, holder_app = ?"_s, {u"other-engine"_s, u"arbor"_s});
    QVERIFY2(taken, why(taken).constData());
    QVERIFY(lost.wait(WaitMs));
    QCOMPARE(lost.size(), 1);
    const QString reason = lost.first().first().toString();
    QCOMPARE(reason, u"The engine lease on %1 was taken over by another process."_s.arg(m_db->url().displayName()));
    QVERIFY(!keeper.holds());

    // No more renewals: the other engine's heartbeat is left alone, and lost() is not repeated.
    const QDateTime theirs = current()->heartbeatAt;
    QTest::qWait(10 * HeartbeatMs);
    QCOMPARE(lost.size(), 1);
    QCOMPARE(current()->holder.token, u"other-engine"_s);
    QCOMPARE(current()->heartbeatAt, theirs);
    // And giving the lease back does not remove the other engine's row.
    keeper.release();
    QVERIFY(current());
    QCOMPARE(current()->holder.token, u"other-engine"_s);
}

void TestLeaseKeeper::databaseHiccupIsRetried()
{
    LeaseKeeper keeper(LeaseHolder::currentProcess(u"arbor-test"_s), HeartbeatMs);
    take(keeper.holder());
    QSignalSpy lost(&keeper, &LeaseKeeper::lost);
    // The lease table is away for a moment: renewals fail without another holder.
    const QString away = m_leaseTable + u"_away"_s;
    QVERIFY(exec(u"ALTER TABLE "_s + m_leaseTable + u" RENAME TO "_s + bareName(away)));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"lease heartbeat failed"_s));
    keeper.keep(m_writer.get());
    QTest::qWait(8 * HeartbeatMs);
    QCOMPARE(lost.size(), 0);
    QVERIFY(keeper.holds());

    // Back: the next beats renew it again.
    QVERIFY(exec(u"ALTER TABLE "_s + away + u" RENAME TO "_s + bareName(m_leaseTable)));
    const QDateTime before = current()->heartbeatAt;
    QVERIFY2(QTest::qWaitFor([&] { return current()->heartbeatAt > before; }, WaitMs), "renewals did not resume");
    QCOMPARE(lost.size(), 0);
    keeper.release();
}

void TestLeaseKeeper::stopLetsTheLeaseLapse()
{
    LeaseKeeper keeper(LeaseHolder::currentProcess(u"arbor-test"_s), HeartbeatMs);
    take(keeper.holder());
    keeper.keep(m_writer.get());
    QTest::qWait(3 * HeartbeatMs);
    keeper.stop();
    QVERIFY(!keeper.holds());
    QTest::qWait(2 * HeartbeatMs);      // a renewal already queued may still land
    const QDateTime stopped = current()->heartbeatAt;
    QTest::qWait(6 * HeartbeatMs);
    QCOMPARE(current()->heartbeatAt, stopped);
    // Not given back either: the row stays until it is stale (the engine went read-only).
    keeper.release();
    QVERIFY(current());
    QCOMPARE(current()->holder.token, keeper.holder().token);
}

void TestLeaseKeeper::releaseGivesItBackBehindWritesInFlight()
{
    LeaseKeeper keeper(LeaseHolder::currentProcess(u"arbor-test"_s), HeartbeatMs);
    take(keeper.holder());
    keeper.keep(m_writer.get());
    // A write under way when the engine stops still runs under the lease.
    auto inFlight = m_writer->run([](Store &s) -> Result<bool> {
        QThread::msleep(200);
        auto lease = s.currentLease();
        if (!lease)
            return lease.error();
        return lease->has_value();
    });
    keeper.release();
    QVERIFY(!keeper.holds());
    const Result<bool> heldMeanwhile = waitFor(inFlight);
    QVERIFY(heldMeanwhile.ok());
    QVERIFY(*heldMeanwhile);
    QVERIFY(!current());
    // Twice is harmless.
    keeper.release();
    QVERIFY(!current());
}

void TestLeaseKeeper::releaseBeforeKeepRemovesOnlyThisHolder()
{
    // The engine stops while start() is still taking the lease: what it took goes.
    LeaseKeeper starting(LeaseHolder::currentProcess(u"arbor-test"_s), HeartbeatMs);
    take(starting.holder());
    starting.release(m_writer.get());
    QVERIFY(!starting.holds());
    QTRY_VERIFY_WITH_TIMEOUT(!current(), 5000);

    // It took nothing (another engine holds the lease): nothing of the other's goes.
    LeaseKeeper other(LeaseHolder::currentProcess(u"arbor"_s), HeartbeatMs);
    take(other.holder());
    LeaseKeeper refused(LeaseHolder::currentProcess(u"arbor-test"_s), HeartbeatMs);
    refused.release(m_writer.get());
    QTest::qWait(100);
    QVERIFY(current());
    QCOMPARE(current()->holder.token, other.holder().token);
}

void TestLeaseKeeper::chainLeasesDroppedWhileTheDatabaseDoesNotAnswer()
{
    // An engine whose beats stop reaching the database (the server hangs, the network is cut)
    // stops indexing its chains before its leases could expire and another engine take them.
    {
        auto store = m_db->open();
        QVERIFY(store);
        ChainConfig config = sampleChain(7, u"seven"_s);
        config.startBlock = 0;
        QVERIFY(ChainRegistry(*store).registerChain(config, {}, evmEntities()));
    }
    EngineIdentity me;
    me.name = u"eu-1"_s;
    me.token = u"token-eu-1"_s;
    me.host = u"host"_s;
    me.pid = QCoreApplication::applicationPid();
    me.app = u"arborctl serve"_s;
    me.leaseMs = 1200;
    const Status joined = waitFor(m_writer->run([me](Store &s) { return EngineStore(s).join(me); }));
    QVERIFY2(joined, why(joined).constData());

    ChainLeaseKeeper keeper(m_writer.get(), 200);
    keeper.setIdentity(me, {});
    QSignalSpy taken(&keeper, &ChainLeaseKeeper::taken);
    QSignalSpy lost(&keeper, &ChainLeaseKeeper::lost);
    keeper.start();
    QVERIFY(taken.wait(WaitMs));
    QCOMPARE(keeper.held().keys(), QList<qint64>{7});

    // The writer stops answering for longer than the lease (a job that blocks it stands in for
    // a database that does not answer): the keeper gives the chain up while the beat still
    // hangs, before the lease runs out by the database's clock.
    QElapsedTimer hung;
    hung.start();
    QFuture<Status> blocked = m_writer->run([](Store &) -> Status {
        QThread::msleep(2500);
        return {};
    });
    QVERIFY(lost.wait(WaitMs));
    QVERIFY2(!blocked.isFinished(), "the chain was given up only after the database answered again");
    QVERIFY(keeper.held().isEmpty());
    QVERIFY2(lost.first().at(1).toString().contains(u"no heartbeat reached the database"_s), qPrintable(lost.first().at(1).toString()));
    qInfo("chain lease given up %lld ms after the database stopped answering (lease %lld ms)", hung.elapsed(), me.leaseMs);
    QVERIFY(waitFor(blocked));

    // The database answers again: the next beats renew the lease, and the chain is indexed again.
    QTRY_VERIFY_WITH_TIMEOUT(keeper.held().contains(7), 5000);
    keeper.leave();
}

} // namespace tst_leasekeeper

ARBOR_GUILESS_TEST_MAIN(leasekeeper, tst_leasekeeper::TestLeaseKeeper)
#include "tst_leasekeeper.moc"

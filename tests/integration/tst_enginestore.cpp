// EngineStore on both backends, driven by a test clock: engines join, beat and leave; the chains
// are shared out fairly (max-chains respected), an expired owner's chains are claimed with a new
// epoch and its writes are then refused (the fence), a chain moved by the operator goes where it
// was sent, a draining engine gives everything up and takes its share again when resumed.

#include "testdatabase.h"
#include "testvalues.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/enginestore.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "testmain.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <algorithm>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_enginestore {

namespace {

constexpr qint64 LeaseMs = 6000;
const QList<qint64> ChainIds{11, 12, 13, 14};

EngineIdentity engineNamed(const QString &name, std::optional<int> maxChains = std::nullopt)
{
    EngineIdentity me;
    me.name = name;
    me.token = u"token-"_s + name + u"-"_s + QString::number(QDateTime::currentMSecsSinceEpoch());
    me.host = u"host-"_s + name;
    me.pid = QCoreApplication::applicationPid();   // alive: not taken for a dead engine on its host
    me.app = u"arborctl"_s;
    me.maxChains = maxChains;
    me.leaseMs = LeaseMs;
    return me;
}

/// Blocks [from, to] of `chainId` from genesis, one transfer each, fetched under `epoch`.
IndexBatch batchFor(qint64 chainId, qint64 from, qint64 to, qint64 epoch)
{
    IndexBatch batch;
    batch.chainId = chainId;
    batch.from = from;
    batch.to = to;
    batch.leaseEpoch = epoch;
    Hash parent = from == 0 ? Hash() : hashOf(from - 1);
    for (qint64 n = from; n <= to; ++n) {
        BlockHeader h{n, hashOf(n), parent, 1700000000 + n, 1, 21000};
        parent = h.hash;
        batch.headers.append(h);
        batch.transfers.append({n, 0, hashOf(n, 7), addressOf(1), addressOf(2), addressOf(3), U256(n)});
    }
    batch.tokens = {addressOf(1)};
    return batch;
}

QList<qint64> sortedKeys(const QHash<qint64, qint64> &held)
{
    QList<qint64> keys = held.keys();
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

class TestEngineStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup()
    {
        m_store.reset();
        m_db.reset();
    }

    void aLoneEngineClaimsEveryActiveChain();
    void aSecondEngineGetsAFairShare();
    void maxChainsCapsAnEngine();
    void anExpiredOwnersChainIsTakenOverAndItsWritesRefused();
    void anExpiredLeaseNobodyTookIsFencedUntilRenewed();
    void aLiveNameIsRefusedADeadOneReplaced();
    void leavingFreesTheChainsAtOnce();
    void anEngineWhoseProcessIsGoneIsForgottenAtOnce();
    void aMovedChainGoesWhereItWasSent();
    void drainingGivesEverythingUpAndResumeTakesAShare();
    void aStaleEpochCannotRollBack();
    void aFrozenWriteHoldsItsLocksNoLongerThanItsLimit();

private:
    /// One beat of `me`, which held `previous` after its last one.
    LeaseRound beat(const EngineIdentity &me, const QHash<qint64, qint64> &previous = {});
    EngineRecord record(const QString &name);
    qint64 blocks(qint64 chainId);

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
    qint64 m_now = 1'800'000'000'000;
};

void TestEngineStore::init()
{
    ARBOR_REQUIRE_BACKEND();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_store = m_db->open();
    QVERIFY(m_store);
    m_store->setClock([this] { return m_now; });
    for (qint64 id : ChainIds) {
        ChainConfig config = sampleChain(id, u"chain-%1"_s.arg(id));
        config.startBlock = 0;
        config.tokens = {addressOf(1)};
        QVERIFY(ChainRegistry(*m_store).registerChain(config, {}, evmEntities()));
    }
    // A paused chain is nobody's to index.
    ChainConfig paused = sampleChain(15, u"paused"_s);
    paused.startBlock = 0;
    QVERIFY(ChainRegistry(*m_store).registerChain(paused, {}, evmEntities()));
    QVERIFY(ChainRegistry(*m_store).setChainState(15, ChainState::Paused));
    QVERIFY(m_store->reconcileEntityTables(evmEntities()));
}

LeaseRound TestEngineStore::beat(const EngineIdentity &me, const QHash<qint64, qint64> &previous)
{
    auto round = EngineStore(*m_store).heartbeat(me, previous, {});
    if (!round) {
        QTest::qFail(qPrintable(u"heartbeat of %1: %2"_s.arg(me.name, round.error().message)), __FILE__, __LINE__);
        return {};
    }
    return *round;
}

EngineRecord TestEngineStore::record(const QString &name)
{
    auto engines = EngineStore(*m_store).engines();
    if (!engines)
        return {};
    const auto it = std::find_if(engines->cbegin(), engines->cend(), [&](const EngineRecord &e) { return e.name == name; });
    return it == engines->cend() ? EngineRecord{} : *it;
}

qint64 TestEngineStore::blocks(qint64 chainId)
{
    return *m_store->rowCount(ddl::entityTable(m_store->backend(), ddl::TableKind::Production, chainId, u"blocks"_s));
}

void TestEngineStore::aLoneEngineClaimsEveryActiveChain()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    QVERIFY(EngineStore(*m_store).join(a));
    const LeaseRound round = beat(a);
    QCOMPARE(sortedKeys(round.held), ChainIds);
    QCOMPARE(round.taken.size(), ChainIds.size());
    for (qint64 id : ChainIds)
        QCOMPARE(round.held.value(id), 1);   // the first claim of each chain
    const EngineRecord rec = record(u"a"_s);
    QVERIFY(rec.alive);
    QCOMPARE(rec.chains, ChainIds);
    QCOMPARE(rec.host, u"host-a"_s);
    // The next beat renews: same chains, same epochs, nothing taken or given up.
    m_now += 1000;
    const LeaseRound again = beat(a, round.held);
    QCOMPARE(again.held, round.held);
    QVERIFY(again.taken.isEmpty() && again.handedOver.isEmpty() && again.lost.isEmpty());
    // A heartbeat's age is told by the database's clock, which stamped it, whatever the reader's.
    m_now += 5000;
    const EngineRecord later = record(u"a"_s);
    QCOMPARE(later.readAt, m_now);
    QCOMPARE(later.readAt - later.heartbeatAt, 5000);
}

void TestEngineStore::aSecondEngineGetsAFairShare()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    const EngineIdentity b = engineNamed(u"b"_s);
    QVERIFY(EngineStore(*m_store).join(a));
    QHash<qint64, qint64> heldA = beat(a).held;
    QCOMPARE(heldA.size(), 4);

    QVERIFY(EngineStore(*m_store).join(b));
    m_now += 1000;
    LeaseRound roundB = beat(b);
    QVERIFY2(roundB.held.isEmpty(), "b took a chain a holds live");
    const LeaseRound roundA = beat(a, heldA);
    QCOMPARE(roundA.handedOver.size(), 2);
    QCOMPARE(roundA.held.size(), 2);
    QVERIFY(roundA.lost.isEmpty());
    heldA = roundA.held;
    roundB = beat(b, roundB.held);
    QList<qint64> handedOver = roundA.handedOver;
    std::sort(handedOver.begin(), handedOver.end());
    QCOMPARE(sortedKeys(roundB.held), handedOver);
    for (qint64 id : roundB.taken)
        QCOMPARE(roundB.held.value(id), 2);   // the second claim of that chain

    // Balanced: further beats change nothing.
    m_now += 1000;
    QCOMPARE(beat(a, heldA).held, heldA);
    QCOMPARE(beat(b, roundB.held).held, roundB.held);
    QCOMPARE(record(u"a"_s).chains.size(), 2);
    QCOMPARE(record(u"b"_s).chains.size(), 2);
    auto leases = EngineStore(*m_store).leases();
    QVERIFY(leases);
    for (const ChainLease &l : *leases) {
        if (l.chainId == 15)
            QVERIFY2(l.owner.isEmpty(), qPrintable(l.owner));
        else
            QVERIFY2(l.live && (l.owner == u"a"_s) == heldA.contains(l.chainId), qPrintable(l.owner));
    }
}

void TestEngineStore::maxChainsCapsAnEngine()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    const EngineIdentity b = engineNamed(u"b"_s, 1);
    QVERIFY(EngineStore(*m_store).join(a));
    QVERIFY(EngineStore(*m_store).join(b));
    QHash<qint64, qint64> heldA, heldB;
    for (int i = 0; i < 3; ++i) {
        heldA = beat(a, heldA).held;
        heldB = beat(b, heldB).held;
        m_now += 1000;
    }
    QCOMPARE(heldB.size(), 1);
    QCOMPARE(heldA.size(), 3);

    // A watcher (max-chains 0) takes nothing even when the others die.
    const EngineIdentity watcher = engineNamed(u"w"_s, 0);
    QVERIFY(EngineStore(*m_store).join(watcher));
    m_now += LeaseMs + 1;
    QHash<qint64, qint64> heldW = beat(watcher).held;
    QVERIFY(heldW.isEmpty());
    QVERIFY(record(u"w"_s).chains.isEmpty());
    QVERIFY(!record(u"a"_s).alive);
    // Told to (a chain assigned to it), it indexes that chain and no other.
    QVERIFY(EngineStore(*m_store).requestMove(12, u"w"_s));
    heldW = beat(watcher, heldW).held;
    QCOMPARE(sortedKeys(heldW), QList<qint64>{12});
}

void TestEngineStore::anExpiredOwnersChainIsTakenOverAndItsWritesRefused()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    const EngineIdentity b = engineNamed(u"b"_s);
    QVERIFY(EngineStore(*m_store).join(a));
    const QHash<qint64, qint64> heldA = beat(a).held;
    const qint64 epochA = heldA.value(11);
    QVERIFY(IndexStore(*m_store).promote(batchFor(11, 0, 4, epochA), evmEntities()));
    QCOMPARE(blocks(11), 5);

    QVERIFY(EngineStore(*m_store).join(b));
    // a falls silent (killed, frozen): its leases run out and b, beating on, takes every chain.
    m_now += LeaseMs + 1;
    const LeaseRound roundB = beat(b);
    QCOMPARE(sortedKeys(roundB.held), ChainIds);
    QCOMPARE(roundB.held.value(11), epochA + 1);
    QVERIFY(!record(u"a"_s).alive);

    // a wakes up with a batch fetched under its old epoch: refused, nothing written.
    const Status fenced = EngineStore(*m_store).checkFence(11, epochA);
    QVERIFY(!fenced);
    QCOMPARE(fenced.error().field, u"lease"_s);
    auto stale = IndexStore(*m_store).promote(batchFor(11, 5, 9, epochA), evmEntities());
    QVERIFY(!stale);
    QVERIFY(promoteRefusal(stale.error()) == PromoteRefusal::LeaseLost);
    QCOMPARE(blocks(11), 5);
    // b writes on under its epoch.
    QVERIFY(IndexStore(*m_store).promote(batchFor(11, 5, 9, roundB.held.value(11)), evmEntities()));
    QCOMPARE(blocks(11), 10);

    // a's next beat says what it lost, and it takes nothing back while b lives.
    const LeaseRound roundA = beat(a, heldA);
    QVERIFY(roundA.held.isEmpty());
    QCOMPARE(roundA.lost, ChainIds);
    QVERIFY(roundA.handedOver.isEmpty());
}

void TestEngineStore::anExpiredLeaseNobodyTookIsFencedUntilRenewed()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    QVERIFY(EngineStore(*m_store).join(a));
    const QHash<qint64, qint64> held = beat(a).held;
    QVERIFY(EngineStore(*m_store).checkFence(12, held.value(12)));
    m_now += LeaseMs + 1000;
    const Status expired = EngineStore(*m_store).checkFence(12, held.value(12));
    QVERIFY(!expired);
    QCOMPARE(expired.error().field, u"lease"_s);
    QVERIFY2(expired.error().message.contains(u"expired"_s), qPrintable(expired.error().message));
    auto r = IndexStore(*m_store).promote(batchFor(12, 0, 2, held.value(12)), evmEntities());
    QVERIFY(!r);
    QCOMPARE(blocks(12), 0);
    // Nobody took it: the owner's next beat renews it under the same epoch, and it writes again.
    const LeaseRound renewed = beat(a, held);
    QCOMPARE(renewed.held, held);
    QVERIFY(renewed.lost.isEmpty());
    QVERIFY(IndexStore(*m_store).promote(batchFor(12, 0, 2, held.value(12)), evmEntities()));
    QCOMPARE(blocks(12), 3);
}

void TestEngineStore::aLiveNameIsRefusedADeadOneReplaced()
{
    const EngineIdentity first = engineNamed(u"eu-1"_s);
    QVERIFY(EngineStore(*m_store).join(first));
    const QHash<qint64, qint64> held = beat(first).held;
    EngineIdentity second = engineNamed(u"eu-1"_s);
    second.token = u"another-token"_s;
    const Status refused = EngineStore(*m_store).join(second);
    QVERIFY(!refused);
    QCOMPARE(refused.error().kind, Error::Kind::Conflict);
    QCOMPARE(refused.error().field, u"engine-name"_s);
    QVERIFY2(refused.error().message.contains(u"--engine-name"_s) && refused.error().message.contains(u"host-e"_s),
             qPrintable(refused.error().message));
    QCOMPARE(record(u"eu-1"_s).chains.size(), 4);

    // Once the first is dead, the name is free, and its chains are claimable at once.
    m_now += LeaseMs + 1;
    QVERIFY(EngineStore(*m_store).join(second));
    const LeaseRound round = beat(second);
    QCOMPARE(sortedKeys(round.held), ChainIds);
    QCOMPARE(round.held.value(11), held.value(11) + 1);
    // The first one's row is gone: its next beat asks it to join again.
    auto gone = EngineStore(*m_store).heartbeat(first, held, {});
    QVERIFY(!gone);
    QCOMPARE(gone.error().field, u"engine"_s);
}

void TestEngineStore::leavingFreesTheChainsAtOnce()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    const EngineIdentity b = engineNamed(u"b"_s);
    QVERIFY(EngineStore(*m_store).join(a));
    QHash<qint64, qint64> heldA = beat(a).held;
    QCOMPARE(heldA.size(), 4);
    QVERIFY(EngineStore(*m_store).join(b));
    QVERIFY(EngineStore(*m_store).leave(a.token));
    // No wait for the lease to run out: b takes them all at its next beat.
    m_now += 10;
    QCOMPARE(sortedKeys(beat(b).held), ChainIds);
    QVERIFY(record(u"a"_s).name.isEmpty());
}

void TestEngineStore::anEngineWhoseProcessIsGoneIsForgottenAtOnce()
{
    // A process that has exited: its pid is free.
    QProcess child;
    child.start(u"/bin/true"_s, {});
    QVERIFY(child.waitForStarted());
    const qint64 deadPid = child.processId();
    QVERIFY(child.waitForFinished());

    EngineIdentity killed = engineNamed(u"eu-1"_s);
    killed.host = u"host-shared"_s;
    killed.pid = deadPid;
    QVERIFY(EngineStore(*m_store).join(killed));
    QCOMPARE(beat(killed).held.size(), 4);

    // Restarted on the same host (kill -9, then systemd): same name, no wait for the leases.
    QProcess running;
    running.start(u"/bin/sleep"_s, {u"600"_s});
    QVERIFY(running.waitForStarted());
    auto stopRunning = qScopeGuard([&] {
        running.kill();
        running.waitForFinished();
    });
    EngineIdentity restarted = engineNamed(u"eu-1"_s);
    restarted.host = u"host-shared"_s;
    restarted.token = u"token-restarted"_s;
    restarted.pid = running.processId();
    QVERIFY(EngineStore(*m_store).join(restarted));
    const LeaseRound round = beat(restarted);
    QCOMPARE(sortedKeys(round.held), ChainIds);

    // An engine of another name on that host finds a dead neighbour's chains free as well.
    EngineIdentity neighbour = engineNamed(u"eu-2"_s);
    neighbour.host = u"host-shared"_s;
    QVERIFY(EngineStore(*m_store).join(neighbour));
    QVERIFY(beat(neighbour).held.isEmpty());   // eu-1 lives: it holds them

    // eu-1 dies while its neighbour runs: the neighbour's next beat, no later by the clock,
    // forgets it and takes its chains.
    running.kill();
    QVERIFY(running.waitForFinished());
    QCOMPARE(sortedKeys(beat(neighbour).held), ChainIds);
    QVERIFY(record(u"eu-1"_s).name.isEmpty());
}

void TestEngineStore::aMovedChainGoesWhereItWasSent()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    const EngineIdentity b = engineNamed(u"b"_s);
    QVERIFY(EngineStore(*m_store).join(a));
    QVERIFY(EngineStore(*m_store).join(b));
    QHash<qint64, qint64> heldA, heldB;
    for (int i = 0; i < 3; ++i) {
        heldA = beat(a, heldA).held;
        heldB = beat(b, heldB).held;
    }
    QCOMPARE(heldA.size(), 2);
    const qint64 chain = heldA.keys().first();
    const qint64 epoch = heldA.value(chain);

    const Status unknown = EngineStore(*m_store).requestMove(chain, u"nobody"_s);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().field, u"to"_s);
    const Status pausedChain = EngineStore(*m_store).requestMove(15, u"b"_s);
    QVERIFY(!pausedChain);
    QCOMPARE(pausedChain.error().kind, Error::Kind::Refused);

    QVERIFY(EngineStore(*m_store).requestMove(chain, u"b"_s));
    // b does not take it while a holds it; a hands it over; b takes it, beyond its share.
    m_now += 1000;
    QVERIFY(!beat(b, heldB).held.contains(chain));
    const LeaseRound roundA = beat(a, heldA);
    QCOMPARE(roundA.handedOver, QList<qint64>{chain});
    heldA = roundA.held;
    const LeaseRound roundB = beat(b, heldB);
    QVERIFY(roundB.taken.contains(chain));
    QCOMPARE(roundB.held.value(chain), epoch + 1);
    QCOMPARE(roundB.held.size(), 3);
    heldB = roundB.held;
    // It stays there: a does not claim it back and b does not hand it over for balance.
    for (int i = 0; i < 2; ++i) {
        m_now += 1000;
        heldA = beat(a, heldA).held;
        heldB = beat(b, heldB).held;
    }
    QVERIFY(heldB.contains(chain));
    auto leases = EngineStore(*m_store).leases();
    QVERIFY(leases);
    for (const ChainLease &l : *leases)
        QCOMPARE(l.assignedTo, l.chainId == chain ? u"b"_s : QString());

    // b drains: a indexes the chain meanwhile; b resumes: the chain goes back to b.
    QVERIFY(EngineStore(*m_store).setDraining(u"b"_s, true));
    heldB = beat(b, heldB).held;
    QVERIFY(heldB.isEmpty());
    heldA = beat(a, heldA).held;
    QVERIFY(heldA.contains(chain));
    QVERIFY(EngineStore(*m_store).setDraining(u"b"_s, false));
    for (int i = 0; i < 2; ++i) {
        m_now += 1000;
        heldA = beat(a, heldA).held;
        heldB = beat(b, heldB).held;
    }
    QVERIFY(heldB.contains(chain));
    QVERIFY(!heldA.contains(chain));

    // Assignment lifted: the fair share decides again (2 and 2).
    QVERIFY(EngineStore(*m_store).requestMove(chain, QString()));
    for (int i = 0; i < 3; ++i) {
        m_now += 1000;
        heldA = beat(a, heldA).held;
        heldB = beat(b, heldB).held;
    }
    QCOMPARE(heldA.size(), 2);
    QCOMPARE(heldB.size(), 2);
}

void TestEngineStore::drainingGivesEverythingUpAndResumeTakesAShare()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    const EngineIdentity b = engineNamed(u"b"_s);
    QVERIFY(EngineStore(*m_store).join(a));
    QVERIFY(EngineStore(*m_store).join(b));
    QHash<qint64, qint64> heldA, heldB;
    for (int i = 0; i < 3; ++i) {
        heldA = beat(a, heldA).held;
        heldB = beat(b, heldB).held;
    }
    QCOMPARE(heldB.size(), 2);

    QVERIFY(EngineStore(*m_store).setDraining(u"b"_s, true));
    QCOMPARE(EngineStore(*m_store).setDraining(u"nobody"_s, true).error().kind, Error::Kind::NotFound);
    const LeaseRound drained = beat(b, heldB);
    QVERIFY(drained.held.isEmpty());
    QCOMPARE(drained.handedOver.size(), 2);
    heldB = drained.held;
    heldA = beat(a, heldA).held;
    QCOMPARE(sortedKeys(heldA), ChainIds);
    m_now += 1000;
    QVERIFY(beat(b, heldB).held.isEmpty());
    QVERIFY(record(u"b"_s).draining);
    // A move to a draining engine is refused.
    QCOMPARE(EngineStore(*m_store).requestMove(11, u"b"_s).error().kind, Error::Kind::Refused);

    QVERIFY(EngineStore(*m_store).setDraining(u"b"_s, false));
    for (int i = 0; i < 2; ++i) {
        m_now += 1000;
        heldA = beat(a, heldA).held;
        heldB = beat(b, heldB).held;
    }
    QCOMPARE(heldA.size(), 2);
    QCOMPARE(heldB.size(), 2);
    QVERIFY(!record(u"b"_s).draining);
}

void TestEngineStore::aStaleEpochCannotRollBack()
{
    const EngineIdentity a = engineNamed(u"a"_s);
    const EngineIdentity b = engineNamed(u"b"_s);
    QVERIFY(EngineStore(*m_store).join(a));
    const qint64 epochA = beat(a).held.value(13);
    QVERIFY(IndexStore(*m_store).promote(batchFor(13, 0, 9, epochA), evmEntities()));
    QVERIFY(EngineStore(*m_store).join(b));
    m_now += LeaseMs + 1;
    QVERIFY(beat(b).held.contains(13));

    const ReorgRecord reorg{13, QDateTime::currentDateTimeUtc(), 4, 5, 9, hashOf(5), hashOf(5, 1)};
    const Status rolled = IndexStore(*m_store).rollBackTo(reorg, evmEntities(), epochA);
    QVERIFY(!rolled);
    QCOMPARE(rolled.error().field, u"lease"_s);
    QCOMPARE(blocks(13), 10);
}

void TestEngineStore::aFrozenWriteHoldsItsLocksNoLongerThanItsLimit()
{
    if (m_store->backend() != Backend::Postgres)
        QSKIP("SQLite serves one engine: no other engine waits on its locks");
    const auto setting = [](Store &store, const QString &name) -> QString {
        auto rows = store.query(u"SHOW "_s + name);
        return rows && !rows->isEmpty() ? rows->first().first().toString() : u"(no answer: %1)"_s.arg(rows ? QString() : rows.error().message);
    };
    // Every connection has the backstop.
    QCOMPARE(setting(*m_store, u"idle_in_transaction_session_timeout"_s), u"1min"_s);

    // An engine's writer, limited to its lease as Engine::prepare does (1 s here), writes a row
    // in a transaction and stops there: a stopped process, a suspended machine.
    std::unique_ptr<Store> frozen = m_db->open();
    QVERIFY(frozen);
    frozen->limitIdleTransactions(1000);
    QCOMPARE(setting(*frozen, u"idle_in_transaction_session_timeout"_s), u"1s"_s);
    const QString upsert = u"INSERT INTO "_s + m_store->admin("settings")
        + u" (name, value, updated_at) VALUES ('handover', ?, 0) ON CONFLICT (name) DO UPDATE SET value = excluded.value"_s;
    // Without the limit the other engine would wait for ever; it gives up after 30 s instead.
    QVERIFY(m_store->exec(u"SET lock_timeout = '30s'"_s));
    Status heirWrite;
    QElapsedTimer waited;
    const Status frozenTransaction = frozen->transaction([&]() -> Status {
        if (Status s = frozen->exec(upsert, {u"frozen"_s}); !s)
            return s;
        // The engine that took its chains writes the same row while it is frozen: it waits
        // for the frozen transaction's lock until the server ends that transaction.
        waited.start();
        heirWrite = m_store->exec(upsert, {u"heir"_s});
        // Thawed, the frozen engine finds its transaction gone; nothing it wrote stays.
        return frozen->exec(upsert, {u"frozen again"_s});
    });
    QVERIFY2(heirWrite, qPrintable(heirWrite ? QString() : heirWrite.error().toString()));
    qInfo("the heir's write waited %lld ms on the frozen transaction", waited.elapsed());
    QVERIFY(!frozenTransaction);
    QCOMPARE(frozenTransaction.error().kind, Error::Kind::Unavailable);
    auto value = m_store->query(u"SELECT value FROM "_s + m_store->admin("settings") + u" WHERE name = 'handover'"_s);
    QVERIFY(value && value->size() == 1);
    QCOMPARE(value->first().first().toString(), u"heir"_s);

    // Its next statement reconnects, with the limit it had.
    QCOMPARE(setting(*frozen, u"idle_in_transaction_session_timeout"_s), u"1s"_s);
    QVERIFY(frozen->exec(upsert, {u"frozen, reconnected"_s}));
}

} // namespace tst_enginestore

ARBOR_GUILESS_TEST_MAIN(enginestore, tst_enginestore::TestEngineStore)
#include "tst_enginestore.moc"

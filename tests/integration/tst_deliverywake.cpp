// New deliveries leave without the engine's thread: the writer job that commits them wakes the
// delivery worker itself. An engine in this process raises an alert whose rule posts a signed
// webhook; the test then holds the engine's thread (the console's GUI thread) as a busy window
// would, and the receiver — on its own thread — gets the webhook meanwhile. The worker's idle
// poll is set to a minute, so only the wake-up can send it in time. A delivery in flight at
// shutdown is recorded, and a delivery thread that stalls after claiming sends nothing it claimed.
// An engine started again during an outage continues the alert the first one raised and
// delivered: no second "raised", and the "resolved" of that same alert when it is over.
#include "testdatabase.h"
#include "testresults.h"
#include "testvalues.h"
#include "webhookreceiver.h"

#include "engine/alertservice.h"
#include "engine/deliveryworker.h"
#include "engine/engine.h"
#include "engine/storethread.h"
#include "model/entitydef.h"
#include "engine/chainservice.h"
#include "engine/indexingservice.h"
#include "store/alertstore.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/enginestore.h"
#include "store/triggerstore.h"
#include "testmain.h"
#include "triggers/triggerdef.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace arbor;
using namespace arbor::test;

namespace tst_deliverywake {

namespace {

constexpr qint64 ChainId = 31337;
constexpr auto SecretVariable = "ARBOR_TEST_WAKE_SECRET";

/// A chain nothing indexes (its alerts are raised by hand) in `db`.
Status registerQuietChain(const TestDatabase &db)
{
    const std::unique_ptr<Store> store = db.open();
    if (!store)
        return Error::internal(QStringLiteral("the database does not open"));
    ChainConfig config = sampleChain(ChainId, QStringLiteral("devnet"));
    config.rpcUrls = {closedPort()};
    return ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities());
}

/// An engine that evaluates and delivers, with the lease.
EngineOptions deliveringEngine(const TestDatabase &db)
{
    EngineOptions options;
    options.database = db.url();
    options.app = QStringLiteral("arbor");
    options.lease = EngineOptions::Lease::Required;
    options.indexing = true;
    return options;
}

/// A DeliveryWorker for `holder` on a thread of its own, writing through a StoreThread of its
/// own, as an engine runs one. open() starts the thread, not the worker: tests start it on its
/// thread as they need. Stopped, and its thread joined, when this goes.
struct WorkerOnThread
{
    StoreThread writer;
    QThread thread;
    DeliveryWorker *worker;

    WorkerOnThread(const QString &holder, const DeliveryOptions &options)
        : writer(holder + QStringLiteral("-writer"))
        , worker(new DeliveryWorker(&writer, holder, options))
    {
        thread.setObjectName(holder + QStringLiteral("-delivery"));
        worker->moveToThread(&thread);
        QObject::connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    }
    ~WorkerOnThread()
    {
        if (!thread.isRunning()) {
            delete worker;
            return;
        }
        QMetaObject::invokeMethod(worker, [this] { worker->stop([this] { thread.quit(); }); });
        thread.wait();
    }
    Status open(const DatabaseUrl &url)
    {
        const Status opened = waitFor(writer.open(url, QString()));
        if (opened)
            thread.start();
        return opened;
    }
};

/// A webhook to `receiver`, signed with the secret in SecretVariable.
Action signedHook(const WebhookReceiver &receiver)
{
    Action hook;
    hook.type = ActionType::Rest;
    hook.url = receiver.url().toString();
    hook.signingSecret = *SecretRef::parse(QStringLiteral("env:") + QLatin1String(SecretVariable), QStringLiteral("signingSecret"));
    return hook;
}

/// A deep-reorg rule whose one action is signedHook(receiver).
AlertRule reorgRule(const WebhookReceiver &receiver)
{
    AlertRule rule;
    rule.name = QStringLiteral("deep reorg");
    rule.kind = AlertKind::DeepReorg;
    rule.threshold = 1;
    rule.actions = {signedHook(receiver)};
    return rule;
}

ReorgRecord deepReorg()
{
    ReorgRecord reorg;
    reorg.chainId = ChainId;
    reorg.depth = 3;
    reorg.ancestorBlock = 100;
    reorg.detectedAt = QDateTime::currentDateTime();
    return reorg;
}

} // namespace

class TestDeliveryWake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ARBOR_REQUIRE_BACKEND(); }
    void init();
    void cleanup();
    void alertDeliveryLeavesWhileTheEngineThreadIsBusy();
    void aDeliveryInFlightAtShutdownIsRecorded();
    void aStallAfterClaimingSendsNothingClaimedBeforeIt();
    void claimsOfAnEngineThatDiedAreReleasedWhileTheWorkerRuns();
    void aRestartedWorkerSendsWhatItsHolderClaimedBefore();
    void attemptsTheDatabaseRefusedAreRecordedLater();
    void aClaimThatLapsedWhileAsleepIsNotSent();
    void aRestartDuringAnOutageContinuesItsAlert();

private:
    /// `count` test deliveries of a new trigger named `name`, a signed webhook to the receiver
    /// each, due now; their ids.
    QList<QString> dueDeliveries(const QString &name, int count);
    /// Claims every due delivery for `holder`, an engine that joined with `leaseMs` (live that
    /// long from now, unless it beats), as a worker of it would have before it went.
    void claimAs(const QString &holder, qint64 leaseMs);
    /// Waits until the receiver accepted exactly `ids`, each once.
    void expectEachSentOnce(QList<QString> ids);
    std::unique_ptr<WebhookReceiver> m_receiver;   ///< verifies with the secret in SecretVariable
    std::unique_ptr<TestDatabase> m_db;            ///< with the quiet chain registered
};

void TestDeliveryWake::init()
{
    const QString secret = WebhookReceiver::makeSecret();
    qputenv(SecretVariable, secret.toUtf8());
    m_receiver = std::make_unique<WebhookReceiver>(secret);
    QString error;
    QVERIFY2(m_receiver->start(&error), qPrintable(error));
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    const Status registered = registerQuietChain(*m_db);
    QVERIFY2(registered, why(registered).constData());
}

void TestDeliveryWake::cleanup()
{
    m_db.reset();
    m_receiver.reset();
}

void TestDeliveryWake::alertDeliveryLeavesWhileTheEngineThreadIsBusy()
{
    WebhookReceiver &receiver = *m_receiver;
    const TestDatabase &db = *m_db;

    EngineOptions options = deliveringEngine(db);
    options.delivery.idlePollMs = 60000;          // only a wake-up sends within the test's wait
    Engine engine(options);
    const Status started = waitFor(engine.start());
    QVERIFY2(started, why(started).constData());
    const Result<AlertRule> added = waitFor(engine.alerts()->addAlertRule(reorgRule(receiver)));
    QVERIFY2(added, why(added).constData());

    // Right after the engine has asked the writer to record the alert (its own handler runs
    // first), this thread is busy for up to 10 s, processing nothing.
    qint64 heldMs = -1;
    bool deliveredWhileHeld = false;
    connect(engine.alerts()->monitor(), &AlertMonitor::alertRaised, this, [&](const Alert &alert) {
        if (alert.ruleId != added->id)
            return;
        QElapsedTimer held;
        held.start();
        while (held.elapsed() < 10000 && receiver.acceptedIds().isEmpty())
            QThread::msleep(20);
        heldMs = held.elapsed();
        deliveredWhileHeld = !receiver.acceptedIds().isEmpty();
    });
    const ReorgRecord reorg = deepReorg();
    // The rule reaches the monitor once the engine has read the rules again after the write.
    // QTRY evaluates its expression again after it holds: the reorg is reported only until the
    // rule has raised its alert, or each evaluation would raise (and deliver) one more.
    const auto raisedOnce = [&] {
        if (heldMs < 0)
            engine.alerts()->monitor()->reorgHandled(reorg);
        return heldMs >= 0;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(raisedOnce(), "the rule raised no alert", 10000);
    qInfo("the webhook arrived %lld ms into holding the engine's thread", heldMs);
    QVERIFY2(deliveredWhileHeld, "the delivery waited for the engine's thread");
    const QList<WebhookReceiver::Received> received = receiver.received();
    QCOMPARE(received.size(), 1);
    QVERIFY2(received.first().verified, qPrintable(received.first().verifyError));
    const QFuture<void> down = engine.shutdown();
    QTRY_VERIFY_WITH_TIMEOUT(down.isFinished(), 30000);
}

void TestDeliveryWake::aDeliveryInFlightAtShutdownIsRecorded()
{
    // A database switch, the console quitting or serve on SIGTERM while a receiver is answering:
    // the engine waits for the answer and records it, so the delivery is not sent again (same id,
    // a duplicate for a receiver that does not deduplicate) when its claim lapses.
    WebhookReceiver &receiver = *m_receiver;
    const TestDatabase &db = *m_db;
    receiver.setDelayMs(1500);

    Engine engine(deliveringEngine(db));
    const Status started = waitFor(engine.start());
    QVERIFY2(started, why(started).constData());
    const Result<AlertRule> added = waitFor(engine.alerts()->addAlertRule(reorgRule(receiver)));
    QVERIFY2(added, why(added).constData());
    const ReorgRecord reorg = deepReorg();
    // The request has reached the receiver, which answers 1.5 s later: shut down now.
    const auto reached = [&] {
        if (receiver.count() == 0)
            engine.alerts()->monitor()->reorgHandled(reorg);
        return receiver.count() > 0;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(reached(), "no delivery reached the receiver", 10000);
    const QFuture<void> down = engine.shutdown();
    QTRY_VERIFY_WITH_TIMEOUT(down.isFinished(), 30000);
    // (The rule may have raised more than one alert before the first request arrived.)
    const QList<QByteArray> accepted = receiver.acceptedIds();
    QVERIFY(!accepted.isEmpty());
    QCOMPARE(receiver.count(), int(accepted.size()));   // each sent once

    // What the delivery log shows: each attempt answered 200, recorded as a success, so none is
    // due again.
    const std::unique_ptr<Store> store = db.open();
    QVERIFY(store);
    for (const QByteArray &id : accepted) {
        ResultFilter filter;
        filter.deliveryId = QString::fromLatin1(id);
        const auto results = TriggerStore(*store).results(filter);
        QVERIFY2(results, why(results).constData());
        QVERIFY2(results->size() == 1, qPrintable(QStringLiteral("delivery %1 has %2 results").arg(QString::fromLatin1(id)).arg(results->size())));
        QCOMPARE(results->first().status, DeliveryStatus::Success);
        QCOMPARE(results->first().httpStatus, std::optional<int>(200));
    }
}

void TestDeliveryWake::aStallAfterClaimingSendsNothingClaimedBeforeIt()
{
    // An engine stopped, suspended or starved right after it claimed deliveries may wake to find
    // that other engines took them over meanwhile (they judged it dead). It sends none of what it
    // claimed before the stall, gives those claims up, and each delivery goes out once, under its
    // id, when claimed again. Here the delivery thread stalls for 1.5 s right after asking for a
    // claim, the database answering meanwhile; stalls of more than 300 ms count.
    const TestDatabase &db = *m_db;
    const QList<QString> ids = dueDeliveries(QStringLiteral("stall"), 3);
    if (QTest::currentTestFailed())
        return;

    DeliveryOptions options;
    options.staleClaimMs = 300;
    options.idlePollMs = 60000;   // only the pokes below claim
    WorkerOnThread delivery(QStringLiteral("stall"), options);
    const Status opened = delivery.open(db.url());
    QVERIFY2(opened, why(opened).constData());
    DeliveryWorker *worker = delivery.worker;
    int recorded = 0;
    connect(worker, &DeliveryWorker::attemptsRecorded, this, [&recorded](int count) { recorded += count; });
    for (const QString &id : std::as_const(ids))
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("delivery %1 not sent: this engine stalled").arg(id)));
    // Start, ask for a claim (after the start's release of dead engines' claims, on the writer),
    // and stall before hearing back.
    QMetaObject::invokeMethod(worker, [worker] {
        worker->start();
        worker->poke();
        QThread::msleep(1500);
    });
    // Each sent once, all after the stall, and recorded once as a success.
    expectEachSentOnce(ids);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(recorded, int(ids.size()), 10000);
    const std::unique_ptr<Store> store = db.open();
    QVERIFY(store);
    for (const QString &id : std::as_const(ids)) {
        ResultFilter filter;
        filter.deliveryId = id;
        const auto results = TriggerStore(*store).results(filter);
        QVERIFY2(results, why(results).constData());
        QCOMPARE(results->size(), 1);
        QCOMPARE(results->first().status, DeliveryStatus::Success);
    }
}

QList<QString> TestDeliveryWake::dueDeliveries(const QString &name, int count)
{
    const std::unique_ptr<Store> store = m_db->open();
    if (!store) {
        QTest::qFail("cannot open the database", __FILE__, __LINE__);
        return {};
    }
    TriggerStore triggers(*store);
    const auto def = parseTrigger(QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("chain"), ChainId},
        {QStringLiteral("registry"), QStringLiteral("reputation")},
        {QStringLiteral("actions"), QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("rest")},
                                                           {QStringLiteral("url"), m_receiver->url().toString()},
                                                           {QStringLiteral("signingSecret"), QString(QStringLiteral("env:") + QLatin1String(SecretVariable))}}}}});
    const auto trigger = def ? triggers.addTrigger(*def) : Result<TriggerRecord>(def.error());
    if (!trigger) {
        QTest::qFail(why(trigger).constData(), __FILE__, __LINE__);
        return {};
    }
    QList<QString> ids;
    for (int i = 0; i < count; ++i) {
        TriggerEvent event;
        event.chainId = ChainId;
        event.event.blockNumber = 100 + i;
        event.event.kind = RegistryKind::Reputation;
        event.event.event = QStringLiteral("NewFeedback");
        const auto id = triggers.createTestDelivery(trigger->def.id, trigger->def.actions.first().id, event);
        if (!id) {
            QTest::qFail(why(id).constData(), __FILE__, __LINE__);
            return {};
        }
        ids.append(*id);
    }
    return ids;
}

void TestDeliveryWake::claimAs(const QString &holder, qint64 leaseMs)
{
    const std::unique_ptr<Store> store = m_db->open();
    QVERIFY(store);
    EngineIdentity engine;
    engine.name = holder;
    engine.token = holder;
    engine.host = QStringLiteral("test");
    engine.pid = QCoreApplication::applicationPid();
    engine.app = QStringLiteral("arborctl serve");
    engine.leaseMs = leaseMs;
    const Status joined = EngineStore(*store).join(engine);
    QVERIFY2(joined, why(joined).constData());
    const auto claimed = TriggerStore(*store).claimDue(holder, QDateTime::currentMSecsSinceEpoch(), 100, 15 * 60 * 1000);
    QVERIFY2(claimed, why(claimed).constData());
    QVERIFY(!claimed->isEmpty());
}

void TestDeliveryWake::expectEachSentOnce(QList<QString> ids)
{
    WebhookReceiver &receiver = *m_receiver;
    QTRY_VERIFY2_WITH_TIMEOUT(receiver.acceptedIds().size() >= ids.size(), qPrintable(QString::number(receiver.count())), 20000);
    QList<QString> accepted;
    for (const QByteArray &id : receiver.acceptedIds())
        accepted.append(QString::fromLatin1(id));
    std::sort(accepted.begin(), accepted.end());
    std::sort(ids.begin(), ids.end());
    QCOMPARE(accepted, ids);
    QCOMPARE(receiver.count(), int(ids.size()));
}

void TestDeliveryWake::claimsOfAnEngineThatDiedAreReleasedWhileTheWorkerRuns()
{
    // An engine killed mid-send looks live until its lease runs out: the engine that takes the
    // coordinator's role over at once (the killed one's database session, and its lock, went
    // with it) finds its claims still held as its worker starts. They are released once the
    // dead engine's lease has run out (here 1.5 s), not when the claims lapse 15 minutes on.
    const QList<QString> ids = dueDeliveries(QStringLiteral("died"), 3);
    if (QTest::currentTestFailed())
        return;
    claimAs(QStringLiteral("killed"), 1500);
    if (QTest::currentTestFailed())
        return;

    DeliveryOptions options;
    options.orphanReleaseMs = 300;
    WorkerOnThread delivery(QStringLiteral("heir"), options);
    const Status opened = delivery.open(m_db->url());
    QVERIFY2(opened, why(opened).constData());
    QMetaObject::invokeMethod(delivery.worker, [worker = delivery.worker] { worker->start(); });
    expectEachSentOnce(ids);
}

void TestDeliveryWake::aRestartedWorkerSendsWhatItsHolderClaimedBefore()
{
    // A delivery worker that threw is replaced by a new one of the same engine, which is live
    // all along: the claims the old worker held are released as the new one starts, not when
    // they lapse.
    const QList<QString> ids = dueDeliveries(QStringLiteral("restarted"), 3);
    if (QTest::currentTestFailed())
        return;
    claimAs(QStringLiteral("same-engine"), 60000);
    if (QTest::currentTestFailed())
        return;

    WorkerOnThread delivery(QStringLiteral("same-engine"), DeliveryOptions());
    const Status opened = delivery.open(m_db->url());
    QVERIFY2(opened, why(opened).constData());
    QMetaObject::invokeMethod(delivery.worker, [worker = delivery.worker] { worker->start(DeliveryWorker::Start::Restarted); });
    expectEachSentOnce(ids);
}

void TestDeliveryWake::attemptsTheDatabaseRefusedAreRecordedLater()
{
    // The receiver accepted the deliveries, and the database refuses to record that for a while
    // (a deadlock, a connection reset; here a trigger): the attempts are recorded once it takes
    // them, each delivery sent once, not sent again when its claim lapses.
    const QList<QString> ids = dueDeliveries(QStringLiteral("unrecorded"), 3);
    if (QTest::currentTestFailed())
        return;
    const std::unique_ptr<Store> store = m_db->open();
    QVERIFY(store);
    const bool pg = store->backend() == Backend::Postgres;
    const QString deliveries = ddl::adminTable(store->backend(), QStringLiteral("trigger_deliveries"));
    if (pg) {
        QVERIFY(store->exec(QStringLiteral("CREATE OR REPLACE FUNCTION public.test_refuse_attempt() RETURNS trigger AS $$ BEGIN "
                                           "RAISE EXCEPTION 'test: recording refused'; END $$ LANGUAGE plpgsql")));
        QVERIFY(store->exec(QStringLiteral("CREATE TRIGGER test_refuse_attempt BEFORE UPDATE ON ") + deliveries
                            + QStringLiteral(" FOR EACH ROW WHEN (NEW.attempts > OLD.attempts) EXECUTE FUNCTION public.test_refuse_attempt()")));
    } else {
        QVERIFY(store->exec(QStringLiteral("CREATE TRIGGER test_refuse_attempt BEFORE UPDATE ON ") + deliveries
                            + QStringLiteral(" WHEN NEW.attempts > OLD.attempts BEGIN SELECT RAISE(ABORT, 'test: recording refused'); END")));
    }
    const QString drop = QStringLiteral("DROP TRIGGER test_refuse_attempt") + (pg ? QStringLiteral(" ON ") + deliveries : QString());
    auto dropTrigger = qScopeGuard([&] { [[maybe_unused]] const Status dropped = store->exec(drop); });

    WorkerOnThread delivery(QStringLiteral("record"), DeliveryOptions());
    const Status opened = delivery.open(m_db->url());
    QVERIFY2(opened, why(opened).constData());
    int recorded = 0;
    connect(delivery.worker, &DeliveryWorker::attemptsRecorded, this, [&recorded](int count) { recorded += count; });
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Could not record 3 attempts; trying again")));
    QMetaObject::invokeMethod(delivery.worker, [worker = delivery.worker] { worker->start(); });
    expectEachSentOnce(ids);
    if (QTest::currentTestFailed())
        return;
    QTest::qWait(1500);   // a refused record or two
    QCOMPARE(recorded, 0);
    dropTrigger.dismiss();
    QVERIFY(store->exec(drop));
    QTRY_COMPARE_WITH_TIMEOUT(recorded, int(ids.size()), 10000);
    for (const QString &id : ids) {
        ResultFilter filter;
        filter.deliveryId = id;
        const auto results = TriggerStore(*store).results(filter);
        QVERIFY2(results, why(results).constData());
        QCOMPARE(results->size(), 1);
        QCOMPARE(results->first().status, DeliveryStatus::Success);
    }
    QCOMPARE(m_receiver->count(), int(ids.size()));
}

void TestDeliveryWake::aClaimThatLapsedWhileAsleepIsNotSent()
{
    // A laptop asleep: its monotonic clock (the stall watch's) stands still while the wall
    // clock, in which claims are written, runs on. Woken, the worker hears back from a claim it
    // asked for before the sleep, lapsed since, and another engine has claimed those deliveries
    // meanwhile: it sends none of them. They go out once, under their ids, when that engine
    // gives them up.
    const QList<QString> ids = dueDeliveries(QStringLiteral("asleep"), 3);
    if (QTest::currentTestFailed())
        return;
    auto clock = std::make_shared<ManualWallClock>();
    DeliveryOptions options;
    options.clock = clock;
    options.idlePollMs = 60000;   // only the pokes below claim
    WorkerOnThread delivery(QStringLiteral("asleep"), options);
    const Status opened = delivery.open(m_db->url());
    QVERIFY2(opened, why(opened).constData());
    DeliveryWorker *worker = delivery.worker;
    const TestDatabase &db = *m_db;
    std::atomic<bool> otherClaimed = false;   // set on the worker's thread, read here
    QMetaObject::invokeMethod(worker, [worker, clock, &db, &otherClaimed] {
        worker->start();
        worker->poke();
        QThread::msleep(500);   // the claim is made meanwhile, on the writer's thread
        clock->advance(16 * 60 * 1000);
        const std::unique_ptr<Store> store = db.open(false);
        const auto claimed = store ? TriggerStore(*store).claimDue(QStringLiteral("other"), clock->nowMs(), 100, 15 * 60 * 1000)
                                   : Result<QList<ClaimedDelivery>>(Error::internal(QStringLiteral("no database")));
        otherClaimed = claimed && claimed->size() == 3;
    });
    QTRY_VERIFY_WITH_TIMEOUT(otherClaimed.load(), 10000);
    QTest::qWait(2000);
    QCOMPARE(m_receiver->count(), 0);

    {
        const std::unique_ptr<Store> store = db.open(false);
        QVERIFY(store);
        const auto released = TriggerStore(*store).releaseClaims(QStringLiteral("other"));
        QVERIFY2(released && *released == 3, why(released).constData());
    }
    QMetaObject::invokeMethod(worker, [worker] { worker->poke(); });
    expectEachSentOnce(ids);
}

void TestDeliveryWake::aRestartDuringAnOutageContinuesItsAlert()
{
    // The quiet chain's only node is a closed port: the chain is down from the start. A rule
    // says so to the receiver at once (forSeconds 0), and again when it is over.
    WebhookReceiver &receiver = *m_receiver;
    const TestDatabase &db = *m_db;
    AlertRule rule;
    rule.name = QStringLiteral("node down");
    rule.chainId = ChainId;
    rule.kind = AlertKind::RpcDown;
    rule.forSeconds = 0;
    rule.actions = {signedHook(receiver)};
    const auto alertOf = [](const WebhookReceiver::Received &r) {
        return QJsonDocument::fromJson(r.body).object().value(QLatin1String("alert")).toObject();
    };
    const auto history = [&db](bool activeOnly) {
        const std::unique_ptr<Store> store = db.open();
        AlertHistoryFilter filter;
        filter.activeOnly = activeOnly;
        return store ? AlertStore(*store).history(filter).value_or({}) : QList<AlertRecord>();
    };

    qint64 alertId = 0;
    {
        Engine first(deliveringEngine(db));
        const Status started = waitFor(first.start());
        QVERIFY2(started, why(started).constData());
        const Result<AlertRule> added = waitFor(first.alerts()->addAlertRule(rule));
        QVERIFY2(added, why(added).constData());
        QTRY_COMPARE_WITH_TIMEOUT(receiver.acceptedIds().size(), 1, 20000);
        const QJsonObject raised = alertOf(receiver.received().first());
        QCOMPARE(raised.value(QLatin1String("state")).toString(), QStringLiteral("raised"));
        alertId = raised.value(QLatin1String("id")).toInteger();
        const QFuture<void> down = first.shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(down.isFinished(), 30000);
    }
    QVERIFY(alertId > 0);
    QCOMPARE(history(true).size(), 1);

    // Started again, the node still down: the same alert, shown as active, not raised again.
    Engine second(deliveringEngine(db));
    const Status started = waitFor(second.start());
    QVERIFY2(started, why(started).constData());
    const auto downHere = [&second] {
        const QList<ChainStatus> statuses = second.indexing()->chainStatuses();
        return std::any_of(statuses.cbegin(), statuses.cend(), [](const ChainStatus &s) { return s.phase == IndexPhase::RpcDown; });
    };
    QTRY_VERIFY_WITH_TIMEOUT(downHere(), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(second.alerts()->monitor()->activeAlerts().size(), 1, 10000);
    const Alert continued = second.alerts()->monitor()->activeAlerts().first();
    QVERIFY(continued.carriedOver);
    QCOMPARE(continued.kind, AlertKind::RpcDown);
    // The monitor has judged the chain down (at once for this rule) for a few of its ticks.
    QTest::qWait(2500);
    QVERIFY(downHere());
    const QList<AlertRecord> open = history(true);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().id, alertId);
    QCOMPARE(history(false).size(), 1);
    QCOMPARE(receiver.count(), 1);

    // Over (the chain paused): that alert resolved, under its id.
    const Status paused = waitFor(second.chains()->setPaused(ChainRef{ChainId, {}}, true));
    QVERIFY2(paused, why(paused).constData());
    QTRY_COMPARE_WITH_TIMEOUT(receiver.acceptedIds().size(), 2, 20000);
    const QJsonObject resolved = alertOf(receiver.received().last());
    QCOMPARE(resolved.value(QLatin1String("state")).toString(), QStringLiteral("resolved"));
    QCOMPARE(resolved.value(QLatin1String("id")).toInteger(), alertId);
    QVERIFY(history(true).isEmpty());
    QCOMPARE(history(false).size(), 1);
    const QFuture<void> down = second.shutdown();
    QTRY_VERIFY_WITH_TIMEOUT(down.isFinished(), 30000);
}

} // namespace tst_deliverywake

ARBOR_GUILESS_TEST_MAIN(deliverywake, tst_deliverywake::TestDeliveryWake)
#include "tst_deliverywake.moc"

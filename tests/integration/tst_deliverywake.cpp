// New deliveries leave without the engine's thread: the writer job that commits them wakes the
// delivery worker itself. An engine in this process raises an alert whose rule posts a signed
// webhook; the test then holds the engine's thread (the console's GUI thread) as a busy window
// would, and the receiver — on its own thread — gets the webhook meanwhile. The worker's idle
// poll is set to a minute, so only the wake-up can send it in time.
#include "testdatabase.h"
#include "testresults.h"
#include "testvalues.h"
#include "webhookreceiver.h"

#include "engine/alertservice.h"
#include "engine/engine.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/triggerstore.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

using namespace arbor;
using namespace arbor::test;

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

/// A deep-reorg rule whose one action posts a webhook to `receiver`, signed with the secret in
/// SecretVariable.
AlertRule reorgRule(const WebhookReceiver &receiver)
{
    AlertRule rule;
    rule.name = QStringLiteral("deep reorg");
    rule.kind = AlertKind::DeepReorg;
    rule.threshold = 1;
    Action hook;
    hook.type = ActionType::Rest;
    hook.url = receiver.url().toString();
    hook.signingSecret = *SecretRef::parse(QStringLiteral("env:") + QLatin1String(SecretVariable), QStringLiteral("signingSecret"));
    rule.actions = {hook};
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
    void alertDeliveryLeavesWhileTheEngineThreadIsBusy();
    void aDeliveryInFlightAtShutdownIsRecorded();
};

void TestDeliveryWake::alertDeliveryLeavesWhileTheEngineThreadIsBusy()
{
    const QString secret = WebhookReceiver::makeSecret();
    qputenv(SecretVariable, secret.toUtf8());
    WebhookReceiver receiver(secret);
    QString error;
    QVERIFY2(receiver.start(&error), qPrintable(error));

    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const Status registered = registerQuietChain(db);
    QVERIFY2(registered, why(registered).constData());

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
    QTRY_VERIFY2_WITH_TIMEOUT((engine.alerts()->monitor()->reorgHandled(reorg), heldMs >= 0), "the rule raised no alert", 10000);
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
    const QString secret = WebhookReceiver::makeSecret();
    qputenv(SecretVariable, secret.toUtf8());
    WebhookReceiver receiver(secret);
    QString error;
    QVERIFY2(receiver.start(&error), qPrintable(error));
    receiver.setDelayMs(1500);

    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    const Status registered = registerQuietChain(db);
    QVERIFY2(registered, why(registered).constData());
    Engine engine(deliveringEngine(db));
    const Status started = waitFor(engine.start());
    QVERIFY2(started, why(started).constData());
    const Result<AlertRule> added = waitFor(engine.alerts()->addAlertRule(reorgRule(receiver)));
    QVERIFY2(added, why(added).constData());
    const ReorgRecord reorg = deepReorg();
    // The request has reached the receiver, which answers 1.5 s later: shut down now.
    QTRY_VERIFY2_WITH_TIMEOUT((engine.alerts()->monitor()->reorgHandled(reorg), receiver.count() > 0), "no delivery reached the receiver", 10000);
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

ARBOR_GUILESS_TEST_MAIN(deliverywake, TestDeliveryWake)
#include "tst_deliverywake.moc"

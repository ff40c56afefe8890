// Deliveries an integrator can rely on for days, against a local receiver that checks Standard
// Webhooks signatures: the delivery worker runs on a ManualWallClock, so hours of retries pass in
// seconds. A receiver down for an hour gets its delivery when it is back, on the schedule; a 410
// disables the action and holds its deliveries (an alert says so) until it is enabled, then they
// go out in order; a spent schedule leaves dead letters that resend once each under their ids; a
// rotated secret signs beside the new one until the overlap ends.
#include "testdatabase.h"
#include "testresults.h"
#include "testvalues.h"
#include "triggerstorefixtures.h"
#include "webhookreceiver.h"

#include "engine/alertservice.h"
#include "engine/engine.h"
#include "engine/triggerservice.h"
#include "model/entitydef.h"
#include "store/actionstore.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"
#include "store/triggerstore.h"
#include "testmain.h"
#include "util/wallclock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <atomic>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_deliveryschedule {

namespace {

constexpr auto SecretVariable = "ARBOR_TEST_SCHEDULE_SECRET";
constexpr auto NextSecretVariable = "ARBOR_TEST_SCHEDULE_NEXT_SECRET";
constexpr qint64 MinuteMs = 60 * 1000;
constexpr qint64 HourMs = 60 * MinuteMs;
constexpr int WaitMs = 20000;

/// Every NewFeedback of chain 7, one webhook to `url` signed with the secret in SecretVariable.
/// `extra` adds to the action ("retry", "failingAfter").
TriggerDef everyFeedback(const QUrl &url, const QJsonObject &extra = {})
{
    QJsonObject action{{QStringLiteral("type"), QStringLiteral("rest")},
                       {QStringLiteral("url"), url.toString()},
                       {QStringLiteral("signingSecret"), QString(QStringLiteral("env:") + QLatin1String(SecretVariable))}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        action.insert(it.key(), it.value());
    const QJsonObject file{{QStringLiteral("name"), QStringLiteral("feedback hook")},
                           {QStringLiteral("chain"), ChainId},
                           {QStringLiteral("registry"), QStringLiteral("reputation")},
                           {QStringLiteral("conditions"),
                            QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("event_type_equals")}, {QStringLiteral("event"), QStringLiteral("NewFeedback")}}}},
                           {QStringLiteral("actions"), QJsonArray{action}}};
    auto def = parseTrigger(file);
    if (!def)
        qFatal("test trigger: %s", qPrintable(def.error().toString()));
    def->chainId = ChainId;
    return *def;
}

} // namespace

class TestDeliverySchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { ARBOR_REQUIRE_BACKEND(); }
    void init();
    void cleanup();
    void aReceiverDownForAnHourGetsItsDeliveryOnTheSchedule();
    void goneDisablesTheActionAndHoldsUntilEnabled();
    void spentDeliveriesAreDeadAndResendOnce();
    void aRotatedSecretSignsBesideTheNewOneUntilTheOverlapEnds();
    void anActionsLastErrorKeepsItsCodeAndDetail();

private:
    /// Blocks after the last promoted one up to `to`, with `events`, as indexing writes them.
    void promote(qint64 to, const QList<AgentEvent> &events);
    /// Starts the engine that evaluates and delivers, on the manual clock.
    void startEngine();
    /// The attempts recorded for `deliveryId`, oldest first.
    QList<ActionResult> attempts(const QString &deliveryId);
    /// The delivery's row: status, attempts, next_attempt_at, held.
    SqlRow deliveryRow(const QString &deliveryId);
    /// Moves the clock to the delivery's next attempt and waits until that attempt is recorded.
    void runNextAttempt(const QString &deliveryId);
    QStringList deliveryIds();
    bool alertIsActive(AlertKind kind) const;
    qint64 actionId(qint64 triggerId);

    std::unique_ptr<WebhookReceiver> m_receiver;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
    std::shared_ptr<ManualWallClock> m_clock;
    std::unique_ptr<Engine> m_engine;
    std::atomic<bool> m_down{false};      ///< the receiver refuses every request while set
    qint64 m_next = 0;
    Hash m_tip;
};

void TestDeliverySchedule::init()
{
    const QString secret = WebhookReceiver::makeSecret();
    qputenv(SecretVariable, secret.toUtf8());
    m_receiver = std::make_unique<WebhookReceiver>(secret);
    m_down = false;
    m_receiver->setRefuse([this](const WebhookReceiver::Received &) { return m_down.load(); }, 503);
    QString error;
    QVERIFY2(m_receiver->start(&error), qPrintable(error));
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_store = m_db->open();
    QVERIFY(m_store);
    ChainConfig config = sampleChain(ChainId, QStringLiteral("schedule"));
    config.startBlock = 0;
    config.confirmations = 0;
    config.tokens.clear();
    config.rpcUrls = {closedPort()};   // nothing indexes it but this test
    QVERIFY(ChainRegistry(*m_store).registerChain(config, sampleEndpoints(config), evmEntities()));
    QVERIFY(m_store->reconcileEntityTables(evmEntities()));
    m_next = 0;
    m_tip = Hash();
    promote(4, {});
    m_clock = std::make_shared<ManualWallClock>();
}

void TestDeliverySchedule::cleanup()
{
    if (m_engine) {
        const QFuture<void> down = m_engine->shutdown();
        QTRY_VERIFY_WITH_TIMEOUT(down.isFinished(), 30000);
        m_engine.reset();
    }
    m_store.reset();
    m_db.reset();
    m_receiver.reset();
}

void TestDeliverySchedule::promote(qint64 to, const QList<AgentEvent> &events)
{
    IndexBatch batch;
    batch.chainId = ChainId;
    batch.from = m_next;
    batch.to = to;
    for (qint64 n = m_next; n <= to; ++n) {
        BlockHeader h{n, hashOf(n, 0), m_tip, 1700000000 + n * 12, 1, 21000};
        m_tip = h.hash;
        batch.headers.append(h);
    }
    batch.agentEvents = events;
    auto r = IndexStore(*m_store).promote(batch, evmEntities());
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    m_next = to + 1;
}

void TestDeliverySchedule::startEngine()
{
    EngineOptions options;
    options.database = m_db->url();
    options.app = QStringLiteral("arbor");
    options.lease = EngineOptions::Lease::Required;
    options.indexing = true;
    // The outbox stamps new deliveries due at the database's time; the worker's clock starts
    // ahead of it, so what evaluation creates during the test is due at once.
    m_clock->set(QDateTime::currentMSecsSinceEpoch() + 10 * MinuteMs);
    options.delivery.clock = m_clock;
    options.delivery.idlePollMs = 100;   // the clock jumps; the worker looks again soon
    m_engine = std::make_unique<Engine>(options);
    const Status started = waitFor(m_engine->start());
    QVERIFY2(started, why(started).constData());
    AlertPolicy policy;
    policy.raiseAfterMs = 0;
    policy.clearAfterMs = 0;
    m_engine->alerts()->monitor()->setPolicy(policy);
}

QList<ActionResult> TestDeliverySchedule::attempts(const QString &deliveryId)
{
    ResultFilter filter;
    filter.deliveryId = deliveryId;
    filter.limit = 1000;
    auto results = TriggerStore(*m_store).results(filter);
    if (!results)
        qFatal("results: %s", qPrintable(results.error().toString()));
    QList<ActionResult> out(results->crbegin(), results->crend());
    return out;
}

SqlRow TestDeliverySchedule::deliveryRow(const QString &deliveryId)
{
    auto rows = m_store->query(QLatin1String("SELECT status, attempts, next_attempt_at, held FROM ") + m_store->admin("trigger_deliveries")
                                   + QLatin1String(" WHERE id = ?"),
                               {deliveryId});
    if (!rows || rows->isEmpty())
        qFatal("no delivery %s", qPrintable(deliveryId));
    return rows->first();
}

void TestDeliverySchedule::runNextAttempt(const QString &deliveryId)
{
    const qsizetype before = attempts(deliveryId).size();
    const qint64 due = deliveryRow(deliveryId)[2].toLongLong();
    if (m_clock->nowMs() < due)
        m_clock->set(due);
    QTRY_VERIFY_WITH_TIMEOUT(attempts(deliveryId).size() > before, WaitMs);
}

QStringList TestDeliverySchedule::deliveryIds()
{
    auto rows = m_store->query(QLatin1String("SELECT id FROM ") + m_store->admin("trigger_deliveries") + QLatin1String(" ORDER BY block_number, log_index"));
    QStringList ids;
    if (rows) {
        for (const SqlRow &r : *rows)
            ids.append(r[0].toString());
    }
    return ids;
}

bool TestDeliverySchedule::alertIsActive(AlertKind kind) const
{
    const QList<Alert> active = m_engine->alerts()->monitor()->activeAlerts();
    return std::any_of(active.cbegin(), active.cend(), [kind](const Alert &a) { return a.kind == kind; });
}

qint64 TestDeliverySchedule::actionId(qint64 triggerId)
{
    auto trigger = TriggerStore(*m_store).trigger(triggerId);
    if (!trigger || trigger->def.actions.isEmpty())
        qFatal("trigger %lld has no action", triggerId);
    return trigger->def.actions.first().id;
}

void TestDeliverySchedule::aReceiverDownForAnHourGetsItsDeliveryOnTheSchedule()
{
    auto trigger = TriggerStore(*m_store).addTrigger(everyFeedback(m_receiver->url(), {{QStringLiteral("failingAfter"), QStringLiteral("30m")}}));
    QVERIFY2(trigger, why(trigger).constData());
    m_down = true;
    promote(6, {feedback(5, 0, QStringLiteral("-1"))});
    startEngine();
    QTRY_COMPARE_WITH_TIMEOUT(deliveryIds().size(), 1, WaitMs);
    const QString id = deliveryIds().first();
    QTRY_COMPARE_WITH_TIMEOUT(attempts(id).size(), 1, WaitMs);
    const qint64 first = attempts(id).first().at;

    // Down for an hour of the clock: the attempts after 5 s, 5 min and 30 min fail too.
    while (deliveryRow(id)[2].toLongLong() - first < HourMs && attempts(id).size() < 10)
        runNextAttempt(id);
    const QList<ActionResult> failed = attempts(id);
    QCOMPARE(failed.size(), 4);
    // Each wait is the schedule's, ±10 %.
    const qint64 waits[] = {5000, 5 * MinuteMs, 30 * MinuteMs};
    for (int i = 0; i < 3; ++i) {
        const qint64 wait = failed[i + 1].at - failed[i].at;
        QVERIFY2(wait >= waits[i] * 9 / 10 && wait <= waits[i] * 11 / 10 + 1000,
                 qPrintable(QStringLiteral("retry %1 came %2 ms after the attempt before; the schedule says %3 ms ±10 %").arg(i + 1).arg(wait).arg(waits[i])));
        QCOMPARE(failed[i].status, DeliveryStatus::Retrying);
        QCOMPARE(failed[i].httpStatus, std::optional<int>(503));
    }
    // No delivery for longer than its 30 minutes: failing, said once as an alert.
    auto health = waitFor(m_engine->triggers()->actionHealth(trigger->def.id));
    QVERIFY2(health, why(health).constData());
    QCOMPARE(health->size(), 1);
    QCOMPARE(health->first().state, ActionState::Failing);
    QCOMPARE(health->first().lastHttpStatus, std::optional<int>(503));
    QCOMPARE(health->first().lastErrorCode, u"http_503"_s);   // kept in no language (migration 21)
    QVERIFY(health->first().nextAttemptAt.has_value());
    const auto active = [this](AlertKind kind) {
        const QList<Alert> alerts = m_engine->alerts()->monitor()->activeAlerts();
        return std::count_if(alerts.cbegin(), alerts.cend(), [kind](const Alert &a) { return a.kind == kind; });
    };
    QTRY_COMPARE_WITH_TIMEOUT(active(AlertKind::DeliveryFailing), 1, WaitMs);
    // The alert says it as the code, which each reader's language words.
    for (const Alert &a : m_engine->alerts()->monitor()->activeAlerts()) {
        if (a.kind != AlertKind::DeliveryFailing)
            continue;
        QCOMPARE(a.params.value(u"network"_s).toString(), u"http_503"_s);
        QVERIFY2(a.text.endsWith(u"Last error: HTTP status 503."_s), qPrintable(a.text));
    }

    // Back after the hour: the next attempt on the schedule (2 h after the last) delivers it.
    m_down = false;
    m_clock->advance(10 * MinuteMs);
    QTest::qWait(500);
    QCOMPARE(m_receiver->acceptedIds().size(), 0);   // not before its time
    runNextAttempt(id);
    const QList<ActionResult> all = attempts(id);
    QCOMPARE(all.size(), 5);
    QCOMPARE(all.last().status, DeliveryStatus::Success);
    const qint64 wait = all[4].at - all[3].at;
    QVERIFY2(wait >= 2 * HourMs * 9 / 10 && wait <= 2 * HourMs * 11 / 10, qPrintable(QStringLiteral("the last retry came %1 ms after the one before").arg(wait)));
    QCOMPARE(m_receiver->acceptedIds(), QList<QByteArray>{id.toUtf8()});
    for (const WebhookReceiver::Received &r : m_receiver->receivedFor(id.toUtf8()))
        QCOMPARE(r.id, id.toUtf8());   // one webhook-id on every attempt
    QVERIFY(m_receiver->receivedFor(id.toUtf8()).last().verified);
    QTRY_COMPARE_WITH_TIMEOUT(active(AlertKind::DeliveryFailing), 0, WaitMs);
}

void TestDeliverySchedule::goneDisablesTheActionAndHoldsUntilEnabled()
{
    auto trigger = TriggerStore(*m_store).addTrigger(everyFeedback(m_receiver->url()));
    QVERIFY2(trigger, why(trigger).constData());
    const ActionRef action{DeliverySource::Trigger, actionId(trigger->def.id)};
    m_receiver->setRefuse([this](const WebhookReceiver::Received &) { return m_down.load(); }, 410);
    m_down = true;
    promote(6, {feedback(5, 0, QStringLiteral("-1"))});
    startEngine();
    QTRY_COMPARE_WITH_TIMEOUT(deliveryIds().size(), 1, WaitMs);
    const QString gone = deliveryIds().first();
    QTRY_COMPARE_WITH_TIMEOUT(attempts(gone).size(), 1, WaitMs);
    QCOMPARE(attempts(gone).first().httpStatus, std::optional<int>(410));

    // Disabled, with an alert; the delivery is held, not failed.
    auto disabled = ActionStore(*m_store).isDisabled(action);
    QVERIFY2(disabled, why(disabled).constData());
    QVERIFY(*disabled);
    QCOMPARE(deliveryRow(gone)[0].toString(), u"retrying"_s);
    QCOMPARE(deliveryRow(gone)[3].toInt(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(alertIsActive(AlertKind::DeliveryDisabled), WaitMs);

    // New events meanwhile: their deliveries are held from the start, and nothing is sent.
    promote(9, {feedback(7, 0, QStringLiteral("-2")), feedback(8, 1, QStringLiteral("-3"))});
    QTRY_COMPARE_WITH_TIMEOUT(deliveryIds().size(), 3, WaitMs);
    m_clock->advance(3 * 24 * HourMs);
    QTest::qWait(1000);
    QCOMPARE(m_receiver->count(), 1);
    for (const QString &id : deliveryIds())
        QCOMPARE(deliveryRow(id)[3].toInt(), 1);
    auto health = waitFor(m_engine->triggers()->actionHealth(trigger->def.id));
    QVERIFY2(health, why(health).constData());
    QCOMPARE(health->first().state, ActionState::Disabled);
    QCOMPARE(health->first().held, 3);

    // Enabled: the held deliveries go out at once (claimed in the order of their events, which
    // tst_triggerstore checks), each once under its id.
    m_down = false;
    const Result<qint64> resumed = waitFor(m_engine->triggers()->setActionEnabled(action, true));
    QVERIFY2(resumed, why(resumed).constData());
    QCOMPARE(*resumed, 3);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->acceptedIds().size(), 3, WaitMs);
    QSet<QByteArray> expected;
    for (const QString &id : deliveryIds())
        expected.insert(id.toUtf8());
    const QList<QByteArray> accepted = m_receiver->acceptedIds();
    QCOMPARE(QSet<QByteArray>(accepted.cbegin(), accepted.cend()), expected);
    QTest::qWait(500);
    QCOMPARE(m_receiver->count(), 4);   // the 410 and three deliveries
    QTRY_VERIFY_WITH_TIMEOUT(!alertIsActive(AlertKind::DeliveryDisabled), WaitMs);
}

void TestDeliverySchedule::spentDeliveriesAreDeadAndResendOnce()
{
    auto trigger = TriggerStore(*m_store).addTrigger(everyFeedback(m_receiver->url(), {{QStringLiteral("retry"), QJsonArray{QStringLiteral("10s"), QStringLiteral("1m")}}}));
    QVERIFY2(trigger, why(trigger).constData());
    m_down = true;
    promote(8, {feedback(5, 0, QStringLiteral("-1")), feedback(7, 0, QStringLiteral("-2"))});
    startEngine();
    QTRY_COMPARE_WITH_TIMEOUT(deliveryIds().size(), 2, WaitMs);
    const QStringList ids = deliveryIds();
    for (const QString &id : ids)
        QTRY_VERIFY_WITH_TIMEOUT(!attempts(id).isEmpty(), WaitMs);
    // Each retry due moves the clock on; a jump may bring the other delivery's retry due too.
    for (int round = 0; round < 6; ++round) {
        for (const QString &id : ids) {
            if (attempts(id).size() < 3 && deliveryRow(id)[0].toString() == u"retrying")
                runNextAttempt(id);
        }
    }
    for (const QString &id : ids) {
        QCOMPARE(attempts(id).size(), 3);
        QCOMPARE(attempts(id).last().status, DeliveryStatus::Failed);
        QVERIFY2(attempts(id).last().error.contains(u"retry schedule"_s), qPrintable(attempts(id).last().error));
    }
    // Dead letters: listed, and the worker leaves them alone however long one waits.
    auto dead = waitFor(m_engine->triggers()->deadLetters({}));
    QVERIFY2(dead, why(dead).constData());
    QCOMPARE(dead->size(), 2);
    m_clock->advance(7 * 24 * HourMs);
    QTest::qWait(500);
    QCOMPARE(m_receiver->count(), 6);
    QCOMPARE(m_receiver->acceptedIds().size(), 0);

    // The receiver is back: resent in bulk, each once, under its own id.
    m_down = false;
    const Result<qint64> resent = waitFor(m_engine->triggers()->resendDeadLetters({}));
    QVERIFY2(resent, why(resent).constData());
    QCOMPARE(*resent, 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->acceptedIds().size(), 2, WaitMs);
    const QList<QByteArray> accepted = m_receiver->acceptedIds();   // a copy: both iterators into one list
    QCOMPARE(QSet<QByteArray>(accepted.cbegin(), accepted.cend()), QSet<QByteArray>({ids[0].toUtf8(), ids[1].toUtf8()}));
    QTest::qWait(500);
    QCOMPARE(m_receiver->count(), 8);
    dead = waitFor(m_engine->triggers()->deadLetters({}));
    QVERIFY2(dead, why(dead).constData());
    QCOMPARE(dead->size(), 0);

    // A replay of block 7 to the action sends nothing it delivered; a dead letter it would resend.
    const Result<ReplayResult> replay = waitFor(m_engine->triggers()->replayTrigger(trigger->def.id, 7, 7, actionId(trigger->def.id)));
    QVERIFY2(replay, why(replay).constData());
    QCOMPARE(replay->matches, 1);
    QCOMPARE(replay->created, 0);
    QCOMPARE(replay->resent, 0);
}

void TestDeliverySchedule::aRotatedSecretSignsBesideTheNewOneUntilTheOverlapEnds()
{
    const QString oldSecret = m_receiver->secret();
    const QString newSecret = WebhookReceiver::makeSecret();
    qputenv(NextSecretVariable, newSecret.toUtf8());
    m_receiver->setRequireSignature(false);   // verified below, against each secret
    auto trigger = TriggerStore(*m_store).addTrigger(everyFeedback(m_receiver->url()));
    QVERIFY2(trigger, why(trigger).constData());
    const ActionRef action{DeliverySource::Trigger, actionId(trigger->def.id)};
    startEngine();
    const Status rotated = waitFor(m_engine->triggers()->rotateSigningSecret(
        action, *SecretRef::parse(QStringLiteral("env:") + QLatin1String(NextSecretVariable), QStringLiteral("secret")), 24 * HourMs));
    QVERIFY2(rotated, why(rotated).constData());

    const auto verifies = [](const WebhookReceiver::Received &r, const QString &secret) {
        QString why;
        const bool ok = WebhookReceiver::verify(secret, r.id, r.timestamp, r.body, r.signature, &why);
        return ok;
    };
    promote(6, {feedback(5, 0, QStringLiteral("-1"))});
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->acceptedIds().size(), 1, WaitMs);
    const WebhookReceiver::Received during = m_receiver->received().last();
    QCOMPARE(during.signature.split(' ').size(), 2);
    QVERIFY2(verifies(during, newSecret), "the new secret does not verify during the overlap");
    QVERIFY2(verifies(during, oldSecret), "the old secret does not verify during the overlap");

    // A day later the overlap is over: only the new secret signs.
    m_clock->advance(24 * HourMs + MinuteMs);
    promote(8, {feedback(7, 0, QStringLiteral("-2"))});
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->acceptedIds().size(), 2, WaitMs);
    const WebhookReceiver::Received after = m_receiver->received().last();
    QCOMPARE(after.signature.split(' ').size(), 1);
    QVERIFY2(verifies(after, newSecret), "the new secret does not verify after the overlap");
    QVERIFY2(!verifies(after, oldSecret), "the old secret still verifies after the overlap");
}

// What an alert words the last error from, kept in no language of Arbor's (migrations 21 and
// 22): the code and what its sentence names (here Telegram's own description), replaced by the
// next failure's and left as they were by a success.
void TestDeliverySchedule::anActionsLastErrorKeepsItsCodeAndDetail()
{
    auto trigger = TriggerStore(*m_store).addTrigger(everyFeedback(m_receiver->url()));
    QVERIFY2(trigger, why(trigger).constData());
    const ActionRef action{DeliverySource::Trigger, actionId(trigger->def.id)};
    using Said = std::optional<std::pair<QString, QString>>;
    const auto lastError = [&]() -> Said {
        auto health = ActionStore(*m_store).actions(m_clock->nowMs());
        if (!health || health->size() != 1)
            return std::nullopt;
        return std::pair{health->first().lastErrorCode, health->first().lastErrorDetail};
    };
    DeliveryAttempt refused;
    refused.outcome = DeliveryAttempt::Outcome::Retry;
    refused.httpStatus = 400;
    refused.error = u"Telegram hat die Nachricht abgelehnt: Bad Request: chat not found"_s;
    refused.errorCode = u"telegram_refused"_s;
    refused.errorDetail = u"Bad Request: chat not found"_s;
    refused.at = 1000;
    QVERIFY(ActionStore(*m_store).observe(action, refused));
    QCOMPARE(lastError(), (Said{{u"telegram_refused"_s, u"Bad Request: chat not found"_s}}));

    DeliveryAttempt down = refused;
    down.httpStatus.reset();
    down.errorCode = u"refused"_s;
    down.errorDetail.clear();
    down.at = 2000;
    QVERIFY(ActionStore(*m_store).observe(action, down));
    QCOMPARE(lastError(), (Said{{u"refused"_s, QString()}}));

    DeliveryAttempt delivered;
    delivered.outcome = DeliveryAttempt::Outcome::Success;
    delivered.httpStatus = 200;
    delivered.at = 3000;
    QVERIFY(ActionStore(*m_store).observe(action, delivered));
    QCOMPARE(lastError(), (Said{{u"refused"_s, QString()}}));
}

} // namespace tst_deliveryschedule

ARBOR_GUILESS_TEST_MAIN(deliveryschedule, tst_deliveryschedule::TestDeliverySchedule)
#include "tst_deliveryschedule.moc"

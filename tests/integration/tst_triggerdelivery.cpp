// Trigger deliveries when things go wrong, end to end: receivers that answer 503 or 429 for a
// while or refuse with 400, `arborctl serve` killed with SIGKILL while attempts are in flight,
// and a reorg that removes an event before it is confirmed. What an operator would see is
// asserted: what each receiver got (signed, under one webhook-id per event and action) and what
// `arborctl trigger results` says about every attempt. Events come from the ERC-8004 traffic
// generator on a devnet; the delivery ids expected are those `trigger dry-run` shows. On SQLite
// and PostgreSQL.
//
// The functions share one devnet, one database and one serve (restarted after the kill); each
// has its own trigger and receivers.
#include "agentchain.h"
#include "referencewebhooks.h"
#include "testmain.h"
#include "webhookreceiver.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <atomic>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_triggerdelivery {

namespace {

using Received = WebhookReceiver::Received;

/// The trigger's result rows per delivery id, oldest first, as "status/attempt/httpStatus".
QHash<QString, QStringList> rowsByDelivery(const QJsonArray &results)
{
    QHash<QString, QStringList> rows;
    for (const QJsonValue &v : results) {
        const QJsonObject r = v.toObject();
        const QJsonValue http = r.value(u"httpStatus"_s);
        rows[r.value(u"deliveryId"_s).toString()].append(u"%1/%2/%3"_s.arg(r.value(u"status"_s).toString())
                                                             .arg(r.value(u"attempt"_s).toInteger())
                                                             .arg(http.isNull() ? u"-"_s : QString::number(http.toInteger())));
    }
    return rows;
}

QString eventOf(const Received &r)
{
    return eventKey(QJsonDocument::fromJson(r.body).object().value(u"event"_s).toObject());
}

QString show(const QHash<QString, QStringList> &rows)
{
    QStringList lines;
    for (auto it = rows.begin(); it != rows.end(); ++it)
        lines << it.key() + u": "_s + it.value().join(u", "_s);
    return lines.join(u'\n');
}

} // namespace

class TestTriggerDelivery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }
    void cleanupTestCase();

    void retriesUntilSuccessAndFailsA400AtOnce();
    void killDuringDeliveryLosesNothing();
    void reorgBeforeConfirmationNeverDelivers();
    void receiversThatGoAwayAreHeldResentAndRotatedThroughArborctl();

private:
    QJsonObject restAction(const WebhookReceiver &receiver, int priority) const;
    /// trigger add; 0 (and a failed test) when it is refused.
    qint64 addTrigger(const QString &name, const QString &registry, const QJsonArray &conditions, const QJsonArray &actions,
                      std::optional<int> confirmations = std::nullopt);
    QJsonArray traffic(int agents, int events, qint64 *toBlock = nullptr);

    const QString m_secret = WebhookReceiver::makeSecret();
    AgentChain m_chain;
    quint64 m_seed = 300;
    WebhookReceiver m_unavailable{m_secret};   ///< 503 twice per delivery
    WebhookReceiver m_busy{m_secret};          ///< 429 with Retry-After: 2 once per delivery
    WebhookReceiver m_refusing{m_secret};      ///< 400 always
    WebhookReceiver m_slow{m_secret};          ///< holds answers while serve is killed
    WebhookReceiver m_deep{m_secret};          ///< confirmations 6
    WebhookReceiver m_tip{m_secret};           ///< confirmations 0, failing
    WebhookReceiver m_gone{m_secret};          ///< 410 Gone while m_goneAway
    WebhookReceiver m_down{m_secret};          ///< 503 while m_downNow
    std::atomic<bool> m_goneAway{false};
    std::atomic<bool> m_downNow{false};
    const QString m_nextSecret = WebhookReceiver::makeSecret();
};

void TestTriggerDelivery::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QString error;
    for (WebhookReceiver *r : {&m_unavailable, &m_busy, &m_refusing, &m_slow, &m_deep, &m_tip, &m_gone, &m_down})
        QVERIFY2(r->start(&error), qPrintable(error));
    // One token with a few holders: devnet.mjs reorg fills the replacement blocks with its transfers.
    QVERIFY2(m_chain.start(&error, 1), qPrintable(error));
    QProcessEnvironment secrets;
    secrets.insert(u"ARBOR_TEST_HOOK_SECRET"_s, m_secret);
    secrets.insert(u"ARBOR_TEST_HOOK_NEXT_SECRET"_s, m_nextSecret);
    m_chain.setServeEnvironment(secrets);
    QVERIFY2(m_chain.startServe(&error), qPrintable(error));
}

void TestTriggerDelivery::cleanupTestCase()
{
    QString error;
    if (m_chain.serveRunning())
        QVERIFY2(m_chain.stopServe(&error), qPrintable(error));
}

QJsonObject TestTriggerDelivery::restAction(const WebhookReceiver &receiver, int priority) const
{
    return {{u"type"_s, u"rest"_s}, {u"priority"_s, priority}, {u"url"_s, receiver.url().toString()},
            {u"signingSecret"_s, u"env:ARBOR_TEST_HOOK_SECRET"_s}, {u"timeoutMs"_s, 10000}, {u"maxRetries"_s, 20}};
}

qint64 TestTriggerDelivery::addTrigger(const QString &name, const QString &registry, const QJsonArray &conditions,
                                       const QJsonArray &actions, std::optional<int> confirmations)
{
    QJsonObject file{{u"name"_s, name}, {u"chain"_s, m_chain.chainId()}, {u"registry"_s, registry}, {u"conditions"_s, conditions},
                     {u"actions"_s, actions}};
    if (confirmations)
        file.insert(u"confirmations"_s, *confirmations);
    QString error;
    const QJsonObject stored = m_chain.addTrigger(file, &error);
    [&] { QVERIFY2(!stored.isEmpty(), qPrintable(error)); }();
    return stored.value(u"id"_s).toInteger();
}

QJsonArray TestTriggerDelivery::traffic(int agents, int events, qint64 *toBlock)
{
    QString error;
    const auto batch = m_chain.traffic(agents, events, ++m_seed, &error);
    [&] { QVERIFY2(batch, qPrintable(error)); }();
    if (toBlock)
        *toBlock = batch ? batch->value(u"toBlock"_s).toInteger() : -1;
    return batch ? batch->value(u"events"_s).toArray() : QJsonArray();
}

void TestTriggerDelivery::retriesUntilSuccessAndFailsA400AtOnce()
{
    m_unavailable.setFailFirst(2, 503);
    m_busy.setFailFirst(1, 429, 2);
    m_refusing.setRefuse([](const Received &) { return true; }, 400);
    const qint64 id = addTrigger(u"retries"_s, u"identity"_s, {condition(u"event_type_equals"_s, {{u"event"_s, u"Registered"_s}})},
                                 {restAction(m_unavailable, 1), restAction(m_busy, 2), restAction(m_refusing, 3)});
    QVERIFY(id > 0);
    const QStringList registered = eventKeys(traffic(2, 0), [](const QJsonObject &) { return true; });
    QCOMPARE(registered.size(), 2);

    // 2 × (3 + 2 + 1) attempts, each recorded.
    QHash<QString, QStringList> rows;
    const bool settled = waitFor([&] {
        rows = rowsByDelivery(m_chain.results(id));
        qsizetype n = 0;
        for (const QStringList &r : std::as_const(rows))
            n += r.size();
        return n >= 12;
    }, 60000);
    QVERIFY2(settled, qPrintable(show(rows) + u"\n"_s + m_chain.serveLog()));
    QCOMPARE(rows.size(), 6);

    struct Expectation
    {
        WebhookReceiver *receiver;
        QList<int> statuses;      // as the receiver answered each attempt
        QStringList results;      // as `trigger results` shows them
    };
    const QList<Expectation> expectations{
        {&m_unavailable, {503, 503, 200}, {u"retrying/1/503"_s, u"retrying/2/503"_s, u"success/3/200"_s}},
        {&m_busy, {429, 200}, {u"retrying/1/429"_s, u"success/2/200"_s}},
        {&m_refusing, {400}, {u"failed/1/400"_s}},
    };
    for (const Expectation &x : expectations) {
        QSet<QByteArray> ids;
        QStringList events;
        for (const Received &r : x.receiver->received())
            ids.insert(r.id);
        QCOMPARE(ids.size(), 2);
        for (const QByteArray &deliveryId : std::as_const(ids)) {
            const QList<Received> attempts = x.receiver->receivedFor(deliveryId);
            QList<int> statuses;
            for (const Received &r : attempts) {
                statuses << r.answeredStatus;
                QVERIFY2(r.verified, qPrintable(r.verifyError));
                QCOMPARE(r.body, attempts.first().body);   // the same bytes under the same webhook-id
                QCOMPARE(QJsonDocument::fromJson(r.body)[u"deliveryId"_s].toString().toLatin1(), deliveryId);
            }
            QCOMPARE(statuses, x.statuses);
            QCOMPARE(rows.value(QString::fromLatin1(deliveryId)), x.results);
            events << eventOf(attempts.first());
            if (x.receiver == &m_busy) {
                // Retry-After: 2 was honoured.
                const auto gap = std::chrono::duration_cast<std::chrono::milliseconds>(attempts[1].receivedAt - attempts[0].receivedAt);
                QVERIFY2(gap.count() >= 1900, qPrintable(u"retried %1 ms after a 429 with Retry-After: 2"_s.arg(gap.count())));
            }
        }
        QCOMPARE(sorted(events), sorted(registered));
    }
    // The 400s were answered before the first 503 retry: had they been retried, it would show by now.
    QCOMPARE(m_refusing.count(), 2);

    // Once the receiver is fixed, the operator resends a failed delivery: the same id, the same bytes.
    m_refusing.setRefuse({});
    qint64 failedResult = 0;
    for (const QJsonValue &r : m_chain.results(id)) {
        if (r[u"status"_s].toString() == u"failed")
            failedResult = r[u"id"_s].toInteger();
    }
    const ArborctlRun resend = m_chain.arborctl({u"trigger"_s, u"resend"_s, QString::number(failedResult), u"--json"_s});
    QVERIFY2(resend.exitCode == 0, qPrintable(describe(resend)));
    const QByteArray resent = resend.object().value(u"deliveryId"_s).toString().toLatin1();
    QVERIFY2(waitFor([&] { return rowsByDelivery(m_chain.results(id)).value(QString::fromLatin1(resent)).size() == 2; }, 30000),
             qPrintable(m_chain.serveLog()));
    QCOMPARE(rowsByDelivery(m_chain.results(id)).value(QString::fromLatin1(resent)), (QStringList{u"failed/1/400"_s, u"success/2/200"_s}));
    const QList<Received> again = m_refusing.receivedFor(resent);
    QCOMPARE(again.size(), 2);
    QCOMPARE(again[1].body, again[0].body);
    QCOMPARE(m_refusing.count(), 3);
}

void TestTriggerDelivery::killDuringDeliveryLosesNothing()
{
    const qint64 id = addTrigger(u"crash"_s, u"reputation"_s, {}, {restAction(m_slow, 1)});
    QVERIFY(id > 0);
    auto reputation = [](const QJsonObject &e) { return e.value(u"kind"_s).toString() == u"reputation"; };

    // A first batch delivered as usual.
    const QStringList first = eventKeys(traffic(3, 12), reputation);
    QVERIFY(!first.isEmpty());
    auto successes = [&] { return m_chain.arborctl({u"trigger"_s, u"results"_s, u"--trigger"_s, QString::number(id), u"--status"_s,
                                                    u"success"_s, u"--json"_s}).object().value(u"results"_s).toArray().size(); };
    QVERIFY2(waitFor([&] { return successes() == first.size(); }, 60000), qPrintable(m_chain.serveLog()));

    // A second while the receiver holds every answer for 3 s: serve dies with attempts in flight.
    m_slow.setDelayMs(3000);
    const int before = m_slow.count();
    qint64 toBlock = 0;
    const QStringList second = eventKeys(traffic(1, 20, &toBlock), reputation);
    QVERIFY2(waitFor([&] { return m_slow.count() >= before + 3; }, 30000), qPrintable(m_chain.serveLog()));
    m_chain.killServe();
    m_slow.setDelayMs(0);
    QString error;
    QVERIFY2(m_chain.startServe(&error), qPrintable(error));
    QVERIFY2(m_chain.waitForCursors({id}, toBlock), qPrintable(m_chain.serveLog()));

    // Every delivery ends succeeded, each under the id the dry run shows for its event.
    QHash<QString, QString> idOf;   // event → delivery id
    for (const QJsonValue &m : m_chain.dryRun(id))
        idOf.insert(eventKey(m[u"event"_s].toObject()), m[u"actions"_s][0][u"deliveryId"_s].toString());
    QCOMPARE(sorted(idOf.keys()), sorted(first + second));
    QHash<QString, QStringList> rows;
    auto succeeded = [&] {
        rows = rowsByDelivery(m_chain.results(id));
        for (const QString &deliveryId : std::as_const(idOf)) {
            if (!rows.value(deliveryId).join(u' ').contains(u"success/"_s))
                return false;
        }
        return true;
    };
    QVERIFY2(waitFor(succeeded, 60000), qPrintable(show(rows) + u"\n"_s + m_chain.serveLog()));

    // At least once, never under a new id: what the receiver got is the expected ids only, each
    // for its own event; those of the first batch once, some of the second again after the kill.
    const QSet<QString> ids(idOf.cbegin(), idOf.cend());
    QHash<QString, int> requests;
    for (const Received &r : m_slow.received()) {
        QVERIFY2(r.verified, qPrintable(r.verifyError));
        QCOMPARE(QString::fromLatin1(r.id), idOf.value(eventOf(r)));
        ++requests[QString::fromLatin1(r.id)];
    }
    QCOMPARE(QSet<QString>(requests.keyBegin(), requests.keyEnd()), ids);
    for (const QString &key : first)
        QCOMPARE(requests.value(idOf.value(key)), 1);
    int again = 0;
    for (const QString &key : second)
        again += requests.value(idOf.value(key)) > 1 ? 1 : 0;
    QVERIFY2(again > 0, "no attempt was in flight when serve was killed");
    qInfo("%d of %lld deliveries were in flight at the kill and sent again under their ids", again, qint64(second.size()));
    for (auto it = rows.begin(); it != rows.end(); ++it) {
        QVERIFY2(ids.contains(it.key()), qPrintable(u"a result for an unknown delivery "_s + it.key()));
        QVERIFY2(!it.value().join(u' ').contains(u"failed"_s), qPrintable(it.key() + u": "_s + it.value().join(u", "_s)));
        QVERIFY2(it.value().last().startsWith(u"success/"_s), qPrintable(it.key() + u": "_s + it.value().join(u", "_s)));
    }
}

void TestTriggerDelivery::reorgBeforeConfirmationNeverDelivers()
{
    m_tip.setFailFirst(1000, 503);
    const QJsonArray registered{condition(u"event_type_equals"_s, {{u"event"_s, u"Registered"_s}})};
    const qint64 deep = addTrigger(u"deep"_s, u"identity"_s, registered, {restAction(m_deep, 1)}, 6);
    const qint64 tip = addTrigger(u"tip"_s, u"identity"_s, registered, {restAction(m_tip, 1)}, 0);
    QVERIFY(deep > 0 && tip > 0);

    qint64 block = 0;
    const QJsonArray doomed = traffic(1, 0, &block);
    QCOMPARE(doomed.size(), 1);
    const QString doomedTx = doomed[0][u"txHash"_s].toString();
    const qint64 head = m_chain.head();
    // Confirmations 0: the tip trigger fires at once, and its receiver keeps the delivery open.
    QVERIFY2(waitFor([&] { return m_tip.count() >= 1; }, 30000), qPrintable(m_chain.serveLog()));
    const QByteArray doomedId = m_tip.received().first().id;
    QCOMPARE(eventOf(m_tip.received().first()), eventKey(doomed[0].toObject()));
    QCOMPARE(m_deep.count(), 0);
    QVERIFY(m_chain.trigger(deep).value(u"cursorBlock"_s).toInteger() < block);

    // The block goes before it is 6 deep; the chain then grows well past it.
    QString error;
    const auto reorg = m_chain.devnet().reorg(int(head - block + 1), m_chain.tokens(), 1, m_chain.holders(), ++m_seed, &error);
    QVERIFY2(reorg, qPrintable(error));
    QCOMPARE(reorg->value(u"commonAncestor"_s).toInteger(), block - 1);
    QVERIFY2(m_chain.devnet().rpc(u"anvil_mine"_s, {u"0x8"_s}, &error), qPrintable(error));

    // The open delivery is cancelled, and the results say why.
    QHash<QString, QStringList> rows;
    QJsonObject cancelled;
    const bool seen = waitFor([&] {
        for (const QJsonValue &r : m_chain.results(tip)) {
            if (r[u"deliveryId"_s].toString().toLatin1() == doomedId && r[u"status"_s].toString() == u"cancelled")
                cancelled = r.toObject();
        }
        return !cancelled.isEmpty();
    }, 60000);
    QVERIFY2(seen, qPrintable(m_chain.serveLog()));
    QVERIFY2(cancelled.value(u"error"_s).toString().contains(u"removed by a reorg at block %1"_s.arg(block)),
             qPrintable(cancelled.value(u"error"_s).toString()));

    // A Registered event after the reorg reaches the deep trigger once 6 deep; the removed one never.
    qint64 controlBlock = 0;
    const QJsonArray control = traffic(1, 0, &controlBlock);
    QVERIFY2(m_chain.devnet().rpc(u"anvil_mine"_s, {u"0x7"_s}, &error), qPrintable(error));
    QVERIFY2(m_chain.waitForCursors({deep}, controlBlock), qPrintable(m_chain.serveLog()));
    QVERIFY2(waitFor([&] { return m_deep.acceptedIds().size() >= 1; }, 30000), qPrintable(m_chain.serveLog()));
    QStringList deepEvents;
    for (const Received &r : m_deep.received()) {
        QVERIFY2(r.verified, qPrintable(r.verifyError));
        deepEvents << eventOf(r);
    }
    QCOMPARE(deepEvents, QStringList{eventKey(control[0].toObject())});
    QVERIFY(!deepEvents.first().startsWith(doomedTx));

    // The doomed delivery: attempts that failed, then the cancellation; never sent after it.
    const QStringList doomedRows = rowsByDelivery(m_chain.results(tip)).value(QString::fromLatin1(doomedId));
    const qsizetype at = doomedRows.indexOf(QRegularExpression(u"cancelled/.*"_s));   // whole-string match
    QVERIFY2(at > 0 && doomedRows.count(doomedRows[at]) == 1, qPrintable(doomedRows.join(u", "_s)));
    for (qsizetype i = 0; i < doomedRows.size(); ++i) {
        const bool allowed = i < at ? doomedRows[i].startsWith(u"retrying/"_s) : i == at || doomedRows[i].startsWith(u"failed/"_s);
        QVERIFY2(allowed, qPrintable(doomedRows.join(u", "_s)));
    }
    QVERIFY2(doomedRows.size() - at <= 2, qPrintable(doomedRows.join(u", "_s)));   // at most the attempt that was under way
    QCOMPARE(m_tip.receivedFor(doomedId).size(), doomedRows.size() - 1);
}

void TestTriggerDelivery::receiversThatGoAwayAreHeldResentAndRotatedThroughArborctl()
{
    const QJsonArray registered{condition(u"event_type_equals"_s, {{u"event"_s, u"Registered"_s}})};
    const auto actionsOf = [this](qint64 trigger) {
        const ArborctlRun run = m_chain.arborctl({u"trigger"_s, u"actions"_s, u"--trigger"_s, QString::number(trigger), u"--json"_s});
        return run.object().value(u"actions"_s).toArray();
    };

    // A receiver that answers 410 Gone: the action is disabled, its deliveries held, not dropped.
    m_gone.setRefuse([this](const Received &) { return m_goneAway.load(); }, 410);
    m_goneAway = true;
    const qint64 gone = addTrigger(u"gone"_s, u"identity"_s, registered, {restAction(m_gone, 1)});
    QVERIFY(gone > 0);
    const qint64 goneAction = m_chain.trigger(gone).value(u"actions"_s)[0][u"id"_s].toInteger();
    traffic(1, 0);
    QVERIFY2(waitFor([&] { return m_gone.count() == 1; }, 30000), qPrintable(m_chain.serveLog()));
    QVERIFY2(waitFor([&] { return actionsOf(gone)[0][u"state"_s].toString() == u"disabled"; }, 30000), qPrintable(m_chain.serveLog()));
    traffic(1, 0);
    QVERIFY2(waitFor([&] { return actionsOf(gone)[0][u"held"_s].toInteger() == 2; }, 30000), qPrintable(m_chain.serveLog()));
    QTest::qWait(1500);
    QCOMPARE(m_gone.count(), 1);
    QVERIFY(actionsOf(gone)[0][u"stateReason"_s].toString().contains(u"410"_s));

    // Back: enable-action sends what was held, each once under its own id.
    m_goneAway = false;
    const ArborctlRun enable = m_chain.arborctl({u"trigger"_s, u"enable-action"_s, QString::number(goneAction)});
    QVERIFY2(enable.exitCode == 0, qPrintable(describe(enable)));
    QVERIFY2(enable.out.contains(u"2 held deliveries are due now"_s), qPrintable(enable.out));
    QVERIFY2(waitFor([&] { return m_gone.acceptedIds().size() == 2; }, 30000), qPrintable(m_chain.serveLog()));
    QTest::qWait(1000);
    QCOMPARE(m_gone.count(), 3);
    QCOMPARE(actionsOf(gone)[0][u"state"_s].toString(), u"ok"_s);

    // A schedule of one retry after a second: dead after two attempts; resent once, same id.
    m_down.setRefuse([this](const Received &) { return m_downNow.load(); }, 503);
    m_downNow = true;
    QJsonObject quickAction = restAction(m_down, 1);
    quickAction.remove(u"maxRetries"_s);
    quickAction.insert(u"retry"_s, QJsonArray{u"1s"_s});
    const qint64 dead = addTrigger(u"dead"_s, u"identity"_s, registered, {quickAction});
    QVERIFY(dead > 0);
    traffic(1, 0);
    QJsonArray letters;
    QVERIFY2(waitFor([&] {
        letters = m_chain.arborctl({u"trigger"_s, u"results"_s, u"--dead"_s, u"--trigger"_s, QString::number(dead), u"--json"_s}).object()[u"dead"_s].toArray();
        return letters.size() == 1;
    }, 30000), qPrintable(m_chain.serveLog()));
    QCOMPARE(letters[0][u"attempts"_s].toInteger(), 2);
    QVERIFY2(letters[0][u"lastError"_s].toString().contains(u"retry schedule"_s), qPrintable(letters[0][u"lastError"_s].toString()));
    QCOMPARE(m_down.count(), 2);
    const QByteArray deadId = letters[0][u"deliveryId"_s].toString().toLatin1();
    m_downNow = false;
    const ArborctlRun resend = m_chain.arborctl({u"trigger"_s, u"resend"_s, u"--dead"_s, u"--trigger"_s, QString::number(dead), u"--json"_s});
    QVERIFY2(resend.exitCode == 0, qPrintable(describe(resend)));
    QCOMPARE(resend.object()[u"resent"_s].toInteger(), 1);
    QVERIFY2(waitFor([&] { return m_down.acceptedIds().size() == 1; }, 30000), qPrintable(m_chain.serveLog()));
    QCOMPARE(m_down.acceptedIds().first(), deadId);
    QTest::qWait(1000);
    QCOMPARE(m_down.count(), 3);

    // Another dead letter, sent again by a replay of the last ten minutes to the action.
    m_downNow = true;
    traffic(1, 0);
    QVERIFY2(waitFor([&] {
        letters = m_chain.arborctl({u"trigger"_s, u"results"_s, u"--dead"_s, u"--trigger"_s, QString::number(dead), u"--json"_s}).object()[u"dead"_s].toArray();
        return letters.size() == 1;
    }, 30000), qPrintable(m_chain.serveLog()));
    m_downNow = false;
    const qint64 deadAction = m_chain.trigger(dead).value(u"actions"_s)[0][u"id"_s].toInteger();
    const ArborctlRun replay = m_chain.arborctl({u"trigger"_s, u"replay"_s, QString::number(dead), u"--since"_s, u"10m"_s, u"--action"_s,
                                                 QString::number(deadAction), u"--json"_s});
    QVERIFY2(replay.exitCode == 0, qPrintable(describe(replay)));
    // The trigger's two deliveries are skipped, the dead one of them sent again; the events of the
    // ten minutes from before the trigger existed get deliveries of their own (history, explicitly).
    const QJsonObject replayed = replay.object();
    QCOMPARE(replayed[u"resent"_s].toInteger(), 1);
    QCOMPARE(replayed[u"skipped"_s].toInteger(), 2);
    QCOMPARE(replayed[u"matches"_s].toInteger(), replayed[u"created"_s].toInteger() - 1 + 2);
    const QByteArray secondDead = letters[0][u"deliveryId"_s].toString().toLatin1();
    QVERIFY2(waitFor([&] { return m_down.acceptedIds().contains(secondDead); }, 30000), qPrintable(m_chain.serveLog()));
    QVERIFY2(waitFor([&] { return m_down.acceptedIds().size() == replayed[u"created"_s].toInteger() + 1; }, 30000), qPrintable(m_chain.serveLog()));
    QCOMPARE(m_down.acceptedIds().count(deadId), 1);   // what was delivered is not sent again

    // A rotated secret: both signatures while the overlap lasts, each verifies — with this
    // test's receiver and with the reference Standard Webhooks library.
    const ArborctlRun rotate = m_chain.arborctl({u"trigger"_s, u"rotate-secret"_s, QString::number(goneAction), u"--to"_s,
                                                 u"env:ARBOR_TEST_HOOK_NEXT_SECRET"_s, u"--overlap"_s, u"1h"_s});
    QVERIFY2(rotate.exitCode == 0, qPrintable(describe(rotate)));
    const qsizetype acceptedBefore = m_gone.acceptedIds().size();   // the dead trigger's events matched this trigger too
    traffic(1, 0);
    QVERIFY2(waitFor([&] { return m_gone.acceptedIds().size() == acceptedBefore + 1; }, 30000), qPrintable(m_chain.serveLog()));
    const Received rotated = m_gone.received().last();
    QCOMPARE(rotated.signature.split(' ').size(), 2);
    QString why;
    QVERIFY2(WebhookReceiver::verify(m_secret, rotated.id, rotated.timestamp, rotated.body, rotated.signature, &why), qPrintable(why));
    QVERIFY2(WebhookReceiver::verify(m_nextSecret, rotated.id, rotated.timestamp, rotated.body, rotated.signature, &why), qPrintable(why));
    if (!ReferenceWebhooks::available(&why)) {
        if (ReferenceWebhooks::requiredByEnvironment())
            QFAIL(qPrintable(why));
        QSKIP(qPrintable(why));
    }
    for (const QString &secret : {m_secret, m_nextSecret}) {
        const QStringList verdicts = ReferenceWebhooks::verify(secret, {rotated}, &why);
        QVERIFY2(verdicts == QStringList{u"ok"_s}, qPrintable(verdicts.join(u"; "_s) + why));
    }
    // And a secret neither of them is refused by the library, so its "ok" means something.
    const QStringList stranger = ReferenceWebhooks::verify(WebhookReceiver::makeSecret(), {rotated}, &why);
    QCOMPARE(stranger.size(), 1);
    QVERIFY2(stranger.first().startsWith(u"fail"_s), qPrintable(stranger.first()));
}

} // namespace tst_triggerdelivery

ARBOR_GUILESS_TEST_MAIN(triggerdelivery, tst_triggerdelivery::TestTriggerDelivery)
#include "tst_triggerdelivery.moc"

// TriggerStore on both backends: definitions, evaluation with persisted state and cursor, the
// outbox's claims and attempts, reorgs, dry runs, replays and the delivery log. Events reach the
// database the way indexing writes them: IndexStore::promote().

#include "testdatabase.h"
#include "triggerstorefixtures.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "store/actionstore.h"
#include "store/deliveryoutbox.h"
#include "store/triggerstore.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>

#include <thread>

using namespace arbor;
using namespace arbor::test;

namespace tst_triggerstore {

class TestTriggerStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); m_db.reset(); }
    void addsUpdatesEnablesAndDeletes();
    void refusesDuplicateNameAndUnknownChainWritingNothing();
    void evaluatesNewEventsOnceWithDeliveriesStateAndCursor();
    void continuesAfterRestartWithTheSameState();
    void waitsForConfirmationsAndNeverStoresAnEventsEndpoint();
    void claimsRetriesAndFinishesDeliveries();
    void aDisabledActionHoldsAndResumesInEventOrder();
    void aBatchOfAttemptsEndsAsOneByOne();
    void theOutboxTakesABatchAsOneByOne();
    void twoHoldersNeverClaimTheSameDelivery();
    void rollbackCancelsOpenDeliveriesAndRestoresState();
    void dryRunWritesNothing();
    void replayCreatesOnlyMissingDeliveries();
    void filtersResultsResendsAndSendsTests();
    void chainDeletionRemovesTriggers();

private:
    /// Head blocks up to `to` after the last promoted one, with `events`; `salt` makes a fork.
    void promote(qint64 to, const QList<AgentEvent> &events, int salt = 0);
    qint64 rows(const char *admin, const QString &where = QStringLiteral("1 = 1"), const QVariantList &params = {});
    TriggerStore triggers() { return TriggerStore(*m_store); }
    qint64 evaluate();

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
    qint64 m_now = T0;
    qint64 m_next = 0;
    Hash m_tip;
};

void TestTriggerStore::init()
{
    ARBOR_REQUIRE_BACKEND();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_store = m_db->open();
    QVERIFY(m_store);
    m_now = T0;
    m_store->setClock([this]() { return m_now; });
    m_next = 0;
    m_tip = Hash();
    ChainConfig config = sampleChain(ChainId, QStringLiteral("triggers"));
    config.startBlock = 0;
    config.confirmations = 0;
    config.tokens.clear();
    QVERIFY(ChainRegistry(*m_store).registerChain(config, {}, evmEntities()));
    QVERIFY(m_store->reconcileEntityTables(evmEntities()));
}

void TestTriggerStore::promote(qint64 to, const QList<AgentEvent> &events, int salt)
{
    IndexBatch batch;
    batch.chainId = ChainId;
    batch.from = m_next;
    batch.to = to;
    for (qint64 n = m_next; n <= to; ++n) {
        BlockHeader h{n, hashOf(n, salt), m_tip, 1700000000 + n * 12, 1, 21000};
        m_tip = h.hash;
        batch.headers.append(h);
    }
    batch.agentEvents = events;
    auto r = IndexStore(*m_store).promote(batch, evmEntities());
    QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
    m_next = to + 1;
}

qint64 TestTriggerStore::rows(const char *admin, const QString &where, const QVariantList &params)
{
    return m_store->rowCount(m_store->admin(admin), where, params).value_or(-1);
}

qint64 TestTriggerStore::evaluate()
{
    auto run = triggers().evaluate(ChainId, m_next - 1);
    if (!run)
        qWarning() << run.error().toString();
    return run ? run->deliveries : -1;
}

void TestTriggerStore::addsUpdatesEnablesAndDeletes()
{
    promote(4, {});
    auto added = triggers().addTrigger(negativeFeedback());
    QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
    QVERIFY(added->def.id > 0);
    QCOMPARE(added->cursorBlock, 4);                    // the checkpoint: nothing before it fires
    QCOMPARE(added->def.actions.size(), 2);
    QCOMPARE(added->def.actions[0].type, ActionType::Rest);   // priority order
    QVERIFY(added->def.actions[0].id > 0 && added->def.actions[1].id > 0);
    QCOMPARE(added->def.conditions, negativeFeedback().conditions);
    QCOMPARE(added->def.actions[1].chatId, QStringLiteral("-100123"));
    const qint64 id = added->def.id;
    const qint64 restId = added->def.actions[0].id;
    const qint64 telegramId = added->def.actions[1].id;

    // Disabled while blocks 5..9 are promoted; enabling skips them.
    QVERIFY(triggers().setEnabled(id, false));
    promote(9, {feedback(7, 0, QStringLiteral("-1"))});
    QCOMPARE(evaluate(), 0);
    auto enabled = triggers().setEnabled(id, true);
    QVERIFY(enabled);
    QCOMPARE(enabled->cursorBlock, 9);
    QCOMPARE(evaluate(), 0);
    promote(12, {feedback(11, 0, QStringLiteral("-1"))});
    QCOMPARE(evaluate(), 2);

    // The webhook stays (same id, new URL), Telegram goes, MCP comes; conditions changed.
    TriggerDef edited = enabled->def;
    edited.actions[0].url = QStringLiteral("http://127.0.0.1:9/other");
    edited.actions.removeAt(1);
    Action mcp;
    mcp.type = ActionType::Mcp;
    mcp.priority = 5;
    mcp.url = QStringLiteral("http://127.0.0.1:9/mcp");
    mcp.tool = QStringLiteral("agent.receiveFeedback");
    edited.actions.append(mcp);
    edited.conditions.removeLast();
    edited.description = QStringLiteral("every feedback");
    auto updated = triggers().updateTrigger(edited);
    QVERIFY2(updated, qPrintable(updated ? QString() : updated.error().toString()));
    QCOMPARE(updated->def.actions.size(), 2);
    QCOMPARE(updated->def.actions[0].id, restId);
    QCOMPARE(updated->def.actions[0].url, QStringLiteral("http://127.0.0.1:9/other"));
    QVERIFY(updated->def.actions[1].id != telegramId);
    QCOMPARE(updated->def.actions[1].type, ActionType::Mcp);
    QCOMPARE(updated->def.conditions.size(), 1);
    QCOMPARE(updated->def.description, QStringLiteral("every feedback"));
    QCOMPARE(updated->cursorBlock, 12);
    // The removed action's open delivery is cancelled; the kept one's stays with its action.
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("action_id = ? AND status = 'cancelled' AND last_error = ?"),
                  {telegramId, QStringLiteral("the action was removed from the trigger")}),
             1);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("action_id = ? AND status = 'pending'"), {restId}), 1);

    TriggerDef moved = updated->def;
    moved.chainId = 99;
    auto refused = triggers().updateTrigger(moved);
    QVERIFY(!refused);
    QCOMPARE(refused.error().field, QStringLiteral("chain"));

    auto list = triggers().triggers(ChainId);
    QVERIFY(list);
    QCOMPARE(list->size(), 1);
    QVERIFY(triggers().deleteTrigger(id));
    QCOMPARE(rows("triggers"), 0);
    QCOMPARE(rows("trigger_actions"), 0);
    QCOMPARE(rows("trigger_conditions"), 0);
    QCOMPARE(triggers().deleteTrigger(id).error().kind, Error::Kind::NotFound);
    QCOMPARE(triggers().trigger(id).error().kind, Error::Kind::NotFound);
}

void TestTriggerStore::refusesDuplicateNameAndUnknownChainWritingNothing()
{
    QVERIFY(triggers().addTrigger(negativeFeedback()));
    const qint64 conditions = rows("trigger_conditions");
    const qint64 actions = rows("trigger_actions");
    auto twice = triggers().addTrigger(negativeFeedback());
    QVERIFY(!twice);
    QCOMPARE(twice.error().kind, Error::Kind::Conflict);
    QCOMPARE(twice.error().field, QStringLiteral("name"));
    TriggerDef elsewhere = negativeFeedback(QStringLiteral("other"));
    elsewhere.chainId = 99;
    auto unknown = triggers().addTrigger(elsewhere);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
    QCOMPARE(unknown.error().field, QStringLiteral("chain"));
    QCOMPARE(rows("triggers"), 1);
    QCOMPARE(rows("trigger_conditions"), conditions);
    QCOMPARE(rows("trigger_actions"), actions);
    // Renaming onto another trigger's name is refused too.
    auto second = triggers().addTrigger(negativeFeedback(QStringLiteral("second")));
    QVERIFY(second);
    TriggerDef renamed = second->def;
    renamed.name = QStringLiteral("negative");
    QCOMPARE(triggers().updateTrigger(renamed).error().field, QStringLiteral("name"));
}

void TestTriggerStore::evaluatesNewEventsOnceWithDeliveriesStateAndCursor()
{
    promote(4, {feedback(2, 0, QStringLiteral("-3"))});       // history: never sent
    auto negative = triggers().addTrigger(negativeFeedback());
    auto limited = triggers().addTrigger(rateLimited());
    QVERIFY(negative && limited);
    promote(9, {feedback(6, 0, QStringLiteral("-1")), feedback(6, 1, QStringLiteral("5")), feedback(8, 0, QStringLiteral("-7"))});

    auto run = triggers().evaluate(ChainId, 9);
    QVERIFY2(run, qPrintable(run ? QString() : run.error().toString()));
    // negative: blocks 6 and 8, two actions each; limited: the first two feedbacks.
    QCOMPARE(run->deliveries, 4 + 2);
    QCOMPARE(run->events, 3);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("trigger_id = ? AND block_number = 2"), {negative->def.id}), 0);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'pending'")), 6);
    QCOMPARE(triggers().trigger(negative->def.id)->cursorBlock, 9);
    QCOMPARE(triggers().trigger(limited->def.id)->cursorBlock, 9);
    QVERIFY(!triggers().triggerState(limited->def.id)->isEmpty());
    QVERIFY(rows("trigger_state_history", QStringLiteral("trigger_id = ?"), {limited->def.id}) >= 1);
    auto listed = triggers().trigger(negative->def.id);
    QCOMPARE(listed->deliveries24h, 4);
    QCOMPARE(listed->lastFiredAt, std::optional<qint64>(T0));

    // Each delivery id is stable per (trigger, action, event) and its payload is the default body.
    auto row = m_store->query(QLatin1String("SELECT id, payload, action_type FROM ") + m_store->admin("trigger_deliveries")
                                  + QLatin1String(" WHERE trigger_id = ? AND block_number = 8 AND action_type = 'rest'"),
                              {negative->def.id});
    QCOMPARE(row->size(), 1);
    const TriggerEvent event8 = triggers().events(ChainId, RegistryKind::Reputation, 8, 8)->first();
    QCOMPARE(row->first()[0].toString(),
             deliveryIdFor(negative->def.id, negative->def.actions[0].id, ChainId, event8.event.txHash, event8.event.logIndex));
    const QJsonObject body = QJsonDocument::fromJson(row->first()[1].toByteArray()).object();
    QCOMPARE(body.value(QLatin1String("deliveryId")).toString(), row->first()[0].toString());
    QCOMPARE(body.value(QLatin1String("event")).toObject().value(QLatin1String("value")).toString(), QStringLiteral("-7"));
    QCOMPARE(event8.blockTimestamp, 1700000000 + 8 * 12);
    QCOMPARE(event8.blockHash, hashOf(8));

    // Nothing new: a second evaluation writes nothing.
    QCOMPARE(evaluate(), 0);
    QCOMPARE(rows("trigger_deliveries"), 6);

    // The hourly counts hold each event once, whatever the number of triggers.
    auto counts = triggers().eventCounts(0, ChainId);
    QVERIFY(counts);
    qint64 total = 0;
    for (const EventCountHour &c : *counts)
        total += c.count;
    QCOMPARE(total, 4);
}

void TestTriggerStore::continuesAfterRestartWithTheSameState()
{
    auto limited = triggers().addTrigger(rateLimited());
    QVERIFY(limited);
    promote(7, {feedback(3, 0, QStringLiteral("1")), feedback(5, 0, QStringLiteral("2"))});
    QCOMPARE(evaluate(), 2);
    const QJsonArray state = *triggers().triggerState(limited->def.id);

    // A new connection, as after a restart: the same state, the same cursor.
    m_store = m_db->open();
    m_store->setClock([this]() { return m_now; });
    QCOMPARE(*triggers().triggerState(limited->def.id), state);
    QCOMPARE(triggers().trigger(limited->def.id)->cursorBlock, 7);
    QCOMPARE(evaluate(), 0);
    // A third feedback within the hour: the restored state mutes it.
    promote(9, {feedback(9, 0, QStringLiteral("3"))});
    QCOMPARE(evaluate(), 0);
    QCOMPARE(triggers().trigger(limited->def.id)->cursorBlock, 9);
    QCOMPARE(rows("trigger_deliveries"), 2);
}

void TestTriggerStore::waitsForConfirmationsAndNeverStoresAnEventsEndpoint()
{
    // Three confirmations of its own, counted both on the node's head and on the blocks indexed;
    // its MCP action calls the agent's own endpoint, which is
    // looked up from the agent's registration when the delivery is sent: whatever endpoint an
    // event names, none is stored with the delivery.
    TriggerDef def = parsed("{'name': 'deep', 'chain': 7, 'registry': 'reputation', 'confirmations': 3,"
                            " 'conditions': [{'type': 'event_type_equals', 'event': 'NewFeedback'}],"
                            " 'actions': [{'type': 'mcp', 'resolveEndpoint': true, 'tool': 'agent.receiveFeedback'}]}");
    auto added = triggers().addTrigger(def);
    QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
    QCOMPARE(added->cursorBlock, -1);              // nothing indexed yet: from the start block on
    AgentEvent silent = feedback(6, 0, QStringLiteral("1"));
    silent.endpoint.reset();
    promote(9, {feedback(5, 0, QStringLiteral("1")), silent});
    auto run = triggers().evaluate(ChainId, 8);    // the node is at 8: events up to block 5
    QVERIFY(run);
    QCOMPARE(run->deliveries, 1);
    QCOMPARE(triggers().trigger(added->def.id)->cursorBlock, 5);
    // The node is at 12, but the blocks indexed (to 9) confirm only up to block 6: the node's head
    // alone may be past a reorg the indexer has not reached, whose events must not fire.
    run = triggers().evaluate(ChainId, 12);
    QCOMPARE(run->deliveries, 1);
    QCOMPARE(triggers().trigger(added->def.id)->cursorBlock, 6);
    promote(12, {});
    run = triggers().evaluate(ChainId, 12);
    QCOMPARE(run->deliveries, 0);
    QCOMPARE(triggers().trigger(added->def.id)->cursorBlock, 9);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'pending'")), 2);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("target IS NOT NULL AND target <> ''")), 0);
}

void TestTriggerStore::aDisabledActionHoldsAndResumesInEventOrder()
{
    auto added = triggers().addTrigger(negativeFeedback());
    QVERIFY(added);
    const qint64 rest = added->def.actions[0].id;   // priority 1: the webhook
    QCOMPARE(added->def.actions[0].type, ActionType::Rest);
    promote(5, {feedback(3, 0, QStringLiteral("-1"))});
    QCOMPARE(evaluate(), 2);
    auto claimed = triggers().claimDue(QStringLiteral("worker-a"), m_now, 10, 30000);
    QCOMPARE(claimed->size(), 2);
    const QString first = claimed->first().id;
    QCOMPARE(claimed->first().action.id, rest);

    // The receiver answers 410: the action is disabled, this delivery held (open, not failed).
    DeliveryAttempt gone{first, QStringLiteral("worker-a"), DeliveryAttempt::Outcome::Hold, 410, 20, QStringLiteral("HTTP 410"), {}, 0, m_now};
    DeliveryAttempt telegram{claimed->at(1).id, QStringLiteral("worker-a"), DeliveryAttempt::Outcome::Success, 200, 20, {}, {}, 0, m_now};
    QVERIFY(triggers().recordAttempts({gone, telegram}));
    QVERIFY(*ActionStore(*m_store).isDisabled({DeliverySource::Trigger, rest}));
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("held = 1 AND status = 'retrying'")), 1);

    // Later events: the webhook's deliveries are held from the start, Telegram's are not.
    promote(9, {feedback(8, 2, QStringLiteral("-3")), feedback(7, 1, QStringLiteral("-2"))});
    QCOMPARE(evaluate(), 4);
    m_now += 3600 * 1000;
    claimed = triggers().claimDue(QStringLiteral("worker-a"), m_now, 10, 30000);
    QCOMPARE(claimed->size(), 2);
    for (const ClaimedDelivery &d : *claimed)
        QCOMPARE(d.action.type, ActionType::Telegram);
    auto health = ActionStore(*m_store).actions(m_now, added->def.id);
    QVERIFY2(health, qPrintable(health ? QString() : health.error().toString()));
    const auto webhook = std::find_if(health->cbegin(), health->cend(), [&](const ActionHealth &h) { return h.actionId == rest; });
    QVERIFY(webhook != health->cend());
    QCOMPARE(webhook->state, ActionState::Disabled);
    QCOMPARE(webhook->held, 3);
    QCOMPARE(webhook->pending, 0);
    QVERIFY(!webhook->nextAttemptAt);

    // Enabled: the three are due at once and claimed in the order of their events.
    auto resumed = ActionStore(*m_store).enable({DeliverySource::Trigger, rest}, m_now);
    QCOMPARE(*resumed, 3);
    claimed = triggers().claimDue(QStringLiteral("worker-a"), m_now, 10, 30000);
    QCOMPARE(claimed->size(), 3);
    QCOMPARE(claimed->at(0).blockNumber, 3);
    QCOMPARE(claimed->at(1).blockNumber, 7);
    QCOMPARE(claimed->at(2).blockNumber, 8);
    QCOMPARE(claimed->at(0).id, first);
    QVERIFY(!*ActionStore(*m_store).isDisabled({DeliverySource::Trigger, rest}));
}

void TestTriggerStore::aBatchOfAttemptsEndsAsOneByOne()
{
    // A worker records its attempts in batches; each delivery and action ends as if they had
    // been recorded one by one, in the order they ended.
    auto added = triggers().addTrigger(negativeFeedback());
    QVERIFY(added);
    const qint64 rest = added->def.actions[0].id;
    const qint64 telegram = added->def.actions[1].id;
    promote(9, {feedback(5, 0, QStringLiteral("-1")), feedback(6, 0, QStringLiteral("-2")), feedback(7, 0, QStringLiteral("-3")),
                feedback(8, 0, QStringLiteral("-4"))});
    QCOMPARE(evaluate(), 8);
    auto claimed = triggers().claimDue(QStringLiteral("worker-a"), m_now, 20, 30000);
    QCOMPARE(claimed->size(), 8);
    QStringList hooks, chats;   // in event order
    for (const ClaimedDelivery &d : *claimed)
        (d.action.id == rest ? hooks : chats).append(d.id);
    QCOMPARE(hooks.size(), 4);
    QCOMPARE(chats.size(), 4);

    using O = DeliveryAttempt::Outcome;
    const QString a = QStringLiteral("worker-a");
    const qint64 t = m_now;
    const QList<DeliveryAttempt> batch{
        {hooks[0], a, O::Retry, 503, 10, QStringLiteral("HTTP 503"), {}, t + 60000, t + 1},
        {chats[0], a, O::Success, 200, 10, {}, {}, 0, t + 2},
        {hooks[1], a, O::Success, 200, 10, {}, {}, 0, t + 3},
        {QStringLiteral("no-such-delivery"), a, O::Success, 200, 10, {}, {}, 0, t + 4},
        {hooks[2], a, O::Hold, 410, 10, QStringLiteral("HTTP 410"), {}, 0, t + 5},   // the webhook is gone
        {hooks[3], a, O::Retry, 503, 10, QStringLiteral("HTTP 503"), {}, t + 60000, t + 6},
        {chats[1], a, O::Fail, 404, 10, QStringLiteral("HTTP 404"), {}, 0, t + 7},
        {chats[2], a, O::Retry, 502, 10, QStringLiteral("HTTP 502"), {}, t + 60000, t + 8},
        {chats[2], a, O::Success, 200, 10, {}, {}, 0, t + 9},   // named twice: its second attempt
        {chats[3], a, O::Retry, 429, 10, QStringLiteral("HTTP 429"), {}, t + 60000, t + 10},
    };
    QVERIFY(triggers().recordAttempts(batch));

    auto delivery = [&](const QString &id) {
        auto r = m_store->query(QStringLiteral("SELECT status, attempts, held, claimed_by, next_attempt_at FROM ") + m_store->admin("trigger_deliveries")
                                    + QStringLiteral(" WHERE id = ?"),
                                {id});
        return r && r->size() == 1 ? r->first() : SqlRow();
    };
    // The webhook: disabled by the 410, so every open delivery of it is held, the ones retried
    // before the 410 in the same batch too; the one delivered stays delivered.
    QCOMPARE(delivery(hooks[0]).value(0).toString(), QStringLiteral("retrying"));
    QCOMPARE(delivery(hooks[0]).value(2).toInt(), 1);
    QCOMPARE(delivery(hooks[0]).value(4).toLongLong(), t + 60000);
    QCOMPARE(delivery(hooks[1]).value(0).toString(), QStringLiteral("success"));
    QCOMPARE(delivery(hooks[1]).value(2).toInt(), 0);
    QCOMPARE(delivery(hooks[2]).value(0).toString(), QStringLiteral("retrying"));
    QCOMPARE(delivery(hooks[2]).value(2).toInt(), 1);
    QCOMPARE(delivery(hooks[3]).value(2).toInt(), 1);
    for (const QString &id : hooks + chats) {
        QVERIFY2(delivery(id).value(3).isNull(), qPrintable(id));   // no claim left
        QCOMPARE(delivery(id).value(1).toInt(), id == chats[2] ? 2 : 1);
    }
    // Telegram: failed, delivered on its second attempt, retrying; never held.
    QCOMPARE(delivery(chats[0]).value(0).toString(), QStringLiteral("success"));
    QCOMPARE(delivery(chats[1]).value(0).toString(), QStringLiteral("failed"));
    QCOMPARE(delivery(chats[2]).value(0).toString(), QStringLiteral("success"));
    QCOMPARE(delivery(chats[3]).value(0).toString(), QStringLiteral("retrying"));
    QCOMPARE(delivery(chats[3]).value(2).toInt(), 0);

    auto health = ActionStore(*m_store).actions(t + 20, added->def.id);
    QVERIFY2(health, qPrintable(health ? QString() : health.error().toString()));
    const auto of = [&](qint64 id) { return *std::find_if(health->cbegin(), health->cend(), [&](const ActionHealth &h) { return h.actionId == id; }); };
    QCOMPARE(of(rest).state, ActionState::Disabled);
    QCOMPARE(of(rest).held, 3);
    QCOMPARE(of(rest).lastSuccessAt, t + 3);
    QCOMPARE(of(rest).lastHttpStatus, std::optional<int>(503));   // its last failure, after the 410
    QCOMPARE(of(telegram).state, ActionState::Ok);
    QCOMPARE(of(telegram).lastSuccessAt, t + 9);
    QCOMPARE(of(telegram).failingSince, t + 10);   // failing since the retry after its last success
    QCOMPARE(of(telegram).lastHttpStatus, std::optional<int>(429));
    QCOMPARE(of(telegram).dead, 1);

    // A result per attempt of a known delivery, numbered per delivery; the unknown one skipped.
    QCOMPARE(rows("action_results"), 10 - 1);
    auto results = triggers().results({});
    QVERIFY(results);
    QList<int> second;
    for (const ActionResult &r : *results) {
        if (r.deliveryId == chats[2])
            second.append(r.attempt);
    }
    std::sort(second.begin(), second.end());
    QCOMPARE(second, (QList<int>{1, 2}));
    auto metrics = triggers().actionMetrics(0);
    QVERIFY(metrics);
    qint64 total = 0, success = 0;
    for (const ActionMetricsHour &m : std::as_const(*metrics)) {
        total += m.total;
        success += m.success;
    }
    QCOMPARE(total, 9);
    QCOMPARE(success, 3);
}

void TestTriggerStore::theOutboxTakesABatchAsOneByOne()
{
    // Evaluation hands the outbox all of a trigger's deliveries at once: 70 rows (a statement of
    // 64, then smaller ones), one of them unrenderable, one id twice, the webhook disabled.
    auto added = triggers().addTrigger(negativeFeedback());
    QVERIFY(added);
    const Action &hook = added->def.actions[0];
    const Action &chat = added->def.actions[1];
    QVERIFY(ActionStore(*m_store).disable({DeliverySource::Trigger, hook.id}, QStringLiteral("HTTP 410"), m_now));
    QList<OutboxDelivery> batch;
    for (int i = 0; i < 70; ++i) {
        OutboxDelivery d;
        d.id = QStringLiteral("msg_batch_%1").arg(i);
        d.subject = DeliverySubject::trigger(added->def.id);
        const Action &a = i % 2 ? chat : hook;
        d.actionId = a.id;
        d.actionType = a.type;
        d.chainId = ChainId;
        d.blockNumber = 10 + i;
        d.event = QStringLiteral("{}");
        d.rendered = RenderedPayload{QByteArray("{\"n\":") + QByteArray::number(i) + '}', {}, {}};
        batch.append(d);
    }
    batch[7].rendered = Error::invalid(QStringLiteral("text"), QStringLiteral("the template does not parse"));
    batch.append(batch[3]);   // named twice
    DeliveryOutbox outbox(*m_store);
    auto written = outbox.addAll(batch);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().toString()));
    QCOMPARE(*written, 70);
    QCOMPARE(rows("trigger_deliveries"), 70);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'pending' AND held = 1")), 35);   // the disabled webhook's
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'pending' AND held = 0")), 34);   // the chat's, less the failed one
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'failed' AND id = 'msg_batch_7' AND last_error IS NOT NULL")), 1);
    QCOMPARE(rows("action_results"), 1);   // why msg_batch_7 was never sent, at attempt 0
    QCOMPARE(rows("action_results", QStringLiteral("delivery_id = 'msg_batch_7' AND attempt = 0 AND status = 'failed'")), 1);
    auto payload = m_store->query(QStringLiteral("SELECT payload FROM ") + m_store->admin("trigger_deliveries") + QStringLiteral(" WHERE id = 'msg_batch_69'"));
    QVERIFY(payload && payload->size() == 1);
    QCOMPARE(payload->first()[0].toByteArray(), QByteArray("{\"n\":69}"));

    // The same batch again writes nothing: each row exists and was never cancelled by a reorg.
    QCOMPARE(*outbox.addAll(batch), 0);
    QCOMPARE(rows("action_results"), 1);
    // Nothing half-written: a batch with one row that names no action is refused whole.
    QList<OutboxDelivery> bad{batch[0], batch[1]};
    bad[0].id = QStringLiteral("msg_new_0");
    bad[1].id = QStringLiteral("msg_new_1");
    bad[1].actionId = 0;
    QVERIFY(!outbox.addAll(bad));
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("id LIKE 'msg_new_%'")), 0);
}

void TestTriggerStore::claimsRetriesAndFinishesDeliveries()
{
    auto added = triggers().addTrigger(negativeFeedback());
    promote(5, {feedback(3, 0, QStringLiteral("-1"))});
    QCOMPARE(evaluate(), 2);

    auto claimed = triggers().claimDue(QStringLiteral("worker-a"), m_now, 10, 30000);
    QVERIFY2(claimed, qPrintable(claimed ? QString() : claimed.error().toString()));
    QCOMPARE(claimed->size(), 2);
    QCOMPARE(claimed->first().action.type, ActionType::Rest);   // priority 1 first
    QCOMPARE(claimed->first().subjectName, QStringLiteral("negative"));
    QCOMPARE(claimed->first().action.id, added->def.actions[0].id);
    QCOMPARE(claimed->first().event.value(QLatin1String("blockNumber")).toInteger(), 3);
    QVERIFY(triggers().claimDue(QStringLiteral("worker-b"), m_now, 10, 30000)->isEmpty());   // held
    const QString rest = claimed->at(0).id;
    const QString telegram = claimed->at(1).id;

    // The webhook answers 503: retried in 5 s; Telegram succeeds.
    DeliveryAttempt retry{rest, QStringLiteral("worker-a"), DeliveryAttempt::Outcome::Retry, 503, 120, QStringLiteral("HTTP 503"), QStringLiteral("busy"), m_now + 5000, 0};
    DeliveryAttempt done{telegram, QStringLiteral("worker-a"), DeliveryAttempt::Outcome::Success, 200, 40, {}, QStringLiteral("{\"ok\":true}"), 0, 0};
    QVERIFY(triggers().recordAttempts({retry, done}));
    auto counts = triggers().deliveryCounts();
    QCOMPARE(counts->retrying, 1);
    QCOMPARE(counts->success, 1);
    QVERIFY(triggers().claimDue(QStringLiteral("worker-b"), m_now, 10, 30000)->isEmpty());   // not due yet
    QCOMPARE(*triggers().nextDueAt(), std::optional<qint64>(m_now + 5000));

    m_now += 5000;
    auto again = triggers().claimDue(QStringLiteral("worker-b"), m_now, 10, 30000);
    QCOMPARE(again->size(), 1);
    QCOMPARE(again->first().id, rest);                 // the same delivery id on every attempt
    QCOMPARE(again->first().attempts, 1);
    DeliveryAttempt fail{rest, QStringLiteral("worker-b"), DeliveryAttempt::Outcome::Fail, 404, 30, QStringLiteral("HTTP 404"), {}, 0, 0};
    QVERIFY(triggers().recordAttempts({fail}));
    counts = triggers().deliveryCounts(added->def.id);
    QCOMPARE(counts->failed, 1);
    QCOMPARE(counts->success, 1);
    QCOMPARE(counts->retrying + counts->pending, 0);
    QCOMPARE(*triggers().nextDueAt(), std::optional<qint64>());

    auto results = triggers().results({});
    QCOMPARE(results->size(), 3);
    QCOMPARE(results->first().status, DeliveryStatus::Failed);   // newest first
    QCOMPARE(results->first().attempt, 2);
    QCOMPARE(results->first().httpStatus, std::optional<int>(404));
    QCOMPARE(results->first().logIndex, 0);
    QCOMPARE(results->first().blockNumber, 3);
    QCOMPARE(results->last().status, DeliveryStatus::Retrying);

    auto metrics = triggers().actionMetrics(0);
    QVERIFY(metrics);
    qint64 total = 0, success = 0, failure = 0;
    for (const ActionMetricsHour &m : *metrics) {
        total += m.total;
        success += m.success;
        failure += m.failure;
        QVERIFY(m.p95Ms.has_value());
    }
    QCOMPARE(total, 3);
    QCOMPARE(success, 1);
    QCOMPARE(failure, 2);
    auto minutes = triggers().deliveriesPerMinute(0);
    QVERIFY(minutes && !minutes->isEmpty());
    QCOMPARE(minutes->first().success + minutes->first().retrying, 2);
    // p95 of 40 ms and 120 ms is reported within the buckets' ±9 %.
    QVERIFY(qAbs(*minutes->first().p95Ms - 120) <= 12);
}

void TestTriggerStore::twoHoldersNeverClaimTheSameDelivery()
{
    QVERIFY(triggers().addTrigger(negativeFeedback()));
    QList<AgentEvent> events;
    for (int i = 0; i < 15; ++i)
        events.append(feedback(2 + i, 0, QStringLiteral("-1")));
    promote(20, events);
    QCOMPARE(evaluate(), 30);

    QList<QStringList> taken(2);
    auto work = [this, &taken](int holder) {
        auto store = m_db->open(false);
        const QString name = QStringLiteral("holder-%1").arg(holder);
        for (int empty = 0; empty < 3;) {
            auto claimed = TriggerStore(*store).claimDue(name, T0, 3, 600000);
            if (!claimed || claimed->isEmpty()) {
                ++empty;
                continue;
            }
            for (const ClaimedDelivery &d : *claimed)
                taken[holder].append(d.id);
        }
    };
    std::thread a(work, 0), b(work, 1);
    a.join();
    b.join();
    const QSet<QString> first(taken[0].cbegin(), taken[0].cend());
    const QSet<QString> second(taken[1].cbegin(), taken[1].cend());
    QCOMPARE(first.size() + second.size(), 30);
    QVERIFY(!first.intersects(second));
    QCOMPARE(taken[0].size() + taken[1].size(), 30);

    // A lapsed claim can be taken; a released one at once.
    QVERIFY(triggers().claimDue(QStringLiteral("late"), T0 + 1000, 50, 1000)->isEmpty());
    QCOMPARE(triggers().claimDue(QStringLiteral("late"), T0 + 600001, 50, 1000)->size(), 30);
    QCOMPARE(*triggers().releaseClaims(QStringLiteral("late")), 30);
    QCOMPARE(triggers().claimDue(QStringLiteral("other"), T0 + 600001, 50, 1000)->size(), 30);
}

void TestTriggerStore::rollbackCancelsOpenDeliveriesAndRestoresState()
{
    auto limited = triggers().addTrigger(rateLimited());
    auto negative = triggers().addTrigger(negativeFeedback());
    promote(9, {feedback(6, 0, QStringLiteral("-1")), feedback(8, 0, QStringLiteral("-2"))});
    QCOMPARE(evaluate(), 2 + 4);
    auto countedEvents = [this]() {
        qint64 total = 0;
        const auto counts = triggers().eventCounts(0, ChainId);
        for (const EventCountHour &c : *counts)
            total += c.count;
        return total;
    };
    QCOMPARE(countedEvents(), 2);
    // The state as of block 6: its history row.
    auto at6 = m_store->query(QLatin1String("SELECT state FROM ") + m_store->admin("trigger_state_history")
                                  + QLatin1String(" WHERE trigger_id = ? AND block_number = 6"),
                              {limited->def.id});
    QCOMPARE(at6->size(), 1);
    const QJsonArray stateAt6 = QJsonDocument::fromJson(at6->first()[0].toString().toUtf8()).array();

    ReorgRecord reorg{ChainId, QDateTime::currentDateTimeUtc(), 7, 2, 9, hashOf(8), hashOf(8, 1)};
    QVERIFY(IndexStore(*m_store).rollBackTo(reorg, evmEntities()));
    // Block 8's three open deliveries are cancelled with the reason, each with a result row.
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'cancelled'")), 3);
    auto cancelled = triggers().results([] {
        ResultFilter f;
        f.status = DeliveryStatus::Cancelled;
        f.limit = 100;
        return f;
    }());
    QCOMPARE(cancelled->size(), 3);
    QCOMPARE(cancelled->first().error, QStringLiteral("removed by a reorg at block 8"));
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'pending'")), 3);   // block 6 stays
    QCOMPARE(triggers().trigger(limited->def.id)->cursorBlock, 7);
    QCOMPARE(triggers().trigger(negative->def.id)->cursorBlock, 7);
    QCOMPARE(*triggers().triggerState(limited->def.id), stateAt6);
    QCOMPARE(rows("trigger_state_history", QStringLiteral("block_number > 7")), 0);

    // The new fork re-includes block 8's event and adds one at block 9: the cancelled
    // deliveries come back under their ids, the new event gets its own.
    m_next = 8;
    m_tip = hashOf(7);
    promote(9, {feedback(8, 0, QStringLiteral("-2")), feedback(9, 0, QStringLiteral("-4"))}, 1);
    QCOMPARE(evaluate(), 3 + 2);   // limited: 8 only (twice an hour); negative: 8 and 9
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'cancelled'")), 0);
    QCOMPARE(rows("trigger_deliveries"), 6 + 2);
    auto revived = m_store->query(QLatin1String("SELECT event FROM ") + m_store->admin("trigger_deliveries")
                                      + QLatin1String(" WHERE block_number = 8 AND action_type = 'telegram'"));
    const QJsonObject revivedEvent = QJsonDocument::fromJson(revived->first()[0].toString().toUtf8()).object();
    QCOMPARE(revivedEvent.value(QLatin1String("blockHash")).toString(), hashOf(8, 1).toHex());
    QCOMPARE(countedEvents(), 3);   // 6, and 8 and 9 of the new fork: 8 of the old one forgotten
}

void TestTriggerStore::dryRunWritesNothing()
{
    promote(9, {feedback(2, 0, QStringLiteral("-3")), feedback(4, 0, QStringLiteral("1")), feedback(8, 0, QStringLiteral("-1"))});
    TriggerDef def = negativeFeedback();
    auto result = triggers().dryRun(def, 0, 9);
    QVERIFY2(result, qPrintable(result ? QString() : result.error().toString()));
    QCOMPARE(result->events, 3);
    QCOMPARE(result->matches.size(), 2);
    QCOMPARE(result->matches.first().event.event.blockNumber, 2);
    QCOMPARE(result->matches.first().actions.size(), 2);
    QVERIFY(!result->matches.first().actions.first().body.isEmpty());
    QCOMPARE(result->throughBlock, 9);
    QVERIFY(!result->truncated);
    auto small = triggers().dryRun(def, 0, 9, 1);
    QCOMPARE(small->matches.size(), 1);
    QVERIFY(small->truncated);
    for (const char *table : {"triggers", "trigger_deliveries", "trigger_state", "action_results"})
        QCOMPARE(rows(table), 0);
    // Past the checkpoint: up to it.
    QCOMPARE(triggers().dryRun(def, 5, 1000)->throughBlock, 9);
    QCOMPARE(triggers().dryRun(def, 5, 2).error().field, QStringLiteral("range"));
    TriggerDef unknown = def;
    unknown.chainId = 99;
    QCOMPARE(triggers().dryRun(unknown, 0, 9).error().kind, Error::Kind::NotFound);
}

void TestTriggerStore::replayCreatesOnlyMissingDeliveries()
{
    promote(4, {feedback(2, 0, QStringLiteral("-3"))});
    auto added = triggers().addTrigger(negativeFeedback());
    promote(9, {feedback(6, 0, QStringLiteral("-1"))});
    QCOMPARE(evaluate(), 2);
    const QJsonArray state = *triggers().triggerState(added->def.id);

    auto replay = triggers().replay(added->def.id, 0, 9);
    QVERIFY2(replay, qPrintable(replay ? QString() : replay.error().toString()));
    QCOMPARE(replay->matches, 2);
    QCOMPARE(replay->created, 2);        // block 2, both actions
    QCOMPARE(replay->skipped, 2);        // block 6 had its deliveries
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("replay = ?"), {true}), 2);
    QCOMPARE(triggers().trigger(added->def.id)->cursorBlock, 9);
    QCOMPARE(*triggers().triggerState(added->def.id), state);
    auto twice = triggers().replay(added->def.id, 0, 9);
    QCOMPARE(twice->created, 0);
    QCOMPARE(twice->skipped, 4);
    auto beyond = triggers().replay(added->def.id, 0, 10);
    QVERIFY(!beyond);
    QCOMPARE(beyond.error().field, QStringLiteral("to"));
}

void TestTriggerStore::filtersResultsResendsAndSendsTests()
{
    auto added = triggers().addTrigger(negativeFeedback());
    auto other = triggers().addTrigger(rateLimited());
    promote(5, {feedback(3, 0, QStringLiteral("-1"))});
    QCOMPARE(evaluate(), 3);
    auto claimed = triggers().claimDue(QStringLiteral("w"), m_now, 10, 30000);
    QList<DeliveryAttempt> attempts;
    for (const ClaimedDelivery &d : *claimed)
        attempts.append({d.id, QStringLiteral("w"), d.action.type == ActionType::Telegram ? DeliveryAttempt::Outcome::Fail : DeliveryAttempt::Outcome::Success,
                         400, 10, QStringLiteral("refused"), {}, 0, 0});
    QVERIFY(triggers().recordAttempts(attempts));

    ResultFilter byTrigger;
    byTrigger.triggerId = added->def.id;
    QCOMPARE(triggers().results(byTrigger)->size(), 2);
    ResultFilter failed;
    failed.status = DeliveryStatus::Failed;
    auto failures = triggers().results(failed);
    QCOMPARE(failures->size(), 1);
    QCOMPARE(failures->first().actionType, ActionType::Telegram);
    QCOMPARE(failures->first().subjectName, QStringLiteral("negative"));
    ResultFilter rest;
    rest.actionType = ActionType::Rest;
    QCOMPARE(triggers().results(rest)->size(), 2);
    rest.triggerId = other->def.id;
    QCOMPARE(triggers().results(rest)->size(), 1);
    ResultFilter page;
    page.limit = 1;
    const qint64 newest = triggers().results(page)->first().id;
    page.beforeId = newest;
    QVERIFY(triggers().results(page)->first().id < newest);

    // Resend: the same delivery back to pending, attempts kept.
    auto resent = triggers().resend(failures->first().id);
    QVERIFY2(resent, qPrintable(resent ? QString() : resent.error().toString()));
    QCOMPARE(*resent, failures->first().deliveryId);
    auto again = triggers().claimDue(QStringLiteral("w"), m_now, 10, 30000);
    QCOMPARE(again->size(), 1);
    QCOMPARE(again->first().id, *resent);
    QCOMPARE(again->first().attempts, 1);
    QCOMPARE(triggers().resend(999999).error().kind, Error::Kind::NotFound);

    // A test delivery: real, marked, under its own id, not counted as fired.
    const TriggerEvent event = triggers().events(ChainId, RegistryKind::Reputation, 0, 5)->first();
    auto test = triggers().createTestDelivery(added->def.id, added->def.actions[0].id, event);
    QVERIFY2(test, qPrintable(test ? QString() : test.error().toString()));
    QVERIFY(test->startsWith(QLatin1String("test_")));
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("id = ? AND is_test = ? AND status = 'pending'"), {*test, true}), 1);
    QCOMPARE(triggers().trigger(added->def.id)->deliveries24h, 2);
    QCOMPARE(triggers().createTestDelivery(added->def.id, 424242, event).error().kind, Error::Kind::NotFound);

    // Deleting the trigger cancels its open deliveries (the test one) and keeps the log.
    QVERIFY(triggers().deleteTrigger(added->def.id));
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("id = ?"), {*test}), 1);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status IN ('pending', 'retrying')")), 0);
    auto log = triggers().results(byTrigger);
    QCOMPARE(log->first().status, DeliveryStatus::Cancelled);
    QCOMPARE(log->first().error, QStringLiteral("the trigger was deleted"));
    QVERIFY(log->first().subjectName.isEmpty());
}

void TestTriggerStore::chainDeletionRemovesTriggers()
{
    QVERIFY(triggers().addTrigger(negativeFeedback()));
    promote(5, {feedback(3, 0, QStringLiteral("-1"))});
    QCOMPARE(evaluate(), 2);
    ChainRegistry chains(*m_store);
    QVERIFY(chains.markChainDeleting(ChainId));
    QVERIFY(chains.removeGlobalRows(ChainId, evmEntities()));
    QVERIFY(chains.deleteTrackingRows(ChainId));
    QVERIFY(chains.dropChainTables(ChainId));
    auto forgotten = chains.forgetChain(ChainId);
    QVERIFY2(forgotten, qPrintable(forgotten ? QString() : forgotten.error().toString()));
    for (const char *table : {"triggers", "trigger_actions", "trigger_conditions", "trigger_state", "trigger_state_history",
                              "trigger_event_counts_hourly"})
        QCOMPARE(rows(table), 0);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'cancelled'")), 2);
    QVERIFY(chainFootprint(*m_store, ChainId).isEmpty());
}

} // namespace tst_triggerstore

ARBOR_GUILESS_TEST_MAIN(triggerstore, tst_triggerstore::TestTriggerStore)
#include "tst_triggerstore.moc"

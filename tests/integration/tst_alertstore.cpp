// AlertStore on both backends: rules (refusals write nothing), the alert history, and the
// deliveries a rule's alert puts into the trigger outbox: claimed, sent and recorded like a
// trigger's, told apart from triggers' by their source.

#include "testdatabase.h"
#include "triggerstorefixtures.h"

#include "model/entitydef.h"
#include "store/actionstore.h"
#include "store/alertstore.h"
#include "store/chainregistry.h"
#include "store/deliveryoutbox.h"
#include "store/triggerstore.h"
#include "testmain.h"
#include "triggers/alerttext.h"

#include <QJsonDocument>
#include <QTest>

using namespace arbor;
using namespace arbor::test;

namespace tst_alertstore {

namespace {

/// A rule file written with ' for " (moc does not read raw string literals).
AlertRule ruleFile(const char *json)
{
    auto rule = parseAlertRule(QJsonDocument::fromJson(QByteArray(json).replace('\'', '"')).object());
    if (!rule)
        qFatal("test rule: %s", qPrintable(rule.error().toString()));
    return *rule;
}

AlertRule lagRule()
{
    return ruleFile("{'name': 'Lag', 'chain': 7, 'kind': 'lag_blocks', 'threshold': 100, 'forSeconds': 0,"
                    " 'actions': [{'type': 'rest', 'url': 'http://127.0.0.1:9/hook', 'priority': 1},"
                    "             {'type': 'telegram', 'botToken': 'env:TG', 'chatId': '42', 'priority': 2}]}");
}

AlertRecord raisedBy(const AlertRule &rule, qint64 at)
{
    AlertRecord a;
    a.ruleId = rule.id;
    a.ruleName = rule.name;
    a.chainId = ChainId;
    a.kind = rule.kind;
    a.title = QStringLiteral("Lag: triggers is 250 blocks behind");
    a.text = QStringLiteral("Indexed to block 750 of 1000.");
    a.raisedAt = at;
    return a;
}

} // namespace

class TestAlertStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup() { m_store.reset(); m_db.reset(); }
    void addsEditsSilencesAndDeletesRules();
    void refusesDuplicatesAndUnknownChainsWritingNothing();
    void raisedAlertQueuesOneDeliveryPerAction();
    void clearedAlertSendsResolvedUnlessTurnedOff();
    void silencedRuleRecordsButDeliversNothing();
    void deliveriesAreSentAndRecordedApartFromTriggers();
    void deletedRuleCancelsItsOpenDeliveries();
    void ruleNeverTouchesTheDeliveriesOfTheTriggerWithItsNumber();
    void deadLettersOfTriggersLeaveTheRuleActionWithTheirNumber();
    void alertAndTriggerDeliveriesComeFromOneWriter();
    void outboxRefusesRowsWithoutOneSubject();
    void acknowledgesAndListsHistory();
    void storesKindAndParamsAndKeepsOldRowsText();

private:
    AlertStore alerts() { return AlertStore(*m_store); }
    void addTriggerAndRuleNumberedAlike(TriggerRecord &trigger, AlertRule &rule);
    qint64 rows(const char *admin, const QString &where = QStringLiteral("1 = 1"), const QVariantList &params = {})
    {
        return m_store->rowCount(m_store->admin(admin), where, params).value_or(-1);
    }

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Store> m_store;
    qint64 m_now = T0;
};

void TestAlertStore::init()
{
    ARBOR_REQUIRE_BACKEND();
    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    m_store = m_db->open();
    QVERIFY(m_store);
    m_now = T0;
    m_store->setClock([this]() { return m_now; });
    ChainConfig config = sampleChain(ChainId, QStringLiteral("triggers"));
    config.startBlock = 0;
    config.tokens.clear();
    QVERIFY(ChainRegistry(*m_store).registerChain(config, {}, evmEntities()));
}

void TestAlertStore::addsEditsSilencesAndDeletesRules()
{
    auto added = alerts().addRule(lagRule());
    QVERIFY2(added, qPrintable(added ? QString() : added.error().toString()));
    QVERIFY(added->id > 0);
    QCOMPARE(added->chainId, std::optional<qint64>(ChainId));
    QCOMPARE(added->actions.size(), 2);
    QVERIFY(added->actions[0].id > 0 && added->actions[1].id > 0);
    QCOMPARE(added->actions[1].chatId, QStringLiteral("42"));
    const qint64 restId = added->actions[0].id;

    AlertRule edited = *added;
    edited.name = QStringLiteral("Lag on chain 7");
    edited.threshold = 500;
    edited.actions.removeLast();
    auto saved = alerts().updateRule(edited);
    QVERIFY(saved);
    QCOMPARE(saved->name, QStringLiteral("Lag on chain 7"));
    QCOMPARE(saved->threshold, 500.0);
    QCOMPARE(saved->actions.size(), 1);
    QCOMPARE(saved->actions[0].id, restId);   // kept: same position, same type

    auto silenced = alerts().setSilence(added->id, T0 + 3600000);
    QVERIFY(silenced);
    QVERIFY(silenced->silencedAt(T0));
    QVERIFY(!silenced->silencedAt(T0 + 3600000));
    auto editedAgain = alerts().updateRule(*saved);   // an edit keeps the silence
    QCOMPARE(editedAgain->silencedUntilMs, T0 + 3600000);
    QCOMPARE(alerts().setSilence(added->id, 0)->silencedUntilMs, 0);
    QVERIFY(!alerts().setEnabled(added->id, false)->enabled);

    QVERIFY(alerts().deleteRule(added->id));
    QCOMPARE(alerts().rules()->size(), 0);
    QCOMPARE(rows("alert_rule_actions"), 0);
    QCOMPARE(alerts().deleteRule(added->id).error().kind, Error::Kind::NotFound);
}

void TestAlertStore::refusesDuplicatesAndUnknownChainsWritingNothing()
{
    QVERIFY(alerts().addRule(lagRule()));
    auto twice = alerts().addRule(lagRule());
    QVERIFY(!twice);
    QCOMPARE(twice.error().kind, Error::Kind::Conflict);
    QCOMPARE(twice.error().field, QStringLiteral("name"));

    AlertRule elsewhere = lagRule();
    elsewhere.name = QStringLiteral("Elsewhere");
    elsewhere.chainId = 999;
    auto unknown = alerts().addRule(elsewhere);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().field, QStringLiteral("chain"));
    QCOMPARE(rows("alert_rules"), 1);
    QCOMPARE(rows("alert_rule_actions"), 2);
}

void TestAlertStore::raisedAlertQueuesOneDeliveryPerAction()
{
    auto rule = alerts().addRule(lagRule());
    QVERIFY(rule);
    auto raised = alerts().recordRaised(raisedBy(*rule, T0 - 5000));
    QVERIFY2(raised, qPrintable(raised ? QString() : raised.error().toString()));
    QVERIFY(raised->first.id > 0);
    QCOMPARE(raised->second, 2);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'alert' AND status = 'pending' AND alert_rule_id = ?"), {rule->id}), 2);

    // The REST body is the alert's context; the Telegram text the default summary.
    auto claimed = TriggerStore(*m_store).claimDue(QStringLiteral("w"), m_now, 10, 30000);
    QVERIFY(claimed);
    QCOMPARE(claimed->size(), 2);
    const ClaimedDelivery &rest = claimed->at(0).action.type == ActionType::Rest ? claimed->at(0) : claimed->at(1);
    const ClaimedDelivery &telegram = claimed->at(0).action.type == ActionType::Rest ? claimed->at(1) : claimed->at(0);
    QCOMPARE(rest.source, DeliverySource::Alert);
    QCOMPARE(rest.subjectName, QStringLiteral("Lag"));
    QCOMPARE(rest.id, AlertStore::deliveryIdFor(raised->first.id, rule->actions[0].id, false));
    const QJsonObject body = QJsonDocument::fromJson(rest.payload).object();
    QCOMPARE(body.value(QLatin1String("deliveryId")).toString(), rest.id);
    const QJsonObject alert = body.value(QLatin1String("alert")).toObject();
    QCOMPARE(alert.value(QLatin1String("state")).toString(), QStringLiteral("raised"));
    QCOMPARE(alert.value(QLatin1String("kind")).toString(), QStringLiteral("lag_blocks"));
    QCOMPARE(alert.value(QLatin1String("chainId")).toInteger(), ChainId);
    QCOMPARE(body.value(QLatin1String("rule")).toObject().value(QLatin1String("threshold")).toDouble(), 100.0);
    QCOMPARE(body.value(QLatin1String("chain")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("triggers"));
    QCOMPARE(QString::fromUtf8(telegram.payload), QStringLiteral("ALERT: Lag: triggers is 250 blocks behind\nIndexed to block 750 of 1000."));
    QCOMPARE(rows("alert_history", QStringLiteral("cleared_at IS NULL")), 1);
}

void TestAlertStore::clearedAlertSendsResolvedUnlessTurnedOff()
{
    auto rule = alerts().addRule(lagRule());
    auto raised = alerts().recordRaised(raisedBy(*rule, T0));
    QVERIFY(raised);
    auto cleared = alerts().recordCleared(raisedBy(*rule, T0), T0 + 90000);
    QVERIFY(cleared);
    QCOMPARE(*cleared, 2);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'alert' AND id = ?"),
                  {AlertStore::deliveryIdFor(raised->first.id, rule->actions[0].id, true)}),
             1);
    auto history = alerts().history({});
    QCOMPARE(history->size(), 1);
    QCOMPARE(history->first().clearedAt, std::optional<qint64>(T0 + 90000));
    QVERIFY(!history->first().active());
    QCOMPARE(*alerts().recordCleared(raisedBy(*rule, T0), T0 + 99000), 0);   // already closed

    AlertRule quiet = *rule;
    quiet.sendResolved = false;
    QVERIFY(alerts().updateRule(quiet));
    QVERIFY(alerts().recordRaised(raisedBy(*rule, T0 + 100000)));
    QCOMPARE(*alerts().recordCleared(raisedBy(*rule, T0 + 100000), T0 + 200000), 0);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'alert'")), 6);   // 2 + 2 resolved + 2 raised
}

void TestAlertStore::silencedRuleRecordsButDeliversNothing()
{
    auto rule = alerts().addRule(lagRule());
    QVERIFY(alerts().setSilence(rule->id, T0 + 60000));
    auto raised = alerts().recordRaised(raisedBy(*rule, T0));
    QVERIFY(raised);
    QCOMPARE(raised->second, 0);
    QVERIFY(raised->first.silenced);
    QCOMPARE(*alerts().recordCleared(raisedBy(*rule, T0), T0 + 120000), 0);   // nothing raised went out: no resolved
    QCOMPARE(rows("trigger_deliveries"), 0);
    QCOMPARE(rows("alert_history", QStringLiteral("silenced = ?"), {true}), 1);

    m_now = T0 + 60000;   // the silence is over
    auto later = alerts().recordRaised(raisedBy(*rule, m_now));
    QCOMPARE(later->second, 2);
}

void TestAlertStore::deliveriesAreSentAndRecordedApartFromTriggers()
{
    // A trigger and an alert rule with the same id 1: results and counts keep them apart.
    auto trigger = TriggerStore(*m_store).addTrigger(parsed("{'name': 'fb', 'chain': 7, 'registry': 'reputation',"
                                                            " 'actions': [{'type': 'rest', 'url': 'http://127.0.0.1:9/t'}]}"));
    QVERIFY2(trigger, qPrintable(trigger ? QString() : trigger.error().toString()));
    auto rule = alerts().addRule(lagRule());
    QCOMPARE(rule->id, trigger->def.id);
    QVERIFY(alerts().recordRaised(raisedBy(*rule, T0)));

    TriggerStore store(*m_store);
    auto claimed = store.claimDue(QStringLiteral("w"), m_now, 10, 30000);
    QCOMPARE(claimed->size(), 2);
    QList<DeliveryAttempt> attempts;
    for (const ClaimedDelivery &d : *claimed) {
        DeliveryAttempt a;
        a.deliveryId = d.id;
        a.holder = QStringLiteral("w");
        a.outcome = d.action.type == ActionType::Rest ? DeliveryAttempt::Outcome::Success : DeliveryAttempt::Outcome::Fail;
        a.httpStatus = d.action.type == ActionType::Rest ? 200 : 401;
        a.durationMs = 12;
        attempts.append(a);
    }
    QVERIFY(store.recordAttempts(attempts));

    ResultFilter ofAlerts;
    ofAlerts.source = DeliverySource::Alert;
    auto results = store.results(ofAlerts);
    QCOMPARE(results->size(), 2);
    for (const ActionResult &r : *results) {
        QCOMPARE(r.source, DeliverySource::Alert);
        QCOMPARE(r.subjectName, QStringLiteral("Lag"));
    }
    ResultFilter ofTrigger;
    ofTrigger.source = DeliverySource::Trigger;
    ofTrigger.triggerId = trigger->def.id;
    QCOMPARE(store.results(ofTrigger)->size(), 0);
    QCOMPARE(store.deliveryCounts(trigger->def.id)->success, 0);
    QCOMPARE(store.trigger(trigger->def.id)->deliveries24h, 0);
    // The delivery log of both shows them with the rule's name.
    QCOMPARE(store.results({})->size(), 2);

    // Deleting the trigger leaves the rule's deliveries alone.
    QVERIFY(alerts().recordRaised(raisedBy(*rule, T0 + 1000)));
    QVERIFY(store.deleteTrigger(trigger->def.id));
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'alert' AND status = 'pending'")), 2);
}

void TestAlertStore::deletedRuleCancelsItsOpenDeliveries()
{
    auto rule = alerts().addRule(lagRule());
    QVERIFY(alerts().recordRaised(raisedBy(*rule, T0)));
    QVERIFY(alerts().deleteRule(rule->id));
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'cancelled'")), 2);
    ResultFilter f;
    f.source = DeliverySource::Alert;
    auto results = TriggerStore(*m_store).results(f);
    QCOMPARE(results->size(), 2);
    QCOMPARE(results->first().status, DeliveryStatus::Cancelled);
    QCOMPARE(results->first().error, QStringLiteral("the alert rule was deleted"));
    QCOMPARE(alerts().history({})->size(), 1);   // the history stays
}

/// Trigger 1 with one REST action, and alert rule 1 (lagRule()) whose first action has the
/// trigger action's number too: only the source tells their rows apart.
void TestAlertStore::addTriggerAndRuleNumberedAlike(TriggerRecord &trigger, AlertRule &rule)
{
    auto addedTrigger = TriggerStore(*m_store).addTrigger(parsed("{'name': 'fb', 'chain': 7, 'registry': 'reputation',"
                                                                 " 'actions': [{'type': 'rest', 'url': 'http://127.0.0.1:9/t'}]}"));
    QVERIFY2(addedTrigger, qPrintable(addedTrigger ? QString() : addedTrigger.error().toString()));
    auto addedRule = alerts().addRule(lagRule());
    QVERIFY2(addedRule, qPrintable(addedRule ? QString() : addedRule.error().toString()));
    QCOMPARE(addedRule->id, addedTrigger->def.id);
    QCOMPARE(addedRule->actions[0].id, addedTrigger->def.actions[0].id);
    trigger = *addedTrigger;
    rule = *addedRule;
}

void TestAlertStore::ruleNeverTouchesTheDeliveriesOfTheTriggerWithItsNumber()
{
    // Trigger 1 and alert rule 1, both with pending deliveries: what the rule's verbs cancel
    // and what the trigger's log shows are the rule's rows and the trigger's, never each other's.
    TriggerStore triggers(*m_store);
    TriggerRecord trigger;
    AlertRule rule;
    addTriggerAndRuleNumberedAlike(trigger, rule);
    if (QTest::currentTestFailed())
        return;
    TriggerEvent event;
    event.chainId = ChainId;
    event.event = feedback(5, 0, QStringLiteral("-1"));
    auto test = triggers.createTestDelivery(trigger.def.id, trigger.def.actions[0].id, event);
    QVERIFY2(test, qPrintable(test ? QString() : test.error().toString()));
    QVERIFY(alerts().recordRaised(raisedBy(rule, T0)));
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("status = 'pending'")), 3);

    AlertRule oneAction = rule;
    oneAction.actions.removeLast();
    QVERIFY(alerts().updateRule(oneAction));   // cancels the removed action's delivery
    QVERIFY(alerts().deleteRule(rule.id));     // and then the other
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'alert' AND status = 'cancelled'")), 2);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("id = ? AND status = 'pending'"), {*test}), 1);
    QCOMPARE(triggers.deliveryCounts(trigger.def.id)->pending, 1);
    QCOMPARE(triggers.deliveryCounts(trigger.def.id)->cancelled, 0);

    // The trigger's log, asked by its id alone, holds none of the rule's cancellations.
    ResultFilter ofTrigger;
    ofTrigger.triggerId = trigger.def.id;
    auto logged = triggers.results(ofTrigger);
    QVERIFY(logged);
    QCOMPARE(logged->size(), 0);
    // The rule's, asked by its id, are its two, in rows that name no trigger.
    ResultFilter ofRule;
    ofRule.alertRuleId = rule.id;
    auto ruleLog = triggers.results(ofRule);
    QVERIFY(ruleLog);
    QCOMPARE(ruleLog->size(), 2);
    for (const ActionResult &r : *ruleLog) {
        QCOMPARE(r.source, DeliverySource::Alert);
        QCOMPARE(r.status, DeliveryStatus::Cancelled);
        QCOMPARE(r.subjectId, rule.id);
        QVERIFY(r.subjectName.isEmpty());   // the rule is gone
    }
    QCOMPARE(rows("action_results", QStringLiteral("source = 'alert' AND alert_rule_id = ? AND trigger_id IS NULL"), {rule.id}), 2);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'alert' AND alert_rule_id = ? AND trigger_id IS NULL"), {rule.id}), 2);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'trigger' AND trigger_id = ? AND alert_rule_id IS NULL"), {trigger.def.id}), 1);
}

void TestAlertStore::deadLettersOfTriggersLeaveTheRuleActionWithTheirNumber()
{
    // Trigger action 1 and alert rule action 1: the rule's delivery, refused for good, is a dead
    // letter of the rule's action. Picked by action id and source, the triggers' dead letters
    // (what `trigger results --dead` lists and `trigger resend --dead --action 1` sends again)
    // hold none of it; the rule's do.
    TriggerStore triggers(*m_store);
    TriggerRecord trigger;
    AlertRule rule;
    addTriggerAndRuleNumberedAlike(trigger, rule);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(alerts().recordRaised(raisedBy(rule, T0)));
    auto claimed = triggers.claimDue(QStringLiteral("w"), m_now, 10, 30000);
    QVERIFY(claimed);
    QList<DeliveryAttempt> attempts;
    for (const ClaimedDelivery &d : *claimed) {
        DeliveryAttempt a;
        a.deliveryId = d.id;
        a.holder = QStringLiteral("w");
        const bool refused = d.action.id == rule.actions[0].id;
        a.outcome = refused ? DeliveryAttempt::Outcome::Fail : DeliveryAttempt::Outcome::Success;
        a.httpStatus = refused ? 400 : 200;
        attempts.append(a);
    }
    QVERIFY(triggers.recordAttempts(attempts));

    ActionStore actions(*m_store);
    DeadLetterFilter ofTriggerAction;
    ofTriggerAction.source = DeliverySource::Trigger;
    ofTriggerAction.actionId = trigger.def.actions[0].id;
    auto none = actions.deadLetters(ofTriggerAction);
    QVERIFY(none);
    QCOMPARE(none->size(), 0);
    QCOMPARE(*actions.resendDead(ofTriggerAction, m_now), 0);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'alert' AND status = 'failed'")), 1);

    DeadLetterFilter ofRuleAction = ofTriggerAction;
    ofRuleAction.source = DeliverySource::Alert;
    auto dead = actions.deadLetters(ofRuleAction);
    QVERIFY(dead);
    QCOMPARE(dead->size(), 1);
    QCOMPARE(dead->first().source, DeliverySource::Alert);
    QCOMPARE(dead->first().subjectName, QStringLiteral("Lag"));
    QCOMPARE(*actions.resendDead(ofRuleAction, m_now), 1);
    QCOMPARE(rows("trigger_deliveries", QStringLiteral("source = 'alert' AND status = 'pending'")), 1);
}

void TestAlertStore::alertAndTriggerDeliveriesComeFromOneWriter()
{
    // A trigger's test delivery and an alert rule's delivery, as TriggerStore and AlertStore
    // write them: the same columns filled, the same defaults, each naming its own subject.
    TriggerStore triggers(*m_store);
    auto trigger = triggers.addTrigger(parsed("{'name': 'fb', 'chain': 7, 'registry': 'reputation',"
                                              " 'actions': [{'type': 'rest', 'url': 'http://127.0.0.1:9/t', 'priority': 1}]}"));
    QVERIFY(trigger);
    auto rule = alerts().addRule(lagRule());
    QVERIFY(rule);
    TriggerEvent event;
    event.chainId = ChainId;
    event.event = feedback(5, 0, QStringLiteral("-1"));
    auto test = triggers.createTestDelivery(trigger->def.id, trigger->def.actions[0].id, event);
    QVERIFY(test);
    auto raised = alerts().recordRaised(raisedBy(*rule, T0));
    QVERIFY(raised);

    const QStringList columns{QStringLiteral("source"), QStringLiteral("trigger_id"), QStringLiteral("alert_rule_id"),
                              QStringLiteral("action_id"), QStringLiteral("action_type"), QStringLiteral("priority"),
                              QStringLiteral("chain_id"), QStringLiteral("block_number"), QStringLiteral("log_index"),
                              QStringLiteral("tx_hash"), QStringLiteral("event"), QStringLiteral("payload"), QStringLiteral("target"),
                              QStringLiteral("status"), QStringLiteral("attempts"), QStringLiteral("next_attempt_at"),
                              QStringLiteral("claimed_by"), QStringLiteral("claimed_until"), QStringLiteral("last_error"),
                              QStringLiteral("reorged_at"), QStringLiteral("replay"), QStringLiteral("created_at"),
                              QStringLiteral("updated_at"), QStringLiteral("finished_at")};
    auto read = [&](const QString &id) {
        auto r = m_store->query(QLatin1String("SELECT ") + columns.join(QLatin1String(", ")) + QLatin1String(" FROM ")
                                    + m_store->admin("trigger_deliveries") + QLatin1String(" WHERE id = ?"),
                                {id});
        return r && r->size() == 1 ? r->first() : SqlRow();
    };
    const SqlRow ofTrigger = read(*test);
    const SqlRow ofAlert = read(AlertStore::deliveryIdFor(raised->first.id, rule->actions[0].id, false));
    QCOMPARE(ofTrigger.size(), columns.size());
    QCOMPARE(ofAlert.size(), columns.size());
    for (qsizetype i = 0; i < columns.size(); ++i) {
        if (columns[i] == u"trigger_id" || columns[i] == u"alert_rule_id")
            continue;
        QVERIFY2(ofTrigger[i].isNull() == ofAlert[i].isNull(), qPrintable(columns[i]));
    }
    auto at = [&](const SqlRow &row, const char *column) { return row[columns.indexOf(QLatin1String(column))]; };
    QCOMPARE(at(ofTrigger, "source").toString(), QStringLiteral("trigger"));
    QCOMPARE(at(ofTrigger, "trigger_id").toLongLong(), trigger->def.id);
    QVERIFY(at(ofTrigger, "alert_rule_id").isNull());
    QCOMPARE(at(ofAlert, "source").toString(), QStringLiteral("alert"));
    QCOMPARE(at(ofAlert, "alert_rule_id").toLongLong(), rule->id);
    QVERIFY(at(ofAlert, "trigger_id").isNull());
    for (const SqlRow &row : {ofTrigger, ofAlert}) {
        QCOMPARE(at(row, "status").toString(), QStringLiteral("pending"));
        QCOMPARE(at(row, "attempts").toInt(), 0);
        QCOMPARE(at(row, "priority").toInt(), 1);
        QCOMPARE(at(row, "action_type").toString(), QStringLiteral("rest"));
        QCOMPARE(at(row, "next_attempt_at").toLongLong(), T0);
        QCOMPARE(at(row, "created_at").toLongLong(), T0);
        QCOMPARE(at(row, "updated_at").toLongLong(), T0);
        QCOMPARE(at(row, "replay").toBool(), false);
        QCOMPARE(at(row, "tx_hash").toByteArray().size(), 32);
        for (const char *unset : {"target", "claimed_by", "claimed_until", "last_error", "reorged_at", "finished_at"})
            QVERIFY2(at(row, unset).isNull(), unset);
    }
}

void TestAlertStore::outboxRefusesRowsWithoutOneSubject()
{
    OutboxDelivery d;
    d.id = QStringLiteral("dlv_test");
    d.subject = DeliverySubject::alertRule(0);
    d.actionId = 1;
    d.chainId = ChainId;
    d.event = QStringLiteral("{}");
    auto noRule = DeliveryOutbox(*m_store).add(d);
    QVERIFY(!noRule);
    QCOMPARE(noRule.error().kind, Error::Kind::Invalid);
    QCOMPARE(noRule.error().field, QStringLiteral("rule"));
    d.subject = DeliverySubject::trigger(1);
    d.actionId = 0;
    QCOMPARE(DeliveryOutbox(*m_store).add(d).error().field, QStringLiteral("action"));
    d.actionId = 1;
    d.id.clear();
    QCOMPARE(DeliveryOutbox(*m_store).add(d).error().field, QStringLiteral("delivery"));
    OutboxResult pending;
    pending.deliveryId = QStringLiteral("dlv_test");
    pending.subject = DeliverySubject::trigger(1);
    pending.actionId = 1;
    pending.status = DeliveryStatus::Pending;
    QCOMPARE(DeliveryOutbox(*m_store).addResult(pending).error().field, QStringLiteral("status"));
    QCOMPARE(rows("trigger_deliveries"), 0);
    QCOMPARE(rows("action_results"), 0);

    // Nor does the database take a row in the old shape: an alert named in trigger_id.
    const Status oldShape = m_store->exec(QLatin1String("INSERT INTO ") + m_store->admin("trigger_deliveries")
                                              + QLatin1String(" (id, source, trigger_id, action_id, action_type, priority, chain_id, block_number, log_index, "
                                                              "tx_hash, event, payload, status, next_attempt_at, created_at, updated_at) "
                                                              "VALUES ('alr_x', 'alert', 1, 1, 'rest', 1, ?, 0, 0, ?, '{}', ?, 'pending', 0, 0, 0)"),
                                          {ChainId, QByteArray(32, '\0'), QByteArray()});
    QVERIFY(!oldShape);
    QCOMPARE(rows("trigger_deliveries"), 0);
}

void TestAlertStore::acknowledgesAndListsHistory()
{
    auto rule = alerts().addRule(lagRule());
    AlertRecord builtin;
    builtin.chainId = ChainId;
    builtin.kind = AlertKind::RpcDown;
    builtin.title = QStringLiteral("All RPC endpoints of triggers are down");
    builtin.raisedAt = T0 + 10;
    auto first = alerts().recordRaised(raisedBy(*rule, T0));
    auto second = alerts().recordRaised(builtin);
    QVERIFY(first && second);
    QCOMPARE(second->second, 0);   // built-in alerts deliver nothing

    auto acked = alerts().acknowledge(first->first.id, QStringLiteral("looking into it"));
    QVERIFY(acked);
    QCOMPARE(acked->acknowledgedAt, std::optional<qint64>(T0));
    QCOMPARE(acked->acknowledgedNote, QStringLiteral("looking into it"));
    QCOMPARE(alerts().acknowledge(12345, QString()).error().kind, Error::Kind::NotFound);
    QVERIFY(alerts().acknowledgeOpen(ChainId, AlertKind::RpcDown, std::nullopt, T0 + 10, QString()));

    QVERIFY(alerts().recordCleared(raisedBy(*rule, T0), T0 + 5000));
    AlertHistoryFilter active;
    active.activeOnly = true;
    auto open = alerts().history(active);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().kind, AlertKind::RpcDown);
    QVERIFY(open->first().acknowledgedAt.has_value());
    QVERIFY(!open->first().ruleId);

    // The rows an engine starting does not continue are closed, the others stay open.
    AlertRecord stalled = builtin;
    stalled.kind = AlertKind::Stalled;
    stalled.raisedAt = T0 + 20;
    auto third = alerts().recordRaised(stalled);
    QVERIFY(third);
    QCOMPARE(*alerts().closeOpen(T0 + 8000, {third->first.id, first->first.id}), 1);   // the first is closed already
    open = alerts().history(active);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().id, second->first.id);

    QCOMPARE(*alerts().closeOpen(T0 + 9000), 1);
    QCOMPARE(alerts().history(active)->size(), 0);
    auto all = alerts().history({});
    QCOMPARE(all->size(), 3);
    QCOMPARE(all->first().raisedAt, T0 + 20);   // newest first
    QCOMPARE(all->first().clearedAt, std::optional<qint64>(T0 + 8000));
}

void TestAlertStore::storesKindAndParamsAndKeepsOldRowsText()
{
    // What an engine stores since migration 10: the kind and params, with the English text.
    auto rule = alerts().addRule(ruleFile("{'name': 'Down', 'chain': 7, 'kind': 'rpc_down', 'forSeconds': 0,"
                                          " 'actions': [{'type': 'rest', 'url': 'http://127.0.0.1:9/hook'}]}"));
    QVERIFY(rule);
    AlertRecord down;
    down.ruleId = rule->id;
    down.ruleName = rule->name;
    down.chainId = ChainId;
    down.kind = AlertKind::RpcDown;
    down.raisedAt = T0 - 180000;
    down.params = QJsonObject{{QStringLiteral("chain"), QStringLiteral("Base")},
                              {QStringLiteral("host"), QStringLiteral("rpc.example.org")},
                              {QStringLiteral("error"), QStringLiteral("header not found")},
                              {QStringLiteral("answered"), true}};
    down.title = AlertText::title(down, AlertLanguage::English);
    down.text = AlertText::text(down, T0, AlertLanguage::English);
    auto raised = alerts().recordRaised(down);
    QVERIFY2(raised, qPrintable(raised ? QString() : raised.error().toString()));

    // An alert written before migration 10: no params, its text as the console that raised it
    // wrote it (here in German).
    QVERIFY(m_store->exec(QLatin1String("INSERT INTO ") + m_store->admin("alert_history")
                              + QLatin1String(" (rule_id, rule_name, chain_id, kind, title, text, silenced, raised_at) VALUES (NULL, NULL, ?, 'stalled', ?, ?, ?, ?)"),
                          {ChainId, QStringLiteral("triggers ist stehen geblieben"), QStringLiteral("Der Indexer hat angehalten."), false, T0 - 500000}));

    auto history = alerts().history({});
    QVERIFY(history);
    QCOMPARE(history->size(), 2);
    const AlertRecord &stored = history->at(0);
    QCOMPARE(stored.kind, AlertKind::RpcDown);
    QCOMPARE(stored.params, down.params);
    QCOMPARE(stored.title, QStringLiteral("Down: Base: the node answers with errors"));
    QCOMPARE(AlertText::text(stored, T0, AlertLanguage::English),
             QStringLiteral("Base: the node answers with errors (rpc.example.org: header not found). "
                            "Indexing waits and resumes by itself when a node answers again."));
    const AlertRecord &old = history->at(1);
    QVERIFY(old.params.isEmpty());
    QCOMPARE(AlertText::title(old, AlertLanguage::English), QStringLiteral("triggers ist stehen geblieben"));
    QCOMPARE(AlertText::text(old, T0, AlertLanguage::English), QStringLiteral("Der Indexer hat angehalten."));

    // The delivery carries the English text and the params a receiver may word its own message from.
    auto claimed = TriggerStore(*m_store).claimDue(QStringLiteral("w"), m_now, 10, 30000);
    QVERIFY(claimed);
    QCOMPARE(claimed->size(), 1);
    const QJsonObject alert = QJsonDocument::fromJson(claimed->first().payload).object().value(QLatin1String("alert")).toObject();
    QCOMPARE(alert.value(QLatin1String("kind")).toString(), QStringLiteral("rpc_down"));
    QCOMPARE(alert.value(QLatin1String("title")).toString(), stored.title);
    QCOMPARE(alert.value(QLatin1String("params")).toObject(), down.params);
    QVERIFY(!QString::fromUtf8(claimed->first().payload).contains(QLatin1String("[0]")));
}

} // namespace tst_alertstore

ARBOR_GUILESS_TEST_MAIN(alertstore, tst_alertstore::TestAlertStore)
#include "tst_alertstore.moc"

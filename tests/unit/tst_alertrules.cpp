// Alert rules: the rule file (what is refused, naming which field) and what AlertMonitor does
// with a rule: raised once it held its forSeconds, cleared once over, scoped to its chain,
// silenced, acknowledged, dropped with the rule.

#include "alerts/alertmonitor.h"
#include "testmain.h"
#include "triggers/alertrule.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace arbor;

namespace tst_alertrules {

namespace {

constexpr qint64 T0 = 1'800'000'000'000;   // a fixed "now", unix ms

/// JSON written with single quotes (Qt 6.4's moc loses a test class after a raw string).
QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QString::fromUtf8(text).replace(u'\'', u'"').toUtf8()).object();
}

ChainStatus status(qint64 chainId, qint64 head, qint64 indexed, IndexPhase phase = IndexPhase::CatchingUp)
{
    ChainStatus s;
    s.chainId = chainId;
    s.phase = phase;
    s.head = head;
    s.indexed = indexed;
    return s;
}

AlertRule rule(qint64 id, AlertKind kind, double threshold, std::optional<qint64> chainId = std::nullopt, int forSeconds = 30)
{
    AlertRule r;
    r.id = id;
    r.name = QStringLiteral("rule %1").arg(id);
    r.kind = kind;
    r.threshold = threshold;
    r.chainId = chainId;
    r.forSeconds = forSeconds;
    return r;
}

AlertPolicy policy()
{
    AlertPolicy p;
    p.raiseAfterMs = 10000;
    p.clearAfterMs = 60000;
    p.notifyCooldownMs = 900000;
    p.stallAfterMs = 3600000;   // the built-in stall stays out of these tests
    p.reorgDepth = 1000;
    return p;
}

QList<Alert> raised(const QSignalSpy &spy)
{
    QList<Alert> out;
    for (const QList<QVariant> &args : spy)
        out.append(args.at(0).value<Alert>());
    return out;
}

} // namespace

class TestAlertRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesARuleFile()
    {
        auto r = parseAlertRule(json("{'name': ' Base lag ', 'chain': 8453, 'kind': 'lag_blocks', 'threshold': 500, 'forSeconds': 120, 'sendResolved': false, 'actions': [{'type': 'rest', 'url': 'https://hooks.example.org/x', 'priority': 2}, {'type': 'telegram', 'botToken': 'env:TG', 'chatId': '7', 'priority': 1}]}"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->name, QStringLiteral("Base lag"));
        QCOMPARE(r->chainId, std::optional<qint64>(8453));
        QCOMPARE(r->kind, AlertKind::LagBlocks);
        QCOMPARE(r->threshold, 500.0);
        QCOMPARE(r->forSeconds, 120);
        QVERIFY(!r->sendResolved);
        QCOMPARE(r->actions.size(), 2);
        QCOMPARE(r->actions.first().type, ActionType::Telegram);   // priority order

        auto again = parseAlertRule(alertRuleToJson(*r));
        QVERIFY(again);
        QCOMPARE(*again, *r);

        auto all = parseAlertRule(json("{'name': 'down', 'chain': 'all', 'kind': 'rpc_down'}"));
        QVERIFY(all);
        QVERIFY(!all->chainId);
        QCOMPARE(all->forSeconds, AlertRule::DefaultForSeconds);
        QVERIFY(all->actions.isEmpty());

        // A hold is written like the silence's --for: seconds or a duration.
        auto minutes = parseAlertRule(json("{'name': 'down', 'kind': 'rpc_down', 'forSeconds': '5m'}"));
        QVERIFY2(minutes, qPrintable(minutes ? QString() : minutes.error().toString()));
        QCOMPARE(minutes->forSeconds, 300);
        auto hours = parseAlertRule(json("{'name': 'down', 'kind': 'rpc_down', 'forSeconds': '2h'}"));
        QVERIFY(hours);
        QCOMPARE(hours->forSeconds, 7200);
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("field");
        QTest::newRow("no name") << "{'kind': 'rpc_down'}" << "name";
        QTest::newRow("unknown kind") << "{'name': 'a', 'kind': 'lag'}" << "kind";
        QTest::newRow("threshold missing") << "{'name': 'a', 'kind': 'lag_blocks'}" << "threshold";
        QTest::newRow("negative lag") << "{'name': 'a', 'kind': 'lag_blocks', 'threshold': -1}" << "threshold";
        QTest::newRow("fractional lag") << "{'name': 'a', 'kind': 'lag_blocks', 'threshold': 2.5}" << "threshold";
        QTest::newRow("error rate over 100") << "{'name': 'a', 'kind': 'rpc_error_rate', 'threshold': 150}" << "threshold";
        QTest::newRow("threshold where none") << "{'name': 'a', 'kind': 'queue_errors', 'threshold': 1}" << "threshold";
        QTest::newRow("chain text") << "{'name': 'a', 'kind': 'rpc_down', 'chain': 'base'}" << "chain";
        QTest::newRow("chain zero") << "{'name': 'a', 'kind': 'rpc_down', 'chain': 0}" << "chain";
        QTest::newRow("hold too long") << "{'name': 'a', 'kind': 'rpc_down', 'forSeconds': 100000}" << "forSeconds";
        QTest::newRow("hold in words") << "{'name': 'a', 'kind': 'rpc_down', 'forSeconds': 'soon'}" << "forSeconds";
        QTest::newRow("hold of two days") << "{'name': 'a', 'kind': 'rpc_down', 'forSeconds': '2d'}" << "forSeconds";
        QTest::newRow("typo") << "{'name': 'a', 'kind': 'rpc_down', 'sendresolved': false}" << "sendresolved";
        QTest::newRow("bad url") << "{'name': 'a', 'kind': 'rpc_down', 'actions': [{'type': 'rest', 'url': 'ftp://x'}]}" << "actions[0].url";
        QTest::newRow("literal secret") << "{'name': 'a', 'kind': 'rpc_down', 'actions': [{'type': 'telegram', 'botToken': '123456:ABCdefGhIJKlmnoPQRstuVWXyz0123456789', 'chatId': '1'}]}"
                                        << "actions[0].botToken";
        QTest::newRow("event placeholder") << "{'name': 'a', 'kind': 'rpc_down', 'actions': [{'type': 'telegram', 'botToken': 'env:T', 'chatId': '1', 'text': 'agent {{ event.agentId }}'}]}"
                                           << "actions[0]";
        QTest::newRow("mcp to the event") << "{'name': 'a', 'kind': 'rpc_down', 'actions': [{'type': 'mcp', 'resolveEndpoint': true, 'tool': 't'}]}"
                                          << "actions[0].resolveEndpoint";
    }

    void refusesBadFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, field);
        auto r = parseAlertRule(json(file.toUtf8().constData()));
        QVERIFY(!r);
        QCOMPARE(r.error().field, field);
        QVERIFY(!r.error().message.isEmpty());
    }

    void lagRuleRaisedAfterItsHoldAndClearedOnceOver()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setRules({rule(1, AlertKind::LagBlocks, 100, std::nullopt, 30)});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        QSignalSpy down(&monitor, &AlertMonitor::alertCleared);

        monitor.updateChains({status(5, 1000, 950)}, T0);             // 50 behind: fine
        monitor.updateChains({status(5, 1200, 1000)}, T0 + 1000);     // 200 behind: holding
        monitor.updateChains({status(5, 1300, 1100)}, T0 + 30000);    // held 29 s
        QCOMPARE(up.size(), 0);
        monitor.updateChains({status(5, 1300, 1150)}, T0 + 31000);    // held 30 s
        QCOMPARE(up.size(), 1);
        const Alert a = raised(up).first();
        QCOMPARE(a.ruleId, qint64(1));
        QCOMPARE(a.kind, AlertKind::LagBlocks);
        QCOMPARE(a.chainId, qint64(5));
        QVERIFY(a.notify);
        QVERIFY(a.title.contains(QStringLiteral("rule 1")));
        QCOMPARE(a.raisedAt.toMSecsSinceEpoch(), T0 + 1000);
        QCOMPARE(monitor.activeAlerts().size(), 1);

        monitor.updateChains({status(5, 1300, 1290)}, T0 + 40000);    // caught up: over, not cleared yet
        monitor.updateChains({status(5, 1400, 1380)}, T0 + 69000);
        QCOMPARE(down.size(), 0);
        monitor.updateChains({status(5, 1400, 1390)}, T0 + 70000);    // over for its 30 s
        QCOMPARE(down.size(), 1);
        QVERIFY(monitor.activeAlerts().isEmpty());
    }

    void ruleForOneChainIgnoresOthers()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setRules({rule(2, AlertKind::LagBlocks, 10, qint64(7), 0)});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        monitor.updateChains({status(5, 1000, 0), status(7, 1000, 0)}, T0);
        QCOMPARE(up.size(), 1);
        QCOMPARE(raised(up).first().chainId, qint64(7));
    }

    void lagSecondsStallAndErrorRate()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setRules({rule(3, AlertKind::LagSeconds, 600, std::nullopt, 0), rule(4, AlertKind::Stalled, 5, std::nullopt, 0),
                          rule(5, AlertKind::RpcErrorRate, 25, std::nullopt, 0)});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);

        ChainStatus s = status(9, 500, 400);
        s.indexedTime = T0 / 1000 - 300;   // the checkpoint block is 5 minutes old
        EndpointRecord good;
        good.url = QUrl(QStringLiteral("http://a.example/"));
        good.requests = 100;
        good.errorRate = 0.02;
        EndpointRecord bad = good;
        bad.url = QUrl(QStringLiteral("http://b.example/"));
        bad.errorRate = 0.30;
        s.endpoints = {good};
        monitor.updateChains({s}, T0);
        QCOMPARE(up.size(), 0);

        s.indexedTime = T0 / 1000 - 700;   // 11 minutes old
        s.endpoints = {good, bad};
        monitor.updateChains({s}, T0 + 1000);
        QCOMPARE(up.size(), 2);
        QSet<AlertKind> kinds;
        for (const Alert &a : raised(up))
            kinds.insert(a.kind);
        QCOMPARE(kinds, (QSet<AlertKind>{AlertKind::LagSeconds, AlertKind::RpcErrorRate}));
        const Alert errors = raised(up).at(raised(up).at(0).kind == AlertKind::RpcErrorRate ? 0 : 1);
        QVERIFY2(errors.text.contains(QStringLiteral("b.example")), qPrintable(errors.text));

        // Same checkpoint for five minutes: stalled (the checkpoint first changed at T0).
        monitor.updateChains({s}, T0 + 5 * 60000);
        QCOMPARE(up.size(), 3);
        QCOMPARE(raised(up).last().kind, AlertKind::Stalled);
    }

    void silencedRuleShowsButDoesNotNotify()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        AlertRule r = rule(6, AlertKind::RpcDown, 0, std::nullopt, 0);
        r.silencedUntilMs = T0 + 3600000;
        monitor.setRules({r});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        monitor.updateChains({status(1, 10, 5, IndexPhase::RpcDown)}, T0);
        // The built-in "all endpoints down" waits its 10 s; the rule raises at once, silenced.
        QCOMPARE(up.size(), 1);
        QVERIFY(raised(up).first().silenced);
        QVERIFY(!raised(up).first().notify);
        QCOMPARE(monitor.activeAlerts().size(), 1);
    }

    void acknowledgedAlertsAreNotCounted()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setRules({rule(7, AlertKind::LagBlocks, 1, std::nullopt, 0)});
        QSignalSpy acked(&monitor, &AlertMonitor::alertAcknowledged);
        monitor.updateChains({status(1, 10, 5), status(2, 10, 5)}, T0);
        QCOMPARE(monitor.unacknowledgedCount(), 2);
        QVERIFY(monitor.acknowledge(2, AlertKind::LagBlocks, 7));
        QCOMPARE(acked.size(), 1);
        QCOMPARE(monitor.unacknowledgedCount(), 1);
        QCOMPARE(monitor.activeAlerts().size(), 2);
        QVERIFY(!monitor.acknowledge(3, AlertKind::LagBlocks, 7));   // nothing active there
    }

    void removedOrNarrowedRuleClearsItsAlerts()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setRules({rule(8, AlertKind::LagBlocks, 1, std::nullopt, 0), rule(9, AlertKind::LagBlocks, 2, std::nullopt, 0)});
        QSignalSpy down(&monitor, &AlertMonitor::alertCleared);
        monitor.updateChains({status(1, 10, 5), status(2, 10, 5)}, T0);
        QCOMPARE(monitor.activeAlerts().size(), 4);
        AlertRule narrowed = rule(9, AlertKind::LagBlocks, 2, qint64(1), 0);
        monitor.setRules({narrowed});   // rule 8 gone, rule 9 now only for chain 1
        QCOMPARE(down.size(), 3);
        QCOMPARE(monitor.activeAlerts().size(), 1);
        QCOMPARE(monitor.activeAlerts().first().chainId, qint64(1));
    }

    void deepReorgRuleAtItsDepth()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setRules({rule(10, AlertKind::DeepReorg, 2, std::nullopt, 0)});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        ReorgRecord shallow;
        shallow.chainId = 1;
        shallow.depth = 1;
        monitor.reorgHandled(shallow);
        QCOMPARE(up.size(), 0);
        ReorgRecord deep = shallow;
        deep.depth = 2;
        deep.ancestorBlock = 40;
        monitor.reorgHandled(deep);
        QCOMPARE(up.size(), 1);
        QCOMPARE(raised(up).first().ruleId, qint64(10));
        QVERIFY(monitor.activeAlerts().isEmpty());   // an event, never active
    }

    // One outage, one alert: a matching rule's alert, with the rule's hold both ways.
    void ruleAndBuiltInOnOneConditionAreOneAlert()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());   // the built-in raises after 10 s, clears 60 s after
        monitor.setRules({rule(20, AlertKind::RpcDown, 0, qint64(5), 30)});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        QSignalSpy down(&monitor, &AlertMonitor::alertCleared);
        for (qint64 t = 0; t < 29000; t += 1000)
            monitor.updateChains({status(5, 100, 90, IndexPhase::RpcDown)}, T0 + t);
        QCOMPARE(up.size(), 0);   // the built-in would have raised at 10 s
        QVERIFY(monitor.activeAlerts().isEmpty());
        for (qint64 t = 29000; t <= 180000; t += 1000)
            monitor.updateChains({status(5, 100, 90, IndexPhase::RpcDown)}, T0 + t);
        QCOMPARE(up.size(), 1);
        QCOMPARE(raised(up).first().ruleId, qint64(20));
        QCOMPARE(raised(up).first().raisedAt.toMSecsSinceEpoch(), T0);
        QCOMPARE(monitor.activeAlerts().size(), 1);
        QCOMPARE(monitor.counts(), (AlertCounts{1, 0}));

        // Back: cleared once, after the rule's 30 s (not the built-in's 60 s).
        for (qint64 t = 181000; t < 211000; t += 1000)
            monitor.updateChains({status(5, 100, 95, IndexPhase::Live)}, T0 + t);
        QCOMPARE(down.size(), 0);
        for (qint64 t = 211000; t < 300000; t += 1000)
            monitor.updateChains({status(5, 100, 100, IndexPhase::Live)}, T0 + t);
        QCOMPARE(down.size(), 1);
        QCOMPARE(up.size(), 1);
        QCOMPARE(raised(down).first().ruleId, qint64(20));
        QVERIFY(monitor.activeAlerts().isEmpty());
    }

    void builtInRaisesWhereNoEnabledRuleCovers_data()
    {
        QTest::addColumn<bool>("hasRule");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<qint64>("ruleChain");
        QTest::addColumn<int>("ruleKind");
        QTest::newRow("no rule") << false << true << qint64(5) << int(AlertKind::RpcDown);
        QTest::newRow("disabled rule") << true << false << qint64(5) << int(AlertKind::RpcDown);
        QTest::newRow("rule for another chain") << true << true << qint64(6) << int(AlertKind::RpcDown);
        QTest::newRow("rule of another kind") << true << true << qint64(5) << int(AlertKind::LagSeconds);
    }

    void builtInRaisesWhereNoEnabledRuleCovers()
    {
        QFETCH(bool, hasRule);
        QFETCH(bool, enabled);
        QFETCH(qint64, ruleChain);
        QFETCH(int, ruleKind);
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        if (hasRule) {
            AlertRule r = rule(21, AlertKind(ruleKind), AlertKind(ruleKind) == AlertKind::LagSeconds ? 86400 : 0, ruleChain, 0);
            r.enabled = enabled;
            monitor.setRules({r});
        }
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        QSignalSpy down(&monitor, &AlertMonitor::alertCleared);
        for (qint64 t = 0; t <= 20000; t += 1000)
            monitor.updateChains({status(5, 100, 90, IndexPhase::RpcDown)}, T0 + t);
        QCOMPARE(up.size(), 1);
        QCOMPARE(raised(up).first().ruleId, qint64(0));
        QCOMPARE(raised(up).first().raisedAt.toMSecsSinceEpoch(), T0);
        for (qint64 t = 21000; t <= 90000; t += 1000)
            monitor.updateChains({status(5, 100, 100, IndexPhase::Live)}, T0 + t);
        QCOMPARE(down.size(), 1);
        QCOMPARE(up.size(), 1);
    }

    void ruleOnAllChainsSubsumesEachChainsBuiltIn()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setRules({rule(22, AlertKind::RpcDown, 0, std::nullopt, 20)});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        for (qint64 t = 0; t <= 40000; t += 1000)
            monitor.updateChains({status(5, 100, 90, IndexPhase::RpcDown), status(6, 100, 90, IndexPhase::RpcDown)}, T0 + t);
        QCOMPARE(up.size(), 2);
        QSet<qint64> chains;
        for (const Alert &a : raised(up)) {
            QCOMPARE(a.ruleId, qint64(22));
            chains.insert(a.chainId);
        }
        QCOMPARE(chains, (QSet<qint64>{5, 6}));
        QCOMPARE(monitor.activeAlerts().size(), 2);
    }

    // A rule written while the built-in alert is raised takes over: the built-in clears at once
    // and the rule's alert follows its hold, so there is never more than one.
    void aNewRuleTakesOverARaisedBuiltIn()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        QSignalSpy down(&monitor, &AlertMonitor::alertCleared);
        for (qint64 t = 0; t <= 15000; t += 1000)
            monitor.updateChains({status(5, 100, 90, IndexPhase::RpcDown)}, T0 + t);
        QCOMPARE(up.size(), 1);
        monitor.setRules({rule(23, AlertKind::RpcDown, 0, std::nullopt, 5)});
        QCOMPARE(down.size(), 1);
        QCOMPARE(raised(down).first().ruleId, qint64(0));
        QVERIFY(monitor.activeAlerts().isEmpty());
        for (qint64 t = 16000; t <= 30000; t += 1000) {
            monitor.updateChains({status(5, 100, 90, IndexPhase::RpcDown)}, T0 + t);
            QVERIFY(monitor.activeAlerts().size() <= 1);
        }
        QCOMPARE(up.size(), 2);
        QCOMPARE(raised(up).last().ruleId, qint64(23));
    }

    void deepReorgRuleSubsumesTheBuiltIn()
    {
        AlertMonitor monitor;
        AlertPolicy p = policy();
        p.reorgDepth = 3;   // the built-in reports reorgs deeper than 3
        monitor.setPolicy(p);
        monitor.setRules({rule(24, AlertKind::DeepReorg, 10, qint64(1), 0)});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        ReorgRecord reorg;
        reorg.chainId = 1;
        reorg.depth = 5;   // the built-in's depth, not the rule's: the rule decides
        monitor.reorgHandled(reorg);
        QCOMPARE(up.size(), 0);
        reorg.depth = 12;
        monitor.reorgHandled(reorg);
        QCOMPARE(up.size(), 1);
        QCOMPARE(raised(up).first().ruleId, qint64(24));
        reorg.chainId = 2;   // not the rule's chain: the built-in
        monitor.reorgHandled(reorg);
        QCOMPARE(up.size(), 2);
        QCOMPARE(raised(up).last().ruleId, qint64(0));
    }

    void queueRules()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setRules({rule(11, AlertKind::QueueDelayed, 0, std::nullopt, 0)});
        QSignalSpy up(&monitor, &AlertMonitor::alertRaised);
        QueueHealth h;
        h.chainId = 3;
        h.status = QueueStatus::Healthy;
        monitor.updateQueues({h}, T0);
        QCOMPARE(up.size(), 0);
        h.status = QueueStatus::Delayed;
        monitor.updateQueues({h}, T0 + 1000);
        QCOMPARE(up.size(), 1);
        QCOMPARE(raised(up).first().kind, AlertKind::QueueDelayed);
    }
};

} // namespace tst_alertrules

ARBOR_GUILESS_TEST_MAIN(alertrules, tst_alertrules::TestAlertRules)
#include "tst_alertrules.moc"

// AlertMonitor: which snapshots raise and clear the console's alerts. LogSink: what the log
// panel receives.

#include "alerts/alertmonitor.h"
#include "buildpaths.h"
#include "logging/logsink.h"
#include "testmain.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace arbor;

namespace tst_alerts {

namespace {

Q_LOGGING_CATEGORY(lcTest, "arbor.test")

ChainStatus status(qint64 chainId, IndexPhase phase, qint64 head, qint64 indexed, const QString &message = QString())
{
    ChainStatus s;
    s.chainId = chainId;
    s.phase = phase;
    s.head = head;
    s.indexed = indexed;
    s.message = message;
    return s;
}

QueueHealth queue(qint64 chainId, QueueStatus st)
{
    QueueHealth h;
    h.chainId = chainId;
    h.status = st;
    h.errorsLastHour = 7;
    h.oldestPendingAgeMs = 125000;
    return h;
}

// A policy with round numbers: raised after 10 s, cleared after 60 s over, one notification per
// (chain, kind) in 15 min, stalled after 2 min without progress.
AlertPolicy policy()
{
    AlertPolicy p;
    p.stallAfterMs = 120000;
    p.reorgDepth = 3;
    p.raiseAfterMs = 10000;
    p.clearAfterMs = 60000;
    p.notifyCooldownMs = 900000;
    return p;
}

// What the operator was shown: raised alerts, those that popped up, cleared ones.
struct Seen
{
    explicit Seen(AlertMonitor &monitor)
        : raised(&monitor, &AlertMonitor::alertRaised)
        , cleared(&monitor, &AlertMonitor::alertCleared)
    {
    }
    int notified() const
    {
        int n = 0;
        for (const QList<QVariant> &args : raised)
            n += args.at(0).value<Alert>().notify;
        return n;
    }
    Alert lastRaised() const { return raised.last().at(0).value<Alert>(); }
    QSignalSpy raised;
    QSignalSpy cleared;
};

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rpcDownRaisedOnceItHoldsAndClearedOnceOver()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setChainNames({{5, QStringLiteral("Goerli")}});
        Seen seen(monitor);

        monitor.updateChains({status(5, IndexPhase::Live, 10, 10)}, 1000);
        // Down, every second for 9 s: not yet an alert.
        for (qint64 t = 2000; t < 12000; t += 1000)
            monitor.updateChains({status(5, IndexPhase::RpcDown, 10, 10, QStringLiteral("connection refused"))}, t);
        QCOMPARE(seen.raised.size(), 0);
        QVERIFY(monitor.activeAlerts().isEmpty());
        // Held for 10 s: raised once, dated when it began.
        for (qint64 t = 12000; t < 20000; t += 1000)
            monitor.updateChains({status(5, IndexPhase::RpcDown, 10, 10, QStringLiteral("connection refused"))}, t);
        QCOMPARE(seen.raised.size(), 1);
        const Alert alert = seen.lastRaised();
        QCOMPARE(alert.kind, Alert::Kind::RpcDown);
        QCOMPARE(alert.chainId, 5);
        QCOMPARE(alert.raisedAt.toMSecsSinceEpoch(), 2000);
        QVERIFY(alert.notify);
        QVERIFY2(alert.title.contains(u"Goerli"), qPrintable(alert.title));
        QVERIFY2(alert.text.contains(u"connection refused"), qPrintable(alert.text));
        QCOMPARE(monitor.activeAlerts().size(), 1);

        // Up again: still active for a minute, then cleared.
        monitor.updateChains({status(5, IndexPhase::Live, 11, 11)}, 20000);
        monitor.updateChains({status(5, IndexPhase::Live, 11, 11)}, 79000);
        QCOMPARE(seen.cleared.size(), 0);
        QCOMPARE(monitor.activeAlerts().size(), 1);
        monitor.updateChains({status(5, IndexPhase::Live, 11, 11)}, 80000);
        QCOMPARE(seen.cleared.size(), 1);
        QVERIFY(monitor.activeAlerts().isEmpty());
    }

    void aRestartContinuesTheAlertsAnEarlierEngineLeftOpen()
    {
        // The console restarted during an outage: the alert history has the rule's alert and a
        // built-in one open. They go on as the same alerts, and clear the way they would have.
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        monitor.setChainNames({{5, QStringLiteral("Goerli")}});
        AlertRule down;
        down.id = 7;
        down.name = QStringLiteral("node down");
        down.chainId = 5;
        down.kind = AlertKind::RpcDown;
        down.forSeconds = 30;
        monitor.setRules({down});
        Seen seen(monitor);

        AlertRecord ruled;
        ruled.id = 41;
        ruled.ruleId = down.id;
        ruled.ruleName = down.name;
        ruled.chainId = 5;
        ruled.kind = AlertKind::RpcDown;
        ruled.params = QJsonObject{{QStringLiteral("chain"), QStringLiteral("Goerli")}, {QStringLiteral("error"), QStringLiteral("connection refused")}};
        ruled.raisedAt = 500000;
        ruled.acknowledgedAt = 600000;
        AlertRecord older = ruled;   // the same condition, left open by an older engine still
        older.id = 12;
        older.raisedAt = 400000;
        AlertRecord queueErrors;
        queueErrors.id = 42;
        queueErrors.chainId = 5;
        queueErrors.kind = AlertKind::QueueErrors;
        queueErrors.params = QJsonObject{{QStringLiteral("errors"), 3}};
        queueErrors.raisedAt = 550000;
        AlertRecord reorg = queueErrors;   // an event: never open, never continued
        reorg.id = 43;
        reorg.kind = AlertKind::DeepReorg;
        AlertRecord closed = queueErrors;
        closed.id = 44;
        closed.kind = AlertKind::Stalled;
        closed.clearedAt = 560000;

        QList<qint64> continued = monitor.continueRecorded({ruled, older, queueErrors, reorg, closed}, 640000);
        std::sort(continued.begin(), continued.end());
        QCOMPARE(continued, (QList<qint64>{12, 42}));   // the oldest row of each open condition
        QCOMPARE(seen.raised.size(), 2);
        QCOMPARE(seen.notified(), 0);   // notified when they were raised
        const QList<Alert> active = monitor.activeAlerts();
        QCOMPARE(active.size(), 2);
        QCOMPARE(active.first().kind, AlertKind::RpcDown);
        QCOMPARE(active.first().raisedAt.toMSecsSinceEpoch(), 400000);
        QCOMPARE(active.first().ruleId, down.id);
        QVERIFY(active.first().carriedOver);
        QVERIFY(active.first().acknowledged);
        QVERIFY2(active.first().text.contains(u"connection refused"), qPrintable(active.first().text));
        QVERIFY2(active.first().text.contains(u"4 min"), qPrintable(active.first().text));   // down since 400 s, now 640 s
        QCOMPARE(active.last().kind, AlertKind::QueueErrors);
        QVERIFY(!active.last().acknowledged);

        // The indexer starting again says nothing about the node yet: the alert stays.
        monitor.updateChains({status(5, IndexPhase::Starting, 0, 0)}, 650000);
        monitor.updateChains({status(5, IndexPhase::Starting, 0, 0)}, 690000);
        QCOMPARE(seen.cleared.size(), 0);
        // Still down after the restart: the same alert, not raised again.
        for (qint64 t = 700000; t <= 760000; t += 1000)
            monitor.updateChains({status(5, IndexPhase::RpcDown, 10, 10, QStringLiteral("connection refused"))}, t);
        monitor.updateQueues({queue(5, QueueStatus::Errors)}, 760000);
        QCOMPARE(seen.raised.size(), 2);
        QCOMPARE(monitor.activeAlerts().size(), 2);
        // Over: cleared after the rule's hold time, dated when the earlier engine raised it.
        monitor.updateChains({status(5, IndexPhase::Live, 11, 11)}, 761000);
        monitor.updateChains({status(5, IndexPhase::Live, 11, 11)}, 791000);
        QCOMPARE(seen.cleared.size(), 1);
        const Alert over = seen.cleared.last().at(0).value<Alert>();
        QCOMPARE(over.kind, AlertKind::RpcDown);
        QCOMPARE(over.raisedAt.toMSecsSinceEpoch(), 400000);
        QVERIFY(over.carriedOver);
        // Down again later: a new alert, raised and notified as any other.
        for (qint64 t = 800000; t <= 830000; t += 1000)
            monitor.updateChains({status(5, IndexPhase::RpcDown, 11, 11, QStringLiteral("connection refused"))}, t);
        QCOMPARE(seen.raised.size(), 3);
        QVERIFY(!seen.lastRaised().carriedOver);
        QCOMPARE(seen.lastRaised().raisedAt.toMSecsSinceEpoch(), 800000);
    }

    void aContinuedAlertWaitsForItsChainToStart()
    {
        // An engine that restarts during an outage reads the open alerts beside taking its
        // chains' leases: the read may come back before a chain's indexer has said anything.
        // That silence is not "no longer indexed here" (which clears at once): the alert stays
        // until the chain reports, or for ContinuedReportGraceMs. (ThreadSanitizer's slowness
        // found this: the outage's alert was resolved and raised anew.)
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        AlertRule down;
        down.id = 7;
        down.name = QStringLiteral("node down");
        down.chainId = 5;
        down.kind = AlertKind::RpcDown;
        down.forSeconds = 0;
        AlertRule down8 = down;
        down8.id = 8;
        down8.chainId = 8;
        AlertRule down9 = down;
        down9.id = 9;
        down9.chainId = 9;
        monitor.setRules({down, down8, down9});
        Seen seen(monitor);
        const auto open = [&](qint64 id, qint64 chainId, const AlertRule &rule) {
            AlertRecord r;
            r.id = id;
            r.chainId = chainId;
            r.kind = AlertKind::RpcDown;
            r.ruleId = rule.id;
            r.ruleName = rule.name;
            r.params = QJsonObject{{QStringLiteral("network"), QStringLiteral("refused")}};
            r.raisedAt = 1000;
            return r;
        };

        QCOMPARE(monitor.continueRecorded({open(21, 5, down)}, 10000), QList<qint64>{21});
        QCOMPARE(seen.raised.size(), 1);
        // No status of chain 5 yet, only of another chain: the alert stays.
        monitor.updateChains({}, 11000);
        monitor.updateChains({status(6, IndexPhase::Live, 10, 10)}, 12000);
        QCOMPARE(seen.cleared.size(), 0);
        QCOMPARE(monitor.activeAlerts().size(), 1);
        // Then it starts, and is still down: the same alert, not raised again.
        monitor.updateChains({status(5, IndexPhase::Starting, 0, 0)}, 13000);
        monitor.updateChains({status(5, IndexPhase::RpcDown, 0, 0, QStringLiteral("connection refused"))}, 14000);
        QCOMPARE(seen.raised.size(), 1);
        QCOMPARE(seen.cleared.size(), 0);
        QVERIFY(monitor.activeAlerts().first().carriedOver);
        QCOMPARE(monitor.activeAlerts().first().raisedAt.toMSecsSinceEpoch(), 1000);
        // Once it has reported, its silence is news: no longer indexed here, cleared at once.
        monitor.updateChains({}, 15000);
        QCOMPARE(seen.cleared.size(), 1);
        QVERIFY(monitor.activeAlerts().isEmpty());

        // A chain that never reports is taken as not indexed here once the grace is over.
        QCOMPARE(monitor.continueRecorded({open(22, 8, down8)}, 20000), QList<qint64>{22});
        monitor.updateChains({}, 20000 + AlertMonitor::ContinuedReportGraceMs - 1);
        QCOMPARE(seen.cleared.size(), 1);
        monitor.updateChains({}, 20000 + AlertMonitor::ContinuedReportGraceMs);
        QCOMPARE(seen.cleared.size(), 2);
        // One reported stopped says it at once.
        QCOMPARE(monitor.continueRecorded({open(23, 9, down9)}, 300000), QList<qint64>{23});
        monitor.updateChains({status(9, IndexPhase::Stopped, 0, 0)}, 300001);
        QCOMPARE(seen.cleared.size(), 3);
        QVERIFY(monitor.activeAlerts().isEmpty());
    }

    void aContinuedAlertWhoseReasonIsGoneClearsAtOnce()
    {
        // What would have cleared it in the earlier engine: its rule deleted or disabled, its
        // chain paused, a rule now covering a built-in alert.
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        AlertRule lag;
        lag.id = 3;
        lag.name = QStringLiteral("behind");
        lag.kind = AlertKind::LagBlocks;
        lag.threshold = 100;
        AlertRule down = lag;
        down.id = 4;
        down.kind = AlertKind::RpcDown;
        down.threshold = 0;
        monitor.setRules({lag, down});
        monitor.retainChains({5});
        Seen seen(monitor);

        auto record = [](qint64 id, qint64 chainId, AlertKind kind, std::optional<qint64> ruleId) {
            AlertRecord r;
            r.id = id;
            r.chainId = chainId;
            r.kind = kind;
            r.ruleId = ruleId;
            r.raisedAt = 1000 * id;
            r.params = QJsonObject{{QStringLiteral("blocks"), 150}};
            return r;
        };
        const AlertRecord kept = record(1, 5, AlertKind::LagBlocks, lag.id);
        const AlertRecord ruleGone = record(2, 5, AlertKind::LagSeconds, 99);
        const AlertRecord chainGone = record(3, 6, AlertKind::LagBlocks, lag.id);
        const AlertRecord covered = record(4, 5, AlertKind::RpcDown, std::nullopt);
        QList<qint64> continued = monitor.continueRecorded({kept, ruleGone, chainGone, covered}, 20000);
        std::sort(continued.begin(), continued.end());
        QCOMPARE(continued, (QList<qint64>{1, 2, 3, 4}));
        QCOMPARE(seen.raised.size(), 4);
        QCOMPARE(seen.cleared.size(), 3);
        QList<qint64> clearedAt;
        for (const QList<QVariant> &args : seen.cleared)
            clearedAt.append(args.at(0).value<Alert>().raisedAt.toMSecsSinceEpoch());
        std::sort(clearedAt.begin(), clearedAt.end());
        QCOMPARE(clearedAt, (QList<qint64>{2000, 3000, 4000}));
        QCOMPARE(monitor.activeAlerts().size(), 1);
        QCOMPARE(monitor.activeAlerts().first().raisedAt.toMSecsSinceEpoch(), 1000);

        // An alert raised here before the open rows were read continues the recorded one.
        monitor.updateChains({status(5, IndexPhase::Live, 500, 300)}, 100000);
        monitor.updateChains({status(5, IndexPhase::RpcDown, 500, 300)}, 100000);
        QCOMPARE(seen.raised.size(), 4);
        down.forSeconds = 0;
        monitor.setRules({lag, down});
        monitor.updateChains({status(5, IndexPhase::RpcDown, 500, 300)}, 101000);
        QCOMPARE(seen.raised.size(), 5);
        QVERIFY(!seen.lastRaised().carriedOver);
        AlertRecord recorded = record(9, 5, AlertKind::RpcDown, down.id);
        recorded.raisedAt = 90000;
        QCOMPARE(monitor.continueRecorded({recorded}, 102000), QList<qint64>{9});
        QCOMPARE(seen.raised.size(), 5);   // already shown
        const QList<Alert> now = monitor.activeAlerts();
        const auto same = std::find_if(now.cbegin(), now.cend(), [](const Alert &a) { return a.kind == AlertKind::RpcDown; });
        QVERIFY(same != now.cend());
        QVERIFY(same->carriedOver);
        QCOMPARE(same->raisedAt.toMSecsSinceEpoch(), 90000);
    }

    void flappingEndpointIsOneAlert_data()
    {
        QTest::addColumn<int>("downMs");
        QTest::addColumn<int>("upMs");
        QTest::addColumn<int>("raised");
        QTest::addColumn<int>("notified");
        QTest::addColumn<int>("cleared");
        // Ten minutes of flapping, then quiet. Blips shorter than the raise delay are no alert.
        QTest::newRow("down 5 s, up 5 s") << 5000 << 5000 << 0 << 0 << 0;
        // Down long enough to be raised, but never up long enough to clear: one alert.
        QTest::newRow("down 20 s, up 20 s") << 20000 << 20000 << 1 << 1 << 1;
        QTest::newRow("down 30 s, up 50 s") << 30000 << 50000 << 1 << 1 << 1;
        // Up long enough to clear each time: raised and cleared every 100 s, notified once.
        QTest::newRow("down 30 s, up 70 s") << 30000 << 70000 << 6 << 1 << 6;
    }

    void flappingEndpointIsOneAlert()
    {
        QFETCH(int, downMs);
        QFETCH(int, upMs);
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        Seen seen(monitor);
        for (qint64 t = 0; t < 600000; t += 1000) {
            const bool down = t % (downMs + upMs) < downMs;
            monitor.updateChains({status(8, down ? IndexPhase::RpcDown : IndexPhase::Live, 100, 100)}, t);
        }
        for (qint64 t = 600000; t < 700000; t += 1000)
            monitor.updateChains({status(8, IndexPhase::Live, 100, 100)}, t);
        QTEST(int(seen.raised.size()), "raised");
        QTEST(seen.notified(), "notified");
        QTEST(int(seen.cleared.size()), "cleared");
        QVERIFY(monitor.activeAlerts().isEmpty());
    }

    void notifiedAgainAfterTheCooldown()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        Seen seen(monitor);
        auto episode = [&](qint64 from) {
            for (qint64 t = from; t <= from + 20000; t += 1000)
                monitor.updateChains({status(8, IndexPhase::RpcDown, 100, 100)}, t);
            for (qint64 t = from + 21000; t <= from + 90000; t += 1000)
                monitor.updateChains({status(8, IndexPhase::Live, 100, 100)}, t);
        };
        episode(0);
        episode(100000);
        QCOMPARE(seen.raised.size(), 2);
        QCOMPARE(seen.notified(), 1);
        QCOMPARE(seen.lastRaised().occurrence, 2);
        // A quarter of an hour after the notification: the operator is told again.
        episode(1000000);
        QCOMPARE(seen.raised.size(), 3);
        QCOMPARE(seen.notified(), 2);
        QCOMPARE(seen.lastRaised().occurrence, 1);
    }

    void stalledAtZeroBlocksPerSecond_data()
    {
        QTest::addColumn<int>("phase");
        QTest::addColumn<QString>("message");
        QTest::addColumn<qint64>("stalledAfterMs");
        QTest::addColumn<bool>("noProgress");
        QTest::addColumn<QString>("says");
        // The indexer stopped on an error of its own: raised once it holds, with the error.
        QTest::newRow("indexer says stalled on an error") << int(IndexPhase::Stalled) << QStringLiteral("database disk image is malformed")
                                                          << qint64(10000) << false << QStringLiteral("stopped on an error and retries by itself (database disk image is malformed)");
        // ChainIndexer's watchdog: stalled for want of progress alone. Its own words (in the
        // raising engine's language) stay out; the numbers say it in each reader's.
        QTest::newRow("indexer's watchdog says stalled") << int(IndexPhase::Stalled)
                                                         << QStringLiteral("Seit 120 s kein Block indiziert, 10000 Blöcke hinter dem Kopf.")
                                                         << qint64(10000) << true << QStringLiteral("behind the head and indexed no new block for 10 s");
        // It still says indexing at 0.0 blocks/s: the checkpoint that does not move says stalled.
        QTest::newRow("indexer says catching up") << int(IndexPhase::CatchingUp) << QString() << qint64(130000) << false << QStringLiteral("10000 block");
        QTest::newRow("indexer says live") << int(IndexPhase::Live) << QString() << qint64(130000) << false << QStringLiteral("10000 block");
    }

    void stalledAtZeroBlocksPerSecond()
    {
        QFETCH(int, phase);
        QFETCH(QString, message);
        QFETCH(qint64, stalledAfterMs);
        QFETCH(bool, noProgress);
        QFETCH(QString, says);
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        Seen seen(monitor);
        ChainStatus stuck = status(1, IndexPhase(phase), 20000, 10000, message);
        stuck.noProgress = noProgress;
        if (noProgress)
            stuck.lastProblem = QStringLiteral("header not found");   // the node's words before the stall
        stuck.blocksPerSecond = 0;
        for (qint64 t = 0; t < stalledAfterMs; t += 1000)
            monitor.updateChains({stuck}, t);
        QCOMPARE(seen.raised.size(), 0);
        monitor.updateChains({stuck}, stalledAfterMs);
        QCOMPARE(seen.raised.size(), 1);
        QCOMPARE(seen.lastRaised().kind, Alert::Kind::Stalled);
        QVERIFY2(seen.lastRaised().text.contains(says), qPrintable(seen.lastRaised().text));
        QCOMPARE(seen.lastRaised().params.contains(QLatin1String("error")), !message.isEmpty() && !noProgress);
        if (noProgress)
            QVERIFY2(seen.lastRaised().text.endsWith(QStringLiteral("Last problem: header not found")), qPrintable(seen.lastRaised().text));

        // Blocks are promoted again: cleared once that has lasted.
        ChainStatus moving = status(1, IndexPhase::CatchingUp, 20000, 10000);
        for (qint64 t = stalledAfterMs + 1000, n = 1; n <= 61; t += 1000, ++n) {
            moving.indexed = 10000 + n * 50;
            monitor.updateChains({moving}, t);
        }
        QCOMPARE(seen.cleared.size(), 1);
        QVERIFY(monitor.activeAlerts().isEmpty());
    }

    void atTheHeadIsNoStall()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        Seen seen(monitor);
        for (qint64 t = 0; t < 600000; t += 5000)
            monitor.updateChains({status(2, IndexPhase::Live, 40, 40)}, t);
        QCOMPARE(seen.raised.size(), 0);
    }

    void forgottenChainClearsEverywhere_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("paused (forgetChain)") << QStringLiteral("forget");
        QTest::newRow("deleted (not in the registry)") << QStringLiteral("retain");
        QTest::newRow("no longer reported") << QStringLiteral("unreported");
        QTest::newRow("indexer stopped") << QStringLiteral("stopped");
    }

    void forgottenChainClearsEverywhere()
    {
        QFETCH(QString, how);
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        Seen seen(monitor);
        // Chain 9 is down and its queue has errors; chain 4 is down too and stays.
        for (qint64 t = 0; t <= 10000; t += 1000) {
            monitor.updateChains({status(9, IndexPhase::RpcDown, 1, 1), status(4, IndexPhase::RpcDown, 1, 1)}, t);
            monitor.updateQueues({queue(9, QueueStatus::Errors)}, t);
        }
        QCOMPARE(monitor.activeAlerts().size(), 3);
        // What a slot connected to alertCleared reads: the monitor's state already final.
        QList<int> activeWhenCleared;
        connect(&monitor, &AlertMonitor::alertCleared, this,
                [&](const Alert &) { activeWhenCleared.append(int(monitor.activeAlerts().size())); });

        if (how == u"forget")
            monitor.forgetChain(9);
        else if (how == u"retain")
            monitor.retainChains({4});
        else if (how == u"unreported")
            monitor.updateChains({status(4, IndexPhase::RpcDown, 1, 1)}, 11000);
        else
            monitor.updateChains({status(9, IndexPhase::Stopped, 1, 1), status(4, IndexPhase::RpcDown, 1, 1)}, 11000);

        // Cleared at once, without waiting out the clear delay, and said so.
        const bool queueToo = how == u"forget" || how == u"retain";
        QCOMPARE(int(seen.cleared.size()), queueToo ? 2 : 1);
        for (const QList<QVariant> &args : std::as_const(seen.cleared))
            QCOMPARE(args.at(0).value<Alert>().chainId, 9);
        QCOMPARE(int(monitor.activeAlerts().size()), queueToo ? 1 : 2);
        QCOMPARE(activeWhenCleared.last(), int(monitor.activeAlerts().size()));
        for (const Alert &a : monitor.activeAlerts())
            QVERIFY(a.chainId == 4 || a.kind == Alert::Kind::QueueErrors);

        // Reported again later, it starts afresh: held for the raise delay first.
        const qint64 later = 20000;
        monitor.updateChains({status(9, IndexPhase::RpcDown, 1, 1), status(4, IndexPhase::RpcDown, 1, 1)}, later);
        QCOMPARE(int(seen.raised.size()), 3);
    }

    void deepReorgsOnly()
    {
        AlertMonitor monitor;
        monitor.setPolicy(policy());
        Seen seen(monitor);
        ReorgRecord shallow;
        shallow.chainId = 1;
        shallow.depth = 3;
        shallow.detectedAt = QDateTime::fromMSecsSinceEpoch(1700000000000);
        monitor.reorgHandled(shallow);
        QCOMPARE(seen.raised.size(), 0);
        ReorgRecord deep = shallow;
        deep.depth = 12;
        deep.ancestorBlock = 88;
        monitor.reorgHandled(deep);
        QCOMPARE(seen.raised.size(), 1);
        const Alert alert = seen.lastRaised();
        QCOMPARE(alert.kind, Alert::Kind::DeepReorg);
        QVERIFY(alert.title.contains(u"12"));
        QVERIFY(alert.text.contains(u"88"));
        QVERIFY(alert.notify);
        QVERIFY(monitor.activeAlerts().isEmpty());   // an event, not a condition
        // Another one a minute later is shown but does not pop up again.
        deep.detectedAt = deep.detectedAt.addSecs(60);
        monitor.reorgHandled(deep);
        QCOMPARE(seen.raised.size(), 2);
        QVERIFY(!seen.lastRaised().notify);
    }

    void queueDelayedAndErrors()
    {
        AlertMonitor monitor;
        AlertPolicy immediate = policy();
        immediate.raiseAfterMs = 0;
        immediate.clearAfterMs = 0;
        monitor.setPolicy(immediate);
        Seen seen(monitor);
        monitor.updateQueues({queue(1, QueueStatus::Healthy), queue(2, QueueStatus::HighLoad)}, 0);
        QCOMPARE(seen.raised.size(), 0);
        monitor.updateQueues({queue(1, QueueStatus::Delayed), queue(2, QueueStatus::Errors)}, 1000);
        QCOMPARE(seen.raised.size(), 2);
        monitor.updateQueues({queue(1, QueueStatus::Delayed), queue(2, QueueStatus::Errors)}, 2000);
        QCOMPARE(seen.raised.size(), 2);
        monitor.updateQueues({queue(1, QueueStatus::Errors), queue(2, QueueStatus::Healthy)}, 3000);
        // chain 1: DELAYED ends, ERRORS begins; chain 2: ERRORS ends.
        QCOMPARE(seen.raised.size(), 3);
        QCOMPARE(seen.cleared.size(), 2);
        QCOMPARE(monitor.activeAlerts().size(), 1);
        QCOMPARE(monitor.activeAlerts().first().kind, Alert::Kind::QueueErrors);
    }

    // Text an operator reads (alerts, tooltips, arborctl output) is UTF-8 in the sources: held
    // in a Latin-1 string it shows as mojibake ("â€”" for an em dash).
    void noUtf8TextInLatin1Holders()
    {
        const QString root = test::BuildPaths::sourceDir();
        QVERIFY2(QFileInfo::exists(root + QStringLiteral("/core/alerts/alertmonitor.cpp")), qPrintable(QStringLiteral("no source tree at ") + root));
        static const QRegularExpression latin1(QStringLiteral(
            "(QLatin1String(View)?\\s*\\(|QLatin1Char\\s*\\(|fromLatin1\\s*\\()\\s*(\"([^\"\\\\]|\\\\.)*[^\\x{0}-\\x{7f}]|'[^\\x{0}-\\x{7f}])"
            "|\"([^\"\\\\]|\\\\.)*[^\\x{0}-\\x{7f}]([^\"\\\\]|\\\\.)*\"_L1"));
        QStringList found;
        int files = 0;
        for (const char *dir : {"app", "core", "ui"}) {
            QDirIterator it(root + QLatin1Char('/') + QLatin1String(dir), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
                ++files;
                const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    if (lines[i].contains(latin1))
                        found.append(QStringLiteral("%1:%2: %3").arg(file.fileName()).arg(i + 1).arg(lines[i].trimmed()));
                }
            }
        }
        QVERIFY2(files > 100, qPrintable(QStringLiteral("only %1 source files under %2").arg(files).arg(root)));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    }

    void logSinkBatchesAndBounds()
    {
        LogSink sink(/*capacity*/ 3, /*intervalMs*/ 20);
        sink.install();
        QSignalSpy added(&sink, &LogSink::messagesAdded);
        for (int i = 0; i < 5; ++i)
            qCWarning(lcTest, "message %d", i);
        QVERIFY(added.wait(2000));
        // One batch for the burst, bounded by the capacity, newest kept.
        QCOMPARE(added.size(), 1);
        const auto batch = added.at(0).at(0).value<QList<LogMessage>>();
        QCOMPARE(batch.size(), 3);
        QCOMPARE(batch.last().text, QStringLiteral("message 4"));
        QCOMPARE(batch.last().category, QStringLiteral("arbor.test"));
        QCOMPARE(batch.last().type, QtWarningMsg);
        QCOMPARE(sink.messages().size(), 3);
        QCOMPARE(sink.messages().first().text, QStringLiteral("message 2"));

        // Messages from another thread arrive on the sink's thread.
        QThread *thread = QThread::create([] { qCCritical(lcTest, "from a worker"); });
        thread->start();
        thread->wait();
        delete thread;
        QVERIFY(added.wait(2000));
        QCOMPARE(added.last().at(0).value<QList<LogMessage>>().last().text, QStringLiteral("from a worker"));

        sink.uninstall();
        qCWarning(lcTest, "after uninstall");
        QTest::qWait(60);
        QCOMPARE(sink.messages().last().text, QStringLiteral("from a worker"));
    }
};

} // namespace tst_alerts

ARBOR_GUILESS_TEST_MAIN(alerts, tst_alerts::TestAlerts)
#include "tst_alerts.moc"

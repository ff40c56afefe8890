// AlertMonitor: which snapshots raise and clear the console's alerts. LogSink: what the log
// panel receives.

#include "alerts/alertmonitor.h"
#include "logging/logsink.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace arbor;

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

} // namespace

class TestAlerts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rpcDownRaisedOnceAndCleared()
    {
        AlertMonitor monitor;
        monitor.setChainNames({{5, QStringLiteral("Goerli")}});
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        QSignalSpy cleared(&monitor, &AlertMonitor::alertCleared);

        monitor.updateChains({status(5, IndexPhase::Live, 10, 10)}, 1000);
        QCOMPARE(raised.size(), 0);
        for (int tick = 0; tick < 3; ++tick)
            monitor.updateChains({status(5, IndexPhase::RpcDown, 10, 10, QStringLiteral("connection refused"))}, 2000 + tick);
        QCOMPARE(raised.size(), 1);
        const Alert alert = raised.at(0).at(0).value<Alert>();
        QCOMPARE(alert.kind, Alert::Kind::RpcDown);
        QCOMPARE(alert.chainId, 5);
        QVERIFY2(alert.title.contains(u"Goerli"), qPrintable(alert.title));
        QVERIFY2(alert.text.contains(u"connection refused"), qPrintable(alert.text));
        QCOMPARE(monitor.activeAlerts().size(), 1);

        monitor.updateChains({status(5, IndexPhase::Live, 11, 11)}, 5000);
        QCOMPARE(cleared.size(), 1);
        QVERIFY(monitor.activeAlerts().isEmpty());
    }

    void stalledByErrorOrByNoProgress()
    {
        AlertMonitor monitor;
        monitor.setPolicy({/*stallAfterMs*/ 60000, /*reorgDepth*/ 3});
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);

        // Behind the head, the checkpoint does not move: stalled after a minute, not before.
        monitor.updateChains({status(1, IndexPhase::CatchingUp, 500, 100)}, 0);
        monitor.updateChains({status(1, IndexPhase::CatchingUp, 500, 100)}, 59000);
        QCOMPARE(raised.size(), 0);
        monitor.updateChains({status(1, IndexPhase::CatchingUp, 500, 100)}, 61000);
        QCOMPARE(raised.size(), 1);
        QCOMPARE(raised.at(0).at(0).value<Alert>().kind, Alert::Kind::Stalled);
        QVERIFY(raised.at(0).at(0).value<Alert>().text.contains(u"400"));

        // Progress clears it.
        QSignalSpy cleared(&monitor, &AlertMonitor::alertCleared);
        monitor.updateChains({status(1, IndexPhase::CatchingUp, 500, 101)}, 62000);
        QCOMPARE(cleared.size(), 1);

        // At the head with no new blocks is not a stall.
        monitor.updateChains({status(2, IndexPhase::Live, 40, 40)}, 0);
        monitor.updateChains({status(2, IndexPhase::Live, 40, 40)}, 10 * 60000);
        QCOMPARE(raised.size(), 1);

        // The indexer's own stalled phase is an alert at once, with its message.
        monitor.updateChains({status(3, IndexPhase::Stalled, 40, 30, QStringLiteral("database is locked"))}, 0);
        QCOMPARE(raised.size(), 2);
        QCOMPARE(raised.at(1).at(0).value<Alert>().text, QStringLiteral("database is locked"));
    }

    void chainGoneEndsItsConditionsSilently()
    {
        AlertMonitor monitor;
        QSignalSpy cleared(&monitor, &AlertMonitor::alertCleared);
        monitor.updateChains({status(9, IndexPhase::RpcDown, 1, 1)}, 0);
        QCOMPARE(monitor.activeAlerts().size(), 1);
        monitor.updateChains({}, 1000);
        QVERIFY(monitor.activeAlerts().isEmpty());
        QCOMPARE(cleared.size(), 0);
    }

    void deepReorgsOnly()
    {
        AlertMonitor monitor;
        monitor.setPolicy({300000, 3});
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        ReorgRecord shallow;
        shallow.chainId = 1;
        shallow.depth = 3;
        monitor.reorgHandled(shallow);
        QCOMPARE(raised.size(), 0);
        ReorgRecord deep = shallow;
        deep.depth = 12;
        deep.ancestorBlock = 88;
        monitor.reorgHandled(deep);
        QCOMPARE(raised.size(), 1);
        const Alert alert = raised.at(0).at(0).value<Alert>();
        QCOMPARE(alert.kind, Alert::Kind::DeepReorg);
        QVERIFY(alert.title.contains(u"12"));
        QVERIFY(alert.text.contains(u"88"));
        QVERIFY(monitor.activeAlerts().isEmpty());   // an event, not a condition
    }

    void queueDelayedAndErrors()
    {
        AlertMonitor monitor;
        QSignalSpy raised(&monitor, &AlertMonitor::alertRaised);
        QSignalSpy cleared(&monitor, &AlertMonitor::alertCleared);
        monitor.updateQueues({queue(1, QueueStatus::Healthy), queue(2, QueueStatus::HighLoad)});
        QCOMPARE(raised.size(), 0);
        monitor.updateQueues({queue(1, QueueStatus::Delayed), queue(2, QueueStatus::Errors)});
        QCOMPARE(raised.size(), 2);
        monitor.updateQueues({queue(1, QueueStatus::Delayed), queue(2, QueueStatus::Errors)});
        QCOMPARE(raised.size(), 2);
        monitor.updateQueues({queue(1, QueueStatus::Errors), queue(2, QueueStatus::Healthy)});
        // chain 1: DELAYED ends, ERRORS begins; chain 2: ERRORS ends.
        QCOMPARE(raised.size(), 3);
        QCOMPARE(cleared.size(), 2);
        QCOMPARE(monitor.activeAlerts().size(), 1);
        QCOMPARE(monitor.activeAlerts().first().kind, Alert::Kind::QueueErrors);
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

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"

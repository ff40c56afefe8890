// ThreadReaper: threads told to stop are joined and deleted off the caller's thread, each once,
// in the order given; finish() ends the reaper without blocking; the destructor joins what is
// left, so no thread outlives its owner.

#include "engine/threadreaper.h"
#include "util/workerthread.h"
#include "testmain.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_threadreaper {

class TestThreadReaper final : public QObject
{
    Q_OBJECT

private slots:
    void joinsEachThreadOnceInTheOrderGiven();
    void finishResolvesOnceEveryThreadIsJoined();
    void finishWithNothingToJoin();
    void destructorJoinsWhatIsLeft();

private:
    /// A running thread whose one job takes `workMs`, after which its event loop quits (as an
    /// indexer's thread does once asked to stop). Its deletion is recorded in m_deleted.
    QThread *busyThread(const QString &name, int workMs);
    QStringList deleted() const;
    void waitUntilRunning(QThread *thread);

    mutable QMutex m_mutex;
    QStringList m_deleted;                      ///< written on the reaper thread
    QList<Qt::HANDLE> m_deletedOn;
};

QThread *TestThreadReaper::busyThread(const QString &name, int workMs)
{
    auto *thread = new QThread;
    thread->setObjectName(name);
    auto *worker = new QObject;
    worker->moveToThread(thread);
    connect(thread, &QThread::finished, worker, &QObject::deleteLater);
    connect(thread, &QObject::destroyed, this, [this, name] {
        QMutexLocker lock(&m_mutex);
        m_deleted.append(name);
        m_deletedOn.append(QThread::currentThreadId());
    }, Qt::DirectConnection);
    joinable(thread);
    thread->start();
    QMetaObject::invokeMethod(worker, [thread, workMs] {
        QThread::msleep(workMs);
        thread->quit();
    });
    return thread;
}

QStringList TestThreadReaper::deleted() const
{
    QMutexLocker lock(&m_mutex);
    return m_deleted;
}

void TestThreadReaper::waitUntilRunning(QThread *thread)
{
    QVERIFY(QTest::qWaitFor([thread] { return thread->isRunning(); }, 5000));
}

void TestThreadReaper::joinsEachThreadOnceInTheOrderGiven()
{
    m_deleted.clear();
    m_deletedOn.clear();
    ThreadReaper reaper;
    QThread *slow = busyThread(u"slow"_s, 1000);
    QThread *quick = busyThread(u"quick"_s, 10);
    QThread *middle = busyThread(u"middle"_s, 300);
    waitUntilRunning(slow);

    // Handing them over does not wait for them (the GUI thread must not).
    QElapsedTimer timer;
    timer.start();
    reaper.reap(slow);
    reaper.reap(quick);
    reaper.reap(middle);
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(deleted().isEmpty());

    // Joined in the order given, though "quick" finished first; each once, off this thread.
    QTRY_COMPARE_WITH_TIMEOUT(deleted().size(), 3, 10000);
    QCOMPARE(deleted(), (QStringList{u"slow"_s, u"quick"_s, u"middle"_s}));
    QMutexLocker lock(&m_mutex);
    for (Qt::HANDLE on : std::as_const(m_deletedOn))
        QVERIFY(on != QThread::currentThreadId());
}

void TestThreadReaper::finishResolvesOnceEveryThreadIsJoined()
{
    m_deleted.clear();
    ThreadReaper reaper;
    QThread *thread = busyThread(u"indexer"_s, 1000);
    waitUntilRunning(thread);
    reaper.reap(thread);
    QElapsedTimer timer;
    timer.start();
    QFuture<void> finished = reaper.finish();
    QVERIFY(timer.elapsed() < 500);             // no blocking
    QVERIFY(!finished.isFinished());
    QFuture<void> again = reaper.finish();      // the same run, not a second one
    QVERIFY(QTest::qWaitFor([&] { return finished.isFinished(); }, 10000));
    QVERIFY(again.isFinished());
    QCOMPARE(deleted(), QStringList{u"indexer"_s});
    QVERIFY2(timer.elapsed() >= 700, qPrintable(QString::number(timer.elapsed())));
}

void TestThreadReaper::finishWithNothingToJoin()
{
    QElapsedTimer timer;
    timer.start();
    {
        ThreadReaper reaper;
        QFuture<void> finished = reaper.finish();
        QVERIFY(QTest::qWaitFor([&] { return finished.isFinished(); }, 5000));
    }
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
}

void TestThreadReaper::destructorJoinsWhatIsLeft()
{
    m_deleted.clear();
    QElapsedTimer timer;
    {
        ThreadReaper reaper;
        QThread *first = busyThread(u"first"_s, 1000);
        QThread *second = busyThread(u"second"_s, 50);
        waitUntilRunning(first);
        reaper.reap(first);
        reaper.reap(second);
        timer.start();
    }
    // The owner goes: both were joined and deleted before the destructor returned.
    QCOMPARE(deleted(), (QStringList{u"first"_s, u"second"_s}));
    QVERIFY2(timer.elapsed() >= 700, qPrintable(QString::number(timer.elapsed())));
}

} // namespace tst_threadreaper

ARBOR_GUILESS_TEST_MAIN(threadreaper, tst_threadreaper::TestThreadReaper)
#include "tst_threadreaper.moc"

// arbor::then() and whenAll(): continuations of futures that other threads finish.

#include "testmain.h"
#include "util/continuation.h"
#include "util/workerthread.h"

#include <QPromise>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>

using namespace arbor;

namespace tst_continuation {

class TstContinuation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsOnceOnTheContextThreadWhileAnotherThreadFinishes();
    void passesTheResultAndReturnsAFutureOfWhatItReturns();
    void doesNotRunWhenTheContextIsDestroyedFirst();
    void contextDestroyedWhileAnotherThreadFinishes();
    void doesNotRunForACanceledFuture();
    void anExceptionReachesTheReturnedFuture();
    void whenAllWaitsForEveryFuture();
};

// The console's case: a store thread finishes a future at the moment the GUI thread attaches to
// it. then() must run the continuation exactly once, on the context's thread, with the result.
void TstContinuation::runsOnceOnTheContextThreadWhileAnotherThreadFinishes()
{
    constexpr int Rounds = 5000;
    QObject context;
    std::vector<int> runs(Rounds, 0);
    int wrongThread = 0;
    int wrongValue = 0;
    for (int round = 0; round < Rounds; ++round) {
        auto promise = std::make_shared<QPromise<int>>();
        promise->start();
        std::atomic<bool> go = false;
        std::thread finisher([promise, &go, round] {
            while (!go.load(std::memory_order_acquire)) {
            }
            // A different moment each round, to sweep the window in which the two threads meet.
            for (std::atomic<int> spin = (round * 7919) % 4000; spin.load(std::memory_order_relaxed) > 0;
                 spin.fetch_sub(1, std::memory_order_relaxed)) {
            }
            promise->addResult(round);
            promise->finish();
        });
        const QFuture<int> future = promise->future();
        go.store(true, std::memory_order_release);   // finish while attaching
        then(future, &context, [&, round](int value) {
            ++runs[round];
            wrongThread += QThread::currentThread() != context.thread();
            wrongValue += value != round;
        });
        finisher.join();
        if (round % 100 == 99)
            QCoreApplication::processEvents();
    }
    QTRY_VERIFY_WITH_TIMEOUT(std::count(runs.begin(), runs.end(), 0) == 0, 10000);
    QCoreApplication::processEvents();
    QCOMPARE(std::count_if(runs.begin(), runs.end(), [](int n) { return n != 1; }), 0);
    QCOMPARE(wrongThread, 0);
    QCOMPARE(wrongValue, 0);
}

void TstContinuation::passesTheResultAndReturnsAFutureOfWhatItReturns()
{
    QObject context;
    QPromise<int> promise;
    promise.start();
    const QFuture<QString> text = then(promise.future(), &context, [](int n) { return QString::number(n * 2); });
    bool voidRan = false;
    QFuture<void> done = then(text, &context, [&voidRan](const QString &s) { voidRan = s == QLatin1String("42"); });
    int seen = 0;
    then(done, &context, [&seen] { ++seen; });
    QVERIFY(!text.isFinished());   // nothing runs before the future finishes
    promise.addResult(21);
    promise.finish();
    QTRY_COMPARE(seen, 1);
    QVERIFY(text.isFinished());
    QCOMPARE(text.result(), QStringLiteral("42"));
    QVERIFY(voidRan);
    // A continuation attached to a finished future runs too, later, not inside then().
    int late = 0;
    then(promise.future(), &context, [&late](int n) { late = n; });
    QCOMPARE(late, 0);
    QTRY_COMPARE(late, 21);
}

void TstContinuation::doesNotRunWhenTheContextIsDestroyedFirst()
{
    QPromise<int> promise;
    promise.start();
    bool ran = false;
    QFuture<void> result;
    {
        QObject context;
        result = then(promise.future(), &context, [&ran](int) { ran = true; });
    }
    std::thread finisher([&promise] {
        promise.addResult(1);
        promise.finish();
    });
    finisher.join();
    QTest::qWait(50);
    QVERIFY(!ran);
    QVERIFY(result.isFinished());
    QVERIFY(result.isCanceled());
}

// A page or dialog closed while its read finishes on a store thread.
void TstContinuation::contextDestroyedWhileAnotherThreadFinishes()
{
    constexpr int Rounds = 3000;
    int ranAfterDestruction = 0;
    for (int round = 0; round < Rounds; ++round) {
        auto promise = std::make_shared<QPromise<int>>();
        promise->start();
        auto *context = new QObject;
        auto destroyed = std::make_shared<bool>(false);
        QObject::connect(context, &QObject::destroyed, [destroyed] { *destroyed = true; });
        then(promise->future(), context, [&ranAfterDestruction, destroyed](int) {
            if (*destroyed)
                ++ranAfterDestruction;
        });
        std::atomic<bool> go = false;
        std::thread finisher([promise, &go] {
            while (!go.load(std::memory_order_acquire)) {
            }
            promise->addResult(1);
            promise->finish();
        });
        go.store(true, std::memory_order_release);
        delete context;
        finisher.join();
    }
    QCoreApplication::processEvents();
    QCOMPARE(ranAfterDestruction, 0);
}

void TstContinuation::doesNotRunForACanceledFuture()
{
    QObject context;
    QPromise<int> promise;
    promise.start();
    bool ran = false;
    const QFuture<void> result = then(promise.future(), &context, [&ran](int) { ran = true; });
    promise.future().cancel();
    promise.finish();
    QTRY_VERIFY(result.isFinished());
    QVERIFY(result.isCanceled());
    QVERIFY(!ran);
}

void TstContinuation::anExceptionReachesTheReturnedFuture()
{
    QObject context;
    QPromise<int> promise;
    promise.start();
    const QFuture<int> result = then(promise.future(), &context, [](int) -> int { throw std::runtime_error("no"); });
    promise.addResult(1);
    promise.finish();
    QTRY_VERIFY(result.isFinished());
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, result.result());
}

void TstContinuation::whenAllWaitsForEveryFuture()
{
    QObject context;
    QVERIFY(whenAll({}, &context).isFinished());

    QList<std::shared_ptr<QPromise<void>>> promises;
    QList<QFuture<void>> futures;
    for (int i = 0; i < 5; ++i) {
        promises.append(std::make_shared<QPromise<void>>());
        promises.last()->start();
        futures.append(promises.last()->future());
    }
    const QFuture<void> all = whenAll(futures, &context);
    std::thread finisher([promises] {
        for (int i = 0; i < 4; ++i)
            promises.at(i)->finish();
    });
    finisher.join();
    QTest::qWait(50);
    QVERIFY(!all.isFinished());   // one is still running
    promises.last()->future().cancel();   // a canceled one counts as done
    promises.last()->finish();
    QTRY_VERIFY(all.isFinished());
}

} // namespace tst_continuation

ARBOR_GUILESS_TEST_MAIN(continuation, tst_continuation::TstContinuation)
#include "tst_continuation.moc"

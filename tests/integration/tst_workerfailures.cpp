// No worker takes the process down: a database job that throws fails alone and rolls back, a
// worker thread whose event loop meets an exception ends alone and says why, restarts back off,
// and a fatal signal leaves a crash report that the next run shows once.
#include "testdatabase.h"

#include "engine/storethread.h"
#include "logging/logsink.h"
#include "util/crashreporter.h"
#include "util/guardedthread.h"

#include <QDir>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <cstring>
#include <stdexcept>

using namespace arbor;
using namespace arbor::test;

namespace {

const QString ProbeTable = QStringLiteral("worker_failure_probe");

/// The result of `future`, the event loop running meanwhile; one that does not finish within 30 s
/// ends the test program (reading it would hang).
template<typename T>
T waitFor(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30000))
        qFatal("a store job did not finish within 30 s");
    return future.result();
}

/// The child's part of crashReportWrittenAndShownOnce: log a line, then fault on a named thread.
int crashChild(int argc, char **argv, const QString &directory)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("arbor-crash-child"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARBOR_VERSION));
    LogSink sink;
    sink.install();
    QString error;
    if (!CrashReporter::install(directory, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 3;
    }
    qWarning("the last words before the fault");
    QThread *thread = QThread::create([] {
        volatile int *nowhere = nullptr;
        *nowhere = 42;
    });
    thread->setObjectName(QStringLiteral("arbor-faulting"));
    thread->start();
    thread->wait();
    return 0;   // not reached
}

} // namespace

class TstWorkerFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void storeJobThatThrowsFailsAloneAndRollsBack();
    void guardedThreadEndsAloneAndSaysWhy();
    void restartsBackOffAndStartOverWhenHealthy();
    void crashReportWrittenAndShownOnce();
};

void TstWorkerFailures::storeJobThatThrowsFailsAloneAndRollsBack()
{
    ARBOR_REQUIRE_BACKEND();
    TestDatabase db;
    QVERIFY2(db.isValid(), qPrintable(db.error()));
    StoreThread writer(QStringLiteral("arbor-test-writer"));
    QVERIFY(waitFor(writer.open(db.url(), QString())));
    QVERIFY(waitFor(writer.run([](Store &store) {
        return store.exec(QStringLiteral("CREATE TABLE worker_failure_probe (id INTEGER PRIMARY KEY, note TEXT)"));
    })));

    // A job whose transaction has written a row when a library throws.
    const Status thrown = waitFor(writer.run([](Store &store) {
        return store.transaction([&store]() -> Status {
            if (Status s = store.exec(QStringLiteral("INSERT INTO worker_failure_probe (id, note) VALUES (1, 'half')")); !s)
                return s;
            throw std::runtime_error("connection lost in the middle of a range");
        });
    }));
    QVERIFY(!thrown);
    QCOMPARE(thrown.error().kind, Error::Kind::Internal);
    QVERIFY2(thrown.error().message.contains(QLatin1String("connection lost in the middle of a range")),
             qPrintable(thrown.error().message));

    // The row went with the transaction; the thread and the connection go on.
    const auto rows = waitFor(writer.run([](Store &store) {
        return store.query(QStringLiteral("SELECT COUNT(*) FROM worker_failure_probe"), {});
    }));
    QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString()));
    QCOMPARE(rows->first().value(0).toLongLong(), 0);
    QVERIFY(waitFor(writer.run([](Store &store) {
        return store.transaction([&store] {
            return store.exec(QStringLiteral("INSERT INTO worker_failure_probe (id, note) VALUES (2, 'whole')"));
        });
    })));
    const auto after = waitFor(writer.run([](Store &store) {
        return store.query(QStringLiteral("SELECT note FROM worker_failure_probe"), {});
    }));
    QVERIFY(after);
    QCOMPARE(after->size(), 1);
    QCOMPARE(after->first().value(0).toString(), QStringLiteral("whole"));
    // Something not derived from std::exception fails alone as well.
    const Status odd = waitFor(writer.run([](Store &) -> Status { throw 17; }));
    QVERIFY(!odd);
    QVERIFY(odd.error().message.contains(QLatin1String("unknown type")));
}

void TstWorkerFailures::guardedThreadEndsAloneAndSaysWhy()
{
    GuardedThread thread;
    thread.setObjectName(QStringLiteral("arbor-test-worker"));
    auto *worker = new QObject;
    QPointer<QObject> watched(worker);
    worker->moveToThread(&thread);
    connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
    // Both signals are emitted on the worker thread: received on this thread (queued), never by
    // a QSignalSpy, whose list the emitting thread would fill while this one reads it.
    QStringList failed;
    int finished = 0;
    connect(&thread, &GuardedThread::failed, this, [&failed](const QString &what) { failed.append(what); });
    connect(&thread, &QThread::finished, this, [&finished] { ++finished; });
    thread.start();

    // A first job runs as usual; a second throws from the event loop, as a reply handler might.
    bool ran = false;
    QMetaObject::invokeMethod(worker, [&ran] { ran = true; });
    QMetaObject::invokeMethod(worker, [] { throw std::logic_error("an answer the indexer did not expect"); });
    QTRY_COMPARE_WITH_TIMEOUT(finished, 1, 10000);
    QVERIFY(ran);
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first(), QStringLiteral("an answer the indexer did not expect"));
    QVERIFY(thread.wait(5000));
    QTRY_VERIFY(watched.isNull());   // its objects went as after quit()

    // The same thread object starts again for a new worker.
    auto *second = new QObject;
    second->moveToThread(&thread);
    connect(&thread, &QThread::finished, second, &QObject::deleteLater);
    thread.start();
    std::atomic<bool> again = false;
    QMetaObject::invokeMethod(second, [&again] { again = true; });
    QTRY_VERIFY(again);
    thread.quit();
    QVERIFY(thread.wait(5000));
    QTRY_COMPARE(finished, 2);
    QCOMPARE(failed.size(), 1);   // a clean quit is no failure
}

void TstWorkerFailures::restartsBackOffAndStartOverWhenHealthy()
{
    RestartBackoff backoff;
    QList<qint64> delays;
    for (int i = 0; i < 12; ++i)
        delays.append(backoff.failed(0, 1000));
    QCOMPARE(delays.mid(0, 5), (QList<qint64>{1000, 2000, 4000, 8000, 16000}));
    QCOMPARE(delays.last(), RestartBackoff::MaxDelayMs);
    QCOMPARE(backoff.failures(), 12);
    // A worker that ran long enough without failing starts over at the first delay.
    QCOMPARE(backoff.failed(0, RestartBackoff::HealthyAfterMs), RestartBackoff::FirstDelayMs);
    QCOMPARE(backoff.failures(), 1);
}

void TstWorkerFailures::crashReportWrittenAndShownOnce()
{
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
    QSKIP("the sanitizers own the fatal signals in this build");
#endif
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString reports = dir.filePath(QStringLiteral("crash-reports"));
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-child"), reports});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    const QString stderrText = QString::fromLocal8Bit(child.readAllStandardError());

    const QStringList unseen = CrashReporter::unseenReports(reports);
    QCOMPARE(unseen.size(), 1);
    QVERIFY2(stderrText.contains(unseen.first()), qPrintable(stderrText));   // it said where, as it died
    QFile file(unseen.first());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString report = QString::fromUtf8(file.readAll());
    QVERIFY2(report.contains(QLatin1String("program: arbor-crash-child " ARBOR_VERSION)), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("signal: SIGSEGV")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("thread: arbor-faulting")), qPrintable(report));
    QVERIFY2(report.contains(QLatin1String("the last words before the fault")), qPrintable(report));
    const QString backtrace = report.section(QLatin1String("backtrace:\n"), 1).section(QLatin1String("\nlast log lines:"), 0, 0);
    QVERIFY2(backtrace.count(u'\n') >= 3, qPrintable(backtrace));

    // The next start says so once, naming the report; then it is seen.
    const QString notice = CrashReporter::unseenNotice(unseen);
    QVERIFY(notice.contains(QDir::toNativeSeparators(unseen.first())));
    CrashReporter::markSeen(unseen.first());
    QVERIFY(CrashReporter::unseenReports(reports).isEmpty());
    QVERIFY(CrashReporter::unseenNotice({}).isEmpty());
}

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--crash-child") == 0)
        return crashChild(argc, argv, QString::fromLocal8Bit(argv[2]));
    QCoreApplication app(argc, argv);
    TstWorkerFailures test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_workerfailures.moc"

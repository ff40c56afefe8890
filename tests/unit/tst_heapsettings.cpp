// shareFewHeaps(): after it, threads that start and allocate at once share two of glibc's heaps;
// in a process without it (this test run again as a child) the same threads take one each.

#include "util/heapsettings.h"
#include "util/heaptrimmer.h"
#include "testmain.h"

#include <QtTest>

#include <barrier>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace arbor;

namespace tst_heapsettings {

namespace {

/// Set in the child that keeps glibc's default: it reports and exits from initTestCase().
const char *const DefaultChild = "ARBOR_TEST_HEAPS_DEFAULT";
constexpr int Threads = 8;

/// The heaps glibc's allocator has made so far, as malloc_info() lists them.
int heapCount()
{
#if defined(__GLIBC__)
    char *text = nullptr;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out)
        return -1;
    malloc_info(0, out);
    std::fclose(out);
    const QByteArray info(text, qsizetype(size));
    std::free(text);
    return int(info.count("<heap nr="));
#else
    return -1;
#endif
}

/// `Threads` threads that each allocate while all the others are alive, as a console's threads
/// do; the heaps there are afterwards.
int heapsAfterBusyThreads()
{
    std::barrier allocated(Threads);
    std::vector<std::thread> threads;
    for (int t = 0; t < Threads; ++t) {
        threads.emplace_back([&allocated, t] {
            std::vector<void *> blocks;
            for (int i = 0; i < 64; ++i)
                blocks.push_back(std::malloc(size_t(64 + 32 * ((t + i) % 16))));
            allocated.arrive_and_wait();   // no thread ends, handing its heap on, before all allocated
            for (void *b : blocks)
                std::free(b);
        });
    }
    for (std::thread &t : threads)
        t.join();
    return heapCount();
}

} // namespace

class TestHeapSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void threadsShareTwoHeaps();

private:
    int m_before = 0;
};

void TestHeapSettings::initTestCase()
{
    if (!HeapTrimmer::supported())
        QSKIP("Not glibc's allocator (another C library, or a sanitizer's): there are no heaps to share.");
    m_before = heapCount();
    if (qEnvironmentVariableIsSet(DefaultChild)) {
        std::printf("heaps %d %d\n", m_before, heapsAfterBusyThreads());
        std::fflush(stdout);
        std::_Exit(0);
    }
    shareFewHeaps();
}

void TestHeapSettings::threadsShareTwoHeaps()
{
    const int after = heapsAfterBusyThreads();
    QVERIFY2(after >= 1, "malloc_info() listed no heap");
    // Heaps made before the call stay (QTest's own threads); the eight threads make no more.
    QVERIFY2(after <= std::max(m_before, 2), qPrintable(QStringLiteral("%1 heaps before, %2 after %3 threads").arg(m_before).arg(after).arg(Threads)));

    // The same threads in a process that keeps glibc's default: a heap each, so the check above
    // would have seen them.
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(DefaultChild), QStringLiteral("1"));
    env.remove(QStringLiteral("MALLOC_ARENA_MAX"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), test::programArguments({}));
    QVERIFY(child.waitForFinished(60000));
    const QByteArray out = child.readAllStandardOutput();
    QList<QByteArray> fields;
    for (const QByteArray &line : out.split('\n')) {
        if (line.startsWith("heaps "))
            fields = line.trimmed().split(' ');
    }
    QVERIFY2(fields.size() == 3, out.constData());
    const int childBefore = fields[1].toInt();
    const int childAfter = fields[2].toInt();
    QVERIFY2(childAfter > std::max(childBefore, 2),
             qPrintable(QStringLiteral("without shareFewHeaps(): %1 heaps before, %2 after %3 threads").arg(childBefore).arg(childAfter).arg(Threads)));
}

} // namespace tst_heapsettings

ARBOR_GUILESS_TEST_MAIN(heapsettings, tst_heapsettings::TestHeapSettings)
#include "tst_heapsettings.moc"

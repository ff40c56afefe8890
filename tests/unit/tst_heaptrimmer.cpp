// HeapTrimmer: memory a thread freed below its heap's top goes back to the system, at once with
// trimNow() and by itself on the trimmer's interval, as the console and `arborctl serve` use it;
// what is still alive stays as it was.

#include "util/heaptrimmer.h"
#include "testmain.h"

#include <QtTest>

#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

using namespace arbor;

namespace tst_heaptrimmer {

constexpr qint64 MiB = 1 << 20;

/**
 * What a busy thread leaves behind: `bytes` allocated in blocks of `blockSize`, every page
 * written, and then freed but one block in `keepEvery`. The blocks kept pin the heap: glibc can
 * give nothing back from its top, and the freed memory stays resident until a trim.
 */
class Fragments
{
public:
    Fragments(qint64 bytes, int blockSize, int keepEvery)
    {
        // On a thread of its own, as the console's threads allocate (each from its own heap).
        std::thread([&] {
            std::vector<char *> blocks(size_t(bytes / blockSize));
            for (size_t i = 0; i < blocks.size(); ++i) {
                blocks[i] = static_cast<char *>(std::malloc(size_t(blockSize)));
                std::memset(blocks[i], int(i % 251), size_t(blockSize));
            }
            for (size_t i = 0; i < blocks.size(); ++i) {
                if (i % size_t(keepEvery) == 0)
                    m_kept.push_back({blocks[i], char(i % 251)});
                else
                    std::free(blocks[i]);
            }
        }).join();
        m_blockSize = blockSize;
    }
    ~Fragments()
    {
        for (const auto &[block, fill] : m_kept)
            std::free(block);
    }
    Fragments(const Fragments &) = delete;
    Fragments &operator=(const Fragments &) = delete;

    /// Whether every kept block still holds what was written into it.
    bool intact() const
    {
        for (const auto &[block, fill] : m_kept) {
            for (int i = 0; i < m_blockSize; ++i) {
                if (block[i] != fill)
                    return false;
            }
        }
        return true;
    }

private:
    std::vector<std::pair<char *, char>> m_kept;
    int m_blockSize = 0;
};

class TestHeapTrimmer final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void trimNowGivesFreedMemoryBack();
    void trimsOnItsInterval();
    void residentMemoryIsRead();
};

void TestHeapTrimmer::init()
{
    if (!HeapTrimmer::supported())
        QSKIP("No glibc allocator in this build (a sanitizer's allocator, or another C library): nothing to trim");
    // What earlier tests freed is not counted as this test's.
    HeapTrimmer::trimNow();
}

void TestHeapTrimmer::trimNowGivesFreedMemoryBack()
{
    const qint64 baseline = HeapTrimmer::residentBytes();
    Fragments fragments(96 * MiB, 1000, 64);
    const qint64 kept = HeapTrimmer::residentBytes() - baseline;
    // The premise: the allocator kept what the thread freed (1 block in 64 is still alive).
    QVERIFY2(kept >= 64 * MiB, qPrintable(QStringLiteral("resident grew only %1 MiB").arg(kept / MiB)));

    const auto trim = HeapTrimmer::trimNow();
    QVERIFY(trim);
    const qint64 released = trim->residentBefore - trim->residentAfter;
    QVERIFY2(released >= 48 * MiB, qPrintable(QStringLiteral("%1 MiB given back of the %2 MiB freed").arg(released / MiB).arg(kept / MiB)));
    QVERIFY2(HeapTrimmer::residentBytes() - baseline <= kept - 48 * MiB,
             qPrintable(QStringLiteral("resident %1 MiB above the baseline").arg((HeapTrimmer::residentBytes() - baseline) / MiB)));
    QVERIFY(fragments.intact());
}

void TestHeapTrimmer::trimsOnItsInterval()
{
    const qint64 baseline = HeapTrimmer::residentBytes();
    Fragments fragments(96 * MiB, 1000, 64);
    const qint64 kept = HeapTrimmer::residentBytes() - baseline;
    QVERIFY2(kept >= 64 * MiB, qPrintable(QStringLiteral("resident grew only %1 MiB").arg(kept / MiB)));

    HeapTrimmer trimmer(std::chrono::milliseconds(100));
    // Both at once: a trim counts itself once malloc_trim has returned, and the trimmer's thread
    // (at the lowest priority) may wait for a core in between while the memory is already back.
    QTRY_VERIFY_WITH_TIMEOUT(trimmer.trims() >= 1 && HeapTrimmer::residentBytes() - baseline <= kept - 48 * MiB, 10000);
    QVERIFY(fragments.intact());
}

void TestHeapTrimmer::residentMemoryIsRead()
{
    const qint64 before = HeapTrimmer::residentBytes();
    QVERIFY(before > 0);
    // 32 MiB written in one block: resident grows by about that much.
    char *block = static_cast<char *>(std::malloc(size_t(32 * MiB)));
    std::memset(block, 1, size_t(32 * MiB));
    const qint64 after = HeapTrimmer::residentBytes();
    std::free(block);
    QVERIFY2(after - before >= 30 * MiB, qPrintable(QStringLiteral("%1 MiB").arg((after - before) / MiB)));
}

} // namespace tst_heaptrimmer

ARBOR_GUILESS_TEST_MAIN(heaptrimmer, tst_heaptrimmer::TestHeapTrimmer)
#include "tst_heaptrimmer.moc"

#pragma once

#include <QObject>

#include <atomic>
#include <chrono>
#include <optional>

class QThread;

namespace arbor {

/**
 * Gives the memory the C library's allocator keeps after it was freed back to the system, now
 * and then, in a process left running for days (the console, `arborctl serve`).
 *
 * glibc gives a heap's memory back only from its free top, and each busy thread allocates from
 * a heap of its own. A console's threads free far more than they keep (node answers, decoded
 * ranges, query results, dialogs), and what they freed below their heaps' tops stayed resident:
 * in a soak of the console, a malloc_trim() after 65 minutes gave back 50 MB of its 197 MB
 * (what it held alive was 45 MB at 24 minutes, under heaptrack). malloc_trim() returns the free
 * pages of every heap; what is alive stays where it is.
 *
 * The trims run on a thread of their own at low priority, every `interval` (a trim locks each
 * heap in turn while it walks its free blocks). Each is logged under arbor.memory (debug).
 * Nothing is done where the C library is not glibc, or under a sanitizer's allocator.
 *
 * Thread: created and destroyed on one thread; the destructor stops and joins the trim thread.
 */
class HeapTrimmer final : public QObject
{
    Q_OBJECT

public:
    /// One trim: the process's resident memory before and after it, and how long it took.
    struct Trim
    {
        qint64 residentBefore = 0;   ///< bytes
        qint64 residentAfter = 0;    ///< bytes
        qint64 microseconds = 0;
    };

    /// How often the console and `arborctl serve` trim: each trim takes milliseconds.
    static constexpr std::chrono::minutes DefaultInterval{1};

    explicit HeapTrimmer(std::chrono::milliseconds interval = DefaultInterval, QObject *parent = nullptr);
    ~HeapTrimmer() override;

    /// Whether trimming does anything in this process (glibc's allocator in use).
    static bool supported();
    /// Trims on the calling thread; nothing where unsupported.
    static std::optional<Trim> trimNow();
    /// The process's resident memory in bytes (Linux; 0 elsewhere).
    static qint64 residentBytes();

    /// Trims done so far by this trimmer's thread.
    int trims() const;

private:
    QThread *m_thread = nullptr;
    std::atomic<int> m_trims{0};   ///< counted on the trim thread
};

} // namespace arbor

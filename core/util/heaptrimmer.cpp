#include "util/heaptrimmer.h"

#include "util/workerthread.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QThread>
#include <QTimer>

// A sanitizer's runtime brings an allocator of its own: glibc's heaps then hold nothing to trim.
// GCC says so with __SANITIZE_*__, clang with __has_feature().
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define ARBOR_SANITIZER_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || __has_feature(memory_sanitizer)
#define ARBOR_SANITIZER_ALLOCATOR 1
#endif
#endif
#if defined(__GLIBC__) && !defined(ARBOR_SANITIZER_ALLOCATOR)
#define ARBOR_HEAP_TRIM 1
#include <malloc.h>
#endif
#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

// Each trim, once a minute: QT_LOGGING_RULES="arbor.memory.debug=true".
Q_LOGGING_CATEGORY(lcMemory, "arbor.memory", QtInfoMsg)

namespace arbor {

HeapTrimmer::HeapTrimmer(std::chrono::milliseconds interval, QObject *parent)
    : QObject(parent)
{
    if (!supported())
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("arbor-heap-trim"));
    runInBackground(m_thread, 19);
    joinable(m_thread);
    auto *timer = new QTimer;
    timer->setInterval(interval);
    timer->moveToThread(m_thread);
    connect(m_thread, &QThread::started, timer, qOverload<>(&QTimer::start));
    connect(m_thread, &QThread::finished, timer, &QObject::deleteLater);
    connect(timer, &QTimer::timeout, timer, [this] {
        if (const auto trim = trimNow()) {
            m_trims.fetch_add(1, std::memory_order_relaxed);
            qCDebug(lcMemory).noquote() << QStringLiteral("heap trimmed in %1 ms: resident %2 MiB, before %3 MiB")
                                               .arg(double(trim->microseconds) / 1000, 0, 'f', 1)
                                               .arg(double(trim->residentAfter) / (1 << 20), 0, 'f', 1)
                                               .arg(double(trim->residentBefore) / (1 << 20), 0, 'f', 1);
        }
    });
    m_thread->start();
}

HeapTrimmer::~HeapTrimmer()
{
    if (!m_thread)
        return;
    m_thread->quit();
    join(m_thread);
    delete m_thread;
}

bool HeapTrimmer::supported()
{
#ifdef ARBOR_HEAP_TRIM
    return true;
#else
    return false;
#endif
}

std::optional<HeapTrimmer::Trim> HeapTrimmer::trimNow()
{
#ifdef ARBOR_HEAP_TRIM
    Trim trim;
    trim.residentBefore = residentBytes();
    QElapsedTimer clock;
    clock.start();
    malloc_trim(0);
    trim.microseconds = clock.nsecsElapsed() / 1000;
    trim.residentAfter = residentBytes();
    return trim;
#else
    return std::nullopt;
#endif
}

qint64 HeapTrimmer::residentBytes()
{
#ifdef Q_OS_LINUX
    // statm: size resident shared text lib data dt, in pages.
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : 0;
#else
    return 0;
#endif
}

int HeapTrimmer::trims() const
{
    return m_trims.load(std::memory_order_relaxed);
}

} // namespace arbor

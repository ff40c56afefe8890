#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <array>
#include <tuple>
#include <vector>

namespace arbor::soak {

/**
 * Marks the harness's own synchronous work on the GUI thread (stopping a fault proxy, reading
 * the receivers' ledger, /proc reads): a GuiStallProbe tick whose interval overlapped one is
 * excluded from the figures, because that time is the test's, not the console's. Opening
 * pages and dialogs, closing them and the database switch are the console's work and are never
 * marked. Thread: the GUI thread.
 */
class HarnessStep final
{
public:
    HarnessStep() { ++s_generation; }
    ~HarnessStep() { ++s_generation; }
    HarnessStep(const HarnessStep &) = delete;
    HarnessStep &operator=(const HarnessStep &) = delete;

    static quint64 generation() { return s_generation; }

private:
    static inline quint64 s_generation = 0;
};

/**
 * How late the GUI thread runs a 10 ms timer: each tick's lateness beyond its interval is a GUI
 * stall. The time the kernel kept the thread waiting for a CPU (/proc/thread-self/schedstat, its
 * run-queue delay) is taken out, so another process hogging the machine's cores is not counted
 * as the console blocking its own thread; both figures are kept.
 */
class GuiStallProbe final : public QObject
{
public:
    static constexpr int IntervalMs = 10;
    /// Stalls this long are counted in the figures (the report prints them; nothing fails on them).
    static constexpr int StallLimitMs = 50;
    /// A stall this long fails the run: desktops grey a window out as not responding after about 5 s.
    static constexpr int HangLimitMs = 5000;

    struct Figures
    {
        quint64 ticks = 0;
        quint64 excluded = 0;          ///< ticks overlapping a HarnessStep
        double maxMs = 0;              ///< the worst stall, run-queue delay taken out
        double p99Ms = 0;
        double p999Ms = 0;
        quint64 overLimit = 0;         ///< stalls of StallLimitMs or more
        double rawMaxMs = 0;           ///< the worst lateness as measured, run-queue delay included
        quint64 rawOverLimit = 0;
        double worstAtSeconds = 0;     ///< when the worst stall ended, seconds into the run
        QString worstDuring;           ///< what the harness was doing then
        QStringList worst;             ///< the worst few: "58.9 ms at 15 s (database switch)"
    };

    explicit GuiStallProbe(QObject *parent = nullptr);
    void start();
    void stop();
    /// What the harness does now ("Settings", "trigger editor", …), named with the worst stall.
    void setActivity(const QString &activity) { m_activity = activity; }
    Figures figures() const;

private:
    void tick();
    static qint64 runQueueDelayNs();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    qint64 m_lastDelayNs = 0;
    quint64 m_lastGeneration = 0;
    QString m_activity;
    Figures m_figures;
    std::vector<std::tuple<double, double, QString>> m_worst;   ///< ms, seconds, activity; the 5 worst
    std::array<quint64, 2001> m_histogram{};   ///< stalls by 0.5 ms, the last bucket 1 s and more
};

/// VmRSS of this process (/proc/self/status), in MiB; 0 when it cannot be read.
double residentMiB();
/// The anonymous part of it (RssAnon: the heap, thread stacks), in MiB. The rest is mostly
/// file-backed pages of the program and its libraries, which grow as more of their code runs and
/// stop at their size; a leak shows in this part.
double anonymousResidentMiB();

/// The heap the allocator has handed out and not had back, in MiB (glibc; 0 elsewhere).
double liveHeapMiB();
/// SQLite's part of it: what its connections' caches and statements hold, in MiB.
double sqliteMiB();

/**
 * Samples VmRSS, the live heap and SQLite's part of it every few seconds. After `warmUpSeconds`
 * the "warm" figure is taken, and growth is measured from there: end − warm, and the slope of a
 * least-squares line through the samples after warm-up, in MiB per hour.
 */
class RssSampler final : public QObject
{
public:
    struct Figures
    {
        double startMiB = 0;
        double warmMiB = 0;
        double endMiB = 0;
        double maxMiB = 0;
        double slopeMiBPerHour = 0;
        double warmAnonymousMiB = 0;   ///< RssAnon at the warm sample
        double endAnonymousMiB = 0;
        double anonymousSlopeMiBPerHour = 0;
        /// What the allocator has handed out and not had back (glibc's mallinfo2(); 0 elsewhere):
        /// memory the process holds alive. RSS above it is freed memory the allocator kept.
        double warmLiveHeapMiB = 0;
        double endLiveHeapMiB = 0;
        double liveHeapSlopeMiBPerHour = 0;
        /// Of the live heap, SQLite's (its page caches and statements: sqlite3_memory_used()).
        double warmSqliteMiB = 0;
        double endSqliteMiB = 0;
        double maxSqliteMiB = 0;
        int samples = 0;
    };

    RssSampler(int intervalMs, double warmUpSeconds, QObject *parent = nullptr);
    void start();
    void stop();
    void sample();
    Figures figures() const;

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_warmUpSeconds;
    struct Sample
    {
        double seconds;
        double mib;
        double anonymousMiB;
        double liveHeapMiB;
        double sqliteMiB;
    };
    std::vector<Sample> m_samples;
};

} // namespace arbor::soak

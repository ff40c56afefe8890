#include "soakfigures.h"

#include <QFile>

#include <sqlite3.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <cmath>

namespace arbor::soak {

GuiStallProbe::GuiStallProbe(QObject *parent)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(IntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &GuiStallProbe::tick);
}

void GuiStallProbe::start()
{
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_lastDelayNs = runQueueDelayNs();
    m_lastGeneration = HarnessStep::generation();
    m_timer.start();
}

void GuiStallProbe::stop()
{
    m_timer.stop();
}

qint64 GuiStallProbe::runQueueDelayNs()
{
    // "cpu-time run-queue-delay timeslices", nanoseconds; absent without schedstats: 0.
    QFile file(QStringLiteral("/proc/thread-self/schedstat"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
}

void GuiStallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 delay = runQueueDelayNs();
    const quint64 generation = HarnessStep::generation();
    const double lateMs = std::max(0.0, double(now - m_lastNs) / 1e6 - IntervalMs);
    const double waitedMs = double(delay - m_lastDelayNs) / 1e6;
    const bool harness = generation != m_lastGeneration;
    m_lastNs = now;
    m_lastDelayNs = delay;
    m_lastGeneration = generation;
    ++m_figures.ticks;
    if (harness) {
        ++m_figures.excluded;
        return;
    }
    const double stallMs = std::max(0.0, lateMs - std::max(0.0, waitedMs));
    m_figures.rawMaxMs = std::max(m_figures.rawMaxMs, lateMs);
    if (lateMs >= StallLimitMs)
        ++m_figures.rawOverLimit;
    if (stallMs >= StallLimitMs)
        ++m_figures.overLimit;
    if (stallMs >= 10 && (m_worst.size() < 5 || stallMs > std::get<0>(m_worst.back()))) {
        if (m_worst.size() == 5)
            m_worst.pop_back();
        m_worst.emplace_back(stallMs, double(now) / 1e9, m_activity);
        std::sort(m_worst.begin(), m_worst.end(), [](const auto &a, const auto &b) { return std::get<0>(a) > std::get<0>(b); });
    }
    if (stallMs > m_figures.maxMs) {
        m_figures.maxMs = stallMs;
        m_figures.worstAtSeconds = double(now) / 1e9;
        m_figures.worstDuring = m_activity;
    }
    ++m_histogram[std::min<std::size_t>(std::size_t(stallMs * 2), m_histogram.size() - 1)];
}

GuiStallProbe::Figures GuiStallProbe::figures() const
{
    Figures f = m_figures;
    const quint64 counted = f.ticks - f.excluded;
    const auto percentile = [&](double p) {
        const auto wanted = quint64(std::ceil(double(counted) * p));
        quint64 seen = 0;
        for (std::size_t i = 0; i < m_histogram.size(); ++i) {
            seen += m_histogram[i];
            if (seen >= wanted && wanted > 0)
                return double(i + 1) / 2.0;   // the bucket's upper edge
        }
        return 0.0;
    };
    for (const auto &[ms, seconds, activity] : m_worst)
        f.worst << QStringLiteral("%1 ms at %2 s (%3)").arg(ms, 0, 'f', 1).arg(seconds, 0, 'f', 0).arg(activity);
    f.p99Ms = std::min(percentile(0.99), f.maxMs);
    f.p999Ms = std::min(percentile(0.999), f.maxMs);
    return f;
}

namespace {

/// A field of /proc/self/status in kB, as MiB; 0 when it cannot be read.
double statusMiB(const QByteArray &field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(field.size()).simplified().split(' ').value(0).toDouble() / 1024.0;
    }
    return 0;
}

} // namespace

double residentMiB()
{
    return statusMiB("VmRSS:");
}

double anonymousResidentMiB()
{
    return statusMiB("RssAnon:");
}

double liveHeapMiB()
{
#ifdef __GLIBC__
    const struct mallinfo2 info = mallinfo2();
    // Small blocks in the heaps, and the large ones mapped on their own.
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
#else
    return 0;
#endif
}

double sqliteMiB()
{
    return double(sqlite3_memory_used()) / (1024.0 * 1024.0);
}

RssSampler::RssSampler(int intervalMs, double warmUpSeconds, QObject *parent)
    : QObject(parent)
    , m_warmUpSeconds(warmUpSeconds)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &RssSampler::sample);
}

void RssSampler::start()
{
    m_clock.start();
    sample();
    m_timer.start();
}

void RssSampler::stop()
{
    m_timer.stop();
}

void RssSampler::sample()
{
    const HarnessStep step;
    m_samples.push_back({double(m_clock.elapsed()) / 1000.0, residentMiB(), anonymousResidentMiB(), liveHeapMiB(), sqliteMiB()});
}

RssSampler::Figures RssSampler::figures() const
{
    Figures f;
    f.samples = int(m_samples.size());
    if (m_samples.empty())
        return f;
    f.startMiB = m_samples.front().mib;
    f.endMiB = m_samples.back().mib;
    f.endAnonymousMiB = m_samples.back().anonymousMiB;
    f.warmMiB = f.startMiB;
    f.warmAnonymousMiB = m_samples.front().anonymousMiB;
    f.endLiveHeapMiB = m_samples.back().liveHeapMiB;
    f.warmLiveHeapMiB = m_samples.front().liveHeapMiB;
    f.endSqliteMiB = m_samples.back().sqliteMiB;
    f.warmSqliteMiB = m_samples.front().sqliteMiB;
    // Least squares through the samples after warm-up, for the total and for its anonymous part.
    struct Fit
    {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        void add(double x, double y) { sx += x; sy += y; sxx += x * x; sxy += x * y; ++n; }
        double slopePerHour() const
        {
            const double denominator = n * sxx - sx * sx;
            return n >= 3 && denominator > 0 ? (n * sxy - sx * sy) / denominator * 3600.0 : 0;
        }
    };
    Fit total;
    Fit anonymous;
    Fit live;
    bool warm = false;
    for (const Sample &s : m_samples) {
        f.maxMiB = std::max(f.maxMiB, s.mib);
        f.maxSqliteMiB = std::max(f.maxSqliteMiB, s.sqliteMiB);
        if (s.seconds < m_warmUpSeconds)
            continue;
        if (!warm) {
            f.warmMiB = s.mib;
            f.warmAnonymousMiB = s.anonymousMiB;
            f.warmLiveHeapMiB = s.liveHeapMiB;
            f.warmSqliteMiB = s.sqliteMiB;
            warm = true;
        }
        total.add(s.seconds, s.mib);
        anonymous.add(s.seconds, s.anonymousMiB);
        live.add(s.seconds, s.liveHeapMiB);
    }
    f.slopeMiBPerHour = total.slopePerHour();
    f.anonymousSlopeMiBPerHour = anonymous.slopePerHour();
    f.liveHeapSlopeMiBPerHour = live.slopePerHour();
    return f;
}

} // namespace arbor::soak

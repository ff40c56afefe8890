#include "engine/databasestatsrecorder.h"

#include "engine/enginelog.h"
#include "engine/storethread.h"
#include "store/databasestats.h"
#include "util/continuation.h"

#include <algorithm>

namespace arbor {

DatabaseStatsRecorder::DatabaseStatsRecorder(Sources sources, QObject *parent)
    : QObject(parent), m_sources(std::move(sources))
{
    m_flushTimer.setObjectName(QStringLiteral("statementStatsTimer"));
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &DatabaseStatsRecorder::flushNow);
    m_sampleTimer.setObjectName(QStringLiteral("databaseSizeTimer"));
    m_sampleTimer.setInterval(FirstSampleDelayMs);
    connect(&m_sampleTimer, &QTimer::timeout, this, [this] {
        m_sampleTimer.setInterval(SampleIntervalMs);
        sampleNow();
    });
}

void DatabaseStatsRecorder::start()
{
    m_flushTimer.start();
    m_sampleTimer.start();
}

void DatabaseStatsRecorder::stop()
{
    m_flushTimer.stop();
    m_sampleTimer.stop();
}

void DatabaseStatsRecorder::flushNow()
{
    // Never skipped for a flush in flight: the writer runs them in turn, and the last one, as the
    // engine stops, must not be lost.
    if (!m_sources.writable())
        return;
    then(m_sources.writer->run([](Store &s) { return DatabaseStatsStore(s).flushStatementStats(); }), this, [](Status flushed) {
        if (!flushed)
            qCWarning(lcEngine) << "could not record the statement timings:" << flushed.error().message;
    });
}

void DatabaseStatsRecorder::sampleNow()
{
    if (m_sampleInFlight || !m_sources.writable())
        return;
    m_sampleInFlight = true;
    then(m_sources.reader->run([](Store &s) { return DatabaseStatsStore(s).stats(); }), this, [this](Result<DatabaseStats> stats) {
        if (!stats || !m_sources.writable()) {
            m_sampleInFlight = false;
            if (!stats)
                qCWarning(lcEngine) << "could not read the database's size:" << stats.error().message;
            return;
        }
        // On SQLite the read walks every page (about 2 s per 300 MB): a large file is sampled
        // less often, so that reading it takes at most about 1% of the reader's time.
        const qint64 interval = std::clamp<qint64>(stats->readMs * 100, SampleIntervalMs, MaxSampleIntervalMs);
        if (interval > SampleIntervalMs)
            qCInfo(lcEngine) << "reading the database's size took" << stats->readMs << "ms: sampling it every" << interval / 60000 << "minutes";
        if (m_sampleTimer.isActive())
            m_sampleTimer.setInterval(int(interval));
        const QList<DatabaseSizeSample> samples = DatabaseStatsStore::samplesOf(*stats, stats->readAt);
        then(m_sources.writer->run([samples](Store &s) { return DatabaseStatsStore(s).writeSizeSamples(samples); }), this, [this](Status written) {
            m_sampleInFlight = false;
            if (!written)
                qCWarning(lcEngine) << "could not record the database's size:" << written.error().message;
        });
    });
}

} // namespace arbor

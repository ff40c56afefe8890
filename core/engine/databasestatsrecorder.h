#pragma once

#include <QObject>
#include <QTimer>

#include <functional>

namespace arbor {

class StoreThread;

/**
 * The database's own records, kept by the engine that holds the lease: every FlushIntervalMs
 * (and by flushNow() when the engine stops) the statement timings this process collected are
 * written to statement_stats on the writer; FirstSampleDelayMs after start and then every
 * SampleIntervalMs the sizes (DatabaseStatsStore::stats(), read on the reader: on SQLite it
 * reads every page) become a row per scope and chain of database_size_samples, written on the
 * writer. A read that takes long (a large SQLite file: about 2 s per 300 MB) makes samples
 * rarer: one read per 100 times its duration at most, and at least one a day.
 *
 * Nothing waits for the jobs; a job still in flight is not started again. Writes happen only
 * while `Sources::writable` says so.
 *
 * Thread: the Engine's.
 */
class DatabaseStatsRecorder final : public QObject
{
    Q_OBJECT

public:
    static constexpr int FlushIntervalMs = 60 * 1000;
    static constexpr int FirstSampleDelayMs = 30 * 1000;
    static constexpr int SampleIntervalMs = 60 * 60 * 1000;
    static constexpr int MaxSampleIntervalMs = 24 * 60 * 60 * 1000;

    struct Sources
    {
        StoreThread *writer = nullptr;
        StoreThread *reader = nullptr;
        std::function<bool()> writable;
    };

    explicit DatabaseStatsRecorder(Sources sources, QObject *parent = nullptr);

    void start();
    void stop();
    /// Writes the collected statement timings now (queued on the writer).
    void flushNow();
    /// Reads the sizes and writes a sample now.
    void sampleNow();

private:
    Sources m_sources;
    QTimer m_flushTimer;
    QTimer m_sampleTimer;
    bool m_sampleInFlight = false;
};

} // namespace arbor

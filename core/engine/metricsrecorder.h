#pragma once

#include "metrics/chainmetrics.h"
#include "model/chainstatus.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace arbor {

class StoreThread;

/**
 * Writes the chart history (MetricsStore) for an engine that indexes: every
 * MetricsStore::SampleIntervalMs, one sample per indexed chain — lag in blocks and seconds and
 * blocks per second, each the mean of the in-memory series over that interval, and per endpoint
 * the mean latency and its request and failure counters — in one writer job. Old samples go by
 * the chart_samples retention policy (RetentionStore), applied by the engine.
 *
 * The writes run on the writer StoreThread, never on the Engine's thread; nothing waits for
 * them. It writes only while `Sources::writable` says so (the lease held, not shutting down).
 *
 * Thread: the Engine's. Holds no pointer into the Engine: it reads through `Sources`.
 */
class MetricsRecorder final : public QObject
{
    Q_OBJECT

public:
    struct Sources
    {
        StoreThread *writer = nullptr;
        std::function<QList<ChainStatus>()> statuses;
        std::function<ChainSeries(qint64 chainId, qint64 sinceMs)> series;
        std::function<bool()> writable;
    };

    explicit MetricsRecorder(Sources sources, int intervalMs, QObject *parent = nullptr);

    void start();
    void stop();
    /// Takes a sample of every indexed chain now and writes it (also what the timer does).
    void sampleNow();

private:
    Sources m_sources;
    QTimer m_timer;
    bool m_writeInFlight = false;
};

} // namespace arbor

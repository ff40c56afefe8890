#pragma once

#include "error.h"
#include "metrics/metricssnapshot.h"
#include "metrics/prometheustext.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace arbor {

class PrometheusExporter;
class StoreThread;

/**
 * Feeds the Prometheus endpoint for the Engine: owns the PrometheusExporter (and so its
 * thread) while metrics are served, and publishes a fresh MetricsSnapshot whenever the Engine
 * has news (publish(): chain list, statuses, queue health). What only the database knows —
 * trigger outbox counts per chain, and queue health when the Engine does not sample it — is
 * read on the reader StoreThread every StoreRefreshMs, never on the owner's thread.
 *
 * Thread: the Engine's. Holds no pointer into the Engine: it reads through `Sources`.
 */
class MetricsPublisher final : public QObject
{
    Q_OBJECT

public:
    static constexpr int StoreRefreshMs = 5000;

    struct Sources
    {
        std::function<QList<ChainRecord>()> chains;
        std::function<QList<ChainStatus>()> statuses;
        std::function<bool()> readOnly;
        /// This engine's name, role and chain leases on a shared database; none otherwise.
        std::function<std::optional<EngineLeases>()> shared;
        /// The reader, or null before the Engine started (store figures wait until it is there).
        std::function<StoreThread *()> reader;
        /// Whether to sample queue health here (the Engine does not, or not often enough).
        bool sampleQueueHealth = true;
    };

    explicit MetricsPublisher(Sources sources, QObject *parent = nullptr);
    ~MetricsPublisher() override;

    /// Parses `address` (Invalid naming "metrics address"), listens there instead of where it
    /// listened before, and publishes at once. Empty: stops serving.
    QFuture<Status> serve(const QString &address);
    /// Where metrics are served ("127.0.0.1:9464"), empty when they are not.
    QString address() const { return m_address ? m_address->toString() : QString(); }

    /// Takes a snapshot of the sources and hands it to the exporter (when serving).
    void publish();
    /// The latest queue health the Engine sampled.
    void setQueueHealth(const QList<QueueHealth> &health);
    /// Stops serving and ends the exporter's thread; resolves when it has ended.
    QFuture<void> shutdown();

private:
    void refreshStoreFigures();

    Sources m_sources;
    std::unique_ptr<PrometheusExporter> m_exporter;
    std::optional<ListenAddress> m_address;
    quint64 m_generation = 0;                  ///< a listen() answered after a later serve() is dropped
    QTimer m_storeTimer;
    bool m_storeInFlight = false;
    QList<QueueHealth> m_queues;
    QHash<qint64, DeliveryCounts> m_deliveries;
    QList<ActionHealth> m_actions;
    bool m_shuttingDown = false;
};

} // namespace arbor

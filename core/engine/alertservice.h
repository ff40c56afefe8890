#pragma once

#include "alerts/alertmonitor.h"
#include "model/chainconfig.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace arbor {

class StoreThread;

/**
 * The alerts of an Engine: one AlertMonitor fed from the engine's snapshots (chains, indexing
 * statuses every second, queue health, reorgs) and the operator's alert rules; for an indexing
 * engine that holds the lease, every raise and clear is also recorded in the alert history and
 * a rule's actions queued in the trigger outbox, on the writer.
 *
 * The console shows this monitor; `arborctl serve` runs the same one headless, so a rule
 * delivers whether or not a window is open.
 *
 * Thread: the Engine's (the GUI/main thread). It never waits: writes are queued on the writer.
 */
class AlertService final : public QObject
{
    Q_OBJECT

public:
    using Statuses = std::function<QList<ChainStatus>()>;

    /// `statuses` is read every `tickMs` (stalls are found without a status change).
    AlertService(Statuses statuses, int tickMs, QObject *parent = nullptr);
    ~AlertService() override;

    AlertMonitor *monitor() { return &m_monitor; }

    /// The registry's chains: their names, and which are active (the others' alerts clear).
    void updateChains(const QList<ChainRecord> &chains);
    void updateStatuses(const QList<ChainStatus> &statuses);
    void updateQueues(const QList<QueueHealth> &health);
    void reorgHandled(const ReorgRecord &reorg);
    void setRules(const QList<AlertRule> &rules);

    /**
     * From now on raises and clears are written through `writer`: the alert history, and the
     * deliveries of rules that are not silenced; `delivered` runs here after a write that
     * created deliveries. Rows left open by an engine that stopped are closed first (what
     * still holds is raised again).
     */
    void startRecording(StoreThread *writer, std::function<void()> delivered);
    /// Before the writer closes.
    void stopRecording();
    bool recording() const { return m_writer != nullptr; }

Q_SIGNALS:
    /// A raise, clear or acknowledgement was written to the alert history.
    void historyChanged();

private:
    void record(const Alert &alert, bool cleared);

    Statuses m_statuses;
    AlertMonitor m_monitor;
    QTimer m_tick;
    StoreThread *m_writer = nullptr;
    std::function<void()> m_delivered;
};

} // namespace arbor

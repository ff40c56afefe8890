#pragma once

#include "engine/deliveryworker.h"
#include "util/guardedthread.h"

#include <QFuture>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace arbor {

class DeliveryBell;
class StoreThread;

/**
 * Runs the triggers of an indexing engine (DESIGN.md §9): evaluation after each promotion and
 * the delivery worker that sends the outbox.
 *
 * Evaluation is a job on the writer: TriggerStore::evaluate() writes the outbox rows, state and
 * cursor of each trigger in one transaction. One evaluation per chain runs at a time; a
 * promotion meanwhile asks for another. A sweep every `sweepMs` catches what no promotion
 * announced (a trigger just enabled, a replay). New deliveries wake the worker at once: the
 * writer rings the DeliveryBell as the job that created them ends, wherever they came from, so
 * a promoted event with confirmations 0 is on its way within one writer round trip, without
 * passing through this (the engine's) thread.
 *
 * The DeliveryWorker runs on its own thread ("arbor-delivery"). Every call to it is posted to a
 * mailbox object on that thread, which alone holds the worker: should the worker throw, its
 * thread ends (GuardedThread), what was thrown is logged, deliveries wait in the outbox, and a
 * new worker starts after a RestartBackoff delay; a call posted meanwhile finds no worker.
 *
 * Thread: the owner's (the Engine's); it never waits on the database or the network, except
 * in the destructor when shutdown() was not called first.
 */
class TriggerRunner final : public QObject
{
    Q_OBJECT

public:
    /// The node's head of a chain as the engine last saw it (empty: not known).
    using HeadOf = std::function<std::optional<qint64>(qint64 chainId)>;

    /// `bell` wakes the worker while this runner exists (it is the receiver from construction
    /// until destruction).
    TriggerRunner(StoreThread *writer, QString holder, HeadOf headOf, std::shared_ptr<DeliveryBell> bell,
                  DeliveryOptions options = {}, QObject *parent = nullptr);
    ~TriggerRunner() override;

    /// Starts the delivery worker and evaluates every chain once.
    void start();
    /// Stops evaluating and the worker (attempts in flight are abandoned: their claims lapse
    /// and they are sent again) and ends its thread; resolves when the thread has finished.
    QFuture<void> shutdown();

    /// A range of the chain was promoted: evaluate its triggers.
    void evaluate(qint64 chainId);

Q_SIGNALS:
    /// New deliveries were created, or attempts recorded: the delivery log changed.
    void deliveriesChanged();

private:
    void runEvaluation(qint64 chainId);
    void sweep();
    void startWorker(DeliveryWorker::Start how);
    void workerFailed(const QString &what);
    void restartWorker();

    StoreThread *m_writer;
    HeadOf m_headOf;
    const std::shared_ptr<DeliveryBell> m_bell;
    const QString m_holder;
    const DeliveryOptions m_options;
    GuardedThread m_deliveryThread;
    QObject *m_mailbox = nullptr;         ///< lives on m_deliveryThread; every call to the worker goes through it
    DeliveryWorker *m_worker = nullptr;   ///< lives on m_deliveryThread; read and written only there
    RestartBackoff m_backoff;
    qint64 m_workerStartedMs = 0;
    QTimer m_sweep;
    QSet<qint64> m_evaluating;
    QSet<qint64> m_again;
    bool m_stopped = false;
    std::optional<QFuture<void>> m_shutdown;

    static constexpr int SweepMs = 5000;
};

} // namespace arbor

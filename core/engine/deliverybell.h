#pragma once

#include <QMutex>

#include <functional>

namespace arbor {

/**
 * Wakes the delivery worker from whichever thread has just committed deliveries to the outbox.
 *
 * The writer rings it at the end of the job that created them (trigger evaluation, alert
 * rules, replays, resends, test deliveries), so a delivery is on its way without a round trip
 * through the engine's thread, which in the console is the GUI thread and may be busy.
 *
 * The runner that owns the worker says what a ring does (post a wake-up to the worker's
 * thread) and takes it back before that thread's objects are deleted; a ring without a
 * receiver does nothing, and the worker's own polling finds the deliveries.
 *
 * Thread-safe: ring() from any thread; the receiver is set and cleared by its owner.
 */
class DeliveryBell final
{
public:
    /// Calls the receiver, if any, on the calling thread.
    void ring() const;
    /// From now on ring() calls `wake`, which must be safe to call from any thread.
    void setReceiver(std::function<void()> wake);
    /// Returns once no ring() is calling the receiver; later rings do nothing.
    void clearReceiver();

private:
    mutable QMutex m_mutex;
    std::function<void()> m_wake;   ///< guarded by m_mutex
};

} // namespace arbor

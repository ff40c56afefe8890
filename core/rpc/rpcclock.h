#pragma once

#include <QtGlobal>

#include <chrono>
#include <functional>
#include <memory>

class QObject;

namespace arbor {

/**
 * The monotonic time the RPC layer measures and waits by: rate-limit buckets and Retry-After
 * pauses (EndpointLimiter), circuit breakers, retry backoff and latency (EndpointPool).
 *
 * This class is the steady clock (std::chrono::steady_clock, waits on a precise QTimer) and the
 * product uses the one steady() instance. A test hands its EndpointPool a subclass whose time
 * it moves itself: now() answers its time and its timers fire when it is moved past them, so a
 * circuit's cool-down or a Retry-After pause passes without waiting for it.
 *
 * Thread: now() may be called from any thread. A Timer is used on its context's thread.
 */
class RpcClock
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    /// A single-shot wait on a clock; starting it again replaces the wait under way.
    class Timer
    {
    public:
        virtual ~Timer() = default;
        /// The timer fires once `ms` have passed on its clock (at once for 0 or less).
        virtual void start(qint64 ms) = 0;
        virtual void stop() = 0;
    };

    virtual ~RpcClock() = default;

    /// The process's steady clock, shared by every pool and limiter that is not given another.
    static const std::shared_ptr<RpcClock> &steady();

    virtual TimePoint now() const;
    /// A stopped timer that calls `fire` on `context`'s thread; it never fires after `context`
    /// is destroyed. Destroy the timer on that thread.
    virtual std::unique_ptr<Timer> timer(QObject *context, std::function<void()> fire);

    /// Milliseconds from `from` to `to` (negative when `to` is earlier).
    static qint64 msBetween(TimePoint from, TimePoint to)
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
    }
};

} // namespace arbor

#pragma once

#include <QtGlobal>

#include <atomic>
#include <memory>

namespace arbor {

/**
 * Wall-clock time (unix ms) as the parts of Arbor that plan in hours and days read it: the
 * delivery worker's retry schedule and an action's failing threshold. The system clock in
 * operation; a ManualWallClock in tests that live through three days of retries in seconds.
 *
 * Thread: nowMs() may be called from any thread.
 */
class WallClock
{
public:
    virtual ~WallClock() = default;
    virtual qint64 nowMs() const = 0;

    /// QDateTime::currentMSecsSinceEpoch().
    static std::shared_ptr<const WallClock> system();
};

/// A clock that stands still until told to move: set() or advance(). Starts at the system time.
class ManualWallClock final : public WallClock
{
public:
    ManualWallClock();
    qint64 nowMs() const override { return m_now.load(std::memory_order_acquire); }
    void set(qint64 ms) { m_now.store(ms, std::memory_order_release); }
    void advance(qint64 ms) { m_now.fetch_add(ms, std::memory_order_acq_rel); }

private:
    std::atomic<qint64> m_now;
};

} // namespace arbor

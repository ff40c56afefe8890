#pragma once

// A test clock for EndpointPool (tests/unit only): time moves when the test moves it.

#include "rpc/endpointpool.h"
#include "rpc/rpcclock.h"

#include <QCoreApplication>
#include <QList>
#include <QPointer>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace arbor::test {

/**
 * A clock that stands still until the test moves it. advance() runs the timers that fall due on
 * the way, each at its own time, so a pool sees time pass as it would (a rate-limit token every
 * 50 ms, not twenty at once after a second).
 */
class ManualClock final : public RpcClock
{
public:
    TimePoint now() const override { return m_now; }

    std::unique_ptr<Timer> timer(QObject *context, std::function<void()> fire) override
    {
        auto wait = std::make_unique<Wait>(this, context, std::move(fire));
        m_waits.append(wait.get());
        return wait;
    }

    /// Milliseconds since the clock was made.
    qint64 elapsedMs() const { return msBetween(Start, m_now); }

    void advance(qint64 ms)
    {
        const TimePoint until = m_now + std::chrono::milliseconds(ms);
        for (;;) {
            Wait *next = nullptr;
            for (Wait *w : std::as_const(m_waits)) {
                if (w->due && *w->due <= until && (!next || *w->due < *next->due))
                    next = w;
            }
            if (!next)
                break;
            m_now = std::max(m_now, *next->due);
            next->due.reset();
            if (next->context)
                next->fire();     // may start timers again, or destroy them
        }
        m_now = until;
    }

private:
    struct Wait final : Timer
    {
        Wait(ManualClock *clock, QObject *context, std::function<void()> fire)
            : clock(clock)
            , context(context)
            , fire(std::move(fire))
        {
        }
        ~Wait() override { clock->m_waits.removeOne(this); }
        void start(qint64 ms) override { due = clock->m_now + std::chrono::milliseconds(std::max<qint64>(0, ms)); }
        void stop() override { due.reset(); }

        ManualClock *clock;
        QPointer<QObject> context;
        std::function<void()> fire;
        std::optional<TimePoint> due;
    };

    static constexpr TimePoint Start{std::chrono::hours(1)};
    TimePoint m_now = Start;
    QList<Wait *> m_waits;
};

/// Lets the answers to the pool's requests under way arrive, and what they set off at this moment.
inline bool settle(const EndpointPool &pool)
{
    for (;;) {
        if (!QTest::qWaitFor([&pool] { return pool.inFlight() == 0; }, 10000))
            return false;
        QCoreApplication::processEvents();     // the dispatch an answer queued
        if (pool.inFlight() == 0)
            return true;
    }
}

/// Moves `clock` on a millisecond at a time, settling the pool at each, until `done` holds.
/// False when a minute of the clock passed first.
inline bool runUntil(ManualClock &clock, const EndpointPool &pool, const std::function<bool()> &done)
{
    for (qint64 spent = 0;; ++spent) {
        if (!settle(pool))
            return false;
        if (done())
            return true;
        if (spent >= 60000)
            return false;
        clock.advance(1);
    }
}

/// Moves `clock` on `ms`, a millisecond at a time, settling the pool at each.
inline bool run(ManualClock &clock, const EndpointPool &pool, qint64 ms)
{
    const qint64 until = clock.elapsedMs() + ms;
    return runUntil(clock, pool, [&] { return clock.elapsedMs() >= until; });
}

} // namespace arbor::test

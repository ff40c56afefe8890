#include "rpc/rpcclock.h"

#include <QPointer>
#include <QTimer>

#include <algorithm>
#include <limits>

namespace arbor {
namespace {

class SteadyTimer final : public RpcClock::Timer
{
public:
    SteadyTimer(QObject *context, std::function<void()> fire)
        : m_timer(new QTimer(context))
    {
        m_timer->setSingleShot(true);
        m_timer->setTimerType(Qt::PreciseTimer);
        QObject::connect(m_timer, &QTimer::timeout, context, std::move(fire));
    }
    ~SteadyTimer() override { delete m_timer.data(); }

    void start(qint64 ms) override
    {
        if (m_timer)
            m_timer->start(int(std::clamp<qint64>(ms, 0, std::numeric_limits<int>::max())));
    }
    void stop() override
    {
        if (m_timer)
            m_timer->stop();
    }

private:
    QPointer<QTimer> m_timer;       // a child of the context, which may go first
};

} // namespace

const std::shared_ptr<RpcClock> &RpcClock::steady()
{
    static const std::shared_ptr<RpcClock> clock = std::make_shared<RpcClock>();
    return clock;
}

RpcClock::TimePoint RpcClock::now() const
{
    return std::chrono::steady_clock::now();
}

std::unique_ptr<RpcClock::Timer> RpcClock::timer(QObject *context, std::function<void()> fire)
{
    return std::make_unique<SteadyTimer>(context, std::move(fire));
}

} // namespace arbor

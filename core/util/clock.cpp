#include "util/clock.h"

#include <QDateTime>

namespace arbor {
namespace {

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace

std::shared_ptr<const Clock> Clock::system()
{
    static const std::shared_ptr<const Clock> clock = std::make_shared<SystemClock>();
    return clock;
}

ManualClock::ManualClock()
    : m_now(QDateTime::currentMSecsSinceEpoch())
{
}

} // namespace arbor

#include "util/wallclock.h"

#include <QDateTime>

namespace arbor {
namespace {

class SystemWallClock final : public WallClock
{
public:
    qint64 nowMs() const override { return QDateTime::currentMSecsSinceEpoch(); }
};

} // namespace

std::shared_ptr<const WallClock> WallClock::system()
{
    static const std::shared_ptr<const WallClock> clock = std::make_shared<SystemWallClock>();
    return clock;
}

ManualWallClock::ManualWallClock()
    : m_now(QDateTime::currentMSecsSinceEpoch())
{
}

} // namespace arbor

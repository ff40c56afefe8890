#include "model/chainstatus.h"

namespace arbor {

QString indexPhaseName(IndexPhase phase)
{
    switch (phase) {
    case IndexPhase::Starting:
        return QStringLiteral("starting");
    case IndexPhase::CatchingUp:
        return QStringLiteral("catching up");
    case IndexPhase::Live:
        return QStringLiteral("live");
    case IndexPhase::RpcDown:
        return QStringLiteral("rpc down");
    case IndexPhase::Stalled:
        return QStringLiteral("stalled");
    case IndexPhase::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

} // namespace arbor

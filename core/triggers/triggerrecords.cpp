#include "triggers/triggerrecords.h"

namespace arbor {

// The action type names live with the other stored names, not in triggeraction.cpp: the outbox
// writer (store/deliveryoutbox.cpp), which reorg and chain deletion call, writes them and must
// not pull action parsing in at link time.
namespace {
const char *const ActionTypeNames[] = {"rest", "telegram", "mcp"};
}

QString actionTypeName(ActionType type)
{
    return QString::fromLatin1(ActionTypeNames[int(type)]);
}

std::optional<ActionType> actionTypeFromName(QStringView name)
{
    for (int i = 0; i < 3; ++i) {
        if (name == QLatin1String(ActionTypeNames[i]))
            return ActionType(i);
    }
    return std::nullopt;
}

QString deliveryStatusName(DeliveryStatus status)
{
    switch (status) {
    case DeliveryStatus::Pending:
        return QStringLiteral("pending");
    case DeliveryStatus::Retrying:
        return QStringLiteral("retrying");
    case DeliveryStatus::Success:
        return QStringLiteral("success");
    case DeliveryStatus::Failed:
        return QStringLiteral("failed");
    case DeliveryStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<DeliveryStatus> deliveryStatusFromName(QStringView name)
{
    for (DeliveryStatus s : {DeliveryStatus::Pending, DeliveryStatus::Retrying, DeliveryStatus::Success, DeliveryStatus::Failed,
                             DeliveryStatus::Cancelled}) {
        if (name == deliveryStatusName(s))
            return s;
    }
    return std::nullopt;
}

QString deliverySourceName(DeliverySource source)
{
    return source == DeliverySource::Alert ? QStringLiteral("alert") : QStringLiteral("trigger");
}

DeliverySource deliverySourceFromName(QStringView name)
{
    return name == u"alert" ? DeliverySource::Alert : DeliverySource::Trigger;
}

QString actionStateName(ActionState state)
{
    switch (state) {
    case ActionState::Failing: return QStringLiteral("failing");
    case ActionState::Disabled: return QStringLiteral("disabled");
    case ActionState::Ok: break;
    }
    return QStringLiteral("ok");
}

ActionState actionStateFromName(QStringView name)
{
    if (name == u"failing")
        return ActionState::Failing;
    if (name == u"disabled")
        return ActionState::Disabled;
    return ActionState::Ok;
}

} // namespace arbor

#include "triggers/triggerrecords.h"

namespace arbor {

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

} // namespace arbor

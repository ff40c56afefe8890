#include "model/endpointstatus.h"

#include <QCoreApplication>

namespace arbor {
namespace {

// The translation context of the texts, for lupdate and for the German file.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(arbor::EndpointStatus)
};

} // namespace

QString endpointStatusToken(EndpointStatus status)
{
    switch (status) {
    case EndpointStatus::Unknown:
        return QStringLiteral("unknown");
    case EndpointStatus::Ok:
        return QStringLiteral("ok");
    case EndpointStatus::RateLimited:
        return QStringLiteral("rate_limited");
    case EndpointStatus::AnsweringWithErrors:
        return QStringLiteral("answering_with_errors");
    case EndpointStatus::Unreachable:
        return QStringLiteral("unreachable");
    }
    return QStringLiteral("unknown");
}

std::optional<EndpointStatus> endpointStatusFromToken(QStringView token)
{
    for (EndpointStatus s : {EndpointStatus::Unknown, EndpointStatus::Ok, EndpointStatus::RateLimited, EndpointStatus::AnsweringWithErrors,
                             EndpointStatus::Unreachable}) {
        if (token == endpointStatusToken(s))
            return s;
    }
    if (token == u"down")
        return EndpointStatus::Unreachable;
    if (token == u"degraded")
        return EndpointStatus::AnsweringWithErrors;
    if (token == u"rate limited")
        return EndpointStatus::RateLimited;
    if (token.isEmpty())
        return EndpointStatus::Unknown;
    return std::nullopt;
}

QString endpointStatusText(EndpointStatus status)
{
    switch (status) {
    case EndpointStatus::Unknown:
        return Texts::tr("unknown");
    case EndpointStatus::Ok:
        return Texts::tr("ok");
    case EndpointStatus::RateLimited:
        return Texts::tr("rate limited");
    case EndpointStatus::AnsweringWithErrors:
        return Texts::tr("answering with errors");
    case EndpointStatus::Unreachable:
        return Texts::tr("unreachable");
    }
    return Texts::tr("unknown");
}

} // namespace arbor

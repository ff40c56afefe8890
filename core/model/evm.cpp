#include "model/evm.h"

namespace arbor {

QString registryKindName(RegistryKind kind)
{
    switch (kind) {
    case RegistryKind::Identity:
        return QStringLiteral("identity");
    case RegistryKind::Reputation:
        return QStringLiteral("reputation");
    case RegistryKind::Validation:
        return QStringLiteral("validation");
    }
    return {};
}

std::optional<RegistryKind> registryKindFromName(QStringView name)
{
    for (RegistryKind kind : {RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation}) {
        if (name == registryKindName(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace arbor

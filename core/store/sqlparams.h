#pragma once

// Bound-parameter helpers shared by the domain stores' .cpp files. Private to core/store.

#include <QVariant>

#include <optional>

namespace arbor {

/// An optional as a bound parameter: its value, or SQL NULL.
template<typename T>
QVariant nullableParam(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

} // namespace arbor

#pragma once

// Bound-parameter helpers shared by the domain stores' .cpp files. Private to core/store.

#include <QByteArray>
#include <QByteArrayView>
#include <QVariant>

#include <optional>

namespace arbor {

/// An optional as a bound parameter: its value, or SQL NULL.
template<typename T>
QVariant nullableParam(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

/// Bytes as a bound parameter without a copy: the value points into `b`, which must outlive it
/// (a promotion's rows point into the batch being promoted: four allocations less per transfer).
inline QVariant borrowedBytes(QByteArrayView b)
{
    return QByteArray::fromRawData(b.constData(), b.size());
}

} // namespace arbor

#include "model/hash.h"

#include "model/hex.h"

#include <QCoreApplication>

#include <cstring>

namespace arbor {

Result<Hash> Hash::fromHex(QStringView text, const QString &field)
{
    const QStringView t = text.trimmed();
    const auto bytes = hex::decode(t, field, Size);
    if (!bytes)
        return Error::invalid(field, tr("“%1” is not a 32-byte hash (0x followed by 64 hex digits).").arg(t.left(80)));
    return fromBytes(*bytes, field);
}

Result<Hash> Hash::fromBytes(QByteArrayView bytes, const QString &field)
{
    if (bytes.size() != Size)
        return Error::invalid(field, tr("A hash has 32 bytes, not %1.").arg(bytes.size()));
    Hash hash;
    std::memcpy(hash.m_bytes.data(), bytes.data(), Size);
    return hash;
}

} // namespace arbor

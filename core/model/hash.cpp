#include "model/hash.h"

#include <QCoreApplication>

#include <cstring>

namespace arbor {

Result<Hash> Hash::fromHex(QStringView text, const QString &field)
{
    const QStringView t = text.trimmed();
    const QByteArray digits = t.startsWith(u"0x") ? t.mid(2).toLatin1() : QByteArray();
    const bool allHex = std::all_of(digits.begin(), digits.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
    if (digits.size() != Size * 2 || !allHex)
        return Error::invalid(field, tr("“%1” is not a 32-byte hash (0x followed by 64 hex digits).").arg(t.left(80)));
    return fromBytes(QByteArray::fromHex(digits), field);
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

#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <array>
#include <compare>

namespace arbor {

/// A 32-byte value: block and transaction hashes, topics, bytes32 fields.
class Hash
{
    Q_DECLARE_TR_FUNCTIONS(arbor::Hash)

public:
    static constexpr int Size = 32;

    Hash() = default;
    static Result<Hash> fromHex(QStringView text, const QString &field = QString());
    static Result<Hash> fromBytes(QByteArrayView bytes, const QString &field = QString());

    QByteArray toBytes() const { return QByteArray(reinterpret_cast<const char *>(m_bytes.data()), Size); }
    /// The 32 bytes in place, valid while this Hash lives (no copy, unlike toBytes()).
    QByteArrayView bytes() const { return QByteArrayView(m_bytes.data(), Size); }
    QString toHex() const { return QLatin1String("0x") + QString::fromLatin1(toBytes().toHex()); }

    friend auto operator<=>(const Hash &, const Hash &) = default;
    friend bool operator==(const Hash &, const Hash &) = default;

private:
    std::array<unsigned char, Size> m_bytes{};
};

} // namespace arbor

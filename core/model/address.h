#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHashFunctions>
#include <QMetaType>
#include <QString>

#include <array>
#include <compare>
#include <cstring>

namespace arbor {

/**
 * A 20-byte EVM account or contract address.
 *
 * Parsed from "0x" + 40 hex digits. All-lowercase and all-uppercase input is accepted as is;
 * mixed case must carry a valid EIP-55 checksum, so a mistyped address pasted from an explorer
 * is caught instead of silently indexing the wrong contract.
 */
class Address
{
    Q_DECLARE_TR_FUNCTIONS(arbor::Address)

public:
    static constexpr int Size = 20;

    Address() = default;

    static Result<Address> fromHex(QStringView text, const QString &field = QString());
    /// Exactly 20 bytes, or an error.
    static Result<Address> fromBytes(QByteArrayView bytes, const QString &field = QString());

    QByteArray toBytes() const;
    /// The 20 bytes in place, valid while this Address lives (no copy, unlike toBytes()).
    QByteArrayView bytes() const { return QByteArrayView(m_bytes.data(), Size); }
    /// Lowercase "0x…" form: what Arbor stores and prints in machine-readable output.
    QString toHex() const;
    /// EIP-55 mixed-case form, for people.
    QString toChecksumHex() const;
    bool isZero() const;

    friend auto operator<=>(const Address &, const Address &) = default;
    friend bool operator==(const Address &, const Address &) = default;
    /// As Qt hashes composite keys, from the 20 bytes as three words: qHashBits' SipHash over
    /// the bytes was 3% of a dense index's CPU, where every transfer hashes two addresses.
    friend size_t qHash(const Address &a, size_t seed = 0) noexcept
    {
        quint64 first = 0;
        quint64 second = 0;
        quint32 last = 0;
        std::memcpy(&first, a.m_bytes.data(), sizeof first);
        std::memcpy(&second, a.m_bytes.data() + 8, sizeof second);
        std::memcpy(&last, a.m_bytes.data() + 16, sizeof last);
        return qHashMulti(seed, first, second, last);
    }

private:
    std::array<unsigned char, Size> m_bytes{};
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::Address)

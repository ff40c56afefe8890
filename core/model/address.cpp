#include "model/address.h"

#include "model/hex.h"
#include "model/keccak.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace arbor {

Result<Address> Address::fromHex(QStringView text, const QString &field)
{
    const QStringView t = text.trimmed();
    // Addresses alone tolerate an uppercase 0X, as pasted from some tools.
    const QString prefixed = t.startsWith(u"0X") ? u"0x" + t.mid(2).toString() : t.toString();
    const auto bytes = hex::decode(prefixed, field, Size);
    if (!bytes) {
        // The address's own (translated) wording rather than the decoder's.
        if (!prefixed.startsWith(u"0x"))
            return Error::invalid(field, tr("“%1” is not an address: it must start with 0x followed by 40 hex digits.").arg(t));
        if (prefixed.size() != 2 + Size * 2)
            return Error::invalid(field, tr("“%1” is not an address: expected 40 hex digits after 0x, found %2.").arg(t).arg(prefixed.size() - 2));
        return Error::invalid(field, tr("“%1” is not an address: it contains a character that is not a hex digit.").arg(t));
    }
    Address address;
    std::memcpy(address.m_bytes.data(), bytes->constData(), Size);
    const QStringView digits = t.mid(2);
    const bool hasLower = std::any_of(digits.begin(), digits.end(), [](QChar c) { return c.isLower(); });
    const bool hasUpper = std::any_of(digits.begin(), digits.end(), [](QChar c) { return c.isUpper(); });
    if (hasLower && hasUpper && address.toChecksumHex().mid(2) != digits)
        return Error::invalid(field, tr("“%1” has mixed case but an invalid EIP-55 checksum: check for a typo, or paste it in all lowercase.").arg(t));
    return address;
}

Result<Address> Address::fromBytes(QByteArrayView bytes, const QString &field)
{
    if (bytes.size() != Size)
        return Error::invalid(field, tr("An address has 20 bytes, not %1.").arg(bytes.size()));
    Address address;
    std::memcpy(address.m_bytes.data(), bytes.data(), Size);
    return address;
}

QByteArray Address::toBytes() const
{
    return QByteArray(reinterpret_cast<const char *>(m_bytes.data()), Size);
}

QString Address::toHex() const
{
    return QLatin1String("0x") + QString::fromLatin1(toBytes().toHex());
}

QString Address::toChecksumHex() const
{
    const QByteArray lower = toBytes().toHex();
    const QByteArray hash = keccak256(lower);
    QString out = QStringLiteral("0x");
    out.reserve(2 + Size * 2);
    for (int i = 0; i < lower.size(); ++i) {
        const unsigned char nibble = (static_cast<unsigned char>(hash[i / 2]) >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
        const char c = lower[i];
        out += QChar::fromLatin1(c >= 'a' && nibble >= 8 ? char(c - 'a' + 'A') : c);
    }
    return out;
}

bool Address::isZero() const
{
    return std::all_of(m_bytes.begin(), m_bytes.end(), [](unsigned char b) { return b == 0; });
}

} // namespace arbor

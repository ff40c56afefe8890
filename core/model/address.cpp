#include "model/address.h"

#include "model/keccak.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace arbor {
namespace {

int hexValue(QChar c)
{
    const char16_t u = c.unicode();
    if (u >= u'0' && u <= u'9')
        return u - u'0';
    if (u >= u'a' && u <= u'f')
        return u - u'a' + 10;
    if (u >= u'A' && u <= u'F')
        return u - u'A' + 10;
    return -1;
}

} // namespace

Result<Address> Address::fromHex(QStringView text, const QString &field)
{
    const QStringView t = text.trimmed();
    if (!t.startsWith(u"0x") && !t.startsWith(u"0X"))
        return Error::invalid(field, tr("“%1” is not an address: it must start with 0x followed by 40 hex digits.").arg(t));
    const QStringView digits = t.mid(2);
    if (digits.size() != Size * 2)
        return Error::invalid(field, tr("“%1” is not an address: expected 40 hex digits after 0x, found %2.").arg(t).arg(digits.size()));
    Address address;
    bool hasLower = false;
    bool hasUpper = false;
    for (int i = 0; i < Size; ++i) {
        const int hi = hexValue(digits[2 * i]);
        const int lo = hexValue(digits[2 * i + 1]);
        if (hi < 0 || lo < 0)
            return Error::invalid(field, tr("“%1” is not an address: it contains a character that is not a hex digit.").arg(t));
        address.m_bytes[size_t(i)] = static_cast<unsigned char>(hi * 16 + lo);
    }
    for (QChar c : digits) {
        hasLower |= c.isLower();
        hasUpper |= c.isUpper();
    }
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

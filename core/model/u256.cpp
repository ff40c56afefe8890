#include "model/u256.h"

#include <QCoreApplication>

#include <array>

namespace arbor::u256 {

QByteArray toBigEndian(const U256 &value)
{
    // export_bits writes the significant bytes, most significant first (at least one byte).
    std::array<unsigned char, 32> digits{};
    const auto end = boost::multiprecision::export_bits(value, digits.begin(), 8);
    const qsizetype n = end - digits.begin();
    QByteArray out(32 - n, '\0');
    out.append(reinterpret_cast<const char *>(digits.data()), n);
    return out;
}

Result<U256> fromBigEndian(QByteArrayView bytes, const QString &field)
{
    if (bytes.size() != 32)
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "A 256-bit value has 32 bytes, not %1.").arg(bytes.size()));
    U256 v;
    boost::multiprecision::import_bits(v, reinterpret_cast<const unsigned char *>(bytes.data()),
                                       reinterpret_cast<const unsigned char *>(bytes.data()) + bytes.size(), 8);
    return v;
}

QString toDecimal(const U256 &value)
{
    return QString::fromStdString(value.str());
}

Result<U256> fromDecimal(QStringView text, const QString &field)
{
    if (text.isEmpty())
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "A number is required."));
    if (text.size() > 78)
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” does not fit in 256 bits.").arg(text));
    U256 v = 0;
    const U256 max = std::numeric_limits<U256>::max();
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” is not a whole non-negative decimal number.").arg(text));
        const unsigned digit = c.unicode() - u'0';
        if (v > (max - digit) / 10)
            return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” does not fit in 256 bits.").arg(text));
        v = v * 10 + digit;
    }
    return v;
}

Result<U256> fromHexQuantity(QStringView text, const QString &field)
{
    if (!text.startsWith(u"0x") || text.size() < 3)
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” is not a hex quantity (expected 0x followed by hex digits).").arg(text.left(80)));
    const QStringView digits = text.mid(2);
    if (digits.size() > 64)
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "The hex quantity “%1” does not fit in 256 bits.").arg(text.left(80)));
    U256 v = 0;
    for (QChar c : digits) {
        const char16_t u = c.unicode();
        unsigned d;
        if (u >= u'0' && u <= u'9')
            d = u - u'0';
        else if (u >= u'a' && u <= u'f')
            d = u - u'a' + 10;
        else if (u >= u'A' && u <= u'F')
            d = u - u'A' + 10;
        else
            return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” is not a hex quantity: it contains a non-hex character.").arg(text.left(80)));
        v = (v << 4) | d;
    }
    return v;
}

QString formatUnits(const U256 &value, int decimals)
{
    QString digits = toDecimal(value);
    if (decimals <= 0)
        return digits;
    if (digits.size() <= decimals)
        digits.prepend(QString(decimals - digits.size() + 1, u'0'));
    QString whole = digits.left(digits.size() - decimals);
    QString fraction = digits.right(decimals);
    while (fraction.endsWith(u'0'))
        fraction.chop(1);
    return fraction.isEmpty() ? whole : whole + u'.' + fraction;
}

} // namespace arbor::u256

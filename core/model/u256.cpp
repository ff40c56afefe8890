#include "model/u256.h"

#include <QCoreApplication>
#include <QtEndian>

#include <bit>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <utility>

namespace arbor {
namespace {

constexpr quint64 TenToThe19 = 10'000'000'000'000'000'000ULL;   // the largest power of ten in a limb

bool allZero(const U256::Limbs &limbs)
{
    return (limbs[0] | limbs[1] | limbs[2] | limbs[3]) == 0;
}

/// limbs /= divisor; returns the remainder.
quint64 divideBySmall(U256::Limbs &limbs, quint64 divisor)
{
    unsigned __int128 remainder = 0;
    for (int i = 3; i >= 0; --i) {
        const unsigned __int128 current = (remainder << 64) | limbs[i];
        limbs[i] = quint64(current / divisor);
        remainder = current % divisor;
    }
    return quint64(remainder);
}

/// limbs = limbs * factor + addend; false when the exact result needs more than 256 bits.
bool multiplyAdd(U256::Limbs &limbs, quint64 factor, quint64 addend)
{
    unsigned __int128 carry = addend;
    for (quint64 &limb : limbs) {
        const unsigned __int128 t = (unsigned __int128)limb * factor + carry;
        limb = quint64(t);
        carry = t >> 64;
    }
    return carry == 0;
}

int bitLength(const U256 &v)
{
    for (int i = 3; i >= 0; --i) {
        if (const quint64 limb = v.limbs()[i])
            return 64 * i + std::bit_width(limb);
    }
    return 0;
}

/// Quotient and remainder; a one-limb divisor takes the short way.
std::pair<U256, U256> divide(const U256 &a, const U256 &b)
{
    if (b.isZero())
        throw std::overflow_error("Integer Division by zero.");
    if ((b.limbs()[1] | b.limbs()[2] | b.limbs()[3]) == 0) {
        U256::Limbs quotient = a.limbs();
        const quint64 remainder = divideBySmall(quotient, b.limbs()[0]);
        return {U256::fromLimbs(quotient), remainder};
    }
    if (a < b)
        return {0, a};
    // Binary long division, a bit at a time. The remainder never exceeds the bits of `a` taken
    // so far, so shifting it left cannot overflow.
    U256::Limbs quotient{};
    U256 remainder;
    for (int bit = bitLength(a) - 1; bit >= 0; --bit) {
        remainder <<= 1;
        remainder |= (a.limbs()[bit / 64] >> (bit % 64)) & 1;
        if (remainder >= b) {
            remainder -= b;
            quotient[bit / 64] |= quint64(1) << (bit % 64);
        }
    }
    return {U256::fromLimbs(quotient), remainder};
}

} // namespace

U256 operator/(const U256 &a, const U256 &b)
{
    return divide(a, b).first;
}

U256 operator%(const U256 &a, const U256 &b)
{
    return divide(a, b).second;
}

double U256::toDouble() const noexcept
{
    const int bits = bitLength(*this);
    if (bits <= 64)
        return double(m_limbs[0]);
    // The top 64 bits, with the lowest one set when anything below them is: converting that
    // rounds exactly as the whole value would, since a double keeps only 53 of them.
    const unsigned below = unsigned(bits - 64);
    const quint64 top = (*this >> below).m_limbs[0];
    const bool sticky = !(*this << (256 - below)).isZero();
    return std::ldexp(double(top | quint64(sticky)), int(below));
}

namespace u256 {

QByteArray toBigEndian(const U256 &value)
{
    QByteArray out(32, Qt::Uninitialized);
    toBigEndian(value, out.data());
    return out;
}

void toBigEndian(const U256 &value, char *out)
{
    for (int i = 0; i < 4; ++i)
        qToBigEndian(value.limbs()[3 - i], out + 8 * i);
}

Result<U256> fromBigEndian(QByteArrayView bytes, const QString &field)
{
    if (bytes.size() != 32)
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "A 256-bit value has 32 bytes, not %1.").arg(bytes.size()));
    U256::Limbs limbs;
    for (int i = 0; i < 4; ++i)
        limbs[3 - i] = qFromBigEndian<quint64>(bytes.data() + 8 * i);
    return U256::fromLimbs(limbs);
}

namespace {

// The decimal digits of `value` at the end of `digits` (MaxDecimalDigits long); the index of the first.
template<typename Char>
qsizetype decimalDigits(const U256 &value, Char *digits)
{
    // Nineteen digits per division; every group but the most significant keeps its zeros.
    U256::Limbs rest = value.limbs();
    qsizetype begin = MaxDecimalDigits;
    do {
        quint64 group = divideBySmall(rest, TenToThe19);
        const bool last = allZero(rest);
        for (int i = 0; i < 19 && (group || !last); ++i) {
            digits[--begin] = Char('0' + group % 10);
            group /= 10;
        }
    } while (!allZero(rest));
    if (begin == MaxDecimalDigits)
        digits[--begin] = Char('0');
    return begin;
}

} // namespace

int toBase10000(const U256 &value, quint16 *out)
{
    // Four digits per division by 10^16, which fits in a limb.
    constexpr quint64 TenToThe16 = 10'000'000'000'000'000ULL;
    U256::Limbs rest = value.limbs();
    int count = 0;
    while (!allZero(rest)) {
        quint64 group = divideBySmall(rest, TenToThe16);
        for (int i = 0; i < 4; ++i) {
            out[count++] = quint16(group % 10000);
            group /= 10000;
        }
    }
    while (count > 0 && out[count - 1] == 0)
        --count;
    return count;
}

QString toDecimal(const U256 &value)
{
    char16_t digits[MaxDecimalDigits];
    const qsizetype begin = decimalDigits(value, digits);
    return QString(reinterpret_cast<const QChar *>(digits + begin), MaxDecimalDigits - begin);
}

qsizetype toDecimal(const U256 &value, char *out)
{
    char digits[MaxDecimalDigits];
    const qsizetype begin = decimalDigits(value, digits);
    std::memcpy(out, digits + begin, size_t(MaxDecimalDigits - begin));
    return MaxDecimalDigits - begin;
}

Result<U256> fromDecimal(QStringView text, const QString &field)
{
    if (text.isEmpty())
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "A number is required."));
    if (text.size() > 78)
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” does not fit in 256 bits.").arg(text));
    U256::Limbs limbs{};
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” is not a whole non-negative decimal number.").arg(text));
        if (!multiplyAdd(limbs, 10, c.unicode() - u'0'))
            return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” does not fit in 256 bits.").arg(text));
    }
    return U256::fromLimbs(limbs);
}

Result<U256> fromHexQuantity(QStringView text, const QString &field)
{
    if (!text.startsWith(u"0x") || text.size() < 3)
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” is not a hex quantity (expected 0x followed by hex digits).").arg(text.left(80)));
    const QStringView digits = text.mid(2);
    if (digits.size() > 64)
        return Error::invalid(field, QCoreApplication::translate("arbor::U256", "The hex quantity “%1” does not fit in 256 bits.").arg(text.left(80)));
    U256::Limbs limbs{};
    const qsizetype n = digits.size();
    for (qsizetype i = 0; i < n; ++i) {   // i counts from the least significant digit
        const char16_t u = digits[n - 1 - i].unicode();
        quint64 d;
        if (u >= u'0' && u <= u'9')
            d = u - u'0';
        else if (u >= u'a' && u <= u'f')
            d = u - u'a' + 10;
        else if (u >= u'A' && u <= u'F')
            d = u - u'A' + 10;
        else
            return Error::invalid(field, QCoreApplication::translate("arbor::U256", "“%1” is not a hex quantity: it contains a non-hex character.").arg(text.left(80)));
        limbs[i / 16] |= d << (4 * (i % 16));
    }
    return U256::fromLimbs(limbs);
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

} // namespace u256
} // namespace arbor

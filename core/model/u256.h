#pragma once

#include "error.h"

#include <QByteArray>
#include <QHashFunctions>
#include <QString>

#include <array>
#include <compare>
#include <concepts>
#include <limits>
#include <optional>
#include <type_traits>

namespace arbor {

/**
 * An exact unsigned 256-bit integer: token amounts, balances, supplies, agent ids.
 *
 * A plain value of four 64-bit limbs, least significant first. Arithmetic wraps modulo 2^256
 * like a built-in unsigned type (and like Boost's uint256_t, which this replaces): `0 - 1` is
 * the maximum, `max + 1` is 0, and a negative integer converts to its two's complement. Shifts
 * by 256 or more give 0. Division and remainder by zero throw std::overflow_error, as Boost's
 * did: a zero divisor is a programming error, not an input to report.
 *
 * Addition, subtraction, comparison, shifts, bit operations and multiplication are inline and
 * constexpr; division and the conversions to text live in u256.cpp. Code that needs wider or
 * signed intermediates (balance deltas, shares of a supply) uses Boost through the private
 * header model/u256wide.h, in its .cpp file only.
 *
 * A plain value without shared state: copy it freely between threads.
 */
class U256
{
public:
    /// The limbs, least significant first.
    using Limbs = std::array<quint64, 4>;

    constexpr U256() noexcept = default;

    /// Implicit, so `U256 v = 0;`, `v * 10 + digit` and `v > 0` read as with built-in integers.
    template <std::integral T>
        requires(!std::same_as<T, bool>)
    constexpr U256(T value) noexcept
    {
        m_limbs[0] = quint64(value);
        if constexpr (std::is_signed_v<T>) {
            if (value < 0)   // two's complement, modulo 2^256
                m_limbs[1] = m_limbs[2] = m_limbs[3] = ~quint64(0);
        }
    }

    static constexpr U256 fromLimbs(const Limbs &limbs) noexcept
    {
        U256 v;
        v.m_limbs = limbs;
        return v;
    }
    constexpr const Limbs &limbs() const noexcept { return m_limbs; }

    constexpr bool isZero() const noexcept { return (m_limbs[0] | m_limbs[1] | m_limbs[2] | m_limbs[3]) == 0; }
    /// The value as a qint64, or nothing when it is 2^63 or more.
    constexpr std::optional<qint64> toInt64() const noexcept
    {
        if (m_limbs[1] | m_limbs[2] | m_limbs[3] || m_limbs[0] > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(m_limbs[0]);
    }
    /// The nearest double (ties to even); values beyond 2^53 lose their low digits.
    double toDouble() const noexcept;

    friend constexpr bool operator==(const U256 &, const U256 &) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(const U256 &a, const U256 &b) noexcept
    {
        for (int i = 3; i >= 0; --i) {
            if (a.m_limbs[i] != b.m_limbs[i])
                return a.m_limbs[i] < b.m_limbs[i] ? std::strong_ordering::less : std::strong_ordering::greater;
        }
        return std::strong_ordering::equal;
    }

    friend constexpr U256 operator+(const U256 &a, const U256 &b) noexcept
    {
        U256 r;
        unsigned __int128 carry = 0;
        for (int i = 0; i < 4; ++i) {
            const unsigned __int128 sum = (unsigned __int128)a.m_limbs[i] + b.m_limbs[i] + carry;
            r.m_limbs[i] = quint64(sum);
            carry = sum >> 64;
        }
        return r;
    }
    friend constexpr U256 operator-(const U256 &a, const U256 &b) noexcept
    {
        U256 r;
        quint64 borrow = 0;
        for (int i = 0; i < 4; ++i) {
            // On a borrow the difference wraps, and its high half is all ones.
            const unsigned __int128 difference = (unsigned __int128)a.m_limbs[i] - b.m_limbs[i] - borrow;
            r.m_limbs[i] = quint64(difference);
            borrow = quint64(difference >> 64) & 1;
        }
        return r;
    }
    /// Schoolbook, keeping the low 256 bits of the product.
    friend constexpr U256 operator*(const U256 &a, const U256 &b) noexcept
    {
        U256 r;
        for (int i = 0; i < 4; ++i) {
            quint64 carry = 0;
            for (int j = 0; i + j < 4; ++j) {
                const unsigned __int128 t = (unsigned __int128)a.m_limbs[i] * b.m_limbs[j] + r.m_limbs[i + j] + carry;
                r.m_limbs[i + j] = quint64(t);
                carry = quint64(t >> 64);
            }
        }
        return r;
    }
    /// Throws std::overflow_error when `b` is zero.
    friend U256 operator/(const U256 &a, const U256 &b);
    /// Throws std::overflow_error when `b` is zero.
    friend U256 operator%(const U256 &a, const U256 &b);

    friend constexpr U256 operator<<(const U256 &a, unsigned shift) noexcept
    {
        U256 r;
        if (shift >= 256)
            return r;
        const unsigned limbs = shift / 64, bits = shift % 64;
        for (unsigned i = limbs; i < 4; ++i) {
            r.m_limbs[i] = a.m_limbs[i - limbs] << bits;
            if (bits && i > limbs)
                r.m_limbs[i] |= a.m_limbs[i - limbs - 1] >> (64 - bits);
        }
        return r;
    }
    friend constexpr U256 operator>>(const U256 &a, unsigned shift) noexcept
    {
        U256 r;
        if (shift >= 256)
            return r;
        const unsigned limbs = shift / 64, bits = shift % 64;
        for (unsigned i = 0; i + limbs < 4; ++i) {
            r.m_limbs[i] = a.m_limbs[i + limbs] >> bits;
            if (bits && i + limbs + 1 < 4)
                r.m_limbs[i] |= a.m_limbs[i + limbs + 1] << (64 - bits);
        }
        return r;
    }

    friend constexpr U256 operator|(const U256 &a, const U256 &b) noexcept { return a.combine(b, [](quint64 x, quint64 y) { return x | y; }); }
    friend constexpr U256 operator&(const U256 &a, const U256 &b) noexcept { return a.combine(b, [](quint64 x, quint64 y) { return x & y; }); }
    friend constexpr U256 operator^(const U256 &a, const U256 &b) noexcept { return a.combine(b, [](quint64 x, quint64 y) { return x ^ y; }); }
    friend constexpr U256 operator~(const U256 &a) noexcept { return fromLimbs({~a.m_limbs[0], ~a.m_limbs[1], ~a.m_limbs[2], ~a.m_limbs[3]}); }

    constexpr U256 &operator+=(const U256 &b) noexcept { return *this = *this + b; }
    constexpr U256 &operator-=(const U256 &b) noexcept { return *this = *this - b; }
    constexpr U256 &operator*=(const U256 &b) noexcept { return *this = *this * b; }
    U256 &operator/=(const U256 &b) { return *this = *this / b; }
    U256 &operator%=(const U256 &b) { return *this = *this % b; }
    constexpr U256 &operator<<=(unsigned shift) noexcept { return *this = *this << shift; }
    constexpr U256 &operator>>=(unsigned shift) noexcept { return *this = *this >> shift; }
    constexpr U256 &operator|=(const U256 &b) noexcept { return *this = *this | b; }
    constexpr U256 &operator&=(const U256 &b) noexcept { return *this = *this & b; }
    constexpr U256 &operator^=(const U256 &b) noexcept { return *this = *this ^ b; }

    friend size_t qHash(const U256 &v, size_t seed = 0) noexcept
    {
        return qHashMulti(seed, v.m_limbs[0], v.m_limbs[1], v.m_limbs[2], v.m_limbs[3]);
    }

private:
    template <typename Op>
    constexpr U256 combine(const U256 &b, Op op) const noexcept
    {
        return fromLimbs({op(m_limbs[0], b.m_limbs[0]), op(m_limbs[1], b.m_limbs[1]), op(m_limbs[2], b.m_limbs[2]), op(m_limbs[3], b.m_limbs[3])});
    }

    Limbs m_limbs{};
};

namespace u256 {

/// 32 bytes, big-endian: the SQLite storage form (memcmp order equals numeric order).
QByteArray toBigEndian(const U256 &value);
/// The same 32 bytes into `out`, with no allocation.
void toBigEndian(const U256 &value, char *out);
/// Exactly 32 bytes, or (for ABI words and SQLite BLOBs of other sizes) an error.
Result<U256> fromBigEndian(QByteArrayView bytes, const QString &field = QString());

QString toDecimal(const U256 &value);
/// The most decimal digits a uint256 has: 2^256 - 1 has 78.
constexpr qsizetype MaxDecimalDigits = 78;
/// toDecimal()'s digits into `out` (room for MaxDecimalDigits), with no allocation; returns their count.
qsizetype toDecimal(const U256 &value, char *out);
/// The most base-10000 digits a uint256 has.
constexpr int MaxBase10000Digits = 20;
/// `value`'s base-10000 digits (PostgreSQL's numeric) into `out`, least significant first, with
/// no leading zero digit (none at all for zero); returns their count.
int toBase10000(const U256 &value, quint16 *out);
/// Plain decimal digits only; rejects signs, spaces, and values of 2^256 or more.
Result<U256> fromDecimal(QStringView text, const QString &field = QString());
/// "0x…" quantity as JSON-RPC returns it; rejects empty, non-hex and oversize input.
Result<U256> fromHexQuantity(QStringView text, const QString &field = QString());

/// `value` scaled down by 10^decimals, with trailing zeros of the fraction removed:
/// formatUnits(1500000, 6) == "1.5".
QString formatUnits(const U256 &value, int decimals);

} // namespace u256
} // namespace arbor

template <>
struct std::numeric_limits<arbor::U256>
{
    static constexpr bool is_specialized = true;
    static constexpr bool is_signed = false;
    static constexpr bool is_integer = true;
    static constexpr bool is_exact = true;
    static constexpr bool is_bounded = true;
    static constexpr bool is_modulo = true;
    static constexpr bool has_infinity = false;
    static constexpr bool has_quiet_NaN = false;
    static constexpr bool has_signaling_NaN = false;
    static constexpr int radix = 2;
    static constexpr int digits = 256;
    static constexpr int digits10 = 77;

    static constexpr arbor::U256 min() noexcept { return 0; }
    static constexpr arbor::U256 lowest() noexcept { return 0; }
    static constexpr arbor::U256 max() noexcept { return ~arbor::U256(); }
};

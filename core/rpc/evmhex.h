#pragma once

#include <QByteArray>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <array>
#include <limits>
#include <optional>
#include <string_view>

/**
 * Hex straight from a JSON parser's buffer: the values of a node's answers (hashes, topics,
 * addresses, quantities, data) as the evmjson parsers read them, every log's worth, so they
 * neither copy nor allocate before a value is known good. Each returns nothing for a value that
 * is not what it should be; the parser names the field. Pure functions, safe on any thread.
 * Only evmjson uses them: operators' and other one-off values go through arbor::hex::decode.
 */
namespace arbor::evmhex {

/// Each byte's value as a hex digit (either case), -1 for any other byte.
inline constexpr std::array<signed char, 256> HexDigits = [] {
    std::array<signed char, 256> t{};
    t.fill(-1);
    for (int c = '0'; c <= '9'; ++c)
        t[size_t(c)] = static_cast<signed char>(c - '0');
    for (int c = 'a'; c <= 'f'; ++c)
        t[size_t(c)] = static_cast<signed char>(c - 'a' + 10);
    for (int c = 'A'; c <= 'F'; ++c)
        t[size_t(c)] = static_cast<signed char>(c - 'A' + 10);
    return t;
}();

/// Whether `s` starts with the lowercase "0x" every JSON-RPC hex value has.
inline bool hasPrefix(std::string_view s)
{
    return s.size() >= 2 && s[0] == '0' && s[1] == 'x';
}

#if defined(__SSE2__)
/// 16 hex digits to their values (0-15); `valid` keeps a set byte only where each was one.
/// A digit is c - '0' below 10, a letter (c | 0x20) - 'a' below 6, both compared unsigned.
inline __m128i nibbles(__m128i digits, __m128i &valid)
{
    const __m128i fromDigit = _mm_sub_epi8(digits, _mm_set1_epi8('0'));
    const __m128i fromLetter = _mm_sub_epi8(_mm_or_si128(digits, _mm_set1_epi8(0x20)), _mm_set1_epi8('a'));
    const __m128i digit = _mm_cmpeq_epi8(_mm_subs_epu8(fromDigit, _mm_set1_epi8(9)), _mm_setzero_si128());
    const __m128i letter = _mm_cmpeq_epi8(_mm_subs_epu8(fromLetter, _mm_set1_epi8(5)), _mm_setzero_si128());
    valid = _mm_and_si128(valid, _mm_or_si128(digit, letter));
    return _mm_or_si128(_mm_and_si128(digit, fromDigit), _mm_and_si128(letter, _mm_add_epi8(fromLetter, _mm_set1_epi8(10))));
}

/// 16 values, high and low nibble in turn, to 8 bytes, one in each 16-bit lane.
inline __m128i joinNibbles(__m128i values)
{
    return _mm_or_si128(_mm_slli_epi16(_mm_and_si128(values, _mm_set1_epi16(0x00ff)), 4), _mm_srli_epi16(values, 8));
}
#endif

/// The 2 * n hex digits of `digits` as n bytes at `out`; false, with `out` undefined, where one
/// is not a hex digit. Sixteen bytes at a time where SSE2 is there (every x86-64): a lookup per
/// byte of a log's hashes, topics and data cost about as much as simdjson's own first pass
/// over the eth_getLogs answer.
inline bool decodeHex(std::string_view digits, unsigned char *out)
{
    const auto *p = reinterpret_cast<const unsigned char *>(digits.data());
    const size_t n = digits.size() / 2;
    size_t i = 0;
#if defined(__SSE2__)
    __m128i valid = _mm_set1_epi8(-1);
    for (; i + 16 <= n; i += 16) {
        const __m128i high = joinNibbles(nibbles(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 2 * i)), valid));
        const __m128i low = joinNibbles(nibbles(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 2 * i + 16)), valid));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), _mm_packus_epi16(high, low));
    }
    for (; i + 8 <= n; i += 8) {
        const __m128i bytes = joinNibbles(nibbles(_mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 2 * i)), valid));
        _mm_storel_epi64(reinterpret_cast<__m128i *>(out + i), _mm_packus_epi16(bytes, bytes));
    }
    if (_mm_movemask_epi8(valid) != 0xffff)
        return false;
#endif
    // The rest (an address's last 4 bytes), or all of it without SSE2.
    int invalid = 0;
    for (; i < n; ++i) {
        const int high = HexDigits[p[2 * i]];
        const int low = HexDigits[p[2 * i + 1]];
        invalid |= high | low;
        out[i] = static_cast<unsigned char>(high << 4 | low);
    }
    return invalid >= 0;
}

/// "0x" and exactly 2 * T::Size hex digits as a T (Hash, Address).
template<typename T>
inline std::optional<T> fixedBytes(std::string_view s)
{
    if (s.size() != size_t(2 + 2 * T::Size) || !hasPrefix(s))
        return std::nullopt;
    std::array<unsigned char, T::Size> bytes;
    if (!decodeHex(s.substr(2), bytes.data()))
        return std::nullopt;
    return *T::fromBytes(QByteArrayView(bytes.data(), T::Size));
}

/// A JSON-RPC quantity that fits a non-negative int64. Leading zeros are tolerated.
inline std::optional<qint64> quantity(std::string_view s)
{
    if (s.size() < 3 || !hasPrefix(s))
        return std::nullopt;
    size_t i = 2;
    while (i + 1 < s.size() && s[i] == '0')
        ++i;
    if (s.size() - i > 16)
        return std::nullopt;
    quint64 v = 0;
    for (; i < s.size(); ++i) {
        const int d = HexDigits[static_cast<unsigned char>(s[i])];
        if (d < 0)
            return std::nullopt;
        v = v << 4 | unsigned(d);
    }
    if (v > quint64(std::numeric_limits<qint64>::max()))
        return std::nullopt;
    return qint64(v);
}

/// "0x" and an even number of hex digits (none is empty data) as bytes.
inline std::optional<QByteArray> data(std::string_view s)
{
    if (!hasPrefix(s) || s.size() % 2 != 0)
        return std::nullopt;
    QByteArray out(qsizetype(s.size() / 2 - 1), Qt::Uninitialized);
    if (!decodeHex(s.substr(2), reinterpret_cast<unsigned char *>(out.data())))
        return std::nullopt;
    return out;
}

} // namespace arbor::evmhex

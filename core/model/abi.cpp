#include "model/abi.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>

namespace arbor::abi {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::abi", text);
}

Error invalid(const char *field, const QString &message)
{
    return Error::invalid(QString::fromLatin1(field), message);
}

bool allZero(QByteArrayView bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

quint64 bigEndian64(const char *p)
{
    quint64 v = 0;
    for (int i = 0; i < 8; ++i)
        v = (v << 8) | static_cast<unsigned char>(p[i]);
    return v;
}

// The low 8 bytes of a word whose upper 24 bytes are zero; nullopt otherwise.
std::optional<quint64> smallValue(QByteArrayView word)
{
    if (!allZero(word.first(WordSize - 8)))
        return std::nullopt;
    return bigEndian64(word.data() + WordSize - 8);
}

// Big-endian, up to 32 bytes (a word or its low half), eight at a time straight into the limbs.
U256 fromBigEndian(QByteArrayView bytes)
{
    Q_ASSERT(bytes.size() % 8 == 0 && bytes.size() <= 32);
    U256::Limbs limbs{};
    for (qsizetype i = 0; i < bytes.size() / 8; ++i)
        limbs[i] = bigEndian64(bytes.data() + bytes.size() - 8 * (i + 1));
    return U256::fromLimbs(limbs);
}

Error wrongSize(QByteArrayView word, const char *field)
{
    return invalid(field, tr("An ABI word has 32 bytes, not %1.").arg(word.size()));
}

} // namespace

Result<U256> uint256(QByteArrayView word, const char *field)
{
    if (word.size() != WordSize)
        return wrongSize(word, field);
    return fromBigEndian(word);
}

Result<Address> address(QByteArrayView word, const char *field)
{
    if (word.size() != WordSize)
        return wrongSize(word, field);
    if (!allZero(word.first(WordSize - Address::Size)))
        return invalid(field, tr("The word 0x%1 is not an address: its first 12 bytes must be zero.").arg(QString::fromLatin1(word.toByteArray().toHex())));
    // Exactly 20 bytes, so this cannot fail: no field name is made for an error that cannot be.
    return *Address::fromBytes(word.last(Address::Size));
}

Result<quint64> uint64(QByteArrayView word, const char *field)
{
    if (word.size() != WordSize)
        return wrongSize(word, field);
    if (const auto v = smallValue(word))
        return *v;
    return invalid(field, tr("The value does not fit in a uint64."));
}

Result<quint8> uint8(QByteArrayView word, const char *field)
{
    if (word.size() != WordSize)
        return wrongSize(word, field);
    if (const auto v = smallValue(word); v && *v <= 0xff)
        return quint8(*v);
    return invalid(field, tr("The value does not fit in a uint8."));
}

Result<QString> int128(QByteArrayView word, const char *field)
{
    if (word.size() != WordSize)
        return wrongSize(word, field);
    const bool negative = static_cast<unsigned char>(word[16]) & 0x80;
    const char extension = negative ? char(0xff) : char(0);
    if (!std::all_of(word.begin(), word.begin() + 16, [extension](char c) { return c == extension; }))
        return invalid(field, tr("The value does not fit in an int128 (the upper 16 bytes must repeat its sign)."));
    const U256 low = fromBigEndian(word.last(16));
    if (!negative)
        return u256::toDecimal(low);
    // Two's complement: the magnitude is 2^128 - low, which also covers -2^127.
    const U256 magnitude = (U256(1) << 128) - low;
    return QString(QLatin1Char('-') + u256::toDecimal(magnitude));
}

Result<bool> boolean(QByteArrayView word, const char *field)
{
    if (word.size() != WordSize)
        return wrongSize(word, field);
    if (const auto v = smallValue(word); v && *v <= 1)
        return *v == 1;
    return invalid(field, tr("The value is not a bool (0 or 1)."));
}

Result<Hash> bytes32(QByteArrayView word, const char *field)
{
    if (word.size() != WordSize)
        return wrongSize(word, field);
    return *Hash::fromBytes(word);   // a word is 32 bytes: cannot fail
}

bool isValidUtf8(QByteArrayView bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const auto *end = p + bytes.size();
    while (p < end) {
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        char32_t min;
        char32_t cp;
        if ((c & 0xe0) == 0xc0) {
            extra = 1, min = 0x80, cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2, min = 0x800, cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3, min = 0x10000, cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

Reader::Reader(QByteArrayView data, qsizetype headWords)
    : m_data(data)
    , m_headWords(headWords)
    , m_end(headWords * WordSize)
{
}

Result<Reader> Reader::open(QByteArrayView data, qsizetype headWords, const char *field)
{
    Q_ASSERT(headWords >= 0 && headWords < 1024);
    if (data.size() < headWords * WordSize)
        return invalid(field, tr("The data has %1 bytes, too short for the %2 words its parameters need.").arg(data.size()).arg(headWords));
    return Reader(data, headWords);
}

QByteArrayView Reader::word(qsizetype slot) const
{
    Q_ASSERT(slot >= 0 && slot < m_headWords);
    return m_data.sliced(slot * WordSize, WordSize);
}

Result<QByteArrayView> Reader::tail(qsizetype slot, const char *field)
{
    // Offsets and lengths are 256-bit words from the log: compare before any arithmetic.
    const auto offset = smallValue(word(slot));
    const quint64 size = quint64(m_data.size());
    const quint64 headSize = quint64(m_headWords) * WordSize;
    if (!offset || *offset < headSize || *offset > size || size - *offset < WordSize)
        return invalid(field, tr("The offset of the value points outside the data (%1 bytes).").arg(m_data.size()));
    if (*offset % WordSize != 0)
        return invalid(field, tr("The offset of the value (%1) is not a whole number of words.").arg(*offset));
    const quint64 start = *offset + WordSize;
    const auto length = smallValue(m_data.sliced(qsizetype(*offset), WordSize));
    if (!length || *length > size - start)
        return invalid(field, tr("The length of the value runs past the end of the data (%1 bytes).").arg(m_data.size()));
    const quint64 padded = (*length + WordSize - 1) / WordSize * WordSize;
    if (padded > size - start)
        return invalid(field, tr("The value is not padded to a whole number of words."));
    if (!allZero(m_data.sliced(qsizetype(start + *length), qsizetype(padded - *length))))
        return invalid(field, tr("The padding after the value is not zero."));
    m_end = std::max(m_end, qsizetype(start + padded));
    return m_data.sliced(qsizetype(start), qsizetype(*length));
}

Result<QString> Reader::string(qsizetype slot, const char *field)
{
    const Result<QByteArrayView> raw = tail(slot, field);
    if (!raw)
        return raw.error();
    if (!isValidUtf8(*raw))
        return invalid(field, tr("The string is not valid UTF-8."));
    return QString::fromUtf8(*raw);
}

Result<QByteArray> Reader::bytes(qsizetype slot, const char *field)
{
    const Result<QByteArrayView> raw = tail(slot, field);
    if (!raw)
        return raw.error();
    return raw->toByteArray();
}

Status Reader::finish(const char *field) const
{
    if (m_data.size() != m_end)
        return invalid(field, tr("The data has %1 bytes, but its encoding ends after %2: the log does not match the event's parameters.")
                                  .arg(m_data.size()).arg(m_end));
    return {};
}

} // namespace arbor::abi

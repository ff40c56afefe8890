#include "store/postgres/postgrescopy.h"
#include "store/postgres/pgtypes.h"

#include <QVarLengthArray>
#include <QtEndian>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>
#include <type_traits>

namespace arbor::pgcopy {
namespace {

constexpr quint16 NumericNegative = 0x4000;
constexpr int NumericMaxScale = 0x3FFF;

template<typename T>
void appendNetwork(std::string &out, T value)
{
    char bytes[sizeof(T)];
    qToBigEndian(value, bytes);
    out.append(bytes, sizeof bytes);
}

void appendLength(std::string &out, size_t length)
{
    appendNetwork(out, qint32(length));
}

bool isIntegral(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Long:
    case QMetaType::ULong:
        return true;
    default:
        return false;
    }
}

bool isUnsigned(const QVariant &v)
{
    const int t = v.typeId();
    return t == QMetaType::UInt || t == QMetaType::ULongLong || t == QMetaType::UShort || t == QMetaType::ULong;
}

// The text the text form would send for `v`, before its escaping (appendTextField()).
QByteArray textOf(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QString:
        return static_cast<const QString *>(v.constData())->toUtf8();
    case QMetaType::QByteArray:
        return "\\x" + static_cast<const QByteArray *>(v.constData())->toHex();
    case QMetaType::Bool:
        return v.toBool() ? QByteArrayLiteral("t") : QByteArrayLiteral("f");
    default:
        if (isIntegral(v))
            return isUnsigned(v) ? QByteArray::number(v.toULongLong()) : QByteArray::number(v.toLongLong());
        return v.toString().toUtf8();
    }
}

std::optional<qint64> integerOf(const QVariant &v)
{
    if (isIntegral(v)) {
        if (isUnsigned(v) && v.toULongLong() > quint64(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return v.toLongLong();
    }
    if (v.typeId() == QMetaType::Double) {
        const double d = v.toDouble();
        if (std::trunc(d) != d || !(d >= -9.2e18 && d <= 9.2e18))
            return std::nullopt;
        return qint64(d);
    }
    if (v.typeId() == QMetaType::QString || v.typeId() == QMetaType::QByteArray) {
        const QByteArray text = textOf(v).trimmed();
        qint64 n = 0;
        const auto [end, error] = std::from_chars(text.constData() + (text.startsWith('+') ? 1 : 0), text.constData() + text.size(), n);
        if (error != std::errc() || end != text.constData() + text.size() || text.isEmpty())
            return std::nullopt;
        return n;
    }
    return std::nullopt;
}

// A decimal number ("-12.5", "115792089…") in numeric's binary form: sign, scale, and its
// digits in base 10000, the whole part's groups ending at the point. Read from the text as it
// is held (a QString's UTF-16 or bytes) into digits on the stack: a range's values go out
// without an allocation each.
template<typename Char>
bool appendNumeric(std::string &out, std::basic_string_view<Char> s)
{
    while (!s.empty() && s.front() == Char(' '))
        s.remove_prefix(1);
    while (!s.empty() && s.back() == Char(' '))
        s.remove_suffix(1);
    quint16 sign = 0;
    if (!s.empty() && (s.front() == Char('-') || s.front() == Char('+'))) {
        sign = s.front() == Char('-') ? NumericNegative : 0;
        s.remove_prefix(1);
    }
    const size_t point = s.find(Char('.'));
    std::basic_string_view<Char> whole = s.substr(0, point);
    const std::basic_string_view<Char> fraction = point == std::basic_string_view<Char>::npos ? std::basic_string_view<Char>() : s.substr(point + 1);
    if (whole.empty() && fraction.empty())
        return false;
    for (const std::basic_string_view<Char> part : {whole, fraction}) {
        for (const Char c : part) {
            if (c < Char('0') || c > Char('9'))
                return false;
        }
    }
    if (fraction.size() > size_t(NumericMaxScale))
        return false;
    while (!whole.empty() && whole.front() == Char('0'))
        whole.remove_prefix(1);

    // `count` decimal digits from `at` as one base-10000 digit; those past the text's end count
    // as zeros (a fraction's last group).
    const auto group = [](std::basic_string_view<Char> digits, size_t at, size_t count) {
        int g = 0;
        for (size_t i = 0; i < count; ++i)
            g = g * 10 + (at + i < digits.size() ? int(digits[at + i] - Char('0')) : 0);
        return quint16(g);
    };
    QVarLengthArray<quint16, 32> digits;   // a uint256 has at most 20
    size_t at = whole.size() % 4;
    if (at > 0)
        digits.append(group(whole, 0, at));
    for (; at < whole.size(); at += 4)
        digits.append(group(whole, at, 4));
    long weight = long(digits.size()) - 1;
    for (size_t f = 0; f < fraction.size(); f += 4)
        digits.append(group(fraction, f, 4));

    // The server keeps neither leading nor trailing zero digits; zero has none at all.
    qsizetype first = 0;
    while (first < digits.size() && digits[first] == 0) {
        ++first;
        --weight;
    }
    qsizetype last = digits.size();
    while (last > first && digits[last - 1] == 0)
        --last;
    if (first == last) {
        weight = 0;
        sign = 0;
    }
    if (weight < std::numeric_limits<qint16>::min() || weight > std::numeric_limits<qint16>::max())
        return false;
    appendLength(out, 8 + 2 * size_t(last - first));
    appendNetwork(out, qint16(last - first));
    appendNetwork(out, qint16(weight));
    appendNetwork(out, sign);
    appendNetwork(out, qint16(fraction.size()));
    for (qsizetype i = first; i < last; ++i)
        appendNetwork(out, digits[i]);
    return true;
}

bool appendBool(std::string &out, const QVariant &v)
{
    bool b = false;
    if (v.typeId() == QMetaType::Bool) {
        b = v.toBool();
    } else {
        const QByteArray text = textOf(v).trimmed().toLower();
        if (text == "t" || text == "true" || text == "1" || text == "yes" || text == "on")
            b = true;
        else if (!(text == "f" || text == "false" || text == "0" || text == "no" || text == "off"))
            return false;
    }
    appendLength(out, 1);
    out += b ? '\1' : '\0';
    return true;
}

template<typename T>
bool appendInteger(std::string &out, const QVariant &v)
{
    const std::optional<qint64> n = integerOf(v);
    if (!n || *n < std::numeric_limits<T>::min() || *n > std::numeric_limits<T>::max())
        return false;
    appendLength(out, sizeof(T));
    appendNetwork(out, T(*n));
    return true;
}

template<typename T>
bool appendFloat(std::string &out, const QVariant &v)
{
    bool ok = false;
    const double d = v.typeId() == QMetaType::Bool ? 0.0 : v.toDouble(&ok);
    if (!ok)
        return false;
    using Bits = std::conditional_t<sizeof(T) == 4, quint32, quint64>;
    const T value = T(d);
    Bits bits;
    std::memcpy(&bits, &value, sizeof bits);
    appendLength(out, sizeof bits);
    appendNetwork(out, bits);
    return true;
}

} // namespace

std::optional<Wire> wireFor(unsigned typeOid)
{
    switch (typeOid) {
    case pgtype::Bool:
        return Wire::Bool;
    case pgtype::Int2:
        return Wire::Int2;
    case pgtype::Int4:
        return Wire::Int4;
    case pgtype::Int8:
        return Wire::Int8;
    case pgtype::Float4:
        return Wire::Float4;
    case pgtype::Float8:
        return Wire::Float8;
    case pgtype::Numeric:
        return Wire::Numeric;
    case pgtype::Bytea:
        return Wire::Bytea;
    case pgtype::Text:
    case pgtype::Varchar:
        return Wire::Text;
    case pgtype::Jsonb:
        return Wire::Jsonb;
    default:
        return std::nullopt;
    }
}

void appendHeader(std::string &out)
{
    static constexpr char signature[] = "PGCOPY\n\377\r\n";   // and the array's closing NUL
    out.append(signature, sizeof signature);
    appendNetwork(out, qint32(0));   // flags: no OIDs
    appendNetwork(out, qint32(0));   // no header extension
}

void appendRowStart(std::string &out, int fields)
{
    appendNetwork(out, qint16(fields));
}

void appendTrailer(std::string &out)
{
    appendNetwork(out, qint16(-1));
}

bool appendField(std::string &out, Wire wire, const QVariant &value)
{
    if (value.isNull()) {
        appendNetwork(out, qint32(-1));
        return true;
    }
    const size_t at = out.size();
    bool ok = true;
    switch (wire) {
    case Wire::Bool:
        ok = appendBool(out, value);
        break;
    case Wire::Int2:
        ok = appendInteger<qint16>(out, value);
        break;
    case Wire::Int4:
        ok = appendInteger<qint32>(out, value);
        break;
    case Wire::Int8:
        ok = appendInteger<qint64>(out, value);
        break;
    case Wire::Float4:
        ok = appendFloat<float>(out, value);
        break;
    case Wire::Float8:
        ok = appendFloat<double>(out, value);
        break;
    case Wire::Numeric:
        if (value.typeId() == QMetaType::QString) {
            const auto *text = static_cast<const QString *>(value.constData());
            ok = appendNumeric(out, std::u16string_view(reinterpret_cast<const char16_t *>(text->utf16()), size_t(text->size())));
        } else {
            // Any other value by its text form: bytes as bytea's hex, which no numeric takes.
            const QByteArray text = textOf(value);
            ok = value.typeId() != QMetaType::Bool && appendNumeric(out, std::string_view(text.constData(), size_t(text.size())));
        }
        break;
    case Wire::Bytea: {
        // Bytes as they are; text would be read as bytea's own input syntax, which is not sent.
        if (value.typeId() != QMetaType::QByteArray) {
            ok = false;
            break;
        }
        const auto *bytes = static_cast<const QByteArray *>(value.constData());
        appendLength(out, size_t(bytes->size()));
        out.append(bytes->constData(), size_t(bytes->size()));
        break;
    }
    case Wire::Text:
    case Wire::Jsonb: {
        const QByteArray text = textOf(value);
        const bool jsonb = wire == Wire::Jsonb;
        appendLength(out, size_t(text.size()) + (jsonb ? 1 : 0));
        if (jsonb)
            out += '\1';   // jsonb's binary form: a version, then the text
        out.append(text.constData(), size_t(text.size()));
        break;
    }
    }
    if (!ok)
        out.resize(at);
    return ok;
}

bool appendInteger(std::string &out, Wire wire, qint64 value)
{
    const auto fixed = [&](auto type) {
        using T = decltype(type);
        if (value < std::numeric_limits<T>::min() || value > std::numeric_limits<T>::max())
            return false;
        appendLength(out, sizeof(T));
        appendNetwork(out, T(value));
        return true;
    };
    switch (wire) {
    case Wire::Int2:
        return fixed(qint16());
    case Wire::Int4:
        return fixed(qint32());
    case Wire::Int8:
        return fixed(qint64());
    case Wire::Numeric: {
        char digits[24];
        const auto [end, error] = std::to_chars(std::begin(digits), std::end(digits), value);
        return error == std::errc() && appendNumeric(out, std::string_view(digits, size_t(end - digits)));
    }
    default:
        return false;
    }
}

bool appendBytes(std::string &out, Wire wire, QByteArrayView value)
{
    if (wire != Wire::Bytea)
        return false;
    appendLength(out, size_t(value.size()));
    out.append(value.data(), size_t(value.size()));
    return true;
}

bool appendU256(std::string &out, Wire wire, const U256 &value)
{
    if (wire != Wire::Numeric)
        return false;
    // An integer's numeric: its base-10000 digits, most significant first, the weight that of the
    // first; trailing zero digits are left out, as the server does.
    quint16 digits[u256::MaxBase10000Digits];
    const int count = u256::toBase10000(value, digits);
    int last = 0;
    while (last < count && digits[last] == 0)
        ++last;
    const int kept = count - last;
    appendLength(out, 8 + 2 * size_t(kept));
    appendNetwork(out, qint16(kept));
    appendNetwork(out, qint16(count > 0 ? count - 1 : 0));
    appendNetwork(out, quint16(0));   // sign: positive
    appendNetwork(out, qint16(0));    // display scale: none
    for (int i = count - 1; i >= last; --i)
        appendNetwork(out, digits[i]);
    return true;
}

void appendTextField(std::string &out, const QVariant &v)
{
    if (v.isNull()) {
        out += "\\N";
        return;
    }
    QByteArray text;
    switch (v.typeId()) {
    case QMetaType::QByteArray: {
        static constexpr char digits[] = "0123456789abcdef";
        const auto *bytes = static_cast<const QByteArray *>(v.constData());
        const size_t at = out.size();
        out.resize(at + 3 + 2 * size_t(bytes->size()));
        char *to = out.data() + at;
        *to++ = '\\';
        *to++ = '\\';
        *to++ = 'x';
        for (const char c : *bytes) {
            *to++ = digits[static_cast<unsigned char>(c) >> 4];
            *to++ = digits[static_cast<unsigned char>(c) & 0xf];
        }
        return;
    }
    case QMetaType::Bool:
        out += v.toBool() ? 't' : 'f';
        return;
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: {
        char digits[24];
        const auto end = isUnsigned(v) ? std::to_chars(digits, digits + sizeof digits, v.toULongLong()).ptr
                                       : std::to_chars(digits, digits + sizeof digits, v.toLongLong()).ptr;
        out.append(digits, end);
        return;
    }
    case QMetaType::QString:
        text = static_cast<const QString *>(v.constData())->toUtf8();
        break;
    default:
        text = v.toString().toUtf8();
        break;
    }
    for (const char c : std::as_const(text)) {
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case '\t':
            out += "\\t";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        default:
            out += c;
        }
    }
}

} // namespace arbor::pgcopy

#include "model/feedbacksum.h"

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>

namespace arbor {
namespace {

using boost::multiprecision::cpp_int;

/// Decimals beyond those of the most precise value that an average keeps.
constexpr int AverageExtraDecimals = 6;

cpp_int toWide(const std::array<quint64, 4> &magnitude, bool negative)
{
    cpp_int out;
    boost::multiprecision::import_bits(out, magnitude.begin(), magnitude.end(), 64, false);
    return negative ? cpp_int(-out) : out;
}

/// `value` back into a sum; false when its magnitude reaches 2^255.
bool fromWide(const cpp_int &value, std::array<quint64, 4> &magnitude, bool &negative)
{
    const cpp_int m = abs(value);
    if (m != 0 && boost::multiprecision::msb(m) >= 255)
        return false;
    magnitude.fill(0);
    boost::multiprecision::export_bits(m, magnitude.begin(), 64, false);
    negative = value < 0;
    return true;
}

cpp_int power10(int n)
{
    return boost::multiprecision::pow(cpp_int(10), unsigned(std::max(n, 0)));
}

/// `value` / 10^decimals as normalised decimal text.
QString withDecimals(const cpp_int &value, int decimals)
{
    QString digits = QString::fromStdString(cpp_int(abs(value)).str());
    if (decimals > 0) {
        if (digits.size() <= decimals)
            digits.prepend(QString(decimals - digits.size() + 1, u'0'));
        digits.insert(digits.size() - decimals, u'.');
        while (digits.endsWith(u'0'))
            digits.chop(1);
        if (digits.endsWith(u'.'))
            digits.chop(1);
    }
    return value < 0 ? QString(u'-' + digits) : digits;
}

/// The parts over one common scale: (Σ sum × 10^(scale − decimals), scale).
std::pair<cpp_int, int> commonScale(const QList<FeedbackSum::Part> &parts)
{
    int scale = 0;
    for (const auto &part : parts)
        scale = std::max(scale, part.second);
    cpp_int total = 0;
    for (const auto &[sum, decimals] : parts) {
        const auto wide = cpp_int(sum.toText().toStdString());
        total += wide * power10(scale - decimals);
    }
    return {total, scale};
}

} // namespace

std::optional<FeedbackSum> FeedbackSum::fromText(QStringView text)
{
    QStringView digits = text;
    if (digits.startsWith(u'-') || digits.startsWith(u'+'))
        digits = digits.mid(1);
    if (digits.isEmpty() || digits.size() > 80 || !std::all_of(digits.begin(), digits.end(), [](QChar c) { return c >= u'0' && c <= u'9'; }))
        return std::nullopt;
    // Boost reads a leading 0 as octal.
    while (digits.size() > 1 && digits.startsWith(u'0'))
        digits = digits.mid(1);
    cpp_int value(digits.toString().toStdString());
    if (text.startsWith(u'-'))
        value = -value;
    FeedbackSum out;
    if (!fromWide(value, out.m_magnitude, out.m_negative))
        return std::nullopt;
    return out;
}

QString FeedbackSum::toText() const
{
    return QString::fromStdString(toWide(m_magnitude, m_negative).str());
}

bool FeedbackSum::isZero() const
{
    return std::all_of(m_magnitude.begin(), m_magnitude.end(), [](quint64 limb) { return limb == 0; });
}

FeedbackSum &FeedbackSum::operator+=(const FeedbackSum &other)
{
    // Sums of int128 values stay far below 2^255: no overflow to report.
    fromWide(toWide(m_magnitude, m_negative) + toWide(other.m_magnitude, other.m_negative), m_magnitude, m_negative);
    return *this;
}

FeedbackSum &FeedbackSum::operator-=(const FeedbackSum &other)
{
    fromWide(toWide(m_magnitude, m_negative) - toWide(other.m_magnitude, other.m_negative), m_magnitude, m_negative);
    return *this;
}

QString FeedbackSum::scaledTotal(const QList<Part> &parts)
{
    const auto [total, scale] = commonScale(parts);
    return withDecimals(total, scale);
}

QString FeedbackSum::average(const QList<Part> &parts, qint64 count)
{
    if (count <= 0)
        return QStringLiteral("0");
    const auto [total, scale] = commonScale(parts);
    const int decimals = scale + AverageExtraDecimals;
    // |total| / 10^scale / count, times 10^decimals, rounded half away from zero.
    const cpp_int numerator = abs(total) * power10(AverageExtraDecimals);
    const cpp_int denominator = cpp_int(count);
    cpp_int quotient = numerator / denominator;
    const cpp_int remainder = numerator % denominator;
    if (remainder * 2 >= denominator)
        ++quotient;
    return withDecimals(total < 0 ? cpp_int(-quotient) : quotient, decimals);
}

} // namespace arbor

#include "models/amountformat.h"

#include <QCoreApplication>

#include <limits>

namespace arbor::ui::amounts {
namespace {

constexpr QChar FigureSpace(0x2007);
constexpr QChar PunctuationSpace(0x2008);

QString tr(const char *text)
{
    return QCoreApplication::translate("arbor::ui::Amounts", text);
}

QString grouped(const QString &digits, const QLocale &locale)
{
    if (locale.numberOptions() & QLocale::OmitGroupSeparator)
        return digits;
    const QString separator = locale.groupSeparator();
    QString out;
    out.reserve(digits.size() + digits.size() / 3 * separator.size());
    for (qsizetype i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += separator;
        out += digits[i];
    }
    return out;
}

bool allDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

} // namespace

QString format(const U256 &raw, std::optional<int> decimals, const QLocale &locale)
{
    const QString plain = decimals ? u256::formatUnits(raw, *decimals) : u256::toDecimal(raw);
    const qsizetype point = plain.indexOf(u'.');
    if (point < 0)
        return grouped(plain, locale);
    return grouped(plain.left(point), locale) + locale.decimalPoint() + plain.mid(point + 1);
}

int fractionDigits(const QString &text, const QLocale &locale)
{
    const qsizetype point = text.lastIndexOf(locale.decimalPoint());
    return point < 0 ? 0 : int(text.size() - point - locale.decimalPoint().size());
}

QString alignFraction(const QString &text, int digits, const QLocale &locale)
{
    const int have = fractionDigits(text, locale);
    if (have >= digits)
        return text;
    QString out = text;
    if (have == 0 && !text.contains(locale.decimalPoint()))
        out += PunctuationSpace;
    out += QString(digits - have, FigureSpace);
    return out;
}

Result<U256> parseUnits(QStringView input, int decimals, const QLocale &locale, const QString &field)
{
    const QString text = input.trimmed().toString();
    const QString point = locale.decimalPoint();
    const QString group = locale.groupSeparator();
    const Error wrong = Error::invalid(field, tr("Enter an amount of the token such as %1 (no sign, no exponent).")
                                                  .arg(QString(QLatin1Char('1') + point + QLatin1String("5"))));
    if (text.isEmpty())
        return wrong;
    const qsizetype at = text.indexOf(point);
    if (at >= 0 && text.indexOf(point, at + 1) >= 0)
        return wrong;
    QString whole = at < 0 ? text : text.left(at);
    const QString fraction = at < 0 ? QString() : text.mid(at + point.size());
    // Group separators only where the locale puts them: "1.5" in German is not fifteen.
    const bool nbsp = group == QStringView(u"\u00a0") || group == QStringView(u"\u202f");
    if (nbsp)
        whole.replace(QLatin1Char(' '), group);
    if (!group.isEmpty() && whole.contains(group)) {
        const QStringList parts = whole.split(group);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            if (parts[i].isEmpty() || (i > 0 && parts[i].size() != 3) || (i == 0 && parts[i].size() > 3))
                return wrong;
        }
        whole = parts.join(QString());
    }
    if ((whole.isEmpty() && fraction.isEmpty()) || !allDigits(whole) || !allDigits(fraction))
        return wrong;

    QString kept = fraction.left(decimals);
    const QString dropped = fraction.mid(decimals);
    kept += QString(decimals - kept.size(), QLatin1Char('0'));
    auto units = u256::fromDecimal(QString((whole.isEmpty() ? QStringLiteral("0") : whole) + kept), field);
    if (!units)
        return Error::invalid(field, tr("The amount is too large for a token balance."));
    for (QChar c : dropped) {
        if (c != u'0') {
            // Below the token's smallest unit: the next unit is the least a balance reaching it holds.
            if (*units == std::numeric_limits<U256>::max())
                return Error::invalid(field, tr("The amount is too large for a token balance."));
            return U256(*units + 1);
        }
    }
    return *units;
}

} // namespace arbor::ui::amounts

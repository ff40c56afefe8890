#include "triggers/decimal.h"

namespace arbor {

namespace {

bool allDigits(QStringView text)
{
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return false;
    }
    return true;
}

// Error messages quote the input, but never kilobytes of it.
QString quoted(const QString &text)
{
    return text.size() > 80 ? text.left(80) + u'…' : text;
}

} // namespace

Result<Decimal> Decimal::parse(const QString &text, const QString &field)
{
    if (text.isEmpty())
        return Error::invalid(field, tr("A number is required, such as 42 or -1.5."));
    QStringView rest(text);
    bool negative = false;
    if (rest.front() == u'-' || rest.front() == u'+') {
        negative = rest.front() == u'-';
        rest = rest.mid(1);
    }
    const qsizetype dot = rest.indexOf(u'.');
    const QStringView integer = dot < 0 ? rest : rest.left(dot);
    const QStringView fraction = dot < 0 ? QStringView() : rest.mid(dot + 1);
    if (integer.isEmpty() || !allDigits(integer) || (dot >= 0 && (fraction.isEmpty() || !allDigits(fraction))))
        return Error::invalid(field, tr("“%1” is not a decimal number: write digits with an optional sign and "
                                        "decimal point, such as 42, -1.5 or 0.001 (no spaces, exponents or "
                                        "thousands separators).").arg(quoted(text)));

    Decimal d;
    qsizetype first = 0;
    while (first < integer.size() - 1 && integer[first] == u'0')
        ++first;
    d.m_integer = integer.mid(first).toString();
    qsizetype last = fraction.size();
    while (last > 0 && fraction[last - 1] == u'0')
        --last;
    d.m_fraction = fraction.left(last).toString();
    d.m_negative = negative && !(d.m_integer == u"0" && d.m_fraction.isEmpty());
    return d;
}

Result<Decimal> Decimal::scaled(const QString &integer, int decimals, const QString &field)
{
    if (decimals < 0)
        return Error::invalid(field, tr("The number of decimals must be 0 or more, not %1.").arg(decimals));
    QStringView digits(integer);
    if (!digits.isEmpty() && (digits.front() == u'-' || digits.front() == u'+'))
        digits = digits.mid(1);
    if (digits.isEmpty() || !allDigits(digits))
        return Error::invalid(field, tr("“%1” is not a whole number: write digits with an optional sign, "
                                        "such as -1234.").arg(quoted(integer)));
    if (decimals == 0)
        return parse(integer, field);
    QString padded = digits.toString();
    if (padded.size() <= decimals)
        padded.prepend(QString(decimals - padded.size() + 1, u'0'));
    const qsizetype split = padded.size() - decimals;
    const QString sign = integer.startsWith(u'-') ? QStringLiteral("-") : QString();
    return parse(sign + padded.left(split) + u'.' + padded.mid(split), field);
}

QString Decimal::toString() const
{
    QString out = m_negative ? QStringLiteral("-") + m_integer : m_integer;
    if (!m_fraction.isEmpty())
        out += u'.' + m_fraction;
    return out;
}

double Decimal::toDouble() const
{
    return toString().toDouble();
}

int Decimal::compare(const Decimal &a, const Decimal &b)
{
    if (a.m_negative != b.m_negative)
        return a.m_negative ? -1 : 1;
    // Magnitudes: a longer integer part is larger (no leading zeros), then digit by digit.
    int magnitude = 0;
    if (a.m_integer.size() != b.m_integer.size()) {
        magnitude = a.m_integer.size() < b.m_integer.size() ? -1 : 1;
    } else if (const int c = QStringView(a.m_integer).compare(b.m_integer); c != 0) {
        magnitude = c < 0 ? -1 : 1;
    } else {
        const qsizetype n = std::max(a.m_fraction.size(), b.m_fraction.size());
        for (qsizetype i = 0; i < n && magnitude == 0; ++i) {
            const QChar da = i < a.m_fraction.size() ? a.m_fraction[i] : u'0';
            const QChar db = i < b.m_fraction.size() ? b.m_fraction[i] : u'0';
            if (da != db)
                magnitude = da < db ? -1 : 1;
        }
    }
    return a.m_negative ? -magnitude : magnitude;
}

} // namespace arbor

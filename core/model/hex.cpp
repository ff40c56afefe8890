#include "model/hex.h"

#include <QCoreApplication>

namespace arbor::hex {
namespace {

int digitValue(char16_t c)
{
    if (c >= u'0' && c <= u'9')
        return c - u'0';
    if (c >= u'a' && c <= u'f')
        return c - u'a' + 10;
    if (c >= u'A' && c <= u'F')
        return c - u'A' + 10;
    return -1;
}

} // namespace

Result<QByteArray> decode(QStringView text, const QString &field, qsizetype expectedBytes)
{
    if (!text.startsWith(u"0x")) {
        return Error::invalid(field, expectedBytes < 0 ? QCoreApplication::translate("arbor::hex", "must start with 0x")
                                                       : QCoreApplication::translate("arbor::hex", "must start with 0x followed by %1 hex digits").arg(expectedBytes * 2));
    }
    const QStringView digits = text.mid(2);
    if (expectedBytes >= 0 && digits.size() != expectedBytes * 2)
        return Error::invalid(field, QCoreApplication::translate("arbor::hex", "expected %1 hex digits after 0x, found %2").arg(expectedBytes * 2).arg(digits.size()));
    if (digits.size() % 2 != 0)
        return Error::invalid(field, QCoreApplication::translate("arbor::hex", "odd number of hex digits (%1) after 0x").arg(digits.size()));

    QByteArray out(digits.size() / 2, Qt::Uninitialized);
    for (qsizetype i = 0; i < digits.size(); i += 2) {
        const int hi = digitValue(digits[i].unicode());
        const int lo = digitValue(digits[i + 1].unicode());
        if (hi < 0 || lo < 0) {
            const qsizetype bad = hi < 0 ? i : i + 1;
            return Error::invalid(field, QCoreApplication::translate("arbor::hex", "“%1” at position %2 is not a hex digit").arg(digits[bad]).arg(bad + 2));
        }
        out[i / 2] = char(hi * 16 + lo);
    }
    return out;
}

} // namespace arbor::hex

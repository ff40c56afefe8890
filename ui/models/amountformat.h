#pragma once

#include "error.h"
#include "model/u256.h"

#include <QLocale>
#include <QString>

#include <optional>

/**
 * Token amounts for people: exact U256 amounts in the locale's separators, aligned on the
 * decimal point in a right-aligned column, and amounts typed in token units converted exactly.
 *
 * Thread: pure functions.
 */
namespace arbor::ui::amounts {

/// `raw` scaled down by 10^decimals, with the locale's group separators and decimal point and
/// the fraction's trailing zeros dropped: 1234567500000 with 6 decimals is "1,234,567.5" in
/// English and "1.234.567,5" in German. Unknown decimals: the raw integer, grouped.
QString format(const U256 &raw, std::optional<int> decimals, const QLocale &locale = QLocale());

/// How many digits follow the decimal point in `text` (as format() wrote it).
int fractionDigits(const QString &text, const QLocale &locale = QLocale());

/// `text` padded on the right to `digits` fraction digits with figure spaces (a missing
/// decimal point with a punctuation space), so that in a right-aligned column every decimal
/// point sits at the same place. Spaces only: what is read and copied stays the number.
QString alignFraction(const QString &text, int digits, const QLocale &locale = QLocale());

/**
 * An amount typed in token units ("1.5"; "1,5" in German; group separators allowed where the
 * locale puts them) as the token's smallest units, exactly. An amount with more fraction
 * digits than `decimals` is rounded up, so that `balance >= result` says exactly whether the
 * balance reaches the amount typed. Invalid, naming `field`, for anything else.
 */
Result<U256> parseUnits(QStringView text, int decimals, const QLocale &locale = QLocale(), const QString &field = QString());

} // namespace arbor::ui::amounts

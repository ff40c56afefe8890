#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QString>

namespace arbor {

/**
 * An exact decimal number of any size: a sign, integer digits and fraction digits, as text.
 *
 * value_threshold compares NewFeedback's `int128 value` scaled by `valueDecimals` with the
 * operator's threshold exactly, with no floating point in between: "-0.10" == "-0.1".
 * A value type: cheap to copy, safe on any thread.
 */
class Decimal
{
    Q_DECLARE_TR_FUNCTIONS(arbor::Decimal)

public:
    Decimal() = default;

    /// "-12.5", "0.001", "42" (an optional leading '-' or '+', digits, an optional '.' and
    /// digits). Anything else is an Invalid error naming `field`.
    static Result<Decimal> parse(const QString &text, const QString &field);
    /// A signed integer ("-1234", as the int128 value is stored) divided by 10^decimals
    /// (decimals ≥ 0). Anything else is an Invalid error naming `field`.
    static Result<Decimal> scaled(const QString &integer, int decimals, const QString &field);

    /// Normalised text: no leading zeros, no trailing fraction zeros, "0" for zero (never "-0").
    QString toString() const;
    double toDouble() const;
    bool isNegative() const { return m_negative; }

    /// -1, 0 or 1.
    static int compare(const Decimal &a, const Decimal &b);
    /// Equal values are equal objects: the representation is normalised.
    friend bool operator==(const Decimal &, const Decimal &) = default;

private:
    bool m_negative = false;
    QString m_integer = QStringLiteral("0");   ///< no leading zeros
    QString m_fraction;                        ///< no trailing zeros
};

} // namespace arbor

#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <array>
#include <optional>
#include <utility>

namespace arbor {

/**
 * An exact signed sum of ERC-8004 feedback values: the int128 `value`s of NewFeedback events
 * that share a tag and a `valueDecimals`, added and taken away as feedback is given, revoked
 * and rolled back.
 *
 * Any sum of up to 2^63 int128 values fits (|sum| < 2^191); the 256-bit magnitude leaves room.
 * Stored as signed decimal integer text ("-1234"), the way agent_events keeps each value.
 * Boost.Multiprecision stays in feedbacksum.cpp.
 *
 * A plain value: copy it freely between threads.
 */
class FeedbackSum
{
public:
    FeedbackSum() = default;

    /// A signed decimal integer ("-170141183460469231731687303715884105728", "+5", "0"); nothing
    /// when `text` is not one or its magnitude reaches 2^255.
    static std::optional<FeedbackSum> fromText(QStringView text);
    /// Normalised signed decimal integer text: "0" for zero, never "-0".
    QString toText() const;
    bool isZero() const;

    FeedbackSum &operator+=(const FeedbackSum &other);
    FeedbackSum &operator-=(const FeedbackSum &other);
    friend bool operator==(const FeedbackSum &, const FeedbackSum &) = default;

    /// One sum of values that all have `decimals` decimals: the sum means sum / 10^decimals.
    using Part = std::pair<FeedbackSum, int>;
    /**
     * Σ sum / 10^decimals over `parts` as exact decimal text, normalised ("-0.5", "42", "0").
     */
    static QString scaledTotal(const QList<Part> &parts);
    /**
     * The mean of `count` values whose sums are `parts`: their scaled total divided by `count`,
     * rounded half away from zero to six more decimals than the most precise part has, trailing
     * zeros dropped ("4.25", "90", "1.666667" for 5 / 3 with no decimals). "0" for a count of 0.
     */
    static QString average(const QList<Part> &parts, qint64 count);

private:
    std::array<quint64, 4> m_magnitude{};   ///< least significant limb first
    bool m_negative = false;                ///< never set for zero
};

} // namespace arbor

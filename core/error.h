#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace arbor {

/**
 * An error an operator can act on.
 *
 * `field` names the input that was wrong ("--rpc", "chain id", "DDL of blocks"), empty when the
 * error is not about one input. `message` says what went wrong and, where there is one, the fix.
 * Errors are values: core code returns them inside Result<T> and never throws across its API.
 */
struct Error
{
    enum class Kind {
        Invalid,      ///< bad input from an operator, a config file or a node
        NotFound,     ///< the thing named does not exist
        Conflict,     ///< the thing exists already, or someone else holds it
        Unavailable,  ///< a server or endpoint could not be reached; may work later
        Refused,      ///< the database or node is in a state Arbor will not touch
        Internal,     ///< a bug or an unexpected failure of a library
    };

    Kind kind = Kind::Internal;
    QString field;
    QString message;
    /// What went wrong as a token, the same in every language ("refused", "timeout"), where the
    /// code that made the error gave one: what is kept for readers in another language (an
    /// alert's parameters), since `message` is in this process's.
    QString code = {};
    /// What the code's wording names, in the order it names them: a block number, the words a
    /// database or node said (which are not Arbor's to translate).
    QStringList codeArgs = {};

    static Error invalid(QString field, QString message) { return {Kind::Invalid, std::move(field), std::move(message)}; }
    static Error notFound(QString field, QString message) { return {Kind::NotFound, std::move(field), std::move(message)}; }
    static Error conflict(QString field, QString message) { return {Kind::Conflict, std::move(field), std::move(message)}; }
    static Error unavailable(QString field, QString message) { return {Kind::Unavailable, std::move(field), std::move(message)}; }
    static Error refused(QString message) { return {Kind::Refused, {}, std::move(message)}; }
    static Error internal(QString message) { return {Kind::Internal, {}, std::move(message)}; }

    /// This error with `code` set: `Error::unavailable(field, message).withCode(u"refused"_s)`,
    /// and what its wording names: `.withCode(u"block_not_served"_s, {QString::number(n)})`.
    Error withCode(QString token, QStringList args = {}) &&
    {
        code = std::move(token);
        codeArgs = std::move(args);
        return std::move(*this);
    }
    /// "field: message", or the message alone.
    QString toString() const { return field.isEmpty() ? message : field + QLatin1String(": ") + message; }
};

/**
 * Either a value or an Error (a small stand-in for C++23 std::expected).
 *
 * Test with `if (!result)`, read the value with `*result` or `result->`, the error with
 * `result.error()`. Reading the wrong alternative is a programming error and asserts.
 */
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    T &value() & { Q_ASSERT(ok()); return std::get<T>(m_value); }
    const T &value() const & { Q_ASSERT(ok()); return std::get<T>(m_value); }
    T &&value() && { Q_ASSERT(ok()); return std::get<T>(std::move(m_value)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { Q_ASSERT(!ok()); return std::get<Error>(m_value); }
    /// The value, or `fallback` when this holds an error.
    T value_or(T fallback) const & { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, Error> m_value;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { Q_ASSERT(!ok()); return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace arbor

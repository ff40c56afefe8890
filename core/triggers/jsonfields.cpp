#include "triggers/jsonfields.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace arbor::triggerjson {

Fields::Fields(const QJsonObject &json, QString field)
    : m_json(json)
    , m_field(std::move(field))
{
}

QString Fields::name(const char *key) const
{
    const QString k = QString::fromLatin1(key);
    return m_field.isEmpty() ? k : m_field + QLatin1Char('.') + k;
}

bool Fields::present(const char *key)
{
    m_read.insert(QString::fromLatin1(key));
    const QJsonValue v = m_json.value(QLatin1String(key));
    return !v.isUndefined() && !v.isNull();
}

void Fields::fail(const char *key, const QString &message)
{
    if (!m_error)
        m_error = Error::invalid(name(key), message);
}

QString Fields::requiredString(const char *key)
{
    if (failed())
        return {};
    if (!present(key)) {
        fail(key, tr("This field is required."));
        return {};
    }
    const QJsonValue v = m_json.value(QLatin1String(key));
    if (!v.isString() || v.toString().trimmed().isEmpty()) {
        fail(key, tr("Use a non-empty text."));
        return {};
    }
    return v.toString();
}

QString Fields::string(const char *key, const QString &fallback)
{
    if (failed() || !present(key))
        return fallback;
    const QJsonValue v = m_json.value(QLatin1String(key));
    if (!v.isString()) {
        fail(key, tr("Use a text (in double quotes)."));
        return fallback;
    }
    return v.toString();
}

QString Fields::requiredIntegerText(const char *key)
{
    if (failed())
        return {};
    if (!present(key)) {
        fail(key, tr("This field is required."));
        return {};
    }
    const QJsonValue v = m_json.value(QLatin1String(key));
    if (v.isDouble()) {
        const double d = v.toDouble();
        // Past 2^53 a JSON number has already lost digits: ask for text.
        if (d < 0 || d != std::floor(d) || d > 9007199254740991.0) {
            fail(key, tr("Use a whole number; past 9007199254740991 write it as text (\"123…\") so no digit is lost."));
            return {};
        }
        return QString::number(qint64(d));
    }
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,78}$"));
    const QString text = v.toString().trimmed();
    if (!v.isString() || !digits.match(text).hasMatch()) {
        fail(key, tr("Use a whole number of decimal digits, such as \"3\"."));
        return {};
    }
    return text;
}

QString Fields::requiredNumberText(const char *key)
{
    if (failed())
        return {};
    if (!present(key)) {
        fail(key, tr("This field is required."));
        return {};
    }
    const QJsonValue v = m_json.value(QLatin1String(key));
    if (v.isDouble())   // the shortest text that reads back as the same double: 0.1 stays "0.1"
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (!v.isString()) {
        fail(key, tr("Use a decimal number, as text for exactness (\"-1.5\")."));
        return {};
    }
    return v.toString().trimmed();
}

qint64 Fields::integer(const char *key, qint64 fallback, qint64 min, qint64 max)
{
    if (failed() || !present(key))
        return fallback;
    const QJsonValue v = m_json.value(QLatin1String(key));
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
        fail(key, tr("Use a whole number from %1 to %2.").arg(min).arg(max));
        return fallback;
    }
    return qint64(d);
}

bool Fields::boolean(const char *key, bool fallback)
{
    if (failed() || !present(key))
        return fallback;
    const QJsonValue v = m_json.value(QLatin1String(key));
    if (!v.isBool()) {
        fail(key, tr("Use true or false."));
        return fallback;
    }
    return v.toBool();
}

QJsonArray Fields::array(const char *key)
{
    if (failed() || !present(key))
        return {};
    const QJsonValue v = m_json.value(QLatin1String(key));
    if (!v.isArray()) {
        fail(key, tr("Use a list ([…])."));
        return {};
    }
    return v.toArray();
}

QJsonArray Fields::requiredArray(const char *key)
{
    if (failed())
        return {};
    if (!present(key)) {
        fail(key, tr("This field is required."));
        return {};
    }
    return array(key);
}

QJsonObject Fields::object(const char *key)
{
    if (failed() || !present(key))
        return {};
    const QJsonValue v = m_json.value(QLatin1String(key));
    if (!v.isObject()) {
        fail(key, tr("Use an object ({…})."));
        return {};
    }
    return v.toObject();
}

QJsonValue Fields::value(const char *key)
{
    m_read.insert(QString::fromLatin1(key));
    return m_json.value(QLatin1String(key));
}

void Fields::take(const char *key)
{
    m_read.insert(QString::fromLatin1(key));
}

Status Fields::finish() const
{
    if (m_error)
        return *m_error;
    for (auto it = m_json.begin(); it != m_json.end(); ++it) {
        if (m_read.contains(it.key()))
            continue;
        QStringList known(m_read.begin(), m_read.end());
        known.sort();
        const QString where = m_field.isEmpty() ? it.key() : m_field + QLatin1Char('.') + it.key();
        return Error::invalid(where, tr("Unknown field. Known here: %1.").arg(known.join(QLatin1String(", "))));
    }
    return {};
}

} // namespace arbor::triggerjson

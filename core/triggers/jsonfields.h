#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace arbor::triggerjson {

/**
 * Reads the fields of one JSON object of a trigger file, remembering the first problem (named
 * "actions[1].timeoutMs") and which keys were read, so finish() can refuse a key nobody reads:
 * a misspelt "signingsecret" must not silently leave a webhook unsigned.
 *
 * After a failure every further read returns a default; check failed() before using values.
 */
class Fields
{
    Q_DECLARE_TR_FUNCTIONS(arbor::Trigger)

public:
    Fields(const QJsonObject &json, QString field);

    QString requiredString(const char *key);
    QString string(const char *key, const QString &fallback = QString());
    /// A whole number given as a JSON number or as decimal text, returned as its digits.
    QString requiredIntegerText(const char *key);
    /// A decimal given as text ("-1.5", exact) or as a JSON number.
    QString requiredNumberText(const char *key);
    qint64 integer(const char *key, qint64 fallback, qint64 min, qint64 max);
    bool boolean(const char *key, bool fallback);
    QJsonArray array(const char *key);
    QJsonArray requiredArray(const char *key);
    QJsonObject object(const char *key);
    QJsonValue value(const char *key);
    /// Marks `key` as read without reading it.
    void take(const char *key);

    bool failed() const { return m_error.has_value(); }
    Error error() const { return m_error.value_or(Error::internal(QStringLiteral("no error"))); }
    /// The first problem, or an unknown key.
    Status finish() const;

    /// "actions[0].url" for key "url".
    QString name(const char *key) const;

private:
    bool present(const char *key);
    void fail(const char *key, const QString &message);

    QJsonObject m_json;
    QString m_field;
    QSet<QString> m_read;
    std::optional<Error> m_error;
};

} // namespace arbor::triggerjson

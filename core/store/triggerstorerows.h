#pragma once

// Small helpers the TriggerStore files share: JSON columns as text, placeholder lists.
// Inline on purpose: they must not tie the reorg and deletion code (triggerstorereorg.cpp) to
// the other TriggerStore files at link time.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QVariant>

namespace arbor::triggerrows {

inline QString jsonText(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

inline QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

/// A JSON column as the backends return it (text; JSONB comes back as text too).
inline QJsonDocument jsonDocument(const QVariant &value)
{
    return QJsonDocument::fromJson(value.typeId() == QMetaType::QByteArray ? value.toByteArray() : value.toString().toUtf8());
}

inline QJsonObject jsonObject(const QVariant &value)
{
    return jsonDocument(value).object();
}

inline QJsonArray jsonArray(const QVariant &value)
{
    return jsonDocument(value).array();
}

/// "?, ?, ?" for `count` bound values.
inline QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return marks.join(QLatin1String(", "));
}

} // namespace arbor::triggerrows

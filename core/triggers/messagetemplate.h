#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace arbor {

/**
 * A text with placeholders: "Agent {{event.agentId}}: {{event.value | decimals}}".
 *
 * A placeholder is a dotted path into the context, optionally followed by filters:
 * `decimals` (event.value scaled by event.valueDecimals, exact), `lower`, `upper`, `json`
 * (the value as JSON text), `short` (0x1234…abcd for addresses and hashes). Paths start with
 * `event.`, `trigger.`, `action.`, `chain.` or are `deliveryId`; the fields an event of the
 * registry can carry are known (eventFieldNames()), so a misspelt path is refused when the
 * trigger is saved, not when it fires. A path the event at hand lacks renders empty.
 *
 * `event.<field>` accepts the fields of any registry (the template does not know the trigger's)
 * and `trigger.id|name|description|chainId|registry`, `action.id|type`, `chain.id|name`,
 * `deliveryId`. `decimals` is accepted on `event.value` only, as its first filter. A "}}"
 * outside a placeholder is plain text (a JSON text body ends in "}}"); an unclosed "{{" is not.
 *
 * The context is the default payload's object: {"deliveryId", "trigger": {…}, "action": {…},
 * "chain": {…}, "event": {…}} (payloadContext() in eventpayload.h). Parsing and rendering are
 * pure and safe on any thread.
 */
class MessageTemplate
{
    Q_DECLARE_TR_FUNCTIONS(arbor::MessageTemplate)

public:
    /// Parses `text`; unbalanced braces, an unknown path or filter are an Invalid error naming
    /// `field` and the placeholder.
    static Result<MessageTemplate> parse(const QString &text, const QString &field);

    /// Substitutes each placeholder; `escape` (if set) is applied to every substituted value,
    /// not to the template's own text (Telegram MarkdownV2 escaping). Strings are substituted
    /// as they are, other values as JSON text, missing ones as nothing.
    QString render(const QJsonObject &context, QString (*escape)(const QString &) = nullptr) const;
    /// True when the whole text is one placeholder: renderValue() then keeps its JSON type.
    bool isSinglePlaceholder() const;
    /// The single placeholder's value with its JSON type (null when missing; a filter makes it
    /// a string), or render() as a string when the text holds more than the placeholder.
    QJsonValue renderValue(const QJsonObject &context) const;

    /// Every placeholder path ("event.agentId") in order.
    QStringList paths() const;

private:
    struct Part
    {
        QString literal;       ///< text before the placeholder (or the trailing text)
        QStringList path;      ///< empty for the trailing literal
        QStringList filters;
    };
    QList<Part> m_parts;
};

/// Checks every string leaf of a JSON body or argument object as a template (field names the
/// leaf: "actions[0].body.agent").
Status checkJsonTemplates(const QJsonValue &value, const QString &field);
/// Renders every string leaf; a leaf that is exactly one placeholder keeps its value's type.
QJsonValue renderJsonTemplates(const QJsonValue &value, const QJsonObject &context);

/// Telegram MarkdownV2: a backslash before each of _*[]()~`>#+-=|{}.! and before a backslash.
QString escapeMarkdownV2(const QString &text);
/// Telegram HTML: &, <, > and " as entities.
QString escapeHtml(const QString &text);

} // namespace arbor

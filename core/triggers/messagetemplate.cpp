#include "triggers/messagetemplate.h"

#include "triggers/decimal.h"
#include "triggers/eventpayload.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace arbor {

namespace {

const QStringList &knownFilters()
{
    static const QStringList filters = {QStringLiteral("decimals"), QStringLiteral("lower"), QStringLiteral("upper"),
                                        QStringLiteral("json"), QStringLiteral("short")};
    return filters;
}

const QStringList &eventFields()
{
    static const QStringList fields = [] {
        QStringList all;
        for (RegistryKind kind : {RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation}) {
            for (const QString &name : eventFieldNames(kind)) {
                if (!all.contains(name))
                    all.append(name);
            }
        }
        return all;
    }();
    return fields;
}

const QStringList &contextPaths()
{
    static const QStringList paths = {
        QStringLiteral("deliveryId"),
        QStringLiteral("trigger.id"), QStringLiteral("trigger.name"), QStringLiteral("trigger.description"),
        QStringLiteral("trigger.chainId"), QStringLiteral("trigger.registry"),
        QStringLiteral("action.id"), QStringLiteral("action.type"),
        QStringLiteral("chain.id"), QStringLiteral("chain.name"),
        // An alert rule's actions (AlertStore::payloadContext()) have these instead of trigger and event.
        QStringLiteral("alert.id"), QStringLiteral("alert.state"), QStringLiteral("alert.kind"), QStringLiteral("alert.title"),
        QStringLiteral("alert.text"), QStringLiteral("alert.chainId"), QStringLiteral("alert.raisedAt"), QStringLiteral("alert.clearedAt"),
        QStringLiteral("alert.silenced"), QStringLiteral("rule.id"), QStringLiteral("rule.name"), QStringLiteral("rule.kind"),
        QStringLiteral("rule.threshold"),
    };
    return paths;
}

bool knownPath(const QStringList &path)
{
    if (path.size() == 2 && path[0] == u"event")
        return eventFields().contains(path[1]);
    return contextPaths().contains(path.join(u'.'));
}

// The value as JSON text: Qt writes only objects and arrays, so wrap it in an array.
QString jsonText(const QJsonValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("null");
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QString plainText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QString();
    default:
        return jsonText(value);
    }
}

QJsonValue lookup(const QJsonObject &context, const QStringList &path)
{
    QJsonValue current = context;
    for (const QString &key : path) {
        if (!current.isObject())
            return QJsonValue(QJsonValue::Undefined);
        current = current.toObject().value(key);
    }
    return current;
}

QString shortened(const QString &text)
{
    if (!text.startsWith(u"0x") || text.size() <= 12)
        return text;
    return text.left(6) + u'…' + text.right(4);
}

// The placeholder's value after its filters; JSON types survive until a text filter applies.
QJsonValue filtered(const QJsonObject &context, const QStringList &path, const QStringList &filters)
{
    QJsonValue value = lookup(context, path);
    for (const QString &filter : filters) {
        if (filter == u"decimals") {
            if (!value.isString() && !value.isDouble())
                continue;
            const QJsonValue decimals = lookup(context, {QStringLiteral("event"), QStringLiteral("valueDecimals")});
            const auto scaled = Decimal::scaled(plainText(value), decimals.toInt(0), QString());
            if (scaled)
                value = scaled->toString();
        } else if (filter == u"lower") {
            value = plainText(value).toLower();
        } else if (filter == u"upper") {
            value = plainText(value).toUpper();
        } else if (filter == u"json") {
            value = jsonText(value);
        } else if (filter == u"short") {
            value = shortened(plainText(value));
        }
    }
    return value;
}

QString knownPathList()
{
    return contextPaths().join(QLatin1String(", ")) + QLatin1String(", event.<field> with <field> one of ")
        + eventFields().join(QLatin1String(", "));
}

} // namespace

Result<MessageTemplate> MessageTemplate::parse(const QString &text, const QString &field)
{
    MessageTemplate t;
    qsizetype pos = 0;
    while (true) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        if (open < 0) {
            t.m_parts.append(Part{text.mid(pos), {}, {}});
            break;
        }
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0)
            return Error::invalid(field, tr("The placeholder starting at “%1” is not closed: end it with }}.")
                                             .arg(text.mid(open, 40)));
        const QString inner = text.mid(open + 2, close - open - 2);
        const QString shown = QLatin1String("{{") + inner + QLatin1String("}}");
        if (inner.contains(QLatin1String("{{")))
            return Error::invalid(field, tr("“%1” opens a placeholder inside another: close each {{ with }} "
                                            "before the next one.").arg(shown));
        QStringList pieces = inner.split(u'|');
        for (QString &piece : pieces)
            piece = piece.trimmed();
        const QString pathText = pieces.takeFirst();
        if (pathText.isEmpty())
            return Error::invalid(field, tr("The placeholder “%1” names no field: write one such as "
                                            "{{event.agentId}} or {{trigger.name}}.").arg(shown));
        const QStringList path = pathText.split(u'.');
        if (!knownPath(path))
            return Error::invalid(field, tr("The placeholder “%1” names an unknown field “%2”. Known fields: %3.")
                                             .arg(shown, pathText, knownPathList()));
        for (qsizetype i = 0; i < pieces.size(); ++i) {
            const QString &filter = pieces[i];
            if (!knownFilters().contains(filter))
                return Error::invalid(field, tr("The placeholder “%1” uses an unknown filter “%2”. Known filters: %3.")
                                                 .arg(shown, filter, knownFilters().join(QLatin1String(", "))));
            if (filter == u"decimals" && (pathText != u"event.value" || i != 0))
                return Error::invalid(field, tr("The filter “decimals” in “%1” applies to event.value only, as its "
                                                "first filter (it scales the value by event.valueDecimals): write "
                                                "{{event.value | decimals}}.").arg(shown));
        }
        t.m_parts.append(Part{text.mid(pos, open - pos), path, pieces});
        pos = close + 2;
    }
    return t;
}

QString MessageTemplate::render(const QJsonObject &context, QString (*escape)(const QString &)) const
{
    QString out;
    for (const Part &part : m_parts) {
        out += part.literal;
        if (part.path.isEmpty())
            continue;
        const QString value = plainText(filtered(context, part.path, part.filters));
        out += escape ? escape(value) : value;
    }
    return out;
}

bool MessageTemplate::isSinglePlaceholder() const
{
    return m_parts.size() == 2 && m_parts[0].literal.isEmpty() && !m_parts[0].path.isEmpty()
        && m_parts[1].literal.isEmpty();
}

QJsonValue MessageTemplate::renderValue(const QJsonObject &context) const
{
    if (!isSinglePlaceholder())
        return render(context);
    const QJsonValue value = filtered(context, m_parts[0].path, m_parts[0].filters);
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QStringList MessageTemplate::paths() const
{
    QStringList out;
    for (const Part &part : m_parts) {
        if (!part.path.isEmpty())
            out.append(part.path.join(u'.'));
    }
    return out;
}

Status checkJsonTemplates(const QJsonValue &value, const QString &field)
{
    if (value.isString()) {
        if (auto t = MessageTemplate::parse(value.toString(), field); !t)
            return t.error();
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (Status s = checkJsonTemplates(it.value(), field + u'.' + it.key()); !s)
                return s;
        }
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (Status s = checkJsonTemplates(array[i], field + u'[' + QString::number(i) + u']'); !s)
                return s;
        }
    }
    return {};
}

QJsonValue renderJsonTemplates(const QJsonValue &value, const QJsonObject &context)
{
    if (value.isString()) {
        // Checked when the trigger was saved; a leaf that no longer parses is sent as written.
        const auto t = MessageTemplate::parse(value.toString(), QString());
        return t ? t->renderValue(context) : value;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = renderJsonTemplates(it.value(), context);
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = renderJsonTemplates(array[i], context);
        return array;
    }
    return value;
}

QString escapeMarkdownV2(const QString &text)
{
    static const QString special = QStringLiteral("_*[]()~`>#+-=|{}.!\\");
    QString out;
    out.reserve(text.size() * 2);
    for (QChar c : text) {
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString escapeHtml(const QString &text)
{
    return text.toHtmlEscaped();
}

} // namespace arbor

#include "triggers/eventpayload.h"

#include "model/u256.h"
#include "triggers/messagetemplate.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

namespace arbor {

namespace {

struct EventPayload
{
    Q_DECLARE_TR_FUNCTIONS(arbor::EventPayload)
};

const QStringList &commonFields()
{
    static const QStringList fields = {
        QStringLiteral("chainId"), QStringLiteral("blockNumber"), QStringLiteral("blockHash"),
        QStringLiteral("txHash"), QStringLiteral("logIndex"), QStringLiteral("blockTimestamp"),
        QStringLiteral("registry"), QStringLiteral("registryKind"), QStringLiteral("type"),
        QStringLiteral("agentId"),
    };
    return fields;
}

template<typename T, typename F>
void put(QJsonObject &out, const char *key, const std::optional<T> &value, F convert)
{
    if (value)
        out.insert(QLatin1String(key), convert(*value));
}

QJsonValue text(const QString &s) { return s; }
QJsonValue hexOf(const auto &v) { return v.toHex(); }
QJsonValue bytesHex(const QByteArray &b) { return QString(QLatin1String("0x") + QString::fromLatin1(b.toHex())); }
QJsonValue number(qint64 n) { return double(n); }
QJsonValue decimalText(qint64 n) { return QString::number(n); }

// The event's own parameters by their spec names (evmevents.h maps them into AgentEvent).
void putOwnFields(QJsonObject &out, const AgentEvent &e)
{
    const QString &name = e.event;
    if (name == u"Registered") {
        put(out, "agentURI", e.uri, text);
        put(out, "owner", e.actor, hexOf<Address>);
    } else if (name == u"URIUpdated") {
        put(out, "newURI", e.uri, text);
        put(out, "updatedBy", e.actor, hexOf<Address>);
    } else if (name == u"MetadataSet") {
        put(out, "metadataKey", e.metadataKey, text);
        put(out, "metadataValue", e.metadataValue, bytesHex);
    } else if (name == u"NewFeedback") {
        put(out, "clientAddress", e.actor, hexOf<Address>);
        put(out, "feedbackIndex", e.feedbackIndex, decimalText);
        put(out, "value", e.value, text);
        put(out, "valueDecimals", e.valueDecimals, number);
        put(out, "tag1", e.tag1, text);
        put(out, "tag2", e.tag2, text);
        put(out, "endpoint", e.endpoint, text);
        put(out, "feedbackURI", e.uri, text);
        put(out, "feedbackHash", e.dataHash, hexOf<Hash>);
    } else if (name == u"FeedbackRevoked") {
        put(out, "clientAddress", e.actor, hexOf<Address>);
        put(out, "feedbackIndex", e.feedbackIndex, decimalText);
    } else if (name == u"ResponseAppended") {
        put(out, "clientAddress", e.actor, hexOf<Address>);
        put(out, "feedbackIndex", e.feedbackIndex, decimalText);
        put(out, "responder", e.counterparty, hexOf<Address>);
        put(out, "responseURI", e.uri, text);
        put(out, "responseHash", e.dataHash, hexOf<Hash>);
    } else if (name == u"ValidationRequest") {
        put(out, "validatorAddress", e.actor, hexOf<Address>);
        put(out, "requestURI", e.uri, text);
        put(out, "requestHash", e.requestHash, hexOf<Hash>);
    } else if (name == u"ValidationResponse") {
        put(out, "validatorAddress", e.actor, hexOf<Address>);
        put(out, "requestHash", e.requestHash, hexOf<Hash>);
        put(out, "response", e.response, number);
        put(out, "responseURI", e.uri, text);
        put(out, "responseHash", e.dataHash, hexOf<Hash>);
        put(out, "tag", e.tag1, text);
    }
}

// One line about the event in plain words; no MarkdownV2 or HTML specials in the literal text.
QString defaultTelegramText(const QJsonObject &event)
{
    const QString type = event.value(QLatin1String("type")).toString();
    QString t = QStringLiteral("{{trigger.name}}: {{event.type}} for agent {{event.agentId}} on chain "
                               "{{event.chainId}} at block {{event.blockNumber}}");
    auto has = [&](const char *key) { return !event.value(QLatin1String(key)).toString().isEmpty(); };
    if (type == u"NewFeedback") {
        t += QStringLiteral(", value {{event.value | decimals}}");
        if (has("tag1"))
            t += QStringLiteral(", tag {{event.tag1}}");
        if (has("tag2"))
            t += QStringLiteral(" {{event.tag2}}");
        t += QStringLiteral(", from {{event.clientAddress | short}}");
    } else if (type == u"FeedbackRevoked") {
        t += QStringLiteral(", feedback {{event.feedbackIndex}} from {{event.clientAddress | short}} revoked");
    } else if (type == u"ResponseAppended") {
        t += QStringLiteral(", response by {{event.responder | short}} to feedback {{event.feedbackIndex}}");
    } else if (type == u"ValidationRequest") {
        t += QStringLiteral(", validator {{event.validatorAddress | short}}");
    } else if (type == u"ValidationResponse") {
        t += QStringLiteral(", validator {{event.validatorAddress | short}} answered {{event.response}}");
        if (has("tag"))
            t += QStringLiteral(", tag {{event.tag}}");
    } else if (type == u"Registered") {
        t += QStringLiteral(", owner {{event.owner | short}}");
    } else if (type == u"URIUpdated") {
        t += QStringLiteral(", new URI {{event.newURI}}");
    } else if (type == u"MetadataSet") {
        t += QStringLiteral(", key {{event.metadataKey}}");
    }
    return t;
}

// Cut to Telegram's limit without splitting a surrogate pair, an escape or an HTML entity.
QString truncatedForTelegram(const QString &text, const QString &parseMode)
{
    if (text.size() <= Action::MaxTelegramText)
        return text;
    qsizetype cut = Action::MaxTelegramText - 1;
    if (text[cut - 1].isHighSurrogate())
        --cut;
    if (parseMode == u"MarkdownV2") {
        qsizetype slashes = 0;
        while (slashes < cut && text[cut - 1 - slashes] == u'\\')
            ++slashes;
        if (slashes % 2 == 1)
            --cut;
    } else if (parseMode == u"HTML") {
        const qsizetype amp = text.lastIndexOf(u'&', cut - 1);
        if (amp >= 0 && cut - amp <= 8 && text.indexOf(u';', amp) >= cut)
            cut = amp;
    }
    return text.left(cut) + u'…';
}

} // namespace

QJsonObject eventToJson(const TriggerEvent &event)
{
    const AgentEvent &e = event.event;
    QJsonObject out;
    out.insert(QLatin1String("chainId"), double(event.chainId));
    out.insert(QLatin1String("blockNumber"), double(e.blockNumber));
    out.insert(QLatin1String("blockHash"), event.blockHash.toHex());
    out.insert(QLatin1String("txHash"), e.txHash.toHex());
    out.insert(QLatin1String("logIndex"), double(e.logIndex));
    out.insert(QLatin1String("blockTimestamp"), double(event.blockTimestamp));
    out.insert(QLatin1String("registry"), e.registry.toHex());
    out.insert(QLatin1String("registryKind"), registryKindName(e.kind));
    out.insert(QLatin1String("type"), e.event);
    out.insert(QLatin1String("agentId"), u256::toDecimal(e.agentId));
    putOwnFields(out, e);
    return out;
}

QStringList eventFieldNames(RegistryKind kind)
{
    QStringList names = commonFields();
    switch (kind) {
    case RegistryKind::Identity:
        names << QStringLiteral("agentURI") << QStringLiteral("owner") << QStringLiteral("newURI")
              << QStringLiteral("updatedBy") << QStringLiteral("metadataKey") << QStringLiteral("metadataValue");
        break;
    case RegistryKind::Reputation:
        names << QStringLiteral("clientAddress") << QStringLiteral("feedbackIndex") << QStringLiteral("value")
              << QStringLiteral("valueDecimals") << QStringLiteral("tag1") << QStringLiteral("tag2")
              << QStringLiteral("endpoint") << QStringLiteral("feedbackURI") << QStringLiteral("feedbackHash")
              << QStringLiteral("responder") << QStringLiteral("responseURI") << QStringLiteral("responseHash");
        break;
    case RegistryKind::Validation:
        names << QStringLiteral("validatorAddress") << QStringLiteral("requestURI") << QStringLiteral("requestHash")
              << QStringLiteral("response") << QStringLiteral("responseURI") << QStringLiteral("responseHash")
              << QStringLiteral("tag");
        break;
    }
    return names;
}

QJsonObject payloadContext(const QString &deliveryId, const TriggerDef &trigger, const Action &action,
                           const QJsonObject &eventJson, const QString &chainName)
{
    const QJsonObject triggerJson{
        {QStringLiteral("id"), double(trigger.id)},
        {QStringLiteral("name"), trigger.name},
        {QStringLiteral("description"), trigger.description},
        {QStringLiteral("chainId"), double(trigger.chainId)},
        {QStringLiteral("registry"), registryKindName(trigger.registry)},
    };
    const QJsonObject actionJson{
        {QStringLiteral("id"), double(action.id)},
        {QStringLiteral("type"), actionTypeName(action.type)},
    };
    const QJsonObject chainJson{
        {QStringLiteral("id"), double(trigger.chainId)},
        {QStringLiteral("name"), chainName.isEmpty() ? trigger.chainName : chainName},
    };
    return QJsonObject{
        {QStringLiteral("deliveryId"), deliveryId},
        {QStringLiteral("trigger"), triggerJson},
        {QStringLiteral("action"), actionJson},
        {QStringLiteral("chain"), chainJson},
        {QStringLiteral("event"), eventJson},
    };
}

Result<RenderedPayload> renderPayload(const Action &action, const QJsonObject &context)
{
    RenderedPayload out;
    switch (action.type) {
    case ActionType::Rest:
        if (action.body.isUndefined() || action.body.isNull()) {
            out.body = QJsonDocument(context).toJson(QJsonDocument::Compact);
        } else if (action.bodyIsText) {
            const auto t = MessageTemplate::parse(action.body.toString(), QStringLiteral("body"));
            if (!t)
                return t.error();
            out.body = t->render(context).toUtf8();
        } else {
            const QJsonValue body = renderJsonTemplates(action.body, context);
            out.body = body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                     : body.isArray() ? QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact)
                                      : QJsonDocument(QJsonArray{body}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
        }
        break;
    case ActionType::Telegram: {
        const QString source = action.text.isEmpty()
            ? defaultTelegramText(context.value(QLatin1String("event")).toObject()) : action.text;
        const auto t = MessageTemplate::parse(source, QStringLiteral("text"));
        if (!t)
            return t.error();
        QString (*escape)(const QString &) = nullptr;
        if (action.parseMode == u"MarkdownV2")
            escape = escapeMarkdownV2;
        else if (action.parseMode == u"HTML")
            escape = escapeHtml;
        out.body = truncatedForTelegram(t->render(context, escape), action.parseMode).toUtf8();
        break;
    }
    case ActionType::Mcp: {
        const QJsonValue arguments = renderJsonTemplates(action.arguments, context);
        out.body = QJsonDocument(arguments.toObject()).toJson(QJsonDocument::Compact);
        // The agent's own endpoint is looked up when the delivery is sent (AgentCallPreparer),
        // from its registration file: never from the event.
        break;
    }
    }
    return out;
}

QString deliveryIdFor(qint64 triggerId, qint64 actionId, qint64 chainId, const Hash &txHash, qint64 logIndex)
{
    const QByteArray key = "arbor-delivery/1|" + QByteArray::number(triggerId) + '|' + QByteArray::number(actionId)
        + '|' + QByteArray::number(chainId) + '|' + txHash.toBytes().toHex() + '|' + QByteArray::number(logIndex);
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32);
    return QLatin1String("dlv_") + QString::fromLatin1(digest);
}

} // namespace arbor

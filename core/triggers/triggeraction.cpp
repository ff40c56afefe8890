// Actions of a trigger file: parsing, checking and writing back; secret references.

#include "model/duration.h"
#include "triggers/jsonfields.h"
#include "triggers/messagetemplate.h"
#include "triggers/triggerdef.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

#include <cmath>

namespace arbor {
namespace {

using triggerjson::Fields;

/// Header names whose values authenticate: a literal there would land in the database.
bool isSecretHeader(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("auth|token|secret|key|cookie|password|signature"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern.match(name).hasMatch();
}

/// Text that carries a credential even where no secret belongs: a Standard Webhooks key, a
/// Telegram bot token (in a URL path), a bearer token or basic-auth user info.
QString literalSecretIn(const QString &text)
{
    static const QRegularExpression whsec(QStringLiteral("whsec_[A-Za-z0-9+/=]{8,}"));
    static const QRegularExpression botToken(QStringLiteral("(?<![0-9])\\d{6,12}:[A-Za-z0-9_-]{30,}"));
    static const QRegularExpression bearer(QStringLiteral("\\bBearer\\s+[A-Za-z0-9._~+/=-]{8,}"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (whsec.match(text).hasMatch())
        return Fields::tr("a webhook signing secret (whsec_…)");
    if (botToken.match(text).hasMatch())
        return Fields::tr("a Telegram bot token");
    if (bearer.match(text).hasMatch())
        return Fields::tr("a bearer token");
    return {};
}

Status refuseLiteralSecret(const QString &text, const QString &field)
{
    const QString what = literalSecretIn(text);
    if (what.isEmpty())
        return {};
    return Error::invalid(field, Fields::tr("This holds %1. Secrets are never stored with a trigger: store it with "
                                            "“arborctl secret set NAME” and refer to it as \"keychain:NAME\" in the "
                                            "field meant for it (or env:VAR, file:PATH).").arg(what));
}

Status refuseLiteralSecrets(const QJsonValue &value, const QString &field)
{
    if (value.isString())
        return refuseLiteralSecret(value.toString(), field);
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (Status s = refuseLiteralSecrets(array.at(i), field + QLatin1Char('[') + QString::number(i) + QLatin1Char(']')); !s.ok())
                return s;
        }
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (Status s = refuseLiteralSecrets(it.value(), field + QLatin1Char('.') + it.key()); !s.ok())
                return s;
        }
    }
    return {};
}

Result<QUrl> parseHttpUrl(const QString &text, const QString &field)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        || url.host().isEmpty()) {
        return Error::invalid(field, Fields::tr("“%1” is not an http(s) URL. Write it in full, such as "
                                                "https://hooks.example.com/arbor.").arg(text));
    }
    if (!url.userInfo().isEmpty()) {
        return Error::invalid(field, Fields::tr("The URL holds a user name or password, which would be stored with "
                                                "the trigger. Put credentials in a secret header instead."));
    }
    return url;
}

std::optional<SecretRef> secretField(Fields &f, const QJsonObject &json, const char *key, bool required,
                                     std::optional<Error> &error)
{
    if (!json.contains(QLatin1String(key)) || json.value(QLatin1String(key)).isNull()) {
        f.take(key);
        if (required)
            error = Error::invalid(f.name(key), Fields::tr("This field is required: a secret reference such as "
                                                           "\"keychain:NAME\"."));
        return std::nullopt;
    }
    const QString text = f.string(key);
    if (f.failed()) {
        error = f.error();
        return std::nullopt;
    }
    auto ref = SecretRef::parse(text, f.name(key));
    if (!ref) {
        error = ref.error();
        return std::nullopt;
    }
    return *ref;
}

} // namespace

Result<Action> parseAction(const QJsonObject &json, const QString &field)
{
    Fields f(json, field);
    Action a;
    const QString typeName = f.requiredString("type");
    if (f.failed())
        return f.error();
    const std::optional<ActionType> type = actionTypeFromName(typeName);
    if (!type) {
        return Error::invalid(field + QLatin1String(".type"),
                              Fields::tr("“%1” is not an action type. Use rest, telegram or mcp.").arg(typeName));
    }
    a.type = *type;
    f.take("id");
    a.priority = int(f.integer("priority", 1, 0, 1000));
    a.timeoutMs = int(f.integer("timeoutMs", Action::DefaultTimeoutMs, 100, 120000));
    if (json.contains(QLatin1String("retry")) && json.contains(QLatin1String("maxRetries")))
        return Error::invalid(f.name("maxRetries"), Fields::tr("Give either “retry” or the older “maxRetries”, not both."));
    if (json.contains(QLatin1String("retry"))) {
        auto retry = RetrySchedule::parse(f.value("retry"), f.name("retry"));
        if (!retry)
            return retry.error();
        a.retry = *retry;
    } else if (json.contains(QLatin1String("maxRetries"))) {
        a.retry = RetrySchedule::legacy(int(f.integer("maxRetries", 0, 0, RetrySchedule::MaxSteps)));
    }
    if (json.contains(QLatin1String("failingAfter"))) {
        const std::optional<qint64> seconds = parseDurationSeconds(f.value("failingAfter"));
        if (!seconds || *seconds < 60 || *seconds > 7 * 86400)
            return Error::invalid(f.name("failingAfter"), Fields::tr("Use a duration from 1m to 7d, such as \"30m\", \"1h\" or \"1d\"."));
        a.failingAfterMs = *seconds * 1000;
    }
    if (f.failed())
        return f.error();
    std::optional<Error> error;

    switch (a.type) {
    case ActionType::Rest: {
        const QString url = f.requiredString("url");
        if (f.failed())
            return f.error();
        if (Status s = refuseLiteralSecret(url, f.name("url")); !s.ok())
            return s.error();
        auto parsed = parseHttpUrl(url, f.name("url"));
        if (!parsed)
            return parsed.error();
        a.url = parsed->toString();
        a.method = f.string("method", QStringLiteral("POST")).toUpper();
        static const QStringList methods{QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                                         QStringLiteral("GET"), QStringLiteral("DELETE")};
        if (!methods.contains(a.method)) {
            return Error::invalid(f.name("method"), Fields::tr("Use one of: %1.").arg(methods.join(QLatin1String(", "))));
        }
        const QJsonObject headers = f.object("headers");
        for (auto it = headers.begin(); it != headers.end(); ++it) {
            const QString name = f.name("headers") + QLatin1Char('.') + it.key();
            static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]+$"));
            if (!token.match(it.key()).hasMatch())
                return Error::invalid(name, Fields::tr("“%1” is not an HTTP header name.").arg(it.key()));
            if (!it.value().isString())
                return Error::invalid(name, Fields::tr("Use a text value."));
            HeaderSpec header{it.key(), {}, std::nullopt};
            const QString value = it.value().toString();
            const bool looksLikeRef = value.startsWith(QLatin1String("keychain:")) || value.startsWith(QLatin1String("env:"))
                || value.startsWith(QLatin1String("file:"));
            if (looksLikeRef || isSecretHeader(it.key())) {
                auto ref = SecretRef::parse(value, name);
                if (!ref)
                    return ref.error();
                header.secret = *ref;
            } else {
                if (Status s = refuseLiteralSecret(value, name); !s.ok())
                    return s.error();
                if (value.contains(QLatin1String("{{"))) {
                    return Error::invalid(name, Fields::tr("Header values are sent as written; put templates in the "
                                                           "body."));
                }
                header.value = value;
            }
            a.headers.append(header);
        }
        const QJsonValue body = f.value("body");
        if (!body.isUndefined() && !body.isNull()) {
            if (Status s = refuseLiteralSecrets(body, f.name("body")); !s.ok())
                return s.error();
            if (body.isString()) {
                if (auto t = MessageTemplate::parse(body.toString(), f.name("body")); !t)
                    return t.error();
                a.bodyIsText = true;
            } else if (Status s = checkJsonTemplates(body, f.name("body")); !s.ok()) {
                return s.error();
            }
            a.body = body;
        }
        a.signingSecret = secretField(f, json, "signingSecret", false, error);
        if (error)
            return *error;
        a.previousSigningSecret = secretField(f, json, "previousSigningSecret", false, error);
        if (error)
            return *error;
        if (a.previousSigningSecret) {
            if (!a.signingSecret)
                return Error::invalid(f.name("previousSigningSecret"), Fields::tr("A previous signing secret overlaps a current one: set “signingSecret” too."));
            const QString until = f.requiredString("previousSecretUntil");
            if (f.failed())
                return f.error();
            const QDateTime at = QDateTime::fromString(until, Qt::ISODateWithMs);
            if (!at.isValid())
                return Error::invalid(f.name("previousSecretUntil"), Fields::tr("Use a date and time such as 2026-12-01T12:00:00Z."));
            a.previousSecretUntilMs = at.toMSecsSinceEpoch();
        } else if (json.contains(QLatin1String("previousSecretUntil"))) {
            return Error::invalid(f.name("previousSecretUntil"), Fields::tr("Without “previousSigningSecret” there is no overlap to end."));
        }
        break;
    }
    case ActionType::Telegram: {
        a.botToken = secretField(f, json, "botToken", true, error);
        if (error)
            return *error;
        const QJsonValue chat = f.value("chatId");
        if (chat.isDouble() && chat.toDouble() == std::floor(chat.toDouble()))
            a.chatId = QString::number(qint64(chat.toDouble()));
        else
            a.chatId = chat.toString().trimmed();
        static const QRegularExpression chatPattern(QStringLiteral("^(-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,})$"));
        if (!chatPattern.match(a.chatId).hasMatch()) {
            return Error::invalid(f.name("chatId"), Fields::tr("Use the chat's numeric id (such as \"-100123\") or a "
                                                               "channel's @name."));
        }
        a.text = f.string("text");
        if (Status s = refuseLiteralSecret(a.text, f.name("text")); !s.ok())
            return s.error();
        if (auto t = MessageTemplate::parse(a.text, f.name("text")); !t)
            return t.error();
        a.parseMode = f.string("parseMode");
        if (!a.parseMode.isEmpty() && a.parseMode != QLatin1String("MarkdownV2") && a.parseMode != QLatin1String("HTML")) {
            return Error::invalid(f.name("parseMode"), Fields::tr("Use \"MarkdownV2\", \"HTML\" or leave it out for plain "
                                                                  "text (Telegram's legacy \"Markdown\" cannot be "
                                                                  "escaped reliably)."));
        }
        const QString base = f.string("apiBaseUrl", a.apiBaseUrl);
        if (Status s = refuseLiteralSecret(base, f.name("apiBaseUrl")); !s.ok())
            return s.error();
        auto parsed = parseHttpUrl(base, f.name("apiBaseUrl"));
        if (!parsed)
            return parsed.error();
        a.apiBaseUrl = parsed->toString();
        while (a.apiBaseUrl.endsWith(QLatin1Char('/')))
            a.apiBaseUrl.chop(1);
        break;
    }
    case ActionType::Mcp: {
        a.resolveEndpoint = f.boolean("resolveEndpoint", false);
        a.verifyFileHash = f.boolean("verifyFileHash", false);
        const QString url = f.string("url");
        if (f.failed())
            return f.error();
        if (!url.isEmpty()) {
            if (Status s = refuseLiteralSecret(url, f.name("url")); !s.ok())
                return s.error();
            auto parsed = parseHttpUrl(url, f.name("url"));
            if (!parsed)
                return parsed.error();
            a.url = parsed->toString();
        } else if (!a.resolveEndpoint) {
            return Error::invalid(f.name("url"), Fields::tr("Give the MCP server's URL, or call “the agent's own endpoint” "
                                                            "(\"resolveEndpoint\": true) named in its registration file."));
        }
        a.tool = f.requiredString("tool").trimmed();
        if (f.failed())
            return f.error();
        a.arguments = f.object("arguments");
        if (f.failed())
            return f.error();
        if (Status s = refuseLiteralSecrets(a.arguments, f.name("arguments")); !s.ok())
            return s.error();
        if (Status s = checkJsonTemplates(a.arguments, f.name("arguments")); !s.ok())
            return s.error();
        a.token = secretField(f, json, "token", false, error);
        if (a.resolveEndpoint && a.token)
            return Error::invalid(f.name("token"), Fields::tr("An action calling each agent's own endpoint sends that agent's "
                                                              "token (“arborctl agents token set”), never one token to every "
                                                              "agent's server: remove “token” here."));
        break;
    }
    }
    if (error)
        return *error;
    f.take("type");
    if (Status s = f.finish(); !s.ok())
        return s.error();
    return a;
}

QJsonObject actionToJson(const Action &a)
{
    QJsonObject o{{QStringLiteral("type"), actionTypeName(a.type)}, {QStringLiteral("priority"), a.priority}};
    if (a.id)
        o.insert(QStringLiteral("id"), a.id);
    o.insert(QStringLiteral("timeoutMs"), a.timeoutMs);
    o.insert(QStringLiteral("retry"), a.retry.toJson());
    if (a.failingAfterMs != Action::DefaultFailingAfterMs)
        o.insert(QStringLiteral("failingAfter"), durationText(a.failingAfterMs / 1000));
    switch (a.type) {
    case ActionType::Rest: {
        o.insert(QStringLiteral("method"), a.method);
        o.insert(QStringLiteral("url"), a.url);
        if (!a.headers.isEmpty()) {
            QJsonObject headers;
            for (const HeaderSpec &h : a.headers)
                headers.insert(h.name, h.secret ? h.secret->toString() : h.value);
            o.insert(QStringLiteral("headers"), headers);
        }
        if (!a.body.isUndefined() && !a.body.isNull())
            o.insert(QStringLiteral("body"), a.body);
        if (a.signingSecret)
            o.insert(QStringLiteral("signingSecret"), a.signingSecret->toString());
        if (a.previousSigningSecret) {
            o.insert(QStringLiteral("previousSigningSecret"), a.previousSigningSecret->toString());
            o.insert(QStringLiteral("previousSecretUntil"),
                     QDateTime::fromMSecsSinceEpoch(a.previousSecretUntilMs, Qt::UTC).toString(Qt::ISODateWithMs));
        }
        break;
    }
    case ActionType::Telegram:
        if (a.botToken)
            o.insert(QStringLiteral("botToken"), a.botToken->toString());
        o.insert(QStringLiteral("chatId"), a.chatId);
        if (!a.text.isEmpty())
            o.insert(QStringLiteral("text"), a.text);
        if (!a.parseMode.isEmpty())
            o.insert(QStringLiteral("parseMode"), a.parseMode);
        o.insert(QStringLiteral("apiBaseUrl"), a.apiBaseUrl);
        break;
    case ActionType::Mcp:
        if (a.resolveEndpoint)
            o.insert(QStringLiteral("resolveEndpoint"), true);
        if (a.verifyFileHash)
            o.insert(QStringLiteral("verifyFileHash"), true);
        if (!a.url.isEmpty())
            o.insert(QStringLiteral("url"), a.url);
        o.insert(QStringLiteral("tool"), a.tool);
        if (!a.arguments.isEmpty())
            o.insert(QStringLiteral("arguments"), a.arguments);
        if (a.token)
            o.insert(QStringLiteral("token"), a.token->toString());
        break;
    }
    return o;
}

} // namespace arbor

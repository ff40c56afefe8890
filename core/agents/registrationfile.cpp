#include "agents/registrationfile.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>

#include <algorithm>

namespace arbor {
namespace {

/// Reads the fields of a registration file, keeping the first problem, named by its JSON path.
/// After a failure every read returns an empty value; check error before using them.
class RegistrationReader
{
    Q_DECLARE_TR_FUNCTIONS(arbor::AgentRegistration)

public:
    std::optional<Error> error;

    /// A text, cut to `maxChars`; empty when absent or null.
    QString text(const QJsonObject &object, const QString &path, const char *key, qsizetype maxChars)
    {
        return cut(string(object, path, key), maxChars);
    }

    /// A URI, dropped when longer than `maxChars`: cut, it would name something else.
    QString uri(const QJsonObject &object, const QString &path, const char *key, qsizetype maxChars)
    {
        QString value = string(object, path, key);
        return value.size() > maxChars ? QString() : value;
    }

    /// A list; empty when absent or null.
    QJsonArray array(const QJsonObject &object, const QString &path, const char *key, const QString &advice)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (error || value.isUndefined() || value.isNull())
            return {};
        if (!value.isArray()) {
            fail(name(path, key), tr("Use a list ([…]) %1, not %2.").arg(advice, typeName(value)));
            return {};
        }
        return value.toArray();
    }

    std::optional<bool> boolean(const QJsonObject &object, const char *key)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (error || value.isUndefined() || value.isNull())
            return std::nullopt;
        if (!value.isBool()) {
            fail(QString::fromLatin1(key), tr("Use true or false, not %1.").arg(typeName(value)));
            return std::nullopt;
        }
        return value.toBool();
    }

    void fail(const QString &field, const QString &message)
    {
        if (!error)
            error = Error::invalid(field, message);
    }

    static QString name(const QString &path, const char *key)
    {
        return path.isEmpty() ? QString::fromLatin1(key) : path + QLatin1Char('.') + QLatin1String(key);
    }

    static QString element(const QString &path, qsizetype index)
    {
        return path + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
    }

    static QString typeName(const QJsonValue &value)
    {
        switch (value.type()) {
        case QJsonValue::Bool: return tr("true or false");
        case QJsonValue::Double: return tr("a number");
        case QJsonValue::String: return tr("a text");
        case QJsonValue::Array: return tr("a list");
        case QJsonValue::Object: return tr("an object");
        default: return tr("null");
        }
    }

    static QString cut(QString value, qsizetype maxChars)
    {
        if (value.size() <= maxChars)
            return value;
        qsizetype keep = maxChars - 1;
        if (keep > 0 && value.at(keep - 1).isHighSurrogate())
            --keep;   // never half a character
        value.truncate(keep);
        return value + QChar(0x2026);
    }

private:
    QString string(const QJsonObject &object, const QString &path, const char *key)
    {
        const QJsonValue value = object.value(QLatin1String(key));
        if (error || value.isUndefined() || value.isNull())
            return {};
        if (!value.isString()) {
            fail(name(path, key), tr("Use a text (in double quotes), not %1.").arg(typeName(value)));
            return {};
        }
        return value.toString();
    }
};

QList<AgentServiceEntry> readServices(RegistrationReader &reader, const QJsonObject &root)
{
    using namespace registrationlimits;
    // Files written before "services" was named call the same list "endpoints".
    const bool legacy = !root.contains(QLatin1String("services")) && root.contains(QLatin1String("endpoints"));
    const char *key = legacy ? "endpoints" : "services";
    const QJsonArray entries = reader.array(root, {}, key, RegistrationReader::tr("of services, each {\"name\": …, \"endpoint\": …}"));
    QList<AgentServiceEntry> services;
    for (qsizetype i = 0; i < std::min<qsizetype>(entries.size(), Services) && !reader.error; ++i) {
        const QString path = RegistrationReader::element(QString::fromLatin1(key), i);
        const QJsonValue entry = entries.at(i);
        if (!entry.isObject()) {
            reader.fail(path, RegistrationReader::tr("Use an object {\"name\": …, \"endpoint\": …}, not %1.")
                                  .arg(RegistrationReader::typeName(entry)));
            break;
        }
        const QJsonObject object = entry.toObject();
        AgentServiceEntry service;
        service.name = reader.text(object, path, "name", ServiceNameChars);
        service.endpoint = reader.uri(object, path, "endpoint", EndpointChars);
        service.version = reader.text(object, path, "version", VersionChars);
        services.append(std::move(service));
    }
    return services;
}

QStringList readTrust(RegistrationReader &reader, const QJsonObject &root)
{
    using namespace registrationlimits;
    const QJsonArray models = reader.array(root, {}, "supportedTrust", RegistrationReader::tr("of texts, such as [\"reputation\"]"));
    QStringList trust;
    for (qsizetype i = 0; i < std::min<qsizetype>(models.size(), TrustModels) && !reader.error; ++i) {
        const QJsonValue model = models.at(i);
        if (!model.isString()) {
            reader.fail(RegistrationReader::element(QStringLiteral("supportedTrust"), i),
                        RegistrationReader::tr("Use a text (in double quotes), not %1.").arg(RegistrationReader::typeName(model)));
            break;
        }
        trust.append(RegistrationReader::cut(model.toString(), TrustChars));
    }
    return trust;
}

} // namespace

std::optional<AgentServiceEntry> AgentRegistration::mcpService() const
{
    for (const AgentServiceEntry &service : services) {
        if (service.name.trimmed().compare(QLatin1String("MCP"), Qt::CaseInsensitive) == 0 && !service.endpoint.trimmed().isEmpty())
            return service;
    }
    return std::nullopt;
}

Result<AgentRegistration> parseRegistrationFile(const QByteArray &json)
{
    using namespace registrationlimits;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return Error::invalid({}, RegistrationReader::tr("The registration file is not valid JSON: %1 at byte %2.")
                                      .arg(parseError.errorString())
                                      .arg(parseError.offset));
    }
    if (!document.isObject())
        return Error::invalid({}, RegistrationReader::tr("The registration file is not a JSON object ({…})."));

    const QJsonObject root = document.object();
    RegistrationReader reader;
    AgentRegistration registration;
    registration.type = reader.text(root, {}, "type", TypeChars);
    registration.name = reader.text(root, {}, "name", NameChars);
    registration.description = reader.text(root, {}, "description", DescriptionChars);
    registration.image = reader.uri(root, {}, "image", ImageChars);
    registration.services = readServices(reader, root);
    registration.active = reader.boolean(root, "active");
    registration.registrations = reader.array(root, {}, "registrations",
                                              RegistrationReader::tr("of registrations, each {\"agentId\": …, \"agentRegistry\": …}"));
    registration.supportedTrust = readTrust(reader, root);
    if (reader.error)
        return *reader.error;
    return registration;
}

QJsonObject registrationToJson(const AgentRegistration &registration)
{
    QJsonArray services;
    for (const AgentServiceEntry &service : registration.services) {
        services.append(QJsonObject{{QStringLiteral("name"), service.name},
                                    {QStringLiteral("endpoint"), service.endpoint},
                                    {QStringLiteral("version"), service.version}});
    }
    QJsonObject json{{QStringLiteral("type"), registration.type},
                     {QStringLiteral("name"), registration.name},
                     {QStringLiteral("description"), registration.description},
                     {QStringLiteral("image"), registration.image},
                     {QStringLiteral("services"), services},
                     {QStringLiteral("registrations"), registration.registrations},
                     {QStringLiteral("supportedTrust"), QJsonArray::fromStringList(registration.supportedTrust)}};
    if (registration.active)
        json.insert(QStringLiteral("active"), *registration.active);
    return json;
}

} // namespace arbor

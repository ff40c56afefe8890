#include "triggers/triggerdef.h"

#include "model/duration.h"
#include "model/chainconfig.h"
#include "model/evmevents.h"
#include "triggers/decimal.h"
#include "triggers/jsonfields.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace arbor {
namespace {

using triggerjson::Fields;

struct Named
{
    const char *text;
    int value;
};

const Named CompareOps[] = {{"<", int(CompareOp::Less)},          {"<=", int(CompareOp::LessEqual)},
                            {">", int(CompareOp::Greater)},       {">=", int(CompareOp::GreaterEqual)},
                            {"==", int(CompareOp::Equal)},        {"!=", int(CompareOp::NotEqual)}};

const Named ConditionTypes[] = {
    {"event_type_equals", int(ConditionType::EventTypeEquals)},
    {"agent_id_equals", int(ConditionType::AgentIdEquals)},
    {"value_threshold", int(ConditionType::ValueThreshold)},
    {"tag_equals", int(ConditionType::TagEquals)},
    {"validator_whitelist", int(ConditionType::ValidatorWhitelist)},
    {"file_uri_exists", int(ConditionType::FileUriExists)},
    {"ema_threshold", int(ConditionType::EmaThreshold)},
    {"rate_limit", int(ConditionType::RateLimit)},
};

template<typename E, std::size_t N>
QString nameOf(const Named (&table)[N], E value)
{
    for (const Named &n : table) {
        if (n.value == int(value))
            return QString::fromLatin1(n.text);
    }
    return {};
}

template<typename E, std::size_t N>
std::optional<E> valueOf(const Named (&table)[N], QStringView text)
{
    for (const Named &n : table) {
        if (text == QLatin1String(n.text))
            return E(n.value);
    }
    return std::nullopt;
}

template<std::size_t N>
QString namesOf(const Named (&table)[N])
{
    QStringList names;
    for (const Named &n : table)
        names.append(QString::fromLatin1(n.text));
    return names.join(QLatin1String(", "));
}

} // namespace

QString compareOpText(CompareOp op) { return nameOf(CompareOps, op); }
std::optional<CompareOp> compareOpFromText(QStringView text) { return valueOf<CompareOp>(CompareOps, text); }
QString conditionTypeName(ConditionType type) { return nameOf(ConditionTypes, type); }
std::optional<ConditionType> conditionTypeFromName(QStringView name) { return valueOf<ConditionType>(ConditionTypes, name); }

bool isStateful(ConditionType type)
{
    return type == ConditionType::EmaThreshold || type == ConditionType::RateLimit;
}

double Condition::smoothing() const
{
    if (!alpha.isEmpty())
        return alpha.toDouble();
    return window > 0 ? 2.0 / (window + 1) : 1.0;
}

QStringList registryEventNames(RegistryKind kind)
{
    QStringList names;
    for (const evmevents::EventSignature &e : evmevents::registryEvents(kind))
        names.append(QString::fromLatin1(e.name));
    return names;
}

Result<Condition> parseCondition(const QJsonObject &json, const QString &field)
{
    Fields f(json, field);
    Condition c;
    const QString typeName = f.requiredString("type");
    if (f.failed())
        return f.error();
    const std::optional<ConditionType> type = conditionTypeFromName(typeName);
    if (!type) {
        return Error::invalid(field + QLatin1String(".type"),
                              Fields::tr("“%1” is not a condition type. Use one of: %2.").arg(typeName, namesOf(ConditionTypes)));
    }
    c.type = *type;
    switch (c.type) {
    case ConditionType::EventTypeEquals:
        c.event = f.requiredString("event");
        break;
    case ConditionType::AgentIdEquals: {
        const QString id = f.requiredIntegerText("agentId");
        if (f.failed())
            return f.error();
        auto parsed = u256::fromDecimal(id, field + QLatin1String(".agentId"));
        if (!parsed)
            return parsed.error();
        c.agentId = *parsed;
        break;
    }
    case ConditionType::ValueThreshold:
    case ConditionType::EmaThreshold: {
        const QString op = f.requiredString("operator");
        if (f.failed())
            return f.error();
        const std::optional<CompareOp> parsedOp = compareOpFromText(op);
        if (!parsedOp) {
            return Error::invalid(field + QLatin1String(".operator"),
                                  Fields::tr("“%1” is not an operator. Use one of: %2.").arg(op, namesOf(CompareOps)));
        }
        c.op = *parsedOp;
        c.value = f.requiredNumberText("value");
        if (f.failed())
            return f.error();
        if (auto d = Decimal::parse(c.value, field + QLatin1String(".value")); !d)
            return d.error();
        if (c.type == ConditionType::EmaThreshold) {
            const bool hasAlpha = json.contains(QLatin1String("alpha"));
            const bool hasWindow = json.contains(QLatin1String("window"));
            if (hasAlpha == hasWindow) {
                return Error::invalid(field, Fields::tr("An ema_threshold needs either “alpha” (a smoothing factor "
                                                        "between 0 and 1) or “window” (a number of samples), not both."));
            }
            if (hasAlpha) {
                c.alpha = f.requiredNumberText("alpha");
                if (f.failed())
                    return f.error();
                bool ok = false;
                const double a = c.alpha.toDouble(&ok);
                if (!ok || a <= 0 || a > 1) {
                    return Error::invalid(field + QLatin1String(".alpha"),
                                          Fields::tr("“%1” is not a smoothing factor: use a number above 0 and at most 1, "
                                                     "such as 0.2.").arg(c.alpha));
                }
            } else {
                c.window = f.integer("window", 0, 1, 100000);
            }
            c.minSamples = f.integer("minSamples", 1, 1, 100000);
        }
        break;
    }
    case ConditionType::TagEquals:
        c.tag = f.requiredString("tag");
        break;
    case ConditionType::ValidatorWhitelist: {
        const QJsonArray list = f.requiredArray("validators");
        if (f.failed())
            return f.error();
        if (list.isEmpty()) {
            return Error::invalid(field + QLatin1String(".validators"),
                                  Fields::tr("List at least one validator address."));
        }
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString name = field + QLatin1String(".validators[") + QString::number(i) + QLatin1Char(']');
            auto address = Address::fromHex(list.at(i).toString(), name);
            if (!address)
                return address.error();
            c.validators.append(*address);
        }
        break;
    }
    case ConditionType::FileUriExists:
        break;
    case ConditionType::RateLimit: {
        c.max = f.integer("max", 0, 1, 1000000);
        if (f.failed())
            return f.error();
        if (!json.contains(QLatin1String("window")))
            return Error::invalid(field + QLatin1String(".window"), Fields::tr("Say how long the window is, such as \"1h\"."));
        const std::optional<qint64> seconds = parseDurationSeconds(json.value(QLatin1String("window")));
        if (!seconds || *seconds < 1 || *seconds > 30 * 86400) {
            return Error::invalid(field + QLatin1String(".window"),
                                  Fields::tr("Use a duration from 1s to 30d, such as \"30s\", \"15m\", \"1h\" or \"1d\"."));
        }
        f.take("window");
        c.windowSeconds = *seconds;
        c.resetOnFire = f.boolean("resetOnFire", false);
        break;
    }
    }
    f.take("type");
    if (Status s = f.finish(); !s.ok())
        return s.error();
    return c;
}

QJsonObject conditionToJson(const Condition &c)
{
    QJsonObject o{{QStringLiteral("type"), conditionTypeName(c.type)}};
    switch (c.type) {
    case ConditionType::EventTypeEquals:
        o.insert(QStringLiteral("event"), c.event);
        break;
    case ConditionType::AgentIdEquals:
        o.insert(QStringLiteral("agentId"), u256::toDecimal(c.agentId));
        break;
    case ConditionType::ValueThreshold:
    case ConditionType::EmaThreshold:
        o.insert(QStringLiteral("operator"), compareOpText(c.op));
        o.insert(QStringLiteral("value"), c.value);
        if (c.type == ConditionType::EmaThreshold) {
            if (!c.alpha.isEmpty())
                o.insert(QStringLiteral("alpha"), c.alpha);
            else
                o.insert(QStringLiteral("window"), c.window);
            o.insert(QStringLiteral("minSamples"), c.minSamples);
        }
        break;
    case ConditionType::TagEquals:
        o.insert(QStringLiteral("tag"), c.tag);
        break;
    case ConditionType::ValidatorWhitelist: {
        QJsonArray list;
        for (const Address &a : c.validators)
            list.append(a.toHex());
        o.insert(QStringLiteral("validators"), list);
        break;
    }
    case ConditionType::FileUriExists:
        break;
    case ConditionType::RateLimit:
        o.insert(QStringLiteral("max"), c.max);
        o.insert(QStringLiteral("window"), durationText(c.windowSeconds));
        if (c.resetOnFire)
            o.insert(QStringLiteral("resetOnFire"), true);
        break;
    }
    return o;
}

namespace {

/// A condition that cannot hold for any event of the registry is a mistake worth naming.
Status checkConditionFitsRegistry(const Condition &c, RegistryKind registry, const QString &field)
{
    const QString kind = registryKindName(registry);
    switch (c.type) {
    case ConditionType::EventTypeEquals: {
        const QStringList names = registryEventNames(registry);
        if (!names.contains(c.event)) {
            return Error::invalid(field + QLatin1String(".event"),
                                  Fields::tr("The %1 registry has no event “%2”. Its events are: %3.")
                                      .arg(kind, c.event, names.join(QLatin1String(", "))));
        }
        return {};
    }
    case ConditionType::ValueThreshold:
    case ConditionType::EmaThreshold:
        if (registry != RegistryKind::Reputation) {
            return Error::invalid(field + QLatin1String(".type"),
                                  Fields::tr("%1 compares feedback values, which only the reputation registry has "
                                             "(this trigger watches the %2 registry).").arg(conditionTypeName(c.type), kind));
        }
        return {};
    case ConditionType::TagEquals:
        if (registry == RegistryKind::Identity) {
            return Error::invalid(field + QLatin1String(".type"),
                                  Fields::tr("Identity events carry no tags: tag_equals fits the reputation and "
                                             "validation registries."));
        }
        return {};
    case ConditionType::ValidatorWhitelist:
        if (registry != RegistryKind::Validation) {
            return Error::invalid(field + QLatin1String(".type"),
                                  Fields::tr("validator_whitelist fits the validation registry only (this trigger "
                                             "watches the %1 registry).").arg(kind));
        }
        return {};
    default:
        return {};
    }
}

} // namespace

Result<TriggerDef> parseTrigger(const QJsonObject &json)
{
    Fields f(json, QString());
    TriggerDef t;
    // Written by triggerToJson for a stored trigger; accepted so a shown trigger can be edited
    // and saved back. The stored values win.
    t.id = f.integer("id", 0, 0, std::numeric_limits<qint64>::max());
    f.take("createdAt");
    f.take("updatedAt");

    t.name = f.requiredString("name").trimmed();
    if (f.failed())
        return f.error();
    if (t.name.size() > TriggerDef::MaxNameLength) {
        return Error::invalid(QStringLiteral("name"),
                              Fields::tr("Use at most %1 characters.").arg(TriggerDef::MaxNameLength));
    }
    t.description = f.string("description");

    const QJsonValue chain = json.value(QLatin1String("chain"));
    if (chain.isDouble()) {
        const double id = chain.toDouble();
        if (id < 1 || id > double(ChainConfig::MaxChainId) || id != std::floor(id)) {
            return Error::invalid(QStringLiteral("chain"),
                                  Fields::tr("Use a chain id (a positive whole number) or a chain's name."));
        }
        t.chainId = qint64(id);
    } else if (chain.isString() && !chain.toString().trimmed().isEmpty()) {
        const ChainRef ref = ChainRef::parse(chain.toString().trimmed());
        if (ref.id)
            t.chainId = *ref.id;
        else
            t.chainName = ref.name;
    } else {
        return Error::invalid(QStringLiteral("chain"),
                              Fields::tr("Say which chain the trigger watches: its id (31337) or its name."));
    }
    f.take("chain");

    const QString registry = f.requiredString("registry");
    if (f.failed())
        return f.error();
    const std::optional<RegistryKind> kind = registryKindFromName(registry);
    if (!kind) {
        return Error::invalid(QStringLiteral("registry"),
                              Fields::tr("“%1” is not a registry. Use identity, reputation or validation.").arg(registry));
    }
    t.registry = *kind;
    t.enabled = f.boolean("enabled", true);
    if (json.contains(QLatin1String("confirmations")) && !json.value(QLatin1String("confirmations")).isNull())
        t.confirmations = int(f.integer("confirmations", 0, 0, ChainConfig::MaxConfirmations));
    else
        f.take("confirmations");

    const QJsonArray conditions = f.array("conditions");
    for (qsizetype i = 0; i < conditions.size(); ++i) {
        const QString field = QLatin1String("conditions[") + QString::number(i) + QLatin1Char(']');
        if (!conditions.at(i).isObject())
            return Error::invalid(field, Fields::tr("Each condition is an object with a “type”."));
        auto c = parseCondition(conditions.at(i).toObject(), field);
        if (!c)
            return c.error();
        if (Status s = checkConditionFitsRegistry(*c, t.registry, field); !s.ok())
            return s.error();
        t.conditions.append(*c);
    }

    const QJsonArray actions = f.requiredArray("actions");
    if (f.failed())
        return f.error();
    if (actions.isEmpty())
        return Error::invalid(QStringLiteral("actions"), Fields::tr("Add at least one action: rest, telegram or mcp."));
    auto parsedActions = parseActions(actions);
    if (!parsedActions)
        return parsedActions.error();
    t.actions = *parsedActions;

    if (Status s = f.finish(); !s.ok())
        return s.error();
    return t;
}

Result<QList<Action>> parseActions(const QJsonArray &actions)
{
    QList<Action> out;
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QString field = QLatin1String("actions[") + QString::number(i) + QLatin1Char(']');
        if (!actions.at(i).isObject())
            return Error::invalid(field, Fields::tr("Each action is an object with a “type”."));
        auto a = parseAction(actions.at(i).toObject(), field);
        if (!a)
            return a.error();
        out.append(*a);
    }
    std::stable_sort(out.begin(), out.end(), [](const Action &a, const Action &b) { return a.priority < b.priority; });
    return out;
}

QJsonObject triggerToJson(const TriggerDef &t)
{
    QJsonObject o;
    if (t.id)
        o.insert(QStringLiteral("id"), t.id);
    o.insert(QStringLiteral("name"), t.name);
    if (!t.description.isEmpty())
        o.insert(QStringLiteral("description"), t.description);
    if (t.chainId)
        o.insert(QStringLiteral("chain"), t.chainId);
    else
        o.insert(QStringLiteral("chain"), t.chainName);
    o.insert(QStringLiteral("registry"), registryKindName(t.registry));
    o.insert(QStringLiteral("enabled"), t.enabled);
    if (t.confirmations)
        o.insert(QStringLiteral("confirmations"), *t.confirmations);
    QJsonArray conditions;
    for (const Condition &c : t.conditions)
        conditions.append(conditionToJson(c));
    o.insert(QStringLiteral("conditions"), conditions);
    QJsonArray actions;
    for (const Action &a : t.actions)
        actions.append(actionToJson(a));
    o.insert(QStringLiteral("actions"), actions);
    if (t.createdAt)
        o.insert(QStringLiteral("createdAt"), t.createdAt);
    if (t.updatedAt)
        o.insert(QStringLiteral("updatedAt"), t.updatedAt);
    return o;
}

} // namespace arbor

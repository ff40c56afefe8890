#include "triggers/alertrule.h"

#include "model/duration.h"
#include "triggers/jsonfields.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace arbor {

using triggerjson::Fields;

namespace {

struct KindName
{
    AlertKind kind;
    const char *name;
};

constexpr KindName KindNames[] = {
    {AlertKind::Stalled, "stalled"},           {AlertKind::RpcDown, "rpc_down"},         {AlertKind::DeepReorg, "deep_reorg"},
    {AlertKind::QueueDelayed, "queue_delayed"}, {AlertKind::QueueErrors, "queue_errors"}, {AlertKind::LagBlocks, "lag_blocks"},
    {AlertKind::LagSeconds, "lag_seconds"},     {AlertKind::RpcErrorRate, "rpc_error_rate"},
    {AlertKind::DeliveryFailing, "delivery_failing"}, {AlertKind::DeliveryDisabled, "delivery_disabled"},
};

QString kindList()
{
    QStringList names;
    for (const KindName &k : KindNames)
        names.append(QLatin1String(k.name));
    return names.join(QLatin1String(", "));
}

/// The threshold's allowed range for `kind`, and the message naming it.
Status checkThreshold(AlertKind kind, double value)
{
    const auto refuse = [](const QString &message) { return Status(Error::invalid(QStringLiteral("threshold"), message)); };
    if (!std::isfinite(value))
        return refuse(Fields::tr("The threshold must be a number."));
    switch (kind) {
    case AlertKind::Stalled:
        if (value < 1 || value > 10080)
            return refuse(Fields::tr("A stall is measured in minutes without a new block: give 1 to 10080 (one week)."));
        break;
    case AlertKind::LagBlocks:
        if (value < 1 || value > 1e12 || value != std::floor(value))
            return refuse(Fields::tr("Lag in blocks is a whole number of at least 1."));
        break;
    case AlertKind::LagSeconds:
        if (value < 1 || value > 31536000 || value != std::floor(value))
            return refuse(Fields::tr("Lag in seconds is a whole number from 1 to 31536000 (one year)."));
        break;
    case AlertKind::RpcErrorRate:
        if (value <= 0 || value > 100)
            return refuse(Fields::tr("The error rate is a percentage above 0 and at most 100."));
        break;
    case AlertKind::DeepReorg:
        if (value < 1 || value > 1e9 || value != std::floor(value))
            return refuse(Fields::tr("A reorg depth is a whole number of blocks, at least 1."));
        break;
    case AlertKind::RpcDown:
    case AlertKind::QueueDelayed:
    case AlertKind::QueueErrors:
    case AlertKind::DeliveryFailing:
    case AlertKind::DeliveryDisabled:
        break;
    }
    return {};
}

} // namespace

QString alertKindName(AlertKind kind)
{
    for (const KindName &k : KindNames) {
        if (k.kind == kind)
            return QLatin1String(k.name);
    }
    return QString();
}

std::optional<AlertKind> alertKindFromName(QStringView name)
{
    for (const KindName &k : KindNames) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QList<AlertKind> alertKinds()
{
    QList<AlertKind> kinds;
    for (const KindName &k : KindNames)
        kinds.append(k.kind);
    return kinds;
}

bool alertKindHasThreshold(AlertKind kind)
{
    return !alertThresholdUnit(kind).isEmpty();
}

QString alertThresholdUnit(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Stalled:
        return QStringLiteral("minutes");
    case AlertKind::LagBlocks:
    case AlertKind::DeepReorg:
        return QStringLiteral("blocks");
    case AlertKind::LagSeconds:
        return QStringLiteral("seconds");
    case AlertKind::RpcErrorRate:
        return QStringLiteral("%");
    case AlertKind::RpcDown:
    case AlertKind::QueueDelayed:
    case AlertKind::QueueErrors:
    case AlertKind::DeliveryFailing:
    case AlertKind::DeliveryDisabled:
        break;
    }
    return QString();
}

Result<AlertRule> parseAlertRule(const QJsonObject &json)
{
    Fields f(json, QString());
    AlertRule r;
    r.id = f.integer("id", 0, 0, std::numeric_limits<qint64>::max());
    r.name = f.requiredString("name").trimmed();
    if (f.failed())
        return f.error();
    if (r.name.isEmpty() || r.name.size() > AlertRule::MaxNameLength)
        return Error::invalid(QStringLiteral("name"), Fields::tr("Give the rule a name of 1 to %1 characters.").arg(AlertRule::MaxNameLength));

    const QJsonValue chain = f.value("chain");
    if (chain.isUndefined() || chain.isNull() || chain.toString() == u"all") {
        r.chainId.reset();
    } else if (chain.isDouble() && chain.toDouble() >= 1 && chain.toDouble() == std::floor(chain.toDouble()) && chain.toDouble() < 9.0e15) {
        r.chainId = qint64(chain.toDouble());
    } else {
        return Error::invalid(QStringLiteral("chain"), Fields::tr("“chain” is a chain id (a whole number from 1) or “all” for every chain."));
    }

    const QString kindName = f.requiredString("kind");
    if (f.failed())
        return f.error();
    const std::optional<AlertKind> kind = alertKindFromName(kindName);
    if (!kind)
        return Error::invalid(QStringLiteral("kind"), Fields::tr("“%1” is not an alert kind. Use one of: %2.").arg(kindName, kindList()));
    r.kind = *kind;

    const QJsonValue threshold = f.value("threshold");
    if (alertKindHasThreshold(r.kind)) {
        if (!threshold.isDouble())
            return Error::invalid(QStringLiteral("threshold"),
                                  Fields::tr("A %1 rule needs a threshold in %2.").arg(kindName, alertThresholdUnit(r.kind)));
        r.threshold = threshold.toDouble();
        if (Status s = checkThreshold(r.kind, r.threshold); !s.ok())
            return s.error();
    } else if (!threshold.isUndefined() && !threshold.isNull()) {
        return Error::invalid(QStringLiteral("threshold"), Fields::tr("A %1 rule takes no threshold; remove it.").arg(kindName));
    }

    // A hold like the silence's "--for 2h": seconds, or "90s", "5m", "2h", "1d".
    if (json.contains(QLatin1String("forSeconds"))) {
        const std::optional<qint64> hold = parseDurationSeconds(f.value("forSeconds"));
        if (!hold || *hold > AlertRule::MaxForSeconds)
            return Error::invalid(QStringLiteral("forSeconds"),
                                  Fields::tr("Hold for 0 to %1 seconds; write seconds or a duration such as \"90s\", \"5m\" or \"2h\".")
                                      .arg(AlertRule::MaxForSeconds));
        r.forSeconds = int(*hold);
    }
    r.enabled = f.boolean("enabled", true);
    r.sendResolved = f.boolean("sendResolved", true);
    // What `arborctl alert show` adds about the rule's state: read back, never taken from a
    // file (a silence is set with `alert silence`, not by editing the rule).
    f.take("silenced");
    f.take("silencedUntil");
    if (f.failed())
        return f.error();

    const QJsonArray actions = f.array("actions");
    if (f.failed())
        return f.error();
    // What a trigger's action may use but an alert has not: the event and the trigger.
    static const QRegularExpression eventPlaceholder(QStringLiteral("\\{\\{\\s*(event|trigger)\\."));
    for (qsizetype i = 0; i < actions.size(); ++i) {
        const QString field = QLatin1String("actions[") + QString::number(i) + QLatin1Char(']');
        const QJsonObject action = actions.at(i).toObject();
        const QString text = QString::fromUtf8(QJsonDocument(action).toJson(QJsonDocument::Compact));
        if (const QRegularExpressionMatch m = eventPlaceholder.match(text); m.hasMatch())
            return Error::invalid(field, Fields::tr("An alert has no %1: use {{alert.title}}, {{alert.text}}, {{alert.state}}, {{rule.name}} "
                                                    "or {{chain.name}} in its templates.").arg(m.captured(1)));
        if (action.value(QLatin1String("type")).toString() == u"mcp" && action.value(QLatin1String("resolveEndpoint")).toBool())
            return Error::invalid(field + QLatin1String(".resolveEndpoint"),
                                  Fields::tr("An alert has no agent endpoint to call; give the MCP server's “url” instead."));
    }
    auto parsedActions = parseActions(actions);
    if (!parsedActions)
        return parsedActions.error();
    r.actions = *parsedActions;

    if (Status s = f.finish(); !s.ok())
        return s.error();
    return r;
}

QJsonObject alertRuleToJson(const AlertRule &r)
{
    QJsonObject o;
    if (r.id)
        o.insert(QStringLiteral("id"), r.id);
    o.insert(QStringLiteral("name"), r.name);
    if (r.chainId)
        o.insert(QStringLiteral("chain"), *r.chainId);
    else
        o.insert(QStringLiteral("chain"), QStringLiteral("all"));
    o.insert(QStringLiteral("kind"), alertKindName(r.kind));
    if (alertKindHasThreshold(r.kind))
        o.insert(QStringLiteral("threshold"), r.threshold);
    o.insert(QStringLiteral("forSeconds"), r.forSeconds);
    o.insert(QStringLiteral("enabled"), r.enabled);
    o.insert(QStringLiteral("sendResolved"), r.sendResolved);
    QJsonArray actions;
    for (const Action &a : r.actions)
        actions.append(actionToJson(a));
    o.insert(QStringLiteral("actions"), actions);
    return o;
}

} // namespace arbor

#include "deliverycommands.h"

#include "translation.h"
#include "output.h"

#include "engine/triggerservice.h"
#include "model/duration.h"
#include "triggers/actionhttp.h"
#include "util/continuation.h"

#include <QJsonArray>
#include <QTextStream>
#include <QUrl>

#include <limits>

namespace arbor::cli {
namespace {

Result<qint64> actionIdArgument(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::invalid(QStringLiteral("ACTION_ID"), Arborctl::tr("Give one action id (`arborctl trigger actions` lists them)."));
    return parseInteger(args.first(), QStringLiteral("ACTION_ID"), 1, std::numeric_limits<qint64>::max());
}

/// Where an action sends, in a table cell: its URL without secrets, or "Telegram".
QString receiverText(const Action &action)
{
    if (action.type == ActionType::Telegram)
        return QStringLiteral("Telegram ") + action.chatId;
    if (action.type == ActionType::Mcp && action.resolveEndpoint)
        return Arborctl::tr("the agent's MCP endpoint");
    return actionhttp::displayUrl(QUrl(action.url));
}

QString percentText(const std::optional<double> &rate)
{
    return rate ? QString::number(*rate * 100.0, 'f', *rate == 1.0 || *rate == 0.0 ? 0 : 1) + u'%' : QStringLiteral("-");
}

QString momentText(qint64 ms)
{
    return ms > 0 ? timestampToJson(ms).toString() : QStringLiteral("-");
}

int listActions(const Invocation &inv, DeliverySource source)
{
    QCommandLineParser parser;
    const bool alerts = source == DeliverySource::Alert;
    const QCommandLineOption subject(alerts ? QStringLiteral("rule") : QStringLiteral("trigger"),
                                     alerts ? Arborctl::tr("Only this alert rule's actions.") : Arborctl::tr("Only this trigger's actions."),
                                     QStringLiteral("ID"));
    const QCommandLineOption json = jsonOption();
    const QString description = alerts ? Arborctl::tr("Each alert rule action: its state (ok, failing, disabled), success rate over 24 h, last error, "
                                                      "next attempt, and deliveries pending, held and dead.")
                                       : Arborctl::tr("Each trigger action: its state (ok, failing, disabled), success rate over 24 h, last error, "
                                                      "next attempt, and deliveries pending, held and dead.");
    if (const auto exit = parseCommand(parser, inv, {description, {subject, json}}))
        return *exit;
    std::optional<qint64> id;
    if (parser.isSet(subject)) {
        auto n = parseInteger(parser.value(subject), QLatin1String("--") + subject.names().constFirst(), 1, std::numeric_limits<qint64>::max());
        if (!n)
            return fail(n.error());
        id = *n;
    }
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [=](Engine &engine, std::function<void(int)> finish) {
        const auto read = alerts ? engine.triggers()->actionHealth(std::nullopt, id) : engine.triggers()->actionHealth(id, std::nullopt);
        then(read, &engine, [=](Result<QList<ActionHealth>> list) {
            if (!list) {
                finish(fail(list.error()));
                return;
            }
            QList<ActionHealth> mine;
            for (const ActionHealth &h : std::as_const(*list)) {
                if (h.source == source)
                    mine.append(h);
            }
            if (asJson) {
                QJsonArray array;
                for (const ActionHealth &h : std::as_const(mine))
                    array.append(actionHealthToJson(h));
                printJson(QJsonObject{{QStringLiteral("actions"), array}});
                finish(ExitOk);
                return;
            }
            QList<QStringList> rows;
            for (const ActionHealth &h : std::as_const(mine)) {
                rows.append({QString::number(h.actionId), h.subjectName, actionTypeName(h.action.type), receiverText(h.action), actionStateName(h.state),
                             percentText(h.successRate()), QString::number(h.pending), QString::number(h.held), QString::number(h.dead),
                             h.nextAttemptAt ? momentText(*h.nextAttemptAt) : QStringLiteral("-"),
                             (h.state == ActionState::Disabled ? h.stateReason : h.lastError).left(60)});
            }
            printTable({Arborctl::tr("ACTION"), alerts ? Arborctl::tr("RULE") : Arborctl::tr("TRIGGER"), Arborctl::tr("TYPE"), Arborctl::tr("RECEIVER"),
                        Arborctl::tr("STATE"), Arborctl::tr("OK 24H"), Arborctl::tr("PENDING"), Arborctl::tr("HELD"), Arborctl::tr("DEAD"),
                        Arborctl::tr("NEXT ATTEMPT"), Arborctl::tr("LAST ERROR")},
                       rows);
            finish(ExitOk);
        });
    });
}

int setActionEnabled(const Invocation &inv, DeliverySource source, bool enabled)
{
    QCommandLineParser parser;
    const QString description = enabled ? Arborctl::tr("Enable an action again: the deliveries held while it was disabled are sent at once, in "
                                                       "the order their events happened.")
                                        : Arborctl::tr("Disable an action: its deliveries are held (kept, not sent) until it is enabled again.");
    if (const auto exit = parseCommand(parser, inv, {description, {}, {{QStringLiteral("ACTION_ID"), Arborctl::tr("the action's id")}}}))
        return *exit;
    auto id = actionIdArgument(parser);
    if (!id)
        return fail(id.error());
    return runWithEngine(inv, adminOptions(), [action = ActionRef{source, *id}, enabled](Engine &engine, std::function<void(int)> finish) {
        then(engine.triggers()->setActionEnabled(action, enabled), &engine, [finish, action, enabled](Result<qint64> resumed) {
            if (!resumed) {
                finish(fail(optionError(resumed.error())));
                return;
            }
            QTextStream out(stdout);
            if (enabled)
                out << Arborctl::tr("Action %1 is enabled; %2 held deliveries are due now.").arg(action.actionId).arg(*resumed) << Qt::endl;
            else
                out << Arborctl::tr("Action %1 is disabled; its deliveries are held until it is enabled again.").arg(action.actionId) << Qt::endl;
            finish(ExitOk);
        });
    });
}

int rotateSecret(const Invocation &inv, DeliverySource source)
{
    QCommandLineParser parser;
    const QCommandLineOption to(QStringLiteral("to"), Arborctl::tr("The new signing secret, a reference: keychain:NAME, env:VAR or file:PATH."),
                                QStringLiteral("REF"));
    const QCommandLineOption overlap(QStringLiteral("overlap"),
                                     Arborctl::tr("How long the current secret still signs beside the new one, such as 24h or 7d (default 24h)."),
                                     QStringLiteral("DURATION"), QStringLiteral("24h"));
    const CommandSpec spec{Arborctl::tr("Rotate a webhook's signing secret: the new one signs from now on and, during the overlap, the current one "
                                        "signs too (webhook-signature carries both), so the receiver can switch at its own pace."),
                           {to, overlap},
                           {{QStringLiteral("ACTION_ID"), Arborctl::tr("the REST action's id")}}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    auto id = actionIdArgument(parser);
    if (!id)
        return fail(id.error());
    if (!parser.isSet(to))
        return fail(Error::invalid(QStringLiteral("--to"), Arborctl::tr("Name the new secret: --to keychain:NAME (store it first with `arborctl secret set NAME`).")));
    auto next = SecretRef::parse(parser.value(to), QStringLiteral("--to"));
    if (!next)
        return fail(next.error());
    const std::optional<qint64> seconds = parseDurationSeconds(QStringView(parser.value(overlap)));
    if (!seconds || *seconds > 90LL * 86400)
        return fail(Error::invalid(QStringLiteral("--overlap"), Arborctl::tr("“%1” is not a duration up to 90d: write for example 1h, 24h or 7d.")
                                                                     .arg(parser.value(overlap))));
    return runWithEngine(inv, adminOptions(), [action = ActionRef{source, *id}, next = *next, overlapMs = *seconds * 1000](Engine &engine, std::function<void(int)> finish) {
        then(engine.triggers()->rotateSigningSecret(action, next, overlapMs), &engine, [finish, action, next, overlapMs](Status done) {
            if (!done) {
                finish(fail(optionError(done.error())));
                return;
            }
            QTextStream(stdout) << Arborctl::tr("Action %1 signs with %2 from now on; its previous secret signs beside it for %3.")
                                       .arg(action.actionId)
                                       .arg(next.toString(), durationText(overlapMs / 1000))
                                << Qt::endl;
            finish(ExitOk);
        });
    });
}

} // namespace

QJsonObject actionHealthToJson(const ActionHealth &h)
{
    const std::optional<double> rate = h.successRate();
    return {{QStringLiteral("source"), deliverySourceName(h.source)},
            {QStringLiteral("id"), h.actionId},
            {h.source == DeliverySource::Alert ? QStringLiteral("rule") : QStringLiteral("trigger"),
             QJsonObject{{QStringLiteral("id"), h.subjectId}, {QStringLiteral("name"), h.subjectName}}},
            {QStringLiteral("chainId"), h.chainId ? QJsonValue(h.chainId) : QJsonValue()},
            {QStringLiteral("type"), actionTypeName(h.action.type)},
            {QStringLiteral("receiver"), receiverText(h.action)},
            {QStringLiteral("retry"), h.action.retry.toJson()},
            {QStringLiteral("state"), actionStateName(h.state)},
            {QStringLiteral("stateSince"), timestampToJson(h.stateSince)},
            {QStringLiteral("stateReason"), h.stateReason.isEmpty() ? QJsonValue() : QJsonValue(h.stateReason)},
            {QStringLiteral("failingSince"), timestampToJson(h.failingSince)},
            {QStringLiteral("lastSuccessAt"), timestampToJson(h.lastSuccessAt)},
            {QStringLiteral("lastFailureAt"), timestampToJson(h.lastFailureAt)},
            {QStringLiteral("lastError"), h.lastError.isEmpty() ? QJsonValue() : QJsonValue(h.lastError)},
            {QStringLiteral("lastHttpStatus"), h.lastHttpStatus ? QJsonValue(*h.lastHttpStatus) : QJsonValue()},
            {QStringLiteral("attempts24h"), h.attempts24h},
            {QStringLiteral("successes24h"), h.successes24h},
            {QStringLiteral("successRate"), rate ? QJsonValue(*rate) : QJsonValue()},
            {QStringLiteral("pending"), h.pending},
            {QStringLiteral("held"), h.held},
            {QStringLiteral("dead"), h.dead},
            {QStringLiteral("nextAttemptAt"), h.nextAttemptAt ? timestampToJson(*h.nextAttemptAt) : QJsonValue()}};
}

QJsonObject deadLetterToJson(const DeadLetter &d)
{
    return {{QStringLiteral("deliveryId"), d.deliveryId},
            {QStringLiteral("source"), deliverySourceName(d.source)},
            {d.source == DeliverySource::Alert ? QStringLiteral("rule") : QStringLiteral("trigger"),
             QJsonObject{{QStringLiteral("id"), d.subjectId}, {QStringLiteral("name"), d.subjectName}}},
            {QStringLiteral("action"), QJsonObject{{QStringLiteral("id"), d.actionId}, {QStringLiteral("type"), actionTypeName(d.actionType)}}},
            {QStringLiteral("chainId"), d.chainId},
            {QStringLiteral("blockNumber"), d.blockNumber},
            {QStringLiteral("event"), QJsonObject{{QStringLiteral("txHash"), d.txHash.toHex()}, {QStringLiteral("logIndex"), d.logIndex}}},
            {QStringLiteral("attempts"), d.attempts},
            {QStringLiteral("lastError"), d.lastError.isEmpty() ? QJsonValue() : QJsonValue(d.lastError)},
            {QStringLiteral("createdAt"), timestampToJson(d.createdAt)},
            {QStringLiteral("failedAt"), timestampToJson(d.failedAt)}};
}

void printDeadLetters(const QList<DeadLetter> &dead)
{
    QList<QStringList> rows;
    for (const DeadLetter &d : dead) {
        rows.append({d.deliveryId, momentText(d.failedAt), d.subjectName, QString::number(d.actionId), actionTypeName(d.actionType),
                     QString::number(d.blockNumber), QString::number(d.attempts), d.lastError.left(60)});
    }
    printTable({Arborctl::tr("DELIVERY"), Arborctl::tr("FAILED AT"), Arborctl::tr("FOR"), Arborctl::tr("ACTION"), Arborctl::tr("TYPE"), Arborctl::tr("BLOCK"),
                Arborctl::tr("TRIES"), Arborctl::tr("LAST ERROR")},
               rows);
}

int triggerActions(const Invocation &inv) { return listActions(inv, DeliverySource::Trigger); }
int alertActions(const Invocation &inv) { return listActions(inv, DeliverySource::Alert); }
int triggerEnableAction(const Invocation &inv) { return setActionEnabled(inv, DeliverySource::Trigger, true); }
int triggerDisableAction(const Invocation &inv) { return setActionEnabled(inv, DeliverySource::Trigger, false); }
int alertEnableAction(const Invocation &inv) { return setActionEnabled(inv, DeliverySource::Alert, true); }
int alertDisableAction(const Invocation &inv) { return setActionEnabled(inv, DeliverySource::Alert, false); }
int triggerRotateSecret(const Invocation &inv) { return rotateSecret(inv, DeliverySource::Trigger); }
int alertRotateSecret(const Invocation &inv) { return rotateSecret(inv, DeliverySource::Alert); }

} // namespace arbor::cli

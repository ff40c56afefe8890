// arborctl trigger results / resend: what the actions of triggers did, and sending it again.
#include "triggercommands.h"
#include "translation.h"
#include "deliverycommands.h"

#include "engine/triggerservice.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace arbor::cli {
namespace {

QJsonObject resultToJson(const ActionResult &r)
{
    QJsonObject o{{QStringLiteral("id"), r.id},
                  {QStringLiteral("deliveryId"), r.deliveryId},
                  {QStringLiteral("trigger"), QJsonObject{{QStringLiteral("id"), r.subjectId}, {QStringLiteral("name"), r.subjectName}}},
                  {QStringLiteral("action"), QJsonObject{{QStringLiteral("id"), r.actionId}, {QStringLiteral("type"), actionTypeName(r.actionType)}}},
                  {QStringLiteral("chainId"), r.chainId},
                  {QStringLiteral("blockNumber"), r.blockNumber},
                  {QStringLiteral("event"), QJsonObject{{QStringLiteral("txHash"), r.txHash.toHex()}, {QStringLiteral("logIndex"), r.logIndex}}},
                  {QStringLiteral("status"), deliveryStatusName(r.status)},
                  {QStringLiteral("attempt"), r.attempt},
                  {QStringLiteral("isTest"), r.isTest},
                  {QStringLiteral("at"), timestampToJson(r.at)}};
    o.insert(QStringLiteral("httpStatus"), r.httpStatus ? QJsonValue(*r.httpStatus) : QJsonValue());
    o.insert(QStringLiteral("durationMs"), r.durationMs ? QJsonValue(*r.durationMs) : QJsonValue());
    if (!r.error.isEmpty())
        o.insert(QStringLiteral("error"), r.error);
    if (!r.responseExcerpt.isEmpty())
        o.insert(QStringLiteral("responseExcerpt"), r.responseExcerpt);
    return o;
}

} // namespace

int triggerResults(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption trigger(QStringLiteral("trigger"), Arborctl::tr("Only this trigger's results."), QStringLiteral("ID"));
    const QCommandLineOption status(QStringLiteral("status"), Arborctl::tr("success, failed, retrying or cancelled."), QStringLiteral("S"));
    const QCommandLineOption type(QStringLiteral("action-type"), Arborctl::tr("rest, telegram or mcp."), QStringLiteral("T"));
    const QCommandLineOption limit(QStringLiteral("limit"), Arborctl::tr("At most N rows, newest first (default 50)."), QStringLiteral("N"));
    const QCommandLineOption dead(QStringLiteral("dead"), Arborctl::tr("The dead letters instead: deliveries given up (their retry schedule spent, "
                                                                       "or refused by the receiver), one row each; `trigger resend --dead` sends them again."));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("What triggers fired: one row per attempt or cancellation. With --json, also how "
                                                                  "each action delivers (state, success rate, last error, next attempt, held and dead)."),
                                                     {trigger, status, type, limit, dead, json}}))
        return *exit;
    // Alert rules' deliveries share the log (the console's Triggers page shows both); this
    // command lists the triggers' only, as its rows and `trigger resend` speak of triggers.
    ResultFilter filter;
    filter.source = DeliverySource::Trigger;
    filter.limit = 50;
    if (parser.isSet(trigger)) {
        auto id = parseInteger(parser.value(trigger), QStringLiteral("--trigger"), 1, std::numeric_limits<qint64>::max());
        if (!id)
            return fail(id.error());
        filter.triggerId = *id;
    }
    if (parser.isSet(status)) {
        filter.status = deliveryStatusFromName(parser.value(status));
        if (!filter.status || *filter.status == DeliveryStatus::Pending)
            return fail(Error::invalid(QStringLiteral("--status"), Arborctl::tr("Use success, failed, retrying or cancelled.")));
    }
    if (parser.isSet(type)) {
        filter.actionType = actionTypeFromName(parser.value(type));
        if (!filter.actionType)
            return fail(Error::invalid(QStringLiteral("--action-type"), Arborctl::tr("Use rest, telegram or mcp.")));
    }
    if (parser.isSet(limit)) {
        auto n = parseInteger(parser.value(limit), QStringLiteral("--limit"), 1, 10000);
        if (!n)
            return fail(n.error());
        filter.limit = int(*n);
    }
    const bool asJson = parser.isSet(json);
    if (parser.isSet(dead)) {
        if (parser.isSet(status) || parser.isSet(type))
            return fail(Error::invalid(QStringLiteral("--dead"), Arborctl::tr("--dead lists failed deliveries; --status and --action-type do not apply.")));
        DeadLetterFilter deadFilter;
        deadFilter.source = DeliverySource::Trigger;
        deadFilter.triggerId = filter.triggerId;
        deadFilter.limit = parser.isSet(limit) ? filter.limit : 500;
        return runWithEngine(inv, adminOptions(), [deadFilter, asJson](Engine &engine, std::function<void(int)> finish) {
            then(engine.triggers()->deadLetters(deadFilter), &engine, [finish, asJson](Result<QList<DeadLetter>> letters) {
                if (!letters) {
                    finish(fail(letters.error()));
                    return;
                }
                if (asJson) {
                    QJsonArray array;
                    for (const DeadLetter &d : std::as_const(*letters))
                        array.append(deadLetterToJson(d));
                    printJson(QJsonObject{{QStringLiteral("dead"), array}});
                } else {
                    printDeadLetters(*letters);
                }
                finish(ExitOk);
            });
        });
    }
    return runWithEngine(inv, adminOptions(), [filter, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.triggers()->triggerResults(filter), &engine, [&engine, filter, finish, asJson](Result<QList<ActionResult>> results) {
            if (!results) {
                finish(fail(results.error()));
                return;
            }
            if (!asJson) {
                QList<QStringList> rows;
                for (const ActionResult &r : std::as_const(*results)) {
                    rows.append({QString::number(r.id), timestampToJson(r.at).toString(), r.subjectName, actionTypeName(r.actionType),
                                 deliveryStatusName(r.status), QString::number(r.attempt),
                                 r.httpStatus ? QString::number(*r.httpStatus) : QStringLiteral("-"),
                                 r.durationMs ? QString::number(*r.durationMs) : QStringLiteral("-"), r.error.left(60)});
                }
                printTable({Arborctl::tr("ID"), Arborctl::tr("AT"), Arborctl::tr("TRIGGER"), Arborctl::tr("ACTION"), Arborctl::tr("STATUS"),
                            Arborctl::tr("TRY"), Arborctl::tr("HTTP"), Arborctl::tr("MS"), Arborctl::tr("ERROR")},
                           rows);
                finish(ExitOk);
                return;
            }
            QJsonArray array;
            for (const ActionResult &r : std::as_const(*results))
                array.append(resultToJson(r));
            then(engine.triggers()->actionHealth(filter.triggerId), &engine, [finish, array](Result<QList<ActionHealth>> actions) {
                if (!actions) {
                    finish(fail(actions.error()));
                    return;
                }
                QJsonArray health;
                for (const ActionHealth &h : std::as_const(*actions)) {
                    if (h.source == DeliverySource::Trigger)
                        health.append(actionHealthToJson(h));
                }
                printJson(QJsonObject{{QStringLiteral("results"), array}, {QStringLiteral("actions"), health}});
                finish(ExitOk);
            });
        });
    });
}

int triggerResend(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption dead(QStringLiteral("dead"), Arborctl::tr("Send the dead letters again (all, or those --trigger, --action or "
                                                                       "--delivery pick), each under its own id with its retry schedule afresh."));
    const QCommandLineOption trigger(QStringLiteral("trigger"), Arborctl::tr("With --dead: only this trigger's."), QStringLiteral("ID"));
    const QCommandLineOption action(QStringLiteral("action"), Arborctl::tr("With --dead: only this action's."), QStringLiteral("ACTION_ID"));
    const QCommandLineOption delivery(QStringLiteral("delivery"), Arborctl::tr("With --dead: only this delivery (dlv_…)."), QStringLiteral("ID"));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Send a result's delivery again, under the same delivery id; or, with --dead, "
                                                                  "the deliveries that were given up."),
                                                     {dead, trigger, action, delivery, json},
                                                     {{QStringLiteral("RESULT_ID"), Arborctl::tr("an id from trigger results (not with --dead)")}}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    if (parser.isSet(dead)) {
        if (!parser.positionalArguments().isEmpty())
            return fail(Error::invalid(QStringLiteral("RESULT_ID"), Arborctl::tr("With --dead, pick deliveries with --trigger, --action or --delivery, not a result id.")));
        DeadLetterFilter filter;
        filter.source = DeliverySource::Trigger;   // an alert rule's action may have the same id
        for (const auto &[option, slot] : {std::pair{&trigger, &filter.triggerId}, std::pair{&action, &filter.actionId}}) {
            if (!parser.isSet(*option))
                continue;
            auto n = parseInteger(parser.value(*option), QLatin1String("--") + option->names().constFirst(), 1, std::numeric_limits<qint64>::max());
            if (!n)
                return fail(n.error());
            *slot = *n;
        }
        filter.deliveryId = parser.value(delivery);
        return runWithEngine(inv, adminOptions(), [filter, asJson](Engine &engine, std::function<void(int)> finish) {
            then(engine.triggers()->resendDeadLetters(filter), &engine, [finish, asJson](Result<qint64> resent) {
                if (!resent) {
                    finish(fail(resent.error()));
                    return;
                }
                if (asJson)
                    printJson(QJsonObject{{QStringLiteral("resent"), *resent}});
                else
                    QTextStream(stdout) << Arborctl::tr("%1 dead deliveries are pending again; the running engine sends them.").arg(*resent) << Qt::endl;
                finish(ExitOk);
            });
        });
    }
    if (parser.isSet(trigger) || parser.isSet(action) || parser.isSet(delivery))
        return fail(Error::invalid(QStringLiteral("--dead"), Arborctl::tr("--trigger, --action and --delivery pick dead letters: add --dead.")));
    auto id = positionalId(parser, QStringLiteral("RESULT_ID"));
    if (!id)
        return fail(id.error());
    return runWithEngine(inv, adminOptions(), [id = *id, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.triggers()->resendResult(id), &engine, [finish, asJson](Result<QString> deliveryId) {
            if (!deliveryId) {
                finish(fail(deliveryId.error()));
                return;
            }
            if (asJson)
                printJson(QJsonObject{{QStringLiteral("deliveryId"), *deliveryId}});
            else
                QTextStream(stdout) << Arborctl::tr("Delivery %1 is pending again; the running engine sends it.").arg(*deliveryId) << Qt::endl;
            finish(ExitOk);
        });
    });
}

} // namespace arbor::cli

// arborctl alert …: the operator's alert rules, the alerts they raised, acknowledgements,
// silences and what their actions delivered.
#include "alertcommands.h"
#include "triggercommands.h"
#include "translation.h"

#include "alerts/alertmonitor.h"
#include "engine/alertservice.h"
#include "engine/triggerservice.h"
#include "model/duration.h"
#include "output.h"
#include "triggers/alertrule.h"
#include "triggers/alerttext.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTextStream>

namespace arbor::cli {
namespace {

const QString RuleArgument = QStringLiteral("RULE");

QCommandLineOption fileOption()
{
    return {QStringLiteral("file"), Arborctl::tr("The alert rule file (JSON)."), QStringLiteral("F")};
}

Result<AlertRule> readRuleFile(const QString &path)
{
    auto json = readJsonObjectFile(path, Arborctl::tr("the alert rule"));
    if (!json)
        return json.error();
    auto rule = parseAlertRule(*json);
    if (!rule) {
        Error e = rule.error();
        e.field = path + QLatin1String(": ") + e.field;
        return e;
    }
    return rule;
}

/// "30m", "2h", "1d", "90s" or plain seconds, as milliseconds.
Result<qint64> parseDuration(const QString &text, const QString &field)
{
    const std::optional<qint64> seconds = parseDurationSeconds(QStringView(text));
    if (!seconds || *seconds == 0)
        return Error::invalid(field, Arborctl::tr("“%1” is not a duration: write for example 30m, 2h or 1d.").arg(text));
    if (*seconds > 366 * 86400)
        return Error::invalid(field, Arborctl::tr("Silence for at most a year; disable the rule to stop it for longer."));
    return *seconds * 1000;
}

QString chainText(const AlertRule &r)
{
    return r.chainId ? QString::number(*r.chainId) : Arborctl::tr("all");
}

QString thresholdText(const AlertRule &r)
{
    if (!alertKindHasThreshold(r.kind))
        return QStringLiteral("-");
    return QString::number(r.threshold, 'g', 12) + u' ' + alertThresholdUnit(r.kind);
}

QJsonObject ruleToJson(const AlertRule &r)
{
    QJsonObject o = alertRuleToJson(r);
    o.insert(QStringLiteral("silenced"), r.silencedAt(QDateTime::currentMSecsSinceEpoch()));
    if (r.silencedUntilMs > 0)
        o.insert(QStringLiteral("silencedUntil"), timestampToJson(r.silencedUntilMs));
    return o;
}

QJsonValue optionalTime(const std::optional<qint64> &ms)
{
    return ms ? timestampToJson(*ms) : QJsonValue();
}

// arborctl speaks English (it installs no translation): an alert is rendered from its kind and
// params in English, whatever language the console that raised it was in; rows stored before
// alerts had params show their stored text.
QString alertTitle(const AlertRecord &a)
{
    return AlertText::title(a, AlertLanguage::English);
}

QJsonObject recordToJson(const AlertRecord &a)
{
    return QJsonObject{{QStringLiteral("id"), a.id},
                       {QStringLiteral("rule"), a.ruleId ? QJsonValue(QJsonObject{{QStringLiteral("id"), *a.ruleId}, {QStringLiteral("name"), a.ruleName}})
                                                         : QJsonValue()},
                       {QStringLiteral("chainId"), a.chainId},
                       {QStringLiteral("kind"), alertKindName(a.kind)},
                       {QStringLiteral("params"), a.params.isEmpty() ? QJsonValue() : QJsonValue(a.params)},
                       {QStringLiteral("title"), alertTitle(a)},
                       {QStringLiteral("text"), AlertText::text(a, QDateTime::currentMSecsSinceEpoch(), AlertLanguage::English)},
                       {QStringLiteral("active"), a.active()},
                       {QStringLiteral("silenced"), a.silenced},
                       {QStringLiteral("raisedAt"), timestampToJson(a.raisedAt)},
                       {QStringLiteral("clearedAt"), optionalTime(a.clearedAt)},
                       {QStringLiteral("acknowledgedAt"), optionalTime(a.acknowledgedAt)},
                       {QStringLiteral("acknowledgedNote"), a.acknowledgedNote.isEmpty() ? QJsonValue() : QJsonValue(a.acknowledgedNote)}};
}

/// The one positional RULE (an id or a name), resolved against the stored rules.
void withRule(Engine &engine, const QString &ref, std::function<void(int)> finish, std::function<void(AlertRule)> next)
{
    then(engine.alerts()->alertRules(), &engine, [ref, finish, next](Result<QList<AlertRule>> rules) {
        if (!rules) {
            finish(fail(rules.error()));
            return;
        }
        bool number = false;
        const qint64 id = ref.toLongLong(&number);
        for (const AlertRule &r : std::as_const(*rules)) {
            if ((number && r.id == id) || r.name == ref) {
                next(r);
                return;
            }
        }
        finish(fail(Error::notFound(RuleArgument, Arborctl::tr("There is no alert rule “%1”; `arborctl alert rules` lists them.").arg(ref))));
    });
}

Result<QString> ruleArgument(const QCommandLineParser &parser)
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return Error::invalid(RuleArgument, Arborctl::tr("Give one alert rule, by id or name."));
    return args.first();
}

std::function<void(Result<AlertRule>)> printOr(std::function<void(int)> finish, bool asJson, QString verb)
{
    return [finish, asJson, verb](Result<AlertRule> r) {
        if (!r) {
            finish(fail(r.error()));
            return;
        }
        if (asJson)
            printJson(ruleToJson(*r));
        else
            QTextStream(stdout) << verb.arg(r->name).arg(r->id) << Qt::endl;
        finish(ExitOk);
    };
}

CommandSpec ruleSpec(const QString &description, QList<QCommandLineOption> options = {})
{
    return {description, std::move(options), {{RuleArgument, Arborctl::tr("the rule's id or name")}}};
}

} // namespace

int alertAdd(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption file = fileOption();
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Add an alert rule from a file. The engine that indexes evaluates it "
                                                                  "within 10 seconds."),
                                                     {file, json}}))
        return *exit;
    if (!parser.isSet(file))
        return fail(Error::invalid(QStringLiteral("--file"), Arborctl::tr("Give the alert rule file with --file F.")));
    auto rule = readRuleFile(parser.value(file));
    if (!rule)
        return fail(rule.error());
    warnAboutUnstoredSecrets(rule->actions);
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [rule = *rule, asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.alerts()->addAlertRule(rule), &engine, printOr(finish, asJson, Arborctl::tr("Added alert rule “%1” (id %2).")));
    });
}

int alertEdit(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption file = fileOption();
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, ruleSpec(Arborctl::tr("Replace an alert rule with a file's."), {file, json})))
        return *exit;
    auto ref = ruleArgument(parser);
    if (!ref)
        return fail(ref.error());
    if (!parser.isSet(file))
        return fail(Error::invalid(QStringLiteral("--file"), Arborctl::tr("Give the alert rule file with --file F.")));
    auto rule = readRuleFile(parser.value(file));
    if (!rule)
        return fail(rule.error());
    warnAboutUnstoredSecrets(rule->actions);
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, rule = *rule, asJson](Engine &engine, std::function<void(int)> finish) {
        withRule(engine, ref, finish, [&engine, rule, finish, asJson](const AlertRule &stored) {
            AlertRule edited = rule;
            edited.id = stored.id;
            then(engine.alerts()->updateAlertRule(edited), &engine, printOr(finish, asJson, Arborctl::tr("Saved alert rule “%1” (id %2).")));
        });
    });
}

int alertRules(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Every alert rule: chain, kind, threshold, hold time, silence, actions."), {json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.alerts()->alertRules(), &engine, [asJson, finish](Result<QList<AlertRule>> rules) {
            if (!rules) {
                finish(fail(rules.error()));
                return;
            }
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            if (asJson) {
                QJsonArray array;
                for (const AlertRule &r : std::as_const(*rules))
                    array.append(ruleToJson(r));
                printJson(QJsonObject{{QStringLiteral("rules"), array}});
            } else {
                QList<QStringList> rows;
                for (const AlertRule &r : std::as_const(*rules)) {
                    rows.append({QString::number(r.id), r.name, chainText(r), alertKindName(r.kind), thresholdText(r),
                                 QString::number(r.forSeconds) + QStringLiteral(" s"), r.enabled ? Arborctl::tr("yes") : Arborctl::tr("no"),
                                 r.silencedAt(now) ? timestampToJson(r.silencedUntilMs).toString() : QStringLiteral("-"),
                                 QString::number(r.actions.size())});
                }
                printTable({Arborctl::tr("ID"), Arborctl::tr("NAME"), Arborctl::tr("CHAIN"), Arborctl::tr("KIND"), Arborctl::tr("THRESHOLD"),
                            Arborctl::tr("FOR"), Arborctl::tr("ENABLED"), Arborctl::tr("SILENCED UNTIL"), Arborctl::tr("ACTIONS")},
                           rows);
            }
            finish(ExitOk);
        });
    });
}

int alertShow(const Invocation &inv)
{
    QCommandLineParser parser;
    if (const auto exit = parseCommand(parser, inv, ruleSpec(Arborctl::tr("An alert rule as its file (JSON)."))))
        return *exit;
    auto ref = ruleArgument(parser);
    if (!ref)
        return fail(ref.error());
    return runWithEngine(inv, adminOptions(), [ref = *ref](Engine &engine, std::function<void(int)> finish) {
        withRule(engine, ref, finish, [finish](const AlertRule &r) {
            printJson(ruleToJson(r));
            finish(ExitOk);
        });
    });
}

namespace {

int setEnabled(const Invocation &inv, bool enabled)
{
    QCommandLineParser parser;
    if (const auto exit = parseCommand(parser, inv, ruleSpec(enabled ? Arborctl::tr("Enable an alert rule.") : Arborctl::tr("Disable an alert rule; "
                                                                                                                       "its active alerts clear."))))
        return *exit;
    auto ref = ruleArgument(parser);
    if (!ref)
        return fail(ref.error());
    return runWithEngine(inv, adminOptions(), [ref = *ref, enabled](Engine &engine, std::function<void(int)> finish) {
        withRule(engine, ref, finish, [&engine, enabled, finish](const AlertRule &r) {
            then(engine.alerts()->setAlertRuleEnabled(r.id, enabled), &engine, printOr(finish, false, enabled ? Arborctl::tr("Enabled “%1” (id %2).") : Arborctl::tr("Disabled “%1” (id %2).")));
        });
    });
}

} // namespace

int alertEnable(const Invocation &inv) { return setEnabled(inv, true); }
int alertDisable(const Invocation &inv) { return setEnabled(inv, false); }

int alertDelete(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption yes(QStringLiteral("yes"), Arborctl::tr("Confirm: the rule and its actions go; its open deliveries are cancelled. "
                                                                     "Its alerts and results stay."));
    if (const auto exit = parseCommand(parser, inv, ruleSpec(Arborctl::tr("Delete an alert rule."), {yes})))
        return *exit;
    auto ref = ruleArgument(parser);
    if (!ref)
        return fail(ref.error());
    if (!parser.isSet(yes))
        return fail(Error::invalid(QStringLiteral("--yes"), Arborctl::tr("Deleting an alert rule cannot be undone: add --yes to confirm.")));
    return runWithEngine(inv, adminOptions(), [ref = *ref](Engine &engine, std::function<void(int)> finish) {
        withRule(engine, ref, finish, [&engine, finish](const AlertRule &r) {
            then(engine.alerts()->deleteAlertRule(r.id), &engine, [r, finish](Status s) {
                if (!s) {
                    finish(fail(s.error()));
                    return;
                }
                QTextStream(stdout) << Arborctl::tr("Deleted alert rule “%1” (id %2).").arg(r.name).arg(r.id) << Qt::endl;
                finish(ExitOk);
            });
        });
    });
}

int alertSilence(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption duration(QStringLiteral("for"), Arborctl::tr("How long: 30m, 2h, 1d, …"), QStringLiteral("DURATION"));
    if (const auto exit = parseCommand(parser, inv, ruleSpec(Arborctl::tr("Silence an alert rule: its alerts are still shown and recorded, but "
                                                                          "nothing is delivered and no desktop notification pops up."),
                                                             {duration})))
        return *exit;
    auto ref = ruleArgument(parser);
    if (!ref)
        return fail(ref.error());
    if (!parser.isSet(duration))
        return fail(Error::invalid(QStringLiteral("--for"), Arborctl::tr("Say for how long with --for, for example --for 2h.")));
    auto ms = parseDuration(parser.value(duration), QStringLiteral("--for"));
    if (!ms)
        return fail(ms.error());
    return runWithEngine(inv, adminOptions(), [ref = *ref, ms = *ms](Engine &engine, std::function<void(int)> finish) {
        withRule(engine, ref, finish, [&engine, ms, finish](const AlertRule &r) {
            then(engine.alerts()->silenceAlertRule(r.id, QDateTime::currentMSecsSinceEpoch() + ms), &engine, [finish](Result<AlertRule> silenced) {
                if (!silenced) {
                    finish(fail(silenced.error()));
                    return;
                }
                QTextStream(stdout) << Arborctl::tr("Silenced “%1” (id %2) until %3.")
                                           .arg(silenced->name)
                                           .arg(silenced->id)
                                           .arg(timestampToJson(silenced->silencedUntilMs).toString())
                                    << Qt::endl;
                finish(ExitOk);
            });
        });
    });
}

int alertUnsilence(const Invocation &inv)
{
    QCommandLineParser parser;
    if (const auto exit = parseCommand(parser, inv, ruleSpec(Arborctl::tr("Lift an alert rule's silence."))))
        return *exit;
    auto ref = ruleArgument(parser);
    if (!ref)
        return fail(ref.error());
    return runWithEngine(inv, adminOptions(), [ref = *ref](Engine &engine, std::function<void(int)> finish) {
        withRule(engine, ref, finish, [&engine, finish](const AlertRule &r) {
            then(engine.alerts()->silenceAlertRule(r.id, 0), &engine, printOr(finish, false, Arborctl::tr("“%1” (id %2) is no longer silenced.")));
        });
    });
}

int alertTest(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print the test deliveries as JSON."));
    if (const auto exit = parseCommand(parser, inv, ruleSpec(Arborctl::tr("Send each action of an alert rule what it would send when the rule is "
                                                                          "raised, from a made-up alert of it marked as a test. The engine that "
                                                                          "delivers (arborctl serve, the console) sends them; 'alert results' shows how it went."),
                                                             {json})))
        return *exit;
    auto ref = ruleArgument(parser);
    if (!ref)
        return fail(ref.error());
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [ref = *ref, asJson](Engine &engine, std::function<void(int)> finish) {
        withRule(engine, ref, finish, [&engine, asJson, finish](const AlertRule &r) {
            then(engine.alerts()->sendTestDeliveries(r.id), &engine, [r, asJson, finish](Result<QList<AlertTestDelivery>> sent) {
                if (!sent) {
                    finish(fail(sent.error()));
                    return;
                }
                if (asJson) {
                    QJsonArray out;
                    for (const AlertTestDelivery &d : *sent)
                        out.append(QJsonObject{{QStringLiteral("deliveryId"), d.deliveryId},
                                               {QStringLiteral("actionId"), d.actionId},
                                               {QStringLiteral("type"), actionTypeName(d.actionType)},
                                               {QStringLiteral("title"), d.title}});
                    printJson(out);
                    finish(ExitOk);
                    return;
                }
                QTextStream stream(stdout);
                stream << Arborctl::tr("Queued a test of “%1” (id %2) for %n action(s): “%3”.", nullptr, int(sent->size()))
                              .arg(r.name)
                              .arg(r.id)
                              .arg(sent->isEmpty() ? QString() : sent->first().title)
                       << Qt::endl;
                for (const AlertTestDelivery &d : *sent)
                    stream << "  " << Arborctl::tr("action %1 (%2): delivery %3").arg(d.actionId).arg(actionTypeName(d.actionType), d.deliveryId) << Qt::endl;
                finish(ExitOk);
            });
        });
    });
}

int alertList(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption active(QStringLiteral("active"), Arborctl::tr("Only alerts still in force."));
    const QCommandLineOption chain = chainIdOption();
    const QCommandLineOption limit(QStringLiteral("limit"), Arborctl::tr("At most N alerts, newest first (default 50)."), QStringLiteral("N"));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("The alerts the indexing engine raised (built-in ones and the rules'), newest first."),
                                                     {active, chain, limit, json}}))
        return *exit;
    AlertHistoryFilter filter;
    filter.activeOnly = parser.isSet(active);
    filter.limit = 50;
    if (parser.isSet(limit)) {
        auto n = parseInteger(parser.value(limit), QStringLiteral("--limit"), 1, 10000);
        if (!n)
            return fail(n.error());
        filter.limit = int(*n);
    }
    std::optional<ChainRef> chainRef;
    if (parser.isSet(chain)) {
        auto ref = chainOption(parser, chain);
        if (!ref)
            return fail(ref.error());
        chainRef = *ref;
    }
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [filter, chainRef, asJson](Engine &engine, std::function<void(int)> finish) {
        auto list = [&engine, finish, asJson](AlertHistoryFilter f) {
            then(engine.alerts()->alertHistory(f), &engine, [finish, asJson, activeOnly = f.activeOnly](Result<QList<AlertRecord>> alerts) {
                if (!alerts) {
                    finish(fail(alerts.error()));
                    return;
                }
                if (asJson) {
                    QJsonArray array;
                    for (const AlertRecord &a : std::as_const(*alerts))
                        array.append(recordToJson(a));
                    printJson(QJsonObject{{QStringLiteral("alerts"), array}});
                } else if (alerts->isEmpty()) {
                    QTextStream(stdout) << (activeOnly ? Arborctl::tr("No alert is active.") : Arborctl::tr("No alert has been raised."))
                                        << Qt::endl;
                } else {
                    QList<QStringList> rows;
                    for (const AlertRecord &a : std::as_const(*alerts)) {
                        rows.append({QString::number(a.id), timestampToJson(a.raisedAt).toString(),
                                     a.clearedAt ? timestampToJson(*a.clearedAt).toString() : Arborctl::tr("active"), QString::number(a.chainId),
                                     a.ruleId ? a.ruleName : Arborctl::tr("(built-in)"), alertTitle(a),
                                     a.acknowledgedAt ? Arborctl::tr("yes") : QStringLiteral("-"), a.silenced ? Arborctl::tr("yes") : QStringLiteral("-")});
                    }
                    printTable({Arborctl::tr("ID"), Arborctl::tr("RAISED"), Arborctl::tr("CLEARED"), Arborctl::tr("CHAIN"), Arborctl::tr("RULE"),
                                Arborctl::tr("TITLE"), Arborctl::tr("ACK"), Arborctl::tr("SILENCED")},
                               rows);
                }
                finish(ExitOk);
            });
        };
        if (!chainRef) {
            list(filter);
            return;
        }
        then(findChain(engine, *chainRef), &engine, [filter, list, finish](Result<ChainRecord> c) mutable {
            if (!c) {
                finish(fail(c.error()));
                return;
            }
            filter.chainId = c->config.chainId;
            list(filter);
        });
    });
}

int alertAck(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption note(QStringLiteral("note"), Arborctl::tr("A note kept with the acknowledgement."), QStringLiteral("TEXT"));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Acknowledge an alert: it stays in force until its condition is over, "
                                                                  "but no longer counts as needing attention."),
                                                     {note},
                                                     {{QStringLiteral("ID"), Arborctl::tr("an id from `arborctl alert list`")}}}))
        return *exit;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 1)
        return fail(Error::invalid(QStringLiteral("ID"), Arborctl::tr("Give one alert id; `arborctl alert list` shows them.")));
    auto id = parseInteger(args.first(), QStringLiteral("ID"), 1, std::numeric_limits<qint64>::max());
    if (!id)
        return fail(id.error());
    return runWithEngine(inv, adminOptions(), [id = *id, text = parser.value(note)](Engine &engine, std::function<void(int)> finish) {
        then(engine.alerts()->acknowledgeAlert(id, text), &engine, [finish](Result<AlertRecord> a) {
            if (!a) {
                finish(fail(a.error()));
                return;
            }
            QTextStream(stdout) << Arborctl::tr("Acknowledged alert %1: %2").arg(a->id).arg(alertTitle(*a)) << Qt::endl;
            finish(ExitOk);
        });
    });
}

int alertResults(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption rule(QStringLiteral("rule"), Arborctl::tr("Only this rule's results (id or name)."), QStringLiteral("RULE"));
    const QCommandLineOption limit(QStringLiteral("limit"), Arborctl::tr("At most N rows, newest first (default 50)."), QStringLiteral("N"));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("What alert rules delivered: one row per attempt or cancellation, as "
                                                                  "`trigger results` shows for triggers."),
                                                     {rule, limit, json}}))
        return *exit;
    ResultFilter filter;
    filter.source = DeliverySource::Alert;
    filter.limit = 50;
    if (parser.isSet(limit)) {
        auto n = parseInteger(parser.value(limit), QStringLiteral("--limit"), 1, 10000);
        if (!n)
            return fail(n.error());
        filter.limit = int(*n);
    }
    const bool asJson = parser.isSet(json);
    const QString ruleRef = parser.value(rule);
    return runWithEngine(inv, adminOptions(), [filter, ruleRef, asJson](Engine &engine, std::function<void(int)> finish) {
        auto print = [&engine, finish, asJson](ResultFilter f) {
            then(engine.triggers()->triggerResults(f), &engine, [finish, asJson](Result<QList<ActionResult>> results) {
                if (!results) {
                    finish(fail(results.error()));
                    return;
                }
                if (asJson) {
                    QJsonArray array;
                    for (const ActionResult &r : std::as_const(*results)) {
                        QJsonObject o{{QStringLiteral("id"), r.id},
                                      {QStringLiteral("deliveryId"), r.deliveryId},
                                      {QStringLiteral("rule"), QJsonObject{{QStringLiteral("id"), r.subjectId}, {QStringLiteral("name"), r.subjectName}}},
                                      {QStringLiteral("action"), QJsonObject{{QStringLiteral("id"), r.actionId}, {QStringLiteral("type"), actionTypeName(r.actionType)}}},
                                      {QStringLiteral("chainId"), r.chainId},
                                      {QStringLiteral("status"), deliveryStatusName(r.status)},
                                      {QStringLiteral("attempt"), r.attempt},
                                      {QStringLiteral("httpStatus"), r.httpStatus ? QJsonValue(*r.httpStatus) : QJsonValue()},
                                      {QStringLiteral("at"), timestampToJson(r.at)}};
                        if (!r.error.isEmpty())
                            o.insert(QStringLiteral("error"), r.error);
                        array.append(o);
                    }
                    printJson(QJsonObject{{QStringLiteral("results"), array}});
                } else {
                    QList<QStringList> rows;
                    for (const ActionResult &r : std::as_const(*results)) {
                        rows.append({QString::number(r.id), timestampToJson(r.at).toString(), r.subjectName, actionTypeName(r.actionType),
                                     deliveryStatusName(r.status), QString::number(r.attempt),
                                     r.httpStatus ? QString::number(*r.httpStatus) : QStringLiteral("-"), r.error.left(60)});
                    }
                    printTable({Arborctl::tr("ID"), Arborctl::tr("AT"), Arborctl::tr("RULE"), Arborctl::tr("ACTION"), Arborctl::tr("STATUS"),
                                Arborctl::tr("TRY"), Arborctl::tr("HTTP"), Arborctl::tr("ERROR")},
                               rows);
                }
                finish(ExitOk);
            });
        };
        if (ruleRef.isEmpty()) {
            print(filter);
            return;
        }
        withRule(engine, ruleRef, finish, [print, filter](const AlertRule &r) mutable {
            filter.alertRuleId = r.id;
            print(filter);
        });
    });
}

} // namespace arbor::cli

// arborctl trigger …: edit triggers and see what they fired.
#include "triggercommands.h"
#include "translation.h"

#include "engine/triggerservice.h"
#include "secrets/namedsecrets.h"
#include "triggers/actionsecrets.h"
#include "model/u256.h"
#include "output.h"
#include "triggers/triggerdef.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace arbor::cli {
namespace {

QCommandLineOption fileOption()
{
    return {QStringLiteral("file"), Arborctl::tr("The trigger file (JSON, as the console's editor saves it)."), QStringLiteral("F")};
}

/// Reads and parses a trigger file; errors name the file or the field inside it.
Result<TriggerDef> readTriggerFile(const QString &path)
{
    auto json = readJsonObjectFile(path, Arborctl::tr("the trigger"));
    if (!json)
        return json.error();
    auto def = parseTrigger(*json);
    if (!def) {
        Error e = def.error();
        e.field = path + QLatin1String(": ") + e.field;
        return e;
    }
    return def;
}

QJsonObject recordToJson(const TriggerRecord &r)
{
    QJsonObject o = triggerToJson(r.def);
    o.insert(QStringLiteral("cursorBlock"), r.cursorBlock);
    o.insert(QStringLiteral("lastFiredAt"), r.lastFiredAt ? timestampToJson(*r.lastFiredAt) : QJsonValue());
    o.insert(QStringLiteral("deliveries24h"), r.deliveries24h);
    o.insert(QStringLiteral("failures24h"), r.failures24h);
    return o;
}

/// A rendered payload as JSON when it is JSON, else as text.
QJsonValue payloadToJson(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError)
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    return QString::fromUtf8(body);
}

void printRecord(const TriggerRecord &r, bool asJson, const QString &verb)
{
    if (asJson) {
        printJson(recordToJson(r));
        return;
    }
    QTextStream(stdout) << verb.arg(r.def.name).arg(r.def.id) << Qt::endl;
}

/// Resolves the file's chain name to its id, then runs `next` with the complete definition.
void withChain(Engine &engine, TriggerDef def, std::function<void(int)> finish, std::function<void(TriggerDef)> next)
{
    if (def.chainId) {
        next(std::move(def));
        return;
    }
    then(findChain(engine, ChainRef{std::nullopt, def.chainName}), &engine, [def, finish, next](Result<ChainRecord> chain) mutable {
        if (!chain) {
            Error e = chain.error();
            e.field = QStringLiteral("chain");
            finish(fail(e));
            return;
        }
        def.chainId = chain->config.chainId;
        def.chainName.clear();
        next(std::move(def));
    });
}

std::function<void(Result<TriggerRecord>)> printOr(std::function<void(int)> finish, bool asJson, QString verb)
{
    return [finish, asJson, verb](Result<TriggerRecord> r) {
        if (!r) {
            finish(fail(r.error()));
            return;
        }
        printRecord(*r, asJson, verb);
        finish(ExitOk);
    };
}

} // namespace

// A keychain reference that names no secret stored on this machine is accepted (the engine that
// delivers may run elsewhere, with its own keychain) but said, with the command that fixes it.
void warnAboutUnstoredSecrets(const QList<Action> &actions)
{
    const QStringList stored = NamedSecrets::names();
    for (const KeychainReference &ref : keychainReferences(actions)) {
        if (!stored.contains(ref.name)) {
            QTextStream(stderr) << Arborctl::tr("arborctl: warning: %1 refers to keychain:%2, which is not stored on this machine; store it with "
                                                "`arborctl secret set %2` where the engine that delivers runs.")
                                       .arg(ref.field, ref.name)
                                << Qt::endl;
        }
    }
}

int triggerAdd(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption file = fileOption();
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Add a trigger from a file. It fires for events promoted from now on."), {file, json}}))
        return *exit;
    if (!parser.isSet(file))
        return fail(Error::invalid(QStringLiteral("--file"), Arborctl::tr("Give the trigger file with --file F.")));
    auto def = readTriggerFile(parser.value(file));
    if (!def)
        return fail(def.error());
    warnAboutUnstoredSecrets(def->actions);
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [def = *def, asJson](Engine &engine, std::function<void(int)> finish) {
        withChain(engine, def, finish, [&engine, finish, asJson](TriggerDef complete) {
            then(engine.triggers()->addTrigger(complete), &engine, printOr(finish, asJson, Arborctl::tr("Added trigger “%1” (id %2).")));
        });
    });
}

int triggerEdit(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption file = fileOption();
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{Arborctl::tr("Replace a trigger's definition with a file's."), {file, json},
                           {{QStringLiteral("ID"), Arborctl::tr("the trigger's id")}}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    auto id = positionalId(parser, QStringLiteral("ID"));
    if (!id)
        return fail(id.error());
    if (!parser.isSet(file))
        return fail(Error::invalid(QStringLiteral("--file"), Arborctl::tr("Give the trigger file with --file F.")));
    auto def = readTriggerFile(parser.value(file));
    if (!def)
        return fail(def.error());
    warnAboutUnstoredSecrets(def->actions);
    def->id = *id;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [def = *def, asJson](Engine &engine, std::function<void(int)> finish) {
        withChain(engine, def, finish, [&engine, finish, asJson](TriggerDef complete) {
            then(engine.triggers()->updateTrigger(complete), &engine, printOr(finish, asJson, Arborctl::tr("Saved trigger “%1” (id %2).")));
        });
    });
}

int triggerList(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Every trigger: chain, registry, enabled, last fired, deliveries and failures in 24 h."), {json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.triggers()->triggers(), &engine, [asJson, finish](Result<QList<TriggerRecord>> list) {
            if (!list) {
                finish(fail(list.error()));
                return;
            }
            if (asJson) {
                QJsonArray array;
                for (const TriggerRecord &r : std::as_const(*list))
                    array.append(recordToJson(r));
                printJson(QJsonObject{{QStringLiteral("triggers"), array}});
            } else {
                QList<QStringList> rows;
                for (const TriggerRecord &r : std::as_const(*list)) {
                    rows.append({QString::number(r.def.id), r.def.name, QString::number(r.def.chainId), registryKindName(r.def.registry),
                                 r.def.enabled ? Arborctl::tr("yes") : Arborctl::tr("no"),
                                 r.lastFiredAt ? timestampToJson(*r.lastFiredAt).toString() : QStringLiteral("-"),
                                 QString::number(r.deliveries24h), QString::number(r.failures24h)});
                }
                printTable({Arborctl::tr("ID"), Arborctl::tr("NAME"), Arborctl::tr("CHAIN"), Arborctl::tr("REGISTRY"), Arborctl::tr("ENABLED"),
                            Arborctl::tr("LAST FIRED"), Arborctl::tr("24H"), Arborctl::tr("FAILED")},
                           rows);
            }
            finish(ExitOk);
        });
    });
}

int triggerShow(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("A trigger's definition (the file format) and its figures."), {json},
                                                     {{QStringLiteral("ID"), Arborctl::tr("the trigger's id")}}}))
        return *exit;
    auto id = positionalId(parser, QStringLiteral("ID"));
    if (!id)
        return fail(id.error());
    return runWithEngine(inv, adminOptions(), [id = *id](Engine &engine, std::function<void(int)> finish) {
        then(engine.triggers()->trigger(id), &engine, [finish](Result<TriggerRecord> r) {
            if (!r) {
                finish(fail(r.error()));
                return;
            }
            printJson(recordToJson(*r));
            finish(ExitOk);
        });
    });
}

int triggerSetEnabled(const Invocation &inv, bool enabled)
{
    QCommandLineParser parser;
    const QString description = enabled ? Arborctl::tr("Enable a trigger. It fires for events promoted from now on; none "
                                                       "promoted while it was off are sent.")
                                        : Arborctl::tr("Disable a trigger. Deliveries already created still go out.");
    if (const auto exit = parseCommand(parser, inv, {description, {}, {{QStringLiteral("ID"), Arborctl::tr("the trigger's id")}}}))
        return *exit;
    auto id = positionalId(parser, QStringLiteral("ID"));
    if (!id)
        return fail(id.error());
    return runWithEngine(inv, adminOptions(), [id = *id, enabled](Engine &engine, std::function<void(int)> finish) {
        then(engine.triggers()->setTriggerEnabled(id, enabled), &engine, printOr(finish, false, enabled ? Arborctl::tr("Enabled “%1” (id %2).") : Arborctl::tr("Disabled “%1” (id %2).")));
    });
}

int triggerEnable(const Invocation &inv) { return triggerSetEnabled(inv, true); }
int triggerDisable(const Invocation &inv) { return triggerSetEnabled(inv, false); }

int triggerDelete(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption yes(QStringLiteral("yes"), Arborctl::tr("Confirm: the trigger, its conditions, actions and state go; its "
                                                                     "open deliveries are cancelled. Results stay."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Delete a trigger."), {yes}, {{QStringLiteral("ID"), Arborctl::tr("the trigger's id")}}}))
        return *exit;
    auto id = positionalId(parser, QStringLiteral("ID"));
    if (!id)
        return fail(id.error());
    if (!parser.isSet(yes))
        return fail(Error::invalid(QStringLiteral("--yes"), Arborctl::tr("Deleting a trigger cannot be undone: add --yes to confirm.")));
    return runWithEngine(inv, adminOptions(), [id = *id](Engine &engine, std::function<void(int)> finish) {
        then(engine.triggers()->deleteTrigger(id), &engine, [id, finish](Status s) {
            if (!s) {
                finish(fail(s.error()));
                return;
            }
            QTextStream(stdout) << Arborctl::tr("Deleted trigger %1.").arg(id) << Qt::endl;
            finish(ExitOk);
        });
    });
}

int triggerDryRun(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption file = fileOption();
    const QCommandLineOption from(QStringLiteral("from-block"), Arborctl::tr("First block (default: the first indexed)."), QStringLiteral("A"));
    const QCommandLineOption to(QStringLiteral("to-block"), Arborctl::tr("Last block (default: the checkpoint)."), QStringLiteral("B"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{Arborctl::tr("Evaluate a trigger against stored events from a fresh state and print the matches with "
                                        "the payloads each action would send. Nothing is sent or written."),
                           {file, from, to, json},
                           {{QStringLiteral("[ID]"), Arborctl::tr("a stored trigger (or --file)")}}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    const bool byFile = parser.isSet(file);
    if (byFile == !parser.positionalArguments().isEmpty())
        return fail(Error::invalid(QStringLiteral("ID"), Arborctl::tr("Give a trigger ID or --file F, one of the two.")));
    std::optional<qint64> fromBlock, toBlock;
    for (const auto &[option, target] : {std::pair{&from, &fromBlock}, std::pair{&to, &toBlock}}) {
        if (!parser.isSet(*option))
            continue;
        auto n = parseInteger(parser.value(*option), QLatin1String("--") + option->names().first(), 0, std::numeric_limits<qint64>::max());
        if (!n)
            return fail(n.error());
        *target = *n;
    }
    if (fromBlock && toBlock && *fromBlock > *toBlock)
        return fail(Error::invalid(QStringLiteral("--from-block"), Arborctl::tr("The range is empty: --from-block is after --to-block.")));
    TriggerDef def;
    if (byFile) {
        auto parsed = readTriggerFile(parser.value(file));
        if (!parsed)
            return fail(parsed.error());
        def = *parsed;
    } else {
        auto id = positionalId(parser, QStringLiteral("ID"));
        if (!id)
            return fail(id.error());
        def.id = *id;
    }
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [def, fromBlock, toBlock, asJson](Engine &engine, std::function<void(int)> finish) {
        auto print = [finish, asJson](Result<DryRunResult> run) {
            if (!run) {
                finish(fail(run.error()));
                return;
            }
            QJsonArray matches;
            for (const DryRunMatch &m : std::as_const(run->matches)) {
                QJsonArray actions;
                for (const DryRunAction &a : m.actions) {
                    QJsonObject o{{QStringLiteral("type"), actionTypeName(a.action.type)}, {QStringLiteral("priority"), a.action.priority},
                                  {QStringLiteral("deliveryId"), a.deliveryId}};
                    if (!a.error.isEmpty())
                        o.insert(QStringLiteral("error"), a.error);
                    else
                        o.insert(QStringLiteral("payload"), payloadToJson(a.body));
                    if (!a.target.isEmpty())
                        o.insert(QStringLiteral("target"), a.target);
                    actions.append(o);
                }
                matches.append(QJsonObject{{QStringLiteral("event"), m.eventJson}, {QStringLiteral("actions"), actions}});
            }
            if (asJson) {
                printJson(QJsonObject{{QStringLiteral("matches"), matches}, {QStringLiteral("events"), run->events},
                                      {QStringLiteral("fromBlock"), run->fromBlock}, {QStringLiteral("throughBlock"), run->throughBlock},
                                      {QStringLiteral("truncated"), run->truncated}});
            } else {
                QTextStream out(stdout);
                out << Arborctl::tr("%1 of %2 events in blocks %3–%4 match; nothing was sent.")
                           .arg(run->matches.size()).arg(run->events).arg(run->fromBlock).arg(run->throughBlock)
                    << Qt::endl;
                // What an operator reads: each match, then what each action would send (--json: all of it).
                for (const DryRunMatch &m : std::as_const(run->matches)) {
                    const TriggerEvent &e = m.event;
                    out << Qt::endl
                        << Arborctl::tr("Block %1, transaction %2, log %3: %4, agent %5")
                               .arg(e.event.blockNumber)
                               .arg(e.event.txHash.toHex())
                               .arg(e.event.logIndex)
                               .arg(e.event.event, u256::toDecimal(e.event.agentId))
                        << Qt::endl;
                    for (const DryRunAction &a : m.actions) {
                        out << "  " << Arborctl::tr("%1 (priority %2), delivery %3").arg(actionTypeName(a.action.type)).arg(a.action.priority).arg(a.deliveryId)
                            << Qt::endl;
                        if (!a.error.isEmpty()) {
                            out << "    " << Arborctl::tr("not sendable: %1").arg(a.error) << Qt::endl;
                            continue;
                        }
                        const QString to = !a.target.isEmpty() ? a.target : a.action.url;   // an MCP endpoint from chain data, or the file's
                        if (a.action.type == ActionType::Rest)
                            out << "    " << Arborctl::tr("%1 to %2").arg(a.action.method, to) << Qt::endl;
                        else if (a.action.type == ActionType::Telegram)
                            out << "    " << Arborctl::tr("to Telegram chat %1").arg(a.action.chatId) << Qt::endl;
                        else if (!to.isEmpty())
                            out << "    " << Arborctl::tr("to %1").arg(to) << Qt::endl;
                        const QJsonValue payload = payloadToJson(a.body);
                        const QString text = payload.isString() ? payload.toString()
                                                                : QString::fromUtf8(payload.isArray() ? QJsonDocument(payload.toArray()).toJson(QJsonDocument::Indented)
                                                                                                      : QJsonDocument(payload.toObject()).toJson(QJsonDocument::Indented));
                        for (const QString &line : text.trimmed().split(u'\n'))
                            out << "    " << line << Qt::endl;
                    }
                }
            }
            finish(ExitOk);
        };
        if (def.id && def.name.isEmpty()) {
            then(engine.triggers()->dryRunTrigger(def.id, fromBlock, toBlock), &engine, print);
            return;
        }
        withChain(engine, def, finish, [&engine, fromBlock, toBlock, print](TriggerDef complete) {
            then(engine.triggers()->dryRunTrigger(complete, fromBlock, toBlock), &engine, print);
        });
    });
}

int triggerReplay(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from-block"), Arborctl::tr("First block."), QStringLiteral("A"));
    const QCommandLineOption to(QStringLiteral("to-block"), Arborctl::tr("Last block."), QStringLiteral("B"));
    const QCommandLineOption since(QStringLiteral("since"),
                                   Arborctl::tr("Instead of blocks: events of blocks stamped from then (36h, 7d, 2026-11-01, 2026-11-01T12:00)."),
                                   QStringLiteral("T"));
    const QCommandLineOption until(QStringLiteral("until"), Arborctl::tr("With --since: up to then (default now)."), QStringLiteral("T"));
    const QCommandLineOption action(QStringLiteral("action"), Arborctl::tr("Send to this action only (`arborctl trigger actions` lists them)."),
                                    QStringLiteral("ACTION_ID"));
    const QCommandLineOption json = jsonOption();
    const CommandSpec spec{Arborctl::tr("Send a trigger's actions for past events, explicitly: a delivery for each match in the range that has none "
                                        "yet, and each one that was given up (dead) again under its own id. The running engine (the console or "
                                        "arborctl serve) sends them."),
                           {from, to, since, until, action, json},
                           {{QStringLiteral("ID"), Arborctl::tr("the trigger's id")}}};
    if (const auto exit = parseCommand(parser, inv, spec))
        return *exit;
    auto id = positionalId(parser, QStringLiteral("ID"));
    if (!id)
        return fail(id.error());
    const bool byTime = parser.isSet(since);
    if (byTime && (parser.isSet(from) || parser.isSet(to)))
        return fail(Error::invalid(QStringLiteral("--since"), Arborctl::tr("Give blocks (--from-block, --to-block) or times (--since, --until), not both.")));
    if (!byTime && parser.isSet(until))
        return fail(Error::invalid(QStringLiteral("--until"), Arborctl::tr("--until ends a --since range; give --since too.")));
    if (!byTime && (!parser.isSet(from) || !parser.isSet(to)))
        return fail(Error::invalid(QStringLiteral("--from-block"), Arborctl::tr("A replay needs --from-block A and --to-block B, or --since T.")));
    qint64 a = 0;
    qint64 b = 0;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (byTime) {
        auto start = parseSince(parser.value(since), QStringLiteral("--since"), now);
        if (!start)
            return fail(start.error());
        auto end = parser.isSet(until) ? parseSince(parser.value(until), QStringLiteral("--until"), now) : Result<qint64>(now);
        if (!end)
            return fail(end.error());
        if (*end < *start)
            return fail(Error::invalid(QStringLiteral("--until"), Arborctl::tr("--until is before --since.")));
        a = *start;
        b = *end;
    } else {
        auto first = parseInteger(parser.value(from), QStringLiteral("--from-block"), 0, std::numeric_limits<qint64>::max());
        if (!first)
            return fail(first.error());
        auto last = parseInteger(parser.value(to), QStringLiteral("--to-block"), *first, std::numeric_limits<qint64>::max());
        if (!last)
            return fail(last.error());
        a = *first;
        b = *last;
    }
    std::optional<qint64> actionId;
    if (parser.isSet(action)) {
        auto n = parseInteger(parser.value(action), QStringLiteral("--action"), 1, std::numeric_limits<qint64>::max());
        if (!n)
            return fail(n.error());
        actionId = *n;
    }
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [id = *id, a, b, byTime, actionId, asJson](Engine &engine, std::function<void(int)> finish) {
        const auto report = [finish, asJson](Result<ReplayResult> r) {
            if (!r) {
                finish(fail(optionError(r.error())));
                return;
            }
            if (asJson) {
                printJson(QJsonObject{{QStringLiteral("events"), r->events}, {QStringLiteral("matches"), r->matches},
                                      {QStringLiteral("created"), r->created}, {QStringLiteral("skipped"), r->skipped},
                                      {QStringLiteral("resent"), r->resent}});
            } else {
                QTextStream(stdout) << Arborctl::tr("%1 events, %2 matches: %3 deliveries created, %4 already had one (%5 of them given up before, "
                                                    "sent again).")
                                           .arg(r->events).arg(r->matches).arg(r->created - r->resent).arg(r->skipped).arg(r->resent)
                                    << Qt::endl;
            }
            finish(ExitOk);
        };
        if (!byTime) {
            then(engine.triggers()->replayTrigger(id, a, b, actionId), &engine, report);
            return;
        }
        then(engine.triggers()->trigger(id), &engine, [&engine, id, a, b, actionId, report, finish](Result<TriggerRecord> trigger) {
            if (!trigger) {
                finish(fail(trigger.error()));
                return;
            }
            then(engine.triggers()->blocksBetween(trigger->def.chainId, a, b), &engine,
                 [&engine, id, actionId, report, finish](Result<std::pair<qint64, qint64>> blocks) {
                     if (!blocks) {
                         finish(fail(optionError(blocks.error())));
                         return;
                     }
                     then(engine.triggers()->replayTrigger(id, blocks->first, blocks->second, actionId), &engine, report);
                 });
        });
    });
}

} // namespace arbor::cli

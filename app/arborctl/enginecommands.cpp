// arborctl engines, engines drain|resume, chain move: the engines on one database and which
// chain each indexes (DESIGN.md §10).
#include "enginecommands.h"
#include "translation.h"

#include "engine/rosterservice.h"
#include "model/chainconfig.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace arbor::cli {
namespace {

QJsonObject engineToJson(const EngineRecord &e)
{
    QJsonArray chains;
    for (qint64 id : e.chains)
        chains.append(id);
    return {{QStringLiteral("name"), e.name},
            {QStringLiteral("host"), e.host},
            {QStringLiteral("pid"), e.pid},
            {QStringLiteral("app"), e.app},
            {QStringLiteral("startedAt"), timestampToJson(e.startedAt)},
            {QStringLiteral("heartbeatAt"), timestampToJson(e.heartbeatAt)},
            {QStringLiteral("leaseSeconds"), double(e.leaseMs) / 1000.0},
            {QStringLiteral("alive"), e.alive},
            {QStringLiteral("draining"), e.draining},
            {QStringLiteral("maxChains"), e.maxChains ? QJsonValue(*e.maxChains) : QJsonValue()},
            {QStringLiteral("chains"), chains},
            {QStringLiteral("coordinator"), e.coordinator}};
}

QString engineState(const EngineRecord &e)
{
    if (!e.alive)
        return Arborctl::tr("gone");
    if (e.draining)
        return Arborctl::tr("draining");
    return e.coordinator ? Arborctl::tr("running, coordinator") : Arborctl::tr("running");
}

Result<QString> engineNameArgument(const QCommandLineParser &parser)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        return Error::invalid(QStringLiteral("name"), Arborctl::tr("Name exactly one engine, as “arborctl engines” lists it."));
    return positional.first().trimmed();
}

int setDraining(const Invocation &inv, bool draining)
{
    QCommandLineParser parser;
    const QString what = draining ? Arborctl::tr("Drain an engine before maintenance: it gives up its chains at its next heartbeat "
                                                 "(other engines take them over) and takes none until resumed.")
                                  : Arborctl::tr("Let a drained engine take chains again.");
    if (const auto exit = parseCommand(parser, inv, {what, {}, {{QStringLiteral("name"), Arborctl::tr("The engine's name.")}}}))
        return *exit;
    auto name = engineNameArgument(parser);
    if (!name)
        return fail(name.error());
    return runWithEngine(inv, adminOptions(), [name = *name, draining](Engine &engine, std::function<void(int)> finish) {
        then(engine.roster()->setDraining(name, draining), &engine, [name, draining, finish](Status s) {
            if (!s) {
                finish(fail(s.error()));
                return;
            }
            QTextStream(stdout) << (draining ? Arborctl::tr("Engine “%1” is draining: its chains go to the other engines within a heartbeat. "
                                                            "“arborctl engines” shows when it holds none.")
                                             : Arborctl::tr("Engine “%1” takes chains again from its next heartbeat."))
                                                   .arg(name)
                                << Qt::endl;
            finish(ExitOk);
        });
    });
}

} // namespace

int enginesList(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print JSON."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("List the engines on this database, the chains each indexes and which one runs the once-only chores."), {json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.roster()->engines(), &engine, [asJson, finish](Result<QList<EngineRecord>> engines) {
            if (!engines) {
                finish(fail(engines.error()));
                return;
            }
            if (asJson) {
                QJsonArray list;
                for (const EngineRecord &e : std::as_const(*engines))
                    list.append(engineToJson(e));
                printJson(list);
            } else if (engines->isEmpty()) {
                QTextStream(stdout) << Arborctl::tr("No engine has run on this database yet. Start one with “arborctl serve” or the console.") << Qt::endl;
            } else {
                // Ages by the database's clock, as the heartbeats were stamped.
                const qint64 now = engines->first().readAt;
                QList<QStringList> rows;
                for (const EngineRecord &e : std::as_const(*engines)) {
                    QStringList chains;
                    for (qint64 id : e.chains)
                        chains.append(QString::number(id));
                    rows.append({e.name, e.host, QString::number(e.pid), e.app, engineState(e),
                                 chains.isEmpty() ? QStringLiteral("-") : chains.join(QStringLiteral(", ")),
                                 e.maxChains ? QString::number(*e.maxChains) : QStringLiteral("-"),
                                 Arborctl::tr("%n s ago", nullptr, int(std::max<qint64>(0, now - e.heartbeatAt) / 1000))});
                }
                printTable({Arborctl::tr("NAME"), Arborctl::tr("HOST"), Arborctl::tr("PID"), Arborctl::tr("APP"), Arborctl::tr("STATE"),
                            Arborctl::tr("CHAINS"), Arborctl::tr("MAX"), Arborctl::tr("HEARTBEAT")},
                           rows);
            }
            finish(ExitOk);
        });
    });
}

int enginesDrain(const Invocation &inv)
{
    return setDraining(inv, true);
}

int enginesResume(const Invocation &inv)
{
    return setDraining(inv, false);
}

int chainMove(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption to(QStringLiteral("to"), Arborctl::tr("The engine that should index the chain (see “arborctl engines”)."), QStringLiteral("NAME"));
    const QCommandLineOption anywhere(QStringLiteral("anywhere"), Arborctl::tr("Lift the chain's assignment: any engine may index it, for an even share."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Assign a chain to a named engine: its owner gives it up at its next heartbeat, "
                                                                  "at a range boundary, and that engine resumes from the checkpoint. The chain "
                                                                  "stays with that engine; while it is stopped or draining another engine "
                                                                  "indexes the chain, which goes back to it when it returns."),
                                                     {to, anywhere},
                                                     {{QStringLiteral("chain"), Arborctl::tr("The chain's name or id.")}}}))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(Error::invalid(QStringLiteral("chain"), Arborctl::tr("Name exactly one chain, by name or id.")));
    const ChainRef chain = ChainRef::parse(positional.first());
    if (parser.isSet(to) && parser.isSet(anywhere))
        return fail(Error::invalid(QStringLiteral("--anywhere"), Arborctl::tr("Give either --to NAME or --anywhere, not both.")));
    if (!parser.isSet(anywhere) && (!parser.isSet(to) || parser.value(to).trimmed().isEmpty()))
        return fail(Error::invalid(QStringLiteral("--to"), Arborctl::tr("Say which engine should index the chain: --to NAME (see “arborctl engines”), "
                                                                          "or --anywhere to lift its assignment.")));
    const QString target = parser.isSet(anywhere) ? QString() : parser.value(to).trimmed();
    return runWithEngine(inv, adminOptions(), [chain, target](Engine &engine, std::function<void(int)> finish) {
        then(engine.roster()->moveChain(chain, target), &engine, [chain, target, finish](Status s) {
            if (!s) {
                Error error = s.error();
                if (error.field == u"to")
                    error.field = QStringLiteral("--to");
                finish(fail(error));
                return;
            }
            if (target.isEmpty())
                QTextStream(stdout) << Arborctl::tr("Chain %1 is assigned to no engine: any engine may index it.").arg(chain.toString()) << Qt::endl;
            else
                QTextStream(stdout) << Arborctl::tr("Chain %1 moves to engine “%2” within a heartbeat and stays with it.").arg(chain.toString(), target) << Qt::endl;
            finish(ExitOk);
        });
    });
}

} // namespace arbor::cli

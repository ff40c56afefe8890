#include "statscommands.h"
#include "translation.h"

#include "engine/statsservice.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimeZone>

#include <optional>

namespace arbor::cli {
namespace {

// Every arborctl message is in the translation context "arborctl".
constexpr qint64 DayMs = 86400000;

/// --chain and --since as the three commands share them.
struct StatsArgs
{
    std::optional<ChainRef> chain;
    qint64 sinceMs = 0;
    bool json = false;
};

std::optional<int> parseStats(const Invocation &inv, const QString &description, const QString &defaultSince, bool chainAllowed, StatsArgs &args)
{
    QCommandLineParser parser;
    QCommandLineOption chain = chainIdOption();
    // Where the figures are not per chain, --chain is still understood, to say why it is
    // refused, but not offered in the command's help.
    if (!chainAllowed)
        chain.setFlags(QCommandLineOption::HiddenFromHelp);
    const QCommandLineOption since(QStringLiteral("since"),
                                   Arborctl::tr("From this moment on: a time ago (90m, 36h, 7d) or a UTC date (2026-11-01). Default: %1.").arg(defaultSince),
                                   QStringLiteral("T"));
    const QCommandLineOption json = jsonOption();
    if (const auto exit = parseCommand(parser, inv, {description, {chain, since, json}}))
        return exit;
    if (parser.isSet(chain)) {
        if (!chainAllowed)
            return fail(Error::invalid(QStringLiteral("--chain"), Arborctl::tr("Action metrics are kept per action type across chains; leave --chain out, "
                                                                                "or use `arborctl trigger results` for one chain's deliveries.")));
        auto ref = chainOption(parser, chain);
        if (!ref)
            return fail(ref.error());
        args.chain = *ref;
    }
    auto from = parseSince(parser.isSet(since) ? parser.value(since) : defaultSince, QStringLiteral("--since"), QDateTime::currentMSecsSinceEpoch());
    if (!from)
        return fail(from.error());
    args.sinceMs = *from;
    args.json = parser.isSet(json);
    return std::nullopt;
}

/// Runs `read` with the chain's id (after checking it exists) or with none.
template<typename Read>
int runStats(const Invocation &inv, const StatsArgs &args, Read read)
{
    return runWithEngine(inv, adminOptions(), [args, read](Engine &engine, std::function<void(int)> finish) {
        if (!args.chain) {
            read(engine, std::nullopt, finish);
            return;
        }
        then(findChain(engine, *args.chain), &engine, [&engine, read, finish](Result<ChainRecord> chain) {
            if (!chain) {
                finish(fail(chain.error()));
                return;
            }
            read(engine, chain->config.chainId, finish);
        });
    });
}

QString hourText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QStringLiteral("yyyy-MM-dd HH:00"));
}

QString dayText(qint64 day)
{
    return QDateTime::fromMSecsSinceEpoch(day * DayMs, QTimeZone::utc()).date().toString(Qt::ISODate);
}

} // namespace

int statsEvents(const Invocation &inv)
{
    StatsArgs args;
    if (const auto exit = parseStats(inv, Arborctl::tr("ERC-8004 registry events per hour (UTC), chain, registry and event type."), QStringLiteral("24h"),
                                     true, args))
        return *exit;
    return runStats(inv, args, [args](Engine &engine, std::optional<qint64> chainId, std::function<void(int)> finish) {
        then(engine.stats()->eventCounts(args.sinceMs, chainId), &engine, [args, finish](Result<QList<EventCountHour>> hours) {
            if (!hours) {
                finish(fail(hours.error()));
                return;
            }
            if (args.json) {
                QJsonArray array;
                for (const EventCountHour &h : std::as_const(*hours)) {
                    array.append(QJsonObject{{QStringLiteral("hour"), timestampToJson(h.hour)},
                                             {QStringLiteral("chainId"), h.chainId},
                                             {QStringLiteral("registry"), registryKindName(h.registry)},
                                             {QStringLiteral("eventType"), h.eventType},
                                             {QStringLiteral("count"), h.count}});
                }
                printJson(QJsonObject{{QStringLiteral("hours"), array}});
            } else {
                QList<QStringList> rows;
                for (const EventCountHour &h : std::as_const(*hours))
                    rows.append({hourText(h.hour), QString::number(h.chainId), registryKindName(h.registry), h.eventType, QString::number(h.count)});
                printTable({Arborctl::tr("HOUR (UTC)"), Arborctl::tr("CHAIN"), Arborctl::tr("REGISTRY"), Arborctl::tr("EVENT"), Arborctl::tr("COUNT")}, rows);
            }
            finish(ExitOk);
        });
    });
}

int statsNetwork(const Invocation &inv)
{
    StatsArgs args;
    if (const auto exit = parseStats(inv, Arborctl::tr("Per chain and UTC day: blocks, transactions, token transfers, active holders and gas used."),
                                     QStringLiteral("30d"), true, args))
        return *exit;
    return runStats(inv, args, [args](Engine &engine, std::optional<qint64> chainId, std::function<void(int)> finish) {
        const qint64 sinceDay = args.sinceMs >= 0 ? args.sinceMs / DayMs : 0;
        then(engine.stats()->networkStats(chainId, sinceDay), &engine, [args, finish](Result<QList<NetworkDay>> days) {
            if (!days) {
                finish(fail(days.error()));
                return;
            }
            if (args.json) {
                QJsonArray array;
                // null: the chain counts only the blocks with events (chain edit --block-stats every).
                const auto counted = [](const NetworkDay &d, qint64 v) { return d.blocksCounted ? QJsonValue(v) : QJsonValue(); };
                for (const NetworkDay &d : std::as_const(*days)) {
                    array.append(QJsonObject{{QStringLiteral("chainId"), d.chainId},
                                             {QStringLiteral("day"), dayText(d.day)},
                                             {QStringLiteral("blocks"), counted(d, d.blocks)},
                                             {QStringLiteral("transactions"), counted(d, d.transactions)},
                                             {QStringLiteral("transfers"), d.transfers},
                                             {QStringLiteral("activeHolders"), d.activeHolders},
                                             {QStringLiteral("gasUsed"), counted(d, d.gasUsed)},
                                             {QStringLiteral("blocksCounted"), d.blocksCounted}});
                }
                printJson(QJsonObject{{QStringLiteral("days"), array}});
            } else {
                QList<QStringList> rows;
                bool uncounted = false;
                for (const NetworkDay &d : std::as_const(*days)) {
                    const auto counted = [&d](qint64 v) { return d.blocksCounted ? QString::number(v) : QStringLiteral("-"); };
                    uncounted = uncounted || !d.blocksCounted;
                    rows.append({dayText(d.day), QString::number(d.chainId), counted(d.blocks), counted(d.transactions),
                                 QString::number(d.transfers), QString::number(d.activeHolders), counted(d.gasUsed)});
                }
                printTable({Arborctl::tr("DAY (UTC)"), Arborctl::tr("CHAIN"), Arborctl::tr("BLOCKS"), Arborctl::tr("TRANSACTIONS"), Arborctl::tr("TRANSFERS"),
                            Arborctl::tr("ACTIVE HOLDERS"), Arborctl::tr("GAS USED")},
                           rows);
                if (uncounted)
                    QTextStream(stdout) << Arborctl::tr("-: not counted; the chain fetches the headers of its blocks with events only "
                                                        "(arborctl chain edit CHAIN --block-stats every counts every block).")
                                        << Qt::endl;
            }
            finish(ExitOk);
        });
    });
}

int statsActions(const Invocation &inv)
{
    StatsArgs args;
    if (const auto exit = parseStats(inv, Arborctl::tr("Trigger and alert actions per hour (UTC) and type: attempts, successes, failures, "
                                                       "average and p95 duration."),
                                     QStringLiteral("24h"), false, args))
        return *exit;
    return runStats(inv, args, [args](Engine &engine, std::optional<qint64>, std::function<void(int)> finish) {
        then(engine.stats()->actionMetrics(args.sinceMs), &engine, [args, finish](Result<QList<ActionMetricsHour>> hours) {
            if (!hours) {
                finish(fail(hours.error()));
                return;
            }
            if (args.json) {
                QJsonArray array;
                for (const ActionMetricsHour &h : std::as_const(*hours)) {
                    array.append(QJsonObject{{QStringLiteral("hour"), timestampToJson(h.hour)},
                                             {QStringLiteral("actionType"), actionTypeName(h.actionType)},
                                             {QStringLiteral("total"), h.total},
                                             {QStringLiteral("success"), h.success},
                                             {QStringLiteral("failure"), h.failure},
                                             {QStringLiteral("averageMs"), h.averageMs},
                                             {QStringLiteral("maxMs"), h.maxMs},
                                             {QStringLiteral("p95Ms"), h.p95Ms ? QJsonValue(*h.p95Ms) : QJsonValue()}});
                }
                printJson(QJsonObject{{QStringLiteral("hours"), array}});
            } else {
                QList<QStringList> rows;
                for (const ActionMetricsHour &h : std::as_const(*hours)) {
                    rows.append({hourText(h.hour), actionTypeName(h.actionType), QString::number(h.total), QString::number(h.success),
                                 QString::number(h.failure), QString::number(h.averageMs, 'f', 0), h.p95Ms ? QString::number(*h.p95Ms) : QStringLiteral("-"),
                                 QString::number(h.maxMs)});
                }
                printTable({Arborctl::tr("HOUR (UTC)"), Arborctl::tr("ACTION"), Arborctl::tr("TOTAL"), Arborctl::tr("SUCCESS"), Arborctl::tr("FAILURE"),
                            Arborctl::tr("AVG MS"), Arborctl::tr("P95 MS"), Arborctl::tr("MAX MS")},
                           rows);
            }
            finish(ExitOk);
        });
    });
}

} // namespace arbor::cli

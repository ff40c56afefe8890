// The cross-chain (global) tables from arborctl: rebuilding a chain's rows there, and the rows
// and heights of every chain's tables.

#include "synccommands.h"
#include "translation.h"

#include "engine/indexingservice.h"
#include "output.h"
#include "util/continuation.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace arbor::cli {
namespace {

QString numberOrDash(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}

void printSyncStatus(const QList<SyncStatusRow> &rows, bool asJson)
{
    if (asJson) {
        QJsonArray list;
        for (const SyncStatusRow &r : rows) {
            QJsonObject o{{QStringLiteral("chainId"), r.chainId},
                          {QStringLiteral("chain"), r.chainName},
                          {QStringLiteral("table"), r.table},
                          {QStringLiteral("productionRows"), r.productionRows}};
            auto put = [&o](const char *key, const std::optional<qint64> &v) {
                o.insert(QLatin1String(key), v ? QJsonValue(*v) : QJsonValue());
            };
            put("globalRows", r.globalRows);
            put("lastSyncedHeight", r.lastSyncedHeight);
            put("checkpoint", r.checkpoint);
            put("head", r.head);
            put("lag", r.lag);
            list.append(o);
        }
        printJson(list);
        return;
    }
    QList<QStringList> table;
    for (const SyncStatusRow &r : rows) {
        table.append({QString::number(r.chainId), r.chainName, r.table, QString::number(r.productionRows),
                      r.globalRows ? QString::number(*r.globalRows) : Arborctl::tr("(per chain)"), numberOrDash(r.lastSyncedHeight),
                      numberOrDash(r.checkpoint), numberOrDash(r.lag)});
    }
    printTable({Arborctl::tr("ID"), Arborctl::tr("CHAIN"), Arborctl::tr("TABLE"), Arborctl::tr("ROWS"), Arborctl::tr("GLOBAL"),
                Arborctl::tr("SYNCED TO"), Arborctl::tr("INDEXED TO"), Arborctl::tr("LAG")},
               table);
}

/**
 * Runs an indexing engine for `chainId` until `done(engine)` reports true (checked after every
 * promotion and once at start). When another engine holds the lease, says who will do the work
 * and exits 0: the request is recorded and that engine serves it.
 */

} // namespace

int resyncCommand(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption chain(QStringLiteral("chain"), Arborctl::tr("The chain's name or id."), QStringLiteral("ID"));
    const QCommandLineOption table(QStringLiteral("table"), Arborctl::tr("Only this cross-chain table (default: all)."), QStringLiteral("T"));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Rebuild a chain's global rows from its production tables."),
                                                     {chain, table}}))
        return *exit;
    auto ref = chainOption(parser, chain);
    if (!ref)
        return fail(ref.error());
    const QString only = parser.value(table);
    return runWithEngine(inv, adminOptions(), [ref = *ref, only](Engine &engine, std::function<void(int)> finish) {
        then(engine.indexing()->resync(ref, only), &engine, [ref, only, finish](Status s) {
            if (!s) {
                Error e = s.error();
                if (e.field == u"table")
                    e.field = QStringLiteral("--table");
                finish(fail(e));
                return;
            }
            QTextStream(stdout) << (only.isEmpty() ? Arborctl::tr("Resynced the global tables of %1.").arg(ref.toString())
                                                   : Arborctl::tr("Resynced global %1 of %2.").arg(only, ref.toString()))
                                << Qt::endl;
            finish(ExitOk);
        });
    });
}

int syncStatusCommand(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json(QStringLiteral("json"), Arborctl::tr("Print JSON."));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Per chain and table: rows in production and global, last synced height, lag."),
                                                     {json}}))
        return *exit;
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [asJson](Engine &engine, std::function<void(int)> finish) {
        then(engine.indexing()->syncStatus(), &engine, [asJson, finish](Result<QList<SyncStatusRow>> rows) {
            if (!rows) {
                finish(fail(rows.error()));
                return;
            }
            printSyncStatus(*rows, asJson);
            finish(ExitOk);
        });
    });
}

} // namespace arbor::cli

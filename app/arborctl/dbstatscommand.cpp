#include "dbstatscommand.h"
#include "translation.h"

#include "engine/databaseservice.h"
#include "output.h"
#include "util/continuation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QTextStream>

namespace arbor::cli {
namespace {

// Every arborctl message is in the translation context "arborctl".
constexpr int DefaultStatementLimit = 10;
constexpr qsizetype StatementColumnWidth = 100;

QString bytesText(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString timeText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : Arborctl::tr("never");
}

QJsonValue numberOrNull(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue();
}

QJsonArray statementsToJson(const QList<SlowStatement> &statements)
{
    QJsonArray out;
    for (const SlowStatement &s : statements) {
        out.append(QJsonObject{
            {QStringLiteral("statement"), s.statement},
            {QStringLiteral("calls"), s.calls},
            {QStringLiteral("meanMs"), s.meanMs},
            {QStringLiteral("maxMs"), s.maxMs},
            {QStringLiteral("totalMs"), s.totalMs},
        });
    }
    return out;
}

QJsonObject statsToJson(const DatabaseStats &stats, const SlowStatements &statements)
{
    QJsonObject scopes;
    for (DatabaseScope scope : {DatabaseScope::Admin, DatabaseScope::Global, DatabaseScope::Chain}) {
        scopes.insert(databaseScopeName(scope), QJsonObject{{QStringLiteral("bytes"), stats.scopeBytes(scope)},
                                                            {QStringLiteral("rows"), stats.scopeRows(scope)}});
    }
    QJsonArray chains;
    for (const ChainSize &c : stats.chains) {
        chains.append(QJsonObject{
            {QStringLiteral("chainId"), c.chainId},
            {QStringLiteral("name"), c.name.isEmpty() ? QJsonValue() : QJsonValue(c.name)},
            {QStringLiteral("tables"), c.tables},
            {QStringLiteral("rows"), c.rows},
            {QStringLiteral("tableBytes"), c.tableBytes},
            {QStringLiteral("indexBytes"), c.indexBytes},
            {QStringLiteral("bytes"), c.bytes()},
            {QStringLiteral("deadRows"), stats.backend == Backend::Postgres ? QJsonValue(c.deadRows) : QJsonValue()},
        });
    }
    QJsonArray tables;
    for (const TableStats &t : stats.tables) {
        tables.append(QJsonObject{
            {QStringLiteral("name"), t.name},
            {QStringLiteral("scope"), databaseScopeName(t.scope)},
            {QStringLiteral("chainId"), t.scope == DatabaseScope::Chain ? QJsonValue(t.chainId) : QJsonValue()},
            {QStringLiteral("rows"), t.rows},
            {QStringLiteral("rowsEstimated"), t.rowsEstimated},
            {QStringLiteral("tableBytes"), t.tableBytes},
            {QStringLiteral("indexBytes"), t.indexBytes},
            {QStringLiteral("deadRows"), numberOrNull(t.deadRows)},
            {QStringLiteral("lastVacuum"), timestampToJson(t.lastVacuumMs)},
            {QStringLiteral("lastAnalyze"), timestampToJson(t.lastAnalyzeMs)},
        });
    }
    const bool sqlite = stats.backend == Backend::Sqlite;
    return {
        {QStringLiteral("backend"), sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
        {QStringLiteral("location"), stats.location},
        {QStringLiteral("serverVersion"), stats.serverVersion},
        {QStringLiteral("totalBytes"), stats.totalBytes},
        {QStringLiteral("freeBytes"), numberOrNull(stats.freeBytes)},
        {QStringLiteral("freePages"), sqlite ? QJsonValue(stats.freePages) : QJsonValue()},
        {QStringLiteral("pageSize"), sqlite ? QJsonValue(stats.pageSize) : QJsonValue()},
        {QStringLiteral("walBytes"), sqlite ? QJsonValue(stats.walBytes) : QJsonValue()},
        {QStringLiteral("deadRows"), sqlite ? QJsonValue() : QJsonValue(stats.deadRows)},
        {QStringLiteral("reclaimableBytes"), stats.reclaimableBytes()},
        {QStringLiteral("readAt"), timestampToJson(stats.readAt)},
        {QStringLiteral("readMs"), stats.readMs},
        {QStringLiteral("scopes"), scopes},
        {QStringLiteral("chains"), chains},
        {QStringLiteral("tables"), tables},
        {QStringLiteral("statements"), QJsonObject{
             {QStringLiteral("source"), slowStatementsSourceName(statements.source)},
             {QStringLiteral("note"), statements.note},
             {QStringLiteral("byMean"), statementsToJson(statements.byMean)},
             {QStringLiteral("byTotal"), statementsToJson(statements.byTotal)},
         }},
    };
}

QString shortened(const QString &statement)
{
    return statement.size() <= StatementColumnWidth ? statement : statement.left(StatementColumnWidth - 1) + QChar(0x2026);
}

QString msText(double ms)
{
    return QString::number(ms, 'f', ms < 10 ? 2 : 1);
}

void printStats(const DatabaseStats &stats, const SlowStatements &statements)
{
    QTextStream out(stdout);
    const bool postgres = stats.backend == Backend::Postgres;
    out << Arborctl::tr("Backend:   %1 (%2)").arg(postgres ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite"), stats.serverVersion) << Qt::endl;
    out << (postgres ? Arborctl::tr("Server:    %1").arg(stats.location) : Arborctl::tr("File:      %1").arg(stats.location)) << Qt::endl;
    out << Arborctl::tr("Total:     %1").arg(bytesText(stats.totalBytes)) << Qt::endl;
    if (postgres) {
        out << Arborctl::tr("Dead rows: %1 (about %2 that VACUUM makes reusable)").arg(stats.deadRows).arg(bytesText(stats.reclaimableBytes()))
            << Qt::endl;
    } else {
        out << Arborctl::tr("Free:      %1 (%2 free pages of %3)").arg(bytesText(stats.freeBytes.value_or(0))).arg(stats.freePages).arg(bytesText(stats.pageSize))
            << Qt::endl;
        out << Arborctl::tr("WAL:       %1").arg(bytesText(stats.walBytes)) << Qt::endl;
    }
    out << Qt::endl;

    QList<QStringList> scopes;
    const QStringList scopeNames{Arborctl::tr("admin"), Arborctl::tr("global"), Arborctl::tr("chains")};
    int i = 0;
    for (DatabaseScope scope : {DatabaseScope::Admin, DatabaseScope::Global, DatabaseScope::Chain})
        scopes.append({scopeNames[i++], QString::number(stats.scopeRows(scope)), bytesText(stats.scopeBytes(scope))});
    printTable({Arborctl::tr("SCOPE"), Arborctl::tr("ROWS"), Arborctl::tr("SIZE")}, scopes);
    out << Qt::endl;

    QList<QStringList> chains;
    for (const ChainSize &c : stats.chains) {
        QStringList row{QString::number(c.chainId), c.name.isEmpty() ? QStringLiteral("-") : c.name, QString::number(c.tables),
                        QString::number(c.rows), bytesText(c.tableBytes), bytesText(c.indexBytes), bytesText(c.bytes())};
        if (postgres)
            row.append(QString::number(c.deadRows));
        chains.append(row);
    }
    QStringList chainHeader{Arborctl::tr("CHAIN"), Arborctl::tr("NAME"), Arborctl::tr("TABLES"), Arborctl::tr("ROWS"),
                            Arborctl::tr("TABLE"), Arborctl::tr("INDEXES"), Arborctl::tr("TOTAL")};
    if (postgres)
        chainHeader.append(Arborctl::tr("DEAD ROWS"));
    if (chains.isEmpty())
        out << Arborctl::tr("No chain tables.") << Qt::endl;
    else
        printTable(chainHeader, chains);
    out << Qt::endl;

    QList<QStringList> tables;
    for (const TableStats &t : stats.tables) {
        QStringList row{t.name, databaseScopeName(t.scope), (t.rowsEstimated ? QStringLiteral("~") : QString()) + QString::number(t.rows),
                        bytesText(t.tableBytes), bytesText(t.indexBytes)};
        if (postgres)
            row << QString::number(t.deadRows.value_or(0)) << timeText(t.lastVacuumMs) << timeText(t.lastAnalyzeMs);
        tables.append(row);
    }
    QStringList tableHeader{Arborctl::tr("TABLE"), Arborctl::tr("SCOPE"), Arborctl::tr("ROWS"), Arborctl::tr("TABLE SIZE"), Arborctl::tr("INDEXES")};
    if (postgres)
        tableHeader << Arborctl::tr("DEAD ROWS") << Arborctl::tr("LAST VACUUM") << Arborctl::tr("LAST ANALYZE");
    printTable(tableHeader, tables);
    out << Qt::endl;

    out << Arborctl::tr("Slowest statements (%1). %2").arg(slowStatementsSourceName(statements.source), statements.note) << Qt::endl;
    if (statements.byMean.isEmpty()) {
        out << Arborctl::tr("No statement timings recorded yet: the engine that indexes writes them every minute.") << Qt::endl;
        return;
    }
    out << Qt::endl << Arborctl::tr("By mean time:") << Qt::endl;
    QList<QStringList> byMean;
    for (const SlowStatement &s : statements.byMean)
        byMean.append({msText(s.meanMs), msText(s.maxMs), QString::number(s.calls), shortened(s.statement)});
    printTable({Arborctl::tr("MEAN MS"), Arborctl::tr("MAX MS"), Arborctl::tr("CALLS"), Arborctl::tr("STATEMENT")}, byMean);
    out << Qt::endl << Arborctl::tr("By total time:") << Qt::endl;
    QList<QStringList> byTotal;
    for (const SlowStatement &s : statements.byTotal)
        byTotal.append({msText(s.totalMs), QString::number(s.calls), msText(s.meanMs), shortened(s.statement)});
    printTable({Arborctl::tr("TOTAL MS"), Arborctl::tr("CALLS"), Arborctl::tr("MEAN MS"), Arborctl::tr("STATEMENT")}, byTotal);
}

} // namespace

int dbStats(const Invocation &inv)
{
    QCommandLineParser parser;
    const QCommandLineOption json = jsonOption();
    const QCommandLineOption limit(QStringLiteral("limit"), Arborctl::tr("How many of the slowest statements to show (default %1).").arg(DefaultStatementLimit),
                                   QStringLiteral("N"));
    if (const auto exit = parseCommand(parser, inv, {Arborctl::tr("Sizes of the database per chain and table, free space, and the slowest statements."), {json, limit}}))
        return *exit;
    int statementLimit = DefaultStatementLimit;
    if (parser.isSet(limit)) {
        auto n = parseInteger(parser.value(limit), QStringLiteral("--limit"), 1, 1000);
        if (!n)
            return fail(n.error());
        statementLimit = int(*n);
    }
    const bool asJson = parser.isSet(json);
    return runWithEngine(inv, adminOptions(), [asJson, statementLimit](Engine &engine, std::function<void(int)> finish) {
        then(engine.database()->databaseStats(), &engine, [&engine, asJson, statementLimit, finish](Result<DatabaseStats> stats) {
            if (!stats) {
                finish(fail(stats.error()));
                return;
            }
            then(engine.database()->slowStatements(statementLimit), &engine, [asJson, finish, stats = *stats](Result<SlowStatements> statements) {
                if (!statements) {
                    finish(fail(statements.error()));
                    return;
                }
                if (asJson)
                    printJson(statsToJson(stats, *statements));
                else
                    printStats(stats, *statements);
                finish(ExitOk);
            });
        });
    });
}

} // namespace arbor::cli

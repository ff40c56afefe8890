#include "output.h"

#include "engine/recordedstatuses.h"
#include "model/urlsecrets.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace arbor::cli {

ChainStatus recordedStatus(const ChainRecord &chain)
{
    RecordedStatuses recorded;
    recorded.update({{chain, std::nullopt}}, QDateTime::currentMSecsSinceEpoch());
    return recorded.statuses().value(0);
}

QJsonObject endpointToJson(const EndpointRecord &e)
{
    QJsonObject o{
        {QStringLiteral("url"), urlsecrets::displayText(e.url)},
        {QStringLiteral("priority"), e.priority},
        {QStringLiteral("status"), endpointStatusToken(e.status)},
        {QStringLiteral("statusText"), endpointStatusText(e.status)},
    };
    o.insert(QStringLiteral("lastHeadAt"), e.lastHeadAt.isValid() ? timestampToJson(e.lastHeadAt.toMSecsSinceEpoch()) : QJsonValue());
    o.insert(QStringLiteral("latencyMs"), e.latencyMs ? QJsonValue(*e.latencyMs) : QJsonValue());
    o.insert(QStringLiteral("lastHead"), e.lastHead ? QJsonValue(*e.lastHead) : QJsonValue());
    o.insert(QStringLiteral("lastError"), e.lastError.isEmpty() ? QJsonValue() : QJsonValue(e.lastError));
    o.insert(QStringLiteral("clientVersion"), e.clientVersion.isEmpty() ? QJsonValue() : QJsonValue(e.clientVersion));
    o.insert(QStringLiteral("errorRate"), e.errorRate);
    o.insert(QStringLiteral("requests"), e.requests);
    o.insert(QStringLiteral("failures"), e.failures);
    o.insert(QStringLiteral("maxRequestsPerSecond"), e.maxRequestsPerSecond);
    const auto learned = [](auto value) { return value > 0 ? QJsonValue(value) : QJsonValue(); };
    o.insert(QStringLiteral("learnedRequestsPerSecond"), learned(e.limits.learnedRate));
    o.insert(QStringLiteral("maxBatch"), learned(e.limits.maxBatch));
    o.insert(QStringLiteral("logRangeLimit"), learned(e.limits.logRangeLimit));
    o.insert(QStringLiteral("logResultLimit"), learned(e.limits.logResultLimit));
    o.insert(QStringLiteral("servesHistory"), e.servesHistory ? QJsonValue(*e.servesHistory) : QJsonValue());
    o.insert(QStringLiteral("historyNote"), e.historyNote.isEmpty() ? QJsonValue() : QJsonValue(e.historyNote));
    // The bill: JSON-RPC calls by method (every process's), and units where the operator set a price.
    QJsonObject calls;
    for (auto it = e.calls.byMethod.cbegin(); it != e.calls.byMethod.cend(); ++it) {
        const auto units = e.prices.units(it.key(), it->calls);
        calls.insert(it.key(), QJsonObject{{QStringLiteral("calls"), it->calls},
                                           {QStringLiteral("failed"), it->failed},
                                           {QStringLiteral("computeUnits"), units ? QJsonValue(*units) : QJsonValue()}});
    }
    o.insert(QStringLiteral("calls"), calls);
    o.insert(QStringLiteral("callsTotal"), e.calls.total());
    o.insert(QStringLiteral("callsFailed"), e.calls.totalFailed());
    const auto units = e.prices.units(e.calls);
    o.insert(QStringLiteral("computeUnitsTotal"), units ? QJsonValue(*units) : QJsonValue());
    QJsonObject prices;
    for (auto it = e.prices.unitsPerCall.cbegin(); it != e.prices.unitsPerCall.cend(); ++it)
        prices.insert(it.key(), *it);
    o.insert(QStringLiteral("pricePerCall"), prices);
    return o;
}

/// {"mode": "events"|"every", "headersBackfill": {"from", "to", "next"} or null}
static QJsonObject blockStatsToJson(const ChainRecord &chain)
{
    QJsonValue backfill;
    if (chain.headerBackfill) {
        backfill = QJsonObject{{QStringLiteral("from"), chain.headerBackfill->from},
                               {QStringLiteral("to"), chain.headerBackfill->to},
                               {QStringLiteral("next"), chain.headerBackfill->next}};
    }
    return {{QStringLiteral("mode"), blockStatsName(chain.config.blockStats)}, {QStringLiteral("headersBackfill"), backfill}};
}

QString callsText(const EndpointRecord &e)
{
    if (e.calls.isEmpty())
        return {};
    const auto tr = [](const char *text) { return QCoreApplication::translate("arborctl", text); };
    QStringList methods;
    for (auto it = e.calls.byMethod.cbegin(); it != e.calls.byMethod.cend(); ++it)
        methods.append(it.key() + u' ' + QString::number(it->calls));
    QString text = e.calls.totalFailed() > 0 ? tr("%1 calls, %2 failed: %3").arg(e.calls.total()).arg(e.calls.totalFailed()).arg(methods.join(u", "))
                                             : tr("%1 calls: %2").arg(e.calls.total()).arg(methods.join(u", "));
    if (const auto units = e.prices.units(e.calls))
        text += QStringLiteral("; ") + tr("%1 compute units").arg(*units);
    return text;
}

QJsonObject chainToJson(const ChainRecord &chain)
{
    QJsonArray endpoints;
    for (const EndpointRecord &e : chain.endpoints)
        endpoints.append(endpointToJson(e));
    const ChainStatus status = recordedStatus(chain);
    const auto number = [](const std::optional<qint64> &v) { return v ? QJsonValue(*v) : QJsonValue(); };
    QJsonArray tokens;
    for (const Address &t : chain.config.tokens)
        tokens.append(t.toHex());
    QJsonArray tokenInfo;
    for (const TokenInfo &t : chain.tokens) {
        tokenInfo.append(QJsonObject{
            {QStringLiteral("address"), t.address.toHex()},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("symbol"), t.symbol},
            {QStringLiteral("decimals"), t.decimals ? QJsonValue(*t.decimals) : QJsonValue()},
            {QStringLiteral("deployBlock"), t.deployBlock ? QJsonValue(*t.deployBlock) : QJsonValue()},
            {QStringLiteral("deployBlockNote"), t.deployBlockNote.isEmpty() ? QJsonValue() : QJsonValue(t.deployBlockNote)},
            {QStringLiteral("balanceMode"), t.balanceMode ? QJsonValue(balanceModeName(*t.balanceMode)) : QJsonValue()},
            {QStringLiteral("balanceModeReason"), t.balanceModeReason.isEmpty() ? QJsonValue() : QJsonValue(t.balanceModeReason)},
        });
    }
    QJsonObject registries;
    for (const RegistryRef &r : chain.config.registries)
        registries.insert(registryKindName(r.kind), r.address.toHex());
    return {
        {QStringLiteral("chainId"), chain.config.chainId},
        {QStringLiteral("name"), chain.config.name},
        {QStringLiteral("state"), chainStateName(chain.state)},
        {QStringLiteral("startBlock"), chain.config.startBlock ? QJsonValue(*chain.config.startBlock) : QJsonValue()},
        {QStringLiteral("confirmations"), chain.config.confirmations},
        {QStringLiteral("pollIntervalMs"), chain.config.pollIntervalMs},
        {QStringLiteral("checkpointBlock"), chain.checkpointBlock ? QJsonValue(*chain.checkpointBlock) : QJsonValue()},
        {QStringLiteral("head"), number(status.head)},
        {QStringLiteral("headUnknownSince"), status.headUnknown ? timestampToJson(status.headSeenAtMs) : QJsonValue()},
        {QStringLiteral("lag"), number(status.lag())},
        {QStringLiteral("lagSeconds"), number(status.lagSeconds(QDateTime::currentSecsSinceEpoch()))},
        {QStringLiteral("createdAt"), chain.createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("endpoints"), endpoints},
        {QStringLiteral("tokens"), tokens},
        {QStringLiteral("tokenInfo"), tokenInfo},
        {QStringLiteral("erc8004"), registries},
        {QStringLiteral("blockStats"), blockStatsToJson(chain)},
        // Events per block in the sample `chain add` took: how wide the first eth_getLogs go.
        {QStringLiteral("sampledEventsPerBlock"), chain.sampledLogsPerBlock ? QJsonValue(*chain.sampledLogsPerBlock) : QJsonValue()},
    };
}

QJsonObject migrationStatusToJson(const MigrationStatus &status)
{
    QJsonArray list;
    for (const MigrationState &m : status.migrations) {
        list.append(QJsonObject{
            {QStringLiteral("version"), m.version},
            {QStringLiteral("name"), m.name},
            {QStringLiteral("applied"), m.applied},
            {QStringLiteral("appliedAt"), m.appliedAt.isEmpty() ? QJsonValue() : QJsonValue(m.appliedAt)},
            {QStringLiteral("problem"), m.problem.isEmpty() ? QJsonValue() : QJsonValue(m.problem)},
        });
    }
    return {
        {QStringLiteral("databaseVersion"), status.databaseVersion},
        {QStringLiteral("binaryVersion"), status.binaryVersion},
        {QStringLiteral("pending"), status.pendingCount()},
        {QStringLiteral("ok"), status.ok()},
        {QStringLiteral("migrations"), list},
    };
}

QJsonValue timestampToJson(qint64 ms)
{
    if (ms <= 0)
        return QJsonValue();
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QJsonObject tokenBalanceToJson(const TokenBalance &b)
{
    return {
        {QStringLiteral("chainId"), b.chainId},
        {QStringLiteral("chain"), b.chainName},
        {QStringLiteral("token"), b.token.toHex()},
        {QStringLiteral("symbol"), b.symbol},
        {QStringLiteral("name"), b.tokenName},
        {QStringLiteral("decimals"), b.decimals ? QJsonValue(*b.decimals) : QJsonValue()},
        {QStringLiteral("holder"), b.holder.toHex()},
        {QStringLiteral("balance"), u256::toDecimal(b.balance)},
        {QStringLiteral("formatted"), b.formatted()},
        {QStringLiteral("lastBlock"), b.lastBlock},
        {QStringLiteral("updatedAt"), timestampToJson(b.updatedAt)},
    };
}

QJsonObject queueHealthToJson(const QueueHealth &h)
{
    QJsonArray problems;
    for (const TokenProblem &p : h.problems) {
        problems.append(QJsonObject{
            {QStringLiteral("token"), p.token.toHex()},
            {QStringLiteral("symbol"), p.symbol},
            {QStringLiteral("message"), p.message},
            {QStringLiteral("fix"), p.fix},
            {QStringLiteral("since"), timestampToJson(p.since)},
            {QStringLiteral("lastSeen"), timestampToJson(p.lastSeen)},
            {QStringLiteral("waitingItems"), p.waitingItems},
        });
    }
    return {
        {QStringLiteral("chainId"), h.chainId},
        {QStringLiteral("chain"), h.chainName},
        {QStringLiteral("status"), queueStatusName(h.status)},
        {QStringLiteral("pending"), h.pending},
        {QStringLiteral("processing"), h.processing},
        {QStringLiteral("failed"), h.failed},
        {QStringLiteral("completedLastHour"), h.completedLastHour},
        {QStringLiteral("completedLastMinute"), h.completedLastMinute},
        {QStringLiteral("errorsLastHour"), h.errorsLastHour},
        {QStringLiteral("avgProcessingMs"), h.avgProcessingMs},
        {QStringLiteral("throughputPerSecond"), h.throughputPerSecond()},
        {QStringLiteral("oldestPendingAgeMs"), h.oldestPendingAgeMs},
        {QStringLiteral("sampledAt"), timestampToJson(h.sampledAt)},
        {QStringLiteral("problems"), problems},
    };
}

QJsonObject queueConfigToJson(const QueueConfig &c, const QString &chainName)
{
    return {
        {QStringLiteral("chainId"), c.chainId},
        {QStringLiteral("chain"), chainName},
        {QStringLiteral("enabled"), c.enabled},
        {QStringLiteral("batchSize"), c.batchSize},
        {QStringLiteral("intervalMs"), c.intervalMs},
        {QStringLiteral("maxRetries"), c.maxRetries},
        {QStringLiteral("retryBackoffMs"), c.retryBackoffMs},
        {QStringLiteral("boostAfterMs"), c.boostAfterMs},
        {QStringLiteral("boostBy"), c.boostBy},
        {QStringLiteral("highLoadPending"), c.highLoadPending},
        {QStringLiteral("delayedAfterMs"), c.delayedAfterMs},
        {QStringLiteral("errorsPerHour"), c.errorsPerHour},
    };
}

QJsonObject queueRunStatsToJson(const QueueRunStats &s)
{
    return {
        {QStringLiteral("claimed"), s.claimed},
        {QStringLiteral("completed"), s.completed},
        {QStringLiteral("retried"), s.retried},
        {QStringLiteral("failed"), s.failed},
        {QStringLiteral("reclaimed"), s.reclaimed},
        {QStringLiteral("heldBack"), s.heldBack},
    };
}

void printTable(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths.append(h.size());
    for (const QStringList &r : rows) {
        for (qsizetype i = 0; i < r.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], r[i].size());
    }
    QTextStream out(stdout);
    auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i)
            text += (i + 1 < cells.size() ? cells[i].leftJustified(widths[i] + 2) : cells[i]);
        out << text << Qt::endl;
    };
    line(header);
    for (const QStringList &r : rows)
        line(r);
}

void printJson(const QJsonValue &value)
{
    QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    QTextStream(stdout) << doc.toJson(QJsonDocument::Indented);
}

} // namespace arbor::cli

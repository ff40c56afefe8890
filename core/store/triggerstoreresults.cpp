// TriggerStore: what the delivery log and the Triggers page's charts read.

#include "store/triggerstore.h"

#include <QMap>

namespace arbor {

Result<QList<ActionResult>> TriggerStore::results(const ResultFilter &filter)
{
    QString where = QStringLiteral("1 = 1");
    QVariantList params;
    if (filter.source) {
        where += QLatin1String(" AND r.source = ?");
        params.append(deliverySourceName(*filter.source));
    }
    if (filter.triggerId) {
        where += QLatin1String(" AND r.trigger_id = ?");
        params.append(*filter.triggerId);
    }
    if (filter.alertRuleId) {
        where += QLatin1String(" AND r.alert_rule_id = ?");
        params.append(*filter.alertRuleId);
    }
    if (filter.status) {
        where += QLatin1String(" AND r.status = ?");
        params.append(deliveryStatusName(*filter.status));
    }
    if (filter.actionType) {
        where += QLatin1String(" AND r.action_type = ?");
        params.append(actionTypeName(*filter.actionType));
    }
    if (!filter.deliveryId.isEmpty()) {
        where += QLatin1String(" AND r.delivery_id = ?");
        params.append(filter.deliveryId);
    }
    if (filter.beforeId > 0) {
        where += QLatin1String(" AND r.id < ?");
        params.append(filter.beforeId);
    }
    params.append(std::clamp(filter.limit, 1, 10000));
    auto rows = m_store.query(QLatin1String("SELECT r.id, r.delivery_id, COALESCE(r.trigger_id, r.alert_rule_id), COALESCE(t.name, ar.name), r.action_id, "
                                            "r.action_type, r.chain_id, r.block_number, r.tx_hash, r.log_index, r.status, r.attempt, r.http_status, "
                                            "r.duration_ms, r.error, r.response_excerpt, r.is_test, r.at, r.source FROM ")
                                  + m_store.admin("action_results") + QLatin1String(" r LEFT JOIN ") + m_store.admin("triggers")
                                  + QLatin1String(" t ON t.id = r.trigger_id LEFT JOIN ") + m_store.admin("alert_rules")
                                  + QLatin1String(" ar ON ar.id = r.alert_rule_id WHERE ") + where
                                  + QLatin1String(" ORDER BY r.id DESC LIMIT ?"),
                              params);
    if (!rows)
        return rows.error();
    QList<ActionResult> out;
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        ActionResult a;
        a.id = r[0].toLongLong();
        a.deliveryId = r[1].toString();
        a.subjectId = r[2].toLongLong();
        a.subjectName = r[3].toString();
        a.actionId = r[4].toLongLong();
        a.actionType = actionTypeFromName(r[5].toString()).value_or(ActionType::Rest);
        a.chainId = r[6].toLongLong();
        a.blockNumber = r[7].toLongLong();
        a.txHash = Hash::fromBytes(r[8].toByteArray()).value_or(Hash());
        a.logIndex = r[9].toLongLong();
        a.status = deliveryStatusFromName(r[10].toString()).value_or(DeliveryStatus::Failed);
        a.attempt = r[11].toInt();
        if (!r[12].isNull())
            a.httpStatus = r[12].toInt();
        if (!r[13].isNull())
            a.durationMs = r[13].toLongLong();
        a.error = r[14].toString();
        a.responseExcerpt = r[15].toString();
        a.isTest = r[16].toBool();
        a.at = r[17].toLongLong();
        a.source = deliverySourceFromName(r[18].toString());
        out.append(a);
    }
    return out;
}

Result<QList<DeliveryMinute>> TriggerStore::deliveriesPerMinute(qint64 sinceMs)
{
    // Grouped by duration bucket in the database: a minute is a few dozen rows whatever the rate.
    auto rows = m_store.query(QLatin1String("SELECT at / 60000, status, duration_bucket, COUNT(*) FROM ") + m_store.admin("action_results")
                                  + QLatin1String(" WHERE at >= ? GROUP BY at / 60000, status, duration_bucket"),
                              {sinceMs});
    if (!rows)
        return rows.error();
    QMap<qint64, DeliveryMinute> minutes;
    QMap<qint64, QList<qint64>> buckets;
    for (const SqlRow &r : *rows) {
        const qint64 minute = r[0].toLongLong() * 60000;
        const qint64 n = r[3].toLongLong();
        DeliveryMinute &m = minutes[minute];
        m.minute = minute;
        switch (deliveryStatusFromName(r[1].toString()).value_or(DeliveryStatus::Failed)) {
        case DeliveryStatus::Success:
            m.success += n;
            break;
        case DeliveryStatus::Retrying:
            m.retrying += n;
            break;
        case DeliveryStatus::Cancelled:
            m.cancelled += n;
            break;
        default:
            m.failed += n;
            break;
        }
        if (r[2].isNull())
            continue;   // cancellations and payloads never sent take no time
        QList<qint64> &b = buckets[minute];
        if (b.isEmpty())
            b = QList<qint64>(DurationBuckets, 0);
        b[std::clamp(r[2].toInt(), 0, DurationBuckets - 1)] += n;
    }
    QList<DeliveryMinute> out;
    for (auto it = minutes.begin(); it != minutes.end(); ++it) {
        it->p95Ms = bucketPercentile(buckets.value(it.key()), 0.95);
        out.append(*it);
    }
    return out;
}

namespace {

void addDeliveryCount(DeliveryCounts &c, const QString &status, qint64 n)
{
    switch (deliveryStatusFromName(status).value_or(DeliveryStatus::Failed)) {
    case DeliveryStatus::Pending:
        c.pending += n;
        break;
    case DeliveryStatus::Retrying:
        c.retrying += n;
        break;
    case DeliveryStatus::Success:
        c.success += n;
        break;
    case DeliveryStatus::Failed:
        c.failed += n;
        break;
    case DeliveryStatus::Cancelled:
        c.cancelled += n;
        break;
    }
}

} // namespace

Result<DeliveryCounts> TriggerStore::deliveryCounts(std::optional<qint64> triggerId)
{
    QString sql = QLatin1String("SELECT status, COUNT(*) FROM ") + m_store.admin("trigger_deliveries");
    QVariantList params;
    if (triggerId) {
        sql += QLatin1String(" WHERE trigger_id = ?");
        params.append(*triggerId);
    }
    auto rows = m_store.query(sql + QLatin1String(" GROUP BY status"), params);
    if (!rows)
        return rows.error();
    DeliveryCounts c;
    for (const SqlRow &r : *rows)
        addDeliveryCount(c, r[0].toString(), r[1].toLongLong());
    return c;
}

Result<QHash<qint64, DeliveryCounts>> TriggerStore::deliveryCountsByChain()
{
    auto rows = m_store.query(QLatin1String("SELECT chain_id, status, COUNT(*) FROM ") + m_store.admin("trigger_deliveries")
                              + QLatin1String(" GROUP BY chain_id, status"));
    if (!rows)
        return rows.error();
    QHash<qint64, DeliveryCounts> counts;
    for (const SqlRow &r : *rows)
        addDeliveryCount(counts[r[0].toLongLong()], r[1].toString(), r[2].toLongLong());
    return counts;
}

Result<QList<ActionMetricsHour>> TriggerStore::actionMetrics(qint64 sinceMs)
{
    auto rows = m_store.query(QLatin1String("SELECT hour, action_type, total, success, failure, duration_sum_ms, duration_max_ms, p95_ms FROM ")
                                  + m_store.admin("action_metrics_hourly") + QLatin1String(" WHERE hour >= ? ORDER BY hour, action_type"),
                              {sinceMs});
    if (!rows)
        return rows.error();
    QList<ActionMetricsHour> out;
    for (const SqlRow &r : *rows) {
        ActionMetricsHour m;
        m.hour = r[0].toLongLong();
        m.actionType = actionTypeFromName(r[1].toString()).value_or(ActionType::Rest);
        m.total = r[2].toLongLong();
        m.success = r[3].toLongLong();
        m.failure = r[4].toLongLong();
        m.averageMs = m.total > 0 ? double(r[5].toLongLong()) / double(m.total) : 0;
        m.maxMs = r[6].toLongLong();
        if (!r[7].isNull())
            m.p95Ms = r[7].toLongLong();
        out.append(m);
    }
    return out;
}

} // namespace arbor

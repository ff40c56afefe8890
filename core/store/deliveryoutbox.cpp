#include "store/deliveryoutbox.h"

#include "store/triggerstore.h"

namespace arbor {

namespace {

const char *const SubjectColumns = "source, trigger_id, alert_rule_id";

/// (source, trigger_id, alert_rule_id) of a subject, in SubjectColumns order.
QVariantList subjectValues(const DeliverySubject &subject)
{
    const bool alert = subject.source == DeliverySource::Alert;
    return {deliverySourceName(subject.source), alert ? QVariant() : QVariant(subject.id), alert ? QVariant(subject.id) : QVariant()};
}

/// The action_results columns addResult() and addResults() write, in resultValues() order.
const char *const ResultColumns = "delivery_id, source, trigger_id, alert_rule_id, action_id, action_type, chain_id, block_number, tx_hash, "
                                  "log_index, status, attempt, http_status, duration_ms, duration_bucket, error, response_excerpt, is_test, at";

QVariantList resultValues(const OutboxResult &r)
{
    return QVariantList{r.deliveryId} + subjectValues(r.subject)
        + QVariantList{r.actionId, actionTypeName(r.actionType), r.chainId, r.blockNumber, r.txHash, r.logIndex, deliveryStatusName(r.status),
                       r.attempt, r.httpStatus ? QVariant(*r.httpStatus) : QVariant(), r.durationMs ? QVariant(*r.durationMs) : QVariant(),
                       r.durationMs ? QVariant(TriggerStore::durationBucket(*r.durationMs)) : QVariant(),
                       r.error.isEmpty() ? QVariant() : QVariant(r.error), r.responseExcerpt.isEmpty() ? QVariant() : QVariant(r.responseExcerpt),
                       r.isTest, r.at};
}

} // namespace

Status DeliveryOutbox::check(const QString &deliveryId, const DeliverySubject &subject, qint64 actionId) const
{
    if (deliveryId.isEmpty())
        return Error::invalid(QStringLiteral("delivery"), tr("An outbox row needs a delivery id."));
    if (subject.id <= 0)
        return Error::invalid(subject.source == DeliverySource::Alert ? QStringLiteral("rule") : QStringLiteral("trigger"),
                              tr("Delivery %1 names no %2: give the id of the %2 it is for.")
                                  .arg(deliveryId, subject.source == DeliverySource::Alert ? tr("alert rule") : tr("trigger")));
    if (actionId <= 0)
        return Error::invalid(QStringLiteral("action"), tr("Delivery %1 names no action: give the id of the action that sends it.").arg(deliveryId));
    return {};
}

Result<bool> DeliveryOutbox::add(const OutboxDelivery &d)
{
    auto written = addAll({d});
    if (!written)
        return written.error();
    return *written > 0;
}

Result<qint64> DeliveryOutbox::addAll(const QList<OutboxDelivery> &deliveries)
{
    QList<const OutboxDelivery *> rows;   // each id once, the first kept
    rows.reserve(deliveries.size());
    QSet<QString> ids;
    for (const OutboxDelivery &d : deliveries) {
        if (Status c = check(d.id, d.subject, d.actionId); !c)
            return c.error();
        if (!ids.contains(d.id)) {
            ids.insert(d.id);
            rows.append(&d);
        }
    }
    const qint64 now = m_store.now();
    // Any other existing row stays as it is. The delivery of a disabled action is held from
    // the start (a test is sent regardless): the flag before the EXISTS says whether it may be.
    const QString row = QLatin1String("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? = 1 AND EXISTS (SELECT 1 FROM ")
        + m_store.admin("action_health") + QLatin1String(" WHERE source = ? AND action_id = ? AND state = 'disabled') THEN 1 ELSE 0 END)");
    const QString head = QLatin1String("INSERT INTO ") + m_store.admin("trigger_deliveries") + QLatin1String(" AS d (id, ") + QLatin1String(SubjectColumns)
        + QLatin1String(", action_id, action_type, priority, chain_id, block_number, log_index, tx_hash, event, payload, target, status, attempts, "
                        "next_attempt_at, last_error, is_test, replay, created_at, updated_at, finished_at, held) VALUES ");
    const QString tail = QLatin1String(" ON CONFLICT (id) DO UPDATE SET block_number = excluded.block_number, event = excluded.event, "
                                       "payload = excluded.payload, target = excluded.target, status = excluded.status, "
                                       "next_attempt_at = excluded.next_attempt_at, last_error = excluded.last_error, reorged_at = NULL, "
                                       "claimed_by = NULL, claimed_until = NULL, replay = excluded.replay, updated_at = excluded.updated_at, "
                                       "finished_at = excluded.finished_at, held = excluded.held, schedule_from = d.attempts "
                                       "WHERE d.reorged_at IS NOT NULL RETURNING id");
    qint64 written = 0;
    Status s = m_store.transaction([&]() -> Status {
        QSet<QString> writtenIds;
        // A few statement shapes only (64, 16, 4 and 1 rows), so each is prepared once.
        qsizetype next = 0;
        for (const qsizetype chunk : {64, 16, 4, 1}) {
            for (; rows.size() - next >= chunk; next += chunk) {
                QString sql = head;
                QVariantList params;
                params.reserve(chunk * 26);
                for (qsizetype i = 0; i < chunk; ++i) {
                    const OutboxDelivery &d = *rows[next + i];
                    const bool sendable = d.rendered.ok();
                    if (i > 0)
                        sql += QLatin1String(", ");
                    sql += row;
                    params << d.id << subjectValues(d.subject)
                           << QVariantList{d.actionId, actionTypeName(d.actionType), d.priority, d.chainId, d.blockNumber, d.logIndex, d.txHash, d.event,
                                           sendable ? d.rendered->body : QByteArray(),
                                           sendable && !d.rendered->target.isEmpty() ? QVariant(d.rendered->target) : QVariant(),
                                           deliveryStatusName(sendable ? DeliveryStatus::Pending : DeliveryStatus::Failed), now,
                                           sendable ? QVariant() : QVariant(d.rendered.error().toString()), d.isTest, d.replay, now, now,
                                           sendable ? QVariant() : QVariant(now), sendable && !d.isTest ? 1 : 0,
                                           deliverySourceName(d.subject.source), d.actionId};
                }
                auto ids = m_store.query(sql + tail, params);
                if (!ids)
                    return ids.error();
                for (const SqlRow &r : std::as_const(*ids))
                    writtenIds.insert(r[0].toString());
            }
        }
        written = writtenIds.size();
        // Never sent: the log shows why, at attempt 0.
        QList<OutboxResult> results;
        for (const OutboxDelivery *d : std::as_const(rows)) {
            if (d->rendered.ok() || !writtenIds.contains(d->id))
                continue;
            OutboxResult r;
            r.deliveryId = d->id;
            r.subject = d->subject;
            r.actionId = d->actionId;
            r.actionType = d->actionType;
            r.chainId = d->chainId;
            r.blockNumber = d->blockNumber;
            r.txHash = d->txHash;
            r.logIndex = d->logIndex;
            r.status = DeliveryStatus::Failed;
            r.error = d->rendered.error().toString();
            r.isTest = d->isTest;
            r.at = now;
            results.append(r);
        }
        return addResults(results);
    });
    if (!s)
        return s.error();
    return written;
}

Status DeliveryOutbox::checkResult(const OutboxResult &r) const
{
    if (Status c = check(r.deliveryId, r.subject, r.actionId); !c)
        return c;
    if (r.status == DeliveryStatus::Pending)
        return Error::invalid(QStringLiteral("status"), tr("A result of delivery %1 is success, failed, retrying or cancelled, never pending.").arg(r.deliveryId));
    return {};
}

Status DeliveryOutbox::addResult(const OutboxResult &r)
{
    if (Status c = checkResult(r); !c)
        return c;
    return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("action_results") + QLatin1String(" (") + QLatin1String(ResultColumns)
                            + QLatin1String(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                        resultValues(r));
}

Status DeliveryOutbox::addResults(const QList<OutboxResult> &results)
{
    if (results.size() == 1)
        return addResult(results.first());   // one INSERT: a COPY costs PostgreSQL more round trips
    QList<SqlRow> rows;
    rows.reserve(results.size());
    for (const OutboxResult &r : results) {
        if (Status c = checkResult(r); !c)
            return c;
        rows.append(resultValues(r));
    }
    return m_store.bulkInsert(m_store.admin("action_results"), QString::fromLatin1(ResultColumns).split(QLatin1String(", ")), rows);
}

Result<qint64> DeliveryOutbox::cancel(const QString &where, const QVariantList &params, const QString &reason, std::optional<qint64> reorgBlock)
{
    const QString deliveries = m_store.admin("trigger_deliveries");
    const QString open = QLatin1String(" WHERE status IN ('pending', 'retrying') AND (") + where + u')';
    const qint64 now = m_store.now();
    qint64 cancelled = 0;
    Status s = m_store.transaction([&]() -> Status {
        // One statement for however many rows (a reorg may cancel thousands); the columns are
        // addResult()'s, copied from each row.
        if (Status e = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("action_results") + QLatin1String(" (delivery_id, ")
                                        + QLatin1String(SubjectColumns)
                                        + QLatin1String(", action_id, action_type, chain_id, block_number, tx_hash, log_index, status, attempt, error, "
                                                        "is_test, at) SELECT id, ")
                                        + QLatin1String(SubjectColumns)
                                        + QLatin1String(", action_id, action_type, chain_id, block_number, tx_hash, log_index, 'cancelled', attempts, ?, "
                                                        "is_test, ? FROM ")
                                        + deliveries + open,
                                    QVariantList{reason, now} + params);
            !e)
            return e;
        auto rows = m_store.query(QLatin1String("UPDATE ") + deliveries
                                      + QLatin1String(" SET status = 'cancelled', last_error = ?, reorged_at = ?, claimed_by = NULL, claimed_until = NULL, "
                                                      "updated_at = ?, finished_at = ?")
                                      + open + QLatin1String(" RETURNING id"),
                                  QVariantList{reason, reorgBlock ? QVariant(*reorgBlock) : QVariant(), now, now} + params);
        if (!rows)
            return rows.error();
        cancelled = rows->size();
        return {};
    });
    if (!s)
        return s.error();
    return cancelled;
}

} // namespace arbor

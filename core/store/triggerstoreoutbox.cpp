// TriggerStore: the delivery outbox. Evaluation and alert rules fill it through DeliveryOutbox;
// workers claim due rows, send, and record each attempt here.

#include "store/triggerstore.h"

#include "store/actionstore.h"
#include "store/deliveryoutbox.h"
#include "store/triggerstorerows.h"

#include <QHash>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <limits>

namespace arbor {

using namespace triggerrows;

namespace {

constexpr qint64 HourMs = 3600 * 1000;
const char *const ClaimOrder = "next_attempt_at, chain_id, block_number, log_index, priority";

// SQLite, without statistics, prefers the (status, next_attempt_at) index for `status IN (…)`
// and reads every open row; the partial indexes hold only the rows these queries want, the
// claim index in claim order. PostgreSQL's planner has statistics.
QString indexedBy(const Store &store, const char *index)
{
    return store.backend() == Backend::Sqlite ? QLatin1String(" INDEXED BY ") + QLatin1String(index) : QString();
}

// A delivery's trigger and action, or its alert rule and rule action: t, a, r, ra. A row names
// one of the two (trigger_id or alert_rule_id); the other pair stays NULL.
QString ownerJoins(const Store &store)
{
    return QLatin1String(" LEFT JOIN ") + store.admin("triggers") + QLatin1String(" t ON t.id = d.trigger_id")
        + QLatin1String(" LEFT JOIN ") + store.admin("trigger_actions") + QLatin1String(" a ON a.id = d.action_id AND a.trigger_id = d.trigger_id")
        + QLatin1String(" LEFT JOIN ") + store.admin("alert_rules") + QLatin1String(" r ON r.id = d.alert_rule_id")
        + QLatin1String(" LEFT JOIN ") + store.admin("alert_rule_actions")
        + QLatin1String(" ra ON ra.id = d.action_id AND ra.rule_id = d.alert_rule_id");
}

QString claimIndex(const Store &store)
{
    return indexedBy(store, "arbor_trigger_deliveries_claim");
}

QList<qint64> parseHistogram(const QString &text)
{
    QList<qint64> counts(TriggerStore::DurationBuckets, 0);
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < parts.size() && i < counts.size(); ++i)
        counts[i] = parts[i].toLongLong();
    return counts;
}

QString histogramText(const QList<qint64> &counts)
{
    qsizetype used = counts.size();
    while (used > 0 && counts[used - 1] == 0)
        --used;
    QStringList parts;
    for (qsizetype i = 0; i < used; ++i)
        parts.append(QString::number(counts[i]));
    return parts.join(u',');
}

} // namespace

std::optional<qint64> TriggerStore::bucketPercentile(const QList<qint64> &counts, double quantile)
{
    qint64 total = 0;
    for (qint64 c : counts)
        total += c;
    if (total == 0)
        return std::nullopt;
    const qint64 rank = std::max<qint64>(1, qint64(std::ceil(quantile * double(total))));
    qint64 seen = 0;
    for (qsizetype b = 0; b < counts.size(); ++b) {
        seen += counts[b];
        if (seen >= rank)
            return bucketValue(int(b));
    }
    return bucketValue(int(counts.size()) - 1);
}

// --- claiming ------------------------------------------------------------------------------

Result<QList<ClaimedDelivery>> TriggerStore::claimDue(const QString &holder, qint64 nowMs, int limit, qint64 leaseMs)
{
    if (limit < 1)
        return Error::invalid(QStringLiteral("limit"), tr("A claim needs a batch size of at least 1."));
    if (holder.isEmpty())
        return Error::invalid(QStringLiteral("holder"), tr("A claim needs the name of its holder."));
    const QString table = m_store.admin("trigger_deliveries");
    const qint64 until = nowMs + std::max<qint64>(leaseMs, 1);
    QList<ClaimedDelivery> out;
    Status s = m_store.transaction([&]() -> Status {
        // As for the balance queue: PostgreSQL locks the chosen rows in a materialised CTE and
        // skips rows another claim holds; SQLite claims under its one write lock.
        const QString choose = QLatin1String("SELECT id FROM ") + table + claimIndex(m_store)
            + QLatin1String(" WHERE status IN ('pending', 'retrying') AND held = 0 AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY ")
            + QLatin1String(ClaimOrder) + QLatin1String(" LIMIT ?");
        const bool pg = m_store.backend() == Backend::Postgres;
        auto claimed = pg ? m_store.query(QLatin1String("WITH chosen AS MATERIALIZED (") + choose + QLatin1String(" FOR UPDATE SKIP LOCKED) UPDATE ") + table
                                              + QLatin1String(" d SET claimed_by = ?, claimed_until = ?, updated_at = ? FROM chosen WHERE d.id = chosen.id RETURNING d.id"),
                                          {nowMs, nowMs, limit, holder, until, nowMs})
                          : m_store.query(QLatin1String("UPDATE ") + table + QLatin1String(" SET claimed_by = ?, claimed_until = ?, updated_at = ? WHERE id IN (")
                                              + choose + QLatin1String(") RETURNING id"),
                                          {holder, until, nowMs, nowMs, nowMs, limit});
        if (!claimed)
            return claimed.error();
        if (claimed->isEmpty())
            return {};
        QVariantList ids;
        for (const SqlRow &r : *claimed)
            ids.append(r[0]);
        auto rows = m_store.query(QLatin1String("SELECT d.id, COALESCE(d.trigger_id, d.alert_rule_id), COALESCE(t.name, r.name), d.chain_id, d.action_id, "
                                                "COALESCE(a.config, ra.config), d.payload, d.target, d.event, d.block_number, d.log_index, d.tx_hash, "
                                                "d.attempts, d.is_test, d.replay, d.created_at, d.source, d.schedule_from FROM ")
                                      + table + QLatin1String(" d") + ownerJoins(m_store) + QLatin1String(" WHERE d.id IN (")
                                      + placeholders(ids.size()) + QLatin1String(") ORDER BY d.next_attempt_at, d.chain_id, d.block_number, d.log_index, d.priority"),
                                  ids);
        if (!rows)
            return rows.error();
        for (const SqlRow &r : *rows) {
            const QString id = r[0].toString();
            auto action = r[5].isNull() ? Result<Action>(Error::notFound(QStringLiteral("action"), QStringLiteral("the action no longer exists")))
                                        : parseAction(jsonObject(r[5]), QStringLiteral("action"));
            auto tx = Hash::fromBytes(r[11].toByteArray(), QStringLiteral("trigger_deliveries.tx_hash"));
            if (r[2].isNull() || !action || !tx) {
                // Nothing can send it any more: say why instead of leaving it due forever.
                const bool alert = r[16].toString() == u"alert";
                const QString reason = r[2].isNull() ? (alert ? QStringLiteral("the alert rule no longer exists") : QStringLiteral("the trigger no longer exists"))
                    : !action                        ? action.error().message
                                                     : tx.error().toString();
                if (auto c = DeliveryOutbox(m_store).cancel(QStringLiteral("id = ?"), {id}, reason); !c)
                    return c.error();
                continue;
            }
            ClaimedDelivery d;
            d.id = id;
            d.subjectId = r[1].toLongLong();
            d.subjectName = r[2].toString();
            d.chainId = r[3].toLongLong();
            d.action = *action;
            d.action.id = r[4].toLongLong();
            d.payload = r[6].toByteArray();
            d.target = r[7].toString();
            d.event = jsonObject(r[8]);
            d.blockNumber = r[9].toLongLong();
            d.logIndex = r[10].toLongLong();
            d.txHash = *tx;
            d.attempts = r[12].toInt();
            d.scheduleFrom = r[17].toInt();
            d.isTest = r[13].toBool();
            d.replay = r[14].toBool();
            d.createdAt = r[15].toLongLong();
            d.source = deliverySourceFromName(r[16].toString());
            d.claimedUntil = until;
            out.append(d);
        }
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

Result<qint64> TriggerStore::releaseClaims(const QString &holder, const QStringList &deliveryIds)
{
    qint64 released = 0;
    Status s = m_store.transaction([&]() -> Status {
        for (const QString &id : deliveryIds) {
            auto rows = m_store.query(QLatin1String("UPDATE ") + m_store.admin("trigger_deliveries")
                                          + QLatin1String(" SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ? RETURNING id"),
                                      {id, holder});
            if (!rows)
                return rows.error();
            released += rows->size();
        }
        return {};
    });
    if (!s)
        return s.error();
    return released;
}

Result<qint64> TriggerStore::releaseClaims(const QString &holder)
{
    const bool orphans = holder.isEmpty();
    QVariantList params{holder};
    if (orphans) {
        auto now = m_store.databaseNow();
        if (!now)
            return now.error();
        params = {*now};
    }
    // Orphans: claims of no live engine (one that crashed mid-send, or stalled past its lease);
    // a live engine's claims are its own to finish.
    auto rows = m_store.query(QLatin1String("UPDATE ") + m_store.admin("trigger_deliveries")
                                  + QLatin1String(" SET claimed_by = NULL, claimed_until = NULL WHERE ")
                                  + (orphans ? QString(QLatin1String("claimed_by IS NOT NULL AND claimed_by NOT IN (SELECT token FROM ") + m_store.admin("engines")
                                                           + QLatin1String(" WHERE heartbeat_at + lease_ms >= ?)"))
                                             : QStringLiteral("claimed_by = ?"))
                                  + QLatin1String(" RETURNING id"),
                              params);
    if (!rows)
        return rows.error();
    return qint64(rows->size());
}

Result<std::optional<qint64>> TriggerStore::nextDueAt()
{
    // Unclaimed rows in the claim index's order, and the few claimed ones (due when their claim
    // lapses): two index reads, however long the outbox.
    const QString table = m_store.admin("trigger_deliveries");
    auto free = m_store.query(QLatin1String("SELECT next_attempt_at FROM ") + table + claimIndex(m_store)
                                  + QLatin1String(" WHERE status IN ('pending', 'retrying') AND held = 0 AND claimed_by IS NULL ORDER BY ") + QLatin1String(ClaimOrder)
                                  + QLatin1String(" LIMIT 1"));
    if (!free)
        return free.error();
    auto held = m_store.query(QLatin1String("SELECT MIN(CASE WHEN claimed_until > next_attempt_at THEN claimed_until ELSE next_attempt_at END) FROM ")
                                  + table + indexedBy(m_store, "arbor_trigger_deliveries_claimed")
                                  + QLatin1String(" WHERE claimed_by IS NOT NULL AND status IN ('pending', 'retrying') AND held = 0"));
    if (!held)
        return held.error();
    std::optional<qint64> due;
    if (!free->isEmpty())
        due = free->first()[0].toLongLong();
    if (!held->isEmpty() && !held->first()[0].isNull())
        due = std::min(due.value_or(std::numeric_limits<qint64>::max()), held->first()[0].toLongLong());
    return due;
}

// --- deliveries ----------------------------------------------------------------------------

Result<bool> TriggerStore::insertDelivery(const TriggerDef &def, const Action &action, const TriggerEvent &event, const QJsonObject &eventJson,
                                          const QString &deliveryId, bool isTest, bool replay)
{
    return DeliveryOutbox(m_store).add(outboxDelivery(def, action, event, eventJson, deliveryId, isTest, replay));
}

OutboxDelivery TriggerStore::outboxDelivery(const TriggerDef &def, const Action &action, const TriggerEvent &event, const QJsonObject &eventJson,
                                            const QString &deliveryId, bool isTest, bool replay) const
{
    OutboxDelivery d;
    d.id = deliveryId;
    d.subject = DeliverySubject::trigger(def.id);
    d.actionId = action.id;
    d.actionType = action.type;
    d.priority = action.priority;
    d.chainId = event.chainId;
    d.blockNumber = event.event.blockNumber;
    d.logIndex = event.event.logIndex;
    d.txHash = event.event.txHash.toBytes();
    d.event = jsonText(eventJson);
    d.rendered = renderPayload(action, payloadContext(deliveryId, def, action, eventJson));
    d.isTest = isTest;
    d.replay = replay;
    return d;
}

// --- attempts ------------------------------------------------------------------------------

Status TriggerStore::recordAttempts(const QList<DeliveryAttempt> &attempts)
{
    return m_store.transaction([&]() -> Status {
        // A batch is recorded by a few statements whatever its size. A delivery named twice
        // (never by one worker's batch) starts a new part, so its second attempt reads the row
        // its first one left.
        QList<DeliveryAttempt> part;
        QSet<QString> named;
        for (DeliveryAttempt a : attempts) {
            if (a.at == 0)
                a.at = m_store.now();
            if (named.contains(a.deliveryId)) {
                if (Status s = recordDistinctAttempts(part); !s)
                    return s;
                part.clear();
                named.clear();
            }
            named.insert(a.deliveryId);
            part.append(a);
        }
        return recordDistinctAttempts(part);
    });
}

Status TriggerStore::recordDistinctAttempts(const QList<DeliveryAttempt> &attempts)
{
    if (attempts.isEmpty())
        return {};
    const QString deliveries = m_store.admin("trigger_deliveries");
    QJsonArray ids;
    for (const DeliveryAttempt &a : attempts)
        ids.append(QJsonObject{{QStringLiteral("id"), a.deliveryId}});
    auto rows = m_store.query(QLatin1String("SELECT id, source, trigger_id, alert_rule_id, action_id, action_type, chain_id, block_number, tx_hash, "
                                            "log_index, attempts, status, claimed_by, is_test FROM ")
                                  + deliveries + QLatin1String(" WHERE id IN (SELECT id FROM ")
                                  + m_store.jsonRows({{QLatin1String("id"), QLatin1String("text")}}, QStringLiteral("a")) + u')',
                              {Store::jsonRowsValue(ids)});
    if (!rows)
        return rows.error();
    QHash<QString, qsizetype> rowOf;
    for (qsizetype i = 0; i < rows->size(); ++i)
        rowOf.insert(rows->at(i)[0].toString(), i);

    QList<OutboxResult> results;
    QJsonArray settled, counted;   // deliveries this attempt settles; ones it only counts
    QList<std::pair<ActionRef, QList<DeliveryAttempt>>> byAction;   // in the order they ended
    QHash<std::pair<int, qint64>, qsizetype> actionAt;
    QList<DeliveryAttempt> measured;
    QList<ActionType> types;
    for (const DeliveryAttempt &a : attempts) {
        const auto found = rowOf.constFind(a.deliveryId);
        if (found == rowOf.cend()) {
            // Deliveries are never deleted; one restored away must not hold up the batch.
            qCWarning(lcStore) << "recording an attempt of delivery" << a.deliveryId << "that does not exist; ignored";
            continue;
        }
        const SqlRow &d = rows->at(*found);
        const QString status = d[11].toString();
        const bool open = status == u"pending" || status == u"retrying";
        const bool mine = d[12].isNull() || d[12].toString() == a.holder;
        const ActionType type = actionTypeFromName(d[5].toString()).value_or(ActionType::Rest);
        // A 410 holds the delivery (open, not claimed again) and disables its action below.
        DeliveryStatus result = a.outcome == DeliveryAttempt::Outcome::Success ? DeliveryStatus::Success
            : a.outcome == DeliveryAttempt::Outcome::Fail || !open             ? DeliveryStatus::Failed
                                                                     : DeliveryStatus::Retrying;
        const bool hold = a.outcome == DeliveryAttempt::Outcome::Hold && result == DeliveryStatus::Retrying;
        const QString error = a.error.left(DeliveryAttempt::MaxError);
        OutboxResult r;
        r.deliveryId = a.deliveryId;
        r.subject = deliverySourceFromName(d[1].toString()) == DeliverySource::Alert ? DeliverySubject::alertRule(d[3].toLongLong())
                                                                                    : DeliverySubject::trigger(d[2].toLongLong());
        r.actionId = d[4].toLongLong();
        r.actionType = type;
        r.chainId = d[6].toLongLong();
        r.blockNumber = d[7].toLongLong();
        r.txHash = d[8].toByteArray();
        r.logIndex = d[9].toLongLong();
        r.status = result;
        r.attempt = d[10].toInt() + 1;
        r.httpStatus = a.httpStatus;
        r.durationMs = a.durationMs;
        r.error = error;
        r.responseExcerpt = a.responseExcerpt.left(DeliveryAttempt::MaxExcerpt);
        r.isTest = d[13].toBool();
        r.at = a.at;
        results.append(r);
        if (open && mine) {
            const bool retrying = result == DeliveryStatus::Retrying;
            settled.append(QJsonObject{{QStringLiteral("id"), a.deliveryId},
                                       {QStringLiteral("status"), deliveryStatusName(result)},
                                       {QStringLiteral("next_at"), retrying ? (hold ? a.at : a.nextAttemptAt) : a.at},
                                       {QStringLiteral("error"), error.isEmpty() ? QJsonValue() : QJsonValue(error)},
                                       {QStringLiteral("at"), a.at},
                                       {QStringLiteral("finished"), retrying ? QJsonValue() : QJsonValue(a.at)},
                                       {QStringLiteral("hold"), hold ? 1 : 0}});
        } else {
            counted.append(QJsonObject{{QStringLiteral("id"), a.deliveryId}, {QStringLiteral("at"), a.at}});
        }
        const ActionRef action{r.subject.source, r.actionId};
        const std::pair<int, qint64> key{int(action.source), action.actionId};
        qsizetype at = actionAt.value(key, -1);
        if (at < 0) {
            at = byAction.size();
            byAction.append({action, {}});
            actionAt.insert(key, at);
        }
        byAction[at].second.append(a);
        measured.append(a);
        types.append(type);
    }

    if (Status s = DeliveryOutbox(m_store).addResults(results); !s)
        return s;
    using C = Store::JsonColumn;
    if (!settled.isEmpty()) {
        const QString from = m_store.jsonRows({C{QLatin1String("id"), QLatin1String("text")}, C{QLatin1String("status"), QLatin1String("text")},
                                               C{QLatin1String("next_at"), QLatin1String("bigint")}, C{QLatin1String("error"), QLatin1String("text")},
                                               C{QLatin1String("at"), QLatin1String("bigint")}, C{QLatin1String("finished"), QLatin1String("bigint")},
                                               C{QLatin1String("hold"), QLatin1String("integer")}},
                                              QStringLiteral("u"));
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + deliveries
                                        + QLatin1String(" AS d SET status = u.status, attempts = d.attempts + 1, next_attempt_at = u.next_at, "
                                                        "claimed_by = NULL, claimed_until = NULL, last_error = u.error, updated_at = u.at, "
                                                        "finished_at = u.finished, held = CASE WHEN u.hold = 1 THEN 1 ELSE ")
                                        + ActionStore::heldWhenDisabled(m_store, QStringLiteral("d")) + QLatin1String(" END FROM ") + from
                                        + QLatin1String(" WHERE d.id = u.id"),
                                    {Store::jsonRowsValue(settled)});
            !s)
            return s;
    }
    if (!counted.isEmpty()) {
        const QString from = m_store.jsonRows({C{QLatin1String("id"), QLatin1String("text")}, C{QLatin1String("at"), QLatin1String("bigint")}},
                                              QStringLiteral("u"));
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + deliveries + QLatin1String(" AS d SET attempts = d.attempts + 1, updated_at = u.at FROM ")
                                        + from + QLatin1String(" WHERE d.id = u.id"),
                                    {Store::jsonRowsValue(counted)});
            !s)
            return s;
    }
    // After the deliveries: a 410 disables its action and holds every open delivery of it,
    // the ones just set retrying included.
    ActionStore actions(m_store);
    for (const auto &[action, observed] : std::as_const(byAction)) {
        if (Status s = actions.observe(action, observed); !s)
            return s;
    }
    return addMetrics(measured, types);
}

Status TriggerStore::addMetrics(const QList<DeliveryAttempt> &attempts, const QList<ActionType> &types)
{
    struct Hour
    {
        qint64 total = 0, success = 0, failure = 0, sum = 0, max = 0;
        QList<qint64> buckets = QList<qint64>(DurationBuckets, 0);
    };
    QHash<std::pair<qint64, int>, Hour> hours;
    for (qsizetype i = 0; i < attempts.size(); ++i) {
        const DeliveryAttempt &a = attempts[i];
        Hour &h = hours[{a.at / HourMs * HourMs, int(types[i])}];
        ++h.total;
        ++(a.outcome == DeliveryAttempt::Outcome::Success ? h.success : h.failure);
        h.sum += std::max<qint64>(0, a.durationMs);
        h.max = std::max(h.max, a.durationMs);
        ++h.buckets[durationBucket(a.durationMs)];
    }
    const QString table = m_store.admin("action_metrics_hourly");
    for (auto it = hours.cbegin(); it != hours.cend(); ++it) {
        const QVariantList key{it.key().first, actionTypeName(ActionType(it.key().second))};
        if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + table + QLatin1String(" (hour, action_type) VALUES (?, ?) ON CONFLICT (hour, action_type) DO NOTHING"), key);
            !s)
            return s;
        auto row = m_store.query(QLatin1String("SELECT total, success, failure, duration_sum_ms, duration_max_ms, histogram FROM ") + table
                                     + QLatin1String(" WHERE hour = ? AND action_type = ?")
                                     + (m_store.backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                                 key);
        if (!row)
            return row.error();
        const SqlRow &r = row->first();
        const Hour &h = it.value();
        QList<qint64> buckets = parseHistogram(r[5].toString());
        for (qsizetype b = 0; b < buckets.size(); ++b)
            buckets[b] += h.buckets[b];
        const auto p95 = bucketPercentile(buckets, 0.95);
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + table
                                        + QLatin1String(" SET total = ?, success = ?, failure = ?, duration_sum_ms = ?, duration_max_ms = ?, p95_ms = ?, "
                                                        "histogram = ? WHERE hour = ? AND action_type = ?"),
                                    QVariantList{r[0].toLongLong() + h.total, r[1].toLongLong() + h.success, r[2].toLongLong() + h.failure,
                                                 r[3].toLongLong() + h.sum, std::max(r[4].toLongLong(), h.max), p95 ? QVariant(*p95) : QVariant(),
                                                 histogramText(buckets)}
                                        + key);
            !s)
            return s;
    }
    return {};
}

// --- operator verbs ------------------------------------------------------------------------

Result<QString> TriggerStore::resend(qint64 resultId)
{
    QString deliveryId;
    Status s = m_store.transaction([&]() -> Status {
        auto result = m_store.query(QLatin1String("SELECT delivery_id FROM ") + m_store.admin("action_results") + QLatin1String(" WHERE id = ?"), {resultId});
        if (!result)
            return result.error();
        if (result->isEmpty())
            return Error::notFound(QStringLiteral("result"), tr("There is no result %1; `arborctl trigger results` shows them.").arg(resultId));
        deliveryId = result->first()[0].toString();
        auto d = m_store.query(QLatin1String("SELECT d.status, d.claimed_until, COALESCE(a.id, ra.id) FROM ") + m_store.admin("trigger_deliveries")
                                   + QLatin1String(" d") + ownerJoins(m_store) + QLatin1String(" WHERE d.id = ?"),
                               {deliveryId});
        if (!d)
            return d.error();
        if (d->isEmpty() || d->first()[2].isNull())
            return Error::notFound(QStringLiteral("result"),
                                   tr("The action of result %1 no longer exists: there is nothing to send it with.").arg(resultId));
        const qint64 now = m_store.now();
        const QString status = d->first()[0].toString();
        const bool sending = (status == u"pending" || status == u"retrying") && !d->first()[1].isNull() && d->first()[1].toLongLong() >= now;
        if (sending)
            return {};   // a worker holds it right now
        return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("trigger_deliveries")
                                + QLatin1String(" AS d SET status = 'pending', next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, reorged_at = NULL, "
                                                "finished_at = NULL, updated_at = ?, schedule_from = d.attempts, held = ")
                                + ActionStore::heldWhenDisabled(m_store, QStringLiteral("d")) + QLatin1String(" WHERE d.id = ?"),
                            {now, now, deliveryId});
    });
    if (!s)
        return s.error();
    return deliveryId;
}

Result<QString> TriggerStore::createTestDelivery(qint64 triggerId, qint64 actionId, const TriggerEvent &input)
{
    auto rec = trigger(triggerId);
    if (!rec)
        return rec.error();
    const auto action = std::find_if(rec->def.actions.cbegin(), rec->def.actions.cend(), [&](const Action &a) { return a.id == actionId; });
    if (action == rec->def.actions.cend())
        return Error::notFound(QStringLiteral("action"), tr("Trigger %1 has no action %2.").arg(triggerId).arg(actionId));
    TriggerEvent event = input;
    if (event.chainId == 0)
        event.chainId = rec->def.chainId;
    const QString id = QLatin1String("test_") + QUuid::createUuid().toString(QUuid::Id128);
    auto written = insertDelivery(rec->def, *action, event, eventToJson(event), id, true, false);
    if (!written)
        return written.error();
    return id;
}

} // namespace arbor

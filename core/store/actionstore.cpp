#include "store/actionstore.h"

#include "store/triggerstorerows.h"
#include "util/timeunits.h"

#include <QHash>

namespace arbor {

using triggerrows::jsonObject;
using triggerrows::jsonText;

namespace {

QVariantList key(const ActionRef &action)
{
    return {deliverySourceName(action.source), action.actionId};
}

size_t hashKey(DeliverySource source, qint64 actionId)
{
    return qHashMulti(0, int(source), actionId);
}

} // namespace

QString ActionStore::heldWhenDisabled(const Store &store, const QString &alias)
{
    return QLatin1String("CASE WHEN EXISTS (SELECT 1 FROM ") + store.admin("action_health") + QLatin1String(" h WHERE h.source = ") + alias
        + QLatin1String(".source AND h.action_id = ") + alias + QLatin1String(".action_id AND h.state = 'disabled') AND NOT ") + alias
        + QLatin1String(".is_test THEN 1 ELSE 0 END");
}

Status ActionStore::succeeded(const ActionRef &action, qint64 firstAt, qint64 lastAt)
{
    // The first success ends a failing state (state_since); the ones after it leave the state
    // as it is and move last_success_at on.
    return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("action_health")
                            + QLatin1String(" AS h (source, action_id, state, state_since, last_success_at) VALUES (?, ?, 'ok', ?, ?) "
                                            "ON CONFLICT (source, action_id) DO UPDATE SET "
                                            "state = CASE WHEN h.state = 'disabled' THEN 'disabled' ELSE 'ok' END, "
                                            "state_since = CASE WHEN h.state = 'failing' THEN excluded.state_since ELSE h.state_since END, "
                                            "failing_since = NULL, last_success_at = excluded.last_success_at"),
                        key(action) + QVariantList{firstAt, lastAt});
}

Status ActionStore::observe(const ActionRef &action, const QList<DeliveryAttempt> &attempts)
{
    for (qsizetype i = 0; i < attempts.size();) {
        if (attempts[i].outcome != DeliveryAttempt::Outcome::Success) {
            if (Status s = observe(action, attempts[i]); !s)
                return s;
            ++i;
            continue;
        }
        qsizetype last = i;
        while (last + 1 < attempts.size() && attempts[last + 1].outcome == DeliveryAttempt::Outcome::Success)
            ++last;
        if (Status s = succeeded(action, attempts[i].at, attempts[last].at); !s)
            return s;
        i = last + 1;
    }
    return {};
}

Status ActionStore::observe(const ActionRef &action, const DeliveryAttempt &attempt)
{
    const QString table = m_store.admin("action_health");
    if (attempt.outcome == DeliveryAttempt::Outcome::Success)
        return succeeded(action, attempt.at, attempt.at);
    return m_store.transaction([&]() -> Status {
        const QVariant status = attempt.httpStatus ? QVariant(*attempt.httpStatus) : QVariant();
        const QString error = attempt.error.left(DeliveryAttempt::MaxError);
        const QVariant code = attempt.errorCode.isEmpty() ? QVariant() : QVariant(attempt.errorCode.left(40));
        const QVariant detail = attempt.errorDetail.isEmpty() ? QVariant() : QVariant(attempt.errorDetail.left(DeliveryAttempt::MaxError));
        if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + table
                                        + QLatin1String(" AS h (source, action_id, state, state_since, failing_since, last_failure_at, last_error, "
                                                        "last_error_code, last_error_detail, last_http_status) VALUES (?, ?, 'ok', ?, ?, ?, ?, ?, ?, ?) "
                                                        "ON CONFLICT (source, action_id) DO UPDATE SET "
                                                        "failing_since = COALESCE(h.failing_since, excluded.failing_since), "
                                                        "last_failure_at = excluded.last_failure_at, last_error = excluded.last_error, "
                                                        "last_error_code = excluded.last_error_code, last_error_detail = excluded.last_error_detail, "
                                                        "last_http_status = excluded.last_http_status"),
                                    key(action) + QVariantList{attempt.at, attempt.at, attempt.at, error, code, detail, status});
            !s)
            return s;
        if (attempt.outcome == DeliveryAttempt::Outcome::Hold)
            return disable(action, error, attempt.at);
        return m_store.exec(QLatin1String("UPDATE ") + table
                                + QLatin1String(" SET state = 'failing', state_since = ? WHERE source = ? AND action_id = ? AND state = 'ok' "
                                                "AND failing_since IS NOT NULL AND ? - failing_since >= ?"),
                            QVariantList{attempt.at} + key(action) + QVariantList{attempt.at, attempt.failingAfterMs});
    });
}

Status ActionStore::disable(const ActionRef &action, const QString &reason, qint64 atMs)
{
    return m_store.transaction([&]() -> Status {
        if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("action_health")
                                        + QLatin1String(" AS h (source, action_id, state, state_since, state_reason) VALUES (?, ?, 'disabled', ?, ?) "
                                                        "ON CONFLICT (source, action_id) DO UPDATE SET state = 'disabled', "
                                                        "state_since = CASE WHEN h.state = 'disabled' THEN h.state_since ELSE excluded.state_since END, "
                                                        "state_reason = excluded.state_reason"),
                                    key(action) + QVariantList{atMs, reason.left(DeliveryAttempt::MaxError)});
            !s)
            return s;
        return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("trigger_deliveries")
                                + QLatin1String(" SET held = 1, updated_at = ? WHERE source = ? AND action_id = ? AND status IN ('pending', 'retrying') "
                                                "AND NOT is_test AND held = 0"),
                            QVariantList{atMs} + key(action));
    });
}

Result<qint64> ActionStore::enable(const ActionRef &action, qint64 atMs)
{
    qint64 resumed = 0;
    Status s = m_store.transaction([&]() -> Status {
        if (Status e = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("action_health")
                                        + QLatin1String(" SET state = 'ok', state_since = ?, state_reason = NULL, failing_since = NULL "
                                                        "WHERE source = ? AND action_id = ? AND state = 'disabled'"),
                                    QVariantList{atMs} + key(action));
            !e)
            return e;
        // Due together: the claim order (time due, then chain, block and log index) sends them
        // in the order their events happened.
        auto rows = m_store.query(QLatin1String("UPDATE ") + m_store.admin("trigger_deliveries")
                                      + QLatin1String(" SET held = 0, next_attempt_at = ?, claimed_by = NULL, claimed_until = NULL, updated_at = ? "
                                                      "WHERE source = ? AND action_id = ? AND held = 1 AND status IN ('pending', 'retrying') RETURNING id"),
                                  QVariantList{atMs, atMs} + key(action));
        if (!rows)
            return rows.error();
        resumed = rows->size();
        return {};
    });
    if (!s)
        return s.error();
    return resumed;
}

Result<bool> ActionStore::isDisabled(const ActionRef &action)
{
    auto rows = m_store.query(QLatin1String("SELECT 1 FROM ") + m_store.admin("action_health")
                                  + QLatin1String(" WHERE source = ? AND action_id = ? AND state = 'disabled'"),
                              key(action));
    if (!rows)
        return rows.error();
    return !rows->isEmpty();
}

Result<QList<ActionHealth>> ActionStore::actions(qint64 nowMs, std::optional<qint64> triggerId, std::optional<qint64> alertRuleId)
{
    // Which actions: every trigger's and every rule's, or one trigger's or one rule's.
    QString triggerWhere;
    QString ruleWhere;
    QVariantList params;
    if (triggerId) {
        triggerWhere = QStringLiteral(" WHERE t.id = ?");
        ruleWhere = QStringLiteral(" WHERE 1 = 0");
        params = {*triggerId};
    } else if (alertRuleId) {
        triggerWhere = QStringLiteral(" WHERE 1 = 0");
        ruleWhere = QStringLiteral(" WHERE r.id = ?");
        params = {*alertRuleId};
    }
    auto defs = m_store.query(QLatin1String("SELECT 'trigger', a.id, t.id, t.name, t.chain_id, a.config FROM ") + m_store.admin("trigger_actions")
                                  + QLatin1String(" a JOIN ") + m_store.admin("triggers") + QLatin1String(" t ON t.id = a.trigger_id") + triggerWhere
                                  + QLatin1String(" UNION ALL SELECT 'alert', ra.id, r.id, r.name, r.chain_id, ra.config FROM ")
                                  + m_store.admin("alert_rule_actions") + QLatin1String(" ra JOIN ") + m_store.admin("alert_rules")
                                  + QLatin1String(" r ON r.id = ra.rule_id") + ruleWhere,
                              params);
    if (!defs)
        return defs.error();
    QList<ActionHealth> out;
    QHash<size_t, qsizetype> at;
    for (const SqlRow &r : *defs) {
        ActionHealth h;
        h.source = deliverySourceFromName(r[0].toString());
        h.actionId = r[1].toLongLong();
        h.subjectId = r[2].toLongLong();
        h.subjectName = r[3].toString();
        h.chainId = r[4].isNull() ? 0 : r[4].toLongLong();
        auto action = parseAction(jsonObject(r[5]), QStringLiteral("action"));
        if (action)
            h.action = *action;
        h.action.id = h.actionId;
        at.insert(hashKey(h.source, h.actionId), out.size());
        out.append(h);
    }
    if (out.isEmpty())
        return out;
    const auto find = [&](const QVariant &source, const QVariant &actionId) -> ActionHealth * {
        const auto it = at.constFind(hashKey(deliverySourceFromName(source.toString()), actionId.toLongLong()));
        return it == at.cend() ? nullptr : &out[*it];
    };

    auto health = m_store.query(QLatin1String("SELECT source, action_id, state, state_since, state_reason, failing_since, last_success_at, "
                                              "last_failure_at, last_error, last_http_status, last_error_code, last_error_detail FROM ")
                                + m_store.admin("action_health"));
    if (!health)
        return health.error();
    for (const SqlRow &r : *health) {
        ActionHealth *h = find(r[0], r[1]);
        if (!h)
            continue;
        h->state = actionStateFromName(r[2].toString());
        h->stateSince = r[3].toLongLong();
        h->stateReason = r[4].toString();
        h->failingSince = r[5].toLongLong();
        h->lastSuccessAt = r[6].toLongLong();
        h->lastFailureAt = r[7].toLongLong();
        h->lastError = r[8].toString();
        if (!r[9].isNull())
            h->lastHttpStatus = r[9].toInt();
        h->lastErrorCode = r[10].toString();
        h->lastErrorDetail = r[11].toString();
    }

    // Open and dead deliveries per action: the (source, action_id, status) index.
    auto counts = m_store.query(QLatin1String("SELECT source, action_id, status, held, COUNT(*), MIN(next_attempt_at) FROM ")
                                + m_store.admin("trigger_deliveries")
                                + QLatin1String(" WHERE status IN ('pending', 'retrying', 'failed') AND NOT is_test GROUP BY source, action_id, status, held"));
    if (!counts)
        return counts.error();
    for (const SqlRow &r : *counts) {
        ActionHealth *h = find(r[0], r[1]);
        if (!h)
            continue;
        const qint64 n = r[4].toLongLong();
        if (r[2].toString() == u"failed") {
            h->dead += n;
        } else if (r[3].toInt() != 0) {
            h->held += n;
        } else {
            h->pending += n;
            const qint64 due = r[5].toLongLong();
            h->nextAttemptAt = h->nextAttemptAt ? std::min(*h->nextAttemptAt, due) : due;
        }
    }

    auto attempts = m_store.query(QLatin1String("SELECT source, action_id, COUNT(*), SUM(CASE WHEN status = 'success' THEN 1 ELSE 0 END) FROM ")
                                      + m_store.admin("action_results")
                                      + QLatin1String(" WHERE at >= ? AND attempt > 0 AND status <> 'cancelled' AND NOT is_test GROUP BY source, action_id"),
                                  {nowMs - timeunits::DayMs});
    if (!attempts)
        return attempts.error();
    for (const SqlRow &r : *attempts) {
        if (ActionHealth *h = find(r[0], r[1])) {
            h->attempts24h = r[2].toLongLong();
            h->successes24h = r[3].toLongLong();
        }
    }
    return out;
}

QString ActionStore::deadWhere(const DeadLetterFilter &filter, QVariantList &params) const
{
    QString where = QStringLiteral("d.status = 'failed' AND NOT d.is_test");
    if (filter.source) {
        where += QLatin1String(" AND d.source = ?");
        params.append(deliverySourceName(*filter.source));
    }
    if (filter.triggerId) {
        where += QLatin1String(" AND d.trigger_id = ?");
        params.append(*filter.triggerId);
    }
    if (filter.alertRuleId) {
        where += QLatin1String(" AND d.alert_rule_id = ?");
        params.append(*filter.alertRuleId);
    }
    if (filter.actionId) {
        where += QLatin1String(" AND d.action_id = ?");
        params.append(*filter.actionId);
    }
    if (!filter.deliveryId.isEmpty()) {
        where += QLatin1String(" AND d.id = ?");
        params.append(filter.deliveryId);
    }
    return where;
}

Result<QList<DeadLetter>> ActionStore::deadLetters(const DeadLetterFilter &filter)
{
    QVariantList params;
    const QString where = deadWhere(filter, params);
    params.append(std::max(1, filter.limit));
    auto rows = m_store.query(QLatin1String("SELECT d.id, d.source, COALESCE(d.trigger_id, d.alert_rule_id), COALESCE(t.name, r.name), d.action_id, "
                                            "d.action_type, d.chain_id, d.block_number, d.log_index, d.tx_hash, d.attempts, d.last_error, d.created_at, "
                                            "d.finished_at FROM ")
                                  + m_store.admin("trigger_deliveries") + QLatin1String(" d LEFT JOIN ") + m_store.admin("triggers")
                                  + QLatin1String(" t ON t.id = d.trigger_id LEFT JOIN ") + m_store.admin("alert_rules")
                                  + QLatin1String(" r ON r.id = d.alert_rule_id WHERE ") + where
                                  + QLatin1String(" ORDER BY d.finished_at DESC, d.id LIMIT ?"),
                              params);
    if (!rows)
        return rows.error();
    QList<DeadLetter> out;
    for (const SqlRow &r : *rows) {
        DeadLetter d;
        d.deliveryId = r[0].toString();
        d.source = deliverySourceFromName(r[1].toString());
        d.subjectId = r[2].toLongLong();
        d.subjectName = r[3].toString();
        d.actionId = r[4].toLongLong();
        d.actionType = actionTypeFromName(r[5].toString()).value_or(ActionType::Rest);
        d.chainId = r[6].toLongLong();
        d.blockNumber = r[7].toLongLong();
        d.logIndex = r[8].toLongLong();
        if (auto tx = Hash::fromBytes(r[9].toByteArray(), QStringLiteral("tx_hash")))
            d.txHash = *tx;
        d.attempts = r[10].toInt();
        d.lastError = r[11].toString();
        d.createdAt = r[12].toLongLong();
        d.failedAt = r[13].toLongLong();
        out.append(d);
    }
    return out;
}

Result<qint64> ActionStore::resendDead(const DeadLetterFilter &filter, qint64 atMs)
{
    QVariantList params{atMs, atMs};
    const QString where = deadWhere(filter, params);
    auto rows = m_store.query(QLatin1String("UPDATE ") + m_store.admin("trigger_deliveries")
                                  + QLatin1String(" AS d SET status = 'pending', schedule_from = d.attempts, next_attempt_at = ?, updated_at = ?, "
                                                  "claimed_by = NULL, claimed_until = NULL, finished_at = NULL, reorged_at = NULL, held = ")
                                  + heldWhenDisabled(m_store, QStringLiteral("d")) + QLatin1String(" WHERE ") + where + QLatin1String(" RETURNING id"),
                              params);
    if (!rows)
        return rows.error();
    return qint64(rows->size());
}

namespace {

/// The table holding the definitions of `source`'s actions.
QString definitions(const Store &store, DeliverySource source)
{
    return source == DeliverySource::Alert ? store.admin("alert_rule_actions") : store.admin("trigger_actions");
}

} // namespace

Result<Action> ActionStore::action(const ActionRef &ref)
{
    auto rows = m_store.query(QLatin1String("SELECT config FROM ") + definitions(m_store, ref.source) + QLatin1String(" WHERE id = ?"), {ref.actionId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty()) {
        return Error::notFound(QStringLiteral("action"), ref.source == DeliverySource::Alert
                                                             ? tr("There is no alert rule action %1; `arborctl alert show RULE` lists a rule's actions.").arg(ref.actionId)
                                                             : tr("There is no trigger action %1; `arborctl trigger actions` lists them.").arg(ref.actionId));
    }
    auto parsed = parseAction(jsonObject(rows->first()[0]), QStringLiteral("action"));
    if (!parsed)
        return parsed.error();
    parsed->id = ref.actionId;
    return *parsed;
}

Status ActionStore::rotateSigningSecret(const ActionRef &ref, const SecretRef &next, qint64 untilMs)
{
    return m_store.transaction([&]() -> Status {
        auto current = action(ref);
        if (!current)
            return current.error();
        if (current->type != ActionType::Rest)
            return Error::invalid(QStringLiteral("action"), tr("Action %1 is not a webhook: only REST actions sign their requests.").arg(ref.actionId));
        if (!current->signingSecret)
            return Error::invalid(QStringLiteral("action"), tr("Action %1 signs nothing yet: set its signingSecret instead of rotating.").arg(ref.actionId));
        if (*current->signingSecret == next)
            return Error::invalid(QStringLiteral("secret"), tr("The action already signs with %1; store the new secret under another name.").arg(next.toString()));
        Action rotated = *current;
        rotated.previousSigningSecret = current->signingSecret;
        rotated.previousSecretUntilMs = untilMs;
        rotated.signingSecret = next;
        rotated.id = 0;   // configs are stored without their row's id
        return m_store.exec(QLatin1String("UPDATE ") + definitions(m_store, ref.source) + QLatin1String(" SET config = ? WHERE id = ?"),
                            {jsonText(actionToJson(rotated)), ref.actionId});
    });
}

} // namespace arbor

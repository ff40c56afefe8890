#include "store/alertstore.h"

#include "store/deliveryoutbox.h"
#include "store/triggerstorerows.h"
#include "triggers/alerttext.h"
#include "triggers/eventpayload.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>

namespace arbor {

using namespace triggerrows;

namespace {

const char *const RuleColumns = "id, name, chain_id, kind, threshold, for_seconds, enabled, send_resolved, silenced_until, created_at, updated_at";
const char *const HistoryColumns =
    "id, rule_id, rule_name, chain_id, kind, title, text, silenced, raised_at, cleared_at, acknowledged_at, acknowledged_note, params";

AlertRule ruleFromRow(const SqlRow &r)
{
    AlertRule rule;
    rule.id = r[0].toLongLong();
    rule.name = r[1].toString();
    if (!r[2].isNull())
        rule.chainId = r[2].toLongLong();
    rule.kind = alertKindFromName(r[3].toString()).value_or(AlertKind::LagBlocks);
    rule.threshold = r[4].toDouble();
    rule.forSeconds = r[5].toInt();
    rule.enabled = r[6].toBool();
    rule.sendResolved = r[7].toBool();
    rule.silencedUntilMs = r[8].toLongLong();
    rule.createdAt = r[9].toLongLong();
    rule.updatedAt = r[10].toLongLong();
    return rule;
}

AlertRecord recordFromRow(const SqlRow &r)
{
    AlertRecord a;
    a.id = r[0].toLongLong();
    if (!r[1].isNull())
        a.ruleId = r[1].toLongLong();
    a.ruleName = r[2].toString();
    a.chainId = r[3].toLongLong();
    a.kind = alertKindFromName(r[4].toString()).value_or(AlertKind::Stalled);
    a.title = r[5].toString();
    a.text = r[6].toString();
    a.silenced = r[7].toBool();
    a.raisedAt = r[8].toLongLong();
    if (!r[9].isNull())
        a.clearedAt = r[9].toLongLong();
    if (!r[10].isNull())
        a.acknowledgedAt = r[10].toLongLong();
    a.acknowledgedNote = r[11].toString();
    if (!r[12].isNull())
        a.params = jsonObject(r[12]);
    return a;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QString AlertStore::defaultTelegramText(bool resolved)
{
    return resolved ? QStringLiteral("RESOLVED: {{alert.title}}") : QStringLiteral("ALERT: {{alert.title}}\n{{alert.text}}");
}

// --- rules ---------------------------------------------------------------------------------

Status AlertStore::checkRule(const AlertRule &rule, qint64 exceptId)
{
    const QString name = rule.name.trimmed();
    if (name.isEmpty() || name.size() > AlertRule::MaxNameLength)
        return Error::invalid(QStringLiteral("name"), tr("Give the rule a name of 1 to %1 characters.").arg(AlertRule::MaxNameLength));
    auto taken = m_store.query(QLatin1String("SELECT id FROM ") + m_store.admin("alert_rules") + QLatin1String(" WHERE name = ? AND id <> ?"),
                               {name, exceptId});
    if (!taken)
        return taken.error();
    if (!taken->isEmpty())
        return Error::conflict(QStringLiteral("name"), tr("Alert rule %1 is already named “%2”; choose another name or edit that rule.")
                                                           .arg(taken->first()[0].toLongLong())
                                                           .arg(name));
    if (rule.chainId) {
        auto chain = m_store.query(QLatin1String("SELECT state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?"), {*rule.chainId});
        if (!chain)
            return chain.error();
        if (chain->isEmpty() || chain->first()[0].toString() == u"deleting")
            return Error::notFound(QStringLiteral("chain"),
                                   tr("There is no chain %1; `arborctl chain list` shows the chains, or write \"all\".").arg(*rule.chainId));
    }
    return {};
}

Status AlertStore::writeActions(qint64 ruleId, const QList<Action> &actions, const QList<Action> &old)
{
    const QString table = m_store.admin("alert_rule_actions");
    for (qsizetype i = 0; i < actions.size(); ++i) {
        QJsonObject config = actionToJson(actions[i]);
        config.remove(QStringLiteral("id"));
        const bool keep = i < old.size() && old[i].type == actions[i].type;
        Status s = keep ? m_store.exec(QLatin1String("UPDATE ") + table + QLatin1String(" SET position = ?, priority = ?, config = ? WHERE id = ?"),
                                       {int(i), actions[i].priority, jsonText(config), old[i].id})
                        : m_store.exec(QLatin1String("INSERT INTO ") + table
                                           + QLatin1String(" (rule_id, position, action_type, priority, config) VALUES (?, ?, ?, ?, ?)"),
                                       {ruleId, int(i), actionTypeName(actions[i].type), actions[i].priority, jsonText(config)});
        if (!s)
            return s;
        if (!keep && i < old.size()) {
            if (Status d = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE id = ?"), {old[i].id}); !d)
                return d;
        }
    }
    for (qsizetype i = actions.size(); i < old.size(); ++i) {
        if (Status d = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE id = ?"), {old[i].id}); !d)
            return d;
    }
    // Deliveries of actions that are gone cannot be sent; say so now rather than at claim time.
    QVariantList kept;
    auto ids = m_store.query(QLatin1String("SELECT id FROM ") + table + QLatin1String(" WHERE rule_id = ?"), {ruleId});
    if (!ids)
        return ids.error();
    for (const SqlRow &r : *ids)
        kept.append(r[0]);
    QString where = QStringLiteral("alert_rule_id = ?");
    if (!kept.isEmpty())
        where += QLatin1String(" AND action_id NOT IN (") + placeholders(kept.size()) + u')';
    auto cancelled = DeliveryOutbox(m_store).cancel(where, QVariantList{ruleId} + kept, QStringLiteral("the action was removed from the alert rule"));
    if (!cancelled)
        return cancelled.error();
    return {};
}

Result<AlertRule> AlertStore::addRule(const AlertRule &input)
{
    qint64 id = 0;
    Status s = m_store.transaction([&]() -> Status {
        if (Status c = checkRule(input, 0); !c)
            return c;
        const qint64 now = m_store.now();
        auto inserted = m_store.query(QLatin1String("INSERT INTO ") + m_store.admin("alert_rules")
                                          + QLatin1String(" (name, chain_id, kind, threshold, for_seconds, enabled, send_resolved, silenced_until, "
                                                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                                      {input.name.trimmed(), input.chainId ? QVariant(*input.chainId) : QVariant(), alertKindName(input.kind),
                                       input.threshold, input.forSeconds, input.enabled, input.sendResolved, input.silencedUntilMs, now, now});
        if (!inserted)
            return inserted.error();
        id = inserted->first()[0].toLongLong();
        return writeActions(id, input.actions, {});
    });
    if (!s)
        return s.error();
    return rule(id);
}

Result<AlertRule> AlertStore::updateRule(const AlertRule &input)
{
    Status s = m_store.transaction([&]() -> Status {
        auto old = rule(input.id);
        if (!old)
            return old.error();
        if (Status c = checkRule(input, input.id); !c)
            return c;
        if (Status u = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("alert_rules")
                                        + QLatin1String(" SET name = ?, chain_id = ?, kind = ?, threshold = ?, for_seconds = ?, enabled = ?, "
                                                        "send_resolved = ?, silenced_until = ?, updated_at = ? WHERE id = ?"),
                                    {input.name.trimmed(), input.chainId ? QVariant(*input.chainId) : QVariant(), alertKindName(input.kind),
                                     input.threshold, input.forSeconds, input.enabled, input.sendResolved,
                                     input.silencedUntilMs > 0 ? input.silencedUntilMs : old->silencedUntilMs, m_store.now(), input.id});
            !u)
            return u;
        return writeActions(input.id, input.actions, old->actions);
    });
    if (!s)
        return s.error();
    return rule(input.id);
}

Status AlertStore::deleteRule(qint64 ruleId)
{
    return m_store.transaction([&]() -> Status {
        auto old = rule(ruleId);
        if (!old)
            return old.error();
        auto cancelled = DeliveryOutbox(m_store).cancel(QStringLiteral("alert_rule_id = ?"), {ruleId}, QStringLiteral("the alert rule was deleted"));
        if (!cancelled)
            return cancelled.error();
        if (Status d = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("alert_rule_actions") + QLatin1String(" WHERE rule_id = ?"), {ruleId}); !d)
            return d;
        return m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("alert_rules") + QLatin1String(" WHERE id = ?"), {ruleId});
    });
}

Result<AlertRule> AlertStore::setEnabled(qint64 ruleId, bool enabled)
{
    auto updated = m_store.query(QLatin1String("UPDATE ") + m_store.admin("alert_rules") + QLatin1String(" SET enabled = ?, updated_at = ? WHERE id = ? RETURNING id"),
                                 {enabled, m_store.now(), ruleId});
    if (!updated)
        return updated.error();
    return rule(ruleId);
}

Result<AlertRule> AlertStore::setSilence(qint64 ruleId, qint64 untilMs)
{
    if (untilMs < 0)
        return Error::invalid(QStringLiteral("until"), tr("A silence ends at a time after 1970."));
    auto updated = m_store.query(QLatin1String("UPDATE ") + m_store.admin("alert_rules")
                                     + QLatin1String(" SET silenced_until = ?, updated_at = ? WHERE id = ? RETURNING id"),
                                 {untilMs, m_store.now(), ruleId});
    if (!updated)
        return updated.error();
    return rule(ruleId);
}

Result<QList<AlertRule>> AlertStore::rules()
{
    auto rows = m_store.query(QLatin1String("SELECT ") + QLatin1String(RuleColumns) + QLatin1String(" FROM ") + m_store.admin("alert_rules")
                              + QLatin1String(" ORDER BY id"));
    if (!rows)
        return rows.error();
    auto actions = m_store.query(QLatin1String("SELECT rule_id, id, config FROM ") + m_store.admin("alert_rule_actions")
                                 + QLatin1String(" ORDER BY rule_id, position"));
    if (!actions)
        return actions.error();
    QList<AlertRule> out;
    QHash<qint64, qsizetype> at;
    for (const SqlRow &r : *rows) {
        at.insert(r[0].toLongLong(), out.size());
        out.append(ruleFromRow(r));
    }
    for (const SqlRow &r : *actions) {
        const auto it = at.constFind(r[0].toLongLong());
        if (it == at.cend())
            continue;
        auto action = parseAction(jsonObject(r[2]), QStringLiteral("action"));
        if (!action)
            return Error::internal(tr("Alert rule %1 holds an action Arbor cannot read: %2").arg(r[0].toLongLong()).arg(action.error().message));
        action->id = r[1].toLongLong();
        out[*it].actions.append(*action);
    }
    return out;
}

Result<AlertRule> AlertStore::rule(qint64 ruleId)
{
    auto all = rules();
    if (!all)
        return all.error();
    for (const AlertRule &r : *all) {
        if (r.id == ruleId)
            return r;
    }
    return Error::notFound(QStringLiteral("rule"), tr("There is no alert rule %1; `arborctl alert rules` lists them.").arg(ruleId));
}

Result<AlertRule> AlertStore::rule(const QString &idOrName)
{
    bool number = false;
    const qint64 id = idOrName.toLongLong(&number);
    auto all = rules();
    if (!all)
        return all.error();
    for (const AlertRule &r : *all) {
        if ((number && r.id == id) || r.name == idOrName)
            return r;
    }
    return Error::notFound(QStringLiteral("rule"),
                           tr("There is no alert rule “%1”; `arborctl alert rules` lists them.").arg(idOrName));
}

// --- history and deliveries ----------------------------------------------------------------

QString AlertStore::deliveryIdFor(qint64 alertId, qint64 actionId, bool resolved)
{
    const QByteArray key = "arbor-alert/1|" + QByteArray::number(alertId) + '|' + QByteArray::number(actionId) + '|'
        + (resolved ? "resolved" : "raised");
    return QLatin1String("alr_") + QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(32));
}

QJsonObject AlertStore::payloadContext(const QString &deliveryId, const AlertRecord &alert, bool resolved, const AlertRule &rule,
                                       const Action &action, const QString &chainName)
{
    QJsonObject a{{QStringLiteral("id"), alert.id},
                  {QStringLiteral("state"), resolved ? QStringLiteral("resolved") : QStringLiteral("raised")},
                  {QStringLiteral("kind"), alertKindName(alert.kind)},
                  {QStringLiteral("title"), alert.title},
                  {QStringLiteral("text"), alert.text},
                  {QStringLiteral("chainId"), alert.chainId},
                  {QStringLiteral("raisedAt"), isoTime(alert.raisedAt)},
                  {QStringLiteral("silenced"), alert.silenced}};
    if (!alert.params.isEmpty())
        a.insert(QStringLiteral("params"), alert.params);
    if (alert.clearedAt)
        a.insert(QStringLiteral("clearedAt"), isoTime(*alert.clearedAt));
    QJsonObject r{{QStringLiteral("id"), rule.id}, {QStringLiteral("name"), rule.name}, {QStringLiteral("kind"), alertKindName(rule.kind)}};
    if (alertKindHasThreshold(rule.kind))
        r.insert(QStringLiteral("threshold"), rule.threshold);
    return QJsonObject{{QStringLiteral("deliveryId"), deliveryId},
                       {QStringLiteral("alert"), a},
                       {QStringLiteral("rule"), r},
                       {QStringLiteral("chain"), QJsonObject{{QStringLiteral("id"), alert.chainId}, {QStringLiteral("name"), chainName}}},
                       {QStringLiteral("action"), QJsonObject{{QStringLiteral("id"), action.id}, {QStringLiteral("type"), actionTypeName(action.type)}}}};
}

Result<int> AlertStore::queueDeliveries(const AlertRecord &alert, bool resolved)
{
    if (!alert.ruleId)
        return 0;
    auto found = rule(*alert.ruleId);
    if (!found)
        return found.error().kind == Error::Kind::NotFound ? Result<int>(0) : Result<int>(found.error());
    const AlertRule &r = *found;
    const qint64 now = m_store.now();
    if (r.silencedAt(now) || (resolved && !r.sendResolved))
        return 0;
    auto chain = m_store.query(QLatin1String("SELECT name FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?"), {alert.chainId});
    if (!chain)
        return chain.error();
    const QString chainName = chain->isEmpty() ? QString() : chain->first()[0].toString();
    DeliveryOutbox outbox(m_store);
    int created = 0;
    for (Action action : r.actions) {
        OutboxDelivery d;
        d.id = deliveryIdFor(alert.id, action.id, resolved);
        if (action.type == ActionType::Telegram && action.text.isEmpty())
            action.text = defaultTelegramText(resolved);
        const QJsonObject context = payloadContext(d.id, alert, resolved, r, action, chainName);
        d.subject = DeliverySubject::alertRule(r.id);
        d.actionId = action.id;
        d.actionType = action.type;
        d.priority = action.priority;
        d.chainId = alert.chainId;
        d.event = jsonText(context.value(QLatin1String("alert")).toObject());
        d.rendered = renderPayload(action, context);
        auto written = outbox.add(d);
        if (!written)
            return written.error();
        created += *written ? 1 : 0;
    }
    return created;
}

Result<std::pair<AlertRecord, int>> AlertStore::recordRaised(const AlertRecord &input)
{
    AlertRecord alert = input;
    int created = 0;
    Status s = m_store.transaction([&]() -> Status {
        if (alert.ruleId) {
            // Silence is the stored rule's, as of now: a silence set from another console counts.
            auto r = rule(*alert.ruleId);
            if (r)
                alert.silenced = alert.silenced || r->silencedAt(m_store.now());
        }
        auto inserted = m_store.query(QLatin1String("INSERT INTO ") + m_store.admin("alert_history")
                                          + QLatin1String(" (rule_id, rule_name, chain_id, kind, title, text, silenced, raised_at, cleared_at, params) "
                                                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                                      {alert.ruleId ? QVariant(*alert.ruleId) : QVariant(), alert.ruleName.isEmpty() ? QVariant() : QVariant(alert.ruleName),
                                       alert.chainId, alertKindName(alert.kind), alert.title, alert.text, alert.silenced, alert.raisedAt,
                                       alert.clearedAt ? QVariant(*alert.clearedAt) : QVariant(),
                                       alert.params.isEmpty() ? QVariant() : QVariant(jsonText(alert.params))});
        if (!inserted)
            return inserted.error();
        alert.id = inserted->first()[0].toLongLong();
        auto queued = queueDeliveries(alert, false);
        if (!queued)
            return queued.error();
        created = *queued;
        return {};
    });
    if (!s)
        return s.error();
    return std::pair{alert, created};
}

Result<int> AlertStore::recordCleared(const AlertRecord &input, qint64 clearedAt)
{
    int created = 0;
    Status s = m_store.transaction([&]() -> Status {
        const bool rule = input.ruleId.has_value();
        auto open = m_store.query(QLatin1String("SELECT ") + QLatin1String(HistoryColumns) + QLatin1String(" FROM ") + m_store.admin("alert_history")
                                      + QLatin1String(" WHERE chain_id = ? AND kind = ? AND raised_at = ? AND cleared_at IS NULL AND ")
                                      + (rule ? QLatin1String("rule_id = ?") : QLatin1String("rule_id IS NULL")),
                                  rule ? QVariantList{input.chainId, alertKindName(input.kind), input.raisedAt, *input.ruleId}
                                       : QVariantList{input.chainId, alertKindName(input.kind), input.raisedAt});
        if (!open)
            return open.error();
        if (open->isEmpty())
            return {};
        AlertRecord alert = recordFromRow(open->first());
        alert.clearedAt = clearedAt;
        // From the params when it has them (English, and how long it held all told).
        alert.title = AlertText::title(alert, AlertLanguage::English);
        alert.text = AlertText::text(alert, clearedAt, AlertLanguage::English);
        if (Status u = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("alert_history") + QLatin1String(" SET cleared_at = ? WHERE id = ?"),
                                    {clearedAt, alert.id});
            !u)
            return u;
        if (alert.silenced)
            return {};   // nothing went out when it was raised: no "resolved" either
        auto queued = queueDeliveries(alert, true);
        if (!queued)
            return queued.error();
        created = *queued;
        return {};
    });
    if (!s)
        return s.error();
    return created;
}

Result<qint64> AlertStore::closeOpen(qint64 atMs, const QList<qint64> &ids)
{
    QString sql = QLatin1String("UPDATE ") + m_store.admin("alert_history") + QLatin1String(" SET cleared_at = ? WHERE cleared_at IS NULL");
    QVariantList params{atMs};
    if (!ids.isEmpty()) {
        sql += QLatin1String(" AND id IN (") + QStringList(ids.size(), QStringLiteral("?")).join(u',') + u')';
        for (const qint64 id : ids)
            params.append(id);
    }
    auto rows = m_store.query(sql + QLatin1String(" RETURNING id"), params);
    if (!rows)
        return rows.error();
    return qint64(rows->size());
}

Result<AlertRecord> AlertStore::acknowledge(qint64 alertId, const QString &note)
{
    auto rows = m_store.query(QLatin1String("UPDATE ") + m_store.admin("alert_history")
                                  + QLatin1String(" SET acknowledged_at = ?, acknowledged_note = ? WHERE id = ? RETURNING ") + QLatin1String(HistoryColumns),
                              {m_store.now(), note.isEmpty() ? QVariant() : QVariant(note.left(1000)), alertId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::notFound(QStringLiteral("alert"), tr("There is no alert %1; `arborctl alert list` shows them.").arg(alertId));
    return recordFromRow(rows->first());
}

Status AlertStore::acknowledgeOpen(qint64 chainId, AlertKind kind, std::optional<qint64> ruleId, qint64 raisedAt, const QString &note)
{
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("alert_history")
                            + QLatin1String(" SET acknowledged_at = ?, acknowledged_note = ? WHERE chain_id = ? AND kind = ? AND raised_at = ? AND ")
                            + (ruleId ? QLatin1String("rule_id = ?") : QLatin1String("rule_id IS NULL")),
                        ruleId ? QVariantList{m_store.now(), note.isEmpty() ? QVariant() : QVariant(note), chainId, alertKindName(kind), raisedAt, *ruleId}
                               : QVariantList{m_store.now(), note.isEmpty() ? QVariant() : QVariant(note), chainId, alertKindName(kind), raisedAt});
}

Result<QList<AlertRecord>> AlertStore::history(const AlertHistoryFilter &filter)
{
    QString where = QStringLiteral("raised_at >= ?");
    QVariantList params{filter.sinceMs};
    if (filter.activeOnly)
        where += QLatin1String(" AND cleared_at IS NULL");
    if (filter.chainId) {
        where += QLatin1String(" AND chain_id = ?");
        params.append(*filter.chainId);
    }
    params.append(std::clamp(filter.limit, 1, 10000));
    auto rows = m_store.query(QLatin1String("SELECT ") + QLatin1String(HistoryColumns) + QLatin1String(" FROM ") + m_store.admin("alert_history")
                                  + QLatin1String(" WHERE ") + where + QLatin1String(" ORDER BY raised_at DESC, id DESC LIMIT ?"),
                              params);
    if (!rows)
        return rows.error();
    QList<AlertRecord> out;
    for (const SqlRow &r : *rows)
        out.append(recordFromRow(r));
    return out;
}

} // namespace arbor

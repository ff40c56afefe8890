// TriggerStore: trigger definitions (DESIGN.md §9). Conditions and actions are stored as the
// JSON of their model (conditionToJson(), actionToJson()), one row each, in order.

#include "store/triggerstore.h"

#include "store/deliveryoutbox.h"
#include "store/triggerstorerows.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace arbor {

using namespace triggerrows;

namespace {

constexpr qint64 DayMs = 24 * 3600 * 1000;

const char *const TriggerColumns = "t.id, t.name, t.description, t.chain_id, t.registry, t.enabled, t.confirmations, t.cursor_block, "
                                   "t.enabled_at, t.last_fired_at, t.created_at, t.updated_at, "
                                   "(SELECT c.name FROM %1 c WHERE c.chain_id = t.chain_id)";

QList<Action> sortedActions(QList<Action> actions)
{
    std::stable_sort(actions.begin(), actions.end(), [](const Action &a, const Action &b) { return a.priority < b.priority; });
    return actions;
}

} // namespace

// --- reading ------------------------------------------------------------------------------

Result<QList<TriggerRecord>> TriggerStore::loadTriggers(const QString &where, const QVariantList &params, bool withStats)
{
    const QString triggers = m_store.admin("triggers");
    const QString chosen = QLatin1String("SELECT t.id FROM ") + triggers + QLatin1String(" t WHERE ") + where;
    auto rows = m_store.query(QLatin1String("SELECT ") + QString::fromLatin1(TriggerColumns).arg(m_store.admin("chains")) + QLatin1String(" FROM ") + triggers
                                  + QLatin1String(" t WHERE ") + where + QLatin1String(" ORDER BY t.chain_id, t.name"),
                              params);
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return QList<TriggerRecord>();
    auto conditions = m_store.query(QLatin1String("SELECT trigger_id, config FROM ") + m_store.admin("trigger_conditions")
                                        + QLatin1String(" WHERE trigger_id IN (") + chosen + QLatin1String(") ORDER BY trigger_id, position"),
                                    params);
    if (!conditions)
        return conditions.error();
    auto actions = m_store.query(QLatin1String("SELECT trigger_id, id, config FROM ") + m_store.admin("trigger_actions")
                                     + QLatin1String(" WHERE trigger_id IN (") + chosen + QLatin1String(") ORDER BY trigger_id, position"),
                                 params);
    if (!actions)
        return actions.error();
    QVariantList statParams{false, m_store.now() - DayMs};
    statParams += params;
    auto stats = !withStats ? Result<QList<SqlRow>>(QList<SqlRow>()) : m_store.query(QLatin1String("SELECT trigger_id, COUNT(*), SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) FROM ")
                                   + m_store.admin("trigger_deliveries") + QLatin1String(" WHERE is_test = ? AND created_at >= ? AND trigger_id IN (")
                                   + chosen + QLatin1String(") GROUP BY trigger_id"),
                               statParams);
    if (!stats)
        return stats.error();

    QList<TriggerRecord> out;
    QHash<qint64, qsizetype> index;
    for (const SqlRow &r : *rows) {
        TriggerRecord rec;
        TriggerDef &d = rec.def;
        d.id = r[0].toLongLong();
        d.name = r[1].toString();
        d.description = r[2].toString();
        d.chainId = r[3].toLongLong();
        d.registry = registryKindFromName(r[4].toString()).value_or(RegistryKind::Reputation);
        d.enabled = r[5].toBool();
        if (!r[6].isNull())
            d.confirmations = r[6].toInt();
        rec.cursorBlock = r[7].toLongLong();
        if (!r[8].isNull())
            rec.enabledAt = r[8].toLongLong();
        if (!r[9].isNull())
            rec.lastFiredAt = r[9].toLongLong();
        d.createdAt = r[10].toLongLong();
        d.updatedAt = r[11].toLongLong();
        // The chain's name for templates ({{chain.name}}) and the default body.
        d.chainName = r[12].toString();
        index.insert(d.id, out.size());
        out.append(rec);
    }
    auto broken = [](qint64 id, const Error &e) {
        return Error::internal(tr("Trigger %1 as stored cannot be read (%2). Edit it again from its file.").arg(id).arg(e.toString()));
    };
    for (const SqlRow &r : *conditions) {
        TriggerDef &d = out[index.value(r[0].toLongLong())].def;
        auto c = parseCondition(jsonObject(r[1]), QStringLiteral("conditions[%1]").arg(d.conditions.size()));
        if (!c)
            return broken(d.id, c.error());
        d.conditions.append(*c);
    }
    for (const SqlRow &r : *actions) {
        TriggerDef &d = out[index.value(r[0].toLongLong())].def;
        auto a = parseAction(jsonObject(r[2]), QStringLiteral("actions[%1]").arg(d.actions.size()));
        if (!a)
            return broken(d.id, a.error());
        a->id = r[1].toLongLong();
        d.actions.append(*a);
    }
    for (const SqlRow &r : *stats) {
        TriggerRecord &rec = out[index.value(r[0].toLongLong())];
        rec.deliveries24h = r[1].toLongLong();
        rec.failures24h = r[2].toLongLong();
    }
    return out;
}

Result<TriggerRecord> TriggerStore::trigger(qint64 triggerId)
{
    auto list = loadTriggers(QStringLiteral("t.id = ?"), {triggerId});
    if (!list)
        return list.error();
    if (list->isEmpty())
        return Error::notFound(QStringLiteral("trigger"), tr("There is no trigger %1; `arborctl trigger list` shows the triggers.").arg(triggerId));
    return list->first();
}

Result<QList<TriggerRecord>> TriggerStore::triggers(std::optional<qint64> chainId)
{
    if (chainId)
        return loadTriggers(QStringLiteral("t.chain_id = ?"), {*chainId});
    return loadTriggers(QStringLiteral("1 = 1"), {});
}

Result<QJsonArray> TriggerStore::triggerState(qint64 triggerId)
{
    auto rows = m_store.query(QLatin1String("SELECT state FROM ") + m_store.admin("trigger_state") + QLatin1String(" WHERE trigger_id = ?"), {triggerId});
    if (!rows)
        return rows.error();
    return rows->isEmpty() ? QJsonArray() : jsonArray(rows->first()[0]);
}

// --- writing ------------------------------------------------------------------------------

Result<qint64> TriggerStore::startingCursor(qint64 chainId)
{
    // The chain row is locked (PostgreSQL) as promote() locks it: no range is promoted between
    // reading the checkpoint and storing the cursor.
    auto chain = m_store.query(QLatin1String("SELECT state, start_block FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?")
                                   + (m_store.backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                               {chainId});
    if (!chain)
        return chain.error();
    if (chain->isEmpty() || chain->first()[0].toString() == u"deleting")
        return Error::notFound(QStringLiteral("chain"), tr("There is no chain %1; `arborctl chain list` shows the chains.").arg(chainId));
    auto cp = m_store.query(QLatin1String("SELECT block_number FROM ") + m_store.admin("checkpoints") + QLatin1String(" WHERE chain_id = ?"), {chainId});
    if (!cp)
        return cp.error();
    if (!cp->isEmpty())
        return cp->first()[0].toLongLong();
    const QVariant start = chain->first()[1];
    return start.isNull() ? qint64(-1) : start.toLongLong() - 1;
}

Status TriggerStore::writeDefinition(qint64 triggerId, const TriggerDef &def, const QList<qint64> &actionIds)
{
    const QString conditions = m_store.admin("trigger_conditions");
    if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + conditions + QLatin1String(" WHERE trigger_id = ?"), {triggerId}); !s)
        return s;
    for (qsizetype i = 0; i < def.conditions.size(); ++i) {
        const Condition &c = def.conditions[i];
        if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + conditions
                                        + QLatin1String(" (trigger_id, position, condition_type, config) VALUES (?, ?, ?, ?)"),
                                    {triggerId, i, conditionTypeName(c.type), jsonText(conditionToJson(c))});
            !s)
            return s;
    }
    const QString actions = m_store.admin("trigger_actions");
    for (qsizetype i = 0; i < def.actions.size(); ++i) {
        Action a = def.actions[i];
        a.id = 0;
        const QVariantList values{i, actionTypeName(a.type), a.priority, jsonText(actionToJson(a))};
        const qint64 id = actionIds.value(i);
        Status s = id > 0 ? m_store.exec(QLatin1String("UPDATE ") + actions
                                             + QLatin1String(" SET position = ?, action_type = ?, priority = ?, config = ? WHERE id = ?"),
                                         values + QVariantList{id})
                          : m_store.exec(QLatin1String("INSERT INTO ") + actions
                                             + QLatin1String(" (trigger_id, position, action_type, priority, config) VALUES (?, ?, ?, ?, ?)"),
                                         QVariantList{triggerId} + values);
        if (!s)
            return s;
    }
    return {};
}

namespace {

Status checkName(const QString &name)
{
    if (name.trimmed().isEmpty())
        return Error::invalid(QStringLiteral("name"), TriggerStore::tr("A trigger needs a name."));
    if (name.size() > TriggerDef::MaxNameLength)
        return Error::invalid(QStringLiteral("name"),
                              TriggerStore::tr("A trigger's name has at most %1 characters.").arg(TriggerDef::MaxNameLength));
    return {};
}

} // namespace

Result<TriggerRecord> TriggerStore::addTrigger(const TriggerDef &input)
{
    if (Status s = checkName(input.name); !s)
        return s.error();
    TriggerDef def = input;
    def.name = input.name.trimmed();
    def.actions = sortedActions(input.actions);
    qint64 id = 0;
    Status s = m_store.transaction([&]() -> Status {
        auto cursor = startingCursor(def.chainId);
        if (!cursor)
            return cursor.error();
        auto taken = m_store.query(QLatin1String("SELECT id FROM ") + m_store.admin("triggers") + QLatin1String(" WHERE chain_id = ? AND name = ?"),
                                   {def.chainId, def.name});
        if (!taken)
            return taken.error();
        if (!taken->isEmpty())
            return Error::conflict(QStringLiteral("name"), tr("Chain %1 already has a trigger named “%2” (trigger %3); choose another name or edit that one.")
                                                               .arg(def.chainId).arg(def.name).arg(taken->first()[0].toLongLong()));
        const qint64 now = m_store.now();
        auto inserted = m_store.query(QLatin1String("INSERT INTO ") + m_store.admin("triggers")
                                          + QLatin1String(" (name, description, chain_id, registry, enabled, confirmations, cursor_block, enabled_at, "
                                                          "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                                      {def.name, def.description, def.chainId, registryKindName(def.registry), def.enabled,
                                       def.confirmations ? QVariant(*def.confirmations) : QVariant(), *cursor,
                                       def.enabled ? QVariant(now) : QVariant(), now, now});
        if (!inserted)
            return inserted.error();
        id = inserted->first()[0].toLongLong();
        return writeDefinition(id, def, {});
    });
    if (!s)
        return s.error();
    return trigger(id);
}

Result<TriggerRecord> TriggerStore::updateTrigger(const TriggerDef &input)
{
    if (Status s = checkName(input.name); !s)
        return s.error();
    TriggerDef def = input;
    def.name = input.name.trimmed();
    def.actions = sortedActions(input.actions);
    Status s = m_store.transaction([&]() -> Status {
        auto old = trigger(def.id);
        if (!old)
            return old.error();
        const TriggerDef &was = old->def;
        if (def.chainId != 0 && def.chainId != was.chainId)
            return Error::invalid(QStringLiteral("chain"), tr("A trigger stays on its chain (%1); add a new trigger for chain %2.")
                                                               .arg(was.chainId).arg(def.chainId));
        def.chainId = was.chainId;
        auto taken = m_store.query(QLatin1String("SELECT id FROM ") + m_store.admin("triggers")
                                       + QLatin1String(" WHERE chain_id = ? AND name = ? AND id <> ?"),
                                   {def.chainId, def.name, def.id});
        if (!taken)
            return taken.error();
        if (!taken->isEmpty())
            return Error::conflict(QStringLiteral("name"), tr("Chain %1 already has a trigger named “%2” (trigger %3); choose another name.")
                                                               .arg(def.chainId).arg(def.name).arg(taken->first()[0].toLongLong()));

        // Actions keep their ids (results and open deliveries stay linked): by the id they name,
        // then by position and type.
        QList<qint64> keep(def.actions.size(), 0);
        QSet<qint64> kept;
        for (qsizetype i = 0; i < def.actions.size(); ++i) {
            const Action &a = def.actions[i];
            for (const Action &o : was.actions) {
                if (a.id != 0 && o.id == a.id && o.type == a.type && !kept.contains(o.id)) {
                    keep[i] = o.id;
                    kept.insert(o.id);
                }
            }
        }
        for (qsizetype i = 0; i < def.actions.size(); ++i) {
            if (keep[i] == 0 && i < was.actions.size() && was.actions[i].type == def.actions[i].type && !kept.contains(was.actions[i].id)) {
                keep[i] = was.actions[i].id;
                kept.insert(keep[i]);
            }
        }
        for (const Action &o : was.actions) {
            if (kept.contains(o.id))
                continue;
            auto cancelled = DeliveryOutbox(m_store).cancel(QStringLiteral("trigger_id = ? AND action_id = ?"), {def.id, o.id},
                                                            QStringLiteral("the action was removed from the trigger"));
            if (!cancelled)
                return cancelled.error();
            if (Status e = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("trigger_actions") + QLatin1String(" WHERE id = ?"), {o.id}); !e)
                return e;
        }

        if (def.conditions != was.conditions || def.registry != was.registry) {
            for (const char *table : {"trigger_state", "trigger_state_history"}) {
                if (Status e = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin(table) + QLatin1String(" WHERE trigger_id = ?"), {def.id}); !e)
                    return e;
            }
        }
        const qint64 now = m_store.now();
        if (Status e = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("triggers")
                                        + QLatin1String(" SET name = ?, description = ?, registry = ?, confirmations = ?, updated_at = ? WHERE id = ?"),
                                    {def.name, def.description, registryKindName(def.registry),
                                     def.confirmations ? QVariant(*def.confirmations) : QVariant(), now, def.id});
            !e)
            return e;
        if (def.enabled != was.enabled) {
            if (Status e = writeEnabled(def.id, def.chainId, def.enabled); !e)
                return e;
        }
        return writeDefinition(def.id, def, keep);
    });
    if (!s)
        return s.error();
    return trigger(def.id);
}

Status TriggerStore::writeEnabled(qint64 triggerId, qint64 chainId, bool enabled)
{
    const qint64 now = m_store.now();
    if (!enabled)
        return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("triggers") + QLatin1String(" SET enabled = ?, updated_at = ? WHERE id = ?"),
                            {false, now, triggerId});
    auto cursor = startingCursor(chainId);
    if (!cursor)
        return cursor.error();
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("triggers")
                            + QLatin1String(" SET enabled = ?, cursor_block = ?, enabled_at = ?, updated_at = ? WHERE id = ?"),
                        {true, *cursor, now, now, triggerId});
}

Result<TriggerRecord> TriggerStore::setEnabled(qint64 triggerId, bool enabled)
{
    Status s = m_store.transaction([&]() -> Status {
        auto row = m_store.query(QLatin1String("SELECT chain_id, enabled FROM ") + m_store.admin("triggers") + QLatin1String(" WHERE id = ?"), {triggerId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return Error::notFound(QStringLiteral("trigger"), tr("There is no trigger %1; `arborctl trigger list` shows the triggers.").arg(triggerId));
        if (row->first()[1].toBool() == enabled)
            return {};
        return writeEnabled(triggerId, row->first()[0].toLongLong(), enabled);
    });
    if (!s)
        return s.error();
    return trigger(triggerId);
}

Status TriggerStore::deleteTrigger(qint64 triggerId)
{
    return m_store.transaction([&]() -> Status {
        auto row = m_store.query(QLatin1String("SELECT 1 FROM ") + m_store.admin("triggers") + QLatin1String(" WHERE id = ?"), {triggerId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return Error::notFound(QStringLiteral("trigger"), tr("There is no trigger %1; `arborctl trigger list` shows the triggers.").arg(triggerId));
        auto cancelled = DeliveryOutbox(m_store).cancel(QStringLiteral("trigger_id = ?"), {triggerId}, QStringLiteral("the trigger was deleted"));
        if (!cancelled)
            return cancelled.error();
        return m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("triggers") + QLatin1String(" WHERE id = ?"), {triggerId});
    });
}

} // namespace arbor

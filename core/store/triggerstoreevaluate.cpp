// TriggerStore: reading indexed events, evaluating triggers on them (live, dry run, replay) and
// the hourly event counts.

#include "store/triggerstore.h"
#include "store/actionstore.h"

#include "store/deliveryoutbox.h"
#include "store/triggerstorerows.h"
#include "triggers/triggerevaluator.h"

#include <QDateTime>
#include <QHash>

#include <algorithm>
#include <limits>

namespace arbor {

using namespace triggerrows;

namespace {

constexpr int ReplayPageEvents = 5000;

const char *const EventColumns = "e.block_number, e.log_index, e.tx_hash, e.registry, e.registry_kind, e.event, e.agent_id, e.actor, "
                                 "e.counterparty, e.feedback_index, e.value, e.value_decimals, e.tag1, e.tag2, e.uri, e.data_hash, "
                                 "e.metadata_key, e.metadata_value, e.response, e.endpoint, e.request_hash, b.hash, b.timestamp";

template<typename T>
Status optionalBytes(const QVariant &v, std::optional<T> &out, const char *field)
{
    if (v.isNull())
        return {};
    auto parsed = T::fromBytes(v.toByteArray(), QLatin1String(field));
    if (!parsed)
        return parsed.error();
    out = *parsed;
    return {};
}

std::optional<QString> optionalText(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<QString>(v.toString());
}

std::optional<qint64> optionalInt(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

} // namespace

namespace {

Result<TriggerEvent> eventFromRow(Store &store, qint64 chainId, const SqlRow &r)
{
    TriggerEvent t;
    t.chainId = chainId;
    AgentEvent &e = t.event;
    e.blockNumber = r[0].toLongLong();
    e.logIndex = r[1].toLongLong();
    auto tx = Hash::fromBytes(r[2].toByteArray(), QStringLiteral("agent_events.tx_hash"));
    auto registry = Address::fromBytes(r[3].toByteArray(), QStringLiteral("agent_events.registry"));
    auto agent = store.u256FromValue(r[6], QStringLiteral("agent_events.agent_id"));
    if (!tx || !registry || !agent)
        return !tx ? tx.error() : !registry ? registry.error() : agent.error();
    e.txHash = *tx;
    e.registry = *registry;
    e.kind = registryKindFromName(r[4].toString()).value_or(RegistryKind::Identity);
    e.event = r[5].toString();
    e.agentId = *agent;
    std::optional<Hash> dataHash, requestHash, blockHash;
    for (Status s : {optionalBytes(r[7], e.actor, "agent_events.actor"), optionalBytes(r[8], e.counterparty, "agent_events.counterparty"),
                     optionalBytes(r[15], dataHash, "agent_events.data_hash"), optionalBytes(r[20], requestHash, "agent_events.request_hash"),
                     optionalBytes(r[21], blockHash, "blocks.hash")}) {
        if (!s)
            return s.error();
    }
    e.dataHash = dataHash;
    e.requestHash = requestHash;
    e.feedbackIndex = optionalInt(r[9]);
    e.value = optionalText(r[10]);
    e.valueDecimals = optionalInt(r[11]);
    e.tag1 = optionalText(r[12]);
    e.tag2 = optionalText(r[13]);
    e.uri = optionalText(r[14]);
    e.metadataKey = optionalText(r[16]);
    if (!r[17].isNull())
        e.metadataValue = r[17].toByteArray();
    e.response = optionalInt(r[18]);
    e.endpoint = optionalText(r[19]);
    t.blockHash = blockHash.value_or(Hash());
    t.blockTimestamp = r[22].toLongLong();
    return t;
}

/// The limit of a trigger: how far it may read (see evaluate()). With confirmations of its own,
/// the node's head must be that far above an event, and so must the blocks indexed above it
/// (plus the chain's confirmations, which the checkpoint already lags the head by): while the
/// indexer has not reached a reorg the node already made, the head alone would confirm an event
/// that is gone.
qint64 triggerLimit(const TriggerRecord &t, qint64 checkpoint, qint64 head, qint64 chainConfirmations)
{
    if (!t.def.confirmations)
        return checkpoint;
    const qint64 depth = *t.def.confirmations;
    return std::min({checkpoint, head - depth, checkpoint + chainConfirmations - depth});
}

} // namespace

Result<QList<TriggerEvent>> TriggerStore::events(qint64 chainId, std::optional<RegistryKind> kind, qint64 fromBlock, qint64 toBlock, int limit)
{
    QVariantList params{fromBlock, toBlock};
    QString sql = QLatin1String("SELECT ") + QLatin1String(EventColumns) + QLatin1String(" FROM ")
        + m_store.chainTable(chainId, QStringLiteral("agent_events")) + QLatin1String(" e LEFT JOIN ") + m_store.chainTable(chainId, QStringLiteral("blocks"))
        + QLatin1String(" b ON b.number = e.block_number WHERE e.block_number >= ? AND e.block_number <= ?");
    if (kind) {
        sql += QLatin1String(" AND e.registry_kind = ?");
        params.append(registryKindName(*kind));
    }
    sql += QLatin1String(" ORDER BY e.block_number, e.log_index LIMIT ?");
    params.append(std::max(limit, 0));
    auto rows = m_store.query(sql, params);
    if (!rows)
        return rows.error();
    QList<TriggerEvent> out;
    out.reserve(rows->size());
    for (const SqlRow &r : *rows) {
        auto e = eventFromRow(m_store, chainId, r);
        if (!e)
            return Error::internal(tr("An indexed event of chain %1 cannot be read (%2); reindex its block.").arg(chainId).arg(e.error().toString()));
        out.append(*e);
    }
    return out;
}

Result<SampleEvent> TriggerStore::sampleEvent(const TriggerDef &def, int scanLimit)
{
    if (auto exists = checkpointOf(def.chainId); !exists)
        return exists.error();
    const TriggerEvaluator evaluator(def);
    const QString sql = QLatin1String("SELECT ") + QLatin1String(EventColumns) + QLatin1String(" FROM ")
        + m_store.chainTable(def.chainId, QStringLiteral("agent_events")) + QLatin1String(" e LEFT JOIN ")
        + m_store.chainTable(def.chainId, QStringLiteral("blocks"))
        + QLatin1String(" b ON b.number = e.block_number WHERE e.registry_kind = ?"
                        " AND (e.block_number < ? OR (e.block_number = ? AND e.log_index < ?))"
                        " ORDER BY e.block_number DESC, e.log_index DESC LIMIT ?");
    constexpr int Page = 500;
    SampleEvent sample;
    qint64 beforeBlock = std::numeric_limits<qint64>::max();
    qint64 beforeLog = 0;
    while (sample.scanned < scanLimit) {
        const int limit = int(std::min<qint64>(Page, scanLimit - sample.scanned));
        auto rows = m_store.query(sql, {registryKindName(def.registry), beforeBlock, beforeBlock, beforeLog, limit});
        if (!rows)
            return rows.error();
        for (const SqlRow &r : *rows) {
            auto e = eventFromRow(m_store, def.chainId, r);
            if (!e)
                return Error::internal(tr("An indexed event of chain %1 cannot be read (%2); reindex its block.").arg(def.chainId).arg(e.error().toString()));
            ++sample.scanned;
            if (!sample.event)
                sample.event = *e;   // the newest, in case none matches
            if (evaluator.matchesStateless(*e)) {
                sample.event = *e;
                sample.matches = true;
                return sample;
            }
            beforeBlock = e->event.blockNumber;
            beforeLog = e->event.logIndex;
        }
        if (rows->size() < limit)
            break;
    }
    return sample;
}

Result<QList<TriggerEvent>> TriggerStore::readWholeBlocks(qint64 chainId, RegistryKind kind, qint64 after, qint64 through, int maxEvents,
                                                          qint64 &readThrough)
{
    readThrough = after;
    if (through <= after)
        return QList<TriggerEvent>();
    auto list = events(chainId, kind, after + 1, through, std::max(maxEvents, 1) + 1);
    if (!list)
        return list;
    if (list->size() <= std::max(maxEvents, 1)) {
        readThrough = through;
        return list;
    }
    // More than asked: stop before the block the extra event is in, so that no block is split.
    const qint64 cut = list->last().event.blockNumber;
    while (!list->isEmpty() && list->last().event.blockNumber == cut)
        list->removeLast();
    if (!list->isEmpty()) {
        readThrough = cut - 1;
        return list;
    }
    // One block holds more than maxEvents events: it is read whole.
    readThrough = cut;
    return events(chainId, kind, cut, cut, std::numeric_limits<int>::max());
}

// --- live evaluation -----------------------------------------------------------------------

Result<EvaluationRun> TriggerStore::evaluate(qint64 chainId, qint64 head, int maxEvents)
{
    EvaluationRun run;
    auto cp = checkpointOf(chainId);
    if (!cp && cp.error().kind == Error::Kind::NotFound)
        return run;   // gone or being deleted: nothing to evaluate
    if (!cp)
        return cp.error();
    if (*cp < 0)
        return run;
    const qint64 checkpoint = *cp;
    if (auto counted = countEvents(chainId, checkpoint, maxEvents, run.caughtUp); !counted)
        return counted.error();
    auto chainRows = m_store.query(QLatin1String("SELECT confirmations FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?"),
                                   {chainId});
    if (!chainRows)
        return chainRows.error();
    const qint64 chainConfirmations = chainRows->isEmpty() ? 0 : chainRows->first()[0].toLongLong();

    auto triggers = loadTriggers(QStringLiteral("t.chain_id = ? AND t.enabled = ?"), {chainId, true}, false);
    if (!triggers)
        return triggers.error();
    if (triggers->isEmpty())
        return run;
    auto states = m_store.query(QLatin1String("SELECT s.trigger_id, s.state FROM ") + m_store.admin("trigger_state") + QLatin1String(" s JOIN ")
                                    + m_store.admin("triggers") + QLatin1String(" t ON t.id = s.trigger_id WHERE t.chain_id = ?"),
                                {chainId});
    if (!states)
        return states.error();
    QHash<qint64, QJsonArray> stateOf;
    for (const SqlRow &r : *states)
        stateOf.insert(r[0].toLongLong(), jsonArray(r[1]));

    QJsonArray quietMoves;   // the cursors of triggers that neither fired nor changed state
    for (RegistryKind kind : {RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation}) {
        QList<const TriggerRecord *> active;
        qint64 from = std::numeric_limits<qint64>::max();
        qint64 to = std::numeric_limits<qint64>::min();
        for (const TriggerRecord &t : std::as_const(*triggers)) {
            const qint64 limit = triggerLimit(t, checkpoint, head, chainConfirmations);
            if (t.def.registry != kind || t.cursorBlock >= limit)
                continue;
            active.append(&t);
            from = std::min(from, t.cursorBlock);
            to = std::max(to, limit);
        }
        if (active.isEmpty())
            continue;
        // Each event is read once for all the registry's triggers.
        qint64 readThrough = from;
        auto events = readWholeBlocks(chainId, kind, from, to, maxEvents, readThrough);
        if (!events)
            return events.error();
        if (readThrough < to)
            run.caughtUp = false;
        run.events += events->size();
        QHash<qsizetype, QJsonObject> jsonOf;   // eventToJson(), made for events that fire only
        for (const TriggerRecord *t : std::as_const(active)) {
            const qint64 newCursor = std::min(triggerLimit(*t, checkpoint, head, chainConfirmations), readThrough);
            if (newCursor <= t->cursorBlock)
                continue;
            auto created = evaluateTrigger(*t, stateOf.value(t->def.id), *events, jsonOf, newCursor, quietMoves);
            if (!created)
                return created.error();
            run.deliveries += *created;
        }
    }
    if (Status s = moveQuietCursors(quietMoves); !s)
        return s.error();
    return run;
}

Status TriggerStore::moveQuietCursors(const QJsonArray &moves)
{
    if (moves.isEmpty())
        return {};
    using C = Store::JsonColumn;
    const QString from = m_store.jsonRows({C{QLatin1String("id"), QLatin1String("bigint")}, C{QLatin1String("cursor"), QLatin1String("bigint")},
                                           C{QLatin1String("was"), QLatin1String("bigint")}, C{QLatin1String("edited"), QLatin1String("bigint")}},
                                          QStringLiteral("m"));
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("triggers") + QLatin1String(" AS t SET cursor_block = m.cursor FROM ") + from
                            + QLatin1String(" WHERE t.id = m.id AND t.cursor_block = m.was AND t.updated_at = m.edited AND t.enabled = ?"),
                        {Store::jsonRowsValue(moves), true});
}

Result<qint64> TriggerStore::evaluateTrigger(const TriggerRecord &t, QJsonArray state, const QList<TriggerEvent> &events,
                                             QHash<qsizetype, QJsonObject> &jsonOf, qint64 newCursor, QJsonArray &quietMoves)
{
    const TriggerEvaluator evaluator(t.def);
    QList<qsizetype> matches;
    QList<std::pair<qint64, QJsonArray>> history;   // (block, state after it) where it changed
    QJsonArray saved = state;
    qint64 block = t.cursorBlock;
    auto first = std::upper_bound(events.begin(), events.end(), t.cursorBlock,
                                  [](qint64 cursor, const TriggerEvent &e) { return cursor < e.event.blockNumber; });
    for (auto it = first; it != events.end() && it->event.blockNumber <= newCursor; ++it) {
        if (it->event.blockNumber != block) {
            if (state != saved)
                history.append({block, saved = state});
            block = it->event.blockNumber;
        }
        if (evaluator.evaluate(*it, state))
            matches.append(it - events.begin());
    }
    if (state != saved)
        history.append({block, state});

    // Nothing matched and the state stayed: only the cursor moves, with the same guard as the
    // transaction below (not moved, edited or disabled since it was read). With many triggers
    // on a chain most evaluations are these: evaluate() moves them all in one statement.
    if (matches.isEmpty() && history.isEmpty()) {
        quietMoves.append(QJsonObject{{QStringLiteral("id"), t.def.id},
                                      {QStringLiteral("cursor"), newCursor},
                                      {QStringLiteral("was"), t.cursorBlock},
                                      {QStringLiteral("edited"), t.def.updatedAt}});
        return qint64(0);
    }

    qint64 created = 0;
    Status s = m_store.transaction([&]() -> Status {
        // Someone else moved or changed the trigger since it was read: its next run decides.
        auto now = m_store.query(QLatin1String("SELECT cursor_block, updated_at, enabled FROM ") + m_store.admin("triggers") + QLatin1String(" WHERE id = ?")
                                     + (m_store.backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                                 {t.def.id});
        if (!now)
            return now.error();
        if (now->isEmpty() || now->first()[0].toLongLong() != t.cursorBlock || now->first()[1].toLongLong() != t.def.updatedAt || !now->first()[2].toBool())
            return {};
        QList<OutboxDelivery> deliveries;
        deliveries.reserve(matches.size() * t.def.actions.size());
        for (qsizetype i : std::as_const(matches)) {
            const TriggerEvent &event = events[i];
            auto json = jsonOf.find(i);
            if (json == jsonOf.end())
                json = jsonOf.insert(i, eventToJson(event));
            for (const Action &a : t.def.actions) {
                deliveries.append(outboxDelivery(t.def, a, event, *json,
                                                 deliveryIdFor(t.def.id, a.id, event.chainId, event.event.txHash, event.event.logIndex), false, false));
            }
        }
        auto written = DeliveryOutbox(m_store).addAll(deliveries);
        if (!written)
            return written.error();
        created = *written;
        return saveProgress(t.def.id, newCursor, history, created > 0);
    });
    if (!s)
        return s.error();
    return created;
}

Status TriggerStore::saveProgress(qint64 triggerId, qint64 newCursor, const QList<std::pair<qint64, QJsonArray>> &history, bool fired)
{
    const qint64 now = m_store.now();
    if (!history.isEmpty()) {
        const QString text = jsonText(history.last().second);
        if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("trigger_state")
                                        + QLatin1String(" (trigger_id, state, cursor_block, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (trigger_id) DO UPDATE "
                                                        "SET state = excluded.state, cursor_block = excluded.cursor_block, updated_at = excluded.updated_at"),
                                    {triggerId, text, newCursor, now});
            !s)
            return s;
        const QString table = m_store.admin("trigger_state_history");
        // Only the newest StateHistoryRows survive the pruning below, and the stored rows are
        // older than these (none lie above the old cursor): the older ones are not written.
        for (qsizetype i = std::max<qsizetype>(0, history.size() - StateHistoryRows); i < history.size(); ++i) {
            const auto &[block, state] = history[i];
            if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + table
                                            + QLatin1String(" (trigger_id, block_number, state) VALUES (?, ?, ?) "
                                                            "ON CONFLICT (trigger_id, block_number) DO UPDATE SET state = excluded.state"),
                                        {triggerId, block, jsonText(state)});
                !s)
                return s;
        }
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + table + QLatin1String(" WHERE trigger_id = ? AND block_number < (SELECT block_number FROM ")
                                        + table + QLatin1String(" WHERE trigger_id = ? ORDER BY block_number DESC LIMIT 1 OFFSET ?)"),
                                    {triggerId, triggerId, StateHistoryRows - 1});
            !s)
            return s;
    }
    if (fired) {
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("triggers") + QLatin1String(" SET last_fired_at = ? WHERE id = ?"), {now, triggerId});
            !s)
            return s;
    }
    return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("triggers") + QLatin1String(" SET cursor_block = ? WHERE id = ?"), {newCursor, triggerId});
}

// --- dry run and replay --------------------------------------------------------------------

Result<DryRunResult> TriggerStore::dryRun(const TriggerDef &def, qint64 fromBlock, qint64 toBlock, int maxEvents)
{
    auto checkpoint = checkpointOf(def.chainId);
    if (!checkpoint)
        return checkpoint.error();
    if (fromBlock < 0 || (toBlock >= 0 && toBlock < fromBlock))
        return Error::invalid(QStringLiteral("range"), tr("A dry run needs 0 ≤ --from-block ≤ --to-block (got %1–%2).").arg(fromBlock).arg(toBlock));
    const qint64 to = toBlock < 0 ? *checkpoint : std::min(toBlock, *checkpoint);
    DryRunResult result;
    result.fromBlock = fromBlock;
    result.throughBlock = to;
    if (to < fromBlock)
        return result;   // nothing indexed there yet
    auto events = readWholeBlocks(def.chainId, def.registry, fromBlock - 1, to, maxEvents, result.throughBlock);
    if (!events)
        return events.error();
    result.truncated = result.throughBlock < to;
    result.events = events->size();
    const TriggerEvaluator evaluator(def);
    QJsonArray state;
    for (const TriggerEvent &event : std::as_const(*events)) {
        if (!evaluator.evaluate(event, state))
            continue;
        DryRunMatch match{event, eventToJson(event), {}};
        for (const Action &a : def.actions) {
            DryRunAction out;
            out.action = a;
            out.deliveryId = deliveryIdFor(def.id, a.id, event.chainId, event.event.txHash, event.event.logIndex);
            auto rendered = renderPayload(a, payloadContext(out.deliveryId, def, a, match.eventJson));
            if (rendered) {
                out.body = rendered->body;
                out.target = rendered->target;
            } else {
                out.error = rendered.error().toString();
            }
            match.actions.append(out);
        }
        result.matches.append(match);
    }
    return result;
}

Result<ReplayResult> TriggerStore::replay(qint64 triggerId, qint64 fromBlock, qint64 toBlock, std::optional<qint64> actionId)
{
    auto rec = trigger(triggerId);
    if (!rec)
        return rec.error();
    const TriggerDef &def = rec->def;
    if (actionId && std::none_of(def.actions.cbegin(), def.actions.cend(), [&](const Action &a) { return a.id == *actionId; }))
        return Error::notFound(QStringLiteral("action"), tr("Trigger %1 has no action %2; `arborctl trigger actions` lists them.").arg(triggerId).arg(*actionId));
    auto checkpoint = checkpointOf(def.chainId);
    if (!checkpoint)
        return checkpoint.error();
    if (fromBlock < 0 || toBlock < fromBlock)
        return Error::invalid(QStringLiteral("range"), tr("A replay needs 0 ≤ --from-block ≤ --to-block (got %1–%2).").arg(fromBlock).arg(toBlock));
    if (toBlock > *checkpoint)
        return Error::invalid(QStringLiteral("to"), tr("Chain %1 is indexed through block %2; a replay must end at or below it.").arg(def.chainId).arg(*checkpoint));
    ReplayResult result;
    const TriggerEvaluator evaluator(def);
    QJsonArray state;
    qint64 after = fromBlock - 1;
    while (after < toBlock) {
        qint64 readThrough = after;
        auto events = readWholeBlocks(def.chainId, def.registry, after, toBlock, ReplayPageEvents, readThrough);
        if (!events)
            return events.error();
        result.events += events->size();
        Status s = m_store.transaction([&]() -> Status {
            qint64 created = 0;
            for (const TriggerEvent &event : std::as_const(*events)) {
                if (!evaluator.evaluate(event, state))
                    continue;
                ++result.matches;
                const QJsonObject json = eventToJson(event);
                for (const Action &a : def.actions) {
                    if (actionId && a.id != *actionId)
                        continue;
                    const QString id = deliveryIdFor(def.id, a.id, event.chainId, event.event.txHash, event.event.logIndex);
                    auto written = insertDelivery(def, a, event, json, id, false, true);
                    if (!written)
                        return written.error();
                    ++(*written ? created : result.skipped);
                    if (*written)
                        continue;
                    DeadLetterFilter dead;
                    dead.deliveryId = id;
                    auto resent = ActionStore(m_store).resendDead(dead, m_store.now());
                    if (!resent)
                        return resent.error();
                    result.resent += *resent;
                    created += *resent;
                }
            }
            result.created += created;
            if (created == 0)
                return {};
            return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("triggers") + QLatin1String(" SET last_fired_at = ? WHERE id = ?"),
                                {m_store.now(), triggerId});
        });
        if (!s)
            return s.error();
        after = readThrough;
    }
    return result;
}

Result<qint64> TriggerStore::checkpointOf(qint64 chainId)
{
    auto chain = m_store.query(QLatin1String("SELECT c.state, k.block_number FROM ") + m_store.admin("chains") + QLatin1String(" c LEFT JOIN ")
                                   + m_store.admin("checkpoints") + QLatin1String(" k ON k.chain_id = c.chain_id WHERE c.chain_id = ?"),
                               {chainId});
    if (!chain)
        return chain.error();
    if (chain->isEmpty() || chain->first()[0].toString() == u"deleting")
        return Error::notFound(QStringLiteral("chain"), tr("There is no chain %1; `arborctl chain list` shows the chains.").arg(chainId));
    return chain->first()[1].isNull() ? qint64(-1) : chain->first()[1].toLongLong();
}

// --- hourly event counts -------------------------------------------------------------------

Result<qint64> TriggerStore::countEvents(qint64 chainId, qint64 checkpoint, int maxEvents, bool &caughtUp)
{
    const QString progress = m_store.admin("trigger_event_count_progress");
    qint64 counted = -1;
    qint64 through = checkpoint;
    Status s = m_store.transaction([&]() -> Status {
        auto row = m_store.query(QLatin1String("SELECT counted_block FROM ") + progress + QLatin1String(" WHERE chain_id = ?")
                                     + (m_store.backend() == Backend::Postgres ? QLatin1String(" FOR UPDATE") : QLatin1String()),
                                 {chainId});
        if (!row)
            return row.error();
        counted = row->isEmpty() ? -1 : row->first()[0].toLongLong();
        if (counted >= checkpoint)
            return {};
        // About maxEvents at a time, whole blocks.
        auto beyond = m_store.query(QLatin1String("SELECT block_number FROM ") + m_store.chainTable(chainId, QStringLiteral("agent_events"))
                                        + QLatin1String(" WHERE block_number > ? AND block_number <= ? ORDER BY block_number, log_index LIMIT 1 OFFSET ?"),
                                    {counted, checkpoint, std::max(maxEvents, 1)});
        if (!beyond)
            return beyond.error();
        if (!beyond->isEmpty()) {
            through = std::max(counted + 1, beyond->first()[0].toLongLong() - 1);
            caughtUp = false;
        }
        if (Status e = addEventCounts(chainId, counted, through, +1); !e)
            return e;
        return m_store.exec(QLatin1String("INSERT INTO ") + progress
                                + QLatin1String(" (chain_id, counted_block, updated_at) VALUES (?, ?, ?) ON CONFLICT (chain_id) DO UPDATE "
                                                "SET counted_block = excluded.counted_block, updated_at = excluded.updated_at"),
                            {chainId, through, m_store.now()});
    });
    if (!s)
        return s.error();
    return std::max<qint64>(0, through - counted);
}

Result<QList<EventCountHour>> TriggerStore::eventCounts(qint64 sinceMs, std::optional<qint64> chainId)
{
    QVariantList params{sinceMs};
    QString sql = QLatin1String("SELECT hour, chain_id, registry, event_type, count FROM ") + m_store.admin("trigger_event_counts_hourly")
        + QLatin1String(" WHERE hour >= ?");
    if (chainId) {
        sql += QLatin1String(" AND chain_id = ?");
        params.append(*chainId);
    }
    auto rows = m_store.query(sql + QLatin1String(" ORDER BY hour, chain_id, registry, event_type"), params);
    if (!rows)
        return rows.error();
    QList<EventCountHour> out;
    for (const SqlRow &r : *rows)
        out.append({r[0].toLongLong(), r[1].toLongLong(), registryKindFromName(r[2].toString()).value_or(RegistryKind::Identity), r[3].toString(),
                    r[4].toLongLong()});
    return out;
}

Result<std::pair<qint64, qint64>> TriggerStore::blocksBetween(qint64 chainId, qint64 fromMs, qint64 toMs)
{
    if (auto exists = checkpointOf(chainId); !exists)
        return exists.error();
    auto rows = m_store.query(QLatin1String("SELECT MIN(number), MAX(number) FROM ") + m_store.chainTable(chainId, QStringLiteral("blocks"))
                                  + QLatin1String(" WHERE timestamp >= ? AND timestamp <= ?"),
                              {fromMs / 1000, toMs / 1000});
    if (!rows)
        return rows.error();
    if (rows->isEmpty() || rows->first()[0].isNull()) {
        return Error::notFound(QStringLiteral("since"), tr("Chain %1 has no indexed block stamped between %2 and %3.")
                                                            .arg(chainId)
                                                            .arg(QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC).toString(Qt::ISODate),
                                                                 QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC).toString(Qt::ISODate)));
    }
    return std::pair<qint64, qint64>(rows->first()[0].toLongLong(), rows->first()[1].toLongLong());
}

} // namespace arbor

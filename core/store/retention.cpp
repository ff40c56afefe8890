#include "store/retention.h"

namespace arbor {
namespace {

constexpr int MaximumDays = 36500;

QString keptDays(std::optional<int> days)
{
    return days ? QString::number(*days) : QStringLiteral("never");
}

} // namespace

QList<RetentionPolicy> RetentionStore::policies()
{
    return {
        {QStringLiteral("action_results"), tr("Action results"),
         tr("trigger and alert action results, and finished deliveries (sent, failed or cancelled) of the same age"), 90, 1, true},
        {QStringLiteral("queue_completed"), tr("Completed queue items"),
         tr("balance-queue items completed that long ago (pending, processing and failed items are never removed)"), 7, 1, false},
        {QStringLiteral("chart_samples"), tr("Chart history"), tr("the chain charts' recorded samples (lag, blocks per second, RPC latency)"), 7, 1, false},
        {QStringLiteral("queue_health"), tr("Queue health samples"), tr("the balance queue's recorded health samples"), 1, 1, false},
        {QStringLiteral("alert_history"), tr("Alert history"), tr("alerts cleared that long ago (active alerts are never removed)"), 180, 1, true},
        {QStringLiteral("maintenance_log"), tr("Maintenance log"), tr("finished maintenance, retention, backup and restore runs"), 365, 7, true},
        {QStringLiteral("size_samples"), tr("Database size history"), tr("the database size samples behind the growth chart"), 365, 7, true},
        {QStringLiteral("raw_events"), tr("Raw chain events"),
         tr("each chain's ERC-8004 events and the transfers of balanceOf tokens, by block time; transfers of "
            "transfers-mode tokens are kept, since their balances are sums of them"),
         std::nullopt, 1, true},
    };
}

std::optional<RetentionPolicy> RetentionStore::policy(const QString &name)
{
    for (const RetentionPolicy &p : policies()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

Status RetentionStore::validate(const QString &name, std::optional<int> days, const QString &field)
{
    const auto p = policy(name);
    if (!p) {
        QStringList names;
        for (const RetentionPolicy &known : policies())
            names.append(known.name);
        return Error::invalid(field, tr("There is no retention policy “%1”; the policies are %2.").arg(name, names.join(QStringLiteral(", "))));
    }
    if (!days) {
        if (!p->mayKeepForever)
            return Error::invalid(field, tr("%1 (%2) cannot be kept for ever: give a number of days, at least %3.").arg(p->title, p->name).arg(p->minimumDays));
        return {};
    }
    if (*days < p->minimumDays || *days > MaximumDays) {
        const QString fix = p->mayKeepForever ? tr("give a whole number of days from %1 to %2, or never").arg(p->minimumDays).arg(MaximumDays)
                                              : tr("give a whole number of days from %1 to %2").arg(p->minimumDays).arg(MaximumDays);
        return Error::invalid(field, tr("%1 (%2) cannot be kept %3 days: %4.").arg(p->title, p->name).arg(*days).arg(fix));
    }
    return {};
}

Result<QList<RetentionSetting>> RetentionStore::settings()
{
    auto rows = m_store.query(QLatin1String("SELECT name, days, updated_at FROM ") + m_store.admin("retention_policies"));
    if (!rows)
        return rows.error();
    QList<RetentionSetting> out;
    for (const RetentionPolicy &p : policies()) {
        RetentionSetting s{p, p.defaultDays, true, 0};
        for (const SqlRow &r : *rows) {
            if (r[0].toString() != p.name)
                continue;
            s.days = r[1].isNull() ? std::nullopt : std::optional<int>(r[1].toInt());
            s.isDefault = false;
            s.updatedAt = r[2].toLongLong();
        }
        out.append(s);
    }
    return out;
}

Result<RetentionSetting> RetentionStore::setDays(const QString &name, std::optional<int> days)
{
    if (Status s = validate(name, days); !s)
        return s.error();
    const qint64 now = m_store.now();
    if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("retention_policies")
                                    + QLatin1String(" (name, days, updated_at) VALUES (?, ?, ?) "
                                                    "ON CONFLICT (name) DO UPDATE SET days = excluded.days, updated_at = excluded.updated_at"),
                                {name, days ? QVariant(qint64(*days)) : QVariant(), now});
        !s)
        return s.error();
    qCInfo(lcStore) << "retention policy" << name << "set to" << keptDays(days) << "days";
    return RetentionSetting{*policy(name), days, false, now};
}

Result<QList<RetentionTarget>> RetentionStore::targets()
{
    auto all = settings();
    if (!all)
        return all.error();
    const qint64 now = m_store.now();
    QList<RetentionTarget> out;
    for (const RetentionSetting &s : *all) {
        if (!s.days)
            continue;
        const qint64 cutoff = now - qint64(*s.days) * DayMs;
        const QString &name = s.policy.name;
        const auto add = [&](const char *table, const char *where) {
            out.append(RetentionTarget{name, m_store.admin(table), QString::fromLatin1(where), {cutoff}, {}});
        };
        if (name == u"action_results") {
            add("action_results", "at < ?");
            add("trigger_deliveries", "status IN ('success', 'failed', 'cancelled') AND finished_at < ?");
        } else if (name == u"queue_completed") {
            add("balance_update_queue", "status = 'completed' AND processed_at < ?");
        } else if (name == u"chart_samples") {
            add("metric_samples", "sampled_at < ?");
            add("endpoint_samples", "sampled_at < ?");
        } else if (name == u"queue_health") {
            add("queue_health", "sampled_at < ?");
        } else if (name == u"alert_history") {
            add("alert_history", "cleared_at IS NOT NULL AND cleared_at < ?");
        } else if (name == u"maintenance_log") {
            add("maintenance_runs", "finished_at IS NOT NULL AND started_at < ?");
        } else if (name == u"size_samples") {
            add("database_size_samples", "sampled_at < ?");
        } else if (name == u"raw_events") {
            auto raw = rawEventTargets(cutoff);
            if (!raw)
                return raw.error();
            out += *raw;
        }
    }
    return out;
}

Result<QList<RetentionTarget>> RetentionStore::rawEventTargets(qint64 cutoffMs)
{
    auto chains = m_store.query(QLatin1String("SELECT c.chain_id, a.chain_id, a.agents_recounted_at FROM ") + m_store.admin("chains") + QLatin1String(" c LEFT JOIN ")
                                + m_store.admin("aggregate_state") + QLatin1String(" a ON a.chain_id = c.chain_id WHERE c.state <> 'deleting' ORDER BY c.chain_id"));
    if (!chains)
        return chains.error();
    const qint64 cutoffSeconds = cutoffMs / 1000;
    QList<RetentionTarget> out;
    for (const SqlRow &chain : *chains) {
        const qint64 chainId = chain[0].toLongLong();
        const QString blocks = m_store.chainTable(chainId, QStringLiteral("blocks"));
        if (chain[1].isNull()) {
            // Its daily statistics are still to be counted from these rows.
            out.append(RetentionTarget{QStringLiteral("raw_events"), QString(), QString(), {},
                        tr("chain %1 keeps its raw events until its daily statistics have been counted from them").arg(chainId)});
            continue;
        }
        // The newest block older than the cutoff, by binary search on the block number (block
        // times grow with it): a few indexed lookups instead of a scan of the blocks table.
        auto span = m_store.query(QLatin1String("SELECT MIN(number), MAX(number) FROM ") + blocks);
        if (!span)
            return span.error();
        if (span->isEmpty() || span->first()[0].isNull())
            continue;
        qint64 lo = span->first()[0].toLongLong();
        qint64 hi = span->first()[1].toLongLong();
        std::optional<qint64> last;
        while (lo <= hi) {
            const qint64 mid = lo + (hi - lo) / 2;
            auto at = m_store.query(QLatin1String("SELECT number, timestamp FROM ") + blocks + QLatin1String(" WHERE number >= ? ORDER BY number LIMIT 1"), {mid});
            if (!at)
                return at.error();
            if (at->isEmpty() || at->first()[0].toLongLong() > hi) {
                hi = mid - 1;
                continue;
            }
            const qint64 number = at->first()[0].toLongLong();
            if (at->first()[1].toLongLong() < cutoffSeconds) {
                last = number;
                lo = number + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (!last)
            continue;
        if (chain[2].isNull()) {
            // Its agents' summaries are still to be counted from these events.
            out.append(RetentionTarget{QStringLiteral("raw_events"), QString(), QString(), {},
                        tr("chain %1 keeps its ERC-8004 events until its agents' summaries have been counted from them").arg(chainId)});
        } else {
            out.append(RetentionTarget{QStringLiteral("raw_events"), m_store.chainTable(chainId, QStringLiteral("agent_events")), QStringLiteral("block_number <= ?"), {*last}, {}});
        }
        out.append(RetentionTarget{QStringLiteral("raw_events"), m_store.chainTable(chainId, QStringLiteral("token_transfers")),
                    QLatin1String("block_number <= ? AND token IN (SELECT address FROM ") + m_store.admin("tokens")
                        + QLatin1String(" WHERE chain_id = ? AND balance_mode = 'balance_of')"),
                    {*last, chainId}, {}});
    }
    return out;
}

Result<qint64> RetentionStore::deleteBatch(const RetentionTarget &target, int batch)
{
    if (target.table.isEmpty())
        return 0;
    // By row handle (SQLite rowid, PostgreSQL ctid): one statement for any table, whatever its key.
    const bool pg = m_store.backend() == Backend::Postgres;
    const QString select = QLatin1String(pg ? "SELECT ctid FROM " : "SELECT rowid FROM ") + target.table + QLatin1String(" WHERE ") + target.where
        + QLatin1String(" LIMIT ") + QString::number(std::max(1, batch));
    const QString sql = QLatin1String("DELETE FROM ") + target.table
        + (pg ? QString(QLatin1String(" WHERE ctid = ANY(ARRAY(") + select + QLatin1String("))")) : QString(QLatin1String(" WHERE rowid IN (") + select + u')'))
        + QLatin1String(" RETURNING 1");
    qint64 deleted = 0;
    Status s = m_store.transaction([&]() -> Status {
        auto rows = m_store.query(sql, target.params);
        if (!rows)
            return rows.error();
        deleted = rows->size();
        return {};
    });
    if (!s)
        return s.error();
    return deleted;
}

Result<QList<std::pair<QString, qint64>>> RetentionStore::apply(int batch)
{
    auto all = targets();
    if (!all)
        return all.error();
    QList<std::pair<QString, qint64>> out;
    for (const RetentionPolicy &p : policies())
        out.append({p.name, 0});
    for (const RetentionTarget &t : *all) {
        qint64 total = 0;
        for (;;) {
            auto n = deleteBatch(t, batch);
            if (!n)
                return n.error();
            total += *n;
            if (*n < batch)
                break;
        }
        for (auto &entry : out) {
            if (entry.first == t.policy)
                entry.second += total;
        }
    }
    return out;
}

} // namespace arbor

// EngineStore: engines and per-chain leases. Every time is by the database's clock.
#include "store/enginestore.h"

#include <algorithm>

namespace arbor {
namespace {

/// The level that spreads `chains` over engines of these capacities (none: no limit): each takes
/// min(its capacity, level), and together they hold at least every chain (or all they can).
qint64 fairLevel(qint64 chains, const QList<std::optional<int>> &capacities)
{
    if (capacities.isEmpty())
        return 0;
    for (qint64 level = 0; level < chains; ++level) {
        qint64 total = 0;
        for (const std::optional<int> &cap : capacities)
            total += cap ? std::min<qint64>(*cap, level) : level;
        if (total >= chains)
            return level;
    }
    return chains;
}

qint64 targetFor(const std::optional<int> &cap, qint64 level)
{
    return cap ? std::min<qint64>(*cap, level) : level;
}

} // namespace

Status EngineStore::join(const EngineIdentity &me)
{
    return m_store.transaction([&]() -> Status {
        auto now = m_store.databaseNow();
        if (!now)
            return now.error();
        auto rows = m_store.query(QLatin1String("SELECT token, host, pid, heartbeat_at, lease_ms, name FROM ") + m_store.admin("engines"));
        if (!rows)
            return rows.error();
        for (const SqlRow &r : std::as_const(*rows)) {
            const QString token = r[0].toString();
            if (token == me.token)
                continue;
            // Known dead without waiting for its lease to run out: on this host, an engine whose
            // process is gone (killed, crashed, restarted by systemd).
            const bool dead = r[1].toString() == me.host && !processAlive(r[2].toLongLong());
            const bool alive = !dead && r[3].toLongLong() + r[4].toLongLong() >= *now;
            if (r[5].toString() == me.name && alive)
                return Error::conflict(QStringLiteral("engine-name"),
                                       tr("An engine named “%1” is already running on %2 (pid %3). Give this one another name with --engine-name.")
                                           .arg(me.name, r[1].toString())
                                           .arg(r[2].toLongLong()));
            // A dead engine is forgotten: its chains are claimable at once (their owner_token
            // names no engine any more).
            if (r[5].toString() == me.name || dead) {
                if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("engines") + QLatin1String(" WHERE token = ?"), {token}); !s)
                    return s;
            }
        }
        // Engines gone for a day are forgotten; the recently dead stay listed as such.
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("engines") + QLatin1String(" WHERE heartbeat_at + lease_ms < ?"),
                                    {*now - 24LL * 3600 * 1000});
            !s)
            return s;
        return m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("engines")
                                + QLatin1String(" (name, token, host, pid, app, started_at, heartbeat_at, lease_ms, max_chains, draining) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"),
                            {me.name, me.token, me.host, me.pid, me.app, *now, *now, me.leaseMs,
                             me.maxChains ? QVariant(qint64(*me.maxChains)) : QVariant()});
    });
}

Status EngineStore::leave(const QString &token)
{
    return m_store.transaction([&]() -> Status {
        if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("chain_leases")
                                        + QLatin1String(" SET owner = NULL, owner_token = NULL, heartbeat_at = NULL, expires_at = 0 WHERE owner_token = ?"),
                                    {token});
            !s)
            return s;
        return m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("engines") + QLatin1String(" WHERE token = ?"), {token});
    });
}

Status EngineStore::forgetOthers(const QString &token)
{
    return m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("engines") + QLatin1String(" WHERE token <> ?"), {token});
}

Result<QList<EngineRecord>> EngineStore::liveEngines(qint64 now)
{
    auto all = engines();
    if (!all)
        return all.error();
    QList<EngineRecord> live;
    for (const EngineRecord &e : std::as_const(*all)) {
        if (e.heartbeatAt + e.leaseMs >= now)
            live.append(e);
    }
    return live;
}

Result<LeaseRound> EngineStore::heartbeat(const EngineIdentity &me, const QHash<qint64, qint64> &previous, const QList<qint64> &onlyChains)
{
    LeaseRound round;
    Status status = m_store.transaction([&]() -> Status {
        auto clock = m_store.databaseNow();
        if (!clock)
            return clock.error();
        const qint64 now = *clock;
        const qint64 expires = now + me.leaseMs;
        auto beat = m_store.query(QLatin1String("UPDATE ") + m_store.admin("engines")
                                      + QLatin1String(" SET heartbeat_at = ?, lease_ms = ?, max_chains = ? WHERE token = ? RETURNING draining"),
                                  {now, me.leaseMs, me.maxChains ? QVariant(qint64(*me.maxChains)) : QVariant(), me.token});
        if (!beat)
            return beat.error();
        if (beat->isEmpty())
            return Error::conflict(QStringLiteral("engine"), tr("Engine “%1” is no longer registered on %2.").arg(me.name, m_store.url().displayName()));
        const bool draining = beat->first()[0].toLongLong() != 0;

        // An engine on this host whose process is gone (killed, crashed) is forgotten now, as a
        // joining one would: its chains are claimable at once, not when their leases run out.
        auto siblings = m_store.query(QLatin1String("SELECT token, pid FROM ") + m_store.admin("engines")
                                          + QLatin1String(" WHERE host = ? AND token <> ?"),
                                      {me.host, me.token});
        if (!siblings)
            return siblings.error();
        for (const SqlRow &r : std::as_const(*siblings)) {
            if (processAlive(r[1].toLongLong()))
                continue;
            if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("engines") + QLatin1String(" WHERE token = ?"), {r[0]}); !s)
                return s;
        }

        // Every active chain has a lease row; a chain gone from the registry has none.
        if (Status s = m_store.exec(QLatin1String("DELETE FROM ") + m_store.admin("chain_leases") + QLatin1String(" WHERE chain_id NOT IN (SELECT chain_id FROM ")
                                        + m_store.admin("chains") + QLatin1String(")"));
            !s)
            return s;
        if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("chain_leases") + QLatin1String(" (chain_id) SELECT chain_id FROM ")
                                        + m_store.admin("chains") + QLatin1String(" WHERE state = 'active' ON CONFLICT (chain_id) DO NOTHING"));
            !s)
            return s;

        // Renew what is still ours (an expired lease nobody took is still ours: nothing was
        // written under it meanwhile, the fence saw to that).
        auto mine = m_store.query(QLatin1String("UPDATE ") + m_store.admin("chain_leases")
                                      + QLatin1String(" SET heartbeat_at = ?, expires_at = ? WHERE owner_token = ? RETURNING chain_id, epoch"),
                                  {now, expires, me.token});
        if (!mine)
            return mine.error();
        for (const SqlRow &r : std::as_const(*mine))
            round.held.insert(r[0].toLongLong(), r[1].toLongLong());

        auto live = liveEngines(now);
        if (!live)
            return live.error();
        QSet<QString> liveTokens;
        QHash<QString, const EngineRecord *> byName;
        QList<std::optional<int>> capacities;
        for (const EngineRecord &e : std::as_const(*live)) {
            byName.insert(e.name, &e);
            if (!e.draining && e.maxChains.value_or(1) > 0)
                capacities.append(e.maxChains);
        }
        auto tokens = m_store.query(QLatin1String("SELECT name, token FROM ") + m_store.admin("engines"));
        if (!tokens)
            return tokens.error();
        QHash<QString, QString> tokenOfName;
        for (const SqlRow &r : std::as_const(*tokens)) {
            tokenOfName.insert(r[0].toString(), r[1].toString());
            if (byName.contains(r[0].toString()))
                liveTokens.insert(r[1].toString());
        }

        auto rows = m_store.query(QLatin1String("SELECT l.chain_id, l.owner_token, l.expires_at, l.move_to, c.state FROM ") + m_store.admin("chain_leases")
                                  + QLatin1String(" l JOIN ") + m_store.admin("chains") + QLatin1String(" c ON c.chain_id = l.chain_id ORDER BY l.chain_id"));
        if (!rows)
            return rows.error();
        struct Row
        {
            qint64 chainId;
            QString ownerToken;
            bool held;          ///< by a live engine, not expired
            QString moveTo;
            bool active;
        };
        QList<Row> chains;
        qint64 activeCount = 0;
        QHash<QString, qint64> counts;   // live owner token → active chains held
        for (const SqlRow &r : std::as_const(*rows)) {
            Row row{r[0].toLongLong(), r[1].toString(), false, r[3].toString(), r[4].toString() == QLatin1String("active")};
            row.held = !row.ownerToken.isEmpty() && r[2].toLongLong() >= now && liveTokens.contains(row.ownerToken);
            if (row.active) {
                ++activeCount;
                if (row.held)
                    ++counts[row.ownerToken];
            }
            chains.append(row);
        }

        const qint64 level = fairLevel(activeCount, capacities);
        const qint64 myTarget = draining ? 0 : targetFor(me.maxChains, level);
        const auto movingElsewhere = [&](const Row &row) {
            if (row.moveTo.isEmpty() || row.moveTo == me.name)
                return false;
            // Assigned by the operator: even an engine that takes no chains of itself (a
            // console beside running engines, --max-chains 0) indexes it.
            const EngineRecord *target = byName.value(row.moveTo);
            return target && !target->draining;
        };
        const auto wanted = [&](const Row &row) { return row.active && (onlyChains.isEmpty() || onlyChains.contains(row.chainId)); };

        // Give up what should be elsewhere.
        QList<qint64> giveUp;
        for (const Row &row : std::as_const(chains)) {
            if (row.ownerToken != me.token)
                continue;
            if (!wanted(row) || draining || movingElsewhere(row))
                giveUp.append(row.chainId);
        }
        // More than the fair share while others have room (beyond the chains nobody holds):
        // hand over the highest chain ids, one beat at a time.
        qint64 keeping = 0;
        for (const Row &row : std::as_const(chains)) {
            if (row.ownerToken == me.token && row.active && !giveUp.contains(row.chainId))
                ++keeping;
        }
        if (keeping > myTarget) {
            qint64 room = 0;
            for (const EngineRecord &e : std::as_const(*live)) {
                if (e.name == me.name || e.draining)
                    continue;
                room += std::max<qint64>(0, targetFor(e.maxChains, level) - counts.value(tokenOfName.value(e.name)));
            }
            qint64 unheld = 0;
            for (const Row &row : std::as_const(chains)) {
                if (row.active && !row.held)
                    ++unheld;
            }
            qint64 excess = std::min(keeping - myTarget, room - unheld);
            for (auto it = chains.crbegin(); it != chains.crend() && excess > 0; ++it) {
                if (it->ownerToken == me.token && it->active && !giveUp.contains(it->chainId) && it->moveTo != me.name) {
                    giveUp.append(it->chainId);
                    --excess;
                }
            }
        }
        for (qint64 chainId : std::as_const(giveUp)) {
            if (Status s = m_store.exec(QLatin1String("UPDATE ") + m_store.admin("chain_leases")
                                            + QLatin1String(" SET owner = NULL, owner_token = NULL, heartbeat_at = NULL, expires_at = 0 "
                                                            "WHERE chain_id = ? AND owner_token = ?"),
                                        {chainId, me.token});
                !s)
                return s;
            round.held.remove(chainId);
            round.handedOver.append(chainId);
        }

        // Claim up to the fair share: chains assigned here first (beyond the share: the operator
        // asked), then unowned or expired ones not assigned to another engine that could take them.
        qint64 holding = round.held.size();
        QList<qint64> candidates;
        for (const Row &row : std::as_const(chains)) {
            if (row.ownerToken != me.token && !row.held && wanted(row) && row.moveTo == me.name && !draining)
                candidates.append(row.chainId);
        }
        const qint64 moved = candidates.size();
        for (const Row &row : std::as_const(chains)) {
            if (row.ownerToken != me.token && !row.held && wanted(row) && row.moveTo != me.name && !movingElsewhere(row))
                candidates.append(row.chainId);
        }
        const QString liveList = QLatin1String("SELECT token FROM ") + m_store.admin("engines") + QLatin1String(" WHERE heartbeat_at + lease_ms >= ?");
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            if (i >= moved && holding >= myTarget)
                break;
            auto claimed = m_store.query(QLatin1String("UPDATE ") + m_store.admin("chain_leases")
                                             + QLatin1String(" SET owner = ?, owner_token = ?, epoch = epoch + 1, heartbeat_at = ?, expires_at = ? "
                                                             "WHERE chain_id = ? AND (owner_token IS NULL OR expires_at < ? OR owner_token NOT IN (")
                                             + liveList + QLatin1String(")) RETURNING epoch"),
                                         {me.name, me.token, now, expires, candidates.at(i), now, now});
            if (!claimed)
                return claimed.error();
            if (claimed->isEmpty())
                continue;   // another engine was quicker
            round.held.insert(candidates.at(i), claimed->first()[0].toLongLong());
            round.taken.append(candidates.at(i));
            ++holding;
        }
        return {};
    });
    if (!status)
        return status.error();
    for (auto it = previous.cbegin(); it != previous.cend(); ++it) {
        if (round.held.value(it.key()) != it.value() && !round.handedOver.contains(it.key()))
            round.lost.append(it.key());
    }
    std::sort(round.lost.begin(), round.lost.end());
    return round;
}

Status EngineStore::checkFence(qint64 chainId, qint64 epoch)
{
    const bool pg = m_store.backend() == Backend::Postgres;
    auto rows = m_store.query(QLatin1String("SELECT epoch, owner, expires_at FROM ") + m_store.admin("chain_leases")
                                  + QLatin1String(" WHERE chain_id = ?") + (pg ? QLatin1String(" FOR SHARE") : QLatin1String()),
                              {chainId});
    if (!rows)
        return rows.error();
    auto now = m_store.databaseNow();
    if (!now)
        return now.error();
    if (rows->isEmpty() || rows->first()[0].toLongLong() != epoch || rows->first()[1].isNull())
        return Error::conflict(QStringLiteral("lease"), tr("This engine no longer holds chain %1 (lease epoch %2): another engine indexes it now; nothing was written.")
                                                            .arg(chainId)
                                                            .arg(epoch));
    if (rows->first()[2].toLongLong() < *now)
        return Error::conflict(QStringLiteral("lease"), tr("This engine's lease on chain %1 expired %2 s ago (no heartbeat reached the database); nothing was written.")
                                                            .arg(chainId)
                                                            .arg((*now - rows->first()[2].toLongLong()) / 1000));
    return {};
}

Result<QList<EngineRecord>> EngineStore::engines()
{
    auto now = m_store.databaseNow();
    if (!now)
        return now.error();
    auto rows = m_store.query(QLatin1String("SELECT name, host, pid, app, started_at, heartbeat_at, lease_ms, max_chains, draining, token FROM ")
                              + m_store.admin("engines") + QLatin1String(" ORDER BY name"));
    if (!rows)
        return rows.error();
    auto coordinator = m_store.query(QLatin1String("SELECT holder_token FROM ") + m_store.admin("lease"));
    if (!coordinator)
        return coordinator.error();
    const QString coordinatorToken = coordinator->isEmpty() ? QString() : coordinator->first()[0].toString();
    auto held = m_store.query(QLatin1String("SELECT owner_token, chain_id FROM ") + m_store.admin("chain_leases")
                                  + QLatin1String(" WHERE owner_token IS NOT NULL AND expires_at >= ? ORDER BY chain_id"),
                              {*now});
    if (!held)
        return held.error();
    QList<EngineRecord> out;
    for (const SqlRow &r : std::as_const(*rows)) {
        EngineRecord e;
        e.name = r[0].toString();
        e.host = r[1].toString();
        e.pid = r[2].toLongLong();
        e.app = r[3].toString();
        e.startedAt = r[4].toLongLong();
        e.heartbeatAt = r[5].toLongLong();
        e.readAt = *now;
        e.leaseMs = r[6].toLongLong();
        if (!r[7].isNull())
            e.maxChains = int(r[7].toLongLong());
        e.draining = r[8].toLongLong() != 0;
        e.alive = e.heartbeatAt + e.leaseMs >= *now;
        const QString token = r[9].toString();
        e.coordinator = e.alive && token == coordinatorToken;
        for (const SqlRow &h : std::as_const(*held)) {
            if (h[0].toString() == token)
                e.chains.append(h[1].toLongLong());
        }
        out.append(e);
    }
    return out;
}

Result<QList<ChainLease>> EngineStore::leases()
{
    auto now = m_store.databaseNow();
    if (!now)
        return now.error();
    auto rows = m_store.query(QLatin1String("SELECT chain_id, owner, epoch, heartbeat_at, expires_at, move_to FROM ") + m_store.admin("chain_leases")
                              + QLatin1String(" ORDER BY chain_id"));
    if (!rows)
        return rows.error();
    QList<ChainLease> out;
    for (const SqlRow &r : std::as_const(*rows)) {
        ChainLease l;
        l.chainId = r[0].toLongLong();
        l.owner = r[1].toString();
        l.epoch = r[2].toLongLong();
        if (!r[3].isNull())
            l.heartbeatAt = r[3].toLongLong();
        l.expiresAt = r[4].toLongLong();
        l.assignedTo = r[5].toString();
        l.live = !l.owner.isEmpty() && l.expiresAt >= *now;
        out.append(l);
    }
    return out;
}

Status EngineStore::setDraining(const QString &name, bool draining)
{
    auto rows = m_store.query(QLatin1String("UPDATE ") + m_store.admin("engines") + QLatin1String(" SET draining = ? WHERE name = ? RETURNING name"),
                              {draining ? 1 : 0, name});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return Error::notFound(QStringLiteral("engine"), tr("No engine is named “%1”. See “arborctl engines”.").arg(name));
    return {};
}

Status EngineStore::requestMove(qint64 chainId, const QString &name)
{
    return m_store.transaction([&]() -> Status {
        if (name.isEmpty()) {
            // Back to the fair share: whichever engine holds it keeps it for now.
            return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("chain_leases") + QLatin1String(" SET move_to = NULL WHERE chain_id = ?"), {chainId});
        }
        auto now = m_store.databaseNow();
        if (!now)
            return now.error();
        auto live = liveEngines(*now);
        if (!live)
            return live.error();
        const auto target = std::find_if(live->cbegin(), live->cend(), [&](const EngineRecord &e) { return e.name == name; });
        if (target == live->cend())
            return Error::notFound(QStringLiteral("to"), tr("No running engine is named “%1”. See “arborctl engines”.").arg(name));
        if (target->draining)
            return Error::refused(tr("Engine “%1” is draining; resume it first (arborctl engines resume %1).").arg(name));
        auto state = m_store.query(QLatin1String("SELECT state FROM ") + m_store.admin("chains") + QLatin1String(" WHERE chain_id = ?"), {chainId});
        if (!state)
            return state.error();
        if (state->isEmpty() || state->first()[0].toString() != QLatin1String("active"))
            return Error::refused(tr("Chain %1 is not active: only an active chain is indexed by an engine.").arg(chainId));
        if (Status s = m_store.exec(QLatin1String("INSERT INTO ") + m_store.admin("chain_leases")
                                        + QLatin1String(" (chain_id) SELECT chain_id FROM ") + m_store.admin("chains")
                                        + QLatin1String(" WHERE chain_id = ? ON CONFLICT (chain_id) DO NOTHING"),
                                    {chainId});
            !s)
            return s;
        return m_store.exec(QLatin1String("UPDATE ") + m_store.admin("chain_leases") + QLatin1String(" SET move_to = ? WHERE chain_id = ?"), {name, chainId});
    });
}

} // namespace arbor

// Store: the one-engine-per-database lease.
#include "store/store.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QUuid>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace arbor {

bool processAlive(qint64 pid)
{
    if (pid <= 0)
        return false;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

namespace {

LeaseInfo leaseFromRow(const SqlRow &r)
{
    LeaseInfo info;
    info.holder.pid = r[0].toLongLong();
    info.holder.host = r[1].toString();
    info.holder.app = r[2].toString();
    info.holder.token = r[5].toString();
    info.acquiredAt = QDateTime::fromMSecsSinceEpoch(r[3].toLongLong());
    info.heartbeatAt = QDateTime::fromMSecsSinceEpoch(r[4].toLongLong());
    info.locked = r[6].toLongLong() != 0;
    return info;
}

} // namespace

LeaseHolder LeaseHolder::currentProcess(const QString &app)
{
    return {qint64(::getpid()), QHostInfo::localHostName(), app, QUuid::createUuid().toString(QUuid::WithoutBraces)};
}

QString LeaseHolder::describe() const
{
    return Store::tr("%1 (pid %2 on %3)").arg(app).arg(pid).arg(host);
}

Result<qint64> Store::databaseNow()
{
    return m_clock ? m_clock() : serverNow();
}

Result<std::optional<LeaseInfo>> Store::currentLease()
{
    auto rows = query(QLatin1String("SELECT holder_pid, holder_host, holder_app, acquired_at, heartbeat_at, holder_token, holder_locked FROM ") + admin("lease"));
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<LeaseInfo>();
    return std::optional<LeaseInfo>(leaseFromRow(rows->first()));
}

Result<LeaseInfo> Store::acquireLease(const LeaseHolder &holder, qint64 staleAfterMs)
{
    // PostgreSQL: the advisory lock proves the last holder's session is gone (it took the lock
    // with it); without the lock, the lease row is judged by the database's clock alone, so an
    // engine that stalled past staleAfterMs is replaced even though its session lives on.
    auto locked = tryLockLease();
    if (!locked)
        return locked.error();

    LeaseInfo result;
    Status s = transaction([&]() -> Status {
        auto current = currentLease();
        if (!current)
            return current.error();
        auto clock = databaseNow();
        if (!clock)
            return clock.error();
        const qint64 now = *clock;
        if (*current) {
            const LeaseInfo &held = **current;
            const bool same = held.holder.token == holder.token;
            const bool silent = now - held.heartbeatAt.toMSecsSinceEpoch() > staleAfterMs;
            const bool deadHere = held.holder.host == holder.host && !processAlive(held.holder.pid);
            // Only a holder that took the lock with the lease lost it with its session: one that
            // replaced a stalled holder by the clock never had it.
            const bool lockProvesDead = backend() == Backend::Postgres && *locked && held.locked;
            if (!same && !silent && !deadHere && !lockProvesDead) {
                const qint64 ago = std::max<qint64>(0, (now - held.heartbeatAt.toMSecsSinceEpoch()) / 1000);
                return Error::conflict(QStringLiteral("database"),
                                       tr("%1 is already running an engine on %2 (last heartbeat %3 s ago). "
                                          "Stop it first, or use the console read-only.")
                                           .arg(held.holder.describe(), m_url.displayName())
                                           .arg(ago));
            }
            if (!same)
                result.tookOverFrom = held.holder.describe();
            if (Status d = exec(QLatin1String("DELETE FROM ") + admin("lease")); !d)
                return d;
        }
        result.holder = holder;
        result.acquiredAt = QDateTime::fromMSecsSinceEpoch(now);
        result.heartbeatAt = result.acquiredAt;
        return exec(QLatin1String("INSERT INTO ") + admin("lease")
                        + QLatin1String(" (id, holder_pid, holder_host, holder_app, holder_token, acquired_at, heartbeat_at, holder_locked) "
                                        "VALUES (1, ?, ?, ?, ?, ?, ?, ?)"),
                    {holder.pid, holder.host, holder.app, holder.token, now, now, *locked ? 1 : 0});
    });
    if (!s) {
        unlockLease();
        return s.error();
    }
    if (!result.tookOverFrom.isEmpty())
        qCWarning(lcStore) << "took over the database lease from" << result.tookOverFrom;
    return result;
}

Status Store::renewLease(const LeaseHolder &holder)
{
    auto clock = databaseNow();
    if (!clock)
        return clock.error();
    auto rows = query(QLatin1String("UPDATE ") + admin("lease") + QLatin1String(" SET heartbeat_at = ? WHERE holder_token = ? RETURNING id"),
                      {*clock, holder.token});
    if (!rows)
        return rows.error();
    if (rows->isEmpty()) {
        unlockLease();   // PostgreSQL: a stalled holder's session still has the lock
        return Error::conflict(QStringLiteral("database"), tr("The engine lease on %1 was taken over by another process.").arg(m_url.displayName()));
    }
    return {};
}

Status Store::releaseLease(const LeaseHolder &holder)
{
    Status s = exec(QLatin1String("DELETE FROM ") + admin("lease") + QLatin1String(" WHERE holder_token = ?"),
                    {holder.token});
    unlockLease();
    return s;
}

} // namespace arbor

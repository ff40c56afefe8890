#pragma once

#include "store/store.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace arbor {

/// Who an engine is among the engines on one database, and what it will take on.
struct EngineIdentity
{
    QString name;                       ///< unique among live engines (`serve --engine-name`)
    QString token;                      ///< unique per engine instance (LeaseHolder::token)
    QString host;
    qint64 pid = 0;
    QString app;
    std::optional<int> maxChains;       ///< none: as many as its fair share
    qint64 leaseMs = 30000;             ///< how long its leases last without a heartbeat
};

/// An engine as `arborctl engines` and the console's Engines view show it.
struct EngineRecord
{
    QString name;
    QString host;
    qint64 pid = 0;
    QString app;
    qint64 startedAt = 0;               ///< unix ms, database clock
    qint64 heartbeatAt = 0;
    qint64 readAt = 0;                  ///< the database clock when this was read: the heartbeat's age is readAt − heartbeatAt
    qint64 leaseMs = 0;
    std::optional<int> maxChains;
    bool draining = false;
    bool alive = false;                 ///< heartbeat within its lease length
    bool coordinator = false;           ///< holds the database lease: runs the once-only chores
    QList<qint64> chains;               ///< chains it holds a live lease on, ascending
};

/// A chain's lease as `chain list --json` and the console's owner column show it.
struct ChainLease
{
    qint64 chainId = 0;
    QString owner;                      ///< engine name; empty when no engine holds it
    qint64 epoch = 0;                   ///< raised at every claim: what fenced writes check
    std::optional<qint64> heartbeatAt;
    qint64 expiresAt = 0;
    /// The engine an operator assigned the chain to (`chain move --to`): it indexes the chain
    /// whenever it runs and is not draining, beyond its fair share; empty: any engine may.
    QString assignedTo;
    bool live = false;                  ///< an owner and not expired
};

/// What one heartbeat did: the leases held after it, and what changed.
struct LeaseRound
{
    QHash<qint64, qint64> held;         ///< chain → epoch
    QList<qint64> taken;                ///< claimed in this round
    QList<qint64> handedOver;           ///< given up in this round (fair share, move, drain, pause)
    QList<qint64> lost;                 ///< held before and not now: another engine took them
};

/**
 * Engines and per-chain leases (DESIGN.md §10, migration 17): which engine indexes which chain.
 *
 * Each engine joins with its identity and beats every few seconds; each beat (heartbeat()) is
 * one transaction that renews its leases, gives up what it should no longer hold (a chain paused
 * or moved elsewhere, the engine draining, more than its fair share while another engine has
 * room) and claims unowned or expired chains up to its share. Expiry is judged by the
 * database's clock (Store::databaseNow()). Every claim raises the chain's epoch; writes of a
 * chain's indexed data check it inside their own transaction (checkFence()), so an engine that
 * stalled past its lease cannot write beside the one that took the chain over.
 *
 * SQLite serves one engine (its database lease keeps others read-only); it keeps the same rows,
 * so `chain list` and the console read leases the same way on both backends.
 *
 * Thread: whichever thread owns the Store.
 */
class EngineStore
{
    Q_DECLARE_TR_FUNCTIONS(arbor::EngineStore)

public:
    explicit EngineStore(Store &store) : m_store(store) {}

    /// Registers this engine. Conflict naming the running engine when another live engine has
    /// the same name; a dead one of that name is replaced and its chains become claimable.
    Status join(const EngineIdentity &me);
    /// Gives up every lease of this engine and removes it (a clean stop).
    Status leave(const QString &token);
    /// Removes every engine but this one: on SQLite, where one engine serves the file, what
    /// joined before this engine took the database lease is gone (killed, crashed), and its
    /// chains are this engine's at once.
    Status forgetOthers(const QString &token);
    /**
     * One beat: renew, give up, claim (see the class comment). `previous` is what the engine
     * held after its last round (for LeaseRound::lost); `onlyChains`, when not empty, limits
     * what it claims. Conflict (field "engine") when this engine's row is gone: join again.
     */
    Result<LeaseRound> heartbeat(const EngineIdentity &me, const QHash<qint64, qint64> &previous, const QList<qint64> &onlyChains);

    /// Inside the caller's transaction: the chain's lease still has `epoch` and has not expired.
    /// Conflict with field "lease" otherwise (a stale engine's write). PostgreSQL locks the row
    /// (FOR SHARE) until the transaction ends, so no claim can slip between check and commit.
    Status checkFence(qint64 chainId, qint64 epoch);

    Result<QList<EngineRecord>> engines();
    Result<QList<ChainLease>> leases();
    /// Drain: the engine gives up its chains at its next beat and claims none; resume undoes it.
    Status setDraining(const QString &name, bool draining);
    /// Assigns `chainId` to engine `name`: its owner gives it up at its next beat and `name`
    /// claims it (even beyond its fair share) and keeps it; while `name` is gone or draining,
    /// another engine indexes it, and it goes back when `name` returns. An empty name lifts the
    /// assignment. NotFound/Refused with the reason.
    Status requestMove(qint64 chainId, const QString &name);

private:
    Result<QList<EngineRecord>> liveEngines(qint64 now);

    Store &m_store;
};

} // namespace arbor

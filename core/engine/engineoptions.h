#pragma once

#include "error.h"
#include "engine/indexeroptions.h"
#include "queue/queueoptions.h"
#include "store/databaseurl.h"
#include "triggers/deliveryoptions.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <functional>
#include <optional>

namespace arbor {

/**
 * Watches a delete step by step: called with the chain id and the 1-based step right after the
 * step is journaled done (and deletionProgress reported it). An error it returns ends the delete
 * there, with that error, exactly as if the process had stopped at that point. The product sets
 * none; tests set one (EngineOptions::deletionStepHook) to interrupt a delete where a crash would.
 */
using DeletionStepHook = std::function<Status(qint64 chainId, int step)>;

/// What an Engine does and how often: the console, `arborctl serve` and the one-shot commands
/// each fill this in for what they need.
struct EngineOptions
{
    DatabaseUrl database;
    QString password;                   ///< PostgreSQL only; empty lets libpq use PGPASSWORD/.pgpass
    QString app = QStringLiteral("arbor");
    /// Engines (the console, `arborctl index|serve`) take the one-engine lease; one-shot admin
    /// commands do not.
    enum class Lease { None, Required, ReadOnlyIfHeld };
    Lease lease = Lease::Required;
    /// Migrate: apply pending migrations, reconcile tables, finish interrupted deletions.
    /// Inspect: only open the database (for `arborctl db status|migrate`).
    enum class Schema { Migrate, Inspect };
    Schema schema = Schema::Migrate;
    qint64 leaseStaleAfterMs = 30000;
    int heartbeatMs = 5000;
    /// Among the engines on one database (an indexing engine joins them): its name (empty: host
    /// and pid), how many chains it takes at most (none: its fair share), how long its chain
    /// leases last without a heartbeat (the heartbeat is a sixth of it).
    QString engineName;
    /// A long-running indexing engine (serve, the console): on a PostgreSQL database another
    /// engine holds, index a share of the chains beside it instead of being refused or read-only.
    /// One-shot commands (index, reindex) leave it false.
    bool shareChains = false;
    std::optional<int> maxChains;
    qint64 chainLeaseMs = 30000;
    /// A console: on a database other engines already index (PostgreSQL), watch and command
    /// without taking chains (maxChains 0) unless the operator assigns one to it (chain move, the
    /// Engines tab); alone, take them all as any engine does.
    bool claimChainsOnlyWhenAlone = false;
    int snapshotIntervalMs = 1000;      ///< 0: no periodic chain snapshots (CLI one-shots)
    int probeTimeoutMs = 10000;
    /// Index every active chain (the console, `arborctl index|serve`); one-shot commands do not.
    bool indexing = false;
    /// With indexing: only these chains (empty: all).
    QList<qint64> onlyChains;
    IndexerOptions indexer;
    int statusIntervalMs = 500;         ///< how often chainStatusChanged may fire
    /// Run balance-queue workers (the console, `arborctl serve|index`).
    bool processQueue = false;
    QueueOptions queue;
    /// How often queueHealthChanged fires (the lease holder also records each sample); 0: never.
    int queueHealthIntervalMs = 0;
    /// Queue upkeep by the lease holder: reclaim, priority boost, daily snapshots.
    int queueMaintenanceMs = 60000;
    /// The lease holder applies the retention policies this often (0: never on a schedule).
    int retentionIntervalMs = 3600000;
    /// And runs database maintenance this often, counted from the last run recorded by any
    /// engine (0: never on a schedule).
    qint64 maintenanceIntervalMs = 24LL * 3600000;
    /// ERC-8004 registration files (an indexing engine with the lease resolves them): how often
    /// due ones are looked for, and how long a fetched file is kept before it is fetched again.
    int registrationPollMs = 5000;
    qint64 registrationRefreshMs = 24LL * 3600000;
    /// How the trigger outbox is sent (an indexing engine with the lease sends it).
    DeliveryOptions delivery;
    /// Called after each step of every delete (see DeletionStepHook). Unset in the product;
    /// tests set it to interrupt a delete where a crash would.
    DeletionStepHook deletionStepHook;
};

/// The engine as the console shows it in its status bar.
struct EngineState
{
    bool started = false;
    bool readOnly = false;
    QString readOnlyReason;
    QString backend;                    ///< DatabaseUrl::displayName()
};

} // namespace arbor

Q_DECLARE_METATYPE(arbor::EngineState)

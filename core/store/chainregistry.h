#pragma once

#include "error.h"
#include "model/chainconfig.h"
#include "model/chainedit.h"
#include "model/entitydef.h"
#include "store/indexbatch.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace arbor {

/// One step of the chain-deletion journal.
struct DeletionRecord
{
    int step = 0;
    QString name;
    QString status;         ///< "started", "done"
    QDateTime startedAt;
    QDateTime finishedAt;
};

/**
 * The chains a database indexes (DESIGN.md §2, admin namespace) over a Store: the chain rows
 * with their endpoints, tokens and registries, registration, pause/resume, the steps of a
 * deletion (driven by ChainDeletion), what is known about each endpoint, and the sync status.
 *
 * A cheap view that owns this SQL and no state: make one where it is needed,
 * `ChainRegistry(store).findChain(ref)`. Whatever belongs to the connection (transactions,
 * the on-demand index cache) stays on the Store.
 *
 * Invariants: a chain id and a chain name are registered once (a chain being deleted keeps
 * both until its deletion finishes); registration writes the chain, its endpoints, tokens,
 * registries and tables in one transaction; a chain being deleted cannot be paused or resumed.
 *
 * Thread: the thread of the Store it wraps; it must not outlive that Store.
 */
class ChainRegistry
{
    // The texts were Store's: the translations know them under its context.
    Q_DECLARE_TR_FUNCTIONS(arbor::Store)

public:
    explicit ChainRegistry(Store &store)
        : m_store(store)
    {
    }

    // --- chains -------------------------------------------------------------------------
    Result<QList<ChainRecord>> chains();
    Result<std::optional<ChainRecord>> findChain(const ChainRef &ref);
    /// Conflict error if a chain with this id or name exists (deleted chains included until
    /// their deletion finishes).
    Status checkChainIsNew(const ChainConfig &config);
    /// In one transaction: the chain row, its endpoints (with probe results) and tokens, and
    /// its production and staging tables.
    Status registerChain(const ChainConfig &config, const QList<EndpointRecord> &endpoints,
                         const QList<EntityDef> &entities, const QList<TokenInfo> &tokens = {});
    Status setChainState(qint64 chainId, ChainState state);
    /// Keeps the events per block a sample of the chain's range found (ChainRecord::sampledLogsPerBlock).
    /// NotFound for a chain not registered; Invalid (field "sample") below 0 or not finite.
    Status setEventSample(qint64 chainId, double logsPerBlock);
    /**
     * Edits a registered chain in one transaction (chainregistryedit.cpp): checks `edit` again
     * against the chain as stored now (ChainEdit::apply(), and the new name unused by another
     * chain), then writes the chain row (name, poll interval, confirmations), removes the
     * endpoints of removed URLs, inserts `added` (probed by the caller) after the others, sets
     * the operator's rate on every endpoint when the edit gives one, and for each added registry
     * its row and a backfill of its events from the chain's start block to the checkpoint (none
     * while nothing is indexed). A failed check writes nothing.
     */
    Status editChain(qint64 chainId, const ChainEdit &edit, const QList<EndpointRecord> &added);
    /// Conflict error (field "name") if another chain than `chainId` is called `name`.
    Status checkNameIsFree(const QString &name, qint64 chainId);
    /// Block statistics set to `stats` (inside editChain's transaction): "every" backfills the
    /// headers of what is indexed; any switch drops a headers backfill still pending.
    Status switchBlockStats(const ChainRecord &chain, BlockStats stats);
    /// Adds the token row of a chain indexed from `indexedFrom`, with the balance mode the probe
    /// decided or, failing that, the one that is exact from there (IndexStore::addToken() and
    /// registerChain() call it inside their transactions).
    Status insertToken(qint64 chainId, const TokenInfo &token, qint64 now, qint64 indexedFrom);

    // --- deletion steps (driven by ChainDeletion) --------------------------------------
    Result<QList<DeletionRecord>> deletionJournal(qint64 chainId);
    Result<QList<qint64>> chainsBeingDeleted();
    Status recordDeletionStep(qint64 chainId, int step, const QString &name, bool done);
    Status markChainDeleting(qint64 chainId);
    Status removeGlobalRows(qint64 chainId, const QList<EntityDef> &entities);
    Status deleteTrackingRows(qint64 chainId);
    Status dropChainTables(qint64 chainId);
    /// Last step: the chain row and its deletion journal, in one transaction.
    Status forgetChain(qint64 chainId);

    // --- endpoints and status -----------------------------------------------------------
    /// Records whether the endpoint serves historical state, and what the detection saw.
    Status setEndpointHistory(qint64 endpointId, bool servesHistory, const QString &note);
    /// Records measured endpoint health on rpc_endpoints rows (matched by id).
    Status saveEndpointHealth(const QList<EndpointRecord> &endpoints);
    /**
     * Adds the JSON-RPC calls `byEndpoint` (rpc_endpoints.id → calls by method) to the chain's
     * rpc_call_counts rows in one transaction: increments, never overwrites, so processes sharing
     * the database add up. Calls of an endpoint the chain no longer has are dropped.
     */
    Status addCalls(qint64 chainId, const QHash<qint64, RpcCalls> &byEndpoint);
    /// Sets the operator's prices per call of the endpoint (rpc_endpoints.rpc_prices); empty: none.
    Status setEndpointPrices(qint64 endpointId, const RpcPrices &prices);
    /// Per chain and table: production rows, global rows, last synced height, lag; of the chains
    /// `only` lists, or of every chain when it is empty. Each row is counted: the cost grows with
    /// the tables counted.
    Result<QList<SyncStatusRow>> syncStatus(const QList<EntityDef> &entities, const QList<qint64> &only = {});

private:
    Store &m_store;
};

} // namespace arbor

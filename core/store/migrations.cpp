#include "store/migrations.h"

#include "store/migrationsagentcounts.h"
#include "store/migrationsengines.h"
#include "store/migrationsdeliveries.h"
#include "store/migrationsagents.h"
#include "store/migrationsalerts.h"
#include "store/migrationsdatabase.h"
#include "store/migrationsendpoints.h"
#include "store/migrationsindexing.h"
#include "store/migrationsmetrics.h"
#include "store/migrationsrpccalls.h"
#include "store/migrationstriggers.h"

#include <QCryptographicHash>

namespace arbor {
namespace {

// Times are unix milliseconds in both backends; chain ids are the EVM chain ids.
const char *const SqliteV1 = R"(CREATE TABLE arbor_chains (
    chain_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('active', 'paused', 'deleting')),
    start_block INTEGER,
    confirmations INTEGER NOT NULL DEFAULT 0,
    poll_interval_ms INTEGER NOT NULL DEFAULT 2000,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
);
CREATE TABLE arbor_rpc_endpoints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    url TEXT NOT NULL,
    priority INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'unknown',
    latency_ms REAL,
    error_rate REAL NOT NULL DEFAULT 0,
    last_head INTEGER,
    last_error TEXT,
    last_error_at INTEGER,
    client_version TEXT,
    updated_at INTEGER,
    UNIQUE (chain_id, url)
);
CREATE TABLE arbor_tokens (
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    address BLOB NOT NULL,
    name TEXT,
    symbol TEXT,
    decimals INTEGER,
    deploy_block INTEGER,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (chain_id, address)
);
CREATE TABLE arbor_index_progress (
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    from_block INTEGER NOT NULL,
    to_block INTEGER NOT NULL,
    row_count INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    indexed_at INTEGER NOT NULL,
    PRIMARY KEY (chain_id, from_block)
);
CREATE TABLE arbor_index_summary (
    chain_id INTEGER PRIMARY KEY REFERENCES arbor_chains (chain_id),
    indexed_blocks INTEGER NOT NULL DEFAULT 0,
    lowest_block INTEGER,
    highest_block INTEGER,
    range_count INTEGER NOT NULL DEFAULT 0,
    last_indexed_at INTEGER
);
CREATE TABLE arbor_reindex_requests (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    from_block INTEGER NOT NULL,
    to_block INTEGER NOT NULL,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    finished_at INTEGER,
    error TEXT
);
CREATE TABLE arbor_checkpoints (
    chain_id INTEGER PRIMARY KEY REFERENCES arbor_chains (chain_id),
    block_number INTEGER NOT NULL,
    block_hash BLOB NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE arbor_chain_deletions (
    chain_id INTEGER NOT NULL,
    step INTEGER NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    error TEXT,
    PRIMARY KEY (chain_id, step)
);
CREATE TABLE arbor_lease (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    holder_pid INTEGER NOT NULL,
    holder_host TEXT NOT NULL,
    holder_app TEXT NOT NULL,
    holder_token TEXT NOT NULL,
    acquired_at INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL
))";

const char *const PostgresV1 = R"(CREATE TABLE arbor.chains (
    chain_id BIGINT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    state TEXT NOT NULL CHECK (state IN ('active', 'paused', 'deleting')),
    start_block BIGINT,
    confirmations INTEGER NOT NULL DEFAULT 0,
    poll_interval_ms INTEGER NOT NULL DEFAULT 2000,
    created_at BIGINT NOT NULL,
    deleted_at BIGINT
);
CREATE TABLE arbor.rpc_endpoints (
    id BIGSERIAL PRIMARY KEY,
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    url TEXT NOT NULL,
    priority INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'unknown',
    latency_ms DOUBLE PRECISION,
    error_rate DOUBLE PRECISION NOT NULL DEFAULT 0,
    last_head BIGINT,
    last_error TEXT,
    last_error_at BIGINT,
    client_version TEXT,
    updated_at BIGINT,
    UNIQUE (chain_id, url)
);
CREATE TABLE arbor.tokens (
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    address BYTEA NOT NULL,
    name TEXT,
    symbol TEXT,
    decimals INTEGER,
    deploy_block BIGINT,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (chain_id, address)
);
CREATE TABLE arbor.index_progress (
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    from_block BIGINT NOT NULL,
    to_block BIGINT NOT NULL,
    row_count BIGINT NOT NULL DEFAULT 0,
    duration_ms BIGINT NOT NULL DEFAULT 0,
    indexed_at BIGINT NOT NULL,
    PRIMARY KEY (chain_id, from_block)
);
CREATE TABLE arbor.index_summary (
    chain_id BIGINT PRIMARY KEY REFERENCES arbor.chains (chain_id),
    indexed_blocks BIGINT NOT NULL DEFAULT 0,
    lowest_block BIGINT,
    highest_block BIGINT,
    range_count BIGINT NOT NULL DEFAULT 0,
    last_indexed_at BIGINT
);
CREATE TABLE arbor.reindex_requests (
    id BIGSERIAL PRIMARY KEY,
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    from_block BIGINT NOT NULL,
    to_block BIGINT NOT NULL,
    reason TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    requested_at BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    finished_at BIGINT,
    error TEXT
);
CREATE TABLE arbor.checkpoints (
    chain_id BIGINT PRIMARY KEY REFERENCES arbor.chains (chain_id),
    block_number BIGINT NOT NULL,
    block_hash BYTEA NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE arbor.chain_deletions (
    chain_id BIGINT NOT NULL,
    step INTEGER NOT NULL,
    name TEXT NOT NULL,
    status TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    error TEXT,
    PRIMARY KEY (chain_id, step)
);
CREATE TABLE arbor.lease (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    holder_pid BIGINT NOT NULL,
    holder_host TEXT NOT NULL,
    holder_app TEXT NOT NULL,
    holder_token TEXT NOT NULL,
    acquired_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL
))";

// v2: what indexing needs. Contracts indexed besides tokens (ERC-8004 registries), backfills of
// contracts added to a live chain, the reorg log, and RPC counters.
const char *const SqliteV2 = R"(CREATE TABLE arbor_registries (
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    kind TEXT NOT NULL CHECK (kind IN ('identity', 'reputation', 'validation')),
    address BLOB NOT NULL,
    added_at INTEGER NOT NULL,
    PRIMARY KEY (chain_id, kind)
);
CREATE TABLE arbor_backfills (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    address BLOB NOT NULL,
    contract_kind TEXT NOT NULL,
    from_block INTEGER NOT NULL,
    to_block INTEGER NOT NULL,
    next_block INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    created_at INTEGER NOT NULL,
    finished_at INTEGER,
    error TEXT
);
CREATE TABLE arbor_reorgs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    detected_at INTEGER NOT NULL,
    ancestor_block INTEGER NOT NULL,
    depth INTEGER NOT NULL,
    old_head INTEGER NOT NULL,
    old_hash BLOB NOT NULL,
    new_hash BLOB NOT NULL
);
ALTER TABLE arbor_rpc_endpoints ADD COLUMN max_rps REAL NOT NULL DEFAULT 0;
ALTER TABLE arbor_rpc_endpoints ADD COLUMN request_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE arbor_rpc_endpoints ADD COLUMN failure_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE arbor_tokens ADD COLUMN deploy_block_note TEXT;
CREATE INDEX arbor_reindex_requests_pending ON arbor_reindex_requests (chain_id, status))";

const char *const PostgresV2 = R"(CREATE TABLE arbor.registries (
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    kind TEXT NOT NULL CHECK (kind IN ('identity', 'reputation', 'validation')),
    address BYTEA NOT NULL,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (chain_id, kind)
);
CREATE TABLE arbor.backfills (
    id BIGSERIAL PRIMARY KEY,
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    address BYTEA NOT NULL,
    contract_kind TEXT NOT NULL,
    from_block BIGINT NOT NULL,
    to_block BIGINT NOT NULL,
    next_block BIGINT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    created_at BIGINT NOT NULL,
    finished_at BIGINT,
    error TEXT
);
CREATE TABLE arbor.reorgs (
    id BIGSERIAL PRIMARY KEY,
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    detected_at BIGINT NOT NULL,
    ancestor_block BIGINT NOT NULL,
    depth INTEGER NOT NULL,
    old_head BIGINT NOT NULL,
    old_hash BYTEA NOT NULL,
    new_hash BYTEA NOT NULL
);
ALTER TABLE arbor.rpc_endpoints ADD COLUMN max_rps DOUBLE PRECISION NOT NULL DEFAULT 0;
ALTER TABLE arbor.rpc_endpoints ADD COLUMN request_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE arbor.rpc_endpoints ADD COLUMN failure_count BIGINT NOT NULL DEFAULT 0;
ALTER TABLE arbor.tokens ADD COLUMN deploy_block_note TEXT;
CREATE INDEX reindex_requests_pending ON arbor.reindex_requests (chain_id, status))";

// v3: the balance queue (DESIGN.md §8). Items are coalesced per (chain, token, holder) while
// pending; completed ones stay until cleaned up, for the health figures.
const char *const SqliteV3 = R"(CREATE TABLE arbor_balance_update_queue (
    id INTEGER PRIMARY KEY,
    chain_id INTEGER NOT NULL,
    token BLOB NOT NULL,
    holder BLOB NOT NULL,
    update_type TEXT NOT NULL,
    tx_hash BLOB,
    block_number INTEGER,
    priority INTEGER NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    retry_count INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    last_error_at INTEGER,
    boosted INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL,
    claim_id TEXT,
    claimed_by TEXT,
    claimed_at INTEGER,
    processed_at INTEGER,
    duration_ms INTEGER
);
CREATE UNIQUE INDEX arbor_balance_queue_pending_key ON arbor_balance_update_queue (chain_id, token, holder) WHERE status = 'pending';
CREATE INDEX arbor_balance_queue_claim ON arbor_balance_update_queue (chain_id, priority DESC, id) WHERE status = 'pending';
CREATE INDEX arbor_balance_queue_claimed ON arbor_balance_update_queue (claim_id) WHERE status = 'processing';
CREATE INDEX arbor_balance_queue_done ON arbor_balance_update_queue (chain_id, status, processed_at) WHERE status IN ('completed', 'failed');
CREATE INDEX arbor_balance_queue_errors ON arbor_balance_update_queue (chain_id, last_error_at) WHERE last_error_at IS NOT NULL;
CREATE TABLE arbor_queue_config (
    chain_id INTEGER PRIMARY KEY REFERENCES arbor_chains (chain_id),
    enabled INTEGER NOT NULL,
    batch_size INTEGER NOT NULL,
    interval_ms INTEGER NOT NULL,
    max_retries INTEGER NOT NULL,
    retry_backoff_ms INTEGER NOT NULL,
    boost_after_ms INTEGER NOT NULL,
    boost_by INTEGER NOT NULL,
    high_load_pending INTEGER NOT NULL,
    delayed_after_ms INTEGER NOT NULL,
    errors_per_hour INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE arbor_queue_health (
    chain_id INTEGER NOT NULL,
    sampled_at INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    processing INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    completed_hour INTEGER NOT NULL,
    completed_minute INTEGER NOT NULL,
    errors_hour INTEGER NOT NULL,
    avg_processing_ms REAL NOT NULL,
    oldest_pending_ms INTEGER NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (chain_id, sampled_at)
);
CREATE TABLE arbor_balance_snapshot_days (
    chain_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    taken_at INTEGER NOT NULL,
    PRIMARY KEY (chain_id, day)
);
ALTER TABLE arbor_tokens ADD COLUMN balance_mode TEXT NOT NULL DEFAULT 'transfers' CHECK (balance_mode IN ('transfers', 'balance_of')))";

const char *const PostgresV3 = R"(CREATE TABLE arbor.balance_update_queue (
    id BIGSERIAL PRIMARY KEY,
    chain_id BIGINT NOT NULL,
    token BYTEA NOT NULL,
    holder BYTEA NOT NULL,
    update_type TEXT NOT NULL,
    tx_hash BYTEA,
    block_number BIGINT,
    priority INTEGER NOT NULL DEFAULT 5 CHECK (priority BETWEEN 1 AND 10),
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    retry_count INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    last_error_at BIGINT,
    boosted BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    claim_id TEXT,
    claimed_by TEXT,
    claimed_at BIGINT,
    processed_at BIGINT,
    duration_ms BIGINT
);
CREATE UNIQUE INDEX balance_queue_pending_key ON arbor.balance_update_queue (chain_id, token, holder) WHERE status = 'pending';
CREATE INDEX balance_queue_claim ON arbor.balance_update_queue (chain_id, priority DESC, id) WHERE status = 'pending';
CREATE INDEX balance_queue_claimed ON arbor.balance_update_queue (claim_id) WHERE status = 'processing';
CREATE INDEX balance_queue_done ON arbor.balance_update_queue (chain_id, status, processed_at) WHERE status IN ('completed', 'failed');
CREATE INDEX balance_queue_errors ON arbor.balance_update_queue (chain_id, last_error_at) WHERE last_error_at IS NOT NULL;
CREATE TABLE arbor.queue_config (
    chain_id BIGINT PRIMARY KEY REFERENCES arbor.chains (chain_id),
    enabled BOOLEAN NOT NULL,
    batch_size INTEGER NOT NULL,
    interval_ms INTEGER NOT NULL,
    max_retries INTEGER NOT NULL,
    retry_backoff_ms BIGINT NOT NULL,
    boost_after_ms BIGINT NOT NULL,
    boost_by INTEGER NOT NULL,
    high_load_pending INTEGER NOT NULL,
    delayed_after_ms BIGINT NOT NULL,
    errors_per_hour INTEGER NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE arbor.queue_health (
    chain_id BIGINT NOT NULL,
    sampled_at BIGINT NOT NULL,
    pending BIGINT NOT NULL,
    processing BIGINT NOT NULL,
    failed BIGINT NOT NULL,
    completed_hour BIGINT NOT NULL,
    completed_minute BIGINT NOT NULL,
    errors_hour BIGINT NOT NULL,
    avg_processing_ms DOUBLE PRECISION NOT NULL,
    oldest_pending_ms BIGINT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (chain_id, sampled_at)
);
CREATE TABLE arbor.balance_snapshot_days (
    chain_id BIGINT NOT NULL,
    day BIGINT NOT NULL,
    row_count BIGINT NOT NULL,
    taken_at BIGINT NOT NULL,
    PRIMARY KEY (chain_id, day)
);
ALTER TABLE arbor.tokens ADD COLUMN balance_mode TEXT NOT NULL DEFAULT 'transfers' CHECK (balance_mode IN ('transfers', 'balance_of')))";

// Balances on any node: why a token got its mode, token-level queue problems, whether an
// endpoint serves historical state, and the lookup promotion makes for holders still queued.
const char *const SqliteV4 = R"(ALTER TABLE arbor_tokens ADD COLUMN balance_mode_reason TEXT;
ALTER TABLE arbor_tokens ADD COLUMN balance_problem TEXT;
ALTER TABLE arbor_tokens ADD COLUMN balance_problem_fix TEXT;
ALTER TABLE arbor_tokens ADD COLUMN balance_problem_since INTEGER;
ALTER TABLE arbor_tokens ADD COLUMN balance_problem_seen INTEGER;
ALTER TABLE arbor_tokens ADD COLUMN balance_problem_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE arbor_rpc_endpoints ADD COLUMN serves_history INTEGER;
ALTER TABLE arbor_rpc_endpoints ADD COLUMN history_note TEXT;
CREATE INDEX arbor_balance_queue_open_key ON arbor_balance_update_queue (chain_id, token, holder) WHERE status <> 'completed')";

const char *const PostgresV4 = R"(ALTER TABLE arbor.tokens ADD COLUMN balance_mode_reason TEXT;
ALTER TABLE arbor.tokens ADD COLUMN balance_problem TEXT;
ALTER TABLE arbor.tokens ADD COLUMN balance_problem_fix TEXT;
ALTER TABLE arbor.tokens ADD COLUMN balance_problem_since BIGINT;
ALTER TABLE arbor.tokens ADD COLUMN balance_problem_seen BIGINT;
ALTER TABLE arbor.tokens ADD COLUMN balance_problem_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE arbor.rpc_endpoints ADD COLUMN serves_history BOOLEAN;
ALTER TABLE arbor.rpc_endpoints ADD COLUMN history_note TEXT;
CREATE INDEX balance_queue_open_key ON arbor.balance_update_queue (chain_id, token, holder) WHERE status <> 'completed')";

// Hosted providers: what each endpoint was learned to accept.
const char *const SqliteV5 = R"(ALTER TABLE arbor_rpc_endpoints ADD COLUMN learned_rps REAL;
ALTER TABLE arbor_rpc_endpoints ADD COLUMN max_batch INTEGER;
ALTER TABLE arbor_rpc_endpoints ADD COLUMN log_range_limit INTEGER;
ALTER TABLE arbor_rpc_endpoints ADD COLUMN log_result_limit INTEGER)";

const char *const PostgresV5 = R"(ALTER TABLE arbor.rpc_endpoints ADD COLUMN learned_rps DOUBLE PRECISION;
ALTER TABLE arbor.rpc_endpoints ADD COLUMN max_batch INTEGER;
ALTER TABLE arbor.rpc_endpoints ADD COLUMN log_range_limit BIGINT;
ALTER TABLE arbor.rpc_endpoints ADD COLUMN log_result_limit BIGINT)";

QList<Migration> build(Backend backend)
{
    const bool pg = backend == Backend::Postgres;
    QList<Migration> list;
    list.append({1, QStringLiteral("admin tables"), QString::fromUtf8(pg ? PostgresV1 : SqliteV1)});
    list.append({2, QStringLiteral("indexing: registries, backfills, reorgs, RPC counters"),
                 QString::fromUtf8(pg ? PostgresV2 : SqliteV2)});
    list.append({3, QStringLiteral("balance queue: queue, settings, health, snapshots, balance modes"),
                 QString::fromUtf8(pg ? PostgresV3 : SqliteV3)});
    list.append({4, QStringLiteral("balances on any node: mode reasons, token problems, endpoint state history"),
                 QString::fromUtf8(pg ? PostgresV4 : SqliteV4)});
    list.append({5, QStringLiteral("hosted providers: learned rate, batch size and eth_getLogs caps per endpoint"),
                 QString::fromUtf8(pg ? PostgresV5 : SqliteV5)});
    list.append(triggersMigration(backend));
    list.append(metricsMigration(backend));
    list.append(alertsMigration(backend));
    list.append(databaseMigration(backend));
    list.append(alertParamsMigration(backend));
    list.append(endpointsMigration(backend));
    list.append(alertSubjectMigration(backend));
    list.append(blockStatsMigration(backend));
    list.append(rpcCallsMigration(backend));
    list.append(agentsMigration(backend));
    list.append(agentAggregatesMigration(backend));
    list.append(enginesMigration(backend));
    list.append(deliveriesMigration(backend));
    list.append(eventSampleMigration(backend));
    list.append(globalFillFactorMigration(backend));
    list.append(deliveryErrorCodeMigration(backend));
    list.append(deliveryErrorDetailMigration(backend));
    return list;
}

} // namespace

QString Migration::checksum() const
{
    return QString::fromLatin1(QCryptographicHash::hash(sql.toUtf8(), QCryptographicHash::Sha256).toHex());
}

const QList<Migration> &migrations(Backend backend)
{
    static const QList<Migration> sqlite = build(Backend::Sqlite);
    static const QList<Migration> postgres = build(Backend::Postgres);
    return backend == Backend::Postgres ? postgres : sqlite;
}

bool MigrationStatus::ok() const
{
    return std::none_of(migrations.begin(), migrations.end(), [](const MigrationState &m) { return !m.problem.isEmpty(); });
}

int MigrationStatus::pendingCount() const
{
    return int(std::count_if(migrations.begin(), migrations.end(), [](const MigrationState &m) { return !m.applied; }));
}

} // namespace arbor

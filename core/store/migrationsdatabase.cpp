// Migration 9: operating the database. Times are unix ms.
//
// The daily network stats are each chain's block_summaries entity (day = block timestamp /
// 86400), kept at promotion; its active_holders column counts the rows of
// network_day_holders (one per chain, day and address that sent or received a transfer that
// day), which promotion adds to. aggregate_state remembers which chains' active holders were
// counted once from their raw rows, so a database indexed before this migration gets its history.
// retention_policies: one row per policy name (RetentionPolicy), days NULL keeps for ever.
// maintenance_runs: what maintenance, retention, backup and restore did — steps is a JSON array.
// statement_stats: the Store's statement timings by normalised text (digest = its SHA-1).
// database_size_samples: one row per scope (admin, global, chain, free) per sample.

#include "store/migrationsdatabase.h"

namespace arbor {
namespace {

const char *const SqliteV9 = R"(CREATE TABLE arbor_network_day_holders (
    chain_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    holder BLOB NOT NULL,
    PRIMARY KEY (chain_id, day, holder)
) WITHOUT ROWID;
CREATE TABLE arbor_aggregate_state (
    chain_id INTEGER PRIMARY KEY,
    network_recounted_at INTEGER NOT NULL
);
CREATE TABLE arbor_retention_policies (
    name TEXT PRIMARY KEY,
    days INTEGER,
    updated_at INTEGER NOT NULL
);
CREATE TABLE arbor_maintenance_runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('maintenance', 'retention', 'backup', 'restore')),
    requested_by TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    finished_at INTEGER,
    ok INTEGER,
    steps TEXT NOT NULL DEFAULT '[]',
    error TEXT
);
CREATE INDEX arbor_maintenance_runs_started ON arbor_maintenance_runs (kind, started_at);
CREATE TABLE arbor_statement_stats (
    digest TEXT PRIMARY KEY,
    statement TEXT NOT NULL,
    calls INTEGER NOT NULL,
    total_ms DOUBLE PRECISION NOT NULL,
    max_ms DOUBLE PRECISION NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL
);
CREATE TABLE arbor_database_size_samples (
    sampled_at INTEGER NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('admin', 'global', 'chain', 'free')),
    chain_id INTEGER NOT NULL DEFAULT 0,
    bytes INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    PRIMARY KEY (sampled_at, scope, chain_id)
))";

const char *const PostgresV9 = R"(CREATE TABLE arbor.network_day_holders (
    chain_id BIGINT NOT NULL,
    day BIGINT NOT NULL,
    holder BYTEA NOT NULL,
    PRIMARY KEY (chain_id, day, holder)
);
CREATE TABLE arbor.aggregate_state (
    chain_id BIGINT PRIMARY KEY,
    network_recounted_at BIGINT NOT NULL
);
CREATE TABLE arbor.retention_policies (
    name TEXT PRIMARY KEY,
    days INTEGER,
    updated_at BIGINT NOT NULL
);
CREATE TABLE arbor.maintenance_runs (
    id BIGSERIAL PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('maintenance', 'retention', 'backup', 'restore')),
    requested_by TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    finished_at BIGINT,
    ok BOOLEAN,
    steps JSONB NOT NULL DEFAULT '[]',
    error TEXT
);
CREATE INDEX maintenance_runs_started ON arbor.maintenance_runs (kind, started_at);
CREATE TABLE arbor.statement_stats (
    digest TEXT PRIMARY KEY,
    statement TEXT NOT NULL,
    calls BIGINT NOT NULL,
    total_ms DOUBLE PRECISION NOT NULL,
    max_ms DOUBLE PRECISION NOT NULL,
    first_seen BIGINT NOT NULL,
    last_seen BIGINT NOT NULL
);
CREATE TABLE arbor.database_size_samples (
    sampled_at BIGINT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('admin', 'global', 'chain', 'free')),
    chain_id BIGINT NOT NULL DEFAULT 0,
    bytes BIGINT NOT NULL,
    rows BIGINT NOT NULL,
    PRIMARY KEY (sampled_at, scope, chain_id)
))";

} // namespace

Migration databaseMigration(Backend backend)
{
    return {9, QStringLiteral("operating the database: active holders per day, retention, maintenance log, statement timings, size samples"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV9 : SqliteV9)};
}

} // namespace arbor

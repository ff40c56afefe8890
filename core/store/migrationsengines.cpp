// Migration 17: engines and per-chain leases (DESIGN.md §10). Times are unix milliseconds by
// the database's clock (Store::databaseNow()), so machines with skewed clocks agree on expiry.

#include "store/migrationsengines.h"

namespace arbor {
namespace {

const char *const SqliteV17 = R"(CREATE TABLE arbor_engines (
    name TEXT PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    app TEXT NOT NULL,
    started_at INTEGER NOT NULL,
    heartbeat_at INTEGER NOT NULL,
    lease_ms INTEGER NOT NULL,
    max_chains INTEGER,
    draining INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE arbor_chain_leases (
    chain_id INTEGER PRIMARY KEY,
    owner TEXT,
    owner_token TEXT,
    epoch INTEGER NOT NULL DEFAULT 0,
    heartbeat_at INTEGER,
    expires_at INTEGER NOT NULL DEFAULT 0,
    move_to TEXT
);
ALTER TABLE arbor_lease ADD COLUMN holder_locked INTEGER NOT NULL DEFAULT 0)";

const char *const PostgresV17 = R"(CREATE TABLE arbor.engines (
    name TEXT PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    host TEXT NOT NULL,
    pid BIGINT NOT NULL,
    app TEXT NOT NULL,
    started_at BIGINT NOT NULL,
    heartbeat_at BIGINT NOT NULL,
    lease_ms BIGINT NOT NULL,
    max_chains INTEGER,
    draining INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE arbor.chain_leases (
    chain_id BIGINT PRIMARY KEY,
    owner TEXT,
    owner_token TEXT,
    epoch BIGINT NOT NULL DEFAULT 0,
    heartbeat_at BIGINT,
    expires_at BIGINT NOT NULL DEFAULT 0,
    move_to TEXT
);
ALTER TABLE arbor.lease ADD COLUMN holder_locked INTEGER NOT NULL DEFAULT 0)";

} // namespace

Migration enginesMigration(Backend backend)
{
    return {17, QStringLiteral("engines and per-chain leases: several engines on one database"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV17 : SqliteV17)};
}

} // namespace arbor

// Migration 14: the bill, visible. Hosted providers bill and rate-limit per JSON-RPC call (each
// element of a batch is one): rpc_call_counts keeps the calls and failed calls per endpoint and
// method, each process adding what it sent (never overwriting), so engines sharing a database add
// up; its rows go with their endpoint. rpc_endpoints.rpc_prices holds the operator's price per call
// by method as JSON ({"eth_getLogs":75}); NULL: none set.

#include "store/migrationsrpccalls.h"

namespace arbor {
namespace {

const char *const SqliteV14 = R"(CREATE TABLE arbor_rpc_call_counts (
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    endpoint_id INTEGER NOT NULL REFERENCES arbor_rpc_endpoints (id) ON DELETE CASCADE,
    method TEXT NOT NULL,
    calls INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (endpoint_id, method)
);
ALTER TABLE arbor_rpc_endpoints ADD COLUMN rpc_prices TEXT)";

const char *const PostgresV14 = R"(CREATE TABLE arbor.rpc_call_counts (
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    endpoint_id BIGINT NOT NULL REFERENCES arbor.rpc_endpoints (id) ON DELETE CASCADE,
    method TEXT NOT NULL,
    calls BIGINT NOT NULL DEFAULT 0,
    failed BIGINT NOT NULL DEFAULT 0,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (endpoint_id, method)
);
ALTER TABLE arbor.rpc_endpoints ADD COLUMN rpc_prices TEXT)";

} // namespace

Migration rpcCallsMigration(Backend backend)
{
    return {14, QStringLiteral("the bill: JSON-RPC calls per chain, endpoint and method, and the operator's price per call"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV14 : SqliteV14)};
}

} // namespace arbor

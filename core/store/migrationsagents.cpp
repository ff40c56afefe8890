// Migration 15: ERC-8004 agents as operators see them.
//
// agent_registrations: one row per agent of an identity registry, the registration file its
// agentURI named when it was last fetched: `uri` is the agentURI that fetch answered (a row whose
// uri differs from the agent's current one is due at once), `registration` the parsed file as
// JSON (NULL until a fetch succeeded; a later failure keeps the last good file), `raw` the bytes
// as fetched (capped by the fetcher), `error` why the last fetch failed (NULL after a success).
// agent_id is a uint256 stored as the entity tables store it (32-byte BLOB, NUMERIC(78,0)).
//
// agent_mcp_tokens: the secret reference ("keychain:NAME", "env:VAR", "file:PATH", never a value)
// an MCP action calling the agent's own endpoint sends as its bearer token.
//
// outbound_hosts: hosts the operator allows although they resolve to loopback, private,
// link-local or metadata addresses (every engine on the database applies the same list).
//
// settings: values every engine on the database shares, by name ("ipfs_gateway": the gateway
// ipfs:// URIs are fetched through; none set, they are not fetched).

#include "store/migrationsagents.h"

namespace arbor {
namespace {

const char *const SqliteV15 = R"(CREATE TABLE arbor_agent_registrations (
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    registry BLOB NOT NULL,
    agent_id BLOB NOT NULL,
    uri TEXT NOT NULL,
    registration TEXT,
    raw TEXT,
    error TEXT,
    fetched_at INTEGER,
    next_fetch_at INTEGER NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, registry, agent_id)
);
CREATE INDEX arbor_agent_registrations_due ON arbor_agent_registrations (next_fetch_at);
CREATE TABLE arbor_agent_mcp_tokens (
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    agent_id BLOB NOT NULL,
    token_ref TEXT NOT NULL,
    set_at INTEGER NOT NULL,
    PRIMARY KEY (chain_id, agent_id)
);
CREATE TABLE arbor_outbound_hosts (
    host TEXT PRIMARY KEY,
    added_at INTEGER NOT NULL
);
CREATE TABLE arbor_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at INTEGER NOT NULL
))";

const char *const PostgresV15 = R"(CREATE TABLE arbor.agent_registrations (
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    registry BYTEA NOT NULL,
    agent_id NUMERIC(78,0) NOT NULL,
    uri TEXT NOT NULL,
    registration TEXT,
    raw TEXT,
    error TEXT,
    fetched_at BIGINT,
    next_fetch_at BIGINT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, registry, agent_id)
);
CREATE INDEX agent_registrations_due ON arbor.agent_registrations (next_fetch_at);
CREATE TABLE arbor.agent_mcp_tokens (
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    agent_id NUMERIC(78,0) NOT NULL,
    token_ref TEXT NOT NULL,
    set_at BIGINT NOT NULL,
    PRIMARY KEY (chain_id, agent_id)
);
CREATE TABLE arbor.outbound_hosts (
    host TEXT PRIMARY KEY,
    added_at BIGINT NOT NULL
);
CREATE TABLE arbor.settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
))";

} // namespace

Migration agentsMigration(Backend backend)
{
    return {15, QStringLiteral("agents: registration files, per-agent MCP tokens, hosts allowed for requests from chain data, shared settings"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV15 : SqliteV15)};
}

} // namespace arbor

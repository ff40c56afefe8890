// Migration 6: what triggers need (DESIGN.md §9), in the admin namespace. Times are unix
// milliseconds, block timestamps unix seconds. JSON columns hold compact JSON text (JSONB on
// PostgreSQL): trigger_conditions.config is conditionToJson(), trigger_actions.config is
// actionToJson() without the id, trigger_state.state the evaluator's array, and
// trigger_deliveries.event eventToJson().
//
// The outbox is claimed in the order of its partial "claim" index (open rows only), so a claim
// reads a few index entries however many deliveries wait.
// Deliveries and results keep trigger and action ids without foreign keys: they are the audit
// trail and outlive a deleted trigger (whose open deliveries are cancelled first).
// action_results.duration_bucket and action_metrics_hourly.histogram use the log-spaced buckets
// of TriggerStore (four per doubling of the duration, see durationBucket()).

#include "store/migrationstriggers.h"

namespace arbor {
namespace {

const char *const SqliteV6 = R"(CREATE TABLE arbor_triggers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    chain_id INTEGER NOT NULL REFERENCES arbor_chains (chain_id),
    registry TEXT NOT NULL CHECK (registry IN ('identity', 'reputation', 'validation')),
    enabled INTEGER NOT NULL DEFAULT 1,
    confirmations INTEGER,
    cursor_block INTEGER NOT NULL,
    enabled_at INTEGER,
    last_fired_at INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (chain_id, name)
);
CREATE TABLE arbor_trigger_conditions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    trigger_id INTEGER NOT NULL REFERENCES arbor_triggers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    condition_type TEXT NOT NULL,
    config TEXT NOT NULL,
    UNIQUE (trigger_id, position)
);
CREATE TABLE arbor_trigger_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    trigger_id INTEGER NOT NULL REFERENCES arbor_triggers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    action_type TEXT NOT NULL CHECK (action_type IN ('rest', 'telegram', 'mcp')),
    priority INTEGER NOT NULL,
    config TEXT NOT NULL
);
CREATE INDEX arbor_trigger_actions_trigger ON arbor_trigger_actions (trigger_id, position);
CREATE TABLE arbor_trigger_state (
    trigger_id INTEGER PRIMARY KEY REFERENCES arbor_triggers (id) ON DELETE CASCADE,
    state TEXT NOT NULL,
    cursor_block INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE arbor_trigger_state_history (
    trigger_id INTEGER NOT NULL REFERENCES arbor_triggers (id) ON DELETE CASCADE,
    block_number INTEGER NOT NULL,
    state TEXT NOT NULL,
    PRIMARY KEY (trigger_id, block_number)
);
CREATE TABLE arbor_trigger_deliveries (
    id TEXT PRIMARY KEY,
    trigger_id INTEGER NOT NULL,
    action_id INTEGER NOT NULL,
    action_type TEXT NOT NULL,
    priority INTEGER NOT NULL,
    chain_id INTEGER NOT NULL,
    block_number INTEGER NOT NULL,
    log_index INTEGER NOT NULL,
    tx_hash BLOB NOT NULL,
    event TEXT NOT NULL,
    payload BLOB NOT NULL,
    target TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'retrying', 'success', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_by TEXT,
    claimed_until INTEGER,
    last_error TEXT,
    reorged_at INTEGER,
    is_test INTEGER NOT NULL DEFAULT 0,
    replay INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    finished_at INTEGER
);
CREATE INDEX arbor_trigger_deliveries_due ON arbor_trigger_deliveries (status, next_attempt_at);
CREATE INDEX arbor_trigger_deliveries_claim ON arbor_trigger_deliveries (next_attempt_at, chain_id, block_number, log_index, priority) WHERE status IN ('pending', 'retrying');
CREATE INDEX arbor_trigger_deliveries_claimed ON arbor_trigger_deliveries (claimed_by, claimed_until) WHERE claimed_by IS NOT NULL;
CREATE INDEX arbor_trigger_deliveries_trigger ON arbor_trigger_deliveries (trigger_id, created_at);
CREATE INDEX arbor_trigger_deliveries_event ON arbor_trigger_deliveries (chain_id, block_number);
CREATE TABLE arbor_action_results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL,
    trigger_id INTEGER NOT NULL,
    action_id INTEGER NOT NULL,
    action_type TEXT NOT NULL,
    chain_id INTEGER NOT NULL,
    block_number INTEGER NOT NULL,
    tx_hash BLOB NOT NULL,
    log_index INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('success', 'failed', 'retrying', 'cancelled')),
    attempt INTEGER NOT NULL,
    http_status INTEGER,
    duration_ms INTEGER,
    duration_bucket INTEGER,
    error TEXT,
    response_excerpt TEXT,
    is_test INTEGER NOT NULL DEFAULT 0,
    at INTEGER NOT NULL
);
CREATE INDEX arbor_action_results_at ON arbor_action_results (at);
CREATE INDEX arbor_action_results_trigger ON arbor_action_results (trigger_id, id);
CREATE INDEX arbor_action_results_status ON arbor_action_results (status, id);
CREATE INDEX arbor_action_results_delivery ON arbor_action_results (delivery_id);
CREATE TABLE arbor_trigger_event_counts_hourly (
    hour INTEGER NOT NULL,
    chain_id INTEGER NOT NULL,
    registry TEXT NOT NULL,
    event_type TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (hour, chain_id, registry, event_type)
);
CREATE TABLE arbor_trigger_event_count_progress (
    chain_id INTEGER PRIMARY KEY,
    counted_block INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE arbor_action_metrics_hourly (
    hour INTEGER NOT NULL,
    action_type TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    success INTEGER NOT NULL DEFAULT 0,
    failure INTEGER NOT NULL DEFAULT 0,
    duration_sum_ms INTEGER NOT NULL DEFAULT 0,
    duration_max_ms INTEGER NOT NULL DEFAULT 0,
    p95_ms INTEGER,
    histogram TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (hour, action_type)
))";

const char *const PostgresV6 = R"(CREATE TABLE arbor.triggers (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    chain_id BIGINT NOT NULL REFERENCES arbor.chains (chain_id),
    registry TEXT NOT NULL CHECK (registry IN ('identity', 'reputation', 'validation')),
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    confirmations INTEGER,
    cursor_block BIGINT NOT NULL,
    enabled_at BIGINT,
    last_fired_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (chain_id, name)
);
CREATE TABLE arbor.trigger_conditions (
    id BIGSERIAL PRIMARY KEY,
    trigger_id BIGINT NOT NULL REFERENCES arbor.triggers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    condition_type TEXT NOT NULL,
    config JSONB NOT NULL,
    UNIQUE (trigger_id, position)
);
CREATE TABLE arbor.trigger_actions (
    id BIGSERIAL PRIMARY KEY,
    trigger_id BIGINT NOT NULL REFERENCES arbor.triggers (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    action_type TEXT NOT NULL CHECK (action_type IN ('rest', 'telegram', 'mcp')),
    priority INTEGER NOT NULL,
    config JSONB NOT NULL
);
CREATE INDEX trigger_actions_trigger ON arbor.trigger_actions (trigger_id, position);
CREATE TABLE arbor.trigger_state (
    trigger_id BIGINT PRIMARY KEY REFERENCES arbor.triggers (id) ON DELETE CASCADE,
    state JSONB NOT NULL,
    cursor_block BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE arbor.trigger_state_history (
    trigger_id BIGINT NOT NULL REFERENCES arbor.triggers (id) ON DELETE CASCADE,
    block_number BIGINT NOT NULL,
    state JSONB NOT NULL,
    PRIMARY KEY (trigger_id, block_number)
);
CREATE TABLE arbor.trigger_deliveries (
    id TEXT PRIMARY KEY,
    trigger_id BIGINT NOT NULL,
    action_id BIGINT NOT NULL,
    action_type TEXT NOT NULL,
    priority INTEGER NOT NULL,
    chain_id BIGINT NOT NULL,
    block_number BIGINT NOT NULL,
    log_index BIGINT NOT NULL,
    tx_hash BYTEA NOT NULL,
    event JSONB NOT NULL,
    payload BYTEA NOT NULL,
    target TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending', 'retrying', 'success', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    claimed_by TEXT,
    claimed_until BIGINT,
    last_error TEXT,
    reorged_at BIGINT,
    is_test BOOLEAN NOT NULL DEFAULT FALSE,
    replay BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX trigger_deliveries_due ON arbor.trigger_deliveries (status, next_attempt_at);
CREATE INDEX trigger_deliveries_claim ON arbor.trigger_deliveries (next_attempt_at, chain_id, block_number, log_index, priority) WHERE status IN ('pending', 'retrying');
CREATE INDEX trigger_deliveries_claimed ON arbor.trigger_deliveries (claimed_by, claimed_until) WHERE claimed_by IS NOT NULL;
CREATE INDEX trigger_deliveries_trigger ON arbor.trigger_deliveries (trigger_id, created_at);
CREATE INDEX trigger_deliveries_event ON arbor.trigger_deliveries (chain_id, block_number);
CREATE TABLE arbor.action_results (
    id BIGSERIAL PRIMARY KEY,
    delivery_id TEXT NOT NULL,
    trigger_id BIGINT NOT NULL,
    action_id BIGINT NOT NULL,
    action_type TEXT NOT NULL,
    chain_id BIGINT NOT NULL,
    block_number BIGINT NOT NULL,
    tx_hash BYTEA NOT NULL,
    log_index BIGINT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('success', 'failed', 'retrying', 'cancelled')),
    attempt INTEGER NOT NULL,
    http_status INTEGER,
    duration_ms BIGINT,
    duration_bucket INTEGER,
    error TEXT,
    response_excerpt TEXT,
    is_test BOOLEAN NOT NULL DEFAULT FALSE,
    at BIGINT NOT NULL
);
CREATE INDEX action_results_at ON arbor.action_results (at);
CREATE INDEX action_results_trigger ON arbor.action_results (trigger_id, id);
CREATE INDEX action_results_status ON arbor.action_results (status, id);
CREATE INDEX action_results_delivery ON arbor.action_results (delivery_id);
CREATE TABLE arbor.trigger_event_counts_hourly (
    hour BIGINT NOT NULL,
    chain_id BIGINT NOT NULL,
    registry TEXT NOT NULL,
    event_type TEXT NOT NULL,
    count BIGINT NOT NULL,
    PRIMARY KEY (hour, chain_id, registry, event_type)
);
CREATE TABLE arbor.trigger_event_count_progress (
    chain_id BIGINT PRIMARY KEY,
    counted_block BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE arbor.action_metrics_hourly (
    hour BIGINT NOT NULL,
    action_type TEXT NOT NULL,
    total BIGINT NOT NULL DEFAULT 0,
    success BIGINT NOT NULL DEFAULT 0,
    failure BIGINT NOT NULL DEFAULT 0,
    duration_sum_ms BIGINT NOT NULL DEFAULT 0,
    duration_max_ms BIGINT NOT NULL DEFAULT 0,
    p95_ms BIGINT,
    histogram TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (hour, action_type)
))";

} // namespace

Migration triggersMigration(Backend backend)
{
    return {6, QStringLiteral("triggers: definitions, state, delivery outbox, action results, hourly aggregates"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV6 : SqliteV6)};
}

} // namespace arbor

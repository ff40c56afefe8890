// Migration 8: alert rules (issue "A console operators can trust"). Times are unix ms.
//
// alert_rules.chain_id is NULL for a rule over every chain. alert_rule_actions.config is
// actionToJson() without the id, as trigger_actions.config. alert_history keeps each alert an
// engine raised (built-in ones have rule_id NULL) until it cleared; acknowledged_at/_note are
// the operator's. Alert deliveries go through trigger_deliveries with source 'alert',
// trigger_id the rule's id (alert_rule_id from migration 12) and action_id the rule action's
// id; their block_number and log_index are 0, so a reorg never cancels them.
//
// Migration 10: alert_history.params, the alert's parameters (AlertText) that every reader
// renders its title and text from in their language; title and text hold the English text
// from then on. Rows written before keep params NULL and are shown with their stored text.
//
// Migration 12: an alert delivery names its rule in a column of its own. trigger_deliveries and
// action_results gain alert_rule_id; rows with source 'alert' move their rule's id there from
// trigger_id, which becomes nullable and NULL for them. A CHECK holds every row to exactly one
// subject: trigger_id for source 'trigger', alert_rule_id for 'alert'. PostgreSQL changes the
// tables in place; SQLite, which cannot drop a NOT NULL, builds each table anew under the same
// name, copies every row (ids and the AUTOINCREMENT high-water mark of action_results kept)
// and creates the same indexes again, as its documentation describes for such changes.

#include "store/migrationsalerts.h"

namespace arbor {
namespace {

const char *const SqliteV8 = R"(CREATE TABLE arbor_alert_rules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE,
    chain_id INTEGER,
    kind TEXT NOT NULL,
    threshold DOUBLE PRECISION NOT NULL DEFAULT 0,
    for_seconds INTEGER NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1,
    send_resolved INTEGER NOT NULL DEFAULT 1,
    silenced_until INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE TABLE arbor_alert_rule_actions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id INTEGER NOT NULL REFERENCES arbor_alert_rules (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    action_type TEXT NOT NULL CHECK (action_type IN ('rest', 'telegram', 'mcp')),
    priority INTEGER NOT NULL,
    config TEXT NOT NULL
);
CREATE INDEX arbor_alert_rule_actions_rule ON arbor_alert_rule_actions (rule_id, position);
CREATE TABLE arbor_alert_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    rule_id INTEGER,
    rule_name TEXT,
    chain_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    silenced INTEGER NOT NULL DEFAULT 0,
    raised_at INTEGER NOT NULL,
    cleared_at INTEGER,
    acknowledged_at INTEGER,
    acknowledged_note TEXT
);
CREATE INDEX arbor_alert_history_raised ON arbor_alert_history (raised_at);
CREATE INDEX arbor_alert_history_open ON arbor_alert_history (chain_id, kind) WHERE cleared_at IS NULL;
ALTER TABLE arbor_trigger_deliveries ADD COLUMN source TEXT NOT NULL DEFAULT 'trigger';
ALTER TABLE arbor_action_results ADD COLUMN source TEXT NOT NULL DEFAULT 'trigger')";

const char *const PostgresV8 = R"(CREATE TABLE arbor.alert_rules (
    id BIGSERIAL PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    chain_id BIGINT,
    kind TEXT NOT NULL,
    threshold DOUBLE PRECISION NOT NULL DEFAULT 0,
    for_seconds INTEGER NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    send_resolved BOOLEAN NOT NULL DEFAULT TRUE,
    silenced_until BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE arbor.alert_rule_actions (
    id BIGSERIAL PRIMARY KEY,
    rule_id BIGINT NOT NULL REFERENCES arbor.alert_rules (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    action_type TEXT NOT NULL CHECK (action_type IN ('rest', 'telegram', 'mcp')),
    priority INTEGER NOT NULL,
    config JSONB NOT NULL
);
CREATE INDEX alert_rule_actions_rule ON arbor.alert_rule_actions (rule_id, position);
CREATE TABLE arbor.alert_history (
    id BIGSERIAL PRIMARY KEY,
    rule_id BIGINT,
    rule_name TEXT,
    chain_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    silenced BOOLEAN NOT NULL DEFAULT FALSE,
    raised_at BIGINT NOT NULL,
    cleared_at BIGINT,
    acknowledged_at BIGINT,
    acknowledged_note TEXT
);
CREATE INDEX alert_history_raised ON arbor.alert_history (raised_at);
CREATE INDEX alert_history_open ON arbor.alert_history (chain_id, kind) WHERE cleared_at IS NULL;
ALTER TABLE arbor.trigger_deliveries ADD COLUMN source TEXT NOT NULL DEFAULT 'trigger';
ALTER TABLE arbor.action_results ADD COLUMN source TEXT NOT NULL DEFAULT 'trigger')";

const char *const SqliteV10 = R"(ALTER TABLE arbor_alert_history ADD COLUMN params TEXT)";

const char *const PostgresV10 = R"(ALTER TABLE arbor.alert_history ADD COLUMN params JSONB)";

const char *const SqliteV12 = R"(CREATE TABLE arbor_trigger_deliveries_v12 (
    id TEXT PRIMARY KEY,
    trigger_id INTEGER,
    alert_rule_id INTEGER,
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
    finished_at INTEGER,
    source TEXT NOT NULL DEFAULT 'trigger',
    CHECK (CASE WHEN source = 'alert' THEN alert_rule_id IS NOT NULL AND trigger_id IS NULL
                ELSE trigger_id IS NOT NULL AND alert_rule_id IS NULL END)
);
INSERT INTO arbor_trigger_deliveries_v12 (id, trigger_id, alert_rule_id, action_id, action_type, priority, chain_id, block_number,
    log_index, tx_hash, event, payload, target, status, attempts, next_attempt_at, claimed_by, claimed_until, last_error, reorged_at,
    is_test, replay, created_at, updated_at, finished_at, source)
SELECT id, CASE WHEN source = 'alert' THEN NULL ELSE trigger_id END, CASE WHEN source = 'alert' THEN trigger_id END, action_id,
    action_type, priority, chain_id, block_number, log_index, tx_hash, event, payload, target, status, attempts, next_attempt_at,
    claimed_by, claimed_until, last_error, reorged_at, is_test, replay, created_at, updated_at, finished_at, source
FROM arbor_trigger_deliveries;
DROP TABLE arbor_trigger_deliveries;
ALTER TABLE arbor_trigger_deliveries_v12 RENAME TO arbor_trigger_deliveries;
CREATE INDEX arbor_trigger_deliveries_due ON arbor_trigger_deliveries (status, next_attempt_at);
CREATE INDEX arbor_trigger_deliveries_claim ON arbor_trigger_deliveries (next_attempt_at, chain_id, block_number, log_index, priority) WHERE status IN ('pending', 'retrying');
CREATE INDEX arbor_trigger_deliveries_claimed ON arbor_trigger_deliveries (claimed_by, claimed_until) WHERE claimed_by IS NOT NULL;
CREATE INDEX arbor_trigger_deliveries_trigger ON arbor_trigger_deliveries (trigger_id, created_at);
CREATE INDEX arbor_trigger_deliveries_event ON arbor_trigger_deliveries (chain_id, block_number);
CREATE INDEX arbor_trigger_deliveries_alert_rule ON arbor_trigger_deliveries (alert_rule_id, created_at) WHERE alert_rule_id IS NOT NULL;
CREATE TABLE arbor_action_results_v12 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    delivery_id TEXT NOT NULL,
    trigger_id INTEGER,
    alert_rule_id INTEGER,
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
    at INTEGER NOT NULL,
    source TEXT NOT NULL DEFAULT 'trigger',
    CHECK (CASE WHEN source = 'alert' THEN alert_rule_id IS NOT NULL AND trigger_id IS NULL
                ELSE trigger_id IS NOT NULL AND alert_rule_id IS NULL END)
);
INSERT INTO arbor_action_results_v12 (id, delivery_id, trigger_id, alert_rule_id, action_id, action_type, chain_id, block_number, tx_hash,
    log_index, status, attempt, http_status, duration_ms, duration_bucket, error, response_excerpt, is_test, at, source)
SELECT id, delivery_id, CASE WHEN source = 'alert' THEN NULL ELSE trigger_id END, CASE WHEN source = 'alert' THEN trigger_id END,
    action_id, action_type, chain_id, block_number, tx_hash, log_index, status, attempt, http_status, duration_ms, duration_bucket, error,
    response_excerpt, is_test, at, source
FROM arbor_action_results;
DELETE FROM sqlite_sequence WHERE name = 'arbor_action_results_v12';
INSERT INTO sqlite_sequence (name, seq) SELECT 'arbor_action_results_v12', seq FROM sqlite_sequence WHERE name = 'arbor_action_results';
DROP TABLE arbor_action_results;
ALTER TABLE arbor_action_results_v12 RENAME TO arbor_action_results;
CREATE INDEX arbor_action_results_at ON arbor_action_results (at);
CREATE INDEX arbor_action_results_trigger ON arbor_action_results (trigger_id, id);
CREATE INDEX arbor_action_results_status ON arbor_action_results (status, id);
CREATE INDEX arbor_action_results_delivery ON arbor_action_results (delivery_id);
CREATE INDEX arbor_action_results_alert_rule ON arbor_action_results (alert_rule_id, id) WHERE alert_rule_id IS NOT NULL)";

const char *const PostgresV12 = R"(ALTER TABLE arbor.trigger_deliveries ADD COLUMN alert_rule_id BIGINT;
ALTER TABLE arbor.trigger_deliveries ALTER COLUMN trigger_id DROP NOT NULL;
UPDATE arbor.trigger_deliveries SET alert_rule_id = trigger_id, trigger_id = NULL WHERE source = 'alert';
ALTER TABLE arbor.trigger_deliveries ADD CONSTRAINT trigger_deliveries_one_subject
    CHECK (CASE WHEN source = 'alert' THEN alert_rule_id IS NOT NULL AND trigger_id IS NULL
                ELSE trigger_id IS NOT NULL AND alert_rule_id IS NULL END);
CREATE INDEX trigger_deliveries_alert_rule ON arbor.trigger_deliveries (alert_rule_id, created_at) WHERE alert_rule_id IS NOT NULL;
ALTER TABLE arbor.action_results ADD COLUMN alert_rule_id BIGINT;
ALTER TABLE arbor.action_results ALTER COLUMN trigger_id DROP NOT NULL;
UPDATE arbor.action_results SET alert_rule_id = trigger_id, trigger_id = NULL WHERE source = 'alert';
ALTER TABLE arbor.action_results ADD CONSTRAINT action_results_one_subject
    CHECK (CASE WHEN source = 'alert' THEN alert_rule_id IS NOT NULL AND trigger_id IS NULL
                ELSE trigger_id IS NOT NULL AND alert_rule_id IS NULL END);
CREATE INDEX action_results_alert_rule ON arbor.action_results (alert_rule_id, id) WHERE alert_rule_id IS NOT NULL)";

} // namespace

Migration alertsMigration(Backend backend)
{
    return {8, QStringLiteral("alert rules, their actions and history; the source of deliveries and results"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV8 : SqliteV8)};
}

Migration alertParamsMigration(Backend backend)
{
    return {10, QStringLiteral("alert parameters: each alert's kind-specific values, rendered in the reader's language"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV10 : SqliteV10)};
}

Migration alertSubjectMigration(Backend backend)
{
    return {12, QStringLiteral("outbox subjects: alert deliveries and results name their rule in alert_rule_id, trigger_id only triggers"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV12 : SqliteV12)};
}

} // namespace arbor

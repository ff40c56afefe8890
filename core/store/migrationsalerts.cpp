// Migration 8: alert rules (issue "A console operators can trust"). Times are unix ms.
//
// alert_rules.chain_id is NULL for a rule over every chain. alert_rule_actions.config is
// actionToJson() without the id, as trigger_actions.config. alert_history keeps each alert an
// engine raised (built-in ones have rule_id NULL) until it cleared; acknowledged_at/_note are
// the operator's. Alert deliveries go through trigger_deliveries with source 'alert',
// trigger_id the rule's id and action_id the rule action's id; their block_number and
// log_index are 0, so a reorg never cancels them.
//
// Migration 10: alert_history.params, the alert's parameters (AlertText) that every reader
// renders its title and text from in their language; title and text hold the English text
// from then on. Rows written before keep params NULL and are shown with their stored text.

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

} // namespace arbor

// Migration 18: retry schedules measured in days, held deliveries and each action's health.
// Migration 21: each action's last error in no language.
// Migration 22: what that error's sentence names (a receiver's own words, a value).

#include "store/migrationsdeliveries.h"

namespace arbor {
namespace {

const char *const SqliteV18 = R"(ALTER TABLE arbor_trigger_deliveries ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE arbor_trigger_deliveries ADD COLUMN schedule_from INTEGER NOT NULL DEFAULT 0;
DROP INDEX arbor_trigger_deliveries_claim;
CREATE INDEX arbor_trigger_deliveries_claim ON arbor_trigger_deliveries (next_attempt_at, chain_id, block_number, log_index, priority) WHERE status IN ('pending', 'retrying') AND held = 0;
CREATE INDEX arbor_trigger_deliveries_action ON arbor_trigger_deliveries (source, action_id, status);
CREATE TABLE arbor_action_health (
    source TEXT NOT NULL CHECK (source IN ('trigger', 'alert')),
    action_id INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ok', 'failing', 'disabled')),
    state_since INTEGER NOT NULL,
    state_reason TEXT,
    failing_since INTEGER,
    last_success_at INTEGER,
    last_failure_at INTEGER,
    last_error TEXT,
    last_http_status INTEGER,
    PRIMARY KEY (source, action_id)
);
UPDATE arbor_trigger_actions SET config = json_remove(config, '$.maxRetries', '$.timeoutMs')
    WHERE json_extract(config, '$.maxRetries') = 8 AND json_extract(config, '$.timeoutMs') = 10000;
UPDATE arbor_alert_rule_actions SET config = json_remove(config, '$.maxRetries', '$.timeoutMs')
    WHERE json_extract(config, '$.maxRetries') = 8 AND json_extract(config, '$.timeoutMs') = 10000)";

const char *const PostgresV18 = R"(ALTER TABLE arbor.trigger_deliveries ADD COLUMN held INTEGER NOT NULL DEFAULT 0;
ALTER TABLE arbor.trigger_deliveries ADD COLUMN schedule_from INTEGER NOT NULL DEFAULT 0;
DROP INDEX arbor.trigger_deliveries_claim;
CREATE INDEX trigger_deliveries_claim ON arbor.trigger_deliveries (next_attempt_at, chain_id, block_number, log_index, priority) WHERE status IN ('pending', 'retrying') AND held = 0;
CREATE INDEX trigger_deliveries_action ON arbor.trigger_deliveries (source, action_id, status);
CREATE TABLE arbor.action_health (
    source TEXT NOT NULL CHECK (source IN ('trigger', 'alert')),
    action_id BIGINT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ok', 'failing', 'disabled')),
    state_since BIGINT NOT NULL,
    state_reason TEXT,
    failing_since BIGINT,
    last_success_at BIGINT,
    last_failure_at BIGINT,
    last_error TEXT,
    last_http_status INTEGER,
    PRIMARY KEY (source, action_id)
);
UPDATE arbor.trigger_actions SET config = config - 'maxRetries' - 'timeoutMs'
    WHERE config->>'maxRetries' = '8' AND config->>'timeoutMs' = '10000';
UPDATE arbor.alert_rule_actions SET config = config - 'maxRetries' - 'timeoutMs'
    WHERE config->>'maxRetries' = '8' AND config->>'timeoutMs' = '10000')";

const char *const SqliteV21 = "ALTER TABLE arbor_action_health ADD COLUMN last_error_code TEXT";
const char *const PostgresV21 = "ALTER TABLE arbor.action_health ADD COLUMN last_error_code TEXT";

const char *const SqliteV22 = "ALTER TABLE arbor_action_health ADD COLUMN last_error_detail TEXT";
const char *const PostgresV22 = "ALTER TABLE arbor.action_health ADD COLUMN last_error_detail TEXT";

} // namespace

Migration deliveriesMigration(Backend backend)
{
    return {18, QStringLiteral("deliveries for days: retry schedules, held deliveries of a disabled action, each action's health"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV18 : SqliteV18)};
}

Migration deliveryErrorCodeMigration(Backend backend)
{
    return {21, QStringLiteral("each action's last error in no language, for alerts worded in the reader's"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV21 : SqliteV21)};
}

Migration deliveryErrorDetailMigration(Backend backend)
{
    return {22, QStringLiteral("what each action's last error names (a receiver's own words, a value), for alerts worded in the reader's language"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV22 : SqliteV22)};
}

} // namespace arbor

#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 8: the operator's alert rules, their actions and the alert history, and the
/// `source` of each outbox row and action result ('trigger' or 'alert'). Appended by
/// migrations(); never edited.
Migration alertsMigration(Backend backend);
/// Migration 10: alert_history.params (JSON; NULL for rows written before), the parameters
/// an alert's title and text are rendered from. Appended by migrations(); never edited.
Migration alertParamsMigration(Backend backend);
/// Migration 12: trigger_deliveries and action_results name an alert rule in alert_rule_id
/// (trigger_id NULL), a trigger in trigger_id (alert_rule_id NULL); existing alert rows are
/// moved over. Appended by migrations(); never edited.
Migration alertSubjectMigration(Backend backend);

} // namespace arbor

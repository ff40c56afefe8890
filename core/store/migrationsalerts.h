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

} // namespace arbor

#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 8: the operator's alert rules, their actions and the alert history, and the
/// `source` of each outbox row and action result ('trigger' or 'alert'). Appended by
/// migrations(); never edited.
Migration alertsMigration(Backend backend);

} // namespace arbor

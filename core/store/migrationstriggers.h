#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 6: triggers, their conditions, actions and state, the delivery outbox, action
/// results and the hourly aggregates (DESIGN.md §9). Appended by migrations(); never edited.
Migration triggersMigration(Backend backend);

} // namespace arbor

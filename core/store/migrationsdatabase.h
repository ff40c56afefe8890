#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 9: operating the database — the day's holder set behind each
/// chain's "active holders", retention policies, the maintenance log, statement timings and
/// size samples for the growth chart. Appended by migrations(); never edited.
Migration databaseMigration(Backend backend);

} // namespace arbor

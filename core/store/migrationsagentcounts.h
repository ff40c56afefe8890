#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 16: aggregate_state.agents_recounted_at, when a chain's agent summaries (the
/// reputation kept per tag and the latest feedback) were last counted from its raw agent events;
/// NULL for a chain indexed before they were kept. Appended by migrations(); never edited.
Migration agentAggregatesMigration(Backend backend);

} // namespace arbor

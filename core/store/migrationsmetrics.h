#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 7: the chart history (metric_samples, endpoint_samples) that outlives a restart.
/// Appended by migrations(); never edited.
Migration metricsMigration(Backend backend);

} // namespace arbor

#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 10: one endpoint vocabulary (rpc_endpoints.status holds the tokens of
/// model/endpointstatus.h) and when each endpoint last reported its head. Appended by
/// migrations(); never edited.
Migration endpointsMigration(Backend backend);

} // namespace arbor

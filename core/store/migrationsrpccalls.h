#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 14: rpc_call_counts, the JSON-RPC calls made per chain, endpoint and method (added
/// to by every process on the database), and rpc_endpoints.rpc_prices, the operator's price per
/// call by method. Appended by migrations(); never edited.
Migration rpcCallsMigration(Backend backend);

} // namespace arbor

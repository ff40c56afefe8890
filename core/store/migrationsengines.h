#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 17: several engines on one database. `engines` holds one row per running engine
/// (name, identity, heartbeat and lease length by the database's clock, capacity, draining);
/// `chain_leases` one row per chain: the engine that indexes it, the epoch every fenced write
/// checks, when the lease expires, and a move an operator asked for. lease.holder_locked: whether
/// the database lease's holder also holds the PostgreSQL advisory lock (only then does getting the
/// lock prove the holder gone). Appended by migrations(); never edited.
Migration enginesMigration(Backend backend);

} // namespace arbor

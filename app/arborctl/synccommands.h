#pragma once

#include "commandline.h"

namespace arbor::cli {

/// `arborctl resync`: a chain's global rows rebuilt from its production tables.
int resyncCommand(const Invocation &inv);
/// `arborctl sync-status`: per chain and table, the rows in production and global, the last
/// synced height and the lag (each table counted in full).
int syncStatusCommand(const Invocation &inv);

} // namespace arbor::cli

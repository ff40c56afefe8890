#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 13: chains.block_stats, which blocks a chain's daily statistics count ('events':
/// headers of the blocks with events only; 'every': one header per block). Chains indexed
/// before it fetched every header, so they keep 'every'. Appended by migrations(); never edited.
Migration blockStatsMigration(Backend backend);

} // namespace arbor

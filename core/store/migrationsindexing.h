#pragma once

#include "store/migrations.h"

namespace arbor {

/// Migration 13: chains.block_stats, which blocks a chain's daily statistics count ('events':
/// headers of the blocks with events only; 'every': one header per block). Chains indexed
/// before it fetched every header, so they keep 'every'. Appended by migrations(); never edited.
Migration blockStatsMigration(Backend backend);

/// Migration 19: chains.sampled_logs_per_block, the events per block of the sample taken when
/// the chain was added (EventDensityProbe); the indexer's first eth_getLogs spans are sized
/// from it (LogRangeSizer::seed()). NULL: never sampled. Appended by migrations(); never edited.
Migration eventSampleMigration(Backend backend);

/// Migration 20: PostgreSQL's cross-chain tables made before it get ddl::GlobalFillFactor, so
/// their updates can stay on the page. It governs how full pages are filled from then on; pages
/// packed before it gain room as VACUUM frees their dead rows. Nothing on SQLite. Appended by
/// migrations(); never edited.
Migration globalFillFactorMigration(Backend backend);

} // namespace arbor

// Migration 13: a chain's block statistics as a choice. Below the reorg window a chain indexed with
// 'events' has the headers of its blocks with events only (and of each range's last block); one
// with 'every' has every header. A switch to 'every' backfills the missing headers through the
// backfills table (contract_kind 'headers', address of twenty zero bytes).

#include "store/migrationsindexing.h"

namespace arbor {
namespace {

const char *const SqliteV13 = R"(ALTER TABLE arbor_chains ADD COLUMN block_stats TEXT NOT NULL DEFAULT 'every'
    CHECK (block_stats IN ('events', 'every')))";

const char *const PostgresV13 = R"(ALTER TABLE arbor.chains ADD COLUMN block_stats TEXT NOT NULL DEFAULT 'every'
    CHECK (block_stats IN ('events', 'every')))";

} // namespace

Migration blockStatsMigration(Backend backend)
{
    return {13, QStringLiteral("block statistics per chain: headers of the blocks with events only, or of every block"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV13 : SqliteV13)};
}

} // namespace arbor

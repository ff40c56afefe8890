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

// Migration 19: the events per block of the sample taken when the chain was added.
const char *const SqliteV19 = R"(ALTER TABLE arbor_chains ADD COLUMN sampled_logs_per_block REAL
    CHECK (sampled_logs_per_block IS NULL OR sampled_logs_per_block >= 0))";

const char *const PostgresV19 = R"(ALTER TABLE arbor.chains ADD COLUMN sampled_logs_per_block DOUBLE PRECISION
    CHECK (sampled_logs_per_block IS NULL OR sampled_logs_per_block >= 0))";

// Migration 20: room on each page of the cross-chain tables for their rows' next versions
// (ddl::GlobalFillFactor, spelled out: a migration's text never changes). The tables exist only
// once the entities were reconciled, after the first migrations: IF EXISTS.
const char *const PostgresV20 = R"(ALTER TABLE IF EXISTS arbor_global.token_balances SET (fillfactor = 70);
ALTER TABLE IF EXISTS arbor_global.block_summaries SET (fillfactor = 70);
ALTER TABLE IF EXISTS arbor_global.agent_identities SET (fillfactor = 70);
ALTER TABLE IF EXISTS arbor_global.agent_reputation SET (fillfactor = 70))";

} // namespace

Migration blockStatsMigration(Backend backend)
{
    return {13, QStringLiteral("block statistics per chain: headers of the blocks with events only, or of every block"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV13 : SqliteV13)};
}

Migration eventSampleMigration(Backend backend)
{
    return {19, QStringLiteral("the events per block sampled when a chain is added: how wide its first eth_getLogs go"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV19 : SqliteV19)};
}

Migration globalFillFactorMigration(Backend backend)
{
    return {20, QStringLiteral("room on the pages of the cross-chain tables for updates in place (PostgreSQL)"),
            backend == Backend::Postgres ? QString::fromUtf8(PostgresV20) : QString()};
}

} // namespace arbor

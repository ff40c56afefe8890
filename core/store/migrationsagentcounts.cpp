// Migration 16: agent summaries kept at promotion. The per-chain tables they live in are entity
// tables (agent_reputation's latest_* columns, agent_reputation_tags), which start-up
// reconciliation adds; what a database of an earlier release lacks is their content. A chain whose
// agents_recounted_at is NULL has its agents counted once from its raw agent events
// (IndexStore::recountAgentsOnce(), at start-up with the lease); chains registered since are
// counted as they are promoted.

#include "store/migrationsagentcounts.h"

namespace arbor {
namespace {

const char *const SqliteV16 = R"(ALTER TABLE arbor_aggregate_state ADD COLUMN agents_recounted_at INTEGER)";

const char *const PostgresV16 = R"(ALTER TABLE arbor.aggregate_state ADD COLUMN agents_recounted_at BIGINT)";

} // namespace

Migration agentAggregatesMigration(Backend backend)
{
    return {16, QStringLiteral("agent summaries: when each chain's agents were counted from their raw events"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV16 : SqliteV16)};
}

} // namespace arbor

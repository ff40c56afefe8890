// Migration 10: the endpoint statuses of earlier versions ("down", "degraded", "rate limited")
// become the one vocabulary's tokens (unreachable, answering_with_errors, rate_limited), and
// rpc_endpoints gains last_head_at (unix ms of the last head the endpoint reported), which says
// since when a chain's head is unknown.

#include "store/migrationsendpoints.h"

namespace arbor {
namespace {

const char *const SqliteV11 = R"(UPDATE arbor_rpc_endpoints SET status = CASE status
    WHEN 'down' THEN 'unreachable' WHEN 'degraded' THEN 'answering_with_errors' WHEN 'rate limited' THEN 'rate_limited'
    ELSE status END;
ALTER TABLE arbor_rpc_endpoints ADD COLUMN last_head_at INTEGER)";

const char *const PostgresV11 = R"(UPDATE arbor.rpc_endpoints SET status = CASE status
    WHEN 'down' THEN 'unreachable' WHEN 'degraded' THEN 'answering_with_errors' WHEN 'rate limited' THEN 'rate_limited'
    ELSE status END;
ALTER TABLE arbor.rpc_endpoints ADD COLUMN last_head_at BIGINT)";

} // namespace

Migration endpointsMigration(Backend backend)
{
    return {11, QStringLiteral("endpoint vocabulary: status tokens, and when each endpoint last reported its head"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV11 : SqliteV11)};
}

} // namespace arbor

// Migration 7: what the chain charts show after a restart, in the admin namespace. One row per
// chain per sample (MetricsRecorder writes one every 15 s: lag, blocks/s) and one per endpoint
// of the chain at the same moment (latency, and the endpoint's request and failure counters as
// the indexer last reported them). Times are unix milliseconds. No foreign keys: a chain's
// rows go with the delete step that removes its admin tracking rows, and rows older than the
// retention are pruned in small batches through the sampled_at indexes.

#include "store/migrationsmetrics.h"

namespace arbor {
namespace {

const char *const SqliteV7 = R"(CREATE TABLE arbor_metric_samples (
    chain_id INTEGER NOT NULL,
    sampled_at INTEGER NOT NULL,
    lag_blocks REAL,
    lag_seconds REAL,
    blocks_per_second REAL,
    PRIMARY KEY (chain_id, sampled_at)
);
CREATE INDEX arbor_metric_samples_time ON arbor_metric_samples (sampled_at);
CREATE TABLE arbor_endpoint_samples (
    chain_id INTEGER NOT NULL,
    url TEXT NOT NULL,
    sampled_at INTEGER NOT NULL,
    latency_ms REAL,
    requests INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, url, sampled_at)
);
CREATE INDEX arbor_endpoint_samples_time ON arbor_endpoint_samples (sampled_at))";

const char *const PostgresV7 = R"(CREATE TABLE arbor.metric_samples (
    chain_id BIGINT NOT NULL,
    sampled_at BIGINT NOT NULL,
    lag_blocks DOUBLE PRECISION,
    lag_seconds DOUBLE PRECISION,
    blocks_per_second DOUBLE PRECISION,
    PRIMARY KEY (chain_id, sampled_at)
);
CREATE INDEX metric_samples_time ON arbor.metric_samples (sampled_at);
CREATE TABLE arbor.endpoint_samples (
    chain_id BIGINT NOT NULL,
    url TEXT NOT NULL,
    sampled_at BIGINT NOT NULL,
    latency_ms DOUBLE PRECISION,
    requests BIGINT NOT NULL DEFAULT 0,
    failures BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (chain_id, url, sampled_at)
);
CREATE INDEX endpoint_samples_time ON arbor.endpoint_samples (sampled_at))";

} // namespace

Migration metricsMigration(Backend backend)
{
    return {7, QStringLiteral("chart history: metric samples per chain and per endpoint"),
            QString::fromUtf8(backend == Backend::Postgres ? PostgresV7 : SqliteV7)};
}

} // namespace arbor

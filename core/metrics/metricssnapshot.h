#pragma once

#include "model/balancequeue.h"
#include "model/chainconfig.h"
#include "model/chainstatus.h"
#include "triggers/triggerrecords.h"

#include <QHash>
#include <QList>

#include <memory>
#include <optional>

namespace arbor {

/**
 * What the Prometheus endpoint shows, as one immutable value: the Engine builds it on its own
 * thread from what it already holds and hands a shared pointer to the exporter's thread, which
 * renders it for each scrape (prometheusText()). Nothing in it refers back to the Engine.
 *
 * Any part may be empty: a read-only console indexes nothing (no statuses; heads, checkpoints
 * and endpoint counters then come from the chain records the indexing engine stores), an engine
 * without periodic chain snapshots has statuses but no records.
 */
/// This engine among the engines that share a PostgreSQL database.
struct EngineLeases
{
    QString name;
    bool coordinator = false;           ///< runs the once-only chores (triggers, alerts, maintenance)
    QHash<qint64, qint64> held;         ///< chain → lease epoch, the chains this engine indexes
};

struct MetricsSnapshot
{
    qint64 takenAtMs = 0;                       ///< ms since the epoch
    bool readOnly = false;                      ///< another engine holds the database lease
    std::optional<EngineLeases> shared;         ///< on a database several engines share
    QList<ChainRecord> chains;                  ///< as stored (names, states, stored endpoint URLs)
    QList<ChainStatus> statuses;                ///< the chains this engine indexes, measured live
    QList<QueueHealth> queues;                  ///< balance-queue health per chain
    QHash<qint64, DeliveryCounts> deliveries;   ///< trigger outbox rows by status, per chain
    QList<ActionHealth> actions;                ///< every trigger and alert rule action: state and counts
};

using SharedMetricsSnapshot = std::shared_ptr<const MetricsSnapshot>;

} // namespace arbor

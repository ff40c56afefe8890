#pragma once

#include "model/chainconfig.h"
#include "model/balancequeue.h"
#include "rpc/endpointprobe.h"
#include "store/migrations.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace arbor::cli {

QJsonObject chainToJson(const ChainRecord &chain);
QJsonObject migrationStatusToJson(const MigrationStatus &status);
/// Raw balance as a decimal string (exact), formatted with the token's decimals, metadata, height.
QJsonObject tokenBalanceToJson(const TokenBalance &balance);
QJsonObject queueHealthToJson(const QueueHealth &health);
QJsonObject queueConfigToJson(const QueueConfig &config, const QString &chainName);
QJsonObject queueRunStatsToJson(const QueueRunStats &stats);
/// Milliseconds since the epoch as ISO 8601 UTC, or null for 0 (never).
QJsonValue timestampToJson(qint64 ms);

/// Prints rows as aligned columns under a header.
void printTable(const QStringList &header, const QList<QStringList> &rows);
void printJson(const QJsonValue &value);

} // namespace arbor::cli

#pragma once

#include "model/chainconfig.h"
#include "model/chainstatus.h"
#include "model/balancequeue.h"
#include "rpc/endpointprobe.h"
#include "store/migrations.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace arbor::cli {

/// The chain as stored, with "head" (the highest an endpoint reported), "headUnknownSince" (ISO
/// time of the last head an endpoint reported, while every endpoint is unreachable; else
/// null), "lag" in blocks (null while the head is unknown) and "lagSeconds" (growing while the
/// head is unknown, as ChainStatus::lagSeconds says).
QJsonObject chainToJson(const ChainRecord &chain);
/// One endpoint: "status" is the machine token (endpointStatusToken), "statusText" the words.
QJsonObject endpointToJson(const EndpointRecord &endpoint);
/// The endpoint's bill in one line: "1989 calls, 3 failed: eth_getBlockByNumber 1952, eth_getLogs 17,
/// eth_blockNumber 20; 31400 compute units", the units only where a price is set. Empty without calls.
QString callsText(const EndpointRecord &endpoint);
/// The chain's status as the database recorded it (engine/recordedstatuses.h), read now.
ChainStatus recordedStatus(const ChainRecord &chain);
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

#pragma once

#include "model/chainconfig.h"
#include "rpc/endpointprobe.h"
#include "store/migrations.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace arbor::cli {

QJsonObject chainToJson(const ChainRecord &chain);
QJsonObject migrationStatusToJson(const MigrationStatus &status);

/// Prints rows as aligned columns under a header.
void printTable(const QStringList &header, const QList<QStringList> &rows);
void printJson(const QJsonValue &value);

} // namespace arbor::cli

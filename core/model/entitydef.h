#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace arbor {

/// The storage type of a column. Each maps to one SQL type per backend (see store/ddl.h).
enum class ColumnType {
    Integer,  ///< signed 64-bit: heights, counts, unix times
    Text,
    Bytes,    ///< arbitrary bytes
    Address,  ///< 20 bytes
    Hash,     ///< 32 bytes
    U256,     ///< exact uint256: NUMERIC(78,0) on PostgreSQL, 32-byte big-endian BLOB on SQLite
    Boolean,
};

/**
 * One column of an entity, declared as data.
 *
 * `defaultValue` is an SQL literal used when the column is added to tables that already hold
 * rows (ALTER TABLE … ADD COLUMN … DEFAULT); a NOT NULL column added after the first release
 * must have one. `crossChainSkip` leaves the column out of the global table;
 * `crossChainRename` gives it another name there. Both at once is an error.
 */
struct ColumnDef
{
    QString name;
    ColumnType type = ColumnType::Integer;
    bool nullable = false;
    bool crossChainSkip = false;
    QString crossChainRename;
    QString defaultValue;

    /// Name of the column in the global table.
    QString globalName() const { return crossChainRename.isEmpty() ? name : crossChainRename; }
};

/**
 * An entity: one per-chain production table, its staging twin and, when `crossChain` is set, a
 * global table with `chain_id` first and `updated_at` last.
 *
 * `key` names the columns of the primary key; `versionColumn` (a height) decides which row wins
 * in the global upsert. Names are lowercase SQL identifiers ([a-z][a-z0-9_]*) checked by
 * validate(), so they can be spliced into DDL safely.
 */
struct EntityDef
{
    QString name;
    QList<ColumnDef> columns;
    QStringList key;
    QString versionColumn;
    bool crossChain = false;
    /// Secondary indexes of the production table (column lists), for the queries Arbor runs.
    QList<QStringList> indexes;
    /// Secondary indexes of the global table, in global column names.
    QList<QStringList> globalIndexes;
    /// Secondary indexes of the production table built the first time a query needs them
    /// (Store::ensureOnDemandIndexes), not maintained row by row while a chain catches up.
    QList<QStringList> onDemandIndexes;

    const ColumnDef *column(const QString &columnName) const;
    /// Columns of the global table in order, excluding chain_id and updated_at.
    QList<ColumnDef> globalColumns() const;
    Status validate() const;

    // Last: the macro leaves the access at private.
    Q_DECLARE_TR_FUNCTIONS(arbor::EntityDef)
};

/// Whether `name` is usable as an SQL identifier Arbor generates: [a-z][a-z0-9_]{0,47}.
bool isSqlIdentifier(const QString &name);

/// The entity named `name` in `entities`; a missing one is a programming error (qFatal).
const EntityDef &requireEntity(const QList<EntityDef> &entities, const char *name);

/// The entities Arbor indexes for every EVM chain, validated once.
const QList<EntityDef> &evmEntities();
const EntityDef *findEvmEntity(const QString &name);

} // namespace arbor

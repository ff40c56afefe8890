#pragma once

#include "model/entitydef.h"
#include "store/databaseurl.h"

#include <QString>
#include <QStringList>

namespace arbor::ddl {

/// Which of an entity's three tables.
enum class TableKind {
    Production,  ///< per chain: what queries see
    Staging,     ///< per chain: where fetched rows wait for promotion
    Global,      ///< cross-chain: chain_id first, updated_at last
};

/**
 * SQL identifiers. Every name is built from a validated integer chain id and a validated
 * entity or admin-table name, never from operator text:
 *
 * | table            | PostgreSQL                 | SQLite               |
 * | admin            | arbor.<name>               | arbor_<name>         |
 * | production       | chain_<id>.<entity>        | c<id>_<entity>       |
 * | staging          | chain_<id>.stg_<entity>    | c<id>_stg_<entity>   |
 * | global           | arbor_global.<entity>      | g_<entity>           |
 */
QString adminTable(Backend backend, const QString &name);
QString entityTable(Backend backend, TableKind kind, qint64 chainId, const QString &entity);
/// PostgreSQL schema of one chain ("chain_7"); SQLite table-name prefix ("c7_").
QString chainNamespace(Backend backend, qint64 chainId);

QString sqlType(Backend backend, ColumnType type);
/// The DEFAULT used when a column is added to a table that may hold rows: the column's declared
/// default, NULL for nullable columns, otherwise the type's zero.
QString defaultLiteral(Backend backend, const ColumnDef &column);

/// The columns of one of an entity's tables, in order: the entity's columns (production,
/// staging); chain_id, the cross-chain columns under their global names and updated_at (global).
QStringList columnNames(TableKind kind, const EntityDef &entity);
/// The production columns the global table's columns between chain_id and updated_at are
/// copied from, in order (crossChainSkip left out, crossChainRename not applied).
QStringList globalSourceColumns(const EntityDef &entity);
/// The primary key of a production or global table (global: chain_id first, global names).
QStringList keyColumns(TableKind kind, const EntityDef &entity);

/// What an upsert does with a nullable column the new row leaves NULL.
enum class NullColumns {
    Replace,     ///< the stored value becomes NULL
    KeepStored,  ///< the stored value stays
};

/**
 * The conflict clause of an INSERT into an entity's production or global table aliased `alias`:
 * `ON CONFLICT (key) DO UPDATE SET c = excluded.c, … WHERE alias.version <= excluded.version`.
 * Every column outside the key takes the new row's value (global: updated_at too), and a stored
 * row at a higher version stays. The same SQL on both backends.
 */
QString upsertConflict(TableKind kind, const EntityDef &entity, const QString &alias, NullColumns nulls = NullColumns::Replace);

/**
 * How full PostgreSQL fills the pages of the cross-chain tables. They keep the latest row per
 * key and every promotion rewrites the rows its holders touched; their indexes hold none of the
 * values that change, so with room left on the page an update stays on it (a HOT update): no
 * new index entries, and the old version is pruned the next time the page is read.
 */
inline constexpr int GlobalFillFactor = 70;

/// CREATE TABLE IF NOT EXISTS for one of an entity's tables (PostgreSQL's global tables with
/// GlobalFillFactor).
QString createTable(Backend backend, TableKind kind, qint64 chainId, const EntityDef &entity);
/// CREATE INDEX IF NOT EXISTS statements for the entity's secondary indexes on one table
/// (production or global; staging has none); with `onDemand`, its production table's
/// on-demand indexes instead.
QStringList createIndexes(Backend backend, TableKind kind, qint64 chainId, const EntityDef &entity, bool onDemand = false);
/// ALTER TABLE … ADD COLUMN … DEFAULT for a column missing from an existing table.
QString addColumn(Backend backend, const QString &table, const ColumnDef &column, const QString &columnName);

/// Everything that creates one chain's tables (PostgreSQL: its schema first).
QStringList createChain(Backend backend, qint64 chainId, const QList<EntityDef> &entities);
/// Global tables and (PostgreSQL) the arbor_global schema.
QStringList createGlobal(Backend backend, const QList<EntityDef> &entities);

} // namespace arbor::ddl

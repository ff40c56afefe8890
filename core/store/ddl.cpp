#include "store/ddl.h"

namespace arbor::ddl {
namespace {

QString zeroBlob(int bytes)
{
    return QLatin1String("X'") + QString(bytes * 2, u'0') + u'\'';
}

QStringList columnDefinitions(Backend backend, const QList<ColumnDef> &columns, bool global)
{
    QStringList out;
    for (const ColumnDef &c : columns) {
        QString line = (global ? c.globalName() : c.name) + u' ' + sqlType(backend, c.type);
        if (!c.nullable)
            line += QLatin1String(" NOT NULL");
        out.append(line);
    }
    return out;
}

} // namespace

QString adminTable(Backend backend, const QString &name)
{
    Q_ASSERT(isSqlIdentifier(name));
    return (backend == Backend::Postgres ? QLatin1String("arbor.") : QLatin1String("arbor_")) + name;
}

QString chainNamespace(Backend backend, qint64 chainId)
{
    Q_ASSERT(chainId > 0);
    if (backend == Backend::Postgres)
        return QLatin1String("chain_") + QString::number(chainId);
    return u'c' + QString::number(chainId) + u'_';
}

QString entityTable(Backend backend, TableKind kind, qint64 chainId, const QString &entity)
{
    Q_ASSERT(isSqlIdentifier(entity));
    const QString base = kind == TableKind::Staging ? QString(QLatin1String("stg_") + entity) : entity;
    if (kind == TableKind::Global)
        return (backend == Backend::Postgres ? QLatin1String("arbor_global.") : QLatin1String("g_")) + entity;
    if (backend == Backend::Postgres)
        return chainNamespace(backend, chainId) + u'.' + base;
    return chainNamespace(backend, chainId) + base;
}

QString sqlType(Backend backend, ColumnType type)
{
    const bool pg = backend == Backend::Postgres;
    switch (type) {
    case ColumnType::Integer:
        return pg ? QStringLiteral("BIGINT") : QStringLiteral("INTEGER");
    case ColumnType::Text:
        return QStringLiteral("TEXT");
    case ColumnType::Bytes:
    case ColumnType::Address:
    case ColumnType::Hash:
        return pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    case ColumnType::U256:
        return pg ? QStringLiteral("NUMERIC(78,0)") : QStringLiteral("BLOB");
    case ColumnType::Boolean:
        return pg ? QStringLiteral("BOOLEAN") : QStringLiteral("INTEGER");
    }
    return {};
}

QString defaultLiteral(Backend backend, const ColumnDef &column)
{
    if (!column.defaultValue.isEmpty())
        return column.defaultValue;
    if (column.nullable)
        return QStringLiteral("NULL");
    const bool pg = backend == Backend::Postgres;
    switch (column.type) {
    case ColumnType::Integer:
        return QStringLiteral("0");
    case ColumnType::Text:
        return QStringLiteral("''");
    case ColumnType::Bytes:
        return pg ? QStringLiteral("'\\x'::bytea") : QStringLiteral("X''");
    case ColumnType::Address:
        return pg ? QLatin1String("'\\x") + QString(40, u'0') + QLatin1String("'::bytea") : zeroBlob(20);
    case ColumnType::Hash:
        return pg ? QLatin1String("'\\x") + QString(64, u'0') + QLatin1String("'::bytea") : zeroBlob(32);
    case ColumnType::U256:
        return pg ? QStringLiteral("0") : zeroBlob(32);
    case ColumnType::Boolean:
        return pg ? QStringLiteral("FALSE") : QStringLiteral("0");
    }
    return QStringLiteral("NULL");
}

QStringList columnNames(TableKind kind, const EntityDef &entity)
{
    QStringList out;
    if (kind == TableKind::Global) {
        out.append(QStringLiteral("chain_id"));
        for (const ColumnDef &c : entity.globalColumns())
            out.append(c.globalName());
        out.append(QStringLiteral("updated_at"));
        return out;
    }
    for (const ColumnDef &c : entity.columns)
        out.append(c.name);
    return out;
}

QStringList globalSourceColumns(const EntityDef &entity)
{
    QStringList out;
    for (const ColumnDef &c : entity.globalColumns())
        out.append(c.name);
    return out;
}

QStringList keyColumns(TableKind kind, const EntityDef &entity)
{
    if (kind != TableKind::Global)
        return entity.key;
    QStringList out{QStringLiteral("chain_id")};
    for (const QString &k : entity.key)
        out.append(entity.column(k)->globalName());
    return out;
}

QString upsertConflict(TableKind kind, const EntityDef &entity, const QString &alias, NullColumns nulls)
{
    Q_ASSERT(kind != TableKind::Staging);
    const bool global = kind == TableKind::Global;
    const QStringList key = keyColumns(kind, entity);
    QStringList updates;
    for (const ColumnDef &c : global ? entity.globalColumns() : entity.columns) {
        const QString name = global ? c.globalName() : c.name;
        if (key.contains(name))
            continue;
        if (c.nullable && nulls == NullColumns::KeepStored)
            updates.append(name + QLatin1String(" = COALESCE(excluded.") + name + QLatin1String(", ") + alias + u'.' + name + u')');
        else
            updates.append(name + QLatin1String(" = excluded.") + name);
    }
    if (global)
        updates.append(QStringLiteral("updated_at = excluded.updated_at"));
    const QString version = global ? entity.column(entity.versionColumn)->globalName() : entity.versionColumn;
    return QLatin1String("ON CONFLICT (") + key.join(QLatin1String(", ")) + QLatin1String(") DO UPDATE SET ") + updates.join(QLatin1String(", "))
        + QLatin1String(" WHERE ") + alias + u'.' + version + QLatin1String(" <= excluded.") + version;
}

QString createTable(Backend backend, TableKind kind, qint64 chainId, const EntityDef &entity)
{
    const QString table = entityTable(backend, kind, chainId, entity.name);
    QStringList lines;
    if (kind == TableKind::Global) {
        lines.append(QStringLiteral("chain_id ") + sqlType(backend, ColumnType::Integer) + QLatin1String(" NOT NULL"));
        lines += columnDefinitions(backend, entity.globalColumns(), true);
        lines.append(QStringLiteral("updated_at ") + sqlType(backend, ColumnType::Integer) + QLatin1String(" NOT NULL"));
    } else {
        lines += columnDefinitions(backend, entity.columns, false);
    }
    // Staging holds whatever a fetch produced, duplicates included; promotion deduplicates.
    if (kind != TableKind::Staging)
        lines.append(QLatin1String("PRIMARY KEY (") + keyColumns(kind, entity).join(QLatin1String(", ")) + u')');

    const bool unlogged = backend == Backend::Postgres && kind == TableKind::Staging;
    QString sql = QLatin1String(unlogged ? "CREATE UNLOGGED TABLE IF NOT EXISTS " : "CREATE TABLE IF NOT EXISTS ") + table
        + QLatin1String(" (\n    ") + lines.join(QLatin1String(",\n    ")) + QLatin1String("\n)");
    if (backend == Backend::Postgres && kind == TableKind::Global)
        sql += QLatin1String(" WITH (fillfactor = ") + QString::number(GlobalFillFactor) + u')';
    return sql;
}

QStringList createIndexes(Backend backend, TableKind kind, qint64 chainId, const EntityDef &entity, bool onDemand)
{
    if (kind == TableKind::Staging)
        return {};
    const QString table = entityTable(backend, kind, chainId, entity.name);
    // SQLite index names share one namespace per file; PostgreSQL's live in the table's schema.
    const QString prefix = backend == Backend::Postgres ? entity.name : QString(table);
    QStringList out;
    const QList<QStringList> &declared = kind == TableKind::Global ? entity.globalIndexes
                                       : onDemand                   ? entity.onDemandIndexes
                                                                    : entity.indexes;
    for (const QStringList &columns : declared) {
        const QString name = prefix + u'_' + columns.join(u'_') + QLatin1String("_idx");
        out.append(QLatin1String("CREATE INDEX IF NOT EXISTS ") + name + QLatin1String(" ON ") + table + QLatin1String(" (")
                   + columns.join(QLatin1String(", ")) + u')');
    }
    return out;
}

QString addColumn(Backend backend, const QString &table, const ColumnDef &column, const QString &columnName)
{
    QString sql = QLatin1String("ALTER TABLE ") + table + QLatin1String(" ADD COLUMN ") + columnName + u' '
        + sqlType(backend, column.type);
    if (!column.nullable)
        sql += QLatin1String(" NOT NULL");
    sql += QLatin1String(" DEFAULT ") + defaultLiteral(backend, column);
    return sql;
}

QStringList createChain(Backend backend, qint64 chainId, const QList<EntityDef> &entities)
{
    QStringList out;
    if (backend == Backend::Postgres)
        out.append(QLatin1String("CREATE SCHEMA IF NOT EXISTS ") + chainNamespace(backend, chainId));
    for (const EntityDef &e : entities) {
        out.append(createTable(backend, TableKind::Production, chainId, e));
        out.append(createTable(backend, TableKind::Staging, chainId, e));
        out += createIndexes(backend, TableKind::Production, chainId, e);
    }
    return out;
}

QStringList createGlobal(Backend backend, const QList<EntityDef> &entities)
{
    QStringList out;
    if (backend == Backend::Postgres)
        out.append(QStringLiteral("CREATE SCHEMA IF NOT EXISTS arbor_global"));
    for (const EntityDef &e : entities) {
        if (e.crossChain) {
            out.append(createTable(backend, TableKind::Global, 0, e));
            out += createIndexes(backend, TableKind::Global, 0, e);
        }
    }
    return out;
}

} // namespace arbor::ddl

#include "model/entitydef.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace arbor {
namespace {

const QStringList ReservedGlobalColumns = {QStringLiteral("chain_id"), QStringLiteral("updated_at")};

} // namespace

bool isSqlIdentifier(const QString &name)
{
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(QStringLiteral("[a-z][a-z0-9_]{0,47}")));
    return pattern.match(name).hasMatch();
}

const ColumnDef *EntityDef::column(const QString &columnName) const
{
    for (const ColumnDef &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

QList<ColumnDef> EntityDef::globalColumns() const
{
    QList<ColumnDef> out;
    for (const ColumnDef &c : columns) {
        if (!c.crossChainSkip)
            out.append(c);
    }
    return out;
}

Status EntityDef::validate() const
{
    const QString field = tr("entity %1").arg(name);
    if (!isSqlIdentifier(name))
        return Error::invalid(field, tr("The entity name must be a lowercase SQL identifier."));
    if (name.startsWith(QLatin1String("stg_")))
        return Error::invalid(field, tr("Entity names starting with “stg_” are reserved for staging tables."));
    if (columns.isEmpty())
        return Error::invalid(field, tr("An entity needs at least one column."));

    QSet<QString> names;
    QHash<QString, QString> globalNames;  // global name -> column
    for (const ColumnDef &c : columns) {
        if (!isSqlIdentifier(c.name))
            return Error::invalid(field, tr("Column “%1” is not a lowercase SQL identifier.").arg(c.name));
        if (names.contains(c.name))
            return Error::invalid(field, tr("Column “%1” is declared twice.").arg(c.name));
        names.insert(c.name);
        if (c.crossChainSkip && !c.crossChainRename.isEmpty())
            return Error::invalid(field, tr("Column “%1” is both skipped and renamed in the global table; choose one.").arg(c.name));
        if (!c.crossChainRename.isEmpty() && !isSqlIdentifier(c.crossChainRename))
            return Error::invalid(field, tr("The global name “%1” of column “%2” is not a lowercase SQL identifier.").arg(c.crossChainRename, c.name));
    }
    if (names.contains(QStringLiteral("chain_id")) && crossChain)
        return Error::invalid(field, tr("Column “chain_id” is added to the global table by Arbor; do not declare it."));

    if (crossChain) {
        for (const ColumnDef &c : columns) {
            if (c.crossChainSkip)
                continue;
            const QString g = c.globalName();
            if (ReservedGlobalColumns.contains(g))
                return Error::invalid(field, tr("Column “%1” would be named “%2” in the global table, which Arbor reserves.").arg(c.name, g));
            if (globalNames.contains(g))
                return Error::invalid(field, tr("Columns “%1” and “%2” would both be named “%3” in the global table; rename one.").arg(globalNames.value(g), c.name, g));
            globalNames.insert(g, c.name);
        }
    }

    if (key.isEmpty())
        return Error::invalid(field, tr("The key names no column."));
    for (const QString &k : key) {
        const ColumnDef *c = column(k);
        if (!c)
            return Error::invalid(field, tr("The key names column “%1”, which the entity does not have.").arg(k));
        if (c->nullable)
            return Error::invalid(field, tr("Key column “%1” must not be nullable.").arg(k));
        if (crossChain && c->crossChainSkip)
            return Error::invalid(field, tr("Key column “%1” cannot be skipped in the global table.").arg(k));
    }
    if (!versionColumn.isEmpty()) {
        const ColumnDef *v = column(versionColumn);
        if (!v)
            return Error::invalid(field, tr("The version column “%1” does not exist.").arg(versionColumn));
        if (v->type != ColumnType::Integer)
            return Error::invalid(field, tr("The version column “%1” must be an integer height.").arg(versionColumn));
        if (crossChain && v->crossChainSkip)
            return Error::invalid(field, tr("The version column “%1” cannot be skipped in the global table.").arg(versionColumn));
    } else if (crossChain) {
        return Error::invalid(field, tr("A cross-chain entity needs a version column (a height) to decide which row wins."));
    }
    for (const QStringList &index : indexes + onDemandIndexes) {
        if (index.isEmpty())
            return Error::invalid(field, tr("An index names no column."));
        for (const QString &c : index) {
            if (!column(c))
                return Error::invalid(field, tr("An index names column “%1”, which the entity does not have.").arg(c));
        }
    }
    if (!globalIndexes.isEmpty() && !crossChain)
        return Error::invalid(field, tr("Only a cross-chain entity has a global table to index."));
    for (const QStringList &index : globalIndexes) {
        if (index.isEmpty())
            return Error::invalid(field, tr("An index names no column."));
        for (const QString &c : index) {
            if (c != u"chain_id" && !globalNames.contains(c))
                return Error::invalid(field, tr("A global index names column “%1”, which the global table does not have.").arg(c));
        }
    }
    return {};
}

} // namespace arbor

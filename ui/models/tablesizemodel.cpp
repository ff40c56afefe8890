#include "models/tablesizemodel.h"

#include "models/chainsizemodel.h"
#include "models/keyedrows.h"
#include "widgets/tableactions.h"

#include <QDateTime>
#include <QLocale>

namespace arbor::ui {

TableSizeModel::TableSizeModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TableSizeModel::update(const QList<TableStats> &tables)
{
    syncKeyedRows(this, m_rows, tables, [](const TableStats &t) { return t.name; }, [](const TableStats &a, const TableStats &b) {
        return a.rows == b.rows && a.rowsEstimated == b.rowsEstimated && a.tableBytes == b.tableBytes && a.indexBytes == b.indexBytes
            && a.deadRows == b.deadRows && a.lastVacuumMs == b.lastVacuumMs && a.lastAnalyzeMs == b.lastAnalyzeMs;
    });
}

int TableSizeModel::rowOf(const QString &name) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].name == name)
            return i;
    }
    return -1;
}

int TableSizeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TableSizeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableSizeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TableStats &t = m_rows[index.row()];
    const QLocale locale;
    const auto scopeText = [&]() {
        switch (t.scope) {
        case DatabaseScope::Admin:
            return tr("admin");
        case DatabaseScope::Global:
            return tr("global");
        case DatabaseScope::Chain:
            return tr("chain %1").arg(t.chainId);
        case DatabaseScope::Free:
            break;
        }
        return QString();
    };
    const auto timeText = [&](qint64 ms) {
        return ms > 0 ? locale.toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat) : tr("never");
    };
    if (role == SortRole || role == CopyRole) {
        switch (Column(index.column())) {
        case NameColumn:
            return t.name;
        case ScopeColumn:
            return role == SortRole ? QVariant(int(t.scope) * 1e15 + double(t.chainId)) : QVariant(scopeText());
        case RowsColumn:
            return t.rows;
        case TableBytesColumn:
            return t.tableBytes;
        case IndexBytesColumn:
            return t.indexBytes;
        case TotalBytesColumn:
            return t.bytes();
        case DeadRowsColumn:
            return t.deadRows ? QVariant(*t.deadRows) : QVariant();
        case LastVacuumColumn:
            return role == SortRole ? QVariant(t.lastVacuumMs) : QVariant(timeText(t.lastVacuumMs));
        case LastAnalyzeColumn:
            return role == SortRole ? QVariant(t.lastAnalyzeMs) : QVariant(timeText(t.lastAnalyzeMs));
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == RowsColumn && t.rowsEstimated)
        return tr("PostgreSQL's estimate (n_live_tup): the table is too large to count its rows on every refresh.");
    if (role == Qt::TextAlignmentRole)
        return index.column() == NameColumn || index.column() == ScopeColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case NameColumn:
        return t.name;
    case ScopeColumn:
        return scopeText();
    case RowsColumn:
        return QString((t.rowsEstimated ? QStringLiteral("~") : QString()) + locale.toString(t.rows));
    case TableBytesColumn:
        return byteSizeText(t.tableBytes);
    case IndexBytesColumn:
        return byteSizeText(t.indexBytes);
    case TotalBytesColumn:
        return byteSizeText(t.bytes());
    case DeadRowsColumn:
        return t.deadRows ? locale.toString(*t.deadRows) : QString();
    case LastVacuumColumn:
        return t.deadRows ? timeText(t.lastVacuumMs) : QString();
    case LastAnalyzeColumn:
        return t.deadRows ? timeText(t.lastAnalyzeMs) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TableSizeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Table");
    case ScopeColumn:
        return tr("Scope");
    case RowsColumn:
        return tr("Rows");
    case TableBytesColumn:
        return tr("Table size");
    case IndexBytesColumn:
        return tr("Indexes size");
    case TotalBytesColumn:
        return tr("Total size");
    case DeadRowsColumn:
        return tr("Dead rows");
    case LastVacuumColumn:
        return tr("Last vacuum");
    case LastAnalyzeColumn:
        return tr("Last analyze");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

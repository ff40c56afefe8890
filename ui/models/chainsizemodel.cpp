#include "models/chainsizemodel.h"

#include "models/keyedrows.h"
#include "widgets/tableactions.h"

#include <QLocale>

namespace arbor::ui {

QString byteSizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

ChainSizeModel::ChainSizeModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ChainSizeModel::update(const QList<ChainSize> &chains)
{
    syncKeyedRows(this, m_rows, chains, [](const ChainSize &c) { return c.chainId; }, [](const ChainSize &a, const ChainSize &b) {
        return a.name == b.name && a.tables == b.tables && a.rows == b.rows && a.tableBytes == b.tableBytes
            && a.indexBytes == b.indexBytes && a.deadRows == b.deadRows;
    });
}

int ChainSizeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ChainSizeModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ChainSizeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ChainSize &c = m_rows[index.row()];
    const auto exact = [&]() -> QVariant {
        switch (Column(index.column())) {
        case ChainColumn:
            return c.chainId;
        case NameColumn:
            return c.name;
        case TablesColumn:
            return c.tables;
        case RowsColumn:
            return c.rows;
        case TableBytesColumn:
            return c.tableBytes;
        case IndexBytesColumn:
            return c.indexBytes;
        case TotalBytesColumn:
            return c.bytes();
        case DeadRowsColumn:
            return c.deadRows;
        case ColumnCount:
            break;
        }
        return {};
    };
    if (role == SortRole || role == CopyRole)
        return exact();
    if (role == Qt::TextAlignmentRole)
        return index.column() == NameColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case ChainColumn:
        return QString::number(c.chainId);
    case NameColumn:
        return c.name.isEmpty() ? tr("(not registered)") : c.name;
    case TablesColumn:
        return locale.toString(c.tables);
    case RowsColumn:
        return locale.toString(c.rows);
    case TableBytesColumn:
        return byteSizeText(c.tableBytes);
    case IndexBytesColumn:
        return byteSizeText(c.indexBytes);
    case TotalBytesColumn:
        return byteSizeText(c.bytes());
    case DeadRowsColumn:
        return locale.toString(c.deadRows);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ChainSizeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ChainColumn:
        return tr("Chain ID");
    case NameColumn:
        return tr("Chain");
    case TablesColumn:
        return tr("Tables");
    case RowsColumn:
        return tr("Rows");
    case TableBytesColumn:
        return tr("Tables size");
    case IndexBytesColumn:
        return tr("Indexes size");
    case TotalBytesColumn:
        return tr("Total size");
    case DeadRowsColumn:
        return tr("Dead rows");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

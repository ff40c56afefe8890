#include "models/topholdersmodel.h"

namespace arbor::ui {
namespace {

bool isNumeric(int column)
{
    return column != TopHoldersModel::HolderColumn;
}

} // namespace

TopHoldersModel::TopHoldersModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int TopHoldersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_holders.size());
}

int TopHoldersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopHoldersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TokenBalance &holder = m_holders.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case RankColumn:
            return QString::number(index.row() + 1);
        case HolderColumn:
            return holder.holder.toChecksumHex();
        case BalanceColumn:
            return holder.formatted();
        case RawBalanceColumn:
            return u256::toDecimal(holder.balance);
        case LastBlockColumn:
            return QString::number(holder.lastBlock);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == BalanceColumn && !holder.decimals)
            return tr("The token's decimals are unknown: the raw balance is shown");
        return {};
    case Qt::TextAlignmentRole:
        if (isNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case HolderRole:
        return holder.holder.toHex();
    default:
        return {};
    }
}

QVariant TopHoldersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RankColumn:
        return tr("Rank");
    case HolderColumn:
        return tr("Holder");
    case BalanceColumn:
        return tr("Balance");
    case RawBalanceColumn:
        return tr("Raw balance");
    case LastBlockColumn:
        return tr("Block");
    default:
        return {};
    }
}

void TopHoldersModel::setHolders(const QList<TokenBalance> &holders)
{
    beginResetModel();
    m_holders = holders;
    endResetModel();
}

const TokenBalance *TopHoldersModel::holderAt(int row) const
{
    return row >= 0 && row < m_holders.size() ? &m_holders[row] : nullptr;
}

} // namespace arbor::ui

#include "models/topholdersmodel.h"

#include "model/u256wide.h"
#include "models/amountformat.h"
#include "widgets/tableactions.h"

#include <QLocale>

namespace arbor::ui {
namespace {

bool isHolderColumnNumeric(int column)
{
    return column != TopHoldersModel::HolderColumn;
}

QString balanceText(const TokenBalance &holder)
{
    return amounts::format(holder.balance, holder.decimals);
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
            return amounts::alignFraction(balanceText(holder), m_fractionDigits);
        case ShareColumn:
            return m_supply ? shareText(holder.balance, *m_supply) : QString();
        case RawBalanceColumn:
            return u256::toDecimal(holder.balance);
        case LastBlockColumn:
            return QString::number(holder.lastBlock);
        default:
            return {};
        }
    case CopyRole:
        return index.column() == BalanceColumn ? QVariant(balanceText(holder)) : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == BalanceColumn && !holder.decimals)
            return tr("The token's decimals are unknown: the raw balance is shown");
        if (index.column() == BalanceColumn)
            return tr("%1 (%2 in the smallest unit)").arg(balanceText(holder), u256::toDecimal(holder.balance));
        if (index.column() == ShareColumn && m_supply)
            return tr("Of a total supply of %1").arg(amounts::format(*m_supply, holder.decimals));
        return {};
    case Qt::TextAlignmentRole:
        if (isHolderColumnNumeric(index.column()))
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
        return QVariant::fromValue((isHolderColumnNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == ShareColumn)
        return tr("The holder's share of the token's total supply, as the token's totalSupply() reports it");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RankColumn:
        return tr("Rank");
    case HolderColumn:
        return tr("Holder");
    case BalanceColumn:
        return tr("Balance");
    case ShareColumn:
        return tr("% of supply");
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
    m_supply.reset();
    m_fractionDigits = 0;
    for (const TokenBalance &holder : std::as_const(m_holders))
        m_fractionDigits = std::max(m_fractionDigits, amounts::fractionDigits(balanceText(holder)));
    endResetModel();
}

void TopHoldersModel::setSupply(const std::optional<U256> &supply)
{
    m_supply = supply && *supply > 0 ? supply : std::nullopt;
    if (!m_holders.isEmpty())
        Q_EMIT dataChanged(index(0, ShareColumn), index(int(m_holders.size()) - 1, ShareColumn));
}

QString TopHoldersModel::shareText(const U256 &balance, const U256 &supply)
{
    if (supply == 0)
        return {};
    // Hundredths of a percent, exact and rounded half up.
    using Wide = boost::multiprecision::uint512_t;   // balance × 20000 may not fit 256 bits
    const Wide basisPoints = (u256::toWide<Wide>(balance) * 20000 / u256::toWide<Wide>(supply) + 1) / 2;
    const QLocale locale;
    if (basisPoints == 0 && balance > 0)
        return tr("< %1 %", "share of supply").arg(locale.toString(0.01, 'f', 2));
    const qint64 bp = basisPoints > 1000000 ? 1000000 : basisPoints.convert_to<qint64>();
    return tr("%1 %", "share of supply").arg(locale.toString(double(bp) / 100.0, 'f', 2));
}

const TokenBalance *TopHoldersModel::holderAt(int row) const
{
    return row >= 0 && row < m_holders.size() ? &m_holders[row] : nullptr;
}

} // namespace arbor::ui

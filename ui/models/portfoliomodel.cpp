#include "models/portfoliomodel.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace arbor::ui {
namespace {

bool isNumeric(int column)
{
    return column == PortfolioModel::BalanceColumn || column == PortfolioModel::RawBalanceColumn
        || column == PortfolioModel::LastBlockColumn;
}

} // namespace

PortfolioModel::PortfolioModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int PortfolioModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_balances.size());
}

int PortfolioModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PortfolioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TokenBalance &balance = m_balances.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayData(balance, index.column());
    case Qt::ToolTipRole:
        if (index.column() == TokenColumn)
            return balance.tokenName.isEmpty() ? balance.token.toChecksumHex() : balance.tokenName;
        if (index.column() == ChainColumn)
            return tr("Chain %1").arg(balance.chainId);
        if (index.column() == BalanceColumn && !balance.decimals)
            return tr("The token's decimals are unknown: the raw balance is shown");
        return {};
    case Qt::TextAlignmentRole:
        if (isNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case BalanceColumn:
            return scaledValue(balance);
        case RawBalanceColumn:
            return rawSortKey(balance);
        case LastBlockColumn:
            return balance.lastBlock;
        case UpdatedColumn:
            return balance.updatedAt;
        default:
            return displayData(balance, index.column()).toString().toCaseFolded();
        }
    case ChainIdRole:
        return balance.chainId;
    default:
        return {};
    }
}

QVariant PortfolioModel::displayData(const TokenBalance &balance, int column) const
{
    switch (column) {
    case ChainColumn:
        return balance.chainName.isEmpty() ? QString::number(balance.chainId) : balance.chainName;
    case TokenColumn:
        return tokenLabel(balance);
    case TokenAddressColumn:
        return balance.token.toChecksumHex();
    case BalanceColumn:
        return balance.formatted();
    case RawBalanceColumn:
        return u256::toDecimal(balance.balance);
    case LastBlockColumn:
        return QString::number(balance.lastBlock);
    case UpdatedColumn:
        if (balance.updatedAt <= 0)
            return QStringLiteral("—");
        return QLocale().toString(QDateTime::fromMSecsSinceEpoch(balance.updatedAt), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ChainColumn:
        return tr("Chain");
    case TokenColumn:
        return tr("Token");
    case TokenAddressColumn:
        return tr("Token address");
    case BalanceColumn:
        return tr("Balance");
    case RawBalanceColumn:
        return tr("Raw balance");
    case LastBlockColumn:
        return tr("Block");
    case UpdatedColumn:
        return tr("Updated");
    default:
        return {};
    }
}

void PortfolioModel::setBalances(const QList<TokenBalance> &balances)
{
    beginResetModel();
    m_balances = balances;
    endResetModel();
}

const TokenBalance *PortfolioModel::balanceAt(int row) const
{
    return row >= 0 && row < m_balances.size() ? &m_balances[row] : nullptr;
}

QString PortfolioModel::tokenLabel(const TokenBalance &balance)
{
    if (!balance.symbol.isEmpty())
        return balance.symbol;
    if (!balance.tokenName.isEmpty())
        return balance.tokenName;
    return balance.token.toChecksumHex();
}

QString PortfolioModel::rawSortKey(const TokenBalance &balance)
{
    return u256::toDecimal(balance.balance).rightJustified(78, u'0');
}

double PortfolioModel::scaledValue(const TokenBalance &balance)
{
    const double raw = balance.balance.convert_to<double>();
    return balance.decimals ? raw / std::pow(10.0, *balance.decimals) : raw;
}

} // namespace arbor::ui

#include "models/portfoliomodel.h"

#include "models/amountformat.h"
#include "widgets/tableactions.h"

#include <QDateTime>
#include <QFont>
#include <QHash>
#include <QLocale>

#include <cmath>

namespace arbor::ui {
namespace {

bool isPortfolioColumnNumeric(int column)
{
    return column == PortfolioModel::BalanceColumn || column == PortfolioModel::RawBalanceColumn
        || column == PortfolioModel::LastBlockColumn;
}

} // namespace

PortfolioModel::PortfolioModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

QModelIndex PortfolioModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex PortfolioModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int PortfolioModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_grouping == Grouping::None ? int(m_balances.size()) : int(m_groups.size());
    if (m_grouping == Grouping::None || parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_groups.value(parent.row()).rows.size());
}

int PortfolioModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

const TokenBalance *PortfolioModel::balanceAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    if (m_grouping == Grouping::None)
        return index.row() < m_balances.size() ? &m_balances[index.row()] : nullptr;
    if (index.internalId() == 0)
        return nullptr;
    const Group &group = m_groups.at(int(index.internalId() - 1));
    return index.row() < group.rows.size() ? &m_balances[group.rows[index.row()]] : nullptr;
}

QVariant PortfolioModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return isPortfolioColumnNumeric(index.column()) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (const TokenBalance *balance = balanceAt(index))
        return balanceData(*balance, index.column(), role);
    return groupData(m_groups.at(index.row()), index.column(), role);
}

QString PortfolioModel::balanceText(const TokenBalance &balance) const
{
    return amounts::format(balance.balance, balance.decimals);
}

QVariant PortfolioModel::balanceData(const TokenBalance &balance, int column, int role) const
{
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case ChainColumn:
            return balance.chainName.isEmpty() ? QString::number(balance.chainId) : balance.chainName;
        case TokenColumn:
            return tokenLabel(balance);
        case TokenAddressColumn:
            return balance.token.toChecksumHex();
        case BalanceColumn:
            return amounts::alignFraction(balanceText(balance), m_fractionDigits);
        case RawBalanceColumn:
            return u256::toDecimal(balance.balance);
        case LastBlockColumn:
            return QString::number(balance.lastBlock);
        case UpdatedColumn:
            if (balance.updatedAt <= 0)
                return QStringLiteral("—");
            return locale.toString(QDateTime::fromMSecsSinceEpoch(balance.updatedAt), QLocale::ShortFormat);
        default:
            return {};
        }
    case CopyRole:
        return column == BalanceColumn ? QVariant(balanceText(balance)) : QVariant();
    case Qt::ToolTipRole:
        if (column == TokenColumn)
            return balance.tokenName.isEmpty() ? balance.token.toChecksumHex() : balance.tokenName;
        if (column == ChainColumn)
            return tr("Chain %1").arg(balance.chainId);
        if (column == BalanceColumn && !balance.decimals)
            return tr("The token's decimals are unknown: the raw balance is shown");
        if (column == BalanceColumn)
            return tr("%1 %2 (%3 in the smallest unit)").arg(balanceText(balance), tokenLabel(balance), u256::toDecimal(balance.balance));
        return {};
    case SortRole:
        switch (column) {
        case BalanceColumn:
            return scaledValue(balance);
        case RawBalanceColumn:
            return rawSortKey(balance.balance);
        case LastBlockColumn:
            return balance.lastBlock;
        case UpdatedColumn:
            return balance.updatedAt;
        default:
            return balanceData(balance, column, Qt::DisplayRole).toString().toCaseFolded();
        }
    case ChainIdRole:
        return balance.chainId;
    case GroupRole:
        return false;
    default:
        return {};
    }
}

QVariant PortfolioModel::groupData(const Group &group, int column, int role) const
{
    const bool byChain = m_grouping == Grouping::ByChain;
    const bool summed = !byChain && group.sameDecimals;
    const int labelColumn = byChain ? ChainColumn : TokenColumn;
    switch (role) {
    case Qt::DisplayRole:
        if (column == labelColumn)
            return group.label;
        if (column == (byChain ? TokenColumn : ChainColumn))
            return byChain ? tr("%n token(s)", nullptr, int(group.rows.size())) : tr("%n chain(s)", nullptr, int(group.rows.size()));
        if (column == BalanceColumn && summed)
            return amounts::alignFraction(amounts::format(group.total, group.decimals), m_fractionDigits);
        if (column == RawBalanceColumn && summed)
            return u256::toDecimal(group.total);
        return {};
    case CopyRole:
        return column == BalanceColumn && summed ? QVariant(amounts::format(group.total, group.decimals)) : QVariant();
    case Qt::ToolTipRole:
        if (column == BalanceColumn && summed)
            return tr("The sum of the balances of %1 on every chain").arg(group.label);
        if (column == BalanceColumn && !byChain)
            return tr("Not summed: the tokens named %1 have different decimals").arg(group.label);
        return {};
    case Qt::FontRole: {
        QFont font;
        font.setBold(true);
        return font;
    }
    case SortRole:
        if (column == BalanceColumn && summed)
            return group.decimals ? group.total.toDouble() / std::pow(10.0, *group.decimals) : group.total.toDouble();
        if (column == RawBalanceColumn && summed)
            return rawSortKey(group.total);
        return group.label.toCaseFolded();
    case GroupRole:
        return true;
    default:
        return {};
    }
}

QVariant PortfolioModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isPortfolioColumnNumeric(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
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
    regroup();
    endResetModel();
}

void PortfolioModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    regroup();
    endResetModel();
}

void PortfolioModel::regroup()
{
    m_groups.clear();
    m_fractionDigits = 0;
    for (const TokenBalance &b : std::as_const(m_balances))
        m_fractionDigits = std::max(m_fractionDigits, amounts::fractionDigits(balanceText(b)));
    if (m_grouping == Grouping::None)
        return;
    QHash<QString, int> byKey;
    for (int row = 0; row < m_balances.size(); ++row) {
        const TokenBalance &b = m_balances[row];
        const QString label = m_grouping == Grouping::ByChain ? (b.chainName.isEmpty() ? QString::number(b.chainId) : b.chainName)
                                                              : tokenLabel(b);
        const QString key = m_grouping == Grouping::ByChain ? QString::number(b.chainId) : label;
        auto it = byKey.find(key);
        if (it == byKey.end()) {
            it = byKey.insert(key, int(m_groups.size()));
            Group group;
            group.label = label;
            group.decimals = b.decimals;
            m_groups.append(group);
        }
        Group &group = m_groups[*it];
        group.rows.append(row);
        group.sameDecimals = group.sameDecimals && group.decimals == b.decimals && b.decimals.has_value();
        if (group.sameDecimals)
            group.total += b.balance;   // U256 wraps only above 2^256, far beyond any token's supply
    }
    for (const Group &group : std::as_const(m_groups)) {
        if (m_grouping == Grouping::ByToken && group.sameDecimals)
            m_fractionDigits = std::max(m_fractionDigits, amounts::fractionDigits(amounts::format(group.total, group.decimals)));
    }
}

QString PortfolioModel::tokenLabel(const TokenBalance &balance)
{
    if (!balance.symbol.isEmpty())
        return balance.symbol;
    if (!balance.tokenName.isEmpty())
        return balance.tokenName;
    return balance.token.toChecksumHex();
}

QString PortfolioModel::rawSortKey(const U256 &raw)
{
    return u256::toDecimal(raw).rightJustified(78, u'0');
}

double PortfolioModel::scaledValue(const TokenBalance &balance)
{
    const double raw = balance.balance.toDouble();
    return balance.decimals ? raw / std::pow(10.0, *balance.decimals) : raw;
}

} // namespace arbor::ui

#include "models/tokenmodel.h"

#include <QFontDatabase>
#include <QLocale>

#include <algorithm>

namespace arbor::ui {

TokenModel::TokenModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_undecided(tr("–"))
{
}

int TokenModel::rowOf(const Address &address) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].address == address)
            return row;
    }
    return -1;
}

void TokenModel::setTokens(const QList<TokenInfo> &tokens)
{
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const Address address = m_rows[row].address;
        if (std::none_of(tokens.begin(), tokens.end(), [&](const TokenInfo &t) { return t.address == address; })) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    int firstChanged = -1;
    int lastChanged = -1;
    for (const TokenInfo &t : tokens) {
        const int row = rowOf(t.address);
        if (row < 0) {
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(t);
            endInsertRows();
            continue;
        }
        if (m_rows[row] == t)
            continue;
        m_rows[row] = t;
        firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
}

void TokenModel::setUndecidedText(const QString &text)
{
    if (text == m_undecided)
        return;
    m_undecided = text;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, BalanceModeColumn), index(rowCount() - 1, BalanceModeColumn));
}

int TokenModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TokenModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TokenModel::modeText(BalanceMode mode)
{
    switch (mode) {
    case BalanceMode::Transfers:
        return tr("Transfers");
    case BalanceMode::BalanceOf:
        return tr("balanceOf");
    }
    return {};
}

QString TokenModel::modeExplanation(BalanceMode mode)
{
    switch (mode) {
    case BalanceMode::Transfers:
        return tr("Balances are the sum of the token's indexed Transfer events, kept current as blocks are indexed.");
    case BalanceMode::BalanceOf:
        return tr("Balances are read with balanceOf from the node: at the indexed height on a node that serves "
                  "historical state, at its newest block otherwise.");
    }
    return {};
}

QVariant TokenModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TokenInfo &t = m_rows[index.row()];
    switch (role) {
    case AddressRole:
        return t.address.toHex();
    case BalanceModeRole:
        return t.balanceMode ? QVariant(int(*t.balanceMode)) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant(index.column() == DecimalsColumn ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        return index.column() == AddressColumn ? QVariant(QFontDatabase::systemFont(QFontDatabase::FixedFont)) : QVariant();
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case SymbolColumn:
            return t.name.isEmpty() ? QVariant() : QVariant(t.name);
        case BalanceModeColumn:
            return t.balanceMode ? QVariant(modeExplanation(*t.balanceMode)) : QVariant();
        case ReasonColumn:
            return t.balanceModeReason.isEmpty() ? QVariant() : QVariant(t.balanceModeReason);
        default:
            return {};
        }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case SymbolColumn:
        return t.symbol.isEmpty() ? tr("?") : t.symbol;
    case AddressColumn:
        return t.address.toChecksumHex();
    case DecimalsColumn:
        return t.decimals ? QLocale().toString(*t.decimals) : tr("–");
    case BalanceModeColumn:
        return t.balanceMode ? modeText(*t.balanceMode) : m_undecided;
    case ReasonColumn:
        return t.balanceModeReason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TokenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case SymbolColumn:
        return tr("Symbol");
    case AddressColumn:
        return tr("Address");
    case DecimalsColumn:
        return tr("Decimals");
    case BalanceModeColumn:
        return tr("Balance mode");
    case ReasonColumn:
        return tr("Why");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

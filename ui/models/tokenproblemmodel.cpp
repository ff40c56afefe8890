#include "models/tokenproblemmodel.h"
#include "timetext.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace arbor::ui {
namespace {

QString when(qint64 ms)
{
    return ms > 0 ? timestampText(ms) : QString();
}

} // namespace

TokenProblemModel::TokenProblemModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int TokenProblemModel::rowOf(qint64 chainId, const Address &token) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].chainId == chainId && m_rows[row].problem.token == token)
            return row;
    }
    return -1;
}

bool TokenProblemModel::sameRow(const Row &a, const Row &b)
{
    // lastSeen moves on every sample and shows only in a tooltip: not a change worth a signal.
    return a.chainName == b.chainName && a.problem.symbol == b.problem.symbol && a.problem.message == b.problem.message
        && a.problem.fix == b.problem.fix && a.problem.since == b.problem.since
        && a.problem.waitingItems == b.problem.waitingItems;
}

void TokenProblemModel::update(const QList<QueueHealth> &health)
{
    QList<Row> incoming;
    for (const QueueHealth &h : health) {
        for (const TokenProblem &p : h.problems)
            incoming.append(Row{h.chainId, h.chainName, p});
    }
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        const Row &held = m_rows[row];
        const bool kept = std::any_of(incoming.begin(), incoming.end(), [&](const Row &r) {
            return r.chainId == held.chainId && r.problem.token == held.problem.token;
        });
        if (!kept) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    int firstChanged = -1;
    int lastChanged = -1;
    for (const Row &r : std::as_const(incoming)) {
        const int row = rowOf(r.chainId, r.problem.token);
        if (row < 0) {
            const int at = int(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(r);
            endInsertRows();
            continue;
        }
        const bool changed = !sameRow(m_rows[row], r);
        m_rows[row] = r;
        if (!changed)
            continue;
        firstChanged = firstChanged < 0 ? row : std::min(firstChanged, row);
        lastChanged = std::max(lastChanged, row);
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));
}

int TokenProblemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TokenProblemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TokenProblemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    const TokenProblem &p = r.problem;
    switch (role) {
    case ChainIdRole:
        return r.chainId;
    case TokenRole:
        return p.token.toHex();
    case Qt::TextAlignmentRole:
        return QVariant((index.column() == WaitingColumn ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignTop);
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case ChainColumn:
            return tr("Chain %1").arg(r.chainId);
        case TokenColumn:
            return p.token.toChecksumHex();
        case MessageColumn:
            return p.message;
        case FixColumn:
            return p.fix;
        case SinceColumn:
            return tr("First seen %1, last seen %2").arg(when(p.since), when(p.lastSeen));
        case WaitingColumn:
            return tr("The token's items held back until a batch of it succeeds again; they use up no retries.");
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (Column(index.column())) {
    case ChainColumn:
        return r.chainName.isEmpty() ? QString::number(r.chainId) : r.chainName;
    case TokenColumn:
        return p.symbol.isEmpty() ? p.token.toChecksumHex() : p.symbol + u'\n' + p.token.toChecksumHex();
    case MessageColumn:
        return p.message;
    case FixColumn:
        return p.fix;
    case SinceColumn:
        return when(p.since);
    case WaitingColumn:
        return QLocale().toString(p.waitingItems);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant TokenProblemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case ChainColumn:
        return tr("Chain");
    case TokenColumn:
        return tr("Token");
    case MessageColumn:
        return tr("What the node said");
    case FixColumn:
        return tr("What to do");
    case SinceColumn:
        return tr("Since");
    case WaitingColumn:
        return tr("Items waiting");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

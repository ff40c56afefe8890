#include "models/slowstatementmodel.h"

#include "models/keyedrows.h"

#include <QLocale>
#include <QSet>

namespace arbor::ui {

SlowStatementModel::SlowStatementModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SlowStatementModel::update(const SlowStatements &statements)
{
    QList<SlowStatement> fresh;
    QSet<QString> seen;
    for (const QList<SlowStatement> *list : {&statements.byMean, &statements.byTotal}) {
        for (const SlowStatement &s : *list) {
            if (!seen.contains(s.statement)) {
                seen.insert(s.statement);
                fresh.append(s);
            }
        }
    }
    syncKeyedRows(this, m_rows, fresh, [](const SlowStatement &s) { return s.statement; }, [](const SlowStatement &a, const SlowStatement &b) {
        return a.calls == b.calls && a.totalMs == b.totalMs && a.maxMs == b.maxMs;
    });
}

int SlowStatementModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int SlowStatementModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SlowStatementModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const SlowStatement &s = m_rows[index.row()];
    if (role == SortRole) {
        switch (Column(index.column())) {
        case MeanColumn:
            return s.meanMs;
        case MaxColumn:
            return s.maxMs;
        case CallsColumn:
            return s.calls;
        case TotalColumn:
            return s.totalMs;
        case StatementColumn:
            return s.statement;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == StatementColumn)
        return s.statement;
    if (role == Qt::TextAlignmentRole)
        return index.column() == StatementColumn ? QVariant() : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    const auto ms = [&](double value) { return locale.toString(value, 'f', value < 10 ? 2 : 1); };
    switch (Column(index.column())) {
    case MeanColumn:
        return ms(s.meanMs);
    case MaxColumn:
        return ms(s.maxMs);
    case CallsColumn:
        return locale.toString(s.calls);
    case TotalColumn:
        return ms(s.totalMs);
    case StatementColumn:
        return s.statement;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SlowStatementModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case MeanColumn:
        return tr("Mean (ms)");
    case MaxColumn:
        return tr("Max (ms)");
    case CallsColumn:
        return tr("Calls");
    case TotalColumn:
        return tr("Total (ms)");
    case StatementColumn:
        return tr("Statement");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

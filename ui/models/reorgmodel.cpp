#include "models/reorgmodel.h"

#include <QLocale>

#include <algorithm>

namespace arbor::ui {
namespace {

bool same(const ReorgRecord &a, const ReorgRecord &b)
{
    return a.chainId == b.chainId && a.detectedAt == b.detectedAt && a.ancestorBlock == b.ancestorBlock && a.depth == b.depth
        && a.oldHead == b.oldHead && a.oldHash == b.oldHash && a.newHash == b.newHash;
}

} // namespace

ReorgModel::ReorgModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReorgModel::setReorgs(QList<ReorgRecord> reorgs)
{
    std::stable_sort(reorgs.begin(), reorgs.end(), [](const ReorgRecord &a, const ReorgRecord &b) { return a.detectedAt > b.detectedAt; });
    const int added = int(reorgs.size()) - int(m_rows.size());
    bool extends = added >= 0;
    for (int i = 0; extends && i < m_rows.size(); ++i)
        extends = same(m_rows[i], reorgs[added + i]);
    if (!extends) {
        beginResetModel();
        m_rows = std::move(reorgs);
        endResetModel();
        return;
    }
    if (added == 0)
        return;
    beginInsertRows({}, 0, added - 1);
    m_rows = std::move(reorgs);
    endInsertRows();
}

int ReorgModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReorgModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReorgModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ReorgRecord &r = m_rows[index.row()];
    if (role == DepthRole)
        return r.depth;
    if (role == AncestorRole)
        return r.ancestorBlock;
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (Column(index.column())) {
    case DetectedAtColumn:
        return locale.toString(r.detectedAt.toLocalTime(), QLocale::ShortFormat);
    case DepthColumn:
        return tr("%n block(s)", nullptr, int(r.depth));
    case AncestorColumn:
        return locale.toString(r.ancestorBlock);
    case OldHeadColumn:
        return locale.toString(r.oldHead);
    case OldHashColumn:
        return r.oldHash.toHex();
    case NewHashColumn:
        return r.newHash.toHex();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ReorgModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case DetectedAtColumn:
        return tr("Detected");
    case DepthColumn:
        return tr("Depth");
    case AncestorColumn:
        return tr("Common ancestor");
    case OldHeadColumn:
        return tr("Old head");
    case OldHashColumn:
        return tr("Old hash");
    case NewHashColumn:
        return tr("New hash");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace arbor::ui

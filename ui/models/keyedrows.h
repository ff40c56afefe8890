#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QSet>

#include <type_traits>
#include <utility>

namespace arbor::ui {

/**
 * Brings the rows of a flat table model (one element of `rows` per row, each with a unique key
 * `keyOf(row)`) in line with `fresh`, in `fresh`'s order, with the fewest signals: one removal
 * per contiguous run of rows that went away, a move for a row whose place changed, one
 * insertion per contiguous run of new rows, and ONE dataChanged spanning the kept rows that
 * `same(old, fresh)` says changed. Never a reset, so selections survive.
 *
 * Meant for the models' update(): the model declares this template its friend, as it calls the
 * model's protected begin/end functions.
 */
template<typename Model, typename Row, typename KeyOf, typename Same>
void syncKeyedRows(Model *model, QList<Row> &rows, const QList<Row> &fresh, KeyOf keyOf, Same same)
{
    using Key = std::decay_t<decltype(keyOf(std::declval<const Row &>()))>;
    QSet<Key> wanted;
    wanted.reserve(fresh.size());
    for (const Row &row : fresh)
        wanted.insert(keyOf(row));

    for (int row = int(rows.size()) - 1; row >= 0;) {
        if (wanted.contains(keyOf(rows[row]))) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !wanted.contains(keyOf(rows[first - 1])))
            --first;
        model->beginRemoveRows(QModelIndex(), first, row);
        rows.remove(first, row - first + 1);
        model->endRemoveRows();
        row = first - 1;
    }

    QSet<Key> held;
    held.reserve(rows.size());
    for (const Row &row : std::as_const(rows))
        held.insert(keyOf(row));

    int firstChanged = -1;
    int lastChanged = -1;
    for (int i = 0; i < fresh.size();) {
        const Key key = keyOf(fresh[i]);
        if (!held.contains(key)) {
            int end = i + 1;
            while (end < fresh.size() && !held.contains(keyOf(fresh[end])))
                ++end;
            model->beginInsertRows(QModelIndex(), i, end - 1);
            for (int n = i; n < end; ++n)
                rows.insert(n, fresh[n]);
            model->endInsertRows();
            i = end;
            continue;
        }
        if (keyOf(rows[i]) != key) {
            int from = i + 1;
            while (keyOf(rows[from]) != key)
                ++from;
            model->beginMoveRows(QModelIndex(), from, from, QModelIndex(), i);
            rows.move(from, i);
            model->endMoveRows();
        }
        if (!same(rows[i], fresh[i])) {
            if (firstChanged < 0 || i < firstChanged)
                firstChanged = i;
            lastChanged = qMax(lastChanged, i);
        }
        rows[i] = fresh[i];
        ++i;
    }
    if (firstChanged >= 0)
        Q_EMIT model->dataChanged(model->index(firstChanged, 0), model->index(lastChanged, model->columnCount() - 1));
}

} // namespace arbor::ui

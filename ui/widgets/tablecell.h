#pragma once

#include <QTableWidgetItem>

namespace arbor::ui {

/// A QTableWidget cell showing `text`, aligned as given, with the whole text as its tooltip
/// (a column too narrow for it still shows it on hover).
inline QTableWidgetItem *tableCell(const QString &text, Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setToolTip(text);
    return item;
}

} // namespace arbor::ui

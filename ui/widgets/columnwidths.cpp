#include "widgets/columnwidths.h"

#include <QHeaderView>
#include <QStyle>
#include <QStyleOptionHeader>

namespace arbor::ui {

void widenColumnsToTitles(QHeaderView *header)
{
    if (!header->model())
        return;
    QStyleOptionHeader option;
    option.initFrom(header);
    option.sortIndicator = QStyleOptionHeader::SortDown;   // room for the arrow, wherever it goes
    for (int column = 0; column < header->count(); ++column) {
        option.section = column;
        option.text = header->model()->headerData(column, header->orientation()).toString();
        const int title = header->style()->sizeFromContents(QStyle::CT_HeaderSection, &option, QSize(), header).width();
        if (header->sectionSize(column) < title)
            header->resizeSection(column, title);
    }
}

} // namespace arbor::ui

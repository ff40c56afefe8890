#pragma once

#include <QSizePolicy>
#include <QStackedWidget>

namespace arbor::ui {

/// Shows page `index` of `pages` and lets only that page count for the stack's size, so a row
/// is as tall as what it shows rather than as its tallest page.
inline void showStackedPage(QStackedWidget *pages, int index)
{
    pages->setCurrentIndex(index);
    for (int i = 0; i < pages->count(); ++i)
        pages->widget(i)->setSizePolicy(QSizePolicy::Preferred, i == index ? QSizePolicy::Preferred : QSizePolicy::Ignored);
    pages->updateGeometry();
}

} // namespace arbor::ui

#include "pagehost.h"

#include <QVBoxLayout>

namespace arbor::ui {

PageHost::PageHost(Factory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
{
    Q_ASSERT(m_factory);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
}

QWidget *PageHost::page()
{
    if (m_page)
        return m_page;
    m_page = std::exchange(m_factory, {})();
    Q_ASSERT(m_page);
    layout()->addWidget(m_page);
    // Shown now, not on the next turn of the event loop (QLayout's default for a widget added
    // to a visible parent): the tab must not flash empty.
    if (isVisible())
        m_page->show();
    return m_page;
}

void PageHost::showEvent(QShowEvent *event)
{
    page();
    QWidget::showEvent(event);
}

} // namespace arbor::ui

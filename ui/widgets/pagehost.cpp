#include "pagehost.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace arbor::ui {

PageHost::PageHost(Factory factory, QWidget *parent)
    : QWidget(parent)
    , m_factory(std::move(factory))
{
    Q_ASSERT(m_factory);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_scroll = new QScrollArea;
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setWidgetResizable(true);
    layout->addWidget(m_scroll);
}

QWidget *PageHost::page()
{
    if (m_page)
        return m_page;
    m_page = std::exchange(m_factory, {})();
    Q_ASSERT(m_page);
    m_scroll->setWidget(m_page);
    // Shown now, not on the next turn of the event loop (the default for a widget added to a
    // visible parent): the tab must not flash empty.
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

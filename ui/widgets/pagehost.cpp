#include "pagehost.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace arbor::ui {

namespace {

/// Holds the page in the scroll area and asks, for a width, only the height the page cannot
/// do without.
class PageFrame final : public QWidget
{
public:
    explicit PageFrame(QWidget *page)
    {
        auto *layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(page);
    }

    int heightForWidth(int width) const override { return layout()->totalMinimumHeightForWidth(width); }
};

} // namespace

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
    m_scroll->setWidget(new PageFrame(m_page));
    // Shown now, not on the next turn of the event loop (the default for a widget added to a
    // visible parent): the tab must not flash empty.
    if (isVisible())
        m_scroll->widget()->show();
    return m_page;
}

void PageHost::bringIntoView(QWidget *widget)
{
    for (QWidget *w = widget; w; w = w->parentWidget()) {
        if (auto *host = qobject_cast<PageHost *>(w)) {
            host->m_scroll->ensureWidgetVisible(widget, 0, 0);
            return;
        }
    }
}

void PageHost::showEvent(QShowEvent *event)
{
    page();
    QWidget::showEvent(event);
}

} // namespace arbor::ui

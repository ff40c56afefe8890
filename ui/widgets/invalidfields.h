#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

class QScrollArea;

namespace arbor::ui {

/**
 * The input fields an editor marked as the cause of a refusal: each gets a border in the
 * palette's error colour (readable on light and dark themes), is scrolled into view and takes
 * the focus; clear() takes every mark off again. Widgets deleted meanwhile are skipped.
 *
 * Thread: the GUI thread.
 */
class InvalidFields final
{
public:
    /// `scroll` (may be null) is the scroll area the fields live in.
    explicit InvalidFields(QScrollArea *scroll = nullptr)
        : m_scroll(scroll)
    {
    }

    void setScrollArea(QScrollArea *scroll) { m_scroll = scroll; }
    void mark(QWidget *widget);
    void clear();

private:
    QScrollArea *m_scroll = nullptr;
    QList<QPointer<QWidget>> m_marked;
};

} // namespace arbor::ui

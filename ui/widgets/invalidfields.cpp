#include "widgets/invalidfields.h"

#include "widgets/themecolors.h"

#include <QScrollArea>

namespace arbor::ui {

void InvalidFields::mark(QWidget *widget)
{
    if (!widget)
        return;
    widget->setProperty("invalid", true);
    widget->setStyleSheet(QStringLiteral("%1 { border: 2px solid %2; border-radius: 3px; }")
                              .arg(QString::fromLatin1(widget->metaObject()->className()),
                                   themecolors::errorText(widget->palette()).name()));
    m_marked.append(widget);
    if (m_scroll)
        m_scroll->ensureWidgetVisible(widget);
    widget->setFocus(Qt::OtherFocusReason);
}

void InvalidFields::clear()
{
    for (const QPointer<QWidget> &widget : std::as_const(m_marked)) {
        if (!widget)
            continue;
        widget->setProperty("invalid", false);
        widget->setStyleSheet(QString());
    }
    m_marked.clear();
}

} // namespace arbor::ui

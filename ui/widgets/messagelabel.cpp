#include "widgets/messagelabel.h"

#include "widgets/themecolors.h"

#include <QPalette>

namespace arbor::ui {

MessageLabel::MessageLabel(const QString &objectName, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(objectName);
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

void MessageLabel::showMessage(const QString &text, Kind kind)
{
    if (kind == Kind::Error) {
        QPalette p = parentWidget() ? parentWidget()->palette() : palette();
        p.setColor(QPalette::WindowText, themecolors::errorText(p));
        setPalette(p);
    } else {
        setPalette(QPalette());   // inherit the page's
    }
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace arbor::ui

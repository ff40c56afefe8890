#include "widgets/messagelabel.h"

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
        const bool dark = p.color(QPalette::Window).lightness() < 128;
        p.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c));
        setPalette(p);
    } else {
        setPalette(QPalette());   // inherit the page's
    }
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace arbor::ui

#include "dialogs/wizard/messagelabel.h"

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
    QPalette p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    QColor colour = p.color(QPalette::WindowText);
    if (kind == Kind::Error)
        colour = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb0, 0x1c, 0x1c);
    p.setColor(QPalette::WindowText, colour);
    setPalette(p);
    setText(text);
    setVisible(!text.isEmpty());
}

} // namespace arbor::ui

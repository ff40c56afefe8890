#include "widgets/statustone.h"

#include <QPainter>
#include <QPixmap>

#include <array>

namespace arbor::ui {
namespace {

QIcon makeDot(const QColor &color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(8, 8, 16, 16));
    painter.end();
    QIcon icon(pixmap);
    icon.addPixmap(pixmap, QIcon::Selected);
    return icon;
}

} // namespace

QColor toneColor(StatusTone tone)
{
    switch (tone) {
    case StatusTone::Good:
        return QColor(0x2e, 0x9d, 0x4f);
    case StatusTone::Calm:
        return QColor(0x1e, 0x6f, 0xc8);
    case StatusTone::Warning:
        return QColor(0xd4, 0xa0, 0x00);
    case StatusTone::Serious:
        return QColor(0xe6, 0x6a, 0x00);
    case StatusTone::Bad:
        return QColor(0xc6, 0x28, 0x28);
    case StatusTone::Idle:
        break;
    }
    return QColor(0x8a, 0x8f, 0x98);
}

QIcon toneDot(StatusTone tone)
{
    static const std::array<QIcon, 6> dots{makeDot(toneColor(StatusTone::Good)),    makeDot(toneColor(StatusTone::Calm)),
                                           makeDot(toneColor(StatusTone::Warning)), makeDot(toneColor(StatusTone::Serious)),
                                           makeDot(toneColor(StatusTone::Bad)),     makeDot(toneColor(StatusTone::Idle))};
    return dots[size_t(tone)];
}

} // namespace arbor::ui

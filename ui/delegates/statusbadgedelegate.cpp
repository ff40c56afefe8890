#include "delegates/statusbadgedelegate.h"

#include <QApplication>
#include <QPainter>

namespace arbor::ui {
namespace {

const int PadX = 8;
const int PadY = 2;

QFont badgeFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    font.setPointSizeF(base.pointSizeF() * 0.85);
    return font;
}

} // namespace

StatusBadgeDelegate::StatusBadgeDelegate(int colorRole, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_colorRole(colorRole)
{
}

void StatusBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant color = index.data(m_colorRole);
    if (!color.canConvert<QColor>() || !color.value<QColor>().isValid()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }

    // The row's background and selection first, without the text.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QFont font = badgeFont(option.font);
    const QFontMetrics metrics(font);
    const int width = qMin(metrics.horizontalAdvance(text) + 2 * PadX, option.rect.width() - 4);
    const int height = qMin(metrics.height() + 2 * PadY, option.rect.height() - 2);
    QRect badge(0, 0, width, height);
    badge.moveCenter(option.rect.center());

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(color.value<QColor>());
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter, metrics.elidedText(text, Qt::ElideRight, badge.width() - PadX));
    painter->restore();
}

QSize StatusBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const QFontMetrics metrics(badgeFont(option.font));
    size.setWidth(qMax(size.width(), metrics.horizontalAdvance(index.data().toString()) + 2 * PadX + 8));
    return size;
}

} // namespace arbor::ui

#pragma once

#include <QStyledItemDelegate>

namespace arbor::ui {

/**
 * Paints a cell's text as a coloured badge (a rounded pill, white bold text), the colour read
 * from `colorRole`. Cells without a colour are painted as usual.
 */
class StatusBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit StatusBadgeDelegate(int colorRole, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_colorRole;
};

} // namespace arbor::ui

#include "charts/charthover.h"

#include <QChart>
#include <QChartView>
#include <QMouseEvent>
#include <QToolTip>

namespace arbor::ui {

ChartHover::ChartHover(QChartView *view, std::function<QString(double)> readOut)
    : QObject(view), m_view(view), m_readOut(std::move(readOut))
{
    view->setMouseTracking(true);
    view->viewport()->setMouseTracking(true);
    view->viewport()->installEventFilter(this);
}

bool ChartHover::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport())
        return QObject::eventFilter(watched, event);
    if (event->type() == QEvent::ToolTip)
        return true;   // the read-out is the tooltip
    if (event->type() == QEvent::Leave) {
        QToolTip::hideText();
    } else if (event->type() == QEvent::MouseMove) {
        const QPoint pos = static_cast<QMouseEvent *>(event)->position().toPoint();
        const QPointF inChart = m_view->chart()->mapFromScene(m_view->mapToScene(pos));
        const QRectF area = m_view->chart()->plotArea();
        QString text;
        if (area.contains(inChart) && area.width() > 0)
            text = m_readOut((inChart.x() - area.left()) / area.width());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(m_view->viewport()->mapToGlobal(pos), text, m_view->viewport());
    }
    return QObject::eventFilter(watched, event);
}

} // namespace arbor::ui

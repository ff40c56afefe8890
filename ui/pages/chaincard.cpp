#include "pages/chaincard.h"

#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace arbor::ui {

/// The lag line: seconds behind over the card's time span, from 0 at the bottom to the highest
/// value (at least a minute) at the top, a gap where no point came for a while.
class ChainCard::Sparkline final : public QWidget
{
public:
    explicit Sparkline(QWidget *parent) : QWidget(parent)
    {
        setMinimumHeight(36);
        setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    }

    void setLine(const QList<QPointF> &points, qint64 fromMs, qint64 toMs, const QColor &color)
    {
        m_points = points;
        m_from = fromMs;
        m_to = toMs;
        m_color = color;
        update();
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        const QRectF area = QRectF(rect()).adjusted(1, 2, -1, -2);
        painter.setPen(QPen(palette().color(QPalette::Mid), 1));
        painter.drawLine(area.bottomLeft(), area.bottomRight());
        if (m_points.isEmpty() || m_to <= m_from)
            return;
        double top = 60;
        for (const QPointF &p : m_points)
            top = std::max(top, p.y());
        const double span = double(m_to - m_from);
        auto place = [&](const QPointF &p) {
            return QPointF(area.left() + (p.x() - double(m_from)) / span * area.width(), area.bottom() - std::max(0.0, p.y()) / top * area.height());
        };
        QPainterPath path;
        for (qsizetype i = 0; i < m_points.size(); ++i) {
            // More than 10 s between points: the console heard nothing then; draw no line across it.
            if (i == 0 || m_points[i].x() - m_points[i - 1].x() > 10000)
                path.moveTo(place(m_points[i]));
            else
                path.lineTo(place(m_points[i]));
        }
        painter.setPen(QPen(m_color, 1.5));
        painter.drawPath(path);
    }

private:
    QList<QPointF> m_points;
    qint64 m_from = 0;
    qint64 m_to = 0;
    QColor m_color;
};

ChainCard::ChainCard(qint64 chainId, QWidget *parent) : QFrame(parent), m_chainId(chainId)
{
    setObjectName(QStringLiteral("chainCard%1").arg(chainId));
    setFrameShape(QFrame::StyledPanel);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Click to open the chain's details"));
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);

    m_name = new QLabel;
    QFont bold = m_name->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_name->setFont(bold);
    m_status = new QLabel;
    m_status->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_lag = new QLabel;
    m_endpoints = new QLabel;
    for (QLabel *label : {m_name, m_status, m_lag, m_endpoints})
        label->setTextFormat(Qt::PlainText);
    m_line = new Sparkline(this);
    m_line->setToolTip(tr("Seconds behind the head over the last 15 minutes"));

    auto *grid = new QGridLayout(this);
    grid->addWidget(m_name, 0, 0);
    grid->addWidget(m_status, 0, 1);
    grid->addWidget(m_lag, 1, 0, 1, 2);
    grid->addWidget(m_endpoints, 2, 0, 1, 2);
    grid->addWidget(m_line, 3, 0, 1, 2);
    grid->setColumnStretch(0, 1);
}

void ChainCard::setFigures(const Figures &figures)
{
    m_figures = figures;
    m_name->setText(figures.name);
    m_status->setText(figures.status);
    m_status->setStyleSheet(figures.statusColor.isValid()
                                ? QStringLiteral("QLabel { color: white; background: %1; border-radius: 6px; padding: 1px 6px; }").arg(figures.statusColor.name())
                                : QString());
    m_lag->setText(figures.lag);
    m_endpoints->setText(tr("RPC endpoints: %1").arg(figures.endpoints));
    m_line->setLine(figures.lagSeconds, figures.fromMs, figures.toMs, figures.statusColor.isValid() ? figures.statusColor : palette().color(QPalette::Text));
}

void ChainCard::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT chosen(m_chainId);
    QFrame::mouseReleaseEvent(event);
}

void ChainCard::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter || event->key() == Qt::Key_Space) {
        Q_EMIT chosen(m_chainId);
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace arbor::ui

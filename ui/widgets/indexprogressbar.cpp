#include "widgets/indexprogressbar.h"

#include <QLocale>
#include <QPainter>
#include <QPalette>

#include <algorithm>

namespace arbor::ui {

IndexProgressBar::IndexProgressBar(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("indexProgressBar"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    clear();
}

void IndexProgressBar::setProgress(const QList<IndexRange> &ranges, qint64 start, qint64 end, std::optional<qint64> checkpoint,
                                   std::optional<qint64> rangesCheckpoint)
{
    m_ranges = ranges;
    // Promoted by the head scan since the ranges were read: one stretch above the old checkpoint.
    const IndexRange since{std::max(rangesCheckpoint.value_or(0) + 1, start), checkpoint.value_or(-1)};
    if (checkpoint && rangesCheckpoint && since.from <= since.to) {
        QList<IndexRange> merged;
        bool placed = false;
        for (const IndexRange &r : std::as_const(m_ranges)) {
            if (!placed && since.from < r.from) {
                merged.append(since);
                placed = true;
            }
            merged.append(r);
        }
        if (!placed)
            merged.append(since);
        m_ranges.clear();
        for (const IndexRange &r : std::as_const(merged)) {
            if (!m_ranges.isEmpty() && r.from <= m_ranges.last().to + 1)
                m_ranges.last().to = std::max(m_ranges.last().to, r.to);
            else
                m_ranges.append(r);
        }
    }
    m_start = start;
    m_end = std::max(start - 1, end);
    m_checkpoint = checkpoint;
    m_gaps = checkpoint && *checkpoint >= start ? findGaps(m_ranges, start, *checkpoint) : QList<IndexRange>{};

    const QLocale locale;
    QString tip = tr("Blocks %1 to %2: %3 % indexed").arg(locale.toString(m_start), locale.toString(m_end), locale.toString(fraction() * 100, 'f', 1));
    if (!m_gaps.isEmpty())
        tip += QLatin1Char('\n') + tr("%n gap(s) below the checkpoint", nullptr, int(m_gaps.size()));
    setToolTip(tip);
    update();
}

void IndexProgressBar::clear()
{
    m_ranges.clear();
    m_gaps.clear();
    m_start = 0;
    m_end = -1;
    m_checkpoint.reset();
    setToolTip(tr("No index progress yet."));
    update();
}

double IndexProgressBar::fraction() const
{
    const qint64 total = m_end - m_start + 1;
    if (total <= 0)
        return 0;
    qint64 indexed = 0;
    for (const IndexRange &r : m_ranges) {
        const qint64 from = std::max(r.from, m_start);
        const qint64 to = std::min(r.to, m_end);
        if (to >= from)
            indexed += to - from + 1;
    }
    return double(indexed) / double(total);
}

QSize IndexProgressBar::sizeHint() const
{
    return QSize(400, fontMetrics().height() + 8);
}

QSize IndexProgressBar::minimumSizeHint() const
{
    return QSize(80, fontMetrics().height() + 8);
}

void IndexProgressBar::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRectF frame = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const QPalette pal = palette();
    painter.fillRect(frame, pal.color(QPalette::Base));
    const qint64 total = m_end - m_start + 1;
    if (total > 0) {
        const double width = frame.width();
        auto xOf = [&](qint64 block) { return frame.left() + width * double(block - m_start) / double(total); };
        auto paint = [&](const IndexRange &r, const QColor &color) {
            const qint64 from = std::max(r.from, m_start);
            const qint64 to = std::min(r.to, m_end);
            if (to < from)
                return;
            // At least one pixel, so a one-block gap on a long chain stays visible.
            const double left = xOf(from);
            const double right = std::max(left + 1.0, xOf(to + 1));
            painter.fillRect(QRectF(left, frame.top(), right - left, frame.height()), color);
        };
        for (const IndexRange &r : std::as_const(m_ranges))
            paint(r, pal.color(QPalette::Highlight));
        for (const IndexRange &r : std::as_const(m_gaps))
            paint(r, QColor(0xd3, 0x2f, 0x2f));
    }
    painter.setPen(pal.color(QPalette::Mid));
    painter.drawRect(frame);
}

} // namespace arbor::ui

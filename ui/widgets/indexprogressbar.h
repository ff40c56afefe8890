#pragma once

#include "store/indexbatch.h"

#include <QList>
#include <QWidget>

#include <optional>

namespace arbor::ui {

/**
 * A chain's index progress as one horizontal bar from its start block to its head: indexed
 * ranges filled, gaps below the checkpoint marked in the palette's error colour, and what lies
 * between the checkpoint and the head (not indexed yet) left hollow.
 *
 * A pure view of the values it is given; the tooltip names the figures.
 *
 * Thread: the GUI thread.
 */
class IndexProgressBar final : public QWidget
{
    Q_OBJECT

public:
    explicit IndexProgressBar(QWidget *parent = nullptr);

    /**
     * `ranges` merged and ordered (Engine::indexRanges); the bar spans [start, end], `end`
     * being the head (or the checkpoint when the head is unknown); `checkpoint` is where
     * gaps stop counting.
     */
    void setProgress(const QList<arbor::IndexRange> &ranges, qint64 start, qint64 end, std::optional<qint64> checkpoint);
    void clear();

    const QList<arbor::IndexRange> &ranges() const { return m_ranges; }
    /// The holes between the start block and the checkpoint, in order.
    const QList<arbor::IndexRange> &gaps() const { return m_gaps; }
    qint64 start() const { return m_start; }
    qint64 end() const { return m_end; }
    /// Indexed blocks within [start, end] over all of them, 0…1.
    double fraction() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<arbor::IndexRange> m_ranges;
    QList<arbor::IndexRange> m_gaps;
    qint64 m_start = 0;
    qint64 m_end = -1;
    std::optional<qint64> m_checkpoint;
};

} // namespace arbor::ui

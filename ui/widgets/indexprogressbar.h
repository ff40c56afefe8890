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
     * `ranges` merged and ordered (IndexingService::indexRanges); the bar spans [start, end], `end`
     * being the head (or the checkpoint when the head is unknown); `checkpoint` is where
     * gaps stop counting.
     *
     * `rangesCheckpoint` is the checkpoint when `ranges` were asked for: the database held at
     * least that much then. The ranges are read now and then while the checkpoint comes with
     * every status, so it is often ahead of them; the blocks in between were promoted by the
     * head scan since, contiguously above the old checkpoint, so they show as indexed and are
     * no gap (a live chain would otherwise show "1 gap" for each new block until the next
     * read). Unset: the ranges are as new as `checkpoint`.
     */
    void setProgress(const QList<arbor::IndexRange> &ranges, qint64 start, qint64 end, std::optional<qint64> checkpoint,
                     std::optional<qint64> rangesCheckpoint = std::nullopt);
    void clear();

    /// The indexed ranges shown: those given and what the head scan promoted since they were read.
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

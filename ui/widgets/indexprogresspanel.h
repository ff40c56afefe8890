#pragma once

#include "store/indexbatch.h"

#include <QList>
#include <QWidget>

#include <optional>

class QLabel;
class QListWidget;

namespace arbor::ui {

class IndexProgressBar;

/**
 * A chain's index progress in words and in full: the bar (IndexProgressBar), "Blocks 0 to 1,947:
 * 97.5 % indexed, 1 gap" under it, and each gap below the checkpoint on a line of its own, which
 * the gap scan fills. Thread: the GUI thread.
 */
class IndexProgressPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit IndexProgressPanel(QWidget *parent = nullptr);

    IndexProgressBar *bar() const { return m_bar; }
    QListWidget *gapList() const { return m_gapList; }

    /// The figures, as IndexProgressBar::setProgress() takes them.
    void setProgress(const QList<arbor::IndexRange> &ranges, qint64 start, qint64 end, std::optional<qint64> checkpoint,
                     std::optional<qint64> rangesCheckpoint);
    /// No figures (yet): `text` in their place, e.g. while they are read.
    void showMessage(const QString &text);

private:
    void showGaps(const QStringList &lines);

    IndexProgressBar *m_bar = nullptr;
    QLabel *m_text = nullptr;
    QListWidget *m_gapList = nullptr;
};

} // namespace arbor::ui

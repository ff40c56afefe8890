#include "widgets/indexprogresspanel.h"

#include "widgets/indexprogressbar.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QVBoxLayout>

namespace arbor::ui {

IndexProgressPanel::IndexProgressPanel(QWidget *parent)
    : QWidget(parent)
{
    m_bar = new IndexProgressBar;
    m_text = new QLabel;
    m_text->setObjectName(QStringLiteral("chainDetailProgressText"));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_gapList = new QListWidget;
    m_gapList->setObjectName(QStringLiteral("chainDetailGaps"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_bar);
    layout->addWidget(m_text);
    layout->addWidget(new QLabel(tr("Gaps below the checkpoint (filled by the gap scan):")));
    layout->addWidget(m_gapList, 1);
}

void IndexProgressPanel::setProgress(const QList<IndexRange> &ranges, qint64 start, qint64 end, std::optional<qint64> checkpoint,
                                     std::optional<qint64> rangesCheckpoint)
{
    m_bar->setProgress(ranges, start, end, checkpoint, rangesCheckpoint);
    const QLocale locale;
    if (end < start)
        m_text->setText(tr("Nothing indexed yet."));
    else
        m_text->setText(tr("Blocks %1 to %2: %3 % indexed, %n gap(s).", nullptr, int(m_bar->gaps().size()))
                            .arg(locale.toString(start), locale.toString(end), locale.toString(m_bar->fraction() * 100, 'f', 1)));
    QStringList lines;
    for (const IndexRange &gap : m_bar->gaps())
        lines.append(tr("Blocks %1 – %2 (%n block(s))", nullptr, int(gap.to - gap.from + 1)).arg(locale.toString(gap.from), locale.toString(gap.to)));
    showGaps(lines);
}

void IndexProgressPanel::showMessage(const QString &text)
{
    m_bar->clear();
    m_text->setText(text);
    showGaps({});
}

void IndexProgressPanel::showGaps(const QStringList &lines)
{
    // Rebuilt only when it changes, so a selection in it survives the page's refreshes.
    bool same = m_gapList->count() == lines.size();
    for (int i = 0; same && i < lines.size(); ++i)
        same = m_gapList->item(i)->text() == lines[i];
    if (!same) {
        m_gapList->clear();
        m_gapList->addItems(lines);
    }
}

} // namespace arbor::ui

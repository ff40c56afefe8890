#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QChartView;

namespace arbor::ui {

/**
 * The hover read-out of a chart: while the mouse moves over the plot area of `view`, the text
 * `readOut` gives for that place is its tooltip (hidden where the text is empty). `readOut`
 * gets the place as a fraction of the plot area's width, 0 at its left edge and 1 at its right,
 * for the chart to map onto its own x axis.
 *
 * Owned by the view. Thread: the GUI thread.
 */
class ChartHover final : public QObject
{
    Q_OBJECT

public:
    ChartHover(QChartView *view, std::function<QString(double fraction)> readOut);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QChartView *m_view;
    std::function<QString(double)> m_readOut;
};

} // namespace arbor::ui

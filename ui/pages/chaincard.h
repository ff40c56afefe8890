#pragma once

#include <QColor>
#include <QFrame>
#include <QList>
#include <QPointF>

class QLabel;

namespace arbor::ui {

/**
 * One chain on the Overview page: its name, what its indexer is doing in its badge colour, how
 * far behind it is, how its RPC endpoints are doing, and a line of its lag in seconds over the
 * last minutes. A click, Enter or Space on it asks for the chain's details (chosen()).
 *
 * The figures come from the page (the chain table's model and the indexers' in-memory series);
 * the card reads nothing itself. Thread: the GUI thread.
 */
class ChainCard final : public QFrame
{
    Q_OBJECT

public:
    struct Figures
    {
        QString name;
        QString status;          ///< as the chain table's Status column says it
        QColor statusColor;
        QString lag;             ///< "3 blocks · 12 s behind", or what stands in for it
        QString endpoints;       ///< "2 (1 ok, 1 down)"
        QList<QPointF> lagSeconds;   ///< (ms since the epoch, seconds behind), oldest first
        qint64 fromMs = 0;       ///< the line's time span
        qint64 toMs = 0;
    };

    explicit ChainCard(qint64 chainId, QWidget *parent = nullptr);

    qint64 chainId() const { return m_chainId; }
    void setFigures(const Figures &figures);
    const Figures &figures() const { return m_figures; }

Q_SIGNALS:
    void chosen(qint64 chainId);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    class Sparkline;

    qint64 m_chainId;
    Figures m_figures;
    QLabel *m_name = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_lag = nullptr;
    QLabel *m_endpoints = nullptr;
    Sparkline *m_line = nullptr;
};

} // namespace arbor::ui

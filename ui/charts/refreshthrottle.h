#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

class QWidget;

namespace arbor::ui {

/**
 * When a chart panel that reads its figures from the Engine reads them again: once when it is
 * shown, after a change at most every `minIntervalMs`, every `periodMs` while it is shown (the
 * figures age, and another process may be writing them), and never two reads at once. A hidden
 * panel reads nothing; what changed meanwhile is read when it is shown again.
 *
 * `read` starts one read and returns whether it did (false: not now, e.g. the engine has not
 * started; the change stays pending); the panel calls finished() when the answer is back.
 *
 * Thread: the GUI thread.
 */
class RefreshThrottle final : public QObject
{
    Q_OBJECT

public:
    RefreshThrottle(QWidget *panel, std::function<bool()> read, int minIntervalMs, int periodMs);

    /// The figures changed: read them again within minIntervalMs.
    void changed();
    /// What to read changed (another chain, window or filter): read as soon as no read is under way.
    void now();
    /// The answer of the read under way arrived.
    void finished();

    bool isReading() const { return m_reading; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void schedule(bool urgent);
    void read();

    QWidget *m_panel;
    std::function<bool()> m_read;
    int m_minIntervalMs;
    QTimer m_delay;
    QTimer m_period;
    QElapsedTimer m_sinceRead;
    bool m_pending = true;
    bool m_urgent = true;
    bool m_reading = false;
};

} // namespace arbor::ui

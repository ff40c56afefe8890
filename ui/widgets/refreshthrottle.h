#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

class QWidget;

namespace arbor::ui {

/**
 * When a widget that shows what it reads from the Engine (a page, a panel, a chart, a dialog)
 * reads it again: once when it is shown, after a change at most every `minIntervalMs`, every
 * `periodMs` while it is shown (the figures age, and another process may be writing them), and
 * never two reads at once. A change announced while a read is under way is read again when that
 * read is back, since its answer may predate the change. A hidden widget reads nothing: what
 * changed meanwhile, or what a period would have read meanwhile, is read when it is shown again.
 *
 * `read` starts one read and returns whether it did (false: not now, e.g. the engine has not
 * started; the change stays pending); the widget calls finished() when the answer is back, also
 * when it drops the answer (one for a chain or filter no longer shown). A widget that reads
 * several things independently holds one throttle per read.
 *
 * Thread: the GUI thread.
 */
class RefreshThrottle final : public QObject
{
    Q_OBJECT

public:
    /// `periodMs` 0: no periodic reads, only those changes ask for.
    RefreshThrottle(QWidget *widget, std::function<bool()> read, int minIntervalMs, int periodMs);

    /// What is read changed: read it again within minIntervalMs.
    void changed();
    /// What to read changed (another chain, window or filter) or the operator asked: read as
    /// soon as no read is under way.
    void now();
    /// The answer of the read under way arrived.
    void finished();

    /// How often to read again while shown (0: never); a running period restarts when it changes.
    void setPeriodMs(int periodMs);
    int periodMs() const { return m_periodMs; }
    /// Reads also while the widget is hidden, periods included, until turned off again: for a
    /// result the operator waits for (a test delivery) whichever page is shown.
    void setReadWhileHidden(bool on);

    bool isReading() const { return m_reading; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isActive() const;
    void followActivity();
    void schedule(bool urgent);
    void read();

    QWidget *m_widget;
    std::function<bool()> m_read;
    int m_minIntervalMs;
    int m_periodMs;
    QTimer m_delay;
    QTimer m_period;
    QElapsedTimer m_sinceRead;
    bool m_pending = true;
    bool m_urgent = true;
    bool m_reading = false;
    bool m_readWhileHidden = false;
};

} // namespace arbor::ui

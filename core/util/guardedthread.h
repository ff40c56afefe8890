#pragma once

#include <QString>
#include <QThread>

namespace arbor {

/**
 * A worker thread whose failure does not take the process down.
 *
 * Qt cannot carry an exception through its event loop: one that escapes a slot, a timer or a
 * network reply handler of an object living here would end in std::terminate(). Here it ends
 * only this thread's event loop. The thread logs what was thrown, emits failed() and finishes
 * (its finished() signal and the deleteLater() of its objects run as after quit()), and the
 * owner restarts the work on a fresh object with a RestartBackoff and tells the operator.
 *
 * Thread: created, started and joined by its owner; failed() is emitted on this thread, just
 * before it finishes — connect it with the owner as context (queued).
 */
class GuardedThread final : public QThread
{
    Q_OBJECT

public:
    using QThread::QThread;

Q_SIGNALS:
    /// What escaped the event loop: the exception's message, or that its type is unknown.
    void failed(const QString &what);

protected:
    void run() override;
};

/**
 * When to start a failed worker again: 1 s after the first failure, doubling up to 5 minutes
 * while it keeps failing; a worker that ran for `healthyAfterMs` without failing starts over
 * at 1 s. Times are given by the caller (milliseconds of any monotonic clock).
 */
class RestartBackoff final
{
public:
    static constexpr qint64 FirstDelayMs = 1000;
    static constexpr qint64 MaxDelayMs = 5 * 60 * 1000;
    static constexpr qint64 HealthyAfterMs = 10 * 60 * 1000;

    /// Records a failure at `nowMs` of a worker started at `startedMs`; the delay before the restart.
    qint64 failed(qint64 startedMs, qint64 nowMs);
    /// Failures in a row so far (1 after the first).
    int failures() const { return m_failures; }

private:
    int m_failures = 0;
};

} // namespace arbor

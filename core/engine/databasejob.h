#pragma once

#include "error.h"
#include "store/databasebackup.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace arbor {

/**
 * One backup or restore running on a thread of its own ("arbor-backup", "arbor-restore"), so
 * the Engine's thread never waits for it. Progress is posted to the job, which lives on the
 * Engine's thread, and reported there. What the work throws becomes its Error, not the end of
 * the process.
 *
 * Owned by DatabaseService: stop() asks the work to stop between two steps (it leaves nothing
 * written); the job deletes itself once its thread has finished, and its destructor joins the
 * thread, which has then ended.
 */
class DatabaseJob final : public QObject
{
    Q_OBJECT

public:
    using Work = std::function<void(const BackupProgress &report, const BackupCanceled &canceled)>;

    /// Starts `work` on a thread named `name`; `progress` (optional) runs on `owner`'s thread;
    /// `canceled` tells whether the caller gave up (its future was canceled).
    static DatabaseJob *start(QObject *owner, const QString &name, BackupProgress progress, std::function<bool()> canceled, Work work);
    ~DatabaseJob() override;

    /// Asks the work to stop at its next step.
    void stop() { m_stop = true; }
    /// Resolves when the job's thread has finished.
    QFuture<void> finished() const { return m_finished; }

private:
    explicit DatabaseJob(QObject *parent) : QObject(parent) {}

    std::atomic<bool> m_stop{false};
    std::unique_ptr<QThread> m_thread;
    QFuture<void> m_finished;
};

/// What a job that threw reports (logged with the thread's name).
Error databaseJobThrew(const QString &thread, const QString &what);

} // namespace arbor

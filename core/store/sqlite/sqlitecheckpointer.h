#pragma once

#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

namespace arbor {

/**
 * Checkpoints an SQLite database's write-ahead log on a connection and thread of its own.
 *
 * In WAL mode a commit only appends pages to the log; a checkpoint copies them into the
 * database file and syncs it. Done by the writer, that stops the writer for the copy and two
 * syncs; left to the last close, it is all paid at exit (about 0.07 s after indexing a dense
 * 2,000-block chain). A passive checkpoint here copies what is committed while the writer goes
 * on, and once the log is all copied the writer starts it again from its beginning, so the log
 * stays small. A checkpoint changes no row: the writer remains the database's only writer.
 *
 * Thread: request() from any thread (the writer's WAL hook calls it inside a commit; it only
 * sets a flag and wakes the thread). The connection is opened, used and closed on this
 * object's own thread. The destructor lets a running checkpoint finish, then joins the thread.
 */
class SqliteCheckpointer final
{
public:
    explicit SqliteCheckpointer(const QString &path);
    ~SqliteCheckpointer();

    SqliteCheckpointer(const SqliteCheckpointer &) = delete;
    SqliteCheckpointer &operator=(const SqliteCheckpointer &) = delete;

    /// Asks for a passive checkpoint; requests made while one runs are served by one more.
    void request();

private:
    void run();

    const QByteArray m_path;
    QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_requested = false;   ///< under m_mutex
    bool m_stopping = false;    ///< under m_mutex
    QThread *m_thread = nullptr;
};

} // namespace arbor

#include "store/sqlite/sqlitecheckpointer.h"

#include "store/store.h"
#include "util/workerthread.h"

#include <QLoggingCategory>

#include <sqlite3.h>

namespace arbor {

SqliteCheckpointer::SqliteCheckpointer(const QString &path)
    : m_path(path.toUtf8())
{
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("arbor-sqlite-checkpoint"));
    joinable(m_thread);
    runInBackground(m_thread);
    m_thread->start();
}

SqliteCheckpointer::~SqliteCheckpointer()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stopping = true;
        m_wake.wakeOne();
    }
    join(m_thread);
    delete m_thread;
}

void SqliteCheckpointer::request()
{
    QMutexLocker lock(&m_mutex);
    m_requested = true;
    m_wake.wakeOne();
}

void SqliteCheckpointer::run()
{
    sqlite3 *db = nullptr;
    bool warned = false;
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            while (!m_requested && !m_stopping)
                m_wake.wait(&m_mutex);
            if (m_stopping)
                break;
            m_requested = false;
        }
        if (!db) {
            int rc = sqlite3_open_v2(m_path.constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
            // A connection learns that the file is in WAL mode from its first read.
            if (rc == SQLITE_OK) {
                sqlite3_busy_timeout(db, 5000);
                rc = sqlite3_exec(db, "SELECT count(*) FROM sqlite_master", nullptr, nullptr, nullptr);
            }
            if (rc != SQLITE_OK) {
                if (!warned)
                    qCWarning(lcStore) << "Cannot open" << m_path << "to checkpoint its log:" << (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))
                                       << "- the writer checkpoints it itself past 40 MB, and its close does";
                warned = true;
                sqlite3_close(db);
                db = nullptr;
                continue;
            }
        }
        int logFrames = 0;
        int copied = 0;
        const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames, &copied);
        // BUSY: another checkpoint (the writer's, or maintenance's) runs now and does the same.
        if (rc != SQLITE_OK && rc != SQLITE_BUSY && !warned) {
            qCWarning(lcStore) << "Checkpointing" << m_path << "failed:" << sqlite3_errmsg(db);
            warned = true;
        }
    }
    sqlite3_close(db);
}

} // namespace arbor

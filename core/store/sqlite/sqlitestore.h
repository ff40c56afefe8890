#pragma once

#include "store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace arbor {

class SqliteCheckpointer;

/**
 * The embedded backend: one SQLite file through Qt Sql, in WAL mode so readers on other
 * connections never block the writer. Each SqliteStore is one named connection owned by the
 * thread that opened it.
 *
 * Qt Sql opens and closes the connection; statements run on its native handle, prepared once
 * and kept in a small cache (indexing runs the same few dozen statements for every range), with
 * values bound straight from the QVariants.
 *
 * Its write-ahead log is checkpointed off the writer's path: past 8 MB of log a commit asks a
 * SqliteCheckpointer (a connection on a thread of its own) for a passive checkpoint; only past
 * 40 MB, when those fell behind a long read, does the writer checkpoint itself.
 */
class SqliteStore final : public Store
{
    Q_DECLARE_TR_FUNCTIONS(arbor::SqliteStore)

public:
    static Result<std::unique_ptr<Store>> open(const DatabaseUrl &url);
    ~SqliteStore() override;


protected:
    Result<QList<SqlRow>> runQuery(const QString &sql, const QVariantList &params) override;
    Status runBulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows) override;
    Status runBulkInsertRows(const QString &table, const QStringList &columns, qsizetype count, const RowFiller &fill) override;
    Status begin() override;
    Status commit() override;
    void rollback() override;
    Result<QStringList> listChainTables(qint64 chainId) override;
    Result<QStringList> listColumns(const QString &table) override;
    QString entityColumnsQuery() const override;
    Status dropChainNamespace(qint64 chainId) override;
    bool tableExists(const QString &table) override;

private:
    explicit SqliteStore(DatabaseUrl url);
    /// The cached prepared statement for `sql`, reset; nullptr with `error` set when it does not prepare.
    sqlite3_stmt *statement(const QString &sql, Error *error);
    void finalizeStatements();
    /// The bulk inserts' loop: `count` rows into `table`, many per INSERT; `bind` binds row `row`
    /// from parameter `index` on and says what went wrong, if anything.
    Status insertRows(const QString &table, const QStringList &columns, qsizetype count,
                      const std::function<Status(sqlite3_stmt *stmt, int index, qsizetype row)> &bind);
    /// SQLite's WAL hook, after each commit on this connection: `frames` pages are in the log.
    static int walCommitted(void *store, sqlite3 *db, const char *name, int frames);

    QString m_connectionName;
    sqlite3 *m_db = nullptr;                        ///< Qt's connection, borrowed
    QHash<QString, sqlite3_stmt *> m_statements;
    std::unique_ptr<SqliteCheckpointer> m_checkpointer;   ///< started by the first commit that needs it
};

} // namespace arbor

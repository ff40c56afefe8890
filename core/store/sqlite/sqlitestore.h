#pragma once

#include "store/store.h"

#include <QCoreApplication>
#include <QSqlDatabase>

namespace arbor {

/**
 * The embedded backend: one SQLite file through Qt Sql, in WAL mode so readers on other
 * connections never block the writer. Each SqliteStore is one named connection owned by the
 * thread that opened it.
 */
class SqliteStore final : public Store
{
    Q_DECLARE_TR_FUNCTIONS(arbor::SqliteStore)

public:
    static Result<std::unique_ptr<Store>> open(const DatabaseUrl &url);
    ~SqliteStore() override;

    Result<QList<SqlRow>> query(const QString &sql, const QVariantList &params = {}) override;
    Status bulkInsert(const QString &table, const QStringList &columns, const QList<SqlRow> &rows) override;

protected:
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

    QString m_connectionName;
};

} // namespace arbor

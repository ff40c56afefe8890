#pragma once

#include "store/postgres/postgrescopy.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QHash>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <pqxx/connection>
#include <pqxx/transaction>

namespace arbor {

/**
 * The shared backend: one PostgreSQL connection through libpqxx. Admin tables live in schema
 * `arbor`, each chain in `chain_<id>`, cross-chain tables in `arbor_global`. libpqxx exceptions
 * are caught here and returned as Error values. The engine lease is backed by a session
 * advisory lock, released by the server when the holding process dies.
 */
class PostgresStore final : public Store
{
    Q_DECLARE_TR_FUNCTIONS(arbor::PostgresStore)

public:
    static Result<std::unique_ptr<Store>> open(const DatabaseUrl &url, const QString &password);
    ~PostgresStore() override;

    /// How long any Arbor transaction may wait for its next statement (see limitIdleTransactions()).
    static constexpr qint64 IdleTransactionBackstopMs = 60000;

    void limitIdleTransactions(qint64 ms) override;

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
    Result<bool> tryLockLease() override;
    void unlockLease() override;
    Result<qint64> serverNow() override;

private:
    explicit PostgresStore(DatabaseUrl url);
    /// Outside a transaction: a connection the server ended (a restart, an idle limit, a cut
    /// network) is opened again, with its session settings, before the next statement. libpqxx
    /// 6 does so by itself only for statements without parameters, which Arbor never sends.
    Status reconnectIfLost();
    Status applyIdleLimit();
    /// The name `statement` runs under as a statement prepared on the server, or null to run it
    /// unnamed. A statement is prepared the second time it runs: parsed and planned once per
    /// session from then on. A range's promotion runs the same dozen statements every range,
    /// and their parsing and planning were a quarter of the server's work for a sparse chain.
    const std::string *preparedName(const std::string &statement);
    /// Drops the server's prepared statements (outside a transaction) and forgets the rest.
    void forgetStatements();
    /// How each of `columns` of `table` goes out in a binary COPY, from the table's column types
    /// (read once per session, again after DDL or a failed COPY); empty: the table goes as text.
    Result<std::vector<pgcopy::Wire>> copyWires(const QString &table, const QStringList &columns);
    Status copyText(const QString &table, const QStringList &columns, const QList<SqlRow> &rows);
    /// COPY in binary through the session's libpq connection, inside m_transaction: `encode`
    /// appends row `row` to `chunk` and says why it refused a value (empty: it did not).
    Status copyBinary(const QString &table, const QStringList &columns, qsizetype count,
                      const std::function<QString(std::string &chunk, qsizetype row)> &encode);

    // pqxx::connection_base has no virtual destructor: own the concrete type, or it never closes.
    std::unique_ptr<pqxx::connection> m_connection;
    std::string m_conninfo;
    qint64 m_idleLimitMs = 0;   ///< limitIdleTransactions(); 0: the backstop
    std::unique_ptr<pqxx::work> m_transaction;
    /// Statement text → its prepared name on m_connection; empty: run once so far.
    std::unordered_map<std::string, std::string> m_statements;
    quint64 m_preparedCount = 0;   ///< names are never reused, even after forgetStatements()
    /// Table → its columns' type OIDs, for copyWires().
    QHash<QString, QHash<QString, unsigned>> m_copyColumns;
    bool m_leaseLocked = false;
    int m_leaseLockSession = 0;   ///< the backend that took the advisory lock: a reconnect loses it
};

} // namespace arbor

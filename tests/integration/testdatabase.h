#pragma once

#include "store/databaseurl.h"
#include "store/store.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace arbor::test {

/**
 * A fresh, empty database for one test on the backend named by ARBOR_TEST_BACKEND
 * ("sqlite", the default, or "postgres"). PostgreSQL databases are created on the server at
 * ARBOR_TEST_PG_URL and dropped again by the destructor.
 */
class TestDatabase
{
public:
    TestDatabase();
    ~TestDatabase();

    static Backend backend();
    /// Empty when the backend can be used; otherwise why not (tests skip locally, fail in CI).
    static QString unavailableReason();

    bool isValid() const { return m_valid; }
    QString error() const { return m_error; }
    const DatabaseUrl &url() const { return m_url; }
    /// "--db" value for arborctl.
    QString urlString() const { return m_url.toString(); }

    /// A new connection on the calling thread; unless `migrate` is false, migrated and with the
    /// global tables created, as Engine::start() leaves it.
    std::unique_ptr<Store> open(bool migrate = true) const;

private:
    QTemporaryDir m_dir;
    DatabaseUrl m_url;
    QString m_pgName;
    bool m_valid = false;
    QString m_error;
};

/// QSKIP locally, QFAIL under CI (CI must run every backend).
#define ARBOR_REQUIRE_BACKEND()                                                        \
    do {                                                                               \
        const QString reason = arbor::test::TestDatabase::unavailableReason();         \
        if (!reason.isEmpty()) {                                                       \
            if (qEnvironmentVariableIsSet("CI"))                                       \
                QFAIL(qPrintable(reason));                                             \
            QSKIP(qPrintable(reason));                                                 \
        }                                                                              \
    } while (false)

} // namespace arbor::test

namespace arbor::test {

/// What is left of a chain in the database: tables, admin rows and global rows, one line each.
/// Empty means nothing remains.
QStringList chainFootprint(Store &store, qint64 chainId);

/// A valid chain configuration that needs no network (for storage tests).
ChainConfig sampleChain(qint64 chainId, const QString &name);
QList<EndpointRecord> sampleEndpoints(const ChainConfig &config);

} // namespace arbor::test

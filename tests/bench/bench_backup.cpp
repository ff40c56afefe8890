// Prints backup and restore times and the backup's size for a database holding N token
// transfers (default 1,000,000) on each backend: SQLite's online backup API, pg_dump and
// pg_restore (PostgreSQL when ARBOR_TEST_PG_URL is set).   bench_backup [rows]
#include "testdatabase.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/databasebackup.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QTemporaryDir>
#include <QTextStream>

using namespace arbor;
using namespace arbor::test;

namespace {

constexpr int Chunk = 100000;

QByteArray bytes(int i, int salt, int size)
{
    QByteArray seed = QByteArray::number(i) + ':' + QByteArray::number(salt);
    return QCryptographicHash::hash(seed, QCryptographicHash::Sha256).left(size);
}

/// `count` transfers in the chain's production table, 50 per block, among 5,000 holders.
Status fill(Store &store, qint64 chainId, int count)
{
    const QStringList columns = {QStringLiteral("block_number"), QStringLiteral("log_index"), QStringLiteral("tx_hash"), QStringLiteral("token"),
                                 QStringLiteral("from_address"), QStringLiteral("to_address"), QStringLiteral("value")};
    const QString table = store.chainTable(chainId, QStringLiteral("token_transfers"));
    const QByteArray token = bytes(0, 1, 20);
    for (int first = 0; first < count; first += Chunk) {
        QList<SqlRow> rows;
        const int n = std::min(Chunk, count - first);
        rows.reserve(n);
        for (int i = first; i < first + n; ++i) {
            rows.append({qint64(i / 50), qint64(i % 50), bytes(i, 2, 32), token, bytes(i % 5000, 3, 20), bytes((i * 7) % 5000, 3, 20),
                         store.u256Value(U256(i + 1) * U256(1000000000000ULL))});
        }
        if (Status s = store.bulkInsert(table, columns, rows); !s)
            return s;
    }
    return {};
}

QString seconds(qint64 ms)
{
    return QString::number(double(ms) / 1000.0, 'f', 2) + QLatin1String(" s");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, atoi(argv[1])) : 1000000;
    QTextStream out(stdout);
    const QList<QByteArray> backends = qEnvironmentVariableIsEmpty("ARBOR_TEST_PG_URL") ? QList<QByteArray>{"sqlite"}
                                                                                        : QList<QByteArray>{"sqlite", "postgres"};
    QTemporaryDir files;
    out << "backup and restore of a database holding " << count << " token_transfers rows\n";
    out << "backend    fill        backup      file size    restore\n";
    out.flush();
    for (const QByteArray &backend : backends) {
        qputenv("ARBOR_TEST_BACKEND", backend);
        TestDatabase source;
        TestDatabase target;
        auto store = source.isValid() ? source.open() : nullptr;
        const ChainConfig config = sampleChain(1, QStringLiteral("bench"));
        if (!store || !target.isValid() || !ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities())) {
            out << backend << ": cannot prepare the databases " << source.error() << target.error() << '\n';
            return 1;
        }
        QElapsedTimer t;
        t.start();
        if (Status s = fill(*store, 1, count); !s) {
            out << backend << ": " << s.error().toString() << '\n';
            return 1;
        }
        const qint64 fillMs = t.elapsed();
        store.reset();

        const QString file = files.filePath(QString::fromLatin1(backend) + QLatin1String(".backup"));
        auto backedUp = DatabaseBackup::backup(source.url(), QString(), file);
        if (!backedUp) {
            out << backend << ": backup: " << backedUp.error().toString() << '\n';
            return 1;
        }
        auto restored = DatabaseBackup::restore(target.url(), QString(), file);
        if (!restored) {
            out << backend << ": restore: " << restored.error().toString() << '\n';
            return 1;
        }
        auto check = target.open(false);
        auto rows = check ? check->rowCount(check->chainTable(1, QStringLiteral("token_transfers"))) : Result<qint64>(Error::internal(QString()));
        if (!rows || *rows != count) {
            out << backend << ": the restored database holds " << (rows ? *rows : -1) << " transfers, not " << count << '\n';
            return 1;
        }
        out << QString::fromLatin1(backend).leftJustified(11) << seconds(fillMs).leftJustified(12) << seconds(backedUp->durationMs).leftJustified(12)
            << QLocale::c().formattedDataSize(backedUp->bytes, 1, QLocale::DataSizeTraditionalFormat).leftJustified(13)
            << seconds(restored->durationMs) << '\n';
        out.flush();
    }
    if (backends.size() == 1)
        out << "postgres: skipped (set ARBOR_TEST_PG_URL, or use tests/bench/run.sh)\n";
    return 0;
}

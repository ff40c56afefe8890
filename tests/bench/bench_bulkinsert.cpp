// Prints bulk-insert throughput (rows/s) into a staging table on each backend: COPY on
// PostgreSQL, a reused prepared INSERT on SQLite.   bench_bulkinsert [rows]
#include "testdatabase.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace arbor;
using namespace arbor::test;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, atoi(argv[1])) : 100000;
    QTextStream out(stdout);
    const QList<QByteArray> backends = qEnvironmentVariableIsEmpty("ARBOR_TEST_PG_URL") ? QList<QByteArray>{"sqlite"}
                                                                                        : QList<QByteArray>{"sqlite", "postgres"};
    out << "bulk insert: " << count << " token_transfers rows into a staging table, one transaction\n";
    for (const QByteArray &backend : backends) {
        qputenv("ARBOR_TEST_BACKEND", backend);
        TestDatabase db;
        auto store = db.isValid() ? db.open() : nullptr;
        const ChainConfig config = sampleChain(1, QStringLiteral("bench"));
        if (!store || !ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities())) {
            out << backend << ": cannot prepare the database " << db.error() << '\n';
            return 1;
        }
        const QStringList columns = {QStringLiteral("block_number"), QStringLiteral("log_index"), QStringLiteral("tx_hash"), QStringLiteral("token"),
                                     QStringLiteral("from_address"), QStringLiteral("to_address"), QStringLiteral("value")};
        QList<SqlRow> rows;
        rows.reserve(count);
        for (int i = 0; i < count; ++i) {
            QByteArray hash(32, char(i));
            rows.append({qint64(i / 50), qint64(i % 50), hash, QByteArray(20, '\x01'), QByteArray(20, char(i % 97)), QByteArray(20, char(i % 89)),
                         store->u256Value(U256(i) * U256(1000000000000ULL))});
        }
        const QString table = ddl::entityTable(store->backend(), ddl::TableKind::Staging, 1, QStringLiteral("token_transfers"));
        QElapsedTimer t;
        t.start();
        if (Status s = store->bulkInsert(table, columns, rows); !s) {
            out << backend << ": " << s.error().toString() << '\n';
            return 1;
        }
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        out << QStringLiteral("%1  %2 s, %3 rows/s\n").arg(QString::fromLatin1(backend).leftJustified(9)).arg(seconds, 0, 'f', 2)
                   .arg(qint64(double(count) / seconds));
    }
    if (backends.size() == 1)
        out << "postgres: skipped (set ARBOR_TEST_PG_URL, or use tests/bench/run.sh)\n";
    return 0;
}

// Prints bulk-insert throughput (rows/s) into a staging table on each backend: COPY on
// PostgreSQL, a reused prepared INSERT on SQLite; for PostgreSQL also the CPU time its server
// process spent, when that process is on this machine.   bench_bulkinsert [rows] [runs]
#include "testdatabase.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <unistd.h>

using namespace arbor;
using namespace arbor::test;

namespace {

/// User + system CPU seconds of process `pid` from /proc, or -1 where it cannot be read.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields[11].toLongLong() + fields[12].toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, atoi(argv[1])) : 100000;
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 5;
    QTextStream out(stdout);
    const QList<QByteArray> backends = qEnvironmentVariableIsEmpty("ARBOR_TEST_PG_URL") ? QList<QByteArray>{"sqlite"}
                                                                                        : QList<QByteArray>{"sqlite", "postgres"};
    out << "bulk insert: " << count << " token_transfers rows into a staging table, one transaction; best of " << runs << " runs\n";
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
        qint64 serverPid = 0;
        if (store->backend() == Backend::Postgres) {
            if (auto pid = store->query(QStringLiteral("SELECT pg_backend_pid()")); pid && !pid->isEmpty())
                serverPid = pid->first().first().toLongLong();
        }
        double best = 0, bestServer = -1;
        for (int run = 0; run < runs; ++run) {
            if (Status s = store->exec(QLatin1String("DELETE FROM ") + table); !s) {
                out << backend << ": " << s.error().toString() << '\n';
                return 1;
            }
            const double serverBefore = cpuSeconds(serverPid);
            QElapsedTimer t;
            t.start();
            if (Status s = store->bulkInsert(table, columns, rows); !s) {
                out << backend << ": " << s.error().toString() << '\n';
                return 1;
            }
            const double seconds = double(t.nsecsElapsed()) / 1e9;
            const double server = serverBefore < 0 ? -1 : cpuSeconds(serverPid) - serverBefore;
            if (run == 0 || seconds < best)
                best = seconds;
            if (server >= 0 && (bestServer < 0 || server < bestServer))
                bestServer = server;
        }
        out << QStringLiteral("%1  %2 s, %3 rows/s").arg(QString::fromLatin1(backend).leftJustified(9)).arg(best, 0, 'f', 3).arg(qint64(double(count) / best));
        if (bestServer >= 0)
            out << QStringLiteral("; the server's CPU %1 s").arg(bestServer, 0, 'f', 3);
        out << '\n';
    }
    if (backends.size() == 1)
        out << "postgres: skipped (set ARBOR_TEST_PG_URL, or use tests/bench/run.sh)\n";
    return 0;
}

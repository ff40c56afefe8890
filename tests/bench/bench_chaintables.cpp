// Prints how long creating and deleting one chain's tables takes on each backend.
// Run: bench_chaintables [iterations]   (PostgreSQL when ARBOR_TEST_PG_URL is set)
#include "testdatabase.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace arbor;
using namespace arbor::test;

namespace {

struct Figures
{
    QList<double> create;
    QList<double> remove;
    double reconcileMs = 0;   ///< start-up schema check with `StartupChains` chains registered
};

constexpr int StartupChains = 34;

double percentile(QList<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size())))];
}

bool measure(int iterations, Figures *out, QString *error)
{
    TestDatabase db;
    if (!db.isValid()) {
        *error = db.error();
        return false;
    }
    auto store = db.open();
    if (!store) {
        *error = QStringLiteral("cannot open the database");
        return false;
    }
    for (int i = 0; i < iterations; ++i) {
        const qint64 id = 1000 + i;
        const ChainConfig config = sampleChain(id, QStringLiteral("bench-%1").arg(i));
        QElapsedTimer t;
        t.start();
        if (Status s = ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()); !s) {
            *error = s.error().toString();
            return false;
        }
        out->create.append(double(t.nsecsElapsed()) / 1e6);

        t.restart();
        for (Status s : {ChainRegistry(*store).markChainDeleting(id), ChainRegistry(*store).removeGlobalRows(id, evmEntities()), ChainRegistry(*store).deleteTrackingRows(id),
                         ChainRegistry(*store).dropChainTables(id), ChainRegistry(*store).forgetChain(id)}) {
            if (!s) {
                *error = s.error().toString();
                return false;
            }
        }
        out->remove.append(double(t.nsecsElapsed()) / 1e6);
    }
    for (int i = 0; i < StartupChains; ++i) {
        const ChainConfig config = sampleChain(5000 + i, QStringLiteral("startup-%1").arg(i));
        if (Status s = ChainRegistry(*store).registerChain(config, sampleEndpoints(config), evmEntities()); !s) {
            *error = s.error().toString();
            return false;
        }
    }
    QElapsedTimer t;
    t.start();
    if (auto changes = store->reconcileEntityTables(evmEntities()); !changes) {
        *error = changes.error().toString();
        return false;
    }
    out->reconcileMs = double(t.nsecsElapsed()) / 1e6;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(1, atoi(argv[1])) : 20;
    QTextStream out(stdout);
    out << "chain tables: " << evmEntities().size() * 2 << " tables per chain (production + staging), " << iterations
        << " chains created and deleted per backend\n";
    const QList<QByteArray> backends = qEnvironmentVariableIsEmpty("ARBOR_TEST_PG_URL") ? QList<QByteArray>{"sqlite"}
                                                                                        : QList<QByteArray>{"sqlite", "postgres"};
    for (const QByteArray &backend : backends) {
        qputenv("ARBOR_TEST_BACKEND", backend);
        Figures f;
        QString error;
        if (!measure(iterations, &f, &error)) {
            out << backend << ": failed: " << error << '\n';
            return 1;
        }
        out << QStringLiteral("%1  create: median %2 ms, p90 %3 ms   delete: median %4 ms, p90 %5 ms   "
                              "start-up schema check with %6 chains: %7 ms\n")
                   .arg(QString::fromLatin1(backend).leftJustified(9))
                   .arg(percentile(f.create, 0.5), 0, 'f', 1)
                   .arg(percentile(f.create, 0.9), 0, 'f', 1)
                   .arg(percentile(f.remove, 0.5), 0, 'f', 1)
                   .arg(percentile(f.remove, 0.9), 0, 'f', 1)
                   .arg(StartupChains)
                   .arg(f.reconcileMs, 0, 'f', 1);
    }
    if (backends.size() == 1)
        out << "postgres: skipped (set ARBOR_TEST_PG_URL, or use tests/bench/run.sh)\n";
    return 0;
}

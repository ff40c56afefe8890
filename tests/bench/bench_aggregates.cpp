// Prints promotion throughput with the daily network stats kept (block_summaries and the day's
// active holders, added to at each head range) and without them, on each backend.
// Run: bench_aggregates [blocks] [rounds]   (PostgreSQL too when ARBOR_TEST_PG_URL is set)
//
// The workload: `blocks` blocks 12 s apart (7,200 a day), 6 transfers each among 5,000
// holders, promoted in head ranges of 100 blocks as the indexer catches up. Each round
// promotes it into a fresh database once with the aggregates off and once on, alternating
// which goes first; the figures are the medians over the rounds.

#include "testdatabase.h"
#include "testvalues.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>

using namespace arbor;
using namespace arbor::test;

namespace {

constexpr qint64 ChainId = 3;
constexpr qint64 RangeBlocks = 100;
constexpr int TransfersPerBlock = 6;
constexpr int Holders = 5000;

QList<IndexBatch> workload(qint64 blocks)
{
    QList<IndexBatch> batches;
    Hash parent;
    quint32 seed = 12345;
    const Address token = addressOf(1, 0x70);
    for (qint64 from = 0; from < blocks; from += RangeBlocks) {
        IndexBatch b;
        b.chainId = ChainId;
        b.from = from;
        b.to = std::min(blocks, from + RangeBlocks) - 1;
        b.tokens = {token};
        for (qint64 n = b.from; n <= b.to; ++n) {
            BlockHeader h{n, hashOf(n), parent, 1'700'000'000 + n * 12, 150, 15'000'000};
            parent = h.hash;
            b.headers.append(h);
            for (int i = 0; i < TransfersPerBlock; ++i) {
                seed = seed * 1664525u + 1013904223u;
                const quint32 from_ = seed % Holders;
                const quint32 to = (seed >> 13) % Holders;
                b.transfers.append({n, i, hashOf(n * 16 + i, 1), token, addressOf(from_ + 1, 0x10), addressOf(to + 1, 0x10), U256(seed % 1000 + 1)});
            }
        }
        batches.append(b);
    }
    return batches;
}

/// Seconds to promote the workload into a fresh database, or a negative number on failure.
double promoteAll(const QList<IndexBatch> &batches, bool aggregates, QString *error)
{
    TestDatabase db;
    if (!db.isValid()) {
        *error = db.error();
        return -1;
    }
    auto store = db.open();
    ChainConfig config = sampleChain(ChainId, QStringLiteral("bench"));
    config.startBlock = 0;
    config.tokens = {batches.first().tokens.first()};
    if (Status s = ChainRegistry(*store).registerChain(config, {}, evmEntities()); !s) {
        *error = s.error().toString();
        return -1;
    }
    store->setKeepAggregates(aggregates);
    QElapsedTimer timer;
    timer.start();
    for (const IndexBatch &b : batches) {
        if (auto r = IndexStore(*store).promote(b, evmEntities()); !r) {
            *error = r.error().toString();
            return -1;
        }
    }
    return timer.nsecsElapsed() / 1e9;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 blocks = args.size() > 1 ? args[1].toLongLong() : 20000;
    const int rounds = args.size() > 2 ? args[2].toInt() : 3;
    QTextStream out(stdout);
    const QList<IndexBatch> batches = workload(blocks);
    const qint64 rows = blocks * (1 + TransfersPerBlock);

    QList<QByteArray> backends{"sqlite"};
    if (qEnvironmentVariableIsSet("ARBOR_TEST_PG_URL"))
        backends.append("postgres");
    for (const QByteArray &backend : backends) {
        qputenv("ARBOR_TEST_BACKEND", backend);
        QList<double> on, off;
        for (int round = 0; round < rounds; ++round) {
            for (const bool aggregates : round % 2 ? QList<bool>{true, false} : QList<bool>{false, true}) {
                QString error;
                const double seconds = promoteAll(batches, aggregates, &error);
                if (seconds < 0) {
                    out << backend << ": " << error << Qt::endl;
                    return 1;
                }
                (aggregates ? on : off).append(seconds);
            }
        }
        const double a = median(off), b = median(on);
        out << QStringLiteral("%1: %2 blocks, %3 rows in ranges of %4 blocks; median of %5 rounds\n"
                              "  aggregates off: %6 s (%7 rows/s)\n"
                              "  aggregates on:  %8 s (%9 rows/s), %10% slower\n")
                   .arg(QString::fromLatin1(backend))
                   .arg(blocks)
                   .arg(rows)
                   .arg(RangeBlocks)
                   .arg(rounds)
                   .arg(a, 0, 'f', 2)
                   .arg(rows / a, 0, 'f', 0)
                   .arg(b, 0, 'f', 2)
                   .arg(rows / b, 0, 'f', 0)
                   .arg((b / a - 1) * 100, 0, 'f', 1)
            << Qt::flush;
    }
    return 0;
}

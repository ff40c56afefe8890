// Balance-queue speed figures on SQLite and PostgreSQL (design §8). Prints; asserts nothing.
//
//  1. Throughput: a chain with --transfers synthetic transfers among --holders holders of
//     --tokens tokens is promoted in ranges (promotion enqueues the holders: its rows/s shows
//     what enqueueing costs), then a QueueProcessor drains the queue (untilEmpty) with 1 worker,
//     then, on a fresh database, with 2: items, seconds, items/s. Goal ≥ 100,000 items/s.
//  2. Lookups: --chains chains × --chain-holders holders with balances, then
//     BalanceStore::tokenBalance (random chain, holder and token) and BalanceStore::portfolio (a
//     holder with a balance on every chain) latency, p50/p95/p99/max in µs. Goals: p99 < 1 ms
//     and < 5 ms. Chain 1 gets its balances the real way (promote + drain); the others too when
//     that fits --real-budget, otherwise chain 1's token_balances rows are copied to them with
//     Store::bulkInsert (the output says which).
//  3. Lag: the same transfers promoted range after range as fast as one thread can while a
//     QueueProcessor drains concurrently; pending items and the oldest pending age sampled every
//     100 ms (queueBacklog, sampleQueueHealth; less often when a sample costs over a third of
//     that); the time from the last promotion to an empty queue.
//
//   bench_queue [--backend sqlite|postgres|both] [--pg URL] [--only 1,2,3]
//               [--transfers 200000] [--holders 100000] [--tokens 3] [--per-block 100] [--range 100]
//               [--chains 34] [--chain-holders 100000] [--lookups 2000] [--balances auto|real|bulk]
//               [--real-budget 60] [--lag-workers 1] [--batch-size N] [--timeout 600] [--timeline]
//
// PostgreSQL: --pg URL or ARBOR_TEST_PG_URL (tests/bench/run.sh starts a throwaway server);
// each phase uses a fresh database that is dropped afterwards.
#include "testdatabase.h"

#include "model/entitydef.h"
#include "queue/queueprocessor.h"
#include "store/balancestore.h"
#include "store/chainregistry.h"
#include "store/ddl.h"
#include "store/indexstore.h"
#include "store/queuestore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace arbor;
using namespace arbor::test;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Options
{
    qint64 transfers = 200000;
    qint64 holders = 100000;
    int tokens = 3;
    qint64 perBlock = 100;          ///< transfers per block
    qint64 rangeBlocks = 100;       ///< blocks per promoted range (IndexerOptions' catch-up range)
    int chains = 34;
    qint64 chainHolders = 100000;
    int lookups = 2000;
    QString balances = QStringLiteral("auto");
    double realBudgetSeconds = 60;
    int lagWorkers = 1;
    int batchSize = 0;              ///< 0: the chain's default
    int timeoutSeconds = 600;
    QList<int> phases{1, 2, 3};
    bool timeline = false;          ///< phase 3: print every health sample
};

// ---- synthetic chain -------------------------------------------------------------------------

quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

Address numberedAddress(char prefix, quint64 n)
{
    QByteArray bytes(Address::Size, '\0');
    bytes[0] = prefix;
    for (int i = 0; i < 8; ++i)
        bytes[Address::Size - 1 - i] = char((n >> (8 * i)) & 0xff);
    return *Address::fromBytes(bytes);
}

Address holderAddress(qint64 i) { return numberedAddress('\x22', quint64(i)); }
Address tokenAddress(int t) { return numberedAddress('\x33', quint64(t)); }

Hash numberedHash(char kind, qint64 chainId, qint64 n)
{
    QByteArray bytes(Hash::Size, '\0');
    bytes[0] = kind;
    for (int i = 0; i < 8; ++i) {
        bytes[8 - i] = char((quint64(chainId) >> (8 * i)) & 0xff);
        bytes[Hash::Size - 1 - i] = char((quint64(n) >> (8 * i)) & 0xff);
    }
    return *Hash::fromBytes(bytes);
}

constexpr qint64 MintValue = 1000000000000000000LL;   // 1 token of 18 decimals

/**
 * Transfer k of a chain: the first `holders` transfers mint 1…1.001 (18 decimals; distinct, so
 * top-holder lists are not one long tie) of token k % tokens to holder k; the rest move 1000…1999 units of token t from a holder minted t to any holder. No balance
 * goes negative, whatever the order.
 */
class Workload
{
public:
    Workload(qint64 holders, int tokens, qint64 transfers, qint64 perBlock)
        : m_holders(holders), m_tokens(tokens), m_transfers(transfers), m_perBlock(perBlock)
    {
    }

    qint64 holders() const { return m_holders; }
    int tokens() const { return m_tokens; }
    qint64 transfers() const { return m_transfers; }
    qint64 blocks() const { return (m_transfers + m_perBlock - 1) / m_perBlock; }

    struct Move
    {
        qint64 from = -1;   ///< -1: minted
        qint64 to = 0;
        int token = 0;
        qint64 value = 0;
    };

    Move move(qint64 k) const
    {
        if (k < m_holders)
            return {-1, k, int(k % m_tokens), MintValue + qint64(mix(~quint64(k)) % 1000000000000000ULL)};
        const int t = int(k % m_tokens);
        const qint64 senders = (m_holders - t + m_tokens - 1) / m_tokens;   // holders h with h % tokens == t
        const quint64 r = mix(quint64(k));
        return {qint64(r % quint64(senders)) * m_tokens + t, qint64((r >> 32) % quint64(m_holders)), t, 1000 + k % 1000};
    }

    /// Blocks [from, to] with their transfers, building on `parent`.
    IndexBatch batch(qint64 chainId, qint64 from, qint64 to, Hash parent) const
    {
        IndexBatch b;
        b.chainId = chainId;
        b.from = from;
        b.to = to;
        for (int t = 0; t < m_tokens; ++t)
            b.tokens.append(tokenAddress(t));
        b.headers.reserve(to - from + 1);
        b.transfers.reserve((to - from + 1) * m_perBlock);
        for (qint64 n = from; n <= to; ++n) {
            const BlockHeader h{n, numberedHash('\x01', chainId, n), parent, 1700000000 + n * 2, m_perBlock, 21000 * m_perBlock};
            parent = h.hash;
            b.headers.append(h);
            for (qint64 k = n * m_perBlock; k < std::min((n + 1) * m_perBlock, m_transfers); ++k) {
                const Move m = move(k);
                b.transfers.append({n, k - n * m_perBlock, numberedHash('\x02', chainId, k), tokenAddress(m.token),
                                    m.from < 0 ? Address() : holderAddress(m.from), holderAddress(m.to), U256(m.value)});
            }
        }
        return b;
    }

    /// Every (holder, token) balance after all transfers, index holder * tokens + token, and
    /// how many pairs a transfer touched (what the queue should process).
    std::vector<qint64> expectedBalances(qint64 *touched) const
    {
        std::vector<qint64> balance(size_t(m_holders * m_tokens), 0);
        std::vector<bool> seen(balance.size(), false);
        for (qint64 k = 0; k < m_transfers; ++k) {
            const Move m = move(k);
            if (m.from >= 0) {
                balance[size_t(m.from * m_tokens + m.token)] -= m.value;
                seen[size_t(m.from * m_tokens + m.token)] = true;
            }
            balance[size_t(m.to * m_tokens + m.token)] += m.value;
            seen[size_t(m.to * m_tokens + m.token)] = true;
        }
        *touched = qint64(std::count(seen.begin(), seen.end(), true));
        return balance;
    }

private:
    qint64 m_holders;
    int m_tokens;
    qint64 m_transfers;
    qint64 m_perBlock;
};

// ---- helpers ----------------------------------------------------------------------------------

QString num(double v, int decimals = 0) { return QString::number(v, 'f', decimals); }

/// The 1-minute load average: figures taken on a busy machine say so.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readLine().split(' ').value(0)) : QStringLiteral("?");
}

/// The value at fraction p of the sorted samples (nearest rank).
double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const size_t rank = size_t(std::ceil(p * double(sorted.size())));
    return sorted[std::min(sorted.size() - 1, rank == 0 ? 0 : rank - 1)];
}

QString latencyLine(std::vector<double> us)
{
    std::sort(us.begin(), us.end());
    return QStringLiteral("p50 %1 µs  p95 %2 µs  p99 %3 µs  max %4 µs  (%5 lookups)")
        .arg(num(percentile(us, 0.50)), num(percentile(us, 0.95)), num(percentile(us, 0.99)), num(us.empty() ? 0 : us.back()))
        .arg(us.size());
}

Status registerBenchChain(Store &store, qint64 chainId, int tokens, const Options &options)
{
    ChainConfig config = sampleChain(chainId, QStringLiteral("bench-%1").arg(chainId));
    config.startBlock = 0;
    config.tokens.clear();
    QList<TokenInfo> infos;
    for (int t = 0; t < tokens; ++t) {
        config.tokens.append(tokenAddress(t));
        TokenInfo info;
        info.address = tokenAddress(t);
        info.name = QStringLiteral("Bench Token %1").arg(t);
        info.symbol = QStringLiteral("BT%1").arg(t);
        info.decimals = 18;
        info.deployBlock = 0;
        info.balanceMode = BalanceMode::Transfers;
        infos.append(info);
    }
    if (Status s = ChainRegistry(store).registerChain(config, sampleEndpoints(config), evmEntities(), infos); !s)
        return s;
    if (options.batchSize > 0) {
        auto queue = QueueStore(store).queueConfig(chainId);
        if (!queue)
            return queue.error();
        QueueConfig changed = *queue;
        changed.batchSize = options.batchSize;
        return QueueStore(store).setQueueConfig(changed);
    }
    return {};
}

struct PromoteFigures
{
    qint64 ranges = 0;
    qint64 transfers = 0;
    qint64 rows = 0;            ///< production rows, as promote() counts them
    double seconds = 0;
    std::vector<double> rangeMs;
};

/// Promotes the whole workload in ranges of `rangeBlocks`, timing promote() alone (building
/// the batches is not counted).
Status promoteAll(Store &store, qint64 chainId, const Workload &w, qint64 rangeBlocks, PromoteFigures *f)
{
    Hash parent;
    for (qint64 from = 0; from < w.blocks(); from += rangeBlocks) {
        const IndexBatch batch = w.batch(chainId, from, std::min(from + rangeBlocks, w.blocks()) - 1, parent);
        parent = batch.headers.last().hash;
        QElapsedTimer t;
        t.start();
        auto r = IndexStore(store).promote(batch, evmEntities());
        const double ms = double(t.nsecsElapsed()) / 1e6;
        if (!r)
            return Error::internal(QStringLiteral("promote [%1, %2]: %3").arg(batch.from).arg(batch.to).arg(r.error().toString()));
        f->rangeMs.push_back(ms);
        f->seconds += ms / 1000;
        f->rows += r->rows;
        f->transfers += batch.transfers.size();
        ++f->ranges;
    }
    return {};
}

QString promoteLine(const PromoteFigures &f)
{
    std::vector<double> ms = f.rangeMs;
    std::sort(ms.begin(), ms.end());
    return QStringLiteral("%1 ranges, %2 transfers (%3 rows) in %4 s: %5 transfers/s, %6 rows/s; per range p50 %7 ms, max %8 ms")
        .arg(f.ranges)
        .arg(f.transfers)
        .arg(f.rows)
        .arg(num(f.seconds, 2))
        .arg(num(double(f.transfers) / f.seconds))
        .arg(num(double(f.rows) / f.seconds))
        .arg(num(percentile(ms, 0.5), 1))
        .arg(num(ms.empty() ? 0 : ms.back(), 1));
}

struct DrainFigures
{
    QueueRunStats totals;
    qint64 batches = 0;
    std::vector<double> batchMs;    ///< time between batches done (all workers together)
    double seconds = 0;
    bool timedOut = false;
    qint64 workerErrors = 0;
    QString firstWorkerError;
};

/// Runs a QueueProcessor with `workers` until the queue is empty (or the timeout).
DrainFigures drainQueue(const TestDatabase &db, int workers, int timeoutSeconds)
{
    DrainFigures f;
    QueueOptions options;
    options.workers = workers;
    options.untilEmpty = true;
    QueueProcessor processor(db.url(), QString(), options);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&processor, &QueueProcessor::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QElapsedTimer sinceBatch;
    QObject::connect(&processor, &QueueProcessor::batchDone, &loop, [&f, &sinceBatch] {
        ++f.batches;
        f.batchMs.push_back(double(sinceBatch.nsecsElapsed()) / 1e6);
        sinceBatch.restart();
    });
    QObject::connect(&processor, &QueueProcessor::workerError, &loop, [&f](const QString &message) {
        if (f.workerErrors++ == 0)
            f.firstWorkerError = message;
    });
    QTimer::singleShot(timeoutSeconds * 1000, &loop, [&] {
        f.timedOut = true;
        loop.quit();
    });
    QElapsedTimer t;
    t.start();
    sinceBatch.start();
    processor.start();
    if (!finished)
        loop.exec();
    f.seconds = double(t.nsecsElapsed()) / 1e9;
    f.totals = processor.totals();
    return f;
}

QString drainLine(const DrainFigures &f)
{
    std::vector<double> ms = f.batchMs;
    std::sort(ms.begin(), ms.end());
    QString line = QStringLiteral("%1 items in %2 s: %3 items/s (%4 batches, p50 %5 ms, max %6 ms; retried %7, failed %8)")
                       .arg(f.totals.completed)
                       .arg(num(f.seconds, 2))
                       .arg(num(double(f.totals.completed) / f.seconds))
                       .arg(f.batches)
                       .arg(num(percentile(ms, 0.5)), num(ms.empty() ? 0 : ms.back()))
                       .arg(f.totals.retried)
                       .arg(f.totals.failed);
    if (f.timedOut)
        line += QStringLiteral("  TIMED OUT");
    if (f.workerErrors > 0)
        line += QStringLiteral("  %1 worker errors, first: %2").arg(f.workerErrors).arg(f.firstWorkerError);
    return line;
}

/// Compares `samples` random (holder, token) balances with what the workload implies.
QString checkBalances(Store &store, qint64 chainId, const Workload &w, const std::vector<qint64> &expected, int samples)
{
    std::mt19937_64 rng(7);
    int wrong = 0;
    QString first;
    for (int i = 0; i < samples; ++i) {
        const qint64 h = qint64(rng() % quint64(w.holders()));
        const int t = int(rng() % quint64(w.tokens()));
        auto b = BalanceStore(store).tokenBalance(chainId, tokenAddress(t), holderAddress(h));
        const qint64 want = expected[size_t(h * w.tokens() + t)];
        if (!b || b->balance != U256(want)) {
            if (wrong++ == 0)
                first = !b ? b.error().toString()
                           : QStringLiteral("holder %1 token %2: %3, expected %4").arg(h).arg(t).arg(u256::toDecimal(b->balance)).arg(want);
        }
    }
    return wrong == 0 ? QStringLiteral("%1 sampled balances correct").arg(samples)
                      : QStringLiteral("%1 of %2 sampled balances WRONG, first: %3").arg(wrong).arg(samples).arg(first);
}

// ---- 1. throughput ----------------------------------------------------------------------------

bool phaseThroughput(const Options &o)
{
    const Workload w(o.holders, o.tokens, o.transfers, o.perBlock);
    qint64 touched = 0;
    const std::vector<qint64> expected = w.expectedBalances(&touched);
    out() << "1. queue throughput: " << w.transfers() << " transfers among " << w.holders() << " holders of " << w.tokens()
          << " tokens, " << o.rangeBlocks * o.perBlock << " per range; " << touched << " (holder, token) pairs to update"
          << Qt::endl;
    constexpr qint64 ChainId = 1;
    for (int workers : {1, 2}) {
        TestDatabase db;
        auto store = db.isValid() ? db.open() : nullptr;
        if (!store) {
            out() << "   cannot prepare the database " << db.error() << Qt::endl;
            return false;
        }
        if (Status s = registerBenchChain(*store, ChainId, o.tokens, o); !s) {
            out() << "   register: " << s.error().toString() << Qt::endl;
            return false;
        }
        PromoteFigures p;
        if (Status s = promoteAll(*store, ChainId, w, o.rangeBlocks, &p); !s) {
            out() << "   " << s.error().toString() << Qt::endl;
            return false;
        }
        out() << "   promotion with enqueue: " << promoteLine(p) << Qt::endl;
        auto backlog = QueueStore(*store).queueBacklog(ChainId);
        out() << "   queued: " << (backlog ? QString::number(backlog->first) : backlog.error().toString()) << " items" << Qt::endl;
        const DrainFigures d = drainQueue(db, workers, o.timeoutSeconds);
        out() << "   drain, " << workers << (workers == 1 ? " worker:  " : " workers: ") << drainLine(d) << Qt::endl;
        out() << "   check: " << checkBalances(*store, ChainId, w, expected, 1000) << Qt::endl;
    }
    return true;
}

// ---- 2. lookups -------------------------------------------------------------------------------

/// Copies chain `source`'s token_balances rows (production and global) to every chain of
/// `targets` with Store::bulkInsert, one transaction per chain; the rows are read once.
Status copyBalances(Store &store, qint64 source, const QList<qint64> &targets, qint64 *rows)
{
    const QString entity = QStringLiteral("token_balances");
    struct Copy
    {
        ddl::TableKind kind;
        QStringList columns;
        qsizetype chainColumn = -1;
        QList<SqlRow> rows;
    };
    QList<Copy> copies;
    for (ddl::TableKind kind : {ddl::TableKind::Production, ddl::TableKind::Global}) {
        const QString from = ddl::entityTable(store.backend(), kind, kind == ddl::TableKind::Global ? 0 : source, entity);
        auto columns = store.tableColumns(from);
        if (!columns)
            return columns.error();
        Copy c{kind, *columns, columns->indexOf(QStringLiteral("chain_id")), {}};
        QString sql = QStringLiteral("SELECT ") + c.columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ") + from;
        QVariantList params;
        if (c.chainColumn >= 0) {
            sql += QStringLiteral(" WHERE chain_id = ?");
            params.append(source);
        }
        auto selected = store.query(sql, params);
        if (!selected)
            return selected.error();
        c.rows = std::move(*selected);
        copies.append(std::move(c));
    }
    for (qint64 target : targets) {
        Status s = store.transaction([&]() -> Status {
            for (Copy &c : copies) {
                if (c.chainColumn >= 0) {
                    for (SqlRow &row : c.rows)
                        row[c.chainColumn] = target;
                }
                const QString to = ddl::entityTable(store.backend(), c.kind, c.kind == ddl::TableKind::Global ? 0 : target, entity);
                if (Status s = store.bulkInsert(to, c.columns, c.rows); !s)
                    return s;
                *rows += c.rows.size();
            }
            return {};
        });
        if (!s)
            return Error::internal(QStringLiteral("chain %1: %2").arg(target).arg(s.error().toString()));
    }
    return {};
}

bool phaseLookups(const Options &o)
{
    const Workload w(o.chainHolders, o.tokens, o.chainHolders, o.perBlock);   // mints only: one balance per holder and chain
    out() << "2. lookups: " << o.chains << " chains x " << w.holders() << " holders, each holding one of " << w.tokens() << " tokens on every chain"
          << Qt::endl;
    TestDatabase db;
    auto store = db.isValid() ? db.open() : nullptr;
    if (!store) {
        out() << "   cannot prepare the database " << db.error() << Qt::endl;
        return false;
    }
    QList<qint64> chainIds;
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < o.chains; ++i) {
        chainIds.append(101 + i);
        if (Status s = registerBenchChain(*store, chainIds.last(), o.tokens, o); !s) {
            out() << "   register: " << s.error().toString() << Qt::endl;
            return false;
        }
    }
    out() << "   " << o.chains << " chains registered in " << num(double(t.nsecsElapsed()) / 1e9, 2) << " s" << Qt::endl;

    // Chain 1 the real way, timed; then the others the same way or by copying its rows.
    auto realPath = [&](qint64 chainId, double *seconds) -> bool {
        QElapsedTimer timer;
        timer.start();
        PromoteFigures p;
        if (Status s = promoteAll(*store, chainId, w, o.rangeBlocks, &p); !s) {
            out() << "   " << s.error().toString() << Qt::endl;
            return false;
        }
        const DrainFigures d = drainQueue(db, 1, o.timeoutSeconds);
        if (d.timedOut || d.totals.completed < w.holders()) {
            out() << "   chain " << chainId << " drain: " << drainLine(d) << Qt::endl;
            return false;
        }
        *seconds = double(timer.nsecsElapsed()) / 1e9;
        return true;
    };
    double firstSeconds = 0;
    if (!realPath(chainIds.first(), &firstSeconds))
        return false;
    const double estimate = firstSeconds * (o.chains - 1);
    const bool real = o.balances == u"real" || (o.balances == u"auto" && estimate <= o.realBudgetSeconds);
    out() << "   chain " << chainIds.first() << " by the real path (promote " << w.transfers() << " transfers + drain): "
          << num(firstSeconds, 2) << " s; the other " << o.chains - 1 << " would take ~" << num(estimate, 0) << " s" << Qt::endl;
    t.restart();
    if (real) {
        for (qsizetype i = 1; i < chainIds.size(); ++i) {
            double seconds = 0;
            if (!realPath(chainIds[i], &seconds))
                return false;
        }
        out() << "   balances: REAL PATH for all chains (promote + drain per chain), the others in "
              << num(double(t.nsecsElapsed()) / 1e9, 2) << " s" << Qt::endl;
    } else {
        qint64 rows = 0;
        if (Status s = copyBalances(*store, chainIds.first(), chainIds.mid(1), &rows); !s) {
            out() << "   bulk copy: " << s.error().toString() << Qt::endl;
            return false;
        }
        const double seconds = double(t.nsecsElapsed()) / 1e9;
        out() << "   balances: chain " << chainIds.first() << " by the real path, the other " << o.chains - 1
              << " BULK-LOADED (chain " << chainIds.first() << "'s token_balances rows copied with Store::bulkInsert into production and global): "
              << rows << " rows in " << num(seconds, 2) << " s (" << num(double(rows) / seconds) << " rows/s)" << Qt::endl;
    }

    if (store->backend() == Backend::Postgres) {
        // What autovacuum does within a minute of loading; fresh tables have no statistics.
        t.restart();
        if (Status s = store->exec(QStringLiteral("ANALYZE")); !s) {
            out() << "   ANALYZE: " << s.error().toString() << Qt::endl;
            return false;
        }
        out() << "   ANALYZE (as autovacuum would after loading): " << num(double(t.nsecsElapsed()) / 1e9, 2) << " s" << Qt::endl;
    }

    std::mt19937_64 rng(42);
    auto randomHolder = [&] { return qint64(rng() % quint64(w.holders())); };
    qint64 errors = 0;
    QString firstError;
    auto noteError = [&](const Error &e) {
        if (errors++ == 0)
            firstError = e.toString();
    };
    for (int i = 0; i < 200; ++i)   // warm-up, not counted
        (void)BalanceStore(*store).tokenBalance(chainIds[rng() % quint64(chainIds.size())], tokenAddress(int(rng() % quint64(w.tokens()))), holderAddress(randomHolder()));

    std::vector<double> us;
    qint64 nonZero = 0;
    for (int i = 0; i < o.lookups; ++i) {
        const qint64 chain = chainIds[rng() % quint64(chainIds.size())];
        const Address token = tokenAddress(int(rng() % quint64(w.tokens())));
        const Address holder = holderAddress(randomHolder());
        QElapsedTimer timer;
        timer.start();
        auto b = BalanceStore(*store).tokenBalance(chain, token, holder);
        us.push_back(double(timer.nsecsElapsed()) / 1e3);
        if (!b)
            noteError(b.error());
        else if (b->balance != 0)
            ++nonZero;
    }
    out() << "   tokenBalance (random chain, holder, token; " << nonZero << " non-zero): " << latencyLine(us) << "  [goal p99 < 1000 µs]"
          << Qt::endl;

    for (int i = 0; i < 50; ++i)
        (void)BalanceStore(*store).portfolio(holderAddress(randomHolder()));
    us.clear();
    qsizetype minRows = std::numeric_limits<qsizetype>::max(), maxRows = 0;
    for (int i = 0; i < o.lookups; ++i) {
        const Address holder = holderAddress(randomHolder());
        QElapsedTimer timer;
        timer.start();
        auto p = BalanceStore(*store).portfolio(holder);
        us.push_back(double(timer.nsecsElapsed()) / 1e3);
        if (!p) {
            noteError(p.error());
            continue;
        }
        minRows = std::min(minRows, p->size());
        maxRows = std::max(maxRows, p->size());
    }
    out() << "   portfolio (" << (maxRows == 0 ? 0 : minRows) << "-" << maxRows << " balances on " << o.chains << " chains): " << latencyLine(us)
          << "  [goal p99 < 5000 µs]" << Qt::endl;

    us.clear();
    for (int i = 0; i < std::max(100, o.lookups / 10); ++i) {
        const qint64 chain = chainIds[rng() % quint64(chainIds.size())];
        QElapsedTimer timer;
        timer.start();
        auto top = BalanceStore(*store).topHolders(chain, tokenAddress(int(rng() % quint64(w.tokens()))), 10);
        us.push_back(double(timer.nsecsElapsed()) / 1e3);
        if (!top)
            noteError(top.error());
    }
    out() << "   topHolders (10): " << latencyLine(us) << Qt::endl;
    if (errors > 0)
        out() << "   " << errors << " lookups FAILED, first: " << firstError << Qt::endl;
    return true;
}

// ---- 3. lag -----------------------------------------------------------------------------------

bool phaseLag(const Options &o)
{
    const Workload w(o.holders, o.tokens, o.transfers, o.perBlock);
    qint64 touched = 0;
    const std::vector<qint64> expected = w.expectedBalances(&touched);
    out() << "3. queue lag: " << w.transfers() << " transfers promoted range after range on one thread while a QueueProcessor ("
          << o.lagWorkers << (o.lagWorkers == 1 ? " worker" : " workers") << ") drains; backlog and health sampled every 100 ms (or 3x their cost)" << Qt::endl;
    constexpr qint64 ChainId = 1;
    TestDatabase db;
    auto store = db.isValid() ? db.open() : nullptr;
    if (!store) {
        out() << "   cannot prepare the database " << db.error() << Qt::endl;
        return false;
    }
    if (Status s = registerBenchChain(*store, ChainId, o.tokens, o); !s) {
        out() << "   register: " << s.error().toString() << Qt::endl;
        return false;
    }

    QueueOptions options;
    options.workers = o.lagWorkers;
    QueueProcessor processor(db.url(), QString(), options);
    qint64 workerErrors = 0;
    QString firstWorkerError;
    QObject::connect(&processor, &QueueProcessor::workerError, &processor, [&](const QString &message) {
        if (workerErrors++ == 0)
            firstWorkerError = message;
    });

    // The promoter: its own connection on its own thread, as the engine's writer.
    PromoteFigures promoted;
    QString promoteError;
    QElapsedTimer clock;
    std::atomic<qint64> lastPromotionNs{0};
    std::unique_ptr<QThread> promoter(QThread::create([&] {
        auto own = Store::open(db.url());
        if (!own) {
            promoteError = own.error().toString();
            return;
        }
        if (Status s = promoteAll(**own, ChainId, w, o.rangeBlocks, &promoted); !s)
            promoteError = s.error().toString();
        lastPromotionNs = clock.nsecsElapsed();
    }));

    qint64 maxPending = 0, maxOldestMs = 0, completedByLastPromotion = -1;
    std::vector<double> backlogMs, healthMs;
    QString sampleError;
    bool timedOut = false;
    double drainedAt = 0;
    qint64 nextHealthNs = 0;
    QEventLoop loop;
    // Both samples read the queue table: each runs every 100 ms (the backlog every 10 ms once the
    // last range is in, to see the queue empty), but never more often than three times its last
    // cost, so that the sampler's own connection stays a minor load on the 2-core box.
    qint64 nextBacklogNs = 0;
    bool promotionsDone = false;
    QTimer sampler;
    sampler.setInterval(10);
    QObject::connect(&sampler, &QTimer::timeout, &loop, [&] {
        QElapsedTimer cost;
        if (clock.nsecsElapsed() >= nextBacklogNs) {
            cost.start();
            auto backlog = QueueStore(*store).queueBacklog(ChainId);
            backlogMs.push_back(double(cost.nsecsElapsed()) / 1e6);
            nextBacklogNs = clock.nsecsElapsed() + std::max<qint64>(promotionsDone ? 10000000 : 100000000, 3 * cost.nsecsElapsed());
            if (!backlog) {
                if (sampleError.isEmpty())
                    sampleError = backlog.error().toString();
            } else {
                maxPending = std::max(maxPending, backlog->first);
                if (promotionsDone && backlog->first == 0) {
                    drainedAt = double(clock.nsecsElapsed()) / 1e9;
                    loop.quit();
                    return;
                }
            }
        }
        if (clock.nsecsElapsed() < nextHealthNs)
            return;
        cost.restart();
        auto health = QueueStore(*store).sampleQueueHealth(false);
        healthMs.push_back(double(cost.nsecsElapsed()) / 1e6);
        nextHealthNs = clock.nsecsElapsed() + std::max<qint64>(100000000, 3 * cost.nsecsElapsed());
        if (!health) {
            if (sampleError.isEmpty())
                sampleError = health.error().toString();
            return;
        }
        for (const QueueHealth &h : *health) {
            if (h.chainId != ChainId)
                continue;
            maxOldestMs = std::max(maxOldestMs, h.oldestPendingAgeMs);
            if (o.timeline)
                out() << QStringLiteral("   t=%1 s  pending %2  processing %3  oldest %4 ms  completed %5\n")
                             .arg(num(double(clock.nsecsElapsed()) / 1e9, 1))
                             .arg(h.pending)
                             .arg(h.processing)
                             .arg(h.oldestPendingAgeMs)
                             .arg(processor.totals().completed);
        }
    });
    QObject::connect(promoter.get(), &QThread::finished, &loop, [&] {
        completedByLastPromotion = processor.totals().completed;
        promotionsDone = true;
        nextBacklogNs = 0;
        if (!promoteError.isEmpty())
            loop.quit();
    });
    QTimer::singleShot(o.timeoutSeconds * 1000, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    clock.start();
    processor.start();
    promoter->start();
    sampler.start();
    loop.exec();
    sampler.stop();
    promoter->wait();
    const QueueRunStats totals = processor.totals();

    if (!promoteError.isEmpty()) {
        out() << "   promotion failed: " << promoteError << Qt::endl;
        return false;
    }
    const double lastPromotion = double(lastPromotionNs.load()) / 1e9;
    out() << "   promotion while draining: " << promoteLine(promoted) << Qt::endl;
    out() << "   queue: max pending " << maxPending << ", max oldest pending age " << maxOldestMs << " ms, " << completedByLastPromotion
          << " items done by the last promotion (at " << num(lastPromotion, 2) << " s)" << Qt::endl;
    if (timedOut)
        out() << "   queue NOT EMPTY after the " << o.timeoutSeconds << " s timeout" << Qt::endl;
    else
        out() << "   last promotion to empty queue: " << num(drainedAt - lastPromotion, 2) << " s (empty at " << num(drainedAt, 2) << " s); "
              << totals.completed << " items (" << touched << " pairs touched), retried " << totals.retried << ", failed " << totals.failed
              << Qt::endl;
    std::sort(backlogMs.begin(), backlogMs.end());
    std::sort(healthMs.begin(), healthMs.end());
    out() << "   sampling cost: queueBacklog " << backlogMs.size() << "x, p50 " << num(percentile(backlogMs, 0.5), 1) << " ms, max "
          << num(backlogMs.empty() ? 0 : backlogMs.back(), 1) << " ms; sampleQueueHealth " << healthMs.size() << "x, p50 "
          << num(percentile(healthMs, 0.5), 1) << " ms, max " << num(healthMs.empty() ? 0 : healthMs.back(), 1) << " ms" << Qt::endl;
    if (!sampleError.isEmpty())
        out() << "   sampling FAILED: " << sampleError << Qt::endl;
    if (workerErrors > 0)
        out() << "   " << workerErrors << " worker errors, first: " << firstWorkerError << Qt::endl;
    if (!timedOut)
        out() << "   check: " << checkBalances(*store, ChainId, w, expected, 1000) << Qt::endl;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Balance-queue throughput, balance lookup latency and queue lag."));
    parser.addHelpOption();
    auto option = [&](const char *name, const char *help, const char *value, const char *fallback) {
        QCommandLineOption opt(QString::fromLatin1(name), QString::fromLatin1(help), QString::fromLatin1(value), QString::fromLatin1(fallback));
        parser.addOption(opt);
        return opt;
    };
    const auto backendOpt = option("backend", "sqlite, postgres or both (postgres needs --pg or ARBOR_TEST_PG_URL).", "NAME", "both");
    const auto pgOpt = option("pg", "PostgreSQL server URL (default: ARBOR_TEST_PG_URL).", "URL", "");
    const auto onlyOpt = option("only", "Phases to run, e.g. 1,3.", "LIST", "1,2,3");
    const auto transfersOpt = option("transfers", "Phases 1 and 3: transfers.", "N", "200000");
    const auto holdersOpt = option("holders", "Phases 1 and 3: holders.", "N", "100000");
    const auto tokensOpt = option("tokens", "Tokens per chain.", "N", "3");
    const auto perBlockOpt = option("per-block", "Transfers per block.", "N", "100");
    const auto rangeOpt = option("range", "Blocks per promoted range.", "N", "100");
    const auto chainsOpt = option("chains", "Phase 2: chains.", "N", "34");
    const auto chainHoldersOpt = option("chain-holders", "Phase 2: holders per chain.", "N", "100000");
    const auto lookupsOpt = option("lookups", "Phase 2: lookups of each kind.", "N", "2000");
    const auto balancesOpt = option("balances", "Phase 2: auto, real or bulk.", "PATH", "auto");
    const auto budgetOpt = option("real-budget", "Phase 2 auto: the most seconds the real path may take for the other chains.", "S", "60");
    const auto lagWorkersOpt = option("lag-workers", "Phase 3: queue workers.", "N", "1");
    const auto batchOpt = option("batch-size", "Queue batch size (default: the chain's).", "N", "0");
    const auto timeoutOpt = option("timeout", "Seconds before a drain is given up.", "S", "600");
    const QCommandLineOption timelineOpt(QStringLiteral("timeline"), QStringLiteral("Phase 3: print every health sample."));
    parser.addOption(timelineOpt);
    parser.process(app);

    Options o;
    o.transfers = std::max(1LL, parser.value(transfersOpt).toLongLong());
    o.holders = std::max(1LL, parser.value(holdersOpt).toLongLong());
    o.tokens = std::clamp(parser.value(tokensOpt).toInt(), 1, 200);
    o.perBlock = std::max(1LL, parser.value(perBlockOpt).toLongLong());
    o.rangeBlocks = std::max(1LL, parser.value(rangeOpt).toLongLong());
    o.chains = std::max(1, parser.value(chainsOpt).toInt());
    o.chainHolders = std::max(1LL, parser.value(chainHoldersOpt).toLongLong());
    o.lookups = std::max(1, parser.value(lookupsOpt).toInt());
    o.balances = parser.value(balancesOpt);
    o.realBudgetSeconds = parser.value(budgetOpt).toDouble();
    o.lagWorkers = std::max(1, parser.value(lagWorkersOpt).toInt());
    o.batchSize = std::max(0, parser.value(batchOpt).toInt());
    o.timeoutSeconds = std::max(1, parser.value(timeoutOpt).toInt());
    o.timeline = parser.isSet(timelineOpt);
    o.phases.clear();
    for (const QString &p : parser.value(onlyOpt).split(QLatin1Char(','), Qt::SkipEmptyParts))
        o.phases.append(p.trimmed().toInt());
    if (o.transfers < o.holders) {
        out() << "--transfers must be at least --holders (the first transfers mint to every holder)" << Qt::endl;
        return 2;
    }
    if (o.balances != u"auto" && o.balances != u"real" && o.balances != u"bulk") {
        out() << "--balances: auto, real or bulk" << Qt::endl;
        return 2;
    }

    if (parser.isSet(pgOpt))
        qputenv("ARBOR_TEST_PG_URL", parser.value(pgOpt).toUtf8());
    const QString backend = parser.value(backendOpt);
    QList<QByteArray> backends;
    if (backend == u"sqlite" || backend == u"both")
        backends.append("sqlite");
    if (backend == u"postgres" || backend == u"both") {
        if (!qEnvironmentVariableIsEmpty("ARBOR_TEST_PG_URL"))
            backends.append("postgres");
        else if (backend == u"postgres") {
            out() << "postgres: needs --pg URL or ARBOR_TEST_PG_URL" << Qt::endl;
            return 2;
        }
    }
    if (backends.isEmpty()) {
        out() << "--backend: sqlite, postgres or both" << Qt::endl;
        return 2;
    }

    bool ok = true;
    QElapsedTimer total;
    total.start();
    for (const QByteArray &b : backends) {
        qputenv("ARBOR_TEST_BACKEND", b);
        out() << "== " << b << "  (load average " << loadAverage() << " on " << QThread::idealThreadCount() << " cores)" << Qt::endl;
        QElapsedTimer t;
        t.start();
        if (o.phases.contains(1))
            ok = phaseThroughput(o) && ok;
        if (o.phases.contains(2))
            ok = phaseLookups(o) && ok;
        if (o.phases.contains(3))
            ok = phaseLag(o) && ok;
        out() << "   (" << b << ": " << num(double(t.nsecsElapsed()) / 1e9, 1) << " s; load average now " << loadAverage() << ")" << Qt::endl;
    }
    if (backend == u"both" && backends.size() == 1)
        out() << "postgres: skipped (set --pg or ARBOR_TEST_PG_URL, or use tests/bench/run.sh)" << Qt::endl;
    out() << "total " << num(double(total.nsecsElapsed()) / 1e9, 1) << " s" << Qt::endl;
    return ok ? 0 : 1;
}

// Prints how fast head ranges of ERC-8004 reputation events promote for one agent that already
// has a long history, on each backend: the agent's summary (feedback counts, the averages per
// tag, the latest feedback) is kept at promotion, and this shows whether that cost grows with
// the agent's history.
// Run: bench_agents [prior sizes…]   (default 5000 50000; PostgreSQL too when ARBOR_TEST_PG_URL is set)
//
// The workload: one agent of one reputation registry. Its prior history is promoted first in
// head ranges of 5,000 events (not timed); then 5,000 more events in head ranges of 20 blocks
// with 5 events each (100 per range) are timed. Events: about 80% NewFeedback (values with 0,
// 2 or 18 decimals among a dozen tags, from 500 clients), 12% FeedbackRevoked of a random
// earlier feedback (old ones too), 8% ResponseAppended. Median of `rounds` fresh databases.

#include "testdatabase.h"
#include "testvalues.h"

#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <random>

using namespace arbor;
using namespace arbor::test;

namespace {

constexpr qint64 ChainId = 5;
constexpr int TimedEvents = 5000;
constexpr int TimedBlocksPerRange = 20;
constexpr int EventsPerBlock = 5;
constexpr int PriorEventsPerRange = 5000;
constexpr int PriorEventsPerBlock = 50;
constexpr int Clients = 500;

const Address Registry = addressOf(7, 0x80);

/// Makes one agent's events in chain order and the head ranges that carry them.
class Workload
{
public:
    /// `count` events in ranges of `blocksPerRange` blocks of `perBlock` events each.
    QList<IndexBatch> ranges(int count, int blocksPerRange, int perBlock)
    {
        QList<IndexBatch> out;
        while (count > 0) {
            IndexBatch b;
            b.chainId = ChainId;
            b.from = m_nextBlock;
            b.to = m_nextBlock + blocksPerRange - 1;
            b.registries = QList<Address>{Registry};
            for (qint64 n = b.from; n <= b.to; ++n) {
                BlockHeader h{n, hashOf(n), m_parent, 1'700'000'000 + n * 12, perBlock, 21000 * perBlock};
                m_parent = h.hash;
                b.headers.append(h);
                for (int i = 0; i < perBlock && count > 0; ++i, --count)
                    b.agentEvents.append(event(n, i));
            }
            m_nextBlock = b.to + 1;
            out.append(b);
        }
        return out;
    }

private:
    AgentEvent event(qint64 block, int log)
    {
        AgentEvent e;
        e.blockNumber = block;
        e.logIndex = log;
        e.txHash = hashOf(block * 64 + log, 9);
        e.registry = Registry;
        e.kind = RegistryKind::Reputation;
        e.agentId = U256(42);
        const int roll = int(m_random() % 100);
        if (roll < 12 && !m_given.isEmpty()) {
            const auto [client, index] = m_given[qsizetype(m_random() % quint64(m_given.size()))];
            e.event = QStringLiteral("FeedbackRevoked");
            e.actor = addressOf(client, 0x30);
            e.feedbackIndex = index;
        } else if (roll < 20 && !m_given.isEmpty()) {
            const auto [client, index] = m_given[qsizetype(m_random() % quint64(m_given.size()))];
            e.event = QStringLiteral("ResponseAppended");
            e.actor = addressOf(client, 0x30);
            e.counterparty = addressOf(1, 0x40);
            e.feedbackIndex = index;
            e.uri = QStringLiteral("ipfs://response");
            e.dataHash = hashOf(block, 11);
        } else {
            const quint32 client = quint32(m_random() % Clients) + 1;
            const qint64 index = ++m_indexOf[client];
            m_given.append({client, index});
            static const int Decimals[] = {0, 2, 18};
            const int decimals = Decimals[m_random() % 3];
            e.event = QStringLiteral("NewFeedback");
            e.actor = addressOf(client, 0x30);
            e.feedbackIndex = index;
            e.value = QString::number(qint64(m_random() % 200'000) - 50'000) + QString(decimals, u'7');
            e.valueDecimals = decimals;
            e.tag1 = QStringLiteral("tag%1").arg(m_random() % 12);
            e.tag2 = QStringLiteral("sub");
            e.endpoint = QStringLiteral("https://agent.example/mcp");
            e.uri = QStringLiteral("ipfs://feedback/%1").arg(block);
            e.dataHash = hashOf(block, 10);
        }
        return e;
    }

    std::mt19937_64 m_random{20260101};
    qint64 m_nextBlock = 0;
    Hash m_parent;
    QHash<quint32, qint64> m_indexOf;
    QList<std::pair<quint32, qint64>> m_given;
};

struct Figures
{
    double seconds = 0;
    qint64 events = 0;
};

/// Promotes `prior` events untimed, then times TimedEvents more, in a fresh database.
std::optional<Figures> run(int prior, QString *error)
{
    TestDatabase db;
    if (!db.isValid()) {
        *error = db.error();
        return std::nullopt;
    }
    auto store = db.open();
    ChainConfig config = sampleChain(ChainId, QStringLiteral("bench"));
    config.startBlock = 0;
    config.tokens = {};
    config.registries = {{RegistryKind::Reputation, Registry}};
    if (Status s = ChainRegistry(*store).registerChain(config, {}, evmEntities()); !s) {
        *error = s.error().toString();
        return std::nullopt;
    }
    Workload workload;
    auto promote = [&](const IndexBatch &b) {
        if (auto r = IndexStore(*store).promote(b, evmEntities()); !r) {
            *error = r.error().toString();
            return false;
        }
        return true;
    };
    for (const IndexBatch &b : workload.ranges(prior, PriorEventsPerRange / PriorEventsPerBlock, PriorEventsPerBlock)) {
        if (!promote(b))
            return std::nullopt;
    }
    const QList<IndexBatch> timed = workload.ranges(TimedEvents, TimedBlocksPerRange, EventsPerBlock);
    QElapsedTimer timer;
    timer.start();
    for (const IndexBatch &b : timed) {
        if (!promote(b))
            return std::nullopt;
    }
    return Figures{timer.nsecsElapsed() / 1e9, TimedEvents};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QList<int> sizes;
    for (const QString &a : app.arguments().mid(1))
        sizes.append(a.toInt());
    if (sizes.isEmpty())
        sizes = {5000, 50000};
    const int rounds = qEnvironmentVariableIntValue("ARBOR_BENCH_ROUNDS") > 0 ? qEnvironmentVariableIntValue("ARBOR_BENCH_ROUNDS") : 3;
    QTextStream out(stdout);

    QList<QByteArray> backends{"sqlite"};
    if (qEnvironmentVariableIsSet("ARBOR_TEST_PG_URL"))
        backends.append("postgres");
    for (const QByteArray &backend : backends) {
        qputenv("ARBOR_TEST_BACKEND", backend);
        out << QStringLiteral("%1: one agent, %2 events timed in head ranges of %3 events; median of %4 rounds\n")
                   .arg(QString::fromLatin1(backend))
                   .arg(TimedEvents)
                   .arg(TimedBlocksPerRange * EventsPerBlock)
                   .arg(rounds)
            << Qt::flush;
        for (const int prior : sizes) {
            QList<double> seconds;
            for (int round = 0; round < rounds; ++round) {
                QString error;
                const auto figures = run(prior, &error);
                if (!figures) {
                    out << backend << ": " << error << Qt::endl;
                    return 1;
                }
                seconds.append(figures->seconds);
            }
            std::sort(seconds.begin(), seconds.end());
            const double median = seconds[seconds.size() / 2];
            out << QStringLiteral("  %1 prior events: %2 s, %3 events/s\n").arg(prior, 6).arg(median, 0, 'f', 3).arg(TimedEvents / median, 0, 'f', 0)
                << Qt::flush;
        }
    }
    return 0;
}

// What the add-chain wizard and `arborctl chain add` say indexing will cost before anything is
// indexed: how many blocks hold events, sampled from a fake node's logs (EventDensityProbe), and
// the calls that makes (estimateIndexingCalls).

#include "fakenode.h"
#include "model/callestimate.h"
#include "model/evmevents.h"
#include "rpc/eventdensity.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSet>
#include <QtTest>

#include <optional>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_eventdensity {

namespace {

const QString Token = u"0x00000000000000000000000000000000000000aa"_s;

QString quantity(qint64 n)
{
    return u"0x"_s + QString::number(n, 16);
}

QString word(quint64 value)
{
    return u"0x"_s + QString::number(value, 16).rightJustified(64, u'0');
}

qint64 number(const QJsonValue &v)
{
    return v.toString().mid(2).toLongLong(nullptr, 16);
}

} // namespace

class TestEventDensity final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void readsAShortRangeWhole();
    void samplesThreeWindowsOfALongRange();
    void halvesAWindowTheNodeRefuses();
    void saysWhyItCouldNotSample();
    void estimatesTheCallsOfEachChoice();

private:
    /// Samples [from, to] for the token and waits for the outcome.
    Result<EventDensity> sample(qint64 from, qint64 to);

    QNetworkAccessManager m_network;
    std::unique_ptr<FakeNode> m_node;
    QSet<qint64> m_eventBlocks;             ///< blocks holding a Transfer of the token (two each)
    qint64 m_maxRange = 0;                  ///< 0: any range
    QList<std::pair<qint64, qint64>> m_asked;
};

void TestEventDensity::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void TestEventDensity::init()
{
    m_eventBlocks.clear();
    m_maxRange = 0;
    m_asked.clear();
    m_node = std::make_unique<FakeNode>();
    m_node->answers[u"eth_getLogs"_s] = [this](const QJsonArray &params) {
        const QJsonObject filter = params.at(0).toObject();
        const qint64 from = number(filter.value(u"fromBlock"_s)), to = number(filter.value(u"toBlock"_s));
        m_asked.append({from, to});
        if (m_maxRange > 0 && to - from + 1 > m_maxRange)
            return FakeNode::Answer::error(-32005, u"query exceeds max block range %1"_s.arg(m_maxRange));
        // What the indexer asks for: the token's Transfers.
        if (filter.value(u"topics"_s).toArray().at(0).toArray().first().toString() != evmevents::transferTopic().toHex())
            return FakeNode::Answer::error(-32602, u"unexpected topics"_s);
        QJsonArray logs;
        for (qint64 b : std::as_const(m_eventBlocks)) {
            if (b < from || b > to)
                continue;
            for (int i = 0; i < 2; ++i) {
                logs.append(QJsonObject{{u"address"_s, Token},
                                        {u"topics"_s, QJsonArray{evmevents::transferTopic().toHex(), word(1), word(2)}},
                                        {u"data"_s, word(5)},
                                        {u"blockNumber"_s, quantity(b)},
                                        {u"blockHash"_s, word(quint64(b) + 7)},
                                        {u"transactionHash"_s, word(quint64(b) * 10 + quint64(i))},
                                        {u"logIndex"_s, quantity(i)},
                                        {u"removed"_s, false}});
            }
        }
        return FakeNode::Answer{logs};
    };
    QVERIFY(m_node->listen());
}

Result<EventDensity> TestEventDensity::sample(qint64 from, qint64 to)
{
    EventDensityProbe probe(&m_network);
    probe.setTimeout(5000);
    std::optional<Result<EventDensity>> outcome;
    probe.sample(m_node->url(), {*Address::fromHex(Token)}, {}, from, to, [&](Result<EventDensity> d) { outcome.emplace(std::move(d)); });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000); }();
    if (!outcome)
        return Error::internal(u"the sample never finished"_s);
    return *outcome;
}

void TestEventDensity::readsAShortRangeWhole()
{
    // 5,000 blocks fit in three windows: every block is read, the count is exact.
    for (qint64 b = 1000; b < 6000; b += 50)
        m_eventBlocks.insert(b);
    const Result<EventDensity> d = sample(1000, 5999);
    QVERIFY2(d, qPrintable(d ? QString() : d.error().toString()));
    QCOMPARE(d->sampledBlocks, qint64(5000));
    QCOMPARE(d->blocksWithEvents, qint64(100));   // blocks, not logs (two per block)
    QCOMPARE(d->logs, qint64(200));
    QCOMPARE(d->logsPerBlock(), 0.04);
    QCOMPARE(d->calls, 3);
    QCOMPARE(d->expectedIn(5000), qint64(100));
    QCOMPARE(m_asked, (QList<std::pair<qint64, qint64>>{{1000, 2999}, {3000, 4999}, {5000, 5999}}));
}

void TestEventDensity::samplesThreeWindowsOfALongRange()
{
    // One block in a hundred over a million blocks: three windows of 2,000 (start, middle,
    // end), 60 blocks with events among them, about 10,000 expected in the range.
    for (qint64 b = 0; b < 1000000; b += 100)
        m_eventBlocks.insert(b);
    const Result<EventDensity> d = sample(0, 999999);
    QVERIFY2(d, qPrintable(d ? QString() : d.error().toString()));
    QCOMPARE(m_asked, (QList<std::pair<qint64, qint64>>{{0, 1999}, {499000, 500999}, {998000, 999999}}));
    QCOMPARE(d->sampledBlocks, qint64(6000));
    QCOMPARE(d->blocksWithEvents, qint64(60));
    QCOMPARE(d->expectedIn(1000000), qint64(10000));
    // A quiet chain: none found, none expected; one found in a sparse one, at least one expected.
    EventDensity quiet{6000, 0, 3};
    QCOMPARE(quiet.expectedIn(1000000), qint64(0));
    EventDensity rare{6000, 1, 3};
    QCOMPARE(rare.expectedIn(1000), qint64(1));
}

void TestEventDensity::halvesAWindowTheNodeRefuses()
{
    // A provider capping eth_getLogs at 500 blocks: the first window halved until it is answered
    // (2,000, 1,000, 500), the others read at that size.
    for (qint64 b = 0; b < 100000; b += 10)
        m_eventBlocks.insert(b);
    m_maxRange = 500;
    const Result<EventDensity> d = sample(0, 99999);
    QVERIFY2(d, qPrintable(d ? QString() : d.error().toString()));
    QCOMPARE(d->sampledBlocks, qint64(3 * 500));
    QCOMPARE(d->blocksWithEvents, qint64(3 * 50));
    QCOMPARE(d->expectedIn(100000), qint64(10000));
    QCOMPARE(d->calls, 5);
}

void TestEventDensity::saysWhyItCouldNotSample()
{
    m_node->mode = FakeNode::Mode::Garbage;
    const Result<EventDensity> d = sample(0, 99999);
    QVERIFY(!d);
    QVERIFY2(d.error().message.contains(u"blocks 0–1999"_s), qPrintable(d.error().message));
}

void TestEventDensity::estimatesTheCallsOfEachChoice()
{
    // 1,952 blocks: eth_getLogs of 100, 200, 400, 800 and the rest (5 calls).
    const CallEstimate every = estimateIndexingCalls(1952, BlockStats::Every);
    QCOMPARE(every.logCalls, qint64(5));
    QCOMPARE(every.headerCalls, qint64(1952));
    QVERIFY(!every.plusBlocksWithEvents);
    // Blocks with events, not sampled: the last header of each range and the first of the one
    // entering the reorg window, every header of the newest 8 (read by hash), plus one per block
    // with events, said as such.
    const CallEstimate unknown = estimateIndexingCalls(1952, BlockStats::Events);
    QCOMPARE(unknown.headerCalls, qint64(6 + 8));
    QVERIFY(unknown.plusBlocksWithEvents);
    // Sampled: 40 blocks with events.
    const CallEstimate sampled = estimateIndexingCalls(1952, BlockStats::Events, 40);
    QCOMPARE(sampled.headerCalls, qint64(46 + 8));
    QCOMPARE(sampled.knownCalls(), qint64(51 + 8));
    // A chain shorter than the newest 8: each of its blocks once.
    QCOMPARE(estimateIndexingCalls(5, BlockStats::Events, 2).headerCalls, qint64(5));
    QVERIFY(!sampled.plusBlocksWithEvents);
    // A stated cap of 500 blocks per eth_getLogs: 100, 200, 400, then 500 at a time.
    QCOMPARE(estimateIndexingCalls(5000, BlockStats::Every, std::nullopt, 500).logCalls, qint64(3 + 9));
    QCOMPARE(estimateIndexingCalls(0, BlockStats::Events).knownCalls(), qint64(0));
    // With the sample's 5.18 events per block, spans of 483 blocks (about 2,500 events each) from
    // the first call: 5 eth_getLogs, and their last headers beside the 40 with events.
    const CallEstimate seeded = estimateIndexingCalls(1952, BlockStats::Events, 40, 0, 10080.0 / 1947.0);
    QCOMPARE(seeded.logCalls, qint64(5));
    QCOMPARE(seeded.headerCalls, qint64(46 + 8));
    // A sample with no events sizes nothing: the spans grow from 100 blocks as without one.
    QCOMPARE(estimateIndexingCalls(1952, BlockStats::Every, std::nullopt, 0, 0.0).logCalls, qint64(5));
    // A stated cap bounds the sampled span too.
    QCOMPARE(estimateIndexingCalls(5000, BlockStats::Every, std::nullopt, 500, 0.01).logCalls, qint64(10));
    // A quiet chain: 2,000 blocks at first, doubling while answers stay comfortable (2,000, 4,000,
    // 8,000 and the rest of 20,000).
    QCOMPARE(estimateIndexingCalls(20000, BlockStats::Every, std::nullopt, 0, 0.1).logCalls, qint64(4));
}

} // namespace tst_eventdensity

ARBOR_GUILESS_TEST_MAIN(eventdensity, tst_eventdensity::TestEventDensity)
#include "tst_eventdensity.moc"

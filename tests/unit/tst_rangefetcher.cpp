// The range fetcher against an in-process fake EVM node on 127.0.0.1: headers and logs of a
// block range fetched, split where the node refuses, checked and decoded into an IndexBatch.

#include "engine/rangefetcher.h"
#include "store/indexstore.h"
#include "fakenode.h"
#include "model/evmevents.h"
#include "rpc/endpointpool.h"
#include "testmain.h"
#include "testvalues.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QtTest>

#include <memory>
#include <optional>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_rangefetcher {

namespace {

QString word(quint64 value, quint64 salt = 0)
{
    return u"0x"_s + QString::number(salt, 16).rightJustified(32, u'0') + QString::number(value, 16).rightJustified(32, u'0');
}

const QString Token = u"0x00000000000000000000000000000000000000aa"_s;

/// A transfer the fake chain holds, as the node reports it in a log.
struct FakeTransfer
{
    qint64 block = 0;
    qint64 logIndex = 0;
    quint64 from = 0;
    quint64 to = 0;
    quint64 value = 0;
};

/**
 * A chain of blocks 0…1000 on a FakeNode: eth_getBlockByNumber (in batches), eth_getLogs and
 * eth_blockNumber, what the fetcher asks. Like providers, it refuses log ranges wider than
 * `maxLogRange` blocks (and its node batches of more than `node.batchCap` calls).
 */
class FakeChain final
{
public:
    FakeChain()
    {
        node.head = 1000;
        node.answers[u"eth_getBlockByNumber"_s] = [this](const QJsonArray &params) {
            const qint64 n = params.at(0).toString().mid(2).toLongLong(nullptr, 16);
            headersServed.append(n);
            return FakeNode::Answer{n <= node.head ? QJsonValue(block(n)) : QJsonValue(QJsonValue::Null)};
        };
        node.answers[u"eth_getLogs"_s] = [this](const QJsonArray &params) {
            const QJsonObject filter = params.at(0).toObject();
            if (filter.contains(u"blockHash"_s)) {   // EIP-234: one block, by its hash
                const QString hash = filter.value(u"blockHash"_s).toString();
                for (qint64 n = 0; n <= node.head; ++n) {
                    if (hashOf(n) != hash)
                        continue;
                    if (unknownHash.value(n) != 0) {
                        unknownHash[n] -= unknownHash[n] > 0 ? 1 : 0;
                        return FakeNode::Answer::error(-32000, u"unknown block"_s);
                    }
                    logsByHash.append(n);
                    return FakeNode::Answer{logs(n, n)};
                }
                return FakeNode::Answer::error(-32000, u"unknown block"_s);
            }
            const qint64 from = filter.value(u"fromBlock"_s).toString().mid(2).toLongLong(nullptr, 16);
            const qint64 to = filter.value(u"toBlock"_s).toString().mid(2).toLongLong(nullptr, 16);
            if (maxLogRange > 0 && to - from + 1 > maxLogRange) {
                ++refusedLogRanges;
                return FakeNode::Answer::error(-32000, u"block range is too wide"_s);
            }
            logRanges.append({from, to});
            return FakeNode::Answer{logs(from, to)};
        };
    }

    QString hashOf(qint64 n) const { return word(quint64(n) + 1, 0xb10c); }
    QString parentOf(qint64 n) const { return brokenParent == n ? word(quint64(n), 0xf0f0) : n == 0 ? word(0) : hashOf(n - 1); }

    FakeNode node;
    QList<FakeTransfer> transfers;          ///< in chain order
    qint64 maxLogRange = 0;                 ///< 0: any range
    std::optional<qint64> brokenParent;     ///< this block's parentHash is not its parent's hash

    int refusedLogRanges = 0;
    QList<std::pair<qint64, qint64>> logRanges;   ///< eth_getLogs ranges answered
    QList<qint64> headersServed;            ///< blocks whose eth_getBlockByNumber was answered
    std::optional<qint64> forkedLog;        ///< this block's logs carry another block hash
    QList<qint64> logsByHash;               ///< blocks whose eth_getLogs by blockHash was answered
    /// Blocks whose hash the node answers "unknown block" for, this many times (-1: always).
    QHash<qint64, int> unknownHash;
    bool blooms = true;                     ///< headers carry a logsBloom (else none, as some nodes)
    bool emptyBlooms = false;               ///< every logsBloom is zero, whatever the block holds
    QSet<qint64> bloomFalsePositive;        ///< these blocks' blooms name the token without its logs

private:
    QJsonObject block(qint64 n) const
    {
        QJsonObject b{{u"number"_s, quantity(n)}, {u"hash"_s, hashOf(n)}, {u"parentHash"_s, parentOf(n)},
                      {u"timestamp"_s, quantity(1700000000 + n * 12)}, {u"gasUsed"_s, quantity(21000)}, {u"transactions"_s, QJsonArray()}};
        if (blooms)
            b.insert(u"logsBloom"_s, bloom(n));
        return b;
    }

    /// The bits the block's logs set: the token's address and the Transfer topic per log.
    QString bloom(qint64 n) const
    {
        QByteArray bits(LogsBloom::Size, '\0');
        const auto set = [&bits](const LogsBloom::Probe &p) {
            for (size_t i = 0; i < 3; ++i)
                bits[p.byte[i]] = char(quint8(bits[p.byte[i]]) | p.mask[i]);
        };
        const bool withLogs = std::any_of(transfers.cbegin(), transfers.cend(), [n](const FakeTransfer &t) { return t.block == n; });
        if ((withLogs || bloomFalsePositive.contains(n)) && !emptyBlooms) {
            set(LogsBloom::probe(*Address::fromHex(Token)));
            set(LogsBloom::probe(evmevents::transferTopic()));
        }
        return u"0x"_s + QString::fromLatin1(bits.toHex());
    }

    QJsonArray logs(qint64 from, qint64 to) const
    {
        QJsonArray out;
        for (const FakeTransfer &t : transfers) {
            if (t.block < from || t.block > to)
                continue;
            out.append(QJsonObject{{u"address"_s, Token},
                                   {u"topics"_s, QJsonArray{evmevents::transferTopic().toHex(), word(t.from), word(t.to)}},
                                   {u"data"_s, word(t.value)},
                                   {u"blockNumber"_s, quantity(t.block)},
                                   {u"blockHash"_s, forkedLog == t.block ? word(quint64(t.block), 0xf0f0) : hashOf(t.block)},
                                   {u"transactionHash"_s, word(quint64(t.block * 1000 + t.logIndex), 0x7a)},
                                   {u"logIndex"_s, quantity(t.logIndex)},
                                   {u"removed"_s, false}});
        }
        return out;
    }
};

RpcPolicy quickPolicy()
{
    RpcPolicy policy;
    policy.timeoutMs = 2000;
    policy.backoffBaseMs = 20;
    policy.maxAttempts = 2;
    return policy;
}

Address address(quint64 n)
{
    return *Address::fromHex(QString(u"0x"_s + QString::number(n, 16).rightJustified(40, u'0')));
}

} // namespace

class TestRangeFetcher final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fetchesARangeInChainOrder();
    void splitsARangeRefusedAsTooLarge();
    void splitsABatchRefusedAsTooLarge();
    void reportsAHeaderThatDoesNotLink();
    void fetchesOnlyTheHeadersOfBlocksWithLogs();
    void linksARangeInsideTheWindowByItsFirstHeader();
    void readsTheHeadersBeforeTheLogsInsideTheWindow();
    void reportsALogFromAnotherFork();
    void readsTheTipByBlockHash();
    void retriesABlockHashTheNodeDoesNotKnow();
    void failsWithoutAPool();
    void saysWhenTheLogsAreInBeforeTheHeaders();

private:
    /// A fetcher of the fake node's token, with a pool of that one node.
    void makeFetcher(FetchLimits limits);
    /// Fetches [from, to] with every log the fake node holds and waits for the outcome.
    Result<IndexBatch> fetch(qint64 from, qint64 to, FetchLimits limits = {}, HeaderScope scope = HeaderScope::Every, FetchOrder order = FetchOrder::LogsFirst);
    /// Waits for the outcome of a fetch the test started.
    Result<IndexBatch> outcome(const std::function<void(RangeFetcher::Done)> &start);

    QNetworkAccessManager m_network;
    std::unique_ptr<FakeChain> m_chain;
    std::unique_ptr<RangeFetcher> m_fetcher;
    std::unique_ptr<EndpointPool> m_pool;   // destroyed before the fetcher it calls back
};

void TestRangeFetcher::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void TestRangeFetcher::init()
{
    m_chain = std::make_unique<FakeChain>();
    QVERIFY(m_chain->node.listen());
}

void TestRangeFetcher::cleanup()
{
    m_pool.reset();
    m_fetcher.reset();
    m_chain.reset();
}

void TestRangeFetcher::makeFetcher(FetchLimits limits)
{
    m_pool.reset();
    m_fetcher = std::make_unique<RangeFetcher>(7, limits);
    EndpointRecord endpoint;
    endpoint.id = 1;
    endpoint.url = m_chain->node.url();
    m_pool = std::make_unique<EndpointPool>(&m_network, QList<EndpointRecord>{endpoint}, quickPolicy());
    m_fetcher->setPool(m_pool.get());
    m_fetcher->setContracts({*Address::fromHex(Token)}, {});
}

Result<IndexBatch> TestRangeFetcher::fetch(qint64 from, qint64 to, FetchLimits limits, HeaderScope scope, FetchOrder order)
{
    makeFetcher(limits);
    return outcome([&](RangeFetcher::Done done) { m_fetcher->fetch(from, to, BatchMode::Head, std::nullopt, scope, std::move(done), order); });
}

Result<IndexBatch> TestRangeFetcher::outcome(const std::function<void(RangeFetcher::Done)> &start)
{
    std::optional<Result<IndexBatch>> outcome;
    int calls = 0;
    start([&](Result<IndexBatch> batch) {
        ++calls;
        outcome.emplace(std::move(batch));
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000); }();
    if (!outcome)
        return Error::internal(u"the fetch never finished"_s);
    QTest::qWait(50);   // nothing calls back twice
    if (calls != 1)
        return Error::internal(u"done ran %1 times"_s.arg(calls));
    return *outcome;
}

static void verifyChain(const IndexBatch &batch, const FakeChain &chain, qint64 from, qint64 to)
{
    QCOMPARE(batch.chainId, qint64(7));
    QCOMPARE(batch.from, from);
    QCOMPARE(batch.to, to);
    QCOMPARE(qint64(batch.headers.size()), to - from + 1);
    for (qsizetype i = 0; i < batch.headers.size(); ++i) {
        QCOMPARE(batch.headers[i].number, from + i);
        QCOMPARE(batch.headers[i].hash.toHex(), chain.hashOf(from + i));
    }
    QList<FakeTransfer> expected;
    for (const FakeTransfer &t : chain.transfers) {
        if (t.block >= from && t.block <= to)
            expected.append(t);
    }
    QCOMPARE(batch.transfers.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const TokenTransfer &got = batch.transfers[i];
        QCOMPARE(got.blockNumber, expected[i].block);
        QCOMPARE(got.logIndex, expected[i].logIndex);
        QCOMPARE(got.token, *Address::fromHex(Token));
        QCOMPARE(got.from, address(expected[i].from));
        QCOMPARE(got.to, address(expected[i].to));
        QCOMPARE(got.value, U256(expected[i].value));
    }
}

void TestRangeFetcher::fetchesARangeInChainOrder()
{
    m_chain->transfers = {{3, 0, 1, 2, 500}, {3, 1, 2, 3, 200}, {7, 4, 3, 1, 1}, {12, 0, 0, 1, 1000000}};
    const Result<IndexBatch> batch = fetch(2, 12);
    QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().toString()));
    verifyChain(*batch, *m_chain, 2, 12);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(batch->mode, BatchMode::Head);
    QCOMPARE(batch->tokens, QList<Address>{*Address::fromHex(Token)});
    QVERIFY(batch->agentEvents.isEmpty());
    QCOMPARE(m_chain->logRanges, (QList<std::pair<qint64, qint64>>{{2, 12}}));
    QCOMPARE(m_fetcher->skippedLogs(), qint64(0));
}

void TestRangeFetcher::fetchesOnlyTheHeadersOfBlocksWithLogs()
{
    // Below the reorg window: the logs of [100, 900], then the headers of their four blocks and
    // of block 900 (the checkpoint's hash), none of the 796 empty ones. Two requests: the logs,
    // then one batch of those headers, block 900's among them (not a request of its own, which
    // would take a third of a catch-up's requests where an endpoint caps those in flight).
    m_chain->transfers = {{120, 0, 1, 2, 500}, {120, 3, 2, 3, 200}, {455, 1, 3, 1, 1}, {456, 0, 0, 1, 7}, {899, 2, 1, 2, 9}};
    const int requestsBefore = m_chain->node.requests;
    const Result<IndexBatch> batch = fetch(100, 900, {}, HeaderScope::WithLogs);
    QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().toString()));
    QCOMPARE(batch->headerScope, HeaderScope::WithLogs);
    QList<qint64> numbers;
    for (const BlockHeader &h : batch->headers) {
        numbers.append(h.number);
        QCOMPARE(h.hash.toHex(), m_chain->hashOf(h.number));
        QCOMPARE(h.timestamp, 1700000000 + h.number * 12);
    }
    QCOMPARE(numbers, (QList<qint64>{120, 455, 456, 899, 900}));
    std::sort(m_chain->headersServed.begin(), m_chain->headersServed.end());
    QCOMPARE(m_chain->headersServed, numbers);
    QCOMPARE(m_chain->node.requests - requestsBefore, 2);
    QCOMPARE(batch->transfers.size(), qsizetype(5));
    QCOMPARE(batch->transfers.last().blockNumber, qint64(899));
    QVERIFY(IndexStore::checkHeaders(*batch));

    // A range without a log still brings its last header.
    m_chain->headersServed.clear();
    const int emptyBefore = m_chain->node.requests;
    const Result<IndexBatch> empty = fetch(901, 950, {}, HeaderScope::WithLogs);
    QVERIFY2(empty, qPrintable(empty ? QString() : empty.error().toString()));
    QCOMPARE(empty->headers.size(), qsizetype(1));
    QCOMPARE(empty->headers.first().number, qint64(950));
    QCOMPARE(m_chain->headersServed, QList<qint64>{950});
    QCOMPARE(m_chain->node.requests - emptyBefore, 2);
}

void TestRangeFetcher::linksARangeInsideTheWindowByItsFirstHeader()
{
    // Inside the reorg window, on a chain counting blocks with events: the headers of the blocks
    // with logs and of both ends, the first to be checked against the checkpoint.
    m_chain->transfers = {{950, 0, 1, 2, 500}, {955, 1, 2, 3, 200}, {979, 0, 3, 1, 1}};
    const Result<IndexBatch> batch = fetch(950, 980, {}, HeaderScope::Linked);
    QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().toString()));
    QCOMPARE(batch->headerScope, HeaderScope::Linked);
    QList<qint64> numbers;
    for (const BlockHeader &h : batch->headers) {
        numbers.append(h.number);
        QCOMPARE(h.hash.toHex(), m_chain->hashOf(h.number));
    }
    QCOMPARE(numbers, (QList<qint64>{950, 955, 979, 980}));
    QCOMPARE(batch->headers.first().parentHash.toHex(), m_chain->hashOf(949));
    std::sort(m_chain->headersServed.begin(), m_chain->headersServed.end());
    QCOMPARE(m_chain->headersServed, numbers);   // block 950 asked for once, not as an edge and a log block
    QCOMPARE(batch->transfers.size(), qsizetype(3));
    QVERIFY(IndexStore::checkHeaders(*batch));

    // One without its first header is refused before anything is written.
    IndexBatch unlinked = *batch;
    unlinked.headers.removeFirst();
    const Status refused = IndexStore::checkHeaders(unlinked);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.contains(u"950"_s), qPrintable(refused.error().message));

    // An endpoint that takes one call per batch: the ends asked for one by one.
    m_chain->headersServed.clear();
    m_chain->node.batchCap = 1;
    const Result<IndexBatch> oneByOne = fetch(950, 980, {}, HeaderScope::Linked);
    QVERIFY2(oneByOne, qPrintable(oneByOne ? QString() : oneByOne.error().toString()));
    QCOMPARE(oneByOne->headers, batch->headers);
    m_chain->node.batchCap = 0;

    // A one-block range: one header, both ends.
    m_chain->headersServed.clear();
    const Result<IndexBatch> single = fetch(981, 981, {}, HeaderScope::Linked);
    QVERIFY2(single, qPrintable(single ? QString() : single.error().toString()));
    QCOMPARE(single->headers.size(), qsizetype(1));
    QCOMPARE(m_chain->headersServed, QList<qint64>{981});
    QVERIFY(IndexStore::checkHeaders(*single));
}

void TestRangeFetcher::readsTheHeadersBeforeTheLogsInsideTheWindow()
{
    // Inside the reorg window the hashes a range stores must have been on the node's chain
    // before its logs were read: a reorg in between then leaves a stale hash, which the next
    // range finds, never new hashes over old logs. The logs go out once the headers are in.
    m_chain->transfers = {{950, 0, 1, 2, 500}, {955, 1, 2, 3, 200}, {979, 0, 3, 1, 1}};
    const QString getLogs = u"eth_getLogs"_s;
    const QString getBlock = u"eth_getBlockByNumber"_s;
    const Result<IndexBatch> linked = fetch(950, 980, {}, HeaderScope::Linked, FetchOrder::HeadersFirst);
    QVERIFY2(linked, qPrintable(linked ? QString() : linked.error().toString()));
    QCOMPARE(linked->headers.size(), qsizetype(4));
    QCOMPARE(linked->transfers.size(), qsizetype(3));
    // The two ends, then the logs, then the headers of the logs' blocks.
    QCOMPARE(m_chain->node.methods, (QStringList{getBlock, getBlock, getLogs, getBlock, getBlock}));
    QCOMPARE(m_chain->headersServed, (QList<qint64>{950, 980, 955, 979}));

    // Every header of a chain counting every block, then the logs.
    m_chain->node.methods.clear();
    const Result<IndexBatch> every = fetch(950, 960, {}, HeaderScope::Every, FetchOrder::HeadersFirst);
    QVERIFY2(every, qPrintable(every ? QString() : every.error().toString()));
    verifyChain(*every, *m_chain, 950, 960);
    QStringList expected(11, getBlock);
    expected.append(getLogs);
    QCOMPARE(m_chain->node.methods, expected);

    // Outside the window the logs go first, beside the headers.
    m_chain->node.methods.clear();
    const Result<IndexBatch> below = fetch(950, 980, {}, HeaderScope::Linked, FetchOrder::LogsFirst);
    QVERIFY2(below, qPrintable(below ? QString() : below.error().toString()));
    QCOMPARE(m_chain->node.methods.first(), getLogs);

    // With two endpoints, on one node: the first, slow, answers the ends; the second, not yet
    // measured, would rank first for the logs (it ranks as fast), but they follow the headers.
    FakeChain other;
    other.transfers = m_chain->transfers;
    QVERIFY(other.node.listen());
    m_chain->node.methods.clear();
    m_chain->node.delayMs = 300;
    m_pool.reset();
    m_fetcher = std::make_unique<RangeFetcher>(7, FetchLimits{});
    EndpointRecord slow, fast;
    slow.id = 1;
    slow.url = m_chain->node.url();
    fast.id = 2;
    fast.url = other.node.url();
    fast.priority = 1;
    m_pool = std::make_unique<EndpointPool>(&m_network, QList<EndpointRecord>{slow, fast}, quickPolicy());
    m_fetcher->setPool(m_pool.get());
    m_fetcher->setContracts({*Address::fromHex(Token)}, {});
    const Result<IndexBatch> pinned = outcome([&](RangeFetcher::Done done) {
        m_fetcher->fetch(950, 980, BatchMode::Head, std::nullopt, HeaderScope::Linked, std::move(done), FetchOrder::HeadersFirst);
    });
    QVERIFY2(pinned, qPrintable(pinned ? QString() : pinned.error().toString()));
    QCOMPARE(pinned->transfers.size(), qsizetype(3));
    QCOMPARE(m_chain->node.methods, (QStringList{getBlock, getBlock, getLogs, getBlock, getBlock}));
    QCOMPARE(other.node.methods, QStringList());
    // Unpinned, the same logs go to the endpoint ranked first now.
    m_chain->node.methods.clear();
    const Result<IndexBatch> free = outcome([&](RangeFetcher::Done done) {
        m_fetcher->fetch(950, 980, BatchMode::Head, std::nullopt, HeaderScope::Linked, std::move(done), FetchOrder::LogsFirst);
    });
    QVERIFY2(free, qPrintable(free ? QString() : free.error().toString()));
    QVERIFY2(other.node.methods.contains(getLogs), qPrintable(other.node.methods.join(u", "_s)));
}

void TestRangeFetcher::reportsALogFromAnotherFork()
{
    m_chain->transfers = {{120, 0, 1, 2, 500}, {300, 0, 2, 3, 200}};
    m_chain->forkedLog = 300;
    const Result<IndexBatch> batch = fetch(100, 400, {}, HeaderScope::WithLogs);
    QVERIFY(!batch);
    QCOMPARE(batch.error().kind, Error::Kind::Unavailable);
    QCOMPARE(batch.error().field, u"chain"_s);
    QVERIFY2(batch.error().message.contains(u"300"_s), qPrintable(batch.error().message));
}

void TestRangeFetcher::splitsARangeRefusedAsTooLarge()
{
    for (qint64 b = 0; b < 40; b += 3)
        m_chain->transfers.append({b, 0, quint64(b), quint64(b + 1), quint64(b) * 10 + 1});
    m_chain->maxLogRange = 8;
    FetchLimits limits;
    limits.initialLogSpan = 40;
    limits.maxLogSpan = 40;
    const Result<IndexBatch> batch = fetch(0, 39, limits);
    QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().toString()));
    verifyChain(*batch, *m_chain, 0, 39);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_chain->refusedLogRanges > 0);
    // The answered ranges cover the range once, each within what the node serves.
    auto ranges = m_chain->logRanges;
    std::sort(ranges.begin(), ranges.end());
    qint64 next = 0;
    for (const auto &[from, to] : ranges) {
        QCOMPARE(from, next);
        QVERIFY(to - from + 1 <= 8);
        next = to + 1;
    }
    QCOMPARE(next, qint64(40));
    QVERIFY(m_fetcher->span() <= 20);   // the next ranges are scheduled smaller
}

void TestRangeFetcher::splitsABatchRefusedAsTooLarge()
{
    m_chain->transfers = {{5, 0, 1, 2, 3}, {60, 2, 2, 1, 3}};
    m_chain->node.batchCap = 16;
    FetchLimits limits;
    limits.headerBatchSize = 64;
    const Result<IndexBatch> batch = fetch(0, 63, limits);
    QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().toString()));
    verifyChain(*batch, *m_chain, 0, 63);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(m_chain->node.refusedBatches > 0);
    QVERIFY(m_chain->node.largestBatch <= 16);
    QVERIFY(m_pool->batchLimit(64) <= 16);   // learned for the next ranges
}

void TestRangeFetcher::reportsAHeaderThatDoesNotLink()
{
    m_chain->brokenParent = 5;
    const Result<IndexBatch> batch = fetch(0, 9);
    QVERIFY(!batch);
    QCOMPARE(batch.error().kind, Error::Kind::Unavailable);
    QCOMPARE(batch.error().field, u"chain"_s);
    QVERIFY2(batch.error().message.contains(u"Block 5 does not build on block 4"_s), qPrintable(batch.error().message));
    QCOMPARE(batch.error().code, u"block_not_linked"_s);
    QCOMPARE(batch.error().codeArgs, (QStringList{u"5"_s, u"4"_s}));
}

void TestRangeFetcher::readsTheTipByBlockHash()
{
    m_chain->transfers = {{955, 0, 1, 2, 10}, {955, 1, 2, 3, 4}, {958, 0, 3, 1, 7}};
    m_chain->bloomFalsePositive = {959};
    const QString getBlock = u"eth_getBlockByNumber"_s;
    const QString getLogs = u"eth_getLogs"_s;
    const auto byHash = [this](HeaderScope scope, qint64 from = 950, qint64 to = 960) {
        return outcome([&](RangeFetcher::Done done) { m_fetcher->fetch(from, to, BatchMode::Head, std::nullopt, scope, std::move(done), FetchOrder::ByHash); });
    };

    // Before the node was seen to fill in blooms, an empty one may be a node that fills in none:
    // with every bloom of the range empty, every block's logs are asked for by hash.
    makeFetcher({});
    QVERIFY(!m_fetcher->bloomsTrusted());
    const Result<IndexBatch> quiet = byHash(HeaderScope::Linked, 930, 940);
    QVERIFY2(quiet, qPrintable(quiet ? QString() : quiet.error().toString()));
    QCOMPARE(m_chain->logsByHash.size(), qsizetype(11));
    QCOMPARE(quiet->transfers.size(), qsizetype(0));
    // One bloom with bits set (935's, a false positive) shows the node fills them in: the empty
    // ones are believed, though no bloom was seen to name its block's logs yet.
    m_chain->bloomFalsePositive = {935, 959};
    m_chain->logsByHash.clear();
    const Result<IndexBatch> filled = byHash(HeaderScope::Linked, 930, 940);
    QVERIFY2(filled, qPrintable(filled ? QString() : filled.error().toString()));
    QCOMPARE(m_chain->logsByHash, (QList<qint64>{935}));
    QVERIFY(!m_fetcher->bloomsTrusted());
    // Then a bloom names its block's logs: trusted.
    m_chain->logsByHash.clear();
    const Result<IndexBatch> first = byHash(HeaderScope::Linked);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().toString()));
    QCOMPARE(m_chain->logsByHash, (QList<qint64>{955, 958, 959}));
    QCOMPARE(first->transfers.size(), qsizetype(3));
    QVERIFY(m_fetcher->bloomsTrusted());

    // Then, Linked: every header first, then the logs of the blocks whose bloom names the token
    // and the Transfer topic, each by its hash (959's bloom is a false positive: asked, empty).
    m_chain->node.methods.clear();
    m_chain->logsByHash.clear();
    const Result<IndexBatch> linked = byHash(HeaderScope::Linked);
    QVERIFY2(linked, qPrintable(linked ? QString() : linked.error().toString()));
    QStringList expected(11, getBlock);
    expected += QStringList(3, getLogs);
    QCOMPARE(m_chain->node.methods, expected);
    QCOMPARE(m_chain->logRanges.size(), qsizetype(0));
    QCOMPARE(m_chain->logsByHash, (QList<qint64>{955, 958, 959}));
    QCOMPARE(linked->transfers.size(), qsizetype(3));
    QCOMPARE(linked->transfers[2].blockNumber, qint64(958));
    // It keeps the headers a Linked range keeps: its ends and its logs' blocks.
    QList<qint64> kept;
    for (const BlockHeader &h : linked->headers) {
        kept.append(h.number);
        QCOMPARE(h.hash.toHex(), m_chain->hashOf(h.number));
    }
    QCOMPARE(kept, (QList<qint64>{950, 955, 958, 960}));
    QCOMPARE(linked->headerScope, HeaderScope::Linked);

    // Every: every header kept.
    m_chain->logsByHash.clear();
    const Result<IndexBatch> every = byHash(HeaderScope::Every);
    QVERIFY2(every, qPrintable(every ? QString() : every.error().toString()));
    verifyChain(*every, *m_chain, 950, 960);
    QCOMPARE(m_chain->logsByHash, (QList<qint64>{955, 958, 959}));

    // Headers that do not link: no logs asked for, the range fails to be fetched again.
    m_chain->node.methods.clear();
    m_chain->brokenParent = 957;
    const Result<IndexBatch> broken = byHash(HeaderScope::Linked);
    QVERIFY(!broken);
    QCOMPARE(broken.error().code, u"block_not_linked"_s);
    QCOMPARE(m_chain->node.methods, QStringList(11, getBlock));
    m_chain->brokenParent.reset();

    // A node that sends no bloom: every block may hold logs, every one is asked for.
    m_chain->blooms = false;
    m_chain->logsByHash.clear();
    const Result<IndexBatch> bloomless = byHash(HeaderScope::Linked);
    QVERIFY2(bloomless, qPrintable(bloomless ? QString() : bloomless.error().toString()));
    QCOMPARE(m_chain->logsByHash.size(), qsizetype(11));
    QCOMPARE(bloomless->transfers.size(), qsizetype(3));

    // A chain whose blooms leave out its logs is never trusted: every block, every time.
    m_chain->blooms = true;
    m_chain->emptyBlooms = true;
    makeFetcher({});
    for (int round = 0; round < 2; ++round) {
        m_chain->logsByHash.clear();
        const Result<IndexBatch> batch = byHash(HeaderScope::Linked);
        QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().toString()));
        QCOMPARE(batch->transfers.size(), qsizetype(3));
        QCOMPARE(m_chain->logsByHash.size(), qsizetype(11));
        QVERIFY(!m_fetcher->bloomsTrusted());
    }
}

void TestRangeFetcher::retriesABlockHashTheNodeDoesNotKnow()
{
    // One URL, several nodes: the one asked for 958's logs is on another fork, the next knows it.
    m_chain->transfers = {{955, 0, 1, 2, 10}, {958, 0, 3, 1, 7}};
    m_chain->unknownHash = {{958, 1}};
    const Result<IndexBatch> batch = fetch(950, 960, {}, HeaderScope::Linked, FetchOrder::ByHash);
    QVERIFY2(batch, qPrintable(batch ? QString() : batch.error().toString()));
    QCOMPARE(batch->transfers.size(), qsizetype(2));
    QCOMPARE(m_chain->unknownHash.value(958), 0);
    QVERIFY(m_chain->logsByHash.contains(958));

    // Never known: the range fails as a block not served, to be fetched again (new headers).
    m_chain->unknownHash = {{958, -1}};
    const Result<IndexBatch> failed = fetch(950, 960, {}, HeaderScope::Linked, FetchOrder::ByHash);
    QVERIFY(!failed);
    QVERIFY2(failed.error().message.contains(u"958"_s), qPrintable(failed.error().toString()));
}

void TestRangeFetcher::failsWithoutAPool()
{
    RangeFetcher fetcher(7, {});
    std::optional<Result<IndexBatch>> outcome;
    fetcher.fetchHeaders(0, 3, [&](Result<IndexBatch> batch) { outcome.emplace(std::move(batch)); });
    QVERIFY(outcome.has_value());   // at once
    QVERIFY(!*outcome);
    QCOMPARE(outcome->error().kind, Error::Kind::Unavailable);
}

void TestRangeFetcher::saysWhenTheLogsAreInBeforeTheHeaders()
{
    // Slow start sends the next range once this one's logs are in: the fetcher says so while
    // the headers of the logs' blocks are still on their way, once per range however often its
    // eth_getLogs was split, and forgets the fetches of a pool it no longer uses.
    for (qint64 b = 100; b < 160; b += 7)
        m_chain->transfers.append({b, 0, quint64(b), quint64(b + 1), 5});
    m_chain->maxLogRange = 20;   // 100-159 in 60 blocks: answered in pieces of at most 20
    FetchLimits limits;
    limits.initialLogSpan = 60;
    makeFetcher(limits);

    int answered = 0;
    int inFlightWhenAnswered = -1;
    qsizetype logRangesWhenAnswered = -1;
    bool doneWhenAnswered = true;
    std::optional<Result<IndexBatch>> outcome;
    m_fetcher->setLogsAnswered([&] {
        ++answered;
        inFlightWhenAnswered = m_fetcher->logsInFlight();
        logRangesWhenAnswered = m_chain->logRanges.size();
        doneWhenAnswered = outcome.has_value();
    });
    m_fetcher->fetch(100, 159, BatchMode::Head, std::nullopt, HeaderScope::WithLogs, [&](Result<IndexBatch> batch) { outcome.emplace(std::move(batch)); });
    QCOMPARE(m_fetcher->logsInFlight(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
    QVERIFY2(*outcome, qPrintable(*outcome ? QString() : outcome->error().toString()));
    QCOMPARE(outcome->value().transfers.size(), qsizetype(9));

    QVERIFY(m_chain->refusedLogRanges > 0);
    QVERIFY(m_chain->logRanges.size() >= 3);
    QCOMPARE(answered, 1);
    QCOMPARE(inFlightWhenAnswered, 0);
    QCOMPARE(logRangesWhenAnswered, m_chain->logRanges.size());   // every piece was in
    QVERIFY2(!doneWhenAnswered, "the range was done before its logs were said to be in: its headers had come back already");
    QCOMPARE(m_fetcher->logsInFlight(), 0);

    // A fetch under a pool the indexer dropped never answers; the next pool starts at 0.
    m_fetcher->fetch(200, 210, BatchMode::Head, std::nullopt, HeaderScope::WithLogs, [](Result<IndexBatch>) {});
    QCOMPARE(m_fetcher->logsInFlight(), 1);
    m_fetcher->setPool(nullptr);
    m_pool.reset();
    QCOMPARE(m_fetcher->logsInFlight(), 0);
}

} // namespace tst_rangefetcher

ARBOR_GUILESS_TEST_MAIN(rangefetcher, tst_rangefetcher::TestRangeFetcher)
#include "tst_rangefetcher.moc"

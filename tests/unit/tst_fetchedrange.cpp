// What a fetched range comes to before it is indexed (engine/fetchedrange.h): logs in chain
// order, the headers a linked range keeps, a log whose block header is another fork's, and the
// logs decoded into transfers with the undecodable ones counted.

#include "engine/fetchedrange.h"
#include "model/evmevents.h"
#include "store/indexbatch.h"
#include "testmain.h"
#include "testvalues.h"

#include <QtTest>

using namespace arbor;
using namespace arbor::test;

namespace tst_fetchedrange {

namespace {

const Address Token = addressOf(1, 0xaa);

BlockHeader header(qint64 number, int variant = 0)
{
    BlockHeader h;
    h.number = number;
    h.hash = hashOf(number, variant);
    h.parentHash = hashOf(number - 1, variant);
    return h;
}

QList<BlockHeader> headers(qint64 from, qint64 to)
{
    QList<BlockHeader> out;
    for (qint64 n = from; n <= to; ++n)
        out.append(header(n));
    return out;
}

/// An address as an indexed topic: twelve zero bytes, then its twenty.
Hash topicOf(const Address &a)
{
    const QByteArray word = QByteArray(12, '\0') + a.bytes().toByteArray();
    return *Hash::fromBytes(word);
}

/// An ERC-20 Transfer of `value` in block `block` (its hash of `variant`), log `index`.
LogEntry transferLog(qint64 block, qint64 index, int variant = 0, quint8 value = 1)
{
    LogEntry log;
    log.blockNumber = block;
    log.blockHash = hashOf(block, variant);
    log.logIndex = index;
    log.address = Token;
    log.topicCount = 3;
    log.topics[0] = evmevents::transferTopic();
    log.topics[1] = topicOf(addressOf(1));
    log.topics[2] = topicOf(addressOf(2));
    log.data = QByteArray(31, '\0');
    log.data.append(char(value));
    return log;
}

QList<qint64> numbers(const QList<BlockHeader> &headers)
{
    QList<qint64> out;
    for (const BlockHeader &h : headers)
        out.append(h.number);
    return out;
}

} // namespace

class TestFetchedRange : public QObject
{
    Q_OBJECT

private slots:
    void logsInChainOrder();
    void keepsTheEdgesAndTheBlocksWithLogs();
    void findsALogWithoutItsHeader();
    void decodesTransfersAndCountsWhatItCannotRead();
};

void TestFetchedRange::logsInChainOrder()
{
    // The pieces of a split range, as they arrived: the later piece first.
    QList<LogEntry> logs{transferLog(20, 1), transferLog(20, 0), transferLog(12, 3), transferLog(15, 0), transferLog(12, 1)};
    fetchedrange::sortInChainOrder(logs);
    QList<std::pair<qint64, qint64>> order;
    for (const LogEntry &log : logs)
        order.append({log.blockNumber, log.logIndex});
    const QList<std::pair<qint64, qint64>> expected{{12, 1}, {12, 3}, {15, 0}, {20, 0}, {20, 1}};
    QCOMPARE(order, expected);
}

void TestFetchedRange::keepsTheEdgesAndTheBlocksWithLogs()
{
    QList<BlockHeader> range = headers(10, 20);
    fetchedrange::keepEdgesAndLogBlocks(range, {transferLog(13, 0), transferLog(13, 1), transferLog(17, 4)});
    QCOMPARE(numbers(range), (QList<qint64>{10, 13, 17, 20}));

    // Logs in its first and last blocks: each kept once.
    range = headers(10, 20);
    fetchedrange::keepEdgesAndLogBlocks(range, {transferLog(10, 0), transferLog(20, 0)});
    QCOMPARE(numbers(range), (QList<qint64>{10, 20}));

    range = headers(10, 20);
    fetchedrange::keepEdgesAndLogBlocks(range, {});
    QCOMPARE(numbers(range), (QList<qint64>{10, 20}));

    range = headers(7, 7);
    fetchedrange::keepEdgesAndLogBlocks(range, {});
    QCOMPARE(numbers(range), (QList<qint64>{7}));
}

void TestFetchedRange::findsALogWithoutItsHeader()
{
    const QList<BlockHeader> kept{header(10), header(13), header(17), header(20)};
    QCOMPARE(fetchedrange::firstLogWithoutItsHeader(kept, {transferLog(13, 0), transferLog(13, 1), transferLog(17, 0)}),
             std::nullopt);
    QCOMPARE(fetchedrange::firstLogWithoutItsHeader(kept, {}), std::nullopt);
    // Block 17's logs come from another fork than the header fetched.
    QCOMPARE(fetchedrange::firstLogWithoutItsHeader(kept, {transferLog(13, 0), transferLog(17, 0, 1)}), std::optional<qint64>(17));
    // A block whose header was not fetched, inside the range and past its end.
    QCOMPARE(fetchedrange::firstLogWithoutItsHeader(kept, {transferLog(13, 0), transferLog(15, 0)}), std::optional<qint64>(15));
    QCOMPARE(fetchedrange::firstLogWithoutItsHeader(kept, {transferLog(21, 0)}), std::optional<qint64>(21));
}

void TestFetchedRange::decodesTransfersAndCountsWhatItCannotRead()
{
    LogEntry shortData = transferLog(12, 1);
    shortData.data.chop(1);                       // 31 bytes: no uint256 value
    LogEntry removed = transferLog(12, 2);
    removed.removed = true;                       // taken back by the node: never indexed
    LogEntry other = transferLog(12, 3);
    other.topics[0] = hashOf(99, 9);              // another event of the token: not ours
    const QList<LogEntry> logs{transferLog(12, 0, 0, 5), shortData, removed, other, transferLog(14, 0, 0, 7)};

    IndexBatch batch;
    QCOMPARE(fetchedrange::decodeLogs(logs, {}, batch, 31337), qint64(1));
    QCOMPARE(batch.transfers.size(), 2);
    QCOMPARE(batch.transfers[0].blockNumber, 12);
    QCOMPARE(batch.transfers[0].value, U256(5));
    QCOMPARE(batch.transfers[0].from, addressOf(1));
    QCOMPARE(batch.transfers[0].to, addressOf(2));
    QCOMPARE(batch.transfers[1].blockNumber, 14);
    QCOMPARE(batch.transfers[1].value, U256(7));
    QVERIFY(batch.agentEvents.isEmpty());

    // The token's address as an identity registry: its Transfer is no ERC-8004 event.
    IndexBatch asRegistry;
    QCOMPARE(fetchedrange::decodeLogs({transferLog(12, 0)}, {{Token, RegistryKind::Identity}}, asRegistry, 31337), qint64(1));
    QVERIFY(asRegistry.transfers.isEmpty() && asRegistry.agentEvents.isEmpty());
}

} // namespace tst_fetchedrange

ARBOR_GUILESS_TEST_MAIN(fetchedrange, tst_fetchedrange::TestFetchedRange)
#include "tst_fetchedrange.moc"

// Which of the newest blocks may hold a chain's logs, from their logsBloom, and when the chain's
// blooms are believed: TipBlooms on its own, with blooms built bit by bit.

#include "engine/tipblooms.h"
#include "model/evmevents.h"
#include "testmain.h"
#include "testvalues.h"

#include <QtTest>

using namespace arbor;
using namespace arbor::test;

namespace tst_tipblooms {

namespace {

const Address Token = addressOf(1, 0xaa);
const Address Other = addressOf(2, 0xbb);

/// A bloom with the bits of `items` set (addresses and topics); none: known and empty.
LogsBloom bloomOf(const QList<LogsBloom::Probe> &items)
{
    QByteArray bits(LogsBloom::Size, '\0');
    for (const LogsBloom::Probe &p : items) {
        for (size_t i = 0; i < 3; ++i)
            bits[p.byte[i]] = char(quint8(bits[p.byte[i]]) | p.mask[i]);
    }
    return LogsBloom::fromBytes(bits);
}

/// The token's Transfer: the bloom of a block holding one.
LogsBloom transferBloom()
{
    return bloomOf({LogsBloom::probe(Token), LogsBloom::probe(evmevents::transferTopic())});
}

BlockHeader header(qint64 number, LogsBloom bloom)
{
    BlockHeader h;
    h.number = number;
    h.logsBloom = std::move(bloom);
    return h;
}

LogEntry transferLog(qint64 block, const Address &address = Token)
{
    LogEntry log;
    log.blockNumber = block;
    log.address = address;
    log.topicCount = 3;
    log.topics[0] = evmevents::transferTopic();
    return log;
}

} // namespace

class TestTipBlooms : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void bloomsWithBitsAreBelievedFromTheStart();
    void emptyBloomsOnceTheNodeFillsThemIn();
    void emptyBloomsOnceABloomNamedItsLogs();
    void aBloomThatLeavesOutItsLogIsNeverBelievedAgain();
    void unknownBloomsMayHoldAnything();

private:
    TipBlooms m_blooms;
};

void TestTipBlooms::init()
{
    m_blooms = TipBlooms();
    m_blooms.setContracts({Token}, {evmevents::transferTopic()});
}

void TestTipBlooms::bloomsWithBitsAreBelievedFromTheStart()
{
    QVERIFY(!m_blooms.trusted());
    QVERIFY(m_blooms.mayHoldLogs(transferBloom()));
    // Another contract's Transfer, or the token's other events: not asked for.
    QVERIFY(!m_blooms.mayHoldLogs(bloomOf({LogsBloom::probe(Other), LogsBloom::probe(evmevents::transferTopic())})));
    QVERIFY(!m_blooms.mayHoldLogs(bloomOf({LogsBloom::probe(Token), LogsBloom::probe(Hash())})));
    QCOMPARE(m_blooms.contracts(), QList<Address>{Token});
}

void TestTipBlooms::emptyBloomsOnceTheNodeFillsThemIn()
{
    // An empty bloom may be a node that fills in none: asked for, until the node sends one with
    // bits set (here another contract's), which no log of ours needs to prove.
    const LogsBloom empty = bloomOf({});
    QVERIFY(empty.isKnown() && empty.isEmpty());
    QVERIFY(m_blooms.mayHoldLogs(empty));
    m_blooms.noteHeaders({header(10, empty), header(11, empty)});
    QVERIFY(m_blooms.mayHoldLogs(empty));
    m_blooms.noteHeaders({header(12, empty), header(13, bloomOf({LogsBloom::probe(Other)}))});
    QVERIFY(!m_blooms.mayHoldLogs(empty));
    QVERIFY(!m_blooms.trusted());
}

void TestTipBlooms::emptyBloomsOnceABloomNamedItsLogs()
{
    const LogsBloom empty = bloomOf({});
    // A block without a header in the list, a log without topics, another contract's log: no evidence.
    QVERIFY(!m_blooms.weigh({header(20, transferBloom())}, {transferLog(20, Other), transferLog(21)}));
    LogEntry anonymous = transferLog(20);
    anonymous.topicCount = 0;
    QVERIFY(!m_blooms.weigh({header(20, empty)}, {anonymous}));
    QVERIFY(!m_blooms.trusted());
    QVERIFY(m_blooms.mayHoldLogs(empty));
    // The bloom of block 20 names its Transfer.
    QVERIFY(!m_blooms.weigh({header(19, empty), header(20, transferBloom())}, {transferLog(20)}));
    QVERIFY(m_blooms.trusted());
    QVERIFY(!m_blooms.mayHoldLogs(empty));
    QVERIFY(m_blooms.mayHoldLogs(transferBloom()));
}

void TestTipBlooms::aBloomThatLeavesOutItsLogIsNeverBelievedAgain()
{
    QVERIFY(!m_blooms.weigh({header(30, transferBloom())}, {transferLog(30)}));
    QVERIFY(m_blooms.trusted());
    // Block 31 holds a Transfer its bloom leaves out (a node sending zeros): said once.
    QCOMPARE(m_blooms.weigh({header(31, bloomOf({}))}, {transferLog(31)}).value_or(-1), qint64(31));
    QVERIFY(!m_blooms.trusted());
    QVERIFY(!m_blooms.weigh({header(32, bloomOf({}))}, {transferLog(32)}));
    // Every block is asked for now, whatever its bloom says, and a bloom that names its log
    // again does not bring the trust back.
    m_blooms.noteHeaders({header(33, bloomOf({LogsBloom::probe(Other)}))});
    QVERIFY(m_blooms.mayHoldLogs(bloomOf({})));
    QVERIFY(m_blooms.mayHoldLogs(bloomOf({LogsBloom::probe(Other)})));
    QVERIFY(!m_blooms.weigh({header(34, transferBloom())}, {transferLog(34)}));
    QVERIFY(!m_blooms.trusted());
}

void TestTipBlooms::unknownBloomsMayHoldAnything()
{
    QVERIFY(!m_blooms.weigh({header(40, transferBloom())}, {transferLog(40)}));
    QVERIFY(m_blooms.trusted());
    QVERIFY(m_blooms.mayHoldLogs(LogsBloom()));
    // Nor is a header without a bloom evidence that the node fills them in.
    TipBlooms fresh;
    fresh.setContracts({Token}, {evmevents::transferTopic()});
    fresh.noteHeaders({header(41, LogsBloom())});
    QVERIFY(fresh.mayHoldLogs(bloomOf({})));
}

} // namespace tst_tipblooms

ARBOR_GUILESS_TEST_MAIN(tipblooms, tst_tipblooms::TestTipBlooms)
#include "tst_tipblooms.moc"

// TokenProbe against a fake ERC-20 on a FakeNode (127.0.0.1): name and symbol as `string` or
// `bytes32`, decimals missing, the deployment block by binary search over eth_getCode, a node
// without history, an address without code, and the balance mode decided from eth_getLogs
// before the start block (windows halved on refusals, "too many results", the call cap).

#include "fakenode.h"
#include "model/evmevents.h"
#include "rpc/tokenprobe.h"
#include "testmain.h"
#include "testvalues.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTimer>
#include <QtTest>

#include <optional>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_tokenprobe {

namespace {

const QString TokenHex = u"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"_s;

qint64 fromQuantity(const QJsonValue &v)
{
    return v.toString().mid(2).toLongLong(nullptr, 16);
}

QString wordHex(quint64 value)
{
    return QString::number(value, 16).rightJustified(64, u'0');
}

/// An ABI-encoded `string` return value.
QString abiString(const QByteArray &utf8)
{
    QString data = wordHex(32) + wordHex(quint64(utf8.size()));
    QByteArray padded = utf8;
    padded.append(QByteArray((32 - utf8.size() % 32) % 32, '\0'));
    return u"0x"_s + data + QString::fromLatin1(padded.toHex());
}

/// A `bytes32` return value: the text left-aligned, zero padded.
QString bytes32(const QByteArray &bytes)
{
    return u"0x"_s + QString::fromLatin1(QByteArray(bytes + QByteArray(32 - bytes.size(), '\0')).toHex());
}

/// What a fake eth_call of one selector answers: a result, or an error when `error` is set.
struct CallAnswer
{
    QString result;
    QString error;
};

CallAnswer ok(const QString &hex)
{
    return {hex, {}};
}

CallAnswer reverted()
{
    return {{}, u"execution reverted"_s};
}

/**
 * An ERC-20 on a FakeNode: its code from `deployBlock` on, its metadata by eth_call, its
 * Transfers at `transfers` (block numbers) by eth_getLogs. Like providers, it may refuse log
 * ranges wider than `maxLogRange` (with `rangeRefusal`), and a node without history refuses
 * eth_getCode below `historyFrom`.
 */
class FakeToken final
{
public:
    FakeToken()
    {
        node.head = 1000;
        node.answers[u"eth_getCode"_s] = [this](const QJsonArray &params) {
            const qint64 block = fromQuantity(params.at(1));
            codeBlocks.append(block);
            if (params.at(0).toString().compare(TokenHex, Qt::CaseInsensitive) != 0)
                return FakeNode::Answer(QJsonValue(u"0x"_s));
            if (historyFrom && block < *historyFrom) {
                if (nullWithoutHistory)
                    return FakeNode::Answer(QJsonValue(QJsonValue::Null));
                return FakeNode::Answer::error(-32000, u"missing trie node 1f2e3d (path )"_s);
            }
            return FakeNode::Answer(QJsonValue(block >= deployBlock ? u"0x6080604052348015600f57600080fd5b"_s : u"0x"_s));
        };
        node.answers[u"eth_call"_s] = [this](const QJsonArray &params) {
            const QString data = params.at(0).toObject().value(u"data"_s).toString();
            callBlocks.append(params.at(1).toString());
            const CallAnswer &a = data == u"0x06fdde03" ? name : data == u"0x95d89b41" ? symbol : decimals;
            if (!a.error.isEmpty())
                return FakeNode::Answer::error(3, a.error);
            return FakeNode::Answer(QJsonValue(a.result));
        };
        node.answers[u"eth_getLogs"_s] = [this](const QJsonArray &params) {
            const QJsonObject filter = params.at(0).toObject();
            const qint64 from = fromQuantity(filter.value(u"fromBlock"_s));
            const qint64 to = fromQuantity(filter.value(u"toBlock"_s));
            asked.append({from, to});
            if (!logsError.isEmpty())
                return FakeNode::Answer::error(logsErrorCode, logsError);
            if (maxLogRange > 0 && to - from + 1 > maxLogRange)
                return FakeNode::Answer::error(-32005, rangeRefusal);
            if (logsNull)
                return FakeNode::Answer(QJsonValue(QJsonValue::Null));
            filters.append(filter);
            QJsonArray logs;
            for (qint64 block : std::as_const(transfers)) {
                if (block < from || block > to)
                    continue;
                logs.append(QJsonObject{{u"address"_s, TokenHex},
                                        {u"topics"_s, QJsonArray{evmevents::transferTopic().toHex()}},
                                        {u"data"_s, QString(u"0x"_s + wordHex(1))},
                                        {u"blockNumber"_s, quantity(block)},
                                        {u"logIndex"_s, u"0x0"_s},
                                        {u"removed"_s, false}});
            }
            return FakeNode::Answer(QJsonValue(logs));
        };
    }

    /// eth_getLogs ranges answered with a list, in the order asked.
    QList<std::pair<qint64, qint64>> answeredRanges() const
    {
        QList<std::pair<qint64, qint64>> out;
        for (const QJsonObject &f : filters)
            out.append({fromQuantity(f.value(u"fromBlock"_s)), fromQuantity(f.value(u"toBlock"_s))});
        return out;
    }

    FakeNode node;
    qint64 deployBlock = 100;
    std::optional<qint64> historyFrom;          ///< eth_getCode below it fails (not an archive node)
    bool nullWithoutHistory = false;            ///< …by answering null instead of an error
    CallAnswer name = ok(abiString("Test Token"));
    CallAnswer symbol = ok(abiString("TT"));
    CallAnswer decimals = ok(u"0x"_s + wordHex(18));
    QList<qint64> transfers;
    qint64 maxLogRange = 0;                     ///< 0: any range
    QString rangeRefusal = u"block range is too wide"_s;
    QString logsError;                          ///< every eth_getLogs fails with it
    int logsErrorCode = -32005;
    bool logsNull = false;

    // What it saw.
    QList<qint64> codeBlocks;
    QStringList callBlocks;
    QList<std::pair<qint64, qint64>> asked;     ///< every eth_getLogs range, refused or not
    QList<QJsonObject> filters;                 ///< the eth_getLogs filters answered
};

Address token()
{
    return *Address::fromHex(TokenHex);
}

} // namespace

} // namespace tst_tokenprobe
Q_DECLARE_METATYPE(tst_tokenprobe::CallAnswer)
namespace tst_tokenprobe {

class TestTokenProbe final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void readsNameSymbolAndDecimals_data();
    void readsNameSymbolAndDecimals();
    void findsTheDeploymentBlock_data();
    void findsTheDeploymentBlock();
    void refusesAnAddressWithoutCode();
    void failsWhenTheNodeCannotBeReached();
    void nodeWithoutHistory_data();
    void nodeWithoutHistory();
    void balanceModeWithoutSearching_data();
    void balanceModeWithoutSearching();
    void balanceModeFromTransfersBeforeTheStart_data();
    void balanceModeFromTransfersBeforeTheStart();
    void windowsHalveWhenTheNodeRefusesARange();
    void tooManyResultsMeansThereAreSome();
    void nodeThatWillNotSayPicksBalanceOf_data();
    void nodeThatWillNotSayPicksBalanceOf();
    void givesUpAfterTwoHundredCalls();

private:
    Result<TokenInfo> probe(FakeToken &fake, std::optional<qint64> startBlock = std::nullopt, const QUrl &url = {});

    QNetworkAccessManager m_network;
};

Result<TokenInfo> TestTokenProbe::probe(FakeToken &fake, std::optional<qint64> startBlock, const QUrl &url)
{
    TokenProbe probe(&m_network);
    probe.setTimeout(5000);
    std::optional<Result<TokenInfo>> outcome;
    int calls = 0;
    // An event loop of its own: the probe's calls are sequential, and QTest::qWaitFor's naps
    // between rounds would add tens of milliseconds to each.
    QEventLoop loop;
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    probe.probe(url.isEmpty() ? fake.node.url() : url, token(), fake.node.head, startBlock, [&](Result<TokenInfo> info) {
        ++calls;
        outcome.emplace(std::move(info));
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    if (!outcome)
        return Error::internal(u"the probe never finished"_s);
    QTest::qWait(20);   // nothing calls back twice
    if (calls != 1)
        return Error::internal(u"done ran %1 times"_s.arg(calls));
    return *outcome;
}

#define VERIFY_OK(result) QVERIFY2((result).ok(), qPrintable((result).ok() ? QString() : (result).error().toString()))

void TestTokenProbe::readsNameSymbolAndDecimals_data()
{
    QTest::addColumn<CallAnswer>("name");
    QTest::addColumn<CallAnswer>("symbol");
    QTest::addColumn<CallAnswer>("decimals");
    QTest::addColumn<QString>("expectedName");
    QTest::addColumn<QString>("expectedSymbol");
    QTest::addColumn<int>("expectedDecimals");     // -1: none
    const CallAnswer d18 = ok(u"0x"_s + wordHex(18));
    QTest::newRow("string") << ok(abiString("Test Token")) << ok(abiString("TT")) << d18 << u"Test Token"_s << u"TT"_s << 18;
    QTest::newRow("UTF-8 string") << ok(abiString("Jeton äöü")) << ok(abiString("€T")) << d18 << u"Jeton äöü"_s << u"€T"_s << 18;
    QTest::newRow("long string") << ok(abiString(QByteArray(70, 'x'))) << ok(abiString("X")) << d18 << QString(70, u'x') << u"X"_s << 18;
    QTest::newRow("bytes32 (MKR)") << ok(bytes32("Maker")) << ok(bytes32("MKR")) << d18 << u"Maker"_s << u"MKR"_s << 18;
    QTest::newRow("bytes32 full width") << ok(bytes32(QByteArray(32, 'A'))) << ok(bytes32("A")) << d18 << QString(32, u'A') << u"A"_s << 18;
    QTest::newRow("bytes32 not UTF-8") << ok(bytes32("\xff\xfe")) << ok(bytes32("OK")) << d18 << QString() << u"OK"_s << 18;
    QTest::newRow("name reverts") << reverted() << ok(abiString("TT")) << d18 << QString() << u"TT"_s << 18;
    QTest::newRow("empty answers") << ok(u"0x"_s) << ok(u"0x"_s) << ok(u"0x"_s) << QString() << QString() << -1;
    QTest::newRow("not hex") << ok(u"0xzz"_s) << ok(u"nonsense"_s) << ok(u"0xzz"_s) << QString() << QString() << -1;
    QTest::newRow("string longer than the answer") << ok(u"0x"_s + wordHex(32) + wordHex(500) + wordHex(0)) << ok(abiString("TT")) << d18
                                                   << QString() << u"TT"_s << 18;
    QTest::newRow("no decimals()") << ok(abiString("Test Token")) << ok(abiString("TT")) << reverted() << u"Test Token"_s << u"TT"_s << -1;
    QTest::newRow("decimals 0") << ok(abiString("Points")) << ok(abiString("PTS")) << ok(u"0x"_s + wordHex(0)) << u"Points"_s << u"PTS"_s << 0;
    QTest::newRow("decimals 255") << ok(abiString("Odd")) << ok(abiString("ODD")) << ok(u"0x"_s + wordHex(255)) << u"Odd"_s << u"ODD"_s << 255;
    QTest::newRow("decimals past uint8") << ok(abiString("Odd")) << ok(abiString("ODD")) << ok(u"0x"_s + wordHex(256)) << u"Odd"_s << u"ODD"_s << -1;
    QTest::newRow("decimals short") << ok(abiString("Odd")) << ok(abiString("ODD")) << ok(u"0x12"_s) << u"Odd"_s << u"ODD"_s << -1;
    QTest::newRow("everything reverts") << reverted() << reverted() << reverted() << QString() << QString() << -1;
}

void TestTokenProbe::readsNameSymbolAndDecimals()
{
    QFETCH(CallAnswer, name);
    QFETCH(CallAnswer, symbol);
    QFETCH(CallAnswer, decimals);
    QFETCH(QString, expectedName);
    QFETCH(QString, expectedSymbol);
    QFETCH(int, expectedDecimals);
    FakeToken fake;
    fake.name = name;
    fake.symbol = symbol;
    fake.decimals = decimals;
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake);
    VERIFY_OK(info);
    QCOMPARE(info->address, token());
    QCOMPARE(info->name, expectedName);
    QCOMPARE(info->symbol, expectedSymbol);
    QCOMPARE(info->decimals, expectedDecimals < 0 ? std::nullopt : std::optional<int>(expectedDecimals));
    // Read at the head the probe was given, one call each.
    QCOMPARE(fake.callBlocks, QStringList(3, quantity(fake.node.head)));
    // Without a start block nothing about balances is decided.
    QCOMPARE(info->balanceMode, std::nullopt);
    QVERIFY(info->balanceModeReason.isEmpty());
    QVERIFY(fake.asked.isEmpty());
}

void TestTokenProbe::findsTheDeploymentBlock_data()
{
    QTest::addColumn<qint64>("head");
    QTest::addColumn<qint64>("deploy");
    QTest::newRow("genesis") << qint64(1000) << qint64(0);
    QTest::newRow("block 1") << qint64(1000) << qint64(1);
    QTest::newRow("middle") << qint64(1000) << qint64(777);
    QTest::newRow("one below the head") << qint64(1000) << qint64(999);
    QTest::newRow("at the head") << qint64(1000) << qint64(1000);
    QTest::newRow("mainnet sized") << qint64(20000000) << qint64(12345678);
}

void TestTokenProbe::findsTheDeploymentBlock()
{
    QFETCH(qint64, head);
    QFETCH(qint64, deploy);
    FakeToken fake;
    fake.node.head = head;
    fake.deployBlock = deploy;
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake);
    VERIFY_OK(info);
    QCOMPARE(info->deployBlock, std::optional<qint64>(deploy));
    QVERIFY(info->deployBlockNote.isEmpty());
    // A binary search: one call at the head, then about log2(head) more, never a scan.
    const int bound = 2 + int(std::ceil(std::log2(double(head) + 1)));
    QVERIFY2(fake.codeBlocks.size() <= bound, qPrintable(QString::number(fake.codeBlocks.size())));
    QCOMPARE(fake.codeBlocks.first(), head);
}

void TestTokenProbe::refusesAnAddressWithoutCode()
{
    FakeToken fake;
    fake.deployBlock = 5000;    // above the head: no code there yet
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake, 10);
    QVERIFY(!info);
    QCOMPARE(info.error().kind, Error::Kind::Invalid);
    QCOMPARE(info.error().field, u"token"_s);
    const QString &m = info.error().message;
    QVERIFY2(m.contains(token().toChecksumHex()), qPrintable(m));
    QVERIFY2(m.contains(u"block 1000"_s), qPrintable(m));
    QVERIFY2(m.contains(u"Check the address and the chain"_s), qPrintable(m));
    // Nothing else was asked of the node.
    QCOMPARE(fake.codeBlocks.size(), 1);
    QVERIFY(fake.callBlocks.isEmpty());
    QVERIFY(fake.asked.isEmpty());
}

void TestTokenProbe::failsWhenTheNodeCannotBeReached()
{
    FakeToken fake;
    const QUrl url = closedPort();
    const Result<TokenInfo> info = probe(fake, 10, url);
    QVERIFY(!info);
    QCOMPARE(info.error().kind, Error::Kind::Unavailable);
    QVERIFY2(info.error().message.contains(url.toString()) || info.error().message.contains(url.authority()),
             qPrintable(info.error().toString()));
}

void TestTokenProbe::nodeWithoutHistory_data()
{
    QTest::addColumn<bool>("answersNull");
    QTest::addColumn<QString>("note");
    QTest::newRow("missing trie node") << false << u"The node cannot serve contract code at block 500 ("_s;
    QTest::newRow("null") << true << u"The node gave no contract code at block 500;"_s;
}

void TestTokenProbe::nodeWithoutHistory()
{
    QFETCH(bool, answersNull);
    QFETCH(QString, note);
    FakeToken fake;
    fake.historyFrom = 900;     // keeps the state of the last 100 blocks only
    fake.nullWithoutHistory = answersNull;
    fake.transfers = {150};
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake, 600);
    VERIFY_OK(info);
    QCOMPARE(info->deployBlock, std::nullopt);
    QVERIFY2(info->deployBlockNote.startsWith(note), qPrintable(info->deployBlockNote));
    QVERIFY2(info->deployBlockNote.contains(u"probably not an archive node"_s), qPrintable(info->deployBlockNote));
    if (!answersNull)
        QVERIFY2(info->deployBlockNote.contains(u"missing trie node"_s), qPrintable(info->deployBlockNote));
    // The metadata is still read, and logs (which every node serves) still decide the balance mode.
    QCOMPARE(info->name, u"Test Token"_s);
    QCOMPARE(info->balanceMode, std::optional<BalanceMode>(BalanceMode::BalanceOf));
    QVERIFY2(info->balanceModeReason.contains(u"the latest at block 150"_s), qPrintable(info->balanceModeReason));
    QCOMPARE(fake.answeredRanges().first(), (std::pair<qint64, qint64>(0, 599)));
}

void TestTokenProbe::balanceModeWithoutSearching_data()
{
    QTest::addColumn<qint64>("deploy");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<QString>("reason");
    QTest::newRow("from the first block") << qint64(100) << qint64(0) << u"The chain is indexed from its first block."_s;
    QTest::newRow("deployed at the start block") << qint64(500) << qint64(500) << u"Deployed at block 500, at or after the start block 500."_s;
    QTest::newRow("deployed after the start block") << qint64(700) << qint64(500) << u"Deployed at block 700, at or after the start block 500."_s;
}

void TestTokenProbe::balanceModeWithoutSearching()
{
    QFETCH(qint64, deploy);
    QFETCH(qint64, start);
    QFETCH(QString, reason);
    FakeToken fake;
    fake.deployBlock = deploy;
    fake.transfers = {deploy, deploy + 1};
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake, start);
    VERIFY_OK(info);
    QCOMPARE(info->balanceMode, std::optional<BalanceMode>(BalanceMode::Transfers));
    QCOMPARE(info->balanceModeReason, reason);
    QVERIFY(fake.asked.isEmpty());
}

void TestTokenProbe::balanceModeFromTransfersBeforeTheStart_data()
{
    QTest::addColumn<qint64>("head");
    QTest::addColumn<qint64>("deploy");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<QList<qint64>>("transfers");
    QTest::addColumn<BalanceMode>("mode");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QList<std::pair<qint64, qint64>>>("ranges");
    using Ranges = QList<std::pair<qint64, qint64>>;
    QTest::newRow("none before the start") << qint64(10000) << qint64(1000) << qint64(9000) << QList<qint64>{9000, 9500} << BalanceMode::Transfers
                                           << u"No Transfer of the token before the start block 9000 (eth_getLogs over blocks 1000–8999)."_s
                                           << Ranges{{1000, 8999}};
    QTest::newRow("two before the start") << qint64(10000) << qint64(1000) << qint64(9000) << QList<qint64>{1500, 8500, 9100} << BalanceMode::BalanceOf
                                          << u"The token has Transfers before the start block 9000 (2 in blocks 1000–8999, the latest at block 8500): "
                                             "sums of the indexed Transfers would miss them, so balances are read with balanceOf."_s
                                          << Ranges{{1000, 8999}};
    QTest::newRow("one in the block before the start") << qint64(10000) << qint64(1000) << qint64(9000) << QList<qint64>{8999} << BalanceMode::BalanceOf
                                                       << u"(1 in blocks 1000–8999, the latest at block 8999)"_s << Ranges{{1000, 8999}};
    // Backwards from the start block, windows doubling while they are empty; the newest first.
    QTest::newRow("long history") << qint64(200000) << qint64(0) << qint64(100000) << QList<qint64>{20000, 25000} << BalanceMode::BalanceOf
                                  << u"(2 in blocks 0–29999, the latest at block 25000)"_s
                                  << Ranges{{90000, 99999}, {70000, 89999}, {30000, 69999}, {0, 29999}};
    QTest::newRow("long history, none") << qint64(200000) << qint64(0) << qint64(100000) << QList<qint64>{100000} << BalanceMode::Transfers
                                        << u"(eth_getLogs over blocks 0–99999)"_s
                                        << Ranges{{90000, 99999}, {70000, 89999}, {30000, 69999}, {0, 29999}};
}

void TestTokenProbe::balanceModeFromTransfersBeforeTheStart()
{
    QFETCH(qint64, head);
    QFETCH(qint64, deploy);
    QFETCH(qint64, start);
    QFETCH(QList<qint64>, transfers);
    QFETCH(BalanceMode, mode);
    QFETCH(QString, reason);
    using Ranges = QList<std::pair<qint64, qint64>>;
    QFETCH(Ranges, ranges);
    FakeToken fake;
    fake.node.head = head;
    fake.deployBlock = deploy;
    fake.transfers = transfers;
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake, start);
    VERIFY_OK(info);
    QCOMPARE(info->deployBlock, std::optional<qint64>(deploy));
    QCOMPARE(info->balanceMode, std::optional<BalanceMode>(mode));
    QVERIFY2(info->balanceModeReason.contains(reason), qPrintable(info->balanceModeReason));
    QCOMPARE(fake.answeredRanges(), ranges);
    // Only the token's Transfers are asked for.
    for (const QJsonObject &f : std::as_const(fake.filters)) {
        QCOMPARE(f.value(u"address"_s).toString().toLower(), TokenHex);
        QCOMPARE(f.value(u"topics"_s).toArray(), QJsonArray{evmevents::transferTopic().toHex()});
    }
}

void TestTokenProbe::windowsHalveWhenTheNodeRefusesARange()
{
    FakeToken fake;
    fake.node.head = 20000;
    fake.deployBlock = 0;
    fake.maxLogRange = 1000;
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake, 9000);
    VERIFY_OK(info);
    QCOMPARE(info->balanceMode, std::optional<BalanceMode>(BalanceMode::Transfers));
    // 10000 → 5000 → 2500 → 1250 refused, then 625 blocks per call, never wider again.
    const auto answered = fake.answeredRanges();
    QVERIFY(!answered.isEmpty());
    qint64 next = 8999;
    for (const auto &[from, to] : answered) {
        QCOMPARE(to, next);
        QVERIFY2(to - from + 1 <= 625, qPrintable(u"%1–%2"_s.arg(from).arg(to)));
        next = from - 1;
    }
    QCOMPARE(next, qint64(-1));     // [0, 8999] covered, once
    QCOMPARE(fake.asked.size() - answered.size(), 4);

    // Refused ranges do not hide a Transfer: it is found in a narrower window.
    FakeToken holder;
    holder.node.head = 20000;
    holder.deployBlock = 0;
    holder.maxLogRange = 1000;
    holder.rangeRefusal = u"exceed maximum block range: 1000"_s;
    holder.transfers = {10};
    QVERIFY(holder.node.listen());
    const Result<TokenInfo> found = probe(holder, 9000);
    VERIFY_OK(found);
    QCOMPARE(found->balanceMode, std::optional<BalanceMode>(BalanceMode::BalanceOf));
    QVERIFY2(found->balanceModeReason.contains(u"the latest at block 10)"_s), qPrintable(found->balanceModeReason));
}

void TestTokenProbe::tooManyResultsMeansThereAreSome()
{
    FakeToken fake;
    fake.node.head = 20000;
    fake.deployBlock = 1000;
    fake.logsError = u"query returned more than 10000 results. Try with this block range [0x3e8, 0x4b0]."_s;
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake, 9000);
    VERIFY_OK(info);
    QCOMPARE(info->balanceMode, std::optional<BalanceMode>(BalanceMode::BalanceOf));
    QCOMPARE(info->balanceModeReason,
             u"The token has Transfers before the start block 9000 (more in blocks 1000–8999 than the node returns at once): "
             "sums of the indexed Transfers would miss them, so balances are read with balanceOf."_s);
    QCOMPARE(fake.asked.size(), 1);     // no narrowing: the answer is known
}

void TestTokenProbe::nodeThatWillNotSayPicksBalanceOf_data()
{
    QTest::addColumn<QString>("error");
    QTest::addColumn<int>("code");
    QTest::addColumn<bool>("null");
    QTest::addColumn<QString>("why");
    QTest::newRow("eth_getLogs not served") << u"the method eth_getLogs does not exist/is not available"_s << -32601 << false
                                            << u"does not exist/is not available"_s;
    QTest::newRow("a list it does not send") << QString() << 0 << true << u"eth_getLogs did not answer with a list"_s;
    // Halved down to one block, and still refused.
    QTest::newRow("every range refused") << u"block range is too wide"_s << -32000 << false << u"block range is too wide"_s;
}

void TestTokenProbe::nodeThatWillNotSayPicksBalanceOf()
{
    QFETCH(QString, error);
    QFETCH(int, code);
    QFETCH(bool, null);
    QFETCH(QString, why);
    FakeToken fake;
    fake.node.head = 20000;
    fake.deployBlock = 0;
    fake.logsError = error;
    fake.logsErrorCode = code;
    fake.logsNull = null;
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake, 9000);
    VERIFY_OK(info);
    QCOMPARE(info->balanceMode, std::optional<BalanceMode>(BalanceMode::BalanceOf));
    const QString &reason = info->balanceModeReason;
    QVERIFY2(reason.startsWith(u"Whether the token has Transfers before the start block 9000 could not be read ("_s), qPrintable(reason));
    QVERIFY2(reason.contains(why), qPrintable(reason));
    QVERIFY2(reason.endsWith(u"balanceOf is exact either way."_s), qPrintable(reason));
    QVERIFY(fake.asked.size() <= 20);
}

void TestTokenProbe::givesUpAfterTwoHundredCalls()
{
    // A node that answers 100 blocks per eth_getLogs over a history of a million blocks.
    FakeToken fake;
    fake.node.head = 2000000;
    fake.deployBlock = 0;
    fake.maxLogRange = 100;
    QVERIFY(fake.node.listen());
    const Result<TokenInfo> info = probe(fake, 1000000);
    VERIFY_OK(info);
    QCOMPARE(fake.asked.size(), 200);
    QCOMPARE(info->balanceMode, std::optional<BalanceMode>(BalanceMode::BalanceOf));
    const qint64 lowest = fake.answeredRanges().last().first;
    const QString expected = u"No Transfer of the token in blocks %1–999999; blocks 0–%2 were not searched (the node answers "
                             "78 blocks per eth_getLogs at most). balanceOf is exact either way."_s
                                 .arg(lowest)
                                 .arg(lowest - 1);
    QCOMPARE(info->balanceModeReason, expected);
}

} // namespace tst_tokenprobe

ARBOR_GUILESS_TEST_MAIN(tokenprobe, tst_tokenprobe::TestTokenProbe)
#include "tst_tokenprobe.moc"

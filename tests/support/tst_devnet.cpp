// Self-test of the devnet support: the traffic generator's independently computed
// expectations must match what the chain says, or every integration test built on it
// would be checking against wrong numbers.

#include "devnet.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using arbor::test::Devnet;

namespace {

const QString TransferTopic = u"0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"_s;

// Decimal digits, least significant first; enough arithmetic for uint256 comparisons.
using Digits = std::vector<int>;

QString toString(const Digits &digits)
{
    QString text;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it)
        text.append(QChar(u'0' + *it));
    while (text.size() > 1 && text.startsWith(u'0'))
        text.remove(0, 1);
    return text.isEmpty() ? u"0"_s : text;
}

QString hexToDecimal(const QString &hex)
{
    Digits digits{0};
    for (const QChar c : QStringView(hex).mid(2)) {
        int carry = QStringView(&c, 1).toInt(nullptr, 16);
        for (int &d : digits) {
            const int x = d * 16 + carry;
            d = x % 10;
            carry = x / 10;
        }
        for (; carry > 0; carry /= 10)
            digits.push_back(carry % 10);
    }
    return toString(digits);
}

QString addDecimal(const QString &a, const QString &b)
{
    Digits digits;
    int carry = 0;
    for (qsizetype i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
        const int x = (i < a.size() ? a.at(a.size() - 1 - i).digitValue() : 0)
            + (i < b.size() ? b.at(b.size() - 1 - i).digitValue() : 0) + carry;
        digits.push_back(x % 10);
        carry = x / 10;
    }
    return toString(digits);
}

QString hexWord(const QString &address)
{
    return address.mid(2).toLower().rightJustified(64, u'0');
}

QString blockTag(qint64 block)
{
    return u"0x"_s + QString::number(block, 16);
}

QStringList tokenAddresses(const QJsonObject &deployment)
{
    QStringList addresses;
    for (const QJsonValue token : deployment[u"tokens"_s].toArray())
        addresses << token[u"address"_s].toString();
    return addresses;
}

QStringList toStringList(const QJsonArray &array)
{
    QStringList list;
    for (const QJsonValue value : array)
        list << value.toString();
    return list;
}

} // namespace

class TestDevnet : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void answersJsonRpc();
    void reportsRpcErrors();
    void deploysTokens();
    void trafficMatchesChain();
    void trafficIsDeterministic();
    void rejectsHoldersThatAlreadyHoldTokens();
    void testsCanMineBlocks();
    void cleanupTestCase();

private:
    std::optional<QString> ethCall(const QString &to, const QString &data, qint64 block);

    Devnet m_devnet;
    QStringList m_tokens;
};

std::optional<QString> TestDevnet::ethCall(const QString &to, const QString &data, qint64 block)
{
    QString error;
    const auto result = m_devnet.rpc(u"eth_call"_s,
                                     QJsonArray{QJsonObject{{u"to"_s, to}, {u"data"_s, data}}, blockTag(block)},
                                     &error);
    if (!result) {
        qWarning("eth_call failed: %s", qPrintable(error));
        return std::nullopt;
    }
    return hexToDecimal(result->toString());
}

void TestDevnet::initTestCase()
{
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error, 31337), qPrintable(error));
    QVERIFY(m_devnet.isRunning());
}

void TestDevnet::answersJsonRpc()
{
    QCOMPARE(m_devnet.rpcUrl().host(), u"127.0.0.1"_s);
    QString error;
    const auto chainId = m_devnet.rpc(u"eth_chainId"_s, {}, &error);
    QVERIFY2(chainId, qPrintable(error));
    QCOMPARE(chainId->toString(), u"0x"_s + QString::number(m_devnet.chainId(), 16));
}

void TestDevnet::reportsRpcErrors()
{
    QString error;
    QVERIFY(!m_devnet.rpc(u"arbor_noSuchMethod"_s, {}, &error));
    QVERIFY(error.contains(u"arbor_noSuchMethod"_s));
}

void TestDevnet::deploysTokens()
{
    QString error;
    const auto deployment = m_devnet.deployTokens(3, &error);
    QVERIFY2(deployment, qPrintable(error));
    QCOMPARE(deployment->value(u"chainId"_s).toInteger(), qint64(m_devnet.chainId()));

    const QJsonArray tokens = deployment->value(u"tokens"_s).toArray();
    QCOMPARE(tokens.size(), 3);
    const QList<int> decimals{18, 6, 8};
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const QJsonObject token = tokens.at(i).toObject();
        const QString address = token[u"address"_s].toString();
        QCOMPARE(address.size(), 42);
        QCOMPARE(address, address.toLower());
        QCOMPARE(token[u"decimals"_s].toInt(), decimals.at(i));
        QVERIFY(token[u"deployBlock"_s].toInteger() > 0);
        QVERIFY(!token[u"symbol"_s].toString().isEmpty());

        const auto code = m_devnet.rpc(u"eth_getCode"_s, {address, u"latest"_s}, &error);
        QVERIFY2(code, qPrintable(error));
        QVERIFY(code->toString().size() > 2);
        const auto onChainDecimals = ethCall(address, u"0x313ce567"_s, token[u"deployBlock"_s].toInteger());
        QVERIFY(onChainDecimals);
        QCOMPARE(*onChainDecimals, QString::number(decimals.at(i)));
    }
    m_tokens = tokenAddresses(*deployment);
    QCOMPARE(QSet<QString>(m_tokens.cbegin(), m_tokens.cend()).size(), 3);
}

void TestDevnet::trafficMatchesChain()
{
    QVERIFY(!m_tokens.isEmpty());
    constexpr int Transfers = 2000;
    constexpr int Holders = 50;
    constexpr int Blocks = 40;
    QString error;
    const auto traffic = m_devnet.generateTraffic(m_tokens, Transfers, Holders, Blocks, 42, &error);
    QVERIFY2(traffic, qPrintable(error));

    const QStringList holders = toStringList(traffic->value(u"holders"_s).toArray());
    QCOMPARE(holders.size(), Holders);
    QCOMPARE(QSet<QString>(holders.cbegin(), holders.cend()).size(), Holders);

    const qint64 fromBlock = traffic->value(u"fromBlock"_s).toInteger();
    const qint64 toBlock = traffic->value(u"toBlock"_s).toInteger();
    QVERIFY(fromBlock > 0);
    QVERIFY2(toBlock - fromBlock + 1 >= Blocks, "traffic should span about the requested number of blocks");
    const auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(head, qPrintable(error));
    QCOMPARE(head->toString().mid(2).toLongLong(nullptr, 16), toBlock);

    const QJsonObject transfers = traffic->value(u"transfers"_s).toObject();
    const QJsonObject mints = traffic->value(u"mints"_s).toObject();
    const QJsonObject balances = traffic->value(u"balances"_s).toObject();
    qint64 totalEvents = 0;
    for (const QString &token : m_tokens) {
        QCOMPARE(mints[token].toInt(), Holders);
        totalEvents += transfers[token].toInteger();

        // What an indexer will see: one Transfer log per mint and transfer.
        const auto logs = m_devnet.rpc(u"eth_getLogs"_s,
                                       {QJsonObject{{u"fromBlock"_s, blockTag(fromBlock)},
                                                    {u"toBlock"_s, blockTag(toBlock)},
                                                    {u"address"_s, token},
                                                    {u"topics"_s, QJsonArray{TransferTopic}}}},
                                       &error);
        QVERIFY2(logs, qPrintable(error));
        QCOMPARE(logs->toArray().size(), transfers[token].toInteger());

        QString sum = u"0"_s;
        const QJsonObject expected = balances[token].toObject();
        QCOMPARE(expected.size(), Holders);
        for (const QString &holder : holders) {
            const auto onChain = ethCall(token, u"0x70a08231"_s + hexWord(holder), toBlock);
            QVERIFY(onChain);
            QCOMPARE(*onChain, expected[holder].toString());
            sum = addDecimal(sum, expected[holder].toString());
        }
        const auto totalSupply = ethCall(token, u"0x18160ddd"_s, toBlock);
        QVERIFY(totalSupply);
        QCOMPARE(sum, *totalSupply);
        QCOMPARE(sum, traffic->value(u"minted"_s)[token].toString());
    }
    QCOMPARE(totalEvents, qint64(Transfers + Holders * m_tokens.size()));

    // The generator's own reader, used by other tests, agrees as well.
    const auto read = m_devnet.readBalances(m_tokens, holders, &error);
    QVERIFY2(read, qPrintable(error));
    QCOMPARE(read->value(u"balances"_s).toObject(), balances);

    const auto automine = m_devnet.rpc(u"anvil_getAutomine"_s, {}, &error);
    QVERIFY2(automine, qPrintable(error));
    QVERIFY2(automine->toBool(), "the generator must restore automine");
}

void TestDevnet::trafficIsDeterministic()
{
    QString error;
    QList<QJsonObject> runs;
    for (int run = 0; run < 2; ++run) {
        const auto deployment = m_devnet.deployTokens(2, &error);
        QVERIFY2(deployment, qPrintable(error));
        const QStringList tokens = tokenAddresses(*deployment);
        const auto traffic = m_devnet.generateTraffic(tokens, 300, 20, 6, 7, &error);
        QVERIFY2(traffic, qPrintable(error));
        // Key balances by token position, since each run has its own token addresses.
        QJsonObject byPosition;
        for (qsizetype i = 0; i < tokens.size(); ++i)
            byPosition.insert(QString::number(i), traffic->value(u"balances"_s)[tokens.at(i)]);
        byPosition.insert(u"holders"_s, traffic->value(u"holders"_s));
        runs << byPosition;
    }
    QCOMPARE(runs.at(0), runs.at(1));
}

void TestDevnet::rejectsHoldersThatAlreadyHoldTokens()
{
    QVERIFY(!m_tokens.isEmpty());
    QString error;
    QVERIFY(!m_devnet.generateTraffic(m_tokens, 10, 50, 2, 42, &error));
    QVERIFY2(error.contains(u"already holds"_s), qPrintable(error));
}

void TestDevnet::testsCanMineBlocks()
{
    QString error;
    const auto before = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(before, qPrintable(error));
    QVERIFY2(m_devnet.rpc(u"evm_mine"_s, {}, &error), qPrintable(error));
    const auto after = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(after, qPrintable(error));
    QCOMPARE(after->toString().mid(2).toLongLong(nullptr, 16), before->toString().mid(2).toLongLong(nullptr, 16) + 1);
}

void TestDevnet::cleanupTestCase()
{
    m_devnet.stop();
    QVERIFY(!m_devnet.isRunning());
    QVERIFY(m_devnet.rpcUrl().isEmpty());
}

QTEST_GUILESS_MAIN(TestDevnet)
#include "tst_devnet.moc"

// Self-test of the devnet support: the traffic generator's independently computed
// expectations must match what the chain says, or every integration test built on it
// would be checking against wrong numbers.

#include "devnet.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QMap>
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

qint64 quantity(const QJsonValue &hex)
{
    return hex.toString().mid(2).toLongLong(nullptr, 16);
}

QString keccak(const QByteArray &data)
{
    return u"0x"_s + QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Keccak_256).toHex());
}

// Two's complement, 64 hex digits, to a signed decimal.
QString signedWordToDecimal(const QString &word)
{
    if (QStringView(word).first(1).toInt(nullptr, 16) < 8)
        return hexToDecimal(u"0x"_s + word);
    QString inverted;
    for (const QChar c : word)
        inverted.append(QString::number(15 - QStringView(&c, 1).toInt(nullptr, 16), 16));
    return u"-"_s + addDecimal(hexToDecimal(u"0x"_s + inverted), u"1"_s);
}

// The ERC-8004 events as the spec declares them, written out here rather than taken from
// the generator, so that it is checked against the spec and not against itself.
const QStringList Erc8004Events{
    u"Registered(uint256 indexed agentId, string agentURI, address indexed owner)"_s,
    u"MetadataSet(uint256 indexed agentId, string indexed indexedMetadataKey, string metadataKey, bytes metadataValue)"_s,
    u"URIUpdated(uint256 indexed agentId, string newURI, address indexed updatedBy)"_s,
    u"NewFeedback(uint256 indexed agentId, address indexed clientAddress, uint64 feedbackIndex, int128 value, "
    "uint8 valueDecimals, string indexed indexedTag1, string tag1, string tag2, string endpoint, string feedbackURI, "
    "bytes32 feedbackHash)"_s,
    u"FeedbackRevoked(uint256 indexed agentId, address indexed clientAddress, uint64 indexed feedbackIndex)"_s,
    u"ResponseAppended(uint256 indexed agentId, address indexed clientAddress, uint64 feedbackIndex, "
    "address indexed responder, string responseURI, bytes32 responseHash)"_s,
    u"ValidationRequest(address indexed validatorAddress, uint256 indexed agentId, string requestURI, "
    "bytes32 indexed requestHash)"_s,
    u"ValidationResponse(address indexed validatorAddress, uint256 indexed agentId, bytes32 indexed requestHash, "
    "uint8 response, string responseURI, bytes32 responseHash, string tag)"_s,
};

struct AbiParameter
{
    QString type;
    QString name;
    bool indexed = false;
};

struct AbiEvent
{
    QString name;
    QString topic0;
    QList<AbiParameter> parameters;
};

AbiEvent parseEvent(const QString &declaration)
{
    AbiEvent event;
    const qsizetype open = declaration.indexOf(u'(');
    event.name = declaration.left(open);
    QStringList types;
    for (const QString &parameter : declaration.mid(open + 1, declaration.size() - open - 2).split(u", "_s)) {
        const QStringList words = parameter.split(u' ');
        event.parameters.append({words.first(), words.last(), words.size() == 3});
        types << words.first();
    }
    event.topic0 = keccak((event.name + u'(' + types.join(u',') + u')').toUtf8());
    return event;
}

QHash<QString, AbiEvent> erc8004Abi()
{
    QHash<QString, AbiEvent> abi;
    for (const QString &declaration : Erc8004Events) {
        const AbiEvent event = parseEvent(declaration);
        abi.insert(event.name, event);
    }
    return abi;
}

// A static value from its 32-byte word (a topic or a head slot of the data).
QString decodeWord(const QString &type, const QString &word)
{
    if (type == u"address")
        return u"0x"_s + word.right(40);
    if (type == u"bytes32")
        return u"0x"_s + word;
    if (type.startsWith(u"int"))
        return signedWordToDecimal(word);
    return hexToDecimal(u"0x"_s + word);
}

/**
 * Decodes \a log by the spec's \a abi and compares every parameter with what the generator
 * says it sent in \a event; an indexed string is compared as its topic, keccak-256 of the
 * plain string the event also carries. Returns the first difference, or an empty string.
 */
QString logMismatch(const QJsonObject &log, const QJsonObject &event, const AbiEvent &abi)
{
    const QJsonArray topics = log[u"topics"_s].toArray();
    const QString data = log[u"data"_s].toString().mid(2);
    const auto slot = [&data](qint64 byteOffset) { return data.mid(byteOffset * 2, 64); };
    if (topics.first().toString() != abi.topic0)
        return u"topic0 %1, expected %2"_s.arg(topics.first().toString(), abi.topic0);
    int topic = 1;
    int head = 0;
    for (const AbiParameter &parameter : abi.parameters) {
        QString decoded;
        if (parameter.indexed) {
            if (topic >= topics.size())
                return u"too few topics (%1)"_s.arg(topics.size());
            decoded = topics.at(topic++).toString();
            if (parameter.type != u"string")
                decoded = decodeWord(parameter.type, decoded.mid(2));
        } else if (parameter.type == u"string" || parameter.type == u"bytes") {
            const qint64 offset = slot(32 * head++).toLongLong(nullptr, 16);
            const qint64 length = slot(offset).toLongLong(nullptr, 16);
            const QString hex = data.mid((offset + 32) * 2, length * 2);
            decoded = parameter.type == u"string" ? QString::fromUtf8(QByteArray::fromHex(hex.toLatin1())) : u"0x"_s + hex;
        } else {
            decoded = decodeWord(parameter.type, slot(32 * head++));
        }
        const QString sent = event[parameter.name].toString();
        if (decoded != sent)
            return u"%1 is %2 on chain, the generator says %3"_s.arg(parameter.name, decoded, sent);
    }
    if (topic != topics.size())
        return u"%1 topics, expected %2"_s.arg(topics.size()).arg(topic);
    // The generator's own hash of an indexed string, checked against Qt's.
    for (const auto &[hashed, plain] : {std::pair(u"indexedMetadataKey"_s, u"metadataKey"_s),
                                        std::pair(u"indexedTag1"_s, u"tag1"_s)}) {
        if (event.contains(hashed) && event[hashed].toString() != keccak(event[plain].toString().toUtf8()))
            return u"%1 is not keccak-256 of %2"_s.arg(hashed, plain);
    }
    return {};
}

// Events stripped of what differs between two runs on different registries.
QJsonArray eventsByOffset(const QJsonObject &traffic)
{
    QJsonArray stripped;
    const qint64 fromBlock = traffic[u"fromBlock"_s].toInteger();
    for (const QJsonValue value : traffic[u"events"_s].toArray()) {
        QJsonObject event = value.toObject();
        event.remove(u"registry"_s);
        event.remove(u"txHash"_s);
        event.insert(u"blockNumber"_s, event[u"blockNumber"_s].toInteger() - fromBlock);
        stripped.append(event);
    }
    return stripped;
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
    void deploysRegistries();
    void agentEventsMatchLogs();
    void agentTrafficIsDeterministic();
    void agentTrafficNeedsRegistries();
    void reorgReplacesBlocks();
    void reorgCanLengthenTheChain();
    void reorgRefusesToReplaceGenesis();
    void restartedNodeHasLogsButNoOldState();
    void cleanupTestCase();

private:
    std::optional<QString> ethCall(const QString &to, const QString &data, qint64 block);
    std::optional<QJsonArray> transferLogs(const QStringList &tokens, qint64 fromBlock, qint64 toBlock);
    std::optional<QString> blockHash(qint64 block);

    Devnet m_devnet;
    QStringList m_tokens;
    QJsonObject m_registries;
};

std::optional<QJsonArray> TestDevnet::transferLogs(const QStringList &tokens, qint64 fromBlock, qint64 toBlock)
{
    QString error;
    const auto logs = m_devnet.rpc(u"eth_getLogs"_s,
                                   {QJsonObject{{u"fromBlock"_s, blockTag(fromBlock)},
                                                {u"toBlock"_s, blockTag(toBlock)},
                                                {u"address"_s, QJsonArray::fromStringList(tokens)},
                                                {u"topics"_s, QJsonArray{TransferTopic}}}},
                                   &error);
    if (!logs) {
        qWarning("eth_getLogs failed: %s", qPrintable(error));
        return std::nullopt;
    }
    return logs->toArray();
}

std::optional<QString> TestDevnet::blockHash(qint64 block)
{
    QString error;
    const auto header = m_devnet.rpc(u"eth_getBlockByNumber"_s, {blockTag(block), false}, &error);
    if (!header || !header->isObject()) {
        qWarning("no block %lld: %s", block, qPrintable(error));
        return std::nullopt;
    }
    return header->toObject()[u"hash"_s].toString();
}

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

void TestDevnet::deploysRegistries()
{
    QString error;
    const auto registries = m_devnet.deployRegistries(&error);
    QVERIFY2(registries, qPrintable(error));
    QSet<QString> addresses;
    for (const QString &kind : {u"identity"_s, u"reputation"_s, u"validation"_s}) {
        const QString address = registries->value(kind).toString();
        QCOMPARE(address.size(), 42);
        QCOMPARE(address, address.toLower());
        const auto code = m_devnet.rpc(u"eth_getCode"_s, {address, u"latest"_s}, &error);
        QVERIFY2(code, qPrintable(error));
        QVERIFY2(code->toString().size() > 2, qPrintable(kind));
        addresses.insert(address);
    }
    QCOMPARE(addresses.size(), 3);
    QVERIFY(registries->value(u"deployBlock"_s).toInteger() > 0);
    m_registries = *registries;
}

void TestDevnet::agentEventsMatchLogs()
{
    QVERIFY(!m_registries.isEmpty());
    // Qt's Keccak_256 is Ethereum's keccak, not SHA3-256: a known topic proves it.
    QCOMPARE(keccak("Transfer(address,address,uint256)"), TransferTopic);

    constexpr int Agents = 8;
    constexpr int Events = 150;
    QString error;
    const auto traffic = m_devnet.generateAgentTraffic(m_registries, Agents, Events, 5, &error);
    QVERIFY2(traffic, qPrintable(error));
    const QJsonArray events = traffic->value(u"events"_s).toArray();
    QCOMPARE(events.size(), Agents + Events);

    const auto logs = m_devnet.rpc(u"eth_getLogs"_s,
                                   {QJsonObject{{u"fromBlock"_s, blockTag(traffic->value(u"fromBlock"_s).toInteger())},
                                                {u"toBlock"_s, blockTag(traffic->value(u"toBlock"_s).toInteger())},
                                                {u"address"_s, QJsonArray{m_registries[u"identity"_s],
                                                                          m_registries[u"reputation"_s],
                                                                          m_registries[u"validation"_s]}}}},
                                   &error);
    QVERIFY2(logs, qPrintable(error));
    QCOMPARE(logs->toArray().size(), events.size());

    const QHash<QString, AbiEvent> abi = erc8004Abi();
    QMap<QString, int> perEvent;
    QMap<QString, qint64> lastFeedbackIndex; // "agentId client" -> index
    QSet<QString> values;
    QSet<QString> senders;
    QSet<qint64> valueDecimals;
    bool emptyString = false, nonAsciiString = false, longString = false, emptyBytes = false, nonEmptyBytes = false;
    bool sharedBlock = false;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject event = events.at(i).toObject();
        const QJsonObject log = logs->toArray().at(i).toObject();
        const QString name = event[u"event"_s].toString();
        QVERIFY2(abi.contains(name), qPrintable(name));
        QCOMPARE(log[u"address"_s].toString(), event[u"registry"_s].toString());
        QCOMPARE(event[u"registry"_s].toString(), m_registries[event[u"kind"_s].toString()].toString());
        QCOMPARE(quantity(log[u"blockNumber"_s]), event[u"blockNumber"_s].toInteger());
        QCOMPARE(quantity(log[u"logIndex"_s]), event[u"logIndex"_s].toInteger());
        QCOMPARE(log[u"transactionHash"_s].toString(), event[u"txHash"_s].toString());
        const QString mismatch = logMismatch(log, event, abi[name]);
        QVERIFY2(mismatch.isEmpty(), qPrintable(u"event %1 (%2): %3"_s.arg(i).arg(name, mismatch)));

        ++perEvent[name];
        sharedBlock = sharedBlock || event[u"logIndex"_s].toInteger() > 0;
        const QString agentId = event[u"agentId"_s].toString();
        if (name == u"Registered") {
            QCOMPARE(agentId, QString::number(perEvent[name]));
            senders.insert(event[u"owner"_s].toString());
        } else {
            QVERIFY2(agentId.toInt() >= 1 && agentId.toInt() <= perEvent[u"Registered"_s],
                     qPrintable(u"%1 for agent %2, which is not registered yet"_s.arg(name, agentId)));
        }
        const QString feedbackKey = agentId + u' ' + event[u"clientAddress"_s].toString();
        if (name == u"NewFeedback") {
            QCOMPARE(event[u"feedbackIndex"_s].toString(), QString::number(++lastFeedbackIndex[feedbackKey]));
            values.insert(event[u"value"_s].toString());
            valueDecimals.insert(event[u"valueDecimals"_s].toString().toLongLong());
            senders.insert(event[u"clientAddress"_s].toString());
        } else if (name == u"FeedbackRevoked" || name == u"ResponseAppended") {
            QVERIFY(event[u"feedbackIndex"_s].toString().toLongLong() <= lastFeedbackIndex.value(feedbackKey));
        }
        for (const AbiParameter &parameter : abi[name].parameters) {
            const QString value = event[parameter.name].toString();
            if (parameter.type == u"bytes") {
                emptyBytes = emptyBytes || value == u"0x";
                nonEmptyBytes = nonEmptyBytes || value.size() > 2;
            } else if (parameter.type == u"string" && !parameter.indexed) {
                emptyString = emptyString || value.isEmpty();
                nonAsciiString = nonAsciiString
                    || std::any_of(value.cbegin(), value.cend(), [](QChar c) { return c.unicode() > 127; });
                longString = longString || value.toUtf8().size() > 32;
            }
        }
    }

    // The variety the generator promises, so that decoder tests built on it see the edge cases.
    QCOMPARE(perEvent.size(), abi.size());
    QCOMPARE(perEvent[u"Registered"_s], Agents);
    QVERIFY(values.contains(u"-170141183460469231731687303715884105728"_s));
    QVERIFY(values.contains(u"170141183460469231731687303715884105727"_s));
    QVERIFY(std::any_of(values.cbegin(), values.cend(), [](const QString &v) { return v.startsWith(u'-') && v.size() < 30; }));
    QVERIFY(valueDecimals.contains(0) && valueDecimals.contains(18));
    QVERIFY(*std::max_element(valueDecimals.cbegin(), valueDecimals.cend()) <= 18);
    QVERIFY(emptyString && nonAsciiString && longString);
    QVERIFY(emptyBytes && nonEmptyBytes);
    QVERIFY(senders.size() >= 3);
    QVERIFY2(sharedBlock, "some block should hold several events");
}

void TestDevnet::agentTrafficIsDeterministic()
{
    QString error;
    QList<QJsonArray> runs;
    for (int run = 0; run < 2; ++run) {
        const auto registries = m_devnet.deployRegistries(&error);
        QVERIFY2(registries, qPrintable(error));
        const auto traffic = m_devnet.generateAgentTraffic(*registries, 3, 25, 11, &error);
        QVERIFY2(traffic, qPrintable(error));
        runs << eventsByOffset(*traffic);
    }
    QCOMPARE(runs.at(0).size(), 28);
    QCOMPARE(runs.at(0), runs.at(1));
}

void TestDevnet::agentTrafficNeedsRegistries()
{
    QJsonObject registries = m_registries;
    registries.insert(u"validation"_s, u"0x00000000000000000000000000000000deadbeef"_s);
    QString error;
    QVERIFY(!m_devnet.generateAgentTraffic(registries, 1, 1, 1, &error));
    QVERIFY2(error.contains(u"has no code"_s), qPrintable(error));
}

void TestDevnet::reorgReplacesBlocks()
{
    QVERIFY(!m_tokens.isEmpty());
    QString error;
    const auto traffic = m_devnet.generateTraffic(m_tokens, 90, 8, 6, 77, &error);
    QVERIFY2(traffic, qPrintable(error));
    const QStringList holders = toStringList(traffic->value(u"holders"_s).toArray());
    const qint64 head = traffic->value(u"toBlock"_s).toInteger();

    constexpr int Depth = 3;
    const qint64 common = head - Depth;
    QMap<qint64, QString> oldHashes;
    for (qint64 block = common; block <= head; ++block) {
        const auto hash = blockHash(block);
        QVERIFY(hash);
        oldHashes.insert(block, *hash);
    }
    const auto oldLogs = transferLogs(m_tokens, common + 1, head);
    QVERIFY(oldLogs);
    QVERIFY2(!oldLogs->isEmpty(), "the replaced blocks should hold transfers");

    const auto reorg = m_devnet.reorg(Depth, m_tokens, 10, holders, 5, &error);
    QVERIFY2(reorg, qPrintable(error));
    QCOMPARE(reorg->value(u"depth"_s).toInt(), Depth);
    QCOMPARE(reorg->value(u"commonAncestor"_s).toInteger(), common);
    QCOMPARE(reorg->value(u"toBlock"_s).toInteger(), head);

    // Same height, new blocks on the same ancestor.
    const auto after = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(after, qPrintable(error));
    QCOMPARE(quantity(*after), head);
    QCOMPARE(blockHash(common).value_or(QString()), oldHashes.value(common));
    const QJsonObject reportedOld = reorg->value(u"oldHashes"_s).toObject();
    const QJsonObject reportedNew = reorg->value(u"newHashes"_s).toObject();
    QCOMPARE(reportedOld.size(), Depth);
    QCOMPARE(reportedNew.size(), Depth);
    for (qint64 block = common + 1; block <= head; ++block) {
        const QString key = QString::number(block);
        QCOMPARE(reportedOld[key].toString(), oldHashes.value(block));
        const auto hash = blockHash(block);
        QVERIFY(hash);
        QCOMPARE(*hash, reportedNew[key].toString());
        QVERIFY2(*hash != oldHashes.value(block), qPrintable(u"block %1 kept its hash"_s.arg(block)));
    }
    const auto firstNew = m_devnet.rpc(u"eth_getBlockByNumber"_s, {blockTag(common + 1), false}, &error);
    QVERIFY2(firstNew, qPrintable(error));
    QCOMPARE(firstNew->toObject()[u"parentHash"_s].toString(), oldHashes.value(common));

    // The old transfers are reported and gone; the chain holds exactly the new ones.
    QSet<QString> removed;
    for (const QJsonValue log : *oldLogs)
        removed.insert(log[u"transactionHash"_s].toString());
    QSet<QString> reportedRemoved;
    for (const QJsonValue transfer : reorg->value(u"removedTransfers"_s).toArray())
        reportedRemoved.insert(transfer[u"txHash"_s].toString());
    QCOMPARE(reorg->value(u"removedTransfers"_s).toArray().size(), oldLogs->size());
    QCOMPARE(reportedRemoved, removed);
    const auto gone = m_devnet.rpc(u"eth_getTransactionReceipt"_s, {*removed.cbegin()}, &error);
    QVERIFY2(gone, qPrintable(error));
    QVERIFY(gone->isNull());

    const QJsonArray added = reorg->value(u"addedTransfers"_s).toArray();
    QCOMPARE(added.size(), 10);
    const auto newLogs = transferLogs(m_tokens, common + 1, head);
    QVERIFY(newLogs);
    QCOMPARE(newLogs->size(), added.size());
    for (qsizetype i = 0; i < added.size(); ++i) {
        const QJsonObject log = newLogs->at(i).toObject();
        const QJsonObject transfer = added.at(i).toObject();
        QVERIFY(!removed.contains(log[u"transactionHash"_s].toString()));
        QCOMPARE(log[u"transactionHash"_s].toString(), transfer[u"txHash"_s].toString());
        QCOMPARE(log[u"address"_s].toString(), transfer[u"token"_s].toString());
        QCOMPARE(quantity(log[u"blockNumber"_s]), transfer[u"blockNumber"_s].toInteger());
        QCOMPARE(quantity(log[u"logIndex"_s]), transfer[u"logIndex"_s].toInteger());
        const QJsonArray topics = log[u"topics"_s].toArray();
        QCOMPARE(u"0x"_s + topics.at(1).toString().right(40), transfer[u"from"_s].toString());
        QCOMPARE(u"0x"_s + topics.at(2).toString().right(40), transfer[u"to"_s].toString());
        QCOMPARE(hexToDecimal(log[u"data"_s].toString()), transfer[u"value"_s].toString());
        QVERIFY(holders.contains(transfer[u"from"_s].toString()) && holders.contains(transfer[u"to"_s].toString()));
    }
    QCOMPARE(quantity(newLogs->first()[u"blockNumber"_s]), common + 1);

    // Computed balances agree with the chain, and the holders' total is what it was.
    const auto read = m_devnet.readBalances(m_tokens, holders, &error);
    QVERIFY2(read, qPrintable(error));
    const QJsonObject balances = reorg->value(u"balances"_s).toObject();
    QCOMPARE(read->value(u"balances"_s).toObject(), balances);
    for (const QString &token : m_tokens) {
        QString before = u"0"_s, now = u"0"_s;
        for (const QString &holder : holders) {
            before = addDecimal(before, traffic->value(u"balances"_s)[token][holder].toString());
            now = addDecimal(now, balances[token][holder].toString());
        }
        QCOMPARE(now, before);
    }

    const auto pool = m_devnet.rpc(u"txpool_status"_s, {}, &error);
    QVERIFY2(pool, qPrintable(error));
    QCOMPARE(pool->toObject()[u"pending"_s].toString(), u"0x0"_s);
    const auto automine = m_devnet.rpc(u"anvil_getAutomine"_s, {}, &error);
    QVERIFY2(automine && automine->toBool(), "automine should be on after a reorg");
}

void TestDevnet::reorgCanLengthenTheChain()
{
    QString error;
    const auto before = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(before, qPrintable(error));
    const qint64 head = quantity(*before);
    const QStringList oldHashes{blockHash(head - 1).value_or(QString()), blockHash(head).value_or(QString())};
    QVERIFY(!oldHashes.contains(QString()));

    // No holders given: every recipient of the tokens so far.
    const auto reorg = m_devnet.reorg(2, m_tokens, 6, {}, 9, &error, 4);
    QVERIFY2(reorg, qPrintable(error));
    const auto after = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    QVERIFY2(after, qPrintable(error));
    QCOMPARE(quantity(*after), head + 2);
    QCOMPARE(reorg->value(u"toBlock"_s).toInteger(), head + 2);
    QCOMPARE(reorg->value(u"newHashes"_s).toObject().size(), 4);
    QVERIFY(blockHash(head - 1).value_or(oldHashes.at(0)) != oldHashes.at(0));
    QVERIFY(blockHash(head).value_or(oldHashes.at(1)) != oldHashes.at(1));

    const auto logs = transferLogs(m_tokens, head - 1, head + 2);
    QVERIFY(logs);
    const QJsonArray added = reorg->value(u"addedTransfers"_s).toArray();
    QCOMPARE(logs->size(), added.size());
    QCOMPARE(added.size(), 6);
    for (qsizetype i = 0; i < added.size(); ++i)
        QCOMPARE(logs->at(i)[u"transactionHash"_s].toString(), added.at(i)[u"txHash"_s].toString());
}

void TestDevnet::reorgRefusesToReplaceGenesis()
{
    QString error;
    QVERIFY(!m_devnet.reorg(1000000, m_tokens, 1, {}, 1, &error));
    QVERIFY2(error.contains(u"genesis"_s), qPrintable(error));
}

void TestDevnet::restartedNodeHasLogsButNoOldState()
{
    // A devnet of its own, so the other functions keep a node with recent history.
    Devnet devnet;
    QString error;
    QVERIFY2(devnet.start(&error, 31337), qPrintable(error));
    QVERIFY(!devnet.isFromStateDump());
    const auto deployment = devnet.deployTokens(2, &error);
    QVERIFY2(deployment, qPrintable(error));
    const QStringList tokens = tokenAddresses(*deployment);
    const qint64 deployBlock = deployment->value(u"tokens"_s).toArray().first()[u"deployBlock"_s].toInteger();
    const auto traffic = devnet.generateTraffic(tokens, 400, 20, 10, 11, &error);
    QVERIFY2(traffic, qPrintable(error));
    const QStringList holders = toStringList(traffic->value(u"holders"_s).toArray());
    const qint64 fromBlock = traffic->value(u"fromBlock"_s).toInteger();

    const auto call = [&](const QString &method, const QJsonArray &params, QString *callError) {
        return devnet.rpc(method, params, callError);
    };
    const auto head = [&]() -> qint64 {
        QString e;
        const auto h = call(u"eth_blockNumber"_s, {}, &e);
        return h ? quantity(*h) : -1;
    };
    const auto logs = [&](qint64 to) -> QJsonArray {
        QString e;
        const auto l = call(u"eth_getLogs"_s,
                            {QJsonObject{{u"fromBlock"_s, blockTag(0)}, {u"toBlock"_s, blockTag(to)},
                                         {u"address"_s, QJsonArray::fromStringList(tokens)},
                                         {u"topics"_s, QJsonArray{TransferTopic}}}},
                            &e);
        if (!l)
            qWarning("eth_getLogs: %s", qPrintable(e));
        return l ? l->toArray() : QJsonArray();
    };
    const auto hashes = [&](qint64 to) {
        QStringList out;
        for (qint64 n = 0; n <= to; ++n) {
            QString e;
            const auto block = call(u"eth_getBlockByNumber"_s, {blockTag(n), false}, &e);
            out << (block ? block->toObject()[u"hash"_s].toString() : e);
        }
        return out;
    };
    const auto supplyAt = [&](qint64 block, QString *callError) {
        return call(u"eth_call"_s, QJsonArray{QJsonObject{{u"to"_s, tokens.first()}, {u"data"_s, u"0x18160ddd"_s}}, blockTag(block)},
                    callError);
    };

    const qint64 dumpedHead = head();
    QCOMPARE(dumpedHead, traffic->value(u"toBlock"_s).toInteger());
    const QJsonArray logsBefore = logs(dumpedHead);
    QCOMPARE(logsBefore.size(), 400 + 2 * 20);
    const QStringList hashesBefore = hashes(dumpedHead);
    // The live node still has the state of these blocks (it keeps about the last 500).
    QVERIFY2(supplyAt(fromBlock, &error), qPrintable(error));
    const QUrl url = devnet.rpcUrl();

    QVERIFY2(devnet.restartFromStateDump(&error), qPrintable(error));
    QVERIFY(devnet.isRunning());
    QVERIFY(devnet.isFromStateDump());
    QCOMPARE(devnet.rpcUrl(), url);
    const auto chainId = call(u"eth_chainId"_s, {}, &error);
    QVERIFY2(chainId, qPrintable(error));
    QCOMPARE(quantity(*chainId), qint64(31337));

    // The same chain: head, every block hash, every Transfer log with its position.
    QCOMPARE(head(), dumpedHead);
    QCOMPARE(hashes(dumpedHead), hashesBefore);
    QCOMPARE(logs(dumpedHead), logsBefore);
    QString receiptError;
    const auto receipt = call(u"eth_getTransactionReceipt"_s, {logsBefore.last()[u"transactionHash"_s].toString()}, &receiptError);
    QVERIFY2(receipt && receipt->isObject(), qPrintable(receiptError));
    QCOMPARE(receipt->toObject()[u"logs"_s].toArray().last(), logsBefore.last());

    // State at the head: balances as the generator computed them.
    const auto atHead = devnet.readBalances(tokens, holders, &error);
    QVERIFY2(atHead, qPrintable(error));
    QCOMPARE(atHead->value(u"block"_s).toInteger(), dumpedHead);
    QCOMPARE(atHead->value(u"balances"_s).toObject(), traffic->value(u"balances"_s).toObject());

    // No state before it, whichever call asks: the node's own refusal.
    const QList<std::pair<QString, QJsonArray>> oldState{
        {u"eth_call"_s, QJsonArray{QJsonObject{{u"to"_s, tokens.first()}, {u"data"_s, u"0x18160ddd"_s}}, blockTag(fromBlock)}},
        {u"eth_call"_s, QJsonArray{QJsonObject{{u"to"_s, tokens.first()}, {u"data"_s, u"0x18160ddd"_s}}, blockTag(dumpedHead - 1)}},
        {u"eth_getBalance"_s, QJsonArray{holders.first(), blockTag(dumpedHead - 1)}},
        {u"eth_getBalance"_s, QJsonArray{deployment->value(u"tokens"_s).toArray().first()[u"deployer"_s].toString(), blockTag(1)}},
        {u"eth_getCode"_s, QJsonArray{tokens.first(), blockTag(deployBlock)}},
    };
    for (const auto &[method, params] : oldState) {
        QString refusal;
        QVERIFY2(!call(method, params, &refusal), qPrintable(method + u" answered at an old block"_s));
        QVERIFY2(refusal.contains(u"BlockOutOfRange"_s) && refusal.contains(u"block height is %1"_s.arg(dumpedHead)),
                 qPrintable(refusal));
    }

    // The restarted node goes on: new traffic lands, and blocks mined since have state.
    const auto more = devnet.generateTraffic(tokens, 60, 8, 3, 12, &error);
    QVERIFY2(more, qPrintable(error));
    const qint64 newHead = head();
    QVERIFY(newHead > dumpedHead);
    QCOMPARE(logs(newHead).size(), logsBefore.size() + 60 + 2 * 8);
    const auto moreBalances = devnet.readBalances(tokens, toStringList(more->value(u"holders"_s).toArray()), &error);
    QVERIFY2(moreBalances, qPrintable(error));
    QCOMPARE(moreBalances->value(u"balances"_s).toObject(), more->value(u"balances"_s).toObject());
    QVERIFY2(supplyAt(dumpedHead + 1, &error), qPrintable(error));
    QVERIFY(!supplyAt(dumpedHead - 1, &error));

    devnet.stop();
    QVERIFY(!devnet.isRunning());
    QVERIFY(!devnet.isFromStateDump());
}

void TestDevnet::cleanupTestCase()
{
    m_devnet.stop();
    QVERIFY(!m_devnet.isRunning());
    QVERIFY(m_devnet.rpcUrl().isEmpty());
}

QTEST_GUILESS_MAIN(TestDevnet)
#include "tst_devnet.moc"

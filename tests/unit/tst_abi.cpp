// What the indexer reads from nodes: JSON-RPC answers (blocks, logs, quantities) and the ABI
// encodings of the ERC-20 and ERC-8004 events inside the logs.

#include "testmetatypes.h"
#include "model/abi.h"
#include "model/evmevents.h"
#include "model/keccak.h"
#include "rpc/evmjson.h"
#include "model/keccak.h"
#include "model/logsbloom.h"
#include "testmain.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cctype>

using namespace arbor;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(arbor::LogEntry)
Q_DECLARE_METATYPE(arbor::AgentEvent)
Q_DECLARE_METATYPE(arbor::RegistryKind)

namespace tst_abi {

// Hidden from moc, which loses count of the braces in these helpers and would then miss the
// namespace the test class is in.
#ifndef Q_MOC_RUN
namespace {

// ---- a tiny ABI encoder, written from the specification and sharing no code with abi.cpp ----

QByteArray uintWord(const U256 &v)
{
    QByteArray out(32, '\0');
    for (int i = 0; i < 32; ++i)
        out[31 - i] = char((v >> (8 * i)).limbs()[0] & 0xff);
    return out;
}

QByteArray addressWord(const QByteArray &address)
{
    Q_ASSERT(address.size() == 20);
    return QByteArray(12, '\0') + address;
}

// int128 in a word: two's complement, sign-extended over all 256 bits.
QByteArray intWord(const QString &decimal)
{
    const bool negative = decimal.startsWith(u'-');
    const U256 magnitude = *u256::fromDecimal(decimal.mid(negative ? 1 : 0));
    return uintWord(negative ? U256(~magnitude + 1) : magnitude);
}

struct Arg
{
    QByteArray content;
    bool dynamic = false;
};

Arg word(const QByteArray &w) { return {w, false}; }
Arg dynamic(const QByteArray &content) { return {content, true}; }

// Heads, then the tails of the dynamic arguments in order: offset → length → zero-padded data.
QByteArray encode(const QList<Arg> &args)
{
    QByteArray head;
    QByteArray tails;
    const int headSize = 32 * int(args.size());
    for (const Arg &arg : args) {
        if (!arg.dynamic) {
            head += arg.content;
            continue;
        }
        head += uintWord(headSize + tails.size());
        tails += uintWord(arg.content.size()) + arg.content;
        tails += QByteArray((32 - arg.content.size() % 32) % 32, '\0');
    }
    return head + tails;
}

// ---- values ----------------------------------------------------------------------------------

QByteArray addr(char fill) { return QByteArray(20, fill); }
Address address(char fill) { return *Address::fromBytes(addr(fill)); }
Hash hashOf(const QByteArray &bytes) { return *Hash::fromBytes(bytes); }
Hash hash(char fill) { return hashOf(QByteArray(32, fill)); }

const char *const TransferSignature = "Transfer(address,address,uint256)";

LogEntry makeLog(const QList<QByteArray> &topics, const QByteArray &data)
{
    LogEntry log;
    log.blockNumber = 19000000;
    log.blockHash = hash('\xbb');
    log.logIndex = 7;
    log.txHash = hash('\xaa');
    log.address = address('\x11');
    for (qsizetype i = 0; i < topics.size() && i < 4; ++i)
        log.topics[size_t(i)] = hashOf(topics[i]);
    log.topicCount = int(topics.size());
    log.data = data;
    return log;
}

QByteArray topicBytes(const char *signature) { return keccak256(QByteArrayView(signature)); }

AgentEvent expectedEvent(RegistryKind kind, const char *name, const U256 &agentId)
{
    AgentEvent e;
    e.blockNumber = 19000000;
    e.logIndex = 7;
    e.txHash = hash('\xaa');
    e.registry = address('\x11');
    e.kind = kind;
    e.event = QString::fromLatin1(name);
    e.agentId = agentId;
    return e;
}

template<typename T>
QString opt(const std::optional<T> &v)
{
    if (!v)
        return u"-"_s;
    if constexpr (std::is_same_v<T, Address> || std::is_same_v<T, Hash>)
        return v->toHex();
    else if constexpr (std::is_same_v<T, QByteArray>)
        return QString::fromLatin1(v->toHex());
    else if constexpr (std::is_same_v<T, QString>)
        return u'"' + *v + u'"';
    else
        return QString::number(*v);
}

// Every field, so a failed comparison says which one differs.
QString describe(const AgentEvent &e)
{
    return u"%1 %2 block %3 log %4 tx %5 registry %6 agent %7 actor %8 counterparty %9"_s.arg(registryKindName(e.kind), e.event)
               .arg(e.blockNumber).arg(e.logIndex).arg(e.txHash.toHex(), e.registry.toHex(), u256::toDecimal(e.agentId), opt(e.actor),
                                                       opt(e.counterparty))
        + u" feedbackIndex %1 value %2 decimals %3 tag1 %4 tag2 %5 uri %6 dataHash %7 requestHash %8"_s.arg(
              opt(e.feedbackIndex), opt(e.value), opt(e.valueDecimals), opt(e.tag1), opt(e.tag2), opt(e.uri), opt(e.dataHash),
              opt(e.requestHash))
        + u" key %1 metadata %2 response %3 endpoint %4"_s.arg(opt(e.metadataKey), opt(e.metadataValue), opt(e.response), opt(e.endpoint));
}

QString errorText(const Error &e)
{
    static const char *const kinds[] = {"Invalid", "NotFound", "Conflict", "Unavailable", "Refused", "Internal"};
    return QLatin1String(kinds[int(e.kind)]) + u" "_s + e.toString();
}

// ---- JSON answers ----------------------------------------------------------------------------

QByteArray hex(qint64 n) { return "0x" + QByteArray::number(n, 16); }
QByteArray hashHex(char fill) { return "0x" + QByteArray(32, fill).toHex(); }

QByteArray blockJson(qint64 number)
{
    QByteArray txs;
    for (int i = 0; i < number % 3; ++i) {
        if (i)
            txs += ',';
        txs += '"' + hashHex(char(0x40 + i)) + '"';
    }
    return R"({"baseFeePerGas":"0x7","difficulty":"0x0","extraData":"0x","gasLimit":"0x1c9c380","gasUsed":")" + hex(21000 * (number % 3))
        + R"(","hash":")" + hashHex(char(number)) + R"(","logsBloom":"0x00","miner":"0x0000000000000000000000000000000000000000","number":")"
        + hex(number) + R"(","parentHash":")" + hashHex(char(number - 1)) + R"(","size":"0x220","timestamp":")" + hex(1700000000 + 12 * number)
        + R"(","transactions":[)" + txs + R"(],"uncles":[]})";
}

BlockHeader expectedBlock(qint64 number)
{
    BlockHeader b;
    b.number = number;
    b.hash = hash(char(number));
    b.parentHash = hash(char(number - 1));
    b.timestamp = 1700000000 + 12 * number;
    b.txCount = number % 3;
    b.gasUsed = 21000 * (number % 3);
    return b;
}

QByteArray answer(qint64 id, const QByteArray &result)
{
    return R"({"jsonrpc":"2.0","id":)" + QByteArray::number(id) + R"(,"result":)" + result + '}';
}

QByteArray errorAnswer(const QByteArray &id, int code, const QByteArray &message)
{
    return R"({"jsonrpc":"2.0","id":)" + id + R"(,"error":{"code":)" + QByteArray::number(code) + R"(,"message":")" + message + R"("}})";
}

QByteArray logJson(qint64 block, qint64 index, const QList<QByteArray> &topics, const QByteArray &data, const QByteArray &extra = {})
{
    QByteArray t;
    for (const QByteArray &topic : topics)
        t += (t.isEmpty() ? "\"" : ",\"") + topic + '"';
    return R"({"address":"0x1111111111111111111111111111111111111111","topics":[)" + t + R"(],"data":")" + data + R"(","blockNumber":")"
        + hex(block) + R"(","transactionHash":")" + hashHex('\xaa') + R"(","transactionIndex":"0x3","blockHash":")" + hashHex(char(block))
        + R"(","logIndex":")" + hex(index) + R"(","removed":false)" + extra + '}';
}

const QByteArray TransferTopicHex = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

} // namespace
#endif

class TestAbi final : public QObject
{
    Q_OBJECT

private slots:
    void transferTopic();
    void registrySignatures_data();
    void registrySignatures();

    void decodeTransfer();
    void decodeAgentEvent_data();
    void decodeAgentEvent();
    void int128_data();
    void int128();
    void malformedLog_data();
    void malformedLog();
    void utf8_data();
    void utf8();

    void blockBatchShuffled();
    void blockBatchRejected_data();
    void blockBatchRejected();
    void logs();
    void logsRejected_data();
    void logsRejected();
    void quantity_data();
    void quantity();
    void data_data();
    void data();
    void hexDigits();
    void rangeTooLarge_data();
    void rangeTooLarge();
    void requests();
    void logsBloom();
    void logsByHash();
    void providerMessages_data();
    void providerMessages();
};

void TestAbi::transferTopic()
{
    QCOMPARE(evmevents::transferTopic().toHex().toLatin1(), TransferTopicHex);
}

void TestAbi::registrySignatures_data()
{
    QTest::addColumn<RegistryKind>("kind");
    QTest::addColumn<QStringList>("signatures");
    QTest::newRow("identity") << RegistryKind::Identity
                              << QStringList{u"Registered(uint256,string,address)"_s, u"MetadataSet(uint256,string,string,bytes)"_s,
                                             u"URIUpdated(uint256,string,address)"_s};
    QTest::newRow("reputation") << RegistryKind::Reputation
                                << QStringList{u"NewFeedback(uint256,address,uint64,int128,uint8,string,string,string,string,string,bytes32)"_s,
                                               u"FeedbackRevoked(uint256,address,uint64)"_s,
                                               u"ResponseAppended(uint256,address,uint64,address,string,bytes32)"_s};
    QTest::newRow("validation") << RegistryKind::Validation
                                << QStringList{u"ValidationRequest(address,uint256,string,bytes32)"_s,
                                               u"ValidationResponse(address,uint256,bytes32,uint8,string,bytes32,string)"_s};
}

void TestAbi::registrySignatures()
{
    QFETCH(RegistryKind, kind);
    QFETCH(QStringList, signatures);
    const QList<evmevents::EventSignature> events = evmevents::registryEvents(kind);
    const QList<Hash> topics = evmevents::registryTopics(kind);
    QCOMPARE(events.size(), signatures.size());
    QCOMPARE(topics.size(), signatures.size());
    for (qsizetype i = 0; i < events.size(); ++i) {
        QCOMPARE(QString::fromLatin1(events[i].signature), signatures[i]);
        QVERIFY(QString::fromLatin1(events[i].signature).startsWith(QString::fromLatin1(events[i].name) + u'('));
        QCOMPARE(events[i].kind, kind);
        QCOMPARE(events[i].topic0, hashOf(keccak256(signatures[i].toLatin1())));
        QCOMPARE(topics[i], events[i].topic0);
    }
}

void TestAbi::decodeTransfer()
{
    const U256 value = std::numeric_limits<U256>::max();
    const LogEntry log = makeLog({topicBytes(TransferSignature), addressWord(addr('\x22')), addressWord(addr('\x33'))}, uintWord(value));
    const Result<TokenTransfer> t = evmevents::decodeTransfer(log);
    QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : errorText(t.error())));
    QCOMPARE(t->blockNumber, 19000000);
    QCOMPARE(t->logIndex, 7);
    QCOMPARE(t->txHash, hash('\xaa'));
    QCOMPARE(t->token, address('\x11'));
    QCOMPARE(t->from, address('\x22'));
    QCOMPARE(t->to, address('\x33'));
    QVERIFY(t->value == value);
}

void TestAbi::decodeAgentEvent_data()
{
    QTest::addColumn<RegistryKind>("kind");
    QTest::addColumn<LogEntry>("log");
    QTest::addColumn<AgentEvent>("expected");

    const U256 bigAgent = (U256(1) << 200) + 5;
    {
        AgentEvent e = expectedEvent(RegistryKind::Identity, "Registered", bigAgent);
        e.actor = address('\x22');
        e.uri = u"ipfs://bafy…/agent.json"_s;
        QTest::newRow("Registered")
            << RegistryKind::Identity
            << makeLog({topicBytes("Registered(uint256,string,address)"), uintWord(bigAgent), addressWord(addr('\x22'))},
                       encode({dynamic(u"ipfs://bafy…/agent.json"_s.toUtf8())}))
            << e;
    }
    {
        AgentEvent e = expectedEvent(RegistryKind::Identity, "MetadataSet", 42);
        e.metadataKey = u"agentWallet"_s;
        e.metadataValue = QByteArray(QByteArray::fromHex("00ff") + QByteArray(40, '\x5a'));   // 42 bytes: two words with padding
        QTest::newRow("MetadataSet")
            << RegistryKind::Identity
            << makeLog({topicBytes("MetadataSet(uint256,string,string,bytes)"), uintWord(42), keccak256("agentWallet")},
                       encode({dynamic("agentWallet"), dynamic(*e.metadataValue)}))
            << e;
    }
    {
        AgentEvent e = expectedEvent(RegistryKind::Identity, "MetadataSet", 43);
        e.metadataKey = QString();
        e.metadataValue = QByteArray();
        QTest::newRow("MetadataSet empty key and value")
            << RegistryKind::Identity
            << makeLog({topicBytes("MetadataSet(uint256,string,string,bytes)"), uintWord(43), keccak256("")}, encode({dynamic({}), dynamic({})}))
            << e;
    }
    {
        AgentEvent e = expectedEvent(RegistryKind::Identity, "URIUpdated", 1);
        e.actor = address('\x33');
        e.uri = u"https://example.org/a/1.json"_s;
        QTest::newRow("URIUpdated")
            << RegistryKind::Identity
            << makeLog({topicBytes("URIUpdated(uint256,string,address)"), uintWord(1), addressWord(addr('\x33'))},
                       encode({dynamic("https://example.org/a/1.json")}))
            << e;
    }
    {
        AgentEvent e = expectedEvent(RegistryKind::Reputation, "NewFeedback", 7);
        e.actor = address('\x44');
        e.feedbackIndex = std::numeric_limits<qint64>::max();
        e.value = u"-12345678901234567890"_s;
        e.valueDecimals = 18;
        e.tag1 = u"quality"_s;
        e.tag2 = u"Größe ✓ 🚀"_s;
        e.endpoint = u"https://agent.example/mcp"_s;
        e.uri = u"ipfs://feedback"_s;
        e.dataHash = hash('\x99');
        QTest::newRow("NewFeedback")
            << RegistryKind::Reputation
            << makeLog({topicBytes("NewFeedback(uint256,address,uint64,int128,uint8,string,string,string,string,string,bytes32)"), uintWord(7),
                        addressWord(addr('\x44')), keccak256("quality")},
                       encode({word(uintWord(std::numeric_limits<qint64>::max())), word(intWord(u"-12345678901234567890"_s)), word(uintWord(18)),
                               dynamic("quality"), dynamic(u"Größe ✓ 🚀"_s.toUtf8()), dynamic("https://agent.example/mcp"), dynamic("ipfs://feedback"),
                               word(QByteArray(32, '\x99'))}))
            << e;
    }
    {
        AgentEvent e = expectedEvent(RegistryKind::Reputation, "FeedbackRevoked", 8);
        e.actor = address('\x44');
        e.feedbackIndex = 3;
        QTest::newRow("FeedbackRevoked")
            << RegistryKind::Reputation
            << makeLog({topicBytes("FeedbackRevoked(uint256,address,uint64)"), uintWord(8), addressWord(addr('\x44')), uintWord(3)}, {})
            << e;
    }
    {
        AgentEvent e = expectedEvent(RegistryKind::Reputation, "ResponseAppended", 9);
        e.actor = address('\x44');
        e.counterparty = address('\x55');
        e.feedbackIndex = 0;
        e.uri = QString(64, u'r');   // exactly two words: no padding
        e.dataHash = hash('\x77');
        QTest::newRow("ResponseAppended")
            << RegistryKind::Reputation
            << makeLog({topicBytes("ResponseAppended(uint256,address,uint64,address,string,bytes32)"), uintWord(9), addressWord(addr('\x44')),
                        addressWord(addr('\x55'))},
                       encode({word(uintWord(0)), dynamic(QByteArray(64, 'r')), word(QByteArray(32, '\x77'))}))
            << e;
    }
    {
        AgentEvent e = expectedEvent(RegistryKind::Validation, "ValidationRequest", 10);
        e.actor = address('\x66');
        e.requestHash = hash('\x12');
        e.uri = u"ipfs://request"_s;
        QTest::newRow("ValidationRequest")
            << RegistryKind::Validation
            << makeLog({topicBytes("ValidationRequest(address,uint256,string,bytes32)"), addressWord(addr('\x66')), uintWord(10),
                        QByteArray(32, '\x12')},
                       encode({dynamic("ipfs://request")}))
            << e;
    }
    {
        AgentEvent e = expectedEvent(RegistryKind::Validation, "ValidationResponse", 11);
        e.actor = address('\x66');
        e.requestHash = hash('\x12');
        e.response = 100;
        e.uri = u"ipfs://response"_s;
        e.dataHash = hash('\x34');
        e.tag1 = u"zkml"_s;
        QTest::newRow("ValidationResponse")
            << RegistryKind::Validation
            << makeLog({topicBytes("ValidationResponse(address,uint256,bytes32,uint8,string,bytes32,string)"), addressWord(addr('\x66')),
                        uintWord(11), QByteArray(32, '\x12')},
                       encode({word(uintWord(100)), dynamic("ipfs://response"), word(QByteArray(32, '\x34')), dynamic("zkml")}))
            << e;
    }
}

void TestAbi::decodeAgentEvent()
{
    QFETCH(RegistryKind, kind);
    QFETCH(LogEntry, log);
    QFETCH(AgentEvent, expected);
    const Result<AgentEvent> e = evmevents::decodeAgentEvent(log, kind);
    QVERIFY2(e.ok(), qPrintable(e.ok() ? QString() : errorText(e.error())));
    QCOMPARE(describe(*e), describe(expected));
    QVERIFY(*e == expected);
}

void TestAbi::int128_data()
{
    QTest::addColumn<QByteArray>("word");
    QTest::addColumn<QString>("decimal");

    const QString min = u"-170141183460469231731687303715884105728"_s;
    const QString max = u"170141183460469231731687303715884105727"_s;
    QTest::newRow("zero") << intWord(u"0"_s) << u"0"_s;
    QTest::newRow("one") << intWord(u"1"_s) << u"1"_s;
    QTest::newRow("minus one") << QByteArray(32, '\xff') << u"-1"_s;
    QTest::newRow("minus 250") << intWord(u"-250"_s) << u"-250"_s;
    QTest::newRow("int128 max") << intWord(max) << max;
    QTest::newRow("int128 min") << QByteArray(QByteArray(16, '\xff') + '\x80' + QByteArray(15, '\0')) << min;
    QTest::newRow("int128 min, encoder") << intWord(min) << min;
}

void TestAbi::int128()
{
    QFETCH(QByteArray, word);
    QFETCH(QString, decimal);
    const Result<QString> v = abi::int128(word, "value");
    QVERIFY2(v.ok(), qPrintable(v.ok() ? QString() : errorText(v.error())));
    QCOMPARE(*v, decimal);
}

void TestAbi::malformedLog_data()
{
    // kind -1: decodeTransfer; otherwise decodeAgentEvent with that RegistryKind.
    QTest::addColumn<int>("kind");
    QTest::addColumn<LogEntry>("log");
    QTest::addColumn<QString>("field");

    const QByteArray transfer = topicBytes(TransferSignature);
    const QByteArray from = addressWord(addr('\x22'));
    const QByteArray to = addressWord(addr('\x33'));
    QTest::newRow("transfer: truncated data") << -1 << makeLog({transfer, from, to}, QByteArray(31, '\x01')) << u"Transfer"_s;
    QTest::newRow("transfer: no data") << -1 << makeLog({transfer, from, to}, {}) << u"Transfer"_s;
    QTest::newRow("transfer: oversized data") << -1 << makeLog({transfer, from, to}, uintWord(1) + uintWord(2)) << u"Transfer"_s;
    QTest::newRow("transfer: dirty address padding") << -1 << makeLog({transfer, QByteArray(12, '\0').replace(3, 1, "\x01") + addr('\x22'), to}, uintWord(1))
                                                     << u"Transfer.from"_s;
    QTest::newRow("transfer: two topics") << -1 << makeLog({transfer, from}, uintWord(1)) << u"Transfer"_s;
    QTest::newRow("transfer: ERC-721 (tokenId indexed)") << -1 << makeLog({transfer, from, to, uintWord(1234)}, {}) << u"Transfer"_s;
    QTest::newRow("transfer: another event") << -1 << makeLog({topicBytes("Approval(address,address,uint256)"), from, to}, uintWord(1))
                                             << u"Transfer"_s;
    QTest::newRow("transfer: no topics") << -1 << makeLog({}, uintWord(1)) << u"Transfer"_s;

    const QByteArray registered = topicBytes("Registered(uint256,string,address)");
    const QList<QByteArray> registeredTopics = {registered, uintWord(1), addressWord(addr('\x22'))};
    auto registeredLog = [&](const QByteArray &data) { return makeLog(registeredTopics, data); };
    const int identity = int(RegistryKind::Identity);
    const QByteArray good = encode({dynamic("hello")});   // offset 32, length 5, one padded word
    QVERIFY(evmevents::decodeAgentEvent(registeredLog(good), RegistryKind::Identity).ok());
    QTest::newRow("string: truncated padding") << identity << registeredLog(good.left(good.size() - 1)) << u"Registered.agentURI"_s;
    QTest::newRow("string: truncated length") << identity << registeredLog(good.left(48)) << u"Registered.agentURI"_s;
    QTest::newRow("string: head only") << identity << registeredLog(good.left(32)) << u"Registered.agentURI"_s;
    QTest::newRow("string: empty data") << identity << registeredLog({}) << u"Registered"_s;
    QTest::newRow("string: offset past end") << identity << registeredLog(uintWord(96) + good.mid(32)) << u"Registered.agentURI"_s;
    QTest::newRow("string: offset 2^255") << identity << registeredLog(uintWord(U256(1) << 255) + good.mid(32)) << u"Registered.agentURI"_s;
    QTest::newRow("string: offset 2^64 + 32") << identity << registeredLog(uintWord((U256(1) << 64) + 32) + good.mid(32)) << u"Registered.agentURI"_s;
    QTest::newRow("string: offset not a whole word") << identity << registeredLog(uintWord(33) + QByteArray(1, '\0') + good.mid(32))
                                                     << u"Registered.agentURI"_s;
    QTest::newRow("string: offset into the head") << identity << registeredLog(uintWord(0) + good.mid(32)) << u"Registered.agentURI"_s;
    QTest::newRow("string: length 2^256-1") << identity << registeredLog(uintWord(32) + uintWord(std::numeric_limits<U256>::max()) + good.mid(64))
                                            << u"Registered.agentURI"_s;
    QTest::newRow("string: length 2^64-1") << identity << registeredLog(uintWord(32) + uintWord(~quint64(0)) + good.mid(64)) << u"Registered.agentURI"_s;
    QTest::newRow("string: length past end") << identity << registeredLog(uintWord(32) + uintWord(33) + good.mid(64)) << u"Registered.agentURI"_s;
    QTest::newRow("string: dirty padding") << identity << registeredLog(QByteArray(good).replace(good.size() - 1, 1, "x")) << u"Registered.agentURI"_s;
    QTest::newRow("string: trailing word") << identity << registeredLog(good + uintWord(0)) << u"Registered"_s;
    QTest::newRow("string: invalid UTF-8") << identity << registeredLog(encode({dynamic("ab\xff")})) << u"Registered.agentURI"_s;
    QTest::newRow("string: overlong UTF-8") << identity << registeredLog(encode({dynamic("\xc0\xaf")})) << u"Registered.agentURI"_s;
    QTest::newRow("string: UTF-16 surrogate") << identity << registeredLog(encode({dynamic("\xed\xa0\x80")})) << u"Registered.agentURI"_s;
    QTest::newRow("string: cut UTF-8 sequence") << identity << registeredLog(encode({dynamic("\xe2\x9c")})) << u"Registered.agentURI"_s;
    QTest::newRow("owner: dirty padding") << identity
                                          << makeLog({registered, uintWord(1), QByteArray(12, '\xff') + addr('\x22')}, good) << u"Registered.owner"_s;
    QTest::newRow("registered: four topics") << identity << makeLog(registeredTopics + QList<QByteArray>{uintWord(0)}, good) << u"Registered"_s;
    QTest::newRow("registered: as a reputation event") << int(RegistryKind::Reputation) << registeredLog(good) << u"topic0"_s;

    const QByteArray feedback = topicBytes("NewFeedback(uint256,address,uint64,int128,uint8,string,string,string,string,string,bytes32)");
    auto feedbackLog = [&](const QByteArray &index, const QByteArray &value, const QByteArray &decimals) {
        return makeLog({feedback, uintWord(1), addressWord(addr('\x44')), keccak256("t")},
                       encode({word(index), word(value), word(decimals), dynamic("t"), dynamic({}), dynamic({}), dynamic({}), word(QByteArray(32, '\0'))}));
    };
    const int reputation = int(RegistryKind::Reputation);
    QVERIFY(evmevents::decodeAgentEvent(feedbackLog(uintWord(1), intWord(u"-1"_s), uintWord(2)), RegistryKind::Reputation).ok());
    QTest::newRow("feedbackIndex 2^63") << reputation << feedbackLog(uintWord(U256(1) << 63), intWord(u"1"_s), uintWord(2))
                                        << u"NewFeedback.feedbackIndex"_s;
    QTest::newRow("feedbackIndex 2^64") << reputation << feedbackLog(uintWord(U256(1) << 64), intWord(u"1"_s), uintWord(2))
                                        << u"NewFeedback.feedbackIndex"_s;
    QTest::newRow("int128 not sign-extended") << reputation << feedbackLog(uintWord(1), uintWord(U256(1) << 127), uintWord(2))
                                              << u"NewFeedback.value"_s;
    QTest::newRow("int128 negative, upper half 0") << reputation << feedbackLog(uintWord(1), QByteArray(16, '\0') + QByteArray(16, '\xff'), uintWord(2))
                                                   << u"NewFeedback.value"_s;
    QTest::newRow("int128 wider than 128 bits") << reputation << feedbackLog(uintWord(1), uintWord(U256(1) << 128), uintWord(2))
                                                 << u"NewFeedback.value"_s;
    QTest::newRow("valueDecimals 256") << reputation << feedbackLog(uintWord(1), intWord(u"1"_s), uintWord(256)) << u"NewFeedback.valueDecimals"_s;
    QTest::newRow("feedback: missing topic") << reputation
                                             << makeLog({feedback, uintWord(1), addressWord(addr('\x44'))},
                                                        feedbackLog(uintWord(1), intWord(u"1"_s), uintWord(2)).data)
                                             << u"NewFeedback"_s;
    const QByteArray revoked = topicBytes("FeedbackRevoked(uint256,address,uint64)");
    QTest::newRow("revoked: data not empty") << reputation << makeLog({revoked, uintWord(1), addressWord(addr('\x44')), uintWord(3)}, uintWord(0))
                                             << u"FeedbackRevoked"_s;
    QTest::newRow("revoked: index 2^63 in a topic") << reputation
                                                     << makeLog({revoked, uintWord(1), addressWord(addr('\x44')), uintWord(U256(1) << 63)}, {})
                                                     << u"FeedbackRevoked.feedbackIndex"_s;
    const QByteArray response = topicBytes("ValidationResponse(address,uint256,bytes32,uint8,string,bytes32,string)");
    QTest::newRow("response 256") << int(RegistryKind::Validation)
                                  << makeLog({response, addressWord(addr('\x66')), uintWord(11), QByteArray(32, '\x12')},
                                             encode({word(uintWord(256)), dynamic("a"), word(QByteArray(32, '\0')), dynamic("b")}))
                                  << u"ValidationResponse.response"_s;
    QTest::newRow("validator: dirty padding") << int(RegistryKind::Validation)
                                              << makeLog({response, QByteArray(32, '\x66'), uintWord(11), QByteArray(32, '\x12')},
                                                         encode({word(uintWord(1)), dynamic("a"), word(QByteArray(32, '\0')), dynamic("b")}))
                                              << u"ValidationResponse.validatorAddress"_s;
    LogEntry tooManyTopics = makeLog({response}, {});
    tooManyTopics.topicCount = 9;   // a LogEntry built by mistake must not make the decoder read past its topics
    QTest::newRow("topicCount 9") << int(RegistryKind::Validation) << tooManyTopics << u"ValidationResponse"_s;
}

void TestAbi::malformedLog()
{
    QFETCH(int, kind);
    QFETCH(LogEntry, log);
    QFETCH(QString, field);
    const Error error = kind < 0 ? [&] {
        const Result<TokenTransfer> t = evmevents::decodeTransfer(log);
        return t.ok() ? Error::internal(u"decoded"_s) : t.error();
    }()
                                 : [&] {
                                       const Result<AgentEvent> e = evmevents::decodeAgentEvent(log, RegistryKind(kind));
                                       return e.ok() ? Error::internal(u"decoded: "_s + describe(*e)) : e.error();
                                   }();
    QVERIFY2(error.kind == Error::Kind::Invalid, qPrintable(errorText(error)));
    QCOMPARE(error.field, field);
    QVERIFY2(error.message.contains(u"log 7 of block 19000000"_s), qPrintable(error.message));
}

void TestAbi::utf8_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("ascii with NUL") << QByteArray("a\0b", 3) << true;
    QTest::newRow("2, 3 and 4 bytes") << "\xc3\xa9\xe2\x9c\x93\xf0\x9f\x9a\x80"_ba << true;
    QTest::newRow("U+10FFFF") << "\xf4\x8f\xbf\xbf"_ba << true;
    QTest::newRow("above U+10FFFF") << "\xf4\x90\x80\x80"_ba << false;
    QTest::newRow("overlong slash") << "\xc0\xaf"_ba << false;
    QTest::newRow("overlong 3 bytes") << "\xe0\x80\xaf"_ba << false;
    QTest::newRow("surrogate") << "\xed\xbf\xbf"_ba << false;
    QTest::newRow("lone continuation") << "\x80"_ba << false;
    QTest::newRow("five-byte lead") << "\xf8\x88\x80\x80\x80"_ba << false;
    QTest::newRow("truncated at end") << "abc\xf0\x9f\x9a"_ba << false;
    QTest::newRow("bad continuation") << "\xe2\x28\xa1"_ba << false;
}

void TestAbi::utf8()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    QCOMPARE(abi::isValidUtf8(bytes), valid);
}

// ---- evmjson ---------------------------------------------------------------------------------

void TestAbi::blockBatchShuffled()
{
    const qint64 from = 1000;
    const qint64 firstId = 50;
    QList<QByteArray> answers;
    for (qint64 n = from; n < from + 6; ++n)
        answers.append(answer(firstId + (n - from), blockJson(n)));
    const QByteArray body = '[' + answers[4] + ',' + answers[1] + ',' + answers[5] + ",\n " + answers[0] + ',' + answers[3] + ',' + answers[2] + ']';
    const Result<QList<BlockHeader>> blocks = evmjson::parseBlockBatch(body, from, from + 5, firstId);
    QVERIFY2(blocks.ok(), qPrintable(blocks.ok() ? QString() : errorText(blocks.error())));
    QCOMPARE(blocks->size(), 6);
    for (qint64 n = from; n < from + 6; ++n)
        QCOMPARE(blocks->at(n - from), expectedBlock(n));
}

void TestAbi::blockBatchRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("needle");

    // The batch asks for blocks 10-12 with ids 1-3.
    const QByteArray a = answer(1, blockJson(10));
    const QByteArray b = answer(2, blockJson(11));
    const QByteArray c = answer(3, blockJson(12));
    auto batch = [](const QList<QByteArray> &items) -> QByteArray { return '[' + items.join(',') + ']'; };
    QTest::newRow("node error for one entry")
        << batch({a, errorAnswer("2", -32000, "header not found"), c}) << Error::Kind::Refused << QString() << u"error -32000 from the node: header not found"_s;
    QTest::newRow("batch refused as a whole")
        << errorAnswer("null", -32600, "batch too large") << Error::Kind::Refused << QString() << u"batch too large"_s;
    // Not a JSON path: the operator reads which block the node does not serve yet.
    QTest::newRow("null block") << batch({a, b, answer(3, "null")}) << Error::Kind::Unavailable << u"eth_getBlockByNumber"_s
                                << u"does not serve block 12 yet"_s;
    QTest::newRow("missing answer") << batch({a, c}) << Error::Kind::Invalid << u"response"_s << u"2 of the 3"_s;
    QTest::newRow("extra answer") << batch({a, b, c, c}) << Error::Kind::Invalid << u"response"_s << u"4 of the 3"_s;
    QTest::newRow("same id twice") << batch({a, b, answer(2, blockJson(11))}) << Error::Kind::Invalid << u"[2].id"_s << u"twice"_s;
    QTest::newRow("unknown id") << batch({a, b, answer(4, blockJson(12))}) << Error::Kind::Invalid << u"[2].id"_s << u"did not contain"_s;
    QTest::newRow("id 0") << batch({answer(0, blockJson(10)), b, c}) << Error::Kind::Invalid << u"[0].id"_s << u"did not contain"_s;
    QTest::newRow("string id") << batch({a, b, QByteArray(c).replace("\"id\":3", "\"id\":\"3\"")}) << Error::Kind::Invalid << u"[2].id"_s << u"numeric"_s;
    QTest::newRow("wrong block for id") << batch({a, b, answer(3, blockJson(13))}) << Error::Kind::Invalid << u"[2].result.number"_s << u"block 13"_s;
    QTest::newRow("short hash") << batch({a, QByteArray(b).replace(hashHex(11), hashHex(11).chopped(1)), c}) << Error::Kind::Invalid
                                << u"[1].result.hash"_s << u"32-byte"_s;
    QTest::newRow("non-hex parent hash") << batch({a, b, QByteArray(c).replace(hashHex(11), hashHex(11).replace("0b0b", "0g0b"))})
                                         << Error::Kind::Invalid << u"[2].result.parentHash"_s << u"32-byte"_s;
    QTest::newRow("gasUsed 2^63") << batch({QByteArray(a).replace("\"gasUsed\":\"0x5208\"", "\"gasUsed\":\"0x8000000000000000\""), b, c})
                                  << Error::Kind::Invalid << u"[0].result.gasUsed"_s << u"quantity"_s;
    QTest::newRow("timestamp as a number") << batch({a, b, QByteArray(c).replace("\"timestamp\":\"0x6553f190\"", "\"timestamp\":1700000144")})
                                           << Error::Kind::Invalid << u"[2].result.timestamp"_s << u"quantity"_s;
    QTest::newRow("missing parentHash") << batch({a, QByteArray(b).replace("\"parentHash\"", "\"parentHush\""), c}) << Error::Kind::Invalid
                                        << u"[1].result.parentHash"_s << u"lacks"_s;
    QTest::newRow("missing jsonrpc") << batch({a, QByteArray(b).replace("\"jsonrpc\":\"2.0\",", ""), c}) << Error::Kind::Invalid << u"[1].jsonrpc"_s
                                     << u"lacks"_s;
    QTest::newRow("result not an object") << batch({a, answer(2, "[]"), c}) << Error::Kind::Invalid << u"[1].result"_s << u"block object"_s;
    QTest::newRow("truncated") << batch({a, b, c}).chopped(40) << Error::Kind::Invalid << u"response"_s << u"not valid JSON"_s;
    QTest::newRow("not JSON") << "<html>502 Bad Gateway</html>"_ba << Error::Kind::Invalid << u"response"_s << u"502 Bad Gateway"_s;
    QTest::newRow("empty") << QByteArray() << Error::Kind::Invalid << u"response"_s << u"empty"_s;
    QTest::newRow("trailing garbage") << batch({a, b, c}) + "]" << Error::Kind::Invalid << u"response"_s << u"not valid JSON"_s;
    QTest::newRow("an object") << a << Error::Kind::Invalid << u"response"_s << u"array"_s;
}

void TestAbi::blockBatchRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, field);
    QFETCH(QString, needle);
    const Result<QList<BlockHeader>> blocks = evmjson::parseBlockBatch(body, 10, 12, 1);
    QVERIFY(!blocks.ok());
    QVERIFY2(blocks.error().kind == kind, qPrintable(errorText(blocks.error())));
    QCOMPARE(blocks.error().field, field);
    QVERIFY2(blocks.error().message.contains(needle), qPrintable(blocks.error().message));
}

void TestAbi::logsBloom()
{
    // go-ethereum's core/types TestBloomExtensively: 100 items set in one bloom, whose
    // keccak-256 it states; the bits of each item land where every node puts them.
    QByteArray bits(LogsBloom::Size, '\0');
    for (int i = 0; i < 100; ++i) {
        const LogsBloom::Probe p = LogsBloom::probe(QByteArray("xxxxxxxxxx data " + QByteArray::number(i) + " yyyyyyyyyyyyyy"));
        for (size_t k = 0; k < 3; ++k)
            bits[p.byte[k]] = char(quint8(bits[p.byte[k]]) | p.mask[k]);
    }
    QCOMPARE(keccak256(bits).toHex(), "c8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263"_ba);
    const LogsBloom bloom = LogsBloom::fromBytes(bits);
    QVERIFY(bloom.isKnown());
    QVERIFY(bloom.mayContain(LogsBloom::probe(QByteArrayView("xxxxxxxxxx data 42 yyyyyyyyyyyyyy"))));

    // go-ethereum's TestBloom: four items in, two others out.
    QByteArray few(LogsBloom::Size, '\0');
    for (const char *item : {"testtest", "test", "hallo", "other"}) {
        const LogsBloom::Probe p = LogsBloom::probe(QByteArrayView(item));
        for (size_t k = 0; k < 3; ++k)
            few[p.byte[k]] = char(quint8(few[p.byte[k]]) | p.mask[k]);
    }
    const LogsBloom four = LogsBloom::fromBytes(few);
    for (const char *item : {"testtest", "test", "hallo", "other"})
        QVERIFY(four.mayContain(LogsBloom::probe(QByteArrayView(item))));
    for (const char *item : {"tes", "lo"})
        QVERIFY(!four.mayContain(LogsBloom::probe(QByteArrayView(item))));
    // A log of one of the addresses with one of the topics: both must be in.
    const QList<LogsBloom::Probe> in{LogsBloom::probe(QByteArrayView("test"))};
    const QList<LogsBloom::Probe> out{LogsBloom::probe(QByteArrayView("lo"))};
    QVERIFY(four.mayHoldLogs(in, in));
    QVERIFY(!four.mayHoldLogs(in, out));
    QVERIFY(!four.mayHoldLogs(out, in));
    QVERIFY(four.mayHoldLogs(out + in, in));

    // Unknown (none sent, or not 256 bytes): any log may be there.
    QVERIFY(LogsBloom().mayHoldLogs(out, out));
    QVERIFY(!LogsBloom::fromBytes(few.left(255)).isKnown());

    // From a header: read when it is 256 bytes of hex, unknown otherwise (never an error).
    QByteArray block = blockJson(10);
    const QByteArray zeros = "0x" + QByteArray(512, '0');
    Result<QList<BlockHeader>> parsed = evmjson::parseBlockBatch('[' + answer(1, QByteArray(block).replace("\"logsBloom\":\"0x00\"", QByteArray("\"logsBloom\":\"0x" + few.toHex() + '"'))) + ']', 10, 10, 1);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : errorText(parsed.error())));
    QCOMPARE(parsed->first().logsBloom, four);
    parsed = evmjson::parseBlockBatch('[' + answer(1, block) + ']', 10, 10, 1);
    QVERIFY(parsed.ok());
    QVERIFY(!parsed->first().logsBloom.isKnown());
    parsed = evmjson::parseBlockBatch('[' + answer(1, QByteArray(block).replace("\"logsBloom\":\"0x00\"", QByteArray("\"logsBloom\":\"" + zeros + '"'))) + ']', 10, 10, 1);
    QVERIFY(parsed.ok());
    QVERIFY(parsed->first().logsBloom.isKnown());
    QVERIFY(!parsed->first().logsBloom.mayHoldLogs(in, in));
}

void TestAbi::logsByHash()
{
    const QList<Hash> hashes{hash(char(100)), hash(char(105))};
    const QList<qint64> numbers{100, 105};
    const QByteArray request = evmjson::logsByHashRequest(hashes, {address('\x11')}, {evmevents::transferTopic()}, 7);
    QVERIFY(request.startsWith('['));
    const QByteArray first = R"("id":7,"method":"eth_getLogs","params":[{"blockHash":")" + hashHex(char(100))
        + R"(","address":["0x1111111111111111111111111111111111111111"],"topics":[[")" + TransferTopicHex + R"("]]}]})";
    QVERIFY2(request.contains(first), request.constData());
    QVERIFY(request.contains(R"("id":8,)"));

    const QByteArray data = "0x" + uintWord(1).toHex();
    const QByteArray a = answer(7, '[' + logJson(100, 0, {TransferTopicHex}, data) + ',' + logJson(100, 3, {TransferTopicHex}, data) + ']');
    const QByteArray b = answer(8, '[' + logJson(105, 1, {TransferTopicHex}, data) + ']');
    // Answers in any order; the logs in the order of the blocks asked for.
    Result<QList<LogEntry>> logs = evmjson::parseLogsByHash('[' + b + ',' + a + ']', hashes, numbers, 7);
    QVERIFY2(logs.ok(), qPrintable(logs.ok() ? QString() : errorText(logs.error())));
    QCOMPARE(logs->size(), 3);
    QCOMPARE(logs->at(0).blockNumber, 100);
    QCOMPARE(logs->at(1).logIndex, 3);
    QCOMPARE(logs->at(2).blockNumber, 105);

    // A node that does not know a hash: the block is not served (retried as for a node behind).
    logs = evmjson::parseLogsByHash('[' + a + ',' + errorAnswer("8", -32000, "unknown block") + ']', hashes, numbers, 7);
    QVERIFY(!logs.ok());
    QVERIFY2(evmjson::isBlockNotServed(logs.error()), qPrintable(errorText(logs.error())));
    QVERIFY2(logs.error().message.contains(u"105"_s), qPrintable(logs.error().message));
    // Any other node error stays one.
    logs = evmjson::parseLogsByHash('[' + a + ',' + errorAnswer("8", -32005, "query timeout exceeded") + ']', hashes, numbers, 7);
    QVERIFY(!logs.ok());
    QCOMPARE(logs.error().kind, Error::Kind::Refused);
    // "Unknown block" to a call the batch did not hold names no block of it: the node's error.
    logs = evmjson::parseLogsByHash('[' + a + ',' + errorAnswer("9", -32000, "unknown block") + ']', hashes, numbers, 7);
    QVERIFY(!logs.ok());
    QVERIFY2(!evmjson::isBlockNotServed(logs.error()) && logs.error().kind == Error::Kind::Refused, qPrintable(errorText(logs.error())));
    // A node without eth_getLogs is not a node behind.
    logs = evmjson::parseLogsByHash('[' + a + ',' + errorAnswer("8", -32601, "Method not found") + ']', hashes, numbers, 7);
    QVERIFY(!logs.ok());
    QVERIFY2(!evmjson::isBlockNotServed(logs.error()) && logs.error().message.contains(u"Method not found"_s), qPrintable(errorText(logs.error())));
    // The same call answered twice.
    logs = evmjson::parseLogsByHash('[' + a + ',' + a + ']', hashes, numbers, 7);
    QVERIFY(!logs.ok());
    QVERIFY2(logs.error().field == u"[1].id"_s && logs.error().message.contains(u"twice"_s), qPrintable(errorText(logs.error())));
    // A log of another block, or of the same number on another fork, is not the block's.
    logs = evmjson::parseLogsByHash('[' + a + ',' + answer(8, '[' + logJson(104, 1, {TransferTopicHex}, data) + ']') + ']', hashes, numbers, 7);
    QVERIFY(!logs.ok());
    QCOMPARE(logs.error().kind, Error::Kind::Invalid);
    logs = evmjson::parseLogsByHash('[' + a + ',' + QByteArray(b).replace(hashHex(char(105)), hashHex(char(106))) + ']', hashes, numbers, 7);
    QVERIFY(!logs.ok());
    QVERIFY2(logs.error().field.endsWith(u"blockHash"_s), qPrintable(errorText(logs.error())));
    // A missing answer.
    logs = evmjson::parseLogsByHash('[' + a + ']', hashes, numbers, 7);
    QVERIFY(!logs.ok());
    QVERIFY2(logs.error().message.contains(u"1 of the 2"_s), qPrintable(logs.error().message));
}

void TestAbi::logs()
{
    const QByteArray data = "0x" + uintWord(1000).toHex();
    const QByteArray body = answer(9, '[' + logJson(100, 0, {TransferTopicHex, hashHex('\x01'), hashHex('\x02')}, data) + ','
                                          + logJson(100, 1, {}, "0x") + ','
                                          + logJson(105, 2, {hashHex('\x03'), hashHex('\x04'), hashHex('\x05'), hashHex('\x06')}, "0xABcd", R"(,"blockTimestamp":"0x1")")
                                          + ']');
    const Result<QList<LogEntry>> logs = evmjson::parseLogs(body, 100, 105, 9);
    QVERIFY2(logs.ok(), qPrintable(logs.ok() ? QString() : errorText(logs.error())));
    QCOMPARE(logs->size(), 3);
    const LogEntry &first = logs->at(0);
    QCOMPARE(first.blockNumber, 100);
    QCOMPARE(first.blockHash, hash(char(100)));
    QCOMPARE(first.logIndex, 0);
    QCOMPARE(first.txHash, hash('\xaa'));
    QCOMPARE(first.address, address('\x11'));
    QCOMPARE(first.topicCount, 3);
    QCOMPARE(first.topics[0], evmevents::transferTopic());
    QCOMPARE(first.topics[2], hash('\x02'));
    QCOMPARE(first.data, uintWord(1000));
    QVERIFY(!first.removed);
    QCOMPARE(logs->at(1).topicCount, 0);
    QCOMPARE(logs->at(1).data, QByteArray());
    QCOMPARE(logs->at(2).blockNumber, 105);
    QCOMPARE(logs->at(2).topicCount, 4);
    QCOMPARE(logs->at(2).topics[3], hash('\x06'));
    QCOMPARE(logs->at(2).data, "\xab\xcd"_ba);

    const Result<QList<LogEntry>> none = evmjson::parseLogs(answer(9, "[]"), 100, 105, 9);
    QVERIFY(none.ok());
    QVERIFY(none->isEmpty());
}

void TestAbi::logsRejected_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("needle");

    // Logs of blocks 100-105, id 9.
    const QByteArray ok = logJson(100, 0, {TransferTopicHex}, "0x");
    auto logs = [&](const QByteArray &second) { return answer(9, '[' + ok + ',' + second + ']'); };
    QTest::newRow("node error") << errorAnswer("9", -32005, "query returned more than 10000 results") << Error::Kind::Refused << QString()
                                << u"error -32005 from the node: query returned more than 10000 results"_s;
    QTest::newRow("node error, id null") << errorAnswer("null", -32700, "parse error") << Error::Kind::Refused << QString() << u"parse error"_s;
    QTest::newRow("wrong id") << answer(8, "[]") << Error::Kind::Invalid << u"id"_s << u"request 8, not 9"_s;
    QTest::newRow("log before the range") << logs(logJson(99, 1, {}, "0x")) << Error::Kind::Invalid << u"result[1].blockNumber"_s << u"block 99"_s;
    QTest::newRow("log after the range") << logs(logJson(106, 1, {}, "0x")) << Error::Kind::Invalid << u"result[1].blockNumber"_s << u"block 106"_s;
    QTest::newRow("five topics") << logs(logJson(101, 1, {TransferTopicHex, TransferTopicHex, TransferTopicHex, TransferTopicHex, TransferTopicHex}, "0x"))
                                 << Error::Kind::Invalid << u"result[1].topics"_s << u"4 topics"_s;
    QTest::newRow("short topic") << logs(logJson(101, 1, {TransferTopicHex.chopped(2)}, "0x")) << Error::Kind::Invalid << u"result[1].topics[0]"_s
                                 << u"32-byte"_s;
    QTest::newRow("odd data") << logs(logJson(101, 1, {}, "0xabc")) << Error::Kind::Invalid << u"result[1].data"_s << u"even"_s;
    QTest::newRow("non-hex data") << logs(logJson(101, 1, {}, "0xzz")) << Error::Kind::Invalid << u"result[1].data"_s << u"hex"_s;
    QTest::newRow("data without 0x") << logs(logJson(101, 1, {}, "abcd")) << Error::Kind::Invalid << u"result[1].data"_s << u"hex"_s;
    QTest::newRow("19-byte address") << logs(QByteArray(logJson(101, 1, {}, "0x")).replace("0x1111111111111111111111111111111111111111", "0x11111111111111111111111111111111111111"))
                                     << Error::Kind::Invalid << u"result[1].address"_s << u"20-byte"_s;
    QTest::newRow("pending log") << logs(QByteArray(logJson(101, 1, {}, "0x")).replace("\"logIndex\":\"0x1\"", "\"logIndex\":null"))
                                 << Error::Kind::Invalid << u"result[1].logIndex"_s << u"quantity"_s;
    QTest::newRow("missing transactionHash") << logs(QByteArray(logJson(101, 1, {}, "0x")).replace("\"transactionHash\"", "\"txHash\""))
                                             << Error::Kind::Invalid << u"result[1].transactionHash"_s << u"lacks"_s;
    QTest::newRow("removed not a bool") << logs(QByteArray(logJson(101, 1, {}, "0x")).replace("\"removed\":false", "\"removed\":\"no\""))
                                        << Error::Kind::Invalid << u"result[1].removed"_s << u"true or false"_s;
    QTest::newRow("log not an object") << logs("42") << Error::Kind::Invalid << u"result[1]"_s << u"log object"_s;
    QTest::newRow("result null") << answer(9, "null") << Error::Kind::Invalid << u"result"_s << u"array of logs"_s;
    QTest::newRow("no result") << R"({"jsonrpc":"2.0","id":9})"_ba << Error::Kind::Invalid << u"result"_s << u"lacks"_s;
    QTest::newRow("jsonrpc 1.0") << R"({"jsonrpc":"1.0","id":9,"result":[]})"_ba << Error::Kind::Invalid << u"jsonrpc"_s << u"2.0"_s;
    QTest::newRow("truncated") << logs(logJson(101, 1, {}, "0x")).chopped(3) << Error::Kind::Invalid << u"response"_s << u"not valid JSON"_s;
    QTest::newRow("a batch") << '[' + answer(9, "[]") + ']' << Error::Kind::Invalid << u"response"_s << u"response object"_s;
}

void TestAbi::logsRejected()
{
    QFETCH(QByteArray, body);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, field);
    QFETCH(QString, needle);
    const Result<QList<LogEntry>> logs = evmjson::parseLogs(body, 100, 105, 9);
    QVERIFY(!logs.ok());
    QVERIFY2(logs.error().kind == kind, qPrintable(errorText(logs.error())));
    QCOMPARE(logs.error().field, field);
    QVERIFY2(logs.error().message.contains(needle), qPrintable(logs.error().message));
}

void TestAbi::quantity_data()
{
    QTest::addColumn<QByteArray>("result");
    QTest::addColumn<qint64>("value");   // -1: rejected as Invalid

    QTest::newRow("0x0") << "\"0x0\""_ba << qint64(0);
    QTest::newRow("0x1b4") << "\"0x1b4\""_ba << qint64(436);
    QTest::newRow("upper case") << "\"0x1B4\""_ba << qint64(436);
    QTest::newRow("leading zeros") << "\"0x00000000000000000001b4\""_ba << qint64(436);
    QTest::newRow("int64 max") << "\"0x7fffffffffffffff\""_ba << std::numeric_limits<qint64>::max();
    QTest::newRow("2^63") << "\"0x8000000000000000\""_ba << qint64(-1);
    QTest::newRow("2^64") << "\"0x10000000000000000\""_ba << qint64(-1);
    QTest::newRow("0x alone") << "\"0x\""_ba << qint64(-1);
    QTest::newRow("no 0x") << "\"1b4\""_ba << qint64(-1);
    QTest::newRow("negative") << "\"-0x1\""_ba << qint64(-1);
    QTest::newRow("non-hex") << "\"0x1g\""_ba << qint64(-1);
    QTest::newRow("a JSON number") << "436"_ba << qint64(-1);
    QTest::newRow("null") << "null"_ba << qint64(-1);
}

void TestAbi::quantity()
{
    QFETCH(QByteArray, result);
    QFETCH(qint64, value);
    const Result<qint64> q = evmjson::parseQuantity(answer(1, result), 1);
    if (value < 0) {
        QVERIFY(!q.ok());
        QCOMPARE(q.error().kind, Error::Kind::Invalid);
        QCOMPARE(q.error().field, u"result"_s);
    } else {
        QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : errorText(q.error())));
        QCOMPARE(*q, value);
    }
}

void TestAbi::data_data()
{
    QTest::addColumn<QByteArray>("result");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("empty") << "\"0x\""_ba << true << QByteArray();
    QTest::newRow("code") << "\"0x6080604052\""_ba << true << "\x60\x80\x60\x40\x52"_ba;
    QTest::newRow("odd") << "\"0x608\""_ba << false << QByteArray();
    QTest::newRow("no 0x") << "\"6080\""_ba << false << QByteArray();
    QTest::newRow("null") << "null"_ba << false << QByteArray();
}

void TestAbi::data()
{
    QFETCH(QByteArray, result);
    QFETCH(bool, valid);
    QFETCH(QByteArray, bytes);
    const Result<QByteArray> d = evmjson::parseData(answer(3, result), 3);
    QCOMPARE(d.ok(), valid);
    if (valid)
        QCOMPARE(*d, bytes);
    else
        QCOMPARE(d.error().kind, Error::Kind::Invalid);
}

void TestAbi::hexDigits()
{
    // Every length from 0 to 40 bytes, so each of the decoder's steps (16 bytes, 8 bytes, one
    // byte) ends a value, in digits of either case.
    QRandomGenerator random(25);
    for (int size = 0; size <= 40; ++size) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &b : bytes)
            b = char(random.bounded(256));
        QByteArray digits = bytes.toHex();
        for (char &c : digits) {
            if (random.bounded(2))
                c = char(std::toupper(static_cast<unsigned char>(c)));
        }
        const Result<QByteArray> d = evmjson::parseData(answer(3, "\"0x" + digits + '"'), 3);
        QVERIFY2(d.ok(), qPrintable(QStringLiteral("%1 bytes: %2").arg(size).arg(d.ok() ? QString() : d.error().message)));
        QCOMPARE(*d, bytes);
    }
    // Anything else in any place, for a value of 31 bytes (16 + 8 + 7): each printable
    // character that is no hex digit, and "é", whose UTF-8 bytes are above 0x7f.
    const QByteArray good = QByteArray(31, '\x5a').toHex();
    QList<QByteArray> others{"\xc3\xa9"_ba};
    for (int c = 0x20; c < 0x7f; ++c) {
        if (!std::isxdigit(c) && c != '"' && c != '\\')
            others.append(QByteArray(1, char(c)));
    }
    for (qsizetype at = 0; at < good.size(); ++at) {
        for (const QByteArray &other : std::as_const(others)) {
            if (at + other.size() > good.size())
                continue;
            QByteArray digits = good;
            digits.replace(at, other.size(), other);
            const Result<QByteArray> d = evmjson::parseData(answer(3, "\"0x" + digits + '"'), 3);
            QVERIFY2(!d.ok(), qPrintable(QStringLiteral("accepted %1").arg(QString::fromUtf8(digits))));
            QCOMPARE(d.error().kind, Error::Kind::Invalid);
        }
    }
}

void TestAbi::rangeTooLarge_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("tooLarge");

    QTest::newRow("infura") << -32005 << "query returned more than 10000 results"_ba << true;
    QTest::newRow("alchemy") << -32602
                             << "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters, this block range should work: [0x1, 0x7d0]"_ba
                             << true;
    QTest::newRow("bare -32005") << -32005 << "limit exceeded"_ba << true;
    QTest::newRow("-32005, other text") << -32005 << "try again with a narrower filter"_ba << true;
    QTest::newRow("too many results, upper case") << -32000 << "TOO MANY RESULTS"_ba << true;
    QTest::newRow("exceed maximum block range") << -32000 << "exceed maximum block range: 50000"_ba << true;
    QTest::newRow("block range too large") << -32600 << "block range too large"_ba << true;
    QTest::newRow("range is too large") << -32000 << "eth_getLogs range is too large, max is 1k blocks"_ba << true;
    QTest::newRow("response size") << -32000 << "response size exceeded"_ba << true;
    QTest::newRow("log response size") << -32000 << "log response size limit"_ba << true;
    QTest::newRow("block range limit exceeded") << -32000 << "Block range limit exceeded."_ba << true;
    QTest::newRow("rate limited with -32005") << -32005 << "daily request count exceeded, request rate limited"_ba << false;
    QTest::newRow("rate limit exceeded") << -32000 << "rate limit exceeded"_ba << false;
    QTest::newRow("header not found") << -32000 << "header not found"_ba << false;
    QTest::newRow("execution reverted") << 3 << "execution reverted"_ba << false;
    QTest::newRow("-320050 is another code") << -320050 << "oops"_ba << false;
}

void TestAbi::rangeTooLarge()
{
    QFETCH(int, code);
    QFETCH(QByteArray, message);
    QFETCH(bool, tooLarge);
    const Result<QList<LogEntry>> logs = evmjson::parseLogs(errorAnswer("4", code, message), 0, 10, 4);
    QVERIFY(!logs.ok());
    QCOMPARE(logs.error().kind, Error::Kind::Refused);
    QCOMPARE(evmjson::isRangeTooLarge(logs.error()), tooLarge);
    // The same words in a malformed answer are not a node's verdict.
    QVERIFY(!evmjson::isRangeTooLarge(Error::invalid(u"response"_s, QString::fromUtf8(message))));
}

void TestAbi::providerMessages_data()
{
    QTest::addColumn<QString>("message");
    QTest::addColumn<bool>("batch");
    QTest::addColumn<bool>("rate");
    QTest::addColumn<qint64>("range");     // 0: no range stated
    QTest::addColumn<qint64>("results");   // 0: no result count stated

    QTest::newRow("batch, ours") << u"batch size too large: 120 calls, at most 50"_s << true << false << qint64(0) << qint64(0);
    QTest::newRow("batch, geth") << u"batch too large"_s << true << false << qint64(0) << qint64(0);
    QTest::newRow("batch, limit") << u"Batch size limit exceeded"_s << true << false << qint64(0) << qint64(0);
    QTest::newRow("batch, max requests") << u"too many requests in batch (max 100)"_s << true << false << qint64(0) << qint64(0);
    QTest::newRow("429") << u"Too Many Requests: at most 10 requests per second"_s << false << true << qint64(0) << qint64(0);
    QTest::newRow("infura rate") << u"project ID request rate exceeded"_s << false << true << qint64(0) << qint64(0);
    QTest::newRow("alchemy capacity") << u"Your app has exceeded its compute units per second capacity"_s << false << true << qint64(0) << qint64(0);
    QTest::newRow("range, ankr") << u"exceed maximum block range: 500"_s << false << false << qint64(500) << qint64(0);
    QTest::newRow("range, quicknode") << u"eth_getLogs is limited to a 10,000 range"_s << false << false << qint64(10000) << qint64(0);
    QTest::newRow("range and cap, alchemy")
        << u"You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request "
           "any block range with a cap of 10K logs in the response."_s
        << false << false << qint64(2000) << qint64(10000);
    QTest::newRow("results, infura") << u"query returned more than 10000 results. Try with this block range [0x1, 0x5]."_s << false << false
                                     << qint64(0) << qint64(10000);
    QTest::newRow("state") << u"missing trie node"_s << false << false << qint64(0) << qint64(0);
    QTest::newRow("revert") << u"execution reverted"_s << false << false << qint64(0) << qint64(0);
}

void TestAbi::providerMessages()
{
    QFETCH(QString, message);
    QFETCH(bool, batch);
    QFETCH(bool, rate);
    QFETCH(qint64, range);
    QFETCH(qint64, results);
    QCOMPARE(evmjson::isBatchTooLarge(message), batch);
    QCOMPARE(evmjson::isRateLimited(message), rate);
    QCOMPARE(evmjson::statedLogRangeLimit(message).value_or(0), range);
    QCOMPARE(evmjson::statedLogResultLimit(message).value_or(0), results);
    if (range > 0 || results > 0)
        QVERIFY(evmjson::isRangeTooLarge(Error::refused(message)));
}

void TestAbi::requests()
{
    QJsonParseError error;
    const QJsonDocument batch = QJsonDocument::fromJson(evmjson::blockBatchRequest(255, 257, 40), &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonArray calls = batch.array();
    QCOMPARE(calls.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject call = calls[i].toObject();
        QCOMPARE(call[u"jsonrpc"].toString(), u"2.0"_s);
        QCOMPARE(call[u"id"].toInteger(), 40 + i);
        QCOMPARE(call[u"method"].toString(), u"eth_getBlockByNumber"_s);
        QCOMPARE(call[u"params"].toArray(), (QJsonArray{u"0x%1"_s.arg(255 + i, 0, 16), false}));
    }

    const QJsonObject logs = QJsonDocument::fromJson(evmjson::logsRequest(16, 31, {address('\x11'), address('\xab')}, {evmevents::transferTopic()}, 7), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(logs[u"id"].toInteger(), 7);
    QCOMPARE(logs[u"method"].toString(), u"eth_getLogs"_s);
    const QJsonObject filter = logs[u"params"].toArray().at(0).toObject();
    QCOMPARE(filter[u"fromBlock"].toString(), u"0x10"_s);
    QCOMPARE(filter[u"toBlock"].toString(), u"0x1f"_s);
    QCOMPARE(filter[u"address"].toArray(), (QJsonArray{address('\x11').toHex(), address('\xab').toHex()}));
    // One topic position holding one topic. Built step by step: clang reads QJsonArray{QJsonArray{…}} as a copy.
    QJsonArray topics;
    topics.append(QJsonArray{QString::fromLatin1(TransferTopicHex)});
    QCOMPARE(filter[u"topics"].toArray(), topics);

    const QJsonObject any = QJsonDocument::fromJson(evmjson::logsRequest(0, 0, {}, {}, 1)).object();
    QVERIFY(!any[u"params"].toArray().at(0).toObject().contains(u"address"));
    QVERIFY(!any[u"params"].toArray().at(0).toObject().contains(u"topics"));

    const QJsonObject call = QJsonDocument::fromJson(evmjson::callRequest("eth_blockNumber", "[]", 12), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(call[u"method"].toString(), u"eth_blockNumber"_s);
    QCOMPARE(call[u"id"].toInteger(), 12);
    QCOMPARE(call[u"params"].toArray(), QJsonArray());
}

} // namespace tst_abi

ARBOR_GUILESS_TEST_MAIN(abi, tst_abi::TestAbi)
#include "tst_abi.moc"

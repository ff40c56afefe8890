// The JSON-RPC client against hostile bodies and a fake node on 127.0.0.1, and the endpoint probe.

#include "testmetatypes.h"
#include "fakenode.h"
#include "rpc/endpointprobe.h"
#include "rpc/endpointlimiter.h"
#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"
#include "testmain.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QtTest>

#include <memory>
#include <optional>

using namespace arbor;
using namespace Qt::StringLiterals;


namespace tst_jsonrpc {

namespace {

constexpr qint64 FakeChainId = 31337;   // 0x7a69
constexpr qint64 FakeHead = 4660;       // 0x1234
const QString FakeClientVersion = u"Geth/v1.13.14-stable/linux-amd64/go1.21.7"_s;

/// Makes `node` one of chain 31337 at block 4660 that answers web3_clientVersion when
/// `clientVersion` is set; it answers one request per connection.
void serveChain(FakeNode &node, const QString &clientVersion)
{
    node.keepAlive = false;
    node.head = FakeHead;
    node.answers[u"eth_chainId"_s] = [](const QJsonArray &) { return FakeNode::Answer{u"0x7a69"_s}; };
    if (!clientVersion.isEmpty())
        node.answers[u"web3_clientVersion"_s] = [clientVersion](const QJsonArray &) { return FakeNode::Answer{clientVersion}; };
}

const QUrl HostileUrl(u"http://node.test:8545/rpc"_s);

} // namespace

class TestJsonRpc final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parseResponse_data();
    void parseResponse();
    void parseResponseHidesUserInfo();
    void quantity_data();
    void quantity();

    void call_data();
    void call();
    void callClosedPort();
    void callWaitsOutRateLimits();
    void callRetriesServerErrors();

    void probeMatchingChain();
    void probeWrongChain();
    void probeWithoutClientVersion();
    void probeSeveralUrls();
    void probeNoUrls();

    void replyScopeLetsGoOfItsFunctorsWhereItIsEnded();

private:
    Result<QJsonValue> callOnce(JsonRpcClient &client, const QString &method);

    QNetworkAccessManager m_network;
    FakeNode m_node;
    FakeNode m_nodeWithoutVersion;
};

void TestJsonRpc::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    serveChain(m_node, FakeClientVersion);
    serveChain(m_nodeWithoutVersion, QString());
    QVERIFY(m_node.listen());
    QVERIFY(m_nodeWithoutVersion.listen());
}

void TestJsonRpc::parseResponse_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QStringList>("needles");

    const auto bad = [](const char *name, const QByteArray &body, Error::Kind kind, const QStringList &needles) {
        QTest::newRow(name) << body << false << QJsonValue() << kind << needles;
    };
    const auto good = [](const char *name, const QByteArray &body, const QJsonValue &value) {
        QTest::newRow(name) << body << true << value << Error::Kind::Internal << QStringList();
    };
    using K = Error::Kind;

    bad("empty", QByteArray(), K::Invalid, {u"empty response"_s});
    bad("whitespace", " \r\n "_ba, K::Invalid, {u"empty response"_s});
    bad("html", "<html><body><h1>502 Bad Gateway</h1></body></html>"_ba, K::Invalid,
        {u"did not answer with JSON"_s, u"502 Bad Gateway"_s});
    bad("truncated", R"({"jsonrpc":"2.0","id":1,"result":"0x1)"_ba, K::Invalid, {u"did not answer with JSON"_s});
    bad("binary", "\xff\xfe\x00\x01"_ba, K::Invalid, {u"did not answer with JSON"_s});
    bad("array", R"([{"jsonrpc":"2.0","id":1,"result":"0x1"}])"_ba, K::Invalid, {u"not a JSON-RPC response object"_s});
    bad("missing jsonrpc", R"({"id":1,"result":"0x1"})"_ba, K::Invalid, {u"\"jsonrpc\": \"2.0\""_s});
    bad("jsonrpc 1.0", R"({"jsonrpc":"1.0","id":1,"result":"0x1"})"_ba, K::Invalid, {u"\"jsonrpc\": \"2.0\""_s});
    bad("wrong id", R"({"jsonrpc":"2.0","id":2,"result":"0x1"})"_ba, K::Invalid,
        {u"different request"_s, u"id [2]"_s, u"expected 1"_s});
    bad("id as string", R"({"jsonrpc":"2.0","id":"1","result":"0x1"})"_ba, K::Invalid, {u"different request"_s});
    bad("missing id", R"({"jsonrpc":"2.0","result":"0x1"})"_ba, K::Invalid, {u"different request"_s});
    bad("error object", R"({"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"header not found"}})"_ba,
        K::Unavailable, {u"-32000"_s, u"header not found"_s});
    bad("error with null id", R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}})"_ba,
        K::Unavailable, {u"-32700"_s, u"Parse error"_s});
    bad("neither result nor error", R"({"jsonrpc":"2.0","id":1})"_ba, K::Invalid, {u"neither a result nor an error"_s});
    good("result", R"({"jsonrpc":"2.0","id":1,"result":"0x1a"})"_ba, QJsonValue(u"0x1a"_s));
    good("null result", R"({"jsonrpc":"2.0","id":1,"result":null})"_ba, QJsonValue(QJsonValue::Null));
    good("object result", R"({"jsonrpc":"2.0","id":1,"result":{"number":"0x10"}})"_ba,
         QJsonValue(QJsonObject{{u"number"_s, u"0x10"_s}}));
    good("null error beside a result", R"({"jsonrpc":"2.0","id":1,"error":null,"result":true})"_ba, QJsonValue(true));
}

void TestJsonRpc::parseResponse()
{
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QJsonValue, value);
    QFETCH(Error::Kind, kind);
    QFETCH(QStringList, needles);

    const auto r = JsonRpcClient::parseResponse(body, 1, HostileUrl);
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QCOMPARE(*r, value);
        return;
    }
    QCOMPARE(r.error().kind, kind);
    QCOMPARE(r.error().field, u"rpc"_s);
    const QString message = r.error().message;
    QVERIFY2(message.contains(HostileUrl.toString()), qPrintable(message));
    for (const QString &needle : needles)
        QVERIFY2(message.contains(needle), qPrintable(QString(u"“"_s + needle + u"” missing from: "_s + message)));
}

void TestJsonRpc::parseResponseHidesUserInfo()
{
    const auto r = JsonRpcClient::parseResponse("<html>"_ba, 1, QUrl(u"https://user:s3cret@node.test/rpc"_s));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(u"https://node.test/rpc"_s), qPrintable(r.error().message));
    QVERIFY2(!r.error().message.contains(u"s3cret"_s), qPrintable(r.error().message));
}

void TestJsonRpc::quantity_data()
{
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("0x1a") << QJsonValue(u"0x1a"_s) << true << qint64(26);
    QTest::newRow("0x0") << QJsonValue(u"0x0"_s) << true << qint64(0);
    QTest::newRow("int64 max") << QJsonValue(u"0x7fffffffffffffff"_s) << true << std::numeric_limits<qint64>::max();
    QTest::newRow("int64 max + 1") << QJsonValue(u"0x8000000000000000"_s) << false << qint64(0);
    QTest::newRow("2^256-1") << QJsonValue(QString(u"0x"_s + QString(64, u'f'))) << false << qint64(0);
    QTest::newRow("number") << QJsonValue(26) << false << qint64(0);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << false << qint64(0);
    QTest::newRow("decimal string") << QJsonValue(u"26"_s) << false << qint64(0);
    QTest::newRow("0x") << QJsonValue(u"0x"_s) << false << qint64(0);
    QTest::newRow("non-hex") << QJsonValue(u"0xzz"_s) << false << qint64(0);
}

void TestJsonRpc::quantity()
{
    QFETCH(QJsonValue, value);
    QFETCH(bool, ok);
    QFETCH(qint64, expected);
    const auto r = quantityToInt64(value, u"eth_blockNumber"_s);
    QCOMPARE(r.ok(), ok);
    if (ok) {
        QCOMPARE(*r, expected);
    } else {
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(r.error().field, u"eth_blockNumber"_s);
    }
}

Result<QJsonValue> TestJsonRpc::callOnce(JsonRpcClient &client, const QString &method)
{
    std::optional<Result<QJsonValue>> result;
    int calls = 0;
    client.call(method, {}, [&](Result<QJsonValue> r) {
        ++calls;
        result.emplace(std::move(r));
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 15000); }();
    if (!result)
        return Error::internal(u"the callback never ran"_s);
    if (calls != 1)
        return Error::internal(u"the callback ran %1 times"_s.arg(calls));
    return *result;
}

void TestJsonRpc::call_data()
{
    QTest::addColumn<FakeNode::Mode>("mode");
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("timeoutMs");        // 0: the client's default
    QTest::addColumn<qint64>("maxBytes");      // 0: the client's default
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QStringList>("needles");
    QTest::addColumn<QStringList>("forbidden");

    using M = FakeNode::Mode;
    QTest::newRow("eth_chainId") << M::Ok << u"eth_chainId"_s << 0 << qint64(0) << true << QJsonValue(u"0x7a69"_s)
                                 << QStringList() << QStringList();
    QTest::newRow("eth_blockNumber") << M::Ok << u"eth_blockNumber"_s << 0 << qint64(0) << true
                                     << QJsonValue(u"0x1234"_s) << QStringList() << QStringList();
    QTest::newRow("web3_clientVersion") << M::Ok << u"web3_clientVersion"_s << 0 << qint64(0) << true
                                        << QJsonValue(FakeClientVersion) << QStringList() << QStringList();
    QTest::newRow("unknown method") << M::Ok << u"eth_nope"_s << 0 << qint64(0) << false << QJsonValue()
                                    << QStringList{u"-32601"_s, u"eth_nope"_s} << QStringList();
    QTest::newRow("HTTP 500") << M::Http500 << u"eth_chainId"_s << 0 << qint64(0) << false << QJsonValue()
                              << QStringList{u"HTTP 500"_s, u"upstream exploded"_s} << QStringList();
    QTest::newRow("HTTP 429") << M::Http429 << u"eth_chainId"_s << 0 << qint64(0) << false << QJsonValue()
                              << QStringList{u"HTTP 429"_s, u"rate limited"_s, u"slow down"_s} << QStringList();
    QTest::newRow("HTML page") << M::Garbage << u"eth_chainId"_s << 0 << qint64(0) << false << QJsonValue()
                               << QStringList{u"did not answer with JSON"_s, u"Welcome to nginx"_s} << QStringList();
    QTest::newRow("JSON-RPC error") << M::RangeTooLarge << u"eth_getLogs"_s << 0 << qint64(0) << false << QJsonValue()
                                    << QStringList{u"-32005"_s, u"more than 10000 results"_s} << QStringList();
    QTest::newRow("wrong id") << M::WrongId << u"eth_chainId"_s << 0 << qint64(0) << false << QJsonValue()
                              << QStringList{u"different request"_s} << QStringList();
    // The limit is 1 KiB here: the message must not claim the response exceeded "0 MiB".
    QTest::newRow("too large") << M::Large << u"eth_getLogs"_s << 0 << qint64(1024) << false << QJsonValue()
                               << QStringList{u"larger than"_s, u"eth_getLogs"_s} << QStringList{u" 0 MiB"_s};
    QTest::newRow("no answer") << M::Silent << u"eth_chainId"_s << 300 << qint64(0) << false << QJsonValue()
                               << QStringList{u"did not answer within 0.3 s"_s} << QStringList();
}

void TestJsonRpc::call()
{
    QFETCH(FakeNode::Mode, mode);
    QFETCH(QString, method);
    QFETCH(int, timeoutMs);
    QFETCH(qint64, maxBytes);
    QFETCH(bool, ok);
    QFETCH(QJsonValue, value);
    QFETCH(QStringList, needles);
    QFETCH(QStringList, forbidden);
    // Reading a reply that was aborted (timeout, size limit) spams the operator's log.
    QTest::failOnWarning(QRegularExpression(u"device not open"_s));

    JsonRpcClient client(&m_network, m_node.url(mode));
    client.setRateLimitedRetries(0);
    if (timeoutMs > 0)
        client.setTimeout(timeoutMs);
    if (maxBytes > 0)
        client.setMaxResponseBytes(maxBytes);
    const auto r = callOnce(client, method);
    if (r.ok() != ok)
        QFAIL(qPrintable(r.ok() ? u"unexpected success"_s : r.error().toString()));
    QVERIFY(m_node.methods.contains(method));
    if (ok) {
        QCOMPARE(*r, value);
        return;
    }
    QVERIFY2(r.error().kind != Error::Kind::Internal, qPrintable(r.error().toString()));
    QCOMPARE(r.error().field, u"rpc"_s);
    const QString message = r.error().message;
    QVERIFY2(message.contains(m_node.url(mode).toString()), qPrintable(message));
    for (const QString &needle : needles)
        QVERIFY2(message.contains(needle), qPrintable(QString(u"“"_s + needle + u"” missing from: "_s + message)));
    for (const QString &text : forbidden)
        QVERIFY2(!message.contains(text), qPrintable(QString(u"“"_s + text + u"” in: "_s + message)));
}

void TestJsonRpc::callWaitsOutRateLimits()
{
    m_node.busy = 2;
    const qsizetype before = m_node.methods.size();
    JsonRpcClient client(&m_network, m_node.url(FakeNode::Mode::Busy));
    const auto r = callOnce(client, u"eth_chainId"_s);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(*r, QJsonValue(u"0x7a69"_s));
    QCOMPARE(m_node.methods.size() - before, 3);     // two 429s waited out, then the answer
    QCOMPARE(client.limiter().rateLimitedCount(), qint64(2));
    QVERIFY(client.limiter().rateLimitedWithin(60000));
    // The limiter is the URL's, shared with every other client of it.
    JsonRpcClient other(&m_network, m_node.url(FakeNode::Mode::Busy));
    QCOMPARE(&other.limiter(), &client.limiter());
}

void TestJsonRpc::callRetriesServerErrors()
{
    m_node.flaky = 2;
    const qsizetype before = m_node.methods.size();
    JsonRpcClient client(&m_network, m_node.url(FakeNode::Mode::Flaky));
    const auto r = callOnce(client, u"eth_blockNumber"_s);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(m_node.methods.size() - before, 3);

    // A node that keeps failing gets three tries, then its error.
    m_node.flaky = 10;
    const qsizetype again = m_node.methods.size();
    const auto failed = callOnce(client, u"eth_blockNumber"_s);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(u"HTTP 503"_s), qPrintable(failed.error().message));
    QCOMPARE(m_node.methods.size() - again, 3);
}

void TestJsonRpc::callClosedPort()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
    const quint16 port = closed.serverPort();
    closed.close();

    const QUrl url(u"http://127.0.0.1:%1/"_s.arg(port));
    JsonRpcClient client(&m_network, url);
    const auto r = callOnce(client, u"eth_chainId"_s);
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, Error::Kind::Unavailable);
    QCOMPARE(r.error().field, u"rpc"_s);
    QVERIFY2(r.error().message.startsWith(u"Cannot reach "_s + url.toString()), qPrintable(r.error().message));
}

namespace {

QList<ProbeResult> probeAndWait(EndpointProbe &probe, const QList<QUrl> &urls, qint64 expectedChainId, bool *done)
{
    QList<ProbeResult> results;
    *done = false;
    probe.probe(urls, expectedChainId, [&](QList<ProbeResult> r) {
        results = std::move(r);
        *done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(*done, 15000); }();
    return results;
}

} // namespace

void TestJsonRpc::probeMatchingChain()
{
    EndpointProbe probe(&m_network);
    bool done = false;
    const QUrl url = m_node.url(FakeNode::Mode::Ok);
    const auto results = probeAndWait(probe, {url}, FakeChainId, &done);
    QVERIFY(done);
    QCOMPARE(results.size(), 1);
    const ProbeResult &r = results.first();
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
    QCOMPARE(r.url, url);
    QCOMPARE(r.chainId, FakeChainId);
    QCOMPARE(r.head, FakeHead);
    QCOMPARE(r.clientVersion, FakeClientVersion);
    QVERIFY(r.latencyMs > 0);
}

void TestJsonRpc::probeWrongChain()
{
    EndpointProbe probe(&m_network);
    bool done = false;
    const auto results = probeAndWait(probe, {m_node.url(FakeNode::Mode::Ok)}, 8453, &done);
    QVERIFY(done);
    QCOMPARE(results.size(), 1);
    const ProbeResult &r = results.first();
    QVERIFY(!r.ok());
    QCOMPARE(r.error->kind, Error::Kind::Invalid);
    QCOMPARE(r.error->field, u"chain id"_s);
    QVERIFY2(r.error->message.contains(u"31337"_s), qPrintable(r.error->message));
    QVERIFY2(r.error->message.contains(u"8453"_s), qPrintable(r.error->message));
    QVERIFY2(r.error->message.contains(m_node.url(FakeNode::Mode::Ok).toString()), qPrintable(r.error->message));
    QCOMPARE(r.chainId, FakeChainId);
}

void TestJsonRpc::probeWithoutClientVersion()
{
    EndpointProbe probe(&m_network);
    bool done = false;
    const auto results = probeAndWait(probe, {m_nodeWithoutVersion.url()}, FakeChainId, &done);
    QVERIFY(done);
    QCOMPARE(results.size(), 1);
    const ProbeResult &r = results.first();
    QVERIFY2(r.ok(), qPrintable(r.error ? r.error->toString() : QString()));
    QVERIFY(r.clientVersion.isEmpty());
    QCOMPARE(r.head, FakeHead);
}

void TestJsonRpc::probeSeveralUrls()
{
    QTest::failOnWarning(QRegularExpression(u"device not open"_s));
    EndpointProbe probe(&m_network);
    probe.setTimeout(500);
    bool done = false;
    const QList<QUrl> urls = {m_node.url(FakeNode::Mode::Http500), m_node.url(FakeNode::Mode::Ok), m_node.url(FakeNode::Mode::Silent)};
    // Chain id 0: no expectation, the wizard asks the node first.
    const auto results = probeAndWait(probe, urls, 0, &done);
    QVERIFY(done);
    QCOMPARE(results.size(), 3);
    for (qsizetype i = 0; i < urls.size(); ++i)
        QCOMPARE(results[i].url, urls[i]);

    QVERIFY(!results[0].ok());
    QCOMPARE(results[0].error->field, u"rpc"_s);
    QVERIFY2(results[0].error->message.contains(u"HTTP 500"_s), qPrintable(results[0].error->message));

    QVERIFY2(results[1].ok(), qPrintable(results[1].error ? results[1].error->toString() : QString()));
    QCOMPARE(results[1].chainId, FakeChainId);

    QVERIFY(!results[2].ok());
    QCOMPARE(results[2].error->kind, Error::Kind::Unavailable);
    QVERIFY2(results[2].error->message.contains(u"did not answer within 0.5 s"_s), qPrintable(results[2].error->message));
}

void TestJsonRpc::probeNoUrls()
{
    EndpointProbe probe(&m_network);
    bool done = false;
    const auto results = probeAndWait(probe, {}, FakeChainId, &done);
    QVERIFY(done);
    QVERIFY(results.isEmpty());
}

// What a reply's signals are connected to is let go of on the thread that ends the scope, at once:
// when the owner calls end() with the reply still in flight, when the owner is destroyed, and when
// the reply's destruction begins. Connected to the reply itself, the functors would live on until
// Qt let go of the reply's connections, on whichever thread did so last.
void TestJsonRpc::replyScopeLetsGoOfItsFunctorsWhereItIsEnded()
{
    const auto connectHolder = [](QNetworkReply *reply, rpchttp::ReplyScope *scope, std::weak_ptr<int> *watch) {
        auto held = std::make_shared<int>(1);
        *watch = held;
        QObject::connect(reply, &QNetworkReply::finished, scope, [held] { Q_UNUSED(held); });
        QObject::connect(reply, &QNetworkReply::downloadProgress, scope, [held](qint64, qint64) { Q_UNUSED(held); });
    };
    const QNetworkRequest request(m_node.url());

    // end(): the reply is still running and alive.
    {
        QObject owner;
        QNetworkReply *reply = m_network.get(request);
        auto *scope = rpchttp::ReplyScope::forReply(reply, &owner);
        QCOMPARE(rpchttp::ReplyScope::forReply(reply, &owner), scope);
        std::weak_ptr<int> watch;
        connectHolder(reply, scope, &watch);
        QVERIFY(!watch.expired());
        rpchttp::ReplyScope::end(reply);
        QVERIFY(watch.expired());
        QVERIFY(reply->isRunning());
        QSignalSpy finished(reply, &QNetworkReply::finished);
        reply->abort();
        QCOMPARE(finished.count(), 1);
        delete reply;
    }
    // The owner goes first.
    {
        auto owner = std::make_unique<QObject>();
        QNetworkReply *reply = m_network.get(request);
        std::weak_ptr<int> watch;
        connectHolder(reply, rpchttp::ReplyScope::forReply(reply, owner.get()), &watch);
        owner.reset();
        QVERIFY(watch.expired());
        reply->abort();
        delete reply;
    }
    // The reply goes first; the owner lives on without the scope.
    {
        QObject owner;
        QNetworkReply *reply = m_network.get(request);
        std::weak_ptr<int> watch;
        connectHolder(reply, rpchttp::ReplyScope::forReply(reply, &owner), &watch);
        QCOMPARE(owner.children().size(), 1);
        delete reply;
        QVERIFY(watch.expired());
        QVERIFY(owner.children().isEmpty());
    }
}

} // namespace tst_jsonrpc

ARBOR_GUILESS_TEST_MAIN(jsonrpc, tst_jsonrpc::TestJsonRpc)
#include "tst_jsonrpc.moc"

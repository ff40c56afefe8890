// The JSON-RPC client against hostile bodies and a fake node on 127.0.0.1, and the endpoint probe.

#include "rpc/endpointprobe.h"
#include "rpc/endpointlimiter.h"
#include "rpc/jsonrpcclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <optional>

using namespace arbor;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(arbor::Error::Kind)

namespace {

constexpr qint64 FakeChainId = 31337;   // 0x7a69
constexpr qint64 FakeHead = 4660;       // 0x1234
const QString FakeClientVersion = u"Geth/v1.13.14-stable/linux-amd64/go1.21.7"_s;

/**
 * A minimal HTTP/1.1 JSON-RPC node. Each request path is a behaviour:
 *
 * /ok                 eth_chainId, eth_blockNumber, web3_clientVersion answered properly
 * /no-client-version  as /ok, but web3_clientVersion returns a JSON-RPC error
 * /http500, /http429  that HTTP status with a short text body
 * /html               200 with an nginx welcome page
 * /rpc-error          200 with a JSON-RPC error object
 * /wrong-id           a well-formed response to another request
 * /large              200 with a 64 KiB JSON-RPC result
 * /silent             reads the request and never answers
 */
class FakeNode final : public QObject
{
public:
    explicit FakeNode(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &FakeNode::accept);
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    QUrl url(const QString &path) const
    {
        return QUrl(u"http://127.0.0.1:%1%2"_s.arg(m_server.serverPort()).arg(path));
    }
    /// Method names of the JSON-RPC requests received, in order.
    const QStringList &methods() const { return m_methods; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            socket->setParent(this);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
        for (;;) {
            const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
            if (headerEnd < 0)
                break;
            const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
            const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
            qsizetype length = 0;
            for (const QByteArray &line : lines) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer.size() < headerEnd + 4 + length)
                break;
            const QByteArray body = buffer.mid(headerEnd + 4, length);
            buffer.remove(0, headerEnd + 4 + length);
            respond(socket, requestLine.value(1), body);
        }
        socket->setProperty("buffer", buffer);
    }

    static void send(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &contentType,
                     const QByteArray &body, const QByteArray &extraHeader = {})
    {
        QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
        head += extraHeader;
        head += "Content-Type: " + contentType + "\r\n";
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
        head += "Connection: close\r\n\r\n";
        socket->write(head + body);
        socket->disconnectFromHost();
    }

    static QByteArray json(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

    static QJsonObject result(const QJsonValue &id, const QJsonValue &value)
    {
        return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, value}};
    }

    static QJsonObject error(const QJsonValue &id, int code, const QString &message)
    {
        return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id},
                {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
    }

    void respond(QTcpSocket *socket, const QByteArray &path, const QByteArray &body)
    {
        const QJsonObject request = QJsonDocument::fromJson(body).object();
        const QJsonValue id = request.value(u"id"_s);
        const QString method = request.value(u"method"_s).toString();
        m_methods.append(method);

        if (path == "/busy" && m_busyLeft > 0) {
            --m_busyLeft;
            send(socket, 429, "Too Many Requests", "application/json", json(error(QJsonValue::Null, 429, u"Too Many Requests"_s)),
                 "Retry-After: 1\r\n");
        } else if (path == "/flaky" && m_flakyLeft > 0) {
            --m_flakyLeft;
            send(socket, 503, "Service Unavailable", "text/plain", "try again");
        } else if (path == "/ok" || path == "/no-client-version" || path == "/busy" || path == "/flaky") {
            QJsonObject response;
            if (method == u"eth_chainId")
                response = result(id, u"0x7a69"_s);
            else if (method == u"eth_blockNumber")
                response = result(id, u"0x1234"_s);
            else if (method == u"web3_clientVersion" && path == "/ok")
                response = result(id, FakeClientVersion);
            else
                response = error(id, -32601, u"the method %1 does not exist/is not available"_s.arg(method));
            send(socket, 200, "OK", "application/json", json(response));
        } else if (path == "/http500") {
            send(socket, 500, "Internal Server Error", "text/plain", "upstream exploded");
        } else if (path == "/http429") {
            send(socket, 429, "Too Many Requests", "text/plain", "slow down");
        } else if (path == "/html") {
            send(socket, 200, "OK", "text/html", "<html><head><title>Welcome to nginx!</title></head><body></body></html>");
        } else if (path == "/rpc-error") {
            send(socket, 200, "OK", "application/json", json(error(id, -32005, u"query returned more than 10000 results"_s)));
        } else if (path == "/wrong-id") {
            send(socket, 200, "OK", "application/json", json(result(id.toInteger() + 100, u"0x1"_s)));
        } else if (path == "/large") {
            send(socket, 200, "OK", "application/json", json(result(id, QString(64 * 1024, u'a'))));
        } else if (path == "/silent") {
            // Keep the connection open and say nothing.
        } else {
            send(socket, 404, "Not Found", "text/plain", "no such path");
        }
    }

    QTcpServer m_server;
    QStringList m_methods;

public:
    int m_busyLeft = 0;         ///< requests to /busy still answered 429 (Retry-After: 1)
    int m_flakyLeft = 0;        ///< requests to /flaky still answered 503
};

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

private:
    Result<QJsonValue> callOnce(JsonRpcClient &client, const QString &method);

    QNetworkAccessManager m_network;
    FakeNode m_node;
};

void TestJsonRpc::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
    QVERIFY(m_node.listen());
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
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("method");
    QTest::addColumn<int>("timeoutMs");        // 0: the client's default
    QTest::addColumn<qint64>("maxBytes");      // 0: the client's default
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QStringList>("needles");
    QTest::addColumn<QStringList>("forbidden");

    QTest::newRow("eth_chainId") << u"/ok"_s << u"eth_chainId"_s << 0 << qint64(0) << true << QJsonValue(u"0x7a69"_s)
                                 << QStringList() << QStringList();
    QTest::newRow("eth_blockNumber") << u"/ok"_s << u"eth_blockNumber"_s << 0 << qint64(0) << true
                                     << QJsonValue(u"0x1234"_s) << QStringList() << QStringList();
    QTest::newRow("web3_clientVersion") << u"/ok"_s << u"web3_clientVersion"_s << 0 << qint64(0) << true
                                        << QJsonValue(FakeClientVersion) << QStringList() << QStringList();
    QTest::newRow("unknown method") << u"/ok"_s << u"eth_nope"_s << 0 << qint64(0) << false << QJsonValue()
                                    << QStringList{u"-32601"_s, u"eth_nope"_s} << QStringList();
    QTest::newRow("HTTP 500") << u"/http500"_s << u"eth_chainId"_s << 0 << qint64(0) << false << QJsonValue()
                              << QStringList{u"HTTP 500"_s, u"upstream exploded"_s} << QStringList();
    QTest::newRow("HTTP 429") << u"/http429"_s << u"eth_chainId"_s << 0 << qint64(0) << false << QJsonValue()
                              << QStringList{u"HTTP 429"_s, u"rate limited"_s, u"slow down"_s} << QStringList();
    QTest::newRow("HTML page") << u"/html"_s << u"eth_chainId"_s << 0 << qint64(0) << false << QJsonValue()
                               << QStringList{u"did not answer with JSON"_s, u"Welcome to nginx"_s} << QStringList();
    QTest::newRow("JSON-RPC error") << u"/rpc-error"_s << u"eth_getLogs"_s << 0 << qint64(0) << false << QJsonValue()
                                    << QStringList{u"-32005"_s, u"more than 10000 results"_s} << QStringList();
    QTest::newRow("wrong id") << u"/wrong-id"_s << u"eth_chainId"_s << 0 << qint64(0) << false << QJsonValue()
                              << QStringList{u"different request"_s} << QStringList();
    // The limit is 1 KiB here: the message must not claim the response exceeded "0 MiB".
    QTest::newRow("too large") << u"/large"_s << u"eth_getLogs"_s << 0 << qint64(1024) << false << QJsonValue()
                               << QStringList{u"larger than"_s, u"eth_getLogs"_s} << QStringList{u" 0 MiB"_s};
    QTest::newRow("no answer") << u"/silent"_s << u"eth_chainId"_s << 300 << qint64(0) << false << QJsonValue()
                               << QStringList{u"did not answer within 0.3 s"_s} << QStringList();
}

void TestJsonRpc::call()
{
    QFETCH(QString, path);
    QFETCH(QString, method);
    QFETCH(int, timeoutMs);
    QFETCH(qint64, maxBytes);
    QFETCH(bool, ok);
    QFETCH(QJsonValue, value);
    QFETCH(QStringList, needles);
    QFETCH(QStringList, forbidden);
    // Reading a reply that was aborted (timeout, size limit) spams the operator's log.
    QTest::failOnWarning(QRegularExpression(u"device not open"_s));

    JsonRpcClient client(&m_network, m_node.url(path));
    client.setRateLimitedRetries(0);
    if (timeoutMs > 0)
        client.setTimeout(timeoutMs);
    if (maxBytes > 0)
        client.setMaxResponseBytes(maxBytes);
    const auto r = callOnce(client, method);
    if (r.ok() != ok)
        QFAIL(qPrintable(r.ok() ? u"unexpected success"_s : r.error().toString()));
    QVERIFY(m_node.methods().contains(method));
    if (ok) {
        QCOMPARE(*r, value);
        return;
    }
    QVERIFY2(r.error().kind != Error::Kind::Internal, qPrintable(r.error().toString()));
    QCOMPARE(r.error().field, u"rpc"_s);
    const QString message = r.error().message;
    QVERIFY2(message.contains(m_node.url(path).toString()), qPrintable(message));
    for (const QString &needle : needles)
        QVERIFY2(message.contains(needle), qPrintable(QString(u"“"_s + needle + u"” missing from: "_s + message)));
    for (const QString &text : forbidden)
        QVERIFY2(!message.contains(text), qPrintable(QString(u"“"_s + text + u"” in: "_s + message)));
}

void TestJsonRpc::callWaitsOutRateLimits()
{
    m_node.m_busyLeft = 2;
    const qsizetype before = m_node.methods().size();
    JsonRpcClient client(&m_network, m_node.url(u"/busy"_s));
    const auto r = callOnce(client, u"eth_chainId"_s);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(*r, QJsonValue(u"0x7a69"_s));
    QCOMPARE(m_node.methods().size() - before, 3);     // two 429s waited out, then the answer
    QCOMPARE(client.limiter().rateLimitedCount(), qint64(2));
    QVERIFY(client.limiter().rateLimitedWithin(60000));
    // The limiter is the URL's, shared with every other client of it.
    JsonRpcClient other(&m_network, m_node.url(u"/busy"_s));
    QCOMPARE(&other.limiter(), &client.limiter());
}

void TestJsonRpc::callRetriesServerErrors()
{
    m_node.m_flakyLeft = 2;
    const qsizetype before = m_node.methods().size();
    JsonRpcClient client(&m_network, m_node.url(u"/flaky"_s));
    const auto r = callOnce(client, u"eth_blockNumber"_s);
    QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().toString()));
    QCOMPARE(m_node.methods().size() - before, 3);

    // A node that keeps failing gets three tries, then its error.
    m_node.m_flakyLeft = 10;
    const qsizetype again = m_node.methods().size();
    const auto failed = callOnce(client, u"eth_blockNumber"_s);
    QVERIFY(!failed.ok());
    QVERIFY2(failed.error().message.contains(u"HTTP 503"_s), qPrintable(failed.error().message));
    QCOMPARE(m_node.methods().size() - again, 3);
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
    const QUrl url = m_node.url(u"/ok"_s);
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
    const auto results = probeAndWait(probe, {m_node.url(u"/ok"_s)}, 8453, &done);
    QVERIFY(done);
    QCOMPARE(results.size(), 1);
    const ProbeResult &r = results.first();
    QVERIFY(!r.ok());
    QCOMPARE(r.error->kind, Error::Kind::Invalid);
    QCOMPARE(r.error->field, u"chain id"_s);
    QVERIFY2(r.error->message.contains(u"31337"_s), qPrintable(r.error->message));
    QVERIFY2(r.error->message.contains(u"8453"_s), qPrintable(r.error->message));
    QVERIFY2(r.error->message.contains(m_node.url(u"/ok"_s).toString()), qPrintable(r.error->message));
    QCOMPARE(r.chainId, FakeChainId);
}

void TestJsonRpc::probeWithoutClientVersion()
{
    EndpointProbe probe(&m_network);
    bool done = false;
    const auto results = probeAndWait(probe, {m_node.url(u"/no-client-version"_s)}, FakeChainId, &done);
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
    const QList<QUrl> urls = {m_node.url(u"/http500"_s), m_node.url(u"/ok"_s), m_node.url(u"/silent"_s)};
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

QTEST_GUILESS_MAIN(TestJsonRpc)
#include "tst_jsonrpc.moc"

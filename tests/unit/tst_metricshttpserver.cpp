// The Prometheus endpoint's HTTP side (MetricsHttpServer) on this thread, spoken to by raw
// QTcpSocket clients on 127.0.0.1: GET and HEAD of /metrics, 404 and 405, malformed requests
// (400 and 431, then the connection closes), request bodies skipped, HTTP/1.0 and keep-alive,
// the connection cap (503), close() and listen() errors that name the field and the fix.
// tst_prometheus covers the text format and the server behind PrometheusExporter's thread.

#include "metrics/metricshttpserver.h"
#include "testmain.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <memory>
#include <vector>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_metricshttpserver {

namespace {

/// One HTTP response as a client reads it.
struct Response
{
    int status = 0;
    QByteArray statusLine;
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        }
        return {};
    }
};

/// The complete responses at the start of `raw`; a HEAD's (per `heads`) carries no body.
/// Stops at the first incomplete one.
QList<Response> parseResponses(const QByteArray &raw, const QList<bool> &heads)
{
    QList<Response> out;
    qsizetype at = 0;
    while (at < raw.size()) {
        const qsizetype end = raw.indexOf("\r\n\r\n", at);
        if (end < 0)
            break;
        Response r;
        const QList<QByteArray> lines = raw.mid(at, end - at).split('\n');
        r.statusLine = lines.first().trimmed();
        r.status = r.statusLine.split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                r.headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
        }
        const qint64 length = heads.value(out.size(), false) ? 0 : r.header("Content-Length").toLongLong();
        if (end + 4 + length > raw.size())
            break;
        r.body = raw.mid(end + 4, length);
        at = end + 4 + length;
        out.append(r);
    }
    return out;
}

/// A client of the server on this thread: it waits with the event loop running.
class Client
{
public:
    explicit Client(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
    }

    bool connected()
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    /// Waits for `count` responses (or for the server to close) and returns those complete.
    QList<Response> read(int count, const QList<bool> &heads = {}, int timeoutMs = 5000)
    {
        (void)QTest::qWaitFor([&] {
            m_raw += m_socket.readAll();
            return parseResponses(m_raw, heads).size() >= count || m_socket.state() == QAbstractSocket::UnconnectedState;
        }, timeoutMs);
        m_raw += m_socket.readAll();
        return parseResponses(m_raw, heads);
    }

    /// Whether the connection was refused (nothing listens on the port).
    bool refused()
    {
        (void)QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, 5000);
        return m_socket.error() == QAbstractSocket::ConnectionRefusedError;
    }

    bool closedByServer(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }

    QTcpSocket &socket() { return m_socket; }

private:
    QTcpSocket m_socket;
    QByteArray m_raw;
};

SharedMetricsSnapshot snapshot(qint64 indexed)
{
    auto s = std::make_shared<MetricsSnapshot>();
    s->takenAtMs = 1700000000000;
    ChainStatus live;
    live.chainId = 31337;
    live.phase = IndexPhase::Live;
    live.head = indexed + 2;
    live.indexed = indexed;
    s->statuses = {live};
    ChainRecord devnet;
    devnet.config.chainId = 31337;
    devnet.config.name = u"devnet"_s;
    s->chains = {devnet};
    return s;
}

QByteArray indexedLine(qint64 indexed)
{
    return "arbor_chain_indexed_block{chain=\"31337\",name=\"devnet\"} " + QByteArray::number(indexed) + "\n";
}

} // namespace

class TestMetricsHttpServer final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void servesTheLatestSnapshot();
    void answersEachRequest_data();
    void answersEachRequest();
    void skipsRequestBodies();
    void refusesAnEndlessHeaderSection();
    void refusesAWholeOversizedHeaderSection();
    void servesPipelinedRequestsInOrder();
    void capsConnections();
    void closeEndsEveryConnection();
    void listenErrorsNameTheFieldAndTheFix_data();
    void listenErrorsNameTheFieldAndTheFix();
    void listeningAgainMoves();

private:
    std::unique_ptr<MetricsHttpServer> m_server;
    quint16 m_port = 0;
};

void TestMetricsHttpServer::init()
{
    m_server = std::make_unique<MetricsHttpServer>();
    const Result<ListenAddress> bound = m_server->listen(ListenAddress{u"127.0.0.1"_s, 0}, u"--metrics"_s);
    QVERIFY2(bound, qPrintable(bound ? QString() : bound.error().toString()));
    QCOMPARE(bound->host, u"127.0.0.1"_s);
    QVERIFY(bound->port != 0);
    m_port = bound->port;
    QVERIFY(m_server->isListening());
}

void TestMetricsHttpServer::cleanup()
{
    m_server.reset();
}

void TestMetricsHttpServer::servesTheLatestSnapshot()
{
    // Before the first snapshot: every family declared, no chain samples.
    Client first(m_port);
    QVERIFY(first.connected());
    first.send("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n");
    QList<Response> r = first.read(1);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].statusLine, "HTTP/1.1 200 OK"_ba);
    QCOMPARE(r[0].header("Content-Type"), QByteArray(prometheus::ContentType));
    QCOMPARE(r[0].header("Cache-Control"), "no-store"_ba);
    QCOMPARE(r[0].header("Connection"), "keep-alive"_ba);
    QVERIFY(r[0].body.contains("# TYPE arbor_chain_indexed_block gauge\n"));
    QVERIFY(!r[0].body.contains("arbor_chain_indexed_block{"));

    // Rendered at each scrape: a new snapshot shows on the next request of the same connection.
    m_server->setSnapshot(snapshot(100));
    first.send("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n");
    r = first.read(2);
    QCOMPARE(r.size(), 2);
    QVERIFY2(r[1].body.contains(indexedLine(100)), r[1].body.left(400).constData());
    m_server->setSnapshot(snapshot(118));
    first.send("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n");
    r = first.read(3);
    QCOMPARE(r.size(), 3);
    QVERIFY(r[2].body.contains(indexedLine(118)));
    QVERIFY(!r[2].body.contains(indexedLine(100)));
}

void TestMetricsHttpServer::answersEachRequest_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("bodyNeedle");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<bool>("head");

    const QByteArray metrics = "# TYPE arbor_chain_indexed_block gauge";
    QTest::newRow("GET /metrics") << "GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n"_ba << 200 << metrics << false << false;
    QTest::newRow("with a query") << "GET /metrics?name[]=up HTTP/1.1\r\n\r\n"_ba << 200 << metrics << false << false;
    QTest::newRow("absolute form") << "GET http://127.0.0.1:9464/metrics HTTP/1.1\r\n\r\n"_ba << 200 << metrics << false << false;
    QTest::newRow("bare line feeds") << "GET /metrics HTTP/1.1\nHost: a\n\n"_ba << 200 << metrics << false << false;
    QTest::newRow("empty lines first") << "\r\n\r\nGET /metrics HTTP/1.1\r\n\r\n"_ba << 200 << metrics << false << false;
    QTest::newRow("HEAD") << "HEAD /metrics HTTP/1.1\r\n\r\n"_ba << 200 << QByteArray() << false << true;
    QTest::newRow("HTTP/1.0 closes") << "GET /metrics HTTP/1.0\r\n\r\n"_ba << 200 << metrics << true << false;
    QTest::newRow("HTTP/1.0 keep-alive") << "GET /metrics HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"_ba << 200 << metrics << false << false;
    QTest::newRow("Connection: close") << "GET /metrics HTTP/1.1\r\nConnection: Close\r\n\r\n"_ba << 200 << metrics << true << false;
    QTest::newRow("Connection list") << "GET /metrics HTTP/1.1\r\nConnection: TE, close\r\n\r\n"_ba << 200 << metrics << true << false;
    QTest::newRow("root") << "GET / HTTP/1.1\r\n\r\n"_ba << 404 << "Arbor serves its Prometheus metrics at /metrics."_ba << false << false;
    QTest::newRow("below /metrics") << "GET /metrics/x HTTP/1.1\r\n\r\n"_ba << 404 << "at /metrics"_ba << false << false;
    QTest::newRow("other case") << "GET /METRICS HTTP/1.1\r\n\r\n"_ba << 404 << "at /metrics"_ba << false << false;
    QTest::newRow("HEAD elsewhere") << "HEAD /nothing HTTP/1.1\r\n\r\n"_ba << 404 << QByteArray() << false << true;
    QTest::newRow("POST") << "POST /metrics HTTP/1.1\r\nContent-Length: 0\r\n\r\n"_ba << 405 << "Only GET and HEAD are allowed on /metrics."_ba << false << false;
    QTest::newRow("lower-case get") << "get /metrics HTTP/1.1\r\n\r\n"_ba << 405 << "Only GET and HEAD"_ba << false << false;
    QTest::newRow("not HTTP") << "HELLO\r\n\r\n"_ba << 400 << "Not an HTTP/1.1 request."_ba << true << false;
    QTest::newRow("no version") << "GET /metrics\r\n\r\n"_ba << 400 << "Not an HTTP/1.1 request."_ba << true << false;
    QTest::newRow("HTTP/2") << "GET /metrics HTTP/2.0\r\n\r\n"_ba << 400 << "Not an HTTP/1.1 request."_ba << true << false;
    QTest::newRow("TLS hello") << "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"_ba << 400 << "Not an HTTP/1.1 request."_ba << true << false;
    QTest::newRow("Content-Length not a number") << "POST /metrics HTTP/1.1\r\nContent-Length: ten\r\n\r\n"_ba << 400 << "Malformed Content-Length."_ba
                                                 << true << false;
    QTest::newRow("Content-Length negative") << "POST /metrics HTTP/1.1\r\nContent-Length: -1\r\n\r\n"_ba << 400 << "Malformed Content-Length."_ba
                                             << true << false;
    QTest::newRow("chunked body") << "POST /metrics HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"_ba << 400
                                  << "Request bodies are not accepted here."_ba << true << false;
}

void TestMetricsHttpServer::answersEachRequest()
{
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, bodyNeedle);
    QFETCH(bool, closes);
    QFETCH(bool, head);
    Client client(m_port);
    QVERIFY(client.connected());
    client.send(request);
    const QList<Response> r = client.read(1, {head});
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].status, status);
    QVERIFY2(r[0].body.contains(bodyNeedle), r[0].body.left(300).constData());
    QCOMPARE(r[0].header("Connection"), closes ? "close"_ba : "keep-alive"_ba);
    if (head) {
        QVERIFY(r[0].body.isEmpty());
        QVERIFY(r[0].header("Content-Length").toLongLong() > 0);     // the size a GET would get
    } else {
        QCOMPARE(r[0].header("Content-Length").toLongLong(), qint64(r[0].body.size()));
    }
    if (status == 405)
        QCOMPARE(r[0].header("Allow"), "GET, HEAD"_ba);
    if (closes) {
        QVERIFY(client.closedByServer());
        return;
    }
    // Kept alive: nothing else was sent, and the connection serves the next request.
    QCOMPARE(client.read(2, {head}, 100).size(), 1);
    client.send("GET /metrics HTTP/1.1\r\n\r\n");
    const QList<Response> next = client.read(2, {head, false});
    QCOMPARE(next.size(), 2);
    QCOMPARE(next[1].status, 200);
    QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
}

void TestMetricsHttpServer::skipsRequestBodies()
{
    // A body announced by Content-Length is read past, even when it arrives later in pieces:
    // none of it is taken for a request.
    Client client(m_port);
    QVERIFY(client.connected());
    client.send("POST /metrics HTTP/1.1\r\nContent-Length: 39\r\n\r\nGET / HTTP/1.1\r\n\r\n");
    QList<Response> r = client.read(1);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].status, 405);
    QTest::qWait(50);
    client.send("GET /x HTTP/1.1\r\n\r\n");            // still body: 18 + 19 = 37 of 39
    QCOMPARE(client.read(2, {}, 200).size(), 1);
    client.send("\r\nGET /metrics HTTP/1.1\r\n\r\n");   // the body's last 2 bytes, then a request
    r = client.read(2);
    QCOMPARE(r.size(), 2);
    QCOMPARE(r[1].status, 200);
    QCOMPARE(client.read(3, {}, 200).size(), 2);
}

void TestMetricsHttpServer::refusesAnEndlessHeaderSection()
{
    Client client(m_port);
    QVERIFY(client.connected());
    client.send("GET /metrics HTTP/1.1\r\n");
    // 4 KiB of headers at a time, never ending: refused once past 16 KiB, not buffered for ever.
    const QByteArray line = "X-Padding: " + QByteArray(4096 - 13, 'a') + "\r\n";
    QList<Response> r;
    for (int i = 0; i < 8 && r.isEmpty(); ++i) {
        client.send(line);
        r = client.read(1, {}, 100);
    }
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].statusLine, "HTTP/1.1 431 Request Header Fields Too Large"_ba);
    QVERIFY(r[0].body.contains("header section is too large"));
    QVERIFY(client.closedByServer());
}

void TestMetricsHttpServer::refusesAWholeOversizedHeaderSection()
{
    Client client(m_port);
    QVERIFY(client.connected());
    // 20 KiB of headers that end in one write: refused as well, however TCP splits it.
    client.send("GET /metrics HTTP/1.1\r\nX-Padding: " + QByteArray(20 * 1024, 'a') + "\r\n\r\n");
    const QList<Response> r = client.read(1);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r[0].statusLine, "HTTP/1.1 431 Request Header Fields Too Large"_ba);
    QVERIFY(client.closedByServer());
}

void TestMetricsHttpServer::servesPipelinedRequestsInOrder()
{
    m_server->setSnapshot(snapshot(7));
    Client client(m_port);
    QVERIFY(client.connected());
    client.send("GET /a HTTP/1.1\r\n\r\nHEAD /metrics HTTP/1.1\r\n\r\nPUT /metrics HTTP/1.1\r\n\r\nGET /metrics HTTP/1.1\r\n"
                "Connection: close\r\n\r\nGET /metrics HTTP/1.1\r\n\r\n");
    const QList<Response> r = client.read(5, {false, true, false, false, false});
    // In order; nothing after the request that asked to close.
    QCOMPARE(r.size(), 4);
    QCOMPARE(r[0].status, 404);
    QCOMPARE(r[1].status, 200);
    QVERIFY(r[1].body.isEmpty());
    QCOMPARE(r[2].status, 405);
    QCOMPARE(r[3].status, 200);
    QVERIFY(r[3].body.contains(indexedLine(7)));
    QCOMPARE(r[3].header("Connection"), "close"_ba);
    QVERIFY(client.closedByServer());
}

void TestMetricsHttpServer::capsConnections()
{
    // MaxConnections idle clients are held; the next one is told so and closed.
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < MetricsHttpServer::MaxConnections; ++i) {
        clients.push_back(std::make_unique<Client>(m_port));
        QVERIFY(clients.back()->connected());
    }
    QTest::qWait(100);     // every one accepted
    Client extra(m_port);
    QVERIFY(extra.connected());
    const QList<Response> refused = extra.read(1);
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused[0].status, 503);
    QVERIFY(refused[0].body.contains("Too many connections to Arbor's metrics endpoint."));
    QVERIFY(extra.closedByServer());

    // Those held are served as usual, and a place freed is taken by the next client.
    clients.front()->send("GET /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(clients.front()->read(1).value(0).status, 200);
    clients.back()->socket().disconnectFromHost();
    QVERIFY(clients.back()->closedByServer());
    QTest::qWait(100);
    Client next(m_port);
    QVERIFY(next.connected());
    next.send("GET /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(next.read(1).value(0).status, 200);
}

void TestMetricsHttpServer::closeEndsEveryConnection()
{
    Client a(m_port);
    Client b(m_port);
    QVERIFY(a.connected());
    QVERIFY(b.connected());
    b.send("GET /metrics HTTP/1.1\r\n");   // half a request
    QTest::qWait(50);
    m_server->close();
    QVERIFY(!m_server->isListening());
    QVERIFY(a.closedByServer());
    QVERIFY(b.closedByServer());
    QVERIFY(b.read(1).isEmpty());
    Client late(m_port);
    QVERIFY(late.refused());
    // Listening again on the same port works (nothing was left behind).
    const Result<ListenAddress> again = m_server->listen(ListenAddress{u"127.0.0.1"_s, m_port}, u"--metrics"_s);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().toString()));
    Client back(m_port);
    QVERIFY(back.connected());
    back.send("GET /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(back.read(1).value(0).status, 200);
}

void TestMetricsHttpServer::listenErrorsNameTheFieldAndTheFix_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("taken");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("needle");
    QTest::newRow("port in use") << u"127.0.0.1"_s << true << int(Error::Kind::Conflict)
                                 << u"the port is in use by another program. Choose another port."_s;
    QTest::newRow("address of another machine") << u"192.0.2.1"_s << false << int(Error::Kind::Unavailable)
                                                << u"Choose another address or port (ports below 1024 need privileges)."_s;
    QTest::newRow("name that does not resolve") << u"no-such-host.invalid"_s << false << int(Error::Kind::Unavailable)
                                                << u"the host name does not resolve"_s;
}

void TestMetricsHttpServer::listenErrorsNameTheFieldAndTheFix()
{
    QFETCH(QString, host);
    QFETCH(bool, taken);
    QFETCH(int, kind);
    QFETCH(QString, needle);
    MetricsHttpServer other;
    const ListenAddress address{host, taken ? m_port : quint16(9464)};
    const Result<ListenAddress> bound = other.listen(address, u"serve --metrics"_s);
    QVERIFY(!bound);
    QCOMPARE(int(bound.error().kind), kind);
    QCOMPARE(bound.error().field, u"serve --metrics"_s);
    QVERIFY2(bound.error().message.startsWith(u"Cannot serve metrics on %1"_s.arg(address.toString())), qPrintable(bound.error().message));
    QVERIFY2(bound.error().message.contains(needle), qPrintable(bound.error().message));
    QVERIFY(!other.isListening());
    // The server that holds the port is not disturbed.
    Client client(m_port);
    QVERIFY(client.connected());
    client.send("GET /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(client.read(1).value(0).status, 200);
}

void TestMetricsHttpServer::listeningAgainMoves()
{
    // "localhost" binds the loopback address and keeps the name the operator gave.
    const Result<ListenAddress> moved = m_server->listen(ListenAddress{u"localhost"_s, 0}, u"--metrics"_s);
    QVERIFY2(moved, qPrintable(moved ? QString() : moved.error().toString()));
    QCOMPARE(moved->host, u"localhost"_s);
    QVERIFY(moved->port != 0 && moved->port != m_port);
    Client old(m_port);
    QVERIFY(old.refused());
    Client now(moved->port);
    QVERIFY(now.connected());
    now.send("GET /metrics HTTP/1.1\r\n\r\n");
    QCOMPARE(now.read(1).value(0).status, 200);
}

} // namespace tst_metricshttpserver

ARBOR_GUILESS_TEST_MAIN(metricshttpserver, tst_metricshttpserver::TestMetricsHttpServer)
#include "tst_metricshttpserver.moc"

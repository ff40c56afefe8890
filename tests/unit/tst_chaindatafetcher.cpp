// Fetching what chain data names (agent and feedback files) against a local HTTP server: what is
// fetched, what the outbound policy refuses before any request leaves, redirects, size and time
// limits, data: and ipfs:// URIs, and requests to one host spaced out in order.

#include "net/chaindatafetcher.h"

#include "httptestserver.h"
#include "testmain.h"

#include <QHash>
#include <QHostInfo>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <optional>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_chaindatafetcher {

namespace {

const QString Field = u"agentURI"_s;
const QByteArray AgentFile = R"({"type":"https://eips.ethereum.org/EIPS/eip-8004#registration-v1","name":"Agent 7"})";

/// An HttpTestServer answering by path (404 for the rest) and keeping every request it read.
class DocumentServer final
{
public:
    using Route = std::function<HttpResponse(const HttpRequest &)>;

    DocumentServer()
        : m_server([this](const HttpRequest &request) { return answer(request); })
    {
    }

    void route(const QByteArray &path, Route route)
    {
        const QMutexLocker lock(&m_mutex);
        m_routes.insert(path, std::move(route));
    }
    void route(const QByteArray &path, const HttpResponse &response)
    {
        route(path, [response](const HttpRequest &) { return response; });
    }
    /// A redirect from `path` to `location` (relative or absolute).
    void redirect(const QByteArray &path, const QByteArray &location, int status = 302)
    {
        HttpResponse response = HttpResponse::empty(status);
        response.headers.append({"Location", location});
        route(path, response);
    }

    bool start(QString *error) { return m_server.start(error); }
    QUrl url(const QString &path) const { return m_server.url(path); }
    quint16 port() const { return m_server.port(); }
    quint64 connections() const { return m_server.connections(); }

    QList<HttpRequest> requests() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_requests;
    }
    QList<QByteArray> paths() const
    {
        QList<QByteArray> paths;
        for (const HttpRequest &request : requests())
            paths.append(request.path());
        return paths;
    }

private:
    HttpResponse answer(const HttpRequest &request)
    {
        Route route;
        {
            const QMutexLocker lock(&m_mutex);
            m_requests.append(request);
            route = m_routes.value(request.path());
        }
        return route ? route(request) : HttpResponse::text(404, "no such document");
    }

    mutable QMutex m_mutex;
    QHash<QByteArray, Route> m_routes;
    QList<HttpRequest> m_requests;
    HttpTestServer m_server;   // last: its thread calls answer() until it is destroyed
};

/// What one fetch() handed to its `done`, and how often.
struct Outcome
{
    int calls = 0;
    std::optional<Result<FetchedDocument>> result;
};

std::shared_ptr<Outcome> start(ChainDataFetcher &fetcher, const QString &uri, const QString &field = Field)
{
    auto outcome = std::make_shared<Outcome>();
    fetcher.fetch(uri, field, [outcome](Result<FetchedDocument> result) {
        ++outcome->calls;
        outcome->result = std::move(result);
    });
    return outcome;
}

Result<FetchedDocument> fetchAndWait(ChainDataFetcher &fetcher, const QString &uri, const QString &field = Field)
{
    const std::shared_ptr<Outcome> outcome = start(fetcher, uri, field);
    if (!QTest::qWaitFor([&] { return outcome->calls > 0; }, 20000))
        return Error::internal(u"the test got no answer for %1"_s.arg(uri));
    return *outcome->result;
}

QByteArray why(const Result<FetchedDocument> &result)
{
    return result ? QByteArray("fetched") : result.error().toString().toUtf8();
}

// Starts a test server or fails the test with the reason.
#define START(server)                                                                   \
    do {                                                                                \
        QString startError;                                                             \
        QVERIFY2((server).start(&startError), qPrintable(startError));                  \
    } while (false)

// The error of `result`, or a failed test.
#define EXPECT_ERROR(result, errorKind, text)                                                         \
    do {                                                                                              \
        QVERIFY2(!(result).ok(), "fetched, and an error was expected");                               \
        QCOMPARE((result).error().kind, errorKind);                                                   \
        QCOMPARE((result).error().field, Field);                                                      \
        QVERIFY2((result).error().message.contains(text), qPrintable((result).error().message));      \
    } while (false)

} // namespace

class TestChainDataFetcher final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void fetchesADocument();
    void namedHostIsReachedAtItsCheckedAddress();
    void httpErrorIsNamed();
    void unreachableHostIsUnavailable();
    void loopbackIsRefusedUnlessAllowed();
    void nameResolvingToLoopbackIsRefused();
    void followsRedirects();
    void refusesRedirectToAHostNotAllowed();
    void stopsAfterMaxRedirects();
    void cutsOversizedBodies();
    void cutsOversizedStreams();
    void timesOut();
    void readsDataUris_data();
    void readsDataUris();
    void refusesBadDataUris_data();
    void refusesBadDataUris();
    void refusesOtherSchemes();
    void fetchesIpfsThroughTheGateway();
    void checksRedirectsFromTheGateway();
    void ipfsNeedsAGateway();
    void answersLaterAndOnce();
    void spacesRequestsToOneHostInOrder();
    void queuesRatherThanRefuses();

private:
    std::unique_ptr<ChainDataFetcher> fetcher(const QStringList &allowed = {u"127.0.0.1"_s})
    {
        auto fetcher = std::make_unique<ChainDataFetcher>(&m_network);
        fetcher->setPolicy(OutboundPolicy(allowed));
        ChainDataLimits limits;
        limits.perHostIntervalMs = 0;   // spacing has its own tests
        fetcher->setLimits(limits);
        return fetcher;
    }

    QNetworkAccessManager m_network;
};

void TestChainDataFetcher::fetchesADocument()
{
    DocumentServer server;
    server.route("/agent.json", HttpResponse::text(200, AgentFile));
    START(server);
    const auto fetcher = this->fetcher();

    const QString uri = server.url(u"/agent.json"_s).toString();
    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, uri);
    QVERIFY2(fetched.ok(), why(fetched));
    QCOMPARE(fetched->uri, uri);
    QCOMPARE(fetched->finalUrl, server.url(u"/agent.json"_s));
    QCOMPARE(fetched->body, AgentFile);
    QCOMPARE(fetched->httpStatus, 200);
    QVERIFY(fetched->contentType.startsWith(u"text/plain"_s));

    const QList<HttpRequest> requests = server.requests();
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].method, "GET");
    QVERIFY(requests[0].header("User-Agent").startsWith("Arbor/"));
    QCOMPARE(requests[0].header("Accept"), "application/json, */*;q=0.5");
    QCOMPARE(requests[0].header("Host"), "127.0.0.1:" + QByteArray::number(server.port()));
    QVERIFY(!requests[0].hasHeader("Cookie"));
}

void TestChainDataFetcher::namedHostIsReachedAtItsCheckedAddress()
{
    DocumentServer server;
    server.route("/agent.json", HttpResponse::text(200, AgentFile));
    START(server);
    const auto fetcher = this->fetcher({u"localhost"_s});

    // The connection goes to the address that was checked; the server still sees the name.
    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, u"http://localhost:%1/agent.json"_s.arg(server.port()));
    QVERIFY2(fetched.ok(), why(fetched));
    QCOMPARE(fetched->finalUrl.host(), u"localhost"_s);
    QCOMPARE(server.requests().value(0).header("Host"), "localhost:" + QByteArray::number(server.port()));
}

void TestChainDataFetcher::httpErrorIsNamed()
{
    DocumentServer server;
    server.route("/gone.json", HttpResponse::text(503, "try later"));
    START(server);
    const auto fetcher = this->fetcher();

    const Result<FetchedDocument> missing = fetchAndWait(*fetcher, server.url(u"/missing.json"_s).toString());
    EXPECT_ERROR(missing, Error::Kind::NotFound, u"HTTP 404 Not Found"_s);
    QVERIFY(missing.error().message.contains(server.url(u"/missing.json"_s).toString()));

    const Result<FetchedDocument> down = fetchAndWait(*fetcher, server.url(u"/gone.json"_s).toString());
    EXPECT_ERROR(down, Error::Kind::Unavailable, u"HTTP 503 Service Unavailable"_s);
}

void TestChainDataFetcher::unreachableHostIsUnavailable()
{
    const auto fetcher = this->fetcher();
    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, u"http://127.0.0.1:%1/a.json"_s.arg(closedLoopbackPort()));
    EXPECT_ERROR(fetched, Error::Kind::Unavailable, u"Cannot reach"_s);
}

void TestChainDataFetcher::loopbackIsRefusedUnlessAllowed()
{
    DocumentServer server;
    server.route("/agent.json", HttpResponse::text(200, AgentFile));
    START(server);
    const auto fetcher = this->fetcher({});

    const QString uri = server.url(u"/agent.json"_s).toString();
    const Result<FetchedDocument> refused = fetchAndWait(*fetcher, uri);
    EXPECT_ERROR(refused, Error::Kind::Refused, u"“arborctl outbound allow 127.0.0.1”"_s);
    QVERIFY(refused.error().message.contains(u"loopback"_s));
    const Result<FetchedDocument> byName = fetchAndWait(*fetcher, u"http://localhost:%1/agent.json"_s.arg(server.port()));
    EXPECT_ERROR(byName, Error::Kind::Refused, u"“arborctl outbound allow localhost”"_s);
    QCOMPARE(server.connections(), quint64(0));
    QCOMPARE(server.requests().size(), 0);

    fetcher->setPolicy(OutboundPolicy({u"127.0.0.1"_s}));
    QVERIFY2(fetchAndWait(*fetcher, uri).ok(), "allowed by the operator");
}

void TestChainDataFetcher::nameResolvingToLoopbackIsRefused()
{
    // A name the guard cannot tell from its spelling: only its addresses show where it leads.
    const QString name = QHostInfo::localHostName().toLower();
    const QHostInfo info = QHostInfo::fromName(name);
    const bool loopback = !info.addresses().isEmpty()
        && std::all_of(info.addresses().cbegin(), info.addresses().cend(), [](const QHostAddress &a) { return a.isLoopback(); });
    if (name.isEmpty() || name == u"localhost"_s || !loopback)
        QSKIP("this machine's host name does not resolve to loopback only");

    DocumentServer server;
    server.route("/agent.json", HttpResponse::text(200, AgentFile));
    START(server);
    const auto fetcher = this->fetcher({u"127.0.0.2"_s});
    const Result<FetchedDocument> refused = fetchAndWait(*fetcher, u"http://%1:%2/agent.json"_s.arg(name).arg(server.port()));
    EXPECT_ERROR(refused, Error::Kind::Refused, u"resolves to a loopback address"_s);
    QVERIFY(refused.error().message.contains(u"“arborctl outbound allow %1”"_s.arg(name)));
    QCOMPARE(server.connections(), quint64(0));
}

void TestChainDataFetcher::followsRedirects()
{
    DocumentServer server;
    START(server);
    server.redirect("/old.json", "/moved.json", 301);
    server.redirect("/moved.json", server.url(u"/agent.json"_s).toEncoded(), 307);
    server.route("/agent.json", HttpResponse::text(200, AgentFile));
    const auto fetcher = this->fetcher();

    const QString uri = server.url(u"/old.json"_s).toString();
    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, uri);
    QVERIFY2(fetched.ok(), why(fetched));
    QCOMPARE(fetched->body, AgentFile);
    QCOMPARE(fetched->uri, uri);
    QCOMPARE(fetched->finalUrl, server.url(u"/agent.json"_s));
    QCOMPARE(server.paths(), (QList<QByteArray>{"/old.json", "/moved.json", "/agent.json"}));
}

void TestChainDataFetcher::refusesRedirectToAHostNotAllowed()
{
    DocumentServer elsewhere;   // the same machine under names the operator did not allow
    elsewhere.route("/secret", HttpResponse::text(200, "internal"));
    START(elsewhere);
    DocumentServer server;
    server.redirect("/by-name", "http://localhost:" + QByteArray::number(elsewhere.port()) + "/secret");
    server.redirect("/by-address", "http://127.0.0.2:" + QByteArray::number(elsewhere.port()) + "/secret");
    server.redirect("/to-metadata", "http://169.254.169.254/latest/meta-data/");
    START(server);
    const auto fetcher = this->fetcher({u"127.0.0.1"_s});

    const Result<FetchedDocument> byName = fetchAndWait(*fetcher, server.url(u"/by-name"_s).toString());
    EXPECT_ERROR(byName, Error::Kind::Refused, u"“arborctl outbound allow localhost”"_s);
    const Result<FetchedDocument> byAddress = fetchAndWait(*fetcher, server.url(u"/by-address"_s).toString());
    EXPECT_ERROR(byAddress, Error::Kind::Refused, u"“arborctl outbound allow 127.0.0.2”"_s);
    const Result<FetchedDocument> metadata = fetchAndWait(*fetcher, server.url(u"/to-metadata"_s).toString());
    EXPECT_ERROR(metadata, Error::Kind::Refused, u"a cloud metadata service"_s);

    QCOMPARE(server.paths(), (QList<QByteArray>{"/by-name", "/by-address", "/to-metadata"}));
    QCOMPARE(elsewhere.connections(), quint64(0));
}

void TestChainDataFetcher::stopsAfterMaxRedirects()
{
    DocumentServer server;
    server.redirect("/loop", "/loop");
    START(server);
    const auto fetcher = this->fetcher();

    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, server.url(u"/loop"_s).toString());
    EXPECT_ERROR(fetched, Error::Kind::Unavailable, u"redirected more than 3 times"_s);
    QCOMPARE(server.requests().size(), 4);   // the request and three redirects
}

void TestChainDataFetcher::cutsOversizedBodies()
{
    DocumentServer server;
    server.route("/huge.json", HttpResponse::text(200, QByteArray(2 * 1024 * 1024, 'x')));
    server.route("/exact.json", HttpResponse::text(200, QByteArray(1024 * 1024, 'x')));
    START(server);
    const auto fetcher = this->fetcher();

    const Result<FetchedDocument> huge = fetchAndWait(*fetcher, server.url(u"/huge.json"_s).toString());
    EXPECT_ERROR(huge, Error::Kind::Invalid, u"larger than 1 MiB"_s);
    const Result<FetchedDocument> exact = fetchAndWait(*fetcher, server.url(u"/exact.json"_s).toString());
    QVERIFY2(exact.ok(), why(exact));
    QCOMPARE(exact->body.size(), 1024 * 1024);
}

void TestChainDataFetcher::cutsOversizedStreams()
{
    // No Content-Length and a connection that never ends: only the bytes counted stop it.
    DocumentServer server;
    HttpResponse endless = HttpResponse::text(200, QByteArray(5000, 'x'));
    endless.holdOpen = true;
    server.route("/stream", endless);
    START(server);
    const auto fetcher = this->fetcher();
    ChainDataLimits limits;
    limits.perHostIntervalMs = 0;
    limits.maxBytes = 1000;
    fetcher->setLimits(limits);

    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, server.url(u"/stream"_s).toString());
    EXPECT_ERROR(fetched, Error::Kind::Invalid, u"larger than 1000 bytes"_s);
}

void TestChainDataFetcher::timesOut()
{
    DocumentServer server;
    HttpResponse slow = HttpResponse::text(200, AgentFile);
    slow.delayMs = 10000;
    server.route("/slow.json", slow);
    START(server);
    const auto fetcher = this->fetcher();
    ChainDataLimits limits;
    limits.perHostIntervalMs = 0;
    limits.timeoutMs = 200;
    fetcher->setLimits(limits);

    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, server.url(u"/slow.json"_s).toString());
    EXPECT_ERROR(fetched, Error::Kind::Unavailable, u"did not answer within 0.2 s"_s);
}

void TestChainDataFetcher::readsDataUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("contentType");

    QTest::newRow("base64 JSON") << u"data:application/json;base64,eyJuYW1lIjoiQWdlbnQgNyJ9"_s << QByteArray(R"({"name":"Agent 7"})")
                                 << u"application/json"_s;
    QTest::newRow("percent-encoded JSON") << u"data:application/json,%7B%22name%22%3A%22Agent%207%22%7D"_s
                                          << QByteArray(R"({"name":"Agent 7"})") << u"application/json"_s;
    QTest::newRow("plain JSON") << uR"(data:application/json;charset=utf-8,{"a":1})"_s << QByteArray(R"({"a":1})")
                                << u"application/json;charset=utf-8"_s;
    QTest::newRow("no media type") << u"data:,Hello%2C%20World"_s << QByteArray("Hello, World") << u"text/plain;charset=US-ASCII"_s;
    QTest::newRow("charset only") << u"data:;charset=utf-8,%C3%A9"_s << QByteArray("\xc3\xa9") << u"text/plain;charset=utf-8"_s;
    QTest::newRow("any case, no padding") << u"DATA:text/plain;BASE64,SGk"_s << QByteArray("Hi") << u"text/plain"_s;
    QTest::newRow("empty") << u"data:application/json,"_s << QByteArray() << u"application/json"_s;
}

void TestChainDataFetcher::readsDataUris()
{
    QFETCH(QString, uri);
    QFETCH(QByteArray, body);
    QFETCH(QString, contentType);
    const auto fetcher = this->fetcher({});
    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, uri);
    QVERIFY2(fetched.ok(), why(fetched));
    QCOMPARE(fetched->body, body);
    QCOMPARE(fetched->contentType, contentType);
    QCOMPARE(fetched->uri, uri);
    QCOMPARE(fetched->httpStatus, 0);
    QVERIFY(fetched->finalUrl.isEmpty());
}

void TestChainDataFetcher::refusesBadDataUris_data()
{
    QTest::addColumn<QString>("uri");
    QTest::addColumn<QString>("says");

    QTest::newRow("no comma") << u"data:application/json;base64"_s << u"no comma"_s;
    QTest::newRow("not base64") << u"data:application/json;base64,@@@@"_s << u"base64, and it is not"_s;
    QTest::newRow("too large") << u"data:text/plain,"_s + QString(2000, u'x') << u"larger than 1000 bytes"_s;
}

void TestChainDataFetcher::refusesBadDataUris()
{
    QFETCH(QString, uri);
    QFETCH(QString, says);
    const auto fetcher = this->fetcher({});
    ChainDataLimits limits;
    limits.maxBytes = 1000;
    fetcher->setLimits(limits);
    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, uri);
    EXPECT_ERROR(fetched, Error::Kind::Invalid, says);
}

void TestChainDataFetcher::refusesOtherSchemes()
{
    const auto fetcher = this->fetcher();
    for (const QString &uri : {u"file:///etc/passwd"_s, u"ftp://127.0.0.1/a.json"_s, u"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"_s,
                               u"javascript:alert(1)"_s}) {
        const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, uri);
        EXPECT_ERROR(fetched, Error::Kind::Invalid, u"http, https, ipfs or data"_s);
    }
}

void TestChainDataFetcher::fetchesIpfsThroughTheGateway()
{
    DocumentServer gateway;
    gateway.route("/ipfs/bafyagent/agent.json", HttpResponse::text(200, AgentFile));
    gateway.route("/ipfs/bafyagent", HttpResponse::text(200, "root"));
    START(gateway);
    const auto fetcher = this->fetcher({});   // the gateway is the operator's: no allow needed
    fetcher->setIpfsGateway(gateway.url(u"/ipfs/"_s).toString());

    const Result<FetchedDocument> fetched = fetchAndWait(*fetcher, u"ipfs://bafyagent/agent.json"_s);
    QVERIFY2(fetched.ok(), why(fetched));
    QCOMPARE(fetched->body, AgentFile);
    QCOMPARE(fetched->uri, u"ipfs://bafyagent/agent.json"_s);
    QCOMPARE(fetched->finalUrl, gateway.url(u"/ipfs/bafyagent/agent.json"_s));

    fetcher->setIpfsGateway(gateway.url(u"/ipfs"_s).toString());   // without the slash
    const Result<FetchedDocument> older = fetchAndWait(*fetcher, u"ipfs://ipfs/bafyagent"_s);
    QVERIFY2(older.ok(), why(older));
    QCOMPARE(older->body, "root");
    QCOMPARE(gateway.paths(), (QList<QByteArray>{"/ipfs/bafyagent/agent.json", "/ipfs/bafyagent"}));
}

void TestChainDataFetcher::checksRedirectsFromTheGateway()
{
    DocumentServer gateway;
    START(gateway);
    gateway.redirect("/ipfs/bafyfolder", "/ipfs/bafyfolder/", 301);   // still the gateway: followed
    gateway.route("/ipfs/bafyfolder/", HttpResponse::text(200, AgentFile));
    gateway.redirect("/ipfs/bafyout", "/admin");                       // out of it: checked
    gateway.redirect("/ipfs/bafyaway", "http://localhost:" + QByteArray::number(gateway.port()) + "/ipfs/bafyfolder/");
    gateway.route("/admin", HttpResponse::text(200, "internal"));
    const auto fetcher = this->fetcher({});
    fetcher->setIpfsGateway(gateway.url(u"/ipfs/"_s).toString());

    const Result<FetchedDocument> inside = fetchAndWait(*fetcher, u"ipfs://bafyfolder"_s);
    QVERIFY2(inside.ok(), why(inside));
    QCOMPARE(inside->finalUrl, gateway.url(u"/ipfs/bafyfolder/"_s));
    const Result<FetchedDocument> out = fetchAndWait(*fetcher, u"ipfs://bafyout"_s);
    EXPECT_ERROR(out, Error::Kind::Refused, u"loopback"_s);
    const Result<FetchedDocument> away = fetchAndWait(*fetcher, u"ipfs://bafyaway"_s);
    EXPECT_ERROR(away, Error::Kind::Refused, u"“arborctl outbound allow localhost”"_s);
    QCOMPARE(gateway.paths(), (QList<QByteArray>{"/ipfs/bafyfolder", "/ipfs/bafyfolder/", "/ipfs/bafyout", "/ipfs/bafyaway"}));
}

void TestChainDataFetcher::ipfsNeedsAGateway()
{
    const auto fetcher = this->fetcher();
    const Result<FetchedDocument> noGateway = fetchAndWait(*fetcher, u"ipfs://bafyagent/agent.json"_s);
    EXPECT_ERROR(noGateway, Error::Kind::Invalid, u"arborctl outbound gateway"_s);

    fetcher->setIpfsGateway(u"https://ipfs.io/ipfs/"_s);
    const Result<FetchedDocument> badCid = fetchAndWait(*fetcher, u"ipfs://bafy@evil.example/x"_s);
    EXPECT_ERROR(badCid, Error::Kind::Invalid, u"CID"_s);
    const Result<FetchedDocument> climbing = fetchAndWait(*fetcher, u"ipfs://bafyagent/../../admin"_s);
    EXPECT_ERROR(climbing, Error::Kind::Invalid, u"“..”"_s);
}

void TestChainDataFetcher::answersLaterAndOnce()
{
    auto fetcher = this->fetcher();
    const std::shared_ptr<Outcome> data = start(*fetcher, u"data:,now"_s);
    const std::shared_ptr<Outcome> refused = start(*fetcher, u"http://10.0.0.1/a.json"_s);
    QCOMPARE(data->calls, 0);      // never inside fetch()
    QCOMPARE(refused->calls, 0);
    QTRY_COMPARE(data->calls, 1);
    QTRY_COMPARE(refused->calls, 1);
    QCOMPARE(data->result->value().body, "now");
    QCOMPARE(refused->result->error().kind, Error::Kind::Refused);
    QTest::qWait(50);
    QCOMPARE(data->calls, 1);
    QCOMPARE(refused->calls, 1);

    // A fetch still under way when its fetcher goes is dropped, unanswered.
    const std::shared_ptr<Outcome> dropped = start(*fetcher, u"data:,late"_s);
    fetcher.reset();
    QTest::qWait(50);
    QCOMPARE(dropped->calls, 0);
}

void TestChainDataFetcher::spacesRequestsToOneHostInOrder()
{
    DocumentServer server;
    for (const QByteArray path : {"/1", "/2", "/3", "/4"})
        server.route(path, HttpResponse::text(200, path));
    START(server);
    const auto fetcher = this->fetcher();
    ChainDataLimits limits;
    limits.perHostIntervalMs = 100;
    fetcher->setLimits(limits);

    QList<std::shared_ptr<Outcome>> outcomes;
    for (const QString &path : {u"/1"_s, u"/2"_s, u"/3"_s, u"/4"_s})
        outcomes.append(start(*fetcher, server.url(path).toString()));
    for (const std::shared_ptr<Outcome> &outcome : outcomes) {
        QTRY_COMPARE_WITH_TIMEOUT(outcome->calls, 1, 20000);
        QVERIFY2(outcome->result->ok(), why(*outcome->result));
    }
    QCOMPARE(server.paths(), (QList<QByteArray>{"/1", "/2", "/3", "/4"}));
}

void TestChainDataFetcher::queuesRatherThanRefuses()
{
    DocumentServer server;
    for (const QByteArray path : {"/first", "/second", "/other-host"})
        server.route(path, HttpResponse::text(200, path));
    START(server);
    auto fetcher = this->fetcher({u"127.0.0.1"_s, u"localhost"_s});
    ChainDataLimits limits;
    limits.perHostIntervalMs = 10 * 60 * 1000;   // the second request to 127.0.0.1 waits for the rest of the test
    fetcher->setLimits(limits);

    const std::shared_ptr<Outcome> first = start(*fetcher, server.url(u"/first"_s).toString());
    const std::shared_ptr<Outcome> second = start(*fetcher, server.url(u"/second"_s).toString());
    const std::shared_ptr<Outcome> otherHost = start(*fetcher, u"http://localhost:%1/other-host"_s.arg(server.port()));
    QTRY_COMPARE(first->calls, 1);
    QTRY_COMPARE(otherHost->calls, 1);   // another host does not wait behind it
    QVERIFY2(first->result->ok(), why(*first->result));
    QVERIFY2(otherHost->result->ok(), why(*otherHost->result));
    QCOMPARE(second->calls, 0);          // waiting its turn, not refused
    QVERIFY(!server.paths().contains("/second"));

    fetcher.reset();
    QTest::qWait(50);
    QCOMPARE(second->calls, 0);
    QVERIFY(!server.paths().contains("/second"));
}

} // namespace tst_chaindatafetcher

ARBOR_GUILESS_TEST_MAIN(chaindatafetcher, tst_chaindatafetcher::TestChainDataFetcher)
#include "tst_chaindatafetcher.moc"

// The bill: how JSON-RPC calls are counted as a provider bills them. RpcCalls::inRequest reads the
// methods of a request body (each element of a batch apart); an EndpointPool counts every call it
// sends per endpoint and method (retries, requests sent again after a 429, head polls) and the
// failed ones apart, against a FakeNode that records what it received; RpcPrices turns calls into
// compute units.

#include "fakenode.h"
#include "model/rpccalls.h"
#include "rpc/endpointpool.h"
#include "testmain.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QtTest>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_callcounts {

namespace {

RpcCalls calls(std::initializer_list<std::tuple<const char *, qint64, qint64>> rows)
{
    RpcCalls out;
    for (const auto &[method, n, failed] : rows)
        out.byMethod.insert(QString::fromLatin1(method), MethodCalls{n, failed});
    return out;
}

QString describe(const RpcCalls &c)
{
    QStringList parts;
    for (auto it = c.byMethod.cbegin(); it != c.byMethod.cend(); ++it)
        parts.append(u"%1 %2/%3"_s.arg(it.key()).arg(it->calls).arg(it->failed));
    return parts.isEmpty() ? u"(none)"_s : parts.join(u", ");
}

EndpointRecord record(qint64 id, const QUrl &url, int priority = 0)
{
    EndpointRecord r;
    r.id = id;
    r.url = url;
    r.priority = priority;
    return r;
}

RpcPolicy quickPolicy()
{
    RpcPolicy policy;
    policy.timeoutMs = 2000;
    policy.backoffBaseMs = 20;
    policy.breakerBaseMs = 300;
    policy.breakerMaxMs = 2000;
    policy.breakerThreshold = 10;
    return policy;
}

/// Sends `body` of `weight` calls and waits for its outcome; any answer that is JSON is fine.
Status send(EndpointPool &pool, const QByteArray &body, int weight)
{
    std::optional<Status> outcome;
    pool.send(body, weight, std::nullopt,
              [](const QByteArray &answer) -> Status {
                  QJsonParseError error;
                  const QJsonDocument doc = QJsonDocument::fromJson(answer, &error);
                  if (error.error != QJsonParseError::NoError)
                      return Error::invalid(u"result"_s, u"not JSON"_s);
                  if (doc.isObject() && doc.object().contains(u"error"_s))
                      return Error::unavailable(u"rpc"_s, doc.object().value(u"error"_s).toObject().value(u"message"_s).toString());
                  return {};
              },
              [&outcome](Status s) { outcome.emplace(std::move(s)); });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000); }();
    return outcome.value_or(Status(Error::internal(u"no outcome"_s)));
}

const QByteArray OneLogsCall = R"({"jsonrpc":"2.0","id":1,"method":"eth_getLogs","params":[{"fromBlock":"0x1","toBlock":"0x2"}]})"_ba;

} // namespace

} // namespace tst_callcounts
Q_DECLARE_METATYPE(arbor::RpcCalls)
namespace tst_callcounts {

class TestCallCounts final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_network.setProxy(QNetworkProxy::NoProxy); }

    void readsTheMethodsOfABody_data();
    void readsTheMethodsOfABody();
    void pricesGiveUnits();
    void pricesAreReadBack_data();
    void pricesAreReadBack();

    void poolCountsEachCallOfABatch();
    void retriesAreCountedAgainAndFailuresApart();
    void failoverCountsOnEachEndpoint();
    void rateLimitedRequestsAreCalls();
    void headPollsAreCalls();
    void callsTakenAreForgottenUntilGivenBack();

private:
    QNetworkAccessManager m_network;
};

void TestCallCounts::readsTheMethodsOfABody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<RpcCalls>("expected");
    QTest::newRow("one call") << OneLogsCall << calls({{"eth_getLogs", 1, 0}});
    QTest::newRow("a batch, element by element")
        << R"([{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x1",false]},
              {"jsonrpc":"2.0","id":2,"method":"eth_getBlockByNumber","params":["0x2",false]},
              {"jsonrpc":"2.0","id":3,"method":"eth_getLogs","params":[{}]},
              {"jsonrpc":"2.0","id":4,"method":"eth_getBlockByNumber","params":["0x3",false]}])"_ba
        << calls({{"eth_getBlockByNumber", 3, 0}, {"eth_getLogs", 1, 0}});
    // Read as JSON, not searched as text: a "method" inside a parameter is not a call.
    QTest::newRow("method named in a parameter")
        << R"({"jsonrpc":"2.0","id":7,"method":"eth_call","params":[{"data":"\"method\":\"eth_getLogs\""},"latest"]})"_ba
        << calls({{"eth_call", 1, 0}});
    QTest::newRow("batch element without a method")
        << R"([{"jsonrpc":"2.0","id":1,"method":"eth_chainId"},{"jsonrpc":"2.0","id":2}])"_ba
        << calls({{"(unknown)", 1, 0}, {"eth_chainId", 1, 0}});
    QTest::newRow("not JSON: still one request billed") << "eth_blockNumber"_ba << calls({{"(unknown)", 1, 0}});
    QTest::newRow("empty batch") << "[]"_ba << calls({{"(unknown)", 1, 0}});
}

void TestCallCounts::readsTheMethodsOfABody()
{
    QFETCH(QByteArray, body);
    QFETCH(RpcCalls, expected);
    const RpcCalls counted = RpcCalls::inRequest(body);
    QVERIFY2(counted == expected, qPrintable(describe(counted) + u" instead of "_s + describe(expected)));
}

void TestCallCounts::pricesGiveUnits()
{
    RpcPrices prices;
    prices.unitsPerCall = {{u"eth_getLogs"_s, 75}, {u"eth_blockNumber"_s, 10}, {u"net_version"_s, 0}};
    const RpcCalls made = calls({{"eth_getLogs", 17, 2}, {"eth_getBlockByNumber", 1952, 0}, {"eth_blockNumber", 20, 0}});
    QCOMPARE(prices.units(u"eth_getLogs"_s, 17), std::optional<qint64>(1275));
    QCOMPARE(prices.units(u"eth_getBlockByNumber"_s, 1952), std::optional<qint64>());
    // Priced methods only: 17 × 75 + 20 × 10; the unpriced headers add nothing.
    QCOMPARE(prices.units(made), std::optional<qint64>(1475));
    QCOMPARE(prices.units(calls({{"eth_getBlockByNumber", 5, 0}})), std::optional<qint64>());
    QCOMPARE(prices.units(calls({{"net_version", 5, 0}})), std::optional<qint64>(0));
    QCOMPARE(RpcPrices().units(made), std::optional<qint64>());
    QCOMPARE(made.total(), qint64(1989));
    QCOMPARE(made.totalFailed(), qint64(2));
}

void TestCallCounts::pricesAreReadBack_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<bool>("valid");
    QTest::newRow("none") << QString() << true;
    QTest::newRow("alchemy") << u"{\"eth_blockNumber\":10,\"eth_getLogs\":75}"_s << true;
    QTest::newRow("negative") << u"{\"eth_getLogs\":-1}"_s << false;
    QTest::newRow("fraction") << u"{\"eth_getLogs\":1.5}"_s << false;
    QTest::newRow("text") << u"{\"eth_getLogs\":\"75\"}"_s << false;
    QTest::newRow("not a method") << u"{\"eth getLogs\":75}"_s << false;
    QTest::newRow("not an object") << u"[75]"_s << false;
}

void TestCallCounts::pricesAreReadBack()
{
    QFETCH(QString, json);
    QFETCH(bool, valid);
    const auto prices = RpcPrices::fromJson(json, u"prices"_s);
    QCOMPARE(bool(prices), valid);
    if (valid)
        QCOMPARE(prices->toJson(), json);
    else
        QCOMPARE(prices.error().field, u"prices"_s);
}

void TestCallCounts::poolCountsEachCallOfABatch()
{
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    EndpointPool pool(&m_network, {record(7, node.url())}, quickPolicy());
    const QByteArray batch = R"([{"jsonrpc":"2.0","id":1,"method":"eth_getBlockByNumber","params":["0x1",false]},
                                 {"jsonrpc":"2.0","id":2,"method":"eth_getBlockByNumber","params":["0x2",false]},
                                 {"jsonrpc":"2.0","id":3,"method":"eth_getBlockByNumber","params":["0x3",false]},
                                 {"jsonrpc":"2.0","id":4,"method":"eth_getLogs","params":[{}]}])"_ba;
    QVERIFY(send(pool, batch, 4).ok());
    QVERIFY(send(pool, OneLogsCall, 1).ok());
    QCOMPARE(node.requests, 2);
    QCOMPARE(node.methods.size(), 5);
    const auto taken = pool.takeCalls();
    QCOMPARE(taken.keys(), QList<qint64>{7});
    const RpcCalls expected = calls({{"eth_getBlockByNumber", 3, 0}, {"eth_getLogs", 2, 0}});
    QVERIFY2(taken.value(7) == expected, qPrintable(describe(taken.value(7))));
    // As many as the node received, method by method.
    QCOMPARE(qint64(node.methods.count(u"eth_getBlockByNumber"_s)), taken.value(7).byMethod.value(u"eth_getBlockByNumber"_s).calls);
}

void TestCallCounts::retriesAreCountedAgainAndFailuresApart()
{
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    node.mode = FakeNode::Mode::Http500;
    RpcPolicy policy = quickPolicy();
    policy.maxAttempts = 3;
    EndpointPool pool(&m_network, {record(1, node.url())}, policy);
    QVERIFY(!send(pool, OneLogsCall, 1).ok());
    QCOMPARE(node.requests, 3);
    // Three attempts, three calls billed, all three failed.
    const RpcCalls counted = pool.takeCalls().value(1);
    QVERIFY2(counted == calls({{"eth_getLogs", 3, 3}}), qPrintable(describe(counted)));

    // A node error in the answer is a failed call too; a good answer is not.
    node.mode = FakeNode::Mode::Ok;
    node.answers.insert(u"eth_nonesuch"_s, [](const QJsonArray &) { return FakeNode::Answer::error(-32601, u"the method does not exist"_s); });
    const Status refused = send(pool, R"({"jsonrpc":"2.0","id":5,"method":"eth_nonesuch","params":[]})"_ba, 1);
    QVERIFY2(!refused.ok() && refused.error().message.contains(u"does not exist"_s), refused.ok() ? "answered" : qPrintable(refused.error().message));
    QVERIFY(send(pool, OneLogsCall, 1).ok());
    const RpcCalls after = pool.takeCalls().value(1);
    QVERIFY2(after.byMethod.value(u"eth_nonesuch"_s).failed == after.byMethod.value(u"eth_nonesuch"_s).calls
                 && after.byMethod.value(u"eth_nonesuch"_s).calls >= 1,
             qPrintable(describe(after)));
    QCOMPARE(after.byMethod.value(u"eth_getLogs"_s), (MethodCalls{1, 0}));
    QCOMPARE(after.total(), qint64(node.requests - 3));
}

void TestCallCounts::failoverCountsOnEachEndpoint()
{
    FakeNode dead(u"dead"_s);
    FakeNode live(u"live"_s);
    QVERIFY(dead.listen());
    QVERIFY(live.listen());
    dead.mode = FakeNode::Mode::Http500;
    EndpointPool pool(&m_network, {record(1, dead.url(), 0), record(2, live.url(), 1)}, quickPolicy());
    QVERIFY(send(pool, OneLogsCall, 1).ok());
    const auto taken = pool.takeCalls();
    QVERIFY2(taken.value(1) == calls({{"eth_getLogs", 1, 1}}), qPrintable(describe(taken.value(1))));
    QVERIFY2(taken.value(2) == calls({{"eth_getLogs", 1, 0}}), qPrintable(describe(taken.value(2))));
}

void TestCallCounts::rateLimitedRequestsAreCalls()
{
    // A 429 is no failure of the endpoint, but the provider counted the call: billed and failed.
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    node.mode = FakeNode::Mode::Busy;
    node.busy = 2;
    EndpointPool pool(&m_network, {record(1, node.url())}, quickPolicy());
    QVERIFY(send(pool, OneLogsCall, 1).ok());
    QCOMPARE(node.requests, 3);
    const RpcCalls counted = pool.takeCalls().value(1);
    QVERIFY2(counted == calls({{"eth_getLogs", 3, 2}}), qPrintable(describe(counted)));
}

void TestCallCounts::headPollsAreCalls()
{
    FakeNode a(u"0x1"_s);
    FakeNode b(u"0x1"_s);
    QVERIFY(a.listen());
    QVERIFY(b.listen());
    EndpointPool pool(&m_network, {record(1, a.url()), record(2, b.url())}, quickPolicy());
    std::optional<Result<qint64>> head;
    pool.pollHeads([&head](Result<qint64> r) { head.emplace(std::move(r)); });
    QTRY_VERIFY_WITH_TIMEOUT(head.has_value(), 10000);
    QVERIFY(*head);
    const auto taken = pool.takeCalls();
    QVERIFY2(taken.value(1) == calls({{"eth_blockNumber", 1, 0}}), qPrintable(describe(taken.value(1))));
    QVERIFY2(taken.value(2) == calls({{"eth_blockNumber", 1, 0}}), qPrintable(describe(taken.value(2))));
}

void TestCallCounts::callsTakenAreForgottenUntilGivenBack()
{
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    EndpointPool pool(&m_network, {record(3, node.url())}, quickPolicy());
    QVERIFY(send(pool, OneLogsCall, 1).ok());
    const auto taken = pool.takeCalls();
    QVERIFY(pool.takeCalls().isEmpty());
    // A save that failed gives them back; they go with the next one, added to what came since.
    pool.restoreCalls(taken);
    QVERIFY(send(pool, OneLogsCall, 1).ok());
    QVERIFY2(pool.takeCalls().value(3) == calls({{"eth_getLogs", 2, 0}}), "calls given back were lost");
    // Calls of an endpoint the pool does not have are dropped.
    pool.restoreCalls({{99, calls({{"eth_getLogs", 5, 0}})}});
    QVERIFY(pool.takeCalls().isEmpty());
}

} // namespace tst_callcounts

ARBOR_GUILESS_TEST_MAIN(callcounts, tst_callcounts::TestCallCounts)
#include "tst_callcounts.moc"

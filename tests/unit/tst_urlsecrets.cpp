// API keys in RPC URLs: `${keychain:NAME}` and `${env:VAR}` placeholders are checked when a URL
// is typed, kept (and shown) as written, filled in only for the request the HTTP layer sends,
// and a value that cannot be read is an error naming the placeholder and the fix. Keys pasted
// literally are recognised so the console and arborctl can offer to move them.

#include "fakenode.h"
#include "model/chainconfig.h"
#include "model/urlsecrets.h"
#include "rpc/endpointpool.h"
#include "rpc/endpointprobe.h"
#include "rpc/jsonrpcclient.h"
#include "rpc/rpchttp.h"
#include "secrets/secretresolver.h"
#include "secrets/secretstore.h"
#include "testmain.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QUuid>
#include <QtTest>

#include <optional>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_urlsecrets {

namespace {

const QByteArray SegmentVar = "ARBOR_TEST_URL_SEGMENT";

QUrl parsed(const QString &text)
{
    auto url = parseRpcUrl(text, u"--rpc"_s);
    if (!url) {
        qWarning().noquote() << url.error().message;
        return {};
    }
    return *url;
}

Result<QJsonValue> callOnce(JsonRpcClient &client, const QString &method)
{
    std::optional<Result<QJsonValue>> answer;
    client.call(method, {}, [&answer](Result<QJsonValue> r) { answer = std::move(r); });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, 10000))
        return Error::internal(u"no answer"_s);
    return *answer;
}

} // namespace

class TestUrlSecrets final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void placeholdersAreKeptAndShownAsWritten_data();
    void placeholdersAreKeptAndShownAsWritten();
    void badPlaceholdersAreRefused_data();
    void badPlaceholdersAreRefused();
    void substitutedValuesNeverChangeTheUrl();
    void likelyKeys_data();
    void likelyKeys();
    void noKeyInOrdinaryUrls_data();
    void noKeyInOrdinaryUrls();
    void keyMovedToAPlaceholder();

    void requestGoesToTheResolvedUrl();
    void errorsNameThePlaceholderNotTheValue();
    void unsetVariableIsAClearErrorAndNothingIsSent();
    void endpointRowShowsTheUnsetVariable();
    void keychainPlaceholder();

private:
    QNetworkAccessManager m_network;
};

void TestUrlSecrets::initTestCase()
{
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void TestUrlSecrets::init()
{
    // Values read are cached for 30 s; each test sets the variable it expects.
    SecretResolver::forCurrentThread()->clearCache();
}

void TestUrlSecrets::placeholdersAreKeptAndShownAsWritten_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QStringList>("references");
    QTest::newRow("alchemy path") << u"https://eth-mainnet.g.alchemy.com/v2/${keychain:alchemy}"_s << QStringList{u"keychain:alchemy"_s};
    QTest::newRow("infura path") << u"https://mainnet.infura.io/v3/${env:INFURA_KEY}"_s << QStringList{u"env:INFURA_KEY"_s};
    QTest::newRow("query") << u"https://api.example.org/rpc?chain=1&apikey=${keychain:ex.ample_1}"_s << QStringList{u"keychain:ex.ample_1"_s};
    QTest::newRow("two") << u"https://x.example.org/${env:A}/${keychain:b}?token=${env:A}"_s << QStringList{u"env:A"_s, u"keychain:b"_s};
    QTest::newRow("dollar without brace") << u"https://x.example.org/$price"_s << QStringList{};
}

void TestUrlSecrets::placeholdersAreKeptAndShownAsWritten()
{
    QFETCH(QString, typed);
    QFETCH(QStringList, references);
    const QUrl url = parsed(typed);
    QVERIFY(url.isValid());
    QCOMPARE(urlsecrets::displayText(url), typed);
    QCOMPARE(urlsecrets::hasPlaceholders(url), !references.isEmpty());
    QStringList refs;
    for (const SecretRef &ref : urlsecrets::references(url))
        refs.append(ref.toString());
    QCOMPARE(refs, references);
    // As the chain registry stores it and reads it back.
    const QUrl stored(url.toString());
    QCOMPARE(stored, url);
    QCOMPARE(urlsecrets::displayText(stored), typed);
    QCOMPARE(rpchttp::displayUrl(stored), typed);

    ChainConfig config;
    config.chainId = 1;
    config.name = u"mainnet"_s;
    config.rpcUrls = {url};
    QVERIFY2(config.validate().ok(), qPrintable(config.validate().ok() ? QString() : config.validate().error().message));
}

void TestUrlSecrets::badPlaceholdersAreRefused_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("needle");
    QTest::newRow("not closed") << u"https://x.example.org/v2/${keychain:alchemy"_s << u"not closed"_s;
    QTest::newRow("unknown source") << u"https://x.example.org/v2/${vault:alchemy}"_s << u"${keychain:NAME}"_s;
    QTest::newRow("file") << u"https://x.example.org/v2/${file:/etc/key}"_s << u"${env:VAR}"_s;
    QTest::newRow("no source") << u"https://x.example.org/v2/${alchemy}"_s << u"arborctl secret set NAME"_s;
    QTest::newRow("bad keychain name") << u"https://x.example.org/v2/${keychain:-x}"_s << u"keychain entry name"_s;
    QTest::newRow("empty keychain name") << u"https://x.example.org/v2/${keychain:}"_s << u"keychain entry name"_s;
    QTest::newRow("bad variable") << u"https://x.example.org/v2/${env:1KEY}"_s << u"environment variable name"_s;
    QTest::newRow("in host") << u"https://${env:HOST}/rpc"_s << u"path or query"_s;
    QTest::newRow("in port") << u"https://x.example.org:${env:PORT}/rpc"_s << u"path or query"_s;
    QTest::newRow("as password") << u"https://user:${env:PASSWORD}@x.example.org/rpc"_s << u"path or query"_s;
    QTest::newRow("not http") << u"wss://x.example.org/v2/${env:KEY}"_s << u"http://"_s;
}

void TestUrlSecrets::badPlaceholdersAreRefused()
{
    QFETCH(QString, typed);
    QFETCH(QString, needle);
    const auto url = parseRpcUrl(typed, u"--rpc"_s);
    QVERIFY(!url);
    QCOMPARE(url.error().field, u"--rpc"_s);
    QVERIFY2(url.error().message.contains(needle), qPrintable(url.error().message));
}

void TestUrlSecrets::substitutedValuesNeverChangeTheUrl()
{
    const QUrl url = parsed(u"https://x.example.org/v2/${keychain:k}?apikey=${env:Q}&chain=1"_s);
    auto resolved = urlsecrets::substitute(url, {{u"keychain:k"_s, u"ab/c?d#e"_s}, {u"env:Q"_s, u"x&chain=2"_s}});
    QVERIFY(resolved);
    QCOMPARE(resolved->host(), u"x.example.org"_s);
    QCOMPARE(resolved->path(), u"/v2/ab/c?d#e"_s);
    QCOMPARE(resolved->path(QUrl::FullyEncoded), u"/v2/ab%2Fc%3Fd%23e"_s);
    QCOMPARE(QUrlQuery(*resolved).queryItemValue(u"apikey"_s, QUrl::FullyDecoded), u"x&chain=2"_s);
    QCOMPARE(QUrlQuery(*resolved).queryItemValue(u"chain"_s), u"1"_s);
    QVERIFY(!resolved->hasFragment());

    const auto missing = urlsecrets::substitute(url, {{u"keychain:k"_s, u"abc"_s}});
    QVERIFY(!missing);
    QVERIFY2(missing.error().message.contains(u"${env:Q}"_s), qPrintable(missing.error().message));
}

void TestUrlSecrets::likelyKeys_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("name");
    QTest::newRow("alchemy") << u"https://eth-mainnet.g.alchemy.com/v2/Xy7kP2qLm9RtZ4vBn8WcQe3s"_s << u"Alchemy"_s
                             << u"Xy7kP2qLm9RtZ4vBn8WcQe3s"_s << u"alchemy"_s;
    QTest::newRow("infura") << u"https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef"_s << u"Infura"_s
                            << u"0123456789abcdef0123456789abcdef"_s << u"infura"_s;
    QTest::newRow("quicknode") << u"https://frosty-dawn-123.quiknode.pro/5f2b8e9c1d0a4b7e6f3c2a1b9d8e7f6a5b4c3d2e/"_s
                               << u"QuickNode"_s << u"5f2b8e9c1d0a4b7e6f3c2a1b9d8e7f6a5b4c3d2e"_s << u"quicknode"_s;
    QTest::newRow("apikey") << u"https://api.example.org/rpc?chain=1&apikey=SECRET123"_s << u"api.example.org"_s
                            << u"SECRET123"_s << u"example"_s;
    QTest::newRow("api_key") << u"https://node.getblock.io/mainnet/?api_key=abc"_s << u"node.getblock.io"_s << u"abc"_s << u"getblock"_s;
    QTest::newRow("token") << u"https://rpc.example.net/?Token=t0k3n"_s << u"rpc.example.net"_s << u"t0k3n"_s << u"example"_s;
    QTest::newRow("long path token") << u"https://rpc.ankr.com/eth/4b9d2c7e1f0a3b8c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c"_s
                                     << u"rpc.ankr.com"_s << u"4b9d2c7e1f0a3b8c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c"_s << u"ankr"_s;
}

void TestUrlSecrets::likelyKeys()
{
    QFETCH(QString, typed);
    QFETCH(QString, provider);
    QFETCH(QString, key);
    QFETCH(QString, name);
    const auto found = urlsecrets::findLikelyKey(parsed(typed));
    QVERIFY(found);
    QCOMPARE(found->provider, provider);
    QCOMPARE(found->value, key);
    QCOMPARE(found->suggestedName, name);
}

void TestUrlSecrets::noKeyInOrdinaryUrls_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("local node") << u"http://127.0.0.1:8545"_s;
    QTest::newRow("public") << u"https://cloudflare-eth.com/v1/mainnet"_s;
    QTest::newRow("avalanche") << u"https://api.avax.network/ext/bc/C/rpc"_s;
    QTest::newRow("ankr public") << u"https://rpc.ankr.com/eth"_s;
    QTest::newRow("alchemy placeholder") << u"https://eth-mainnet.g.alchemy.com/v2/${keychain:alchemy}"_s;
    QTest::newRow("query placeholder") << u"https://api.example.org/rpc?apikey=${env:KEY}"_s;
    QTest::newRow("long words") << u"https://rpc.example.org/ethereum-mainnet-archive-node"_s;
}

void TestUrlSecrets::noKeyInOrdinaryUrls()
{
    QFETCH(QString, typed);
    const auto found = urlsecrets::findLikelyKey(parsed(typed));
    QVERIFY2(!found, qPrintable(found ? found->value : QString()));
}

void TestUrlSecrets::keyMovedToAPlaceholder()
{
    SecretRef ref;
    ref.name = u"alchemy"_s;
    const auto path = urlsecrets::findLikelyKey(parsed(u"https://eth-mainnet.g.alchemy.com/v2/Xy7kP2qLm9RtZ4vBn8WcQe3s"_s));
    QVERIFY(path);
    const QUrl moved = path->withReference(ref);
    QCOMPARE(urlsecrets::displayText(moved), u"https://eth-mainnet.g.alchemy.com/v2/${keychain:alchemy}"_s);
    QVERIFY(!moved.toString(QUrl::FullyEncoded).contains(u"Xy7kP2"_s));
    QVERIFY(parseRpcUrl(urlsecrets::displayText(moved), u"rpc"_s));

    ref.name = u"example"_s;
    const auto query = urlsecrets::findLikelyKey(parsed(u"https://api.example.org/rpc?chain=1&apikey=SECRET123"_s));
    QVERIFY(query);
    QCOMPARE(urlsecrets::displayText(query->withReference(ref)), u"https://api.example.org/rpc?chain=1&apikey=${keychain:example}"_s);
}

void TestUrlSecrets::requestGoesToTheResolvedUrl()
{
    // The fake node answers only on the paths it knows: "/ok" is reached only once the
    // placeholder is filled in.
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    qputenv(SegmentVar.constData(), "ok");
    const QUrl url = parsed(node.url().toString() + u"${env:ARBOR_TEST_URL_SEGMENT}"_s);
    QVERIFY(url.isValid());
    JsonRpcClient client(&m_network, url);
    const auto answer = callOnce(client, u"eth_chainId"_s);
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
    QCOMPARE(answer->toString(), u"0x1"_s);
    QCOMPARE(node.requests, 1);

    EndpointProbe probe(&m_network);
    std::optional<QList<ProbeResult>> probed;
    probe.probe({url}, 0, [&probed](QList<ProbeResult> r) { probed = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(probed.has_value(), 10000);
    QCOMPARE(probed->size(), 1);
    QVERIFY2(probed->first().ok(), qPrintable(probed->first().ok() ? QString() : probed->first().error->message));
    QCOMPARE(probed->first().url, url);
    qunsetenv(SegmentVar.constData());
}

void TestUrlSecrets::errorsNameThePlaceholderNotTheValue()
{
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    qputenv(SegmentVar.constData(), "http500");
    const QUrl url = parsed(node.url().toString() + u"${env:ARBOR_TEST_URL_SEGMENT}"_s);
    JsonRpcClient client(&m_network, url);
    client.setAttempts(1);
    const auto answer = callOnce(client, u"eth_chainId"_s);
    QVERIFY(!answer);
    QCOMPARE(node.requests, 1);
    QVERIFY2(answer.error().message.contains(u"HTTP 500"_s), qPrintable(answer.error().message));
    QVERIFY2(answer.error().message.contains(u"${env:ARBOR_TEST_URL_SEGMENT}"_s), qPrintable(answer.error().message));
    QVERIFY2(!answer.error().message.contains(u"http500"_s), qPrintable(answer.error().message));
    qunsetenv(SegmentVar.constData());
}

void TestUrlSecrets::unsetVariableIsAClearErrorAndNothingIsSent()
{
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    qunsetenv(SegmentVar.constData());
    const QUrl url = parsed(node.url().toString() + u"${env:ARBOR_TEST_URL_SEGMENT}"_s);
    JsonRpcClient client(&m_network, url);
    const auto answer = callOnce(client, u"eth_chainId"_s);
    QVERIFY(!answer);
    QCOMPARE(answer.error().kind, Error::Kind::Unavailable);
    const QString message = answer.error().message;
    QVERIFY2(message.contains(u"${env:ARBOR_TEST_URL_SEGMENT}"_s), qPrintable(message));
    QVERIFY2(message.contains(u"is not set"_s), qPrintable(message));
    QVERIFY2(message.contains(u"arborctl secret set"_s), qPrintable(message));
    QCOMPARE(node.requests, 0);

    // Set afterwards, it is used on the next request: failures are not cached.
    qputenv(SegmentVar.constData(), "ok");
    const auto again = callOnce(client, u"eth_chainId"_s);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
    qunsetenv(SegmentVar.constData());
}

void TestUrlSecrets::endpointRowShowsTheUnsetVariable()
{
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    const QByteArray var = "ARBOR_TEST_URL_POOL_SEGMENT";
    qunsetenv(var.constData());
    EndpointRecord record;
    record.id = 1;
    record.url = parsed(node.url().toString() + u"${env:ARBOR_TEST_URL_POOL_SEGMENT}"_s);
    RpcPolicy policy;
    policy.timeoutMs = 2000;
    policy.backoffBaseMs = 20;
    policy.breakerBaseMs = 300;
    policy.breakerMaxMs = 2000;
    EndpointPool pool(&m_network, {record}, policy);
    std::optional<Status> status;
    pool.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}", 1, std::nullopt,
              [](const QByteArray &) { return Status(); }, [&status](Status s) { status = std::move(s); });
    QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 15000);
    QVERIFY(!status->ok());
    QCOMPARE(node.requests, 0);
    const EndpointHealth health = pool.health().first();
    QVERIFY2(health.lastError.contains(u"${env:ARBOR_TEST_URL_POOL_SEGMENT}"_s), qPrintable(health.lastError));
    QVERIFY2(health.lastError.contains(u"is not set"_s), qPrintable(health.lastError));
    QVERIFY(health.failures >= 1);
}

void TestUrlSecrets::keychainPlaceholder()
{
    // Run inside tests/support/with-keyring.sh for a keychain; without one, the error says so.
    FakeNode node(u"0x1"_s);
    QVERIFY(node.listen());
    const QString name = u"arbor-test-url-"_s + QUuid::createUuid().toString(QUuid::Id128).left(12);
    const QUrl url = parsed(node.url().toString() + u"${keychain:"_s + name + u"}"_s);
    std::optional<Status> stored;
    SecretStore::write(name, u"ok"_s, this, [&stored](Status s) { stored = std::move(s); });
    QTRY_VERIFY_WITH_TIMEOUT(stored.has_value(), 15000);
    JsonRpcClient client(&m_network, url);
    if (!stored->ok()) {
        QCOMPARE(stored->error().kind, Error::Kind::Unavailable);
        const auto answer = callOnce(client, u"eth_chainId"_s);
        QVERIFY(!answer);
        QVERIFY2(answer.error().message.contains(u"${keychain:"_s + name + u"}"_s), qPrintable(answer.error().message));
        QVERIFY2(answer.error().message.contains(u"${env:VAR}"_s), qPrintable(answer.error().message));
        QCOMPARE(node.requests, 0);
        QSKIP("no OS keychain: run the test inside tests/support/with-keyring.sh for the rest");
    }
    const auto answer = callOnce(client, u"eth_chainId"_s);
    QVERIFY2(answer, qPrintable(answer ? QString() : answer.error().message));
    QCOMPARE(node.requests, 1);

    std::optional<Status> removed;
    SecretStore::remove(name, this, [&removed](Status s) { removed = std::move(s); });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 15000);
    QVERIFY(removed->ok());
    SecretResolver::forCurrentThread()->clearCache();
    const auto gone = callOnce(client, u"eth_chainId"_s);
    QVERIFY(!gone);
    QVERIFY2(gone.error().message.contains(u"holds no secret named "_s + name), qPrintable(gone.error().message));
    QVERIFY2(gone.error().message.contains(u"arborctl secret set "_s + name), qPrintable(gone.error().message));
    QCOMPARE(node.requests, 1);
}

} // namespace tst_urlsecrets

ARBOR_GUILESS_TEST_MAIN(urlsecrets, tst_urlsecrets::TestUrlSecrets)
#include "tst_urlsecrets.moc"

// The Prometheus endpoint: the text exposition (names, types, labels, escaping, what an API key in
// an RPC URL becomes) and the HTTP server on its own thread (404, 405, requests in pieces,
// keep-alive, several clients at once, a port already taken), scraped over 127.0.0.1.

#include "metrics/prometheusexporter.h"
#include "metrics/prometheustext.h"
#include "testmain.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace arbor;
using namespace Qt::StringLiterals;

namespace tst_prometheus {

namespace {

const qint64 Now = 1700000000000;

EndpointRecord endpoint(qint64 id, const QString &url, qint64 requests, qint64 failures, const QString &status = u"ok"_s)
{
    EndpointRecord e;
    e.id = id;
    e.url = QUrl(url);
    e.status = endpointStatusFromToken(status).value_or(EndpointStatus::Unknown);
    e.latencyMs = 25;
    e.requests = requests;
    e.failures = failures;
    return e;
}

/// Chain 31337 ("devnet") indexed here, chain 5 (paused) known from its record only.
MetricsSnapshot snapshot()
{
    MetricsSnapshot s;
    s.takenAtMs = Now;
    ChainRecord devnet;
    devnet.config.chainId = 31337;
    devnet.config.name = u"devnet"_s;
    devnet.endpoints = {endpoint(1, u"http://127.0.0.1:8545"_s, 0, 0),
                        endpoint(2, u"https://user:pw@rpc.example.org/v3/${keychain:infura}?apikey=QUERYKEY#frag"_s, 0, 0)};
    devnet.checkpointBlock = 90;
    ChainRecord paused;
    paused.config.chainId = 5;
    paused.config.name = u"goerli \"old\"\\n"_s;
    paused.state = ChainState::Paused;
    paused.checkpointBlock = 1000;
    paused.endpoints = {endpoint(3, u"http://10.0.0.1:8545"_s, 40, 2, u"down"_s)};
    paused.endpoints[0].lastHead = 1010;
    s.chains = {devnet, paused};

    ChainStatus live;
    live.chainId = 31337;
    live.phase = IndexPhase::CatchingUp;
    live.head = 120;
    live.indexed = 100;
    live.indexedTime = Now / 1000 - 42;
    live.blocksPerSecond = 12.5;
    live.reorgs = 1;
    // As the pool measures them; endpoint 2's URL as sent, with the key resolved into it.
    live.endpoints = {endpoint(1, u"http://127.0.0.1:8545"_s, 500, 3),
                      endpoint(2, u"https://rpc.example.org/v3/RESOLVEDSECRET"_s, 7, 7, u"rate limited"_s)};
    s.statuses = {live};

    QueueHealth queue;
    queue.chainId = 31337;
    queue.pending = 12;
    queue.processing = 2;
    queue.failed = 1;
    queue.oldestPendingAgeMs = 1500;
    s.queues = {queue};
    DeliveryCounts deliveries;
    deliveries.success = 9;
    deliveries.retrying = 1;
    s.deliveries.insert(31337, deliveries);
    return s;
}

/// The sample lines of `text` (no comments), each as written.
QStringList samples(const QByteArray &text)
{
    QStringList out;
    for (const QString &line : QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts)) {
        if (!line.startsWith(u'#'))
            out.append(line);
    }
    return out;
}

/// Checks `text` the way Prometheus' parser would: every sample belongs to a family declared
/// before it with HELP and TYPE, names and labels are well formed, values are numbers, counters
/// end in _total. Returns the first problem.
QString formatProblem(const QByteArray &text)
{
    static const QRegularExpression help(u"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) \\S.*$"_s);
    static const QRegularExpression type(u"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter)$"_s);
    static const QRegularExpression sample(
        u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\\\n]|\\\\[\\\\\"n])*\")*)\\})? (\\S+)$"_s);
    if (!text.endsWith('\n'))
        return u"the text does not end with a line feed"_s;
    QString family;
    QString familyType;
    QSet<QString> seen;
    for (const QString &line : QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts)) {
        if (const auto m = help.match(line); m.hasMatch()) {
            family = m.captured(1);
            familyType.clear();
            if (seen.contains(family))
                return u"family declared twice: "_s + family;
            seen.insert(family);
            continue;
        }
        if (const auto m = type.match(line); m.hasMatch()) {
            if (m.captured(1) != family)
                return u"TYPE without its HELP: "_s + line;
            familyType = m.captured(2);
            if (familyType == u"counter" && !family.endsWith(u"_total"))
                return u"counter not named *_total: "_s + family;
            continue;
        }
        const auto m = sample.match(line);
        if (!m.hasMatch())
            return u"malformed line: "_s + line;
        if (m.captured(1) != family || familyType.isEmpty())
            return u"sample outside its family: "_s + line;
        bool ok = false;
        m.captured(m.lastCapturedIndex()).toDouble(&ok);
        if (!ok && !QStringList{u"NaN"_s, u"+Inf"_s, u"-Inf"_s}.contains(m.captured(m.lastCapturedIndex())))
            return u"value is not a number: "_s + line;
    }
    return {};
}

/// What `socket` received until `count` complete responses (by Content-Length) arrived, the
/// peer closed, or 10 s passed.
QByteArray readResponse(QTcpSocket &socket, int count = 1)
{
    QByteArray all;
    const auto complete = [&] {
        int found = 0;
        qsizetype at = 0;
        while (true) {
            const qsizetype end = all.indexOf("\r\n\r\n", at);
            if (end < 0)
                return false;
            const QByteArray head = all.mid(at, end - at);
            const qsizetype cl = head.indexOf("Content-Length: ");
            const qsizetype clEnd = head.indexOf("\r\n", cl);
            at = end + 4 + head.mid(cl + 16, clEnd < 0 ? -1 : clEnd - cl - 16).toLongLong();
            if (at > all.size())
                return false;
            if (++found == count)
                return true;
        }
    };
    QDeadlineTimer deadline(10000);
    while (!deadline.hasExpired()) {
        all += socket.readAll();
        if (complete() || socket.state() == QAbstractSocket::UnconnectedState)
            break;
        socket.waitForReadyRead(100);
    }
    return all + socket.readAll();
}

} // namespace

class TestPrometheus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escapesLabelValuesAndHelp_data();
    void escapesLabelValuesAndHelp();
    void formatsValues_data();
    void formatsValues();
    void endpointLabelDropsCredentials_data();
    void endpointLabelDropsCredentials();
    void rendersWhatAnOperatorQueries();
    void chainsNotIndexedHereComeFromTheirRecords();
    void resolvedSecretsNeverReachTheOutput();
    void rendersCallsByMethod();
    void emptySnapshotStillDeclaresEveryFamily();
    void namesTheEngineAndItsLeases();
    void tellsHowEachActionDelivers();
    void parsesListenAddresses_data();
    void parsesListenAddresses();

    void servesMetricsOverHttp();
    void answers404And405();
    void answersRequestsArrivingInPieces();
    void servesKeepAliveAndPipelinedRequests();
    void oneSlowClientDoesNotHoldUpOthers();
    void refusesAPortInUse();
    void showsTheNewestSnapshot();

private:
    struct Served
    {
        std::unique_ptr<PrometheusExporter> exporter;
        quint16 port = 0;
    };
    Served serve(const MetricsSnapshot &s = snapshot());
};

void TestPrometheus::escapesLabelValuesAndHelp_data()
{
    QTest::addColumn<QString>("raw");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("help");
    QTest::newRow("plain") << u"devnet"_s << u"devnet"_s << u"devnet"_s;
    QTest::newRow("quote") << u"a\"b"_s << u"a\\\"b"_s << u"a\"b"_s;
    QTest::newRow("backslash") << u"a\\b"_s << u"a\\\\b"_s << u"a\\\\b"_s;
    QTest::newRow("newline") << u"a\nb"_s << u"a\\nb"_s << u"a\\nb"_s;
    QTest::newRow("all, non-ASCII kept") << u"Kette „1“\\\n\""_s << u"Kette „1“\\\\\\n\\\""_s << u"Kette „1“\\\\\\n\""_s;
}

void TestPrometheus::escapesLabelValuesAndHelp()
{
    QFETCH(QString, raw);
    QFETCH(QString, label);
    QFETCH(QString, help);
    QCOMPARE(prometheus::escapeLabelValue(raw), label);
    QCOMPARE(prometheus::escapeHelp(raw), help);
}

void TestPrometheus::formatsValues_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("zero") << 0.0 << QByteArray("0");
    QTest::newRow("block") << 21000000.0 << QByteArray("21000000");
    QTest::newRow("large block") << 9007199254740991.0 << QByteArray("9007199254740991");
    QTest::newRow("negative") << -3.0 << QByteArray("-3");
    QTest::newRow("fraction") << 0.025 << QByteArray("0.025");
    QTest::newRow("rate") << 12.5 << QByteArray("12.5");
    QTest::newRow("nan") << std::nan("") << QByteArray("NaN");
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << QByteArray("+Inf");
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << QByteArray("-Inf");
}

void TestPrometheus::formatsValues()
{
    QFETCH(double, value);
    QFETCH(QByteArray, text);
    QCOMPARE(prometheus::formatValue(value), text);
}

void TestPrometheus::endpointLabelDropsCredentials_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("label");
    QTest::newRow("local") << u"http://127.0.0.1:8545"_s << u"http://127.0.0.1:8545"_s;
    QTest::newRow("user info") << u"https://alice:s3cret@node.example.org/rpc"_s << u"https://node.example.org/rpc"_s;
    QTest::newRow("query key") << u"https://eth.example.org/rpc?apikey=abc123&x=1"_s << u"https://eth.example.org/rpc"_s;
    QTest::newRow("fragment") << u"https://eth.example.org/#token"_s << u"https://eth.example.org/"_s;
    QTest::newRow("placeholder stays") << u"https://mainnet.example.io/v3/${keychain:infura}"_s
                                       << u"https://mainnet.example.io/v3/${keychain:infura}"_s;
    // A key pasted into the path, as providers hand URLs out: never in a label.
    QTest::newRow("alchemy key in the path") << u"https://eth-mainnet.g.alchemy.com/v2/AbCdEfGhIjKlMnOpQrStUvWx"_s
                                             << u"https://eth-mainnet.g.alchemy.com/v2/REDACTED"_s;
    QTest::newRow("infura key in the path") << u"https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef"_s
                                            << u"https://mainnet.infura.io/v3/REDACTED"_s;
    QTest::newRow("random token in the path") << u"https://node.example.org/rpc/q8Zt3LkP0vWm7Yx2Rb9NcQ4sHj6A/"_s
                                              << u"https://node.example.org/rpc/REDACTED/"_s;
}

void TestPrometheus::endpointLabelDropsCredentials()
{
    QFETCH(QString, url);
    QFETCH(QString, label);
    QCOMPARE(prometheus::endpointLabel(QUrl(url)), label);
}

void TestPrometheus::rendersWhatAnOperatorQueries()
{
    const QByteArray text = prometheus::render(snapshot(), Now);
    QVERIFY2(formatProblem(text).isEmpty(), qPrintable(formatProblem(text) + u"\n"_s + QString::fromUtf8(text)));
    for (const char *declared : {"# TYPE arbor_chain_head_block gauge", "# TYPE arbor_chain_indexed_block gauge",
                                 "# TYPE arbor_chain_lag_blocks gauge", "# TYPE arbor_rpc_requests_total counter",
                                 "# TYPE arbor_rpc_errors_total counter", "# TYPE arbor_queue_pending gauge",
                                 "# TYPE arbor_trigger_deliveries gauge", "# HELP arbor_chain_lag_blocks "})
        QVERIFY2(text.contains(declared), declared);

    const QStringList lines = samples(text);
    const QStringList expected{
        u"arbor_engine_read_only 0"_s,
        u"arbor_chain_info{chain=\"31337\",name=\"devnet\",state=\"active\"} 1"_s,
        u"arbor_chain_phase{chain=\"31337\",phase=\"catching_up\"} 1"_s,
        u"arbor_chain_phase{chain=\"31337\",phase=\"live\"} 0"_s,
        u"arbor_chain_head_block{chain=\"31337\",name=\"devnet\"} 120"_s,
        u"arbor_chain_indexed_block{chain=\"31337\",name=\"devnet\"} 100"_s,
        u"arbor_chain_lag_blocks{chain=\"31337\",name=\"devnet\"} 20"_s,
        u"arbor_chain_lag_seconds{chain=\"31337\",name=\"devnet\"} 42"_s,
        u"arbor_chain_blocks_per_second{chain=\"31337\",name=\"devnet\"} 12.5"_s,
        u"arbor_chain_reorgs_total{chain=\"31337\",name=\"devnet\"} 1"_s,
        u"arbor_rpc_requests_total{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\"} 500"_s,
        u"arbor_rpc_errors_total{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\"} 3"_s,
        u"arbor_rpc_latency_seconds{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\"} 0.025"_s,
        u"arbor_rpc_endpoint_status{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\",status=\"ok\"} 1"_s,
        u"arbor_rpc_endpoint_status{chain=\"31337\",endpoint=\"https://rpc.example.org/v3/${keychain:infura}\",status=\"rate_limited\"} 1"_s,
        u"arbor_rpc_requests_total{chain=\"31337\",endpoint=\"https://rpc.example.org/v3/${keychain:infura}\"} 7"_s,
        u"arbor_queue_pending{chain=\"31337\"} 12"_s,
        u"arbor_queue_processing{chain=\"31337\"} 2"_s,
        u"arbor_queue_failed{chain=\"31337\"} 1"_s,
        u"arbor_queue_oldest_pending_seconds{chain=\"31337\"} 1.5"_s,
        u"arbor_trigger_deliveries{chain=\"31337\",status=\"success\"} 9"_s,
        u"arbor_trigger_deliveries{chain=\"31337\",status=\"retrying\"} 1"_s,
        u"arbor_trigger_deliveries{chain=\"31337\",status=\"failed\"} 0"_s,
    };
    for (const QString &line : expected)
        QVERIFY2(lines.contains(line), qPrintable(line + u"\nnot in:\n"_s + lines.join(u'\n')));
    // One state per endpoint is 1.
    QCOMPARE(lines.filter(QRegularExpression(u"^arbor_rpc_endpoint_status\\{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\".* 1$"_s)).size(), 1);
}

void TestPrometheus::tellsHowEachActionDelivers()
{
    MetricsSnapshot s = snapshot();
    ActionHealth held;
    held.source = DeliverySource::Trigger;
    held.actionId = 4;
    held.subjectId = 2;
    held.subjectName = u"ops hook"_s;
    held.action.type = ActionType::Rest;
    held.state = ActionState::Disabled;
    held.held = 7;
    held.dead = 2;
    held.attempts24h = 4;
    held.successes24h = 3;
    held.lastSuccessAt = 1700000000000;
    ActionHealth fresh;
    fresh.source = DeliverySource::Alert;
    fresh.actionId = 1;
    fresh.subjectId = 1;
    fresh.subjectName = u"lag"_s;
    fresh.action.type = ActionType::Telegram;
    fresh.pending = 1;
    fresh.nextAttemptAt = 1700000005000;
    s.actions = {held, fresh};
    const QByteArray text = prometheus::render(s, Now);
    QVERIFY2(formatProblem(text).isEmpty(), qPrintable(formatProblem(text)));
    const QStringList lines = samples(text);
    const QString hook = u"source=\"trigger\",subject=\"ops hook\",subject_id=\"2\",action=\"4\",type=\"rest\""_s;
    const QString rule = u"source=\"alert\",subject=\"lag\",subject_id=\"1\",action=\"1\",type=\"telegram\""_s;
    for (const QString &line : QStringList{u"arbor_action_state{"_s + hook + u",state=\"disabled\"} 1"_s,
                                           u"arbor_action_state{"_s + hook + u",state=\"ok\"} 0"_s,
                                           u"arbor_action_deliveries{"_s + hook + u",status=\"held\"} 7"_s,
                                           u"arbor_action_deliveries{"_s + hook + u",status=\"dead\"} 2"_s,
                                           u"arbor_action_success_ratio{"_s + hook + u"} 0.75"_s,
                                           u"arbor_action_last_success_timestamp_seconds{"_s + hook + u"} 1700000000"_s,
                                           u"arbor_action_state{"_s + rule + u",state=\"ok\"} 1"_s,
                                           u"arbor_action_deliveries{"_s + rule + u",status=\"pending\"} 1"_s,
                                           u"arbor_action_next_attempt_timestamp_seconds{"_s + rule + u"} 1700000005"_s})
        QVERIFY2(lines.contains(line), qPrintable(line + u"\nnot in:\n"_s + lines.filter(u"arbor_action"_s).join(u'\n')));
    // An action without attempts has no ratio, rather than a 0 that reads as "everything fails".
    QVERIFY(lines.filter(u"arbor_action_success_ratio{"_s + rule).isEmpty());
}

void TestPrometheus::chainsNotIndexedHereComeFromTheirRecords()
{
    const QStringList lines = samples(prometheus::render(snapshot(), Now));
    const QString name = u"name=\"goerli \\\"old\\\"\\\\n\""_s;   // goerli "old"\n, escaped
    for (const QString &line : QStringList{u"arbor_chain_info{chain=\"5\","_s + name + u",state=\"paused\"} 1"_s,
                                u"arbor_chain_head_block{chain=\"5\","_s + name + u"} 1010"_s,
                                u"arbor_chain_indexed_block{chain=\"5\","_s + name + u"} 1000"_s,
                                u"arbor_chain_lag_blocks{chain=\"5\","_s + name + u"} 10"_s,
                                u"arbor_rpc_requests_total{chain=\"5\",endpoint=\"http://10.0.0.1:8545\"} 40"_s,
                                u"arbor_rpc_errors_total{chain=\"5\",endpoint=\"http://10.0.0.1:8545\"} 2"_s,
                                u"arbor_rpc_endpoint_status{chain=\"5\",endpoint=\"http://10.0.0.1:8545\",status=\"unreachable\"} 1"_s})
        QVERIFY2(lines.contains(line), qPrintable(line + u"\nnot in:\n"_s + lines.join(u'\n')));
    // Nothing this engine does not measure: no phase, rate or reorg count for the paused chain.
    QVERIFY(lines.filter(u"chain=\"5\""_s).filter(QRegularExpression(u"^arbor_chain_(phase|blocks_per_second|reorgs_total|lag_seconds)"_s)).isEmpty());

    // A chain being deleted is gone from the output.
    MetricsSnapshot deleting = snapshot();
    deleting.chains[1].state = ChainState::Deleting;
    QVERIFY(samples(prometheus::render(deleting, Now)).filter(u"chain=\"5\""_s).isEmpty());
}

void TestPrometheus::resolvedSecretsNeverReachTheOutput()
{
    const QByteArray text = prometheus::render(snapshot(), Now);
    for (const char *secret : {"RESOLVEDSECRET", "QUERYKEY", "user:pw", "apikey", "frag"})
        QVERIFY2(!text.contains(secret), secret);

    // Without stored records (an engine without chain snapshots) the measured URL is used,
    // stripped all the same.
    MetricsSnapshot measuredOnly = snapshot();
    measuredOnly.chains.clear();
    measuredOnly.statuses[0].endpoints[0].url = QUrl(u"https://bob:pw@node.example.org/rpc?key=QUERYKEY"_s);
    const QByteArray bare = prometheus::render(measuredOnly, Now);
    QVERIFY(bare.contains("arbor_rpc_requests_total{chain=\"31337\",endpoint=\"https://node.example.org/rpc\"} 500"));
    QVERIFY(!bare.contains("QUERYKEY"));
    QVERIFY(!bare.contains("bob"));
}

void TestPrometheus::rendersCallsByMethod()
{
    MetricsSnapshot s = snapshot();
    EndpointRecord &local = s.chains[0].endpoints[0];
    local.calls.byMethod = {{u"eth_getLogs"_s, MethodCalls{17, 2}}, {u"eth_getBlockByNumber"_s, MethodCalls{1952, 0}}};
    local.prices.unitsPerCall = {{u"eth_getLogs"_s, 75}};
    EndpointRecord &keyed = s.chains[0].endpoints[1];
    keyed.url = QUrl(u"https://eth-mainnet.g.alchemy.com/v2/AbCdEfGhIjKlMnOpQrStUvWx?apikey=QUERYKEY"_s);
    keyed.calls.byMethod = {{u"eth_blockNumber"_s, MethodCalls{5, 5}}};
    const QByteArray text = prometheus::render(s, Now);
    QVERIFY2(formatProblem(text).isEmpty(), qPrintable(formatProblem(text) + u"\n"_s + QString::fromUtf8(text)));
    const QStringList lines = samples(text);
    for (const QString &line : QStringList{
             u"arbor_rpc_calls_total{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\",method=\"eth_getBlockByNumber\"} 1952"_s,
             u"arbor_rpc_calls_total{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\",method=\"eth_getLogs\"} 17"_s,
             u"arbor_rpc_failed_calls_total{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\",method=\"eth_getLogs\"} 2"_s,
             u"arbor_rpc_failed_calls_total{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\",method=\"eth_getBlockByNumber\"} 0"_s,
             u"arbor_rpc_compute_units_total{chain=\"31337\",endpoint=\"http://127.0.0.1:8545\",method=\"eth_getLogs\"} 1275"_s,
             u"arbor_rpc_calls_total{chain=\"31337\",endpoint=\"https://eth-mainnet.g.alchemy.com/v2/REDACTED\",method=\"eth_blockNumber\"} 5"_s})
        QVERIFY2(lines.contains(line), qPrintable(line + u"\nnot in:\n"_s + lines.join(u'\n')));
    // Units only where a price is set; the key never in the output.
    QCOMPARE(lines.filter(u"arbor_rpc_compute_units_total"_s).size(), 1);
    QVERIFY(!text.contains("AbCdEfGhIjKlMnOpQrStUvWx"));
    QVERIFY(!text.contains("QUERYKEY"));
    // The paused chain was never sent a call: no samples, the families declared all the same.
    QVERIFY(lines.filter(u"arbor_rpc_calls_total{chain=\"5\""_s).isEmpty());
}

void TestPrometheus::namesTheEngineAndItsLeases()
{
    // One database, several engines: this one (eu-1) coordinates and holds chain 31337 under
    // epoch 4; chain 5 is indexed by eu-2.
    MetricsSnapshot s = snapshot();
    s.shared = EngineLeases{u"eu-1"_s, true, {{31337, 4}}};
    s.chains[0].indexedBy = u"eu-1"_s;
    s.chains[1].indexedBy = u"eu-2"_s;
    const QByteArray text = prometheus::render(s, Now);
    QVERIFY2(formatProblem(text).isEmpty(), qPrintable(formatProblem(text) + u"\n"_s + QString::fromUtf8(text)));
    const QStringList lines = samples(text);
    for (const QString &line : QStringList{u"arbor_engine_info{engine=\"eu-1\"} 1"_s, u"arbor_engine_coordinator 1"_s,
                                           u"arbor_engine_chains_held 1"_s,
                                           u"arbor_chain_lease_held{chain=\"31337\",name=\"devnet\"} 1"_s,
                                           u"arbor_chain_lease_epoch{chain=\"31337\",name=\"devnet\"} 4"_s,
                                           u"arbor_chain_indexed_by{chain=\"31337\",name=\"devnet\",engine=\"eu-1\"} 1"_s})
        QVERIFY2(lines.contains(line), qPrintable(line + u"\nnot in:\n"_s + lines.join(u'\n')));
    // Chain 5 is not held here: 0, no epoch, and eu-2 named as its engine.
    QCOMPARE(lines.filter(QRegularExpression(u"^arbor_chain_lease_held\\{chain=\"5\".* 0$"_s)).size(), 1);
    QVERIFY(lines.filter(u"arbor_chain_lease_epoch{chain=\"5\""_s).isEmpty());
    QCOMPARE(lines.filter(QRegularExpression(u"^arbor_chain_indexed_by\\{chain=\"5\".*engine=\"eu-2\"\\} 1$"_s)).size(), 1);

    // A database one engine serves: none of these families.
    s.shared.reset();
    const QByteArray alone = prometheus::render(s, Now);
    QVERIFY(!alone.contains("arbor_engine_info") && !alone.contains("arbor_chain_lease_held") && !alone.contains("arbor_engine_coordinator"));
}

void TestPrometheus::emptySnapshotStillDeclaresEveryFamily()
{
    const QByteArray text = prometheus::render(MetricsSnapshot(), Now);
    QVERIFY2(formatProblem(text).isEmpty(), qPrintable(formatProblem(text)));
    QCOMPARE(samples(text), QStringList{u"arbor_engine_read_only 0"_s});
    for (const char *family : {"arbor_chain_head_block", "arbor_chain_indexed_block", "arbor_chain_lag_blocks", "arbor_rpc_requests_total",
                               "arbor_rpc_errors_total", "arbor_rpc_calls_total", "arbor_rpc_failed_calls_total",
                               "arbor_rpc_compute_units_total", "arbor_queue_pending", "arbor_trigger_deliveries"})
        QVERIFY2(text.contains(QByteArray(QByteArray("# TYPE ") + family + ' ')), family);
}

void TestPrometheus::parsesListenAddresses_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("host");   // empty: refused
    QTest::addColumn<int>("port");
    QTest::newRow("loopback") << u"127.0.0.1:9464"_s << u"127.0.0.1"_s << 9464;
    QTest::newRow("spaces") << u" 127.0.0.1:9464 "_s << u"127.0.0.1"_s << 9464;
    QTest::newRow("every interface") << u"0.0.0.0:80"_s << u"0.0.0.0"_s << 80;
    QTest::newRow("name") << u"localhost:9100"_s << u"localhost"_s << 9100;
    QTest::newRow("ipv6") << u"[::1]:9464"_s << u"::1"_s << 9464;
    QTest::newRow("no port") << u"127.0.0.1"_s << QString() << 0;
    QTest::newRow("empty port") << u"127.0.0.1:"_s << QString() << 0;
    QTest::newRow("port 0") << u"127.0.0.1:0"_s << QString() << 0;
    QTest::newRow("port too large") << u"127.0.0.1:65536"_s << QString() << 0;
    QTest::newRow("port not a number") << u"127.0.0.1:http"_s << QString() << 0;
    QTest::newRow("no host") << u":9464"_s << QString() << 0;
    QTest::newRow("bare ipv6") << u"::1:9464"_s << QString() << 0;
    QTest::newRow("url") << u"http://127.0.0.1:9464"_s << QString() << 0;
    QTest::newRow("path") << u"127.0.0.1:9464/metrics"_s << QString() << 0;
    QTest::newRow("empty") << QString() << QString() << 0;
}

void TestPrometheus::parsesListenAddresses()
{
    QFETCH(QString, text);
    QFETCH(QString, host);
    QFETCH(int, port);
    const auto parsed = parseListenAddress(text, u"--metrics"_s);
    if (host.isEmpty()) {
        QVERIFY2(!parsed, qPrintable(text));
        QCOMPARE(parsed.error().field, u"--metrics"_s);
        QVERIFY2(parsed.error().message.contains(u"127.0.0.1:9464"_s), qPrintable(parsed.error().message));   // the example
        return;
    }
    if (!parsed)
        QFAIL(qPrintable(parsed.error().toString()));
    QCOMPARE(parsed->host, host);
    QCOMPARE(int(parsed->port), port);
}

// --- over HTTP ------------------------------------------------------------------------------

TestPrometheus::Served TestPrometheus::serve(const MetricsSnapshot &s)
{
    Served served;
    served.exporter = std::make_unique<PrometheusExporter>();
    served.exporter->publish(std::make_shared<const MetricsSnapshot>(s));
    auto bound = served.exporter->listen(ListenAddress{u"127.0.0.1"_s, 0}, u"metrics"_s);
    bound.waitForFinished();   // the test's own thread; the exporter answers on its thread
    const Result<ListenAddress> result = bound.result();
    if (result)
        served.port = result->port;
    else
        qWarning() << result.error().toString();
    return served;
}

void TestPrometheus::servesMetricsOverHttp()
{
    Served served = serve();
    QVERIFY(served.port != 0);
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(served.port))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->header(QNetworkRequest::ContentTypeHeader).toString(), u"text/plain; version=0.0.4; charset=utf-8"_s);
    const QByteArray body = reply->readAll();
    QVERIFY2(formatProblem(body).isEmpty(), qPrintable(formatProblem(body)));
    QVERIFY(body.contains("arbor_chain_indexed_block{chain=\"31337\",name=\"devnet\"} 100\n"));
    reply->deleteLater();
}

void TestPrometheus::answers404And405()
{
    Served served = serve();
    QVERIFY(served.port != 0);
    QNetworkAccessManager network;
    const auto request = [&](const QByteArray &verb, const QString &path) {
        const QNetworkRequest request(QUrl(u"http://127.0.0.1:%1%2"_s.arg(served.port).arg(path)));
        // HEAD through head(): a custom verb would wait for the body its Content-Length announces.
        QNetworkReply *reply = verb == "HEAD" ? network.head(request) : network.sendCustomRequest(request, verb);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(10000);
        reply->deleteLater();
        return std::pair(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), QString::fromLatin1(reply->rawHeader("Allow")));
    };
    QCOMPARE(request("GET", u"/"_s).first, 404);
    QCOMPARE(request("GET", u"/metrics/extra"_s).first, 404);
    QCOMPARE(request("GET", u"/favicon.ico"_s).first, 404);
    QCOMPARE(request("GET", u"/metrics?name[]=arbor_chain_head_block"_s).first, 200);
    QCOMPARE(request("HEAD", u"/metrics"_s).first, 200);
    const auto post = request("POST", u"/metrics"_s);
    QCOMPARE(post.first, 405);
    QCOMPARE(post.second, u"GET, HEAD"_s);
    QCOMPARE(request("DELETE", u"/metrics"_s).first, 405);
}

void TestPrometheus::answersRequestsArrivingInPieces()
{
    Served served = serve();
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, served.port);
    QVERIFY(socket.waitForConnected(5000));
    for (const char *piece : {"GE", "T /met", "rics HTTP/1.1\r\nHo", "st: 127.0.0.1\r\n", "\r"}) {
        socket.write(piece);
        socket.flush();
        QTest::qWait(50);
        QCOMPARE(socket.bytesAvailable(), 0);   // nothing is answered before the request is complete
    }
    socket.write("\n");
    const QByteArray response = readResponse(socket);
    QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), response.left(200).constData());
    QVERIFY(response.contains("arbor_chain_head_block{chain=\"31337\",name=\"devnet\"} 120\n"));

    // Garbage is a 400 and the connection closes.
    QTcpSocket bad;
    bad.connectToHost(u"127.0.0.1"_s, served.port);
    QVERIFY(bad.waitForConnected(5000));
    bad.write("HELLO\r\n\r\n");
    const QByteArray refused = readResponse(bad);
    QVERIFY2(refused.startsWith("HTTP/1.1 400 "), refused.constData());
    QTRY_COMPARE_WITH_TIMEOUT(bad.state(), QAbstractSocket::UnconnectedState, 10000);
}

void TestPrometheus::servesKeepAliveAndPipelinedRequests()
{
    Served served = serve();
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, served.port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\nGET /nothing HTTP/1.1\r\nHost: a\r\n\r\n");
    const QByteArray both = readResponse(socket, 2);
    QVERIFY2(both.startsWith("HTTP/1.1 200 OK\r\n"), both.left(200).constData());
    QVERIFY2(both.contains("HTTP/1.1 404 Not Found\r\n"), both.right(300).constData());
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);   // kept alive
    socket.write("GET /metrics HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
    const QByteArray last = readResponse(socket);
    QVERIFY(last.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(last.contains("Connection: close\r\n"));
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
}

void TestPrometheus::oneSlowClientDoesNotHoldUpOthers()
{
    Served served = serve();
    // Ten clients connect; each sends half a request and then waits.
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 10; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(u"127.0.0.1"_s, served.port);
        QVERIFY(socket->waitForConnected(5000));
        socket->write("GET /metrics HTTP/1.1\r\n");
        clients.push_back(std::move(socket));
    }
    // The last nine complete theirs and are answered while the first still has not.
    for (size_t i = 1; i < clients.size(); ++i)
        clients[i]->write("Host: a\r\n\r\n");
    for (size_t i = 1; i < clients.size(); ++i) {
        const QByteArray response = readResponse(*clients[i]);
        QVERIFY2(response.startsWith("HTTP/1.1 200 OK\r\n"), qPrintable(u"client %1: "_s.arg(i) + QString::fromLatin1(response.left(100))));
    }
    QCOMPARE(clients[0]->bytesAvailable(), 0);
    clients[0]->write("\r\n");
    QVERIFY(readResponse(*clients[0]).startsWith("HTTP/1.1 200 OK\r\n"));
}

void TestPrometheus::refusesAPortInUse()
{
    Served first = serve();
    QVERIFY(first.port != 0);
    PrometheusExporter second;
    auto bound = second.listen(ListenAddress{u"127.0.0.1"_s, first.port}, u"--metrics"_s);
    bound.waitForFinished();
    const Result<ListenAddress> result = bound.result();
    QVERIFY(!result);
    QCOMPARE(result.error().kind, Error::Kind::Conflict);
    QCOMPARE(result.error().field, u"--metrics"_s);
    QVERIFY2(result.error().message.contains(u"127.0.0.1:%1"_s.arg(first.port)), qPrintable(result.error().message));
    QVERIFY2(result.error().message.contains(u"in use"_s), qPrintable(result.error().message));
}

void TestPrometheus::showsTheNewestSnapshot()
{
    Served served = serve();
    MetricsSnapshot next = snapshot();
    next.statuses[0].indexed = 118;
    served.exporter->publish(std::make_shared<const MetricsSnapshot>(next));
    QNetworkAccessManager network;
    QByteArray body;
    // publish() is queued to the server's thread: a scrape may still see the one before.
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 QNetworkReply *reply = network.get(QNetworkRequest(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(served.port))));
                                 QSignalSpy finished(reply, &QNetworkReply::finished);
                                 finished.wait(10000);
                                 body = reply->readAll();
                                 reply->deleteLater();
                                 return body.contains("arbor_chain_indexed_block{chain=\"31337\",name=\"devnet\"} 118\n");
                             }()),
                             10000);
    QVERIFY(body.contains("arbor_chain_lag_blocks{chain=\"31337\",name=\"devnet\"} 2\n"));

    // Stopped: nothing listens any more.
    served.exporter->stopListening().waitForFinished();
    QTcpSocket socket;
    socket.connectToHost(u"127.0.0.1"_s, served.port);
    QVERIFY(!socket.waitForConnected(2000));
}

} // namespace tst_prometheus

ARBOR_TEST_MAIN(prometheus, tst_prometheus::TestPrometheus)
#include "tst_prometheus.moc"

// The Prometheus endpoint as an operator's Prometheus sees it: `arborctl serve --metrics
// 127.0.0.1:PORT` indexing a devnet, scraped over HTTP until arbor_chain_indexed_block reaches
// the node's head, with the names, types and labels a dashboard queries. Also the two ways
// --metrics is refused: a malformed address (nothing started) and a port already taken.
// On SQLite and PostgreSQL.

#include "arborctlrun.h"
#include "buildpaths.h"
#include "devnet.h"
#include "testmain.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace arbor;
using namespace arbor::test;
using namespace Qt::StringLiterals;

namespace tst_metricsendpoint {

namespace {

const QString Arborctl = BuildPaths::arborctl();

/// A loopback port nothing listens on right now.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

/// The value of the sample written exactly as `series` (name and labels), if there is one.
std::optional<double> sampleValue(const QByteArray &text, const QString &series)
{
    for (const QString &line : QString::fromUtf8(text).split(u'\n', Qt::SkipEmptyParts)) {
        if (line.startsWith(series + u' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return std::nullopt;
}

} // namespace

class TestMetricsEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init() { ARBOR_REQUIRE_BACKEND(); }
    void cleanupTestCase();

    void refusesAMalformedAddress_data();
    void refusesAMalformedAddress();
    void refusesAPortInUse();
    void scrapedUntilIndexedToTheHead();
    void followsNewBlocks();

private:
    /// One scrape of /metrics: the body, empty (with a warning) when it failed.
    QByteArray scrape();
    qint64 nodeHead();
    QString chainSeries(const char *name) const
    {
        return QString::fromLatin1(name) + u"{chain=\"%1\",name=\"devnet\"}"_s.arg(m_devnet.chainId());
    }

    Devnet m_devnet;
    std::unique_ptr<TestDatabase> m_db;
    QProcess m_serve;
    quint16 m_port = 0;
    QNetworkAccessManager m_network;
    QString m_endpoint;                      ///< the endpoint label of the devnet's URL
};

void TestMetricsEndpoint::initTestCase()
{
    ARBOR_REQUIRE_BACKEND();
    ARBOR_REQUIRE_DEVNET();
    QString error;
    QVERIFY2(m_devnet.start(&error), qPrintable(error));
    const auto tokens = m_devnet.deployTokens(1, &error);
    QVERIFY2(tokens, qPrintable(error));
    const QString token = tokens->value(u"tokens"_s).toArray().first().toObject().value(u"address"_s).toString();
    QVERIFY2(m_devnet.generateTraffic({token}, 200, 20, 40, 7, &error), qPrintable(error));

    m_db = std::make_unique<TestDatabase>();
    QVERIFY2(m_db->isValid(), qPrintable(m_db->error()));
    const ArborctlRun added = runArborctl(Arborctl, *m_db,
                                          {u"chain"_s, u"add"_s, u"--name"_s, u"devnet"_s, u"--chain-id"_s, QString::number(m_devnet.chainId()),
                                           u"--rpc"_s, m_devnet.rpcUrl().toString(), u"--start-block"_s, u"0"_s, u"--token"_s, token});
    QVERIFY2(added.exitCode == 0, qPrintable(describe(added)));
    m_endpoint = m_devnet.rpcUrl().toString(QUrl::StripTrailingSlash);
}

void TestMetricsEndpoint::cleanupTestCase()
{
    if (m_serve.state() == QProcess::Running) {
        m_serve.terminate();
        QVERIFY2(m_serve.waitForFinished(30000), "arborctl serve did not stop on SIGTERM");
        QCOMPARE(m_serve.exitCode(), 0);
    }
}

void TestMetricsEndpoint::refusesAMalformedAddress_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("no port") << u"127.0.0.1"_s;
    QTest::newRow("port 0") << u"127.0.0.1:0"_s;
    QTest::newRow("port too large") << u"127.0.0.1:70000"_s;
    QTest::newRow("a URL") << u"http://127.0.0.1:9464/metrics"_s;
    QTest::newRow("empty") << QString();
}

void TestMetricsEndpoint::refusesAMalformedAddress()
{
    QFETCH(QString, address);
    const ArborctlRun run = runArborctl(Arborctl, *m_db, {u"serve"_s, u"--metrics"_s, address}, 30000);
    QVERIFY2(run.exitCode == 2, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(u"--metrics"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"HOST:PORT"_s), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"serving"_s), qPrintable(run.err));   // refused before anything started
}

void TestMetricsEndpoint::refusesAPortInUse()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    const QString address = u"127.0.0.1:%1"_s.arg(taken.serverPort());
    const ArborctlRun run = runArborctl(Arborctl, *m_db, {u"serve"_s, u"--metrics"_s, address}, 60000);
    QVERIFY2(run.exitCode == 3, qPrintable(describe(run)));
    QVERIFY2(run.err.contains(u"--metrics: "_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(address), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"in use"_s), qPrintable(run.err));
}

QByteArray TestMetricsEndpoint::scrape()
{
    QNetworkRequest request(QUrl(u"http://127.0.0.1:%1/metrics"_s.arg(m_port)));
    request.setTransferTimeout(10000);
    QNetworkReply *reply = m_network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(15000);
    reply->deleteLater();
    if (reply->error() != QNetworkReply::NoError) {
        qWarning() << "scrape failed:" << reply->errorString();
        return {};
    }
    if (reply->header(QNetworkRequest::ContentTypeHeader).toString() != u"text/plain; version=0.0.4; charset=utf-8")
        qWarning() << "unexpected content type" << reply->header(QNetworkRequest::ContentTypeHeader);
    return reply->readAll();
}

qint64 TestMetricsEndpoint::nodeHead()
{
    QString error;
    const auto head = m_devnet.rpc(u"eth_blockNumber"_s, {}, &error);
    if (!head) {
        qWarning() << error;
        return -1;
    }
    return head->toString().toLongLong(nullptr, 16);
}

void TestMetricsEndpoint::scrapedUntilIndexedToTheHead()
{
    m_port = freePort();
    QVERIFY(m_port != 0);
    startArborctl(m_serve, Arborctl, *m_db, {u"serve"_s, u"--metrics"_s, u"127.0.0.1:%1"_s.arg(m_port)});
    QVERIFY(m_serve.waitForStarted());
    QString log;
    QTRY_VERIFY2_WITH_TIMEOUT((log += QString::fromUtf8(m_serve.readAllStandardError()), log.contains(u"/metrics"_s) || m_serve.state() != QProcess::Running),
                              qPrintable(log), 30000);
    QVERIFY2(log.contains(u"arborctl: Prometheus metrics at http://127.0.0.1:%1/metrics"_s.arg(m_port)), qPrintable(log));

    const qint64 head = nodeHead();
    QVERIFY(head > 40);
    QByteArray text;
    QTRY_VERIFY2_WITH_TIMEOUT((text = scrape(), sampleValue(text, chainSeries("arbor_chain_indexed_block")).value_or(-1) >= head),
                              qPrintable(QString::fromUtf8(text) + u"\nstderr:\n"_s + QString::fromUtf8(m_serve.readAllStandardError())), 120000);

    // The families and their types, as Prometheus reads them from the TYPE lines.
    for (const char *declared : {"# TYPE arbor_chain_head_block gauge\n", "# TYPE arbor_chain_indexed_block gauge\n",
                                 "# TYPE arbor_chain_lag_blocks gauge\n", "# TYPE arbor_rpc_requests_total counter\n",
                                 "# TYPE arbor_rpc_errors_total counter\n", "# TYPE arbor_queue_pending gauge\n",
                                 "# TYPE arbor_trigger_deliveries gauge\n"})
        QVERIFY2(text.contains(declared), declared);

    // The series a dashboard queries, by chain id (and name where it helps).
    const QString chain = QString::number(m_devnet.chainId());
    QVERIFY(sampleValue(text, chainSeries("arbor_chain_head_block")).value_or(-1) >= head);
    QVERIFY(sampleValue(text, chainSeries("arbor_chain_lag_blocks")).has_value());
    QVERIFY(sampleValue(text, u"arbor_chain_info{chain=\"%1\",name=\"devnet\",state=\"active\"}"_s.arg(chain)) == 1.0);
    const QString rpc = u"{chain=\"%1\",endpoint=\"%2\"}"_s.arg(chain, m_endpoint);
    // It took requests to index; the indexer reports its endpoints' counters every 2 s.
    QTRY_VERIFY2_WITH_TIMEOUT((text = scrape(), sampleValue(text, u"arbor_rpc_requests_total"_s + rpc).value_or(0) > 0),
                              qPrintable(QString::fromUtf8(text).section(u"arbor_rpc_requests_total"_s, 1, 1).left(600)), 20000);
    const auto requests = sampleValue(text, u"arbor_rpc_requests_total"_s + rpc);
    QVERIFY2(sampleValue(text, u"arbor_rpc_errors_total"_s + rpc).has_value(), qPrintable(QString::fromUtf8(text)));
    QVERIFY(sampleValue(text, u"arbor_queue_pending{chain=\"%1\"}"_s.arg(chain)).has_value());
    QCOMPARE(sampleValue(text, u"arbor_trigger_deliveries{chain=\"%1\",status=\"success\"}"_s.arg(chain)), std::optional<double>(0));
    QCOMPARE(sampleValue(text, u"arbor_engine_read_only"_s), std::optional<double>(0));

    // Requests is a counter: it never goes down between scrapes.
    QTest::qWait(1500);
    const QByteArray later = scrape();
    QVERIFY(sampleValue(later, u"arbor_rpc_requests_total"_s + rpc).value_or(-1) >= *requests);
}

void TestMetricsEndpoint::followsNewBlocks()
{
    if (m_serve.state() != QProcess::Running)
        QSKIP("arborctl serve is not running (see scrapedUntilIndexedToTheHead)");
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY2(m_devnet.rpc(u"evm_mine"_s, {}, &error), qPrintable(error));
    const qint64 head = nodeHead();
    QByteArray text;
    QTRY_VERIFY2_WITH_TIMEOUT((text = scrape(), sampleValue(text, chainSeries("arbor_chain_indexed_block")).value_or(-1) >= head
                                                    && sampleValue(text, chainSeries("arbor_chain_lag_blocks")) == 0.0),
                              qPrintable(QString::fromUtf8(text)), 60000);
    QCOMPARE(sampleValue(text, chainSeries("arbor_chain_head_block")).value_or(-1), double(head));
}

} // namespace tst_metricsendpoint

ARBOR_TEST_MAIN(metricsendpoint, tst_metricsendpoint::TestMetricsEndpoint)
#include "tst_metricsendpoint.moc"

// The chain detail page driven offscreen against a real Engine on a temporary SQLite file:
// live figures and charts from a devnet chain being indexed, and gaps from promoted ranges.

#include "charts/chainchartpanel.h"
#include "devnet.h"
#include "engine/engine.h"
#include "model/entitydef.h"
#include "models/endpointmodel.h"
#include "models/reindexrequestmodel.h"
#include "models/reorgmodel.h"
#include "pages/chaindetailpage.h"
#include "store/indexbatch.h"
#include "store/store.h"
#include "widgets/indexprogressbar.h"
#include "testresults.h"

#include <QApplication>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace arbor;
using arbor::test::why;
using arbor::test::waitFor;
using arbor::test::Devnet;
using arbor::ui::ChainChartPanel;
using arbor::ui::ChainDetailPage;
using arbor::ui::EndpointModel;
using arbor::ui::ReindexRequestModel;
using arbor::ui::ReorgModel;

namespace {

const int EngineTimeoutMs = 30000;

Hash hashOf(qint64 number)
{
    QByteArray bytes(32, '\0');
    bytes[0] = 0x42;
    for (int i = 0; i < 8; ++i)
        bytes[31 - i] = char((number >> (8 * i)) & 0xff);
    return *Hash::fromBytes(bytes);
}

IndexBatch blocks(qint64 chainId, qint64 from, qint64 to, BatchMode mode)
{
    IndexBatch b;
    b.chainId = chainId;
    b.from = from;
    b.to = to;
    b.mode = mode;
    Hash parent = from == 0 ? Hash() : hashOf(from - 1);
    for (qint64 n = from; n <= to; ++n) {
        b.headers.append(BlockHeader{n, hashOf(n), parent, 1700000000 + n * 12, 0, 0});
        parent = hashOf(n);
    }
    return b;
}

QString label(const QWidget &page, const char *name)
{
    const auto *l = page.findChild<QLabel *>(QString::fromLatin1(name));
    return l ? l->text() : QStringLiteral("(no label %1)").arg(QLatin1String(name));
}

} // namespace

class TstChainDetail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void csvMergesLinesByTime();
    void endpointModelUpdatesRowsInPlace();
    void reindexModelInsertsNewRequestsOnTop();
    void reorgModelGrowsAtTheTop();
    void gapsBetweenPromotedRangesAreListed();
    void liveChainFromTheDevnet();

private:
    std::unique_ptr<Engine> startEngine(const QString &file, bool indexing);

    QTemporaryDir m_home;
};

void TstChainDetail::initTestCase()
{
    QVERIFY(m_home.isValid());
    const QByteArray home = QFile::encodeName(m_home.path());
    qputenv("HOME", home);
    qputenv("XDG_CONFIG_HOME", home + "/config");
    qputenv("XDG_DATA_HOME", home + "/data");
    qputenv("XDG_CACHE_HOME", home + "/cache");
    QCoreApplication::setOrganizationName(QStringLiteral("Arbor"));
    QCoreApplication::setApplicationName(QStringLiteral("arbor"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

std::unique_ptr<Engine> TstChainDetail::startEngine(const QString &file, bool indexing)
{
    auto url = DatabaseUrl::parse(QLatin1String("sqlite:") + m_home.filePath(file));
    if (!url)
        qFatal("%s", why(url).constData());
    EngineOptions options;
    options.database = *url;
    options.app = QStringLiteral("arbor-test");
    options.snapshotIntervalMs = 200;
    options.statusIntervalMs = 200;
    options.indexing = indexing;
    options.indexer.healthSaveIntervalMs = 500;
    options.indexer.workPollIntervalMs = 500;
    auto engine = std::make_unique<Engine>(options);
    const Status started = waitFor(engine->start());
    if (!started)
        qFatal("%s", why(started).constData());
    return engine;
}

void TstChainDetail::csvMergesLinesByTime()
{
    const qint64 t0 = 1700000000000;
    const QString csv = ChainChartPanel::toCsv({QStringLiteral("a"), QStringLiteral("http://x/?q=1,2")},
                                               {{QPointF(t0, 1), QPointF(t0 + 1000, 2)}, {QPointF(t0 + 1000, 7.5)}});
    QCOMPARE(csv, QStringLiteral("time,a,\"http://x/?q=1,2\"\n"
                                 "2023-11-14T22:13:20.000Z,1,\n"
                                 "2023-11-14T22:13:21.000Z,2,7.5\n"));
}

void TstChainDetail::endpointModelUpdatesRowsInPlace()
{
    EndpointModel model;
    auto endpoint = [](const char *url, double latency) {
        EndpointRecord e;
        e.url = QUrl(QString::fromLatin1(url));
        e.status = QStringLiteral("ok");
        e.latencyMs = latency;
        return e;
    };
    model.update({endpoint("http://a", 10), endpoint("http://b", 20), endpoint("http://c", 30)});
    QCOMPARE(model.rowCount(), 3);

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.update({endpoint("http://a", 10), endpoint("http://b", 25), endpoint("http://c", 30)});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(changed.first().at(1).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, EndpointModel::LatencyColumn).data().toString(), QStringLiteral("25.0 ms"));

    model.update({endpoint("http://a", 10), endpoint("http://b", 25), endpoint("http://c", 30)});
    QCOMPARE(changed.size(), 1);   // nothing changed, nothing announced

    model.update({endpoint("http://c", 31), endpoint("http://a", 10), endpoint("http://d", 40)});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(QUrl(QStringLiteral("http://d"))), 2);
    QCOMPARE(reset.size(), 0);
}

void TstChainDetail::reindexModelInsertsNewRequestsOnTop()
{
    ReindexRequestModel model;
    auto request = [](qint64 id, const char *status) {
        ReindexRequest r;
        r.id = id;
        r.from = id * 10;
        r.to = id * 10 + 5;
        r.status = QString::fromLatin1(status);
        return r;
    };
    model.setRequests({request(1, "done"), request(2, "pending")});
    QCOMPARE(model.index(0, 0).data(ReindexRequestModel::IdRole).toLongLong(), 2);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setRequests({request(2, "done"), request(1, "done"), request(3, "pending")});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(1, ReindexRequestModel::StatusColumn).data().toString(), QStringLiteral("Done"));
    QCOMPARE(model.index(0, ReindexRequestModel::RangeColumn).data().toString(), QStringLiteral("30 – 35"));
    QCOMPARE(reset.size(), 0);
}

void TstChainDetail::reorgModelGrowsAtTheTop()
{
    const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    auto reorg = [&](int n) { return ReorgRecord{5, t0.addSecs(n), 100 + n, n, 100 + 2 * n, hashOf(n), hashOf(1000 + n)}; };
    ReorgModel model;
    model.setReorgs({reorg(1), reorg(2)});
    QCOMPARE(model.index(0, 0).data(ReorgModel::DepthRole).toLongLong(), 2);   // newest first
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.setReorgs({reorg(2), reorg(1)});
    QCOMPARE(inserted.size(), 0);
    model.setReorgs({reorg(1), reorg(3), reorg(2)});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, ReorgModel::AncestorColumn).data().toString(), QStringLiteral("103"));
    QCOMPARE(model.index(0, ReorgModel::NewHashColumn).data().toString(), hashOf(1003).toHex());
    QCOMPARE(reset.size(), 0);
    model.setReorgs({});   // another chain: one reset
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 0);
}

void TstChainDetail::gapsBetweenPromotedRangesAreListed()
{
    const qint64 chainId = 77;
    std::unique_ptr<Engine> engine = startEngine(QStringLiteral("gaps.db"), false);
    {
        auto url = DatabaseUrl::parse(QLatin1String("sqlite:") + m_home.filePath(QStringLiteral("gaps.db")));
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        ChainConfig config;
        config.chainId = chainId;
        config.name = QStringLiteral("gappy");
        config.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:1"))};
        config.startBlock = 0;
        EndpointRecord endpoint;
        endpoint.url = config.rpcUrls.first();
        endpoint.status = QStringLiteral("down");
        endpoint.lastError = QStringLiteral("connection refused");
        QVERIFY((*store)->registerChain(config, {endpoint}, evmEntities()));
        QVERIFY((*store)->reconcileEntityTables(evmEntities()));
        // The head scan started at 20; the gap scan has filled 0–9 so far: 10–19 is missing.
        auto head = (*store)->promote(blocks(chainId, 20, 29, BatchMode::Head), evmEntities());
        QVERIFY2(head, why(head).constData());
        auto gap = (*store)->promote(blocks(chainId, 0, 9, BatchMode::Gap), evmEntities());
        QVERIFY2(gap, why(gap).constData());
    }
    engine->refreshSnapshot();

    ChainDetailPage page(engine.get());
    page.resize(1000, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.showChain(chainId);

    QTRY_COMPARE(label(page, "chainDetailName"), QStringLiteral("gappy"));
    QCOMPARE(label(page, "chainDetailId"), QStringLiteral("77"));
    QTRY_COMPARE(label(page, "chainDetailIndexed"), QStringLiteral("29"));
    QTRY_COMPARE(page.gapList()->count(), 1);
    // The plural form comes from the English translation the console loads; not loaded here.
    QVERIFY2(page.gapList()->item(0)->text().startsWith(QStringLiteral("Blocks 10 – 19 (10 block")), qPrintable(page.gapList()->item(0)->text()));
    QCOMPARE(page.progressBar()->gaps(), (QList<IndexRange>{{10, 19}}));
    QCOMPARE(page.progressBar()->ranges(), (QList<IndexRange>{{0, 9}, {20, 29}}));
    QCOMPARE(page.progressBar()->fraction(), 20.0 / 30.0);

    // Not indexed here: the endpoints are those recorded.
    QCOMPARE(page.endpointModel()->rowCount(), 1);
    QCOMPARE(page.endpointModel()->index(0, EndpointModel::StatusColumn).data().toString(), QStringLiteral("Down"));
    QCOMPARE(page.endpointModel()->index(0, EndpointModel::LastErrorColumn).data().toString(), QStringLiteral("connection refused"));
}

void TstChainDetail::liveChainFromTheDevnet()
{
    ARBOR_REQUIRE_DEVNET();
    Devnet devnet;
    QString error;
    QVERIFY2(devnet.start(&error), qPrintable(error));
    const auto deployed = devnet.deployTokens(1, &error);
    QVERIFY2(deployed, qPrintable(error));
    const QString tokenHex = deployed->value(QStringLiteral("tokens")).toArray().first().toObject().value(QStringLiteral("address")).toString();
    const auto traffic = devnet.generateTraffic({tokenHex}, 60, 8, 6, 11, &error);
    QVERIFY2(traffic, qPrintable(error));
    const qint64 trafficTo = traffic->value(QStringLiteral("toBlock")).toInteger();
    const qint64 chainId = qint64(devnet.chainId());

    std::unique_ptr<Engine> engine = startEngine(QStringLiteral("devnet.db"), true);
    ChainConfig config;
    config.chainId = chainId;
    config.name = QStringLiteral("devnet");
    config.rpcUrls = {devnet.rpcUrl()};
    config.startBlock = 0;
    config.pollIntervalMs = 300;
    config.tokens = {*Address::fromHex(tokenHex)};
    const auto added = waitFor(engine->addChain(config));
    QVERIFY2(added, why(added).constData());
    engine->refreshSnapshot();

    ChainDetailPage page(engine.get());
    page.resize(1200, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.showChain(chainId);

    QTRY_COMPARE(label(page, "chainDetailName"), QStringLiteral("devnet"));
    QCOMPARE(label(page, "chainDetailId"), QString::number(chainId));

    // Caught up: the checkpoint reaches the traffic and nothing is missing below it.
    QTRY_VERIFY_WITH_TIMEOUT(page.progressBar()->end() >= trafficTo && page.progressBar()->fraction() == 1.0, 30000);
    QVERIFY(page.progressBar()->gaps().isEmpty());
    QCOMPARE(page.gapList()->count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(label(page, "chainDetailStatus"), QStringLiteral("Live"), 20000);

    // The lag line gains a point a second.
    ChainChartPanel *charts = page.charts();
    const QString lagLine = charts->lineNames(ChainChartPanel::LagChart).first();
    QTRY_VERIFY_WITH_TIMEOUT(charts->points(ChainChartPanel::LagChart, lagLine).size() >= 3, 15000);
    const qsizetype before = charts->points(ChainChartPanel::LagChart, lagLine).size();
    QTRY_VERIFY_WITH_TIMEOUT(charts->points(ChainChartPanel::LagChart, lagLine).size() > before, 5000);
    QCOMPARE(charts->points(ChainChartPanel::LagChart, lagLine).last().y(), 0.0);

    // At the head of a quiet chain the rate falls back to zero once no range was promoted for
    // the rate window (10 s), instead of showing the catch-up speed for ever.
    auto rateOf = [&] {
        for (const ChainStatus &s : engine->chainStatuses()) {
            if (s.chainId == chainId)
                return s.blocksPerSecond;
        }
        return -1.0;
    };
    for (int burst = 0; burst < 6 && rateOf() <= 0; ++burst) {
        QVERIFY2(devnet.rpc(QStringLiteral("anvil_mine"), {QStringLiteral("0x14")}, &error), qPrintable(error));
        QTest::qWait(700);
    }
    QTRY_VERIFY_WITH_TIMEOUT(rateOf() > 0, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(rateOf(), 0.0, 20000);

    // The devnet endpoint, healthy and measured, also as a latency line.
    EndpointModel *endpoints = page.endpointModel();
    QTRY_COMPARE(endpoints->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(endpoints->index(0, EndpointModel::StatusColumn).data(EndpointModel::StatusRole).toString(), QStringLiteral("ok"), 15000);
    QCOMPARE(endpoints->index(0, EndpointModel::UrlColumn).data().toString(), devnet.rpcUrl().toDisplayString());
    QTRY_VERIFY(endpoints->index(0, EndpointModel::LatencyColumn).data().toString().endsWith(QLatin1String(" ms")));
    QTRY_COMPARE(charts->lineNames(ChainChartPanel::LatencyChart), QStringList{devnet.rpcUrl().toString()});

    // A reindex request appears in the history.
    const auto requested = waitFor(engine->requestReindex(ChainRef{chainId, {}}, 1, 3, QStringLiteral("chain detail test")));
    QVERIFY2(requested, why(requested).constData());
    ReindexRequestModel *history = page.reindexModel();
    QTRY_COMPARE_WITH_TIMEOUT(history->rowCount(), 1, ChainDetailPage::RefreshIntervalMs * 3);
    QCOMPARE(history->index(0, 0).data(ReindexRequestModel::FromRole).toLongLong(), 1);
    QCOMPARE(history->index(0, 0).data(ReindexRequestModel::ToRole).toLongLong(), 3);
    QCOMPARE(history->index(0, ReindexRequestModel::ReasonColumn).data().toString(), QStringLiteral("chain detail test"));

    // Exports.
    const QString csvPath = m_home.filePath(QStringLiteral("lag.csv"));
    QVERIFY2(charts->exportCsv(ChainChartPanel::LagChart, csvPath, &error), qPrintable(error));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
    const QStringList rows = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(rows.first(), QStringLiteral("time,") + charts->lineNames(ChainChartPanel::LagChart).join(QLatin1Char(',')));
    QVERIFY(rows.size() - 1 >= before);
    const QStringList cells = rows.last().split(QLatin1Char(','));
    QCOMPARE(cells.size(), 3);
    QVERIFY2(QDateTime::fromString(cells[0], Qt::ISODateWithMs).isValid(), qPrintable(rows.last()));
    QCOMPARE(cells[1], QStringLiteral("0"));

    const QString pngPath = m_home.filePath(QStringLiteral("lag.png"));
    QVERIFY2(charts->exportPng(ChainChartPanel::LagChart, pngPath, &error), qPrintable(error));
    const QImage image(pngPath);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), charts->view(ChainChartPanel::LagChart)->size() * charts->devicePixelRatio());

    // For review: ARBOR_SCREENSHOTS=<dir> keeps a picture of the page.
    if (const QString dir = qEnvironmentVariable("ARBOR_SCREENSHOTS"); !dir.isEmpty()) {
        page.grab().save(QDir(dir).filePath(QStringLiteral("chaindetail.png")));
        auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("chainDetailTabs"));
        tabs->setCurrentIndex(1);
        page.grab().save(QDir(dir).filePath(QStringLiteral("chaindetail-progress.png")));
        tabs->setCurrentIndex(2);
        page.grab().save(QDir(dir).filePath(QStringLiteral("chaindetail-reindex.png")));
        tabs->setCurrentIndex(0);
    }

    // Deleted: its series are dropped and the page lets go of it.
    QVERIFY(!engine->chainSeries(chainId).isEmpty());
    const Status deleted = waitFor(engine->deleteChain(ChainRef{chainId, {}}));
    QVERIFY2(deleted, why(deleted).constData());
    QTRY_COMPARE(page.chainId(), 0);
    QVERIFY(engine->chainSeries(chainId).isEmpty());
    QCOMPARE(label(page, "chainDetailName"), QStringLiteral("No chain selected"));

    page.hide();
    engine.reset();
}

QTEST_MAIN(TstChainDetail)
#include "tst_chaindetail.moc"

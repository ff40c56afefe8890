// The overview page offscreen: its figures from chain records and statuses (worst lag, chains
// down, stalled, paused, requests per provider) and the page built on an Engine: one card per
// chain in the chain table's words, and a click on a card asks for that chain.

#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "model/entitydef.h"
#include "models/chainlistmodel.h"
#include "pages/chaincard.h"
#include "pages/overviewpage.h"
#include "store/chainregistry.h"
#include "metrics/metricsstore.h"
#include "store/store.h"
#include "testmain.h"
#include "uifixture.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace arbor;
using namespace Qt::StringLiterals;
using arbor::test::UiFixture;
using arbor::ui::ChainCard;
using arbor::ui::ChainListModel;
using arbor::ui::OverviewPage;

namespace tst_overview {

namespace {

ChainRecord record(qint64 id, const QString &name, ChainState state = ChainState::Active)
{
    ChainRecord r;
    r.config.chainId = id;
    r.config.name = name;
    r.state = state;
    return r;
}

ChainStatus status(qint64 id, IndexPhase phase, std::optional<qint64> head, std::optional<qint64> indexed, std::optional<qint64> indexedTime,
                   const QList<std::tuple<QString, qint64, qint64>> &endpoints = {})
{
    ChainStatus s;
    s.chainId = id;
    s.phase = phase;
    s.head = head;
    s.indexed = indexed;
    s.indexedTime = indexedTime;
    for (const auto &[url, requests, failures] : endpoints) {
        EndpointRecord e;
        e.url = QUrl(url);
        e.requests = requests;
        e.failures = failures;
        s.endpoints.append(e);
    }
    return s;
}

} // namespace

class TstOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { m_home.setUp(); }
    void summaryCountsAndWorstLag();
    void worstLagByBlocksWhenTimeIsUnknown();
    void requestsPerProviderHost();
    void pageWithoutChains();
    void aCardPerChainThatOpensIt();

private:
    UiFixture m_home;
};

void TstOverview::summaryCountsAndWorstLag()
{
    const qint64 now = 1700000000;
    const QList<ChainRecord> chains{record(1, QStringLiteral("mainnet")), record(10, QStringLiteral("optimism")),
                                    record(137, QStringLiteral("polygon")), record(5, QStringLiteral("old"), ChainState::Paused)};
    // mainnet: 2 blocks and 24 s behind; optimism: 600 blocks but 20 s; polygon: RPC down, head unknown.
    const QList<ChainStatus> statuses{status(1, IndexPhase::Live, 100, 98, now - 24), status(10, IndexPhase::CatchingUp, 5000, 4400, now - 20),
                                      status(137, IndexPhase::RpcDown, std::nullopt, 50, std::nullopt)};
    const OverviewPage::Summary s = OverviewPage::summarize(chains, statuses, now);
    QCOMPARE(s.chains, 4);
    QCOMPARE(s.indexing, 3);
    QCOMPARE(s.down, 1);
    QCOMPARE(s.stalled, 0);
    QCOMPARE(s.paused, 1);
    // Worst is the furthest behind in time, not in blocks (Optimism's blocks are shorter).
    QCOMPARE(s.worstChainId, 1);
    QCOMPARE(s.worstChainName, QStringLiteral("mainnet"));
    QCOMPARE(s.worstLagBlocks, 2);
    QCOMPARE(s.worstLagSeconds, std::optional<qint64>(24));
}

void TstOverview::worstLagByBlocksWhenTimeIsUnknown()
{
    const QList<ChainStatus> statuses{status(1, IndexPhase::Live, 100, 90, std::nullopt), status(2, IndexPhase::Stalled, 100, 40, std::nullopt)};
    const OverviewPage::Summary s = OverviewPage::summarize({record(1, QStringLiteral("a")), record(2, QStringLiteral("b"))}, statuses, 0);
    QCOMPARE(s.stalled, 1);
    QCOMPARE(s.worstChainId, 2);
    QCOMPARE(s.worstLagBlocks, 60);
    QVERIFY(!s.worstLagSeconds);
}

void TstOverview::requestsPerProviderHost()
{
    const QString alchemy1 = QStringLiteral("https://eth-mainnet.g.alchemy.com/v2/${keychain:alchemy}");
    const QString alchemy2 = QStringLiteral("https://eth-mainnet.g.alchemy.com/v2/other");
    const QString local = QStringLiteral("http://user:pw@127.0.0.1:8545");
    const QList<ChainStatus> statuses{status(1, IndexPhase::Live, 1, 1, 0, {{alchemy1, 100, 3}, {local, 40, 0}}),
                                      status(2, IndexPhase::Live, 1, 1, 0, {{alchemy2, 50, 1}})};
    const auto load = OverviewPage::providerLoad(statuses);
    QCOMPARE(load.keys(), (QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("eth-mainnet.g.alchemy.com")}));
    QCOMPARE(load.value(QStringLiteral("eth-mainnet.g.alchemy.com")).requests, 150);
    QCOMPARE(load.value(QStringLiteral("eth-mainnet.g.alchemy.com")).failures, 4);
    QCOMPARE(load.value(QStringLiteral("127.0.0.1")).requests, 40);
}

void TstOverview::pageWithoutChains()
{
    EngineOptions options;   // not started: no chains, no statuses
    Engine engine(options);
    OverviewPage page(engine.chains(), engine.indexing(), engine.stats());
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("overviewDown"))->text(), QStringLiteral("0"));
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("overviewWorstLag"))->text(), QStringLiteral("–"));
    QVERIFY(page.chartedHosts().isEmpty());
    QVERIFY(page.cards().isEmpty());
}

void TstOverview::aCardPerChainThatOpensIt()
{
    // Two chains whose only endpoint refuses connections (a port just closed), one paused.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const QUrl dead(QStringLiteral("http://127.0.0.1:%1").arg(closed.serverPort()));
    closed.close();
    auto url = m_home.databaseUrl(QStringLiteral("overview.db"));
    QVERIFY(url);
    {
        auto store = Store::open(*url);
        QVERIFY(store);
        QVERIFY((*store)->migrate());
        for (const auto &[id, name] : {std::pair{qint64(71), QStringLiteral("down-chain")}, std::pair{qint64(72), QStringLiteral("resting")}}) {
            ChainConfig config;
            config.chainId = id;
            config.name = name;
            config.rpcUrls = {dead};
            config.startBlock = 0;
            EndpointRecord endpoint;
            endpoint.url = dead;
            QVERIFY(ChainRegistry(**store).registerChain(config, {endpoint}, evmEntities()));
        }
        // What an engine indexing "resting" recorded over the ten minutes before it was paused.
        QList<MetricSample> samples;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (qint64 t = now - 10 * 60000; t <= now - 60000; t += MetricsStore::SampleIntervalMs) {
            MetricSample sample;
            sample.chainId = 72;
            sample.sampledAt = t;
            sample.lagBlocks = 3;
            sample.lagSeconds = 30;
            sample.blocksPerSecond = 1;
            samples.append(sample);
        }
        QVERIFY(MetricsStore(**store).append(samples));
    }
    EngineOptions options = UiFixture::engineOptions(*url);
    options.indexing = true;
    auto [engine, started] = UiFixture::startEngine(options);
    QVERIFY(started);
    QTRY_COMPARE(engine->chains()->snapshot().size(), 2);
    ChainRef resting;
    resting.id = 72;
    QFuture<Status> paused = engine->chains()->setPaused(resting, true);
    QTRY_VERIFY(paused.isFinished());
    QVERIFY(paused.result());

    OverviewPage page(engine->chains(), engine->indexing(), engine->stats());
    page.resize(1280, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QTRY_COMPARE(page.cards().size(), 2);
    auto card = [&](qint64 id) -> ChainCard * {
        for (ChainCard *c : page.cards()) {
            if (c->chainId() == id)
                return c;
        }
        return nullptr;
    };
    QVERIFY(card(71) && card(72));
    QVERIFY(card(71)->isVisible() && card(72)->isVisible());
    QCOMPARE(card(71)->figures().name, QStringLiteral("down-chain"));
    // The paused chain says so, in the chain table's word, and that nobody here indexes it.
    QTRY_COMPARE(card(72)->figures().status, ChainListModel::statusText(ChainState::Paused, nullptr));
    QCOMPARE(card(72)->figures().lag, QStringLiteral("Not indexed by this console"));
    // Its line is what the database recorded, though nothing here records it now.
    QTRY_VERIFY(!card(72)->figures().lagSeconds.isEmpty());
    for (const QPointF &p : card(72)->figures().lagSeconds) {
        QCOMPARE(p.y(), 30.0);
        QVERIFY(p.x() >= double(card(72)->figures().fromMs));
    }
    // The chain whose endpoint refuses: down, with its head unknown, in the table's words.
    QTRY_VERIFY2_WITH_TIMEOUT(card(71)->figures().lag.startsWith(QStringLiteral("head unknown")), qPrintable(card(71)->figures().lag + u" / "_s + card(71)->figures().status), 8000);
    const QList<ChainStatus> statuses = engine->indexing()->chainStatuses();
    const auto down = std::find_if(statuses.begin(), statuses.end(), [](const ChainStatus &s) { return s.chainId == 71; });
    QVERIFY(down != statuses.end());
    QTRY_COMPARE_WITH_TIMEOUT(card(71)->figures().status, ChainListModel::statusText(ChainState::Active, &*down), 8000);
    QVERIFY(card(71)->figures().statusColor.isValid());
    QVERIFY2(card(71)->figures().endpoints.contains(QStringLiteral("1")), qPrintable(card(71)->figures().endpoints));

    QSignalSpy chosen(&page, &OverviewPage::chainChosen);
    QTest::mouseClick(card(71), Qt::LeftButton);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toLongLong(), 71);
    card(72)->setFocus();
    QTest::keyClick(card(72), Qt::Key_Return);
    QCOMPARE(chosen.size(), 2);
    QCOMPARE(chosen.last().first().toLongLong(), 72);

    // Deleted from the registry: its card goes.
    QFuture<Status> gone = engine->chains()->deleteChain(resting);
    QTRY_VERIFY_WITH_TIMEOUT(gone.isFinished(), 8000);
    QVERIFY(gone.result());
    QTRY_COMPARE_WITH_TIMEOUT(page.cards().size(), 1, 8000);
    QCOMPARE(page.cards().first()->chainId(), 71);
}

} // namespace tst_overview

ARBOR_TEST_MAIN(overview, tst_overview::TstOverview)
#include "tst_overview.moc"

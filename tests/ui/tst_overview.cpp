// The overview page offscreen: its figures from chain records and statuses (worst lag, chains
// down, stalled, paused, requests per provider) and the page built on an Engine.

#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "pages/overviewpage.h"
#include "testmain.h"

#include <QApplication>
#include <QLabel>
#include <QTest>

using namespace arbor;
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
    void summaryCountsAndWorstLag();
    void worstLagByBlocksWhenTimeIsUnknown();
    void requestsPerProviderHost();
    void pageWithoutChains();
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
    OverviewPage page(engine.chains(), engine.indexing());
    page.resize(1000, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("overviewDown"))->text(), QStringLiteral("0"));
    QCOMPARE(page.findChild<QLabel *>(QStringLiteral("overviewWorstLag"))->text(), QStringLiteral("–"));
    QVERIFY(page.chartedHosts().isEmpty());
}

} // namespace tst_overview

ARBOR_TEST_MAIN(overview, tst_overview::TstOverview)
#include "tst_overview.moc"

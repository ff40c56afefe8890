// The charts that read the aggregates kept at promotion, driven offscreen against a real Engine on
// a temporary SQLite file: the chain page's daily activity (ranges promoted across two UTC days
// the way indexing writes them) and the Triggers page's actions and registry events per hour
// (events counted by the trigger pass, attempts recorded as a delivery worker records them).

#include "charts/actionmetricspanel.h"
#include "charts/eventcountspanel.h"
#include "charts/networkstatspanel.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "engine/triggerservice.h"
#include "model/entitydef.h"
#include "pages/chaindetailpage.h"
#include "pages/triggerspage.h"
#include "store/chainregistry.h"
#include "store/indexbatch.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "store/triggerstore.h"
#include "testmain.h"
#include "testresults.h"
#include "testvalues.h"
#include "uifixture.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QLocale>
#include <QSplitter>
#include <QTabWidget>
#include <QGraphicsTextItem>
#include <QTest>
#include <QValueAxis>

#include <memory>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::addressOf;
using arbor::test::hashOf;
using arbor::test::why;
using arbor::ui::ActionMetricsPanel;
using arbor::ui::ChainDetailPage;
using arbor::ui::EventCountsPanel;
using arbor::ui::NetworkStatsPanel;
using arbor::ui::TriggersPage;

namespace tst_aggregatecharts {

namespace {

const int TimeoutMs = 20000;
const qint64 DayMs = 86400 * 1000LL;
const qint64 HourMs = 3600 * 1000LL;

/// Blocks [from, to] at `time(n)` (unix seconds): n % 3 + 1 transactions of 21,000 gas each, and
/// one transfer of token 1 from holder 2 to holder 3 + n % 4.
IndexBatch blocks(qint64 chainId, qint64 from, qint64 to, const std::function<qint64(qint64)> &time)
{
    IndexBatch b;
    b.chainId = chainId;
    b.from = from;
    b.to = to;
    b.tokens = {addressOf(1)};
    Hash parent = from == 0 ? Hash() : hashOf(from - 1);
    for (qint64 n = from; n <= to; ++n) {
        const qint64 txs = n % 3 + 1;
        b.headers.append(BlockHeader{n, hashOf(n), parent, time(n), txs, txs * 21000});
        b.transfers.append({n, 0, hashOf(n + 1000), addressOf(1), addressOf(2), addressOf(3 + int(n % 4)), U256(n + 1)});
        parent = hashOf(n);
    }
    return b;
}

AgentEvent agentEvent(qint64 block, RegistryKind kind, const QString &event)
{
    AgentEvent e;
    e.blockNumber = block;
    e.logIndex = 0;
    e.txHash = hashOf(block * 100 + 7);
    e.registry = addressOf(kind == RegistryKind::Identity ? 40 : 41);
    e.kind = kind;
    e.event = event;
    e.agentId = U256(5);
    e.actor = addressOf(60);
    if (kind == RegistryKind::Identity) {
        e.uri = QStringLiteral("ipfs://agent");
    } else {
        e.feedbackIndex = block;
        e.value = QStringLiteral("10");
        e.valueDecimals = 1;
        e.endpoint = QStringLiteral("https://agent.example/mcp");
    }
    return e;
}

/// A chain whose daily statistics count every block unless `stats` says otherwise.
Status registerChain(Store &store, qint64 chainId, const QString &name, BlockStats stats = BlockStats::Every)
{
    ChainConfig config;
    config.chainId = chainId;
    config.name = name;
    config.blockStats = stats;
    config.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:1"))};
    config.startBlock = 0;
    config.tokens = {addressOf(1)};
    EndpointRecord endpoint;
    endpoint.url = config.rpcUrls.first();
    endpoint.status = EndpointStatus::Ok;
    return ChainRegistry(store).registerChain(config, {endpoint}, evmEntities());
}

double valueAt(const QList<QPointF> &points, double x)
{
    for (const QPointF &p : points) {
        if (p.x() == x)
            return p.y();
    }
    return -1;
}

double total(const QList<QPointF> &points)
{
    double sum = 0;
    for (const QPointF &p : points)
        sum += p.y();
    return sum;
}

} // namespace

class TstAggregateCharts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dailyActivityShowsTheStoresDays();
    void dailyActivitySaysWhenNothingIsIndexed();
    void dailyActivityOfAChainCountingBlocksWithEventsOnly();
    void triggersPageShowsEventsAndAttemptsPerHour();

private:
    std::unique_ptr<Engine> startEngine(const QString &file);
    std::unique_ptr<Store> openStore(const QString &file);

    UiFixture m_home;
};

void TstAggregateCharts::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
}

std::unique_ptr<Engine> TstAggregateCharts::startEngine(const QString &file)
{
    auto url = m_home.databaseUrl(file);
    if (!url)
        qFatal("%s", why(url).constData());
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    if (!started)
        qFatal("%s", why(started).constData());
    return std::move(engine);
}

std::unique_ptr<Store> TstAggregateCharts::openStore(const QString &file)
{
    auto url = m_home.databaseUrl(file);
    if (!url)
        qFatal("%s", why(url).constData());
    auto store = Store::open(*url);
    if (!store)
        qFatal("%s", why(store).constData());
    return std::move(*store);
}

void TstAggregateCharts::dailyActivityShowsTheStoresDays()
{
    const qint64 chainId = 66;
    const QString file = QStringLiteral("daily.db");
    std::unique_ptr<Engine> engine = startEngine(file);
    std::unique_ptr<Store> store = openStore(file);
    QVERIFY(registerChain(*store, chainId, QStringLiteral("daily")));

    // Blocks 0–14 yesterday (UTC), 15–24 today; the second range spans midnight.
    const qint64 today = QDateTime::currentSecsSinceEpoch() / 86400;
    auto time = [today](qint64 n) { return n < 15 ? (today - 1) * 86400 + 3600 + n * 60 : today * 86400 + (n - 15); };
    auto first = IndexStore(*store).promote(blocks(chainId, 0, 9, time), evmEntities());
    QVERIFY2(first, why(first).constData());
    auto second = IndexStore(*store).promote(blocks(chainId, 10, 24, time), evmEntities());
    QVERIFY2(second, why(second).constData());
    auto stored = IndexStore(*store).networkStats(chainId, today - 29);
    QVERIFY2(stored, why(stored).constData());
    QCOMPARE(stored->size(), 2);
    QCOMPARE(stored->at(0).day, today - 1);
    QCOMPARE(stored->at(0).blocks, 15);
    QCOMPARE(stored->at(1).blocks, 10);
    engine->chains()->refreshSnapshot();

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    page.resize(1100, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.showChain(chainId);
    NetworkStatsPanel *daily = page.dailyStats();
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("chainDetailTabs"));
    QCOMPARE(tabs->tabText(tabs->indexOf(daily)), QStringLiteral("Daily activity"));
    tabs->setCurrentWidget(daily);

    // Two days, each point the store's figure of that day; one piece, the days follow each other.
    QTRY_COMPARE_WITH_TIMEOUT(daily->shownDays().size(), 2, TimeoutMs);
    QVERIFY(daily->emptyText().isEmpty());
    QCOMPARE(daily->days(), NetworkStatsPanel::DefaultDays);
    for (const NetworkDay &day : std::as_const(*stored)) {
        QCOMPARE(valueAt(daily->points(NetworkStatsPanel::TransactionsLine), double(day.day)), double(day.transactions));
        QCOMPARE(valueAt(daily->points(NetworkStatsPanel::TransfersLine), double(day.day)), double(day.transfers));
        QCOMPARE(valueAt(daily->points(NetworkStatsPanel::HoldersLine), double(day.day)), double(day.activeHolders));
    }
    QCOMPARE(daily->points(NetworkStatsPanel::TransactionsLine).size(), 2);
    QCOMPARE(daily->segmentCount(NetworkStatsPanel::TransactionsLine), 1);
    // Two days of figures in a 30-day range: the chart spans the last week, not 28 empty days.
    auto *days = qobject_cast<QCategoryAxis *>(daily->findChild<QChartView *>()->chart()->axes(Qt::Horizontal).first());
    QVERIFY(days);
    QCOMPARE(days->min(), double(stored->last().day - NetworkStatsPanel::MinSpanDays + 1) - 0.5);
    // Counts read as whole numbers ("2.000", not "2.000,0").
    auto *counts = qobject_cast<QValueAxis *>(daily->findChild<QChartView *>()->chart()->axes(Qt::Vertical).first());
    QVERIFY(counts);
    QCOMPARE(counts->labelFormat(), QStringLiteral("%.0f"));
    auto drawn = [daily] {
        QStringList texts;
        for (QGraphicsItem *item : daily->findChild<QChartView *>()->scene()->items()) {
            if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
                texts.append(text->toPlainText());
        }
        return texts;
    };
    QTRY_VERIFY2(drawn().contains(QStringLiteral("0")) && !drawn().contains(QStringLiteral("0.0")), qPrintable(drawn().join(QStringLiteral(" | "))));
    // Yesterday: 15 transfers to holders 3–6 from holder 2, five holders; today 10 transfers.
    QCOMPARE(stored->at(0).transfers, 15);
    QCOMPARE(stored->at(0).activeHolders, 5);
    QCOMPARE(stored->at(1).transfers, 10);
    QVERIFY2(daily->summary().contains(QStringLiteral("25 blocks")), qPrintable(daily->summary()));
    QVERIFY(daily->points(NetworkStatsPanel::GasLine).isEmpty());

    // Hovering today's point: its figures with the locale's separators, marked as so far.
    const QString readOut = daily->readOut(today);
    QVERIFY2(readOut.contains(QStringLiteral("so far")), qPrintable(readOut));
    QVERIFY2(readOut.contains(QStringLiteral("Transactions: %1").arg(stored->at(1).transactions)), qPrintable(readOut));
    QVERIFY2(readOut.contains(QStringLiteral("Gas used: %1").arg(QLocale().toString(stored->at(1).gasUsed))), qPrintable(readOut));
    QVERIFY(QLocale().toString(stored->at(1).gasUsed).contains(u','));
    QVERIFY(daily->readOut(today - 5).isEmpty());
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY2(daily->readOut(today).contains(QLocale().toString(stored->at(1).gasUsed)), qPrintable(daily->readOut(today)));
    QVERIFY(QLocale().toString(stored->at(1).gasUsed).contains(u'.'));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    // Gas used on an axis of its own, in the unit that axis names.
    daily->gasCheckBox()->setChecked(true);
    QCOMPARE(daily->points(NetworkStatsPanel::GasLine).size(), 2);
    QCOMPARE(daily->gasAxisTitle(), QStringLiteral("Gas used per day (kgas)"));
    QCOMPARE(valueAt(daily->points(NetworkStatsPanel::GasLine), double(today - 1)), double(stored->at(0).gasUsed) / 1000);

    // A shorter window still holds both days; the picker offers 7, 30 and 90 days.
    QCOMPARE(daily->rangePicker()->count(), 3);
    daily->rangePicker()->setCurrentIndex(0);
    QCOMPARE(daily->days(), 7);
    QTRY_VERIFY_WITH_TIMEOUT(daily->summary().startsWith(QStringLiteral("Last 7 day")), TimeoutMs);
    QCOMPARE(daily->shownDays().size(), 2);

    // A promotion of the chain: the chart follows, today's transactions grow.
    auto third = IndexStore(*store).promote(blocks(chainId, 25, 29, time), evmEntities());
    QVERIFY2(third, why(third).constData());
    auto grown = IndexStore(*store).networkStats(chainId, today);
    QVERIFY2(grown, why(grown).constData());
    QCOMPARE(grown->first().blocks, 15);
    Q_EMIT engine->indexing()->chainPromoted(chainId, 25, 29, 29);
    QTRY_COMPARE_WITH_TIMEOUT(valueAt(daily->points(NetworkStatsPanel::TransactionsLine), double(today)), double(grown->first().transactions),
                              TimeoutMs);
    QCOMPARE(daily->shownDays().last().blocks, 15);

    // No chain shown: the chart says so instead of showing the last one's days.
    page.showChain(0);
    QCOMPARE(daily->emptyText(), QStringLiteral("No chain selected."));
    QVERIFY(daily->points(NetworkStatsPanel::TransactionsLine).isEmpty());
}

void TstAggregateCharts::dailyActivityOfAChainCountingBlocksWithEventsOnly()
{
    // Block statistics "events": the day's transfers and holders are drawn, its transactions and
    // gas are not (they would count the fetched blocks only), and the panel says why.
    const qint64 chainId = 68;
    const QString file = QStringLiteral("events.db");
    std::unique_ptr<Engine> engine = startEngine(file);
    std::unique_ptr<Store> store = openStore(file);
    QVERIFY(registerChain(*store, chainId, QStringLiteral("events"), BlockStats::Events));
    const qint64 today = QDateTime::currentSecsSinceEpoch() / 86400;
    auto time = [today](qint64 n) { return today * 86400 + n; };
    auto promoted = IndexStore(*store).promote(blocks(chainId, 0, 9, time), evmEntities());
    QVERIFY2(promoted, why(promoted).constData());
    auto stored = IndexStore(*store).networkStats(chainId, today - 29);
    QVERIFY2(stored && stored->size() == 1, stored ? "not one day" : why(stored).constData());
    QVERIFY(!stored->first().blocksCounted);
    engine->chains()->refreshSnapshot();

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    page.resize(1100, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.showChain(chainId);
    NetworkStatsPanel *daily = page.dailyStats();
    page.findChild<QTabWidget *>(QStringLiteral("chainDetailTabs"))->setCurrentWidget(daily);
    QTRY_COMPARE_WITH_TIMEOUT(daily->shownDays().size(), 1, TimeoutMs);
    QCOMPARE(valueAt(daily->points(NetworkStatsPanel::TransfersLine), double(today)), double(stored->first().transfers));
    QVERIFY(daily->points(NetworkStatsPanel::TransactionsLine).isEmpty());
    daily->gasCheckBox()->setChecked(true);
    QVERIFY(daily->points(NetworkStatsPanel::GasLine).isEmpty());
    QVERIFY2(daily->summary().contains(QStringLiteral("not counted")) && !daily->summary().contains(QStringLiteral("blocks,")),
             qPrintable(daily->summary()));
    QVERIFY2(daily->readOut(today).contains(QStringLiteral("Transactions: not counted")), qPrintable(daily->readOut(today)));
}

void TstAggregateCharts::dailyActivitySaysWhenNothingIsIndexed()
{
    const qint64 chainId = 67;
    const QString file = QStringLiteral("empty.db");
    std::unique_ptr<Engine> engine = startEngine(file);
    std::unique_ptr<Store> store = openStore(file);
    QVERIFY(registerChain(*store, chainId, QStringLiteral("fresh")));
    // Indexed, but long ago: nothing of the last 30 days.
    auto old = IndexStore(*store).promote(blocks(chainId, 0, 4, [](qint64 n) { return 1700000000 + n * 12; }), evmEntities());
    QVERIFY2(old, why(old).constData());
    engine->chains()->refreshSnapshot();

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    page.resize(1100, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.showChain(chainId);
    NetworkStatsPanel *daily = page.dailyStats();
    page.findChild<QTabWidget *>(QStringLiteral("chainDetailTabs"))->setCurrentWidget(daily);
    QTRY_VERIFY_WITH_TIMEOUT(daily->emptyText().startsWith(QStringLiteral("No blocks of this chain from the last 30 day")), TimeoutMs);
    QVERIFY(daily->shownDays().isEmpty());
    QVERIFY(daily->summary().isEmpty());

    // The 90-day window does not reach back to November 2023 either.
    daily->setDays(90);
    QCOMPARE(daily->rangePicker()->currentData().toInt(), 90);
    QTRY_VERIFY_WITH_TIMEOUT(daily->emptyText().startsWith(QStringLiteral("No blocks of this chain from the last 90 day")), TimeoutMs);
}

void TstAggregateCharts::triggersPageShowsEventsAndAttemptsPerHour()
{
    const qint64 chainId = 31337;
    const qint64 quietChain = 5;
    const QString file = QStringLiteral("triggers.db");
    std::unique_ptr<Engine> engine = startEngine(file);
    std::unique_ptr<Store> store = openStore(file);
    QVERIFY(registerChain(*store, chainId, QStringLiteral("devnet")));
    QVERIFY(registerChain(*store, quietChain, QStringLiteral("quiet")));

    // A webhook and an MCP call for every NewFeedback, from the start block on.
    TriggerDef def;
    def.name = QStringLiteral("feedback");
    def.chainId = chainId;
    def.registry = RegistryKind::Reputation;
    Condition newFeedback;
    newFeedback.type = ConditionType::EventTypeEquals;
    newFeedback.event = QStringLiteral("NewFeedback");
    def.conditions = {newFeedback};
    Action rest;
    rest.type = ActionType::Rest;
    rest.url = QStringLiteral("http://127.0.0.1:9/hook");
    Action mcp;
    mcp.type = ActionType::Mcp;
    mcp.priority = 2;
    mcp.url = QStringLiteral("http://127.0.0.1:9/mcp");
    mcp.tool = QStringLiteral("agent.receiveFeedback");
    def.actions = {rest, mcp};
    auto added = TriggerStore(*store).addTrigger(def);
    QVERIFY2(added, why(added).constData());

    // Blocks 0–4 two hours ago with three feedbacks, 5–9 this hour with one feedback and one
    // registration.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 thisHour = now - now % HourMs;
    const qint64 earlier = thisHour - 2 * HourMs;
    IndexBatch batch = blocks(chainId, 0, 9, [&](qint64 n) { return (n < 5 ? earlier : thisHour) / 1000 + n; });
    batch.agentEvents = {agentEvent(1, RegistryKind::Reputation, QStringLiteral("NewFeedback")),
                         agentEvent(2, RegistryKind::Reputation, QStringLiteral("NewFeedback")),
                         agentEvent(3, RegistryKind::Reputation, QStringLiteral("NewFeedback")),
                         agentEvent(6, RegistryKind::Reputation, QStringLiteral("NewFeedback")),
                         agentEvent(7, RegistryKind::Identity, QStringLiteral("Registered"))};
    auto promoted = IndexStore(*store).promote(batch, evmEntities());
    QVERIFY2(promoted, why(promoted).constData());
    auto run = TriggerStore(*store).evaluate(chainId, 9);
    QVERIFY2(run, why(run).constData());
    QCOMPARE(run->deliveries, 8);

    // The webhooks were sent two hours ago (one failed for good), the MCP calls now.
    TriggerStore triggers(*store);
    auto claimed = triggers.claimDue(QStringLiteral("test-worker"), QDateTime::currentMSecsSinceEpoch(), 100, 60000);
    QVERIFY2(claimed, why(claimed).constData());
    QCOMPARE(claimed->size(), 8);
    QList<DeliveryAttempt> attempts;
    int webhooks = 0;
    for (const ClaimedDelivery &d : std::as_const(*claimed)) {
        DeliveryAttempt a;
        a.deliveryId = d.id;
        a.holder = QStringLiteral("test-worker");
        if (d.action.type == ActionType::Rest) {
            ++webhooks;
            a.at = earlier + 10 * 60000;
            a.durationMs = 100 * webhooks;
            a.outcome = webhooks == 4 ? DeliveryAttempt::Outcome::Fail : DeliveryAttempt::Outcome::Success;
        } else {
            a.at = now;
            a.durationMs = 40;
        }
        attempts.append(a);
    }
    QVERIFY(triggers.recordAttempts(attempts));
    auto metrics = triggers.actionMetrics(earlier);
    QVERIFY2(metrics, why(metrics).constData());
    QCOMPARE(metrics->size(), 2);
    auto counts = triggers.eventCounts(earlier);
    QVERIFY2(counts, why(counts).constData());

    TriggersPage page(engine.get()->triggers(), engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    page.resize(1200, 800);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("triggersTabs"));
    auto *hourly = page.findChild<QSplitter *>(QStringLiteral("hourlyCharts"));
    QVERIFY(tabs && hourly);
    QCOMPARE(tabs->tabText(tabs->indexOf(hourly)), QStringLiteral("Per Hour"));
    tabs->setCurrentWidget(hourly);
    auto *actions = page.findChild<ActionMetricsPanel *>();
    auto *events = page.findChild<EventCountsPanel *>();
    QVERIFY(actions && events);

    // Events per hour by registry: the counts the trigger pass wrote.
    QTRY_COMPARE_WITH_TIMEOUT(events->lineNames(), (QStringList{QStringLiteral("Identity"), QStringLiteral("Reputation")}), TimeoutMs);
    QCOMPARE(valueAt(events->points(QStringLiteral("Reputation")), double(earlier)), 3.0);
    QCOMPARE(valueAt(events->points(QStringLiteral("Reputation")), double(thisHour)), 1.0);
    QCOMPARE(valueAt(events->points(QStringLiteral("Identity")), double(thisHour)), 1.0);
    QCOMPARE(total(events->points(QStringLiteral("Identity"))), 1.0);
    QCOMPARE(events->points(QStringLiteral("Reputation")).size(), 24);   // every hour, zero where none
    double stored = 0;
    for (const EventCountHour &c : std::as_const(*counts))
        stored += double(c.count);
    QCOMPARE(total(events->points(QStringLiteral("Reputation"))) + total(events->points(QStringLiteral("Identity"))), stored);
    QVERIFY2(events->summary().contains(QStringLiteral("Reputation 4")), qPrintable(events->summary()));
    // By event type, and one chain at a time.
    events->setGrouping(EventCountsPanel::ByEventType);
    QCOMPARE(events->lineNames(), (QStringList{QStringLiteral("NewFeedback"), QStringLiteral("Registered")}));
    QCOMPARE(total(events->points(QStringLiteral("NewFeedback"))), 4.0);
    QTRY_COMPARE_WITH_TIMEOUT(events->chainPicker()->count(), 3, TimeoutMs);   // every chain, and each of the two
    events->setChain(quietChain);
    QTRY_VERIFY_WITH_TIMEOUT(events->lineNames().isEmpty(), TimeoutMs);
    QCOMPARE(events->summary(), QStringLiteral("No registry events in the last 24 hours."));
    events->setChain(chainId);
    QTRY_COMPARE_WITH_TIMEOUT(total(events->points(QStringLiteral("NewFeedback"))), 4.0, TimeoutMs);

    // Actions per hour: successes and failures of every type, durations of the hour.
    QTRY_COMPARE_WITH_TIMEOUT(total(actions->points(ActionMetricsPanel::SuccessLine)), 7.0, TimeoutMs);
    QCOMPARE(valueAt(actions->points(ActionMetricsPanel::SuccessLine), double(earlier)), 3.0);
    QCOMPARE(valueAt(actions->points(ActionMetricsPanel::FailureLine), double(earlier)), 1.0);
    QCOMPARE(valueAt(actions->points(ActionMetricsPanel::SuccessLine), double(thisHour)), 4.0);
    QCOMPARE(actions->points(ActionMetricsPanel::SuccessLine).size(), 24);
    for (const ActionMetricsHour &m : std::as_const(*metrics)) {
        QCOMPARE(valueAt(actions->points(ActionMetricsPanel::AverageLine), double(m.hour)), m.averageMs);
        QCOMPARE(valueAt(actions->points(ActionMetricsPanel::P95Line), double(m.hour)), double(*m.p95Ms));
    }
    QCOMPARE(valueAt(actions->points(ActionMetricsPanel::AverageLine), double(earlier)), 250.0);   // 100, 200, 300, 400 ms
    QCOMPARE(actions->points(ActionMetricsPanel::AverageLine).size(), 2);   // no duration in hours without attempts
    QVERIFY2(actions->summary().contains(QStringLiteral("8 attempt")), qPrintable(actions->summary()));
    const QString readOut = actions->readOut(earlier + 30 * 60000);
    QVERIFY2(readOut.contains(QStringLiteral("Failed: 1")) && readOut.contains(QStringLiteral("Slowest: 400 ms")), qPrintable(readOut));
    // One type: the MCP calls alone.
    actions->setActionType(ActionType::Mcp);
    QCOMPARE(actions->typePicker()->currentIndex(), 3);
    QCOMPARE(total(actions->points(ActionMetricsPanel::SuccessLine)), 4.0);
    QCOMPARE(total(actions->points(ActionMetricsPanel::FailureLine)), 0.0);
    QCOMPARE(actions->points(ActionMetricsPanel::AverageLine), (QList<QPointF>{QPointF(double(thisHour), 40.0)}));

    // Seven days: the same attempts, an hour for each of 168.
    actions->rangePicker()->setCurrentIndex(1);
    QCOMPARE(actions->hours(), 7 * 24);
    QTRY_COMPARE_WITH_TIMEOUT(actions->points(ActionMetricsPanel::SuccessLine).size(), 7 * 24, TimeoutMs);
    QCOMPARE(total(actions->points(ActionMetricsPanel::SuccessLine)), 4.0);

    // An attempt recorded elsewhere (the failed webhook resent, failing again now): the chart
    // follows once the engine says deliveries changed.
    actions->setActionType(std::nullopt);
    QCOMPARE(total(actions->points(ActionMetricsPanel::FailureLine)), 1.0);
    ResultFilter failedOnes;
    failedOnes.status = DeliveryStatus::Failed;
    auto failed = triggers.results(failedOnes);
    QVERIFY2(failed, why(failed).constData());
    QCOMPARE(failed->size(), 1);
    auto resent = triggers.resend(failed->first().id);
    QVERIFY2(resent, why(resent).constData());
    auto again = triggers.claimDue(QStringLiteral("test-worker"), QDateTime::currentMSecsSinceEpoch(), 100, 60000);
    QVERIFY2(again, why(again).constData());
    QCOMPARE(again->size(), 1);
    DeliveryAttempt retry;
    retry.deliveryId = again->first().id;
    retry.holder = QStringLiteral("test-worker");
    retry.outcome = DeliveryAttempt::Outcome::Fail;
    retry.httpStatus = 500;
    retry.durationMs = 70;
    retry.error = QStringLiteral("HTTP 500 from the receiver");
    QVERIFY(triggers.recordAttempts({retry}));
    Q_EMIT engine->triggers()->deliveriesChanged();
    QTRY_COMPARE_WITH_TIMEOUT(total(actions->points(ActionMetricsPanel::FailureLine)), 2.0, TimeoutMs);
    QVERIFY2(actions->summary().contains(QStringLiteral("9 attempt")), qPrintable(actions->summary()));
}

} // namespace tst_aggregatecharts

ARBOR_TEST_MAIN(aggregatecharts, tst_aggregatecharts::TstAggregateCharts)
#include "tst_aggregatecharts.moc"

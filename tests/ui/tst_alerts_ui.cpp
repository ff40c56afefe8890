// Alerts and index progress as an operator sees them, offscreen against real Engines on SQLite:
// alerts of a paused or deleted chain clear in the panel and the status bar alike, a chain
// whose node does not serve the next block is "stalled" with why (never "rpc down"), and a
// live chain never shows its newest blocks as a gap.

#include "desktopnotifier.h"
#include "devnet.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "fakenode.h"
#include "mainwindow.h"
#include "model/entitydef.h"
#include "models/chainlistmodel.h"
#include "pages/chaindetailpage.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "timetext.h"
#include "triggers/alerttext.h"
#include "uifixture.h"
#include "widgets/indexprogressbar.h"
#include "widgets/indexprogresspanel.h"
#include "widgets/logpanel.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <memory>

using namespace arbor;
using arbor::test::Devnet;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::why;
using arbor::ui::ChainDetailPage;
using arbor::ui::ChainListModel;
using arbor::ui::IndexProgressBar;
using arbor::ui::LogPanel;
using arbor::ui::MainWindow;

Q_DECLARE_METATYPE(QList<arbor::IndexRange>)

namespace tst_alerts_ui {

namespace {

const int EngineTimeoutMs = 30000;

// Registers a chain on the engine's database, as ChainService::addChain does minus the probes.
Status registerChain(const DatabaseUrl &url, qint64 chainId, const QString &name, const QUrl &rpc)
{
    auto store = Store::open(url);
    if (!store)
        return store.error();
    ChainConfig config;
    config.chainId = chainId;
    config.name = name;
    config.rpcUrls = {rpc};
    config.startBlock = 0;
    config.pollIntervalMs = 300;
    EndpointRecord endpoint;
    endpoint.url = rpc;
    endpoint.status = EndpointStatus::Unknown;
    if (auto registered = ChainRegistry(**store).registerChain(config, {endpoint}, evmEntities()); !registered)
        return registered.error();
    if (auto tables = (*store)->reconcileEntityTables(evmEntities()); !tables)
        return tables.error();
    return {};
}

// The window's alerts, as the status bar counts them and the panel shows them.
struct AlertsShown
{
    QPushButton *button = nullptr;
    LogPanel *panel = nullptr;
    AlertMonitor *monitor = nullptr;

    int counted() const
    {
        const QString text = button->text();
        return text == u"No alerts" ? 0 : text.section(QLatin1Char(' '), 0, 0).toInt();
    }
    bool agree() const
    {
        return counted() == panel->activeAlertCount() && counted() == int(monitor->activeAlerts().size());
    }
    QString describe() const
    {
        return QStringLiteral("status bar “%1”, panel %2 active, monitor %3 active")
            .arg(button->text())
            .arg(panel->activeAlertCount())
            .arg(monitor->activeAlerts().size());
    }
};

} // namespace

class TstAlertsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void progressBarCountsNoGapAtTheHead_data();
    void progressBarCountsNoGapAtTheHead();
    void alertsOfPausedAndDeletedChainsClear();
    void statusBarTrayAndPanelCountAlike();
    void chainWhoseNodeLacksTheBlockIsStalledNotDown();
    void liveChainShowsNoGapForNewBlocks();
    void aContinuedAlertShowsWhenItWasFirstRaised();

private:
    std::unique_ptr<Engine> startEngine(const QString &file, qint64 stallAfterMs = 120000);

    UiFixture m_home;
};

void TstAlertsUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
    qRegisterMetaType<QList<IndexRange>>();
}

std::unique_ptr<Engine> TstAlertsUi::startEngine(const QString &file, qint64 stallAfterMs)
{
    auto url = m_home.databaseUrl(file);
    if (!url)
        qFatal("%s", why(url).constData());
    EngineOptions options = UiFixture::engineOptions(*url);
    options.statusIntervalMs = 200;
    options.indexing = true;
    options.lease = EngineOptions::Lease::Required;
    options.indexer.healthSaveIntervalMs = 300;
    options.indexer.workPollIntervalMs = 500;
    options.indexer.stallAfterMs = stallAfterMs;
    options.indexer.rpc.timeoutMs = 3000;
    auto [engine, started] = UiFixture::startEngine(options);
    if (!started)
        qFatal("%s", why(started).constData());
    return std::move(engine);
}

void TstAlertsUi::progressBarCountsNoGapAtTheHead_data()
{
    QTest::addColumn<QList<IndexRange>>("ranges");
    QTest::addColumn<qint64>("checkpoint");
    QTest::addColumn<qint64>("rangesCheckpoint");   // -2: not known
    QTest::addColumn<QList<IndexRange>>("shown");
    QTest::addColumn<QList<IndexRange>>("gaps");
    using L = QList<IndexRange>;
    // Read at 120; the head scan promoted 121 and 122 since: indexed, no gap.
    QTest::newRow("two new head blocks") << L{{0, 120}} << qint64(122) << qint64(120) << L{{0, 122}} << L{};
    QTest::newRow("read at the checkpoint") << L{{0, 122}} << qint64(122) << qint64(122) << L{{0, 122}} << L{};
    // A hole below where the ranges were read stays a gap.
    QTest::newRow("real gap stays") << L{{0, 9}, {20, 120}} << qint64(122) << qint64(120) << L{{0, 9}, {20, 122}} << L{{10, 19}};
    // Nothing was indexed when they were read: all promoted since.
    QTest::newRow("first read before the first promotion") << L{} << qint64(5) << qint64(-1) << L{{0, 5}} << L{};
    // Not known when they were read: below the checkpoint, what is missing is a gap.
    QTest::newRow("read time unknown") << L{{0, 120}} << qint64(122) << qint64(-2) << L{{0, 120}} << L{{121, 122}};
}

void TstAlertsUi::progressBarCountsNoGapAtTheHead()
{
    QFETCH(QList<IndexRange>, ranges);
    QFETCH(qint64, checkpoint);
    QFETCH(qint64, rangesCheckpoint);
    IndexProgressBar bar;
    const std::optional<qint64> readAt = rangesCheckpoint == -2 ? std::nullopt : std::optional<qint64>(rangesCheckpoint);
    bar.setProgress(ranges, 0, checkpoint + 3, checkpoint, readAt);
    QTEST(bar.ranges(), "shown");
    QTEST(bar.gaps(), "gaps");
    QCOMPARE(bar.toolTip().contains(u"gap"), !bar.gaps().isEmpty());
}

void TstAlertsUi::alertsOfPausedAndDeletedChainsClear()
{
    const qint64 chainId = 4242;
    std::unique_ptr<Engine> engine = startEngine(QStringLiteral("pause.db"));
    MainWindow window(engine.get());
    AlertPolicy policy = window.alertMonitor()->policy();
    policy.raiseAfterMs = 0;
    policy.clearAfterMs = 3600000;   // only forgetting the chain clears its alert in this test
    window.alertMonitor()->setPolicy(policy);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    AlertsShown shown{window.findChild<QPushButton *>(QStringLiteral("alertsButton")), window.findChild<LogPanel *>(QStringLiteral("logPanel")),
                      window.alertMonitor()};
    QVERIFY(shown.button && shown.panel);
    // Whenever anything about the alerts changes, the status bar and the panel agree.
    QStringList disagreements;
    auto check = [&] {
        if (!shown.agree())
            disagreements.append(shown.describe());
    };
    connect(window.alertMonitor(), &AlertMonitor::alertRaised, this, check, Qt::QueuedConnection);
    connect(window.alertMonitor(), &AlertMonitor::alertCleared, this, check, Qt::QueuedConnection);
    connect(engine.get()->chains(), &ChainService::chainsChanged, this, check, Qt::QueuedConnection);
    connect(engine.get()->indexing(), &IndexingService::chainStatusChanged, this, check, Qt::QueuedConnection);

    // Nothing answers at the chain's only endpoint: all endpoints down.
    auto url = m_home.databaseUrl(QStringLiteral("pause.db"));
    QVERIFY2(url, why(url).constData());
    const Status registered = registerChain(*url, chainId, QStringLiteral("unreachable"), QUrl(QStringLiteral("http://127.0.0.1:1")));
    QVERIFY2(registered, why(registered).constData());
    engine->chains()->refreshSnapshot();
    QTRY_COMPARE_WITH_TIMEOUT(shown.button->text(), QStringLiteral("1 alert(s)"), EngineTimeoutMs);
    QCOMPARE(shown.panel->activeAlertCount(), 1);
    QCOMPARE(window.alertMonitor()->activeAlerts().first().kind, Alert::Kind::RpcDown);
    auto *list = window.findChild<QTreeWidget *>(QStringLiteral("alertList"));
    QVERIFY(list);
    QVERIFY2(list->topLevelItem(0)->text(1).contains(u"unreachable"), qPrintable(list->topLevelItem(0)->text(1)));

    // Paused: the alert clears at once, in the panel and the status bar.
    const Status paused = waitFor(engine->chains()->setPaused(ChainRef{chainId, {}}, true));
    QVERIFY2(paused, why(paused).constData());
    QTRY_COMPARE_WITH_TIMEOUT(shown.button->text(), QStringLiteral("No alerts"), EngineTimeoutMs);
    QCOMPARE(shown.panel->activeAlertCount(), 0);
    QVERIFY2(list->topLevelItem(0)->text(2).startsWith(u"cleared"), qPrintable(list->topLevelItem(0)->text(2)));
    // And stays so while it is paused.
    QTest::qWait(1500);
    QCOMPARE(shown.button->text(), QStringLiteral("No alerts"));

    // Resumed, still unreachable: alerted again.
    const Status resumed = waitFor(engine->chains()->setPaused(ChainRef{chainId, {}}, false));
    QVERIFY2(resumed, why(resumed).constData());
    QTRY_COMPARE_WITH_TIMEOUT(shown.button->text(), QStringLiteral("1 alert(s)"), EngineTimeoutMs);
    QCOMPARE(shown.panel->activeAlertCount(), 1);

    // Deleted: cleared, and nothing about it comes back.
    const Status deleted = waitFor(engine->chains()->deleteChain(ChainRef{chainId, {}}));
    QVERIFY2(deleted, why(deleted).constData());
    QTRY_COMPARE_WITH_TIMEOUT(shown.button->text(), QStringLiteral("No alerts"), EngineTimeoutMs);
    QCOMPARE(shown.panel->activeAlertCount(), 0);
    QTest::qWait(1500);
    QCOMPARE(shown.button->text(), QStringLiteral("No alerts"));
    QVERIFY(window.alertMonitor()->activeAlerts().isEmpty());

    QVERIFY2(disagreements.isEmpty(), qPrintable(disagreements.join(u"; ")));
    window.close();
}

// Two chains whose nodes do not answer, one alert acknowledged: the status bar, the tray's
// tooltip and the alerts panel say the same, two active of which one acknowledged.
void TstAlertsUi::statusBarTrayAndPanelCountAlike()
{
    std::unique_ptr<Engine> engine = startEngine(QStringLiteral("counts.db"));
    MainWindow window(engine.get());
    AlertPolicy policy = window.alertMonitor()->policy();
    policy.raiseAfterMs = 0;
    policy.clearAfterMs = 3600000;
    window.alertMonitor()->setPolicy(policy);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *button = window.findChild<QPushButton *>(QStringLiteral("alertsButton"));
    auto *panel = window.findChild<LogPanel *>(QStringLiteral("logPanel"));
    auto *list = window.findChild<QTreeWidget *>(QStringLiteral("alertList"));
    auto *acknowledge = window.findChild<QPushButton *>(QStringLiteral("acknowledgeAlertButton"));
    QVERIFY(button && panel && list && acknowledge);

    auto url = m_home.databaseUrl(QStringLiteral("counts.db"));
    QVERIFY2(url, why(url).constData());
    for (qint64 chainId : {4301, 4302}) {
        const Status registered = registerChain(*url, chainId, QStringLiteral("dark %1").arg(chainId), QUrl(QStringLiteral("http://127.0.0.1:1")));
        QVERIFY2(registered, why(registered).constData());
    }
    engine->chains()->refreshSnapshot();
    QTRY_COMPARE_WITH_TIMEOUT(button->text(), QStringLiteral("2 alert(s)"), EngineTimeoutMs);
    QCOMPARE(window.notifier()->summary(), QStringLiteral("Arbor — 2 chain(s), 2 alert(s)"));
    QCOMPARE(panel->alertsTabText(), QStringLiteral("Alerts — 2 alert(s)"));

    // Acknowledge the newest: still active, counted as acknowledged everywhere.
    list->setCurrentItem(list->topLevelItem(0));
    QVERIFY(acknowledge->isEnabled());
    QTest::mouseClick(acknowledge, Qt::LeftButton);
    const QString said = QStringLiteral("2 alert(s) (1 acknowledged)");
    QTRY_COMPARE_WITH_TIMEOUT(button->text(), said, EngineTimeoutMs);
    QCOMPARE(window.notifier()->summary(), QStringLiteral("Arbor — 2 chain(s), ") + said);
    QCOMPARE(panel->alertsTabText(), QStringLiteral("Alerts — ") + said);
    QCOMPARE(panel->alertCounts(), (AlertCounts{2, 1}));
    QCOMPARE(window.alertMonitor()->counts(), (AlertCounts{2, 1}));
    // Still so after the console's next ticks re-read the monitor.
    QTest::qWait(1500);
    QCOMPARE(button->text(), said);
    QCOMPARE(panel->alertsTabText(), QStringLiteral("Alerts — ") + said);
    QCOMPARE(window.notifier()->summary(), QStringLiteral("Arbor — 2 chain(s), ") + said);
    for (const Alert &alert : window.alertMonitor()->activeAlerts()) {
        QVERIFY2(!alert.text.contains(u"[0]") && !alert.title.contains(u"down"), qPrintable(alert.title + u' ' + alert.text));
        QVERIFY2(alert.title.startsWith(u"No node of dark "), qPrintable(alert.title));
    }
    window.close();
}

void TstAlertsUi::chainWhoseNodeLacksTheBlockIsStalledNotDown()
{
    // A reachable node that reports head 1000 but answers null for every block.
    FakeNode node;
    node.head = 1000;
    node.answers.insert(QStringLiteral("eth_getBlockByNumber"), [](const QJsonArray &) { return FakeNode::Answer(QJsonValue::Null); });
    QVERIFY(node.listen());

    const qint64 chainId = 4343;
    std::unique_ptr<Engine> engine = startEngine(QStringLiteral("behind.db"), /*stallAfterMs*/ 2000);
    MainWindow window(engine.get());
    AlertPolicy policy = window.alertMonitor()->policy();
    policy.raiseAfterMs = 0;
    window.alertMonitor()->setPolicy(policy);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto url = m_home.databaseUrl(QStringLiteral("behind.db"));
    QVERIFY2(url, why(url).constData());
    const Status registered = registerChain(*url, chainId, QStringLiteral("behind"), node.url());
    QVERIFY2(registered, why(registered).constData());
    engine->chains()->refreshSnapshot();

    // Every status the engine reports on the way: never "rpc down", never a JSON path.
    QStringList seen;
    connect(engine.get()->indexing(), &IndexingService::chainStatusChanged, this, [&](const QList<ChainStatus> &statuses) {
        for (const ChainStatus &s : statuses) {
            if (s.chainId == chainId)
                seen.append(indexPhaseName(s.phase) + QStringLiteral(": ") + s.message);
        }
    });
    auto *table = window.findChild<QTableView *>(QStringLiteral("chainTable"));
    QVERIFY(table);
    auto statusCell = [&] {
        for (int row = 0; row < table->model()->rowCount(); ++row) {
            if (table->model()->index(row, ChainListModel::NameColumn).data().toString() == u"behind")
                return table->model()->index(row, ChainListModel::StatusColumn);
        }
        return QModelIndex();
    };
    QTRY_COMPARE_WITH_TIMEOUT(statusCell().data().toString(), QStringLiteral("stalled"), EngineTimeoutMs);
    const QString tip = statusCell().data(Qt::ToolTipRole).toString();
    // The block named is the first the indexer asked for (below the reorg window: a range's last block).
    QVERIFY2(tip.contains(QRegularExpression(QStringLiteral("does not serve block \\d+ yet"))) && tip.contains(u"behind the head"), qPrintable(tip));

    // The alert says the same: stalled, with why.
    QTRY_VERIFY(!window.alertMonitor()->activeAlerts().isEmpty());
    for (const Alert &alert : window.alertMonitor()->activeAlerts()) {
        QCOMPARE(alert.kind, Alert::Kind::Stalled);
        QVERIFY2(alert.text.contains(QRegularExpression(QStringLiteral("does not serve block \\d+ yet"))), qPrintable(alert.text));
        // As a code and its block too, which a reader in another language words.
        QCOMPARE(alert.params.value(QStringLiteral("problem")).toString(), QStringLiteral("block_not_served"));
        const QString block = alert.params.value(QStringLiteral("problemArgs")).toArray().first().toString();
        bool isNumber = false;
        block.toLongLong(&isNumber);
        QVERIFY(isNumber);
        // A German reader's list words it in German from the catalogue; English stays English.
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/arbor_de.qm")));
        QCoreApplication::installTranslator(&german);
        const QString inGerman = AlertText::text(alert.kind, alert.chainId, alert.params, 0, AlertLanguage::Reader);
        const QString inEnglish = AlertText::text(alert.kind, alert.chainId, alert.params, 0, AlertLanguage::English);
        QCoreApplication::removeTranslator(&german);
        QVERIFY2(inGerman.contains(QStringLiteral("Letztes Problem: der Knoten liefert Block %1 noch nicht").arg(block)), qPrintable(inGerman));
        QVERIFY2(inEnglish.contains(QStringLiteral("Last problem: the node does not serve block %1 yet").arg(block)), qPrintable(inEnglish));
    }
    for (const QString &status : std::as_const(seen)) {
        QVERIFY2(!status.startsWith(u"rpc down"), qPrintable(status));
        QVERIFY2(!status.contains(u"].result"), qPrintable(status));
    }
    // The endpoint answered: it is not down.
    bool endpointShown = false;
    for (const ChainStatus &s : engine->indexing()->chainStatuses()) {
        for (const EndpointRecord &e : s.endpoints) {
            endpointShown = true;
            QVERIFY2(e.status != EndpointStatus::Unreachable, qPrintable(endpointStatusText(e.status) + QStringLiteral(": ") + e.lastError));
        }
    }
    QVERIFY(endpointShown);
    window.close();
}

// A console restarted during an outage may raise the alert before it has read the open row an
// earlier run left; the monitor then continues that row, and the panel shows its raise time,
// not the restart's (seen in a German console restarted in English: 21:22 instead of 21:21).
void TstAlertsUi::aContinuedAlertShowsWhenItWasFirstRaised()
{
    LogPanel panel;
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("alertList"));
    QVERIFY(list);
    Alert here;
    here.kind = AlertKind::DeliveryFailing;
    here.chainId = 5;
    here.ruleId = 2;
    here.ruleName = QStringLiteral("pager unreachable");
    here.title = QStringLiteral("Deliveries of “devnet down” to Telegram fail");
    here.raisedAt = QDateTime::fromMSecsSinceEpoch(1795901000000);
    panel.alertRaised(here);
    QCOMPARE(list->topLevelItem(0)->text(0), ui::timestampText(here.raisedAt));
    Alert continued = here;
    continued.raisedAt = QDateTime::fromMSecsSinceEpoch(1795900880000);
    continued.carriedOver = true;
    panel.syncActive({continued});
    QCOMPARE(list->topLevelItem(0)->text(0), ui::timestampText(continued.raisedAt));
    QCOMPARE(panel.activeAlertCount(), 1);
    QCOMPARE(list->topLevelItemCount(), 1);
    // Over: cleared, its time still the first raise's.
    panel.syncActive({});
    QCOMPARE(panel.activeAlertCount(), 0);
    QCOMPARE(list->topLevelItem(0)->text(0), ui::timestampText(continued.raisedAt));
}

void TstAlertsUi::liveChainShowsNoGapForNewBlocks()
{
    ARBOR_REQUIRE_DEVNET();
    Devnet devnet;
    devnet.setExtraArguments({QStringLiteral("--block-time"), QStringLiteral("1")});
    QString error;
    QVERIFY2(devnet.start(&error), qPrintable(error));
    const qint64 chainId = qint64(devnet.chainId());

    std::unique_ptr<Engine> engine = startEngine(QStringLiteral("live.db"));
    ChainConfig config;
    config.chainId = chainId;
    config.name = QStringLiteral("live");
    config.rpcUrls = {devnet.rpcUrl()};
    config.startBlock = 0;
    config.pollIntervalMs = 300;
    const auto added = waitFor(engine->chains()->addChain(config));
    QVERIFY2(added, why(added).constData());
    engine->chains()->refreshSnapshot();

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    page.resize(1200, 900);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.showChain(chainId);
    QTRY_VERIFY_WITH_TIMEOUT(page.progress()->bar()->end() >= 2 && page.progress()->bar()->fraction() > 0.5, EngineTimeoutMs);

    // Every status the page takes in while the head moves on a block a second: never a gap.
    QStringList gapsSeen;
    qint64 firstEnd = -1;
    qint64 lastCheckpoint = -1;
    connect(engine.get()->indexing(), &IndexingService::chainStatusChanged, this, [&](const QList<ChainStatus> &statuses) {
        for (const ChainStatus &s : statuses) {
            if (s.chainId != chainId || !s.indexed)
                continue;
            lastCheckpoint = *s.indexed;
            if (firstEnd < 0)
                firstEnd = *s.indexed;
        }
        if (!page.progress()->bar()->gaps().isEmpty() || page.progress()->gapList()->count() > 0)
            gapsSeen.append(QStringLiteral("%1 gap(s) at checkpoint %2: %3")
                                .arg(page.progress()->bar()->gaps().size())
                                .arg(lastCheckpoint)
                                .arg(page.progress()->gapList()->count() > 0 ? page.progress()->gapList()->item(0)->text() : QString()));
    });
    // At least a few new head blocks between two reads of the ranges (every 3 s).
    QTRY_VERIFY_WITH_TIMEOUT(firstEnd >= 0 && lastCheckpoint >= firstEnd + 8, EngineTimeoutMs);
    QVERIFY2(gapsSeen.isEmpty(), qPrintable(gapsSeen.join(u"; ")));
    QCOMPARE(page.progress()->bar()->fraction() > 0.9, true);

    page.hide();
    engine.reset();
}

} // namespace tst_alerts_ui

ARBOR_TEST_MAIN(alerts_ui, tst_alerts_ui::TstAlertsUi)
#include "tst_alerts_ui.moc"

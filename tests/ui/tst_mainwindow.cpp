// The console's main window driven offscreen against a real Engine on a temporary SQLite file.

#include "appsettings.h"
#include "consolesession.h"
#include "desktopnotifier.h"
#include "dialogs/deletechaindialog.h"
#include "engine/chainservice.h"
#include "engine/databaseservice.h"
#include "engine/engine.h"
#include "engine/enginelog.h"
#include "mainwindow.h"
#include "widgets/pagehost.h"
#include "model/entitydef.h"
#include "models/chainlistmodel.h"
#include "pages/chaindetailpage.h"
#include "pages/chainspage.h"
#include "pages/databasepage.h"
#include "pages/queuepage.h"
#include "pages/triggerspage.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "testresults.h"
#include "uifixture.h"
#include "util/continuation.h"
#include "widgets/logpanel.h"
#include "widgets/tableactions.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QPointer>
#include <QLocale>
#include <QApplication>
#include <QClipboard>
#include <QMenu>
#include <QStatusBar>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QScopeGuard>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace arbor;
using arbor::test::why;
using arbor::test::UiFixture;
using arbor::ui::AppSettings;
using arbor::ui::ChainListModel;
using arbor::ui::ConsoleSession;
using arbor::ui::DeleteChainDialog;
using arbor::ui::MainWindow;

namespace {

const QUrl UnusedRpc(QStringLiteral("http://127.0.0.1:1"));
const int EngineTimeoutMs = 20000;

EndpointRecord endpoint(const QString &status, const QString &lastError = QString())
{
    EndpointRecord e;
    e.url = UnusedRpc;
    e.status = endpointStatusFromToken(status).value_or(EndpointStatus::Unknown);
    e.latencyMs = 12.0;
    e.lastHead = 100;
    e.lastError = lastError;
    return e;
}

ChainConfig config(qint64 id, const QString &name)
{
    ChainConfig c;
    c.chainId = id;
    c.name = name;
    c.rpcUrls = {UnusedRpc};
    c.startBlock = 0;
    return c;
}

ChainRecord record(qint64 id, const QString &name, ChainState state = ChainState::Active)
{
    ChainRecord r;
    r.config = config(id, name);
    r.state = state;
    r.endpoints = {endpoint(QStringLiteral("ok"))};
    return r;
}

// Registers a chain the way ChainService::addChain does, minus the network probe.
Status registerChain(const DatabaseUrl &url, qint64 id, const QString &name)
{
    auto store = Store::open(url);
    if (!store)
        return store.error();
    return ChainRegistry(**store).registerChain(config(id, name), {endpoint(QStringLiteral("ok"))}, evmEntities());
}

// A migrated SQLite database `file` in `dir` with one chain registered.
Result<DatabaseUrl> databaseWithChain(const QTemporaryDir &dir, const QString &file, qint64 id, const QString &name)
{
    auto url = DatabaseUrl::parse(QLatin1String("sqlite:") + dir.filePath(file));
    if (!url)
        return url.error();
    auto store = Store::open(*url);
    if (!store)
        return store.error();
    if (auto migrated = (*store)->migrate(); !migrated)
        return migrated.error();
    if (Status registered = registerChain(*url, id, name); !registered)
        return registered.error();
    return url;
}

// `tst_mainwindow --hold-lease URL`: another process running an engine on URL, as
// `arborctl serve` would. Prints "holding" once it has the lease and runs until killed.
int holdLease(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    auto url = DatabaseUrl::parse(QString::fromLocal8Bit(argv[2]));
    if (!url)
        return 2;
    EngineOptions options;
    options.database = *url;
    options.app = QStringLiteral("arbor-test-holder");
    options.lease = EngineOptions::Lease::Required;
    options.snapshotIntervalMs = 0;
    Engine engine(options);
    then(engine.start(), &app, [](Status started) {
        if (!started) {
            std::fprintf(stderr, "%s\n", qPrintable(started.error().toString()));
            QCoreApplication::exit(1);
            return;
        }
        std::puts("holding");
        std::fflush(stdout);
    });
    return app.exec();
}

} // namespace

class TstMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void modelUpdate_data();
    void modelUpdate();
    void modelPresentation();
    void modelShowsIndexingFigures();
    void alertsReachThePanelAndTheStatusBar();
    void logPanelShowsCoreMessages();

    void startsEmpty();
    void pagesAreMadeWhenFirstShown();
    void showsRegisteredChains();
    void pausesAndResumesThroughTheUi();
    void filterBoxAndColumnChooser();
    void copiesChainRowsAsTsv();
    void bulkPausesSelectedChainsAndShowsTheirHead();
    void chainVerbsOpenTheirDialogs();
    void chainVerbsOnTheChainDetailsPage();
    void deleteAsksForTheName();
    void showsEmptyStateAgainWhenLastChainIsDeleted();
    void readOnlyWhenAnotherEngineHoldsTheLease();
    void switchingTheDatabaseRestartsTheEngine();
    void switchingTheDatabaseNeverBlocksTheWindow_data();
    void switchingTheDatabaseNeverBlocksTheWindow();
    void crashReportOfTheLastRunIsShownOnce();

private:
    QAbstractItemModel *table() const { return m_table->model(); }
    int rowOf(const QString &name) const;
    QString cell(const QString &name, int column) const;
    QAction *action(const char *name) const;

    arbor::test::UiFixture m_home;
    DatabaseUrl m_url;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    QTableView *m_table = nullptr;
    QLabel *m_placeholder = nullptr;
};

void TstMainWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiFixture::Setup setup;
    setup.englishLocale = false;   // the locale stays the system's
    m_home.setUp(setup);

    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    m_url = *url;

    EngineOptions options = UiFixture::engineOptions(m_url);
    options.lease = EngineOptions::Lease::Required;
    m_engine = std::make_unique<Engine>(options);
    m_window = std::make_unique<MainWindow>(m_engine.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    m_table = m_window->findChild<QTableView *>(QStringLiteral("chainTable"));
    m_placeholder = m_window->findChild<QLabel *>(QStringLiteral("emptyStateLabel"));
    QVERIFY(m_table);
    QVERIFY(m_placeholder);

    QFuture<Status> started = m_engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), EngineTimeoutMs);
    QVERIFY2(started.result().ok(), why(started.result()).constData());
    QVERIFY(!m_engine->isReadOnly());
}

void TstMainWindow::cleanupTestCase()
{
    m_window.reset();
    m_engine.reset();
}

int TstMainWindow::rowOf(const QString &name) const
{
    for (int row = 0; row < table()->rowCount(); ++row) {
        if (table()->index(row, ChainListModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString TstMainWindow::cell(const QString &name, int column) const
{
    const int row = rowOf(name);
    return row < 0 ? QString() : table()->index(row, column).data().toString();
}

QAction *TstMainWindow::action(const char *name) const
{
    return m_window->findChild<QAction *>(QString::fromLatin1(name));
}

// --- the model on its own ----------------------------------------------------------------

void TstMainWindow::modelUpdate_data()
{
    QTest::addColumn<QList<ChainRecord>>("before");
    QTest::addColumn<QList<ChainRecord>>("after");
    QTest::addColumn<int>("insertSignals");
    QTest::addColumn<int>("insertedRows");
    QTest::addColumn<int>("removeSignals");
    QTest::addColumn<int>("removedRows");
    QTest::addColumn<int>("changedRows");

    const ChainRecord a = record(1, QStringLiteral("mainnet"));
    const ChainRecord b = record(10, QStringLiteral("optimism"));
    const ChainRecord c = record(8453, QStringLiteral("base"));
    const ChainRecord d = record(42161, QStringLiteral("arbitrum"));
    ChainRecord bPaused = b;
    bPaused.state = ChainState::Paused;
    ChainRecord cAdvanced = c;
    cAdvanced.checkpointBlock = 1234;
    ChainRecord aFailing = a;
    aFailing.endpoints.first().status = EndpointStatus::Unreachable;
    aFailing.endpoints.first().lastError = QStringLiteral("connection refused");

    QTest::newRow("first snapshot") << QList<ChainRecord>{} << QList<ChainRecord>{a, b} << 1 << 2 << 0 << 0 << 0;
    QTest::newRow("unchanged") << QList<ChainRecord>{a, b} << QList<ChainRecord>{a, b} << 0 << 0 << 0 << 0 << 0;
    QTest::newRow("unchanged, other order") << QList<ChainRecord>{a, b} << QList<ChainRecord>{b, a} << 0 << 0 << 0 << 0 << 0;
    QTest::newRow("state changed") << QList<ChainRecord>{a, b} << QList<ChainRecord>{a, bPaused} << 0 << 0 << 0 << 0 << 1;
    QTest::newRow("endpoint went down") << QList<ChainRecord>{a, b} << QList<ChainRecord>{aFailing, b} << 0 << 0 << 0 << 0 << 1;
    QTest::newRow("added") << QList<ChainRecord>{a} << QList<ChainRecord>{a, b} << 1 << 1 << 0 << 0 << 0;
    QTest::newRow("removed") << QList<ChainRecord>{a, b, c} << QList<ChainRecord>{a, c} << 0 << 0 << 1 << 1 << 0;
    QTest::newRow("all removed") << QList<ChainRecord>{a, b, c} << QList<ChainRecord>{} << 0 << 0 << 1 << 3 << 0;
    QTest::newRow("two removed apart") << QList<ChainRecord>{a, b, c, d} << QList<ChainRecord>{b, d} << 0 << 0 << 2 << 2 << 0;
    QTest::newRow("mixed") << QList<ChainRecord>{a, b, c} << QList<ChainRecord>{cAdvanced, d, aFailing} << 1 << 1 << 1 << 1 << 2;
}

void TstMainWindow::modelUpdate()
{
    QFETCH(QList<ChainRecord>, before);
    QFETCH(QList<ChainRecord>, after);
    QFETCH(int, insertSignals);
    QFETCH(int, insertedRows);
    QFETCH(int, removeSignals);
    QFETCH(int, removedRows);
    QFETCH(int, changedRows);

    ChainListModel model;
    model.update(before);
    QCOMPARE(model.rowCount(), before.size());

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

    model.update(after);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(layout.size(), 0);
    QCOMPARE(inserted.size(), insertSignals);
    QCOMPARE(removed.size(), removeSignals);
    QCOMPARE(changed.size(), changedRows);

    int rowsIn = 0;
    for (const QList<QVariant> &args : std::as_const(inserted))
        rowsIn += args.at(2).toInt() - args.at(1).toInt() + 1;
    int rowsOut = 0;
    for (const QList<QVariant> &args : std::as_const(removed))
        rowsOut += args.at(2).toInt() - args.at(1).toInt() + 1;
    QCOMPARE(rowsIn, insertedRows);
    QCOMPARE(rowsOut, removedRows);

    // One dataChanged per changed row, spanning every column of it.
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), bottomRight.row());
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), int(ChainListModel::ColumnCount) - 1);
    }

    // The rows now hold exactly the new snapshot.
    QCOMPARE(model.rowCount(), after.size());
    for (const ChainRecord &expected : after) {
        const int row = model.rowOf(expected.config.chainId);
        QVERIFY(row >= 0);
        const QModelIndex name = model.index(row, ChainListModel::NameColumn);
        QCOMPARE(name.data().toString(), expected.config.name);
        QCOMPARE(model.index(row, ChainListModel::StatusColumn).data().toString(), ChainListModel::stateText(expected.state));
        QCOMPARE(model.index(row, ChainListModel::EndpointsColumn).data().toString(),
                 ChainListModel::endpointSummary(expected.endpoints));
        QCOMPARE(name.data(ChainListModel::ChainIdRole).toLongLong(), expected.config.chainId);
    }
}

void TstMainWindow::modelPresentation()
{
    ChainRecord chain = record(10, QStringLiteral("optimism"));
    chain.endpoints.append(endpoint(QStringLiteral("down"), QStringLiteral("HTTP 503 from the node")));
    chain.endpoints.last().url = QUrl(QStringLiteral("https://rpc.example.invalid/op"));

    ChainListModel model;
    model.update({chain, record(9, QStringLiteral("nine"))});
    QCOMPARE(model.columnCount(), int(ChainListModel::ColumnCount));
    QCOMPARE(model.headerData(ChainListModel::ChainIdColumn, Qt::Horizontal).toString(), QStringLiteral("Chain ID"));
    // "Chain ID" (right-aligned over numbers) and "Status" do not run into each other.
    const auto alignment = [&model](int column) { return model.headerData(column, Qt::Horizontal, Qt::TextAlignmentRole).value<Qt::Alignment>(); };
    QVERIFY(alignment(ChainListModel::ChainIdColumn) & Qt::AlignRight);
    QVERIFY(alignment(ChainListModel::StatusColumn) & Qt::AlignHCenter);

    const int row = model.rowOf(10);
    auto at = [&](int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
    QCOMPARE(at(ChainListModel::NameColumn).toString(), QStringLiteral("optimism"));
    QCOMPARE(at(ChainListModel::ChainIdColumn).toString(), QStringLiteral("10"));
    QCOMPARE(at(ChainListModel::StatusColumn).toString(), QStringLiteral("active"));
    QCOMPARE(at(ChainListModel::EndpointsColumn).toString(), QStringLiteral("2 (1 ok, 1 unreachable)"));
    QCOMPARE(at(ChainListModel::CheckpointColumn).toString(), QStringLiteral("—"));
    QCOMPARE(at(ChainListModel::RpcUrlColumn).toString(), QStringLiteral("http://127.0.0.1:1"));
    QCOMPARE(at(ChainListModel::ChainIdColumn, ChainListModel::ChainIdRole).toLongLong(), 10);

    const QString tip = at(ChainListModel::EndpointsColumn, Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QStringLiteral("https://rpc.example.invalid/op")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("HTTP 503 from the node")), qPrintable(tip));

    // A rate limited endpoint is working: counted apart, but the chain's RPC health stays good.
    ChainRecord hosted = record(11, QStringLiteral("hosted"));
    hosted.endpoints.append(endpoint(QStringLiteral("rate limited")));
    hosted.endpoints.last().url = QUrl(QStringLiteral("https://eth.provider.example/v2/key"));
    model.update({chain, record(9, QStringLiteral("nine")), hosted});
    const QModelIndex hostedHealth = model.index(model.rowOf(11), ChainListModel::EndpointsColumn);
    QCOMPARE(hostedHealth.data().toString(), QStringLiteral("2 (1 ok, 1 rate limited)"));
    QVERIFY(hostedHealth.data(Qt::ToolTipRole).toString().contains(QLatin1String("rate limited")));
    const QModelIndex allOk = model.index(model.rowOf(9), ChainListModel::EndpointsColumn);
    QCOMPARE(hostedHealth.data(ChainListModel::SortRole), allOk.data(ChainListModel::SortRole));
    QVERIFY(hostedHealth.data(ChainListModel::SortRole) != at(ChainListModel::EndpointsColumn, ChainListModel::SortRole));
    model.update({chain, record(9, QStringLiteral("nine"))});

    // Chain ids sort as numbers: 9 before 10.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ChainListModel::SortRole);
    proxy.sort(ChainListModel::ChainIdColumn);
    QCOMPARE(proxy.index(0, ChainListModel::ChainIdColumn).data().toString(), QStringLiteral("9"));
    QCOMPARE(proxy.index(1, ChainListModel::ChainIdColumn).data().toString(), QStringLiteral("10"));
}

// --- the window against a real engine ----------------------------------------------------

void TstMainWindow::modelShowsIndexingFigures()
{
    ChainListModel model;
    model.update({record(1, QStringLiteral("mainnet")), record(2, QStringLiteral("paused"), ChainState::Paused)});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    const qint64 now = 1700000000;
    ChainStatus behind;
    behind.chainId = 1;
    behind.phase = IndexPhase::CatchingUp;
    behind.head = 1000;
    behind.indexed = 900;
    behind.indexedTime = now - 150;
    behind.blocksPerSecond = 12.5;
    EndpointRecord measured = endpoint(QStringLiteral("down"), QStringLiteral("connection refused"));
    behind.endpoints = {measured};
    ChainStatus pausedStatus = behind;   // as recorded when it was paused (ChainService::recordedStatuses)
    pausedStatus.chainId = 2;
    pausedStatus.phase = IndexPhase::Stopped;
    pausedStatus.indexedTime.reset();
    model.updateStatuses({behind, pausedStatus}, now);

    auto at = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(at(0, ChainListModel::StatusColumn), QStringLiteral("indexing"));
    QCOMPARE(at(0, ChainListModel::HeadColumn), QLocale().toString(1000));
    QCOMPARE(at(0, ChainListModel::CheckpointColumn), QStringLiteral("900"));
    QCOMPARE(at(0, ChainListModel::LagBlocksColumn), QStringLiteral("100"));
    QCOMPARE(at(0, ChainListModel::LagSecondsColumn), QStringLiteral("2 min"));
    QCOMPARE(at(0, ChainListModel::RateColumn), QLocale().toString(12.5, 'f', 1));
    // The indexer's measurement wins over the stored endpoint row.
    QCOMPARE(at(0, ChainListModel::EndpointsColumn), QStringLiteral("1 (1 unreachable)"));
    QVERIFY(model.index(0, ChainListModel::EndpointsColumn).data(Qt::ToolTipRole).toString().contains(u"connection refused"));
    // A paused chain says so, and still shows its head and how far behind it stopped.
    QCOMPARE(at(1, ChainListModel::StatusColumn), QStringLiteral("paused"));
    QCOMPARE(at(1, ChainListModel::HeadColumn), QLocale().toString(1000));
    QCOMPARE(at(1, ChainListModel::LagBlocksColumn), QStringLiteral("100"));
    QCOMPARE(at(1, ChainListModel::RateColumn), QStringLiteral("—"));
    QCOMPARE(changed.size(), 2);

    // The same figures a second later: only the lag in seconds moved, one row changes.
    changed.clear();
    model.updateStatuses({behind, pausedStatus}, now + 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 0);
    changed.clear();
    model.updateStatuses({behind, pausedStatus}, now + 1);
    QCOMPARE(changed.size(), 0);

    // Caught up: live, no lag.
    ChainStatus live = behind;
    live.phase = IndexPhase::Live;
    live.indexed = 1000;
    model.updateStatuses({live}, now + 2);
    QCOMPARE(at(0, ChainListModel::StatusColumn), QStringLiteral("live"));
    QCOMPARE(at(0, ChainListModel::LagBlocksColumn), QStringLiteral("0"));
    QCOMPARE(at(0, ChainListModel::LagSecondsColumn), QStringLiteral("0 s"));

    // No progress while behind, as the AlertMonitor decides: stalled, though the indexer says live.
    model.setStalled({1});
    QCOMPARE(at(0, ChainListModel::StatusColumn), QStringLiteral("stalled"));
    model.setStalled({});
    QCOMPARE(at(0, ChainListModel::StatusColumn), QStringLiteral("live"));

    // Sorting by lag is numeric.
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ChainListModel::SortRole);
    proxy.sort(ChainListModel::HeadColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, ChainListModel::NameColumn).data().toString(), QStringLiteral("mainnet"));
}

void TstMainWindow::alertsReachThePanelAndTheStatusBar()
{
    auto *button = m_window->findChild<QPushButton *>(QStringLiteral("alertsButton"));
    auto *list = m_window->findChild<QTreeWidget *>(QStringLiteral("alertList"));
    QVERIFY(button);
    QVERIFY(list);
    QTRY_VERIFY(button->isVisible());
    QCOMPARE(button->text(), QStringLiteral("No alerts"));
    const int before = list->topLevelItemCount();

    ChainStatus down;
    down.chainId = 77;
    down.phase = IndexPhase::RpcDown;
    down.message = QStringLiteral("every endpoint refused the connection");
    // Raised and cleared on the snapshot that says so (the hysteresis is AlertMonitor's, tested there).
    const AlertPolicy policy = m_window->alertMonitor()->policy();
    AlertPolicy immediate = policy;
    immediate.raiseAfterMs = 0;
    immediate.clearAfterMs = 0;
    m_window->alertMonitor()->setPolicy(immediate);
    auto restore = qScopeGuard([&] { m_window->alertMonitor()->setPolicy(policy); });
    m_window->alertMonitor()->retainChains({77});
    m_window->alertMonitor()->setChainNames({{77, QStringLiteral("sepolia")}});
    m_window->alertMonitor()->updateChains({down}, QDateTime::currentMSecsSinceEpoch());

    QCOMPARE(list->topLevelItemCount(), before + 1);
    const QString shown = list->topLevelItem(0)->text(1);
    QVERIFY2(shown.contains(u"sepolia") && shown.contains(u"every endpoint refused"), qPrintable(shown));
    QVERIFY2(button->text().startsWith(u"1 alert"), qPrintable(button->text()));

    // Clicking the count opens the panel on the alerts.
    auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("logDock"));
    QVERIFY(dock);
    dock->hide();
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY(dock->isVisible());
    QCOMPARE(list->isVisible(), true);

    // The condition ends: the entry says so and the count goes back.
    down.phase = IndexPhase::Live;
    m_window->alertMonitor()->updateChains({down}, QDateTime::currentMSecsSinceEpoch());
    QVERIFY2(list->topLevelItem(0)->text(2).startsWith(u"cleared"), qPrintable(list->topLevelItem(0)->text(2)));
    QCOMPARE(button->text(), QStringLiteral("No alerts"));
    m_window->alertMonitor()->updateChains({}, QDateTime::currentMSecsSinceEpoch());
}

void TstMainWindow::logPanelShowsCoreMessages()
{
    LogSink sink(100, 10);
    sink.install();
    m_window->setLogSink(&sink);
    qCWarning(lcEngine, "chain 5: endpoint http://127.0.0.1:1 refused the connection");
    auto *view = m_window->findChild<QTableView *>(QStringLiteral("logView"));
    QVERIFY(view);
    QAbstractItemModel *model = view->model();
    QTRY_VERIFY(model->rowCount() > 0);
    const int last = model->rowCount() - 1;
    QCOMPARE(model->index(last, 2).data().toString(), QStringLiteral("arbor.engine"));
    QCOMPARE(model->index(last, 1).data().toString(), QStringLiteral("Warning"));
    QVERIFY(model->index(last, 3).data().toString().contains(u"refused the connection"));
    sink.uninstall();
}

void TstMainWindow::startsEmpty()
{
    QCOMPARE(table()->rowCount(), 0);
    // First run: the welcome page, whose "Add chain…" opens the add-chain wizard.
    auto *welcome = m_window->findChild<QWidget *>(QStringLiteral("welcomePage"));
    QVERIFY(welcome);
    QTRY_VERIFY(welcome->isVisible());
    QVERIFY(!m_table->isVisible());
    QVERIFY(!m_placeholder->isVisible());
    auto *add = m_window->findChild<QPushButton *>(QStringLiteral("welcomeAddChainButton"));
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QWidget *wizard = nullptr;
    QTRY_VERIFY((wizard = m_window->findChild<QWidget *>(QStringLiteral("addChainWizard"))) && wizard->isVisible());
    QMetaObject::invokeMethod(wizard, "reject");
    QTRY_VERIFY(!m_window->findChild<QWidget *>(QStringLiteral("addChainWizard")));

    auto *backend = m_window->findChild<QLabel *>(QStringLiteral("backendLabel"));
    QVERIFY(backend);
    QVERIFY2(backend->text().contains(m_url.path), qPrintable(backend->text()));
    auto *notice = m_window->findChild<QLabel *>(QStringLiteral("readOnlyNotice"));
    QVERIFY(notice);
    QVERIFY(!notice->isVisible());
}

void TstMainWindow::pagesAreMadeWhenFirstShown()
{
    // Opening the window (and every database switch) makes only the page in view: a page
    // nobody has opened does not exist yet, and reads nothing.
    auto *pages = m_window->findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    QVERIFY(pages);
    QCOMPARE(pages->currentIndex(), 0);
    QVERIFY(!m_window->findChild<arbor::ui::TriggersPage *>());
    QVERIFY(!m_window->findChild<arbor::ui::DatabasePage *>());
    QVERIFY(!m_window->findChild<arbor::ui::QueuePage *>());
    // Chosen, a tab shows its page at once, not an empty tab until the next turn of the event loop.
    for (int tab = 1; tab < pages->count(); ++tab) {
        pages->setCurrentIndex(tab);
        auto *host = qobject_cast<arbor::ui::PageHost *>(pages->currentWidget());
        QVERIFY2(host && host->hasPage(), qPrintable(pages->tabText(tab)));
        QVERIFY2(host->page()->isVisible(), qPrintable(pages->tabText(tab)));
        QVERIFY2(!host->page()->objectName().isEmpty(), qPrintable(pages->tabText(tab)));
    }
    QVERIFY(m_window->findChild<arbor::ui::TriggersPage *>());
    QVERIFY(m_window->findChild<arbor::ui::DatabasePage *>());
    // Chosen again, a tab keeps the page it made.
    pages->setCurrentIndex(1);
    auto *details = m_window->findChild<arbor::ui::ChainDetailPage *>();
    QVERIFY(details && details->isVisible());
    pages->setCurrentIndex(2);
    pages->setCurrentIndex(1);
    QCOMPARE(m_window->findChildren<arbor::ui::ChainDetailPage *>().size(), 1);
    pages->setCurrentIndex(0);
}

void TstMainWindow::showsRegisteredChains()
{
    Status s = registerChain(m_url, 1337, QStringLiteral("devnet"));
    QVERIFY2(s, why(s).constData());
    s = registerChain(m_url, 9, QStringLiteral("nine"));
    QVERIFY2(s, why(s).constData());

    QTRY_COMPARE(table()->rowCount(), 2);
    QCOMPARE(cell(QStringLiteral("devnet"), ChainListModel::ChainIdColumn), QStringLiteral("1337"));
    QCOMPARE(cell(QStringLiteral("devnet"), ChainListModel::StatusColumn), QStringLiteral("active"));
    QCOMPARE(cell(QStringLiteral("devnet"), ChainListModel::EndpointsColumn), QStringLiteral("1 (1 ok)"));
    QCOMPARE(cell(QStringLiteral("devnet"), ChainListModel::RpcUrlColumn), QStringLiteral("http://127.0.0.1:1"));
    QCOMPARE(cell(QStringLiteral("nine"), ChainListModel::ChainIdColumn), QStringLiteral("9"));
    QTRY_VERIFY(m_table->isVisible());
    QVERIFY(!m_placeholder->isVisible());

    auto *count = m_window->findChild<QLabel *>(QStringLiteral("chainCountLabel"));
    QVERIFY(count);
    QVERIFY2(count->text().startsWith(u'2'), qPrintable(count->text()));

    // Sorting by id is numeric.
    m_table->sortByColumn(ChainListModel::ChainIdColumn, Qt::AscendingOrder);
    QCOMPARE(table()->index(0, ChainListModel::NameColumn).data().toString(), QStringLiteral("nine"));
    m_table->sortByColumn(ChainListModel::ChainIdColumn, Qt::DescendingOrder);
    QCOMPARE(table()->index(0, ChainListModel::NameColumn).data().toString(), QStringLiteral("devnet"));
    m_table->sortByColumn(ChainListModel::NameColumn, Qt::AscendingOrder);
}

void TstMainWindow::pausesAndResumesThroughTheUi()
{
    QAction *pause = action("pauseChainAction");
    QAction *resume = action("resumeChainAction");
    QVERIFY(pause);
    QVERIFY(resume);

    m_table->clearSelection();
    QVERIFY(!pause->isEnabled());
    m_table->selectRow(rowOf(QStringLiteral("devnet")));
    QVERIFY(pause->isEnabled());
    QVERIFY(!resume->isEnabled());

    pause->trigger();
    QTRY_COMPARE(cell(QStringLiteral("devnet"), ChainListModel::StatusColumn), QStringLiteral("paused"));
    QCOMPARE(cell(QStringLiteral("nine"), ChainListModel::StatusColumn), QStringLiteral("active"));
    // The selection survives the refresh: no model reset.
    QTRY_VERIFY(resume->isEnabled());
    QVERIFY(!pause->isEnabled());

    resume->trigger();
    QTRY_COMPARE(cell(QStringLiteral("devnet"), ChainListModel::StatusColumn), QStringLiteral("active"));
    QTRY_VERIFY(pause->isEnabled());
}

void TstMainWindow::filterBoxAndColumnChooser()
{
    auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("chainFilterEdit"));
    QVERIFY(filter);
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_table->setFocus();
    // Ctrl+F wherever the focus is on the page. (Triggered here rather than typed: a modifier
    // QTest presses on the window stays down for the selections of the later tests.)
    auto *find = m_window->findChild<QAction *>(QStringLiteral("filterChainsAction"));
    QVERIFY(find);
    QCOMPARE(find->shortcut(), QKeySequence(QKeySequence::Find));
    QCOMPARE(find->shortcutContext(), Qt::WindowShortcut);
    find->trigger();
    QTRY_VERIFY(filter->hasFocus());

    // By chain id, by name (any case), by RPC URL, by status.
    QTest::keyClicks(filter, QStringLiteral("1337"));
    QCOMPARE(table()->rowCount(), 1);
    QCOMPARE(table()->index(0, ChainListModel::NameColumn).data().toString(), QStringLiteral("devnet"));
    filter->setText(QStringLiteral("NIN"));
    QCOMPARE(table()->rowCount(), 1);
    QCOMPARE(table()->index(0, ChainListModel::NameColumn).data().toString(), QStringLiteral("nine"));
    filter->setText(QStringLiteral("127.0.0.1:1"));
    QCOMPARE(table()->rowCount(), 2);
    filter->setText(QStringLiteral("active"));
    QCOMPARE(table()->rowCount(), 2);
    filter->setText(QStringLiteral("no such chain"));
    QCOMPARE(table()->rowCount(), 0);
    auto *shown = m_window->findChild<QLabel *>(QStringLiteral("chainFilterCount"));
    QVERIFY(shown && shown->isVisible());
    QVERIFY2(shown->text().startsWith(QStringLiteral("0 of 2")), qPrintable(shown->text()));
    filter->clear();
    QCOMPARE(table()->rowCount(), 2);

    // The column chooser: a column hidden from the header's menu stays hidden in the next window.
    auto *page = m_window->findChild<ui::ChainsPage *>();
    QVERIFY(page);
    QAction *checkpoint = page->columnMenu()->findChild<QAction *>(QStringLiteral("chainColumnAction%1").arg(ChainListModel::CheckpointColumn));
    QAction *name = page->columnMenu()->findChild<QAction *>(QStringLiteral("chainColumnAction%1").arg(ChainListModel::NameColumn));
    QVERIFY(checkpoint && name);
    QVERIFY(!name->isEnabled());   // a row without its name would say nothing
    QVERIFY(checkpoint->isChecked());
    checkpoint->trigger();
    QVERIFY(m_table->isColumnHidden(ChainListModel::CheckpointColumn));
    {
        MainWindow next(m_engine.get());
        auto *nextTable = next.findChild<QTableView *>(QStringLiteral("chainTable"));
        QVERIFY(nextTable);
        QVERIFY(nextTable->isColumnHidden(ChainListModel::CheckpointColumn));
        QVERIFY(!nextTable->isColumnHidden(ChainListModel::HeadColumn));
    }
    checkpoint->trigger();
    QVERIFY(!m_table->isColumnHidden(ChainListModel::CheckpointColumn));
    QVERIFY(m_table->columnWidth(ChainListModel::CheckpointColumn) > 10);
}

void TstMainWindow::copiesChainRowsAsTsv()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_table->clearSelection();
    m_table->selectRow(rowOf(QStringLiteral("devnet")));
    auto *actions = m_table->findChild<ui::TableActions *>();
    QVERIFY(actions);
    QCOMPARE(actions->copyRowsAction()->shortcut(), QKeySequence(QKeySequence::Copy));   // typed in tst_tables
    QApplication::clipboard()->clear();
    actions->copyRowsAction()->trigger();
    const QString copied = QApplication::clipboard()->text();
    QVERIFY2(copied.startsWith(QStringLiteral("devnet\t1337\tactive\t")), qPrintable(copied));
    QVERIFY2(copied.endsWith(QStringLiteral("\thttp://127.0.0.1:1\n")), qPrintable(copied));
    QCOMPARE(copied.count(u'\n'), 1);

    // The whole table as CSV: a header and one line per chain.
    const QString csv = actions->tableAsCsv();
    QVERIFY2(csv.startsWith(QStringLiteral("Name,Chain ID,Status,Head,Indexed,")), qPrintable(csv));
    QCOMPARE(csv.count(QStringLiteral("\r\n")), 3);
    QVERIFY(csv.contains(QStringLiteral("\r\nnine,9,active,")));
}

void TstMainWindow::bulkPausesSelectedChainsAndShowsTheirHead()
{
    QAction *pause = action("pauseChainAction");
    QAction *resume = action("resumeChainAction");
    auto *counts = m_window->findChild<QLabel *>(QStringLiteral("chainHealthLabel"));
    QVERIFY(counts);
    QVERIFY(!counts->isVisible());

    m_table->clearSelection();
    m_table->selectRow(rowOf(QStringLiteral("devnet")));
    m_table->selectionModel()->select(table()->index(rowOf(QStringLiteral("nine")), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(m_table->selectionModel()->selectedRows().size(), 2);
    QVERIFY(pause->isEnabled());
    QVERIFY(!resume->isEnabled());
    QVERIFY(!action("deleteChainAction")->isEnabled());   // the one-chain verbs wait for one chain

    pause->trigger();
    QTRY_COMPARE(cell(QStringLiteral("devnet"), ChainListModel::StatusColumn), QStringLiteral("paused"));
    QTRY_COMPARE(cell(QStringLiteral("nine"), ChainListModel::StatusColumn), QStringLiteral("paused"));
    QTRY_VERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("2 chain")), qPrintable(m_window->statusBar()->currentMessage()));
    QTRY_COMPARE(counts->text(), QStringLiteral("2 paused"));
    QVERIFY(counts->isVisible());
    // Paused, each still shows its head: the last one its endpoint reported (100).
    QTRY_COMPARE(cell(QStringLiteral("devnet"), ChainListModel::HeadColumn), QLocale().toString(100));
    QCOMPARE(cell(QStringLiteral("nine"), ChainListModel::HeadColumn), QLocale().toString(100));

    // Both still selected: resume acts on both.
    QTRY_VERIFY(resume->isEnabled());
    QVERIFY(!pause->isEnabled());

    // The Chain page shows the paused chain's head too.
    m_table->selectRow(rowOf(QStringLiteral("devnet")));
    action("chainDetailsAction")->trigger();
    auto *head = m_window->findChild<QLabel *>(QStringLiteral("chainDetailHead"));
    auto *state = m_window->findChild<QLabel *>(QStringLiteral("chainDetailStatus"));
    QVERIFY(head && state);
    QTRY_COMPARE(head->text(), QLocale().toString(100));
    QCOMPARE(state->text(), QStringLiteral("Paused"));
    action("showChainsAction")->trigger();
    m_table->selectRow(rowOf(QStringLiteral("devnet")));
    m_table->selectionModel()->select(table()->index(rowOf(QStringLiteral("nine")), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QTRY_VERIFY(resume->isEnabled());
    resume->trigger();
    QTRY_COMPARE(cell(QStringLiteral("devnet"), ChainListModel::StatusColumn), QStringLiteral("active"));
    QTRY_COMPARE(cell(QStringLiteral("nine"), ChainListModel::StatusColumn), QStringLiteral("active"));
    QTRY_VERIFY(!counts->isVisible());
    m_table->clearSelection();
}

void TstMainWindow::chainVerbsOpenTheirDialogs()
{
    m_table->selectRow(rowOf(QStringLiteral("devnet")));
    const QList<std::pair<const char *, QString>> verbs{
        {"resyncChainAction", QStringLiteral("resyncDialog")},
        {"reindexChainAction", QStringLiteral("reindexDialog")},
    };
    for (const auto &[actionName, dialogName] : verbs) {
        QAction *verb = action(actionName);
        QVERIFY(verb);
        QVERIFY2(verb->isEnabled(), actionName);
        verb->trigger();
        QWidget *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<QWidget *>(dialogName)) && dialog->isVisible());
        // The dialog names the chain it acts on.
        QString shown = dialog->windowTitle();
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            shown += QLatin1Char('\n') + label->text();
        QVERIFY2(shown.contains(u"devnet"), qPrintable(shown));
        QMetaObject::invokeMethod(dialog, "reject");
        QTRY_VERIFY(!m_window->findChild<QWidget *>(dialogName));
    }

    // Settings… needs the console's settings; with them it opens the settings dialog.
    QAction *settingsAction = action("settingsAction");
    QVERIFY(settingsAction);
    QVERIFY(!settingsAction->isEnabled());
    AppSettings settings(m_home.filePath(QStringLiteral("settings.ini")));
    settings.setNotificationsEnabled(false);
    m_window->setSettings(&settings);
    QVERIFY(settingsAction->isEnabled());
    QVERIFY(!m_window->notifier()->isEnabled());
    settingsAction->trigger();
    QWidget *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QWidget *>(QStringLiteral("settingsDialog"))) && dialog->isVisible());
    QMetaObject::invokeMethod(dialog, "reject");
    QTRY_VERIFY(!m_window->findChild<QWidget *>(QStringLiteral("settingsDialog")));
    m_window->setSettings(nullptr);
}

void TstMainWindow::chainVerbsOnTheChainDetailsPage()
{
    auto *pages = m_window->findChild<QTabWidget *>(QStringLiteral("pageTabs"));
    auto *toolBar = m_window->findChild<QToolBar *>(QStringLiteral("chainToolBar"));
    QVERIFY(pages && toolBar);
    m_table->clearSelection();
    pages->setCurrentIndex(1);   // Chain Details
    auto *details = m_window->findChild<arbor::ui::ChainDetailPage *>(QStringLiteral("chainDetailPage"));
    QVERIFY(details && details->isVisible());
    // The chain page shows a chain, the chain verbs are there, and they act on that chain.
    QTRY_VERIFY(details->chainId() != 0);
    QVERIFY(toolBar->isVisible());
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    const QModelIndex shownRow = selected.first().siblingAtColumn(ChainListModel::ChainIdColumn);
    QCOMPARE(shownRow.data().toString(), QString::number(details->chainId()));
    QAction *reindex = action("reindexChainAction");
    QVERIFY(reindex && reindex->isEnabled());
    reindex->trigger();
    QWidget *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<QWidget *>(QStringLiteral("reindexDialog"))) && dialog->isVisible());
    QMetaObject::invokeMethod(dialog, "reject");
    QTRY_VERIFY(!m_window->findChild<QWidget *>(QStringLiteral("reindexDialog")));
    pages->setCurrentIndex(0);
    QVERIFY(toolBar->isVisible());   // the chain table

    // On the other pages the toolbar stays put (nothing moves under the pointer): Add Chain
    // works there, the verbs on a selected chain wait for a chain page. Ctrl+7 and Ctrl+8 reach
    // the Overview and the Database.
    pages->setCurrentIndex(4);   // Triggers
    QVERIFY(toolBar->isVisible());
    QTRY_VERIFY(!reindex->isEnabled());
    QVERIFY(action("addChainAction")->isEnabled());
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_7, Qt::ControlModifier);
    QTRY_COMPARE(pages->tabText(pages->currentIndex()), QStringLiteral("Overview"));
    QTest::keyClick(m_window.get(), Qt::Key_8, Qt::ControlModifier);
    QTRY_COMPARE(pages->tabText(pages->currentIndex()), QStringLiteral("Database"));
    QVERIFY(toolBar->isVisible());
    QVERIFY(!action("addChainAction")->icon().isNull());
    QVERIFY(!action("resyncChainAction")->icon().isNull());
    QVERIFY(!reindex->icon().isNull());
    // QTest releases Ctrl with Ctrl still among the event's modifiers, which leaves it held in
    // QGuiApplication::keyboardModifiers(): the next selectRow() would toggle the row off.
    QTest::keyRelease(m_window.get(), Qt::Key_Control);
    QCOMPARE(QGuiApplication::keyboardModifiers(), Qt::NoModifier);
    pages->setCurrentIndex(0);
}

void TstMainWindow::deleteAsksForTheName()
{
    QAction *remove = action("deleteChainAction");
    QVERIFY(remove);
    m_table->selectRow(rowOf(QStringLiteral("devnet")));
    QVERIFY(remove->isEnabled());
    remove->trigger();

    DeleteChainDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<DeleteChainDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->chainId(), 1337);
    auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("confirmNameEdit"));
    auto *confirm = dialog->findChild<QPushButton *>(QStringLiteral("confirmDeleteButton"));
    QVERIFY(edit);
    QVERIFY(confirm);

    QVERIFY(!confirm->isEnabled());
    QTest::keyClicks(edit, QStringLiteral("devne"));
    QVERIFY(!confirm->isEnabled());
    QTest::keyClick(edit, Qt::Key_Return);   // Enter does nothing while the name is wrong
    QVERIFY(dialog->isVisible());
    QTest::keyClicks(edit, QStringLiteral("t"));
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);

    // Then each cleanup step is shown as it completes.
    QWidget *progress = nullptr;
    QTRY_VERIFY((progress = m_window->findChild<QWidget *>(QStringLiteral("deleteProgressDialog"))) && progress->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(table()->rowCount(), 1, EngineTimeoutMs);
    QCOMPARE(rowOf(QStringLiteral("devnet")), -1);
    QCOMPARE(rowOf(QStringLiteral("nine")), 0);
    auto *status = progress->findChild<QLabel *>(QStringLiteral("deleteStatus"));
    QVERIFY(status);
    QTRY_VERIFY2(status->text().contains(u"deleted"), qPrintable(status->text()));
    QMetaObject::invokeMethod(progress, "accept");
    QVERIFY(!m_window->findChild<QMessageBox *>(QStringLiteral("commandErrorBox")));
    QTRY_VERIFY(action("deleteChainAction")->isEnabled());
}

void TstMainWindow::showsEmptyStateAgainWhenLastChainIsDeleted()
{
    QFuture<Status> deleted = m_engine->chains()->deleteChain(ChainRef{9, {}});
    QTRY_VERIFY_WITH_TIMEOUT(deleted.isFinished(), EngineTimeoutMs);
    QVERIFY2(deleted.result().ok(), why(deleted.result()).constData());

    QTRY_COMPARE(table()->rowCount(), 0);
    QTRY_VERIFY(m_window->findChild<QWidget *>(QStringLiteral("welcomePage"))->isVisible());
    QVERIFY(!action("pauseChainAction")->isEnabled());
    QVERIFY(!action("deleteChainAction")->isEnabled());
}

void TstMainWindow::readOnlyWhenAnotherEngineHoldsTheLease()
{
    auto url = m_home.databaseUrl(QStringLiteral("shared.db"));
    QVERIFY(url);

    QProcess holder;
    holder.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    holder.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--hold-lease"), url->toString()});
    QVERIFY(holder.waitForStarted());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += holder.readAllStandardOutput()).contains("holding") || holder.state() == QProcess::NotRunning,
                             EngineTimeoutMs);
    QVERIFY2(said.contains("holding"), "the lease holder did not start");

    Status s = registerChain(*url, 31337, QStringLiteral("anvil"));
    QVERIFY2(s, why(s).constData());
    {
        // What the indexing engine recorded: its checkpoint at 90 (the endpoint's last head is 100).
        auto store = Store::open(*url);
        QVERIFY(store);
        s = (*store)->exec(QLatin1String("INSERT INTO ") + (*store)->admin("checkpoints")
                               + QLatin1String(" (chain_id, block_number, block_hash, updated_at) VALUES (?, ?, ?, ?)"),
                           {31337, 90, QByteArray(32, '\x01'), 0});
        QVERIFY2(s, why(s).constData());
    }

    EngineOptions options;
    options.database = *url;
    options.app = QStringLiteral("arbor");
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    options.snapshotIntervalMs = 200;
    auto engine = std::make_unique<Engine>(options);
    auto window = std::make_unique<MainWindow>(engine.get());
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));

    QFuture<Status> started = engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), EngineTimeoutMs);
    QVERIFY2(started.result().ok(), why(started.result()).constData());
    QVERIFY(engine->isReadOnly());

    auto *notice = window->findChild<QLabel *>(QStringLiteral("readOnlyNotice"));
    QVERIFY(notice);
    QTRY_VERIFY(notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("Read-only")));
    QVERIFY2(notice->toolTip().contains(QStringLiteral("arbor-test-holder")), qPrintable(notice->toolTip()));
    auto *banner = window->findChild<QLabel *>(QStringLiteral("readOnlyBannerText"));
    QVERIFY(banner);
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("arbor-test-holder")), qPrintable(banner->text()));

    // A read-only console still shows the chains, but offers no verbs.
    auto *view = window->findChild<QTableView *>(QStringLiteral("chainTable"));
    QTRY_COMPARE(view->model()->rowCount(), 1);
    // The head and the lag as the engine that holds the database recorded them.
    QTRY_COMPARE(view->model()->index(0, ChainListModel::HeadColumn).data().toString(), QLocale().toString(100));
    QCOMPARE(view->model()->index(0, ChainListModel::CheckpointColumn).data().toString(), QStringLiteral("90"));
    QCOMPARE(view->model()->index(0, ChainListModel::LagBlocksColumn).data().toString(), QStringLiteral("10"));
    view->selectRow(0);
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("pauseChainAction"))->isEnabled());
    QVERIFY(!window->findChild<QAction *>(QStringLiteral("deleteChainAction"))->isEnabled());

    window.reset();
    engine.reset();
    holder.kill();
    holder.waitForFinished();
}

void TstMainWindow::switchingTheDatabaseRestartsTheEngine()
{
    // Two databases, each with its own chain; the settings name the first.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto first = databaseWithChain(dir, QStringLiteral("first.db"), 11, QStringLiteral("on-first"));
    QVERIFY2(first, why(first).constData());
    auto second = databaseWithChain(dir, QStringLiteral("second.db"), 22, QStringLiteral("on-second"));
    QVERIFY2(second, why(second).constData());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(settings.setDatabase(first->toString()));

    EngineOptions options;
    options.app = QStringLiteral("arbor-test-session");
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    options.snapshotIntervalMs = 200;
    LogSink sink;
    ConsoleSession session(options, &sink, &settings);
    session.open(*first);
    QVERIFY(session.window());
    auto chainNames = [&session] {
        QStringList names;
        for (const ChainRecord &c : session.engine()->chains()->snapshot())
            names.append(c.config.name);
        return names;
    };
    QTRY_VERIFY_WITH_TIMEOUT(session.engine()->state().started, EngineTimeoutMs);
    QVERIFY(!session.engine()->isReadOnly());
    QTRY_COMPARE(chainNames(), QStringList{QStringLiteral("on-first")});

    // Settings… chose the second database: a new engine and window on it.
    QVERIFY(settings.setDatabase(second->toString()));
    QPointer<MainWindow> old = session.window();
    Q_EMIT old->databaseSwitchRequested();
    QTRY_VERIFY(old.isNull());
    QTRY_VERIFY(session.window());
    QCOMPARE(session.engine()->options().database.path, second->path);
    QTRY_VERIFY_WITH_TIMEOUT(session.engine()->state().started, EngineTimeoutMs);
    QVERIFY(!session.engine()->isReadOnly());
    QTRY_COMPARE(chainNames(), QStringList{QStringLiteral("on-second")});
    auto *backend = session.window()->findChild<QLabel *>(QStringLiteral("backendLabel"));
    QVERIFY(backend);
    QVERIFY2(backend->text().contains(u"second.db"), qPrintable(backend->text()));
    QVERIFY(QApplication::quitOnLastWindowClosed());

    // The first database's lease went with the old engine: another engine takes it at once.
    EngineOptions other;
    other.database = *first;
    other.app = QStringLiteral("arbor-test-after-switch");
    other.lease = EngineOptions::Lease::Required;
    other.snapshotIntervalMs = 0;
    Engine after(other);
    QFuture<Status> started = after.start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), EngineTimeoutMs);
    QVERIFY2(started.result().ok(), why(started.result()).constData());
}

void TstMainWindow::crashReportOfTheLastRunIsShownOnce()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString reports = dir.filePath(QStringLiteral("crash-reports"));
    QVERIFY(QDir().mkpath(reports));
    const QString report = reports + QStringLiteral("/crash-20261123-194700-4242.txt");
    {
        QFile file(report);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("Arbor crash report\nprogram: arbor 0.1.0\nsignal: SIGSEGV (invalid memory access)\nthread: arbor-delivery\n");
    }
    auto database = databaseWithChain(dir, QStringLiteral("crashed.db"), 33, QStringLiteral("after-crash"));
    QVERIFY2(database, why(database).constData());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    EngineOptions options;
    options.app = QStringLiteral("arbor-test-session");
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    options.snapshotIntervalMs = 200;
    LogSink sink;
    sink.install();
    {
        // The first start after the crash says so over the window, naming the report, and logs it.
        ConsoleSession session(options, &sink, &settings);
        session.noticeCrashReports(reports);
        session.open(*database);
        QPointer<QMessageBox> box;
        QTRY_VERIFY_WITH_TIMEOUT((box = session.window()->findChild<QMessageBox *>(QStringLiteral("crashReportBox")))
                                     && box->isVisible(), EngineTimeoutMs);
        QVERIFY2(box->text().contains(QDir::toNativeSeparators(report)), qPrintable(box->text()));
        QVERIFY(box->text().contains(QLatin1String("stopped unexpectedly")));
        const QList<LogMessage> logged = sink.messages();
        QVERIFY(std::any_of(logged.cbegin(), logged.cend(),
                            [&report](const LogMessage &m) { return m.text.contains(QDir::toNativeSeparators(report)); }));
        box->accept();
        QTRY_VERIFY(box.isNull());
        QTRY_VERIFY_WITH_TIMEOUT(session.engine()->state().started, EngineTimeoutMs);
    }
    {
        // The next start says nothing more of it.
        ConsoleSession again(options, &sink, &settings);
        again.noticeCrashReports(reports);
        again.open(*database);
        QTRY_VERIFY_WITH_TIMEOUT(again.engine()->state().started, EngineTimeoutMs);
        QTest::qWait(100);
        QVERIFY(!again.window()->findChild<QMessageBox *>(QStringLiteral("crashReportBox")));
    }
}

void TstMainWindow::switchingTheDatabaseNeverBlocksTheWindow_data()
{
    QTest::addColumn<bool>("workers");
    QTest::newRow("writer only") << false;
    // An indexer (its RPC refused, so it retries) and a queue worker stop too; both write.
    QTest::newRow("indexer and queue worker") << true;
}

void TstMainWindow::switchingTheDatabaseNeverBlocksTheWindow()
{
    QFETCH(bool, workers);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto first = databaseWithChain(dir, QStringLiteral("first.db"), 11, QStringLiteral("on-first"));
    QVERIFY2(first, why(first).constData());
    auto second = databaseWithChain(dir, QStringLiteral("second.db"), 22, QStringLiteral("on-second"));
    QVERIFY2(second, why(second).constData());
    AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    QVERIFY(settings.setDatabase(first->toString()));

    EngineOptions options;
    options.app = QStringLiteral("arbor-test-session");
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    options.snapshotIntervalMs = 200;
    // Without workers, the only write the old engine has left is the lease release: no
    // heartbeat or queue upkeep may land on the lock below.
    options.heartbeatMs = 3600000;
    options.queueMaintenanceMs = 0;
    options.indexing = workers;
    options.processQueue = workers;
    LogSink sink;
    ConsoleSession session(options, &sink, &settings);
    session.open(*first);
    QTRY_VERIFY_WITH_TIMEOUT(session.engine()->state().started, EngineTimeoutMs);
    QVERIFY(!session.engine()->isReadOnly());
    // A round trip through the old writer: what start() queued there is done.
    QFuture<Result<MigrationStatus>> settled = session.engine()->database()->migrationStatus();
    QTRY_VERIFY_WITH_TIMEOUT(settled.isFinished(), EngineTimeoutMs);

    // Another connection holds the first database's write lock, as a long transaction in another
    // process would: the old writer's lease release waits for it (up to SQLite's busy timeout).
    const QString lockName = QStringLiteral("tst_mainwindow-write-lock");
    {
        QSqlDatabase lockDb = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), lockName);
        lockDb.setDatabaseName(first->path);
        QVERIFY2(lockDb.open(), qPrintable(lockDb.lastError().text()));
        QSqlQuery begin(lockDb);
        QVERIFY2(begin.exec(QStringLiteral("BEGIN IMMEDIATE")), qPrintable(begin.lastError().text()));
    }
    auto endLock = [&lockName] {
        QSqlQuery commit(QSqlDatabase::database(lockName, false));
        return commit.exec(QStringLiteral("COMMIT"));
    };
    bool locked = true;
    const auto unlockOnExit = qScopeGuard([&] {
        if (locked)
            endLock();
        QSqlDatabase::removeDatabase(lockName);
    });

    // A timer on the GUI thread lets the lock go after a few ticks: only an event loop that keeps
    // running while the old engine closes gets there before the old engine is destroyed.
    const int TicksBeforeUnlock = 10;
    bool oldEngineGone = false;
    bool lockedWhenOldEngineWent = false;
    int ticksWhileClosing = 0;
    QTimer ticker;
    ticker.setInterval(20);
    connect(&ticker, &QTimer::timeout, this, [&] {
        if (oldEngineGone)
            return;
        ++ticksWhileClosing;
        if (locked && ticksWhileClosing >= TicksBeforeUnlock)
            locked = !endLock();
    });
    QPointer<Engine> oldEngine = session.engine();
    connect(oldEngine, &QObject::destroyed, this, [&] {
        oldEngineGone = true;
        lockedWhenOldEngineWent = locked;
    });

    QVERIFY(settings.setDatabase(second->toString()));
    QPointer<MainWindow> old = session.window();
    ticker.start();
    Q_EMIT old->databaseSwitchRequested();
    QTRY_VERIFY_WITH_TIMEOUT(oldEngineGone, EngineTimeoutMs);
    ticker.stop();

    QVERIFY2(!lockedWhenOldEngineWent, "the old engine was destroyed while its writer still waited for the lock: "
                                       "the switch blocked the GUI thread until the wait gave up");
    QVERIFY2(ticksWhileClosing >= TicksBeforeUnlock, qPrintable(QString::number(ticksWhileClosing)));
    QVERIFY(old.isNull());
    QTRY_VERIFY(session.window());
    QCOMPARE(session.engine()->options().database.path, second->path);
    QTRY_VERIFY_WITH_TIMEOUT(session.engine()->state().started, EngineTimeoutMs);

    // The release waited for the lock and then went through: another engine takes the lease at once.
    EngineOptions other;
    other.database = *first;
    other.app = QStringLiteral("arbor-test-after-switch");
    other.lease = EngineOptions::Lease::Required;
    other.snapshotIntervalMs = 0;
    Engine after(other);
    QFuture<Status> started = after.start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), EngineTimeoutMs);
    QVERIFY2(started.result().ok(), why(started.result()).constData());
}

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--hold-lease") == 0)
        return holdLease(argc, argv);

    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    TstMainWindow test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_mainwindow.moc"

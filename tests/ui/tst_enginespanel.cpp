// The Database page's Engines tab. The EngineListModel as an operator reads it: this console's
// engine marked, an engine without heartbeat "not responding", a drained one "draining", the
// coordinator, the chains by name, heartbeat ages; its updates keep the selection. The
// EnginesPanel against real engines: on SQLite it says the database serves one engine; on a
// PostgreSQL database (ARBOR_TEST_PG_URL, as tests/run.sh sets it) it lists this console's engine
// and another one, moves a chain to the other, drains and resumes it, and drops it when it leaves.
#include "engine/chainservice.h"
#include "engine/databaseservice.h"
#include "engine/engine.h"
#include "engine/rosterservice.h"
#include "model/entitydef.h"
#include "models/enginelistmodel.h"
#include "pages/databasepage.h"
#include "store/chainregistry.h"
#include "store/enginestore.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"
#include "widgets/enginespanel.h"
#include "widgets/tableactions.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QInputDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace arbor;
using namespace arbor::ui;
using namespace arbor::test;

namespace tst_enginespanel {

namespace {

constexpr int TimeoutMs = 30000;
const QString OneEngineText = QStringLiteral("This database serves one engine: this console. Several engines need PostgreSQL.");

/// A moment the model's ages count from.
const qint64 Now = QDateTime(QDate(2025, 3, 1), QTime(12, 0)).toMSecsSinceEpoch();

EngineRecord engineRecord(const QString &name, QList<qint64> chains = {})
{
    EngineRecord e;
    e.name = name;
    e.host = QStringLiteral("host-") + name;
    e.pid = 4000 + name.size();
    e.app = QStringLiteral("arborctl");
    e.startedAt = Now - 3600000;
    e.heartbeatAt = Now - 3000;
    e.leaseMs = 30000;
    e.alive = true;
    e.chains = std::move(chains);
    return e;
}

QString text(const QAbstractItemModel *model, int row, int column, int role = Qt::DisplayRole)
{
    return model->index(row, column).data(role).toString();
}

/// The engine's row as the view shows it (through the panel's proxy), or -1.
int viewRow(QTableView *view, const QString &name)
{
    QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(EngineListModel::EngineNameRole).toString() == name)
            return row;
    }
    return -1;
}

QString selectedEngine(QTableView *view)
{
    const QModelIndexList rows = view->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(EngineListModel::EngineNameRole).toString() : QString();
}

/// The Engines tab of `page` brought to the front, and its panel.
EnginesPanel *showEnginesTab(DatabasePage &page)
{
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("databaseTabs"));
    if (!tabs)
        return nullptr;
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i) == QLatin1String("Engines")) {
            tabs->setCurrentIndex(i);
            return tabs->widget(i)->findChild<EnginesPanel *>(QStringLiteral("enginesPanel"));
        }
    }
    return nullptr;
}

template<typename T>
QPointer<T> waitForVisible(QWidget *parent, const char *objectName)
{
    T *found = nullptr;
    const bool shown = QTest::qWaitFor([&] {
        for (T *w : parent->findChildren<T *>(QLatin1String(objectName))) {
            if (w->isVisible())
                found = w;
        }
        return found != nullptr;
    }, TimeoutMs);
    return QPointer<T>(shown ? found : nullptr);
}

/// A database of its own on the PostgreSQL server at ARBOR_TEST_PG_URL, dropped at the end.
class PostgresDatabase
{
public:
    explicit PostgresDatabase(const QString &server)
    {
        auto serverUrl = DatabaseUrl::parse(server);
        if (!serverUrl) {
            m_error = serverUrl.error().toString();
            return;
        }
        m_server = *serverUrl;
        m_name = QStringLiteral("arbor_ui_engines_%1").arg(QCoreApplication::applicationPid());
        auto admin = Store::open(m_server);
        if (!admin) {
            m_error = admin.error().toString();
            return;
        }
        (void)(*admin)->exec(QLatin1String("DROP DATABASE IF EXISTS ") + m_name);
        if (Status created = (*admin)->exec(QLatin1String("CREATE DATABASE ") + m_name); !created) {
            m_error = created.error().toString();
            return;
        }
        m_url = m_server;
        m_url.database = m_name;
    }

    ~PostgresDatabase()
    {
        if (!m_error.isEmpty() || m_name.isEmpty())
            return;
        if (auto admin = Store::open(m_server)) {
            (void)(*admin)->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()"),
                                 {m_name});
            (void)(*admin)->exec(QLatin1String("DROP DATABASE IF EXISTS ") + m_name);
        }
    }

    const QString &error() const { return m_error; }
    const DatabaseUrl &url() const { return m_url; }

private:
    DatabaseUrl m_server;
    DatabaseUrl m_url;
    QString m_name;
    QString m_error;
};

/// Migrates `store` and registers the active chains `chains` (id → name), with an endpoint
/// nobody answers on.
Status registerChains(Store &store, const QList<std::pair<qint64, QString>> &chains)
{
    if (auto migrated = store.migrate(); !migrated)
        return migrated.error();
    if (auto reconciled = store.reconcileEntityTables(evmEntities()); !reconciled)
        return reconciled.error();
    for (const auto &[id, name] : chains) {
        ChainConfig config;
        config.chainId = id;
        config.name = name;
        config.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:1/"))};
        config.startBlock = 1;
        EndpointRecord endpoint;
        endpoint.url = config.rpcUrls.first();
        if (Status s = ChainRegistry(store).registerChain(config, {endpoint}, evmEntities()); !s)
            return s;
    }
    return {};
}

std::optional<EngineRecord> storedEngine(Store &store, const QString &name)
{
    auto engines = EngineStore(store).engines();
    if (!engines)
        return std::nullopt;
    for (const EngineRecord &e : std::as_const(*engines)) {
        if (e.name == name)
            return e;
    }
    return std::nullopt;
}

} // namespace

class TstEnginesPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void stateText_data();
    void stateText();
    void modelShowsWhatTheOperatorReads();
    void updateKeepsTheSelection();
    void sqliteDatabaseServesOneEngine();
    void sharedDatabaseMovesDrainsAndResumes();

private:
    UiFixture m_home;
};

void TstEnginesPanel::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiFixture::Setup setup;
    setup.applicationName = QStringLiteral("arbor-tst-enginespanel");
    m_home.setUp(setup);
}

void TstEnginesPanel::stateText_data()
{
    QTest::addColumn<bool>("alive");
    QTest::addColumn<bool>("draining");
    QTest::addColumn<QString>("state");
    QTest::addColumn<QString>("explanation");
    QTest::newRow("running") << true << false << QStringLiteral("running") << QStringLiteral("fair share");
    QTest::newRow("draining") << true << true << QStringLiteral("draining") << QStringLiteral("takes none until it is resumed");
    QTest::newRow("silent") << false << false << QStringLiteral("not responding") << QStringLiteral("the other engines take its chains");
    QTest::newRow("silent while draining") << false << true << QStringLiteral("not responding") << QStringLiteral("No heartbeat for 3 s");
}

void TstEnginesPanel::stateText()
{
    QFETCH(bool, alive);
    QFETCH(bool, draining);
    QFETCH(QString, state);
    QFETCH(QString, explanation);
    EngineRecord e = engineRecord(QStringLiteral("e1"));
    e.alive = alive;
    e.draining = draining;
    EngineListModel model;
    model.update({e}, Now);
    QCOMPARE(text(&model, 0, EngineListModel::StateColumn), state);
    const QString tip = text(&model, 0, EngineListModel::StateColumn, Qt::ToolTipRole);
    QVERIFY2(tip.contains(explanation), qPrintable(tip));
}

void TstEnginesPanel::modelShowsWhatTheOperatorReads()
{
    EngineRecord console = engineRecord(QStringLiteral("desk"), {1, 7});
    console.coordinator = true;
    console.app = QStringLiteral("arbor");
    EngineRecord server = engineRecord(QStringLiteral("rack-2"), {3});
    server.heartbeatAt = Now - 150000;
    server.maxChains = 4;
    EngineListModel model;
    model.setLocalEngine(QStringLiteral("desk"));
    model.setChainNames({{1, QStringLiteral("mainnet")}, {3, QStringLiteral("base")}});
    model.update({console, server}, Now);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(EngineListModel::ColumnCount));

    // This console's engine is marked; a copy gives the name `chain move --to` takes.
    QCOMPARE(text(&model, 0, EngineListModel::NameColumn), QStringLiteral("desk (this console)"));
    QCOMPARE(text(&model, 0, EngineListModel::NameColumn, CopyRole), QStringLiteral("desk"));
    QCOMPARE(text(&model, 1, EngineListModel::NameColumn), QStringLiteral("rack-2"));

    // Chains: how many, and which in the tooltip (an id without a name as the id).
    QCOMPARE(text(&model, 0, EngineListModel::ChainsColumn), QStringLiteral("2"));
    const QString chains = text(&model, 0, EngineListModel::ChainsColumn, Qt::ToolTipRole);
    QVERIFY2(chains.contains(QStringLiteral("mainnet (1)")) && chains.contains(QStringLiteral("chain 7")), qPrintable(chains));
    QCOMPARE(text(&model, 1, EngineListModel::ChainsColumn, Qt::ToolTipRole), QStringLiteral("base (3)"));

    // The coordinator, and what it does.
    QCOMPARE(text(&model, 0, EngineListModel::CoordinatorColumn), QStringLiteral("yes"));
    QCOMPARE(text(&model, 1, EngineListModel::CoordinatorColumn), QStringLiteral("—"));
    QVERIFY(text(&model, 1, EngineListModel::CoordinatorColumn, Qt::ToolTipRole).contains(QStringLiteral("triggers, alerts, balance refreshes and maintenance")));
    QVERIFY(model.headerData(EngineListModel::CoordinatorColumn, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("for all engines")));

    // Where it runs, its heartbeat's age and when it started.
    QCOMPARE(text(&model, 1, EngineListModel::HostColumn), QStringLiteral("host-rack-2"));
    QCOMPARE(text(&model, 1, EngineListModel::PidColumn), QString::number(server.pid));
    QCOMPARE(text(&model, 0, EngineListModel::ProgramColumn), QStringLiteral("arbor"));
    QCOMPARE(text(&model, 0, EngineListModel::HeartbeatColumn), QStringLiteral("3 s ago"));
    QCOMPARE(text(&model, 1, EngineListModel::HeartbeatColumn), QStringLiteral("2 min ago"));
    QCOMPARE(text(&model, 0, EngineListModel::StartedColumn),
             QLocale().toString(QDateTime::fromMSecsSinceEpoch(console.startedAt), QLocale::ShortFormat));
    const QString limit = text(&model, 1, EngineListModel::StateColumn, Qt::ToolTipRole);
    QVERIFY2(limit.contains(QStringLiteral("at most 4 chain")), qPrintable(limit));

    // The ages grow with the next read, whether a heartbeat came or not.
    model.update({console, server}, Now + 60000);
    QCOMPARE(text(&model, 0, EngineListModel::HeartbeatColumn), QStringLiteral("1 min ago"));

    // Numeric columns sort as numbers: 10 chains after 9.
    EngineRecord many = engineRecord(QStringLiteral("many"), {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    EngineRecord nine = engineRecord(QStringLiteral("nine"), {1, 2, 3, 4, 5, 6, 7, 8, 9});
    model.update({many, nine}, Now);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(EngineListModel::SortRole);
    proxy.sort(EngineListModel::ChainsColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, EngineListModel::NameColumn).data(EngineListModel::EngineNameRole).toString(), QStringLiteral("nine"));
    QCOMPARE(proxy.index(1, EngineListModel::ChainsColumn).data().toString(), QStringLiteral("10"));
}

void TstEnginesPanel::updateKeepsTheSelection()
{
    EngineListModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(EngineListModel::SortRole);
    proxy.setDynamicSortFilter(true);
    QTableView view;
    view.setModel(&proxy);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSortingEnabled(true);
    view.sortByColumn(EngineListModel::NameColumn, Qt::AscendingOrder);
    model.update({engineRecord(QStringLiteral("alpha")), engineRecord(QStringLiteral("beta")), engineRecord(QStringLiteral("gamma"))}, Now);
    view.selectRow(viewRow(&view, QStringLiteral("beta")));
    QCOMPARE(selectedEngine(&view), QStringLiteral("beta"));

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    EngineRecord beta = engineRecord(QStringLiteral("beta"), {5});
    beta.draining = true;
    beta.heartbeatAt = Now + 1500;
    model.update({engineRecord(QStringLiteral("aardvark")), beta, engineRecord(QStringLiteral("delta"))}, Now + 2000);

    QCOMPARE(resets.size(), 0);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOf(QStringLiteral("alpha")), -1);
    QCOMPARE(selectedEngine(&view), QStringLiteral("beta"));
    const int row = viewRow(&view, QStringLiteral("beta"));
    QCOMPARE(row, 1);
    QCOMPARE(text(view.model(), row, EngineListModel::StateColumn), QStringLiteral("draining"));
    QCOMPARE(text(view.model(), row, EngineListModel::ChainsColumn), QStringLiteral("1"));
    QCOMPARE(text(view.model(), row, EngineListModel::HeartbeatColumn), QStringLiteral("just now"));
}

void TstEnginesPanel::sqliteDatabaseServesOneEngine()
{
    auto url = m_home.databaseUrl(QStringLiteral("engines.db"));
    QVERIFY2(url, why(url).constData());
    EngineOptions options = UiFixture::engineOptions(*url);
    options.indexing = true;   // as the console runs
    auto [engine, started] = UiFixture::startEngine(options);
    QVERIFY2(started, why(started).constData());
    DatabasePage page(engine->database(), engine->chains(), engine->roster());
    page.resize(1000, 600);
    page.show();
    EnginesPanel *panel = showEnginesTab(page);
    QVERIFY(panel);
    QVERIFY(panel->isVisible());

    auto *intro = panel->findChild<QLabel *>(QStringLiteral("enginesIntro"));
    QVERIFY(intro);
    QTRY_COMPARE_WITH_TIMEOUT(intro->text(), OneEngineText, TimeoutMs);
    QVERIFY(!panel->findChild<QTableView *>(QStringLiteral("enginesTable"))->isVisible());
    QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("drainEngineButton"))->isVisible());
    QVERIFY(!panel->findChild<QPushButton *>(QStringLiteral("moveChainHereButton"))->isVisible());
    QCOMPARE(panel->model()->rowCount(), 0);
}

void TstEnginesPanel::sharedDatabaseMovesDrainsAndResumes()
{
    const QString server = qEnvironmentVariable("ARBOR_TEST_PG_URL");
    if (server.isEmpty()) {
        const char *reason = "ARBOR_TEST_PG_URL is not set: run the suite with tests/run.sh, which starts PostgreSQL";
        if (qEnvironmentVariableIsSet("CI"))
            QFAIL(reason);
        QSKIP(reason);
    }
    PostgresDatabase database(server);
    QVERIFY2(database.error().isEmpty(), qPrintable(database.error()));
    {
        auto setup = Store::open(database.url());
        QVERIFY2(setup, why(setup).constData());
        const Status registered = registerChains(**setup, {{41, QStringLiteral("enginechain")}, {42, QStringLiteral("otherchain")}});
        QVERIFY2(registered, why(registered).constData());
    }

    EngineOptions options = UiFixture::engineOptions(database.url());
    options.indexing = true;
    options.engineName = QStringLiteral("console-test");
    auto [engine, started] = UiFixture::startEngine(options);
    QVERIFY2(started, why(started).constData());
    QVERIFY(engine->roster()->shared());
    QCOMPARE(engine->roster()->engineName(), QStringLiteral("console-test"));

    // Another engine, as an `arborctl serve` elsewhere: it beats when the test says and claims
    // no chain by itself.
    auto opened = Store::open(database.url());
    QVERIFY2(opened, why(opened).constData());
    Store &store = **opened;
    EngineIdentity worker;
    worker.name = QStringLiteral("worker");
    worker.token = QStringLiteral("worker-token");
    worker.host = QStringLiteral("worker-host");
    worker.pid = 4242;
    worker.app = QStringLiteral("arborctl");
    worker.leaseMs = 10 * 60 * 1000;
    QVERIFY(EngineStore(store).join(worker));
    QVERIFY(EngineStore(store).heartbeat(worker, {}, {-1}));

    DatabasePage page(engine->database(), engine->chains(), engine->roster());
    page.resize(1200, 700);
    page.show();
    EnginesPanel *panel = showEnginesTab(page);
    QVERIFY(panel);
    auto *view = panel->findChild<QTableView *>(QStringLiteral("enginesTable"));
    auto *drain = panel->findChild<QPushButton *>(QStringLiteral("drainEngineButton"));
    auto *resume = panel->findChild<QPushButton *>(QStringLiteral("resumeEngineButton"));
    auto *move = panel->findChild<QPushButton *>(QStringLiteral("moveChainHereButton"));
    auto *status = panel->findChild<QLabel *>(QStringLiteral("enginesStatus"));
    QVERIFY(view && drain && resume && move && status);
    QVERIFY(!panel->findChild<QLabel *>(QStringLiteral("enginesIntro"))->text().contains(QStringLiteral("serves one engine")));

    // Both engines, this console's marked; nothing to command before one is selected.
    QTRY_VERIFY_WITH_TIMEOUT(viewRow(view, QStringLiteral("worker")) >= 0 && viewRow(view, QStringLiteral("console-test")) >= 0, TimeoutMs);
    QVERIFY(view->isVisible());
    const int consoleRow = viewRow(view, QStringLiteral("console-test"));
    QCOMPARE(text(view->model(), consoleRow, EngineListModel::NameColumn), QStringLiteral("console-test (this console)"));
    int row = viewRow(view, QStringLiteral("worker"));
    QCOMPARE(text(view->model(), row, EngineListModel::StateColumn), QStringLiteral("running"));
    QCOMPARE(text(view->model(), row, EngineListModel::HostColumn), QStringLiteral("worker-host"));
    QCOMPARE(text(view->model(), row, EngineListModel::PidColumn), QStringLiteral("4242"));
    QCOMPARE(text(view->model(), row, EngineListModel::ProgramColumn), QStringLiteral("arborctl"));
    QCOMPARE(text(view->model(), row, EngineListModel::ChainsColumn), QStringLiteral("0"));
    QVERIFY(!drain->isEnabled() && !resume->isEnabled() && !move->isEnabled());
    auto *actions = view->findChild<TableActions *>();
    QVERIFY(actions);
    QVERIFY(actions->tableAsCsv().startsWith(QLatin1String("Name,State,Chains,Coordinator,")));

    view->selectRow(row);
    QVERIFY(drain->isEnabled());
    QVERIFY(move->isEnabled());
    QVERIFY(!resume->isEnabled());

    // Move a Chain Here…: the active chains by name; the one chosen is asked to move.
    move->click();
    QPointer<QInputDialog> choose = waitForVisible<QInputDialog>(panel, "moveChainDialog");
    QVERIFY(choose);
    QVERIFY2(choose->comboBoxItems().contains(QStringLiteral("enginechain (41)")), qPrintable(choose->comboBoxItems().join(u'|')));
    QVERIFY(choose->comboBoxItems().contains(QStringLiteral("otherchain (42)")));
    choose->setTextValue(QStringLiteral("enginechain (41)"));
    choose->accept();
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("“enginechain” moves to “worker”")), TimeoutMs);
    auto leases = EngineStore(store).leases();
    QVERIFY2(leases, why(leases).constData());
    const auto lease = std::find_if(leases->cbegin(), leases->cend(), [](const ChainLease &l) { return l.chainId == 41; });
    QVERIFY(lease != leases->cend());
    QCOMPARE(lease->assignedTo, QStringLiteral("worker"));

    // Drain, after the operator confirms what it does.
    QCOMPARE(selectedEngine(view), QStringLiteral("worker"));
    QTRY_VERIFY_WITH_TIMEOUT(drain->isEnabled(), TimeoutMs);
    drain->click();
    QPointer<QMessageBox> confirm = waitForVisible<QMessageBox>(panel, "drainEngineBox");
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(QStringLiteral("worker")));
    QVERIFY2(confirm->informativeText().contains(QStringLiteral("gives its chains to the other engines")), qPrintable(confirm->informativeText()));
    QVERIFY(confirm->informativeText().contains(QStringLiteral("takes none until it is resumed")));
    auto *confirmDrain = confirm->findChild<QPushButton *>(QStringLiteral("confirmDrainEngineButton"));
    QVERIFY(confirmDrain);
    confirmDrain->click();
    QTRY_COMPARE_WITH_TIMEOUT(text(view->model(), viewRow(view, QStringLiteral("worker")), EngineListModel::StateColumn), QStringLiteral("draining"),
                              TimeoutMs);
    QVERIFY(storedEngine(store, QStringLiteral("worker")).value_or(EngineRecord()).draining);
    QVERIFY(status->text().contains(QStringLiteral("“worker” is draining")));
    QCOMPARE(selectedEngine(view), QStringLiteral("worker"));
    QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled(), TimeoutMs);
    QVERIFY(!drain->isEnabled());
    QVERIFY(!move->isEnabled());

    // Resume.
    resume->click();
    QTRY_COMPARE_WITH_TIMEOUT(text(view->model(), viewRow(view, QStringLiteral("worker")), EngineListModel::StateColumn), QStringLiteral("running"),
                              TimeoutMs);
    QVERIFY(!storedEngine(store, QStringLiteral("worker")).value_or(EngineRecord()).draining);
    QVERIFY(status->text().contains(QStringLiteral("“worker” is resumed")));
    QTRY_VERIFY_WITH_TIMEOUT(drain->isEnabled() && !resume->isEnabled(), TimeoutMs);

    // An engine that leaves is gone from the list at the next read; the verbs follow what the
    // view selects instead (Qt moves a removed row's selection to a neighbour).
    QVERIFY(EngineStore(store).leave(worker.token));
    QTRY_COMPARE_WITH_TIMEOUT(viewRow(view, QStringLiteral("worker")), -1, TimeoutMs);
    QVERIFY(viewRow(view, QStringLiteral("console-test")) >= 0);
    const QString selected = selectedEngine(view);
    QVERIFY(selected != QLatin1String("worker"));
    QCOMPARE(drain->isEnabled(), !selected.isEmpty());
    QVERIFY(!resume->isEnabled());
}

} // namespace tst_enginespanel

ARBOR_TEST_MAIN(enginespanel, tst_enginespanel::TstEnginesPanel)
#include "tst_enginespanel.moc"

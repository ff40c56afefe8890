// The Database page offscreen against a real Engine on SQLite: the sizes it shows per chain and
// per table are the store's, the totals name the file and its free pages, the slowest
// statements say where their timings come from, the growth chart draws the recorded samples,
// and the tables export what they show. Refresh asked for while a read is under way is read
// after it.
#include "charts/databasegrowthchart.h"
#include "engine/chainservice.h"
#include "engine/databaseservice.h"
#include "engine/engine.h"
#include "model/entitydef.h"
#include "models/chainsizemodel.h"
#include "models/slowstatementmodel.h"
#include "models/tablesizemodel.h"
#include "pages/databasepage.h"
#include "store/chainregistry.h"
#include "store/databasestats.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"
#include "widgets/maintenancepanel.h"
#include "widgets/tableactions.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace arbor;
using namespace arbor::ui;
using namespace arbor::test;

namespace tst_databasepage {

namespace {

constexpr qint64 ChainId = 77;
constexpr int Blocks = 400;

/// The row of the proxy's source model whose `column` displays `text`, or -1.
int sourceRow(QAbstractItemModel *model, int column, const QString &text)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString() == text)
            return row;
    }
    return -1;
}

/// Blocks [from, to] of the chain, as an indexer writes them.
Status insertBlocks(Store &store, qint64 from, qint64 to)
{
    QList<SqlRow> rows;
    for (qint64 n = from; n <= to; ++n) {
        const QByteArray hash = QCryptographicHash::hash(QByteArray::number(n), QCryptographicHash::Sha256);
        rows.append({n, hash, hash, n * 12, qint64(1), qint64(21000)});
    }
    return store.bulkInsert(store.chainTable(ChainId, QStringLiteral("blocks")),
                            {QStringLiteral("number"), QStringLiteral("hash"), QStringLiteral("parent_hash"), QStringLiteral("timestamp"),
                             QStringLiteral("tx_count"), QStringLiteral("gas_used")},
                            rows);
}

/// A store with the chain registered and its blocks 1 to Blocks.
Status createStore(Store &store)
{
    if (auto migrated = store.migrate(); !migrated)
        return migrated.error();
    if (auto reconciled = store.reconcileEntityTables(evmEntities()); !reconciled)
        return reconciled.error();
    ChainConfig config;
    config.chainId = ChainId;
    config.name = QStringLiteral("pagechain");
    config.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:1/"))};
    config.startBlock = 1;
    EndpointRecord endpoint;
    endpoint.url = config.rpcUrls.first();
    endpoint.status = EndpointStatus::Ok;
    if (Status s = ChainRegistry(store).registerChain(config, {endpoint}, evmEntities()); !s)
        return s;
    return insertBlocks(store, 1, Blocks);
}

} // namespace

class TstDatabasePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsWhatTheStoreHolds();
    void refreshDuringAReadIsReadAfterIt();

private:
    UiFixture m_home;
};

void TstDatabasePage::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
}

void TstDatabasePage::showsWhatTheStoreHolds()
{
    auto url = m_home.databaseUrl(QStringLiteral("database-page.db"));
    QVERIFY2(url, why(url).constData());
    const QString blocksTable = QStringLiteral("c%1_blocks").arg(ChainId);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    {
        auto opened = Store::open(*url);
        QVERIFY2(opened, why(opened).constData());
        Store &store = **opened;
        const Status created = createStore(store);
        QVERIFY2(created, why(created).constData());
        QVERIFY(store.query(QLatin1String("SELECT COUNT(*) FROM ") + blocksTable + QLatin1String(" WHERE number > 10")));
        QVERIFY(DatabaseStatsStore(store).flushStatementStats());
        auto stats = DatabaseStatsStore(store).stats();
        QVERIFY2(stats, why(stats).constData());
        QVERIFY(DatabaseStatsStore(store).writeSizeSamples(DatabaseStatsStore::samplesOf(*stats, now - 2 * 3600000)));
        QVERIFY(DatabaseStatsStore(store).writeSizeSamples(DatabaseStatsStore::samplesOf(*stats, now - 3600000)));
    }

    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY2(started, why(started).constData());
    DatabasePage page(engine.get()->database(), engine.get()->chains(), engine.get()->roster());
    page.resize(1100, 700);
    page.show();
    QTRY_VERIFY_WITH_TIMEOUT(!page.stats().tables.isEmpty(), 15000);

    auto opened = Store::open(*url);
    QVERIFY2(opened, why(opened).constData());
    Store &store = **opened;
    const QLocale locale;

    // The header: the file and its free pages.
    auto *backend = page.findChild<QLabel *>(QStringLiteral("databaseBackendLabel"));
    QVERIFY(backend->text().contains(url->path));
    QVERIFY(backend->text().contains(QLatin1String("SQLite 3.")));
    auto *totals = page.findChild<QLabel *>(QStringLiteral("databaseTotalsLabel"));
    const DatabaseStats &shown = page.stats();
    QVERIFY(totals->text().contains(byteSizeText(shown.totalBytes)));
    QVERIFY(totals->text().contains(QLatin1String("free pages")));

    // The chain's row: its tables' rows, as COUNT(*) gives them.
    auto *chainView = page.findChild<QTableView *>(QStringLiteral("databaseChainsTable"));
    QAbstractItemModel *chains = chainView->model();
    const int chainRow = sourceRow(chains, ChainSizeModel::ChainColumn, QString::number(ChainId));
    QVERIFY(chainRow >= 0);
    QCOMPARE(chains->index(chainRow, ChainSizeModel::NameColumn).data().toString(), QStringLiteral("pagechain"));
    auto tables = store.chainTables(ChainId);
    QVERIFY(tables);
    qint64 chainRows = 0;
    for (const QString &t : std::as_const(*tables))
        chainRows += *store.rowCount(t);
    QCOMPARE(chains->index(chainRow, ChainSizeModel::RowsColumn).data().toString(), locale.toString(chainRows));
    QCOMPARE(chains->index(chainRow, ChainSizeModel::TablesColumn).data().toString(), locale.toString(tables->size()));
    QCOMPARE(chains->index(chainRow, ChainSizeModel::TotalBytesColumn).data(CopyRole).toLongLong(),
             chains->index(chainRow, ChainSizeModel::TableBytesColumn).data(CopyRole).toLongLong()
                 + chains->index(chainRow, ChainSizeModel::IndexBytesColumn).data(CopyRole).toLongLong());

    // The chain's tables' row counts (the engine keeps writing admin rows), and the blocks
    // table's size with units.
    auto *tableView = page.findChild<QTableView *>(QStringLiteral("databaseTablesTable"));
    QAbstractItemModel *tableModel = tableView->model();
    QVERIFY(tableModel->rowCount() > int(tables->size()));
    for (const QString &name : std::as_const(*tables)) {
        const int row = sourceRow(tableModel, TableSizeModel::NameColumn, name);
        QVERIFY2(row >= 0, qPrintable(name));
        QCOMPARE(tableModel->index(row, TableSizeModel::RowsColumn).data().toString(), locale.toString(*store.rowCount(name)));
    }
    const int chainsRow = sourceRow(tableModel, TableSizeModel::NameColumn, store.admin("chains"));
    QVERIFY(chainsRow >= 0);
    QCOMPARE(tableModel->index(chainsRow, TableSizeModel::ScopeColumn).data().toString(), QStringLiteral("admin"));
    QCOMPARE(tableModel->index(chainsRow, TableSizeModel::RowsColumn).data().toString(), QStringLiteral("1"));
    const int blocksRow = sourceRow(tableModel, TableSizeModel::NameColumn, blocksTable);
    QVERIFY(blocksRow >= 0);
    QCOMPARE(tableModel->index(blocksRow, TableSizeModel::RowsColumn).data().toString(), locale.toString(Blocks));
    QCOMPARE(tableModel->index(blocksRow, TableSizeModel::ScopeColumn).data().toString(), QStringLiteral("chain %1").arg(ChainId));
    const QString size = tableModel->index(blocksRow, TableSizeModel::TableBytesColumn).data().toString();
    QVERIFY2(size.endsWith(QLatin1String(" kB")) || size.endsWith(QLatin1String(" MB")), qPrintable(size));
    QVERIFY(tableView->isColumnHidden(TableSizeModel::DeadRowsColumn));   // SQLite has none

    // Sorting by size puts the largest first; the export holds exact bytes.
    tableView->sortByColumn(TableSizeModel::TotalBytesColumn, Qt::DescendingOrder);
    QVERIFY(tableModel->index(0, TableSizeModel::TotalBytesColumn).data(CopyRole).toLongLong()
            >= tableModel->index(1, TableSizeModel::TotalBytesColumn).data(CopyRole).toLongLong());
    auto *actions = tableView->findChild<TableActions *>();
    QVERIFY(actions);
    const QString csv = actions->tableAsCsv();
    QVERIFY(csv.startsWith(QLatin1String("Table,Scope,Rows,")));
    const qint64 blocksBytes = tableModel->index(blocksRow, TableSizeModel::TableBytesColumn).data(CopyRole).toLongLong();
    QVERIFY(csv.contains(blocksTable + QLatin1String(",chain 77,") + QString::number(Blocks) + u',' + QString::number(blocksBytes)));

    // The slowest statements, normalised, and their source.
    auto *statementView = page.findChild<QTableView *>(QStringLiteral("databaseStatementsTable"));
    QTRY_VERIFY(statementView->model()->rowCount() > 0);
    auto recorded = store.query(QLatin1String("SELECT statement, calls FROM ") + store.admin("statement_stats"));
    QVERIFY2(recorded, why(recorded).constData());
    QHash<QString, qint64> calls;
    for (const SqlRow &r : std::as_const(*recorded))
        calls.insert(r[0].toString(), r[1].toLongLong());
    QVERIFY(calls.contains(QStringLiteral("SELECT COUNT(*) FROM c?_blocks WHERE number > ?")));
    for (int row = 0; row < statementView->model()->rowCount(); ++row) {
        const QString statement = statementView->model()->index(row, SlowStatementModel::StatementColumn).data().toString();
        QVERIFY2(calls.contains(statement), qPrintable(statement));
        QCOMPARE(statementView->model()->index(row, SlowStatementModel::CallsColumn).data().toString(), locale.toString(calls.value(statement)));
        QVERIFY(!statement.contains(QLatin1String("c77_")));   // every chain's copy shares one row
    }
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("databaseStatementSource"))->text().contains(QLatin1String("Arbor's own timings")));

    // The growth chart: the two samples, in MB, every chain named.
    auto *growth = page.findChild<DatabaseGrowthChart *>();
    QTRY_VERIFY(growth->lineNames().contains(QStringLiteral("Total")));
    QVERIFY(growth->lineNames().contains(QStringLiteral("pagechain (77)")));
    QCOMPARE(growth->points(QStringLiteral("Total")).size(), 2);
    QCOMPARE(growth->segmentCount(QStringLiteral("Total")), 1);
    QCOMPARE(growth->unit(), QStringLiteral("MB"));
    // The time axis starts at the data, not 30 days (the default window) before now.
    const qint64 firstSample = qint64(growth->points(QStringLiteral("Total")).first().x());
    QCOMPARE(growth->timeRange().first, firstSample);   // two hours ago
    QVERIFY2(growth->timeRange().second - growth->timeRange().first < 24 * 3600 * 1000,
             qPrintable(QString::number(growth->timeRange().second - growth->timeRange().first)));

    // The Maintenance tab holds the maintenance panel.
    auto *area = page.findChild<QWidget *>(QStringLiteral("databaseMaintenanceArea"));
    QVERIFY(area);
    QVERIFY(area->findChild<MaintenancePanel *>());
}

void TstDatabasePage::refreshDuringAReadIsReadAfterIt()
{
    // The operator clicks Refresh while the page's read is under way, after another process (an
    // `arborctl serve`) wrote more blocks: the page shows them once that read is back, not at its
    // next periodic read a minute later.
    auto url = m_home.databaseUrl(QStringLiteral("database-page-refresh.db"));
    QVERIFY2(url, why(url).constData());
    {
        auto opened = Store::open(*url);
        QVERIFY2(opened, why(opened).constData());
        const Status created = createStore(**opened);
        QVERIFY2(created, why(created).constData());
    }
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY2(started, why(started).constData());
    auto opened = Store::open(*url);
    QVERIFY2(opened, why(opened).constData());
    Store &store = **opened;

    DatabasePage page(engine.get()->database(), engine.get()->chains(), engine.get()->roster());
    page.resize(1100, 700);
    page.show();
    auto *tableView = page.findChild<QTableView *>(QStringLiteral("databaseTablesTable"));
    auto *refresh = page.findChild<QPushButton *>(QStringLiteral("databaseRefreshButton"));
    QVERIFY(tableView && refresh);
    const QString blocksTable = QStringLiteral("c%1_blocks").arg(ChainId);
    auto blockRows = [&] {
        QAbstractItemModel *model = tableView->model();
        const int row = sourceRow(model, TableSizeModel::NameColumn, blocksTable);
        return row < 0 ? QString() : model->index(row, TableSizeModel::RowsColumn).data().toString();
    };
    const QLocale locale;
    QTRY_COMPARE_WITH_TIMEOUT(blockRows(), locale.toString(Blocks), 15000);

    refresh->click();   // a read under way
    // The engine's reader runs reads in order: once this one is done, so is the page's, whose
    // answer the page has not seen yet (no event has been processed since the click).
    engine->database()->databaseStats().waitForFinished();
    const Status inserted = insertBlocks(store, Blocks + 1, Blocks + 100);
    QVERIFY2(inserted, why(inserted).constData());
    refresh->click();   // asked for during that read

    QTRY_COMPARE_WITH_TIMEOUT(blockRows(), locale.toString(Blocks + 100), 15000);
    const QString chainRows = [&] {
        QAbstractItemModel *chains = page.findChild<QTableView *>(QStringLiteral("databaseChainsTable"))->model();
        const int row = sourceRow(chains, ChainSizeModel::ChainColumn, QString::number(ChainId));
        return row < 0 ? QString() : chains->index(row, ChainSizeModel::RowsColumn).data().toString();
    }();
    auto tables = store.chainTables(ChainId);
    QVERIFY2(tables, why(tables).constData());
    qint64 rows = 0;
    for (const QString &t : std::as_const(*tables))
        rows += *store.rowCount(t);
    QCOMPARE(chainRows, locale.toString(rows));
}

} // namespace tst_databasepage

ARBOR_TEST_MAIN(databasepage, tst_databasepage::TstDatabasePage)
#include "tst_databasepage.moc"

// Tables for humans: copy and CSV export (TableActions), token amounts in the locale's digits,
// balances aligned and grouped, the share of supply, and the recorded figures of chains this
// console does not index.

#include "charts/chainchartpanel.h"
#include "engine/balanceservice.h"
#include "engine/chainservice.h"
#include "engine/recordedstatuses.h"
#include "fakenode.h"
#include "metrics/chainmetrics.h"
#include "model/entitydef.h"
#include "models/amountformat.h"
#include "models/chainlistmodel.h"
#include "models/portfoliomodel.h"
#include "models/topholdersmodel.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "testmain.h"
#include "uifixture.h"
#include "widgets/tableactions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFileDialog>
#include <QJsonObject>
#include <QHeaderView>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>

#include <limits>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::ui::ChainListModel;
using arbor::ui::PortfolioModel;
using arbor::ui::TableActions;
using arbor::ui::TopHoldersModel;
namespace amounts = arbor::ui::amounts;

namespace tst_tables {

namespace {

const QString LongAddress = QStringLiteral("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
const QChar FigureSpace(0x2007);
const QChar PunctuationSpace(0x2008);

// Restores the default locale when a test changed it.
struct LocaleGuard
{
    explicit LocaleGuard(const QLocale &locale) { QLocale::setDefault(locale); }
    ~LocaleGuard() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }
};

TokenBalance balance(qint64 chainId, const QString &chain, const QString &symbol, quint64 raw, std::optional<int> decimals)
{
    TokenBalance b;
    b.chainId = chainId;
    b.chainName = chain;
    b.symbol = symbol;
    b.decimals = decimals;
    b.balance = raw;
    b.token = *Address::fromHex(QStringLiteral("0x%1").arg(chainId * 100 + symbol.size(), 40, 10, QLatin1Char('0')));
    b.lastBlock = 7;
    return b;
}

} // namespace

class TstTables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void copiesSelectedRowsAsTsv();
    void copiesTheFullValueOfACell();
    void exportsTheShownTableAsCsv();
    void csvFieldsAreQuoted_data();
    void csvFieldsAreQuoted();

    void amountsInTheLocale_data();
    void amountsInTheLocale();
    void amountsTypedInTokenUnits_data();
    void amountsTypedInTokenUnits();
    void balancesAlignOnTheDecimalPoint();
    void shareOfSupply();
    void supplyIsReadFromTheToken();
    void portfolioGroupsByChainAndByToken();

    void recordedStatusesFromTheDatabase();
    void recordedHeadIsNeverBelowTheCheckpoint();
    void pausedChainShowsItsHead();
    void outageShowsHeadUnknownAndGrowingLag();
    void outageIsAGapInTheLagChart();

private:
    QTableView *makeTable();

    UiFixture m_home;
    std::unique_ptr<QStandardItemModel> m_source;
    std::unique_ptr<QSortFilterProxyModel> m_proxy;
    std::unique_ptr<QTableView> m_view;
    TableActions *m_actions = nullptr;
};

void TstTables::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
}

void TstTables::init()
{
    m_view.reset();
    m_proxy.reset();
    m_source.reset();
}

// Chain, address, URL and a note: the table a page would show, behind a sorting, filtering proxy.
QTableView *TstTables::makeTable()
{
    m_source = std::make_unique<QStandardItemModel>(0, 4);
    m_source->setHorizontalHeaderLabels({QStringLiteral("Name"), QStringLiteral("Address"), QStringLiteral("RPC URL"), QStringLiteral("Note")});
    const QList<QStringList> rows{
        {QStringLiteral("alpha"), LongAddress, QStringLiteral("https://rpc.example/a?x=1,2"), QStringLiteral("says \"hi\"")},
        {QStringLiteral("beta"), QStringLiteral("0x01"), QStringLiteral("https://rpc.example/b"), QStringLiteral("two\nlines")},
        {QStringLiteral("gamma"), QStringLiteral("0x02"), QStringLiteral("https://rpc.example/c"), QStringLiteral("tab\there")},
    };
    for (const QStringList &row : rows) {
        QList<QStandardItem *> items;
        for (const QString &text : row)
            items.append(new QStandardItem(text));
        m_source->appendRow(items);
    }
    m_proxy = std::make_unique<QSortFilterProxyModel>();
    m_proxy->setSourceModel(m_source.get());
    m_view = std::make_unique<QTableView>();
    m_view->setModel(m_proxy.get());
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::DescendingOrder);
    m_actions = TableActions::install(m_view.get(), QStringLiteral("things"));
    m_view->resize(500, 300);
    m_view->show();
    m_view->activateWindow();
    m_view->setFocus();
    return m_view.get();
}

void TstTables::copiesSelectedRowsAsTsv()
{
    QTableView *view = makeTable();
    QVERIFY(QTest::qWaitForWindowActive(view));
    view->setColumnHidden(3, true);
    // gamma, beta, alpha as shown (descending); alpha and gamma selected.
    view->selectRow(0);
    view->selectionModel()->select(view->model()->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QApplication::clipboard()->text(),
             QStringLiteral("gamma\t0x02\thttps://rpc.example/c\nalpha\t%1\thttps://rpc.example/a?x=1,2\n").arg(LongAddress));

    // The context menu holds the same actions, after the view's own.
    QVERIFY(view->actions().contains(m_actions->copyRowsAction()));
    QVERIFY(view->actions().contains(m_actions->exportAction()));
    QCOMPARE(view->contextMenuPolicy(), Qt::ActionsContextMenu);

    // Tabs and line breaks inside a value do not break the lines apart.
    view->setColumnHidden(3, false);
    view->clearSelection();
    view->selectRow(0);
    QCOMPARE(m_actions->selectedRowsAsTsv(), QStringLiteral("gamma\t0x02\thttps://rpc.example/c\ttab here\n"));
}

void TstTables::copiesTheFullValueOfACell()
{
    QTableView *view = makeTable();
    QVERIFY(QTest::qWaitForWindowActive(view));
    view->setColumnWidth(1, 40);   // the address is elided on screen
    view->setCurrentIndex(view->model()->index(2, 1));
    QApplication::clipboard()->clear();
    QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(QApplication::clipboard()->text(), LongAddress);

    // A model that shortens what it shows gives the full value with CopyRole.
    m_source->item(0, 1)->setData(QStringLiteral("0x5aAe…eAed"), Qt::DisplayRole);
    m_source->item(0, 1)->setData(LongAddress, ui::CopyRole);
    QCOMPARE(TableActions::cellText(view->model()->index(2, 1)), LongAddress);
    m_actions->copyCellAction()->trigger();
    QCOMPARE(QApplication::clipboard()->text(), LongAddress);
}

void TstTables::exportsTheShownTableAsCsv()
{
    QTableView *view = makeTable();
    QVERIFY(QTest::qWaitForWindowActive(view));
    m_proxy->setFilterKeyColumn(0);
    m_proxy->setFilterFixedString(QStringLiteral("l"));   // alpha only
    view->setColumnHidden(1, true);
    view->horizontalHeader()->moveSection(3, 0);          // Note shown first

    const QString path = m_home.filePath(QStringLiteral("things.csv"));
    m_actions->exportAction()->trigger();
    QFileDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = view->findChild<QFileDialog *>(QStringLiteral("csvExportDialog"))));
    QCOMPARE(dialog->acceptMode(), QFileDialog::AcceptSave);
    Q_EMIT dialog->fileSelected(path);   // what choosing the file and Save do
    dialog->close();

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()),
             QStringLiteral("Note,Name,RPC URL\r\n\"says \"\"hi\"\"\",alpha,\"https://rpc.example/a?x=1,2\"\r\n"));

    // Everything the view shows, in its order; nothing the filter hides.
    m_proxy->setFilterFixedString(QString());
    QCOMPARE(m_actions->tableAsCsv(), QStringLiteral("Note,Name,RPC URL\r\n"
                                                     "tab\there,gamma,https://rpc.example/c\r\n"
                                                     "\"two\nlines\",beta,https://rpc.example/b\r\n"
                                                     "\"says \"\"hi\"\"\",alpha,\"https://rpc.example/a?x=1,2\"\r\n"));
}

void TstTables::csvFieldsAreQuoted_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("field");
    QTest::newRow("plain") << QStringLiteral("devnet") << QStringLiteral("devnet");
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("comma") << QStringLiteral("1,5") << QStringLiteral("\"1,5\"");
    QTest::newRow("quote") << QStringLiteral("a \"b\"") << QStringLiteral("\"a \"\"b\"\"\"");
    QTest::newRow("line break") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
    QTest::newRow("carriage return") << QStringLiteral("a\rb") << QStringLiteral("\"a\rb\"");
    QTest::newRow("leading space") << QStringLiteral(" a") << QStringLiteral("\" a\"");
    QTest::newRow("umlaut") << QStringLiteral("Rückstand") << QStringLiteral("Rückstand");
}

void TstTables::csvFieldsAreQuoted()
{
    QFETCH(QString, text);
    QFETCH(QString, field);
    QCOMPARE(TableActions::csvField(text), field);
}

void TstTables::amountsInTheLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("raw");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("shown");
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    const QLocale de(QLocale::German, QLocale::Germany);
    QTest::newRow("en grouped") << en << QStringLiteral("1234567500000") << 6 << QStringLiteral("1,234,567.5");
    QTest::newRow("de grouped") << de << QStringLiteral("1234567500000") << 6 << QStringLiteral("1.234.567,5");
    QTest::newRow("en small") << en << QStringLiteral("250") << 6 << QStringLiteral("0.00025");
    QTest::newRow("de small") << de << QStringLiteral("250") << 6 << QStringLiteral("0,00025");
    QTest::newRow("en whole") << en << QStringLiteral("5000000") << 6 << QStringLiteral("5");
    QTest::newRow("en zero") << en << QStringLiteral("0") << 18 << QStringLiteral("0");
    QTest::newRow("en 78 digits, exact")
        << en << QStringLiteral("115792089237316195423570985008687907853269984665640564039457584007913129639935") << 18
        << QStringLiteral("115,792,089,237,316,195,423,570,985,008,687,907,853,269,984,665,640,564,039,457.584007913129639935");
    QTest::newRow("en decimals unknown") << en << QStringLiteral("1234") << -1 << QStringLiteral("1,234");
}

void TstTables::amountsInTheLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, raw);
    QFETCH(int, decimals);
    QFETCH(QString, shown);
    const U256 value = *u256::fromDecimal(raw);
    QCOMPARE(amounts::format(value, decimals < 0 ? std::nullopt : std::optional<int>(decimals), locale), shown);
}

void TstTables::amountsTypedInTokenUnits_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QString>("units");   // empty: refused
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    const QLocale de(QLocale::German, QLocale::Germany);
    QTest::newRow("en 1.5") << en << QStringLiteral("1.5") << 6 << QStringLiteral("1500000");
    QTest::newRow("de 1,5") << de << QStringLiteral("1,5") << 6 << QStringLiteral("1500000");
    QTest::newRow("de 1.5 is not fifteen") << de << QStringLiteral("1.5") << 6 << QString();
    QTest::newRow("en groups") << en << QStringLiteral("1,000.25") << 2 << QStringLiteral("100025");
    QTest::newRow("de groups") << de << QStringLiteral("1.000,25") << 2 << QStringLiteral("100025");
    QTest::newRow("en misplaced group") << en << QStringLiteral("1,00") << 2 << QString();
    QTest::newRow("en 18 decimals exact") << en << QStringLiteral("0.000000000000000001") << 18 << QStringLiteral("1");
    QTest::newRow("below the smallest unit rounds up") << en << QStringLiteral("0.0000001") << 6 << QStringLiteral("1");
    QTest::newRow("trailing zeros below the unit") << en << QStringLiteral("2.5000000") << 6 << QStringLiteral("2500000");
    QTest::newRow("no decimals") << en << QStringLiteral("42") << 0 << QStringLiteral("42");
    QTest::newRow("fraction only") << en << QStringLiteral(".5") << 1 << QStringLiteral("5");
    QTest::newRow("negative") << en << QStringLiteral("-1") << 6 << QString();
    QTest::newRow("exponent") << en << QStringLiteral("1e5") << 6 << QString();
    QTest::newRow("two points") << en << QStringLiteral("1.2.3") << 6 << QString();
    QTest::newRow("word") << en << QStringLiteral("abc") << 6 << QString();
}

void TstTables::amountsTypedInTokenUnits()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, typed);
    QFETCH(int, decimals);
    QFETCH(QString, units);
    const Result<U256> parsed = amounts::parseUnits(typed, decimals, locale, QStringLiteral("minimum"));
    if (units.isEmpty()) {
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().field, QStringLiteral("minimum"));
        return;
    }
    QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().toString()));
    QCOMPARE(u256::toDecimal(*parsed), units);
}

void TstTables::balancesAlignOnTheDecimalPoint()
{
    for (const QLocale &locale : {QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::German, QLocale::Germany)}) {
        LocaleGuard guard(locale);
        const QString point = locale.decimalPoint();
        TopHoldersModel model;
        model.setHolders({balance(1, QStringLiteral("one"), QStringLiteral("TST"), 1234567500000, 6),
                          balance(1, QStringLiteral("one"), QStringLiteral("TST"), 250, 6),
                          balance(1, QStringLiteral("one"), QStringLiteral("TST"), 2000000, 6)});
        auto shown = [&](int row) { return model.index(row, TopHoldersModel::BalanceColumn).data().toString(); };
        const QString big = QStringList{QStringLiteral("1"), QStringLiteral("234"), QStringLiteral("567")}.join(locale.groupSeparator())
            + point + QLatin1Char('5');   // 1,234,567.5 or 1.234.567,5
        QCOMPARE(shown(0), big + QString(4, FigureSpace));
        QCOMPARE(shown(1), QLatin1Char('0') + point + QStringLiteral("00025"));
        QCOMPARE(shown(2), QStringLiteral("2") + PunctuationSpace + QString(5, FigureSpace));
        // Every row as wide in digits: the decimal points line up in the right-aligned column.
        QCOMPARE(shown(0).size() - shown(0).indexOf(point), shown(1).size() - shown(1).indexOf(point));
        QCOMPARE(model.index(0, TopHoldersModel::BalanceColumn).data(Qt::TextAlignmentRole).value<Qt::Alignment>() & Qt::AlignRight,
                 Qt::AlignRight);
        // What is copied and the tooltip are the number, without the padding.
        QCOMPARE(TableActions::cellText(model.index(0, TopHoldersModel::BalanceColumn)), big);
        QVERIFY(model.index(0, TopHoldersModel::BalanceColumn).data(Qt::ToolTipRole).toString().contains(u"1234567500000"));
    }
}

void TstTables::shareOfSupply()
{
    QCOMPARE(TopHoldersModel::shareText(1, 4), QStringLiteral("25.00 %"));
    QCOMPARE(TopHoldersModel::shareText(2, 3), QStringLiteral("66.67 %"));
    QCOMPARE(TopHoldersModel::shareText(1, 1000000), QStringLiteral("< 0.01 %"));
    QCOMPARE(TopHoldersModel::shareText(0, 1000000), QStringLiteral("0.00 %"));
    // 2^255 of 2^256 - 1: no overflow on the way.
    const U256 half = U256(1) << 255;
    QCOMPARE(TopHoldersModel::shareText(half, std::numeric_limits<U256>::max()), QStringLiteral("50.00 %"));
    {
        LocaleGuard guard(QLocale(QLocale::German, QLocale::Germany));
        QCOMPARE(TopHoldersModel::shareText(1, 4), QStringLiteral("25,00 %"));
    }

    TopHoldersModel model;
    model.setHolders({balance(1, QStringLiteral("one"), QStringLiteral("TST"), 3500000, 6),
                      balance(1, QStringLiteral("one"), QStringLiteral("TST"), 1500000, 6)});
    QCOMPARE(model.index(0, TopHoldersModel::ShareColumn).data().toString(), QString());   // supply not known yet
    model.setSupply(U256(5000000));
    QCOMPARE(model.index(0, TopHoldersModel::ShareColumn).data().toString(), QStringLiteral("70.00 %"));
    QCOMPARE(model.index(1, TopHoldersModel::ShareColumn).data().toString(), QStringLiteral("30.00 %"));
}

// BalanceService::tokenSupply asks the token's totalSupply() through the chain's endpoint.
void TstTables::supplyIsReadFromTheToken()
{
    FakeNode node;
    QVERIFY(node.listen());
    const Address token = *Address::fromHex(QStringLiteral("0x00000000000000000000000000000000000000aa"));
    const Address silent = *Address::fromHex(QStringLiteral("0x00000000000000000000000000000000000000bb"));
    node.answers.insert(QStringLiteral("eth_call"), [token](const QJsonArray &params) {
        const QJsonObject call = params.at(0).toObject();
        if (call.value(QStringLiteral("data")).toString() != QLatin1String("0x18160ddd"))
            return FakeNode::Answer::error(-32000, QStringLiteral("execution reverted"));
        if (call.value(QStringLiteral("to")).toString() != token.toHex())
            return FakeNode::Answer(QStringLiteral("0x"));   // no code there: an empty answer
        return FakeNode::Answer(QString(QStringLiteral("0x") + QString::fromLatin1(u256::toBigEndian(U256(5000000)).toHex())));
    });

    auto url = m_home.databaseUrl(QStringLiteral("supply.db"));
    QVERIFY(url);
    {
        auto store = Store::open(*url);
        QVERIFY(store);
        QVERIFY((*store)->migrate());
        ChainConfig config;
        config.chainId = 77;
        config.name = QStringLiteral("fake");
        config.rpcUrls = {node.url()};
        config.startBlock = 0;
        EndpointRecord endpoint;
        endpoint.url = node.url();
        endpoint.status = EndpointStatus::Ok;
        QVERIFY(ChainRegistry(**store).registerChain(config, {endpoint}, evmEntities()));
    }
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY(started);
    QTRY_COMPARE(engine->chains()->snapshot().size(), 1);

    QFuture<Result<U256>> supply = engine->balances()->tokenSupply(77, token);
    QTRY_VERIFY_WITH_TIMEOUT(supply.isFinished(), 20000);
    QVERIFY2(supply.result(), supply.result() ? "" : qPrintable(supply.result().error().toString()));
    QCOMPARE(u256::toDecimal(*supply.result()), QStringLiteral("5000000"));

    QFuture<Result<U256>> none = engine->balances()->tokenSupply(77, silent);
    QTRY_VERIFY_WITH_TIMEOUT(none.isFinished(), 20000);
    QVERIFY(!none.result());
    QCOMPARE(none.result().error().field, QStringLiteral("totalSupply"));

    QFuture<Result<U256>> unknown = engine->balances()->tokenSupply(78, token);
    QTRY_VERIFY(unknown.isFinished());
    QVERIFY(!unknown.result());
}

void TstTables::portfolioGroupsByChainAndByToken()
{
    PortfolioModel model;
    model.setBalances({balance(1, QStringLiteral("mainnet"), QStringLiteral("USDC"), 1500000, 6),
                       balance(1, QStringLiteral("mainnet"), QStringLiteral("DAI"), 2000000000000000000, 18),
                       balance(10, QStringLiteral("optimism"), QStringLiteral("USDC"), 2250000, 6)});
    QCOMPARE(model.rowCount(), 3);

    model.setGrouping(PortfolioModel::Grouping::ByChain);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex mainnet = model.index(0, 0);
    QCOMPARE(mainnet.data().toString(), QStringLiteral("mainnet"));
    QVERIFY(model.index(0, PortfolioModel::TokenColumn).data().toString().startsWith(QStringLiteral("2 token")));
    QCOMPARE(model.rowCount(mainnet), 2);
    QCOMPARE(model.index(1, PortfolioModel::TokenColumn, mainnet).data().toString(), QStringLiteral("DAI"));
    QVERIFY(model.balanceAt(model.index(0, 0, mainnet)));
    QVERIFY(!model.balanceAt(mainnet));

    model.setGrouping(PortfolioModel::Grouping::ByToken);
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex usdc = model.index(0, 0);
    QCOMPARE(model.index(0, PortfolioModel::TokenColumn).data().toString(), QStringLiteral("USDC"));
    QVERIFY(model.index(0, PortfolioModel::ChainColumn).data().toString().startsWith(QStringLiteral("2 chain")));
    // The same token on two chains, same decimals: summed exactly.
    QCOMPARE(TableActions::cellText(model.index(0, PortfolioModel::BalanceColumn)), QStringLiteral("3.75"));
    QCOMPARE(model.index(0, PortfolioModel::RawBalanceColumn).data().toString(), QStringLiteral("3750000"));
    QCOMPARE(model.rowCount(usdc), 2);
    QCOMPARE(model.index(1, PortfolioModel::ChainColumn, usdc).data().toString(), QStringLiteral("optimism"));

    model.setGrouping(PortfolioModel::Grouping::None);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TstTables::recordedStatusesFromTheDatabase()
{
    ChainRecord chain;
    chain.config.chainId = 5;
    chain.config.confirmations = 2;
    EndpointRecord a;
    a.status = EndpointStatus::Ok;
    a.lastHead = 200;
    EndpointRecord b;
    b.status = EndpointStatus::Unreachable;
    b.lastHead = 180;
    chain.endpoints = {a, b};
    chain.checkpointBlock = 100;

    RecordedStatuses recorded(10);
    const qint64 t0 = 1700000000000;
    recorded.update({{chain, 1699999000}}, t0);
    QCOMPARE(recorded.statuses().size(), 1);
    ChainStatus s = recorded.statuses().first();
    QCOMPARE(s.head, std::optional<qint64>(200));   // the highest any endpoint recorded
    QCOMPARE(s.indexed, std::optional<qint64>(100));
    QCOMPARE(s.lag(), std::optional<qint64>(100));
    QCOMPARE(s.lagSeconds(1700000000), std::optional<qint64>(1000));
    QCOMPARE(s.phase, IndexPhase::CatchingUp);
    QCOMPARE(s.blocksPerSecond, 0.0);

    // The checkpoint moved 40 blocks in 2 s: 20 blocks/s; within 10 blocks (after 2 confirmations): live.
    chain.checkpointBlock = 140;
    recorded.update({{chain, std::nullopt}}, t0 + 2000);
    chain.checkpointBlock = 188;
    recorded.update({{chain, std::nullopt}}, t0 + 4000);
    s = recorded.statuses().first();
    QCOMPARE(s.blocksPerSecond, 22.0);
    QCOMPARE(s.phase, IndexPhase::Live);

    // Every endpoint recorded down: rpc down. Paused: stopped, whatever the endpoints say.
    chain.endpoints[0].status = EndpointStatus::Unreachable;
    recorded.update({{chain, std::nullopt}}, t0 + 5000);
    QCOMPARE(recorded.statuses().first().phase, IndexPhase::RpcDown);
    chain.state = ChainState::Paused;
    recorded.update({{chain, std::nullopt}}, t0 + 6000);
    QCOMPARE(recorded.statuses().first().phase, IndexPhase::Stopped);
    QCOMPARE(recorded.statuses().first().head, std::optional<qint64>(200));

    // A chain no longer in the samples is dropped.
    recorded.update({}, t0 + 7000);
    QVERIFY(recorded.statuses().isEmpty());
}

void TstTables::recordedHeadIsNeverBelowTheCheckpoint()
{
    // The indexing engine promoted to 1665 and has not saved its endpoints' heads since 1645 (it
    // does every couple of seconds): a watching console shows head 1665, not "head 1645, indexed 1665".
    ChainRecord chain;
    chain.config.chainId = 5;
    EndpointRecord endpoint;
    endpoint.status = EndpointStatus::Ok;
    endpoint.lastHead = 1645;
    chain.endpoints = {endpoint};
    chain.checkpointBlock = 1665;
    RecordedStatuses recorded(10);
    recorded.update({{chain, std::nullopt}}, 1700000000000);
    ChainStatus s = recorded.statuses().first();
    QCOMPARE(s.head, std::optional<qint64>(1665));
    QCOMPARE(s.indexed, std::optional<qint64>(1665));
    QCOMPARE(s.lag(), std::optional<qint64>(0));
    QCOMPARE(s.phase, IndexPhase::Live);

    // Once the heads are saved, the newer one shows; with no checkpoint yet, the recorded head alone.
    chain.endpoints[0].lastHead = 1700;
    recorded.update({{chain, std::nullopt}}, 1700000002000);
    QCOMPARE(recorded.statuses().first().head, std::optional<qint64>(1700));
    QCOMPARE(recorded.statuses().first().lag(), std::optional<qint64>(35));
    chain.checkpointBlock.reset();
    recorded.update({{chain, std::nullopt}}, 1700000004000);
    QCOMPARE(recorded.statuses().first().head, std::optional<qint64>(1700));
    QCOMPARE(recorded.statuses().first().phase, IndexPhase::Starting);
}

void TstTables::pausedChainShowsItsHead()
{
    ChainListModel model;
    ChainRecord paused;
    paused.config.chainId = 7;
    paused.config.name = QStringLiteral("sleepy");
    paused.state = ChainState::Paused;
    paused.checkpointBlock = 900;
    model.update({paused});

    ChainStatus recorded;
    recorded.chainId = 7;
    recorded.phase = IndexPhase::Stopped;
    recorded.head = 1000;
    recorded.indexed = 900;
    model.updateStatuses({recorded}, 1700000000);
    auto at = [&](int column) { return model.index(0, column).data().toString(); };
    QCOMPARE(at(ChainListModel::StatusColumn), QStringLiteral("paused"));
    QCOMPARE(at(ChainListModel::HeadColumn), QStringLiteral("1,000"));
    QCOMPARE(at(ChainListModel::CheckpointColumn), QStringLiteral("900"));
    QCOMPARE(at(ChainListModel::LagBlocksColumn), QStringLiteral("100"));
    QCOMPARE(at(ChainListModel::RateColumn), QStringLiteral("—"));   // nothing is indexed while paused
    QCOMPARE(model.counts().paused, 1);
    QCOMPARE(model.counts().down, 0);
}

} // namespace tst_tables

int arbor_test_main_tables(int argc, char **argv)
{
    QApplication app(argc, argv);
    tst_tables::TstTables test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

namespace tst_tables {

void TstTables::outageShowsHeadUnknownAndGrowingLag()
{
    // At the head when every endpoint stopped answering at 19:47: the table says since when the
    // head is unknown, and the lag keeps growing from then, never "0".
    const QDateTime seen(QDate::currentDate(), QTime(19, 47, 10));
    ChainRecord chain;
    chain.config.chainId = 9;
    chain.config.name = QStringLiteral("outage");
    ChainStatus s;
    s.chainId = 9;
    s.phase = IndexPhase::RpcDown;
    s.head = 500;
    s.indexed = 500;
    s.indexedTime = seen.toSecsSinceEpoch() - 2;
    s.headSeenAtMs = seen.toMSecsSinceEpoch();
    s.headUnknown = true;
    EndpointRecord e;
    e.status = EndpointStatus::Unreachable;
    e.lastHead = 500;
    s.endpoints = {e};
    chain.endpoints = {e};

    ChainListModel model;
    model.update({chain});
    const qint64 t = seen.toSecsSinceEpoch();
    model.updateStatuses({s}, t + 90);
    auto cell = [&model](int column) { return model.index(0, column).data().toString(); };
    const QString since = QLocale().toString(QTime(19, 47, 10), QLocale::ShortFormat);
    // The column is the head: its cell says since when no node named one.
    QCOMPARE(cell(ChainListModel::HeadColumn), QStringLiteral("unknown since %1").arg(since));
    QCOMPARE(cell(ChainListModel::LagSecondsColumn), ChainListModel::durationText(90));
    QCOMPARE(cell(ChainListModel::LagBlocksColumn), QStringLiteral("—"));   // not "0": unknown
    QCOMPARE(cell(ChainListModel::EndpointsColumn), QStringLiteral("1 (1 unreachable)"));
    model.updateStatuses({s}, t + 180);
    QCOMPARE(cell(ChainListModel::LagSecondsColumn), ChainListModel::durationText(180));
    QVERIFY(model.index(0, ChainListModel::LagSecondsColumn).data(ChainListModel::SortRole).toLongLong() == 180);

    // An endpoint answers again: the head and a lag of 0 are true again.
    s.headUnknown = false;
    s.phase = IndexPhase::Live;
    model.updateStatuses({s}, t + 200);
    QCOMPARE(cell(ChainListModel::HeadColumn), QLocale().toString(qint64(500)));
    QCOMPARE(cell(ChainListModel::LagBlocksColumn), QLocale().toString(qint64(0)));
}

void TstTables::outageIsAGapInTheLagChart()
{
    // Recorded once a second: 60 s live at the head, a 3-minute outage, 60 s live again.
    ChainMetrics metrics;
    const qint64 t0 = QDateTime::currentMSecsSinceEpoch() - 310000;
    ChainStatus s;
    s.chainId = 4;
    s.head = 100;
    s.indexed = 100;
    s.indexedTime = t0 / 1000;
    s.headSeenAtMs = t0;
    for (int i = 0; i < 300; ++i) {
        const qint64 now = t0 + i * 1000;
        s.headUnknown = i >= 60 && i < 240;
        if (!s.headUnknown)
            s.headSeenAtMs = now;
        metrics.record(s, now);
    }
    const ChainSeries series = metrics.series(4);
    QCOMPARE(series.lagSeconds.size(), 120);    // nothing recorded during the outage
    for (const QPointF &p : series.lagSeconds)
        QVERIFY(p.x() < double(t0 + 60000) || p.x() >= double(t0 + 240000));

    arbor::ui::ChainChartPanel panel;
    panel.setSeries(series, t0 + 300000);
    const QStringList lines = panel.lineNames(arbor::ui::ChainChartPanel::LagChart);
    QCOMPARE(lines.size(), 2);
    for (const QString &line : lines) {
        QCOMPARE(panel.segmentCount(arbor::ui::ChainChartPanel::LagChart, line), 2);   // a gap, not a flat 0 through it
        for (const QPointF &p : panel.points(arbor::ui::ChainChartPanel::LagChart, line))
            QVERIFY(p.x() < double(t0 + 60000) || p.x() >= double(t0 + 240000));
    }
}

} // namespace tst_tables

#include "tst_tables.moc"

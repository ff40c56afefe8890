// The balance queue and balance explorer pages driven offscreen against a real Engine on a
// temporary SQLite file, with balances put there through the core API.

#include "charts/queuechartpanel.h"
#include "dialogs/queueconfigdialog.h"
#include "engine/balanceservice.h"
#include "engine/engine.h"
#include "mainwindow.h"
#include "model/entitydef.h"
#include "models/portfoliomodel.h"
#include "models/queuehealthmodel.h"
#include "models/tokenproblemmodel.h"
#include "models/topholdersmodel.h"
#include "pages/balancespage.h"
#include "pages/queuepage.h"
#include "queue/queueprocessor.h"
#include "store/chainregistry.h"
#include "store/indexbatch.h"
#include "store/indexstore.h"
#include "store/queuestore.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "testvalues.h"
#include "uifixture.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUuid>

#include <memory>

using namespace arbor;
using arbor::test::addressOf;
using arbor::test::hashOf;
using arbor::test::why;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::ui::BalancesPage;
using arbor::ui::MainWindow;
using arbor::ui::PortfolioModel;
using arbor::ui::QueueChartPanel;
using arbor::ui::QueueConfigDialog;
using arbor::ui::QueueHealthModel;
using arbor::ui::QueuePage;
using arbor::ui::TokenProblemModel;
using arbor::ui::TopHoldersModel;

namespace tst_balancequeue_ui {

namespace {

const int EngineTimeoutMs = 20000;
const qint64 Devnet = 1337;
const qint64 Nine = 9;
const QUrl UnusedRpc(QStringLiteral("http://127.0.0.1:1"));

// Hex letters in the first and the middle byte: the checksummed forms the pages show are not the lowercase ones.
const Address Token = addressOf(1, 0xa1, 0x5c);
const Address Alice = addressOf(10, 0xaa, 0x5c);
const Address Bob = addressOf(11, 0xab, 0x5c);
const Address Carol = addressOf(12, 0xac, 0x5c);
const Address Dave = addressOf(13, 0xad, 0x5c);   // sends without ever having received: an item that fails

ChainConfig chainConfig(qint64 id, const QString &name, const QList<Address> &tokens = {})
{
    ChainConfig c;
    c.chainId = id;
    c.name = name;
    c.rpcUrls = {UnusedRpc};
    c.startBlock = 0;
    c.tokens = tokens;
    return c;
}

EndpointRecord okEndpoint()
{
    EndpointRecord e;
    e.url = UnusedRpc;
    e.status = EndpointStatus::Ok;
    return e;
}

/// Blocks [from, to] of the devnet, each with the transfers given for it.
IndexBatch batch(qint64 from, qint64 to, const QList<TokenTransfer> &transfers)
{
    IndexBatch b;
    b.chainId = Devnet;
    b.from = from;
    b.to = to;
    Hash parent = from == 0 ? Hash() : hashOf(from - 1);
    for (qint64 n = from; n <= to; ++n) {
        b.headers.append(BlockHeader{n, hashOf(n), parent, 1700000000 + n * 12, 1, 21000});
        parent = hashOf(n);
    }
    b.transfers = transfers;
    b.tokens = {Token};
    return b;
}

TokenTransfer transfer(qint64 block, const Address &from, const Address &to, quint64 value)
{
    return TokenTransfer{block, 0, hashOf(1000 + block), Token, from, to, U256(value)};
}

QueueHealth sample(qint64 chainId, const QString &name, qint64 pending, qint64 at = 1000)
{
    QueueHealth h;
    h.chainId = chainId;
    h.chainName = name;
    h.sampledAt = at;
    h.pending = pending;
    h.tokens = 1;
    return h;
}

TokenProblem problem(qint64 waiting, qint64 lastSeen = 1700000060000)
{
    TokenProblem p;
    p.token = Token;
    p.symbol = QStringLiteral("TST");
    p.message = QStringLiteral("block out of range: the node keeps no state at block 120");
    p.fix = QStringLiteral("Add an archive endpoint, or set the token's balance mode to transfers.");
    p.since = 1700000000000;
    p.lastSeen = lastSeen;
    p.waitingItems = waiting;
    return p;
}

QueueHealth failing(qint64 chainId, const QString &name, const QList<TokenProblem> &problems)
{
    QueueHealth h = sample(chainId, name, 3000);
    h.problems = problems;
    h.status = problems.isEmpty() ? QueueStatus::Healthy : QueueStatus::Errors;
    return h;
}

} // namespace

class TstBalanceQueueUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The models on their own.
    void healthModelUpdate_data();
    void healthModelUpdate();
    void healthModelPresentation();
    void durationText_data();
    void durationText();
    void chartsKeepARollingWindow();
    void problemModelShowsEachProblemOnce();
    void queuePageShowsTokenProblemsWhileTheyLast();

    // The pages against a real engine.
    void pagesAreReachableByKeyboard();
    void queueTableShowsEveryChain();
    void chartsFollowTheSelectedChain();
    void configDialogRejectsInvalidValuesAndSaves();
    void disabledQueueShowsDisabled();
    void processedItemsLeaveTheQueue();
    void portfolioRejectsMalformedInput_data();
    void portfolioRejectsMalformedInput();
    void portfolioShowsBalancesAcrossChains();
    void topHoldersShowsLargestFirst();
    void retryFailedQueuesItemsAgain();
    void refreshDuringAReadIsReadAfterIt();

private:
    void showPage(int key);
    /// The Balance Queue page's table: there once the page has been shown (Ctrl+3).
    QTableView *queueTable() const { return child<QTableView>("queueHealthTable"); }
    QString queueCell(qint64 chainId, int column, int role = Qt::DisplayRole) const;
    /// Selects the chain's row once the table shows it; false if it never does.
    bool selectQueueRow(qint64 chainId);
    QueueConfigDialog *openConfigDialog();
    void runQueueUntilEmpty();
    template<typename W>
    W *child(const char *name) const
    {
        auto *w = m_window->findChild<W *>(QString::fromLatin1(name));
        if (!w)
            qWarning("no child named %s", name);
        return w;
    }

    arbor::test::UiFixture m_home;
    DatabaseUrl m_url;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Store> m_store;
    QTabWidget *m_pages = nullptr;
};

void TstBalanceQueueUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();

    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    m_url = *url;

    EngineOptions options = UiFixture::engineOptions(m_url);
    options.lease = EngineOptions::Lease::Required;
    options.queueHealthIntervalMs = 200;
    m_engine = std::make_unique<Engine>(options);
    m_window = std::make_unique<MainWindow>(m_engine.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_pages = child<QTabWidget>("pageTabs");
    QVERIFY(m_pages);

    const Status started = waitFor(m_engine->start());
    QVERIFY2(started, why(started).constData());

    auto store = Store::open(m_url);
    QVERIFY2(store, why(store).constData());
    m_store = std::move(*store);

    TokenInfo token;
    token.address = Token;
    token.name = QStringLiteral("Test Token");
    token.symbol = QStringLiteral("TST");
    token.decimals = 6;
    token.deployBlock = 0;
    token.balanceMode = BalanceMode::Transfers;
    Status s = ChainRegistry(*m_store).registerChain(chainConfig(Devnet, QStringLiteral("devnet"), {Token}), {okEndpoint()}, evmEntities(), {token});
    QVERIFY2(s, why(s).constData());
    s = ChainRegistry(*m_store).registerChain(chainConfig(Nine, QStringLiteral("nine")), {okEndpoint()}, evmEntities());
    QVERIFY2(s, why(s).constData());

    // 5 TST minted to Alice, 1.5 of them sent to Bob, 0.00025 minted to Carol: three holders queued.
    auto promoted = IndexStore(*m_store).promote(batch(0, 2, {transfer(0, Address(), Alice, 5000000), transfer(1, Alice, Bob, 1500000),
                                                  transfer(2, Address(), Carol, 250)}),
                                     evmEntities());
    QVERIFY2(promoted, why(promoted).constData());
    // Promotion keeps transfers-mode balances itself; setting the mode again queues the token's
    // holders, which gives the queue page three items to show.
    s = QueueStore(*m_store).setBalanceMode(Devnet, Token, BalanceMode::Transfers);
    QVERIFY2(s, why(s).constData());
}

void TstBalanceQueueUi::cleanupTestCase()
{
    m_store.reset();
    m_window.reset();
    m_engine.reset();
}

void TstBalanceQueueUi::showPage(int key)
{
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key(key), Qt::ControlModifier);
}

QString TstBalanceQueueUi::queueCell(qint64 chainId, int column, int role) const
{
    const QAbstractItemModel *model = queueTable()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, column);
        if (index.data(QueueHealthModel::ChainIdRole).toLongLong() == chainId)
            return index.data(role).toString();
    }
    return QStringLiteral("(no row)");
}

bool TstBalanceQueueUi::selectQueueRow(qint64 chainId)
{
    const QAbstractItemModel *model = queueTable()->model();
    int found = -1;
    const bool shown = QTest::qWaitFor([&] {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(QueueHealthModel::ChainIdRole).toLongLong() == chainId)
                found = row;
        }
        return found >= 0;
    }, EngineTimeoutMs);
    if (shown)
        queueTable()->selectRow(found);
    return shown;
}

QueueConfigDialog *TstBalanceQueueUi::openConfigDialog()
{
    auto *settings = child<QPushButton>("queueSettingsButton");
    if (!settings || !QTest::qWaitFor([&] { return settings->isEnabled(); }, EngineTimeoutMs))
        return nullptr;
    QTest::mouseClick(settings, Qt::LeftButton);
    QueueConfigDialog *dialog = nullptr;
    const bool shown =
        QTest::qWaitFor([&] { return (dialog = m_window->findChild<QueueConfigDialog *>()) && dialog->isVisible(); }, EngineTimeoutMs);
    return shown ? dialog : nullptr;
}

void TstBalanceQueueUi::runQueueUntilEmpty()
{
    QueueOptions options;
    options.untilEmpty = true;
    QueueProcessor processor(m_url, QString(), options);
    QSignalSpy finished(&processor, &QueueProcessor::finished);
    processor.start();
    QVERIFY(finished.wait(EngineTimeoutMs));
}

// --- the models on their own ------------------------------------------------------------

void TstBalanceQueueUi::healthModelUpdate_data()
{
    QTest::addColumn<QList<QueueHealth>>("before");
    QTest::addColumn<QList<QueueHealth>>("after");
    QTest::addColumn<int>("insertedRows");
    QTest::addColumn<int>("removedRows");
    QTest::addColumn<int>("firstChanged");   // -1: no dataChanged at all
    QTest::addColumn<int>("lastChanged");

    const QueueHealth a = sample(1, QStringLiteral("mainnet"), 10);
    const QueueHealth b = sample(10, QStringLiteral("optimism"), 0);
    const QueueHealth c = sample(8453, QStringLiteral("base"), 5);
    const QueueHealth d = sample(42161, QStringLiteral("arbitrum"), 7);
    auto later = [](QueueHealth h) {
        h.sampledAt += 5000;
        return h;
    };
    QueueHealth aMore = later(a);
    aMore.pending = 11;
    QueueHealth cFailing = later(c);
    cFailing.errorsLastHour = 60;
    cFailing.status = QueueStatus::Errors;
    QueueHealth bAging = b;
    bAging.oldestPendingAgeMs = 4 * 60000 + 10000;
    QueueHealth bAgingMore = later(bAging);
    bAgingMore.oldestPendingAgeMs = 4 * 60000 + 50000;   // still "4 min"

    using L = QList<QueueHealth>;
    QTest::newRow("first sample") << L{} << L{a, b} << 2 << 0 << -1 << -1;
    QTest::newRow("only the time moved") << L{a, b} << L{later(a), later(b)} << 0 << 0 << -1 << -1;
    QTest::newRow("same age in words") << L{a, bAging} << L{a, bAgingMore} << 0 << 0 << -1 << -1;
    QTest::newRow("one row changed") << L{a, b, c} << L{a, b, cFailing} << 0 << 0 << 2 << 2;
    QTest::newRow("rows apart changed: one signal") << L{a, b, c} << L{aMore, b, cFailing} << 0 << 0 << 0 << 2;
    QTest::newRow("other order") << L{a, b, c} << L{c, aMore, b} << 0 << 0 << 0 << 0;
    QTest::newRow("chain added") << L{a} << L{a, d} << 1 << 0 << -1 << -1;
    QTest::newRow("chain removed") << L{a, b, c} << L{a, c} << 0 << 1 << -1 << -1;
    QTest::newRow("mixed") << L{a, b, c} << L{d, cFailing, a} << 1 << 1 << 1 << 1;
}

void TstBalanceQueueUi::healthModelUpdate()
{
    QFETCH(QList<QueueHealth>, before);
    QFETCH(QList<QueueHealth>, after);
    QFETCH(int, insertedRows);
    QFETCH(int, removedRows);
    QFETCH(int, firstChanged);
    QFETCH(int, lastChanged);

    QueueHealthModel model;
    model.update(before);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

    model.update(after);

    QCOMPARE(reset.size(), 0);
    QCOMPARE(layout.size(), 0);
    int rowsIn = 0;
    for (const QList<QVariant> &args : std::as_const(inserted))
        rowsIn += args.at(2).toInt() - args.at(1).toInt() + 1;
    int rowsOut = 0;
    for (const QList<QVariant> &args : std::as_const(removed))
        rowsOut += args.at(2).toInt() - args.at(1).toInt() + 1;
    QCOMPARE(rowsIn, insertedRows);
    QCOMPARE(rowsOut, removedRows);

    if (firstChanged < 0) {
        QCOMPARE(changed.size(), 0);
    } else {
        QCOMPARE(changed.size(), 1);
        const auto topLeft = changed.first().at(0).value<QModelIndex>();
        const auto bottomRight = changed.first().at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), firstChanged);
        QCOMPARE(bottomRight.row(), lastChanged);
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), int(QueueHealthModel::ColumnCount) - 1);
    }

    QCOMPARE(model.rowCount(), after.size());
    for (const QueueHealth &expected : after) {
        const int row = model.rowOf(expected.chainId);
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, QueueHealthModel::ChainColumn).data().toString(), expected.chainName);
        QCOMPARE(model.index(row, QueueHealthModel::PendingColumn).data().toString(), QString::number(expected.pending));
        QCOMPARE(model.index(row, QueueHealthModel::StatusColumn).data().toString(), QueueHealthModel::statusText(expected.status));
    }
}

void TstBalanceQueueUi::healthModelPresentation()
{
    QueueHealth h = sample(10, QStringLiteral("optimism"), 1234);
    h.processing = 50;
    h.failed = 2;
    h.completedLastHour = 7200;
    h.completedLastMinute = 150;
    h.errorsLastHour = 3;
    h.avgProcessingMs = 1.25;
    h.oldestPendingAgeMs = 4 * 60000 + 2000;
    h.status = QueueStatus::HighLoad;

    QueueHealthModel model;
    model.update({h});
    QCOMPARE(model.columnCount(), int(QueueHealthModel::ColumnCount));
    auto at = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(at(QueueHealthModel::ChainColumn).toString(), QStringLiteral("optimism"));
    QCOMPARE(at(QueueHealthModel::StatusColumn).toString(), QStringLiteral("High load"));
    QCOMPARE(at(QueueHealthModel::PendingColumn).toString(), QStringLiteral("1,234"));
    QCOMPARE(at(QueueHealthModel::ProcessingColumn).toString(), QStringLiteral("50"));
    QCOMPARE(at(QueueHealthModel::FailedColumn).toString(), QStringLiteral("2"));
    QCOMPARE(at(QueueHealthModel::CompletedColumn).toString(), QStringLiteral("7,200"));
    QCOMPARE(at(QueueHealthModel::ErrorsColumn).toString(), QStringLiteral("3"));
    QCOMPARE(at(QueueHealthModel::ThroughputColumn).toString(), QStringLiteral("2.5"));
    QCOMPARE(at(QueueHealthModel::AverageTimeColumn).toString(), QStringLiteral("1.3"));
    QCOMPARE(at(QueueHealthModel::OldestPendingColumn).toString(), QStringLiteral("4 min"));
    QCOMPARE(at(QueueHealthModel::PendingColumn, QueueHealthModel::SortRole).toLongLong(), 1234);
    QCOMPARE(at(QueueHealthModel::ChainColumn, QueueHealthModel::ChainIdRole).toLongLong(), 10);
    QVERIFY2(at(QueueHealthModel::StatusColumn, Qt::ToolTipRole).toString().contains(QStringLiteral("1234 items pending")),
             qPrintable(at(QueueHealthModel::StatusColumn, Qt::ToolTipRole).toString()));

    // The badge colours an operator tells apart at a glance.
    const QList<std::pair<QueueStatus, QString>> badges{
        {QueueStatus::Healthy, QStringLiteral("Healthy")}, {QueueStatus::HighLoad, QStringLiteral("High load")},
        {QueueStatus::Delayed, QStringLiteral("Delayed")}, {QueueStatus::Errors, QStringLiteral("Errors")},
        {QueueStatus::Disabled, QStringLiteral("Disabled")}};
    QSet<QRgb> colors;
    for (const auto &[status, text] : badges) {
        h.status = status;
        model.update({h});
        QCOMPARE(at(QueueHealthModel::StatusColumn).toString(), text);
        const QColor color = at(QueueHealthModel::StatusColumn, QueueHealthModel::BadgeColorRole).value<QColor>();
        QVERIFY(color.isValid());
        colors.insert(color.rgb());
    }
    QCOMPARE(colors.size(), 5);
    QCOMPARE(QueueHealthModel::statusColor(QueueStatus::Healthy).green() > QueueHealthModel::statusColor(QueueStatus::Healthy).red(), true);
    QCOMPARE(QueueHealthModel::statusColor(QueueStatus::Errors).red() > 150, true);

    // Nothing completed: no average to show.
    h.completedLastHour = 0;
    model.update({h});
    QCOMPARE(at(QueueHealthModel::AverageTimeColumn).toString(), QStringLiteral("—"));
}

void TstBalanceQueueUi::durationText_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << qint64(0) << QStringLiteral("—");
    QTest::newRow("sub-second") << qint64(400) << QStringLiteral("< 1 s");
    QTest::newRow("seconds") << qint64(45999) << QStringLiteral("45 s");
    QTest::newRow("minutes") << qint64(4 * 60000 + 59000) << QStringLiteral("4 min");
    QTest::newRow("an hour") << qint64(3600000) << QStringLiteral("1 h");
    QTest::newRow("hours") << qint64(2 * 3600000 + 5 * 60000) << QStringLiteral("2 h 5 min");
    QTest::newRow("days") << qint64(3 * 86400000LL + 4 * 3600000) << QStringLiteral("3 d 4 h");
}

void TstBalanceQueueUi::durationText()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(QueueHealthModel::durationText(ms), text);
}

void TstBalanceQueueUi::chartsKeepARollingWindow()
{
    QueueChartPanel charts;
    charts.showChain(7, QStringLiteral("seven"));
    const qint64 start = 1700000000000;
    const qint64 minute = 60000;
    // Live samples every minute for 40 minutes: only the last 30 minutes stay.
    for (int i = 0; i <= 40; ++i)
        charts.addSample(sample(7, QStringLiteral("seven"), i, start + i * minute));
    charts.addSample(sample(8, QStringLiteral("other"), 999, start + 41 * minute));   // another chain: ignored
    QCOMPARE(charts.samples().size(), 31);
    QCOMPARE(charts.samples().first().sampledAt, start + 10 * minute);
    const QList<QPointF> pending = charts.points(QueueChartPanel::PendingMetric);
    QCOMPARE(pending.size(), 31);
    QCOMPARE(pending.last(), QPointF(double(start + 40 * minute), 40.0));

    // History merges in by time, without doubling a moment already shown.
    charts.showChain(7, QStringLiteral("seven"));
    charts.addSample(sample(7, QStringLiteral("seven"), 5, start + 3 * minute));
    charts.addHistory({sample(7, QStringLiteral("seven"), 1, start + 1 * minute), sample(7, QStringLiteral("seven"), 2, start + 2 * minute),
                       sample(7, QStringLiteral("seven"), 3, start + 3 * minute)});
    QCOMPARE(charts.samples().size(), 3);
    QCOMPARE(charts.points(QueueChartPanel::PendingMetric).last().y(), 5.0);

    QueueHealth aging = sample(7, QStringLiteral("seven"), 1, start + 4 * minute);
    aging.oldestPendingAgeMs = 90000;
    aging.completedLastMinute = 30;
    aging.errorsLastHour = 4;
    charts.addSample(aging);
    QCOMPARE(charts.points(QueueChartPanel::OldestPendingMetric).last().y(), 1.5);
    QCOMPARE(charts.points(QueueChartPanel::ThroughputMetric).last().y(), 0.5);
    QCOMPARE(charts.points(QueueChartPanel::ErrorsMetric).last().y(), 4.0);

    // Minutes without samples (the console was closed) break the line instead of bridging them.
    charts.showChain(7, QStringLiteral("seven"));
    for (int i : {0, 1, 2, 3, 20, 21, 22})
        charts.addSample(sample(7, QStringLiteral("seven"), i, start + i * minute));
    QCOMPARE(charts.points(QueueChartPanel::PendingMetric).size(), 7);
    QCOMPARE(charts.segmentCount(QueueChartPanel::PendingMetric), 2);

    charts.clear();
    QCOMPARE(charts.chainId(), 0);
    QVERIFY(charts.points(QueueChartPanel::PendingMetric).isEmpty());
}

void TstBalanceQueueUi::problemModelShowsEachProblemOnce()
{
    TokenProblemModel model;
    model.update({failing(1, QStringLiteral("mainnet"), {}), failing(Devnet, QStringLiteral("devnet"), {problem(3000)})});
    QCOMPARE(model.rowCount(), 1);
    auto at = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(at(TokenProblemModel::ChainColumn).toString(), QStringLiteral("devnet"));
    QCOMPARE(at(TokenProblemModel::ChainColumn, TokenProblemModel::ChainIdRole).toLongLong(), Devnet);
    QVERIFY(at(TokenProblemModel::TokenColumn).toString().startsWith(QLatin1String("TST")));
    QVERIFY(at(TokenProblemModel::TokenColumn).toString().contains(Token.toChecksumHex()));
    QCOMPARE(at(TokenProblemModel::TokenColumn, TokenProblemModel::TokenRole).toString(), Token.toHex());
    QCOMPARE(at(TokenProblemModel::MessageColumn).toString(), problem(0).message);
    QCOMPARE(at(TokenProblemModel::FixColumn).toString(), problem(0).fix);
    QCOMPARE(at(TokenProblemModel::WaitingColumn).toString(), QStringLiteral("3,000"));
    QCOMPARE(at(TokenProblemModel::SinceColumn).toString(),
             QLocale().toString(QDateTime::fromMSecsSinceEpoch(problem(0).since).toLocalTime(), QLocale::ShortFormat));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    // The next samples: seen again, nothing else new, then more items held back. Still one row.
    model.update({failing(Devnet, QStringLiteral("devnet"), {problem(3000, 1700000065000)})});
    QCOMPARE(changed.size(), 0);
    model.update({failing(Devnet, QStringLiteral("devnet"), {problem(3100, 1700000070000)})});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(at(TokenProblemModel::WaitingColumn).toString(), QStringLiteral("3,100"));
    QCOMPARE(inserted.size(), 0);

    // The same token on another chain is another problem.
    model.update({failing(Devnet, QStringLiteral("devnet"), {problem(3100)}), failing(Nine, QStringLiteral("nine"), {problem(5)})});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.size(), 1);

    // Gone when the problem is gone.
    model.update({failing(Devnet, QStringLiteral("devnet"), {}), failing(Nine, QStringLiteral("nine"), {})});
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(removed.size(), 2);
    QCOMPARE(reset.size(), 0);
}

void TstBalanceQueueUi::queuePageShowsTokenProblemsWhileTheyLast()
{
    // An engine that is never started: the page sees only the samples this test sends.
    EngineOptions options;
    options.database = m_url;
    options.app = QStringLiteral("arbor-test-problems");
    Engine engine(options);
    QueuePage page(engine.balances());
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *box = page.findChild<QWidget *>(QStringLiteral("queueProblems"));
    auto *table = page.findChild<QTableView *>(QStringLiteral("queueProblemsTable"));
    auto *caption = page.findChild<QLabel *>(QStringLiteral("queueProblemsCaption"));
    auto *health = page.findChild<QTableView *>(QStringLiteral("queueHealthTable"));
    QVERIFY(box && table && caption && health);
    QVERIFY(!box->isVisible());

    Q_EMIT engine.balances()->queueHealthChanged({failing(Devnet, QStringLiteral("devnet"), {problem(3000)})});
    QVERIFY(box->isVisible());
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(table->model()->index(0, TokenProblemModel::MessageColumn).data().toString(), problem(0).message);
    QCOMPARE(table->model()->index(0, TokenProblemModel::FixColumn).data().toString(), problem(0).fix);
    QCOMPARE(caption->text(), QStringLiteral("1 token fails the same way on every item. Their items wait, using up no retries, "
                                             "until a batch of the token succeeds again."));
    // The health row says ERRORS and why.
    const QModelIndex status = health->model()->index(0, QueueHealthModel::StatusColumn);
    QCOMPARE(status.data().toString(), QStringLiteral("Errors"));
    QVERIFY2(status.data(Qt::ToolTipRole).toString().contains(QLatin1String("1 token fails the same way")),
             qPrintable(status.data(Qt::ToolTipRole).toString()));

    // For review: ARBOR_SCREENSHOT_DIR=<dir> keeps a picture of the page with its problem.
    if (const QString dir = qEnvironmentVariable("ARBOR_SCREENSHOT_DIR"); !dir.isEmpty()) {
        QTest::qWait(100);   // the layout settles
        page.grab().save(QDir(dir).filePath(QStringLiteral("queue-problems.png")));
    }

    // Tick after tick the problem is said once.
    for (int tick = 1; tick <= 3; ++tick)
        Q_EMIT engine.balances()->queueHealthChanged({failing(Devnet, QStringLiteral("devnet"), {problem(3000, 1700000060000 + tick * 1000)})});
    QCOMPARE(table->model()->rowCount(), 1);

    // Solved: the list goes away.
    Q_EMIT engine.balances()->queueHealthChanged({failing(Devnet, QStringLiteral("devnet"), {})});
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!box->isVisible());
    QCOMPARE(health->model()->index(0, QueueHealthModel::StatusColumn).data().toString(), QStringLiteral("Healthy"));
}

// --- the pages against a real engine ----------------------------------------------------

void TstBalanceQueueUi::pagesAreReachableByKeyboard()
{
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_pages->currentIndex(), 0);   // the chains page
    // The page in the current tab (each tab makes its page when first shown).
    const auto shown = [this](const QString &name) {
        const auto *page = m_pages->currentWidget()->findChild<QWidget *>(name);
        return page && page->isVisible();
    };
    showPage(Qt::Key_3);
    QTRY_VERIFY(shown(QStringLiteral("queuePage")));
    showPage(Qt::Key_4);
    QTRY_VERIFY(shown(QStringLiteral("balancesPage")));
    showPage(Qt::Key_1);
    QTRY_COMPARE(m_pages->currentIndex(), 0);
    QVERIFY(child<QTableView>("chainTable")->isVisible() || child<QLabel>("emptyStateLabel")->isVisible()
            || child<QWidget>("welcomePage")->isVisible());
    QCOMPARE(child<QAction>("showQueueAction")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_3));
}

void TstBalanceQueueUi::queueTableShowsEveryChain()
{
    showPage(Qt::Key_3);
    QTRY_VERIFY(queueTable()->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(queueTable()->model()->rowCount(), 2, EngineTimeoutMs);

    QTRY_COMPARE(queueCell(Devnet, QueueHealthModel::PendingColumn), QStringLiteral("3"));
    QCOMPARE(queueCell(Devnet, QueueHealthModel::ChainColumn), QStringLiteral("devnet"));
    QCOMPARE(queueCell(Devnet, QueueHealthModel::StatusColumn), QStringLiteral("Healthy"));
    QCOMPARE(queueCell(Devnet, QueueHealthModel::ProcessingColumn), QStringLiteral("0"));
    QCOMPARE(queueCell(Devnet, QueueHealthModel::FailedColumn), QStringLiteral("0"));
    QCOMPARE(queueCell(Devnet, QueueHealthModel::CompletedColumn), QStringLiteral("0"));
    QVERIFY(queueCell(Devnet, QueueHealthModel::OldestPendingColumn) != QStringLiteral("—"));

    QCOMPARE(queueCell(Nine, QueueHealthModel::ChainColumn), QStringLiteral("nine"));
    // A chain that tracks no tokens has no balances to keep: not "Healthy", and says why.
    QCOMPARE(queueCell(Nine, QueueHealthModel::StatusColumn), QStringLiteral("No tokens"));
    QVERIFY(queueCell(Nine, QueueHealthModel::StatusColumn, Qt::ToolTipRole).contains(QStringLiteral("tracks no tokens")));
    QCOMPARE(queueCell(Nine, QueueHealthModel::PendingColumn), QStringLiteral("0"));
    QCOMPARE(queueCell(Nine, QueueHealthModel::OldestPendingColumn), QStringLiteral("—"));

    // Sorted by name: devnet before nine.
    QCOMPARE(queueTable()->model()->index(0, QueueHealthModel::ChainColumn).data().toString(), QStringLiteral("devnet"));
}

void TstBalanceQueueUi::chartsFollowTheSelectedChain()
{
    showPage(Qt::Key_3);
    auto *charts = child<QueueChartPanel>("queueCharts");
    QVERIFY(charts);
    QVERIFY(selectQueueRow(Nine));
    QTRY_COMPARE(charts->chainId(), Nine);
    QVERIFY(selectQueueRow(Devnet));
    QTRY_COMPARE(charts->chainId(), Devnet);
    QCOMPARE(child<QLabel>("queueChartsTitle")->text(), QStringLiteral("“devnet”, last 30 min"));
    // Seeded from the recorded history and then followed live: several samples, all of devnet.
    QTRY_VERIFY_WITH_TIMEOUT(charts->samples().size() >= 3, EngineTimeoutMs);
    for (const QueueHealth &h : charts->samples())
        QCOMPARE(h.chainId, Devnet);
    QCOMPARE(charts->points(QueueChartPanel::PendingMetric).last().y(), 3.0);
}

void TstBalanceQueueUi::configDialogRejectsInvalidValuesAndSaves()
{
    showPage(Qt::Key_3);
    QVERIFY(selectQueueRow(Devnet));
    QueueConfigDialog *dialog = openConfigDialog();
    QVERIFY(dialog);
    auto *batchSize = dialog->findChild<QSpinBox *>(QStringLiteral("batchSizeSpin"));
    auto *highLoad = dialog->findChild<QSpinBox *>(QStringLiteral("highLoadPendingSpin"));
    auto *delayed = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("delayedAfterSpin"));
    auto *error = dialog->findChild<QLabel *>(QStringLiteral("queueConfigError"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveQueueConfigButton"));
    QVERIFY(batchSize && highLoad && delayed && error && save);

    // The chain's settings as stored: the defaults.
    QCOMPARE(batchSize->value(), QueueConfig().batchSize);
    QCOMPARE(highLoad->value(), QueueConfig().highLoadPending);
    QCOMPARE(qint64(delayed->value()), QueueConfig().delayedAfterMs);
    QVERIFY(!error->isVisible());
    QVERIFY(save->isEnabled());

    // A batch size of 0 is refused on the spot, with a message, and cannot be saved.
    batchSize->selectAll();
    QTest::keyClicks(batchSize, QStringLiteral("0"));
    QCOMPARE(batchSize->value(), 0);
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Batch size: 0 is out of range; use a value from 1 to 100000."));
    QVERIFY(!save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(dialog->isVisible());

    // So is one above the maximum.
    batchSize->setValue(QueueConfig::MaxBatchSize + 1);
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("Batch size: 100001 is out of range; use a value from 1 to 100000."));
    QVERIFY(!save->isEnabled());
    // And a threshold: DELAYED after less than a second.
    batchSize->setValue(250);
    delayed->setValue(10);
    QCOMPARE(error->text(), QStringLiteral("Delayed after: 10 is out of range; use a value from 1000 to 604800000."));
    QVERIFY(!save->isEnabled());
    delayed->setValue(double(QueueConfig().delayedAfterMs));

    batchSize->setValue(250);
    QVERIFY(!error->isVisible());
    QVERIFY(save->isEnabled());
    highLoad->setValue(2);
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<QueueConfigDialog *>(), EngineTimeoutMs);
    QCOMPARE(child<QLabel>("queueStatusLine")->text(), QStringLiteral("Settings of “devnet” saved."));

    // Saved: read back through the engine.
    const auto configs = waitFor(m_engine->balances()->queueConfigs());
    QVERIFY2(configs, why(configs).constData());
    std::optional<QueueConfig> saved;
    for (const QueueConfig &c : *configs) {
        if (c.chainId == Devnet)
            saved = c;
    }
    QVERIFY(saved);
    QCOMPARE(saved->batchSize, 250);
    QCOMPARE(saved->highLoadPending, 2);
    QCOMPARE(saved->maxRetries, QueueConfig().maxRetries);
    QVERIFY(saved->enabled);

    // 3 pending is above the new threshold of 2.
    QTRY_COMPARE_WITH_TIMEOUT(queueCell(Devnet, QueueHealthModel::StatusColumn), QStringLiteral("High load"), EngineTimeoutMs);
    QCOMPARE(queueCell(Nine, QueueHealthModel::StatusColumn), QStringLiteral("No tokens"));
}

void TstBalanceQueueUi::disabledQueueShowsDisabled()
{
    QueueConfig stored;
    stored.chainId = Devnet;
    stored.batchSize = 250;
    stored.maxRetries = 7;
    const Status set = waitFor(m_engine->balances()->setQueueConfig(stored));
    QVERIFY2(set, why(set).constData());

    showPage(Qt::Key_3);
    QVERIFY(selectQueueRow(Devnet));
    QueueConfigDialog *dialog = openConfigDialog();
    QVERIFY(dialog);
    // The dialog opens on what is stored.
    QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("batchSizeSpin"))->value(), 250);
    QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("maxRetriesSpin"))->value(), 7);
    auto *enabled = dialog->findChild<QCheckBox *>(QStringLiteral("queueEnabledCheck"));
    QVERIFY(enabled->isChecked());
    enabled->setChecked(false);
    dialog->findChild<QSpinBox *>(QStringLiteral("highLoadPendingSpin"))->setValue(QueueConfig().highLoadPending);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("saveQueueConfigButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->findChild<QueueConfigDialog *>(), EngineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(queueCell(Devnet, QueueHealthModel::StatusColumn), QStringLiteral("Disabled"), EngineTimeoutMs);

    QueueConfig on;
    on.chainId = Devnet;
    on.batchSize = 250;
    const Status s = waitFor(m_engine->balances()->setQueueConfig(on));
    QVERIFY2(s, why(s).constData());
    QTRY_COMPARE_WITH_TIMEOUT(queueCell(Devnet, QueueHealthModel::StatusColumn), QStringLiteral("Healthy"), EngineTimeoutMs);
}

void TstBalanceQueueUi::processedItemsLeaveTheQueue()
{
    showPage(Qt::Key_3);
    runQueueUntilEmpty();
    QTRY_COMPARE_WITH_TIMEOUT(queueCell(Devnet, QueueHealthModel::PendingColumn), QStringLiteral("0"), EngineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(queueCell(Devnet, QueueHealthModel::CompletedColumn), QStringLiteral("3"), EngineTimeoutMs);
    QCOMPARE(queueCell(Devnet, QueueHealthModel::FailedColumn), QStringLiteral("0"));
    QCOMPARE(queueCell(Devnet, QueueHealthModel::StatusColumn), QStringLiteral("Healthy"));
    QCOMPARE(queueCell(Devnet, QueueHealthModel::OldestPendingColumn), QStringLiteral("—"));
    // No failed items: nothing to retry.
    QVERIFY(selectQueueRow(Devnet));
    QVERIFY(!child<QPushButton>("retryFailedButton")->isEnabled());
}

void TstBalanceQueueUi::portfolioRejectsMalformedInput_data()
{
    QTest::addColumn<QString>("holder");
    QTest::addColumn<QString>("minimum");
    QTest::addColumn<bool>("holderWrong");
    QTest::addColumn<bool>("minimumWrong");
    QTest::newRow("empty") << QString() << QString() << true << false;
    QTest::newRow("too short") << QStringLiteral("0x1234") << QString() << true << false;
    QTest::newRow("not hex") << QStringLiteral("0xzz00000000000000000000000000000000000000") << QString() << true << false;
    QTest::newRow("bad checksum") << QStringLiteral("0xA00000000000000000000000000000000000000a") << QString() << true << false;
    QTest::newRow("minimum not a number") << Alice.toHex() << QStringLiteral("1.2.3") << false << true;
    QTest::newRow("minimum negative") << Alice.toHex() << QStringLiteral("-1") << false << true;
}

void TstBalanceQueueUi::portfolioRejectsMalformedInput()
{
    QFETCH(QString, holder);
    QFETCH(QString, minimum);
    QFETCH(bool, holderWrong);
    QFETCH(bool, minimumWrong);

    showPage(Qt::Key_4);
    auto *tabs = child<QTabWidget>("balancesModeTabs");
    tabs->setCurrentIndex(BalancesPage::PortfolioMode);
    auto *edit = child<QLineEdit>("holderEdit");
    auto *minEdit = child<QLineEdit>("minBalanceEdit");
    auto *holderError = child<QLabel>("holderError");
    auto *minError = child<QLabel>("minBalanceError");
    auto *busy = child<QProgressBar>("portfolioBusy");
    auto *table = child<QAbstractItemView>("portfolioTable");
    QTRY_VERIFY(edit->isVisible());

    edit->clear();
    QTest::keyClicks(edit, holder);
    minEdit->clear();
    QTest::keyClicks(minEdit, minimum);
    QTest::mouseClick(child<QPushButton>("portfolioButton"), Qt::LeftButton);

    QCOMPARE(holderError->isVisible(), holderWrong);
    QCOMPARE(minError->isVisible(), minimumWrong);
    if (holderWrong) {
        // What Address says is wrong, word for word; for no input at all, what to enter.
        const QString expected = holder.isEmpty() ? QStringLiteral("Enter an address: 0x followed by 40 hex digits.")
                                                  : Address::fromHex(holder).error().message;
        QCOMPARE(holderError->text(), expected);
    } else {
        QCOMPARE(minError->text(), QStringLiteral("Enter an amount of the token such as 1.5 (no sign, no exponent)."));
    }
    // Nothing was asked: no busy indicator, no rows.
    QVERIFY(!busy->isVisible());
    QCOMPARE(table->model()->rowCount(), 0);

    // Typing clears the message.
    if (holderWrong) {
        QTest::keyClicks(edit, QStringLiteral("0"));
        QVERIFY(!holderError->isVisible());
    }
}

void TstBalanceQueueUi::portfolioShowsBalancesAcrossChains()
{
    runQueueUntilEmpty();   // balances exist once the queue has been worked off
    showPage(Qt::Key_4);
    child<QTabWidget>("balancesModeTabs")->setCurrentIndex(BalancesPage::PortfolioMode);
    auto *edit = child<QLineEdit>("holderEdit");
    auto *minEdit = child<QLineEdit>("minBalanceEdit");
    auto *table = child<QAbstractItemView>("portfolioTable");
    auto *summary = child<QLabel>("portfolioSummary");
    auto *busy = child<QProgressBar>("portfolioBusy");
    auto cell = [&](int row, int column) { return table->model()->index(row, column).data().toString(); };

    const struct
    {
        Address holder;
        QString balance;
        QString raw;
    } expected[] = {
        {Alice, QStringLiteral("3.5"), QStringLiteral("3500000")},
        {Bob, QStringLiteral("1.5"), QStringLiteral("1500000")},
        {Carol, QStringLiteral("0.00025"), QStringLiteral("250")},
    };
    for (const auto &e : expected) {
        edit->clear();
        minEdit->clear();
        QTest::keyClicks(edit, e.holder.toHex());
        QTest::keyClick(edit, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible() && table->model()->rowCount() == 1, EngineTimeoutMs);
        QCOMPARE(cell(0, PortfolioModel::ChainColumn), QStringLiteral("devnet"));
        QCOMPARE(cell(0, PortfolioModel::TokenColumn), QStringLiteral("TST"));
        QCOMPARE(cell(0, PortfolioModel::TokenAddressColumn), Token.toChecksumHex());
        QCOMPARE(cell(0, PortfolioModel::BalanceColumn), e.balance);
        QCOMPARE(cell(0, PortfolioModel::RawBalanceColumn), e.raw);
        QCOMPARE(cell(0, PortfolioModel::LastBlockColumn), QStringLiteral("2"));
        QVERIFY(cell(0, PortfolioModel::UpdatedColumn) != QStringLiteral("—"));
        QCOMPARE(summary->text(), QStringLiteral("1 balance of %1.").arg(e.holder.toChecksumHex()));
    }

    // The minimum is in token units, exact with the token's 6 decimals: 3.5 keeps Alice's 3.5,
    // 3.500001 (one raw unit more) leaves nothing.
    edit->clear();
    QTest::keyClicks(edit, Alice.toChecksumHex());
    QTest::keyClicks(minEdit, QStringLiteral("3.5"));
    QTest::keyClick(minEdit, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible() && table->model()->rowCount() == 1, EngineTimeoutMs);
    minEdit->clear();
    QTest::keyClicks(minEdit, QStringLiteral("3.500001"));
    QTest::keyClick(minEdit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(summary->text(),
                              QStringLiteral("%1 holds no balance of at least 3.500001 on any chain.").arg(Alice.toChecksumHex()),
                              EngineTimeoutMs);
    QCOMPARE(table->model()->rowCount(), 0);
    QVERIFY(!busy->isVisible());

    // A query is superseded by a later one: its answer, arriving afterwards, is dropped. (Return
    // is signalled directly, so no event is processed between the two; an answer may still come
    // back at once when the reader is quicker than the continuation is attached.)
    minEdit->clear();
    edit->setText(Bob.toHex());
    Q_EMIT edit->returnPressed();
    edit->setText(QStringLiteral("0x12"));
    Q_EMIT edit->returnPressed();
    QVERIFY(!busy->isVisible());
    QVERIFY(child<QLabel>("holderError")->isVisible());
    QTest::qWait(500);   // Bob's answer comes back meanwhile
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(summary->text(), QString());

    edit->setText(Bob.toHex());
    Q_EMIT edit->returnPressed();
    edit->setText(Dave.toHex());
    Q_EMIT edit->returnPressed();
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible(), EngineTimeoutMs);
    QTest::qWait(200);
    QCOMPARE(table->model()->rowCount(), 0);
    QCOMPARE(summary->text(), QStringLiteral("%1 holds no indexed tokens on any chain.").arg(Dave.toChecksumHex()));
}

void TstBalanceQueueUi::topHoldersShowsLargestFirst()
{
    runQueueUntilEmpty();   // balances exist once the queue has been worked off
    showPage(Qt::Key_4);
    child<QTabWidget>("balancesModeTabs")->setCurrentIndex(BalancesPage::TopHoldersMode);
    auto *chains = child<QComboBox>("holdersChainCombo");
    auto *tokens = child<QComboBox>("holdersTokenCombo");
    auto *limit = child<QSpinBox>("holdersLimitSpin");
    auto *button = child<QPushButton>("holdersButton");
    auto *table = child<QTableView>("holdersTable");
    auto *summary = child<QLabel>("holdersSummary");
    auto *busy = child<QProgressBar>("holdersBusy");
    auto cell = [&](int row, int column) { return table->model()->index(row, column).data().toString(); };

    QTRY_COMPARE(chains->count(), 2);
    QCOMPARE(chains->itemText(0), QStringLiteral("devnet (1337)"));
    QCOMPARE(chains->itemText(1), QStringLiteral("nine (9)"));

    // A chain without tokens has nothing to ask about.
    chains->setCurrentIndex(chains->findData(Nine));
    QCOMPARE(tokens->count(), 0);
    QVERIFY(!tokens->isEnabled());
    QVERIFY(!button->isEnabled());

    chains->setCurrentIndex(chains->findData(Devnet));
    QCOMPARE(tokens->count(), 1);
    QCOMPARE(tokens->currentText(), QStringLiteral("TST (Test Token)"));
    QVERIFY(button->isEnabled());

    limit->setValue(2);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible() && table->model()->rowCount() == 2, EngineTimeoutMs);
    QCOMPARE(cell(0, TopHoldersModel::RankColumn), QStringLiteral("1"));
    QCOMPARE(cell(0, TopHoldersModel::HolderColumn), Alice.toChecksumHex());
    QCOMPARE(cell(0, TopHoldersModel::BalanceColumn), QStringLiteral("3.5"));
    QCOMPARE(cell(0, TopHoldersModel::RawBalanceColumn), QStringLiteral("3500000"));
    QCOMPARE(cell(0, TopHoldersModel::LastBlockColumn), QStringLiteral("2"));
    QCOMPARE(cell(1, TopHoldersModel::RankColumn), QStringLiteral("2"));
    QCOMPARE(cell(1, TopHoldersModel::HolderColumn), Bob.toChecksumHex());
    QCOMPARE(cell(1, TopHoldersModel::BalanceColumn), QStringLiteral("1.5"));
    QCOMPARE(summary->text(), QStringLiteral("The 2 largest holders of TST (Test Token) on “devnet (1337)”."));

    limit->setValue(10);
    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible() && table->model()->rowCount() == 3, EngineTimeoutMs);
    QCOMPARE(cell(2, TopHoldersModel::RankColumn), QStringLiteral("3"));
    QCOMPARE(cell(2, TopHoldersModel::HolderColumn), Carol.toChecksumHex());
    QCOMPARE(cell(2, TopHoldersModel::BalanceColumn), QStringLiteral("0.00025"));
    QCOMPARE(cell(2, TopHoldersModel::RawBalanceColumn), QStringLiteral("250"));

    // Choosing a token (as the combo reports a choice by mouse or keyboard) looks its holders up
    // without Look Up.
    limit->setValue(1);
    Q_EMIT tokens->activated(tokens->currentIndex());
    QTRY_VERIFY_WITH_TIMEOUT(!busy->isVisible() && table->model()->rowCount() == 1, EngineTimeoutMs);
    QCOMPARE(cell(0, TopHoldersModel::HolderColumn), Alice.toChecksumHex());
}

void TstBalanceQueueUi::retryFailedQueuesItemsAgain()
{
    // Dave sends 100 he never received: his balance cannot be computed and his item fails.
    auto promoted = IndexStore(*m_store).promote(batch(3, 3, {transfer(3, Dave, Alice, 100)}), evmEntities());
    QVERIFY2(promoted, why(promoted).constData());
    QueueConfig config;
    config.chainId = Devnet;
    config.maxRetries = 1;
    config.retryBackoffMs = 0;
    for (int attempt = 0; attempt < 10; ++attempt) {
        const QString claim = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto items = QueueStore(*m_store).claimQueueItems(Devnet, 100, QStringLiteral("tst/1/ui"), claim);
        QVERIFY2(items, why(items).constData());
        if (items->isEmpty())
            break;
        auto done = QueueStore(*m_store).completeTransferItems(Devnet, claim, config);
        QVERIFY2(done, why(done).constData());
    }

    showPage(Qt::Key_3);
    QVERIFY(selectQueueRow(Devnet));
    QTRY_COMPARE_WITH_TIMEOUT(queueCell(Devnet, QueueHealthModel::FailedColumn), QStringLiteral("1"), EngineTimeoutMs);
    QCOMPARE(queueCell(Devnet, QueueHealthModel::PendingColumn), QStringLiteral("0"));
    auto *retry = child<QPushButton>("retryFailedButton");
    QTRY_VERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("queueStatusLine")->text(), QStringLiteral("“devnet”: 1 item queued again."), EngineTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(queueCell(Devnet, QueueHealthModel::FailedColumn), QStringLiteral("0"), EngineTimeoutMs);
    QCOMPARE(queueCell(Devnet, QueueHealthModel::PendingColumn), QStringLiteral("1"));
    QTRY_VERIFY(!retry->isEnabled());   // nothing failed any more

    // Alice's balance took Dave's 100 in.
    showPage(Qt::Key_4);
    child<QTabWidget>("balancesModeTabs")->setCurrentIndex(BalancesPage::PortfolioMode);
    auto *edit = child<QLineEdit>("holderEdit");
    edit->clear();
    child<QLineEdit>("minBalanceEdit")->clear();
    QTest::keyClicks(edit, Alice.toHex());
    QTest::keyClick(edit, Qt::Key_Return);
    auto *table = child<QAbstractItemView>("portfolioTable");
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->index(0, PortfolioModel::BalanceColumn).data().toString(), QStringLiteral("3.5001"),
                              EngineTimeoutMs);
    QCOMPARE(table->model()->index(0, PortfolioModel::LastBlockColumn).data().toString(), QStringLiteral("3"));
}

void TstBalanceQueueUi::refreshDuringAReadIsReadAfterIt()
{
    // Retry Failed asks the page to read the health again when its items are queued; a read
    // already under way then answers with the items still failed. The page reads again after
    // it, instead of showing them failed until the engine's next health sample. This engine
    // sends none, and has a database of its own.
    auto url = m_home.databaseUrl(QStringLiteral("queue-refresh.db"));
    QVERIFY2(url, why(url).constData());
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY2(started, why(started).constData());
    auto opened = Store::open(*url);
    QVERIFY2(opened, why(opened).constData());
    Store &store = **opened;

    TokenInfo token;
    token.address = Token;
    token.symbol = QStringLiteral("TST");
    token.decimals = 6;
    token.deployBlock = 0;
    token.balanceMode = BalanceMode::Transfers;
    Status s = ChainRegistry(store).registerChain(chainConfig(Devnet, QStringLiteral("devnet"), {Token}), {okEndpoint()}, evmEntities(), {token});
    QVERIFY2(s, why(s).constData());
    // Dave sends 100 he never received: his item fails.
    auto promoted = IndexStore(store).promote(batch(0, 0, {transfer(0, Dave, Alice, 100)}), evmEntities());
    QVERIFY2(promoted, why(promoted).constData());
    s = QueueStore(store).setBalanceMode(Devnet, Token, BalanceMode::Transfers);
    QVERIFY2(s, why(s).constData());
    QueueConfig config;
    config.chainId = Devnet;
    config.maxRetries = 1;
    config.retryBackoffMs = 0;
    for (int attempt = 0; attempt < 10; ++attempt) {
        const QString claim = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto items = QueueStore(store).claimQueueItems(Devnet, 100, QStringLiteral("tst/2/ui"), claim);
        QVERIFY2(items, why(items).constData());
        if (items->isEmpty())
            break;
        auto done = QueueStore(store).completeTransferItems(Devnet, claim, config);
        QVERIFY2(done, why(done).constData());
    }

    QueuePage page(engine->balances());
    page.resize(1000, 700);
    page.show();
    auto *table = page.findChild<QTableView *>(QStringLiteral("queueHealthTable"));
    QVERIFY(table);
    auto cell = [table](int column) {
        const QAbstractItemModel *model = table->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, column).data(QueueHealthModel::ChainIdRole).toLongLong() == Devnet)
                return model->index(row, column).data().toString();
        }
        return QStringLiteral("(no row)");
    };
    QTRY_COMPARE_WITH_TIMEOUT(cell(QueueHealthModel::FailedColumn), QStringLiteral("1"), EngineTimeoutMs);
    QCOMPARE(cell(QueueHealthModel::PendingColumn), QStringLiteral("0"));

    page.refresh();   // a read under way (View › Refresh)
    // The engine's reader runs reads in order: once this one is done, so is the page's, whose
    // answer the page has not seen yet (no event has been processed since).
    engine->balances()->queueHealth().waitForFinished();
    QFuture<Result<qint64>> retried = engine->balances()->retryFailed(ChainRef{Devnet, {}});
    retried.waitForFinished();   // on the engine's writer, which needs no event here
    QVERIFY2(retried.result(), why(retried.result()).constData());
    QCOMPARE(*retried.result(), 1);
    page.refresh();   // what Retry Failed does once the items are queued again

    QTRY_COMPARE_WITH_TIMEOUT(cell(QueueHealthModel::FailedColumn), QStringLiteral("0"), EngineTimeoutMs);
    QCOMPARE(cell(QueueHealthModel::PendingColumn), QStringLiteral("1"));
}

} // namespace tst_balancequeue_ui

int arbor_test_main_balancequeue_ui(int argc, char **argv)
{
    QApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    QTranslator english;
    if (!english.load(QStringLiteral(":/i18n/arbor_en.qm")) || !QCoreApplication::installTranslator(&english))
        qFatal("arbor_en.qm is missing");
    tst_balancequeue_ui::TstBalanceQueueUi test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_balancequeue_ui.moc"

// The chain detail page driven offscreen against a real Engine on a temporary SQLite file:
// live figures and charts from a devnet chain being indexed, and gaps from promoted ranges.

#include "charts/chainchartpanel.h"
#include "charts/timeaxis.h"
#include "delegates/statusbadgedelegate.h"
#include "devnet.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "fakenode.h"
#include "metrics/metricsstore.h"
#include "model/entitydef.h"
#include "models/endpointmodel.h"
#include "models/reindexrequestmodel.h"
#include "models/reorgmodel.h"
#include "models/tokenmodel.h"
#include "pages/chaindetailpage.h"
#include "store/chainregistry.h"
#include "store/indexbatch.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "testvalues.h"
#include "uifixture.h"
#include "widgets/indexprogressbar.h"
#include "widgets/indexprogresspanel.h"

#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QValueAxis>
#include <QTranslator>

#include <memory>

Q_DECLARE_METATYPE(arbor::EndpointLimits)

using namespace arbor;
using arbor::test::addressOf;
using arbor::test::hashOf;
using arbor::test::why;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::Devnet;
using arbor::ui::ChainChartPanel;
using arbor::ui::ChainDetailPage;
using arbor::ui::EndpointModel;
using arbor::ui::StatusBadgeDelegate;
using arbor::ui::ReindexRequestModel;
using arbor::ui::ReorgModel;
using arbor::ui::TokenModel;

namespace tst_chaindetail {

namespace {

const int EngineTimeoutMs = 30000;

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

/// Shows `page` at `size` and, once it is on screen, `chainId` on it; false if it never showed.
bool showChainOn(ChainDetailPage &page, qint64 chainId, QSize size = QSize(1000, 800))
{
    page.resize(size);
    page.show();
    if (!QTest::qWaitForWindowExposed(&page))
        return false;
    page.showChain(chainId);
    return true;
}

/// Registers chain `chainId` as `name` from block 0, with an endpoint for each of `rpcs` (each as
/// `endpoint` says besides its URL); nothing listens on http://127.0.0.1:1, the default.
Status registerChain(Store &store, qint64 chainId, const QString &name, const QList<QUrl> &rpcs = {QUrl(QStringLiteral("http://127.0.0.1:1"))},
                     EndpointRecord endpoint = {})
{
    ChainConfig config;
    config.chainId = chainId;
    config.name = name;
    config.rpcUrls = rpcs;
    config.startBlock = 0;
    QList<EndpointRecord> endpoints;
    for (const QUrl &rpc : rpcs) {
        endpoint.url = rpc;
        endpoints.append(endpoint);
    }
    return ChainRegistry(store).registerChain(config, endpoints, evmEntities());
}

TokenInfo token(int n, const QString &symbol, std::optional<BalanceMode> mode, const QString &reason)
{
    TokenInfo t;
    t.address = addressOf(n);
    t.name = symbol + QStringLiteral(" Token");
    t.symbol = symbol;
    t.decimals = 18;
    t.balanceMode = mode;
    t.balanceModeReason = reason;
    return t;
}

EndpointRecord endpointServing(const char *url, std::optional<bool> servesHistory, const QString &note)
{
    EndpointRecord e;
    e.url = QUrl(QString::fromLatin1(url));
    e.status = EndpointStatus::Ok;
    e.servesHistory = servesHistory;
    e.historyNote = note;
    return e;
}

EndpointLimits limits(double learnedRate, int maxBatch, qint64 logRange, qint64 logResults)
{
    EndpointLimits l;
    l.learnedRate = learnedRate;
    l.maxBatch = maxBatch;
    l.logRangeLimit = logRange;
    l.logResultLimit = logResults;
    return l;
}

} // namespace

class TstChainDetail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void csvMergesLinesByTime();
    void valueAxesNeverRepeatALabel_data();
    void valueAxesNeverRepeatALabel();
    void endpointModelUpdatesRowsInPlace();
    void endpointModelSaysWhetherTheNodeServesHistory_data();
    void endpointModelSaysWhetherTheNodeServesHistory();
    void endpointModelShowsLimits_data();
    void endpointModelShowsLimits();
    void endpointModelShowsTheBill();
    void tokenModelShowsModesAndWhy();
    void pageShowsTheChainsTokensAndEndpointHistory();
    void chainSelectorShowsAnotherChain();
    void reindexModelInsertsNewRequestsOnTop();
    void reorgModelGrowsAtTheTop();
    void gapsBetweenPromotedRangesAreListed();
    void probeNowAsksEveryEndpoint();
    void reindexRequestedDuringAReadIsShownAfterIt();
    void chartHistoryRangesGapsAndOutliers();
    void liveChainFromTheDevnet();

private:
    std::unique_ptr<Engine> startEngine(const QString &file, bool indexing);

    arbor::test::UiFixture m_home;
    QTranslator m_english;   // the plural forms the console loads: "50 calls", not "50 call(s)"
};

void TstChainDetail::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
    QVERIFY(m_english.load(QStringLiteral(":/i18n/arbor_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_english));
}

std::unique_ptr<Engine> TstChainDetail::startEngine(const QString &file, bool indexing)
{
    auto url = m_home.databaseUrl(file);
    if (!url)
        qFatal("%s", why(url).constData());
    EngineOptions options = UiFixture::engineOptions(*url);
    options.statusIntervalMs = 200;
    options.indexing = indexing;
    options.indexer.healthSaveIntervalMs = 500;
    options.indexer.workPollIntervalMs = 500;
    auto [engine, started] = UiFixture::startEngine(options);
    if (!started)
        qFatal("%s", why(started).constData());
    return std::move(engine);
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

void TstChainDetail::valueAxesNeverRepeatALabel_data()
{
    QTest::addColumn<double>("blocksPerSecond");   // -1: no data yet
    QTest::newRow("no data yet") << -1.0;
    QTest::newRow("under a block a second") << 0.6;
    QTest::newRow("a few blocks a second") << 3.0;
    QTest::newRow("hundreds") << 240.0;
}

void TstChainDetail::valueAxesNeverRepeatALabel()
{
    // "0, 0, 0, 1, 1, 1" says nothing: every tick of every value axis reads differently.
    QFETCH(double, blocksPerSecond);
    ChainChartPanel panel;
    panel.resize(1200, 300);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    ChainSeries live;
    live.stepMs = 1000;
    for (qint64 t = now - 60000; blocksPerSecond >= 0 && t <= now; t += 1000) {
        live.lagBlocks.append(QPointF(double(t), 0));
        live.lagSeconds.append(QPointF(double(t), 1));
        live.blocksPerSecond.append(QPointF(double(t), blocksPerSecond));
        live.endpointLatencyMs[QStringLiteral("http://127.0.0.1:1")].append(QPointF(double(t), blocksPerSecond * 7));
    }
    panel.setSeries(live, now);
    for (ChainChartPanel::Chart chart : {ChainChartPanel::LagChart, ChainChartPanel::RateChart, ChainChartPanel::LatencyChart}) {
        for (QAbstractAxis *axis : panel.view(chart)->chart()->axes(Qt::Vertical)) {
            auto *y = qobject_cast<QValueAxis *>(axis);
            QVERIFY(y);
            QStringList labels;
            const double step = (y->max() - y->min()) / (y->tickCount() - 1);
            for (int i = 0; i < y->tickCount(); ++i)
                labels.append(QString::asprintf(y->labelFormat().toLatin1().constData(), y->min() + i * step));
            QVERIFY2(QSet<QString>(labels.cbegin(), labels.cend()).size() == labels.size(),
                     qPrintable(panel.title(chart) + QStringLiteral(": ") + labels.join(QStringLiteral(", "))));
        }
    }
}

void TstChainDetail::endpointModelUpdatesRowsInPlace()
{
    EndpointModel model;
    auto endpoint = [](const char *url, double latency) {
        EndpointRecord e;
        e.url = QUrl(QString::fromLatin1(url));
        e.status = EndpointStatus::Ok;
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

void TstChainDetail::endpointModelSaysWhetherTheNodeServesHistory_data()
{
    QTest::addColumn<int>("history");   // 1, 0, -1: not known
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("explained");
    QTest::newRow("archive") << 1 << QString() << QStringLiteral("Archive (full history)")
                             << QStringLiteral("read at the indexed height");
    QTest::newRow("recent only") << 0 << QStringLiteral("eth_getBalance at block 1: block out of range")
                                 << QStringLiteral("Recent state only") << QStringLiteral("read at its newest block");
    QTest::newRow("not detected yet") << -1 << QString() << QStringLiteral("Unknown")
                                      << QStringLiteral("Not known yet");
}

void TstChainDetail::endpointModelSaysWhetherTheNodeServesHistory()
{
    QFETCH(int, history);
    QFETCH(QString, note);
    QFETCH(QString, text);
    QFETCH(QString, explained);
    const std::optional<bool> servesHistory = history < 0 ? std::nullopt : std::optional<bool>(history == 1);

    EndpointModel model;
    model.update({endpointServing("http://node", servesHistory, note)});
    const QModelIndex cell = model.index(0, EndpointModel::HistoryColumn);
    QCOMPARE(model.headerData(EndpointModel::HistoryColumn, Qt::Horizontal).toString(), QStringLiteral("State history"));
    QCOMPARE(cell.data().toString(), text);
    const QString tip = cell.data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(explained), qPrintable(tip));
    if (!note.isEmpty())
        QVERIFY2(tip.contains(note), qPrintable(tip));
    QCOMPARE(cell.data(EndpointModel::ServesHistoryRole).isValid(), servesHistory.has_value());
    if (servesHistory)
        QCOMPARE(cell.data(EndpointModel::ServesHistoryRole).toBool(), *servesHistory);

    // Detected later: the row changes in place.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.update({endpointServing("http://node", false, QStringLiteral("missing trie node"))});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(cell.data().toString(), QStringLiteral("Recent state only"));
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QLatin1String("missing trie node")));
}

void TstChainDetail::endpointModelShowsLimits_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<double>("operatorRate");
    QTest::addColumn<EndpointLimits>("learned");
    QTest::addColumn<QString>("statusText");
    QTest::addColumn<QString>("rate");
    QTest::addColumn<QString>("rateTip");
    QTest::addColumn<QString>("batch");
    QTest::addColumn<QString>("logs");
    const QString learnedTip = QStringLiteral("Learned from the provider's \"too many requests\" answers");
    QTest::newRow("rate limited, everything learned")
        << QStringLiteral("rate_limited") << 0.0 << limits(8.42, 50, 500, 10000) << QStringLiteral("rate limited")
        << QStringLiteral("8.4/s learned") << learnedTip << QStringLiteral("50 calls") << QStringLiteral("500 blocks, 10,000 logs");
    QTest::newRow("the operator's rate wins")
        << QStringLiteral("ok") << 10.0 << limits(3, 0, 0, 0) << QStringLiteral("ok") << QStringLiteral("10/s set")
        << QStringLiteral("The rate you set") << QStringLiteral("–") << QStringLiteral("–");
    QTest::newRow("nothing learned")
        << QStringLiteral("ok") << 0.0 << EndpointLimits() << QStringLiteral("ok") << QStringLiteral("–")
        << QStringLiteral("No rate set or learned") << QStringLiteral("–") << QStringLiteral("–");
    QTest::newRow("one call per batch, a block range cap only")
        << QStringLiteral("answering_with_errors") << 0.0 << limits(0, 1, 2000, 0) << QStringLiteral("answering with errors") << QStringLiteral("–")
        << QStringLiteral("No rate set or learned") << QStringLiteral("1 call") << QStringLiteral("2,000 blocks");
}

void TstChainDetail::endpointModelShowsLimits()
{
    QFETCH(QString, status);
    QFETCH(double, operatorRate);
    QFETCH(EndpointLimits, learned);
    QFETCH(QString, statusText);
    QFETCH(QString, rate);
    QFETCH(QString, rateTip);
    QFETCH(QString, batch);
    QFETCH(QString, logs);

    EndpointRecord e = endpointServing("https://eth.provider.example/v2/key", true, QString());
    e.status = endpointStatusFromToken(status).value_or(EndpointStatus::Unknown);
    e.maxRequestsPerSecond = operatorRate;
    e.limits = learned;
    EndpointModel model;
    model.update({e});
    auto at = [&](int column, int role = Qt::DisplayRole) { return model.index(0, column).data(role); };
    QCOMPARE(model.headerData(EndpointModel::RateColumn, Qt::Horizontal).toString(), QStringLiteral("Rate"));
    QCOMPARE(model.headerData(EndpointModel::BatchColumn, Qt::Horizontal).toString(), QStringLiteral("Batch"));
    QCOMPARE(model.headerData(EndpointModel::LogsColumn, Qt::Horizontal).toString(), QStringLiteral("Logs"));
    QCOMPARE(at(EndpointModel::StatusColumn).toString(), statusText);
    QCOMPARE(at(EndpointModel::RateColumn).toString(), rate);
    QVERIFY2(at(EndpointModel::RateColumn, Qt::ToolTipRole).toString().startsWith(rateTip),
             qPrintable(at(EndpointModel::RateColumn, Qt::ToolTipRole).toString()));
    QCOMPARE(at(EndpointModel::BatchColumn).toString(), batch);
    QCOMPARE(at(EndpointModel::LogsColumn).toString(), logs);
    QVERIFY(!at(EndpointModel::BatchColumn, Qt::ToolTipRole).toString().isEmpty());
    QVERIFY(!at(EndpointModel::LogsColumn, Qt::ToolTipRole).toString().isEmpty());

    // Working, not failing: a rate limited endpoint never wears the red of a down one.
    const QColor badge = at(EndpointModel::StatusColumn, EndpointModel::BadgeColorRole).value<QColor>();
    QVERIFY(badge.isValid());
    QCOMPARE(badge == EndpointModel::statusColor(EndpointStatus::Unreachable), status == u"unreachable");
    if (status == u"rate_limited") {
        QVERIFY(badge != EndpointModel::statusColor(EndpointStatus::AnsweringWithErrors));
        QVERIFY(at(EndpointModel::StatusColumn, Qt::ToolTipRole).toString().contains(QLatin1String("nothing is lost")));
    }
}

void TstChainDetail::endpointModelShowsTheBill()
{
    EndpointModel model;
    EndpointRecord e;
    e.url = QUrl(QStringLiteral("https://eth-mainnet.example.org/v2/${keychain:alchemy}"));
    model.update({e});
    QCOMPARE(model.headerData(EndpointModel::CallsColumn, Qt::Horizontal).toString(), QStringLiteral("Calls"));
    QCOMPARE(model.headerData(EndpointModel::ComputeUnitsColumn, Qt::Horizontal).toString(), QStringLiteral("Compute units"));
    QCOMPARE(model.index(0, EndpointModel::CallsColumn).data().toString(), QStringLiteral("–"));
    QCOMPARE(model.index(0, EndpointModel::ComputeUnitsColumn).data().toString(), QStringLiteral("–"));
    QVERIFY(model.index(0, EndpointModel::ComputeUnitsColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("set-rpc-price")));

    // The chain: 1,952 headers and 17 eth_getLogs, two of which failed; Alchemy's prices.
    e.calls.byMethod = {{QStringLiteral("eth_getBlockByNumber"), MethodCalls{1952, 0}}, {QStringLiteral("eth_getLogs"), MethodCalls{17, 2}},
                        {QStringLiteral("eth_blockNumber"), MethodCalls{20, 0}}};
    e.prices.unitsPerCall = {{QStringLiteral("eth_getLogs"), 75}, {QStringLiteral("eth_getBlockByNumber"), 16}};
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.update({e});
    QCOMPARE(changed.size(), 1);
    const QLocale locale;
    QCOMPARE(model.index(0, EndpointModel::CallsColumn).data().toString(), locale.toString(1989));
    QCOMPARE(model.index(0, EndpointModel::ComputeUnitsColumn).data().toString(), locale.toString(17 * 75 + 1952 * 16));
    const QString calls = model.index(0, EndpointModel::CallsColumn).data(Qt::ToolTipRole).toString();
    for (const QString &line : {QStringLiteral("eth_getBlockByNumber: %1").arg(locale.toString(1952)), QStringLiteral("eth_getLogs: 17, 2 failed"),
                                QStringLiteral("eth_blockNumber: 20")})
        QVERIFY2(calls.contains(line), qPrintable(calls));
    const QString units = model.index(0, EndpointModel::ComputeUnitsColumn).data(Qt::ToolTipRole).toString();
    QVERIFY2(units.contains(QStringLiteral("eth_getLogs: 17 × 75 = %1").arg(locale.toString(1275))), qPrintable(units));
    QVERIFY2(!units.contains(QLatin1String("eth_blockNumber")), qPrintable(units));   // no price, not counted
}

void TstChainDetail::tokenModelShowsModesAndWhy()
{
    const QString noTransfer = QStringLiteral("No Transfer of the token before the start block 120 (eth_getLogs over blocks 0–119).");
    const QString transfersBefore = QStringLiteral("37 Transfers before the start block 120, the first at block 12.");
    TokenModel model;
    model.setTokens({token(1, QStringLiteral("AAA"), BalanceMode::Transfers, noTransfer),
                     token(2, QStringLiteral("BBB"), BalanceMode::BalanceOf, transfersBefore),
                     token(3, QStringLiteral("CCC"), std::nullopt, QString())});
    QCOMPARE(model.rowCount(), 3);
    auto at = [&](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role); };
    QCOMPARE(at(0, TokenModel::SymbolColumn).toString(), QStringLiteral("AAA"));
    QCOMPARE(at(0, TokenModel::AddressColumn).toString(), addressOf(1).toChecksumHex());
    QCOMPARE(at(0, TokenModel::DecimalsColumn).toString(), QStringLiteral("18"));
    QCOMPARE(at(0, TokenModel::BalanceModeColumn).toString(), QStringLiteral("Transfers"));
    QCOMPARE(at(0, TokenModel::ReasonColumn).toString(), noTransfer);
    QCOMPARE(at(0, TokenModel::ReasonColumn, Qt::ToolTipRole).toString(), noTransfer);
    QVERIFY(at(0, TokenModel::BalanceModeColumn, Qt::ToolTipRole).toString().contains(QLatin1String("Transfer events")));
    QCOMPARE(at(1, TokenModel::BalanceModeColumn).toString(), QStringLiteral("balanceOf"));
    QCOMPARE(at(1, TokenModel::ReasonColumn).toString(), transfersBefore);
    QCOMPARE(at(1, TokenModel::BalanceModeColumn, TokenModel::BalanceModeRole).toInt(), int(BalanceMode::BalanceOf));
    // Undecided: the text the owner chose.
    QCOMPARE(at(2, TokenModel::BalanceModeColumn).toString(), QStringLiteral("–"));
    QVERIFY(!at(2, TokenModel::BalanceModeColumn, TokenModel::BalanceModeRole).isValid());
    model.setUndecidedText(QStringLiteral("Checking…"));
    QCOMPARE(at(2, TokenModel::BalanceModeColumn).toString(), QStringLiteral("Checking…"));

    // A mode decided, a token gone: rows change in place, never a reset.
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.setTokens({token(1, QStringLiteral("AAA"), BalanceMode::Transfers, noTransfer),
                     token(3, QStringLiteral("CCC"), BalanceMode::Transfers, noTransfer)});
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(addressOf(3)), 1);
    QCOMPARE(at(1, TokenModel::BalanceModeColumn).toString(), QStringLiteral("Transfers"));
    model.setTokens({token(1, QStringLiteral("AAA"), BalanceMode::Transfers, noTransfer),
                     token(3, QStringLiteral("CCC"), BalanceMode::Transfers, noTransfer)});
    QCOMPARE(changed.size(), 1);   // nothing changed, nothing announced
}

void TstChainDetail::pageShowsTheChainsTokensAndEndpointHistory()
{
    // No periodic snapshots: the record below is the only one the page sees.
    auto url = m_home.databaseUrl(QStringLiteral("tokens.db"));
    QVERIFY2(url, why(url).constData());
    EngineOptions options;
    options.database = *url;
    options.app = QStringLiteral("arbor-test");
    options.snapshotIntervalMs = 0;
    Engine engine(options);
    const Status started = waitFor(engine.start());
    QVERIFY2(started, why(started).constData());

    const QString reason = QStringLiteral("37 Transfers before the start block 120, the first at block 12.");
    ChainRecord record;
    record.config.chainId = 88;
    record.config.name = QStringLiteral("pruned");
    record.config.rpcUrls = {QUrl(QStringLiteral("http://full.example")), QUrl(QStringLiteral("http://archive.example"))};
    record.config.startBlock = 120;
    record.config.tokens = {addressOf(1), addressOf(2)};
    record.tokens = {token(1, QStringLiteral("AAA"), BalanceMode::BalanceOf, reason),
                     token(2, QStringLiteral("BBB"), BalanceMode::Transfers, QStringLiteral("No Transfer before block 120."))};
    record.endpoints = {endpointServing("http://full.example", false, QStringLiteral("header not found")),
                        endpointServing("http://archive.example", true, QString())};
    // A hosted provider: what an earlier run learned of it is on its row.
    record.endpoints[1].status = EndpointStatus::RateLimited;
    record.endpoints[1].limits = limits(8.4, 50, 500, 10000);

    ChainDetailPage page(engine.chains(), engine.indexing(), engine.stats());
    QVERIFY(showChainOn(page, 88));
    Q_EMIT engine.chains()->chainsChanged({record});

    QCOMPARE(label(page, "chainDetailName"), QStringLiteral("pruned"));
    QCOMPARE(label(page, "chainDetailBlockStats"), QStringLiteral("blocks with events"));
    // Switched to every block: the headers' backfill and how far it got.
    ChainRecord every = record;
    every.config.blockStats = BlockStats::Every;
    every.headerBackfill = HeaderBackfill{120, 319, 170};
    Q_EMIT engine.chains()->chainsChanged({every});
    QCOMPARE(label(page, "chainDetailBlockStats"), QStringLiteral("every block — fetching the headers of blocks 120–319: 25%"));
    Q_EMIT engine.chains()->chainsChanged({record});
    auto *tabs = page.findChild<QTabWidget *>(QStringLiteral("chainDetailTabs"));
    auto *tokens = page.findChild<QTableView *>(QStringLiteral("chainDetailTokens"));
    QVERIFY(tabs && tokens);
    QCOMPARE(tabs->tabText(tabs->indexOf(tokens)), QStringLiteral("Tokens"));
    tabs->setCurrentWidget(tokens);
    QVERIFY(tokens->isVisible());
    const QAbstractItemModel *model = tokens->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, TokenModel::SymbolColumn).data().toString(), QStringLiteral("AAA"));
    QCOMPARE(model->index(0, TokenModel::BalanceModeColumn).data().toString(), QStringLiteral("balanceOf"));
    QCOMPARE(model->index(0, TokenModel::ReasonColumn).data().toString(), reason);
    QCOMPARE(model->index(1, TokenModel::BalanceModeColumn).data().toString(), QStringLiteral("Transfers"));

    EndpointModel *endpoints = page.endpointModel();
    QCOMPARE(endpoints->rowCount(), 2);
    QCOMPARE(endpoints->index(0, EndpointModel::HistoryColumn).data().toString(), QStringLiteral("Recent state only"));
    QVERIFY(endpoints->index(0, EndpointModel::HistoryColumn).data(Qt::ToolTipRole).toString().contains(QLatin1String("header not found")));
    QCOMPARE(endpoints->index(1, EndpointModel::HistoryColumn).data().toString(), QStringLiteral("Archive (full history)"));
    QCOMPARE(endpoints->index(1, EndpointModel::StatusColumn).data().toString(), QStringLiteral("rate limited"));
    QCOMPARE(endpoints->index(1, EndpointModel::RateColumn).data().toString(), QStringLiteral("8.4/s learned"));
    QCOMPARE(endpoints->index(1, EndpointModel::BatchColumn).data().toString(), QStringLiteral("50 calls"));
    QCOMPARE(endpoints->index(1, EndpointModel::LogsColumn).data().toString(), QStringLiteral("500 blocks, 10,000 logs"));
    QCOMPARE(endpoints->index(0, EndpointModel::RateColumn).data().toString(), QStringLiteral("–"));
    // The status is a badge in its colour.
    auto *endpointTable = page.findChild<QTableView *>(QStringLiteral("chainDetailEndpoints"));
    QVERIFY(endpointTable);
    QVERIFY(qobject_cast<StatusBadgeDelegate *>(endpointTable->itemDelegateForColumn(EndpointModel::StatusColumn)));

    // Indexed here: the live figures, and still what the record knows of each node's history.
    ChainStatus status;
    status.chainId = 88;
    status.phase = IndexPhase::Live;
    for (const EndpointRecord &recorded : record.endpoints) {
        EndpointRecord live = endpointServing("http://x", std::nullopt, QString());
        live.url = recorded.url;
        live.latencyMs = 12;
        status.endpoints.append(live);
    }
    Q_EMIT engine.indexing()->chainStatusChanged({status});
    QCOMPARE(endpoints->index(0, EndpointModel::LatencyColumn).data().toString(), QStringLiteral("12.0 ms"));
    QCOMPARE(endpoints->index(0, EndpointModel::HistoryColumn).data().toString(), QStringLiteral("Recent state only"));
    QCOMPARE(endpoints->index(1, EndpointModel::HistoryColumn).data().toString(), QStringLiteral("Archive (full history)"));
    // ... and the limits learned before, until the indexer reports its own.
    QCOMPARE(endpoints->index(1, EndpointModel::RateColumn).data().toString(), QStringLiteral("8.4/s learned"));
    QCOMPARE(endpoints->index(1, EndpointModel::LogsColumn).data().toString(), QStringLiteral("500 blocks, 10,000 logs"));
    status.endpoints[1].status = EndpointStatus::RateLimited;
    status.endpoints[1].limits = limits(6, 25, 500, 10000);
    Q_EMIT engine.indexing()->chainStatusChanged({status});
    QCOMPARE(endpoints->index(1, EndpointModel::StatusColumn).data().toString(), QStringLiteral("rate limited"));
    QCOMPARE(endpoints->index(1, EndpointModel::RateColumn).data().toString(), QStringLiteral("6/s learned"));
    QCOMPARE(endpoints->index(1, EndpointModel::BatchColumn).data().toString(), QStringLiteral("25 calls"));

    // Another chain shown: its tokens, not these.
    page.showChain(0);
    QCOMPARE(page.tokenModel()->rowCount(), 0);
}

void TstChainDetail::chainSelectorShowsAnotherChain()
{
    auto url = m_home.databaseUrl(QStringLiteral("selector.db"));
    QVERIFY2(url, why(url).constData());
    EngineOptions options;
    options.database = *url;
    options.app = QStringLiteral("arbor-test");
    options.snapshotIntervalMs = 0;
    Engine engine(options);
    const Status started = waitFor(engine.start());
    QVERIFY2(started, why(started).constData());

    ChainRecord base;
    base.config.chainId = 8453;
    base.config.name = QStringLiteral("base");
    ChainRecord optimism;
    optimism.config.chainId = 10;
    optimism.config.name = QStringLiteral("optimism");
    ChainRecord going = optimism;
    going.config.chainId = 99;
    going.config.name = QStringLiteral("going");
    going.state = ChainState::Deleting;

    ChainDetailPage page(engine.chains(), engine.indexing(), engine.stats());
    QVERIFY(showChainOn(page, 8453));
    Q_EMIT engine.chains()->chainsChanged({base, optimism, going});

    auto *chooser = page.findChild<QComboBox *>(QStringLiteral("chainDetailChooser"));
    QVERIFY(chooser);
    QCOMPARE(chooser->count(), 2);   // not the chain being deleted
    QCOMPARE(chooser->currentText(), QStringLiteral("base (8453)"));
    QSignalSpy chosen(&page, &ChainDetailPage::chainChosen);
    chooser->setFocus();
    QTest::keyClick(chooser, Qt::Key_Down);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toLongLong(), qint64(10));
    QCOMPARE(page.chainId(), qint64(10));
    QCOMPARE(label(page, "chainDetailId"), QStringLiteral("10"));
    QCOMPARE(chooser->currentText(), QStringLiteral("optimism (10)"));

    // The registry changes: the shown chain stays selected.
    ChainRecord renamed = base;
    renamed.config.name = QStringLiteral("base-mainnet");
    Q_EMIT engine.chains()->chainsChanged({renamed, optimism});
    QCOMPARE(chooser->itemText(0), QStringLiteral("base-mainnet (8453)"));
    QCOMPARE(chooser->currentText(), QStringLiteral("optimism (10)"));
    QCOMPARE(chosen.size(), 1);
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
        auto url = m_home.databaseUrl(QStringLiteral("gaps.db"));
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        EndpointRecord unreachable;
        unreachable.status = EndpointStatus::Unreachable;
        unreachable.lastError = QStringLiteral("connection refused");
        QVERIFY(registerChain(**store, chainId, QStringLiteral("gappy"), {QUrl(QStringLiteral("http://127.0.0.1:1"))}, unreachable));
        QVERIFY((*store)->reconcileEntityTables(evmEntities()));
        // The head scan started at 20; the gap scan has filled 0–9 so far: 10–19 is missing.
        auto head = IndexStore(**store).promote(blocks(chainId, 20, 29, BatchMode::Head), evmEntities());
        QVERIFY2(head, why(head).constData());
        auto gap = IndexStore(**store).promote(blocks(chainId, 0, 9, BatchMode::Gap), evmEntities());
        QVERIFY2(gap, why(gap).constData());
    }
    engine->chains()->refreshSnapshot();

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    QVERIFY(showChainOn(page, chainId));

    QTRY_COMPARE(label(page, "chainDetailName"), QStringLiteral("gappy"));
    QCOMPARE(label(page, "chainDetailId"), QStringLiteral("77"));
    QTRY_COMPARE(label(page, "chainDetailIndexed"), QStringLiteral("29"));
    QTRY_COMPARE(page.progress()->gapList()->count(), 1);
    // The plural form comes from the English translation the console loads.
    QCOMPARE(page.progress()->gapList()->item(0)->text(), QStringLiteral("Blocks 10 – 19 (10 blocks)"));
    QCOMPARE(page.progress()->bar()->gaps(), (QList<IndexRange>{{10, 19}}));
    QCOMPARE(page.progress()->bar()->ranges(), (QList<IndexRange>{{0, 9}, {20, 29}}));
    QCOMPARE(page.progress()->bar()->fraction(), 20.0 / 30.0);

    // Not indexed here: the endpoints are those recorded.
    QCOMPARE(page.endpointModel()->rowCount(), 1);
    QCOMPARE(page.endpointModel()->index(0, EndpointModel::StatusColumn).data().toString(), QStringLiteral("unreachable"));
    QCOMPARE(page.endpointModel()->index(0, EndpointModel::LastErrorColumn).data().toString(), QStringLiteral("connection refused"));
}

// Probe Now on the RPC endpoints tab, for a chain this console does not index: every endpoint is
// asked for its head at once, the button waits for the answer, and the answer is summed up.
void TstChainDetail::probeNowAsksEveryEndpoint()
{
    const qint64 chainId = 78;
    FakeNode node;
    QVERIFY(node.listen());
    node.head = 4321;
    std::unique_ptr<Engine> engine = startEngine(QStringLiteral("probe.db"), false);
    {
        auto url = m_home.databaseUrl(QStringLiteral("probe.db"));
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        QVERIFY(registerChain(**store, chainId, QStringLiteral("probed"), {node.url(), QUrl(QStringLiteral("http://127.0.0.1:1"))}));
    }
    engine->chains()->refreshSnapshot();

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    QVERIFY(showChainOn(page, chainId));
    QTRY_COMPARE(label(page, "chainDetailName"), QStringLiteral("probed"));
    auto *probe = page.findChild<QPushButton *>(QStringLiteral("chainDetailProbeButton"));
    QVERIFY(probe);
    QTRY_VERIFY(probe->isEnabled());
    QCOMPARE(label(page, "chainDetailProbeResult"), QString());

    QTest::mouseClick(probe, Qt::LeftButton);
    QVERIFY(!probe->isEnabled());   // one probe at a time
    QCOMPARE(label(page, "chainDetailProbeResult"), QStringLiteral("Probing every endpoint…"));
    QTRY_VERIFY_WITH_TIMEOUT(label(page, "chainDetailProbeResult").startsWith(QLatin1String("Probed at ")), 20000);
    const QString said = label(page, "chainDetailProbeResult");
    QVERIFY2(said.endsWith(QLatin1String(": 2 (1 ok, 1 unreachable)")), qPrintable(said));
    QVERIFY(probe->isEnabled());
    QVERIFY2(node.methods.contains(QLatin1String("eth_blockNumber")), qPrintable(node.methods.join(u' ')));

    // Another chain shown: no result of this one's probe, and no probe without a chain.
    page.showChain(0);
    QCOMPARE(label(page, "chainDetailProbeResult"), QString());
    QVERIFY(!probe->isEnabled());
}

void TstChainDetail::reindexRequestedDuringAReadIsShownAfterIt()
{
    // A reindex requested (by another console, or arborctl) while the page reads the chain's
    // history, and the page asked to read again meanwhile: it shows the request once the read
    // under way is back, well before its next periodic read.
    const qint64 chainId = 78;
    const QString file = QStringLiteral("reindex-refresh.db");
    std::unique_ptr<Engine> engine = startEngine(file, false);
    auto url = m_home.databaseUrl(file);
    QVERIFY2(url, why(url).constData());
    auto opened = Store::open(*url);
    QVERIFY2(opened, why(opened).constData());
    Store &store = **opened;
    EndpointRecord unreachable;
    unreachable.status = EndpointStatus::Unreachable;
    QVERIFY(registerChain(store, chainId, QStringLiteral("audited"), {QUrl(QStringLiteral("http://127.0.0.1:1"))}, unreachable));
    QVERIFY(store.reconcileEntityTables(evmEntities()));
    auto head = IndexStore(store).promote(blocks(chainId, 0, 29, BatchMode::Head), evmEntities());
    QVERIFY2(head, why(head).constData());
    engine->chains()->refreshSnapshot();
    QTRY_VERIFY(std::any_of(engine->chains()->snapshot().cbegin(), engine->chains()->snapshot().cend(),
                            [&](const ChainRecord &c) { return c.config.chainId == chainId; }));

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    page.resize(1000, 800);
    page.showChain(chainId);
    page.show();   // reads the chain's history; no event is processed before the request below
    // The engine's reader runs reads in order: once this one is done, so are the page's, whose
    // answers the page has not seen yet.
    engine->indexing()->reindexRequests(ChainRef{chainId, {}}).waitForFinished();
    auto requested = IndexStore(store).requestReindex(chainId, 5, 10, QStringLiteral("stale fork"), QStringLiteral("arborctl"));
    QVERIFY2(requested, why(requested).constData());
    page.refresh();   // asked for during that read

    QTRY_COMPARE_WITH_TIMEOUT(page.reindexModel()->rowCount(), 1, ChainDetailPage::RefreshIntervalMs / 2);
    QCOMPARE(page.reindexModel()->index(0, ReindexRequestModel::ReasonColumn).data().toString(), QStringLiteral("stale fork"));
    QCOMPARE(page.reindexModel()->index(0, ReindexRequestModel::RangeColumn).data().toString(), QStringLiteral("5 – 10"));
    QCOMPARE(page.progress()->bar()->ranges(), (QList<IndexRange>{{0, 29}}));
}

void TstChainDetail::chartHistoryRangesGapsAndOutliers()
{
    const qint64 chainId = 88;
    const QString file = QStringLiteral("history.db");
    std::unique_ptr<Engine> engine = startEngine(file, false);
    auto url = m_home.databaseUrl(file);
    QVERIFY2(url, why(url).constData());
    auto registerNamed = [&](const QString &name) {
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        QVERIFY(registerChain(**store, chainId, name));
    };
    registerNamed(QStringLiteral("recorded"));

    // What an indexing console wrote before this one started: two hours ago to 70 minutes ago
    // 100 blocks behind, then nothing for half an hour (the console was closed), then 50
    // behind; 5 blocks/s throughout but for one catch-up burst of 80,000 ten minutes ago.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 step = MetricsStore::SampleIntervalMs;
    QList<MetricSample> samples;
    for (qint64 t = now - 120 * 60000; t <= now; t += step) {
        if (t > now - 70 * 60000 && t < now - 40 * 60000)
            continue;
        MetricSample sample;
        sample.chainId = chainId;
        sample.sampledAt = t;
        sample.lagBlocks = t < now - 60 * 60000 ? 100 : 50;
        sample.lagSeconds = 600;
        sample.blocksPerSecond = std::abs(t - (now - 10 * 60000)) < step / 2 ? 80000 : 5;
        sample.endpoints.append({QStringLiteral("http://127.0.0.1:1"), 20.0, 0, 0});
        samples.append(sample);
    }
    {
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        QVERIFY(MetricsStore(**store).append(samples));
    }
    engine->chains()->refreshSnapshot();

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    QVERIFY(showChainOn(page, chainId, QSize(1280, 800)));
    QTRY_COMPARE(label(page, "chainDetailName"), QStringLiteral("recorded"));

    // 15 minutes (the default): the last quarter hour of history, in one piece; the burst is
    // above a scale that fits 5 blocks/s, not a scale that flattens it.
    ChainChartPanel *charts = page.charts();
    QCOMPARE(charts->windowMs(), ChainChartPanel::DefaultWindowMs);
    const QString lag = charts->lineNames(ChainChartPanel::LagChart).first();
    const QString rate = charts->lineNames(ChainChartPanel::RateChart).first();
    QTRY_VERIFY(charts->points(ChainChartPanel::LagChart, lag).size() >= 55);
    QVERIFY(charts->points(ChainChartPanel::LagChart, lag).first().x() >= double(now - ChainChartPanel::DefaultWindowMs - step));
    // The data fills the window, and so does the time axis.
    const auto axisFrom = [charts](ChainChartPanel::Chart chart) {
        return qobject_cast<arbor::ui::charts::TimeAxis *>(charts->view(chart)->chart()->axes(Qt::Horizontal).first())->fromMs();
    };
    QVERIFY(qAbs(axisFrom(ChainChartPanel::LagChart) - (now - ChainChartPanel::DefaultWindowMs)) < 60000);
    QCOMPARE(charts->segmentCount(ChainChartPanel::LagChart, lag), 1);
    QCOMPARE(charts->axisTop(ChainChartPanel::RateChart), 10.0);
    QVERIFY(charts->isClipped(ChainChartPanel::RateChart));
    QVERIFY(charts->view(ChainChartPanel::RateChart)->chart()->title().contains(QStringLiteral("above the scale")));
    QCOMPARE(charts->lineNames(ChainChartPanel::LatencyChart), QStringList{QStringLiteral("http://127.0.0.1:1")});
    // Hovering reads the value under the cursor.
    const QString readOut = charts->readOut(ChainChartPanel::LagChart, now - 5 * 60000);
    QVERIFY2(readOut.contains(lag + QStringLiteral(": 50")), qPrintable(readOut));

    // 6 hours: picked from the range box, history read again: both stretches, split at the gap.
    QComboBox *range = charts->rangePicker();
    const int sixHours = range->findData(qint64(6 * 3600 * 1000));
    QVERIFY(sixHours >= 0);
    range->setCurrentIndex(sixHours);
    QCOMPARE(charts->windowMs(), qint64(6 * 3600 * 1000));
    QTRY_VERIFY(!charts->points(ChainChartPanel::LagChart, lag).isEmpty()
                && charts->points(ChainChartPanel::LagChart, lag).first().x() < double(now - 110 * 60000));
    QCOMPARE(charts->segmentCount(ChainChartPanel::LagChart, lag), 2);
    QVERIFY(charts->points(ChainChartPanel::LagChart, lag).size() <= ChainChartPanel::MaxPointsPerLine);
    QCOMPARE(charts->axisTop(ChainChartPanel::LagChart), 200.0);
    QVERIFY(charts->isClipped(ChainChartPanel::RateChart));
    QVERIFY(charts->readOut(ChainChartPanel::LagChart, now - 55 * 60000).isEmpty());   // in the gap: nothing measured
    QVERIFY(charts->points(ChainChartPanel::RateChart, rate).size() > 100);
    // History covers two of the six hours: the axes start where it does, not at an empty four hours.
    for (ChainChartPanel::Chart chart : {ChainChartPanel::LagChart, ChainChartPanel::RateChart, ChainChartPanel::LatencyChart}) {
        QVERIFY2(axisFrom(chart) > now - 121 * 60000 && axisFrom(chart) <= qint64(charts->points(ChainChartPanel::LagChart, lag).first().x()),
                 qPrintable(QDateTime::fromMSecsSinceEpoch(axisFrom(chart)).toString()));
    }

    if (const QString dir = qEnvironmentVariable("ARBOR_SCREENSHOTS"); !dir.isEmpty())
        page.grab().save(QDir(dir).filePath(QStringLiteral("chaindetail-history-6h.png")));

    // Deleted: the charts empty at once, and the history goes with the chain.
    const Status deleted = waitFor(engine->chains()->deleteChain(ChainRef{chainId, {}}));
    QVERIFY2(deleted, why(deleted).constData());
    QTRY_COMPARE(page.chainId(), 0);
    QVERIFY(charts->points(ChainChartPanel::LagChart, lag).isEmpty());
    QVERIFY(charts->points(ChainChartPanel::RateChart, rate).isEmpty());
    QVERIFY(charts->lineNames(ChainChartPanel::LatencyChart).isEmpty());

    // A new chain with the same id starts empty, whatever the window (the whole of which shows).
    registerNamed(QStringLiteral("again"));
    engine->chains()->refreshSnapshot();
    page.showChain(chainId);
    QTRY_COMPARE(label(page, "chainDetailName"), QStringLiteral("again"));
    const auto history = waitFor(engine->stats()->chainHistory(chainId, now - 24 * 3600 * 1000, QDateTime::currentMSecsSinceEpoch(), 720));
    QVERIFY2(history, why(history).constData());
    QVERIFY(history->isEmpty());
    QTest::qWait(300);   // the page's own history read has landed too
    QVERIFY(charts->points(ChainChartPanel::LagChart, lag).isEmpty());
    QCOMPARE(charts->segmentCount(ChainChartPanel::RateChart, rate), 0);
    QVERIFY(charts->lineNames(ChainChartPanel::LatencyChart).isEmpty());
    QVERIFY(axisFrom(ChainChartPanel::LagChart) < QDateTime::currentMSecsSinceEpoch() - charts->windowMs() + 60000);

    page.hide();
    engine.reset();
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
    const auto added = waitFor(engine->chains()->addChain(config));
    QVERIFY2(added, why(added).constData());
    engine->chains()->refreshSnapshot();

    ChainDetailPage page(engine.get()->chains(), engine.get()->indexing(), engine.get()->stats());
    QVERIFY(showChainOn(page, chainId, QSize(1200, 900)));

    QTRY_COMPARE(label(page, "chainDetailName"), QStringLiteral("devnet"));
    QCOMPARE(label(page, "chainDetailId"), QString::number(chainId));

    // Caught up: the checkpoint reaches the traffic and nothing is missing below it.
    QTRY_VERIFY_WITH_TIMEOUT(page.progress()->bar()->end() >= trafficTo && page.progress()->bar()->fraction() == 1.0, 30000);
    QVERIFY(page.progress()->bar()->gaps().isEmpty());
    QCOMPARE(page.progress()->gapList()->count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(label(page, "chainDetailStatus"), QStringLiteral("Live"), 20000);

    // The lag line gains a point a second.
    ChainChartPanel *charts = page.charts();
    const QString lagLine = charts->lineNames(ChainChartPanel::LagChart).first();
    QTRY_VERIFY_WITH_TIMEOUT(charts->points(ChainChartPanel::LagChart, lagLine).size() >= 3, 15000);
    const qsizetype before = charts->points(ChainChartPanel::LagChart, lagLine).size();
    QTRY_VERIFY_WITH_TIMEOUT(charts->points(ChainChartPanel::LagChart, lagLine).size() > before, 5000);
    QCOMPARE(charts->points(ChainChartPanel::LagChart, lagLine).last().y(), 0.0);

    // At the head of a quiet chain the rate falls back to zero once no range was promoted for
    // the rate window, instead of showing the catch-up speed for ever.
    auto rateOf = [&] {
        for (const ChainStatus &s : engine->indexing()->chainStatuses()) {
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
    QTRY_COMPARE_WITH_TIMEOUT(rateOf(), 0.0, int(ChainMetrics::RateWindowMs) + 20000);

    // The devnet endpoint, healthy and measured, also as a latency line.
    EndpointModel *endpoints = page.endpointModel();
    QTRY_COMPARE(endpoints->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(endpoints->index(0, EndpointModel::StatusColumn).data(EndpointModel::StatusRole).toString(), QStringLiteral("ok"), 15000);
    QCOMPARE(endpoints->index(0, EndpointModel::UrlColumn).data().toString(), devnet.rpcUrl().toDisplayString());
    QTRY_VERIFY(endpoints->index(0, EndpointModel::LatencyColumn).data().toString().endsWith(QLatin1String(" ms")));
    QTRY_COMPARE(charts->lineNames(ChainChartPanel::LatencyChart), QStringList{devnet.rpcUrl().toString()});
    // A live anvil keeps every state: detected once and shown on the endpoint row.
    QTRY_COMPARE_WITH_TIMEOUT(endpoints->index(0, EndpointModel::HistoryColumn).data().toString(),
                              QStringLiteral("Archive (full history)"), 15000);
    // The bill: the calls indexing made, recorded and shown by method; with a price, compute units.
    const QModelIndex callsCell = endpoints->index(0, EndpointModel::CallsColumn);
    QTRY_VERIFY_WITH_TIMEOUT(callsCell.data(Qt::ToolTipRole).toString().contains(QLatin1String("eth_getLogs: ")), 15000);
    QVERIFY2(callsCell.data(Qt::ToolTipRole).toString().contains(QLatin1String("eth_getBlockByNumber: ")),
             qPrintable(callsCell.data(Qt::ToolTipRole).toString()));
    QVERIFY(QLocale().toLongLong(callsCell.data().toString()) > 0);
    QCOMPARE(endpoints->index(0, EndpointModel::ComputeUnitsColumn).data().toString(), QStringLiteral("–"));
    const auto priced = waitFor(engine->chains()->setRpcPrice(ChainRef{chainId, {}}, devnet.rpcUrl(), QStringLiteral("eth_getLogs"), 75));
    QVERIFY2(priced, why(priced).constData());
    QTRY_VERIFY_WITH_TIMEOUT(endpoints->index(0, EndpointModel::ComputeUnitsColumn).data().toString() != QStringLiteral("–"), 10000);
    const EndpointRecord shown = endpoints->endpoints().first();
    QCOMPARE(endpoints->index(0, EndpointModel::ComputeUnitsColumn).data().toString(),
             QLocale().toString(shown.calls.byMethod.value(QStringLiteral("eth_getLogs")).calls * 75));

    // The token, indexed from block 0, with the mode it got and why.
    TokenModel *tokens = page.tokenModel();
    QTRY_COMPARE(tokens->rowCount(), 1);
    QCOMPARE(tokens->index(0, TokenModel::AddressColumn).data().toString(), Address::fromHex(tokenHex)->toChecksumHex());
    QCOMPARE(tokens->index(0, TokenModel::BalanceModeColumn).data().toString(), QStringLiteral("Transfers"));
    QVERIFY2(!tokens->index(0, TokenModel::ReasonColumn).data().toString().isEmpty(), "no reason for the balance mode");

    // A reindex request appears in the history.
    const auto requested = waitFor(engine->indexing()->requestReindex(ChainRef{chainId, {}}, 1, 3, QStringLiteral("chain detail test")));
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
        page.grab().save(QDir(dir).filePath(QStringLiteral("chaindetail-tokens.png")));
        tabs->setCurrentIndex(2);
        page.grab().save(QDir(dir).filePath(QStringLiteral("chaindetail-progress.png")));
        tabs->setCurrentIndex(3);
        page.grab().save(QDir(dir).filePath(QStringLiteral("chaindetail-reindex.png")));
        tabs->setCurrentIndex(0);
    }

    // Deleted: its series are dropped and the page lets go of it.
    QVERIFY(!engine->stats()->chainSeries(chainId).isEmpty());
    const Status deleted = waitFor(engine->chains()->deleteChain(ChainRef{chainId, {}}));
    QVERIFY2(deleted, why(deleted).constData());
    QTRY_COMPARE(page.chainId(), 0);
    QVERIFY(engine->stats()->chainSeries(chainId).isEmpty());
    QCOMPARE(label(page, "chainDetailName"), QStringLiteral("No chain selected"));

    page.hide();
    engine.reset();
}

} // namespace tst_chaindetail

ARBOR_TEST_MAIN(chaindetail, tst_chaindetail::TstChainDetail)
#include "tst_chaindetail.moc"

// The local devnet of an earlier session, found at start: its node runs again from its saved
// state, the chain indexed on without a reorg; without a saved state the console asks once
// whether to start a new one in its place or forget the chain, holding back the chain's alert
// meanwhile; a chain 31337 the operator runs themselves is left alone. Real Engine (indexing, so
// the dead endpoint is found) on SQLite, real anvil, offscreen.

#include "alerts/alertmonitor.h"
#include "testvalues.h"
#include "devnet/localdevnet.h"
#include "engine/alertservice.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "mainwindow.h"
#include "model/entitydef.h"
#include "services/devnetrecovery.h"
#include "services/devnetservice.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"

#include <QCheckBox>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTest>

#include <memory>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::why;
using arbor::ui::DevnetRecovery;
using arbor::ui::DevnetService;
using arbor::ui::MainWindow;
using namespace Qt::StringLiterals;

namespace tst_devnetrecovery {

namespace {

constexpr int EngineTimeoutMs = 60000;

/// A console session on its own database holding one chain 31337 whose node is gone.
struct Session
{
    QUrl deadUrl;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<MainWindow> window;

    QMessageBox *question() const { return window->findChild<QMessageBox *>(u"devnetRecoveryBox"_s); }
    AlertMonitor *alerts() const { return engine->alerts()->monitor(); }
    bool alertActive(qint64 chainId, Alert::Kind kind) const
    {
        const QList<Alert> active = alerts()->activeAlerts();
        return std::any_of(active.cbegin(), active.cend(), [&](const Alert &a) { return a.chainId == chainId && a.kind == kind; });
    }
    QList<ChainRecord> chains() const
    {
        auto future = engine->chains()->list();
        while (!future.isFinished())
            QTest::qWait(20);
        // A read that fails fails the test, saying why: read as "no chains" it would flip a
        // QTRY condition and be reported as something else.
        if (!future.result()) {
            QTest::qFail(qPrintable(u"reading the chains failed: "_s + future.result().error().toString()), __FILE__, __LINE__);
            return {};
        }
        return *future.result();
    }
};

} // namespace

class TstDevnetRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup() { m_session.reset(); }

    void ownChain31337IsLeftAlone();
    void forgetDeletesTheDeadChain();
    void rememberedForgetNeedsNoQuestion();
    void startNewReplacesTheDeadChain();
    void questionHoldsBackTheDownAlert();
    void savedDevnetRunsAgainWhereItStopped();

private:
    /// Opens a session on `file` with a dead chain 31337; `startedByDevnet`: its URL is one a
    /// DevnetService recorded, as the welcome page's devnet of an earlier session.
    void open(const QString &file, bool startedByDevnet, const AlertPolicy &policy = AlertPolicy());
    /// A console on `url` (an indexing engine holding the lease, its main window), started.
    void startSession(const DatabaseUrl &url, const AlertPolicy &policy = AlertPolicy());

    UiFixture m_home;
    std::unique_ptr<Session> m_session;
};

void TstDevnetRecovery::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
}

void TstDevnetRecovery::init()
{
    QSettings().remove(u"localDevnet"_s);
}

void TstDevnetRecovery::open(const QString &file, bool startedByDevnet, const AlertPolicy &policy)
{
    auto url = m_home.databaseUrl(file);
    QVERIFY2(url, why(url).constData());
    const QUrl deadUrl(u"http://127.0.0.1:%1"_s.arg(arbor::test::closedPort().port()));
    {
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        QVERIFY((*store)->migrate().ok());
        ChainConfig config;
        config.chainId = LocalDevnet::ChainId;
        config.name = u"Local devnet"_s;
        config.rpcUrls = {deadUrl};
        config.startBlock = 0;
        EndpointRecord endpoint;
        endpoint.url = deadUrl;
        endpoint.status = EndpointStatus::Ok;
        const Status registered = ChainRegistry(**store).registerChain(config, {endpoint}, evmEntities());
        QVERIFY2(registered.ok(), why(registered).constData());
    }
    if (startedByDevnet)   // what DevnetService records when a devnet comes up
        QSettings().setValue(u"localDevnet/rpcUrls"_s, QStringList{deadUrl.toString()});
    startSession(*url, policy);
    if (m_session)
        m_session->deadUrl = deadUrl;
}

void TstDevnetRecovery::startSession(const DatabaseUrl &url, const AlertPolicy &policy)
{
    m_session = std::make_unique<Session>();
    EngineOptions options = UiFixture::engineOptions(url);
    options.lease = EngineOptions::Lease::Required;
    options.indexing = true;
    m_session->engine = std::make_unique<Engine>(options);
    m_session->window = std::make_unique<MainWindow>(m_session->engine.get());
    m_session->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_session->window.get()));
    m_session->alerts()->setPolicy(policy);
    auto started = m_session->engine->start();
    QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), EngineTimeoutMs);
    QVERIFY2(started.result().ok(), why(started.result()).constData());
}

void TstDevnetRecovery::ownChain31337IsLeftAlone()
{
    open(u"own.db"_s, false);
    bool down = false;
    connect(m_session->engine.get()->indexing(), &IndexingService::chainStatusChanged, this, [&down](const QList<ChainStatus> &statuses) {
        for (const ChainStatus &s : statuses)
            down = down || s.phase == IndexPhase::RpcDown;
    });
    QTRY_VERIFY_WITH_TIMEOUT(down, EngineTimeoutMs);
    QTest::qWait(500);   // the next status snapshots, which the recovery reads as well
    QVERIFY(!m_session->question());
    QCOMPARE(m_session->chains().size(), 1);
}

void TstDevnetRecovery::forgetDeletesTheDeadChain()
{
    open(u"forget.db"_s, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->question(), EngineTimeoutMs);
    QMessageBox *box = m_session->question();
    QVERIFY(box->text().contains(u"Local devnet"_s));
    auto *forget = box->findChild<QPushButton *>(u"devnetForgetButton"_s);
    QVERIFY(forget);
    forget->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->chains().isEmpty(), EngineTimeoutMs);
    QVERIFY(!DevnetRecovery::rememberedChoice());
    // Once per session: nothing asks again.
    QTest::qWait(500);
    QVERIFY(!m_session->question());
}

void TstDevnetRecovery::rememberedForgetNeedsNoQuestion()
{
    DevnetRecovery::setRememberedChoice(DevnetRecovery::Choice::Forget);
    open(u"remembered.db"_s, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->chains().isEmpty(), EngineTimeoutMs);
    QVERIFY(!m_session->question());
}

void TstDevnetRecovery::startNewReplacesTheDeadChain()
{
    if (const QString reason = LocalDevnet::unavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    open(u"startnew.db"_s, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->question(), EngineTimeoutMs);
    QMessageBox *box = m_session->question();
    box->checkBox()->setChecked(true);
    box->findChild<QPushButton *>(u"devnetStartNewButton"_s)->click();
    QCOMPARE(DevnetRecovery::rememberedChoice(), std::optional(DevnetRecovery::Choice::StartNew));
    // The dead chain goes; a chain 31337 on the new node comes and is indexed.
    const QUrl dead = m_session->deadUrl;
    auto replaced = [this, dead] {
        const QList<ChainRecord> chains = m_session->chains();
        // Not the dead chain on its way out: while it is deleted it is listed as deleting, for a
        // moment with its endpoints already gone.
        return chains.size() == 1 && chains.first().config.chainId == LocalDevnet::ChainId && chains.first().state != ChainState::Deleting
               && !chains.first().config.rpcUrls.isEmpty() && !chains.first().config.rpcUrls.contains(dead);
    };
    // What the registry holds, for the failure message: a replacement that never comes says which.
    const auto listed = [this] {
        QStringList rows;
        for (const ChainRecord &c : m_session->chains())
            rows.append(u"%1 %2 state %3 %4"_s.arg(c.config.chainId).arg(c.config.name).arg(int(c.state))
                            .arg(QUrl::toStringList(c.config.rpcUrls).join(u',')));
        return rows.join(u"; "_s);
    };
    QTRY_VERIFY2_WITH_TIMEOUT(replaced(), qPrintable(u"dead node "_s + dead.toString() + u", registry: "_s + listed()), 120000);
    bool indexed = false;
    connect(m_session->engine.get()->indexing(), &IndexingService::chainStatusChanged, this, [&indexed](const QList<ChainStatus> &statuses) {
        for (const ChainStatus &s : statuses)
            indexed = indexed || (s.indexed && *s.indexed > 0);
    });
    QTRY_VERIFY_WITH_TIMEOUT(indexed, EngineTimeoutMs);
}

void TstDevnetRecovery::questionHoldsBackTheDownAlert()
{
    AlertPolicy quick;
    quick.raiseAfterMs = 300;
    open(u"held.db"_s, true, quick);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->question(), EngineTimeoutMs);
    // Every endpoint has been down for far longer than the alert waits; the question is open.
    QTest::qWait(3000);
    QVERIFY(!m_session->alertActive(LocalDevnet::ChainId, Alert::Kind::RpcDown));
    // Not now: the chain stays down, and now that nobody is dealing with it, that is an alert.
    m_session->question()->findChild<QPushButton *>(u"devnetKeepButton"_s)->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->alertActive(LocalDevnet::ChainId, Alert::Kind::RpcDown), EngineTimeoutMs);
    QCOMPARE(m_session->chains().size(), 1);
}

void TstDevnetRecovery::savedDevnetRunsAgainWhereItStopped()
{
    if (const QString reason = LocalDevnet::unavailableReason(); !reason.isEmpty())
        QSKIP(qPrintable(reason));
    auto url = m_home.databaseUrl(u"resume.db"_s);
    QVERIFY2(url, why(url).constData());
    {
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        QVERIFY((*store)->migrate().ok());
    }
    const auto indexedOf = [this](qint64 *indexed) {
        connect(m_session->engine->indexing(), &IndexingService::chainStatusChanged, this, [indexed](const QList<ChainStatus> &statuses) {
            for (const ChainStatus &s : statuses) {
                if (s.chainId == LocalDevnet::ChainId && s.indexed)
                    *indexed = *s.indexed;
            }
        });
    };

    // The first session: "Try a local devnet", indexed for a while; then the console closes.
    startSession(*url);
    qint64 indexedBefore = -1;
    indexedOf(&indexedBefore);
    auto devnet = std::make_unique<DevnetService>();
    std::optional<ChainConfig> config;
    connect(devnet.get(), &DevnetService::ready, this, [&config](const ChainConfig &c) { config = c; });
    devnet->start();
    QTRY_VERIFY_WITH_TIMEOUT(config, 120000);
    auto added = m_session->engine->chains()->addChain(*config);
    QTRY_VERIFY_WITH_TIMEOUT(added.isFinished(), EngineTimeoutMs);
    QVERIFY2(added.result(), why(added.result()).constData());
    QTRY_VERIFY_WITH_TIMEOUT(indexedBefore >= 20, EngineTimeoutMs);   // setup's blocks and a few of traffic
    QVERIFY(!m_session->question());   // its own devnet, running: nothing to recover
    m_session.reset();
    devnet.reset();   // the node writes its state as it ends
    QVERIFY(DevnetService::hasSavedState(*config));
    const QString stateFile = LocalDevnet::stateFileFor(DevnetService::stateDirectory(), config->rpcUrls.first());
    const QString firstState = stateFile + u".first"_s;
    QVERIFY(QFile::copy(stateFile, firstState));

    // The next session: the node runs again from its state and the chain is indexed on, with
    // the blocks indexed before still the chain's (no reorg), and no alert.
    AlertPolicy quick;
    quick.raiseAfterMs = 300;
    startSession(*url, quick);
    qint64 indexedAfter = -1;
    indexedOf(&indexedAfter);
    int reorgs = 0;
    connect(m_session->engine->indexing(), &IndexingService::reorgHandled, this, [&reorgs] { ++reorgs; });
    QList<Alert> raised;
    connect(m_session->alerts(), &AlertMonitor::alertRaised, this, [&raised](const Alert &a) { raised.append(a); });
    QTRY_VERIFY_WITH_TIMEOUT(indexedAfter > indexedBefore + 5, EngineTimeoutMs);
    QVERIFY(!m_session->question());
    QCOMPARE(reorgs, 0);
    for (const Alert &a : std::as_const(raised))
        QVERIFY2(a.chainId != LocalDevnet::ChainId, qPrintable(u"alert raised: "_s + a.title));
    const QList<ChainRecord> chains = m_session->chains();
    QCOMPARE(chains.size(), 1);
    QCOMPARE(chains.first().config.rpcUrls, config->rpcUrls);
    auto *recovery = m_session->window->findChild<DevnetRecovery *>();
    QVERIFY(recovery && recovery->devnet() && recovery->devnet()->isRunning());

    // A crash: the state file is older than what was indexed (here, the first session's). The
    // node cannot go on from there as the same chain: the operator is asked, and no alert
    // rings while the question is open.
    m_session.reset();
    QVERIFY(QFile::remove(stateFile));
    QVERIFY(QFile::rename(firstState, stateFile));
    startSession(*url, quick);
    QTRY_VERIFY_WITH_TIMEOUT(m_session->question(), EngineTimeoutMs);
    QVERIFY2(m_session->question()->text().contains(u"saved"_s), qPrintable(m_session->question()->text()));
    QTest::qWait(2000);
    QVERIFY(!m_session->alertActive(LocalDevnet::ChainId, Alert::Kind::RpcDown));
    QCOMPARE(m_session->chains().size(), 1);
}

} // namespace tst_devnetrecovery

ARBOR_TEST_MAIN(devnetrecovery, tst_devnetrecovery::TstDevnetRecovery)
#include "tst_devnetrecovery.moc"

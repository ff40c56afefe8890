// The local devnet of an earlier session, found dead at start: the console asks once whether to
// start a new one in its place or forget the chain, and leaves a chain 31337 the operator runs
// themselves alone. Real Engine (indexing, so the dead endpoint is found) on SQLite, offscreen.

#include "devnet/localdevnet.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "mainwindow.h"
#include "model/entitydef.h"
#include "services/devnetrecovery.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"

#include <QCheckBox>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::why;
using arbor::ui::DevnetRecovery;
using arbor::ui::MainWindow;
using namespace Qt::StringLiterals;

namespace tst_devnetrecovery {

namespace {

constexpr int EngineTimeoutMs = 60000;

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

/// A console session on its own database holding one chain 31337 whose node is gone.
struct Session
{
    QUrl deadUrl;
    std::unique_ptr<Engine> engine;
    std::unique_ptr<MainWindow> window;

    QMessageBox *question() const { return window->findChild<QMessageBox *>(u"devnetRecoveryBox"_s); }
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

private:
    /// Opens a session on `file` with a dead chain 31337; `startedByDevnet`: its URL is one a
    /// DevnetService recorded, as the welcome page's devnet of an earlier session.
    void open(const QString &file, bool startedByDevnet);

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

void TstDevnetRecovery::open(const QString &file, bool startedByDevnet)
{
    auto url = m_home.databaseUrl(file);
    QVERIFY2(url, why(url).constData());
    m_session = std::make_unique<Session>();
    m_session->deadUrl = QUrl(u"http://127.0.0.1:%1"_s.arg(closedPort()));
    {
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        QVERIFY((*store)->migrate().ok());
        ChainConfig config;
        config.chainId = LocalDevnet::ChainId;
        config.name = u"Local devnet"_s;
        config.rpcUrls = {m_session->deadUrl};
        config.startBlock = 0;
        EndpointRecord endpoint;
        endpoint.url = m_session->deadUrl;
        endpoint.status = EndpointStatus::Ok;
        const Status registered = ChainRegistry(**store).registerChain(config, {endpoint}, evmEntities());
        QVERIFY2(registered.ok(), why(registered).constData());
    }
    if (startedByDevnet)   // what DevnetService records when a devnet comes up
        QSettings().setValue(u"localDevnet/rpcUrls"_s, QStringList{m_session->deadUrl.toString()});

    EngineOptions options = UiFixture::engineOptions(*url);
    options.lease = EngineOptions::Lease::Required;
    options.indexing = true;
    m_session->engine = std::make_unique<Engine>(options);
    m_session->window = std::make_unique<MainWindow>(m_session->engine.get());
    m_session->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_session->window.get()));
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
    QTRY_VERIFY_WITH_TIMEOUT(replaced(), 120000);
    bool indexed = false;
    connect(m_session->engine.get()->indexing(), &IndexingService::chainStatusChanged, this, [&indexed](const QList<ChainStatus> &statuses) {
        for (const ChainStatus &s : statuses)
            indexed = indexed || (s.indexed && *s.indexed > 0);
    });
    QTRY_VERIFY_WITH_TIMEOUT(indexed, EngineTimeoutMs);
}

} // namespace tst_devnetrecovery

ARBOR_TEST_MAIN(devnetrecovery, tst_devnetrecovery::TstDevnetRecovery)
#include "tst_devnetrecovery.moc"

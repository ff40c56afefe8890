// The first-run page driven offscreen against a real Engine on a temporary SQLite file: without
// anvil the devnet button says why it is disabled; with anvil a click ends with the local devnet
// registered as a chain.
#include "devnet.h"
#include "engine/chainservice.h"

#include "devnet/localdevnet.h"
#include "engine/engine.h"
#include "pages/welcomepage.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"

#include <QApplication>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace arbor;
using arbor::test::why;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::ui::WelcomePage;

namespace tst_welcomepage {

namespace {

constexpr int EngineTimeoutMs = 30000;

/// For review: with ARBOR_SCREENSHOT_DIR set, the page as an operator sees it.
void saveScreenshot(QWidget *page, const char *name)
{
    const QString dir = qEnvironmentVariable("ARBOR_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        page->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QLatin1String(".png"));
}

} // namespace

class TstWelcomePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void devnetDisabledWithoutAnvil();
    void addChainButtonAsksForTheDialog();
    void devnetFailureShownWithRetry();
    void devnetButtonAddsTheChain();

private:
    QByteArray m_path;
    arbor::test::UiFixture m_home;
    std::unique_ptr<Engine> m_engine;
};

void TstWelcomePage::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
    m_path = qgetenv("PATH");

    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    EngineOptions options = UiFixture::engineOptions(*url);
    options.indexing = true;
    Status started;
    std::tie(m_engine, started) = UiFixture::startEngine(options);
    QVERIFY2(started, why(started).constData());
}

void TstWelcomePage::cleanupTestCase()
{
    m_engine.reset();
    qputenv("PATH", m_path);
}

void TstWelcomePage::devnetDisabledWithoutAnvil()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    qputenv("PATH", QFile::encodeName(empty.path()));
    const auto restorePath = qScopeGuard([this] { qputenv("PATH", m_path); });

    WelcomePage page(m_engine.get()->chains());
    page.resize(900, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *button = page.findChild<QPushButton *>(QStringLiteral("welcomeDevnetButton"));
    auto *reason = page.findChild<QLabel *>(QStringLiteral("welcomeDevnetUnavailable"));
    QVERIFY(button);
    QVERIFY(reason);
    QVERIFY(!button->isEnabled());
    QVERIFY(button->toolTip().contains(QStringLiteral("anvil was not found on PATH")));
    QVERIFY(reason->isVisible());
    QVERIFY(reason->text().contains(QStringLiteral("npm install -g @foundry-rs/anvil-linux-amd64")));
    QVERIFY(!page.localDevnet());
    saveScreenshot(&page, "welcomepage-no-anvil");
}

void TstWelcomePage::addChainButtonAsksForTheDialog()
{
    WelcomePage page(m_engine.get()->chains());
    page.resize(900, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy requested(&page, &WelcomePage::addChainRequested);
    auto *button = page.findChild<QPushButton *>(QStringLiteral("welcomeAddChainButton"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
}

void TstWelcomePage::devnetFailureShownWithRetry()
{
    // An "anvil" that refuses to run: the page shows why, offers Retry, and adds nothing.
    QTemporaryDir bin;
    QVERIFY(bin.isValid());
    QFile fake(bin.filePath(QStringLiteral("anvil")));
    QVERIFY(fake.open(QIODevice::WriteOnly));
    fake.write("#!/bin/sh\necho 'error: this anvil is a stand-in for the test' >&2\nexit 3\n");
    fake.close();
    fake.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("PATH", QFile::encodeName(bin.path()) + ":/usr/bin:/bin");
    const auto restorePath = qScopeGuard([this] { qputenv("PATH", m_path); });

    WelcomePage page(m_engine.get()->chains());
    page.resize(900, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto *button = page.findChild<QPushButton *>(QStringLiteral("welcomeDevnetButton"));
    auto *error = page.findChild<QLabel *>(QStringLiteral("welcomeDevnetError"));
    auto *retry = page.findChild<QPushButton *>(QStringLiteral("welcomeDevnetRetryButton"));
    QVERIFY(button && error && retry);
    QVERIFY(button->isEnabled());
    QVERIFY(!retry->isVisible());
    QSignalSpy added(&page, &WelcomePage::chainAdded);

    QTest::mouseClick(button, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 20000);
    QVERIFY2(error->text().contains(QStringLiteral("this anvil is a stand-in for the test")), qPrintable(error->text()));
    QVERIFY(retry->isVisible());
    QVERIFY(button->isEnabled());
    saveScreenshot(&page, "welcomepage-devnet-failed");

    // Retry runs the whole start again and fails the same way.
    error->clear();
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QStringLiteral("exit code 3")), 20000);
    QCOMPARE(added.count(), 0);
    const auto chains = waitFor(m_engine->chains()->list());
    QVERIFY2(chains, why(chains).constData());
    QVERIFY(chains->isEmpty());
}

void TstWelcomePage::devnetButtonAddsTheChain()
{
    ARBOR_REQUIRE_DEVNET();
    qputenv("PATH", QFile::encodeName(arbor::test::Devnet::directory()) + "/node_modules/.bin:" + m_path);
    const auto restorePath = qScopeGuard([this] { qputenv("PATH", m_path); });

    auto page = std::make_unique<WelcomePage>(m_engine.get()->chains());
    page->resize(900, 640);
    page->show();
    QVERIFY(QTest::qWaitForWindowExposed(page.get()));
    auto *button = page->findChild<QPushButton *>(QStringLiteral("welcomeDevnetButton"));
    auto *steps = page->findChild<QLabel *>(QStringLiteral("welcomeDevnetSteps"));
    auto *error = page->findChild<QLabel *>(QStringLiteral("welcomeDevnetError"));
    QVERIFY(button && steps && error);
    QVERIFY(button->isEnabled());
    QVERIFY(!page->findChild<QLabel *>(QStringLiteral("welcomeDevnetUnavailable"))->isVisible());

    QSignalSpy added(page.get(), &WelcomePage::chainAdded);
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled());   // one devnet at a time
    QVERIFY(page->localDevnet());
    QTRY_VERIFY_WITH_TIMEOUT(steps->text().contains(QStringLiteral("Starting anvil")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(added.count() == 1 || error->isVisible(), 90000);
    QVERIFY2(!error->isVisible(), qPrintable(error->text()));

    const auto chain = added.first().first().value<ChainRecord>();
    QCOMPARE(chain.config.chainId, LocalDevnet::ChainId);
    QCOMPARE(chain.config.name, QStringLiteral("Local devnet"));
    QVERIFY(steps->text().contains(QStringLiteral("Indexing the local devnet")));
    QVERIFY(!button->isEnabled());
    saveScreenshot(page.get(), "welcomepage-devnet-added");

    const auto chains = waitFor(m_engine->chains()->list());
    QVERIFY2(chains, why(chains).constData());
    QCOMPARE(chains->size(), 1);
    QCOMPARE(chains->first().config.chainId, LocalDevnet::ChainId);
    QCOMPARE(chains->first().tokens.size(), 2);

    // The devnet keeps running with the page and goes with it.
    QVERIFY(page->localDevnet()->isRunning());
    const qint64 pid = page->localDevnet()->nodeProcessId();
    QVERIFY(pid > 0);
    page.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid)), 5000);
}

} // namespace tst_welcomepage

ARBOR_TEST_MAIN(welcomepage, tst_welcomepage::TstWelcomePage)
#include "tst_welcomepage.moc"

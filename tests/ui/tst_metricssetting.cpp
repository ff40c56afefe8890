// Settings › Monitoring: "Serve Prometheus metrics on HOST:PORT", off by default, applied at OK
// without a restart, with the bind error shown on the page, driven offscreen against a real
// Engine on a temporary SQLite file and scraped over 127.0.0.1.

#include "appsettings.h"
#include "dialogs/settingsdialog.h"
#include "engine/engine.h"
#include "engine/statsservice.h"
#include "model/entitydef.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::why;
using arbor::ui::AppSettings;
using arbor::ui::SettingsDialog;

namespace tst_metricssetting {

namespace {

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

class TstMetricsSetting : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void offByDefault();
    void refusesAnAddressWithoutPort();
    void showsTheBindErrorAndSavesNothing();
    void servesAtOkAndStopsWhenTurnedOff();

private:
    struct Page
    {
        QCheckBox *check = nullptr;
        QLineEdit *edit = nullptr;
        QLabel *error = nullptr;
        QLabel *state = nullptr;
        QPushButton *ok = nullptr;
        bool valid() const { return check && edit && error && state && ok; }
    };
    static Page page(SettingsDialog &dialog);
    QByteArray scrape(quint16 port, int *status);
    QString settingsFile(const QString &name) const { return m_home.filePath(name + QStringLiteral(".conf")); }

    UiFixture m_home;
    std::unique_ptr<Engine> m_engine;
    QNetworkAccessManager m_network;
};

void TstMetricsSetting::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiFixture::Setup setup;
    setup.applicationName = QStringLiteral("arbor-tst-metricssetting");
    m_home.setUp(setup);
    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY2(started, why(started).constData());
    m_engine = std::move(engine);
    // Registered behind the engine's back, as another console would: its chain snapshot finds it.
    {
        auto store = Store::open(*url);
        QVERIFY2(store, why(store).constData());
        ChainConfig config;
        config.chainId = 1337;
        config.name = QStringLiteral("devnet");
        config.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:1"))};
        config.startBlock = 0;
        EndpointRecord endpoint;
        endpoint.url = config.rpcUrls.first();
        endpoint.status = EndpointStatus::Ok;
        const Status registered = ChainRegistry(**store).registerChain(config, {endpoint}, evmEntities(), {});
        QVERIFY2(registered, why(registered).constData());
    }
}

void TstMetricsSetting::cleanupTestCase()
{
    m_engine.reset();
}

TstMetricsSetting::Page TstMetricsSetting::page(SettingsDialog &dialog)
{
    Page p;
    p.check = dialog.findChild<QCheckBox *>(QStringLiteral("metricsCheck"));
    p.edit = dialog.findChild<QLineEdit *>(QStringLiteral("metricsAddressEdit"));
    p.error = dialog.findChild<QLabel *>(QStringLiteral("metricsAddressError"));
    p.state = dialog.findChild<QLabel *>(QStringLiteral("metricsState"));
    p.ok = dialog.findChild<QPushButton *>(QStringLiteral("settingsOkButton"));
    if (auto *tabs = dialog.findChild<QTabWidget *>(QStringLiteral("settingsTabs")))
        tabs->setCurrentIndex(SettingsDialog::MonitoringPage);
    return p;
}

QByteArray TstMetricsSetting::scrape(quint16 port, int *status)
{
    QNetworkReply *reply = m_network.get(QNetworkRequest(QUrl(QStringLiteral("http://127.0.0.1:%1/metrics").arg(port))));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(10000);
    reply->deleteLater();
    *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    return reply->readAll();
}

void TstMetricsSetting::offByDefault()
{
    AppSettings settings(settingsFile(QStringLiteral("default")));
    QVERIFY(!settings.metricsEnabled());
    QCOMPARE(settings.metricsAddress(), QStringLiteral("127.0.0.1:9464"));
    QVERIFY(settings.servedMetricsAddress().isEmpty());
    QVERIFY(!settings.setMetricsAddress(QStringLiteral("127.0.0.1:99999")));

    SettingsDialog dialog(settings);
    dialog.setServices(m_engine.get()->stats(), m_engine.get()->database());
    dialog.show();
    const Page p = page(dialog);
    QVERIFY(p.valid());
    QVERIFY(!p.check->isChecked());
    QVERIFY(!p.edit->isEnabled());
    QCOMPARE(p.edit->text(), QStringLiteral("127.0.0.1:9464"));
    QVERIFY(p.state->isVisible());
    QCOMPARE(p.state->text(), QStringLiteral("Not serving metrics now."));
    QTest::mouseClick(p.ok, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(m_engine->stats()->metricsAddress().isEmpty());
}

void TstMetricsSetting::refusesAnAddressWithoutPort()
{
    AppSettings settings(settingsFile(QStringLiteral("noport")));
    SettingsDialog dialog(settings);
    dialog.setServices(m_engine.get()->stats(), m_engine.get()->database());
    dialog.show();
    const Page p = page(dialog);
    QVERIFY(p.valid());
    p.check->setChecked(true);
    QVERIFY(p.edit->isEnabled());
    p.edit->setText(QStringLiteral("127.0.0.1"));
    QVERIFY(p.error->isVisible());
    QVERIFY2(p.error->text().contains(QStringLiteral("has no port")), qPrintable(p.error->text()));
    QVERIFY(!p.ok->isEnabled());
    p.edit->setText(QStringLiteral("127.0.0.1:9464"));
    QVERIFY(!p.error->isVisible());
    QVERIFY(p.ok->isEnabled());
    // Turned off, whatever is typed does not block OK.
    p.edit->setText(QStringLiteral("nonsense"));
    p.check->setChecked(false);
    QVERIFY(p.ok->isEnabled());
}

void TstMetricsSetting::showsTheBindErrorAndSavesNothing()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(taken.serverPort());
    const QString file = settingsFile(QStringLiteral("taken"));
    AppSettings settings(file);
    SettingsDialog dialog(settings);
    dialog.setServices(m_engine.get()->stats(), m_engine.get()->database());
    dialog.show();
    const Page p = page(dialog);
    QVERIFY(p.valid());
    p.check->setChecked(true);
    p.edit->setText(address);
    QTest::mouseClick(p.ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(p.error->isVisible(), 10000);
    QVERIFY2(p.error->text().contains(address) && p.error->text().contains(QStringLiteral("in use")), qPrintable(p.error->text()));
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.result() != int(QDialog::Accepted));
    QVERIFY(m_engine->stats()->metricsAddress().isEmpty());
    QVERIFY(!AppSettings(file).metricsEnabled());
    // Editing the address clears the old bind error.
    p.edit->setText(QStringLiteral("127.0.0.1:9465"));
    QVERIFY(!p.error->isVisible());
}

void TstMetricsSetting::servesAtOkAndStopsWhenTurnedOff()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString address = QStringLiteral("127.0.0.1:%1").arg(port);
    const QString file = settingsFile(QStringLiteral("serve"));
    {
        AppSettings settings(file);
        SettingsDialog dialog(settings);
        dialog.setServices(m_engine.get()->stats(), m_engine.get()->database());
        dialog.show();
        const Page p = page(dialog);
        QVERIFY(p.valid());
        p.check->setChecked(true);
        p.edit->setText(address);
        QTest::mouseClick(p.ok, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    }
    QCOMPARE(m_engine->stats()->metricsAddress(), address);
    AppSettings saved(file);
    QVERIFY(saved.metricsEnabled());
    QCOMPARE(saved.metricsAddress(), address);
    QCOMPARE(saved.servedMetricsAddress(), address);

    int status = 0;
    QByteArray body;
    QTRY_VERIFY2_WITH_TIMEOUT((body = scrape(port, &status),
                               status == 200 && body.contains("arbor_chain_info{chain=\"1337\",name=\"devnet\",state=\"active\"} 1\n")),
                              body.constData(), 10000);

    // Reopened, the page says where it serves; turned off at OK, nothing listens there any more.
    {
        SettingsDialog dialog(saved);
        dialog.setServices(m_engine.get()->stats(), m_engine.get()->database());
        dialog.show();
        const Page p = page(dialog);
        QVERIFY(p.valid());
        QVERIFY(p.check->isChecked());
        QCOMPARE(p.state->text(), QStringLiteral("Serving metrics now at http://%1/metrics").arg(address));
        p.check->setChecked(false);
        QTest::mouseClick(p.ok, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 10000);
    }
    QVERIFY(m_engine->stats()->metricsAddress().isEmpty());
    QVERIFY(!AppSettings(file).metricsEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                 QTcpSocket socket;
                                 socket.connectToHost(QStringLiteral("127.0.0.1"), port);
                                 return !socket.waitForConnected(1000);
                             }()),
                             10000);
}

} // namespace tst_metricssetting

ARBOR_TEST_MAIN(metricssetting, tst_metricssetting::TstMetricsSetting)
#include "tst_metricssetting.moc"

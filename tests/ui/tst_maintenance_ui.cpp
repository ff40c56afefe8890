// Settings › Retention (each policy's days, "Keep for ever" where allowed, saved through the
// Engine at OK) and the MaintenancePanel (the maintenance log, its steps, "Run maintenance now"
// and "Apply retention now" without blocking, disabled on a read-only engine) and File › Restore
// Database (a real file proposed, the switch offered), driven offscreen against real engines on a
// temporary SQLite file.

#include "appsettings.h"
#include "dialogs/restoredialog.h"
#include "dialogs/settingsdialog.h"
#include "engine/databaseservice.h"
#include "engine/engine.h"
#include "models/maintenancerunmodel.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"
#include "widgets/maintenancepanel.h"
#include "widgets/retentioneditor.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QLineEdit>
#include <QMessageBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTranslator>
#include <QTabWidget>
#include <QLocale>
#include <QTest>
#include <QTreeWidget>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::why;
using arbor::ui::AppSettings;
using arbor::ui::MaintenancePanel;
using arbor::ui::MaintenanceRunModel;
using arbor::ui::RestoreDialog;
using arbor::ui::RetentionEditor;
using arbor::ui::SettingsDialog;

namespace tst_maintenance_ui {

class TstMaintenanceUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void settingsEditsAndSavesThePolicies();
    void settingsWithoutEngineShowsNoPolicies();
    void panelRunsMaintenanceAndRetention();
    void readOnlyEngineDisablesEverything();
    void restoreProposesAFileAndOffersTheSwitch();

private:
    UiFixture m_home;
    DatabaseUrl m_url;
    std::unique_ptr<Engine> m_engine;
};

void TstMaintenanceUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    UiFixture::Setup setup;
    setup.applicationName = QStringLiteral("arbor-tst-maintenance-ui");
    m_home.setUp(setup);
    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    m_url = *url;
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(m_url));
    QVERIFY2(started, why(started).constData());
    m_engine = std::move(engine);
}

void TstMaintenanceUi::cleanupTestCase()
{
    m_engine.reset();
}

void TstMaintenanceUi::settingsEditsAndSavesThePolicies()
{
    AppSettings settings(m_home.filePath(QStringLiteral("retention.conf")));
    SettingsDialog dialog(settings);
    RetentionEditor *editor = dialog.retentionEditor();
    QSignalSpy loaded(editor, &RetentionEditor::loaded);
    dialog.setServices(m_engine.get()->stats(), m_engine.get()->database());
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);

    QSpinBox *results = editor->daysSpin(QStringLiteral("action_results"));
    QVERIFY(results);
    QCOMPARE(results->value(), 90);
    QVERIFY(results->isEnabled());
    // Completed queue items cannot be kept for ever; raw events are by default.
    QVERIFY(!editor->foreverCheck(QStringLiteral("queue_completed")));
    QCOMPARE(editor->daysSpin(QStringLiteral("queue_completed"))->minimum(), 1);
    QCheckBox *raw = editor->foreverCheck(QStringLiteral("raw_events"));
    QVERIFY(raw && raw->isChecked());
    QVERIFY(!editor->daysSpin(QStringLiteral("raw_events"))->isEnabled());
    QVERIFY(!editor->hasChanges());

    // At the dialog's own size, in German (the longest words), every note reads in full: each
    // label is at least as tall as its wrapped text needs; the page scrolls instead.
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(":/i18n/arbor_de.qm")));
        QCoreApplication::installTranslator(&german);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        // Opened as the console opens it: shown at once, the policies arriving afterwards.
        SettingsDialog deutsch(settings);
        QSignalSpy deutschLoaded(deutsch.retentionEditor(), &RetentionEditor::loaded);
        deutsch.show();
        QVERIFY(QTest::qWaitForWindowExposed(&deutsch));
        auto *tabs = deutsch.findChild<QTabWidget *>(QStringLiteral("settingsTabs"));
        QVERIFY(tabs);
        tabs->setCurrentWidget(deutsch.retentionEditor());
        deutsch.setServices(m_engine.get()->stats(), m_engine.get()->database());
        QTRY_VERIFY_WITH_TIMEOUT(!deutschLoaded.isEmpty(), 30000);
        QTest::qWait(50);
        QApplication::processEvents();
        // Each policy's spin box, then its note, then the next spin box, top to bottom, none over another.
        RetentionEditor *editor = deutsch.retentionEditor();
        auto place = [editor](QWidget *w) { return QRect(w->mapTo(editor, QPoint(0, 0)), w->size()); };
        QList<QRect> spins;
        QList<QRect> notes;
        for (QSpinBox *spin : editor->findChildren<QSpinBox *>())
            spins.append(place(spin));
        for (QLabel *label : editor->findChildren<QLabel *>()) {
            if (!label->wordWrap() || label->objectName() == u"retentionState")
                continue;
            notes.append(place(label));
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(QStringLiteral("%1: %2 px of %3").arg(label->text()).arg(label->height()).arg(label->heightForWidth(label->width()))));
        }
        QCOMPARE(notes.size(), 8);
        QCOMPARE(spins.size(), 8);
        auto byTop = [](const QRect &a, const QRect &b) { return a.top() < b.top(); };
        std::sort(spins.begin(), spins.end(), byTop);
        std::sort(notes.begin(), notes.end(), byTop);
        for (int i = 0; i < 8; ++i) {
            QVERIFY2(notes[i].top() > spins[i].bottom(), qPrintable(QStringLiteral("note %1 starts at %2, its spin box ends at %3").arg(i).arg(notes[i].top()).arg(spins[i].bottom())));
            if (i + 1 < 8)
                QVERIFY2(notes[i].bottom() < spins[i + 1].top(),
                         qPrintable(QStringLiteral("note %1 ends at %2, the next spin box starts at %3").arg(i).arg(notes[i].bottom()).arg(spins[i + 1].top())));
        }
        QCoreApplication::removeTranslator(&german);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    results->setValue(30);
    editor->foreverCheck(QStringLiteral("alert_history"))->setChecked(true);
    raw->setChecked(false);
    QVERIFY(editor->daysSpin(QStringLiteral("raw_events"))->isEnabled());
    editor->daysSpin(QStringLiteral("raw_events"))->setValue(120);
    QVERIFY(editor->hasChanges());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.findChild<QPushButton *>(QStringLiteral("settingsOkButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(accepted.size(), 1, 10000);

    auto policies = waitFor(m_engine->database()->retentionPolicies());
    QVERIFY2(policies, why(policies).constData());
    QHash<QString, std::optional<int>> days;
    for (const RetentionSetting &s : *policies)
        days.insert(s.policy.name, s.days);
    QCOMPARE(days.value(QStringLiteral("action_results")), std::optional<int>(30));
    QCOMPARE(days.value(QStringLiteral("alert_history")), std::optional<int>());
    QCOMPARE(days.value(QStringLiteral("raw_events")), std::optional<int>(120));
    QCOMPARE(days.value(QStringLiteral("queue_completed")), std::optional<int>(7));

    // Opened again, the dialog shows what was saved.
    SettingsDialog again(settings);
    QSignalSpy loadedAgain(again.retentionEditor(), &RetentionEditor::loaded);
    again.setServices(m_engine.get()->stats(), m_engine.get()->database());
    QTRY_VERIFY_WITH_TIMEOUT(!loadedAgain.isEmpty(), 30000);
    QCOMPARE(again.retentionEditor()->daysSpin(QStringLiteral("action_results"))->value(), 30);
    QVERIFY(again.retentionEditor()->foreverCheck(QStringLiteral("alert_history"))->isChecked());
}

void TstMaintenanceUi::settingsWithoutEngineShowsNoPolicies()
{
    AppSettings settings(m_home.filePath(QStringLiteral("noengine.conf")));
    SettingsDialog dialog(settings);
    auto *state = dialog.findChild<QLabel *>(QStringLiteral("retentionState"));
    QVERIFY(state);
    QVERIFY2(state->text().contains(QStringLiteral("Not connected")), qPrintable(state->text()));
    QVERIFY(!dialog.retentionEditor()->daysSpin(QStringLiteral("action_results")));
    QVERIFY(!dialog.retentionEditor()->hasChanges());
}

void TstMaintenanceUi::panelRunsMaintenanceAndRetention()
{
    MaintenancePanel panel(m_engine.get()->database());
    panel.resize(900, 600);
    panel.show();
    auto *maintain = panel.findChild<QPushButton *>(QStringLiteral("maintenanceRunButton"));
    auto *retention = panel.findChild<QPushButton *>(QStringLiteral("retentionApplyButton"));
    auto *status = panel.findChild<QLabel *>(QStringLiteral("maintenanceStatus"));
    auto *runs = panel.findChild<QTableView *>(QStringLiteral("maintenanceRunsView"));
    auto *steps = panel.findChild<QTreeWidget *>(QStringLiteral("maintenanceStepsView"));
    QVERIFY(maintain && retention && status && runs && steps);
    QVERIFY(maintain->isEnabled() && retention->isEnabled());

    retention->click();
    // The click returns at once: the run goes on the engine's writer.
    QVERIFY(!retention->isEnabled());
    QVERIFY2(status->text().contains(QStringLiteral("Applying")), qPrintable(status->text()));
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Retention deleted")), 20000);
    QVERIFY(retention->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() >= 1, 10000);
    QCOMPARE(panel.model()->index(0, MaintenanceRunModel::KindColumn).data().toString(), QStringLiteral("Retention"));
    // A read made while the run went on shows it running; the one after it shows how it ended.
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->index(0, MaintenanceRunModel::ResultColumn).data().toString(), QStringLiteral("OK"), 10000);

    maintain->click();
    QVERIFY(!maintain->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Maintenance finished in")), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() >= 2, 10000);
    QCOMPARE(panel.model()->index(0, MaintenanceRunModel::KindColumn).data().toString(), QStringLiteral("Maintenance"));
    QTRY_COMPARE_WITH_TIMEOUT(panel.model()->index(0, MaintenanceRunModel::ResultColumn).data().toString(), QStringLiteral("OK"), 10000);
    QCOMPARE(panel.model()->index(0, MaintenanceRunModel::RequestedByColumn).data().toString(), QStringLiteral("operator"));

    runs->selectRow(0);
    QTRY_COMPARE(steps->topLevelItemCount(), 3);
    QCOMPARE(steps->topLevelItem(0)->text(0), QStringLiteral("incremental_vacuum"));
    QCOMPARE(steps->topLevelItem(1)->text(0), QStringLiteral("optimize"));
    QCOMPARE(steps->topLevelItem(2)->text(0), QStringLiteral("wal_checkpoint"));
    QCOMPARE(steps->topLevelItem(2)->text(3), QStringLiteral("OK"));
    runs->selectRow(1);
    QTRY_VERIFY(steps->topLevelItemCount() >= 8);   // a step per retention policy at least
}

void TstMaintenanceUi::readOnlyEngineDisablesEverything()
{
    EngineOptions options = UiFixture::engineOptions(m_url);
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    auto [viewer, started] = UiFixture::startEngine(options);
    QVERIFY2(started, why(started).constData());
    QVERIFY(viewer->isReadOnly());

    MaintenancePanel panel(viewer.get()->database());
    panel.show();
    auto *maintain = panel.findChild<QPushButton *>(QStringLiteral("maintenanceRunButton"));
    auto *retention = panel.findChild<QPushButton *>(QStringLiteral("retentionApplyButton"));
    auto *status = panel.findChild<QLabel *>(QStringLiteral("maintenanceStatus"));
    QVERIFY(!maintain->isEnabled() && !retention->isEnabled());
    QVERIFY2(status->text().startsWith(QStringLiteral("Read-only")), qPrintable(status->text()));
    // It still shows what ran.
    QTRY_VERIFY_WITH_TIMEOUT(panel.model()->rowCount() >= 2, 10000);

    AppSettings settings(m_home.filePath(QStringLiteral("readonly.conf")));
    SettingsDialog dialog(settings);
    QSignalSpy loaded(dialog.retentionEditor(), &RetentionEditor::loaded);
    dialog.setServices(viewer.get()->stats(), viewer.get()->database());
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 30000);
    QSpinBox *results = dialog.retentionEditor()->daysSpin(QStringLiteral("action_results"));
    QVERIFY(results);
    QVERIFY(!results->isEnabled());
    auto *state = dialog.findChild<QLabel *>(QStringLiteral("retentionState"));
    QVERIFY2(state->text().startsWith(QStringLiteral("Read-only")), qPrintable(state->text()));
    results->setValue(5);
    QVERIFY(!dialog.retentionEditor()->hasChanges());
}

void TstMaintenanceUi::restoreProposesAFileAndOffersTheSwitch()
{
    const QString backup = QFileInfo(m_url.path).absoluteDir().filePath(u"restore-source.arborbackup"_qs);
    auto made = waitFor(m_engine->database()->backupDatabase(backup));
    QVERIFY2(made, why(made).constData());

    // A real file name is proposed (not a grey placeholder), next to the default database: Restore
    // works without typing a path.
    auto dialog = std::make_unique<RestoreDialog>(m_engine->database());
    dialog->show();
    auto *target = dialog->findChild<QLineEdit *>(u"restoreSqlitePathEdit"_qs);
    QVERIFY(target);
    QCOMPARE(QFileInfo(target->text()).fileName(), u"restored.db"_qs);
    QVERIFY(!QFileInfo::exists(target->text()));
    const QString restored = QDir::fromNativeSeparators(target->text());
    dialog->findChild<QLineEdit *>(u"restoreBackupEdit"_qs)->setText(backup);
    QSignalSpy switched(dialog.get(), &RestoreDialog::switchRequested);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"restoreStartButton"_qs), Qt::LeftButton);

    // Done: a message offers to switch now, and says where to switch later.
    QMessageBox *done = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((done = dialog->findChild<QMessageBox *>(u"restoreDoneBox"_qs)) && done->isVisible(), 60000);
    QVERIFY(QFileInfo::exists(restored));
    QVERIFY2(done->informativeText().contains(u"Settings… › Storage"_qs), qPrintable(done->informativeText()));
    QTest::mouseClick(done->findChild<QPushButton *>(u"restoreSwitchButton"_qs), Qt::LeftButton);
    QCOMPARE(switched.size(), 1);
    QVERIFY2(switched.first().first().toString().contains(u"restored.db"_qs), qPrintable(switched.first().first().toString()));
    dialog.reset();

    // The next proposal is a file that is not there yet.
    RestoreDialog again(m_engine->database());
    QCOMPARE(QFileInfo(again.findChild<QLineEdit *>(u"restoreSqlitePathEdit"_qs)->text()).fileName(), u"restored-2.db"_qs);
}

} // namespace tst_maintenance_ui

ARBOR_TEST_MAIN(maintenance_ui, tst_maintenance_ui::TstMaintenanceUi)
#include "tst_maintenance_ui.moc"

// Alert rules as an operator meets them, offscreen against a real Engine on SQLite: File › Alert
// Rules… lists the rules; the editor adds one (a bad threshold is refused naming the field and
// nothing is stored; a taken name is refused by the store and the editor stays open);
// silencing shows "silenced until"; deleting removes the rule; an alert a rule raised is named
// after it, marked silenced, and acknowledging it in the alerts panel takes it out of the status
// bar's count. And the delivery log marks an alert rule's deliveries as such.

#include "dialogs/alertruleeditordialog.h"
#include "dialogs/alertrulesdialog.h"
#include "dialogs/triggereditoractionrow.h"
#include "engine/alertservice.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "mainwindow.h"
#include "model/entitydef.h"
#include "models/alertrulemodel.h"
#include "models/deliverylogmodel.h"
#include "store/chainregistry.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "uifixture.h"
#include "widgets/logpanel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QPointer>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace arbor;
using namespace Qt::StringLiterals;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::why;
using arbor::ui::AlertRuleEditorDialog;
using arbor::ui::AlertRuleModel;
using arbor::ui::AlertRulesDialog;
using arbor::ui::DeliveryLogModel;
using arbor::ui::LogPanel;
using arbor::ui::MainWindow;
using arbor::ui::TriggerEditorActionRow;

namespace tst_alertrules_ui {

namespace {

const int TimeoutMs = 20000;
const qint64 Devnet = 31337;
const QString LagRule = QStringLiteral("Lag on devnet");
const QString QueueRule = QStringLiteral("Queue trouble");

AlertRule rule(qint64 id, const QString &name, qint64 silencedUntilMs = 0)
{
    AlertRule r;
    r.id = id;
    r.name = name;
    r.kind = AlertKind::LagBlocks;
    r.threshold = 50;
    r.silencedUntilMs = silencedUntilMs;
    return r;
}

} // namespace

class TstAlertRulesUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The models on their own.
    void ruleModelDiffsWithoutReset();
    void deliveryLogMarksAlertRules();

    // The console against a real engine, in order: each step builds on the last.
    void badThresholdIsRefusedThenRuleIsAdded();
    void takenNameIsRefusedInTheEditor();
    void sendTestQueuesATestPerAction();
    void silencingShowsSilencedUntil();
    void acknowledgingTakesTheAlertOutOfTheCount();
    void deletingRemovesTheRule();

private:
    template<typename T>
    // Guarded: a dialog with WA_DeleteOnClose deletes itself when it closes.
    QPointer<T> waitForVisible(const char *objectName = nullptr) const
    {
        T *found = nullptr;
        const bool shown = QTest::qWaitFor([&] {
            for (T *w : m_window->findChildren<T *>()) {
                if (w->isVisible() && (!objectName || w->objectName() == QLatin1String(objectName)))
                    found = w;
            }
            return found != nullptr;
        }, TimeoutMs);
        return QPointer<T>(shown ? found : nullptr);
    }
    AlertRulesDialog *rulesDialog();
    QPointer<AlertRuleEditorDialog> openEditor(QAction *action);
    QTableView *ruleTable() const { return m_rules->findChild<QTableView *>(QStringLiteral("alertRuleTable")); }
    /// The row of the rule named `name` in the table as shown, or -1.
    int rowOf(const QString &name) const;
    QString cell(const QString &name, int column) const;
    bool selectRule(const QString &name);
    QList<AlertRule> storedRules() const;
    QString alertsButtonText() const { return m_window->findChild<QPushButton *>(QStringLiteral("alertsButton"))->text(); }

    UiFixture m_home;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    QPointer<AlertRulesDialog> m_rules;
};

void TstAlertRulesUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    auto [engine, started] = UiFixture::startEngine(UiFixture::engineOptions(*url));
    QVERIFY2(started, why(started).constData());
    m_engine = std::move(engine);

    auto store = Store::open(*url);
    QVERIFY2(store, why(store).constData());
    ChainConfig chain;
    chain.chainId = Devnet;
    chain.name = QStringLiteral("devnet");
    chain.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:1"))};
    chain.startBlock = 0;
    EndpointRecord endpoint;
    endpoint.url = chain.rpcUrls.first();
    endpoint.status = EndpointStatus::Ok;
    const Status registered = ChainRegistry(**store).registerChain(chain, {endpoint}, evmEntities());
    QVERIFY2(registered, why(registered).constData());

    m_window = std::make_unique<MainWindow>(m_engine.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->chains()->snapshot().isEmpty(), TimeoutMs);
}

void TstAlertRulesUi::cleanupTestCase()
{
    m_window.reset();
    m_engine.reset();
}

void TstAlertRulesUi::ruleModelDiffsWithoutReset()
{
    AlertRuleModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const qint64 now = 1700000000000;
    model.setNow(now);
    model.update({rule(1, QStringLiteral("a")), rule(2, QStringLiteral("b"))});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, AlertRuleModel::ChainColumn).data().toString(), QStringLiteral("All chains"));
    QCOMPARE(model.index(0, AlertRuleModel::ConditionColumn).data().toString(), QStringLiteral("Lag ≥ 50 blocks"));
    QCOMPARE(model.index(0, AlertRuleModel::HoldColumn).data().toString(), QStringLiteral("1 min"));

    // One rule silenced, one added: one insertion, one dataChanged, no reset.
    model.update({rule(1, QStringLiteral("a"), now + 3600000), rule(2, QStringLiteral("b")), rule(3, QStringLiteral("c"))});
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(changed.size(), 1);
    QVERIFY(model.index(0, AlertRuleModel::SilencedColumn).data().toString().startsWith(u"silenced until"));
    QVERIFY(model.index(1, AlertRuleModel::SilencedColumn).data().toString().isEmpty());

    // The silence ends with the clock: said, for that row alone.
    model.setNow(now + 3600001);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed.last().at(0).toModelIndex().row(), 0);
    QVERIFY(model.index(0, AlertRuleModel::SilencedColumn).data().toString().isEmpty());
    QCOMPARE(reset.size(), 0);
}

void TstAlertRulesUi::deliveryLogMarksAlertRules()
{
    DeliveryLogModel model;
    ActionResult fromTrigger;
    fromTrigger.id = 2;
    fromTrigger.subjectId = 1;
    fromTrigger.subjectName = QStringLiteral("Negative feedback");
    ActionResult fromRule = fromTrigger;
    fromRule.id = 1;
    fromRule.subjectName = LagRule;
    fromRule.source = DeliverySource::Alert;
    model.update({fromTrigger, fromRule});
    QCOMPARE(model.index(0, DeliveryLogModel::TriggerColumn).data().toString(), QStringLiteral("Negative feedback"));
    QCOMPARE(model.index(1, DeliveryLogModel::TriggerColumn).data().toString(), QStringLiteral("⚑ Lag on devnet (alert rule)"));
    QCOMPARE(model.index(1, DeliveryLogModel::EventColumn).data().toString(), QStringLiteral("—"));
}

AlertRulesDialog *TstAlertRulesUi::rulesDialog()
{
    if (m_rules && m_rules->isVisible())
        return m_rules;
    auto *open = m_window->findChild<QAction *>(QStringLiteral("alertRulesAction"));
    if (!open || !QTest::qWaitFor([&] { return open->isEnabled(); }, TimeoutMs))
        return nullptr;
    open->trigger();
    m_rules = waitForVisible<AlertRulesDialog>();
    return m_rules;
}

QPointer<AlertRuleEditorDialog> TstAlertRulesUi::openEditor(QAction *action)
{
    if (!QTest::qWaitFor([&] { return action->isEnabled(); }, TimeoutMs))
        return nullptr;
    action->trigger();
    return waitForVisible<AlertRuleEditorDialog>();
}

int TstAlertRulesUi::rowOf(const QString &name) const
{
    const QAbstractItemModel *model = ruleTable()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, AlertRuleModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

QString TstAlertRulesUi::cell(const QString &name, int column) const
{
    const int row = rowOf(name);
    return row < 0 ? QString() : ruleTable()->model()->index(row, column).data().toString();
}

bool TstAlertRulesUi::selectRule(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return false;
    ruleTable()->selectRow(row);
    return true;
}

QList<AlertRule> TstAlertRulesUi::storedRules() const
{
    auto rules = waitFor(m_engine->alerts()->alertRules());
    if (!rules) {
        // A read that fails is a failure of the test, never an empty list.
        QTest::qFail(qPrintable(QStringLiteral("reading the alert rules failed: ") + rules.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *rules;
}

void TstAlertRulesUi::badThresholdIsRefusedThenRuleIsAdded()
{
    AlertRulesDialog *dialog = rulesDialog();
    QVERIFY(dialog);
    QCOMPARE(ruleTable()->model()->rowCount(), 0);

    QPointer<AlertRuleEditorDialog> editor = openEditor(dialog->newRuleAction());
    QVERIFY(editor);
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("alertRuleNameEdit")), LagRule);
    auto *chain = editor->findChild<QComboBox *>(QStringLiteral("alertRuleChainCombo"));
    QCOMPARE(chain->itemText(0), QStringLiteral("All chains"));
    chain->setCurrentIndex(chain->findData(Devnet));
    QVERIFY(chain->currentIndex() > 0);
    auto *kind = editor->findChild<QComboBox *>(QStringLiteral("alertRuleKindCombo"));
    kind->setCurrentIndex(kind->findData(int(AlertKind::LagBlocks)));
    auto *threshold = editor->findChild<QDoubleSpinBox *>(QStringLiteral("alertRuleThresholdSpin"));
    QVERIFY(threshold->isVisible());
    QCOMPARE(threshold->suffix(), QStringLiteral(" blocks"));

    // 0 blocks: refused by the rule file's check, naming the field; nothing stored.
    threshold->selectAll();
    QTest::keyClicks(threshold, QStringLiteral("0"));
    QCOMPARE(threshold->value(), 0.0);
    auto *save = editor->findChild<QPushButton *>(QStringLiteral("saveAlertRuleButton"));
    QTest::mouseClick(save, Qt::LeftButton);
    auto *general = editor->findChild<QLabel *>(QStringLiteral("alertRuleGeneralError"));
    QTRY_VERIFY(general->isVisible());
    QVERIFY2(general->text().startsWith(u"Threshold: ") && general->text().contains(u"at least 1"), qPrintable(general->text()));
    QVERIFY(threshold->property("invalid").toBool());
    QVERIFY(editor->isVisible());
    QVERIFY(storedRules().isEmpty());

    // Fixed, raised at once, with a webhook.
    threshold->selectAll();
    QTest::keyClicks(threshold, QStringLiteral("12"));
    auto *hold = editor->findChild<QSpinBox *>(QStringLiteral("alertRuleForSpin"));
    hold->setValue(0);
    QCOMPARE(hold->text(), QStringLiteral("at once"));
    QVERIFY(editor->actionRows().isEmpty());
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("addActionButton")), Qt::LeftButton);
    QCOMPARE(editor->actionRows().size(), 1);
    TriggerEditorActionRow *action = editor->actionRows().first();
    QVERIFY(!action->findChild<QCheckBox *>(QStringLiteral("mcpResolveEndpoint"))->isVisibleTo(action));   // no agent to call
    QTest::keyClicks(action->findChild<QLineEdit *>(QStringLiteral("restUrl")), QStringLiteral("http://127.0.0.1:9/alerts"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), TimeoutMs);

    QTRY_VERIFY_WITH_TIMEOUT(rowOf(LagRule) >= 0, TimeoutMs);
    QCOMPARE(cell(LagRule, AlertRuleModel::ChainColumn), QStringLiteral("devnet"));
    QCOMPARE(cell(LagRule, AlertRuleModel::ConditionColumn), QStringLiteral("Lag ≥ 12 blocks"));
    QCOMPARE(cell(LagRule, AlertRuleModel::HoldColumn), QStringLiteral("at once"));
    QCOMPARE(cell(LagRule, AlertRuleModel::EnabledColumn), QStringLiteral("On"));
    QCOMPARE(cell(LagRule, AlertRuleModel::SilencedColumn), QString());
    QCOMPARE(cell(LagRule, AlertRuleModel::ActionsColumn), QStringLiteral("1"));
    QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("alertRulesStatus"))->text().contains(u"added"),
             qPrintable(dialog->findChild<QLabel *>(QStringLiteral("alertRulesStatus"))->text()));

    const QList<AlertRule> stored = storedRules();
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.first().chainId, std::optional<qint64>(Devnet));
    QCOMPARE(stored.first().threshold, 12.0);
    QCOMPARE(stored.first().forSeconds, 0);
    QCOMPARE(stored.first().actions.size(), 1);
    QCOMPARE(stored.first().actions.first().url, QStringLiteral("http://127.0.0.1:9/alerts"));
}

void TstAlertRulesUi::sendTestQueuesATestPerAction()
{
    AlertRulesDialog *dialog = rulesDialog();
    QVERIFY(dialog);
    auto *test = dialog->findChild<QAction *>(QStringLiteral("testAlertRuleAction"));
    QVERIFY(test);
    QVERIFY(selectRule(LagRule));
    QTRY_VERIFY(test->isEnabled());
    test->trigger();
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("alertRulesStatus"));
    QVERIFY(status);
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().contains(u"Sent a test of “%1” to its 1 action"_s.arg(LagRule)), qPrintable(status->text()), TimeoutMs);
    // One outbox row for the rule's one action, marked as a test, and nothing in the alert history.
    auto url = m_home.databaseUrl();
    QVERIFY(url);
    auto store = Store::open(*url);
    QVERIFY2(store, why(store).constData());
    auto rows = (*store)->query(u"SELECT is_test, source FROM "_s + (*store)->admin("trigger_deliveries") + u" WHERE id LIKE 'test_%'"_s);
    QVERIFY2(rows, why(rows).constData());
    QCOMPARE(rows->size(), 1);
    QCOMPARE(rows->first()[0].toInt(), 1);
    QCOMPARE(rows->first()[1].toString(), u"alert"_s);
    const auto history = waitFor(m_engine->alerts()->alertHistory(AlertHistoryFilter()));
    QVERIFY2(history, why(history).constData());
    for (const AlertRecord &a : *history)
        QVERIFY2(a.ruleName != LagRule, qPrintable(a.title));
}

void TstAlertRulesUi::takenNameIsRefusedInTheEditor()
{
    AlertRulesDialog *dialog = rulesDialog();
    QVERIFY(dialog);
    QPointer<AlertRuleEditorDialog> editor = openEditor(dialog->newRuleAction());
    QVERIFY(editor);
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("alertRuleNameEdit")), LagRule);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveAlertRuleButton")), Qt::LeftButton);
    auto *general = editor->findChild<QLabel *>(QStringLiteral("alertRuleGeneralError"));
    QTRY_VERIFY_WITH_TIMEOUT(general->isVisible(), TimeoutMs);
    QVERIFY2(general->text().startsWith(u"Not saved: Name: ") && general->text().contains(u"already named"), qPrintable(general->text()));
    QVERIFY(editor->isVisible());
    QCOMPARE(storedRules().size(), 1);
    editor->reject();
}

void TstAlertRulesUi::silencingShowsSilencedUntil()
{
    AlertRulesDialog *dialog = rulesDialog();
    QVERIFY(dialog);
    QVERIFY(selectRule(LagRule));
    QVERIFY(!dialog->liftSilenceAction()->isEnabled());   // nothing to lift yet
    QAction *eightHours = dialog->silenceActions().at(1);
    QTRY_VERIFY(eightHours->isEnabled());
    eightHours->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(cell(LagRule, AlertRuleModel::SilencedColumn).startsWith(u"silenced until"), TimeoutMs);
    const qint64 until = storedRules().value(0).silencedUntilMs;
    const qint64 expected = QDateTime::currentMSecsSinceEpoch() + 8 * 3600000LL;
    QVERIFY2(qAbs(until - expected) < 60000, qPrintable(QString::number(until - expected)));

    QTRY_VERIFY(dialog->liftSilenceAction()->isEnabled());
    dialog->liftSilenceAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(cell(LagRule, AlertRuleModel::SilencedColumn), QString(), TimeoutMs);
    QCOMPARE(storedRules().value(0).silencedUntilMs, 0);
}

void TstAlertRulesUi::acknowledgingTakesTheAlertOutOfTheCount()
{
    // A queue rule without threshold, held a minute (both ways), silenced for an hour.
    AlertRulesDialog *dialog = rulesDialog();
    QVERIFY(dialog);
    QPointer<AlertRuleEditorDialog> editor = openEditor(dialog->newRuleAction());
    QVERIFY(editor);
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("alertRuleNameEdit")), QueueRule);
    auto *kind = editor->findChild<QComboBox *>(QStringLiteral("alertRuleKindCombo"));
    kind->setCurrentIndex(kind->findData(int(AlertKind::QueueErrors)));
    QVERIFY(!editor->findChild<QDoubleSpinBox *>(QStringLiteral("alertRuleThresholdSpin"))->isVisible());
    QCOMPARE(editor->findChild<QSpinBox *>(QStringLiteral("alertRuleForSpin"))->value(), AlertRule::DefaultForSeconds);
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveAlertRuleButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(QueueRule) >= 0, TimeoutMs);
    QCOMPARE(cell(QueueRule, AlertRuleModel::ChainColumn), QStringLiteral("All chains"));
    QCOMPARE(cell(QueueRule, AlertRuleModel::ConditionColumn), QStringLiteral("Balance queue errors"));
    QCOMPARE(cell(QueueRule, AlertRuleModel::HoldColumn), QStringLiteral("1 min"));
    QVERIFY(selectRule(QueueRule));
    QTRY_VERIFY(dialog->silenceActions().at(0)->isEnabled());
    dialog->silenceActions().at(0)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(cell(QueueRule, AlertRuleModel::SilencedColumn).startsWith(u"silenced until"), TimeoutMs);

    // The engine's monitor evaluates the stored rules.
    AlertMonitor *monitor = m_window->alertMonitor();
    auto monitorHasSilencedRule = [&] {
        for (const AlertRule &r : monitor->rules()) {
            if (r.name == QueueRule && r.silencedAt(QDateTime::currentMSecsSinceEpoch()))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(monitorHasSilencedRule(), TimeoutMs);
    AlertPolicy policy = monitor->policy();
    policy.raiseAfterMs = 3600000;   // the built-in queue alert stays quiet: only the rule speaks
    policy.clearAfterMs = 3600000;
    monitor->setPolicy(policy);
    dialog->close();

    QCOMPARE(alertsButtonText(), QStringLiteral("No alerts"));
    QueueHealth errors;
    errors.chainId = Devnet;
    errors.status = QueueStatus::Errors;
    errors.errorsLastHour = 3;
    // Errors for a minute (the monitor takes the caller's clock): the rule raises.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    monitor->updateQueues({errors}, now - 61000);
    QCOMPARE(alertsButtonText(), QStringLiteral("No alerts"));
    monitor->updateQueues({errors}, now);
    QTRY_COMPARE(alertsButtonText(), QStringLiteral("1 alert(s)"));

    // Listed under the rule's name, marked silenced.
    auto *list = m_window->findChild<QTreeWidget *>(QStringLiteral("alertList"));
    QVERIFY(list);
    QTreeWidgetItem *item = list->topLevelItem(0);
    QVERIFY(item);
    QVERIFY2(item->text(1).startsWith(QueueRule + u':'), qPrintable(item->text(1)));
    QCOMPARE(item->text(2), QStringLiteral("active, silenced"));

    // Acknowledged in the panel: still listed, marked, no longer counted.
    auto *acknowledge = m_window->findChild<QPushButton *>(QStringLiteral("acknowledgeAlertButton"));
    QVERIFY(acknowledge);
    QVERIFY(!acknowledge->isEnabled());   // nothing selected
    list->setCurrentItem(item);
    QVERIFY(acknowledge->isEnabled());
    QTest::mouseClick(acknowledge, Qt::LeftButton);
    // Counted as an active alert, of which one acknowledged (the warning icon goes).
    QTRY_COMPARE(alertsButtonText(), QStringLiteral("1 alert(s) (1 acknowledged)"));
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(item->text(2), QStringLiteral("active, silenced, acknowledged"));
    QVERIFY(!acknowledge->isEnabled());
    QCOMPARE(monitor->unacknowledgedCount(), 0);
    QCOMPARE(monitor->activeAlerts().size(), 1);
    auto *panel = m_window->findChild<LogPanel *>(QStringLiteral("logPanel"));
    QCOMPARE(panel->activeAlertCount(), 1);
    QCOMPARE(panel->unacknowledgedAlertCount(), 0);
}

void TstAlertRulesUi::deletingRemovesTheRule()
{
    AlertRulesDialog *dialog = rulesDialog();
    QVERIFY(dialog);
    QTRY_COMPARE(ruleTable()->model()->rowCount(), 2);
    for (const QString &name : {LagRule, QueueRule}) {
        QVERIFY(selectRule(name));
        QTRY_VERIFY(dialog->deleteRuleAction()->isEnabled());
        dialog->deleteRuleAction()->trigger();
        auto box = waitForVisible<QMessageBox>("deleteAlertRuleBox");
        QVERIFY(box);
        QVERIFY2(box->text().contains(name), qPrintable(box->text()));
        QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("confirmDeleteAlertRuleButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(rowOf(name), -1, TimeoutMs);
    }
    QVERIFY(storedRules().isEmpty());
    // The deleted rule's alert clears, in the panel and the status bar alike.
    QTRY_COMPARE_WITH_TIMEOUT(alertsButtonText(), QStringLiteral("No alerts"), TimeoutMs);
    auto *list = m_window->findChild<QTreeWidget *>(QStringLiteral("alertList"));
    QVERIFY2(list->topLevelItem(0)->text(2).startsWith(u"cleared"), qPrintable(list->topLevelItem(0)->text(2)));
    QVERIFY2(list->topLevelItem(0)->text(2).endsWith(u"acknowledged"), qPrintable(list->topLevelItem(0)->text(2)));
}

} // namespace tst_alertrules_ui

ARBOR_TEST_MAIN(alertrules_ui, tst_alertrules_ui::TstAlertRulesUi)
#include "tst_alertrules_ui.moc"

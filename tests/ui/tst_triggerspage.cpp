// The Triggers page driven offscreen against a real Engine on a temporary SQLite file: a chain
// with ERC-8004 events put there the way indexing writes them (IndexStore::promote), triggers
// made through the editor, deliveries created through the engine (replay, test deliveries) and
// their attempts recorded through the store, as a delivery worker would.

#include "charts/deliverychartpanel.h"
#include "dialogs/dryrundialog.h"
#include "dialogs/storesecretdialog.h"
#include "dialogs/triggereditoractionrow.h"
#include "dialogs/triggereditorconditionrow.h"
#include "dialogs/triggereditordialog.h"
#include "dialogs/triggereditorpreview.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "engine/statsservice.h"
#include "engine/triggerservice.h"
#include "mainwindow.h"
#include "model/entitydef.h"
#include "models/actionhealthmodel.h"
#include "models/deliverylogmodel.h"
#include "models/triggerlistmodel.h"
#include "pages/triggerspage.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "store/triggerstore.h"
#include "testmain.h"
#include "testresults.h"
#include "testvalues.h"
#include "uifixture.h"
#include "widgets/secretfield.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QColor>
#include <QComboBox>
#include <QCompleter>
#include <QDateTime>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStringListModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXYSeries>

#include <memory>

using namespace arbor;
using arbor::test::UiFixture;
using arbor::test::waitFor;
using arbor::test::hashOf;
using arbor::test::why;
using arbor::ui::DeliveryChartPanel;
using arbor::ui::ActionHealthModel;
using arbor::ui::DeliveryLogModel;
using arbor::ui::DryRunDialog;
using arbor::ui::MainWindow;
using arbor::ui::SecretField;
using arbor::ui::StoreSecretDialog;
using arbor::ui::TriggerEditorActionRow;
using arbor::ui::TriggerEditorConditionRow;
using arbor::ui::TriggerEditorDialog;
using arbor::ui::TriggerListModel;
using arbor::ui::TriggersPage;

namespace tst_triggerspage {

namespace {

const int TimeoutMs = 20000;
const qint64 Devnet = 31337;
const QString TriggerName = QStringLiteral("Negative feedback");
// A Telegram bot token's shape: pasting one into the token field must be refused, not stored.
const QString LiteralBotToken = QStringLiteral("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1x");

AgentEvent feedback(qint64 block, const QString &value, quint64 agent = 3)
{
    AgentEvent e;
    e.blockNumber = block;
    e.logIndex = 0;
    e.txHash = hashOf(block * 100, 9);
    e.registry = *Address::fromHex(QStringLiteral("0x8004000000000000000000000000000000000002"));
    e.kind = RegistryKind::Reputation;
    e.event = QStringLiteral("NewFeedback");
    e.agentId = U256(agent);
    e.actor = *Address::fromHex(QStringLiteral("0x1234567890abcdef1234567890abcdef12345678"));
    e.feedbackIndex = block;
    e.value = value;
    e.valueDecimals = 1;
    e.tag1 = QStringLiteral("uptime");
    e.endpoint = QStringLiteral("https://agent.example/mcp");
    return e;
}

double total(const QList<QPointF> &points)
{
    double sum = 0;
    for (const QPointF &p : points)
        sum += p.y();
    return sum;
}

ActionResult result(qint64 id, const QString &trigger, DeliveryStatus status = DeliveryStatus::Success)
{
    ActionResult r;
    r.id = id;
    r.subjectId = 1;
    r.subjectName = trigger;
    r.status = status;
    r.attempt = 1;
    r.at = 1700000000000 + id;
    return r;
}

} // namespace

class TstTriggersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The models on their own.
    void logModelDiffsWithoutReset();
    void logModelNamesTriggersFromTheList();
    void listModelAsksBeforeEnabling();
    void latencyDotsAreDrawnWhole();

    // The page against a real engine, in order: each step builds on the last.
    void editorRefusesLiteralSecretThenSaves();
    void storeSecretFillsReferenceOrSaysWhy();
    void toggleEnabled();
    void deliveryLogShowsAttemptsAndFilters();
    void actionsTabShowsHowEachActionDeliversWithItsVerbs();
    void sendTestReportsTheResult();
    void dryRunListsMatchesAndSendsNothing();
    void readOnlyConsoleCannotEdit();
    void deleteAsksThenRemoves();

private:
    TriggersPage *page() const { return m_window->findChild<TriggersPage *>(); }
    QTableView *triggerTable() const { return m_window->findChild<QTableView *>(QStringLiteral("triggerTable")); }
    QTableView *logTable() const { return m_window->findChild<QTableView *>(QStringLiteral("deliveryLogTable")); }
    QString statusLine() const { return m_window->findChild<QLabel *>(QStringLiteral("triggersStatusLine"))->text(); }
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
    QPointer<TriggerEditorDialog> openEditor(QAction *action);
    qint64 triggerId() const;
    QList<TriggerRecord> storedTriggers() const;
    /// Claims every due delivery and records an attempt for each, as a delivery worker would:
    /// REST fails with HTTP 500, the rest succeed.
    int recordAttempts();

    UiFixture m_home;
    QTranslator m_english;   // the plural forms the console loads: "4 events", not "4 event(s)"
    DatabaseUrl m_url;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Store> m_store;
};

void TstTriggersPage::initTestCase()
{
    QVERIFY(m_english.load(QStringLiteral(":/i18n/arbor_en.qm")));
    QVERIFY(QCoreApplication::installTranslator(&m_english));
    QVERIFY(m_home.isValid());
    m_home.setUp();
    auto url = m_home.databaseUrl();
    QVERIFY2(url, why(url).constData());
    m_url = *url;

    m_engine = std::make_unique<Engine>(UiFixture::engineOptions(m_url));
    m_window = std::make_unique<MainWindow>(m_engine.get());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const Status started = waitFor(m_engine->start());
    QVERIFY2(started, why(started).constData());

    auto store = Store::open(m_url);
    QVERIFY2(store, why(store).constData());
    m_store = std::move(*store);
    ChainConfig chain;
    chain.chainId = Devnet;
    chain.name = QStringLiteral("devnet");
    chain.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1:1"))};
    chain.startBlock = 0;
    EndpointRecord endpoint;
    endpoint.url = chain.rpcUrls.first();
    endpoint.status = EndpointStatus::Ok;
    Status s = ChainRegistry(*m_store).registerChain(chain, {endpoint}, evmEntities());
    QVERIFY2(s, why(s).constData());

    // Blocks 0…9 with two negative feedbacks (-1.5 and -0.2) and positive ones (+4.0, and the
    // newest, +3.0 for agent 5).
    IndexBatch batch;
    batch.chainId = Devnet;
    batch.from = 0;
    batch.to = 9;
    Hash parent;
    for (qint64 n = 0; n <= 9; ++n) {
        batch.headers.append(BlockHeader{n, hashOf(n), parent, 1700000000 + n * 12, 1, 21000});
        parent = hashOf(n);
    }
    batch.agentEvents = {feedback(3, QStringLiteral("-15")), feedback(5, QStringLiteral("40")), feedback(7, QStringLiteral("-2")),
                         feedback(9, QStringLiteral("30"), 5)};
    auto promoted = IndexStore(*m_store).promote(batch, evmEntities());
    QVERIFY2(promoted, why(promoted).constData());

    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->chains()->snapshot().isEmpty(), TimeoutMs);
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_5, Qt::ControlModifier);
    QTRY_VERIFY(page() && page()->isVisible());
}

void TstTriggersPage::cleanupTestCase()
{
    m_store.reset();
    m_window.reset();
    m_engine.reset();
}

void TstTriggersPage::logModelDiffsWithoutReset()
{
    DeliveryLogModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    model.update({result(3, QStringLiteral("a")), result(2, QStringLiteral("a")), result(1, QStringLiteral("a"))});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.size(), 1);

    // Two new results on top, the oldest pushed out, one trigger deleted meanwhile: one signal each.
    model.update({result(5, QStringLiteral("a")), result(4, QStringLiteral("a")), result(3, QStringLiteral("a")),
                  result(2, QString())});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(inserted.last().at(1).toInt(), 0);
    QCOMPARE(inserted.last().at(2).toInt(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(3, DeliveryLogModel::TriggerColumn).data().toString(), QStringLiteral("(deleted trigger 1)"));
    QCOMPARE(model.index(0, 0).data(DeliveryLogModel::ResultIdRole).toLongLong(), 5);

    model.update({result(5, QStringLiteral("a")), result(4, QStringLiteral("a")), result(3, QStringLiteral("a")),
                  result(2, QString())});
    QCOMPARE(changed.size(), 1);   // nothing changed, nothing said
    QCOMPARE(reset.size(), 0);
    QCOMPARE(model.index(0, DeliveryLogModel::StatusColumn).data(DeliveryLogModel::BadgeColorRole).value<QColor>(),
             DeliveryLogModel::statusColor(DeliveryStatus::Success));
}

void TstTriggersPage::logModelNamesTriggersFromTheList()
{
    DeliveryLogModel model;
    ActionResult ofRule = result(3, QStringLiteral("Lag"));
    ofRule.source = DeliverySource::Alert;   // alert rule 1, the same number as trigger 1
    ActionResult ofOther = result(1, QStringLiteral("b"));
    ofOther.subjectId = 2;
    model.update({ofRule, result(2, QStringLiteral("a")), ofOther});
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    // Trigger 1 renamed, trigger 2 unchanged: one row changes, the rule's row keeps its name.
    model.nameTriggers({{1, QStringLiteral("renamed")}, {2, QStringLiteral("b")}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, DeliveryLogModel::TriggerColumn).data().toString(), QStringLiteral("renamed"));
    QVERIFY(model.index(0, DeliveryLogModel::TriggerColumn).data().toString().contains(QStringLiteral("Lag")));
    QCOMPARE(model.index(2, DeliveryLogModel::TriggerColumn).data().toString(), QStringLiteral("b"));

    // Trigger 2 deleted: its row says so.
    model.nameTriggers({{1, QStringLiteral("renamed")}});
    QCOMPARE(changed.size(), 2);
    QCOMPARE(model.index(2, DeliveryLogModel::TriggerColumn).data().toString(), QStringLiteral("(deleted trigger 2)"));
}

void TstTriggersPage::listModelAsksBeforeEnabling()
{
    TriggerListModel model;
    TriggerRecord t;
    t.def.id = 7;
    t.def.name = QStringLiteral("x");
    t.def.chainId = Devnet;
    t.def.enabled = false;
    model.update({t});
    model.setChainNames({{Devnet, QStringLiteral("devnet")}});
    QCOMPARE(model.index(0, TriggerListModel::ChainColumn).data().toString(), QStringLiteral("devnet"));
    const QModelIndex enabled = model.index(0, TriggerListModel::EnabledColumn);
    QVERIFY(!(model.flags(enabled) & Qt::ItemIsUserCheckable));   // read-only until told otherwise
    model.setEditable(true);
    QVERIFY(model.flags(enabled) & Qt::ItemIsUserCheckable);

    QSignalSpy asked(&model, &TriggerListModel::enabledChangeRequested);
    QVERIFY(model.setData(enabled, Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(asked.size(), 1);
    QCOMPARE(asked.first().at(0).toLongLong(), 7);
    QCOMPARE(asked.first().at(1).toBool(), true);
    // The row follows the engine, not the click.
    QCOMPARE(enabled.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);
}

QPointer<TriggerEditorDialog> TstTriggersPage::openEditor(QAction *action)
{
    if (!QTest::qWaitFor([&] { return action->isEnabled(); }, TimeoutMs))
        return nullptr;
    action->trigger();
    return waitForVisible<TriggerEditorDialog>();
}

qint64 TstTriggersPage::triggerId() const
{
    const QList<TriggerRecord> triggers = storedTriggers();
    return triggers.isEmpty() ? 0 : triggers.first().def.id;
}

QList<TriggerRecord> TstTriggersPage::storedTriggers() const
{
    auto triggers = TriggerStore(*m_store).triggers();
    if (!triggers) {
        // A read that fails is a failure of the test, never an empty list.
        QTest::qFail(qPrintable(QStringLiteral("reading the stored triggers failed: ") + triggers.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *triggers;
}

void TstTriggersPage::latencyDotsAreDrawnWhole()
{
    // Deliveries this minute and twenty minutes ago, the first at the chart's start: each p95
    // dot lies inside the plot, not cut in half by its edge.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 minute = now - now % 60000;
    DeliveryMinute older;
    older.minute = minute - 20 * 60000;
    older.success = 3;
    older.p95Ms = 40;
    DeliveryMinute newest;
    newest.minute = minute;
    newest.success = 2;
    newest.p95Ms = 7;
    DeliveryChartPanel panel;
    panel.resize(900, 260);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setMinutes({older, newest}, now);

    auto *view = panel.findChild<QChartView *>(QStringLiteral("deliveryLatencyChart"));
    QVERIFY(view);
    auto *series = qobject_cast<QXYSeries *>(view->chart()->series().value(0));
    QVERIFY(series);
    QCOMPARE(series->points().size(), 2);
    const QRectF plotArea = view->chart()->plotArea();
    const double radius = series->markerSize() / 2;
    for (const QPointF &point : series->points()) {
        const QPointF at = view->chart()->mapToPosition(point, series);
        const QRectF dot(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius);
        QVERIFY2(plotArea.contains(dot), qPrintable(QStringLiteral("the dot at %1,%2 crosses the plot area %3…%4 × %5…%6").arg(at.x()).arg(at.y())
                                                    .arg(plotArea.left()).arg(plotArea.right()).arg(plotArea.top()).arg(plotArea.bottom())));
    }
}

void TstTriggersPage::editorRefusesLiteralSecretThenSaves()
{
    QPointer<TriggerEditorDialog> editor = openEditor(page()->newAction());
    QVERIFY(editor);
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("triggerNameEdit")), TriggerName);
    QCOMPARE(editor->findChild<QComboBox *>(QStringLiteral("triggerChainCombo"))->currentData().toLongLong(), Devnet);

    // Conditions: NewFeedback, and a value below 0.
    QCOMPARE(editor->conditionRows().size(), 1);
    auto *event = editor->conditionRows()[0]->findChild<QComboBox *>(QStringLiteral("conditionEvent"));
    event->setCurrentIndex(event->findText(QStringLiteral("NewFeedback")));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("addConditionButton")), Qt::LeftButton);
    QCOMPARE(editor->conditionRows().size(), 2);
    TriggerEditorConditionRow *threshold = editor->conditionRows()[1];
    auto *type = threshold->findChild<QComboBox *>(QStringLiteral("conditionType"));
    type->setCurrentIndex(type->findData(int(ConditionType::ValueThreshold)));
    QTest::keyClicks(threshold->findChild<QLineEdit *>(QStringLiteral("conditionValue")), QStringLiteral("0"));

    // Actions: a webhook, then a Telegram message whose token is pasted in as it is. Without
    // its URL the preview says so in the form's words, not as a JSON path.
    TriggerEditorActionRow *rest = editor->actionRows()[0];
    QTRY_VERIFY_WITH_TIMEOUT(editor->preview()->text().startsWith(QStringLiteral("This action cannot be rendered yet: URL: ")), TimeoutMs);
    QVERIFY2(!editor->preview()->text().contains(QStringLiteral("actions[")), qPrintable(editor->preview()->text()));
    QTest::keyClicks(rest->findChild<QLineEdit *>(QStringLiteral("restUrl")), QStringLiteral("http://127.0.0.1:9/hook"));
    rest->findChild<QPlainTextEdit *>(QStringLiteral("restBody"))
        ->setPlainText(QStringLiteral("{\"agent\": \"{{event.agentId}}\", \"value\": \"{{event.value | decimals}}\"}"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("addActionButton")), Qt::LeftButton);
    TriggerEditorActionRow *telegram = editor->actionRows()[1];
    auto *actionType = telegram->findChild<QComboBox *>(QStringLiteral("actionType"));
    actionType->setCurrentIndex(actionType->findData(int(ActionType::Telegram)));
    auto *token = telegram->findChild<QLineEdit *>(QStringLiteral("telegramBotTokenEdit"));
    QTest::keyClicks(token, LiteralBotToken);
    QTest::keyClicks(telegram->findChild<QLineEdit *>(QStringLiteral("telegramChatId")), QStringLiteral("-100123"));
    auto *apiBase = telegram->findChild<QLineEdit *>(QStringLiteral("telegramApiBaseUrl"));
    apiBase->clear();
    QTest::keyClicks(apiBase, QStringLiteral("http://127.0.0.1:9"));

    // The preview renders the webhook's body from the newest stored event that meets the
    // conditions (block 7, agent 3, -0.2), not from the newest event (block 9, agent 5, +3.0).
    // (The preview follows the focus, so it goes back into the webhook's row.)
    rest->findChild<QLineEdit *>(QStringLiteral("restUrl"))->setFocus();
    editor->preview()->setCurrentAction(0);
    auto *source = editor->preview()->findChild<QLabel *>(QStringLiteral("previewSource"));
    QVERIFY(source);
    QTRY_VERIFY2_WITH_TIMEOUT(editor->preview()->text().contains(QStringLiteral("\"agent\": \"3\"")),
                              qPrintable(source->text() + u'\n' + editor->preview()->text()), TimeoutMs);
    QVERIFY2(editor->preview()->text().contains(QStringLiteral("\"value\": \"-0.2\"")), qPrintable(editor->preview()->text()));
    QVERIFY2(source->text().contains(QStringLiteral("meets the conditions: NewFeedback of agent 3 in block 7")), qPrintable(source->text()));
    // A condition nothing stored meets: the newest event, and the preview says it does not match.
    auto *value = threshold->findChild<QLineEdit *>(QStringLiteral("conditionValue"));
    value->setText(QStringLiteral("-100"));
    QTRY_VERIFY2_WITH_TIMEOUT(source->text().startsWith(QStringLiteral("None of the newest 4 events")), qPrintable(source->text()), TimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(editor->preview()->text().contains(QStringLiteral("\"agent\": \"5\"")), TimeoutMs);
    value->setText(QStringLiteral("0"));
    QTRY_VERIFY_WITH_TIMEOUT(editor->preview()->text().contains(QStringLiteral("\"agent\": \"3\"")), TimeoutMs);

    // Save: refused, the token field named, focused and marked, nothing stored.
    auto *save = editor->findChild<QPushButton *>(QStringLiteral("saveTriggerButton"));
    QTest::mouseClick(save, Qt::LeftButton);
    auto *error = telegram->findChild<QLabel *>(QStringLiteral("actionError"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("Literal secrets are refused")), qPrintable(error->text()));
    QVERIFY(!error->text().contains(LiteralBotToken));
    QVERIFY(token->property("invalid").toBool());
    QTRY_VERIFY(token->hasFocus());
    QTest::qWait(300);
    QVERIFY(editor->isVisible());
    QVERIFY(storedTriggers().isEmpty());

    // With a reference instead, it is stored and listed.
    token->clear();
    QTest::keyClicks(token, QStringLiteral("keychain:tg-bot"));
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!editor || !editor->isVisible(), TimeoutMs);
    QCOMPARE(storedTriggers().size(), 1);
    const TriggerDef stored = storedTriggers().first().def;
    QCOMPARE(stored.conditions.size(), 2);
    QCOMPARE(stored.actions.size(), 2);
    QCOMPARE(stored.actions[0].type, ActionType::Rest);
    QCOMPARE(stored.actions[1].botToken->toString(), QStringLiteral("keychain:tg-bot"));

    QTableView *table = triggerTable();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, TimeoutMs);
    QCOMPARE(table->model()->index(0, TriggerListModel::NameColumn).data().toString(), TriggerName);
    QCOMPARE(table->model()->index(0, TriggerListModel::ChainColumn).data().toString(), QStringLiteral("devnet"));
    QCOMPARE(table->model()->index(0, TriggerListModel::LastFiredColumn).data().toString(), QStringLiteral("never"));
    QVERIFY(statusLine().contains(TriggerName));

    // A second trigger of the same name is refused by the engine, the name field marked.
    editor = openEditor(page()->newAction());
    QVERIFY(editor);
    auto *name = editor->findChild<QLineEdit *>(QStringLiteral("triggerNameEdit"));
    QTest::keyClicks(name, TriggerName);
    // An MCP action without a server: the preview names the URL field and the checkbox beside it.
    auto *firstType = editor->actionRows()[0]->findChild<QComboBox *>(QStringLiteral("actionType"));
    firstType->setCurrentIndex(firstType->findData(int(ActionType::Mcp)));
    QTRY_VERIFY_WITH_TIMEOUT(editor->preview()->text().contains(QStringLiteral("Server: give the MCP server's URL, or tick “The agent's own endpoint")),
                             TimeoutMs);
    firstType->setCurrentIndex(firstType->findData(int(ActionType::Rest)));
    QTest::keyClicks(editor->actionRows()[0]->findChild<QLineEdit *>(QStringLiteral("restUrl")), QStringLiteral("https://hooks.example/x"));
    QTest::mouseClick(editor->findChild<QPushButton *>(QStringLiteral("saveTriggerButton")), Qt::LeftButton);
    auto *general = editor->findChild<QLabel *>(QStringLiteral("triggerGeneralError"));
    QTRY_VERIFY_WITH_TIMEOUT(general->isVisible(), TimeoutMs);
    QVERIFY2(general->text().startsWith(QStringLiteral("Not saved: Name:")), qPrintable(general->text()));
    QVERIFY(name->property("invalid").toBool());
    editor->reject();
    QCOMPARE(storedTriggers().size(), 1);
}

void TstTriggersPage::storeSecretFillsReferenceOrSaysWhy()
{
    QPointer<TriggerEditorDialog> editor = openEditor(page()->newAction());
    QVERIFY(editor);
    QTest::keyClicks(editor->findChild<QLineEdit *>(QStringLiteral("triggerNameEdit")), QStringLiteral("Ops Hook"));
    auto *field = editor->actionRows()[0]->findChild<SecretField *>(QStringLiteral("restSigningSecret"));
    auto *store = field->findChild<QPushButton *>(QStringLiteral("restSigningSecretStoreButton"));
    auto *scroll = editor->findChild<QScrollArea *>(QStringLiteral("triggerEditorScroll"));
    // As a user scrolls to it: the click lands on the button only once it is in view.
    QTRY_VERIFY((scroll->ensureWidgetVisible(store), editor->childAt(store->mapTo(editor, store->rect().center())) == store));
    QTest::mouseClick(store, Qt::LeftButton);
    auto dialog = waitForVisible<StoreSecretDialog>();
    QVERIFY(dialog);
    auto *secretName = dialog->findChild<QLineEdit *>(QStringLiteral("secretNameEdit"));
    QCOMPARE(secretName->text(), QStringLiteral("ops-hook-signing"));   // proposed from the trigger's name
    auto *value = dialog->findChild<QLineEdit *>(QStringLiteral("secretValueEdit"));
    QCOMPARE(value->echoMode(), QLineEdit::Password);
    // A signing secret can be generated: whsec_ and 32 random bytes, shown so it can be copied
    // to the receiver.
    auto *generate = dialog->findChild<QPushButton *>(QStringLiteral("generateSecretButton"));
    QVERIFY(generate && generate->isVisible());
    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY(value->text().startsWith(QStringLiteral("whsec_")));
    QCOMPARE(QByteArray::fromBase64(value->text().mid(6).toLatin1(), QByteArray::AbortOnBase64DecodingErrors).size(), 32);
    QCOMPARE(value->echoMode(), QLineEdit::Normal);
    const QString first = value->text();
    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY(value->text() != first);
    value->clear();
    QTest::keyClicks(value, QStringLiteral("whsec_c2VjcmV0LWZvci10ZXN0cw=="));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("storeSecretButton")), Qt::LeftButton);

    // With a keychain the reference is filled in; without one the dialog says why and stays.
    QPointer<StoreSecretDialog> guard(dialog);
    auto *message = dialog->findChild<QLabel *>(QStringLiteral("storeSecretMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(!guard || !guard->isVisible() || message->text().startsWith(QStringLiteral("Not stored")), TimeoutMs);
    if (guard && guard->isVisible()) {
        QVERIFY(field->reference().isEmpty());
        qInfo("no keychain here: %s", qPrintable(message->text()));
        guard->reject();
    } else {
        QCOMPARE(field->reference(), QStringLiteral("keychain:ops-hook-signing"));
    }

    // The names stored on this computer are offered; a reference to one that is not carries a
    // warning that says so.
    QSettings().setValue(QStringLiteral("secrets/names"), QStringList{QStringLiteral("ops-hook-signing"), QStringLiteral("relay")});   // as NamedSecrets::set remembers them
    field->hide();
    field->show();   // the names are read as the field is shown (the editor opening)
    QAction *unstored = field->findChild<QAction *>(QStringLiteral("restSigningSecretUnstored"));
    QVERIFY(unstored);
    auto *names = qobject_cast<QStringListModel *>(field->lineEdit()->completer()->model());
    QVERIFY(names);
    QCOMPARE(names->stringList(), (QStringList{QStringLiteral("keychain:ops-hook-signing"), QStringLiteral("keychain:relay")}));
    field->setReference(QStringLiteral("keychain:relay"));
    QVERIFY(!unstored->isVisible());
    field->setReference(QStringLiteral("keychain:nosuch"));
    QVERIFY(unstored->isVisible());
    QVERIFY(unstored->toolTip().contains(QStringLiteral("No secret named “nosuch” is stored on this computer")));
    field->setReference(QStringLiteral("env:HOOK_SECRET"));
    QVERIFY(!unstored->isVisible());
    QSettings().remove(QStringLiteral("secrets/names"));
    editor->reject();
}

void TstTriggersPage::toggleEnabled()
{
    QTableView *table = triggerTable();
    table->selectRow(0);
    QAction *toggle = page()->toggleAction();
    QTRY_VERIFY(toggle->isEnabled());
    QCOMPARE(toggle->text().remove(u'&'), QStringLiteral("Disable"));
    toggle->trigger();
    const QModelIndex enabled = table->model()->index(0, TriggerListModel::EnabledColumn);
    QTRY_COMPARE_WITH_TIMEOUT(enabled.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked, TimeoutMs);
    QVERIFY(!storedTriggers().first().def.enabled);
    QTRY_COMPARE(toggle->text().remove(u'&'), QStringLiteral("Enable"));

    // Ticking the box, as a click on it does, enables it again.
    QVERIFY(table->model()->setData(enabled, Qt::Checked, Qt::CheckStateRole));
    QTRY_COMPARE_WITH_TIMEOUT(enabled.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Checked, TimeoutMs);
    QVERIFY(storedTriggers().first().def.enabled);
}

int TstTriggersPage::recordAttempts()
{
    TriggerStore triggers(*m_store);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    auto claimed = triggers.claimDue(QStringLiteral("test-worker"), now, 100, 60000);
    if (!claimed)
        return -1;
    QList<DeliveryAttempt> attempts;
    for (const ClaimedDelivery &d : std::as_const(*claimed)) {
        DeliveryAttempt a;
        a.deliveryId = d.id;
        a.holder = QStringLiteral("test-worker");
        a.durationMs = 42;
        if (d.action.type == ActionType::Rest) {
            a.outcome = DeliveryAttempt::Outcome::Fail;
            a.httpStatus = 500;
            a.error = QStringLiteral("HTTP 500 from the receiver");
        } else {
            a.outcome = DeliveryAttempt::Outcome::Success;
            a.httpStatus = 200;
        }
        attempts.append(a);
    }
    if (!triggers.recordAttempts(attempts))
        return -1;
    return int(attempts.size());
}

void TstTriggersPage::deliveryLogShowsAttemptsAndFilters()
{
    // History is sent only by an explicit replay: two matches (-1.5, -0.2), two actions each.
    auto replayed = waitFor(m_engine->triggers()->replayTrigger(triggerId(), 0, 9));
    QVERIFY2(replayed, why(replayed).constData());
    QCOMPARE(replayed->created, qint64(4));
    QCOMPARE(recordAttempts(), 4);

    // The attempts were recorded by "another worker": the page reads them when refreshed.
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QAbstractItemModel *log = logTable()->model();
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 4, TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(triggerTable()->model()->index(0, TriggerListModel::FailuresColumn).data().toString(), QStringLiteral("2"),
                              TimeoutMs);
    QCOMPARE(triggerTable()->model()->index(0, TriggerListModel::DeliveriesColumn).data().toString(), QStringLiteral("4"));
    QVERIFY(triggerTable()->model()->index(0, TriggerListModel::LastFiredColumn).data().toString() != QStringLiteral("never"));
    int failed = 0;
    for (int row = 0; row < log->rowCount(); ++row) {
        QCOMPARE(log->index(row, DeliveryLogModel::TriggerColumn).data().toString(), TriggerName);
        if (log->index(row, DeliveryLogModel::StatusColumn).data().toString() == QStringLiteral("Failed")) {
            ++failed;
            QCOMPARE(log->index(row, DeliveryLogModel::HttpStatusColumn).data().toString(), QStringLiteral("500"));
            // Each action named by its place and where it sends, each event by its block.
            QCOMPARE(log->index(row, DeliveryLogModel::ActionColumn).data().toString(), QStringLiteral("1. REST webhook — http://127.0.0.1:9/hook"));
            QVERIFY2(log->index(row, DeliveryLogModel::EventColumn).data().toString().contains(QRegularExpression(QStringLiteral("^block [37] · 0x"))),
                     qPrintable(log->index(row, DeliveryLogModel::EventColumn).data().toString()));
            QCOMPARE(log->index(row, DeliveryLogModel::ErrorColumn).data().toString(), QStringLiteral("HTTP 500 from the receiver"));
        }
    }
    QCOMPARE(failed, 2);

    // Filters: by status, by action type, by trigger.
    auto *status = m_window->findChild<QComboBox *>(QStringLiteral("logStatusFilter"));
    auto *type = m_window->findChild<QComboBox *>(QStringLiteral("logTypeFilter"));
    auto *trigger = m_window->findChild<QComboBox *>(QStringLiteral("logTriggerFilter"));
    status->setCurrentIndex(status->findText(QStringLiteral("Success")));
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 2, TimeoutMs);
    for (int row = 0; row < 2; ++row)
        QCOMPARE(log->index(row, DeliveryLogModel::ActionColumn).data().toString(), QStringLiteral("2. Telegram — chat -100123"));
    type->setCurrentIndex(type->findText(QStringLiteral("REST webhook")));
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 0, TimeoutMs);
    status->setCurrentIndex(0);
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 2, TimeoutMs);
    type->setCurrentIndex(0);
    QCOMPARE(trigger->findText(TriggerName), 1);
    trigger->setCurrentIndex(1);
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 4, TimeoutMs);

    // The charts count the attempts of this minute.
    auto *charts = m_window->findChild<DeliveryChartPanel *>();
    QTRY_COMPARE_WITH_TIMEOUT(total(charts->points(DeliveryChartPanel::FailedSeries)), 2.0, TimeoutMs);
    QCOMPARE(total(charts->points(DeliveryChartPanel::SuccessSeries)), 2.0);
    QCOMPARE(total(charts->points(DeliveryChartPanel::CancelledSeries)), 0.0);
    QCOMPARE(charts->points(DeliveryChartPanel::LatencySeries).size(), 1);
    // Deliveries of this minute only: the charts span the last ten minutes, not an hour of zeros.
    QCOMPARE(charts->points(DeliveryChartPanel::SuccessSeries).size(), int(DeliveryChartPanel::MinSpanMs / 60000) + 1);

    // Resend a failed delivery: queued again under the same id.
    int failedRow = -1;
    for (int row = 0; row < log->rowCount(); ++row) {
        if (log->index(row, DeliveryLogModel::StatusColumn).data(DeliveryLogModel::StatusRole).toInt() == int(DeliveryStatus::Failed))
            failedRow = row;
    }
    QVERIFY(failedRow >= 0);
    const QString deliveryId = log->index(failedRow, 0).data(DeliveryLogModel::DeliveryIdRole).toString();
    logTable()->selectRow(failedRow);
    auto *resend = m_window->findChild<QPushButton *>(QStringLiteral("resendButton"));
    QTRY_VERIFY(resend->isEnabled());
    QTest::mouseClick(resend, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(statusLine().contains(deliveryId), TimeoutMs);
    QCOMPARE(TriggerStore(*m_store).deliveryCounts()->pending, qint64(1));
    QCOMPARE(recordAttempts(), 1);   // fails again: a second attempt
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(log->rowCount(), 5, TimeoutMs);
    QCOMPARE(log->index(0, 0).data(DeliveryLogModel::DeliveryIdRole).toString(), deliveryId);
    QCOMPARE(log->index(0, DeliveryLogModel::AttemptColumn).data().toString(), QStringLiteral("2"));
}

void TstTriggersPage::actionsTabShowsHowEachActionDeliversWithItsVerbs()
{
    // After the delivery log's test: the webhook failed both its deliveries (dead), Telegram
    // delivered both.
    auto *tabs = m_window->findChild<QTabWidget *>(QStringLiteral("triggersTabs"));
    for (int i = 0; i < tabs->count(); ++i) {
        if (tabs->tabText(i).remove(u'&') == QStringLiteral("Actions"))
            tabs->setCurrentIndex(i);
    }
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("actionsTable"));
    QVERIFY(table);
    QTRY_VERIFY(table->isVisible());
    QAbstractItemModel *model = table->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, TimeoutMs);
    const auto rowOf = [model](const QString &startsWith) {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ActionHealthModel::ActionColumn).data().toString().startsWith(startsWith))
                return row;
        }
        return -1;
    };
    const auto cell = [&](int column) { return model->index(rowOf(QStringLiteral("REST webhook")), column).data().toString(); };
    QTRY_COMPARE_WITH_TIMEOUT(cell(ActionHealthModel::DeadColumn), QStringLiteral("2"), TimeoutMs);
    QCOMPARE(cell(ActionHealthModel::SubjectColumn), TriggerName);
    QCOMPARE(cell(ActionHealthModel::StateColumn), QStringLiteral("ok"));
    QCOMPARE(cell(ActionHealthModel::SuccessColumn), QStringLiteral("0 %"));
    QCOMPARE(cell(ActionHealthModel::LastErrorColumn), QStringLiteral("HTTP 500 from the receiver"));
    QCOMPARE(model->index(rowOf(QStringLiteral("Telegram")), ActionHealthModel::SuccessColumn).data().toString(), QStringLiteral("100 %"));

    // Resend Dead: both are pending again, under their ids.
    table->selectRow(rowOf(QStringLiteral("REST webhook")));
    auto *resend = m_window->findChild<QPushButton *>(QStringLiteral("resendDeadButton"));
    auto *disable = m_window->findChild<QPushButton *>(QStringLiteral("disableActionButton"));
    auto *enable = m_window->findChild<QPushButton *>(QStringLiteral("enableActionButton"));
    auto *status = m_window->findChild<QLabel *>(QStringLiteral("actionsStatus"));
    QTRY_VERIFY(resend->isEnabled());
    QVERIFY(!enable->isEnabled());
    QTest::mouseClick(resend, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("2 dead deliver")) && status->text().contains(TriggerName), qPrintable(status->text()),
                              TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(ActionHealthModel::PendingColumn), QStringLiteral("2"), TimeoutMs);
    QCOMPARE(cell(ActionHealthModel::DeadColumn), QStringLiteral("0"));

    // Disable holds them; Enable lets them go.
    QTRY_VERIFY(disable->isEnabled());
    QTest::mouseClick(disable, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(ActionHealthModel::StateColumn), QStringLiteral("disabled"), TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(ActionHealthModel::HeldColumn), QStringLiteral("2"), TimeoutMs);
    QCOMPARE(cell(ActionHealthModel::PendingColumn), QStringLiteral("0"));
    QCOMPARE(recordAttempts(), 0);   // nothing of a disabled action is claimed
    QTRY_VERIFY(enable->isEnabled());
    QTest::mouseClick(enable, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(cell(ActionHealthModel::StateColumn), QStringLiteral("ok"), TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(ActionHealthModel::HeldColumn), QStringLiteral("0"), TimeoutMs);
    QVERIFY2(status->text().contains(QStringLiteral("is enabled; 2 held deliver")), qPrintable(status->text()));
    QCOMPARE(recordAttempts(), 2);
}

void TstTriggersPage::sendTestReportsTheResult()
{
    triggerTable()->selectRow(0);
    QAction *send = page()->sendTestAction();
    QTRY_VERIFY(send->isEnabled());
    send->trigger();
    // Two actions: the page asks which one.
    auto ask = waitForVisible<QInputDialog>("sendTestDialog");
    QVERIFY(ask);
    QCOMPARE(ask->comboBoxItems().size(), 2);
    ask->setTextValue(ask->comboBoxItems().at(1));
    ask->accept();
    // It sends the newest event the conditions let through: block 7's, not block 9's.
    QTRY_VERIFY_WITH_TIMEOUT(statusLine().contains(QStringLiteral("is in the outbox")), TimeoutMs);
    QVERIFY2(statusLine().contains(QStringLiteral("(NewFeedback of agent 3 in block 7)")), qPrintable(statusLine()));
    const DeliveryCounts counts = *TriggerStore(*m_store).deliveryCounts();
    QCOMPARE(counts.pending, qint64(1));

    // A worker sends it (Telegram: success); the page reports it once the log has it.
    QCOMPARE(recordAttempts(), 1);
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(statusLine().startsWith(QStringLiteral("Test delivery of “Negative feedback”: Success (HTTP 200, 42 ms)")),
                             TimeoutMs);
    QAbstractItemModel *log = logTable()->model();
    QTRY_COMPARE(log->index(0, DeliveryLogModel::ActionColumn).data().toString(), QStringLiteral("2. Telegram — chat -100123 (test)"));
}

void TstTriggersPage::dryRunListsMatchesAndSendsNothing()
{
    const DeliveryCounts before = *TriggerStore(*m_store).deliveryCounts();
    triggerTable()->selectRow(0);
    QAction *dryRun = page()->dryRunAction();
    QTRY_VERIFY(dryRun->isEnabled());
    dryRun->trigger();
    auto dialog = waitForVisible<DryRunDialog>();
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("dryRunNotice"))->text().startsWith(QStringLiteral("Nothing is sent")));
    auto *matches = dialog->findChild<QTableWidget *>(QStringLiteral("dryRunMatches"));
    QTRY_COMPARE_WITH_TIMEOUT(matches->rowCount(), 2, TimeoutMs);
    QCOMPARE(matches->item(0, 0)->text(), QStringLiteral("3"));
    QCOMPARE(matches->item(1, 0)->text(), QStringLiteral("7"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("dryRunSummary"))->text().contains(QStringLiteral("Nothing was sent")));
    matches->selectRow(1);
    const QString payloads = dialog->findChild<QPlainTextEdit *>(QStringLiteral("dryRunPayloads"))->toPlainText();
    QVERIFY2(payloads.contains(QStringLiteral("\"value\": \"-0.2\"")), qPrintable(payloads));
    QVERIFY(payloads.contains(QStringLiteral("2. Telegram")));

    // A narrower range: only block 7.
    auto *from = dialog->findChild<QLineEdit *>(QStringLiteral("dryRunFromEdit"));
    QTest::keyClicks(from, QStringLiteral("6"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("dryRunButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(matches->rowCount(), 1, TimeoutMs);
    dialog->reject();

    const DeliveryCounts after = *TriggerStore(*m_store).deliveryCounts();
    QCOMPARE(after.pending + after.retrying + after.success + after.failed + after.cancelled,
             before.pending + before.retrying + before.success + before.failed + before.cancelled);
}

void TstTriggersPage::readOnlyConsoleCannotEdit()
{
    EngineOptions options = UiFixture::engineOptions(m_url);
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    auto [reader, started] = UiFixture::startEngine(options);
    QVERIFY2(started, why(started).constData());
    QVERIFY(reader->isReadOnly());
    TriggersPage watching(reader.get()->triggers(), reader.get()->chains(), reader.get()->indexing(), reader.get()->stats());
    watching.show();
    auto *table = watching.findChild<QTableView *>(QStringLiteral("triggerTable"));
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 1, TimeoutMs);
    table->selectRow(0);
    QTRY_VERIFY(watching.dryRunAction()->isEnabled());   // reading is fine
    for (QAction *verb : {watching.newAction(), watching.editAction(), watching.toggleAction(), watching.deleteAction(),
                          watching.sendTestAction()}) {
        QVERIFY2(!verb->isEnabled(), qPrintable(verb->objectName()));
        QVERIFY2(verb->toolTip().startsWith(QStringLiteral("Read-only:")), qPrintable(verb->toolTip()));
    }
    const QModelIndex enabled = table->model()->index(0, TriggerListModel::EnabledColumn);
    QVERIFY(!(enabled.flags() & Qt::ItemIsUserCheckable));
}

void TstTriggersPage::deleteAsksThenRemoves()
{
    triggerTable()->selectRow(0);
    QAction *remove = page()->deleteAction();
    QTRY_VERIFY(remove->isEnabled());

    // Cancel keeps it.
    remove->trigger();
    auto box = waitForVisible<QMessageBox>("deleteTriggerBox");
    QVERIFY(box);
    QVERIFY(box->text().contains(TriggerName));
    box->button(QMessageBox::Cancel)->click();
    QTest::qWait(300);
    QCOMPARE(storedTriggers().size(), 1);

    remove->trigger();
    box = waitForVisible<QMessageBox>("deleteTriggerBox");
    QVERIFY(box);
    box->findChild<QPushButton *>(QStringLiteral("confirmDeleteTriggerButton"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(triggerTable()->model()->rowCount(), 0, TimeoutMs);
    QVERIFY(storedTriggers().isEmpty());
    // Its delivery log stays, under the name of a deleted trigger.
    QAbstractItemModel *log = logTable()->model();
    auto *trigger = m_window->findChild<QComboBox *>(QStringLiteral("logTriggerFilter"));
    QTRY_COMPARE(trigger->count(), 1);   // the filter fell back to every trigger
    QTRY_VERIFY_WITH_TIMEOUT(log->rowCount() >= 5, TimeoutMs);
    for (int row = 0; row < log->rowCount(); ++row)
        QTRY_VERIFY_WITH_TIMEOUT(log->index(row, DeliveryLogModel::TriggerColumn).data().toString().startsWith(QStringLiteral("(deleted trigger ")),
                                 TimeoutMs);
}

} // namespace tst_triggerspage

ARBOR_TEST_MAIN(triggerspage, tst_triggerspage::TstTriggersPage)
#include "tst_triggerspage.moc"

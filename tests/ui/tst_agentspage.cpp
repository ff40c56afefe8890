// The ERC-8004 agents in the console, driven offscreen against a real Engine on a temporary
// SQLite file: a chain with identity, reputation and validation registries whose events are put
// there the way indexing writes them (IndexStore::promote) and whose registration files are
// recorded the way AgentService records a fetch (AgentStore::recordRegistration).
//
// - the Agents page: names, errors, tokens in the table; services, reputation, validations and
//   the raw file of the selected agent; Set MCP Token… and Fetch Again written through the
//   service; the selection kept across reads; a read-only console that cannot change anything;
// - Settings › Requests: a host allowed, a refusal shown and nothing added, a
//   host removed, the IPFS gateway set and cleared;
// - the trigger editor's MCP action: verifyFileHash round-trips, the token waits while the
//   agent's own endpoint is called.

#include "agents/registrationfile.h"
#include "appsettings.h"
#include "dialogs/mcptokendialog.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/triggereditoractionrow.h"
#include "engine/agentservice.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/triggerservice.h"
#include "mainwindow.h"
#include "model/entitydef.h"
#include "models/agentlistmodel.h"
#include "pages/agentspage.h"
#include "sdkmcpserver.h"
#include "store/agentstore.h"
#include "store/chainregistry.h"
#include "store/indexstore.h"
#include "store/store.h"
#include "testmain.h"
#include "testresults.h"
#include "testvalues.h"
#include "triggers/triggerdef.h"
#include "uifixture.h"
#include "widgets/agentdetailpane.h"
#include "widgets/outboundrequestseditor.h"
#include "widgets/secretfield.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QTreeWidget>

#include <memory>

using namespace arbor;
using namespace Qt::StringLiterals;
using arbor::test::SdkMcpServer;
using arbor::test::UiFixture;
using arbor::test::hashOf;
using arbor::test::waitFor;
using arbor::test::why;
using arbor::ui::AgentDetailPane;
using arbor::ui::AgentListModel;
using arbor::ui::AgentsPage;
using arbor::ui::AppSettings;
using arbor::ui::MainWindow;
using arbor::ui::McpTokenDialog;
using arbor::ui::OutboundRequestsEditor;
using arbor::ui::SettingsDialog;
using arbor::ui::TriggerEditorActionRow;

namespace tst_agentspage {

namespace {

const int TimeoutMs = 20000;
const qint64 Devnet = 31337;
const Address Identity = *Address::fromHex(u"0x8004000000000000000000000000000000000001"_s);
const Address Reputation = *Address::fromHex(u"0x8004000000000000000000000000000000000002"_s);
const Address Validation = *Address::fromHex(u"0x8004000000000000000000000000000000000003"_s);
const Address Owner = *Address::fromHex(u"0x1234567890abcdef1234567890abcdef12345678"_s);
const Address Client = *Address::fromHex(u"0xc11e000000000000000000000000000000000c11"_s);
const Address Validator = *Address::fromHex(u"0x7a11da7000000000000000000000000000000001"_s);
const QString FetchError = u"The server at agents.example answered HTTP 404 (Not Found) for https://agents.example/registrations/agent-2.json; "
                           "check the agentURI the agent registered"_s;

QByteArray registrationFile()
{
    const QJsonObject file{{u"type"_s, u"https://eips.ethereum.org/EIPS/eip-8004#registration-v1"_s},
                           {u"name"_s, u"Weather Bot"_s},
                           {u"description"_s, u"Forecasts for any city, by the hour"_s},
                           {u"image"_s, u"https://agents.example/weather.png"_s},
                           {u"services"_s, QJsonArray{QJsonObject{{u"name"_s, u"MCP"_s}, {u"endpoint"_s, u"https://weather.example/mcp"_s},
                                                                  {u"version"_s, u"2025-06-18"_s}},
                                                      QJsonObject{{u"name"_s, u"A2A"_s}, {u"endpoint"_s, u"https://weather.example/a2a"_s},
                                                                  {u"version"_s, u"0.3.0"_s}}}},
                           {u"active"_s, true},
                           {u"supportedTrust"_s, QJsonArray{u"reputation"_s}}};
    return QJsonDocument(file).toJson(QJsonDocument::Indented);
}

AgentEvent agentEvent(qint64 block, const Address &registry, RegistryKind kind, const QString &name, qint64 agentId)
{
    AgentEvent e;
    e.blockNumber = block;
    e.logIndex = 0;
    e.txHash = hashOf(block * 100, 9);
    e.registry = registry;
    e.kind = kind;
    e.event = name;
    e.agentId = U256(agentId);
    return e;
}

AgentEvent registered(qint64 block, qint64 agentId, const QString &uri)
{
    AgentEvent e = agentEvent(block, Identity, RegistryKind::Identity, u"Registered"_s, agentId);
    e.actor = Owner;
    e.uri = uri;
    return e;
}

AgentEvent feedback(qint64 block, qint64 agentId, qint64 index)
{
    AgentEvent e = agentEvent(block, Reputation, RegistryKind::Reputation, u"NewFeedback"_s, agentId);
    e.actor = Client;
    e.feedbackIndex = index;
    e.value = u"45"_s;
    e.valueDecimals = 1;
    e.tag1 = u"uptime"_s;
    return e;
}

AgentRecord record(qint64 agentId, const QString &uri)
{
    AgentRecord a;
    a.chainId = Devnet;
    a.registry = Identity;
    a.agentId = U256(agentId);
    a.owner = Owner;
    a.uri = uri;
    return a;
}

} // namespace

class TstAgentsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    // The model on its own.
    void modelShowsEachRegistrationState();
    void modelDiffsWithoutReset();
    void paneShowsTagAveragesAndLatestFeedback();

    // The page against the engine, in order.
    void tableShowsNamesErrorsAndTokens();
    void detailShowsServicesReputationAndValidations();
    void rawRegistrationIsShownAsFetched();
    void setMcpTokenWritesThroughTheService();
    void fetchAgainAsksTheEngine();
    void selectionSurvivesARead();
    void readOnlyConsoleCannotChange();

    // Settings › Requests.
    void settingsAllowAndRemoveHosts();
    void settingsSetAndClearTheGateway();

    // The trigger editor's MCP action.
    void editorRoundTripsVerifyFileHash();
    void editorTokenWaitsForTheAgentsOwnEndpoint();
    void editorListsTheServersTools();

private:
    AgentsPage *page() const { return m_window->findChild<AgentsPage *>(); }
    QTableView *table() const { return m_window->findChild<QTableView *>(u"agentTable"_s); }
    AgentDetailPane *pane() const { return m_window->findChild<AgentDetailPane *>(); }
    QString statusLine() const { return m_window->findChild<QLabel *>(u"agentsStatusLine"_s)->text(); }
    /// The cell of the agent `agentId` in `column`, as the table shows it.
    QModelIndex cell(qint64 agentId, int column) const;
    void selectAgent(qint64 agentId);
    QList<AgentRecord> agentsFromService() const;
    QString settingsFile(const QString &name) const { return m_home.filePath(name + u".conf"_s); }

    UiFixture m_home;
    QTranslator m_english;   // the plural forms the console loads: "4 agents", not "4 agent(s)"
    DatabaseUrl m_url;
    std::unique_ptr<Engine> m_engine;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<Store> m_store;
};

void TstAgentsPage::initTestCase()
{
    QVERIFY(m_home.isValid());
    m_home.setUp();
    QVERIFY(m_english.load(u":/i18n/arbor_en.qm"_s));
    QCoreApplication::installTranslator(&m_english);
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
    chain.name = u"devnet"_s;
    chain.rpcUrls = {QUrl(u"http://127.0.0.1:1"_s)};
    chain.startBlock = 0;
    chain.registries = {{RegistryKind::Identity, Identity}, {RegistryKind::Reputation, Reputation}, {RegistryKind::Validation, Validation}};
    EndpointRecord endpoint;
    endpoint.url = chain.rpcUrls.first();
    endpoint.status = EndpointStatus::Ok;
    Status s = ChainRegistry(*m_store).registerChain(chain, {endpoint}, evmEntities());
    QVERIFY2(s, why(s).constData());

    // Agent 1: a good file, three feedbacks (one revoked), a validation answered and one pending.
    // Agent 2: its file failed. Agent 3: fetched for its first agentURI, then it changed.
    // Agent 4: registered without an agentURI.
    IndexBatch batch;
    batch.chainId = Devnet;
    batch.from = 0;
    batch.to = 15;
    Hash parent;
    for (qint64 n = 0; n <= 15; ++n) {
        batch.headers.append(BlockHeader{n, hashOf(n), parent, 1700000000 + n * 12, 1, 21000});
        parent = hashOf(n);
    }
    AgentEvent uriUpdated = agentEvent(6, Identity, RegistryKind::Identity, u"URIUpdated"_s, 3);
    uriUpdated.actor = Owner;
    uriUpdated.uri = u"https://agents.example/3-v2.json"_s;
    AgentEvent revoked = agentEvent(9, Reputation, RegistryKind::Reputation, u"FeedbackRevoked"_s, 1);
    revoked.actor = Client;
    revoked.feedbackIndex = 1;
    AgentEvent request = agentEvent(10, Validation, RegistryKind::Validation, u"ValidationRequest"_s, 1);
    request.actor = Validator;
    request.requestHash = hashOf(10, 3);
    request.uri = u"https://validators.example/requests/1"_s;
    AgentEvent response = agentEvent(11, Validation, RegistryKind::Validation, u"ValidationResponse"_s, 1);
    response.actor = Validator;
    response.requestHash = hashOf(10, 3);
    response.response = 87;
    response.uri = u"https://validators.example/responses/1"_s;
    response.tag1 = u"soundness"_s;
    AgentEvent pending = agentEvent(12, Validation, RegistryKind::Validation, u"ValidationRequest"_s, 1);
    pending.actor = Validator;
    pending.requestHash = hashOf(12, 3);
    batch.agentEvents = {registered(1, 1, u"https://agents.example/1.json"_s),
                         registered(2, 2, u"https://agents.example/registrations/agent-2.json"_s),
                         registered(3, 3, u"https://agents.example/3.json"_s),
                         registered(4, 4, QString()),
                         uriUpdated,
                         feedback(7, 1, 1), feedback(8, 1, 2), revoked, feedback(13, 1, 3),
                         request, response, pending};
    auto promoted = IndexStore(*m_store).promote(batch, evmEntities());
    QVERIFY2(promoted, why(promoted).constData());

    // The files, as AgentService records a fetch.
    AgentStore agents(*m_store);
    const auto parsed = parseRegistrationFile(registrationFile());
    QVERIFY2(parsed, why(parsed).constData());
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    RegistrationFetch good;
    good.due = {Devnet, Identity, U256(1), u"https://agents.example/1.json"_s, 0};
    good.at = now;
    good.registration = registrationToJson(*parsed);
    good.raw = registrationFile();
    good.nextFetchAt = now + 24LL * 3600000;
    s = agents.recordRegistration(good);
    QVERIFY2(s, why(s).constData());
    RegistrationFetch failed;
    failed.due = {Devnet, Identity, U256(2), u"https://agents.example/registrations/agent-2.json"_s, 0};
    failed.at = now;
    failed.error = FetchError;
    failed.nextFetchAt = now + 300000;
    s = agents.recordRegistration(failed);
    QVERIFY2(s, why(s).constData());
    RegistrationFetch older = good;
    older.due = {Devnet, Identity, U256(3), u"https://agents.example/3.json"_s, 0};
    s = agents.recordRegistration(older);
    QVERIFY2(s, why(s).constData());
    s = agents.setMcpToken(Devnet, U256(2), SecretRef{SecretRef::Source::Env, u"AGENT_2_MCP"_s});
    QVERIFY2(s, why(s).constData());

    QTRY_VERIFY_WITH_TIMEOUT(!m_engine->chains()->snapshot().isEmpty(), TimeoutMs);
    QApplication::setActiveWindow(m_window.get());
    QTest::keyClick(m_window.get(), Qt::Key_6, Qt::ControlModifier);
    QTRY_VERIFY(page() && page()->isVisible());
}

void TstAgentsPage::cleanupTestCase()
{
    m_store.reset();
    m_window.reset();
    m_engine.reset();
}

QModelIndex TstAgentsPage::cell(qint64 agentId, int column) const
{
    QAbstractItemModel *model = table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, column);
        if (index.data(AgentListModel::AgentIdRole).toString() == QString::number(agentId))
            return index;
    }
    return {};
}

void TstAgentsPage::selectAgent(qint64 agentId)
{
    const QModelIndex index = cell(agentId, AgentListModel::IdColumn);
    QVERIFY(index.isValid());
    table()->selectRow(index.row());
}

QList<AgentRecord> TstAgentsPage::agentsFromService() const
{
    auto agents = waitFor(m_engine->agents()->agents(ChainRef{Devnet, {}}));
    if (!agents) {
        QTest::qFail(qPrintable(u"reading the agents failed: "_s + agents.error().toString()), __FILE__, __LINE__);
        return {};
    }
    return *agents;
}

void TstAgentsPage::modelShowsEachRegistrationState()
{
    AgentRecord ok = record(1, u"https://agents.example/1.json"_s);
    ok.resolved = AgentRegistrationState{ok.uri, registrationToJson(*parseRegistrationFile(registrationFile())), QString(), 1700000000000, 0, 0};
    ok.reputation.feedbackCount = 3;
    ok.reputation.revokedCount = 1;
    ok.mcpToken = SecretRef{SecretRef::Source::Keychain, u"weather-mcp"_s};
    AgentRecord failed = record(2, u"https://agents.example/2.json"_s);
    failed.resolved = AgentRegistrationState{failed.uri, std::nullopt, FetchError, 1700000000000, 1700000300000, 2};
    AgentRecord moved = record(3, u"https://agents.example/3-v2.json"_s);
    moved.resolved = ok.resolved;   // fetched for its first agentURI: no longer its file
    moved.resolved->uri = u"https://agents.example/3.json"_s;
    AgentRecord bare = record(4, QString());

    AgentListModel model;
    model.update({ok, failed, moved, bare});
    const auto text = [&model](int row, int column, int role = Qt::DisplayRole) { return model.index(row, column).data(role).toString(); };
    QCOMPARE(text(0, AgentListModel::NameColumn), u"Weather Bot"_s);
    QCOMPARE(text(0, AgentListModel::ServicesColumn), u"MCP, A2A"_s);
    QVERIFY(text(0, AgentListModel::ServicesColumn, Qt::ToolTipRole).contains(u"MCP: https://weather.example/mcp (version 2025-06-18)"_s));
    QCOMPARE(text(0, AgentListModel::ActiveColumn), u"yes"_s);
    QCOMPARE(text(0, AgentListModel::FeedbackColumn), u"3 (1 revoked)"_s);
    QCOMPARE(text(0, AgentListModel::RegistrationColumn), u"ok"_s);
    QCOMPARE(text(0, AgentListModel::TokenColumn), u"keychain:weather-mcp"_s);
    QCOMPARE(text(0, AgentListModel::OwnerColumn), Owner.toChecksumHex());

    QCOMPARE(text(1, AgentListModel::NameColumn), u"—"_s);
    QCOMPARE(text(1, AgentListModel::RegistrationColumn), FetchError);
    QVERIFY(model.index(1, 0).data(AgentListModel::FailedRole).toBool());
    QVERIFY2(text(1, AgentListModel::RegistrationColumn, Qt::ToolTipRole).contains(FetchError),
             qPrintable(text(1, AgentListModel::RegistrationColumn, Qt::ToolTipRole)));
    QVERIFY(text(1, AgentListModel::RegistrationColumn, Qt::ToolTipRole).contains(u"2 failures in a row"_s));
    QCOMPARE(text(1, AgentListModel::TokenColumn), u"none"_s);
    QCOMPARE(text(1, AgentListModel::FeedbackColumn), u"0"_s);

    QCOMPARE(text(2, AgentListModel::RegistrationColumn), u"not fetched yet"_s);
    QCOMPARE(text(2, AgentListModel::NameColumn), u"—"_s);   // the old agentURI's name is not this one's
    QCOMPARE(text(3, AgentListModel::RegistrationColumn), u"no agentURI"_s);
}

void TstAgentsPage::modelDiffsWithoutReset()
{
    AgentListModel model;
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    AgentRecord a = record(1, u"https://agents.example/1.json"_s);
    AgentRecord b = record(2, u"https://agents.example/2.json"_s);
    model.update({a, b});
    QCOMPARE(inserted.size(), 1);
    model.update({a, b});
    QCOMPARE(changed.size(), 0);   // nothing changed, nothing said
    b.mcpToken = SecretRef{SecretRef::Source::Keychain, u"b"_s};
    model.update({a, b});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().row(), 1);
    QCOMPARE(model.index(1, AgentListModel::TokenColumn).data().toString(), u"keychain:b"_s);
    QCOMPARE(reset.size(), 0);
}

void TstAgentsPage::paneShowsTagAveragesAndLatestFeedback()
{
    // What the reputation store is to fill in: shown when it is there.
    AgentRecord agent = record(5, u"https://agents.example/5.json"_s);
    agent.reputation.feedbackCount = 4;
    agent.reputation.revokedCount = 1;
    agent.reputation.tags = {{u"uptime"_s, 2, u"4.25"_s, u"8.5"_s}, {QString(), 1, u"-1"_s, u"-1"_s}};
    FeedbackSummary feedback;
    feedback.client = Client.toChecksumHex();
    feedback.value = u"4.5"_s;
    feedback.tag1 = u"uptime"_s;
    feedback.tag2 = u"eu"_s;
    feedback.blockNumber = 1234;
    feedback.txHash = hashOf(1234).toHex();
    feedback.revoked = true;
    feedback.feedbackUri = u"https://clients.example/feedback/9.json"_s;
    agent.reputation.latest = feedback;
    AgentDetailPane pane;
    pane.show();
    pane.showAgent(agent);
    auto *tags = pane.findChild<QTreeWidget *>(u"agentTagAverages"_s);
    QVERIFY(!tags->isHidden());
    QCOMPARE(tags->topLevelItemCount(), 2);
    QCOMPARE(tags->topLevelItem(0)->text(0), u"uptime"_s);
    QCOMPARE(tags->topLevelItem(0)->text(1), u"2"_s);
    QCOMPARE(tags->topLevelItem(0)->text(2), u"4.25"_s);
    QCOMPARE(tags->topLevelItem(1)->text(0), u"(no tag)"_s);
    auto *latest = pane.findChild<QLabel *>(u"agentLatestFeedback"_s);
    QVERIFY(!latest->isHidden());
    QCOMPARE(latest->text(), u"Latest: 4.5 from %1 at block 1,234, tagged uptime, eu. It was revoked.\nFeedback file: https://clients.example/feedback/9.json"_s
                                 .arg(Client.toChecksumHex()));
    QCOMPARE(pane.findChild<QLabel *>(u"agentFeedbackSummary"_s)->text(), u"Feedback received: 4, of which 1 revoked."_s);
}

void TstAgentsPage::tableShowsNamesErrorsAndTokens()
{
    QTRY_COMPARE_WITH_TIMEOUT(table()->model()->rowCount(), 4, TimeoutMs);
    QCOMPARE(page()->chainId(), Devnet);
    QCOMPARE(cell(1, AgentListModel::NameColumn).data().toString(), u"Weather Bot"_s);
    QCOMPARE(cell(1, AgentListModel::ServicesColumn).data().toString(), u"MCP, A2A"_s);
    QCOMPARE(cell(1, AgentListModel::FeedbackColumn).data().toString(), u"3 (1 revoked)"_s);
    QCOMPARE(cell(1, AgentListModel::RegistrationColumn).data().toString(), u"ok"_s);
    QCOMPARE(cell(1, AgentListModel::TokenColumn).data().toString(), u"none"_s);

    // The error in full in the tooltip; the column is narrower than it, so it is elided there.
    QCOMPARE(cell(2, AgentListModel::RegistrationColumn).data().toString(), FetchError);
    QVERIFY(cell(2, AgentListModel::RegistrationColumn).data(Qt::ToolTipRole).toString().contains(FetchError));
    QVERIFY(table()->columnWidth(AgentListModel::RegistrationColumn) < table()->fontMetrics().horizontalAdvance(FetchError));
    QCOMPARE(cell(2, AgentListModel::TokenColumn).data().toString(), u"env:AGENT_2_MCP"_s);
    QCOMPARE(cell(2, AgentListModel::NameColumn).data().toString(), u"—"_s);

    QCOMPARE(cell(3, AgentListModel::RegistrationColumn).data().toString(), u"not fetched yet"_s);
    QCOMPARE(cell(4, AgentListModel::RegistrationColumn).data().toString(), u"no agentURI"_s);

    auto *summary = m_window->findChild<QLabel *>(u"agentsSummary"_s);
    QVERIFY2(summary->text().contains(u"4 agents."_s), qPrintable(summary->text()));
    QVERIFY2(summary->text().contains(u"1 read, 1 failed, 1 not fetched yet"_s), qPrintable(summary->text()));
}

void TstAgentsPage::detailShowsServicesReputationAndValidations()
{
    selectAgent(1);
    QVERIFY(pane()->isVisible());
    auto *title = pane()->findChild<QLabel *>(u"agentDetailTitle"_s);
    QTRY_COMPARE(title->text(), u"Agent 1 — Weather Bot"_s);
    QCOMPARE(pane()->findChild<QLabel *>(u"agentDetailDescription"_s)->text(), u"Forecasts for any city, by the hour"_s);
    // The image is its address, as text.
    auto *image = pane()->findChild<QLabel *>(u"agentDetailImage"_s);
    QCOMPARE(image->text(), u"https://agents.example/weather.png"_s);
    QCOMPARE(image->textFormat(), Qt::PlainText);
    QCOMPARE(pane()->findChild<QLabel *>(u"agentDetailActive"_s)->text(), u"yes"_s);

    auto *services = pane()->findChild<QTreeWidget *>(u"agentServices"_s);
    QCOMPARE(services->topLevelItemCount(), 2);
    QCOMPARE(services->topLevelItem(0)->text(0), u"MCP"_s);
    QCOMPARE(services->topLevelItem(0)->text(1), u"https://weather.example/mcp"_s);
    QCOMPARE(services->topLevelItem(0)->text(2), u"2025-06-18"_s);
    QVERIFY(services->topLevelItem(0)->toolTip(0).contains(u"own endpoint"_s));
    QCOMPARE(services->topLevelItem(1)->text(0), u"A2A"_s);
    QCOMPARE(services->topLevelItem(1)->text(2), u"0.3.0"_s);

    // Counts today; the per-tag averages and the latest feedback read well without them.
    auto *feedback = pane()->findChild<QLabel *>(u"agentFeedbackSummary"_s);
    QCOMPARE(feedback->text(), u"Feedback received: 3, of which 1 revoked."_s);
    QVERIFY(!pane()->findChild<QTreeWidget *>(u"agentTagAverages"_s)->isVisibleTo(pane()));
    QVERIFY(!pane()->findChild<QLabel *>(u"agentLatestFeedback"_s)->isVisibleTo(pane()));

    auto *validations = pane()->findChild<QTreeWidget *>(u"agentValidations"_s);
    QTRY_COMPARE(validations->topLevelItemCount(), 2);
    QCOMPARE(validations->topLevelItem(0)->text(0), Validator.toChecksumHex());
    QCOMPARE(validations->topLevelItem(0)->text(2), u"responded: 87"_s);
    QCOMPARE(validations->topLevelItem(0)->text(3), u"soundness"_s);
    QVERIFY(validations->topLevelItem(0)->toolTip(1).contains(u"https://validators.example/requests/1"_s));
    QCOMPARE(validations->topLevelItem(1)->text(2), u"pending"_s);

    // Another agent: its own validations (none), never the last one's.
    selectAgent(2);
    QTRY_COMPARE(title->text(), u"Agent 2"_s);
    QCOMPARE(validations->topLevelItemCount(), 0);
    QVERIFY(!pane()->findChild<QLabel *>(u"agentNoValidations"_s)->isHidden());
    QVERIFY(pane()->findChild<QLabel *>(u"agentDetailRegistration"_s)->text().contains(u"HTTP 404"_s));
    QCOMPARE(pane()->findChild<QLabel *>(u"agentDetailToken"_s)->text(), u"env:AGENT_2_MCP"_s);
    QCOMPARE(feedback->text(), u"No feedback yet."_s);
}

void TstAgentsPage::rawRegistrationIsShownAsFetched()
{
    selectAgent(2);
    QTRY_VERIFY(!page()->showRawAction()->isEnabled());   // nothing fetched successfully
    QVERIFY(page()->showRawAction()->toolTip().contains(u"has been fetched yet"_s));

    selectAgent(1);
    QTRY_VERIFY(page()->showRawAction()->isEnabled());
    page()->showRawAction()->trigger();
    QPointer<QDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<QDialog *>(u"rawRegistrationDialog"_s)) && dialog->isVisible());
    auto *text = dialog->findChild<QPlainTextEdit *>(u"rawRegistrationText"_s);
    QVERIFY(text->isReadOnly());
    QCOMPARE(text->toPlainText(), QString::fromUtf8(registrationFile()));
    dialog->reject();
    QTRY_VERIFY(!dialog);
}

void TstAgentsPage::setMcpTokenWritesThroughTheService()
{
    QSettings().setValue(u"secrets/names"_s, QStringList{u"other-mcp"_s, u"weather-mcp"_s});   // as NamedSecrets::set remembers them
    selectAgent(1);
    QTRY_VERIFY(page()->setTokenAction()->isEnabled());
    page()->setTokenAction()->trigger();
    QPointer<McpTokenDialog> dialog;
    QTRY_VERIFY((dialog = m_window->findChild<McpTokenDialog *>()) && dialog->isVisible());
    auto *set = dialog->findChild<QPushButton *>(u"mcpTokenSetButton"_s);
    auto *clear = dialog->findChild<QPushButton *>(u"mcpTokenClearButton"_s);
    auto *message = dialog->findChild<QLabel *>(u"mcpTokenMessage"_s);
    QVERIFY(!clear->isEnabled());   // no token to clear yet
    QVERIFY(!set->isEnabled());

    // A pasted secret is refused in the dialog and nothing is written.
    dialog->referenceCombo()->setEditText(u"sk-live-0123456789abcdef"_s);
    QTest::mouseClick(set, Qt::LeftButton);
    QTRY_VERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"keychain:"_s), qPrintable(message->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(!agentsFromService().first().mcpToken);

    // Picked from the keychain names stored through Arbor.
    const int stored = dialog->referenceCombo()->findText(u"keychain:weather-mcp"_s);
    QVERIFY2(stored >= 0, "the stored keychain names are offered");
    dialog->referenceCombo()->setCurrentIndex(stored);
    QCOMPARE(dialog->referenceCombo()->currentText(), u"keychain:weather-mcp"_s);
    QTest::mouseClick(set, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, TimeoutMs);
    // agentsChanged: the page reads again and shows it.
    QTRY_COMPARE_WITH_TIMEOUT(cell(1, AgentListModel::TokenColumn).data().toString(), u"keychain:weather-mcp"_s, TimeoutMs);
    QVERIFY2(statusLine().contains(u"now send keychain:weather-mcp"_s), qPrintable(statusLine()));
    const QList<AgentRecord> agents = agentsFromService();
    QCOMPARE(agents.first().agentId, U256(1));
    QVERIFY(agents.first().mcpToken);
    QCOMPARE(agents.first().mcpToken->toString(), u"keychain:weather-mcp"_s);

    // Cleared again.
    page()->setTokenAction()->trigger();
    QTRY_VERIFY((dialog = m_window->findChild<McpTokenDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->referenceCombo()->currentText(), u"keychain:weather-mcp"_s);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"mcpTokenClearButton"_s), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, TimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(cell(1, AgentListModel::TokenColumn).data().toString(), u"none"_s, TimeoutMs);
    QVERIFY(!agentsFromService().first().mcpToken);
}

void TstAgentsPage::fetchAgainAsksTheEngine()
{
    selectAgent(2);
    QTRY_VERIFY(page()->fetchAgainAction()->isEnabled());
    page()->fetchAgainAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(statusLine().contains(u"will be fetched again"_s), TimeoutMs);
    auto agents = AgentStore(*m_store).agents(Devnet);
    QVERIFY2(agents, why(agents).constData());
    QCOMPARE(agents->at(1).agentId, U256(2));
    QCOMPARE(agents->at(1).resolved->nextFetchAt, 0);   // due now
    QVERIFY(agents->at(0).resolved->nextFetchAt > 0);   // the others wait

    // An agent without an agentURI has nothing to fetch.
    selectAgent(4);
    QTRY_VERIFY(!page()->fetchAgainAction()->isEnabled());
    QVERIFY(page()->fetchAgainAction()->toolTip().contains(u"no agentURI"_s));

    page()->fetchAllAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(statusLine().startsWith(u"3 registration files will be fetched again"_s), TimeoutMs);
}

void TstAgentsPage::selectionSurvivesARead()
{
    selectAgent(3);
    auto *model = m_window->findChild<AgentListModel *>();
    QVERIFY(model);
    QSignalSpy reset(model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    // Another agent changes (a token set elsewhere, as by arborctl through the same service).
    auto set = waitFor(m_engine->agents()->setMcpToken(ChainRef{Devnet, {}}, U256(4), SecretRef{SecretRef::Source::File, u"/run/agent-4"_s}));
    QVERIFY2(set, why(set).constData());
    QTRY_COMPARE_WITH_TIMEOUT(cell(4, AgentListModel::TokenColumn).data().toString(), u"file:/run/agent-4"_s, TimeoutMs);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(removed.size(), 0);
    const QModelIndexList selected = table()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(selected.first().data(AgentListModel::AgentIdRole).toString(), u"3"_s);
    QCOMPARE(pane()->findChild<QLabel *>(u"agentDetailTitle"_s)->text(), u"Agent 3"_s);
}

void TstAgentsPage::readOnlyConsoleCannotChange()
{
    EngineOptions options = UiFixture::engineOptions(m_url);
    options.lease = EngineOptions::Lease::ReadOnlyIfHeld;
    auto [reader, started] = UiFixture::startEngine(options);
    QVERIFY2(started, why(started).constData());
    QVERIFY(reader->isReadOnly());
    AgentsPage watching(reader.get()->agents(), reader.get()->chains());
    watching.show();
    auto *view = watching.findChild<QTableView *>(u"agentTable"_s);
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->rowCount(), 4, TimeoutMs);
    view->selectRow(0);
    QTRY_VERIFY(watching.showRawAction()->isEnabled());   // reading is fine
    for (QAction *action : {watching.setTokenAction(), watching.fetchAgainAction(), watching.fetchAllAction()}) {
        QVERIFY2(!action->isEnabled(), qPrintable(action->objectName()));
        QVERIFY2(action->toolTip().startsWith(u"Read-only:"_s), qPrintable(action->toolTip()));
    }
}

void TstAgentsPage::settingsAllowAndRemoveHosts()
{
    AppSettings settings(settingsFile(u"outbound"_s));
    SettingsDialog dialog(settings);
    dialog.setServices(m_engine.get()->stats(), m_engine.get()->database(), m_engine.get()->agents());
    dialog.show();
    auto *tabs = dialog.findChild<QTabWidget *>(u"settingsTabs"_s);
    tabs->setCurrentIndex(SettingsDialog::OutboundPage);
    OutboundRequestsEditor *editor = dialog.outboundEditor();
    QVERIFY(editor->isVisible());
    QListWidget *hosts = editor->hostList();
    auto *add = editor->findChild<QPushButton *>(u"outboundAddButton"_s);
    auto *remove = editor->findChild<QPushButton *>(u"outboundRemoveButton"_s);
    auto *message = editor->findChild<QLabel *>(u"outboundHostMessage"_s);
    QTRY_VERIFY(editor->hostEdit()->isEnabled());
    QCOMPARE(hosts->count(), 0);
    QVERIFY(!add->isEnabled());

    // A URL where a host belongs: refused under the field, nothing added.
    QTest::keyClicks(editor->hostEdit(), u"http://127.0.0.1:8080/files"_s);
    QVERIFY(add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && !message->text().isEmpty(), TimeoutMs);
    QVERIFY2(message->text().contains(u"http://127.0.0.1:8080/files"_s), qPrintable(message->text()));
    QCOMPARE(hosts->count(), 0);
    auto stored = waitFor(m_engine->agents()->outboundHosts());
    QVERIFY2(stored, why(stored).constData());
    QVERIFY(stored->isEmpty());

    // A host: allowed, listed, stored.
    editor->hostEdit()->clear();
    QTest::keyClicks(editor->hostEdit(), u"127.0.0.1"_s);
    QTest::keyClick(editor->hostEdit(), Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(hosts->count(), 1, TimeoutMs);
    QCOMPARE(hosts->item(0)->text(), u"127.0.0.1"_s);
    QVERIFY(editor->hostEdit()->text().isEmpty());
    QVERIFY2(message->text().contains(u"may now reach 127.0.0.1"_s), qPrintable(message->text()));
    stored = waitFor(m_engine->agents()->outboundHosts());
    QCOMPARE(*stored, QStringList{u"127.0.0.1"_s});

    // Removed again.
    QVERIFY(!remove->isEnabled());
    hosts->setCurrentRow(0);
    QVERIFY(remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(hosts->count(), 0, TimeoutMs);
    stored = waitFor(m_engine->agents()->outboundHosts());
    QVERIFY(stored->isEmpty());
    dialog.reject();
}

void TstAgentsPage::settingsSetAndClearTheGateway()
{
    AppSettings settings(settingsFile(u"gateway"_s));
    SettingsDialog dialog(settings);
    dialog.setServices(m_engine.get()->stats(), m_engine.get()->database(), m_engine.get()->agents());
    dialog.show();
    dialog.findChild<QTabWidget *>(u"settingsTabs"_s)->setCurrentIndex(SettingsDialog::OutboundPage);
    OutboundRequestsEditor *editor = dialog.outboundEditor();
    auto *apply = editor->findChild<QPushButton *>(u"ipfsGatewayApplyButton"_s);
    auto *clear = editor->findChild<QPushButton *>(u"ipfsGatewayClearButton"_s);
    auto *message = editor->findChild<QLabel *>(u"ipfsGatewayMessage"_s);
    QTRY_VERIFY(apply->isEnabled());

    QTest::keyClicks(editor->gatewayEdit(), u"ftp://gateway.example"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), TimeoutMs);
    QVERIFY2(message->text().contains(u"is not an http(s) URL"_s), qPrintable(message->text()));
    QCOMPARE(*waitFor(m_engine->agents()->ipfsGateway()), QString());

    editor->gatewayEdit()->clear();
    QTest::keyClicks(editor->gatewayEdit(), u"https://gateway.example"_s);
    QTest::mouseClick(apply, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(editor->gatewayEdit()->text(), u"https://gateway.example/ipfs/"_s, TimeoutMs);
    QCOMPARE(*waitFor(m_engine->agents()->ipfsGateway()), u"https://gateway.example/ipfs/"_s);
    QVERIFY2(message->text().contains(u"fetched through https://gateway.example/ipfs/"_s), qPrintable(message->text()));

    QTest::mouseClick(clear, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(editor->gatewayEdit()->text().isEmpty(), TimeoutMs);
    QCOMPARE(*waitFor(m_engine->agents()->ipfsGateway()), QString());
    dialog.reject();
}

void TstAgentsPage::editorRoundTripsVerifyFileHash()
{
    TriggerEditorActionRow row;
    auto *type = row.findChild<QComboBox *>(u"actionType"_s);
    type->setCurrentIndex(type->findData(int(ActionType::Mcp)));
    auto *resolve = row.findChild<QCheckBox *>(u"mcpResolveEndpoint"_s);
    auto *verify = row.findChild<QCheckBox *>(u"mcpVerifyFileHash"_s);
    QVERIFY(resolve && verify);
    QVERIFY(resolve->text().contains(u"registration file"_s));
    QVERIFY(!resolve->toolTip().isEmpty());
    QVERIFY(verify->toolTip().contains(u"feedbackHash"_s));
    QCOMPARE(row.fieldWidget(u"verifyFileHash"_s), verify);

    resolve->setChecked(true);
    verify->setChecked(true);
    row.findChild<QLineEdit *>(u"mcpTool"_s)->setText(u"agent.receiveFeedback"_s);
    auto json = row.toJson(u"actions[0]"_s, 1);
    QVERIFY2(json, why(json).constData());
    QCOMPARE(json->value(u"verifyFileHash"_s), QJsonValue(true));
    QCOMPARE(json->value(u"resolveEndpoint"_s), QJsonValue(true));
    auto parsed = parseAction(*json, u"actions[0]"_s);
    QVERIFY2(parsed, why(parsed).constData());
    QVERIFY(parsed->verifyFileHash);
    QVERIFY(parsed->resolveEndpoint);

    // Read back into a fresh row: both boxes ticked; unticked, the key is left out.
    TriggerEditorActionRow loaded;
    loaded.setAction(*parsed);
    QVERIFY(loaded.findChild<QCheckBox *>(u"mcpVerifyFileHash"_s)->isChecked());
    QVERIFY(loaded.findChild<QCheckBox *>(u"mcpResolveEndpoint"_s)->isChecked());
    loaded.findChild<QCheckBox *>(u"mcpVerifyFileHash"_s)->setChecked(false);
    json = loaded.toJson(u"actions[0]"_s, 1);
    QVERIFY2(json, why(json).constData());
    QVERIFY(!json->contains(u"verifyFileHash"_s));

    // An alert rule's MCP action has no feedback file to verify.
    TriggerEditorActionRow alert;
    alert.useAlertTemplates();
    QVERIFY(!alert.findChild<QCheckBox *>(u"mcpVerifyFileHash"_s)->isVisibleTo(&alert));
}

void TstAgentsPage::editorTokenWaitsForTheAgentsOwnEndpoint()
{
    TriggerEditorActionRow row;
    auto *type = row.findChild<QComboBox *>(u"actionType"_s);
    type->setCurrentIndex(type->findData(int(ActionType::Mcp)));
    auto *resolve = row.findChild<QCheckBox *>(u"mcpResolveEndpoint"_s);
    auto *token = row.findChild<arbor::ui::SecretField *>(u"mcpToken"_s);
    QVERIFY(token);
    QVERIFY(token->isEnabled());
    token->setReference(u"keychain:shared-mcp"_s);
    row.findChild<QLineEdit *>(u"mcpUrl"_s)->setText(u"https://mcp.example/"_s);
    row.findChild<QLineEdit *>(u"mcpTool"_s)->setText(u"notify"_s);
    auto json = row.toJson(u"actions[0]"_s, 1);
    QVERIFY2(json, why(json).constData());
    QCOMPARE(json->value(u"token"_s).toString(), u"keychain:shared-mcp"_s);

    resolve->setChecked(true);
    QVERIFY(!token->isEnabled());
    QVERIFY2(token->toolTip().contains(u"Agents page"_s), qPrintable(token->toolTip()));
    // The token field waits: what it holds is not sent, so the action is valid as it stands.
    json = row.toJson(u"actions[0]"_s, 1);
    QVERIFY2(json, why(json).constData());
    QVERIFY(!json->contains(u"token"_s));
    QVERIFY(!json->contains(u"url"_s));
    auto parsed = parseAction(*json, u"actions[0]"_s);
    QVERIFY2(parsed, why(parsed).constData());

    resolve->setChecked(false);
    QVERIFY(token->isEnabled());
    QCOMPARE(token->reference(), u"keychain:shared-mcp"_s);
}

// List Tools on the MCP page: the engine asks the official SDK's server with the token the
// reference names, and the Tool field completes what it offers.
void TstAgentsPage::editorListsTheServersTools()
{
    ARBOR_REQUIRE_SDK_MCP_SERVER();
    SdkMcpServer::Options options;
    options.requiredToken = u"list-token-789"_s;
    SdkMcpServer server(options);
    QString error;
    QVERIFY2(server.start(&error), qPrintable(error));
    qputenv("ARBOR_TEST_LIST_TOKEN", "list-token-789");

    TriggerEditorActionRow row;
    auto *type = row.findChild<QComboBox *>(u"actionType"_s);
    type->setCurrentIndex(type->findData(int(ActionType::Mcp)));
    auto *list = row.findChild<QPushButton *>(u"mcpListTools"_s);
    QVERIFY(list);
    QVERIFY2(!list->isVisibleTo(&row), "no lister yet");
    row.setToolLister([engine = m_engine.get()](const QUrl &url, const std::optional<SecretRef> &token, int timeoutMs) {
        return engine->triggers()->listMcpTools(url, token, timeoutMs);
    });
    QVERIFY(list->isVisibleTo(&row));
    QVERIFY2(!list->isEnabled(), "no URL yet");
    row.findChild<QLineEdit *>(u"mcpUrl"_s)->setText(server.url().toString());
    QVERIFY(list->isEnabled());
    row.findChild<arbor::ui::SecretField *>(u"mcpToken"_s)->setReference(u"env:ARBOR_TEST_LIST_TOKEN"_s);
    row.findChild<QLineEdit *>(u"mcpTool"_s)->setText(u"nosuch"_s);

    QTest::mouseClick(list, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(row.listedTools().size(), 2, TimeoutMs);
    QStringList names = row.listedTools();
    names.sort();
    QCOMPARE(names, (QStringList{u"agent.receiveFeedback"_s, u"echo"_s}));
    const QString said = row.findChild<QLabel *>(u"actionError"_s) ? row.findChild<QLabel *>(u"actionError"_s)->text() : QString();
    QVERIFY2(said.contains(u"Connected (MCP 2025-11-25)"_s) && said.contains(u"no tool named “nosuch”"_s), qPrintable(said));
    QVERIFY(row.findChild<QLineEdit *>(u"mcpTool"_s)->completer());
    QVERIFY(server.calls().isEmpty());

    // A wrong token: said, not echoed.
    qputenv("ARBOR_TEST_WRONG_TOKEN", "wrong-token-000");
    row.findChild<arbor::ui::SecretField *>(u"mcpToken"_s)->setReference(u"env:ARBOR_TEST_WRONG_TOKEN"_s);
    QTest::mouseClick(list, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(row.findChild<QLabel *>(u"actionError"_s)->text().startsWith(u"No connection"_s), TimeoutMs);
    const QString refused = row.findChild<QLabel *>(u"actionError"_s)->text();
    QVERIFY2(refused.contains(u"401"_s) && !refused.contains(u"wrong-token-000"_s), qPrintable(refused));
    qunsetenv("ARBOR_TEST_LIST_TOKEN");
    qunsetenv("ARBOR_TEST_WRONG_TOKEN");
}

} // namespace tst_agentspage

ARBOR_TEST_MAIN(agentspage, tst_agentspage::TstAgentsPage)
#include "tst_agentspage.moc"

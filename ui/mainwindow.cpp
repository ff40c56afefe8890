#include "mainwindow.h"

#include "alertcounttext.h"
#include "appsettings.h"
#include "desktopnotifier.h"
#include "dialogs/addchainwizard.h"
#include "dialogs/alertrulesdialog.h"
#include "dialogs/backupdialog.h"
#include "dialogs/restoredialog.h"
#include "engine/alertservice.h"
#include "engine/chainservice.h"
#include "engine/engine.h"
#include "engine/indexingservice.h"
#include "engine/rosterservice.h"
#include "models/chainlistmodel.h"
#include "pages/agentspage.h"
#include "pages/balancespage.h"
#include "pages/chaindetailpage.h"
#include "pages/chainspage.h"
#include "pages/databasepage.h"
#include "pages/overviewpage.h"
#include "pages/queuepage.h"
#include "pages/triggerspage.h"
#include "pages/welcomepage.h"
#include "services/devnetrecovery.h"
#include "widgets/emptystate.h"
#include "widgets/logpanel.h"
#include "widgets/pagehost.h"
#include "widgets/readonlybanner.h"
#include "widgets/screenfit.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace arbor::ui {

MainWindow::MainWindow(Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_model(new ChainListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_alertMonitor(engine->alerts()->monitor())
    , m_actions(this)
{
    Q_ASSERT(engine);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Arbor"));

    m_notifier = new DesktopNotifier(this, this);
    connect(m_notifier, &DesktopNotifier::activated, this, &MainWindow::showAlertsPanel);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ChainListModel::SortRole);
    m_proxy->setDynamicSortFilter(true);

    createActions();
    createCentralWidget();
    createStatusBar();

    connect(m_engine->chains(), &ChainService::chainsChanged, this, &MainWindow::onChainsChanged);
    connect(m_engine, &Engine::stateChanged, this, &MainWindow::applyEngineState);
    connect(m_engine->chains(), &ChainService::deletionProgress, this, [this](qint64 chainId, int step, const QString &name, bool done) {
        if (!done)
            statusBar()->showMessage(tr("Deleting chain %1: step %2, %3…").arg(chainId).arg(step).arg(name));
    });
    connect(m_engine->indexing(), &IndexingService::chainStatusChanged, this, &MainWindow::onChainStatuses);
    // The Engine feeds the monitor (chains, statuses, queue health, reorgs) before these run.
    connect(m_alertMonitor, &AlertMonitor::alertRaised, this, &MainWindow::onAlertRaised);
    connect(m_alertMonitor, &AlertMonitor::alertCleared, m_logPanel, &LogPanel::alertCleared);
    connect(m_alertMonitor, &AlertMonitor::alertCleared, this, &MainWindow::updateAlertSummary);
    connect(m_alertMonitor, &AlertMonitor::alertAcknowledged, m_logPanel, &LogPanel::alertAcknowledged);
    connect(m_alertMonitor, &AlertMonitor::alertAcknowledged, this, &MainWindow::updateAlertSummary);
    connect(m_logPanel, &LogPanel::acknowledgeRequested, this, &MainWindow::acknowledgeAlert);
    connect(m_logPanel, &LogPanel::alertRulesRequested, this, &MainWindow::openAlertRules);
    m_tick.setObjectName(QStringLiteral("consoleTick"));
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, [this] { onChainStatuses(m_engine->indexing()->chainStatuses()); });
    m_tick.start();
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);

    readSettings();
    onPageChanged();   // restoreState() may have hidden the chain toolbar on another page
    m_model->update(m_engine->chains()->snapshot());
    applyEngineState(m_engine->state());
}

MainWindow::~MainWindow() = default;

ChainDetailPage *MainWindow::detailPage()
{
    m_detailHost->page();
    return m_detailPage;
}

void MainWindow::createActions()
{
    connect(m_actions.addChain(), &QAction::triggered, this, &MainWindow::openAddChainWizard);
    connect(m_actions.details(), &QAction::triggered, this, &MainWindow::showSelectedDetails);
    connect(m_actions.resync(), &QAction::triggered, this, &MainWindow::openResyncDialog);
    connect(m_actions.reindex(), &QAction::triggered, this, &MainWindow::openReindexDialog);
    connect(m_actions.editChain(), &QAction::triggered, this, [this] { openEditChainDialog(); });
    connect(m_actions.settings(), &QAction::triggered, this, &MainWindow::openSettings);
    connect(m_actions.alertRules(), &QAction::triggered, this, &MainWindow::openAlertRules);
    connect(m_actions.pause(), &QAction::triggered, this, [this] { setSelectedPaused(true); });
    connect(m_actions.backupDatabase(), &QAction::triggered, this, [this] {
        auto *dialog = new BackupDialog(m_engine->database(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    connect(m_actions.restoreDatabase(), &QAction::triggered, this, [this] {
        auto *dialog = new RestoreDialog(m_engine->database(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &RestoreDialog::switchRequested, this, [this, dialog](const QString &url) {
            if (!m_settings)
                return;
            if (Status chosen = m_settings->setDatabase(url); !chosen) {
                QMessageBox::warning(this, tr("Restore Database"), tr("Cannot switch to %1: %2").arg(url, chosen.error().message));
                return;
            }
            dialog->close();
            Q_EMIT databaseSwitchRequested();
        });
        dialog->open();
    });
    connect(m_actions.resume(), &QAction::triggered, this, [this] { setSelectedPaused(false); });
    connect(m_actions.deleteChain(), &QAction::triggered, this, &MainWindow::confirmDeleteSelected);
    connect(m_actions.refresh(), &QAction::triggered, m_engine->chains(), &ChainService::refreshSnapshot);
    connect(m_actions.refresh(), &QAction::triggered, this, [this] {
        // A page not made yet has read nothing to refresh.
        if (m_queuePage)
            m_queuePage->refresh();
        if (m_triggersPage)
            m_triggersPage->refresh();
        if (m_agentsPage)
            m_agentsPage->refresh();
    });
    for (int page = 0; page < m_actions.pages().size(); ++page)
        connect(m_actions.pages()[page], &QAction::triggered, this, [this, page] { m_pages->setCurrentIndex(page); });
    connect(m_actions.quit(), &QAction::triggered, this, &QWidget::close);
    connect(m_actions.about(), &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions.aboutQt(), &QAction::triggered, qApp, &QApplication::aboutQt);

    m_logPanel = new LogPanel;
    m_logDock = new QDockWidget(tr("Log and Alerts"), this);
    m_logDock->setObjectName(QStringLiteral("logDock"));
    m_logDock->setWidget(m_logPanel);
    m_logDock->setAllowedAreas(Qt::BottomDockWidgetArea | Qt::RightDockWidgetArea);
    m_logDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

    m_actions.addToMenuBar(menuBar(), m_logDock->toggleViewAction());
    m_chainToolBar = addToolBar(tr("Chain"));
    m_chainToolBar->setObjectName(QStringLiteral("chainToolBar"));
    m_chainToolBar->setMovable(false);
    m_chainToolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_actions.addToToolBar(m_chainToolBar);
}

void MainWindow::createCentralWidget()
{
    m_readOnlyBanner = new ReadOnlyBanner;
    m_chainsPage = new ChainsPage(m_model, m_proxy, m_actions);
    m_view = m_chainsPage->view();
    m_placeholder = new EmptyState;

    connect(m_view, &QAbstractItemView::activated, this, &MainWindow::showSelectedDetails);

    m_welcomePage = new WelcomePage(m_engine->chains());
    connect(m_welcomePage, &WelcomePage::addChainRequested, this, &MainWindow::openAddChainWizard);
    connect(m_welcomePage, &WelcomePage::chainAdded, this, &MainWindow::onChainAdded);
    auto *devnetRecovery = new DevnetRecovery(m_engine->chains(), m_engine->indexing(), m_alertMonitor, this);   // the dead devnet of an earlier session
    connect(devnetRecovery, &DevnetRecovery::notice, this, &MainWindow::showNotice);
    connect(devnetRecovery, &DevnetRecovery::chainAdded, this, &MainWindow::onChainAdded);

    m_stack = new QStackedWidget;
    m_stack->addWidget(m_chainsPage);
    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_welcomePage);

    // Every page but the chain table is made when first shown (PageHost), so opening the window
    // (and every database switch) makes only the page in view.
    m_detailHost = new PageHost([this] {
        m_detailPage = new ChainDetailPage(m_engine->chains(), m_engine->indexing(), m_engine->stats());
        connect(m_detailPage, &ChainDetailPage::editRequested, this, &MainWindow::openEditChainDialog);
        connect(m_detailPage, &ChainDetailPage::chainChosen, this, &MainWindow::selectChainRow);
        return m_detailPage;
    });
    auto *queue = new PageHost([this] { return m_queuePage = new QueuePage(m_engine->balances()); });
    auto *balances = new PageHost([this] { return new BalancesPage(m_engine->balances(), m_engine->chains()); });
    auto *triggers = new PageHost([this] {
        return m_triggersPage = new TriggersPage(m_engine->triggers(), m_engine->chains(), m_engine->indexing(), m_engine->stats());
    });

    auto *agents = new PageHost([this] {
        m_agentsPage = new AgentsPage(m_engine->agents(), m_engine->chains());
        if (const std::optional<ChainRecord> chain = selectedChain())
            m_agentsPage->preferChain(chain->config.chainId);
        return m_agentsPage;
    });

    // Tab labels without mnemonics: Ctrl+1… choose pages, and Alt+letters stay with the pages' fields.
    m_pages = new QTabWidget;
    m_pages->setObjectName(QStringLiteral("pageTabs"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_stack, tr("Chains"));
    m_pages->addTab(m_detailHost, tr("Chain Details"));
    m_pages->addTab(queue, tr("Balance Queue"));
    m_pages->addTab(balances, tr("Balances"));
    m_pages->addTab(triggers, tr("Triggers"));
    m_pages->addTab(agents, tr("Agents"));
    // Every chain at a glance (worst lag, chains down, requests per provider), and the database.
    auto *overview = new PageHost([this] {
        auto *page = new OverviewPage(m_engine->chains(), m_engine->indexing(), m_engine->stats());
        connect(page, &OverviewPage::chainChosen, this, [this](qint64 chainId) {
            detailPage()->showChain(chainId);
            m_pages->setCurrentWidget(m_detailHost);
        });
        return page;
    });
    m_pages->addTab(overview, tr("Overview"));
    auto *database = new PageHost([this] { return new DatabasePage(m_engine->database(), m_engine->chains(), m_engine->roster()); });
    m_pages->addTab(database, tr("Database"));
    const QStringList about{QString(), QString(), QString(), QString(), QString(), QString(),
                            tr("Every chain at a glance: its status, lag and endpoints, and requests per provider"),
                            tr("Sizes per chain and table, growth over time, the slowest statements, maintenance")};
    for (int page = 0; page < m_pages->count(); ++page) {
        const QString shortcut = m_actions.pages()[page]->shortcut().toString(QKeySequence::NativeText);
        m_pages->setTabToolTip(page, about[page].isEmpty() ? shortcut : tr("%1 (%2)", "what the page shows (its shortcut)").arg(about[page], shortcut));
    }
    connect(m_pages, &QTabWidget::currentChanged, this, &MainWindow::onPageChanged);

    auto *central = new QWidget;
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(6);
    layout->addWidget(m_readOnlyBanner);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);
}

void MainWindow::onPageChanged()
{
    const int page = m_pages->currentIndex();
    if (page >= 0 && page < m_actions.pages().size())
        m_actions.pages()[page]->setChecked(true);
    // The chain toolbar stays where it is on every page (a window whose toolbar comes and goes
    // moves everything under the pointer); its chain verbs are enabled on the chain table and on
    // the Chain Details page, where the selection is the chain shown (updateActions()).
    const bool details = m_pages->currentWidget() == m_detailHost;
    if (details && detailPage()->chainId() == 0) {
        const std::optional<ChainRecord> chain = selectedChain();
        const ChainRecord *first = m_model->chainAt(0);
        if (chain || first)
            detailPage()->showChain(chain ? chain->config.chainId : first->config.chainId);
    }
    if (details && detailPage()->chainId() != 0)
        selectChainRow(detailPage()->chainId());
    updateActions();
}

void MainWindow::onChainsChanged(const QList<ChainRecord> &chains)
{
    // The Engine has told the alert monitor already: paused, deleting or deleted chains' alerts
    // are cleared in the panel and the count alike.
    m_model->setLocalEngine(m_engine->roster()->shared() ? m_engine->roster()->engineName() : QString());
    m_model->update(chains);
    // On a database other engines index too, the Engine column says which one holds each
    // chain: shown once, the operator may hide it again.
    if (!m_engineColumnShown && m_model->indexedElsewhere()) {
        m_engineColumnShown = true;
        m_view->horizontalHeader()->setSectionHidden(ChainListModel::EngineColumn, false);
    }
    m_model->updateStatuses(shownStatuses(m_engine->indexing()->chainStatuses()), QDateTime::currentSecsSinceEpoch());
    updatePlaceholder();
    updateChainCounts();
    updateActions();
}

void MainWindow::onChainStatuses(const QList<ChainStatus> &statuses)
{
    const QDateTime now = QDateTime::currentDateTime();
    m_model->updateStatuses(shownStatuses(statuses), now.toSecsSinceEpoch());
    QSet<qint64> stalled;
    for (const Alert &alert : m_alertMonitor->activeAlerts()) {
        if (alert.kind == Alert::Kind::Stalled)
            stalled.insert(alert.chainId);
    }
    m_model->setStalled(stalled);
    // Every chain's latest figures: on a database other engines index too, theirs count as well.
    QHash<qint64, IndexPhase> phases;
    for (const ChainStatus &s : shownStatuses(statuses))
        phases.insert(s.chainId, s.phase);
    int indexing = 0;
    int live = 0;
    for (IndexPhase phase : std::as_const(phases)) {
        indexing += phase == IndexPhase::CatchingUp || phase == IndexPhase::Starting;
        live += phase == IndexPhase::Live;
    }
    const bool engineIndexes = m_engine->state().started && !m_engine->state().readOnly;
    m_indexingLabel->setVisible(engineIndexes);
    m_indexingLabel->setText(tr("%1 live, %2 catching up").arg(live).arg(indexing));
    updateChainCounts();
    updateAlertSummary();
}

void MainWindow::onAlertRaised(const Alert &alert)
{
    m_logPanel->alertRaised(alert);
    if (alert.notify)
        m_notifier->notify(alert);
    updateAlertSummary();
}

void MainWindow::updateAlertSummary()
{
    // The panel, the status bar and the tray count the same list, worded by one function.
    const QList<Alert> alerts = m_alertMonitor->activeAlerts();
    m_logPanel->syncActive(alerts);
    const AlertCounts counts = countAlerts(alerts);
    m_alertsButton->setText(alertCountText(counts));
    // Acknowledged alerts stay active (and counted) but no longer call for attention.
    m_alertsButton->setIcon(counts.unacknowledged() == 0 ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_alertsButton->setVisible(m_engine->state().started);
    m_notifier->setSummary(tr("Arbor — %n chain(s)", nullptr, m_model->rowCount())
                           + (counts.active ? QLatin1String(", ") + alertCountText(counts) : QString()));
}

void MainWindow::showAlertsPanel()
{
    showNormal();
    raise();
    activateWindow();
    m_logDock->show();
    m_logPanel->showAlerts();
}

void MainWindow::setLogSink(LogSink *sink)
{
    if (!sink)
        return;
    m_logPanel->addMessages(sink->messages());
    connect(sink, &LogSink::messagesAdded, m_logPanel, &LogPanel::addMessages);
}

void MainWindow::applyEngineState(const EngineState &state)
{
    m_backendLabel->setText(state.backend);
    m_backendLabel->setToolTip(tr("Database: %1").arg(state.backend));

    m_readOnlyLabel->setVisible(state.readOnly);
    if (state.readOnly) {
        const QString reason = state.readOnlyReason.isEmpty() ? tr("Another engine holds the database.") : state.readOnlyReason;
        m_readOnlyLabel->setText(tr("Read-only"));
        m_readOnlyLabel->setToolTip(reason);
        m_readOnlyBanner->setReason(reason);
        setWindowTitle(tr("Arbor (read-only)"));
    } else {
        m_readOnlyBanner->setReason(QString());
        setWindowTitle(tr("Arbor"));
    }
    updatePlaceholder();
    updateActions();
    updateAlertSummary();
}

void MainWindow::updatePlaceholder()
{
    const int chains = m_model->rowCount();
    const EngineState state = m_engine->state();
    QString text;
    if (m_closing)
        text = tr("Closing the old database…");
    else if (!m_startupError.isEmpty())
        text = tr("Arbor could not open its database.\n\n%1").arg(m_startupError);
    else if (!state.started)
        text = tr("Opening the database…");
    else if (chains == 0 && state.readOnly)
        text = tr("No chains yet. This console is read-only: add chains where the engine runs.");

    if (!state.started)
        m_countLabel->clear();
    else
        m_countLabel->setText(tr("%n chain(s)", nullptr, chains));
    m_countLabel->setVisible(state.started);

    if (text.isEmpty()) {
        m_stack->setCurrentWidget(chains == 0 ? static_cast<QWidget *>(m_welcomePage) : m_chainsPage);
        return;
    }
    if (m_startupError.isEmpty())
        m_placeholder->setMessage(windowIcon(), QIcon::Disabled, text);
    else
        m_placeholder->setMessage(style()->standardIcon(QStyle::SP_MessageBoxCritical, nullptr, this), QIcon::Normal, text);
    m_stack->setCurrentWidget(m_placeholder);
}

std::optional<ChainRecord> MainWindow::selectedChain() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return std::nullopt;
    const ChainRecord *chain = m_model->chainAt(m_proxy->mapToSource(rows.first()).row());
    return chain ? std::optional<ChainRecord>(*chain) : std::nullopt;
}

void MainWindow::updateActions()
{
    // The chain verbs act on the table's selection, on the chain table and on the Chain Details
    // page (where the selection follows the chain shown).
    const bool onChains = (m_pages->currentWidget() == m_stack || m_pages->currentWidget() == m_detailHost) && !m_closing;
    const std::optional<ChainRecord> chain = onChains ? selectedChain() : std::nullopt;
    m_actions.update(m_closing ? EngineState() : m_engine->state(), chain, chain && m_busyChains.contains(chain->config.chainId));
    if (onChains)
        updateSelectionActions();
}

void MainWindow::openAddChainWizard()
{
    if (!m_actions.addChain()->isEnabled())
        return;
    auto *wizard = new AddChainWizard(m_engine->chains(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (m_settings)
        wizard->setDefaultPollIntervalMs(m_settings->defaultPollIntervalMs());
    connect(wizard, &AddChainWizard::chainAdded, this, &MainWindow::onChainAdded);
    wizard->open();
}

void MainWindow::onChainAdded(const ChainRecord &chain)
{
    statusBar()->showMessage(tr("“%1” was added and is being indexed.").arg(chain.config.name), StatusMessageMs);
    m_engine->chains()->refreshSnapshot();
    // The snapshot arrives later; select the new row once it is there.
    const qint64 id = chain.config.chainId;
    auto *once = new QObject(this);
    connect(m_model, &QAbstractItemModel::rowsInserted, once, [this, id, once] {
        if (m_model->rowOf(id) < 0)
            return;
        selectChain(id);
        once->deleteLater();
    });
    if (m_model->rowOf(id) >= 0) {
        selectChain(id);
        once->deleteLater();
    }
}

void MainWindow::selectChain(qint64 chainId)
{
    const int row = m_model->rowOf(chainId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index);
    m_pages->setCurrentWidget(m_stack);
}

void MainWindow::showSelectedDetails()
{
    const std::optional<ChainRecord> chain = selectedChain();
    if (!chain)
        return;
    detailPage()->showChain(chain->config.chainId);
    m_pages->setCurrentWidget(m_detailHost);
}

void MainWindow::showCommandError(const QString &title, const Error &error)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, title, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("commandErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(error.toString());
    box->open();
}

void MainWindow::showStartupError(const Error &error)
{
    m_startupError = error.toString();
    updatePlaceholder();
    updateActions();

    auto *box = new QMessageBox(QMessageBox::Critical, tr("Arbor"), tr("Arbor could not open its database."),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("startupErrorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(m_startupError);
    box->open();
}

void MainWindow::showClosing()
{
    m_closing = true;
    m_pages->setCurrentWidget(m_stack);
    m_pages->tabBar()->setEnabled(false);
    for (QAction *page : m_actions.pages())
        page->setEnabled(false);
    m_actions.settings()->setEnabled(false);
    if (m_alertRulesDialog)
        m_alertRulesDialog->close();
    updatePlaceholder();
    updateActions();
    statusBar()->showMessage(tr("Closing the old database…"));
}

void MainWindow::showNotice(const QString &text)
{
    statusBar()->showMessage(text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    writeSettings();
    event->accept();
}

void MainWindow::readSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    // First run: room for the chain table's columns and the charts, within the screen.
    if (!restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        resizeOnScreen(this, QSize(1280, 860));
    // First run: the log and alerts a fifth of the window, the page the rest.
    if (!restoreState(settings.value(QStringLiteral("state")).toByteArray()))
        resizeDocks({m_logDock}, {std::max(140, height() / 5)}, Qt::Vertical);
    settings.endGroup();
    m_chainsPage->restoreColumns();
}

void MainWindow::writeSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.endGroup();
    m_chainsPage->saveColumns();
}

} // namespace arbor::ui

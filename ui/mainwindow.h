#pragma once

#include "alerts/alertmonitor.h"
#include "consoleactions.h"
#include "logging/logsink.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <optional>

class QAction;
class QDockWidget;
class QPushButton;
class QLabel;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QToolBar;

namespace arbor {
class Engine;
}

namespace arbor::ui {

class AgentsPage;
class AlertRulesDialog;
class ChainDetailPage;
class ChainsPage;
class ChainListModel;
class DesktopNotifier;
class EmptyState;
class LogPanel;
class AppSettings;
class QueuePage;
class PageHost;
class ReadOnlyBanner;
class TriggersPage;
class WelcomePage;

/**
 * The console's main window: pages for the registered chains (their live indexing figures and
 * the per-chain verbs add, pause, resume, resync, reindex, delete), one chain in detail, the
 * balance queue, the balance explorer, the triggers and the ERC-8004 agents, chosen with tabs or Ctrl+1 … Ctrl+6; a
 * welcome page while there are no chains; a log and alerts panel; desktop notifications.
 *
 * Renders the snapshots the Engine sends (chainsChanged, stateChanged) and issues commands
 * through it; every result comes back as a QFuture continuation on this window, so the GUI
 * thread never waits. The window does not own the Engine, which must outlive it.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(arbor::Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The engine could not start (database unreachable, refused migration, …): says so in
    /// place of the chain list and in a message box.
    void showStartupError(const arbor::Error &error);
    /// Something the operator should know that does not stop the console (e.g. no keychain).
    void showNotice(const QString &text);
    /// Shows what `sink` collected so far in the log panel, and what it collects from now on.
    void setLogSink(arbor::LogSink *sink);
    /// The alerts the window raises (stalls, endpoints down, deep reorgs, queue trouble).
    arbor::AlertMonitor *alertMonitor() const { return m_alertMonitor; }
    /// The console's settings: Settings… edits them, and the alert thresholds and notifications
    /// follow them. The window does not own them; without, Settings… is disabled.
    void setSettings(AppSettings *settings);
    /// The session is closing this window's database: says so in place of the chain list and
    /// in the status bar, and offers no more commands. The window stays responsive until deleted.
    void showClosing();
    /// Saves geometry, window state and the chain table's columns (also done on close).
    void saveSettings() const { writeSettings(); }

Q_SIGNALS:
    /// Settings… changed the database: the caller restarts the engine (and this window) on it.
    void databaseSwitchRequested();

public:
    DesktopNotifier *notifier() const { return m_notifier; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    static constexpr int StatusMessageMs = 6000;   ///< how long a command's outcome stays in the status bar

    /// Connects the verbs, adds the log dock, the menus and the chain toolbar.
    void createActions();
    void createCentralWidget();
    void createStatusBar();
    void onPageChanged();

    void onChainsChanged(const QList<arbor::ChainRecord> &chains);
    /// Takes the indexers' figures into the chain table, the alerts and the status bar.
    void onChainStatuses(const QList<arbor::ChainStatus> &statuses);
    void onAlertRaised(const arbor::Alert &alert);
    /// The status bar's alert button and the tray: the alerts not acknowledged.
    void updateAlertSummary();
    void showAlertsPanel();
    // Alerts (mainwindowverbs.cpp): acknowledge one, and the alert rules.
    void acknowledgeAlert(const arbor::Alert &alert);
    void openAlertRules();
    void applyEngineState(const arbor::EngineState &state);
    void updatePlaceholder();
    void updateActions();

    std::optional<arbor::ChainRecord> selectedChain() const;
    // The chain table (mainwindowchains.cpp): several chains selected, the recorded figures of
    // chains not indexed here, the status bar's counts.
    /// The selected chains, in the table's order.
    QList<arbor::ChainRecord> selectedChains() const;
    /// Makes `chainId` the one selected row of the chain table, so the chain verbs act on the
    /// chain the Chain Details page shows.
    void selectChainRow(qint64 chainId);
    /// `indexed` (this engine's indexers) with the recorded figures of every other chain.
    QList<arbor::ChainStatus> shownStatuses(const QList<arbor::ChainStatus> &indexed) const;
    /// With several chains selected: pause and resume act on each, the one-chain verbs wait.
    void updateSelectionActions();
    /// "1 down, 2 stalled, 1 paused" next to the alerts; hidden when all are fine.
    void updateChainCounts();
    void openAddChainWizard();
    void onChainAdded(const arbor::ChainRecord &chain);
    /// Opens the Chain page on the selected chain (double-click, Enter, Chain → Details).
    void showSelectedDetails();
    void openResyncDialog();
    void openReindexDialog();
    /// Edit Chain… for `chainId` (the Chain page), or for the selected chain (0).
    void openEditChainDialog(qint64 chainId = 0);
    void openSettings();
    void applySettings();
    void selectChain(qint64 chainId);
    void setSelectedPaused(bool paused);
    void confirmDeleteSelected();
    void deleteChain(qint64 chainId, const QString &name);
    void showCommandError(const QString &title, const arbor::Error &error);
    void showAbout();

    void readSettings();
    void writeSettings() const;
    /// The Chain Details page, made now if it has not been shown yet.
    ChainDetailPage *detailPage();

    arbor::Engine *m_engine = nullptr;
    ChainListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;

    ReadOnlyBanner *m_readOnlyBanner = nullptr;
    QTabWidget *m_pages = nullptr;
    // The pages the window talks to, each in its tab's PageHost; null until the page is made.
    PageHost *m_detailHost = nullptr;
    ChainDetailPage *m_detailPage = nullptr;   ///< detailPage() makes it
    QueuePage *m_queuePage = nullptr;
    TriggersPage *m_triggersPage = nullptr;
    AgentsPage *m_agentsPage = nullptr;
    WelcomePage *m_welcomePage = nullptr;
    QToolBar *m_chainToolBar = nullptr;
    QStackedWidget *m_stack = nullptr;
    ChainsPage *m_chainsPage = nullptr;
    QTableView *m_view = nullptr;         ///< the chain table, on m_chainsPage
    EmptyState *m_placeholder = nullptr;  ///< in place of the chain table: opening, closing, a startup error

    QLabel *m_readOnlyLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_indexingLabel = nullptr;
    QLabel *m_chainHealthLabel = nullptr;   ///< chains down, stalled, paused
    QPushButton *m_alertsButton = nullptr;
    QLabel *m_backendLabel = nullptr;

    QDockWidget *m_logDock = nullptr;
    LogPanel *m_logPanel = nullptr;
    arbor::AlertMonitor *m_alertMonitor = nullptr;
    QPointer<AlertRulesDialog> m_alertRulesDialog;   ///< one, modeless, made when first opened
    ConsoleActions m_actions;
    DesktopNotifier *m_notifier = nullptr;
    QTimer m_tick;   ///< ages the lag in seconds and the stall clocks between snapshots


    QString m_startupError;
    bool m_closing = false;   ///< showClosing(): the engine is going away
    bool m_engineColumnShown = false;   ///< the Engine column was shown for a shared database
    AppSettings *m_settings = nullptr;
    QSet<qint64> m_busyChains;   ///< chains with a command in flight: their actions wait
};

} // namespace arbor::ui

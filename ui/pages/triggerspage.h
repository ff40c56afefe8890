#pragma once

#include "engine/engineoptions.h"
#include "model/chainconfig.h"
#include "triggers/triggerrecords.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QToolBar;

namespace arbor {
class ChainService;
class IndexingService;
class StatsService;
class TriggerService;
}

namespace arbor::ui {

class DeliveryChartPanel;
class DeliveryLogModel;
class RefreshThrottle;
class TriggerListModel;

/**
 * The Triggers page: the stored triggers (name, chain, registry, enabled, last fired, 24 h
 * deliveries and failures) with their verbs — New…, Edit…, Enable/Disable, Delete…, Dry Run…,
 * Send Test —, and under them the delivery log (filtered by trigger, status and action type;
 * Resend), how each action delivers with Enable, Disable and Resend Dead (ActionsPanel), charts
 * of the last hour's deliveries, and per hour the attempts of actions and the
 * registry events (ActionMetricsPanel, EventCountsPanel, which read their figures themselves).
 *
 * Everything comes from the Engine: the list, the log and the delivery charts, each by a
 * RefreshThrottle, are read again when it says triggers or deliveries changed, coalesced (at
 * most twice a second), and once a minute while the page is shown (the 24 h figures age;
 * another engine may be delivering); a change during a read is read after it. While a test
 * delivery's result is awaited the log is read even with the page hidden, so the status line
 * reports it. Models are diffed, never reset. On a read-only console the editing verbs are disabled and say why; the dry run, which
 * only reads, stays. The page does not own the Engine, which must outlive it.
 */
class TriggersPage final : public QWidget
{
    Q_OBJECT

public:
    explicit TriggersPage(arbor::TriggerService *triggers, arbor::ChainService *chains, arbor::IndexingService *indexing, arbor::StatsService *stats, QWidget *parent = nullptr);
    ~TriggersPage() override;

    /// Reads the triggers, the delivery log and the charts now.
    void refresh();

    QAction *newAction() const { return m_new; }
    QAction *editAction() const { return m_edit; }
    QAction *toggleAction() const { return m_toggle; }
    QAction *deleteAction() const { return m_delete; }
    QAction *dryRunAction() const { return m_dryRun; }
    QAction *sendTestAction() const { return m_sendTest; }

private:
    enum Part { TriggersPart = 1, LogPart = 2, ChartsPart = 4, AllParts = 7 };

    QWidget *createLog();
    QAction *createAction(const QString &icon, const QString &text, const char *objectName, const QString &toolTip);
    /// The parts changed: each is read again at most twice a second.
    void scheduleRefresh(int parts);
    /// The parts are read now, or each as soon as its read under way is back.
    void refreshNow(int parts);
    bool readTriggers();
    bool readLog();
    bool readCharts();
    void checkPendingTests();

    void applyEngineState(const arbor::EngineState &state);
    void onChainsChanged(const QList<arbor::ChainRecord> &chains);
    void updateActions();
    void updateTriggerFilter();
    std::optional<arbor::TriggerRecord> selectedTrigger() const;
    std::optional<arbor::ActionResult> selectedResult() const;
    void selectTrigger(qint64 triggerId);

    void newTrigger();
    void editSelected();
    void openEditor(const std::optional<arbor::TriggerRecord> &trigger);
    void toggleSelected();
    void setTriggerEnabled(qint64 triggerId, bool enabled);
    void confirmDeleteSelected();
    void dryRunSelected();
    void sendTestForSelected();
    void sendTest(const arbor::TriggerRecord &trigger, const arbor::Action &action);
    void resendSelected();
    void showStatus(const QString &text, bool error = false);

    arbor::TriggerService *m_triggers = nullptr;
    arbor::ChainService *m_chains = nullptr;
    arbor::IndexingService *m_indexing = nullptr;
    arbor::StatsService *m_stats = nullptr;
    TriggerListModel *m_triggerModel = nullptr;
    QSortFilterProxyModel *m_triggerProxy = nullptr;
    QTableView *m_triggerView = nullptr;
    DeliveryLogModel *m_log = nullptr;
    QTableView *m_logView = nullptr;
    QComboBox *m_triggerFilter = nullptr;
    QComboBox *m_statusFilter = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QPushButton *m_resendButton = nullptr;
    DeliveryChartPanel *m_charts = nullptr;
    QTabWidget *m_tabs = nullptr;
    QToolBar *m_toolBar = nullptr;
    QLabel *m_statusLine = nullptr;

    QAction *m_new = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_toggle = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_dryRun = nullptr;
    QAction *m_sendTest = nullptr;

    RefreshThrottle *m_triggersRefresh = nullptr;
    RefreshThrottle *m_logRefresh = nullptr;
    RefreshThrottle *m_chartsRefresh = nullptr;
    quint64 m_logRequest = 0; ///< answers for an older filter are dropped
    QSet<qint64> m_busy;      ///< triggers with a command in flight
    qint64 m_selectAfterRead = 0;   ///< a trigger just saved: selected once the list shows it
    QHash<QString, QString> m_pendingTests;   ///< delivery id → trigger name, until its result is logged
};

} // namespace arbor::ui

#pragma once

#include "alerts/alertmonitor.h"
#include "logging/logsink.h"

#include <QWidget>

class QAction;
class QComboBox;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;

namespace arbor::ui {

class LogModel;

/**
 * The console's bottom panel: the alerts raised (stalls, endpoints down, deep reorgs, queue
 * trouble, the operator's alert rules), newest first and marked when they are acknowledged,
 * silenced or clear, and the log of every core category (arbor.rpc, arbor.store, …) filtered
 * by level.
 *
 * Fed by AlertMonitor and LogSink signals; holds no database or network handle: acknowledging
 * an alert and opening the alert rules are asked of the window (acknowledgeRequested,
 * alertRulesRequested), and the entry follows once the monitor says so (alertAcknowledged).
 */
class LogPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit LogPanel(QWidget *parent = nullptr);

    void addMessages(const QList<arbor::LogMessage> &messages);
    void alertRaised(const arbor::Alert &alert);
    void alertCleared(const arbor::Alert &alert);
    /// Marks the active entry of `alert` acknowledged: still listed, no longer counted.
    void alertAcknowledged(const arbor::Alert &alert);
    /// Marks every entry shown as active that is not among `active` (the AlertMonitor's
    /// activeAlerts()) as cleared, and those acknowledged there as acknowledged, so the panel
    /// never shows more than the status bar counts.
    void syncActive(const QList<arbor::Alert> &active);
    /// Shows the Alerts tab (the status bar's alert count leads here).
    void showAlerts();

    /// Entries in the Alerts list, active and cleared.
    int alertCount() const;
    /// Entries shown as active, acknowledged or not.
    int activeAlertCount() const;
    /// Entries shown as active and not acknowledged.
    int unacknowledgedAlertCount() const;
    /// countAlerts() over the entries shown as active: what the Alerts tab says.
    arbor::AlertCounts alertCounts() const;
    /// The Alerts tab's text ("Alerts — 2 alerts (1 acknowledged)").
    QString alertsTabText() const;
    LogModel *logModel() const { return m_model; }
    /// Acknowledges the selected active alert (the Acknowledge button and menu entry).
    QAction *acknowledgeAction() const { return m_acknowledge; }

Q_SIGNALS:
    /// The operator acknowledged this active alert.
    void acknowledgeRequested(const arbor::Alert &alert);
    /// The operator asked for the alert rules.
    void alertRulesRequested();

private:
    QWidget *createAlertsPage();
    void applyLevelFilter();
    void markCleared(int row);
    void markAcknowledged(int row);
    /// The state column of an active entry: active, silenced, acknowledged.
    void showActiveState(QTreeWidgetItem *item);
    void acknowledgeSelected();
    void updateAcknowledge();
    void updateAlertsTab();

    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QAction *m_acknowledge = nullptr;
    QPushButton *m_acknowledgeButton = nullptr;
    QTableView *m_log = nullptr;
    QComboBox *m_level = nullptr;
    LogModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
};

} // namespace arbor::ui

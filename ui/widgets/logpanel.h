#pragma once

#include "alerts/alertmonitor.h"
#include "logging/logsink.h"

#include <QWidget>

class QComboBox;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace arbor::ui {

class LogModel;

/**
 * The console's bottom panel: the alerts raised (stalls, endpoints down, deep reorgs, queue
 * trouble), newest first and marked when they clear, and the log of every core category
 * (arbor.rpc, arbor.store, …) filtered by level.
 *
 * Fed by AlertMonitor and LogSink signals; holds no database or network handle.
 */
class LogPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit LogPanel(QWidget *parent = nullptr);

    void addMessages(const QList<arbor::LogMessage> &messages);
    void alertRaised(const arbor::Alert &alert);
    void alertCleared(const arbor::Alert &alert);
    /// Marks every entry shown as active that is not among `active` (the AlertMonitor's
    /// activeAlerts()) as cleared, so the panel never shows more than the status bar counts.
    void syncActive(const QList<arbor::Alert> &active);
    /// Shows the Alerts tab (the status bar's alert count leads here).
    void showAlerts();

    /// Entries in the Alerts list, active and cleared.
    int alertCount() const;
    /// Entries shown as active.
    int activeAlertCount() const;
    LogModel *logModel() const { return m_model; }

private:
    void applyLevelFilter();
    void markCleared(int row);
    void updateAlertsTab();

    QTabWidget *m_tabs = nullptr;
    QTreeWidget *m_alerts = nullptr;
    QTableView *m_log = nullptr;
    QComboBox *m_level = nullptr;
    LogModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
};

} // namespace arbor::ui

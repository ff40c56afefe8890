#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTreeWidget;

namespace arbor {
class DatabaseService;
struct EngineState;
}

namespace arbor::ui {

class MaintenanceRunModel;
class RefreshThrottle;

/**
 * What database maintenance and retention did, and the buttons to run them now: the
 * maintenance log (DatabaseService::maintenanceRuns: when, what, how long, OK or the error), the steps of
 * the selected run (each table or index, its duration and what it found), "Run maintenance now"
 * and "Apply retention now".
 *
 * Both buttons run on the Engine's writer without blocking the GUI: the button is disabled and
 * the status says what runs until its future resolves. On a read-only engine they are disabled
 * and say why. The log is read again (RefreshThrottle) when a run here starts or finishes
 * (DatabaseService::maintenanceRunsChanged), when the panel is shown, and every RefreshMs while it is
 * visible (runs of other engines, such as a headless `arborctl serve`); a run that ends while
 * the log is being read is read again after that read.
 *
 * Self-contained: a page embeds it with `new MaintenancePanel(engine, parent)`.
 * Thread: the GUI thread.
 */
class MaintenancePanel final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshMs = 30000;

    explicit MaintenancePanel(arbor::DatabaseService *database, QWidget *parent = nullptr);

    /// Reads the log again now, or as soon as the read under way is back.
    void refresh();
    MaintenanceRunModel *model() const { return m_model; }

private:
    bool read();
    void applyEngineState(const arbor::EngineState &state);
    void runMaintenance();
    void applyRetention();
    void showSelectedSteps();
    void setRunning(QPushButton *button, const QString &status);
    void finished(QPushButton *button, const QString &status);

    arbor::DatabaseService *m_database = nullptr;
    MaintenanceRunModel *m_model = nullptr;
    QTableView *m_runsView = nullptr;
    QTreeWidget *m_stepsView = nullptr;
    QPushButton *m_maintainButton = nullptr;
    QPushButton *m_retentionButton = nullptr;
    QLabel *m_status = nullptr;
    RefreshThrottle *m_refresh = nullptr;
    bool m_maintaining = false;
    bool m_applying = false;
    bool m_readOnly = true;
};

} // namespace arbor::ui

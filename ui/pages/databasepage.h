#pragma once

#include "store/databasestats.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QVBoxLayout;

namespace arbor {
class ChainService;
class DatabaseService;
class RosterService;
struct EngineState;
}

namespace arbor::ui {

class ChainSizeModel;
class DatabaseGrowthChart;
class EnginesPanel;
class RefreshThrottle;
class SlowStatementModel;
class TableSizeModel;

/**
 * The Database page: the backend and its file or server, the total size and the free pages
 * (SQLite) or dead rows (PostgreSQL), and in tabs: each chain's and each table's size (sortable,
 * with copy and CSV export), the growth over time (DatabaseService::sizeHistory), the slowest statements
 * with where their timings come from, maintenance (a MaintenancePanel: what ran, when and
 * how long, with Run Maintenance Now and Apply Retention Now), and the engines that index the
 * database's chains (an EnginesPanel: drain, resume, move a chain to one).
 *
 * Everything is read through the Engine on its reader thread, when the page is shown and then
 * every RefreshIntervalMs while it is visible (less often when reading the sizes takes long: a
 * large SQLite file), each of the sizes, the statements and the growth by a RefreshThrottle: a
 * read still under way is never started twice, Refresh clicked during one reads again after it,
 * and the GUI thread never waits for one (the Engines tab reads on its own, every few seconds
 * while shown). The page does not own the Engine, which must outlive it.
 */
class DatabasePage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int RefreshIntervalMs = 60 * 1000;
    static constexpr int MaxRefreshIntervalMs = 30 * 60 * 1000;
    static constexpr int StatementLimit = 25;

    DatabasePage(arbor::DatabaseService *database, arbor::ChainService *chains, arbor::RosterService *roster, QWidget *parent = nullptr);
    ~DatabasePage() override;

    /// Reads the figures now, or each as soon as its read under way is back (the Refresh button).
    void refresh();

    /// The Maintenance tab's layout, holding the maintenance panel.
    QVBoxLayout *maintenanceLayout() const { return m_maintenanceLayout; }

    /// The figures last shown (tests read what the page shows against the store).
    const arbor::DatabaseStats &stats() const { return m_stats; }

private:
    void applyEngineState(const arbor::EngineState &state);
    bool readStats();
    bool readStatements();
    bool readHistory();
    void showStats(const arbor::DatabaseStats &stats);
    void showStatements(const arbor::SlowStatements &statements);
    qint64 historyWindowMs() const;
    void showStatus(const QString &text, bool error = false);
    QTableView *createTable(const QString &objectName, QSortFilterProxyModel *proxy, int sortRole, const QString &exportName);

    arbor::DatabaseService *m_database = nullptr;
    arbor::ChainService *m_chains = nullptr;
    arbor::DatabaseStats m_stats;
    QLabel *m_backendLabel = nullptr;
    QLabel *m_totalsLabel = nullptr;
    QLabel *m_scopesLabel = nullptr;
    QPushButton *m_refreshButton = nullptr;
    QTabWidget *m_tabs = nullptr;
    ChainSizeModel *m_chainSizes = nullptr;
    TableSizeModel *m_tables = nullptr;
    SlowStatementModel *m_statements = nullptr;
    QSortFilterProxyModel *m_chainProxy = nullptr;
    QSortFilterProxyModel *m_tableProxy = nullptr;
    QSortFilterProxyModel *m_statementProxy = nullptr;
    QTableView *m_chainView = nullptr;
    QTableView *m_tableView = nullptr;
    QTableView *m_statementView = nullptr;
    QLabel *m_statementSource = nullptr;
    QComboBox *m_historyWindow = nullptr;
    DatabaseGrowthChart *m_growth = nullptr;
    QVBoxLayout *m_maintenanceLayout = nullptr;
    EnginesPanel *m_engines = nullptr;
    QLabel *m_statusLine = nullptr;

    RefreshThrottle *m_statsRefresh = nullptr;
    RefreshThrottle *m_statementsRefresh = nullptr;
    RefreshThrottle *m_historyRefresh = nullptr;
    quint64 m_historyRequest = 0;   ///< answers for another window are dropped
};

} // namespace arbor::ui

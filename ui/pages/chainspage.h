#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QTableView;

namespace arbor::ui {

class ChainListModel;
class ConsoleActions;
class TableActions;

/**
 * The Chains page: the chain table (sorted by name at first, the Engine column hidden until the
 * main window shows it for a shared database), a filter box above it
 * (Ctrl+F; matches name, chain id, status and every RPC URL, case-insensitively), a column
 * chooser in the header's context menu (the choice is saved at once with the table's header
 * state, under MainWindow/chainTableHeader), several rows selectable for the bulk verbs, and
 * copy and CSV export (TableActions).
 *
 * The page does not own the model or the proxy; the window connects the view's selection and
 * activation to its chain verbs. Thread: the GUI thread.
 */
class ChainsPage final : public QWidget
{
    Q_OBJECT

public:
    /// `verbs`: the chain verbs the table's context menu offers, above copy and export.
    ChainsPage(ChainListModel *model, QSortFilterProxyModel *proxy, const ConsoleActions &verbs, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *view() const { return m_view; }
    TableActions *tableActions() const { return m_tableActions; }
    /// The header's context menu: one checkable entry per column (the name always shows).
    QMenu *columnMenu() const { return m_columnMenu; }
    /// Shows or hides a column and saves the choice.
    void setColumnVisible(int column, bool visible);
    /// Writes the table's header state (widths, order, hidden columns) to the settings.
    void saveColumns() const;
    /// Takes the header state saveColumns() wrote, if any, and widens what the language in use
    /// needs wider.
    void restoreColumns();

private:
    void createView();
    void updateFilter();
    void updateShownCount();
    void updateColumnMenu();

    ChainListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter = nullptr;
    QLabel *m_shown = nullptr;
    QMenu *m_columnMenu = nullptr;
    TableActions *m_tableActions = nullptr;
};

} // namespace arbor::ui

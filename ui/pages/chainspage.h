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
class TableActions;

/**
 * The Chains page around the chain table the main window sets up: a filter box above it
 * (Ctrl+F; matches name, chain id, status and every RPC URL, case-insensitively), a column
 * chooser in the header's context menu (the choice is saved at once with the table's header
 * state, under MainWindow/chainTableHeader), several rows selectable for the bulk verbs, and
 * copy and CSV export (TableActions).
 *
 * The page does not own the model or the proxy; it takes the view into its layout. Thread: the
 * GUI thread.
 */
class ChainsPage final : public QWidget
{
    Q_OBJECT

public:
    ChainsPage(ChainListModel *model, QSortFilterProxyModel *proxy, QTableView *view, QWidget *parent = nullptr);

    QLineEdit *filterEdit() const { return m_filter; }
    QTableView *view() const { return m_view; }
    TableActions *tableActions() const { return m_tableActions; }
    /// The header's context menu: one checkable entry per column (the name always shows).
    QMenu *columnMenu() const { return m_columnMenu; }
    /// Shows or hides a column and saves the choice.
    void setColumnVisible(int column, bool visible);
    /// Writes the table's header state (widths, order, hidden columns) to the settings.
    void saveColumns() const;

private:
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

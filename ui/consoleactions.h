#pragma once

#include "engine/engineoptions.h"
#include "model/chainconfig.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class QAction;
class QMenuBar;
class QToolBar;
class QWidget;

namespace arbor::ui {

/**
 * The main window's verbs as QActions and where they appear: the menu bar, the chain toolbar
 * and the chain table's context menu. Texts, tooltips, shortcuts and icons live here; what a
 * verb does stays with the window, which connects to each action's triggered().
 *
 * update() enables the chain verbs for what the engine allows (started, writable) and the
 * selected chain's state, and says why they are disabled on a read-only console.
 *
 * The actions are children of the window given to the constructor. Thread: the GUI thread.
 */
class ConsoleActions final
{
    // The texts were the window's: the translations know them under its context.
    Q_DECLARE_TR_FUNCTIONS(arbor::ui::MainWindow)

public:
    explicit ConsoleActions(QWidget *window);

    /// File, Chain, View (the pages and `toggleLog`) and Help menus.
    void addToMenuBar(QMenuBar *bar, QAction *toggleLog) const;
    void addToToolBar(QToolBar *bar) const;
    /// The chain verbs as `view`'s context menu (Qt::ActionsContextMenu).
    void addToContextMenu(QWidget *view) const;
    /// `busy`: the chain has a command in flight, so its verbs wait.
    void update(const arbor::EngineState &state, const std::optional<arbor::ChainRecord> &chain, bool busy);

    QAction *addChain() const { return m_addChain; }
    QAction *details() const { return m_details; }
    QAction *editChain() const { return m_edit; }
    QAction *pause() const { return m_pause; }
    QAction *resume() const { return m_resume; }
    QAction *resync() const { return m_resync; }
    QAction *reindex() const { return m_reindex; }
    QAction *deleteChain() const { return m_delete; }
    QAction *refresh() const { return m_refresh; }
    QAction *settings() const { return m_settings; }
    /// Alert Rules…: the operator's alert rules (File menu, after Settings…).
    QAction *alertRules() const { return m_alertRules; }
    /// Back Up Database… and Restore Database… (File menu, after Alert Rules…).
    QAction *backupDatabase() const { return m_backupDatabase; }
    QAction *restoreDatabase() const { return m_restoreDatabase; }
    QAction *quit() const { return m_quit; }
    QAction *about() const { return m_about; }
    QAction *aboutQt() const { return m_aboutQt; }
    /// Ctrl+1…: one checkable action per page, in tab order (Chains, Chain Details, Balance
    /// Queue, Balances, Triggers), exclusive.
    const QList<QAction *> &pages() const { return m_pages; }

private:
    QAction *m_addChain = nullptr;
    QAction *m_details = nullptr;
    QAction *m_edit = nullptr;
    QAction *m_pause = nullptr;
    QAction *m_resume = nullptr;
    QAction *m_resync = nullptr;
    QAction *m_reindex = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_settings = nullptr;
    QAction *m_alertRules = nullptr;
    QAction *m_backupDatabase = nullptr;
    QAction *m_restoreDatabase = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
    QList<QAction *> m_pages;
};

} // namespace arbor::ui

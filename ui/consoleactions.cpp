#include "consoleactions.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>
#include <QWidget>

namespace arbor::ui {
namespace {

// The desktop's icon when its theme has one, else Arbor's own: never a mix of styles.
QIcon themeIcon(const QString &name, const QString &fallback)
{
    return QIcon::fromTheme(name, QIcon(QLatin1String(":/icons/actions/") + fallback + QLatin1String(".svg")));
}

QAction *makeAction(const QIcon &icon, const QString &text, const char *objectName, QWidget *window)
{
    auto *action = new QAction(icon, text, window);
    action->setObjectName(QLatin1String(objectName));
    return action;
}

} // namespace

ConsoleActions::ConsoleActions(QWidget *window)
{
    m_addChain = makeAction(themeIcon(QStringLiteral("list-add"), QStringLiteral("add")), tr("&Add Chain…"), "addChainAction", window);
    m_addChain->setToolTip(tr("Add an EVM chain: its RPC URLs, tokens and ERC-8004 registries"));
    m_addChain->setShortcut(QKeySequence::New);

    m_details = makeAction(themeIcon(QStringLiteral("document-properties"), QStringLiteral("details")), tr("De&tails"), "chainDetailsAction", window);
    m_details->setToolTip(tr("Charts, endpoints, index progress, reindexes and reorgs of the selected chain"));

    m_edit = makeAction(themeIcon(QStringLiteral("document-edit"), QStringLiteral("edit")), tr("&Edit…"), "editChainAction", window);
    m_edit->setToolTip(tr("Change the selected chain: its name, RPC URLs, poll interval, confirmations, RPC rate and tokens"));

    m_resync = makeAction(themeIcon(QStringLiteral("view-refresh"), QStringLiteral("resync")), tr("Re&sync…"), "resyncChainAction", window);
    m_resync->setToolTip(tr("Rebuild the selected chain's cross-chain rows from its own tables"));

    m_reindex = makeAction(themeIcon(QStringLiteral("edit-redo"), QStringLiteral("reindex")), tr("Rei&ndex…"), "reindexChainAction", window);
    m_reindex->setToolTip(tr("Fetch a block range of the selected chain again and replace its rows (audited)"));
    m_reindex->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));   // opens a dialog: nothing happens without a second step

    m_settings = makeAction(QIcon::fromTheme(QStringLiteral("preferences-system")), tr("&Settings…"), "settingsAction", window);
    m_settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settings->setMenuRole(QAction::PreferencesRole);
    m_settings->setEnabled(false);

    m_alertRules = makeAction(QIcon::fromTheme(QStringLiteral("dialog-warning")), tr("Alert &Rules…"), "alertRulesAction", window);
    m_alertRules->setToolTip(tr("Rules that raise alerts (lag, stalls, RPC errors, queue health) and deliver them by webhook, "
                                "Telegram or MCP"));
    m_alertRules->setEnabled(false);

    m_backupDatabase = makeAction(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("&Back Up Database…"), "backupDatabaseAction", window);
    m_backupDatabase->setToolTip(tr("Copy the database into a backup file while Arbor goes on indexing"));
    m_backupDatabase->setEnabled(false);
    m_restoreDatabase = makeAction(QIcon::fromTheme(QStringLiteral("document-revert")), tr("Res&tore Database…"), "restoreDatabaseAction", window);
    m_restoreDatabase->setToolTip(tr("Restore a backup into a new database, to open afterwards in Settings"));
    m_restoreDatabase->setEnabled(false);

    m_pause = makeAction(themeIcon(QStringLiteral("media-playback-pause"), QStringLiteral("pause")), tr("&Pause"), "pauseChainAction", window);
    m_pause->setToolTip(tr("Stop indexing the selected chain; its data stays"));
    // Pause and resume as qBittorrent binds them (Ctrl+R is Refresh under some desktops).
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));

    m_resume = makeAction(themeIcon(QStringLiteral("media-playback-start"), QStringLiteral("resume")), tr("&Resume"), "resumeChainAction", window);
    m_resume->setToolTip(tr("Continue indexing the selected chain from its checkpoint"));
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));

    m_delete = makeAction(themeIcon(QStringLiteral("edit-delete"), QStringLiteral("delete")), tr("&Delete…"), "deleteChainAction", window);
    m_delete->setToolTip(tr("Delete the selected chain and all of its indexed data"));
    m_delete->setShortcut(QKeySequence::Delete);

    m_refresh = makeAction(themeIcon(QStringLiteral("view-refresh"), QStringLiteral("refresh")), tr("Re&fresh"), "refreshAction", window);
    m_refresh->setToolTip(tr("Read the chain list now instead of at the next update"));
    m_refresh->setShortcut(QKeySequence::Refresh);

    const QList<std::pair<QString, QString>> pages{
        {QStringLiteral("showChainsAction"), tr("&Chains")},
        {QStringLiteral("showChainDetailAction"), tr("Chain &Details")},
        {QStringLiteral("showQueueAction"), tr("Balance &Queue")},
        {QStringLiteral("showBalancesAction"), tr("&Balances")},
        {QStringLiteral("showTriggersAction"), tr("&Triggers")},
        {QStringLiteral("showAgentsAction"), tr("&Agents")},
        {QStringLiteral("showOverviewAction"), tr("&Overview")},
        {QStringLiteral("showDatabaseAction"), tr("Databa&se")},
    };
    auto *pageGroup = new QActionGroup(window);
    for (int page = 0; page < pages.size(); ++page) {
        auto *show = new QAction(pages[page].second, pageGroup);
        show->setObjectName(pages[page].first);
        show->setCheckable(true);
        show->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + page)));
        m_pages.append(show);
    }
    m_pages.first()->setChecked(true);

    m_quit = makeAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), "quitAction", window);
    m_quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quit->setMenuRole(QAction::QuitRole);

    m_about = makeAction(window->windowIcon(), tr("&About Arbor"), "aboutAction", window);
    m_about->setMenuRole(QAction::AboutRole);

    m_aboutQt = new QAction(tr("About &Qt"), window);
    m_aboutQt->setMenuRole(QAction::AboutQtRole);
}

void ConsoleActions::addToMenuBar(QMenuBar *bar, QAction *toggleLog) const
{
    QMenu *file = bar->addMenu(tr("&File"));
    file->addAction(m_settings);
    file->addAction(m_alertRules);
    file->addSeparator();
    file->addAction(m_backupDatabase);
    file->addAction(m_restoreDatabase);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *chain = bar->addMenu(tr("&Chain"));
    chain->addAction(m_addChain);
    chain->addAction(m_details);
    chain->addAction(m_edit);
    chain->addSeparator();
    chain->addAction(m_pause);
    chain->addAction(m_resume);
    chain->addAction(m_resync);
    chain->addAction(m_reindex);
    chain->addSeparator();
    chain->addAction(m_delete);
    chain->addSeparator();
    chain->addAction(m_refresh);

    QMenu *view = bar->addMenu(tr("&View"));
    view->addActions(m_pages);
    view->addSeparator();
    toggleLog->setObjectName(QStringLiteral("toggleLogAction"));
    toggleLog->setText(tr("&Log and Alerts"));
    toggleLog->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    view->addAction(toggleLog);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(m_about);
    help->addAction(m_aboutQt);
}

void ConsoleActions::addToToolBar(QToolBar *bar) const
{
    bar->addAction(m_addChain);
    bar->addSeparator();
    bar->addAction(m_pause);
    bar->addAction(m_resume);
    bar->addAction(m_resync);
    bar->addAction(m_reindex);
    bar->addAction(m_delete);
    bar->addSeparator();
    bar->addAction(m_refresh);
}

void ConsoleActions::addToContextMenu(QWidget *view) const
{
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(m_details);
    view->addAction(m_edit);
    view->addAction(m_pause);
    view->addAction(m_resume);
    view->addAction(m_resync);
    view->addAction(m_reindex);
    auto *separator = new QAction(view);
    separator->setSeparator(true);
    view->addAction(separator);
    view->addAction(m_delete);
}

void ConsoleActions::update(const EngineState &state, const std::optional<ChainRecord> &chain, bool busy)
{
    const bool writable = state.started && !state.readOnly;
    const bool idle = chain && !busy;

    m_pause->setEnabled(writable && idle && chain->state == ChainState::Active);
    m_resume->setEnabled(writable && idle && chain->state == ChainState::Paused);
    m_delete->setEnabled(writable && idle && chain->state != ChainState::Deleting);
    m_resync->setEnabled(writable && idle && chain->state != ChainState::Deleting);
    m_edit->setEnabled(writable && idle && chain->state != ChainState::Deleting);
    m_reindex->setEnabled(writable && idle && chain->state == ChainState::Active);
    m_refresh->setEnabled(state.started);
    m_alertRules->setEnabled(state.started);   // a read-only console lists them
    m_backupDatabase->setEnabled(state.started);   // read-only too: a backup only reads
    m_restoreDatabase->setEnabled(state.started);
    m_addChain->setEnabled(writable);
    m_details->setEnabled(chain.has_value());

    const QString why = state.readOnly ? tr("Read-only: %1").arg(state.readOnlyReason) : QString();
    for (QAction *verb : {m_pause, m_resume, m_delete, m_addChain, m_resync, m_reindex, m_edit})
        verb->setStatusTip(why);
}

} // namespace arbor::ui

// MainWindow's operator verbs on a chain: pause, resume, delete, resync, reindex, and the
// settings. Each runs through the Engine or a dialog; results come back as continuations.

#include "mainwindow.h"

#include "appsettings.h"
#include "desktopnotifier.h"
#include "dialogs/deletechaindialog.h"
#include "dialogs/deleteprogressdialog.h"
#include "dialogs/editchaindialog.h"
#include "dialogs/reindexdialog.h"
#include "dialogs/resyncdialog.h"
#include "dialogs/settingsdialog.h"

#include <QAction>
#include <QStatusBar>

namespace arbor::ui {

void MainWindow::setSelectedPaused(bool paused)
{
    const std::optional<ChainRecord> chain = selectedChain();
    if (!chain)
        return;
    const qint64 id = chain->config.chainId;
    const QString name = chain->config.name;
    m_busyChains.insert(id);
    updateActions();
    statusBar()->showMessage(paused ? tr("Pausing “%1”…").arg(name) : tr("Resuming “%1”…").arg(name));

    m_engine->setPaused(ChainRef{id, {}}, paused).then(this, [this, id, name, paused](Status status) {
        m_busyChains.remove(id);
        updateActions();
        if (!status) {
            statusBar()->clearMessage();
            showCommandError(paused ? tr("Could not pause “%1”").arg(name) : tr("Could not resume “%1”").arg(name), status.error());
            return;
        }
        statusBar()->showMessage(paused ? tr("“%1” is paused.").arg(name) : tr("“%1” is indexing again.").arg(name), StatusMessageMs);
    });
}

void MainWindow::confirmDeleteSelected()
{
    const std::optional<ChainRecord> chain = selectedChain();
    if (!chain || !m_actions.deleteChain()->isEnabled())
        return;
    auto *dialog = new DeleteChainDialog(*chain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { deleteChain(dialog->chainId(), dialog->chainName()); });
    dialog->open();
}

void MainWindow::deleteChain(qint64 chainId, const QString &name)
{
    m_busyChains.insert(chainId);
    updateActions();
    statusBar()->showMessage(tr("Deleting “%1”…").arg(name));

    auto *progress = new DeleteProgressDialog(m_engine, chainId, name, this);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &DeleteProgressDialog::deletionFinished, this, [this, chainId, name](bool ok, const QString &) {
        m_busyChains.remove(chainId);
        updateActions();
        if (ok)
            statusBar()->showMessage(tr("“%1” was deleted.").arg(name), StatusMessageMs);
        else
            statusBar()->clearMessage();
    });
    progress->open();
}

void MainWindow::openResyncDialog()
{
    const std::optional<ChainRecord> chain = selectedChain();
    if (!chain || !m_actions.resync()->isEnabled())
        return;
    auto *dialog = new ResyncDialog(m_engine, *chain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::openEditChainDialog(qint64 chainId)
{
    std::optional<ChainRecord> chain;
    if (chainId == 0) {
        if (!m_actions.editChain()->isEnabled())
            return;
        chain = selectedChain();
    } else {
        for (const ChainRecord &c : m_engine->chainSnapshot()) {
            if (c.config.chainId == chainId)
                chain = c;
        }
    }
    if (!chain)
        return;
    auto *dialog = new EditChainDialog(m_engine, *chain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EditChainDialog::chainEdited, this, [this](const ChainRecord &edited) {
        statusBar()->showMessage(tr("“%1” was changed.").arg(edited.config.name), StatusMessageMs);
    });
    dialog->open();
}

void MainWindow::openReindexDialog()
{
    const std::optional<ChainRecord> chain = selectedChain();
    if (!chain || !m_actions.reindex()->isEnabled())
        return;
    auto *dialog = new ReindexDialog(m_engine, *chain, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::setSettings(AppSettings *settings)
{
    m_settings = settings;
    m_actions.settings()->setEnabled(settings != nullptr);
    applySettings();
}

void MainWindow::openSettings()
{
    if (!m_settings)
        return;
    auto *dialog = new SettingsDialog(*m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &MainWindow::applySettings);
    connect(dialog, &SettingsDialog::databaseChanged, this, &MainWindow::databaseSwitchRequested, Qt::QueuedConnection);
    connect(dialog, &SettingsDialog::languageChanged, this, [this] {
        statusBar()->showMessage(tr("The new language applies when Arbor starts again."), StatusMessageMs);
    });
    dialog->open();
}

void MainWindow::applySettings()
{
    if (!m_settings)
        return;
    AlertPolicy policy = m_alertMonitor->policy();
    // The setting is the depth that notifies; the monitor alerts on reorgs deeper than its threshold.
    policy.reorgDepth = m_settings->reorgNotifyDepth() - 1;
    m_alertMonitor->setPolicy(policy);
    m_notifier->setEnabled(m_settings->notificationsEnabled());
    m_tick.setInterval(m_settings->refreshIntervalMs());
}

} // namespace arbor::ui

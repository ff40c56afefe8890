// MainWindow's operator verbs on a chain: pause, resume, delete, resync, reindex; the settings;
// acknowledging an alert and the alert rules. Each runs through the Engine or a dialog; results
// come back as continuations.

#include "mainwindow.h"

#include "engine/alertservice.h"
#include "engine/chainservice.h"
#include "engine/engine.h"

#include "appsettings.h"
#include "desktopnotifier.h"
#include "dialogs/alertrulesdialog.h"
#include "dialogs/deletechaindialog.h"
#include "dialogs/deleteprogressdialog.h"
#include "dialogs/editchaindialog.h"
#include "dialogs/reindexdialog.h"
#include "dialogs/resyncdialog.h"
#include "dialogs/settingsdialog.h"
#include "util/continuation.h"

#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QStatusBar>

#include <memory>

namespace arbor::ui {

void MainWindow::setSelectedPaused(bool paused)
{
    QList<ChainRecord> targets;
    for (const ChainRecord &chain : selectedChains()) {
        if (!m_busyChains.contains(chain.config.chainId) && chain.state == (paused ? ChainState::Active : ChainState::Paused))
            targets.append(chain);
    }
    if (targets.isEmpty())
        return;
    const int total = int(targets.size());
    const QString firstName = targets.first().config.name;
    for (const ChainRecord &chain : std::as_const(targets))
        m_busyChains.insert(chain.config.chainId);
    updateActions();
    if (total == 1)
        statusBar()->showMessage(paused ? tr("Pausing “%1”…").arg(firstName) : tr("Resuming “%1”…").arg(firstName));
    else
        statusBar()->showMessage(paused ? tr("Pausing %n chain(s)…", nullptr, total) : tr("Resuming %n chain(s)…", nullptr, total));

    // Every chain gets its own command; the outcome is told once, when the last one is back.
    struct Outcome
    {
        int pending = 0;
        QStringList failures;
        std::optional<Error> firstError;
    };
    auto outcome = std::make_shared<Outcome>();
    outcome->pending = total;
    for (const ChainRecord &chain : std::as_const(targets)) {
        const qint64 id = chain.config.chainId;
        const QString name = chain.config.name;
        then(m_engine->chains()->setPaused(ChainRef{id, {}}, paused), this, [this, id, name, paused, total, firstName, outcome](Status status) {
            m_busyChains.remove(id);
            if (!status) {
                outcome->failures.append(tr("“%1”: %2", "chain name, error").arg(name, status.error().toString()));
                if (!outcome->firstError)
                    outcome->firstError = status.error();
            }
            updateActions();
            if (--outcome->pending > 0)
                return;
            const int failed = int(outcome->failures.size());
            if (failed > 0) {
                statusBar()->clearMessage();
                if (total == 1) {
                    showCommandError(paused ? tr("Could not pause “%1”").arg(firstName) : tr("Could not resume “%1”").arg(firstName),
                                     *outcome->firstError);
                } else {
                    const Error all{outcome->firstError->kind, QString(), outcome->failures.join(QLatin1Char('\n'))};
                    showCommandError(paused ? tr("Could not pause %1 of %n chain(s)", nullptr, total).arg(failed)
                                            : tr("Could not resume %1 of %n chain(s)", nullptr, total).arg(failed),
                                     all);
                }
                return;
            }
            if (total == 1)
                statusBar()->showMessage(paused ? tr("“%1” is paused.").arg(firstName) : tr("“%1” is indexing again.").arg(firstName),
                                         StatusMessageMs);
            else
                statusBar()->showMessage(paused ? tr("%n chain(s) paused.", nullptr, total) : tr("%n chain(s) indexing again.", nullptr, total),
                                         StatusMessageMs);
        });
    }
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

    auto *progress = new DeleteProgressDialog(m_engine->chains(), chainId, name, this);
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
    auto *dialog = new ResyncDialog(m_engine->indexing(), *chain, this);
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
        for (const ChainRecord &c : m_engine->chains()->snapshot()) {
            if (c.config.chainId == chainId)
                chain = c;
        }
    }
    if (!chain)
        return;
    auto *dialog = new EditChainDialog(m_engine->chains(), m_engine->balances(), *chain, this);
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
    auto *dialog = new ReindexDialog(m_engine->indexing(), *chain, this);
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
    dialog->setServices(m_engine->stats(), m_engine->database(), m_engine->agents());
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

void MainWindow::acknowledgeAlert(const Alert &alert)
{
    // The monitor marks it (alertAcknowledged updates the panel and the count); the engine
    // records it in the alert history where it keeps one.
    if (!m_engine->alerts()->acknowledgeAlert(alert))
        statusBar()->showMessage(tr("That alert is no longer active."), StatusMessageMs);
}

void MainWindow::openAlertRules()
{
    if (m_closing || !m_actions.alertRules()->isEnabled())
        return;
    if (!m_alertRulesDialog)
        m_alertRulesDialog = new AlertRulesDialog(m_engine->alerts(), m_engine->chains(), this);
    m_alertRulesDialog->show();
    m_alertRulesDialog->raise();
    m_alertRulesDialog->activateWindow();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("About Arbor"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setTextFormat(Qt::RichText);
    box->setText(QStringLiteral("<h3>%1</h3>").arg(tr("Arbor %1").arg(QApplication::applicationVersion())));
    box->setInformativeText(tr("<p>An operations console for multi-chain EVM indexing.</p><p>Built with Qt %1.</p>")
                                .arg(QString::fromLatin1(qVersion())));
    box->setStandardButtons(QMessageBox::Ok);
    box->open();
}

} // namespace arbor::ui

#pragma once

#include "model/chainconfig.h"
#include "services/devnetservice.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace arbor {
class ChainService;
}

namespace arbor::ui {

/**
 * The first-run page, shown while no chain is registered: the app icon, a short welcome and two
 * ways to start — "Add chain…" (the operator's own RPC endpoint) and "Try a local devnet".
 *
 * "Try a local devnet" is enabled when anvil is on PATH (otherwise disabled, with what to
 * install next to it). It starts the local devnet through a DevnetService (the node and its
 * client on a worker thread, its steps back by queued signals), shows the steps inline, and when
 * the node is ready adds it through ChainService::addChain() and emits chainAdded(). Failures are shown
 * inline with a Retry button.
 *
 * The page owns the DevnetService: the node keeps running and generating traffic for as long as
 * the page lives, and stops with it. Hide the page once chains exist rather than deleting it,
 * or reparent localDevnet() to an object that lives as long as the console.
 *
 * The page does not own the Engine, which must outlive it. Nothing here blocks the GUI thread.
 */
class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(arbor::ChainService *chains, QWidget *parent = nullptr);
    ~WelcomePage() override;

    /// The devnet service started from this page, or null before the first click.
    DevnetService *localDevnet() const { return m_devnet; }

Q_SIGNALS:
    /// "Add chain…" was clicked: open the add-chain dialog.
    void addChainRequested();
    /// The local devnet was registered as a chain and is being indexed.
    void chainAdded(const arbor::ChainRecord &chain);

private:
    void startDevnet();
    void onProgress(const QString &step);
    void onReady(const arbor::ChainConfig &config);
    void onFailed(const QString &message);
    void showSteps();
    void updateAvailability();

    arbor::ChainService *m_chains = nullptr;
    DevnetService *m_devnet = nullptr;
    QPushButton *m_addChainButton = nullptr;
    QPushButton *m_devnetButton = nullptr;
    QLabel *m_unavailableLabel = nullptr;
    QLabel *m_stepsLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QPushButton *m_retryButton = nullptr;
    QStringList m_steps;
    bool m_added = false;
    bool m_failed = false;
};

} // namespace arbor::ui

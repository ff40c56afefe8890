#pragma once

#include "model/chainconfig.h"
#include "model/chainstatus.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QMessageBox;
class QWidget;

namespace arbor {
class AlertMonitor;
class ChainService;
class IndexingService;
}

namespace arbor::ui {

class DevnetService;

/**
 * The local devnet of an earlier session, brought back or cleared away.
 *
 * The node of "Try a local devnet" is a child of the console and ends with it, writing its
 * chain to a state file as it goes (LocalDevnet). Once per session, when this console indexes
 * (it holds the lease) and reports on such a chain whose node is not running here:
 *  - with a state file, its node is started again from it on its old URL (DevnetService::
 *    resume()) and the chain is indexed on from where it stopped; nobody is asked;
 *  - without one (an older console's devnet, a deleted file), or when starting it again fails,
 *    and every endpoint is down, the operator is asked what to do:
 *     - Start a new devnet: the dead chain and its indexed data are deleted, a new local devnet
 *       is started and added in its place (the operator kept the demo, so they want it running);
 *     - Forget the chain: it is deleted, with its state file;
 *     - Not now: nothing changes until the next start.
 *    With "Do the same on every start" ticked, the choice is kept (AppSettings-independent key
 *    "localDevnet/onStart") and applied without asking next time, with a notice in the status bar.
 * While its node is brought back or the question is open, the chain's indexing alerts ("every
 * RPC endpoint is failing", stalled) are held back (AlertMonitor::holdChain()): the console is
 * dealing with it, and an alert would only alarm.
 *
 * Devnet chains are recognised by the RPC URLs DevnetService records when a devnet comes up: a
 * chain 31337 the operator runs themselves is never touched.
 *
 * Thread: the GUI thread. Never waits: deletion and the devnet run through the Engine's
 * futures and DevnetService's signals.
 */
class DevnetRecovery final : public QObject
{
    Q_OBJECT

public:
    enum class Choice { StartNew, Forget, Keep };

    /// Watches the chains and their statuses; holds back `alerts` of the chain it deals with;
    /// asks with a window-modal message box on `window`.
    DevnetRecovery(arbor::ChainService *chains, arbor::IndexingService *indexing, arbor::AlertMonitor *alerts,
                   QWidget *window);
    ~DevnetRecovery() override;

    /// The choice remembered for every start, if the operator ticked the box.
    static std::optional<Choice> rememberedChoice();
    static void setRememberedChoice(std::optional<Choice> choice);

    /// The devnet this recovery started (StartNew) or started again, or null.
    DevnetService *devnet() const { return m_devnet; }

Q_SIGNALS:
    /// For the status bar: what was done, or why it could not be.
    void notice(const QString &text);
    /// The new local devnet was added as a chain.
    void chainAdded(const arbor::ChainRecord &chain);

private:
    void onStatuses(const QList<arbor::ChainStatus> &statuses);
    /// `indexedBlock`: what the chain's status says was indexed, which the saved chain must reach.
    void resume(const arbor::ChainRecord &chain, std::optional<qint64> indexedBlock);
    void onResumeFailed(const arbor::Error &error);
    /// The remembered choice, else the question; `failure`: why starting it again failed.
    void decide(const arbor::ChainRecord &chain, const QString &failure);
    void ask(const arbor::ChainRecord &chain, const QString &failure);
    void apply(Choice choice, const arbor::ChainRecord &chain);
    void startNewDevnet();
    DevnetService *devnetService();
    /// Ends holding back the chain's alerts.
    void release();

    arbor::ChainService *m_chains = nullptr;
    arbor::IndexingService *m_indexing = nullptr;
    arbor::AlertMonitor *m_alerts = nullptr;
    QWidget *m_window;
    QList<arbor::ChainRecord> m_knownChains;
    bool m_handled = false;   ///< acted (or asked) once this session
    std::optional<arbor::ChainRecord> m_resuming;   ///< the chain whose node resume() brings back
    qint64 m_heldChain = 0;   ///< the chain whose alerts are held back, or 0
    QPointer<QMessageBox> m_question;
    DevnetService *m_devnet = nullptr;
};

} // namespace arbor::ui

#pragma once

#include "model/chainconfig.h"
#include "model/chainstatus.h"

#include <QObject>
#include <QPointer>

class QMessageBox;
class QWidget;

namespace arbor {
class ChainService;
class IndexingService;
}

namespace arbor::ui {

class DevnetService;

/**
 * The local devnet of an earlier session, found dead.
 *
 * The node of "Try a local devnet" is a child of the console and ends with it; the chain it
 * leaves behind can never be indexed again (a new node is a new chain: same id, other blocks)
 * and would raise "every RPC endpoint is failing" on every start. Once per session, when this
 * console indexes (it holds the lease) and such a chain reports every endpoint down, this asks
 * the operator what to do:
 *  - Start a new devnet: the dead chain and its indexed data are deleted, a new local devnet is
 *    started and added in its place (the operator kept the demo, so they want it running);
 *  - Forget the chain: it is deleted;
 *  - Not now: nothing changes until the next start.
 * With "Do the same on every start" ticked, the choice is kept (AppSettings-independent key
 * "localDevnet/onStart") and applied without asking next time, with a notice in the status bar.
 *
 * Devnet chains are recognised by the RPC URLs DevnetService records when a devnet comes up: a
 * chain 31337 the operator runs themselves is never touched.
 *
 * Thread: the GUI thread. Never waits: deletion and the new devnet run through the Engine's
 * futures and DevnetService's signals.
 */
class DevnetRecovery final : public QObject
{
    Q_OBJECT

public:
    enum class Choice { StartNew, Forget, Keep };

    /// Watches `engine`; asks with a window-modal message box on `window`.
    DevnetRecovery(arbor::ChainService *chains, arbor::IndexingService *indexing, QWidget *window);
    ~DevnetRecovery() override;

    /// The choice remembered for every start, if the operator ticked the box.
    static std::optional<Choice> rememberedChoice();
    static void setRememberedChoice(std::optional<Choice> choice);

    /// The devnet this recovery started (StartNew), or null.
    DevnetService *devnet() const { return m_devnet; }

Q_SIGNALS:
    /// For the status bar: what was done, or why it could not be.
    void notice(const QString &text);
    /// The new local devnet was added as a chain.
    void chainAdded(const arbor::ChainRecord &chain);

private:
    void onStatuses(const QList<arbor::ChainStatus> &statuses);
    void ask(const arbor::ChainRecord &chain);
    void apply(Choice choice, const arbor::ChainRecord &chain);
    void startNewDevnet();

    arbor::ChainService *m_chains = nullptr;
    arbor::IndexingService *m_indexing = nullptr;
    QWidget *m_window;
    QList<arbor::ChainRecord> m_knownChains;
    bool m_handled = false;   ///< asked (or acted) once this session
    QPointer<QMessageBox> m_question;
    DevnetService *m_devnet = nullptr;
};

} // namespace arbor::ui

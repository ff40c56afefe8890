#pragma once

#include "model/chainconfig.h"
#include "store/agentstore.h"

#include <QList>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace arbor {
class AgentService;
class ChainService;
struct EngineState;
}

namespace arbor::ui {

class AgentDetailPane;
class AgentListModel;
class RefreshThrottle;

/**
 * The Agents page: the ERC-8004 agents of one chain's identity registry (chosen like the Chain
 * Details page's chain), each with the name and services its registration file gives, owner,
 * feedback received, how its registration file fared and the token MCP actions send it; under
 * the table the selected agent in detail (AgentDetailPane). The verbs are those of `arborctl
 * agents`: Set MCP Token…, Fetch Again (one agent's file, or every file of the chain) and Show
 * Raw Registration….
 *
 * Everything comes from AgentService: the list is read through a RefreshThrottle when the page
 * is shown, when agentsChanged names the chain shown (coalesced), and every 15 s while shown
 * (feedback arrives by indexing, and another engine may be fetching the files); the selected
 * agent's validations and file follow each read. The model is diffed, so the selection stays.
 * On a read-only console the writing verbs are disabled and say why. The page does not own the
 * services, which must outlive it.
 */
class AgentsPage final : public QWidget
{
    Q_OBJECT

public:
    AgentsPage(arbor::AgentService *agents, arbor::ChainService *chains, QWidget *parent = nullptr);
    ~AgentsPage() override;

    /// Shows the agents of `chainId`.
    void showChain(qint64 chainId);
    /// Shows `chainId` when it has an identity registry (the chain the chain table has selected).
    void preferChain(qint64 chainId);
    qint64 chainId() const { return m_chainId; }
    /// Reads the agents now.
    void refresh();

    QAction *setTokenAction() const { return m_setToken; }
    QAction *fetchAgainAction() const { return m_fetchAgain; }
    QAction *fetchAllAction() const { return m_fetchAll; }
    QAction *showRawAction() const { return m_showRaw; }

private:
    QAction *createAction(const QString &icon, const QString &text, const char *objectName);
    bool readAgents();
    void readDetail();
    void onChainsChanged(const QList<arbor::ChainRecord> &chains);
    void onSelectionChanged();
    void updateSummary();
    void updateActions();
    std::optional<arbor::AgentRecord> selectedAgent() const;
    const arbor::ChainRecord *shownChain() const;

    void openTokenDialog();
    void fetchAgain(bool everyAgent);
    void showRawRegistration();
    void showStatus(const QString &text, bool error = false);

    arbor::AgentService *m_agents = nullptr;
    arbor::ChainService *m_chains = nullptr;
    AgentListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QComboBox *m_chooser = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_view = nullptr;
    AgentDetailPane *m_pane = nullptr;
    QLabel *m_statusLine = nullptr;
    QToolButton *m_fetchAllButton = nullptr;

    QAction *m_setToken = nullptr;
    QAction *m_fetchAgain = nullptr;
    QAction *m_fetchAll = nullptr;
    QAction *m_showRaw = nullptr;

    RefreshThrottle *m_refresh = nullptr;
    QList<arbor::ChainRecord> m_shownChains;    ///< as the chooser lists them
    qint64 m_chainId = 0;
    bool m_loaded = false;                      ///< the shown chain's list has been read
    quint64 m_detailRequest = 0;                ///< answers for an agent no longer selected are dropped
    std::optional<arbor::AgentDetail> m_detail; ///< of the selected agent, once read
};

} // namespace arbor::ui

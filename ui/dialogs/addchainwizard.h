#pragma once

#include "model/chainconfig.h"
#include "rpc/endpointprobe.h"

#include <QWizard>

#include <optional>

namespace arbor {
class ChainService;
}

namespace arbor::ui {

class ChainPage;
class ContractsPage;
class ProbePage;
class ReviewPage;
class RpcPage;

/**
 * The onboarding wizard for adding a chain: RPC URLs, a probe of each, the chain's name and
 * indexing settings, its token and ERC-8004 registry contracts, and a review that creates it.
 *
 * Each page checks what is typed on it as it is typed (with the same rules ChainService::addChain
 * applies), and Next stays disabled until the page is right. ChainService::addChain remains the
 * authority: what it refuses is shown on the review page, and the operator can go back.
 * All engine calls are asynchronous; nothing here blocks the GUI thread.
 */
class AddChainWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { RpcPageId, ProbePageId, ChainPageId, ContractsPageId, ReviewPageId };

    explicit AddChainWizard(arbor::ChainService *chains, QWidget *parent = nullptr);

    arbor::ChainService *chains() const { return m_chains; }
    /// The poll interval the chain page proposes (the console's setting for new chains).
    void setDefaultPollIntervalMs(int ms);

    /// The URLs typed on the first page, in priority order (valid ones only).
    QList<QUrl> typedUrls() const;
    /// The URLs that answered the probe and serve the chain: the ones the chain is added with.
    QList<QUrl> answeringUrls() const;
    /// The chain id the answering URLs agree on; 0 before a successful probe.
    qint64 probedChainId() const;
    /// The lowest head among the answering URLs: what every one of them can serve.
    std::optional<qint64> probedHead() const;

    /// Whether the chain page asked to start at the earliest token deployment.
    bool startsAtTokenDeployment() const;

    /// The tokens as read from the chain on the contracts page.
    QList<arbor::TokenInfo> tokenInfos() const;

    /// Everything entered, as ChainService::addChain takes it.
    arbor::ChainConfig config() const;

    /// Ignored while the chain is being created: the engine cannot be stopped half-way.
    void reject() override;

Q_SIGNALS:
    void chainAdded(const arbor::ChainRecord &chain);

private:
    arbor::ChainService *m_chains;
    RpcPage *m_rpcPage = nullptr;
    ProbePage *m_probePage = nullptr;
    ChainPage *m_chainPage = nullptr;
    ContractsPage *m_contractsPage = nullptr;
    ReviewPage *m_reviewPage = nullptr;
};

} // namespace arbor::ui

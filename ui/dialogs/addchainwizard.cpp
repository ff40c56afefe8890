#include "dialogs/addchainwizard.h"

#include "dialogs/wizard/chainpage.h"
#include "dialogs/wizard/contractspage.h"
#include "dialogs/wizard/probepage.h"
#include "dialogs/wizard/reviewpage.h"
#include "dialogs/wizard/rpcpage.h"
#include "engine/chainservice.h"

namespace arbor::ui {

AddChainWizard::AddChainWizard(ChainService *chains, QWidget *parent)
    : QWizard(parent)
    , m_chains(chains)
{
    setObjectName(QStringLiteral("addChainWizard"));
    setWindowTitle(tr("Add Chain"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    setButtonText(QWizard::FinishButton, tr("&Create Chain"));
    setMinimumSize(820, 600);

    m_rpcPage = new RpcPage(this);
    m_probePage = new ProbePage(this);
    m_chainPage = new ChainPage(this);
    m_contractsPage = new ContractsPage(this);
    m_reviewPage = new ReviewPage(this);
    setPage(RpcPageId, m_rpcPage);
    setPage(ProbePageId, m_probePage);
    setPage(ChainPageId, m_chainPage);
    setPage(ContractsPageId, m_contractsPage);
    setPage(ReviewPageId, m_reviewPage);
    setStartId(RpcPageId);
}

void AddChainWizard::reject()
{
    if (m_reviewPage->isCreating())
        return;
    QWizard::reject();
}

void AddChainWizard::setDefaultPollIntervalMs(int ms)
{
    m_chainPage->setPollIntervalMs(ms);
}

QList<QUrl> AddChainWizard::typedUrls() const
{
    return m_rpcPage->urls();
}

QList<QUrl> AddChainWizard::answeringUrls() const
{
    return m_probePage->answeringUrls();
}

qint64 AddChainWizard::probedChainId() const
{
    return m_probePage->chainId();
}

std::optional<qint64> AddChainWizard::probedHead() const
{
    return m_probePage->head();
}

bool AddChainWizard::startsAtTokenDeployment() const
{
    return m_chainPage->start() == ChainPage::Start::TokenDeployment;
}

QList<TokenInfo> AddChainWizard::tokenInfos() const
{
    return m_contractsPage->tokenInfos();
}

ChainConfig AddChainWizard::config() const
{
    ChainConfig config;
    config.chainId = probedChainId();
    config.name = m_chainPage->name();
    config.rpcUrls = answeringUrls();
    switch (m_chainPage->start()) {
    case ChainPage::Start::Latest:
        break;
    case ChainPage::Start::Block:
        config.startBlock = m_chainPage->startBlock();
        break;
    case ChainPage::Start::TokenDeployment:
        config.startBlock = m_contractsPage->earliestDeployment();
        break;
    }
    config.confirmations = m_chainPage->confirmations();
    config.pollIntervalMs = m_chainPage->pollIntervalMs();
    config.blockStats = m_chainPage->blockStats();
    config.tokens = m_contractsPage->tokens();
    config.registries = m_contractsPage->registries();
    return config;
}

} // namespace arbor::ui

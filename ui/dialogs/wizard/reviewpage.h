#pragma once

#include "model/chainconfig.h"
#include "rpc/eventdensity.h"

#include <QList>
#include <QWizardPage>

class QGroupBox;
class QLabel;
class QProgressBar;
class QTableView;

namespace arbor::ui {

class AddChainWizard;
class MessageLabel;
class TokenModel;

/**
 * Last page of the add-chain wizard: a summary of everything entered, each token's balance
 * mode and why, and the Create button.
 *
 * The balance modes are asked of the node (ChainService::probeTokens with the start block) each time
 * the page is shown, without waiting: "Checking…" meanwhile, the error if it fails, and an
 * answer to an earlier request is dropped. For a chain counting blocks with events, how many
 * blocks of the range hold events is sampled the same way (ChainService::sampleEvents), and the
 * calls to reach the head count a header for each. Create runs ChainService::addChain, which checks and probes
 * everything again; a refusal is shown here and the operator can go back and fix it. On success
 * the page shows the modes the chain got, the wizard emits chainAdded and closes.
 */
class ReviewPage final : public QWizardPage
{
    Q_OBJECT

public:
    explicit ReviewPage(AddChainWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool validatePage() override;
    bool isComplete() const override;

    bool isCreating() const { return m_creating; }
    bool isCheckingModes() const { return m_checkingModes; }
    bool isSamplingEvents() const { return m_sampling; }
    /// What the last sample found (empty while sampling, after a failure, or for "every block").
    const std::optional<arbor::EventDensity> &sampledEvents() const { return m_density; }
    /// The tokens with the balance modes shown: as checked, or as the created chain got them.
    TokenModel *tokenModel() const { return m_tokens; }

private:
    /// The summary of the settings, with the calls to reach the head for the statistics chosen.
    void showSummary();
    /// Samples how many blocks of the range hold events (ChainService::sampleEvents), for the
    /// estimate of a chain counting blocks with events; supersedes an earlier request.
    void sampleEvents();
    void create();
    void setCreating(bool creating);
    /// Asks the node which balance mode each token gets from the start block; supersedes an
    /// earlier request.
    void checkBalanceModes();
    void setCheckingModes(bool checking);
    void showTokens(const QList<arbor::TokenInfo> &tokens);

    AddChainWizard *m_wizard;
    QLabel *m_summary = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyLabel = nullptr;
    MessageLabel *m_error = nullptr;
    QGroupBox *m_tokenBox = nullptr;
    QTableView *m_tokenView = nullptr;
    TokenModel *m_tokens = nullptr;
    QLabel *m_modeStatus = nullptr;
    MessageLabel *m_modeError = nullptr;
    int m_modeGeneration = 0;          ///< bumped by each request: older answers are dropped
    int m_densityGeneration = 0;       ///< the same for the event sample
    bool m_sampling = false;
    std::optional<arbor::EventDensity> m_density;
    QString m_densityError;
    bool m_checkingModes = false;
    bool m_creating = false;
    bool m_created = false;
};

} // namespace arbor::ui

#pragma once

#include "model/chainconfig.h"

#include <QWizardPage>

#include <optional>

class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace arbor::ui {

class AddChainWizard;
class MessageLabel;

/**
 * Third page of the add-chain wizard: the chain's name (checked as ChainConfig::validate does,
 * and against the chains already added), its id as probed, where indexing starts, the
 * confirmations to wait for, the poll interval, and which blocks the daily statistics count
 * (with what reaching the head costs in calls for each choice).
 */
class ChainPage final : public QWizardPage
{
    Q_OBJECT

public:
    enum class Start { Latest, Block, TokenDeployment };

    explicit ChainPage(AddChainWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    QString name() const;
    Start start() const;
    /// The block typed for Start::Block.
    std::optional<qint64> startBlock() const;
    int confirmations() const;
    BlockStats blockStats() const;
    int pollIntervalMs() const;
    /// The poll interval proposed (the console's setting for new chains).
    void setPollIntervalMs(int ms);

private:
    void check();
    /// What reaching the head costs for each choice of block statistics, from the start chosen.
    void showCost();

    AddChainWizard *m_wizard;
    QLineEdit *m_nameEdit = nullptr;
    MessageLabel *m_nameError = nullptr;
    QLineEdit *m_chainIdEdit = nullptr;
    QRadioButton *m_latestRadio = nullptr;
    QRadioButton *m_blockRadio = nullptr;
    QRadioButton *m_deploymentRadio = nullptr;
    QLineEdit *m_blockEdit = nullptr;
    QLabel *m_headLabel = nullptr;
    MessageLabel *m_startError = nullptr;
    QSpinBox *m_confirmationsSpin = nullptr;
    QSpinBox *m_pollSpin = nullptr;
    QRadioButton *m_eventsRadio = nullptr;
    QRadioButton *m_everyRadio = nullptr;
    QLabel *m_costLabel = nullptr;
    bool m_valid = false;
};

} // namespace arbor::ui

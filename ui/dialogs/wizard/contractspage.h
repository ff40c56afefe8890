#pragma once

#include "model/address.h"
#include "model/chainconfig.h"
#include "model/erc8004deployments.h"

#include <QList>
#include <QWizardPage>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace arbor::ui {

class AddChainWizard;
class MessageLabel;

/**
 * Fourth page of the add-chain wizard: the ERC-20 tokens to index, each read from the chain as
 * it is added (name, symbol, decimals, deployment block, through ChainService::probeTokens), and the
 * ERC-8004 registries (any subset of identity, reputation, validation). Addresses are checked
 * as they are typed; Next waits until every token was read and is an ERC-20. On a chain the
 * ERC-8004 team lists a deployment for (model/erc8004deployments.h), a button fills in those
 * registries.
 */
class ContractsPage final : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { AddressColumn, NameColumn, SymbolColumn, DecimalsColumn, DeployColumn, StatusColumn, ColumnCount };

    explicit ContractsPage(AddChainWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

    QList<arbor::Address> tokens() const;
    /// The tokens as read from the chain (those read so far).
    QList<arbor::TokenInfo> tokenInfos() const;
    QList<arbor::RegistryRef> registries() const;
    /// The earliest known deployment block of the tokens.
    std::optional<qint64> earliestDeployment() const;

private:
    struct Token
    {
        arbor::Address address;
        std::optional<arbor::TokenInfo> info;
        QString problem;      ///< why the token cannot be added; empty when fine or still reading
        bool reading = true;
    };

    void checkTokenInput();
    void addToken();
    void removeSelectedTokens();
    void showToken(int row);
    /// Lists under the table why tokens cannot be added, in full (the table cells elide).
    void showTokenProblems();
    void checkRegistries();
    /// Shows the official registries of the probed chain, when it has any; clears the ones
    /// filled in for `previousChainId` that this chain does not share.
    void offerOfficialRegistries(qint64 previousChainId);
    void useOfficialRegistries();
    void updateStart();
    int rowOf(const arbor::Address &address) const;

    AddChainWizard *m_wizard;
    QLineEdit *m_tokenEdit = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    MessageLabel *m_tokenError = nullptr;
    QTableWidget *m_table = nullptr;
    MessageLabel *m_tokenProblems = nullptr;
    QLineEdit *m_registryEdits[3] = {};
    MessageLabel *m_registryErrors[3] = {};
    QPushButton *m_officialButton = nullptr;
    MessageLabel *m_officialNote = nullptr;
    std::optional<arbor::Erc8004Deployment> m_official;   ///< of the probed chain
    MessageLabel *m_startMessage = nullptr;
    QList<Token> m_tokens;
    qint64 m_chainId = 0;   ///< the chain the listed tokens were read on
    bool m_tokenInputOk = true;
    bool m_registriesOk = true;
    bool m_startOk = true;
};

} // namespace arbor::ui

#pragma once

#include "model/chainedit.h"

#include <QDialog>
#include <QList>
#include <QUrl>

#include <optional>
#include <utility>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace arbor {
class BalanceService;
class ChainService;
struct Error;
}

namespace arbor::ui {

class MessageLabel;

/**
 * Edit Chain…: changes a registered chain through ChainService::editChain() — its name, RPC URLs,
 * poll interval, confirmations, RPC rate and ERC-8004 registries to add (their past events are
 * backfilled) — and its tokens through ChainService::addToken() and BalanceService::setBalanceMode().
 *
 * A URL to add is probed when it is added here (ChainService::probeEndpoints(), with the chain's id)
 * and what the probe found is shown; the engine probes it again when the edit is saved. A URL
 * removed here leaves the list; the last one cannot be removed. Move Up and Move Down order the
 * URLs (the first is the one the indexer prefers), saved with the edit. A token to add is read from the
 * chain when it is added here (ChainService::probeTokens(): symbol, decimals, the balance mode it
 * would get) and shown as new. Nothing is changed before Save, which sends the settings, URLs and
 * registries as one edit, then adds the new tokens and sets the changed balance modes; Cancel
 * leaves the chain as it was. A step that fails stops Save there and says what was saved before
 * it; Save again takes up what is left.
 *
 * The dialog keeps its size while messages come and go (the lists give up the room), so Save
 * does not move under the pointer.
 *
 * What is entered is checked as it is typed (ChainEdit::apply(), no database or network), and
 * every problem, the engine's refusals included, is shown under the field it is about; the
 * dialog stays open until the edit is saved. Nothing here waits on the GUI thread. Meant to be
 * opened window-modal with open().
 */
class EditChainDialog final : public QDialog
{
    Q_OBJECT

public:
    EditChainDialog(arbor::ChainService *chains, arbor::BalanceService *balances, const arbor::ChainRecord &chain, QWidget *parent = nullptr);

    qint64 chainId() const { return m_chain.config.chainId; }
    /// The edit Save sends, from what is entered; empty while nothing was changed.
    arbor::ChainEdit edit() const;

Q_SIGNALS:
    /// Saved: the chain as stored now.
    void chainEdited(const arbor::ChainRecord &chain);

private:
    QWidget *createSettings();
    QWidget *createEndpoints();
    QWidget *createTokens();
    QWidget *createRegistries();
    void addRegistry();
    void addTokenRow(const arbor::TokenInfo &token);
    void revalidate();
    void probeAndAddUrl();
    void removeSelectedUrl();
    /// Moves the selected URL one place up (-1) or down (+1): the first is tried first.
    void moveSelectedUrl(int by);
    void addToken();
    void setTokenMode(QComboBox *combo, const arbor::Address &token);
    /// Whether anything waits for Save: the edit, tokens to add or balance modes to set.
    bool hasChanges() const;
    void save();
    /// The next step of Save: the edit, then each token, then each balance mode.
    void saveNext();
    void saveFailed(const QString &what, const arbor::Error &error);
    /// Shows `error` under the field it names, or at the bottom.
    void showError(const arbor::Error &error);
    void clearErrors();

    arbor::ChainService *m_chains = nullptr;
    arbor::BalanceService *m_balances = nullptr;
    const arbor::ChainRecord m_chain;
    QList<QUrl> m_added;          ///< probed here, in the order added
    QList<QUrl> m_removed;        ///< of the chain's URLs
    QList<arbor::RegistryRef> m_addedRegistries;   ///< added when the edit is saved
    QList<arbor::TokenInfo> m_addedTokens;         ///< read from the chain here, added by Save (balanceMode: the one chosen)
    QList<std::pair<arbor::Address, arbor::BalanceMode>> m_modeChanges;   ///< of the chain's tokens, set by Save
    std::optional<arbor::ChainRecord> m_saved;     ///< the edit, once Save has written it
    QStringList m_done;                            ///< what this Save has changed so far, for a failure's message
    bool m_probing = false;
    bool m_saving = false;

    QLineEdit *m_name = nullptr;
    MessageLabel *m_nameMessage = nullptr;
    QSpinBox *m_pollInterval = nullptr;
    MessageLabel *m_pollMessage = nullptr;
    QSpinBox *m_confirmations = nullptr;
    MessageLabel *m_confirmationsMessage = nullptr;
    QSpinBox *m_rpcRate = nullptr;
    QComboBox *m_blockStats = nullptr;
    MessageLabel *m_rateMessage = nullptr;

    QListWidget *m_urls = nullptr;
    QPushButton *m_removeUrl = nullptr;
    QPushButton *m_moveUp = nullptr;
    QPushButton *m_moveDown = nullptr;
    QLineEdit *m_newUrl = nullptr;
    QPushButton *m_addUrl = nullptr;
    MessageLabel *m_urlMessage = nullptr;

    QTableWidget *m_tokens = nullptr;
    QLineEdit *m_newToken = nullptr;
    QPushButton *m_addToken = nullptr;
    MessageLabel *m_tokenMessage = nullptr;

    QListWidget *m_registries = nullptr;
    QComboBox *m_registryKind = nullptr;
    QLineEdit *m_registryAddress = nullptr;
    QPushButton *m_addRegistry = nullptr;
    MessageLabel *m_registryMessage = nullptr;

    MessageLabel *m_error = nullptr;
    QPushButton *m_saveButton = nullptr;
    QList<QWidget *> m_editParts;   ///< the settings, endpoints and registries: what one edit sends
};

} // namespace arbor::ui

// EditChainDialog: a token to add, read from the chain, and Save's steps — the edit, then the
// new tokens, then the balance modes — each taken up where the last stopped.

#include "dialogs/editchaindialog.h"

#include "engine/balanceservice.h"
#include "engine/chainservice.h"
#include "models/tokenmodel.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>

#include <algorithm>

namespace arbor::ui {

void EditChainDialog::addToken()
{
    const Result<Address> token = Address::fromHex(m_newToken->text().trimmed(), QStringLiteral("token"));
    if (!token) {
        m_tokenMessage->showMessage(token.error().message);
        return;
    }
    const auto known = [&](const TokenInfo &t) { return t.address == *token; };
    if (std::any_of(m_chain.tokens.cbegin(), m_chain.tokens.cend(), known) || std::any_of(m_addedTokens.cbegin(), m_addedTokens.cend(), known)) {
        m_tokenMessage->showMessage(tr("%1 is already in the list.").arg(token->toChecksumHex()));
        return;
    }
    m_addToken->setEnabled(false);
    m_newToken->setEnabled(false);
    m_probing = true;
    revalidate();
    m_tokenMessage->showMessage(tr("Reading %1 from the chain…").arg(token->toChecksumHex()), MessageLabel::Kind::Note);
    // Read only: symbol, decimals and the balance mode indexing from the chain's start would give.
    const QUrl url = m_chain.config.rpcUrls.value(0);
    const qint64 head = m_chain.checkpointBlock.value_or(m_chain.config.startBlock.value_or(0));
    then(m_chains->probeTokens(url, {*token}, head, m_chain.config.startBlock), this, [this](Result<QList<TokenInfo>> read) {
        m_addToken->setEnabled(true);
        m_newToken->setEnabled(true);
        m_probing = false;
        revalidate();
        if (!read || read->isEmpty()) {
            m_tokenMessage->showMessage(tr("Not added: %1").arg(read ? tr("the chain did not answer for the token.") : read.error().message));
            return;
        }
        const TokenInfo info = read->first();
        m_addedTokens.append(info);
        addTokenRow(info);
        m_newToken->clear();
        m_tokenMessage->showMessage(tr("%1 (%2 decimals) is added when you save; its past transfers are then backfilled.")
                                        .arg(info.symbol.isEmpty() ? info.address.toChecksumHex() : info.symbol)
                                        .arg(info.decimals ? QString::number(*info.decimals) : tr("unknown")),
                                    MessageLabel::Kind::Note);
        revalidate();
    });
}

void EditChainDialog::setTokenMode(QComboBox *combo, const Address &token)
{
    const auto mode = BalanceMode(combo->currentData().toInt());
    m_tokenMessage->clearMessage();
    for (TokenInfo &added : m_addedTokens) {
        if (added.address == token) {
            added.balanceMode = mode;   // a new token is added with the mode chosen
            revalidate();
            return;
        }
    }
    m_modeChanges.removeIf([&](const auto &change) { return change.first == token; });
    const auto stored = std::find_if(m_chain.tokens.cbegin(), m_chain.tokens.cend(), [&](const TokenInfo &t) { return t.address == token; });
    if (stored != m_chain.tokens.cend() && stored->balanceMode.value_or(BalanceMode::Transfers) != mode) {
        m_modeChanges.append({token, mode});
        m_tokenMessage->showMessage(tr("%1 takes its balances from %2 when you save; they are then computed again.")
                                        .arg(token.toChecksumHex(), TokenModel::modeText(mode)),
                                    MessageLabel::Kind::Note);
    }
    revalidate();
}

void EditChainDialog::save()
{
    if (!hasChanges() || m_saving)
        return;
    m_saving = true;
    m_done.clear();
    m_saveButton->setEnabled(false);
    saveNext();
}

void EditChainDialog::saveNext()
{
    const ChainRef ref{m_chain.config.chainId, {}};
    const ChainEdit wanted = m_saved ? ChainEdit() : edit();
    if (!wanted.isEmpty()) {
        m_error->showMessage(wanted.addRpcUrls.isEmpty() ? tr("Saving…") : tr("Probing the new URLs and saving…"), MessageLabel::Kind::Note);
        then(m_chains->editChain(ref, wanted), this, [this](Result<ChainRecord> edited) {
            if (!edited) {
                m_saving = false;
                revalidate();
                showError(edited.error());
                return;
            }
            m_saved = *edited;
            m_done.append(tr("the chain's settings"));
            // Written: a later step that fails leaves the dialog open for the tokens, and what
            // was saved is not edited again here (Save would not send it twice).
            for (QWidget *part : std::as_const(m_editParts)) {
                part->setEnabled(false);
                part->setToolTip(tr("Saved. Open Edit Chain again to change it."));
            }
            saveNext();
        });
        return;
    }
    if (!m_addedTokens.isEmpty()) {
        const TokenInfo token = m_addedTokens.first();
        const QString name = token.symbol.isEmpty() ? token.address.toChecksumHex() : token.symbol;
        m_error->showMessage(tr("Adding %1…").arg(name), MessageLabel::Kind::Note);
        then(m_chains->addToken(ref, token.address), this, [this, token, name](Result<TokenInfo> added) {
            if (!added) {
                saveFailed(tr("%1 was not added").arg(name), added.error());
                return;
            }
            m_addedTokens.removeFirst();
            m_done.append(name);
            // Added with the mode its history gives; the one chosen here, if another, is set next.
            if (token.balanceMode && added->balanceMode != token.balanceMode)
                m_modeChanges.append({token.address, *token.balanceMode});
            saveNext();
        });
        return;
    }
    if (!m_modeChanges.isEmpty()) {
        const auto [token, mode] = m_modeChanges.first();
        m_error->showMessage(tr("Setting the balance mode of %1…").arg(token.toChecksumHex()), MessageLabel::Kind::Note);
        then(m_balances->setBalanceMode(ref, token, mode), this, [this, token, mode](Status set) {
            if (!set) {
                saveFailed(tr("The balance mode of %1 was not set").arg(token.toChecksumHex()), set.error());
                return;
            }
            m_modeChanges.removeFirst();
            m_done.append(tr("the balance mode of %1").arg(token.toChecksumHex()));
            saveNext();
        });
        return;
    }
    m_saving = false;
    ChainRecord record = m_saved.value_or(m_chain);
    Q_EMIT chainEdited(record);
    accept();
}

void EditChainDialog::saveFailed(const QString &what, const Error &error)
{
    m_saving = false;
    revalidate();
    QString text = tr("%1: %2").arg(what, error.message);
    if (!m_done.isEmpty())
        text += QLatin1Char(' ') + tr("Saved before it: %1. Save again to try the rest.").arg(QLocale().createSeparatedList(m_done));
    m_tokenMessage->showMessage(text);
}

} // namespace arbor::ui

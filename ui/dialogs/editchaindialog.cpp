#include "dialogs/editchaindialog.h"

#include "engine/balanceservice.h"
#include "engine/chainservice.h"
#include "model/urlsecrets.h"
#include "models/tokenmodel.h"
#include "models/triggerlistmodel.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"
#include "widgets/screenfit.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace arbor::ui {
namespace {

enum TokenColumn { TokenName, TokenMode, TokenReason };

/// A field and the message under it, as one form row.
QWidget *withMessage(QWidget *field, MessageLabel *message)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    layout->addWidget(message);
    return box;
}

QSpinBox *spinBox(const char *objectName, int min, int max, int value, const QString &suffix)
{
    auto *spin = new QSpinBox;
    spin->setObjectName(QString::fromLatin1(objectName));
    spin->setRange(min, max);
    spin->setValue(value);
    spin->setSuffix(suffix);
    spin->setGroupSeparatorShown(true);
    return spin;
}

} // namespace

EditChainDialog::EditChainDialog(ChainService *chains, BalanceService *balances, const ChainRecord &chain, QWidget *parent)
    : QDialog(parent)
    , m_chains(chains), m_balances(balances)
    , m_chain(chain)
{
    Q_ASSERT(chains);
    setObjectName(QStringLiteral("editChainDialog"));
    setWindowTitle(tr("Edit Chain"));

    auto *heading = new QLabel(tr("“%1”, chain %2").arg(chain.config.name).arg(chain.config.chainId));
    heading->setTextFormat(Qt::PlainText);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    heading->setFont(headingFont);

    m_error = new MessageLabel(QStringLiteral("editChainError"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_saveButton = buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole);
    m_saveButton->setObjectName(QStringLiteral("saveChainButton"));
    m_saveButton->setToolTip(tr("Save the name, RPC URLs and their order, poll interval, confirmations, RPC rate, block statistics and registries as one change, then add the new tokens and set the balance modes"));
    connect(m_saveButton, &QPushButton::clicked, this, &EditChainDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    m_editParts = {createSettings(), createEndpoints(), createRegistries()};
    layout->addWidget(m_editParts[0]);
    layout->addWidget(m_editParts[1], 1);
    layout->addWidget(m_editParts[2]);
    layout->addWidget(createTokens(), 1);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(620);
    // A fixed size while messages come and go under the fields: the lists give up the room
    // (down to a few rows) instead of the dialog growing and Save moving under the pointer.
    const int line = fontMetrics().height();
    // Down to two lines or one row each: the dialog then fits a 1366×768 laptop with every
    // message showing.
    m_urls->setMinimumHeight(3 * line);
    m_registries->setMinimumHeight(2 * line + 2 * m_registries->frameWidth());
    m_tokens->setMinimumHeight(m_tokens->horizontalHeader()->sizeHint().height() + m_tokens->verticalHeader()->defaultSectionSize()
                               + 2 * m_tokens->frameWidth());
    const QSize natural = sizeHint();
    resizeOnScreen(this, QSize(std::max(natural.width(), 620), natural.height() + 6 * line));
    revalidate();
}

QWidget *EditChainDialog::createSettings()
{
    m_name = new QLineEdit(m_chain.config.name);
    m_name->setObjectName(QStringLiteral("chainNameEdit"));
    m_name->setMaxLength(ChainConfig::MaxNameLength + 10);   // too long is said, not cut
    m_nameMessage = new MessageLabel(QStringLiteral("chainNameMessage"));

    m_pollInterval = spinBox("pollIntervalSpin", 1, 3600 * 1000, m_chain.config.pollIntervalMs, tr(" ms"));
    m_pollInterval->setSingleStep(500);
    m_pollInterval->setToolTip(tr("How often the chain's head is asked for once indexing has caught up"));
    m_pollMessage = new MessageLabel(QStringLiteral("pollIntervalMessage"));

    m_confirmations = spinBox("confirmationsSpin", 0, 100000, m_chain.config.confirmations, QString());
    m_confirmations->setToolTip(tr("Index only blocks this deep below the head: reorganisations above them never reach the tables"));
    m_confirmationsMessage = new MessageLabel(QStringLiteral("confirmationsMessage"));

    m_rpcRate = spinBox("rpcRateSpin", 0, int(ChainEdit::MaxRpcRate), int(chainRpcRate(m_chain)), tr(" requests/s"));
    m_rpcRate->setSpecialValueText(tr("Unlimited"));
    m_rpcRate->setToolTip(tr("Requests per second allowed on each RPC URL of the chain; Unlimited learns the provider's limit from its refusals"));
    m_rateMessage = new MessageLabel(QStringLiteral("rpcRateMessage"));

    m_blockStats = new QComboBox;
    m_blockStats->setObjectName(QStringLiteral("blockStatsCombo"));
    m_blockStats->addItem(tr("Blocks with events (fewest calls)"), QVariant::fromValue(int(BlockStats::Events)));
    m_blockStats->addItem(tr("Every block (one call per block)"), QVariant::fromValue(int(BlockStats::Every)));
    m_blockStats->setCurrentIndex(m_chain.config.blockStats == BlockStats::Every ? 1 : 0);
    const qint64 indexed = m_chain.checkpointBlock ? *m_chain.checkpointBlock - m_chain.config.startBlock.value_or(0) + 1 : 0;
    m_blockStats->setToolTip(indexed > 0
                                 ? tr("Which blocks the daily statistics count. Every block fetches the header of each of the %1 blocks "
                                      "indexed so far (about one call per block) and of each new block; blocks with events only "
                                      "those that hold the chain's events.")
                                       .arg(QLocale().toString(indexed))
                                 : tr("Which blocks the daily statistics count: every block (one call per block) or the blocks that "
                                      "hold the chain's events only."));

    auto *box = new QGroupBox(tr("Chain"));
    auto *form = new QFormLayout(box);
    form->addRow(tr("&Name:"), withMessage(m_name, m_nameMessage));
    form->addRow(tr("&Poll interval:"), withMessage(m_pollInterval, m_pollMessage));
    form->addRow(tr("&Confirmations:"), withMessage(m_confirmations, m_confirmationsMessage));
    form->addRow(tr("RPC &rate:"), withMessage(m_rpcRate, m_rateMessage));
    form->addRow(tr("&Block statistics:"), m_blockStats);
    connect(m_name, &QLineEdit::textChanged, this, &EditChainDialog::revalidate);
    connect(m_blockStats, &QComboBox::currentIndexChanged, this, &EditChainDialog::revalidate);
    for (QSpinBox *spin : {m_pollInterval, m_confirmations, m_rpcRate})
        connect(spin, &QSpinBox::valueChanged, this, &EditChainDialog::revalidate);
    return box;
}

QWidget *EditChainDialog::createEndpoints()
{
    m_urls = new QListWidget;
    m_urls->setObjectName(QStringLiteral("rpcUrlList"));
    for (const EndpointRecord &e : m_chain.endpoints) {
        auto *item = new QListWidgetItem(urlsecrets::displayText(e.url), m_urls);
        item->setData(Qt::UserRole, e.url);
        item->setToolTip(endpointStatusText(e.status));
    }
    m_removeUrl = new QPushButton(tr("Re&move"));
    m_removeUrl->setObjectName(QStringLiteral("removeRpcButton"));
    m_moveUp = new QPushButton(tr("Move &Up"));
    m_moveUp->setObjectName(QStringLiteral("moveRpcUpButton"));
    m_moveUp->setToolTip(tr("Try the selected URL before the one above it; the first URL is the one the indexer prefers"));
    m_moveDown = new QPushButton(tr("Move Do&wn"));
    m_moveDown->setObjectName(QStringLiteral("moveRpcDownButton"));
    m_moveDown->setToolTip(tr("Try the selected URL after the one below it"));
    connect(m_moveUp, &QPushButton::clicked, this, [this] { moveSelectedUrl(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { moveSelectedUrl(+1); });
    m_newUrl = new QLineEdit;
    m_newUrl->setObjectName(QStringLiteral("newRpcEdit"));
    m_newUrl->setPlaceholderText(tr("https://… another endpoint of this chain"));
    m_addUrl = new QPushButton(tr("Probe and &Add"));
    m_addUrl->setObjectName(QStringLiteral("addRpcButton"));
    m_addUrl->setToolTip(tr("Ask the URL for its chain id, head and client before it is added; it must serve chain %1")
                             .arg(m_chain.config.chainId));
    m_urlMessage = new MessageLabel(QStringLiteral("rpcMessage"));
    connect(m_removeUrl, &QPushButton::clicked, this, &EditChainDialog::removeSelectedUrl);
    connect(m_addUrl, &QPushButton::clicked, this, &EditChainDialog::probeAndAddUrl);
    connect(m_newUrl, &QLineEdit::returnPressed, this, &EditChainDialog::probeAndAddUrl);
    connect(m_urls, &QListWidget::itemSelectionChanged, this, &EditChainDialog::revalidate);

    auto *box = new QGroupBox(tr("RPC endpoints"));
    auto *grid = new QGridLayout(box);
    auto *side = new QVBoxLayout;
    side->addWidget(m_moveUp);
    side->addWidget(m_moveDown);
    side->addWidget(m_removeUrl);
    side->addStretch(1);
    grid->addWidget(m_urls, 0, 0);
    grid->addLayout(side, 0, 1);
    grid->addWidget(m_newUrl, 1, 0);
    grid->addWidget(m_addUrl, 1, 1);
    grid->addWidget(m_urlMessage, 2, 0, 1, 2);
    return box;
}

QWidget *EditChainDialog::createTokens()
{
    m_tokens = new QTableWidget(0, 3);
    m_tokens->setObjectName(QStringLiteral("tokenTable"));
    m_tokens->setHorizontalHeaderLabels({tr("Token"), tr("Balances from"), tr("Why")});
    m_tokens->horizontalHeader()->setSectionResizeMode(TokenName, QHeaderView::ResizeToContents);
    m_tokens->horizontalHeader()->setSectionResizeMode(TokenMode, QHeaderView::ResizeToContents);
    m_tokens->horizontalHeader()->setSectionResizeMode(TokenReason, QHeaderView::Stretch);
    m_tokens->setWordWrap(false);
    m_tokens->verticalHeader()->hide();
    m_tokens->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tokens->setSelectionMode(QAbstractItemView::NoSelection);
    for (const TokenInfo &t : m_chain.tokens)
        addTokenRow(t);
    m_newToken = new QLineEdit;
    m_newToken->setObjectName(QStringLiteral("newTokenEdit"));
    m_newToken->setPlaceholderText(tr("0x… an ERC-20 token contract"));
    m_addToken = new QPushButton(tr("Add &Token"));
    m_addToken->setObjectName(QStringLiteral("addTokenButton"));
    m_addToken->setToolTip(tr("Read the token from the chain; it is added when you save, and its past transfers are then backfilled without a full reindex"));
    m_tokenMessage = new MessageLabel(QStringLiteral("tokenMessage"));
    connect(m_addToken, &QPushButton::clicked, this, &EditChainDialog::addToken);
    connect(m_newToken, &QLineEdit::returnPressed, this, &EditChainDialog::addToken);

    auto *box = new QGroupBox(tr("Tokens"));
    auto *grid = new QGridLayout(box);
    grid->addWidget(m_tokens, 0, 0, 1, 2);
    grid->addWidget(m_newToken, 1, 0);
    grid->addWidget(m_addToken, 1, 1);
    grid->addWidget(m_tokenMessage, 2, 0, 1, 2);
    return box;
}

QWidget *EditChainDialog::createRegistries()
{
    m_registries = new QListWidget;
    m_registries->setObjectName(QStringLiteral("registryList"));
    m_registries->setSelectionMode(QAbstractItemView::NoSelection);
    m_registries->setMaximumHeight(m_registries->fontMetrics().height() * 5);
    m_registryKind = new QComboBox;
    m_registryKind->setObjectName(QStringLiteral("registryKindCombo"));
    for (RegistryKind kind : {RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation}) {
        const bool indexed = std::any_of(m_chain.config.registries.cbegin(), m_chain.config.registries.cend(),
                                         [kind](const RegistryRef &r) { return r.kind == kind; });
        if (indexed)
            continue;
        m_registryKind->addItem(TriggerListModel::registryText(kind), int(kind));
    }
    for (const RegistryRef &r : m_chain.config.registries)
        new QListWidgetItem(tr("%1  %2").arg(TriggerListModel::registryText(r.kind), r.address.toChecksumHex()), m_registries);
    m_registryAddress = new QLineEdit;
    m_registryAddress->setObjectName(QStringLiteral("registryAddressEdit"));
    m_registryAddress->setPlaceholderText(tr("0x… the registry contract"));
    m_addRegistry = new QPushButton(tr("Add Re&gistry"));
    m_addRegistry->setObjectName(QStringLiteral("addRegistryButton"));
    m_addRegistry->setToolTip(tr("Index this registry when the edit is saved; its events from block %1 on are backfilled")
                                  .arg(m_chain.config.startBlock.value_or(0)));
    m_registryMessage = new MessageLabel(QStringLiteral("registryMessage"));
    const bool allIndexed = m_registryKind->count() == 0;
    for (QWidget *w : std::initializer_list<QWidget *>{m_registryKind, m_registryAddress, m_addRegistry})
        w->setEnabled(!allIndexed);
    connect(m_addRegistry, &QPushButton::clicked, this, &EditChainDialog::addRegistry);
    connect(m_registryAddress, &QLineEdit::returnPressed, this, &EditChainDialog::addRegistry);

    auto *box = new QGroupBox(tr("ERC-8004 registries"));
    auto *grid = new QGridLayout(box);
    grid->addWidget(m_registries, 0, 0, 1, 3);
    grid->addWidget(m_registryKind, 1, 0);
    grid->addWidget(m_registryAddress, 1, 1);
    grid->addWidget(m_addRegistry, 1, 2);
    grid->addWidget(m_registryMessage, 2, 0, 1, 3);
    grid->setColumnStretch(1, 1);
    return box;
}

void EditChainDialog::addRegistry()
{
    if (m_registryKind->count() == 0)
        return;
    const Result<Address> address = Address::fromHex(m_registryAddress->text().trimmed(), QStringLiteral("add registry"));
    if (!address) {
        m_registryMessage->showMessage(address.error().message);
        return;
    }
    const auto kind = RegistryKind(m_registryKind->currentData().toInt());
    m_addedRegistries.append({kind, *address});
    new QListWidgetItem(tr("%1  %2 (new: indexed from block %3 when you save)")
                            .arg(TriggerListModel::registryText(kind), address->toChecksumHex())
                            .arg(m_chain.config.startBlock.value_or(0)),
                        m_registries);
    m_registryKind->removeItem(m_registryKind->currentIndex());
    m_registryAddress->clear();
    m_registryMessage->clearMessage();
    if (m_registryKind->count() == 0) {
        m_registryAddress->setEnabled(false);
        m_addRegistry->setEnabled(false);
        m_registryKind->setEnabled(false);
    }
    revalidate();
}

void EditChainDialog::addTokenRow(const TokenInfo &token)
{
    const bool isNew = std::any_of(m_addedTokens.cbegin(), m_addedTokens.cend(), [&](const TokenInfo &t) { return t.address == token.address; });
    const int row = m_tokens->rowCount();
    m_tokens->insertRow(row);
    const QString symbol = token.symbol.isEmpty() ? tr("(no symbol)") : token.symbol;
    QString text = symbol + QStringLiteral("  ") + token.address.toChecksumHex();
    if (isNew)
        text = tr("%1 (new: added when you save)").arg(text);
    auto *name = new QTableWidgetItem(text);
    name->setToolTip(token.name);
    name->setData(Qt::UserRole, token.address.toHex());
    m_tokens->setItem(row, TokenName, name);
    auto *mode = new QComboBox;
    mode->setObjectName(QStringLiteral("balanceModeCombo"));
    for (BalanceMode m : {BalanceMode::Transfers, BalanceMode::BalanceOf})
        mode->addItem(TokenModel::modeText(m), int(m));
    mode->setItemData(0, TokenModel::modeExplanation(BalanceMode::Transfers), Qt::ToolTipRole);
    mode->setItemData(1, TokenModel::modeExplanation(BalanceMode::BalanceOf), Qt::ToolTipRole);
    mode->setCurrentIndex(mode->findData(int(token.balanceMode.value_or(BalanceMode::Transfers))));
    m_tokens->setCellWidget(row, TokenMode, mode);
    auto *reason = new QTableWidgetItem(token.balanceModeReason);
    reason->setToolTip(token.balanceModeReason);
    m_tokens->setItem(row, TokenReason, reason);
    const Address address = token.address;
    connect(mode, &QComboBox::activated, this, [this, mode, address] { setTokenMode(mode, address); });
}

bool EditChainDialog::hasChanges() const
{
    return (!m_saved && !edit().isEmpty()) || !m_addedTokens.isEmpty() || !m_modeChanges.isEmpty();
}

ChainEdit EditChainDialog::edit() const
{
    ChainEdit e;
    if (m_name->text() != m_chain.config.name)
        e.name = m_name->text();
    if (m_pollInterval->value() != m_chain.config.pollIntervalMs)
        e.pollIntervalMs = m_pollInterval->value();
    if (m_confirmations->value() != m_chain.config.confirmations)
        e.confirmations = m_confirmations->value();
    if (double(m_rpcRate->value()) != chainRpcRate(m_chain))
        e.rpcRateLimit = double(m_rpcRate->value());
    e.addRpcUrls = m_added;
    e.removeRpcUrls = m_removed;
    // The order shown, when it is not the one the chain gets anyway (its URLs, then the new ones).
    QList<QUrl> listed;
    for (int row = 0; row < m_urls->count(); ++row)
        listed.append(m_urls->item(row)->data(Qt::UserRole).toUrl());
    QList<QUrl> natural = m_chain.config.rpcUrls;
    natural.removeIf([&](const QUrl &u) { return m_removed.contains(u); });
    natural.append(m_added);
    auto keys = [](const QList<QUrl> &urls) {
        QStringList out;
        for (const QUrl &u : urls)
            out.append(rpcUrlKey(u));
        return out;
    };
    if (keys(listed) != keys(natural))
        e.rpcUrlOrder = listed;
    e.addRegistries = m_addedRegistries;
    if (const auto stats = BlockStats(m_blockStats->currentData().toInt()); stats != m_chain.config.blockStats)
        e.blockStats = stats;
    return e;
}

void EditChainDialog::clearErrors()
{
    for (MessageLabel *label : {m_nameMessage, m_pollMessage, m_confirmationsMessage, m_rateMessage, m_registryMessage, m_error})
        label->clearMessage();
}

void EditChainDialog::showError(const Error &error)
{
    const QString f = error.field;
    MessageLabel *label = m_error;
    if (f == u"name")
        label = m_nameMessage;
    else if (f == u"poll interval")
        label = m_pollMessage;
    else if (f == u"confirmations")
        label = m_confirmationsMessage;
    else if (f == u"rpc rate")
        label = m_rateMessage;
    else if (f == u"add rpc" || f == u"remove rpc" || f == u"prefer rpc" || f == u"rpc" || f == u"chain id")
        label = m_urlMessage;
    else if (f == u"add registry")
        label = m_registryMessage;
    label->showMessage(error.message);
}

void EditChainDialog::revalidate()
{
    clearErrors();
    m_removeUrl->setEnabled(m_urls->currentItem() && m_urls->count() > 1 && !m_saving);
    const int row = m_urls->currentItem() ? m_urls->currentRow() : -1;
    m_moveUp->setEnabled(row > 0 && !m_saving);
    m_moveDown->setEnabled(row >= 0 && row < m_urls->count() - 1 && !m_saving);
    m_removeUrl->setToolTip(m_urls->count() > 1 ? tr("Remove the selected URL when the edit is saved")
                                                : tr("A chain needs at least one RPC URL: add another before removing this one"));
    const ChainEdit e = m_saved ? ChainEdit() : edit();   // once saved, the edit is not sent again
    bool ok = true;
    if (!e.isEmpty()) {
        const Result<ChainConfig> applied = e.apply(m_chain);
        if (!applied) {
            showError(applied.error());
            ok = false;
        }
    }
    ok = ok && (!e.isEmpty() || !m_addedTokens.isEmpty() || !m_modeChanges.isEmpty());
    m_saveButton->setEnabled(ok && !m_saving && !m_probing);
}

void EditChainDialog::probeAndAddUrl()
{
    if (m_probing || m_saving)
        return;
    const Result<QUrl> url = parseRpcUrl(m_newUrl->text(), QStringLiteral("add rpc"));
    if (!url) {
        m_urlMessage->showMessage(url.error().message);
        return;
    }
    for (int i = 0; i < m_urls->count(); ++i) {
        if (rpcUrlKey(m_urls->item(i)->data(Qt::UserRole).toUrl()) == rpcUrlKey(*url)) {
            m_urlMessage->showMessage(tr("%1 is already in the list.").arg(urlsecrets::displayText(*url)));
            return;
        }
    }
    m_probing = true;
    m_addUrl->setEnabled(false);
    m_saveButton->setEnabled(false);
    m_urlMessage->showMessage(tr("Probing %1…").arg(urlsecrets::displayText(*url)), MessageLabel::Kind::Note);
    const QUrl wanted = *url;
    then(m_chains->probeEndpoints({wanted}, m_chain.config.chainId), this, [this, wanted](Result<QList<ProbeResult>> probed) {
        m_probing = false;
        m_addUrl->setEnabled(true);
        revalidate();
        if (!probed || probed->isEmpty()) {
            m_urlMessage->showMessage(probed ? tr("The probe returned nothing.") : probed.error().message);
            return;
        }
        const ProbeResult &p = probed->first();
        if (!p.ok()) {
            m_urlMessage->showMessage(tr("Not added: %1").arg(p.error->message));
            return;
        }
        const QString found = tr("chain %1, head %2, %3 ms, %4")
                                  .arg(p.chainId)
                                  .arg(p.head)
                                  .arg(p.latencyMs, 0, 'f', 1)
                                  .arg(p.clientVersion.isEmpty() ? tr("client not named") : p.clientVersion);
        auto *item = new QListWidgetItem(tr("%1 (new: %2)").arg(urlsecrets::displayText(wanted), found), m_urls);
        item->setData(Qt::UserRole, wanted);
        m_added.append(wanted);
        m_newUrl->clear();
        revalidate();
        m_urlMessage->showMessage(tr("%1 answers: %2. It is added when you save.").arg(urlsecrets::displayText(wanted), found), MessageLabel::Kind::Note);
    });
}

void EditChainDialog::moveSelectedUrl(int by)
{
    const int row = m_urls->currentRow();
    const int to = row + by;
    if (!m_urls->currentItem() || to < 0 || to >= m_urls->count())
        return;
    QListWidgetItem *item = m_urls->takeItem(row);
    m_urls->insertItem(to, item);
    m_urls->setCurrentItem(item);
    revalidate();
    m_urlMessage->showMessage(to == 0 ? tr("%1 is tried first once you save.").arg(urlsecrets::displayText(item->data(Qt::UserRole).toUrl()))
                                      : tr("The new order is saved with the edit."),
                              MessageLabel::Kind::Note);
}

void EditChainDialog::removeSelectedUrl()
{
    QListWidgetItem *item = m_urls->currentItem();
    if (!item || m_urls->count() <= 1)
        return;
    const QUrl url = item->data(Qt::UserRole).toUrl();
    if (m_added.contains(url))
        m_added.removeAll(url);
    else
        m_removed.append(url);
    delete item;
    revalidate();
    m_urlMessage->showMessage(tr("%1 is removed when you save.").arg(urlsecrets::displayText(url)), MessageLabel::Kind::Note);
}

} // namespace arbor::ui

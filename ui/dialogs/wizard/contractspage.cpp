#include "dialogs/wizard/contractspage.h"
#include "widgets/tablecell.h"

#include "dialogs/addchainwizard.h"
#include "engine/chainservice.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <iterator>
#include <utility>

namespace arbor::ui {

namespace {

const RegistryKind Kinds[3] = {RegistryKind::Identity, RegistryKind::Reputation, RegistryKind::Validation};

int indexOf(RegistryKind kind)
{
    return int(std::find(std::begin(Kinds), std::end(Kinds), kind) - std::begin(Kinds));
}

} // namespace

ContractsPage::ContractsPage(AddChainWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("contractsPage"));
    setTitle(tr("Contracts"));
    setSubTitle(tr("Add the ERC-20 tokens whose transfers and balances Arbor should index, and the ERC-8004 agent "
                   "registries, if the chain has any. Both are optional and can be added later."));

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);

    // Tokens.
    m_tokenEdit = new QLineEdit(this);
    m_tokenEdit->setObjectName(QStringLiteral("tokenAddressEdit"));
    m_tokenEdit->setPlaceholderText(tr("token contract address, 0x…"));
    m_tokenEdit->setFont(fixed);
    m_tokenEdit->setClearButtonEnabled(true);
    m_addButton = new QPushButton(tr("&Add Token"), this);
    m_addButton->setObjectName(QStringLiteral("addTokenButton"));
    m_addButton->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    m_addButton->setEnabled(false);
    m_removeButton = new QPushButton(tr("&Remove"), this);
    m_removeButton->setObjectName(QStringLiteral("removeTokenButton"));
    m_removeButton->setIcon(QIcon::fromTheme(QStringLiteral("list-remove")));
    m_removeButton->setEnabled(false);
    m_tokenError = new MessageLabel(QStringLiteral("tokenError"), this);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("tokenTable"));
    m_table->setHorizontalHeaderLabels({tr("Address"), tr("Name"), tr("Symbol"), tr("Decimals"), tr("Deployed at"), tr("Status")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);

    m_tokenProblems = new MessageLabel(QStringLiteral("tokenProblems"), this);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_tokenEdit, 1);
    addRow->addWidget(m_addButton);
    addRow->addWidget(m_removeButton);

    auto *tokens = new QGroupBox(tr("ERC-20 tokens"), this);
    auto *tokensLayout = new QVBoxLayout(tokens);
    tokensLayout->addLayout(addRow);
    tokensLayout->addWidget(m_tokenError);
    tokensLayout->addWidget(m_table, 1);
    tokensLayout->addWidget(m_tokenProblems);

    // Registries.
    auto *registries = new QGroupBox(tr("ERC-8004 registries"), this);
    m_officialButton = new QPushButton(registries);
    m_officialButton->setObjectName(QStringLiteral("officialRegistriesButton"));
    m_officialButton->hide();
    m_officialNote = new MessageLabel(QStringLiteral("officialRegistriesNote"), registries);
    auto *officialRow = new QHBoxLayout;
    officialRow->addWidget(m_officialButton);
    officialRow->addStretch(1);
    auto *registriesLayout = new QVBoxLayout(registries);
    registriesLayout->addLayout(officialRow);
    registriesLayout->addWidget(m_officialNote);
    auto *form = new QFormLayout;
    registriesLayout->addLayout(form);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const QString labels[3] = {tr("&Identity:"), tr("Re&putation:"), tr("&Validation:")};
    for (int i = 0; i < 3; ++i) {
        const QString kind = registryKindName(Kinds[i]);
        m_registryEdits[i] = new QLineEdit(registries);
        m_registryEdits[i]->setObjectName(kind + QLatin1String("RegistryEdit"));
        m_registryEdits[i]->setPlaceholderText(tr("none"));
        m_registryEdits[i]->setFont(fixed);
        m_registryEdits[i]->setClearButtonEnabled(true);
        m_registryErrors[i] = new MessageLabel(kind + QLatin1String("RegistryError"), registries);
        form->addRow(labels[i], m_registryEdits[i]);
        form->addRow(QString(), m_registryErrors[i]);
        connect(m_registryEdits[i], &QLineEdit::textChanged, this, &ContractsPage::checkRegistries);
    }

    m_startMessage = new MessageLabel(QStringLiteral("startDeploymentMessage"), this);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tokens, 1);
    layout->addWidget(registries);
    layout->addWidget(m_startMessage);

    connect(m_officialButton, &QPushButton::clicked, this, &ContractsPage::useOfficialRegistries);
    connect(m_tokenEdit, &QLineEdit::textChanged, this, &ContractsPage::checkTokenInput);
    connect(m_tokenEdit, &QLineEdit::returnPressed, this, &ContractsPage::addToken);
    connect(m_addButton, &QPushButton::clicked, this, &ContractsPage::addToken);
    connect(m_removeButton, &QPushButton::clicked, this, &ContractsPage::removeSelectedTokens);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_removeButton->setEnabled(!m_table->selectionModel()->selectedRows().isEmpty());
    });
}

void ContractsPage::initializePage()
{
    // Tokens read on another chain (the operator went back and changed the URLs) mean nothing here.
    if (m_chainId != m_wizard->probedChainId()) {
        const qint64 previous = std::exchange(m_chainId, m_wizard->probedChainId());
        m_tokens.clear();
        m_table->setRowCount(0);
        showTokenProblems();
        offerOfficialRegistries(previous);
    }
    updateStart();
}

void ContractsPage::offerOfficialRegistries(qint64 previousChainId)
{
    m_official = officialErc8004Deployment(m_chainId);
    if (const auto previous = officialErc8004Deployment(previousChainId)) {
        for (const RegistryRef &r : previous->registries()) {
            QLineEdit *edit = m_registryEdits[indexOf(r.kind)];
            const bool shared = m_official && m_official->registries().contains(r);
            if (!shared && Address::fromHex(edit->text().trimmed()).value_or(Address()) == r.address)
                edit->clear();
        }
    }
    m_officialButton->setVisible(m_official.has_value());
    if (!m_official) {
        m_officialNote->clearMessage();
        return;
    }
    m_officialButton->setText(tr("Use the &official ERC-8004 registries for %1").arg(m_official->network));
    QString note = tr("The ERC-8004 team lists registries for chain %1 (%2); Arbor carries their list (%3).")
                       .arg(m_chainId)
                       .arg(m_official->network, officialErc8004Source());
    if (!m_official->validation)
        note += u' ' + tr("It names no validation registry: give one below if the chain has one.");
    m_officialNote->showMessage(note, MessageLabel::Kind::Note);
    checkRegistries();
}

void ContractsPage::useOfficialRegistries()
{
    if (!m_official)
        return;
    for (const RegistryRef &r : m_official->registries())
        m_registryEdits[indexOf(r.kind)]->setText(r.address.toChecksumHex());
}

void ContractsPage::checkTokenInput()
{
    const QString text = m_tokenEdit->text().trimmed();
    QString problem;
    bool addable = false;
    if (!text.isEmpty()) {
        auto address = Address::fromHex(text);
        if (!address)
            problem = address.error().message;
        else if (address->isZero())
            problem = tr("The zero address is not a token contract.");
        else if (rowOf(*address) >= 0)
            problem = tr("%1 is in the list already.").arg(address->toChecksumHex());
        else
            addable = true;
    }
    m_tokenError->showMessage(problem);
    m_addButton->setEnabled(addable);
    // A valid address typed but not added would be silently dropped: Next waits for Add.
    m_tokenInputOk = text.isEmpty();
    if (addable)
        m_tokenError->showMessage(tr("Press Add Token to read this token from the chain."), MessageLabel::Kind::Note);
    Q_EMIT completeChanged();
}

void ContractsPage::addToken()
{
    auto address = Address::fromHex(m_tokenEdit->text().trimmed());
    if (!address || address->isZero() || rowOf(*address) >= 0)
        return;
    const QList<QUrl> urls = m_wizard->answeringUrls();
    const std::optional<qint64> head = m_wizard->probedHead();
    if (urls.isEmpty() || !head)
        return;

    Token token;
    token.address = *address;
    m_tokens.append(token);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    showToken(row);
    m_tokenEdit->clear();

    const Address added = *address;
    then(m_wizard->chains()->probeTokens(urls.first(), {added}, *head), this, [this, added](Result<QList<TokenInfo>> read) {
        const int row = rowOf(added);
        if (row < 0)
            return;   // removed meanwhile
        Token &t = m_tokens[row];
        t.reading = false;
        if (!read) {
            t.problem = read.error().message;
        } else if (read->isEmpty()) {
            t.problem = tr("The node returned nothing for this address.");
        } else {
            t.info = read->first();
            if (!t.info->decimals && t.info->symbol.isEmpty() && t.info->name.isEmpty())
                t.problem = tr("This contract is not an ERC-20 token: it has no name(), symbol() or decimals(). "
                               "Remove it, or check the address.");
        }
        showToken(row);
        updateStart();
    });
    updateStart();
}

void ContractsPage::removeSelectedTokens()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    QList<int> numbers;
    for (const QModelIndex &index : rows)
        numbers.append(index.row());
    std::sort(numbers.begin(), numbers.end(), std::greater<>());
    for (int row : numbers) {
        m_tokens.removeAt(row);
        m_table->removeRow(row);
    }
    showTokenProblems();
    checkTokenInput();
    updateStart();
}

void ContractsPage::showToken(int row)
{
    const Token &t = m_tokens.at(row);
    const Qt::Alignment numeric = Qt::AlignRight | Qt::AlignVCenter;
    auto *address = tableCell(t.address.toChecksumHex());
    address->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setItem(row, AddressColumn, address);
    const QLocale locale;
    QString status;
    QStyle::StandardPixmap icon = QStyle::SP_DialogApplyButton;
    if (t.reading) {
        status = tr("Reading from the chain…");
        icon = QStyle::SP_BrowserReload;
    } else if (!t.problem.isEmpty()) {
        status = t.problem;
        icon = QStyle::SP_MessageBoxCritical;
    } else if (t.info && !t.info->deployBlock) {
        status = t.info->deployBlockNote.isEmpty() ? tr("Deployment block unknown") : t.info->deployBlockNote;
        icon = QStyle::SP_MessageBoxWarning;
    } else {
        status = tr("ERC-20");
    }
    m_table->setItem(row, NameColumn, tableCell(t.info ? t.info->name : QString()));
    m_table->setItem(row, SymbolColumn, tableCell(t.info ? t.info->symbol : QString()));
    m_table->setItem(row, DecimalsColumn, tableCell(t.info && t.info->decimals ? QString::number(*t.info->decimals) : QString(), numeric));
    m_table->setItem(row, DeployColumn,
                     tableCell(t.info && t.info->deployBlock ? locale.toString(*t.info->deployBlock) : QString(), numeric));
    auto *statusItem = tableCell(status);
    statusItem->setIcon(style()->standardIcon(icon));
    m_table->setItem(row, StatusColumn, statusItem);
    showTokenProblems();
}

void ContractsPage::showTokenProblems()
{
    QStringList problems;
    for (const Token &t : std::as_const(m_tokens)) {
        if (!t.problem.isEmpty())
            problems.append(tr("%1: %2").arg(t.address.toChecksumHex(), t.problem));
    }
    m_tokenProblems->showMessage(problems.join(u'\n'));
}

void ContractsPage::checkRegistries()
{
    m_registriesOk = true;
    for (int i = 0; i < 3; ++i) {
        const QString text = m_registryEdits[i]->text().trimmed();
        QString problem;
        if (!text.isEmpty()) {
            auto address = Address::fromHex(text);
            if (!address)
                problem = address.error().message;
            else if (address->isZero())
                problem = tr("The zero address is not a registry contract.");
        }
        m_registryErrors[i]->showMessage(problem);
        m_registriesOk &= problem.isEmpty();
    }
    // Nothing left to fill in once the rows hold the official registries.
    if (m_official) {
        const QList<RegistryRef> current = registries();
        const QList<RegistryRef> official = m_official->registries();
        m_officialButton->setEnabled(!std::all_of(official.cbegin(), official.cend(),
                                                  [&current](const RegistryRef &r) { return current.contains(r); }));
    }
    Q_EMIT completeChanged();
}

void ContractsPage::updateStart()
{
    m_startOk = true;
    if (m_wizard->startsAtTokenDeployment()) {
        const bool reading = std::any_of(m_tokens.cbegin(), m_tokens.cend(), [](const Token &t) { return t.reading; });
        const std::optional<qint64> earliest = earliestDeployment();
        if (reading) {
            m_startOk = false;
            m_startMessage->showMessage(tr("Indexing starts at the earliest token deployment, known once the tokens are read."),
                                        MessageLabel::Kind::Note);
        } else if (!earliest) {
            m_startOk = false;
            m_startMessage->showMessage(tr("Indexing is to start at a token's deployment, but no token with a known "
                                           "deployment block is listed. Add one, or go back and choose another start."));
        } else {
            m_startMessage->showMessage(tr("Indexing starts at block %1, the earliest deployment of these tokens.")
                                            .arg(QLocale().toString(*earliest)),
                                        MessageLabel::Kind::Note);
        }
    } else {
        m_startMessage->clearMessage();
    }
    Q_EMIT completeChanged();
}

bool ContractsPage::isComplete() const
{
    const bool tokensOk = std::all_of(m_tokens.cbegin(), m_tokens.cend(), [](const Token &t) {
        return !t.reading && t.problem.isEmpty();
    });
    return tokensOk && m_tokenInputOk && m_registriesOk && m_startOk;
}

QList<Address> ContractsPage::tokens() const
{
    QList<Address> out;
    for (const Token &t : m_tokens)
        out.append(t.address);
    return out;
}

QList<TokenInfo> ContractsPage::tokenInfos() const
{
    QList<TokenInfo> out;
    for (const Token &t : m_tokens) {
        if (t.info)
            out.append(*t.info);
    }
    return out;
}

QList<RegistryRef> ContractsPage::registries() const
{
    QList<RegistryRef> out;
    for (int i = 0; i < 3; ++i) {
        auto address = Address::fromHex(m_registryEdits[i]->text().trimmed());
        if (address && !address->isZero())
            out.append(RegistryRef{Kinds[i], *address});
    }
    return out;
}

std::optional<qint64> ContractsPage::earliestDeployment() const
{
    std::optional<qint64> earliest;
    for (const Token &t : m_tokens) {
        if (t.info && t.info->deployBlock)
            earliest = earliest ? std::min(*earliest, *t.info->deployBlock) : *t.info->deployBlock;
    }
    return earliest;
}

int ContractsPage::rowOf(const Address &address) const
{
    for (int i = 0; i < m_tokens.size(); ++i) {
        if (m_tokens.at(i).address == address)
            return i;
    }
    return -1;
}

} // namespace arbor::ui

#include "pages/balancespage.h"

#include "engine/balanceservice.h"
#include "engine/chainservice.h"
#include "models/amountformat.h"
#include "models/portfoliomodel.h"
#include "models/topholdersmodel.h"
#include "util/continuation.h"
#include "widgets/tableactions.h"
#include "widgets/themecolors.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace arbor::ui {
namespace {

const int DefaultLimit = 20;
const int MaxLimit = 10000;

QLabel *createErrorLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()));
    label->hide();
    return label;
}

void setError(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QProgressBar *createBusyBar(const QString &objectName)
{
    auto *bar = new QProgressBar;
    bar->setObjectName(objectName);
    bar->setRange(0, 0);   // busy, no percentage
    bar->setTextVisible(false);
    bar->setMaximumHeight(bar->fontMetrics().height() / 2 + 2);
    bar->hide();
    return bar;
}

QLabel *createSummaryLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

void setSummary(QLabel *label, const QString &text, bool error = false)
{
    label->setStyleSheet(error ? QStringLiteral("QLabel { color: %1; }").arg(themecolors::errorText().name()) : QString());
    label->setText(text);
}

// Balances are never cut in the middle: a column too narrow cuts at the right, and the tooltip
// and a copy give the whole number.
void setUpView(QAbstractItemView *view, const QString &objectName, QAbstractItemModel *model)
{
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setTextElideMode(Qt::ElideRight);
    TableActions::install(view, objectName);
}

QTableView *createTable(const QString &objectName, QAbstractItemModel *model)
{
    auto *view = new QTableView;
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 10);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    setUpView(view, objectName, model);
    return view;
}

QTreeView *createTree(const QString &objectName, QAbstractItemModel *model)
{
    auto *view = new QTreeView;
    view->setUniformRowHeights(true);
    view->setWordWrap(false);
    view->header()->setStretchLastSection(true);
    view->header()->setHighlightSections(false);
    setUpView(view, objectName, model);
    return view;
}

// Wide enough for every value it holds (not narrower than set up), so nothing is cut.
void fitColumns(QHeaderView *header, QAbstractItemView *view, const QList<int> &columns)
{
    for (int column : columns) {
        const int wanted = std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        if (wanted > header->sectionSize(column))
            header->resizeSection(column, wanted);
    }
}

QString tokenLabel(const TokenInfo &token)
{
    const QString address = token.address.toChecksumHex();
    if (token.symbol.isEmpty())
        return token.name.isEmpty() ? address : token.name;
    return token.name.isEmpty() ? token.symbol : BalancesPage::tr("%1 (%2)", "token symbol, token name").arg(token.symbol, token.name);
}

// What the chain and token choices show of a chain: a snapshot that changes nothing else of it
// leaves the combo boxes (and an open popup) alone.
bool sameChoices(const QList<ChainRecord> &a, const QList<ChainRecord> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].config.chainId != b[i].config.chainId || a[i].config.name != b[i].config.name || a[i].tokens != b[i].tokens)
            return false;
    }
    return true;
}

} // namespace

BalancesPage::BalancesPage(BalanceService *balances, ChainService *chains, QWidget *parent)
    : QWidget(parent)
    , m_balances(balances), m_chains(chains)
    , m_portfolioModel(new PortfolioModel(this))
    , m_portfolioProxy(new QSortFilterProxyModel(this))
    , m_holdersModel(new TopHoldersModel(this))
{
    Q_ASSERT(balances);
    setObjectName(QStringLiteral("balancesPage"));
    m_portfolioProxy->setSourceModel(m_portfolioModel);
    m_portfolioProxy->setSortRole(PortfolioModel::SortRole);

    m_modes = new QTabWidget;
    m_modes->setObjectName(QStringLiteral("balancesModeTabs"));
    m_modes->setDocumentMode(true);
    m_modes->addTab(createPortfolioTab(), tr("&Portfolio"));
    m_modes->addTab(createHoldersTab(), tr("&Top Holders"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_modes);

    connect(m_chains, &ChainService::chainsChanged, this, &BalancesPage::onChainsChanged);
    connect(m_balances, &EngineService::stateChanged, this, &BalancesPage::updateButtons);
    onChainsChanged(m_chains->snapshot());
}

BalancesPage::~BalancesPage() = default;

QWidget *BalancesPage::createPortfolioTab()
{
    m_holderEdit = new QLineEdit;
    m_holderEdit->setObjectName(QStringLiteral("holderEdit"));
    m_holderEdit->setPlaceholderText(tr("0x… address of the holder"));
    m_holderEdit->setClearButtonEnabled(true);
    m_holderEdit->setMinimumWidth(m_holderEdit->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 44);
    m_holderError = createErrorLabel(QStringLiteral("holderError"));
    auto *holderLabel = new QLabel(tr("&Address:"));
    holderLabel->setBuddy(m_holderEdit);

    m_minBalanceEdit = new QLineEdit;
    m_minBalanceEdit->setObjectName(QStringLiteral("minBalanceEdit"));
    m_minBalanceEdit->setPlaceholderText(QStringLiteral("0"));
    m_minBalanceEdit->setToolTip(tr("Only balances of at least this amount of each token, in token units (1.5 is one and a half "
                                    "tokens, whatever their decimals); tokens of unknown decimals are compared in raw units"));
    m_minBalanceError = createErrorLabel(QStringLiteral("minBalanceError"));
    auto *minLabel = new QLabel(tr("&Minimum:"));
    minLabel->setBuddy(m_minBalanceEdit);

    m_portfolioButton = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Look Up"));
    m_portfolioButton->setObjectName(QStringLiteral("portfolioButton"));
    m_portfolioButton->setDefault(true);

    connect(m_portfolioButton, &QPushButton::clicked, this, &BalancesPage::lookUpPortfolio);
    connect(m_holderEdit, &QLineEdit::returnPressed, this, &BalancesPage::lookUpPortfolio);
    connect(m_minBalanceEdit, &QLineEdit::returnPressed, this, &BalancesPage::lookUpPortfolio);
    connect(m_holderEdit, &QLineEdit::textEdited, m_holderError, [this] { setError(m_holderError, QString()); });
    connect(m_minBalanceEdit, &QLineEdit::textEdited, m_minBalanceError, [this] { setError(m_minBalanceError, QString()); });

    m_groupCombo = new QComboBox;
    m_groupCombo->setObjectName(QStringLiteral("portfolioGroupCombo"));
    m_groupCombo->addItem(tr("No grouping"), int(PortfolioModel::Grouping::None));
    m_groupCombo->addItem(tr("By chain"), int(PortfolioModel::Grouping::ByChain));
    m_groupCombo->addItem(tr("By token"), int(PortfolioModel::Grouping::ByToken));
    auto *groupLabel = new QLabel(tr("&Group:"));
    groupLabel->setBuddy(m_groupCombo);
    connect(m_groupCombo, &QComboBox::currentIndexChanged, this, [this] {
        m_portfolioModel->setGrouping(PortfolioModel::Grouping(m_groupCombo->currentData().toInt()));
        m_portfolioView->expandAll();
        m_portfolioView->setRootIsDecorated(m_portfolioModel->grouping() != PortfolioModel::Grouping::None);
    });

    auto *form = new QGridLayout;
    form->addWidget(holderLabel, 0, 0);
    form->addWidget(m_holderEdit, 0, 1);
    form->addWidget(minLabel, 0, 2);
    form->addWidget(m_minBalanceEdit, 0, 3);
    form->addWidget(m_portfolioButton, 0, 4);
    form->addWidget(groupLabel, 0, 5);
    form->addWidget(m_groupCombo, 0, 6);
    form->addWidget(m_holderError, 1, 1);
    form->addWidget(m_minBalanceError, 1, 3, 1, 2);
    form->setColumnStretch(1, 3);
    form->setColumnStretch(3, 1);

    m_portfolioBusy = createBusyBar(QStringLiteral("portfolioBusy"));
    m_portfolioSummary = createSummaryLabel(QStringLiteral("portfolioSummary"));
    setSummary(m_portfolioSummary, tr("Enter an address to see its balances on every chain."));

    m_portfolioView = createTree(QStringLiteral("portfolioTable"), m_portfolioProxy);
    m_portfolioView->setRootIsDecorated(false);
    m_portfolioView->setSortingEnabled(true);
    m_portfolioView->sortByColumn(PortfolioModel::ChainColumn, Qt::AscendingOrder);
    QHeaderView *header = m_portfolioView->header();
    header->resizeSection(PortfolioModel::ChainColumn, 120);
    header->resizeSection(PortfolioModel::TokenColumn, 100);
    header->resizeSection(PortfolioModel::TokenAddressColumn, 180);
    header->resizeSection(PortfolioModel::BalanceColumn, 160);
    header->resizeSection(PortfolioModel::RawBalanceColumn, 180);

    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addWidget(m_portfolioBusy);
    layout->addWidget(m_portfolioSummary);
    layout->addWidget(m_portfolioView, 1);
    return tab;
}

QWidget *BalancesPage::createHoldersTab()
{
    m_chainCombo = new QComboBox;
    m_chainCombo->setObjectName(QStringLiteral("holdersChainCombo"));
    m_chainCombo->setPlaceholderText(tr("No chains"));
    m_chainCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *chainLabel = new QLabel(tr("C&hain:"));
    chainLabel->setBuddy(m_chainCombo);

    m_tokenCombo = new QComboBox;
    m_tokenCombo->setObjectName(QStringLiteral("holdersTokenCombo"));
    m_tokenCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tokenCombo->setMinimumContentsLength(16);
    auto *tokenLabel = new QLabel(tr("T&oken:"));
    tokenLabel->setBuddy(m_tokenCombo);

    m_limitSpin = new QSpinBox;
    m_limitSpin->setObjectName(QStringLiteral("holdersLimitSpin"));
    m_limitSpin->setRange(1, MaxLimit);
    m_limitSpin->setValue(DefaultLimit);
    auto *limitLabel = new QLabel(tr("&Show:"));
    limitLabel->setBuddy(m_limitSpin);

    m_holdersButton = new QPushButton(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Look Up"));
    m_holdersButton->setObjectName(QStringLiteral("holdersButton"));
    m_holdersButton->setDefault(true);
    connect(m_holdersButton, &QPushButton::clicked, this, &BalancesPage::showTopHolders);
    connect(m_chainCombo, &QComboBox::currentIndexChanged, this, &BalancesPage::updateTokens);
    connect(m_tokenCombo, &QComboBox::currentIndexChanged, this, &BalancesPage::updateButtons);
    // Choosing a token is asking for its holders; Look Up stays for a new limit or a refresh.
    connect(m_tokenCombo, &QComboBox::activated, this, [this] {
        if (m_holdersButton->isEnabled())
            showTopHolders();
    });

    auto *form = new QHBoxLayout;
    form->addWidget(chainLabel);
    form->addWidget(m_chainCombo);
    form->addSpacing(8);
    form->addWidget(tokenLabel);
    form->addWidget(m_tokenCombo, 1);
    form->addSpacing(8);
    form->addWidget(limitLabel);
    form->addWidget(m_limitSpin);
    form->addWidget(m_holdersButton);

    m_holdersBusy = createBusyBar(QStringLiteral("holdersBusy"));
    m_holdersSummary = createSummaryLabel(QStringLiteral("holdersSummary"));
    setSummary(m_holdersSummary, tr("Choose a chain and one of its tokens to see its largest holders."));

    m_holdersView = createTable(QStringLiteral("holdersTable"), m_holdersModel);
    m_supplyLabel = createSummaryLabel(QStringLiteral("holdersSupply"));
    QHeaderView *header = m_holdersView->horizontalHeader();
    header->resizeSection(TopHoldersModel::RankColumn, 60);
    header->resizeSection(TopHoldersModel::HolderColumn, 340);
    header->resizeSection(TopHoldersModel::BalanceColumn, 160);
    header->resizeSection(TopHoldersModel::ShareColumn, 90);
    header->resizeSection(TopHoldersModel::RawBalanceColumn, 200);

    auto *tab = new QWidget;
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(form);
    layout->addWidget(m_holdersBusy);
    layout->addWidget(m_holdersSummary);
    layout->addWidget(m_supplyLabel);
    layout->addWidget(m_holdersView, 1);
    return tab;
}

void BalancesPage::setMode(Mode mode)
{
    m_modes->setCurrentIndex(mode == PortfolioMode ? 0 : 1);
}

void BalancesPage::lookUpPortfolio()
{
    // Whatever happens below, an answer still on its way is for an input no longer shown.
    const quint64 query = ++m_portfolioQuery;
    m_portfolioBusy->hide();

    const QString holderText = m_holderEdit->text().trimmed();
    Result<Address> holder = holderText.isEmpty()
        ? Result<Address>(Error::invalid(QString(), tr("Enter an address: 0x followed by 40 hex digits.")))
        : Address::fromHex(holderText);
    setError(m_holderError, holder ? QString() : holder.error().message);

    const QString minText = m_minBalanceEdit->text().trimmed();
    // Checked as typed here; converted per token below, with each token's decimals.
    Result<U256> minBalance = minText.isEmpty() ? Result<U256>(U256(0)) : amounts::parseUnits(minText, 0);
    setError(m_minBalanceError, minBalance ? QString() : minBalance.error().message);

    if (!holder || !minBalance) {
        m_portfolioModel->setBalances({});
        setSummary(m_portfolioSummary, QString());
        (holder ? m_minBalanceEdit : m_holderEdit)->setFocus();
        return;
    }

    const QString shownHolder = holder->toChecksumHex();
    m_portfolioBusy->show();
    setSummary(m_portfolioSummary, tr("Looking up the balances of %1…").arg(shownHolder));
    then(m_balances->portfolio(*holder), this, [this, query, shownHolder, minText](Result<QList<TokenBalance>> balances) {
        if (query != m_portfolioQuery)
            return;   // superseded by a later query
        m_portfolioBusy->hide();
        if (!balances) {
            m_portfolioModel->setBalances({});
            setSummary(m_portfolioSummary, tr("Could not look up the balances: %1").arg(balances.error().toString()), true);
            return;
        }
        QList<TokenBalance> kept;
        for (const TokenBalance &b : std::as_const(*balances)) {
            // The minimum in this token's units, exactly; one too large for any balance keeps nothing.
            const Result<U256> min = minText.isEmpty() ? Result<U256>(U256(0)) : amounts::parseUnits(minText, b.decimals.value_or(0));
            if (min && b.balance >= *min)
                kept.append(b);
        }
        m_portfolioModel->setBalances(kept);
        m_portfolioView->expandAll();
        fitColumns(m_portfolioView->header(), m_portfolioView, {PortfolioModel::TokenAddressColumn, PortfolioModel::BalanceColumn});
        const int count = int(kept.size());
        if (count > 0)
            setSummary(m_portfolioSummary, tr("%n balance(s) of %1.", nullptr, count).arg(shownHolder));
        else if (!minText.isEmpty())
            setSummary(m_portfolioSummary, tr("%1 holds no balance of at least %2 on any chain.").arg(shownHolder, minText));
        else
            setSummary(m_portfolioSummary, tr("%1 holds no indexed tokens on any chain.").arg(shownHolder));
    });
}

void BalancesPage::showTopHolders()
{
    const quint64 query = ++m_holdersQuery;
    m_holdersBusy->hide();
    if (m_chainCombo->currentIndex() < 0 || m_tokenCombo->currentIndex() < 0)
        return;
    const qint64 chainId = m_chainCombo->currentData().toLongLong();
    const QString chainName = m_chainCombo->currentText();
    const QString token = m_tokenCombo->currentText();
    Result<Address> address = Address::fromHex(m_tokenCombo->currentData().toString());
    if (!address)
        return;   // the combo holds addresses the engine gave: cannot happen

    m_holdersBusy->show();
    setSummary(m_holdersSummary, tr("Looking up the largest holders of %1 on “%2”…").arg(token, chainName));
    m_supplyLabel->clear();
    const Address tokenAddress = *address;
    then(m_balances->topHolders(ChainRef{chainId, {}}, *address, m_limitSpin->value()), this, [this, query, token, chainName, chainId, tokenAddress](Result<QList<TokenBalance>> holders) {
            if (query != m_holdersQuery)
                return;   // superseded by a later query
            m_holdersBusy->hide();
            if (!holders) {
                m_holdersModel->setHolders({});
                setSummary(m_holdersSummary, tr("Could not look up the holders: %1").arg(holders.error().toString()), true);
                return;
            }
            m_holdersModel->setHolders(*holders);
            fitColumns(m_holdersView->horizontalHeader(), m_holdersView, {TopHoldersModel::HolderColumn, TopHoldersModel::BalanceColumn});
            if (!holders->isEmpty())
                showSupply(query, chainId, tokenAddress, holders->first());
            const int count = int(holders->size());
            if (count > 0)
                setSummary(m_holdersSummary, tr("The %n largest holder(s) of %1 on “%2”.", nullptr, count).arg(token, chainName));
            else
                setSummary(m_holdersSummary, tr("No balances of %1 on “%2” yet.").arg(token, chainName));
        });
}

void BalancesPage::showSupply(quint64 query, qint64 chainId, const Address &token, const TokenBalance &sample)
{
    setSummary(m_supplyLabel, tr("Reading the total supply…"));
    const QString symbol = PortfolioModel::tokenLabel(sample);
    const std::optional<int> decimals = sample.decimals;
    then(m_balances->tokenSupply(chainId, token), this, [this, query, symbol, decimals](Result<U256> supply) {
        if (query != m_holdersQuery)
            return;
        if (!supply) {
            m_holdersModel->setSupply(std::nullopt);
            setSummary(m_supplyLabel, tr("The share of supply is unknown: %1").arg(supply.error().toString()), true);
            return;
        }
        m_holdersModel->setSupply(*supply);
        setSummary(m_supplyLabel, tr("Total supply: %1 %2, as the token's totalSupply() reports it now.")
                                      .arg(amounts::format(*supply, decimals), symbol));
    });
}

void BalancesPage::onChainsChanged(const QList<ChainRecord> &chains)
{
    QList<ChainRecord> shown;
    for (const ChainRecord &chain : chains) {
        if (chain.state != ChainState::Deleting)
            shown.append(chain);
    }
    std::sort(shown.begin(), shown.end(), [](const ChainRecord &a, const ChainRecord &b) {
        return a.config.name.localeAwareCompare(b.config.name) < 0;
    });
    if (!m_shownChains.isEmpty() && sameChoices(shown, m_shownChains)) {
        updateButtons();
        return;
    }
    m_shownChains = shown;

    const QVariant current = m_chainCombo->currentData();
    {
        const QSignalBlocker blocker(m_chainCombo);
        m_chainCombo->clear();
        for (const ChainRecord &chain : std::as_const(m_shownChains))
            m_chainCombo->addItem(tr("%1 (%2)", "chain name, chain id").arg(chain.config.name).arg(chain.config.chainId),
                                  chain.config.chainId);
        const int keep = current.isValid() ? m_chainCombo->findData(current) : -1;
        m_chainCombo->setCurrentIndex(keep >= 0 ? keep : (m_chainCombo->count() > 0 ? 0 : -1));
    }
    updateTokens();
}

void BalancesPage::updateTokens()
{
    const qint64 chainId = m_chainCombo->currentData().toLongLong();
    const QVariant current = m_tokenCombo->currentData();
    {
        const QSignalBlocker blocker(m_tokenCombo);
        m_tokenCombo->clear();
        for (const ChainRecord &chain : std::as_const(m_shownChains)) {
            if (chain.config.chainId != chainId)
                continue;
            for (const TokenInfo &token : chain.tokens) {
                m_tokenCombo->addItem(tokenLabel(token), token.address.toHex());
                m_tokenCombo->setItemData(m_tokenCombo->count() - 1, token.address.toChecksumHex(), Qt::ToolTipRole);
            }
        }
        const int keep = current.isValid() ? m_tokenCombo->findData(current) : -1;
        m_tokenCombo->setCurrentIndex(keep >= 0 ? keep : (m_tokenCombo->count() > 0 ? 0 : -1));
    }
    m_tokenCombo->setPlaceholderText(m_chainCombo->currentIndex() < 0 ? QString() : tr("No tokens indexed"));
    updateButtons();
}

void BalancesPage::updateButtons()
{
    const bool started = m_balances->state().started;
    m_portfolioButton->setEnabled(started);
    m_tokenCombo->setEnabled(m_tokenCombo->count() > 0);
    m_holdersButton->setEnabled(started && m_chainCombo->currentIndex() >= 0 && m_tokenCombo->currentIndex() >= 0);
}

} // namespace arbor::ui

#include "dialogs/wizard/chainpage.h"

#include "dialogs/addchainwizard.h"
#include "engine/chainservice.h"
#include "model/callestimate.h"
#include "model/chainconfig.h"
#include "widgets/messagelabel.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace arbor::ui {

ChainPage::ChainPage(AddChainWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("chainPage"));
    setTitle(tr("The Chain"));
    setSubTitle(tr("Name the chain as it should appear in Arbor, and choose where indexing starts and how closely it "
                   "follows the chain's head."));

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("chainNameEdit"));
    m_nameEdit->setPlaceholderText(tr("for example mainnet or base-sepolia"));
    m_nameEdit->setMaxLength(ChainConfig::MaxNameLength * 4);   // longer input is explained, not cut
    m_nameError = new MessageLabel(QStringLiteral("chainNameError"), this);

    m_chainIdEdit = new QLineEdit(this);
    m_chainIdEdit->setObjectName(QStringLiteral("chainIdEdit"));
    m_chainIdEdit->setReadOnly(true);
    m_chainIdEdit->setToolTip(tr("As reported by the endpoints."));

    m_latestRadio = new QRadioButton(tr("At the &latest block"), this);
    m_latestRadio->setObjectName(QStringLiteral("startLatestRadio"));
    m_blockRadio = new QRadioButton(tr("At bloc&k"), this);
    m_blockRadio->setObjectName(QStringLiteral("startBlockRadio"));
    m_deploymentRadio = new QRadioButton(tr("At the earliest &deployment of the chain's tokens"), this);
    m_deploymentRadio->setObjectName(QStringLiteral("startDeploymentRadio"));
    m_deploymentRadio->setToolTip(tr("Indexing from a token's deployment makes its balances exact sums of its transfers."));
    auto *group = new QButtonGroup(this);
    group->addButton(m_latestRadio);
    group->addButton(m_blockRadio);
    group->addButton(m_deploymentRadio);
    m_latestRadio->setChecked(true);

    m_blockEdit = new QLineEdit(this);
    m_blockEdit->setObjectName(QStringLiteral("startBlockEdit"));
    m_blockEdit->setPlaceholderText(tr("block number"));
    m_blockEdit->setEnabled(false);
    m_headLabel = new QLabel(this);
    m_headLabel->setObjectName(QStringLiteral("headLabel"));
    m_headLabel->setEnabled(false);
    m_startError = new MessageLabel(QStringLiteral("startBlockError"), this);

    auto *start = new QGridLayout;
    start->setContentsMargins(0, 0, 0, 0);
    start->addWidget(m_latestRadio, 0, 0, 1, 3);
    start->addWidget(m_blockRadio, 1, 0);
    start->addWidget(m_blockEdit, 1, 1);
    start->addWidget(m_headLabel, 1, 2);
    start->addWidget(m_deploymentRadio, 2, 0, 1, 3);
    start->addWidget(m_startError, 3, 0, 1, 3);
    start->setColumnStretch(2, 1);

    m_confirmationsSpin = new QSpinBox(this);
    m_confirmationsSpin->setObjectName(QStringLiteral("confirmationsSpin"));
    m_confirmationsSpin->setRange(0, ChainConfig::MaxConfirmations);
    m_confirmationsSpin->setSuffix(tr(" blocks"));
    m_confirmationsSpin->setToolTip(tr("Index only blocks this deep below the head; 0 follows the head, reorgs are "
                                       "rolled back when they happen."));

    m_pollSpin = new QSpinBox(this);
    m_pollSpin->setObjectName(QStringLiteral("pollIntervalSpin"));
    m_pollSpin->setRange(100, 3600 * 1000);
    m_pollSpin->setSingleStep(500);
    m_pollSpin->setValue(ChainConfig().pollIntervalMs);
    m_pollSpin->setSuffix(tr(" ms"));
    m_pollSpin->setToolTip(tr("How often Arbor asks the endpoints for a new head."));

    m_eventsRadio = new QRadioButton(tr("Blocks with &events (fewest calls)"), this);
    m_eventsRadio->setObjectName(QStringLiteral("blockStatsEventsRadio"));
    m_eventsRadio->setToolTip(tr("Below the last blocks that may still be reorganised, only the headers of blocks that hold the "
                                 "chain's events are fetched: daily transfers and active holders are exact, daily blocks, "
                                 "transactions and gas are not counted."));
    m_everyRadio = new QRadioButton(tr("E&very block (one call per block)"), this);
    m_everyRadio->setObjectName(QStringLiteral("blockStatsEveryRadio"));
    m_everyRadio->setToolTip(tr("One header per block: daily blocks, transactions and gas are exact too. Hosted providers bill "
                                "and rate-limit per call."));
    auto *statsGroup = new QButtonGroup(this);
    statsGroup->addButton(m_eventsRadio);
    statsGroup->addButton(m_everyRadio);
    m_eventsRadio->setChecked(true);
    m_costLabel = new QLabel(this);
    m_costLabel->setObjectName(QStringLiteral("blockStatsCost"));
    m_costLabel->setWordWrap(true);
    auto *stats = new QVBoxLayout;
    stats->setContentsMargins(0, 0, 0, 0);
    stats->addWidget(m_eventsRadio);
    stats->addWidget(m_everyRadio);
    stats->addWidget(m_costLabel);

    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Na&me:"), m_nameEdit);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("Chain ID:"), m_chainIdEdit);
    form->addRow(tr("Start indexing:"), start);
    form->addRow(tr("&Confirmations:"), m_confirmationsSpin);
    form->addRow(tr("&Poll interval:"), m_pollSpin);
    form->addRow(tr("Block statistics:"), stats);

    connect(m_nameEdit, &QLineEdit::textChanged, this, &ChainPage::check);
    connect(m_blockEdit, &QLineEdit::textChanged, this, &ChainPage::check);
    connect(m_confirmationsSpin, &QSpinBox::valueChanged, this, &ChainPage::showCost);
    connect(group, &QButtonGroup::buttonToggled, this, [this] {
        m_blockEdit->setEnabled(m_blockRadio->isChecked());
        if (m_blockRadio->isChecked())
            m_blockEdit->setFocus();
        check();
    });
}

void ChainPage::initializePage()
{
    m_chainIdEdit->setText(QString::number(m_wizard->probedChainId()));
    const std::optional<qint64> head = m_wizard->probedHead();
    m_headLabel->setText(head ? tr("(the head is at %1)").arg(QLocale().toString(*head)) : QString());
    check();
}

void ChainPage::check()
{
    // The name, as ChainService::addChain will check it: ChainConfig::validate on a config whose other
    // fields are known to be right, keeping only the problems about the name.
    ChainConfig config;
    config.name = m_nameEdit->text();
    config.chainId = std::max<qint64>(1, m_wizard->probedChainId());
    config.rpcUrls = {QUrl(QStringLiteral("http://127.0.0.1"))};
    QString nameProblem;
    if (const Status s = config.validate(); !s && s.error().field == u"name")
        nameProblem = s.error().message;
    if (nameProblem.isEmpty()) {
        for (const ChainRecord &chain : m_wizard->chains()->snapshot()) {
            if (chain.config.name == config.name)
                nameProblem = tr("A chain named “%1” exists already (chain %2); choose another name.")
                                  .arg(config.name).arg(chain.config.chainId);
        }
    }
    // An untouched empty name is not an error yet; say so only once something was typed.
    if (m_nameEdit->text().isEmpty() && !m_nameEdit->isModified())
        m_nameError->clearMessage();
    else
        m_nameError->showMessage(nameProblem);

    QString startProblem;
    bool startMissing = false;
    if (m_blockRadio->isChecked()) {
        const std::optional<qint64> block = startBlock();
        const std::optional<qint64> head = m_wizard->probedHead();
        if (m_blockEdit->text().trimmed().isEmpty())
            startMissing = true;   // nothing to explain until something is typed
        else if (!block)
            startProblem = tr("Enter the block to start at as a whole number, 0 or more.");
        else if (head && *block > *head)
            startProblem = tr("Block %1 is beyond the chain's head (%2); enter %2 or less.").arg(*block).arg(*head);
    }
    m_startError->showMessage(startProblem);

    m_valid = nameProblem.isEmpty() && startProblem.isEmpty() && !startMissing;
    showCost();
    Q_EMIT completeChanged();
}

void ChainPage::showCost()
{
    const std::optional<qint64> head = m_wizard->probedHead();
    std::optional<qint64> from;
    if (start() == Start::Block)
        from = startBlock();
    else if (start() == Start::Latest)
        from = head;
    if (!head || !from || *from > *head) {
        m_costLabel->setText(start() == Start::TokenDeployment ? tr("The calls to reach the head are shown once the tokens are chosen (Review).")
                                                               : QString());
        return;
    }
    const QLocale locale;
    const qint64 blocks = *head - *from + 1;
    const CallEstimate events = estimateIndexingCalls(blocks, BlockStats::Events);
    const CallEstimate every = estimateIndexingCalls(blocks, BlockStats::Every);
    m_costLabel->setText(tr("To reach the head (%1 blocks): about %2 calls plus one per block with events, or %3 calls for every block.")
                             .arg(locale.toString(blocks), locale.toString(events.knownCalls()), locale.toString(every.knownCalls())));
}

bool ChainPage::isComplete() const
{
    return m_valid;
}

QString ChainPage::name() const
{
    return m_nameEdit->text();
}

ChainPage::Start ChainPage::start() const
{
    if (m_blockRadio->isChecked())
        return Start::Block;
    if (m_deploymentRadio->isChecked())
        return Start::TokenDeployment;
    return Start::Latest;
}

std::optional<qint64> ChainPage::startBlock() const
{
    bool ok = false;
    const qint64 block = m_blockEdit->text().trimmed().toLongLong(&ok);
    if (!ok || block < 0)
        return std::nullopt;
    return block;
}

BlockStats ChainPage::blockStats() const
{
    return m_everyRadio->isChecked() ? BlockStats::Every : BlockStats::Events;
}

int ChainPage::confirmations() const
{
    return m_confirmationsSpin->value();
}

void ChainPage::setPollIntervalMs(int ms)
{
    m_pollSpin->setValue(ms);
}

int ChainPage::pollIntervalMs() const
{
    return m_pollSpin->value();
}

} // namespace arbor::ui

#include "dialogs/wizard/reviewpage.h"

#include "model/callestimate.h"

#include "dialogs/addchainwizard.h"
#include "engine/chainservice.h"
#include "model/urlsecrets.h"
#include "models/tokenmodel.h"
#include "models/triggerlistmodel.h"
#include "util/continuation.h"
#include "widgets/messagelabel.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollArea>
#include <QTableView>
#include <QVBoxLayout>

namespace arbor::ui {

namespace {

QString row(const QString &label, const QString &value)
{
    return QLatin1String("<tr><td style=\"padding-right:12px; white-space:nowrap;\"><b>") + label.toHtmlEscaped()
        + QLatin1String("</b></td><td>") + value + QLatin1String("</td></tr>");
}

} // namespace

ReviewPage::ReviewPage(AddChainWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("Check the chain's settings. Create probes the endpoints once more, creates the chain's tables and "
                   "starts indexing."));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("reviewSummary"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_summary);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("createBusy"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(160);
    m_busyLabel = new QLabel(tr("Probing endpoints and creating tables…"), this);
    m_busyLabel->setObjectName(QStringLiteral("createStatus"));
    m_error = new MessageLabel(QStringLiteral("createError"), this);

    m_tokens = new TokenModel(this);
    m_tokenView = new QTableView(this);
    m_tokenView->setObjectName(QStringLiteral("reviewTokenTable"));
    m_tokenView->setModel(m_tokens);
    m_tokenView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokenView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tokenView->setAlternatingRowColors(true);
    m_tokenView->setWordWrap(true);
    m_tokenView->verticalHeader()->hide();
    m_tokenView->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tokenView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tokenView->horizontalHeader()->setSectionResizeMode(TokenModel::ReasonColumn, QHeaderView::Stretch);
    m_modeStatus = new QLabel(tr("Asking the node how each token's balances will be computed…"), this);
    m_modeStatus->setObjectName(QStringLiteral("reviewModeStatus"));
    m_modeError = new MessageLabel(QStringLiteral("reviewModeError"), this);
    m_tokenBox = new QGroupBox(tr("Token balances"), this);
    m_tokenBox->setObjectName(QStringLiteral("reviewTokenBox"));
    auto *tokenLayout = new QVBoxLayout(m_tokenBox);
    tokenLayout->addWidget(m_tokenView, 1);
    tokenLayout->addWidget(m_modeStatus);
    tokenLayout->addWidget(m_modeError);

    auto *status = new QHBoxLayout;
    status->addWidget(m_busy);
    status->addWidget(m_busyLabel);
    status->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_tokenBox, 1);
    layout->addLayout(status);
    layout->addWidget(m_error);
    setCreating(false);
    setCheckingModes(false);
}

void ReviewPage::initializePage()
{
    m_error->clearMessage();
    sampleEvents();
    showSummary();
    checkBalanceModes();
}

void ReviewPage::showSummary()
{
    const ChainConfig config = m_wizard->config();
    const QLocale locale;
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    html += row(tr("Name"), config.name.toHtmlEscaped());
    html += row(tr("Chain ID"), QString::number(config.chainId));

    QStringList urls;
    for (const QUrl &url : config.rpcUrls)
        urls.append(urlsecrets::displayText(url).toHtmlEscaped());
    html += row(tr("RPC endpoints"), urls.join(QLatin1String("<br>")));
    QStringList leftOut;
    for (const QUrl &url : m_wizard->typedUrls()) {
        if (!config.rpcUrls.contains(url))
            leftOut.append(urlsecrets::displayText(url).toHtmlEscaped());
    }
    if (!leftOut.isEmpty())
        html += row(tr("Left out (did not answer)"), leftOut.join(QLatin1String("<br>")));

    QString start;
    if (!config.startBlock)
        start = tr("the latest block when the chain is created");
    else if (m_wizard->startsAtTokenDeployment())
        start = tr("block %1 (the earliest token deployment)").arg(locale.toString(*config.startBlock));
    else
        start = tr("block %1").arg(locale.toString(*config.startBlock));
    html += row(tr("Start indexing at"), start);
    html += row(tr("Confirmations"), config.confirmations == 0 ? tr("none: follow the head") : tr("index blocks %1 deep").arg(config.confirmations));
    html += row(tr("Poll interval"), tr("%1 ms").arg(locale.toString(config.pollIntervalMs)));
    QString stats = config.blockStats == BlockStats::Every ? tr("every block (one header per block)")
                                                           : tr("blocks with events (headers of those blocks only)");
    if (const std::optional<qint64> head = m_wizard->probedHead()) {
        const qint64 blocks = *head - config.startBlock.value_or(*head) + 1;
        std::optional<qint64> withEvents;
        std::optional<double> logsPerBlock;
        if (m_density) {
            withEvents = m_density->expectedIn(blocks);
            logsPerBlock = m_density->logsPerBlock();
        }
        const CallEstimate cost = estimateIndexingCalls(blocks, config.blockStats, withEvents, 0, logsPerBlock);
        stats += QLatin1String("<br>")
            + (cost.plusBlocksWithEvents
                   ? tr("to reach the head (%1 blocks): about %2 calls, plus one per block with events").arg(locale.toString(blocks), locale.toString(cost.knownCalls()))
                   : tr("to reach the head (%1 blocks): about %2 calls").arg(locale.toString(blocks), locale.toString(cost.knownCalls())));
        if (config.blockStats == BlockStats::Events) {
            if (m_sampling)
                stats += QLatin1String(" ") + tr("(sampling how many blocks hold events…)");
            else if (m_density && m_density->sampledBlocks > 0)
                stats += QLatin1String(" ") + tr("(events in %1 of the %2 blocks sampled)")
                                                  .arg(locale.toString(m_density->blocksWithEvents), locale.toString(m_density->sampledBlocks));
            else if (!m_densityError.isEmpty())
                stats += QLatin1String("<br>") + tr("How many blocks hold events could not be sampled: %1").arg(m_densityError.toHtmlEscaped());
        }
    }
    html += row(tr("Block statistics"), stats);

    QStringList tokens;
    for (const TokenInfo &t : m_wizard->tokenInfos()) {
        QString line = t.symbol.isEmpty() ? t.address.toChecksumHex() : t.symbol.toHtmlEscaped() + QStringLiteral(" — ") + t.name.toHtmlEscaped();
        if (t.decimals)
            line += QLatin1String(", ") + tr("decimals: %1").arg(*t.decimals);
        if (t.deployBlock)
            line += QLatin1String(", ") + tr("deployed at block %1").arg(locale.toString(*t.deployBlock));
        line += QLatin1String("<br><small><code>") + t.address.toChecksumHex() + QLatin1String("</code></small>");
        tokens.append(line);
    }
    html += row(tr("Tokens"), tokens.isEmpty() ? tr("none") : tokens.join(QLatin1String("<br>")));

    QStringList registries;
    for (const RegistryRef &r : config.registries)
        registries.append(TriggerListModel::registryText(r.kind) + QLatin1String(": <code>") + r.address.toChecksumHex() + QLatin1String("</code>"));
    html += row(tr("ERC-8004 registries"), registries.isEmpty() ? tr("none") : registries.join(QLatin1String("<br>")));
    html += QLatin1String("</table>");
    m_summary->setText(html);
}

void ReviewPage::sampleEvents()
{
    const int generation = ++m_densityGeneration;
    m_density.reset();
    m_densityError.clear();
    const ChainConfig config = m_wizard->config();
    const std::optional<qint64> head = m_wizard->probedHead();
    // Only "blocks with events" pays a header per block with events.
    m_sampling = config.blockStats == BlockStats::Events && head && !config.rpcUrls.isEmpty()
        && (!config.tokens.isEmpty() || !config.registries.isEmpty());
    if (!m_sampling)
        return;
    const qint64 from = config.startBlock.value_or(*head);
    then(m_wizard->chains()->sampleEvents(config.rpcUrls.first(), config.tokens, config.registries, from, *head), this,
         [this, generation](Result<EventDensity> density) {
             if (generation != m_densityGeneration)
                 return;
             m_sampling = false;
             if (density)
                 m_density = *density;
             else
                 m_densityError = density.error().message;
             showSummary();
         });
}

void ReviewPage::cleanupPage()
{
    ++m_modeGeneration;   // the operator went back: the answers would be for settings that may change
    ++m_densityGeneration;
    m_sampling = false;
    setCheckingModes(false);
    QWizardPage::cleanupPage();
}

void ReviewPage::checkBalanceModes()
{
    const int generation = ++m_modeGeneration;
    m_modeError->clearMessage();
    QList<TokenInfo> tokens = m_wizard->tokenInfos();
    for (TokenInfo &t : tokens) {
        t.balanceMode.reset();
        t.balanceModeReason.clear();
    }
    showTokens(tokens);
    const ChainConfig config = m_wizard->config();
    const std::optional<qint64> head = m_wizard->probedHead();
    if (tokens.isEmpty() || config.rpcUrls.isEmpty() || !head) {
        m_tokens->setUndecidedText(tr("decided at Create"));
        setCheckingModes(false);
        return;
    }
    // Without a start block the chain starts at the head it has when created: the probed head
    // is the closest known.
    const qint64 start = config.startBlock.value_or(*head);
    m_tokens->setUndecidedText(tr("Checking…"));
    setCheckingModes(true);
    then(m_wizard->chains()->probeTokens(config.rpcUrls.first(), config.tokens, *head, start), this, [this, generation](Result<QList<TokenInfo>> probed) {
            if (generation != m_modeGeneration)
                return;
            setCheckingModes(false);
            m_tokens->setUndecidedText(tr("decided at Create"));
            if (!probed) {
                m_modeError->showMessage(tr("Could not check how the balances will be computed: %1").arg(probed.error().toString())
                                         + u'\n' + tr("Create decides the modes itself when it adds the chain."));
                return;
            }
            showTokens(*probed);
        });
}

void ReviewPage::setCheckingModes(bool checking)
{
    m_checkingModes = checking;
    m_modeStatus->setVisible(checking);
}

void ReviewPage::showTokens(const QList<TokenInfo> &tokens)
{
    m_tokens->setTokens(tokens);
    m_tokenBox->setVisible(!tokens.isEmpty());
}

bool ReviewPage::validatePage()
{
    if (m_created)
        return true;
    if (!m_creating)
        create();
    return false;
}

bool ReviewPage::isComplete() const
{
    return !m_creating;
}

void ReviewPage::create()
{
    m_error->clearMessage();
    setCreating(true);
    // The sample of the range says how wide the indexer's first eth_getLogs may go.
    std::optional<double> logsPerBlock;
    if (m_density && m_density->sampledBlocks > 0)
        logsPerBlock = m_density->logsPerBlock();
    then(m_wizard->chains()->addChain(m_wizard->config(), logsPerBlock), this, [this](Result<ChainRecord> added) {
        setCreating(false);
        if (!added) {
            m_error->showMessage(added.error().toString() + u'\n'
                                 + tr("Go back to fix it, or try Create again."));
            return;
        }
        m_created = true;
        // What the chain got is what counts from now on, not the earlier check.
        ++m_modeGeneration;
        setCheckingModes(false);
        m_modeError->clearMessage();
        showTokens(added->tokens);
        Q_EMIT m_wizard->chainAdded(*added);
        m_wizard->accept();
    });
}

void ReviewPage::setCreating(bool creating)
{
    m_creating = creating;
    m_busy->setVisible(creating);
    m_busyLabel->setVisible(creating);
    Q_EMIT completeChanged();
    // QWizard re-enables Back on completeChanged. While the engine works, going back means
    // nothing and cancelling cannot stop it: both wait.
    for (QWizard::WizardButton which : {QWizard::BackButton, QWizard::CancelButton}) {
        if (QAbstractButton *button = m_wizard->button(which))
            button->setEnabled(!creating);
    }
}

} // namespace arbor::ui

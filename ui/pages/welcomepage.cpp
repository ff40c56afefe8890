#include "pages/welcomepage.h"

#include "devnet/localdevnet.h"
#include "engine/chainservice.h"
#include "services/devnetservice.h"
#include "util/continuation.h"
#include "widgets/themecolors.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace arbor::ui {

namespace {

QPushButton *largeButton(const QIcon &icon, const QString &text, const QString &objectName)
{
    auto *button = new QPushButton(icon, text);
    button->setObjectName(objectName);
    button->setMinimumSize(220, 56);
    button->setIconSize(QSize(24, 24));
    QFont font = button->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    button->setFont(font);
    return button;
}

} // namespace

WelcomePage::WelcomePage(ChainService *chains, QWidget *parent)
    : QWidget(parent)
    , m_chains(chains)
{
    setObjectName(QStringLiteral("welcomePage"));

    auto *icon = new QLabel;
    icon->setObjectName(QStringLiteral("welcomeIcon"));
    icon->setAlignment(Qt::AlignCenter);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/org.arbor.Arbor.svg")).pixmap(96, 96));

    auto *title = new QLabel(tr("Welcome to Arbor"));
    title->setObjectName(QStringLiteral("welcomeTitle"));
    title->setAlignment(Qt::AlignCenter);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *text = new QLabel(tr("Arbor indexes EVM chains into a local database and shows sync lag, balances, "
                               "RPC health and agent events live.\n"
                               "Add a chain by its RPC endpoint, or try a local devnet with demo tokens, "
                               "ERC-8004 registries and live traffic."));
    text->setObjectName(QStringLiteral("welcomeText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);

    m_addChainButton = largeButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("Add chain…"),
                                   QStringLiteral("welcomeAddChainButton"));
    m_addChainButton->setToolTip(tr("Index a chain through its JSON-RPC endpoint"));
    connect(m_addChainButton, &QPushButton::clicked, this, &WelcomePage::addChainRequested);

    m_devnetButton = largeButton(QIcon::fromTheme(QStringLiteral("system-run")), tr("Try a local devnet"),
                                 QStringLiteral("welcomeDevnetButton"));
    connect(m_devnetButton, &QPushButton::clicked, this, &WelcomePage::startDevnet);

    m_unavailableLabel = new QLabel;
    m_unavailableLabel->setObjectName(QStringLiteral("welcomeDevnetUnavailable"));
    m_unavailableLabel->setAlignment(Qt::AlignCenter);
    m_unavailableLabel->setWordWrap(true);
    m_unavailableLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_stepsLabel = new QLabel;
    m_stepsLabel->setObjectName(QStringLiteral("welcomeDevnetSteps"));
    m_stepsLabel->setAlignment(Qt::AlignCenter);
    m_stepsLabel->setWordWrap(true);
    m_stepsLabel->hide();

    m_errorLabel = new QLabel;
    m_errorLabel->setObjectName(QStringLiteral("welcomeDevnetError"));
    m_errorLabel->setAlignment(Qt::AlignCenter);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, themecolors::errorText(errorPalette));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();

    m_retryButton = new QPushButton(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("&Retry"));
    m_retryButton->setObjectName(QStringLiteral("welcomeDevnetRetryButton"));
    m_retryButton->hide();
    connect(m_retryButton, &QPushButton::clicked, this, &WelcomePage::startDevnet);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_addChainButton);
    buttons->addSpacing(16);
    buttons->addWidget(m_devnetButton);
    buttons->addStretch();

    auto *retry = new QHBoxLayout;
    retry->addStretch();
    retry->addWidget(m_retryButton);
    retry->addStretch();

    // One centred column of readable width; labels wrap inside it.
    auto *column = new QWidget;
    column->setObjectName(QStringLiteral("welcomeColumn"));
    column->setMaximumWidth(640);
    auto *layout = new QVBoxLayout(column);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(8);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addSpacing(24);
    layout->addLayout(buttons);
    layout->addWidget(m_unavailableLabel);
    layout->addSpacing(12);
    layout->addWidget(m_stepsLabel);
    layout->addWidget(m_errorLabel);
    layout->addLayout(retry);
    layout->addStretch(3);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch();
    outer->addWidget(column, 1);
    outer->addStretch();

    updateAvailability();
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::updateAvailability()
{
    const QString reason = LocalDevnet::unavailableReason();
    const bool busy = m_devnet && m_devnet->state() != LocalDevnet::State::Failed
        && m_devnet->state() != LocalDevnet::State::Stopped;
    m_devnetButton->setEnabled(reason.isEmpty() && !busy && !m_added);
    m_devnetButton->setToolTip(reason.isEmpty()
                                   ? tr("Start a local EVM node (anvil) with demo tokens, ERC-8004 registries "
                                        "and live traffic, and index it")
                                   : reason);
    m_unavailableLabel->setText(reason);
    m_unavailableLabel->setVisible(!reason.isEmpty());
}

void WelcomePage::startDevnet()
{
    updateAvailability();
    if (!LocalDevnet::unavailableReason().isEmpty())
        return;
    if (!m_devnet) {
        m_devnet = new DevnetService(this);
        connect(m_devnet, &DevnetService::progress, this, &WelcomePage::onProgress);
        connect(m_devnet, &DevnetService::ready, this, &WelcomePage::onReady);
        connect(m_devnet, &DevnetService::failed, this, [this](const arbor::Error &error) { onFailed(error.message); });
    }
    m_added = false;
    m_failed = false;
    m_steps.clear();
    m_errorLabel->hide();
    m_retryButton->hide();
    m_stepsLabel->show();
    m_devnet->start();
    updateAvailability();
}

void WelcomePage::onProgress(const QString &step)
{
    m_steps.append(step);
    showSteps();
}

void WelcomePage::showSteps()
{
    QStringList lines;
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        const bool last = i == m_steps.size() - 1 && !m_added;
        //: A step of starting the local devnet: done (✓), failed (✗) or in progress (…)
        lines.append(!last ? tr("✓ %1").arg(m_steps.at(i))
                           : m_failed ? tr("✗ %1").arg(m_steps.at(i)) : tr("… %1").arg(m_steps.at(i)));
    }
    m_stepsLabel->setText(lines.join(QLatin1Char('\n')));
}

void WelcomePage::onReady(const arbor::ChainConfig &config)
{
    onProgress(tr("Adding the local devnet as a chain…"));
    then(m_chains->addChain(config), this, [this](const Result<ChainRecord> &added) {
        if (!added) {
            // Without the chain the node is of no use: stop it, so Retry starts afresh.
            if (m_devnet)
                m_devnet->stop();
            onFailed(added.error().toString());
            return;
        }
        m_added = true;
        m_steps.append(tr("Indexing the local devnet"));
        showSteps();
        updateAvailability();
        Q_EMIT chainAdded(*added);
    });
}

void WelcomePage::onFailed(const QString &message)
{
    m_errorLabel->setText(tr("The local devnet could not start: %1").arg(message));
    m_errorLabel->show();
    m_retryButton->show();
    m_added = false;
    m_failed = true;
    showSteps();
    updateAvailability();
}

} // namespace arbor::ui
